"""What-if analysis: sweeps (monotone in minutes and days), alternative weeks (distinct, at the
optimal shortfall, within the value gap, checked), swap and lock (honoured, checked, conflicts
named), and the symmetry breaking that must step aside for a locked day."""

from __future__ import annotations

import itertools
import math

import pytest
import tiny
from hypothesis import given

from workbench import iotools
from workbench.check import check_plan
from workbench.client import Client, Placement
from workbench.errors import InputError
from workbench.glossary import WEEKDAYS
from workbench.library import Library
from workbench.optimize import SolveOptions, Termination, solve
from workbench.optimize import decisions as decisions_module
from workbench.optimize.alternatives import solve_alternatives
from workbench.optimize.decisions import interchangeable_days
from workbench.planner import PlanResult, make_plan
from workbench.problem import adjacent_pairs, make_problem
from workbench.whatif import (
    coach_value,
    nested_weekdays,
    plan_alternatives,
    swap_candidates,
    sweep,
    sweep_clients,
    sweep_results,
    with_lock,
    with_swap,
)


def small_library() -> Library:
    """Two posterior muscles and an anterior one; two lift families with several variants."""
    return tiny.build(
        [
            tiny.muscle("m1", 6, 12),
            tiny.muscle("m2", 4, 12),
            tiny.muscle("q", 0, 10, chain="anterior"),
        ],
        [
            tiny.exercise("hinge_a", ["m1"], family="deadlift", set_minutes=2),
            tiny.exercise("hinge_b", ["m1"], ["m2"], family="deadlift", set_minutes=2),
            tiny.exercise("hinge_c", ["m1"], family="deadlift", set_minutes=2, level="advanced"),
            tiny.exercise(
                "hinge_d", ["m1"], family="deadlift", set_minutes=3, pattern="hip_extension"
            ),
            tiny.exercise("row_a", ["m2"], family="row", set_minutes=2, pattern="horizontal_pull"),
            tiny.exercise(
                "row_b",
                ["m2"],
                family="row",
                set_minutes=2,
                pattern="horizontal_pull",
                equipment=["band"],
            ),
            tiny.exercise("front", ["q"], family="squat", set_minutes=2, pattern="squat"),
        ],
    )


#: Whole floors at any length of week: the sweeps' shortfalls are then measured against the same
#: floors (a short week of the shipped weights carries part of each floor, see test_client).
WHOLE = tiny.WHOLE_FLOORS
CLIENT = Client(name="Tiny", weekdays=("Mon", "Thu"), minutes_per_session=12, equipment=("band",))


def assert_checked(result: PlanResult) -> None:
    """The plan exists and the independent checker finds nothing."""
    assert result.plan is not None, result.message
    problem = result.problem
    assert check_plan(result.plan, problem.library, problem.client, problem.targets) == []


# ----- sweeps ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "client",
    [
        Client(weekdays=("Mon", "Wed", "Fri")),
        Client(weekdays=("Tue", "Sat")),
        Client(weekdays=("Mon", "Wed", "Fri"), lock=("row_a@Fri",), swap=("row_b@Wed",)),
    ],
    ids=["mon-wed-fri", "tue-sat", "locked-fri"],
)
def test_nested_weekdays(client: Client) -> None:
    weeks = [nested_weekdays(n, client) for n in range(1, 8)]
    for n, week in enumerate(weeks, start=1):
        assert len(week) == n and list(week) == [d for d in WEEKDAYS if d in week]
    for smaller, larger in itertools.pairwise(weeks):
        assert set(smaller) < set(larger)
    # The client's own week at its own number of days; locked and swapped days first.
    assert weeks[len(client.weekdays) - 1] == client.weekdays
    named = {p.weekday for p in (*client.locks, *client.swaps)}
    assert named <= set(weeks[len(named) - 1] if named else ())
    # As few back-to-back days as a week allows (2 x days - 7, Sun->Mon counted).
    assert [len(adjacent_pairs(w)) for w in weeks] == [0, 0, 0, 1, 3, 5, 7]


def test_sweep_over_minutes_and_days_is_monotone_and_checked() -> None:
    library = small_library()
    client = CLIENT.evolve(minutes_per_session=8)
    by_minutes = sweep_results(library, client, "minutes", [4, 6, 8, 12, 20], weights=WHOLE)
    by_days = sweep_results(library, client, "days", [1, 2, 3, 4], weights=WHOLE)
    for results in (by_minutes, by_days):
        shortfalls = []
        for _value, result in results:
            assert result.status is Termination.OPTIMAL
            assert_checked(result)
            assert result.check is not None  # planned fully: the coach check is there
            shortfalls.append(result.solved.shortfall)
        assert all(a >= b - 1e-9 for a, b in itertools.pairwise(shortfalls))
        assert shortfalls[0] > shortfalls[-1]  # the sweep spans a real change
    assert [len(r.problem.weekdays) for _v, r in by_days] == [1, 2, 3, 4]


