"""The optimizer: a PuLP model of the hard limits, solved lexicographically.

1. minimise the priority-weighted shortfall below each posterior-chain muscle's minimum;
2. then balance: the spread of coverage relative to targets, and anterior volume above posterior;
3. then time, with minutes of the profile's preferred patterns counted at a discount.

Stages 2 and 3 keep the earlier stages' optimum as a constraint, so the shortfall of the
returned plan is the stage-1 optimum. The result carries our own :class:`Status`; PuLP's
"Optimal" is never trusted without ``sol_status`` (CBC says "Optimal" after a time limit).
"""

from __future__ import annotations

import contextlib
import ctypes
import math
import os
import re
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any

import pulp

from workbench.glossary import SECONDARY_WEIGHT
from workbench.plan import Plan, build_plan
from workbench.problem import Problem, adjacent_pairs, exclusion_reasons

__all__ = [
    "SOLVERS",
    "ModelOptions",
    "SolveOptions",
    "SolveResult",
    "Status",
    "cbc_path",
    "precheck",
    "solve",
]

SOLVERS = ("highs", "cbc")
#: Balance may give up this much spread [ratio of target] to save time in stage 3.
BALANCE_SLACK = 0.25
#: Minutes of a preferred pattern cost this fraction of ordinary minutes in stage 3.
PREFERRED_DISCOUNT = 0.75
#: Weight of one set of anterior volume above posterior volume, against one unit of spread.
ANTERIOR_WEIGHT = 0.05
#: Stages 2 and 3 are preferences: stop them after this long even without a time limit [s].
PREFERENCE_SECONDS = 0.35
#: Stage 3 charges each exercise in a session this much for set-up and changeover [min],
#: so the plan uses a few exercises for several sets rather than many single sets.
CHANGEOVER_MINUTES = 1.5
#: Relative gap at which a preference stage stops: close enough to the best balance or time.
PREFERENCE_GAP = 0.05
#: Weight of the longest session in the time stage [min per min]: evens out the week.
PEAK_WEIGHT = 1.0
EPSILON = 1e-6
#: Effective sets move in steps of this size: whole sets x 1.0 or x SECONDARY_WEIGHT.
SET_STEP = SECONDARY_WEIGHT


def _on_set_grid(value: float) -> bool:
    """Whether every shortfall below a minimum of ``value`` is a whole number of steps."""
    steps = value / SET_STEP
    return (1 / SET_STEP).is_integer() and abs(steps - round(steps)) < 1e-9


class Status(Enum):
    OPTIMAL = "optimal"
    TIME_LIMIT = "stopped at time limit"
    INFEASIBLE = "no plan"
    ERROR = "error"


@dataclass(frozen=True)
class SolveOptions:
    solver: str = "highs"
    time_limit: float | None = None  # [s] for the whole solve
    threads: int = 1
    #: Cap on each preference stage (balance, time) [s]; the shortfall stage is never capped.
    preference_seconds: float = PREFERENCE_SECONDS
    #: False: stop after the shortfall stage (what-if questions that only ask "how short?").
    preferences: bool = True


@dataclass(frozen=True)
class ModelOptions:
    """Switches used only to diagnose a problem: which hard limits the model enforces."""

    recovery: bool = True
    max_limits: bool = True
    required: bool = True


@dataclass(frozen=True)
class SolveResult:
    status: Status
    plan: Plan | None = None
    shortfall: float | None = None  # priority-weighted [sets/week]
    bound: float | None = None  # best proven lower bound on the shortfall
    message: str = ""
    solver: str = ""
    build_seconds: float = 0.0
    solve_seconds: float = 0.0
    stage_status: tuple[str, ...] = ()
    conflicts: tuple[str, ...] = field(default=())

    @property
    def ok(self) -> bool:
        return self.status in (Status.OPTIMAL, Status.TIME_LIMIT) and self.plan is not None

    @property
    def preferences_proven(self) -> bool:
        """Whether the balance and time stages were also solved to their tolerance."""
        return len(self.stage_status) == 3 and all(
            text.startswith("optimal") for text in self.stage_status[1:]
        )

    @property
    def gap(self) -> float | None:
        if self.shortfall is None or self.bound is None:
            return None
        return max(0.0, self.shortfall - self.bound)


