"""Solving off the caller's thread (issue 16, item 2): HiGHS and CBC print nothing and leave
the process's standard output alone, however many solves run at once, and a week solved on a
worker thread is the week the main thread gets, byte for byte."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import tiny
from conftest import DATA, ROOT

import workbench
from workbench.client import SportProfile
from workbench.iotools import plan_to_csv, read_client
from workbench.library import Library
from workbench.optimize import SOLVERS, SolveOptions, Termination, solve
from workbench.problem import Problem, make_problem

THREADS = 8

# Run in a fresh process, so that HiGHS's once-a-process banner is still to come and the
# process's descriptor 1 is a pipe the test reads. While 48 solves (every tiny case on both
# solvers, twice) run on 8 threads, another thread writes numbered lines through both
# descriptor 1 and sys.stdout; then the main thread writes a marker through both. Whatever a
# solver printed, or a swap of descriptor 1 swallowed, shows in what the test reads.
CHILD = textwrap.dedent(
    """
    import json, os, sys, threading, time
    from concurrent.futures import ThreadPoolExecutor

    report_path, threads = sys.argv[1], int(sys.argv[2])
    swaps = []
    dup2 = os.dup2

    def recording_dup2(fd, fd2, *args, **kwargs):
        if fd2 in (1, 2):
            swaps.append([fd, fd2])
        return dup2(fd, fd2, *args, **kwargs)

    os.dup2 = recording_dup2
    stdout_before = sys.stdout
    fd1_before = os.fstat(1)

    import tiny
    from workbench.iotools import plan_to_csv
    from workbench.optimize import SolveOptions, solve

    jobs = [(name, solver) for name in tiny.CASES for solver in ("highs", "cbc")] * 2
    done = threading.Event()
    written = []

    def chatter():
        number = 0
        while not done.is_set():
            line = f"chatter {number}"
            if number % 2:
                print(line, flush=True)
            else:
                os.write(1, (line + "\\n").encode())
            written.append(line)
            number += 1
            time.sleep(0.002)

    def plan(job):
        name, solver = job
        result = solve(tiny.case_problem(name), SolveOptions(solver=solver))
        text = plan_to_csv(result.plan) if result.plan is not None else ""
        return [name, solver, result.status.name, text]

    talker = threading.Thread(target=chatter)
    talker.start()
    with ThreadPoolExecutor(threads) as pool:
        plans = list(pool.map(plan, jobs))
    done.set()
    talker.join()

    print("marker: print after the threaded solves", flush=True)
    os.write(1, b"marker: descriptor 1 after the threaded solves\\n")
    fd1_after = os.fstat(1)
    with open(report_path, "w") as report:
        json.dump(
            {
                "plans": plans,
                "written": written,
                "swaps": swaps,
                "same_stdout": sys.stdout is stdout_before,
                "same_fd1": [fd1_before.st_dev, fd1_before.st_ino]
                == [fd1_after.st_dev, fd1_after.st_ino],
            },
            report,
        )
    """
)

MARKERS = [
    "marker: print after the threaded solves",
    "marker: descriptor 1 after the threaded solves",
]


def test_threaded_solves_print_nothing_and_leave_stdout_working(tmp_path: Path) -> None:
    report_path = tmp_path / "report.json"
    source = Path(workbench.__file__).resolve().parent.parent
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(source), str(ROOT / "tests")])
    finished = subprocess.run(
        [sys.executable, "-c", CHILD, str(report_path), str(THREADS)],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
        check=False,
    )
    assert finished.returncode == 0, finished.stderr
    report = json.loads(report_path.read_text())
    assert len(report["plans"]) == 48
    statuses = {(name, status) for name, _, status, _ in report["plans"]}
    assert ("infeasible", "INFEASIBLE") in statuses
    assert {status for name, status in statuses if name != "infeasible"} == {"OPTIMAL"}
    # The process's output is exactly what the child wrote, in the order each writer wrote
    # it: no banner, no log line, nothing lost to a swapped descriptor.
    lines = finished.stdout.splitlines()
    assert lines[-2:] == MARKERS
    assert lines[:-2] == report["written"]
    assert len(report["written"]) > 10
    assert finished.stderr == ""
    assert report["swaps"] == []
    assert report["same_stdout"] and report["same_fd1"]


def _home_week(library: Library, profiles: Mapping[str, SportProfile]) -> Problem:
    return make_problem(library, read_client(DATA / "clients" / "home_kettlebell.toml"), profiles)


@pytest.mark.parametrize("solver", SOLVERS)
def test_a_week_solved_on_threads_is_the_main_threads_week(
    library: Library,
    profiles: Mapping[str, SportProfile],
    solver: str,
    capfd: pytest.CaptureFixture[str],
) -> None:
    """Two threads solve one problem object at once (its cached groups built by whichever
    thread gets there first), a third a tiny case: the same CSV bytes as on the main thread,
    and not a byte written to descriptors 1 and 2 (a full week, where a solver logs most)."""
    options = SolveOptions(solver=solver)
    on_main = solve(_home_week(library, profiles), options)
    tiny_on_main = solve(tiny.case_problem("coach_choice"), options)
    assert on_main.status is Termination.OPTIMAL and on_main.plan is not None
    assert tiny_on_main.plan is not None
    shared = _home_week(library, profiles)
    with ThreadPoolExecutor(3) as pool:
        weeks = [pool.submit(solve, shared, options) for _ in range(2)]
        tiny_week = pool.submit(solve, tiny.case_problem("coach_choice"), options)
        threaded = [week.result() for week in weeks]
        tiny_threaded = tiny_week.result()
    for result in threaded:
        assert result.status is Termination.OPTIMAL and result.plan is not None
        assert plan_to_csv(result.plan) == plan_to_csv(on_main.plan)
    assert tiny_threaded.plan is not None
    assert plan_to_csv(tiny_threaded.plan) == plan_to_csv(tiny_on_main.plan)
    assert capfd.readouterr() == ("", "")


def test_one_thread_serves_highs_solves_of_any_width() -> None:
    """HiGHS sizes a thread's task scheduler at its first solve and answered "Not Set" to a
    later solve of another width there; a worker thread is reused for any SolveOptions."""
    problem = tiny.case_problem("covered")

    def widths() -> list[tuple[Termination, str]]:
        results = [solve(problem, SolveOptions(solver="highs", threads=t)) for t in (1, 2, 1)]
        return [(r.status, plan_to_csv(r.plan) if r.plan is not None else "") for r in results]

    with ThreadPoolExecutor(1) as pool:
        answers = pool.submit(widths).result()
    assert [status for status, _ in answers] == [Termination.OPTIMAL] * 3
    assert answers[0][1] == answers[2][1] != ""
