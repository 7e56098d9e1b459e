"""``workbench report`` for a block: a page per week (its role in the heading, the deload
marked), the progression as small multiples, and the command's exit codes and one-line
errors; nothing written unless every week passes the checker."""

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

from workbench import block_report, cli, iotools
from workbench.block import Block, BlockWeek, WeekRole
from workbench.blocks import plan_block
from workbench.client import Client, SportProfile, resolve_targets
from workbench.library import Library

CLIENT_TOML = """\
name = "Sam"
weekdays = ["Mon", "Wed", "Fri"]
minutes_per_session = 45
equipment = ["kettlebell", "band", "pullup_bar"]
level = "intermediate"
sport = "general"
"""
SAM = Client(
    name="Sam",
    weekdays=("Mon", "Wed", "Fri"),
    minutes_per_session=45,
    equipment=("kettlebell", "band", "pullup_bar"),
)
PRIME_MOVERS = ("gluteus_maximus", "hamstrings", "latissimus_dorsi", "erector_spinae")


@pytest.fixture(scope="module")
def block(library: Library, profiles: dict[str, SportProfile]) -> Block:
    """Sam's 4-week block (three accumulation weeks and a deload), planned once."""
    result = plan_block(library, SAM, profiles, weeks=4, explain=False)
    assert result.block is not None, result.message
    return result.block


@pytest.fixture
def files(tmp_path: Path, block: Block) -> dict[str, Path]:
    client_file = tmp_path / "sam.toml"
    client_file.write_text(CLIENT_TOML, encoding="utf-8")
    block_file = iotools.write_block(block, tmp_path / "block.csv")
    return {"client": client_file, "block": block_file, "out": tmp_path / "block.html"}


def _page(library: Library, block: Block, client: Client = SAM) -> str:
    return block_report.block_report_html(
        block, library, client, resolve_targets(library, client), generated=dt.date(2026, 12, 7)
    )


def _section(page: str, number: int) -> str:
    match = re.search(rf'<section class="[^"]*" id="week-{number}".*?</section>', page, re.S)
    assert match, f"no page for week {number}"
    return match.group(0)


def test_a_page_per_week_with_its_role_and_the_deload_marked(
    library: Library, block: Block
) -> None:
    page = _page(library, block)
    assert page.startswith("<!DOCTYPE html>") and "Your training block: Sam" in page
    assert "2026-12-07" in page
    for part in block_report.BLOCK_SECTION_IDS:
        assert f'id="{part}"' in page
    # Offline and small: no script, nothing fetched.
    assert "<script" not in page and "http" not in page
    assert len(page.encode("utf-8")) < 120_000
    assert page.count('<section class="week') == 4
    for number in (1, 2, 3):
        week = _section(page, number)
        assert f"Week {number} of 4: accumulation" in week
        assert 'class="week"' in week and 'data-role="accumulation"' in week
    deload = _section(page, 4)
    assert 'class="week cut"' in deload and 'data-role="deload"' in deload
    assert "Week 4 of 4: deload" in deload and '<span class="badge cut">deload</span>' in deload
    assert "Deload: an easier week" in deload
    # The overview marks the deload's row too; a print page break before every week.
    assert page.count('<tr class="deload-row">') == 1
    assert "page-break-before: always" in page


def test_each_session_lists_sets_reps_rest_rir_and_load(library: Library, block: Block) -> None:
    page = _page(library, block)
    exercises = {e.id: e for e in library.exercises}
    for week in block.weeks:
        section = _section(page, week.number)
        for entry in week.entries:
            row = (
                f"<td><b>{escape(entry.exercise)}</b></td>"
                f'<td class="number">{entry.sets} x {escape(entry.reps)}</td>'
                f'<td class="number">{entry.rest_seconds} s</td>'
                f'<td class="number">{entry.rir}</td>'
                f"<td>{escape(entry.load)}</td>"
            )
            assert row in section, (week.number, entry.exercise_id)
            if exercises[entry.exercise_id].unilateral:
                assert entry.reps.endswith("per side")
    assert "<th>Load</th>" in page and "Reps in reserve" in page
    # How to read "(fast)" and when to add load (the second block review: "no usable
    # load-progression rule", "RIR on sprawls and throws means nothing").
    assert "the set ends when the speed drops" in page and "add the smallest step" in page
    # A hand-edited file that lost "per side" gets it back on the page.
    week = block.weeks[0]
    one_sided = next(e for e in week.entries if exercises[e.exercise_id].unilateral)
    bare = replace(one_sided, reps=one_sided.reps.removesuffix(" per side"))
    entries = tuple(bare if e is one_sided else e for e in week.plan.entries)
    edited = replace(block, weeks=(replace(week, plan=replace(week.plan, entries=entries)),))
    assert f"{one_sided.sets} x {escape(one_sided.reps)}" in _page(library, edited)


