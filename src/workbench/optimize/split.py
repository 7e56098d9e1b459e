"""The week's split: which half of the body each training day is for.

A coach writes a split that fits the days and the recovery limit: full-body sessions on days
with no training neighbour, and on days in a row (Mon-Tue-Wed, Sat-Sun-Mon) lower and upper
days in turn, since no muscle may be a prime mover two days running anyway. A structured
week keeps to it; it is the model's skeleton (each day holds only the exercises of its
half), which is what makes the linear relaxation of a week of consecutive days tight: without
it, the relaxation puts half of every lift on every day.
"""

from __future__ import annotations

from collections.abc import Mapping

from workbench.glossary import LOWER_PATTERNS, UPPER_PATTERNS
from workbench.library import Exercise
from workbench.problem import calendar_runs

__all__ = ["ANYWHERE_WHEN_PRIORITY", "FULL", "LOWER", "UPPER", "anywhere", "fits", "split"]

FULL, LOWER, UPPER = "full", "lower", "upper"

#: Small lower-body patterns that go on an upper day too when the client's priorities ask
#: for them, by the muscles that ask: a runner's calves and hip abductors (priority 2) are
#: trained on every day a coach can. The blind reviews of rounds 48 and 50: a 5k runner's
#: Sunday of twelve upper-body sets after Saturday's legs ("time that could go to hips and
#: calves goes to the upper body"), a trail runner's two full upper-body days of five. The
#: recovery limit still keeps a muscle off the day after it was a prime mover.
ANYWHERE_WHEN_PRIORITY: Mapping[str, tuple[str, ...]] = {
    "abduction": ("gluteus_medius", "gluteus_minimus"),
    "plantar_flexion": ("gastrocnemius", "soleus"),
}
#: The priority from which they do.
ANYWHERE_FROM = 2.0


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


def anywhere(priorities: Mapping[str, float]) -> frozenset[str]:
    """The small lower-body patterns an upper day holds too, for a client of these muscle
    ``priorities`` (:data:`ANYWHERE_WHEN_PRIORITY`)."""
    return frozenset(
        pattern
        for pattern, muscles in ANYWHERE_WHEN_PRIORITY.items()
        if any(priorities.get(m, 1.0) >= ANYWHERE_FROM for m in muscles)
    )


def fits(exercise: Exercise, half: str, also: frozenset[str] = frozenset()) -> bool:
    """Whether ``exercise`` belongs on a day for ``half`` of the body: a lower day holds
    lower-body patterns, an upper day upper-body ones and the lower patterns ``also`` names
    (:func:`anywhere`); trunk work, carries and throws go on either."""
    if half == LOWER:
        return exercise.pattern not in UPPER_PATTERNS
    if half == UPPER:
        return exercise.pattern not in LOWER_PATTERNS or exercise.pattern in also
    return True
