"""All file I/O: ``read_*`` and ``write_*``. Nothing else in the package touches a path.

Errors a user can cause are raised as :class:`~workbench.errors.InputError` naming file,
row, field and value. Writes are atomic: a failed write leaves an existing file untouched.
"""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import tomli_w

from workbench.block import (
    BLOCK_COLUMNS,
    DELOAD_RIR,
    Block,
    BlockEntry,
    BlockWeek,
    WeekRole,
    week_rows,
)
from workbench.camp import CAMP_WEEKS, camp_roles
from workbench.client import (
    GENERAL,
    Client,
    Kit,
    SportProfile,
    client_from_mapping,
    client_to_mapping,
    sport_from_mapping,
)
from workbench.coaching import PATTERN_NAMES, CoachWeights, weights_from_mapping
from workbench.errors import InputError, LibraryError
from workbench.glossary import WEEKDAYS
from workbench.library import Library, combine_libraries, library_from_rows
from workbench.plan import PLAN_COLUMNS, Plan, PlanEntry

__all__ = [
    "COVERAGE_COLUMNS",
    "atomic_write_bytes",
    "atomic_write_text",
    "block_roles_read",
    "block_to_csv",
    "client_toml",
    "is_block_csv",
    "make_folder",
    "plan_to_csv",
    "read_block",
    "read_client",
    "read_csv_lines",
    "read_json",
    "read_kits",
    "read_library",
    "read_library_kits",
    "read_library_profiles",
    "read_library_weights",
    "read_plan",
    "read_sport_profiles",
    "read_weights",
    "shipped_data_dir",
    "shipped_weights",
    "write_block",
    "write_client",
    "write_coverage",
    "write_json",
    "write_plan",
    "write_table",
]

LIBRARY_FILES = ("muscles.csv", "equipment.csv", "exercises.csv")
FAMILIES_FILE = "families.csv"
COVERAGE_COLUMNS = (
    "muscle_id",
    "muscle",
    "region",
    "chain",
    "effective_sets",
    "min_sets",
    "max_sets",
    "target_sets",
    "shortfall",
    "status",
)
#: Leading characters that make a spreadsheet run a cell as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def shipped_data_dir() -> Path:
    """The shipped ``data/`` folder: package data in a wheel, the repository's in a checkout."""
    packaged = Path(str(resources.files("workbench") / "_data"))
    if (packaged / "exercises.csv").exists():
        return packaged
    return Path(__file__).resolve().parents[2] / "data"


def _label(path: Path) -> str:
    try:
        return os.path.relpath(path)
    except ValueError:
        return str(path)


def _read_text(path: Path, *, what: str) -> str:
    label = _label(path)
    if not path.exists():
        raise InputError(f"{what} not found", file=label)
    if path.is_dir():
        raise InputError(f"is a folder, not a {what}", file=label)
    try:
        # Bytes, not read_text: universal newlines would turn a "\r" inside a quoted CSV cell
        # into "\n", and a plan read back would differ from the one written.
        return path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(f"is not UTF-8 text (byte {error.start})", file=label) from None
    except OSError as error:
        raise InputError(f"cannot be read ({error.strerror})", file=label) from None


def _csv_rows(path: Path) -> list[dict[str, str]]:
    """Rows of a CSV as dicts of stripped strings; ragged rows are errors with their row number."""
    label = _label(path)
    text = _read_text(path, what="CSV file")
    try:
        reader = csv.reader(io.StringIO(text, newline=""))
        lines = list(reader)
    except csv.Error as error:
        raise InputError(f"is not valid CSV ({error})", file=label) from None
    if not lines or not any(cell.strip() for cell in lines[0]):
        raise InputError("is empty (no header row)", file=label, row=1)
    header = [cell.strip() for cell in lines[0]]
    rows = []
    for number, cells in enumerate(lines[1:], start=2):
        if not any(cell.strip() for cell in cells):
            continue  # blank spreadsheet line
        if len(cells) != len(header):
            raise InputError(
                f"has {len(cells)} cells where the header has {len(header)} (a comma inside a cell?)",
                file=label,
                row=number,
                field=None,
                value=None,
            )
        rows.append(
            {"__row__": str(number), **{h: c.strip() for h, c in zip(header, cells, strict=True)}}
        )
    return rows


