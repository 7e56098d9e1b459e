"""The dashboard's figures: built from the week on show, and the baseline pinned to compare.

No widgets here. The parent links the week on show, its number, the client's name and the
error line to this model's traits; the planning model says when to build and show (the
week's status line goes first, then its figures), through :meth:`FiguresModel.build` and
:meth:`FiguresModel.show`. A rename and a pinned or cleared baseline redraw at once.
"""

from __future__ import annotations

from typing import Any

import plotly.graph_objects as go
import traitlets as t

from workbench import figures
from workbench.library import Library
from workbench.planner import PlanResult

__all__ = ["FIGURES", "FiguresModel"]

#: The figures the dashboard shows, in display order.
FIGURES = ("coverage", "heatmap", "balance", "minutes", "comparison")


class FiguresModel(t.HasTraits):
    """Figures of one dashboard (made by it as ``model.figures``)."""

    # Linked from the parts that own them.
    week = t.Instance(PlanResult, allow_none=True)  # the checked week on show
    week_shown = t.Int(0)  # its number (weeks put on show so far)
    name = t.Unicode("")  # the client's name as typed: a rename needs no re-plan
    note = t.Unicode("")  # the error line: why there is no week, when there is none

    baseline = t.Instance(PlanResult, allow_none=True)
    #: The figures on show, by name (:data:`FIGURES`), and the number of the week they were
    #: built for: the page stamps them with it, so what is drawn says which week it shows.
    shown = t.Dict()
    shown_week = t.Int(0)
    #: The latest action here that failed (a pin with no week), one line; empty when it
    #: worked. The parent shows it in the page's error line.
    error = t.Unicode("")

    def __init__(self, library: Library, **traits: Any) -> None:
        self.library = library
        super().__init__(**traits)
        self.shown = self.build()
        self.observe(lambda change: self.refresh(), names="name")

    def build(self) -> dict[str, go.Figure]:
        """Every figure of the week on show (or a note saying why there is none)."""
        good = self.week
        if good is None or good.plan is None:
            note = figures.empty_figure(self.note or "no plan yet")
            return dict.fromkeys(FIGURES, note)
        plan, client = good.plan, good.problem.client
        rows = list(good.coverage)
        built = {
            "coverage": figures.coverage_figure(
                rows, self.library, title=f"Weekly coverage: {self.name.strip() or client.name}"
            ),
            "heatmap": figures.weekday_heatmap(plan, self.library),
            "balance": figures.balance_figure(plan, self.library),
            "minutes": figures.minutes_figure(
                plan, client.minutes_per_session, good.problem.weekdays
            ),
        }
        if self.baseline is not None:
            built["comparison"] = figures.comparison_figure(
                rows, list(self.baseline.coverage), self.library
            )
        else:
            built["comparison"] = figures.empty_figure("Pin a plan as baseline to compare with it")
        return built

    def show(self, built: dict[str, go.Figure]) -> None:
        """Put ``built`` on show for the week shown now, with its number (first: figures
        equal to those shown fire no change of their own, and the week still has to be
        stamped)."""
        with self.hold_trait_notifications():
            self.shown_week = self.week_shown
            self.shown = built

    def refresh(self) -> None:
        """Build and show the figures of the week on show."""
        self.show(self.build())

    def pin_baseline(self) -> None:
        """Keep the week on show as the baseline the comparison figure measures against."""
        self.error = ""
        if self.week is None:
            self.error = "no plan to pin yet"
            return
        self.baseline = self.week
        self.refresh()

    def clear_baseline(self) -> None:
        self.baseline = None
        self.refresh()
