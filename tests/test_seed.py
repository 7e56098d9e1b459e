"""The value stage's seed: its neighbourhood, and the gap check that lets the whole model's
relaxation prove it (its bound is cross-checked against brute force in test_optimality, and
on the imported library in test_importer)."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from workbench.optimize.seed import EVERY_DAY_SHARE, neighbourhood, within_gap

DAYS = ("Mon", "Wed", "Fri")


def test_the_gap_is_over_the_plans_value() -> None:
    """HiGHS's definition: (bound - value) / value, so 98 against 100 is 2.04%."""
    assert within_gap(98.0, 100.0, 0.0205, maximise=True)
    assert not within_gap(98.0, 100.0, 0.0203, maximise=True)
    assert within_gap(100.0, 100.0, 0.0, maximise=True)
    assert not within_gap(100.0, 100.1, 0.0, maximise=True)


def test_a_minimum_is_proven_from_below() -> None:
    assert within_gap(0.0, 0.0, 0.0, maximise=False)  # a zero shortfall, a zero bound
    assert within_gap(10.0, 9.9, 0.02, maximise=False)
    assert not within_gap(10.0, 9.7, 0.02, maximise=False)
    assert not within_gap(1.0, 0.0, 0.02, maximise=False)


def _week(exercises: int) -> Any:
    """What neighbourhood() reads of the decisions: the (exercise, day) choices."""
    return SimpleNamespace(chosen={(f"e{i}", day): None for i in range(exercises) for day in DAYS})


def test_a_large_library_searches_the_used_exercises_on_every_day() -> None:
    decisions = _week(100)
    used = {("e1", "Mon"), ("e2", "Fri")}
    every_day = {(e, day) for e in ("e1", "e2") for day in DAYS}
    assert len(every_day) <= EVERY_DAY_SHARE * len(decisions.chosen)
    assert neighbourhood(decisions, used) == every_day


def test_a_small_library_searches_the_used_choices_only() -> None:
    decisions = _week(5)
    used = {("e1", "Mon"), ("e2", "Fri")}
    assert EVERY_DAY_SHARE * len(decisions.chosen) < 6
    assert neighbourhood(decisions, used) == used