class _Model:
    """The PuLP problem with its variables keyed by ``(exercise_id, weekday)``."""

    def __init__(self, problem: Problem, options: ModelOptions) -> None:
        self.problem = problem
        client = problem.client
        days = problem.weekdays
        exercises = problem.eligible
        self.prob = pulp.LpProblem("weekly_plan", pulp.LpMinimize)
        prob = self.prob
        minutes = client.minutes_per_session

        def upper(exercise_id: str) -> int:
            exercise = problem.library.exercise(exercise_id)
            bound = min(
                client.max_sets_per_exercise, math.floor(minutes / exercise.set_minutes + EPSILON)
            )
            if options.max_limits:
                for muscle, weight in exercise.muscle_weights.items():
                    bound = min(
                        bound, math.floor(problem.targets[muscle].max_sets / weight + EPSILON)
                    )
            return max(bound, 0)

        ub = {e.id: upper(e.id) for e in exercises}
        exercises = tuple(e for e in exercises if ub[e.id] > 0)
        self.exercises = exercises
        self.chosen: dict[tuple[str, str], Any] = {}
        self.sets: dict[tuple[str, str], Any] = {}
        for i, exercise in enumerate(exercises):
            for j, day in enumerate(days):
                key = (exercise.id, day)
                self.chosen[key] = prob.add_variable(f"x_{i}_{j}", cat=pulp.LpBinary)
                self.sets[key] = prob.add_variable(
                    f"s_{i}_{j}", lowBound=0, upBound=ub[exercise.id], cat=pulp.LpInteger
                )
                # Hard limit 5: 1..max sets when chosen, none otherwise.
                prob += self.sets[key] <= ub[exercise.id] * self.chosen[key]
                prob += self.sets[key] >= self.chosen[key]

        # Hard limit 2: session minutes.
        for day in days:
            prob += (
                pulp.lpSum(e.set_minutes * self.sets[(e.id, day)] for e in exercises) <= minutes,
                f"minutes_{day}",
            )

        # Effective sets per muscle [sets/week].
        self.effective: dict[str, Any] = {}
        for muscle in problem.library.muscles:
            terms = [
                (e.weight(muscle.id), self.sets[(e.id, day)])
                for e in exercises
                if e.weight(muscle.id)
                for day in days
            ]
            self.effective[muscle.id] = pulp.lpSum(w * v for w, v in terms)
            if options.max_limits and terms:
                # Hard limit 7.
                prob += self.effective[muscle.id] <= problem.targets[muscle.id].max_sets

        # Hard limit 6: required exercises at least once a week.
        if options.required:
            for exercise_id in client.require:
                prob += pulp.lpSum(self.chosen[(exercise_id, d)] for d in days) >= 1

        # Hard limit 8: no muscle primary on two consecutive calendar days.
        if options.recovery:
            pairs = adjacent_pairs(days)
            paired = {d for pair in pairs for d in pair}
            for m, muscle in enumerate(problem.library.muscles):
                loaders = [e for e in exercises if muscle.id in e.primary_muscles]
                if not loaders or not pairs:
                    continue
                trained = {
                    d: prob.add_variable(f"y_{m}_{d}", cat=pulp.LpBinary) for d in sorted(paired)
                }
                for day in paired:
                    for e in loaders:
                        prob += self.chosen[(e.id, day)] <= trained[day]
                for first, second in pairs:
                    prob += trained[first] + trained[second] <= 1

        # Stage 1 objective: weighted shortfall of posterior-chain muscles.
        self.short: dict[str, Any] = {}
        for muscle_id in problem.shortfall_muscles:
            minimum = problem.targets[muscle_id].min_sets
            if _on_set_grid(minimum):
                # Effective sets move in half sets, so a shortfall below a minimum on that grid
                # is a whole number of half sets. Saying so lets the solvers round their bound up to
                # the next reachable objective value: without it, proving a positive shortfall
                # optimal took HiGHS a minute and CBC several on a two-day travel kit.
                halves = prob.add_variable(
                    f"short_{len(self.short)}", lowBound=0, cat=pulp.LpInteger
                )
                short = SET_STEP * halves
            else:
                short = prob.add_variable(f"short_{len(self.short)}", lowBound=0)
            prob += short >= minimum - self.effective[muscle_id]
            self.short[muscle_id] = short
        self.weighted_shortfall = pulp.lpSum(
            problem.priorities[m] * v for m, v in self.short.items()
        )

        # Stage 2 objective: spread of coverage ratios, and anterior volume over posterior.
        high = prob.add_variable("ratio_high", lowBound=0)
        low = prob.add_variable("ratio_low", lowBound=0)
        for muscle_id in problem.shortfall_muscles:
            ratio = self.effective[muscle_id] * (1.0 / problem.targets[muscle_id].min_sets)
            prob += high >= ratio
            prob += low <= ratio
        # Without a muscle to cover (every minimum 0) nothing else bounds ``low``: the balance
        # stage was unbounded and the preference stages were skipped.
        prob += low <= high
        anterior_excess = prob.add_variable("anterior_excess", lowBound=0)
        chains = {m.id: m.chain for m in problem.library.muscles}
        prob += anterior_excess >= pulp.lpSum(
            (1 if chains[m] == "anterior" else -1) * expr for m, expr in self.effective.items()
        )
        self.imbalance = high - low + ANTERIOR_WEIGHT * anterior_excess

        # Stage 3 objective: minutes, preferred patterns at a discount.
        preferred = set(problem.profile.preferred_patterns)
        self.cost = pulp.lpSum(
            e.set_minutes
            * (PREFERRED_DISCOUNT if e.pattern in preferred else 1.0)
            * self.sets[(e.id, d)]
            for e in exercises
            for d in days
        ) + CHANGEOVER_MINUTES * pulp.lpSum(self.chosen.values())
        peak = prob.add_variable("peak_minutes", lowBound=0)
        for day in days:
            prob += peak >= pulp.lpSum(e.set_minutes * self.sets[(e.id, day)] for e in exercises)
        self.cost += PEAK_WEIGHT * peak

    def shortfall_of(self, assignment: dict[tuple[str, str], int]) -> float:
        """Priority-weighted shortfall of whole-set ``assignment`` [sets/week]."""
        problem = self.problem
        effective = dict.fromkeys(problem.shortfall_muscles, 0.0)
        for (exercise_id, _day), count in assignment.items():
            for muscle, weight in problem.library.exercise(exercise_id).muscle_weights.items():
                if muscle in effective:
                    effective[muscle] += count * weight
        return sum(
            problem.priorities[m] * max(0.0, problem.targets[m].min_sets - total)
            for m, total in effective.items()
        )

    def assignment(self) -> dict[tuple[str, str], int]:
        values = {}
        for key, variable in self.sets.items():
            value = variable.value()
            if value is not None and round(value) > 0:
                values[key] = round(value)
        return values

    def warm_start(self, assignment: dict[tuple[str, str], int]) -> None:
        for key, variable in self.sets.items():
            count = assignment.get(key, 0)
            variable.setInitialValue(count)
            self.chosen[key].setInitialValue(1 if count else 0)


