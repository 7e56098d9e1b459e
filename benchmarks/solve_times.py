"""Solve times on the shipped library: a table per client and solver, then medians.

    .venv/bin/python benchmarks/solve_times.py [--repeat 3] [--solver highs] [--client NAME]

Each solve is repeated (3 times by default) and the median build and solve times are shown;
status is the shortfall stage's (proven optimal, or stopped with its gap). The issue's goal:
a proven-optimal plan in under 1 s median with HiGHS. Not a test: timings on a shared
machine are noisy.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from dataclasses import dataclass

from workbench import iotools
from workbench.client import Client, SportProfile, spread_days
from workbench.library import Library
from workbench.problem import make_problem
from workbench.solve import SOLVERS, SolveOptions, SolveResult, Status, solve


def clients() -> dict[str, Client]:
    """The four shipped clients and variants: days, a travel kit, a beginner, a desk worker."""
    data = iotools.shipped_data_dir()
    shipped = {
        path.stem: iotools.read_client(path) for path in sorted((data / "clients").glob("*.toml"))
    }
    kits = iotools.read_kits()
    home = shipped["home_kettlebell"]
    return {
        **shipped,
        "home 2 days": home.evolve(weekdays=spread_days(2)),
        "home 4 days": home.evolve(weekdays=spread_days(4)),
        "home 5 days x 30": home.evolve(weekdays=spread_days(5), minutes_per_session=30.0),
        "travel 1 x 20": Client(
            name="travel",
            weekdays=("Mon",),
            minutes_per_session=20,
            equipment=kits["travel"].equipment,
        ),
        "travel 2 x 30": Client(
            name="travel",
            weekdays=spread_days(2),
            minutes_per_session=30,
            equipment=kits["travel"].equipment,
        ),
        "gym beginner": shipped["full_gym"].evolve(level="beginner"),
        "desk worker 3 x 30": Client(
            name="desk",
            weekdays=spread_days(3),
            minutes_per_session=30,
            equipment=kits["garage"].equipment,
            level="beginner",
            sport="desk_worker",
            avoid=("deep_knee_flexion", "high_spinal_load"),
        ),
    }


@dataclass(frozen=True)
class Row:
    client: str
    solver: str
    build: float
    solve: float
    status: str
    shortfall: float | None
    minutes: float | None


def _status(result: SolveResult) -> str:
    if result.status is Status.OPTIMAL:
        return "proven optimal"
    if result.status is Status.TIME_LIMIT:
        gap = result.gap
        return f"not proven (gap {gap:g})" if gap is not None else "not proven (gap unknown)"
    return result.status.value


def measure(
    library: Library,
    profiles: dict[str, SportProfile],
    name: str,
    client: Client,
    solver: str,
    repeat: int,
) -> Row:
    problem = make_problem(library, client, profiles)
    runs = [solve(problem, SolveOptions(solver=solver)) for _ in range(repeat)]
    last = runs[-1]
    statuses = {_status(r) for r in runs}
    return Row(
        client=name,
        solver=solver,
        build=statistics.median(r.build_seconds for r in runs),
        solve=statistics.median(r.solve_seconds for r in runs),
        status=" / ".join(sorted(statuses)),
        shortfall=last.shortfall,
        minutes=last.plan.total_minutes if last.plan is not None else None,
    )


def _number(value: float | None) -> str:
    return "-" if value is None else f"{value:g}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="solves per client (median shown)")
    parser.add_argument("--solver", choices=SOLVERS, action="append", help="default: both")
    parser.add_argument("--client", action="append", help="client name (default: all)")
    args = parser.parse_args(argv)
    library = iotools.read_library()
    profiles = iotools.read_sport_profiles(library=library)
    chosen = clients()
    if args.client:
        chosen = {name: chosen[name] for name in args.client}
    solvers = args.solver or list(SOLVERS)

    header = f"{'client':<20} {'solver':<6} {'build s':>8} {'solve s':>8}  {'status':<16} {'shortfall':>9} {'minutes':>8}"
    print(header)
    print("-" * len(header))
    rows = []
    for name, client in chosen.items():
        for solver in solvers:
            row = measure(library, profiles, name, client, solver, args.repeat)
            rows.append(row)
            print(
                f"{row.client:<20} {row.solver:<6} {row.build:>8.3f} {row.solve:>8.3f}  "
                f"{row.status:<16} {_number(row.shortfall):>9} {_number(row.minutes):>8}",
                flush=True,
            )
    print("-" * len(header))
    for solver in solvers:
        mine = [r for r in rows if r.solver == solver]
        total = statistics.median(r.build + r.solve for r in mine)
        proven = sum(r.status == "proven optimal" for r in mine)
        print(
            f"{'median':<20} {solver:<6} {statistics.median(r.build for r in mine):>8.3f} "
            f"{statistics.median(r.solve for r in mine):>8.3f}  "
            f"{proven}/{len(mine)} proven; median build+solve {total:.2f} s"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
