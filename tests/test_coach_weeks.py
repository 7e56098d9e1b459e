"""The issue's acceptance, as a coach reads it: the example clients get weeks that pass every
rubric criterion the coach's own reference week passes, with at least the coach's dose (capped
at the maxima) on every posterior-chain muscle, at zero shortfall; every example client passes
the rubric; and where coverage costs a criterion in a short week, the plan says which."""

from __future__ import annotations

import pytest
import tiny
from conftest import COACH_WEEKS, DATA

from workbench import iotools
from workbench.analytics import effective_sets
from workbench.client import Client
from workbench.planner import PlanResult, make_plan
from workbench.problem import make_problem
from workbench.quality import coach_check
from workbench.standards import DEFAULT_STANDARDS

REFERENCE = ("full_gym", "home_kettlebell", "fighter")
#: The share of the coach's dose the product's week reaches on every prime mover:
#: 70%. The blind reviews (rounds 2-4) marked down the extra pulls and isolation sets
#: that matching a reference week's 20 lat sets takes in a 45-minute session (a pulldown, a
#: pullover and a straight-arm pulldown in one week) more than a lower lat dose.
DOSE_SHARE = 0.7
EXAMPLES = sorted(path.stem for path in (DATA / "clients").glob("*.toml"))
#: Criteria that apply to an example client, where not all nineteen do: knee-dominant work is
#: not asked of a desk worker (C16).
APPLICABLE = {"desk_worker": 18}


def _plan(name: str, library, profiles) -> PlanResult:
    result = make_plan(library, iotools.read_client(DATA / "clients" / f"{name}.toml"), profiles)
    assert result.plan is not None and result.check is not None, result.message
    return result


@pytest.mark.parametrize("name", REFERENCE)
def test_the_product_week_meets_the_coach_week(name: str, library, profiles) -> None:
    """The coach's reference weeks were written for the posterior-chain work alone
    (COACHING.md): the product's week in that scope meets them."""
    client = iotools.read_client(DATA / "clients" / f"{name}.toml").evolve(scope="posterior_chain")
    result = make_plan(library, client, profiles)
    assert result.plan is not None and result.check is not None, result.message
    coach = iotools.read_plan(COACH_WEEKS / f"{name}.csv")
    theirs = coach_check(coach, result.problem)
    assert result.check is not None
    # The coach's week, written for the posterior-chain work alone (COACHING.md), is credible
    # as written; every criterion it passes for this client, the product's week passes too.
    client = result.problem.client.evolve(scope="posterior_chain")
    as_written = coach_check(coach, make_problem(library, client, profiles))
    assert as_written.credible, as_written.summary()
    for criterion in theirs.criteria:
        if criterion.applies and criterion.passed:
            mine = result.check.criterion(criterion.id)
            assert mine.passed, f"{criterion.id}: {mine.detail}"
    # At zero shortfall, with nearly the coach's dose (capped at the maxima) on every prime
    # mover: within DOSE_SHARE of it. Not the small muscles' doses: the blind reviews since
    # marked down the filler that matching them takes (shrugs, neck work, a third calf
    # raise), and the value gives a small muscle's sets past its floor little.
    assert result.solved.shortfall == 0 and result.short == ()
    # Posterior-chain scope: nothing the client's other training covers (a press, a leg
    # press) fills the time (the blind review of round 5), unless the client requires it.
    assert result.plan is not None
    anterior = [
        (e.exercise_id, e.weekday)
        for e in result.plan.entries
        if library.anterior_only(library.exercise(e.exercise_id))
        and e.exercise_id not in client.require
    ]
    assert not anterior, anterior
    mine_sets = effective_sets(result.plan, library)  # type: ignore[arg-type]
    coach_sets = effective_sets(coach, library)
    for muscle in library.posterior_chain:
        if muscle.id not in DEFAULT_STANDARDS.prime_movers:
            # The small muscles: their floors (the shortfall is zero), not the coach's dose.
            continue
        wanted = min(coach_sets.get(muscle.id, 0.0), result.problem.targets[muscle.id].max_sets)
        assert mine_sets.get(muscle.id, 0.0) >= DOSE_SHARE * wanted - 1e-9, (
            muscle.id,
            mine_sets,
            wanted,
        )


