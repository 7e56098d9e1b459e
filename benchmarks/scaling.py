"""Scaling: library size x training days x solver, the whole plan against a bare solve.

    .venv/bin/python benchmarks/scaling.py [--free-exercise-db PATH] [--days 3 --days 6]
        [--solver highs --solver cbc] [--cap 600] [--repeat 3] [--skip-synthetic]

Libraries: the shipped one (``data/``), the public free-exercise-db imported by
``workbench library import`` (into a temporary folder; nothing is written to the repository),
and a synthetic 3,000-exercise library grown from the import (each imported exercise copied
with new ids, other set times and a different secondary muscle; seeded, so every run is the
same). The client is the shipped full-gym client on 3 or 6 spread days.

Per cell:
- "bare": a shortfall-only solve of the same instance (build + solve, proven exact);
- "plan": the whole ``workbench plan`` run in process (``planner.make_plan``: the shortfall,
  the coach value to its 2% gap, the polish, the independent checker, the coach's rubric and
  the explanations);
- "x bare": plan / bare, in processor seconds (this process and the CBC subprocess), the
  figure a loaded shared machine does not inflate much. Goal: at most 3 on the imported
  library with 6 days.

Then the in-process goal on the shipped library (plan + check, median over the four example
clients, goal under 0.2 s) and the start-up of ``workbench --help`` and ``workbench check``
(goal under 0.3 s each, wall, median of 5).

``--cap`` (seconds, per solve) exists only so a slow cell cannot hold the table hostage: a
capped cell says "cap" in its status. The product itself never stops a stage on a clock.
Not a test: timings on a shared machine are noisy.
"""

from __future__ import annotations

import argparse
import csv
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from workbench import iotools
from workbench.check import check_plan
from workbench.client import resolve_targets, spread_days
from workbench.importer import import_free_exercise_db
from workbench.library import Library
from workbench.optimize import SHORTFALL_ONLY, SOLVERS, SolveOptions, solve
from workbench.planner import make_plan
from workbench.present import value_gap
from workbench.problem import make_problem

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DB = ROOT.parent / "shared" / "data" / "free-exercise-db" / "exercises.json"
SYNTHETIC_SIZE = 3000


