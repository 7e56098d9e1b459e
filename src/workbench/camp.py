"""The fight camp template: 8-12 weeks ending on a fight date.

Phases in order (the block periodisation of a combat-sport camp: James, Kelly & Beckman 2013,
"Periodization for mixed martial arts", Strength Cond J 35(6):34-45; Tack 2013,
"Evidence-based guidelines for strength and conditioning in mixed martial arts", Strength
Cond J 35(5):79-92; the taper: Mujika & Padilla 2003, Med Sci Sports Exerc 35(7):1182-1187,
and Bosquet et al. 2007, Med Sci Sports Exerc 39(8):1358-1365: volume cut by 41-60% with
intensity kept):

- **strength**: heavy main lifts at low reps (barbell ~70-80% 1RM), sets rising week on week
  to the peak week;
- **strength-speed**: ~80-90% 1RM for fewer reps, volume eased to 70-90% of the peak, heavy
  power work (swings, cleans, loaded jumps) paired with the main lifts;
- **speed**: ~50-65% 1RM moved fast, power work first in every session and more of it (light,
  fast, low reps: jumps, throws, snatches), main lifts reduced, 50-85% of the peak;
- **taper**: about a week, 40-60% of the peak, light and fast, the speed phase's exercises;
  no session the day before the fight, on it or after it, and no session longer than the
  same day's in the last speed week.

Each phase's reps are its rep scheme (:class:`CampPhase`, :func:`phase_reps`); its exercises
are the peak week's, with the variants :func:`power_variant` and :func:`rotation_variant`
allow (chosen by the block model, :mod:`workbench.optimize.progression`).

Every week: neck work on at least two days; on a day the coach marks as sparring (the
client's ``sparring`` key) only light work (:func:`light_exercise`: neck, core, carries, face
pulls and reverse flies) at 3 reps in reserve or more; the heaviest lower-body work
(:func:`heavy_lower`) off the day before sparring where another day is free of both.

Plain values and functions; planning a camp is :func:`workbench.blocks.plan_camp`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType

from workbench.block import WeekRole
from workbench.client import Client
from workbench.errors import InputError
from workbench.glossary import LOWER_PATTERNS, WEEKDAYS
from workbench.library import Exercise, Library
from workbench.plan import Plan, PlanEntry

__all__ = [
    "CAMP_PHASES",
    "CAMP_WEEKS",
    "CONTACT_PATTERNS",
    "HARD_FAMILIES",
    "HEAVY_LOWER_FAMILIES",
    "LIGHT_FAMILIES",
    "LIGHT_ROLES",
    "NECK_DAYS",
    "NECK_FAMILY",
    "SPARRING_RIR",
    "CampPhase",
    "camp_roles",
    "camp_start",
    "days_apart",
    "eve_swaps",
    "fight_rest_days",
    "hard_exercise",
    "hard_session",
    "heavy_lower",
    "light_exercise",
    "neck_days",
    "neck_locks",
    "phase_reps",
    "power_variant",
    "rotation_variant",
    "sparring_swaps",
]

#: How long a camp may be [weeks].
CAMP_WEEKS = range(8, 13)
#: The family of neck work, and the days a week it is trained (the fighter profile's reason:
#: a stronger neck moves the head less under a hit, Eckner et al. 2014).
NECK_FAMILY = "neck"
NECK_DAYS = 2
#: The fewest reps in reserve on a sparring day: nothing hard before or after the rounds.
SPARRING_RIR = 3
#: Families that make a session hard whatever their role: Nordic curls and glute-ham raises
#: (supramaximal eccentric hamstring work, days of soreness after it: the blind review of the
#: first fight camp, "their eccentric soreness clashes with sparring").
HARD_FAMILIES: frozenset[str] = frozenset({"nordic"})
#: What a sparring day holds (the blind review of the first fight camp: "keep Thu to neck,
#: carries and trunk work"): core and carries, neck work, face pulls and reverse flies. The
#: second block review marked down a spar day of twelve sets of reverse flies, face pulls, Y
#: raises and scapular pull-ups ("too much filler: cut it to about 10 sets, or make it a
#: 15-minute session"): hip abduction, Y raises, scapular pull-ups and serratus work are no
#: longer spar-day work.
LIGHT_ROLES: frozenset[str] = frozenset({"core", "carry"})
LIGHT_FAMILIES: frozenset[str] = frozenset({NECK_FAMILY, "face_pull", "reverse_fly"})
#: The lift families of the heaviest lower-body work (with Nordic curls): the ones a coach
#: keeps off the day before sparring (the blind review of the first fight camp).
HEAVY_LOWER_FAMILIES: frozenset[str] = frozenset({"deadlift", "squat", "good_morning"})
#: Power work counted in ground contacts rather than single efforts (pogo hops, bounds,
#: skips): a phase's low single-effort reps would be too few contacts to train anything.
CONTACT_PATTERNS: frozenset[str] = frozenset({"plantar_flexion", "locomotion"})
#: The most reps a loaded main lift's default may start at for a phase's low reps to apply:
#: a lift a coach loads heavy (a deadlift's 5, a kettlebell row's 10), not one its load
#: limits to high reps (a kettlebell glute bridge's 12-15, band work) [reps].
HEAVY_REPS_FROM = 10


@dataclass(frozen=True)
class CampPhase:
    """One phase of a camp.

    ``band``: the %1RM range of its barbell main lifts [%]; ``reps``: the reps of its loaded
    main lifts (the barbell's at ``band``, a kettlebell's or dumbbell's too); ``rir``: reps in
    reserve at the phase's first and last week for the rest; ``volume``: the share of the
    peak week's effective sets per muscle the phase's weeks stay in (None: they rise to the
    peak); ``fast``: every rep at full speed.

    Its rep scheme (:func:`phase_reps`): ``reps`` for loaded main lifts, ``power_reps`` for
    power work done as single efforts (swings, cleans, snatches, jumps, throws, sprawls),
    ``contact_reps`` for power work counted in contacts (pogo hops, bounds; None: their own);
    everything else keeps its own reps. Its exercises: ``variants`` lets the phase change the
    peak week's exercises (power work paired with the main lifts, accessories rotated);
    ``power_share`` is the share of the week's sets it asks of power work;
    ``power_families`` the power work it prefers.
    """

    role: WeekRole
    band: tuple[int, int]
    reps: str
    rir: tuple[int, int]
    volume: tuple[float, float] | None
    fast: bool = False
    #: The share of a camp's weeks (the taper's one aside) the phase takes.
    share: float = 0.0
    power_reps: str | None = None
    contact_reps: str | None = None
    variants: bool = False
    power_share: float = 0.0
    power_families: tuple[str, ...] = ()
    #: The phase whose exercises it keeps (the taper: the speed phase's).
    exercises_of: WeekRole | None = None
    #: Its lower-body main lifts may give their slot to power work (each main lift family
    #: still kept in the week): the speed phase's "main lifts reduced".
    lifts_give_way: bool = False


#: The phases and their rep schemes. Strength: main lifts for 5 (3-6 is the strength range:
#: NSCA Essentials, 4th ed., ch. 17: 6 or fewer reps at 85% 1RM or more for strength; the
#: issue's 70-80% band for a camp's first phase), power work for 5. Strength-speed: main lifts
#: for 3 at 80-90%, heavy ballistic power work (swings, cleans, the Olympic lifts, loaded
#: jumps) for 5, paired with them. Speed: power work first and more of it, light and fast for
#: 3 (jumps, throws, snatches), contacts for 10, main lifts for 3 at 50-65% moved fast. The
#: load-velocity continuum behind the split (heavy ballistics for strength-speed, unloaded
#: jumps and throws for speed): Haff & Nimphius 2012, "Training principles for power",
#: Strength Cond J 34(6):2-12; the phases' order: James, Kelly & Beckman 2013 (module
#: docstring). The power shares (a quarter of the sets in strength-speed, two fifths in speed
#: and the taper) are this product's reading of "more power work", not a published number.
CAMP_PHASES: Mapping[WeekRole, CampPhase] = MappingProxyType(
    {
        WeekRole.STRENGTH: CampPhase(
            WeekRole.STRENGTH, (70, 80), "5", (3, 2), None, share=0.4, power_reps="5"
        ),
        WeekRole.STRENGTH_SPEED: CampPhase(
            WeekRole.STRENGTH_SPEED,
            (80, 90),
            "3",
            (2, 1),
            (0.7, 0.9),
            share=0.35,
            power_reps="5",
            variants=True,
            power_share=0.25,
            power_families=("kettlebell_swing", "kettlebell_ballistic", "olympic_lift", "jump"),
        ),
        WeekRole.SPEED: CampPhase(
            WeekRole.SPEED,
            (50, 65),
            "3",
            (3, 3),
            # 50-85% of the peak (75% until 7 December 2026: power work counts in full here,
            # and at 75% the reference fighter's speed weeks held 11 power sets of 45 against
            # strength-speed's 13 of 52, less power work where the phase asks for more).
            (0.5, 0.85),
            fast=True,
            share=0.25,
            power_reps="3-5",
            contact_reps="10",
            variants=True,
            power_share=0.4,
            power_families=("jump", "throw", "slam", "kettlebell_ballistic", "sprint", "sprawl"),
            lifts_give_way=True,
        ),
        WeekRole.TAPER: CampPhase(
            WeekRole.TAPER,
            (50, 65),
            "3",
            (4, 4),
            (0.4, 0.6),
            fast=True,
            power_reps="3-5",
            contact_reps="10",
            variants=True,
            power_share=0.4,
            power_families=("jump", "throw", "slam", "kettlebell_ballistic", "sprint", "sprawl"),
            exercises_of=WeekRole.SPEED,
            lifts_give_way=True,
        ),
    }
)


def camp_roles(weeks: int) -> tuple[WeekRole, ...]:
    """The role of each week of a ``weeks``-long camp: strength, strength-speed, speed (at
    least two weeks each from 8 weeks on), then one taper week."""
    if weeks not in CAMP_WEEKS:
        raise InputError(
            f"{weeks} is outside {CAMP_WEEKS.start}..{CAMP_WEEKS.stop - 1} (a fight camp's weeks)",
            field="weeks",
            value=weeks,
        )
    building = weeks - 1
    speed = max(2, round(CAMP_PHASES[WeekRole.SPEED].share * building))
    strength = max(2, round(CAMP_PHASES[WeekRole.STRENGTH].share * building))
    strength_speed = building - strength - speed
    return (
        (WeekRole.STRENGTH,) * strength
        + (WeekRole.STRENGTH_SPEED,) * strength_speed
        + (WeekRole.SPEED,) * speed
        + (WeekRole.TAPER,)
    )


def camp_start(fight_date: dt.date, weeks: int) -> dt.date:
    """The Monday of a camp's first week: the camp's last week (Monday to Sunday) holds the
    fight."""
    fight_monday = fight_date - dt.timedelta(days=fight_date.weekday())
    return fight_monday - dt.timedelta(weeks=weeks - 1)


def fight_rest_days(fight_date: dt.date) -> dict[int, tuple[str, ...]]:
    """The weekdays without a session around the fight, by week counted back from the
    fight's week (0: the fight's week, -1: the week before): the day before the fight, the
    fight day and every day after it in its week (a Monday fight rests the Sunday before)."""
    index = fight_date.weekday()
    rest = {0: WEEKDAYS[max(0, index - 1) :]}
    if index == 0:
        rest[-1] = (WEEKDAYS[-1],)
    return rest


def hard_exercise(exercise: Exercise) -> bool:
    """A lift that makes a session hard: a main lift or power work (COACHING.md), anything
    explosive or with impact, any heavy spinal load, Nordic curls (:data:`HARD_FAMILIES`)."""
    return (
        exercise.is_main_lift
        or exercise.explosive
        or exercise.impact
        or exercise.spinal_load == "high"
        or exercise.family in HARD_FAMILIES
    )


def light_exercise(exercise: Exercise) -> bool:
    """Work a sparring day may hold: not hard, and core, a carry or a light
    accessory (:data:`LIGHT_ROLES`, :data:`LIGHT_FAMILIES`)."""
    return not hard_exercise(exercise) and (
        exercise.role in LIGHT_ROLES or exercise.family in LIGHT_FAMILIES
    )


def heavy_lower(exercise: Exercise) -> bool:
    """The heaviest lower-body work, kept off the day before sparring where the week allows:
    a loaded deadlift, squat or good morning (:data:`HEAVY_LOWER_FAMILIES`: a barbell,
    dumbbells or kettlebells) or a Nordic curl. Lunges, bridges and hip thrusts tire the legs
    less; power work primes more than it tires."""
    if exercise.family in HARD_FAMILIES:
        return True
    return (
        exercise.role == "main"
        and not exercise.explosive
        and exercise.family in HEAVY_LOWER_FAMILIES
        and exercise.load_class >= 2
    )


def hard_session(entries: Iterable[PlanEntry], library: Library) -> bool:
    """Whether a session is hard: it holds a hard lift (:func:`hard_exercise`), or work taken
    closer to failure than :data:`SPARRING_RIR` (an entry's ``rir``, where it has one)."""
    for entry in entries:
        if hard_exercise(library.exercise(entry.exercise_id)):
            return True
        rir = getattr(entry, "rir", None)
        if rir is not None and rir < SPARRING_RIR:
            return True
    return False


def sparring_swaps(client: Client, exercises: Sequence[Exercise]) -> tuple[str, ...]:
    """``exercise@Day`` swaps that keep all but light work (:func:`light_exercise`) of
    ``exercises`` off the client's sparring days that are also training days (the weekly
    optimizer then plans those sessions light). A lock the coach put on such a day is bad
    input when it keeps a hard lift there; a lock of other work is the coach's word, kept."""
    days = [d for d in WEEKDAYS if d in client.sparring and d in client.weekdays]
    locked = set(client.lock)
    for lock in client.locks:
        if lock.weekday in days and any(
            e.id == lock.exercise_id and hard_exercise(e) for e in exercises
        ):
            raise InputError(
                f"'{lock.weekday}' is a sparring day, but lock keeps the hard lift "
                f"{lock.exercise_id} on it",
                field="sparring",
                value=lock.weekday,
            )
    swapped = set(client.swap)
    return tuple(
        text
        for day in days
        for e in exercises
        if not light_exercise(e) and (text := f"{e.id}@{day}") not in swapped | locked
    )


def eve_swaps(client: Client, exercises: Sequence[Exercise]) -> tuple[str, ...]:
    """``exercise@Day`` swaps that keep the heaviest lower-body work (:func:`heavy_lower`)
    off a training day before a sparring day, when the client trains on a day that is
    neither a sparring day nor the day before one (none: the week keeps it where it must).
    The coach's locks and swaps stand."""
    sparring = [d for d in WEEKDAYS if d in client.sparring]
    eves = {WEEKDAYS[(WEEKDAYS.index(d) - 1) % 7] for d in sparring}
    days = [d for d in WEEKDAYS if d in client.weekdays and d in eves and d not in sparring]
    free = [d for d in client.weekdays if d not in eves and d not in sparring]
    if not days or not free:
        return ()
    kept = set(client.swap) | set(client.lock)
    return tuple(
        text
        for day in days
        for e in exercises
        if heavy_lower(e) and (text := f"{e.id}@{day}") not in kept
    )


def phase_reps(exercise: Exercise, phase: CampPhase) -> str:
    """The reps ``exercise`` is done for in ``phase`` (its rep scheme, :class:`CampPhase`):
    a loaded main lift (a barbell, dumbbell, kettlebell ... lift whose own reps start at
    :data:`HEAVY_REPS_FROM` or fewer) the phase's ``reps``, power work its ``power_reps``
    (``contact_reps`` for work counted in contacts), each only where it is fewer than the
    exercise's own; a hold or a carry, and everything else, its own reps."""
    own = _counted(exercise.reps)
    if own is None:
        return exercise.reps
    fewest, most = own
    wanted: str | None = None
    if exercise.explosive:
        contacts = exercise.pattern in CONTACT_PATTERNS and fewest >= 10
        wanted = phase.contact_reps if contacts else phase.power_reps
    elif exercise.role == "main" and exercise.loaded and fewest <= HEAVY_REPS_FROM:
        wanted = phase.reps
    counted = _counted(wanted) if wanted is not None else None
    if wanted is None or counted is None or counted[1] >= most:
        return exercise.reps
    return wanted


def _counted(reps: str) -> tuple[int, int] | None:
    """``"8-10"`` -> (8, 10), ``"5"`` -> (5, 5); None for a time (``"30s"``)."""
    low, _, high = reps.strip().partition("-")
    if not low.isdigit() or (high and not high.isdigit()):
        return None
    return int(low), int(high or low)


def power_variant(exercise: Exercise, own: Exercise | None, partners: Sequence[Exercise]) -> bool:
    """Whether ``exercise`` may stand as a phase's power work: in the slot of ``own``,
    power work or a lower-body main lift (the speed phase's, whose main lifts give way),
    sharing a prime mover with it (a clean for a swing, a snatch for a kettlebell deadlift),
    or, with ``own`` None, as power work added beside ``partners`` (the day's main lifts),
    sharing a prime mover with one of them (a jump beside a squat)."""
    if not exercise.explosive:
        return False
    primary = set(exercise.primary_muscles)
    if own is not None:
        lower_lift = own.role == "main" and own.pattern in LOWER_PATTERNS
        return (
            (own.explosive or lower_lift)
            and own.id != exercise.id
            and bool(primary & set(own.primary_muscles))
        )
    return any(
        partner.role == "main" and not partner.explosive and primary & set(partner.primary_muscles)
        for partner in partners
    )


def rotation_variant(exercise: Exercise, own: Exercise) -> bool:
    """Whether ``exercise`` may take an accessory's place in a later phase (accessories
    rotate between phases): the same family and role, at least as loadable, not a main lift
    or power work."""
    return (
        exercise.id != own.id
        and not own.is_main_lift
        and exercise.family == own.family
        and exercise.role == own.role
        and exercise.load_class >= own.load_class
    )


def neck_days(plan: Plan, library: Library) -> list[str]:
    """The weekdays ``plan`` holds neck work on, in week order."""
    return sorted(
        {e.weekday for e in plan.entries if library.exercise(e.exercise_id).family == NECK_FAMILY},
        key=WEEKDAYS.index,
    )


def days_apart(day: str, others: Sequence[str]) -> int:
    """Calendar days from ``day`` to the nearest of ``others``, Sunday to Monday one (7 when
    there are none)."""
    index = WEEKDAYS.index(day)
    return min(
        (min((index - WEEKDAYS.index(o)) % 7, (WEEKDAYS.index(o) - index) % 7) for o in others),
        default=7,
    )


def neck_locks(
    necks: Sequence[Exercise], client: Client, rest_days: Sequence[str] = ()
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Locks (``exercise@Day``) that put neck work on :data:`NECK_DAYS` of the client's
    training days, never two days running (the recovery limit): the coach's own neck locks
    first, then days the fight's week keeps (not in ``rest_days``), days not for sparring, the
    farthest from those chosen. ``necks`` are the neck exercises the client can place; the
    heaviest is locked (a band before bodyweight). Also the miss, one line, when the client
    can do no neck exercise or the days leave none two days apart."""
    if not necks:
        return (), ("neck work on two days a week: the client can do no neck exercise",)
    ranked = sorted(necks, key=lambda e: (-e.load_class, e.id))
    neck_ids = {e.id for e in ranked}
    chosen = sorted({lock.weekday for lock in client.locks if lock.exercise_id in neck_ids})
    neck = ranked[0]
    locks: list[str] = []
    while len(chosen) < NECK_DAYS:
        free = [
            d
            for d in WEEKDAYS
            if d in client.weekdays
            and d not in chosen
            and days_apart(d, chosen) >= 2
            and f"{neck.id}@{d}" not in client.swap
        ]
        if not free:
            return (), ("neck work on two days a week: the training days leave no two days apart",)
        free.sort(
            key=lambda d: (
                d in rest_days,
                d in client.sparring,
                -days_apart(d, chosen),
                WEEKDAYS.index(d),
            )
        )
        chosen.append(free[0])
        locks.append(f"{neck.id}@{free[0]}")
    return tuple(locks), ()
