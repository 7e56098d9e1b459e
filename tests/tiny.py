"""Tiny hand-built libraries and a brute-force optimum over every assignment.

Known-answer tests build libraries of two or three exercises here, so that every
``(exercise, weekday, sets)`` assignment can be enumerated and checked. The hard limits are
written again below with plain loops (``own_violations``), and the enumeration also asserts
that they agree with :func:`workbench.check.check_plan` on every assignment it visits.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from hypothesis import strategies as st

from workbench.check import check_plan
from workbench.client import Client, Target
from workbench.glossary import LEVELS, WEEKDAYS
from workbench.iotools import shipped_weights
from workbench.library import Library, library_from_rows
from workbench.optimize.objectives import coach_value_of
from workbench.plan import build_plan
from workbench.problem import Problem, make_problem

EQUIPMENT = ("bodyweight", "band", "barbell")
#: The shipped weights with every floor whole at any length of week: a tiny library's floors
#: are not the shipped library's, so the short-week share (``full_floor_minutes``) is off and
#: the tests see the optimizer's shortfall against fixed floors.
WHOLE_FLOORS = replace(shipped_weights(), full_floor_minutes=0.0, full_floor_sessions=0.0)
Assignment = dict[tuple[str, str], int]


def muscle(
    muscle_id: str,
    min_sets: float,
    max_sets: float,
    *,
    chain: str = "posterior",
    region: str = "lower",
    target_sets: float | None = None,
) -> dict[str, str]:
    target = min_sets if target_sets is None else target_sets
    return {
        "id": muscle_id,
        "name": muscle_id.replace("_", " "),
        "region": region,
        "chain": chain,
        "min_sets": f"{min_sets:g}",
        "max_sets": f"{max_sets:g}",
        "target_sets": f"{target:g}",
    }


def exercise(
    exercise_id: str,
    primary: Iterable[str],
    secondary: Iterable[str] = (),
    *,
    equipment: Iterable[str] = ("bodyweight",),
    set_minutes: float = 2.0,
    level: str = "beginner",
    tags: Iterable[str] = (),
    pattern: str = "hinge",
    family: str | None = None,
) -> dict[str, str]:
    """One exercises.csv row; the columns that tags summarise are set to agree with ``tags``.
    The family defaults to the exercise's own id (its role then follows its pattern)."""
    tags = tuple(tags)
    return {
        "id": exercise_id,
        "name": exercise_id.replace("_", " ").capitalize(),
        "equipment": ";".join(equipment),
        "pattern": pattern,
        "level": level,
        "set_minutes": f"{set_minutes:g}",
        "reps": "10",
        "rest_seconds": "30",
        "knee_flexion": "120" if "deep_knee_flexion" in tags else "20",
        "spinal_load": "high" if "high_spinal_load" in tags else "low",
        "unilateral": "no",
        "explosive": "yes" if "explosive" in tags else "no",
        "tags": ";".join(tags),
        "primary_muscles": ";".join(primary),
        "secondary_muscles": ";".join(secondary),
        "family": family or exercise_id,
    }


def build(
    muscles: Sequence[Mapping[str, str]],
    exercises: Sequence[Mapping[str, str]],
    equipment: Iterable[str] = EQUIPMENT,
) -> Library:
    return library_from_rows(
        muscles, [{"id": e, "name": e} for e in equipment], exercises, source="tiny"
    )


def effective_sets(library: Library, assignment: Mapping[tuple[str, str], int]) -> dict[str, float]:
    """Effective sets per muscle, written without the package's helpers [sets/week]."""
    totals: dict[str, float] = defaultdict(float)
    for (exercise_id, _day), sets in assignment.items():
        item = library.exercise(exercise_id)
        for muscle_id in item.primary_muscles:
            totals[muscle_id] += sets
        for muscle_id in item.secondary_muscles:
            totals[muscle_id] += sets / 2
    return totals


