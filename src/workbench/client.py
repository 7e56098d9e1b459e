"""Clients and sport profiles: what a coach sets, validated.

A :class:`Client` is a frozen value that checks itself when it is made: a weekday that is not
one, minutes out of range or a minimum of sets above the maximum raise
:class:`~workbench.errors.InputError` naming the field and the value. Ids (equipment,
exercises, muscles, the sport) are checked against a library by :func:`validate_client`.
What-if variants are made with :meth:`Client.evolve`.

The client's keys are declared once, on the dataclass fields (:data:`CLIENT_FIELDS`): the TOML
reader and writer, the command line's overrides and the dashboard's controls derive from them.
"""

from __future__ import annotations

import dataclasses
import math
import re
from collections.abc import Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from workbench.errors import InputError
from workbench.glossary import (
    ARTICLE_STAPLES,
    BODYWEIGHT,
    DEFAULT_MAX_SETS,
    DEFAULT_MIN_SETS,
    LEVELS,
    PATTERNS,
    SCOPES,
    SLUG,
    TAGS,
    WEEKDAYS,
    session_warmup,
)
from workbench.library import Library
from workbench.standards import DEFAULT_STANDARDS, check_standard

__all__ = [
    "CLIENT_FIELDS",
    "CLIENT_KEYS",
    "GENERAL",
    "MAX_MINUTES",
    "ROSTER_COLUMNS",
    "Client",
    "ClientField",
    "FrozenMap",
    "Kit",
    "Override",
    "Placement",
    "SportProfile",
    "SportSpecific",
    "Target",
    "check_number",
    "check_roster_columns",
    "client_from_cells",
    "client_from_mapping",
    "client_to_mapping",
    "floor_share",
    "placement_text",
    "resolve_priorities",
    "resolve_targets",
    "small_floor_share",
    "sport_from_mapping",
    "spread_days",
    "validate_client",
]

MAX_MINUTES = 240
MAX_SETS_CAP = 10
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

K = TypeVar("K")
V = TypeVar("V")


class FrozenMap(Mapping[K, V], Generic[K, V]):
    """An immutable, hashable mapping, so that frozen values hold no mutable dict."""

    __slots__ = ("_items",)

    def __init__(self, items: Mapping[K, V] | Iterable[tuple[K, V]] = ()) -> None:
        pairs = items.items() if isinstance(items, Mapping) else items
        self._items: dict[K, V] = dict(pairs)

    def __getitem__(self, key: K) -> V:
        return self._items[key]

    def __iter__(self) -> Iterator[K]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __hash__(self) -> int:
        return hash(frozenset(self._items.items()))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Mapping):
            return dict(self._items) == dict(other)
        return NotImplemented

    def __repr__(self) -> str:
        return f"FrozenMap({self._items!r})"


@dataclass(frozen=True)
class Target:
    """A muscle's resolved weekly band [sets/week]: floor, ceiling and the dose aimed for."""

    min_sets: float
    max_sets: float
    target_sets: float | None = None

    @property
    def dose(self) -> float:
        """The dose a coach aims for, inside the band (the floor when none is given)."""
        wanted = self.min_sets if self.target_sets is None else self.target_sets
        return min(max(wanted, self.min_sets), self.max_sets)


@dataclass(frozen=True)
class Override:
    """A client's or sport profile's change to a muscle's band; either bound may be left out.
    A sport profile may also move the dose aimed for (``target``)."""

    min_sets: float | None = None
    max_sets: float | None = None
    target_sets: float | None = None


@dataclass(frozen=True)
class Kit:
    """A named set of equipment ids (bodyweight implied), e.g. home, travel, gym."""

    id: str
    name: str
    equipment: tuple[str, ...]


@dataclass(frozen=True, order=True)
class Placement:
    """One exercise on one training weekday: a lock (keep it there) or a swap (not there).

    Written ``exercise@Day`` in client files and on the command line (``barbell_deadlift@Mon``).
    """

    exercise_id: str
    weekday: str

    @classmethod
    def parse(cls, text: str, key: str = "lock") -> Placement:
        """``"barbell_deadlift@Mon"`` -> ``Placement("barbell_deadlift", "Mon")``; a malformed
        entry raises :class:`InputError` naming ``key`` and the text."""
        if not isinstance(text, str) or text.count("@") != 1:
            raise _fail(
                None, key, text, f"{text!r} is not exercise@Day (e.g. barbell_deadlift@Mon)"
            )
        exercise_id, weekday = (part.strip() for part in text.split("@"))
        if not SLUG.match(exercise_id):
            raise _fail(None, key, text, f"'{exercise_id}' in '{text}' is not an exercise id")
        if weekday not in WEEKDAYS:
            raise _fail(
                None, key, text, f"'{weekday}' in '{text}' is not a weekday ({', '.join(WEEKDAYS)})"
            )
        return cls(exercise_id, weekday)

    def __str__(self) -> str:
        return placement_text(self.exercise_id, self.weekday)


def placement_text(exercise_id: str, weekday: str) -> str:
    """How a placement is written: ``exercise@Day``."""
    return f"{exercise_id}@{weekday}"


