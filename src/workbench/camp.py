"""The fight camp template: 8-12 weeks ending on a fight date.

Phases in order (the block periodisation of a combat-sport camp: James, Kelly & Beckman 2013,
"Periodization for mixed martial arts", Strength Cond J 35(6):34-45; Tack 2013,
"Evidence-based guidelines for strength and conditioning in mixed martial arts", Strength
Cond J 35(5):79-92; the taper: Mujika & Padilla 2003, Med Sci Sports Exerc 35(7):1182-1187,
and Bosquet et al. 2007, Med Sci Sports Exerc 39(8):1358-1365: volume cut by 41-60% with
intensity kept):

- **strength**: barbell main lifts at ~70-80% 1RM, sets rising week on week to the peak week;
- **strength-speed**: ~80-90% 1RM for fewer reps, volume eased to 70-90% of the peak;
- **speed**: ~50-65% 1RM moved fast, power work first in every session, 50-75% of the peak;
- **taper**: about a week, 40-60% of the peak, light and fast; no session the day before the
  fight, on it or after it.

Every week: neck work on at least two days; no hard session on a day the coach marks as
sparring (the client's ``sparring`` key): only accessories, core, carries and neck work, at
3 reps in reserve or more.

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
from workbench.glossary import WEEKDAYS
from workbench.library import Exercise, Library
from workbench.plan import Plan, PlanEntry

__all__ = [
    "CAMP_PHASES",
    "CAMP_WEEKS",
    "NECK_DAYS",
    "NECK_FAMILY",
    "SPARRING_RIR",
    "CampPhase",
    "camp_roles",
    "camp_start",
    "days_apart",
    "fight_rest_days",
    "hard_exercise",
    "hard_session",
    "neck_days",
    "neck_locks",
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


@dataclass(frozen=True)
class CampPhase:
    """One phase of a camp.

    ``band``: the %1RM range of its barbell main lifts [%], done for ``reps``; ``rir``: reps in
    reserve at the phase's first and last week for the rest; ``volume``: the share of the
    peak week's effective sets per muscle the phase's weeks stay in (None: they rise to the
    peak); ``fast``: every rep at full speed (power work leads each session).
    """

    role: WeekRole
    band: tuple[int, int]
    reps: str
    rir: tuple[int, int]
    volume: tuple[float, float] | None
    fast: bool = False
    #: The share of a camp's weeks (the taper's one aside) the phase takes.
    share: float = 0.0


CAMP_PHASES: Mapping[WeekRole, CampPhase] = MappingProxyType(
    {
        WeekRole.STRENGTH: CampPhase(WeekRole.STRENGTH, (70, 80), "5", (3, 2), None, share=0.4),
        WeekRole.STRENGTH_SPEED: CampPhase(
            WeekRole.STRENGTH_SPEED, (80, 90), "3", (2, 1), (0.7, 0.9), share=0.35
        ),
        WeekRole.SPEED: CampPhase(
            WeekRole.SPEED, (50, 65), "3", (3, 3), (0.5, 0.75), fast=True, share=0.25
        ),
        WeekRole.TAPER: CampPhase(WeekRole.TAPER, (50, 65), "3", (4, 4), (0.4, 0.6), fast=True),
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
    explosive or with impact, any heavy spinal load."""
    return (
        exercise.is_main_lift
        or exercise.explosive
        or exercise.impact
        or exercise.spinal_load == "high"
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
    """``exercise@Day`` swaps that keep every hard lift of ``exercises`` off the client's
    sparring days that are also training days (the weekly optimizer then plans those
    sessions light). A lock the coach put on such a day is bad input."""
    days = [d for d in WEEKDAYS if d in client.sparring and d in client.weekdays]
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
        if hard_exercise(e) and (text := f"{e.id}@{day}") not in swapped
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
