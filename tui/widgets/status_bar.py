"""StatusBar: docset title, focused language, review progress and save state."""

from __future__ import annotations

from textual.content import Content

from ..safe_text import visible
from .content_box import ContentBox

_MIN_TITLE = 12  # cells the title keeps however narrow the terminal
_TITLE = 60  # cells the title takes at most


class StatusBar(ContentBox):
    """One line at the bottom, above the footer.

    The title gives way: it is cut (with an ellipsis) to the room the counts and the save
    state leave, so "NOT SAVED" stays in sight on a narrow terminal. A notice (e.g. "search
    moved from en to zh (no match in en)") takes the place of the title and the counts.
    """

    DEFAULT_CSS = """
    StatusBar { height: 1; background: $primary-background; color: $text; padding: 0 1; }
    """

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._values: tuple | None = None

    def show(
        self,
        title: str,
        lang: str,
        reviewed: int,
        total: int,
        open_flags: int,
        save_state: str,
        filter_name: str = "all",
        notice: str = "",
    ) -> None:
        """Update the line; every value is shown literally."""
        self._values = (title, lang, reviewed, total, open_flags, save_state, filter_name, notice)
        self._compose_line()

    def on_resize(self) -> None:
        if self._values is not None:
            self._compose_line()

    def _compose_line(self) -> None:
        title, lang, reviewed, total, open_flags, save_state, filter_name, notice = self._values
        saved = (visible(save_state), "$success" if save_state.startswith("saved") else "$warning")
        flags = "$warning" if open_flags else "$success"
        rest = Content.assemble(
            "  ·  ",
            (f"{lang} {reviewed}/{total} reviewed", ""),
            " · ",
            (f"{open_flags} open flags", flags),
            " · ",
            (f"filter: {filter_name}", ""),
            " · ",
            saved,
        )
        width = self.content_size.width
        if width and width - rest.cell_length < _MIN_TITLE:
            # too narrow for the words: the counts in short, so the save state stays in sight
            rest = Content.assemble(
                " · ",
                (f"{lang} {reviewed}/{total}", ""),
                " · ",
                (f"{open_flags}⚑", flags),
                " · ",
                (filter_name, ""),
                " · ",
                saved,
            )
        width = self.content_size.width
        if notice:  # what the reviewer must see now: it takes the place of title and counts
            state = Content.assemble(
                " · ",
                (visible(save_state), "$success" if save_state.startswith("saved") else "$warning"),
            )
            room = max(width - state.cell_length, _MIN_TITLE) if width else len(notice)
            shown = Content(visible(notice)).truncate(room, ellipsis=True).plain
            self.set_content(Content.assemble((shown, "bold $accent"), state))
            return
        room = min(max(width - rest.cell_length, _MIN_TITLE), _TITLE) if width else _TITLE
        shown = Content(visible(title)).truncate(room, ellipsis=True).plain
        self.set_content(Content.assemble((shown, "bold"), rest))