def _fail(file: str | None, key: str, value: object, message: str) -> InputError:
    return InputError(message, file=file, field=key, value=value)


def check_number(
    value: object,
    key: str,
    *,
    low: float,
    high: float,
    whole: bool = False,
    file: str | None = None,
) -> float:
    """``value`` as a number in ``low..high`` (and whole, if asked), or an InputError naming
    the file, the key and the value."""
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise _fail(file, key, value, f"{value!r} is not a number")
    if whole and value != int(value):
        raise _fail(file, key, value, f"{value!r} is not a whole number")
    if not low <= value <= high:
        raise _fail(file, key, value, f"{value:g} is outside {low:g}..{high:g}")
    return value


def _check_slugs(key: str, items: Iterable[str]) -> None:
    for item in items:
        if not isinstance(item, str) or not SLUG.match(item):
            raise _fail(None, key, item, f"'{item}' is not an id")


@dataclass(frozen=True)
class ClientField:
    """How one client key is read and written: TOML key, command-line option, help text."""

    name: str
    #: text, days, number, whole, choice, ids, optional_number, optional_whole, targets,
    #: priorities
    kind: str
    option: str | None
    help: str
    choices: tuple[str, ...] = ()  # the values a ``choice`` may take


def _key(kind: str, option: str | None, help: str, choices: tuple[str, ...] = ()) -> dict[str, Any]:
    return {"kind": kind, "option": option, "help": help, "choices": choices}


