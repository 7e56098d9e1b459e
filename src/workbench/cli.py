"""The ``workbench`` command line.

Exit codes: 0 done; 1 ``check`` found violations or the solver failed; 2 bad input
(one line naming file, row, field and value); 3 no plan under the hard limits, or
``--strict`` with a muscle left short.
"""

from __future__ import annotations

import argparse
import sys
import textwrap
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from workbench import iotools
from workbench.check import check_block, check_plan
from workbench.client import (
    CLIENT_FIELDS,
    MAX_MINUTES,
    ROSTER_COLUMNS,
    Client,
    resolve_targets,
    spread_days,
    validate_client,
)
from workbench.errors import InputError, LibraryError, WorkbenchError
from workbench.glossary import SOLVER_NAMES, WEEKDAYS
from workbench.library import Library
from workbench.plan import Plan
from workbench.problem import make_problem

if TYPE_CHECKING:  # the solver, pandas and plotly load only on the commands that use them
    from workbench.analytics import MuscleCoverage
    from workbench.explain import Relaxation
    from workbench.optimize import SolveOptions
    from workbench.planner import PlanResult

__all__ = ["main"]

COMMAND_LINE = "command line"
EXIT_OK, EXIT_FAILED, EXIT_INPUT, EXIT_NO_PLAN = 0, 1, 2, 3


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage mistake is one line and exit 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_INPUT, f"{self.prog}: error: {message} (see --help)\n")


def _csv_list(text: str) -> tuple[str, ...]:
    return tuple(item.strip() for item in text.split(",") if item.strip())


def _add_library(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--library",
        metavar="DIR",
        action="append",
        help="folder with muscles.csv, exercises.csv, equipment.csv (default: the shipped data/); "
        "give it more than once to combine libraries, the first winning on id clashes "
        "(--library data/ --library DIR)",
    )


def _add_solver(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--solver", choices=SOLVER_NAMES, default="highs", help="MIP solver (default highs)"
    )


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="workbench",
        description="Posterior-chain program workbench: optimal weekly plans for strength coaches.",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    commands.required = True

    plan = commands.add_parser(
        "plan",
        help="plan a client's week",
        description="Plan a client's week: the smallest weighted shortfall under the hard limits "
        "(proven optimal), then the week a strength coach would write with the time left.",
    )
    plan.add_argument(
        "--client", metavar="FILE", help="client file (TOML); the options below override it"
    )
    plan.add_argument(
        "--days", type=str, metavar="N", help="training days per week, spread over the week"
    )
    # One option per client key that the command line may override (client.CLIENT_FIELDS).
    for spec in CLIENT_FIELDS:
        if spec.option is not None:
            plan.add_argument(
                spec.option, dest=spec.name, metavar=_METAVARS[spec.kind], help=spec.help
            )
    _add_library(plan)
    _add_solver(plan)
    plan.add_argument(
        "--time-limit",
        metavar="S",
        help="cap on the whole solve in seconds (default none: every stage to its proven gap, "
        "so the same inputs give the same plan)",
    )
    plan.add_argument(
        "--strict", action="store_true", help="exit 3 when any posterior-chain muscle stays short"
    )
    plan.add_argument(
        "--costs",
        action="store_true",
        help="for a week short of credible, also say which rubric lines covering every "
        "muscle's floor costs (one more solve: a week planned without the floors)",
    )
    plan.add_argument("--out", metavar="FILE", help="write the plan CSV here")
    plan.add_argument(
        "--alternatives",
        metavar="K",
        help="also find up to K-1 different weeks at the same optimal shortfall and within the "
        "coach value's gap of the best; with --out, written beside it as NAME-2.csv .. NAME-K.csv",
    )

    _add_block_command(commands)

    sweep = commands.add_parser(
        "sweep",
        help="re-plan a client at several minutes, days or equipment kits",
        description="Re-plan a client at each value of one limit and tabulate the shortfall, "
        "effective sets per muscle, minutes used and the coach check (one row per value). "
        "Days are chosen nested (N+1 days hold the N days), so the shortfall only falls.",
    )
    sweep.add_argument("--client", metavar="FILE", required=True, help="client file (TOML)")
    varied = sweep.add_mutually_exclusive_group(required=True)
    varied.add_argument("--minutes", metavar="LIST", help="minutes per session, e.g. 20,30,45,60")
    varied.add_argument("--days", metavar="LIST", help="training days a week, e.g. 2,3,4")
    varied.add_argument(
        "--kits", metavar="LIST", help="equipment kits from kits.toml, e.g. home,garage,gym"
    )
    _add_library(sweep)
    _add_solver(sweep)
    sweep.add_argument(
        "--time-limit", metavar="S", help="cap on each re-plan in seconds (default none)"
    )
    sweep.add_argument(
        "--shortfall-only",
        action="store_true",
        help="solve the shortfall only (fast; no coach value, so no coach check)",
    )
    sweep.add_argument("--out", metavar="FILE", help="write the sweep CSV here")

    _add_batch_command(commands)
    _add_generate_command(commands)

    cover = commands.add_parser(
        "coverage",
        help="effective sets per muscle against targets",
        description="Effective sets per muscle of a plan CSV against the targets.",
    )
    cover.add_argument("plan_csv", metavar="PLAN.csv")
    cover.add_argument(
        "--client", metavar="FILE", help="client file whose targets apply (default: the library's)"
    )
    _add_library(cover)
    cover.add_argument("--out", metavar="FILE", help="write the coverage CSV here")

    check = commands.add_parser(
        "check",
        help="check a plan or block CSV against the hard limits",
        description="Run the independent checker: exit 0 when every hard limit holds, 1 listing "
        "each violation. A block CSV (recognised by its header) is checked week by week, and "
        "the recovery limit across the boundary between weeks (Sunday to the next Monday).",
    )
    check.add_argument("plan_csv", metavar="PLAN.csv", help="a plan CSV or a block CSV")
    check.add_argument("--client", metavar="FILE", required=True)
    _add_library(check)

    library = commands.add_parser("library", help="library tools", description="Library tools.")
    library_commands = library.add_subparsers(
        dest="library_command", metavar="ACTION", parser_class=_Parser
    )
    library_commands.required = True
    validate = library_commands.add_parser(
        "validate",
        help="report every problem in a library",
        description="Check a library folder and report every problem with file, row and field.",
    )
    validate.add_argument(
        "folder", nargs="?", metavar="DIR", help="library folder (default: the shipped data/)"
    )
    _add_import_command(library_commands)

    # The app registers its own commands (its module is light); the report's module loads
    # the solver and pandas, so its parser lives here and the module loads when it runs.
    from workbench import app

    app.add_commands(commands)
    _add_report_command(commands)
    return parser


