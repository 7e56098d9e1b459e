"""Shared fixtures. Helpers for notebooks and Jupyter live here so every test isolates the
same way: nothing a test runs writes to the home directory."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from workbench import iotools
from workbench.client import SportProfile
from workbench.library import Library

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
