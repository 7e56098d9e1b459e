"""What would close the gap: for a week left short, what 15 more minutes, one more day or one
more equipment item would buy, each change applicable with one call.

No widgets here. The parent links the week on show and its number to this model's traits (a
new week clears the answer); ``options()`` are the solver's settings and ``choose(client)``
takes a change into the controls, both handed to it. It says what it is doing in its own
:attr:`GapModel.busy` and what went wrong in :attr:`GapModel.error` (the parent shows it in
the page's error line).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import traitlets as t

from workbench.client import Client
from workbench.explain import Relaxation, what_relaxing_buys
from workbench.optimize import SolveOptions
from workbench.planner import PlanResult
from workbench.present import TOLERANCE, number

__all__ = ["GapModel"]


class GapModel(t.HasTraits):
    """The close-the-gap answer of one dashboard (made by it as ``model.gap``)."""

    # Linked from the parts that own them.
    week = t.Instance(PlanResult, allow_none=True)  # the checked week on show
    week_shown = t.Int(0)  # its number: each week put on show clears the answer

    relaxations = t.Tuple()  # what relaxing buys for the shown plan, best first (lines)
    relaxation_options = t.Tuple()  # the Relaxation behind each line after the first
    busy = t.Bool(False)  # re-solving (the page shows it is working)
    #: The latest apply that failed (an answer out of date), one line; empty when it worked.
    error = t.Unicode("")

    def __init__(
        self,
        *,
        options: Callable[[], SolveOptions],
        choose: Callable[[Client], None],
        **traits: Any,
    ) -> None:
        self.options = options
        self.choose = choose
        super().__init__(**traits)
        self.observe(self._on_week_shown, names="week_shown")

    def _on_week_shown(self, change: Any) -> None:
        """Another week on show: the answer was about the one before."""
        self.relaxations = ()
        self.relaxation_options = ()

    def close_the_gap(self) -> tuple[str, ...]:
        """What more minutes, one more day or one equipment item would buy for the shown plan.

        Each line comes from a re-solve, so it is an optimum, not a guess; only changes that
        make the shortfall smaller are listed, each one applicable with
        :meth:`apply_relaxation`. Run on request (a click): it costs a few solves.
        """
        good = self.week
        options: tuple[Relaxation, ...] = ()
        if good is None:
            self.relaxations = ("no plan yet",)
        elif not good.short:
            self.relaxations = ("every posterior-chain muscle is at its minimum already",)
        else:
            self.busy = True
            try:
                found = what_relaxing_buys(good.problem, good.solved, self.options())
            finally:
                self.busy = False
            now = good.solved.shortfall or 0.0
            options = tuple(r for r in found if r.shortfall < now - TOLERANCE)
            head = f"now {number(now)} sets a week short in all (priority-weighted)"
            lines = [str(r) for r in options]
            if not lines:
                head += (
                    "; neither 15 more minutes, one more day nor one more equipment item "
                    "makes that smaller"
                )
            self.relaxations = (head, *lines)
        self.relaxation_options = options
        return tuple(self.relaxations)

    def apply_relaxation(self, index: int) -> None:
        """Take the ``index``-th change :meth:`close_the_gap` found into the controls."""
        self.error = ""
        if not 0 <= index < len(self.relaxation_options):
            self.error = "that suggestion is out of date: ask again"
            return
        relaxed: Relaxation = self.relaxation_options[index]
        self.choose(relaxed.client)
