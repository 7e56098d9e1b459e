"""The dashboard's words: errors and short muscles as a coach reads them.

No widgets here. The command line keeps the contract's one-line errors (file, row, field and
value); on the page the same error reads with the control's label instead of the field id,
and with absolute paths, once.
"""

from __future__ import annotations

import re
from pathlib import Path

from workbench.client import small_floor_share
from workbench.errors import InputError
from workbench.explain import ShortMuscle
from workbench.library import Library
from workbench.optimize import SolveResult, Termination
from workbench.present import equipment_name, muscle_name, number
from workbench.quality import CoachCheck

__all__ = [
    "FIELD_LABELS",
    "IMPROVING",
    "coach_line",
    "improving_line",
    "named",
    "short_line",
    "status_line",
    "wait_words",
    "week_words",
]

#: Each client field (and solver setting) by the label of its control on the page.
FIELD_LABELS = {
    "name": "Client name",
    "weekdays": "Training days",
    "minutes_per_session": "Minutes per session",
    "equipment": "Equipment",
    "level": "Level",
    "sport": "Sport profile",
    "avoid": "Avoid",
    "require": "Required exercises",
    "ban": "Banned exercises",
    "min_sets_per_exercise": "Sets per exercise (fewest)",
    "max_sets_per_exercise": "Sets per exercise (most)",
    "max_exercises_per_session": "Max exercises",
    "warmup_minutes": "Warm-up",
    "scope": "Plan",
    "targets": "Muscle targets",
    "priorities": "Muscle priorities",
    "lock": "Locked exercises",
    "swap": "Swapped-out exercises",
    "time_limit": "Time limit",
    "sparring": "Sparring days",
    # The block view's settings.
    "weeks": "Block weeks",
    "deload_week": "Deload week",
    "fight_date": "Fight date",
}
#: Files the dashboard names itself (not a file the coach chose).
INTERNAL_FILES = frozenset({"dashboard"})
QUOTED_ID = re.compile(r"'([a-z][a-z0-9_]*)'")
#: A lock or swap as written in a client file: ``kettlebell_swing@Mon``.
PLACEMENT = re.compile(r"'?\b([a-z][a-z0-9_]*)@(Mon|Tue|Wed|Thu|Fri|Sat|Sun)\b'?")


def named(library: Library, text: str) -> str:
    """Quoted ids the library knows, replaced by their names ('pullup_bar' -> 'Pull-up bar'),
    and locks or swaps by exercise and day (kettlebell_swing@Mon -> Kettlebell swing on Mon)."""

    def name(match: re.Match[str]) -> str:
        slug = match.group(1)
        if library.has_muscle(slug):
            return muscle_name(library, slug)
        if any(e.id == slug for e in library.equipment):
            return equipment_name(library, slug)
        exercise = next((e for e in library.exercises if e.id == slug), None)
        if exercise is not None:
            return exercise.name
        return match.group(0)

    def placement(match: re.Match[str]) -> str:
        exercise = next((e for e in library.exercises if e.id == match.group(1)), None)
        if exercise is None:
            return match.group(0)
        return f"{exercise.name} on {match.group(2)}"

    return QUOTED_ID.sub(name, PLACEMENT.sub(placement, text))


def coach_line(error: InputError, library: Library) -> str:
    """One line: the control's label (or the file's absolute path), then what is wrong."""
    message = " ".join(error.message.split())
    # Library folders in a message are noise on the page ("... is not an exercise id in /x").
    message = re.sub(r" in /\S+$", "", message)
    if error.field in FIELD_LABELS and (error.file is None or error.file in INTERNAL_FILES):
        head = FIELD_LABELS[error.field]
    elif error.file is not None and error.file not in INTERNAL_FILES:
        where = str(Path(error.file).expanduser().resolve())
        head = f"{where}: {error.field}" if error.field else where
        if error.row is not None:
            head = f"{where}: row {error.row}" + (f", {error.field}" if error.field else "")
    else:
        head = ""
    text = named(library, message)
    return f"{head}: {text}" if head else text


