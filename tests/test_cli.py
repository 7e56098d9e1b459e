"""The command line: exit codes 0/1/2/3, one-line messages, overrides, --help everywhere."""

from __future__ import annotations

import argparse
import csv
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import DATA, VENV_BIN

from workbench import cli, iotools
from workbench.check import check_plan
from workbench.client import resolve_targets

WORKBENCH = str(VENV_BIN / "workbench")
CLIENTS = DATA / "clients"
FULL_GYM = str(CLIENTS / "full_gym.toml")
HOME = str(CLIENTS / "home_kettlebell.toml")


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [WORKBENCH, *args], capture_output=True, text=True, timeout=300, cwd=cwd, check=False
    )


def call(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """``workbench.cli.main`` in this process: exit code, stdout, stderr."""
    try:
        code = cli.main(list(args))
    except SystemExit as stop:  # argparse: --help and usage errors
        code = int(stop.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def one_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err
    return lines[0]


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


# ---- the happy path, through a real subprocess ---------------------------------------------------


def test_plan_check_coverage_end_to_end(tmp_path: Path, library) -> None:
    plan_csv = tmp_path / "plan.csv"
    planned = run("plan", "--client", FULL_GYM, "--out", str(plan_csv))
    assert planned.returncode == 0, planned.stderr
    assert planned.stderr == ""
    assert "proven optimal" in planned.stdout
    assert "weighted shortfall 0 " in planned.stdout
    assert "SHORT" not in planned.stdout
    plan = iotools.read_plan(plan_csv)
    client = iotools.read_client(FULL_GYM)
    assert check_plan(plan, library, client, resolve_targets(library, client)) == []

    checked = run("check", str(plan_csv), "--client", FULL_GYM)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "every hard limit holds" in checked.stdout

    coverage_csv = tmp_path / "coverage.csv"
    covered = run("coverage", str(plan_csv), "--client", FULL_GYM, "--out", str(coverage_csv))
    assert covered.returncode == 0, covered.stderr
    with coverage_csv.open(encoding="utf-8") as stream:
        rows = list(csv.DictReader(stream))
    posterior = [r for r in rows if r["chain"] == "posterior"]
    assert len(posterior) == 16 and all(r["status"] != "short" for r in posterior)


def test_bad_input_in_a_subprocess_is_one_line_exit_2(tmp_path: Path) -> None:
    client = _write(
        tmp_path / "sam.toml", "weekdays = ['Mon']\nminutes_per_session = 30\ncolour = 'red'\n"
    )
    result = run("plan", "--client", str(client))
    assert result.returncode == 2
    line = one_line(result.stderr)
    assert "sam.toml" in line and "field 'colour'" in line and "unknown key" in line
    assert result.stdout == ""


def test_check_exit_1_lists_each_violation(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan_csv = tmp_path / "gym.csv"
    assert call(capsys, "plan", "--client", FULL_GYM, "--out", str(plan_csv))[0] == 0
    code, out, _err = call(capsys, "check", str(plan_csv), "--client", HOME)
    assert code == 1
    lines = out.strip().splitlines()
    # Gym equipment the home client lacks, and 60-minute sessions where 45 are booked.
    assert any("limit 3 (equipment available)" in line for line in lines)
    assert all("limit 3 (equipment" in line or "limit 2 (session minutes" in line for line in lines)
    assert all(line.startswith(str(plan_csv)) for line in lines)


# ---- bad input: exit 2 with file, row, field and value --------------------------------------


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--equipment", "kettlebel"], ["command line", "--equipment", "kettlebel"]),
        (["--minutes", "abc"], ["command line", "--minutes", "abc"]),
        (["--minutes", "0"], ["--minutes", "0"]),
        (["--days", "9"], ["--days", "9"]),
        (["--weekdays", "Mon,Funday"], ["--weekdays", "Funday"]),
        (["--level", "expert"], ["--level", "expert"]),
        (["--sport", "boxing"], ["--sport", "boxing"]),
        (["--avoid", "knees"], ["--avoid", "knees"]),
        (["--require", "moon_walk"], ["--require", "moon_walk"]),
        (["--ban", "moon_walk"], ["--ban", "moon_walk"]),
        (["--max-sets", "11"], ["--max-sets", "11"]),
        (["--min-sets", "0"], ["--min-sets", "0"]),
        (
            ["--require", "kettlebell_swing", "--ban", "kettlebell_swing"],
            ["--ban", "kettlebell_swing", "both required and banned"],
        ),
        (["--min-sets", "4", "--max-sets", "3"], ["--min-sets", "4", "above"]),
        (["--max-exercises", "0"], ["--max-exercises", "0"]),
        (["--max-exercises", "many"], ["--max-exercises", "many"]),
        (["--time-limit", "never"], ["--time-limit", "never"]),
        (["--solver", "glpk"], ["--solver", "glpk"]),
        (["--library", "/no/such/folder"], ["folder"]),
    ],
)
def test_bad_options(
    args: list[str], expected: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = call(capsys, "plan", "--client", HOME, *args)
    assert code == 2
    line = one_line(err)
    for word in expected:
        assert word in line
    assert out == ""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("weekdays = ['Mon']\nminutes_per_session = 30\ncolour = 'red'\n", ["field 'colour'"]),
        ("weekdays = ['Mon'\n", ["not valid TOML"]),
        ("weekdays = ['Mon']\nminutes_per_session = -5\n", ["field 'minutes_per_session'", "-5"]),
        (
            "weekdays = ['Mon']\nminutes_per_session = 30\nrequire = ['moon_walk']\n",
            ["field 'require'", "moon_walk"],
        ),
        (
            "weekdays = ['Mon']\nminutes_per_session = 30\n[priorities]\nglutes = 2\n",
            ["priorities.glutes"],
        ),
    ],
)
def test_bad_client_files(
    text: str, expected: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write(tmp_path / "sam.toml", text)
    code, _out, err = call(capsys, "plan", "--client", str(path))
    assert code == 2
    line = one_line(err)
    assert "sam.toml" in line
    for word in expected:
        assert word in line


def test_missing_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = call(capsys, "plan", "--client", str(tmp_path / "nobody.toml"))
    assert code == 2 and "nobody.toml" in one_line(err)
    code, _out, err = call(capsys, "check", str(tmp_path / "nothing.csv"), "--client", HOME)
    assert code == 2 and "nothing.csv" in one_line(err)
    code, _out, err = call(capsys, "coverage", str(tmp_path / "nothing.csv"))
    assert code == 2 and "nothing.csv" in one_line(err)


def _broken_library(tmp_path: Path) -> Path:
    folder = tmp_path / "lib"
    shutil.copytree(
        DATA, folder, ignore=shutil.ignore_patterns("clients", "sports", "*.md", "*.toml")
    )
    lines = (folder / "exercises.csv").read_text(encoding="utf-8").splitlines()
    lines[3] = lines[3].replace(",hinge,", ",hinje,", 1)  # row 4
    lines[9] = lines[9].replace(",beginner,", ",expert,", 1)  # row 10
    lines[20] = lines[20].replace("erector_spinae", "lower_back", 1)  # row 21
    (folder / "exercises.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def test_bad_library_row_in_plan(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = _broken_library(tmp_path)
    code, _out, err = call(capsys, "plan", "--client", HOME, "--library", str(folder))
    assert code == 2
    line = one_line(err)
    assert "exercises.csv: row 4, field 'pattern'" in line and "hinje" in line
    assert "(and 2 more problems)" in line


def test_library_validate_reports_every_problem(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _broken_library(tmp_path)
    code, out, err = call(capsys, "library", "validate", str(folder))
    assert code == 2
    lines = out.strip().splitlines()
    assert len(lines) == 3
    assert "row 4, field 'pattern'" in lines[0] and "hinje" in lines[0]
    assert "row 10, field 'level'" in lines[1] and "expert" in lines[1]
    assert "row 21, field '" in lines[2] and "muscles'" in lines[2] and "lower_back" in lines[2]
    assert all("exercises.csv" in line for line in lines)
    assert "3 problem" in err
    code, out, _err = call(capsys, "library", "validate", str(DATA))
    assert code == 0 and "no problems" in out
    code, out, _err = call(capsys, "library", "validate")
    assert code == 0 and "no problems" in out


def test_plan_with_unknown_exercise_in_coverage(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan_csv = tmp_path / "plan.csv"
    assert call(capsys, "plan", "--client", HOME, "--out", str(plan_csv))[0] == 0
    text = plan_csv.read_text(encoding="utf-8").splitlines()
    cells = text[2].split(",")
    cells[3] = "moon_walk"
    text[2] = ",".join(cells)
    plan_csv.write_text("\n".join(text) + "\n", encoding="utf-8")
    code, _out, err = call(capsys, "coverage", str(plan_csv))
    assert code == 2
    line = one_line(err)
    assert "row 3" in line and "exercise_id" in line and "moon_walk" in line
    code, out, _err = call(capsys, "check", str(plan_csv), "--client", HOME)
    assert code == 1 and "moon_walk" in out


# ---- no plan under the hard limits: exit 3 with what conflicts -------------------------------------


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--require", "barbell_deadlift"], "required 'barbell_deadlift' needs barbell"),
        (["--level", "beginner", "--require", "kettlebell_snatch"], "is advanced"),
        (["--minutes", "2", "--require", "kettlebell_deadlift"], "more than the 2-min session"),
        (
            [
                "--weekdays",
                "Mon",
                "--minutes",
                "8",
                "--require",
                "kettlebell_swing,kettlebell_deadlift",
            ],
            "time: longer sessions would allow a plan",
        ),
        (
            [
                "--weekdays",
                "Mon,Tue",
                "--minutes",
                "5",
                "--require",
                "kettlebell_swing,kettlebell_deadlift",
            ],
            "recovery: other weekdays",
        ),
        (["--minutes", "3", "--require", "kettlebell_swing"], "takes 4 min for its 2 sets"),
    ],
)
def test_impossible_limits_exit_3(
    args: list[str], expected: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = call(capsys, "plan", "--client", HOME, *args)
    assert code == 3
    line = one_line(err)
    assert "no plan meets the hard limits" in line
    assert expected in line
    assert out == ""


def test_required_exercises_above_a_maximum_exit_3(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    client = _write(
        tmp_path / "capped.toml",
        "weekdays = ['Mon', 'Thu']\nminutes_per_session = 30\nequipment = ['kettlebell']\n"
        "require = ['kettlebell_swing', 'kettlebell_deadlift']\n"
        "[targets.hamstrings]\nmin = 0\nmax = 1\n",
    )
    code, _out, err = call(capsys, "plan", "--client", str(client))
    assert code == 3
    assert "maximum" in one_line(err)


def test_strict_with_a_shortfall_exits_3(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out_csv = tmp_path / "plan.csv"
    args = ["plan", "--client", HOME, "--weekdays", "Mon", "--minutes", "20", "--equipment", "band"]
    code, out, err = call(capsys, *args, "--strict", "--out", str(out_csv))
    assert code == 3
    line = one_line(err)
    assert "--strict: muscles left short" in line and "(time)" in line
    assert "best single change: 35 min a session (+15)" in line or "one more day" in line
    assert "Left short" in out and "What relaxing buys" in out
    assert not out_csv.exists()  # nothing written under --strict
    code, out, err = call(capsys, *args)  # without --strict the short plan is an answer
    assert code == 0 and err == "" and "Left short" in out


def test_strict_without_a_shortfall_exits_0(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fighter = str(DATA / "clients" / "fighter.toml")
    code, out, err = call(capsys, "plan", "--client", fighter, "--strict", "--solver", "cbc")
    assert code == 0, err
    assert "(cbc," in out


# ---- options override the client file ------------------------------------------------------------


def test_options_override_the_client_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], library
) -> None:
    out_csv = tmp_path / "plan.csv"
    code, out, err = call(
        capsys,
        "plan",
        "--client", FULL_GYM,
        "--weekdays", "Tue,Sat",
        "--minutes", "25",
        "--equipment", "band,kettlebell",
        "--level", "beginner",
        "--avoid", "explosive",
        "--require", "band_pull_apart",
        "--ban", "glute_bridge",
        "--max-sets", "3",
        "--time-limit", "60",
        "--out", str(out_csv),
    )  # fmt: skip
    assert code == 0, err
    plan = iotools.read_plan(out_csv)
    assert {e.weekday for e in plan.entries} <= {"Tue", "Sat"}
    assert all(m <= 25 for m in plan.session_minutes().values())
    used = {e.exercise_id for e in plan.entries}
    assert "band_pull_apart" in used and "glute_bridge" not in used
    for entry in plan.entries:
        exercise = library.exercise(entry.exercise_id)
        assert set(exercise.needs) <= {"band", "kettlebell"}
        assert exercise.level == "beginner" and "explosive" not in exercise.tags
        assert entry.sets <= 3
    assert "Tue, Sat, 25 min a session, beginner" in out


def test_days_option_spreads_the_week(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = call(capsys, "plan", "--client", HOME, "--days", "2")
    assert code == 0
    assert "Plan for Sam (home): Mon, Thu," in out


# ---- every command documents itself ----------------------------------------------------------------


def _commands() -> list[list[str]]:
    def walk(parser: argparse.ArgumentParser, prefix: list[str]) -> list[list[str]]:
        found = [prefix]
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for name, sub in action.choices.items():
                    found += walk(sub, [*prefix, name])
        return found

    return walk(cli._parser(), [])


def test_the_contract_commands_exist() -> None:
    commands = {" ".join(c) for c in _commands()}
    assert {"", "plan", "coverage", "check", "library", "library validate"} <= commands


@pytest.mark.parametrize("command", _commands(), ids=lambda c: " ".join(c) or "workbench")
def test_help(command: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = call(capsys, *command, "--help")
    assert code == 0, err
    assert out.startswith("usage: workbench")
    assert err == ""


def test_help_in_a_subprocess() -> None:
    result = run("plan", "--help")
    assert result.returncode == 0
    for option in ("--client", "--days", "--weekdays", "--minutes", "--equipment", "--level",
                   "--sport", "--avoid", "--require", "--ban", "--max-sets", "--library",
                   "--solver", "--time-limit", "--strict", "--out"):  # fmt: skip
        assert option in result.stdout


def test_no_command_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = call(capsys)
    assert code == 2
    assert "Traceback" not in err
