"""Every hard limit binds somewhere: each test builds a problem whose optimum without the limit
breaks it, shows the checker catches that plan, and shows the solved plan holds the limit."""

from __future__ import annotations

import pytest
import tiny

from workbench.check import check_plan
from workbench.client import Client
from workbench.library import Library
from workbench.optimize import ALL_LIMITS, SOLVERS, SolveOptions, SolveResult, Termination, solve
from workbench.optimize.constraints import CONSTRAINTS
from workbench.plan import build_plan
from workbench.problem import make_problem
from workbench.rules import HardLimit


def _solve(
    library: Library, client: Client, solver: str, without: frozenset[HardLimit] = frozenset()
) -> SolveResult:
    result = solve(
        make_problem(library, client, weights=tiny.WHOLE_FLOORS),
        SolveOptions(solver=solver),
        enforced=ALL_LIMITS - without,
    )
    assert result.status is Termination.OPTIMAL, result.message
    assert result.plan is not None
    return result


def _limits_broken(library: Library, client: Client, result: SolveResult) -> set[int]:
    problem = make_problem(library, client, weights=tiny.WHOLE_FLOORS)
    assert result.plan is not None
    return {v.limit.number for v in check_plan(result.plan, library, client, problem.targets)}


def _one_muscle(**exercise_options: object) -> Library:
    """m1 (min 10) reached fully by ``good`` (1 min a set) and weakly by ``weak``."""
    return tiny.build(
        [tiny.muscle("m1", 10, 20), tiny.muscle("m2", 0, 20)],
        [
            tiny.exercise("good", ["m1"], set_minutes=1, **exercise_options),  # type: ignore[arg-type]
            tiny.exercise("weak", ["m2"], ["m1"], set_minutes=1),
        ],
    )


def _binds(library: Library, client: Client, relaxed: Client, limit: int, solver: str) -> None:
    """Without the limit (``relaxed``) the optimum is better and breaks ``limit`` for ``client``;
    with it, the plan holds every limit."""
    free = _solve(library, relaxed, solver)
    held = _solve(library, client, solver)
    assert free.shortfall is not None and held.shortfall is not None
    assert free.shortfall < held.shortfall
    assert limit in _limits_broken(library, client, free)
    assert _limits_broken(library, client, held) == set()


def test_the_limits_are_the_nine_of_the_contract() -> None:
    assert [limit.number for limit in HardLimit.contract()] == list(range(1, 10))
    # Every limit has its entry in the optimizer's registry; the checker's precondition (0)
    # is not a limit the optimizer could break.
    assert set(CONSTRAINTS) == set(HardLimit.contract())


@pytest.mark.parametrize("solver", SOLVERS)
def test_limit_1_only_the_clients_weekdays(solver: str) -> None:
    client = Client(weekdays=("Mon",), minutes_per_session=20)
    _binds(_one_muscle(), client, client.evolve(weekdays=("Mon", "Wed")), 1, solver)
    plan = _solve(_one_muscle(), client, solver).plan
    assert plan is not None and {e.weekday for e in plan.entries} == {"Mon"}


@pytest.mark.parametrize("solver", SOLVERS)
def test_limit_2_session_minutes(solver: str) -> None:
    client = Client(weekdays=("Mon",), minutes_per_session=4)
    _binds(_one_muscle(), client, client.evolve(minutes_per_session=10), 2, solver)
    plan = _solve(_one_muscle(), client, solver).plan
    assert plan is not None and plan.total_minutes <= 4


@pytest.mark.parametrize("solver", SOLVERS)
def test_limit_3_equipment(solver: str) -> None:
    library = _one_muscle(equipment=["barbell"])
    client = Client(weekdays=("Mon", "Thu"), minutes_per_session=20, equipment=("band",))
    _binds(library, client, client.evolve(equipment=("band", "barbell")), 3, solver)


@pytest.mark.parametrize("solver", SOLVERS)
@pytest.mark.parametrize(
    ("options", "limited", "relaxed"),
    [
        ({"level": "advanced"}, {"level": "intermediate"}, {"level": "advanced"}),
        ({"tags": ["impact"]}, {"avoid": ("impact",)}, {"avoid": ()}),
        ({}, {"ban": ("good",)}, {"ban": ()}),
    ],
    ids=["level", "avoid", "ban"],
)
def test_limit_4_level_avoided_tags_and_bans(
    options: dict[str, object], limited: dict[str, object], relaxed: dict[str, object], solver: str
) -> None:
    library = _one_muscle(**options)
    client = Client(weekdays=("Mon", "Thu"), minutes_per_session=20, **limited)  # type: ignore[arg-type]
    _binds(library, client, client.evolve(**relaxed), 4, solver)


