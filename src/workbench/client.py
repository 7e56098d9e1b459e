"""Clients and sport profiles: what a coach sets, validated against the library.

A :class:`Client` is a frozen value; what-if variants are made with :func:`dataclasses.replace`
(or :meth:`Client.evolve`) and validated again by :func:`validate_client`.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from workbench.errors import InputError
from workbench.glossary import BODYWEIGHT, DEFAULT_MAX_SETS, LEVELS, PATTERNS, SLUG, TAGS, WEEKDAYS
from workbench.library import Library

__all__ = [
    "CLIENT_KEYS",
    "Client",
    "Kit",
    "SportProfile",
    "Target",
    "client_from_mapping",
    "client_to_mapping",
    "resolve_priorities",
    "resolve_targets",
    "sport_from_mapping",
    "spread_days",
    "validate_client",
]

CLIENT_KEYS = (
    "name",
    "weekdays",
    "days_per_week",
    "minutes_per_session",
    "equipment",
    "level",
    "sport",
    "avoid",
    "require",
    "ban",
    "max_sets_per_exercise",
    "targets",
    "priorities",
)
SPORT_KEYS = ("name", "description", "preferred_patterns", "targets", "priorities")
MAX_MINUTES = 240
#: Weekdays chosen for ``days_per_week`` alone: sessions as far apart as the week allows,
#: i.e. the fewest back-to-back days (2 x days - 7 of them, Sun->Mon counted), which leaves
#: the recovery limit the most room.
SPREADS: dict[int, tuple[str, ...]] = {
    1: ("Mon",),
    2: ("Mon", "Thu"),
    3: ("Mon", "Wed", "Fri"),
    4: ("Mon", "Wed", "Fri", "Sat"),
    5: ("Mon", "Tue", "Wed", "Fri", "Sat"),
    6: ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat"),
    7: WEEKDAYS,
}


@dataclass(frozen=True)
class Target:
    """A weekly band of effective sets [sets/week]."""

    min_sets: float
    max_sets: float


@dataclass(frozen=True)
class Kit:
    """A named set of equipment ids (bodyweight implied), e.g. home, travel, gym."""

    id: str
    name: str
    equipment: tuple[str, ...]


@dataclass(frozen=True)
class SportProfile:
    """A named preset that adjusts priorities, targets and preferred movement patterns."""

    id: str
    name: str
    description: str = ""
    preferred_patterns: tuple[str, ...] = ()
    targets: dict[str, Target] = field(default_factory=dict)
    priorities: dict[str, float] = field(default_factory=dict)


GENERAL = SportProfile("general", "General", "No adjustments.")


@dataclass(frozen=True)
class Client:
    """A client's limits for one week of training."""

    name: str = "Client"
    weekdays: tuple[str, ...] = ("Mon", "Wed", "Fri")
    minutes_per_session: float = 60
    equipment: tuple[str, ...] = ()
    level: str = "intermediate"
    sport: str = "general"
    avoid: tuple[str, ...] = ()
    require: tuple[str, ...] = ()
    ban: tuple[str, ...] = ()
    max_sets_per_exercise: int = DEFAULT_MAX_SETS
    targets: dict[str, Target] = field(default_factory=dict)
    priorities: dict[str, float] = field(default_factory=dict)

    @property
    def available_equipment(self) -> frozenset[str]:
        return frozenset(self.equipment) | {BODYWEIGHT}

    def evolve(self, **changes: Any) -> Client:
        return dataclasses.replace(self, **changes)


def spread_days(days_per_week: int) -> tuple[str, ...]:
    """Training weekdays for ``days_per_week`` sessions, spaced for recovery."""
    return SPREADS[days_per_week]


def _fail(file: str, key: str, value: object, message: str) -> InputError:
    return InputError(message, file=file, field=key, value=value)


def _string_list(data: Mapping[str, Any], key: str, file: str) -> tuple[str, ...]:
    value = data.get(key, [])
    if (
        isinstance(value, str)
        or not isinstance(value, list)
        or not all(isinstance(v, str) for v in value)
    ):
        raise _fail(file, key, value, f"{value!r} is not a list of strings")
    return tuple(value)


def _number(
    value: object, file: str, key: str, *, low: float, high: float, whole: bool = False
) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise _fail(file, key, value, f"{value!r} is not a number")
    if whole and value != int(value):
        raise _fail(file, key, value, f"{value!r} is not a whole number")
    if not low <= value <= high:
        raise _fail(file, key, value, f"{value:g} is outside {low:g}..{high:g}")
    return value


