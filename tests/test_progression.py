"""The block model on tiny known-answer specs: each row is what makes its property hold (the
answer changes without it), on every solver backend."""

from __future__ import annotations

import pytest

from workbench.optimize.backends import SOLVERS
from workbench.optimize.progression import (
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
    present = WeekSpec(goal={"m": 0.0}, present=frozenset({LIFT}))
    exact = WeekSpec(goal={"m": 0.0}, exact=frozenset({LIFT}))
    absent = WeekSpec(goal={"m": 5.0}, absent=frozenset({LIFT}))
    spec = ProgressionSpec(ONE, (present, exact, absent), min_sets=2, solver=solver)
    assert _sets(spec) == [2, 5, 0]


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
