"""The dashboard: traitlets models (:mod:`workbench.ui.model`, a thin parent of small parts)
and a widget view of them.

Only this package imports ipywidgets, and only its view modules do.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from workbench.ui.view import DashboardView

__all__ = ["BASE_ENV", "CLIENT_ENV", "EXPORTS_ENV", "dashboard", "default_client_path"]

#: ``workbench app --client FILE`` hands the file to the notebook through this variable.
CLIENT_ENV = "WORKBENCH_CLIENT"
#: ... and the folder exports go to (``./exports`` where the app was started).
EXPORTS_ENV = "WORKBENCH_EXPORTS"
#: ... and the folder the coach started it in: relative paths typed on the page resolve
#: there (a kernel's own working directory is the notebook's folder).
BASE_ENV = "WORKBENCH_CWD"
#: Shown when no client file is given.
EXAMPLE_CLIENT = "home_kettlebell.toml"


def default_client_path() -> Path:
    """``$WORKBENCH_CLIENT`` when set, otherwise the shipped example client."""
    from workbench import iotools

    chosen = os.environ.get(CLIENT_ENV)
    if chosen:
        return Path(chosen)
    return iotools.shipped_data_dir() / "clients" / EXAMPLE_CLIENT


def dashboard(
    client_path: str | os.PathLike[str] | None = None,
    *,
    export_folder: str | os.PathLike[str] | None = None,
) -> DashboardView:
    """The dashboard for a client file (default: :func:`default_client_path`), planned and drawn
    before it is displayed (Voila shows the state the notebook's cells leave).

    Relative paths typed on the page (exports folder, client files) resolve against
    ``$WORKBENCH_CWD`` (``workbench app`` and ``workbench lab`` set it to the folder they were
    started in), else the kernel's working directory."""
    from workbench.ui.view import build_dashboard

    base = Path(os.environ.get(BASE_ENV) or Path.cwd())
    return build_dashboard(
        Path(client_path) if client_path is not None else default_client_path(),
        export_folder=Path(export_folder or os.environ.get(EXPORTS_ENV) or "exports"),
        base_folder=base,
    )
