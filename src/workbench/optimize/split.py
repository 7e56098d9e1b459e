"""The week's split: which half of the body each training day is for.

A coach writes a split that fits the days and the recovery limit: full-body sessions on days
with no training neighbour, and on days in a row (Mon-Tue-Wed, Sat-Sun-Mon) lower and upper
days in turn, since no muscle may be a prime mover two days running anyway. A structured
week keeps to it; it is the model's skeleton (each day holds only the exercises of its
half), which is what makes the linear relaxation of a week of consecutive days tight: without
it, the relaxation puts half of every lift on every day.
"""

from __future__ import annotations

from workbench.glossary import LOWER_PATTERNS, UPPER_PATTERNS, WEEKDAYS
from workbench.library import Exercise

__all__ = ["FULL", "LOWER", "UPPER", "fits", "split"]

FULL, LOWER, UPPER = "full", "lower", "upper"


def _runs(weekdays: tuple[str, ...]) -> list[tuple[str, ...]]:
    """The training days in runs of consecutive calendar days (Sun->Mon wraps), each run
    from its first day; isolated days are runs of one."""
    held = set(weekdays)
    if len(held) == len(WEEKDAYS):
        return [WEEKDAYS]
    runs = []
    for index, day in enumerate(WEEKDAYS):
        before = WEEKDAYS[index - 1]
        if day in held and before not in held:
            run = [day]
            following = (index + 1) % len(WEEKDAYS)
            while WEEKDAYS[following] in held and WEEKDAYS[following] != day:
                run.append(WEEKDAYS[following])
                following = (following + 1) % len(WEEKDAYS)
            runs.append(tuple(run))
    return runs


def split(weekdays: tuple[str, ...]) -> dict[str, str]:
    """Each training day's half: full body alone, lower and upper in turn in a run of days
    (lower first: a week starts with the legs fresh)."""
    halves = {}
    for run in _runs(weekdays):
        if len(run) == 1:
            halves[run[0]] = FULL
            continue
        for position, day in enumerate(run):
            halves[day] = LOWER if position % 2 == 0 else UPPER
    return halves


def fits(exercise: Exercise, half: str) -> bool:
    """Whether ``exercise`` belongs on a day for ``half`` of the body: a lower day holds
    lower-body patterns, an upper day upper-body ones; trunk work, carries and throws go on
    either."""
    if half == LOWER:
        return exercise.pattern not in UPPER_PATTERNS
    if half == UPPER:
        return exercise.pattern not in LOWER_PATTERNS
    return True