def read_csv_lines(path: str | os.PathLike[str]) -> list[tuple[int, list[str]]]:
    """Every non-blank line of a CSV file with its spreadsheet row number, cells stripped,
    the header first. Ragged lines are kept as they are: the caller judges each (a roster
    fails one row, not the file)."""
    path = Path(path)
    text = _read_text(path, what="CSV file")
    try:
        lines = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as error:
        raise InputError(f"is not valid CSV ({error})", file=_label(path)) from None
    return [
        (number, [cell.strip() for cell in cells])
        for number, cells in enumerate(lines, start=1)
        if any(cell.strip() for cell in cells)
    ]


#: One library folder, or several to combine (``--library data/ --library DIR``).
LibraryFolders = str | os.PathLike[str] | Sequence[str | os.PathLike[str]] | None


def _library_folders(folders: LibraryFolders) -> list[str | os.PathLike[str]] | None:
    """The folders given, in order; None for the shipped library."""
    if folders is None:
        return None
    if isinstance(folders, str | os.PathLike):
        return [folders]
    return list(folders) or None


def _first_folder_with(folders: LibraryFolders, name: str) -> str | os.PathLike[str] | None:
    """The first of ``folders`` that holds ``name``; else the first folder (None: shipped)."""
    listed = _library_folders(folders)
    if listed is None:
        return None
    return next((f for f in listed if (Path(f) / name).exists()), listed[0])


def read_library(folder: LibraryFolders = None) -> Library:
    """Read and validate ``muscles.csv``, ``equipment.csv``, ``exercises.csv`` from ``folder``.

    Several folders are read each on its own and combined, the first winning on id clashes
    (:func:`~workbench.library.combine_libraries`). Raises :class:`LibraryError` holding
    every problem found.
    """
    folders = _library_folders(folder)
    if folders is not None and len(folders) > 1:
        return combine_libraries([read_library(f) for f in folders])
    folder = folders[0] if folders else None
    base = Path(folder) if folder is not None else shipped_data_dir()
    if not base.is_dir():
        raise InputError("library folder not found", file=_label(base))
    # A library folder may leave out the families table: the shipped one then applies.
    paths = [base / name for name in LIBRARY_FILES]
    own_families = base / FAMILIES_FILE
    paths.append(own_families if own_families.exists() else shipped_data_dir() / FAMILIES_FILE)
    tables = [_csv_rows(path) for path in paths]
    labels = tuple(_label(path) for path in paths)
    # Keep spreadsheet row numbers when blank lines were skipped: re-index by __row__.
    return _library_with_row_numbers(tables, labels, str(base))


def _library_with_row_numbers(
    tables: list[list[dict[str, str]]], labels: tuple[str, ...], source: str
) -> Library:
    stripped = [
        [{k: v for k, v in row.items() if k != "__row__"} for row in rows] for rows in tables
    ]
    try:
        return library_from_rows(
            stripped[0], stripped[1], stripped[2], stripped[3], files=labels, source=source
        )
    except LibraryError as error:
        for problem in error.problems:
            index = {label: rows for label, rows in zip(labels, tables, strict=True)}.get(
                problem.file or ""
            )
            if index is not None and problem.row is not None and 2 <= problem.row < len(index) + 2:
                problem.row = int(index[problem.row - 2]["__row__"])
        raise LibraryError(
            [
                InputError(p.message, file=p.file, row=p.row, field=p.field, value=p.value)
                for p in error.problems
            ]
        ) from None


