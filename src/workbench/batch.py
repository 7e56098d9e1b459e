"""Plan a whole roster: every client of a folder of client files or of a roster CSV, on
every local core or on a Dask cluster, resumable.

Each client is planned by :func:`plan_client`, a pure function of the client and a
:class:`BatchContext` (library, sport profiles, coach weights, solve options): the same call
in a local process or on a Dask worker gives the same plan CSV, byte for byte. Workers get
values and return values; only this process reads and writes files (through ``iotools``).

The output folder holds::

    plans/<key>.csv   the plan of each planned client (what ``workbench plan --out`` writes)
    summary.csv       one row per client of the roster (:data:`SUMMARY_COLUMNS`)
    manifest.json     the input hash of each planned client: a rerun keeps those unchanged
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sys
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from workbench import iotools
from workbench.client import (
    Client,
    SportProfile,
    check_roster_columns,
    client_from_cells,
    client_to_mapping,
    validate_client,
)
from workbench.coaching import CoachWeights
from workbench.errors import InputError
from workbench.explain import explain_infeasible
from workbench.library import Library
from workbench.optimize import SolveOptions, Termination
from workbench.planner import make_plan

__all__ = [
    "SUMMARY_COLUMNS",
    "BatchContext",
    "BatchReport",
    "Outcome",
    "RosterEntry",
    "plan_client",
    "plan_roster",
    "read_roster",
    "run",
]

#: Bumped when a plan comes to depend on more than the hashed inputs: finished plans of an
#: older format are planned again.
BATCH_FORMAT = 1
PLANS_FOLDER = "plans"
SUMMARY_FILE = "summary.csv"
MANIFEST_FILE = "manifest.json"
SUMMARY_COLUMNS = (
    "client",
    "source",
    "file",
    "status",
    "shortfall",
    "short_muscles",
    "coach_check",
    "coach_misses",
    "minutes",
    "minutes_booked",
    "seconds",
    "reason",
)
PLANNED, BAD_INPUT, NO_PLAN, FAILED = "planned", "bad_input", "no_plan", "failed"
#: A roster's exit code, as ``workbench plan`` gives for one client: the first status in this
#: order that any client has (bad input is the coach's to fix first).
EXIT_CODES = ((BAD_INPUT, 2), (NO_PLAN, 3), (FAILED, 1))
TOLERANCE = 1e-6


@dataclass(frozen=True)
class BatchContext:
    """Everything a plan depends on besides the client; sent once to each worker."""

    library: Library
    profiles: Mapping[str, SportProfile]
    weights: CoachWeights
    options: SolveOptions = field(default_factory=SolveOptions)

    def digest(self) -> str:
        """A hash of the content (not the folder names): the same library read from another
        folder keeps finished plans; any changed number plans them again."""
        library = self.library
        content = repr(
            (
                library.muscles,
                library.equipment,
                library.exercises,
                library.families,
                sorted(self.profiles.items()),
                self.weights,
                self.options,
            )
        )
        return hashlib.sha256(content.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class RosterEntry:
    """One client of a roster, read and validated, or the one-line reason it could not be."""

    key: str  # the plan file's stem, unique within the roster
    file: str  # the client file or the roster CSV
    row: int | None  # the roster CSV's row; None for a client file
    name: str
    client: Client | None = None
    error: str = ""

    @property
    def source(self) -> str:
        """Where the client came from: ``clients/sam.toml``, ``roster.csv row 4``."""
        return self.file if self.row is None else f"{self.file} row {self.row}"

    def input_hash(self, context_digest: str) -> str:
        """What the client's plan depends on: the client's content and the context's."""
        assert self.client is not None
        content = {
            "format": BATCH_FORMAT,
            "client": client_to_mapping(self.client),
            "context": context_digest,
        }
        return hashlib.sha256(json.dumps(content, sort_keys=True).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Outcome:
    """What planning one client gave: a checked plan CSV, or why there is none."""

    status: str
    plan_csv: str = ""
    shortfall: float | None = None  # priority-weighted [sets/week]
    short_muscles: tuple[str, ...] = ()
    coach_passed: int | None = None
    coach_applicable: int | None = None
    coach_misses: tuple[str, ...] = ()
    minutes: float | None = None  # used a week [min]
    minutes_booked: float | None = None  # booked a week [min]
    seconds: float = 0.0  # wall time of the plan on its worker [s]
    reason: str = ""


def _one_line(text: str) -> str:
    return " ".join(text.split())


def plan_client(client: Client, context: BatchContext, source: str) -> Outcome:
    """Plan one client exactly as ``workbench plan`` does (solve, independent check, coach
    check); never raises: a failure is an :class:`Outcome` with its one-line reason."""
    start = time.perf_counter()

    def took() -> float:
        return time.perf_counter() - start

    try:
        result = make_plan(
            context.library,
            client,
            context.profiles,
            context.options,
            weights=context.weights,
            explain=False,  # the causes of a shortfall are for one plan on screen, not a batch
            file=source,
        )
        if result.status is Termination.INFEASIBLE:
            why = explain_infeasible(result.problem, result.solved, context.options)
            return Outcome(NO_PLAN, seconds=took(), reason=f"{source}: {_one_line(why)}")
        plan = result.plan  # only a plan that passed the independent checker (check.py)
        if plan is None:
            return Outcome(FAILED, seconds=took(), reason=f"{source}: {_one_line(result.message)}")
        check = result.check
        return Outcome(
            PLANNED,
            plan_csv=iotools.plan_to_csv(plan),
            shortfall=result.solved.shortfall or 0.0,
            short_muscles=tuple(
                row.muscle_id
                for row in result.coverage
                if row.chain == "posterior" and row.shortfall > TOLERANCE
            ),
            coach_passed=check.passed if check else None,
            coach_applicable=check.applicable if check else None,
            coach_misses=tuple(c.id for c in check.failed) if check else (),
            minutes=plan.total_minutes,
            minutes_booked=result.problem.weekly_minutes,
            seconds=took(),
        )
    except InputError as error:
        return Outcome(BAD_INPUT, seconds=took(), reason=error.located(source).line())
    except Exception as error:  # one client's failure never stops the roster
        return Outcome(FAILED, seconds=took(), reason=f"{source}: {_failure(error)}")


def _failure(error: BaseException) -> str:
    return _one_line(f"{type(error).__name__}: {error}")


# ----- reading a roster ------------------------------------------------------------------


def _slug(text: str) -> str:
    """A file-name-safe id of a client's name: "Sam (home)" -> "sam_home"."""
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_") or "client"


def _label(path: Path) -> str:
    try:
        return os.path.relpath(path)
    except ValueError:
        return str(path)


def read_roster(
    path: str | os.PathLike[str],
    library: Library,
    profiles: Mapping[str, SportProfile],
) -> list[RosterEntry]:
    """Every client of a roster: a folder of client files (``*.toml``) or a roster CSV.

    A client that cannot be read or names an unknown id is an entry with its one-line
    reason; a roster that cannot be read at all (missing, no clients, an unknown column)
    raises :class:`InputError`.
    """
    path = Path(path)
    if path.is_dir():
        entries = _folder_entries(path)
    elif path.suffix.lower() == ".csv" or not path.exists():
        entries = _csv_entries(path)
    else:
        raise InputError(
            "is neither a folder of client files (*.toml) nor a roster CSV (*.csv)",
            file=_label(path),
        )
    return [_validated(entry, library, profiles) for entry in entries]


def _folder_entries(folder: Path) -> list[RosterEntry]:
    files = sorted(p for p in folder.iterdir() if p.suffix == ".toml" and p.is_file())
    if not files:
        raise InputError("holds no client file (*.toml)", file=_label(folder))
    entries = []
    for file in files:
        label = _label(file)
        try:
            client = iotools.read_client(file)
        except InputError as error:
            entries.append(RosterEntry(file.stem, label, None, file.stem, error=error.line()))
            continue
        entries.append(RosterEntry(file.stem, label, None, client.name, client))
    return entries


def _csv_entries(path: Path) -> list[RosterEntry]:
    label = _label(path)
    lines = iotools.read_csv_lines(path)
    if not lines:
        raise InputError("is empty (no header row)", file=label, row=1)
    header_row, header = lines[0]
    check_roster_columns(header, file=label)
    if len(lines) == 1:
        raise InputError("holds no client row (only the header)", file=label, row=header_row)
    entries = []
    keys: set[str] = set()
    for row, cells in lines[1:]:
        named = dict(zip(header, cells, strict=False))
        name = named.get("name", "").strip()
        key = _unique(_slug(name) if name else f"row_{row}", keys)
        if len(cells) != len(header):
            error = InputError(
                f"has {len(cells)} cells where the header has {len(header)} "
                "(a comma inside a cell?)",
                file=label,
                row=row,
            )
            entries.append(RosterEntry(key, label, row, name or f"row {row}", error=error.line()))
            continue
        try:
            client = client_from_cells(named, file=label, row=row)
        except InputError as error:
            entries.append(RosterEntry(key, label, row, name or f"row {row}", error=error.line()))
            continue
        entries.append(RosterEntry(key, label, row, client.name, client))
    return entries


def _unique(key: str, taken: set[str]) -> str:
    """``key``, or ``key-2``, ``key-3``... when another client of the roster has it."""
    unique, copy = key, 1
    while unique in taken:
        copy += 1
        unique = f"{key}-{copy}"
    taken.add(unique)
    return unique


def _validated(
    entry: RosterEntry, library: Library, profiles: Mapping[str, SportProfile]
) -> RosterEntry:
    """The entry, or the same entry failed with the reason its ids are bad."""
    if entry.client is None:
        return entry
    try:
        validate_client(entry.client, library, profiles, file=entry.file)
    except InputError as error:
        located = InputError(
            error.message, file=entry.file, row=entry.row, field=error.field, value=error.value
        )
        return replace(entry, client=None, error=located.line())
    return entry


# ----- planning a roster -----------------------------------------------------------------


@dataclass(frozen=True)
class _Job:
    key: str
    source: str
    client: Client


@dataclass
class BatchReport:
    """A roster's rows (roster order) and what this run did."""

    rows: list[dict[str, Any]]
    kept: int = 0  # finished in an earlier run, input unchanged
    attempted: int = 0  # planned in this run, whatever came of it
    planned_now: int = 0
    seconds: float = 0.0  # wall time of this run's planning [s]
    where: str = ""

    def count(self, status: str) -> int:
        return sum(1 for row in self.rows if row["status"] == status)

    @property
    def exit_code(self) -> int:
        return next((code for status, code in EXIT_CODES if self.count(status)), 0)


Dispatch = Callable[[Sequence[_Job], BatchContext], Iterator[tuple[str, Outcome]]]


def _local(workers: int) -> Dispatch:
    """Plans on ``workers`` local processes, yielded as they finish."""

    def dispatch(jobs: Sequence[_Job], context: BatchContext) -> Iterator[tuple[str, Outcome]]:
        from concurrent.futures import Future, ProcessPoolExecutor, as_completed

        if not jobs:
            return
        pool = ProcessPoolExecutor(max_workers=max(1, min(workers, len(jobs))))
        try:
            futures: dict[Future[Outcome], _Job] = {
                pool.submit(plan_client, job.client, context, job.source): job for job in jobs
            }
            for future in as_completed(futures):
                yield futures[future].key, _result(future.result, futures[future].source)
        finally:
            # Interrupted: drop what has not started; the rest ends with its process.
            pool.shutdown(wait=True, cancel_futures=True)

    return dispatch


def _dask(address: str) -> Dispatch:
    """Plans on the Dask distributed cluster whose scheduler is at ``address``."""
    from distributed.comm import resolve_address

    def unreachable(error: BaseException) -> InputError:
        return InputError(
            f"cannot reach the Dask scheduler ({_one_line(str(error))})",
            file="command line",
            field="--scheduler",
            value=address,
        )

    try:
        # A malformed address fails here, before any work (and before distributed's Client
        # would hang on it).
        resolve_address(address)
    except (OSError, ValueError) as error:
        raise unreachable(error) from None

    def dispatch(jobs: Sequence[_Job], context: BatchContext) -> Iterator[tuple[str, Outcome]]:
        from distributed import Client as DaskClient
        from distributed import as_completed

        try:
            cluster = DaskClient(address, set_as_default=False)
        except (OSError, TimeoutError, ValueError) as error:
            raise unreachable(error) from None
        with cluster:
            if not jobs:
                return
            # The library travels once to each worker, not once per client.
            shared = cluster.scatter(context, broadcast=True, hash=False)
            futures = {
                cluster.submit(plan_client, job.client, shared, job.source, pure=False): job
                for job in jobs
            }
            try:
                for future in as_completed(futures, loop=cluster.loop):
                    job = futures[future]
                    yield job.key, _result(future.result, job.source)
            finally:
                cluster.cancel(list(futures))

    return dispatch


def _result(get: Callable[[], Outcome], source: str) -> Outcome:
    """A worker's outcome; a worker that died or could not run the task fails its client."""
    try:
        return get()
    except Exception as error:
        return Outcome(FAILED, reason=f"{source}: the worker failed: {_failure(error)}")


def _row(entry: RosterEntry, outcome: Outcome, file: str) -> dict[str, Any]:
    checked = outcome.coach_applicable is not None
    return {
        "client": entry.name,
        "source": entry.source,
        "file": file,
        "status": outcome.status,
        "shortfall": outcome.shortfall if outcome.shortfall is not None else "",
        "short_muscles": ";".join(outcome.short_muscles),
        "coach_check": f"{outcome.coach_passed}/{outcome.coach_applicable}" if checked else "",
        "coach_misses": ";".join(outcome.coach_misses),
        "minutes": outcome.minutes if outcome.minutes is not None else "",
        "minutes_booked": outcome.minutes_booked if outcome.minutes_booked is not None else "",
        "seconds": round(outcome.seconds, 2),
        "reason": outcome.reason,
    }


def _read_manifest(out: Path, warn: Callable[[str], None]) -> dict[str, Any]:
    """Finished clients of an earlier run, by key; empty when there is no usable manifest."""
    path = out / MANIFEST_FILE
    if not path.exists():
        return {}
    try:
        data = iotools.read_json(path)
    except InputError as error:
        warn(f"workbench: {error.line()}; planning every client again")
        return {}
    if not isinstance(data, dict) or data.get("format") != BATCH_FORMAT:
        return {}
    clients = data.get("clients")
    return clients if isinstance(clients, dict) else {}


def plan_roster(
    entries: Sequence[RosterEntry],
    context: BatchContext,
    out: str | os.PathLike[str],
    *,
    workers: int | None = None,
    scheduler: str | None = None,
    force: bool = False,
    progress: bool = False,
    warn: Callable[[str], None] | None = None,
) -> BatchReport:
    """Plan every entry into ``out`` (see the module's docstring) and return the report.

    Finished plans whose input is unchanged are kept unless ``force``. Each outcome is
    written as it arrives (plan, then summary and manifest, each atomically), so an
    interrupted run resumes where it stopped. ``warn`` gets each failure's line
    (default: stderr).
    """
    from tqdm import tqdm

    workers = workers or os.cpu_count() or 1
    dispatch = _dask(scheduler) if scheduler else _local(workers)
    out = iotools.make_folder(out)
    iotools.make_folder(out / PLANS_FOLDER)

    def say(line: str) -> None:
        (warn or (lambda text: tqdm.write(text, file=sys.stderr)))(line)

    digest = context.digest()
    earlier = {} if force else _read_manifest(out, say)
    rows: dict[str, dict[str, Any]] = {}
    finished: dict[str, dict[str, Any]] = {}
    jobs: list[_Job] = []
    by_key = {entry.key: entry for entry in entries}
    for entry in entries:
        if entry.client is None:
            rows[entry.key] = _row(entry, Outcome(BAD_INPUT, reason=entry.error), "")
            say(f"workbench: {entry.error}")
            continue
        wanted = entry.input_hash(digest)
        row = _finished_row(earlier.get(entry.key), wanted)
        if row is not None and (out / _plan_file(entry.key)).is_file():
            rows[entry.key] = {**row, "client": entry.name, "source": entry.source}
            finished[entry.key] = {"input_hash": wanted, "row": rows[entry.key]}
            continue
        jobs.append(_Job(entry.key, entry.source, entry.client))
    report = BatchReport([], kept=len(finished))

    def save() -> None:
        report.rows = [rows[entry.key] for entry in entries if entry.key in rows]
        iotools.write_table(
            SUMMARY_COLUMNS,
            ([row[c] for c in SUMMARY_COLUMNS] for row in report.rows),
            out / SUMMARY_FILE,
        )
        iotools.write_json({"format": BATCH_FORMAT, "clients": finished}, out / MANIFEST_FILE)

    save()
    processes = max(1, min(workers, len(jobs)))
    report.where = (
        f"the Dask cluster at {scheduler}"
        if scheduler
        else f"{processes} local process{'es' if processes > 1 else ''}"
    )
    start = time.perf_counter()
    bar = tqdm(
        total=len(jobs),
        desc="planning",
        unit="client",
        file=sys.stderr,
        disable=not progress or not jobs,
    )
    try:
        for key, outcome in dispatch(jobs, context):
            entry = by_key[key]
            report.attempted += 1
            plan_path = out / _plan_file(key)
            if outcome.status == PLANNED:
                iotools.atomic_write_text(plan_path, outcome.plan_csv)
                rows[key] = _row(entry, outcome, _plan_file(key))
                finished[key] = {"input_hash": entry.input_hash(digest), "row": rows[key]}
                report.planned_now += 1
            else:
                # A plan left from an earlier input is not this client's plan any more.
                plan_path.unlink(missing_ok=True)
                rows[key] = _row(entry, outcome, "")
                say(f"workbench: {outcome.reason}")
            save()
            bar.update()
    finally:
        bar.close()
        report.seconds = time.perf_counter() - start
    save()
    return report


def _finished_row(record: object, wanted: str) -> dict[str, Any] | None:
    """The summary row of a manifest record, when it is a finished plan of the input hashed
    ``wanted``; else None."""
    if not isinstance(record, dict) or record.get("input_hash") != wanted:
        return None
    row = record.get("row")
    if not isinstance(row, dict) or row.get("status") != PLANNED:
        return None
    return row if all(column in row for column in SUMMARY_COLUMNS) else None


def _plan_file(key: str) -> str:
    return f"{PLANS_FOLDER}/{key}.csv"


def run(
    roster: str,
    out: str,
    *,
    library: Sequence[str] | None = None,
    solver: str = "highs",
    workers: int | None = None,
    scheduler: str | None = None,
    force: bool = False,
    quiet: bool = False,
) -> int:
    """``workbench batch``: read the roster, plan it, print what happened; the exit code."""
    folders = list(library) if library else None
    planning_library = iotools.read_library(folders)
    profiles = iotools.read_library_profiles(folders, planning_library)
    context = BatchContext(
        planning_library,
        profiles,
        iotools.read_library_weights(folders),
        SolveOptions(solver=solver),
    )
    entries = read_roster(roster, planning_library, profiles)
    report = plan_roster(
        entries,
        context,
        out,
        workers=workers,
        scheduler=scheduler,
        force=force,
        progress=not quiet and sys.stderr.isatty(),
    )
    if not quiet:
        _print_report(report, roster, Path(out))
    return report.exit_code


def _print_report(report: BatchReport, roster: str, out: Path) -> None:
    total, planned = len(report.rows), report.count(PLANNED)
    failed = total - planned
    kinds = ", ".join(
        f"{report.count(status)} {status.replace('_', ' ')}"
        for status, _ in EXIT_CODES
        if report.count(status)
    )
    print(
        f"Roster {roster}: {total} clients; planned {planned} "
        f"({report.planned_now} now, {report.kept} kept from an earlier run)"
        + (f", {failed} failed ({kinds})" if failed else "")
    )
    if report.attempted:
        print(f"Planned {report.attempted} in {report.seconds:.1f} s on {report.where}")
    plans = "plan" if planned == 1 else "plans"
    print(f"Wrote {out / SUMMARY_FILE} and {planned} {plans} in {out / PLANS_FOLDER}")
