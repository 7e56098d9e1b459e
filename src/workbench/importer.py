"""Import a public exercise database into a library folder by our schema.

``free-exercise-db`` (public domain, 873 exercises, 17 coarse muscle names) is converted by
the rules of one coach-editable mapping file (``data/imports/free-exercise-db.toml``): its
muscles to our ids with credit weights, its equipment to ours, name keywords to our lift
families (each with its movement pattern, knee bend and spinal load), tags and the dose of a
set. Beside :mod:`workbench.iotools` in the layering: it reads the JSON and the mapping and
writes the folder atomically (complete or not at all); the conversion itself is
:func:`convert`, a pure function of the records, the mapping and the base library.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from workbench import iotools
from workbench.errors import InputError, LibraryError
from workbench.glossary import (
    BODYWEIGHT,
    DEEP_KNEE_FLEXION_DEG,
    LEVELS,
    PATTERNS,
    ROLES,
    SLUG,
    SPINAL_LOADS,
    TAGS,
)
from workbench.library import (
    EQUIPMENT_COLUMNS,
    EXERCISE_COLUMNS,
    FAMILY_COLUMNS,
    MUSCLE_COLUMNS,
    Library,
    library_from_rows,
)

__all__ = [
    "IMPORT_MARKER",
    "SOURCES",
    "Dose",
    "EquipmentRule",
    "FamilyRule",
    "ImportMapping",
    "ImportReport",
    "ImportResult",
    "MuscleVariant",
    "convert",
    "import_free_exercise_db",
    "mapping_from_toml",
    "read_free_exercise_db",
    "read_import_mapping",
    "shipped_mapping_path",
    "write_library_folder",
]

#: Sources the importer knows, with their mapping file under ``data/imports/``.
SOURCES = {"free-exercise-db": "free-exercise-db.toml"}
#: A file every imported folder holds: the importer replaces only folders that carry it.
IMPORT_MARKER = "IMPORTED.md"
DOSES = ("power", "compound", "isolation", "hold")
SKIP = "skip:"
CREDITS = (1.0, 0.5)


def _words(text: str) -> str:
    """A name as padded lower-case words: ``"Pull-Up (Wide)"`` -> ``" pull up wide "``."""
    return " " + " ".join(re.sub(r"[^a-z0-9]+", " ", text.lower()).split()) + " "


def _matches(name_words: str, phrases: Sequence[str]) -> bool:
    return any(f" {phrase} " in name_words for phrase in phrases)


@dataclass(frozen=True)
class FamilyRule:
    id: str
    pattern: str
    knee_flexion: int
    spinal_load: str
    match: tuple[str, ...] = ()
    heavy_spinal_load: str | None = None
    explosive: bool | None = None
    impact: bool | None = None
    tags: tuple[str, ...] = ()
    dose: str | None = None
    needs_any: tuple[str, ...] = ()
    name: str | None = None
    role: str | None = None


@dataclass(frozen=True)
class MuscleVariant:
    muscle: str
    ids: Mapping[str, float]
    patterns: tuple[str, ...] = ()
    match: tuple[str, ...] = ()


@dataclass(frozen=True)
class EquipmentRule:
    match: tuple[str, ...]
    equipment: tuple[str, ...] = ()
    needs_any: tuple[str, ...] = ()
    replace: bool = False
    unknown: bool = False
    #: Unknown kit even when the source names the exercise's equipment.
    always: bool = False
    #: Only when no equipment is known yet.
    if_missing: bool = False


@dataclass(frozen=True)
class Dose:
    reps: str
    rest_seconds: int
    set_minutes: float


@dataclass(frozen=True)
class ImportMapping:
    """The validated rules of a mapping file (see ``data/imports/free-exercise-db.toml``)."""

    levels: Mapping[str, str]
    categories: Mapping[str, Mapping[str, bool]]
    skip_categories: Mapping[str, str]
    muscles: Mapping[str, Mapping[str, float]]
    muscle_variants: tuple[MuscleVariant, ...]
    max_primary: int
    max_secondary: int
    equipment: Mapping[str, tuple[str, ...]]
    new_equipment: Mapping[str, str]
    skip_equipment: Mapping[str, str]
    equipment_rules: tuple[EquipmentRule, ...]
    heavy_equipment: tuple[str, ...]
    families: tuple[FamilyRule, ...]
    fallback: Mapping[str, Mapping[str, str]]
    unilateral: tuple[str, ...]
    unilateral_extra_minutes: float
    tags: tuple[tuple[str, tuple[str, ...]], ...]
    doses: Mapping[str, Dose]

    def family_rule(self, family_id: str) -> FamilyRule:
        return next(rule for rule in self.families if rule.id == family_id)


class _Keys:
    """Reads one TOML table, naming the file and the dotted key in every error."""

    def __init__(self, file: str, table: Mapping[str, Any], where: str = "") -> None:
        self.file = file
        self.table = table
        self.where = where

    def key(self, name: str) -> str:
        return f"{self.where}.{name}" if self.where else name

    def fail(self, name: str, value: object, message: str) -> InputError:
        return InputError(message, file=self.file, field=self.key(name), value=value)

    def only(self, allowed: Sequence[str]) -> None:
        for name in self.table:
            if name not in allowed:
                raise self.fail(name, name, f"'{name}' is not a key here ({', '.join(allowed)})")

    def sub(self, name: str, *, required: bool = True) -> _Keys:
        value = self.table.get(name, {} if not required else None)
        if not isinstance(value, dict):
            raise self.fail(name, value, "must be a table")
        return _Keys(self.file, value, self.key(name))

    def tables(self, name: str) -> list[_Keys]:
        value = self.table.get(name, [])
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            raise self.fail(name, value, "must be an array of tables ([[...]])")
        return [_Keys(self.file, v, f"{self.key(name)}[{i}]") for i, v in enumerate(value)]

    def text(self, name: str, default: str | None = None) -> str:
        value = self.table.get(name, default)
        if not isinstance(value, str) or not value.strip():
            raise self.fail(name, value, "must be a non-empty string")
        return value

    def words(self, name: str, *, required: bool = False) -> tuple[str, ...]:
        value = self.table.get(name, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            raise self.fail(name, value, "must be a list of strings")
        if required and not value:
            raise self.fail(name, value, "must not be empty")
        return tuple(_words(v).strip() for v in value)

    def ids(self, name: str, known: frozenset[str] | Sequence[str], what: str) -> tuple[str, ...]:
        value = self.table.get(name, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.fail(name, value, f"must be a list of {what}s")
        for item in value:
            if item not in known:
                raise self.fail(name, item, f"'{item}' is not {what}")
        return tuple(value)

    def choice(self, name: str, known: Sequence[str] | frozenset[str], what: str) -> str:
        value = self.table.get(name)
        if value not in known:
            raise self.fail(name, value, f"'{value}' is not {what}")
        return str(value)

    def flag(self, name: str) -> bool | None:
        value = self.table.get(name)
        if value is not None and not isinstance(value, bool):
            raise self.fail(name, value, "must be true or false")
        return value

    def number(self, name: str, low: float, high: float) -> float:
        value = self.table.get(name)
        if (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or not low <= value <= high
        ):
            raise self.fail(name, value, f"must be a number in {low:g}..{high:g}")
        return float(value)

    def credits(self, name: str, muscle_ids: frozenset[str]) -> dict[str, float]:
        table = self.sub(name)
        credits = {}
        for muscle, weight in table.table.items():
            if muscle not in muscle_ids:
                raise table.fail(muscle, muscle, f"'{muscle}' is not a muscle id in muscles.csv")
            if weight not in CREDITS:
                raise table.fail(muscle, weight, "must be 1.0 (primary) or 0.5 (secondary)")
            credits[muscle] = float(weight)
        return credits


def mapping_from_toml(data: Mapping[str, Any], base: Library, *, file: str) -> ImportMapping:
    """Validate a mapping file's tables against ``base`` (its muscle, equipment and family
    ids). Raises :class:`InputError` naming the file, the dotted key and the value."""
    top = _Keys(file, data)
    top.only(
        (
            "levels",
            "categories",
            "skip_categories",
            "muscles",
            "muscle_variants",
            "max_primary",
            "max_secondary",
            "equipment",
            "new_equipment",
            "skip_equipment",
            "equipment_rules",
            "heavy_equipment",
            "families",
            "fallback",
            "unilateral",
            "unilateral_extra_minutes",
            "tags",
            "dose",
        )
    )
    muscle_ids = frozenset(m.id for m in base.muscles)
    levels_table = top.sub("levels")
    levels = {name: levels_table.choice(name, LEVELS, "a level") for name in levels_table.table}

    categories_table = top.sub("categories")
    categories: dict[str, dict[str, bool]] = {}
    for name in categories_table.table:
        category = categories_table.sub(name)
        category.only(("explosive", "impact"))
        categories[name] = {k: bool(category.flag(k)) for k in ("explosive", "impact")}
    skip_table = top.sub("skip_categories", required=False)
    skip_categories = {name: skip_table.text(name) for name in skip_table.table}

    muscles_table = top.sub("muscles")
    muscles = {name: muscles_table.credits(name, muscle_ids) for name in muscles_table.table}
    variants = []
    for rule in top.tables("muscle_variants"):
        rule.only(("muscle", "patterns", "match", "ids"))
        variants.append(
            MuscleVariant(
                muscle=rule.choice("muscle", tuple(muscles), "a muscle name of [muscles]"),
                ids=rule.credits("ids", muscle_ids),
                patterns=rule.ids("patterns", PATTERNS, "a movement pattern"),
                match=rule.words("match"),
            )
        )

    new_table = top.sub("new_equipment", required=False)
    new_equipment = {}
    for item in new_table.table:
        if not SLUG.match(item) or item in base.equipment_ids:
            raise new_table.fail(item, item, f"'{item}' is not a new equipment id")
        new_equipment[item] = new_table.text(item)
    equipment_ids = base.equipment_ids | frozenset(new_equipment)
    equipment_table = top.sub("equipment")
    equipment = {
        name: equipment_table.ids(name, equipment_ids, "an equipment id")
        for name in equipment_table.table
    }
    skip_equipment_table = top.sub("skip_equipment", required=False)
    skip_equipment = {name: skip_equipment_table.text(name) for name in skip_equipment_table.table}
    equipment_rules = []
    for rule in top.tables("equipment_rules"):
        rule.only(("match", "equipment", "needs_any", "replace", "unknown", "always", "if_missing"))
        equipment_rules.append(
            EquipmentRule(
                match=rule.words("match", required=True),
                equipment=rule.ids("equipment", equipment_ids, "an equipment id"),
                needs_any=rule.ids("needs_any", equipment_ids, "an equipment id"),
                replace=bool(rule.flag("replace")),
                unknown=bool(rule.flag("unknown")),
                always=bool(rule.flag("always")),
                if_missing=bool(rule.flag("if_missing")),
            )
        )

    families = []
    for rule in top.tables("families"):
        rule.only(
            (
                "id",
                "match",
                "pattern",
                "knee_flexion",
                "spinal_load",
                "heavy_spinal_load",
                "explosive",
                "impact",
                "tags",
                "dose",
                "needs_any",
                "name",
                "role",
            )
        )
        family_id = rule.text("id")
        known = base.has_family(family_id)
        if not SLUG.match(family_id):
            raise rule.fail("id", family_id, f"'{family_id}' is not an id")
        if not known and ("name" not in rule.table or "role" not in rule.table):
            raise rule.fail(
                "id", family_id, f"'{family_id}' is not in families.csv: give it a name and a role"
            )
        families.append(
            FamilyRule(
                id=family_id,
                match=rule.words("match"),
                pattern=rule.choice("pattern", PATTERNS, "a movement pattern"),
                knee_flexion=int(rule.number("knee_flexion", 0, 160)),
                spinal_load=rule.choice("spinal_load", SPINAL_LOADS, "a spinal load"),
                heavy_spinal_load=(
                    rule.choice("heavy_spinal_load", SPINAL_LOADS, "a spinal load")
                    if "heavy_spinal_load" in rule.table
                    else None
                ),
                explosive=rule.flag("explosive"),
                impact=rule.flag("impact"),
                tags=rule.ids("tags", TAGS, "a tag"),
                dose=rule.choice("dose", DOSES, "a dose") if "dose" in rule.table else None,
                needs_any=rule.ids("needs_any", equipment_ids, "an equipment id"),
                name=rule.text("name") if not known else None,
                role=rule.choice("role", ROLES, "a role") if not known else None,
            )
        )
    family_ids = {rule.id for rule in families}

    fallback_table = top.sub("fallback")
    fallback: dict[str, dict[str, str]] = {}
    for name, value in fallback_table.table.items():
        if name not in muscles:
            raise fallback_table.fail(name, name, f"'{name}' is not a muscle name of [muscles]")
        by_mechanic = value if isinstance(value, dict) else {"compound": value, "isolation": value}
        entry = _Keys(file, by_mechanic, fallback_table.key(name))
        entry.only(("compound", "isolation"))
        fallback[name] = {}
        for mechanic in ("compound", "isolation"):
            target = entry.text(mechanic)
            if not target.startswith(SKIP) and target not in family_ids:
                raise entry.fail(
                    mechanic, target, f"'{target}' is not a family of [[families]] nor 'skip: ...'"
                )
            fallback[name][mechanic] = target

    tags = []
    for rule in top.tables("tags"):
        rule.only(("tag", "match"))
        tags.append((rule.choice("tag", TAGS, "a tag"), rule.words("match", required=True)))

    dose_table = top.sub("dose")
    dose_table.only(DOSES)
    doses = {}
    for kind in DOSES:
        entry = dose_table.sub(kind)
        entry.only(("reps", "rest_seconds", "set_minutes"))
        dose = Dose(
            reps=entry.text("reps"),
            rest_seconds=int(entry.number("rest_seconds", 0, 600)),
            set_minutes=entry.number("set_minutes", 0.25, 30),
        )
        if dose.set_minutes < dose.rest_seconds / 60 + 0.5:
            raise entry.fail(
                "set_minutes",
                dose.set_minutes,
                f"{dose.set_minutes:g} min is shorter than the rest of {dose.rest_seconds} s "
                "plus half a minute of work",
            )
        doses[kind] = dose

    return ImportMapping(
        levels=levels,
        categories=categories,
        skip_categories=skip_categories,
        muscles=muscles,
        muscle_variants=tuple(variants),
        max_primary=int(top.number("max_primary", 1, 5)),
        max_secondary=int(top.number("max_secondary", 0, 10)),
        equipment=equipment,
        new_equipment=new_equipment,
        skip_equipment=skip_equipment,
        equipment_rules=tuple(equipment_rules),
        heavy_equipment=top.ids("heavy_equipment", equipment_ids, "an equipment id"),
        families=tuple(families),
        fallback=fallback,
        unilateral=top.words("unilateral"),
        unilateral_extra_minutes=top.number("unilateral_extra_minutes", 0, 5),
        tags=tuple(tags),
        doses=doses,
    )


@dataclass
class ImportReport:
    """What an import wrote, skipped (by reason) and could not map (by source name)."""

    read: int = 0
    written: int = 0
    skipped: Counter[str] = field(default_factory=Counter)
    unknown_muscles: Counter[str] = field(default_factory=Counter)
    unknown_equipment: Counter[str] = field(default_factory=Counter)
    families: Counter[str] = field(default_factory=Counter)
    clashes: int = 0

    def lines(self) -> list[str]:
        lines = [
            f"Read {self.read} exercises; wrote {self.written}; "
            f"skipped {sum(self.skipped.values())}."
        ]
        if self.skipped:
            lines.append("Skipped, by reason:")
            lines += [f"  {count:>4}  {reason}" for reason, count in self.skipped.most_common()]
        for what, counter in (
            ("muscle names", self.unknown_muscles),
            ("equipment names", self.unknown_equipment),
        ):
            if counter:
                names = ", ".join(f"'{name}' ({count})" for name, count in counter.most_common())
                lines.append(f"Not mapped, {what} (not in the mapping file): {names}")
            else:
                lines.append(f"Not mapped, {what}: none")
        generic = sum(n for f, n in self.families.items() if f.endswith("_other"))
        lines.append(
            f"Families: {len(self.families)} used; {generic} exercises in a generic family "
            "(no name keyword matched)"
        )
        return lines


@dataclass(frozen=True)
class ImportResult:
    """The four tables of a library folder (rows of strings) and the report."""

    muscles: tuple[dict[str, str], ...]
    equipment: tuple[dict[str, str], ...]
    families: tuple[dict[str, str], ...]
    exercises: tuple[dict[str, str], ...]
    report: ImportReport


class _Skip(Exception):
    """An exercise the import leaves out, with the reason the report counts."""


def _slug(source_id: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "_", source_id.lower()).strip("_")
    # Our ids start with a letter; the source has a few that start with a digit ("3_4_Sit-Up").
    return slug if SLUG.match(slug) else f"ex_{slug}"


_LACKS = "needs kit our equipment list lacks (dip bars, chains, tyres, stones, ...)"


def _equipment(
    record: Mapping[str, Any], words: str, mapping: ImportMapping, report: ImportReport
) -> tuple[str, ...]:
    name = record.get("equipment") or "(none)"
    if name in mapping.skip_equipment:
        raise _Skip(f"equipment '{name}': {mapping.skip_equipment[name]}")
    if name not in mapping.equipment:
        report.unknown_equipment[name] += 1
        raise _Skip("equipment not in the mapping file")
    items = list(mapping.equipment[name])
    unknown = None
    for rule in mapping.equipment_rules:
        if not _matches(words, rule.match):
            continue
        if rule.unknown and rule.always:
            raise _Skip(_LACKS)
        if rule.unknown:
            unknown = unknown or next(p for p in rule.match if f" {p} " in words)
        elif rule.if_missing and items:
            continue
        elif not rule.needs_any or set(rule.needs_any) & set(items):
            items = list(rule.equipment) if rule.replace else items + list(rule.equipment)
    if not items:
        if unknown is not None:
            raise _Skip(_LACKS)
        raise _Skip(f"equipment '{name}' not identified by name")
    needs = [item for item in dict.fromkeys(items) if item != BODYWEIGHT]
    return tuple(needs) or (BODYWEIGHT,)


def _family(
    record: Mapping[str, Any], words: str, equipment: Sequence[str], mapping: ImportMapping
) -> FamilyRule:
    for rule in mapping.families:
        placed = rule.match and _matches(words, rule.match)
        if placed and (not rule.needs_any or set(rule.needs_any) & set(equipment)):
            return rule
    primaries = [m for m in record.get("primaryMuscles", []) if m in mapping.fallback]
    if not primaries:
        raise _Skip("no family: its primary muscle has no fallback")
    mechanic = "isolation" if record.get("mechanic") == "isolation" else "compound"
    target = mapping.fallback[primaries[0]][mechanic]
    if target.startswith(SKIP):
        raise _Skip(target.removeprefix(SKIP).strip())
    return mapping.family_rule(target)


def _credits(
    record: Mapping[str, Any],
    words: str,
    pattern: str,
    mapping: ImportMapping,
    report: ImportReport,
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Primary and secondary muscle ids by the mapping's credit weights."""
    credit: dict[str, float] = {}
    for key, scale in (("primaryMuscles", 1.0), ("secondaryMuscles", 0.5)):
        for name in record.get(key, []):
            if name not in mapping.muscles:
                report.unknown_muscles[name] += 1
                continue
            table = mapping.muscles[name]
            for variant in mapping.muscle_variants:
                if variant.muscle != name:
                    continue
                if variant.patterns and pattern not in variant.patterns:
                    continue
                if variant.match and not _matches(words, variant.match):
                    continue
                table = variant.ids
                break
            for muscle, weight in table.items():
                credit[muscle] = max(credit.get(muscle, 0.0), weight * scale)
    primary = [m for m, c in credit.items() if c >= 1.0]
    secondary = [m for m, c in credit.items() if c == 0.5]
    if not primary:
        raise _Skip("no tracked prime mover (arm or grip work only)")
    secondary = primary[mapping.max_primary :] + secondary
    return tuple(primary[: mapping.max_primary]), tuple(secondary[: mapping.max_secondary])


