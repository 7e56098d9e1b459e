"""Planning a block: 3-5 accumulation weeks and a deload, or an 8-12-week fight camp.

The peak week is the weekly optimizer's own (:func:`~workbench.planner.make_plan`): the best
week the product can write for the client. Every other week is planned in one small integer
model over the peak week's choices (:mod:`workbench.optimize.progression`): sets per muscle
start near the floor and rise 1-2 a week to the peak, never falling; the deload (or a camp's
cut phases) holds each trained muscle at its share of the peak. Each week gets a target
effort and a load guide (:mod:`workbench.effort`), its own coach's standards (a deload is
judged by a deload's: :func:`~workbench.block.week_standards`), the independent checker
(every hard limit, and recovery across the boundary between weeks) and the coach's rubric.
docs/blocks.md says why this loses nothing on the peak week and what it trades for the
earlier ones.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from workbench.block import (
    Block,
    BlockProof,
    BlockWeek,
    WeekRole,
    week_standards,
)
from workbench.camp import (
    CAMP_PHASES,
    NECK_DAYS,
    NECK_FAMILY,
    camp_roles,
    camp_start,
    eve_swaps,
    fight_rest_days,
    light_exercise,
    neck_days,
    neck_locks,
    power_variant,
    rotation_variant,
    sparring_swaps,
)
from workbench.check import Violation, check_block
from workbench.client import Client, SportProfile
from workbench.coaching import CoachWeights
from workbench.effort import spares_joints, week_band, week_heavy_rir, week_rir, with_effort
from workbench.errors import InputError
from workbench.glossary import WEEKDAYS
from workbench.library import Exercise, Library
from workbench.optimize import SolveOptions, Termination
from workbench.optimize.progression import (
    OptionSpec,
    ProgressionResult,
    ProgressionSpec,
    SlotSpec,
    WeekSpec,
    solve_progression,
)
from workbench.plan import Plan, PlanEntry, build_plan
from workbench.planner import PlanResult, make_plan
from workbench.problem import Problem, make_problem
from workbench.quality import CoachCheck, coach_check

__all__ = [
    "BLOCK_WEEKS",
    "DELOAD_BAND",
    "MAX_RISE",
    "PRIME_RISE",
    "TRAINED_SETS",
    "BlockResult",
    "block_roles",
    "plan_block",
    "plan_camp",
    "trained_muscles",
    "week_problem",
]

#: A block's length: 3-5 accumulation weeks and a deload [weeks].
BLOCK_WEEKS = range(4, 7)
#: A deload's (and a taper's) effective sets per trained muscle: 40-60% of the peak week's,
#: as issue 17 asks (a taper's best volume cut is 41-60% with intensity kept: Bosquet et al.
#: 2007, Med Sci Sports Exerc 39(8):1358-1365) [share].
DELOAD_BAND = (0.4, 0.6)
#: A muscle is trained when the peak week gives it at least this many times the client's
#: fewest sets per exercise in effective sets (10 at the default 2: the weekly dose that
#: trains a muscle, Schoenfeld, Ogborn & Krieger 2017). Below it, 40-60% of the peak is
#: narrower than one held exercise's fewest sets (2 sets of a 6-set muscle's lift: 33% or
#: 67%, nothing between), so a cut week can only aim at half of it [ratio].
TRAINED_SETS = 5.0
#: What leaving out every exercise of a family costs a week, in sets of the goal: a staple
#: family (the profile's, COACHING.md C7) or the sport's specific work (C12) is kept unless
#: three sets off the goal say otherwise; any other family a little [sets].
STAPLE_KEEP = 3.0
FAMILY_KEEP = 0.3
#: The fewest rising weeks in which the main lifts start a set under their peak.
MAIN_RISE_WEEKS = 3
#: What leaving a main lift out of a cut week costs [sets]: the deload keeps the lifts,
#: unless keeping every one of them at its fewest sets holds a muscle above 60% of its peak
#: (a fifth of a set above it already costs as much: the band comes first).
LIFT_KEEP = 20.0
#: The most a muscle's weekly effective sets rise from one accumulation week to the next,
#: and the least each posterior prime mover rises over the accumulation weeks [sets/week]
#: (the volume landmarks of Renaissance Periodization's hypertrophy guidelines, Israetel et
#: al.: start near the minimum effective volume, add about 1-2 sets a muscle a week). One
#: since the blind review of the first four blocks: at two, week 1 used 20-30 of 40-55
#: minutes and sets then jumped 2 -> 4 ("start at 3 sets and grow more gently").
MAX_RISE = 1.0
PRIME_RISE = 1.0
#: The most a muscle's sets rise over a block's accumulation weeks [sets]: two (block rounds
#: 10-13: at three, week 1 of a 5-week block listed 21-24 of 30 minutes, 29-34 of 40, 35-50
#: of 65, "fill the booked time from week 1"); effort rises beside them (RIR 3 -> 1).
RAMP_SETS = 2
#: A camp phase's exercises (:mod:`workbench.camp`): what a set short of the phase's power
#: work costs (about a set off a muscle's goal: a main-lift set gives way to a power set on
#: the same muscles, no set is added for it) [per set]; what holding the phase's preferred
#: power work, and an accessory rotated from the peak week's, is worth (tie-breakers well
#: below a set) [per week].
POWER_SHORT_COST = 6.0
PHASE_POWER_VALUE = 0.2
ROTATE_VALUE = 0.1
#: The name of a camp's open slot: power work a later phase adds beside a day's main lifts.
ADDED_POWER = "+power"


@dataclass(frozen=True)
class BlockResult:
    """A planned block, the peak week's :class:`~workbench.planner.PlanResult`, each week's
    coach check (by its own standards) and any hard limit a week breaks (none in a block the
    product returns: ``block`` is then None)."""

    problem: Problem
    peak: PlanResult
    block: Block | None = None
    checks: tuple[CoachCheck, ...] = ()
    violations: tuple[Violation, ...] = ()
    message: str = ""

    @property
    def status(self) -> Termination:
        if self.violations:
            return Termination.ERROR
        if self.block is None and self.peak.plan is not None:
            return Termination.ERROR
        return self.peak.status


def block_roles(weeks: int, deload_week: int | None = None) -> tuple[WeekRole, ...]:
    """Accumulation weeks with a deload at ``deload_week`` (1..weeks; default the last)."""
    if isinstance(weeks, bool) or not isinstance(weeks, int) or weeks not in BLOCK_WEEKS:
        raise InputError(
            f"{weeks!r} is outside {BLOCK_WEEKS.start}..{BLOCK_WEEKS.stop - 1} "
            "(3-5 accumulation weeks and a deload)",
            field="weeks",
            value=weeks,
        )
    deload = weeks if deload_week is None else deload_week
    if isinstance(deload, bool) or not isinstance(deload, int) or not 1 <= deload <= weeks:
        raise InputError(
            f"{deload!r} is outside 1..{weeks} (the block's weeks)",
            field="deload_week",
            value=deload_week,
        )
    return tuple(
        WeekRole.DELOAD if number == deload else WeekRole.ACCUMULATION
        for number in range(1, weeks + 1)
    )


def trained_muscles(plan: Plan, library: Library, min_sets: int) -> dict[str, float]:
    """The muscles ``plan`` trains, at least :data:`TRAINED_SETS` x ``min_sets`` (the client's
    fewest sets per exercise) effective sets, and their effective sets [sets/week]."""
    least = TRAINED_SETS * min_sets
    return {m: v for m, v in _effective(plan, library).items() if v >= least - 1e-9}


def plan_block(
    library: Library,
    client: Client,
    profiles: Mapping[str, SportProfile] | None = None,
    options: SolveOptions | None = None,
    *,
    weeks: int = 5,
    deload_week: int | None = None,
    weights: CoachWeights | None = None,
    explain: bool = True,
    file: str = "client",
) -> BlockResult:
    """A block of ``weeks`` (4-6): accumulation weeks rising to the optimizer's own week,
    and a deload at ``deload_week`` (default the last).

    Raises :class:`~workbench.errors.InputError` for a bad length or deload week, or a client
    that names unknown ids.
    """
    roles = block_roles(weeks, deload_week)
    options = options or SolveOptions()
    peak = make_plan(
        library, client, profiles, options, weights=weights, explain=explain, file=file
    )
    if peak.plan is None:
        return BlockResult(peak.problem, peak, message=peak.message)
    return _assemble(peak.problem, peak, roles, client, options)


def plan_camp(
    library: Library,
    client: Client,
    profiles: Mapping[str, SportProfile] | None = None,
    options: SolveOptions | None = None,
    *,
    weeks: int = 10,
    fight_date: dt.date | None = None,
    weights: CoachWeights | None = None,
    explain: bool = True,
    file: str = "client",
) -> BlockResult:
    """A fight camp of ``weeks`` (8-12) ending on ``fight_date`` (:mod:`workbench.camp`):
    strength, strength-speed and speed phases and a taper; neck work on two days a week; no
    hard session on the client's sparring days. Without a fight date the fight follows the
    last week's last session.

    Raises :class:`~workbench.errors.InputError` for a bad length, or a client that names
    unknown ids or locks a hard lift on a sparring day.
    """
    roles = camp_roles(weeks)
    options = options or SolveOptions()
    base = make_problem(library, client, profiles, weights, file=file)
    try:
        swaps = sparring_swaps(client, base.eligible)
    except InputError as error:
        raise error.located(file) from None
    swaps += tuple(s for s in eve_swaps(client, base.eligible) if s not in swaps)
    camp_client = client.evolve(swap=client.swap + swaps)
    rest = (
        {weeks - 1 + back: days for back, days in fight_rest_days(fight_date).items()}
        if fight_date is not None
        else {}
    )
    fewest = client.min_sets_per_exercise
    necks = [
        e for e in base.placeable() if e.family == NECK_FAMILY and base.upper_sets(e) >= fewest
    ]
    locks, neck_miss = neck_locks(necks, camp_client, rest.get(weeks - 1, ()))
    peak = make_plan(
        library,
        camp_client.evolve(lock=camp_client.lock + locks),
        profiles,
        options,
        weights=weights,
        explain=explain,
        file=file,
    )
    if peak.plan is None and locks:
        # The neck locked on two days conflicts with the client's other limits: the camp is
        # planned without it, and says so.
        neck_miss = ("neck work on two days a week: no week under the hard limits holds it",)
        peak = make_plan(
            library, camp_client, profiles, options, weights=weights, explain=explain, file=file
        )
    if peak.plan is None:
        return BlockResult(peak.problem, peak, message=peak.message)
    start = camp_start(fight_date, weeks) if fight_date is not None else None
    return _assemble(
        peak.problem,
        peak,
        roles,
        client,
        options,
        rest_days=rest,
        start=start,
        fight_date=fight_date,
        misses=neck_miss,
    )


# ----- the block model --------------------------------------------------------------------


def _slots(plan: Plan, library: Library, *, timed: bool = False) -> tuple[SlotSpec, ...]:
    """The peak week's slots. ``timed``: with each set's minutes (a camp, whose later phases
    change exercises, caps sessions by their minutes). A block's slots carry none, as they
    always have: its sub-weeks hold the session limit by construction, and the block's
    numbers in docs/blocks.md were measured so."""
    return tuple(
        SlotSpec(
            e.exercise_id,
            e.weekday,
            e.sets,
            library.exercise(e.exercise_id).muscle_weights,
            library.exercise(e.exercise_id).is_main_lift,
            minutes=library.exercise(e.exercise_id).set_minutes if timed else 0.0,
        )
        for e in sorted(plan.entries, key=lambda e: (e.day, e.order))
    )


def _ramp_start(peak: float, floor: float, steps: int) -> float:
    """Where a muscle's sets start: its floor (the minimum effective dose), but no further
    below the peak than :data:`MAX_RISE` a week allows, nor than :data:`RAMP_SETS` in all,
    and never above the peak."""
    return min(peak, max(floor, peak - MAX_RISE * min(steps, RAMP_SETS)))


def _week_specs(
    problem: Problem,
    plan: Plan,
    roles: Sequence[WeekRole],
    slots: Sequence[SlotSpec],
    rest_days: Mapping[int, Sequence[str]],
    coach: Client,
    variants: Mapping[tuple[str, str], tuple[OptionSpec, ...]] | None = None,
    lift_variants: Mapping[tuple[str, str], tuple[OptionSpec, ...]] | None = None,
) -> tuple[tuple[WeekSpec, ...], tuple[tuple[int, int, str, float], ...]]:
    variants = variants or {}
    lift_variants = lift_variants or {}
    library = problem.library
    peak_sets = {m: v for m, v in _effective(plan, library).items() if v > 0}
    trained = trained_muscles(plan, library, problem.client.min_sets_per_exercise)
    rising = [i for i, role in enumerate(roles) if role.progresses]
    steps = max(len(rising) - 1, 1)
    main = frozenset(s.key for s in slots if s.main)
    every = frozenset(s.key for s in slots)
    by_exercise: dict[str, set[tuple[str, str]]] = {}
    by_family: dict[str, set[tuple[str, str]]] = {}
    for slot in slots:
        if slot.main:
            by_exercise.setdefault(slot.exercise_id, set()).add(slot.key)
            by_family.setdefault(library.exercise(slot.exercise_id).family, set()).add(slot.key)
    own = [s for s in slots if not s.open]
    neck = frozenset(s.key for s in own if library.exercise(s.exercise_id).family == NECK_FAMILY)
    power = frozenset(s.key for s in own if library.exercise(s.exercise_id).explosive)
    camp = any(role in CAMP_PHASES for role in roles)
    families: dict[str, set[tuple[str, str]]] = {}
    for slot in own:
        families.setdefault(library.exercise(slot.exercise_id).family, set()).add(slot.key)
    for slot_key, choices in [*variants.items(), *lift_variants.items()]:
        for option in choices:
            families.setdefault(library.exercise(option.exercise_id).family, set()).add(
                (option.exercise_id, slot_key[1])
            )
    wanted = set(problem.profile.staples) | set(problem.profile.specific.families)
    peak_total = float(plan.total_sets)
    # The session-balance rows weigh each set by its slot's minutes. A block's slots carry
    # none, so they have never acted on a block (docs/blocks.md); a camp's slots carry them
    # for its session caps, and its weeks keep the blocks' behaviour without the rows.
    balance = not camp
    last_speed = max((i for i, r in enumerate(roles) if r is WeekRole.SPEED), default=None)
    # The client's locks hold in every week (hard limit 6), a fight's rest days included;
    # its required exercises appear in every week, on one of their days at least.
    locked = frozenset((p.exercise_id, p.weekday) for p in coach.locks) & every
    required = [
        frozenset(s.key for s in own if s.exercise_id == exercise_id)
        for exercise_id in problem.client.require
    ]
    specs = []
    for index, role in enumerate(roles):
        resting = frozenset(k for k in every if k[1] in rest_days.get(index, ()))
        # A required exercise whose every day is a rest day keeps its first (the coach's
        # weekly requirement outranks the template's rest; the block says so).
        kept_required = frozenset(
            min(group, key=lambda k: WEEKDAYS.index(k[1]))
            for group in required
            if group and group <= resting
        )
        absent = resting - locked - kept_required
        at_least: list[tuple[frozenset[tuple[str, str]], int]] = [
            (group - absent, 1) for group in required if group - absent
        ]
        kept = tuple(
            (frozenset(keys) - absent, STAPLE_KEEP if family in wanted else FAMILY_KEEP)
            for family, keys in sorted(families.items())
        )
        if camp and neck:
            at_least.append((neck - absent, NECK_DAYS))
        if role.progresses:
            position = rising.index(index)
            goal = {
                m: _ramp_start(v, problem.targets[m].min_sets, steps)
                + (v - _ramp_start(v, problem.targets[m].min_sets, steps)) * position / steps
                for m, v in peak_sets.items()
            }
            specs.append(
                WeekSpec(
                    goal=goal,
                    present=(main | locked) - absent,
                    exact=every if index == rising[-1] else frozenset(),
                    absent=absent,
                    at_least=tuple(at_least),
                    kept=kept,
                    balance=balance,
                    follows=rising[position - 1] if position > 0 else None,
                    main_short=position == 0 and len(rising) >= MAIN_RISE_WEEKS,
                    main_tokens=not camp,
                )
            )
            continue
        low, high = DELOAD_BAND if role is WeekRole.DELOAD else _volume(role)
        middle = (low + high) / 2
        phase = CAMP_PHASES.get(role)
        changes = phase is not None and phase.variants and bool(variants or lift_variants)
        give_way = changes and phase is not None and phase.lifts_give_way
        # Each main lift kept on one of its days; where the main lifts give way to power
        # work, each main lift family on one of its days.
        lift_groups = by_family if give_way else by_exercise
        lifts = tuple(
            (frozenset(keys) - absent, LIFT_KEEP) for _, keys in sorted(lift_groups.items())
        )
        held = main - absent if role is WeekRole.STRENGTH_SPEED else frozenset()
        allowed = {**variants, **lift_variants} if give_way else variants
        taper_days = (
            tuple(d for d in problem.weekdays if d not in rest_days.get(len(roles) - 1, ()))
            if role is WeekRole.SPEED and roles[-1] is WeekRole.TAPER
            else None
        )
        # Room for the taper's floor, as much as the speed week's own bands allow on those
        # days (a Wednesday fight leaves Monday alone: no speed week can hold 40% there).
        # Every speed week keeps it, so that they stay alike (and are solved once).
        room = (
            min(
                DELOAD_BAND[0] * peak_total,
                high * sum(s.peak_sets for s in own if s.weekday in taper_days),
            )
            if taper_days is not None
            else 0.0
        )
        week = WeekSpec(
            goal={m: middle * v for m, v in peak_sets.items()},
            band={m: (low * v, high * v) for m, v in trained.items()},
            present=held | locked | ((power - absent) if camp else frozenset()),
            exact=(power - absent) if role is WeekRole.SPEED else frozenset(),
            absent=absent,
            at_least=tuple(at_least),
            kept=kept + tuple(lift for lift in lifts if lift[0]),
            balance=balance,
            under=last_speed if role is WeekRole.TAPER else None,
            # A cut week's total sets in its band too (block round 6: a one-session week's
            # deload of six exercises at their fewest two sets was its first week, 71%).
            total=(
                (low * peak_total, high * peak_total)
                if role in (WeekRole.TAPER, WeekRole.DELOAD)
                else None
            ),
            # The last speed week leaves the taper room for its floor on the days it trains.
            room=(taper_days, room) if taper_days is not None else None,
            # A deload cuts every exercise to the band's top share of its sets (a taper is
            # planned under the last speed week, whose sets it already cuts).
            most_share=high if role is WeekRole.DELOAD else None,
        )
        if changes:
            week = _phase_asks(week, role, slots, allowed, library, middle * peak_total)
        specs.append(week)
    rises: tuple[tuple[int, int, str, float], ...] = ()
    if len(rising) >= 2:
        rises = tuple(
            (rising[0], rising[-1], m, PRIME_RISE)
            for m in problem.standards.prime_movers
            if peak_sets.get(m, 0.0) > 0
            and library.has_muscle(m)
            and library.muscle(m).chain == "posterior"
        )
    return tuple(specs), rises


def _phase_asks(
    week: WeekSpec,
    role: WeekRole,
    slots: Sequence[SlotSpec],
    variants: Mapping[tuple[str, str], tuple[OptionSpec, ...]],
    library: Library,
    week_sets: float,
) -> WeekSpec:
    """``week`` with what a camp phase asks of its exercises: the slots' options, its phase
    (the taper keeps the speed phase's exercises by being planned under its last week), a
    rotated accessory and the phase's preferred power work worth a little, and its share of
    the week's ``week_sets`` as power work [sets]."""
    phase = CAMP_PHASES[role]
    prefer: dict[tuple[tuple[str, str], str], float] = {}
    explosive: set[str] = set()
    for slot in slots:
        choices = variants.get(slot.key, ())
        if not choices:
            continue
        ids = ([] if slot.open else [slot.exercise_id]) + [o.exercise_id for o in choices]
        for exercise_id in ids:
            exercise = library.exercise(exercise_id)
            value = 0.0
            if exercise.explosive:
                explosive.add(exercise_id)
                if exercise.family in phase.power_families:
                    value += PHASE_POWER_VALUE
            if not slot.open and exercise_id != slot.exercise_id:
                value += ROTATE_VALUE
            if value:
                prefer[(slot.key, exercise_id)] = value
    explosive |= {
        s.exercise_id for s in slots if not s.open and library.exercise(s.exercise_id).explosive
    }
    return replace(
        week,
        options=dict(variants),
        phase=None if phase.exercises_of is not None else role.value,
        prefer=prefer,
        floors=((frozenset(explosive), phase.power_share * week_sets, POWER_SHORT_COST),),
    )


def _camp_variants(
    problem: Problem, plan: Plan, slots: Sequence[SlotSpec], locked: frozenset[tuple[str, str]]
) -> tuple[
    tuple[SlotSpec, ...],
    dict[tuple[str, str], tuple[OptionSpec, ...]],
    dict[tuple[str, str], tuple[OptionSpec, ...]],
]:
    """The exercises a camp's later phases may hold instead of the peak week's
    (:func:`~workbench.camp.power_variant`, :func:`~workbench.camp.rotation_variant`): per
    slot of the peak (a power slot's own exercise, too, grown past its peak sets to the
    client's most an exercise), per open slot (power work added beside a day's main lifts, one a
    training day), and apart, the power work a lower-body main lift's slot may take in a
    phase whose main lifts give way. Only exercises the client may place, on a day the client's swaps (a
    sparring day's included) leave them, whose prime movers the day's own already are, so
    that no variant breaks recovery within a week or across weeks (the peak's days hold it);
    none the client's injuries spare (jumps for a cranky knee: ``Problem.spared``); never in a
    locked or required slot, nor in neck work's."""
    library = problem.library
    client = problem.client
    fewest = client.min_sets_per_exercise
    placeable = problem.in_scope(problem.placeable())
    swapped = set(client.swap)
    sparring = set(client.sparring)
    by_day: dict[str, list[SlotSpec]] = {}
    for slot in slots:
        by_day.setdefault(slot.weekday, []).append(slot)
    variants: dict[tuple[str, str], tuple[OptionSpec, ...]] = {}
    lift_variants: dict[tuple[str, str], tuple[OptionSpec, ...]] = {}
    opened: list[SlotSpec] = []
    for day, day_slots in by_day.items():
        owns = [library.exercise(s.exercise_id) for s in day_slots]
        prime = {m for e in owns for m in e.primary_muscles}
        taken = {e.id for e in owns}
        allowed = [
            e
            for e in placeable
            if e.id not in taken
            and f"{e.id}@{day}" not in swapped
            and set(e.primary_muscles) <= prime
            and (day not in sparring or light_exercise(e))
            and not problem.spared(e)
        ]

        def option(exercise: Exercise, most: int) -> OptionSpec | None:
            most = min(most, problem.upper_sets(exercise))
            if most < fewest:
                return None
            return OptionSpec(exercise.id, exercise.muscle_weights, exercise.set_minutes, most)

        for slot, exercise in zip(day_slots, owns, strict=True):
            if (
                slot.key in locked
                or exercise.id in client.require
                or exercise.family == NECK_FAMILY
            ):
                continue
            lift = exercise.role == "main" and not exercise.explosive
            found = [
                option(e, slot.peak_sets)
                for e in allowed
                if power_variant(e, exercise, owns) or rotation_variant(e, exercise)
            ]
            # The day's own power work may grow past its peak sets (to the client's most a
            # session): where no other power work fits the day's prime movers, the phase's
            # added power work is more sets of it.
            grown = (
                option(exercise, client.max_sets_per_exercise)
                if exercise.explosive and day not in sparring
                else None
            )
            if grown is not None and grown.most_sets > slot.peak_sets:
                found.insert(0, grown)
            choices = tuple(o for o in found if o is not None)
            if choices:
                (lift_variants if lift else variants)[slot.key] = choices
        if day in sparring:
            continue
        added = tuple(
            o
            for o in (
                option(e, client.max_sets_per_exercise)
                for e in allowed
                if power_variant(e, None, owns)
            )
            if o is not None
        )
        if added:
            open_slot = SlotSpec(ADDED_POWER, day, 0, {}, open=True)
            opened.append(open_slot)
            variants[open_slot.key] = added
    return tuple(opened), variants, lift_variants


def _volume(role: WeekRole) -> tuple[float, float]:
    volume = CAMP_PHASES[role].volume
    assert volume is not None
    return volume


def _effective(plan: Plan, library: Library) -> dict[str, float]:
    totals: dict[str, float] = {}
    for entry in plan.entries:
        for muscle, weight in library.exercise(entry.exercise_id).muscle_weights.items():
            totals[muscle] = totals.get(muscle, 0.0) + entry.sets * weight
    return totals


# ----- the weeks judged ------------------------------------------------------------------


def week_problem(problem: Problem, share: float, *, rest_days: Sequence[str] = ()) -> Problem:
    """The problem a block week is judged by: the coach's standards scaled to the week's
    ``share`` of the peak week's sets (:func:`~workbench.block.week_standards`), the sport's
    specific sets too; a fight's week without its ``rest_days`` (the day before the fight and
    after: no session is missing there)."""
    judged = problem
    days = tuple(d for d in problem.client.weekdays if d not in rest_days)
    if days and days != problem.client.weekdays:
        locks = tuple(t for t in problem.client.lock if t.split("@")[-1] in days)
        swaps = tuple(t for t in problem.client.swap if t.split("@")[-1] in days)
        judged = replace(
            problem, client=problem.client.evolve(weekdays=days, lock=locks, swap=swaps)
        )
    if share >= 1.0:
        return judged
    profile = problem.profile
    specific = replace(
        profile.specific,
        min_sets=math.floor(profile.specific.min_sets * share + 1e-9),
        min_effective_sets=math.floor(2 * profile.specific.min_effective_sets * share) / 2,
    )
    return replace(
        judged,
        standards=week_standards(problem.standards, share),
        profile=replace(profile, specific=specific),
    )


def _neck_short(weeks: Sequence[BlockWeek], library: Library) -> tuple[str, ...]:
    """Camp weeks with neck work on fewer than :data:`NECK_DAYS` days (a fight's week whose
    rest days leave too few)."""
    short = []
    for week in weeks:
        days = neck_days(week.plan, library)
        if len(days) < NECK_DAYS:
            short.append(f"week {week.number}: neck work on {len(days)} day(s), not {NECK_DAYS}")
    return tuple(short)


def _rest_kept(
    weeks: Sequence[BlockWeek], rest_days: Mapping[int, Sequence[str]]
) -> tuple[str, ...]:
    """The sessions a fight's rest days keep (the client's locks and required exercises)."""
    return tuple(
        f"week {week.number}: {entry.exercise_id} kept on {entry.weekday}, a rest day before "
        "the fight (the client locks or requires it)"
        for index, week in enumerate(weeks)
        for entry in week.plan.entries
        if entry.weekday in rest_days.get(index, ())
    )


def _assemble(
    problem: Problem,
    peak: PlanResult,
    roles: Sequence[WeekRole],
    client: Client,
    options: SolveOptions,
    *,
    rest_days: Mapping[int, Sequence[str]] | None = None,
    start: dt.date | None = None,
    fight_date: dt.date | None = None,
    misses: tuple[str, ...] = (),
) -> BlockResult:
    """The block around ``peak``: the block model, effort and load, each week checked and
    judged."""
    plan = peak.plan
    assert plan is not None
    library = problem.library
    camp = any(r in CAMP_PHASES for r in roles)
    slots = _slots(plan, library, timed=camp)
    variants: dict[tuple[str, str], tuple[OptionSpec, ...]] = {}
    lift_variants: dict[tuple[str, str], tuple[OptionSpec, ...]] = {}
    if camp and any(CAMP_PHASES[r].variants for r in roles):
        locked = frozenset((p.exercise_id, p.weekday) for p in problem.client.locks)
        opened, variants, lift_variants = _camp_variants(problem, plan, slots, locked)
        slots += opened
    rest_days = rest_days or {}
    specs, rises = _week_specs(
        problem, plan, roles, slots, rest_days, client, variants, lift_variants
    )
    session_minutes: dict[str, float] = {}
    for entry in plan.entries:
        session_minutes[entry.weekday] = session_minutes.get(entry.weekday, 0.0) + entry.minutes
    solved: ProgressionResult = solve_progression(
        ProgressionSpec(
            slots=slots,
            weeks=specs,
            min_sets=problem.client.min_sets_per_exercise,
            max_rise=MAX_RISE,
            rises=rises,
            priorities=dict(problem.priorities),
            solver=options.solver,
            session_minutes=session_minutes,
            ceilings={m: t.max_sets for m, t in problem.targets.items()},
            max_exercises=problem.client.max_exercises_per_session,
        )
    )
    if solved.sets is None:
        return BlockResult(
            problem,
            peak,
            message=f"the block model ended without a block ({solved.termination.value})",
        )
    peak_total = plan.total_sets
    sparring = tuple(d for d in client.sparring if d in problem.weekdays) if camp else ()
    weeks, judged = [], []
    for index, role in enumerate(roles):
        week_plan = _in_peak_order(
            build_plan(library, problem.weekdays, solved.sets[index], problem.own_families),
            plan,
            solved.placed[index] if solved.placed else {},
        )
        share = week_plan.total_sets / peak_total if peak_total else 1.0
        judged.append(week_problem(problem, share, rest_days=rest_days.get(index, ())))
        weeks.append(
            BlockWeek(
                number=index + 1,
                plan=with_effort(
                    week_plan,
                    library,
                    week_rir(roles, index),
                    role=role if role in CAMP_PHASES else None,
                    sparring=sparring,
                    level=client.level,
                    phase_band=week_band(roles, index),
                    heavy_rir=week_heavy_rir(roles, index),
                    spare_joints=spares_joints(client.avoid),
                ),
                role=role,
                standards=judged[-1].standards,
            )
        )
    solve = peak.solved
    value_gaps = [s.achieved_gap for s in solve.stages[1:]]
    proof = BlockProof(
        shortfall=solve.shortfall or 0.0,
        peak_gap=None
        if not value_gaps or None in value_gaps
        else max(g or 0.0 for g in value_gaps),
        progression_proven=solved.proven,
        progression_gap=solved.gap,
        misses=misses
        + _rest_kept(weeks, rest_days)
        + (_neck_short(weeks, library) if camp else ())
        + solved.misses,
    )
    block = Block(tuple(weeks), start=start, fight_date=fight_date, proof=proof)
    violations = tuple(check_block(block, library, client, problem.targets))
    if violations:
        return BlockResult(
            problem,
            peak,
            violations=violations,
            message="the block failed the independent check: " + "; ".join(map(str, violations)),
        )
    checks = tuple(
        coach_check(week.plan, week_judged) for week, week_judged in zip(weeks, judged, strict=True)
    )
    return BlockResult(problem, peak, block, checks, message=peak.message)


def _in_peak_order(
    week: Plan, peak: Plan, placed: Mapping[tuple[str, str], tuple[str, str]] | None = None
) -> Plan:
    """``week``'s sessions in the peak week's order: a session runs its lifts in the same
    order all block (a lighter week's two sets of a main lift would otherwise fall behind a
    three-set accessory that opens it). An exercise ``placed`` in a peak slot takes the
    slot's place; power work added beside the main lifts opens the session."""
    rank = {(e.exercise_id, e.weekday): (e.day, e.order) for e in peak.entries}
    placed = placed or {}

    def place(entry: PlanEntry) -> tuple[int, int]:
        key = (entry.exercise_id, entry.weekday)
        slot = placed.get(key)
        if slot is not None and slot[0] == ADDED_POWER:
            return (entry.day, 0)
        return rank.get(slot or key, (entry.day, 1000 + entry.order))

    entries = []
    for weekday in week.weekdays:
        session = sorted((e for e in week.entries if e.weekday == weekday), key=place)
        entries += [replace(e, order=order) for order, e in enumerate(session, start=1)]
    return replace(week, entries=tuple(entries))
