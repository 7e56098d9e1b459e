"""A training block: consecutive weeks of plans for one client, each entry with a target
effort (RIR) and a load guide.

Frozen values only: :class:`Block` holds its :class:`BlockWeek` s, each a
:class:`~workbench.plan.Plan` whose entries are :class:`BlockEntry` (a plan entry plus ``rir``
and ``load``), its :class:`WeekRole` and the coach's standards it is judged by. Planning a
block is :func:`workbench.blocks.plan_block`; reading and writing the block CSV is
:func:`workbench.iotools.read_block` / :func:`~workbench.iotools.write_block`.

Units: effective sets [sets/week] (primary 1, secondary 0.5), RIR [reps in reserve].
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum

from workbench.glossary import SECONDARY_WEIGHT, WEEKDAYS
from workbench.plan import PLAN_COLUMNS, Plan, PlanEntry
from workbench.standards import DEFAULT_STANDARDS, Standards

__all__ = [
    "BLOCK_COLUMNS",
    "DELOAD_RIR",
    "VOLUME_STANDARDS",
    "Block",
    "BlockEntry",
    "BlockProof",
    "BlockWeek",
    "WeekRole",
    "entry_row",
    "week_dates",
    "week_rows",
    "week_standards",
]

#: The block CSV's columns (docs/blocks.md): the plan CSV's with ``block_week`` first and
#: ``rir``, ``load`` after ``rest_seconds``.
BLOCK_COLUMNS: tuple[str, ...] = (
    "block_week",
    *PLAN_COLUMNS[: PLAN_COLUMNS.index("rest_seconds") + 1],
    "rir",
    "load",
    *PLAN_COLUMNS[PLAN_COLUMNS.index("rest_seconds") + 1 :],
)

#: Reps in reserve in a deload week: effort well below the accumulation weeks' [reps].
DELOAD_RIR = 4


class WeekRole(Enum):
    """What a week of a block is for. A training block has accumulation weeks and a deload;
    a fight camp has strength, strength-speed and speed phases and a taper."""

    ACCUMULATION = "accumulation"
    DELOAD = "deload"
    STRENGTH = "strength"
    STRENGTH_SPEED = "strength_speed"
    SPEED = "speed"
    TAPER = "taper"

    @property
    def progresses(self) -> bool:
        """Sets rise week on week through the weeks of this role (never falling)."""
        return self in (WeekRole.ACCUMULATION, WeekRole.STRENGTH)

    @property
    def cuts(self) -> bool:
        """A week of cut volume: a deload or a taper (40-60% of the peak week's sets)."""
        return self in (WeekRole.DELOAD, WeekRole.TAPER)

    @property
    def title(self) -> str:
        return self.value.replace("_", "-")


@dataclass(frozen=True)
class BlockEntry(PlanEntry):
    """A plan entry with a target effort and a load guide for its week: ``rir`` reps in
    reserve at the end of each set, ``load`` a %1RM range (``"79-81% 1RM"``) for a barbell
    main lift or ``"RIR 2"`` for the rest."""

    rir: int
    load: str


@dataclass(frozen=True)
class BlockWeek:
    """One week of a block: its number (1..), its plan (entries are :class:`BlockEntry`),
    its role and the standards the coach's rubric judges it by (a deload's session use is
    lower: it is not failed for using less time)."""

    number: int
    plan: Plan
    role: WeekRole = field(default=WeekRole.ACCUMULATION, compare=False)
    standards: Standards = field(default=DEFAULT_STANDARDS, compare=False)

    @property
    def entries(self) -> tuple[BlockEntry, ...]:
        return tuple(e for e in self.plan.entries if isinstance(e, BlockEntry))

    def effective_sets(self) -> dict[str, float]:
        """Effective sets per muscle [sets/week], from the muscles each entry names."""
        totals: dict[str, float] = {}
        for entry in self.plan.entries:
            for muscle in entry.primary_muscles:
                totals[muscle] = totals.get(muscle, 0.0) + entry.sets
            for muscle in entry.secondary_muscles:
                totals[muscle] = totals.get(muscle, 0.0) + entry.sets * SECONDARY_WEIGHT
        return totals

    @property
    def total_sets(self) -> int:
        return self.plan.total_sets


@dataclass(frozen=True)
class BlockProof:
    """What was proven of a planned block.

    ``shortfall`` is the peak week's weighted shortfall, proven optimal like any week's
    [sets/week]; ``peak_gap`` the relative gap its coach value was proven to (None when a
    stage stopped short). ``progression_proven`` says the block model (the earlier and the
    cut weeks) was solved to its gap, ``progression_gap`` that gap [ratio]. ``misses`` lists
    each block requirement the model could not meet (empty: every one holds), one line each.
    """

    shortfall: float
    peak_gap: float | None
    progression_proven: bool
    progression_gap: float | None
    misses: tuple[str, ...] = ()


@dataclass(frozen=True)
class Block:
    """Consecutive weeks of plans for one client.

    Two blocks are equal when their weeks hold the same entries (what the block CSV holds);
    roles, dates and the proof travel with a planned block but are not part of its file.
    """

    weeks: tuple[BlockWeek, ...]
    #: The Monday of week 1, when the block is dated (a fight camp with a fight date).
    start: dt.date | None = field(default=None, compare=False)
    fight_date: dt.date | None = field(default=None, compare=False)
    proof: BlockProof | None = field(default=None, compare=False)

    def week(self, number: int) -> BlockWeek:
        """Week ``number`` (1..)."""
        for week in self.weeks:
            if week.number == number:
                return week
        raise KeyError(number)

    @property
    def roles(self) -> tuple[WeekRole, ...]:
        return tuple(w.role for w in self.weeks)

    @property
    def progression(self) -> tuple[BlockWeek, ...]:
        """The weeks whose sets rise (accumulation, or a camp's strength phase), in order."""
        return tuple(w for w in self.weeks if w.role.progresses)

    @property
    def peak(self) -> BlockWeek:
        """The peak week: the last week whose sets rise (the optimizer's own week)."""
        rising = self.progression
        return rising[-1] if rising else max(self.weeks, key=lambda w: (w.total_sets, -w.number))

    @property
    def cut_weeks(self) -> tuple[BlockWeek, ...]:
        """The deload or taper weeks."""
        return tuple(w for w in self.weeks if w.role.cuts)

    def effective_sets(self) -> dict[int, dict[str, float]]:
        """Effective sets per muscle per week [sets/week]: week number -> muscle -> sets
        (a week x muscle heatmap's values)."""
        return {w.number: w.effective_sets() for w in self.weeks}

    def dates(self, number: int) -> dict[str, dt.date]:
        """The calendar date of each weekday of week ``number``, when the block is dated."""
        if self.start is None:
            raise ValueError("the block has no start date")
        return week_dates(self.start, number)


def week_dates(start: dt.date, number: int) -> dict[str, dt.date]:
    """Weekday -> date of week ``number`` (1..) of a block whose week 1 starts on the Monday
    ``start``."""
    monday = start + dt.timedelta(weeks=number - 1)
    return {day: monday + dt.timedelta(days=index) for index, day in enumerate(WEEKDAYS)}


def entry_row(week: int, entry: PlanEntry) -> dict[str, object]:
    """One row of the block CSV as values (lists joined with ``;``), by column."""
    rir = entry.rir if isinstance(entry, BlockEntry) else ""
    load = entry.load if isinstance(entry, BlockEntry) else ""
    values: Mapping[str, object] = {
        "block_week": week,
        "day": entry.day,
        "weekday": entry.weekday,
        "order": entry.order,
        "exercise_id": entry.exercise_id,
        "exercise": entry.exercise,
        "sets": entry.sets,
        "reps": entry.reps,
        "rest_seconds": entry.rest_seconds,
        "rir": rir,
        "load": load,
        "minutes": entry.minutes,
        "equipment": ";".join(entry.equipment),
        "primary_muscles": ";".join(entry.primary_muscles),
        "secondary_muscles": ";".join(entry.secondary_muscles),
    }
    return {column: values[column] for column in BLOCK_COLUMNS}


def week_rows(week: BlockWeek) -> list[dict[str, object]]:
    """A week's table: one row per entry in session order, the block CSV's columns (a plan
    table with ``rir`` and ``load``)."""
    ordered = sorted(week.plan.entries, key=lambda e: (e.day, e.order))
    return [entry_row(week.number, entry) for entry in ordered]


#: The standards that measure a week's volume, scaled with it in a week of fewer sets than the
#: peak: a deload at half the sets is asked half the hinge sets, half the session use, half
#: the dose. Shares and ratios scale as they are; counts of sets round down to whole sets
#: (a week of 65% is asked 2 press sets, not 2.6), effective sets to half sets.
VOLUME_SHARES: tuple[str, ...] = ("session_use", "priority_raise")
VOLUME_SETS: tuple[str, ...] = (
    "hinge_sets",
    "hinge_sets_beginner",
    "hinge_sets_one_day",
    "hinge_session_sets",
    "required_session_sets",
    "required_weekly_sets",
    "press_sets",
    "knee_dominant_sets",
    "single_leg_sets",
    "single_leg_hinge_sets",
    "vertical_pull_sets",
)
VOLUME_EFFECTIVE_SETS: tuple[str, ...] = ("major_dose", "major_dose_beginner")
VOLUME_STANDARDS: tuple[str, ...] = VOLUME_SHARES + VOLUME_SETS + VOLUME_EFFECTIVE_SETS


def week_standards(standards: Standards, share: float) -> Standards:
    """The coach's standards for a block week holding ``share`` of the peak week's sets
    [ratio]: every volume standard (:data:`VOLUME_STANDARDS`) scaled by it, the staples asked
    per as many more booked minutes, a session opened by a main lift of proportionally fewer
    sets and holding proportionally fewer exercises. A week at the peak's volume (``share``
    1 or more) is judged by ``standards`` as they are."""
    if share >= 1.0:
        return standards
    share = max(share, 0.05)

    def fewer(count: int) -> int:
        return max(1, math.floor(count * share + 0.5))

    changes: dict[str, object] = {name: getattr(standards, name) * share for name in VOLUME_SHARES}
    for name in VOLUME_SETS:
        changes[name] = float(math.floor(getattr(standards, name) * share + 1e-9))
    for name in VOLUME_EFFECTIVE_SETS:
        changes[name] = math.floor(2 * getattr(standards, name) * share + 1e-9) / 2
    changes["staple_minutes"] = standards.staple_minutes / share
    changes["opener_sets"] = min(standards.opener_sets, fewer(standards.opener_sets))
    changes["exercise_ranges"] = tuple(
        (minutes, fewer(low), high) for minutes, low, high in standards.exercise_ranges
    )
    return standards.replace(**changes)
