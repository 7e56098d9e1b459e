"""What a plan does for each muscle: coverage against targets, balance, volume by pattern."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import asdict, dataclass

import pandas as pd

from workbench.client import Target
from workbench.glossary import WEEKDAYS
from workbench.library import Library
from workbench.plan import Plan

__all__ = [
    "Balance",
    "MuscleCoverage",
    "balance",
    "coverage",
    "coverage_frame",
    "coverage_rows",
    "effective_sets",
    "effective_sets_by_day",
    "weighted_shortfall",
]
TOLERANCE = 1e-6


@dataclass(frozen=True)
class MuscleCoverage:
    """One muscle's weekly effective sets against its band [sets/week]."""

    muscle_id: str
    muscle: str
    region: str
    chain: str
    effective_sets: float
    min_sets: float
    max_sets: float
    target_sets: float  # the dose aimed for, between min and max

    @property
    def shortfall(self) -> float:
        return max(0.0, self.min_sets - self.effective_sets)

    @property
    def excess(self) -> float:
        return max(0.0, self.effective_sets - self.max_sets)

    @property
    def status(self) -> str:
        if self.shortfall > TOLERANCE:
            return "short"
        if self.excess > TOLERANCE:
            return "over"
        return "ok"


def effective_sets(plan: Plan, library: Library) -> dict[str, float]:
    """Effective sets per muscle id over the week [sets/week]."""
    totals: dict[str, float] = defaultdict(float)
    for entry in plan.entries:
        for muscle, weight in library.exercise(entry.exercise_id).muscle_weights.items():
            totals[muscle] += entry.sets * weight
    return dict(totals)


def effective_sets_by_day(plan: Plan, library: Library) -> dict[tuple[str, str], float]:
    """Effective sets per ``(muscle_id, weekday)`` [sets]."""
    totals: dict[tuple[str, str], float] = defaultdict(float)
    for entry in plan.entries:
        for muscle, weight in library.exercise(entry.exercise_id).muscle_weights.items():
            totals[(muscle, entry.weekday)] += entry.sets * weight
    return dict(totals)


def coverage(plan: Plan, library: Library, targets: Mapping[str, Target]) -> list[MuscleCoverage]:
    """Every library muscle, posterior chain first, in library order."""
    totals = effective_sets(plan, library)
    ordered = sorted(library.muscles, key=lambda m: m.chain != "posterior")
    return [
        MuscleCoverage(
            muscle_id=m.id,
            muscle=m.name,
            region=m.region,
            chain=m.chain,
            effective_sets=round(totals.get(m.id, 0.0), 6),
            min_sets=targets[m.id].min_sets,
            max_sets=targets[m.id].max_sets,
            target_sets=targets[m.id].dose,
        )
        for m in ordered
    ]


def coverage_rows(rows: list[MuscleCoverage]) -> list[dict[str, object]]:
    return [{**asdict(r), "shortfall": r.shortfall, "status": r.status} for r in rows]


def coverage_frame(rows: list[MuscleCoverage]) -> pd.DataFrame:
    return pd.DataFrame(coverage_rows(rows))


def weighted_shortfall(rows: list[MuscleCoverage], priorities: dict[str, float]) -> float:
    """Σ priority x shortfall over posterior-chain muscles [sets/week]."""
    return sum(
        priorities.get(r.muscle_id, 1.0) * r.shortfall for r in rows if r.chain == "posterior"
    )


@dataclass(frozen=True)
class Balance:
    posterior: float
    anterior: float
    upper: float
    lower: float
    core: float
    by_pattern: dict[str, int]
    by_weekday: dict[str, float]

    @property
    def posterior_share(self) -> float:
        total = self.posterior + self.anterior
        return self.posterior / total if total else 0.0


def balance(plan: Plan, library: Library) -> Balance:
    """Effective sets by chain and region, sets by movement pattern, minutes by weekday."""
    totals = effective_sets(plan, library)
    by_chain: dict[str, float] = defaultdict(float)
    by_region: dict[str, float] = defaultdict(float)
    for muscle in library.muscles:
        by_chain[muscle.chain] += totals.get(muscle.id, 0.0)
        by_region[muscle.region] += totals.get(muscle.id, 0.0)
    patterns: dict[str, int] = defaultdict(int)
    for entry in plan.entries:
        patterns[library.exercise(entry.exercise_id).pattern] += entry.sets
    minutes = {d: m for d, m in plan.session_minutes().items() if d in WEEKDAYS}
    return Balance(
        posterior=by_chain["posterior"],
        anterior=by_chain["anterior"],
        upper=by_region["upper"],
        lower=by_region["lower"],
        core=by_region["core"],
        by_pattern=dict(sorted(patterns.items(), key=lambda kv: -kv[1])),
        by_weekday=minutes,
    )