def _targets(data: object, file: str, key: str) -> dict[str, Target]:
    if not isinstance(data, Mapping):
        raise _fail(file, key, data, "must be a table of muscles, e.g. [targets.hamstrings]")
    targets = {}
    for muscle, band in data.items():
        where = f"{key}.{muscle}"
        if not isinstance(band, Mapping):
            raise _fail(file, where, band, "must be a table with min and max")
        unknown = sorted(set(band) - {"min", "max"})
        if unknown:
            raise _fail(
                file,
                f"{where}.{unknown[0]}",
                band[unknown[0]],
                f"unknown key '{unknown[0]}' (min, max)",
            )
        if "min" not in band or "max" not in band:
            raise _fail(file, where, dict(band), "needs both min and max")
        low = _number(band["min"], file, f"{where}.min", low=0, high=100)
        high = _number(band["max"], file, f"{where}.max", low=0, high=100)
        if low > high:
            raise _fail(file, f"{where}.max", high, f"{high:g} is below min {low:g}")
        targets[muscle] = Target(float(low), float(high))
    return targets


def _priorities(data: object, file: str) -> dict[str, float]:
    if not isinstance(data, Mapping):
        raise _fail(file, "priorities", data, "must be a table of muscle = weight")
    return {m: float(_number(w, file, f"priorities.{m}", low=0, high=100)) for m, w in data.items()}


def _unknown_keys(data: Mapping[str, Any], allowed: Iterable[str], file: str) -> None:
    allowed = tuple(allowed)
    for key in data:
        if key not in allowed:
            raise _fail(file, key, data[key], f"unknown key '{key}' (known: {', '.join(allowed)})")


def client_from_mapping(data: Mapping[str, Any], *, file: str = "client") -> Client:
    """Build a :class:`Client` from a parsed TOML table; shape and value checks only.

    Ids are checked against a library by :func:`validate_client`.
    """
    _unknown_keys(data, CLIENT_KEYS, file)
    name = data.get("name", "Client")
    if not isinstance(name, str) or not name.strip():
        raise _fail(file, "name", name, "must be a non-empty string")
    if "weekdays" in data:
        weekdays = _string_list(data, "weekdays", file)
        if "days_per_week" in data and data["days_per_week"] != len(weekdays):
            raise _fail(
                file,
                "days_per_week",
                data["days_per_week"],
                f"disagrees with the {len(weekdays)} weekdays given",
            )
    elif "days_per_week" in data:
        days = int(_number(data["days_per_week"], file, "days_per_week", low=1, high=7, whole=True))
        weekdays = spread_days(days)
    else:
        raise _fail(file, "weekdays", None, "is missing (give weekdays or days_per_week)")
    if "minutes_per_session" not in data:
        raise _fail(file, "minutes_per_session", None, "is missing")
    minutes = _number(
        data["minutes_per_session"], file, "minutes_per_session", low=1, high=MAX_MINUTES
    )
    level = data.get("level", "intermediate")
    sport = data.get("sport", "general")
    for key, value in (("level", level), ("sport", sport)):
        if not isinstance(value, str):
            raise _fail(file, key, value, f"{value!r} is not a string")
    max_sets = int(
        _number(
            data.get("max_sets_per_exercise", DEFAULT_MAX_SETS),
            file,
            "max_sets_per_exercise",
            low=1,
            high=10,
            whole=True,
        )
    )
    client = Client(
        name=name.strip(),
        weekdays=weekdays,
        minutes_per_session=float(minutes),
        equipment=_string_list(data, "equipment", file),
        level=level,
        sport=sport,
        avoid=_string_list(data, "avoid", file),
        require=_string_list(data, "require", file),
        ban=_string_list(data, "ban", file),
        max_sets_per_exercise=max_sets,
        targets=_targets(data.get("targets", {}), file, "targets"),
        priorities=_priorities(data.get("priorities", {}), file),
    )
    _check_values(client, file)
    return client


def _check_values(client: Client, file: str) -> None:
    for day in client.weekdays:
        if day not in WEEKDAYS:
            raise _fail(file, "weekdays", day, f"'{day}' is not a weekday ({', '.join(WEEKDAYS)})")
    if not client.weekdays:
        raise _fail(file, "weekdays", [], "names no training day")
    if len(set(client.weekdays)) != len(client.weekdays):
        raise _fail(file, "weekdays", list(client.weekdays), "names a weekday twice")
    if client.level not in LEVELS:
        raise _fail(
            file, "level", client.level, f"'{client.level}' is not a level ({', '.join(LEVELS)})"
        )
    for tag in client.avoid:
        if tag not in TAGS:
            raise _fail(file, "avoid", tag, f"'{tag}' is not a tag ({', '.join(TAGS)})")
    for key in ("equipment", "require", "ban"):
        for item in getattr(client, key):
            if not SLUG.match(item):
                raise _fail(file, key, item, f"'{item}' is not an id")


