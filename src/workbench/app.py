"""Serving the dashboard: ``workbench app`` (Voila) and ``workbench lab`` (JupyterLab).

Both only launch processes; the dashboard itself is ``notebooks/workbench.ipynb``, which
calls :func:`workbench.ui.dashboard`. Servers bind 127.0.0.1 only, which is why JupyterLab
may run without a token.
"""

from __future__ import annotations

import argparse
import os
import signal
import socket
import subprocess
import sys
import time
from importlib import resources
from pathlib import Path
from types import FrameType
from typing import Any

from workbench import iotools
from workbench.client import validate_client
from workbench.errors import InputError

__all__ = [
    "BASE_ENV",
    "CLIENT_ENV",
    "CULL",
    "EXPORTS_ENV",
    "NOTEBOOK",
    "TEMPLATE",
    "add_commands",
    "app_command",
    "lab_command",
    "notebooks_dir",
    "open_line",
]

NOTEBOOK = "workbench.ipynb"
HOST = "127.0.0.1"
COMMAND_LINE = "command line"
#: The notebook reads these (see :mod:`workbench.ui`); kept as literals so this module never
#: imports the widget layer.
CLIENT_ENV = "WORKBENCH_CLIENT"
EXPORTS_ENV = "WORKBENCH_EXPORTS"
BASE_ENV = "WORKBENCH_CWD"
#: Default ports (Voila's and JupyterLab's own); a busy default moves to the next free port.
APP_PORT = 8866
LAB_PORT = 8888
#: A kernel with the dashboard holds about 600 MB: one whose tab was closed stops after this
#: long without activity [s]. Open tabs keep theirs (cull_connected False), busy ones too.
CULL_IDLE_SECONDS = 600
CULL_INTERVAL_SECONDS = 60
CULL = (
    f"--MappingKernelManager.cull_idle_timeout={CULL_IDLE_SECONDS}",
    f"--MappingKernelManager.cull_interval={CULL_INTERVAL_SECONDS}",
    "--MappingKernelManager.cull_connected=False",
)
#: Voila's lab template without the Font Awesome links to a CDN (``_jupyter/voila/templates``).
TEMPLATE = "workbench"
JUPYTER_DATA = Path(__file__).resolve().parent / "_jupyter"
#: How long the server may take to listen before the "Open ..." line is printed anyway [s].
STARTUP_SECONDS = 120


def notebooks_dir() -> Path:
    """The repository's ``notebooks/`` in a checkout, else the copy packaged in the wheel."""
    checkout = Path(__file__).resolve().parents[2] / "notebooks"
    if (checkout / NOTEBOOK).is_file():
        return checkout
    packaged = Path(str(resources.files("workbench") / "_notebooks"))
    if (packaged / NOTEBOOK).is_file():
        return packaged
    raise InputError("the dashboard notebook is not installed", file=str(checkout / NOTEBOOK))


def _port(text: str | None, default: int) -> int:
    """The port asked for (it must be free), else the first free one from ``default``."""
    if text is None:
        return next((p for p in range(default, default + 50) if _free(p)), default)
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
    if not _free(port):
        raise InputError(
            f"port {port} is in use: choose another with --port",
            file=COMMAND_LINE,
            field="--port",
            value=text,
        )
    return port


def _free(port: int) -> bool:
    with socket.socket() as probe:
        try:
            probe.bind((HOST, port))
        except OSError:
            return False
    return True


def open_line(port: int) -> str:
    """The one line that tells the coach where the dashboard is."""
    return f"Open http://localhost:{port}/ in your browser"


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


def _listening(port: int) -> bool:
    with socket.socket() as probe:
        probe.settimeout(0.5)
        return probe.connect_ex((HOST, port)) == 0


def _serve(command: list[str], env: dict[str, str], port: int) -> int:
    """Run a server in the foreground; once it listens, say where to open it (the server's
    own start-up lines are silenced). Ctrl-C or SIGTERM stop it too."""
    child = subprocess.Popen(command, env=env)

    def stop(signum: int, frame: FrameType | None) -> None:
        del frame
        child.send_signal(signum)

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        deadline = time.monotonic() + STARTUP_SECONDS
        while child.poll() is None and not _listening(port) and time.monotonic() < deadline:
            time.sleep(0.2)
        if child.poll() is None:
            print(open_line(port), flush=True)
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


def _environment(client: Path | None = None) -> dict[str, str]:
    env = dict(os.environ)
    env[EXPORTS_ENV] = str(Path.cwd() / "exports")
    env[BASE_ENV] = str(Path.cwd())
    if client is not None:
        env[CLIENT_ENV] = str(client)
    # Where Voila finds the workbench template (before the installed ones).
    env["JUPYTER_PATH"] = os.pathsep.join(
        p for p in (str(JUPYTER_DATA), os.environ.get("JUPYTER_PATH", "")) if p
    )
    return env


def app_command(port: int, *, open_browser: bool = True) -> list[str]:
    """The Voila command line ``workbench app`` runs."""
    notebook = notebooks_dir() / NOTEBOOK
    # A pre-heated kernel has run the notebook (imports, the first solve) before the coach
    # opens the page, and a fresh one is started for the next visitor: the page shows at once.
    command = [
        sys.executable,
        "-m",
        "voila",
        str(notebook),
        f"--Voila.ip={HOST}",
        f"--port={port}",
        "--Voila.port_retries=0",
        f"--template={TEMPLATE}",
        "--preheat_kernel=True",
        "--pool_size=1",
        "--Voila.log_level=WARN",
        *CULL,
    ]
    if not open_browser:
        command.append("--no-browser")
    return command


def run_app(args: argparse.Namespace) -> int:
    """``workbench app``: the dashboard notebook as a Voila web app."""
    port = _port(args.port, APP_PORT)
    client = _client_file(args.client)
    return _serve(app_command(port, open_browser=not args.no_browser), _environment(client), port)


def lab_command(port: int, *, open_browser: bool = True) -> list[str]:
    """The JupyterLab command line ``workbench lab`` runs."""
    command = [
        sys.executable,
        "-m",
        "jupyterlab",
        f"--ServerApp.ip={HOST}",
        f"--ServerApp.port={port}",
        "--ServerApp.port_retries=0",
        f"--ServerApp.root_dir={notebooks_dir()}",
        # No token: the server listens on 127.0.0.1 only.
        "--IdentityProvider.token=",
        "--ServerApp.log_level=WARN",
        *CULL,
    ]
    if not open_browser:
        command.append("--no-browser")
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.append("--allow-root")
    return command


def run_lab(args: argparse.Namespace) -> int:
    """``workbench lab``: JupyterLab on the notebooks folder."""
    port = _port(args.port, LAB_PORT)
    return _serve(lab_command(port, open_browser=not args.no_browser), _environment(), port)


def add_commands(commands: Any) -> None:
    """Register ``app`` and ``lab`` on the CLI's sub-parsers."""
    app = commands.add_parser(
        "app",
        help="serve the dashboard as a web app (Voila)",
        description=f"Serve the dashboard notebook with Voila on {HOST}. Exports are written to "
        "./exports under the folder you run this in.",
    )
    app.add_argument(
        "--port",
        metavar="P",
        help=f"port to listen on (default: {APP_PORT}, or the next free one)",
    )
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
    lab.add_argument(
        "--port",
        metavar="P",
        help=f"port to listen on (default: {LAB_PORT}, or the next free one)",
    )
    lab.add_argument("--no-browser", action="store_true", help="do not open a browser")
    lab.set_defaults(handler=run_lab)
