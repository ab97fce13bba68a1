"""ContentBox: a fixed-size widget showing one Content, repainted without a layout pass.

``Static.update`` asks for a layout refresh, which makes the compositor reflow the screen;
the status bar, the column header and the flag panel change on every cursor move but never
change size, so they only repaint themselves.
"""

from __future__ import annotations

from textual.content import Content
from textual.widget import Widget


class ContentBox(Widget):
    """Shows ``content``; ``set_content`` repaints only when it changed."""

    def __init__(self, content: Content | None = None, **kwargs) -> None:
        super().__init__(**kwargs)
        self._content = content or Content("")

    def render(self) -> Content:
        return self._content

    def set_content(self, content: Content) -> None:
        """Show ``content`` (a repaint, no layout) unless it is what is shown already.

        ``Content.__eq__`` compares the text alone: the styles are compared too, or a
        highlight that moves over the same text (the focused column's name) would not show.
        """
        if content.plain != self._content.plain or content.spans != self._content.spans:
            self._content = content
            self.refresh()
