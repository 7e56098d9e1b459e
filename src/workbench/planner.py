"""The orchestrator: solve, check, judge and explain. The CLI and the dashboard call only this.

``make_plan`` is a pure function of frozen inputs; a what-if is another call with an
evolved client.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from workbench.analytics import MuscleCoverage, coverage
from workbench.check import Violation, check_plan
from workbench.client import Client, FrozenMap, SportProfile
from workbench.coaching import CoachWeights
from workbench.explain import NO_PLAN, ShortMuscle, explain_shortfalls, infeasible_reasons
from workbench.library import Library
from workbench.optimize import (
    SolveOptions,
    SolveResult,
    Termination,
    solve,
)
from workbench.plan import Plan
from workbench.problem import Problem, make_problem
from workbench.quality import CoachCheck, coach_check

__all__ = ["PlanResult", "coverage_costs", "judge", "make_plan"]


@dataclass(frozen=True)
class PlanResult:
    problem: Problem
    solved: SolveResult
    violations: tuple[Violation, ...] = ()
    coverage: tuple[MuscleCoverage, ...] = ()
    short: tuple[ShortMuscle, ...] = field(default=())
    check: CoachCheck | None = None  # the coach's rubric, for a plan that passed the checker
    #: Rubric criteria the plan misses only because covering the floors comes first: a week
    #: planned without the floors (the same hard limits) passes them.
    coverage_costs: tuple[str, ...] = ()
    message: str = ""
    #: Why no week meets the hard limits, one reason each (``message`` says them in a line).
    reasons: tuple[str, ...] = ()

    @property
    def plan(self) -> Plan | None:
        """The plan, only when it passed the independent checker."""
        return self.solved.plan if self.solved.ok and not self.violations else None

    @property
    def status(self) -> Termination:
        return Termination.ERROR if self.violations else self.solved.status


def make_plan(
    library: Library,
    client: Client,
    profiles: Mapping[str, SportProfile] | None = None,
    options: SolveOptions | None = None,
    *,
    weights: CoachWeights | None = None,
    explain: bool = True,
    costs: bool = False,
    file: str = "client",
) -> PlanResult:
    """Solve, check every plan independently, judge it by the coach's rubric, and explain
    gaps or conflicts. ``costs``: also say which rubric lines covering the floors costs a
    week short of credible (one more solve; asked for, never part of every plan).

    Raises :class:`~workbench.errors.InputError` for a client that names unknown ids.
    """
    options = options or SolveOptions()
    problem = make_problem(library, client, profiles, weights, file=file)
    return judge(problem, solve(problem, options), options, explain=explain, costs=costs)


def judge(
    problem: Problem,
    solved: SolveResult,
    options: SolveOptions,
    *,
    explain: bool = True,
    costs: bool = False,
) -> PlanResult:
    """A solve's plan checked independently, judged by the coach's rubric and explained: what
    :func:`make_plan` does after solving, for solves made another way (alternatives)."""
    library = problem.library
    if solved.status is Termination.INFEASIBLE:
        if not explain:
            return PlanResult(problem, solved, message=solved.message, reasons=solved.conflicts)
        reasons = infeasible_reasons(problem, solved, options)
        return PlanResult(
            problem, solved, message=f"{NO_PLAN}: " + "; ".join(reasons), reasons=reasons
        )
    if not solved.ok or solved.plan is None:
        return PlanResult(problem, solved, message=solved.message)
    violations = tuple(check_plan(solved.plan, library, problem.client, problem.targets))
    if violations:
        return PlanResult(
            problem,
            solved,
            violations=violations,
            message="the plan failed the independent check: " + "; ".join(map(str, violations)),
        )
    rows = tuple(coverage(solved.plan, library, problem.targets))
    short = tuple(explain_shortfalls(problem, solved, options)) if explain else ()
    check = coach_check(solved.plan, problem)
    # What covering costs is solved when a muscle is left short, or when asked of a week that
    # coverage may have bent (structure given up for the floors, a week short of credible):
    # never a second solve of every plan.
    bent = (bool(solved.stages) and not solved.structured and options.preferences) or (
        not check.credible
    )
    asked = bool(short) or (costs and bent)
    paid = coverage_costs(problem, check, options) if explain and asked else ()
    return PlanResult(
        problem,
        solved,
        coverage=rows,
        short=short,
        check=check,
        coverage_costs=paid,
        message=solved.message,
    )


def coverage_costs(problem: Problem, check: CoachCheck, options: SolveOptions) -> tuple[str, ...]:
    """The criteria ``check`` fails that a week without the floors would pass: what covering
    every muscle costs in a short week (COACHING.md: coverage wins, and the plan says so)."""
    if not check.failed:
        return ()
    # The same client with every muscle's floor at zero: the same stages, whose shortfall is
    # then nothing, plan the coach value under the hard limits alone (a structured week,
    # as quick as any).
    targets = {m: replace(t, min_sets=0.0) for m, t in problem.targets.items()}
    free = solve(replace(problem, targets=FrozenMap(targets)), options)
    if free.plan is None:
        return ()
    without = coach_check(free.plan, problem)
    return tuple(c.id for c in check.failed if without.criterion(c.id).passed)
