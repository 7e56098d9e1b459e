"""HiGHS and CBC behind one small protocol: solve a PuLP problem (or its LP relaxation) to a
relative gap, from a warm start, with the solver's banner kept off the page, and say how it
ended."""

from __future__ import annotations

import contextlib
import ctypes
import os
import re
import shutil
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import highspy
import numpy as np
import pulp

from workbench.glossary import SOLVER_NAMES
from workbench.optimize.status import Termination

__all__ = [
    "BACKENDS",
    "SOLVERS",
    "Backend",
    "CBCBackend",
    "HiGHSBackend",
    "Run",
    "backend",
    "cbc_path",
]


@dataclass(frozen=True)
class Run:
    termination: Termination
    bound: float | None  # the solver's best bound on the objective, when it reports one
    detail: str = ""


class Backend(Protocol):
    name: str

    def run(
        self,
        prob: pulp.LpProblem,
        *,
        gap: float,
        time_limit: float | None,
        warm: bool,
        threads: int,
        relax: bool = False,
    ) -> Run: ...


def _termination(prob: pulp.LpProblem, status: int) -> tuple[Termination, str]:
    sol_status = prob.sol_status
    if sol_status == pulp.LpSolutionOptimal and status == pulp.LpStatusOptimal:
        return Termination.OPTIMAL, ""
    if sol_status in (pulp.LpSolutionOptimal, pulp.LpSolutionIntegerFeasible):
        return Termination.TIME_LIMIT, ""
    if status == pulp.LpStatusInfeasible or sol_status == pulp.LpSolutionInfeasible:
        return Termination.INFEASIBLE, ""
    return Termination.ERROR, f"no solution ({pulp.LpStatus.get(status, str(status))})"


def _options(gap: float, time_limit: float | None, threads: int) -> dict[str, Any]:
    options: dict[str, Any] = {"msg": False, "gapRel": gap, "gapAbs": 1e-7, "threads": threads}
    if time_limit is not None:
        options["timeLimit"] = max(time_limit, 0.05)
    return options


