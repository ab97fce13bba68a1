"""Where sentences end: the one definition the aligner, the facts and the checks share.

A sentence ends at . ! ? … (then any closing quotes or brackets) before a space and a
character that is not a lower-case letter, or at the end of the text; at 。！？ anywhere
(Chinese puts no space after them). A lone capital before "." is an initial ("J. Smith"),
and a full stop before a lower-case word is an abbreviation ("e.g. the", "т. е. это"), so
neither ends a sentence. Splitting is by punctuation alone, so it works the same in every
script.
"""

from __future__ import annotations

import re

END_MARKS = ".!?…。！？"
CLOSING_MARKS = "\"'»”’)]」』）"

_LOWER = "a-zа-яёәғқңөұүһі"
# The look-behind (no initial such as "J." before the marks) comes after the first mark, so
# that the pattern begins with a character class: ``re`` then skips to the next mark at C
# speed instead of trying the look-behind at every character (twice as fast).
_END = re.compile(
    r"[.!?…](?<![\s.][A-ZА-Я][.!?…])[.!?…]*[\"'»”’)\]]*(?=\s+[^\s" + _LOWER + r"]|\s*$)"
    r"|[。！？]+[”’」』）]*"
)


def end_marks(text: str) -> list[tuple[int, int]]:
    """(start, end) of the marks that end each sentence, closing quotes and brackets included."""
    return [match.span() for match in _END.finditer(text)]


def sentence_ends(text: str) -> list[int]:
    """The offset just after each sentence's final marks."""
    return [match.end() for match in _END.finditer(text)]


def sentence_end_count(text: str) -> int:
    """``len(sentence_ends(text))``, without building the offsets."""
    return len(_END.findall(text))


def sentence_count(text: str) -> int:
    """Sentences in ``text``: a text, or a last sentence, without end punctuation is one."""
    if not text.strip():
        return 0
    ends = sentence_ends(text)
    tail = text[ends[-1] :].strip() if ends else text.strip()
    return len(ends) + (1 if tail else 0)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every sentence of ``text``, stripped of the spaces around it."""
    spans, start = [], 0
    for end in [*sentence_ends(text), len(text)]:
        chunk = text[start:end]
        if chunk.strip():
            left = start + len(chunk) - len(chunk.lstrip())
            spans.append((left, start + len(chunk.rstrip())))
        start = end
    return spans
