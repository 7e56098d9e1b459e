"""HiGHS and CBC behind one small protocol: solve a :class:`LinearModel` (or its linear
relaxation) for an objective, to a relative gap and within a deterministic work budget (a
node limit, never the clock unless the caller asks for one), from a start, and say how it
ended.

HiGHS runs in process on one persistent ``highspy`` solver per model: the model's columns and
rows are handed over in bulk once and only what was added since is passed on the next solve,
so the stages of a plan share one model. CBC runs as PuLP's command-line adapter on the
same arrays.

Neither prints, and neither touches the process's standard output, so solves may run on any
thread: HiGHS's logging is off from its construction (its own options), and CBC's output goes
to the log file PuLP hands the subprocess.
"""

from __future__ import annotations

import math
import re
import shutil
import sys
import tempfile
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from workbench.glossary import SOLVER_NAMES
from workbench.optimize.model import Linear, LinearModel
from workbench.optimize.status import Termination

__all__ = [
    "BACKENDS",
    "SOLVERS",
    "Backend",
    "CBCBackend",
    "CBCSolver",
    "HiGHSBackend",
    "HiGHSSolver",
    "Run",
    "Solver",
    "backend",
    "cbc_path",
    "interrupted",
    "interrupting",
]


@dataclass(frozen=True)
class Run:
    """One solve: how it ended, the columns' values (None without a solution), the
    objective's value there, the best bound proven on it, and the nodes searched."""

    termination: Termination
    values: tuple[float, ...] | None = None
    objective: float | None = None
    bound: float | None = None
    nodes: int = 0
    detail: str = ""
    #: The columns' reduced costs, for a relaxation (how much a column at its bound would
    #: cost or gain per unit moved), when the solver reports them.
    reduced: tuple[float, ...] | None = None


class Solver(Protocol):
    """A solver attached to one model; every solve sees the model as it is then."""

    def solve(
        self,
        objective: Linear,
        *,
        maximise: bool,
        gap: float,
        node_limit: int | None,
        time_limit: float | None = None,
        start: Mapping[int, float] | None = None,
        relax: bool = False,
    ) -> Run: ...


class Backend(Protocol):
    name: str

    def attach(self, model: LinearModel, *, threads: int = 1) -> Solver: ...


#: Absolute gap every stage also accepts [objective units]: far below a point of value or a
#: half set of shortfall, far above the solvers' tolerances.
GAP_ABS = 1e-7


# ----- HiGHS ----------------------------------------------------------------------------

#: HiGHS's presolve rule "probing" (bit 15 of ``presolve_rule_off``).
PROBING = 1 << 15


def _new_highs() -> Any:
    """A ``Highs`` that prints nothing, from any thread, without touching file descriptor 1.

    highspy's ``Highs()`` registers its Python callbacks in its constructor, and that call
    logs HiGHS's banner (once a process, to C stdout) while ``output_flag`` still has its
    default, true: no option can be set first. The compiled class it wraps (``_Highs``,
    exported by highspy since 1.7.1) logs nothing on construction, so its logging is turned
    off before any call that logs. The solves use only methods of that class; the wrapper's
    callbacks and modelling layer are not used.
    """
    from highspy._core import _Highs

    highs = _Highs()
    highs.setOptionValue("output_flag", False)
    highs.setOptionValue("log_to_console", False)
    return highs


#: The size of this thread's HiGHS task scheduler. HiGHS keeps one scheduler per calling
#: thread, sized by the first solve on that thread, and refuses a later solve there that asks
#: for another size (model status "Not Set"); a worker thread serves solves of any size.
_scheduler = threading.local()


def _size_scheduler(threads: int) -> None:
    """Make this thread's HiGHS scheduler ``threads`` wide before a solve: shut down one of
    another size (it is this thread's own; no other solve can be running on it)."""
    from highspy._core import _Highs

    if getattr(_scheduler, "threads", threads) != threads:
        _Highs.resetGlobalScheduler(True)
    _scheduler.threads = threads


#: The event that stops HiGHS solves on this thread (:func:`interrupting`), if any.
_interrupt = threading.local()


@contextmanager
def interrupting(event: threading.Event) -> Iterator[None]:
    """HiGHS solves run on this thread inside the block stop soon after ``event`` is set:
    HiGHS asks its interrupt callbacks (simplex, interior point, branch and bound) whether
    to go on, and the answer is the event. A solve started once it is set ends at once. CBC
    (a subprocess) runs to its end. Outside such a block no callback is registered, so a
    solve's path is the same as ever."""
    previous = getattr(_interrupt, "event", None)
    _interrupt.event = event
    try:
        yield
    finally:
        _interrupt.event = previous