class _HiGHSWithStart(pulp.HiGHS):
    """PuLP's HiGHS, handing the variables' initial values to HiGHS as a start, and passing
    the model to HiGHS in bulk.

    PuLP's highspy adapter ignores ``warmStart`` (and passes it on as an unknown HiGHS
    option), so without this a stage would start from nothing. It also adds the model one
    column and one row at a time and collects the problem's variables four times a solve:
    0.2 s of Python per solve on the imported library's 17 000-row week, against 0.05 s
    for the same model (same order of columns and rows, so the same search) in bulk.
    """

    def __init__(self, *, warm_start: bool = False, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.warm_start = warm_start

    def actualSolve(self, lp: pulp.LpProblem) -> int:
        self.createAndConfigureSolver(lp)
        highs = lp.solverModel
        variables = lp.variables()
        constraints = list(lp._constraints.values())
        _pass_model(highs, lp, variables, constraints, mip=self.mip)
        if self.warm_start:
            # A variable without a value is left out: HiGHS completes a partial start.
            start = [
                (i, float(v.varValue)) for i, v in enumerate(variables) if v.varValue is not None
            ]
            if start:
                indices, values = zip(*start, strict=True)
                highs.setSolution(len(start), np.array(indices, dtype=np.int32), np.array(values))
        highs.run()
        status, sol_status = _read_solution(highs, variables, constraints)
        for variable in variables:
            variable.modified = False
        for constraint in constraints:
            constraint.modifier = False
        lp.assignStatus(status, sol_status)
        return status


def _pass_model(
    highs: Any, lp: pulp.LpProblem, variables: list[Any], constraints: list[Any], *, mip: bool
) -> None:
    """``lp`` into ``highs``: columns in ``variables`` order, rows in ``constraints`` order,
    as PuLP's adapter numbers them."""
    inf = highspy.kHighsInf
    sign = -1.0 if lp.sense == pulp.LpMaximize else 1.0
    objective = lp.objective
    for i, variable in enumerate(variables):
        variable.index = i
    count = len(variables)
    lower = np.array([-inf if v.lowBound is None else v.lowBound for v in variables], dtype=float)
    upper = np.array([inf if v.upBound is None else v.upBound for v in variables], dtype=float)
    highs.addVars(count, lower, upper)
    cost = np.array([sign * objective.get(v, 0.0) for v in variables], dtype=float)
    every = np.arange(count, dtype=np.int32)
    highs.changeColsCost(count, every, cost)
    if mip:
        integer = np.array(
            [i for i, v in enumerate(variables) if v.cat == pulp.LpInteger], dtype=np.int32
        )
        if len(integer):
            kinds = np.full(len(integer), int(highspy.HighsVarType.kInteger), dtype=np.uint8)
            highs.changeColsIntegrality(len(integer), integer, kinds)
    starts: list[int] = []
    indices: list[int] = []
    values: list[float] = []
    row_lower: list[float] = []
    row_upper: list[float] = []
    for i, constraint in enumerate(constraints):
        constraint.index = i
        starts.append(len(indices))
        for variable, coefficient in constraint.items():
            if coefficient != 0:
                indices.append(variable.index)
                values.append(coefficient)
        low, high = constraint.getLb(), constraint.getUb()
        row_lower.append(-inf if low is None else low)
        row_upper.append(inf if high is None else high)
    if constraints:
        highs.addRows(
            len(constraints),
            np.array(row_lower, dtype=float),
            np.array(row_upper, dtype=float),
            len(indices),
            np.array(starts, dtype=np.int32),
            np.array(indices, dtype=np.int32),
            np.array(values, dtype=float),
        )


def _read_solution(highs: Any, variables: list[Any], constraints: list[Any]) -> tuple[int, int]:
    """The solution into the variables and constraints, as PuLP's adapter reads it."""
    model_status = highs.getModelStatus()
    status, sol_status = _STATUS.get(
        model_status, (pulp.LpStatusNotSolved, pulp.LpSolutionNoSolutionFound)
    )
    solution = highs.getSolution()
    for variable, value, dual in zip(
        variables, solution.col_value, solution.col_dual, strict=False
    ):
        variable.varValue = value
        variable.dj = dual
    for constraint, value, dual in zip(
        constraints, solution.row_value, solution.row_dual, strict=False
    ):
        slack = constraint.constant + value
        constraint.slack = -slack if constraint.sense == pulp.LpConstraintLE else slack
        constraint.pi = dual
    stopped = (highspy.HighsModelStatus.kTimeLimit, highspy.HighsModelStatus.kIterationLimit)
    if model_status in stopped and highs.getObjectiveValue() == float("inf"):
        return pulp.LpStatusNotSolved, pulp.LpSolutionNoSolutionFound
    return status, sol_status


#: HiGHS's model status -> PuLP's (status, solution status), as PuLP's adapter maps them;
#: any other status is "not solved, no solution".
_STATUS: dict[Any, tuple[int, int]] = {
    highspy.HighsModelStatus.kOptimal: (pulp.LpStatusOptimal, pulp.LpSolutionOptimal),
    highspy.HighsModelStatus.kInfeasible: (pulp.LpStatusInfeasible, pulp.LpSolutionInfeasible),
    highspy.HighsModelStatus.kUnboundedOrInfeasible: (
        pulp.LpStatusInfeasible,
        pulp.LpSolutionInfeasible,
    ),
    highspy.HighsModelStatus.kUnbounded: (pulp.LpStatusUnbounded, pulp.LpSolutionUnbounded),
    **{
        stopped: (pulp.LpStatusOptimal, pulp.LpSolutionIntegerFeasible)
        for stopped in (
            highspy.HighsModelStatus.kObjectiveBound,
            highspy.HighsModelStatus.kObjectiveTarget,
            highspy.HighsModelStatus.kInterrupt,
            highspy.HighsModelStatus.kTimeLimit,
            highspy.HighsModelStatus.kIterationLimit,
        )
    },
}


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
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None).fflush(None)
        os.dup2(saved, 1)
        os.close(saved)
        os.close(devnull)


