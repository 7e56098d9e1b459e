"""``workbench report``: a standalone HTML page of a checked plan; nothing written otherwise."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import subprocess
import sys
from dataclasses import replace
from html import escape
from pathlib import Path

import pytest

from workbench import cli, iotools, report
from workbench.client import Client, SportProfile, resolve_targets
from workbench.library import Library
from workbench.plan import Plan
from workbench.planner import make_plan

CLIENT_TOML = """\
name = "{name}"
weekdays = ["Mon", "Wed", "Fri"]
minutes_per_session = 45
equipment = ["kettlebell", "band", "pullup_bar"]
level = "intermediate"
sport = "general"
"""


@pytest.fixture(scope="module")
def sam(library: Library, profiles: dict[str, SportProfile]) -> tuple[Client, Plan]:
    client = Client(
        name="Sam",
        weekdays=("Mon", "Wed", "Fri"),
        minutes_per_session=45,
        equipment=("kettlebell", "band", "pullup_bar"),
    )
    result = make_plan(library, client, profiles, explain=False)
    assert result.plan is not None
    return client, result.plan


@pytest.fixture
def files(tmp_path: Path, sam: tuple[Client, Plan]) -> dict[str, Path]:
    """A client file and the plan CSV made for it."""
    _, plan = sam
    client_file = tmp_path / "sam.toml"
    client_file.write_text(CLIENT_TOML.format(name="Sam"), encoding="utf-8")
    plan_file = tmp_path / "plan.csv"
    iotools.write_plan(plan, plan_file)
    return {"client": client_file, "plan": plan_file, "out": tmp_path / "report.html"}


def test_report_html_holds_every_part(library: Library, sam: tuple[Client, Plan]) -> None:
    client, plan = sam
    page = report.report_html(
        plan, library, client, resolve_targets(library, client), generated=dt.date(2026, 11, 3)
    )
    assert page.startswith("<!DOCTYPE html>")
    for div_id in report.FIGURE_IDS:
        assert f'id="{div_id}"' in page
    # Offline and small: no script at all, nothing fetched, a few tens of KB.
    assert "<script" not in page and "http" not in page
    assert len(page.encode("utf-8")) < 40_000
    assert "Sam" in page and "2026-11-03" in page
    assert "kettlebell, resistance band, pull-up bar" in page  # names, not ids
    for entry in plan.entries:
        assert entry.exercise in page
    for muscle in library.posterior_chain:
        assert f"<div>{muscle.name}</div>" in page


def test_every_exercise_has_a_cue_and_load_guidance(
    library: Library, sam: tuple[Client, Plan]
) -> None:
    client, plan = sam
    page = report.report_html(plan, library, client, resolve_targets(library, client))
    exercises = {e.id: e for e in library.exercises}
    for entry in plan.entries:
        exercise = exercises[entry.exercise_id]
        how = f"{report.exercise_cue(exercise)} "
        how += report.load_guidance(exercise, entry.reps, client.level)
        assert escape(how) in page
    # Every pattern in the library has its own cue; loaded, band and bodyweight lifts differ.
    assert {e.pattern for e in library.exercises} <= set(report.CUES)
    swing = exercises["kettlebell_swing"]
    assert "move fast" in report.load_guidance(swing, swing.reps, "intermediate")
    row = next(e for e in library.exercises if e.pattern == "horizontal_pull" and e.loaded)
    assert "in reserve" in report.load_guidance(row, row.reps, "beginner")
    assert "about 3 good reps" in report.load_guidance(row, row.reps, "beginner")


def test_plain_words_and_why_a_muscle_is_short(
    library: Library, profiles: dict[str, SportProfile], tmp_path: Path
) -> None:
    """No jargon or ids on the client's page; a short muscle comes with its reason."""
    client_file = tmp_path / "band.toml"
    client_file.write_text(
        'name = "Band"\nweekdays = ["Mon", "Thu"]\nminutes_per_session = 30\n'
        'equipment = ["band"]\navoid = ["high_spinal_load"]\n'
        # A short week carries part of each library floor; floors the coach sets stay whole.
        "[targets.hamstrings]\nmin = 16\n[targets.gluteus_maximus]\nmin = 16\n[targets.latissimus_dorsi]\nmin = 16\n",
        encoding="utf-8",
    )
    client = iotools.read_client(client_file)
    result = make_plan(library, client, profiles, explain=False)
    assert result.plan is not None and result.short == ()  # explain=False: none explained
    plan_file, out = tmp_path / "band.csv", tmp_path / "band.html"
    iotools.write_plan(result.plan, plan_file)
    args = ["report", str(plan_file), "--client", str(client_file), "--out", str(out)]
    assert cli.main(args) == 0
    page = out.read_text(encoding="utf-8")
    text = re.sub(r"<[^>]+>", " ", re.sub(r"<style>.*?</style>", "", page, flags=re.S))
    for jargon in ("hard limit", "weighted shortfall", "high_spinal_load", "_"):
        assert jargon not in text, jargon
    assert "heavy load on the spine" in text
    assert "below its minimum, because the sessions are too short" in text


