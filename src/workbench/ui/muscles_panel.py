"""Per-muscle priorities and weekly target bands, one row per posterior-chain muscle."""

from __future__ import annotations

import ipywidgets as w
from traitlets import dlink

from workbench.ui.choices_model import ChoicesModel

__all__ = ["MusclesPanel"]

#: Largest band a slider offers [sets/week].
MAX_SETS = 40.0


class MusclesPanel(w.VBox):
    """Sliders that show the resolved value and store an override when moved."""

    def __init__(self, model: ChoicesModel) -> None:
        self.priorities: dict[str, w.FloatSlider] = {}
        self.targets: dict[str, w.FloatRangeSlider] = {}
        rows = []
        for muscle in model.library.posterior_chain:
            priority = w.FloatSlider(
                min=0,
                max=5,
                step=0.5,
                continuous_update=False,
                description="priority",
                readout_format=".1f",
                layout=w.Layout(width="230px"),
                style={"description_width": "52px"},
            )
            target = w.FloatRangeSlider(
                min=0,
                max=max(MAX_SETS, muscle.max_sets),
                step=0.5,
                continuous_update=False,
                description="sets/week",
                readout_format=".1f",
                layout=w.Layout(width="300px"),
                style={"description_width": "62px"},
            )
            dlink((model, "resolved_priorities"), (priority, "value"), lambda p, m=muscle.id: p[m])
            dlink((model, "resolved_targets"), (target, "value"), lambda t, m=muscle.id: t[m])
            priority.observe(lambda c, m=muscle.id: model.set_priority(m, c.new), names="value")
            target.observe(lambda c, m=muscle.id: model.set_target(m, *c.new), names="value")
            self.priorities[muscle.id] = priority
            self.targets[muscle.id] = target
            rows.append(
                w.HBox(
                    [w.Label(muscle.name, layout=w.Layout(width="150px")), priority, target],
                    layout=w.Layout(flex_flow="row wrap"),
                )
            )
        self.reset = w.Button(description="Reset to profile defaults", icon="undo")
        self.reset.on_click(lambda _: model.reset_overrides())
        super().__init__([*rows, self.reset])
