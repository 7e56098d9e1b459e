"""The dashboard's what-if actions: what more time buys, another week like this, swap and lock.

No widgets here. Each action is a call of :mod:`workbench.whatif` on the dashboard's client,
so every plan it shows has passed the independent checker. A sweep costs one plan per value,
so it runs one value per event-loop turn (with the dashboard's timer): a control changed
meanwhile re-plans between two values, and stops the sweep, whose answer it makes stale.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Any

import plotly.graph_objects as go
import traitlets as t

from workbench import figures, whatif
from workbench.client import Client, Placement
from workbench.errors import InputError
from workbench.planner import PlanResult, make_plan
from workbench.present import number
from workbench.ui.words import coach_line

if TYPE_CHECKING:
    from workbench.ui.model import DashboardModel

__all__ = ["MINUTES_RANGE", "SWEEP_STEPS", "WhatIfModel", "row_choices", "sweep_minutes_values"]

#: Minutes a session a sweep tries, around the client's own [min].
SWEEP_STEPS = (-15, 0, 15, 30)
#: The minutes a session the dashboard allows (its slider's range) [min].
MINUTES_RANGE = (10, 240)
#: Replacements offered for a swapped-out row.
SWAP_CHOICES = 3


def sweep_minutes_values(minutes: float) -> tuple[float, ...]:
    """The client's minutes -15, +0, +15, +30, within :data:`MINUTES_RANGE` [min]; whole
    minutes as ints, so they label the figure as "45", not "45.0"."""
    low, high = MINUTES_RANGE
    values = [minutes + step for step in SWEEP_STEPS if low <= minutes + step <= high]
    return tuple(int(v) if float(v).is_integer() else v for v in values)


def row_choices(result: PlanResult | None) -> list[tuple[str, tuple[str, str]]]:
    """Each row of a plan as (label, (exercise id, weekday)), in the table's order."""
    if result is None or result.plan is None:
        return []
    return [
        (f"{e.weekday} {e.order}: {e.exercise} ({e.sets} × {e.reps})", (e.exercise_id, e.weekday))
        for e in result.plan.entries
    ]