def _read_toml(path: Path) -> dict[str, Any]:
    text = _read_text(path, what="TOML file")
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise InputError(f"is not valid TOML ({error})", file=_label(path)) from None


def read_client(path: str | os.PathLike[str]) -> Client:
    """A client file (TOML); shape checked here, ids later against a library."""
    path = Path(path)
    return client_from_mapping(_read_toml(path), file=_label(path))


def write_client(client: Client, path: str | os.PathLike[str]) -> Path:
    return atomic_write_text(Path(path), tomli_w.dumps(client_to_mapping(client)))


def read_sport_profiles(
    folder: str | os.PathLike[str] | None = None, library: Library | None = None
) -> dict[str, SportProfile]:
    """Every ``*.toml`` under ``folder`` (default: the shipped ``data/sports``), keyed by file stem."""
    base = Path(folder) if folder is not None else shipped_data_dir() / "sports"
    profiles = {}
    for path in sorted(base.glob("*.toml")):
        profile = sport_from_mapping(path.stem, _read_toml(path), file=_label(path))
        if library is not None:
            _check_profile_ids(profile, library, _label(path))
        profiles[profile.id] = profile
    if "general" not in profiles:
        profiles["general"] = GENERAL
    return profiles


def _check_profile_ids(profile: SportProfile, library: Library, label: str) -> None:
    muscles = [
        *((f"targets.{m}", m) for m in profile.targets),
        *((f"priorities.{m}", m) for m in profile.priorities),
        *(("specific.muscles", m) for m in profile.specific.muscles),
    ]
    for key, muscle in muscles:
        if not library.has_muscle(muscle):
            raise InputError(f"'{muscle}' is not a muscle id", file=label, field=key, value=muscle)
    families = [
        *(("staples", f) for f in profile.staples),
        *(("specific.families", f) for f in profile.specific.families),
    ]
    for key, family in families:
        if not library.has_family(family):
            raise InputError(
                f"'{family}' is not a family id in the library", file=label, field=key, value=family
            )
    for pattern in profile.patterns:
        if pattern not in PATTERN_NAMES:
            raise InputError(
                f"'{pattern}' is not a movement pattern ({', '.join(PATTERN_NAMES)})",
                file=label,
                field=f"patterns.{pattern}",
                value=pattern,
            )


WEIGHTS_FILE = "coaching.toml"


def read_weights(path: str | os.PathLike[str] | None = None) -> CoachWeights:
    """The coach value's weights (``coaching.toml``; default: the shipped one)."""
    path = Path(path) if path is not None else shipped_data_dir() / WEIGHTS_FILE
    return weights_from_mapping(_read_toml(path), file=_label(path))


@cache
def shipped_weights() -> CoachWeights:
    """The shipped weights, read once per process."""
    return read_weights()


def read_library_weights(library_folder: LibraryFolders) -> CoachWeights:
    """The weights that go with a library: its folder's ``coaching.toml`` if it has one,
    else the shipped ones (of several folders, the first that has one)."""
    library_folder = _first_folder_with(library_folder, WEIGHTS_FILE)
    own = Path(library_folder) / WEIGHTS_FILE if library_folder is not None else None
    return read_weights(own) if own is not None and own.is_file() else shipped_weights()


def read_kits(
    path: str | os.PathLike[str] | None = None, library: Library | None = None
) -> dict[str, Kit]:
    """Named equipment kits from ``kits.toml`` (default: the shipped one), keyed by table name."""
    path = Path(path) if path is not None else shipped_data_dir() / "kits.toml"
    label = _label(path)
    kits = {}
    for kit_id, table in _read_toml(path).items():
        if not isinstance(table, dict):
            raise InputError("must be a table with name and equipment", file=label, field=kit_id)
        unknown = set(table) - {"name", "equipment"}
        if unknown:
            key = sorted(unknown)[0]
            raise InputError("is not a kit key", file=label, field=f"{kit_id}.{key}", value=key)
        equipment = table.get("equipment", [])
        if not isinstance(equipment, list) or not all(isinstance(e, str) for e in equipment):
            raise InputError(
                "must be a list of equipment ids", file=label, field=f"{kit_id}.equipment"
            )
        for item in equipment:
            if library is not None and item not in library.equipment_ids:
                raise InputError(
                    "is not an equipment id", file=label, field=f"{kit_id}.equipment", value=item
                )
        kits[kit_id] = Kit(kit_id, str(table.get("name", kit_id)), tuple(equipment))
    return kits