@pytest.mark.parametrize("name", sorted(set(EXAMPLES) - {"desk_worker"}))
def test_every_example_client_gets_a_credible_week(name: str, library, profiles) -> None:
    """The example clients with time beyond their floors get a credible week."""
    result = _plan(name, library, profiles)
    assert result.check is not None
    assert result.check.credible, result.check.summary()
    assert result.coverage_costs == ()


def test_a_short_week_carries_part_of_each_floor(library, profiles) -> None:
    """The desk worker's two 35-minute sessions of work (40 booked less the warm-up): with
    every floor whole they hold all sixteen floors and little else, no bridge and no press
    beside them, a week that is not credible and says that coverage is why. A short week
    carries part of each floor (70 of the 150 minutes: 47%, ``full_floor_minutes``), and the
    week is a credible one: the blind reviews of rounds 5 and 6 preferred the coaches' short
    weeks, which left small muscles short for the client's own lifts."""
    client = iotools.read_client(DATA / "clients" / "desk_worker.toml")
    whole = make_plan(library, client, profiles, weights=tiny.WHOLE_FLOORS, costs=True)
    assert whole.check is not None and not whole.check.credible
    assert whole.solved.shortfall == 0
    failed = {c.id for c in whole.check.failed}
    required = failed & set(whole.check.required)
    # A required criterion is what coverage costs (the week free of the floors passes it):
    # the staples (C7) or the profile's bridge (C12), as the library and the weights move
    # (since the profile halved the upper trapezius's and the levator's floors, round 32,
    # it was C7; with the bodyweight single-leg RDL and a defining lift worth 60, C12).
    assert required & set(whole.coverage_costs), whole.coverage_costs
    short = _plan("desk_worker", library, profiles)
    assert short.problem.floor_share == pytest.approx(70 / 150)
    assert short.problem.targets["gluteus_maximus"].min_sets == 3.5  # 8 x 47%, to the half set
    assert short.check is not None and short.check.credible, short.check.summary()
    assert short.solved.shortfall == 0 and short.coverage_costs == ()


def test_a_short_week_says_what_coverage_costs(library, profiles) -> None:
    """Two 30-minute band-only sessions cannot cover every floor whole and keep the rubric:
    the shortfall is proven minimal first, and the plan names the criteria that coverage costs
    (those a week free of the floors would pass). (With the shipped weights such a week is
    short and carries part of each floor, a small muscle's least: it is credible.)"""
    kits = iotools.read_kits()
    client = Client(
        name="Kim (travel)",
        weekdays=("Mon", "Thu"),
        minutes_per_session=30,
        equipment=kits["travel"].equipment,
    )
    shipped = make_plan(library, client, profiles)
    assert shipped.check is not None and shipped.check.credible, shipped.check.summary()
    assert shipped.coverage_costs == ()  # a second solve only when asked (or a muscle is short)
    result = make_plan(library, client, profiles, weights=tiny.WHOLE_FLOORS, costs=True)
    assert result.check is not None and not result.check.credible
    assert result.check is not None and result.check.failed
    assert result.coverage_costs, result.check.summary()
    failed = {c.id for c in result.check.failed}
    assert set(result.coverage_costs) <= failed
    # The shipped short week keeps the essentials of a session: every day used evenly, every
    # exercise dosed with 2 or more sets, every session opening with a main lift.
    for essential in ("C2", "C4", "C5"):
        assert shipped.check.criterion(essential).passed, shipped.check.criterion(essential)


#: The heaviest deadlifts each reference client may do: from the floor in a full gym, a
#: Romanian or straight-leg deadlift for the fighter (who avoids a high spinal load), any
#: kettlebell deadlift at home.
HEAVY_HINGES = {
    "full_gym": {"barbell_deadlift", "trap_bar_deadlift", "sumo_deadlift", "rack_pull"},
    # A disc history: a dumbbell or kettlebell RDL, two-legged or single (round 33: a barbell
    # straight-leg deadlift as a fighter's heavy hinge with a back to spare, marked down;
    # where the required swings open the day, the single-leg RDL is that day's hinge).
    "fighter": {
        "dumbbell_romanian_deadlift",
        "kettlebell_romanian_deadlift",
        "dumbbell_single_leg_rdl",
        "single_leg_rdl",
    },
    "home_kettlebell": {"kettlebell_deadlift", "kettlebell_romanian_deadlift", "single_leg_rdl"},
}


