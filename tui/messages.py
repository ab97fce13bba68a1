"""Messages the widgets post upward: facts in the past tense, progress as nouns."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message


@dataclass
class CursorMoved(Message):
    """The focused row or language changed (row = index into the session's rows)."""

    row: int
    lang: str


@dataclass
class LoadProgress(Message, bubble=True):
    """Loading, alignment or checking advanced: a stage name and a fraction in 0..1."""

    stage: str
    fraction: float

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, LoadProgress)


@dataclass
class ColumnsChanged(Message):
    """The grid's column widths or visible languages changed (the header must follow)."""

    widths: tuple[int, ...]
