"""``workbench report``: a standalone HTML report of a checked plan, for a coach to hand over.

The report works offline: plotly.js is inlined once and every figure after the first reuses
it. All text that comes from files (client, exercise and muscle names) is HTML-escaped.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Mapping, Sequence
from dataclasses import replace
from html import escape
from pathlib import Path
from typing import Any

import plotly.graph_objects as go

from workbench import figures, iotools
from workbench.analytics import MuscleCoverage, coverage, weighted_shortfall
from workbench.check import check_plan
from workbench.client import (
    Client,
    SportProfile,
    Target,
    resolve_priorities,
    resolve_targets,
    validate_client,
)
from workbench.library import Library
from workbench.plan import Plan
from workbench.problem import make_problem
from workbench.quality import CoachCheck, coach_check

__all__ = ["FIGURE_IDS", "add_commands", "report_html", "run"]

EXIT_OK, EXIT_VIOLATIONS = 0, 1
#: The ``id`` of each figure's ``<div>`` in the report, in page order.
FIGURE_IDS = ("coverage-figure", "weekday-figure", "balance-figure", "minutes-figure")
PLOTLY_CONFIG = {"displaylogo": False, "responsive": True}

STYLE = """
body { font-family: Inter, "Segoe UI", Helvetica, Arial, sans-serif; color: #1d2733;
       max-width: 1100px; margin: 2rem auto; padding: 0 1rem; line-height: 1.4; }
