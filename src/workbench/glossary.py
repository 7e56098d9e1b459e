"""Canonical names: the vocabularies every id is validated against.

Units used across the package: minutes ``[min]``, seconds ``[s]``, knee angle ``[deg]``,
weekly effective sets ``[sets/week]`` (sets x 1.0 for a primary muscle, x 0.5 for a secondary).
"""

from __future__ import annotations

import re

__all__ = [
    "ARTICLE_STAPLES",
    "BODYWEIGHT",
    "CHAINS",
    "COMPOUND_PATTERNS",
    "DEEP_KNEE_FLEXION_DEG",
    "DEFAULT_MAX_SETS",
    "DEFAULT_MIN_SETS",
    "HINGE_PATTERNS",
    "KNEE_DOMINANT_FAMILIES",
    "LEVELS",
    "LOADED_EQUIPMENT",
    "LOAD_CLASS",
    "LOWER_PATTERNS",
    "MAIN_ROLES",
    "PATTERNS",
    "POSTERIOR_CHAIN",
    "PRESS_FAMILIES",
    "REGIONS",
    "ROLES",
    "SCOPES",
    "SECONDARY_WEIGHT",
    "SLUG",
    "SOLVER_NAMES",
    "SPINAL_LOADS",
    "TAGS",
    "UPPER_PATTERNS",
    "WARMUP_FROM_MINUTES",
    "WARMUP_MINUTES",
    "WEEKDAYS",
    "default_warmup",
    "level_rank",
    "session_warmup",
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

# The MIP solvers behind ``optimize.backends``, named here so the CLI can offer them
# without importing PuLP.
SOLVER_NAMES: tuple[str, ...] = ("highs", "cbc")
LEVELS: tuple[str, ...] = ("beginner", "intermediate", "advanced")
#: What a week covers (PRODUCT.md v3): a whole week with a posterior emphasis (the default),
#: or only the posterior-chain work of a client whose other training is written elsewhere.
SCOPES: tuple[str, ...] = ("whole_body", "posterior_chain")
#: The warm-up a coach books inside a session of at least WARMUP_FROM_MINUTES [min]; shorter
#: sessions default to none (PRODUCT.md v3: the warm-up is part of the booked slot).
WARMUP_MINUTES = 5.0
WARMUP_FROM_MINUTES = 30.0
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
#: Multi-joint patterns: the main lifts of a library that does not name its families' roles.
COMPOUND_PATTERNS: frozenset[str] = frozenset(
    {"hinge", "squat", "lunge", "hip_extension", "vertical_pull", "horizontal_pull"}
)
#: The movement patterns of each half of the body, for a split's lower and upper days;
#: trunk work, carries and throws belong to neither.
LOWER_PATTERNS: frozenset[str] = frozenset(
    {
        "hinge",
        "squat",
        "lunge",
        "hip_extension",
        "knee_flexion",
        "abduction",
        "plantar_flexion",
        "locomotion",
    }
)
UPPER_PATTERNS: frozenset[str] = frozenset({"vertical_pull", "horizontal_pull", "scapular", "push"})
#: The hip-hinge principle's patterns (hip extension with little knee bend, and bridges).
HINGE_PATTERNS: frozenset[str] = frozenset({"hinge", "hip_extension"})
#: What an exercise family is for in a session, in session order: power work while fresh,
#: then the main lifts, then accessories, then core and carries (NSCA Essentials, Simão 2012).
ROLES: tuple[str, ...] = ("power", "main", "accessory", "core", "carry")
#: Roles that make a main lift in the coach's rubric (multi-joint lifts and power work).
MAIN_ROLES: frozenset[str] = frozenset({"power", "main"})
#: The families that make a press (COACHING.md C15: bench, overhead, dumbbell, machine or
#: landmine press, push-up; not push-up plus or serratus punches): horizontal and overhead.
PRESS_FAMILIES: tuple[str, ...] = ("press", "overhead_press")
#: The families of knee-dominant work (COACHING.md C16: squat, lunge, split squat, step-up or
#: leg press); jumps are power work, not this.
KNEE_DOMINANT_FAMILIES: tuple[str, ...] = ("squat", "lunge")
#: The six staple families the source article says belong in nearly every client's program.
ARTICLE_STAPLES: tuple[str, ...] = (
    "deadlift",
    "kettlebell_swing",
    "glute_bridge",
    "calf_raise",
    "row",
    "vertical_pull",
)
#: How much load an implement can add and progress, heaviest 3: a barbell or trap bar, then
#: dumbbells, kettlebells, cables, machines, a pull-up bar or GHD (bodyweight plus load), then
#: bands and medicine balls; bodyweight, a bench or a box add none.
LOAD_CLASS: dict[str, int] = {
    "barbell": 3,
    "trap_bar": 3,
    "dumbbell": 2,
    "kettlebell": 2,
    "cable": 2,
    "machine": 2,
    "pullup_bar": 2,
    "ghd": 2,
    "band": 1,
    "medicine_ball": 1,
}
#: Equipment that loads a lift beyond bodyweight or a band (COACHING.md's "loaded").
LOADED_EQUIPMENT: frozenset[str] = frozenset(
    {"barbell", "dumbbell", "kettlebell", "trap_bar", "cable", "machine", "pullup_bar", "ghd"}
)

BODYWEIGHT = "bodyweight"
#: Credit of a set to a secondary muscle (Pelland et al. 2024 fit best at 0.5).
SECONDARY_WEIGHT = 0.5
DEFAULT_MIN_SETS = 2
DEFAULT_MAX_SETS = 5
#: Knee bend at or above which an exercise carries ``deep_knee_flexion`` [deg].
DEEP_KNEE_FLEXION_DEG = 100

SLUG = re.compile(r"^[a-z][a-z0-9_]*$")


def default_warmup(minutes_per_session: float) -> float:
    """The warm-up [min] a session of ``minutes_per_session`` gets when the client sets none."""
    return WARMUP_MINUTES if minutes_per_session >= WARMUP_FROM_MINUTES else 0.0


def session_warmup(own: float | None, minutes_per_session: float) -> float:
    """The warm-up [min] a session gets: the client's ``own``, else the default."""
    return float(own) if own is not None else default_warmup(minutes_per_session)


def level_rank(level: str) -> int:
    """0 for beginner, 1 intermediate, 2 advanced."""
    return LEVELS.index(level)
