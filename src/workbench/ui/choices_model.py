"""The client's choices on the dashboard: one trait per field of :class:`~workbench.client.Client`,
the solver's settings, and the actions that change them.

No widgets here, and no planning: the model holds what the controls show and counts each
change the coach makes in :attr:`ChoicesModel.changes`; the parent
(:class:`~workbench.ui.model.DashboardModel`) re-plans on that count. A client shown with
:meth:`ChoicesModel.apply` (loaded, a lock, a swap) is not counted: the parent re-plans it at
once, without the debounce.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

import traitlets as t

from workbench.client import (
    CLIENT_FIELDS,
    Client,
    ClientField,
    Kit,
    Override,
    Placement,
    SportProfile,
    resolve_priorities,
    resolve_targets,
)
from workbench.errors import InputError
from workbench.glossary import WEEKDAYS, session_warmup
from workbench.library import Library
from workbench.optimize import SOLVERS, SolveOptions
from workbench.ui.whatif_model import placement_words

__all__ = ["CONTROLS", "TIME_LIMIT", "ChoicesModel", "ClientTraits"]

#: Traits that change the plan; a change to any of them asks for a re-plan: the client's
#: fields (the name only labels), then the solver's.
CONTROLS = (
    *(spec.name for spec in CLIENT_FIELDS if spec.name != "name"),
    "solver",
    "time_limit",
)
#: Default cap on a dashboard solve [s]; 0 means none: every stage to its proven gap, so the
#: dashboard shows the same plan as ``workbench plan`` for the same client.
TIME_LIMIT = 0.0


def _trait(spec: ClientField, default: Any) -> t.TraitType:
    """The trait that holds one client field in the dashboard."""
    if spec.kind in ("days", "ids"):
        return t.Tuple(default_value=tuple(default))
    if spec.kind == "number":
        return t.Float(float(default))
    if spec.kind == "whole":
        return t.Int(int(default))
    if spec.kind == "optional_whole":
        return t.Int(default, allow_none=True)
    if spec.kind == "optional_number":
        return t.Float(default, allow_none=True)
    if spec.kind == "choice":
        return t.Enum(spec.choices, default_value=default)
    if spec.kind in ("targets", "priorities"):
        return t.Dict()  # muscle id -> Override / weight, the client's own overrides
    return t.Unicode(default)


_DEFAULT = Client()
#: The client's choices as traits, one per field of :class:`Client` (derived, never listed).
ClientTraits = type(
    "ClientTraits",
    (t.HasTraits,),
    {spec.name: _trait(spec, getattr(_DEFAULT, spec.name)) for spec in CLIENT_FIELDS},
)


class ChoicesModel(ClientTraits):  # type: ignore[misc, valid-type]
    """What the controls describe: the client, the solver's settings, what they resolve to."""

    if TYPE_CHECKING:  # the client's traits, as ClientTraits makes them
        name: str
        weekdays: tuple[str, ...]
        minutes_per_session: float
        equipment: tuple[str, ...]
        level: str
        sport: str
        avoid: tuple[str, ...]
        require: tuple[str, ...]
        ban: tuple[str, ...]
        min_sets_per_exercise: int
        max_sets_per_exercise: int
        max_exercises_per_session: int | None
        warmup_minutes: float | None
        scope: str
        targets: dict[str, Override]
        priorities: dict[str, float]
        lock: tuple[str, ...]
        swap: tuple[str, ...]
        sparring: tuple[str, ...]

    # The client's choices are the traits of ClientTraits; the solver's follow.
    solver = t.Enum(SOLVERS, default_value="highs")
    time_limit = t.Float(TIME_LIMIT)  # [s], 0 = until proven optimal

    # What the choices resolve to (for the view's target and priority controls).
    resolved_targets = t.Dict()
    resolved_priorities = t.Dict()
    kit = t.Unicode("")  # the kit whose equipment is exactly the client's, if any

    #: Changes the coach made to the choices, counted (the parent re-plans on each).
    changes = t.Int(0)
    #: The latest action on the choices that failed (an unknown kit), one line; empty when
    #: it worked. The parent shows it in the page's error line.
    error = t.Unicode("")

    def __init__(
        self,
        library: Library,
        profiles: Mapping[str, SportProfile],
        kits: Mapping[str, Kit] | None = None,
        **traits: Any,
    ) -> None:
        self.library = library
        self.profiles = dict(profiles)
        self.kits = dict(kits or {})
        self._applying = False
        super().__init__(**traits)
        self._resolve()
        self.observe(self._changed, names=list(CONTROLS))

    def client(self) -> Client:
        """The client the controls describe; raises InputError for an impossible value."""
        values: dict[str, Any] = {spec.name: getattr(self, spec.name) for spec in CLIENT_FIELDS}
        values["name"] = self.name.strip() or "Client"
        values["weekdays"] = tuple(d for d in WEEKDAYS if d in self.weekdays)
        return Client(**values)

    def options(self) -> SolveOptions:
        """The solver's settings (a time limit of 0: none)."""
        return SolveOptions(solver=self.solver, time_limit=self.time_limit or None)

    def shown_name(self, fallback: str) -> str:
        """The client's name as typed, else ``fallback`` (a rename needs no re-plan)."""
        return self.name.strip() or fallback

    @contextmanager
    def _quiet(self) -> Iterator[None]:
        """Changes made inside are not the coach's: they are not counted one by one."""
        self._applying = True
        try:
            with self.hold_trait_notifications():
                yield
        finally:
            self._applying = False

    def apply(self, client: Client) -> None:
        """Show ``client`` in the controls (not counted: the parent re-plans it at once)."""
        with self._quiet():
            for spec in CLIENT_FIELDS:
                value = getattr(client, spec.name)
                if spec.kind in ("targets", "priorities"):
                    value = dict(value)
                setattr(self, spec.name, value)
        self._resolve()

    def _changed(self, change: object = None) -> None:
        del change
        if self._applying:
            return
        self._resolve()
        self.changes += 1

    def _resolve(self) -> None:
        """What the sport profile and the overrides make of each muscle's band and weight,
        and the kit the equipment matches. Overrides that do not resolve keep the last
        resolution: the re-plan that follows says why, in the page's error line."""
        profile = self.profiles.get(self.sport)
        try:
            client = Client(targets=self.targets, priorities=self.priorities)
        except InputError:
            return
        self.resolved_targets = {
            m: (band.min_sets, band.max_sets)
            for m, band in resolve_targets(self.library, client, profile).items()
        }
        self.resolved_priorities = resolve_priorities(self.library, client, profile)
        equipment = set(self.equipment)
        self.kit = next((k.id for k in self.kits.values() if set(k.equipment) == equipment), "")

    # ----- the coach's actions -----------------------------------------------------------

    def set_sets_per_exercise(self, low: int, high: int) -> None:
        """Both bounds of the sets per exercise and session at once (one re-plan)."""
        with self.hold_trait_notifications():
            self.min_sets_per_exercise = int(low)
            self.max_sets_per_exercise = int(high)

    @property
    def warmup(self) -> float:
        """The warm-up the client's sessions get: their own, else the default [min]."""
        return session_warmup(self.warmup_minutes, self.minutes_per_session)

    def set_warmup(self, minutes: float) -> None:
        """A warm-up the coach chose: the client's own from now on, unless it is the default
        for the session's length already (the client file then stays without it)."""
        if float(minutes) != self.warmup:
            self.warmup_minutes = float(minutes)

    def toggle_weekday(self, weekday: str, on: bool) -> None:
        days = set(self.weekdays) | {weekday} if on else set(self.weekdays) - {weekday}
        self.weekdays = tuple(d for d in WEEKDAYS if d in days)

    def toggle_item(self, trait: str, item: str, on: bool) -> None:
        """Add or drop one id of a list control (``equipment``, ``avoid``), keeping the rest."""
        current = tuple(getattr(self, trait))
        if on and item not in current:
            setattr(self, trait, (*current, item))
        elif not on and item in current:
            setattr(self, trait, tuple(i for i in current if i != item))

    def apply_kit(self, kit_id: str) -> None:
        """Set the equipment to a named kit's (see ``data/kits.toml``)."""
        self.error = ""
        if kit_id not in self.kits:
            self.error = f"'{kit_id}' is not a kit ({', '.join(self.kits)})"
            return
        self.equipment = tuple(self.kits[kit_id].equipment)

    def add_exercise(self, kind: str, exercise_id: str | None) -> None:
        """Add an exercise id to ``require`` or ``ban`` (and drop it from the other)."""
        if not exercise_id:
            return
        other = "ban" if kind == "require" else "require"
        with self.hold_trait_notifications():
            setattr(self, other, tuple(e for e in getattr(self, other) if e != exercise_id))
            if exercise_id not in getattr(self, kind):
                setattr(self, kind, (*getattr(self, kind), exercise_id))

    def set_target(self, muscle_id: str, low: float, high: float) -> None:
        """Override a muscle's weekly band [sets/week]; the default band clears the override."""
        targets = dict(self.targets)
        default = self._default_target(muscle_id)
        if (default.min_sets, default.max_sets) == (float(low), float(high)):
            targets.pop(muscle_id, None)
        else:
            targets[muscle_id] = Override(float(low), float(high))
        self.targets = targets

    def set_priority(self, muscle_id: str, weight: float) -> None:
        """Override a muscle's shortfall weight; the default weight clears the override."""
        priorities = dict(self.priorities)
        profile = self.profiles.get(self.sport)
        default = profile.priorities.get(muscle_id, 1.0) if profile else 1.0
        if float(weight) == default:
            priorities.pop(muscle_id, None)
        else:
            priorities[muscle_id] = float(weight)
        self.priorities = priorities

    def reset_overrides(self) -> None:
        """Drop every per-muscle target and priority override (one change, counted even when
        there was none: the coach asked for the profile's week)."""
        with self._quiet():
            self.targets = {}
            self.priorities = {}
        self._resolve()
        self.changes += 1

    def _default_target(self, muscle_id: str) -> Override:
        profile = self.profiles.get(self.sport)
        band = resolve_targets(self.library, Client(), profile)[muscle_id]
        return Override(band.min_sets, band.max_sets)

    # ----- locks and swaps ---------------------------------------------------------------

    def placements(self) -> list[tuple[str, str, str]]:
        """The client's locks and swaps as (kind, exercise@Day, words), locks first."""
        rows = []
        for kind, verb in (("lock", "Locked"), ("swap", "Swapped out")):
            for text in getattr(self, kind):
                try:
                    words = placement_words(self.library, Placement.parse(text, kind))
                except InputError:
                    words = text
                rows.append((kind, text, f"{verb}: {words}"))
        return rows

    def remove_placement(self, kind: str, text: str) -> None:
        """Drop one lock (``kind="lock"``) or swap (``"swap"``) ``exercise@Day``; re-plans."""
        setattr(self, kind, tuple(p for p in getattr(self, kind) if p != text))
