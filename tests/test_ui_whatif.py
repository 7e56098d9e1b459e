"""The what-if tools off the kernel's thread (issue 16, items 3 and 4): a sweep draws each
value as it lands and a control change stops it; another week like this and swap
replacements are searched on the worker and dropped when the choices change; the what-if
model works from what it is handed, with no dashboard behind it.

Real solves throughout. A :class:`Gate` only paces the real planner (one client at a time,
when the test says), as the kernel's event loop would see a slow solve."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

import pytest
from conftest import DATA

from workbench.client import Client, Kit, SportProfile
from workbench.iotools import read_client, read_kits
from workbench.library import Library
from workbench.optimize import SolveOptions
from workbench.planner import PlanResult
from workbench.planning import plan_stages
from workbench.problem import exclusion_reasons
from workbench.ui.debounce import asyncio_timer
from workbench.ui.model import DashboardModel
from workbench.ui.session import PlanCache, Planner, Subject
from workbench.ui.whatif_model import WhatIfModel, shortfall_planner
from workbench.ui.worker import PlanWorker

pytestmark = pytest.mark.usefixtures("solved_once")

HOME = DATA / "clients" / "home_kettlebell.toml"
DESK = DATA / "clients" / "desk_worker.toml"


class Gate:
    """The real planner, one client at a time: each planning waits for a permit."""

    def __init__(self, planner: Planner) -> None:
        self.planner = planner
        self.permits = threading.Semaphore(0)
        self.started: list[float] = []

    def __call__(
        self,
        library: Library,
        client: Client,
        profiles: Mapping[str, SportProfile],
        options: SolveOptions,
    ) -> Iterator[PlanResult]:
        self.started.append(client.minutes_per_session)
        assert self.permits.acquire(timeout=60), "the test never let this planning go"
        yield from self.planner(library, client, profiles, options)


def pump(model: DashboardModel, until: Callable[[], bool], seconds: float = 60) -> None:
    """Turn the kernel's loop (drain what the worker posted) until ``until()``."""
    deadline = time.monotonic() + seconds
    while not until():
        assert time.monotonic() < deadline, "timed out"
        model.plans.worker.drain()
        time.sleep(0.01)


@pytest.fixture(scope="module")
def kits(library: Library) -> dict[str, Kit]:
    return read_kits(library=library)


@pytest.fixture
def model(
    library: Library, profiles: dict[str, SportProfile], kits: dict[str, Kit], tmp_path: Path
) -> DashboardModel:
    """The home client planned; afterwards the worker's weeks wait in its inbox until the
    test drains them (a wake that does nothing: the kernel's loop has not turned)."""
    model = DashboardModel(
        library, profiles, kits, worker=PlanWorker(wake=lambda callback: None), base_folder=tmp_path
    )
    model.files.load_client(HOME)  # 45 min
    assert (
        model.wait(120)
        and model.plans.result is not None
        and model.plans.good is model.plans.result
    )
    return model


def bars(model: DashboardModel) -> list[str]:
    figure = model.whatif.sweep_figure
    return [] if figure is None else list(figure.data[0].x)


def test_a_full_sweep_draws_each_value_as_it_lands_and_a_change_stops_it(
    model: DashboardModel,
) -> None:
    gate = Gate(model.plans.planner)
    model.plans.planner = gate
    week = model.plans.good
    model.whatif.sweep_minutes(full=True)  # 30, 45 (the week on show: recalled), 60, 75
    assert model.whatif.sweeping and not model.plans.planning  # returned at once
    assert bars(model) == ["45"]  # the week on show, recalled: drawn at once
    assert model.whatif.sweep_status.startswith("Planning 30 min (2 of 4)… 1 drawn")
    gate.permits.release()  # 30 min lands
    pump(model, lambda: bars(model) == ["30", "45"])
    assert model.whatif.sweep_status.startswith("Planning 60 min (3 of 4)… 2 drawn")
    assert model.plans.good is week  # the sweep never touches the week on show
    pump(model, lambda: gate.started == [30, 60])  # 60 is being planned
    model.choices.minutes_per_session = 30  # planned by the sweep
    assert not model.whatif.sweeping and "Stopped" in model.whatif.sweep_status
    assert model.whatif.sweep_figure is None  # its values answer for the old choices
    model.flush()  # recalled on this thread: no solve, not queued behind the sweep
    assert model.plans.status.startswith("Week recalled") and not model.plans.planning
    assert (
        model.plans.good is not None and model.plans.good.problem.client.minutes_per_session == 30
    )
    for _ in range(3):
        gate.permits.release()
    assert model.wait(60)
    assert gate.started == [30, 60]  # 75 never planned; 60's week was dropped
    assert model.plans.good.problem.client.minutes_per_session == 30


def test_a_fast_sweep_shows_bars_one_by_one(model: DashboardModel) -> None:
    gate = Gate(shortfall_planner)
    model.whatif.quick_planner = gate
    model.whatif.sweep_minutes()  # 30, 45, 60, 75, the shortfall alone
    drawn: list[list[str]] = []
    model.whatif.observe(lambda change: drawn.append(bars(model)), names="sweep_figure")
    for count in range(1, 5):
        gate.permits.release()
        pump(model, lambda count=count: len(drawn) == count)
    assert drawn == [["30"], ["30", "45"], ["30", "45", "60"], ["30", "45", "60", "75"]]
    assert not model.whatif.sweeping
    assert model.whatif.sweep_status.startswith("4 shortfall-only plans at 30, 45, 60, 75 min")


