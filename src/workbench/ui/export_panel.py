"""Baseline and export: pin the shown plan, write CSVs, offer them for download."""

from __future__ import annotations

import base64
from collections.abc import Sequence
from html import escape
from pathlib import Path

import ipywidgets as w
from traitlets import dlink, link

from workbench.ui.model import DashboardModel

__all__ = ["ExportPanel", "download_links"]

MIME = {".csv": "text/csv", ".toml": "application/toml", ".html": "text/html"}


def download_links(paths: Sequence[str | Path]) -> str:
    """Links that download each written file from the page itself (data: URIs)."""
    links = []
    for path in map(Path, paths):
        if not path.is_file():
            continue
        data = base64.b64encode(path.read_bytes()).decode("ascii")
        mime = MIME.get(path.suffix, "application/octet-stream")
        links.append(
            f'<a class="wb-download" download="{escape(path.name)}" '
            f'href="data:{mime};base64,{data}">{escape(path.name)}</a>'
        )
    if not links:
        return ""
    return f"Wrote to {escape(str(Path(paths[0]).parent))}: " + " &middot; ".join(links)


class ExportPanel(w.VBox):
    def __init__(self, model: DashboardModel) -> None:
        # Buttons as wide as their labels: JupyterLab's narrower output cropped "Pin …".
        auto = w.Layout(width="auto", min_width="max-content")
        self.pin = w.Button(description="Pin as baseline", icon="thumb-tack", layout=auto)
        self.clear = w.Button(description="Clear baseline", icon="times", layout=auto)
        self.export = w.Button(
            description="Export", icon="download", button_style="primary", layout=auto
        )
        self.folder = w.Text(
            description="Exports folder",
            continuous_update=False,
            style={"description_width": "100px"},
        )
        self.downloads = w.HTML()
        self.export.add_class("wb-export")
        figures, files = model.figures, model.files
        self.pin.on_click(lambda _: figures.pin_baseline())
        self.clear.on_click(lambda _: figures.clear_baseline())
        self.export.on_click(lambda _: files.export_or_say())
        link((files, "export_folder"), (self.folder, "value"))
        dlink((files, "exported"), (self.downloads, "value"), download_links)
        dlink((figures, "baseline"), (self.clear, "disabled"), lambda baseline: baseline is None)
        super().__init__(
            [
                w.HBox(
                    [self.pin, self.clear, self.export, self.folder],
                    layout=w.Layout(flex_flow="row wrap"),
                ),
                self.downloads,
            ]
        )
