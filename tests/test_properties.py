"""Properties over generated clients on the shipped library: every plan passes the checker,
the shortfall is the plan's own and never below a bound that is cheap to know, relaxing a
limit never makes it worse, and equal inputs give equal answers."""

from __future__ import annotations

import pytest
import tiny
from conftest import DATA
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workbench.check import check_plan
from workbench.client import Client
from workbench.glossary import BODYWEIGHT, LEVELS, TAGS, WEEKDAYS
from workbench.library import Library
from workbench.optimize import SolveOptions, Termination, solve
from workbench.plan import build_plan
from workbench.planner import make_plan
from workbench.problem import Problem, make_problem

SLOW = [HealthCheck.too_slow, HealthCheck.data_too_large]
#: A generated client can be hard (seven 10-minute days); past this a plan stopped at the time
#: limit is still checked, and its bound still has to hold [s].
OPTIONS = SolveOptions(time_limit=15)
#: What the shortfall properties need: the proven shortfall stage alone.
SHORTFALL_ONLY = SolveOptions(time_limit=15, preferences=False)


def _ids(path: str, column: int = 0) -> list[str]:
    lines = (DATA / path).read_text(encoding="utf-8").splitlines()[1:]
    return [line.split(",")[column] for line in lines if line.strip()]


EXERCISE_IDS = _ids("exercises.csv")
EQUIPMENT_IDS = [e for e in _ids("equipment.csv") if e != BODYWEIGHT]
SPORTS = sorted(p.stem for p in (DATA / "sports").glob("*.toml"))


@st.composite
def clients(draw: st.DrawFn, *, allow_require: bool = True) -> Client:
    weekdays = draw(st.lists(st.sampled_from(WEEKDAYS), min_size=1, max_size=7, unique=True))
    fewest = draw(st.integers(1, 2))
    required = (
        tuple(draw(st.lists(st.sampled_from(EXERCISE_IDS), max_size=1))) if allow_require else ()
    )
    return Client(
        name="Generated",
        weekdays=tuple(weekdays),
        minutes_per_session=float(draw(st.integers(10, 120))),
        equipment=tuple(draw(st.lists(st.sampled_from(EQUIPMENT_IDS), unique=True))),
        level=draw(st.sampled_from(LEVELS)),
        sport=draw(st.sampled_from(SPORTS)),
        avoid=tuple(draw(st.lists(st.sampled_from(TAGS), max_size=3, unique=True))),
        require=required,
        ban=tuple(
            draw(
                st.lists(
                    st.sampled_from([e for e in EXERCISE_IDS if e not in required]),
                    max_size=4,
                    unique=True,
                )
            )
        ),
        min_sets_per_exercise=fewest,
        max_sets_per_exercise=draw(st.integers(fewest, 6)),
        max_exercises_per_session=draw(st.sampled_from([None, None, 3, 6])),
    )


def _allowed(problem: Problem) -> list:
    """Exercises the client may do, by this file's own reading of limits 3 and 4."""
    client = problem.client
    have = set(client.equipment) | {BODYWEIGHT}
    return [
        e
        for e in problem.library.exercises
        if set(e.equipment) <= have
        and LEVELS.index(e.level) <= LEVELS.index(client.level)
        and not set(e.tags) & set(client.avoid)
        and e.id not in client.ban
    ]


def capacity_bound(problem: Problem) -> float:
    """A lower bound on the weighted shortfall: each muscle alone, every day filled with its
    most time-efficient allowed exercises, recovery and the other muscles ignored."""
    client, allowed = problem.client, _allowed(problem)
    days = len(set(client.weekdays))
    total = 0.0
    for muscle in problem.library.posterior_chain:
        target = problem.targets[muscle.id]
        reaching = [e for e in allowed if e.weight(muscle.id) > 0]
        if reaching:
            per_day = min(
                client.minutes_per_session
                * max(e.weight(muscle.id) / e.set_minutes for e in reaching),
                sum(e.weight(muscle.id) * client.max_sets_per_exercise for e in reaching),
            )
            capacity = min(target.max_sets, days * per_day)
        else:
            capacity = 0.0
        total += problem.priorities[muscle.id] * max(0.0, target.min_sets - capacity)
    return total


