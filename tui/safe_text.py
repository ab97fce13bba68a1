"""The one way document text reaches a widget: as data, never as markup or escape codes.

Textual's ``Static``, ``Label``, ``notify`` and friends parse markup by default, and ``Content``
or Rich ``Text`` let ESC through to the terminal. Every piece of document text goes through
``visible()`` (a one-to-one character map, so offsets into the text stay valid); mixed with
styling it goes through ``labelled()``. The map itself is the core's
(``aligner.terminal.CONTROL_TABLE``), the same the command line prints through.
"""

from __future__ import annotations

from functools import lru_cache

from textual.content import Content

from aligner import terminal


@lru_cache(maxsize=8192)
def visible(text: str) -> str:
    """``text`` with every control character replaced by a visible one-cell symbol.

    Newlines are kept (they separate paragraphs inside a cell); nothing else changes, and the
    result has exactly the same length, so spans computed on ``text`` apply to it.
    """
    return terminal.visible(text, keep="\n")


def labelled(template: str, **values: str) -> Content:
    """Markup ``template`` with ``$name`` placeholders filled with literal, visible text."""
    return Content.from_markup(template, **{k: visible(v) for k, v in values.items()})
