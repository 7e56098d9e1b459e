"""Required and banned exercises: searchable by name, stored as ids."""

from __future__ import annotations

from html import escape

import ipywidgets as w
from traitlets import dlink, link

from workbench.library import Library
from workbench.ui.choices_model import ChoicesModel

__all__ = ["ExercisesPanel", "matching"]


def matching(library: Library, text: str) -> list[tuple[str, str]]:
    """``(name, id)`` of exercises whose name or id contains every word of ``text`` (the list
    shows names; the ids go into the required and banned boxes)."""
    words = text.lower().split()
    return [
        (e.name, e.id)
        for e in library.exercises
        if all(word in f"{e.name} {e.id}".lower() for word in words)
    ]


AUTO = w.Layout(width="auto", min_width="max-content")


def _names(names: dict[str, str], ids: tuple[str, ...]) -> str:
    """The chosen exercises by name; an id the library lacks is flagged, not dropped."""
    shown = [
        escape(names[i]) if i in names else f"<span style='color:#d1495b'>{escape(i)}?</span>"
        for i in ids
    ]
    return f"<small>{', '.join(shown)}</small>" if shown else ""


class ExercisesPanel(w.VBox):
    """A search box and list to find an exercise, and tag inputs holding the chosen ids."""

    def __init__(self, model: ChoicesModel) -> None:
        self.search = w.Text(
            placeholder="search exercises, e.g. 'swing'", layout=w.Layout(width="100%")
        )
        self.found = w.Select(
            options=matching(model.library, ""), rows=6, layout=w.Layout(width="100%")
        )
        self.search.observe(
            lambda c: setattr(self.found, "options", matching(model.library, c.new)), names="value"
        )
        self.add_require = w.Button(description="Require", icon="plus", layout=AUTO)
        self.add_ban = w.Button(description="Ban", icon="ban", layout=AUTO)
        self.add_require.on_click(lambda _: model.add_exercise("require", self.found.value))
        self.add_ban.on_click(lambda _: model.add_exercise("ban", self.found.value))
        # No allowed_tags: the browser would drop an unknown id silently; the model names it.
        self.require = w.TagsInput(allow_duplicates=False)
        self.ban = w.TagsInput(allow_duplicates=False)
        link((model, "require"), (self.require, "value"))
        link((model, "ban"), (self.ban, "value"))
        names = {e.id: e.name for e in model.library.exercises}
        self.require_names = w.HTML()
        self.ban_names = w.HTML()
        dlink((model, "require"), (self.require_names, "value"), lambda ids: _names(names, ids))
        dlink((model, "ban"), (self.ban_names, "value"), lambda ids: _names(names, ids))
        super().__init__(
            [
                self.search,
                self.found,
                w.HBox([self.add_require, self.add_ban]),
                w.Label("Required at least once a week"),
                self.require,
                self.require_names,
                w.Label("Banned"),
                self.ban,
                self.ban_names,
            ]
        )
