"""Solve times on the shipped library: both stages per client and solver, then medians.

    .venv/bin/python benchmarks/solve_times.py [--repeat 3] [--solver highs] [--client NAME]

Each solve is repeated (3 times by default); the table shows the median build time and the
median time of each stage (the shortfall, proven exactly; the coach value, proven to its
relative gap), each stage's status, the value's achieved gap against the solver's bound,
and the coach check. "cpu s" is the processor time of the whole solve, this process's and
the CBC subprocess's (HiGHS runs in process, one thread): on a shared machine it is the
figure that does not grow with the load, where "total s" (wall) does. Goal: the whole plan under 1 s median with HiGHS on the example clients,
no client over 5 s. Not a test: timings on a shared machine are noisy.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import time
from dataclasses import dataclass

from workbench import iotools
from workbench.client import Client, SportProfile, spread_days
from workbench.library import Library
from workbench.optimize import SOLVERS, SolveOptions, SolveResult, solve
from workbench.present import value_gap
from workbench.problem import make_problem
from workbench.quality import coach_check


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
    shortfall_seconds: float
    value_seconds: float
    total: float
    cpu: float
    status: str
    shortfall: float | None
    value_gap: float | None
    check: str
    minutes: float | None


def _cpu() -> float:
    """Processor seconds so far: this process and its finished children (CBC) [s]."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def _stage_seconds(result: SolveResult, name: str) -> float:
    stage = result.stage(name)
    return stage.seconds if stage is not None else 0.0


def _status(result: SolveResult) -> str:
    return " / ".join(stage.describe() for stage in result.stages) or result.status.value


def measure(
    library: Library,
    profiles: dict[str, SportProfile],
    name: str,
    client: Client,
    solver: str,
    repeat: int,
) -> Row:
    problem = make_problem(library, client, profiles)
    runs, cpu = [], []
    for _ in range(repeat):
        before = _cpu()
        runs.append(solve(problem, SolveOptions(solver=solver)))
        cpu.append(_cpu() - before)
    last = runs[-1]
    check = coach_check(last.plan, problem) if last.plan is not None else None
    return Row(
        client=name,
        solver=solver,
        build=statistics.median(r.build_seconds for r in runs),
        shortfall_seconds=statistics.median(_stage_seconds(r, "shortfall") for r in runs),
        value_seconds=statistics.median(
            sum(s.seconds for s in r.stages if s.name != "shortfall") for r in runs
        ),
        total=statistics.median(r.build_seconds + r.solve_seconds for r in runs),
        cpu=statistics.median(cpu),
        status=" / ".join(sorted({_status(r) for r in runs})),
        shortfall=last.shortfall,
        value_gap=value_gap(last),
        check=f"{check.passed}/{check.applicable}" if check is not None else "-",
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

    header = (
        f"{'client':<20} {'solver':<6} {'build':>6} {'short s':>7} {'value s':>7} "
        f"{'total s':>7} {'cpu s':>6}  {'status (shortfall / value)':<44} {'short':>5} {'gap':>6} "
        f"{'check':>5} {'minutes':>7}"
    )
    print(header)
    print("-" * len(header))
    rows = []
    for name, client in chosen.items():
        for solver in solvers:
            row = measure(library, profiles, name, client, solver, args.repeat)
            rows.append(row)
            gap = "-" if row.value_gap is None else f"{row.value_gap:.2%}"
            print(
                f"{row.client:<20} {row.solver:<6} {row.build:>6.3f} {row.shortfall_seconds:>7.3f} "
                f"{row.value_seconds:>7.3f} {row.total:>7.3f} {row.cpu:>6.2f}  {row.status:<44} "
                f"{_number(row.shortfall):>5} {gap:>6} {row.check:>5} {_number(row.minutes):>7}",
                flush=True,
            )
    print("-" * len(header))
    for solver in solvers:
        mine = [r for r in rows if r.solver == solver]
        proven = sum(r.status.startswith("proven optimal / proven") for r in mine)
        print(
            f"{'median':<20} {solver:<6} {statistics.median(r.build for r in mine):>6.3f} "
            f"{statistics.median(r.shortfall_seconds for r in mine):>7.3f} "
            f"{statistics.median(r.value_seconds for r in mine):>7.3f} "
            f"{statistics.median(r.total for r in mine):>7.3f} "
            f"{statistics.median(r.cpu for r in mine):>6.2f}  "
            f"{proven}/{len(mine)} with both stages proven; slowest {max(r.total for r in mine):.2f} s "
            f"wall, {max(r.cpu for r in mine):.2f} s cpu"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
