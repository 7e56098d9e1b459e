"""The block view: a block's or a fight camp's settings, its figures, a week picker with that
week's table (reps in reserve and load), and its exports."""

from __future__ import annotations

from html import escape
from typing import Any

import ipywidgets as w
from traitlets import dlink, link

from workbench.block import Block, BlockWeek
from workbench.blocks import BLOCK_WEEKS
from workbench.camp import CAMP_PHASES, CAMP_WEEKS
from workbench.glossary import WEEKDAYS
from workbench.present import COLOURS, number, week_title
from workbench.ui.block_model import BLOCK_FIGURES
from workbench.ui.export_panel import download_links
from workbench.ui.figures_panel import figure_output
from workbench.ui.model import DashboardModel

__all__ = ["BlockPanel", "block_week_html", "picker_css", "week_choices"]

AUTO = w.Layout(width="auto", min_width="max-content")
DESCRIPTION = {"description_width": "auto"}

STYLE = (
    "<style>.wb-block-table{border-collapse:collapse;font-size:13px;width:100%}"
    ".wb-block-table th,.wb-block-table td{padding:2px 8px;border-bottom:1px solid #e3e7eb;"
    "text-align:left}.wb-block-table td.n{text-align:right;white-space:nowrap}"
    ".wb-block-table tr.day th{background:#eef3f7;padding-top:6px}"
    f".wb-cut-banner{{background:#fdf0e4;border-left:4px solid {COLOURS['cut']};"
    "padding:4px 8px;margin:4px 0}</style>"
)


def week_choices(block: Block | None) -> list[tuple[str, int]]:
    """The week picker's options: each week by number, a deload or taper named."""
    if block is None:
        return []
    return [
        (f"{week.number} {week.role.title}" if week.role.cuts else str(week.number), week.number)
        for week in block.weeks
    ]


def picker_css(block: Block | None) -> str:
    """Page rules that colour the week picker's deload or taper buttons (CSS ``nth-child``:
    a picker's buttons cannot be styled one by one)."""
    if block is None:
        return ""
    rules = "".join(
        f".wb-block-week-picker .widget-toggle-button:nth-child({index}){{"
        f"color:{COLOURS['cut']};font-weight:700;border:1px solid {COLOURS['cut']}}}"
        for index, week in enumerate(block.weeks, start=1)
        if week.role.cuts
    )
    return f"<style>{rules}</style>" if rules else ""


def _cut_words(week: BlockWeek, block: Block) -> str:
    peak = block.peak
    return (
        f"{week.role.title.capitalize()} week: {week.total_sets} sets, "
        f"{round(100 * week.total_sets / max(peak.total_sets, 1))}% of the peak week's "
        f"{peak.total_sets} (week {peak.number}), lighter effort."
    )


def block_week_html(
    block: Block | None, number_shown: int, booked: float, sparring: tuple[str, ...] = ()
) -> str:
    """Week ``number_shown`` of ``block`` as a table per training day: exercise, sets x reps,
    rest, reps in reserve, load and minutes (``booked``: the session's minutes). A dated
    block (a camp with a fight date) dates each day and names the fight in its week; the
    ``sparring`` days are marked."""
    if block is None:
        return "<i>No block yet: set the weeks and plan the block.</i>"
    week = block.week(number_shown)
    minutes = week.plan.session_minutes()
    dates = block.dates(week.number) if block.start is not None else None
    banner = (
        f"<div class='wb-cut-banner'><b>{escape(_cut_words(week, block))}</b></div>"
        if week.role.cuts
        else ""
    )
    fight = block.fight_date
    if dates is not None and fight is not None and fight in dates.values():
        banner += f"<p><b>Fight: {fight:%a} {fight.isoformat()}</b></p>"
    rows = []
    for day in WEEKDAYS:
        session = sorted((e for e in week.entries if e.weekday == day), key=lambda e: e.order)
        if not session:
            continue
        when = f" {dates[day].isoformat()}" if dates is not None else ""
        spars = " &middot; <i>sparring day</i>" if day in sparring else ""
        rows.append(
            f'<tr class="day"><th colspan="7">{day}{when} &middot; '
            f"{number(minutes.get(day, 0.0))} / {number(booked)} min{spars}</th></tr>"
        )
        for entry in session:
            rows.append(
                f"<tr><td class='n'>{entry.order}</td><td>{escape(entry.exercise)}</td>"
                f"<td class='n'>{entry.sets} &times; {escape(entry.reps)}</td>"
                f"<td class='n'>{entry.rest_seconds} s</td>"
                f"<td class='n wb-rir'>{entry.rir}</td><td class='wb-load'>{escape(entry.load)}</td>"
                f"<td class='n'>{number(entry.minutes)} min</td></tr>"
            )
    head = (
        "<tr><th>#</th><th>exercise</th><th>sets &times; reps</th><th>rest</th><th>RIR</th>"
        "<th>load</th><th>time</th></tr>"
    )
    colour = COLOURS["cut"] if week.role.cuts else COLOURS["posterior"]
    return (
        f"{STYLE}<div class='wb-block-week' data-week='{week.number}' "
        f"data-role='{week.role.value}'><p style='color:{colour}'><b>"
        f"{escape(week_title(week, len(block.weeks)))}</b>: {week.total_sets} sets, "
        f"{number(week.plan.total_minutes)} min</p>{banner}"
        f"<table class='wb-block-table'>{head}{''.join(rows)}</table></div>"
    )


