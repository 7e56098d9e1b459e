"""The coach's check of the shown plan: every rubric criterion with its number."""

from __future__ import annotations

from html import escape

import ipywidgets as w
from traitlets import dlink

from workbench.planner import PlanResult
from workbench.present import COLOURS
from workbench.ui.planning_model import PlanningModel

__all__ = ["CheckPanel", "check_html"]


def check_html(result: PlanResult | None) -> str:
    """The rubric as a compact table: criterion, pass or miss, the number behind it."""
    if result is None or result.check is None:
        return ""
    check = result.check
    verdict = "coach-credible" if check.credible else "not coach-credible"
    rows = []
    for criterion in check.criteria:
        if not criterion.applies:
            mark, colour = "n/a", COLOURS["neutral"]
        elif criterion.passed:
            mark, colour = "✓", COLOURS["ok"]
        else:
            mark, colour = "✗", COLOURS["short"]
        rows.append(
            f"<tr><td>{criterion.id}</td><td>{escape(criterion.title)}</td>"
            f"<td style='color:{colour};text-align:center'>{mark}</td>"
            f"<td>{escape(criterion.detail)}</td></tr>"
        )
    costs = (
        "<p class='wb-costs'>Covering every muscle's floor costs "
        f"{escape(', '.join(result.coverage_costs))} in a week this short.</p>"
        if result.coverage_costs
        else ""
    )
    return (
        "<style>.wb-check{border-collapse:collapse;font-size:12px;width:100%}"
        ".wb-check td{padding:1px 6px;border-bottom:1px solid #e3e7eb}</style>"
        f"<p><b>{escape(check.summary())}</b> ({verdict})</p>{costs}"
        f"<table class='wb-check'>{''.join(rows)}</table>"
    )


class CheckPanel(w.HTML):
    def __init__(self, model: PlanningModel) -> None:
        super().__init__(layout=w.Layout(width="100%"))
        self.add_class("wb-check-panel")
        dlink((model, "good"), (self, "value"), check_html)
