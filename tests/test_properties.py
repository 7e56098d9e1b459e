"""Properties over generated clients on small libraries drawn from the shipped one: every plan
passes the checker and reads back from its CSV unchanged, the shortfall is the plan's own and
never below a bound that is cheap to know, relaxing a limit never makes it worse, banning an
exercise the plan leaves unused changes nothing, and equal inputs give equal answers.

Clients come from two strategies: ``cases`` draws every limit freely (odd corners: one set an
exercise, a 10-minute session, a cap on exercises), ``generated_cases`` takes the clients a
coach's intake gives (``workbench.generate``, by seed: sport, kit, weekdays in blocks or
weekends, injuries, warm-ups, scope, a required lift the client can do). The checker and the
banning properties draw from both.

The number of examples is the hypothesis profile's (tests/conftest.py: 200 a property in CI).
That many stays cheap because each example draws a handful of the shipped exercises (their
real equipment, levels, tags, families and muscles, the shipped muscle bands and sport
profiles) instead of planning on all of them; the plans on the whole library are tested on
the example clients (test_optimality.py)."""

from __future__ import annotations

import csv
import dataclasses
from pathlib import Path

import pytest
import tiny
from conftest import DATA
from hypothesis import event, given
from hypothesis import strategies as st

from workbench import iotools
from workbench.check import check_plan
from workbench.client import Client
from workbench.generate import generate_client
from workbench.glossary import BODYWEIGHT, LEVELS, TAGS, WEEKDAYS
from workbench.library import Library
from workbench.optimize import SolveOptions, Termination, solve
from workbench.plan import build_plan
from workbench.planner import make_plan
from workbench.problem import Problem, make_problem

#: A safety net only: a drawn case is a few exercises, solved in milliseconds. Past this a plan
#: stopped at the time limit is still checked, and its bound still has to hold [s].
OPTIONS = SolveOptions(time_limit=15)
#: What the shortfall properties need: the proven shortfall stage alone.
SHORTFALL_ONLY = SolveOptions(preferences=False)


def _ids(path: str, column: int = 0) -> list[str]:
    lines = (DATA / path).read_text(encoding="utf-8").splitlines()[1:]
    return [line.split(",")[column] for line in lines if line.strip()]


EXERCISE_IDS = _ids("exercises.csv")
with (DATA / "exercises.csv").open(encoding="utf-8", newline="") as _file:
    NEEDS = {
        row["id"]: {item for item in row["equipment"].split(";") if item not in ("", BODYWEIGHT)}
        for row in csv.DictReader(_file)
    }
EQUIPMENT_IDS = [e for e in _ids("equipment.csv") if e != BODYWEIGHT]
SPORTS = sorted(p.stem for p in (DATA / "sports").glob("*.toml"))
#: The shipped library and kits, for the generator (a strategy cannot take a fixture).
SHIPPED = iotools.read_library(DATA)
KITS = iotools.read_kits(DATA / "kits.toml", SHIPPED)


@dataclasses.dataclass(frozen=True)
class Case:
    """A client and the shipped exercises its library holds."""

    exercise_ids: tuple[str, ...]
    client: Client

    def library(self, shipped: Library) -> Library:
        """The shipped library with only this case's exercises (in file order)."""
        keep = set(self.exercise_ids)
        return dataclasses.replace(
            shipped, exercises=tuple(e for e in shipped.exercises if e.id in keep)
        )


