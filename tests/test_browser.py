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
from typing import Any

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


#: Every figure drawn at the height its layout asks for (a 0 px or cut figure fails).
ALL_DRAWN = """(names) => names.every(name => {
  const el = document.querySelector(`.wb-figure-${name} .js-plotly-plot`);
  if (!el || !el._fullLayout) return false;
  const height = el.getBoundingClientRect().height;
  return height > 50 && Math.abs(height - el._fullLayout.height) < 2;
})"""
#: Each figure's drawn height and the height its layout asks for [px].
HEIGHTS = """() => Object.fromEntries([...document.querySelectorAll('.js-plotly-plot')].map(el => [
  el.closest('[class*="wb-figure-"]').className.match(/wb-figure-(\\w+)/)[1],
  [el.getBoundingClientRect().height, el._fullLayout.height]]))"""
FIGURES = ("coverage", "comparison", "minutes", "heatmap", "balance")


def _launch(playwright: Any) -> Any:
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make browser` (apt-get install -y chromium)")
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)


def _assert_every_figure_at_full_height(page: Any, where: str) -> None:
    """Every figure visible at its full height as the page loads, with no control touched."""
    try:
        page.wait_for_function(ALL_DRAWN, arg=list(FIGURES), timeout=60_000, polling=100)
    except Exception:
        pytest.fail(f"{where}: not every figure is drawn at full height: {page.evaluate(HEIGHTS)}")
    heights = page.evaluate(HEIGHTS)
    assert sorted(heights) == sorted(FIGURES), heights
    for name, (drawn, asked) in heights.items():
        assert drawn >= 200 and abs(drawn - asked) < 2, f"{where}: {name} is {drawn} px of {asked}"


#: Records every text the status line shows (a MutationObserver sees each change to the
#: page, even one replaced before the browser paints or a poll looks).
WATCH_STATUS = """() => {
  window.__wbStatuses = [];
  const seen = () => {
    const line = document.querySelector('.wb-status-line');
    if (line) window.__wbStatuses.push(line.innerText);
  };
  new MutationObserver(seen).observe(
    document.body, {subtree: true, childList: true, characterData: true});
}"""


def _watch_status(page: Any) -> None:
    """Start recording the status line's texts (call before the change)."""
    page.evaluate(WATCH_STATUS)


def _wait_for_status_change(page: Any, before: str, *, improving: bool = False) -> str:
    """The status line once the new week is final (planned or recalled); with
    ``improving`` (after :func:`_watch_status`), a checked week marked improving must have
    been shown first."""
    page.wait_for_function(
        "(before) => { const now = document.querySelector('.wb-status-line').innerText;"
        " return now !== before && now.startsWith('Week '); }",
        arg=before,
        timeout=60_000,
    )
    if improving:
        shown = page.evaluate("() => window.__wbStatuses")
        assert any("improving" in text for text in shown), shown
    return str(page.locator(".wb-status-line").inner_text())


@pytest.mark.browser
def test_dashboard_in_chromium(app_url: str, tmp_path: Path, library: Library) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = _launch(playwright)
        try:
            page = browser.new_page(viewport={"width": 1500, "height": 1100})
            page_errors: list[str] = []
            page.on("pageerror", lambda error: page_errors.append(str(error)))
            # Offline: nothing may come from another host (Font Awesome was fetched from a CDN).
            outside: list[str] = []
            page.route(
                "**/*",
                lambda route: (
                    route.continue_()
                    if route.request.url.startswith((app_url, "data:"))
                    else (outside.append(route.request.url), route.abort())
                ),
            )
            page.goto(app_url, timeout=60_000)
            coverage = page.locator(".wb-figure-coverage .js-plotly-plot")
            coverage.wait_for(timeout=60_000)
            _assert_every_figure_at_full_height(page, "Voila, first load")

            # The coverage figure names every posterior-chain muscle.
            shown = coverage.evaluate("el => JSON.stringify({data: el.data, layout: el.layout})")
            names = [m.name for m in library.posterior_chain]
            assert len(names) == 16
            missing = [n for n in names if json.dumps(n)[1:-1] not in shown]
            assert not missing, f"coverage figure lacks {missing}"
            assert "Week planned in " in page.locator(".wb-status-line").text_content()
            # The icons draw with Voila's own Font Awesome, offline.
            icon = page.locator(".wb-export i.fa")
            assert icon.evaluate("el => getComputedStyle(el).fontFamily").startswith(
                '"Font Awesome 5'
            )
            assert icon.evaluate("el => el.getBoundingClientRect().width") > 5
            assert page.evaluate("() => document.fonts.check('900 14px \"Font Awesome 5 Free\"')")

            # Move the minutes slider by keyboard (45 -> 30 min): plan and figures follow.
            minutes = page.locator(".wb-figure-minutes .js-plotly-plot")
            before = {"minutes": minutes.evaluate(FIGURE_STATE), "coverage": shown}
            handle = page.locator(".wb-minutes .noUi-handle")
            handle.focus()
            for _ in range(3):
                handle.press("ArrowLeft")
            assert page.locator(".wb-minutes .widget-readout").text_content().strip() == "30"
            deadline = time.monotonic() + 30
            while minutes.evaluate(FIGURE_STATE) == before["minutes"]:
                assert time.monotonic() < deadline, "the minutes figure never changed"
                time.sleep(0.25)
            page.wait_for_function(
                "() => document.body.innerText.includes('/ 30 min')", timeout=10_000
            )
            after = coverage.evaluate("el => JSON.stringify({data: el.data, layout: el.layout})")
            assert after != before["coverage"]
            _assert_every_figure_at_full_height(page, "Voila, after a change")

            # One click on an equipment item adds that item and keeps every other one.
            active = ".wb-equipment .widget-toggle-button.mod-active"
            assert page.locator(active).count() == 3  # the home kit
            status = str(page.locator(".wb-status-line").inner_text())
            _watch_status(page)
            page.locator(".wb-equipment-dumbbell").click()
            assert page.locator(active).count() == 4
            # A new week: the first checked one drawn and marked improving, then the final.
            status = _wait_for_status_change(page, status, improving=True)
            page.locator(".wb-equipment-band").click()
            assert page.locator(active).count() == 3
            assert page.locator(".wb-equipment-dumbbell.mod-active").count() == 1
            _wait_for_status_change(page, status)

            # Export: CSVs land in ./exports of the app's folder and pass the checker.
            page.locator(".wb-export").click()
            page.locator("a.wb-download").first.wait_for(timeout=20_000)
            links = page.locator("a.wb-download").all_text_contents()
            assert any(link.endswith("_plan.csv") for link in links)
            plans = list((tmp_path / "exports").glob("sam_home_*_plan.csv"))
            assert len(plans) == 1
            assert list((tmp_path / "exports").glob("*_coverage.csv"))
            exported_client = next((tmp_path / "exports").glob("sam_home_*_client.toml"))
            assert "dumbbell" in exported_client.read_text(encoding="utf-8")  # the choices shown
            check = subprocess.run(
                [
                    str(VENV_BIN / "workbench"),
                    "check",
                    str(plans[0]),
                    "--client",
                    str(exported_client),
                ],
                capture_output=True,
                text=True,
                timeout=60,
            )
            assert check.returncode == 0, check.stdout + check.stderr

            # Rename, export twice: new names, the new name inside, nothing overwritten.
            name = page.locator(".wb-client-name input")
            name.fill("Jo Copy")
            name.press("Enter")
            page.wait_for_function(
                "() => document.querySelector('.wb-plan-table').innerText.includes('Jo Copy')",
                timeout=10_000,
            )
            for copy in ("", "-2"):
                page.locator(".wb-export").click()
                page.wait_for_function(
                    "(copy) => [...document.querySelectorAll('a.wb-download')]"
                    ".some(a => a.innerText.endsWith(copy + '_client.toml') "
                    "&& a.innerText.startsWith('jo_copy_'))",
                    arg=copy,
                    timeout=20_000,
                )
            exports = tmp_path / "exports"
            clients = sorted(exports.glob("jo_copy_*_client.toml"))
            assert len(clients) == 2 and len(list(exports.glob("jo_copy_*_plan.csv"))) == 2
            assert all('name = "Jo Copy"' in p.read_text(encoding="utf-8") for p in clients)
            original = next(exports.glob("sam_home_*_client.toml"))
            assert 'name = "Sam (home)"' in original.read_text(encoding="utf-8")

            # Save: says where it wrote, asks before overwriting, then overwrites on "yes".
            page.get_by_text("Client file", exact=True).click()
            save_as = page.locator(".wb-save-path input")
            save_as.wait_for(timeout=10_000)
            assert save_as.input_value() == str(tmp_path / "jo_copy.toml")
            notice = page.locator(".wb-file-notice")
            page.locator(".wb-save").click()
            page.wait_for_function(
                "() => document.querySelector('.wb-file-notice').innerText.startsWith('Saved')",
                timeout=10_000,
            )
            assert str(tmp_path / "jo_copy.toml") in notice.inner_text()
            assert (tmp_path / "jo_copy.toml").is_file()
            assert not page.locator(".wb-overwrite").is_visible()
            page.locator(".wb-save").click()
            page.locator(".wb-overwrite").wait_for(state="visible", timeout=10_000)
            assert "overwrite it?" in notice.inner_text()
            page.locator(".wb-overwrite").click()
            page.locator(".wb-overwrite").wait_for(state="hidden", timeout=10_000)
            # The button hides as the click lands; the notice follows once the file is written
            # (a loaded CI run read it between the two).
            page.wait_for_function(
                "() => document.querySelector('.wb-file-notice').innerText.startsWith('Saved')",
                timeout=10_000,
            )
            assert notice.inner_text().startswith("Saved Jo Copy")

            # Lock the first row of the plan table: the lock is listed by exercise name.
            first = page.locator(".wb-plan-row select").input_value()
            assert first  # a row is chosen
            page.locator(".wb-lock-row").click()
            page.wait_for_function(
                "() => document.querySelector('.wb-placements').innerText.includes('Locked: ')",
                timeout=30_000,
            )
            assert " on Mon" in page.locator(".wb-placements").inner_text()
            # The locked week is planned on the worker; a report waits for its final week.
            page.wait_for_function(
                "() => !document.body.innerText.includes('re-planning') && document"
                ".querySelector('.wb-status-line').innerText.startsWith('Week ')",
                timeout=60_000,
            )

            # The client's handout from the files panel, offered for download.
            page.locator(".wb-report").click()
            page.locator(".wb-report-link a.wb-download").wait_for(timeout=60_000)
            assert list(tmp_path.glob("exports/jo_copy_*_report.html"))
            assert not page_errors, page_errors
            assert not outside, outside
        finally:
            browser.close()


#: The block view's figures, each drawn at the height its layout asks for, with their data.
BLOCK_DRAWN = """() => ['sets', 'lines'].map(name => {
  const el = document.querySelector(`.wb-figure-block-${name} .js-plotly-plot`);
  if (!el || !el._fullLayout) return null;
  return {height: el.getBoundingClientRect().height, asked: el._fullLayout.height,
          traces: el.data.length, points: el.data.reduce((n, t) => n + (t.z || t.y).length, 0)};
})"""
#: The colour a deload or taper is marked in (``present.COLOURS["cut"]``), as CSS computes it.
CUT_RGB = "rgb(224, 122, 31)"


@pytest.mark.browser
def test_block_view_in_chromium(app_url: str, tmp_path: Path) -> None:
    """Plan a 4-week block for the short-session example client and look at what is drawn:
    both figures at full height with their data, the deload marked on each and on the week
    picker, the picker changing the week's table, the block CSV offered and passing
    ``workbench check``."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = _launch(playwright)
        try:
            # Tall: Voila paints only what its scroll box shows (the screenshot on failure).
            page = browser.new_page(viewport={"width": 1500, "height": 2600})
            page_errors: list[str] = []
            page.on("pageerror", lambda error: page_errors.append(str(error)))
            page.goto(app_url, timeout=60_000)
            page.locator(".wb-figure-coverage .js-plotly-plot").wait_for(timeout=60_000)
            try:
                page.locator(".wb-block-weeks select").select_option("4")
                page.locator(".wb-block-plan").click()
                page.wait_for_function(
                    f"() => ({BLOCK_DRAWN})().every(f => f && f.height > 200 "
                    "&& Math.abs(f.height - f.asked) < 2 && f.points > 0)",
                    timeout=60_000,
                    polling=100,
                )
                status = page.locator(".wb-block-status").inner_text()
                assert status.startswith("Block of 4 weeks planned in "), status
                assert "deload week 4" in status and "every week passes the checker" in status
                assert page.locator(".wb-block-error").inner_text() == ""
                heat, lines = page.evaluate(BLOCK_DRAWN)
                assert heat["traces"] == 1 and heat["points"] == 4  # a row per week
                assert lines["traces"] == 4  # the prime movers

                # The deload at a glance: named in capitals in the heatmap's rows, on the
                # lines' axis, and on its own coloured button of the week picker.
                rows = page.locator(".wb-figure-block-sets .ytick text").all_text_contents()
                assert rows == [
                    "Week 1 · accumulation",
                    "Week 2 · accumulation",
                    "Week 3 · accumulation",
                    "Week 4 · DELOAD",
                ], rows
                ticks = page.locator(".wb-figure-block-lines .xtick text").all_text_contents()
                assert any("deload" in tick for tick in ticks[3:]), ticks
                buttons = page.locator(".wb-block-week-picker button")
                assert buttons.all_text_contents() == ["1", "2", "3", "4 deload"]
                colour = buttons.nth(3).evaluate("el => getComputedStyle(el).color")
                assert (
                    colour == CUT_RGB
                    and buttons.nth(0).evaluate("el => getComputedStyle(el).color") != CUT_RGB
                )

                # The week picker changes the table: week 1, then the deload.
                table = page.locator(".wb-block-week")
                assert table.get_attribute("data-week") == "1"
                first = page.locator(".wb-block-week-table").inner_text()
                assert "RIR 3" in first and "per side" in first
                buttons.nth(3).click()
                page.wait_for_function(
                    "() => document.querySelector('.wb-block-week').dataset.week === '4'",
                    timeout=10_000,
                )
                assert table.get_attribute("data-role") == "deload"
                deload = page.locator(".wb-block-week-table").inner_text()
                assert deload != first and "Deload week: " in deload and "RIR 4" in deload

                # Export: the block CSV offered for download, written, passing the checker.
                page.locator(".wb-block-export").click()
                link = page.locator(".wb-block-downloads a.wb-download").first
                link.wait_for(timeout=20_000)
                assert link.inner_text().endswith("_block.csv")
                exported = next((tmp_path / "exports").glob("sam_home_*_block.csv"))
                client = next((tmp_path / "exports").glob("sam_home_*_block_client.toml"))
                check = subprocess.run(
                    [str(VENV_BIN / "workbench"), "check", str(exported), "--client", str(client)],
                    capture_output=True,
                    text=True,
                    timeout=60,
                )
                assert check.returncode == 0, check.stdout + check.stderr
                assert "each of its 4 weeks" in check.stdout
                page.locator(".wb-block-report").click()
                page.locator(".wb-block-report-link a.wb-download").wait_for(timeout=20_000)
                assert list((tmp_path / "exports").glob("sam_home_*_block_report.html"))
                # Still drawn at full height after the clicks.
                for drawn in page.evaluate(BLOCK_DRAWN):
                    assert drawn["height"] > 200 and abs(drawn["height"] - drawn["asked"]) < 2
                assert not page_errors, page_errors
            except BaseException:
                page.screenshot(path=str(tmp_path / "block-view.png"), full_page=True)
                raise
        finally:
            browser.close()


@pytest.mark.browser
def test_jupyterlab_run_all_draws_every_figure(tmp_path: Path) -> None:
    """JupyterLab, the dashboard notebook, Run All: every figure at full height, no label cut."""
    from playwright.sync_api import sync_playwright

    folder = tmp_path / "notebooks"
    folder.mkdir()
    shutil.copy(ROOT / "notebooks" / "workbench.ipynb", folder / "workbench.ipynb")
    port = _free_port()
    env = jupyter_environment(tmp_path / "jupyter")
    env["WORKBENCH_CLIENT"] = str(CLIENT)
    env["WORKBENCH_CWD"] = str(tmp_path)
    log = tmp_path / "lab.log"
    with log.open("wb") as output:
        server = subprocess.Popen(
            [
                str(VENV_BIN / "python"),
                "-m",
                "jupyterlab",
                "--no-browser",
                "--allow-root",
                "--ServerApp.ip=127.0.0.1",
                f"--ServerApp.port={port}",
                f"--ServerApp.root_dir={folder}",
                "--IdentityProvider.token=",
                "--LabApp.news_url=",
                "--LabApp.expose_app_in_browser=True",
                "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
            ],
            cwd=tmp_path,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        _wait_for_port(port, server, log, 60)
        with sync_playwright() as playwright:
            browser = _launch(playwright)
            try:
                # 1400 px cut the level buttons' words and the plan's time column.
                page = browser.new_page(viewport={"width": 1400, "height": 1100})
                page.goto(f"http://127.0.0.1:{port}/lab/tree/workbench.ipynb", timeout=60_000)
                page.wait_for_function(
                    "() => window.jupyterapp && document.querySelector('.jp-Notebook')",
                    timeout=60_000,
                )
                # Wait for the kernel to be idle, then Run All (what a coach clicks).
                page.wait_for_function(
                    "() => { const w = window.jupyterapp.shell.currentWidget;"
                    " return w && w.sessionContext && w.sessionContext.session &&"
                    " w.sessionContext.session.kernel &&"
                    " w.sessionContext.session.kernel.status === 'idle'; }",
                    timeout=60_000,
                )
                page.evaluate("() => window.jupyterapp.commands.execute('notebook:run-all-cells')")
                page.locator(".wb-figure-coverage .js-plotly-plot").wait_for(timeout=90_000)
                _assert_every_figure_at_full_height(page, "JupyterLab, after Run All")
                # Button labels are not cut to "Pin …": each button is as wide as its text.
                for label in ("Pin as baseline", "Clear baseline", "Export"):
                    button = page.get_by_role("button", name=label)
                    cut = button.evaluate("el => el.scrollWidth > el.clientWidth + 1")
                    assert not cut, f"JupyterLab cuts the '{label}' button"
                for label in ("beginner", "intermediate", "advanced"):
                    button = page.locator(".wb-level button", has_text=label)
                    cut = button.evaluate("el => el.scrollWidth > el.clientWidth + 1")
                    assert not cut, f"JupyterLab cuts the level '{label}'"
                # The plan's box (beside the coverage figure, or below it) holds the whole
                # table: the last column's words inside, nothing to scroll to.
                sizes = page.locator(".wb-plan-box").evaluate(
                    "el => { const words = document.createRange(); words.selectNodeContents("
                    "el.querySelector('.wb-plan tr:last-child td:last-child'));"
                    " return {last: words.getBoundingClientRect().right,"
                    " right: el.getBoundingClientRect().right,"
                    " content: el.scrollWidth, width: el.clientWidth}; }"
                )
                fits = (
                    sizes["last"] <= sizes["right"] + 1 and sizes["content"] <= sizes["width"] + 1
                )
                assert fits, f"JupyterLab cuts the plan's time column: {sizes}"
                # The coverage figure's muscle labels are inside the figure, not clipped.
                ticks = page.locator(".wb-figure-coverage .yaxislayer-above text")
                assert ticks.count() >= 16
                box = page.locator(".wb-figure-coverage .js-plotly-plot").bounding_box()
                first = ticks.first.bounding_box()
                assert box is not None and first is not None and first["x"] >= box["x"] - 1
            finally:
                browser.close()
    finally:
        _stop(server)


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
