"""The dashboard's model, without widgets: re-plan, errors, baseline, export, files, kits, debounce."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import plotly.graph_objects as go
import pytest

from workbench import iotools
from workbench.check import check_plan
from workbench.cli import main
from workbench.client import Kit, Override, SportProfile, resolve_targets
from workbench.library import Library
from workbench.optimize import Termination
from workbench.ui.debounce import Debouncer, immediate_timer
from workbench.ui.model import FIGURES, DashboardModel, slug

ROOT = Path(__file__).resolve().parent.parent
HOME = ROOT / "data" / "clients" / "home_kettlebell.toml"
DAY = date(2026, 11, 26)


@pytest.fixture(scope="module")
def kits(library: Library) -> dict[str, Kit]:
    return iotools.read_kits(library=library)


@pytest.fixture
def make_model(
    library: Library, profiles: dict[str, SportProfile], kits: dict[str, Kit]
) -> Callable[[], DashboardModel]:
    def make() -> DashboardModel:
        return DashboardModel(library, profiles, kits, today=lambda: DAY)

    return make


@pytest.fixture
def model(make_model: Callable[[], DashboardModel]) -> DashboardModel:
    model = make_model()
    model.load_client(HOME)
    return model


def test_loading_a_client_plans_it_and_draws_every_figure(model: DashboardModel) -> None:
    assert model.name == "Sam (home)"
    assert model.minutes_per_session == 45
    good = model.good
    assert good is not None and good.plan is not None and not good.violations
    assert model.result is good
    assert model.error == ""
    assert model.status.startswith("coverage proven optimal; coach value proven within 2% in ")
    assert "coach check " in model.status
    assert set(model.figures) == set(FIGURES)
    assert all(isinstance(f, go.Figure) for f in model.figures.values())
    assert model.figures["coverage"].data  # a drawn figure, not the empty note
    assert model.kit == "home"


def test_a_control_change_waits_for_the_debounce_then_replans(model: DashboardModel) -> None:
    before = model.good
    model.minutes_per_session = 25
    assert model.debouncer.pending
    assert model.good is before  # nothing solved yet
    assert model.flush()
    assert model.good is not None and model.good is not before
    assert model.good.problem.client.minutes_per_session == 25
    assert max(model.good.plan.session_minutes().values()) <= 25  # type: ignore[union-attr]
    assert not model.flush()  # nothing left pending


def test_debouncer_coalesces_a_burst_into_one_solve(model: DashboardModel) -> None:
    runs = model.debouncer.runs
    solves = []
    model.observe(lambda change: solves.append(change.new), names="result")
    for minutes in range(30, 60, 5):  # six slider positions
        model.minutes_per_session = minutes
    model.toggle_weekday("Sat", True)
    model.apply_kit("garage")
    model.level = "advanced"
    model.flush()
    assert model.debouncer.runs == runs + 1
    assert len(solves) == 1
    client = model.good.problem.client  # type: ignore[union-attr]
    assert client.minutes_per_session == 55
    assert client.weekdays == ("Mon", "Wed", "Fri", "Sat")
    assert client.level == "advanced"


def test_debouncer_with_a_timer_cancels_earlier_requests() -> None:
    scheduled: list[tuple[float, Callable[[], None]]] = []
    cancelled: list[int] = []

    class Handle:
        def __init__(self, number: int) -> None:
            self.number = number

        def cancel(self) -> None:
            cancelled.append(self.number)

    def timer(delay: float, callback: Callable[[], None]) -> Handle:
        scheduled.append((delay, callback))
        return Handle(len(scheduled))

    calls: list[int] = []
    debouncer = Debouncer(lambda: calls.append(1), delay=0.25, timer=timer)
    for _ in range(5):
        debouncer.trigger()
    assert [d for d, _ in scheduled] == [0.25] * 5
    assert cancelled == [1, 2, 3, 4]
    scheduled[-1][1]()  # the last timer fires
    assert calls == [1]
    scheduled[0][1]()  # a cancelled timer that fires anyway does nothing
    assert calls == [1]

    immediate = Debouncer(lambda: calls.append(2), timer=immediate_timer)
    immediate.trigger()
    assert calls == [1, 2] and not immediate.pending


def test_bad_input_shows_an_error_and_keeps_the_last_good_plan(model: DashboardModel) -> None:
    good = model.good
    model.weekdays = ()
    model.flush()
    assert "weekdays" in model.error and "no training day" in model.error
    assert "\n" not in model.error
    assert model.good is good
    assert model.stale
    assert model.status.startswith("error: ") and "last good plan" in model.status
    assert model.figures["coverage"].data  # still the good plan's figure
    model.toggle_weekday("Tue", True)
    model.flush()
    assert model.error == "" and not model.stale
    assert model.good is not good


def test_no_plan_says_why_and_keeps_the_last_good_plan(model: DashboardModel) -> None:
    good = model.good
    # Two required lifts that need more than a 5-minute session.
    model.require = ("kettlebell_swing", "kettlebell_deadlift")
    model.minutes_per_session = 5.0
    model.weekdays = ("Mon",)
    model.flush()
    assert model.result is not None and model.result.status is Termination.INFEASIBLE
    assert model.status.startswith("no plan: ")
    assert model.error
    assert model.good is good


def test_pin_baseline_drives_the_comparison(model: DashboardModel) -> None:
    assert not model.figures["comparison"].data  # the "pin a plan" note
    model.pin_baseline()
    assert model.baseline is model.good
    model.minutes_per_session = 25
    model.flush()
    assert model.baseline is not model.good
    comparison = model.figures["comparison"]
    assert len(comparison.data) >= 2  # current and baseline bars
    model.clear_baseline()
    assert model.baseline is None and not model.figures["comparison"].data


def test_export_writes_checked_files_named_by_client_and_date(
    model: DashboardModel, library: Library, profiles: dict[str, SportProfile], tmp_path: Path
) -> None:
    plan_csv, coverage_csv = model.export(tmp_path / "out")
    assert plan_csv.name == "sam_home_2026-11-26_plan.csv"
    assert coverage_csv.name == "sam_home_2026-11-26_coverage.csv"
    good = model.good
    assert good is not None and good.plan is not None
    assert iotools.read_plan(plan_csv) == good.plan
    client = good.problem.client
    targets = resolve_targets(library, client, profiles[client.sport])
    assert check_plan(iotools.read_plan(plan_csv), library, client, targets) == []
    client_toml = Path(model.exported[2])
    assert iotools.read_client(client_toml) == client
    assert main(["check", str(plan_csv), "--client", str(client_toml)]) == 0
    assert main(["check", str(plan_csv), "--client", str(HOME)]) == 0
    header = coverage_csv.read_text(encoding="utf-8").splitlines()[0]
    assert header == ",".join(iotools.COVERAGE_COLUMNS)
    assert not [p for p in (tmp_path / "out").iterdir() if p.name.startswith(".")]  # no temp files


def test_export_without_a_checked_plan_refuses(
    make_model: Callable[[], DashboardModel], tmp_path: Path
) -> None:
    model = make_model()
    model.weekdays = ()
    model.replan()
    with pytest.raises(Exception, match="no checked plan"):
        model.export(tmp_path)
    model.export_or_report()
    assert "no checked plan" in model.error
    assert not list(tmp_path.iterdir())


def test_save_and_load_round_trip(
    model: DashboardModel, make_model: Callable[[], DashboardModel], tmp_path: Path
) -> None:
    model.name = "Riley"
    model.sport = "fighter"
    model.avoid = ("impact",)
    model.require = ("kettlebell_swing",)
    model.set_priority("hamstrings", 3)
    model.set_target("soleus", 10, 18)
    model.flush()
    saved = model.save_client(tmp_path / "riley.toml")
    assert saved is not None and saved.is_file()
    other = make_model()
    other.load_client(saved)
    assert other.client() == model.client()
    assert other.client_path == str(saved)
    assert other.priorities == {"hamstrings": 3.0}
    assert other.targets == {"soleus": Override(10.0, 18.0)}
    assert other.good is not None and other.good.plan == model.good.plan  # type: ignore[union-attr]


def test_loading_a_bad_file_is_one_error_line(model: DashboardModel, tmp_path: Path) -> None:
    good = model.good
    bad = tmp_path / "bad.toml"
    bad.write_text('name = "X"\nweekdays = ["Mon"]\nminutes_per_session = 30\nlevel = "pro"\n')
    model.load_client(bad)
    assert "bad.toml" in model.error and "level" in model.error
    assert model.good is good and model.name == "Sam (home)"
    model.load_client_text("not = [toml", "upload.toml")
    assert model.error.startswith("upload.toml: is not valid TOML")
    model.load_client(tmp_path / "missing.toml")
    assert "not found" in model.error


def test_kits_set_the_equipment(model: DashboardModel, kits: dict[str, Kit]) -> None:
    assert {"home", "gym", "travel", "garage"} <= set(kits)
    model.apply_kit("travel")
    assert model.equipment == kits["travel"].equipment
    assert model.kit == "travel"
    model.flush()
    used = {item for e in model.good.plan.entries for item in e.equipment}  # type: ignore[union-attr]
    assert used <= {"bodyweight", *kits["travel"].equipment}
    model.apply_kit("spaceship")
    assert "spaceship" in model.error


def test_overrides_follow_the_sport_profile(model: DashboardModel) -> None:
    default = model.resolved_targets["hamstrings"]
    model.set_target("hamstrings", *default)
    assert model.targets == {}  # the default band is no override
    model.set_target("hamstrings", default[0] + 2, default[1])
    assert "hamstrings" in model.targets
    model.sport = "fighter"
    assert model.resolved_priorities["gluteus_maximus"] == model.profiles["fighter"].priorities.get(
        "gluteus_maximus", 1.0
    )
    model.reset_overrides()
    assert model.targets == {} and model.priorities == {}
    model.flush()
    assert model.good is not None and model.good.problem.client.sport == "fighter"


@pytest.mark.parametrize(("name", "expected"), [("Sam (home)", "sam_home"), ("  ", "client")])
def test_slug(name: str, expected: str) -> None:
    assert slug(name) == expected


def test_a_bug_in_a_debounced_replan_is_logged_and_shown(
    model: DashboardModel, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken() -> None:
        raise ZeroDivisionError("bug")

    monkeypatch.setattr(model, "replan", broken)
    model.minutes_per_session = 30
    model.flush()
    assert model.error.startswith("internal error: ZeroDivisionError")
    assert any(record.exc_info for record in caplog.records)


def test_close_the_gap_lists_relaxations_from_re_solves(model: DashboardModel) -> None:
    assert model.close_the_gap() == ("every posterior-chain muscle is at its minimum already",)
    model.equipment = ("band",)
    model.weekdays = ("Mon", "Thu")
    model.minutes_per_session = 30
    model.level = "beginner"
    model.flush()
    good = model.good
    assert good is not None and good.short
    lines = model.close_the_gap()
    assert lines[0] == f"now {good.solved.shortfall:g} short (weighted)"
    assert any(line.startswith("45 min a session (+15)") for line in lines[1:])
    assert any(line.startswith("one more day (Sat)") for line in lines[1:])
    # A new plan makes the old answer stale: it is cleared.
    model.minutes_per_session = 35
    model.flush()
    assert model.relaxations == ()
