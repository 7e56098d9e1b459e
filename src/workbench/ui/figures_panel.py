"""The figures: each plotly figure rendered into an ``Output`` widget.

A static figure in an Output (not a FigureWidget) because Voila runs every cell before the
browser connects and a FigureWidget changed after display can show its old state there;
an Output's ``outputs`` trait always syncs its latest value.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

import ipywidgets as w
import plotly.graph_objects as go
import plotly.io as pio

from workbench.ui.figures_model import FIGURES

__all__ = ["FiguresPanel", "figure_output"]

TITLES = {
    "coverage": "Coverage",
    "heatmap": "By weekday",
    "balance": "Balance",
    "minutes": "Minutes",
    "comparison": "Against baseline",
}
#: Plotly's own JSON mimetype, drawn by the jupyterlab-plotly renderer (in Lab and in Voila).
PLOTLY_MIME = "application/vnd.plotly.v1+json"
#: Not ``responsive``: the renderer already re-sizes a figure on every Lumino resize message
#: (``Plots.resize``, which drops the layout's height). With ``responsive`` on, plotly then
#: sizes the figure's container at ``height: 100%`` of an auto-height output: 0 px, so every
#: figure outside a flex row was blank until a control change redrew it (measured in Voila
#: and JupyterLab). Without it the container keeps the figure's own height in pixels.
CONFIG = {"displaylogo": False, "responsive": False}
#: Flex of the coverage figure and the plan: equal halves, each at least this wide.
SIDE_BY_SIDE = "1 1 440px"
#: Where each part of the grid goes (CSS ``order``): the coverage figure and the plan, then
#: a line break, the minutes and the comparison side by side, the heatmap, the balance.
PLACE = {
    "coverage": 1,
    "plan": 2,
    "break": 3,
    "minutes": 4,
    "comparison": 5,
    "heatmap": 6,
    "balance": 7,
}


def figure_output(figure: go.Figure) -> dict[str, Any]:
    """A display_data output holding ``figure`` as plotly JSON, with a text fallback."""
    # Round-trip through plotly's JSON encoder: numpy arrays become lists the comm can send.
    data = json.loads(
        pio.json.to_json_plotly({**figure.to_plotly_json(), "config": CONFIG}, pretty=False)
    )
    title = figure.layout.title.text or "figure"
    return {
        "output_type": "display_data",
        "data": {PLOTLY_MIME: data, "text/plain": f"<plotly figure: {title}>"},
        "metadata": {},
    }


class FiguresPanel(w.VBox):
    """Every figure in one grid, redrawn all at once: one update of the page per change.

    Each figure has two Outputs, the one on the page and a spare. When any figure changed,
    :meth:`show` puts every figure into its spare (off the page: nothing is drawn yet), then
    swaps the spares in with one update of the grid's children, so the browser draws the
    figures in one go instead of one after another as each arrives. Every figure moves, the
    unchanged ones too: an Output left in place gets a new view of itself from the update,
    which Voila drew empty (measured). ``beside`` (the plan table) sits next to the coverage
    figure while both fit, so the plan and the figures that explain it are read together;
    it comes first among the grid's children (placed by CSS ``order``), so the update leaves
    its view alone.
    """

    def __init__(self, beside: w.Widget | None = None) -> None:
        self._buffers: dict[str, tuple[w.Output, w.Output]] = {}
        self._slots: dict[str, tuple[w.VBox, w.VBox]] = {}
        self._showing = dict.fromkeys(FIGURES, 0)
        for name in FIGURES:
            title = w.HTML(f"<b>{TITLES[name]}</b>")
            outputs = (self._output(name), self._output(name))
            self._buffers[name] = outputs
            self._slots[name] = (
                w.VBox([title, outputs[0]], layout=self._layout(name)),
                w.VBox([title, outputs[1]], layout=self._layout(name)),
            )
        self.sent: dict[str, dict[str, Any]] = {}
        #: Updates of the grid (each one redraw of the page).
        self.redraws = 0
        self.plan_box: w.VBox | None = None
        if beside is not None:
            self.plan_box = w.VBox(
                [w.HTML("<b>Plan</b>"), beside],
                layout=w.Layout(
                    flex=SIDE_BY_SIDE, width="auto", overflow="auto", order=str(PLACE["plan"])
                ),
            )
            self.plan_box.add_class("wb-plan-box")
        # The minutes and comparison figures start a line of their own, whether or not the
        # plan found room beside the coverage figure.
        self._line_break = w.Box(
            layout=w.Layout(flex="0 0 100%", height="0px", order=str(PLACE["break"]))
        )
        self.grid = w.Box(
            self._children(),
            layout=w.Layout(display="flex", flex_flow="row wrap", width="100%"),
        )
        self.grid.add_class("wb-figures-grid")
        self.stale_note = w.HTML()
        self.stale_note.add_class("wb-stale-banner")
        super().__init__([self.stale_note, self.grid], layout=w.Layout(width="100%"))
        self.add_class("wb-figures")

    @staticmethod
    def _output(name: str) -> w.Output:
        out = w.Output(layout=w.Layout(width="100%", min_height="240px"))
        out.add_class(f"wb-figure-{name}")
        return out

    @staticmethod
    def _layout(name: str) -> w.Layout:
        order = str(PLACE[name])
        if name == "coverage":
            # Beside the plan while both fit; in a narrower output (JupyterLab at 1400 px
            # cut the plan's time column at 50%) the plan goes below.
            return w.Layout(flex=SIDE_BY_SIDE, width="auto", order=order)
        if name in ("minutes", "comparison"):
            return w.Layout(flex="0 0 50%", width="50%", order=order)
        return w.Layout(flex="0 0 100%", width="100%", order=order)

    def _children(self) -> tuple[w.Widget, ...]:
        """The plan and the line break first (the update keeps their views), then the
        figures; CSS ``order`` places each (:data:`PLACE`)."""
        fixed = (self.plan_box, self._line_break) if self.plan_box else (self._line_break,)
        return (*fixed, *(self._slots[name][self._showing[name]] for name in FIGURES))

    @property
    def outputs(self) -> dict[str, w.Output]:
        """The Output on the page for each figure."""
        return {name: pair[self._showing[name]] for name, pair in self._buffers.items()}

    def show(self, figures: Mapping[str, go.Figure], week: int | None = None) -> None:
        """When any figure differs from what the page holds, redraw them all in one update
        of the grid; otherwise nothing is sent. ``week`` (the number of the week they
        belong to) is stamped on the grid as class ``wb-week-<n>`` in the same update, or
        alone when no figure changed."""
        latest = {**self.sent}
        for name, figure in figures.items():
            if name in self._buffers:
                latest[name] = figure_output(figure)
        changed = latest != self.sent
        stamp = None if week is None else f"wb-week-{week}"
        if not changed and (stamp is None or stamp in self.grid._dom_classes):
            return
        if changed:
            self.redraws += 1
            for name, output in latest.items():
                spare = 1 - self._showing[name]
                # Off the page: nothing drawn yet. The redraw's number makes every output
                # new to the page: the renderer stores a PNG of each figure it drew in its
                # output, and draws that image, not the figure, when an output it knows
                # comes back.
                fresh = {**output, "metadata": {"redraw": self.redraws}}
                self._buffers[name][spare].outputs = (fresh,)
                self._showing[name] = spare
            self.sent = latest
        with self.grid.hold_sync():  # one message: the new children and their week
            if changed:
                self.grid.children = self._children()
            if stamp is not None:
                for old in [c for c in self.grid._dom_classes if c.startswith("wb-week-")]:
                    self.grid.remove_class(old)
                self.grid.add_class(stamp)

    def mark_stale(self, stale: bool) -> None:
        """Grey the figures and say so when they are from earlier choices."""
        if stale:
            self.add_class("wb-stale")
            self.stale_note.value = (
                "<b style='color:#d1495b'>Stale:</b> these figures and the plan are from earlier "
                "choices; the current choices gave no plan (see the message above)."
            )
        else:
            self.remove_class("wb-stale")
            self.stale_note.value = ""
