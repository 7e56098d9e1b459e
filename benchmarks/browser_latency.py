"""Dashboard latency as the coach feels it: ``workbench app`` (Voila) in headless Chromium, on
generated clients (``workbench.generate.generate_client``) from 3 x 45 to 6 x 120 minutes.

Every time is read off the page's own clock (``performance.now()``) from the moment of the
change (a click, or a key on the minutes slider):

- **a checked week drawn**: the status line names the new week (the first checked one,
  marked improving, or the final one); the plan table shows it already (the dashboard sends
  the week's plan, then its line, then its figures); the table also gives the time until the
  coverage figure beside it is redrawn;
- **every figure redrawn**: the final week's status is shown and every figure of that week
  is drawn at full height (the figures say which week they belong to: a week whose figures
  equal those on the page redraws nothing, and counts from its status line);
- **a long week** (5-6 days of 75-120 minutes, a new equipment item): how soon the page shows
  progress (the "re-planning" mark, then a checked week);
- **a change made while it plans**: as soon as that long week's first checked week is drawn
  and it is still planning, the item is clicked off again; the time until the week of those
  choices (planned before: recalled) is drawn.

Each client is loaded through the page (Client file, Load), a baseline is pinned (so the
comparison figure is part of every redraw), then each change is made and undone after a
pause (``--think``) in which the dashboard's idle prefetch may plan the likely next moves:
the "recalled" column says which weeks came from its cache. The 1-minute load average is
read beside every figure (the machine has two cores and other work may run beside it).

    .venv/bin/python benchmarks/browser_latency.py [--clients 6] [--seed 7000] [--think 4]
"""

from __future__ import annotations

import argparse
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from playwright.sync_api import Page, sync_playwright

from workbench import iotools
from workbench.client import Client
from workbench.generate import generate_client

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
#: The clients' (days, minutes): short to long, the last three the issue's long weeks.
SHAPES = ((3, 45), (4, 60), (5, 75), (6, 90), (5, 105), (6, 120))
#: Goals of issue 16 [s].
GOALS = {"checked_median": 0.4, "checked_p95": 1.0, "figures_median": 1.0, "progress": 1.0}
#: Equipment a client may be given by a click, in the order tried.
ITEMS = ("dumbbell", "kettlebell", "band", "bench", "pullup_bar", "barbell", "cable", "box")
PLANNED = re.compile(r"^Week (?:planned|recalled) in ([\d.]+) s")

#: Every figure drawn at the height its layout asks for.
ALL_DRAWN = """(names) => names.every(name => {
  const el = document.querySelector(`.wb-figure-${name} .js-plotly-plot`);
  if (!el || !el._fullLayout) return false;
  const height = el.getBoundingClientRect().height;
  return height > 50 && Math.abs(height - el._fullLayout.height) < 2;
})"""
#: Start timing: watch the status line and the figures, each stamped by the dashboard with the
#: number of the week it shows (``data-week`` on the line, ``wb-week-<n>`` on the figures'
#: grid). ``until`` is "final" (every figure of the final week drawn) or "checked" (the first
#: checked week's coverage figure drawn). The change itself is made right after this returns.
ARM = """(until) => {
  const grid = document.querySelector('.wb-figures-grid');
  const line = () => document.querySelector('.wb-status-line .wb-status');
  const status = () => line().innerText;
  const statusWeek = () => +line().dataset.week;
  const gridWeek = () => { const m = grid.className.match(/wb-week-(\\d+)/); return m ? +m[1] : -1; };
  const busy = () => { const el = document.querySelector('.wb-busy');
                       return !!el && el.innerText.includes('re-planning'); };
  const names = ['coverage', 'comparison', 'minutes', 'heatmap', 'balance'];
  // Each child of the grid is marked with the week it arrived with; the latest slot of a
  // figure is the one on show (a replaced one may linger a moment).
  const mark = () => { const w = gridWeek();
    for (const child of grid.children) if (!child.dataset.week) child.dataset.week = w; };
  const drawn = (name) => {
    const slots = [...grid.children].filter(c => c.querySelector(`.wb-figure-${name}`));
    if (!slots.length) return false;
    const slot = slots.reduce((a, b) => (+b.dataset.week >= +a.dataset.week ? b : a));
    const el = slot.querySelector('.js-plotly-plot');
    if (!el || !el._fullLayout) return false;
    const h = el.getBoundingClientRect().height;
    return h > 50 && Math.abs(h - el._fullLayout.height) < 2; };
  mark();
  // A week is new by its number, not its words: two recalls can read the same.
  const m = {before: statusWeek(), start: performance.now(), busy: null, checked: null,
             coverage: null, final: null, figures: null, improving: false, text: '',
             planning: false, week: null, finalWeek: null};
  m.done = (async () => {
    while (performance.now() - m.start < 240000) {
      await new Promise(r => setTimeout(r, 10));
      mark();
      const t = performance.now(), now = status(), fresh = statusWeek() > m.before;
      if (m.busy === null && busy()) m.busy = t;
      if (fresh && now.includes('improving')) m.improving = true;
      const week = fresh && (now.startsWith('A checked week') || now.startsWith('Week '));
      if (m.checked === null && week) { m.checked = t; m.week = statusWeek(); }
      if (m.checked !== null && m.coverage === null && gridWeek() >= m.week && drawn('coverage'))
        m.coverage = t;
      if (m.final === null && fresh && now.startsWith('Week ')) {
        m.final = t; m.finalWeek = statusWeek(); }
      if (m.final !== null && m.figures === null && gridWeek() >= m.finalWeek && names.every(drawn))
        m.figures = t;
      if (until === 'checked' && m.coverage !== null) break;
      if (m.figures !== null && m.coverage !== null) break;
    }
    m.text = status(); m.planning = busy();
    const rel = (x) => x === null ? null : (x - m.start) / 1000;
    return {busy: rel(m.busy), checked: rel(m.checked), coverage: rel(m.coverage),
            final: rel(m.final), figures: rel(m.figures), improving: m.improving,
            text: m.text, planning: m.planning};
  })();
  window.__wbMeasure = m;
}"""
RESULT = "() => window.__wbMeasure.done"


