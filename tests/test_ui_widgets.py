"""The dashboard's widgets in plain Python: set controls, click buttons, watch the model.

Widget callbacks swallow exceptions (ipywidgets logs them; traitlets observers fired from
the frontend too), so an autouse fixture turns any logged callback error into a failure.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import ipywidgets as w
import pytest

from workbench import iotools
from workbench.client import SportProfile
from workbench.library import Library
from workbench.ui import dashboard
from workbench.ui.model import FIGURES, DashboardModel
from workbench.ui.view import DashboardView

# Every dashboard re-plan runs the real solver once per distinct input in the session
# (conftest.solved_once); each model still keeps, and is tested on, its own cache.
pytestmark = pytest.mark.usefixtures("solved_once")

ROOT = Path(__file__).resolve().parent.parent
HOME = ROOT / "data" / "clients" / "home_kettlebell.toml"
PLOTLY_MIME = "application/vnd.plotly.v1+json"


class _Recorder(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@pytest.fixture(autouse=True)
def callback_errors(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Every exception a widget callback logs or shows; the test fails when there is one."""
    recorder = _Recorder()
    loggers = [logging.getLogger(name) for name in ("", "traitlets", "ipywidgets", "workbench")]
    for logger in loggers:
        logger.addHandler(recorder)
    shown: list[str] = []
    from IPython.core.interactiveshell import InteractiveShell

    monkeypatch.setattr(
        InteractiveShell, "showtraceback", lambda self, *a, **k: shown.append(repr(a))
    )
    errors: list[str] = shown
    yield errors
    for logger in loggers:
        logger.removeHandler(recorder)
    errors += [r.getMessage() for r in recorder.records if r.exc_info or "xception" in r.msg]
    assert not errors, f"a widget callback raised: {errors}"


@pytest.fixture
def view(library: Library, profiles: dict[str, SportProfile], tmp_path: Path) -> DashboardView:
    """A dashboard whose re-plans wait for ``model.flush()`` (no timer)."""
    model = DashboardModel(
        library,
        profiles,
        iotools.read_kits(library=library),
        export_folder=str(tmp_path / "exports"),
    )
    view = DashboardView(model)
    model.files.load_client(HOME)
    return view


def figure_json(view: DashboardView, name: str) -> str:
    outputs = view.figures.outputs[name].outputs
    assert len(outputs) == 1
    return json.dumps(outputs[0]["data"][PLOTLY_MIME], sort_keys=True)


def test_callback_errors_are_caught_by_the_fixture(callback_errors: list[str]) -> None:
    button = w.Button()

    def broken(_: Any) -> None:
        raise RuntimeError("boom")

    button.on_click(broken)
    button.click()
    # The dispatcher logged it; the fixture would fail this test at teardown.
    handler = next(h for h in logging.getLogger("").handlers if isinstance(h, _Recorder))
    assert any("boom" in str(r.exc_info) for r in handler.records)
    handler.records.clear()


def test_entry_point_builds_a_planned_dashboard(tmp_path: Path) -> None:
    view = dashboard(HOME, export_folder=tmp_path)
    model = view.model
    assert model.plans.good is not None and model.plans.good.plan is not None
    assert "Week planned in " in view.status.value and "coach check" in view.status.value
    assert view.error.value == ""
    for name in FIGURES:
        assert PLOTLY_MIME in view.figures.outputs[name].outputs[0]["data"]
    names = [m.name for m in model.library.posterior_chain]
    coverage = figure_json(view, "coverage")
    assert all(json.dumps(name)[1:-1] in coverage for name in names)
    first = model.plans.good.plan.entries[0]
    assert first.exercise in view.plan.value
    assert view.controls.minutes.continuous_update is False
    # No running event loop here: a control change re-plans at once.
    view.controls.minutes.value = 30
    assert model.plans.good.problem.client.minutes_per_session == 30


def test_minutes_slider_replans_and_redraws(view: DashboardView) -> None:
    model = view.model
    before = {name: figure_json(view, name) for name in ("coverage", "minutes")}
    plan = model.plans.good
    view.controls.minutes.value = 55
    view.controls.minutes.value = 60  # a second release before the debounce fires
    assert model.plans.good is plan
    model.flush()
    assert model.plans.good is not plan and model.plans.good is not None
    assert model.plans.good.problem.client.minutes_per_session == 60
    assert figure_json(view, "minutes") != before["minutes"]
    assert figure_json(view, "coverage") != before["coverage"]
    assert "60 min" in view.plan.value


