"""Load and effort: a target effort (reps in reserve, RIR) per exercise and week, and a load
guide a client can follow.

Plain functions over an :class:`~workbench.library.Exercise`: a barbell main lift gets a %1RM
range read off the reps and the RIR (:func:`percent_range`), everything else the RIR itself
(``RIR 2``); power work says it is done fast; unilateral work says ``per side`` in its reps.
:func:`week_rir` is a block week's effort by its role, :func:`with_effort` puts effort and
load on every entry of a week (a block's, or a single plan's).

Units: RIR is repetitions left in reserve at the end of a set [reps]; %1RM is a share of the
client's one-repetition maximum [%].
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import replace

from workbench.block import DELOAD_RIR, BlockEntry, WeekRole
from workbench.camp import CAMP_PHASES, SPARRING_RIR, phase_reps
from workbench.glossary import LOAD_CLASS
from workbench.library import Exercise, Library
from workbench.plan import Plan

__all__ = [
    "ACCUMULATION_RIR",
    "BAND_CLASS",
    "BARBELLS",
    "CONTROLLED_LOAD",
    "HELD_LOAD",
    "PERCENT_BY_REPS_TO_FAILURE",
    "PER_SIDE",
    "POWER_LOAD",
    "RIR_CEILING",
    "RIR_FLOOR_HEAVY",
    "RIR_FLOOR_SUBMAXIMAL",
    "RIR_POWER",
    "SUBMAXIMAL_FAMILIES",
    "TESTED_FAMILIES",
    "load_text",
    "percent_1rm",
    "percent_range",
    "rep_range",
    "reps_text",
    "spares_joints",
    "submaximal",
    "takes_percent",
    "week_band",
    "week_heavy_rir",
    "week_rir",
    "with_effort",
]

#: %1RM a set of ``n`` repetitions to failure is done at, ``n`` = reps done + reps in reserve:
#: the RIR-based RPE chart of Helms, Cronin, Storey & Zourdos 2016 (Strength Cond J
#: 38(4):42-49; Zourdos et al. 2016, J Strength Cond Res 30(1):267-275), whose rows are the
#: same chart read at RIR 0..4 (after Tuchscherer 2008). Past 12 reps: Epley's 1RM = w x
#: (1 + r/30) (Epley 1985), scaled to meet the chart at 12 [%].
PERCENT_BY_REPS_TO_FAILURE: dict[int, float] = {
    1: 100.0,
    2: 95.5,
    3: 92.2,
    4: 89.2,
    5: 86.3,
    6: 83.7,
    7: 81.1,
    8: 78.6,
    9: 76.2,
    10: 73.9,
    11: 70.7,
    12: 68.0,
}
#: The equipment whose main lifts are prescribed by %1RM: a barbell or trap bar is loaded in
#: small steps from a tested or estimated 1RM; dumbbells, kettlebells and bands are not.
BARBELLS: frozenset[str] = frozenset({"barbell", "trap_bar"})
#: The fewest reps in reserve a main lift or power work is taken to: never a grind to failure
#: on a multi-joint lift (Helms et al. 2016), never a slow rep of power work [reps].
RIR_FLOOR_HEAVY = 1
#: The load guide of power work and of holds and carries, which no RIR describes.
POWER_LOAD = "fast"
HELD_LOAD = "steady"
#: The load guide of a core drill done with the body's own weight or a band (a bird dog, a
#: dead bug, a Pallof press), which no RIR describes either: slow, and the set ends when the
#: form slips.
CONTROLLED_LOAD = "controlled"
#: The load class of a band: a core drill at or below it is done controlled.
BAND_CLASS = LOAD_CLASS["band"]
#: The fewest reps in reserve of power work, done fast: a set ends while the reps are quick
#: (Haff & Nimphius 2012) [reps].
RIR_POWER = 3
#: The most reps in reserve a guide names: far from failure (speed work) [reps].
RIR_CEILING = 5
#: The fewest reps in reserve for work a coach never takes to failure [reps]: a hold or a
#: carry (a time, not reps), core drills and neck work, balance-limited single-leg lifts and
#: bottoms-up presses, and anything a beginner does (technique first). The blind review of
#: the first four blocks: "week 4 asks for zero reps in reserve on neck work and fixed-time
#: holds", "a beginner runner trains to failure across the board".
RIR_FLOOR_SUBMAXIMAL = 2
#: Families whose 1RM a client knows (the deadlift's from the floor only) [family ids].
TESTED_FAMILIES: frozenset[str] = frozenset({"squat", "press", "overhead_press", "deadlift"})
#: Families whose sets stay submaximal whatever the week asks: neck work and carries, and
#: Nordic and glute-ham raises, eccentric work a hamstring strains under near failure (the
#: third block review: "Nordics ... go to RIR 0"); the shoulder blade's small drills, face
#: pulls, reverse flies, Y raises and serratus punches (block round 8: "RIR 0 in week 4 on
#: the reverse fly, face pull and serratus punch brings no benefit ... cap shoulder
#: accessories at RIR 1-2").
SUBMAXIMAL_FAMILIES: frozenset[str] = frozenset(
    {"neck", "carry", "nordic", "face_pull", "reverse_fly", "y_raise", "serratus_punch"}
)
#: What unilateral work adds to its reps.
PER_SIDE = "per side"

#: Reps in reserve at the first and the last accumulation week: effort rises as volume does
#: (the RIR ramp of the RP hypertrophy app; Helms et al. 2016) [reps].
ACCUMULATION_RIR = (3, 0)

_RANGE = re.compile(r"^\s*(\d+)\s*(?:-\s*(\d+))?\s*$")


def percent_1rm(reps_to_failure: float) -> float:
    """%1RM of a set that ``reps_to_failure`` repetitions would take to failure [%]
    (:data:`PERCENT_BY_REPS_TO_FAILURE`, Epley past its end)."""
    reps = max(1.0, float(reps_to_failure))
    last = max(PERCENT_BY_REPS_TO_FAILURE)
    if reps >= last:
        return PERCENT_BY_REPS_TO_FAILURE[last] * (1 + last / 30) / (1 + reps / 30)
    low = math.floor(reps)
    share = reps - low
    below, above = PERCENT_BY_REPS_TO_FAILURE[low], PERCENT_BY_REPS_TO_FAILURE[low + 1]
    return below + share * (above - below)


def rep_range(reps: str) -> tuple[int, int] | None:
    """``"8-10"`` -> ``(8, 10)``, ``"5"`` -> ``(5, 5)``; None for a time (``"30s"``) or any
    text that is not a count of repetitions."""
    match = _RANGE.match(reps)
    if match is None:
        return None
    low = int(match.group(1))
    high = int(match.group(2) or low)
    return (min(low, high), max(low, high)) if low > 0 else None


def percent_range(reps: str, rir: float) -> tuple[int, int] | None:
    """The %1RM range [%] that leaves ``rir`` reps in reserve after ``reps``: the middle of
    the rep range with one rep more in reserve (the lighter end) and without (the heavier
    end), whole percent; None when ``reps`` is not a count."""
    counted = rep_range(reps)
    if counted is None:
        return None
    fewest, most = counted
    # The middle of a rep range, not its two ends: the third block review read "74-81% for
    # 6-8 reps at RIR 1" as "roughly RIR 0-4" ("tie the % to the rep count").
    middle = (fewest + most + 1) // 2
    heavier = percent_1rm(middle + rir)
    lighter = percent_1rm(middle + rir + 1)
    return math.floor(lighter + 0.5), math.floor(heavier + 0.5)


def takes_percent(exercise: Exercise) -> bool:
    """Whether the load guide is a %1RM range: a bilateral barbell (or trap bar) squat, press
    or deadlift from the floor, the lifts whose 1RM a client knows, counted in repetitions.
    Power work, holds, one-sided barbell work (a landmine press: nobody tests its 1RM) and the
    lifts whose 1RM nobody tests (a row, a hip thrust, a Romanian deadlift: the blind review
    of the first blocks) are guided by effort and speed instead."""
    tested = exercise.family in TESTED_FAMILIES and (
        exercise.family != "deadlift" or exercise.spinal_load == "high"
    )
    return (
        exercise.is_main_lift
        and tested
        and bool(BARBELLS & set(exercise.equipment))
        and not exercise.explosive
        and not exercise.unilateral
        and rep_range(exercise.reps) is not None
    )


def reps_text(exercise: Exercise, reps: str | None = None) -> str:
    """The reps a client reads: the exercise's (or ``reps``), ``per side`` added to
    unilateral work (``"8 per side"``, ``"30s per side"``)."""
    text = exercise.reps if reps is None else reps
    if exercise.unilateral and PER_SIDE not in text:
        return f"{text} {PER_SIDE}"
    return text


def load_text(
    exercise: Exercise,
    rir: int,
    *,
    reps: str | None = None,
    band: tuple[int, int] | None = None,
    fast: bool = False,
) -> str:
    """The load guide of one exercise in one week.

    A barbell main lift: a %1RM range, ``band`` when a phase sets one (a fight camp), else
    read off ``reps`` (default the exercise's) and ``rir`` (:func:`percent_range`):
    ``"79-81% 1RM"``. Power work: ``"fast"`` (every rep at full speed, the set ended when
    speed drops), a hold or a carry ``"steady"``, a core drill with the body's weight or a
    band ``"controlled"``;
    anything else: ``"RIR 2"``. A barbell lift
    done fast in a phase adds ``(fast)``.
    """
    quick = " (fast)" if fast or exercise.explosive else ""
    if takes_percent(exercise):
        span = band if band is not None else percent_range(reps or exercise.reps, rir)
        if span is not None:
            low, high = span
            return f"{low}-{high}% 1RM{quick}"
    # Reps in reserve mean nothing to a client on a sprawl, a throw, a hop, a plank or a carry
    # (the fourth block review): power work is done fast, a hold or a carry steady.
    if exercise.explosive:
        return POWER_LOAD
    if exercise.timed:
        return HELD_LOAD
    # Nor on a bird dog or a dead bug (the fifth block review: "RIR on dead bug and bird
    # dog means nothing; give a tempo or a hold instead").
    if exercise.role == "core" and exercise.load_class <= BAND_CLASS:
        return CONTROLLED_LOAD
    return f"RIR {rir}{quick}"


def week_rir(roles: Sequence[WeekRole], index: int) -> int:
    """The week's reps in reserve: accumulation 3 -> 0 over its weeks, a deload 4, a camp
    phase from its first to its last week's."""
    role = roles[index]
    if role is WeekRole.DELOAD:
        return DELOAD_RIR
    first, last = ACCUMULATION_RIR if role is WeekRole.ACCUMULATION else CAMP_PHASES[role].rir
    return math.floor(_ramp(roles, index, first, last) + 0.5)


def week_heavy_rir(roles: Sequence[WeekRole], index: int) -> float | None:
    """The reps in reserve a block's accumulation week sets its %1RM lifts' loads by: the
    ramp of :func:`week_rir` from its first week's to :data:`RIR_FLOOR_HEAVY`, unrounded, so
    that the load rises every week though the RIR a heavy lift is shown stops at its floor
    (block round 7: "squat, deadlift, bench and OHP all repeat week 3's percentages" in a
    four-week accumulation ramp of RIR 3, 2, 1, 1). None outside accumulation weeks."""
    if roles[index] is not WeekRole.ACCUMULATION:
        return None
    first, last = ACCUMULATION_RIR
    return _ramp(roles, index, first, max(last, RIR_FLOOR_HEAVY))


def _place(roles: Sequence[WeekRole], index: int) -> tuple[int, int]:
    """Week ``index``'s position among the weeks of its role, and how many there are."""
    same = [i for i, r in enumerate(roles) if r is roles[index]]
    return same.index(index), len(same)


def _ramp(roles: Sequence[WeekRole], index: int, first: float, last: float) -> float:
    """From ``first`` in the role's first week to ``last`` in its last, in even steps (a
    role of one week: ``last``)."""
    position, count = _place(roles, index)
    if count == 1:
        return float(last)
    return first + (last - first) * position / (count - 1)


def week_band(roles: Sequence[WeekRole], index: int) -> tuple[int, int] | None:
    """The week's %1RM band of a camp phase's barbell lifts [%]: the phase's band in steps
    over its weeks, lightest first (the third block review: "the deadlift is 70-80% in all
    four strength weeks ... step it instead"); a phase of one week keeps the whole band. None
    outside a camp phase."""
    role = roles[index]
    phase = CAMP_PHASES.get(role)
    if phase is None:
        return None
    position, count = _place(roles, index)
    low, high = phase.band
    if count == 1:
        return low, high
    step = (high - low) / count
    return (
        math.floor(low + step * position + 0.5),
        math.floor(low + step * (position + 1) + 0.5),
    )


def spares_joints(avoid: Sequence[str]) -> bool:
    """Whether a client's limits (``avoid``) ask every set to stop two reps short: a client
    who avoids impact (achy joints, most of the older clients) grinds no rep (block round 16:
    "RIR 0-1 on several lifts is harsh for achy joints", "too hard for a 62-year-old with
    achy joints")."""
    return "impact" in avoid


def submaximal(exercise: Exercise) -> bool:
    """Work a coach keeps short of failure in any week (:data:`RIR_FLOOR_SUBMAXIMAL`): holds
    and carries, core and neck work, balance-limited lifts, bottoms-up presses, band work,
    bodyweight accessory drills."""
    return (
        exercise.timed
        or exercise.role == "core"
        or exercise.family in SUBMAXIMAL_FAMILIES
        or (exercise.unilateral and exercise.pattern == "hinge")
        or "bottoms_up" in exercise.id
        # A band's load is felt, not counted: the blind review of the second four blocks,
        # "RIR 0 on band work is needless failure training, and hard to judge against a band".
        or exercise.equipment == ("band",)
        # Nor a bodyweight accessory drill (block round 7: "RIR 0 on the side plank with hip
        # abduction and the Superman makes little sense").
        or (exercise.load_class == 0 and not exercise.is_main_lift)
    )


def with_effort(
    plan: Plan,
    library: Library,
    rir: int,
    *,
    role: WeekRole | None = None,
    sparring: Sequence[str] = (),
    level: str = "intermediate",
    phase_band: tuple[int, int] | None = None,
    heavy_rir: float | None = None,
    spare_joints: bool = False,
) -> Plan:
    """``plan`` with a target effort and a load guide on every entry (:class:`BlockEntry`):
    ``rir`` reps in reserve (at least :data:`~workbench.effort.RIR_FLOOR_HEAVY` on a main
    lift or power work, :data:`RIR_FLOOR_SUBMAXIMAL` on holds, core, neck work,
    balance-limited lifts and all of a beginner's (``level``) or of a client whose joints
    are spared (``spare_joints``: :func:`spares_joints`), at least 3 on a sparring day), a
    %1RM range for a barbell main lift, ``per side`` on unilateral work. A camp phase
    (``role``) sets every exercise's reps by its rep scheme (:func:`~workbench.camp.phase_reps`)
    and its barbell lifts' %1RM band (``phase_band``, the week's step of it: :func:`week_band`,
    when given) and, past the strength phase, puts power work first in
    each session. A block's accumulation week loads its %1RM lifts by ``heavy_rir``
    (:func:`week_heavy_rir`) where given. A single week takes it too (``rir`` by the
    client's level)."""
    phase = CAMP_PHASES.get(role) if role is not None else None
    entries = []
    for entry in plan.entries:
        exercise = library.exercise(entry.exercise_id)
        barbell = takes_percent(exercise)
        effort = rir
        reps = exercise.reps if phase is None else phase_reps(exercise, phase)
        band = None
        fast = False
        # Every main lift, not only a barbell's (the blind review of the third four blocks:
        # "RIR 0 across the board in week 4, including on technical lifts": RDLs, step-ups,
        # a hack squat, a standing overhead press).
        if exercise.is_main_lift or exercise.explosive:
            effort = max(effort, RIR_FLOOR_HEAVY)
        if exercise.explosive:
            # Power work stops while every rep is fast (the third block review: "'RIR 1
            # (fast)' on the sprawl, swing and toss works against quality power reps").
            effort = max(effort, RIR_POWER)
        if level == "beginner" or spare_joints or submaximal(exercise):
            effort = max(effort, RIR_FLOOR_SUBMAXIMAL)
        if phase is not None and barbell:
            band, fast = phase_band or phase.band, phase.fast
            if phase.fast:
                effort = max(effort, RIR_CEILING)
        if entry.weekday in sparring:
            effort = max(effort, SPARRING_RIR)
        elif barbell and band is None and heavy_rir is not None:
            # The load by the week's unrounded ramp, lighter than the shown RIR's where the
            # two differ (a week at RIR 1.7 of the ramp reads "RIR 1" at RIR 1.7's load).
            band = percent_range(reps, max(float(effort), heavy_rir))
        entries.append(
            BlockEntry(
                **{f: getattr(entry, f) for f in entry.__dataclass_fields__ if f != "reps"},
                reps=reps_text(exercise, reps),
                rir=effort,
                load=load_text(exercise, effort, reps=reps, band=band, fast=fast),
            )
        )
    if phase is not None and (phase.fast or phase.variants):
        entries = _power_first(entries, library)
    ordered = sorted(entries, key=lambda e: (e.day, e.order))
    return Plan(tuple(ordered), plan.weekdays)


def _power_first(entries: list[BlockEntry], library: Library) -> list[BlockEntry]:
    """Each session reordered so that power work leads it (speed work while fresh)."""
    result: list[BlockEntry] = []
    for day in sorted({e.day for e in entries}):
        session = sorted((e for e in entries if e.day == day), key=lambda e: e.order)
        session.sort(key=lambda e: 0 if library.exercise(e.exercise_id).explosive else 1)
        result += [replace(e, order=order) for order, e in enumerate(session, start=1)]
    return result