class NoWeek(Exception):
    """The page never showed the week a change asked for."""


def load_average() -> float:
    return float(Path("/proc/loadavg").read_text().split()[0])


@dataclass
class Change:
    client: str
    change: str
    recalled: bool
    improving: bool
    checked: float
    coverage: float
    figures: float
    load: float
    planned: float | None  # the kernel's own "planned in" [s], for a new week


@dataclass
class Long:
    client: str
    busy: float | None
    checked: float | None
    still_planning: bool
    honoured: float | None  # the second change's week drawn [s]
    honoured_all: float | None
    load: float


@dataclass
class Results:
    changes: list[Change] = field(default_factory=list)
    long: list[Long] = field(default_factory=list)
    loads: list[tuple[str, float, float]] = field(default_factory=list)  # client, seconds, load
    failures: list[str] = field(default_factory=list)


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


def _measure(page: Page, act: Any, until: str = "final") -> dict[str, Any]:
    page.evaluate(ARM, until)
    act()
    result: dict[str, Any] = page.evaluate(RESULT)
    return result


def _open(page: Page, section: str) -> None:
    """Open one section of the accordion (the others close)."""
    page.locator("span").filter(has_text=re.compile(f"^{re.escape(section)}$")).first.click()
    time.sleep(0.3)


def _load(page: Page, path: Path) -> float:
    """Load a client file through the page; the seconds until its final week is drawn."""
    _open(page, "Client file")
    field_ = page.locator(".wb-open-path input")
    field_.fill(str(path))
    field_.press("Enter")
    result = _measure(page, lambda: page.locator(".wb-load").click())
    if result["final"] is None:
        raise NoWeek(f"{path.name}: no week ({result['text']})")
    _open(page, "Client")
    return float(result["figures"])


def _planned(text: str) -> float | None:
    found = PLANNED.match(text)
    return float(found.group(1)) if found else None


def _change(
    page: Page, results: Results, label: str, name: str, act: Any, think: float
) -> dict[str, Any]:
    result = _measure(page, act)
    if result["checked"] is None or result["coverage"] is None or result["figures"] is None:
        raise NoWeek(f"{label}, {name}: the page did not change ({result['text']})")
    results.changes.append(
        Change(
            label,
            name,
            result["text"].startswith("Week recalled"),
            result["improving"],
            result["checked"],
            result["coverage"],
            result["figures"],
            load_average(),
            None if result["text"].startswith("Week recalled") else _planned(result["text"]),
        )
    )
    time.sleep(think)  # the coach looks at the week; the idle prefetch may plan meanwhile
    return result


def _slider(page: Page, key: str) -> Any:
    handle = page.locator(".wb-minutes .noUi-handle")
    return lambda: (handle.focus(), handle.press(key))


