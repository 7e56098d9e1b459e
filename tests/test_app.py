"""``workbench app`` and ``workbench lab``, and ``make app``/``make lab``: what they pass to the
servers (read back by the servers' own configuration classes), the port, the one line that
says where to open the page, and a served page that needs nothing from the internet."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest
from conftest import ROOT, VENV_BIN, jupyter_environment

from workbench import app
from workbench.cli import main


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _kernel_manager_config(config: object) -> tuple[float, float, bool]:
    """The culling settings a real server kernel manager takes from ``config``."""
    from jupyter_server.services.kernels.kernelmanager import AsyncMappingKernelManager

    manager = AsyncMappingKernelManager(config=config)
    return manager.cull_idle_timeout, manager.cull_interval, manager.cull_connected


def test_voila_culls_the_kernels_of_closed_tabs() -> None:
    from voila.app import Voila

    command = app.app_command(8866, open_browser=False)
    assert command[1:3] == ["-m", "voila"]
    server = Voila()
    server.parse_command_line(command[3:])
    # Idle for 10 minutes without a connected tab: stopped; open tabs keep their kernel.
    assert _kernel_manager_config(server.config) == (600, 60, False)
    assert server.config.Voila.port == 8866 and server.config.Voila.port_retries == 0
    assert server.config.VoilaConfiguration.template == app.TEMPLATE
    assert not server.config.Voila.open_browser


def test_jupyterlab_culls_the_kernels_of_closed_tabs() -> None:
    from jupyterlab.labapp import LabApp

    command = app.lab_command(8888, open_browser=False)
    assert command[1:3] == ["-m", "jupyterlab"]
    server = LabApp()
    server.parse_command_line(command[3:])
    assert _kernel_manager_config(server.config) == (600, 60, False)
    assert server.config.ServerApp.port == 8888


def test_the_workbench_template_is_found_where_the_command_points_voila() -> None:
    from voila.paths import collect_template_paths

    root = app.JUPYTER_DATA
    env_path = app._environment()["JUPYTER_PATH"].split(os.pathsep)
    assert env_path[0] == str(root)
    found = collect_template_paths(
        ["voila", "nbconvert"], app.TEMPLATE, prune=True, root_dirs=[str(root), *_jupyter()]
    )
    assert found[0] == str(root / "voila" / "templates" / "workbench")
    assert any(path.endswith(os.path.join("voila", "templates", "lab")) for path in found)


def _jupyter() -> list[str]:
    from jupyter_core.paths import jupyter_path

    return jupyter_path()


def test_a_port_in_use_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        assert main(["app", "--port", str(port), "--no-browser"]) == 2
        err = capsys.readouterr().err
        assert f"port {port} is in use: choose another with --port" in err
        assert err.count("\n") == 1
        # No port asked for: the first free one from the default.
        assert app._port(None, port) != port


@pytest.mark.parametrize("target", ["app", "lab"])
def test_make_passes_the_port(target: str) -> None:
    def dry_run(*assignments: str) -> str:
        done = subprocess.run(
            ["make", "--no-print-directory", "-n", target, *assignments],
            cwd=ROOT,
            # Run under `make test`, a child make would otherwise say where it enters.
            env={k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MAKELEVEL")},
            capture_output=True,
            text=True,
            timeout=30,
            check=True,
        )
        return done.stdout.strip().splitlines()[-1]

    assert dry_run("PORT=8867") == f".venv/bin/workbench {target} --port 8867"
    assert "--port" not in dry_run()
    # The install speaks one line; pip's output goes to a log shown only on failure.
    install = subprocess.run(
        ["make", "-n", "-B", ".venv/.installed-stamp"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=30,
        check=True,
    ).stdout
    assert "--quiet" in install and ">.venv/install.log 2>&1" in install


@pytest.mark.notebook
def test_served_page_says_where_to_open_it_and_needs_no_cdn(tmp_path: Path) -> None:
    """The real ``workbench app``: its last start-up line is where to open the page, and the
    page (the dashboard run in a kernel) loads nothing from another host: Font Awesome comes
    with Voila's own scripts, so the dashboard's icons work offline."""
    port = _free_port()
    env = jupyter_environment(tmp_path / "jupyter")
    env.pop("WORKBENCH_CLIENT", None)
    server = subprocess.Popen(
        [str(VENV_BIN / "workbench"), "app", "--no-browser", "--port", str(port)],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        start_new_session=True,
    )
    try:
        assert server.stdout is not None
        line = server.stdout.readline().strip()  # printed once the server listens
        assert line == f"Open http://localhost:{port}/ in your browser"
        started = time.monotonic()
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=120) as response:
            page = response.read().decode("utf-8")
        assert "voila_finish" in page, f"the page did not finish ({time.monotonic() - started} s)"
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait(timeout=5)
    assert "cdn" not in page.lower()
    fetched = re.findall(r"""(?:src|href)\s*=\s*["'](https?://[^"']+)""", page)
    fetched += re.findall(r"""import\(\s*["'](https?://[^"']+)""", page)
    assert not [url for url in fetched if not url.startswith(f"http://127.0.0.1:{port}")], fetched