def _dose(
    record: Mapping[str, Any], rule: FamilyRule, explosive: bool, role: str, mapping: ImportMapping
) -> Dose:
    if rule.dose is not None:
        return mapping.doses[rule.dose]
    if explosive:
        return mapping.doses["power"]
    if record.get("force") == "static":
        return mapping.doses["hold"]
    # A compound dose (heavy, long rest) only for a main lift the source calls compound:
    # accessories, core work and isolation get the lighter dose whatever the source says.
    compound = record.get("mechanic") in ("compound", None) and role in ("main", "power")
    return mapping.doses["compound" if compound else "isolation"]


def _exercise_row(
    record: Mapping[str, Any],
    mapping: ImportMapping,
    roles: Mapping[str, str],
    report: ImportReport,
) -> dict[str, str]:
    category = str(record.get("category"))
    if category in mapping.skip_categories:
        raise _Skip(f"category '{category}': {mapping.skip_categories[category]}")
    if category not in mapping.categories:
        raise _Skip(f"category '{category}' not in the mapping file")
    level = mapping.levels.get(record.get("level", ""))
    if level is None:
        raise _Skip(f"level '{record.get('level')}' not in the mapping file")
    name = " ".join(str(record["name"]).replace(",", " -").split())
    words = _words(name)
    equipment = _equipment(record, words, mapping, report)
    rule = _family(record, words, equipment, mapping)
    primary, secondary = _credits(record, words, rule.pattern, mapping, report)
    flags = mapping.categories[category]
    explosive = rule.explosive if rule.explosive is not None else flags["explosive"]
    impact = rule.impact if rule.impact is not None else flags["impact"]
    heavy = rule.heavy_spinal_load is not None and set(equipment) & set(mapping.heavy_equipment)
    spinal_load = rule.heavy_spinal_load if heavy and rule.heavy_spinal_load else rule.spinal_load
    unilateral = _matches(words, mapping.unilateral)
    dose = _dose(record, rule, explosive, roles[rule.id], mapping)
    minutes = dose.set_minutes + (mapping.unilateral_extra_minutes if unilateral else 0.0)
    tags = set(rule.tags) | {tag for tag, phrases in mapping.tags if _matches(words, phrases)}
    tags |= {"impact"} if impact else set()
    tags |= {"explosive"} if explosive else set()
    tags |= {"high_spinal_load"} if spinal_load == "high" else set()
    tags |= {"deep_knee_flexion"} if rule.knee_flexion >= DEEP_KNEE_FLEXION_DEG else set()
    report.families[rule.id] += 1
    return {
        "id": _slug(str(record["id"])),
        "name": name,
        "equipment": ";".join(equipment),
        "pattern": rule.pattern,
        "level": level,
        "set_minutes": f"{round(minutes * 4) / 4:g}",
        "reps": dose.reps,
        "rest_seconds": str(dose.rest_seconds),
        "knee_flexion": str(rule.knee_flexion),
        "spinal_load": spinal_load,
        "unilateral": "yes" if unilateral else "no",
        "explosive": "yes" if explosive else "no",
        "tags": ";".join(t for t in TAGS if t in tags),
        "primary_muscles": ";".join(primary),
        "secondary_muscles": ";".join(secondary),
        "family": rule.id,
    }