def test_the_progression_as_small_multiples(library: Library, block: Block) -> None:
    page = _page(library, block)
    charts = re.findall(r'<figure class="multiple" data-muscle="(\w+)">(.*?)</figure>', page, re.S)
    muscles = [muscle for muscle, _ in charts]
    # The prime movers first, then every other posterior-chain muscle the block trains.
    assert tuple(muscles[:4]) == PRIME_MOVERS
    trained = {m for w in block.weeks for m, v in w.effective_sets().items() if v > 0}
    posterior = {m.id for m in library.posterior_chain}
    assert set(muscles) == trained & posterior
    for muscle, chart in charts:
        assert chart.count("<svg") == 1
        bars = re.findall(r'<rect class="(bar|bar-cut)"[^>]* height="([\d.]+)"', chart)
        assert [kind for kind, _ in bars] == ["bar", "bar", "bar", "bar-cut"], muscle
        sets = [w.effective_sets().get(muscle, 0.0) for w in block.weeks]
        heights = [float(height) for _, height in bars]
        # A bar for every week the muscle is trained (a deload may leave out a small
        # muscle's one carry: two sets are the least an exercise takes).
        assert all((h > 0) == (n > 0) for h, n in zip(heights, sets, strict=True)), muscle
        # One scale: taller bars for more sets, the deload's lower than the peak's.
        assert (heights[3] < heights[2]) == (sets[3] < sets[2])
        assert 'class="floor"' in chart  # the weekly minimum, dashed


def test_text_from_files_is_escaped(library: Library, block: Block) -> None:
    week = block.weeks[0]
    first = week.plan.entries[0]
    renamed = replace(first, exercise="<img src=x onerror=alert(2)>")
    entries = (renamed, *week.plan.entries[1:])
    hostile = replace(block, weeks=(replace(week, plan=replace(week.plan, entries=entries)),))
    page = _page(library, hostile, SAM.evolve(name="<script>alert(1)</script>"))
    assert "<script>alert(1)" not in page and "<img src=x" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_a_camp_names_each_week_by_its_phase_and_dates_it(library: Library, block: Block) -> None:
    """A block read from its CSV holds no roles: --camp names each week by its phase, and
    a fight date dates the weeks and marks the fight's week."""
    weeks = tuple(
        replace(block.weeks[index % 3], number=index + 1, role=WeekRole.ACCUMULATION)
        for index in range(10)
    )
    camp = block_report.as_camp(Block(weeks), dt.date(2027, 3, 13))
    assert [w.role.title for w in camp.weeks] == [
        *["strength"] * 4,
        *["strength-speed"] * 3,
        *["speed"] * 2,
        "taper",
    ]
    page = _page(library, camp, SAM.evolve(sparring=("Wed",)))
    assert "Your fight camp: Sam" in page and "The fight: <b>Sat 2027-03-13</b>" in page
    assert "strength weeks 1-4, strength-speed weeks 5-7, speed weeks 8-9, taper week 10" in page
    taper = _section(page, 10)
    assert "Week 10 of 10: taper" in taper and 'class="week cut"' in taper
    assert "Fight: Sat 2027-03-13" in taper and "Mon 2027-03-08" in taper
    assert "sparring day" in _section(page, 1) and "Sparring days" in page
    assert "Week 8 of 10: speed" in _section(page, 8)
    with pytest.raises(Exception, match=r"holds 4 weeks; a fight camp has 8\.\.12"):
        block_report.as_camp(block)


# ----- the command ---------------------------------------------------------------------------


