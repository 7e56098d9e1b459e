"""Plotly figures of plans, coverage and the library: pure functions returning ``go.Figure``.

Nothing here knows about widgets: the dashboard, the HTML report and notebooks all draw the
same figures. Text that comes from data files (muscle, exercise and client names) is escaped
before it reaches plotly, whose labels are pseudo-HTML.

Every figure is cheap to build (well under 50 ms on the shipped library) because the
dashboard rebuilds all of them after each re-plan.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from workbench.analytics import MuscleCoverage, balance, effective_sets_by_day
from workbench.block import Block, BlockWeek
from workbench.glossary import WEEKDAYS
from workbench.library import Exercise, Library, Muscle
from workbench.plan import Plan
from workbench.present import COLOURS, TOLERANCE, week_title

__all__ = [
    "GROUPS",
    "PALETTE",
    "balance_figure",
    "block_heatmap",
    "block_lines",
    "block_muscles",
    "comparison_figure",
    "coverage_figure",
    "empty_figure",
    "exercise_muscle_heatmap",
    "minutes_figure",
    "muscle_group",
    "scenario_heatmap",
    "weekday_heatmap",
    "what_if_figure",
]

#: Display groups, in the order figures show them (posterior-chain groups first).
GROUPS: tuple[str, ...] = ("upper back", "core", "hips", "legs", "upper body (front)")

#: The few colours every figure shares (the product's palette, plus the target band's fill).
PALETTE: dict[str, str] = {**COLOURS, "band": "rgba(42, 157, 143, 0.18)"}
HEAT_SCALE = [[0.0, "#f7fbff"], [0.5, "#6baed6"], [1.0, "#08306b"]]
TEMPLATE = "plotly_white"
FONT = {"family": "Inter, Segoe UI, Helvetica, Arial, sans-serif", "size": 12}
ROW_PX = 24  # height of one muscle row [px]; every tick label fits at 12 px font
GROUP_LABEL_PX = 120  # right margin that holds the group names [px]

# Ids whose display group a region alone would get wrong.
_GROUP_BY_ID = {
    "obliques_internal": "core",
    "obliques_external": "core",
    "gluteus_maximus": "hips",
    "gluteus_medius": "hips",
    "gluteus_minimus": "hips",
    "hip_flexors": "hips",
    "adductors": "hips",
    "abductors": "hips",
}


def _escape(text: str) -> str:
    """Text from a file, made literal for plotly's pseudo-HTML labels."""
    return html.escape(text, quote=False)


def muscle_group(muscle: Muscle) -> str:
    """The display group of ``muscle``: one of :data:`GROUPS`.

    Glutes, hip flexors and adductors are "hips"; hamstrings, calves and quadriceps "legs";
    obliques and abdominals "core"; the back and shoulder girdle behind "upper back"; chest,
    front shoulders and arms "upper body (front)".
    """
    if muscle.id in _GROUP_BY_ID:
        return _GROUP_BY_ID[muscle.id]
    if muscle.region == "core":
        return "core"
    if muscle.region == "lower":
        return "legs"
    return "upper back" if muscle.chain == "posterior" else "upper body (front)"


def _display_key(muscle: Muscle, position: int) -> tuple[int, int, int]:
    return (muscle.chain != "posterior", GROUPS.index(muscle_group(muscle)), position)


def _ordered_muscles(library: Library, ids: Iterable[str] | None = None) -> list[Muscle]:
    """Muscles posterior chain first, then by display group, then in library order."""
    wanted = None if ids is None else set(ids)
    position = {m.id: n for n, m in enumerate(library.muscles)}
    chosen = [m for m in library.muscles if wanted is None or m.id in wanted]
    return sorted(chosen, key=lambda m: _display_key(m, position[m.id]))


def _muscle_axis(muscles: Sequence[Muscle]) -> dict[str, Any]:
    """A category axis that shows every muscle name, first muscle on top."""
    return {
        "type": "category",
        "categoryorder": "array",
        "categoryarray": [m.id for m in muscles],
        "tickmode": "array",
        "tickvals": [m.id for m in muscles],
        "ticktext": [_escape(m.name) for m in muscles],
        "autorange": "reversed",
        "automargin": True,
    }


def _section(muscle: Muscle) -> str:
    """The label a muscle sits under: its group on the posterior chain; anterior muscles,
    tracked for balance only, share one section."""
    return muscle_group(muscle) if muscle.chain == "posterior" else "anterior (balance)"