def convert(
    records: Sequence[Mapping[str, Any]], mapping: ImportMapping, base: Library
) -> ImportResult:
    """The library folder's tables for ``records`` (free-exercise-db entries) by ``mapping``.

    Muscles come from ``base`` (our targets), equipment is ``base``'s plus the mapping's new
    items, families are ``base``'s plus the mapping's generic ones that an exercise uses.
    The tables pass :func:`~workbench.library.library_from_rows` (checked here)."""
    report = ImportReport(read=len(records))
    roles = {f.id: f.role for f in base.families}
    roles.update({rule.id: rule.role for rule in mapping.families if rule.role is not None})
    exercises: list[dict[str, str]] = []
    seen: set[str] = set()
    for record in records:
        try:
            row = _exercise_row(record, mapping, roles, report)
        except _Skip as skip:
            report.skipped[str(skip)] += 1
            continue
        if row["id"] in seen:
            report.skipped["id repeats an earlier exercise"] += 1
            continue
        seen.add(row["id"])
        exercises.append(row)
    report.written = len(exercises)
    muscles = tuple({c: _cell(getattr(m, c)) for c in MUSCLE_COLUMNS} for m in base.muscles)
    equipment = tuple({"id": e.id, "name": e.name} for e in base.equipment) + tuple(
        {"id": item, "name": name} for item, name in mapping.new_equipment.items()
    )
    used = {row["family"] for row in exercises}
    families = tuple({"id": f.id, "name": f.name, "role": f.role} for f in base.families) + tuple(
        {"id": rule.id, "name": rule.name or rule.id, "role": rule.role or "accessory"}
        for rule in mapping.families
        if rule.id in used and not base.has_family(rule.id)
    )
    library_from_rows(muscles, equipment, exercises, families)  # raises on a mapping bug
    return ImportResult(muscles, equipment, families, tuple(exercises), report)


