"""What-if analysis at the coach's pace: sweeps, alternative weeks, swap and lock.

Every answer is another call of the planner with an evolved client, so every plan here has
passed the independent checker. The functions return plain values and pandas DataFrames for
the CLI, the dashboard and the notebooks; nothing here touches a file.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from workbench.analytics import effective_sets
from workbench.check import check_plan
from workbench.client import Client, Kit, SportProfile, placement_text
from workbench.coaching import CoachWeights
from workbench.errors import InputError
from workbench.glossary import WEEKDAYS
from workbench.library import Library
from workbench.optimize import SolveOptions, solve
from workbench.optimize.alternatives import solve_alternatives
from workbench.optimize.objectives import COACH_VALUE
from workbench.plan import build_plan
from workbench.planner import PlanResult, judge, make_plan
from workbench.problem import adjacent_pairs

__all__ = [
    "SWEEP_PARAMETERS",
    "AlternativePlans",
    "SwapCandidate",
    "coach_value",
    "nested_weekdays",
    "plan_alternatives",
    "scenario_clients",
    "scenarios",
    "swap_candidates",
    "sweep",
    "sweep_clients",
    "sweep_frame",
    "sweep_results",
    "with_lock",
    "with_swap",
]

#: What a sweep may vary: minutes per session, training days a week, the equipment kit.
SWEEP_PARAMETERS = ("minutes", "days", "kit")


# ----- sweeps ------------------------------------------------------------------------------


def nested_weekdays(days: int, client: Client) -> tuple[str, ...]:
    """Training weekdays for ``days`` sessions a week, nested: the set for ``days + 1``
    contains the set for ``days``, so the optimal shortfall can only fall as days are added.

    Days are taken one at a time: first the weekdays a lock or swap names, then the client's
    other weekdays, then the rest of the week; among those, the day that adds the fewest
    back-to-back pairs (Sun->Mon counts; they leave recovery the least room), then the
    earliest. So the client's own week comes back at its own number of days.
    """
    if not 1 <= days <= 7:
        raise InputError(f"{days} is outside 1..7", field="days", value=days)
    named = {p.weekday for p in (*client.locks, *client.swaps)}
    chosen: tuple[str, ...] = ()
    while len(chosen) < days:
        before = len(adjacent_pairs(chosen))

        def rank(day: str, chosen: tuple[str, ...] = chosen, before: int = before) -> tuple:
            added = len(adjacent_pairs((*chosen, day))) - before
            return (day not in named, day not in client.weekdays, added, WEEKDAYS.index(day))

        chosen = (*chosen, min((d for d in WEEKDAYS if d not in chosen), key=rank))
    return tuple(d for d in WEEKDAYS if d in chosen)


def sweep_clients(
    client: Client,
    parameter: str,
    values: Sequence[Any],
    kits: Mapping[str, Kit] | None = None,
) -> list[tuple[Any, Client]]:
    """The client at each value of ``parameter`` (``minutes``, ``days`` or ``kit``; kits
    default to the shipped ``data/kits.toml``).

    Raises :class:`InputError` naming the parameter and the value for a value the client
    cannot take (minutes out of range, a day count that leaves out a locked day, an unknown
    kit).
    """
    if parameter not in SWEEP_PARAMETERS:
        raise InputError(
            f"'{parameter}' is not a sweep parameter ({', '.join(SWEEP_PARAMETERS)})",
            field="parameter",
            value=parameter,
        )
    if parameter == "kit" and kits is None:
        from workbench.iotools import read_kits  # the shipped kits, package data

        kits = read_kits()
    variants = []
    for value in values:
        if parameter == "kit" and value not in (kits or {}):
            raise InputError(
                f"'{value}' is not a kit ({', '.join(kits or {})})", field="kit", value=value
            )
        try:
            if parameter == "minutes":
                variant = client.evolve(minutes_per_session=float(value))
            elif parameter == "days":
                variant = client.evolve(weekdays=nested_weekdays(int(value), client))
            else:
                variant = client.evolve(equipment=(kits or {})[value].equipment)
        except InputError as error:
            raise InputError(
                f"{parameter} {value}: {error.message}", field=parameter, value=value
            ) from None
        variants.append((value, variant))
    return variants


def sweep_results(
    library: Library,
    client: Client,
    parameter: str,
    values: Sequence[Any],
    profiles: Mapping[str, SportProfile] | None = None,
    options: SolveOptions | None = None,
    *,
    weights: CoachWeights | None = None,
    kits: Mapping[str, Kit] | None = None,
    file: str = "client",
) -> list[tuple[Any, PlanResult]]:
    """Re-plan ``client`` at each value of ``parameter``; each plan checked independently.

    ``options.preferences=False`` asks the shortfall only (fast); by default each value is
    planned fully and judged by the coach's rubric.
    """
    options = options or SolveOptions()
    return [
        (
            value,
            make_plan(
                library, variant, profiles, options, weights=weights, explain=False, file=file
            ),
        )
        for value, variant in sweep_clients(client, parameter, values, kits)
    ]


def _row(parameter: str, value: Any, result: PlanResult) -> dict[str, Any]:
    problem, plan = result.problem, result.plan
    client = problem.client
    row: dict[str, Any] = {
        parameter: value,
        "weekdays": ";".join(problem.weekdays),
        "minutes_per_session": client.minutes_per_session,
        "status": result.status.value,
        "total_shortfall": math.nan,
        "short_muscles": "",
        "minutes_used": math.nan,
        "minutes_booked": problem.weekly_minutes,
        "floor_share": problem.floor_share,
        "coach_passed": math.nan,
        "coach_applicable": math.nan,
        "coach_misses": "",
        "seconds": result.solved.build_seconds + result.solved.solve_seconds,
        "message": "" if plan is not None else result.message,
    }
    sets = effective_sets(plan, problem.library) if plan is not None else {}
    if plan is not None:
        row["total_shortfall"] = result.solved.shortfall
        row["short_muscles"] = ";".join(
            c.muscle_id for c in result.coverage if c.chain == "posterior" and c.shortfall > 1e-6
        )
        row["minutes_used"] = plan.total_minutes
    if result.check is not None:
        row["coach_passed"] = result.check.passed
        row["coach_applicable"] = result.check.applicable
        row["coach_misses"] = ";".join(c.id for c in result.check.failed)
    for muscle in problem.library.muscles:
        row[f"effective_sets_{muscle.id}"] = sets.get(muscle.id, 0.0) if plan else math.nan
    return row


def sweep_frame(parameter: str, results: Sequence[tuple[Any, PlanResult]]) -> pd.DataFrame:
    """One row per value: the value, weekdays, status, ``total_shortfall`` (priority-weighted
    [sets/week], against the floors that week carries), the posterior muscles left short,
    minutes used and booked a week [min], ``floor_share`` (the share of each library and
    profile floor the week carries: below 1 in a short week), the
    coach check (criteria passed of those that apply, and the misses), solve seconds, and
    ``effective_sets_<muscle>`` for every muscle of the library [sets/week]."""
    return pd.DataFrame([_row(parameter, value, result) for value, result in results])


def sweep(
    library: Library,
    client: Client,
    parameter: str,
    values: Sequence[Any],
    profiles: Mapping[str, SportProfile] | None = None,
    options: SolveOptions | None = None,
    *,
    weights: CoachWeights | None = None,
    kits: Mapping[str, Kit] | None = None,
    file: str = "client",
) -> pd.DataFrame:
    """Re-plan ``client`` at each value of ``parameter`` and tabulate (see :func:`sweep_frame`).

    >>> sweep(library, client, "minutes", [20, 30, 45, 60])  # doctest: +SKIP
    """
    results = sweep_results(
        library, client, parameter, values, profiles, options, weights=weights, kits=kits, file=file
    )
    return sweep_frame(parameter, results)


# ----- scenarios ---------------------------------------------------------------------------


def scenario_clients(
    client: Client,
    scenarios: Mapping[str, Mapping[str, Any]],
    kits: Mapping[str, Kit] | None = None,
) -> list[tuple[str, Client]]:
    """The client under each named scenario: a mapping of sweep parameters (``kit``,
    ``days``, ``minutes``) to one value each, applied in that order; a parameter a scenario
    leaves out keeps the client's own value.

    Raises :class:`InputError` naming the scenario, the parameter and the value.
    """
    variants = []
    for name, settings in scenarios.items():
        variant = client
        for parameter in SWEEP_PARAMETERS[::-1]:  # kit, days, minutes
            if parameter in settings:
                try:
                    ((_, variant),) = sweep_clients(variant, parameter, [settings[parameter]], kits)
                except InputError as error:
                    raise InputError(
                        f"scenario '{name}': {error.message}",
                        field=parameter,
                        value=settings[parameter],
                    ) from None
        unknown = set(settings) - set(SWEEP_PARAMETERS)
        if unknown:
            key = sorted(unknown)[0]
            raise InputError(
                f"scenario '{name}': '{key}' is not a scenario parameter "
                f"({', '.join(SWEEP_PARAMETERS)})",
                field=key,
                value=settings[key],
            )
        variants.append((name, variant))
    return variants


def scenarios(
    library: Library,
    client: Client,
    named: Mapping[str, Mapping[str, Any]],
    profiles: Mapping[str, SportProfile] | None = None,
    options: SolveOptions | None = None,
    *,
    weights: CoachWeights | None = None,
    kits: Mapping[str, Kit] | None = None,
    file: str = "client",
) -> tuple[pd.DataFrame, dict[str, PlanResult]]:
    """Plan ``client`` under each named scenario (see :func:`scenario_clients`): a tidy
    DataFrame, one row per scenario (``scenario``, its ``kit`` (or "own"), ``days`` and
    ``minutes``, then the columns of :func:`sweep_frame`), and each scenario's result."""
    options = options or SolveOptions()
    results: dict[str, PlanResult] = {}
    rows = []
    for name, variant in scenario_clients(client, named, kits):
        result = make_plan(
            library, variant, profiles, options, weights=weights, explain=True, file=file
        )
        results[name] = result
        settings = named[name]
        row = {
            "kit": settings.get("kit", "own"),
            "days": len(variant.weekdays),
            "minutes": variant.minutes_per_session,
            **_row("scenario", name, result),
        }
        rows.append(row)
    frame = pd.DataFrame(rows)
    first = ["scenario", "kit", "days", "minutes"]
    return frame[first + [c for c in frame.columns if c not in first]], results