def _group_dividers(
    muscles: Sequence[Muscle],
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Shapes between display groups and an annotation naming each group in the right margin."""
    shapes: list[dict[str, Any]] = []
    annotations: list[dict[str, Any]] = []
    start = 0
    for index in range(1, len(muscles) + 1):
        here = _section(muscles[start])
        if index < len(muscles) and _section(muscles[index]) == here:
            continue
        if start > 0:
            shapes.append(
                {
                    "type": "line",
                    "xref": "paper",
                    "yref": "y",
                    "x0": 0,
                    "x1": 1,
                    "y0": start - 0.5,
                    "y1": start - 0.5,
                    "line": {"color": "#c8ced6", "width": 1, "dash": "dot"},
                    "layer": "below",
                }
            )
        annotations.append(
            {
                "xref": "paper",
                "yref": "y",
                "x": 1.0,
                "xshift": 6,
                "y": start - 0.45,
                "xanchor": "left",
                "yanchor": "top",
                "text": "<i>" + _escape(here).replace(" (", "<br>(") + "</i>",
                "showarrow": False,
                "font": {"size": 10, "color": PALETTE["neutral"]},
            }
        )
        start = index
    return shapes, annotations


def _layout(title: str | None, height: int, **extra: Any) -> dict[str, Any]:
    layout: dict[str, Any] = {
        "template": TEMPLATE,
        "font": FONT,
        "height": height,
        # Title at the very top, the legend in its own row beneath it, then the plot.
        "margin": {"l": 10, "r": 20, "t": 90 if title else 40, "b": 40},
        "legend": {"orientation": "h", "yanchor": "bottom", "y": 1.0, "x": 0, "xanchor": "left"},
    }
    if title:
        layout["title"] = {
            "text": title,
            "x": 0.01,
            "xanchor": "left",
            "y": 1,
            "yref": "container",
            "yanchor": "top",
            "pad": {"t": 12},
        }
    layout.update(extra)
    return layout


def _fmt(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _marks(
    name: str, rows: Sequence[MuscleCoverage], x: list[float], status: str, sign: str
) -> go.Scatter:
    """Labelled triangles at the muscles that are short ("−n") or over their maximum ("+n")."""
    amounts = [r.shortfall if status == "short" else r.excess for r in rows]
    colour = PALETTE[status]
    return go.Scatter(
        name=name,
        y=[r.muscle_id for r in rows],
        x=x,
        mode="markers+text",
        marker={
            "symbol": "triangle-left" if status == "short" else "triangle-right",
            "size": 11,
            "color": colour,
        },
        text=[f"{sign}{_fmt(a)}" for a in amounts],
        textposition="middle right",
        textfont={"color": colour, "size": 11},
        hovertemplate=f"%{{text}} sets/week ({name})<extra></extra>",
    )


def coverage_figure(
    rows: Sequence[MuscleCoverage], library: Library, *, title: str | None = None
) -> go.Figure:
    """Effective sets per muscle [sets/week] against its target band, one row per muscle.

    Rows are grouped by display group, posterior chain first. The band (min to max) is a
    shaded bar; effective sets a marker coloured by status; muscles short of their minimum
    or above their maximum get an extra marker and a label with the amount. ``title`` is
    plain text (escaped), e.g. one naming the client.
    """
    by_id = {r.muscle_id: r for r in rows}
    known = [m for m in _ordered_muscles(library) if m.id in by_id]
    extra = [
        Muscle(r.muscle_id, r.muscle, r.region, r.chain, r.min_sets, r.max_sets, r.target_sets)
        for r in rows
        if not library.has_muscle(r.muscle_id)
    ]
    muscles = known + extra
    ordered = [by_id[m.id] for m in muscles]
    ids = [r.muscle_id for r in ordered]
    names = [_escape(r.muscle) for r in ordered]
    colours = [PALETTE[r.status] for r in ordered]
    traces: list[go.Bar | go.Scatter] = [
        go.Bar(
            name="target band",
            y=ids,
            x=[r.max_sets - r.min_sets for r in ordered],
            base=[r.min_sets for r in ordered],
            orientation="h",
            marker={"color": PALETTE["band"], "line": {"color": PALETTE["ok"], "width": 1}},
            width=0.7,
            customdata=[[n, r.min_sets, r.max_sets] for n, r in zip(names, ordered, strict=True)],
            hovertemplate="%{customdata[0]}: target %{customdata[1]}–%{customdata[2]} sets/week<extra></extra>",
        ),
        go.Bar(
            name="effective sets",
            y=ids,
            x=[r.effective_sets for r in ordered],
            orientation="h",
            marker={"color": colours},
            width=0.3,
            customdata=[[n, r.status] for n, r in zip(names, ordered, strict=True)],
            hovertemplate="%{customdata[0]}: %{x:.1f} effective sets/week (%{customdata[1]})<extra></extra>",
        ),
    ]
    short = [r for r in ordered if r.status == "short"]
    if short:
        traces.append(_marks("short of minimum", short, [r.min_sets for r in short], "short", "−"))
    over = [r for r in ordered if r.status == "over"]
    if over:
        traces.append(_marks("above maximum", over, [r.effective_sets for r in over], "over", "+"))
    shapes, annotations = _group_dividers(muscles)
    layout = _layout(
        _escape(title) if title is not None else "Weekly coverage [effective sets/week]",
        max(260, ROW_PX * len(muscles) + 130),
        barmode="overlay",
        yaxis=_muscle_axis(muscles),
        xaxis={"title": {"text": "effective sets / week"}, "rangemode": "tozero", "zeroline": True},
        shapes=shapes,
        annotations=annotations,
        bargap=0.2,
    )
    layout["margin"]["r"] = GROUP_LABEL_PX
    return go.Figure(data=traces, layout=layout)


def weekday_heatmap(plan: Plan, library: Library, weekdays: Sequence[str] = WEEKDAYS) -> go.Figure:
    """Effective sets per muscle and weekday [sets]; cells marked "P" load the muscle as primary.

    All ``weekdays`` are columns (by default the whole week) so rest days and the spacing
    between sessions that load the same muscle show.
    """
    by_day = effective_sets_by_day(plan, library)
    primary: set[tuple[str, str]] = set()
    for entry in plan.entries:
        for muscle_id in library.exercise(entry.exercise_id).primary_muscles:
            primary.add((muscle_id, entry.weekday))
    muscles = _ordered_muscles(library)
    trained = {e.weekday for e in plan.entries}
    z = [[by_day.get((m.id, day), 0.0) for day in weekdays] for m in muscles]
    text = [
        [
            ""
            if not value
            else f"<b>{_fmt(value)} P</b>"
            if (m.id, day) in primary
            else _fmt(value)
            for value, day in zip(row, weekdays, strict=True)
        ]
        for m, row in zip(muscles, z, strict=True)
    ]
    role = [
        [
            "primary" if (m.id, day) in primary else "secondary" if value else "rest"
            for value, day in zip(row, weekdays, strict=True)
        ]
        for m, row in zip(muscles, z, strict=True)
    ]
    heat = go.Heatmap(
        z=z,
        x=list(weekdays),
        y=[m.id for m in muscles],
        text=text,
        texttemplate="%{text}",
        customdata=role,
        colorscale=HEAT_SCALE,
        zmin=0,
        xgap=2,
        ygap=2,
        colorbar={"title": {"text": "sets"}, "thickness": 12},
        hovertemplate="%{x} · %{y}: %{z:.1f} effective sets (%{customdata})<extra></extra>",
        name="effective sets",
    )
    labels = [day if day in trained else f"{day}<br><i>rest</i>" for day in weekdays]
    shapes, _ = _group_dividers(muscles)
    layout = _layout(
        "Effective sets by weekday (P = primary: needs 48 h before loading again)",
        max(260, ROW_PX * len(muscles) + 140),
        yaxis=_muscle_axis(muscles),
        xaxis={
            "type": "category",
            "side": "top",
            "tickmode": "array",
            "tickvals": list(weekdays),
            "ticktext": labels,
        },
        shapes=shapes,
    )
    layout["margin"]["t"] = 100
    return go.Figure(data=[heat], layout=layout)


def balance_figure(plan: Plan, library: Library) -> go.Figure:
    """Posterior vs anterior and upper vs lower vs core [effective sets/week]; sets by pattern.

    Three panels side by side. The chain panel carries a marker line at the anterior volume:
    the article asks that posterior volume be at least the anterior one.
    """
    result = balance(plan, library)
    patterns = list(result.by_pattern) or ["(none)"]
    pattern_sets = list(result.by_pattern.values()) or [0]
    traces = [
        go.Bar(
            x=["posterior", "anterior"],
            y=[result.posterior, result.anterior],
            marker={"color": [PALETTE["posterior"], PALETTE["anterior"]]},
            text=[_fmt(result.posterior), _fmt(result.anterior)],
            textposition="outside",
            xaxis="x",
            yaxis="y",
            name="chain",
            hovertemplate="%{x}: %{y:.1f} effective sets/week<extra></extra>",
        ),
        go.Bar(
            x=["upper", "lower", "core"],
            y=[result.upper, result.lower, result.core],
            marker={"color": [PALETTE["upper"], PALETTE["lower"], PALETTE["core"]]},
            text=[_fmt(result.upper), _fmt(result.lower), _fmt(result.core)],
            textposition="outside",
            xaxis="x2",
            yaxis="y2",
            name="region",
            hovertemplate="%{x}: %{y:.1f} effective sets/week<extra></extra>",
        ),
        go.Bar(
            x=[p.replace("_", " ") for p in patterns],
            y=pattern_sets,
            marker={"color": PALETTE["neutral"]},
            text=[str(s) for s in pattern_sets],
            textposition="outside",
            xaxis="x3",
            yaxis="y3",
            name="pattern",
            hovertemplate="%{x}: %{y} sets/week<extra></extra>",
        ),
    ]
    # Domains laid out by hand: make_subplots costs more than the whole figure otherwise.
    domains = ((0.0, 0.16), (0.24, 0.44), (0.52, 1.0))
    titles = (
        f"chain ({result.posterior_share:.0%} posterior)",
        "region",
        "sets by movement pattern",
    )
    axes: dict[str, Any] = {}
    annotations = []
    for n, (domain, panel) in enumerate(zip(domains, titles, strict=True), start=1):
        suffix = "" if n == 1 else str(n)
        axes[f"xaxis{suffix}"] = {
            "domain": list(domain),
            "anchor": f"y{suffix}",
            "type": "category",
        }
        axes[f"yaxis{suffix}"] = {
            "anchor": f"x{suffix}",
            "rangemode": "tozero",
            "title": {"text": "effective sets / week" if n < 3 else "sets / week"},
        }
        annotations.append(
            {
                "xref": "paper",
                "yref": "paper",
                "x": (domain[0] + domain[1]) / 2,
                "y": 1.0,
                "yanchor": "bottom",
                "text": panel,
                "showarrow": False,
                "font": {"size": 12},
            }
        )
    axes["xaxis3"]["tickangle"] = -35
    layout = _layout(
        "Balance",
        400,
        showlegend=False,
        annotations=annotations,
        shapes=[
            {
                "type": "line",
                "xref": "x",
                "yref": "y",
                "x0": -0.5,
                "x1": 1.5,
                "y0": result.anterior,
                "y1": result.anterior,
                "line": {"color": PALETTE["anterior"], "width": 1, "dash": "dash"},
            }
        ],
        **axes,
    )
    layout["margin"]["b"] = 90
    layout["margin"]["l"] = 60
    return go.Figure(data=traces, layout=layout)


def minutes_figure(plan: Plan, minutes_per_session: float, weekdays: Sequence[str]) -> go.Figure:
    """Session minutes per training weekday [min] against the limit (a dashed line).

    ``weekdays`` are the client's training days; a day with nothing planned shows as 0.
    """
    session = plan.session_minutes()
    days = [d for d in WEEKDAYS if d in set(weekdays) | set(session)]
    minutes = [session.get(day, 0.0) for day in days]
    colours = [
        PALETTE["short"] if m > minutes_per_session + TOLERANCE else PALETTE["posterior"]
        for m in minutes
    ]
    bars = go.Bar(
        x=days,
        y=minutes,
        marker={"color": colours},
        text=[_fmt(m) for m in minutes],
        textposition="outside",
        name="session minutes",
        hovertemplate="%{x}: %{y:.1f} min<extra></extra>",
    )
    limit_line = {
        "type": "line",
        "xref": "paper",
        "yref": "y",
        "x0": 0,
        "x1": 1,
        "y0": minutes_per_session,
        "y1": minutes_per_session,
        "line": {"color": PALETTE["limit"], "width": 2, "dash": "dash"},
        "name": "limit",
    }
    layout = _layout(
        "Session minutes [min]",
        320,
        showlegend=False,
        shapes=[limit_line],
        annotations=[
            {
                "xref": "paper",
                "yref": "y",
                "x": 1,
                "y": minutes_per_session,
                "xanchor": "right",
                "yanchor": "bottom",
                "text": f"limit {_fmt(minutes_per_session)} min",
                "showarrow": False,
                "font": {"color": PALETTE["limit"]},
            }
        ],
        xaxis={"type": "category", "categoryorder": "array", "categoryarray": days},
        yaxis={
            "title": {"text": "minutes"},
            "range": [0, max([minutes_per_session, *minutes]) * 1.18],
        },
    )
    layout["margin"]["l"] = 60
    return go.Figure(data=[bars], layout=layout)


def comparison_figure(
    current: Sequence[MuscleCoverage],
    baseline: Sequence[MuscleCoverage],
    library: Library,
    *,
    title: str | None = None,
) -> go.Figure:
    """The current plan against a pinned baseline, muscle by muscle [effective sets/week].

    Grouped horizontal bars; the current bar is labelled with its change from the baseline and
    a tick marks each muscle's minimum.
    """
    now = {r.muscle_id: r for r in current}
    before = {r.muscle_id: r for r in baseline}
    ids = {*now, *before}
    muscles = [m for m in _ordered_muscles(library) if m.id in ids]
    seen = {m.id for m in muscles}
    for row in (*current, *baseline):
        if row.muscle_id not in seen:
            seen.add(row.muscle_id)
            muscles.append(
                Muscle(
                    row.muscle_id,
                    row.muscle,
                    row.region,
                    row.chain,
                    row.min_sets,
                    row.max_sets,
                    row.target_sets,
                )
            )
    y = [m.id for m in muscles]
    base_sets = [before[m].effective_sets if m in before else 0.0 for m in y]
    now_sets = [now[m].effective_sets if m in now else 0.0 for m in y]
    changes = [b - a for a, b in zip(base_sets, now_sets, strict=True)]
    labels = [
        "" if abs(c) < TOLERANCE else f"+{_fmt(c)}" if c > 0 else f"−{_fmt(-c)}" for c in changes
    ]
    minimum = [
        now[m].min_sets if m in now else before[m].min_sets if m in before else 0.0 for m in y
    ]
    traces = [
        go.Bar(
            name="baseline",
            y=y,
            x=base_sets,
            orientation="h",
            marker={"color": PALETTE["baseline"]},
            hovertemplate="baseline: %{x:.1f} effective sets/week<extra></extra>",
        ),
        go.Bar(
            name="current",
            y=y,
            x=now_sets,
            orientation="h",
            marker={"color": PALETTE["current"]},
            text=labels,
            textposition="outside",
            cliponaxis=False,
            hovertemplate="current: %{x:.1f} effective sets/week (%{text})<extra></extra>",
        ),
        go.Scatter(
            name="minimum",
            y=y,
            x=minimum,
            mode="markers",
            marker={"symbol": "line-ns-open", "size": 16, "color": PALETTE["short"]},
            hovertemplate="minimum %{x:g} sets/week<extra></extra>",
        ),
    ]
    shapes, annotations = _group_dividers(muscles)
    layout = _layout(
        _escape(title)
        if title is not None
        else "Current plan against the baseline [effective sets/week]",
        max(280, int(ROW_PX * 1.5) * len(muscles) + 130),
        barmode="group",
        yaxis=_muscle_axis(muscles),
        xaxis={"title": {"text": "effective sets / week"}, "rangemode": "tozero"},
        shapes=shapes,
        annotations=annotations,
        bargap=0.25,
        bargroupgap=0.05,
    )
    layout["margin"]["r"] = GROUP_LABEL_PX
    return go.Figure(data=traces, layout=layout)


def exercise_muscle_heatmap(
    library: Library, exercises: Sequence[Exercise] | None = None
) -> go.Figure:
    """Exercises x muscles; a cell is the effective sets one set gives (1 primary, 0.5 secondary)."""
    chosen = list(library.exercises if exercises is None else exercises)
    muscles = _ordered_muscles(library)
    z = [[e.weight(m.id) for m in muscles] for e in chosen]
    role = [
        ["primary" if value == 1 else "secondary" if value else "" for value in row] for row in z
    ]
    heat = go.Heatmap(
        z=z,
        x=[m.id for m in muscles],
        y=[e.id for e in chosen],
        customdata=role,
        colorscale=[[0.0, "#ffffff"], [0.5, "#9ecae1"], [1.0, PALETTE["posterior"]]],
        zmin=0,
        zmax=1,
        xgap=1,
        ygap=1,
        colorbar={
            "title": {"text": "weight"},
            "tickvals": [0, 0.5, 1],
            "ticktext": ["none", "secondary", "primary"],
            "thickness": 12,
        },
        hovertemplate="%{y} → %{x}: %{customdata}<extra></extra>",
        name="weight",
    )
    layout = _layout(
        "Which exercise loads which muscle (1 = primary, 0.5 = secondary)",
        max(300, 16 * len(chosen) + 260),
        xaxis={
            "type": "category",
            "side": "top",
            "tickmode": "array",
            "tickvals": [m.id for m in muscles],
            "ticktext": [_escape(m.name) for m in muscles],
            "tickangle": -50,
            "automargin": True,
        },
        yaxis={
            "type": "category",
            "tickmode": "array",
            "tickvals": [e.id for e in chosen],
            "ticktext": [_escape(e.name) for e in chosen],
            "autorange": "reversed",
            "automargin": True,
            "tickfont": {"size": 10},
        },
    )
    # The muscle names along the top push the plot down; keep the title at the very top.
    layout["title"].update(y=1.0, yref="container", yanchor="top", pad={"t": 12})
    return go.Figure(data=[heat], layout=layout)


def empty_figure(message: str) -> go.Figure:
    """A blank figure that says why there is nothing to draw, e.g. "no plan yet"."""
    layout = _layout(
        None,
        240,
        xaxis={"visible": False},
        yaxis={"visible": False},
        annotations=[
            {
                "text": _escape(message),
                "xref": "paper",
                "yref": "paper",
                "x": 0.5,
                "y": 0.5,
                "showarrow": False,
                "font": {"size": 15, "color": PALETTE["neutral"]},
            }
        ],
    )
    return go.Figure(layout=layout)


def what_if_figure(frame: pd.DataFrame, parameter: str, *, title: str | None = None) -> go.Figure:
    """What a sweep buys: the weighted shortfall [sets/week] (bars) and the coach check
    (criteria passed of those that apply, a line on the right axis) at each value.

    ``frame`` is :func:`workbench.whatif.sweep_frame`'s table (or a scenarios table with
    ``parameter="scenario"``); a value with no plan shows as a gap, named in the hover.
    """
    labels = [str(v) for v in frame[parameter]]
    words = {"minutes": "min a session", "days": "days a week", "kit": "kit"}
    shortfall = go.Bar(
        x=labels,
        y=frame["total_shortfall"],
        name="weighted shortfall [sets/week]",
        marker={"color": PALETTE["short"]},
        text=[_fmt(v) if v == v else "no plan" for v in frame["total_shortfall"]],
        textposition="outside",
        hovertemplate="%{x}: shortfall %{y:.1f} sets/week<extra></extra>",
    )
    score = [
        p / a if a == a and a else float("nan")
        for p, a in zip(frame["coach_passed"], frame["coach_applicable"], strict=True)
    ]
    check = go.Scatter(
        x=labels,
        y=score,
        yaxis="y2",
        name="coach check [share of criteria]",
        mode="lines+markers+text",
        marker={"color": PALETTE["posterior"], "size": 9},
        line={"color": PALETTE["posterior"]},
        text=[
            f"{int(p)}/{int(a)}" if a == a else ""
            for p, a in zip(frame["coach_passed"], frame["coach_applicable"], strict=True)
        ],
        textposition="top center",
        hovertemplate="%{x}: coach check %{text}<extra></extra>",
    )
    top = max([1.0, *[v for v in frame["total_shortfall"] if v == v]])
    layout = _layout(
        title or f"What more {parameter} buys",
        340,
        barmode="group",
        xaxis={"type": "category", "title": {"text": words.get(parameter, parameter)}},
        yaxis={"title": {"text": "shortfall [sets/week]"}, "range": [0, top * 1.25]},
        yaxis2={
            "title": {"text": "coach check"},
            "overlaying": "y",
            "side": "right",
            "range": [0, 1.15],
            "tickformat": ".0%",
            "showgrid": False,
        },
    )
    layout["margin"].update({"l": 60, "r": 60})
    return go.Figure(data=[shortfall, check], layout=layout)


def scenario_heatmap(
    frame: pd.DataFrame,
    library: Library,
    *,
    floors: Mapping[str, Any] | None = None,
    title: str | None = None,
) -> go.Figure:
    """Effective sets a week of each posterior-chain muscle (columns) under each scenario
    (rows), red below the muscle's floor (the client's bands in ``floors`` — a problem's
    targets — else the library's ``min_sets``)."""
    muscles = list(library.posterior_chain)

    def floor(muscle: Muscle) -> float:
        band = floors.get(muscle.id) if floors is not None else None
        return float(band.min_sets) if band is not None else muscle.min_sets

    labels = [str(s) for s in frame["scenario"]]
    z, text = [], []
    for _, row in frame.iterrows():
        values = [row.get(f"effective_sets_{m.id}", float("nan")) for m in muscles]
        z.append(
            [
                min(v / floor(m), 1.0) if floor(m) and v == v else 1.0
                for v, m in zip(values, muscles, strict=True)
            ]
        )
        text.append([_fmt(v) if v == v else "" for v in values])
    heat = go.Heatmap(
        z=z,
        x=[m.name for m in muscles],
        y=labels,
        text=text,
        texttemplate="%{text}",
        colorscale=[[0, PALETTE["short"]], [0.999, "#f3f4f6"], [1, PALETTE["posterior"]]],
        zmin=0,
        zmax=1,
        showscale=False,
        hovertemplate="%{y} · %{x}: %{text} effective sets/week<extra></extra>",
    )
    layout = _layout(
        title or "Effective sets a week by scenario (red: below the floor)",
        max(220, 60 + round(ROW_PX * 1.4 * len(labels)) + 120),
        xaxis={"tickangle": -40, "side": "bottom"},
        yaxis={"autorange": "reversed", "type": "category"},
    )
    layout["margin"].update({"l": 10, "b": 120})
    return go.Figure(data=[heat], layout=layout)


