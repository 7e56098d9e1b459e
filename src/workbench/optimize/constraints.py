"""One function per hard limit (:class:`~workbench.rules.HardLimit`), in a registry.

Limits 1, 3 and 4 hold by the decisions' domain (variables exist only on the client's
weekdays and for exercises the client may do, see :meth:`Problem.allowed`); their entries
say so. The others add constraints. A diagnosis that relaxes a limit simply leaves it out
of the enforced set.
"""

from __future__ import annotations

from collections.abc import Callable

from workbench.optimize.decisions import Decisions
from workbench.optimize.model import Linear
from workbench.problem import ALL_LIMITS, Problem, adjacent_pairs, exclusion_reasons
from workbench.rules import HardLimit

__all__ = [
    "CONSTRAINTS",
    "apply",
    "eligibility",
    "exercises_per_session",
    "lock_conflicts",
    "muscle_maximum",
    "recovery",
    "required",
    "session_minutes",
    "sets_per_exercise",
]


def _by_domain(_decisions: Decisions) -> None:
    """Held by the decisions' domain: nothing to add."""


def eligibility(decisions: Decisions) -> None:
    """Limit 4: level, avoided tags and bans hold by the domain; a swap bans an exercise on
    one weekday only: its doses there are closed."""
    for placement in decisions.problem.client.swaps:
        on = decisions.on.get((placement.exercise_id, placement.weekday))
        if on is not None and len(on):
            decisions.model.at_most(on, 0.0, f"swap_{placement}")


def sets_per_exercise(decisions: Decisions) -> None:
    """Limit 5: each exercise once a session with min..max sets: one dose of it a day (each
    dose is within the client's bounds by the decisions' domain)."""
    for on in decisions.on.values():
        if len(on) > 1:
            decisions.model.at_most(on, 1.0)


def session_minutes(decisions: Decisions) -> None:
    """Limit 2: a session's minutes and its warm-up within the booked minutes."""
    limit = decisions.problem.client.work_minutes
    for day in decisions.days:
        decisions.model.at_most(decisions.minutes[day], limit, f"minutes_{day}")


def required(decisions: Decisions) -> None:
    """Limit 6: every required exercise at least once a week; every lock on its day."""
    model = decisions.model
    for exercise_id in decisions.problem.client.require:
        placed = Linear()
        for day in decisions.days:
            placed += decisions.on.get((exercise_id, day), Linear())
        # A required exercise the client may not place leaves an empty row that must reach
        # one: no plan (precheck names why; the model states such a row infeasible).
        model.at_least(placed, 1.0, f"required_{exercise_id}")
    # A lock is a required exercise on a given weekday.
    for placement in decisions.problem.client.locks:
        on = decisions.on.get((placement.exercise_id, placement.weekday), Linear())
        model.at_least(on, 1.0, f"lock_{placement}")


def muscle_maximum(decisions: Decisions) -> None:
    """Limit 7: no muscle's effective sets (ballistic sets included) above its maximum."""
    for muscle_id, effective in decisions.effective.items():
        if len(effective):
            decisions.model.at_most(
                effective, decisions.problem.targets[muscle_id].max_sets, f"maximum_{muscle_id}"
            )


def recovery(decisions: Decisions) -> None:
    """Limit 8: no muscle primary on two consecutive calendar days (Sun->Mon counts).

    A binary column per muscle and day bounds every exercise loading it there from above;
    two neighbouring days' columns sum to one at most."""
    pairs = adjacent_pairs(decisions.days)
    if not pairs:
        return
    paired = sorted({d for pair in pairs for d in pair})
    model = decisions.model
    for muscle in decisions.problem.library.muscles:
        loaders = [e for e in decisions.exercises if muscle.id in e.primary_muscles]
        if not loaders:
            continue
        # Binary: "is this muscle trained on this day" is the week's split, the few choices
        # a search should branch on first (a continuous one sits at one half on both days).
        trained = {day: decisions.model.add_binary(f"primary_{muscle.id}_{day}") for day in paired}
        for day in paired:
            for exercise in loaders:
                on = decisions.on[(exercise.id, day)]
                if len(on):
                    model.at_most(on - Linear.of(trained[day]), 0.0)
        for first, second in pairs:
            model.at_most(Linear(((trained[first], 1.0), (trained[second], 1.0))), 1.0)


