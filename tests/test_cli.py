"""The command line: exit codes 0/1/2/3, one-line messages, overrides, --help everywhere."""

from __future__ import annotations

import argparse
import csv
import re
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
        (
            ["--minutes", "2", "--require", "kettlebell_deadlift"],
            "more than the 2 min a session leaves",
        ),
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
    # A short week carries part of each library floor; the floors this coach sets stay whole.
    home = tmp_path / "home.toml"
    home.write_text(
        Path(HOME).read_text(encoding="utf-8")
        + "".join(f"\n[targets.{m}]\nmin = 8\n" for m in ("hamstrings", "latissimus_dorsi")),
        encoding="utf-8",
    )
    args = ["plan", "--client", str(home), "--weekdays", "Mon", "--minutes", "20"]
    args += ["--equipment", "band"]
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
                   "--solver", "--time-limit", "--strict", "--out", "--alternatives",
                   "--lock", "--swap"):  # fmt: skip
        assert option in result.stdout


def test_no_command_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = call(capsys)
    assert code == 2
    assert "Traceback" not in err


# ---- what-if: sweeps, alternatives, swap and lock (on a tiny library folder: fast) ----------


def _tiny_folder(tmp_path: Path) -> tuple[Path, Path]:
    """A library folder holding test_whatif's small library, no sport profiles but the
    general one, two kits; and a client file for it."""
    from test_whatif import small_library

    folder = tmp_path / "tiny_lib"
    folder.mkdir()
    (folder / "sports").mkdir()
    library = small_library()
    muscles = [
        {
            "id": m.id,
            "name": m.name,
            "region": m.region,
            "chain": m.chain,
            "min_sets": f"{m.min_sets:g}",
            "max_sets": f"{m.max_sets:g}",
            "target_sets": f"{m.target_sets:g}",
        }
        for m in library.muscles
    ]
    exercises = []
    for e in library.exercises:
        exercises.append(
            {
                "id": e.id,
                "name": e.name,
                "equipment": ";".join(e.equipment),
                "pattern": e.pattern,
                "level": e.level,
                "set_minutes": f"{e.set_minutes:g}",
                "reps": e.reps,
                "rest_seconds": str(e.rest_seconds),
                "knee_flexion": f"{e.knee_flexion:g}",
                "spinal_load": e.spinal_load,
                "unilateral": "yes" if e.unilateral else "no",
                "explosive": "yes" if e.explosive else "no",
                "tags": ";".join(e.tags),
                "primary_muscles": ";".join(e.primary_muscles),
                "secondary_muscles": ";".join(e.secondary_muscles),
                "family": e.family,
            }
        )
    equipment = [{"id": item.id, "name": item.name} for item in library.equipment]
    for name, rows in (
        ("muscles.csv", muscles),
        ("exercises.csv", exercises),
        ("equipment.csv", equipment),
    ):
        with (folder / name).open("w", encoding="utf-8", newline="") as stream:
            writer = csv.DictWriter(stream, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)
    _write(
        folder / "kits.toml",
        '[bare]\nname = "Nothing"\nequipment = []\n\n[bands]\nname = "Band"\nequipment = ["band"]\n',
    )
    # The library's own coach values: its floors stay whole at any length of week.
    shipped = (Path(__file__).parents[1] / "data" / "coaching.toml").read_text(encoding="utf-8")
    _write(
        folder / "coaching.toml",
        re.sub(
            r"(\[parameters\.full_floor_(?:minutes|sessions)\]\nvalue = )\d+", r"\g<1>0", shipped
        ),
    )
    client = _write(
        tmp_path / "tiny.toml",
        'name = "Tiny"\nweekdays = ["Mon", "Thu"]\nminutes_per_session = 12\n'
        'equipment = ["band"]\n',
    )
    return folder, client


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


