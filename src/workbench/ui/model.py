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
    SportProfile,
    client_from_mapping,
    resolve_priorities,
    resolve_targets,
    validate_client,
)
from workbench.errors import InputError, WorkbenchError
from workbench.explain import what_relaxing_buys
from workbench.glossary import LEVELS, WEEKDAYS
from workbench.library import Library
from workbench.optimize import SOLVERS, SolveOptions, Termination
from workbench.planner import PlanResult, make_plan
from workbench.present import number, status_words
from workbench.ui.debounce import Debouncer, Timer

__all__ = ["CONTROLS", "FIGURES", "DashboardModel", "slug"]

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
#: Default cap on a dashboard solve [s]; 0 means none: every stage to its proven gap, so the
#: dashboard shows the same plan as ``workbench plan`` for the same client.
TIME_LIMIT = 0.0


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
    if spec.kind == "choice":
        return t.Enum(LEVELS, default_value=default)
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


def slug(text: str) -> str:
    """A file-name-safe lower-case id of a client name: "Sam (home)" -> "sam_home"."""
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_") or "client"


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
        today: Callable[[], date] = date.today,
        **traits: Any,
    ) -> None:
        self.library = library
        self.profiles = dict(profiles)
        self.kits = dict(kits or {})
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
        self.replan()

    def set_sets_per_exercise(self, low: int, high: int) -> None:
        """Both bounds of the sets per exercise and session at once (one re-plan)."""
        with self.hold_trait_notifications():
            self.min_sets_per_exercise = int(low)
            self.max_sets_per_exercise = int(high)

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
        """Run a pending re-plan now; True when one ran."""
        return self.debouncer.flush()

    def options(self) -> SolveOptions:
        return SolveOptions(solver=self.solver, time_limit=self.time_limit or None)

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
            # The client checks its values, make_plan its ids (an InputError if not).
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
            now = f"now {number(good.solved.shortfall or 0.0)} short (weighted)"
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
            if result.status is Termination.INFEASIBLE:
                why = result.message.removeprefix("no plan meets the hard limits: ")
                return f"no plan: {why}{kept}"
            return f"no plan: {result.message}{kept}"
        short = (
            f"; {len(result.short)} muscle(s) short" if result.short else "; every muscle covered"
        )
        check = f"; {result.check.summary()}" if result.check is not None else ""
        return (
            f"{status_words(solved)} in {seconds:.2f} s ({solved.solver}); weighted shortfall "
            f"{number(solved.shortfall or 0.0)} [sets/week]{short}{check}"
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
        try:
            client = Client(targets=self.targets, priorities=self.priorities)
        except InputError as error:
            self._fail(error.line())
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
