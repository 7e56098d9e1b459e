"""The week's split: which half of the body each training day is for.

A coach writes a split that fits the days and the recovery limit: full-body sessions on days
with no training neighbour, and on days in a row (Mon-Tue-Wed, Sat-Sun-Mon) lower and upper
days in turn, since no muscle may be a prime mover two days running anyway. A structured
week keeps to it; it is the model's skeleton (each day holds only the exercises of its
half), which is what makes the linear relaxation of a week of consecutive days tight: without
it, the relaxation puts half of every lift on every day.
"""

from __future__ import annotations

from workbench.glossary import LOWER_PATTERNS, UPPER_PATTERNS
from workbench.library import Exercise
from workbench.problem import calendar_runs

__all__ = ["FULL", "LOWER", "UPPER", "fits", "split"]

FULL, LOWER, UPPER = "full", "lower", "upper"


def split(weekdays: tuple[str, ...]) -> dict[str, str]:
    """Each training day's half: full body alone, lower and upper in turn in a run of days
    (lower first: a week starts with the legs fresh)."""
    halves = {}
    for run in calendar_runs(weekdays):
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
