"""Solve times over a grid of freshly generated clients: processor seconds of the whole plan.

    .venv/bin/python benchmarks/solve_times.py [--count 200] [--seed 0] [--solver highs|cbc]
    .venv/bin/python benchmarks/solve_times.py --bytes [--count 20]   # same CSV bytes 3 times?

The clients come from ``workbench.generate.grid_clients``: realistic intakes (sport, level,
kit, injuries, weekdays) spread evenly over 1-6 days x 20-120 minutes a session, so no
client was tuned on and every (days, minutes) cell is measured; client ``i`` is made again
with ``generate_client(seed + i, days=..., minutes=...)`` (or ``workbench generate --seed N
--days D --minutes M``). Each is planned once in this process with
``workbench.planner.make_plan`` (every stage, the checker, the rubric, the explanations:
what ``workbench plan`` waits for). "CPU" is processor time: this process's
(``time.process_time``: HiGHS runs in process, one thread) plus the finished children's
(``RUSAGE_CHILDREN``: the CBC subprocess); on a shared machine it is the figure the load
does not inflate. Each stage's achieved gap is its value against the bound the solver
proved (``StageResult.achieved_gap``); "unproven" counts stages that stopped short of their
gap. Goals (our issue's acceptance) are printed beside the figures. Not a test: it prints
tables.

``--bytes`` plans each client three times and reports whether the plan CSV is the same bytes
every time (the contract: the same inputs give the same plan).
"""

from __future__ import annotations

import argparse
import math
import resource
import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from workbench import iotools
from workbench.client import Client, Kit, SportProfile
from workbench.generate import GRID_DAYS, MINUTE_BUCKETS, grid_clients, minute_bucket
from workbench.glossary import SOLVER_NAMES
from workbench.library import Library
from workbench.optimize import SolveOptions
from workbench.planner import PlanResult, make_plan

#: The acceptance of our issue [s] and [ratio].
GOALS = {
    "highs": {"median": 0.3, "p95": 1.0, "max": 3.0},
    "cbc": {"max": 15.0},
}
GAP_GOALS = {"median": 0.01, "max": 0.05}
SLOWEST = 10
REPEATS = 3  # plans per client in --bytes mode


@dataclass(frozen=True)
class Row:
    """One generated client, planned once."""

    seed: int
    days: int
    minutes: float
    kit: str
    sport: str
    level: str
    cpu: float
    wall: float
    status: str
    gaps: dict[str, float | None]  # stage name -> achieved gap [ratio]
    unproven: tuple[str, ...]  # stages that stopped short of their gap
    check: str


def _cpu() -> float:
    """Processor seconds so far: this process and its finished children (CBC) [s]."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def kit_name(equipment: Sequence[str], kits: Mapping[str, Kit]) -> str:
    """The named kit a client's equipment is, or the one it extends (``home+``), or the
    items themselves (a pull-up bar alone: ``pullup_bar``)."""
    have = set(equipment)
    for kit_id, kit in kits.items():
        if set(kit.equipment) == have:
            return kit_id
    within = [k for k, kit in kits.items() if set(kit.equipment) <= have and kit.equipment]
    if within:
        return max(within, key=lambda k: len(kits[k].equipment)) + "+"
    return "+".join(equipment) or "bodyweight"


def _plan(
    library: Library,
    client: Client,
    profiles: Mapping[str, SportProfile],
    options: SolveOptions,
) -> tuple[PlanResult, float, float]:
    cpu, wall = _cpu(), time.perf_counter()
    result = make_plan(library, client, profiles, options)
    return result, _cpu() - cpu, time.perf_counter() - wall


def measure(
    seed: int,
    client: Client,
    library: Library,
    profiles: Mapping[str, SportProfile],
    kits: Mapping[str, Kit],
    options: SolveOptions,
) -> Row:
    result, cpu, wall = _plan(library, client, profiles, options)
    stages = result.solved.stages
    check = result.check
    return Row(
        seed=seed,
        days=len(client.weekdays),
        minutes=client.minutes_per_session,
        kit=kit_name(client.equipment, kits),
        sport=client.sport,
        level=client.level,
        cpu=cpu,
        wall=wall,
        status=result.status.value,
        gaps={stage.name: stage.achieved_gap for stage in stages},
        unproven=tuple(stage.name for stage in stages if not stage.proven),
        check=f"{check.passed}/{check.applicable}" if check is not None else "-",
    )


def percentile(values: Sequence[float], share: float) -> float:
    """The nearest-rank percentile: the smallest value with ``share`` of them at or below."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def _verdict(value: float, goal: float | None, shown: str = "{:g}", label: str = "goal") -> str:
    if goal is None:
        return ""
    return f"{label} <= {shown.format(goal)}: {'met' if value <= goal else 'MISSED'}"