def test_cli_writes_the_block_report(
    files: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["report", str(files["block"]), "--client", str(files["client"])]
    assert cli.main([*args, "--out", str(files["out"])]) == 0
    page = files["out"].read_text(encoding="utf-8")
    assert "Your training block: Sam" in page and page.count('<section class="week') == 4
    assert "Week 4 of 4: deload" in page  # the deload read back from its reps in reserve
    assert "Wrote" in capsys.readouterr().out


def _ten_weeks(block: Block) -> Block:
    """Sam's weeks as a 10-week file: the accumulation weeks in turn, the deload last (a
    camp's shape: only its last week keeps 4 or more reps in reserve)."""
    accumulation = [replace(block.weeks[index % 3], number=index + 1) for index in range(9)]
    weeks = (*accumulation, replace(block.weeks[3], number=10))
    return Block(weeks)


def test_a_camp_read_back_is_reported_as_a_camp_without_camp(
    files: dict[str, Path], block: Block, capsys: pytest.CaptureFixture[str]
) -> None:
    """The block CSV holds no roles, and keeps its columns: a file of 8-12 weeks whose last
    week alone is a cut week reads back as a camp (blocks are 4-6 weeks long)."""
    camp_file = iotools.write_block(_ten_weeks(block), files["block"].with_name("camp.csv"))
    assert iotools.read_block(camp_file).roles[-1] is WeekRole.TAPER
    args = ["report", str(camp_file), "--client", str(files["client"])]
    assert cli.main([*args, "--out", str(files["out"]), "--fight-date", "2027-03-13"]) == 0
    page = files["out"].read_text(encoding="utf-8")
    assert "strength weeks 1-4, strength-speed weeks 5-7, speed weeks 8-9, taper week 10" in page
    assert "Week 10 of 10: taper" in page and "The fight: <b>Sat 2027-03-13</b>" in page
    capsys.readouterr()
    # Four weeks, or a cut week before the last: a block, as before.
    assert iotools.read_block(files["block"]).roles[-1] is WeekRole.DELOAD
    two_cuts = Block(
        (*_ten_weeks(block).weeks[:4], *[replace(block.weeks[3], number=n) for n in range(5, 11)])
    )
    read = iotools.read_block(iotools.write_block(two_cuts, files["block"].with_name("b.csv")))
    assert WeekRole.TAPER not in read.roles and read.roles[-1] is WeekRole.DELOAD


def _edit_row(path: Path, row: int, **changes: str) -> None:
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    rows[row].update(changes)
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(rows[0]), lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")


def test_a_week_breaking_a_limit_writes_nothing(
    files: dict[str, Path], block: Block, capsys: pytest.CaptureFixture[str]
) -> None:
    # The first row of week 2 gets 40 sets: far above the session's minutes.
    row = len(block.weeks[0].plan.entries)
    first = block.weeks[1].entries[0]
    per_set = first.minutes / first.sets
    _edit_row(files["block"], row, sets="40", minutes=f"{40 * per_set:g}")
    files["out"].write_text("previous report", encoding="utf-8")
    args = ["report", str(files["block"]), "--client", str(files["client"])]
    assert cli.main([*args, "--out", str(files["out"])]) == 1
    printed = capsys.readouterr()
    assert "week 2: " in printed.out and "limit 2" in printed.out
    assert "no report written" in printed.err
    assert files["out"].read_text(encoding="utf-8") == "previous report"
    assert not [p for p in files["out"].parent.iterdir() if p.name.endswith(".tmp")]


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "workbench.cli", "report", *args],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def test_a_bad_cell_is_one_line_exit_2_and_nothing_written(files: dict[str, Path]) -> None:
    _edit_row(files["block"], 2, rir="lots")
    files["out"].write_text("previous report", encoding="utf-8")
    result = _run(str(files["block"]), "--client", str(files["client"]), "--out", str(files["out"]))
    assert result.returncode == 2, result.stdout + result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr
    assert "block.csv: row 4, field 'rir'" in lines[0] and "lots" in lines[0]
    assert files["out"].read_text(encoding="utf-8") == "previous report"


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--camp"], "block.csv: field 'block_week': holds 4 weeks; a fight camp has 8..12"),
        (["--fight-date", "2027-03-13"], "field '--fight-date': is for a fight camp (add --camp)"),
        (["--camp", "--fight-date", "13/03/2027"], "'13/03/2027' is not a date (YYYY-MM-DD)"),
    ],
)
def test_camp_options_on_a_block_are_checked(
    files: dict[str, Path], extra: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["report", str(files["block"]), "--client", str(files["client"]), *extra]
    assert cli.main([*args, "--out", str(files["out"])]) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1
    assert not files["out"].exists()


def test_camp_options_on_a_plan_are_bad_input(
    files: dict[str, Path], block: Block, capsys: pytest.CaptureFixture[str]
) -> None:
    plan_file = iotools.write_plan(block.weeks[2].plan, files["block"].with_name("plan.csv"))
    args = ["report", str(plan_file), "--client", str(files["client"]), "--camp"]
    assert cli.main([*args, "--out", str(files["out"])]) == 2
    err = capsys.readouterr().err
    assert "command line: field '--camp': is for a block CSV" in err and err.count("\n") == 1
    assert not files["out"].exists()


def test_help_documents_the_block_report(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        cli.main(["report", "--help"])
    assert stop.value.code == 0
    text = " ".join(capsys.readouterr().out.split())
    for words in (
        "BLOCK.csv",
        "--camp",
        "--fight-date",
        "a page per week",
        "small charts",
        "workbench block --client FILE --weeks N --out BLOCK.csv",
        "exit codes",
    ):
        assert words in text, words


def test_the_dashboard_and_the_command_write_the_same_page(
    library: Library, profiles: dict[str, SportProfile], block: Block, files: dict[str, Path]
) -> None:
    read = iotools.read_block(files["block"])
    client = iotools.read_client(files["client"])
    day = dt.date(2026, 12, 7)
    assert block_report.client_block_report(
        read, library, client, profiles, generated=day
    ) == block_report.client_block_report(block, library, client, profiles, generated=day)
    assert isinstance(block.weeks[0], BlockWeek)