def _add_block_command(commands: Any) -> None:
    """Register ``workbench block`` on the CLI's sub-parsers."""
    parser = commands.add_parser(
        "block",
        help="plan a training block (3-5 accumulation weeks and a deload) or a fight camp",
        description=(
            "Plan a block of weeks for a client: the peak week is the one `workbench plan` "
            "writes; the weeks before it start near each muscle's floor and add 1-2 sets a "
            "week (never falling), effort rising from 3 reps in reserve to 0-1; the deload "
            "keeps the main lifts at 40-60% of the peak's sets, 4 reps in reserve. Every week "
            "passes the checker, recovery holding across the weeks' boundaries. With --camp, "
            "a fight camp of 8-12 weeks: strength (heavy main lifts for 5, 70-80% 1RM), "
            "strength-speed (main lifts for 3 at 80-90%, heavy power work beside them), speed "
            "(power work first and more of it, 3-5 fast reps, fewer main lifts, 50-65%) and a "
            "one-week taper on the speed weeks' exercises, no session bigger than the same "
            "day's in the last speed week; neck work on two days a week; only light work on "
            "the client's sparring days (the client file's `sparring`) and the heaviest "
            "lower-body work off the day before them where another day is free. "
            "The block CSV is the plan CSV with block_week first and rir, load after "
            "rest_seconds (docs/blocks.md)."
        ),
        epilog=(
            "exit codes: 0 block written (or printed); 1 the solver failed; 2 bad input (one "
            "line naming file, field and value); 3 no block: no week under the hard limits"
        ),
    )
    parser.add_argument("--client", metavar="FILE", required=True, help="client file (TOML)")
    parser.add_argument(
        "--weeks",
        metavar="N",
        help="weeks in the block: 4-6 (3-5 accumulation weeks and a deload; default 5), "
        "or 8-12 with --camp (default 10)",
    )
    parser.add_argument(
        "--deload-week",
        metavar="K",
        help="the deload's week, 1..N (default the last); not with --camp (it ends in a taper)",
    )
    parser.add_argument(
        "--camp",
        action="store_true",
        help="plan a fight camp ending on the fight (strength, strength-speed, speed, taper)",
    )
    parser.add_argument(
        "--fight-date",
        metavar="YYYY-MM-DD",
        help="with --camp: the fight's date; the camp's last week (Monday to Sunday) holds it, "
        "with no session the day before, on or after it (default: the fight follows the last "
        "week's last session)",
    )
    _add_library(parser)
    _add_solver(parser)
    parser.add_argument(
        "--out",
        metavar="FILE",
        help="write the block CSV here (atomically: a failed run leaves an existing file "
        "untouched)",
    )
    parser.set_defaults(handler=_cmd_block)