@pytest.mark.parametrize("solver", SOLVERS)
def test_limit_5_at_most_max_sets_per_exercise(solver: str) -> None:
    client = Client(weekdays=("Mon", "Thu"), minutes_per_session=20, max_sets_per_exercise=2)
    _binds(_one_muscle(), client, client.evolve(max_sets_per_exercise=5), 5, solver)
    plan = _solve(_one_muscle(), client, solver).plan
    assert plan is not None
    assert all(2 <= e.sets <= 2 for e in plan.entries)
    keys = [(e.weekday, e.exercise_id) for e in plan.entries]
    assert len(keys) == len(set(keys))


@pytest.mark.parametrize("solver", SOLVERS)
def test_limit_5_at_least_min_sets_per_exercise(solver: str) -> None:
    """Three minutes fit one set of each exercise; two sets of one leave the other out."""
    library = tiny.build(
        [tiny.muscle("m1", 1, 20), tiny.muscle("m2", 1, 20)],
        [
            tiny.exercise("e1", ["m1"], set_minutes=1.5),
            tiny.exercise("e2", ["m2"], set_minutes=1.5),
        ],
    )
    client = Client(weekdays=("Mon",), minutes_per_session=3, min_sets_per_exercise=2)
    _binds(library, client, client.evolve(min_sets_per_exercise=1), 5, solver)
    plan = _solve(library, client, solver).plan
    assert plan is not None and all(e.sets >= 2 for e in plan.entries)
    off = _solve(library, client, solver, without=frozenset({HardLimit.SETS_PER_EXERCISE}))
    assert _limits_broken(library, client, off) == {5}


@pytest.mark.parametrize("solver", SOLVERS)
def test_limit_6_required_exercises(solver: str) -> None:
    # The required exercise only trains an anterior muscle: nothing but the limit asks for it.
    library = tiny.build(
        [tiny.muscle("m1", 4, 20), tiny.muscle("q", 0, 20, chain="anterior")],
        [tiny.exercise("e1", ["m1"], set_minutes=2), tiny.exercise("front", ["q"], set_minutes=2)],
    )
    client = Client(weekdays=("Mon",), minutes_per_session=8, require=("front",))
    off = _solve(library, client, solver, without=frozenset({HardLimit.REQUIRED}))
    assert _limits_broken(library, client, off) == {6}
    on = _solve(library, client, solver)
    assert _limits_broken(library, client, on) == set()
    assert on.plan is not None and "front" in {e.exercise_id for e in on.plan.entries}


@pytest.mark.parametrize("solver", SOLVERS)
def test_limit_7_muscle_maximum(solver: str) -> None:
    # The only exercise for m1 also loads q, whose maximum is 1 set.
    library = tiny.build(
        [tiny.muscle("m1", 4, 20), tiny.muscle("q", 0, 1, chain="anterior")],
        [tiny.exercise("e1", ["m1", "q"], set_minutes=1)],
    )
    client = Client(weekdays=("Mon",), minutes_per_session=20, min_sets_per_exercise=1)
    off = _solve(library, client, solver, without=frozenset({HardLimit.MUSCLE_MAXIMUM}))
    assert off.shortfall == 0
    assert _limits_broken(library, client, off) == {7}
    on = _solve(library, client, solver)
    assert on.shortfall == 3
    assert _limits_broken(library, client, on) == set()


@pytest.mark.parametrize("solver", SOLVERS)
@pytest.mark.parametrize("weekdays", [("Mon", "Tue"), ("Sun", "Mon")], ids=["Mon-Tue", "Sun-Mon"])
def test_limit_8_recovery(weekdays: tuple[str, str], solver: str) -> None:
    library = tiny.build([tiny.muscle("m1", 6, 20)], [tiny.exercise("e1", ["m1"], set_minutes=1)])
    client = Client(weekdays=weekdays, minutes_per_session=10, max_sets_per_exercise=3)
    off = _solve(library, client, solver, without=frozenset({HardLimit.RECOVERY}))
    assert off.shortfall == 0
    assert _limits_broken(library, client, off) == {8}
    on = _solve(library, client, solver)
    assert on.shortfall == 3
    assert _limits_broken(library, client, on) == set()


def test_recovery_allows_days_two_apart() -> None:
    library = tiny.build([tiny.muscle("m1", 6, 20)], [tiny.exercise("e1", ["m1"], set_minutes=1)])
    client = Client(weekdays=("Mon", "Wed"), minutes_per_session=10, max_sets_per_exercise=3)
    result = _solve(library, client, "highs")
    assert result.shortfall == 0
    assert {e.weekday for e in result.plan.entries} == {"Mon", "Wed"}  # type: ignore[union-attr]


