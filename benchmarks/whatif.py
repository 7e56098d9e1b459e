"""What-if timings on the shipped library: a sweep, alternative weeks, swap candidates.

    .venv/bin/python benchmarks/whatif.py [--client full_gym] [--minutes 20,30,45,60] [--k 3]

Prints one line per question with its wall time [s]: the plan itself, a minutes sweep with the
shortfall only and planned in full (with each value's solve seconds), ``--k`` alternative
weeks, and three swap candidates for the plan's first row of the ``row`` family (else its
first row). Not a test: timings on a shared machine are noisy.
"""

from __future__ import annotations

import argparse
import time

from workbench import iotools
from workbench.optimize import SolveOptions
from workbench.planner import make_plan
from workbench.whatif import plan_alternatives, swap_candidates, sweep


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--client", default="full_gym")
    parser.add_argument("--minutes", default="20,30,45,60")
    parser.add_argument("--k", type=int, default=3)
    args = parser.parse_args()
    library = iotools.read_library()
    profiles = iotools.read_sport_profiles(None, library)
    client = iotools.read_client(iotools.shipped_data_dir() / "clients" / f"{args.client}.toml")
    minutes = [float(m) for m in args.minutes.split(",")]

    print(f"| question ({args.client}) | wall s | detail |")
    print("|---|---|---|")
    started = time.perf_counter()
    result = make_plan(library, client, profiles)
    print(f"| plan | {time.perf_counter() - started:.1f} | shortfall {result.solved.shortfall:g} |")

    for label, options in (
        ("sweep, shortfall only", SolveOptions(preferences=False)),
        ("sweep, planned in full", SolveOptions()),
    ):
        started = time.perf_counter()
        frame = sweep(library, client, "minutes", minutes, profiles, options)
        each = ", ".join(
            f"{m:g} min {s:.1f} s" for m, s in zip(frame["minutes"], frame["seconds"], strict=True)
        )
        print(
            f"| {label}, {len(minutes)} minute values | {time.perf_counter() - started:.1f} | {each} |"
        )

    started = time.perf_counter()
    found = plan_alternatives(result, args.k)
    note = found.note or "all found"
    print(
        f"| alternatives K={args.k} | {time.perf_counter() - started:.1f} | {len(found.plans)} weeks; {note} |"
    )

    assert result.plan is not None
    entry = next(
        (e for e in result.plan.entries if library.exercise(e.exercise_id).family == "row"),
        result.plan.entries[0],
    )
    started = time.perf_counter()
    candidates = swap_candidates(result, entry.exercise_id, entry.weekday, 3)
    names = ", ".join(c.exercise_id for c in candidates)
    print(
        f"| swap {entry.exercise_id}@{entry.weekday}, 3 candidates | "
        f"{time.perf_counter() - started:.1f} | {names} |"
    )


if __name__ == "__main__":
    main()
