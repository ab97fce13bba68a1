"""Where a number's place stands empty: the mark or unit another version writes against
the number is kept here with no number beside it ("~подписей" for "0~signatures", "99::59",
"和 GB" for "and 1 GB"). A number dropped there is lost, not said once for twice."""

from __future__ import annotations

from ..facts.unit_words import unit_words
from ..facts.units import unit_after

_BOUND_AFTER = frozenset("~:^-")  # a number written against what follows: 0~messages, 16-bit
_BOUND_BEFORE = frozenset(":")  # or against what precedes it: 99:59


def empty_place(their_text: str, start: int, end: int, text: str) -> int | None:
    """Where ``text`` keeps what the other text writes against the run's number, with no
    number there: "~подписей" for "0~signatures", "99::59" for "99:59:59", "^32" for
    "2^32", "-битный" for "16-bit", "和 GB" for "and 1 GB". The other text must write that
    symbol or unit against digits only (else it is an option's dash or a colon of prose)."""
    at = end
    if their_text[at : at + 1] in _BOUND_AFTER and at + 1 < len(their_text):
        symbol, follower = their_text[at], their_text[at + 1]
        if (follower.isdigit() and symbol != "-") or (follower.isalpha() and symbol in "~-"):
            if all(_number_before(their_text, p, 0) for p in _places(their_text, symbol)):
                for p in _places(text, symbol):
                    if (p == 0 or not text[p - 1].isalnum()) and text[p + 1 : p + 2].isalnum():
                        return p
    unit = unit_after(their_text, at)
    if unit is not None and not their_text[unit[1]].isdigit():
        written = their_text[unit[1] : unit[2]]
        if all(_number_before(their_text, p) for p in _places(their_text, written)):
            # the same form ("GB"), or the same unit in words ("32 bytes" / "个字节")
            places = [p for p in _places(text, written) if not _in_word(text, p, written)]
            places += [w.start for w in unit_words(text) if w.strict and w.unit in unit[0]]
            for p in sorted(places):
                if not _number_before(text, p):
                    while p and text[p - 1] in _BEFORE_UNIT:
                        p -= 1
                    return p
    at = start - 1
    if at > 0 and their_text[at] in _BOUND_BEFORE and their_text[at - 1].isdigit():
        symbol = their_text[at]
        if all(_number_before(their_text, p, 0) for p in _places(their_text, symbol)):
            for p in _places(text, symbol):
                if p and text[p - 1].isdigit() and not text[p + 1 : p + 2].isdigit():
                    return p + 1
    return None


def _places(text: str, piece: str) -> list[int]:
    """Every offset of ``piece`` in ``text``."""
    found, at = [], text.find(piece)
    while at >= 0:
        found.append(at)
        at = text.find(piece, at + 1)
    return found


def _in_word(text: str, at: int, written: str) -> bool:
    """Whether ``written`` at ``at`` is part of a longer word ("GB" of "GBK")."""
    return _is_letter(text[at - 1 : at]) or _is_letter(text[at + len(written) :][:1])


def _is_letter(ch: str) -> bool:
    """A Latin or Cyrillic letter: a unit inside a word is none ("GB" of "GBK"; "GB之间" is)."""
    return bool(ch) and ("a" <= ch.lower() <= "z" or "\u0400" <= ch <= "\u04ff")


_BEFORE_UNIT = frozenset(" \u00a0-个")  # between a number and its unit: "32 个字节"


def _number_before(text: str, at: int, gap: int = 2) -> bool:
    """Whether a digit stands right before ``at``, ``gap`` of a space, a hyphen or a
    measure word ("个") between allowed."""
    while gap and at and text[at - 1] in _BEFORE_UNIT:
        at, gap = at - 1, gap - 1
    return at > 0 and text[at - 1].isdigit()
