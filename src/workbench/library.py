"""The exercise library: muscles, equipment and exercises, validated.

Parsing works on rows of strings (as read from the CSV files by :mod:`workbench.iotools`)
and never touches a path. Every problem is collected, so a coach sees them all at once.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Protocol, TypeVar

from workbench.errors import InputError, LibraryError
from workbench.glossary import (
    BODYWEIGHT,
    CHAINS,
    COMPOUND_PATTERNS,
    DEEP_KNEE_FLEXION_DEG,
    HINGE_PATTERNS,
    KNEE_DOMINANT_FAMILIES,
    LEVELS,
    LOAD_CLASS,
    LOADED_EQUIPMENT,
    MAIN_ROLES,
    PATTERNS,
    PRESS_FAMILIES,
    REGIONS,
    ROLES,
    SECONDARY_WEIGHT,
    SLUG,
    SPINAL_LOADS,
    TAGS,
)

__all__ = [
    "EQUIPMENT_COLUMNS",
    "EXERCISE_COLUMNS",
    "FAMILY_COLUMNS",
    "MUSCLE_COLUMNS",
    "Equipment",
    "Exercise",
    "Family",
    "Library",
    "Muscle",
    "combine_libraries",
    "default_role",
    "library_from_rows",
]

MUSCLE_COLUMNS = ("id", "name", "region", "chain", "min_sets", "max_sets", "target_sets")
EQUIPMENT_COLUMNS = ("id", "name")
FAMILY_COLUMNS = ("id", "name", "role")
EXERCISE_COLUMNS = (
    "id",
    "name",
    "equipment",
    "pattern",
    "level",
    "set_minutes",
    "reps",
    "rest_seconds",
    "knee_flexion",
    "spinal_load",
    "unilateral",
    "explosive",
    "tags",
    "primary_muscles",
    "secondary_muscles",
    "family",
)


class _HasId(Protocol):
    @property
    def id(self) -> str: ...


_Row = TypeVar("_Row", bound=_HasId)
MAX_REST = 600  # [s] between two sets
REPS = re.compile(r"^\d+(-\d+)?s?$")
YES_NO = {"yes": True, "no": False, "true": True, "false": False}


@dataclass(frozen=True)
class Muscle:
    """A muscle with its weekly band [sets/week]: the floor, the ceiling, and the dose a
    coach aims for between them."""

    id: str
    name: str
    region: str
    chain: str
    min_sets: float
    max_sets: float
    target_sets: float


@dataclass(frozen=True)
class Family:
    """A lift family a coach would name (``deadlift``, ``row``), and its role in a session."""

    id: str
    name: str
    role: str


@dataclass(frozen=True)
class Equipment:
    id: str
    name: str


@dataclass(frozen=True)
class Exercise:
    """One exercise; ``set_minutes`` [min] is one set's work plus the rest after it."""

    id: str
    name: str
    equipment: tuple[str, ...]
    pattern: str
    level: str
    set_minutes: float
    reps: str
    rest_seconds: int
    knee_flexion: int
    spinal_load: str
    unilateral: bool
    explosive: bool
    tags: tuple[str, ...]
    primary_muscles: tuple[str, ...]
    secondary_muscles: tuple[str, ...] = ()
    family: str = ""
    #: The family's role (``power``, ``main``, ``accessory``, ``core``, ``carry``).
    role: str = "accessory"

    @property
    def is_main_lift(self) -> bool:
        """A multi-joint lift, a bridge or hip thrust, or power work (COACHING.md)."""
        return self.role in MAIN_ROLES

    @property
    def loaded(self) -> bool:
        """Loads the lift with more than bodyweight or a band."""
        return any(item in LOADED_EQUIPMENT for item in self.equipment)

    @property
    def load_class(self) -> int:
        """How much load its implement can add: 3 barbell ... 0 bodyweight (LOAD_CLASS)."""
        return max((LOAD_CLASS.get(item, 0) for item in self.equipment), default=0)

    @property
    def impact(self) -> bool:
        return "impact" in self.tags

    @property
    def hinge(self) -> bool:
        """A non-impact hip hinge or hip extension: the article's hip-hinge principle."""
        return self.pattern in HINGE_PATTERNS and not self.impact

    @property
    def timed(self) -> bool:
        """Held or carried for a time (``30s``, ``10-20s``), not counted in repetitions."""
        return self.reps.strip().endswith("s")

    @property
    def press(self) -> bool:
        """A press (COACHING.md C15): bench, overhead, dumbbell, machine, landmine, push-up."""
        return self.family in PRESS_FAMILIES

    @property
    def knee_dominant(self) -> bool:
        """Squat, lunge, split squat, step-up or leg press (COACHING.md C16), not a jump."""
        return self.family in KNEE_DOMINANT_FAMILIES and not self.impact

    @property
    def heavy_spinal(self) -> bool:
        """A heavy spinal lift (COACHING.md C18): a main lift with a high spinal load — a
        barbell or trap-bar deadlift, good morning, rack pull, back or front squat, barbell
        bent-over or Pendlay row."""
        return self.role == "main" and self.spinal_load == SPINAL_LOADS[-1]

    def weight(self, muscle_id: str) -> float:
        """Effective sets one set of this exercise gives ``muscle_id``."""
        if muscle_id in self.primary_muscles:
            return 1.0
        if muscle_id in self.secondary_muscles:
            return SECONDARY_WEIGHT
        return 0.0

    @property
    def muscle_weights(self) -> dict[str, float]:
        weights = {m: SECONDARY_WEIGHT for m in self.secondary_muscles}
        weights.update({m: 1.0 for m in self.primary_muscles})
        return weights

    @property
    def needs(self) -> frozenset[str]:
        """Equipment needed beyond bodyweight."""
        return frozenset(self.equipment) - {BODYWEIGHT}