def test_report_escapes_text_from_files(library: Library, sam: tuple[Client, Plan]) -> None:
    client, plan = sam
    hostile = client.evolve(name="<script>alert(1)</script>")
    first = plan.entries[0]
    renamed = Plan(
        (replace(first, exercise="<img src=x onerror=alert(2)>"), *plan.entries[1:]),
        plan.weekdays,
    )
    page = report.report_html(renamed, library, hostile, resolve_targets(library, hostile))
    assert "<script>alert(1)" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<img src=x" not in page
    assert "&lt;img src=x onerror=alert(2)&gt;" in page


def test_cli_writes_the_report(files: dict[str, Path], capsys: pytest.CaptureFixture[str]) -> None:
    code = cli.main(
        [
            "report",
            str(files["plan"]),
            "--client",
            str(files["client"]),
            "--out",
            str(files["out"]),
        ]
    )
    assert code == 0
    page = files["out"].read_text(encoding="utf-8")
    assert "Your week of training: Sam" in page
    for div_id in report.FIGURE_IDS:
        assert f'id="{div_id}"' in page
    # The coach's check, criterion by criterion, with the week's numbers.
    assert 'id="coach-check"' in page and "coach check " in page
    for number in range(1, 15):
        assert f"<td>C{number}</td>" in page
    assert "Wrote" in capsys.readouterr().out


def _edit_first_row(plan_file: Path, **changes: str) -> None:
    """Hand-edit the plan CSV as a coach would in a spreadsheet."""
    rows = list(csv.DictReader(io.StringIO(plan_file.read_text(encoding="utf-8"))))
    rows[0].update(changes)
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(rows[0]), lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    plan_file.write_text(buffer.getvalue(), encoding="utf-8")


def _break_minutes(plan_file: Path) -> None:
    """The first exercise gets 40 sets: far above the session's minutes."""
    first = next(csv.DictReader(io.StringIO(plan_file.read_text(encoding="utf-8"))))
    per_set = float(first["minutes"]) / int(first["sets"])
    _edit_first_row(plan_file, sets="40", minutes=f"{40 * per_set:g}")


