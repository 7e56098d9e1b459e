"""The optimizer: the hard limits as constraints, the objectives solved lexicographically.

``solve`` is a pure function of frozen inputs. It returns a :class:`SolveResult` with our
own :class:`Termination` and one :class:`StageResult` per stage; an infeasible problem is
an answer, not an exception.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from workbench.optimize.backends import SOLVERS, backend, cbc_path
from workbench.optimize.catalogue import catalogue
from workbench.optimize.constraints import apply, lock_conflicts
from workbench.optimize.decisions import Decisions, Key
from workbench.optimize.model import Linear
from workbench.optimize.objectives import COACH_VALUE, SHORTFALL, Objective, coach_value_of
from workbench.optimize.result import SolveResult, StageResult
from workbench.optimize.spec import DEFAULT_SPEC, SHORTFALL_ONLY, VALUE_GAP, Stage
from workbench.optimize.status import Termination
from workbench.plan import build_plan
from workbench.problem import ALL_LIMITS, Problem, exclusion_reasons
from workbench.rules import HardLimit

__all__ = [
    "ALL_LIMITS",
    "COACH_VALUE",
    "DEFAULT_SPEC",
    "SHORTFALL",
    "SHORTFALL_ONLY",
    "SOLVERS",
    "VALUE_GAP",
    "Objective",
    "SolveOptions",
    "SolveResult",
    "Stage",
    "StageResult",
    "Termination",
    "cbc_path",
    "precheck",
    "solve",
]


@dataclass(frozen=True)
class SolveOptions:
    solver: str = "highs"
    #: Cap on the whole solve [s]; None (the default) solves every stage to its gap, so the
    #: same inputs always give the same plan.
    time_limit: float | None = None
    threads: int = 1
    #: False: the shortfall stage only (what-if questions that only ask "how short?").
    preferences: bool = True


#: Relative slack on a kept optimum [ratio]: far below a half set of shortfall or a point of
#: value, far above the solvers' feasibility tolerances (1e-6 absolute).
KEEP_TOLERANCE = 1e-5


def precheck(problem: Problem, enforced: frozenset[HardLimit] = ALL_LIMITS) -> list[str]:
    """Conflicts of required exercises visible without solving: one that the client may not
    do, or whose fewest sets cannot fit a session or a muscle's maximum."""
    if HardLimit.REQUIRED not in enforced:
        return []
    client = problem.client
    placeable = {e.id for e in problem.placeable(enforced)}
    fewest = client.min_sets_per_exercise
    conflicts = []
    for exercise_id in client.require:
        exercise = problem.library.exercise(exercise_id)
        reasons = exclusion_reasons(exercise, client, enforced=enforced)
        if reasons:
            conflicts.append(f"required '{exercise_id}' " + " and ".join(reasons))
        elif exercise_id not in placeable:
            minutes = fewest * exercise.set_minutes
            if minutes > client.work_minutes:
                conflicts.append(
                    f"required '{exercise_id}' takes {minutes:g} min for its {fewest} sets, "
                    f"more than the {client.work_minutes:g} min a session leaves after its "
                    "warm-up"
                )
            for muscle, weight in exercise.muscle_weights.items():
                ceiling = problem.targets[muscle].max_sets
                if fewest * weight > ceiling:
                    conflicts.append(
                        f"required '{exercise_id}' gives {muscle} {fewest * weight:g} sets in "
                        f"{fewest} sets, above its maximum of {ceiling:g}"
                    )
    conflicts.extend(lock_conflicts(problem, enforced))
    return conflicts


