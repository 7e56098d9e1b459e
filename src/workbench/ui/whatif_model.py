"""The dashboard's what-if actions: what more time buys, another week like this, swap and lock.

No widgets here. Each action is a call of :mod:`workbench.whatif` on the week on show, so
every plan it shows has passed the independent checker. The solves run off the kernel's
thread, on the dashboard's :class:`~workbench.ui.worker.PlanWorker`: a sweep draws each value
as it lands, a search for another week or for replacements shows a note while it runs, and
:meth:`WhatIfModel.stop` (the parent calls it on a control change) cancels whatever is in
flight.

The model does not reach into the dashboard: what it needs is handed to it. ``subject()``
says what a question is about (the client, its checked week, the solver settings) or why
there is nothing to ask about; ``show(week, line)`` puts another checked week on show;
``choose(client)`` takes a client into the controls (a lock, a swap); the planner and the
plan cache are the dashboard's own, so a week a sweep planned is recalled there.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

import plotly.graph_objects as go
import traitlets as t

from workbench import figures, whatif
from workbench.client import Client, Placement, SportProfile
from workbench.errors import InputError, WorkbenchError
from workbench.library import Library
from workbench.optimize import SolveOptions
from workbench.planner import PlanResult
from workbench.planning import plan_stages
from workbench.present import number
from workbench.ui.session import PlanCache, Planner, Subject
from workbench.ui.words import coach_line
from workbench.ui.worker import Job, PlanWorker

__all__ = [
    "MINUTES_RANGE",
    "SWEEP_STEPS",
    "WhatIfModel",
    "placement_words",
    "row_choices",
    "shortfall_planner",
    "sweep_minutes_values",
]

LOG = logging.getLogger(__name__)

#: Minutes a session a sweep tries, around the client's own [min].
SWEEP_STEPS = (-15, 0, 15, 30)
#: The minutes a session the dashboard allows (its slider's range) [min].
MINUTES_RANGE = (10, 240)
#: Replacements offered for a swapped-out row.
SWAP_CHOICES = 3


def sweep_minutes_values(minutes: float) -> tuple[float, ...]:
    """The client's minutes -15, +0, +15, +30, within :data:`MINUTES_RANGE` [min]; whole
    minutes as ints, so they label the figure as "45", not "45.0"."""
    low, high = MINUTES_RANGE
    values = [minutes + step for step in SWEEP_STEPS if low <= minutes + step <= high]
    return tuple(int(v) if float(v).is_integer() else v for v in values)


def row_choices(result: PlanResult | None) -> list[tuple[str, tuple[str, str]]]:
    """Each row of a plan as (label, (exercise id, weekday)), in the table's order."""
    if result is None or result.plan is None:
        return []
    return [
        (f"{e.weekday} {e.order}: {e.exercise} ({e.sets} × {e.reps})", (e.exercise_id, e.weekday))
        for e in result.plan.entries
    ]


def placement_words(library: Library, placement: Placement) -> str:
    """The words for a lock or swap: ``kettlebell_swing@Mon`` as "Kettlebell swing on Mon"
    (the id when the library does not know it)."""
    name = (
        library.exercise(placement.exercise_id).name
        if library.has_exercise(placement.exercise_id)
        else placement.exercise_id
    )
    return f"{name} on {placement.weekday}"


def shortfall_planner(
    library: Library, client: Client, profiles: Mapping[str, SportProfile], options: SolveOptions
) -> Iterator[PlanResult]:
    """The fast sweep's planning: the shortfall stage alone, no explanations."""
    return plan_stages(
        library,
        client,
        profiles,
        replace(options, preferences=False),
        explain=False,
        file="dashboard",
    )


@dataclass
class _Sweep:
    """A sweep in progress: its values in order and the weeks landed so far."""

    full: bool
    options: SolveOptions
    values: tuple[Any, ...]
    started: float
    done: dict[Any, PlanResult] = field(default_factory=dict)
    job: Job[Any] | None = None


