"""Roster planning (`workbench batch`): twenty generated clients, as a folder of client files
and as a roster CSV, planned on local processes and on a Dask LocalCluster give the same plan
bytes; a broken client is one line and one summary row while the rest plan; a rerun keeps
finished plans; exit codes and --help as for `workbench plan`.

The clients are short weeks (one or two sessions): each solves in well under a second, so
the module's forty-odd solves stay within a minute on two cores.
"""

from __future__ import annotations

import csv
import logging
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import DATA

from workbench import batch, cli, iotools
from workbench.batch import SUMMARY_COLUMNS, BatchContext, BatchReport, read_roster
from workbench.check import check_plan
from workbench.client import ROSTER_COLUMNS, Client, client_to_mapping, resolve_targets
from workbench.glossary import LEVELS, WEEKDAYS
from workbench.library import Library
from workbench.optimize import SolveOptions
from workbench.planner import make_plan

KITS = ("travel", "home", "garage", "gym")
BROKEN = "broken"  # a client file / row with a level that does not exist
IMPOSSIBLE = "impossible"  # requires a barbell lift with a band only: no plan
TWENTY = 20


def generated_clients(library: Library) -> list[Client]:
    """Twenty clients with varied kit, level, minutes, weekdays and days (short weeks)."""
    kits = iotools.read_kits(None, library)
    clients = []
    for number in range(1, TWENTY + 1):
        kit = KITS[number % len(KITS)]
        two_days = number in (6, 13)  # garage 2 x 20 min: still quick
        weekdays = ("Mon", "Thu") if two_days else (WEEKDAYS[number % len(WEEKDAYS)],)
        clients.append(
            Client(
                name=f"Client {number:02d} {kit}",
                weekdays=weekdays,
                minutes_per_session=20 if two_days else (15, 20, 30)[number % 3],
                equipment=kits["garage" if two_days else kit].equipment,
                level=LEVELS[number // 3 % len(LEVELS)],
                avoid=("impact",) if number % 5 == 0 else (),
            )
        )
    return clients


def _key(client: Client) -> str:
    return re.sub(r"[^a-z0-9]+", "_", client.name.lower()).strip("_")


def _csv_cell(value: object) -> str:
    if isinstance(value, list):
        return ";".join(value)
    return str(value)


@pytest.fixture(scope="module")
def clients(library: Library) -> list[Client]:
    return generated_clients(library)


@pytest.fixture(scope="module")
def rosters(tmp_path_factory: pytest.TempPathFactory, clients: list[Client]) -> tuple[Path, Path]:
    """The same roster twice: a folder of client files and a roster CSV; each also holds a
    broken client and one that no plan can satisfy."""
    base = tmp_path_factory.mktemp("rosters")
    folder = base / "clients"
    folder.mkdir()
    for client in clients:
        iotools.write_client(client, folder / f"{_key(client)}.toml")
    (folder / f"{BROKEN}.toml").write_text(
        'name = "Broken"\nweekdays = ["Mon"]\nminutes_per_session = 30\nlevel = "expert"\n',
        encoding="utf-8",
    )
    (folder / f"{IMPOSSIBLE}.toml").write_text(
        'name = "Impossible"\nweekdays = ["Mon"]\nminutes_per_session = 30\n'
        'equipment = ["band"]\nrequire = ["barbell_deadlift"]\n',
        encoding="utf-8",
    )
    columns = ["name", "weekdays", "minutes_per_session", "equipment", "level", "avoid", "require"]
    with (base / "roster.csv").open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(columns)
        for client in clients:
            data = client_to_mapping(client)
            writer.writerow([_csv_cell(data.get(column, "")) for column in columns])
        writer.writerow(["Broken", "Mon", "30", "", "expert", "", ""])
        writer.writerow(["Impossible", "Mon", "30", "band", "", "", "barbell_deadlift"])
    return folder, base / "roster.csv"


def _workbench(*args: str) -> subprocess.CompletedProcess[str]:
    """The real command line in a subprocess (stderr is not a terminal: no progress bar)."""
    return subprocess.run(
        [sys.executable, "-m", "workbench.cli", *args],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


@pytest.fixture(scope="module")
def local_run(
    tmp_path_factory: pytest.TempPathFactory, rosters: tuple[Path, Path]
) -> tuple[Path, subprocess.CompletedProcess[str]]:
    """The folder roster planned by `workbench batch` on every local core."""
    out = tmp_path_factory.mktemp("local") / "out"
    return out, _workbench("batch", str(rosters[0]), "--out", str(out))


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    """A Dask LocalCluster: two worker processes of two threads each (clients solved side by
    side on threads of one process: the solvers print nothing and leave stdout alone), no
    dashboard."""
    from distributed import LocalCluster

    with LocalCluster(
        n_workers=2,
        threads_per_worker=2,
        processes=True,
        dashboard_address=None,
        silence_logs=logging.ERROR,
    ) as cluster:
        yield cluster.scheduler_address


@pytest.fixture(scope="module")
def dask_run(
    tmp_path_factory: pytest.TempPathFactory, rosters: tuple[Path, Path], scheduler: str
) -> tuple[Path, int]:
    """The CSV roster planned on the Dask cluster, through the command line in process."""
    out = tmp_path_factory.mktemp("dask") / "out"
    code = cli.main(["batch", str(rosters[1]), "--out", str(out), "--scheduler", scheduler])
    return out, code


def _plans(out: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted((out / "plans").glob("*.csv"))}


def _summary(out: Path) -> list[dict[str, str]]:
    with (out / "summary.csv").open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


# ---- the same plans, locally and on a cluster ---------------------------------------------


def test_local_and_dask_plans_are_byte_identical(
    local_run: tuple[Path, subprocess.CompletedProcess[str]],
    dask_run: tuple[Path, int],
    clients: list[Client],
) -> None:
    local, dask = _plans(local_run[0]), _plans(dask_run[0])
    assert sorted(local) == sorted(f"{_key(c)}.csv" for c in clients)
    assert len(local) == TWENTY
    assert local == dask
    assert dask_run[1] == 2  # the broken row is bad input


def test_a_plan_has_the_bytes_workbench_plan_writes(
    local_run: tuple[Path, subprocess.CompletedProcess[str]],
    rosters: tuple[Path, Path],
    clients: list[Client],
    library: Library,
    profiles: dict,
    tmp_path: Path,
) -> None:
    """What `workbench plan --client FILE --out` does (cli._cmd_plan): make_plan, then
    write_plan; its explanations of a shortfall (extra solves) change no byte of the plan."""
    client = clients[5]  # a two-day week
    path = rosters[0] / f"{_key(client)}.toml"
    result = make_plan(
        library,
        iotools.read_client(path),
        profiles,
        weights=iotools.read_library_weights(None),
        explain=False,
        file=str(path),
    )
    assert result.plan is not None
    alone = iotools.write_plan(result.plan, tmp_path / "alone.csv")
    assert (local_run[0] / "plans" / f"{_key(client)}.csv").read_bytes() == alone.read_bytes()


def test_every_plan_passes_the_independent_checker(
    local_run: tuple[Path, subprocess.CompletedProcess[str]],
    clients: list[Client],
    library: Library,
) -> None:
    for client in clients:
        plan = iotools.read_plan(local_run[0] / "plans" / f"{_key(client)}.csv")
        assert plan.entries
        assert check_plan(plan, library, client, resolve_targets(library, client)) == []


# ---- one client's failure stops no other ----------------------------------------------------


def test_the_command_reports_each_failure_in_one_line(
    local_run: tuple[Path, subprocess.CompletedProcess[str]],
) -> None:
    _out, result = local_run
    assert result.returncode == 2  # bad input, as `workbench plan` gives
    assert "Traceback" not in result.stderr
    lines = sorted(result.stderr.strip().splitlines())
    assert len(lines) == 2, result.stderr  # no progress bar: stderr is not a terminal
    broken, impossible = lines
    assert broken.startswith("workbench: ") and f"{BROKEN}.toml" in broken
    assert "field 'level'" in broken and "'expert'" in broken
    assert f"{IMPOSSIBLE}.toml" in impossible and "barbell_deadlift" in impossible
    assert "no plan meets the hard limits" in impossible
    assert "22 clients; planned 20 (20 now, 0 kept" in result.stdout
    assert "2 failed (1 bad input, 1 no plan)" in result.stdout
    processes = min(os.cpu_count() or 1, TWENTY + 1)  # every core by default
    assert f"on {processes} local process" in result.stdout


def test_the_summary(
    local_run: tuple[Path, subprocess.CompletedProcess[str]], clients: list[Client]
) -> None:
    out = local_run[0]
    with (out / "summary.csv").open(encoding="utf-8", newline="") as stream:
        assert next(csv.reader(stream)) == list(SUMMARY_COLUMNS)
    rows = {row["source"].rsplit("/", 1)[-1]: row for row in _summary(out)}
    assert len(rows) == TWENTY + 2
    for client in clients:
        row = rows[f"{_key(client)}.toml"]
        assert row["client"] == client.name
        assert row["status"] == "planned" and row["reason"] == ""
        assert row["file"] == f"plans/{_key(client)}.csv" and (out / row["file"]).is_file()
        passed, applicable = map(int, row["coach_check"].split("/"))
        assert 0 < passed <= applicable <= 19
        assert float(row["shortfall"]) >= 0
        assert (float(row["shortfall"]) > 0) == bool(row["short_muscles"])
        booked = client.minutes_per_session * len(client.weekdays)
        assert float(row["minutes_booked"]) == booked
        assert 0 < float(row["minutes"]) <= booked
        assert float(row["seconds"]) >= 0
    broken = rows[f"{BROKEN}.toml"]
    assert broken["status"] == "bad_input" and broken["file"] == ""
    assert "field 'level'" in broken["reason"] and "expert" in broken["reason"]
    impossible = rows[f"{IMPOSSIBLE}.toml"]
    assert impossible["status"] == "no_plan" and impossible["file"] == ""
    assert "barbell_deadlift" in impossible["reason"]
    assert not (out / "plans" / f"{BROKEN}.csv").exists()


def test_the_csv_roster_names_the_row(dask_run: tuple[Path, int]) -> None:
    rows = {row["client"]: row for row in _summary(dask_run[0])}
    assert rows["Broken"]["status"] == "bad_input"
    assert rows["Broken"]["source"].endswith("roster.csv row 22")
    assert "roster.csv: row 22, field 'level': 'expert' is not a level" in rows["Broken"]["reason"]
    assert rows["Impossible"]["status"] == "no_plan"
    assert rows["Client 06 garage"]["file"] == "plans/client_06_garage.csv"


def test_a_csv_row_reads_as_its_client_file(
    rosters: tuple[Path, Path], library: Library, profiles: dict
) -> None:
    from_files = read_roster(rosters[0], library, profiles)
    from_rows = read_roster(rosters[1], library, profiles)
    by_key = {entry.key: entry.client for entry in from_files}
    assert len(from_rows) == TWENTY + 2
    for entry in from_rows:
        assert entry.client == by_key[entry.key]


# ---- resuming -------------------------------------------------------------------------------


def test_a_rerun_keeps_finished_plans_and_replans_a_changed_client(
    local_run: tuple[Path, subprocess.CompletedProcess[str]],
    rosters: tuple[Path, Path],
    clients: list[Client],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    roster, out = tmp_path / "clients", tmp_path / "out"
    shutil.copytree(rosters[0], roster)
    shutil.copytree(local_run[0], out)
    before = {path.name: path.stat().st_mtime_ns for path in (out / "plans").iterdir()}
    changed = clients[3]
    iotools.write_client(changed.evolve(minutes_per_session=25), roster / f"{_key(changed)}.toml")
    (roster / f"{BROKEN}.toml").unlink()

    context = _context()
    entries = read_roster(roster, context.library, context.profiles)
    report = batch.plan_roster(entries, context, out, workers=1, progress=True)
    err = capsys.readouterr().err
    assert (report.kept, report.attempted, report.planned_now) == (TWENTY - 1, 2, 1)
    assert "planning" in err and "2/2" in err  # the progress bar, when asked for
    after = {path.name: path.stat().st_mtime_ns for path in (out / "plans").iterdir()}
    for name, stamp in before.items():
        assert (after[name] == stamp) == (name != f"{_key(changed)}.csv"), name
    rows = {row["client"]: row for row in _summary(out)}
    assert len(rows) == TWENTY + 1  # the broken client left the roster
    assert all(row["status"] == "planned" for name, row in rows.items() if name != "Impossible")
    assert float(rows[changed.name]["minutes_booked"]) == 25

    # Unchanged input: nothing is planned again (only the client with no plan is retried),
    # and the planned clients' rows are kept as they were, solve seconds included.
    again = batch.plan_roster(entries, context, out, workers=1)
    assert (again.kept, again.attempted, again.planned_now) == (TWENTY, 1, 0)
    kept = {row["client"]: row for row in _summary(out)}
    assert {name: row for name, row in kept.items() if name != "Impossible"} == {
        name: row for name, row in rows.items() if name != "Impossible"
    }


def test_force_plans_every_client_again(tmp_path: Path, clients: list[Client]) -> None:
    roster = tmp_path / "two"
    roster.mkdir()
    for client in (clients[11], clients[15]):  # the quickest two
        iotools.write_client(client, roster / f"{_key(client)}.toml")
    context = _context()
    entries = read_roster(roster, context.library, context.profiles)
    first = batch.plan_roster(entries, context, tmp_path / "out", workers=1)
    assert (first.planned_now, first.kept) == (2, 0)
    kept = batch.plan_roster(entries, context, tmp_path / "out", workers=1)
    assert (kept.planned_now, kept.kept) == (0, 2)
    forced = batch.plan_roster(entries, context, tmp_path / "out", workers=1, force=True)
    assert (forced.planned_now, forced.kept) == (2, 0)
    # A manifest that cannot be read is said once, and every client is planned again.
    (tmp_path / "out" / "manifest.json").write_text("{not json", encoding="utf-8")
    warned: list[str] = []
    again = batch.plan_roster(entries, context, tmp_path / "out", workers=1, warn=warned.append)
    assert (again.planned_now, again.kept) == (2, 0)
    assert len(warned) == 1 and "manifest.json" in warned[0] and "not valid JSON" in warned[0]
    assert "planning every client again" in warned[0]
    # Another solver is another input: a rerun with it plans every client again.
    cbc = BatchContext(context.library, context.profiles, context.weights, SolveOptions("cbc"))
    assert cbc.digest() != context.digest()
    assert entries[0].input_hash(cbc.digest()) != entries[0].input_hash(context.digest())


def _context() -> BatchContext:
    library = iotools.read_library(DATA)
    return BatchContext(
        library, iotools.read_library_profiles(None, library), iotools.read_library_weights(None)
    )


# ---- the command line -----------------------------------------------------------------------


def _call(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    try:
        code = cli.main(list(args))
    except SystemExit as stop:
        code = int(stop.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def _one_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err
    return lines[0]


@pytest.mark.parametrize(
    ("roster", "expected"),
    [
        ("nobody.csv", ["nobody.csv", "not found"]),
        ("empty", ["empty", "holds no client file"]),
        ("unknown.csv", ["unknown.csv", "row 1", "field 'colour'", "unknown column"]),
        ("header.csv", ["header.csv", "no client row"]),
        ("notes.txt", ["notes.txt", "neither a folder"]),
    ],
)
def test_a_roster_that_cannot_be_read_is_one_line_exit_2(
    roster: str, expected: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "empty").mkdir()
    (tmp_path / "unknown.csv").write_text("name,colour\nSam,red\n", encoding="utf-8")
    (tmp_path / "header.csv").write_text("name,minutes_per_session\n", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("hello\n", encoding="utf-8")
    code, out, err = _call(capsys, "batch", str(tmp_path / roster), "--out", str(tmp_path / "o"))
    assert code == 2
    line = _one_line(err)
    for word in expected:
        assert word in line
    assert out == ""


def test_bad_rows_fail_alone(tmp_path: Path, library: Library, profiles: dict) -> None:
    roster = tmp_path / "roster.csv"
    roster.write_text(
        "name,days_per_week,minutes_per_session,equipment,priorities.gluteus_maximus\n"
        "Sam,3,45,kettlebell band pullup_bar,2\n"
        "Sam,2,abc,band,\n"
        "Kim,2,30,band,1,extra\n"
        ",2,30,kettlebel,\n"
        "Lee,2,30,band,-1\n",
        encoding="utf-8",
    )
    entries = read_roster(roster, library, profiles)
    assert [e.key for e in entries] == ["sam", "sam-2", "kim", "row_5", "lee"]
    sam = entries[0].client
    assert sam is not None and sam.weekdays == ("Mon", "Wed", "Fri")
    assert sam.equipment == ("kettlebell", "band", "pullup_bar")
    assert sam.priorities == {"gluteus_maximus": 2.0}
    errors = [entry.error for entry in entries[1:]]
    assert errors[0].endswith(
        "roster.csv: row 3, field 'minutes_per_session': 'abc' is not a number"
    )
    assert "row 4" in errors[1] and "has 6 cells where the header has 5" in errors[1]
    assert "row 5, field 'equipment'" in errors[2] and "'kettlebel'" in errors[2]
    assert "row 6, field 'priorities.gluteus_maximus'" in errors[3] and "-1" in errors[3]


def test_an_unreachable_scheduler_is_one_line_exit_2(
    rosters: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _out, err = _call(
        capsys, "batch", str(rosters[1]), "--out", str(tmp_path / "o"), "--scheduler", "nonsense:::"
    )
    assert code == 2
    lines = err.strip().splitlines()
    assert "Traceback" not in err
    assert lines[0].startswith("workbench: command line: field '--scheduler'")
    assert "cannot reach the Dask scheduler" in lines[0]


def test_the_exit_code_follows_workbench_plan() -> None:
    def report(*statuses: str) -> BatchReport:
        return BatchReport([{"status": status} for status in statuses])

    assert report("planned", "planned").exit_code == 0
    assert report("planned", "failed").exit_code == 1
    assert report("no_plan", "failed").exit_code == 3
    assert report("failed", "no_plan", "bad_input").exit_code == 2


def test_help_documents_the_roster_and_the_summary(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = _call(capsys, "batch", "--help")
    assert code == 0
    text = " ".join(out.split())
    for column in (*ROSTER_COLUMNS, *SUMMARY_COLUMNS):
        assert column in text, column
    for option in ("--out", "--library", "--solver", "--workers", "--scheduler", "--force"):
        assert option in text
    assert "--quiet" in text and "Exit codes" in text