def _file_mode(path: Path) -> int:
    """The existing file's mode, or what a plain ``open`` would give under the umask."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def read_library_profiles(
    library_folder: LibraryFolders, library: Library
) -> dict[str, SportProfile]:
    """The sport profiles that go with a library: its folder's ``sports/`` if it has one,
    else the shipped ones (a ``--library`` of bare CSVs still knows the shipped sports); of
    several folders, the first that has one."""
    library_folder = _first_folder_with(library_folder, "sports")
    sports = Path(library_folder) / "sports" if library_folder is not None else None
    return read_sport_profiles(sports if sports is not None and sports.is_dir() else None, library)


def atomic_write_bytes(path: Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` via a temporary file in the same folder, then rename."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise InputError("folder does not exist", file=_label(folder))
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        # mkstemp makes the file private (0600); an export is an ordinary file.
        os.chmod(temporary, _file_mode(path))
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path


def atomic_write_text(path: Path, text: str) -> Path:
    return atomic_write_bytes(path, text.encode("utf-8"))


def make_folder(path: str | os.PathLike[str]) -> Path:
    """The folder ``path``, made (with its parents) if it is not there yet."""
    folder = Path(path)
    if folder.exists() and not folder.is_dir():
        raise InputError("is a file, not a folder", file=_label(folder))
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise InputError(f"cannot be made ({error.strerror})", file=_label(folder)) from None
    return folder


def _neutralise(text: str) -> str:
    # A leading apostrophe makes a spreadsheet show the cell as text; one is stripped on reading.
    if text.startswith(FORMULA_STARTS) or text.startswith("'"):
        return "'" + text
    return text


def _restore(text: str) -> str:
    return text[1:] if text.startswith("'") else text


def _number_text(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.4f}".rstrip("0").rstrip(".")


def _csv_text(header: Iterable[str], rows: Iterable[Iterable[object]]) -> str:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


def plan_to_csv(plan: Plan) -> str:
    """The plan CSV of the contract, as text."""
    rows = (
        (
            entry.day,
            entry.weekday,
            entry.order,
            _neutralise(entry.exercise_id),
            _neutralise(entry.exercise),
            entry.sets,
            _neutralise(entry.reps),
            entry.rest_seconds,
            _number_text(entry.minutes),
            _neutralise(";".join(entry.equipment)),
            _neutralise(";".join(entry.primary_muscles)),
            _neutralise(";".join(entry.secondary_muscles)),
        )
        for entry in sorted(plan.entries, key=lambda e: (e.day, e.order))
    )
    return _csv_text(PLAN_COLUMNS, rows)


def write_plan(plan: Plan, path: str | os.PathLike[str]) -> Path:
    return atomic_write_text(Path(path), plan_to_csv(plan))


def _header(path: Path) -> tuple[str, ...]:
    """A CSV file's first row, cells stripped (empty for an empty file)."""
    text = _read_text(path, what="CSV file")
    return tuple(h.strip() for h in next(csv.reader(io.StringIO(text, newline="")), []))


def _integer(row: Mapping[str, str], column: str, low: int, high: int, label: str) -> int:
    number = int(row["__row__"])
    try:
        value = int(row[column])
    except ValueError:
        raise InputError(
            f"'{row[column]}' is not a whole number",
            file=label,
            row=number,
            field=column,
            value=row[column],
        ) from None
    if not low <= value <= high:
        raise InputError(
            f"{value} is outside {low}..{high}", file=label, row=number, field=column, value=value
        )
    return value


