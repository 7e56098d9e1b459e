"""The client's basic limits: name, weekdays, minutes, equipment and kits, level, sport, avoids."""

from __future__ import annotations

import ipywidgets as w
from traitlets import dlink, link

from workbench.glossary import BODYWEIGHT, LEVELS, TAGS, WEEKDAYS
from workbench.ui.model import DashboardModel

__all__ = ["ControlsPanel"]

WIDE = w.Layout(width="100%")
DESCRIPTION = {"description_width": "110px"}


class ControlsPanel(w.VBox):
    """Widgets bound to the model's client traits; every callback is one model call."""

    def __init__(self, model: DashboardModel) -> None:
        library = model.library
        self.name = w.Text(
            description="Client", continuous_update=False, layout=WIDE, style=DESCRIPTION
        )
        link((model, "name"), (self.name, "value"))

        self.weekdays = {
            day: w.ToggleButton(description=day, layout=w.Layout(width="44px", padding="0"))
            for day in WEEKDAYS
        }
        for day, toggle in self.weekdays.items():
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

        self.equipment = w.SelectMultiple(
            options=[(e.name, e.id) for e in library.equipment if e.id != BODYWEIGHT],
            rows=7,
            description="Equipment",
            layout=WIDE,
            style=DESCRIPTION,
        )
        link((model, "equipment"), (self.equipment, "value"))

        self.kits = {
            kit.id: w.Button(
                description=kit.id.capitalize(),
                tooltip=kit.name,
                layout=w.Layout(width="auto"),
            )
            for kit in model.kits.values()
        }
        for kit_id, button in self.kits.items():
            button.on_click(lambda _, kit_id=kit_id: model.apply_kit(kit_id))
            dlink(
                (model, "kit"),
                (button, "button_style"),
                lambda kit, kit_id=kit_id: "info" if kit == kit_id else "",
            )

        self.level = w.ToggleButtons(options=list(LEVELS), description="Level", style=DESCRIPTION)
        self.level.style.button_width = "92px"
        link((model, "level"), (self.level, "value"))

        self.sport = w.Dropdown(
            options=[(p.name, p.id) for p in model.profiles.values()],
            description="Sport profile",
            layout=WIDE,
            style=DESCRIPTION,
        )
        link((model, "sport"), (self.sport, "value"))

        self.avoid = w.SelectMultiple(
            options=[(tag.replace("_", " "), tag) for tag in TAGS],
            rows=4,
            description="Avoid (injury)",
            layout=WIDE,
            style=DESCRIPTION,
        )
        link((model, "avoid"), (self.avoid, "value"))

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
                self.equipment,
                w.HBox([w.Label("Kits", layout=w.Layout(width="114px")), *self.kits.values()]),
                self.level,
                self.sport,
                self.avoid,
            ],
            layout=WIDE,
        )
