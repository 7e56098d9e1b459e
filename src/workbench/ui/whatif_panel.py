"""What if: what more time buys (a minutes sweep, drawn) and another week like this."""

from __future__ import annotations

from html import escape

import ipywidgets as w
from traitlets import dlink

from workbench.ui.figures_panel import figure_output
from workbench.ui.whatif_model import WhatIfModel

__all__ = ["WhatIfPanel"]

AUTO = w.Layout(width="auto", min_width="max-content")


class WhatIfPanel(w.VBox):
    def __init__(self, whatif: WhatIfModel) -> None:
        self.model = whatif
        self.sweep_fast = w.Button(
            description="What more time buys (fast: shortfall only)",
            icon="clock",
            tooltip="Plans the shortfall alone at -15, +0, +15 and +30 min a session: seconds",
            layout=AUTO,
        )
        self.sweep_full = w.Button(
            description="… with full plans",
            icon="clock",
            tooltip="Plans each week in full, coach check included: as long as a plan per value",
            layout=AUTO,
        )
        self.sweep_fast.add_class("wb-sweep-fast")
        self.sweep_full.add_class("wb-sweep-full")
        self.sweep_status = w.HTML()
        self.sweep_status.add_class("wb-sweep-status")
        self.sweep_output = w.Output(layout=w.Layout(width="100%"))
        self.sweep_output.add_class("wb-figure-sweep")
        self.sweep_fast.on_click(lambda _: whatif.sweep_minutes(full=False))
        self.sweep_full.on_click(lambda _: whatif.sweep_minutes(full=True))
        for button in (self.sweep_fast, self.sweep_full):
            dlink((whatif, "sweeping"), (button, "disabled"))
        dlink((whatif, "sweep_status"), (self.sweep_status, "value"), escape)
        whatif.observe(lambda change: self.draw(), names="sweep_figure")

        self.another = w.Button(description="Another week like this", icon="random", layout=AUTO)
        self.best = w.Button(description="Back to the best week", icon="undo", layout=AUTO)
        self.another.add_class("wb-another-week")
        self.best.add_class("wb-best-week")
        self.week_note = w.HTML()
        self.week_note.add_class("wb-week-note")
        self.another.on_click(lambda _: whatif.another_week())
        self.best.on_click(lambda _: whatif.best_week())
        dlink((whatif, "week_index"), (self.best, "disabled"), lambda index: index == 0)
        dlink((whatif, "busy"), (self.another, "disabled"))  # one search at a time
        dlink((whatif, "week_note"), (self.week_note, "value"), escape)
        super().__init__(
            [
                w.HBox([self.another, self.best, self.week_note]),
                w.HBox([self.sweep_fast, self.sweep_full, self.sweep_status]),
                self.sweep_output,
            ]
        )

    def draw(self) -> None:
        figure = self.model.sweep_figure
        self.sweep_output.outputs = (figure_output(figure),) if figure is not None else ()
