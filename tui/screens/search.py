"""SearchModal: a search line over the list of its hits; enter jumps, the list picks a hit.

Typing updates the list of hits (every row, every language, the focused language's first in
the count). Enter in the line dismisses with the query alone: the app goes to the next hit
in the focused language (an empty line clears the highlight). ↓ moves into the list; enter
there dismisses with that hit.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from ..find import Hit
from ..safe_text import labelled

MAX_LISTED = 500  # hits listed; the count says how many there are in all


class SearchModal(ModalScreen[tuple[str, Hit | None] | None]):
    """Ask for a search string; dismiss with (query, None), (query, hit) or None (escape)."""

    DEFAULT_CSS = """
    SearchModal { align: center top; }
    SearchModal > Vertical {
        width: 90%; max-width: 110; height: auto; max-height: 80%; margin-top: 2;
        border: round $accent; background: $panel;
    }
    SearchModal #hits { height: auto; max-height: 16; border: none; }
    SearchModal #count { color: $text-muted; }
    """
    BINDINGS = [
        Binding("escape", "cancel", "Cancel search", id="search.cancel"),
        Binding("down", "to_list", "Move into the hits", id="search.list", show=False),
    ]

    def __init__(
        self,
        previous: str,
        find: Callable[[str], Sequence[Hit]],
        describe: Callable[[Hit], Content],
        lang: str,
    ) -> None:
        super().__init__()
        self._previous = previous
        self._find = find
        self._describe = describe
        self._lang = lang
        self._hits: list[Hit] = []

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(
                labelled(
                    "Search every language, ignoring case (enter: next match "
                    "in $lang, or on an empty line: clear · ↓: the list · "
                    "escape: cancel)",
                    lang=self._lang,
                )
            )
            yield Input(self._previous, placeholder="text to find", id="query")
            yield Static("", id="count", markup=False)
            yield OptionList(id="hits")

    def on_mount(self) -> None:
        self.query_one(Input).focus()
        self._list(self._previous)

    @on(Input.Changed, "#query")
    def _changed(self, event: Input.Changed) -> None:
        self._list(event.value)

    def _list(self, query: str) -> None:
        hits = list(self._find(query)) if query else []
        self._hits = hits[:MAX_LISTED]
        options = self.query_one("#hits", OptionList)
        options.clear_options()
        options.add_options([Option(self._describe(hit)) for hit in self._hits])
        here = sum(1 for hit in hits if hit.lang == self._lang)
        rows = len({hit.row for hit in hits})
        text = (
            f"{len(hits)} matches in {rows} rows, {here} in {self._lang}"
            + (f" (the first {MAX_LISTED} listed)" if len(hits) > MAX_LISTED else "")
            if hits
            else ("no match" if query else "")
        )
        self.query_one("#count", Static).update(Content(text))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss((event.value, None))  # an empty query clears the highlight

    @on(OptionList.OptionSelected, "#hits")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        query = self.query_one(Input).value
        self.dismiss((query, self._hits[event.option_index]))

    def action_to_list(self) -> None:
        options = self.query_one("#hits", OptionList)
        if self._hits and not options.has_focus:
            options.focus()
            options.highlighted = 0

    def action_cancel(self) -> None:
        self.dismiss(None)