def weighted_shortfall(
    library: Library,
    targets: Mapping[str, Target],
    priorities: Mapping[str, float],
    assignment: Mapping[tuple[str, str], int],
) -> float:
    totals = effective_sets(library, assignment)
    return sum(
        priorities[m.id] * max(0.0, targets[m.id].min_sets - totals[m.id])
        for m in library.muscles
        if m.chain == "posterior"
    )


def own_violations(
    library: Library,
    client: Client,
    targets: Mapping[str, Target],
    assignment: Mapping[tuple[str, str], int],
) -> set[int]:
    """The hard limits (1..9) ``assignment`` breaks, by this file's own reading of PRODUCT.md."""
    broken: set[int] = set()
    minutes: dict[str, float] = defaultdict(float)
    for (exercise_id, day), sets in assignment.items():
        item = library.exercise(exercise_id)
        if day not in client.weekdays:
            broken.add(1)
        minutes[day] += sets * item.set_minutes
        if not set(item.equipment) <= set(client.equipment) | {"bodyweight"}:
            broken.add(3)
        if (
            LEVELS.index(item.level) > LEVELS.index(client.level)
            or set(item.tags) & set(client.avoid)
            or item.id in client.ban
        ):
            broken.add(4)
        if not client.min_sets_per_exercise <= sets <= client.max_sets_per_exercise:
            broken.add(5)
        if f"{exercise_id}@{day}" in client.swap:  # swapped out of that day only
            broken.add(4)
    if any(total > client.minutes_per_session + 1e-9 for total in minutes.values()):
        broken.add(2)
    used = {exercise_id for (exercise_id, _day), sets in assignment.items() if sets}
    if not set(client.require) <= used:
        broken.add(6)
    placed = {f"{exercise_id}@{day}" for (exercise_id, day), sets in assignment.items() if sets}
    if not set(client.lock) <= placed:  # a lock: that exercise on that day
        broken.add(6)
    totals = effective_sets(library, assignment)
    if any(totals[m] > targets[m].max_sets + 1e-9 for m in list(totals)):
        broken.add(7)
    loaded = defaultdict(set)
    for exercise_id, day in assignment:
        for muscle_id in library.exercise(exercise_id).primary_muscles:
            loaded[muscle_id].add(WEEKDAYS.index(day))
    for days in loaded.values():
        if any((day + 1) % 7 in days for day in days):
            broken.add(8)
    per_day: dict[str, int] = defaultdict(int)
    for _exercise_id, day in assignment:
        per_day[day] += 1
    cap = client.max_exercises_per_session
    if cap is not None and any(count > cap for count in per_day.values()):
        broken.add(9)
    return broken


@dataclass(frozen=True)
class Brute:
    """The smallest weighted shortfall over every assignment that holds the hard limits, and
    the largest coach value among the assignments that reach it."""

    shortfall: float | None  # None when no assignment holds them
    best: Assignment
    feasible: int
    visited: int
    value: float | None = None


def brute_force(problem: Problem, *, cross_check: bool = True) -> Brute:
    """Enumerate sets 0..max for every library exercise on every training day.

    Every library exercise is enumerated, allowed or not, so that equipment, level, tags
    and bans are filtered by the limits, not by the optimizer's own notion of eligibility.
    """
    library, client = problem.library, problem.client
    days = tuple(d for d in WEEKDAYS if d in client.weekdays)
    keys = [(e.id, d) for e in library.exercises for d in days]
    best: Assignment = {}
    best_value: float | None = None
    feasible = visited = 0
    optimal: list[Assignment] = []
    for counts in itertools.product(range(client.max_sets_per_exercise + 1), repeat=len(keys)):
        visited += 1
        assignment = {key: n for key, n in zip(keys, counts, strict=True) if n}
        valid = not own_violations(library, client, problem.targets, assignment)
        if cross_check:
            plan = build_plan(library, client.weekdays, assignment)
            checked = check_plan(plan, library, client, problem.targets)
            assert valid == (not checked), (assignment, checked)
        if not valid:
            continue
        feasible += 1
        value = weighted_shortfall(library, problem.targets, problem.priorities, assignment)
        if best_value is None or value < best_value - 1e-9:
            best, best_value, optimal = assignment, value, [assignment]
        elif abs(value - best_value) <= 1e-9:
            optimal.append(assignment)
    coach = max((coach_value_of(problem, a) for a in optimal), default=None)
    return Brute(best_value, best, feasible, visited, coach)


