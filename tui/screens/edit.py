"""EditModal: a text area prefilled with the cell's current text; ctrl+s keeps, escape cancels."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static, TextArea

from ..safe_text import labelled


class EditModal(ModalScreen[str | None]):
    """Edit one cell. Dismisses with the new text (ctrl+s) or None (escape)."""

    DEFAULT_CSS = """
    EditModal { align: center middle; }
    EditModal > Vertical {
        width: 90%; height: 80%; border: round $accent; background: $panel; padding: 0 1;
    }
    EditModal TextArea { height: 1fr; }
    EditModal .hint { color: $text-muted; }
    """
    BINDINGS = [
        Binding("ctrl+s", "keep", "Keep fix", id="edit.keep", priority=True),
        Binding("escape", "cancel", "Cancel", id="edit.cancel", priority=True),
    ]

    def __init__(self, title: str, text: str, original: str) -> None:
        super().__init__()
        self._title = title
        self._text = text
        self._original = original

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(labelled("[b]$title[/b]", title=self._title), markup=False)
            yield TextArea(self._text, id="editor", soft_wrap=True, show_line_numbers=False)
            yield Static(labelled("original: $text", text=self._original[:400]), classes="hint")
            yield Static("ctrl+s keep the fix · escape cancel", classes="hint", markup=False)

    def on_mount(self) -> None:
        editor = self.query_one(TextArea)
        editor.focus()
        editor.move_cursor(editor.document.end)

    def action_keep(self) -> None:
        self.dismiss(self.query_one(TextArea).text)

    def action_cancel(self) -> None:
        self.dismiss(None)
