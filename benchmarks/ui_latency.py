"""Dashboard latency: from a control change to the plan and every figure rebuilt.

In process, on the shipped library and the example client, with the view attached (so the
figures are also serialised into their Output widgets, as in the browser). Each change is
applied alternately forward and back, ``REPEATS`` times. Prints median and p90 [s] of the
whole update, split into solve (make_plan with explanations) and figures (building them and
serialising them into the Output widgets). REPEATS is small: every solve runs every stage to
its proven gap (no clock), as the CLI does. A last row shows a tight case, for honesty.

    .venv/bin/python benchmarks/ui_latency.py
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from pathlib import Path

from workbench import iotools
from workbench.ui.model import DashboardModel
from workbench.ui.view import DashboardView

ROOT = Path(__file__).resolve().parent.parent
CLIENT = ROOT / "data" / "clients" / "home_kettlebell.toml"
REPEATS = 4
GOAL = 0.5  # [s] median


def _toggle_saturday(model: DashboardModel, step: int) -> None:
    model.choices.toggle_weekday("Sat", step % 2 == 0)


CHANGES: dict[str, Callable[[DashboardModel, int], None]] = {
    "minutes slider 45 <-> 40": lambda m, i: setattr(m, "minutes_per_session", (40, 45)[i % 2]),
    "weekday toggle (Sat)": _toggle_saturday,
    "kit home <-> garage": lambda m, i: m.apply_kit(("garage", "home")[i % 2]),
    "level -> advanced": lambda m, i: setattr(m, "level", ("advanced", "intermediate")[i % 2]),
    "sport -> fighter": lambda m, i: setattr(m, "sport", ("fighter", "general")[i % 2]),
}


def _p90(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.9 * (len(ordered) - 1)))]


def main() -> None:
    library = iotools.read_library()
    profiles = iotools.read_sport_profiles(library=library)
    # No cache of recent plans: every change here is a new solve (browser_latency.py measures
    # recalled plans too).
    model = DashboardModel(library, profiles, iotools.read_kits(library=library), cache_size=0)
    DashboardView(model)  # attached, so figures are serialised into widgets too
    model.files.load_client(CLIENT)
    print(
        f"UI latency on the shipped library ({len(library.exercises)} exercises), client "
        f"{CLIENT.name}, every stage to its proven gap, {REPEATS} repetitions"
    )
    header = f"{'change':<26} {'median':>7} {'p90':>7} {'solve':>7} {'figures':>8}  status"
    print(header)
    print("-" * len(header))
    medians = []
    for label, change in CHANGES.items():
        totals, solves, builds = [], [], []
        for step in range(REPEATS):
            started = time.perf_counter()
            change(model, step)
            model.flush()
            total = time.perf_counter() - started
            totals.append(total)
            solves.append(model.plans.timings["solve"])
            builds.append(model.plans.timings["figures"])
        median = statistics.median(totals)
        medians.append(median)
        status = model.plans.status.split(";")[0]
        print(
            f"{label:<26} {median:7.3f} {_p90(totals):7.3f} {statistics.median(solves):7.3f} "
            f"{statistics.median(builds):8.3f}  {status}"
        )
    worst = max(medians)
    verdict = "meets" if worst < GOAL else "MISSES"
    print(f"\nworst median {worst:.3f} s: {verdict} the {GOAL} s goal")
    model.files.load_client(CLIENT)
    model.choices.apply_kit("gym")
    model.choices.minutes_per_session = 30
    model.choices.toggle_weekday("Mon", False)
    started = time.perf_counter()
    model.flush()
    print(
        f"tight case (gym, 2 x 30 min): {time.perf_counter() - started:.2f} s, "
        f"{model.plans.status.split(';')[0]}"
    )


if __name__ == "__main__":
    main()
