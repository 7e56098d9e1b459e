"""How results are said and shown, once for the CLI, the report and the dashboard: number
formats, status words, colours, muscle and equipment names, and the plan as rows."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from workbench.block import BlockWeek
from workbench.library import Library
from workbench.optimize import SolveResult, Termination
from workbench.plan import Plan, PlanEntry
from workbench.problem import Problem

__all__ = [
    "COLOURS",
    "TAG_NAMES",
    "TOLERANCE",
    "SessionRows",
    "block_words",
    "equipment_name",
    "floor_words",
    "muscle_name",
    "named_ids",
    "number",
    "sessions",
    "status_words",
    "tag_name",
    "value_gap",
    "week_title",
]

#: Comparisons of effective sets and minutes allow this much float noise.
TOLERANCE = 1e-6
COLOURS = {
    "posterior": "#1f5f8b",
    "anterior": "#d08c2f",
    "ok": "#2a9d8f",
    "short": "#d1495b",
    "over": "#7b3fa0",
    "target": "#264653",
    "baseline": "#9aa5b1",
    "current": "#1f5f8b",
    "limit": "#d1495b",
    "neutral": "#5c6773",
    "upper": "#1f5f8b",
    "lower": "#2a9d8f",
    "core": "#e9c46a",
    "grid": "#c8ced6",
    # A block's deload or taper week: an easy week, marked apart from the weeks that build.
    "cut": "#e07a1f",
}


def number(value: float) -> str:
    """A number as a coach reads it: 4, 7.5, 12.25; never 7.500000001."""
    return f"{round(float(value), 2):g}"


def week_title(week: BlockWeek, weeks: int | None = None) -> str:
    """A block week as a coach names it: "Week 4 · deload", "Week 8 of 10 · speed"."""
    of = f" of {weeks}" if weeks is not None else ""
    return f"Week {week.number}{of} · {week.role.title}"


def block_words(weeks: tuple[BlockWeek, ...]) -> str:
    """The block's shape in words, each run of weeks by its role: "accumulation weeks 1-3,
    deload week 4"; a camp's "strength weeks 1-4, strength-speed weeks 5-7, ..."."""
    runs: list[tuple[str, int, int]] = []
    for week in weeks:
        if runs and runs[-1][0] == week.role.title and runs[-1][2] == week.number - 1:
            runs[-1] = (runs[-1][0], runs[-1][1], week.number)
        else:
            runs.append((week.role.title, week.number, week.number))
    return ", ".join(
        f"{title} week {first}" if first == last else f"{title} weeks {first}-{last}"
        for title, first, last in runs
    )


def muscle_name(library: Library, muscle_id: str) -> str:
    return library.muscle(muscle_id).name if library.has_muscle(muscle_id) else muscle_id


def equipment_name(library: Library, equipment_id: str) -> str:
    return next((e.name for e in library.equipment if e.id == equipment_id), equipment_id)


#: What each exercise tag means to a client, for labels and the report (ids stay in files).
TAG_NAMES = {
    "high_spinal_load": "heavy load on the spine",
    "deep_knee_flexion": "deep knee bend",
    "overhead": "weight overhead",
    "impact": "jumps and landings",
    "explosive": "explosive lifts",
    "spinal_rotation": "loaded twisting",
    "hanging": "hanging from a bar",
}


def tag_name(tag: str) -> str:
    """A tag as a coach says it: ``deep_knee_flexion`` -> "deep knee bend"."""
    return TAG_NAMES.get(tag, tag.replace("_", " "))


#: Ids with an underscore: one-word ids ("hamstrings", "band") read as words already.
_ID = re.compile(r"\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b")


def named_ids(library: Library, text: str) -> str:
    """``text`` with every id the library knows (muscle, equipment, exercise, tag) replaced by
    its name, for pages a client reads: "avoids high_spinal_load" -> "avoids heavy load on
    the spine". Plain words that are not ids are left alone."""
    names = dict(TAG_NAMES)
    names.update({e.id: e.name for e in library.equipment if "_" in e.id})
    names.update({m.id: m.name for m in library.muscles if "_" in m.id})
    names.update({e.id: e.name for e in library.exercises})
    return _ID.sub(lambda match: names.get(match.group(0), match.group(0)), text)


def floor_words(problem: Problem) -> str | None:
    """What a short week does to the floors, in a coach's words; None for a full week."""
    share = problem.floor_share
    if share >= 1.0:
        return None
    client, weights = problem.client, problem.weights
    days = len(client.weekdays)
    weekly = client.work_minutes * days
    sessions = "1 session" if days == 1 else f"{days} sessions"
    return (
        f"a short week: {number(weekly)} min of listed work in {sessions} carry "
        f"{round(100 * share)}% of each prime mover's floor and "
        f"{round(100 * problem.small_floor_share)}% of each small muscle's (whole from "
        f"{number(weights.full_floor_minutes)} min in {number(weights.full_floor_sessions)} "
        "sessions a week)"
    )


def status_words(solved: SolveResult) -> str:
    """What is proven about a plan, in a coach's words: the shortfall, then the coach value."""
    if solved.status is Termination.INFEASIBLE:
        return "no plan meets the hard limits"
    if solved.status is Termination.ERROR:
        return solved.message
    first = (
        "coverage proven optimal"
        if solved.status is Termination.OPTIMAL
        else "coverage: best found in the time allowed"
    )
    value = solved.stage("coach value")
    if value is None:
        return first
    return f"{first}; coach value {value.describe()}"


def value_gap(solved: SolveResult) -> float | None:
    """How far the final plan's coach value is from the best bound any plan could reach
    [ratio]: the proven gap of the whole value, after the sets were re-balanced."""
    value, final = solved.stage("coach value"), solved.stages[-1] if solved.stages else None
    if value is None or value.bound is None or final is None or final.value is None:
        return None
    scale = max(abs(final.value), abs(value.bound), 1e-9)
    return max(0.0, value.bound - final.value) / scale


@dataclass(frozen=True)
class SessionRows:
    """One training day: its weekday, minutes used and booked, and its entries in order."""

    weekday: str
    minutes: float
    booked: float
    entries: tuple[PlanEntry, ...]


def sessions(plan: Plan, weekdays: tuple[str, ...], booked: float) -> Iterator[SessionRows]:
    """The plan session by session, every training day included (empty ones too)."""
    minutes = plan.session_minutes()
    for weekday in weekdays:
        yield SessionRows(weekday, minutes.get(weekday, 0.0), booked, plan.session(weekday))
