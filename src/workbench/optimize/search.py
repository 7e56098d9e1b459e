"""A local search for the coach value: whole moves on a week, every one scored exactly.

The value is a sum of concave functions of linear quantities (:mod:`workbench.optimize.terms`)
and every limit of a structured week is a row over the dose columns, so the change a move
makes to the value and to each row is a sparse vector: all the moves of a kind are scored at
once with array arithmetic. Moves: add a dose, drop one, and swap one for another on its day
(another exercise, or the same at another dose). The best improving move is made until none
improves; ties go to the lowest column, so the same week always comes back.

The search finds weeks; it proves nothing. The stage that runs it states the gap to the
whole model's linear relaxation (or root bound), a bound on every week under the limits.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from workbench.optimize.backends import interrupted
from workbench.optimize.catalogue import Catalogue
from workbench.optimize.decisions import Decisions, Key
from workbench.optimize.terms import TERMS, Quantity
from workbench.problem import adjacent_pairs

__all__ = ["search"]

#: Below this an improvement is noise [points].
IMPROVES = 1e-7
FEASIBLE = 1e-7


def _ranges(starts: np.ndarray, ends: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The concatenated index ranges [start, end) and, for each index, its range's number."""
    lengths = ends - starts
    total = int(lengths.sum())
    owner = np.repeat(np.arange(len(starts)), lengths)
    offsets = np.arange(total) - np.repeat(np.cumsum(lengths) - lengths, lengths)
    return np.repeat(starts, lengths) + offsets, owner