# ---- the known-answer cases -------------------------------------------------------------


def _case_covered() -> tuple[Library, Client]:
    library = build([muscle("m1", 4, 10)], [exercise("e1", ["m1"], set_minutes=1)])
    return library, Client(weekdays=("Mon",), minutes_per_session=10)


def _case_time_short() -> tuple[Library, Client]:
    library = build(
        [muscle("m1", 4, 10), muscle("m2", 4, 10)],
        [
            exercise("ea", ["m1"], set_minutes=2),
            exercise("eb", ["m2"], set_minutes=2),
            exercise("eab", ["m1"], ["m2"], set_minutes=3),
        ],
    )
    return library, Client(weekdays=("Mon", "Thu"), minutes_per_session=7, max_sets_per_exercise=3)


def _priority_library() -> Library:
    return build(
        [muscle("m1", 4, 10), muscle("m2", 4, 10)],
        [exercise("e1", ["m1"], set_minutes=2), exercise("e2", ["m2"], set_minutes=2)],
    )


def _case_priority_m1() -> tuple[Library, Client]:
    client = Client(
        weekdays=("Mon",), minutes_per_session=8, max_sets_per_exercise=4, priorities={"m1": 3}
    )
    return _priority_library(), client


def _case_priority_m2() -> tuple[Library, Client]:
    client = Client(
        weekdays=("Mon",), minutes_per_session=8, max_sets_per_exercise=4, priorities={"m2": 3}
    )
    return _priority_library(), client


def _recovery_library() -> Library:
    return build(
        [muscle("m1", 6, 20), muscle("m2", 2, 20)],
        [exercise("e1", ["m1"], set_minutes=1), exercise("e2", ["m2"], ["m1"], set_minutes=1)],
    )


def _case_recovery() -> tuple[Library, Client]:
    client = Client(weekdays=("Mon", "Tue"), minutes_per_session=6, max_sets_per_exercise=3)
    return _recovery_library(), client


def _case_sun_mon() -> tuple[Library, Client]:
    client = Client(weekdays=("Sun", "Mon"), minutes_per_session=6, max_sets_per_exercise=3)
    return _recovery_library(), client


def _case_max_cap() -> tuple[Library, Client]:
    library = build(
        [muscle("m1", 6, 20), muscle("m2", 0, 20), muscle("q", 0, 2, chain="anterior")],
        [
            exercise("e1", ["m1", "q"], set_minutes=1),
            exercise("e2", ["m2"], ["m1"], set_minutes=1),
        ],
    )
    return library, Client(weekdays=("Mon",), minutes_per_session=20)


def _case_eligibility() -> tuple[Library, Client]:
    library = build(
        [muscle("m1", 6, 20), muscle("m2", 0, 20)],
        [
            exercise("barbell_only", ["m1"], equipment=["barbell"], set_minutes=1),
            exercise("advanced_one", ["m1"], level="advanced", set_minutes=1),
            exercise("overhead_one", ["m1"], tags=["overhead"], set_minutes=1),
            exercise("banned_one", ["m1"], set_minutes=1),
            exercise("weak", ["m2"], ["m1"], set_minutes=1),
        ],
    )
    client = Client(
        weekdays=("Mon",),
        minutes_per_session=10,
        equipment=("band",),
        level="beginner",
        avoid=("overhead",),
        ban=("banned_one",),
        max_sets_per_exercise=3,
    )
    return library, client