# ----- alternatives ------------------------------------------------------------------------


@dataclass(frozen=True)
class AlternativePlans:
    """The best week first, then different weeks at the same optimal shortfall with a coach
    value of at least ``value_floor``; each checked independently and judged by the rubric."""

    plans: tuple[PlanResult, ...]
    requested: int
    best_value: float | None = None  # [points]
    value_floor: float | None = None  # [points]
    note: str = ""  # why fewer than requested came back

    @property
    def complete(self) -> bool:
        return len(self.plans) >= self.requested


def coach_value(result: PlanResult) -> float | None:
    """The coach value of a result's plan [points] (None without a plan)."""
    if result.plan is None:
        return None
    return COACH_VALUE.evaluate(result.problem, result.plan.sets_by_exercise_day())


def plan_alternatives(
    result: PlanResult, k: int, options: SolveOptions | None = None
) -> AlternativePlans:
    """``result`` (the best week, from :func:`~workbench.planner.make_plan`) and up to
    ``k - 1`` different weeks as good: the same proven shortfall, a coach value within the
    value gap of the best. Deterministic: the same inputs give the same weeks in order."""
    options = options or SolveOptions()
    if result.plan is None:
        return AlternativePlans((result,), k, note=result.message)
    found = solve_alternatives(result.problem, k, options, best=result.solved)
    plans = [result]
    note = found.note
    for solved in found.results[1:]:
        judged = judge(result.problem, solved, options, explain=False)
        if judged.plan is None:  # failed the independent checker: never shown
            note = judged.message
            break
        plans.append(judged)
    return AlternativePlans(tuple(plans), k, found.best_value, found.value_floor, note)


