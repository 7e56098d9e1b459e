"""Serving the dashboard: ``workbench app`` (Voila) and ``workbench lab`` (JupyterLab).

Both only launch processes; the dashboard itself is ``notebooks/workbench.ipynb``, which
calls :func:`workbench.ui.dashboard`. Servers bind 127.0.0.1 only, which is why JupyterLab
may run without a token.
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
from importlib import resources
from pathlib import Path
from types import FrameType
from typing import Any

from workbench import iotools
from workbench.client import validate_client
from workbench.errors import InputError

__all__ = ["BASE_ENV", "CLIENT_ENV", "EXPORTS_ENV", "NOTEBOOK", "add_commands", "notebooks_dir"]

NOTEBOOK = "workbench.ipynb"
HOST = "127.0.0.1"
COMMAND_LINE = "command line"
#: The notebook reads these (see :mod:`workbench.ui`); kept as literals so this module never
#: imports the widget layer.
CLIENT_ENV = "WORKBENCH_CLIENT"
EXPORTS_ENV = "WORKBENCH_EXPORTS"
BASE_ENV = "WORKBENCH_CWD"


def notebooks_dir() -> Path:
    """The repository's ``notebooks/`` in a checkout, else the copy packaged in the wheel."""
    checkout = Path(__file__).resolve().parents[2] / "notebooks"
    if (checkout / NOTEBOOK).is_file():
        return checkout
    packaged = Path(str(resources.files("workbench") / "_notebooks"))
    if (packaged / NOTEBOOK).is_file():
        return packaged
    raise InputError("the dashboard notebook is not installed", file=str(checkout / NOTEBOOK))


def _port(text: str | None) -> int | None:
    if text is None:
        return None
    try:
        port = int(text)
    except ValueError:
        port = 0
    if not 1 <= port <= 65535:
        raise InputError(
            f"'{text}' is not a port number (1..65535)",
            file=COMMAND_LINE,
            field="--port",
            value=text,
        )
    return port


def _client_file(text: str | None) -> Path | None:
    """The ``--client`` file, checked now so a mistake is one line here, not a page error."""
    if text is None:
        return None
    path = Path(text).expanduser().resolve()
    library = iotools.read_library()
    validate_client(
        iotools.read_client(text), library, iotools.read_sport_profiles(library=library), file=text
    )
    return path


def _serve(command: list[str], env: dict[str, str]) -> int:
    """Run a server in the foreground; Ctrl-C or SIGTERM stop it too."""
    child = subprocess.Popen(command, env=env)

    def stop(signum: int, frame: FrameType | None) -> None:
        del frame
        child.send_signal(signum)

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        return child.wait()
    except KeyboardInterrupt:
        child.terminate()
        try:
            child.wait(timeout=10)
        except subprocess.TimeoutExpired:
            child.kill()
        return 130
    finally:
        signal.signal(signal.SIGTERM, previous)


def run_app(args: argparse.Namespace) -> int:
    """``workbench app``: the dashboard notebook as a Voila web app."""
    port = _port(args.port)
    client = _client_file(args.client)
    notebook = notebooks_dir() / NOTEBOOK
    env = dict(os.environ)
    env[EXPORTS_ENV] = str(Path.cwd() / "exports")
    env[BASE_ENV] = str(Path.cwd())
    if client is not None:
        env[CLIENT_ENV] = str(client)
    # A pre-heated kernel has run the notebook (imports, the first solve) before the coach
    # opens the page, and a fresh one is started for the next visitor: the page shows at once.
    command = [
        sys.executable,
        "-m",
        "voila",
        str(notebook),
        f"--Voila.ip={HOST}",
        "--preheat_kernel=True",
        "--pool_size=1",
    ]
    if port is not None:
        command.append(f"--port={port}")
    if args.no_browser:
        command.append("--no-browser")
    return _serve(command, env)


def run_lab(args: argparse.Namespace) -> int:
    """``workbench lab``: JupyterLab on the notebooks folder."""
    port = _port(args.port)
    folder = notebooks_dir()
    env = dict(os.environ)
    env[EXPORTS_ENV] = str(Path.cwd() / "exports")
    env[BASE_ENV] = str(Path.cwd())
    command = [
        sys.executable,
        "-m",
        "jupyterlab",
        f"--ServerApp.ip={HOST}",
        f"--ServerApp.root_dir={folder}",
        # No token: the server listens on 127.0.0.1 only.
        "--IdentityProvider.token=",
    ]
    if port is not None:
        command.append(f"--ServerApp.port={port}")
    if args.no_browser:
        command.append("--no-browser")
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.append("--allow-root")
    return _serve(command, env)


def add_commands(commands: Any) -> None:
    """Register ``app`` and ``lab`` on the CLI's sub-parsers."""
    app = commands.add_parser(
        "app",
        help="serve the dashboard as a web app (Voila)",
        description=f"Serve the dashboard notebook with Voila on {HOST}. Exports are written to "
        "./exports under the folder you run this in.",
    )
    app.add_argument("--port", metavar="P", help="port to listen on (default: Voila's, 8866)")
    app.add_argument("--no-browser", action="store_true", help="do not open a browser")
    app.add_argument(
        "--client", metavar="FILE", help="client file (TOML) to open (default: an example client)"
    )
    app.set_defaults(handler=run_app)

    lab = commands.add_parser(
        "lab",
        help="open JupyterLab on the notebooks",
        description=f"Open JupyterLab on the notebooks folder, on {HOST} (no token: local only).",
    )
    lab.add_argument("--port", metavar="P", help="port to listen on (default: JupyterLab's, 8888)")
    lab.add_argument("--no-browser", action="store_true", help="do not open a browser")
    lab.set_defaults(handler=run_lab)
