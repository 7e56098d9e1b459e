"""The client's basic limits: name, weekdays, minutes, equipment and kits, level, sport, avoids."""

from __future__ import annotations

from typing import Any

import ipywidgets as w
from traitlets import dlink, link

from workbench.glossary import BODYWEIGHT, LEVELS, SCOPES, TAGS, WEEKDAYS
from workbench.present import tag_name
from workbench.ui.choices_model import ChoicesModel

__all__ = ["ControlsPanel", "short_label", "toggle_grid"]

#: Each scope's button label and tooltip (``glossary.SCOPES``).
SCOPE_LABELS: dict[str, tuple[str, str]] = {
    "whole_body": (
        "Whole week",
        "every posterior-chain muscle, plus a press, a squat or lunge and the anterior floors",
    ),
    "posterior_chain": (
        "Posterior chain only",
        "only the posterior-chain work (the client trains the rest elsewhere)",
    ),
}

WIDE = w.Layout(width="100%")
#: A row of buttons that wraps in a narrow panel rather than running off it.
WRAP = w.Layout(width="100%", flex_flow="row wrap")
DESCRIPTION = {"description_width": "110px"}


def short_label(name: str) -> str:
    """A library name without its bracketed detail: "trap bar (hex bar)" -> "Trap bar"."""
    head = name.split(" (", 1)[0]
    return head[:1].upper() + head[1:]


def toggle_grid(
    model: ChoicesModel, trait: str, items: list[tuple[str, str, str]], css: str
) -> tuple[dict[str, w.ToggleButton], w.GridBox]:
    """One toggle per ``(id, label, tooltip)``, all visible: a click adds or drops that item
    only (a multi-select list dropped every other item on a plain click)."""
    toggles = {}
    for item, label, tooltip in items:
        toggle = w.ToggleButton(description=label, tooltip=tooltip, layout=w.Layout(width="auto"))
        toggle.add_class(f"{css}-{item}")
        dlink((model, trait), (toggle, "value"), lambda chosen, item=item: item in chosen)
        toggle.observe(
            lambda change, item=item: model.toggle_item(trait, item, change.new), names="value"
        )
        toggles[item] = toggle
    grid = w.GridBox(
        list(toggles.values()),
        layout=w.Layout(grid_template_columns="repeat(2, 1fr)", grid_gap="2px 4px", width="100%"),
    )
    grid.add_class(css)
    return toggles, grid


class ControlsPanel(w.VBox):
    """Widgets bound to the client's choices; every callback is one model call."""

    def __init__(self, model: ChoicesModel) -> None:
        library = model.library
        self.name = w.Text(
            description="Client", continuous_update=False, layout=WIDE, style=DESCRIPTION
        )
        self.name.add_class("wb-client-name")
        link((model, "name"), (self.name, "value"))

        self.weekdays = {
            day: w.ToggleButton(description=day, layout=w.Layout(width="44px", padding="0"))
            for day in WEEKDAYS
        }
        for day, toggle in self.weekdays.items():
            toggle.add_class(f"wb-weekday-{day}")
            dlink((model, "weekdays"), (toggle, "value"), lambda days, day=day: day in days)
            toggle.observe(lambda c, day=day: model.toggle_weekday(day, c.new), names="value")

        self.minutes = w.IntSlider(
            min=10,
            max=240,
            step=5,
            description="Minutes/session",
            continuous_update=False,
            layout=WIDE,
            style=DESCRIPTION,
        )
        self.minutes.add_class("wb-minutes")
        link((model, "minutes_per_session"), (self.minutes, "value"))

        # The warm-up is part of the booked slot (v3). The client's own value, else the
        # default for the session's length; moving the slider sets the client's own.
        self.warmup = w.IntSlider(
            min=0,
            max=60,
            step=1,
            description="Warm-up [min]",
            continuous_update=False,
            layout=WIDE,
            style=DESCRIPTION,
        )
        self.warmup.add_class("wb-warmup")

        # Showing the model's warm-up (rounded to the slider's minutes) is not the coach
        # choosing one: only a move of the slider itself sets the client's own.
        showing = [False]

        def show_warmup(_change: object = None) -> None:
            showing[0] = True
            try:
                self.warmup.value = round(model.warmup)
            finally:
                showing[0] = False

        def choose_warmup(change: Any) -> None:
            if not showing[0]:
                model.set_warmup(change.new)

        show_warmup()
        model.observe(show_warmup, names=["warmup_minutes", "minutes_per_session"])
        self.warmup.observe(choose_warmup, names="value")

        self.equipment, equipment_grid = toggle_grid(
            model,
            "equipment",
            [(e.id, short_label(e.name), e.name) for e in library.equipment if e.id != BODYWEIGHT],
            "wb-equipment",
        )

        self.kits = {
            kit.id: w.Button(
                description=kit.id.capitalize(),
                tooltip=kit.name,
                layout=w.Layout(width="auto"),
            )
            for kit in model.kits.values()
        }
        for kit_id, button in self.kits.items():
            button.add_class(f"wb-kit-{kit_id}")
            button.on_click(lambda _, kit_id=kit_id: model.apply_kit(kit_id))
            dlink(
                (model, "kit"),
                (button, "button_style"),
                lambda kit, kit_id=kit_id: "info" if kit == kit_id else "",
            )

        # Buttons as wide as their words: at 92 px JupyterLab's font cut "intermediate".
        self.level = w.ToggleButtons(
            options=list(LEVELS), description="Level", style=DESCRIPTION, layout=WRAP
        )
        self.level.style.button_width = "auto"
        self.level.add_class("wb-level")
        link((model, "level"), (self.level, "value"))

        self.sport = w.Dropdown(
            options=[(p.name, p.id) for p in model.profiles.values()],
            description="Sport profile",
            layout=WIDE,
            style=DESCRIPTION,
        )
        link((model, "sport"), (self.sport, "value"))

        self.scope = w.ToggleButtons(
            options=[(SCOPE_LABELS[scope][0], scope) for scope in SCOPES],
            description="Plan",
            tooltips=[SCOPE_LABELS[scope][1] for scope in SCOPES],
            style=DESCRIPTION,
            layout=WRAP,
        )
        self.scope.style.button_width = "auto"
        self.scope.add_class("wb-scope")
        link((model, "scope"), (self.scope, "value"))

        self.avoid, avoid_grid = toggle_grid(
            model,
            "avoid",
            [(tag, short_label(tag_name(tag)), tag) for tag in TAGS],
            "wb-avoid",
        )

        super().__init__(
            [
                self.name,
                w.HBox(
                    [
                        w.Label("Training days", layout=w.Layout(width="114px")),
                        *self.weekdays.values(),
                    ]
                ),
                self.minutes,
                self.warmup,
                w.Label("Equipment (bodyweight always counts)"),
                equipment_grid,
                # Seven kits and more: the row wraps rather than running off a narrow panel.
                w.HBox(
                    [w.Label("Kits", layout=w.Layout(width="114px")), *self.kits.values()],
                    layout=w.Layout(flex_flow="row wrap"),
                ),
                self.level,
                self.sport,
                self.scope,
                w.Label("Avoid (injuries): exercises with"),
                avoid_grid,
            ],
            layout=WIDE,
        )
