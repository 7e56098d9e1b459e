"""Swap and lock from the plan table: pick a row, lock it or ask for replacements; the
client's locks and swaps listed, each with a way to remove it."""

from __future__ import annotations

from html import escape

import ipywidgets as w

from workbench.ui.model import DashboardModel
from workbench.ui.whatif_model import row_choices

__all__ = ["PlacementsPanel"]

AUTO = w.Layout(width="auto", min_width="max-content")


class PlacementsPanel(w.VBox):
    def __init__(self, model: DashboardModel) -> None:
        self.model = model
        whatif = model.whatif
        # The row picker takes the width the buttons leave (a 100% width pushed Swap out of
        # the plan column).
        self.row = w.Dropdown(
            description="Row", layout=w.Layout(flex="1 1 auto", width="auto", min_width="0")
        )
        self.row.add_class("wb-plan-row")
        self.lock = w.Button(
            description="Lock", icon="lock", tooltip="Keep it on that day; re-plan the rest"
        )
        self.swap = w.Button(
            description="Swap…",
            icon="exchange",
            tooltip="Keep it off that day: offers the best same-family replacements",
        )
        self.lock.add_class("wb-lock-row")
        self.swap.add_class("wb-swap-row")
        for button in (self.lock, self.swap):
            button.layout = AUTO
        self.lock.on_click(lambda _: whatif.lock(*self.row.value))
        self.swap.on_click(lambda _: whatif.ask_swap(*self.row.value))
        self.note = w.HTML()
        self.note.add_class("wb-placement-note")
        self.offers = w.VBox()
        self.offer_buttons: list[w.Button] = []
        self.listed = w.VBox()
        self.listed.add_class("wb-placements")
        self.remove_buttons: dict[str, w.Button] = {}
        whatif.observe(lambda _: self.show_offers(), names=["candidates", "swap_row"])
        whatif.observe(lambda c: setattr(self.note, "value", escape(c.new)), "placement_note")
        model.plans.observe(lambda _: self.show_rows(), names="good")
        model.choices.observe(lambda _: self.show_placements(), names=["lock", "swap"])
        self.show_rows()
        self.show_placements()
        super().__init__(
            [
                w.HBox([self.row, self.lock, self.swap], layout=w.Layout(width="100%")),
                self.note,
                self.offers,
                self.listed,
            ]
        )

    def show_rows(self) -> None:
        choices = row_choices(self.model.plans.good)
        kept = self.row.value
        self.row.options = choices
        values = [value for _, value in choices]
        if values:  # the same row when the new plan still has it, else the first
            self.row.value = kept if kept in values else values[0]
        for button in (self.lock, self.swap):
            button.disabled = not choices

    def show_offers(self) -> None:
        """A button per replacement offered, then "Just drop it" and "Cancel"."""
        whatif = self.model.whatif
        self.offer_buttons = []
        if not whatif.swap_row:
            self.offers.children = ()
            return
        for index, offer in enumerate(whatif.candidates):
            button = w.Button(
                description=f"Use {offer.name}",
                tooltip=f"shortfall {offer.shortfall:g} sets a week, coach value {offer.value:.1f}",
                layout=AUTO,
            )
            button.add_class("wb-swap-offer")
            button.on_click(lambda _, index=index: whatif.take_swap(index))
            self.offer_buttons.append(button)
        drop = w.Button(description="Just drop it that day", layout=AUTO)
        cancel = w.Button(description="Cancel", layout=AUTO)
        drop.on_click(lambda _: whatif.drop_row())
        cancel.on_click(lambda _: whatif.cancel_swap())
        self.offers.children = (w.HBox([*self.offer_buttons, drop, cancel]),)

    def show_placements(self) -> None:
        """Each lock and swap, with a button that removes it (and re-plans)."""
        rows = []
        self.remove_buttons = {}
        choices = self.model.choices
        for kind, text, words in choices.placements():
            button = w.Button(
                icon="times", tooltip="Remove", layout=w.Layout(width="32px", min_width="32px")
            )
            button.add_class("wb-remove-placement")
            button.on_click(lambda _, kind=kind, text=text: choices.remove_placement(kind, text))
            self.remove_buttons[text] = button
            rows.append(w.HBox([button, w.HTML(escape(words))]))
        self.listed.children = rows
