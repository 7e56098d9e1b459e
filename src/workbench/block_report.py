"""``workbench report`` for a block: one standalone HTML page for the client, a page per week
and the progression as small multiples.

The page opens with the client's limits and the block at a glance (a row per week: its role,
sets, minutes and effort; the deload or taper marked in its own colour), then one small chart
per posterior-chain muscle of its weekly effective sets across the block (inline SVG, one
scale for every chart, the weekly minimum dashed), then a page per week (a print page break
before each): its role in the heading and in words, each session as a table with sets, reps
("per side" on unilateral work), rest, reps in reserve and the load guide, and last how to do
each exercise, once. Like the week's report (:mod:`workbench.report`): no scripts, nothing
fetched, every text from a file HTML-escaped.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Mapping, Sequence
from dataclasses import replace
from html import escape
from pathlib import Path

from workbench import iotools
from workbench.block import Block, BlockEntry, BlockWeek, WeekRole
from workbench.camp import CAMP_PHASES, camp_roles, camp_start
from workbench.check import check_block
from workbench.client import Client, SportProfile, Target, validate_client
from workbench.coaching import CoachWeights
from workbench.effort import PER_SIDE
from workbench.errors import InputError
from workbench.glossary import WEEKDAYS
from workbench.library import Library
from workbench.present import COLOURS, block_words, number
from workbench.problem import make_problem
from workbench.report import STYLE, exercise_cue, html_page, limits_list

__all__ = [
    "BLOCK_SECTION_IDS",
    "ROLE_WORDS",
    "as_camp",
    "block_report_html",
    "client_block_report",
    "progression_svg",
    "run_block",
]

EXIT_OK, EXIT_VIOLATIONS = 0, 1
COMMAND_LINE = "command line"
#: The ``id`` of each part of the block's page before the weeks (``week-1``, ``week-2``, ...).
BLOCK_SECTION_IDS = ("block-overview", "progression")

BLOCK_STYLE = f"""
.deload-row td {{ background: #fdf0e4; }}
.badge {{ display: inline-block; padding: 0 .45rem; border-radius: 3px; font-size: .8rem;
          font-weight: 600; color: white; background: {COLOURS["posterior"]};
          vertical-align: middle; }}
.badge.cut {{ background: {COLOURS["cut"]}; }}
section.week {{ border-top: 4px solid {COLOURS["posterior"]}; margin-top: 2.5rem; }}
section.week.cut {{ border-top-color: {COLOURS["cut"]}; }}
section.week h2 {{ border-bottom: none; }}
.role-note {{ padding: .5rem .8rem; border-radius: 4px; background: #f4f6f8; }}
section.week.cut .role-note {{ background: #fdf0e4; border-left: 4px solid {COLOURS["cut"]}; }}
.multiples {{ display: grid; grid-template-columns: repeat(auto-fill, minmax(210px, 1fr));
              gap: .8rem 1rem; }}
.multiple {{ margin: 0; }}
.multiple figcaption {{ font-size: .88rem; font-weight: 600; }}
.multiple figcaption small {{ color: #5c6773; font-weight: 400; }}
.sparring {{ color: #5c6773; font-weight: 400; }}
table.session {{ table-layout: fixed; }}
table.session th:nth-child(1) {{ width: 2rem; }}
table.session th:nth-child(3) {{ width: 9.5rem; }}
table.session th:nth-child(4) {{ width: 4.5rem; }}
table.session th:nth-child(5) {{ width: 8rem; }}
table.session th:nth-child(6) {{ width: 9.5rem; }}
@media print {{ section.week {{ page-break-before: always; }} }}
"""

#: What each kind of week is for, in the client's words (a camp's %1RM bands from
#: :data:`~workbench.camp.CAMP_PHASES`).
ROLE_WORDS: Mapping[WeekRole, str] = {
    WeekRole.ACCUMULATION: "A building week: a little more work than the week before, each "
    "set a little closer to your limit.",
    WeekRole.DELOAD: "Deload: an easier week. About half the sets, every set well short of "
    "your limit. It lets the body catch up, so the next block starts fresh.",
    WeekRole.STRENGTH: "Strength: heavy main lifts for low reps, about "
    f"{CAMP_PHASES[WeekRole.STRENGTH].band[0]}-{CAMP_PHASES[WeekRole.STRENGTH].band[1]}% of "
    "the most you can lift once, with sets rising week on week.",
    WeekRole.STRENGTH_SPEED: "Strength-speed: heavier main lifts for fewer reps, about "
    f"{CAMP_PHASES[WeekRole.STRENGTH_SPEED].band[0]}-"
    f"{CAMP_PHASES[WeekRole.STRENGTH_SPEED].band[1]}% of the most you can lift once, power "
    "work (swings, cleans, jumps) beside them, and a little less work than the hardest week.",
    WeekRole.SPEED: "Speed: power work first in every session and more of it, a few fast "
    "reps at a time; fewer main lifts, lighter and moved as fast as you can, about "
    f"{CAMP_PHASES[WeekRole.SPEED].band[0]}-{CAMP_PHASES[WeekRole.SPEED].band[1]}% of the "
    "most you can lift once.",
    WeekRole.TAPER: "Taper: the speed weeks' exercises at about half the hardest week's sets, "
    "no session longer than the same day's in the speed weeks, so you arrive at the fight "
    "fresh. No session the day before the fight, on it or after it.",
}

#: Small multiples: one chart's size and padding [px].
CHART_WIDTH, CHART_HEIGHT = 210, 112
CHART_TOP, CHART_BOTTOM, CHART_SIDE = 16, 18, 4


def _date(day: dt.date) -> str:
    return f"{day:%a} {day.isoformat()}"


def _reps(entry: BlockEntry, library: Library) -> str:
    """The entry's reps, "per side" on unilateral work (the block CSV writes it; a file
    edited by hand may not)."""
    unilateral = library.has_exercise(entry.exercise_id) and (
        library.exercise(entry.exercise_id).unilateral
    )
    if unilateral and PER_SIDE not in entry.reps:
        return f"{entry.reps} {PER_SIDE}"
    return entry.reps


def _effort(week: BlockWeek) -> str:
    """The week's reps in reserve: one number, or the range its entries span."""
    values = sorted({e.rir for e in week.entries})
    if not values:
        return "-"
    low, high = values[0], values[-1]
    return f"{low} in reserve" if low == high else f"{low}-{high} in reserve"


def _badge(week: BlockWeek) -> str:
    cut = " cut" if week.role.cuts else ""
    return f'<span class="badge{cut}">{escape(week.role.title)}</span>'


def _header(
    block: Block,
    library: Library,
    client: Client,
    profile: SportProfile | None,
    generated: dt.date,
) -> str:
    camp = any(role in CAMP_PHASES for role in block.roles)
    kind = "fight camp" if camp else "training block"
    shape = escape(block_words(block.weeks))
    fight = (
        f" The fight: <b>{escape(_date(block.fight_date))}</b>."
        if block.fight_date is not None
        else ""
    )
    return (
        f"<header>\n<h1>Your {kind}: {escape(client.name)}</h1>\n"
        f'<p class="subtitle">{len(block.weeks)} weeks ({shape}) that train the back of the '
        "body, each week checked against your days, time, equipment, level, injuries and a "
        f"day's rest for each muscle between hard sessions.{fight}</p>\n"
        f"{limits_list(client, library, profile, generated)}\n</header>"
    )


def _overview(block: Block) -> str:
    dated = block.start is not None
    rows = []
    for week in block.weeks:
        when = f"<td>{escape(_date(block.dates(week.number)['Mon']))}</td>" if dated else ""
        rows.append(
            f'<tr class="{"deload-row" if week.role.cuts else "week-row"}">'
            f'<td><a href="#week-{week.number}">Week {week.number}</a></td>{when}'
            f"<td>{_badge(week)}</td>"
            f'<td class="number">{week.total_sets}</td>'
            f'<td class="number">{round(week.plan.total_minutes)} min</td>'
            f"<td>{escape(_effort(week))}</td></tr>"
        )
    head_when = "<th>From</th>" if dated else ""
    return (
        f'<section id="{BLOCK_SECTION_IDS[0]}">\n<h2>The block at a glance</h2>\n'
        '<p class="note">Reps in reserve: how many more good reps you could still do at the '
        "end of each set (3: stop three reps before you would fail; 0: the last rep you can "
        "do well). A load in % 1RM is a share of the most you can lift once. Fast: every "
        "rep as fast as you can, and the set ends when the speed drops. Steady (holds and "
        "carries): keep your form from the first second to the last. Controlled (core drills): "
        "slow reps, and the set ends when your form slips. When every set of a lift reaches "
        "the top of its reps, add the smallest step of load the next week (a heavier bell, "
        "a thicker band, 2.5 kg on a bar).</p>\n"
        f"<table>\n<thead><tr><th>Week</th>{head_when}<th>Focus</th>"
        '<th class="number">Sets</th><th class="number">Time</th><th>Effort</th></tr>'
        f"</thead>\n<tbody>\n{''.join(rows)}\n</tbody>\n</table>\n</section>"
    )


def progression_svg(
    weeks: Sequence[BlockWeek], values: Sequence[float], top: float, floor: float | None = None
) -> str:
    """One small bar chart: a bar per week of ``values`` [effective sets/week] on a scale of
    0..``top``; a deload or taper bar in its own colour; ``floor`` (the weekly minimum) as a
    dashed line."""
    plot_width = CHART_WIDTH - 2 * CHART_SIDE
    plot_height = CHART_HEIGHT - CHART_TOP - CHART_BOTTOM
    slot = plot_width / max(len(weeks), 1)
    base = CHART_TOP + plot_height
    parts = [
        f'<svg width="{CHART_WIDTH}" height="{CHART_HEIGHT}" '
        f'viewBox="0 0 {CHART_WIDTH} {CHART_HEIGHT}" role="img">',
        f'<line x1="{CHART_SIDE}" y1="{base}" x2="{CHART_WIDTH - CHART_SIDE}" y2="{base}" '
        f'stroke="{COLOURS["grid"]}"/>',
    ]
    for index, (week, value) in enumerate(zip(weeks, values, strict=True)):
        height = plot_height * value / top if top else 0.0
        x = CHART_SIDE + index * slot + slot * 0.15
        colour = COLOURS["cut"] if week.role.cuts else COLOURS["posterior"]
        label = f"Week {week.number} ({week.role.title}): {number(value)} sets"
        parts.append(
            f'<rect class="{"bar-cut" if week.role.cuts else "bar"}" x="{x:.1f}" '
            f'y="{base - height:.1f}" width="{slot * 0.7:.1f}" height="{height:.1f}" '
            f'fill="{colour}"><title>{escape(label)}</title></rect>'
        )
        middle = x + slot * 0.35
        parts.append(
            f'<text x="{middle:.1f}" y="{base - height - 3:.1f}" font-size="9" '
            f'text-anchor="middle" fill="#1d2733">{number(value)}</text>'
        )
        weight = ' font-weight="700"' if week.role.cuts else ""
        parts.append(
            f'<text x="{middle:.1f}" y="{CHART_HEIGHT - 5}" font-size="9" text-anchor="middle" '
            f'fill="{colour if week.role.cuts else "#5c6773"}"{weight}>{week.number}</text>'
        )
    if floor is not None and top and 0 < floor <= top:
        y = base - plot_height * floor / top
        parts.append(
            f'<line class="floor" x1="{CHART_SIDE}" y1="{y:.1f}" x2="{CHART_WIDTH - CHART_SIDE}" '
            f'y2="{y:.1f}" stroke="{COLOURS["target"]}" stroke-dasharray="3 3"/>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _progression(block: Block, library: Library, targets: Mapping[str, Target]) -> str:
    """Small multiples: each posterior-chain muscle the block trains (the prime movers
    first), its weekly effective sets across the block on one shared scale."""
    sets = {week.number: week.effective_sets() for week in block.weeks}
    trained = {m for week in sets.values() for m, v in week.items() if v > 0}
    movers = [m for m in block.peak.standards.prime_movers if m in trained]
    others = [m.id for m in library.posterior_chain if m.id in trained and m.id not in movers]
    chosen = [m for m in (*movers, *others) if library.has_muscle(m)]
    top = max(
        [1.0]
        + [sets[w.number].get(m, 0.0) for w in block.weeks for m in chosen]
        + [targets[m].min_sets for m in chosen if m in targets]
    )
    charts = []
    for muscle_id in chosen:
        values = [sets[w.number].get(muscle_id, 0.0) for w in block.weeks]
        floor = targets[muscle_id].min_sets if muscle_id in targets else None
        tag = " <small>prime mover</small>" if muscle_id in movers else ""
        charts.append(
            f'<figure class="multiple" data-muscle="{escape(muscle_id)}">'
            f"<figcaption>{escape(library.muscle(muscle_id).name)}{tag}</figcaption>"
            f"{progression_svg(block.weeks, values, top, floor)}</figure>"
        )
    return (
        f'<section id="{BLOCK_SECTION_IDS[1]}">\n<h2>How the work builds, muscle by muscle</h2>\n'
        '<p class="note">Sets a week for each back-of-body muscle the block trains, week by '
        "week (a set counts in full for the muscles an exercise mainly works, half for those "
        "that help), all on one scale; the dashed line is the weekly minimum, the "
        '<span style="color:' + COLOURS["cut"] + '"><b>orange</b></span> bar the easy '
        "week.</p>\n"
        f'<div class="multiples">{"".join(charts)}</div>\n</section>'
    )


def _week_page(block: Block, week: BlockWeek, library: Library, client: Client) -> str:
    camp = any(role in CAMP_PHASES for role in block.roles)
    dates = block.dates(week.number) if block.start is not None else None
    used = {e.weekday for e in week.plan.entries}
    days = [d for d in WEEKDAYS if d in client.weekdays or d in used]
    minutes = week.plan.session_minutes()
    span = (
        f" <small class='note'>({escape(_date(dates['Mon']))} to "
        f"{escape(_date(dates['Sun']))})</small>"
        if dates is not None
        else ""
    )
    parts = [
        f'<section class="week{" cut" if week.role.cuts else ""}" id="week-{week.number}" '
        f'data-role="{week.role.value}">',
        f"<h2>Week {week.number} of {len(block.weeks)}: {escape(week.role.title)} "
        f"{_badge(week)}{span}</h2>",
        f'<p class="role-note">{escape(ROLE_WORDS[week.role])} This week: {week.total_sets} '
        f"sets, about {round(week.plan.total_minutes)} min, "
        f"{escape(_effort(week))}.</p>",
    ]
    if block.fight_date is not None and dates is not None and block.fight_date in dates.values():
        parts.append(f"<p><b>Fight: {escape(_date(block.fight_date))}</b></p>")
    for day in days:
        session = [e for e in week.entries if e.weekday == day]
        named = escape(_date(dates[day]) if dates is not None else day)
        sparring = (
            ' <span class="sparring">sparring day</span>'
            if (camp and day in client.sparring)
            else ""
        )
        if not session:
            parts.append(f"<h3>{named}{sparring}</h3>")
            parts.append('<p class="note">No session this day.</p>')
            continue
        parts.append(
            f"<h3>{named}: about {number(minutes.get(day, 0.0))} of "
            f"{number(client.minutes_per_session)} min{sparring}</h3>"
        )
        rows = "".join(
            "<tr>"
            f'<td class="number">{entry.order}</td>'
            f"<td><b>{escape(entry.exercise)}</b></td>"
            f'<td class="number">{entry.sets} x {escape(_reps(entry, library))}</td>'
            f'<td class="number">{entry.rest_seconds} s</td>'
            f'<td class="number">{entry.rir}</td>'
            f"<td>{escape(entry.load)}</td>"
            "</tr>"
            for entry in sorted(session, key=lambda e: e.order)
        )
        parts.append(
            '<table class="session">\n<thead><tr><th class="number">#</th><th>Exercise</th>'
            '<th class="number">Sets x reps</th><th class="number">Rest</th>'
            '<th class="number">Reps in reserve</th><th>Load</th></tr></thead>\n'
            f"<tbody>\n{rows}\n</tbody>\n</table>"
        )
    parts.append("</section>")
    return "\n".join(parts)


def _how_to(block: Block, library: Library) -> str:
    """Each exercise of the block once, with how to do it well."""
    seen: dict[str, str] = {}
    for week in block.weeks:
        for entry in sorted(week.plan.entries, key=lambda e: (e.day, e.order)):
            seen.setdefault(entry.exercise_id, entry.exercise)
    items = "".join(
        f"<dt><b>{escape(name)}</b></dt><dd>{escape(exercise_cue(library.exercise(eid)))}</dd>"
        for eid, name in seen.items()
        if library.has_exercise(eid)
    )
    return (
        '<section id="how-to">\n<h2>How to do each exercise</h2>\n'
        f'<dl class="how-to">{items}</dl>\n</section>'
    )


def block_report_html(
    block: Block,
    library: Library,
    client: Client,
    targets: Mapping[str, Target],
    *,
    profile: SportProfile | None = None,
    generated: dt.date | None = None,
) -> str:
    """The block's report as one small standalone HTML page (no scripts).

    ``block`` should have passed :func:`workbench.check.check_block` for ``client``;
    ``targets`` are the weekly bands [sets/week] that apply (their minimum is dashed on each
    muscle's chart).
    """
    generated = generated or dt.date.today()
    camp = any(role in CAMP_PHASES for role in block.roles)
    title = "Fight camp" if camp else "Training block"
    return html_page(
        f"{title} for {escape(client.name)}",
        STYLE + BLOCK_STYLE,
        [
            _header(block, library, client, profile, generated),
            _overview(block),
            _progression(block, library, targets),
            *(_week_page(block, week, library, client) for week in block.weeks),
            _how_to(block, library),
        ],
    )


def client_block_report(
    block: Block,
    library: Library,
    client: Client,
    profiles: Mapping[str, SportProfile],
    *,
    generated: dt.date | None = None,
    weights: CoachWeights | None = None,
    file: str = "client",
) -> str:
    """The client's report of a checked ``block``: ``workbench report BLOCK.csv`` and the
    dashboard's block report write this same page. ``file`` names the client in errors."""
    problem = make_problem(library, client, profiles, weights, file=file)
    return block_report_html(
        block,
        library,
        client,
        dict(problem.targets),
        profile=profiles.get(client.sport),
        generated=generated,
    )


def as_camp(block: Block, fight_date: dt.date | None = None, *, file: str = "block") -> Block:
    """A block read from its CSV (whose roles are not in the file) as a fight camp: each
    week's phase by the camp's length, dated when ``fight_date`` is given."""
    weeks = len(block.weeks)
    try:
        roles = camp_roles(weeks)
    except InputError:
        raise InputError(
            f"holds {weeks} weeks; a fight camp has 8..12",
            file=file,
            field="block_week",
            value=weeks,
        ) from None
    return Block(
        tuple(replace(week, role=role) for week, role in zip(block.weeks, roles, strict=True)),
        start=camp_start(fight_date, weeks) if fight_date is not None else None,
        fight_date=fight_date,
        proof=block.proof,
    )


def _fight_date(text: str | None) -> dt.date | None:
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise InputError(
            f"'{text}' is not a date (YYYY-MM-DD)",
            file=COMMAND_LINE,
            field="--fight-date",
            value=text,
        ) from None


def run_block(args: argparse.Namespace) -> int:
    """``workbench report BLOCK.csv``: 0 written, 1 a week breaks a hard limit (each listed,
    nothing written). Bad input raises :class:`~workbench.errors.InputError` (exit 2).

    A camp is read back as one (:func:`~workbench.iotools.block_roles_read`: 8-12 weeks, the
    last alone a taper); ``--camp`` names the weeks by a camp's phases whatever the file
    holds."""
    fight = _fight_date(args.fight_date)
    library = iotools.read_library(args.library)
    profiles = iotools.read_library_profiles(args.library, library)
    client = validate_client(iotools.read_client(args.client), library, profiles, file=args.client)
    block = iotools.read_block(args.plan_csv)
    camp = args.camp or any(role in CAMP_PHASES for role in block.roles)
    if fight is not None and not camp:
        raise InputError(
            "is for a fight camp (add --camp)",
            file=COMMAND_LINE,
            field="--fight-date",
            value=args.fight_date,
        )
    if camp:
        block = as_camp(block, fight, file=args.plan_csv)
    weights = iotools.read_library_weights(args.library)
    problem = make_problem(library, client, profiles, weights, file=args.client)
    violations = check_block(block, library, client, problem.targets)
    if violations:
        for violation in violations:
            print(f"{args.plan_csv}: {violation}")
        print(
            f"workbench: {args.plan_csv} breaks {len(violations)} hard limit(s) for "
            f"{client.name}; no report written",
            file=sys.stderr,
        )
        return EXIT_VIOLATIONS
    page = block_report_html(
        block,
        library,
        client,
        dict(problem.targets),
        profile=profiles.get(client.sport),
    )
    iotools.atomic_write_text(Path(args.out), page)
    print(f"Wrote {args.out}")
    return EXIT_OK
