"""The figures draw what they claim, stay fast, and never pull in widgets."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace
from typing import Any

import plotly.graph_objects as go
import pytest

from workbench import figures
from workbench.analytics import MuscleCoverage
from workbench.block import Block, WeekRole
from workbench.blocks import plan_block
from workbench.client import Client, Override, SportProfile
from workbench.glossary import POSTERIOR_CHAIN, WEEKDAYS
from workbench.library import Library
from workbench.planner import PlanResult, make_plan

GYM = (
    "barbell",
    "dumbbell",
    "kettlebell",
    "band",
    "cable",
    "machine",
    "bench",
    "pullup_bar",
    "ghd",
    "box",
    "trap_bar",
    "medicine_ball",
)


@pytest.fixture(scope="module")
def full(library: Library, profiles: dict[str, SportProfile]) -> PlanResult:
    """A roomy client: every posterior-chain muscle reaches its minimum."""
    client = Client(
        name="Alex", weekdays=("Mon", "Wed", "Fri"), minutes_per_session=60, equipment=GYM
    )
    result = make_plan(library, client, profiles, explain=False)
    assert result.plan is not None
    return result


@pytest.fixture(scope="module")
def tight(library: Library, profiles: dict[str, SportProfile]) -> PlanResult:
    """One 20-minute session with a band and the coach's whole floors on the prime movers
    (a short week carries part of each library floor; floors the coach sets stay whole):
    most of them stay short."""
    prime = ("hamstrings", "gluteus_maximus", "latissimus_dorsi", "erector_spinae")
    client = Client(
        name="Tess",
        weekdays=("Mon",),
        minutes_per_session=20,
        equipment=("band",),
        targets={m: Override(8) for m in prime},
    )
    result = make_plan(library, client, profiles, explain=False)
    assert result.plan is not None
    return result


def trace(figure: go.Figure, name: str) -> Any:
    return next((t for t in figure.data if t.name == name), None)


def test_coverage_figure_names_every_posterior_muscle(library: Library, full: PlanResult) -> None:
    figure = figures.coverage_figure(full.coverage, library, title="Coverage for Alex")
    axis = figure.layout.yaxis
    assert axis.tickmode == "array"
    names = set(axis.ticktext)
    for muscle_id in POSTERIOR_CHAIN:
        assert library.muscle(muscle_id).name in names
    assert len(axis.tickvals) == len(library.muscles)
    # Posterior chain first, top to bottom (the axis is reversed).
    assert axis.autorange == "reversed"
    chains = [library.muscle(m).chain for m in axis.tickvals]
    assert chains == sorted(chains, key=lambda c: c != "posterior")
    assert figure.layout.title.text == "Coverage for Alex"
    assert figure.layout.height >= 20 * len(library.muscles)


def test_coverage_marks_shortfalls_only_when_short(
    library: Library, full: PlanResult, tight: PlanResult
) -> None:
    assert not any(r.status == "short" for r in full.coverage if r.chain == "posterior")
    roomy = figures.coverage_figure(full.coverage, library)
    assert trace(roomy, "short of minimum") is None
    assert set(trace(roomy, "effective sets").marker.color) <= {
        figures.PALETTE["ok"],
        figures.PALETTE["over"],
    }

    short = [r for r in tight.coverage if r.status == "short"]
    assert short
    cramped = figures.coverage_figure(tight.coverage, library)
    marked = trace(cramped, "short of minimum")
    assert marked is not None
    assert set(marked.y) == {r.muscle_id for r in short}
    assert figures.PALETTE["short"] in trace(cramped, "effective sets").marker.color


def test_coverage_marks_excess(library: Library, full: PlanResult) -> None:
    first = full.coverage[0]
    over = replace(first, effective_sets=first.max_sets + 3)
    figure = figures.coverage_figure([over, *full.coverage[1:]], library)
    marked = trace(figure, "above maximum")
    assert marked is not None
    assert list(marked.y) == [first.muscle_id]
    assert list(marked.text) == ["+3"]


def test_titles_and_labels_from_files_are_escaped(library: Library, full: PlanResult) -> None:
    figure = figures.coverage_figure(full.coverage, library, title="<script>alert(1)</script>")
    assert "<script>" not in figure.layout.title.text
    assert "&lt;script&gt;" in figure.layout.title.text


def test_weekday_heatmap_has_all_seven_days(library: Library, full: PlanResult) -> None:
    plan = full.plan
    assert plan is not None
    figure = figures.weekday_heatmap(plan, library)
    heat = figure.data[0]
    assert list(heat.x) == list(WEEKDAYS)
    assert len(heat.z) == len(library.muscles)
    assert all(len(row) == 7 for row in heat.z)
    # Rest days are empty columns and say so.
    rest = [d for d in WEEKDAYS if d not in {"Mon", "Wed", "Fri"}]
    for day in rest:
        column = WEEKDAYS.index(day)
        assert all(row[column] == 0 for row in heat.z)
    labels = dict(zip(figure.layout.xaxis.tickvals, figure.layout.xaxis.ticktext, strict=True))
    assert "rest" in labels["Tue"] and "rest" not in labels["Mon"]
    # Primary loading is marked on exactly the cells where a muscle is primary.
    primary = {
        (m, e.weekday)
        for e in plan.entries
        for m in library.exercise(e.exercise_id).primary_muscles
    }
    for row_index, muscle_id in enumerate(heat.y):
        for column, day in enumerate(WEEKDAYS):
            assert ("P" in heat.text[row_index][column]) == ((muscle_id, day) in primary)


def test_balance_figure_panels(library: Library, full: PlanResult) -> None:
    plan = full.plan
    assert plan is not None
    figure = figures.balance_figure(plan, library)
    chain, region, pattern = figure.data
    assert list(chain.x) == ["posterior", "anterior"]
    assert chain.y[0] > chain.y[1]
    assert list(region.x) == ["upper", "lower", "core"]
    assert sum(pattern.y) == plan.total_sets
    assert "hinge" in pattern.x


def test_minutes_figure_limit_line(library: Library, tight: PlanResult) -> None:
    plan = tight.plan
    assert plan is not None
    figure = figures.minutes_figure(plan, 20, ("Mon", "Thu"))
    limit = figure.layout.shapes[0]
    assert limit.y0 == limit.y1 == 20
    bars = figure.data[0]
    assert list(bars.x) == ["Mon", "Thu"]
    assert bars.y[1] == 0
    assert 0 < bars.y[0] <= 20
    assert any("20" in a.text for a in figure.layout.annotations)


def test_comparison_shows_both_series(
    library: Library, full: PlanResult, tight: PlanResult
) -> None:
    figure = figures.comparison_figure(full.coverage, tight.coverage, library)
    current, baseline = trace(figure, "current"), trace(figure, "baseline")
    assert current is not None and baseline is not None
    by_id = {r.muscle_id: r.effective_sets for r in full.coverage}
    assert list(current.x) == [by_id[m] for m in current.y]
    before = {r.muscle_id: r.effective_sets for r in tight.coverage}
    assert list(baseline.x) == [before[m] for m in baseline.y]
    for muscle_id in POSTERIOR_CHAIN:
        assert library.muscle(muscle_id).name in figure.layout.yaxis.ticktext
    changed = [t for t in current.text if t]
    assert changed, "the plans differ, so some muscle shows a change"


def test_comparison_of_disjoint_rows(library: Library) -> None:
    one = MuscleCoverage("hamstrings", "hamstrings", "lower", "posterior", 4, 8, 20, 16)
    other = MuscleCoverage("soleus", "soleus", "lower", "posterior", 2, 6, 16, 8)
    figure = figures.comparison_figure([one], [other], library)
    assert set(figure.data[0].y) == {"hamstrings", "soleus"}


def test_exercise_muscle_heatmap_weights(library: Library) -> None:
    figure = figures.exercise_muscle_heatmap(library)
    heat = figure.data[0]
    assert len(heat.z) == len(library.exercises)
    assert len(heat.z[0]) == len(library.muscles)
    deadlift = library.exercise("barbell_deadlift")
    row = heat.z[list(heat.y).index("barbell_deadlift")]
    columns = list(heat.x)
    assert row[columns.index("hamstrings")] == 1.0
    assert row[columns.index("quadriceps")] == 0.5
    assert sum(v == 1.0 for v in row) == len(deadlift.primary_muscles)
    some = library.exercises[:3]
    assert len(figures.exercise_muscle_heatmap(library, some).data[0].z) == 3


def test_empty_figure_says_why() -> None:
    figure = figures.empty_figure("no plan yet")
    assert figure.data == ()
    assert figure.layout.annotations[0].text == "no plan yet"


def test_muscle_groups(library: Library) -> None:
    groups = {m.id: figures.muscle_group(m) for m in library.muscles}
    assert set(groups.values()) <= set(figures.GROUPS)
    assert groups["erector_spinae"] == "upper back"
    assert groups["obliques_internal"] == "core"
    assert groups["gluteus_medius"] == "hips"
    assert groups["hamstrings"] == groups["soleus"] == "legs"
    assert groups["quadriceps"] == "legs"
    assert groups["hip_flexors"] == groups["adductors"] == "hips"
    assert groups["abdominals"] == "core"
    assert groups["chest"] == "upper body (front)"


def test_figures_never_import_widgets() -> None:
    code = (
        "import sys, workbench.figures, workbench.explore, workbench.report\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('ipywidgets', 'anywidget'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""


# ----- blocks ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def block(library: Library, profiles: dict[str, SportProfile]) -> Block:
    """Sam's 4-week block: three accumulation weeks and a deload."""
    client = Client(
        name="Sam",
        weekdays=("Mon", "Wed", "Fri"),
        minutes_per_session=45,
        equipment=("kettlebell", "band", "pullup_bar"),
    )
    result = plan_block(library, client, profiles, weeks=4, explain=False)
    assert result.block is not None, result.message
    return result.block


