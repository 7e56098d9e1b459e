"""The dashboard's block view: a training block or a fight camp for the client on show,
planned off the kernel's thread, checked, drawn and exported.

No widgets here. The coach sets the block's length, where the deload falls, or a fight camp
and its fight date, then asks for the block (:meth:`BlockModel.plan`): it is planned by an
injected planner (:func:`default_block_planner`: :func:`~workbench.blocks.plan_block` or
:func:`~workbench.blocks.plan_camp`) on the dashboard's
:class:`~workbench.ui.worker.PlanWorker`, as the weekly plan is, and a change of any of the
block's settings or of the client's choices cancels it. A block is shown only once
:func:`~workbench.check.check_block` passes it here (every week, and recovery across the
weeks); a block that cannot be planned says why in one line.

The model does not reach into the dashboard: what it needs is handed to it. ``subject()``
says which client (and solver settings) a block is for, or why there is none yet (the
dashboard's own :class:`~workbench.ui.session.Subject`); the parent calls
:meth:`BlockModel.choices_changed` when the client's choices change, and links its exports
folder to :attr:`BlockModel.export_folder`.
"""

from __future__ import annotations

import logging
import time
from collections import OrderedDict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

import plotly.graph_objects as go
import traitlets as t

from workbench import figures, iotools
from workbench.block import Block, BlockWeek, week_rows
from workbench.block_report import client_block_report
from workbench.blocks import BLOCK_WEEKS, BlockResult, block_roles, plan_block, plan_camp
from workbench.camp import CAMP_WEEKS, camp_roles
from workbench.check import check_block
from workbench.client import Client, SportProfile
from workbench.errors import InputError, WorkbenchError
from workbench.library import Library
from workbench.optimize import SolveOptions, Termination
from workbench.present import block_words, named_ids
from workbench.ui.session import Subject, slug
from workbench.ui.words import coach_line, named, wait_words
from workbench.ui.worker import Job, PlanWorker

__all__ = [
    "BLOCK_FIGURES",
    "BlockAsk",
    "BlockModel",
    "BlockPlanner",
    "default_block_planner",
]

LOG = logging.getLogger(__name__)

#: The block view's figures: the week x muscle heatmap and the prime movers' lines.
BLOCK_FIGURES = ("sets", "lines")
#: A block's default length, and a camp's [weeks].
BLOCK_DEFAULT, CAMP_DEFAULT = 5, 10
#: Blocks kept per dashboard (the same client, settings and ask give the same block).
BLOCK_CACHE = 8


@dataclass(frozen=True)
class BlockAsk:
    """What a block is planned with: ``weeks``; the deload's week (None: the last); a fight
    camp instead, ending on ``fight_date`` when given."""

    weeks: int
    deload_week: int | None = None
    camp: bool = False
    fight_date: date | None = None


#: ``planner(library, client, profiles, options, ask)``: the block for ``client``. Called on
#: a worker thread: it must touch no shared state.
BlockPlanner = Callable[
    [Library, Client, Mapping[str, SportProfile], SolveOptions, BlockAsk], BlockResult
]


def default_block_planner(
    library: Library,
    client: Client,
    profiles: Mapping[str, SportProfile],
    options: SolveOptions,
    ask: BlockAsk,
) -> BlockResult:
    """The dashboard's block planning: a camp or a block, without the peak week's
    explanations (re-solves the block view does not show)."""
    if ask.camp:
        return plan_camp(
            library,
            client,
            profiles,
            options,
            weeks=ask.weeks,
            fight_date=ask.fight_date,
            explain=False,
            file="dashboard",
        )
    return plan_block(
        library,
        client,
        profiles,
        options,
        weeks=ask.weeks,
        deload_week=ask.deload_week,
        explain=False,
        file="dashboard",
    )


