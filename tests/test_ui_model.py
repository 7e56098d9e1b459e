"""The dashboard's model, without widgets: its parts (choices, planning, figures, files, the
gap, what-if), re-plan, errors, baseline, export, files, kits, debounce."""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import plotly.graph_objects as go
import pytest

from workbench import iotools
from workbench.check import check_plan
from workbench.cli import main
from workbench.client import Kit, Override, SportProfile, resolve_targets
from workbench.library import Library
from workbench.optimize import Termination
from workbench.ui import planning_model
from workbench.ui.debounce import Debouncer, immediate_timer
from workbench.ui.model import FIGURES, DashboardModel, slug
from workbench.ui.whatif_model import sweep_minutes_values
from workbench.ui.words import NO_PLAN_WORDS, WEEK_WORDS, NoPlan, WeekState, named

# Every dashboard re-plan runs the real solver once per distinct input in the session
# (conftest.solved_once); each model still keeps, and is tested on, its own cache.
pytestmark = pytest.mark.usefixtures("solved_once")

ROOT = Path(__file__).resolve().parent.parent
HOME = ROOT / "data" / "clients" / "home_kettlebell.toml"
DAY = date(2026, 11, 26)


@pytest.fixture(scope="module")
def kits(library: Library) -> dict[str, Kit]:
    return iotools.read_kits(library=library)


@pytest.fixture
def make_model(
    library: Library, profiles: dict[str, SportProfile], kits: dict[str, Kit], tmp_path: Path
) -> Callable[[], DashboardModel]:
    def make() -> DashboardModel:
        return DashboardModel(library, profiles, kits, today=lambda: DAY, base_folder=tmp_path)

    return make


@pytest.fixture
def model(make_model: Callable[[], DashboardModel]) -> DashboardModel:
    model = make_model()
    model.files.load_client(HOME)
    return model


def test_loading_a_client_plans_it_and_draws_every_figure(model: DashboardModel) -> None:
    assert model.choices.name == "Sam (home)"
    assert model.choices.minutes_per_session == 45
    good = model.plans.good
    assert good is not None and good.plan is not None and not good.violations
    assert model.plans.result is good
    assert model.plans.error == ""
    assert re.fullmatch(
        r"Week planned in [\d.]+ s · (the best week|proven within [\d.]+% of the best week) · "
        # Sam's 3 x 45 minutes: 120 of the 150 minutes the whole floors need.
        r"every muscle at its minimum \(a short week: 80% of the prime movers' floors, 64% of the "
        r"small muscles'\) · coach check \d+/\d+",
        model.plans.status,
    ), model.plans.status
    assert set(model.figures.shown) == set(FIGURES)
    assert all(isinstance(f, go.Figure) for f in model.figures.shown.values())
    assert model.figures.shown["coverage"].data  # a drawn figure, not the empty note
    assert model.choices.kit == "home"


def test_a_control_change_waits_for_the_debounce_then_replans(model: DashboardModel) -> None:
    before = model.plans.good
    model.choices.minutes_per_session = 55
    assert model.plans.debouncer.pending
    assert model.plans.good is before  # nothing solved yet
    assert model.flush()
    assert model.plans.good is not None and model.plans.good is not before
    assert model.plans.good.problem.client.minutes_per_session == 55
    assert max(model.plans.good.plan.session_minutes().values()) <= 55  # type: ignore[union-attr]
    assert not model.flush()  # nothing left pending


def test_each_week_reaches_the_page_as_plan_then_line_then_figures(model: DashboardModel) -> None:
    """The page shows the week (its plan table and status line) before the browser spends
    its time drawing the figures: each new set of figures follows its week's line."""
    order: list[str] = []
    lines: list[str] = []  # the status line when each event fired
    for part, trait, name in (
        (model.plans, "good", "good"),
        (model.plans, "status", "status"),
        (model.figures, "shown", "figures"),
    ):
        part.observe(
            lambda change, name=name: (order.append(name), lines.append(model.plans.status)),
            names=trait,
        )
    model.choices.minutes_per_session = 55  # planned: maybe an improving week first, then the final
    model.flush()
    model.choices.minutes_per_session = 45  # recalled
    model.flush()
    assert order.count("figures") >= 2
    for at, name in enumerate(order):
        if name == "figures" and order[at - 1] != "status":
            # Two improving offers within the same rounded wait share one line word for word
            # (traitlets sends no change then): the line on the page is already this week's.
            assert order[at - 1] == "good" and lines[at].startswith("A checked week"), order
    assert order[-3:] == ["good", "status", "figures"], order


