"""PromptModal: one line of text asked for (a decision's reason, a reviewer note).

Enter gives the text (possibly empty), escape gives None. Tab stays in the prompt (the app
does not move the grid's language while a dialog is on top).
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from ..safe_text import labelled, visible


class PromptModal(ModalScreen["str | None"]):
    """Ask for one line; ``title`` says what for, ``value`` is the text to start from."""

    DEFAULT_CSS = """
    PromptModal { align: center bottom; }
    PromptModal > Vertical {
        width: 90%; height: auto; border: round $accent; background: $panel; padding: 0 1;
        margin-bottom: 3;
    }
    PromptModal .hint { color: $text-muted; }
    """
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="prompt.cancel")]

    def __init__(
        self, title: str, value: str = "", hint: str = "enter keeps · escape cancels"
    ) -> None:
        super().__init__()
        self._title, self._value, self._hint = title, value, hint

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(labelled("[b]$title[/b]", title=self._title), id="prompt-title")
            yield Input(visible(self._value), id="prompt-input")
            yield Static(self._hint, classes="hint", markup=False)

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)
