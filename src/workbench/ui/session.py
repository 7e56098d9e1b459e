"""What the dashboard's parts share about planning: the planner, the cache of recent plans,
and the week a what-if question is asked about.

No widgets here. The dashboard's planning model
(:class:`~workbench.ui.planning_model.PlanningModel`) owns one :class:`PlanCache`; the
parent hands it, with the planner, to the parts that plan (the what-if tools; the idle
prefetch gets it from the planning model), so a week any of them planned is recalled by
all, never solved twice.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace

from workbench.client import Client, SportProfile
from workbench.library import Library
from workbench.optimize import SolveOptions
from workbench.planner import PlanResult

__all__ = ["CACHE_SIZE", "PlanCache", "Planner", "Subject", "slug"]

#: ``planner(library, client, profiles, options)``: the checked week at each stage of its
#: solve, the final one last (:func:`~workbench.planning.plan_stages`). Called on a worker
#: thread: it must touch no shared state.
Planner = Callable[
    [Library, Client, Mapping[str, SportProfile], SolveOptions], Iterable[PlanResult]
]
#: Recent plans kept per dashboard: the coach's own path, the weeks a sweep planned and the
#: likely next moves the idle prefetch planned (six a week).
CACHE_SIZE = 32


class PlanCache:
    """Recent plans by client and solver settings, least recently used dropped first.

    The same client and settings give the same plan (every stage ends at its proven gap, never
    on the clock), so a cached plan is exactly the one a solve would return. The name only
    labels, so it is not part of the key. Used on the owner's (kernel's) thread only.
    """

    def __init__(self, size: int = CACHE_SIZE) -> None:
        self.size = size
        # Each plan with the seconds its planning took (None: made elsewhere, e.g. a swap).
        self._plans: OrderedDict[tuple[Client, SolveOptions], tuple[PlanResult, float | None]] = (
            OrderedDict()
        )

    @staticmethod
    def _key(client: Client, options: SolveOptions) -> tuple[Client, SolveOptions]:
        return replace(client, name="Client"), options

    def __contains__(self, item: tuple[Client, SolveOptions]) -> bool:
        """Whether ``(client, options)`` is held (without counting as a use)."""
        return self._key(*item) in self._plans

    def __len__(self) -> int:
        return len(self._plans)

    def recall(
        self, client: Client, options: SolveOptions
    ) -> tuple[PlanResult, float | None] | None:
        """The plan for ``client`` and the seconds its planning took, if held."""
        key = self._key(client, options)
        found = self._plans.get(key)
        if found is not None:
            self._plans.move_to_end(key)
        return found

    def remember(
        self,
        client: Client,
        options: SolveOptions,
        result: PlanResult,
        seconds: float | None = None,
    ) -> None:
        """Keep the plan made for ``client`` with ``options`` (``seconds`` its planning took,
        when known)."""
        self._plans[self._key(client, options)] = (result, seconds)
        self._plans.move_to_end(self._key(client, options))
        while len(self._plans) > self.size:
            self._plans.popitem(last=False)


@dataclass(frozen=True)
class Subject:
    """What a what-if question is asked about: the client the controls describe, the checked
    week on show for it, and the solver settings."""

    client: Client
    week: PlanResult
    options: SolveOptions


def slug(text: str) -> str:
    """A file-name-safe lower-case id of a client name: "Sam (home)" -> "sam_home" (the
    names of the files the dashboard's parts export)."""
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_") or "client"
