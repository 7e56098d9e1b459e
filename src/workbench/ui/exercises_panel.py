"""Required and banned exercises: searchable by name, stored as ids."""

from __future__ import annotations

import ipywidgets as w
from traitlets import link

from workbench.library import Library
from workbench.ui.model import DashboardModel

__all__ = ["ExercisesPanel", "matching"]


def matching(library: Library, text: str) -> list[tuple[str, str]]:
    """``(name, id)`` of exercises whose name or id contains every word of ``text``."""
    words = text.lower().split()
    return [
        (f"{e.name} ({e.id})", e.id)
        for e in library.exercises
        if all(word in f"{e.name} {e.id}".lower() for word in words)
    ]


class ExercisesPanel(w.VBox):
    """A search box and list to find an exercise, and tag inputs holding the chosen ids."""

    def __init__(self, model: DashboardModel) -> None:
        ids = [e.id for e in model.library.exercises]
        self.search = w.Text(
            placeholder="search exercises, e.g. 'swing'", layout=w.Layout(width="100%")
        )
        self.found = w.Select(
            options=matching(model.library, ""), rows=6, layout=w.Layout(width="100%")
        )
        self.search.observe(
            lambda c: setattr(self.found, "options", matching(model.library, c.new)), names="value"
        )
        self.add_require = w.Button(description="Require", icon="plus")
        self.add_ban = w.Button(description="Ban", icon="ban")
        self.add_require.on_click(lambda _: model.add_exercise("require", self.found.value))
        self.add_ban.on_click(lambda _: model.add_exercise("ban", self.found.value))
        self.require = w.TagsInput(allowed_tags=ids, allow_duplicates=False)
        self.ban = w.TagsInput(allowed_tags=ids, allow_duplicates=False)
        link((model, "require"), (self.require, "value"))
        link((model, "ban"), (self.ban, "value"))
        super().__init__(
            [
                self.search,
                self.found,
                w.HBox([self.add_require, self.add_ban]),
                w.Label("Required at least once a week"),
                self.require,
                w.Label("Banned"),
                self.ban,
            ]
        )
