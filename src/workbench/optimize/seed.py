"""A plan to start a stage from, found on small neighbourhoods of the whole model.

The stage's linear relaxation is solved on the whole model first. Its optimum is a proven
bound on the stage: when the seed is already within the stage's gap of it, the whole model
is proven with no search at all. Otherwise the seed is where the search on the whole model
starts; either way the seed changes how the stage is proven, never what.

The neighbourhood searched is every exercise the relaxation uses (or the earlier stages'
plan uses) on every training day, when that is a small part of the week. On the imported
free-exercise-db (492 exercises, 6 days) the relaxation's own (exercise, day) pairs held a
poor plan (418 points where the best known is 431.6, after 45 s): the best weeks put those
exercises on other days, and near-duplicates of them everywhere. On every training day, the
same exercises gave a 427.8-point plan in 2 s, and 431.6 after the polish.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pulp

from workbench.optimize.backends import Backend
from workbench.optimize.decisions import Decisions, Key
from workbench.optimize.status import Termination

__all__ = ["EVERY_DAY_SHARE", "SEED_GAP", "Seed", "find_seed", "neighbourhood", "within_gap"]

#: Relative gap the neighbourhood is solved to [ratio]; the polish then improves the plan
#: within its own choices. Looser than the stage's gap: on the imported library (6 days)
#: the relaxation's own pairs took 2.2 s at 5% and 7.9 s at 3% for the same plan; every
#: day's neighbourhood gave the same plan in the same 1.7 s at 2%, 5% and 10%.
SEED_GAP = 0.05
#: Largest share of the week's (exercise, day) choices searched as "every exercise the
#: relaxation uses, on every day" [ratio]; above it the seed is searched on the relaxation's
#: own choices. Measured: on the imported library that neighbourhood is 6-10% of the week
#: and holds far better plans than the relaxation's own choices (above); on the shipped
#: library it is 28-48% and cost 1.0-1.5 s CPU where the relaxation's own choices took
#: 0.2-0.6 s for plans as good.
EVERY_DAY_SHARE = 0.2
#: Absolute slack on a gap check [objective units]: the solvers' ``gapAbs``.
GAP_ABS = 1e-7
#: Relative slack on the relaxation's optimum as a bound [ratio]: its value is the primal
#: objective of a solution feasible to the solvers' tolerances (1e-7).
BOUND_SLACK = 1e-6


@dataclass(frozen=True)
class Seed:
    assignment: dict[Key, int]
    #: Proven optimal within its own choices (the within-choice polish holds it already).
    polished: bool = False
    #: The relaxation's optimum on the whole model: a proven bound on the stage, or None.
    bound: float | None = None


def within_gap(value: float, bound: float, gap: float, *, maximise: bool) -> bool:
    """Whether ``value`` is proven within the relative ``gap`` of ``bound`` (HiGHS's
    definition: the distance over the plan's own value)."""
    distance = bound - value if maximise else value - bound
    return distance <= gap * abs(value) + GAP_ABS


def neighbourhood(decisions: Decisions, used: set[Key]) -> set[Key]:
    """The (exercise, day) choices a seed is searched on: every exercise in ``used`` on
    every training day when that is a small part of the week (:data:`EVERY_DAY_SHARE`),
    else ``used`` itself."""
    exercises = {exercise for exercise, _day in used}
    every_day = {key for key in decisions.chosen if key[0] in exercises}
    if len(every_day) <= EVERY_DAY_SHARE * len(decisions.chosen):
        return every_day
    return used


def find_seed(
    decisions: Decisions,
    solver: Backend,
    assignment: dict[Key, int],
    *,
    threads: int,
    left: Callable[[], float | None],
) -> Seed:
    """A plan for the objective set on ``decisions.prob``: the stage solved on the
    :func:`neighbourhood` of the choices its relaxation uses (and ``assignment`` uses, so
    the earlier stages' optimum stays reachable), to :data:`SEED_GAP`, then polished within
    its own choices. ``assignment`` itself when that fails."""
    prob = decisions.prob
    maximise = prob.sense == pulp.LpMaximize
    relaxed = solver.run(prob, gap=0.0, time_limit=left(), warm=False, threads=threads, relax=True)
    if not relaxed.termination.feasible:
        return Seed(assignment)
    bound = None
    optimum = pulp.value(prob.objective)
    if relaxed.termination is Termination.OPTIMAL and optimum is not None:
        slack = BOUND_SLACK * max(1.0, abs(optimum))
        bound = optimum + slack if maximise else optimum - slack
    decisions.restrict(neighbourhood(decisions, decisions.support() | set(assignment)))
    decisions.warm_start(assignment)
    try:
        run = solver.run(prob, gap=SEED_GAP, time_limit=left(), warm=True, threads=threads)
        found = decisions.assignment() if run.termination.feasible else assignment
    finally:
        decisions.reopen()
    decisions.within_choice(found)
    decisions.warm_start(found)
    try:
        run = solver.run(prob, gap=0.0, time_limit=left(), warm=True, threads=threads)
        if run.termination.feasible:
            return Seed(decisions.assignment(), run.termination is Termination.OPTIMAL, bound)
    finally:
        decisions.reopen()
    return Seed(found, False, bound)
