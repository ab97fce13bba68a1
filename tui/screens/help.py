"""HelpScreen: every key binding of the app with its description (``?`` or F1)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static


class HelpScreen(ModalScreen[None]):
    """A modal listing all bindings; any of escape, q, ? closes it."""

    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll {
        width: 72; height: auto; max-height: 90%; border: round $accent;
        background: $panel; padding: 1 2;
    }
    """
    BINDINGS = [
        Binding("escape,q,question_mark,f1", "app.pop_screen", "Close help", id="help.close"),
    ]

    def __init__(self, bindings: list[Binding], editor: list[Binding] = ()) -> None:
        super().__init__()
        self._listed = bindings
        self._editor = list(editor)  # the editor's own keys, listed after the grid's

    def compose(self) -> ComposeResult:
        lines = [Content.from_markup("[b]aligner — keys[/b]"), Content("")]
        for binding in self._listed:
            keys = binding.key_display or _display_keys(binding.key)
            lines.append(Content.assemble((f"{keys:<18}", "bold $accent"), binding.description))
        if self._editor:
            lines += [Content(""), Content.from_markup("[b]in the editor (e)[/b]")]
            for binding in self._editor:
                keys = binding.key_display or _display_keys(binding.key)
                lines.append(Content.assemble((f"{keys:<18}", "bold $accent"), binding.description))
            lines.append(
                Content.assemble(
                    (f"{'ctrl+← / ctrl+→':<18}", "bold $accent"),
                    "Word left / right (alt+b / alt+f in tmux)",
                )
            )
        lines += [Content(""), Content("Every change is saved to review/<lang>.po at once.")]
        with VerticalScroll():
            yield Static(Content("\n").join(lines), id="help-text")


def _display_keys(keys: str) -> str:
    names = {
        "question_mark": "?",
        "slash": "/",
        "shift+tab": "shift+tab",
        "down": "↓",
        "up": "↑",
        "number_sign": "#",
    }
    return " / ".join(names.get(k, k) for k in keys.split(","))
