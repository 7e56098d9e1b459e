"""The decisions of a weekly plan: sets of each allowed exercise on each training weekday.

Variables are keyed by ``(exercise_id, weekday)`` and named by position (PuLP rewrites
illegal characters in names, so keys are never rebuilt from names). The expressions every
constraint and objective shares, effective sets per muscle and minutes per session, are
built once here.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import pairwise
from typing import Any

import pulp

from workbench.library import Exercise
from workbench.problem import Problem, adjacent_pairs
from workbench.rules import HardLimit

__all__ = ["Decisions", "interchangeable_days"]

Key = tuple[str, str]


def interchangeable_days(problem: Problem) -> tuple[str, ...]:
    """Training days that every limit and objective treats alike: no training neighbour (so
    recovery does not tell them apart) and named by no lock or swap (which pin an exercise to,
    or keep it off, that one day). Ordering their sessions breaks symmetry without losing an
    optimum; ordering a day a lock or swap names could cut the only feasible weeks off."""
    paired = {day for pair in adjacent_pairs(problem.weekdays) for day in pair}
    named = {p.weekday for p in (*problem.client.locks, *problem.client.swaps)}
    return tuple(day for day in problem.weekdays if day not in paired and day not in named)


class Decisions:
    """The PuLP problem, its decision variables and the shared expressions."""

    def __init__(self, problem: Problem, enforced: frozenset[HardLimit]) -> None:
        self.problem = problem
        self.enforced = enforced
        self.prob = pulp.LpProblem("weekly_plan", pulp.LpMinimize)
        # Limit 1 holds by construction: variables exist only on the client's weekdays, one
        # session each. Limits 3 and 4 likewise: only for exercises the client may do.
        self.days: tuple[str, ...] = problem.weekdays
        self.exercises: tuple[Exercise, ...] = problem.placeable(enforced)
        upper = {e.id: problem.upper_sets(e, enforced) for e in self.exercises}
        self.upper: dict[str, int] = upper
        self.sets: dict[Key, Any] = {}
        self.chosen: dict[Key, Any] = {}
        for i, exercise in enumerate(self.exercises):
            for j, day in enumerate(self.days):
                key = (exercise.id, day)
                self.sets[key] = self.prob.add_variable(
                    f"s_{i}_{j}", lowBound=0, upBound=upper[exercise.id], cat=pulp.LpInteger
                )
                self.chosen[key] = self.prob.add_variable(f"x_{i}_{j}", cat=pulp.LpBinary)
                # Sets only where the exercise is chosen, and at least one when it is.
                self.prob += self.sets[key] <= upper[exercise.id] * self.chosen[key]
                self.prob += self.sets[key] >= self.chosen[key]
        self.minutes = {
            day: pulp.lpSum(e.set_minutes * self.sets[(e.id, day)] for e in self.exercises)
            for day in self.days
        }
        self.count = {
            day: pulp.lpSum(self.chosen[(e.id, day)] for e in self.exercises) for day in self.days
        }
        self.effective = {
            m.id: self.effective_of(m.id, self.exercises) for m in problem.library.muscles
        }
        # Training days with no training neighbour are interchangeable (every limit and every
        # objective treats them alike): order their sessions by length, longest first, so the
        # solvers do not search each week once per permutation of those days.
        for first, second in pairwise(interchangeable_days(problem)):
            self.prob += self.minutes[first] >= self.minutes[second], f"order_{first}_{second}"
        self._names: dict[str, int] = {}

    def _decision_names(self) -> frozenset[str]:
        return frozenset(v.name for v in (*self.sets.values(), *self.chosen.values()))

    @property
    def min_sets(self) -> int:
        return self.problem.client.min_sets_per_exercise

    def effective_of(
        self, muscle_id: str, exercises: Iterable[Exercise], days: Iterable[str] | None = None
    ) -> Any:
        """Effective sets of ``muscle_id`` from ``exercises`` on ``days`` (default all) [sets]."""
        days = self.days if days is None else tuple(days)
        return pulp.lpSum(
            e.weight(muscle_id) * self.sets[(e.id, day)]
            for e in exercises
            if e.weight(muscle_id) and e.id in self.upper
            for day in days
        )

    def sets_of(self, exercises: Iterable[Exercise], days: Iterable[str] | None = None) -> Any:
        """Total sets of ``exercises`` on ``days`` (default all) [sets]."""
        days = self.days if days is None else tuple(days)
        return pulp.lpSum(
            self.sets[(e.id, d)] for e in exercises if e.id in self.upper for d in days
        )

    def variable(
        self, prefix: str, *, binary: bool = False, low: float = 0, high: float | None = None
    ) -> Any:
        """A new auxiliary variable named ``prefix_N`` (numbered, so names stay legal)."""
        number = self._names.get(prefix, 0)
        self._names[prefix] = number + 1
        return self.prob.add_variable(
            f"{prefix}_{number}",
            lowBound=None if binary else low,
            upBound=None if binary else high,
            cat=pulp.LpBinary if binary else pulp.LpContinuous,
        )

    def assignment(self) -> dict[Key, int]:
        """The solver's sets, rounded (3.99999998 is 4 at the solvers' tolerances)."""
        values = {}
        for key, variable in self.sets.items():
            value = variable.value()
            if value is not None and round(value) > 0:
                values[key] = round(value)
        return values

    def within_choice(self, assignment: dict[Key, int]) -> None:
        """Allow only the choices ``assignment`` made: each may stay or go, sets open."""
        self.restrict(set(assignment))

    def restrict(self, keys: set[Key]) -> None:
        """Allow only the (exercise, day) choices in ``keys``; every other choice is closed."""
        for key, chosen in self.chosen.items():
            if key not in keys:
                chosen.lowBound = chosen.upBound = 0
                self.sets[key].lowBound = self.sets[key].upBound = 0

    def support(self, tolerance: float = 1e-6) -> set[Key]:
        """The choices the last (relaxed) solve used at all."""
        return {key for key, chosen in self.chosen.items() if (chosen.value() or 0) > tolerance}

    def reopen(self) -> None:
        """Open every choice and set count again."""
        for key, chosen in self.chosen.items():
            chosen.lowBound, chosen.upBound = 0, 1
            self.sets[key].lowBound, self.sets[key].upBound = 0, self.upper[key[0]]

    def warm_start(self, assignment: dict[Key, int]) -> None:
        """Start the next solve from ``assignment``: its sets and choices only. Every other
        variable (the objectives' auxiliaries) is left for the solver to complete: values
        kept from an earlier solve, e.g. the fractions of a relaxation, would make the start
        infeasible and the solver would drop it."""
        decision_names = self._decision_names()
        for variable in self.prob.variables():
            if variable.name not in decision_names:
                variable.varValue = None
        for key, variable in self.sets.items():
            count = assignment.get(key, 0)
            variable.setInitialValue(count)
            self.chosen[key].setInitialValue(1 if count else 0)