@st.composite
def cases(
    draw: st.DrawFn, *, allow_require: bool = True, most_exercises: int = 8, most_days: int = 4
) -> Case:
    exercise_ids = draw(
        st.lists(st.sampled_from(EXERCISE_IDS), min_size=2, max_size=most_exercises, unique=True)
    )
    weekdays = draw(
        st.lists(st.sampled_from(WEEKDAYS), min_size=1, max_size=most_days, unique=True)
    )
    equipment = set(draw(st.lists(st.sampled_from(EQUIPMENT_IDS), unique=True)))
    if draw(st.booleans()):  # kit for every drawn exercise: fewer weeks with nothing to plan
        equipment |= {item for e in exercise_ids for item in NEEDS[e]}
    fewest = draw(st.integers(1, 2))
    required = (
        tuple(draw(st.lists(st.sampled_from(exercise_ids), max_size=1))) if allow_require else ()
    )
    unrequired = [e for e in exercise_ids if e not in required]
    client = Client(
        name="Generated",
        weekdays=tuple(weekdays),
        minutes_per_session=float(draw(st.integers(10, 120))),
        equipment=tuple(sorted(equipment)),
        level=draw(st.sampled_from(LEVELS)),
        sport=draw(st.sampled_from(SPORTS)),
        avoid=tuple(draw(st.lists(st.sampled_from(TAGS), max_size=3, unique=True))),
        require=required,
        ban=tuple(draw(st.lists(st.sampled_from(unrequired), max_size=2, unique=True))),
        min_sets_per_exercise=fewest,
        max_sets_per_exercise=draw(st.integers(fewest, 6)),
        max_exercises_per_session=draw(st.sampled_from([None, None, 3, 6])),
    )
    return Case(tuple(exercise_ids), client)


#: Clients as a coach's intake gives them, one per seed (shrinking goes toward seed 0).
generated_clients = st.integers(0, 2**32 - 1).map(
    lambda seed: generate_client(seed, sports=SPORTS, kits=KITS, library=SHIPPED)
)


@st.composite
def generated_cases(draw: st.DrawFn, *, most_exercises: int = 8) -> Case:
    """A generated client and a few shipped exercises: mostly ones its kit allows (so the
    week is not empty), one or two it may not use, and whatever it requires or bans."""
    client = draw(generated_clients)
    doable = [e for e in EXERCISE_IDS if NEEDS[e] <= set(client.equipment)]
    chosen = draw(
        st.lists(st.sampled_from(doable), min_size=1, max_size=most_exercises, unique=True)
    )
    others = draw(st.lists(st.sampled_from(EXERCISE_IDS), max_size=2, unique=True))
    exercise_ids = tuple(dict.fromkeys([*chosen, *others, *client.require, *client.ban]))
    return Case(exercise_ids, client)