def test_secondary_muscles_may_repeat_on_consecutive_days() -> None:
    """Recovery is about primary muscles only: a secondary load the next day is allowed."""
    library = tiny.build(
        [tiny.muscle("m1", 4, 20), tiny.muscle("m2", 0, 20)],
        [
            tiny.exercise("e1", ["m1"], set_minutes=1),
            tiny.exercise("e2", ["m2"], ["m1"], set_minutes=1),
        ],
    )
    client = Client(weekdays=("Mon", "Tue"), minutes_per_session=10, max_sets_per_exercise=3)
    problem = make_problem(library, client, weights=tiny.WHOLE_FLOORS)
    plan = build_plan(library, client.weekdays, {("e1", "Mon"): 3, ("e2", "Tue"): 2})
    assert check_plan(plan, library, client, problem.targets) == []
    assert solve(problem).shortfall == 0


def test_switches_only_relax_their_own_limit() -> None:
    """With every switch off, the limits the model cannot switch off still hold."""
    library = tiny.build(
        [tiny.muscle("m1", 30, 40), tiny.muscle("q", 0, 1, chain="anterior")],
        [
            tiny.exercise("e1", ["m1", "q"], set_minutes=1),
            tiny.exercise("heavy", ["m1"], equipment=["barbell"], set_minutes=1),
        ],
    )
    client = Client(weekdays=("Mon", "Tue"), minutes_per_session=4, max_sets_per_exercise=3)
    relaxed = frozenset({HardLimit.RECOVERY, HardLimit.MUSCLE_MAXIMUM, HardLimit.REQUIRED})
    result = _solve(library, client, "highs", without=relaxed)
    assert _limits_broken(library, client, result) <= {7, 8}


@pytest.mark.parametrize("solver", SOLVERS)
def test_limit_9_exercises_per_session(solver: str) -> None:
    """Two muscles, one exercise each, one day: a cap of one exercise leaves one short."""
    library = tiny.build(
        [tiny.muscle("m1", 2, 20), tiny.muscle("m2", 2, 20)],
        [tiny.exercise("e1", ["m1"], set_minutes=1), tiny.exercise("e2", ["m2"], set_minutes=1)],
    )
    client = Client(weekdays=("Mon",), minutes_per_session=10, max_exercises_per_session=1)
    _binds(library, client, client.evolve(max_exercises_per_session=None), 9, solver)
    off = _solve(library, client, solver, without=frozenset({HardLimit.EXERCISES_PER_SESSION}))
    assert _limits_broken(library, client, off) == {9}
    on = _solve(library, client, solver)
    assert on.plan is not None and len(on.plan.entries) == 1


@pytest.mark.parametrize("solver", SOLVERS)
def test_limit_4_a_swap_bans_an_exercise_on_one_day(solver: str) -> None:
    """Swapping ``good`` out of Monday leaves it on Thursday only."""
    client = Client(weekdays=("Mon", "Thu"), minutes_per_session=20, max_sets_per_exercise=3)
    swapped = client.evolve(swap=("good@Mon",))
    _binds(_one_muscle(), swapped, client, 4, solver)
    plan = _solve(_one_muscle(), swapped, solver).plan
    assert plan is not None
    good_days = {e.weekday for e in plan.entries if e.exercise_id == "good"}
    assert good_days == {"Thu"}


@pytest.mark.parametrize("solver", SOLVERS)
def test_limit_6_a_lock_keeps_an_exercise_on_its_day(solver: str) -> None:
    """The locked exercise trains only an anterior muscle and fills Thursday: nothing but the
    lock asks for it there."""
    library = tiny.build(
        [tiny.muscle("m1", 4, 20), tiny.muscle("q", 0, 20, chain="anterior")],
        [tiny.exercise("e1", ["m1"], set_minutes=2), tiny.exercise("front", ["q"], set_minutes=2)],
    )
    client = Client(weekdays=("Mon", "Thu"), minutes_per_session=4)
    locked = client.evolve(lock=("front@Thu",))
    _binds(library, locked, client, 6, solver)
    held = _solve(library, locked, solver)
    assert held.shortfall == 2
    assert held.plan is not None
    assert ("front", "Thu") in {(e.exercise_id, e.weekday) for e in held.plan.entries}
    off = _solve(library, locked, solver, without=frozenset({HardLimit.REQUIRED}))
    assert _limits_broken(library, locked, off) == {6}
