"""The one way document text reaches a widget: as data, never as markup or escape codes.

Textual's ``Static``, ``Label``, ``notify`` and friends parse markup by default, and ``Content``
or Rich ``Text`` let ESC through to the terminal. Every piece of document text goes through
``visible()`` (a one-to-one character map, so offsets into the text stay valid); mixed with
styling it goes through ``labelled()``.
"""

from __future__ import annotations

from functools import lru_cache

from textual.content import Content

# C0 controls -> Unicode "control pictures" (U+2400..), DEL -> ␡, C1 and other Cc -> ¿.
_C0 = {i: chr(0x2400 + i) for i in range(0x20) if chr(i) not in "\n"}
_C0[0x09] = "→"
_C0[0x7F] = "␡"


def _build_table() -> dict[int, str]:
    table = dict(_C0)
    for code in range(0x80, 0xA0):
        table[code] = "¿"
    for code in (0x200B, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066,
                 0x2067, 0x2068, 0x2069, 0xFEFF):
        table[code] = "¤"  # zero-width and bidi controls: invisible but meaningful
    return table


_TABLE = _build_table()


@lru_cache(maxsize=8192)
def visible(text: str) -> str:
    """``text`` with every control character replaced by a visible one-cell symbol.

    Newlines are kept (they separate paragraphs inside a cell); nothing else changes, and the
    result has exactly the same length, so spans computed on ``text`` apply to it.
    """
    return text.translate(_TABLE)


def labelled(template: str, **values: str) -> Content:
    """Markup ``template`` with ``$name`` placeholders filled with literal, visible text."""
    return Content.from_markup(template, **{k: visible(v) for k, v in values.items()})
