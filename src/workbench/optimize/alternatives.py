"""Equally good alternative weeks: the same optimal shortfall, a coach value within the gap.

Each alternative is another run of the same lexicographic spec on the same decisions and
constraints, with a no-good cut for every week found so far: at least one (exercise, day)
choice must differ — and differ by more than moving whole sessions between interchangeable
days. So the k-th week is the best the spec finds among the weeks not yet shown, and the same
inputs give the same weeks in the same order.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from itertools import permutations

from workbench.optimize import (
    COACH_VALUE,
    KEEP_TOLERANCE,
    SolveOptions,
    SolveResult,
    Termination,
    solve,
)
from workbench.optimize.decisions import Decisions, Key, interchangeable_days
from workbench.optimize.model import Linear
from workbench.problem import Problem

__all__ = ["ALTERNATIVES_GAP", "Alternatives", "no_good_cut", "relabelled", "solve_alternatives"]

#: How far below the best week's coach value an alternative may fall and still count as
#: "as good" to a coach [ratio]: the value stage's own proof is often a few percent, so a
#: week within 5% is one the search could as well have returned.
ALTERNATIVES_GAP = 0.05


@dataclass(frozen=True)
class Alternatives:
    """The best week and up to ``requested - 1`` alternatives, best first."""

    results: tuple[SolveResult, ...]
    requested: int
    #: The best week's coach value and the floor an alternative must reach [points].
    best_value: float | None = None
    value_floor: float | None = None
    #: Why fewer weeks than requested came back (empty when all did).
    note: str = ""


def _chosen(result: SolveResult) -> frozenset[Key]:
    assert result.plan is not None
    return frozenset((e.exercise_id, e.weekday) for e in result.plan.entries if e.sets > 0)


def relabelled(problem: Problem, chosen: frozenset[Key]) -> set[frozenset[Key]]:
    """``chosen`` and every week that only moves its sessions between interchangeable days
    (isolated days no lock or swap names): the same week to a coach, with the same shortfall
    and value, so not an alternative."""
    days = interchangeable_days(problem)
    weeks = set()
    for order in permutations(days):
        moved = dict(zip(days, order, strict=True))
        weeks.add(frozenset((exercise, moved.get(day, day)) for exercise, day in chosen))
    return weeks


def no_good_cut(decisions: Decisions, chosen: frozenset[Key]) -> None:
    """Cut off the week whose (exercise, day) choices are exactly ``chosen``: any other week
    differs in at least one choice (set counts alone do not make another week)."""
    differs = Linear()
    for key, on in decisions.on.items():
        if not len(on):
            continue
        if key in chosen:
            differs.add_expression(on, -1.0)
            differs.constant += 1.0
        else:
            differs.add_expression(on)
    decisions.model.at_least(differs, 1.0, "no_good")


def _value(problem: Problem, result: SolveResult) -> float:
    assert result.plan is not None
    return COACH_VALUE.evaluate(problem, result.plan.sets_by_exercise_day())


def solve_alternatives(
    problem: Problem,
    k: int,
    options: SolveOptions | None = None,
    *,
    best: SolveResult | None = None,
    gap: float = ALTERNATIVES_GAP,
) -> Alternatives:
    """The best week (``best``, or solved here) and up to ``k - 1`` different weeks with the
    same optimal shortfall and a coach value at least ``(1 - gap)`` x the best week's.

    Stops early, saying why in ``note``, when no other week reaches the optimal shortfall,
    when the next one found falls below the value floor, or when a solve fails.
    """
    options = options or SolveOptions()
    if k < 1:
        raise ValueError(f"k must be at least 1, not {k}")
    best = best if best is not None else solve(problem, options)
    if not best.ok or best.shortfall is None:
        return Alternatives((best,), k, note=best.message)
    shortfall = best.shortfall
    best_value = _value(problem, best)
    floor = best_value - gap * abs(best_value)
    found = [best]
    note = ""
    while len(found) < k:
        seen: Iterable[frozenset[Key]] = [_chosen(r) for r in found]

        def cut_off(decisions: Decisions, seen: Iterable[frozenset[Key]] = seen) -> None:
            for chosen in seen:
                for week in sorted(relabelled(problem, chosen), key=sorted):
                    no_good_cut(decisions, week)

        result = solve(problem, options, restrict=cut_off)
        if not result.ok or result.shortfall is None:
            note = (
                "no other week meets the hard limits"
                if result.status is Termination.INFEASIBLE
                else f"the next solve failed: {result.message}"
            )
            break
        slack = KEEP_TOLERANCE * max(1.0, abs(shortfall)) + 1e-6
        if result.shortfall > shortfall + slack:
            note = (
                f"no other week reaches the optimal shortfall of {shortfall:g} "
                f"(the next best is {result.shortfall:g})"
            )
            break
        value = _value(problem, result)
        if value < floor - KEEP_TOLERANCE * max(1.0, abs(floor)):
            note = (
                f"no other week found within {gap:.0%} of the best coach value "
                f"({value:.1f} < {floor:.1f} points)"
            )
            break
        found.append(result)
    return Alternatives(tuple(found), k, best_value, floor, note)
