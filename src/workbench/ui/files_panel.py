"""Client files: load and save TOML by path, or load an uploaded file; the solver settings."""

from __future__ import annotations

from typing import Any

import ipywidgets as w
from traitlets import link

from workbench.optimize import SOLVERS
from workbench.ui.model import DashboardModel

__all__ = ["AdvancedPanel", "FilesPanel", "uploaded"]


def uploaded(value: Any) -> tuple[str, str] | None:
    """``(text, name)`` of the first file in a FileUpload value, None when empty."""
    if not value:
        return None
    first = value[0]
    return bytes(first["content"]).decode("utf-8-sig", errors="replace"), str(first["name"])


class FilesPanel(w.VBox):
    def __init__(self, model: DashboardModel) -> None:
        self.path = w.Text(
            description="Client file", continuous_update=False, layout=w.Layout(width="100%")
        )
        link((model, "client_path"), (self.path, "value"))
        self.load = w.Button(description="Load", icon="folder-open")
        self.save = w.Button(description="Save", icon="save")
        self.upload = w.FileUpload(accept=".toml", multiple=False, description="Upload")
        self.load.on_click(lambda _: model.load_client())
        self.save.on_click(lambda _: model.save_client())
        self.upload.observe(lambda c: model.load_uploaded(uploaded(c.new)), names="value")
        super().__init__([self.path, w.HBox([self.load, self.save, self.upload])])


class AdvancedPanel(w.VBox):
    def __init__(self, model: DashboardModel) -> None:
        self.solver = w.Dropdown(options=list(SOLVERS), description="Solver")
        self.time_limit = w.BoundedFloatText(
            min=0,
            max=3600,
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
        link((model, "solver"), (self.solver, "value"))
        link((model, "time_limit"), (self.time_limit, "value"))

        # One slider for both bounds of hard limit 5; 0 exercises means no cap (limit 9).
        def show_sets(_change: object = None) -> None:
            self.sets.value = (model.min_sets_per_exercise, model.max_sets_per_exercise)

        show_sets()
        model.observe(show_sets, names=["min_sets_per_exercise", "max_sets_per_exercise"])
        self.sets.observe(lambda change: model.set_sets_per_exercise(*change.new), names="value")
        link(
            (model, "max_exercises_per_session"),
            (self.max_exercises, "value"),
            transform=(lambda cap: cap or 0, lambda value: value or None),
        )
        self.replan = w.Button(description="Re-plan now", icon="refresh")
        self.replan.on_click(lambda _: model.replan())
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
