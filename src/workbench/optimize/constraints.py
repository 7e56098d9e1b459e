"""One function per hard limit (:class:`~workbench.rules.HardLimit`), in a registry.

Limits 1, 3 and 4 hold by the decisions' domain (variables exist only on the client's
weekdays and for exercises the client may do, see :meth:`Problem.allowed`); their entries
say so. The others add constraints. A diagnosis that relaxes a limit simply leaves it out
of the enforced set.
"""

from __future__ import annotations

from collections.abc import Callable

import pulp

from workbench.optimize.decisions import Decisions
from workbench.problem import adjacent_pairs
from workbench.rules import HardLimit

__all__ = [
    "CONSTRAINTS",
    "apply",
    "exercises_per_session",
    "muscle_maximum",
    "recovery",
    "required",
    "session_minutes",
    "sets_per_exercise",
]


def _by_domain(_decisions: Decisions) -> None:
    """Held by the decisions' domain: nothing to add."""


def sets_per_exercise(decisions: Decisions) -> None:
    """Limit 5: a chosen exercise gets min..max sets (the maximum is the variable's bound)."""
    fewest = decisions.min_sets
    if fewest > 1:
        for key, sets in decisions.sets.items():
            decisions.prob += sets >= fewest * decisions.chosen[key]


def session_minutes(decisions: Decisions) -> None:
    """Limit 2: a session's minutes within the booked minutes."""
    limit = decisions.problem.client.minutes_per_session
    for day in decisions.days:
        decisions.prob += decisions.minutes[day] <= limit, f"minutes_{day}"


def required(decisions: Decisions) -> None:
    """Limit 6: every required exercise at least once a week."""
    for exercise_id in decisions.problem.client.require:
        chosen = [
            decisions.chosen[(exercise_id, d)]
            for d in decisions.days
            if (exercise_id, d) in decisions.chosen
        ]
        decisions.prob += pulp.lpSum(chosen) >= 1


def muscle_maximum(decisions: Decisions) -> None:
    """Limit 7: no muscle's effective sets (ballistic sets included) above its maximum."""
    for muscle_id, effective in decisions.effective.items():
        if len(effective):
            decisions.prob += effective <= decisions.problem.targets[muscle_id].max_sets


def recovery(decisions: Decisions) -> None:
    """Limit 8: no muscle primary on two consecutive calendar days (Sun->Mon counts)."""
    pairs = adjacent_pairs(decisions.days)
    if not pairs:
        return
    paired = sorted({d for pair in pairs for d in pair})
    for muscle in decisions.problem.library.muscles:
        loaders = [e for e in decisions.exercises if muscle.id in e.primary_muscles]
        if not loaders:
            continue
        trained = {day: decisions.variable("primary", binary=True) for day in paired}
        for day in paired:
            for exercise in loaders:
                decisions.prob += decisions.chosen[(exercise.id, day)] <= trained[day]
        for first, second in pairs:
            decisions.prob += trained[first] + trained[second] <= 1


def exercises_per_session(decisions: Decisions) -> None:
    """Limit 9: no session above the client's exercise cap, when the client sets one."""
    cap = decisions.problem.client.max_exercises_per_session
    if cap is not None:
        for day in decisions.days:
            decisions.prob += decisions.count[day] <= cap, f"exercises_{day}"


CONSTRAINTS: dict[HardLimit, Callable[[Decisions], None]] = {
    HardLimit.WEEKDAYS: _by_domain,
    HardLimit.SESSION_MINUTES: session_minutes,
    HardLimit.EQUIPMENT: _by_domain,
    HardLimit.ELIGIBILITY: _by_domain,
    HardLimit.SETS_PER_EXERCISE: sets_per_exercise,
    HardLimit.REQUIRED: required,
    HardLimit.MUSCLE_MAXIMUM: muscle_maximum,
    HardLimit.RECOVERY: recovery,
    HardLimit.EXERCISES_PER_SESSION: exercises_per_session,
}


def apply(decisions: Decisions) -> None:
    """Add every enforced limit's constraints, in the contract's order."""
    for limit in HardLimit.contract():
        if limit in decisions.enforced:
            CONSTRAINTS[limit](decisions)