# ----- blocks ------------------------------------------------------------------------------

#: Height of one week's row in the block heatmap [px].
WEEK_ROW_PX = 30
#: One colour per line of the block's prime movers (distinct from the cut weeks' colour).
LINE_COLOURS = ("#1f5f8b", "#2a9d8f", "#7b3fa0", "#264653", "#9c6644", "#5c6773")


def block_muscles(block: Block, library: Library) -> list[Muscle]:
    """The muscles a block trains (any effective sets in any week), posterior chain first."""
    trained = {m for week in block.weeks for m, v in week.effective_sets().items() if v > 0}
    return _ordered_muscles(library, trained)


def _week_label(week: BlockWeek) -> str:
    """A week's row or tick label; a deload or taper in bold capitals, seen at a glance."""
    if week.role.cuts:
        colour = PALETTE["cut"]
        return f"<b><span style='color:{colour}'>Week {week.number} · {week.role.title.upper()}</span></b>"
    return f"Week {week.number} · {week.role.title}"


def _week_tick(week: BlockWeek) -> str:
    """A week's tick on the lines' axis: "Week 2", a deload or taper named in its colour."""
    if week.role.cuts:
        colour = PALETTE["cut"]
        return f"Week {week.number}<br><b><span style='color:{colour}'>{week.role.title}</span></b>"
    return f"Week {week.number}"