def interrupted() -> bool:
    """Whether the solve running on this thread was asked to stop (:func:`interrupting`): the
    local search looks between its moves, as HiGHS does through its callbacks."""
    event: threading.Event | None = getattr(_interrupt, "event", None)
    return event is not None and event.is_set()


def _stop_when_set(
    callback_type: object, message: str, data_out: object, data_in: Any, event: threading.Event
) -> None:
    del callback_type, message, data_out
    if data_in is not None and event.is_set():
        data_in.user_interrupt = True


class HiGHSSolver:
    """One silent HiGHS solver (:func:`_new_highs`) holding the model; columns and rows
    added to the model since the last solve are passed on before the next."""

    def __init__(self, model: LinearModel, threads: int) -> None:
        import highspy

        self.model = model
        self.highs = _new_highs()
        self.threads = max(1, threads)
        self.highs.setOptionValue("threads", self.threads)
        self.highs.setOptionValue("random_seed", 0)
        # Symmetry detection costs a tenth of the value stage and changed no week (30 grid
        # clients, 7 Dec 2026).
        self.highs.setOptionValue("mip_detect_symmetry", False)
        # Probing every binary in presolve took most of a 6-day week's solve (8 of 10 s)
        # and tightened nothing the root's cuts did not.
        self.highs.setOptionValue("presolve_rule_off", PROBING)
        self.inf = highspy.kHighsInf
        self.kinteger = highspy.HighsVarType.kInteger
        self.kcontinuous = highspy.HighsVarType.kContinuous
        self.columns = 0
        self.rows = 0

    def _bound(self, value: float) -> float:
        if math.isinf(value):
            return self.inf if value > 0 else -self.inf
        return value

    def _sync(self, relax: bool) -> None:
        import numpy as np

        model, highs = self.model, self.highs
        new = model.columns - self.columns
        if new:
            highs.addVars(
                new,
                np.array([self._bound(v) for v in model.lower[self.columns :]], dtype=float),
                np.array([self._bound(v) for v in model.upper[self.columns :]], dtype=float),
            )
            self.columns = model.columns
        # Bounds may have moved anywhere (a stage fixes or frees choices): all of them.
        count = model.columns
        every = np.arange(count, dtype=np.int32)
        if count:
            highs.changeColsBounds(
                count,
                every,
                np.array([self._bound(v) for v in model.lower], dtype=float),
                np.array([self._bound(v) for v in model.upper], dtype=float),
            )
            kinds = np.array(
                [
                    int(self.kinteger if (flag and not relax) else self.kcontinuous)
                    for flag in model.integer
                ],
                dtype=np.uint8,
            )
            highs.changeColsIntegrality(count, every, kinds)
        rows = model.rows[self.rows :]
        if rows:
            starts: list[int] = []
            indices: list[int] = []
            values: list[float] = []
            for row in rows:
                starts.append(len(indices))
                for column, coefficient in row.coefficients.items():
                    indices.append(column)
                    values.append(coefficient)
            highs.addRows(
                len(rows),
                np.array([self._bound(r.low) for r in rows], dtype=float),
                np.array([self._bound(r.high) for r in rows], dtype=float),
                len(indices),
                np.array(starts, dtype=np.int32),
                np.array(indices, dtype=np.int32),
                np.array(values, dtype=float),
            )
            self.rows = len(model.rows)

    def solve(
        self,
        objective: Linear,
        *,
        maximise: bool,
        gap: float,
        node_limit: int | None,
        time_limit: float | None = None,
        start: Mapping[int, float] | None = None,
        relax: bool = False,
    ) -> Run:
        import highspy
        import numpy as np

        highs = self.highs
        self._sync(relax)
        count = self.model.columns
        if count == 0:
            return _without_columns(objective)
        costs = np.zeros(count)
        for column, coefficient in objective.coefficients.items():
            costs[column] = coefficient
        highs.changeColsCost(count, np.arange(count, dtype=np.int32), costs)
        highs.changeObjectiveOffset(objective.constant)
        highs.changeObjectiveSense(
            highspy.ObjSense.kMaximize if maximise else highspy.ObjSense.kMinimize
        )
        highs.setOptionValue("mip_rel_gap", gap)
        highs.setOptionValue("mip_abs_gap", GAP_ABS)
        highs.setOptionValue("mip_max_nodes", node_limit if node_limit is not None else 2**31 - 1)
        highs.setOptionValue("time_limit", time_limit if time_limit is not None else math.inf)
        # A new model for HiGHS each time: no basis or incumbent carries over by accident.
        highs.clearSolver()
        if start:
            columns = np.array(sorted(start), dtype=np.int32)
            levels = np.array([float(start[i]) for i in sorted(start)])
            highs.setSolution(len(columns), columns, levels)
        _size_scheduler(self.threads)
        event: threading.Event | None = getattr(_interrupt, "event", None)
        if event is None:
            highs.run()
        elif event.is_set():
            return Run(Termination.ERROR, detail="interrupted")
        else:
            from highspy import cb

            highs.setCallback(_stop_when_set, event)
            for kind in INTERRUPTS:
                highs.startCallback(getattr(cb.HighsCallbackType, kind))
            try:
                highs.run()
            finally:
                highs.setCallback(None, None)  # stops every callback too
        status = highs.getModelStatus()
        info = highs.getInfo()
        solution = highs.getSolution()
        has_solution = bool(solution.value_valid) and len(solution.col_value) == count
        MS = highspy.HighsModelStatus
        nodes = int(getattr(info, "mip_node_count", 0) or 0)
        if relax:
            bound_value = highs.getObjectiveValue() if status == MS.kOptimal else None
        else:
            bound_value = float(info.mip_dual_bound) if has_solution else None
        values = tuple(solution.col_value) if has_solution else None
        value = highs.getObjectiveValue() if has_solution else None
        if status == MS.kOptimal:
            termination = Termination.OPTIMAL
        elif status in (MS.kInfeasible, MS.kUnboundedOrInfeasible):
            return Run(Termination.INFEASIBLE, nodes=nodes)
        elif has_solution and status in (MS.kSolutionLimit, MS.kIterationLimit):
            termination = Termination.BUDGET
        elif has_solution and status in (
            MS.kTimeLimit,
            MS.kInterrupt,
            MS.kObjectiveBound,
            MS.kObjectiveTarget,
        ):
            termination = Termination.TIME_LIMIT
        else:
            return Run(Termination.ERROR, nodes=nodes, detail=highs.modelStatusToString(status))
        if bound_value is not None and not math.isfinite(bound_value):
            bound_value = None
        reduced = (
            tuple(solution.col_dual)
            if relax and bool(solution.dual_valid) and len(solution.col_dual) == count
            else None
        )
        return Run(termination, values, value, bound_value, nodes, reduced=reduced)