@dataclass(frozen=True)
class Client:
    """A client's limits for one week of training."""

    name: str = field(default="Client", metadata=_key("text", None, "shown in plots and exports"))
    weekdays: tuple[str, ...] = field(
        default=("Mon", "Wed", "Fri"),
        metadata=_key("days", "--weekdays", "training weekdays, e.g. Mon,Wed,Fri"),
    )
    minutes_per_session: float = field(
        default=60.0, metadata=_key("number", "--minutes", "minutes per session")
    )
    equipment: tuple[str, ...] = field(
        default=(),
        metadata=_key("ids", "--equipment", "equipment ids, comma-separated (bodyweight implied)"),
    )
    level: str = field(
        default="intermediate",
        metadata=_key("choice", "--level", f"one of {', '.join(LEVELS)}", LEVELS),
    )
    sport: str = field(
        default="general", metadata=_key("text", "--sport", "sport profile id (data/sports/*.toml)")
    )
    avoid: tuple[str, ...] = field(
        default=(), metadata=_key("ids", "--avoid", "exercise tags to avoid, comma-separated")
    )
    require: tuple[str, ...] = field(
        default=(), metadata=_key("ids", "--require", "exercise ids required at least once a week")
    )
    ban: tuple[str, ...] = field(
        default=(), metadata=_key("ids", "--ban", "exercise ids never to use")
    )
    min_sets_per_exercise: int = field(
        default=DEFAULT_MIN_SETS,
        metadata=_key("whole", "--min-sets", "fewest sets of an exercise in a session (default 2)"),
    )
    max_sets_per_exercise: int = field(
        default=DEFAULT_MAX_SETS,
        metadata=_key("whole", "--max-sets", "most sets of an exercise in a session (default 5)"),
    )
    max_exercises_per_session: int | None = field(
        default=None,
        metadata=_key("optional_whole", "--max-exercises", "most exercises in a session"),
    )
    # v3: the warm-up is part of the booked slot; None is the default a coach accepts (5 min
    # for sessions of 30 minutes or more, none below): see ``warmup``.
    warmup_minutes: float | None = field(
        default=None,
        metadata=_key(
            "optional_number",
            "--warmup",
            "warm-up minutes inside each session (default 5 from 30-min sessions, else 0)",
        ),
    )
    scope: str = field(
        default="whole_body",
        metadata=_key(
            "choice",
            "--scope",
            "whole_body (a whole week, posterior emphasis) or posterior_chain (only that work)",
            SCOPES,
        ),
    )
    # Locks and swaps from the plan table, as exercise@Day. Kind "ids": read and written as
    # lists of strings like the other id lists (file, command line, dashboard); the Client
    # checks their shape, validate_client their ids.
    lock: tuple[str, ...] = field(
        default=(),
        metadata=_key(
            "ids",
            "--lock",
            "exercise@Day pairs to keep (e.g. barbell_deadlift@Mon); the rest is re-planned",
        ),
    )
    swap: tuple[str, ...] = field(
        default=(),
        metadata=_key(
            "ids", "--swap", "exercise@Day pairs swapped out: that exercise not on that day"
        ),
    )
    # v3, issue 17: the days the client spars (a fight camp keeps hard sessions off them).
    # Kind "ids" like the lists above; the Client checks each is a weekday, named once.
    sparring: tuple[str, ...] = field(
        default=(),
        metadata=_key(
            "ids",
            "--sparring",
            "sparring weekdays, e.g. Tue,Thu: a fight camp (workbench block --camp) keeps "
            "hard sessions off them",
        ),
    )
    targets: Mapping[str, Override] = field(
        default_factory=FrozenMap, metadata=_key("targets", None, "per-muscle band overrides")
    )
    priorities: Mapping[str, float] = field(
        default_factory=FrozenMap, metadata=_key("priorities", None, "per-muscle weights")
    )

    def __post_init__(self) -> None:
        # Normalise what callers may hand in as lists or dicts, then check every value.
        for key in (
            "weekdays",
            "equipment",
            "avoid",
            "require",
            "ban",
            "lock",
            "swap",
            "sparring",
        ):
            value = getattr(self, key)
            if isinstance(value, str) or not isinstance(value, Iterable):
                raise _fail(None, key, value, f"{value!r} is not a list of strings")
            object.__setattr__(self, key, tuple(value))
        for key in ("targets", "priorities"):
            value = getattr(self, key)
            if not isinstance(value, Mapping):
                raise _fail(None, key, value, f"{value!r} is not a table of muscles")
            object.__setattr__(self, key, FrozenMap(value))
        self._check()

    def _check(self) -> None:
        if not isinstance(self.name, str) or not self.name.strip():
            raise _fail(None, "name", self.name, "must be a non-empty string")
        if not self.weekdays:
            raise _fail(None, "weekdays", [], "names no training day")
        for key in ("weekdays", "sparring"):
            days = getattr(self, key)
            for day in days:
                if day not in WEEKDAYS:
                    raise _fail(None, key, day, f"'{day}' is not a weekday ({', '.join(WEEKDAYS)})")
            repeated = sorted({d for d in days if days.count(d) > 1})
            if repeated:
                raise _fail(None, key, repeated[0], f"names {repeated[0]} twice")
        check_number(self.minutes_per_session, "minutes_per_session", low=1, high=MAX_MINUTES)
        if self.level not in LEVELS:
            raise _fail(
                None, "level", self.level, f"'{self.level}' is not a level ({', '.join(LEVELS)})"
            )
        if self.scope not in SCOPES:
            raise _fail(
                None, "scope", self.scope, f"'{self.scope}' is not a scope ({', '.join(SCOPES)})"
            )
        if self.warmup_minutes is not None:
            check_number(self.warmup_minutes, "warmup_minutes", low=0, high=MAX_MINUTES)
            if self.warmup_minutes >= self.minutes_per_session:
                raise _fail(
                    None,
                    "warmup_minutes",
                    self.warmup_minutes,
                    f"{self.warmup_minutes:g} leaves no time for work in the "
                    f"{self.minutes_per_session:g}-min session (minutes_per_session)",
                )
        if not isinstance(self.sport, str) or not SLUG.match(self.sport):
            raise _fail(None, "sport", self.sport, f"'{self.sport}' is not an id")
        for tag in self.avoid:
            if tag not in TAGS:
                raise _fail(None, "avoid", tag, f"'{tag}' is not a tag ({', '.join(TAGS)})")
        for key in ("equipment", "require", "ban"):
            _check_slugs(key, getattr(self, key))
        for key in ("lock", "swap"):
            seen: set[Placement] = set()
            for text in getattr(self, key):
                placement = Placement.parse(text, key)
                if placement.weekday not in self.weekdays:
                    raise _fail(
                        None,
                        key,
                        text,
                        f"'{text}' names {placement.weekday}, not a training day "
                        f"({', '.join(self.weekdays)})",
                    )
                if placement in seen:
                    raise _fail(None, key, text, f"names '{text}' twice")
                seen.add(placement)
        both = sorted(set(self.locks) & set(self.swaps))
        if both:
            raise _fail(None, "swap", str(both[0]), f"'{both[0]}' is both locked and swapped out")
        low = check_number(
            self.min_sets_per_exercise,
            "min_sets_per_exercise",
            low=1,
            high=MAX_SETS_CAP,
            whole=True,
        )
        high = check_number(
            self.max_sets_per_exercise,
            "max_sets_per_exercise",
            low=1,
            high=MAX_SETS_CAP,
            whole=True,
        )
        if low > high:
            raise _fail(
                None,
                "min_sets_per_exercise",
                self.min_sets_per_exercise,
                f"{low:g} is above max_sets_per_exercise {high:g}",
            )
        if self.max_exercises_per_session is not None:
            check_number(
                self.max_exercises_per_session,
                "max_exercises_per_session",
                low=1,
                high=30,
                whole=True,
            )
        for muscle, band in self.targets.items():
            _check_override(f"targets.{muscle}", band)
        for muscle, weight in self.priorities.items():
            check_number(weight, f"priorities.{muscle}", low=0, high=100)

    @property
    def locks(self) -> tuple[Placement, ...]:
        """The locked placements: each exercise kept on its weekday (hard limit 6)."""
        return tuple(Placement.parse(text, "lock") for text in self.lock)

    @property
    def swaps(self) -> tuple[Placement, ...]:
        """The swapped-out placements: each exercise banned on its weekday only (limit 4)."""
        return tuple(Placement.parse(text, "swap") for text in self.swap)

    @property
    def warmup(self) -> float:
        """The warm-up inside each session [min]: the client's, else the default."""
        return session_warmup(self.warmup_minutes, self.minutes_per_session)

    @property
    def work_minutes(self) -> float:
        """Minutes of listed work a session may hold: the booked slot less the warm-up [min]."""
        return self.minutes_per_session - self.warmup

    @property
    def posterior_only(self) -> bool:
        """Whether only the posterior-chain work is planned (``scope = "posterior_chain"``)."""
        return self.scope == "posterior_chain"

    @property
    def available_equipment(self) -> frozenset[str]:
        return frozenset(self.equipment) | {BODYWEIGHT}

    def evolve(self, **changes: Any) -> Client:
        return dataclasses.replace(self, **changes)


