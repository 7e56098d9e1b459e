"""The dashboard's model: a client's choices, the plans made from them, and the actions.

No widgets here. Traits hold state; the view links widgets to them. Every change to a
control trait asks for a re-plan through a :class:`~workbench.ui.debounce.Debouncer`, so a
burst of changes (a slider dragged, a kit applied, a client loaded) costs one solve.
"""

from __future__ import annotations

import logging
import re
import time
import tomllib
from collections.abc import Callable, Mapping
from datetime import date
from pathlib import Path
from typing import Any

import plotly.graph_objects as go
import traitlets as t

from workbench import figures, iotools
from workbench.analytics import coverage_rows
from workbench.client import (
    CLIENT_KEYS,
    Client,
    Kit,
    SportProfile,
    Target,
    client_from_mapping,
    resolve_priorities,
    resolve_targets,
    validate_client,
)
from workbench.errors import InputError, WorkbenchError
from workbench.glossary import DEFAULT_MAX_SETS, LEVELS, WEEKDAYS
from workbench.library import Library
from workbench.planner import PlanResult, make_plan, what_relaxing_buys
from workbench.solve import SOLVERS, SolveOptions, Status
from workbench.ui.debounce import Debouncer, Timer

__all__ = ["CONTROLS", "FIGURES", "DashboardModel", "slug"]

LOG = logging.getLogger(__name__)

#: Traits that change the plan; a change to any of them asks for a re-plan. The client-file
#: keys (the name only labels, and the dashboard always names weekdays), then the solver's.
CONTROLS = (
    *(key for key in CLIENT_KEYS if key not in ("name", "days_per_week")),
    "solver",
    "time_limit",
)
#: The figures the dashboard shows, in display order.
FIGURES = ("coverage", "heatmap", "balance", "minutes", "comparison")
#: Each preference stage (balance, time) may take this long [s]: enough on the shipped library
#: for a good balance, short enough that a control change re-plans in well under half a second.
PREFERENCE_SECONDS = 0.12
#: Default cap on a dashboard solve [s]; 0 means until proven optimal. Most changes prove
#: optimal in well under a second; a few tight ones (2 short sessions, full gym) take minutes.
TIME_LIMIT = 3.0


def slug(text: str) -> str:
    """A file-name-safe lower-case id of a client name: "Sam (home)" -> "sam_home"."""
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_") or "client"


