"""Client files: load and save TOML by path, or load an uploaded file; the solver settings."""

from __future__ import annotations

from html import escape
from typing import Any

import ipywidgets as w
from traitlets import dlink, link

from workbench.optimize import SOLVERS
from workbench.ui.export_panel import download_links
from workbench.ui.files_model import FilesModel
from workbench.ui.model import DashboardModel

__all__ = ["AdvancedPanel", "FilesPanel", "uploaded"]

AUTO = w.Layout(width="auto", min_width="max-content")


def uploaded(value: Any) -> tuple[str, str] | None:
    """``(text, name)`` of the first file in a FileUpload value, None when empty."""
    if not value:
        return None
    first = value[0]
    return bytes(first["content"]).decode("utf-8-sig", errors="replace"), str(first["name"])


class FilesPanel(w.VBox):
    """Open a file, save to a file (asking before an overwrite), upload; the client's report
    of the shown plan; one notice line (a file that cannot be loaded says why here)."""

    def __init__(self, model: FilesModel) -> None:
        self.path = w.Text(
            description="Open file",
            continuous_update=False,
            layout=w.Layout(width="100%"),
            style={"description_width": "70px"},
        )
        self.save_path = w.Text(
            description="Save as",
            continuous_update=False,
            layout=w.Layout(width="100%"),
            style={"description_width": "70px"},
        )
        link((model, "client_path"), (self.path, "value"))
        link((model, "save_path"), (self.save_path, "value"))
        self.load = w.Button(description="Load", icon="folder-open", layout=AUTO)
        self.save = w.Button(description="Save", icon="save", layout=AUTO)
        self.upload = w.FileUpload(accept=".toml", multiple=False, description="Upload")
        self.overwrite = w.Button(
            description="Overwrite", icon="check", button_style="warning", layout=AUTO
        )
        self.cancel = w.Button(description="Cancel", icon="times", layout=AUTO)
        self.report = w.Button(
            description="Client report",
            icon="file",
            tooltip="the client's handout of the shown plan (as `workbench report` writes it)",
            layout=AUTO,
        )
        self.report_link = w.HTML()
        self.notice = w.HTML()
        self.path.add_class("wb-open-path")
        self.load.add_class("wb-load")
        self.report.add_class("wb-report")
        self.report_link.add_class("wb-report-link")
        self.save.add_class("wb-save")
        self.save_path.add_class("wb-save-path")
        self.overwrite.add_class("wb-overwrite")
        self.notice.add_class("wb-file-notice")
        self.load.on_click(lambda _: model.load_client())
        self.save.on_click(lambda _: model.save_client())
        self.overwrite.on_click(lambda _: model.confirm_save())
        self.cancel.on_click(lambda _: model.cancel_save())
        self.report.on_click(lambda _: model.report_or_say())
        dlink((model, "reported"), (self.report_link, "value"), _report_link)
        self.upload.observe(lambda c: model.load_uploaded(uploaded(c.new)), names="value")
        self.confirm = w.HBox([self.overwrite, self.cancel])
        dlink((model, "confirm_overwrite"), (self.confirm.layout, "display"), _shown)
        dlink((model, "notice"), (self.notice, "value"), lambda text: escape(text))
        super().__init__(
            [
                w.HBox([self.path, self.load], layout=w.Layout(width="100%")),
                w.HBox([self.save_path, self.save], layout=w.Layout(width="100%")),
                self.upload,
                self.notice,
                self.confirm,
                w.HBox([self.report, self.report_link], layout=w.Layout(flex_flow="row wrap")),
            ]
        )


def _report_link(path: str) -> str:
    return download_links([path]) if path else ""


def _shown(pending: str) -> str:
    return "flex" if pending else "none"


class AdvancedPanel(w.VBox):
    """The solver's settings, the sets per exercise, the exercise cap, and a re-plan."""

    def __init__(self, model: DashboardModel) -> None:
        plans, choices = model.plans, model.choices
        self.solver = w.Dropdown(options=list(SOLVERS), description="Solver")
        # Not bounded: a bounded box clamps -5 to 0 silently; the model rejects it in words.
        self.time_limit = w.FloatText(
            step=1,
            description="Time limit [s]",
            style={"description_width": "90px"},
        )
        self.sets = w.IntRangeSlider(
            min=1,
            max=10,
            description="Sets/exercise",
            continuous_update=False,
            style={"description_width": "90px"},
        )
        self.max_exercises = w.BoundedIntText(
            min=0,
            max=30,
            description="Max exercises",
            style={"description_width": "90px"},
        )
        link((choices, "solver"), (self.solver, "value"))
        link((choices, "time_limit"), (self.time_limit, "value"))

        # One slider for both bounds of hard limit 5; 0 exercises means no cap (limit 9).
        def show_sets(_change: object = None) -> None:
            self.sets.value = (choices.min_sets_per_exercise, choices.max_sets_per_exercise)

        show_sets()
        choices.observe(show_sets, names=["min_sets_per_exercise", "max_sets_per_exercise"])
        self.sets.observe(lambda change: choices.set_sets_per_exercise(*change.new), names="value")
        link(
            (choices, "max_exercises_per_session"),
            (self.max_exercises, "value"),
            transform=(lambda cap: cap or 0, lambda value: value or None),
        )
        self.replan = w.Button(description="Re-plan now", icon="refresh", layout=AUTO)
        self.replan.on_click(lambda _: plans.replan())
        super().__init__(
            [
                self.solver,
                self.time_limit,
                self.sets,
                self.max_exercises,
                w.HTML("<small>time limit 0: until proven; max exercises 0: no cap</small>"),
                self.replan,
            ]
        )
