"""Roster planning throughput: a generated roster planned on one process, on every core, and
on a Dask LocalCluster.

    .venv/bin/python benchmarks/batch.py [--clients 200] [--workers N] [--skip-single]

Writes a roster CSV of ``--clients`` generated clients (kits travel, home, garage and gym;
one to three sessions of 15 to 75 minutes; every level; some avoiding impact), plans it
three times into fresh folders with `workbench.batch` (the code behind `workbench batch`)
and prints one row per run: wall seconds, clients per second, the speed-up over one process,
the sum and median of the per-client plan seconds (wall, on the worker) and the machine's
load average as the run ends. Checks that every run wrote the same plan bytes. Not a test: timings on a shared machine are noisy.
"""

from __future__ import annotations

import argparse
import csv
import logging
import os
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from workbench import batch, iotools
from workbench.client import Client, client_to_mapping
from workbench.glossary import LEVELS, WEEKDAYS

#: (kit, sessions a week, minutes a session): the shapes of week the roster cycles through.
SHAPES = (
    ("travel", 1, 20),
    ("home", 1, 30),
    ("garage", 1, 20),
    ("gym", 1, 30),
    ("home", 2, 20),
    ("garage", 2, 20),
    ("garage", 2, 15),
    ("gym", 3, 60),
    ("gym", 3, 75),
)
SPREADS = {2: (("Mon", "Thu"), ("Tue", "Fri")), 3: (("Mon", "Wed", "Fri"), ("Tue", "Thu", "Sat"))}
COLUMNS = ("name", "weekdays", "minutes_per_session", "equipment", "level", "avoid")


def roster_clients(count: int) -> list[Client]:
    library = iotools.read_library()
    kits = iotools.read_kits(None, library)
    clients = []
    for number in range(count):
        kit, days, minutes = SHAPES[number % len(SHAPES)]
        turn = number // len(SHAPES)
        weekdays = (WEEKDAYS[turn % len(WEEKDAYS)],) if days == 1 else SPREADS[days][turn % 2]
        clients.append(
            Client(
                name=f"Client {number + 1:03d} {kit}",
                weekdays=weekdays,
                minutes_per_session=minutes,
                equipment=kits[kit].equipment,
                level=LEVELS[turn % len(LEVELS)],
                avoid=("impact",) if number % 7 == 3 else (),
            )
        )
    return clients


def write_roster(clients: list[Client], path: Path) -> Path:
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(COLUMNS)
        for client in clients:
            data = client_to_mapping(client)
            writer.writerow(
                [
                    ";".join(value) if isinstance(value, list) else value
                    for value in (data.get(column, "") for column in COLUMNS)
                ]
            )
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--skip-single", action="store_true", help="no one-process run")
    args = parser.parse_args()

    library = iotools.read_library()
    context = batch.BatchContext(
        library, iotools.read_library_profiles(None, library), iotools.read_library_weights(None)
    )
    base = Path(tempfile.mkdtemp(prefix="batch-bench-"))
    roster = write_roster(roster_clients(args.clients), base / "roster.csv")
    entries = batch.read_roster(roster, library, context.profiles)
    assert all(entry.client is not None for entry in entries)

    runs: list[tuple[str, float, float, batch.BatchReport, Path]] = []

    def timed(label: str, **where: Any) -> None:
        out = base / f"out-{len(runs)}"
        started = time.perf_counter()
        report = batch.plan_roster(entries, context, out, force=True, **where)
        # The machine's 1-minute load average as the run ends: other users' work inflates
        # the wall times on a shared machine.
        runs.append((label, os.getloadavg()[0], time.perf_counter() - started, report, out))
        print(f"  {label}: {runs[-1][2]:.1f} s", flush=True)

    print(f"{len(entries)} clients in {roster}", flush=True)
    if not args.skip_single:
        timed("local, 1 process", workers=1)
    timed(f"local, {args.workers} processes", workers=args.workers)

    from distributed import LocalCluster

    started = time.perf_counter()
    with LocalCluster(
        n_workers=args.workers,
        threads_per_worker=1,
        dashboard_address=None,
        silence_logs=logging.ERROR,
    ) as cluster:
        startup = time.perf_counter() - started
        timed(
            f"Dask LocalCluster, {args.workers} workers x 1 thread",
            scheduler=cluster.scheduler_address,
        )

    plans = [{p.name: p.read_bytes() for p in (out / "plans").glob("*.csv")} for *_, out in runs]
    identical = all(p == plans[0] for p in plans[1:]) and len(plans[0]) == len(entries)
    reference = runs[0][2]
    print()
    print(
        "| run | clients | wall s | clients/s | speed-up | Σ plan s | median plan s "
        "| all planned | load at end |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    for label, load, wall, report, _out in runs:
        seconds = [float(row["seconds"]) for row in report.rows]
        print(
            f"| {label} | {len(report.rows)} | {wall:.1f} | {len(report.rows) / wall:.2f} | "
            f"{reference / wall:.2f}x | {sum(seconds):.0f} | {statistics.median(seconds):.2f} | "
            f"{report.count(batch.PLANNED)}/{len(report.rows)} | {load:.1f} |"
        )
    print(f"\nLocalCluster start-up (not in the figures above): {startup:.1f} s")
    print(f"Same plan bytes in every run: {'yes' if identical else 'NO'}")
    print(f"Output under {base}")


if __name__ == "__main__":
    main()
