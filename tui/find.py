"""Finding text in the rows: search hits and find-and-replace changes, as plain data.

No widgets here. Offsets are Python string offsets into a cell's current text (the grid
draws ``visible(text)``, which keeps every offset). Search ignores case with a regular
expression rather than ``casefold`` so that an offset in the folded text is an offset in
the text (``ß`` folds to two characters). Replacing is exact: a reviewer replacing
"Center" with "Centre" means that word as written.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

CellText = Callable[[int, str], str]


@dataclass(frozen=True)
class Hit:
    """One match: ``text[start:end]`` of the cell (row, lang)."""

    row: int
    lang: str
    start: int
    end: int


@lru_cache(maxsize=64)
def _pattern(query: str, exact: bool) -> re.Pattern[str]:
    return re.compile(re.escape(query), 0 if exact else re.IGNORECASE)


@lru_cache(maxsize=8192)
def match_spans(text: str, query: str, exact: bool = False) -> tuple[tuple[int, int], ...]:
    """(start, end) of every non-overlapping occurrence of ``query`` in ``text``."""
    if not query:
        return ()
    return tuple(m.span() for m in _pattern(query, exact).finditer(text))


def find_hits(
    text: CellText, order: Sequence[int], languages: Sequence[str], query: str, exact: bool = False
) -> list[Hit]:
    """Every occurrence of ``query`` in the rows ``order``, row by row, then by language."""
    hits = []
    for row in order:
        for lang in languages:
            for start, end in match_spans(text(row, lang), query, exact):
                hits.append(Hit(row, lang, start, end))
    return hits


def next_hit(
    hits: Sequence[Hit],
    order: Sequence[int],
    row: int,
    lang: str,
    offset: int,
    forward: bool = True,
) -> Hit | None:
    """The hit after (or before) ``offset`` of cell (row, lang), wrapping around.

    Hits of ``lang`` come first: the reviewer stays in the column they work on; a hit in
    another language is returned only when ``lang`` has none (the caller says so).
    """
    position = {r: i for i, r in enumerate(order)}
    shown = [h for h in hits if h.row in position]
    same = [h for h in shown if h.lang == lang]
    if same:
        here, inclusive = (position.get(row, 0), offset), False
        keyed = [((position[h.row], h.start), h) for h in same]
    else:  # another column: its hits in the focused row count too
        here, inclusive = (position.get(row, 0), 0), True
        keyed = [((position[h.row], 0), h) for h in shown]
    if not keyed:
        return None
    if forward:
        later = [item for item in keyed if item[0] > here or (inclusive and item[0] == here)]
        return min(later or keyed, key=lambda item: item[0])[1]
    earlier = [item for item in keyed if item[0] < here or (inclusive and item[0] == here)]
    return max(reversed(earlier or keyed), key=lambda item: item[0])[1]


@dataclass(frozen=True)
class Change:
    """Replace ``text[start:end]`` (which held ``found``) of cell (row, lang) by ``replacement``.

    Offsets are into the cell text as it was planned; earlier accepted changes of the same
    cell shift them (``apply_change`` takes the shift).
    """

    row: int
    lang: str
    start: int
    end: int
    found: str
    replacement: str


def plan_replacements(
    text: CellText, order: Sequence[int], lang: str, find: str, replacement: str
) -> list[Change]:
    """Every exact occurrence of ``find`` in column ``lang``, in row order, as a change."""
    changes = []
    if not find:
        return changes
    for row in order:
        cell = text(row, lang)
        for start, end in match_spans(cell, find, exact=True):
            changes.append(Change(row, lang, start, end, cell[start:end], replacement))
    return changes


def apply_change(text: str, change: Change, shift: int = 0) -> str | None:
    """``text`` with ``change`` made (its offsets moved by ``shift``), or None when the text
    no longer holds what was found there (it changed since the plan)."""
    start, end = change.start + shift, change.end + shift
    if not 0 <= start <= end <= len(text) or text[start:end] != change.found:
        return None
    return text[:start] + change.replacement + text[end:]


def context(text: str, start: int, end: int, room: int = 30) -> tuple[str, str, str]:
    """(before, match, after): the match with up to ``room`` characters around it, one line."""
    before = text[max(0, start - room) : start]
    after = text[end : end + room]
    if start - room > 0:
        before = "…" + before
    if end + room < len(text):
        after = after + "…"
    flat = str.maketrans("\n", " ")
    return before.translate(flat), text[start:end].translate(flat), after.translate(flat)


class ReplaceRun:
    """A find-and-replace in progress: the planned changes, which one is next, and how far
    the accepted ones moved the text of their cells."""

    def __init__(self, changes: Sequence[Change]) -> None:
        self.changes = list(changes)
        self.index = 0
        self.accepted = 0
        self.skipped = 0
        self.problem = ""  # why the run stopped, when a save failed
        self._shift: dict[tuple[int, str], int] = {}

    @property
    def current(self) -> Change | None:
        """The change to decide on now; None when every change is decided."""
        return self.changes[self.index] if self.index < len(self.changes) else None

    def shift(self, change: Change) -> int:
        """How far the accepted changes before ``change`` in its cell moved its offsets."""
        return self._shift.get((change.row, change.lang), 0)

    def new_text(self, text: str) -> str | None:
        """The current change made in ``text`` (the cell's text now), or None when the text
        no longer holds what was found."""
        change = self.current
        return None if change is None else apply_change(text, change, self.shift(change))

    def accept(self) -> None:
        """The current change was saved: move on (later changes of its cell shift)."""
        change = self.changes[self.index]
        key = (change.row, change.lang)
        self._shift[key] = self._shift.get(key, 0) + len(change.replacement) - len(change.found)
        self.accepted += 1
        self.index += 1

    def skip(self) -> None:
        """Leave the current change undone and move on."""
        self.skipped += 1
        self.index += 1