def _entry_fields(row: Mapping[str, str], label: str) -> dict[str, Any]:
    """The plan columns of one CSV row as :class:`PlanEntry` fields, each checked."""
    number = int(row["__row__"])
    try:
        minutes = float(row["minutes"])
    except ValueError:
        raise InputError(
            f"'{row['minutes']}' is not a number",
            file=label,
            row=number,
            field="minutes",
            value=row["minutes"],
        ) from None
    if row["weekday"] not in WEEKDAYS:
        raise InputError(
            f"'{row['weekday']}' is not a weekday",
            file=label,
            row=number,
            field="weekday",
            value=row["weekday"],
        )

    def items(column: str) -> tuple[str, ...]:
        return tuple(item for item in _restore(row[column]).split(";") if item)

    return {
        "day": _integer(row, "day", 1, 7, label),
        "weekday": row["weekday"],
        "order": _integer(row, "order", 1, 1000, label),
        "exercise_id": _restore(row["exercise_id"]),
        "exercise": _restore(row["exercise"]),
        "sets": _integer(row, "sets", 0, 1000, label),
        "reps": _restore(row["reps"]),
        "rest_seconds": _integer(row, "rest_seconds", 0, 100000, label),
        "minutes": minutes,
        "equipment": items("equipment"),
        "primary_muscles": items("primary_muscles"),
        "secondary_muscles": items("secondary_muscles"),
    }


def read_plan(path: str | os.PathLike[str]) -> Plan:
    """A plan CSV back into a :class:`Plan` (the inverse of :func:`write_plan`)."""
    path = Path(path)
    label = _label(path)
    rows = _csv_rows(path)
    if _header(path) != PLAN_COLUMNS:
        raise InputError(
            f"header is not the plan header ({','.join(PLAN_COLUMNS)})", file=label, row=1
        )
    entries = [PlanEntry(**_entry_fields(row, label)) for row in rows]
    weekdays = tuple(d for d in WEEKDAYS if d in {e.weekday for e in entries})
    return Plan(tuple(entries), weekdays)