def test_sweep_minutes_writes_a_csv_and_prints_a_table(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder, client = _tiny_folder(tmp_path)
    out = tmp_path / "sweep.csv"
    code, stdout, err = call(
        capsys, "sweep", "--client", str(client), "--library", str(folder),
        "--minutes", "4,8,12", "--out", str(out),
    )  # fmt: skip
    assert code == 0, err
    rows = _rows(out)
    assert [r["minutes"] for r in rows] == ["4", "8", "12"]
    for column in ("total_shortfall", "minutes_used", "coach_passed", "coach_misses"):
        assert column in rows[0]
    assert "effective_sets_m1" in rows[0] and "effective_sets_q" in rows[0]
    shortfalls = [float(r["total_shortfall"]) for r in rows]
    assert shortfalls == sorted(shortfalls, reverse=True) and shortfalls[0] > shortfalls[-1]
    assert all(r["status"] == "optimal" for r in rows)
    lines = stdout.splitlines()
    assert lines[0].startswith("Sweep of minutes for Tiny")
    assert sum(1 for line in lines if line.strip().startswith(("4 ", "8 ", "12 "))) == 3
    assert f"Wrote {out}" in stdout


def test_sweep_days_and_kits(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder, client = _tiny_folder(tmp_path)
    out = tmp_path / "days.csv"
    code, _stdout, err = call(
        capsys, "sweep", "--client", str(client), "--library", str(folder),
        "--days", "1,2,3", "--shortfall-only", "--out", str(out),
    )  # fmt: skip
    assert code == 0, err
    rows = _rows(out)
    assert [r["weekdays"] for r in rows] == ["Mon", "Mon;Thu", "Mon;Thu;Sat"]
    shortfalls = [float(r["total_shortfall"]) for r in rows]
    assert shortfalls == sorted(shortfalls, reverse=True)
    out = tmp_path / "kits.csv"
    code, _stdout, err = call(
        capsys, "sweep", "--client", str(client), "--library", str(folder),
        "--kits", "bare,bands", "--out", str(out),
    )  # fmt: skip
    assert code == 0, err
    assert [r["kit"] for r in _rows(out)] == ["bare", "bands"]


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--minutes", "20,abc"], ["--minutes", "abc"]),
        (["--minutes", "0"], ["--minutes", "0"]),
        (["--minutes", ","], ["--minutes"]),
        (["--days", "0,2"], ["--days", "0"]),
        (["--days", "2.5"], ["--days", "2.5"]),
        (["--kits", "bands,castle"], ["--kits", "castle"]),
        (["--minutes", "20", "--days", "2"], ["not allowed with"]),
        ([], ["one of the arguments"]),
    ],
)
def test_sweep_bad_input_is_one_line(
    args: list[str], expected: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder, client = _tiny_folder(tmp_path)
    code, out, err = call(capsys, "sweep", "--client", str(client), "--library", str(folder), *args)
    assert code == 2
    line = one_line(err)
    for word in expected:
        assert word in line
    assert out == ""


def test_plan_alternatives_write_checked_distinct_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder, client = _tiny_folder(tmp_path)
    written = []
    for run_number in (1, 2):
        where = tmp_path / f"run{run_number}"
        where.mkdir()
        out = where / "plan.csv"
        code, stdout, err = call(
            capsys, "plan", "--client", str(client), "--library", str(folder),
            "--alternatives", "3", "--out", str(out),
        )  # fmt: skip
        assert code == 0, err
        files = [out, where / "plan-2.csv", where / "plan-3.csv"]
        assert all(f.is_file() for f in files)
        assert "Only" not in stdout
        assert stdout.count("; wrote ") == 2
        written.append([f.read_bytes() for f in files])
        for path in files:
            code, checked, _err = call(
                capsys, "check", str(path), "--client", str(client), "--library", str(folder)
            )
            assert code == 0, checked
        weeks = {frozenset((r["exercise_id"], r["weekday"]) for r in _rows(path)) for path in files}
        assert len(weeks) == 3
    assert written[0] == written[1]  # the same inputs, the same files, byte for byte


def test_plan_alternatives_fewer_than_asked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder, _client = _tiny_folder(tmp_path)
    client = _write(
        tmp_path / "one.toml",
        'weekdays = ["Mon"]\nminutes_per_session = 4\nmin_sets_per_exercise = 2\n'
        'ban = ["hinge_b", "hinge_d", "row_a", "row_b", "front"]\n',
    )
    out = tmp_path / "plan.csv"
    code, stdout, err = call(
        capsys, "plan", "--client", str(client), "--library", str(folder),
        "--alternatives", "3", "--out", str(out),
    )  # fmt: skip
    assert code == 0, err
    only = [line for line in stdout.splitlines() if line.startswith("Only ")]
    assert len(only) == 1 and only[0].startswith("Only 1 of 3 weeks: ")
    assert out.is_file() and not (tmp_path / "plan-2.csv").exists()


@pytest.mark.parametrize("value", ["0", "abc", "99"])
def test_plan_alternatives_bad_k(value: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = call(capsys, "plan", "--client", HOME, "--alternatives", value)
    assert code == 2
    line = one_line(err)
    assert "--alternatives" in line and value in line


def test_plan_lock_and_swap_options(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder, client = _tiny_folder(tmp_path)
    out = tmp_path / "plan.csv"
    code, stdout, err = call(
        capsys, "plan", "--client", str(client), "--library", str(folder),
        "--lock", "row_b@Mon,hinge_d@Thu", "--swap", "hinge_a@Thu", "--out", str(out),
    )  # fmt: skip
    assert code == 0, err
    assert "Locked: row_b@Mon, hinge_d@Thu; swapped out: hinge_a@Thu" in stdout
    assert sum(1 for line in stdout.splitlines() if line.endswith("(locked)")) == 2
    placed = {(r["exercise_id"], r["weekday"]) for r in _rows(out)}
    assert {("row_b", "Mon"), ("hinge_d", "Thu")} <= placed
    assert ("hinge_a", "Thu") not in placed
    # The same locks in a client file: the checker holds the plan to them, and a plan that
    # drops a lock breaks limit 6.
    locked = _write(
        tmp_path / "locked.toml",
        client.read_text(encoding="utf-8") + 'lock = ["row_b@Mon", "hinge_d@Thu"]\n'
        'swap = ["hinge_a@Thu"]\n',
    )
    code, checked, _err = call(
        capsys, "check", str(out), "--client", str(locked), "--library", str(folder)
    )
    assert code == 0, checked
    lines = out.read_text(encoding="utf-8").splitlines()
    broken = tmp_path / "broken.csv"
    broken.write_text(
        "\n".join(line for line in lines if ",row_b," not in line) + "\n", encoding="utf-8"
    )
    code, checked, _err = call(
        capsys, "check", str(broken), "--client", str(locked), "--library", str(folder)
    )
    assert code == 1
    assert "limit 6 (required exercises present): locked row_b@Mon is not on Mon" in checked


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--lock", "row_b@Funday"], ["--lock", "row_b@Funday", "not a weekday"]),
        (["--lock", "row_b"], ["--lock", "row_b", "exercise@Day"]),
        (["--lock", "moon_walk@Mon"], ["--lock", "moon_walk@Mon", "not an exercise id"]),
        (["--lock", "row_b@Tue"], ["--lock", "row_b@Tue", "not a training day"]),
        (["--swap", "row_b@Sun"], ["--swap", "row_b@Sun", "not a training day"]),
        (["--lock", "row_b@Mon", "--swap", "row_b@Mon"], ["--swap", "both locked and swapped"]),
    ],
)
def test_bad_locks_and_swaps(
    args: list[str], expected: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder, client = _tiny_folder(tmp_path)
    code, out, err = call(capsys, "plan", "--client", str(client), "--library", str(folder), *args)
    assert code == 2
    line = one_line(err)
    for word in expected:
        assert word in line
    assert out == ""


def test_a_lock_on_a_day_an_override_drops_names_the_client_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder, client = _tiny_folder(tmp_path)
    locked = _write(
        tmp_path / "locked.toml", client.read_text(encoding="utf-8") + 'lock = ["row_b@Thu"]\n'
    )
    code, _out, err = call(
        capsys, "plan", "--client", str(locked), "--library", str(folder), "--weekdays", "Mon,Wed"
    )
    assert code == 2
    line = one_line(err)
    assert "locked.toml" in line and "field 'lock'" in line and "row_b@Thu" in line


def test_a_lock_that_does_not_fit_exits_3(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder, client = _tiny_folder(tmp_path)
    code, _out, err = call(
        capsys, "plan", "--client", str(client), "--library", str(folder),
        "--minutes", "3", "--lock", "hinge_a@Mon",
    )  # fmt: skip
    assert code == 3
    assert "locked hinge_a@Mon does not fit the 3 min of work a session holds" in one_line(err)


# --- start-up: the light commands load neither the solver nor pandas nor the UI ------------


@pytest.fixture(scope="module")
def full_gym_plan(tmp_path_factory: pytest.TempPathFactory) -> Path:
    plan_csv = tmp_path_factory.mktemp("light") / "plan.csv"
    assert cli.main(["plan", "--client", FULL_GYM, "--out", str(plan_csv)]) == 0
    return plan_csv


HEAVY_MODULES = ("pulp", "highspy", "pandas", "numpy", "plotly", "ipywidgets", "jupyter_core")


@pytest.mark.parametrize(
    "args",
    [
        ["--help"],
        ["plan", "--help"],
        ["check", "{plan}", "--client", FULL_GYM],
        ["library", "validate"],
    ],
    ids=["help", "plan-help", "check", "validate"],
)
def test_light_commands_import_no_heavy_module(args: list[str], full_gym_plan: Path) -> None:
    """``--help``, ``check`` and ``library validate`` must start in well under 0.3 s: the
    solver, pandas, plotly and the widgets are imported only by the commands that use them.
    (The figure itself is measured by ``benchmarks/scaling.py``; this is what keeps it.)"""
    argv = [a.format(plan=full_gym_plan) for a in args]
    probe = (
        "import sys\n"
        "from workbench import cli\n"
        "try:\n"
        f"    code = cli.main({argv!r})\n"
        "except SystemExit as stop:\n"
        "    code = stop.code or 0\n"
        f"print('LOADED', sorted(m for m in {HEAVY_MODULES!r} if m in sys.modules))\n"
        "sys.exit(code)\n"
    )
    done = subprocess.run(
        [str(VENV_BIN / "python"), "-c", probe], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert "LOADED []" in done.stdout, done.stdout[-300:]
