"""Fuzz: over a thousand mangled library, client and plan files through the command line.

The shipped library CSVs (the four files ``iotools.read_library`` reads from a folder), the
example client files and a plan CSV are mangled deterministically (tests/mangle.py: seeded
cell, row, header, encoding and TOML mangles) and handed to ``workbench.cli.main`` in this
process — ``library validate`` and ``check`` for every file, ``plan`` where the input is refused
(no solve) and on a small sample of mangled libraries that still validate. Every run must end
with one of the command's exit codes and never a traceback; exit 2 is one line (``validate``:
one line per problem) naming the file and, for a cell, its row, field and value; a file that
only looks different (BOM, CRLF, padding, an extra column) is accepted; a plan made on a
mangled library passes the checker. A few cases are run again as real subprocesses.
"""

from __future__ import annotations

import contextlib
import io
import os
import random
import re
import shutil
import subprocess
import traceback
from collections.abc import Iterator
from dataclasses import astuple, dataclass
from pathlib import Path

import mangle
import pytest
from conftest import DATA, VENV_BIN

from workbench import cli, iotools
from workbench.check import check_plan
from workbench.client import resolve_targets
from workbench.plan import build_plan

LIBRARY_FILES = ("muscles.csv", "equipment.csv", "exercises.csv", "families.csv")
CLIENT_FILES = tuple(sorted(p.name for p in (DATA / "clients").glob("*.toml")))
LIBRARY_REPEATS = 5  # per mangle kind and file: 36 kinds x 4 files x 5 = 720 libraries
#: Client kinds drawn at random run this often per client; those with a table of cases run
#: every case on every client (45 wrong types, 31 impossible values, 13 bad tables, ...):
#: 137 files per client, 548 in all.
CLIENT_REPEATS = 6
PLAN_REPEATS = 8  # 16 kinds x 8 = 128 plan files
PLAN_KINDS = (
    "non_numeric",
    "unknown_reference",
    "delete_cell",
    "duplicate_cell",
    "extra_cell",
    "swap_cells",
    "truncate_line",
    "truncate_file",
    "rename_header",
    "drop_header",
    "empty_file",
    "bad_encoding",
    "bom",
    "crlf",
    "stray_quote",
    "garbage",
)
#: Library mangles planned once each, on the file named, when the library still validates:
#: a plan takes about a second, so a sample, not every case.
PLANNED = {
    "other_values": "exercises.csv",
    "delete_row": "exercises.csv",
    "shuffle_rows": "exercises.csv",
    "padded_cells": "muscles.csv",
    "crlf": "muscles.csv",
    "extra_column": "families.csv",
    "blank_lines": "equipment.csv",
    "bom": "families.csv",
}
#: The client the library mangles are checked with and the plan it is checked against.
CHECK_CLIENT = "clients/full_gym.toml"
BASE_PLAN = {
    ("kettlebell_swing", "Mon"): 4,
    ("glute_bridge", "Mon"): 3,
    ("pull_up", "Wed"): 3,
    ("single_leg_calf_raise", "Fri"): 2,
    ("dumbbell_row", "Fri"): 3,
}
#: A client whose plan is quick to make: one 15-minute session with a band.
SMALL_CLIENT = """name = "Fuzz"
weekdays = ["Mon"]
minutes_per_session = 15
equipment = ["band"]
level = "beginner"
"""

#: One line of a message: ``file: row R, field 'F': message`` (the location parts optional).
LINE = re.compile(
    r"^(?P<file>[^:]+): (?:row (?P<row>\d+)(?:, field '(?P<row_field>[^']*)')?: "
    r"|field '(?P<field>[^']*)': )?(?P<message>.+)$"
)


#: What a one-line message adds when a library has more problems than the one it shows.
MORE = re.compile(r" \(and \d+ more problems?\)$")


class Fault(AssertionError):
    """One case's broken promise."""


@dataclass(frozen=True)
class Problem:
    file: str
    row: int | None
    field: str | None
    message: str

    @classmethod
    def parse(cls, line: str) -> Problem:
        match = LINE.match(line)
        if match is None:
            raise Fault(f"not a 'file: row, field: message' line: {line!r}")
        row = match["row"]
        return cls(
            match["file"],
            int(row) if row else None,
            match["row_field"] or match["field"],
            match["message"],
        )

    def matches(self, label: str, spot: mangle.Spot) -> bool:
        field_ok = spot.field is None or (
            self.field is not None
            and (self.field == spot.field or self.field.startswith(spot.field + "."))
        )
        return (
            self.file == label
            and (spot.row is None or self.row == spot.row)
            and field_ok
            and (spot.value is None or spot.value in self.message)
            and (spot.words is None or spot.words in self.message)
        )


