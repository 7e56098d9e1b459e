"""A linear model as plain arrays: columns with bounds and integrality, rows of coefficients
between bounds, and expressions that name columns by index.

The optimizer builds its week here, keyed by domain coordinates in dicts of its own (an
exercise, a day, a number of sets -> a column), never by names; the solver adapters in
:mod:`workbench.optimize.backends` hand the same arrays to HiGHS in bulk or to CBC through
PuLP. Building a week of 4,000 columns and 3,000 rows takes milliseconds, where building the
same model as PuLP expressions took a large part of a second.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field

__all__ = ["INF", "Linear", "LinearModel", "Row", "total"]

INF = math.inf


class Linear:
    """A linear expression: coefficients by column index, plus a constant.

    Mutable while it is built (``add``, ``+=``); the arithmetic operators return new ones.
    """

    __slots__ = ("coefficients", "constant")

    def __init__(
        self,
        coefficients: Mapping[int, float] | Iterable[tuple[int, float]] = (),
        constant: float = 0.0,
    ) -> None:
        self.coefficients: dict[int, float] = {}
        self.constant = float(constant)
        pairs = coefficients.items() if isinstance(coefficients, Mapping) else coefficients
        for column, coefficient in pairs:
            self.add(column, coefficient)

    @classmethod
    def of(cls, column: int, coefficient: float = 1.0) -> Linear:
        return cls(((column, coefficient),))

    def add(self, column: int, coefficient: float) -> Linear:
        if coefficient:
            self.coefficients[column] = self.coefficients.get(column, 0.0) + coefficient
        return self

    def add_expression(self, other: Linear, scale: float = 1.0) -> Linear:
        if scale:
            for column, coefficient in other.coefficients.items():
                self.add(column, scale * coefficient)
            self.constant += scale * other.constant
        return self

    def copy(self) -> Linear:
        return Linear(self.coefficients, self.constant)

    def __iadd__(self, other: Linear | float) -> Linear:
        if isinstance(other, Linear):
            return self.add_expression(other)
        self.constant += other
        return self

    def __add__(self, other: Linear | float) -> Linear:
        result = self.copy()
        result += other
        return result

    __radd__ = __add__

    def __sub__(self, other: Linear | float) -> Linear:
        if isinstance(other, Linear):
            return self.copy().add_expression(other, -1.0)
        return Linear(self.coefficients, self.constant - other)

    def __rsub__(self, other: float) -> Linear:
        return (self * -1.0) + other

    def __mul__(self, scale: float) -> Linear:
        return Linear({c: scale * v for c, v in self.coefficients.items()}, self.constant * scale)

    __rmul__ = __mul__

    def __neg__(self) -> Linear:
        return self * -1.0

    def __len__(self) -> int:
        return len(self.coefficients)

    def __iter__(self) -> Iterator[tuple[int, float]]:
        return iter(self.coefficients.items())

    def value(self, values: Mapping[int, float] | list[float]) -> float:
        """The expression at ``values`` (a column's value by index)."""
        if isinstance(values, Mapping):
            return self.constant + sum(c * values.get(i, 0.0) for i, c in self.coefficients.items())
        return self.constant + sum(c * values[i] for i, c in self.coefficients.items())

    def __repr__(self) -> str:
        terms = " + ".join(f"{c:g}*x{i}" for i, c in sorted(self.coefficients.items()))
        return f"Linear({terms or '0'} + {self.constant:g})"


def total(expressions: Iterable[Linear]) -> Linear:
    """The sum of ``expressions``."""
    result = Linear()
    for expression in expressions:
        result.add_expression(expression)
    return result


@dataclass
class Row:
    """``low <= Σ coefficient x column <= high`` (the expression's constant moved across)."""

    coefficients: dict[int, float]
    low: float
    high: float
    name: str = ""


@dataclass
class LinearModel:
    """Columns and rows; an objective is given to each solve, not stored here."""

    lower: list[float] = field(default_factory=list)
    upper: list[float] = field(default_factory=list)
    integer: list[bool] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)
    names: list[str] = field(default_factory=list)

    @property
    def columns(self) -> int:
        return len(self.lower)

    def add_column(
        self, low: float = 0.0, high: float = INF, *, integer: bool = False, name: str = ""
    ) -> int:
        """A new column between ``low`` and ``high``; its index."""
        self.lower.append(float(low))
        self.upper.append(float(high))
        self.integer.append(integer)
        self.names.append(name)
        return len(self.lower) - 1

    def add_binary(self, name: str = "") -> int:
        return self.add_column(0.0, 1.0, integer=True, name=name)

    def add_row(
        self, expression: Linear, low: float = -INF, high: float = INF, name: str = ""
    ) -> int | None:
        """``low <= expression <= high``; its index, or None when the row has no column and
        holds as it stands. A row with no column that fails makes the model infeasible (a
        column held at zero that must reach one): the solvers say so."""
        constant = expression.constant
        coefficients = {c: v for c, v in expression.coefficients.items() if v}
        if not coefficients:
            if low - 1e-9 <= constant <= high + 1e-9:
                return None
            never = self.add_column(0.0, 0.0, name=f"never_{name or len(self.rows)}")
            self.rows.append(Row({never: 1.0}, 1.0, INF, name))
            return len(self.rows) - 1
        self.rows.append(Row(coefficients, low - constant, high - constant, name))
        return len(self.rows) - 1

    def at_most(self, expression: Linear, high: float, name: str = "") -> int | None:
        return self.add_row(expression, -INF, high, name)

    def at_least(self, expression: Linear, low: float, name: str = "") -> int | None:
        return self.add_row(expression, low, INF, name)

    def equal(self, expression: Linear, value: float, name: str = "") -> int | None:
        return self.add_row(expression, value, value, name)