def _cpu() -> float:
    """Processor seconds so far: this process and its finished children (CBC) [s]."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def synthetic_library(imported: Path, out: Path, size: int = SYNTHETIC_SIZE) -> Path:
    """``size`` exercises grown from an imported library folder, written to ``out``."""
    shutil.copytree(imported, out)
    with (imported / "exercises.csv").open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        header = list(reader.fieldnames or [])
        rows = list(reader)
    with (imported / "muscles.csv").open(newline="", encoding="utf-8") as handle:
        muscles = [row["id"] for row in csv.DictReader(handle)]
    rng = random.Random(3000)
    grown = list(rows)
    copy = 0
    while len(grown) < size:
        copy += 1
        for row in rows:
            if len(grown) >= size:
                break
            new = dict(row)
            new["id"] = f"{row['id']}_v{copy}"
            new["name"] = f"{row['name']} (variant {copy})"
            minutes = float(row["set_minutes"]) + rng.choice((-0.25, 0.25, 0.5))
            new["set_minutes"] = f"{max(minutes, 1.0):g}"
            primary = set(row["primary_muscles"].split(";")) if row["primary_muscles"] else set()
            spare = [m for m in muscles if m not in primary]
            if spare:
                new["secondary_muscles"] = rng.choice(spare)
            grown.append(new)
    with (out / "exercises.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=header)
        writer.writeheader()
        writer.writerows(grown)
    return out


@dataclass(frozen=True)
class Cell:
    library: str
    exercises: int
    days: int
    solver: str
    build: float
    bare_cpu: float
    plan_wall: float
    plan_cpu: float
    status: str
    shortfall: float | None
    value_gap: float | None

    @property
    def ratio(self) -> float:
        return self.plan_cpu / self.bare_cpu if self.bare_cpu > 0 else float("nan")


def measure(
    name: str,
    library: Library,
    folders: list[str] | None,
    days: int,
    solver: str,
    cap: float | None,
) -> Cell:
    profiles = iotools.read_library_profiles(folders, library)
    client = iotools.read_client(ROOT / "data" / "clients" / "full_gym.toml")
    client = client.evolve(weekdays=spread_days(days))
    options = SolveOptions(solver=solver, time_limit=cap)
    before = _cpu()
    bare = solve(make_problem(library, client, profiles), options, spec=SHORTFALL_ONLY)
    bare_cpu = _cpu() - before
    before, began = _cpu(), time.perf_counter()
    result = make_plan(library, client, profiles, options)
    plan_wall, plan_cpu = time.perf_counter() - began, _cpu() - before
    solved = result.solved
    status = " / ".join(stage.describe() for stage in solved.stages) or solved.status.value
    if result.violations:
        status = f"CHECKER FAILED ({len(result.violations)})"
    assert (
        bare.shortfall is None
        or solved.shortfall is None
        or (abs(bare.shortfall - solved.shortfall) < 1e-6 or cap is not None)
    ), f"{name} {days} days {solver}: shortfall {solved.shortfall} != bare {bare.shortfall}"
    return Cell(
        library=name,
        exercises=len(library.exercises),
        days=days,
        solver=solver,
        build=solved.build_seconds,
        bare_cpu=bare_cpu,
        plan_wall=plan_wall,
        plan_cpu=plan_cpu,
        status=status,
        shortfall=solved.shortfall,
        value_gap=value_gap(solved),
    )


def shipped_plan_and_check(repeat: int) -> tuple[float, float, dict[str, float]]:
    """Median processor and wall seconds of plan + check on the shipped example clients."""
    library = iotools.read_library()
    profiles = iotools.read_sport_profiles(library=library)
    clients = {
        path.stem: iotools.read_client(path)
        for path in sorted((ROOT / "data" / "clients").glob("*.toml"))
    }
    cpu, wall, per_client = [], [], {}
    for name, client in clients.items():
        mine = []
        for _ in range(repeat):
            before, began = _cpu(), time.perf_counter()
            result = make_plan(library, client, profiles, explain=False)
            assert result.plan is not None, name
            targets = resolve_targets(library, client, profiles.get(client.sport))
            assert not check_plan(result.plan, library, client, targets), name
            cpu.append(_cpu() - before)
            wall.append(time.perf_counter() - began)
            mine.append(cpu[-1])
        per_client[name] = statistics.median(mine)
    return statistics.median(cpu), statistics.median(wall), per_client


def startup(args: list[str], repeat: int = 5) -> tuple[float, float]:
    """Median wall and processor seconds of ``workbench ARGS`` as a fresh process."""
    command = [str(Path(sys.executable).with_name("workbench")), *args]
    wall, cpu = [], []
    for _ in range(repeat):
        before, began = _cpu(), time.perf_counter()
        subprocess.run(command, capture_output=True, check=False)
        wall.append(time.perf_counter() - began)
        cpu.append(_cpu() - before)
    return statistics.median(wall), statistics.median(cpu)


def _number(value: float | None) -> str:
    return "-" if value is None else f"{value:g}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--free-exercise-db", default=str(DEFAULT_DB), metavar="PATH")
    parser.add_argument("--days", type=int, action="append", help="default: 3 and 6")
    parser.add_argument("--solver", choices=SOLVERS, action="append", help="default: both")
    parser.add_argument("--cap", type=float, default=600.0, help="seconds per solve (table only)")
    parser.add_argument("--repeat", type=int, default=3, help="shipped plan + check repeats")
    parser.add_argument("--skip-synthetic", action="store_true")
    args = parser.parse_args(argv)
    days_list = args.days or [3, 6]
    solvers = args.solver or list(SOLVERS)

    with tempfile.TemporaryDirectory(prefix="workbench-scaling-") as folder:
        imported = Path(folder) / "imported"
        import_free_exercise_db(args.free_exercise_db, imported)
        libraries: dict[str, list[str] | None] = {"shipped": None, "imported": [str(imported)]}
        if not args.skip_synthetic:
            synthetic = synthetic_library(imported, Path(folder) / "synthetic")
            libraries["synthetic"] = [str(synthetic)]

        header = (
            f"{'library':<10} {'exercises':>9} {'days':>4} {'solver':<6} {'build s':>7} "
            f"{'bare cpu':>8} {'plan cpu':>8} {'plan wall':>9} {'x bare':>6}  "
            f"{'status (shortfall / value / polish)':<58} {'short':>5} {'gap':>6}"
        )
        print(header)
        print("-" * len(header))
        for name, folders in libraries.items():
            library = iotools.read_library(folders)
            for days in days_list:
                for solver in solvers:
                    cell = measure(name, library, folders, days, solver, args.cap)
                    gap = "-" if cell.value_gap is None else f"{cell.value_gap:.2%}"
                    print(
                        f"{cell.library:<10} {cell.exercises:>9} {cell.days:>4} {cell.solver:<6} "
                        f"{cell.build:>7.2f} {cell.bare_cpu:>8.2f} {cell.plan_cpu:>8.2f} "
                        f"{cell.plan_wall:>9.2f} {cell.ratio:>6.1f}  {cell.status:<58} "
                        f"{_number(cell.shortfall):>5} {gap:>6}",
                        flush=True,
                    )
        print("-" * len(header))

    cpu, wall, per_client = shipped_plan_and_check(args.repeat)
    clients = ", ".join(f"{name} {seconds:.2f}" for name, seconds in per_client.items())
    print(f"shipped library, plan + check in process: median {cpu:.2f} s cpu, {wall:.2f} s wall")
    print(f"  per client (cpu s): {clients}   goal: under 0.2 s")
    with tempfile.TemporaryDirectory(prefix="workbench-scaling-") as folder:
        plan_csv = Path(folder) / "plan.csv"
        client = str(ROOT / "data" / "clients" / "full_gym.toml")
        subprocess.run(
            [
                str(Path(sys.executable).with_name("workbench")),
                "plan",
                "--client",
                client,
                "--out",
                str(plan_csv),
            ],
            capture_output=True,
            check=True,
        )
        help_s = startup(["--help"])
        check_s = startup(["check", str(plan_csv), "--client", client])
    print(
        f"workbench --help {help_s[0]:.2f} s wall ({help_s[1]:.2f} s cpu), workbench check "
        f"{check_s[0]:.2f} s wall ({check_s[1]:.2f} s cpu)   goal: under 0.3 s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