def validate_client(
    client: Client,
    library: Library,
    profiles: Mapping[str, SportProfile] | None = None,
    *,
    file: str = "client",
) -> Client:
    """Check every id a client names against the library and the sport profiles; return it."""
    _check_values(client, file)
    if not 0 < client.minutes_per_session <= MAX_MINUTES:
        raise _fail(
            file, "minutes_per_session", client.minutes_per_session, f"is outside 1..{MAX_MINUTES}"
        )
    if not 1 <= client.max_sets_per_exercise <= 10:
        raise _fail(file, "max_sets_per_exercise", client.max_sets_per_exercise, "is outside 1..10")
    for item in client.equipment:
        if item not in library.equipment_ids:
            raise _fail(
                file,
                "equipment",
                item,
                f"'{item}' is not an equipment id in {library.source or 'the library'}",
            )
    for key in ("require", "ban"):
        for item in getattr(client, key):
            if not library.has_exercise(item):
                raise _fail(
                    file,
                    key,
                    item,
                    f"'{item}' is not an exercise id in {library.source or 'the library'}",
                )
    for key, table in (("targets", client.targets), ("priorities", client.priorities)):
        for muscle in table:
            if not library.has_muscle(muscle):
                raise _fail(file, f"{key}.{muscle}", muscle, f"'{muscle}' is not a muscle id")
    known = profiles if profiles is not None else {"general": GENERAL}
    if client.sport not in known:
        raise _fail(
            file,
            "sport",
            client.sport,
            f"'{client.sport}' is not a sport profile ({', '.join(sorted(known))})",
        )
    return client


def sport_from_mapping(profile_id: str, data: Mapping[str, Any], *, file: str) -> SportProfile:
    _unknown_keys(data, SPORT_KEYS, file)
    name = data.get("name", profile_id)
    description = data.get("description", "")
    if not isinstance(name, str) or not isinstance(description, str):
        raise _fail(file, "name", name, "name and description must be strings")
    patterns = _string_list(data, "preferred_patterns", file)
    for pattern in patterns:
        if pattern not in PATTERNS:
            raise _fail(
                file, "preferred_patterns", pattern, f"'{pattern}' is not a movement pattern"
            )
    return SportProfile(
        id=profile_id,
        name=name,
        description=description,
        preferred_patterns=patterns,
        targets=_targets(data.get("targets", {}), file, "targets"),
        priorities=_priorities(data.get("priorities", {}), file),
    )


def resolve_targets(
    library: Library, client: Client, profile: SportProfile | None = None
) -> dict[str, Target]:
    """Each muscle's weekly band: the library's, then the sport profile's, then the client's."""
    targets = {m.id: Target(m.min_sets, m.max_sets) for m in library.muscles}
    for source in (profile.targets if profile else {}, client.targets):
        targets.update(source)
    return targets


def resolve_priorities(
    library: Library, client: Client, profile: SportProfile | None = None
) -> dict[str, float]:
    """Weight of each muscle's shortfall: 1, then the sport profile's, then the client's."""
    priorities = {m.id: 1.0 for m in library.muscles}
    for source in (profile.priorities if profile else {}, client.priorities):
        priorities.update(source)
    return priorities


def client_to_mapping(client: Client) -> dict[str, Any]:
    """The TOML table of a client (inverse of :func:`client_from_mapping`)."""
    data: dict[str, Any] = {
        "name": client.name,
        "weekdays": list(client.weekdays),
        "minutes_per_session": int(client.minutes_per_session)
        if client.minutes_per_session == int(client.minutes_per_session)
        else client.minutes_per_session,
        "equipment": list(client.equipment),
        "level": client.level,
        "sport": client.sport,
        "avoid": list(client.avoid),
        "require": list(client.require),
        "ban": list(client.ban),
        "max_sets_per_exercise": client.max_sets_per_exercise,
    }
    if client.targets:
        data["targets"] = {
            m: {"min": t.min_sets, "max": t.max_sets} for m, t in client.targets.items()
        }
    if client.priorities:
        data["priorities"] = dict(client.priorities)
    return data