@pytest.mark.parametrize("name", REFERENCE)
def test_the_week_answers_the_blind_review(name: str, library, profiles) -> None:
    """What the blind review marked down stays fixed: a heavy, non-ballistic hinge dosed as a
    main lift, at least 6 vertical-pull sets on the bar (every reference client has one and
    may do pull-ups), at most one calf exercise a session, no neck or serratus filler beyond
    what the sport asks or a floor needs."""
    result = _plan(name, library, profiles)
    plan = result.plan
    assert plan is not None
    entries = plan.entries
    assert any(e.exercise_id in HEAVY_HINGES[name] and e.sets >= 3 for e in entries)
    pulls = [library.exercise(e.exercise_id) for e in entries for _ in range(e.sets)]
    bar_pulls = [x for x in pulls if x.pattern == "vertical_pull" and "pullup_bar" in x.equipment]
    assert len(bar_pulls) >= 6 and {x.id for x in bar_pulls} <= {"pull_up", "chin_up"}
    for day in result.problem.weekdays:
        calves = [
            e for e in plan.session(day) if library.exercise(e.exercise_id).family == "calf_raise"
        ]
        assert len(calves) <= 1, (day, calves)
    neck = [e for e in entries if e.exercise_id == "band_neck_extension"]
    assert not neck or name == "fighter"  # the fighter's profile lists neck work as a staple
    punches = sum(
        e.sets for e in entries if library.exercise(e.exercise_id).family == "serratus_punch"
    )
    assert punches <= result.problem.targets["serratus"].min_sets


def test_a_runner_with_long_sessions_is_not_filled_with_presses(library, profiles) -> None:
    """A pattern the sport sets apart stops at twice its target (the blind reviews of rounds
    3 and 5: 16-17 press sets for runners whose sport asks for four, to fill the time)."""
    client = Client(
        name="advanced runner, hotel",
        weekdays=("Mon", "Tue", "Wed", "Sat", "Sun"),
        minutes_per_session=120,
        equipment=("dumbbell", "band", "bench", "cable", "machine"),
        level="advanced",
        sport="runner",
    )
    result = make_plan(library, client, profiles)
    assert result.plan is not None and result.solved.shortfall == 0
    goals = profiles["runner"].patterns
    ceiling = 2 * (goals["press"][1] + goals["overhead_press"][1])
    presses = sum(e.sets for e in result.plan.entries if library.exercise(e.exercise_id).press)
    assert 0 < presses <= ceiling, presses


@pytest.mark.parametrize("scope", ["whole_body", "posterior_chain"])
def test_a_cranky_knee_gets_no_deep_lunge_or_jump(scope: str, library, profiles) -> None:
    """A runner with a cranky knee (round 14: walking lunges and pogo hops for a marathoner's
    knee, a runner's staples both) gets neither a lunge past a right angle nor impact work; a
    step-up or a box squat may carry the knee-dominant sets. Nor, in posterior-chain scope, a
    squat or a lunge at all."""
    client = Client(
        name="marathoner, cranky knee",
        weekdays=("Mon", "Wed", "Fri"),
        minutes_per_session=45,
        equipment=("dumbbell", "bench", "cable", "machine", "band"),
        level="intermediate",
        sport="runner",
        avoid=("deep_knee_flexion",),
        scope=scope,
    )
    result = make_plan(library, client, profiles)
    assert result.plan is not None and result.solved.shortfall == 0
    placed = [library.exercise(e.exercise_id) for e in result.plan.entries]
    assert not [e.id for e in placed if e.impact]
    assert not [e.id for e in placed if e.pattern == "lunge" and e.knee_flexion > 90]
    if scope == "posterior_chain":
        assert not [e.id for e in placed if e.pattern in ("squat", "lunge")]
    assert result.check is not None and result.check.criterion("C7").passed