def _click(page: Page, selector: str) -> Any:
    return lambda: page.locator(selector).click()


def run_client(
    page: Page, results: Results, label: str, client: Client, path: Path, think: float
) -> None:
    results.loads.append((label, _load(page, path), load_average()))
    page.get_by_role("button", name="Pin as baseline").click()
    time.sleep(think)
    # Minutes: +5 (a likely move: prefetched if the pause allowed), then back (recalled).
    _change(page, results, label, "minutes +5", _slider(page, "ArrowRight"), think)
    _change(page, results, label, "minutes back", _slider(page, "ArrowLeft"), think)
    # A training day more (the prefetch guesses one day; the coach may pick another), back.
    off = next(
        d for d in ("Sat", "Sun", "Tue", "Thu", "Mon", "Wed", "Fri") if d not in client.weekdays
    )
    _change(page, results, label, f"day on ({off})", _click(page, f".wb-weekday-{off}"), think)
    _change(page, results, label, f"day off ({off})", _click(page, f".wb-weekday-{off}"), think)
    # An equipment item on (or, for a client with every item, one off): never prefetched;
    # then back (recalled).
    toggles = [(i, "on") for i in ITEMS if i not in client.equipment]
    toggles += [(i, "off") for i in client.equipment if i != "bodyweight"]
    (item, way), *others = toggles
    back = "off" if way == "on" else "on"
    selector = f".wb-equipment-{item}"
    _change(page, results, label, f"item {way} ({item})", _click(page, selector), think)
    _change(page, results, label, f"item {back} ({item})", _click(page, selector), think)
    if len(client.weekdays) >= 5 and client.minutes_per_session >= 75 and others:
        _long_week(page, results, label, others[0][0])
        time.sleep(think)


def _long_week(page: Page, results: Results, label: str, item: str) -> None:
    """An item toggled on a long week: progress shown; once its first checked week is drawn
    and it still plans, toggled back: the week before it is drawn (recalled)."""
    selector = f".wb-equipment-{item}"
    first = _measure(page, _click(page, selector), until="checked")
    load = load_average()
    honoured = honoured_all = None
    if first["planning"]:
        second = _measure(page, _click(page, selector))
        honoured, honoured_all = second["checked"], second["figures"]
    else:  # it finished before the second change: wait, and undo it for the next client
        _measure(page, _click(page, selector))
    results.long.append(
        Long(
            label, first["busy"], first["checked"], first["planning"], honoured, honoured_all, load
        )
    )


def _clients(count: int, seed: int) -> list[tuple[str, Client]]:
    library = iotools.read_library()
    profiles = iotools.read_sport_profiles(library=library)
    kits = iotools.read_kits(library=library)
    made = []
    for number in range(count):
        days, minutes = SHAPES[number % len(SHAPES)]
        client = generate_client(
            seed + number,
            sports=sorted(profiles),
            kits=kits,
            library=library,
            days=days,
            minutes=minutes,
        )
        made.append((f"{seed + number} ({days} x {minutes:g}, {client.sport})", client))
    return made


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=len(SHAPES))
    parser.add_argument("--seed", type=int, default=7000)
    parser.add_argument("--think", type=float, default=4.0, help="pause after each week [s]")
    args = parser.parse_args()
    clients = _clients(args.clients, args.seed)
    results = Results()
    started = time.monotonic()
    with tempfile.TemporaryDirectory() as folder:
        env = dict(os.environ)
        for name in JUPYTER_DIRS:
            (Path(folder) / name.lower()).mkdir()
            env[name] = str(Path(folder) / name.lower())
        paths = []
        for number, (_, client) in enumerate(clients):
            paths.append(iotools.write_client(client, Path(folder) / f"client_{number}.toml"))
        port = _free_port()
        workbench = Path(sys.executable).parent / "workbench"
        server = subprocess.Popen(
            [str(workbench), "app", "--no-browser", "--port", str(port)],
            cwd=folder,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        try:
            _wait_for_port(port, server)
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                try:
                    page = browser.new_page(viewport={"width": 1500, "height": 1100})
                    page.goto(f"http://127.0.0.1:{port}/", timeout=120_000)
                    page.wait_for_function(ALL_DRAWN, arg=["coverage"], timeout=120_000, polling=50)
                    for (label, client), path in zip(clients, paths, strict=True):
                        run_client(page, results, label, client, path, args.think)
                        print(
                            f"  {label}: done ({time.monotonic() - started:.0f} s)", file=sys.stderr
                        )
                finally:
                    browser.close()
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=15)
    _print(results, args, time.monotonic() - started)


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def _verdict(value: float, goal: float) -> str:
    return "met" if value <= goal else "NOT met"


