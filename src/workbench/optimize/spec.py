"""The lexicographic stages as data: which objective, to what gap, in what order.

A later stage keeps every earlier stage's optimum as a constraint, so the shortfall of the
returned plan is the first stage's proven optimum whatever the later stages value.
"""

from __future__ import annotations

from dataclasses import dataclass

from workbench.optimize.objectives import COACH_VALUE, SHORTFALL, Objective

__all__ = ["DEFAULT_SPEC", "SHORTFALL_ONLY", "VALUE_GAP", "Stage"]

#: Relative gap the coach value is proven to [ratio]. A gap, not a time cap, ends the stage,
#: so the same inputs give the same plan on every run (measured: benchmarks/solve_times.py).
VALUE_GAP = 0.02
#: Relative gap of each day-by-day neighbourhood [ratio]: none, each is solved exactly.
POLISH_GAP = 0.0


@dataclass(frozen=True)
class Stage:
    objective: Objective
    gap: float  # relative gap to prove [ratio]; 0 = exactly optimal
    #: Improve the previous stage's plan one training day at a time: that day's exercises
    #: open, the other days' kept (every day's sets stay open). Each neighbourhood is small
    #: and solved to a tight gap, so a plan proven within the stage gap is polished where it
    #: can be, deterministically.
    by_day: bool = False
    name: str = ""

    @property
    def title(self) -> str:
        return self.name or self.objective.name


DEFAULT_SPEC: tuple[Stage, ...] = (
    Stage(SHORTFALL, 0.0),
    Stage(COACH_VALUE, VALUE_GAP),
    Stage(COACH_VALUE, POLISH_GAP, by_day=True, name="coach value, day by day"),
)
#: For what-if questions that only ask "how short?".
SHORTFALL_ONLY: tuple[Stage, ...] = DEFAULT_SPEC[:1]
