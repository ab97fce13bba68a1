"""Find and replace over one language: ReplaceModal asks what, ReplacePreviewModal shows each
change before it is made (y accept, n skip, a accept all the rest, escape stop).

Every accepted change goes through the app's ``apply`` callback, which saves it through the
review session as an ordinary fix (one undo step each); a failed save stops the run and says
why, the text shown being what is on disk.
"""

from __future__ import annotations

from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from ..find import Change, ReplaceRun, context
from ..safe_text import labelled, visible


class ReplaceModal(ModalScreen[tuple[str, str] | None]):
    """Ask for the text to find and its replacement; dismiss with both or None."""

    DEFAULT_CSS = """
    ReplaceModal { align: center top; }
    ReplaceModal > Vertical {
        width: 90%; max-width: 90; height: auto; margin-top: 2; border: round $accent;
        background: $panel;
    }
    """
    BINDINGS = [Binding("escape", "cancel", "Cancel replace", id="replace.cancel")]

    def __init__(self, lang: str, find: str = "") -> None:
        super().__init__()
        self._lang = lang
        self._find = find

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(
                labelled(
                    "Find and replace in [b]$lang[/b], exact case; each change "
                    "is shown before it is made (enter: next field, then preview "
                    "· escape: cancel)",
                    lang=self._lang,
                )
            )
            yield Input(self._find, placeholder="text to find", id="find")
            yield Input("", placeholder="replace with", id="replacement")

    def on_mount(self) -> None:
        self.query_one("#find", Input).focus()

    @on(Input.Submitted, "#find")
    def _to_replacement(self) -> None:
        self.query_one("#replacement", Input).focus()

    @on(Input.Submitted, "#replacement")
    def _done(self) -> None:
        find = self.query_one("#find", Input).value
        if not find:
            self.query_one("#find", Input).focus()
            return
        self.dismiss((find, self.query_one("#replacement", Input).value))

    def action_cancel(self) -> None:
        self.dismiss(None)


class ReplacePreviewModal(ModalScreen[ReplaceRun]):
    """One planned change at a time, before and after, at the bottom of the screen while the
    grid above shows its row; dismissed with the run (its counts)."""

    DEFAULT_CSS = """
    ReplacePreviewModal { align: center bottom; }
    ReplacePreviewModal > Vertical {
        width: 90%; max-width: 110; height: auto; margin-bottom: 1; border: round $accent;
        background: $panel; padding: 0 1;
    }
    ReplacePreviewModal #keys { color: $text-muted; }
    """
    BINDINGS = [
        Binding("y,enter", "accept", "Accept this change", id="replace.accept"),
        Binding("n,s", "skip", "Skip this change", id="replace.skip"),
        Binding("a", "accept_all", "Accept all the remaining changes", id="replace.all"),
        Binding("escape,q", "stop", "Stop replacing", id="replace.stop"),
    ]

    def __init__(
        self,
        run: ReplaceRun,
        row_id: Callable[[int], str],
        cell_text: Callable[[int, str], str],
        apply: Callable[[Change, str, str], str | None],
        follow: Callable[[Change, int], None] | None = None,
    ) -> None:
        super().__init__()
        self.run = run
        self._row_id = row_id
        self._cell_text = cell_text
        self._apply = apply  # (change, old text, new text) -> None, or why it failed
        self._follow = follow  # (change, shift): the grid behind shows the change's row

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static("", id="where", markup=False)
            yield Static("", id="before")
            yield Static("", id="after")
            yield Static(
                "y/enter accept · n skip · a accept all the rest · escape stop",
                id="keys",
                markup=False,
            )

    def on_mount(self) -> None:
        self._show()

    def _show(self) -> None:
        change = self.run.current
        if change is None:
            self.dismiss(self.run)
            return
        text = self._cell_text(change.row, change.lang)
        shift = self.run.shift(change)
        start, end = change.start + shift, change.end + shift
        if self._follow is not None:
            self._follow(change, shift)
        before, found, after = (visible(part) for part in context(text, start, end))
        total = len(self.run.changes)
        self.query_one("#where", Static).update(
            Content(
                f"change {self.run.index + 1} of {total} · {visible(self._row_id(change.row))} "
                f"{visible(change.lang)}"
            )
        )
        self.query_one("#before", Static).update(
            Content.assemble(("- ", "bold $error"), before, (found, "bold reverse $error"), after)
        )
        self.query_one("#after", Static).update(
            Content.assemble(
                ("+ ", "bold $success"),
                before,
                (visible(change.replacement), "bold reverse $success"),
                after,
            )
        )

    def _accept_current(self) -> bool:
        change = self.run.current
        text = self._cell_text(change.row, change.lang)
        new = self.run.new_text(text)
        if new is None:  # the cell changed since the plan (e.g. another program saved it)
            self.run.skip()
            return True
        problem = self._apply(change, text, new)
        if problem:
            self.run.problem = problem
            self.dismiss(self.run)
            return False
        self.run.accept()
        return True

    def action_accept(self) -> None:
        if self.run.current is not None and self._accept_current():
            self._show()

    def action_skip(self) -> None:
        if self.run.current is not None:
            self.run.skip()
            self._show()

    def action_accept_all(self) -> None:
        while self.run.current is not None:
            if not self._accept_current():
                return
        self.dismiss(self.run)

    def action_stop(self) -> None:
        self.dismiss(self.run)
