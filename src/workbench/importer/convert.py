"""The conversion of free-exercise-db records into our library's tables, by a mapping.

Pure: records (parsed JSON), an :class:`~workbench.importer.mapping.ImportMapping` and the
base library in; rows of strings and an :class:`ImportReport` out. The rows pass
:func:`~workbench.library.library_from_rows` (checked before they are returned).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from workbench.glossary import BODYWEIGHT, DEEP_KNEE_FLEXION_DEG, SLUG, TAGS
from workbench.importer.mapping import SKIP, Dose, FamilyRule, ImportMapping, matches, name_words
from workbench.library import MUSCLE_COLUMNS, Library, library_from_rows

__all__ = ["ImportReport", "ImportResult", "convert"]


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
        if not matches(words, rule.match):
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
        placed = rule.match and matches(words, rule.match)
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
                if variant.match and not matches(words, variant.match):
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
    words = name_words(name)
    equipment = _equipment(record, words, mapping, report)
    rule = _family(record, words, equipment, mapping)
    primary, secondary = _credits(record, words, rule.pattern, mapping, report)
    flags = mapping.categories[category]
    explosive = rule.explosive if rule.explosive is not None else flags["explosive"]
    impact = rule.impact if rule.impact is not None else flags["impact"]
    heavy = rule.heavy_spinal_load is not None and set(equipment) & set(mapping.heavy_equipment)
    spinal_load = rule.heavy_spinal_load if heavy and rule.heavy_spinal_load else rule.spinal_load
    unilateral = matches(words, mapping.unilateral)
    dose = _dose(record, rule, explosive, roles[rule.id], mapping)
    minutes = dose.set_minutes + (mapping.unilateral_extra_minutes if unilateral else 0.0)
    tags = set(rule.tags) | {tag for tag, phrases in mapping.tags if matches(words, phrases)}
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