def _check_override(key: str, band: object) -> None:
    if not isinstance(band, Override):
        raise _fail(None, key, band, f"{band!r} is not a table with min and/or max")
    if band.min_sets is None and band.max_sets is None:
        raise _fail(None, key, {}, "needs min, max or both")
    for bound, value in (("min", band.min_sets), ("max", band.max_sets)):
        if value is not None:
            check_number(value, f"{key}.{bound}", low=0, high=100)
    if band.min_sets is not None and band.max_sets is not None and band.min_sets > band.max_sets:
        raise _fail(
            None, f"{key}.min", band.min_sets, f"{band.min_sets:g} is above max {band.max_sets:g}"
        )


#: Every client key, in file order, with how it is read (derived once from the dataclass).
CLIENT_FIELDS: tuple[ClientField, ...] = tuple(
    ClientField(
        f.name, f.metadata["kind"], f.metadata["option"], f.metadata["help"], f.metadata["choices"]
    )
    for f in dataclasses.fields(Client)
)
#: The keys a client file may hold: the fields, and ``days_per_week`` as another way to say
#: the weekdays.
CLIENT_KEYS: tuple[str, ...] = (
    "name",
    "weekdays",
    "days_per_week",
    *(f.name for f in CLIENT_FIELDS if f.name not in ("name", "weekdays")),
)


def spread_days(days_per_week: int) -> tuple[str, ...]:
    """Training weekdays for ``days_per_week`` sessions, spaced for recovery."""
    return SPREADS[days_per_week]


@dataclass(frozen=True)
class SportSpecific:
    """What a sport asks of a week beyond floors (COACHING.md C12): at least ``min_sets`` sets
    of ``families``, at least ``min_effective_sets`` for each of ``muscles``, and each of its
    defining ``lifts`` on its days a week."""

    families: tuple[str, ...] = ()
    min_sets: float = 0.0
    muscles: tuple[str, ...] = ()
    min_effective_sets: float = 0.0
    description: str = ""
    #: The sport's defining lifts (exercise ids) and the days a week each is trained with
    #: three sets or more where the client can do it: a powerlifter squats and benches twice.
    #: A lift the library lacks (an imported library with its own ids) asks nothing; the
    #: shipped profiles name shipped exercises (tests/test_data.py).
    lifts: Mapping[str, int] = field(default_factory=FrozenMap)

    def __post_init__(self) -> None:
        object.__setattr__(self, "lifts", FrozenMap(self.lifts))


@dataclass(frozen=True)
class SportProfile:
    """A named preset: priorities, bands, preferred patterns, staple families, specifics, and
    the coach's standards it sets apart from the rubric's (``Standards`` fields by name, e.g.
    a runner's ``knee_dominant_sets = 6``)."""

    id: str
    name: str
    description: str = ""
    preferred_patterns: tuple[str, ...] = ()
    targets: Mapping[str, Override] = field(default_factory=FrozenMap)
    priorities: Mapping[str, float] = field(default_factory=FrozenMap)
    staples: tuple[str, ...] = ARTICLE_STAPLES
    specific: SportSpecific = field(default_factory=SportSpecific)
    standards: Mapping[str, float] = field(default_factory=FrozenMap)
    #: Movement patterns' weekly goals this sport sets apart [sets/week]: pattern -> (floor,
    #: target), over the coach value's (``data/coaching.toml`` [patterns]).
    patterns: Mapping[str, tuple[float, float]] = field(default_factory=FrozenMap)

    def __post_init__(self) -> None:
        object.__setattr__(self, "targets", FrozenMap(self.targets))
        object.__setattr__(self, "priorities", FrozenMap(self.priorities))
        object.__setattr__(self, "patterns", FrozenMap(self.patterns))
        object.__setattr__(self, "standards", FrozenMap(self.standards))


GENERAL = SportProfile("general", "General", "No adjustments.")


# ----- reading and writing client tables --------------------------------------------------


def _string_list(value: object, key: str, file: str) -> tuple[str, ...]:
    if (
        isinstance(value, str)
        or not isinstance(value, list)
        or not all(isinstance(v, str) for v in value)
    ):
        raise _fail(file, key, value, f"{value!r} is not a list of strings")
    return tuple(value)


