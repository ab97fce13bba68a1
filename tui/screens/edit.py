"""EditModal: a text area prefilled with the cell's current text; ctrl+s keeps, escape cancels.

Above the text area: every other version of the row and the cell's original, to translate
from. The editor opens with the focused spot selected (typing replaces it); Tab / shift+tab
select the next / previous flagged spot, so Tab never reaches the grid behind; ctrl+t puts
the flag's suggestion at the cursor (for text missing at no known place); ctrl+j keeps the fix
and approves the cell. Word moves are the text area's ctrl+left / ctrl+right, which is also
what alt+b / alt+f arrive as through tmux.

The text area shows the cell through ``visible()``: control characters (ESC, C1, bidi
overrides...) appear as symbols and never reach the terminal. ``restore`` maps them back on
save where the reviewer left the text alone, so a cell saved untouched is the original,
character for character. A save that fails keeps the modal open with the reviewer's text;
after a conflict the editor shows the other program's text and keeps the reviewer's beside it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static, TextArea
from textual.widgets.text_area import Selection

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
    ref_mid, shown_mid, edited_mid = (
        reference[start : n - end],
        display[start : n - end],
        edited[start : m - end],
    )
    if ref_mid == shown_mid:
        parts.append(edited_mid)
    else:
        matcher = SequenceMatcher(None, shown_mid, edited_mid, autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            parts.append(ref_mid[i1:i2] if tag == "equal" else edited_mid[j1:j2])
    parts.append(reference[n - end :])
    return "".join(parts)


@dataclass(frozen=True)
class SaveFailure:
    """Why a save from the editor did not happen, as the modal shows it."""

    message: str  # the error, shown literally
    current: str | None = None  # a conflict: the cell's text now (the other program's)
    kept_in: Path | None = None  # the recovery file holding the reviewer's text
    kept_error: str = ""  # why no recovery file could be written
    retry: bool = False  # another save holds the lock: tried again by itself


# save(text, expect, approve) -> None when saved (the modal closes), else why not
Saver = Callable[[str, str, bool], "SaveFailure | None"]


@dataclass(frozen=True)
class EditPlace:
    """Where the editor opens and what it offers: the spot selected at first (cell offsets),
    the flagged spots Tab steps through, and a suggestion ctrl+t inserts at the cursor."""

    select: tuple[int, int] | None = None
    spots: tuple[tuple[int, int], ...] = ()
    insert: str | None = None
    hint: str = ""


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
    EditModal #editor { height: 1fr; min-height: 5; }
    EditModal #versions { height: auto; max-height: 45%; border-bottom: solid $primary; }
    EditModal #place { color: $text; background: $accent 30%; }
    EditModal #mine { height: 1fr; display: none; border: round $warning; }
    EditModal.conflict #mine { display: block; }
    EditModal #problem { display: none; color: $text; background: $error 40%; }
    EditModal.failed #problem, EditModal.warned #problem { display: block; }
    EditModal .hint { color: $text-muted; }
    """
    BINDINGS = [
        Binding("ctrl+s", "keep", "Keep fix", id="edit.keep", priority=True),
        Binding("escape", "cancel", "Cancel", id="edit.cancel", priority=True),
        Binding("ctrl+r", "use_mine", "Put my unsaved text back", id="edit.mine", priority=True),
        Binding(
            "ctrl+j", "keep_and_approve", "Keep fix and approve", id="edit.approve", priority=True
        ),
        Binding(
            "ctrl+t",
            "insert_suggestion",
            "Insert the suggestion at the cursor",
            id="edit.insert",
            priority=True,
        ),
        Binding(
            "ctrl+end", "text_end", "Cursor to the end of the text", id="edit.end", priority=True
        ),
        Binding(
            "ctrl+home",
            "text_start",
            "Cursor to the start of the text",
            id="edit.start",
            priority=True,
        ),
        Binding("tab", "next_spot", "Next flagged spot", id="edit.next_spot", priority=True),
        Binding(
            "shift+tab",
            "previous_spot",
            "Previous flagged spot",
            id="edit.previous_spot",
            priority=True,
        ),
    ]

    def __init__(
        self,
        title: str,
        text: str,
        original: str,
        save: Saver,
        cell: tuple[int, str] | None = None,
        versions: tuple[tuple[str, str], ...] = (),
        place: EditPlace | None = None,
    ) -> None:
        super().__init__()
        self._versions = versions  # (label, text) of the row's other versions, shown above
        self._place = place or EditPlace()
        self.cell = cell  # (row, lang) being edited
        self._title = title
        self._expect = text  # the cell text the save is based on (conflict check)
        self._shown_from = text  # the real text the editor's content was shown from
        self._original = original
        self._save = save
        self._mine: str | None = None  # after a conflict: the reviewer's unsaved text
        self._kept_in: Path | None = None
        self._retry = None
        self._approving = False

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(labelled("[b]$title[/b]", title=self._title), id="edit-title")
            if self._versions:
                with VerticalScroll(id="versions"):
                    yield Static(
                        Content("\n").join(
                            labelled("[b]$label[/b] $text", label=label, text=text)
                            for label, text in self._versions
                        ),
                        id="versions-text",
                    )
            if self._place.hint:
                yield Static(labelled("$hint", hint=self._place.hint), id="place")
            yield Static("", id="problem", markup=False)
            yield TextArea(
                shown(self._expect), id="editor", soft_wrap=True, show_line_numbers=False
            )
            yield TextArea("", id="mine", soft_wrap=True, show_line_numbers=False, read_only=True)
            if not self._versions:  # else the original is one of the versions above
                yield Static(labelled("original: $text", text=self._original[:400]), classes="hint")
            yield Static(
                "ctrl+s keep the fix · ctrl+j keep and approve · tab next spot · "
                + ("ctrl+t insert the suggestion · " if self._place.insert else "")
                + "escape cancel",
                id="keys",
                classes="hint",
                markup=False,
            )

    def on_mount(self) -> None:
        editor = self.editor
        editor.focus()
        if self._place.select is None:
            editor.move_cursor(editor.document.end)
        else:
            self._select(*self._place.select)

    def _select(self, start: int, end: int) -> None:
        """Select cell offsets [start, end) (the cursor at ``end``), scrolled into view."""
        document = self.editor.document
        size = len(self.editor.text)
        start, end = max(0, min(start, size)), max(0, min(end, size))
        self.editor.selection = Selection(
            document.get_location_from_index(start), document.get_location_from_index(end)
        )
        self.editor.scroll_cursor_visible()

    def _spots_now(self) -> list[tuple[int, int]]:
        """The flagged spots mapped onto the text as edited so far (an edit before a spot
        shifts it; a spot whose text was rewritten shrinks to where it was)."""
        opened, now = shown(self._expect), self.editor.text
        if opened == now:
            return list(self._place.spots)
        blocks = SequenceMatcher(None, opened, now, autojunk=False).get_opcodes()

        def moved(offset: int) -> int:
            for tag, i1, i2, j1, j2 in blocks:
                if i1 <= offset < i2 or (offset == i2 and tag != "equal"):
                    return j1 + (offset - i1 if tag == "equal" else min(offset - i1, j2 - j1))
            return len(now)

        return [(moved(a), max(moved(a), moved(b))) for a, b in self._place.spots]

    def action_next_spot(self) -> None:
        self._step_spot(forward=True)

    def action_previous_spot(self) -> None:
        self._step_spot(forward=False)

    def _step_spot(self, forward: bool) -> None:
        spots = sorted(self._spots_now())
        if not spots:
            self.notify("No flagged spot in this cell.", markup=False)
            return
        document = self.editor.document
        here = document.get_index_from_location(self.editor.selection.start)
        if forward:
            after = [s for s in spots if s[0] > here]
            target = after[0] if after else spots[0]
        else:
            before = [s for s in spots if s[0] < here]
            target = before[-1] if before else spots[-1]
        self._select(*target)

    def action_insert_suggestion(self) -> None:
        if self._place.insert is None:
            self.notify("This spot has no suggestion to insert.", markup=False)
            return
        self.editor.replace(shown(self._place.insert), *self.editor.selection)
        self.editor.focus()

    def action_text_end(self) -> None:
        self.editor.move_cursor(self.editor.document.end)

    def action_text_start(self) -> None:
        self.editor.move_cursor((0, 0))

    def action_keep_and_approve(self) -> None:
        self.action_keep(approve=True)

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

    def action_keep(self, approve: bool = False) -> None:
        self._stop_retry()
        self._approving = approve  # a save tried again later still approves
        text = self.text  # unchanged text goes to the save too: it says so, or shows theirs
        failure = self._save(text, self._expect, approve)
        if failure is None:
            self.dismiss(None)
            return
        self._failed(text, failure)

    def _failed(self, text: str, failure: SaveFailure) -> None:
        if failure.kept_in is not None:
            self._kept_in = failure.kept_in
        kept = (
            f"Your text is kept in {failure.kept_in} until it is saved."
            if failure.kept_in is not None
            else f"No recovery file could be written ({failure.kept_error}): your text is only "
            "here; do not close this editor before it is saved or copied."
        )
        if failure.current is not None:  # a conflict: show theirs, keep ours beside it
            self._mine = text
            self._expect = self._shown_from = failure.current
            self.editor.text = shown(failure.current)
            self.editor.move_cursor(self.editor.document.end)
            self.query_one("#mine", TextArea).text = shown(text)
            self.query_one("#mine", TextArea).border_title = "your unsaved text"
            self.add_class("conflict")
            lines = [
                "NOT SAVED: another program changed this cell while you edited it. The "
                "editor now shows its text; your text is in the box below.",
                kept,
                "Redo your change in the editor and press ctrl+s, or ctrl+r to put your "
                "text back in the editor (it then replaces theirs when saved).",
            ]
        elif failure.retry:
            lines = [
                "NOT SAVED YET: " + failure.message,
                "Your text is still in the editor. "
                f"Trying again every {RETRY_SECONDS:.0f} s; escape stops.",
                kept,
            ]
            self._retry = self.set_timer(RETRY_SECONDS, lambda: self.action_keep(self._approving))
        else:
            lines = [
                "NOT SAVED: " + failure.message,
                "Your text is still in the editor. " + kept,
                "ctrl+s tries again; escape closes the editor.",
            ]
        problem = self.query_one("#problem", Static)
        problem.update(visible("\n".join(lines)))
        self.add_class("failed")
        self.query_one("#keys", Static).update(
            "ctrl+s save · ctrl+r put my text back · escape close"
            if self._mine is not None
            else "ctrl+s save · escape close"
        )

    def changed_elsewhere(self) -> None:
        """Another program saved this cell while it is being edited: say so now."""
        if self.has_class("failed"):
            return
        self.query_one("#problem", Static).update(
            "Another program changed this cell while you edit it. ctrl+s will not save over "
            "it: it shows you its text, and keeps yours beside it."
        )
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
