"""Tooling and packaging: lint, format and types are clean; environment.yml matches
pyproject.toml; the public namespace is declared; a wheel finds its shipped data."""

from __future__ import annotations

import importlib
import inspect
import os
import pkgutil
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, VENV_BIN

import workbench

#: The core layers (not the UI, figures or report, which other modules own).
CORE = (
    "analytics",
    "batch",
    "block",
    "blocks",
    "camp",
    "check",
    "cli",
    "client",
    "coaching",
    "effort",
    "errors",
    "explain",
    "generate",
    "glossary",
    "iotools",
    "library",
    "optimize",
    "optimize.alternatives",
    "optimize.backends",
    "optimize.catalogue",
    "optimize.constraints",
    "optimize.decisions",
    "optimize.model",
    "optimize.objectives",
    "optimize.progression",
    "optimize.result",
    "optimize.search",
    "optimize.spec",
    "optimize.split",
    "optimize.status",
    "optimize.terms",
    "plan",
    "planner",
    "present",
    "problem",
    "quality",
    "rules",
    "standards",
    "whatif",
)
#: pip name -> the conda-forge packages that provide it.
CONDA_NAMES = {
    "pulp[cbc]": ("pulp", "coin-or-cbc"),
    "dask[distributed]": ("dask", "distributed"),
}
REQUIREMENT = re.compile(r"^\s*([A-Za-z0-9_.\-]+(?:\[[^\]]+\])?)\s*(.*?)\s*$")


def _tool(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(VENV_BIN / args[0]), *args[1:]],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def test_ruff_check_is_clean() -> None:
    result = _tool("ruff", "check", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_format_is_clean() -> None:
    result = _tool("ruff", "format", "--check", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_is_clean() -> None:
    result = _tool("mypy")
    assert result.returncode == 0, result.stdout + result.stderr


def _split(requirement: str) -> tuple[str, str]:
    match = REQUIREMENT.match(requirement)
    assert match, requirement
    return match.group(1).lower(), match.group(2).replace(" ", "")


def test_environment_yml_lists_the_runtime_dependencies() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    expected: dict[str, str] = {"python": project["requires-python"]}
    for requirement in project["dependencies"]:
        name, spec = _split(requirement)
        for conda_name in CONDA_NAMES.get(name, (name,)):
            # A companion package (coin-or-cbc for pulp[cbc]) carries no version of its own.
            expected[conda_name] = spec if conda_name == CONDA_NAMES.get(name, (name,))[0] else ""
    environment = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    assert environment["channels"] == ["conda-forge"]
    listed: dict[str, str] = {}
    pip_section: list[str] = []
    for item in environment["dependencies"]:
        if isinstance(item, dict):
            pip_section += item["pip"]
            continue
        name, spec = _split(item)
        listed[name] = spec
    listed.pop("pip", None)
    assert listed == expected
    # The development tools come from pyproject's own extra, so they cannot drift.
    assert pip_section == ["-e .[dev]"]


def _modules() -> list[str]:
    return sorted(m.name for m in pkgutil.walk_packages(workbench.__path__, "workbench."))


def test_every_core_module_is_there() -> None:
    assert {f"workbench.{name}" for name in CORE} <= set(_modules())


@pytest.mark.parametrize("name", _modules())
def test_all_names_exist(name: str) -> None:
    module = importlib.import_module(name)
    declared = getattr(module, "__all__", None)
    assert declared is not None, f"{name} has no __all__"
    assert len(declared) == len(set(declared)), name
    for item in declared:
        assert hasattr(module, item), f"{name}.__all__ names missing {item}"


@pytest.mark.parametrize("name", CORE)
def test_public_names_are_declared(name: str) -> None:
    """Every public function and class a core module defines is in its ``__all__``."""
    module = importlib.import_module(f"workbench.{name}")
    defined = {
        item
        for item, value in vars(module).items()
        if not item.startswith("_")
        and (inspect.isfunction(value) or inspect.isclass(value))
        and value.__module__ == module.__name__
    }
    assert defined <= set(module.__all__)


def test_glossary_declares_its_constants() -> None:
    from workbench import glossary

    constants = {n for n in vars(glossary) if n.isupper() and not n.startswith("_")}
    assert constants <= set(glossary.__all__)


def test_a_wheel_install_finds_the_shipped_data(tmp_path: Path) -> None:
    wheels, site = tmp_path / "wheels", tmp_path / "site"
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "-q", "-w", str(wheels)],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert built.returncode == 0, built.stderr
    (wheel,) = wheels.glob("posterior_workbench-*.whl")
    installed = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "-q",
            "--target",
            str(site),
            str(wheel),
        ],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert installed.returncode == 0, installed.stderr
    script = (
        "import pathlib, workbench\n"
        "from workbench import iotools\n"
        "package = pathlib.Path(workbench.__file__).resolve().parent\n"
        "folder = iotools.shipped_data_dir().resolve()\n"
        "assert folder.is_relative_to(package), (folder, package)\n"
        "library = iotools.read_library()\n"
        "assert pathlib.Path(library.source).resolve().is_relative_to(package)\n"
        "assert len(library.exercises) >= 80\n"
        "kits = iotools.read_kits(library=library)\n"
        "assert {'home', 'travel', 'gym'} <= set(kits)\n"
        "profiles = iotools.read_sport_profiles(library=library)\n"
        "assert {'general', 'fighter', 'runner', 'desk_worker'} <= set(profiles)\n"
        "from workbench import app\n"
        "assert (app.JUPYTER_DATA / 'voila/templates/workbench/index.html.j2').is_file()\n"
        "assert app.JUPYTER_DATA.is_relative_to(package)\n"
        "print(package)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(site)}
    # Run from an empty folder so neither the checkout nor its data/ is importable or nearby.
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    result = subprocess.run(
        [sys.executable, "-I", "-c", f"import sys; sys.path.insert(0, {str(site)!r})\n{script}"],
        cwd=outside,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert Path(result.stdout.strip()).resolve().is_relative_to(site.resolve())