class WhatIfModel(t.HasTraits):
    """What-if state of one :class:`DashboardModel`; made by it as ``model.whatif``."""

    # What more time buys.
    sweep_figure = t.Instance(go.Figure, allow_none=True)
    sweep_status = t.Unicode("")
    sweeping = t.Bool(False)
    # Another week like this.
    week_index = t.Int(0)  # 0: the best week
    week_note = t.Unicode("")
    # Swap and lock.
    swap_row = t.Tuple()  # (exercise id, weekday) whose replacements are offered
    candidates = t.Tuple()  # SwapCandidate, best first
    placement_note = t.Unicode("")

    def __init__(self, dashboard: DashboardModel) -> None:
        super().__init__()
        self.dashboard = dashboard
        self._run = 0  # the sweep in progress; a newer number stops an older one
        self._sweep: dict[str, Any] = {}
        self._alternatives: whatif.AlternativePlans | None = None
        self._shown: PlanResult | None = None  # the week this model put on show
        dashboard.observe(self._plan_changed, names="good")

    # ----- shared ------------------------------------------------------------------------

    def _client(self) -> Client | None:
        """The dashboard's client, or None (and the reason shown) while the choices are bad."""
        dashboard = self.dashboard
        dashboard.flush()
        if dashboard.good is None or dashboard.stale:
            return None
        try:
            return dashboard.client()
        except InputError as error:
            dashboard.error = coach_line(error, dashboard.library)
            return None

    def _plan_changed(self, change: Any) -> None:
        """A new plan from the controls: earlier answers no longer describe it."""
        if change.new is self._shown:
            return
        self._shown = None
        self._alternatives = None
        self.week_index = 0
        self.week_note = ""
        self.swap_row = ()
        self.candidates = ()
        if self.sweeping:
            self.stop_sweep()
        elif self.sweep_figure is not None:
            self.sweep_figure = None
            self.sweep_status = ""

    # ----- what more time buys -----------------------------------------------------------

    def stop_sweep(self) -> None:
        """Stop a sweep in progress (the choices changed): no further value is planned."""
        if self.sweeping:
            self._run += 1
            self.sweeping = False
            self.sweep_status = "Stopped: the choices changed; ask again."

    def sweep_minutes(self, full: bool = False) -> None:
        """Plan the client at its minutes -15, +0, +15, +30 and draw what each buys.

        ``full`` plans each week in full (as long as a plan each, coach check included);
        otherwise the shortfall alone is proven (fast). One value per event-loop turn.
        """
        if self.sweeping:
            return
        client = self._client()
        if client is None:
            self.sweep_status = "No plan to sweep: fix the choices first."
            return
        values = sweep_minutes_values(client.minutes_per_session)
        try:
            variants = whatif.sweep_clients(client, "minutes", values)
        except InputError as error:
            self.sweep_status = coach_line(error, self.dashboard.library)
            return
        self._run += 1
        self._sweep = {"full": full, "todo": variants, "done": [], "started": time.perf_counter()}
        self.sweeping = True
        self._step(self._run)

    def _step(self, run: int) -> None:
        if run != self._run or not self.sweeping:
            return  # stopped
        state = self._sweep
        todo, done = state["todo"], state["done"]
        if not todo:
            self._finish()
            return
        value, variant = todo[0]
        total = len(todo) + len(done)
        self.sweep_status = f"Planning {number(value)} min ({len(done) + 1} of {total})…"
        dashboard = self.dashboard
        if state["full"]:
            result = dashboard.plan_for(variant)
        else:
            options = replace(dashboard.options(), preferences=False)
            result = make_plan(
                dashboard.library,
                variant,
                dashboard.profiles,
                options,
                explain=False,
                file="dashboard",
            )
        state["todo"], state["done"] = todo[1:], [*done, (value, result)]
        self._schedule(lambda: self._step(run))

    def _schedule(self, callback: Callable[[], None]) -> None:
        timer = self.dashboard.debouncer.timer
        if timer is None:
            callback()
        else:
            timer(0.0, callback)

    def _finish(self) -> None:
        state = self._sweep
        frame = whatif.sweep_frame("minutes", state["done"])
        seconds = time.perf_counter() - state["started"]
        count = len(frame)
        if state["full"]:
            title = "What more time buys: full plans (bars: shortfall; line: coach check)"
            how = f"{count} full plans"
        else:
            # A shortfall-only week is not polished for the coach: its check says nothing.
            frame["coach_passed"] = float("nan")
            frame["coach_applicable"] = float("nan")
            title = "What more time buys: shortfall only (fast; weeks not polished, no check)"
            how = f"{count} shortfall-only plans"
        self.sweeping = False
        self.sweep_figure = figures.what_if_figure(frame, "minutes", title=title)
        self.sweep_status = (
            f"{how} at {', '.join(number(v) for v in frame['minutes'])} min a session "
            f"({seconds:.1f} s); each checked"
        )

    # ----- another week like this --------------------------------------------------------

    def another_week(self) -> None:
        """Show the next different week at the same optimal shortfall (coach value within the
        value gap), found on the first ask; say so when there is none."""
        dashboard = self.dashboard
        if self._client() is None:
            self.week_note = "No plan to vary: fix the choices first."
            return
        wanted = self.week_index + 2  # weeks up to and including the next one
        found = self._alternatives
        if found is None or (len(found.plans) < wanted and found.complete):
            best = found.plans[0] if found is not None else dashboard.good
            assert best is not None
            dashboard.busy = True
            try:
                found = whatif.plan_alternatives(best, wanted, dashboard.options())
            finally:
                dashboard.busy = False
            self._alternatives = found
        if len(found.plans) < wanted:
            if len(found.plans) == 1:
                self.week_note = (
                    "No other week reaches the same shortfall with a coach value within the gap: "
                    "this week is the only one."
                )
            else:
                self.week_note = (
                    f"No more weeks like this: {len(found.plans)} in all. "
                    "Back to the best week, or step through them again from there."
                )
            return
        self._show(self.week_index + 1)

    def best_week(self) -> None:
        """Back to the best week."""
        if self._alternatives is not None and self.week_index:
            self._show(0)

    def _show(self, index: int) -> None:
        assert self._alternatives is not None
        plans = self._alternatives.plans
        result = plans[index]
        best_value = whatif.coach_value(plans[0])
        value = whatif.coach_value(result)
        shortfall = number(result.solved.shortfall or 0.0)
        if index == 0:
            line = f"The best week (coach value {number(round(best_value or 0.0, 1))})."
        else:
            line = (
                f"Week {index + 1} of those found: the same shortfall ({shortfall} sets a week), "
                f"coach value {number(round(value or 0.0, 1))} against the best week's "
                f"{number(round(best_value or 0.0, 1))}; checked."
            )
        self._shown = result
        self.week_index = index
        self.week_note = line
        self.dashboard.show_checked(result, line)

    # ----- swap and lock -----------------------------------------------------------------

    def lock(self, exercise_id: str, weekday: str) -> None:
        """Keep ``exercise_id`` on ``weekday`` and re-plan the rest."""
        client = self._client()
        if client is None:
            self.placement_note = "Nothing locked: fix the choices first."
            return
        self.placement_note = f"Locked {self._placement_words(Placement(exercise_id, weekday))}."
        self.dashboard.set_client(whatif.with_lock(client, exercise_id, weekday))

    def ask_swap(self, exercise_id: str, weekday: str) -> None:
        """Offer the best same-family replacements for one row, each a checked week."""
        dashboard = self.dashboard
        if self._client() is None or dashboard.good is None:
            self.placement_note = "Nothing to swap: fix the choices first."
            return
        dashboard.busy = True
        try:
            found = whatif.swap_candidates(
                dashboard.good, exercise_id, weekday, SWAP_CHOICES, dashboard.options()
            )
        except InputError as error:
            self.placement_note = coach_line(error, dashboard.library)
            return
        finally:
            dashboard.busy = False
        words = self._placement_words(Placement(exercise_id, weekday))
        self.swap_row = (exercise_id, weekday)
        self.candidates = found
        self.placement_note = (
            f"Replacements for {words}, best first (each a re-planned, checked week):"
            if found
            else f"No exercise of the same family fits in place of {words}; "
            "'Just drop it' keeps it off that day and re-plans."
        )

    def take_swap(self, index: int) -> None:
        """Make the ``index``-th offered replacement the plan (its week is already solved)."""
        if not 0 <= index < len(self.candidates):
            self.placement_note = "That offer is out of date: ask again."
            return
        chosen: whatif.SwapCandidate = self.candidates[index]
        client = replace(chosen.client, name=self.dashboard.name.strip() or chosen.client.name)
        if not chosen.result.short:  # no causes to explain: the week is the one a plan gives
            self.dashboard.remember(client, chosen.result)
        self.placement_note = f"Swapped in {chosen.name}."
        self.dashboard.set_client(client)

    def drop_row(self) -> None:
        """Swap the offered row out of its day with no replacement named, and re-plan."""
        client = self._client()
        if client is None or not self.swap_row:
            return
        exercise_id, weekday = self.swap_row
        self.placement_note = f"Swapped out {self._placement_words(Placement(*self.swap_row))}."
        self.dashboard.set_client(whatif.with_swap(client, exercise_id, weekday))

    def cancel_swap(self) -> None:
        self.swap_row = ()
        self.candidates = ()
        self.placement_note = ""

    def remove(self, kind: str, text: str) -> None:
        """Drop one lock (``kind="lock"``) or swap (``"swap"``) ``exercise@Day``; re-plans."""
        dashboard = self.dashboard
        setattr(dashboard, kind, tuple(p for p in getattr(dashboard, kind) if p != text))

    def _placement_words(self, placement: Placement) -> str:
        library = self.dashboard.library
        name = (
            library.exercise(placement.exercise_id).name
            if library.has_exercise(placement.exercise_id)
            else placement.exercise_id
        )
        return f"{name} on {placement.weekday}"

    def placements(self) -> list[tuple[str, str, str]]:
        """The client's locks and swaps as (kind, exercise@Day, words), locks first."""
        rows = []
        for kind, verb in (("lock", "Locked"), ("swap", "Swapped out")):
            for text in getattr(self.dashboard, kind):
                try:
                    words = self._placement_words(Placement.parse(text, kind))
                except InputError:
                    words = text
                rows.append((kind, text, f"{verb}: {words}"))
        return rows