def test_violations_write_nothing(
    files: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    _break_minutes(files["plan"])
    args = ["report", str(files["plan"]), "--client", str(files["client"])]
    assert cli.main([*args, "--out", str(files["out"])]) == 1
    assert not files["out"].exists()
    printed = capsys.readouterr()
    assert "limit 2" in printed.out
    assert "no report written" in printed.err

    # An existing report stays as it was.
    files["out"].write_text("previous report", encoding="utf-8")
    assert cli.main([*args, "--out", str(files["out"])]) == 1
    assert files["out"].read_text(encoding="utf-8") == "previous report"
    assert not [p for p in files["out"].parent.iterdir() if p.name.endswith(".tmp")]


def test_bad_input_is_one_line_exit_2(files: dict[str, Path], tmp_path: Path) -> None:
    files["out"].write_text("previous report", encoding="utf-8")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "workbench.cli",
            "report",
            str(files["plan"]),
            "--client",
            str(tmp_path / "missing.toml"),
            "--out",
            str(files["out"]),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "missing.toml" in lines[0] and "not found" in lines[0]
    assert "Traceback" not in result.stderr
    assert files["out"].read_text(encoding="utf-8") == "previous report"


def test_unknown_exercise_in_plan_is_a_violation(
    files: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    _edit_first_row(files["plan"], exercise_id="moon_walk")
    code = cli.main(
        [
            "report",
            str(files["plan"]),
            "--client",
            str(files["client"]),
            "--out",
            str(files["out"]),
        ]
    )
    assert code == 1
    assert "moon_walk" in capsys.readouterr().out
    assert not files["out"].exists()


def test_missing_out_folder_is_bad_input(
    files: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "nowhere" / "report.html"
    code = cli.main(
        ["report", str(files["plan"]), "--client", str(files["client"]), "--out", str(out)]
    )
    assert code == 2
    assert "folder does not exist" in capsys.readouterr().err


def test_help_documents_the_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        cli.main(["report", "--help"])
    assert stop.value.code == 0
    text = capsys.readouterr().out
    for word in ("--client", "--out", "--library", "PLAN.csv", "exit codes", "offline"):
        assert word in text


#: Words that name each shipped family's movement; its cue must use one of them.
MOVEMENT_WORDS = {
    "kettlebell_swing": ("swing",),
    "kettlebell_ballistic": ("rack", "overhead"),
    "olympic_lift": ("pull the bar", "catch"),
    "jump": ("jump",),
    "sprint": ("sprint", "stride"),
    "sprawl": ("kick the legs back",),
    "throw": ("throw",),
    "slam": ("slam",),
    "deadlift": ("lift the weight",),
    "good_morning": ("push the hips back",),
    "pull_through": ("between the legs",),
    "glute_bridge": ("lift the hips",),
    "squat": ("squat",),
    "lunge": ("back knee", "front heel"),
    "row": ("row",),
    "vertical_pull": ("pull the elbows down",),
    "press": ("press",),
    "overhead_press": ("press",),
    "back_extension": ("over the pad",),
    "reverse_hyper": ("lift the legs",),
    "leg_curl": ("curl",),
    "nordic": ("lower forward",),
    "calf_raise": ("rise onto the toes",),
    "pogo": ("bounce", "hops"),
    "hip_abduction": ("out to the side",),
    "adduction": ("legs together",),
    "glute_kickback": ("kick the leg",),
    "face_pull": ("towards the face",),
    "reverse_fly": ("out to the sides",),
    "y_raise": ("into a y",),
    "scapular_pull_up": ("shoulder blades down",),
    "shrug": ("shrug",),
    "neck": ("head and neck",),
    "pullover": ("from overhead",),
    "serratus_punch": ("punch",),
    "rotation": ("turn",),
    "trunk_stability": ("trunk still",),
    "crawl": ("crawl on hands and feet",),
    "lateral_core": ("on the elbow",),
    "windmill": ("reach the other hand down",),
    "side_bend": ("bend straight to the side",),
    "leg_raise": ("raise the legs",),
    "carry": ("walk",),
}


def test_every_family_has_its_own_cue_naming_its_movement(library: Library) -> None:
    families = {f.id for f in library.families}
    assert families == set(report.FAMILY_CUES) == set(MOVEMENT_WORDS)
    assert len(set(report.FAMILY_CUES.values())) == len(families)  # no family borrows a cue
    for family, cue in report.FAMILY_CUES.items():
        assert any(word in cue.lower() for word in MOVEMENT_WORDS[family]), (family, cue)


def test_every_exercise_gets_its_own_cue_or_its_familys(library: Library) -> None:
    ids = {e.id for e in library.exercises}
    assert set(report.EXERCISE_CUES) <= ids  # no cue for an exercise that does not exist
    for exercise in library.exercises:
        cue = report.exercise_cue(exercise)
        own = report.EXERCISE_CUES.get(exercise.id, report.FAMILY_CUES[exercise.family])
        assert cue.startswith(own), exercise.id
    exercises = {e.id: e for e in library.exercises}
    # The cues a new user found on the wrong exercises.
    snatch = report.exercise_cue(exercises["kettlebell_snatch"])
    assert "overhead" in snatch and "chest height" not in snatch
    sprawl = report.exercise_cue(exercises["sprawl"])
    assert "kick the legs back" in sprawl and "jump" not in sprawl
    neck = report.exercise_cue(exercises["band_neck_extension"])
    assert "neck" in neck and "hips" not in neck
    face_pull = report.exercise_cue(exercises["face_pull"])
    assert "face" in face_pull and "towards the hips" not in face_pull
    pallof = report.exercise_cue(exercises["pallof_press"])
    assert "not let the trunk turn" in pallof
