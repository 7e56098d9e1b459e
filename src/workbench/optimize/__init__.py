"""The optimizer: the hard limits as constraints, the objectives solved lexicographically.

``solve`` is a pure function of frozen inputs. It returns a :class:`SolveResult` with our
own :class:`Termination` and one :class:`StageResult` per stage; an infeasible problem is
an answer, not an exception.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pulp

from workbench.optimize.backends import SOLVERS, Run, backend, cbc_path
from workbench.optimize.constraints import apply, lock_conflicts
from workbench.optimize.decisions import Decisions
from workbench.optimize.objectives import COACH_VALUE, SHORTFALL, Objective
from workbench.optimize.result import SolveResult, StageResult
from workbench.optimize.seed import find_seed, within_gap
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
    # (and its auxiliary variables and rows).
    built_objectives: dict[str, Any] = {}
    for stage in spec:
        if stage.objective.name not in built_objectives:
            built_objectives[stage.objective.name] = stage.objective.build(decisions)
    expressions = [built_objectives[stage.objective.name] for stage in spec]
    built = time.perf_counter()
    deadline = None if options.time_limit is None else built + options.time_limit
    solver = backend(options.solver)

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
    assignment: dict[tuple[str, str], int] = {}
    # The last plan proven optimal within its own choices, and for which objective.
    polished: tuple[str, dict[tuple[str, str], int]] | None = None
    for number, (stage, expression) in enumerate(zip(spec, expressions, strict=True)):
        objective = stage.objective
        decisions.prob.sense = objective.sense
        decisions.prob.setObjective(expression)
        begun = time.perf_counter()
        run = None
        try:
            bound_proven = None
            seed_value = 0.0
            if stage.seeded and number:
                seeded = find_seed(
                    decisions, solver, assignment, threads=options.threads, left=left
                )
                assignment = seeded.assignment
                if seeded.polished:
                    polished = (objective.name, assignment)
                seed_value = objective.evaluate(problem, assignment)
                if seeded.bound is not None and within_gap(
                    seed_value, seeded.bound, stage.gap, maximise=objective.maximise
                ):
                    # The relaxation of the whole model proves the seed within the gap.
                    bound_proven = seeded.bound
            if bound_proven is not None:
                run = Run(Termination.OPTIMAL, bound_proven)
            elif stage.within_choice and polished == (objective.name, assignment):
                # Already optimal within its own choices: the polish would return it.
                run = Run(Termination.OPTIMAL, None)
            else:
                if number:
                    decisions.warm_start(assignment)
                if stage.within_choice:
                    decisions.within_choice(assignment)
                run = solver.run(
                    decisions.prob,
                    gap=stage.gap,
                    time_limit=left(),
                    warm=bool(number),
                    threads=options.threads,
                )
                if run.termination.feasible:
                    assignment = decisions.assignment()
                    if stage.within_choice and run.termination is Termination.OPTIMAL:
                        polished = (objective.name, assignment)
        except (pulp.PulpSolverError, RuntimeError, OSError) as error:
            if number == 0:
                return timing(Termination.ERROR, f"solver {options.solver} failed: {error}", stages)
            stages.append(StageResult(stage.title, Termination.ERROR, gap=stage.gap))
            break  # a later stage failed: keep the plan the earlier stages made
        finally:
            decisions.reopen()
        seconds = time.perf_counter() - begun
        worst = run if run is not None and not run.termination.feasible else None
        if worst is not None and (number == 0 or not assignment):
            stages.append(
                StageResult(stage.title, worst.termination, gap=stage.gap, seconds=seconds)
            )
            if worst.termination is Termination.INFEASIBLE:
                return timing(Termination.INFEASIBLE, "no plan meets the hard limits", stages)
            return timing(
                Termination.ERROR,
                f"the solver found no plan ({worst.detail or worst.termination.value}); "
                "raise the time limit",
                stages,
            )
        # Our value, from the rounded plan, not the solver's floats.
        value = seed_value if bound_proven is not None else objective.evaluate(problem, assignment)
        assert run is not None  # a run that raised left the loop above
        termination = run.termination
        bound = None if stage.within_choice else run.bound
        stages.append(
            StageResult(
                stage.title,
                termination,
                value,
                bound,
                stage.gap,
                seconds,
                within_choice=stage.within_choice,
            )
        )
        if worst is not None:
            break  # a later stage ran out of time: keep the last plan
        if number < len(spec) - 1:
            # Later stages keep this optimum, give or take the solvers' feasibility tolerance
            # (an exact equality makes a plan that meets it look infeasible to CBC).
            slack = KEEP_TOLERANCE * max(1.0, abs(value))
            if objective.maximise:
                decisions.prob += expression >= value - slack, f"keep_{number}"
            else:
                decisions.prob += expression <= value + slack, f"keep_{number}"
    first = stages[0]
    plan = build_plan(problem.library, problem.weekdays, assignment)
    shortfall = SHORTFALL.evaluate(problem, assignment)
    # A spec without the shortfall stage proves nothing about the shortfall.
    proves_shortfall = spec[0].objective is SHORTFALL
    bound = (shortfall if first.proven else first.bound) if proves_shortfall else None
    message = "proven optimal" if first.proven else "stopped at the time limit"
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
