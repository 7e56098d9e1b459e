"""Block planning times over freshly generated clients: processor seconds of a whole block.

    .venv/bin/python benchmarks/block_times.py [--count 20] [--seed 0] [--weeks 5]
    .venv/bin/python benchmarks/block_times.py --camp [--weeks 10] [--count 20]

The clients come from ``workbench.generate.grid_clients`` (1-6 days x 20-120 minutes a session,
realistic sports, kits, levels and injuries; client ``i`` is ``generate_client(seed + i,
days=..., minutes=...)``). Each is planned once with ``workbench.blocks.plan_block`` (or
``plan_camp``, sparring on the first training day): the peak week (every stage of
``make_plan``, the checker, the rubric, the explanations), the block model, every week
checked and judged; what ``workbench block`` waits for. "CPU" is this process's processor time
plus its finished children's (CBC runs as a subprocess). Beside the times, what each block
holds: the requirements it could not meet (``BlockProof.misses``) and the weeks a coach's
rubric calls credible by their own standards. Goals (issue 17's acceptance) are printed
beside the figures. Not a test: it prints tables.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import time

from workbench import iotools
from workbench.blocks import plan_block, plan_camp
from workbench.generate import grid_clients
from workbench.glossary import SOLVER_NAMES
from workbench.optimize import SolveOptions

#: Issue 17's acceptance [s].
GOALS = {"median": 5.0, "max": 20.0}


def _cpu() -> float:
    """Processor seconds so far: this process and its finished children (CBC) [s]."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))
    return ordered[index]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=20, help="generated clients (default 20)")
    parser.add_argument("--seed", type=int, default=0, help="first seed (default 0)")
    parser.add_argument("--weeks", type=int, default=None, help="weeks (default 5; camp 10)")
    parser.add_argument("--camp", action="store_true", help="plan fight camps")
    parser.add_argument("--solver", choices=SOLVER_NAMES, default="highs")
    args = parser.parse_args(argv)

    library = iotools.read_library()
    profiles = iotools.read_sport_profiles(iotools.shipped_data_dir() / "sports", library)
    kits = iotools.read_kits(library=library)
    clients = grid_clients(
        args.seed, args.count, sports=sorted(profiles), kits=kits, library=library
    )
    options = SolveOptions(solver=args.solver)
    weeks = args.weeks or (10 if args.camp else 5)
    what = f"{weeks}-week {'fight camp' if args.camp else 'block'}"
    print(
        f"{len(clients)} generated clients (grid_clients seed {args.seed}), a {what} each, {args.solver}"
    )
    print(
        f"{'seed':>5} {'days':>4} {'min':>4} {'sport':<12} {'CPU s':>6} {'wall s':>6} "
        f"{'credible':>8} {'misses':>6}  status"
    )
    cpu_times: list[float] = []
    missed = 0
    for index, client in enumerate(clients):
        seed = args.seed + index
        if args.camp:
            client = client.evolve(sparring=client.weekdays[:1])
        started_cpu, started_wall = _cpu(), time.perf_counter()
        if args.camp:
            result = plan_camp(library, client, profiles, options, weeks=weeks)
        else:
            result = plan_block(library, client, profiles, options, weeks=weeks)
        cpu = _cpu() - started_cpu
        wall = time.perf_counter() - started_wall
        cpu_times.append(cpu)
        block = result.block
        if block is None:
            print(
                f"{seed:>5} {len(client.weekdays):>4} {client.minutes_per_session:>4.0f} "
                f"{client.sport:<12} {cpu:>6.2f} {wall:>6.2f} {'-':>8} {'-':>6}  "
                f"no block: {result.message[:60]}"
            )
            continue
        credible = sum(1 for check in result.checks if check.credible)
        misses = block.proof.misses if block.proof is not None else ()
        missed += bool(misses)
        print(
            f"{seed:>5} {len(client.weekdays):>4} {client.minutes_per_session:>4.0f} "
            f"{client.sport:<12} {cpu:>6.2f} {wall:>6.2f} "
            f"{credible:>4}/{len(block.weeks):<3} {len(misses):>6}  {result.status.value}"
            + (f"  ({misses[0]})" if misses else "")
        )
    median = statistics.median(cpu_times)
    p95 = _percentile(cpu_times, 0.95)
    top = max(cpu_times)
    print()
    print(f"{'CPU [s]':<8} {'median':>7} {'p95':>7} {'max':>7}")
    print(f"{'measured':<8} {median:>7.2f} {p95:>7.2f} {top:>7.2f}")
    print(f"{'goal':<8} {GOALS['median']:>7.2f} {'':>7} {GOALS['max']:>7.2f}")
    print(f"blocks with a requirement not met: {missed} of {len(clients)}")
    met = median <= GOALS["median"] and top <= GOALS["max"]
    print("goal met" if met else "goal NOT met")
    return 0


if __name__ == "__main__":
    sys.exit(main())
