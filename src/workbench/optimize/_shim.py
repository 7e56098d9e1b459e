"""Provisional standards until the rubric v3 Standards value lands (names to map)."""

from __future__ import annotations

import math
from dataclasses import dataclass


@dataclass(frozen=True)
class ShimStandards:
    session_use: float = 0.70
    opener_sets: int = 3
    press_sets: float = 4.0
    knee_dominant_sets: float = 4.0
    heavy_spinal_per_session: int = 1
    heavy_spinal_run: int = 3
    session_primary_sets: float = 10.0
    major_days: int = 2
    major_muscles: tuple[str, ...] = ("gluteus_maximus", "hamstrings", "latissimus_dorsi")
    major_day_sets: float = 2.0
    hinge_session_sets: float = 3.0
    staple_sets: float = 2.0
    required_session_sets: int = 3
    required_weekly_sets: float = 6.0
    priority_threshold: float = 2.0
    priority_raise: float = 1.25
    loaded_share: float = 2 / 3
    posterior_share: float = 0.70
    main_share: float = 0.5
    impact_share: float = 1 / 3
    major_ceiling: float = 20.0

    def exercises_range(self, minutes: float) -> tuple[int, int]:
        if minutes < 30:
            return 2, 4
        if minutes < 40:
            return 3, 5
        if minutes < 50:
            return 4, 6
        return 4, 7

    def hinge_goal(self, level: str, days: int) -> float:
        if days == 1:
            return 4.0
        return 6.0 if level == "beginner" else 8.0

    def hinge_sessions_goal(self, days: int) -> int:
        return min(days, max(2, math.ceil(days / 2)))


def standards_of(problem: object, sport: str) -> ShimStandards:
    if sport == "runner":
        return ShimStandards(knee_dominant_sets=6.0)
    if sport == "desk_worker":
        return ShimStandards(knee_dominant_sets=0.0)
    return ShimStandards()
