"""What would close the gap: re-solves with more minutes, one more day, one more item,
each with a button that applies it."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

import ipywidgets as w
from traitlets import dlink

from workbench.planner import PlanResult
from workbench.ui.gap_model import GapModel

__all__ = ["GapPanel"]


def _nothing_short(result: PlanResult | None) -> bool:
    return result is None or not result.short


class GapPanel(w.VBox):
    def __init__(self, model: GapModel) -> None:
        self.model = model
        self.ask = w.Button(
            description="What would close the gap?",
            icon="question",
            layout=w.Layout(width="auto", min_width="max-content"),
        )
        self.ask.add_class("wb-close-gap")
        self.answer = w.HTML()
        self.changes = w.VBox()
        self.apply: list[w.Button] = []
        self.ask.on_click(lambda _: model.close_the_gap())
        dlink((model, "week"), (self.ask, "disabled"), _nothing_short)
        model.observe(lambda change: self.show(change.new), names="relaxations")
        super().__init__([self.ask, self.answer, self.changes])

    def show(self, lines: Sequence[str]) -> None:
        """The first line as text, then each change with its own "Apply" button."""
        self.answer.value = escape(lines[0]) if lines else ""
        self.apply = []
        rows = []
        for index, line in enumerate(lines[1:]):
            button = w.Button(
                description="Apply", icon="check", layout=w.Layout(width="auto", min_width="80px")
            )
            button.add_class("wb-apply-change")
            button.on_click(lambda _, index=index: self.model.apply_relaxation(index))
            self.apply.append(button)
            rows.append(w.HBox([button, w.HTML(escape(line))]))
        self.changes.children = rows
