"""The optimizer: the hard limits as constraints, the objectives solved lexicographically.

``solve`` is a pure function of frozen inputs. It returns a :class:`SolveResult` with our
own :class:`Termination` and one :class:`StageResult` per stage; an infeasible problem is
an answer, not an exception.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace

from workbench.library import Exercise
from workbench.optimize.backends import SOLVERS, backend, cbc_path
from workbench.optimize.constraints import apply, lock_conflicts
from workbench.optimize.decisions import Decisions, Key
from workbench.optimize.model import Linear
from workbench.optimize.objectives import COACH_VALUE, SHORTFALL, Objective, coach_value_of
from workbench.optimize.result import SolveResult, StageResult, relative_gap
from workbench.optimize.search import search
from workbench.optimize.spec import DEFAULT_SPEC, SHORTFALL_ONLY, VALUE_GAP, Stage
from workbench.optimize.split import FULL, anywhere, fits, split
from workbench.optimize.status import Milestone, Termination
from workbench.optimize.terms import structured_doses
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
    "Milestone",
    "Objective",
    "SolveOptions",
    "SolveResult",
    "Stage",
    "StageResult",
    "Termination",
    "cbc_path",
    "precheck",
    "solve",
    "solve_stages",
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
    #: Plan a structured week first (the value terms marked as rules hold outright); False
    #: plans with every rule as a penalty (tests compare the two).
    structured: bool = True


#: Relative slack on a kept optimum [ratio]: far below a half set of shortfall or a point of
#: value, far above the solvers' feasibility tolerances (1e-6 absolute).
KEEP_TOLERANCE = 1e-5
#: A shortfall this small is none [sets/week].
EPSILON = 1e-6
#: The structured weeks tried in turn, (split, rules): the first whose shortfall is the
#: proven optimum is planned; all of them dose main lifts at 3-5 sets and accessories at
#: 2-3. Past the last, the free week (every rule a penalty, any dose the limits allow).
TIERS: tuple[tuple[bool, bool], ...] = ((True, True), (False, True), (False, False))
#: The shortfall stage's budget in a structured week [nodes].
TIER_NODES = 200
#: Moves of the local search that starts the value stage (each is scored over every dose).
SEARCH_MOVES = 40
#: Choices a day a neighbourhood adds beside those the relaxation uses: the ones whose
#: reduced cost is nearest to paying.
CANDIDATES_A_DAY = 6
#: Above this gap to the relaxation, the whole model's root (its cuts and heuristics, from
#: the neighbourhood's week) is searched too: the relaxation of a week the floors fill is
#: loose, and a neighbourhood can miss the week the root finds [ratio]. Measured on 24 grid
#: clients (seed 3000): the whole model's root for every week took a median 2.6 s, the
#: neighbourhood alone 1.2 s but lost 14% of the value on one week; the neighbourhood with
#: this fallback 1.8 s, within 1.5% of the root's value on every week and better on free
#: weeks. 4% since 7 December 2026 (60 grid clients, seeds 5000 and 6000): the slowest week
#: 14.4 s -> 5.1 s, the value within 0.02% in sum, the largest gap stated 2.6% -> 3.8%.
ROOT_GAP = 0.04
#: The whole model's work budget where the neighbourhood's week is that far from the bound
#: [nodes]: the root and a few nodes past it. At the root alone (1) a runner's week on two
#: 60-minute days stopped 7.5% from its bound; 20 nodes proved it within 1% (0.7 s more).
#: 8 since the sixth session of 7 December 2026 (the 200 grid clients, seed 5000): the
#: slowest week 26.5 -> 12.5 s (an advanced powerlifter on 6 x 20, whose twenty nodes took
#: 22.8 s), p95 4.10 -> 3.70 s, the polished gap's median 1.16 -> 1.23%, its max 4.72 -> 3.82%.
ROOT_NODES = 8
#: A model of at most this many dose columns is solved whole (the brute-force oracle's tiny
#: libraries: 2-10 columns; a real client's week has hundreds to thousands).
WHOLE_MODEL_CHOICES = 64


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


class _Week:
    """One model of the week and the stages run on it so far."""

    def __init__(
        self,
        problem: Problem,
        options: SolveOptions,
        enforced: frozenset[HardLimit],
        spec: tuple[Stage, ...],
        restrict: Callable[[Decisions], None] | None,
        *,
        structured: bool,
        keys: set[Key] | None = None,
        halves: bool = True,
        rules: bool = True,
        inner: bool = False,
    ) -> None:
        started = time.perf_counter()
        self.problem, self.options, self.spec = problem, options, spec
        self.enforced, self.restrict, self.structured = enforced, restrict, structured
        self.halves, self.rules = halves, rules
        #: A week searched inside another's stage (a neighbourhood, a polish): solved as it
        #: is, never split into neighbourhoods of its own.
        self.inner = inner
        #: Stages run on the whole model: their neighbourhood failed (a time limit, no
        #: relaxation).
        self.whole: set[int] = set()
        if structured and halves:
            # The split is the structured week's skeleton: each day only its half's lifts.
            day_half = split(problem.weekdays)
            also = anywhere(problem.priorities)
            fitting = {
                (e.id, day)
                for e in problem.placeable(enforced)
                for day in problem.weekdays
                if fits(e, day_half[day], also)
            }
            keys = fitting if keys is None else keys & fitting
        level = problem.client.level

        def doses(exercise: Exercise, allowed: range) -> range:
            return structured_doses(exercise, allowed, level)

        self.decisions = Decisions(
            problem, enforced, allow=doses if structured else None, keys=keys
        )
        self.decisions.rules = structured and rules
        apply(self.decisions)
        if restrict is not None:
            restrict(self.decisions)
        # Each objective is built once: later stages that re-solve it share its expression
        # (and its auxiliary columns and rows).
        self.expressions: dict[str, Linear] = {}
        for stage in spec:
            if stage.objective.name not in self.expressions:
                self.expressions[stage.objective.name] = stage.objective.build(self.decisions)
        self.groups = self.decisions.catalogue
        self.solver = backend(options.solver).attach(self.decisions.model, threads=options.threads)
        self.build_seconds = time.perf_counter() - started
        self.solve_seconds = 0.0
        self.stages: list[StageResult] = []
        self.assignment: dict[Key, int] = {}
        self.bounds: dict[str, float | None] = {}
        self.failure: SolveResult | None = None

    def evaluate(self, objective: Objective, assignment: dict[Key, int]) -> float:
        if objective is COACH_VALUE:
            return coach_value_of(self.problem, assignment, self.groups)
        return objective.evaluate(self.problem, assignment)

    def run(
        self,
        number: int,
        deadline: float | None,
        *,
        nodes: int | None = None,
        searched: bool = False,
    ) -> bool:
        """Run stage ``number``; False when the week can go no further (``failure`` says
        why when there is no plan at all). ``searched``: the stage's local search has run
        already (:meth:`finish` runs it first to offer its week)."""
        stage = self.spec[number]
        objective = stage.objective
        expression = self.expressions[objective.name]
        decisions = self.decisions
        begun = time.perf_counter()
        left = None if deadline is None else max(deadline - begun, 0.0)
        if stage.within_choice:
            return self._polish(number, deadline)
        if stage.search and number and self.assignment and not searched:
            self._search(number)
        if self._large() and number and self.assignment and number not in self.whole:
            return self._neighbourhood(number, deadline)
        budget = stage.nodes if nodes is None else nodes
        if len(decisions.choice) <= WHOLE_MODEL_CHOICES:
            # A tiny model (the oracle's libraries) is proven to its gap, however many nodes
            # that takes: a few milliseconds (a desk worker's three exercises on two days
            # stopped 1.2% from its bound at the value stage's one node: the property tests).
            budget = None
        try:
            run = self.solver.solve(
                expression,
                maximise=objective.maximise,
                gap=stage.gap,
                node_limit=budget,
                time_limit=left,
                start=decisions.start(self.assignment) if number else None,
            )
        except (RuntimeError, OSError) as error:
            self.solve_seconds += time.perf_counter() - begun
            if number == 0:
                self.failure = self._result(
                    Termination.ERROR, f"solver {self.options.solver} failed: {error}"
                )
                return False
            self.stages.append(StageResult(stage.title, Termination.ERROR, gap=stage.gap))
            return False  # a later stage failed: keep the plan the earlier stages made
        seconds = time.perf_counter() - begun
        self.solve_seconds += seconds
        if not run.termination.feasible or run.values is None:
            self.stages.append(
                StageResult(stage.title, run.termination, gap=stage.gap, seconds=seconds)
            )
            if number == 0 or not self.assignment:
                if run.termination is Termination.INFEASIBLE:
                    self.failure = self._result(
                        Termination.INFEASIBLE, "no plan meets the hard limits"
                    )
                else:
                    self.failure = self._result(
                        Termination.ERROR,
                        f"the solver found no plan ({run.detail or run.termination.value})",
                    )
            return False
        found = decisions.assignment(run.values)
        value = self.evaluate(objective, found)
        if number and self.assignment and objective.maximise:
            # A stage never returns a worse week than its start (a solver stopped by its
            # budget may hold one).
            previous = self.evaluate(objective, self.assignment)
            if previous > value + 1e-9:
                found, value = self.assignment, previous
        self.assignment = found
        bound = run.bound
        self.bounds[objective.name] = run.bound
        self.stages.append(
            StageResult(
                stage.title,
                run.termination,
                value,
                bound,
                stage.gap,
                seconds,
                nodes=run.nodes,
            )
        )
        self._keep_after(number, value)
        return True

    def _keep_after(self, number: int, value: float) -> None:
        """Keep stage ``number``'s optimum when the next stage has another objective."""
        following = self.spec[number + 1] if number + 1 < len(self.spec) else None
        if following is not None and following.objective is not self.spec[number].objective:
            self.keep(number, value)

    def _sub_week(self, number: int, keys: set[Key], stage: Stage) -> _Week:
        """Stage ``number`` (as ``stage``) on a model of the (exercise, day) choices in
        ``keys`` alone, every earlier stage's optimum kept."""
        earlier = tuple(s for s in self.spec[:number] if not s.within_choice)
        small = _Week(
            self.problem,
            self.options,
            self.enforced,
            (*earlier, stage),
            self.restrict,
            structured=self.structured,
            keys=keys,
            halves=self.halves,
            rules=self.rules,
            inner=True,
        )
        objective = stage.objective
        for index, result in enumerate(self.stages[: len(earlier)]):
            if small.spec[index].objective is not objective and result.value is not None:
                small.keep(index, result.value)
        small.assignment = dict(self.assignment)
        small.stages = list(self.stages[: len(earlier)])
        return small

    def _neighbourhood(self, number: int, deadline: float | None) -> bool:
        """Stage ``number`` proven against the whole model's linear relaxation, searched on
        the choices that relaxation values: those it uses, those whose reduced cost is
        nearest to paying (:data:`CANDIDATES_A_DAY` a day), and the week so far. The bound
        is the relaxation's (or, where that is loose, the whole model's root bound), so the
        gap stated is a gap on every week under the limits, not only on the neighbourhood.
        """
        stage = self.spec[number]
        objective = stage.objective
        expression = self.expressions[objective.name]
        decisions = self.decisions
        begun = time.perf_counter()
        relaxed = self.solver.solve(
            expression, maximise=objective.maximise, gap=0.0, node_limit=None, relax=True
        )
        if relaxed.values is None or relaxed.objective is None:
            return self._whole(number, deadline, begun)
        bound = relaxed.objective
        keys = set(self.assignment)
        keys |= {(e, d) for (e, d, _k), c in decisions.choice.items() if relaxed.values[c] > 1e-6}
        if relaxed.reduced is not None:
            sign = 1.0 if objective.maximise else -1.0
            best: dict[Key, float] = {}
            for (e, d, _k), c in decisions.choice.items():
                score = sign * relaxed.reduced[c]
                best[(e, d)] = max(best.get((e, d), -math.inf), score)
            for day in decisions.days:
                ranked = sorted(
                    ((score, e) for (e, d), score in best.items() if d == day),
                    key=lambda item: (-item[0], item[1]),
                )
                keys |= {(e, day) for _score, e in ranked[:CANDIDATES_A_DAY]}
        # The sport's defining lifts on every day they may go (a powerlifter's second squat
        # day, which a relaxation spreads thin over the week).
        lifts = {
            i for lift in self.problem.profile.specific.lifts for i in self.problem.sport_lift(lift)
        }
        keys |= {(e, d) for (e, d, _k) in decisions.choice if e in lifts}
        # A staple family the relaxation left out (a fighter's sprawl, worth a whole staple
        # to the value but a fraction of a set to the relaxation) on every day it may go.
        held = {e for e, _d in keys}
        for group in self.groups.staples.values():
            ids = {e.id for e in group}
            if not ids & held:
                keys |= {(e, d) for (e, d, _k) in decisions.choice if e in ids}
        # The week so far is the search's own: the neighbourhood starts from it as it is.
        small = self._sub_week(number, keys, replace(stage, search=False))
        reached = small.run(len(small.spec) - 1, deadline)
        if not reached or not small.stages:
            return self._whole(number, deadline, begun)
        found = small.stages[-1]
        value = found.value if found.value is not None else -math.inf
        self.assignment = small.assignment
        if relative_gap(value, bound) > ROOT_GAP:
            # A loose relaxation, or a neighbourhood that missed: the whole model's root gives
            # a tighter bound and may find a better week.
            root = self.solver.solve(
                expression,
                maximise=objective.maximise,
                gap=stage.gap,
                node_limit=ROOT_NODES if stage.nodes is not None else None,
                time_limit=None if deadline is None else max(deadline - time.perf_counter(), 0.0),
                start=decisions.start(self.assignment),
            )
            if root.values is not None:
                week = decisions.assignment(root.values)
                root_value = self.evaluate(objective, week)
                if root_value > value + 1e-9:
                    self.assignment, value = week, root_value
            if root.bound is not None:
                bound = min(bound, root.bound)
        seconds = time.perf_counter() - begun
        self.solve_seconds += seconds
        self.bounds[objective.name] = bound
        proven = relative_gap(value, bound) <= stage.gap + 1e-12
        self.stages.append(
            StageResult(
                stage.title,
                Termination.OPTIMAL if proven else Termination.BUDGET,
                value,
                bound,
                stage.gap,
                seconds,
                nodes=found.nodes,
            )
        )
        self._keep_after(number, value)
        return True

    @property
    def tier(self) -> str:
        """The week's name in :data:`~workbench.optimize.result.TIER_NAMES`."""
        if not self.structured:
            return "free"
        if self.halves and self.rules:
            return "split"
        return "rules" if self.rules else "doses"

    def _large(self) -> bool:
        """Whether the value stage searches the neighbourhood of the relaxation first: every
        week but one searched inside another's stage or one so small that its root proves it
        at once (a real client's whole root takes 1-20 s)."""
        return not self.inner and len(self.decisions.choice) > WHOLE_MODEL_CHOICES

    def _search(self, number: int) -> bool:
        """A local search from the week so far (:mod:`~workbench.optimize.search`): whole
        moves scored exactly, a better start for the stage's solver. Structured weeks only:
        the search keeps every limit as a row over the doses."""
        objective = self.spec[number].objective
        if objective is not COACH_VALUE or not self.decisions.rules:
            return False
        begun = time.perf_counter()
        cap = self.stages[0].value if self.spec[0].objective is SHORTFALL else None
        found = search(
            self.decisions,
            self.groups,
            self.problem.weights.terms,
            self.assignment,
            shortfall_cap=cap,
            moves=SEARCH_MOVES,
        )
        if self.evaluate(objective, found) > self.evaluate(objective, self.assignment):
            self.assignment = found
        self.solve_seconds += time.perf_counter() - begun
        return True

    def _whole(self, number: int, deadline: float | None, begun: float) -> bool:
        """Stage ``number`` on the whole model (when its relaxation or neighbourhood fails)."""
        self.solve_seconds += time.perf_counter() - begun
        self.whole.add(number)
        return self.run(number, deadline)

    def _polish(self, number: int, deadline: float | None) -> bool:
        """Stage ``number`` solved exactly within the week's own choices: each exercise of
        each session may stay or go and its sets are open, every earlier stage's optimum
        kept. A model of those choices alone, so it is proven at once."""
        stage = self.spec[number]
        objective = stage.objective
        begun = time.perf_counter()
        small = self._sub_week(number, set(self.assignment), replace(stage, within_choice=False))
        reached = small.run(len(small.spec) - 1, deadline)
        seconds = time.perf_counter() - begun
        self.solve_seconds += seconds
        if not reached or not small.stages:
            self.stages.append(StageResult(stage.title, Termination.ERROR, gap=stage.gap))
            return False
        polished = small.stages[-1]
        self.assignment = small.assignment
        self.stages.append(
            replace(
                polished,
                name=stage.title,
                bound=self.bounds.get(objective.name),
                seconds=seconds,
                within_choice=True,
            )
        )
        return True

    def keep(self, number: int, value: float) -> None:
        """Later stages keep stage ``number``'s optimum, give or take the solvers'
        feasibility tolerance (an exact equality makes a plan meeting it look infeasible)."""
        objective = self.spec[number].objective
        expression = self.expressions[objective.name]
        slack = KEEP_TOLERANCE * max(1.0, abs(value))
        model = self.decisions.model
        if objective.maximise:
            model.at_least(expression, value - slack, f"keep_{number}")
        else:
            model.at_most(expression, value + slack, f"keep_{number}")

    def _result(self, termination: Termination, message: str) -> SolveResult:
        return SolveResult(
            termination,
            message=message,
            solver=self.options.solver,
            build_seconds=self.build_seconds,
            solve_seconds=self.solve_seconds,
            stages=tuple(self.stages),
        )

    def finish(
        self, deadline: float | None, *, spent: tuple[float, float] = (0.0, 0.0)
    ) -> Iterator[SolveResult]:
        """Run the stages after the first, offering the week as each lands (``spent``: build
        and solve seconds of weeks tried before it); the last result offered is the answer."""
        self.build_seconds += spent[0]
        self.solve_seconds += spent[1]
        last = len(self.spec) - 1
        if last and self.failure is None:
            yield self._offer(Milestone.COVERAGE)
        for number in range(1, len(self.spec)):
            stage = self.spec[number]
            # The local search runs before the stage's solver (as the stage itself would run
            # it), so its week can be offered while the solver proves the value.
            searched = bool(stage.search and not stage.within_choice and self.assignment)
            if searched and self._search(number):
                yield self._offer(Milestone.SEARCHED)
            if not self.run(number, deadline, searched=searched):
                break
            if number < last:
                yield self._offer(Milestone.STAGE)
        yield self.failure if self.failure is not None else self._offer(Milestone.FINAL)

    def _offer(self, milestone: Milestone) -> SolveResult:
        """The week as it stands, with the stages run so far."""
        problem = self.problem
        first = self.stages[0]
        plan = build_plan(problem.library, problem.weekdays, self.assignment, problem.own_families)
        shortfall = SHORTFALL.evaluate(problem, self.assignment)
        # A spec without the shortfall stage proves nothing about the shortfall.
        proves_shortfall = self.spec[0].objective is SHORTFALL
        bound = (shortfall if first.proven else first.bound) if proves_shortfall else None
        message = "proven optimal" if first.proven else first.termination.value
        return SolveResult(
            first.termination,
            plan=plan,
            shortfall=shortfall,
            bound=bound,
            message=message,
            solver=self.options.solver,
            build_seconds=self.build_seconds,
            solve_seconds=self.solve_seconds,
            stages=tuple(self.stages),
            structured=self.structured,
            tier=self.tier,
            milestone=milestone,
        )


