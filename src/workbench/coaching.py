"""The weights of the coach value: what the optimizer values once the shortfall is proven
optimal. They live in ``data/coaching.toml`` (one table per weight: its value and its
source) so a coach can read and change them; this module only parses and checks them.

Units: points. One effective set toward a muscle's target dose is worth ``dose`` points
(times the muscle's priority); every other weight is said against that.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from workbench.errors import InputError

__all__ = ["CoachWeights", "weights_from_mapping"]


@dataclass(frozen=True)
class CoachWeights:
    """Points for what a coach values in a week (see ``data/coaching.toml`` for sources)."""

    dose: float  # per effective set up to the target dose [points/set], x priority
    prime_mover_dose: float  # extra per effective set toward a prime mover's target
    prime_mover_reached: float  # per prime mover whose weekly target is reached [points]
    dose_above_target: float  # per effective set from target to maximum [points/set]
    dose_taper: float  # +/- share of a set's dose below / above halfway to target [ratio]
    set_cost: float  # per set: every set must earn its place (fatigue) [points/set]
    staple: float  # per staple family of the sport profile in the week [points]
    opener: float  # per session opening with a main lift of >= 3 sets [points]
    short_power: float  # per power exercise with < 3 sets (it would open short) [points]
    hinge_set: float  # per non-impact hinge set up to the weekly goal [points/set]
    hinge_session: float  # per session with >= 3 hinge sets up to the goal [points]
    unused_minute: float  # per minute a session stays below 70% of its booking [points/min]
    exercise_count: float  # per exercise outside the session's range (C3) [points]
    impact_excess: float  # per impact effective set above a third (C9) [points/set]
    frequency: float  # per day a major muscle gets >= 2 effective sets, up to 2 [points]
    required_session: float  # a required exercise with >= 3 sets in a session [points]
    required_set: float  # per weekly set of a required exercise up to 6 [points/set]
    specific_set: float  # per set of the sport's specific work up to its goal [points/set]
    unloaded_main_set: float  # per main-lift set below two thirds loaded (C13) [points/set]
    lighter_variant: float  # per set and load class below the family's heaviest placeable
    lighter_stimulus: float  # dose lost per load class below it [ratio of a set]
    ballistic_stimulus: float  # share of a ballistic set's dose toward a target [ratio]
    knee_flexion_set: float  # per hamstring-curl set up to KNEE_FLEXION_SETS a week
    single_leg_set: float  # per single-leg lower-body set up to SINGLE_LEG_SETS a week
    vertical_pull_set: float  # per set of the hardest vertical pull up to VERTICAL_PULL_SETS
    heavy_hinge: float  # a week holding the heaviest deadlift at hand with >= 3 sets [points]
    small_accessory_set: float  # per set of an accessory for no larger muscle [points/set]
    below_level: float  # per set of a regression when its family has a harder placeable one
    impact_set: float  # per set of an impact drill (jumps, hops, sprints) [points/set]
    short_main: float  # per main lift placed with fewer than 3 sets [points]
    main_share: float  # per set by which the week's main lifts fall below half (C11)
    session_main_share: float  # per set by which a session's main lifts fall below half
    anterior_set: float  # per set of an exercise loading only anterior muscles [points/set]
    anterior_excess: float  # per such set above 15% of the week's sets (C14) [points/set]
    preferred_set: float  # per set of a pattern the sport profile prefers [points/set]
    family_excess: float  # per set of one family past FAMILY_WEEKLY_SETS a week [points/set]
    same_lift_twice: float  # per session holding two variants of one lift [points]
    accessory_set: float  # per accessory, core or carry set past three in a session
    beginner_dose: float  # share of the target dose aimed for with a beginner [ratio]
    repeat: float  # per exercise done on more than two days of the week [points]


WEIGHT_NAMES: tuple[str, ...] = tuple(f.name for f in dataclasses.fields(CoachWeights))


def weights_from_mapping(data: Mapping[str, Any], *, file: str = "coaching.toml") -> CoachWeights:
    """Parse ``[weights.<name>]`` tables, each with ``value`` (points) and ``source`` (text)."""
    unknown = sorted(set(data) - {"weights"})
    if unknown:
        raise InputError(f"unknown key '{unknown[0]}' (weights)", file=file, field=unknown[0])
    tables = data.get("weights")
    if not isinstance(tables, Mapping):
        raise InputError("must hold [weights.<name>] tables", file=file, field="weights")
    for name in tables:
        if name not in WEIGHT_NAMES:
            raise InputError(
                f"unknown weight '{name}' (known: {', '.join(WEIGHT_NAMES)})",
                file=file,
                field=f"weights.{name}",
                value=name,
            )
    values = {}
    for name in WEIGHT_NAMES:
        key = f"weights.{name}"
        table = tables.get(name)
        if not isinstance(table, Mapping) or "value" not in table:
            raise InputError("is missing (a table with value and source)", file=file, field=key)
        extra = sorted(set(table) - {"value", "source"})
        if extra:
            raise InputError(f"unknown key '{extra[0]}' (value, source)", file=file, field=key)
        value = table["value"]
        if (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or not math.isfinite(value)
        ):
            raise InputError(f"{value!r} is not a number", file=file, field=key, value=value)
        if not 0 <= value <= 1000:
            raise InputError(f"{value:g} is outside 0..1000", file=file, field=key, value=value)
        if not str(table.get("source", "")).strip():
            raise InputError("needs a source (where the number comes from)", file=file, field=key)
        values[name] = float(value)
    return CoachWeights(**values)
