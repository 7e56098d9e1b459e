"""The dashboard's words: errors, short muscles and the week's status as a coach reads them.

No widgets here. The command line keeps the contract's one-line errors (file, row, field and
value); on the page the same error reads with the control's label instead of the field id,
and with absolute paths, once. The dashboard's models hold what the week on show is and why
there is none as enums (:class:`WeekState`, :class:`NoPlan`); the words for each are in one
table here (:data:`WEEK_WORDS`, :data:`NO_PLAN_WORDS`), never parsed back.
"""

from __future__ import annotations

import re
from enum import Enum
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
    "NO_PLAN_WORDS",
    "WEEK_WORDS",
    "NoPlan",
    "WeekState",
    "another_line",
    "coach_line",
    "improving_line",
    "named",
    "no_plan_line",
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


class WeekState(Enum):
    """What the week on show is, for the choices shown."""

    NONE = "none"  # no week yet
    IMPROVING = "improving"  # a checked week, shown while the solve proves its value
    PLANNED = "planned"  # the final week of a solve of these choices
    RECALLED = "recalled"  # ... recalled from the plan cache
    ANOTHER = "another"  # another checked week for the same choices (a what-if)
    KEPT = "kept"  # the choices give no plan: the last good week stays, marked stale


#: How the status line of each state begins: ``{waited}`` the whole wait, ``{planned}`` how
#: long a recalled week's planning took, ``{line}`` what a what-if says of its week.
WEEK_WORDS: dict[WeekState, str] = {
    WeekState.NONE: "No plan yet.",
    WeekState.IMPROVING: "A checked week in {waited}, improving…",
    WeekState.PLANNED: "Week planned in {waited}",
    WeekState.RECALLED: "Week recalled in {waited}",
    WeekState.ANOTHER: "{line}",
    WeekState.KEPT: (
        "No plan for these choices: the plan below is the last good one (marked stale)."
    ),
}
#: The mark of a week shown while the solve goes on proving its value.
IMPROVING = WeekState.IMPROVING.value


def status_line(
    state: WeekState,
    solved: SolveResult,
    short: int,
    check: CoachCheck | None,
    waited: float,
    *,
    planned: float | None = None,
    floor_share: float = 1.0,
) -> str:
    """One short line for a final week (``state`` planned or recalled): how long the coach
    waited for it (every solve and the figures), what is proven, what is short, the coach
    check. A recalled week was planned before, in ``planned`` seconds when known; a short
    week carries ``floor_share`` of each floor."""
    head = WEEK_WORDS[state].format(waited=wait_words(waited))
    if state is WeekState.RECALLED and planned is not None:
        head += f" (planned earlier in {wait_words(planned)})"
    parts = [head, week_words(solved), _coverage_words(solved, short, floor_share)]
    if check is not None:
        parts.append(f"coach check {check.passed}/{check.applicable}")
    return " · ".join(parts)


def improving_line(
    solved: SolveResult, check: CoachCheck | None, waited: float, *, floor_share: float = 1.0
) -> str:
    """One short line for a checked week shown before the solve ends: when it came, that
    the fewest sets short are proven (the week keeps them), and that the week is still
    improving (the coach value not yet proven)."""
    parts = [
        WEEK_WORDS[WeekState.IMPROVING].format(waited=wait_words(waited)),
        _coverage_words(solved, 0, floor_share),
    ]
    if check is not None:
        parts.append(f"coach check {check.passed}/{check.applicable} so far")
    return " · ".join(parts)


def another_line(line: str, check: CoachCheck | None) -> str:
    """The line of another checked week a what-if put on show, with its coach check."""
    head = WEEK_WORDS[WeekState.ANOTHER].format(line=line)
    return f"{head} {check.summary()}" if check is not None else head


class NoPlan(Enum):
    """Why the choices shown give no plan."""

    CHOICES = "choices"  # a value no client may have (the control's label, the value)
    INFEASIBLE = "infeasible"  # no week meets every hard limit
    EMPTY = "empty"  # no exercise fits the choices
    TIME_LIMIT = "time_limit"  # the solver found none within the time limit
    SOLVER = "solver"  # the solver failed
    ERROR = "error"  # the planning stopped with the workbench's own error
    INTERNAL = "internal"  # a bug (logged)


#: The error line for each cause: ``{why}`` its detail, ``{limit}`` the time limit [s].
NO_PLAN_WORDS: dict[NoPlan, str] = {
    NoPlan.CHOICES: "{why}",
    NoPlan.INFEASIBLE: "No plan meets every limit: {why}",
    NoPlan.EMPTY: (
        "No exercise fits these choices (everything is banned, avoided, above the level or "
        "needs equipment the client lacks): allow more"
    ),
    NoPlan.TIME_LIMIT: (
        "The solver found no plan within the time limit of {limit} s: raise it, or set 0 for "
        "no limit"
    ),
    NoPlan.SOLVER: (
        "The solver failed on these choices; try again or switch the solver (Advanced)"
    ),
    NoPlan.ERROR: "{why}",
    NoPlan.INTERNAL: "internal error: {why} (see the log)",
}


def no_plan_line(cause: NoPlan, why: str = "", limit: float | None = None) -> str:
    """The error line saying why the choices give no plan."""
    return NO_PLAN_WORDS[cause].format(why=why, limit=number(limit or 0.0))