def is_block_csv(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` holds a block CSV (its header is the block header), not a plan."""
    return _header(Path(path)) == BLOCK_COLUMNS


def block_to_csv(block: Block) -> str:
    """The block CSV of the contract (docs/blocks.md), as text: weeks in order, each week's
    entries by day and order, cells a spreadsheet would run as a formula neutralised."""
    rows = []
    for week in sorted(block.weeks, key=lambda w: w.number):
        for values in week_rows(week):
            rows.append(
                tuple(
                    _neutralise(value)
                    if isinstance(value, str)
                    else _number_text(value)
                    if isinstance(value, float)
                    else value
                    for value in values.values()
                )
            )
    return _csv_text(BLOCK_COLUMNS, rows)


def write_block(block: Block, path: str | os.PathLike[str]) -> Path:
    """The block CSV, written atomically (a failed write leaves an existing file untouched)."""
    return atomic_write_text(Path(path), block_to_csv(block))


def read_block(path: str | os.PathLike[str]) -> Block:
    """A block CSV back into a :class:`Block` (the inverse of :func:`write_block`): the same
    weeks and entries. Roles are not in the file; they are read off it
    (:func:`block_roles_read`)."""
    path = Path(path)
    label = _label(path)
    rows = _csv_rows(path)
    if _header(path) != BLOCK_COLUMNS:
        raise InputError(
            f"header is not the block header ({','.join(BLOCK_COLUMNS)})", file=label, row=1
        )
    weeks: dict[int, list[BlockEntry]] = {}
    for row in rows:
        week = _integer(row, "block_week", 1, 1000, label)
        weeks.setdefault(week, []).append(
            BlockEntry(
                **_entry_fields(row, label),
                rir=_integer(row, "rir", 0, 100, label),
                load=_restore(row["load"]),
            )
        )
    numbers = sorted(weeks)
    if numbers != list(range(1, len(numbers) + 1)):
        raise InputError(
            f"weeks {numbers} are not numbered 1..{len(numbers)}",
            file=label,
            field="block_week",
            value=numbers,
        )
    ordered = [sorted(weeks[number], key=lambda e: (e.day, e.order)) for number in numbers]
    roles = block_roles_read(ordered)
    result = []
    for number, entries, role in zip(numbers, ordered, roles, strict=True):
        used = {e.weekday for e in entries}
        result.append(
            BlockWeek(number, Plan(tuple(entries), tuple(d for d in WEEKDAYS if d in used)), role)
        )
    return Block(tuple(result))


def block_roles_read(weeks: Sequence[Sequence[BlockEntry]]) -> tuple[WeekRole, ...]:
    """The roles of a block read from its CSV (which holds none), each week's entries in
    order. A week whose every entry keeps at least :data:`~workbench.block.DELOAD_RIR` reps
    in reserve is a cut week. A fight camp is 8-12 weeks and a block 4-6, and a camp's only
    cut week is its last (the taper), so a file of 8-12 weeks whose last week alone is cut
    reads as a camp, its weeks by :func:`~workbench.camp.camp_roles`; any other file as a
    block: the cut weeks deloads, the others accumulation weeks."""
    cut = [bool(entries) and all(e.rir >= DELOAD_RIR for e in entries) for entries in weeks]
    if len(weeks) in CAMP_WEEKS and cut[-1] and not any(cut[:-1]):
        return camp_roles(len(weeks))
    return tuple(WeekRole.DELOAD if deload else WeekRole.ACCUMULATION for deload in cut)


def write_coverage(rows: Iterable[Mapping[str, object]], path: str | os.PathLike[str]) -> Path:
    """Coverage rows (see :func:`workbench.analytics.coverage_rows`) as CSV."""
    body = (
        [
            _number_text(v) if isinstance(v, float) else _neutralise(str(v))
            for v in (row[c] for c in COVERAGE_COLUMNS)
        ]
        for row in rows
    )
    return atomic_write_text(Path(path), _csv_text(COVERAGE_COLUMNS, body))


def write_table(
    columns: Sequence[str], rows: Iterable[Iterable[object]], path: str | os.PathLike[str]
) -> Path:
    """Any table as CSV, written atomically: numbers as the plan CSV writes them (NaN as an
    empty cell), text neutralised against spreadsheet formulas."""

    def cell(value: object) -> str:
        if isinstance(value, bool):
            return str(value).lower()
        if isinstance(value, int | float):
            return "" if value != value else _number_text(float(value))
        return _neutralise(str(value))

    body = ([cell(v) for v in row] for row in rows)
    return atomic_write_text(Path(path), _csv_text(columns, body))


def read_library_kits(library_folder: LibraryFolders, library: Library) -> dict[str, Kit]:
    """The kits that go with a library: its folder's ``kits.toml`` if it has one, else the
    shipped ones (of several folders, the first that has one), checked against the
    library's equipment."""
    library_folder = _first_folder_with(library_folder, "kits.toml")
    own = Path(library_folder) / "kits.toml" if library_folder is not None else None
    return read_kits(own if own is not None and own.is_file() else None, library)


def client_toml(client: Client) -> str:
    return tomli_w.dumps(client_to_mapping(client))


def read_json(path: str | os.PathLike[str]) -> Any:
    """A JSON file (a tool's own record, e.g. a batch's manifest)."""
    path = Path(path)
    text = _read_text(path, what="JSON file")
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError(f"is not valid JSON ({error})", file=_label(path)) from None


def write_json(data: Any, path: str | os.PathLike[str]) -> Path:
    """``data`` as indented JSON with sorted keys (the same data, the same bytes), atomically."""
    return atomic_write_text(Path(path), json.dumps(data, indent=1, sort_keys=True) + "\n")
