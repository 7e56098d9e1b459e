"""The dashboard's view: panels of widgets bound to a :class:`DashboardModel`.

Widgets only: each binding is a ``link``/``dlink`` or a one-line callback calling a model
method. State and behaviour live in the model, which the tests drive without widgets.
"""

from __future__ import annotations

import asyncio
from html import escape
from pathlib import Path

import ipywidgets as w
from traitlets import dlink

from workbench import iotools
from workbench.ui.block_panel import BlockPanel
from workbench.ui.check_panel import CheckPanel
from workbench.ui.controls import ControlsPanel
from workbench.ui.debounce import default_timer
from workbench.ui.exercises_panel import ExercisesPanel
from workbench.ui.export_panel import ExportPanel
from workbench.ui.figures_panel import FiguresPanel
from workbench.ui.files_panel import AdvancedPanel, FilesPanel
from workbench.ui.gap_panel import GapPanel
from workbench.ui.model import DashboardModel
from workbench.ui.muscles_panel import MusclesPanel
from workbench.ui.placements_panel import PlacementsPanel
from workbench.ui.plan_table import PlanTable
from workbench.ui.whatif_panel import WhatIfPanel
from workbench.ui.worker import PlanWorker

__all__ = ["DashboardView", "build_dashboard"]


def status_html(status: str, week: int = 0) -> str:
    """The status line, stamped with the number of the week it describes."""
    return f"<span class='wb-status' data-week='{week}'>{escape(status)}</span>"


def error_html(error: str) -> str:
    return f"<span class='wb-error' style='color:#d1495b'>{escape(error)}</span>" if error else ""


def busy_html(busy: bool) -> str:
    return "<i class='fa fa-spinner fa-spin'></i> re-planning…" if busy else ""


#: Page-wide rules: stale figures greyed; long labels wrap rather than being cut off.
CSS = (
    "<style>.wb-stale .js-plotly-plot{opacity:.45}"
    ".wb-dashboard .widget-button{overflow:visible}"
    ".wb-dashboard .widget-label{overflow:visible;white-space:normal}</style>"
)


class DashboardView(w.VBox):
    """The whole dashboard; ``view.model`` holds its state."""

    def __init__(self, model: DashboardModel) -> None:
        self.model = model
        plans, figures = model.plans, model.figures
        # A panel bound to one part gets that part; one that spans parts, the parent.
        self.controls = ControlsPanel(model.choices)
        self.muscles = MusclesPanel(model.choices)
        self.exercises = ExercisesPanel(model.choices)
        self.files = FilesPanel(model.files)
        self.advanced = AdvancedPanel(model)
        self.export = ExportPanel(model)
        self.gap = GapPanel(model.gap)
        self.plan = PlanTable(model)
        self.placements = PlacementsPanel(model)
        self.whatif = WhatIfPanel(model.whatif)
        self.figures = FiguresPanel(beside=w.VBox([self.plan, self.placements]))
        self.check = CheckPanel(plans)
        self.block = BlockPanel(model)

        self.status = w.HTML()
        self.error = w.HTML()
        self.status.add_class("wb-status-line")
        self.error.add_class("wb-error-line")
        self.busy = w.HTML()
        self.busy.add_class("wb-busy")
        self.show_status()
        plans.observe(lambda change: self.show_status(), names="status")
        dlink((plans, "error"), (self.error, "value"), error_html)
        self.show_busy()
        plans.observe(lambda change: self.show_busy(), names="busy")
        model.gap.observe(lambda change: self.show_busy(), names="busy")
        self.figures.show(figures.shown, week=figures.shown_week)
        figures.observe(
            lambda change: self.figures.show(figures.shown, week=figures.shown_week),
            names=["shown_week", "shown"],
        )
        plans.observe(lambda change: self.figures.mark_stale(change.new), names="stale")

        self.sections = w.Accordion(
            children=[self.controls, self.muscles, self.exercises, self.files, self.advanced],
            titles=(
                "Client",
                "Muscles: priorities and targets",
                "Required and banned exercises",
                "Client file",
                "Advanced",
            ),
            selected_index=0,
            layout=w.Layout(width="430px", min_width="430px"),
        )
        results = w.VBox(
            [
                w.HBox([self.status, self.busy]),
                self.error,
                self.export,
                self.gap,
                self.whatif,
                self.figures,
                w.HTML("<h3>Coach check</h3>"),
                self.check,
                w.HTML("<h3>Training block</h3>"),
                self.block,
            ],
            layout=w.Layout(flex="1 1 auto", width="100%", padding="0 0 0 12px"),
        )
        super().__init__(
            [
                w.HTML(f"{CSS}<h2>Posterior-chain program workbench</h2>"),
                w.HBox([self.sections, results], layout=w.Layout(width="100%")),
            ],
            layout=w.Layout(width="100%"),
        )
        self.add_class("wb-dashboard")

    def show_status(self) -> None:
        plans = self.model.plans
        self.status.value = status_html(plans.status, plans.week_shown)

    def show_busy(self) -> None:
        """Re-planning, or re-solving what would close the gap."""
        self.busy.value = busy_html(self.model.plans.busy or self.model.gap.busy)


def build_dashboard(
    client_path: Path | None, *, export_folder: Path, base_folder: Path | None = None
) -> DashboardView:
    """Read the shipped library, build model and view, load the client and plan it.

    Inside a kernel, solves run on a worker thread and their weeks are applied on the
    kernel's event loop (``call_soon_threadsafe``: widget state changes on the kernel's
    thread only); the first week is waited for here, so the page opens drawn."""
    library = iotools.read_library()
    profiles = iotools.read_sport_profiles(library=library)
    kits = iotools.read_kits(library=library)
    try:
        wake = asyncio.get_running_loop().call_soon_threadsafe
    except RuntimeError:  # no event loop: a script; replan waits for each week
        wake = None
    model = DashboardModel(
        library,
        profiles,
        kits,
        timer=default_timer(),
        worker=PlanWorker(wake),
        export_folder=str(export_folder),
        base_folder=base_folder,
    )
    view = DashboardView(model)
    if client_path is not None:
        model.files.load_client(client_path)
    else:
        model.plans.replan()
    model.wait()
    return view
