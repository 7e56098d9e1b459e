"""The rules of an import mapping file (``data/imports/*.toml``), validated.

Every id a rule names is checked against the base library (its muscles, equipment and
families) and the glossary; an unknown one is an :class:`~workbench.errors.InputError` naming
the file, the dotted key and the value. Pure: works on the parsed TOML, never on a path.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from workbench.errors import InputError
from workbench.glossary import LEVELS, PATTERNS, ROLES, SLUG, SPINAL_LOADS, TAGS
from workbench.library import Library

__all__ = [
    "DOSES",
    "SKIP",
    "Dose",
    "EquipmentRule",
    "FamilyRule",
    "ImportMapping",
    "MuscleVariant",
    "mapping_from_toml",
    "matches",
    "name_words",
]

#: The kinds of set dose a mapping defines.
DOSES = ("power", "compound", "isolation", "hold")
#: A fallback that skips the exercise starts with this, followed by the reason.
SKIP = "skip:"
#: Credit weights a rule may give a muscle [effective sets per set]: primary, secondary.
CREDITS = (1.0, 0.5)


def name_words(text: str) -> str:
    """A name as padded lower-case words: ``"Pull-Up (Wide)"`` -> ``" pull up wide "``."""
    return " " + " ".join(re.sub(r"[^a-z0-9]+", " ", text.lower()).split()) + " "


def matches(name_words: str, phrases: Sequence[str]) -> bool:
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
        return tuple(name_words(v).strip() for v in value)

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