def test_one_change_redraws_every_figure_in_one_update(view: DashboardView) -> None:
    """Each new set of figures reaches the page as one update of the figures' grid: the
    changed figures are put into Outputs off the page, then swapped in together. No Output
    on the page is ever redrawn in place (one figure after another)."""
    model, panel = view.model, view.figures
    updates: list[tuple[Any, ...]] = []
    panel.grid.observe(lambda change: updates.append(change.new), names="children")
    sets: list[object] = []
    model.figures.observe(lambda change: sets.append(change.new), names="shown")
    in_place: list[str] = []

    def on_page(out: w.Output) -> bool:
        return any(out in getattr(slot, "children", ()) for slot in panel.grid.children)

    for name in FIGURES:
        for out in panel._buffers[name]:
            out.observe(
                lambda change, out=out, name=name: in_place.append(name) if on_page(out) else None,
                names="outputs",
            )
    before = {name: figure_json(view, name) for name in FIGURES}
    view.controls.minutes.value = 55  # a new week: planned, maybe shown improving first
    model.flush()
    assert sets and len(updates) == len(sets)  # one grid update per set of figures
    assert not in_place, in_place
    after = {name: figure_json(view, name) for name in FIGURES}
    assert {"coverage", "minutes", "heatmap", "balance"} <= {
        name for name in FIGURES if after[name] != before[name]
    }
    sets.clear()
    updates.clear()
    view.controls.minutes.value = 45  # recalled: one change, one set of figures
    model.flush()
    assert model.plans.status.startswith("Week recalled")
    assert len(sets) == 1 and len(updates) == 1 and not in_place
    assert {name: figure_json(view, name) for name in FIGURES} == before
    panel.show(model.figures.shown)  # nothing differs: nothing sent
    assert len(updates) == 1
    # The status line and the figures say which week they show.
    week = model.plans.week_shown
    assert f"data-week='{week}'" in view.status.value
    assert f"wb-week-{week}" in panel.grid._dom_classes
    panel.show(
        model.figures.shown, week=week + 1
    )  # the same figures for the next week: stamped only
    assert len(updates) == 1
    assert [c for c in panel.grid._dom_classes if c.startswith("wb-week-")] == [
        f"wb-week-{week + 1}"
    ]


def test_the_warm_up_slider_shows_a_loaded_warm_up_without_changing_it(
    view: DashboardView,
) -> None:
    """A client file's warm-up the slider cannot show exactly (7.5 min, rounded) stays the
    client's; moving the slider sets a new one."""
    model = view.model
    model.set_client(model.choices.client().evolve(minutes_per_session=90, warmup_minutes=7.5))
    assert view.controls.warmup.value == 8  # shown, rounded
    assert model.choices.client().warmup_minutes == 7.5
    view.controls.warmup.value = 10
    assert model.choices.client().warmup_minutes == 10


def test_weekday_toggles_follow_and_drive_the_model(view: DashboardView) -> None:
    model = view.model
    toggles = view.controls.weekdays
    assert [d for d, t in toggles.items() if t.value] == ["Mon", "Wed", "Fri"]
    toggles["Sat"].value = True
    assert model.choices.weekdays == ("Mon", "Wed", "Fri", "Sat")
    model.flush()
    assert "Sat" in model.plans.good.problem.weekdays  # type: ignore[union-attr]
    assert "Sat &middot;" in view.plan.value
    model.choices.toggle_weekday("Mon", False)
    assert toggles["Mon"].value is False


def test_kit_buttons_set_equipment(view: DashboardView) -> None:
    model = view.model
    assert view.controls.kits["home"].button_style == "info"
    view.controls.kits["gym"].click()
    on = {item for item, toggle in view.controls.equipment.items() if toggle.value}
    assert on == set(model.kits["gym"].equipment)
    assert view.controls.kits["gym"].button_style == "info"
    assert view.controls.kits["home"].button_style == ""
    model.flush()
    assert model.plans.good is not None and set(model.plans.good.problem.client.equipment) == set(
        model.kits["gym"].equipment
    )


def test_level_sport_and_avoid_controls(view: DashboardView) -> None:
    model = view.model
    view.controls.level.value = "beginner"
    view.controls.sport.value = "fighter"
    view.controls.avoid["impact"].value = True
    model.flush()
    client = model.plans.good.problem.client  # type: ignore[union-attr]
    assert (client.level, client.sport, client.avoid) == ("beginner", "fighter", ("impact",))
    fighter = model.profiles["fighter"]
    for muscle, weight in fighter.priorities.items():
        if muscle in view.muscles.priorities:
            assert view.muscles.priorities[muscle].value == weight


