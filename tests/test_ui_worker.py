"""The dashboard never blocks (issue 16, item 2): solves run on a worker thread, each checked
week is shown as it lands and marked improving, a control change cancels the solve in
flight and a cancelled solve never replaces a newer week, and the kernel's event loop stays
free while HiGHS works."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest
from conftest import DATA

from workbench.client import Client, SportProfile
from workbench.iotools import read_client, read_kits
from workbench.library import Library
from workbench.optimize import Milestone, SolveOptions
from workbench.planner import PlanResult
from workbench.planning import plan_stages
from workbench.ui.debounce import asyncio_timer
from workbench.ui.model import DashboardModel
from workbench.ui.worker import PlanWorker

HOME = DATA / "clients" / "home_kettlebell.toml"


@pytest.fixture(scope="module")
def staged(library: Library, profiles: dict[str, SportProfile]) -> dict[float, list[PlanResult]]:
    """The real weeks the planner offers for the home client at 45 and 55 minutes."""
    client = read_client(HOME)
    return {
        minutes: list(
            plan_stages(
                library,
                client.evolve(minutes_per_session=minutes),
                profiles,
                SolveOptions(),
                file="dashboard",
            )
        )
        for minutes in (45.0, 55.0)
    }


class SlowPlanner:
    """Offers the real weeks, but holds the 45-minute solve after its first week until the
    test opens the gate (a long week, still proving)."""

    def __init__(self, staged: dict[float, list[PlanResult]]) -> None:
        self.staged = staged
        self.gate = threading.Event()
        self.held = threading.Event()
        self.finished: list[float] = []

    def __call__(
        self,
        library: Library,
        client: Client,
        profiles: Mapping[str, SportProfile],
        options: SolveOptions,
    ) -> Iterator[PlanResult]:
        first, *rest = self.staged[client.minutes_per_session]
        yield first
        if client.minutes_per_session == 45:
            self.held.set()
            assert self.gate.wait(30)
        yield from rest
        self.finished.append(client.minutes_per_session)


def _model(
    library: Library,
    profiles: dict[str, SportProfile],
    planner: SlowPlanner,
    tmp_path: Path,
) -> DashboardModel:
    # A wake that does nothing: the weeks wait in the inbox until the test drains them, as
    # they wait for the kernel's event loop to turn.
    return DashboardModel(
        library,
        profiles,
        read_kits(library=library),
        planner=planner,
        worker=PlanWorker(wake=lambda callback: None),
        base_folder=tmp_path,
    )


def test_the_first_checked_week_shows_improving_then_a_change_cancels_the_solve(
    library: Library,
    profiles: dict[str, SportProfile],
    staged: dict[float, list[PlanResult]],
    tmp_path: Path,
) -> None:
    planner = SlowPlanner(staged)
    model = _model(library, profiles, planner, tmp_path)
    shown: list[PlanResult] = []
    model.plans.observe(lambda change: shown.append(change.new), names="good")
    model.files.load_client(HOME)  # 45 min: returns at once, the solve runs on the worker
    assert planner.held.wait(10)
    model.plans.worker.drain()  # the kernel's loop turns
    first = staged[45.0][0]
    assert first.solved.milestone is Milestone.COVERAGE
    assert model.plans.good is first and model.plans.busy and model.plans.planning
    assert "improving" in model.plans.status and model.figures.shown["coverage"].data
    model.choices.minutes_per_session = 55  # while the 45-minute week is still proving
    assert not model.plans.planning  # cancelled at the change, not after the debounce
    model.flush()  # the new solve waits behind the held one (one worker)
    planner.gate.set()
    assert model.wait(30)
    final = staged[55.0][-1]
    assert model.plans.good is final and model.plans.result is final
    assert model.plans.status.startswith("Week planned") and "improving" not in model.plans.status
    assert not model.plans.busy and not model.plans.planning
    # The held solve stopped at its next stage: no later week of it was offered or shown.
    assert 45.0 not in planner.finished
    assert all(r.problem.client.minutes_per_session == 55 for r in shown[1:])


def test_a_week_posted_by_a_cancelled_solve_never_replaces_a_newer_one(
    library: Library,
    profiles: dict[str, SportProfile],
    staged: dict[float, list[PlanResult]],
    tmp_path: Path,
) -> None:
    """The old solve finished and posted its final week, but the loop had not turned when
    the coach changed a control: drained after the change, that week is dropped."""
    planner = SlowPlanner(staged)
    model = _model(library, profiles, planner, tmp_path)
    model.files.load_client(HOME)
    assert planner.held.wait(10)
    job = model.plans._job
    planner.gate.set()
    assert job is not None and job.finished.wait(10)  # every week of 45 min is in the inbox
    model.choices.minutes_per_session = 55
    model.plans.worker.drain()  # the 45-minute weeks arrive after the change
    assert model.plans.good is None and model.plans.result is None  # every 45-minute week dropped
    model.flush()
    assert model.wait(30)
    assert model.plans.result is staged[55.0][-1] and model.plans.good is staged[55.0][-1]


def test_a_recalled_week_needs_no_worker(
    library: Library,
    profiles: dict[str, SportProfile],
    staged: dict[float, list[PlanResult]],
    tmp_path: Path,
) -> None:
    planner = SlowPlanner(staged)
    planner.gate.set()
    model = _model(library, profiles, planner, tmp_path)
    model.files.load_client(HOME)
    assert model.wait(30) and model.plans.result is staged[45.0][-1]
    model.choices.minutes_per_session = 55
    model.flush()
    assert model.wait(30)
    model.choices.minutes_per_session = 45
    model.flush()  # recalled on this thread: shown before flush returns, no solve started
    assert not model.plans.planning and model.plans.result is staged[45.0][-1]
    assert model.plans.status.startswith("Week recalled")


def test_the_kernel_loop_stays_free_while_the_worker_solves(
    library: Library, profiles: dict[str, SportProfile], tmp_path: Path
) -> None:
    """A real event loop, the real solver: while a week is planned on the worker, the loop
    keeps turning (no turn waits long), a control change is handled at once and cancels the
    solve, and the week that lands is the one for the new choices."""
    turns: list[float] = []
    handled: list[bool] = []

    async def scenario() -> DashboardModel:
        loop = asyncio.get_running_loop()
        model = DashboardModel(
            library,
            profiles,
            read_kits(library=library),
            timer=asyncio_timer,
            delay=0.05,
            worker=PlanWorker(wake=loop.call_soon_threadsafe),
            base_folder=tmp_path,
        )
        model.set_client(read_client(HOME).evolve(minutes_per_session=50))
        assert model.plans.planning
        # Building an offered week's figures is the loop's own work (widgets change on the
        # kernel's thread), not a wait on the solve: its time is taken out of the turn.
        drawing: list[float] = []
        build = model.plans.build_figures

        def timed_build() -> Any:
            began = time.perf_counter()
            built = build()
            drawing.append(time.perf_counter() - began)
            return built

        model.plans.build_figures = timed_build  # type: ignore[method-assign]
        changed = False
        last = time.perf_counter()
        while model.plans.planning or model.plans.debouncer.pending:
            await asyncio.sleep(0.01)
            now = time.perf_counter()
            turns.append(now - last - sum(drawing))
            drawing.clear()
            last = now
            if not changed and model.plans.good is not None:  # the first checked week is drawn
                assert "improving" in model.plans.status
                # After the dashboard's own handler of the change (observers run in order).
                model.choices.observe(
                    lambda change: handled.append(model.plans.planning), names="changes"
                )
                model.choices.equipment = tuple(
                    e for e in model.choices.equipment if e != "kettlebell"
                )
                handled.append(model.plans.planning)  # the handler ran on this turn
                changed = True
            assert time.perf_counter() - last < 60
        return model

    model = asyncio.run(scenario())
    assert handled and not handled[0]  # the change cancelled the solve at once
    assert model.plans.result is not None and model.plans.result.solved.final
    assert "kettlebell" not in model.plans.result.problem.client.equipment
    assert model.plans.good is model.plans.result and model.plans.status.startswith("Week planned")
    # The loop turned every 10 ms or so; no turn waited on a solve (the GIL is shared with
    # the worker's model building, so allow a generous margin on a busy machine); the time
    # spent drawing a week's figures is the loop's own work and is not counted.
    assert len(turns) > 20 and max(turns) < 0.5, max(turns)