def test_another_week_and_swaps_are_searched_on_the_worker_and_dropped_on_a_change(
    model: DashboardModel,
) -> None:
    week = model.plans.good
    assert week is not None and week.plan is not None
    model.whatif.another_week()
    job = model.whatif._job
    assert job is not None and model.whatif.busy  # returned at once, the search runs
    assert model.whatif.week_note == "Looking for another week like this…"
    model.choices.minutes_per_session = 50  # the coach moves on
    assert job.cancelled and not model.whatif.busy
    assert job.finished.wait(60)  # HiGHS stopped through its interrupt callbacks
    model.plans.worker.drain()
    assert model.plans.good is week and model.whatif.week_index == 0  # nothing shown from it

    model.choices.minutes_per_session = 45  # back: recalled
    model.flush()
    assert model.plans.good is week
    row = next(r for r in week.plan.entries if _has_a_sibling(week, r.exercise_id))
    model.whatif.ask_swap(row.exercise_id, row.weekday)
    assert model.whatif.busy and model.whatif.placement_note.startswith(
        "Looking for replacements for "
    )
    pump(model, lambda: not model.whatif.busy)
    assert model.whatif.candidates and model.whatif.swap_row == (row.exercise_id, row.weekday)

    model.whatif.ask_swap(row.exercise_id, row.weekday)
    job = model.whatif._job
    assert job is not None
    model.choices.toggle_weekday("Sat", True)
    assert job.cancelled and not model.whatif.busy and model.whatif.candidates == ()
    assert job.finished.wait(60)
    model.plans.worker.drain()
    assert model.whatif.candidates == () and model.whatif.swap_row == ()


def _has_a_sibling(week: PlanResult, exercise_id: str) -> bool:
    """Another exercise of the same family the client may do (a swap has one to offer)."""
    library, client = week.problem.library, week.problem.client
    family = library.exercise(exercise_id).family
    return any(
        e.family == family and e.id != exercise_id and not exclusion_reasons(e, client)
        for e in library.exercises
    )


def test_the_whatif_model_works_from_what_it_is_handed(
    library: Library, profiles: dict[str, SportProfile]
) -> None:
    """No dashboard: a subject, a planner, a cache, a worker and two callbacks."""
    client = read_client(DESK)
    options = SolveOptions()
    *_, week = plan_stages(library, client, profiles, options, file="dashboard")
    cache = PlanCache()
    shown: list[tuple[PlanResult, str]] = []
    chosen: list[Client] = []
    asked: list[bool] = []

    def subject() -> Subject | str:
        asked.append(True)
        return Subject(client, week, options)

    def planner(
        library: Library,
        client: Client,
        profiles: Mapping[str, SportProfile],
        options: SolveOptions,
    ) -> Iterator[PlanResult]:
        return plan_stages(library, client, profiles, options, file="dashboard")

    whatif = WhatIfModel(
        library,
        profiles,
        subject=subject,
        planner=planner,
        cache=cache,
        worker=PlanWorker(),  # no wake: each question waits for its answer
        show=lambda result, line: shown.append((result, line)),
        choose=chosen.append,
    )
    whatif.week = week
    whatif.sweep_minutes(full=True, values=(35, 40))
    assert whatif.sweep_status.startswith("2 full plans at 35, 40 min")
    assert len(cache) == 2  # the sweep's weeks, each the week a plan of them gives
    assert (client.evolve(minutes_per_session=35.0), options) in cache
    assert (client, options) in cache  # the desk worker's own 40 minutes
    whatif.another_week()
    if shown:
        other, line = shown[-1]
        assert other is not week and line.startswith("Week 2 of those found")
    else:
        assert whatif.week_note.startswith("No other week")
    assert week.plan is not None
    row = week.plan.entries[0]
    whatif.lock(row.exercise_id, row.weekday)
    assert chosen[-1].lock == (f"{row.exercise_id}@{row.weekday}",)
    assert asked  # every question asked for its subject; nothing else was read


def test_a_sweep_from_20_to_120_minutes_lands_value_by_value_on_a_free_event_loop(
    library: Library, profiles: dict[str, SportProfile], kits: dict[str, Kit], tmp_path: Path
) -> None:
    """A real event loop, the real solver, full plans of the desk worker at 20-120 minutes:
    the figure gains one value at a time while the loop keeps turning."""
    counts: list[int] = []
    turns: list[float] = []

    async def scenario() -> DashboardModel:
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
        model.set_client(read_client(DESK))
        while model.plans.planning:
            await asyncio.sleep(0.01)
        model.whatif.observe(lambda change: counts.append(len(bars(model))), "sweep_figure")
        model.whatif.sweep_minutes(full=True, values=(20, 40, 60, 80, 100, 120))
        last = time.perf_counter()
        while model.whatif.sweeping:
            await asyncio.sleep(0.01)
            now = time.perf_counter()
            turns.append(now - last)
            last = now
        return model

    model = asyncio.run(scenario())
    assert counts == [1, 2, 3, 4, 5, 6], counts
    assert model.whatif.sweep_status.startswith("6 full plans at 20, 40, 60, 80, 100, 120 min")
    # The loop turned every 10 ms or so while six weeks were planned on the worker (a turn
    # that draws the sweep's figure is the loop's own work; allow for a busy machine).
    assert len(turns) > 20 and max(turns) < 1.0, max(turns)
