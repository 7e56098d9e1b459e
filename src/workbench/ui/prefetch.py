"""Idle prefetch: while the coach looks at a finished week, plan the likely next moves.

No widgets here. After a week is on show and the dashboard has been idle for
:data:`IDLE_SECONDS`, :class:`Prefetch` plans the client at its minutes ±5 and ±15 and with
one training day more and one less (:func:`likely_moves`) into the dashboard's plan cache,
so that moving there is recalled, not solved. It plans on a worker of its own, so a coach's
request never waits in a queue behind it; any control change, a new plan or a what-if
question stops it at once (a HiGHS solve in flight through its interrupt callbacks, the
local search between two moves), and what it had not finished is dropped.

The prefetch uses the dashboard's own planner and settings, so a prefetched week is the
week a solve of those choices returns, byte for byte (every stage ends on its proven gap or
a work budget, never on the clock).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator, Mapping, Sequence

from workbench.client import Client, SportProfile
from workbench.errors import InputError
from workbench.library import Library
from workbench.optimize import SolveOptions
from workbench.planner import PlanResult
from workbench.ui.debounce import Cancellable, Timer, immediate_timer
from workbench.ui.session import PlanCache, Planner
from workbench.ui.whatif_model import MINUTES_RANGE
from workbench.ui.worker import Job, PlanWorker
from workbench.whatif import nested_weekdays

__all__ = ["DAY_STEPS", "IDLE_SECONDS", "MINUTE_STEPS", "Prefetch", "likely_moves"]

LOG = logging.getLogger(__name__)

#: Minutes a session the coach is likely to try next, nearest first [min]: the slider's
#: step either way, then three steps.
MINUTE_STEPS = (5, -5, 15, -15)
#: Training days a week the coach is likely to try next: one more, one less.
DAY_STEPS = (1, -1)
#: How long a finished week is on show, with nothing else to do, before the prefetch starts
#: [s]: a coach who is still moving controls is not interrupted by it.
IDLE_SECONDS = 1.0


def likely_moves(client: Client) -> list[Client]:
    """The client after each likely next move, most likely first: minutes ±5 and ±15 (within
    the dashboard's range), one training day more and one less (the day
    :func:`~workbench.whatif.nested_weekdays` adds or takes away: the one that leaves
    recovery the most room). Moves the client cannot take are left out."""
    moves: list[Client] = []
    low, high = MINUTES_RANGE
    for step in MINUTE_STEPS:
        minutes = client.minutes_per_session + step
        if low <= minutes <= high:
            moves.append(client.evolve(minutes_per_session=float(minutes)))
    for step in DAY_STEPS:
        days = len(client.weekdays) + step
        if not 1 <= days <= 7:
            continue
        try:
            moves.append(client.evolve(weekdays=nested_weekdays(days, client)))
        except InputError:
            continue  # e.g. one day fewer than the days its locks name
    return moves


class Prefetch:
    """Plans likely next moves into ``cache`` on ``worker`` (its own) while the dashboard is
    idle; :meth:`stop` stops it at once."""

    def __init__(
        self,
        library: Library,
        profiles: Mapping[str, SportProfile],
        planner: Planner,
        cache: PlanCache,
        worker: PlanWorker,
        *,
        timer: Timer | None = None,
        delay: float = IDLE_SECONDS,
        moves: Callable[[Client], Sequence[Client]] = likely_moves,
    ) -> None:
        self.library = library
        self.profiles = dict(profiles)
        self.planner = planner
        self.cache = cache
        self.worker = worker
        self.timer = timer
        self.delay = delay
        self.moves = moves
        #: Each client the prefetch planned, in order (what the cache gained).
        self.planned: list[Client] = []
        self._job: Job[tuple[Client, PlanResult, float]] | None = None
        self._handle: Cancellable | None = None

    @property
    def running(self) -> bool:
        """Whether a prefetch is planning (or waiting to start)."""
        return self._job is not None or self._handle is not None

    def schedule(self, client: Client, options: SolveOptions, idle: Callable[[], bool]) -> None:
        """Plan ``client``'s likely moves once the dashboard has been ``idle()`` for
        :attr:`delay` seconds (asked again later while it is busy). Without an event loop's
        timer (a script, a test: no timer, or one that runs at once) there is no idle time:
        nothing starts on its own; call :meth:`start`."""
        self.stop()
        if self.timer is None or self.timer is immediate_timer:
            return

        def fire() -> None:
            self._handle = None
            if idle():
                self.start(client, options)
            else:  # a what-if question or a solve is running: look again later
                self._handle = self.timer(self.delay, fire) if self.timer else None

        self._handle = self.timer(self.delay, fire)

    def start(self, client: Client, options: SolveOptions) -> Job[object] | None:
        """Plan the likely moves from ``client`` the cache lacks, now, on the worker; None
        when it holds them all."""
        self.stop()
        todo = [c for c in self.moves(client) if (c, options) not in self.cache]
        if not todo:
            return None
        planner, library, profiles = self.planner, self.library, self.profiles

        def stages() -> Iterator[tuple[Client, PlanResult, float]]:
            for variant in todo:
                began = time.perf_counter()
                try:
                    # Every stage: the worker looks at the stop between any two.
                    for result in planner(library, variant, profiles, options):
                        yield variant, result, time.perf_counter() - began
                except InputError:
                    continue  # a move these choices cannot take: the coach will see why there

        def landed(job: Job[tuple[Client, PlanResult, float]], item: tuple) -> None:
            variant, result, seconds = item
            if job is self._job and result.solved.final:
                self.cache.remember(variant, options, result, seconds)
                self.planned.append(variant)

        def done(job: Job[tuple[Client, PlanResult, float]], error: BaseException | None) -> None:
            if job is not self._job:
                return
            self._job = None
            if error is not None:
                LOG.error("the idle prefetch failed", exc_info=error)

        self._job = self.worker.start(stages, landed, done)
        return self._job  # type: ignore[return-value]

    def stop(self) -> None:
        """Stop at once: no start pending, the planning in flight cancelled (its weeks are
        dropped)."""
        if self._handle is not None:
            self._handle.cancel()
            self._handle = None
        if self._job is not None:
            self._job.cancel()
            self._job = None