class BlockModel(t.HasTraits):
    """Block state of one dashboard (made by it as ``model.block``)."""

    # The coach's settings.
    weeks = t.Int(BLOCK_DEFAULT)
    deload_week = t.Int(0)  # 1..weeks; 0: the last week
    camp = t.Bool(False)
    fight_date = t.Instance(date, allow_none=True)

    # The block on show: planned for the settings and choices shown, unless ``stale``.
    result = t.Instance(BlockResult, allow_none=True)
    selected_week = t.Int(1)
    figures = t.Dict()  # BLOCK_FIGURES -> plotly Figure of the block on show
    status = t.Unicode("")
    notes = t.Tuple()  # block requirements the model could not meet, one line each
    error = t.Unicode("")  # one line, empty when the latest attempt gave a block
    busy = t.Bool(False)
    stale = t.Bool(False)

    # Files.
    export_folder = t.Unicode("exports")
    exported = t.Tuple()  # the block CSV and the client file written last
    reported = t.Unicode("")  # the block's client report written last

    def __init__(
        self,
        library: Library,
        profiles: Mapping[str, SportProfile],
        *,
        subject: Callable[[], Subject | str],
        worker: PlanWorker,
        resolve_path: Callable[[str | Path], Path],
        today: Callable[[], date] = date.today,
        planner: BlockPlanner = default_block_planner,
    ) -> None:
        super().__init__()
        self.library = library
        self.profiles = dict(profiles)
        self.subject = subject
        self.worker = worker
        self.resolve_path = resolve_path
        self.today = today
        self.planner = planner
        self._job: Job[BlockResult] | None = None
        self._planned: tuple[Client, SolveOptions, BlockAsk] | None = None  # for the shown
        self._cache: OrderedDict[tuple[Client, SolveOptions, BlockAsk], BlockResult] = OrderedDict()
        self.observe(self._on_camp, names="camp")
        self.observe(self._on_weeks, names="weeks")
        self.observe(self._settings_changed, names=["weeks", "deload_week", "camp", "fight_date"])

    # ----- settings ----------------------------------------------------------------------

    @property
    def block(self) -> Block | None:
        """The block on show (it passed the checker), if any."""
        return self.result.block if self.result is not None else None

    def ask(self) -> BlockAsk:
        """The settings as a :class:`BlockAsk`; raises InputError for an impossible one."""
        if self.camp:
            camp_roles(self.weeks)
            return BlockAsk(self.weeks, camp=True, fight_date=self.fight_date)
        deload = self.deload_week or None
        block_roles(self.weeks, deload)
        return BlockAsk(self.weeks, deload)

    def _on_camp(self, change: Any) -> None:
        """A camp is 8-12 weeks, a block 4-6: the length follows the kind when it does not
        fit it."""
        allowed = CAMP_WEEKS if change.new else BLOCK_WEEKS
        if self.weeks not in allowed:
            self.weeks = CAMP_DEFAULT if change.new else BLOCK_DEFAULT

    def _on_weeks(self, change: Any) -> None:
        if self.deload_week > change.new:
            self.deload_week = 0

    def _settings_changed(self, change: Any = None) -> None:
        del change
        self._outdated("the block's settings changed")
        # An impossible setting is said at once, not at the next click.
        try:
            self.ask()
        except InputError as error:
            self.error = f"No block: {coach_line(error, self.library)}"
        else:
            self.error = ""

    def choices_changed(self) -> None:
        """The client's choices changed (the parent calls this): a block being planned is
        stopped, the block shown is marked stale."""
        self._outdated("the client's choices changed")

    def _outdated(self, why: str) -> None:
        stopped = self.planning
        self.stop()
        if self.result is not None:
            with self.hold_trait_notifications():
                self.stale = True
                self.exported = ()
                self.reported = ""
                self.status = f"The block below is for earlier settings ({why}): plan it again."
        elif stopped:
            self.status = f"Stopped: {why}; plan the block again."

    @property
    def planning(self) -> bool:
        """Whether a block is being planned."""
        return self._job is not None

    def stop(self) -> None:
        """Cancel the block being planned, if any (its result is dropped)."""
        if self._job is not None:
            self._job.cancel()
            self._job = None
            self.busy = False

    # ----- planning ----------------------------------------------------------------------

    def plan(self) -> None:
        """Plan the block for the client on show with the settings shown: a recalled block at
        once, a new one on the worker (waited for when the worker has no ``wake``). What
        stops it is said in ``error``, one line."""
        self.stop()
        try:
            ask = self.ask()
        except InputError as error:
            self.error = f"No block: {coach_line(error, self.library)}"
            return
        subject = self.subject()
        if isinstance(subject, str):
            self.error = f"No block: {subject}."
            return
        key = (replace(subject.client, name="Client"), subject.options, ask)
        started = time.perf_counter()
        if key in self._cache:
            self._cache.move_to_end(key)
            self._accept(self._cache[key], subject.client, key, started, recalled=True)
            return
        client, options = subject.client, subject.options
        self.busy = True
        self.error = ""
        self.status = f"Planning the {'camp' if ask.camp else 'block'}…"
        self._job = self.worker.start(
            lambda: [self.planner(self.library, client, self.profiles, options, ask)],
            lambda job, result: self._offered(job, client, key, result, started),
            self._done,
        )
        if self.worker.wake is None:  # a script or a test: wait for the block here
            self.worker.wait()

    def _offered(
        self,
        job: Job[BlockResult],
        client: Client,
        key: tuple[Client, SolveOptions, BlockAsk],
        result: BlockResult,
        started: float,
    ) -> None:
        if job is not self._job:
            return  # cancelled: the settings or the choices changed since
        self._accept(result, client, key, started)

    def _accept(
        self,
        result: BlockResult,
        client: Client,
        key: tuple[Client, SolveOptions, BlockAsk],
        started: float,
        *,
        recalled: bool = False,
    ) -> None:
        """Show ``result`` when it holds a block that passes the checker here; else say why
        there is none (the block shown, if any, stays, marked stale)."""
        block = result.block
        if block is None:
            self._fail(self._no_block_words(result))
            return
        violations = check_block(block, self.library, client, result.problem.targets)
        if violations:
            more = f" (and {len(violations) - 1} more)" if len(violations) > 1 else ""
            self._fail(
                "No block: it failed the independent check: "
                + named_ids(self.library, str(violations[0]))
                + more
            )
            return
        self._cache[key] = result
        while len(self._cache) > BLOCK_CACHE:
            self._cache.popitem(last=False)
        self._planned = key
        built = self._figures(block, client.name)
        kind = "Camp" if key[2].camp else "Block"
        how = "recalled" if recalled else "planned"
        checks = ", ".join(f"{c.passed}/{c.applicable}" for c in result.checks)
        with self.hold_trait_notifications():
            self.result = result
            self.selected_week = 1
            self.stale = False
            self.error = ""
            self.exported = ()
            self.reported = ""
            misses = block.proof.misses if block.proof is not None else ()
            self.notes = tuple(named(self.library, m) for m in misses)
            self.figures = built
            self.status = (
                f"{kind} of {len(block.weeks)} weeks {how} in "
                f"{wait_words(time.perf_counter() - started)} · {block_words(block.weeks)} · "
                f"every week passes the checker · coach check by each week's own standards: "
                f"{checks}"
            )

    def _figures(self, block: Block, name: str) -> dict[str, go.Figure]:
        return {
            "sets": figures.block_heatmap(
                block, self.library, title=f"Weekly effective sets per muscle: {name}"
            ),
            "lines": figures.block_lines(block, self.library),
        }

    def _no_block_words(self, result: BlockResult) -> str:
        if result.status is Termination.INFEASIBLE:
            # Unexplained, a week with no conflict found says only that there is none.
            why = "; ".join(result.peak.reasons) or result.message
            return f"No block: no week meets every limit: {named(self.library, why)}"
        return f"No block: {named(self.library, result.message or result.status.value)}"

    def _fail(self, line: str) -> None:
        self.error = line
        if self.result is not None:
            self.stale = True
            self.status = "The block below is for earlier settings."

    def _done(self, job: Job[BlockResult], error: BaseException | None) -> None:
        if job is not self._job:
            return
        self._job = None
        self.busy = False
        if error is None:
            return
        if isinstance(error, InputError):
            self._fail(f"No block: {named_ids(self.library, coach_line(error, self.library))}")
        elif isinstance(error, WorkbenchError):
            self._fail(f"No block: {error}")
        else:
            LOG.error("planning a block failed", exc_info=error)
            self._fail(f"No block: internal error: {error!r} (see the log)")

    # ----- the week on show --------------------------------------------------------------

    def select_week(self, number: int) -> None:
        """Show week ``number`` (1..) of the block in the week table."""
        block = self.block
        if block is not None and 1 <= number <= len(block.weeks):
            self.selected_week = int(number)

    @property
    def selected(self) -> BlockWeek | None:
        """The week on show, if a block is."""
        block = self.block
        if block is None or not 1 <= self.selected_week <= len(block.weeks):
            return None
        return block.week(self.selected_week)

    def week_rows(self) -> list[dict[str, object]]:
        """The week on show as table rows: the block CSV's columns, ``rir`` and ``load``
        included (empty without a block)."""
        week = self.selected
        return week_rows(week) if week is not None else []

    # ----- files -------------------------------------------------------------------------

    def _checked(self, done: str) -> tuple[Block, Client]:
        """The block on show and its client under the name shown now, when it still fits
        the settings and choices and passes the checker; else an InputError saying
        "nothing ``done``"."""
        if self.busy:
            raise InputError(f"nothing {done}: the block is still being planned")
        result, block = self.result, self.block
        if result is None or block is None:
            raise InputError(f"nothing {done}: plan the block first")
        if self.stale:
            raise InputError(f"nothing {done}: the block is for earlier settings; plan it again")
        subject = self.subject()
        if isinstance(subject, str):
            raise InputError(f"nothing {done}: {subject}")
        client = subject.client
        if self._planned is None or replace(client, name="Client") != self._planned[0]:
            raise InputError(f"nothing {done}: the block is for earlier choices; plan it again")
        if check_block(block, self.library, client, result.problem.targets):
            raise InputError(f"nothing {done}: the block fails the independent check")
        return block, client

    def _stem(self, client: Client, names: tuple[str, ...]) -> tuple[Path, str]:
        """The exports folder (made) and a file stem by client and date that no file of
        ``names`` uses yet (``-2``, ``-3``, ... after the first)."""
        folder = self.resolve_path(self.export_folder)
        folder.mkdir(parents=True, exist_ok=True)
        base = f"{slug(client.name)}_{self.today().isoformat()}"
        stem, copy = base, 1
        while any((folder / f"{stem}_{name}").exists() for name in names):
            copy += 1
            stem = f"{base}-{copy}"
        return folder, stem

    def export(self) -> tuple[Path, Path]:
        """Write the block on show as a block CSV and the client file it was planned for
        (so ``workbench check`` and ``workbench report`` run on them), named by client and
        date; never over an earlier export."""
        self.exported = ()
        block, client = self._checked("exported")
        folder, stem = self._stem(client, ("block.csv", "block_client.toml"))
        block_csv = iotools.write_block(block, folder / f"{stem}_block.csv")
        client_toml = iotools.write_client(client, folder / f"{stem}_block_client.toml")
        self.exported = (str(block_csv), str(client_toml))
        return block_csv, client_toml

    def write_report(self) -> Path:
        """Write the client's report of the block on show (the page ``workbench report``
        writes for the exported block)."""
        self.reported = ""
        block, client = self._checked("reported")
        folder, stem = self._stem(client, ("block_report.html",))
        page = client_block_report(
            block, self.library, client, self.profiles, generated=self.today(), file="dashboard"
        )
        path = iotools.atomic_write_text(folder / f"{stem}_block_report.html", page)
        self.reported = str(path)
        return Path(path)

    def export_or_say(self) -> None:
        """:meth:`export`, a failure said in ``error`` (for a button)."""
        self._or_say(self.export, "No export")

    def report_or_say(self) -> None:
        """:meth:`write_report`, a failure said in ``error`` (for a button)."""
        self._or_say(self.write_report, "No report")

    def _or_say(self, action: Callable[[], object], head: str) -> None:
        try:
            action()
        except InputError as error:
            self.error = f"{head}: {coach_line(error, self.library)}"
            return
        except OSError as error:
            where = self.resolve_path(self.export_folder)
            self.error = f"{head}: {where}: cannot write there ({error.strerror})"
            return
        self.error = ""