def _cell(value: object) -> str:
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


# --- files -----------------------------------------------------------------------------


def shipped_mapping_path(source: str) -> Path:
    return iotools.shipped_data_dir() / "imports" / SOURCES[source]


def read_import_mapping(path: str | os.PathLike[str], base: Library) -> ImportMapping:
    path = Path(path)
    label = iotools._label(path)
    return mapping_from_toml(iotools._read_toml(path), base, file=label)


def read_free_exercise_db(path: str | os.PathLike[str]) -> list[dict[str, Any]]:
    """The records of free-exercise-db's ``exercises.json`` (a file, or the folder holding it)."""
    path = Path(path)
    if path.is_dir():
        path = path / "exercises.json"
    label = iotools._label(path)
    text = iotools._read_text(path, what="JSON file")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError(
            f"is not valid JSON ({error.msg}, line {error.lineno} column {error.colno})",
            file=label,
        ) from None
    if not isinstance(data, list):
        raise InputError("must hold a list of exercises", file=label, value=type(data).__name__)
    for number, record in enumerate(data, start=1):
        if not isinstance(record, dict):
            raise InputError("is not an exercise object", file=label, row=number)
        for key in ("id", "name"):
            if not isinstance(record.get(key), str) or not record[key].strip():
                raise InputError(
                    "lacks a non-empty string",
                    file=label,
                    row=number,
                    field=key,
                    value=record.get(key),
                )
        for key in ("primaryMuscles", "secondaryMuscles"):
            value = record.get(key, [])
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise InputError(
                    "must be a list of muscle names", file=label, row=number, field=key, value=value
                )
    return data


