"""The dashboard's files: client files loaded and saved, the week exported, the client's report.

No widgets here. Relative paths resolve against :attr:`FilesModel.base_folder`: where the
coach started the app. The model does not reach into the dashboard: what it needs is handed
to it. ``client()`` is the client the controls describe (what Save writes), ``ready(done)``
the checked week on show when it may be written (else an InputError saying "nothing
``done``: why"), ``show(client)`` puts a loaded client into the controls and re-plans it; the
parent links the client's name and the week on show to :attr:`FilesModel.name` and
:attr:`FilesModel.week`. What goes wrong with an export says so in :attr:`FilesModel.error`
(the parent shows it in the page's error line); everything else about files, in
:attr:`FilesModel.notice`.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import traitlets as t

from workbench import iotools
from workbench.analytics import coverage_rows
from workbench.client import Client, SportProfile, client_from_mapping, validate_client
from workbench.errors import InputError
from workbench.library import Library
from workbench.plan import Plan
from workbench.planner import PlanResult
from workbench.report import client_report
from workbench.ui.session import slug
from workbench.ui.words import coach_line

__all__ = ["FilesModel"]


class FilesModel(t.HasTraits):
    """File state and actions of one dashboard (made by it as ``model.files``)."""

    # Linked from the parts that own them.
    name = t.Unicode("")  # the client's name as typed (exports and Save are named by it)
    week = t.Instance(PlanResult, allow_none=True)  # the checked week on show, if any

    client_path = t.Unicode("")  # the file the shown client was loaded from
    save_path = t.Unicode("")  # where Save writes; never a shipped example file
    confirm_overwrite = t.Unicode("")  # a save waiting for the coach's "overwrite" (its path)
    notice = t.Unicode("")  # the latest file action's outcome, one line
    export_folder = t.Unicode("exports")
    exported = t.Tuple()  # paths of the latest export: plan, coverage, client
    reported = t.Unicode("")  # the latest client report written (HTML), empty when none
    #: A week for the choices shown is being planned (linked from the planning's ``busy``).
    planning = t.Bool(False)
    #: A report asked for while the week was being planned: written once it is.
    report_waiting = t.Bool(False)
    #: Why the latest export failed, or a load when no week is on show, one line; empty
    #: when it worked. The parent shows it in the page's error line.
    error = t.Unicode("")

    def __init__(
        self,
        library: Library,
        profiles: Mapping[str, SportProfile],
        *,
        client: Callable[[], Client],
        ready: Callable[[str], PlanResult],
        show: Callable[[Client], None],
        today: Callable[[], date] = date.today,
        base_folder: str | Path | None = None,
        **traits: Any,
    ) -> None:
        self.library = library
        self.profiles = dict(profiles)
        self.client = client
        self.ready = ready
        self.show = show
        self.today = today
        self.base_folder = Path(base_folder) if base_folder is not None else Path.cwd()
        super().__init__(**traits)
        self.observe(self._on_name, names="name")
        self.observe(self._on_planning, names="planning")

    def resolve_path(self, path: str | Path) -> Path:
        """``path`` as an absolute path; a relative one is under :attr:`base_folder`."""
        given = Path(path).expanduser()
        return given if given.is_absolute() else (self.base_folder / given).resolve()

    def _on_name(self, change: Any) -> None:
        # A save path made from the old name follows the new one.
        if self.save_path == str(self._default_save_path(change.old)):
            self.save_path = str(self._default_save_path(change.new))

    # ----- the week on show ----------------------------------------------------------------

    def _checked(self, done: str) -> tuple[PlanResult, Plan, Client]:
        """The week on show and its client under the name shown now, when it passed the
        checker and matches the current choices; else an InputError saying "nothing
        ``done``"."""
        good = self.ready(done)
        assert good.plan is not None, "only a week that passed the checker is ready"
        client = replace(good.problem.client, name=self.name.strip() or good.problem.client.name)
        return good, good.plan, client

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

    def export_or_say(self) -> None:
        """:meth:`export`, a failure said in :attr:`error` (for a button)."""
        self.error = ""
        try:
            self.export()
        except InputError as error:
            self.exported = ()
            self.error = coach_line(error, self.library)
        except OSError as error:
            self.exported = ()
            where = self.resolve_path(self.export_folder)
            self.error = f"{where}: cannot write there ({error.strerror})"

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
        """:meth:`write_report`, saying the outcome in the files notice (for a button). Asked
        while the week is being planned, the report waits for it (a click on the first checked
        week, marked "improving", used to say "nothing reported" and write nothing)."""
        if self.planning:
            self.reported = ""
            self.report_waiting = True
            self.notice = "The client's report follows once this week is planned"
            return
        self.report_waiting = False
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

    def _on_planning(self, change: Any) -> None:
        if not change.new and self.report_waiting:
            self.report_or_say()

    # ----- client files --------------------------------------------------------------------

    def _default_save_path(self, name: str) -> Path:
        return self.resolve_path(f"{slug(name)}.toml")

    def _is_shipped(self, path: Path) -> bool:
        shipped = iotools.shipped_data_dir().resolve()
        return path.resolve().is_relative_to(shipped)

    def load_client(self, path: str | Path | None = None) -> None:
        """Read a client file (TOML), show it and re-plan; a bad file says why in
        :attr:`notice` (and in :attr:`error` when no week is on show).

        Save then points at the same file, unless it is a shipped example: then at
        ``<client name>.toml`` in :attr:`base_folder`.
        """
        self.error = ""
        path = self.resolve_path(path if path is not None else self.client_path)
        try:
            client = iotools.read_client(path)
            validate_client(client, self.library, self.profiles, file=str(path))
        except InputError as error:
            self._not_loaded(coach_line(error, self.library))
            return
        self.client_path = str(path)
        self._loading()
        self.show(client)
        self.save_path = str(
            self._default_save_path(client.name) if self._is_shipped(path) else path
        )
        self.notice = f"Loaded {path}"

    def load_client_text(self, text: str, label: str = "upload") -> None:
        """A client file's text (e.g. from an upload), as :meth:`load_client`; Save then
        points at a file of the upload's name in :attr:`base_folder`."""
        self.error = ""
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
        self.show(client)
        self.client_path = ""
        self.save_path = str(self.resolve_path(Path(label).name))
        self.notice = f"Loaded the uploaded {Path(label).name}"

    def load_uploaded(self, upload: tuple[str, str] | None) -> None:
        """An uploaded client file as ``(text, name)``; nothing when None."""
        if upload is not None:
            self.load_client_text(*upload)

    def _not_loaded(self, line: str) -> None:
        """A client file could not be loaded: the reason goes beside Load; the plan shown
        still fits the choices shown, so it stays current and exportable."""
        self.notice = f"Not loaded: {line}"
        if self.week is None:
            self.error = line  # nothing else on the page says why there is no plan

    def _loading(self) -> None:
        """Another client is coming: files written for the one shown are no longer offered."""
        self.confirm_overwrite = ""
        self.exported = ()
        self.reported = ""

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