def _print(results: Results, args: argparse.Namespace, seconds: float) -> None:
    median = statistics.median
    changes = results.changes
    print(
        f"Browser latency, {len(results.loads)} generated clients (seed {args.seed}), think {args.think:g} s, "
        f"run {seconds:.0f} s"
    )
    print()
    print(
        "| client | change | week | improving shown | checked week drawn [s] | its coverage figure [s] "
        "| every figure [s] | kernel's wait [s] | load (1 min) |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    for c in changes:
        kind = "recalled" if c.recalled else "new"
        planned = "" if c.planned is None else f"{c.planned:.1f}"
        print(
            f"| {c.client} | {c.change} | {kind} | {'yes' if c.improving else ''} | {c.checked:.2f} "
            f"| {c.coverage:.2f} | {c.figures:.2f} | {planned} | {c.load:.2f} |"
        )
    print()
    print(
        "| long week (an item toggled) | progress mark [s] | checked week [s] | still planning | "
        "change while planning -> its week drawn [s] | -> every figure [s] | load (1 min) |"
    )
    print("|---|---|---|---|---|---|---|")
    for x in results.long:

        def show(value: float | None) -> str:
            return "-" if value is None else f"{value:.2f}"

        print(
            f"| {x.client} | {show(x.busy)} | {show(x.checked)} | {'yes' if x.still_planning else 'no'} "
            f"| {show(x.honoured)} | {show(x.honoured_all)} | {x.load:.2f} |"
        )
    print()
    print("| figure | goal | measured | n | load (1 min, mean of its samples) | verdict |")
    print("|---|---|---|---|---|---|")

    def row(
        name: str, values: list[float], loads: list[float], how: str, goal: float | None
    ) -> None:
        if not values:
            print(f"| {name} | | no samples | 0 | | |")
            return
        value = median(values) if how == "median" else _p95(values) if how == "p95" else max(values)
        mean_load = sum(loads) / len(loads)
        verdict = "" if goal is None else _verdict(value, goal)
        limit = "" if goal is None else f"{how} <= {goal:g} s"
        print(
            f"| {name}, {how} | {limit} | {value:.2f} s | {len(values)} | {mean_load:.2f} | {verdict} |"
        )

    for subset, words in (
        (changes, "all changes"),
        ([c for c in changes if not c.recalled], "new weeks"),
        ([c for c in changes if c.recalled], "recalled weeks"),
    ):
        loads = [c.load for c in subset]
        checked = [c.checked for c in subset]
        row(
            f"change -> checked week drawn ({words})",
            checked,
            loads,
            "median",
            GOALS["checked_median"],
        )
        row(f"change -> checked week drawn ({words})", checked, loads, "p95", GOALS["checked_p95"])
        row(
            f"change -> its coverage figure drawn ({words})",
            [c.coverage for c in subset],
            loads,
            "median",
            None,
        )
        row(
            f"change -> every figure redrawn ({words})",
            [c.figures for c in subset],
            loads,
            "median",
            GOALS["figures_median"],
        )
    long = results.long
    loads = [x.load for x in long]
    progress = [
        min(v for v in (x.busy, x.checked) if v is not None)
        for x in long
        if x.busy is not None or x.checked is not None
    ]
    row("long week -> progress shown (mark or week)", progress, loads, "max", GOALS["progress"])
    row(
        "long week -> first checked week drawn",
        [x.checked for x in long if x.checked is not None],
        loads,
        "max",
        None,
    )
    honoured = [x.honoured for x in long if x.honoured is not None]
    row(
        "change while planning -> its week drawn",
        honoured,
        [x.load for x in long if x.honoured is not None],
        "max",
        GOALS["progress"],
    )
    for failure in results.failures:
        print(f"FAILED: {failure}")
    recalled = sum(c.recalled for c in changes)
    print()
    print(
        f"{recalled} of {len(changes)} changes were recalled (the coach's own earlier weeks and the "
        "idle prefetch's); client loads took "
        + ", ".join(f"{s:.1f} s" for _, s, _ in results.loads)
        + "."
    )


if __name__ == "__main__":
    main()