def solve(
    problem: Problem,
    options: SolveOptions | None = None,
    *,
    enforced: frozenset[HardLimit] = ALL_LIMITS,
    spec: tuple[Stage, ...] | None = None,
    restrict: Callable[[Decisions], None] | None = None,
) -> SolveResult:
    """The best weekly plan for ``problem`` under the ``enforced`` hard limits.

    ``restrict`` adds constraints of the caller's to the model before the stages run (e.g.
    :func:`~workbench.optimize.alternatives.solve_alternatives`' cuts off the weeks found).
    """
    options = options or SolveOptions()
    spec = spec if spec is not None else (DEFAULT_SPEC if options.preferences else SHORTFALL_ONLY)
    if options.solver not in SOLVERS:
        return SolveResult(
            Termination.ERROR,
            message=f"unknown solver '{options.solver}' ({', '.join(SOLVERS)})",
        )
    conflicts = precheck(problem, enforced)
    if conflicts:
        return SolveResult(
            Termination.INFEASIBLE,
            message="no plan meets the hard limits: " + "; ".join(conflicts),
            solver=options.solver,
            conflicts=tuple(conflicts),
        )
    started = time.perf_counter()
    decisions = Decisions(problem, enforced)
    apply(decisions)
    if restrict is not None:
        restrict(decisions)
    # Each objective is built once: later stages that re-solve it share its expression
    # (and its auxiliary columns and rows).
    built_objectives: dict[str, Linear] = {}
    for stage in spec:
        if stage.objective.name not in built_objectives:
            built_objectives[stage.objective.name] = stage.objective.build(decisions)
    groups = catalogue(problem, decisions.exercises)
    built = time.perf_counter()
    deadline = None if options.time_limit is None else built + options.time_limit
    solver = backend(options.solver).attach(decisions.model, threads=options.threads)

    def evaluate(objective: Objective, assignment: dict[Key, int]) -> float:
        if objective is COACH_VALUE:
            return coach_value_of(problem, assignment, groups)
        return objective.evaluate(problem, assignment)

    def timing(termination: Termination, message: str, stages: list[StageResult]) -> SolveResult:
        return SolveResult(
            termination,
            message=message,
            solver=options.solver,
            build_seconds=built - started,
            solve_seconds=time.perf_counter() - built,
            stages=tuple(stages),
        )

    def left() -> float | None:
        return None if deadline is None else max(deadline - time.perf_counter(), 0.0)

    stages: list[StageResult] = []
    assignment: dict[Key, int] = {}
    bound_of: dict[str, float | None] = {}
    for number, stage in enumerate(spec):
        objective = stage.objective
        expression = built_objectives[objective.name]
        begun = time.perf_counter()
        try:
            if stage.within_choice:
                decisions.restrict(set(assignment))
            run = solver.solve(
                expression,
                maximise=objective.maximise,
                gap=stage.gap,
                node_limit=stage.nodes,
                time_limit=left(),
                start=decisions.start(assignment) if number else None,
            )
        except (RuntimeError, OSError) as error:
            if number == 0:
                return timing(Termination.ERROR, f"solver {options.solver} failed: {error}", stages)
            stages.append(StageResult(stage.title, Termination.ERROR, gap=stage.gap))
            break  # a later stage failed: keep the plan the earlier stages made
        finally:
            decisions.reopen()
        seconds = time.perf_counter() - begun
        if not run.termination.feasible or run.values is None:
            stages.append(StageResult(stage.title, run.termination, gap=stage.gap, seconds=seconds))
            if number == 0 or not assignment:
                if run.termination is Termination.INFEASIBLE:
                    return timing(Termination.INFEASIBLE, "no plan meets the hard limits", stages)
                return timing(
                    Termination.ERROR,
                    f"the solver found no plan ({run.detail or run.termination.value})",
                    stages,
                )
            break  # a later stage found nothing: keep the last plan
        found = decisions.assignment(run.values)
        value = evaluate(objective, found)
        if number and assignment and objective.maximise:
            # A stage never returns a worse week than its start (a solver that stopped on its
            # budget may hold one).
            previous = evaluate(objective, assignment)
            if previous > value + 1e-9:
                found, value = assignment, previous
        assignment = found
        # The bound of a polish within the plan's own choices is the whole stage's before it.
        bound = run.bound if not stage.within_choice else bound_of.get(objective.name)
        if not stage.within_choice:
            bound_of[objective.name] = run.bound
        stages.append(
            StageResult(
                stage.title,
                run.termination,
                value,
                bound,
                stage.gap,
                seconds,
                within_choice=stage.within_choice,
                nodes=run.nodes,
            )
        )
        if number < len(spec) - 1 and spec[number + 1].objective is not objective:
            # Later stages keep this optimum, give or take the solvers' feasibility tolerance
            # (an exact equality makes a plan that meets it look infeasible to CBC).
            slack = KEEP_TOLERANCE * max(1.0, abs(value))
            if objective.maximise:
                decisions.model.at_least(expression, value - slack, f"keep_{number}")
            else:
                decisions.model.at_most(expression, value + slack, f"keep_{number}")
    first = stages[0]
    plan = build_plan(problem.library, problem.weekdays, assignment)
    shortfall = SHORTFALL.evaluate(problem, assignment)
    # A spec without the shortfall stage proves nothing about the shortfall.
    proves_shortfall = spec[0].objective is SHORTFALL
    bound = (shortfall if first.proven else first.bound) if proves_shortfall else None
    message = "proven optimal" if first.proven else f"{first.termination.value}"
    result = timing(first.termination, message, stages)
    return SolveResult(
        result.status,
        plan=plan,
        shortfall=shortfall,
        bound=bound,
        message=message,
        solver=options.solver,
        build_seconds=result.build_seconds,
        solve_seconds=result.solve_seconds,
        stages=result.stages,
    )