class HiGHSBackend:
    name = "highs"

    def run(
        self,
        prob: pulp.LpProblem,
        *,
        gap: float,
        time_limit: float | None,
        warm: bool,
        threads: int,
        relax: bool = False,
    ) -> Run:
        solver = _HiGHSWithStart(
            warm_start=warm and not relax, mip=not relax, **_options(gap, time_limit, threads)
        )
        with _quiet_stdout():
            status = prob.solve(solver)
        bound = None
        highs = getattr(prob, "solverModel", None)
        if highs is not None:
            with contextlib.suppress(AttributeError, TypeError, ValueError):
                bound = float(highs.getInfo().mip_dual_bound)
        # PuLP hands HiGHS a maximisation as the minimisation of its negation.
        if bound is not None and prob.sense == pulp.LpMaximize:
            bound = -bound
        termination, detail = _termination(prob, status)
        return Run(termination, bound, detail)


def _without_variables(prob: pulp.LpProblem) -> Run:
    """A model with nothing to decide (no exercise can be placed and no muscle has a floor):
    optimal when every row holds as it stands, infeasible otherwise. CBC crashes (SIGSEGV in
    its clique strengthening) on a model with rows but no columns, so it is not asked."""
    if prob.valid(1e-9):
        prob.assignStatus(pulp.LpStatusOptimal, pulp.LpSolutionOptimal)
        objective = prob.objective
        constant = float(objective.constant) if objective is not None else 0.0
        return Run(Termination.OPTIMAL, constant)
    prob.assignStatus(pulp.LpStatusInfeasible, pulp.LpSolutionInfeasible)
    return Run(Termination.INFEASIBLE, None)


def cbc_path() -> str | None:
    """The CBC binary of the ``cbcbox`` package (in the venv's bin) or on PATH."""
    beside = Path(sys.executable).parent / "cbc"
    if beside.exists():
        return str(beside)
    return shutil.which("cbc")


class CBCBackend:
    name = "cbc"

    def run(
        self,
        prob: pulp.LpProblem,
        *,
        gap: float,
        time_limit: float | None,
        warm: bool,
        threads: int,
        relax: bool = False,
    ) -> Run:
        if not prob.variables():
            return _without_variables(prob)
        path = cbc_path()
        if path is None:
            raise RuntimeError("the CBC binary was not found (pip install 'pulp[cbc]')")
        options = _options(gap, time_limit, threads)
        if relax:
            options["mip"] = False
        elif warm:
            options["warmStart"] = True
        with tempfile.TemporaryDirectory(prefix="workbench-cbc-") as folder:
            log = Path(folder) / "cbc.log"
            status = prob.solve(
                pulp.COIN_CMD(path=path, logPath=str(log), keepFiles=False, **options)
            )
            text = log.read_text(errors="replace") if log.exists() else ""
        # CBC's summary says "Lower bound" when minimising and "Upper bound" when maximising,
        # both in the problem's own sense.
        bounds = re.findall(r"^(?:Lower|Upper) bound:\s+([-+0-9.eE]+)", text, flags=re.M)
        bound = float(bounds[-1]) if bounds else None
        termination, detail = _termination(prob, status)
        return Run(termination, bound, detail)


BACKENDS: dict[str, Backend] = {"highs": HiGHSBackend(), "cbc": CBCBackend()}
SOLVERS: tuple[str, ...] = tuple(BACKENDS)
assert SOLVERS == SOLVER_NAMES, "glossary.SOLVER_NAMES names the backends"


def backend(name: str) -> Backend:
    try:
        return BACKENDS[name]
    except KeyError:
        raise ValueError(f"unknown solver {name!r} (choose {', '.join(SOLVERS)})") from None