def _case_required() -> tuple[Library, Client]:
    library = build(
        [muscle("m1", 4, 20), muscle("q", 0, 20, chain="anterior")],
        [exercise("e1", ["m1"], set_minutes=2), exercise("front", ["q"], set_minutes=2)],
    )
    client = Client(
        weekdays=("Mon",), minutes_per_session=6, max_sets_per_exercise=3, require=("front",)
    )
    return library, client


def _case_fractional() -> tuple[Library, Client]:
    # Minimums off the half-set grid and fractional priorities.
    library = build(
        [muscle("m1", 3.3, 10), muscle("m2", 2.5, 10)],
        [
            exercise("e1", ["m1"], ["m2"], set_minutes=1.5),
            exercise("e2", ["m2"], set_minutes=1),
        ],
    )
    client = Client(
        weekdays=("Tue", "Wed"),
        minutes_per_session=3,
        max_sets_per_exercise=2,
        priorities={"m1": 1.5, "m2": 0.5},
    )
    return library, client


def _case_coach_choice() -> tuple[Library, Client]:
    # The coach review's choices: the heavy deadlift over the cheaper Romanian deadlift, the
    # pull-up over the pulldown (which even gives the serratus a little), and the serratus
    # punch at the sets its floor needs, not more.
    library = build(
        [
            muscle("hamstrings", 3, 12, target_sets=6),
            muscle("latissimus_dorsi", 3, 12, target_sets=6),
            muscle("serratus", 2, 6, region="upper", target_sets=4),
        ],
        [
            exercise(
                "deadlift",
                ["hamstrings"],
                equipment=["barbell"],
                set_minutes=3.5,
                level="intermediate",
                tags=["high_spinal_load"],
                family="deadlift",
            ),
            exercise(
                "romanian_deadlift",
                ["hamstrings"],
                equipment=["barbell"],
                set_minutes=2.5,
                level="intermediate",
                family="deadlift",
            ),
            exercise(
                "pull_up",
                ["latissimus_dorsi"],
                equipment=["pullup_bar"],
                set_minutes=2.5,
                level="intermediate",
                pattern="vertical_pull",
                family="vertical_pull",
            ),
            exercise(
                "pulldown",
                ["latissimus_dorsi"],
                ["serratus"],
                equipment=["cable"],
                set_minutes=2,
                pattern="vertical_pull",
                family="vertical_pull",
            ),
            exercise("serratus_punch", ["serratus"], set_minutes=1, pattern="push"),
        ],
        equipment=("bodyweight", "barbell", "pullup_bar", "cable"),
    )
    client = Client(
        weekdays=("Mon",),
        minutes_per_session=21,
        equipment=("barbell", "pullup_bar", "cable"),
        level="intermediate",
        max_sets_per_exercise=3,
    )
    return library, client


def _case_infeasible() -> tuple[Library, Client]:
    # Two required exercises share a primary muscle, the days are consecutive and one session
    # holds only one of them.
    library = build(
        [muscle("m1", 2, 20)],
        [exercise("e1", ["m1"], set_minutes=2), exercise("e2", ["m1"], set_minutes=2)],
    )
    client = Client(weekdays=("Mon", "Tue"), minutes_per_session=3, require=("e1", "e2"))
    return library, client


CASES = {
    "covered": _case_covered,
    "time_short": _case_time_short,
    "priority_m1": _case_priority_m1,
    "priority_m2": _case_priority_m2,
    "recovery": _case_recovery,
    "sun_mon": _case_sun_mon,
    "max_cap": _case_max_cap,
    "eligibility": _case_eligibility,
    "required": _case_required,
    "fractional": _case_fractional,
    "coach_choice": _case_coach_choice,
    "infeasible": _case_infeasible,
}


