"""A planning session: the week for a client, offered as each stage of the solve lands.

:func:`plan_stages` runs the same solve as :func:`~workbench.planner.make_plan` and yields a
:class:`~workbench.planner.PlanResult` at each milestone (:class:`~workbench.optimize.Milestone`):
the week whose shortfall is proven, the first week with the coach's value in it, each value
stage's week, and the final week with its explanations. Every week offered has been through
the independent checker (:func:`~workbench.planner.judge`); one that fails it is offered as a
result without a plan. The last result is byte for byte :func:`make_plan`'s.

A caller that stops iterating (the dashboard, when the coach changes a control) stops the
solve between stages; :func:`interrupting` also stops a HiGHS solve that is running.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from workbench.client import Client, SportProfile
from workbench.coaching import CoachWeights
from workbench.library import Library
from workbench.optimize import SolveOptions, solve_stages
from workbench.optimize.backends import interrupting
from workbench.planner import PlanResult, judge
from workbench.problem import make_problem

__all__ = ["interrupting", "plan_stages"]


def plan_stages(
    library: Library,
    client: Client,
    profiles: Mapping[str, SportProfile] | None = None,
    options: SolveOptions | None = None,
    *,
    weights: CoachWeights | None = None,
    explain: bool = True,
    file: str = "client",
) -> Iterator[PlanResult]:
    """The week for ``client`` at each milestone of its solve, checked; the last result is
    :func:`~workbench.planner.make_plan`'s (``result.solved.final``).

    Raises :class:`~workbench.errors.InputError` for a client that names unknown ids (before
    anything is yielded).
    """
    options = options or SolveOptions()
    problem = make_problem(library, client, profiles, weights, file=file)
    for solved in solve_stages(problem, options):
        # Explanations are re-solves: asked of the final week only.
        yield judge(problem, solved, options, explain=explain and solved.final)
