"""How a solver stage ended, in the project's own words (never PuLP's status text)."""

from __future__ import annotations

from enum import Enum

__all__ = ["Milestone", "Termination"]


class Termination(Enum):
    """The end of one solver run.

    ``OPTIMAL`` means proven within the stage's gap (0 for the shortfall: exactly optimal).
    PuLP says "Optimal" after a time limit too; only ``sol_status`` tells them apart.
    """

    OPTIMAL = "optimal"
    #: Stopped at the stage's deterministic work budget (nodes) with a plan and its gap.
    BUDGET = "stopped at its work budget"
    TIME_LIMIT = "stopped at time limit"
    INFEASIBLE = "no plan"
    ERROR = "error"

    @property
    def feasible(self) -> bool:
        """Whether the run left a plan to read."""
        return self in (Termination.OPTIMAL, Termination.BUDGET, Termination.TIME_LIMIT)


class Milestone(Enum):
    """How far a solve had gone when a week was offered (:func:`~workbench.optimize.solve_stages`).

    Every week offered keeps the shortfall the first stage proved; later milestones only
    raise the coach value.
    """

    #: The shortfall is proven; the week is the shortfall stage's own.
    COVERAGE = "coverage proven"
    #: The local search's week from it: a first week with the coach's value in it.
    SEARCHED = "first week"
    #: A value stage has ended; more stages follow.
    STAGE = "stage"
    #: The last stage has ended: the answer :func:`~workbench.optimize.solve` returns.
    FINAL = "final"