def case_problem(name: str) -> Problem:
    library, client = CASES[name]()
    return make_problem(library, client, weights=WHOLE_FLOORS)


# ---- generated tiny problems ---------------------------------------------------------------


@st.composite
def tiny_problems(draw: st.DrawFn, *, most_exercises: int = 3) -> tuple[Library, Client]:
    """A library of one to ``most_exercises`` exercises over one or two posterior muscles and
    an anterior one, and a client of one or two weekdays."""
    posterior = [f"m{i}" for i in range(draw(st.integers(1, 2)))]
    muscles = []
    for muscle_id in posterior:
        low = draw(st.sampled_from([0, 1, 2, 2.5, 3, 4]))
        muscles.append(muscle(muscle_id, low, low + draw(st.integers(0, 4))))
    muscles.append(muscle("q", 0, draw(st.integers(0, 3)), chain="anterior"))
    ids = [*posterior, "q"]
    exercises = []
    for n in range(draw(st.integers(1, most_exercises))):
        primary = draw(st.lists(st.sampled_from(ids), min_size=1, max_size=2, unique=True))
        others = [m for m in ids if m not in primary]
        secondary = (
            draw(st.lists(st.sampled_from(others), max_size=2, unique=True)) if others else []
        )
        exercises.append(
            exercise(
                f"e{n}",
                primary,
                secondary,
                equipment=[draw(st.sampled_from(EQUIPMENT))],
                set_minutes=draw(st.sampled_from([1, 1.5, 2, 3])),
                level=draw(st.sampled_from(LEVELS)),
                tags=draw(st.lists(st.sampled_from(["overhead", "impact"]), max_size=1)),
            )
        )
    exercise_ids = [e["id"] for e in exercises]
    required = tuple(draw(st.lists(st.sampled_from(exercise_ids), max_size=1)))
    unrequired = [e for e in exercise_ids if e not in required]
    client = Client(
        weekdays=tuple(
            draw(st.lists(st.sampled_from(WEEKDAYS), min_size=1, max_size=2, unique=True))
        ),
        minutes_per_session=draw(st.sampled_from([1, 2, 3, 4.5, 6, 8])),
        equipment=tuple(draw(st.lists(st.sampled_from(["band", "barbell"]), unique=True))),
        level=draw(st.sampled_from(LEVELS)),
        avoid=tuple(draw(st.lists(st.sampled_from(["overhead", "impact"]), max_size=1))),
        require=required,
        ban=tuple(draw(st.lists(st.sampled_from(unrequired), max_size=1))) if unrequired else (),
        min_sets_per_exercise=1,
        max_sets_per_exercise=draw(st.integers(1, 2)),
        max_exercises_per_session=draw(st.sampled_from([None, None, 1, 2])),
        priorities={m: draw(st.sampled_from([0.5, 1, 2, 3])) for m in posterior},
    )
    return build(muscles, exercises), client


@st.composite
def tiny_problems_with_placements(draw: st.DrawFn) -> tuple[Library, Client]:
    """A generated tiny problem with a lock and a swap on the client's weekdays (either may be
    left out); three weekdays at times, so that isolated days could be ordered. Three days
    hold at most two exercises: the brute force visits (max sets + 1) ** (exercises x days)
    weeks, and three exercises on three days would be 27 times as many."""
    three_days = draw(st.booleans())
    library, client = draw(tiny_problems(most_exercises=2 if three_days else 3))
    if three_days:
        client = client.evolve(weekdays=("Mon", "Wed", "Fri"))
    placements = [f"{e.id}@{d}" for e in library.exercises for d in client.weekdays]
    lock = draw(st.lists(st.sampled_from(placements), max_size=1))
    lock = [p for p in lock if p.split("@")[0] not in client.ban]
    others = [p for p in placements if p not in lock]
    swap = draw(st.lists(st.sampled_from(others), max_size=1)) if others else []
    return library, client.evolve(lock=tuple(lock), swap=tuple(swap))
