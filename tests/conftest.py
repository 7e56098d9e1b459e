"""Shared fixtures and the hypothesis profiles. Helpers for notebooks and Jupyter live here so
every test isolates the same way: nothing a test runs writes to the home directory."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from workbench import iotools
from workbench.client import SportProfile
from workbench.library import Library

# The property tests set no ``max_examples`` of their own: the profile decides. "ci" (loaded when
# ``CI`` is set, as it is for `.ci/run`) runs 200 examples a property from a fixed seed, so a CI run
# is repeatable and tests the same cases every time; "dev" (the default) is a quick local run
# that keeps failing examples in .hypothesis/ and replays them first. HYPOTHESIS_PROFILE picks
# either by name. A test that needs a health check off adds it to the profile's own list.
PROPERTY_HEALTH = (HealthCheck.too_slow, HealthCheck.data_too_large)
settings.register_profile(
    "ci",
    settings.get_profile("ci"),
    max_examples=200,
    deadline=None,
    derandomize=True,
    suppress_health_check=PROPERTY_HEALTH,
)
settings.register_profile(
    "dev", max_examples=20, deadline=None, suppress_health_check=PROPERTY_HEALTH
)


def _profile_name() -> str:
    chosen = os.environ.get("HYPOTHESIS_PROFILE")
    if chosen:
        return chosen
    in_ci = os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")
    return "ci" if in_ci else "dev"


settings.load_profile(_profile_name())

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
NOTEBOOKS = ROOT / "notebooks"


def _shared() -> Path:
    """The workplace's shared folder (COACHING.md's reference weeks, the public data), read in
    place: ``$WORKBENCH_SHARED``, else the checkout's sibling ``shared/``, else /work/shared."""
    candidates = (os.environ.get("WORKBENCH_SHARED"), ROOT.parent / "shared", "/work/shared")
    for candidate in candidates:
        if candidate and (Path(candidate) / "coach-weeks").is_dir():
            return Path(candidate)
    return ROOT.parent / "shared"


SHARED = _shared()
SHARED_DATA = SHARED / "data"
COACH_WEEKS = SHARED / "coach-weeks"
VENV_BIN = Path(sys.executable).parent


@pytest.fixture(scope="session")
def library() -> Library:
    """The shipped library, read once."""
    return iotools.read_library(DATA)


@pytest.fixture(scope="session")
def profiles(library: Library) -> dict[str, SportProfile]:
    return iotools.read_sport_profiles(DATA / "sports", library)


def jupyter_environment(base: Path) -> dict[str, str]:
    """Environment variables that keep Jupyter, IPython and caches inside ``base``."""
    env = dict(os.environ)
    for name in (
        "JUPYTER_DATA_DIR",
        "JUPYTER_RUNTIME_DIR",
        "JUPYTER_CONFIG_DIR",
        "IPYTHONDIR",
        "XDG_CACHE_HOME",
        "XDG_CONFIG_HOME",
        "JUPYTERLAB_SETTINGS_DIR",
    ):
        folder = base / name.lower()
        folder.mkdir(parents=True, exist_ok=True)
        env[name] = str(folder)
    env["PATH"] = f"{VENV_BIN}{os.pathsep}{env.get('PATH', '')}"
    env["PYDEVD_DISABLE_FILE_VALIDATION"] = "1"
    return env


@pytest.fixture
def jupyter_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """Isolated Jupyter folders, applied to this process too (nbclient reads os.environ)."""
    env = jupyter_environment(tmp_path / "jupyter")
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    return env


# Plans the dashboard tests already solved, shared by every test of the session. Each test
# builds a fresh dashboard model (with its own, real, cache of recent plans) and re-plans the
# same few clients; the optimizer gives the same inputs the same plan byte for byte (tested
# in test_optimality.py), so a plan solved once by the real solver is the plan every later
# solve of the same inputs would return. Keyed on everything make_plan reads.
_SOLVED: dict[tuple[object, ...], object] = {}


def _memo_key(
    library: Library, client: object, profiles: object, options: object, kw: dict[str, object]
) -> tuple[object, ...]:
    return (
        id(library),
        client,
        tuple((name, id(p)) for name, p in sorted((profiles or {}).items())),  # type: ignore[attr-defined]
        options,
        tuple(
            sorted((name, id(value) if name == "weights" else value) for name, value in kw.items())
        ),
    )


@pytest.fixture
def solved_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Route the dashboard's planning (``plan_stages`` of its planner and of the what-if
    sweeps) through the session's memo of solved plans; a memo of staged planning replays
    every week it offered, in order."""
    from workbench import planning
    from workbench.ui import planning_model, whatif_model

    def plan_stages(
        library: Library,
        client: object,
        profiles: object = None,
        options: object = None,
        **kw: object,
    ) -> Iterator[object]:
        key = ("plan_stages", *_memo_key(library, client, profiles, options, kw))
        if key not in _SOLVED:
            offered = []
            for result in planning.plan_stages(library, client, profiles, options, **kw):
                offered.append(result)
                yield result
            _SOLVED[key] = tuple(offered)
            return
        yield from _SOLVED[key]  # type: ignore[misc]

    monkeypatch.setattr(planning_model, "plan_stages", plan_stages)
    monkeypatch.setattr(whatif_model, "plan_stages", plan_stages)