def _required_fits(problem: Problem) -> bool:
    """With one required exercise, a plan exists iff its fewest sets alone hold every limit."""
    client = problem.client
    fewest = client.min_sets_per_exercise
    for weekday in client.weekdays:
        plan = build_plan(problem.library, client.weekdays, {(client.require[0], weekday): fewest})
        if not check_plan(plan, problem.library, client, problem.targets):
            return True
    return False


@settings(max_examples=25, deadline=None, suppress_health_check=SLOW)
@given(client=clients())
def test_every_returned_plan_passes_the_checker(client: Client, library: Library, profiles) -> None:
    result = make_plan(library, client, profiles, OPTIONS, explain=False)
    problem = result.problem
    if result.status is Termination.INFEASIBLE:
        assert client.require and not _required_fits(problem), result.message
        assert result.plan is None
        return
    assert result.status in (Termination.OPTIMAL, Termination.TIME_LIMIT), result.message
    assert result.violations == ()
    plan = result.plan
    assert plan is not None
    assert check_plan(plan, library, client, problem.targets) == []
    if client.require:
        assert _required_fits(problem)
    solved = result.solved
    assert solved.shortfall is not None and solved.bound is not None
    own = tiny.weighted_shortfall(
        library, problem.targets, problem.priorities, plan.sets_by_exercise_day()
    )
    assert solved.shortfall == pytest.approx(own, abs=1e-9)
    assert solved.shortfall >= capacity_bound(problem) - 1e-9
    assert solved.bound <= solved.shortfall + 1e-6
    if result.status is Termination.OPTIMAL:
        assert solved.bound == pytest.approx(solved.shortfall, abs=1e-6)
    # The coverage the planner reports is the plan's.
    short = {r.muscle_id: r.shortfall for r in result.coverage if r.chain == "posterior"}
    assert len(short) == 16
    assert sum(problem.priorities[m] * s for m, s in short.items()) == pytest.approx(own, abs=1e-6)


@settings(max_examples=8, deadline=None, suppress_health_check=SLOW)
@given(
    client=clients(allow_require=False),
    extra=st.sampled_from(EQUIPMENT_IDS),
    day=st.sampled_from(WEEKDAYS),
)
def test_relaxing_a_limit_never_raises_the_optimum(
    client: Client, extra: str, day: str, library: Library, profiles
) -> None:
    """More minutes, one more item and one more weekday: a relaxation, so no worse."""
    relaxed = client.evolve(
        minutes_per_session=min(240.0, client.minutes_per_session + 15),
        equipment=tuple(sorted({*client.equipment, extra})),
        weekdays=tuple(sorted({*client.weekdays, day}, key=WEEKDAYS.index)),
    )
    first = solve(make_problem(library, client, profiles), SHORTFALL_ONLY)
    second = solve(make_problem(library, relaxed, profiles), SHORTFALL_ONLY)
    assert first.ok and second.ok, (first.message, second.message)
    assert first.shortfall is not None and second.bound is not None
    # bound(relaxed) <= optimum(relaxed) <= optimum(client) <= shortfall found for the client
    assert second.bound <= first.shortfall + 1e-6
    if first.status is Termination.OPTIMAL and second.status is Termination.OPTIMAL:
        assert second.shortfall is not None
        assert second.shortfall <= first.shortfall + 1e-9


@settings(max_examples=3, deadline=None, suppress_health_check=SLOW)
@given(client=clients(allow_require=False))
def test_equal_inputs_give_equal_answers(client: Client, library: Library, profiles) -> None:
    first = solve(make_problem(library, client, profiles))
    again = solve(make_problem(library, client.evolve(), profiles))
    assert first.status is again.status is Termination.OPTIMAL
    assert first.shortfall == again.shortfall
    # Every stage ends at its proven gap, never at a time cap: the plans agree.
    assert first.preferences_proven and again.preferences_proven
    assert first.plan == again.plan


@settings(max_examples=15, deadline=None, suppress_health_check=SLOW)
@given(case=tiny.tiny_problems())
def test_tiny_problems_are_solved_deterministically(case: tuple[Library, Client]) -> None:
    library, client = case
    problem = make_problem(library, client)
    first, again = solve(problem), solve(make_problem(library, client))
    assert first.status is again.status
    assert first.shortfall == again.shortfall
    assert first.plan == again.plan
    if first.plan is not None:
        assert first.preferences_proven
        assert [e.order for e in first.plan.entries] == [e.order for e in again.plan.entries]  # type: ignore[union-attr]