@dataclass(frozen=True)
class Library:
    muscles: tuple[Muscle, ...]
    equipment: tuple[Equipment, ...]
    exercises: tuple[Exercise, ...]
    families: tuple[Family, ...] = ()
    source: str = field(default="", compare=False)

    @cached_property
    def _muscles(self) -> dict[str, Muscle]:
        return {m.id: m for m in self.muscles}

    @cached_property
    def _exercises(self) -> dict[str, Exercise]:
        return {e.id: e for e in self.exercises}

    @cached_property
    def equipment_ids(self) -> frozenset[str]:
        return frozenset(e.id for e in self.equipment)

    def muscle(self, muscle_id: str) -> Muscle:
        return self._muscles[muscle_id]

    def exercise(self, exercise_id: str) -> Exercise:
        return self._exercises[exercise_id]

    def has_muscle(self, muscle_id: str) -> bool:
        return muscle_id in self._muscles

    def has_exercise(self, exercise_id: str) -> bool:
        return exercise_id in self._exercises

    @property
    def posterior_chain(self) -> tuple[Muscle, ...]:
        return tuple(m for m in self.muscles if m.chain == "posterior")

    @cached_property
    def _families(self) -> dict[str, Family]:
        return {f.id: f for f in self.families}

    def family(self, family_id: str) -> Family:
        return self._families[family_id]

    def has_family(self, family_id: str) -> bool:
        return family_id in self._families

    def anterior_only(self, exercise: Exercise) -> bool:
        """Whether every primary muscle of ``exercise`` is on the anterior chain."""
        return all(self.muscle(m).chain == "anterior" for m in exercise.primary_muscles)


