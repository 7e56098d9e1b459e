"""The import layering is enforced, not described: every module imports only from its own
layer or the layers below it (an AST walk over ``src/workbench``, imports inside functions
included), and nothing below the UI imports a widget or plotting library."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from conftest import ROOT

SOURCE = ROOT / "src" / "workbench"

#: One way through (STYLE.md): vocabulary -> library -> client and plan values -> generated
#: clients -> file I/O -> problem -> optimizer -> checker and analytics -> rubric,
#: explanations, presentation -> the orchestrator -> what-if analysis -> figures, report, CLI,
#: dashboard.
LAYERS: tuple[tuple[str, ...], ...] = (
    ("errors", "glossary", "rules", "standards"),
    ("library",),
    (
        "client",
        "coaching",
        "plan",
        "block",
        "effort",
        "camp",
        "importer.mapping",
        "importer.convert",
    ),
    ("generate",),
    ("iotools", "importer"),
    ("problem",),
    ("optimize.status", "optimize.model", "optimize.split"),
    ("optimize.result", "optimize.backends", "optimize.decisions", "optimize.catalogue"),
    ("optimize.constraints", "optimize.terms", "optimize.progression"),
    ("optimize.objectives", "optimize.search"),
    ("optimize.spec",),
    ("optimize",),
    ("optimize.alternatives",),
    ("check", "analytics"),
    ("quality", "explain", "present"),
    ("planner",),
    ("planning", "blocks"),
    ("whatif",),
    ("explore", "figures"),
    ("report", "block_report", "ui", "app", "cli", "batch"),
)
#: Libraries only the top layer (figures, report, CLI, dashboard) may use.
UI_ONLY = ("plotly", "ipywidgets", "traitlets", "IPython", "anywidget", "voila", "nbclient")


def _module_name(path: Path) -> str:
    parts = path.relative_to(SOURCE).with_suffix("").parts
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def _layer(module: str) -> int:
    """The layer of a module: its own entry, or its package's (``ui.model`` -> ``ui``)."""
    candidates = [module]
    while "." in candidates[-1]:
        candidates.append(candidates[-1].rsplit(".", 1)[0])
    for name in candidates:
        for number, layer in enumerate(LAYERS):
            if name in layer:
                return number
    raise AssertionError(f"workbench.{module} is in no layer: add it to LAYERS")


def _imports(path: Path) -> set[str]:
    """Every module ``path`` imports, relative imports resolved, ``from workbench import x``
    counted as importing ``x``."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            if node.module == "workbench":
                found.update(f"workbench.{alias.name}" for alias in node.names)
    return found


SOURCES = sorted(SOURCE.rglob("*.py"))


def test_every_module_has_a_layer() -> None:
    names = [_module_name(path) for path in SOURCES]
    for name in names:
        if name:  # the package's own __init__ imports nothing
            _layer(name)
    assert "optimize.objectives" in names and "ui.model" in names


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: _module_name(p) or "__init__")
def test_imports_point_down(path: Path) -> None:
    module = _module_name(path)
    if not module:
        return
    own = _layer(module)
    for imported in _imports(path):
        if imported.startswith("workbench."):
            target = imported.removeprefix("workbench.")
            assert _layer(target) <= own, f"{module} (layer {own}) imports {target}"
        elif _layer(module) < _layer("figures"):
            assert imported.split(".")[0] not in UI_ONLY, f"{module} imports {imported}"


def test_the_walk_sees_imports_inside_functions(tmp_path: Path) -> None:
    """A lazy import is still an import: the test would catch one pointing up."""
    sample = tmp_path / "sample.py"
    sample.write_text("def f():\n    from workbench.planner import make_plan\n", encoding="utf-8")
    assert "workbench.planner" in _imports(sample)
    assert _layer("planner") > _layer("problem")