def test_debouncer_coalesces_a_burst_into_one_solve(model: DashboardModel) -> None:
    runs = model.plans.debouncer.runs
    solves = []
    model.plans.observe(lambda change: solves.append(change.new), names="result")
    for minutes in range(30, 60, 5):  # six slider positions
        model.choices.minutes_per_session = minutes
    model.choices.toggle_weekday("Sat", True)
    model.choices.apply_kit("garage")
    model.choices.level = "advanced"
    model.flush()
    assert model.plans.debouncer.runs == runs + 1
    assert len(solves) == 1
    client = model.plans.good.problem.client  # type: ignore[union-attr]
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
    good = model.plans.good
    model.choices.weekdays = ()
    model.flush()
    assert model.plans.error == "Training days: names no training day"  # the label, not 'weekdays'
    assert model.plans.good is good
    assert model.plans.stale
    assert "last good one (marked stale)" in model.plans.status
    assert "no training day" not in model.plans.status  # the error is shown once, in its own line
    assert model.figures.shown["coverage"].data  # still the good plan's figure
    model.choices.toggle_weekday("Tue", True)
    model.flush()
    assert model.plans.error == "" and not model.plans.stale
    assert model.plans.good is not good


def test_no_plan_says_why_and_keeps_the_last_good_plan(model: DashboardModel) -> None:
    good = model.plans.good
    # Two required lifts that need more than a 5-minute session.
    model.choices.require = ("kettlebell_swing", "kettlebell_deadlift")
    model.choices.minutes_per_session = 5.0
    model.choices.weekdays = ("Mon",)
    model.flush()
    result = model.plans.result
    assert result is not None and result.status is Termination.INFEASIBLE
    assert model.plans.cause is NoPlan.INFEASIBLE and model.plans.state is WeekState.KEPT
    # The reasons one by one, by name: nothing parsed out of the solver's message.
    assert result.reasons
    why = named(model.library, "; ".join(result.reasons))
    assert model.plans.error == f"No plan meets every limit: {why}"
    assert model.plans.status == WEEK_WORDS[WeekState.KEPT] and model.plans.stale
    assert "stale" in model.plans.status
    assert model.plans.good is good


def test_pin_baseline_drives_the_comparison(model: DashboardModel) -> None:
    assert not model.figures.shown["comparison"].data  # the "pin a plan" note
    model.figures.pin_baseline()
    assert model.figures.baseline is model.plans.good
    model.choices.minutes_per_session = 55
    model.flush()
    assert model.figures.baseline is not model.plans.good
    comparison = model.figures.shown["comparison"]
    assert len(comparison.data) >= 2  # current and baseline bars
    model.figures.clear_baseline()
    assert model.figures.baseline is None and not model.figures.shown["comparison"].data


def test_export_writes_checked_files_named_by_client_and_date(
    model: DashboardModel, library: Library, profiles: dict[str, SportProfile], tmp_path: Path
) -> None:
    plan_csv, coverage_csv = model.files.export(tmp_path / "out")
    assert plan_csv.name == "sam_home_2026-11-26_plan.csv"
    assert coverage_csv.name == "sam_home_2026-11-26_coverage.csv"
    good = model.plans.good
    assert good is not None and good.plan is not None
    assert iotools.read_plan(plan_csv) == good.plan
    client = good.problem.client
    targets = resolve_targets(library, client, profiles[client.sport])
    assert check_plan(iotools.read_plan(plan_csv), library, client, targets) == []
    client_toml = Path(model.files.exported[2])
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
    model.choices.weekdays = ()
    model.plans.replan()
    with pytest.raises(Exception, match="nothing exported"):
        model.files.export(tmp_path / "out")
    model.files.export_or_say()
    assert "nothing exported" in model.plans.error
    assert not (tmp_path / "out").exists() and not (tmp_path / "exports").exists()


def test_save_and_load_round_trip(
    model: DashboardModel, make_model: Callable[[], DashboardModel], tmp_path: Path
) -> None:
    model.choices.name = "Riley"
    model.choices.sport = "fighter"
    model.choices.avoid = ("impact",)
    model.choices.require = ("kettlebell_swing",)
    model.choices.set_priority("hamstrings", 3)
    model.choices.set_target("soleus", 10, 18)
    model.flush()
    saved = model.files.save_client(tmp_path / "riley.toml")
    assert saved is not None and saved.is_file()
    assert model.files.notice == f"Saved Riley to {saved}"
    other = make_model()
    other.files.load_client(saved)
    assert other.choices.client() == model.choices.client()
    assert other.files.client_path == str(saved) and other.files.save_path == str(saved)
    assert other.choices.priorities == {"hamstrings": 3.0}
    assert other.choices.targets == {"soleus": Override(10.0, 18.0)}
    assert other.plans.good is not None and other.plans.good.plan == model.plans.good.plan  # type: ignore[union-attr]