def test_block_heatmap_a_row_per_week_the_deload_marked(library: Library, block: Block) -> None:
    figure = figures.block_heatmap(block, library)
    (heat,) = figure.data
    assert figure.layout.height >= 240
    assert list(heat.y) == ["1", "2", "3", "4"]
    labels = list(figure.layout.yaxis.ticktext)
    assert [("DELOAD" in label) for label in labels] == [False, False, False, True]
    assert labels[0] == "Week 1 · accumulation"
    # The deload's row is outlined; nothing else is.
    (outline,) = figure.layout.shapes
    assert (outline.y0, outline.y1) == (2.5, 3.5)
    # Each cell is the week's effective sets of the muscle; every posterior muscle trained.
    muscles = list(heat.x)
    for row, week in zip(heat.z, block.weeks, strict=True):
        sets = week.effective_sets()
        assert list(row) == [sets.get(m, 0.0) for m in muscles]
    assert muscles[: len(POSTERIOR_CHAIN)] == [
        m.id for m in figures.block_muscles(block, library) if m.chain == "posterior"
    ]
    assert set(POSTERIOR_CHAIN) <= set(muscles)
    assert sum(map(sum, heat.z)) > 0


def test_block_lines_the_prime_movers_across_the_block(library: Library, block: Block) -> None:
    figure = figures.block_lines(block, library)
    assert figure.layout.height >= 240
    assert [t.name for t in figure.data] == [
        "gluteus maximus",
        "hamstrings",
        "latissimus dorsi",
        "erector spinae",
    ]
    for line in figure.data:
        assert list(line.x) == [1, 2, 3, 4] and min(line.y) > 0
        assert line.y[3] < line.y[2]  # the deload cuts every prime mover
    ticks = list(figure.layout.xaxis.ticktext)
    assert "deload" in ticks[3] and all("deload" not in t for t in ticks[:3])
    shaded = [s for s in figure.layout.shapes if s.fillcolor != "rgba(0, 0, 0, 0)"]
    assert [(s.x0, s.x1) for s in shaded] == [(3.5, 4.5)]
    named = [a.text for a in figure.layout.annotations]
    assert named == ["accumulation", "<b>deload</b>"]
    assert [t.name for t in figures.block_lines(block, library, ["soleus"]).data] == ["soleus"]


def test_block_figures_name_a_camps_phases(library: Library, block: Block) -> None:
    roles = (WeekRole.STRENGTH, WeekRole.STRENGTH_SPEED, WeekRole.SPEED, WeekRole.TAPER)
    camp = Block(tuple(replace(w, role=r) for w, r in zip(block.weeks, roles, strict=True)))
    heat = figures.block_heatmap(camp, library)
    assert "TAPER" in heat.layout.yaxis.ticktext[3]
    lines = figures.block_lines(camp, library)
    assert [a.text for a in lines.layout.annotations] == [
        "strength",
        "strength-speed",
        "speed",
        "<b>taper</b>",
    ]