class WhatIfModel(t.HasTraits):
    """What-if state of one dashboard (made by it as ``model.whatif``)."""

    #: The checked week on show (the parent links its own to it): a new one makes earlier
    #: answers stale.
    week = t.Instance(PlanResult, allow_none=True)
    #: A search for another week or for replacements is running on the worker.
    busy = t.Bool(False)
    # What more time buys.
    sweep_figure = t.Instance(go.Figure, allow_none=True)
    sweep_status = t.Unicode("")
    sweeping = t.Bool(False)
    # Another week like this.
    week_index = t.Int(0)  # 0: the best week
    week_note = t.Unicode("")
    # Swap and lock.
    swap_row = t.Tuple()  # (exercise id, weekday) whose replacements are offered
    candidates = t.Tuple()  # SwapCandidate, best first
    placement_note = t.Unicode("")

    def __init__(
        self,
        library: Library,
        profiles: Mapping[str, SportProfile],
        *,
        subject: Callable[[], Subject | str],
        planner: Planner,
        cache: PlanCache,
        worker: PlanWorker,
        show: Callable[[PlanResult, str], None],
        choose: Callable[[Client], None],
        quick_planner: Planner = shortfall_planner,
    ) -> None:
        super().__init__()
        self.library = library
        self.profiles = dict(profiles)
        self.subject = subject
        self.planner = planner
        self.quick_planner = quick_planner
        self.cache = cache
        self.worker = worker
        self.show = show
        self.choose = choose
        self._sweep: _Sweep | None = None
        self._job: Job[Any] | None = None  # the search for another week or replacements
        self._alternatives: whatif.AlternativePlans | None = None
        self._alternatives_options: SolveOptions | None = None
        self._swap_options: SolveOptions | None = None
        self._shown: PlanResult | None = None  # the week this model put on show
        self.observe(self._on_week, names="week")

    # ----- shared ------------------------------------------------------------------------

    def _subject(self) -> Subject | str:
        return self.subject()

    def _wait_without_loop(self) -> None:
        """In a script or a test (no event loop to bring the answer back), wait for it."""
        if self.worker.wake is None:
            self.worker.wait()

    def stop(self) -> None:
        """Stop everything in flight (the choices changed): a sweep says it stopped; a search
        for another week or for replacements is dropped."""
        self.stop_sweep()
        if self._job is not None:
            self._job.cancel()
            self._job = None
            self.busy = False

    def _on_week(self, change: Any) -> None:
        """A new week from the controls: earlier answers no longer describe it."""
        if change.new is self._shown:
            return
        self._shown = None
        self._alternatives = None
        self.week_index = 0
        self.week_note = ""
        self.swap_row = ()
        self.candidates = ()
        if self._job is not None:
            self._job.cancel()
            self._job = None
            self.busy = False
        if self.sweeping:
            self.stop_sweep()
        elif self.sweep_figure is not None:
            self.sweep_figure = None
            self.sweep_status = ""

    def _failed(self, error: BaseException) -> str:
        """An error from the worker in one line (an unexpected one logged too)."""
        if isinstance(error, InputError):
            return coach_line(error, self.library)
        if isinstance(error, WorkbenchError):
            return str(error)
        LOG.error("a what-if question failed", exc_info=error)
        return f"internal error: {error!r} (see the log)"

    # ----- what more time buys -----------------------------------------------------------

    def stop_sweep(self) -> None:
        """Stop a sweep in progress (the choices changed): no further value is planned, and
        the values drawn so far go (they answer for the choices that were)."""
        if self._sweep is not None and self._sweep.job is not None:
            self._sweep.job.cancel()
        self._sweep = None
        if self.sweeping:
            self.sweeping = False
            self.sweep_figure = None
            self.sweep_status = "Stopped: the choices changed; ask again."

    def sweep_minutes(self, full: bool = False, values: tuple[float, ...] | None = None) -> None:
        """Plan the client at ``values`` minutes a session (default: its own -15, +0, +15,
        +30) and draw what each buys, each value as it lands.

        ``full`` plans each week in full (as long as a plan each, coach check included; each
        week goes into the plan cache); otherwise the shortfall alone is proven (fast). Runs
        on the worker; :meth:`stop` stops it between two stages.
        """
        if self.sweeping:
            return
        subject = self._subject()
        if isinstance(subject, str):
            self.sweep_status = f"No plan to sweep: {subject}."
            return
        client = subject.client
        if values is None:
            values = sweep_minutes_values(client.minutes_per_session)
        try:
            variants = whatif.sweep_clients(client, "minutes", values)
        except InputError as error:
            self.sweep_status = coach_line(error, self.library)
            return
        sweep = _Sweep(full, subject.options, tuple(v for v, _ in variants), time.perf_counter())
        todo = []
        for value, variant in variants:
            recalled = self.cache.recall(variant, sweep.options) if full else None
            if recalled is not None:
                sweep.done[value] = recalled[0]
            else:
                todo.append((value, variant))
        self._sweep = sweep
        self.sweeping = True
        if not todo:
            self._finish_sweep()
            return
        planner = self.planner if full else self.quick_planner
        library, profiles, options = self.library, self.profiles, sweep.options

        def stages() -> Iterator[tuple[Any, Client, PlanResult, float]]:
            # Every stage of every value: the worker looks at the cancel between any two.
            for value, variant in todo:
                began = time.perf_counter()
                for result in planner(library, variant, profiles, options):
                    yield value, variant, result, time.perf_counter() - began

        sweep.job = self.worker.start(stages, self._sweep_landed, self._sweep_done)
        self._draw_sweep()
        self._wait_without_loop()

    def _sweep_landed(self, job: Job[Any], item: tuple[Any, Client, PlanResult, float]) -> None:
        sweep = self._sweep
        if sweep is None or job is not sweep.job:
            return  # a stopped sweep's week
        value, variant, result, seconds = item
        if not result.solved.final:
            return
        if sweep.full:  # the week a plan of these choices gives: the dashboard recalls it
            self.cache.remember(variant, sweep.options, result, seconds)
        sweep.done[value] = result
        if len(sweep.done) < len(sweep.values):
            self._draw_sweep()

    def _sweep_done(self, job: Job[Any], error: BaseException | None) -> None:
        sweep = self._sweep
        if sweep is None or job is not sweep.job:
            return
        if error is not None:
            self._sweep = None
            self.sweeping = False
            self.sweep_status = f"The sweep stopped: {self._failed(error)}"
            return
        self._finish_sweep()

    def _frame_and_title(self, sweep: _Sweep) -> tuple[Any, str]:
        landed = [(v, sweep.done[v]) for v in sweep.values if v in sweep.done]
        frame = whatif.sweep_frame("minutes", landed)
        if sweep.full:
            title = "What more time buys: full plans (bars: shortfall; line: coach check)"
        else:
            # A shortfall-only week is not polished for the coach: its check says nothing.
            frame["coach_passed"] = float("nan")
            frame["coach_applicable"] = float("nan")
            title = "What more time buys: shortfall only (fast; weeks not polished, no check)"
        return frame, title

    def _draw_sweep(self) -> None:
        """The values landed so far, and the one being planned."""
        sweep = self._sweep
        assert sweep is not None
        count = len(sweep.done)
        if count:
            frame, title = self._frame_and_title(sweep)
            self.sweep_figure = figures.what_if_figure(frame, "minutes", title=title)
        planning = next(v for v in sweep.values if v not in sweep.done)
        self.sweep_status = (
            f"Planning {number(planning)} min ({count + 1} of {len(sweep.values)})…"
            + (f" {count} drawn, each checked." if count else "")
        )

    def _finish_sweep(self) -> None:
        sweep = self._sweep
        assert sweep is not None
        frame, title = self._frame_and_title(sweep)
        seconds = time.perf_counter() - sweep.started
        count = len(frame)
        how = f"{count} full plans" if sweep.full else f"{count} shortfall-only plans"
        self._sweep = None
        self.sweeping = False
        self.sweep_figure = figures.what_if_figure(frame, "minutes", title=title)
        self.sweep_status = (
            f"{how} at {', '.join(number(v) for v in frame['minutes'])} min a session "
            f"({seconds:.1f} s); each checked"
        )

    # ----- another week like this --------------------------------------------------------

    def _start(
        self,
        work: Callable[[], Any],
        landed: Callable[[Any], None],
        failed: Callable[[str], None],
    ) -> None:
        """Run ``work()`` on the worker; ``landed(answer)`` or ``failed(line)`` on this thread,
        unless :meth:`stop` came first."""
        if self._job is not None:
            self._job.cancel()

        def offer(job: Job[Any], answer: Any) -> None:
            if job is self._job:
                landed(answer)

        def done(job: Job[Any], error: BaseException | None) -> None:
            if job is not self._job:
                return
            self._job = None
            self.busy = False
            if error is not None:
                failed(self._failed(error))

        self.busy = True
        self._job = self.worker.start(lambda: [work()], offer, done)
        self._wait_without_loop()

    def another_week(self) -> None:
        """Show the next different week at the same optimal shortfall (coach value within the
        value gap), found on the first ask (on the worker); say so when there is none."""
        if self.busy:
            return
        subject = self._subject()
        if isinstance(subject, str):
            self.week_note = f"No plan to vary: {subject}."
            return
        wanted = self.week_index + 2  # weeks up to and including the next one
        found = self._alternatives
        if found is not None and (len(found.plans) >= wanted or not found.complete):
            self._step(wanted)
            return
        best = found.plans[0] if found is not None else subject.week
        options = subject.options
        self.week_note = "Looking for another week like this…"

        def landed(answer: whatif.AlternativePlans) -> None:
            self._alternatives = answer
            self._step(wanted)

        def failed(line: str) -> None:
            self.week_note = f"No other week: {line}"

        self._start(lambda: whatif.plan_alternatives(best, wanted, options), landed, failed)

    def _step(self, wanted: int) -> None:
        found = self._alternatives
        assert found is not None
        if len(found.plans) < wanted:
            if len(found.plans) == 1:
                self.week_note = (
                    "No other week reaches the same shortfall with a coach value within the gap: "
                    "this week is the only one."
                )
            else:
                self.week_note = (
                    f"No more weeks like this: {len(found.plans)} in all. "
                    "Back to the best week, or step through them again from there."
                )
            return
        self._show(wanted - 1)

    def best_week(self) -> None:
        """Back to the best week."""
        if self._alternatives is not None and self.week_index:
            self._show(0)

    def _show(self, index: int) -> None:
        assert self._alternatives is not None
        plans = self._alternatives.plans
        result = plans[index]
        best_value = whatif.coach_value(plans[0])
        value = whatif.coach_value(result)
        shortfall = number(result.solved.shortfall or 0.0)
        if index == 0:
            line = f"The best week (coach value {number(round(best_value or 0.0, 1))})."
        else:
            line = (
                f"Week {index + 1} of those found: the same shortfall ({shortfall} sets a week), "
                f"coach value {number(round(value or 0.0, 1))} against the best week's "
                f"{number(round(best_value or 0.0, 1))}; checked."
            )
        self._shown = result
        self.week_index = index
        self.week_note = line
        self.show(result, line)

    # ----- swap and lock -----------------------------------------------------------------

    def lock(self, exercise_id: str, weekday: str) -> None:
        """Keep ``exercise_id`` on ``weekday`` and re-plan the rest."""
        subject = self._subject()
        if isinstance(subject, str):
            self.placement_note = f"Nothing locked: {subject}."
            return
        words = placement_words(self.library, Placement(exercise_id, weekday))
        self.placement_note = f"Locked {words}."
        self.choose(whatif.with_lock(subject.client, exercise_id, weekday))

    def ask_swap(self, exercise_id: str, weekday: str) -> None:
        """Offer the best same-family replacements for one row, each a checked week (found on
        the worker)."""
        if self.busy:
            return
        subject = self._subject()
        if isinstance(subject, str):
            self.placement_note = f"Nothing to swap: {subject}."
            return
        words = placement_words(self.library, Placement(exercise_id, weekday))
        week, options = subject.week, subject.options
        self.swap_row = ()
        self.candidates = ()
        self.placement_note = f"Looking for replacements for {words}…"

        def landed(found: tuple[whatif.SwapCandidate, ...]) -> None:
            self._swap_options = options
            self.swap_row = (exercise_id, weekday)
            self.candidates = found
            self.placement_note = (
                f"Replacements for {words}, best first (each a re-planned, checked week):"
                if found
                else f"No exercise of the same family fits in place of {words}; "
                "'Just drop it' keeps it off that day and re-plans."
            )

        def failed(line: str) -> None:
            self.placement_note = line

        self._start(
            lambda: whatif.swap_candidates(week, exercise_id, weekday, SWAP_CHOICES, options),
            landed,
            failed,
        )

    def take_swap(self, index: int) -> None:
        """Make the ``index``-th offered replacement the plan (its week is already solved)."""
        if not 0 <= index < len(self.candidates):
            self.placement_note = "That offer is out of date: ask again."
            return
        chosen: whatif.SwapCandidate = self.candidates[index]
        if not chosen.result.short and self._swap_options is not None:
            # No causes to explain: the week is the one a plan of that client gives.
            self.cache.remember(chosen.client, self._swap_options, chosen.result)
        self.placement_note = f"Swapped in {chosen.name}."
        self.choose(chosen.client)

    def drop_row(self) -> None:
        """Swap the offered row out of its day with no replacement named, and re-plan."""
        if not self.swap_row:
            return
        subject = self._subject()
        if isinstance(subject, str):
            self.placement_note = f"Nothing swapped: {subject}."
            return
        exercise_id, weekday = self.swap_row
        words = placement_words(self.library, Placement(exercise_id, weekday))
        self.placement_note = f"Swapped out {words}."
        self.choose(whatif.with_swap(subject.client, exercise_id, weekday))

    def cancel_swap(self) -> None:
        self.swap_row = ()
        self.candidates = ()
        self.placement_note = ""