def test_error_shows_inline_and_keeps_the_plan(view: DashboardView) -> None:
    model = view.model
    figure = figure_json(view, "coverage")
    for toggle in view.controls.weekdays.values():
        toggle.value = False
    model.flush()
    assert "Training days: names no training day" in view.error.value
    assert "color:#d1495b" in view.error.value
    assert "no training day" not in view.status.value  # said once, in the error line
    assert "Stale:" in view.plan.value and "Stale:" in view.figures.stale_note.value
    assert "wb-stale" in view.figures._dom_classes
    assert figure_json(view, "coverage") == figure
    view.controls.weekdays["Tue"].value = True
    model.flush()
    assert view.error.value == ""
    assert "wb-stale" not in view.figures._dom_classes and view.figures.stale_note.value == ""


def test_pin_and_export_buttons(view: DashboardView, tmp_path: Path) -> None:
    model = view.model
    assert not view.figures.outputs["comparison"].outputs[0]["data"][PLOTLY_MIME]["data"]
    view.export.pin.click()
    assert model.figures.baseline is model.plans.good
    assert view.export.clear.disabled is False
    view.controls.minutes.value = 30
    model.flush()
    assert len(view.figures.outputs["comparison"].outputs[0]["data"][PLOTLY_MIME]["data"]) >= 2
    view.export.export.click()
    written = sorted(p.name for p in (tmp_path / "exports").iterdir())
    assert [name.rsplit("_", 1)[1] for name in written] == [
        "client.toml",
        "coverage.csv",
        "plan.csv",
    ]
    assert view.export.downloads.value.count("data:text/csv;base64,") == 2
    plan = iotools.read_plan(model.files.exported[0])
    assert plan == model.plans.good.plan  # type: ignore[union-attr]
    view.export.clear.click()
    assert model.figures.baseline is None and view.export.clear.disabled


def test_muscle_sliders_store_overrides(view: DashboardView) -> None:
    model = view.model
    view.muscles.priorities["hamstrings"].value = 3.0
    view.muscles.targets["soleus"].value = (10.0, 18.0)
    assert model.choices.priorities == {"hamstrings": 3.0}
    assert model.choices.targets["soleus"].min_sets == 10.0
    model.flush()
    rows = {r.muscle_id: r for r in model.plans.good.coverage}  # type: ignore[union-attr]
    assert rows["soleus"].min_sets == 10.0
    view.muscles.reset.click()
    assert model.choices.targets == {} and model.choices.priorities == {}
    assert view.muscles.priorities["hamstrings"].value == 1.0


def test_exercise_search_require_and_ban(view: DashboardView) -> None:
    model = view.model
    view.exercises.search.value = "kettlebell swing"
    ids = [value for _, value in view.exercises.found.options]
    assert "kettlebell_swing" in ids
    view.exercises.found.value = "kettlebell_swing"
    view.exercises.add_require.click()
    assert model.choices.require == ("kettlebell_swing",)
    assert list(view.exercises.require.value) == ["kettlebell_swing"]
    model.flush()
    used = {e.exercise_id for e in model.plans.good.plan.entries}  # type: ignore[union-attr]
    assert "kettlebell_swing" in used
    view.exercises.add_ban.click()
    assert model.choices.ban == ("kettlebell_swing",) and model.choices.require == ()
    view.exercises.ban.value = []
    assert model.choices.ban == ()


def test_client_file_buttons(view: DashboardView, tmp_path: Path) -> None:
    model = view.model
    path = tmp_path / "saved.toml"
    view.files.save_path.value = str(path)
    view.controls.name.value = "Robin"
    view.files.save.click()
    assert iotools.read_client(path).name == "Robin"
    assert f"Saved Robin to {path}" in view.files.notice.value
    assert view.files.confirm.layout.display == "none"
    view.controls.minutes.value = 30
    view.files.save.click()  # the file exists now: the page asks first
    assert (
        view.files.confirm.layout.display == "flex" and "overwrite it?" in view.files.notice.value
    )
    assert iotools.read_client(path).minutes_per_session == 45
    view.files.overwrite.click()
    assert iotools.read_client(path).minutes_per_session == 30
    assert view.files.confirm.layout.display == "none"
    view.files.path.value = str(path)
    view.controls.name.value = "Someone else"
    view.files.load.click()
    assert model.choices.name == "Robin" and view.controls.name.value == "Robin"
    text = HOME.read_bytes()
    view.files.upload.value = (
        {
            "name": "home.toml",
            "type": "",
            "size": len(text),
            "content": memoryview(text),
            "last_modified": datetime.now(UTC),
        },
    )
    assert model.choices.name == "Sam (home)" and model.plans.error == ""
    assert view.files.save_path.value.endswith("/home.toml")


