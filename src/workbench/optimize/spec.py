"""The lexicographic stages as data: which objective, to what gap, in what order.

A later stage keeps every earlier stage's optimum as a constraint, so the shortfall of the
returned plan is the first stage's proven optimum whatever the later stages value.
"""

from __future__ import annotations

from dataclasses import dataclass

from workbench.optimize.objectives import COACH_VALUE, SHORTFALL, Objective

__all__ = ["DEFAULT_SPEC", "SHORTFALL_NODES", "SHORTFALL_ONLY", "VALUE_GAP", "VALUE_NODES", "Stage"]

#: Relative gap the coach value is proven to [ratio]. A gap or the stage's node budget, never
#: a time cap, ends the stage, so the same inputs give the same plan on every run (measured:
#: benchmarks/solve_times.py).
VALUE_GAP = 0.01
#: The deterministic work budget of a stage [branch-and-bound nodes]: a stage that has not
#: proven its gap by then stops with its best plan and the gap it did prove. The value
#: stage's is its root: the root's cuts and heuristics (from the local search's week) prove
#: most weeks within a few percent; each node past it cost a 4-day week 0.1-0.5 s.
SHORTFALL_NODES = 20_000
VALUE_NODES = 1


@dataclass(frozen=True)
class Stage:
    objective: Objective
    gap: float  # relative gap to prove [ratio]; 0 = exactly optimal
    nodes: int | None = None  # the stage's work budget [nodes]; None: until proven
    #: Polish the previous stage's week exactly within its own choices: each exercise of each
    #: session may stay or go and every set count is open. A neighbourhood small enough to
    #: prove optimal at once, that removes what the gap tolerated (a seventh exercise, a set
    #: in the wrong place).
    within_choice: bool = False
    #: Start from a local search of the week so far (structured weeks).
    search: bool = False
    name: str = ""

    @property
    def title(self) -> str:
        return self.name or self.objective.name


DEFAULT_SPEC: tuple[Stage, ...] = (
    Stage(SHORTFALL, 0.0, SHORTFALL_NODES),
    Stage(COACH_VALUE, VALUE_GAP, VALUE_NODES, search=True),
    Stage(COACH_VALUE, 0.0, VALUE_NODES, within_choice=True, name="coach value, polished"),
)
#: For what-if questions that only ask "how short?".
SHORTFALL_ONLY: tuple[Stage, ...] = DEFAULT_SPEC[:1]
