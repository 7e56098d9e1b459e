"""The dashboard's model: a client's choices, the plans made from them, and the actions.

No widgets here. Traits hold state; the view links widgets to them. Every change to a
control trait asks for a re-plan through a :class:`~workbench.ui.debounce.Debouncer`, so a
burst of changes (a slider dragged, a kit applied, a client loaded) costs one solve.

The solve runs off the kernel's thread (:class:`~workbench.ui.worker.PlanWorker`) through an
injected planner (:func:`default_planner`: :func:`~workbench.planning.plan_stages`): each
checked week it offers is shown as it lands, marked "improving" until the final one; a
control change cancels the solve in flight, and a cancelled solve's weeks are dropped.

The parts it composes get what they need handed to them (aiidalab-qe's pattern): the plan
cache (:class:`~workbench.ui.session.PlanCache`) shared by every part that plans, the what-if
tools (:class:`~workbench.ui.whatif_model.WhatIfModel`: the week on show through a link, the
question's subject, ``show`` and ``choose`` through callables), the block view
(:class:`~workbench.ui.block_model.BlockModel`: the same subject, the worker, the exports
folder through a link; told when the choices change) and the idle prefetch
(:class:`~workbench.ui.prefetch.Prefetch`, on a worker of its own).
"""

from __future__ import annotations

import logging
import time
import tomllib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import plotly.graph_objects as go
import traitlets as t

from workbench import figures, iotools
from workbench.analytics import coverage_rows
from workbench.client import (
    CLIENT_FIELDS,
    Client,
    ClientField,
    Kit,
    Override,
    Placement,
    SportProfile,
    client_from_mapping,
    resolve_priorities,
    resolve_targets,
    validate_client,
)
from workbench.errors import InputError, WorkbenchError
from workbench.explain import Relaxation, what_relaxing_buys
from workbench.glossary import WEEKDAYS, session_warmup
from workbench.library import Library
from workbench.optimize import SOLVERS, SolveOptions, Termination
from workbench.plan import Plan
from workbench.planner import PlanResult
from workbench.planning import plan_stages
from workbench.present import TOLERANCE, number
from workbench.report import client_report
from workbench.ui.block_model import BlockModel, BlockPlanner, default_block_planner
from workbench.ui.debounce import Debouncer, Timer
from workbench.ui.prefetch import Prefetch
from workbench.ui.session import CACHE_SIZE, PlanCache, Planner, Subject, slug
from workbench.ui.whatif_model import WhatIfModel, placement_words
from workbench.ui.words import coach_line, improving_line, named, status_line
from workbench.ui.worker import Job, PlanWorker

__all__ = ["CONTROLS", "FIGURES", "DashboardModel", "Planner", "default_planner", "slug"]

LOG = logging.getLogger(__name__)

#: Traits that change the plan; a change to any of them asks for a re-plan: the client's
#: fields (the name only labels), then the solver's.
CONTROLS = (
    *(spec.name for spec in CLIENT_FIELDS if spec.name != "name"),
    "solver",
    "time_limit",
)
#: The figures the dashboard shows, in display order.
FIGURES = ("coverage", "heatmap", "balance", "minutes", "comparison")
#: How long a control change waits for the next one before the re-plan starts [s]. Every
#: slider sends its value once, on release; a burst from code (a kit, a client loaded) is
#: held into one change; so this only folds clicks made within a blink.
DEBOUNCE = 0.05
#: Default cap on a dashboard solve [s]; 0 means none: every stage to its proven gap, so the
#: dashboard shows the same plan as ``workbench plan`` for the same client.
TIME_LIMIT = 0.0


def default_planner(
    library: Library, client: Client, profiles: Mapping[str, SportProfile], options: SolveOptions
) -> Iterable[PlanResult]:
    """The dashboard's planning: every stage, the explanations with the final week."""
    return plan_stages(library, client, profiles, options, explain=True, file="dashboard")


def _trait(spec: ClientField, default: Any) -> t.TraitType:
    """The trait that holds one client field in the dashboard."""
    if spec.kind in ("days", "ids"):
        return t.Tuple(default_value=tuple(default))
    if spec.kind == "number":
        return t.Float(float(default))
    if spec.kind == "whole":
        return t.Int(int(default))
    if spec.kind == "optional_whole":
        return t.Int(default, allow_none=True)
    if spec.kind == "optional_number":
        return t.Float(default, allow_none=True)
    if spec.kind == "choice":
        return t.Enum(spec.choices, default_value=default)
    if spec.kind in ("targets", "priorities"):
        return t.Dict()  # muscle id -> Override / weight, the client's own overrides
    return t.Unicode(default)


