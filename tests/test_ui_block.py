"""The dashboard's block view without a browser: the block model planned on the dashboard's
worker, cancelled by a change, checked before it is shown or exported; its exports; the
block panel's widgets."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from test_ui_widgets import callback_errors  # noqa: F401  (an autouse fixture)

from workbench import iotools
from workbench.block import Block, BlockWeek, WeekRole
from workbench.block_report import as_camp
from workbench.blocks import BlockResult
from workbench.check import check_block
from workbench.cli import main
from workbench.client import Client, Kit, SportProfile
from workbench.library import Library
from workbench.optimize import SolveOptions
from workbench.plan import Plan
from workbench.ui.block_model import BlockAsk, BlockPlanner, default_block_planner
from workbench.ui.block_panel import block_week_html
from workbench.ui.model import DashboardModel
from workbench.ui.view import DashboardView
from workbench.ui.worker import PlanWorker

pytestmark = pytest.mark.usefixtures("solved_once")

ROOT = Path(__file__).resolve().parent.parent
HOME = ROOT / "data" / "clients" / "home_kettlebell.toml"
DAY = date(2026, 12, 7)
PLOTLY_MIME = "application/vnd.plotly.v1+json"

#: Blocks planned in this session by the real planner, by everything it reads (the planner
#: gives the same inputs the same block, byte for byte: tests/test_block.py).
_BLOCKS: dict[tuple[object, ...], BlockResult] = {}


def memo_planner(
    library: Library,
    client: Client,
    profiles: Mapping[str, SportProfile],
    options: SolveOptions,
    ask: BlockAsk,
) -> BlockResult:
    key = (id(library), client, options, ask)
    if key not in _BLOCKS:
        _BLOCKS[key] = default_block_planner(library, client, profiles, options, ask)
    return _BLOCKS[key]


@pytest.fixture(scope="module")
def kits(library: Library) -> dict[str, Kit]:
    return iotools.read_kits(library=library)


@pytest.fixture
def make_model(
    library: Library, profiles: dict[str, SportProfile], kits: dict[str, Kit], tmp_path: Path
) -> Callable[..., DashboardModel]:
    def make(
        planner: BlockPlanner = memo_planner, worker: PlanWorker | None = None
    ) -> DashboardModel:
        model = DashboardModel(
            library,
            profiles,
            kits,
            today=lambda: DAY,
            base_folder=tmp_path,
            worker=worker,
            block_planner=planner,
        )
        model.files.load_client(HOME)
        model.wait()
        return model

    return make


@pytest.fixture
def model(make_model: Callable[..., DashboardModel]) -> DashboardModel:
    model = make_model()
    model.block.weeks = 4
    return model


def _planned(model: DashboardModel) -> Block:
    model.block.plan()
    block = model.block.block
    assert block is not None, model.block.error
    return block


def test_a_block_planned_through_the_model_is_checked_and_drawn(
    model: DashboardModel, library: Library
) -> None:
    assert model.plans.good is not None and model.block.result is None
    block = _planned(model)
    result = model.block.result
    assert result is not None
    assert [w.role for w in block.weeks] == [WeekRole.ACCUMULATION] * 3 + [WeekRole.DELOAD]
    assert check_block(block, library, model.choices.client(), result.problem.targets) == []
    # The peak week is the week the dashboard shows for the same client.
    assert model.plans.good is not None and model.plans.good.plan is not None
    peak = [(e.exercise_id, e.weekday, e.sets) for e in block.peak.plan.entries]
    assert peak == [(e.exercise_id, e.weekday, e.sets) for e in model.plans.good.plan.entries]
    status = model.block.status
    assert status.startswith("Block of 4 weeks planned in ")
    assert "accumulation weeks 1-3, deload week 4" in status
    assert "every week passes the checker" in status and "\n" not in status
    assert not model.block.busy and model.block.error == "" and not model.block.stale
    assert model.block.selected_week == 1
    heat, lines = model.block.figures["sets"], model.block.figures["lines"]
    assert heat.layout.height >= 240 and lines.layout.height >= 240
    assert any("DELOAD" in label for label in heat.layout.yaxis.ticktext)
    assert len(heat.data[0].z) == 4 and all(any(row) for row in heat.data[0].z)
    assert [t.name for t in lines.data] == [
        "gluteus maximus",
        "hamstrings",
        "latissimus dorsi",
        "erector spinae",
    ]
    # The same settings again: recalled, not planned.
    model.block.plan()
    assert model.block.status.startswith("Block of 4 weeks recalled in ")
    assert model.block.block == block


def test_the_selected_week_rows_carry_rir_and_load(model: DashboardModel) -> None:
    block = _planned(model)
    first = model.block.week_rows()
    assert first and {row["block_week"] for row in first} == {1}
    assert {row["rir"] for row in first} == {3}
    assert all(
        str(row["load"]).startswith(("RIR 3", "fast", "steady", "controlled")) for row in first
    )
    model.block.select_week(4)
    deload = model.block.week_rows()
    assert {row["block_week"] for row in deload} == {4}
    assert {row["rir"] for row in deload} == {4}
    assert all(
        str(row["load"]).startswith(("RIR 4", "fast", "steady", "controlled")) for row in deload
    )
    assert sum(int(row["sets"]) for row in deload) == block.week(4).total_sets
    # Unilateral work says "per side".
    assert any(str(row["reps"]).endswith("per side") for row in deload)
    model.block.select_week(9)  # no such week: the week shown stays
    assert model.block.selected_week == 4


def test_the_export_round_trips_and_passes_workbench_check(
    model: DashboardModel, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    block = _planned(model)
    block_csv, client_toml = model.block.export()
    assert block_csv == tmp_path / "exports" / "sam_home_2026-12-07_block.csv"
    assert client_toml.name == "sam_home_2026-12-07_block_client.toml"
    assert iotools.read_block(block_csv) == block
    assert main(["check", str(block_csv), "--client", str(client_toml)]) == 0
    assert "every hard limit holds in each of its 4 weeks" in capsys.readouterr().out
    # The report of the same block, and a second export that overwrites nothing.
    report = model.block.write_report()
    page = report.read_text(encoding="utf-8")
    assert all(f'id="week-{n}"' in page for n in range(1, 5))
    model.choices.name = "Sam B"
    again, _ = model.block.export()
    assert again.name == "sam_b_2026-12-07_block.csv"
    model.block.export()
    assert (tmp_path / "exports" / "sam_b_2026-12-07-2_block.csv").is_file()
    assert "Sam B" in (tmp_path / "exports" / "sam_b_2026-12-07_block_client.toml").read_text()
    assert model.block.exported[0].endswith("-2_block.csv")


def test_a_settings_change_cancels_the_block_in_flight(
    make_model: Callable[..., DashboardModel],
) -> None:
    """A worker whose results wait to be drained (as on the kernel's loop): the block is
    still planning when the coach changes the weeks; it stops, and its block is dropped."""
    release = threading.Event()
    started: list[BlockAsk] = []

    def slow(*args: object) -> BlockResult:
        started.append(args[-1])
        release.wait(10)
        return memo_planner(*args)  # type: ignore[arg-type]

    worker = PlanWorker(wake=lambda callback: None)
    model = make_model(planner=slow, worker=worker)
    model.block.weeks = 4
    model.block.plan()
    assert model.block.busy and model.block.planning
    model.block.weeks = 5  # the coach changes the block's length
    assert not model.block.busy
    release.set()
    assert worker.wait(30)
    assert started == [BlockAsk(4)]
    assert model.block.result is None and model.block.error == ""


def test_a_client_change_cancels_the_block_and_marks_the_shown_one_stale(
    make_model: Callable[..., DashboardModel],
) -> None:
    release = threading.Event()

    def slow(*args: object) -> BlockResult:
        release.wait(10)
        return memo_planner(*args)  # type: ignore[arg-type]

    worker = PlanWorker(wake=lambda callback: None)
    model = make_model(planner=slow, worker=worker)
    model.block.weeks = 4
    release.set()
    model.block.plan()
    assert model.wait(60) and model.block.block is not None
    release.clear()
    model.block.weeks = 5
    model.block.plan()
    assert model.block.busy
    model.choices.minutes_per_session = 50  # a client change: the block in flight stops
    assert not model.block.busy and model.block.stale
    assert model.block.status.startswith("The block below is for earlier settings")
    release.set()
    assert model.wait(60)
    assert model.block.block is not None and len(model.block.block.weeks) == 4  # the old one
    with pytest.raises(Exception, match="nothing exported: the block is for earlier settings"):
        model.block.export()
    model.block.export_or_say()
    assert model.block.error.startswith("No export: ") and "\n" not in model.block.error
    assert model.block.exported == ()


def test_an_impossible_setting_is_one_line_at_once(model: DashboardModel) -> None:
    model.block.weeks = 9  # a block is 4-6 weeks
    assert model.block.error == (
        "No block: Block weeks: 9 is outside 4..6 (3-5 accumulation weeks and a deload)"
    )
    model.block.plan()
    assert model.block.result is None and not model.block.busy
    model.block.weeks = 4
    assert model.block.error == ""
    model.block.deload_week = 6
    assert model.block.error.startswith("No block: Deload week: 6 is outside 1..4")
    model.block.camp = True  # a camp: 8-12 weeks, its taper last
    assert model.block.weeks == 10 and model.block.error == ""


def test_a_planner_error_is_one_line_never_a_traceback(
    make_model: Callable[..., DashboardModel],
) -> None:
    """A lock that keeps a hard lift on a sparring day is bad input for a camp."""
    model = make_model()
    model.choices.lock = ("kettlebell_swing@Mon",)
    model.choices.sparring = ("Mon",)
    model.flush()
    model.wait()
    assert model.plans.good is not None and not model.plans.error
    model.block.camp = True
    model.block.plan()
    assert model.block.result is None and not model.block.busy
    assert model.block.error == (
        "No block: Sparring days: 'Mon' is a sparring day, but lock keeps the hard lift "
        "Kettlebell swing on it"
    )


def test_a_block_that_fails_the_checker_is_never_shown(
    make_model: Callable[..., DashboardModel],
) -> None:
    """The model checks every block before it shows it: a planner's block with a week over
    the session's minutes is refused, in one line."""

    def broken(*args: object) -> BlockResult:
        result = memo_planner(*args)  # type: ignore[arg-type]
        assert result.block is not None
        week = result.block.weeks[0]
        first = week.plan.entries[0]
        heavy = replace(first, sets=40, minutes=first.minutes / first.sets * 40)
        plan = Plan((heavy, *week.plan.entries[1:]), week.plan.weekdays)
        weeks = (BlockWeek(1, plan, week.role), *result.block.weeks[1:])
        return replace(result, block=replace(result.block, weeks=weeks))

    model = make_model(planner=broken)
    model.block.weeks = 4
    model.block.plan()
    assert model.block.result is None and model.block.figures == {}
    assert model.block.error.startswith("No block: it failed the independent check: limit ")
    assert "week 1: " in model.block.error and "more)" in model.block.error
    assert "\n" not in model.block.error
    with pytest.raises(Exception, match="nothing exported: plan the block first"):
        model.block.export()


# ----- the panel ----------------------------------------------------------------------------


@pytest.fixture
def view(model: DashboardModel) -> DashboardView:
    return DashboardView(model)


def test_the_panel_plans_draws_and_picks_weeks(view: DashboardView) -> None:
    panel = view.block
    assert panel.table.value.startswith("<i>No block yet")
    assert panel.weeks.value == 4 and panel.deload.value == 0
    panel.plan.click()
    for name in ("sets", "lines"):
        (output,) = panel.outputs[name].outputs
        figure = output["data"][PLOTLY_MIME]
        assert figure["data"] and figure["layout"]["height"] >= 240
    heat = json.dumps(panel.outputs["sets"].outputs[0]["data"][PLOTLY_MIME])
    assert "Week 4 \\u00b7 DELOAD" in heat or "Week 4 · DELOAD" in heat
    assert [label for label, _ in panel.picker.options] == ["1", "2", "3", "4 deload"]
    assert "nth-child(4)" in panel.picker_style.value  # the deload's button coloured
    assert "data-week='1'" in panel.table.value
    before = panel.table.value
    panel.picker.value = 4
    assert view.model.block.selected_week == 4
    assert "data-week='4'" in panel.table.value and "data-role='deload'" in panel.table.value
    assert "Deload week: " in panel.table.value and panel.table.value != before
    assert "RIR 4" in panel.table.value
    panel.export.click()
    assert panel.downloads.value.count("data:text/csv;base64,") == 1
    assert "_block.csv" in panel.downloads.value
    panel.report.click()
    assert "data:text/html;base64," in panel.report_link.value
    # A client change greys the block and takes its downloads off the page.
    view.model.choices.minutes_per_session = 50
    assert "wb-stale" in panel.drawn._dom_classes
    assert panel.downloads.value == "" and panel.report_link.value == ""


def test_the_camp_controls(view: DashboardView) -> None:
    panel = view.block
    assert panel.fight.disabled and not panel.deload.disabled
    assert panel.sparring_row.layout.display == "none"
    panel.camp.value = True
    assert view.model.block.camp and panel.weeks.value == 10
    assert not panel.fight.disabled and panel.deload.disabled
    assert panel.sparring_row.layout.display == "flex"
    panel.sparring["Thu"].value = True
    assert view.model.choices.sparring == ("Thu",)
    panel.fight.value = date(2027, 3, 13)
    assert view.model.block.fight_date == date(2027, 3, 13)
    assert view.model.block.ask() == BlockAsk(10, camp=True, fight_date=date(2027, 3, 13))


def test_a_dated_camp_week_names_its_days_the_fight_and_the_sparring(library: Library) -> None:
    """The week table of a camp with a fight date: each day dated, the fight named in its
    week, the sparring days marked (built from a block's weeks given camp roles)."""
    planned = memo_planner(
        library,
        Client(
            name="Sam",
            weekdays=("Mon", "Wed", "Fri"),
            minutes_per_session=45,
            equipment=("kettlebell", "band", "pullup_bar"),
        ),
        iotools.read_sport_profiles(library=library),
        SolveOptions(),
        BlockAsk(4),
    )
    assert planned.block is not None
    weeks = tuple(
        replace(planned.block.weeks[n % 3], number=n + 1, role=WeekRole.ACCUMULATION)
        for n in range(8)
    )
    camp = as_camp(Block(weeks), date(2027, 3, 13))
    last = block_week_html(camp, 8, 45, ("Wed",))
    assert "data-role='taper'" in last and "Taper week: " in last
    assert "Fight: Sat 2027-03-13" in last and "Mon 2027-03-08" in last
    assert "Wed 2027-03-10 &middot; " in last and "<i>sparring day</i>" in last
    assert "Fight: " not in block_week_html(camp, 1, 45, ("Wed",))
