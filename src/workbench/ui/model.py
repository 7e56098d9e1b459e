"""The dashboard's model: small models, each with its own traits, composed by a thin parent.

No widgets here (aiidalab-qe's pattern: the view builds widgets and links them to these
traits). Each part holds one concern and is handed what it needs; the parent makes the
parts, links the traits one part owns to the parts that read them, and turns what a part
reports through its own traits into another part's action:

- ``model.choices`` (:class:`~workbench.ui.choices_model.ChoicesModel`): the client's
  choices and the solver's settings; each change the coach makes is counted, and the parent
  asks for a re-plan on it (and stops every question about the old choices);
- ``model.plans`` (:class:`~workbench.ui.planning_model.PlanningModel`): the planning session
  (debounce, worker, plan cache, idle prefetch) and what the page says about the week;
- ``model.figures`` (:class:`~workbench.ui.figures_model.FiguresModel`): the week's figures
  and the baseline;
- ``model.files`` (:class:`~workbench.ui.files_model.FilesModel`): load, save, export, the
  client's report;
- ``model.gap`` (:class:`~workbench.ui.gap_model.GapModel`): what would close the gap;
- ``model.whatif`` (:class:`~workbench.ui.whatif_model.WhatIfModel`): what more time buys,
  another week like this, swap and lock;
- ``model.block`` (:class:`~workbench.ui.block_model.BlockModel`): a training block or camp.

A part that fails an action says so in its own ``error`` trait; the parent shows it in the
page's one error line (``model.plans.error``). No part writes another's traits.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import traitlets as t

from workbench.client import Client, Kit, SportProfile
from workbench.library import Library
from workbench.ui.block_model import BlockModel, BlockPlanner, default_block_planner
from workbench.ui.choices_model import CONTROLS, ChoicesModel
from workbench.ui.debounce import Timer
from workbench.ui.figures_model import FIGURES, FiguresModel
from workbench.ui.files_model import FilesModel
from workbench.ui.gap_model import GapModel
from workbench.ui.planning_model import DEBOUNCE, PlanningModel, default_planner
from workbench.ui.session import CACHE_SIZE, Planner, slug
from workbench.ui.whatif_model import WhatIfModel
from workbench.ui.worker import PlanWorker

__all__ = ["CONTROLS", "FIGURES", "DashboardModel", "Planner", "default_planner", "slug"]


class DashboardModel:
    """State and actions of the dashboard, in parts; testable without widgets or a browser."""

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
        export_folder: str = "exports",
        cache_size: int = CACHE_SIZE,
        planner: Planner | None = None,
        worker: PlanWorker | None = None,
        prefetcher: PlanWorker | None = None,
        block_planner: BlockPlanner | None = None,
    ) -> None:
        self.library = library
        self.profiles = dict(profiles)
        self.kits = dict(kits or {})
        self.choices = ChoicesModel(library, self.profiles, self.kits)
        self.figures = FiguresModel(library)
        self.plans = PlanningModel(
            library,
            self.profiles,
            client=self.choices.client,
            options=self.choices.options,
            build_figures=self.figures.build,
            show_figures=self.figures.show,
            timer=timer,
            delay=delay,
            cache_size=cache_size,
            planner=planner,
            worker=worker,
            prefetcher=prefetcher,
        )
        self.files = FilesModel(
            library,
            self.profiles,
            client=self.choices.client,
            ready=self.plans.ready,
            show=self.set_client,
            today=today,
            base_folder=base_folder,
            export_folder=export_folder,
        )
        self.gap = GapModel(options=self.choices.options, choose=self.choose)
        #: Sweeps, another week like this, swap and lock, on the same worker as the coach's
        #: plans (one question at a time).
        self.whatif = WhatIfModel(
            library,
            self.profiles,
            subject=self.plans.subject,
            planner=self.plans.plan,
            cache=self.plans.cache,
            worker=self.plans.worker,
            show=self.plans.show_checked,
            choose=self.choose,
        )
        #: A training block or fight camp for the client on show, on the same worker.
        self.block = BlockModel(
            library,
            self.profiles,
            subject=self.plans.subject,
            worker=self.plans.worker,
            resolve_path=self.files.resolve_path,
            today=today,
            planner=block_planner if block_planner is not None else default_block_planner,
        )

        # What one part owns, the parts that read it see through a link.
        part: t.HasTraits
        for part in (self.figures, self.files):
            t.dlink((self.choices, "name"), (part, "name"))
        for part in (self.figures, self.files, self.gap, self.whatif):
            t.dlink((self.plans, "good"), (part, "week"))
        for part in (self.figures, self.gap):
            t.dlink((self.plans, "week_shown"), (part, "week_shown"))
        t.dlink((self.plans, "error"), (self.figures, "note"))
        t.dlink((self.files, "export_folder"), (self.block, "export_folder"))
        t.dlink((self.plans, "busy"), (self.files, "planning"))

        # What a part reports, another part acts on.
        self.choices.observe(self._choices_changed, names="changes")
        self.plans.observe(lambda change: self.whatif.stop(), names="replans")
        self.whatif.observe(self._questions, names=["busy", "sweeping"])
        self.block.observe(self._questions, names="busy")
        for part in (self.choices, self.figures, self.files, self.gap):
            part.observe(self._said, names="error")
        self.files.observe(self._exported, names="exported")

    def set_client(self, client: Client) -> None:
        """Show ``client`` in the controls and re-plan once, at once."""
        self.choices.apply(client)
        self.block.choices_changed()
        self.plans.replan()

    def choose(self, client: Client) -> None:
        """A client a part offers (a lock, a swap, a change that closes the gap) into the
        controls, under the name shown."""
        self.set_client(replace(client, name=self.choices.name.strip() or client.name))

    def flush(self) -> bool:
        """Run a pending re-plan now (:meth:`PlanningModel.flush`)."""
        return self.plans.flush()

    def wait(self, timeout: float | None = None) -> bool:
        """Let every week in flight land (:meth:`PlanningModel.wait`)."""
        return self.plans.wait(timeout)

    # ----- what the parts report -----------------------------------------------------------

    def _choices_changed(self, change: Any) -> None:
        self.plans.changed()
        # A what-if question answers for the choices it started from; left running, a
        # sweep's next full plan would be solved before the week the coach asks for now.
        self.whatif.stop()
        # So does a block, and the block shown no longer fits the choices.
        self.block.choices_changed()

    def _questions(self, change: Any) -> None:
        self.plans.questions = self.whatif.busy or self.whatif.sweeping or self.block.busy

    def _said(self, change: Any) -> None:
        if change.new:
            self.plans.say(change.new)

    def _exported(self, change: Any) -> None:
        if change.new:  # an earlier failed export or pin is resolved
            self.plans.unsay()
