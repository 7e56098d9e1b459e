"""Dashboard latency as the coach feels it: ``workbench app`` (Voila) in headless Chromium.

Measures, with the page's own clock (``performance.now()``):

- first load: from navigation until the first figure, and until all five figures, are drawn
  at their full height;
- a control change (a click on the page): until the status line changes, and until the last
  figure is redrawn (the figures area has been quiet for a second after its last mutation).

Each change is clicked forward and back ``REPEATS`` times. A change back to choices planned
a moment ago comes from the dashboard's cache of recent plans (the same inputs give the same
plan), so it shows the cost of everything around the solve; a new choice pays the solve too.
The solve's own seconds are read off the status line ("(2.53 s, highs)"), so the table splits
the total into solve and UI overhead (debounce, serialising, sending and drawing).

    .venv/bin/python benchmarks/browser_latency.py
"""

from __future__ import annotations

import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from playwright.sync_api import Page, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
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
JUPYTER_DIRS = (
    "JUPYTER_DATA_DIR",
    "JUPYTER_RUNTIME_DIR",
    "JUPYTER_CONFIG_DIR",
    "IPYTHONDIR",
    "XDG_CACHE_HOME",
    "XDG_CONFIG_HOME",
    "JUPYTERLAB_SETTINGS_DIR",
)
REPEATS = 3
REFILL = 20  # [s] for the app's pre-heated kernel to run the notebook again
GOALS = {"change": 1.0, "load": 4.0}  # [s] medians
FIGURES = ("coverage", "comparison", "minutes", "heatmap", "balance")
#: CSS selector of the element each change clicks: (forward, back).
CHANGES = {
    "weekday toggle (Sat)": (".wb-weekday-Sat", ".wb-weekday-Sat"),
    "kit home <-> garage": (".wb-kit-garage", ".wb-kit-home"),
    "equipment toggle (dumbbells)": (".wb-equipment-dumbbell", ".wb-equipment-dumbbell"),
    "avoid toggle (jumps)": (".wb-avoid-impact", ".wb-avoid-impact"),
}
SOLVE_SECONDS = re.compile(r"\((\d+(?:\.\d+)?) s, \w+\)")

#: Every figure drawn at the height its layout asks for (not 0 px, not cut).
ALL_DRAWN = """(names) => names.every(name => {
  const el = document.querySelector(`.wb-figure-${name} .js-plotly-plot`);
  if (!el || !el._fullLayout) return false;
  const height = el.getBoundingClientRect().height;
  return height > 50 && Math.abs(height - el._fullLayout.height) < 2;
})"""
#: Click, then time the status line's change and the figures' last mutation [ms].
CLICK_AND_TIME = """async (selector) => {
  const status = () => document.querySelector('.wb-status-line').innerText;
  const area = document.querySelector('.wb-figures');
  const before = status();
  let last = null, statusAt = null;
  const observer = new MutationObserver(() => { last = performance.now(); });
  observer.observe(area, {subtree: true, childList: true, attributes: true});
  const start = performance.now();
  document.querySelector(selector).click();
  while (performance.now() - start < 60000) {
    await new Promise(r => setTimeout(r, 10));
    if (statusAt === null && status() !== before) statusAt = performance.now();
    if (statusAt !== null && last !== null && performance.now() - Math.max(last, statusAt) > 1000) break;
  }
  observer.disconnect();
  return {status: statusAt && statusAt - start, figures: last && Math.max(last, statusAt) - start,
          text: status()};
}"""


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


def _first_load(page: Page, url: str) -> tuple[float, float]:
    """Seconds from navigation to the first figure drawn, and to all five."""
    page.goto(url, timeout=60_000)
    page.wait_for_function(ALL_DRAWN, arg=["coverage"], timeout=60_000, polling=20)
    first = page.evaluate("() => performance.now()") / 1000
    page.wait_for_function(ALL_DRAWN, arg=list(FIGURES), timeout=60_000, polling=20)
    every = page.evaluate("() => performance.now()") / 1000
    return first, every


