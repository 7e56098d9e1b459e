"""The hypothesis profile governs every property test: none sets its own number of examples,
so CI (`CI=true`, profile "ci") runs 200 of each, from a fixed seed."""

from __future__ import annotations

import ast
import importlib
import os
from pathlib import Path

import pytest
from hypothesis import settings

TESTS = Path(__file__).resolve().parent


def _decorator_name(node: ast.expr) -> str:
    target = node.func if isinstance(node, ast.Call) else node
    if isinstance(target, ast.Attribute):
        return target.attr
    return target.id if isinstance(target, ast.Name) else ""


def _property_tests() -> list[tuple[str, str]]:
    """(module, function) for every test decorated with ``@given``, read from the source."""
    found = []
    for path in sorted(TESTS.glob("test_*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in tree.body:
            if isinstance(node, ast.FunctionDef) and any(
                _decorator_name(d) == "given" for d in node.decorator_list
            ):
                found.append((path.stem, node.name))
    return found


PROPERTY_TESTS = _property_tests()


def test_the_property_tests_are_found() -> None:
    modules = {module for module, _name in PROPERTY_TESTS}
    assert {"test_properties", "test_optimality", "test_iotools", "test_whatif"} <= modules
    assert len(PROPERTY_TESTS) >= 8


def test_no_test_sets_its_own_number_of_examples() -> None:
    for path in sorted(TESTS.glob("*.py")):
        if path.name in ("conftest.py", Path(__file__).name):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.keyword) and node.arg == "max_examples":
                pytest.fail(f"{path.name}:{node.value.lineno} sets max_examples")


@pytest.mark.parametrize(("module", "name"), PROPERTY_TESTS)
def test_each_property_runs_the_profiles_examples(module: str, name: str) -> None:
    test = getattr(importlib.import_module(module), name)
    # What @settings attached, or the profile itself when the test has no @settings.
    attached = getattr(test, "_hypothesis_internal_use_settings", settings.default)
    assert attached.max_examples == settings.default.max_examples


def test_the_ci_profile() -> None:
    ci = settings.get_profile("ci")
    assert ci.max_examples >= 200
    assert ci.derandomize and ci.deadline is None and ci.database is None
    if os.environ.get("CI", "").lower() == "true" and not os.environ.get("HYPOTHESIS_PROFILE"):
        assert settings.default.max_examples == ci.max_examples
        assert settings.default.derandomize