def test_sweep_frame_columns_and_values() -> None:
    library = small_library()
    frame = sweep(library, CLIENT, "minutes", [4, 12], weights=WHOLE)
    assert list(frame["minutes"]) == [4, 12]
    for column in (
        "weekdays",
        "status",
        "total_shortfall",
        "short_muscles",
        "minutes_used",
        "minutes_booked",
        "floor_share",
        "coach_passed",
        "coach_applicable",
        "coach_misses",
        "effective_sets_m1",
        "effective_sets_m2",
        "effective_sets_q",
    ):
        assert column in frame.columns
    first, last = frame.iloc[0], frame.iloc[1]
    assert first["total_shortfall"] > 0 and "m1" in first["short_muscles"].split(";")
    assert last["total_shortfall"] == 0 and last["short_muscles"] == ""
    assert first["minutes_used"] <= 2 * 4 and first["minutes_booked"] == 8
    assert last["effective_sets_m1"] >= 6 and last["effective_sets_m2"] >= 4
    assert 0 <= last["coach_passed"] <= last["coach_applicable"]


def test_sweep_over_kits(library: Library, profiles) -> None:
    """The shipped kits, shortfall only (fast): more equipment never leaves more short here,
    and a bare travel kit leaves a gap the gym closes."""
    kits = iotools.read_kits(None, library)
    client = Client(weekdays=("Mon", "Thu"), minutes_per_session=30)
    frame = sweep(
        library,
        client,
        "kit",
        ["travel", "home", "gym"],
        profiles,
        SolveOptions(preferences=False),
        weights=WHOLE,
    )
    assert list(frame["kit"]) == ["travel", "home", "gym"]
    assert frame["total_shortfall"].iloc[0] > frame["total_shortfall"].iloc[2]
    # Shortfall only, but every plan is still checked and judged by the rubric.
    assert frame["coach_applicable"].notna().all()
    assert (frame["status"] == "optimal").all()
    assert set(kits) >= {"travel", "home", "garage", "gym"}


def test_shortfall_is_monotone_on_the_shipped_library(library: Library, profiles) -> None:
    """The shortfall stage alone (fast) on a band-only client: the proven optimum never rises
    with more minutes or more (nested) days."""
    client = Client(weekdays=("Mon", "Thu"), minutes_per_session=20, equipment=("band",))
    quick = SolveOptions(preferences=False)
    for parameter, values in (("minutes", [10, 20, 30, 45]), ("days", [1, 2, 3, 4, 5])):
        results = sweep_results(library, client, parameter, values, profiles, quick, weights=WHOLE)
        shortfalls = [r.solved.shortfall for _v, r in results]
        for _value, result in results:
            assert result.status is Termination.OPTIMAL
            assert_checked(result)
        assert all(a >= b - 1e-9 for a, b in itertools.pairwise(shortfalls))
        assert shortfalls[0] > shortfalls[-1]


@pytest.mark.parametrize(
    ("parameter", "values", "value"),
    [
        ("minutes", [30, 0], 0),
        ("minutes", [500], 500),
        ("days", [1, 8], 8),
        ("kit", ["home", "castle"], "castle"),
        ("colour", ["red"], "colour"),
    ],
)
def test_sweep_values_a_client_cannot_take(parameter: str, values: list, value: object) -> None:
    kits = {"home": iotools.read_kits()["home"]}
    with pytest.raises(InputError) as caught:
        sweep_clients(CLIENT, parameter, values, kits)
    assert caught.value.value == value and "\n" not in str(caught.value)


def test_a_day_sweep_keeps_locked_days() -> None:
    client = CLIENT.evolve(lock=("row_a@Thu",))
    variants = dict(sweep_clients(client, "days", [1, 2, 3]))
    assert variants[1].weekdays == ("Thu",)
    assert all("Thu" in v.weekdays for v in variants.values())


# ----- alternatives ------------------------------------------------------------------------


