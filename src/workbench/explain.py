"""Why a muscle is short, why no plan exists, and what a coach would have to relax.

Every answer comes from re-solving: the shortfall stage with one hard limit left out (so any
limit added to :class:`~workbench.rules.HardLimit` and its constraint is tried for free), or
with one change to the client (more minutes, one more day, one more equipment item).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum

from workbench.analytics import coverage
from workbench.client import MAX_MINUTES, Client
from workbench.glossary import WEEKDAYS
from workbench.optimize import ALL_LIMITS, SolveOptions, SolveResult, Termination, solve
from workbench.problem import Problem, exclusion_reasons
from workbench.rules import HardLimit

__all__ = [
    "NO_PLAN",
    "RELAXABLE",
    "Cause",
    "Relaxation",
    "ShortMuscle",
    "explain_infeasible",
    "explain_shortfalls",
    "infeasible_reasons",
    "short_muscles",
    "what_relaxing_buys",
]

TOLERANCE = 1e-6
#: The "more minutes" a coach is offered first [min per session].
MORE_MINUTES = 15
#: Equipment items tried, the ones opening most exercises for the short muscles first.
EQUIPMENT_TRIED = 3


class Cause(StrEnum):
    """What keeps a short muscle below its minimum (the binding cause)."""

    EXERCISES = "exercises"  # no allowed exercise reaches it
    TIME = "time"
    RECOVERY = "recovery"
    LIMITS = "limits"
    REQUIRED = "required"


#: Limits a diagnosis may leave out, in the order they are tried, with what each means to a
#: coach when leaving it out helps. Limits 1, 3 and 4 are the client's own choices (days,
#: equipment, level and injuries): the client changes below speak to those.
RELAXABLE: dict[HardLimit, tuple[Cause, str]] = {
    HardLimit.SESSION_MINUTES: (Cause.TIME, "longer sessions"),
    HardLimit.RECOVERY: (Cause.RECOVERY, "other weekdays (no muscle primary two days running)"),
    HardLimit.MUSCLE_MAXIMUM: (Cause.LIMITS, "a higher weekly maximum on another muscle"),
    HardLimit.SETS_PER_EXERCISE: (Cause.LIMITS, "other sets per exercise"),
    HardLimit.EXERCISES_PER_SESSION: (Cause.LIMITS, "more exercises per session"),
    HardLimit.REQUIRED: (Cause.REQUIRED, "fewer required exercises or locks"),
}
#: Causes whose reason names them first ("time: 45 min x 3 sessions cannot fit ...").
_NAMED_FIRST = frozenset({Cause.TIME, Cause.RECOVERY, Cause.LIMITS})


@dataclass(frozen=True)
class ShortMuscle:
    """A posterior-chain muscle below its minimum, with the binding cause and what it is
    about this client (``detail``: "45 min x 3 sessions cannot fit ...")."""

    muscle_id: str
    shortfall: float
    cause: Cause
    detail: str

    @property
    def reason(self) -> str:
        """The cause and its detail in one line, as the command line prints it."""
        return f"{self.cause}: {self.detail}" if self.cause in _NAMED_FIRST else self.detail

    def __str__(self) -> str:
        return f"{self.muscle_id} short by {self.shortfall:g}: {self.reason}"


def short_muscles(problem: Problem, result: SolveResult) -> dict[str, float]:
    """Posterior-chain muscles below their floor in ``result``'s plan, and by how much."""
    if result.plan is None:
        return {}
    rows = coverage(result.plan, problem.library, problem.targets)
    return {
        r.muscle_id: r.shortfall for r in rows if r.chain == "posterior" and r.shortfall > TOLERANCE
    }


def _quick(options: SolveOptions) -> SolveOptions:
    """The shortfall stage alone, to its proof: an explanation is deterministic too (it ended
    on a 5-second clock until round 7's floors made a relaxation's proof take longer on a
    loaded machine, and its promise then differed from the week applied)."""
    return replace(options, preferences=False)


def _shortfalls_without(
    problem: Problem, options: SolveOptions, limit: HardLimit
) -> dict[str, float] | None:
    result = solve(problem, _quick(options), enforced=ALL_LIMITS - {limit})
    return short_muscles(problem, result) if result.ok else None


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