def _cmd_block(args: argparse.Namespace) -> int:
    import datetime as dt

    from workbench.blocks import plan_block, plan_camp
    from workbench.optimize import SolveOptions, Termination

    if not args.camp:
        for option, given in (("--fight-date", args.fight_date),):
            if given is not None:
                raise InputError(
                    "is for a fight camp (add --camp)", file=COMMAND_LINE, field=option, value=given
                )
    elif args.deload_week is not None:
        raise InputError(
            "a fight camp ends in its taper: no deload week to set",
            file=COMMAND_LINE,
            field="--deload-week",
            value=args.deload_week,
        )
    low, high = (8, 12) if args.camp else (4, 6)
    weeks = _number(args.weeks, "--weeks", low=low, high=high, whole=True)
    fight: dt.date | None = None
    if args.fight_date is not None:
        try:
            fight = dt.date.fromisoformat(args.fight_date.strip())
        except ValueError:
            raise InputError(
                f"'{args.fight_date}' is not a date (YYYY-MM-DD)",
                file=COMMAND_LINE,
                field="--fight-date",
                value=args.fight_date,
            ) from None
    library = _load_library(args.library)
    profiles = iotools.read_library_profiles(args.library, library)
    label = args.client
    client = validate_client(iotools.read_client(args.client), library, profiles, file=label)
    weights = iotools.read_library_weights(args.library)
    options = SolveOptions(solver=args.solver)
    if args.camp:
        result = plan_camp(
            library,
            client,
            profiles,
            options,
            weeks=int(weeks or 10),
            fight_date=fight,
            weights=weights,
            file=label,
        )
    else:
        deload = _number(args.deload_week, "--deload-week", low=1, high=int(weeks or 5), whole=True)
        result = plan_block(
            library,
            client,
            profiles,
            options,
            weeks=int(weeks or 5),
            deload_week=None if deload is None else int(deload),
            weights=weights,
            file=label,
        )
    if result.block is None:
        print(f"workbench: {result.message}", file=sys.stderr)
        return EXIT_NO_PLAN if result.status is Termination.INFEASIBLE else EXIT_FAILED
    _print_block(result)
    if args.out:
        iotools.write_block(result.block, args.out)
        print(f"\nWrote {args.out}")
    return EXIT_OK


def _print_block(result: Any) -> None:
    from workbench.present import number

    block = result.block
    library = result.problem.library
    movers = [m for m in result.problem.standards.prime_movers if library.has_muscle(m)]
    print(f"Block for {result.problem.client.name}: {len(block.weeks)} weeks")
    head = "  ".join(f"{library.muscle(m).name[:12]:>12}" for m in movers)
    print(f"{'week':>4}  {'role':<15} {'sets':>4}  {head}  coach check")
    for week, check in zip(block.weeks, result.checks, strict=True):
        sets = week.effective_sets()
        cells = "  ".join(f"{number(sets.get(m, 0.0)):>12}" for m in movers)
        dated = ""
        if block.start is not None:
            dated = f"  (from {block.dates(week.number)['Mon'].isoformat()})"
        print(
            f"{week.number:>4}  {week.role.title:<15} {week.total_sets:>4}  {cells}  "
            f"{check.passed}/{check.applicable}{dated}"
        )
    proof = block.proof
    if proof is not None:
        peak = "" if proof.peak_gap is None else f", its coach value within {proof.peak_gap:.1%}"
        print(
            f"Peak week: weighted shortfall {number(proof.shortfall)} (proven optimal){peak}; "
            "the weeks around it "
            + ("proven optimal" if proof.progression_proven else "best found in the work budget")
        )
        for miss in proof.misses:
            print(f"  not met: {miss}")
    if block.fight_date is not None:
        print(f"Fight: {block.fight_date.isoformat()}")


def _add_report_command(commands: Any) -> None:
    """Register ``workbench report`` on the CLI's sub-parsers."""
    parser = commands.add_parser(
        "report",
        help="write a standalone HTML report of a plan or a block",
        description=(
            "Check a plan CSV against a client's hard limits, then write a small standalone "
            "HTML page for the client: their limits, each session with a cue and load "
            "guidance per exercise, what each muscle gets in the week (and why anything "
            "falls short), and the coach's check. Given a block CSV (`workbench block "
            "--out`; told apart by its header), every week is checked and the page holds the "
            "block at a glance, each posterior-chain muscle's weekly sets across the block "
            "as small charts, then a page per week: its role (accumulation or deload, or the "
            "camp's phase) in the heading, each session with sets, reps (per side on "
            "unilateral work), rest, reps in reserve and load. The page works offline (no "
            "scripts). To report a block not planned yet: workbench block --client FILE "
            "--weeks N --out BLOCK.csv, then workbench report BLOCK.csv."
        ),
        epilog=(
            "exit codes: 0 report written; 1 the plan (or a week of the block) breaks a hard "
            "limit (each violation listed, nothing written); 2 bad input (one line naming "
            "file, row, field and value; nothing written)"
        ),
    )
    parser.add_argument(
        "plan_csv",
        metavar="PLAN.csv",
        help="the plan (as `workbench plan --out` writes) or a block (as `workbench block "
        "--out` writes: BLOCK.csv)",
    )
    parser.add_argument(
        "--client", metavar="FILE", required=True, help="client file (TOML) the plan is for"
    )
    parser.add_argument(
        "--out",
        metavar="FILE",
        required=True,
        help="write the HTML here (atomically: a failed run leaves an existing file untouched)",
    )
    parser.add_argument(
        "--library",
        metavar="DIR",
        help="folder with muscles.csv, exercises.csv, equipment.csv (default: the shipped data/)",
    )
    parser.add_argument(
        "--camp",
        action="store_true",
        help="a block CSV: report it as a fight camp (the block CSV does not hold the weeks' "
        "roles; with --camp each week is named by its camp phase: strength, strength-speed, "
        "speed, taper; a file of 8-12 weeks whose last week alone keeps 4 or more reps in "
        "reserve is read as a camp without it)",
    )
    parser.add_argument(
        "--fight-date",
        metavar="YYYY-MM-DD",
        help="for a fight camp: the fight's date, as given to `workbench block`; dates every "
        "week and day of the report",
    )
    parser.set_defaults(handler=_cmd_report)