class _Rows:
    """Collects problems while converting one file's rows."""

    def __init__(self, file: str, problems: list[InputError]) -> None:
        self.file = file
        self.problems = problems

    def fail(self, row: int | None, column: str | None, value: object, message: str) -> None:
        self.problems.append(
            InputError(message, file=self.file, row=row, field=column, value=value)
        )

    def header(self, columns: Iterable[str], required: tuple[str, ...]) -> bool:
        columns = list(columns)
        missing = [c for c in required if c not in columns]
        if missing:
            self.fail(
                1,
                missing[0],
                None,
                f"header lacks column '{missing[0]}' (expected {','.join(required)})",
            )
            return False
        return True

    def slug(self, row: int, column: str, value: str) -> str:
        if not SLUG.match(value):
            self.fail(
                row, column, value, f"'{value}' is not an id (lower-case letters, digits and _)"
            )
        return value

    def text(self, row: int, column: str, value: str) -> str:
        if not value.strip():
            self.fail(row, column, value, "is empty")
        return value.strip()

    def choice(self, row: int, column: str, value: str, allowed: Iterable[str], what: str) -> str:
        allowed = tuple(allowed)
        if value not in allowed:
            self.fail(row, column, value, f"'{value}' is not {what} ({', '.join(allowed)})")
        return value

    def number(self, row: int, column: str, value: str, *, low: float, high: float) -> float:
        try:
            number = float(value)
        except ValueError:
            self.fail(row, column, value, f"'{value}' is not a number")
            return math.nan
        if not math.isfinite(number) or not low <= number <= high:
            self.fail(row, column, value, f"{value} is outside {low:g}..{high:g}")
        return number

    def integer(self, row: int, column: str, value: str, *, low: int, high: int) -> int:
        try:
            number = int(value)
        except ValueError:
            self.fail(row, column, value, f"'{value}' is not a whole number")
            return 0
        if not low <= number <= high:
            self.fail(row, column, value, f"{value} is outside {low}..{high}")
        return number

    def flag(self, row: int, column: str, value: str) -> bool:
        if value.lower() not in YES_NO:
            self.fail(row, column, value, f"'{value}' is not yes or no")
            return False
        return YES_NO[value.lower()]

    def ids(
        self, row: int, column: str, value: str, known: Iterable[str], what: str
    ) -> tuple[str, ...]:
        known = frozenset(known)
        items = tuple(item.strip() for item in value.split(";") if item.strip())
        for item in items:
            if item not in known:
                self.fail(row, column, item, f"'{item}' is not {what}")
        if len(set(items)) != len(items):
            self.fail(row, column, value, "lists an item twice")
        return items


def _muscles(rows: Sequence[Mapping[str, str]], check: _Rows) -> list[Muscle]:
    muscles = []
    for row_number, row in enumerate(rows, start=2):
        min_sets = check.number(row_number, "min_sets", row["min_sets"], low=0, high=100)
        max_sets = check.number(row_number, "max_sets", row["max_sets"], low=0, high=100)
        target_sets = check.number(row_number, "target_sets", row["target_sets"], low=0, high=100)
        if min_sets > max_sets:
            check.fail(
                row_number,
                "max_sets",
                row["max_sets"],
                f"{row['max_sets']} is below min_sets {row['min_sets']}",
            )
        elif not min_sets <= target_sets <= max_sets:
            check.fail(
                row_number,
                "target_sets",
                row["target_sets"],
                f"{row['target_sets']} is outside min_sets..max_sets "
                f"({row['min_sets']}..{row['max_sets']})",
            )
        muscles.append(
            Muscle(
                id=check.slug(row_number, "id", row["id"]),
                name=check.text(row_number, "name", row["name"]),
                region=check.choice(row_number, "region", row["region"], REGIONS, "a region"),
                chain=check.choice(row_number, "chain", row["chain"], CHAINS, "a chain"),
                min_sets=min_sets,
                max_sets=max_sets,
                target_sets=target_sets,
            )
        )
    return muscles


def default_role(pattern: str, explosive: bool) -> str:
    """The role of a family that no families table names: power for explosive whole-body work,
    main for multi-joint patterns, core and carry by pattern, accessory otherwise."""
    if explosive and pattern in ("hinge", "squat", "locomotion", "throw"):
        return "power"
    if pattern in COMPOUND_PATTERNS:
        return "main"
    if pattern == "carry":
        return "carry"
    if pattern in ("rotation", "anti_rotation", "lateral_flexion"):
        return "core"
    return "accessory"


def _families(rows: Sequence[Mapping[str, str]], check: _Rows) -> list[Family]:
    return [
        Family(
            id=check.slug(n, "id", row["id"]),
            name=check.text(n, "name", row["name"]),
            role=check.choice(n, "role", row["role"], ROLES, "a role"),
        )
        for n, row in enumerate(rows, start=2)
    ]