def _tables_text(result: ImportResult) -> dict[str, str]:
    def text(columns: Sequence[str], rows: Sequence[Mapping[str, str]]) -> str:
        return iotools._csv_text(columns, ([row[c] for c in columns] for row in rows))

    return {
        "muscles.csv": text(MUSCLE_COLUMNS, result.muscles),
        "equipment.csv": text(EQUIPMENT_COLUMNS, result.equipment),
        "families.csv": text(FAMILY_COLUMNS, result.families),
        "exercises.csv": text(EXERCISE_COLUMNS, result.exercises),
    }


def write_library_folder(folder: str | os.PathLike[str], files: Mapping[str, str]) -> Path:
    """Write ``files`` (name -> text) as the folder ``folder``, complete or not at all.

    The files go to a temporary folder beside it, which is then renamed into place. An
    existing ``folder`` is replaced only when it is empty or an earlier import (it holds
    :data:`IMPORT_MARKER`); anything else is an error, so no coach's folder is overwritten."""
    target = Path(folder)
    label = iotools._label(target)
    parent = target.parent if str(target.parent) else Path(".")
    if not parent.is_dir():
        raise InputError("folder does not exist", file=iotools._label(parent), field="--out")
    if target.exists():
        if not target.is_dir():
            raise InputError("exists and is not a folder", file=label, field="--out")
        if any(target.iterdir()) and not (target / IMPORT_MARKER).is_file():
            raise InputError(
                f"exists and is not an earlier import (no {IMPORT_MARKER}): not overwritten",
                file=label,
                field="--out",
            )
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".tmp", dir=parent))
    try:
        for name, text in files.items():
            with open(staging / name, "wb") as stream:
                stream.write(text.encode("utf-8"))
                stream.flush()
                os.fsync(stream.fileno())
        os.chmod(staging, 0o777 & ~_umask())
        if target.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".old", dir=parent))
            os.replace(target, old / target.name)
            try:
                os.replace(staging, target)
            except BaseException:
                os.replace(old / target.name, target)
                raise
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.replace(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return target


def _umask() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return umask


def import_free_exercise_db(
    source: str | os.PathLike[str],
    out: str | os.PathLike[str],
    mapping_path: str | os.PathLike[str] | None = None,
    base_folder: str | os.PathLike[str] | None = None,
) -> ImportReport:
    """Read ``source`` (exercises.json), convert it by the mapping file (default: the shipped
    one) onto the base library (default: the shipped ``data/``) and write the folder ``out``."""
    base = iotools.read_library(base_folder)
    mapping_file = Path(mapping_path) if mapping_path else shipped_mapping_path("free-exercise-db")
    mapping = read_import_mapping(mapping_file, base)
    records = read_free_exercise_db(source)
    try:
        result = convert(records, mapping, base)
    except LibraryError as error:
        # A rule produced a row our schema rejects: the mapping file is at fault.
        raise InputError(
            f"makes an invalid library row: {error.line()}", file=iotools._label(mapping_file)
        ) from None
    files = _tables_text(result)
    files[IMPORT_MARKER] = _provenance(Path(source), mapping_file, result.report)
    write_library_folder(out, files)
    return result.report


def _provenance(source: Path, mapping_file: Path, report: ImportReport) -> str:
    lines = [
        "# Imported library",
        "",
        "Written by `workbench library import free-exercise-db` from the public-domain",
        "free-exercise-db (https://github.com/yuhonas/free-exercise-db, The Unlicense), by the",
        f"rules of `{mapping_file.name}`. Source file: `{source.name}`.",
        "Re-running the import replaces this folder; edit the mapping file, not these CSVs.",
        "",
        "```",
        *report.lines(),
        "```",
        "",
    ]
    return "\n".join(lines)
