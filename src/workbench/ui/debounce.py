"""Coalescing bursts of control changes into one re-plan.

A :class:`Debouncer` waits ``delay`` seconds after the last :meth:`~Debouncer.trigger`
before running its action. *When* it runs is delegated to a timer function so tests can
drive it in plain Python: with no timer the action waits for :meth:`~Debouncer.flush`.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Protocol

__all__ = ["Cancellable", "Debouncer", "Timer", "asyncio_timer", "immediate_timer"]


class Cancellable(Protocol):
    def cancel(self) -> object: ...


#: ``timer(delay, callback)`` schedules ``callback`` after ``delay`` [s] and returns a handle.
Timer = Callable[[float, Callable[[], None]], Cancellable]


class _Done:
    def cancel(self) -> None:
        return None


def immediate_timer(delay: float, callback: Callable[[], None]) -> Cancellable:
    """Run at once (a plain script with no event loop)."""
    del delay
    callback()
    return _Done()


def asyncio_timer(delay: float, callback: Callable[[], None]) -> Cancellable:
    """Run on the running event loop: in a Jupyter kernel, between widget messages, on the
    kernel's own thread, so widget updates need no locking."""
    return asyncio.get_running_loop().call_later(delay, callback)


def default_timer() -> Timer:
    """The event loop's timer inside a kernel, otherwise run at once."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return immediate_timer
    return asyncio_timer


class Debouncer:
    """Run ``action`` once, ``delay`` [s] after the last of a burst of triggers."""

    def __init__(
        self, action: Callable[[], None], delay: float = 0.3, timer: Timer | None = None
    ) -> None:
        self.action = action
        self.delay = delay
        self.timer = timer
        self.runs = 0
        self._handle: Cancellable | None = None
        self._pending = False

    @property
    def pending(self) -> bool:
        return self._pending

    def trigger(self) -> None:
        """Ask for a run; an earlier request not yet run is folded into this one."""
        if self._handle is not None:
            self._handle.cancel()
            self._handle = None
        self._pending = True
        if self.timer is not None:
            self._handle = self.timer(self.delay, self._fire)

    def flush(self) -> bool:
        """Run now if a run is pending; True when it ran."""
        if self._handle is not None:
            self._handle.cancel()
            self._handle = None
        if not self._pending:
            return False
        self._fire()
        return True

    def cancel(self) -> None:
        if self._handle is not None:
            self._handle.cancel()
        self._handle = None
        self._pending = False

    def _fire(self) -> None:
        self._handle = None
        if not self._pending:
            return
        self._pending = False
        self.runs += 1
        self.action()