def _overrides(
    data: object, file: str, key: str, allowed: tuple[str, ...] = ("min", "max")
) -> dict[str, Override]:
    if not isinstance(data, Mapping):
        raise _fail(
            file, key, data, f"{data!r} is not a table of muscles, e.g. [targets.hamstrings]"
        )
    overrides = {}
    for muscle, band in data.items():
        where = f"{key}.{muscle}"
        if not isinstance(band, Mapping):
            raise _fail(file, where, band, f"{band!r} is not a table with min and/or max")
        unknown = sorted(set(band) - set(allowed))
        if unknown:
            raise _fail(
                file,
                f"{where}.{unknown[0]}",
                band[unknown[0]],
                f"unknown key '{unknown[0]}' ({', '.join(allowed)})",
            )
        bounds = {
            bound: float(check_number(band[bound], f"{where}.{bound}", low=0, high=100, file=file))
            for bound in allowed
            if bound in band
        }
        try:
            overrides[muscle] = Override(bounds.get("min"), bounds.get("max"), bounds.get("target"))
            _check_override(where, overrides[muscle])
        except InputError as error:
            raise error.located(file) from None
    return overrides


def _priorities(data: object, file: str) -> dict[str, float]:
    if not isinstance(data, Mapping):
        raise _fail(file, "priorities", data, f"{data!r} is not a table of muscle = weight")
    return {
        m: float(check_number(w, f"priorities.{m}", low=0, high=100, file=file))
        for m, w in data.items()
    }


def _unknown_keys(data: Mapping[str, Any], allowed: Iterable[str], file: str) -> None:
    allowed = tuple(allowed)
    for key in data:
        if key not in allowed:
            raise _fail(file, key, data[key], f"unknown key '{key}' (known: {', '.join(allowed)})")


def _weekdays(data: Mapping[str, Any], file: str) -> tuple[str, ...]:
    if "weekdays" in data:
        weekdays = _string_list(data["weekdays"], "weekdays", file)
        if "days_per_week" in data and data["days_per_week"] != len(weekdays):
            raise _fail(
                file,
                "days_per_week",
                data["days_per_week"],
                f"disagrees with the {len(weekdays)} weekdays given",
            )
        return weekdays
    if "days_per_week" in data:
        days = check_number(
            data["days_per_week"], "days_per_week", low=1, high=7, whole=True, file=file
        )
        return spread_days(int(days))
    raise _fail(file, "weekdays", None, "is missing (give weekdays or days_per_week)")


def _field_value(spec: ClientField, value: object, file: str) -> object:
    key = spec.name
    if spec.kind in ("text", "choice"):
        if not isinstance(value, str):
            raise _fail(file, key, value, f"{value!r} is not a string")
        return value.strip() if spec.kind == "text" else value
    if spec.kind in ("number", "optional_number"):
        return float(check_number(value, key, low=-math.inf, high=math.inf, file=file))
    if spec.kind in ("whole", "optional_whole"):
        return int(check_number(value, key, low=-math.inf, high=math.inf, whole=True, file=file))
    if spec.kind == "ids":
        return _string_list(value, key, file)
    if spec.kind == "targets":
        return _overrides(value, file, key)
    if spec.kind == "priorities":
        return _priorities(value, file)
    raise AssertionError(spec.kind)


def client_from_mapping(data: Mapping[str, Any], *, file: str = "client") -> Client:
    """Build a :class:`Client` from a parsed TOML table; shape and value checks only.

    Ids are checked against a library by :func:`validate_client`.
    """
    _unknown_keys(data, CLIENT_KEYS, file)
    if "minutes_per_session" not in data:
        raise _fail(file, "minutes_per_session", None, "is missing")
    values: dict[str, Any] = {"weekdays": _weekdays(data, file)}
    for spec in CLIENT_FIELDS:
        if spec.name in data and spec.kind != "days":
            values[spec.name] = _field_value(spec, data[spec.name], file)
    try:
        return Client(**values)
    except InputError as error:
        raise error.located(file) from None


#: The columns of a roster CSV (one client a row): every client key whose value fits one
#: cell, in file order (a list in one cell, ``;``-separated). The tables go in dotted columns
#: besides: ``targets.<muscle>.min``, ``targets.<muscle>.max``, ``priorities.<muscle>``.
ROSTER_COLUMNS: tuple[str, ...] = tuple(
    key
    for key in CLIENT_KEYS
    if key == "days_per_week"
    or next(f.kind for f in CLIENT_FIELDS if f.name == key) not in ("targets", "priorities")
)
#: Kinds read from one cell as a list: ``Mon;Wed;Fri``, ``Mon Wed Fri`` or ``Mon, Wed, Fri``.
_LIST_CELL = re.compile(r"[;,\s]+")


def _cell_value(kind: str, text: str) -> object:
    """A roster cell as the TOML reader would have it: lists split, numbers parsed; what
    does not parse is passed on as text, so the client's own checks name it."""
    if kind in ("days", "ids"):
        return [item for item in _LIST_CELL.split(text) if item]
    if kind in ("number", "whole", "optional_whole", "optional_number"):
        for parse in (int, float):
            try:
                return parse(text)
            except ValueError:
                continue
    return text


