"""Objectives as values: each builds its expression on the decisions and evaluates a plan on
its own, from the plan's sets alone, so the value reported is never the solver's float.

- :data:`SHORTFALL` (minimise): the priority-weighted shortfall of effective sets below
  each posterior-chain muscle's floor.
- :data:`COACH_VALUE` (maximise): the week a strength coach would write with the time that
  is left: the sum of the terms of :mod:`workbench.optimize.terms`, each stated once.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from workbench.glossary import SECONDARY_WEIGHT
from workbench.optimize.catalogue import Catalogue, catalogue
from workbench.optimize.decisions import Decisions
from workbench.optimize.model import Linear
from workbench.optimize.terms import build as build_terms
from workbench.optimize.terms import evaluate as evaluate_terms
from workbench.problem import Problem

__all__ = [
    "COACH_VALUE",
    "SHORTFALL",
    "Assignment",
    "Objective",
    "coach_value_of",
    "shortfall_of",
]

Assignment = Mapping[tuple[str, str], int]
#: Effective sets move in steps of this size: whole sets x 1.0 or x SECONDARY_WEIGHT.
SET_STEP = SECONDARY_WEIGHT


@dataclass(frozen=True)
class Objective:
    """A stage's objective: how to build it on the decisions and how to evaluate a plan."""

    name: str
    maximise: bool
    unit: str
    build: Callable[[Decisions], Linear]
    evaluate: Callable[[Problem, Assignment], float]


# ----- the shortfall ---------------------------------------------------------------------


def _effective(problem: Problem, assignment: Assignment) -> dict[str, float]:
    totals: dict[str, float] = defaultdict(float)
    for (exercise_id, _day), sets in assignment.items():
        for muscle, weight in problem.library.exercise(exercise_id).muscle_weights.items():
            totals[muscle] += sets * weight
    return totals


def _on_set_grid(value: float) -> bool:
    """Whether every shortfall below a minimum of ``value`` is a whole number of steps."""
    steps = value / SET_STEP
    return (1 / SET_STEP).is_integer() and abs(steps - round(steps)) < 1e-9


def _build_shortfall(decisions: Decisions) -> Linear:
    problem = decisions.problem
    model = decisions.model
    objective = Linear()
    for muscle_id in problem.shortfall_muscles:
        minimum = problem.targets[muscle_id].min_sets
        if _on_set_grid(minimum):
            # Effective sets move in half sets, so a shortfall below a minimum on that grid is
            # a whole number of half sets: saying so lets the solvers round their bound up.
            halves = model.add_column(0.0, float("inf"), integer=True, name=f"short_{muscle_id}")
            short = Linear.of(halves, SET_STEP)
        else:
            short = Linear.of(decisions.aux(name=f"short_{muscle_id}"))
        model.at_least(short + decisions.effective[muscle_id], minimum, f"floor_{muscle_id}")
        objective.add_expression(short, problem.priorities[muscle_id])
    return objective


def shortfall_of(problem: Problem, assignment: Assignment) -> float:
    """Priority-weighted shortfall of ``assignment`` below the posterior floors [sets/week]."""
    effective = _effective(problem, assignment)
    return sum(
        problem.priorities[m] * max(0.0, problem.targets[m].min_sets - effective.get(m, 0.0))
        for m in problem.shortfall_muscles
    )


SHORTFALL = Objective("shortfall", False, "weighted sets/week", _build_shortfall, shortfall_of)


# ----- the coach value -------------------------------------------------------------------


def _build_value(decisions: Decisions) -> Linear:
    return build_terms(
        decisions, decisions.catalogue, decisions.problem.weights.terms, structured=decisions.rules
    )


def coach_value_of(
    problem: Problem, assignment: Assignment, groups: Catalogue | None = None
) -> float:
    """The coach value of ``assignment``, computed from its sets alone [points]."""
    groups = groups if groups is not None else catalogue(problem)
    return evaluate_terms(groups, assignment, problem.weights.terms)


COACH_VALUE = Objective("coach value", True, "points", _build_value, coach_value_of)