def _equipment(rows: Sequence[Mapping[str, str]], check: _Rows) -> list[Equipment]:
    items = [
        Equipment(check.slug(n, "id", row["id"]), check.text(n, "name", row["name"]))
        for n, row in enumerate(rows, start=2)
    ]
    if BODYWEIGHT not in {e.id for e in items}:
        check.fail(None, "id", BODYWEIGHT, f"the equipment list must hold '{BODYWEIGHT}'")
    return items


def _exercise(
    n: int,
    row: Mapping[str, str],
    check: _Rows,
    muscle_ids: set[str],
    equipment_ids: set[str],
    families: Mapping[str, Family] | None,
) -> Exercise:
    family = check.slug(n, "family", row["family"])
    pattern = check.choice(n, "pattern", row["pattern"], PATTERNS, "a movement pattern")
    explosive = check.flag(n, "explosive", row["explosive"])
    if families is None:
        role = default_role(pattern, explosive)
    elif family in families:
        role = families[family].role
    else:
        check.fail(n, "family", family, f"'{family}' is not a family id in families.csv")
        role = "accessory"
    exercise = Exercise(
        id=check.slug(n, "id", row["id"]),
        name=check.text(n, "name", row["name"]),
        equipment=check.ids(n, "equipment", row["equipment"], equipment_ids, "an equipment id"),
        pattern=pattern,
        level=check.choice(n, "level", row["level"], LEVELS, "a level"),
        set_minutes=check.number(n, "set_minutes", row["set_minutes"], low=0.25, high=30),
        reps=row["reps"].strip(),
        rest_seconds=check.integer(n, "rest_seconds", row["rest_seconds"], low=0, high=MAX_REST),
        knee_flexion=check.integer(n, "knee_flexion", row["knee_flexion"], low=0, high=160),
        spinal_load=check.choice(
            n, "spinal_load", row["spinal_load"], SPINAL_LOADS, "a spinal load"
        ),
        unilateral=check.flag(n, "unilateral", row["unilateral"]),
        explosive=explosive,
        tags=check.ids(n, "tags", row["tags"], TAGS, "a tag"),
        primary_muscles=check.ids(
            n, "primary_muscles", row["primary_muscles"], muscle_ids, "a muscle id"
        ),
        secondary_muscles=check.ids(
            n, "secondary_muscles", row["secondary_muscles"], muscle_ids, "a muscle id"
        ),
        family=family,
        role=role,
    )
    if not REPS.match(exercise.reps):
        check.fail(n, "reps", exercise.reps, f"'{exercise.reps}' is not reps (10, 8-12 or 30s)")
    if not exercise.equipment:
        check.fail(n, "equipment", "", f"is empty (write '{BODYWEIGHT}' when nothing is needed)")
    if not exercise.primary_muscles:
        check.fail(n, "primary_muscles", "", "is empty")
    both = set(exercise.primary_muscles) & set(exercise.secondary_muscles)
    if both:
        check.fail(
            n,
            "secondary_muscles",
            sorted(both)[0],
            f"'{sorted(both)[0]}' is already a primary muscle",
        )
    # Only a rest within its range is compared: one outside is already reported, and a
    # 400-digit rest divided into minutes would overflow a float.
    rest = exercise.rest_seconds
    if 0 <= rest <= MAX_REST and rest / 60 > exercise.set_minutes:
        check.fail(
            n,
            "set_minutes",
            row["set_minutes"],
            f"{row['set_minutes']} min is shorter than the rest of {rest} s",
        )
    # The tags a coach filters on must agree with the columns they summarise.
    implied = {
        "high_spinal_load": exercise.spinal_load == "high",
        "explosive": exercise.explosive,
        "deep_knee_flexion": exercise.knee_flexion >= DEEP_KNEE_FLEXION_DEG,
    }
    for tag, expected in implied.items():
        if (tag in exercise.tags) != expected:
            verb = "lacks" if expected else "carries"
            check.fail(
                n,
                "tags",
                row["tags"],
                f"{verb} tag '{tag}' although its columns say {'so' if expected else 'otherwise'}",
            )
    return exercise


