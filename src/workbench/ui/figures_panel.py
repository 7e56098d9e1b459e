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

from workbench.ui.model import FIGURES

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
    """One Output per figure; :meth:`show` replaces the contents of those that changed.

    ``beside`` (the plan table) sits next to the coverage figure, so the plan and the figures
    that explain it are read together.
    """

    def __init__(self, beside: w.Widget | None = None) -> None:
        self.outputs = {
            name: w.Output(layout=w.Layout(width="100%", min_height="240px")) for name in FIGURES
        }
        self.sent: dict[str, dict[str, Any]] = {}
        for name, out in self.outputs.items():
            out.add_class(f"wb-figure-{name}")
        boxes = {
            name: w.VBox([w.HTML(f"<b>{TITLES[name]}</b>"), out], layout=w.Layout(width="100%"))
            for name, out in self.outputs.items()
        }
        for name in ("comparison", "minutes"):
            boxes[name].layout.width = "50%"
        # The coverage figure and the plan share a row while both fit; in a narrower output
        # (JupyterLab at 1400 px cut the plan's time column at 50%) the plan goes below.
        boxes["coverage"].layout = w.Layout(flex=SIDE_BY_SIDE, width="auto")
        first = [boxes["coverage"]]
        if beside is not None:
            self.plan_box = w.VBox(
                [w.HTML("<b>Plan</b>"), beside],
                layout=w.Layout(flex=SIDE_BY_SIDE, width="auto", overflow="auto"),
            )
            self.plan_box.add_class("wb-plan-box")
            first.append(self.plan_box)
        self.stale_note = w.HTML()
        self.stale_note.add_class("wb-stale-banner")
        super().__init__(
            [
                self.stale_note,
                w.HBox(first, layout=w.Layout(width="100%", flex_flow="row wrap")),
                w.HBox([boxes["minutes"], boxes["comparison"]], layout=w.Layout(width="100%")),
                boxes["heatmap"],
                boxes["balance"],
            ],
            layout=w.Layout(width="100%"),
        )
        self.add_class("wb-figures")

    def show(self, figures: Mapping[str, go.Figure]) -> None:
        """Send each figure that differs from what the page holds; the rest cost nothing."""
        for name, figure in figures.items():
            if name not in self.outputs:
                continue
            output = figure_output(figure)
            if self.sent.get(name) != output:
                self.outputs[name].outputs = (output,)
                self.sent[name] = output

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