def test_alternatives_are_distinct_at_the_optimal_shortfall_within_the_gap() -> None:
    library = small_library()
    best = make_plan(library, CLIENT)
    assert_checked(best)
    found = plan_alternatives(best, 4)
    assert found.complete, found.note
    assert len(found.plans) == 4
    weeks = [frozenset((e.exercise_id, e.weekday) for e in r.plan.entries) for r in found.plans]  # type: ignore[union-attr]
    assert len(set(weeks)) == 4
    # Not the same sessions on other days: Mon and Thu are interchangeable for this client.
    sessions = [
        frozenset(frozenset(e for e, d in week if d == day) for day in ("Mon", "Thu"))
        for week in weeks
    ]
    assert len(set(sessions)) == 4
    assert found.best_value is not None and found.value_floor is not None
    assert found.value_floor == pytest.approx(found.best_value * 0.95)
    for result in found.plans:
        assert_checked(result)
        assert result.solved.shortfall == pytest.approx(best.solved.shortfall)
        value = coach_value(result)
        assert value is not None and value >= found.value_floor - 1e-6
        assert result.check is not None


def test_alternatives_are_deterministic() -> None:
    library = small_library()
    runs = []
    for _ in range(2):
        found = plan_alternatives(make_plan(library, CLIENT), 3)
        runs.append([iotools.plan_to_csv(r.plan) for r in found.plans])  # type: ignore[arg-type]
    assert runs[0] == runs[1]


def test_fewer_alternatives_than_asked_say_why() -> None:
    """One exercise, one day, a floor it needs every minute for: no other week is as good."""
    library = tiny.build([tiny.muscle("m1", 5, 10)], [tiny.exercise("e1", ["m1"], set_minutes=2)])
    client = Client(weekdays=("Mon",), minutes_per_session=10)
    found = solve_alternatives(make_problem(library, client, weights=tiny.WHOLE_FLOORS), 3)
    assert len(found.results) == 1
    assert "optimal shortfall" in found.note


# ----- swap and lock -----------------------------------------------------------------------


def test_locks_are_honoured_and_the_rest_replanned() -> None:
    library = small_library()
    client = CLIENT.evolve(lock=("row_b@Mon", "hinge_d@Thu"))
    result = make_plan(library, client)
    assert_checked(result)
    placed = {(e.exercise_id, e.weekday) for e in result.plan.entries}  # type: ignore[union-attr]
    assert {("row_b", "Mon"), ("hinge_d", "Thu")} <= placed
    # The lock costs nothing here: the unlocked optimum has the same shortfall.
    assert result.solved.shortfall == make_plan(library, CLIENT).solved.shortfall


def test_a_lock_that_does_not_fit_is_named() -> None:
    library = small_library()
    client = CLIENT.evolve(minutes_per_session=3, lock=("hinge_a@Mon",))
    result = make_plan(library, client)
    assert result.status is Termination.INFEASIBLE and result.plan is None
    assert "locked hinge_a@Mon does not fit the 3 min of work a session holds" in result.message


@pytest.mark.parametrize(
    ("changes", "words"),
    [
        ({"lock": ("hinge_c@Mon",)}, "locked hinge_c@Mon is advanced"),
        (
            {"weekdays": ("Mon", "Tue"), "lock": ("hinge_a@Mon", "hinge_b@Tue")},
            "locked hinge_a@Mon and hinge_b@Tue both load m1",
        ),
        (
            {"minutes_per_session": 6, "lock": ("hinge_a@Mon", "row_a@Mon")},
            "the locks on Mon (hinge_a@Mon, row_a@Mon) take 8 min",
        ),
    ],
    ids=["level", "recovery", "one-day"],
)
def test_lock_conflicts_in_a_coachs_words(changes: dict[str, object], words: str) -> None:
    result = make_plan(small_library(), CLIENT.evolve(**changes))
    assert result.status is Termination.INFEASIBLE
    assert words in result.message


def test_a_lock_that_conflicts_only_with_the_rest_is_named_by_re_solving() -> None:
    """Each alone fits; the lock and a required exercise together do not."""
    library = small_library()
    client = CLIENT.evolve(
        weekdays=("Mon",), minutes_per_session=6, lock=("hinge_a@Mon",), require=("front",)
    )
    result = make_plan(library, client)
    assert result.status is Termination.INFEASIBLE
    assert "dropping the lock hinge_a@Mon would allow a plan" in result.message


def test_swap_candidates_are_same_family_ranked_and_checked() -> None:
    library = small_library()
    best = make_plan(library, CLIENT)
    hinge = next(e for e in best.plan.entries if e.exercise_id.startswith("hinge"))  # type: ignore[union-attr]
    candidates = swap_candidates(best, hinge.exercise_id, hinge.weekday, n=5)
    ids = [c.exercise_id for c in candidates]
    assert ids and hinge.exercise_id not in ids
    assert "hinge_c" not in ids  # advanced: the client may not do it
    assert all(library.exercise(i).family == "deadlift" for i in ids)
    ranks = [(round(c.shortfall, 6), -c.value) for c in candidates]
    assert ranks == sorted(ranks)
    for candidate in candidates:
        assert_checked(candidate.result)
        placed = {(e.exercise_id, e.weekday) for e in candidate.result.plan.entries}  # type: ignore[union-attr]
        assert (candidate.exercise_id, hinge.weekday) in placed
        assert (hinge.exercise_id, hinge.weekday) not in placed
        assert Placement(hinge.exercise_id, hinge.weekday) in candidate.client.swaps
        assert Placement(candidate.exercise_id, hinge.weekday) in candidate.client.locks
    assert len(swap_candidates(best, hinge.exercise_id, hinge.weekday, n=1)) == 1
    with pytest.raises(InputError, match="not a training day"):
        swap_candidates(best, hinge.exercise_id, "Sun")