@dataclass
class _Sparse:
    """A matrix stored by column: ``rows[ptr[j]:ptr[j+1]]`` and ``values`` of column j."""

    ptr: np.ndarray
    rows: np.ndarray
    values: np.ndarray

    @classmethod
    def build(cls, columns: Sequence[Sequence[tuple[int, float]]]) -> _Sparse:
        ptr = np.zeros(len(columns) + 1, dtype=np.int64)
        ptr[1:] = np.cumsum([len(c) for c in columns])
        rows = np.array([r for c in columns for r, _ in c], dtype=np.int64)
        values = np.array([v for c in columns for _, v in c], dtype=float)
        return cls(ptr, rows, values)

    def entries(self, columns: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(owner position in ``columns``, row, value) of every entry of ``columns``."""
        index, owner = _ranges(self.ptr[columns], self.ptr[columns + 1])
        return owner, self.rows[index], self.values[index]


class _Compiled:
    """The value and the limits of a structured week over its dose columns, as arrays."""

    def __init__(
        self,
        decisions: Decisions,
        groups: Catalogue,
        weights: Mapping[str, float],
        shortfall_cap: float | None,
    ) -> None:
        problem = decisions.problem
        self.decisions = decisions
        self.keys: list[tuple[str, str, int]] = list(decisions.choice)
        self.column_of = {key: j for j, key in enumerate(self.keys)}
        by_model = {column: j for j, column in enumerate(decisions.choice.values())}
        by_id = decisions.by_id
        self.exercise = [by_id[e] for e, _d, _k in self.keys]
        self.day = np.array([decisions.days.index(d) for _e, d, _k in self.keys], dtype=np.int64)
        self.sets = np.array([k for _e, _d, k in self.keys], dtype=np.int64)
        self.pair = [(e, d) for e, d, _k in self.keys]
        pair_index: dict[Key, int] = {}
        self.pair_id = np.array(
            [pair_index.setdefault(p, len(pair_index)) for p in self.pair], dtype=np.int64
        )

        # The value: every quantity of every weighted term; parts feed their parent's x.
        intercepts: list[list[float]] = []
        slopes: list[list[float]] = []
        parent: list[int] = []
        weight: list[float] = []
        columns: list[list[tuple[int, float]]] = [[] for _ in self.keys]
        doses_of: dict[tuple[str, str], list[int]] = {}
        for j, (e, d, _k) in enumerate(self.keys):
            doses_of.setdefault((e, d), []).append(j)

        def add(quantity: Quantity, term_weight: float, parent_index: int) -> None:
            index = len(parent)
            pieces = quantity.value.pieces
            intercepts.append([a for a, _ in pieces])
            slopes.append([b for _, b in pieces])
            parent.append(parent_index)
            weight.append(term_weight if parent_index < 0 else 0.0)
            days = decisions.days if quantity.days is None else quantity.days
            for exercise in quantity.exercises:
                for day in days:
                    for j in doses_of.get((exercise.id, day), ()):
                        coefficient = quantity.coefficient(exercise, int(self.sets[j]))
                        if coefficient:
                            columns[j].append((index, coefficient))
            for part in quantity.parts:
                add(part, 0.0, index)

        for term in TERMS:
            term_weight = weights[term.name]
            if not term_weight or term.rule:
                continue  # a structured week's rules are rows (below)
            for quantity in term.quantities(groups):
                if quantity.parts and any(p.parts for p in quantity.parts):
                    raise ValueError(f"{quantity.label}: parts nest one level deep")
                add(quantity, term_weight, -1)
        width = max((len(p) for p in intercepts), default=1)
        self.intercept = np.full((len(parent), width), np.inf)
        self.slope = np.zeros((len(parent), width))
        for q, (a, b) in enumerate(zip(intercepts, slopes, strict=True)):
            self.intercept[q, : len(a)] = a
            self.slope[q, : len(b)] = b
        self.parent = np.array(parent, dtype=np.int64)
        self.weight = np.array(weight)
        self.value = _Sparse.build(columns)
        self.quantities = len(parent)

        # The limits: every row over dose columns alone (hard limits and rules; not the
        # order of interchangeable days, which a relabelling restores at the end).
        rows: list[list[tuple[int, float]]] = [[] for _ in self.keys]
        low: list[float] = []
        high: list[float] = []
        for row in decisions.model.rows:
            if row.name.startswith("order_"):
                continue
            if not all(c in by_model for c in row.coefficients):
                continue
            index = len(low)
            low.append(row.low)
            high.append(row.high)
            for c, v in row.coefficients.items():
                rows[by_model[c]].append((index, v))
        self.limits = _Sparse.build(rows)
        self.low = np.array(low, dtype=float)
        self.high = np.array(high, dtype=float)

        # Recovery: no muscle primary on two neighbouring days.
        muscles = [m.id for m in problem.library.muscles]
        self.primary = np.zeros((len(self.keys), len(muscles)), dtype=bool)
        for j, exercise in enumerate(self.exercise):
            for m in exercise.primary_muscles:
                self.primary[j, muscles.index(m)] = True
        days = decisions.days
        self.neighbours = np.zeros((len(days), len(days)), dtype=bool)
        for first, second in adjacent_pairs(days):
            self.neighbours[days.index(first), days.index(second)] = True
            self.neighbours[days.index(second), days.index(first)] = True

        # The shortfall kept: weighted effective sets below the posterior floors.
        floors = [m for m in problem.shortfall_muscles]
        self.floor = np.array([problem.targets[m].min_sets for m in floors])
        self.priority = np.array([problem.priorities[m] for m in floors])
        self.credit = np.array(
            [
                [e.weight(m) * k for m in floors]
                for e, k in zip(self.exercise, self.sets, strict=True)
            ]
        ).reshape(len(self.keys), len(floors))
        self.shortfall_cap = shortfall_cap


class _State:
    def __init__(self, compiled: _Compiled, placed: Sequence[int]) -> None:
        self.c = compiled
        self.on = np.zeros(len(compiled.keys), dtype=bool)
        self.x = np.zeros(compiled.quantities)
        self.activity = np.zeros(len(compiled.low))
        self.load = np.zeros((len(compiled.neighbours), compiled.primary.shape[1]), dtype=np.int64)
        self.effective = np.zeros(len(compiled.floor))
        for j in placed:
            self.change(j, 1)

    def _values(self, quantities: np.ndarray, x: np.ndarray) -> np.ndarray:
        c = self.c
        return np.min(c.intercept[quantities] + c.slope[quantities] * x[:, None], axis=1)

    def change(self, j: int, sign: int) -> None:
        """Place (+1) or remove (-1) dose column ``j``; values refreshed lazily by ``settle``."""
        c = self.c
        self.on[j] = sign > 0
        lo, hi = c.value.ptr[j], c.value.ptr[j + 1]
        np.add.at(self.x, c.value.rows[lo:hi], sign * c.value.values[lo:hi])
        lo, hi = c.limits.ptr[j], c.limits.ptr[j + 1]
        np.add.at(self.activity, c.limits.rows[lo:hi], sign * c.limits.values[lo:hi])
        self.load[c.day[j]] += sign * c.primary[j]
        self.effective += sign * c.credit[j]

    def settle(self) -> None:
        """Recompute every quantity's value, parents from their parts."""
        c = self.c
        leaf = c.parent >= 0
        x = self.x.copy()
        f = self._values(np.arange(c.quantities), x)
        if leaf.any():
            sums = np.bincount(c.parent[leaf], weights=f[leaf], minlength=c.quantities)
            top = np.unique(c.parent[leaf])
            x[top] = self.x[top] + sums[top]
            f[top] = self._values(top, x[top])
        self.f = f
        self.total_x = x

    def shortfall(self) -> float:
        c = self.c
        return float(np.sum(c.priority * np.maximum(0.0, c.floor - self.effective)))

    def deficit(self) -> tuple[np.ndarray, float]:
        """How far each row is outside its bounds, and the shortfall above the cap."""
        c = self.c
        rows = np.maximum(0.0, c.low - self.activity) + np.maximum(0.0, self.activity - c.high)
        over = 0.0 if c.shortfall_cap is None else max(0.0, self.shortfall() - c.shortfall_cap)
        return rows, over

    def deltas(
        self, columns: np.ndarray, sign: int, *, kept_only: bool = False
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """For each of ``columns`` placed (+1) or removed (-1): the value it adds, whether the
        move worsens no limit (rows, recovery, the shortfall kept), and what is left broken
        after it (0 for a move that leaves every limit kept). ``kept_only``: the value only
        of the moves that keep every limit (-inf for the others: most additions to a full
        week break one, and their value is never read)."""
        ok, left = self._limits(columns, sign)
        if not kept_only:
            return self._gains(columns, sign), ok, left
        kept = ok & (left <= FEASIBLE)
        gain = np.full(len(columns), -np.inf)
        if kept.any():
            gain[kept] = self._gains(columns[kept], sign)
        return gain, ok, left

    def _gains(self, columns: np.ndarray, sign: int) -> np.ndarray:
        c = self.c
        n = len(columns)
        gain = np.zeros(n)
        owner, rows, values = c.value.entries(columns)
        if len(rows):
            x = self.total_x[rows] + sign * values
            f = np.min(c.intercept[rows] + c.slope[rows] * x[:, None], axis=1)
            change = f - self.f[rows]
            parents = c.parent[rows]
            top = parents < 0
            gain += np.bincount(owner[top], weights=c.weight[rows[top]] * change[top], minlength=n)
            leaf = ~top
            if leaf.any():
                key = owner[leaf] * c.quantities + parents[leaf]
                unique, inverse = np.unique(key, return_inverse=True)
                sums = np.bincount(inverse, weights=change[leaf])
                who, parent = unique // c.quantities, unique % c.quantities
                px = self.total_x[parent] + sums
                pf = np.min(c.intercept[parent] + c.slope[parent] * px[:, None], axis=1)
                gain += np.bincount(
                    who, weights=c.weight[parent] * (pf - self.f[parent]), minlength=n
                )
        return gain

    def _limits(self, columns: np.ndarray, sign: int) -> tuple[np.ndarray, np.ndarray]:
        c = self.c
        n = len(columns)
        ok = np.ones(n, dtype=bool)
        broken_rows, broken_short = self.deficit()
        left = np.full(n, float(broken_rows.sum()))
        owner, rows, values = c.limits.entries(columns)
        if len(rows):
            level = self.activity[rows] + sign * values
            after = np.maximum(0.0, c.low[rows] - level) + np.maximum(0.0, level - c.high[rows])
            worse = after > broken_rows[rows] + FEASIBLE
            ok &= np.bincount(owner[worse], minlength=n) == 0
            left += np.bincount(owner, weights=after - broken_rows[rows], minlength=n)
        if sign > 0:
            # Recovery: a prime mover of the dose trained on a neighbouring day.
            neighbour_load = c.neighbours.astype(np.int64) @ self.load  # days x muscles
            clash = (c.primary[columns] & (neighbour_load[c.day[columns]] > 0)).any(axis=1)
            ok &= ~clash
        if c.shortfall_cap is not None:
            effective = self.effective[None, :] + sign * c.credit[columns]
            short = np.sum(c.priority * np.maximum(0.0, c.floor - effective), axis=1)
            over = np.maximum(0.0, short - c.shortfall_cap)
            ok &= over <= broken_short + 1e-6
            left += over
        return ok, np.maximum(left, 0.0)


Move = tuple[tuple[int, ...], tuple[int, ...]]


def _apply(
    state: _State, out: Sequence[int] | np.ndarray, into: Sequence[int] | np.ndarray
) -> None:
    for j in out:
        state.change(j, -1)
    for j in into:
        state.change(j, +1)
    state.settle()


def _best_move(state: _State, every: np.ndarray) -> tuple[float, Move | None]:
    """The best move that keeps every limit: add a dose, drop one, or swap one for another
    on its day (another exercise, or the same at another dose; a move to another day is a
    drop and an add)."""
    c = state.c
    best_gain: float = IMPROVES
    best_move: Move | None = None
    free = every[~_taken(c, state)]
    if len(free):
        gain, ok, left = state.deltas(free, +1, kept_only=True)
        k = int(np.argmax(gain))
        if gain[k] > best_gain:
            best_gain, best_move = float(gain[k]), ((), (int(free[k]),))
    on = every[state.on]
    if not len(on):
        return best_gain, best_move
    drop_gain, ok, left = state.deltas(on, -1)
    fine = np.where(ok & (left <= FEASIBLE), drop_gain, -np.inf)
    k = int(np.argmax(fine))
    if fine[k] > best_gain:
        best_gain, best_move = float(fine[k]), ((int(on[k]),), ())
    for position, i in enumerate(on):
        i = int(i)
        state.change(i, -1)
        state.settle()
        candidates = every[~_taken(c, state) & (c.day == c.day[i])]
        candidates = candidates[candidates != i]
        if len(candidates):
            gain, ok, left = state.deltas(candidates, +1, kept_only=True)
            k = int(np.argmax(gain))
            total = float(drop_gain[position]) + float(gain[k])
            if total > best_gain:
                best_gain, best_move = total, ((i,), (int(candidates[k]),))
        state.change(i, +1)
    state.settle()
    return best_gain, best_move


def _improve(state: _State, every: np.ndarray, budget: list[int]) -> None:
    """Best-improvement moves until none improves or the move budget is spent (or the solve
    is being stopped: its week is dropped, so the moves left would be wasted)."""
    while budget[0] > 0 and not interrupted():
        _gain, move = _best_move(state, every)
        if move is None:
            return
        budget[0] -= 1
        _apply(state, *move)


def search(
    decisions: Decisions,
    groups: Catalogue,
    weights: Mapping[str, float],
    start: Mapping[Key, int],
    *,
    shortfall_cap: float | None,
    moves: int,
) -> dict[Key, int]:
    """The best week improving moves reach from ``start`` (which must keep every limit),
    until none is left or ``moves`` are spent."""
    compiled = _Compiled(decisions, groups, weights, shortfall_cap)
    placed = [compiled.column_of[(e, d, k)] for (e, d), k in sorted(start.items())]
    state = _State(compiled, placed)
    state.settle()
    every = np.arange(len(compiled.keys))
    _improve(state, every, [moves])
    return {compiled.pair[j]: int(compiled.sets[j]) for j in every[state.on]}


def _taken(compiled: _Compiled, state: _State) -> np.ndarray:
    """Doses whose (exercise, day) already holds a dose."""
    held = np.zeros(int(compiled.pair_id.max()) + 1 if len(compiled.pair_id) else 0, dtype=bool)
    held[compiled.pair_id[state.on]] = True
    return held[compiled.pair_id]