def _cause_detail(problem: Problem, limit: HardLimit) -> str:
    """What the limit a short muscle is bound by means for this client."""
    client = problem.client
    if limit is HardLimit.SESSION_MINUTES:
        return (
            f"{client.minutes_per_session:g} min x {len(problem.weekdays)} sessions cannot "
            "fit enough sets for it alongside the other muscles"
        )
    if limit is HardLimit.RECOVERY:
        return (
            "its exercises cannot be repeated on consecutive training days "
            f"({', '.join(problem.weekdays)})"
        )
    if limit is HardLimit.REQUIRED:
        return "required exercises take the time or the recovery days it would need"
    return (
        f"{client.min_sets_per_exercise}-{client.max_sets_per_exercise} sets per "
        "exercise, the exercise cap and other muscles' maxima cap the exercises that reach it"
    )


def explain_shortfalls(
    problem: Problem, result: SolveResult, options: SolveOptions
) -> list[ShortMuscle]:
    """The binding cause of every posterior-chain muscle left short, found by re-solving with
    one relaxable hard limit left out at a time."""
    short = short_muscles(problem, result)
    explained = []
    relaxed: dict[HardLimit, dict[str, float] | None] = {}
    for muscle_id, amount in short.items():
        reason = _no_exercise_reason(problem, muscle_id)
        if reason is not None:
            explained.append(ShortMuscle(muscle_id, amount, Cause.EXERCISES, reason))
            continue
        for limit, (cause, _relief) in RELAXABLE.items():
            if limit not in relaxed:
                relaxed[limit] = _shortfalls_without(problem, options, limit)
            without = relaxed[limit]
            if without is not None and without.get(muscle_id, 0.0) < amount - TOLERANCE:
                explained.append(
                    ShortMuscle(muscle_id, amount, cause, _cause_detail(problem, limit))
                )
                break
        else:
            explained.append(
                ShortMuscle(
                    muscle_id,
                    amount,
                    Cause.LIMITS,
                    _cause_detail(problem, HardLimit.MUSCLE_MAXIMUM)
                    + " (no single limit relaxed closes it)",
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
    quick = _quick(options or SolveOptions())
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
    opened = _opened_by_one_item(problem, set(short_muscles(problem, result)))
    most_first = sorted(opened, key=lambda item: (-len(opened[item]), item))
    for item in most_first[:EQUIPMENT_TRIED]:
        name = next((e.name for e in problem.library.equipment if e.id == item), item)
        candidates.append((f"add {name}", client.evolve(equipment=(*client.equipment, item))))
    relaxations = []
    for change, relaxed in candidates:
        # The week the coach would get: a longer week carries more of each floor, so a change
        # that buys nothing against its own floors is not offered.
        solved = solve(problem.with_client(relaxed), quick)
        if solved.ok and solved.shortfall is not None and solved.shortfall < result.shortfall:
            proven = solved.status is Termination.OPTIMAL
            relaxations.append(Relaxation(change, relaxed, solved.shortfall, proven))
    return sorted(relaxations, key=lambda r: (r.shortfall, r.change))


#: What a message about a week no plan meets starts with (the reasons follow it).
NO_PLAN = "no plan meets the hard limits"


def explain_infeasible(problem: Problem, result: SolveResult, options: SolveOptions) -> str:
    """Which hard limits conflict, and what relaxing each would allow, in one line."""
    return f"{NO_PLAN}: " + "; ".join(infeasible_reasons(problem, result, options))


def infeasible_reasons(
    problem: Problem, result: SolveResult, options: SolveOptions
) -> tuple[str, ...]:
    """Which hard limits conflict, and what relaxing each would allow, one reason each."""
    if result.conflicts:
        return tuple(result.conflicts)
    # Locks first: the coach set them a moment ago, and dropping one is the smallest change.
    client = problem.client
    fixes = [
        f"dropping the lock {lock} would allow a plan"
        for lock in client.locks
        if solve(
            replace(
                problem, client=client.evolve(lock=tuple(t for t in client.lock if t != str(lock)))
            ),
            _quick(options),
        ).ok
    ]
    fixes += [
        f"{cause}: {relief} would allow a plan"
        for limit, (cause, relief) in RELAXABLE.items()
        if solve(problem, _quick(options), enforced=ALL_LIMITS - {limit}).ok
    ]
    if not fixes:
        fixes.append("the required exercises cannot all be placed; require fewer")
    return tuple(fixes)
