"""The library explorer notebook: committed without outputs, runs from a fresh kernel."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"
NOTEBOOK = NOTEBOOKS / "library_explorer.ipynb"


def test_committed_without_outputs() -> None:
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(notebook)
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert code
    for cell in code:
        assert cell.outputs == []
        assert cell.execution_count is None
    # Thin: the package does the work; the last cell checks the state the notebook built.
    assert not any("class " in cell.source or "def " in cell.source for cell in code)
    assert code[-1].source.lstrip().startswith(("assert", "model.")) and "assert" in code[-1].source


@pytest.mark.notebook
def test_runs_from_a_fresh_kernel(jupyter_env: dict[str, str]) -> None:
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    client = NotebookClient(
        notebook,
        timeout=120,
        kernel_name="python3",
        resources={"metadata": {"path": str(NOTEBOOKS)}},
    )
    client.execute()  # raises CellExecutionError when any cell (the assertions too) fails
    outputs = [output for cell in notebook.cells for output in cell.get("outputs", [])]
    errors = [o for o in outputs if o.output_type == "error"]
    assert not errors
    # No cell wrote a traceback or a logged error (widget callbacks only log theirs).
    stderr = "".join(o.get("text", "") for o in outputs if o.get("name") == "stderr")
    assert "Traceback" not in stderr and "Error" not in stderr
    shown = {key for o in outputs for key in o.get("data", {})}
    assert "application/vnd.jupyter.widget-view+json" in shown
    assert "application/vnd.plotly.v1+json" in shown or "text/html" in shown
