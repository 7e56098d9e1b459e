"""The independent checker: hand-made plans breaking each limit, and a valid one."""

from __future__ import annotations

import dataclasses

import pytest

from workbench.check import Violation, check_plan
from workbench.client import Client, Target, resolve_targets
from workbench.library import Library
from workbench.plan import Plan, PlanEntry, build_plan
from workbench.rules import HardLimit

CLIENT = Client(
    name="Checked",
    weekdays=("Mon", "Wed", "Fri"),
    minutes_per_session=30,
    equipment=("kettlebell", "band", "dumbbell", "bench"),
    level="intermediate",
    avoid=("impact",),
    require=("kettlebell_swing",),
    ban=("dumbbell_row",),
    max_sets_per_exercise=4,
)
#: Mon: hinge work; Wed: pulling; Fri: glutes and calves. Nothing primary on consecutive days.
VALID = {
    ("kettlebell_swing", "Mon"): 3,
    ("band_good_morning", "Mon"): 2,
    ("band_seated_row", "Wed"): 3,
    ("band_lat_pulldown", "Wed"): 2,
    ("glute_bridge", "Fri"): 3,
    ("single_leg_calf_raise", "Fri"): 2,
}


@pytest.fixture(scope="module")
def targets(library: Library) -> dict[str, Target]:
    return resolve_targets(library, CLIENT)


@pytest.fixture(scope="module")
def valid(library: Library) -> Plan:
    return build_plan(library, CLIENT.weekdays, VALID)


def limits(
    plan: Plan, library: Library, targets: dict[str, Target], client: Client = CLIENT
) -> set[int]:
    return {v.limit.number for v in check_plan(plan, library, client, targets)}


def with_sets(
    library: Library,
    changes: dict[tuple[str, str], int],
    weekdays: tuple[str, ...] = CLIENT.weekdays,
) -> Plan:
    sets = {**VALID, **changes}
    return build_plan(library, weekdays, {k: v for k, v in sets.items() if v})


def test_a_valid_plan_has_no_violation(
    valid: Plan, library: Library, targets: dict[str, Target]
) -> None:
    assert check_plan(valid, library, CLIENT, targets) == []


def test_limit_0_unknown_exercise_and_wrong_columns(
    valid: Plan, library: Library, targets: dict[str, Target]
) -> None:
    first = valid.entries[0]
    unknown = Plan((*valid.entries, dataclasses.replace(first, exercise_id="moon_walk", order=9)))
    assert limits(unknown, library, targets) == {0}
    minutes = Plan((dataclasses.replace(first, minutes=first.minutes + 1), *valid.entries[1:]))
    assert limits(minutes, library, targets) == {0}
    muscles = Plan((dataclasses.replace(first, primary_muscles=("soleus",)), *valid.entries[1:]))
    assert limits(muscles, library, targets) == {0}


def test_limit_1_weekday_not_trained(library: Library, targets: dict[str, Target]) -> None:
    plan = with_sets(
        library, {("glute_bridge", "Fri"): 0, ("glute_bridge", "Sat"): 3}, ("Mon", "Wed", "Sat")
    )
    violations = check_plan(plan, library, CLIENT, targets)
    assert {v.limit.number for v in violations} == {1}
    assert "Sat" in str(violations[0])


def test_limit_1_two_sessions_on_one_weekday(
    valid: Plan, library: Library, targets: dict[str, Target]
) -> None:
    moved = valid.session("Mon")[1]
    second = PlanEntry(**{**dataclasses.asdict(moved), "day": 4})
    entries = (*(e for e in valid.entries if e != moved), second)
    assert limits(Plan(entries), library, targets) == {1}


def test_limit_2_session_too_long(library: Library, targets: dict[str, Target]) -> None:
    plan = with_sets(
        library,
        {
            ("kettlebell_deadlift", "Mon"): 4,
            ("single_leg_rdl", "Mon"): 4,
            ("band_pull_through", "Mon"): 4,
        },
    )
    assert sum(e.minutes for e in plan.session("Mon")) > CLIENT.minutes_per_session
    violations = check_plan(plan, library, CLIENT, targets)
    assert {v.limit.number for v in violations} == {2}
    assert "Mon" in violations[0].message


def test_limit_3_missing_equipment(library: Library, targets: dict[str, Target]) -> None:
    plan = with_sets(library, {("lat_pulldown", "Wed"): 2, ("band_lat_pulldown", "Wed"): 0})
    violations = check_plan(plan, library, CLIENT, targets)
    assert {v.limit.number for v in violations} == {3}
    assert "cable" in violations[0].message


@pytest.mark.parametrize(
    ("swap", "word"),
    [
        ({("nordic_curl", "Mon"): 2, ("band_good_morning", "Mon"): 0}, "advanced"),
        ({("pogo_hop", "Fri"): 2, ("single_leg_calf_raise", "Fri"): 0}, "impact"),
        ({("dumbbell_row", "Wed"): 2, ("band_seated_row", "Wed"): 0}, "banned"),
    ],
    ids=["level", "avoided-tag", "ban"],
)
def test_limit_4_level_tag_ban(
    swap: dict[tuple[str, str], int], word: str, library: Library, targets: dict[str, Target]
) -> None:
    violations = check_plan(with_sets(library, swap), library, CLIENT, targets)
    assert {v.limit.number for v in violations} == {4}
    assert word in violations[0].message