def _percent(value: float | None) -> str:
    return "-" if value is None else f"{value:.2%}"


def _bucket_label(bucket: tuple[int, int]) -> str:
    return f"{bucket[0]}-{bucket[1]} min"


def report(rows: Sequence[Row], solver: str) -> None:
    cpu = [row.cpu for row in rows]
    goals = GOALS.get(solver, {})
    print(f"\nCPU of the whole plan [s], {solver}, {len(rows)} clients")
    for label, value in (
        ("median", statistics.median(cpu)),
        ("p95", percentile(cpu, 0.95)),
        ("max", max(cpu)),
    ):
        print(f"  {label:<7} {value:>8.2f}   {_verdict(value, goals.get(label))}")
    print(f"  (wall: median {statistics.median(r.wall for r in rows):.2f} s, max "
          f"{max(r.wall for r in rows):.2f} s)")  # fmt: skip

    print(
        "\nAchieved gap per stage [value against the proven bound; '-' where the stage "
        "proves none, e.g. a polish within the plan's own choices]"
    )
    print(f"  {'stage':<22} {'median':>8} {'max':>8} {'unproven':>9} {'ran':>4}  goal")
    names: list[str] = []
    for row in rows:
        names.extend(name for name in row.gaps if name not in names)
    for name in names:
        known = [gap for row in rows if (gap := row.gaps.get(name)) is not None]
        ran = sum(name in row.gaps for row in rows)
        unproven = sum(name in row.unproven for row in rows)
        goal = ""
        if known:
            median, most = statistics.median(known), max(known)
            goal = (
                f"{_verdict(median, GAP_GOALS['median'], '{:.0%}', 'median')}, "
                f"{_verdict(most, GAP_GOALS['max'], '{:.0%}', 'max')}"
            )
        print(
            f"  {name:<22} {_percent(statistics.median(known) if known else None):>8} "
            f"{_percent(max(known) if known else None):>8} {unproven:>9} {ran:>4}  {goal}"
        )
    statuses: dict[str, int] = defaultdict(int)
    for row in rows:
        statuses[row.status] += 1
    print("  plans: " + ", ".join(f"{count} {status}" for status, count in statuses.items()))

    print(f"\nThe {min(SLOWEST, len(rows))} slowest clients")
    print(
        f"  {'seed':>6} {'days':>4} {'min':>5} {'kit':<12} {'sport':<12} {'level':<12} "
        f"{'CPU s':>7} {'check':>6}  unproven"
    )
    for row in sorted(rows, key=lambda r: -r.cpu)[:SLOWEST]:
        print(
            f"  {row.seed:>6} {row.days:>4} {row.minutes:>5g} {row.kit:<12} {row.sport:<12} "
            f"{row.level:<12} {row.cpu:>7.2f} {row.check:>6}  {', '.join(row.unproven) or '-'}"
        )

    print("\nMedian CPU [s] by days (rows) and minutes per session (columns); n clients")
    print("  " + f"{'days':>4} " + "".join(f"{_bucket_label(b):>15}" for b in MINUTE_BUCKETS))
    cells: dict[tuple[int, tuple[int, int] | None], list[float]] = defaultdict(list)
    for row in rows:
        cells[row.days, minute_bucket(row.minutes)].append(row.cpu)
    for days in GRID_DAYS:
        line = f"  {days:>4} "
        for bucket in MINUTE_BUCKETS:
            times = cells.get((days, bucket))
            text = f"{statistics.median(times):.2f} ({len(times)})" if times else "-"
            line += f"{text:>15}"
        print(line)