class _HiGHS(pulp.HiGHS):
    """PuLP's HiGHS, handing the variables' initial values to HiGHS as a start.

    PuLP's highspy adapter ignores ``warmStart`` (and passes it on as an unknown HiGHS
    option): the preference stages started from nothing, and on a busy machine a stage could
    end at its time cap with no plan at all, skipping the stages after it.
    """

    def __init__(self, *, warm_start: bool = False, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.warm_start = warm_start

    def callSolver(self, lp: pulp.LpProblem) -> None:
        if self.warm_start:
            # buildSolverModel numbered the columns in lp.variables() order.
            values = [float(v.varValue or 0.0) for v in lp.variables()]
            lp.solverModel.setSolution(len(values), list(range(len(values))), values)
        super().callSolver(lp)


def cbc_path() -> str | None:
    """The CBC binary of the ``cbcbox`` package (in the venv's bin) or on PATH."""
    beside = Path(sys.executable).parent / "cbc"
    if beside.exists():
        return str(beside)
    return shutil.which("cbc")


@contextmanager
def _quiet_stdout() -> Iterator[None]:
    """Silence C-level stdout (highspy prints a banner even with ``msg=False``).

    Descriptor 1 itself, not ``sys.stdout.fileno()``: in a Jupyter kernel the latter names
    the terminal the kernel started on while descriptor 1 is the pipe forwarded to the page.
    """
    with contextlib.suppress(AttributeError, OSError, ValueError):
        sys.stdout.flush()
    try:
        saved = os.dup(1)
    except OSError:
        yield
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, 1)
        yield
    finally:
        _flush_c_stdio()
        os.dup2(saved, 1)
        os.close(saved)
        os.close(devnull)