def test_limit_5_too_many_sets_or_twice_in_a_session(
    valid: Plan, library: Library, targets: dict[str, Target]
) -> None:
    too_many = with_sets(library, {("glute_bridge", "Fri"): 5})
    assert limits(too_many, library, targets) == {5}
    zero = Plan(
        tuple(
            dataclasses.replace(e, sets=0, minutes=0) if e.order == 1 and e.weekday == "Fri" else e
            for e in valid.entries
        )
    )
    assert limits(zero, library, targets) == {5}
    twice = Plan((*valid.entries, dataclasses.replace(valid.session("Wed")[0], order=3)))
    assert limits(twice, library, targets) == {5}


def test_limit_6_required_missing(library: Library, targets: dict[str, Target]) -> None:
    plan = with_sets(library, {("kettlebell_swing", "Mon"): 0, ("kettlebell_deadlift", "Mon"): 3})
    violations = check_plan(plan, library, CLIENT, targets)
    assert {v.limit.number for v in violations} == {6}
    assert "kettlebell_swing" in violations[0].message


def test_limit_6_a_broken_lock(library: Library, targets: dict[str, Target]) -> None:
    """A lock holds only on its own weekday: the exercise moved to another day, or dropped,
    breaks it."""
    locked = CLIENT.evolve(lock=("glute_bridge@Fri",))
    assert limits(build_plan(library, CLIENT.weekdays, VALID), library, targets, locked) == set()
    moved = with_sets(library, {("glute_bridge", "Fri"): 0, ("glute_bridge", "Wed"): 3})
    violations = check_plan(moved, library, locked, targets)
    assert [v.limit.number for v in violations] == [6]
    assert "glute_bridge@Fri" in violations[0].message
    dropped = with_sets(library, {("glute_bridge", "Fri"): 0})
    assert limits(dropped, library, targets, locked) == {6}


def test_limit_4_a_swap_bans_one_day(library: Library, targets: dict[str, Target]) -> None:
    swapped = CLIENT.evolve(swap=("glute_bridge@Fri",))
    assert limits(build_plan(library, CLIENT.weekdays, VALID), library, targets, swapped) == {4}
    moved = with_sets(library, {("glute_bridge", "Fri"): 0, ("glute_bridge", "Wed"): 3})
    assert limits(moved, library, targets, swapped) == set()


def test_limit_7_muscle_above_maximum(library: Library) -> None:
    tight = {**resolve_targets(library, CLIENT), "gluteus_maximus": Target(0, 5)}
    plan = build_plan(library, CLIENT.weekdays, VALID)
    violations = check_plan(plan, library, CLIENT, tight)
    assert {v.limit.number for v in violations} == {7}
    assert "gluteus_maximus" in violations[0].message


@pytest.mark.parametrize(
    ("weekdays", "first", "second"),
    [(("Mon", "Tue"), "Mon", "Tue"), (("Sun", "Mon"), "Sun", "Mon")],
    ids=["Mon-Tue", "Sun-Mon"],
)
def test_limit_8_primary_on_consecutive_days(
    weekdays: tuple[str, str], first: str, second: str, library: Library, targets: dict[str, Target]
) -> None:
    client = CLIENT.evolve(weekdays=weekdays, require=())
    plan = build_plan(library, weekdays, {("glute_bridge", first): 2, ("band_kickback", second): 2})
    violations = check_plan(plan, library, client, targets)
    assert {v.limit.number for v in violations} == {8}
    assert "gluteus_maximus" in violations[0].message
    # Two days apart is fine.
    apart = build_plan(
        library, ("Mon", "Wed"), {("glute_bridge", "Mon"): 2, ("band_kickback", "Wed"): 2}
    )
    assert check_plan(apart, library, CLIENT.evolve(require=()), targets) == []


def test_violation_names_its_limit() -> None:
    for limit in HardLimit:
        line = str(Violation(limit, "details"))
        assert line.startswith(f"limit {limit.number} ({limit.text})")
        assert line.endswith("details")


def test_min_sets_and_the_exercise_cap(library: Library, targets: dict[str, Target]) -> None:
    one_set = with_sets(library, {("band_seated_row", "Wed"): 1})
    assert limits(one_set, library, targets) == {5}
    assert limits(one_set, library, targets, CLIENT.evolve(min_sets_per_exercise=1)) == set()
    capped = CLIENT.evolve(max_exercises_per_session=1)
    assert limits(with_sets(library, {}), library, targets, capped) == {9}


def test_several_violations_are_all_listed(library: Library, targets: dict[str, Target]) -> None:
    plan = with_sets(
        library,
        {("kettlebell_swing", "Mon"): 0, ("lat_pulldown", "Wed"): 5, ("pogo_hop", "Fri"): 1},
    )
    assert limits(plan, library, targets) >= {3, 4, 5, 6}
