"""Where a number's place stands empty: the mark or unit another version writes against
the number is kept here with no number beside it ("~подписей" for "0~signatures", "99::59",
"和 GB" for "and 1 GB"). A number dropped there is lost, not said once for twice."""

from __future__ import annotations

from ..facts.unit_words import unit_words
from ..facts.units import unit_after

_BOUND_AFTER = frozenset("~:^-")  # a number written against what follows: 0~messages, 16-bit
_BOUND_BEFORE = frozenset(":")  # or against what precedes it: 99:59


def empty_place(their_text: str, start: int, end: int, text: str) -> int | None:
    """Where ``text`` leaves empty the place of the other text's number at ``start:end``
    or of an equal number elsewhere in it (which of two equal numbers a translation kept
    is arbitrary: "[-1, ]" for "[-1, 1]" kept the first)."""
    found = _empty_place(their_text, start, end, text)
    if found is not None:
        return found
    written = their_text[start:end]
    if not written.isdigit():
        return None
    for at in _places(their_text, written):
        if at == start or their_text[at - 1 : at].isdigit():
            continue
        if their_text[at + len(written) : at + len(written) + 1].isdigit():
            continue
        found = _empty_place(their_text, at, at + len(written), text)
        if found is not None:
            return found
    return None


def _empty_place(their_text: str, start: int, end: int, text: str) -> int | None:
    """Where ``text`` keeps what the other text writes against the run's number, with no
    number there: "~подписей" for "0~signatures", "99::59" for "99:59:59", "^32" for
    "2^32", "-битный" for "16-bit", "和 GB" for "and 1 GB". The other text must write that
    symbol or unit against digits only (else it is an option's dash or a colon of prose)."""
    for found in (_ratio_hole(their_text, start, end, text), _slot(their_text, start, end, text)):
        if found is not None:
            return found
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


def _ratio_hole(their_text: str, start: int, end: int, text: str) -> int | None:
    """Where ``text`` writes a colon with a digit on one side only ("1:" or ":1" for "1:1",
    "[0:]" for "[0:9]") when the other text's number stands in such a pair and every colon
    of it joins two digits: the number of the empty side was dropped."""
    after = their_text[end : end + 1] == ":" and their_text[end + 1 : end + 2].isdigit()
    before = start > 1 and their_text[start - 1] == ":" and their_text[start - 2].isdigit()
    if not (after or before) or ":" not in text:
        return None
    if not all(
        _number_before(their_text, p, 0) and their_text[p + 1 : p + 2].isdigit()
        for p in _places(their_text, ":")
    ):
        return None
    for p in _places(text, ":"):
        left, right = _number_before(text, p, 0), text[p + 1 : p + 2].isdigit()
        if left != right:
            return p if right else p + 1
    return None


_SLOT_OPEN = frozenset(",;=*/([{<+")  # marks a number of a list or formula stands between
_SLOT_CLOSE = frozenset(",;=*/)]}>")
_WIDE = str.maketrans("，；＝＊／（［｛＜＋）］｝＞", ",;=*/([{<+)]}>")


def _slot(their_text: str, start: int, end: int, text: str) -> int | None:
    """Where ``text`` closes up the marks the other text writes around the number, with no
    number left between them: "[-1, ]" for "[-1, 1]", "10*）" for "10*1024)", "， = 是" for
    ", 1=yes". Both marks must be list or formula marks, and the other text must never write
    them side by side (else that pair is its own writing)."""
    left = _mark_before(their_text, start)
    right = _mark_after(their_text, end)
    if left is None or right is None or left not in _SLOT_OPEN or right not in _SLOT_CLOSE:
        return None
    wide = text.translate(_WIDE)
    if _closed_up(their_text.translate(_WIDE), left, right) is not None:
        return None
    return _closed_up(wide, left, right)


def _mark_before(text: str, at: int) -> str | None:
    """The mark before ``at``, one space between allowed (a minus belongs to the number)."""
    at -= 1
    if at >= 0 and text[at] in "-\u2212":  # the number's sign
        at -= 1
    if at >= 0 and text[at] == " ":
        at -= 1
    return text[at].translate(_WIDE) if at >= 0 else None


def _mark_after(text: str, at: int) -> str | None:
    if at < len(text) and text[at] == " ":
        at += 1
    return text[at].translate(_WIDE) if at < len(text) else None


def _closed_up(text: str, left: str, right: str) -> int | None:
    """The offset after ``left`` where ``right`` follows it, one space between allowed."""
    for p in _places(text, left):
        after = p + 1 + (text[p + 1 : p + 2] == " ")
        if text[after : after + 1] == right:
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
