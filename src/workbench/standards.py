"""The coach's standards (COACHING.md's rubric) as numbers and small functions.

Shared by the optimizer's coach value (which aims at them) and :mod:`workbench.quality`
(which judges a plan against them), so the two cannot drift apart.
"""

from __future__ import annotations

import math

__all__ = [
    "ACCESSORY_SETS",
    "ANTERIOR_SHARE",
    "DOSE_MINUTES",
    "FAMILY_WEEKLY_SETS",
    "HEAVY_HINGE_FAMILY",
    "IMPACT_SHARE",
    "KNEE_FLEXION_SETS",
    "LOADED_SHARE",
    "MAIN_SHARE",
    "MAJOR_CEILING",
    "MAJOR_DAYS",
    "MAJOR_DAY_SETS",
    "MAJOR_DOSE",
    "MAJOR_DOSE_BEGINNER",
    "MAJOR_MUSCLES",
    "OPENER_SETS",
    "PRIME_MOVERS",
    "PRIORITY_RAISE",
    "PRIORITY_THRESHOLD",
    "REQUIRED_SESSION_SETS",
    "REQUIRED_WEEKLY_SETS",
    "SESSION_EVENNESS",
    "SESSION_USE",
    "SINGLE_LEG_PATTERNS",
    "SINGLE_LEG_SETS",
    "SMALL_MUSCLES",
    "STAPLE_MINUTES",
    "STAPLE_SETS",
    "VERTICAL_PULL_SETS",
    "exercises_range",
    "hinge_goal",
    "hinge_sessions_goal",
    "staples_goal",
]

#: C1: every session uses at least this share of the booked minutes.
SESSION_USE = 0.70
#: C2: the shortest session is at least this share of the longest.
SESSION_EVENNESS = 0.70
#: C5: the opening main lift has at least this many sets.
OPENER_SETS = 3
#: C7: a staple family counts with at least this many sets in the week; one family is
#: expected per this many booked minutes a week.
STAPLE_SETS = 2
STAPLE_MINUTES = 10
#: C8 and C10: the major muscles, their weekly dose (beginners lower), the ceiling on their
#: non-ballistic sets, and the per-day dose on at least two days.
MAJOR_MUSCLES: tuple[str, ...] = ("gluteus_maximus", "hamstrings", "latissimus_dorsi")
MAJOR_DOSE = 10.0
MAJOR_DOSE_BEGINNER = 6.0
MAJOR_CEILING = 20.0
MAJOR_DAY_SETS = 2.0
MAJOR_DAYS = 2
#: The posterior chain's prime movers: the lifts are built around them, and the small
#: muscles are mostly covered by their compound lifts' secondary credit.
PRIME_MOVERS: tuple[str, ...] = (*MAJOR_MUSCLES, "erector_spinae")
#: C8 applies when at least this many minutes are booked a week.
DOSE_MINUTES = 60.0
#: C9: impact drills give at most this share of glute max and of hamstring effective sets.
IMPACT_SHARE = 1 / 3
#: C11: main-lift sets are at least this share of the week's sets.
MAIN_SHARE = 0.5
#: C12: a required exercise gets this many sets in one session and in the week; a muscle
#: with priority at least PRIORITY_THRESHOLD gets PRIORITY_RAISE times its floor.
REQUIRED_SESSION_SETS = 3
REQUIRED_WEEKLY_SETS = 6
PRIORITY_THRESHOLD = 2.0
PRIORITY_RAISE = 1.25
#: C13: with loadable equipment, at least this share of main-lift sets are loaded.
LOADED_SHARE = 2 / 3
#: C14: exercises whose primary muscles are all anterior give at most this share of sets.
ANTERIOR_SHARE = 0.15
#: Accessories, core and carries at this many sets a session at most (not a rubric line: the
#: coach's reference weeks dose them at 2-3, the main lifts at 3-5).
ACCESSORY_SETS = 3
#: Hamstrings trained at the knee as well as the hip (not a rubric line: every coach's week
#: has a curl, a Nordic or a glute-ham raise), sets a week.
KNEE_FLEXION_SETS = 4
#: Single-leg lower-body work (not a rubric line: every coach's week has a single-leg hinge or
#: a lunge), sets a week, and the patterns it counts in.
SINGLE_LEG_SETS = 4
SINGLE_LEG_PATTERNS: frozenset[str] = frozenset({"hinge", "lunge", "hip_extension", "squat"})
#: Vertical pulls a week (not a rubric line: the coach's review asks for at least 6, the
#: coach's reference weeks hold 7 to 10, pull-ups and chin-ups where there is a bar).
VERTICAL_PULL_SETS = 6
#: The family whose heaviest variant at hand is the week's heavy hinge (not a rubric line:
#: the coach's review wants one heavy, non-ballistic hinge a week, a conventional or trap-bar
#: deadlift, else the heaviest loaded hinge the kit and the client's limits allow).
HEAVY_HINGE_FAMILY = "deadlift"
#: The source article's smaller upper-body muscles: their compound lifts' secondary credit
#: covers them, so an accessory that trains only them (a neck extension, a serratus punch)
#: earns its place only where a floor needs it (not a rubric line: the coach's review).
SMALL_MUSCLES: frozenset[str] = frozenset(
    {"obliques_internal", "obliques_external", "levator_scapulae", "serratus"}
)
#: Variety (not a rubric line): one lift family past this many sets a week is a
#: specialisation block; the coach's reference weeks hold 7 to 11.
FAMILY_WEEKLY_SETS = 10


def exercises_range(minutes_per_session: float) -> tuple[int, int]:
    """C3: how many exercises a session of this length holds, fewest and most."""
    if minutes_per_session < 30:
        return 2, 4
    if minutes_per_session < 40:
        return 3, 5
    if minutes_per_session < 50:
        return 4, 6
    return 4, 7


def hinge_goal(level: str, days: int) -> float:
    """C6: non-impact hinge and hip-extension sets a week."""
    if days == 1:
        return 4.0
    return 6.0 if level == "beginner" else 8.0


def hinge_sessions_goal(days: int) -> int:
    """C6: sessions holding at least three of those sets (never more than the sessions)."""
    return min(days, max(2, math.ceil(days / 2)))


def staples_goal(doable: int, weekly_minutes: float) -> int:
    """C7: staple families expected: those the client can do, one per 10 booked minutes."""
    return min(doable, int(weekly_minutes // STAPLE_MINUTES))