def block_heatmap(block: Block, library: Library, *, title: str | None = None) -> go.Figure:
    """Weekly effective sets per muscle across a block [sets/week]: a row per week, a column
    per muscle the block trains (posterior chain first). A deload or taper row is labelled in
    capitals, outlined and named in the right margin, so the easy week stands out."""
    muscles = block_muscles(block, library)
    weeks = sorted(block.weeks, key=lambda w: w.number)
    sets = {w.number: w.effective_sets() for w in weeks}
    z = [[sets[w.number].get(m.id, 0.0) for m in muscles] for w in weeks]
    heat = go.Heatmap(
        z=z,
        x=[m.id for m in muscles],
        y=[str(w.number) for w in weeks],
        text=[[_fmt(v) if v else "" for v in row] for row in z],
        texttemplate="%{text}",
        customdata=[[[_escape(m.name), week_title(w)] for m in muscles] for w in weeks],
        colorscale=HEAT_SCALE,
        zmin=0,
        xgap=2,
        ygap=2,
        colorbar={"title": {"text": "sets"}, "thickness": 12},
        hovertemplate="%{customdata[1]} · %{customdata[0]}: %{z:.1f} effective sets<extra></extra>",
        name="effective sets",
    )
    # The easy week outlined: its row label already says so in capitals and in its colour.
    shapes = [
        {
            "type": "rect",
            "xref": "paper",
            "yref": "y",
            "x0": 0,
            "x1": 1,
            "y0": row - 0.5,
            "y1": row + 0.5,
            "line": {"color": PALETTE["cut"], "width": 3},
            "fillcolor": "rgba(0,0,0,0)",
        }
        for row, week in enumerate(weeks)
        if week.role.cuts
    ]
    layout = _layout(
        _escape(title)
        if title is not None
        else "Weekly effective sets per muscle across the block",
        max(260, WEEK_ROW_PX * len(weeks) + 230),
        yaxis={
            "type": "category",
            "autorange": "reversed",
            "tickmode": "array",
            "tickvals": [str(w.number) for w in weeks],
            "ticktext": [_week_label(w) for w in weeks],
            "automargin": True,
        },
        xaxis={
            "type": "category",
            "tickmode": "array",
            "tickvals": [m.id for m in muscles],
            "ticktext": [_escape(m.name) for m in muscles],
            "tickangle": -45,
            "automargin": True,
        },
        shapes=shapes,
    )
    layout["margin"]["t"] = 60
    return go.Figure(data=[heat], layout=layout)