@pytest.fixture(scope="module")
def plan_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where the plans read back are written (one folder for every example)."""
    return tmp_path_factory.mktemp("plans")


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


@given(case=st.one_of(cases(), generated_cases()))
def test_every_returned_plan_passes_the_checker(
    case: Case, library: Library, profiles, plan_folder: Path
) -> None:
    """The whole planner (every stage, then the checker and the rubric): the plan it returns
    holds every hard limit, its shortfall is its own, and its CSV reads back as the same plan."""
    small, client = case.library(library), case.client
    event("generated client" if "(seed " in client.name else "drawn limits")
    result = make_plan(small, client, profiles, OPTIONS, explain=False)
    problem = result.problem
    if result.status is Termination.INFEASIBLE:
        event("no plan exists")
        assert client.require and not _required_fits(problem), result.message
        assert result.plan is None
        return
    assert result.status in (Termination.OPTIMAL, Termination.TIME_LIMIT), result.message
    assert result.violations == ()
    plan = result.plan
    assert plan is not None
    event("empty plan" if not plan.entries else "a plan")
    assert check_plan(plan, small, client, problem.targets) == []
    if client.require:
        assert _required_fits(problem)
    solved = result.solved
    assert solved.shortfall is not None and solved.bound is not None
    own = tiny.weighted_shortfall(
        small, problem.targets, problem.priorities, plan.sets_by_exercise_day()
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
    # The plan CSV round trip is exact on a real plan too.
    assert iotools.read_plan(iotools.write_plan(plan, plan_folder / "plan.csv")) == plan


def _shortfall(library: Library, client: Client, profiles) -> float:
    # Whole floors: a longer week of the shipped weights carries more of each floor, so only
    # against the same floors is a relaxation's optimum comparable.
    result = solve(make_problem(library, client, profiles, tiny.WHOLE_FLOORS), SHORTFALL_ONLY)
    assert result.status is Termination.OPTIMAL, result.message
    assert result.shortfall is not None
    return result.shortfall


@given(
    case=cases(allow_require=False),
    more_minutes=st.integers(1, 30),
    extra=st.sampled_from(EQUIPMENT_IDS),
    day=st.sampled_from(WEEKDAYS),
)
def test_relaxing_a_limit_never_raises_the_optimum(
    case: Case, more_minutes: int, extra: str, day: str, library: Library, profiles
) -> None:
    """More minutes, one more equipment item or one more weekday, each alone: a relaxation,
    so the proven shortfall is never larger (the item or day may already be there)."""
    small, client = case.library(library), case.client
    relaxed = {
        "minutes": client.evolve(
            minutes_per_session=min(240.0, client.minutes_per_session + more_minutes)
        ),
        "equipment": client.evolve(equipment=tuple(sorted({*client.equipment, extra}))),
        "weekday": client.evolve(
            weekdays=tuple(sorted({*client.weekdays, day}, key=WEEKDAYS.index))
        ),
    }
    base = _shortfall(small, client, profiles)
    for what, looser in relaxed.items():
        shortfall = _shortfall(small, looser, profiles)
        assert shortfall <= base + 1e-9, (what, shortfall, base)
        if shortfall < base - 1e-9:
            event(f"{what} lowered the shortfall")


@given(case=st.one_of(cases(), generated_cases()), data=st.data())
def test_banning_an_unused_exercise_changes_nothing(
    case: Case, data: st.DataObject, library: Library, profiles
) -> None:
    """An exercise the proven-optimal week leaves out can be banned at no cost: the optimal
    shortfall is the same (or still no plan exists), and the new week passes the checker."""
    small, client = case.library(library), case.client
    first = solve(make_problem(small, client, profiles), SHORTFALL_ONLY)
    assert first.status in (Termination.OPTIMAL, Termination.INFEASIBLE), first.message
    used = {e.exercise_id for e in first.plan.entries} if first.plan is not None else set()
    unused = [e for e in case.exercise_ids if e not in used | set(client.require) | set(client.ban)]
    if not unused:
        event("every exercise used, required or banned")
        return
    banned = data.draw(st.sampled_from(unused), label="banned")
    stricter = client.evolve(ban=(*client.ban, banned))
    problem = make_problem(small, stricter, profiles)
    second = solve(problem, SHORTFALL_ONLY)
    assert second.status is first.status, second.message
    if first.status is Termination.INFEASIBLE:
        event("no plan exists either way")
        return
    assert second.shortfall == pytest.approx(first.shortfall, abs=1e-9)
    assert second.plan is not None
    assert banned not in {e.exercise_id for e in second.plan.entries}
    assert check_plan(second.plan, small, stricter, problem.targets) == []


@given(
    case=st.one_of(cases(allow_require=False, most_exercises=5, most_days=3), tiny.tiny_problems())
)
def test_equal_inputs_give_equal_answers(
    case: Case | tuple[Library, Client], library: Library, profiles
) -> None:
    """Solved twice, a week comes out the same: on a few shipped exercises and a shipped sport
    profile, or on a generated tiny library (whose limits make no plan exist at times)."""
    if isinstance(case, Case):
        small, client, known = case.library(library), case.client, profiles
    else:
        (small, client), known = case, None
    first = solve(make_problem(small, client, known))
    again = solve(make_problem(small, client.evolve(), known))
    assert first.status is again.status
    assert first.shortfall == again.shortfall
    assert first.plan == again.plan
    if first.plan is None:
        event("no plan exists")
        assert isinstance(case, tuple) and first.status is Termination.INFEASIBLE
        return
    assert first.status is Termination.OPTIMAL
    # Every stage ends at its proven gap, never at a time cap: the plans agree, order too.
    assert first.preferences_proven and again.preferences_proven
    assert [e.order for e in first.plan.entries] == [e.order for e in again.plan.entries]  # type: ignore[union-attr]
