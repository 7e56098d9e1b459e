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


@dataclass(frozen=True)
class Stage:
    objective: Objective
    gap: float  # relative gap to prove [ratio]; 0 = exactly optimal
    #: Improve the previous stage's plan one training day at a time: that day's session
    #: open, the other days' kept. Each neighbourhood is small and solved exactly, so a plan
    #: proven within the stage gap is polished where it can be, deterministically.
    by_day: bool = False
    #: Keep the exercises the previous stage chose and re-balance every set count exactly.
    keep_choice: bool = False
    name: str = ""

    @property
    def title(self) -> str:
        return self.name or self.objective.name


DEFAULT_SPEC: tuple[Stage, ...] = (
    Stage(SHORTFALL, 0.0),
    Stage(COACH_VALUE, VALUE_GAP),
    Stage(COACH_VALUE, 0.0, by_day=True, name="coach value, day by day"),
    Stage(COACH_VALUE, 0.0, keep_choice=True, name="coach value, sets re-balanced"),
)
#: For what-if questions that only ask "how short?".
SHORTFALL_ONLY: tuple[Stage, ...] = DEFAULT_SPEC[:1]