def _solve_seconds(status: str) -> float:
    found = SOLVE_SECONDS.search(status)
    return float(found.group(1)) if found else float("nan")


def _measure(page: Page) -> dict[str, dict[str, list[float]]]:
    # A pinned baseline makes the comparison figure part of every redraw.
    page.get_by_role("button", name="Pin as baseline").click()
    time.sleep(1.0)
    rows: dict[str, dict[str, list[float]]] = {}
    for name, selectors in CHANGES.items():
        timings: dict[str, list[float]] = {
            key: [] for key in ("status", "figures", "solve", "cached_status", "cached_figures")
        }
        for _ in range(REPEATS):
            for selector in selectors:
                result: dict[str, Any] = page.evaluate(CLICK_AND_TIME, selector)
                if result["status"] is None or result["figures"] is None:
                    raise SystemExit(f"{name}: the page did not change ({result['text']})")
                # Choices planned a moment ago come from the cache; the status says so.
                cached = "recalled" in result["text"]
                prefix = "cached_" if cached else ""
                timings[f"{prefix}status"].append(result["status"] / 1000)
                timings[f"{prefix}figures"].append(result["figures"] / 1000)
                if not cached:
                    timings["solve"].append(_solve_seconds(result["text"]))
        rows[name] = timings
    return rows


def main() -> None:
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
            url = f"http://127.0.0.1:{port}/"
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                try:
                    loads = []
                    for _ in range(REPEATS):
                        # The app keeps one pre-heated kernel: give it time to refill.
                        time.sleep(REFILL)
                        page = browser.new_page(viewport={"width": 1500, "height": 1100})
                        loads.append(_first_load(page, url))
                        page.close()
                    time.sleep(REFILL)
                    page = browser.new_page(viewport={"width": 1500, "height": 1100})
                    _first_load(page, url)
                    rows = _measure(page)
                finally:
                    browser.close()
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=15)
    _print(loads, rows)


def _print(loads: list[tuple[float, float]], rows: dict[str, dict[str, list[float]]]) -> None:
    median = statistics.median
    first = median(f for f, _ in loads)
    every = median(e for _, e in loads)
    print(f"First load (median of {len(loads)}, page clock from navigation):")
    print(f"  first figure drawn {first:.2f} s; all five at full height {every:.2f} s")
    print(
        f"  goal: all figures under {GOALS['load']:.0f} s: {'met' if every < GOALS['load'] else 'NOT met'}"
    )
    print()
    print(
        "Control change -> status line -> every figure redrawn [s], medians (new: choices not "
        "planned before; recent: recalled from the dashboard's cache)"
    )
    print(
        "| change | new: status | new: all figures | of which solve | new: UI overhead "
        "| recent plan: status | recent plan: all figures |"
    )
    print("|---|---|---|---|---|---|---|")
    totals: dict[str, list[float]] = {"new": [], "cached": [], "overhead": []}
    for name, t in rows.items():
        overhead = [f - s for f, s in zip(t["figures"], t["solve"], strict=True)]
        totals["new"] += t["figures"]
        totals["cached"] += t["cached_figures"]
        totals["overhead"] += overhead
        print(
            f"| {name} | {median(t['status']):.2f} | {median(t['figures']):.2f} "
            f"| {median(t['solve']):.2f} | {median(overhead):.2f} "
            f"| {median(t['cached_status']):.2f} | {median(t['cached_figures']):.2f} |"
        )
    print(
        f"| **all changes** | | **{median(totals['new']):.2f}** | | **{median(totals['overhead']):.2f}** "
        f"| | **{median(totals['cached']):.2f}** |"
    )
    goal = GOALS["change"]
    print(
        f"goal: change -> all figures under {goal:.1f} s median: new choices "
        f"{'met' if median(totals['new']) < goal else 'NOT met'}, recent choices "
        f"{'met' if median(totals['cached']) < goal else 'NOT met'}"
    )


if __name__ == "__main__":
    main()