def _roster_column(column: str) -> tuple[str, ...] | None:
    """Where a roster column goes: ``(key,)`` or ``(table, muscle[, bound])``; None if nowhere."""
    head, _, rest = column.partition(".")
    parts = tuple(rest.split(".")) if rest else ()
    if head == "targets" and len(parts) == 2 and parts[1] in ("min", "max") and parts[0]:
        return (head, *parts)
    if head == "priorities" and len(parts) == 1 and parts[0]:
        return (head, *parts)
    return (column,) if column in ROSTER_COLUMNS else None


def check_roster_columns(columns: Iterable[str], *, file: str) -> None:
    """A roster's header: every column a client key (:data:`ROSTER_COLUMNS` or a dotted table
    column), none twice; else an :class:`InputError` naming row 1 and the column."""
    seen: set[str] = set()
    for column in columns:
        if _roster_column(column) is None:
            allowed = (*ROSTER_COLUMNS, "targets.<muscle>.min", "targets.<muscle>.max")
            raise InputError(
                f"unknown column '{column}' (known: {', '.join(allowed)}, priorities.<muscle>)",
                file=file,
                row=1,
                field=column,
                value=column,
            )
        if column in seen:
            raise InputError(
                f"names column '{column}' twice", file=file, row=1, field=column, value=column
            )
        seen.add(column)


def client_from_cells(cells: Mapping[str, str], *, file: str, row: int) -> Client:
    """A :class:`Client` from one roster row: ``cells`` by column (see
    :func:`check_roster_columns`), each a string; an empty cell leaves the key out.

    Every mistake is an :class:`InputError` naming ``file``, ``row``, the column and the value.
    """
    kinds = {f.name: f.kind for f in CLIENT_FIELDS} | {"days_per_week": "whole"}
    data: dict[str, Any] = {}
    try:
        check_roster_columns(cells, file=file)
        for column, text in cells.items():
            if not text.strip():
                continue
            match _roster_column(column):
                case ("targets", muscle, bound):
                    band = data.setdefault("targets", {}).setdefault(muscle, {})
                    band[bound] = _cell_value("number", text.strip())
                case ("priorities", muscle):
                    data.setdefault("priorities", {})[muscle] = _cell_value("number", text.strip())
                case _:
                    data[column] = _cell_value(kinds[column], text.strip())
        return client_from_mapping(data, file=file)
    except InputError as error:
        raise InputError(
            error.message, file=file, row=row, field=error.field, value=error.value
        ) from None


#: Client keys beyond PRODUCT.md's client file: written only when they hold something, so
#: a file without locks or swaps stays exactly what other tools of the contract read.
WRITTEN_WHEN_USED = ("lock", "swap", "sparring")


def client_to_mapping(client: Client) -> dict[str, Any]:
    """The TOML table of a client (inverse of :func:`client_from_mapping`)."""
    data: dict[str, Any] = {}
    for spec in CLIENT_FIELDS:
        value = getattr(client, spec.name)
        if spec.name in WRITTEN_WHEN_USED and not value:
            continue
        if spec.kind in ("days", "ids"):
            data[spec.name] = list(value)
        elif spec.kind == "number":
            data[spec.name] = int(value) if float(value).is_integer() else value
        elif spec.kind in ("optional_whole", "optional_number"):
            if value is not None:
                data[spec.name] = int(value) if float(value).is_integer() else value
        elif spec.kind == "targets":
            if value:
                data[spec.name] = {
                    muscle: {
                        bound: number
                        for bound, number in (("min", band.min_sets), ("max", band.max_sets))
                        if number is not None
                    }
                    for muscle, band in value.items()
                }
        elif spec.kind == "priorities":
            if value:
                data[spec.name] = dict(value)
        else:
            data[spec.name] = value
    return data


def validate_client(
    client: Client,
    library: Library,
    profiles: Mapping[str, SportProfile] | None = None,
    *,
    file: str = "client",
) -> Client:
    """Check every id a client names against the library and the sport profiles; return it.

    A band override that crosses the library's other bound (a min above the library's max) is
    bad input too: the message names the key and both values.
    """
    where = library.source or "the library"
    for item in client.equipment:
        if item not in library.equipment_ids:
            raise _fail(file, "equipment", item, f"'{item}' is not an equipment id in {where}")
    for key in ("require", "ban"):
        for item in getattr(client, key):
            if not library.has_exercise(item):
                raise _fail(file, key, item, f"'{item}' is not an exercise id in {where}")
    both = sorted(set(client.require) & set(client.ban))
    if both:
        raise _fail(file, "ban", both[0], f"'{both[0]}' is both required and banned")
    for key, placements in (("lock", client.locks), ("swap", client.swaps)):
        for placement in placements:
            if not library.has_exercise(placement.exercise_id):
                raise _fail(
                    file,
                    key,
                    str(placement),
                    f"'{placement.exercise_id}' in '{placement}' is not an exercise id in {where}",
                )
    for placement in client.locks:
        if placement.exercise_id in client.ban:
            raise _fail(file, "lock", str(placement), f"'{placement}' locks a banned exercise")
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
    profile = known[client.sport]
    for muscle, band in client.targets.items():
        muscle_row = library.muscle(muscle)
        base = profile.targets.get(muscle, Override())
        low = _first(band.min_sets, base.min_sets, muscle_row.min_sets)
        high = _first(band.max_sets, base.max_sets, muscle_row.max_sets)
        if low > high:
            bound = "min" if band.min_sets is not None else "max"
            raise _fail(
                file,
                f"targets.{muscle}.{bound}",
                band.min_sets if bound == "min" else band.max_sets,
                f"min {low:g} is above max {high:g} (the other bound comes from "
                f"{'the sport profile' if muscle in profile.targets else 'the library'})",
            )
    return client


