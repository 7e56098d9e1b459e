"""The real dashboard in a real browser: ``workbench app`` (Voila) driven by headless Chromium."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import VENV_BIN, jupyter_environment

from workbench.library import Library

ROOT = Path(__file__).resolve().parent.parent
CLIENT = ROOT / "data" / "clients" / "home_kettlebell.toml"
CHROMIUM = Path("/usr/bin/chromium")
#: Flags measured to work with Debian's Chromium under Playwright here (see ECOSYSTEM.md).
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
#: Plotly state that changes when the plan or its limits change.
FIGURE_STATE = "el => JSON.stringify({data: el.data, shapes: el.layout.shapes || []})"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait_for_port(port: int, server: subprocess.Popen[bytes], log: Path, seconds: float) -> None:
    # Every GET of a one-notebook Voila starts a kernel: poll the TCP port, not the URL.
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"workbench app exited with {server.returncode}:\n{log.read_text()}")
        with socket.socket() as probe:
            probe.settimeout(0.5)
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    pytest.fail(
        f"workbench app did not listen on {port} within {seconds:.0f} s:\n{log.read_text()}"
    )


def _stop(server: subprocess.Popen[bytes]) -> None:
    if server.poll() is not None:
        return
    os.killpg(server.pid, signal.SIGTERM)  # the server and the kernels it started
    try:
        server.wait(timeout=15)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait(timeout=5)


@pytest.fixture
def app_url(tmp_path: Path) -> Iterator[str]:
    """``workbench app`` serving on a free port, run in ``tmp_path`` so exports land there."""
    port = _free_port()
    env = jupyter_environment(tmp_path / "jupyter")
    env.pop("WORKBENCH_CLIENT", None)
    env.pop("WORKBENCH_EXPORTS", None)
    log = tmp_path / "server.log"
    with log.open("wb") as output:
        server = subprocess.Popen(
            [
                str(VENV_BIN / "workbench"),
                "app",
                "--no-browser",
                "--port",
                str(port),
                "--client",
                str(CLIENT),
            ],
            cwd=tmp_path,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        _wait_for_port(port, server, log, 60)
        yield f"http://127.0.0.1:{port}/"
    finally:
        _stop(server)


@pytest.mark.browser
def test_dashboard_in_chromium(app_url: str, tmp_path: Path, library: Library) -> None:
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make browser` (apt-get install -y chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1500, "height": 1100})
            page_errors: list[str] = []
            page.on("pageerror", lambda error: page_errors.append(str(error)))
            page.goto(app_url, timeout=60_000)
            coverage = page.locator(".wb-figure-coverage .js-plotly-plot")
            coverage.wait_for(timeout=60_000)

            # The coverage figure names every posterior-chain muscle.
            shown = coverage.evaluate("el => JSON.stringify({data: el.data, layout: el.layout})")
            names = [m.name for m in library.posterior_chain]
            assert len(names) == 16
            missing = [n for n in names if json.dumps(n)[1:-1] not in shown]
            assert not missing, f"coverage figure lacks {missing}"
            assert "proven optimal" in page.locator(".wb-status-line").text_content()

            # Move the minutes slider by keyboard (45 -> 15 min): plan and figures follow.
            minutes = page.locator(".wb-figure-minutes .js-plotly-plot")
            before = {"minutes": minutes.evaluate(FIGURE_STATE), "coverage": shown}
            handle = page.locator(".wb-minutes .noUi-handle")
            handle.focus()
            for _ in range(6):
                handle.press("ArrowLeft")
            assert page.locator(".wb-minutes .widget-readout").text_content().strip() == "15"
            deadline = time.monotonic() + 30
            while minutes.evaluate(FIGURE_STATE) == before["minutes"]:
                assert time.monotonic() < deadline, "the minutes figure never changed"
                time.sleep(0.25)
            page.wait_for_function(
                "() => document.body.innerText.includes('/ 15 min')", timeout=10_000
            )
            after = coverage.evaluate("el => JSON.stringify({data: el.data, layout: el.layout})")
            assert after != before["coverage"]

            # Export: CSVs land in ./exports of the app's folder and pass the checker.
            page.locator(".wb-export").click()
            page.locator("a.wb-download").first.wait_for(timeout=20_000)
            links = page.locator("a.wb-download").all_text_contents()
            assert any(link.endswith("_plan.csv") for link in links)
            plans = list((tmp_path / "exports").glob("*_plan.csv"))
            assert len(plans) == 1
            assert list((tmp_path / "exports").glob("*_coverage.csv"))
            check = subprocess.run(
                [str(VENV_BIN / "workbench"), "check", str(plans[0]), "--client", str(CLIENT)],
                capture_output=True,
                text=True,
                timeout=60,
            )
            assert check.returncode == 0, check.stdout + check.stderr
            assert not page_errors, page_errors
        finally:
            browser.close()


def test_chromium_is_installed() -> None:
    """The browser test must never be skipped for want of a browser."""
    assert CHROMIUM.exists() or shutil.which("chromium"), (
        "Chromium is missing: run `make browser` (apt-get install -y chromium)"
    )


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["app", "--port", "http"], "'http' is not a port number"),
        (["app", "--port", "70000"], "'70000' is not a port number"),
        (["lab", "--port", "0"], "'0' is not a port number"),
        (["app", "--client", "no/such/client.toml"], "not found"),
    ],
)
def test_serving_commands_reject_bad_input_in_one_line(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from workbench.cli import main

    assert main(argv) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1