#: HiGHS's callbacks that may interrupt a solve.
INTERRUPTS = ("kCallbackSimplexInterrupt", "kCallbackIpmInterrupt", "kCallbackMipInterrupt")


class HiGHSBackend:
    name = "highs"

    def attach(self, model: LinearModel, *, threads: int = 1) -> Solver:
        return HiGHSSolver(model, threads)


def _without_columns(objective: Linear) -> Run:
    """A model with nothing to decide: optimal when every row holds as it stands (rows
    without columns are checked when added), its value the objective's constant."""
    return Run(Termination.OPTIMAL, (), objective.constant, objective.constant)


# ----- CBC ------------------------------------------------------------------------------


def cbc_path() -> str | None:
    """The CBC binary of the ``cbcbox`` package (in the venv's bin) or on PATH."""
    beside = Path(sys.executable).parent / "cbc"
    if beside.exists():
        return str(beside)
    return shutil.which("cbc")


class CBCSolver:
    """CBC through PuLP's command-line adapter, on the model as it is at each solve."""

    def __init__(self, model: LinearModel, threads: int) -> None:
        self.model = model
        self.threads = threads

    def solve(
        self,
        objective: Linear,
        *,
        maximise: bool,
        gap: float,
        node_limit: int | None,
        time_limit: float | None = None,
        start: Mapping[int, float] | None = None,
        relax: bool = False,
    ) -> Run:
        import pulp

        model = self.model
        if model.columns == 0:
            return _without_columns(objective)
        if _row_out_of_reach(model):
            # CBC's presolve answers such a model "undefined", not infeasible.
            return Run(Termination.INFEASIBLE)
        path = cbc_path()
        if path is None:
            raise RuntimeError("the CBC binary was not found (pip install 'pulp[cbc]')")
        prob = pulp.LpProblem("week", pulp.LpMaximize if maximise else pulp.LpMinimize)
        columns = [
            prob.add_variable(
                f"x{i}",
                lowBound=None if math.isinf(low) else low,
                upBound=None if math.isinf(high) else high,
                cat=pulp.LpInteger if (integer and not relax) else pulp.LpContinuous,
            )
            for i, (low, high, integer) in enumerate(
                zip(model.lower, model.upper, model.integer, strict=True)
            )
        ]
        prob.setObjective(
            pulp.LpAffineExpression(
                [(columns[i], c) for i, c in objective.coefficients.items()],
                constant=objective.constant,
            )
        )
        for number, row in enumerate(model.rows):
            expression = pulp.LpAffineExpression(
                [(columns[i], c) for i, c in row.coefficients.items()]
            )
            if row.low == row.high:
                prob.addConstraint(
                    pulp.LpConstraint(expression, pulp.LpConstraintEQ, f"r{number}", row.low)
                )
                continue
            if not math.isinf(row.low):
                prob.addConstraint(
                    pulp.LpConstraint(expression, pulp.LpConstraintGE, f"r{number}l", row.low)
                )
            if not math.isinf(row.high):
                prob.addConstraint(
                    pulp.LpConstraint(expression, pulp.LpConstraintLE, f"r{number}h", row.high)
                )
        options: dict[str, Any] = {
            "msg": False,
            "gapRel": gap,
            "gapAbs": GAP_ABS,
            "threads": self.threads,
        }
        if node_limit is not None:
            options["maxNodes"] = node_limit
        if time_limit is not None:
            options["timeLimit"] = max(time_limit, 0.05)
        if relax:
            options["mip"] = False
        elif start:
            options["warmStart"] = True
            for i, column in enumerate(columns):
                column.setInitialValue(start.get(i, 0.0))
        with tempfile.TemporaryDirectory(prefix="workbench-cbc-") as folder:
            log = Path(folder) / "cbc.log"
            status = prob.solve(
                pulp.COIN_CMD(path=path, logPath=str(log), keepFiles=False, **options)
            )
            text = log.read_text(errors="replace") if log.exists() else ""
        # CBC's summary says "Lower bound" when minimising and "Upper bound" when maximising,
        # both in the problem's own sense.
        bounds = re.findall(r"^(?:Lower|Upper) bound:\s+([-+0-9.eE]+)", text, flags=re.M)
        nodes = re.findall(r"^Enumerated nodes:\s+(\d+)", text, flags=re.M)
        node_count = int(nodes[-1]) if nodes else 0
        sol_status = prob.sol_status
        if status == pulp.LpStatusInfeasible or sol_status == pulp.LpSolutionInfeasible:
            return Run(Termination.INFEASIBLE, nodes=node_count)
        if sol_status not in (pulp.LpSolutionOptimal, pulp.LpSolutionIntegerFeasible):
            return Run(
                Termination.ERROR,
                nodes=node_count,
                detail=f"no solution ({pulp.LpStatus.get(status, str(status))})",
            )
        values = tuple(float(c.varValue or 0.0) for c in columns)
        value = objective.value(list(values))
        proven = sol_status == pulp.LpSolutionOptimal and status == pulp.LpStatusOptimal
        bound: float | None
        if relax:
            bound = value if proven else None
        elif proven and not bounds:
            bound = value
        else:
            bound = float(bounds[-1]) if bounds else None
        if proven:
            termination = Termination.OPTIMAL
        elif time_limit is not None:
            termination = Termination.TIME_LIMIT
        else:
            termination = Termination.BUDGET
        return Run(termination, values, value, bound, node_count)


def _row_out_of_reach(model: LinearModel) -> bool:
    """Whether some row cannot hold whatever its columns do within their bounds."""
    for row in model.rows:
        least = most = 0.0
        for column, coefficient in row.coefficients.items():
            low, high = model.lower[column], model.upper[column]
            ends = (coefficient * low, coefficient * high)
            least += min(ends)
            most += max(ends)
        if most < row.low - 1e-9 or least > row.high + 1e-9:
            return True
    return False


class CBCBackend:
    name = "cbc"

    def attach(self, model: LinearModel, *, threads: int = 1) -> Solver:
        return CBCSolver(model, threads)


BACKENDS: dict[str, Backend] = {"highs": HiGHSBackend(), "cbc": CBCBackend()}
SOLVERS: tuple[str, ...] = tuple(BACKENDS)
assert SOLVERS == SOLVER_NAMES, "glossary.SOLVER_NAMES names the backends"


def backend(name: str) -> Backend:
    try:
        return BACKENDS[name]
    except KeyError:
        raise ValueError(f"unknown solver {name!r} (choose {', '.join(SOLVERS)})") from None
