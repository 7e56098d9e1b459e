"""The coach's rubric for each example client: the product's week beside the coach's own.

    .venv/bin/python benchmarks/coach_rubric.py [--solver highs] [--client NAME]

For every client in data/clients/ it prints the rubric line by line (COACHING.md v3, C1-C19),
the minutes of each session and the weekly effective sets of every posterior-chain muscle,
side by side with the reference week a coach wrote for that client where one exists
(../shared/coach-weeks/NAME.csv, read in place). "capped" is the coach's dose capped at the
muscle's maximum: what the product's week must reach. Not a test: a table for a coach to read.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from workbench import iotools
from workbench.analytics import effective_sets
from workbench.optimize import SOLVERS, SolveOptions
from workbench.plan import Plan
from workbench.planner import make_plan
from workbench.problem import Problem
from workbench.quality import CoachCheck, coach_check

#: The coach's reference weeks, read in place: $WORKBENCH_SHARED or the checkout's sibling.
COACH_WEEKS = (
    Path(os.environ.get("WORKBENCH_SHARED", Path(__file__).resolve().parents[2] / "shared"))
    / "coach-weeks"
)


def _mark(check: CoachCheck, criterion_id: str) -> str:
    criterion = check.criterion(criterion_id)
    if not criterion.applies:
        return "n/a"
    return "pass" if criterion.passed else "MISS"


def _minutes(plan: Plan, problem: Problem) -> str:
    minutes = plan.session_minutes()
    return " ".join(f"{d} {minutes.get(d, 0.0):g}" for d in problem.weekdays)


def report(name: str, solver: str) -> bool:
    """Print one client's comparison; True when the product's week meets the coach's week."""
    library = iotools.read_library()
    profiles = iotools.read_sport_profiles(library=library)
    client = iotools.read_client(iotools.shipped_data_dir() / "clients" / f"{name}.toml")
    result = make_plan(library, client, profiles, SolveOptions(solver=solver), explain=False)
    plan, problem = result.plan, result.problem
    if plan is None or result.check is None:
        print(f"{name}: no plan ({result.message})")
        return False
    coach_path = COACH_WEEKS / f"{name}.csv"
    coach = iotools.read_plan(coach_path) if coach_path.exists() else None
    coach_rubric = coach_check(coach, problem) if coach is not None else None
    print(
        f"\n=== {client.name} ({name}): {', '.join(problem.weekdays)} x "
        f"{client.minutes_per_session:g} min, {client.level}, sport {client.sport}"
    )
    print(f"product: {result.check.summary()}")
    if coach_rubric is not None:
        print(f"coach:   {coach_rubric.summary()}")
    print(f"\n{'':4}{'criterion':<28} {'product':>7} {'coach':>6}  product's number")
    ok = True
    for criterion in result.check.criteria:
        theirs = _mark(coach_rubric, criterion.id) if coach_rubric is not None else "-"
        mine = _mark(result.check, criterion.id)
        if theirs == "pass" and mine == "MISS":
            ok = False
        print(f"{criterion.id:<4}{criterion.title:<28} {mine:>7} {theirs:>6}  {criterion.detail}")
    print(f"\nminutes  product: {_minutes(plan, problem)}")
    if coach is not None:
        print(f"         coach:   {_minutes(coach, problem)}")
    mine_sets = effective_sets(plan, library)
    theirs_sets = effective_sets(coach, library) if coach is not None else {}
    print(f"\n{'muscle':<22} {'product':>7} {'coach':>6} {'capped':>6} {'max':>5}")
    for muscle in library.posterior_chain:
        ceiling = problem.targets[muscle.id].max_sets
        capped = min(theirs_sets.get(muscle.id, 0.0), ceiling)
        got = mine_sets.get(muscle.id, 0.0)
        flag = "  below the coach" if coach is not None and got < capped - 1e-9 else ""
        ok = ok and not flag
        coach_text = f"{theirs_sets.get(muscle.id, 0.0):>6g}" if coach is not None else f"{'-':>6}"
        capped_text = f"{capped:>6g}" if coach is not None else f"{'-':>6}"
        print(f"{muscle.name:<22} {got:>7g} {coach_text} {capped_text} {ceiling:>5g}{flag}")
    total = sum(mine_sets.get(m.id, 0.0) for m in library.posterior_chain)
    coach_total = sum(theirs_sets.get(m.id, 0.0) for m in library.posterior_chain)
    print(f"{'posterior total':<22} {total:>7g} {coach_total if coach else '-':>6}")
    if coach is not None:
        verdict = "meets" if ok else "does NOT meet"
        print(f"\nThe product's week {verdict} the coach's week (criteria and capped dose).")
    return ok


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--solver", choices=SOLVERS, default="highs")
    parser.add_argument("--client", action="append", help="client file stem (default: all)")
    args = parser.parse_args(argv)
    names = args.client or sorted(
        p.stem for p in (iotools.shipped_data_dir() / "clients").glob("*.toml")
    )
    for name in names:
        report(name, args.solver)
    return 0


if __name__ == "__main__":
    sys.exit(main())