def _cmd_report(args: argparse.Namespace) -> int:
    from workbench.report import run

    return run(args)


def _number(
    text: str | None, option: str, *, low: float, high: float, whole: bool = False
) -> float | None:
    if text is None:
        return None
    try:
        value = int(text) if whole else float(text)
    except ValueError:
        kind = "a whole number" if whole else "a number"
        raise InputError(
            f"'{text}' is not {kind}", file=COMMAND_LINE, field=option, value=text
        ) from None
    if not low <= value <= high:
        raise InputError(
            f"{text} is outside {low:g}..{high:g}", file=COMMAND_LINE, field=option, value=text
        )
    return value


def _load_library(folders: Sequence[str] | None) -> Library:
    return iotools.read_library(folders)


_METAVARS = {
    "days": "DAYS",
    "number": "M",
    "ids": "LIST",
    "choice": "L",
    "text": "ID",
    "whole": "N",
    "optional_whole": "N",
    "optional_number": "M",
}


def _override(spec_kind: str, text: str, option: str) -> object:
    if spec_kind in ("days", "ids"):
        return _csv_list(text)
    if spec_kind in ("number", "optional_number"):
        return _number(text, option, low=-1e9, high=1e9)
    if spec_kind in ("whole", "optional_whole"):
        return int(_number(text, option, low=-1e9, high=1e9, whole=True) or 0)
    return text


def _client(args: argparse.Namespace, library: Library, profiles: dict) -> tuple[Client, str]:
    label = args.client or COMMAND_LINE
    client = iotools.read_client(args.client) if args.client else Client()
    changes: dict[str, Any] = {}
    options: dict[str, str] = {}
    days = _number(args.days, "--days", low=1, high=7, whole=True)
    if days is not None:
        changes["weekdays"] = spread_days(int(days))
        options["weekdays"] = "--days"
    for spec in CLIENT_FIELDS:
        text = getattr(args, spec.name, None) if spec.option else None
        if text is not None:
            changes[spec.name] = _override(spec.kind, text, spec.option or spec.name)
            options[spec.name] = spec.option or spec.name
    try:
        client = replace(client, **changes)
        validate_client(client, library, profiles, file=label)
    except InputError as error:
        key = (error.field or "").split(".")[0]
        if key in options:
            raise InputError(
                error.message, file=COMMAND_LINE, field=options[key], value=error.value
            ) from None
        raise error.located(label) from None
    return client, label


def _print_plan(
    result: PlanResult, relaxations: Sequence[Relaxation] = (), *, costs_asked: bool = False
) -> None:
    from workbench.present import floor_words, number, sessions, status_words

    plan = result.plan
    assert plan is not None
    problem, solved = result.problem, result.solved
    client = problem.client
    print(
        f"Plan for {client.name}: {', '.join(problem.weekdays)}, "
        f"{number(client.minutes_per_session)} min a session, {client.level}, "
        f"sport {client.sport}"
    )
    print(
        f"Status: {status_words(solved)} ({solved.solver}, "
        f"{solved.build_seconds + solved.solve_seconds:.2f} s); "
        f"weighted shortfall {number(solved.shortfall or 0.0)} [sets/week]"
    )
    short_week = floor_words(problem)
    if short_week:
        print(short_week[0].upper() + short_week[1:])
    if result.check is not None:
        print(result.check.summary())
        if result.coverage_costs:
            print(
                "        covering every muscle's floor costs "
                + ", ".join(result.coverage_costs)
                + " in a week this short (a week without the floors would pass them)"
            )
        elif not result.check.credible and not costs_asked:
            print("        (--costs says whether covering every muscle's floor costs them)")
    width = max((len(entry.exercise) for entry in plan.entries), default=10)
    locks = {(lock.exercise_id, lock.weekday) for lock in client.locks}
    if client.locks or client.swaps:
        kept = ", ".join(map(str, client.locks)) or "nothing"
        swapped = ", ".join(map(str, client.swaps)) or "nothing"
        print(f"Locked: {kept}; swapped out: {swapped}")
    for session in sessions(plan, problem.weekdays, client.minutes_per_session):
        print(f"\n{session.weekday}  {number(session.minutes)}/{number(session.booked)} min")
        if not session.entries:
            print("  (rest day: nothing needed)")
        for entry in session.entries:
            locked = "  (locked)" if (entry.exercise_id, entry.weekday) in locks else ""
            print(
                f"  {entry.order:>2}. {entry.exercise:<{width}}  {entry.sets} x {entry.reps:<6} "
                f"rest {entry.rest_seconds:>3} s  {number(entry.minutes):>5} min{locked}"
            )
    print("\nCoverage [effective sets/week]  (posterior chain first)")
    _print_coverage(list(result.coverage))
    if result.check is not None and result.check.failed:
        print("\nCoach check:")
        for criterion in result.check.criteria:
            if criterion.applies:
                mark = "ok  " if criterion.passed else "MISS"
                print(f"  {mark} {criterion.id:<3} {criterion.title}: {criterion.detail}")
    if result.short:
        print("\nLeft short:")
        for short in result.short:
            print(f"  {short}")
        weighted = number(result.solved.shortfall or 0.0)
        print(f"\nWhat relaxing buys (weighted shortfall now {weighted}):")
        for relaxation in relaxations:
            print(f"  {relaxation}")
        if not relaxations:
            print("  neither more minutes, one more day nor one more equipment item helps")