def bytes_report(
    seeds: Sequence[int],
    clients: Sequence[Client],
    library: Library,
    profiles: Mapping[str, SportProfile],
    options: SolveOptions,
) -> int:
    """Plan each client REPEATS times; print whether the CSV bytes agree. Returns the number
    of clients whose bytes differ."""
    print(f"{'seed':>6} {'days':>4} {'min':>5}  {'same bytes':<10}  CPU s of each plan")
    differ = []
    for seed, client in zip(seeds, clients, strict=True):
        texts, times = [], []
        for _ in range(REPEATS):
            result, cpu, _wall = _plan(library, client, profiles, options)
            plan = result.plan
            texts.append(
                iotools.plan_to_csv(plan).encode("utf-8") if plan is not None else result.message
            )
            times.append(cpu)
        same = all(text == texts[0] for text in texts)
        if not same:
            differ.append(seed)
        print(
            f"{seed:>6} {len(client.weekdays):>4} {client.minutes_per_session:>5g}  "
            f"{'yes' if same else 'NO':<10}  " + ", ".join(f"{t:.2f}" for t in times),
            flush=True,
        )
    print(
        f"\n{len(clients) - len(differ)}/{len(clients)} clients gave the same plan CSV bytes "
        f"{REPEATS} times" + (f"; different: seeds {', '.join(map(str, differ))}" if differ else "")
    )
    return len(differ)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=200, help="generated clients (default 200)")
    parser.add_argument("--seed", type=int, default=0, help="first seed (default 0)")
    parser.add_argument("--solver", choices=SOLVER_NAMES, default="highs")
    parser.add_argument(
        "--bytes",
        action="store_true",
        help=f"plan each client {REPEATS} times and compare the plan CSV bytes",
    )
    args = parser.parse_args(argv)
    if args.count < 1:
        parser.error("--count must be at least 1")
    library = iotools.read_library()
    profiles = iotools.read_sport_profiles(library=library)
    kits = iotools.read_kits(library=library)
    options = SolveOptions(solver=args.solver)
    clients = grid_clients(
        args.seed, args.count, sports=sorted(profiles), kits=kits, library=library
    )
    seeds = [args.seed + index for index in range(len(clients))]
    print(
        f"{len(clients)} generated clients (grid_clients seed {args.seed}: 1-6 days x 20-120 "
        f"min), {args.solver}, make_plan in process, shipped library "
        f"({len(library.exercises)} exercises)\n"
    )
    if args.bytes:
        return 1 if bytes_report(seeds, clients, library, profiles, options) else 0

    print(
        f"{'seed':>6} {'days':>4} {'min':>5} {'kit':<12} {'sport':<12} {'CPU s':>7} "
        f"{'wall s':>7} {'status':<10} {'check':>6}  gaps"
    )
    rows = []
    for seed, client in zip(seeds, clients, strict=True):
        row = measure(seed, client, library, profiles, kits, options)
        rows.append(row)
        gaps = ", ".join(
            f"{name} {_percent(gap)}" for name, gap in row.gaps.items() if gap is not None
        )
        print(
            f"{row.seed:>6} {row.days:>4} {row.minutes:>5g} {row.kit:<12} {row.sport:<12} "
            f"{row.cpu:>7.2f} {row.wall:>7.2f} {row.status:<10} {row.check:>6}  {gaps}",
            flush=True,
        )
    report(rows, args.solver)
    return 0


if __name__ == "__main__":
    sys.exit(main())
