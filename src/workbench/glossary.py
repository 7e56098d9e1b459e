"""Canonical names: the vocabularies every id is validated against.

Units used across the package: minutes ``[min]``, seconds ``[s]``, knee angle ``[deg]``,
weekly effective sets ``[sets/week]`` (sets x 1.0 for a primary muscle, x 0.5 for a secondary).
"""

from __future__ import annotations

import re

__all__ = [
    "BODYWEIGHT",
    "CHAINS",
    "COMPOUND_PATTERNS",
    "DEEP_KNEE_FLEXION_DEG",
    "DEFAULT_MAX_SETS",
    "LEVELS",
    "PATTERNS",
    "POSTERIOR_CHAIN",
    "REGIONS",
    "SECONDARY_WEIGHT",
    "SLUG",
    "SPINAL_LOADS",
    "TAGS",
    "WEEKDAYS",
    "level_rank",
]

#: The sixteen posterior-chain muscles the source article names, in its order.
POSTERIOR_CHAIN: tuple[str, ...] = (
    "erector_spinae",
    "latissimus_dorsi",
    "rhomboids",
    "trapezius_upper",
    "trapezius_middle",
    "trapezius_lower",
    "obliques_internal",
    "obliques_external",
    "levator_scapulae",
    "serratus",
    "gluteus_maximus",
    "gluteus_medius",
    "gluteus_minimus",
    "hamstrings",
    "gastrocnemius",
    "soleus",
)

WEEKDAYS: tuple[str, ...] = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
LEVELS: tuple[str, ...] = ("beginner", "intermediate", "advanced")
REGIONS: tuple[str, ...] = ("upper", "lower", "core")
CHAINS: tuple[str, ...] = ("posterior", "anterior")
SPINAL_LOADS: tuple[str, ...] = ("none", "low", "moderate", "high")
TAGS: tuple[str, ...] = (
    "high_spinal_load",
    "deep_knee_flexion",
    "overhead",
    "impact",
    "explosive",
    "spinal_rotation",
    "hanging",
)
PATTERNS: tuple[str, ...] = (
    "hinge",
    "squat",
    "lunge",
    "hip_extension",
    "knee_flexion",
    "vertical_pull",
    "horizontal_pull",
    "scapular",
    "abduction",
    "plantar_flexion",
    "trunk_extension",
    "rotation",
    "anti_rotation",
    "lateral_flexion",
    "carry",
    "push",
    "locomotion",
    "throw",
)
#: Multi-joint patterns that go early in a session, after explosive work.
COMPOUND_PATTERNS: frozenset[str] = frozenset(
    {"hinge", "squat", "lunge", "hip_extension", "vertical_pull", "horizontal_pull", "carry"}
)

BODYWEIGHT = "bodyweight"
#: Credit of a set to a secondary muscle (Pelland et al. 2024 fit best at 0.5).
SECONDARY_WEIGHT = 0.5
DEFAULT_MAX_SETS = 5
#: Knee bend at or above which an exercise carries ``deep_knee_flexion`` [deg].
DEEP_KNEE_FLEXION_DEG = 100

SLUG = re.compile(r"^[a-z][a-z0-9_]*$")


def level_rank(level: str) -> int:
    """0 for beginner, 1 intermediate, 2 advanced."""
    return LEVELS.index(level)