def _print_coverage(rows: list[MuscleCoverage]) -> None:
    from workbench.present import number

    for row in rows:
        if row.chain != "posterior" and row.effective_sets == 0:
            continue
        mark = {
            "short": f"SHORT by {number(row.shortfall)}",
            "over": f"OVER by {number(row.excess)}",
            "ok": "ok",
        }[row.status]
        print(
            f"  {row.muscle:<40} {row.effective_sets:>5.1f}  "
            f"[{number(row.min_sets)}-{number(row.max_sets)}]  {row.chain:<9} {mark}"
        )


def _cmd_plan(args: argparse.Namespace) -> int:
    from workbench.explain import what_relaxing_buys
    from workbench.optimize import SolveOptions, Termination
    from workbench.planner import make_plan

    library = _load_library(args.library)
    profiles = iotools.read_library_profiles(args.library, library)
    client, label = _client(args, library, profiles)
    limit = _number(args.time_limit, "--time-limit", low=0.1, high=3600)
    wanted = _number(args.alternatives, "--alternatives", low=1, high=MAX_ALTERNATIVES, whole=True)
    options = SolveOptions(solver=args.solver, time_limit=limit)
    weights = iotools.read_library_weights(args.library)
    result = make_plan(
        library, client, profiles, options, weights=weights, costs=args.costs, file=label
    )
    if result.status is Termination.INFEASIBLE:
        print(f"workbench: {result.message}", file=sys.stderr)
        return EXIT_NO_PLAN
    if result.plan is None:
        print(f"workbench: {result.message}", file=sys.stderr)
        return EXIT_FAILED
    relaxations = what_relaxing_buys(result.problem, result.solved, options) if result.short else []
    _print_plan(result, relaxations, costs_asked=args.costs)
    if args.strict and result.short:
        names = ", ".join(f"{s.muscle_id} ({s.cause})" for s in result.short)
        best = f"; best single change: {relaxations[0]}" if relaxations else ""
        print(f"workbench: --strict: muscles left short: {names}{best}", file=sys.stderr)
        return EXIT_NO_PLAN
    if args.out:
        iotools.write_plan(result.plan, args.out)
        print(f"\nWrote {args.out}")
    if wanted is not None and wanted > 1:
        _alternatives(result, int(wanted), options, args.out)
    return EXIT_OK


MAX_ALTERNATIVES = 20


def _alternative_path(out: str | Path, number: int) -> Path:
    """Where the ``number``-th week goes beside ``out``: plan.csv -> plan-2.csv."""
    path = Path(out)
    return path.with_name(f"{path.stem}-{number}{path.suffix}")


def _difference(best: Plan, other: Plan) -> str:
    """What ``other`` does differently from ``best``: +added@Day, -dropped@Day."""
    mine = {(e.exercise_id, e.weekday) for e in best.entries}
    theirs = {(e.exercise_id, e.weekday) for e in other.entries}
    order = {d: i for i, d in enumerate(WEEKDAYS)}

    def key(item: tuple[str, str]) -> tuple[int, str]:
        return (order[item[1]], item[0])

    added = [f"+{e}@{d}" for e, d in sorted(theirs - mine, key=key)]
    dropped = [f"-{e}@{d}" for e, d in sorted(mine - theirs, key=key)]
    changes = [*added, *dropped]
    return ", ".join(changes) if changes else "the same exercises, other sets"


def _alternatives(result: PlanResult, wanted: int, options: SolveOptions, out: str | None) -> None:
    from workbench.present import number
    from workbench.whatif import coach_value, plan_alternatives

    found = plan_alternatives(result, wanted, options)
    best = result.plan
    assert best is not None
    value = found.best_value
    floor = found.value_floor
    if value is not None and floor is not None:
        print(
            f"\nAlternatives: weighted shortfall {number(result.solved.shortfall or 0.0)} "
            f"(proven optimal), coach value at least {floor:.1f} (best {value:.1f} points)"
        )
    for index, alternative in enumerate(found.plans[1:], start=2):
        plan = alternative.plan
        assert plan is not None and alternative.check is not None
        alt_value = coach_value(alternative) or 0.0
        written = ""
        if out:
            path = _alternative_path(out, index)
            iotools.write_plan(plan, path)
            written = f"; wrote {path}"
        print(
            f"  {index}. coach value {alt_value:.1f}, {alternative.check.summary()}: "
            f"{_difference(best, plan)}{written}"
        )
    if not found.complete:
        print(f"Only {len(found.plans)} of {wanted} weeks: {found.note}")


def _values(text: str, option: str, *, whole: bool, low: float, high: float) -> list[float]:
    items = _csv_list(text)
    if not items:
        raise InputError("names no value", file=COMMAND_LINE, field=option, value=text)
    values = [_number(item, option, low=low, high=high, whole=whole) for item in items]
    return [v for v in values if v is not None]


