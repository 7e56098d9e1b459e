"""The dashboard notebook: committed thin and clean, and runs from a fresh kernel."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK = ROOT / "notebooks" / "workbench.ipynb"
CLIENT = ROOT / "data" / "clients" / "fighter.toml"


def test_notebook_is_committed_without_outputs() -> None:
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert code, "the notebook has no code"
    for cell in code:
        assert cell.outputs == [], "outputs must be stripped before commit"
        assert cell.execution_count is None
    assert len(code) <= 5, "notebooks stay thin: the package does the work"
    assert all("class " not in cell.source and "def " not in cell.source for cell in code)
    assert "assert" in code[-1].source, "the notebook ends with an assertion on the model"


@pytest.mark.notebook
def test_notebook_runs_from_a_fresh_kernel(
    jupyter_env: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WORKBENCH_CLIENT", str(CLIENT))
    monkeypatch.setenv("WORKBENCH_EXPORTS", str(tmp_path / "exports"))
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    probe = nbformat.v4.new_code_cell(
        "print(view.model.choices.name, view.model.plans.good.solved.solver)"
    )
    notebook.cells.append(probe)
    NotebookClient(
        notebook,
        timeout=120,
        kernel_name="python3",
        resources={"metadata": {"path": str(tmp_path)}},
    ).execute()
    assert probe.outputs[0].text.strip() == "Jo (fighter) highs"  # $WORKBENCH_CLIENT was used
    notebook.cells.remove(probe)
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    outputs = [output for cell in code for output in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    # Voila shows every output: only the dashboard itself, no solver banner, no stray text.
    assert not [o for o in outputs if o.output_type == "stream"], outputs
    widgets = [
        o for o in outputs if "application/vnd.jupyter.widget-view+json" in o.get("data", {})
    ]
    assert len(widgets) == 1
    assert code[-1].outputs == []
    assert not (tmp_path / "exports").exists()  # building the dashboard writes nothing
