"""Import a public exercise database into a library folder by our schema.

``free-exercise-db`` (public domain, 873 exercises, 17 coarse muscle names) is converted by
the rules of one coach-editable mapping file (``data/imports/free-exercise-db.toml``): its
muscles to our ids with credit weights, its equipment to ours, name keywords to our lift
families (each with its movement pattern, knee bend and spinal load), tags and the dose of a
set. This module is the file side, beside :mod:`workbench.iotools` in the layering: it reads
the JSON and the mapping and writes the folder atomically (complete or not at all). The rules
(:mod:`~workbench.importer.mapping`) and the conversion (:mod:`~workbench.importer.convert`)
are pure functions of parsed data, a layer below, and never touch a path.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from workbench import iotools
from workbench.errors import InputError, LibraryError
from workbench.importer.convert import ImportReport, ImportResult, convert
from workbench.importer.mapping import ImportMapping, mapping_from_toml
from workbench.library import (
    EQUIPMENT_COLUMNS,
    EXERCISE_COLUMNS,
    FAMILY_COLUMNS,
    MUSCLE_COLUMNS,
    Library,
)

__all__ = [
    "IMPORT_MARKER",
    "SOURCES",
    "ImportMapping",
    "ImportReport",
    "ImportResult",
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
