"""Exploring the exercise library: tables, filters and equipment-kit gaps (pandas, no widgets).

The library explorer notebook and its widgets call these; so can a coach from any notebook.
Unknown ids are :class:`~workbench.errors.InputError`, like everywhere else.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import pandas as pd

from workbench.client import Kit
from workbench.errors import InputError
from workbench.glossary import BODYWEIGHT, LEVELS, PATTERNS, TAGS, level_rank
from workbench.library import Exercise, Library

__all__ = [
    "EXERCISE_FRAME_COLUMNS",
    "GAP_COLUMNS",
    "VERDICTS",
    "exercise_frame",
    "filter_exercises",
    "kit_gap_summary",
    "kit_gaps",
    "reaching",
]

EXERCISE_FRAME_COLUMNS = (
    "id",
    "name",
    "pattern",
    "level",
    "equipment",
    "primary_muscles",
    "secondary_muscles",
    "set_minutes",
    "reps",
    "rest_seconds",
    "knee_flexion",
    "spinal_load",
    "unilateral",
    "explosive",
    "tags",
)
GAP_COLUMNS = ("muscle_id", "muscle", "primary", "secondary", "verdict", "best_addition")
#: A kit's verdict on a muscle: an allowed exercise loads it as primary, only as secondary, or none.
VERDICTS = ("covered", "secondary only", "gap")
SEPARATOR = ", "


def _names(library: Library, muscle_ids: Iterable[str]) -> str:
    return SEPARATOR.join(
        library.muscle(m).name if library.has_muscle(m) else m for m in muscle_ids
    )


def exercise_frame(library: Library, exercises: Iterable[Exercise] | None = None) -> pd.DataFrame:
    """One row per exercise (default: the whole library), lists joined with ", " for display.

    Muscles show by name; equipment and tags by id. ``set_minutes`` [min] is one set's work
    plus the rest after it; ``rest_seconds`` [s]; ``knee_flexion`` [deg].
    """
    chosen = library.exercises if exercises is None else tuple(exercises)
    rows = [
        {
            "id": e.id,
            "name": e.name,
            "pattern": e.pattern,
            "level": e.level,
            "equipment": SEPARATOR.join(e.equipment),
            "primary_muscles": _names(library, e.primary_muscles),
            "secondary_muscles": _names(library, e.secondary_muscles),
            "set_minutes": e.set_minutes,
            "reps": e.reps,
            "rest_seconds": e.rest_seconds,
            "knee_flexion": e.knee_flexion,
            "spinal_load": e.spinal_load,
            "unilateral": e.unilateral,
            "explosive": e.explosive,
            "tags": SEPARATOR.join(e.tags),
        }
        for e in chosen
    ]
    return pd.DataFrame(rows, columns=list(EXERCISE_FRAME_COLUMNS))


def _check_ids(
    library: Library,
    *,
    equipment: Iterable[str] | None,
    level: str | None,
    muscle: str | None,
    pattern: str | None,
    avoid: Iterable[str],
) -> None:
    for item in equipment or ():
        if item not in library.equipment_ids:
            raise InputError(
                f"'{item}' is not an equipment id", file="explorer", field="equipment", value=item
            )
    if level is not None and level not in LEVELS:
        raise InputError(
            f"'{level}' is not a level ({', '.join(LEVELS)})",
            file="explorer",
            field="level",
            value=level,
        )
    if muscle is not None and not library.has_muscle(muscle):
        raise InputError(
            f"'{muscle}' is not a muscle id", file="explorer", field="muscle", value=muscle
        )
    if pattern is not None and pattern not in PATTERNS:
        raise InputError(
            f"'{pattern}' is not a movement pattern",
            file="explorer",
            field="pattern",
            value=pattern,
        )
    for tag in avoid:
        if tag not in TAGS:
            raise InputError(
                f"'{tag}' is not a tag ({', '.join(TAGS)})",
                file="explorer",
                field="avoid",
                value=tag,
            )


def filter_exercises(
    library: Library,
    *,
    equipment: Iterable[str] | None = None,
    level: str | None = None,
    muscle: str | None = None,
    pattern: str | None = None,
    text: str | None = None,
    avoid: Iterable[str] = (),
) -> list[Exercise]:
    """Exercises that pass every filter given, in library order; ``None`` means no filter.

    ``equipment``: the ids at hand (bodyweight implied), every item an exercise needs must be
    there. ``level``: the highest level allowed. ``muscle``: a muscle id the exercise loads
    as primary or secondary. ``pattern``: a movement pattern id. ``text``: a case-insensitive
    substring of the exercise's id or name. ``avoid``: tags the exercise must not carry.
    """
    avoid = tuple(avoid)
    _check_ids(
        library, equipment=equipment, level=level, muscle=muscle, pattern=pattern, avoid=avoid
    )
    have = None if equipment is None else frozenset(equipment) | {BODYWEIGHT}
    highest = None if level is None else level_rank(level)
    needle = (text or "").strip().casefold()
    chosen = []
    for exercise in library.exercises:
        if have is not None and not exercise.needs <= have:
            continue
        if highest is not None and level_rank(exercise.level) > highest:
            continue
        if muscle is not None and exercise.weight(muscle) == 0:
            continue
        if pattern is not None and exercise.pattern != pattern:
            continue
        if (
            needle
            and needle not in exercise.id.casefold()
            and needle not in exercise.name.casefold()
        ):
            continue
        if set(exercise.tags) & set(avoid):
            continue
        chosen.append(exercise)
    return chosen


def reaching(library: Library, muscle_id: str) -> pd.DataFrame:
    """Every exercise that loads ``muscle_id``: primary ones first, then by name.

    ``weight`` is the effective sets one set gives the muscle (1 primary, 0.5 secondary).
    """
    exercises = filter_exercises(library, muscle=muscle_id)
    rows = [
        {
            "id": e.id,
            "name": e.name,
            "role": "primary" if e.weight(muscle_id) == 1 else "secondary",
            "weight": e.weight(muscle_id),
            "pattern": e.pattern,
            "level": e.level,
            "equipment": SEPARATOR.join(e.equipment),
        }
        for e in exercises
    ]
    frame = pd.DataFrame(
        rows, columns=["id", "name", "role", "weight", "pattern", "level", "equipment"]
    )
    return frame.sort_values(["weight", "name"], ascending=[False, True], ignore_index=True)


def kit_gaps(
    library: Library,
    equipment: Iterable[str],
    *,
    level: str = "advanced",
    avoid: Iterable[str] = (),
) -> pd.DataFrame:
    """What a kit (``equipment`` ids, bodyweight implied) can do for each posterior-chain muscle.

    One row per posterior-chain muscle: how many allowed exercises (at or below ``level``,
    carrying no ``avoid`` tag) load it as ``primary`` and as ``secondary``, a ``verdict``
    from :data:`VERDICTS`, and for a muscle not covered the ``best_addition``: the one
    equipment item that would allow the most exercises loading it as primary ("" if none).
    """
    equipment = tuple(equipment)
    allowed = filter_exercises(library, equipment=equipment, level=level, avoid=avoid)
    # Exercises the client could do but for one missing item: what buying that item would open.
    have = frozenset(equipment) | {BODYWEIGHT}
    near = [
        (next(iter(e.needs - have)), e)
        for e in filter_exercises(library, level=level, avoid=avoid)
        if len(e.needs - have) == 1
    ]
    rows = []
    for muscle in library.posterior_chain:
        primary = sum(1 for e in allowed if muscle.id in e.primary_muscles)
        secondary = sum(1 for e in allowed if muscle.id in e.secondary_muscles)
        verdict = VERDICTS[0] if primary else VERDICTS[1] if secondary else VERDICTS[2]
        best = ""
        if not primary:
            opened: dict[str, int] = {}
            for item, exercise in near:
                if muscle.id in exercise.primary_muscles:
                    opened[item] = opened.get(item, 0) + 1
            if opened:
                best = max(sorted(opened), key=lambda item: opened[item])
        rows.append(
            {
                "muscle_id": muscle.id,
                "muscle": muscle.name,
                "primary": primary,
                "secondary": secondary,
                "verdict": verdict,
                "best_addition": best,
            }
        )
    return pd.DataFrame(rows, columns=list(GAP_COLUMNS))


def kit_gap_summary(
    library: Library,
    kits: Mapping[str, Kit],
    *,
    level: str = "advanced",
    avoid: Iterable[str] = (),
) -> pd.DataFrame:
    """Kits side by side: one row per posterior-chain muscle, one verdict column per kit id."""
    avoid = tuple(avoid)
    columns = {
        kit_id: kit_gaps(library, kit.equipment, level=level, avoid=avoid)["verdict"].tolist()
        for kit_id, kit in kits.items()
    }
    index = pd.Index([m.name for m in library.posterior_chain], name="muscle")
    return pd.DataFrame(columns, index=index)