def _flush_c_stdio() -> None:
    """Flush C's stdio buffers, so buffered solver output lands in the null device."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None).fflush(None)


@dataclass(frozen=True)
class _Run:
    proven: bool
    feasible: bool
    infeasible: bool
    bound: float | None
    text: str


def _run(
    model: _Model,
    solver: str,
    time_limit: float | None,
    threads: int,
    warm: bool,
    gap: float,
) -> _Run:
    prob = model.prob
    kwargs: dict[str, Any] = {"msg": False, "gapRel": gap, "gapAbs": 1e-7, "threads": threads}
    if time_limit is not None:
        kwargs["timeLimit"] = max(time_limit, 0.05)
    if warm:
        kwargs["warmStart"] = True
    bound: float | None = None
    if solver == "cbc":
        path = cbc_path()
        if path is None:
            raise RuntimeError("the CBC binary was not found (pip install 'pulp[cbc]')")
        with tempfile.TemporaryDirectory(prefix="workbench-cbc-") as tmp:
            log = Path(tmp) / "cbc.log"
            status = prob.solve(
                pulp.COIN_CMD(path=path, logPath=str(log), keepFiles=False, **kwargs)
            )
            text = log.read_text(errors="replace") if log.exists() else ""
        found = re.findall(r"^(?:Lower bound|Objective value):\s+([-+0-9.eE]+)", text, flags=re.M)
        lower = re.findall(r"^Lower bound:\s+([-+0-9.eE]+)", text, flags=re.M)
        if lower:
            bound = float(lower[-1])
        elif found:
            bound = None
    elif solver == "highs":
        warm_start = kwargs.pop("warmStart", False)
        with _quiet_stdout():
            status = prob.solve(_HiGHS(warm_start=warm_start, **kwargs))
        highs = getattr(prob, "solverModel", None)
        if highs is not None:
            try:
                bound = float(highs.getInfo().mip_dual_bound)
            except (AttributeError, TypeError, ValueError):
                bound = None
    else:
        raise ValueError(f"unknown solver {solver!r} (choose {', '.join(SOLVERS)})")
    sol_status = prob.sol_status
    proven = sol_status == pulp.LpSolutionOptimal and status == pulp.LpStatusOptimal
    feasible = sol_status in (pulp.LpSolutionOptimal, pulp.LpSolutionIntegerFeasible)
    infeasible = status == pulp.LpStatusInfeasible or sol_status == pulp.LpSolutionInfeasible
    # Our words, not PuLP's: its "Optimal" also covers a run cut short by the time limit.
    if proven:
        text = "optimal" if gap == 0 else f"optimal within {gap:.0%}"
    elif feasible:
        text = "best found in the time allowed"
    elif infeasible:
        text = "infeasible"
    else:
        text = f"no solution ({pulp.LpStatus.get(status, str(status))})"
    return _Run(proven, feasible, infeasible, bound, text)


def precheck(problem: Problem) -> list[str]:
    """Conflicts among required exercises visible without solving (hard limits 2-6)."""
    client = problem.client
    conflicts = []
    for exercise_id in client.require:
        exercise = problem.library.exercise(exercise_id)
        reasons = exclusion_reasons(exercise, client)
        if reasons:
            conflicts.append(f"required '{exercise_id}' " + " and ".join(reasons))
        elif exercise.set_minutes > client.minutes_per_session:
            conflicts.append(
                f"required '{exercise_id}' takes {exercise.set_minutes:g} min a set, "
                f"more than the {client.minutes_per_session:g}-min session"
            )
        else:
            for muscle, weight in exercise.muscle_weights.items():
                if weight > problem.targets[muscle].max_sets:
                    conflicts.append(
                        f"required '{exercise_id}' gives {muscle} {weight:g} sets, "
                        f"above its maximum of {problem.targets[muscle].max_sets:g}"
                    )
    return conflicts


def solve(
    problem: Problem,
    options: SolveOptions | None = None,
    model_options: ModelOptions | None = None,
) -> SolveResult:
    """The best weekly plan for ``problem`` under the hard limits; never raises for infeasibility."""
    options = options or SolveOptions()
    model_options = model_options or ModelOptions()
    if options.solver not in SOLVERS:
        return SolveResult(
            Status.ERROR, message=f"unknown solver '{options.solver}' ({', '.join(SOLVERS)})"
        )
    conflicts = precheck(problem) if model_options.required else []
    if conflicts:
        return SolveResult(
            Status.INFEASIBLE,
            message="no plan meets the hard limits: " + "; ".join(conflicts),
            solver=options.solver,
            conflicts=tuple(conflicts),
        )
    started = time.perf_counter()
    model = _Model(problem, model_options)
    built = time.perf_counter()
    deadline = None if options.time_limit is None else built + options.time_limit

    def remaining(cap: float | None = None) -> float | None:
        left = None if deadline is None else deadline - time.perf_counter()
        if cap is None:
            return left
        return cap if left is None else min(left, cap)

    try:
        model.prob.setObjective(model.weighted_shortfall)
        first = _run(model, options.solver, remaining(), options.threads, warm=False, gap=0.0)
        if first.infeasible:
            return SolveResult(
                Status.INFEASIBLE,
                message="no plan meets the hard limits",
                solver=options.solver,
                build_seconds=built - started,
                solve_seconds=time.perf_counter() - built,
                stage_status=(first.text,),
            )
        if not first.feasible:
            return SolveResult(
                Status.ERROR,
                message=f"the solver found no plan ({first.text}); raise the time limit",
                solver=options.solver,
                build_seconds=built - started,
                solve_seconds=time.perf_counter() - built,
                stage_status=(first.text,),
            )
        assignment = model.assignment()
        # From the rounded plan, not the solver's floats (3.99999998 for 4 at its tolerances).
        shortfall = model.shortfall_of(assignment)
        bound = shortfall if first.proven else first.bound
        stages = [first.text]

        # Preferences: each stage keeps the previous optimum and starts from its plan.
        model.prob += model.weighted_shortfall <= shortfall + EPSILON, "keep_shortfall"
        preference_stages = ((model.imbalance, BALANCE_SLACK), (model.cost, None))
        for objective, keep in preference_stages if options.preferences else ():
            model.prob.setObjective(objective)
            model.warm_start(assignment)
            run = _run(
                model,
                options.solver,
                remaining(options.preference_seconds),
                options.threads,
                warm=True,
                gap=PREFERENCE_GAP,
            )
            stages.append(run.text)
            if not run.feasible:
                break
            assignment = model.assignment()
            if keep is not None:
                model.prob += objective <= float(pulp.value(objective)) + keep, "keep_balance"
    except (pulp.PulpSolverError, RuntimeError, OSError) as error:
        return SolveResult(
            Status.ERROR,
            message=f"solver {options.solver} failed: {error}",
            solver=options.solver,
            build_seconds=built - started,
            solve_seconds=time.perf_counter() - built,
        )
    plan = build_plan(problem.library, problem.weekdays, assignment)
    status = Status.OPTIMAL if first.proven else Status.TIME_LIMIT
    message = "proven optimal" if first.proven else "stopped at the time limit"
    return SolveResult(
        status,
        plan=plan,
        shortfall=shortfall,
        bound=bound,
        message=message,
        solver=options.solver,
        build_seconds=built - started,
        solve_seconds=time.perf_counter() - built,
        stage_status=tuple(stages),
    )