def test_a_failed_load_says_why_beside_load_and_keeps_the_plan_current(
    model: DashboardModel, tmp_path: Path
) -> None:
    """A file that cannot be loaded changes nothing on the page but the files notice: the
    plan shown still fits the choices shown, so it is not stale and Export still works."""
    good = model.plans.good
    bad = tmp_path / "bad.toml"
    bad.write_text('name = "X"\nweekdays = ["Mon"]\nminutes_per_session = 30\nlevel = "pro"\n')
    model.files.load_client(bad)
    assert model.files.notice.startswith(f"Not loaded: {bad}: level")  # the absolute path, once
    assert "'pro'" in model.files.notice and "\n" not in model.files.notice  # the value, one line
    assert model.plans.good is good and model.choices.name == "Sam (home)"
    assert (
        not model.plans.stale
        and model.plans.error == ""
        and model.plans.status.startswith("Week planned")
    )
    model.files.export_or_say()
    assert len(model.files.exported) == 3 and model.plans.error == ""
    model.files.load_client_text("not = [toml", "upload.toml")
    assert model.files.notice.startswith("Not loaded: upload.toml: is not valid TOML")
    assert "line 1" in model.files.notice  # where in the file
    model.files.load_client(tmp_path / "missing.toml")
    assert model.files.notice.startswith("Not loaded: ") and "not found" in model.files.notice
    assert (
        not model.plans.stale and len(model.files.exported) == 3
    )  # its files still belong to the plan


def test_a_failed_first_load_says_why_where_the_plan_would_be(
    make_model: Callable[[], DashboardModel], tmp_path: Path
) -> None:
    model = make_model()
    model.files.load_client(tmp_path / "missing.toml")
    assert (
        model.plans.good is None
        and "not found" in model.plans.error
        and "not found" in model.files.notice
    )


def test_loading_another_client_takes_the_previous_clients_downloads_away(
    model: DashboardModel, tmp_path: Path
) -> None:
    model.files.export_or_say()
    model.files.report_or_say()
    assert len(model.files.exported) == 3 and model.files.reported
    other = (ROOT / "data" / "clients" / "fighter.toml").read_text(encoding="utf-8")
    model.files.load_client_text(other, "fighter.toml")
    assert model.choices.name != "Sam (home)"
    assert model.files.exported == () and model.files.reported == ""  # no link sends Sam's plan
    model.files.export_or_say()
    assert len(model.files.exported) == 3
    model.files.load_client(HOME)
    assert model.files.exported == () and model.files.reported == ""