def _lines(items: tuple[str, ...]) -> str:
    if not items:
        return ""
    return "<ul>" + "".join(f"<li>not met: {escape(item)}</li>" for item in items) + "</ul>"


class BlockPanel(w.VBox):
    """Settings, "Plan the block", the figures, the week picker and table, the exports."""

    def __init__(self, model: DashboardModel) -> None:
        self.model = model
        block = model.block
        self.camp = w.Checkbox(
            description="Fight camp",
            indent=False,
            layout=w.Layout(width="auto", min_width="max-content", margin="0 16px 0 0"),
        )
        self.weeks = w.Dropdown(
            options=[*BLOCK_WEEKS, *CAMP_WEEKS],
            description="Weeks",
            style=DESCRIPTION,
            layout=w.Layout(width="130px"),
        )
        self.deload = w.Dropdown(
            options=[("last", 0), *((str(n), n) for n in range(1, BLOCK_WEEKS.stop))],
            description="Deload week",
            style=DESCRIPTION,
            layout=w.Layout(width="170px"),
        )
        self.fight = w.DatePicker(description="Fight date", style=DESCRIPTION, layout=AUTO)
        self.camp.add_class("wb-block-camp")
        self.weeks.add_class("wb-block-weeks")
        self.deload.add_class("wb-block-deload")
        self.fight.add_class("wb-block-fight")
        link((block, "camp"), (self.camp, "value"))
        link((block, "weeks"), (self.weeks, "value"))
        link((block, "deload_week"), (self.deload, "value"))
        link((block, "fight_date"), (self.fight, "value"))
        dlink((block, "camp"), (self.deload, "disabled"))
        dlink((block, "camp"), (self.fight, "disabled"), lambda camp: not camp)

        # Sparring days are the client's (a camp keeps hard sessions off them).
        self.sparring = {
            day: w.ToggleButton(description=day, layout=w.Layout(width="44px", padding="0"))
            for day in WEEKDAYS
        }
        choices = model.choices
        for day, toggle in self.sparring.items():
            toggle.add_class(f"wb-sparring-{day}")
            dlink((choices, "sparring"), (toggle, "value"), lambda days, day=day: day in days)
            toggle.observe(
                lambda c, day=day: choices.toggle_item("sparring", day, c.new), names="value"
            )
        self.sparring_row = w.HBox(
            [w.Label("Sparring days"), *self.sparring.values()],
            layout=w.Layout(flex_flow="row wrap"),
        )
        dlink((block, "camp"), (self.sparring_row.layout, "display"), _shown)

        self.plan = w.Button(
            description="Plan the block", icon="calendar", button_style="primary", layout=AUTO
        )
        self.plan.add_class("wb-block-plan")
        self.plan.on_click(lambda _: block.plan())
        dlink((block, "busy"), (self.plan, "disabled"))
        self.busy = w.HTML()
        dlink((block, "busy"), (self.busy, "value"), _busy_html)
        self.status = w.HTML()
        self.status.add_class("wb-block-status")
        dlink((block, "status"), (self.status, "value"), escape)
        self.error = w.HTML()
        self.error.add_class("wb-block-error")
        dlink((block, "error"), (self.error, "value"), _error_html)
        self.notes = w.HTML()
        dlink((block, "notes"), (self.notes, "value"), _lines)

        self.outputs = {
            name: w.Output(layout=w.Layout(width="100%", min_height="240px"))
            for name in BLOCK_FIGURES
        }
        for name, output in self.outputs.items():
            output.add_class(f"wb-figure-block-{name}")
        self.redraws = 0
        self.drawn = w.VBox(list(self.outputs.values()), layout=w.Layout(width="100%"))
        block.observe(lambda change: self.draw(), names="figures")
        block.observe(lambda change: self.mark_stale(change.new), names="stale")

        self.picker = w.ToggleButtons(options=[], style={"button_width": "auto"})
        self.picker.add_class("wb-block-week-picker")
        self.picker_style = w.HTML()
        self._picking = False
        self.picker.observe(self._picked, names="value")
        self.table = w.HTML(block_week_html(None, 1, 0.0))
        self.table.add_class("wb-block-week-table")
        block.observe(lambda change: self.show_weeks(), names="result")
        block.observe(lambda change: self.show_week(), names="selected_week")

        # Not "Export ...": the week's Export button keeps its name unique on the page.
        self.export = w.Button(
            description="Block CSV",
            icon="download",
            tooltip="write the block CSV and its client file into the exports folder",
            layout=AUTO,
        )
        self.report = w.Button(description="Client report for the block", icon="file", layout=AUTO)
        self.export.add_class("wb-block-export")
        self.report.add_class("wb-block-report")
        self.export.on_click(lambda _: block.export_or_say())
        self.report.on_click(lambda _: block.report_or_say())
        self.downloads = w.HTML()
        self.downloads.add_class("wb-block-downloads")
        self.report_link = w.HTML()
        self.report_link.add_class("wb-block-report-link")
        dlink((block, "exported"), (self.downloads, "value"), download_links)
        dlink((block, "reported"), (self.report_link, "value"), _report_link)

        super().__init__(
            [
                w.HBox(
                    [self.camp, self.weeks, self.deload, self.fight],
                    layout=w.Layout(flex_flow="row wrap", align_items="center"),
                ),
                self.sparring_row,
                w.HBox([self.plan, self.busy], layout=w.Layout(align_items="center")),
                self.status,
                self.error,
                self.notes,
                self.drawn,
                w.HTML("<b>Week</b>"),
                self.picker_style,
                self.picker,
                self.table,
                w.HBox([self.export, self.report], layout=w.Layout(flex_flow="row wrap")),
                self.downloads,
                self.report_link,
            ],
            layout=w.Layout(width="100%"),
        )
        self.add_class("wb-block")
        self.draw()
        self.show_weeks()

    def draw(self) -> None:
        """Each figure of the block into its Output (a redraw number in the metadata: the
        renderer draws a stored image of an output it already knows)."""
        self.redraws += 1
        built = self.model.block.figures
        for name, output in self.outputs.items():
            figure = built.get(name)
            if figure is None:
                output.outputs = ()
                continue
            fresh = {**figure_output(figure), "metadata": {"redraw": self.redraws}}
            output.outputs = (fresh,)

    def show_weeks(self) -> None:
        """The picker's weeks for the block on show, and the week shown."""
        self._picking = True
        try:
            self.picker.options = week_choices(self.model.block.block)
            self.picker_style.value = picker_css(self.model.block.block)
            if self.picker.options:
                self.picker.value = self.model.block.selected_week
        finally:
            self._picking = False
        self.show_week()

    def _picked(self, change: Any) -> None:
        if not self._picking and change.new is not None:
            self.model.block.select_week(change.new)

    def show_week(self) -> None:
        block = self.model.block
        if block.block is not None and self.picker.value != block.selected_week:
            self._picking = True
            try:
                self.picker.value = block.selected_week
            finally:
                self._picking = False
        client = block.result.problem.client if block.result else None
        booked = client.minutes_per_session if client is not None else 0.0
        # Sparring days mean something in a camp only (a weekly plan ignores them).
        camp = block.block is not None and any(w.role in CAMP_PHASES for w in block.block.weeks)
        sparring = client.sparring if client is not None and camp else ()
        self.table.value = block_week_html(block.block, block.selected_week, booked, sparring)

    def mark_stale(self, stale: bool) -> None:
        if stale:
            self.drawn.add_class("wb-stale")
        else:
            self.drawn.remove_class("wb-stale")


def _shown(on: bool) -> str:
    return "flex" if on else "none"


def _busy_html(busy: bool) -> str:
    return "<i class='fa fa-spinner fa-spin'></i> planning the block…" if busy else ""


def _error_html(error: str) -> str:
    return f"<span style='color:#d1495b'>{escape(error)}</span>" if error else ""


def _report_link(path: str) -> str:
    return download_links([path]) if path else ""
