"""The coach value's numbers: one weight per value term, a few parameters, and the weekly
goals of the movement patterns a coach builds a week from. They live in
``data/coaching.toml`` (each with its source) so a coach can read and change them; this
module only parses and checks them. The terms themselves are in
:mod:`workbench.optimize.terms`, one registry line each, named as here.

Units: points. One effective set toward a prime mover's target dose is worth about a point
and a half; every other weight is said against that.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from workbench.client import FrozenMap, check_number
from workbench.errors import InputError

__all__ = [
    "PARAMETER_NAMES",
    "PATTERN_NAMES",
    "TERM_NAMES",
    "CoachWeights",
    "PatternGoal",
    "weights_from_mapping",
]

#: The value terms, in registry order (``workbench.optimize.terms.TERMS`` holds them).
TERM_NAMES: tuple[str, ...] = (
    "prime_mover_dose",
    "posterior_dose",
    "anterior_dose",
    "patterns",
    "rubric_floors",
    "pattern_days",
    "single_leg",
    "session_balance",
    "push_pull",
    "opener",
    "exercise_count",
    "exercise_cost",
    "sets_by_role",
    "spinal_per_session",
    "spinal_days",
    "session_muscle_cap",
    "five_twice",
    "repeat",
    "same_dose_twice",
    "same_family",
    "ballistic_with_heavy",
    "finishers",
    "low_back_hinge",
    "hinge_and_row",
    "low_back_days",
    "calf_days",
    "family_days",
    "muscle_stack",
    "time_use",
    "full_session",
    "even_days",
    "frequency",
    "hinge_principle",
    "hinge_sessions",
    "heavy_hinge",
    "heavy_squat",
    "vertical_pull_progression",
    "staple",
    "required",
    "sport_specific",
    "sport_lifts",
    "priority_raise",
    "emphasis",
    "direct_work",
    "power_sessions",
    "loaded_share",
    "posterior_share",
    "main_share",
    "impact_share",
    "major_ceiling",
    "lighter_variant",
    "below_level",
    "level_fit",
    "impact_set",
    "filler",
    "spine_sparing",
    "knee_sparing",
    "shoulder_sparing",
    "beginner_ballistic",
    "preferred",
)
#: Numbers the terms use that are not a term's weight [ratios].
PARAMETER_NAMES: tuple[str, ...] = (
    "ballistic_stimulus",
    "lighter_stimulus",
    "beginner_dose",
    "full_floor_minutes",
    "full_floor_sessions",
)
#: The parameters that are shares [0..1]; the others are minutes.
SHARE_PARAMETERS: tuple[str, ...] = ("ballistic_stimulus", "lighter_stimulus", "beginner_dose")
#: The movement patterns of ``workbench.optimize.catalogue.PATTERNS``.
PATTERN_NAMES: tuple[str, ...] = (
    "hinge",
    "knee",
    "bridge",
    "press",
    "overhead_press",
    "row",
    "vertical_pull",
    "power",
    "curl",
    "calf",
    "upper_back",
    "glute_med",
    "adductor",
    "core",
    "carry",
    "neck",
)


@dataclass(frozen=True)
class PatternGoal:
    """A movement pattern's weekly floor and target [sets/week]."""

    floor: float
    target: float


@dataclass(frozen=True)
class CoachWeights:
    """What a coach values in a week, in points (see ``data/coaching.toml`` for sources)."""

    terms: Mapping[str, float]  # term name -> weight [points per unit of the term]
    ballistic_stimulus: float  # share of a ballistic set's credit toward a dose target
    lighter_stimulus: float  # credit lost per load class below the variant at hand
    beginner_dose: float  # share of a target dose aimed for with a beginner
    full_floor_minutes: float  # listed work a week [min] from which every floor applies whole
    full_floor_sessions: float  # sessions a week from which every floor applies whole
    patterns: Mapping[str, PatternGoal]

    def __getitem__(self, name: str) -> float:
        return self.terms[name]

    def evolve(self, **terms: float) -> CoachWeights:
        """These weights with some terms' weights changed (a what-if on the value)."""
        unknown = sorted(set(terms) - set(self.terms))
        if unknown:
            raise KeyError(unknown[0])
        return CoachWeights(
            FrozenMap({**self.terms, **terms}),
            self.ballistic_stimulus,
            self.lighter_stimulus,
            self.beginner_dose,
            self.full_floor_minutes,
            self.full_floor_sessions,
            self.patterns,
        )


