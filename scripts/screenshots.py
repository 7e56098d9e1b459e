"""Screenshots of the real dashboard for the docs: ``workbench app`` driven by Chromium.

Writes ``docs/screenshots/dashboard.png`` (the first screen as the page loads, nothing
touched), ``figures.png`` (the figures area, after pinning a baseline and switching to the
garage kit so the comparison shows) and ``block.png`` (the block view: a 4-week block
planned, its deload week picked).

    .venv/bin/python scripts/screenshots.py
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
CLIENT = ROOT / "data" / "clients" / "home_kettlebell.toml"
CHROMIUM = "/usr/bin/chromium"
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
#: Every figure drawn at the height its layout asks for.
ALL_DRAWN = """() => ['coverage', 'comparison', 'minutes', 'heatmap', 'balance'].every(name => {
  const el = document.querySelector(`.wb-figure-${name} .js-plotly-plot`);
  if (!el || !el._fullLayout) return false;
  const height = el.getBoundingClientRect().height;
  return height > 50 && Math.abs(height - el._fullLayout.height) < 2;
})"""
JUPYTER_DIRS = (
    "JUPYTER_DATA_DIR",
    "JUPYTER_RUNTIME_DIR",
    "JUPYTER_CONFIG_DIR",
    "IPYTHONDIR",
    "XDG_CACHE_HOME",
    "XDG_CONFIG_HOME",
    "JUPYTERLAB_SETTINGS_DIR",
)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait_for_port(port: int, server: subprocess.Popen[bytes], seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"workbench app exited with {server.returncode}")
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    raise SystemExit(f"workbench app did not listen on {port}")


def _all_drawn(page: Page) -> None:
    """Wait until every figure is drawn at its full height, as a coach sees it on load."""
    page.wait_for_function(ALL_DRAWN, timeout=90_000, polling=100)


def _shoot(url: str) -> None:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            # The first screen as the page loads: no control touched, nothing resized.
            page = browser.new_page(viewport={"width": 1500, "height": 1150})
            page.goto(url, timeout=90_000)
            _all_drawn(page)
            time.sleep(0.5)
            page.screenshot(path=str(OUT / "dashboard.png"))
            page.close()
            # The figures area is taller than a screen, and Voila paints only what its own
            # scroll box shows: open the page in a window tall enough for all of it (from the
            # start), pin a baseline and switch to the garage kit so the comparison shows.
            time.sleep(20)  # the app's pre-heated kernel refills for the next page
            page = browser.new_page(viewport={"width": 1500, "height": 4000})
            page.goto(url, timeout=90_000)
            _all_drawn(page)
            page.get_by_role("button", name="Pin as baseline").click()
            page.wait_for_function(
                "() => document.querySelector('.wb-figure-comparison .js-plotly-plot')"
                "?.data?.length >= 2",
                timeout=120_000,
            )
            status = page.locator(".wb-status-line").inner_text()
            page.locator(".wb-kit-garage").click()
            page.wait_for_function(
                "(before) => document.querySelector('.wb-status-line').innerText !== before",
                arg=status,
                timeout=300_000,
            )
            _all_drawn(page)
            time.sleep(1.0)
            page.locator(".wb-figures").screenshot(path=str(OUT / "figures.png"))
            page.close()
            # The block view: a 4-week block for the same client, its deload week picked.
            time.sleep(20)
            page = browser.new_page(viewport={"width": 1500, "height": 4000})
            page.goto(url, timeout=90_000)
            _all_drawn(page)
            page.locator(".wb-block-weeks select").select_option("4")
            page.locator(".wb-block-plan").click()
            page.locator(".wb-figure-block-lines .js-plotly-plot").wait_for(timeout=120_000)
            page.locator(".wb-block-week-picker button", has_text="deload").click()
            page.wait_for_function(
                "() => document.querySelector('.wb-block-week')?.dataset.role === 'deload'",
                timeout=30_000,
            )
            time.sleep(1.0)
            page.locator(".wb-block").screenshot(path=str(OUT / "block.png"))
        finally:
            browser.close()


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        env = dict(os.environ)
        for name in JUPYTER_DIRS:
            (Path(folder) / name.lower()).mkdir()
            env[name] = str(Path(folder) / name.lower())
        port = _free_port()
        workbench = Path(sys.executable).parent / "workbench"
        server = subprocess.Popen(
            [str(workbench), "app", "--no-browser", "--port", str(port), "--client", str(CLIENT)],
            cwd=folder,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        try:
            _wait_for_port(port, server)
            _shoot(f"http://127.0.0.1:{port}/")
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=15)
    print(f"wrote {OUT / 'dashboard.png'}, {OUT / 'figures.png'} and {OUT / 'block.png'}")


if __name__ == "__main__":
    main()