# ----- swap and lock -----------------------------------------------------------------------


def with_lock(client: Client, exercise_id: str, weekday: str) -> Client:
    """``client`` with ``exercise_id`` locked on ``weekday`` (and no longer swapped out)."""
    text = placement_text(exercise_id, weekday)
    lock = client.lock if text in client.lock else (*client.lock, text)
    return client.evolve(lock=lock, swap=tuple(s for s in client.swap if s != text))


def with_swap(client: Client, exercise_id: str, weekday: str) -> Client:
    """``client`` with ``exercise_id`` swapped out of ``weekday`` (and no longer locked)."""
    text = placement_text(exercise_id, weekday)
    swap = client.swap if text in client.swap else (*client.swap, text)
    return client.evolve(swap=swap, lock=tuple(s for s in client.lock if s != text))


@dataclass(frozen=True)
class SwapCandidate:
    """A same-family replacement for a swapped-out exercise, and the week re-planned with it."""

    exercise_id: str
    name: str
    client: Client  # the swap and the replacement's lock applied: set it to take the swap
    result: PlanResult
    shortfall: float  # priority-weighted [sets/week]
    value: float  # coach value [points]


def _substituted(result: PlanResult, exercise_id: str, weekday: str, replacement: str) -> tuple:
    """How good ``replacement`` looks put straight in ``exercise_id``'s place on ``weekday``,
    the rest of the week unchanged: (breaks a hard limit, minus the coach value) — a screen
    that needs no solve."""
    problem = result.problem
    assert result.plan is not None
    sets = dict(result.plan.sets_by_exercise_day())
    count = sets.pop((exercise_id, weekday), problem.client.min_sets_per_exercise)
    exercise = problem.library.exercise(replacement)
    fitted = max(problem.client.min_sets_per_exercise, min(count, problem.upper_sets(exercise)))
    sets[(replacement, weekday)] = sets.get((replacement, weekday), 0) + fitted
    plan = build_plan(problem.library, problem.weekdays, sets, problem.own_families)
    broken = bool(check_plan(plan, problem.library, problem.client, problem.targets))
    return (broken, -COACH_VALUE.evaluate(problem, sets), replacement)


