"""``repeat``: a word written twice ("the the") and a list item repeated ("transport, transport").

Machine translation and careless editing both double things. Chinese reduplication (常常,
研究研究) is grammar, so CJK text is only checked for repeated list items. A doubling that the
source itself has (a catalog's msgid, or every other version) is left alone.
"""

from __future__ import annotations

import re
from itertools import compress
from operator import eq
from typing import Iterable

from ..flags import Flag
from .base import Document, RowCheck, Unit, register

_DOUBLED = re.compile(r"(?<![\w-])([^\W\d_]{2,})(\s+)(\1)(?![\w-])", re.IGNORECASE)
_ALLOWED = {"had", "that", "is", "do", "не", "что", "так"}  # grammatical doublings
_ITEM_SEPARATOR = re.compile(
    r"\s*(?:[,;、，；]|\s(?:and|or|и|или|және|мен|немесе)\s|[和及与或])\s*", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?。！？:：]\s*|\n")
_MAX_ITEM_WORDS = 4


def doubled_words(text: str) -> list[tuple[int, int, str]]:
    """(start, end, word): the gap and second copy of each doubled word (delete to fix)."""
    found = []
    for match in _DOUBLED.finditer(text):
        word = match.group(1)
        if word.lower() in _ALLOWED or any("\u2e80" <= ch <= "\u9fff" for ch in word):
            continue
        found.append((match.end(1), match.end(3), word))
    return found


def repeated_items(text: str) -> list[tuple[int, int, str]]:
    """(start, end, item): separator and copy of an item repeating the one before (delete)."""
    found = []
    sentence_start = 0
    for end_match in [*_SENTENCE_END.finditer(text), None]:
        sentence_end = end_match.start() if end_match else len(text)
        previous, previous_end = None, sentence_start
        position = sentence_start
        for sep in [*_ITEM_SEPARATOR.finditer(text, sentence_start, sentence_end), None]:
            item_end = sep.start() if sep else sentence_end
            item = text[position:item_end].strip()
            key = item.casefold()
            if (previous is not None and key and key == previous
                    and len(key.split()) <= _MAX_ITEM_WORDS and any(c.isalpha() for c in key)):
                start = text.index(item, position)
                found.append((previous_end, start + len(item), item))
            previous = key
            previous_end = position + len(text[position:item_end].rstrip())
            if sep is None:
                break
            position = sep.end()
        if end_match is None:
            break
        sentence_start = end_match.end()
    return found


_CONJUNCTIONS = frozenset({"and", "or", "и", "или", "және", "мен", "немесе"})
_CJK_ITEMS = re.compile(r"[、，；,;和及与或]")


def _maybe_doubled(lowered: str) -> bool:
    """Cheap test: a word twice ("the the", "transport, transport", "energy and energy") or,
    in Chinese, an item twice ("农业、农业"). Plain splits; no regex over the whole text."""
    # a gate: "a,a" passing it costs only time (replace, not translate: that is slow on
    # non-Latin text)
    words = lowered.replace(",", " ").replace(";", " ").replace(":", " ").split()
    if any(map(eq, words, words[1:])):  # operator.eq: a C call, unlike str.__eq__
        return True
    # "energy and energy": a conjunction between two equal words (all at C speed)
    if not _CONJUNCTIONS.isdisjoint(compress(words[1:], map(eq, words, words[2:]))):
        return True
    if "、" in lowered or "，" in lowered:
        items = _CJK_ITEMS.split(lowered)
        return any(map(eq, items, items[1:]))
    return False


@register
class RepeatCheck(RowCheck):
    name = "repeat"
    severity = "warning"
    description = "doubled words and doubled list items"

    def check_unit(self, unit: Unit, document: Document) -> Iterable[Flag]:
        for lang in document.targets:
            text = unit.text(lang)
            if not text or not _maybe_doubled(text.lower()):
                continue
            references = [unit.text(other) for other in document.others(lang)]
            for start, end, word in doubled_words(text):
                if any(_has_doubled(reference, word) for reference in references):
                    continue
                yield self.flag(unit, lang, start, end, f"\"{word}\" written twice",
                                expected="")
            for start, end, item in repeated_items(text):
                if any(_has_doubled(reference, item) for reference in references):
                    continue
                yield self.flag(unit, lang, start, end,
                                f"list item \"{item}\" repeats the one before it", expected="")


def _has_doubled(text: str, word: str) -> bool:
    if not text:
        return False
    pattern = re.escape(word)
    return re.search(rf"(?<!\w){pattern}\W+{pattern}(?!\w)", text, re.IGNORECASE) is not None