def _upload(view: DashboardView, path: Path) -> None:
    text = path.read_bytes()
    view.files.upload.value = (
        {
            "name": path.name,
            "type": "",
            "size": len(text),
            "content": memoryview(text),
            "last_modified": datetime.now(UTC),
        },
    )


def test_a_failed_load_shows_beside_load_and_leaves_export_alone(
    view: DashboardView, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('name = "X"\nweekdays = ["Mon"]\nminutes_per_session = 30\nlevel = "pro"\n')
    view.files.path.value = str(bad)
    view.files.load.click()
    assert f"Not loaded: {bad}: level" in view.files.notice.value
    assert view.error.value == "" and view.figures.stale_note.value == ""
    view.export.export.click()
    assert view.export.downloads.value.count("data:text/csv;base64,") == 2


def test_client_report_button_and_links_of_the_previous_client(
    view: DashboardView, tmp_path: Path
) -> None:
    """The client's handout from the files panel; another client's upload takes every link
    of the previous client off the page (one click must never send the wrong plan)."""
    view.export.export.click()
    view.files.report.click()
    assert view.files.report_link.value.count('download="sam_home_') == 1
    assert "data:text/html;base64," in view.files.report_link.value
    assert "Wrote the client&#x27;s report to " in view.files.notice.value
    assert view.export.downloads.value
    _upload(view, ROOT / "data" / "clients" / "fighter.toml")
    assert view.model.choices.name != "Sam (home)"
    assert view.export.downloads.value == "" and view.files.report_link.value == ""


def test_narrow_outputs_keep_the_level_words_and_the_plan_whole(view: DashboardView) -> None:
    """JupyterLab at 1400 px cut "intermediate" at 92 px and the plan's time column at half
    the results: buttons as wide as their words; the plan beside the coverage figure only
    while both fit, below it otherwise, never clipped."""
    for buttons in (view.controls.level, view.controls.scope):
        assert buttons.style.button_width == "auto"
        assert buttons.layout.flex_flow == "row wrap"
    plan = view.figures.plan_box
    assert plan.layout.flex == "1 1 440px" and plan.layout.width == "auto"
    assert plan.layout.overflow == "auto"  # a scroll bar at worst, never a cut column
    row = next(c for c in view.figures.children if plan in getattr(c, "children", ()))
    assert row.layout.flex_flow == "row wrap"
    coverage = next(c for c in row.children if view.figures.outputs["coverage"] in c.children)
    assert coverage.layout.flex == "1 1 440px"
    assert int(coverage.layout.order) < int(plan.layout.order)  # the plan to its right


def test_equipment_and_avoid_toggle_one_item_per_click(view: DashboardView) -> None:
    model = view.model
    equipment = view.controls.equipment
    assert len(equipment) == 12 and equipment["pullup_bar"].description == "Pull-up bar"
    equipment["dumbbell"].value = True  # one click adds one item, the rest stay
    assert model.choices.equipment == ("kettlebell", "band", "pullup_bar", "dumbbell")
    equipment["band"].value = False
    assert model.choices.equipment == ("kettlebell", "pullup_bar", "dumbbell")
    assert [t.value for t in equipment.values()].count(True) == 3
    avoid = view.controls.avoid
    assert len(avoid) == 7 and avoid["deep_knee_flexion"].description == "Deep knee bend"
    avoid["impact"].value = True
    avoid["overhead"].value = True
    assert model.choices.avoid == ("impact", "overhead")


def test_advanced_controls(view: DashboardView) -> None:
    model = view.model
    view.advanced.solver.value = "cbc"
    view.advanced.time_limit.value = 20
    view.advanced.sets.value = (3, 4)
    view.advanced.max_exercises.value = 5
    view.advanced.replan.click()
    assert not model.plans.debouncer.pending
    assert (model.choices.min_sets_per_exercise, model.choices.max_sets_per_exercise) == (3, 4)
    assert model.choices.max_exercises_per_session == 5
    assert model.plans.good is not None and model.plans.good.solved.solver == "cbc"
    plan = model.plans.good.plan
    assert plan is not None and {e.sets for e in plan.entries} <= {3, 4}
    assert max(len(plan.session(d)) for d in plan.training_weekdays) <= 5
    assert model.choices.options().time_limit == 20
    view.advanced.max_exercises.value = 0  # no cap
    assert model.choices.max_exercises_per_session is None


def test_coach_check_panel_follows_the_plan(view: DashboardView) -> None:
    model = view.model
    assert model.plans.good is not None and model.plans.good.check is not None
    page = view.check.value
    assert model.plans.good.check.summary() in page
    assert page.count("<tr>") == 19  # every criterion, with its number
    assert "✗" not in page  # the home client's week passes every criterion
    view.controls.minutes.value = 15  # a week too short for the rubric
    model.flush()
    assert model.plans.good.check is not None and model.plans.good.check.failed
    assert "✗" in view.check.value and model.plans.good.check.summary() in view.check.value


def test_close_the_gap_button(view: DashboardView) -> None:
    model = view.model
    assert view.gap.ask.disabled  # every muscle covered: nothing to ask
    # A short week carries part of each floor; floors the coach sets stay whole.
    for muscle in ("hamstrings", "latissimus_dorsi", "gluteus_maximus", "erector_spinae"):
        model.choices.set_target(muscle, 16, 20)
    view.controls.minutes.value = 15
    model.flush()
    assert model.plans.good is not None and model.plans.good.short
    assert not view.gap.ask.disabled
    view.gap.ask.click()
    assert "sets a week short" in view.gap.answer.value
    assert len(view.gap.apply) == len(model.gap.relaxation_options) >= 1
    chosen = model.gap.relaxation_options[0]
    view.gap.apply[0].click()
    assert model.plans.good is not None
    assert model.plans.good.problem.client == chosen.client  # the change, planned
    assert model.plans.good.solved.shortfall == chosen.shortfall
    assert view.gap.apply == [] and view.gap.answer.value == ""  # the old answer is cleared


def test_what_if_buttons_draw_the_sweep_and_step_through_weeks(view: DashboardView) -> None:
    model = view.model
    assert view.whatif.best.disabled
    view.whatif.sweep_fast.click()
    outputs = view.whatif.sweep_output.outputs
    assert len(outputs) == 1
    figure = outputs[0]["data"][PLOTLY_MIME]
    assert [str(x) for x in figure["data"][0]["x"]] == ["30", "45", "60", "75"]
    assert figure["layout"]["height"] > 0
    assert view.whatif.sweep_status.value.startswith("4 shortfall-only plans")
    assert not view.whatif.sweep_fast.disabled

    best = model.plans.good
    view.whatif.another.click()
    assert model.plans.good is not best and "Week 2" in view.whatif.week_note.value
    assert not view.whatif.best.disabled
    assert model.plans.good.plan.entries[0].exercise in view.plan.value  # type: ignore[union-attr]
    view.whatif.best.click()
    assert model.plans.good is best and view.whatif.best.disabled


def test_lock_and_swap_from_a_plan_row(view: DashboardView) -> None:
    model = view.model
    rows = view.placements.row.options
    assert rows and rows[0][0].startswith("Mon 1: ")  # exercise names, not ids
    exercise_id, weekday = view.placements.row.value
    name = model.library.exercise(exercise_id).name
    view.placements.lock.click()
    assert model.choices.lock == (f"{exercise_id}@{weekday}",)
    assert f"Locked: {name} on {weekday}" in view.placements.listed.children[0].children[1].value
    view.placements.remove_buttons[f"{exercise_id}@{weekday}"].click()
    assert model.choices.lock == () and view.placements.listed.children == ()
    model.flush()

    # The last row whose exercise has a same-family exercise the client's kit allows.
    kit = set(model.choices.equipment) | {"bodyweight"}

    def has_family(exercise_id: str) -> bool:
        mine = model.library.exercise(exercise_id)
        return any(
            other.family == mine.family and other.id != mine.id and set(other.equipment) <= kit
            for other in model.library.exercises
        )

    view.placements.row.value = next(
        value for _, value in reversed(view.placements.row.options) if has_family(value[0])
    )
    exercise_id, weekday = view.placements.row.value
    view.placements.swap.click()
    offers = model.whatif.candidates
    assert offers and len(view.placements.offer_buttons) == len(offers)
    view.placements.offer_buttons[0].click()
    placed = model.plans.good.plan.sets_by_exercise_day()  # type: ignore[union-attr]
    assert (exercise_id, weekday) not in placed
    assert (offers[0].exercise_id, weekday) in placed
    assert model.choices.swap == (f"{exercise_id}@{weekday}",)
    assert view.placements.offers.children == ()  # the offer is taken: cleared
