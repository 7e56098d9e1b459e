"""The dashboard's planning: the week for the choices shown, planned off the kernel's thread,
recalled when it was planned before, and what the page says about it.

No widgets here. A change of the choices asks for a re-plan through a
:class:`~workbench.ui.debounce.Debouncer`, so a burst of changes (a slider dragged, a kit
applied, a client loaded) costs one solve. The solve runs on a
:class:`~workbench.ui.worker.PlanWorker` through an injected planner (:func:`default_planner`:
:func:`~workbench.planning.plan_stages`): each checked week it offers is shown as it lands,
marked "improving" until the final one; a change cancels the solve in flight, and a cancelled
solve's weeks are dropped. Recent plans are kept in a :class:`~workbench.ui.session.PlanCache`
(shared with the parts that plan: the what-if tools, the idle
:class:`~workbench.ui.prefetch.Prefetch`).

What it needs is handed to it: ``client()`` and ``options()`` (the choices shown), and
``build_figures()`` and ``show_figures(built)`` (the week's status line goes to the page
before its figures). What the week on show is, and why there is none, it holds as enums
(:class:`~workbench.ui.words.WeekState`, :class:`~workbench.ui.words.NoPlan`) beside the
lines the page shows.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import plotly.graph_objects as go
import traitlets as t

from workbench.client import Client, SportProfile
from workbench.errors import InputError, WorkbenchError
from workbench.library import Library
from workbench.optimize import SolveOptions, Termination
from workbench.planner import PlanResult
from workbench.planning import plan_stages
from workbench.present import number
from workbench.ui.debounce import Debouncer, Timer
from workbench.ui.prefetch import Prefetch
from workbench.ui.session import CACHE_SIZE, PlanCache, Planner, Subject
from workbench.ui.words import (
    WEEK_WORDS,
    NoPlan,
    WeekState,
    another_line,
    coach_line,
    improving_line,
    named,
    no_plan_line,
    status_line,
)
from workbench.ui.worker import Job, PlanWorker

__all__ = ["DEBOUNCE", "PlanningModel", "default_planner"]

LOG = logging.getLogger(__name__)

#: How long a control change waits for the next one before the re-plan starts [s]. Every
#: slider sends its value once, on release; a burst from code (a kit, a client loaded) is
#: held into one change; so this only folds clicks made within a blink.
DEBOUNCE = 0.05

Figures = dict[str, go.Figure]


def default_planner(
    library: Library, client: Client, profiles: Mapping[str, SportProfile], options: SolveOptions
) -> Iterable[PlanResult]:
    """The dashboard's planning: every stage, the explanations with the final week."""
    return plan_stages(library, client, profiles, options, explain=True, file="dashboard")