def _cmd_sweep(args: argparse.Namespace) -> int:
    from workbench.optimize import SolveOptions
    from workbench.planner import make_plan
    from workbench.whatif import sweep_clients, sweep_frame

    library = _load_library(args.library)
    profiles = iotools.read_library_profiles(args.library, library)
    client = validate_client(iotools.read_client(args.client), library, profiles, file=args.client)
    limit = _number(args.time_limit, "--time-limit", low=0.1, high=3600)
    options = SolveOptions(
        solver=args.solver, time_limit=limit, preferences=not args.shortfall_only
    )
    kits = iotools.read_library_kits(args.library, library)
    values: list[Any]
    if args.minutes is not None:
        parameter, option = "minutes", "--minutes"
        values = [
            int(v) if float(v).is_integer() else v
            for v in _values(args.minutes, option, whole=False, low=1, high=MAX_MINUTES)
        ]
    elif args.days is not None:
        parameter, option = "days", "--days"
        values = [int(v) for v in _values(args.days, option, whole=True, low=1, high=7)]
    else:
        parameter, option = "kit", "--kits"
        values = list(_csv_list(args.kits))
    try:
        clients = sweep_clients(client, parameter, values, kits)
    except InputError as error:
        raise InputError(
            error.message, file=COMMAND_LINE, field=option, value=error.value
        ) from None
    weights = iotools.read_library_weights(args.library)
    results = []
    for value, variant in clients:
        planned = make_plan(
            library, variant, profiles, options, weights=weights, explain=False, file=args.client
        )
        results.append((value, planned))
    frame = sweep_frame(parameter, results)
    _print_sweep(client, parameter, frame)
    if args.out:
        iotools.write_table(list(frame.columns), frame.itertuples(index=False), args.out)
        print(f"\nWrote {args.out}")
    return EXIT_OK


def _print_sweep(client: Client, parameter: str, frame: Any) -> None:
    from workbench.present import number

    print(
        f"Sweep of {parameter} for {client.name} "
        f"({', '.join(client.weekdays)}, {number(client.minutes_per_session)} min a session)"
    )
    header = (
        f"{parameter:>8}  {'weekdays':<20} {'status':<10} {'shortfall':>9}  "
        f"{'minutes used':>14}  {'coach check':<11}  short / misses"
    )
    print(header)
    for row in frame.to_dict("records"):
        shortfall = (
            "-"
            if row["total_shortfall"] != row["total_shortfall"]
            else number(row["total_shortfall"])
        )
        used = (
            "-"
            if row["minutes_used"] != row["minutes_used"]
            else f"{number(row['minutes_used'])}/{number(row['minutes_booked'])}"
        )
        check = (
            "-"
            if row["coach_applicable"] != row["coach_applicable"]
            else f"{int(row['coach_passed'])}/{int(row['coach_applicable'])}"
        )
        notes = "; ".join(
            part
            for part in (
                f"short: {row['short_muscles'].replace(';', ', ')}" if row["short_muscles"] else "",
                f"misses {row['coach_misses'].replace(';', ', ')}" if row["coach_misses"] else "",
                row["message"],
            )
            if part
        )
        print(
            f"{row[parameter]!s:>8}  {row['weekdays'].replace(';', ','):<20} "
            f"{row['status']:<10} {shortfall:>9}  {used:>14}  {check:<11}  {notes}"
        )


# --- roster planning (branch batch) ----------------------------------------------------

BATCH_FORMATS = f"""roster:
  a folder  every *.toml in it is a client file (as for plan --client); the plan of
            clients/sam.toml is written to DIR/plans/sam.csv
  a CSV     one client a row under a header of client keys:
{textwrap.fill(", ".join(ROSTER_COLUMNS) + ",", 90, initial_indent=" " * 12, subsequent_indent=" " * 12)}
            targets.<muscle>.min, targets.<muscle>.max, priorities.<muscle>. Lists go in
            one cell separated by ';' (or spaces): kettlebell;band;pullup_bar. An empty cell
            keeps the default; minutes_per_session and weekdays or days_per_week are needed.
            The plan of "Sam (home)" is written to DIR/plans/sam_home.csv (-2, -3 for a
            name used twice)

output (DIR):
  plans/*.csv    one plan CSV per planned client, the bytes `workbench plan --out` writes,
                 each passed by the independent checker
  summary.csv    one row per client: client, source, file, status (planned, bad_input,
                 no_plan, failed), shortfall, short_muscles, coach_check (e.g. 19/19),
                 coach_misses, minutes (used a week), minutes_booked, seconds, reason
  manifest.json  the input hash of each planned client

A client that cannot be read or planned is a summary row and one line on stderr; the others
are planned. A rerun keeps the plans whose client, library and solver are unchanged (--force
plans all again). Exit codes: 0 every client planned; else 2 if a client's input is bad,
3 if a client has no plan under the hard limits, 1 if a solve failed (the first that applies)."""