@dataclass(frozen=True)
class Run:
    argv: tuple[str, ...]
    code: int | None
    out: str
    err: str

    def __str__(self) -> str:
        return f"workbench {' '.join(self.argv)} -> {self.code}\n{self.out[-600:]}{self.err[-900:]}"


def run_cli(*argv: str) -> Run:
    """``workbench.cli.main`` in this process; an exception escaping it is a Fault."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = cli.main(list(argv))
        except SystemExit as stop:  # argparse
            code = stop.code if isinstance(stop.code, int) else None
        except Exception:
            raise Fault(
                f"an exception escaped main ({' '.join(argv)}):\n{traceback.format_exc()}"
            ) from None
    return Run(argv, code, out.getvalue(), err.getvalue())


def expect(condition: bool, what: str, run: Run | None = None) -> None:
    if not condition:
        raise Fault(f"{what}\n{run}" if run is not None else what)


def no_traceback(run: Run) -> None:
    expect("Traceback" not in run.out + run.err, "a traceback in the output", run)


def one_line(run: Run) -> Problem:
    """Exit 2 of plan, check or coverage: nothing on stdout, one line on stderr."""
    lines = run.err.strip().splitlines()
    expect(len(lines) == 1 and run.out == "", "exit 2 is not exactly one line", run)
    expect(lines[0].startswith("workbench: "), "the line does not start 'workbench: '", run)
    return Problem.parse(lines[0].removeprefix("workbench: "))


def validate_problems(run: Run) -> list[Problem]:
    """Exit 2 of ``library validate``: every problem on stdout and their count on stderr, or
    (a file that cannot be read as CSV at all) one line on stderr."""
    if run.out:
        problems = [Problem.parse(line) for line in run.out.splitlines()]
        expect(run.err.strip() == f"{len(problems)} problem(s)", "no problem count", run)
        return problems
    return [one_line(run)]


@dataclass(frozen=True)
class Workspace:
    root: Path
    texts: dict[str, str]  # the unmangled library and client files, by name

    def put(self, relative: str, data: bytes) -> None:
        (self.root / relative).write_bytes(data)

    def restore_library(self) -> None:
        for name in LIBRARY_FILES:
            (self.root / "lib" / name).write_text(self.texts[name], encoding="utf-8")


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory, library) -> Iterator[Workspace]:
    """A folder holding ``lib/`` (the shipped CSVs), ``clients/`` and ``plan.csv``, made the
    working folder so that every message names files as ``lib/exercises.csv``."""
    root = tmp_path_factory.mktemp("fuzz")
    for folder in ("lib", "clients", "plans", "out"):
        (root / folder).mkdir()
    texts = {}
    for name in LIBRARY_FILES:
        texts[name] = (DATA / name).read_text(encoding="utf-8")
    for name in CLIENT_FILES:
        texts[name] = (DATA / "clients" / name).read_text(encoding="utf-8")
        shutil.copy(DATA / "clients" / name, root / "clients" / name)
    (root / "clients" / "small.toml").write_text(SMALL_CLIENT, encoding="utf-8")
    iotools.write_plan(build_plan(library, ("Mon", "Wed", "Fri"), BASE_PLAN), root / "plan.csv")
    texts["plan.csv"] = (root / "plan.csv").read_text(encoding="utf-8")
    space = Workspace(root, texts)
    space.restore_library()
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(root)
        yield space


def _rng(*parts: object) -> random.Random:
    # A string seed is hashed with SHA-512, not Python's salted hash: the same on every run.
    return random.Random(":".join(map(str, parts)))


def _failures(cases: Iterator[str | None]) -> list[str]:
    return [failure for failure in cases if failure is not None]


def _report(failures: list[str], total: int) -> None:
    assert not failures, f"{len(failures)} of {total} cases broke a promise:\n\n" + "\n\n".join(
        failures[:8]
    )


# ---- mangled libraries ------------------------------------------------------------------------


def _library_case(space: Workspace, name: str, kind: str, repeat: int) -> tuple[Run, Run, str]:
    """Mangle one library file; validate the folder and check the base plan on it."""
    data, spot = mangle.CSV_MANGLERS[kind](
        mangle.CsvFile(name, space.texts[name]), _rng(name, kind, repeat)
    )
    space.restore_library()
    space.put(f"lib/{name}", data)
    validate = run_cli("library", "validate", "lib")
    check = run_cli("check", "plan.csv", "--client", CHECK_CLIENT, "--library", "lib")
    label = f"lib/{name}"
    for run in (validate, check):
        no_traceback(run)
    expect(validate.code in (0, 2), "validate exits neither 0 nor 2", validate)
    expect(check.code in (0, 1, 2), "check exits neither 0, 1 nor 2", check)
    if validate.code == 0:
        expect(validate.out.startswith("lib: ") and validate.err == "", "validate's OK", validate)
    else:
        problems = validate_problems(validate)
        files = {f"lib/{n}" for n in LIBRARY_FILES}
        expect(all(p.file in files for p in problems), "a problem names no library file", validate)
        # A library validate refuses, check refuses too, naming a problem validate names.
        expect(check.code == 2, "check accepts a library that validate refuses", check)
        first = one_line(check)
        alone = MORE.sub("", first.message)
        expect(
            (first.file, first.row, first.field, alone) == astuple(problems[0]),
            "check's line is not validate's first problem",
            check,
        )
    if check.code == 1:
        lines = check.out.strip().splitlines()
        listed = bool(lines) and all(line.startswith("plan.csv: ") for line in lines)
        expect(listed, "exit 1 without the violations listed, each naming the plan", check)
    if spot is mangle.VALID:
        expect(validate.code == 0, f"{kind} must be accepted", validate)
    elif spot is not None:
        expect(validate.code == 2, f"{kind} must be refused", validate)
        expect(
            any(p.matches(label, spot) for p in validate_problems(validate)),
            f"no problem names {label} at {spot}",
            validate,
        )
        expect(one_line(check).matches(label, spot), f"check's line misses {spot}", check)
    return validate, check, label


@pytest.mark.parametrize("kind", list(mangle.CSV_MANGLERS))
def test_mangled_libraries(kind: str, workspace: Workspace) -> None:
    failures: list[str] = []
    for name in LIBRARY_FILES:
        for repeat in range(LIBRARY_REPEATS):
            try:
                _library_case(workspace, name, kind, repeat)
            except Fault as fault:
                failures.append(f"library {name} {kind} #{repeat}: {fault}")
    workspace.restore_library()
    _report(failures, len(LIBRARY_FILES) * LIBRARY_REPEATS)


@pytest.mark.parametrize(("kind", "name"), PLANNED.items())
def test_a_plan_on_a_mangled_library_passes_the_checker(
    kind: str, name: str, workspace: Workspace
) -> None:
    """The first case of ``kind`` on ``name`` whose library still validates is planned."""
    for repeat in range(LIBRARY_REPEATS):
        validate, _check, _label = _library_case(workspace, name, kind, repeat)
        if validate.code == 0:
            try:
                _plan_on_mangled_library(workspace, f"{kind}-{name}-{repeat}")
            finally:
                workspace.restore_library()
            return
    workspace.restore_library()
    pytest.fail(f"no {kind} of {name} validates: choose another file for the sample")


def _plan_on_mangled_library(space: Workspace, tag: str) -> None:
    """A library that still validates plans, and its plan passes the checker (the command's
    and this test's own call)."""
    out = f"out/{tag}.csv"
    planned = run_cli("plan", "--client", "clients/small.toml", "--library", "lib", "--out", out)
    no_traceback(planned)
    expect(planned.code == 0, "no plan on a library that validates", planned)
    checked = run_cli("check", out, "--client", "clients/small.toml", "--library", "lib")
    expect(checked.code == 0, "a plan on a mangled library fails the checker", checked)
    mangled = iotools.read_library("lib")
    client = iotools.read_client("clients/small.toml")
    plan = iotools.read_plan(out)
    expect(len(plan.entries) > 0, "an empty plan checks nothing", planned)
    expect(check_plan(plan, mangled, client, resolve_targets(mangled, client)) == [], "check_plan")


# ---- mangled client files ---------------------------------------------------------------------


def _client_variants(kind: str) -> range:
    return range(len(mangle.TOML_TABLES.get(kind, ())) or CLIENT_REPEATS)


def _client_case(space: Workspace, name: str, kind: str, variant: int) -> None:
    rng = _rng(name, kind, variant)
    data, spot = mangle.toml_outcome(space.texts[name], rng, kind, variant)
    label = "clients/mangled.toml"
    space.put(label, data)
    check = run_cli("check", "plan.csv", "--client", label)
    no_traceback(check)
    expect(check.code in (0, 1, 2), "check exits neither 0, 1 nor 2", check)
    if check.code == 2:
        problem = one_line(check)
        expect(problem.file == label, "the line does not name the client file", check)
        # plan reads the client the same way and refuses it with the same words.
        planned = run_cli("plan", "--client", label)
        no_traceback(planned)
        expect(planned.code == 2, "plan accepts a client that check refuses", planned)
        expect(one_line(planned) == problem, "plan and check word it differently", planned)
    if spot is mangle.VALID:
        expect(check.code in (0, 1), f"{kind} must be accepted", check)
    elif spot is not None:
        expect(check.code == 2, f"{kind} must be refused", check)
        expect(one_line(check).matches(label, spot), f"the line misses {spot}", check)


@pytest.mark.parametrize("kind", mangle.TOML_KINDS)
def test_mangled_client_files(kind: str, workspace: Workspace) -> None:
    failures = []
    for name in CLIENT_FILES:
        for variant in _client_variants(kind):
            try:
                _client_case(workspace, name, kind, variant)
            except Fault as fault:
                failures.append(f"client {name} {kind} #{variant}: {fault}")
    _report(failures, len(CLIENT_FILES) * len(_client_variants(kind)))


# ---- mangled plan files -----------------------------------------------------------------------


def _plan_case(space: Workspace, kind: str, repeat: int) -> None:
    plan_file = mangle.CsvFile("plan.csv", space.texts["plan.csv"])
    data, spot = mangle.CSV_MANGLERS[kind](plan_file, _rng("plan.csv", kind, repeat))
    label = "plans/mangled.csv"
    space.put(label, data)
    check = run_cli("check", label, "--client", CHECK_CLIENT)
    covered = run_cli("coverage", label)
    for run in (check, covered):
        no_traceback(run)
    expect(check.code in (0, 1, 2), "check exits neither 0, 1 nor 2", check)
    expect(covered.code in (0, 2), "coverage exits neither 0 nor 2", covered)
    if check.code == 2:
        expect(one_line(check).file == label, "the line does not name the plan file", check)
    if covered.code == 2:
        expect(one_line(covered).file == label, "the line does not name the plan file", covered)
    if spot is mangle.VALID:
        expect(check.code in (0, 1) and covered.code == 0, f"{kind} must be accepted", check)
    elif spot is not None:
        for run in (check, covered):
            expect(run.code == 2, f"{kind} must be refused", run)
            expect(one_line(run).matches(label, spot), f"the line misses {spot}", run)


@pytest.mark.parametrize("kind", PLAN_KINDS)
def test_mangled_plan_files(kind: str, workspace: Workspace) -> None:
    failures = []
    for repeat in range(PLAN_REPEATS):
        try:
            _plan_case(workspace, kind, repeat)
        except Fault as fault:
            failures.append(f"plan {kind} #{repeat}: {fault}")
    _report(failures, PLAN_REPEATS)


def test_the_fuzz_covers_over_a_thousand_files() -> None:
    libraries = len(mangle.CSV_MANGLERS) * len(LIBRARY_FILES) * LIBRARY_REPEATS
    clients = sum(len(_client_variants(kind)) for kind in mangle.TOML_KINDS) * len(CLIENT_FILES)
    plans = len(PLAN_KINDS) * PLAN_REPEATS
    assert libraries + clients + plans >= 1000
    assert libraries >= 500 and clients >= 200


# ---- the real command line --------------------------------------------------------------------

SUBPROCESS_CASES = [
    ("library", "exercises.csv", "non_numeric", 0),
    ("library", "muscles.csv", "delete_cell", 1),
    ("library", "equipment.csv", "bom", 0),
    ("client", "fighter.toml", "wrong_type", 2),
]


@pytest.mark.parametrize(("target", "name", "kind", "repeat"), SUBPROCESS_CASES)
def test_a_real_process_says_the_same(
    target: str, name: str, kind: str, repeat: int, workspace: Workspace
) -> None:
    """The installed ``workbench`` command, in its own process, gives the same exit code and
    the same words as ``main`` in this one."""
    if target == "library":
        _library_case(workspace, name, kind, repeat)
        argv = ("check", "plan.csv", "--client", CHECK_CLIENT, "--library", "lib")
    else:
        _client_case(workspace, name, kind, repeat)
        argv = ("check", "plan.csv", "--client", "clients/mangled.toml")
    inside = run_cli(*argv)
    real = subprocess.run(
        [str(VENV_BIN / "workbench"), *argv],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=workspace.root,
        env={**os.environ, "PYTHONWARNINGS": "ignore"},
        check=False,
    )
    workspace.restore_library()
    assert (real.returncode, real.stdout, real.stderr) == (inside.code, inside.out, inside.err)
