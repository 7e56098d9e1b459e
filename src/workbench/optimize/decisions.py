"""The decisions of a weekly plan: which exercise, on which training day, for how many sets.

One binary column per ``(exercise_id, weekday, sets)`` that the hard limits allow, at most
one of them per exercise and day. Choosing a dose as one of a few options (rather than an
integer count switched on by a big-M binary) is what keeps the linear relaxation tight: a
session's minutes, an exercise's sets and every effective set are exact sums of chosen
options, and whatever a coach values per exercise and dose (a fourth set of an accessory, a
token two sets of a main lift) is a plain coefficient on one column.

Columns live in dicts keyed by domain coordinates, never rebuilt from names. The
expressions every constraint and objective shares (sets, minutes, counts and effective sets)
are built here once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from functools import cached_property
from itertools import pairwise

from workbench.library import Exercise
from workbench.optimize.catalogue import Catalogue, catalogue
from workbench.optimize.model import Linear, LinearModel, total
from workbench.problem import Problem, adjacent_pairs
from workbench.rules import HardLimit

__all__ = ["Choice", "Decisions", "Key", "interchangeable_days"]

Key = tuple[str, str]  # (exercise_id, weekday)
Choice = tuple[str, str, int]  # (exercise_id, weekday, sets)


def interchangeable_days(problem: Problem) -> tuple[str, ...]:
    """Training days that every limit and objective treats alike: no training neighbour (so
    recovery and the spread of spinal loading do not tell them apart) and named by no lock
    or swap. Ordering their sessions breaks symmetry without losing an optimum."""
    paired = {day for pair in adjacent_pairs(problem.weekdays) for day in pair}
    named = {p.weekday for p in (*problem.client.locks, *problem.client.swaps)}
    return tuple(day for day in problem.weekdays if day not in paired and day not in named)


class Decisions:
    """The model, its decision columns and the shared expressions."""

    def __init__(
        self,
        problem: Problem,
        enforced: frozenset[HardLimit],
        *,
        allow: Callable[[Exercise, range], range] | None = None,
        keys: set[Key] | None = None,
    ) -> None:
        """``allow`` narrows an exercise's doses from those the hard limits allow (a
        structured week: main lifts at 3-5 sets, accessories at 2-3); ``keys`` keeps only
        those (exercise, day) choices (a neighbourhood of a week: every other choice is
        closed)."""
        self.problem = problem
        self.enforced = enforced
        #: The value's rules hold as rows (a structured week), not as penalties.
        self.rules = allow is not None
        self.model = LinearModel()
        # Limit 1 holds by construction: columns exist only on the client's weekdays, one
        # session each. Limits 3 and 4 likewise: only for exercises the client may do.
        self.days: tuple[str, ...] = problem.weekdays
        self.exercises: tuple[Exercise, ...] = problem.in_scope(problem.placeable(enforced))
        self.by_id: dict[str, Exercise] = {e.id: e for e in self.exercises}
        self.fewest = (
            problem.client.min_sets_per_exercise if HardLimit.SETS_PER_EXERCISE in enforced else 1
        )
        self.upper: dict[str, int] = {e.id: problem.upper_sets(e, enforced) for e in self.exercises}
        #: (exercise, day, sets) -> column; (exercise, day) -> [(sets, column), ...].
        self.choice: dict[Choice, int] = {}
        self.doses: dict[Key, list[tuple[int, int]]] = {}
        model = self.model
        for exercise in self.exercises:
            for day in self.days:
                options: list[tuple[int, int]] = []
                if keys is not None and (exercise.id, day) not in keys:
                    self.doses[(exercise.id, day)] = options
                    continue
                doses = range(self.fewest, self.upper[exercise.id] + 1)
                if allow is not None:
                    doses = allow(exercise, doses)
                for sets in doses:
                    column = model.add_binary(f"y_{exercise.id}_{day}_{sets}")
                    self.choice[(exercise.id, day, sets)] = column
                    options.append((sets, column))
                self.doses[(exercise.id, day)] = options
        self.on: dict[Key, Linear] = {
            key: Linear(((c, 1.0) for _, c in options)) for key, options in self.doses.items()
        }
        self.sets: dict[Key, Linear] = {
            key: Linear(((c, float(k)) for k, c in options)) for key, options in self.doses.items()
        }
        self.minutes: dict[str, Linear] = {
            day: total(
                self.by_id[e].set_minutes * self.sets[(e, d)] for (e, d) in self.sets if d == day
            )
            for day in self.days
        }
        self.count: dict[str, Linear] = {
            day: total(self.on[(e, d)] for (e, d) in self.on if d == day) for day in self.days
        }
        self.effective: dict[str, Linear] = {
            m.id: self.effective_of(m.id) for m in problem.library.muscles
        }
        # Training days with no training neighbour are interchangeable: order their sessions
        # by length, longest first, so the solvers do not search each week once per
        # permutation of those days.
        for first, second in pairwise(interchangeable_days(problem)):
            model.at_least(
                self.minutes[first] - self.minutes[second], 0.0, f"order_{first}_{second}"
            )

    @cached_property
    def catalogue(self) -> Catalogue:
        """The exercises of this model grouped as the coach value's terms need them."""
        return catalogue(self.problem, self.exercises)

    # ----- expressions ------------------------------------------------------------------

    def options(
        self,
        exercises: Iterable[Exercise] | None = None,
        days: Iterable[str] | None = None,
    ) -> Iterable[tuple[Exercise, str, int, int]]:
        """(exercise, day, sets, column) of every dose of ``exercises`` (default all) on
        ``days`` (default all)."""
        chosen = self.exercises if exercises is None else exercises
        on_days = self.days if days is None else tuple(days)
        for exercise in chosen:
            if exercise.id not in self.upper:
                continue
            for day in on_days:
                for sets, column in self.doses.get((exercise.id, day), ()):
                    yield exercise, day, sets, column

    def sum_over(
        self,
        coefficient: Callable[[Exercise, str, int], float],
        exercises: Iterable[Exercise] | None = None,
        days: Iterable[str] | None = None,
    ) -> Linear:
        """Σ coefficient(exercise, day, sets) over the doses of ``exercises`` on ``days``."""
        expression = Linear()
        for exercise, day, sets, column in self.options(exercises, days):
            expression.add(column, coefficient(exercise, day, sets))
        return expression

    def effective_of(self, muscle_id: str) -> Linear:
        """Effective sets of ``muscle_id`` over the week [sets]."""
        loaders = [e for e in self.exercises if e.weight(muscle_id)]
        return self.sum_over(lambda e, _d, sets: sets * e.weight(muscle_id), loaders)

    # ----- plans ------------------------------------------------------------------------

    def assignment(self, values: tuple[float, ...] | list[float]) -> dict[Key, int]:
        """The plan in ``values``: sets by (exercise, day), the chosen dose of each."""
        plan: dict[Key, int] = {}
        for (exercise_id, day, sets), column in self.choice.items():
            if values[column] > 0.5:
                # One dose a day is limit 5's row; summed, a model without it shows its fault.
                plan[(exercise_id, day)] = plan.get((exercise_id, day), 0) + sets
        return plan

    def start(self, assignment: Mapping[Key, int]) -> dict[int, float]:
        """The decision columns of ``assignment``, for a solver's start: auxiliary columns are
        left for the solver to complete."""
        return {
            column: 1.0 if assignment.get((e, d)) == k else 0.0
            for (e, d, k), column in self.choice.items()
        }

    def aux(self, low: float = 0.0, high: float = float("inf"), name: str = "") -> int:
        """A new continuous auxiliary column."""
        return self.model.add_column(low, high, name=name)
