"""The library explorer: a filter model (traitlets, no widgets) and a small widget view of it.

The model calls :func:`workbench.explore.filter_exercises`; the view only links controls to
the model's traits and shows its table. ipywidgets is imported inside :func:`explorer_view`,
so the model can be used and tested without it.
"""

from __future__ import annotations

from collections.abc import Mapping
from html import escape
from typing import TYPE_CHECKING, Any

import pandas as pd
import plotly.graph_objects as go
import traitlets as t

from workbench import explore, figures
from workbench.client import Kit
from workbench.errors import InputError
from workbench.glossary import LEVELS, PATTERNS
from workbench.library import Exercise, Library

if TYPE_CHECKING:
    import ipywidgets

__all__ = ["ANY", "ExplorerModel", "explorer_view"]

#: The value of a filter control that filters nothing.
ANY = ""
FILTERS = ("kit", "level", "muscle", "pattern", "text")


class ExplorerModel(t.HasTraits):
    """Filters over the library and the exercises that pass them; every change re-filters."""

    kit = t.Unicode(ANY)
    level = t.Enum(LEVELS, default_value=LEVELS[-1])
    muscle = t.Unicode(ANY)
    pattern = t.Unicode(ANY)
    text = t.Unicode("")
    exercises: t.List[Exercise] = t.List()
    error = t.Unicode("")

    def __init__(self, library: Library, kits: Mapping[str, Kit] | None = None, **kwargs: Any):
        self.library = library
        self.kits = dict(kits or {})
        super().__init__(**kwargs)
        self.observe(lambda _change: self.refresh(), names=list(FILTERS))
        self.refresh()

    def refresh(self) -> None:
        """Apply the filters; an unknown id leaves the list empty and says why in ``error``."""
        try:
            if self.kit != ANY and self.kit not in self.kits:
                raise InputError(
                    f"'{self.kit}' is not a kit ({', '.join(self.kits)})",
                    file="explorer",
                    field="kit",
                    value=self.kit,
                )
            self.exercises = explore.filter_exercises(
                self.library,
                equipment=self.kits[self.kit].equipment if self.kit != ANY else None,
                level=self.level,
                muscle=self.muscle or None,
                pattern=self.pattern or None,
                text=self.text or None,
            )
            self.error = ""
        except InputError as error:
            self.exercises = []
            self.error = error.line()

    @property
    def summary(self) -> str:
        """One line for the coach, e.g. "14 of 132 exercises"."""
        if self.error:
            return self.error
        return f"{len(self.exercises)} of {len(self.library.exercises)} exercises"

    def frame(self) -> pd.DataFrame:
        return explore.exercise_frame(self.library, self.exercises)

    def heatmap(self) -> go.Figure:
        """Which of the shown exercises load which muscle."""
        if not self.exercises:
            return figures.empty_figure("no exercise passes the filters")
        return figures.exercise_muscle_heatmap(self.library, self.exercises)

    def table_html(self) -> str:
        """The shown exercises as an HTML table (text escaped), in a scrolling box."""
        table = self.frame().to_html(index=False, escape=True, border=0, classes="explorer")
        return f'<div style="max-height: 420px; overflow: auto">{table}</div>'


def explorer_view(model: ExplorerModel) -> ipywidgets.VBox:
    """Controls linked to ``model``'s filters, a status line and the table of exercises."""
    import ipywidgets as w

    kit = w.Dropdown(
        description="Kit",
        options=[("any equipment", ANY)] + [(k.name, k.id) for k in model.kits.values()],
    )
    level = w.Dropdown(description="Up to level", options=list(LEVELS))
    muscle = w.Dropdown(
        description="Muscle",
        options=[("any muscle", ANY)] + [(m.name, m.id) for m in model.library.muscles],
    )
    pattern = w.Dropdown(
        description="Pattern",
        options=[("any pattern", ANY)] + [(p.replace("_", " "), p) for p in PATTERNS],
    )
    text = w.Text(description="Search", placeholder="name or id")
    for control, name in zip((kit, level, muscle, pattern, text), FILTERS, strict=True):
        w.link((model, name), (control, "value"))
    status = w.HTML()
    table = w.HTML()

    def show(_change: object = None) -> None:
        status.value, table.value = f"<b>{escape(model.summary)}</b>", model.table_html()

    model.observe(show, names=["exercises", "error"])
    show()
    return w.VBox(
        [w.HBox([kit, level]), w.HBox([muscle, pattern]), text, status, table],
        layout=w.Layout(width="100%"),
    )