h1 { font-size: 1.6rem; margin-bottom: 0.2rem; }
h2 { font-size: 1.25rem; margin-top: 2.2rem; border-bottom: 1px solid #d8dee4; padding-bottom: 0.2rem; }
h3 { font-size: 1.05rem; margin: 1.2rem 0 0.4rem; }
.subtitle { color: #5c6773; margin-top: 0; }
dl.limits { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1.2rem; }
dl.limits dt { color: #5c6773; }
dl.limits dd { margin: 0; }
table { border-collapse: collapse; margin: 0.3rem 0 1rem; font-size: 0.92rem; }
th, td { padding: 0.25rem 0.7rem; border-bottom: 1px solid #e6eaee; text-align: left; }
th { background: #f4f6f8; }
table.session { min-width: 38rem; }
table.session td:nth-child(2) { width: 20rem; }
td.number, th.number { text-align: right; font-variant-numeric: tabular-nums; }
.status-short { color: #d1495b; font-weight: 600; }
.status-over { color: #7b3fa0; font-weight: 600; }
.status-ok { color: #2a9d8f; }
.rest { color: #5c6773; font-style: italic; }
.summary { background: #f4f6f8; padding: 0.6rem 0.9rem; border-radius: 4px; }
footer { color: #5c6773; font-size: 0.85rem; margin-top: 3rem; }
@media print { .figure { page-break-inside: avoid; } }
"""


def _number(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _header(
    client: Client, library: Library, profile: SportProfile | None, generated: dt.date
) -> str:
    equipment = ", ".join(["bodyweight", *client.equipment])
    sport = client.sport if profile is None else f"{profile.name} ({client.sport})"
    rows = [
        ("Training days", ", ".join(client.weekdays)),
        ("Minutes per session", f"{_number(client.minutes_per_session)} min"),
        ("Equipment", equipment),
        ("Level", client.level),
        ("Sport", sport),
        ("Avoids", ", ".join(client.avoid) or "nothing"),
        ("Required", ", ".join(client.require) or "nothing"),
        ("Banned", ", ".join(client.ban) or "nothing"),
        ("Max sets per exercise", str(client.max_sets_per_exercise)),
        ("Date", generated.isoformat()),
    ]
    items = "\n".join(f"<dt>{escape(k)}</dt><dd>{escape(v)}</dd>" for k, v in rows)
    return (
        f"<header>\n<h1>Weekly posterior-chain plan: {escape(client.name)}</h1>\n"
        f'<p class="subtitle">Every session below passed the independent check of the hard '
        f"limits.</p>\n"
        f'<dl class="limits">\n{items}\n</dl>\n</header>'
    )


def _plan_tables(plan: Plan, client: Client) -> str:
    minutes = plan.session_minutes()
    parts = ['<section id="plan">\n<h2>Plan by day</h2>']
    for weekday in plan.training_weekdays:
        session = plan.session(weekday)
        used = minutes.get(weekday, 0.0)
        parts.append(
            f"<h3>{escape(weekday)}: {_number(used)} of {_number(client.minutes_per_session)} min</h3>"
        )
        if not session:
            parts.append('<p class="rest">Rest: no session needed this day.</p>')
            continue
        rows = "\n".join(
            "<tr>"
            f'<td class="number">{entry.order}</td>'
            f"<td>{escape(entry.exercise)}</td>"
            f"<td>{entry.sets} x {escape(entry.reps)}</td>"
            f'<td class="number">{entry.rest_seconds} s</td>'
            f'<td class="number">{_number(entry.minutes)}</td>'
            "</tr>"
            for entry in session
        )
        parts.append(
            '<table class="session">\n<thead><tr><th class="number">#</th><th>Exercise</th>'
            '<th>Sets x reps</th><th class="number">Rest</th><th class="number">Minutes</th>'
            f"</tr></thead>\n<tbody>\n{rows}\n</tbody>\n</table>"
        )
    parts.append("</section>")
    return "\n".join(parts)


def _coverage_table(rows: Sequence[MuscleCoverage], library: Library) -> str:
    lines = []
    for row in rows:
        group = (
            figures.muscle_group(library.muscle(row.muscle_id))
            if library.has_muscle(row.muscle_id)
            else row.region
        )
        status = {
            "short": f"short by {_number(row.shortfall)}",
            "over": f"over by {_number(row.excess)}",
            "ok": "ok",
        }[row.status]
        lines.append(
            "<tr>"
            f"<td>{escape(row.muscle)}</td>"
            f"<td>{escape(row.chain)}</td>"
            f"<td>{escape(group)}</td>"
            f'<td class="number">{_number(row.effective_sets)}</td>'
            f'<td class="number">{_number(row.min_sets)}–{_number(row.max_sets)}</td>'
            f'<td class="status-{row.status}">{status}</td>'
            "</tr>"
        )
    body = "\n".join(lines)
    return (
        '<table class="coverage">\n<thead><tr><th>Muscle</th><th>Chain</th><th>Group</th>'
        '<th class="number">Effective sets</th><th class="number">Target</th><th>Status</th>'
        f"</tr></thead>\n<tbody>\n{body}\n</tbody>\n</table>"
    )


def _summary(rows: Sequence[MuscleCoverage], priorities: Mapping[str, float]) -> str:
    short = [r for r in rows if r.chain == "posterior" and r.status == "short"]
    if not short:
        text = "Every posterior-chain muscle reaches its weekly minimum."
    else:
        names = ", ".join(f"{r.muscle} (by {_number(r.shortfall)})" for r in short)
        total = weighted_shortfall(list(rows), dict(priorities))
        text = (
            f"{len(short)} posterior-chain muscle(s) short of their weekly minimum: {names}. "
            f"Weighted shortfall {_number(total)} [sets/week]."
        )
    return f'<p class="summary">{escape(text)}</p>'


def _check_section(check: CoachCheck | None) -> str:
    """The coach's check: each criterion, whether the week passes it, and the number."""
    if check is None:
        return ""
    rows = "\n".join(
        f"<tr><td>{c.id}</td><td>{escape(c.title)}</td>"
        f'<td class="status-{"ok" if c.passed else "short"}">'
        f"{'not asked' if not c.applies else 'yes' if c.passed else 'no'}</td>"
        f"<td>{escape(c.detail)}</td></tr>"
        for c in check.criteria
    )
    return (
        '<section id="coach-check">\n<h2>Coach check</h2>\n'
        f"<p>{escape(check.summary())}</p>\n"
        "<table>\n<thead><tr><th></th><th>What a coach looks for</th><th>Met</th>"
        f"<th>This week</th></tr></thead>\n<tbody>\n{rows}\n</tbody>\n</table>\n</section>"
    )


def _figure_div(figure: go.Figure, div_id: str, *, first: bool) -> str:
    html: str = figure.to_html(
        full_html=False,
        include_plotlyjs=first,
        div_id=div_id,
        config=PLOTLY_CONFIG,
    )
    return f'<div class="figure">\n{html}\n</div>'


def report_html(
    plan: Plan,
    library: Library,
    client: Client,
    targets: Mapping[str, Target],
    *,
    profile: SportProfile | None = None,
    generated: dt.date | None = None,
    check: CoachCheck | None = None,
) -> str:
    """The whole report as one standalone HTML page (plotly.js inlined once).

    ``plan`` should have passed :func:`workbench.check.check_plan` for ``client``;
    ``targets`` are the weekly bands [sets/week] that apply (see ``resolve_targets``).
    """
    generated = generated or dt.date.today()
    # A plan read from CSV only knows the weekdays it uses; show the client's rest days too.
    plan = replace(plan, weekdays=tuple(client.weekdays))
    rows = coverage(plan, library, dict(targets))
    priorities = resolve_priorities(library, client, profile)
    figure_list = (
        figures.coverage_figure(
            rows, library, title=f"Weekly coverage for {client.name} [effective sets/week]"
        ),
        figures.weekday_heatmap(plan, library),
        figures.balance_figure(plan, library),
        figures.minutes_figure(plan, client.minutes_per_session, client.weekdays),
    )
    divs = "\n".join(
        _figure_div(figure, div_id, first=index == 0)
        for index, (figure, div_id) in enumerate(zip(figure_list, FIGURE_IDS, strict=True))
    )
    return "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="en">',
            "<head>",
            '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>Plan for {escape(client.name)}</title>",
            f"<style>{STYLE}</style>",
            "</head>",
            "<body>",
            _header(client, library, profile, generated),
            _summary(rows, priorities),
            _plan_tables(plan, client),
            _check_section(check),
            '<section id="coverage">\n<h2>Coverage [effective sets/week]</h2>',
            _coverage_table(rows, library),
            "</section>",
            '<section id="figures">\n<h2>Figures</h2>',
            divs,
            "</section>",
            "<footer>Made with the posterior-chain program workbench. Effective sets count a "
            "set as 1 for a primary muscle and 0.5 for a secondary one.</footer>",
            "</body>",
            "</html>",
            "",
        ]
    )


def run(args: argparse.Namespace) -> int:
    """The ``report`` command: 0 written, 1 the plan breaks a hard limit (nothing written).

    Bad input raises :class:`~workbench.errors.InputError`, which the CLI turns into exit 2.
    """
    library = iotools.read_library(args.library)
    profiles = iotools.read_library_profiles(args.library, library)
    client = validate_client(iotools.read_client(args.client), library, profiles, file=args.client)
    plan = iotools.read_plan(args.plan_csv)
    profile = profiles.get(client.sport)
    targets = resolve_targets(library, client, profile)
    violations = check_plan(plan, library, client, targets)
    if violations:
        for violation in violations:
            print(f"{args.plan_csv}: {violation}")
        print(
            f"workbench: {args.plan_csv} breaks {len(violations)} hard limit(s) for "
            f"{client.name}; no report written",
            file=sys.stderr,
        )
        return EXIT_VIOLATIONS
    check = coach_check(plan, make_problem(library, client, profiles, file=args.client))
    page = report_html(plan, library, client, targets, profile=profile, check=check)
    iotools.atomic_write_text(Path(args.out), page)
    print(f"Wrote {args.out}")
    return EXIT_OK


def add_commands(commands: Any) -> None:
    """Register ``workbench report`` on the CLI's sub-parsers."""
    parser = commands.add_parser(
        "report",
        help="write a standalone HTML report of a plan",
        description=(
            "Check a plan CSV against a client's hard limits, then write a standalone HTML "
            "report: the client's limits, the plan by day, coverage per muscle against "
            "targets, and figures (coverage, weekday heatmap, balance, session minutes). "
            "The page works offline."
        ),
        epilog=(
            "exit codes: 0 report written; 1 the plan breaks a hard limit (each violation "
            "listed, nothing written); 2 bad input (one line naming file, row, field and value)"
        ),
    )
    parser.add_argument(
        "plan_csv", metavar="PLAN.csv", help="the plan (as `workbench plan` writes)"
    )
    parser.add_argument(
        "--client", metavar="FILE", required=True, help="client file (TOML) the plan is for"
    )
    parser.add_argument(
        "--out",
        metavar="FILE",
        required=True,
        help="write the HTML here (atomically: a failed run leaves an existing file untouched)",
    )
    parser.add_argument(
        "--library",
        metavar="DIR",
        help="folder with muscles.csv, exercises.csv, equipment.csv (default: the shipped data/)",
    )
    parser.set_defaults(handler=run)
