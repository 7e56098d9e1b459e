"""The coach's analysis notebooks (scenarios, the fighter case study, blocks): committed without
outputs, thin, and run from a fresh kernel to their closing assertions, with every figure
drawn at a real height."""

from __future__ import annotations

import json
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"
ANALYSES = ["scenarios", "fighter_case_study", "block"]
PLOTLY = "application/vnd.plotly.v1+json"


@pytest.mark.parametrize("name", ANALYSES)
def test_committed_without_outputs(name: str) -> None:
    notebook = nbformat.read(NOTEBOOKS / f"{name}.ipynb", as_version=4)
    nbformat.validate(notebook)
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert code
    for cell in code:
        assert cell.outputs == [] and cell.execution_count is None
    # Thin: the package does the work; the last cell checks what the notebook built.
    assert not any("class " in cell.source or "def " in cell.source for cell in code)
    assert code[-1].source.count("assert") >= 5


@pytest.mark.notebook
@pytest.mark.parametrize("name", ANALYSES)
def test_runs_from_a_fresh_kernel(
    name: str, jupyter_env: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("WORKBENCH_CLIENT", raising=False)
    monkeypatch.setenv("WORKBENCH_EXPORTS", str(tmp_path / "exports"))
    notebook = nbformat.read(NOTEBOOKS / f"{name}.ipynb", as_version=4)
    NotebookClient(
        notebook,
        timeout=600,
        kernel_name="python3",
        resources={"metadata": {"path": str(tmp_path)}},
    ).execute()  # raises CellExecutionError when a cell (the assertions too) fails
    outputs = [o for cell in notebook.cells for o in cell.get("outputs", [])]
    assert not [o for o in outputs if o.output_type == "error"]
    stderr = "".join(o.get("text", "") for o in outputs if o.get("name") == "stderr")
    assert "Traceback" not in stderr
    # What the coach sees: each figure has traces and a height, and tables render.
    figures = [o["data"][PLOTLY] for o in outputs if PLOTLY in o.get("data", {})]
    assert len(figures) >= 3
    for figure in figures:
        figure = figure if isinstance(figure, dict) else json.loads(figure)
        assert figure["data"], figure["layout"].get("title")
        assert figure["layout"]["height"] >= 200
    assert any("text/html" in o.get("data", {}) for o in outputs)  # the DataFrames
    if name == "fighter_case_study":
        exported = sorted(p.name for p in (tmp_path / "exports" / name).iterdir())
        assert exported == [
            "jo-at-home.csv",
            "jo-fight-camp-gym.csv",
            "jo-travelling-no-swing.csv",
            "weeks.csv",
        ]