class PlanningModel(t.HasTraits):
    """The planning session of one dashboard (made by it as ``model.plans``)."""

    result = t.Instance(PlanResult, allow_none=True)  # the latest solve
    good = t.Instance(PlanResult, allow_none=True)  # the latest plan that passed the checker
    #: What the week on show is (the status line says it in words).
    state = t.UseEnum(WeekState, default_value=WeekState.NONE)
    status = t.Unicode("")
    #: Why the choices shown give no plan (the error line says it in words); None when they
    #: give one, or when the latest line is about an action (an export, a pin).
    cause = t.UseEnum(NoPlan, allow_none=True, default_value=None)
    error = t.Unicode("")  # one line, empty when the latest attempt gave a plan
    busy = t.Bool(False)  # a solve is in flight
    stale = t.Bool(False)  # the shown plan is not from the current choices
    #: Weeks put on show so far (each with its status line and figures): the page stamps the
    #: status line with it, and the figures with the number they were built for.
    week_shown = t.Int(0)
    timings = t.Dict()  # seconds of the latest re-plan: solve, figures
    cache_hits = t.Int(0)
    #: Re-plans started: each one makes the questions about the old choices moot (the
    #: parent stops them).
    replans = t.Int(0)
    #: A what-if question or a block is being answered (linked by the parent): the idle
    #: prefetch waits for it.
    questions = t.Bool(False)

    def __init__(
        self,
        library: Library,
        profiles: Mapping[str, SportProfile],
        *,
        client: Callable[[], Client],
        options: Callable[[], SolveOptions],
        build_figures: Callable[[], Figures],
        show_figures: Callable[[Figures], None],
        timer: Timer | None = None,
        delay: float = DEBOUNCE,
        cache_size: int = CACHE_SIZE,
        planner: Planner | None = None,
        worker: PlanWorker | None = None,
        prefetcher: PlanWorker | None = None,
    ) -> None:
        super().__init__()
        self.library = library
        self.profiles = dict(profiles)
        self.client = client
        self.options = options
        self.build_figures = build_figures
        self.show_figures = show_figures
        self.debouncer = Debouncer(self._debounced_replan, delay, timer)
        self.planner: Planner = planner if planner is not None else default_planner
        #: Where solves run. Without ``wake`` (a script, a test) :meth:`replan` waits for the
        #: week; with it (the kernel's event loop) the weeks arrive on the loop.
        self.worker = worker if worker is not None else PlanWorker()
        self._job: Job[PlanResult] | None = None  # the solve in flight, if any
        self._job_started = 0.0
        #: Recent plans, shared with the what-if tools and the prefetch.
        self.cache = PlanCache(cache_size)
        self._planned: float | None = None  # the seconds the week recalled took to plan
        self._asked: float | None = None  # when the coach's pending change was made
        #: The likely next moves, planned while the coach looks at a finished week, on a
        #: worker of its own: a coach's request never queues behind it.
        self.prefetch = Prefetch(
            library,
            self.profiles,
            self.plan,
            self.cache,
            prefetcher if prefetcher is not None else PlanWorker(self.worker.wake),
            timer=timer,
        )
        self.observe(self._on_questions, names="questions")

    def plan(
        self,
        library: Library,
        client: Client,
        profiles: Mapping[str, SportProfile],
        options: SolveOptions,
    ) -> Iterable[PlanResult]:
        """The injected planner, as set now (the parts that plan are handed this)."""
        return self.planner(library, client, profiles, options)

    # ----- asking ----------------------------------------------------------------------------

    def changed(self) -> None:
        """The coach changed a choice: the solve in flight answers choices that are gone, so
        it stops now, not after the debounce (the week shown stays until the new one lands);
        so does the prefetch. The re-plan follows the debounce."""
        if self._asked is None:
            self._asked = time.perf_counter()
        self.cancel_planning()
        self.request_replan()

    def request_replan(self) -> None:
        """Re-plan after the debounce delay; further requests before then fold into it."""
        self.debouncer.trigger()

    def flush(self) -> bool:
        """Run a pending re-plan now; True when one ran. Without a ``wake`` for the worker
        (a script, a test) the week is in when it returns."""
        return self.debouncer.flush()

    def wait(self, timeout: float | None = None) -> bool:
        """Apply every week the solve in flight offers, until its final one is in (on this
        thread: a script, a test, the notebook's first plan), and let a prefetch that runs
        finish; False after ``timeout`` [s]."""
        deadline = None if timeout is None else time.monotonic() + timeout
        if not self.worker.wait(timeout):
            return False
        left = None if deadline is None else max(0.0, deadline - time.monotonic())
        return self.prefetch.worker.wait(left)

    @property
    def planning(self) -> bool:
        """Whether a solve is in flight."""
        return self._job is not None

    def cancel_planning(self) -> None:
        """Stop the solve in flight (its weeks are dropped) and any prefetch; the week shown
        stays."""
        self.prefetch.stop()
        if self._job is not None:
            self._job.cancel()
            self._job = None
            self.busy = False

    def _debounced_replan(self) -> None:
        # Runs from the event loop, where an exception would only reach the kernel's log:
        # log it (tests fail on logged errors) and show it on the page.
        try:
            self.replan()
        except Exception as error:
            self._fail_unexpected(error)

    def replan(self) -> PlanResult | None:
        """Plan the current choices: a recalled week at once, a new one on the worker (waited
        for when the worker has no ``wake``). Bad input shows as ``error`` and keeps the plan.
        Returns the week now shown for these choices (None while it is still being planned)."""
        self.debouncer.cancel()
        self.cancel_planning()
        self.replans += 1
        result = self._replan()
        if self._job is not None and self.worker.wake is None:
            self.wait()
            return self.result if self.result is not None and self.result.solved.final else None
        return result

    def _replan(self) -> PlanResult | None:
        started = time.perf_counter()
        asked = self._asked if self._asked is not None else started
        self._asked = None
        options = self.options()
        if options.time_limit is not None and options.time_limit < 0:
            self.fail(
                NoPlan.CHOICES,
                f"Time limit: {number(options.time_limit)} s is negative; "
                "use 0 for no limit or a number of seconds",
            )
            return None
        try:
            # The client checks its values, the planner its ids (an InputError if not).
            client = self.client()
        except InputError as error:
            self.fail(NoPlan.CHOICES, coach_line(error, self.library))
            return None
        cached = self._recall(client, options)
        if cached is not None:
            return self._show(cached, started, asked, recalled=True)
        self.busy = True
        self._job_started = started
        self._job = self.worker.start(
            lambda: self.plan(self.library, client, self.profiles, options),
            lambda job, result: self._offered(job, client, options, result, asked),
            self._planning_done,
        )
        return None

    def _recall(self, client: Client, options: SolveOptions) -> PlanResult | None:
        """The plan for ``client`` with ``options`` if made recently (by the coach's own
        re-plans, a sweep or the prefetch); a recall is counted and said in the status."""
        cached = self.cache.recall(client, options)
        if cached is None:
            return None
        self.cache_hits += 1
        result, self._planned = cached
        return result

    # ----- weeks landing ---------------------------------------------------------------------

    def _offered(
        self,
        job: Job[PlanResult],
        client: Client,
        options: SolveOptions,
        result: PlanResult,
        asked: float,
    ) -> None:
        """A week the solve in flight offers (on the kernel's thread): shown at once when it
        passed the checker and differs from the week shown; the final one is remembered."""
        if job is not self._job:
            return  # a cancelled solve's week: a newer one is coming or shown
        if result.solved.final:
            self._planned = time.perf_counter() - self._job_started
            self.cache.remember(client, options, result, self._planned)
            self._show(result, self._job_started, asked, recalled=False)
            return
        if result.plan is None or not result.plan.entries:
            return  # nothing checked to show yet
        shown = self.good
        if shown is not None and shown.plan == result.plan and not self.stale:
            return  # the week shown: nothing to redraw
        # ``result`` stays the latest finished solve; ``good`` is the week on screen.
        self.week_shown += 1
        with self.hold_trait_notifications():
            self.good = result
            self.cause = None
            self.error = ""
            self.stale = False
        built = self.build_figures()
        # The week's line before its figures: the page shows the week and its plan while
        # the browser draws the figures (its longest work).
        with self.hold_trait_notifications():
            self.state = WeekState.IMPROVING
            self.status = improving_line(
                result.solved,
                result.check,
                time.perf_counter() - asked,
                floor_share=result.problem.floor_share,
            )
        self.show_figures(built)

    def _planning_done(self, job: Job[PlanResult], error: BaseException | None) -> None:
        if job is not self._job:
            return
        self._job = None
        self.busy = False
        if error is None:
            return
        if isinstance(error, InputError):
            self.fail(NoPlan.CHOICES, coach_line(error, self.library))
        elif isinstance(error, WorkbenchError):
            self.fail(NoPlan.ERROR, str(error))
        else:
            self._fail_unexpected(error)

    def _fail_unexpected(self, error: BaseException) -> None:
        """An error no input explains: logged (tests fail on logged errors) and shown."""
        LOG.error("planning failed", exc_info=error)
        self.fail(NoPlan.INTERNAL, repr(error))

    def _show(
        self, result: PlanResult, started: float, asked: float, *, recalled: bool
    ) -> PlanResult:
        """Show the final week for the current choices (solved or recalled)."""
        solved = time.perf_counter()
        empty = result.plan is not None and not result.plan.entries
        self.week_shown += 1
        with self.hold_trait_notifications():
            self.result = result
            if result.plan is not None and not empty:
                self.good = result
                self.cause = None
                self.error = ""
                self.stale = False
            else:
                self.fail(*self._no_plan(result, empty))
        # Every week shown gets its figures (the page redraws only those that differ: the week
        # an improving offer drew stays drawn when the proof kept it).
        built = self.build_figures()
        done = time.perf_counter()
        self.timings = {
            "solve": solved - started,
            "figures": done - solved,
            "total": done - started,
            "waited": done - asked,  # from the coach's change: debounce, solves, figures
        }
        if self.good is result:
            # Said once the figures are built, so the wait it names is the whole wait; sent
            # before them, so the page shows the week's line and plan while the browser
            # draws the figures (its longest work).
            state = WeekState.RECALLED if recalled else WeekState.PLANNED
            with self.hold_trait_notifications():
                self.state = state
                self.status = status_line(
                    state,
                    result.solved,
                    len(result.short),
                    result.check,
                    done - asked,
                    planned=self._planned if recalled else None,
                    floor_share=result.problem.floor_share,
                )
        self.show_figures(built)
        if self.good is result:
            self._prefetch_later()
        return result

    def _no_plan(self, result: PlanResult, empty: bool) -> tuple[NoPlan, str]:
        """Why ``result`` is no plan for the choices, and its detail."""
        if empty:
            return NoPlan.EMPTY, ""
        if result.status is Termination.INFEASIBLE:
            # Unexplained, a week with no conflict found says only that there is none.
            why = "; ".join(result.reasons) or result.message
            return NoPlan.INFEASIBLE, named(self.library, why)
        if self.options().time_limit:
            return NoPlan.TIME_LIMIT, ""
        return NoPlan.SOLVER, ""

    def show_checked(self, result: PlanResult, line: str) -> None:
        """Show another checked week for the same choices (another week like this)."""
        assert result.plan is not None, "only a plan that passed the checker is shown"
        self.week_shown += 1
        with self.hold_trait_notifications():
            self.good = result
            self.state = WeekState.ANOTHER
            self.status = another_line(line, result.check)
        self.show_figures(self.build_figures())

    # ----- what the page says ----------------------------------------------------------------

    def fail(self, cause: NoPlan, why: str = "") -> None:
        """The current choices give no plan: say why and mark the plan shown as stale."""
        limit = self.options().time_limit if cause is NoPlan.TIME_LIMIT else None
        with self.hold_trait_notifications():
            self.cause = cause
            self.error = no_plan_line(cause, why, limit)
            self.stale = self.good is not None
            self.state = WeekState.KEPT if self.good is not None else WeekState.NONE
            self.status = WEEK_WORDS[self.state]

    def say(self, line: str) -> None:
        """An action failed (an export, a pin); the plan shown still fits the choices."""
        self.error = line

    def unsay(self) -> None:
        """An action worked: a line an earlier one said goes (a line about the choices
        stays)."""
        if self.error and not self.stale:
            self.error = ""

    # ----- the parts' questions ----------------------------------------------------------------

    def subject(self) -> Subject | str:
        """What a what-if question is about (the choices pending applied first), or why there
        is nothing to ask about yet."""
        self.flush()
        if self.planning:
            return "the week for these choices is still being planned"
        good = self.good
        if good is None or good.plan is None or self.stale:
            return "fix the choices first"
        try:
            client = self.client()
        except InputError as error:
            return coach_line(error, self.library)
        return Subject(client, good, self.options())

    def ready(self, done: str) -> PlanResult:
        """The week on show, when it passed the checker and matches the current choices
        (the choices pending applied first); else an InputError saying "nothing ``done``"."""
        self.flush()
        good = self.good
        if self.planning:
            raise InputError(f"nothing {done}: the week for these choices is still being planned")
        if self.stale:
            raise InputError(
                f"nothing {done}: the choices have a problem (shown above); fix it first"
            )
        if good is None or good.plan is None:
            raise InputError(f"nothing {done}: no checked plan yet")
        return good

    # ----- idle prefetch ---------------------------------------------------------------------

    def _idle(self) -> bool:
        """Nothing to do: no solve in flight or asked for, no question being answered."""
        return not (self.planning or self.debouncer.pending or self.questions or self.stale)

    def _prefetch_later(self) -> None:
        """Once the coach has looked at this week a moment with nothing else running, plan
        the likely next moves into the cache (:mod:`workbench.ui.prefetch`)."""
        try:
            client = self.client()
        except InputError:
            return
        self.prefetch.schedule(client, self.options(), self._idle)

    def _on_questions(self, change: Any) -> None:
        """A what-if question or a block started (it goes first: the prefetch stops) or
        ended (the prefetch may go on)."""
        if change.new:
            self.prefetch.stop()
        elif self._idle() and self.good is not None:
            self._prefetch_later()
