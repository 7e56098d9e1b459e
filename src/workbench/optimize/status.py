"""How a solver stage ended, in the project's own words (never PuLP's status text)."""

from __future__ import annotations

from enum import Enum

__all__ = ["Termination"]


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
