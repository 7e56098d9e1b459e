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
    """PuLP's HiGHS, handing the variables' initial values to HiGHS as a start.

    PuLP's highspy adapter ignores ``warmStart`` (and passes it on as an unknown HiGHS
    option), so without this a stage would start from nothing.
    """

    def __init__(self, *, warm_start: bool = False, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.warm_start = warm_start

    def callSolver(self, lp: pulp.LpProblem) -> None:
        if self.warm_start:
            # buildSolverModel numbered the columns in lp.variables() order. A variable
            # without a value is left out: HiGHS completes a partial start itself.
            start = [
                (i, float(v.varValue))
                for i, v in enumerate(lp.variables())
                if v.varValue is not None
            ]
            if start:
                indices, values = zip(*start, strict=True)
                lp.solverModel.setSolution(len(start), list(indices), list(values))
        super().callSolver(lp)


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