def solve(
    problem: Problem,
    options: SolveOptions | None = None,
    *,
    enforced: frozenset[HardLimit] = ALL_LIMITS,
    spec: tuple[Stage, ...] | None = None,
    restrict: Callable[[Decisions], None] | None = None,
) -> SolveResult:
    """The best weekly plan for ``problem``: the last result :func:`solve_stages` offers."""
    *_, answer = solve_stages(problem, options, enforced=enforced, spec=spec, restrict=restrict)
    return answer


def solve_stages(
    problem: Problem,
    options: SolveOptions | None = None,
    *,
    enforced: frozenset[HardLimit] = ALL_LIMITS,
    spec: tuple[Stage, ...] | None = None,
    restrict: Callable[[Decisions], None] | None = None,
) -> Iterator[SolveResult]:
    """The best weekly plan for ``problem`` under the ``enforced`` hard limits.

    A week a coach writes is structured (main lifts at 3-5 sets and accessories at 2-3, a
    main lift to open each session, one heavy spinal lift a session, ...: the value terms
    marked as rules). The week is planned structured first; only when the structure costs
    coverage (a structured week falls short of the floors where some week under the hard
    limits does not) is it planned again with the rules as penalties, and the result says
    so. The shortfall is proven on the hard limits alone either way: zero needs no other
    proof; above zero, the unstructured week proves it.

    ``restrict`` adds constraints of the caller's to the model before the stages run (e.g.
    :func:`~workbench.optimize.alternatives.solve_alternatives`' cuts off the weeks found).

    The week is offered as each stage lands (:class:`Milestone`): the shortfall stage's own
    week, the local search's, each value stage's; the last result is the answer, the same
    whether or not the caller looked at the others. A caller that stops iterating stops the
    solve between stages.
    """
    options = options or SolveOptions()
    spec = spec if spec is not None else (DEFAULT_SPEC if options.preferences else SHORTFALL_ONLY)
    if options.solver not in SOLVERS:
        yield SolveResult(
            Termination.ERROR,
            message=f"unknown solver '{options.solver}' ({', '.join(SOLVERS)})",
        )
        return
    conflicts = precheck(problem, enforced)
    if conflicts:
        yield SolveResult(
            Termination.INFEASIBLE,
            message="no plan meets the hard limits: " + "; ".join(conflicts),
            solver=options.solver,
            conflicts=tuple(conflicts),
        )
        return
    deadline = None if options.time_limit is None else time.perf_counter() + options.time_limit
    values_week = any(stage.objective is COACH_VALUE for stage in spec)
    if not (values_week and options.structured and spec[0].objective is SHORTFALL):
        week = _Week(problem, options, enforced, spec, restrict, structured=False)
        if not week.run(0, deadline) and week.failure is not None:
            yield week.failure
            return
        yield from week.finish(deadline)
        return
    # The structured week with its split, then without the split, then the free week: the
    # first whose shortfall is the proven optimum stands. Zero needs no other proof; above
    # zero, the free week proves the optimum.
    proven: StageResult | None = None
    free: _Week | None = None
    spent = (0.0, 0.0)
    whole_days = all(half == FULL for half in split(problem.weekdays).values())
    for halves, rules in TIERS:
        if halves is False and rules and whole_days:
            continue  # every day is full-body: the split tier was this very week
        week = _Week(
            problem, options, enforced, spec, restrict, structured=True, halves=halves, rules=rules
        )
        # A structured week need only find the optimum (zero, or the free week's proof), not
        # prove its own: a small budget.
        reached = week.run(0, deadline, nodes=TIER_NODES)
        first = week.stages[0] if week.stages else None
        value = first.value if reached and first is not None else None
        if value is not None and value <= EPSILON:
            yield from week.finish(deadline, spent=spent)
            return
        if free is None:
            free = _Week(problem, options, enforced, spec, restrict, structured=False)
            if not free.run(0, deadline) and free.failure is not None:
                yield free.failure
                return
            proven = free.stages[0]
        assert proven is not None
        if value is not None and proven.value is not None and value <= proven.value + EPSILON:
            # The structured week reaches the proven optimum: it stands, with the free
            # week's proof of the shortfall.
            assert first is not None
            week.stages[0] = replace(
                proven, seconds=proven.seconds + first.seconds, nodes=proven.nodes + first.nodes
            )
            spent = (spent[0] + free.build_seconds, spent[1] + free.solve_seconds)
            yield from week.finish(deadline, spent=spent)
            return
        spent = (spent[0] + week.build_seconds, spent[1] + week.solve_seconds)
    assert free is not None
    yield from free.finish(deadline, spent=spent)