def test_with_lock_and_with_swap_replace_each_other() -> None:
    locked = with_lock(CLIENT, "row_a", "Mon")
    assert locked.lock == ("row_a@Mon",) and with_lock(locked, "row_a", "Mon") == locked
    swapped = with_swap(locked, "row_a", "Mon")
    assert swapped.swap == ("row_a@Mon",) and swapped.lock == ()


# ----- symmetry breaking and locks -----------------------------------------------------------


def _locked_late() -> tuple[Library, Client]:
    """m1 needs exactly 5 sets a week (its floor is its maximum); the lock puts 2 on Friday.
    Ordering Mon >= Wed >= Fri by minutes would demand 6 sets, above the maximum."""
    library = tiny.build([tiny.muscle("m1", 5, 5)], [tiny.exercise("e1", ["m1"], set_minutes=1)])
    client = Client(weekdays=("Mon", "Wed", "Fri"), minutes_per_session=10, lock=("e1@Fri",))
    return library, client


def test_a_lock_on_a_later_isolated_day_keeps_the_optimum(monkeypatch: pytest.MonkeyPatch) -> None:
    library, client = _locked_late()
    problem = make_problem(library, client)
    assert interchangeable_days(problem) == ("Mon", "Wed")
    assert interchangeable_days(make_problem(library, client.evolve(lock=()))) == (
        "Mon",
        "Wed",
        "Fri",
    )
    result = solve(problem)
    oracle = tiny.brute_force(problem)  # no symmetry breaking: every assignment
    assert result.status is Termination.OPTIMAL
    assert oracle.shortfall == 0 and result.shortfall == oracle.shortfall
    assert result.plan is not None
    assert check_plan(result.plan, library, client, problem.targets) == []
    # Without the guard, the ordering cuts off every week that honours the lock.
    monkeypatch.setattr(
        decisions_module,
        "interchangeable_days",
        lambda p: tuple(
            d
            for d in p.weekdays
            if d not in {x for pair in adjacent_pairs(p.weekdays) for x in pair}
        ),
    )
    assert solve(problem).status is Termination.INFEASIBLE


def test_a_swap_on_an_isolated_day_keeps_the_optimum() -> None:
    """A swap pins nothing but tells its day apart all the same: the oracle agrees."""
    library = tiny.build(
        [tiny.muscle("m1", 6, 6), tiny.muscle("m2", 2, 4)],
        [
            tiny.exercise("e1", ["m1"], set_minutes=1),
            tiny.exercise("e2", ["m2"], ["m1"], set_minutes=3),
        ],
    )
    client = Client(weekdays=("Mon", "Wed", "Fri"), minutes_per_session=6, swap=("e1@Mon",))
    problem = make_problem(library, client)
    assert "Mon" not in interchangeable_days(problem)
    result = solve(problem)
    assert result.shortfall == tiny.brute_force(problem).shortfall
    assert not math.isnan(result.shortfall or 0.0)


@given(tiny.tiny_problems_with_placements())
def test_locks_and_swaps_agree_with_brute_force(case: tuple[Library, Client]) -> None:
    """Generated tiny problems with a lock and a swap: the optimizer's proven shortfall is the
    brute-force optimum over every assignment (which knows no symmetry breaking), and its plan
    passes the checker."""
    library, client = case
    problem = make_problem(library, client)
    brute = tiny.brute_force(problem)
    result = solve(problem)
    if brute.shortfall is None:
        assert result.status is Termination.INFEASIBLE
        return
    assert result.status is Termination.OPTIMAL, result.message
    assert result.shortfall == pytest.approx(brute.shortfall, abs=1e-9)
    assert result.plan is not None
    assert check_plan(result.plan, library, client, problem.targets) == []
    placed = {(e.exercise_id, e.weekday) for e in result.plan.entries}
    assert {(p.exercise_id, p.weekday) for p in client.locks} <= placed
    assert not {(p.exercise_id, p.weekday) for p in client.swaps} & placed
