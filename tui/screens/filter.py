"""FilterModal: pick which rows the grid shows — all, flagged, unreviewed, or the rows with a
flag of one severity or of one check (with how many rows each shows)."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ..safe_text import visible


class FilterModal(ModalScreen[str | None]):
    """A list of filters; enter dismisses with the chosen name, escape with None."""

    DEFAULT_CSS = """
    FilterModal { align: center middle; }
    FilterModal > Vertical {
        width: 50; height: auto; max-height: 90%; border: round $accent; background: $panel;
    }
    FilterModal OptionList { height: auto; max-height: 20; border: none; }
    """
    BINDINGS = [Binding("escape,F", "cancel", "Close the filters", id="filter.cancel")]

    def __init__(self, choices: list[tuple[str, int | None]], current: str) -> None:
        super().__init__()
        self._choices = choices
        self._current = current

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static("Show the rows… (enter: choose · escape: close)", markup=False)
            options = []
            for name, count in self._choices:
                label = visible(name) + (
                    "" if count is None else f"  ({count} row{'' if count == 1 else 's'})"
                )
                mark = "● " if name == self._current else "  "
                options.append(Option(Content(mark + label), id=name))
            yield OptionList(*options, id="filters")

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        names = [name for name, _ in self._choices]
        options.highlighted = names.index(self._current) if self._current in names else 0
        options.focus()

    @on(OptionList.OptionSelected)
    def _picked(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