def short_line(library: Library, short: ShortMuscle) -> str:
    """``gluteus_medius short by 1: time: ...`` as "Gluteus medius: 1 set a week short (...)"."""
    sets = "set" if short.shortfall == 1 else "sets"
    return (
        f"{muscle_name(library, short.muscle_id)}: {number(short.shortfall)} {sets} a week "
        f"short of its minimum ({named(library, short.detail)})"
    )


def wait_words(seconds: float) -> str:
    """A wait as a coach says it: "0.8 s", "14 s", "3 min 12 s"."""
    if seconds < 9.95:
        return f"{seconds:.1f} s"
    if seconds < 89.5:
        return f"{seconds:.0f} s"
    minutes, rest = divmod(round(seconds), 60)
    return f"{minutes} min {rest} s"


def week_words(solved: SolveResult) -> str:
    """What is proven about the week, without solver terms."""
    if solved.status is not Termination.OPTIMAL:
        return "the best week found in the time limit (not proven)"
    value = solved.stage("coach value")
    if value is None:
        return "the fewest sets short, proven"
    if value.termination is Termination.TIME_LIMIT:
        return "coverage proven; the week's polish stopped at the time limit"
    gap = value.achieved_gap if value.termination is Termination.BUDGET else value.gap
    if value.termination not in (Termination.OPTIMAL, Termination.BUDGET) or gap is None:
        return "coverage proven"
    if gap < 0.005:
        return "the best week"
    return f"proven within {number(round(gap * 100, 1))}% of the best week"


def _coverage_words(solved: SolveResult, short: int, floor_share: float) -> str:
    """What the week leaves short (``short`` muscles named by the explanations, else the
    proven sets), and the share of each floor a short week carries."""
    sets = number(solved.shortfall or 0.0)
    if short:
        muscles = "1 muscle" if short == 1 else f"{short} muscles"
        words = f"{muscles} short ({sets} sets a week, the least possible)"
    elif (solved.shortfall or 0.0) > 0.005:
        words = f"{sets} sets a week short, the least possible"
    else:
        words = "every muscle at its minimum"
    if floor_share < 1.0:
        small = round(100 * small_floor_share(floor_share))
        words += (
            f" (a short week: {round(100 * floor_share)}% of the prime movers' floors, "
            f"{small}% of the small muscles')"
        )
    return words


def status_line(
    solved: SolveResult,
    short: int,
    check: CoachCheck | None,
    waited: float,
    *,
    recalled: bool = False,
    planned: float | None = None,
    floor_share: float = 1.0,
) -> str:
    """One short line: how long the coach waited for the week (every solve and the figures),
    what is proven, what is short, the coach check. A ``recalled`` week was planned before,
    in ``planned`` seconds when known; a short week carries ``floor_share`` of each floor."""
    if not recalled:
        head = f"Week planned in {wait_words(waited)}"
    elif planned is None:
        head = f"Week recalled in {wait_words(waited)}"
    else:
        head = f"Week recalled in {wait_words(waited)} (planned earlier in {wait_words(planned)})"
    parts = [head, week_words(solved), _coverage_words(solved, short, floor_share)]
    if check is not None:
        parts.append(f"coach check {check.passed}/{check.applicable}")
    return " · ".join(parts)


#: The mark of a week shown while the solve goes on proving its value.
IMPROVING = "improving"


def improving_line(
    solved: SolveResult, check: CoachCheck | None, waited: float, *, floor_share: float = 1.0
) -> str:
    """One short line for a checked week shown before the solve ends: when it came, that
    the fewest sets short are proven (the week keeps them), and that the week is still
    improving (the coach value not yet proven)."""
    parts = [
        f"A checked week in {wait_words(waited)}, {IMPROVING}…",
        _coverage_words(solved, 0, floor_share),
    ]
    if check is not None:
        parts.append(f"coach check {check.passed}/{check.applicable} so far")
    return " · ".join(parts)
