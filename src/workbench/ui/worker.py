"""Planning off the kernel's thread.

A :class:`PlanWorker` runs staged planning on its own threads and hands each week it offers
back to the owner's thread through an inbox. It has two threads so that a new job never
queues behind one that was just cancelled and is still stopping (a HiGHS solve stops within
about 0.05-0.5 s of the cancel): only then do two solves share the machine's cores. The
dashboard starts a job only when none is running or after cancelling the one that is, so
two jobs that were not cancelled never run at once. ipywidgets' state may only change on the
kernel's thread, so nothing the worker finds touches a trait there: the inbox is drained on
the kernel's event loop (``wake`` is the loop's ``call_soon_threadsafe``), or by
:meth:`PlanWorker.wait` in a script or a test.

A job is cancelled cooperatively: the worker stops asking for stages as soon as it sees the
job's event, and :func:`~workbench.planning.interrupting` makes a HiGHS solve running then
stop through HiGHS's own interrupt callbacks. What a cancelled job had already posted is
dropped when drained, so it never replaces a newer week.
"""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Generic, TypeVar

from workbench.planning import interrupting

__all__ = ["Job", "PlanWorker", "Wake"]

T = TypeVar("T")

#: ``wake(callback)`` runs ``callback`` soon on the owner's thread (safe to call from any).
Wake = Callable[[Callable[[], None]], object]
#: How long :meth:`PlanWorker.wait` blocks on the inbox before looking at the job again [s].
POLL = 0.05
#: Threads of one worker: the job running, and one that was cancelled and is still stopping.
THREADS = 2


class Job(Generic[T]):
    """One planning run: cancel it, or ask whether it is over (every post made)."""

    def __init__(self) -> None:
        self.stop = threading.Event()
        self.finished = threading.Event()

    def cancel(self) -> None:
        self.stop.set()

    @property
    def cancelled(self) -> bool:
        return self.stop.is_set()


class PlanWorker:
    """Runs staged planning on one background thread; results come back through an inbox
    drained on the owner's thread (woken by ``wake``; without it, by :meth:`wait`)."""

    def __init__(self, wake: Wake | None = None) -> None:
        self.wake = wake
        self._executor = ThreadPoolExecutor(
            max_workers=THREADS, thread_name_prefix="workbench-plan"
        )
        self._inbox: queue.SimpleQueue[Callable[[], None]] = queue.SimpleQueue()
        self._jobs: list[Job[object]] = []  # started on this worker and not yet over

    def start(
        self,
        stages: Callable[[], Iterable[T]],
        offer: Callable[[Job[T], T], None],
        done: Callable[[Job[T], BaseException | None], None],
    ) -> Job[T]:
        """Run ``stages()`` on the worker thread; ``offer(job, item)`` for each item and then
        ``done(job, error)`` run on the owner's thread, in that order, never for items the
        worker produced after the job was cancelled."""
        job: Job[T] = Job()

        def run() -> None:
            error: BaseException | None = None
            try:
                with interrupting(job.stop):
                    iterator = iter(stages())
                    try:
                        for item in iterator:
                            if job.cancelled:
                                break
                            self._post(lambda item=item: offer(job, item))  # type: ignore[misc]
                    finally:
                        if isinstance(iterator, Iterator) and hasattr(iterator, "close"):
                            iterator.close()  # a generator stops between its stages
            except Exception as raised:  # handed to the owner, who logs or shows it
                error = raised
            finally:
                self._post(lambda: done(job, error))
                job.finished.set()

        self._jobs = [j for j in self._jobs if not j.finished.is_set()]
        self._jobs.append(job)  # type: ignore[arg-type]
        self._executor.submit(run)
        return job

    def _post(self, callback: Callable[[], None]) -> None:
        self._inbox.put(callback)
        if self.wake is not None:
            self.wake(self.drain)

    def drain(self) -> None:
        """Run every callback posted so far (on the owner's thread)."""
        while True:
            try:
                callback = self._inbox.get_nowait()
            except queue.Empty:
                return
            callback()

    @property
    def running(self) -> bool:
        """Whether a job started here has yet to post its last result."""
        return any(not job.finished.is_set() for job in self._jobs)

    def wait(self, timeout: float | None = None) -> bool:
        """Drain the inbox on this thread until every job started here is over; False when
        ``timeout`` [s] passed first."""
        deadline = None if timeout is None else time.monotonic() + timeout
        while self.running:
            left = None if deadline is None else deadline - time.monotonic()
            if left is not None and left <= 0:
                return False
            try:
                # A short wait at a time: the job may end with its last post drained elsewhere.
                callback = self._inbox.get(timeout=POLL if left is None else min(left, POLL))
            except queue.Empty:
                continue
            callback()
        self.drain()
        return True

    def shutdown(self) -> None:
        """Cancel every job and let the threads end (the kernel is going away)."""
        for job in self._jobs:
            job.cancel()
        self._executor.shutdown(wait=False, cancel_futures=True)
