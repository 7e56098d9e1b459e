"""What more time buys, as the dashboard runs it: full plans over 20-120 minutes a session for
each example client, on a real event loop, the sweep on the worker thread.

For each client: the seconds until each value's week was drawn into the sweep figure (from
the click), the whole sweep against the issue's 60 s, and the longest turn of the event loop
meanwhile (the kernel stays free while the worker plans). The idle prefetch is off, so the
sweep has the machine to itself. Prints the 1-minute load average beside each row.

    .venv/bin/python benchmarks/sweep_dashboard.py [--values 20,40,60,80,100,120]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import time

from workbench import iotools
from workbench.ui.debounce import asyncio_timer
from workbench.ui.model import DashboardModel
from workbench.ui.worker import PlanWorker

CLIENTS = ("home_kettlebell", "desk_worker", "fighter", "full_gym")
GOAL = 60.0  # [s] the whole sweep


async def sweep(name: str, values: tuple[float, ...]) -> tuple[list[float], float, float]:
    library = iotools.read_library()
    profiles = iotools.read_sport_profiles(library=library)
    loop = asyncio.get_running_loop()
    model = DashboardModel(
        library,
        profiles,
        iotools.read_kits(library=library),
        timer=asyncio_timer,
        worker=PlanWorker(wake=loop.call_soon_threadsafe),
    )
    model.plans.prefetch.timer = None  # no idle prefetch: the sweep alone
    model.set_client(iotools.read_client(iotools.shipped_data_dir() / "clients" / f"{name}.toml"))
    while model.plans.planning:
        await asyncio.sleep(0.02)
    landed: list[float] = []
    started = time.perf_counter()
    model.whatif.observe(
        lambda change: landed.append(time.perf_counter() - started) if change.new else None,
        names="sweep_figure",
    )
    model.whatif.sweep_minutes(full=True, values=values)
    longest, last = 0.0, time.perf_counter()
    while model.whatif.sweeping:
        await asyncio.sleep(0.01)
        now = time.perf_counter()
        longest, last = max(longest, now - last), now
    return landed, time.perf_counter() - started, longest


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--values", default="20,40,60,80,100,120")
    args = parser.parse_args()
    values = tuple(float(v) for v in args.values.split(","))
    print(f"Full sweep over {', '.join(f'{v:g}' for v in values)} min a session")
    print(
        "| client | each value drawn after [s] | whole sweep [s] | goal | longest loop turn [s] | load (1 min) |"
    )
    print("|---|---|---|---|---|---|")
    for name in CLIENTS:
        landed, total, longest = asyncio.run(sweep(name, values))
        verdict = "met" if total <= GOAL else "NOT met"
        each = ", ".join(f"{t:.1f}" for t in landed)
        print(
            f"| {name} | {each} | {total:.1f} | <= {GOAL:g} s: {verdict} | {longest:.2f} "
            f"| {os.getloadavg()[0]:.2f} |"
        )


if __name__ == "__main__":
    main()
