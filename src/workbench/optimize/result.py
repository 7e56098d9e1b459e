"""Per-stage results and the result of a whole solve."""

from __future__ import annotations

from dataclasses import dataclass, field

from workbench.optimize.status import Milestone, Termination
from workbench.plan import Plan

__all__ = ["TIER_NAMES", "SolveResult", "StageResult", "relative_gap"]

#: The weeks a solve tries, most structured first.
TIER_NAMES: tuple[str, ...] = ("split", "rules", "doses", "free")


def relative_gap(value: float, bound: float) -> float:
    """How far ``value`` is from the ``bound`` proved on it, over the value (as HiGHS states
    its gap) [ratio]: the one measure a stage is judged and reported by."""
    return abs(bound - value) / max(abs(value), 1e-9)


@dataclass(frozen=True)
class StageResult:
    """One lexicographic stage: its objective's value on the rounded plan, the solver's proven
    bound, the relative gap it was asked for, and how long it took."""

    name: str
    termination: Termination
    value: float | None = None  # recomputed from the rounded plan, in the objective's unit
    bound: float | None = None  # the best bound the solver proved
    gap: float = 0.0  # relative gap the stage was solved to [ratio]
    seconds: float = 0.0
    within_choice: bool = False  # proven among the plan's own choices, not the whole library
    nodes: int = 0  # branch-and-bound nodes the solver searched

    @property
    def proven(self) -> bool:
        return self.termination is Termination.OPTIMAL

    @property
    def achieved_gap(self) -> float | None:
        """The relative gap between value and bound [ratio], when both are known."""
        if self.value is None or self.bound is None:
            return None
        return relative_gap(self.value, self.bound)

    def describe(self) -> str:
        if self.termination is Termination.OPTIMAL and self.within_choice:
            return "polished"
        if self.termination is Termination.OPTIMAL:
            return "proven optimal" if self.gap == 0 else f"proven within {self.gap:.0%}"
        if self.termination is Termination.TIME_LIMIT:
            return "best found in the time allowed"
        if self.termination is Termination.BUDGET:
            gap = self.achieved_gap
            return "best found in its work budget" + (
                f" (within {gap:.1%})" if gap is not None else ""
            )
        return self.termination.value


@dataclass(frozen=True)
class SolveResult:
    """A whole solve: the status of the first stage (the shortfall), the plan of the last."""

    status: Termination
    plan: Plan | None = None
    shortfall: float | None = None  # priority-weighted [sets/week]
    bound: float | None = None  # best proven lower bound on the shortfall
    message: str = ""
    solver: str = ""
    build_seconds: float = 0.0
    solve_seconds: float = 0.0
    stages: tuple[StageResult, ...] = ()
    conflicts: tuple[str, ...] = field(default=())
    #: The week holds every structure rule outright (False: covering the floors needed the
    #: week to bend some, each then charged as a penalty in the coach value).
    structured: bool = False
    #: Which week was planned (:data:`TIERS`): ``split`` (the split and every rule),
    #: ``rules`` (every rule, no split), ``doses`` (doses by role only), ``free``.
    tier: str = ""
    #: How far the solve had gone when this result was offered; only a ``FINAL`` result is
    #: the answer (the others are weeks on the way, each keeping the proven shortfall).
    milestone: Milestone = Milestone.FINAL

    @property
    def final(self) -> bool:
        return self.milestone is Milestone.FINAL

    @property
    def ok(self) -> bool:
        return self.status.feasible and self.plan is not None

    @property
    def preferences_proven(self) -> bool:
        """Whether every stage after the shortfall was also solved to its gap."""
        return len(self.stages) > 1 and all(stage.proven for stage in self.stages[1:])

    @property
    def gap(self) -> float | None:
        if self.shortfall is None or self.bound is None:
            return None
        return max(0.0, self.shortfall - self.bound)

    def stage(self, name: str) -> StageResult | None:
        return next((s for s in self.stages if s.name == name), None)
