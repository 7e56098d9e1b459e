"""The independent checker of the hard limits.

It recomputes minutes, equipment, tags, levels, recovery and effective sets from the library
and the client, with its own plain loops: nothing here reuses the optimizer's model, so a
bug there cannot hide here. Every plan the product shows or writes passes through it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from itertools import pairwise

from workbench.block import Block
from workbench.client import Client, Target
from workbench.glossary import BODYWEIGHT, LEVELS, SECONDARY_WEIGHT, WEEKDAYS
from workbench.library import Library
from workbench.plan import Plan
from workbench.rules import HardLimit

__all__ = ["Violation", "check_block", "check_plan"]

TOLERANCE = 1e-6


@dataclass(frozen=True)
class Violation:
    limit: HardLimit
    message: str

    def __str__(self) -> str:
        return f"{self.limit}: {self.message}"


def check_plan(
    plan: Plan, library: Library, client: Client, targets: Mapping[str, Target]
) -> list[Violation]:
    """Every hard limit ``plan`` breaks for ``client``; empty when it holds them all."""
    found: list[Violation] = []

    def fail(number: int, message: str) -> None:
        found.append(Violation(HardLimit.of(number), message))

    known = [e for e in plan.entries if library.has_exercise(e.exercise_id)]
    for entry in plan.entries:
        if not library.has_exercise(entry.exercise_id):
            fail(0, f"{entry.weekday}: '{entry.exercise_id}' is not in the library")

    # 0: the plan's own columns must describe the library's exercise.
    for entry in known:
        exercise = library.exercise(entry.exercise_id)
        expected_minutes = entry.sets * exercise.set_minutes
        if abs(entry.minutes - expected_minutes) > 1e-3:
            fail(
                0,
                f"{entry.weekday} {entry.exercise_id}: {entry.minutes:g} min written, {expected_minutes:g} computed",
            )
        if (
            tuple(entry.equipment) != exercise.equipment
            or tuple(entry.primary_muscles) != exercise.primary_muscles
            or tuple(entry.secondary_muscles) != exercise.secondary_muscles
        ):
            fail(
                0,
                f"{entry.weekday} {entry.exercise_id}: equipment or muscles differ from the library",
            )

    # 1: weekdays and one session per weekday.
    allowed_days = set(client.weekdays)
    day_numbers: dict[str, set[int]] = defaultdict(set)
    for entry in plan.entries:
        day_numbers[entry.weekday].add(entry.day)
        if entry.weekday not in allowed_days:
            fail(
                1,
                f"{entry.exercise_id} on {entry.weekday}, not a training day ({', '.join(client.weekdays)})",
            )
    for weekday, numbers in day_numbers.items():
        if len(numbers) > 1:
            fail(1, f"{weekday} holds {len(numbers)} sessions (days {sorted(numbers)})")
    weekday_of_day: dict[int, set[str]] = defaultdict(set)
    for entry in plan.entries:
        weekday_of_day[entry.day].add(entry.weekday)
    for day, weekdays in weekday_of_day.items():
        if len(weekdays) > 1:
            fail(1, f"day {day} falls on several weekdays ({', '.join(sorted(weekdays))})")

    # 2: minutes per session, recomputed from the library.
    minutes: dict[str, float] = defaultdict(float)
    for entry in known:
        minutes[entry.weekday] += entry.sets * library.exercise(entry.exercise_id).set_minutes
    # v3: the warm-up is part of the booked slot.
    warmup = client.warmup
    for weekday, total in minutes.items():
        if total + warmup > client.minutes_per_session + TOLERANCE:
            with_warmup = f" with its {warmup:g}-min warm-up" if warmup else ""
            fail(
                2,
                f"{weekday} takes {total + warmup:g} min{with_warmup}, "
                f"above {client.minutes_per_session:g}",
            )

    # 3 and 4: equipment, level, tags, bans.
    have = set(client.equipment) | {BODYWEIGHT}
    client_level = LEVELS.index(client.level)
    for entry in known:
        exercise = library.exercise(entry.exercise_id)
        for item in exercise.equipment:
            if item not in have:
                fail(3, f"{entry.weekday} {exercise.id} needs {item}")
        if LEVELS.index(exercise.level) > client_level:
            fail(4, f"{entry.weekday} {exercise.id} is {exercise.level}, above {client.level}")
        for tag in exercise.tags:
            if tag in client.avoid:
                fail(4, f"{entry.weekday} {exercise.id} carries avoided tag {tag}")
        if exercise.id in client.ban:
            fail(4, f"{entry.weekday} {exercise.id} is banned")
    # 4: a swap bans an exercise on one weekday.
    for swap in client.swaps:
        for entry in plan.entries:
            if entry.exercise_id == swap.exercise_id and entry.weekday == swap.weekday:
                fail(4, f"{entry.weekday} {entry.exercise_id} is swapped out of {swap.weekday}")

    # 5: once per session, min..max sets.
    low, high = client.min_sets_per_exercise, client.max_sets_per_exercise
    seen: dict[tuple[str, str], int] = defaultdict(int)
    for entry in plan.entries:
        seen[(entry.weekday, entry.exercise_id)] += 1
        if not low <= entry.sets <= high:
            fail(5, f"{entry.weekday} {entry.exercise_id} has {entry.sets} sets ({low}..{high})")
    for (weekday, exercise_id), count in seen.items():
        if count > 1:
            fail(5, f"{weekday} lists {exercise_id} {count} times")

    # 6: required exercises.
    present = {entry.exercise_id for entry in plan.entries}
    for exercise_id in client.require:
        if exercise_id not in present:
            fail(6, f"required {exercise_id} is missing")
    # 6: a lock is an exercise required on its weekday.
    placed = {(entry.exercise_id, entry.weekday) for entry in plan.entries if entry.sets > 0}
    for lock in client.locks:
        if (lock.exercise_id, lock.weekday) not in placed:
            fail(6, f"locked {lock.exercise_id}@{lock.weekday} is not on {lock.weekday}")

    # 7: effective sets per muscle against its maximum.
    effective: dict[str, float] = defaultdict(float)
    for entry in known:
        exercise = library.exercise(entry.exercise_id)
        for muscle in exercise.primary_muscles:
            effective[muscle] += entry.sets
        for muscle in exercise.secondary_muscles:
            effective[muscle] += entry.sets * SECONDARY_WEIGHT
    for muscle, total in effective.items():
        if total > targets[muscle].max_sets + TOLERANCE:
            fail(
                7,
                f"{muscle} gets {total:g} effective sets, above its maximum {targets[muscle].max_sets:g}",
            )

    # 8: recovery between consecutive calendar days, Sun->Mon included.
    primary_days: dict[str, set[int]] = defaultdict(set)
    for entry in known:
        for muscle in library.exercise(entry.exercise_id).primary_muscles:
            primary_days[muscle].add(
                WEEKDAYS.index(entry.weekday) if entry.weekday in WEEKDAYS else -10
            )
    for muscle, days in primary_days.items():
        for day in sorted(days):
            following = (day + 1) % 7
            if day >= 0 and following in days and following != day:
                fail(8, f"{muscle} is primary on {WEEKDAYS[day]} and {WEEKDAYS[following]}")

    # 9: exercises per session, when the client caps them.
    cap = client.max_exercises_per_session
    if cap is not None:
        per_day: dict[str, int] = defaultdict(int)
        for entry in plan.entries:
            per_day[entry.weekday] += 1
        for weekday, count in per_day.items():
            if count > cap:
                fail(9, f"{weekday} holds {count} exercises, above {cap}")
    return found


def check_block(
    block: Block, library: Library, client: Client, targets: Mapping[str, Target]
) -> list[Violation]:
    """Every hard limit a block breaks: each week's (:func:`check_plan`, the week named), the
    recovery limit across the boundary between weeks (Sunday of one week, Monday of the
    next) and weeks numbered 1, 2, ... once each."""
    found: list[Violation] = []
    numbers = [week.number for week in block.weeks]
    if numbers != list(range(1, len(numbers) + 1)):
        found.append(
            Violation(
                HardLimit.PLAN_MATCHES_LIBRARY,
                f"block weeks are numbered {numbers}, not 1..{len(numbers)} in order",
            )
        )
    for week in block.weeks:
        for violation in check_plan(week.plan, library, client, targets):
            found.append(Violation(violation.limit, f"week {week.number}: {violation.message}"))
    last_day, first_day = WEEKDAYS[-1], WEEKDAYS[0]
    for before, after in pairwise(block.weeks):
        ending: set[str] = set()
        for entry in before.plan.entries:
            if entry.weekday == last_day and library.has_exercise(entry.exercise_id):
                ending.update(library.exercise(entry.exercise_id).primary_muscles)
        opening: set[str] = set()
        for entry in after.plan.entries:
            if entry.weekday == first_day and library.has_exercise(entry.exercise_id):
                opening.update(library.exercise(entry.exercise_id).primary_muscles)
        for muscle in sorted(ending & opening):
            found.append(
                Violation(
                    HardLimit.RECOVERY,
                    f"{muscle} is primary on {last_day} of week {before.number} and "
                    f"{first_day} of week {after.number}",
                )
            )
    return found