def test_the_status_says_the_whole_wait_in_one_short_line(
    model: DashboardModel, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The wait named is the coach's: every solve (the explanations' too, left out before)
    and the figures, from the change on; in words, no solver terms."""
    plan = planning_model.plan_stages

    def with_explanations(*args: Any, **kwargs: Any) -> Any:
        *weeks, final = plan(*args, **kwargs)
        yield from weeks
        time.sleep(0.4)  # a solve the plan's own solver seconds do not count
        yield final

    monkeypatch.setattr(planning_model, "plan_stages", with_explanations)
    started = time.perf_counter()
    model.choices.minutes_per_session = 55
    model.flush()
    waited = time.perf_counter() - started
    status = model.plans.status
    said = re.match(r"Week planned in ([\d.]+) s · ", status)
    assert said is not None, status
    assert float(said.group(1)) >= 0.4 and abs(float(said.group(1)) - waited) <= 0.15
    assert "\n" not in status and len(status) <= 120, status
    for jargon in ("highs", "cbc", "optimal", "coverage", "coach value", "budget", "stage"):
        assert jargon not in status.lower(), status
    assert model.plans.timings["waited"] >= model.plans.timings["total"] >= 0.4


def test_the_client_report_button_writes_what_workbench_report_writes(
    library: Library, profiles: dict[str, SportProfile], kits: dict[str, Kit], tmp_path: Path
) -> None:
    model = DashboardModel(library, profiles, kits, base_folder=tmp_path)  # today: the CLI's
    model.files.load_client(HOME)
    model.files.report_or_say()
    report = Path(model.files.reported)
    assert report.parent == tmp_path / "exports"
    assert report.name == f"sam_home_{date.today().isoformat()}_report.html"
    assert model.files.notice == f"Wrote the client's report to {report}"
    model.files.export_or_say()
    plan_csv, _, client_toml = model.files.exported
    out = tmp_path / "cli.html"
    assert main(["report", str(plan_csv), "--client", str(client_toml), "--out", str(out)]) == 0
    assert report.read_text(encoding="utf-8") == out.read_text(encoding="utf-8")
    # Asked while a week is being planned, the report waits for it, then is written.
    model.plans.busy = True
    assert model.files.planning
    model.files.report_or_say()
    assert model.files.reported == "" and model.files.report_waiting
    assert model.files.notice == "The client's report follows once this week is planned"
    model.plans.busy = False
    assert Path(model.files.reported) == report and not model.files.report_waiting
    assert model.files.notice == f"Wrote the client's report to {report}"
    model.choices.minutes_per_session = 0.5  # invalid: the plan shown is stale
    model.files.report_or_say()
    assert model.files.reported == "" and model.files.notice.startswith(
        "No report: nothing reported"
    )


def test_kits_set_the_equipment(model: DashboardModel, kits: dict[str, Kit]) -> None:
    assert {"home", "gym", "travel", "garage"} <= set(kits)
    model.choices.apply_kit("travel")
    assert model.choices.equipment == kits["travel"].equipment
    assert model.choices.kit == "travel"
    model.flush()
    used = {item for e in model.plans.good.plan.entries for item in e.equipment}  # type: ignore[union-attr]
    assert used <= {"bodyweight", *kits["travel"].equipment}
    model.choices.apply_kit("spaceship")
    assert "spaceship" in model.plans.error


def test_overrides_follow_the_sport_profile(model: DashboardModel) -> None:
    default = model.choices.resolved_targets["hamstrings"]
    model.choices.set_target("hamstrings", *default)
    assert model.choices.targets == {}  # the default band is no override
    model.choices.set_target("hamstrings", default[0] + 2, default[1])
    assert "hamstrings" in model.choices.targets
    model.choices.sport = "fighter"
    assert model.choices.resolved_priorities["gluteus_maximus"] == model.profiles[
        "fighter"
    ].priorities.get("gluteus_maximus", 1.0)
    model.choices.reset_overrides()
    assert model.choices.targets == {} and model.choices.priorities == {}
    model.flush()
    assert model.plans.good is not None and model.plans.good.problem.client.sport == "fighter"


@pytest.mark.parametrize(("name", "expected"), [("Sam (home)", "sam_home"), ("  ", "client")])
def test_slug(name: str, expected: str) -> None:
    assert slug(name) == expected


def test_a_bug_in_a_debounced_replan_is_logged_and_shown(
    model: DashboardModel, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken() -> None:
        raise ZeroDivisionError("bug")

    monkeypatch.setattr(model.plans, "replan", broken)
    model.choices.minutes_per_session = 30
    model.flush()
    assert model.plans.error.startswith("internal error: ZeroDivisionError")
    assert any(record.exc_info for record in caplog.records)


def test_close_the_gap_lists_relaxations_from_re_solves(model: DashboardModel) -> None:
    assert model.gap.close_the_gap() == ("every posterior-chain muscle is at its minimum already",)
    model.choices.equipment = ("band",)
    model.choices.weekdays = ("Mon",)  # one band session: short, and planned in a second
    model.choices.minutes_per_session = 30
    model.choices.level = "beginner"
    # A short week carries part of each floor; floors the coach sets stay whole.
    model.choices.set_target("hamstrings", 10, 20)
    model.choices.set_target("gluteus_maximus", 10, 20)
    model.choices.set_target("latissimus_dorsi", 10, 20)
    model.flush()
    good = model.plans.good
    assert good is not None and good.short
    lines = model.gap.close_the_gap()
    now = good.solved.shortfall or 0.0
    assert lines[0].startswith(f"now {now:g} sets a week short in all")
    assert any(line.startswith("45 min a session (+15)") for line in lines[1:])
    assert any(line.startswith("one more day (Wed)") for line in lines[1:])
    # Every change listed makes the shortfall smaller, one option per line.
    assert len(model.gap.relaxation_options) == len(lines) - 1
    assert all(r.shortfall < now for r in model.gap.relaxation_options)
    # A new plan makes the old answer stale: it is cleared.
    model.choices.minutes_per_session = 60
    model.flush()
    assert model.gap.relaxations == ()


def test_a_rename_reaches_the_plan_and_the_exports_and_never_overwrites(
    model: DashboardModel, tmp_path: Path
) -> None:
    original = model.files.export(tmp_path / "out")
    assert original[0].name == "sam_home_2026-11-26_plan.csv"
    model.choices.name = "Jo Copy"  # no re-plan: the name only labels
    assert not model.plans.debouncer.pending
    plan_csv, _ = model.files.export(tmp_path / "out")
    assert plan_csv.name == "jo_copy_2026-11-26_plan.csv"
    assert iotools.read_client(model.files.exported[2]).name == "Jo Copy"
    assert iotools.read_client(tmp_path / "out" / "sam_home_2026-11-26_client.toml").name == (
        "Sam (home)"
    )
    again = model.files.export(tmp_path / "out")  # same client, same day: a second copy
    assert again[0].name == "jo_copy_2026-11-26-2_plan.csv"
    assert again[0].read_bytes() == plan_csv.read_bytes()
    assert len(list((tmp_path / "out").iterdir())) == 9
    assert "Jo Copy" in model.figures.shown["coverage"].layout.title.text


def test_relative_export_folders_resolve_against_the_base_folder(
    model: DashboardModel, tmp_path: Path
) -> None:
    model.files.export_folder = "coach/out"
    model.files.export_or_say()
    assert model.plans.error == ""
    assert Path(model.files.exported[0]).parent == tmp_path / "coach" / "out"


def test_export_refuses_while_the_controls_are_invalid_and_clears_old_links(
    model: DashboardModel, tmp_path: Path
) -> None:
    model.files.export_folder = str(tmp_path / "out")
    model.files.export_or_say()
    assert len(model.files.exported) == 3
    model.choices.minutes_per_session = 0.5  # below the 1-minute minimum
    model.files.export_or_say()
    assert "nothing exported" in model.plans.error and model.files.exported == ()
    assert len(list((tmp_path / "out").iterdir())) == 3
    model.choices.minutes_per_session = 45  # valid again (a recalled plan)
    (tmp_path / "blocked").write_text("a file, not a folder", encoding="utf-8")
    model.files.export_folder = str(tmp_path / "blocked")
    model.files.export_or_say()
    assert model.plans.error.startswith(f"{tmp_path / 'blocked'}: cannot write there")
    assert model.files.exported == () and not model.plans.stale  # the plan still fits the choices
    model.files.export_folder = str(tmp_path / "out")
    model.files.export_or_say()  # a failed export does not block the next one
    assert model.plans.error == "" and len(model.files.exported) == 3


def test_an_empty_week_is_not_a_plan_and_cannot_be_exported(
    model: DashboardModel, library: Library, tmp_path: Path
) -> None:
    model.choices.ban = tuple(e.id for e in library.exercises)
    model.flush()
    assert model.plans.error.startswith("No exercise fits these choices")
    assert "proven optimal" not in model.plans.status and model.plans.stale
    with pytest.raises(Exception, match="nothing exported"):
        model.files.export(tmp_path / "out")


def test_a_negative_time_limit_is_rejected_in_words(model: DashboardModel) -> None:
    model.choices.time_limit = -5
    model.flush()
    assert model.plans.error.startswith("Time limit: -5 s is negative")
    model.choices.time_limit = 0
    model.flush()
    assert model.plans.error == ""


def test_an_unknown_exercise_id_is_named_not_dropped(model: DashboardModel) -> None:
    model.choices.require = ("kettlebell_swing", "kettlebel_swing")
    model.flush()
    assert model.plans.error.startswith("Required exercises: ")
    assert "kettlebel_swing" in model.plans.error and "field" not in model.plans.error
    assert model.choices.require == ("kettlebell_swing", "kettlebel_swing")


def test_save_asks_before_overwriting_and_never_writes_a_shipped_example(
    model: DashboardModel, tmp_path: Path
) -> None:
    # Loaded from a shipped example: Save points at the client's name in the base folder.
    assert model.files.save_path == str(tmp_path / "sam_home.toml")
    model.files.save_client(HOME)
    assert model.files.notice.startswith("Not saved: ") and "shipped example" in model.files.notice
    first = model.files.save_client()
    assert first == tmp_path / "sam_home.toml" and model.files.notice.startswith("Saved Sam (home)")
    model.choices.minutes_per_session = 30
    assert model.files.save_client() is None  # exists: waits for the coach's yes
    assert model.files.confirm_overwrite == str(first) and "overwrite it?" in model.files.notice
    assert iotools.read_client(first).minutes_per_session == 45
    model.files.cancel_save()
    assert model.files.confirm_overwrite == "" and model.files.notice == "Not saved"
    model.files.save_client()
    assert model.files.confirm_save() == first
    assert iotools.read_client(first).minutes_per_session == 30
    assert model.files.confirm_overwrite == "" and model.files.notice.startswith("Saved ")
    model.choices.name = "Kim"  # a save path made from the name follows it
    assert model.files.save_path == str(tmp_path / "kim.toml")


def test_an_upload_points_save_at_the_uploaded_name(model: DashboardModel, tmp_path: Path) -> None:
    model.files.load_uploaded((HOME.read_text(encoding="utf-8"), "my client.toml"))
    assert model.plans.error == "" and model.files.save_path == str(tmp_path / "my client.toml")
    assert model.files.notice == "Loaded the uploaded my client.toml"


def test_close_the_gap_changes_apply_with_one_call(model: DashboardModel) -> None:
    model.choices.equipment = ("band",)
    model.choices.weekdays = ("Mon",)  # one band session: short, and planned in a second
    model.choices.minutes_per_session = 30
    model.choices.level = "beginner"
    model.choices.set_target("hamstrings", 10, 20)  # a floor the coach sets stays whole
    model.choices.set_target("latissimus_dorsi", 10, 20)
    model.flush()
    before = model.plans.good.solved.shortfall  # type: ignore[union-attr]
    model.gap.close_the_gap()
    options = model.gap.relaxation_options
    assert options
    day = next(i for i, r in enumerate(options) if r.change.startswith("45 min a session"))
    model.gap.apply_relaxation(day)
    assert model.choices.minutes_per_session == 45 and model.choices.weekdays == ("Mon",)
    assert (
        model.plans.good is not None and model.plans.good.solved.shortfall == options[day].shortfall
    )
    assert model.plans.good.solved.shortfall < before  # type: ignore[operator]
    model.gap.apply_relaxation(7)
    assert "out of date" in model.plans.error


def test_recent_plans_come_from_the_cache(model: DashboardModel) -> None:
    first = model.plans.good
    model.choices.minutes_per_session = 50
    model.flush()
    hits = model.plans.cache_hits
    model.choices.minutes_per_session = 45
    model.flush()
    assert model.plans.cache_hits == hits + 1 and model.plans.good is first
    assert model.plans.state is WeekState.RECALLED
    assert model.plans.status.startswith("Week recalled in ")  # it says it is not a new solve
    assert "(planned earlier in " in model.plans.status
    model.choices.minutes_per_session = 55
    model.flush()
    assert model.plans.state is WeekState.PLANNED and "recalled" not in model.plans.status


def test_toggling_one_item_keeps_the_others(model: DashboardModel) -> None:
    model.choices.toggle_item("equipment", "dumbbell", True)
    assert model.choices.equipment == ("kettlebell", "band", "pullup_bar", "dumbbell")
    model.choices.toggle_item("equipment", "band", False)
    assert model.choices.equipment == ("kettlebell", "pullup_bar", "dumbbell")
    model.choices.toggle_item("avoid", "impact", True)
    assert model.choices.avoid == ("impact",)


# ----- what-if: what more time buys, another week like this, swap and lock ------------------


def test_sweep_values_stay_within_the_minutes_the_dashboard_allows() -> None:
    assert sweep_minutes_values(45) == (30, 45, 60, 75)
    assert sweep_minutes_values(20) == (20, 35, 50)
    assert sweep_minutes_values(230) == (215, 230)


def test_a_sweep_draws_one_bar_per_minutes_value(model: DashboardModel) -> None:
    model.whatif.sweep_minutes()  # shortfall only: fast
    figure = model.whatif.sweep_figure
    assert figure is not None and not model.whatif.sweeping
    bars = figure.data[0]
    assert list(bars.x) == ["30", "45", "60", "75"]  # the client's 45 min -15, +0, +15, +30
    assert figure.layout.height and figure.layout.height > 0
    assert "shortfall only" in figure.layout.title.text
    assert model.whatif.sweep_status.startswith("4 shortfall-only plans at 30, 45, 60, 75 min")
    assert list(bars.y) == sorted(bars.y, reverse=True)  # more time never costs coverage
    # A new plan makes the answer stale: it is cleared.
    model.choices.minutes_per_session = 50
    model.flush()
    assert model.whatif.sweep_figure is None


def test_another_week_shows_a_different_week_with_the_same_shortfall_then_back(
    model: DashboardModel,
) -> None:
    best = model.plans.good
    assert best is not None and best.plan is not None
    model.whatif.another_week()
    other = model.plans.good
    assert other is not None and other is not best and other.plan is not None
    assert other.plan.sets_by_exercise_day() != best.plan.sets_by_exercise_day()
    assert other.solved.shortfall == pytest.approx(best.solved.shortfall, abs=1e-6)
    assert not check_plan(other.plan, model.library, other.problem.client, other.problem.targets)
    assert model.whatif.week_index == 1
    assert model.plans.status.startswith("Week 2 of those found: the same shortfall")
    assert model.plans.status.startswith(model.whatif.week_note)
    model.whatif.best_week()
    assert model.plans.good is best and model.whatif.week_index == 0


def test_another_week_says_when_no_other_week_exists(model: DashboardModel) -> None:
    # One day, one kit item, a short session: the best week is the only one as good.
    model.set_client(
        model.choices.client().evolve(
            weekdays=("Mon",), minutes_per_session=10, equipment=("band",)
        )
    )
    best = model.plans.good
    model.whatif.another_week()
    if model.plans.good is best:
        assert model.whatif.week_note.startswith("No other week reaches the same shortfall")
    else:  # another week exists after all: it is a different, checked week
        assert model.plans.good is not None and model.plans.good.plan != best.plan  # type: ignore[union-attr]


def test_swap_bans_the_exercise_that_day_and_the_chosen_replacement_appears(
    model: DashboardModel,
) -> None:
    good = model.plans.good
    assert good is not None and good.plan is not None
    # The week's first exercise with another of its family at hand (a kettlebell swing has
    # none in the home kit: the note says so).
    for row in good.plan.entries:
        model.whatif.ask_swap(row.exercise_id, row.weekday)
        offers = model.whatif.candidates
        if offers:
            break
        assert "No exercise of the same family fits" in model.whatif.placement_note
    assert offers, model.whatif.placement_note
    family = model.library.exercise(row.exercise_id).family
    assert all(model.library.exercise(c.exercise_id).family == family for c in offers)
    chosen = offers[-1]
    model.whatif.take_swap(len(offers) - 1)
    assert model.plans.error == ""
    placed = model.plans.good.plan.sets_by_exercise_day()  # type: ignore[union-attr]
    assert (row.exercise_id, row.weekday) not in placed
    assert (chosen.exercise_id, row.weekday) in placed
    assert model.choices.swap == (f"{row.exercise_id}@{row.weekday}",)
    assert model.choices.lock == (f"{chosen.exercise_id}@{row.weekday}",)
    assert model.whatif.placement_note == f"Swapped in {chosen.name}."
    assert "recalled" in model.plans.status  # the offered week is the plan: not solved again
    words = [w for _, _, w in model.choices.placements()]
    assert f"Swapped out: {row.exercise} on {row.weekday}" in words


def test_lock_keeps_the_exercise_after_a_re_plan_and_can_be_removed(
    model: DashboardModel,
) -> None:
    good = model.plans.good
    assert good is not None and good.plan is not None
    row = good.plan.entries[-1]
    model.whatif.lock(row.exercise_id, row.weekday)
    text = f"{row.exercise_id}@{row.weekday}"
    assert model.choices.lock == (text,)
    model.choices.minutes_per_session = 30  # re-plan the rest
    model.flush()
    assert model.plans.error == ""
    assert (row.exercise_id, row.weekday) in model.plans.good.plan.sets_by_exercise_day()  # type: ignore[union-attr]
    assert model.choices.placements() == [
        ("lock", text, f"Locked: {row.exercise} on {row.weekday}")
    ]
    model.choices.remove_placement("lock", text)
    assert model.choices.lock == () and model.plans.debouncer.pending


def test_locks_and_swaps_round_trip_through_save(
    model: DashboardModel, make_model: Callable[[], DashboardModel], tmp_path: Path
) -> None:
    model.choices.lock = ("kettlebell_swing@Mon",)
    model.choices.swap = ("kettlebell_row@Wed",)
    model.flush()
    assert model.plans.error == ""
    saved = model.files.save_client(tmp_path / "sam_locked.toml")
    assert saved is not None
    text = saved.read_text()
    assert (
        'lock = [\n    "kettlebell_swing@Mon",\n]' in text
        or 'lock = ["kettlebell_swing@Mon"]' in text
    )
    other = make_model()
    other.files.load_client(saved)
    assert other.choices.lock == ("kettlebell_swing@Mon",) and other.choices.swap == (
        "kettlebell_row@Wed",
    )
    assert other.choices.client() == model.choices.client()


def test_a_lock_on_a_day_off_reads_in_exercise_names(model: DashboardModel) -> None:
    model.choices.lock = ("kettlebell_swing@Mon",)
    model.flush()
    model.choices.toggle_weekday("Mon", False)
    model.flush()
    assert model.plans.error == (
        "Locked exercises: Kettlebell swing on Mon names Mon, not a training day (Wed, Fri)"
    )


def test_a_full_sweep_checks_each_week_and_fills_the_plan_cache(model: DashboardModel) -> None:
    model.choices.minutes_per_session = 35
    model.flush()
    # 20, 35, 50, 65 min: one full plan each (the home client solves each in under 6 s; at
    # 75-105 min a session the coach value's proof takes minutes, see docs/speed.md)
    model.whatif.sweep_minutes(full=True)
    figure = model.whatif.sweep_figure
    assert figure is not None and list(figure.data[0].x) == ["20", "35", "50", "65"]
    assert "full plans" in figure.layout.title.text
    assert all(share == share for share in figure.data[1].y)  # a coach check at every value
    assert model.whatif.sweep_status.startswith("4 full plans at 20, 35, 50, 65 min")
    hits = model.plans.cache_hits
    model.choices.minutes_per_session = 50  # planned by the sweep: recalled, not solved again
    model.flush()
    assert model.plans.cache_hits == hits + 1 and "recalled" in model.plans.status


# ----- the parts: each with its own traits, none reaching into another ---------------------


def test_every_state_and_cause_has_its_words() -> None:
    assert set(WEEK_WORDS) == set(WeekState)
    assert set(NO_PLAN_WORDS) == set(NoPlan)


def test_what_the_week_is_and_why_there_is_none_are_enums(
    make_model: Callable[[], DashboardModel],
) -> None:
    model = make_model()
    plans = model.plans
    assert plans.state is WeekState.NONE and plans.cause is None and plans.status == ""
    model.choices.weekdays = ()
    model.flush()
    assert plans.cause is NoPlan.CHOICES and plans.state is WeekState.NONE
    assert plans.status == WEEK_WORDS[WeekState.NONE] and not plans.stale  # nothing to keep
    model.files.load_client(HOME)
    assert plans.state is WeekState.PLANNED and plans.cause is None and plans.error == ""
    model.choices.time_limit = -1
    model.flush()
    assert plans.cause is NoPlan.CHOICES and plans.state is WeekState.KEPT and plans.stale
    model.choices.time_limit = 0
    model.flush()
    assert plans.state is WeekState.RECALLED and plans.cause is None and not plans.stale


def test_parts_report_through_their_own_traits_and_never_hold_the_parent(
    make_model: Callable[[], DashboardModel],
) -> None:
    """A part that fails an action says so in its own ``error``; the page's one error line
    shows it. No part keeps a reference to the dashboard."""
    model = make_model()
    parts = (
        model.choices,
        model.plans,
        model.figures,
        model.files,
        model.gap,
        model.whatif,
        model.block,
    )
    for part in parts:
        assert not any(value is model for value in vars(part).values()), part
    model.figures.pin_baseline()  # no week to pin yet
    assert model.figures.error == "no plan to pin yet" == model.plans.error
    model.gap.apply_relaxation(0)
    assert model.gap.error.endswith("out of date: ask again") and model.plans.error == (
        model.gap.error
    )
    model.figures.pin_baseline()  # the same failure again still reaches the page
    assert model.plans.error == "no plan to pin yet"
    model.files.load_client(HOME)
    assert model.plans.error == ""  # a week for these choices: the earlier lines go
    model.choices.apply_kit("spaceship")
    assert model.choices.error.startswith("'spaceship' is not a kit") and model.plans.error == (
        model.choices.error
    )
    model.files.export_or_say()  # an export that works clears an action's line
    assert len(model.files.exported) == 3 and model.plans.error == ""


def test_the_gap_model_says_it_is_working_in_its_own_busy(model: DashboardModel) -> None:
    seen: list[tuple[bool, bool]] = []
    model.gap.observe(lambda change: seen.append((change.new, model.plans.busy)), names="busy")
    model.choices.equipment = ("band",)
    model.choices.weekdays = ("Mon",)  # one band session: short, and planned in a second
    model.choices.minutes_per_session = 30
    model.choices.level = "beginner"
    model.choices.set_target("hamstrings", 10, 20)  # a floor the coach sets stays whole
    model.choices.set_target("latissimus_dorsi", 10, 20)
    model.flush()
    assert model.plans.good is not None and model.plans.good.short
    model.gap.close_the_gap()
    assert seen == [(True, False), (False, False)]  # the planning's own flag is untouched
