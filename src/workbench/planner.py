"""The orchestrator: solve, check, and explain. The CLI and the dashboard call only this.

``make_plan`` is a pure function of frozen inputs; a what-if is another call with an
evolved client.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from workbench.analytics import MuscleCoverage, coverage
from workbench.check import Violation, check_plan
from workbench.client import MAX_MINUTES, Client, SportProfile
from workbench.glossary import WEEKDAYS
from workbench.library import Library
from workbench.plan import Plan
from workbench.problem import Problem, exclusion_reasons, make_problem
from workbench.solve import ModelOptions, SolveOptions, SolveResult, Status, solve

__all__ = [
    "PlanResult",
    "Relaxation",
    "ShortMuscle",
    "explain_infeasible",
    "explain_shortfalls",
    "make_plan",
    "what_relaxing_buys",
]
TOLERANCE = 1e-6
#: Time allowed for each re-solve that explains a gap [s].
EXPLAIN_SECONDS = 5.0
#: The "more minutes" a coach is offered first [min per session].
MORE_MINUTES = 15
#: Equipment items tried, the ones opening most exercises for the short muscles first.
EQUIPMENT_TRIED = 3


@dataclass(frozen=True)
class ShortMuscle:
    """A posterior-chain muscle below its minimum, with the binding cause.

    ``cause`` is one of ``exercises`` (no allowed exercise reaches it), ``time``,
    ``recovery`` or ``limits`` (sets per exercise or other muscles' maxima).
    """

    muscle_id: str
    shortfall: float
    cause: str
    reason: str

    def __str__(self) -> str:
        return f"{self.muscle_id} short by {self.shortfall:g}: {self.reason}"


@dataclass(frozen=True)
class PlanResult:
    problem: Problem
    solved: SolveResult
    violations: tuple[Violation, ...] = ()
    coverage: tuple[MuscleCoverage, ...] = ()
    short: tuple[ShortMuscle, ...] = field(default=())
    message: str = ""

    @property
    def plan(self) -> Plan | None:
        """The plan, only when it passed the independent checker."""
        return self.solved.plan if self.solved.ok and not self.violations else None

    @property
    def status(self) -> Status:
        return Status.ERROR if self.violations else self.solved.status


def _short_by(rows: tuple[MuscleCoverage, ...] | list[MuscleCoverage]) -> dict[str, float]:
    return {
        r.muscle_id: r.shortfall for r in rows if r.chain == "posterior" and r.shortfall > TOLERANCE
    }


def _shortfalls_of(
    problem: Problem, options: SolveOptions, model_options: ModelOptions | None = None
) -> dict[str, float] | None:
    result = solve(problem, replace(options, time_limit=EXPLAIN_SECONDS), model_options)
    if not result.ok or result.plan is None:
        return None
    return _short_by(coverage(result.plan, problem.library, problem.targets))


def _opened_by_one_item(problem: Problem, muscles: set[str]) -> dict[str, list[str]]:
    """Equipment item -> the exercises reaching ``muscles`` that this one item would allow.

    Only exercises kept out by equipment alone count (not level, avoided tags or bans).
    """
    opened: dict[str, list[str]] = {}
    for exercise in problem.library.exercises:
        if exercise in problem.eligible or not any(exercise.weight(m) for m in muscles):
            continue
        missing = exercise.needs - problem.client.available_equipment
        others = [
            r for r in exclusion_reasons(exercise, problem.client) if not r.startswith("needs")
        ]
        if len(missing) == 1 and not others:
            opened.setdefault(next(iter(missing)), []).append(exercise.id)
    return opened


def _no_exercise_reason(problem: Problem, muscle_id: str) -> str | None:
    reaching = [e for e in problem.library.exercises if e.weight(muscle_id) > 0]
    if any(e in problem.eligible for e in reaching):
        return None
    if not reaching:
        return "no exercise in the library reaches it"
    why = sorted({r for e in reaching for r in exclusion_reasons(e, problem.client)})
    text = (
        f"no allowed exercise reaches it (its {len(reaching)} exercises: "
        + "; ".join(why[:4])
        + ")"
    )
    opened = _opened_by_one_item(problem, {muscle_id})
    if opened:
        item, exercises = max(opened.items(), key=lambda kv: (len(kv[1]), kv[0]))
        text += f"; adding {item} would allow {', '.join(exercises[:3])}"
    return text


def explain_shortfalls(
    problem: Problem, result: SolveResult, options: SolveOptions
) -> list[ShortMuscle]:
    """The binding cause of every posterior-chain muscle left short, found by re-solving relaxations."""
    if result.plan is None:
        return []
    short = _short_by(coverage(result.plan, problem.library, problem.targets))
    explained = []
    relaxed_time: dict[str, float] | None = None
    relaxed_recovery: dict[str, float] | None = None
    for muscle_id, amount in short.items():
        reason = _no_exercise_reason(problem, muscle_id)
        if reason is not None:
            explained.append(ShortMuscle(muscle_id, amount, "exercises", reason))
            continue
        if relaxed_time is None:
            longer = replace(
                problem, client=problem.client.evolve(minutes_per_session=float(MAX_MINUTES))
            )
            relaxed_time = _shortfalls_of(longer, options) or {}
        if relaxed_time.get(muscle_id, 0.0) < amount - TOLERANCE:
            explained.append(
                ShortMuscle(
                    muscle_id,
                    amount,
                    "time",
                    f"time: {problem.client.minutes_per_session:g} min x {len(problem.weekdays)} sessions "
                    "cannot fit enough sets for it alongside the other muscles",
                )
            )
            continue
        if relaxed_recovery is None:
            relaxed_recovery = _shortfalls_of(problem, options, ModelOptions(recovery=False)) or {}
        if relaxed_recovery.get(muscle_id, 0.0) < amount - TOLERANCE:
            explained.append(
                ShortMuscle(
                    muscle_id,
                    amount,
                    "recovery",
                    "recovery: its exercises cannot be repeated on consecutive training days "
                    f"({', '.join(problem.weekdays)})",
                )
            )
            continue
        explained.append(
            ShortMuscle(
                muscle_id,
                amount,
                "limits",
                f"limits: {problem.client.max_sets_per_exercise} sets per exercise and other muscles' "
                "maxima cap the allowed exercises that reach it",
            )
        )
    return explained


@dataclass(frozen=True)
class Relaxation:
    """One change to the client's limits and the optimal weighted shortfall it would give."""

    change: str
    client: Client
    shortfall: float  # priority-weighted, proven optimal unless ``proven`` is False [sets/week]
    proven: bool = True

    def __str__(self) -> str:
        closes = "closes every gap" if self.shortfall <= TOLERANCE else "leaves"
        amount = "" if self.shortfall <= TOLERANCE else f" {self.shortfall:g} short"
        return f"{self.change}: {closes}{amount}"


def _extra_weekday(weekdays: tuple[str, ...]) -> str | None:
    """The free weekday with the fewest training neighbours (Sun->Mon counts); earliest first."""
    free = [d for d in WEEKDAYS if d not in weekdays]

    def neighbours(day: str) -> int:
        i = WEEKDAYS.index(day)
        return sum(WEEKDAYS[(i + k) % 7] in weekdays for k in (-1, 1))

    return min(free, key=lambda d: (neighbours(d), WEEKDAYS.index(d))) if free else None


def what_relaxing_buys(
    problem: Problem, result: SolveResult, options: SolveOptions | None = None
) -> list[Relaxation]:
    """For a plan left short: the optimal shortfall with more minutes, one more day, or one
    more equipment item, each found by re-solving (the shortfall stage only). Best first."""
    if result.plan is None or not result.shortfall or result.shortfall <= TOLERANCE:
        return []
    quick = replace(options or SolveOptions(), time_limit=EXPLAIN_SECONDS, preferences=False)
    client = problem.client
    candidates: list[tuple[str, Client]] = []
    if client.minutes_per_session < MAX_MINUTES:
        more = min(float(MAX_MINUTES), client.minutes_per_session + MORE_MINUTES)
        candidates.append(
            (
                f"{more:g} min a session (+{more - client.minutes_per_session:g})",
                client.evolve(minutes_per_session=more),
            )
        )
    day = _extra_weekday(problem.weekdays)
    if day is not None:
        weekdays = tuple(d for d in WEEKDAYS if d in problem.weekdays or d == day)
        candidates.append((f"one more day ({day})", client.evolve(weekdays=weekdays)))
    short = set(_short_by(coverage(result.plan, problem.library, problem.targets)))
    opened = _opened_by_one_item(problem, short)
    most_first = sorted(opened, key=lambda item: (-len(opened[item]), item))
    for item in most_first[:EQUIPMENT_TRIED]:
        name = next((e.name for e in problem.library.equipment if e.id == item), item)
        candidates.append((f"add {name}", client.evolve(equipment=(*client.equipment, item))))
    relaxations = []
    for change, relaxed in candidates:
        solved = solve(replace(problem, client=relaxed), quick)
        if solved.ok and solved.shortfall is not None:
            proven = solved.status is Status.OPTIMAL
            relaxations.append(Relaxation(change, relaxed, solved.shortfall, proven))
    return sorted(relaxations, key=lambda r: (r.shortfall, r.change))


def explain_infeasible(problem: Problem, result: SolveResult, options: SolveOptions) -> str:
    """Which hard limits conflict, and what relaxing each would buy."""
    if result.conflicts:
        return "no plan meets the hard limits: " + "; ".join(result.conflicts)
    fixes = []
    quick = replace(options, time_limit=EXPLAIN_SECONDS)
    if solve(
        replace(problem, client=problem.client.evolve(minutes_per_session=float(MAX_MINUTES))),
        quick,
    ).ok:
        fixes.append("more minutes per session would allow a plan")
    if solve(problem, quick, ModelOptions(recovery=False)).ok:
        fixes.append(
            "the required exercises share a primary muscle on consecutive days (recovery); other weekdays would allow a plan"
        )
    if solve(problem, quick, ModelOptions(max_limits=False)).ok:
        fixes.append(
            "the required exercises push a muscle above its maximum; a higher maximum would allow a plan"
        )
    if not fixes:
        fixes.append("the required exercises cannot all be placed; require fewer")
    return "no plan meets the hard limits: " + "; ".join(fixes)


def make_plan(
    library: Library,
    client: Client,
    profiles: Mapping[str, SportProfile] | None = None,
    options: SolveOptions | None = None,
    *,
    explain: bool = True,
    file: str = "client",
) -> PlanResult:
    """Solve, check every plan independently, and explain gaps or conflicts.

    Raises :class:`~workbench.errors.InputError` for a client that names unknown ids.
    """
    options = options or SolveOptions()
    problem = make_problem(library, client, profiles, file=file)
    solved = solve(problem, options)
    if solved.status is Status.INFEASIBLE:
        message = explain_infeasible(problem, solved, options) if explain else solved.message
        return PlanResult(problem, solved, message=message)
    if not solved.ok or solved.plan is None:
        return PlanResult(problem, solved, message=solved.message)
    violations = tuple(check_plan(solved.plan, library, problem.client, problem.targets))
    if violations:
        return PlanResult(
            problem,
            solved,
            violations=violations,
            message="the plan failed the independent check: " + "; ".join(map(str, violations)),
        )
    rows = tuple(coverage(solved.plan, library, problem.targets))
    short = tuple(explain_shortfalls(problem, solved, options)) if explain else ()
    return PlanResult(problem, solved, coverage=rows, short=short, message=solved.message)
