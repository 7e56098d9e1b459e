"""The block model on tiny known-answer specs: each row is what makes its property hold (the
answer changes without it), on every solver backend."""

from __future__ import annotations

from dataclasses import replace

import pytest

from workbench.optimize.backends import SOLVERS
from workbench.optimize.progression import (
    OptionSpec,
    ProgressionSpec,
    SlotSpec,
    WeekSpec,
    solve_progression,
)
from workbench.optimize.status import Termination

#: One slot: 5 sets of an exercise whose set gives muscle "m" one effective set.
ONE = (SlotSpec("lift", "Mon", 5, {"m": 1.0}, main=True, minutes=3.0),)
LIFT = ("lift", "Mon")


def _sets(spec: ProgressionSpec) -> list[int]:
    result = solve_progression(spec)
    assert result.termination is Termination.OPTIMAL
    assert result.sets is not None
    return [week[LIFT] for week in result.sets]


@pytest.fixture(params=SOLVERS)
def solver(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def test_a_goal_is_met(solver: str) -> None:
    spec = ProgressionSpec(ONE, (WeekSpec(goal={"m": 3.0}),), min_sets=2, solver=solver)
    assert _sets(spec) == [3]


def test_a_band_holds_where_the_goals_alone_would_leave_it(solver: str) -> None:
    """A second muscle of the same lift wants nothing: without the band the lift goes."""
    slots = (SlotSpec("lift", "Mon", 5, {"m": 1.0, "n": 1.0}, minutes=3.0),)
    week = WeekSpec(goal={"n": 0.0}, band={"m": (2.0, 3.0)})
    kept = ProgressionSpec(slots, (week,), min_sets=2, priorities={"n": 10.0}, solver=solver)
    assert _sets(kept) == [2]
    free = ProgressionSpec(
        slots, (WeekSpec(goal={"n": 0.0}),), min_sets=2, priorities={"n": 10.0}, solver=solver
    )
    assert _sets(free) == [0]


def test_a_band_missed_is_said(solver: str) -> None:
    """A band no sub-week reaches (3-4 sets: the lift's fewest are 5) is missed, and said."""
    slots = (SlotSpec("lift", "Mon", 5, {"m": 1.0}, minutes=3.0),)
    week = WeekSpec(goal={"m": 3.5}, band={"m": (3.0, 4.0)}, present=frozenset({LIFT}))
    result = solve_progression(ProgressionSpec(slots, (week,), min_sets=5, solver=solver))
    assert result.misses == ("week 1: m outside 3-4",)


def test_a_week_never_falls_below_the_week_it_follows(solver: str) -> None:
    weeks = (WeekSpec(goal={"m": 5.0}), WeekSpec(goal={"m": 0.0}, follows=0))
    sets = _sets(ProgressionSpec(ONE, weeks, min_sets=2, solver=solver))
    assert sets[1] >= sets[0]
    alone = (WeekSpec(goal={"m": 5.0}), WeekSpec(goal={"m": 0.0}))
    assert _sets(ProgressionSpec(ONE, alone, min_sets=2, solver=solver)) == [5, 0]


def test_a_week_rises_by_at_most_the_rise_allowed(solver: str) -> None:
    weeks = (WeekSpec(goal={"m": 0.0}), WeekSpec(goal={"m": 5.0}, follows=0))
    sets = _sets(ProgressionSpec(ONE, weeks, min_sets=2, max_rise=2.0, solver=solver))
    assert 0 <= sets[1] - sets[0] <= 2
    alone = (WeekSpec(goal={"m": 0.0}), WeekSpec(goal={"m": 5.0}))
    assert _sets(ProgressionSpec(ONE, alone, min_sets=2, solver=solver)) == [0, 5]


def test_a_rise_is_made_where_the_goals_would_stay_flat(solver: str) -> None:
    weeks = (WeekSpec(goal={"m": 5.0}), WeekSpec(goal={"m": 5.0}, follows=0))
    flat = _sets(ProgressionSpec(ONE, weeks, min_sets=2, solver=solver))
    assert flat == [5, 5]
    rising = _sets(
        ProgressionSpec(ONE, weeks, min_sets=2, rises=((0, 1, "m", 1.0),), solver=solver)
    )
    assert rising[1] - rising[0] >= 1


def test_held_exact_and_absent_slots(solver: str) -> None:
    present = WeekSpec(goal={"m": 0.0}, present=frozenset({LIFT}), main_tokens=True)
    exact = WeekSpec(goal={"m": 0.0}, exact=frozenset({LIFT}))
    absent = WeekSpec(goal={"m": 5.0}, absent=frozenset({LIFT}))
    spec = ProgressionSpec(ONE, (present, exact, absent), min_sets=2, solver=solver)
    # A held main lift keeps three sets in a rising week where the goal allows
    # (MAIN_START_SETS, elastic), the client's fewest (2) for anything else.
    assert _sets(spec) == [3, 5, 0]
    accessory = (SlotSpec("lift", "Mon", 5, {"m": 1.0}, minutes=3.0),)
    spec = ProgressionSpec(accessory, (present,), min_sets=2, solver=solver)
    assert _sets(spec) == [2]


def test_at_least_n_of_a_group(solver: str) -> None:
    slots = tuple(
        SlotSpec("neck", day, 3, {"neck": 1.0}, minutes=1.5) for day in ("Mon", "Wed", "Fri")
    )
    group = frozenset(slot.key for slot in slots)
    week = WeekSpec(goal={"neck": 0.0}, at_least=((group, 2),))
    result = solve_progression(ProgressionSpec(slots, (week,), min_sets=2, solver=solver))
    assert result.sets is not None
    assert sorted(result.sets[0].values()) == [0, 2, 2]


def test_a_kept_group_outweighs_a_little_goal(solver: str) -> None:
    kept = WeekSpec(goal={"m": 0.0}, kept=((frozenset({LIFT}), 3.0),))
    assert _sets(ProgressionSpec(ONE, (kept,), min_sets=2, solver=solver)) == [2]
    cheap = WeekSpec(goal={"m": 0.0}, kept=((frozenset({LIFT}), 1.0),))
    assert _sets(ProgressionSpec(ONE, (cheap,), min_sets=2, solver=solver)) == [0]


def test_sessions_shrink_alike(solver: str) -> None:
    """Two sessions of 5 sets each, a week of 4 sets: balanced, 2 and 2, not 4 and 0."""
    slots = (
        SlotSpec("a", "Mon", 5, {"m": 1.0}, minutes=3.0),
        SlotSpec("b", "Thu", 5, {"m": 1.0}, minutes=3.0),
    )
    week = WeekSpec(goal={"m": 4.0}, balance=True)
    result = solve_progression(ProgressionSpec(slots, (week,), min_sets=2, solver=solver))
    assert result.sets is not None and result.sets[0] == {("a", "Mon"): 2, ("b", "Thu"): 2}


def test_lone_weeks_alike_are_solved_once_and_each_says_its_misses(solver: str) -> None:
    week = WeekSpec(goal={"m": 3.5}, band={"m": (3.0, 4.0)}, present=frozenset({LIFT}))
    result = solve_progression(ProgressionSpec(ONE, (week, week, week), min_sets=5, solver=solver))
    assert result.sets is not None and len({tuple(w.items()) for w in result.sets}) == 1
    assert result.misses == tuple(f"week {n}: m outside 3-4" for n in (1, 2, 3))


def test_the_same_spec_gives_the_same_sets() -> None:
    weeks = tuple(
        WeekSpec(goal={"m": g}, follows=i - 1 if i else None) for i, g in enumerate((2, 3, 5))
    )
    spec = ProgressionSpec(ONE, weeks, min_sets=2)
    assert (
        len({tuple(tuple(w.items()) for w in solve_progression(spec).sets or ()) for _ in range(3)})
        == 1
    )


# ----- weeks of other exercises (a fight camp's phases) ------------------------------------

#: A slot of 4 sets of "lift" on Monday (muscle m), and an option that may stand in it,
#: "jump" (muscles m and n).
JUMP = OptionSpec("jump", {"m": 1.0, "n": 1.0}, 2.0, 4)
LIFTS = (SlotSpec("lift", "Mon", 4, {"m": 1.0}, main=True, minutes=3.0),)


def _held(result_sets: dict[tuple[str, str], int]) -> dict[str, int]:
    return {exercise: n for (exercise, _day), n in result_sets.items() if n}


def test_an_option_stands_in_its_slot_when_it_is_worth_it(solver: str) -> None:
    """The jump's 3 sets overshoot n's goal by 3: held only where it is worth more."""
    options = {LIFT: (JUMP,)}
    prefer = {(LIFT, "jump"): 5.0}
    week = WeekSpec(goal={"m": 3.0, "n": 0.0}, options=options, prefer=prefer)
    result = solve_progression(ProgressionSpec(LIFTS, (week,), min_sets=2, solver=solver))
    assert result.sets is not None and _held(dict(result.sets[0])) == {"jump": 3}
    assert result.placed[0] == {("jump", "Mon"): LIFT}
    plain = WeekSpec(goal={"m": 3.0, "n": 0.0}, options=options)
    result = solve_progression(ProgressionSpec(LIFTS, (plain,), min_sets=2, solver=solver))
    assert result.sets is not None and _held(dict(result.sets[0])) == {"lift": 3}


def test_a_muscles_maximum_and_a_sessions_minutes_hold_for_an_option(solver: str) -> None:
    """A sub-week of the peak holds them by construction; a week of other exercises needs
    the rows: without them the jump's 4 sets would go past n's maximum (2) and Monday's
    8 minutes."""
    week = WeekSpec(goal={"m": 4.0}, options={LIFT: (JUMP,)}, prefer={(LIFT, "jump"): 5.0})
    free = solve_progression(ProgressionSpec(LIFTS, (week,), min_sets=2, solver=solver))
    assert free.sets is not None and _held(dict(free.sets[0])) == {"jump": 4}
    capped = ProgressionSpec(
        LIFTS, (week,), min_sets=2, solver=solver, ceilings={"n": 2.0}, session_minutes={}
    )
    result = solve_progression(capped)
    assert result.sets is not None and _held(dict(result.sets[0])) == {"jump": 2}
    timed = ProgressionSpec(LIFTS, (week,), min_sets=2, solver=solver, session_minutes={"Mon": 5.0})
    result = solve_progression(timed)
    assert result.sets is not None and _held(dict(result.sets[0])) == {"jump": 2}


def test_an_open_slot_adds_an_exercise_once_a_session(solver: str) -> None:
    """An open slot may hold the lift's own exercise only once a session: with "lift"
    already held, it takes the jump."""
    slots = (*LIFTS, SlotSpec("+power", "Mon", 0, {}, open=True))
    lift_again = OptionSpec("lift", {"m": 1.0}, 3.0, 4)
    week = WeekSpec(
        goal={"m": 8.0},
        present=frozenset({LIFT}),
        options={("+power", "Mon"): (lift_again, JUMP)},
    )
    result = solve_progression(ProgressionSpec(slots, (week,), min_sets=2, solver=solver))
    assert result.sets is not None
    assert _held(dict(result.sets[0])) == {"lift": 4, "jump": 4}


def test_weeks_of_a_phase_hold_the_same_exercise(solver: str) -> None:
    """Two weeks of one phase: the first would rather hold the jump, the second the lift
    (its goal for n is 0); sharing a phase they hold one of them both weeks."""
    options = {LIFT: (JUMP,)}
    first = WeekSpec(goal={"m": 3.0, "n": 3.0}, options=options, phase="speed")
    second = WeekSpec(goal={"m": 3.0, "n": 0.0}, options=options, phase="speed")
    apart = ProgressionSpec(LIFTS, (first, replace(second, phase=None)), min_sets=2)
    result = solve_progression(replace(apart, solver=solver))
    assert result.sets is not None
    assert [set(_held(dict(w))) for w in result.sets] == [{"jump"}, {"lift"}]
    together = ProgressionSpec(LIFTS, (first, second), min_sets=2, solver=solver)
    result = solve_progression(together)
    assert result.sets is not None
    assert len({frozenset(_held(dict(w))) for w in result.sets}) == 1


def test_a_floor_on_a_group_of_exercises(solver: str) -> None:
    week = WeekSpec(
        goal={"m": 2.0}, options={LIFT: (JUMP,)}, floors=((frozenset({"jump"}), 4.0, 3.0),)
    )
    result = solve_progression(ProgressionSpec(LIFTS, (week,), min_sets=2, solver=solver))
    assert result.sets is not None and _held(dict(result.sets[0])) == {"jump": 4}


def test_a_week_under_another_holds_its_exercises_and_no_more(solver: str) -> None:
    """The taper under the last speed week: it wants 5 sets of m on Monday but the week it
    is planned under holds 3 of the jump there: 3 of the jump, no lift."""
    slots = (
        SlotSpec("lift", "Mon", 5, {"m": 1.0}, minutes=3.0),
        SlotSpec("row", "Thu", 5, {"m": 1.0}, minutes=3.0),
    )
    speed = WeekSpec(
        goal={"m": 3.0},
        options={LIFT: (replace(JUMP, most_sets=5),)},
        prefer={(LIFT, "jump"): 1.0},
        absent=frozenset({("row", "Thu")}),
    )
    taper = WeekSpec(goal={"m": 5.0}, options=speed.options, under=0, total=(5.0, 5.0))
    result = solve_progression(ProgressionSpec(slots, (speed, taper), min_sets=2, solver=solver))
    assert result.sets is not None
    assert _held(dict(result.sets[0])) == {"jump": 3}
    assert _held(dict(result.sets[1])) == {"jump": 3}
    assert result.misses == ("week 2: total sets outside 5-5",)
    alone = replace(taper, under=None)
    result = solve_progression(ProgressionSpec(slots, (speed, alone), min_sets=2, solver=solver))
    assert result.sets is not None and sum(result.sets[1].values()) == 5


def test_a_slots_own_exercise_grows_past_its_peak_by_an_option_of_its_own(solver: str) -> None:
    """An option of the slot's own exercise stands in the own's place with its most sets (a
    camp phase's power work grown past the peak): 6 sets of the lift where the peak held 4;
    an exact slot so grown holds at least its peak's 4, not exactly them."""
    grown = OptionSpec("lift", {"m": 1.0}, 3.0, 6)
    week = WeekSpec(goal={"m": 6.0}, options={LIFT: (grown,)})
    result = solve_progression(ProgressionSpec(LIFTS, (week,), min_sets=2, solver=solver))
    assert result.sets is not None and dict(result.sets[0]) == {LIFT: 6}
    assert result.placed[0] == {}
    exact = replace(week, exact=frozenset({LIFT}))
    result = solve_progression(ProgressionSpec(LIFTS, (exact,), min_sets=2, solver=solver))
    assert result.sets is not None and dict(result.sets[0]) == {LIFT: 6}
    low = replace(exact, goal={"m": 2.0})
    result = solve_progression(ProgressionSpec(LIFTS, (low,), min_sets=2, solver=solver))
    assert result.sets is not None and dict(result.sets[0]) == {LIFT: 4}
    plain = WeekSpec(goal={"m": 6.0})
    result = solve_progression(ProgressionSpec(LIFTS, (plain,), min_sets=2, solver=solver))
    assert result.sets is not None and dict(result.sets[0]) == {LIFT: 4}