def _first(*values: float | None) -> float:
    return next(v for v in values if v is not None)


def sport_from_mapping(profile_id: str, data: Mapping[str, Any], *, file: str) -> SportProfile:
    _unknown_keys(data, SPORT_KEYS, file)
    name = data.get("name", profile_id)
    description = data.get("description", "")
    if not isinstance(name, str) or not isinstance(description, str):
        raise _fail(file, "name", name, "name and description must be strings")
    patterns = _string_list(data.get("preferred_patterns", []), "preferred_patterns", file)
    for pattern in patterns:
        if pattern not in PATTERNS:
            raise _fail(
                file, "preferred_patterns", pattern, f"'{pattern}' is not a movement pattern"
            )
    staples = (
        _string_list(data["staples"], "staples", file) if "staples" in data else ARTICLE_STAPLES
    )
    specific = data.get("specific", {})
    if not isinstance(specific, Mapping):
        raise _fail(file, "specific", specific, "must be a table")
    _unknown_keys(specific, SPECIFIC_KEYS, file)
    return SportProfile(
        id=profile_id,
        name=name,
        description=description,
        preferred_patterns=patterns,
        targets=_overrides(data.get("targets", {}), file, "targets", ("min", "max", "target")),
        priorities=_priorities(data.get("priorities", {}), file),
        staples=staples,
        specific=SportSpecific(
            families=_string_list(specific.get("families", []), "specific.families", file),
            min_sets=float(
                check_number(
                    specific.get("min_sets", 0), "specific.min_sets", low=0, high=100, file=file
                )
            ),
            muscles=_string_list(specific.get("muscles", []), "specific.muscles", file),
            min_effective_sets=float(
                check_number(
                    specific.get("min_effective_sets", 0),
                    "specific.min_effective_sets",
                    low=0,
                    high=100,
                    file=file,
                )
            ),
            description=str(specific.get("description", "")),
            lifts=_lifts(specific.get("lifts", {}), file),
        ),
        standards=_standards(data.get("standards", {}), file),
        patterns=_pattern_goals(data.get("patterns", {}), file),
    )


def _pattern_goals(data: object, file: str) -> dict[str, tuple[float, float]]:
    """A profile's ``[patterns.<name>]`` tables: ``floor`` and ``target`` sets a week."""
    if not isinstance(data, Mapping):
        raise _fail(file, "patterns", data, f"{data!r} is not a table of patterns")
    goals = {}
    for name, goal in data.items():
        key = f"patterns.{name}"
        if not isinstance(goal, Mapping):
            raise _fail(file, key, goal, f"{goal!r} is not a table with floor and target")
        unknown = sorted(set(goal) - {"floor", "target"})
        if unknown:
            raise _fail(
                file,
                f"{key}.{unknown[0]}",
                goal[unknown[0]],
                f"unknown key '{unknown[0]}' (floor, target)",
            )
        floor = float(
            check_number(goal.get("floor", 0), f"{key}.floor", low=0, high=100, file=file)
        )
        target = float(
            check_number(goal.get("target", floor), f"{key}.target", low=0, high=100, file=file)
        )
        if floor > target:
            raise _fail(file, f"{key}.floor", floor, f"{floor:g} is above target {target:g}")
        goals[str(name)] = (floor, target)
    return goals


def _lifts(data: object, file: str) -> dict[str, int]:
    """A profile's ``[specific.lifts]`` table: exercise id = days a week (1..7)."""
    if not isinstance(data, Mapping):
        raise _fail(file, "specific.lifts", data, f"{data!r} is not a table of exercise = days")
    lifts = {}
    for exercise_id, days in data.items():
        key = f"specific.lifts.{exercise_id}"
        if not SLUG.match(str(exercise_id)):
            raise _fail(file, key, exercise_id, f"'{exercise_id}' is not an exercise id")
        lifts[str(exercise_id)] = int(check_number(days, key, low=1, high=7, whole=True, file=file))
    return lifts