def _add_batch_command(commands: Any) -> None:
    batch = commands.add_parser(
        "batch",
        help="plan every client of a roster (a folder of client files or a CSV)",
        description="Plan every client of a roster, each as `workbench plan` would, on every\n"
        "local core or on a Dask cluster; write one plan CSV per client and a summary.",
        epilog=BATCH_FORMATS,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    batch.add_argument("roster", metavar="ROSTER", help="folder of client files, or roster CSV")
    batch.add_argument("--out", metavar="DIR", required=True, help="folder for plans and summary")
    _add_library(batch)
    _add_solver(batch)
    where = batch.add_mutually_exclusive_group()
    where.add_argument(
        "--workers", metavar="N", help="local processes (default: every core, os.cpu_count())"
    )
    where.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="plan on a Dask distributed cluster, e.g. tcp://10.0.0.5:8786 (same plans)",
    )
    batch.add_argument("--force", action="store_true", help="plan every client again")
    batch.add_argument(
        "--quiet", action="store_true", help="no progress bar or report (failures still shown)"
    )
    batch.set_defaults(handler=_cmd_batch)


def _cmd_batch(args: argparse.Namespace) -> int:
    from workbench import batch  # imported here: the Dask and tqdm imports stay off --help

    workers = _number(args.workers, "--workers", low=1, high=1024, whole=True)
    return batch.run(
        args.roster,
        args.out,
        library=args.library,
        solver=args.solver,
        workers=int(workers) if workers is not None else None,
        scheduler=args.scheduler,
        force=args.force,
        quiet=args.quiet,
    )


# --- end roster planning ----------------------------------------------------------------

# --- generated clients (branch gen) -------------------------------------------------------

MAX_GENERATED = 100_000
GENERATE_EPILOG = """Each client is what a coach's intake would produce: a sport (general most often; desk
worker, runner, fighter, and any other profile of the library), an age, a level (beginners
commonest among desk workers and older clients), a kit from kits.toml or a pull-up bar
alone, 1-6 training days on realistic weekdays (spread, back-to-back blocks, weekends),
20-120 minutes a session (mostly 30-75), an injury now and then (avoid), and now and then a
required or banned lift, muscle priorities, a posterior-chain-only scope or its own warm-up.
The i-th client comes from seed S+i: the same seed gives the same file, byte for byte, and
its name ends with "(seed N)". Every client is checked against the library and profiles.

output:
  --out DIR   DIR/client_<seed>.toml for each client (atomically), one line each on stdout:
              seed, file, and a summary
  no --out    the TOML of each client on stdout, after a "# seed N: summary" line

exit codes: 0 written; 2 bad input (one line naming the option or file and the value)"""