class DashboardModel(t.HasTraits):
    """State and actions of the dashboard; testable without widgets or a browser."""

    # The client's choices.
    name = t.Unicode("Client")
    weekdays = t.Tuple(default_value=("Mon", "Wed", "Fri"))
    minutes_per_session = t.Float(60.0)
    equipment = t.Tuple()
    level = t.Enum(LEVELS, default_value="intermediate")
    sport = t.Unicode("general")
    avoid = t.Tuple()
    require = t.Tuple()
    ban = t.Tuple()
    max_sets_per_exercise = t.Int(DEFAULT_MAX_SETS)
    targets = t.Dict()  # muscle id -> Target, the client's overrides
    priorities = t.Dict()  # muscle id -> weight, the client's overrides
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
    error = t.Unicode("")  # one line, empty when the latest attempt gave a plan
    busy = t.Bool(False)
    stale = t.Bool(False)  # the shown plan is not from the current choices
    timings = t.Dict()  # seconds of the latest re-plan: solve, figures
    relaxations = t.Tuple()  # what relaxing buys for the shown plan, best first (lines)

    # Files.
    client_path = t.Unicode("")
    export_folder = t.Unicode("exports")
    exported = t.Tuple()  # paths of the latest export: plan, coverage, client

    def __init__(
        self,
        library: Library,
        profiles: Mapping[str, SportProfile],
        kits: Mapping[str, Kit] | None = None,
        *,
        timer: Timer | None = None,
        delay: float = 0.3,
        preference_seconds: float = PREFERENCE_SECONDS,
        today: Callable[[], date] = date.today,
        **traits: Any,
    ) -> None:
        self.library = library
        self.profiles = dict(profiles)
        self.kits = dict(kits or {})
        self.preference_seconds = preference_seconds
        self.today = today
        self.debouncer = Debouncer(self._debounced_replan, delay, timer)
        self._applying = False
        super().__init__(**traits)
        self._resolve()
        self.observe(self._control_changed, names=list(CONTROLS))
        self.observe(self._on_name, names=["name"])
        self._refresh_figures()

    # ----- choices -----------------------------------------------------------------------

    def client(self) -> Client:
        """The client the controls describe (not yet validated)."""
        return Client(
            name=self.name.strip() or "Client",
            weekdays=tuple(d for d in WEEKDAYS if d in self.weekdays),
            minutes_per_session=float(self.minutes_per_session),
            equipment=tuple(self.equipment),
            level=self.level,
            sport=self.sport,
            avoid=tuple(self.avoid),
            require=tuple(self.require),
            ban=tuple(self.ban),
            max_sets_per_exercise=int(self.max_sets_per_exercise),
            targets=dict(self.targets),
            priorities=dict(self.priorities),
        )

    def set_client(self, client: Client) -> None:
        """Show ``client`` in the controls and re-plan once."""
        self._applying = True
        try:
            with self.hold_trait_notifications():
                self.name = client.name
                self.weekdays = tuple(client.weekdays)
                self.minutes_per_session = float(client.minutes_per_session)
                self.equipment = tuple(client.equipment)
                self.level = client.level
                self.sport = client.sport
                self.avoid = tuple(client.avoid)
                self.require = tuple(client.require)
                self.ban = tuple(client.ban)
                self.max_sets_per_exercise = client.max_sets_per_exercise
                self.targets = dict(client.targets)
                self.priorities = dict(client.priorities)
        finally:
            self._applying = False
        self._resolve()
        self.replan()

    def toggle_weekday(self, weekday: str, on: bool) -> None:
        days = set(self.weekdays) | {weekday} if on else set(self.weekdays) - {weekday}
        self.weekdays = tuple(d for d in WEEKDAYS if d in days)

    def apply_kit(self, kit_id: str) -> None:
        """Set the equipment to a named kit's (see ``data/kits.toml``)."""
        if kit_id not in self.kits:
            self._fail(f"'{kit_id}' is not a kit ({', '.join(self.kits)})")
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
        if self._default_target(muscle_id) == Target(float(low), float(high)):
            targets.pop(muscle_id, None)
        else:
            targets[muscle_id] = Target(float(low), float(high))
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

    def _default_target(self, muscle_id: str) -> Target:
        profile = self.profiles.get(self.sport)
        return resolve_targets(self.library, Client(), profile)[muscle_id]

    # ----- planning ----------------------------------------------------------------------

    def request_replan(self) -> None:
        """Re-plan after the debounce delay; further requests before then fold into it."""
        self.debouncer.trigger()

    def flush(self) -> bool:
        """Run a pending re-plan now; True when one ran."""
        return self.debouncer.flush()

    def options(self) -> SolveOptions:
        return SolveOptions(
            solver=self.solver,
            time_limit=self.time_limit or None,
            preference_seconds=self.preference_seconds,
        )

    def _debounced_replan(self) -> None:
        # Runs from the event loop, where an exception would only reach the kernel's log:
        # log it (tests fail on logged errors) and show it on the page.
        try:
            self.replan()
        except Exception as error:
            LOG.exception("re-plan failed")
            self._fail(f"internal error: {error!r} (see the log)")

    def replan(self) -> PlanResult | None:
        """Solve for the current choices now. Bad input shows as ``error`` and keeps the plan."""
        self.debouncer.cancel()
        self.busy = True
        try:
            return self._replan()
        finally:
            self.busy = False

    def _replan(self) -> PlanResult | None:
        started = time.perf_counter()
        try:
            # make_plan validates the client against the library (an InputError if not).
            result = make_plan(
                self.library,
                self.client(),
                self.profiles,
                self.options(),
                explain=True,
                file="dashboard",
            )
        except InputError as error:
            self._fail(error.line())
            return None
        except WorkbenchError as error:
            self._fail(str(error))
            return None
        solved = time.perf_counter()
        with self.hold_trait_notifications():
            self.result = result
            if result.plan is not None:
                self.good = result
                self.relaxations = ()
                self.error = ""
                self.stale = False
            else:
                self.error = result.message or result.status.value
                self.stale = self.good is not None
            self.status = self._status(result)
        self._refresh_figures()
        self.timings = {
            "solve": solved - started,
            "figures": time.perf_counter() - solved,
            "total": time.perf_counter() - started,
        }
        return result

    def close_the_gap(self) -> tuple[str, ...]:
        """What more minutes, one more day or one equipment item would buy for the shown plan.

        Each line comes from a re-solve, so it is an optimum, not a guess. Run on request
        (a click), not on every change: it costs a few solves.
        """
        good = self.good
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
            now = f"now {good.solved.shortfall or 0.0:g} short (weighted)"
            lines = [str(r) for r in found] or [
                "neither more minutes, one more day nor one more equipment item helps"
            ]
            self.relaxations = (now, *lines)
        return tuple(self.relaxations)

    def _fail(self, line: str) -> None:
        self.error = line
        self.stale = self.good is not None
        kept = " (showing the last good plan)" if self.good is not None else ""
        self.status = f"error: {line}{kept}"

    def _status(self, result: PlanResult) -> str:
        solved = result.solved
        seconds = solved.build_seconds + solved.solve_seconds
        if result.plan is None:
            kept = " (showing the last good plan)" if self.good is not None else ""
            if result.status is Status.INFEASIBLE:
                why = result.message.removeprefix("no plan meets the hard limits: ")
                return f"no plan: {why}{kept}"
            return f"no plan: {result.message}{kept}"
        if result.status is Status.OPTIMAL:
            # What is proven is the shortfall; balance and time are the best found in budget.
            head = "shortfall proven optimal"
        else:
            head = f"stopped at time limit, gap {solved.gap or 0.0:.3g} [sets/week]"
        short = (
            f"; {len(result.short)} muscle(s) short" if result.short else "; every muscle covered"
        )
        return (
            f"{head} in {seconds:.2f} s ({solved.solver}); weighted shortfall "
            f"{solved.shortfall or 0.0:.3g} [sets/week]{short}"
        )

    def _control_changed(self, change: object = None) -> None:
        del change
        if self._applying:
            return
        self._resolve()
        self.request_replan()

    def _on_name(self, change: object = None) -> None:
        del change
        self._refresh_figures()

    def _resolve(self) -> None:
        profile = self.profiles.get(self.sport)
        client = Client(targets=dict(self.targets), priorities=dict(self.priorities))
        self.resolved_targets = {
            m: (band.min_sets, band.max_sets)
            for m, band in resolve_targets(self.library, client, profile).items()
        }
        self.resolved_priorities = resolve_priorities(self.library, client, profile)
        equipment = set(self.equipment)
        self.kit = next((k.id for k in self.kits.values() if set(k.equipment) == equipment), "")

    # ----- figures -----------------------------------------------------------------------

    def _refresh_figures(self) -> None:
        self.figures = self.build_figures()

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
            self._fail("no plan to pin yet")
            return
        self.baseline = self.good
        self._refresh_figures()

    def clear_baseline(self) -> None:
        self.baseline = None
        self._refresh_figures()

    # ----- files -------------------------------------------------------------------------

    def export(self, folder: str | Path | None = None) -> tuple[Path, Path]:
        """Write the shown plan and its coverage as CSV, named by client and date.

        Also writes the client file the plan was made for, so ``workbench check`` can be run on
        the export. Only a plan that passed the independent checker is ever exported.
        """
        self.flush()
        good = self.good
        if good is None or good.plan is None:
            raise InputError("no checked plan to export yet", file="dashboard")
        target = Path(folder if folder is not None else self.export_folder).expanduser()
        target.mkdir(parents=True, exist_ok=True)
        client = good.problem.client
        stem = f"{slug(client.name)}_{self.today().isoformat()}"
        plan_csv = iotools.write_plan(good.plan, target / f"{stem}_plan.csv")
        coverage_csv = iotools.write_coverage(
            coverage_rows(list(good.coverage)), target / f"{stem}_coverage.csv"
        )
        client_toml = iotools.write_client(client, target / f"{stem}_client.toml")
        self.exported = (plan_csv, coverage_csv, client_toml)
        return plan_csv, coverage_csv

    def export_or_report(self) -> None:
        """:meth:`export`, showing a failure as the error line (for a button)."""
        try:
            self.export()
        except InputError as error:
            self._fail(error.line())
        except OSError as error:
            self._fail(f"{self.export_folder}: cannot write ({error.strerror})")

    def load_client(self, path: str | Path | None = None) -> None:
        """Read a client file (TOML), show it and re-plan; a bad file shows as ``error``."""
        path = Path(path if path is not None else self.client_path)
        try:
            client = iotools.read_client(path)
            validate_client(client, self.library, self.profiles, file=str(path))
        except InputError as error:
            self._fail(error.line())
            return
        self.client_path = str(path)
        self.set_client(client)

    def load_client_text(self, text: str, label: str = "upload") -> None:
        """A client file's text (e.g. from an upload), as :meth:`load_client`."""
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as error:
            self._fail(f"{label}: is not valid TOML ({error})")
            return
        try:
            client = client_from_mapping(data, file=label)
            validate_client(client, self.library, self.profiles, file=label)
        except InputError as error:
            self._fail(error.line())
            return
        self.set_client(client)

    def load_uploaded(self, upload: tuple[str, str] | None) -> None:
        """An uploaded client file as ``(text, name)``; nothing when None."""
        if upload is not None:
            self.load_client_text(*upload)

    def save_client(self, path: str | Path | None = None) -> Path | None:
        """Write the current choices as a client file (atomically)."""
        path = Path(path if path is not None else self.client_path)
        try:
            client = validate_client(self.client(), self.library, self.profiles, file="dashboard")
            written = iotools.write_client(client, path)
        except InputError as error:
            self._fail(error.line())
            return None
        except OSError as error:
            self._fail(f"{path}: cannot write ({error.strerror})")
            return None
        self.client_path = str(path)
        return written
