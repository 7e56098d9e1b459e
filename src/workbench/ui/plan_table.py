"""The plan as an HTML table, one block per training day."""

from __future__ import annotations

from html import escape

import ipywidgets as w

from workbench.planner import PlanResult
from workbench.ui.model import DashboardModel
from workbench.ui.words import short_line

__all__ = ["PlanTable", "plan_html"]

STYLE = (
    "<style>.wb-plan{border-collapse:collapse;font-size:13px;width:100%}"
    ".wb-plan th,.wb-plan td{padding:2px 8px;border-bottom:1px solid #e3e7eb;text-align:left}"
    ".wb-plan td.n{text-align:right;white-space:nowrap}.wb-plan th{white-space:nowrap}"
    ".wb-plan td.sr{white-space:nowrap}.wb-plan tr.day th{background:#eef3f7;padding-top:6px}"
    ".wb-short{color:#d1495b}</style>"
)


def _number(value: float) -> str:
    return f"{value:g}"


def plan_html(result: PlanResult | None, stale: bool = False, name: str = "") -> str:
    """Sessions with exercises, sets x reps, rest and minutes; short muscles and their causes.

    ``name`` is the client's name as shown now (a rename needs no re-plan).
    """
    if result is None or result.plan is None:
        return "<i>No plan yet.</i>"
    plan, client = result.plan, result.problem.client
    library = result.problem.library
    minutes = plan.session_minutes()
    rows = []
    for weekday in result.problem.weekdays:
        session = plan.session(weekday)
        used = _number(minutes.get(weekday, 0.0))
        rows.append(
            f'<tr class="day"><th colspan="5">{weekday} &middot; {used} / '
            f"{_number(client.minutes_per_session)} min</th></tr>"
        )
        if not session:
            rows.append('<tr><td colspan="5"><i>rest day: nothing needed</i></td></tr>')
        for entry in session:
            rows.append(
                f"<tr><td class='n'>{entry.order}</td><td>{escape(entry.exercise)}</td>"
                f"<td class='sr'>{entry.sets} &times; {escape(entry.reps)}</td>"
                f"<td class='n'>{entry.rest_seconds} s</td>"
                f"<td class='n'>{_number(entry.minutes)} min</td></tr>"
            )
    head = (
        "<tr><th>#</th><th>exercise</th><th>sets &times; reps</th><th>rest</th><th>time</th></tr>"
    )
    note = (
        "<p class='wb-short wb-stale-note'><b>Stale:</b> the last good plan, made for earlier "
        "choices; the current choices gave none.</p>"
        if stale
        else ""
    )
    short = "".join(f"<li>{escape(short_line(library, s))}</li>" for s in result.short)
    short_html = f"<p class='wb-short'>Left short:</p><ul>{short}</ul>" if short else ""
    return (
        f"{STYLE}{note}<p><b>{escape(name.strip() or client.name)}</b>: {plan.total_sets} sets, "
        f"{_number(plan.total_minutes)} min a week</p>"
        f"<table class='wb-plan'>{head}{''.join(rows)}</table>{short_html}"
    )


class PlanTable(w.HTML):
    def __init__(self, model: DashboardModel) -> None:
        super().__init__(layout=w.Layout(width="100%"))
        self.model = model
        self.add_class("wb-plan-table")
        self.redraw()
        model.plans.observe(self.redraw, names=["good", "stale"])
        model.choices.observe(self.redraw, names="name")

    def redraw(self, _change: object = None) -> None:
        plans = self.model.plans
        self.value = plan_html(plans.good, plans.stale, self.model.choices.name)
