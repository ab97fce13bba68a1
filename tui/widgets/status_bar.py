"""StatusBar: docset title, focused language, review progress and save state."""

from __future__ import annotations

from textual.content import Content

from ..safe_text import visible
from .content_box import ContentBox


class StatusBar(ContentBox):
    """One line at the bottom, above the footer."""

    DEFAULT_CSS = """
    StatusBar { height: 1; background: $primary-background; color: $text; padding: 0 1; }
    """

    def show(self, title: str, lang: str, reviewed: int, total: int, open_flags: int,
             save_state: str, filter_name: str = "all") -> None:
        """Update the line; every value is shown literally."""
        parts: list[tuple[str, str] | str] = [
            (visible(title)[:60], "bold"), "  ·  ",
            (f"{lang} {reviewed}/{total} reviewed", ""), " · ",
            (f"{open_flags} open flags", "$warning" if open_flags else "$success"),
            " · ", (f"filter: {filter_name}", ""), " · ",
            (visible(save_state), "$success" if save_state.startswith("saved") else "$warning"),
        ]
        self.set_content(Content.assemble(*parts))