def test_a_sore_shoulder_presses_with_dumbbells(library, profiles) -> None:
    """A fighter who avoids overhead work (a sore shoulder) in a full gym presses with
    dumbbells, a floor press or push-ups, not a barbell bench press's fixed path (round 16:
    bench, close-grip bench and landmine presses, twelve sets, marked down), and does no Y
    raise (its arms go overhead)."""
    client = Client(
        name="Muay Thai, sore shoulder",
        weekdays=("Tue", "Wed", "Fri", "Sat"),
        minutes_per_session=90,
        equipment=(
            "barbell",
            "dumbbell",
            "kettlebell",
            "band",
            "cable",
            "machine",
            "bench",
            "pullup_bar",
            "box",
            "trap_bar",
            "medicine_ball",
        ),
        level="advanced",
        sport="fighter",
        avoid=("overhead", "high_spinal_load"),
    )
    result = make_plan(library, client, profiles)
    assert result.plan is not None and result.solved.shortfall == 0
    placed = [(library.exercise(e.exercise_id), e.sets) for e in result.plan.entries]
    presses = sum(sets for e, sets in placed if e.press)
    benched = [e.id for e, _ in placed if e.family == "press" and "barbell" in e.equipment]
    assert presses >= 4 and not benched, (presses, benched)
    assert not [e.id for e, _ in placed if e.family == "y_raise"]


def test_a_general_beginner_is_not_filled_with_presses(library, profiles) -> None:
    """Round 26: a beginner parent's 4 x 70 with dumbbells held 17 pressing sets (a bench
    press twice beside a floor, a seated and a half-kneeling press), within twice each press
    pattern's target; the coach's week held 10. Pressing outside a sport that sets it apart
    stops at 1.25 times its targets, and no hip adduction fills a general client's time."""
    from workbench.optimize.terms import PRESS_CEILING

    client = Client(
        name="beginner parent, dumbbells",
        weekdays=("Mon", "Wed", "Thu", "Sat"),
        minutes_per_session=70,
        warmup_minutes=10,
        equipment=("dumbbell", "bench", "band"),
        level="beginner",
        avoid=("high_spinal_load", "deep_knee_flexion"),
        priorities={"latissimus_dorsi": 1.5},
    )
    result = make_plan(library, client, profiles)
    assert result.plan is not None and result.solved.shortfall == 0
    goals = result.problem.weights.patterns
    ceiling = PRESS_CEILING * (goals["press"].target + goals["overhead_press"].target)
    placed = [(library.exercise(e.exercise_id), e.sets) for e in result.plan.entries]
    presses = sum(sets for e, sets in placed if e.press)
    assert 4 <= presses <= ceiling, presses
    assert not [e.id for e, _ in placed if e.family == "adduction"]


def test_every_session_of_a_fighters_week_holds_power_work(library, profiles) -> None:
    """Rounds 40 and 41: fighter weeks whose fifth day held no power work ("Sat has no power
    work at all"; "the fighter weeks lost the explosive and rotational work at the start of
    the session"), where a power session was worth less than two sets of a throw cost. An
    intermediate kickboxer with a cranky knee in a full gym on five hours: power every day."""
    client = Client(
        name="kickboxer, round 41",
        weekdays=("Mon", "Tue", "Wed", "Fri", "Sat"),
        minutes_per_session=60,
        equipment=(
            *("barbell", "dumbbell", "kettlebell", "band", "cable", "machine", "bench"),
            *("pullup_bar", "ghd", "box", "trap_bar", "medicine_ball"),
        ),
        level="intermediate",
        sport="fighter",
        avoid=("deep_knee_flexion",),
    )
    result = make_plan(library, client, profiles)
    assert result.plan is not None
    power = {e.id for e in result.problem.library.exercises if e.role == "power"}
    for day in client.weekdays:
        held = [e.exercise_id for e in result.plan.session(day) if e.exercise_id in power]
        assert held, (day, [e.exercise_id for e in result.plan.session(day)])