def library_from_rows(
    muscle_rows: Sequence[Mapping[str, str]],
    equipment_rows: Sequence[Mapping[str, str]],
    exercise_rows: Sequence[Mapping[str, str]],
    family_rows: Sequence[Mapping[str, str]] | None = None,
    *,
    files: tuple[str, ...] = ("muscles.csv", "equipment.csv", "exercises.csv", "families.csv"),
    source: str = "",
) -> Library:
    """Validate rows of strings into a :class:`Library`; raise :class:`LibraryError` listing all problems.

    Row numbers are spreadsheet rows: the header is row 1, the first exercise row 2.
    Without ``family_rows`` every family an exercise names is taken as it is, with the role
    :func:`default_role` gives its first exercise.
    """
    problems: list[InputError] = []
    tables = [
        (muscle_rows, MUSCLE_COLUMNS, files[0]),
        (equipment_rows, EQUIPMENT_COLUMNS, files[1]),
        (exercise_rows, EXERCISE_COLUMNS, files[2]),
    ]
    if family_rows is not None:
        tables.append((family_rows, FAMILY_COLUMNS, files[3]))
    for rows, columns, file in tables:
        check = _Rows(file, problems)
        if rows and not check.header(rows[0].keys(), columns):
            raise LibraryError(problems)
        if not rows:
            check.fail(None, None, None, "holds no rows")
    if problems:
        raise LibraryError(problems)

    muscles = _muscles(muscle_rows, _Rows(files[0], problems))
    equipment = _equipment(equipment_rows, _Rows(files[1], problems))
    families = _families(family_rows, _Rows(files[3], problems)) if family_rows is not None else []
    check = _Rows(files[2], problems)
    muscle_ids = {m.id for m in muscles}
    equipment_ids = {e.id for e in equipment}
    known = {f.id: f for f in families} if family_rows is not None else None
    exercises = [
        _exercise(n, row, check, muscle_ids, equipment_ids, known)
        for n, row in enumerate(exercise_rows, start=2)
    ]
    if family_rows is None:
        for exercise in exercises:
            if exercise.family not in {f.id for f in families}:
                name = exercise.family.replace("_", " ").capitalize()
                families.append(Family(exercise.family, name, exercise.role))

    id_lists = [
        [m.id for m in muscles],
        [e.id for e in equipment],
        [e.id for e in exercises],
    ]
    if family_rows is not None:
        id_lists.append([f.id for f in families])
    for ids, file in zip(id_lists, files, strict=False):
        seen: dict[str, int] = {}
        for n, item_id in enumerate(ids, start=2):
            if item_id in seen:
                message = f"'{item_id}' repeats row {seen[item_id]}"
                problems.append(InputError(message, file=file, row=n, field="id", value=item_id))
            seen.setdefault(item_id, n)
    if problems:
        raise LibraryError(problems)
    return Library(
        tuple(muscles), tuple(equipment), tuple(exercises), tuple(families), source=source
    )


def combine_libraries(libraries: Sequence[Library]) -> Library:
    """One library from several, in order: on an id clash the first library's row wins
    (``--library data/ --library DIR``: shipped rows win); muscles, equipment and families are
    merged the same way. Each exercise keeps the role its own library gave its family."""
    if not libraries:
        raise ValueError("no library to combine")
    if len(libraries) == 1:
        return libraries[0]

    def first_wins(items: Iterable[_Row]) -> tuple[_Row, ...]:
        kept: dict[str, _Row] = {}
        for item in items:
            kept.setdefault(item.id, item)
        return tuple(kept.values())

    return Library(
        muscles=first_wins(m for library in libraries for m in library.muscles),
        equipment=first_wins(e for library in libraries for e in library.equipment),
        exercises=first_wins(e for library in libraries for e in library.exercises),
        families=first_wins(f for library in libraries for f in library.families),
        source=" + ".join(library.source for library in libraries),
    )