def _add_generate_command(commands: Any) -> None:
    parser = commands.add_parser(
        "generate",
        help="write fresh, realistic client files from a seed",
        description="Generate realistic clients from a seed, for speed measurements, property "
        "tests and blind reviews on clients nobody tuned the planner on.",
        epilog=GENERATE_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--seed", metavar="S", default="0", help="first seed (default 0)")
    parser.add_argument("--count", metavar="N", default="1", help="how many clients (default 1)")
    parser.add_argument("--days", metavar="N", help="pin the training days a week (1-7)")
    parser.add_argument("--minutes", metavar="M", help="pin the minutes per session")
    parser.add_argument(
        "--grid",
        action="store_true",
        help="spread the clients evenly over 1-6 days x 20-120 minutes (as the solve-time "
        "benchmark does) instead of drawing days and minutes",
    )
    parser.add_argument("--out", metavar="DIR", help="folder for the client files (made if new)")
    _add_library(parser)
    parser.set_defaults(handler=_cmd_generate)


def _cmd_generate(args: argparse.Namespace) -> int:
    from workbench.generate import describe_client, generate_clients, grid_clients

    seed = int(_number(args.seed, "--seed", low=0, high=2**63 - 1, whole=True) or 0)
    count = int(_number(args.count, "--count", low=1, high=MAX_GENERATED, whole=True) or 1)
    days = _number(args.days, "--days", low=1, high=len(WEEKDAYS), whole=True)
    minutes = _number(args.minutes, "--minutes", low=1, high=MAX_MINUTES)
    if args.grid and (days is not None or minutes is not None):
        option = "--days" if days is not None else "--minutes"
        raise InputError(
            f"--grid spans the days and minutes itself; leave out {option}",
            file=COMMAND_LINE,
            field=option,
            value=args.days if days is not None else args.minutes,
        )
    library = _load_library(args.library)
    profiles = iotools.read_library_profiles(args.library, library)
    kits = iotools.read_library_kits(args.library, library)
    sports = sorted(profiles)
    if args.grid:
        clients = grid_clients(seed, count, sports=sports, kits=kits, library=library)
    else:
        clients = generate_clients(
            seed,
            count,
            sports=sports,
            kits=kits,
            library=library,
            days=None if days is None else int(days),
            minutes=minutes,
        )
    folder = iotools.make_folder(args.out) if args.out else None
    for offset, client in enumerate(clients):
        client_seed = seed + offset
        validate_client(client, library, profiles, file=f"seed {client_seed}")
        summary = describe_client(client)
        if folder is None:
            print(f"# seed {client_seed}: {summary}")
            print(iotools.client_toml(client))
        else:
            path = iotools.write_client(client, folder / f"client_{client_seed}.toml")
            print(f"seed {client_seed}  {path}  {summary}", flush=True)
    return EXIT_OK


# --- end generated clients ----------------------------------------------------------------


def _read_plan_for(path: str, library: Library) -> Plan:
    plan = iotools.read_plan(path)
    for row, entry in enumerate(plan.entries, start=2):
        if not library.has_exercise(entry.exercise_id):
            raise InputError(
                f"'{entry.exercise_id}' is not an exercise id in the library",
                file=path,
                row=row,
                field="exercise_id",
                value=entry.exercise_id,
            )
    return plan


def _cmd_coverage(args: argparse.Namespace) -> int:
    from workbench.analytics import coverage, coverage_rows

    library = _load_library(args.library)
    profiles = iotools.read_library_profiles(args.library, library)
    plan = _read_plan_for(args.plan_csv, library)
    if args.client:
        client = validate_client(
            iotools.read_client(args.client), library, profiles, file=args.client
        )
        # The client's floors as the planner holds them (a short week carries less).
        weights = iotools.read_library_weights(args.library)
        targets = dict(make_problem(library, client, profiles, weights, file=args.client).targets)
    else:
        targets = resolve_targets(library, Client())
    rows = coverage(plan, library, targets)
    print("Coverage [effective sets/week]")
    _print_coverage(rows)
    if args.out:
        iotools.write_coverage(coverage_rows(rows), args.out)
        print(f"Wrote {args.out}")
    return EXIT_OK


def _cmd_check(args: argparse.Namespace) -> int:
    library = _load_library(args.library)
    profiles = iotools.read_library_profiles(args.library, library)
    client = validate_client(iotools.read_client(args.client), library, profiles, file=args.client)
    targets = resolve_targets(library, client, profiles.get(client.sport))
    if iotools.is_block_csv(args.plan_csv):
        # A block file (its header says so): every week, and recovery across the weeks.
        block = iotools.read_block(args.plan_csv)
        violations = check_block(block, library, client, targets)
        holds = f"every hard limit holds in each of its {len(block.weeks)} weeks"
    else:
        violations = check_plan(iotools.read_plan(args.plan_csv), library, client, targets)
        holds = "every hard limit holds"
    if violations:
        for violation in violations:
            print(f"{args.plan_csv}: {violation}")
        return EXIT_FAILED
    print(f"{args.plan_csv}: {holds} for {client.name}")
    return EXIT_OK


# --- library import (branch importer) -------------------------------------------------
# `workbench library import SOURCE PATH --out DIR`: everything the importer adds to the CLI.


def _add_import_command(library_commands: Any) -> None:
    from workbench.importer import SOURCES

    command = library_commands.add_parser(
        "import",
        help="convert a public exercise database into a library folder",
        description="Convert a public exercise database into a library folder by our schema "
        "(families included), by the rules of a coach-editable mapping file "
        "(default: data/imports/SOURCE.toml). Prints what was written, skipped (by reason) and "
        "what could not be mapped. The folder is written completely or not at all; an existing "
        "one is replaced only when it is an earlier import.",
    )
    command.add_argument("source", choices=sorted(SOURCES), help="which database PATH holds")
    command.add_argument("path", metavar="PATH", help="its exercises.json (or the folder)")
    command.add_argument("--out", metavar="DIR", required=True, help="library folder to write")
    command.add_argument(
        "--mapping", metavar="FILE", help="mapping file (default: the shipped one)"
    )
    command.set_defaults(handler=_cmd_library_import)


def _cmd_library_import(args: argparse.Namespace) -> int:
    from workbench.importer import import_free_exercise_db

    report = import_free_exercise_db(args.path, args.out, args.mapping)
    for line in report.lines():
        print(line)
    print(f"Wrote {args.out} (check it: workbench library validate {args.out})")
    return EXIT_OK


# --- end library import ---------------------------------------------------------------


def _cmd_library(args: argparse.Namespace) -> int:
    if getattr(args, "handler", None) is not None:
        return int(args.handler(args))
    try:
        library = iotools.read_library(args.folder)
    except LibraryError as error:
        for problem in error.problems:
            print(problem.line())
        print(f"{len(error.problems)} problem(s)", file=sys.stderr)
        return EXIT_INPUT
    print(
        f"{library.source}: {len(library.exercises)} exercises, {len(library.muscles)} muscles, {len(library.equipment)} equipment items: no problems"
    )
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    handlers = {
        "plan": _cmd_plan,
        "sweep": _cmd_sweep,
        "coverage": _cmd_coverage,
        "check": _cmd_check,
        "library": _cmd_library,
    }
    try:
        if args.command in handlers:
            return handlers[args.command](args)
        return int(args.handler(args))
    except LibraryError as error:
        print(f"workbench: {error.line()}", file=sys.stderr)
        return EXIT_INPUT
    except InputError as error:
        print(f"workbench: {error.line()}", file=sys.stderr)
        return EXIT_INPUT
    except WorkbenchError as error:
        print(f"workbench: {error}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader (e.g. ``| head``) went away; nothing left to say.
        sys.stderr.close()
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
