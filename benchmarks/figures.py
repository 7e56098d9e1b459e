"""Time to build each figure on the shipped library; prints a table.

The dashboard rebuilds every plan figure after each re-plan, inside a 0.5 s budget, so each
should stay well under 50 ms.

    .venv/bin/python benchmarks/figures.py
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable

from workbench import figures, iotools
from workbench.client import Client
from workbench.planner import make_plan

REPEATS = 20


def main() -> None:
    library = iotools.read_library()
    profiles = iotools.read_sport_profiles(library=library)
    client = iotools.read_client(iotools.shipped_data_dir() / "clients" / "full_gym.toml")
    full = make_plan(library, client, profiles, explain=False)
    tight = make_plan(
        library,
        Client(name="Tess", weekdays=("Mon",), minutes_per_session=20, equipment=("band",)),
        profiles,
        explain=False,
    )
    plan = full.plan
    assert plan is not None
    builders: dict[str, Callable[[], object]] = {
        "coverage_figure": lambda: figures.coverage_figure(full.coverage, library),
        "weekday_heatmap": lambda: figures.weekday_heatmap(plan, library),
        "balance_figure": lambda: figures.balance_figure(plan, library),
        "minutes_figure": lambda: figures.minutes_figure(
            plan, client.minutes_per_session, client.weekdays
        ),
        "comparison_figure": lambda: figures.comparison_figure(
            full.coverage, tight.coverage, library
        ),
        "empty_figure": lambda: figures.empty_figure("no plan yet"),
        "exercise_muscle_heatmap": lambda: figures.exercise_muscle_heatmap(library),
    }
    print(f"{'figure':<26} {'median ms':>10} {'max ms':>8}")
    dashboard = 0.0
    for name, build in builders.items():
        build()  # plotly builds its validators on first use
        times = []
        for _ in range(REPEATS):
            start = time.perf_counter()
            build()
            times.append(time.perf_counter() - start)
        median = statistics.median(times) * 1000
        if name in {"coverage_figure", "weekday_heatmap", "balance_figure", "minutes_figure"}:
            dashboard += median
        print(f"{name:<26} {median:>10.1f} {max(times) * 1000:>8.1f}")
    print(f"{'coverage+heatmap+balance+minutes':<26} {dashboard:>10.1f}")


if __name__ == "__main__":
    main()