def block_lines(
    block: Block,
    library: Library,
    muscles: Sequence[str] | None = None,
    *,
    title: str | None = None,
) -> go.Figure:
    """Weekly effective sets of the prime movers across a block [sets/week], a line each
    (``muscles``: default the block's standards' prime movers it trains). Each run of weeks
    is named by its role above the plot; a deload or taper is shaded."""
    weeks = sorted(block.weeks, key=lambda w: w.number)
    trained = {m.id for m in block_muscles(block, library)}
    chosen = list(muscles) if muscles is not None else list(block.peak.standards.prime_movers)
    chosen = [m for m in chosen if m in trained and library.has_muscle(m)]
    sets = {w.number: w.effective_sets() for w in weeks}
    numbers = [w.number for w in weeks]
    traces = [
        go.Scatter(
            x=numbers,
            y=[sets[n].get(muscle_id, 0.0) for n in numbers],
            name=_escape(library.muscle(muscle_id).name),
            mode="lines+markers",
            line={"color": LINE_COLOURS[index % len(LINE_COLOURS)], "width": 2.5},
            marker={"size": 7},
            customdata=[week_title(w) for w in weeks],
            hovertemplate=f"%{{customdata}} · {_escape(library.muscle(muscle_id).name)}: "
            "%{y:.1f} effective sets<extra></extra>",
        )
        for index, muscle_id in enumerate(chosen)
    ]
    shapes: list[dict[str, Any]] = []
    annotations: list[dict[str, Any]] = []
    runs: list[list[BlockWeek]] = []
    for week in weeks:
        if runs and runs[-1][-1].role is week.role:
            runs[-1].append(week)
        else:
            runs.append([week])
    for run in runs:
        first, last = run[0].number, run[-1].number
        cut = run[0].role.cuts
        shapes.append(
            {
                "type": "rect",
                "xref": "x",
                "yref": "paper",
                "x0": first - 0.5,
                "x1": last + 0.5,
                "y0": 0,
                "y1": 1,
                "fillcolor": "rgba(224, 122, 31, 0.16)" if cut else "rgba(0, 0, 0, 0)",
                "line": {"color": PALETTE["grid"], "width": 1, "dash": "dot"},
                "layer": "below",
            }
        )
        annotations.append(
            {
                "xref": "x",
                "yref": "paper",
                "x": (first + last) / 2,
                "y": 1.0,
                "yanchor": "bottom",
                "text": f"<b>{run[0].role.title}</b>" if cut else run[0].role.title,
                "showarrow": False,
                "font": {"size": 11, "color": PALETTE["cut"] if cut else PALETTE["neutral"]},
            }
        )
    top = max([1.0, *(v for trace in traces for v in trace.y)])
    layout = _layout(
        _escape(title) if title is not None else "Prime movers' weekly effective sets",
        360,
        xaxis={
            "tickmode": "array",
            "tickvals": numbers,
            "ticktext": [_week_tick(w) for w in weeks],
            "range": [numbers[0] - 0.5, numbers[-1] + 0.5] if numbers else None,
            "zeroline": False,
        },
        yaxis={"title": {"text": "effective sets / week"}, "range": [0, top * 1.15]},
        shapes=shapes,
        annotations=annotations,
    )
    # The legend goes below the plot: the roles' names sit above it.
    layout["legend"] = {"orientation": "h", "yanchor": "top", "y": -0.2, "x": 0, "xanchor": "left"}
    layout["margin"].update({"l": 60, "t": 80, "b": 100})
    return go.Figure(data=traces, layout=layout)