def exercises_per_session(decisions: Decisions) -> None:
    """Limit 9: no session above the client's exercise cap, when the client sets one."""
    cap = decisions.problem.client.max_exercises_per_session
    if cap is not None:
        for day in decisions.days:
            decisions.model.at_most(decisions.count[day], cap, f"exercises_{day}")


CONSTRAINTS: dict[HardLimit, Callable[[Decisions], None]] = {
    HardLimit.WEEKDAYS: _by_domain,
    HardLimit.SESSION_MINUTES: session_minutes,
    HardLimit.EQUIPMENT: _by_domain,
    HardLimit.ELIGIBILITY: eligibility,
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


def lock_conflicts(problem: Problem, enforced: frozenset[HardLimit] = ALL_LIMITS) -> list[str]:
    """Locks that no week can honour, visible without solving, each in a coach's words: a
    locked exercise the client may not do, one whose fewest sets do not fit its session or a
    muscle's maximum, the locks of one day together, or two locks loading the same prime mover
    on consecutive days."""
    if HardLimit.REQUIRED not in enforced:
        return []
    client = problem.client
    library = problem.library
    fewest = client.min_sets_per_exercise if HardLimit.SETS_PER_EXERCISE in enforced else 1
    booked = client.work_minutes  # the slot less its warm-up
    placeable = {e.id for e in problem.placeable(enforced)}
    conflicts: list[str] = []
    for lock in client.locks:
        exercise = library.exercise(lock.exercise_id)
        reasons = exclusion_reasons(exercise, client, enforced=enforced)
        if reasons:
            conflicts.append(f"locked {lock} " + " and ".join(reasons))
        elif lock.exercise_id not in placeable:
            minutes = fewest * exercise.set_minutes
            if HardLimit.SESSION_MINUTES in enforced and minutes > booked:
                conflicts.append(
                    f"locked {lock} does not fit the {booked:g} min of work a session holds "
                    f"(its {fewest} sets take {minutes:g} min)"
                )
            for muscle, weight in exercise.muscle_weights.items():
                ceiling = problem.targets[muscle].max_sets
                if HardLimit.MUSCLE_MAXIMUM in enforced and fewest * weight > ceiling:
                    conflicts.append(
                        f"locked {lock} gives {muscle} {fewest * weight:g} sets in its {fewest} "
                        f"sets, above its maximum of {ceiling:g}"
                    )
    if conflicts:
        return conflicts
    by_day: dict[str, list[str]] = {}
    for lock in client.locks:
        by_day.setdefault(lock.weekday, []).append(lock.exercise_id)
    for day, exercise_ids in by_day.items():
        names = ", ".join(f"{e}@{day}" for e in exercise_ids)
        minutes = sum(fewest * library.exercise(e).set_minutes for e in exercise_ids)
        if HardLimit.SESSION_MINUTES in enforced and len(exercise_ids) > 1 and minutes > booked:
            conflicts.append(
                f"the locks on {day} ({names}) take {minutes:g} min at {fewest} sets each, "
                f"more than the {booked:g} min of work a session holds"
            )
        cap = client.max_exercises_per_session
        if (
            HardLimit.EXERCISES_PER_SESSION in enforced
            and cap is not None
            and len(exercise_ids) > cap
        ):
            conflicts.append(
                f"the locks on {day} ({names}) are {len(exercise_ids)} exercises, above the "
                f"cap of {cap} a session"
            )
    if HardLimit.RECOVERY in enforced:
        for first, second in adjacent_pairs(problem.weekdays):
            for a in (lock for lock in client.locks if lock.weekday == first):
                for b in (lock for lock in client.locks if lock.weekday == second):
                    shared = sorted(
                        set(library.exercise(a.exercise_id).primary_muscles)
                        & set(library.exercise(b.exercise_id).primary_muscles)
                    )
                    if shared:
                        conflicts.append(
                            f"locked {a} and {b} both load {', '.join(shared)} as a prime mover "
                            "on consecutive days"
                        )
    if HardLimit.MUSCLE_MAXIMUM in enforced:
        dose: dict[str, float] = {}
        for lock in client.locks:
            for muscle, weight in library.exercise(lock.exercise_id).muscle_weights.items():
                dose[muscle] = dose.get(muscle, 0.0) + fewest * weight
        for muscle, total in dose.items():
            ceiling = problem.targets[muscle].max_sets
            if total > ceiling:
                conflicts.append(
                    f"the locks give {muscle} {total:g} effective sets at {fewest} sets each, "
                    f"above its maximum of {ceiling:g}"
                )
    return conflicts