def _standards(data: object, file: str) -> dict[str, float]:
    """A sport profile's ``[standards]`` table: ``Standards`` number fields by name, each
    checked as the field takes it, and checked together (a minimum of sets above the maximum)."""
    if not isinstance(data, Mapping):
        raise _fail(file, "standards", data, f"{data!r} is not a table of standard = number")
    overrides: dict[str, float] = {}
    for name, value in data.items():
        try:
            overrides[name] = check_standard(name, value)
        except InputError as error:
            raise _fail(file, f"standards.{name}", value, error.message) from None
    try:
        DEFAULT_STANDARDS.replace(**overrides)
    except InputError as error:
        raise _fail(file, f"standards.{error.field}", error.value, error.message) from None
    return overrides


SPORT_KEYS = (
    "name",
    "description",
    "preferred_patterns",
    "targets",
    "priorities",
    "staples",
    "specific",
    "standards",
    "patterns",
)
SPECIFIC_KEYS = ("families", "min_sets", "muscles", "min_effective_sets", "description", "lifts")


def floor_share(client: Client, full_minutes: float, full_sessions: float = 0.0) -> float:
    """The share of each library and sport-profile floor a week of ``client``'s length
    carries: whole from ``full_minutes`` of listed work a week and ``full_sessions``
    sessions (0: always whole), in proportion below the shorter of the two
    (``data/coaching.toml``, ``full_floor_minutes`` and ``full_floor_sessions``)."""
    weekly = client.work_minutes * len(client.weekdays)
    share = 1.0
    if full_minutes > 0:
        share = min(share, max(weekly, 0.0) / full_minutes)
    if full_sessions > 0:
        share = min(share, len(client.weekdays) / full_sessions)
    return share


#: How much faster a small muscle's floor shrinks in a short week: it carries the week's
#: share to this power (a week with half the time keeps half a prime mover's floor and a
#: quarter of a small muscle's). The blind reviews of rounds 18-20: in weeks of 25-75 minutes
#: the calves', the levator's and the upper trapezius's floors took the time of the hinge,
#: the press and the squat (band calf raises, neck extensions, Y raises in a one-session
#: week), where every coach left those muscles short and trained the prime movers.
SMALL_FLOOR_POWER = 2.0


def small_floor_share(share: float) -> float:
    """The share of a small muscle's floor a week carries when a prime mover's is
    ``share`` (:data:`SMALL_FLOOR_POWER`)."""
    return share if share >= 1.0 else share**SMALL_FLOOR_POWER


def _share_of(floor: float, share: float) -> float:
    """``floor`` x ``share`` to the nearest half set (effective sets come in halves)."""
    return floor if share >= 1.0 else round(floor * share * 2) / 2


def resolve_targets(
    library: Library,
    client: Client,
    profile: SportProfile | None = None,
    *,
    share: float = 1.0,
    prime: Collection[str] | None = None,
) -> dict[str, Target]:
    """Each muscle's weekly band: the library's, then the sport profile's, then the client's.

    Either bound of an override may be given alone; the dose aimed for is the library's (or
    the sport profile's), kept inside the resolved band. In ``posterior_chain`` scope the
    anterior muscles keep only their ceilings. The library's and the profile's floors carry
    ``share`` of their sets (:func:`floor_share`: less than 1 in a short week), or, for a
    muscle not in ``prime`` (when given), the smaller :func:`small_floor_share` (and none
    where that leaves less than a set); a floor the client sets is kept whole.
    """
    targets = {m.id: Target(m.min_sets, m.max_sets, m.target_sets) for m in library.muscles}
    if client.posterior_only:
        # Only the posterior work is planned here: the anterior muscles are trained elsewhere,
        # so they keep their ceilings (a hard limit) but no floor or dose to aim for.
        for row in library.muscles:
            if row.chain != "posterior":
                targets[row.id] = Target(0.0, row.max_sets, 0.0)
    _override(targets, profile.targets if profile else {})
    small = share if prime is None else small_floor_share(share)
    for muscle, old in targets.items():
        carried = share if prime is None or muscle in prime else small
        floor = _share_of(old.min_sets, carried)
        if carried < 1.0 and prime is not None and muscle not in prime and floor < 1.0:
            # Half a set is no dose a coach writes; it only buys a token exercise (round 21:
            # a bear crawl for the serratus's half set in a runner's two 25-minute sessions).
            floor = 0.0
        targets[muscle] = Target(floor, old.max_sets, old.target_sets)
    _override(targets, client.targets)
    return targets


def _override(targets: dict[str, Target], overrides: Mapping[str, Override]) -> None:
    """Apply ``overrides`` to ``targets`` in place, each bound given replacing the old one."""
    for muscle, band in overrides.items():
        old = targets[muscle]
        targets[muscle] = Target(
            old.min_sets if band.min_sets is None else band.min_sets,
            old.max_sets if band.max_sets is None else band.max_sets,
            old.target_sets if band.target_sets is None else band.target_sets,
        )


def resolve_priorities(
    library: Library, client: Client, profile: SportProfile | None = None
) -> dict[str, float]:
    """Weight of each muscle: 1, then the sport profile's, then the client's."""
    priorities = {m.id: 1.0 for m in library.muscles}
    for source in (profile.priorities if profile else {}, client.priorities):
        priorities.update(source)
    return priorities