_DEFAULT = Client()
#: The client's choices as traits, one per field of :class:`Client` (derived, never listed).
ClientTraits = type(
    "ClientTraits",
    (t.HasTraits,),
    {spec.name: _trait(spec, getattr(_DEFAULT, spec.name)) for spec in CLIENT_FIELDS},
)


class DashboardModel(ClientTraits):  # type: ignore[misc, valid-type]
    """State and actions of the dashboard; testable without widgets or a browser."""

    if TYPE_CHECKING:  # the client's traits, as ClientTraits makes them
        name: str
        weekdays: tuple[str, ...]
        minutes_per_session: float
        equipment: tuple[str, ...]
        level: str
        sport: str
        avoid: tuple[str, ...]
        require: tuple[str, ...]
        ban: tuple[str, ...]
        min_sets_per_exercise: int
        max_sets_per_exercise: int
        max_exercises_per_session: int | None
        warmup_minutes: float | None
        scope: str
        targets: dict[str, Override]
        priorities: dict[str, float]

    # The client's choices are the traits of ClientTraits; the solver's follow.
    solver = t.Enum(SOLVERS, default_value="highs")
    time_limit = t.Float(TIME_LIMIT)  # [s], 0 = until proven optimal

    # What the choices resolve to (for the view's target and priority controls).
    resolved_targets = t.Dict()
    resolved_priorities = t.Dict()
    kit = t.Unicode("")  # the kit whose equipment is exactly the client's, if any

    # Results.
    result = t.Instance(PlanResult, allow_none=True)  # the latest solve
    good = t.Instance(PlanResult, allow_none=True)  # the latest plan that passed the checker
    baseline = t.Instance(PlanResult, allow_none=True)
    figures = t.Dict()  # name -> plotly Figure of the good plan
    status = t.Unicode("")
    #: Weeks put on show so far (each with its status line and figures): the page stamps the
    #: status line with it, and the figures with ``figures_week``, the week they were built
    #: for, so what is drawn says which week it belongs to.
    week_shown = t.Int(0)
    figures_week = t.Int(0)
    error = t.Unicode("")  # one line, empty when the latest attempt gave a plan
    busy = t.Bool(False)
    stale = t.Bool(False)  # the shown plan is not from the current choices
    timings = t.Dict()  # seconds of the latest re-plan: solve, figures
    relaxations = t.Tuple()  # what relaxing buys for the shown plan, best first (lines)
    relaxation_options = t.Tuple()  # the Relaxation behind each line after the first
    cache_hits = t.Int(0)

    # Files. Relative paths resolve against ``base_folder``: where the coach started the app.
    client_path = t.Unicode("")  # the file the shown client was loaded from
    save_path = t.Unicode("")  # where Save writes; never a shipped example file
    confirm_overwrite = t.Unicode("")  # a save waiting for the coach's "overwrite" (its path)
    notice = t.Unicode("")  # the latest file action's outcome, one line
    export_folder = t.Unicode("exports")
    exported = t.Tuple()  # paths of the latest export: plan, coverage, client
    reported = t.Unicode("")  # the latest client report written (HTML), empty when none

    def __init__(
        self,
        library: Library,
        profiles: Mapping[str, SportProfile],
        kits: Mapping[str, Kit] | None = None,
        *,
        timer: Timer | None = None,
        delay: float = DEBOUNCE,
        today: Callable[[], date] = date.today,
        base_folder: str | Path | None = None,
        cache_size: int = CACHE_SIZE,
        planner: Planner | None = None,
        worker: PlanWorker | None = None,
        prefetcher: PlanWorker | None = None,
        block_planner: BlockPlanner | None = None,
        **traits: Any,
    ) -> None:
        self.library = library
        self.profiles = dict(profiles)
        self.kits = dict(kits or {})
        self.today = today
        self.base_folder = Path(base_folder) if base_folder is not None else Path.cwd()
        self.debouncer = Debouncer(self._debounced_replan, delay, timer)
        self.planner: Planner = planner if planner is not None else default_planner
        #: Where solves run. Without ``wake`` (a script, a test) :meth:`replan` waits for the
        #: week; with it (the kernel's event loop) the weeks arrive on the loop.
        self.worker = worker if worker is not None else PlanWorker()
        self._job: Job[PlanResult] | None = None  # the solve in flight, if any
        self._job_started = 0.0
        self._applying = False
        #: Recent plans, shared with the what-if tools and the prefetch.
        self.cache = PlanCache(cache_size)
        self._recalled = False  # the latest plan came from the cache
        self._planned: float | None = None  # ... and the seconds its first planning took
        self._asked: float | None = None  # when the coach's pending change was made
        super().__init__(**traits)
        self._resolve()
        self.observe(self._control_changed, names=list(CONTROLS))
        self.observe(self._on_name, names=["name"])
        self._refresh_figures()
        #: Sweeps, another week like this, swap and lock (:mod:`workbench.ui.whatif_model`),
        #: on the same worker as the coach's plans (one question at a time).
        self.whatif = WhatIfModel(
            library,
            self.profiles,
            subject=self._subject,
            planner=self._planner,
            cache=self.cache,
            worker=self.worker,
            show=self.show_checked,
            choose=self._choose,
        )
        t.dlink((self, "good"), (self.whatif, "week"))
        self.whatif.observe(self._whatif_working, names=["busy", "sweeping"])
        #: A training block or fight camp for the client on show
        #: (:mod:`workbench.ui.block_model`), on the same worker as the coach's plans.
        self.block = BlockModel(
            library,
            self.profiles,
            subject=self._subject,
            worker=self.worker,
            resolve_path=self.resolve_path,
            today=today,
            planner=block_planner if block_planner is not None else default_block_planner,
        )
        t.dlink((self, "export_folder"), (self.block, "export_folder"))
        self.block.observe(self._whatif_working, names="busy")
        #: The likely next moves, planned while the coach looks at a finished week, on a
        #: worker of its own: a coach's request never queues behind it.
        self.prefetch = Prefetch(
            library,
            self.profiles,
            self._planner,
            self.cache,
            prefetcher if prefetcher is not None else PlanWorker(self.worker.wake),
            timer=timer,
        )

    def resolve_path(self, path: str | Path) -> Path:
        """``path`` as an absolute path; a relative one is under :attr:`base_folder`."""
        given = Path(path).expanduser()
        return given if given.is_absolute() else (self.base_folder / given).resolve()

    # ----- choices -----------------------------------------------------------------------

    def client(self) -> Client:
        """The client the controls describe; raises InputError for an impossible value."""
        values: dict[str, Any] = {spec.name: getattr(self, spec.name) for spec in CLIENT_FIELDS}
        values["name"] = self.name.strip() or "Client"
        values["weekdays"] = tuple(d for d in WEEKDAYS if d in self.weekdays)
        return Client(**values)

    def set_client(self, client: Client) -> None:
        """Show ``client`` in the controls and re-plan once."""
        self._applying = True
        try:
            with self.hold_trait_notifications():
                for spec in CLIENT_FIELDS:
                    value = getattr(client, spec.name)
                    if spec.kind in ("targets", "priorities"):
                        value = dict(value)
                    setattr(self, spec.name, value)
        finally:
            self._applying = False
        self._resolve()
        self.block.choices_changed()
        self.replan()

    def set_sets_per_exercise(self, low: int, high: int) -> None:
        """Both bounds of the sets per exercise and session at once (one re-plan)."""
        with self.hold_trait_notifications():
            self.min_sets_per_exercise = int(low)
            self.max_sets_per_exercise = int(high)

    @property
    def warmup(self) -> float:
        """The warm-up the client's sessions get: their own, else the default [min]."""
        return session_warmup(self.warmup_minutes, self.minutes_per_session)

    def set_warmup(self, minutes: float) -> None:
        """A warm-up the coach chose: the client's own from now on, unless it is the default
        for the session's length already (the client file then stays without it)."""
        if float(minutes) != self.warmup:
            self.warmup_minutes = float(minutes)

    def toggle_weekday(self, weekday: str, on: bool) -> None:
        days = set(self.weekdays) | {weekday} if on else set(self.weekdays) - {weekday}
        self.weekdays = tuple(d for d in WEEKDAYS if d in days)

    def toggle_item(self, trait: str, item: str, on: bool) -> None:
        """Add or drop one id of a list control (``equipment``, ``avoid``), keeping the rest."""
        current = tuple(getattr(self, trait))
        if on and item not in current:
            setattr(self, trait, (*current, item))
        elif not on and item in current:
            setattr(self, trait, tuple(i for i in current if i != item))

    def apply_kit(self, kit_id: str) -> None:
        """Set the equipment to a named kit's (see ``data/kits.toml``)."""
        if kit_id not in self.kits:
            self._say(f"'{kit_id}' is not a kit ({', '.join(self.kits)})")
            return
        self.equipment = tuple(self.kits[kit_id].equipment)

    def add_exercise(self, kind: str, exercise_id: str | None) -> None:
        """Add an exercise id to ``require`` or ``ban`` (and drop it from the other)."""
        if not exercise_id:
            return
        other = "ban" if kind == "require" else "require"
        with self.hold_trait_notifications():
            setattr(self, other, tuple(e for e in getattr(self, other) if e != exercise_id))
            if exercise_id not in getattr(self, kind):
                setattr(self, kind, (*getattr(self, kind), exercise_id))

    def set_target(self, muscle_id: str, low: float, high: float) -> None:
        """Override a muscle's weekly band [sets/week]; the default band clears the override."""
        targets = dict(self.targets)
        default = self._default_target(muscle_id)
        if (default.min_sets, default.max_sets) == (float(low), float(high)):
            targets.pop(muscle_id, None)
        else:
            targets[muscle_id] = Override(float(low), float(high))
        self.targets = targets

    def set_priority(self, muscle_id: str, weight: float) -> None:
        """Override a muscle's shortfall weight; the default weight clears the override."""
        priorities = dict(self.priorities)
        profile = self.profiles.get(self.sport)
        default = profile.priorities.get(muscle_id, 1.0) if profile else 1.0
        if float(weight) == default:
            priorities.pop(muscle_id, None)
        else:
            priorities[muscle_id] = float(weight)
        self.priorities = priorities

    def reset_overrides(self) -> None:
        """Drop every per-muscle target and priority override."""
        self._applying = True
        try:
            self.targets = {}
            self.priorities = {}
        finally:
            self._applying = False
        self._control_changed()

    def _default_target(self, muscle_id: str) -> Override:
        profile = self.profiles.get(self.sport)
        band = resolve_targets(self.library, Client(), profile)[muscle_id]
        return Override(band.min_sets, band.max_sets)

    # ----- planning ----------------------------------------------------------------------

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

    def options(self) -> SolveOptions:
        return SolveOptions(solver=self.solver, time_limit=self.time_limit or None)

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
        self.whatif.stop()
        result = self._replan()
        if self._job is not None and self.worker.wake is None:
            self.wait()
            return self.result if self.result is not None and self.result.solved.final else None
        return result

    def _replan(self) -> PlanResult | None:
        started = time.perf_counter()
        asked = self._asked if self._asked is not None else started
        self._asked = None
        if self.time_limit < 0:
            self._fail(
                f"Time limit: {number(self.time_limit)} s is negative; "
                "use 0 for no limit or a number of seconds"
            )
            return None
        try:
            # The client checks its values, the planner its ids (an InputError if not).
            client = self.client()
        except InputError as error:
            self._fail(coach_line(error, self.library))
            return None
        options = self.options()
        cached = self._recall(client, options)
        if cached is not None:
            return self._show(cached, started, asked)
        self.busy = True
        self._job_started = started
        self._job = self.worker.start(
            lambda: self._planner(self.library, client, self.profiles, options),
            lambda job, result: self._offered(job, client, options, result, asked),
            self._planning_done,
        )
        return None

    def _planner(
        self,
        library: Library,
        client: Client,
        profiles: Mapping[str, SportProfile],
        options: SolveOptions,
    ) -> Iterable[PlanResult]:
        """The injected planner, as set now (the parts that plan call this)."""
        return self.planner(library, client, profiles, options)

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
            self._show(result, self._job_started, asked)
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
            self.relaxations = ()
            self.relaxation_options = ()
            self.error = ""
            self.stale = False
        built = self.build_figures()
        # The week's line before its figures: the page shows the week and its plan while
        # the browser draws the figures (its longest work).
        self.status = improving_line(
            result.solved,
            result.check,
            time.perf_counter() - asked,
            floor_share=result.problem.floor_share,
        )
        self._set_figures(built)

    def _planning_done(self, job: Job[PlanResult], error: BaseException | None) -> None:
        if job is not self._job:
            return
        self._job = None
        self.busy = False
        if error is None:
            return
        if isinstance(error, InputError):
            self._fail(coach_line(error, self.library))
        elif isinstance(error, WorkbenchError):
            self._fail(str(error))
        else:
            self._fail_unexpected(error)

    def _fail_unexpected(self, error: BaseException) -> None:
        """An error no input explains: logged (tests fail on logged errors) and shown."""
        LOG.error("planning failed", exc_info=error)
        self._fail(f"internal error: {error!r} (see the log)")

    def _show(self, result: PlanResult, started: float, asked: float) -> PlanResult:
        """Show the final week for the current choices (solved or recalled)."""
        solved = time.perf_counter()
        empty = result.plan is not None and not result.plan.entries
        self.week_shown += 1
        with self.hold_trait_notifications():
            self.result = result
            self.relaxations = ()
            self.relaxation_options = ()
            if result.plan is not None and not empty:
                self.good = result
                self.error = ""
                self.stale = False
            else:
                self.error = (
                    "No exercise fits these choices (everything is banned, avoided, above the "
                    "level or needs equipment the client lacks): allow more"
                    if empty
                    else self._no_plan_words(result)
                )
                self.stale = self.good is not None
                self.status = self._kept()
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
            self.status = self._status(result, done - asked)
        self._set_figures(built)
        if self.good is result:
            self._prefetch_later()
        return result

    def _recall(self, client: Client, options: SolveOptions) -> PlanResult | None:
        """The plan for ``client`` with ``options`` if made recently (by the coach's own
        re-plans, a sweep or the prefetch); a recall is counted and said in the status."""
        cached = self.cache.recall(client, options)
        self._recalled = cached is not None
        if cached is None:
            return None
        self.cache_hits += 1
        result, self._planned = cached
        return result

    # ----- idle prefetch -----------------------------------------------------------------

    def _idle(self) -> bool:
        """Nothing to do: no solve in flight or asked for, no what-if question running."""
        return not (
            self.planning
            or self.debouncer.pending
            or self.whatif.busy
            or self.whatif.sweeping
            or self.block.busy
            or self.stale
        )

    def _prefetch_later(self) -> None:
        """Once the coach has looked at this week a moment with nothing else running, plan
        the likely next moves into the cache (:mod:`workbench.ui.prefetch`)."""
        try:
            client = self.client()
        except InputError:
            return
        self.prefetch.schedule(client, self.options(), self._idle)

    def _whatif_working(self, change: Any) -> None:
        """A what-if question or a block started (it goes first: the prefetch stops) or
        ended (the prefetch may go on)."""
        if change.new:
            self.prefetch.stop()
        elif self._idle() and self.good is not None:
            self._prefetch_later()

    # ----- the parts' hooks ----------------------------------------------------------------

    def _subject(self) -> Subject | str:
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

    def _choose(self, client: Client) -> None:
        """A what-if's client (a lock, a swap) into the controls, under the name shown."""
        self.set_client(replace(client, name=self.name.strip() or client.name))

    def placements(self) -> list[tuple[str, str, str]]:
        """The client's locks and swaps as (kind, exercise@Day, words), locks first."""
        rows = []
        for kind, verb in (("lock", "Locked"), ("swap", "Swapped out")):
            for text in getattr(self, kind):
                try:
                    words = placement_words(self.library, Placement.parse(text, kind))
                except InputError:
                    words = text
                rows.append((kind, text, f"{verb}: {words}"))
        return rows

    def remove_placement(self, kind: str, text: str) -> None:
        """Drop one lock (``kind="lock"``) or swap (``"swap"``) ``exercise@Day``; re-plans."""
        setattr(self, kind, tuple(p for p in getattr(self, kind) if p != text))

    def show_checked(self, result: PlanResult, line: str) -> None:
        """Show another checked week for the same choices (another week like this)."""
        assert result.plan is not None, "only a plan that passed the checker is shown"
        self.week_shown += 1
        with self.hold_trait_notifications():
            self.good = result
            self.relaxations = ()
            self.relaxation_options = ()
            self.status = f"{line} {result.check.summary()}" if result.check else line
        self._refresh_figures()

    def close_the_gap(self) -> tuple[str, ...]:
        """What more minutes, one more day or one equipment item would buy for the shown plan.

        Each line comes from a re-solve, so it is an optimum, not a guess; only changes that
        make the shortfall smaller are listed, each one applicable with
        :meth:`apply_relaxation`. Run on request (a click): it costs a few solves.
        """
        good = self.good
        options: tuple[Relaxation, ...] = ()
        if good is None:
            self.relaxations = ("no plan yet",)
        elif not good.short:
            self.relaxations = ("every posterior-chain muscle is at its minimum already",)
        else:
            self.busy = True
            try:
                found = what_relaxing_buys(good.problem, good.solved, self.options())
            finally:
                self.busy = False
            now = good.solved.shortfall or 0.0
            options = tuple(r for r in found if r.shortfall < now - TOLERANCE)
            head = f"now {number(now)} sets a week short in all (priority-weighted)"
            lines = [str(r) for r in options]
            if not lines:
                head += (
                    "; neither 15 more minutes, one more day nor one more equipment item "
                    "makes that smaller"
                )
            self.relaxations = (head, *lines)
        self.relaxation_options = options
        return tuple(self.relaxations)

    def apply_relaxation(self, index: int) -> None:
        """Take the ``index``-th change :meth:`close_the_gap` found into the controls."""
        if not 0 <= index < len(self.relaxation_options):
            self._say("that suggestion is out of date: ask again")
            return
        relaxed: Relaxation = self.relaxation_options[index]
        self.set_client(replace(relaxed.client, name=self.name.strip() or relaxed.client.name))

    def _kept(self) -> str:
        if self.good is None:
            return "No plan yet."
        return "No plan for these choices: the plan below is the last good one (marked stale)."

    def _fail(self, line: str) -> None:
        """The current choices give no plan: say why and mark the plan shown as stale."""
        self.error = line
        self.stale = self.good is not None
        self.status = self._kept()

    def _say(self, line: str) -> None:
        """An action failed (an export, a pin); the plan shown still fits the choices."""
        self.error = line

    def _no_plan_words(self, result: PlanResult) -> str:
        if result.status is Termination.INFEASIBLE:
            why = result.message.removeprefix("no plan meets the hard limits: ")
            return f"No plan meets every limit: {named(self.library, why)}"
        if self.time_limit:
            return (
                f"The solver found no plan within the time limit of {number(self.time_limit)} s: "
                "raise it, or set 0 for no limit"
            )
        return "The solver failed on these choices; try again or switch the solver (Advanced)"

    def _status(self, result: PlanResult, waited: float) -> str:
        """One line: the whole wait, what is proven, what is short, the coach check."""
        return status_line(
            result.solved,
            len(result.short),
            result.check,
            waited,
            recalled=self._recalled,
            planned=self._planned,
            floor_share=result.problem.floor_share,
        )

    def _control_changed(self, change: object = None) -> None:
        del change
        if self._applying:
            return
        if self._asked is None:
            self._asked = time.perf_counter()
        # The solve in flight answers choices that are gone: stop it now, not after the
        # debounce (the week shown stays until the new one lands); so does the prefetch.
        self.cancel_planning()
        self._resolve()
        self.request_replan()
        # A what-if question answers for the choices it started from; left running, a
        # sweep's next full plan would be solved before the week the coach asks for now.
        self.whatif.stop()
        # So does a block, and the block shown no longer fits the choices.
        self.block.choices_changed()

    def _on_name(self, change: Any = None) -> None:
        # A save path made from the old name follows the new one.
        if change is not None and self.save_path == str(self._default_save_path(change.old)):
            self.save_path = str(self._default_save_path(change.new))
        self._refresh_figures()

    def _resolve(self) -> None:
        profile = self.profiles.get(self.sport)
        try:
            client = Client(targets=self.targets, priorities=self.priorities)
        except InputError as error:
            self._fail(coach_line(error, self.library))
            return
        self.resolved_targets = {
            m: (band.min_sets, band.max_sets)
            for m, band in resolve_targets(self.library, client, profile).items()
        }
        self.resolved_priorities = resolve_priorities(self.library, client, profile)
        equipment = set(self.equipment)
        self.kit = next((k.id for k in self.kits.values() if set(k.equipment) == equipment), "")

    # ----- figures -----------------------------------------------------------------------

    def _refresh_figures(self) -> None:
        self._set_figures(self.build_figures())

    def _set_figures(self, built: dict[str, go.Figure]) -> None:
        """The figures of the week shown now, with its number (first: figures equal to those
        shown fire no change of their own, and the week still has to be stamped)."""
        with self.hold_trait_notifications():
            self.figures_week = self.week_shown
            self.figures = built

    def build_figures(self) -> dict[str, go.Figure]:
        """Every figure of the good plan (or a note saying why there is none)."""
        good = self.good
        if good is None or good.plan is None:
            note = figures.empty_figure(self.error or "no plan yet")
            return dict.fromkeys(FIGURES, note)
        plan, client = good.plan, good.problem.client
        rows = list(good.coverage)
        built = {
            "coverage": figures.coverage_figure(
                rows, self.library, title=f"Weekly coverage: {self.name.strip() or client.name}"
            ),
            "heatmap": figures.weekday_heatmap(plan, self.library),
            "balance": figures.balance_figure(plan, self.library),
            "minutes": figures.minutes_figure(
                plan, client.minutes_per_session, good.problem.weekdays
            ),
        }
        if self.baseline is not None:
            built["comparison"] = figures.comparison_figure(
                rows, list(self.baseline.coverage), self.library
            )
        else:
            built["comparison"] = figures.empty_figure("Pin a plan as baseline to compare with it")
        return built

    def pin_baseline(self) -> None:
        """Keep the shown plan as the baseline the comparison figure measures against."""
        if self.good is None:
            self._say("no plan to pin yet")
            return
        self.baseline = self.good
        self._refresh_figures()

    def clear_baseline(self) -> None:
        self.baseline = None
        self._refresh_figures()

    # ----- files -------------------------------------------------------------------------

    def export(self, folder: str | Path | None = None) -> tuple[Path, Path]:
        """Write the shown plan and its coverage as CSV, named by client and date.

        Also writes the client file the plan was made for (under the name shown now), so
        ``workbench check`` can be run on the export. Only a plan that passed the independent
        checker and matches the current choices is exported; a second export on the same day
        gets ``-2``, ``-3``, ... rather than overwriting the first.
        """
        self.exported = ()
        good, plan, client = self._checked("exported")
        target = self.resolve_path(folder if folder is not None else self.export_folder)
        target.mkdir(parents=True, exist_ok=True)
        stem = f"{slug(client.name)}_{self.today().isoformat()}"
        names = ("plan.csv", "coverage.csv", "client.toml")
        copy = 1
        while any((target / f"{stem}_{name}").exists() for name in names):
            copy += 1
            stem = f"{slug(client.name)}_{self.today().isoformat()}-{copy}"
        plan_csv = iotools.write_plan(plan, target / f"{stem}_plan.csv")
        coverage_csv = iotools.write_coverage(
            coverage_rows(list(good.coverage)), target / f"{stem}_coverage.csv"
        )
        client_toml = iotools.write_client(client, target / f"{stem}_client.toml")
        self.exported = (plan_csv, coverage_csv, client_toml)
        return plan_csv, coverage_csv

    def _checked(self, done: str) -> tuple[PlanResult, Plan, Client]:
        """The shown plan and its client under the name shown now, when it passed the checker
        and matches the current choices; else an InputError saying "nothing ``done``"."""
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
        client = replace(good.problem.client, name=self.name.strip() or good.problem.client.name)
        return good, good.plan, client

    def write_report(self, folder: str | Path | None = None) -> Path:
        """Write the client's report of the shown plan (the page ``workbench report`` writes
        for the exported plan) into the exports folder, named by client and date."""
        self.reported = ""
        _, plan, client = self._checked("reported")
        target = self.resolve_path(folder if folder is not None else self.export_folder)
        target.mkdir(parents=True, exist_ok=True)
        stem = f"{slug(client.name)}_{self.today().isoformat()}"
        page = client_report(
            plan, self.library, client, self.profiles, generated=self.today(), file="dashboard"
        )
        path = iotools.atomic_write_text(target / f"{stem}_report.html", page)
        self.reported = str(path)
        return Path(path)

    def report_or_say(self) -> None:
        """:meth:`write_report`, saying the outcome in the files notice (for a button)."""
        try:
            path = self.write_report()
        except InputError as error:
            self.notice = f"No report: {coach_line(error, self.library)}"
            return
        except OSError as error:
            where = self.resolve_path(self.export_folder)
            self.notice = f"No report: {where}: cannot write there ({error.strerror})"
            return
        self.notice = f"Wrote the client's report to {path}"

    def export_or_report(self) -> None:
        """:meth:`export`, showing a failure as the error line (for a button)."""
        try:
            self.export()
        except InputError as error:
            self.exported = ()
            self._say(coach_line(error, self.library))
            return
        except OSError as error:
            self.exported = ()
            where = self.resolve_path(self.export_folder)
            self._say(f"{where}: cannot write there ({error.strerror})")
            return
        if self.error and not self.stale:
            self.error = ""  # an earlier failed export or pin is resolved

    def _default_save_path(self, name: str) -> Path:
        return self.resolve_path(f"{slug(name)}.toml")

    def _is_shipped(self, path: Path) -> bool:
        shipped = iotools.shipped_data_dir().resolve()
        return path.resolve().is_relative_to(shipped)

    def load_client(self, path: str | Path | None = None) -> None:
        """Read a client file (TOML), show it and re-plan; a bad file shows as ``error``.

        Save then points at the same file, unless it is a shipped example: then at
        ``<client name>.toml`` in :attr:`base_folder`.
        """
        path = self.resolve_path(path if path is not None else self.client_path)
        try:
            client = iotools.read_client(path)
            validate_client(client, self.library, self.profiles, file=str(path))
        except InputError as error:
            self._not_loaded(coach_line(error, self.library))
            return
        self.client_path = str(path)
        self._loading()
        self.set_client(client)
        self.save_path = str(
            self._default_save_path(client.name) if self._is_shipped(path) else path
        )
        self.notice = f"Loaded {path}"

    def load_client_text(self, text: str, label: str = "upload") -> None:
        """A client file's text (e.g. from an upload), as :meth:`load_client`; Save then
        points at a file of the upload's name in :attr:`base_folder`."""
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as error:
            self._not_loaded(f"{label}: is not valid TOML ({error})")
            return
        try:
            client = client_from_mapping(data, file=label)
            validate_client(client, self.library, self.profiles, file=label)
        except InputError as error:
            self._not_loaded(coach_line(error, self.library))
            return
        self._loading()
        self.set_client(client)
        self.client_path = ""
        self.save_path = str(self.resolve_path(Path(label).name))
        self.notice = f"Loaded the uploaded {Path(label).name}"

    def _not_loaded(self, line: str) -> None:
        """A client file could not be loaded: the reason goes beside Load; the plan shown
        still fits the choices shown, so it stays current and exportable."""
        self.notice = f"Not loaded: {line}"
        if self.good is None:
            self.error = line  # nothing else on the page says why there is no plan

    def _loading(self) -> None:
        """Another client is coming: files written for the one shown are no longer offered."""
        self.confirm_overwrite = ""
        self.exported = ()
        self.reported = ""

    def load_uploaded(self, upload: tuple[str, str] | None) -> None:
        """An uploaded client file as ``(text, name)``; nothing when None."""
        if upload is not None:
            self.load_client_text(*upload)

    def save_client(
        self, path: str | Path | None = None, *, overwrite: bool = False
    ) -> Path | None:
        """Write the current choices as a client file (atomically) and say so in ``notice``.

        An existing file is only replaced with ``overwrite``; otherwise the save waits in
        ``confirm_overwrite`` for :meth:`confirm_save`. Shipped example files are never written.
        """
        chosen = path if path is not None else self.save_path
        if not str(chosen).strip():
            chosen = self._default_save_path(self.name)
        target = self.resolve_path(chosen)
        self.confirm_overwrite = ""
        if self._is_shipped(target):
            self.notice = f"Not saved: {target} is a shipped example file; save under another name"
            return None
        if target.exists() and not overwrite:
            self.confirm_overwrite = str(target)
            self.notice = f"{target} exists: overwrite it?"
            return None
        try:
            client = validate_client(self.client(), self.library, self.profiles, file="dashboard")
            written = iotools.write_client(client, target)
        except InputError as error:
            self.notice = f"Not saved: {coach_line(error, self.library)}"
            return None
        except OSError as error:
            self.notice = f"Not saved: {target}: cannot write ({error.strerror})"
            return None
        self.save_path = str(written)
        self.notice = f"Saved {client.name} to {written}"
        return written

    def confirm_save(self) -> Path | None:
        """Overwrite the file a save is waiting on (the coach said yes)."""
        if not self.confirm_overwrite:
            return None
        return self.save_client(self.confirm_overwrite, overwrite=True)

    def cancel_save(self) -> None:
        self.confirm_overwrite = ""
        self.notice = "Not saved"