def _number(value: object, key: str, file: str, *, high: float = 1000) -> float:
    return float(check_number(value, key, low=0.0, high=high, file=file))


def _tables(
    data: Mapping[str, Any], section: str, names: tuple[str, ...], keys: tuple[str, ...], file: str
) -> dict[str, dict[str, float]]:
    tables = data.get(section)
    if not isinstance(tables, Mapping):
        raise InputError(f"must hold [{section}.<name>] tables", file=file, field=section)
    for name in tables:
        if name not in names:
            raise InputError(
                f"unknown {section[:-1]} '{name}' (known: {', '.join(names)})",
                file=file,
                field=f"{section}.{name}",
                value=name,
            )
    parsed = {}
    for name in names:
        key = f"{section}.{name}"
        table = tables.get(name)
        if not isinstance(table, Mapping) or any(k not in table for k in keys):
            raise InputError(
                f"is missing (a table with {', '.join(keys)} and source)", file=file, field=key
            )
        extra = sorted(set(table) - {*keys, "source"})
        if extra:
            raise InputError(
                f"unknown key '{extra[0]}' ({', '.join(keys)}, source)", file=file, field=key
            )
        if not str(table.get("source", "")).strip():
            raise InputError("needs a source (where the number comes from)", file=file, field=key)
        parsed[name] = {k: _number(table[k], f"{key}.{k}", file) for k in keys}
    return parsed


def weights_from_mapping(data: Mapping[str, Any], *, file: str = "coaching.toml") -> CoachWeights:
    """Parse ``[weights.<term>]`` (value, source), ``[parameters.<name>]`` (value, source)
    and ``[patterns.<name>]`` (floor, target, source) tables."""
    unknown = sorted(set(data) - {"weights", "parameters", "patterns"})
    if unknown:
        raise InputError(
            f"unknown key '{unknown[0]}' (weights, parameters, patterns)",
            file=file,
            field=unknown[0],
        )
    weights = _tables(data, "weights", TERM_NAMES, ("value",), file)
    parameters = _tables(data, "parameters", PARAMETER_NAMES, ("value",), file)
    patterns = _tables(data, "patterns", PATTERN_NAMES, ("floor", "target"), file)
    for name, goal in patterns.items():
        if goal["floor"] > goal["target"]:
            raise InputError(
                f"floor {goal['floor']:g} is above target {goal['target']:g}",
                file=file,
                field=f"patterns.{name}.floor",
                value=goal["floor"],
            )
    for name in SHARE_PARAMETERS:
        if parameters[name]["value"] > 1:
            raise InputError(
                f"{parameters[name]['value']:g} is outside 0..1",
                file=file,
                field=f"parameters.{name}.value",
                value=parameters[name]["value"],
            )
    return CoachWeights(
        terms=FrozenMap({name: table["value"] for name, table in weights.items()}),
        ballistic_stimulus=parameters["ballistic_stimulus"]["value"],
        lighter_stimulus=parameters["lighter_stimulus"]["value"],
        beginner_dose=parameters["beginner_dose"]["value"],
        full_floor_minutes=parameters["full_floor_minutes"]["value"],
        full_floor_sessions=parameters["full_floor_sessions"]["value"],
        patterns=FrozenMap(
            {name: PatternGoal(g["floor"], g["target"]) for name, g in patterns.items()}
        ),
    )
