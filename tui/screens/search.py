"""SearchModal: one line of input; enter searches all languages from the focused row."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static


class SearchModal(ModalScreen[str | None]):
    """Ask for a search string; dismiss with it (enter) or None (escape)."""

    DEFAULT_CSS = """
    SearchModal { align: center top; }
    SearchModal > Vertical {
        width: 70; height: auto; margin-top: 3; border: round $accent; background: $panel;
    }
    """
    BINDINGS = [Binding("escape", "cancel", "Cancel search", id="search.cancel")]

    def __init__(self, previous: str = "") -> None:
        super().__init__()
        self._previous = previous

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static("Search all languages (enter: find next · escape: cancel)", markup=False)
            yield Input(self._previous, placeholder="text to find", id="query")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value or None)

    def action_cancel(self) -> None:
        self.dismiss(None)
