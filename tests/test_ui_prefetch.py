"""Idle prefetch (issue 16, item 2): while the coach looks at a finished week, the likely next
moves are planned into the plan cache, so moving there is recalled, not solved; a control
change, a new plan or a what-if question stops it at once, and a coach's request never waits
behind it. Real solves; a :class:`Gate` only holds a planning where the test says."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Iterator, Mapping
from pathlib import Path

import pytest
from conftest import DATA

from workbench.client import Client, Kit, SportProfile
from workbench.iotools import read_client, read_kits
from workbench.library import Library
from workbench.optimize import SolveOptions
from workbench.planner import PlanResult
from workbench.ui.debounce import asyncio_timer
from workbench.ui.model import DashboardModel
from workbench.ui.prefetch import likely_moves
from workbench.ui.session import Planner
from workbench.ui.worker import PlanWorker

pytestmark = pytest.mark.usefixtures("solved_once")

HOME = DATA / "clients" / "home_kettlebell.toml"


class Counting:
    """The real planner, counting the plannings asked of it (and where from)."""

    def __init__(self, planner: Planner) -> None:
        self.planner = planner
        self.asked: list[tuple[float, tuple[str, ...], str]] = []
        self.gate: threading.Semaphore | None = None

    def __call__(
        self,
        library: Library,
        client: Client,
        profiles: Mapping[str, SportProfile],
        options: SolveOptions,
    ) -> Iterator[PlanResult]:
        self.asked.append(
            (client.minutes_per_session, client.weekdays, threading.current_thread().name)
        )
        if self.gate is not None:
            assert self.gate.acquire(timeout=60), "the test never let this planning go"
        yield from self.planner(library, client, profiles, options)


@pytest.fixture(scope="module")
def kits(library: Library) -> dict[str, Kit]:
    return read_kits(library=library)


def test_the_likely_moves_are_minutes_five_and_fifteen_either_way_and_a_day() -> None:
    client = read_client(HOME)  # 45 min, Mon Wed Fri
    moves = likely_moves(client)
    assert [m.minutes_per_session for m in moves[:4]] == [50, 40, 60, 30]
    assert all(m.weekdays == client.weekdays for m in moves[:4])
    more, fewer = moves[4:]
    assert set(client.weekdays) < set(more.weekdays) and len(more.weekdays) == 4
    assert set(fewer.weekdays) < set(client.weekdays) and len(fewer.weekdays) == 2
    assert all(
        m.evolve(minutes_per_session=45.0, weekdays=client.weekdays) == client for m in moves
    )
    # At the edge of the dashboard's range and of the week: only the moves it allows.
    edge = client.evolve(minutes_per_session=10.0, weekdays=("Mon",))
    assert [(m.minutes_per_session, len(m.weekdays)) for m in likely_moves(edge)] == [
        (15, 1),
        (25, 1),
        (10, 2),
    ]


def test_after_idle_prefetch_five_more_minutes_are_recalled_and_cost_no_solve(
    library: Library, profiles: dict[str, SportProfile], kits: dict[str, Kit], tmp_path: Path
) -> None:
    """On a real event loop: the week lands, the coach looks at it, the prefetch plans the
    likely moves on its own thread; then +5 minutes is a recall, no planning asked."""
    seen: dict[str, object] = {}

    async def scenario() -> None:
        loop = asyncio.get_running_loop()
        model = DashboardModel(
            library,
            profiles,
            kits,
            timer=asyncio_timer,
            delay=0.05,
            worker=PlanWorker(wake=loop.call_soon_threadsafe),
            base_folder=tmp_path,
        )
        counting = Counting(model.plans.planner)
        model.plans.planner = counting
        model.plans.prefetch.delay = 0.2
        model.set_client(read_client(HOME))
        deadline = time.monotonic() + 300
        # The week lands, then the prefetch starts by itself and plans all six moves.
        while (
            model.plans.planning
            or model.plans.prefetch.running
            or len(model.plans.prefetch.planned) < 6
        ):
            assert time.monotonic() < deadline, (model.plans.prefetch.planned, model.plans.planning)
            await asyncio.sleep(0.02)
        seen["prefetched"] = [
            (c.minutes_per_session, len(c.weekdays)) for c in model.plans.prefetch.planned
        ]
        seen["threads"] = {name for _, _, name in counting.asked[1:]}
        asked = len(counting.asked)
        model.choices.minutes_per_session = 50
        while model.plans.debouncer.pending:
            await asyncio.sleep(0.01)
        seen["planning"] = model.plans.planning
        seen["status"] = model.plans.status
        seen["asked"] = len(counting.asked) - asked
        seen["minutes"] = (
            model.plans.good.problem.client.minutes_per_session if model.plans.good else None
        )
        model.plans.prefetch.stop()

    asyncio.run(scenario())
    assert seen["prefetched"] == [(50, 3), (40, 3), (60, 3), (30, 3), (45, 4), (45, 2)]
    assert all(name.startswith("workbench-plan") for name in seen["threads"])  # type: ignore[attr-defined]
    assert str(seen["status"]).startswith("Week recalled"), seen["status"]
    assert seen["asked"] == 0 and seen["planning"] is False and seen["minutes"] == 50


def test_a_change_stops_the_prefetch_at_once_and_the_coach_never_waits_behind_it(
    library: Library, profiles: dict[str, SportProfile], kits: dict[str, Kit], tmp_path: Path
) -> None:
    """The prefetch is held inside a planning (a solve that would not stop): the coach's
    change cancels it at once, and the coach's own week is planned and shown while the
    prefetch is still held (its own worker: nothing queues behind it). What it had not
    finished is dropped; nothing after it is planned."""
    model = DashboardModel(
        library, profiles, kits, worker=PlanWorker(wake=lambda callback: None), base_folder=tmp_path
    )
    model.files.load_client(HOME)
    assert model.wait(120)
    held = Counting(model.plans.planner)
    held.gate = threading.Semaphore(0)
    model.plans.prefetch.planner = held
    job = model.plans.prefetch.start(model.choices.client(), model.choices.options())
    assert job is not None
    deadline = time.monotonic() + 30
    while not held.asked:
        assert time.monotonic() < deadline
        time.sleep(0.01)
    assert held.asked[0][0] == 50  # held in the +5 minutes' planning
    model.choices.minutes_per_session = 55
    assert job.cancelled and not model.plans.prefetch.running  # at the change, before the debounce
    model.flush()  # the coach's week, on the coach's worker
    deadline = time.monotonic() + 120
    while model.plans.planning:
        assert time.monotonic() < deadline, "the coach's week waited behind the prefetch"
        model.plans.worker.drain()
        time.sleep(0.01)
    assert (
        model.plans.result is not None
        and model.plans.result.problem.client.minutes_per_session == 55
    )
    assert model.plans.status.startswith("Week planned") and not job.finished.is_set()
    held.gate.release()  # the held planning goes on, sees the stop, and ends
    assert job.finished.wait(60)
    model.plans.prefetch.worker.drain()
    assert [minutes for minutes, _, _ in held.asked] == [50]  # nothing after it
    assert (
        model.choices.client().evolve(minutes_per_session=50.0),
        model.choices.options(),
    ) not in model.plans.cache

    # A what-if question goes first too.
    model.plans.prefetch.planner = Counting(model.plans.planner)
    job = model.plans.prefetch.start(model.choices.client(), model.choices.options())
    assert job is not None
    model.whatif.sweep_minutes()  # the shortfall at 30-75 min
    assert job.cancelled and not model.plans.prefetch.running
    assert model.wait(120) and model.whatif.sweep_figure is not None
