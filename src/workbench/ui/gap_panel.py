"""What would close the gap: re-solves with more minutes, one more day, one more item."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

import ipywidgets as w
from traitlets import dlink

from workbench.planner import PlanResult
from workbench.ui.model import DashboardModel

__all__ = ["GapPanel", "relaxations_html"]


def relaxations_html(lines: Sequence[str]) -> str:
    if not lines:
        return ""
    head, *rest = lines
    items = "".join(f"<li>{escape(line)}</li>" for line in rest)
    return f"<div class='wb-gap'>{escape(head)}<ul>{items}</ul></div>"


def _nothing_short(result: PlanResult | None) -> bool:
    return result is None or not result.short


class GapPanel(w.VBox):
    def __init__(self, model: DashboardModel) -> None:
        self.ask = w.Button(
            description="What would close the gap?",
            icon="question",
            layout=w.Layout(width="max-content"),
        )
        self.ask.add_class("wb-close-gap")
        self.answer = w.HTML()
        self.ask.on_click(lambda _: model.close_the_gap())
        dlink((model, "good"), (self.ask, "disabled"), _nothing_short)
        dlink((model, "relaxations"), (self.answer, "value"), relaxations_html)
        super().__init__([self.ask, self.answer])