def swap_candidates(
    result: PlanResult,
    exercise_id: str,
    weekday: str,
    n: int = 3,
    options: SolveOptions | None = None,
    *,
    screen: int | None = None,
) -> tuple[SwapCandidate, ...]:
    """The best ``n`` same-family replacements for ``exercise_id`` on ``weekday``, each with
    the week re-planned: ``exercise_id`` swapped out of that day, the replacement locked
    there, everything else open. Best shortfall first, then best coach value, then id.

    Every exercise of the family the client may do is first screened without solving (put
    straight in the swapped exercise's place: does the week still hold the hard limits, and
    what is its coach value); the best ``screen`` of them (default ``n``) are re-planned in
    full, since one re-plan takes as long as a plan. Replacements no week can fit are left
    out.
    """
    problem = result.problem
    library, client = problem.library, problem.client
    text = placement_text(exercise_id, weekday)
    if not library.has_exercise(exercise_id):
        raise InputError(f"'{exercise_id}' is not an exercise id", field="swap", value=text)
    if weekday not in problem.weekdays:
        raise InputError(
            f"{weekday} is not a training day ({', '.join(problem.weekdays)})",
            field="swap",
            value=text,
        )
    if result.plan is None:
        return ()
    options = options or SolveOptions()
    family = library.exercise(exercise_id).family
    swapped = with_swap(client, exercise_id, weekday)
    family_members = [
        e.id
        for e in problem.in_scope(problem.placeable())
        if e.family == family
        and e.id != exercise_id
        and placement_text(e.id, weekday) not in swapped.swap
    ]
    screened = sorted(family_members, key=lambda e: _substituted(result, exercise_id, weekday, e))
    candidates = []
    for replacement in screened[: n if screen is None else screen]:
        variant = with_lock(swapped, replacement, weekday)
        varied = problem.with_client(variant)
        judged = judge(varied, solve(varied, options), options, explain=False)
        if judged.plan is None or judged.solved.shortfall is None:
            continue
        value = coach_value(judged)
        assert value is not None
        name = library.exercise(replacement).name
        candidates.append(
            SwapCandidate(replacement, name, variant, judged, judged.solved.shortfall, value)
        )
    candidates.sort(key=lambda c: (round(c.shortfall, 6), -c.value, c.exercise_id))
    return tuple(candidates[:n])
