"""EditModal: a text area prefilled with the cell's current text; ctrl+s keeps, escape cancels.

The text area shows the cell through ``visible()``: control characters (ESC, C1, bidi
overrides...) appear as symbols and never reach the terminal. ``restore`` maps them back on
save where the reviewer left the text alone, so a cell saved untouched is the original,
character for character. A save that fails keeps the modal open with the reviewer's text;
after a conflict the editor shows the other program's text and keeps the reviewer's beside it.
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path
from typing import Callable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static, TextArea

from ..safe_text import labelled, visible

RETRY_SECONDS = 1.0  # a save refused because another save holds the lock is tried again
# Line and paragraph separators are line breaks to the text area (it would give them back
# as "\n"): shown as symbols too, so that they survive an edit that does not touch them.
_LINE_BREAKS = {0x2028: "↵", 0x2029: "¶"}


def shown(text: str) -> str:
    """``text`` as the editor shows it: ``visible()``, line separators as symbols too (one
    character for one)."""
    return visible(text).translate(_LINE_BREAKS)


def restore(reference: str, edited: str) -> str:
    """The text to save for ``edited``, the editor's text, shown from ``reference``.

    The editor showed ``shown(reference)``: every control character replaced by a visible
    symbol (one character for one, so positions agree). Where ``edited`` still holds
    ``shown(reference)``'s characters in place (the common start and end, then the equal
    runs of a character diff of the middle), the reference's own characters come back; what
    the reviewer typed or pasted is kept as typed (a typed "¿" stays "¿"). So nothing the
    reviewer did not touch is lost, and no control character appears that was not there.
    """
    display = shown(reference)
    if display == reference:
        return edited
    if edited == display:
        return reference
    n, m = len(display), len(edited)
    limit = min(n, m)
    start = 0
    while start < limit and display[start] == edited[start]:
        start += 1
    end = 0
    while end < limit - start and display[n - 1 - end] == edited[m - 1 - end]:
        end += 1
    parts = [reference[:start]]
    ref_mid, shown_mid, edited_mid = reference[start:n - end], display[start:n - end], \
        edited[start:m - end]
    if ref_mid == shown_mid:
        parts.append(edited_mid)
    else:
        matcher = SequenceMatcher(None, shown_mid, edited_mid, autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            parts.append(ref_mid[i1:i2] if tag == "equal" else edited_mid[j1:j2])
    parts.append(reference[n - end:])
    return "".join(parts)


@dataclass(frozen=True)
class SaveFailure:
    """Why a save from the editor did not happen, as the modal shows it."""

    message: str                 # the error, shown literally
    current: str | None = None   # a conflict: the cell's text now (the other program's)
    kept_in: Path | None = None  # the recovery file holding the reviewer's text
    kept_error: str = ""         # why no recovery file could be written
    retry: bool = False          # another save holds the lock: tried again by itself


# save(text, expect) -> None when saved (the modal closes), else why not
Saver = Callable[[str, str], "SaveFailure | None"]


class EditModal(ModalScreen["str | None"]):
    """Edit one cell; ``save`` is called on ctrl+s and the modal closes when it succeeds.

    Dismisses with None, or with the reviewer's text when it is closed unsaved after a failed
    save (escape): the caller keeps it in a recovery file and says where.
    """

    DEFAULT_CSS = """
    EditModal { align: center middle; }
    EditModal > Vertical {
        width: 90%; height: 80%; border: round $accent; background: $panel; padding: 0 1;
    }
    EditModal #editor { height: 1fr; }
    EditModal #mine { height: 1fr; display: none; border: round $warning; }
    EditModal.conflict #mine { display: block; }
    EditModal #problem { display: none; color: $text; background: $error 40%; }
    EditModal.failed #problem, EditModal.warned #problem { display: block; }
    EditModal .hint { color: $text-muted; }
    """
    BINDINGS = [
        Binding("ctrl+s", "keep", "Keep fix", id="edit.keep", priority=True),
        Binding("escape", "cancel", "Cancel", id="edit.cancel", priority=True),
        Binding("ctrl+r", "use_mine", "Put my unsaved text back", id="edit.mine",
                priority=True),
    ]

    def __init__(self, title: str, text: str, original: str, save: Saver,
                 cell: tuple[int, str] | None = None) -> None:
        super().__init__()
        self.cell = cell  # (row, lang) being edited
        self._title = title
        self._expect = text      # the cell text the save is based on (conflict check)
        self._shown_from = text  # the real text the editor's content was shown from
        self._original = original
        self._save = save
        self._mine: str | None = None  # after a conflict: the reviewer's unsaved text
        self._kept_in: Path | None = None
        self._retry = None

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(labelled("[b]$title[/b]", title=self._title), id="edit-title")
            yield Static("", id="problem", markup=False)
            yield TextArea(shown(self._expect), id="editor", soft_wrap=True,
                           show_line_numbers=False)
            yield TextArea("", id="mine", soft_wrap=True, show_line_numbers=False,
                           read_only=True)
            yield Static(labelled("original: $text", text=self._original[:400]), classes="hint")
            yield Static("ctrl+s keep the fix · escape cancel", id="keys", classes="hint",
                         markup=False)

    def on_mount(self) -> None:
        editor = self.editor
        editor.focus()
        editor.move_cursor(editor.document.end)

    @property
    def editor(self) -> TextArea:
        return self.query_one("#editor", TextArea)

    @property
    def text(self) -> str:
        """The editor's text as it would be saved (control characters restored)."""
        return restore(self._shown_from, self.editor.text)

    @property
    def kept_in(self) -> Path | None:
        """The recovery file holding the reviewer's unsaved text, when one was written."""
        return self._kept_in

    def action_keep(self) -> None:
        self._stop_retry()
        text = self.text
        if text == self._expect:
            self.dismiss(None)  # nothing changed: nothing to save
            return
        failure = self._save(text, self._expect)
        if failure is None:
            self.dismiss(None)
            return
        self._failed(text, failure)

    def _failed(self, text: str, failure: SaveFailure) -> None:
        if failure.kept_in is not None:
            self._kept_in = failure.kept_in
        kept = (f"Your text is kept in {failure.kept_in} until it is saved."
                if failure.kept_in is not None else
                f"No recovery file could be written ({failure.kept_error}): your text is only "
                "here; do not close this editor before it is saved or copied.")
        if failure.current is not None:  # a conflict: show theirs, keep ours beside it
            self._mine = text
            self._expect = self._shown_from = failure.current
            self.editor.text = shown(failure.current)
            self.editor.move_cursor(self.editor.document.end)
            self.query_one("#mine", TextArea).text = shown(text)
            self.query_one("#mine", TextArea).border_title = "your unsaved text"
            self.add_class("conflict")
            lines = ["NOT SAVED: another program changed this cell while you edited it. The "
                     "editor now shows its text; your text is in the box below.", kept,
                     "Redo your change in the editor and press ctrl+s, or ctrl+r to put your "
                     "text back in the editor (it then replaces theirs when saved)."]
        elif failure.retry:
            lines = ["NOT SAVED YET: " + failure.message, "Your text is still in the editor. "
                     f"Trying again every {RETRY_SECONDS:.0f} s; escape stops.", kept]
            self._retry = self.set_timer(RETRY_SECONDS, self.action_keep)
        else:
            lines = ["NOT SAVED: " + failure.message, "Your text is still in the editor. " +
                     kept, "ctrl+s tries again; escape closes the editor."]
        problem = self.query_one("#problem", Static)
        problem.update(visible("\n".join(lines)))
        self.add_class("failed")
        self.query_one("#keys", Static).update(
            "ctrl+s save · ctrl+r put my text back · escape close" if self._mine is not None
            else "ctrl+s save · escape close")

    def changed_elsewhere(self) -> None:
        """Another program saved this cell while it is being edited: say so now."""
        if self.has_class("failed"):
            return
        self.query_one("#problem", Static).update(
            "Another program changed this cell while you edit it. ctrl+s will not save over "
            "it: it shows you its text, and keeps yours beside it.")
        self.add_class("warned")

    def action_use_mine(self) -> None:
        if self._mine is None:
            return
        self._shown_from = self._mine
        self.editor.text = shown(self._mine)
        self.editor.move_cursor(self.editor.document.end)
        self.editor.focus()

    def action_cancel(self) -> None:
        self._stop_retry()
        unsaved = None
        if self.has_class("failed"):
            text = self.text
            unsaved = text if text != self._expect else self._mine
        self.dismiss(unsaved)

    def _stop_retry(self) -> None:
        if self._retry is not None:
            self._retry.stop()
            self._retry = None
