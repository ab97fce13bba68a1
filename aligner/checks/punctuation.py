"""``punctuation``: unbalanced brackets and quotes; a quote style a language uses only rarely.

A bracket left open is often a sign that a clause was dropped. Paragraphs split mid-quote
and list markers like "1)" are legitimate, so an imbalance is flagged only when the other
versions (or the catalog's msgid) are balanced in the same family of marks. Quote style is
compared within one language across the document: « » in most paragraphs and "..." in one
is a slip. (Catalogs are written by many hands; their quote style is not compared.)
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Iterable

from ..flags import Flag
from .base import Document, RowCheck, Unit, register

_PAIRS = {"(": ")", "[": "]", "{": "}", "（": "）", "【": "】", "［": "］", "《": "》",
          "〈": "〉", "「": "」", "『": "』", "«": "»"}
_FAMILY = {"(": "paren", "（": "paren", "[": "square", "【": "square", "［": "square",
           "{": "curly", "《": "quote", "〈": "quote", "「": "quote", "『": "quote",
           "«": "quote", "“": "quote", "„": "quote", '"': "quote"}
_MARKS = frozenset("()[]{}（）【】［］《》〈〉「」『』«»“”„\"")
_STYLES = {"«": "« »", "“": "“ ”", "„": "„ “", '"': '" "', "「": "「 」"}
_MIN_MAJORITY = 3
_MINORITY_SHARE = 0.2


_MARK = re.compile("[" + re.escape("".join(sorted(_MARKS))) + "]")
_OPENER_OF = {closer: opener for opener, closer in _PAIRS.items()}


def imbalances(text: str) -> list[tuple[int, str, str]]:
    """(offset, mark, family) of every unmatched bracket or quote in ``text``."""
    marks = [(m.start(), m.group()) for m in _MARK.finditer(text)]
    if not marks:
        return []
    low = any(ch == "„" for _, ch in marks)  # „...“ (Russian, German) or „...” (Polish)
    stacks: dict[str, list[int]] = {}
    found: list[tuple[int, str, str]] = []
    straight: list[int] = []
    for i, ch in marks:
        if ch == '"':
            straight.append(i)
            continue
        if i and text[i - 1] == "\x1b":
            continue  # an ANSI escape sequence, reported by ``control``
        if ch in _PAIRS or ch == "„" or (ch == "“" and not low):
            stacks.setdefault(ch, []).append(i)
            continue
        opener = "„" if low and ch in "“”" else ("“" if ch == "”" else _OPENER_OF.get(ch))
        stack = stacks.get(opener)
        if stack:
            stack.pop()
        elif opener:
            found.append((i, ch, _FAMILY[opener]))
    for opener, stack in stacks.items():
        found.extend((i, opener, _FAMILY[opener]) for i in stack)
    if len(straight) % 2:
        found.append((straight[-1], '"', "quote"))
    return sorted(found)


def quote_styles(text: str) -> set[str]:
    """The opening quote styles used in ``text`` (« », “ ”, „ “, straight, 「 」)."""
    styles = {style for mark, style in _STYLES.items() if mark in text}
    if "„" in text and "“ ”" in styles and "”" not in text:
        styles.discard("“ ”")  # the “ closes „ here
    if "«" in text:
        styles.discard("„ “")  # „...“ nested inside «...» is the Russian norm
    return styles


@register
class PunctuationCheck(RowCheck):
    name = "punctuation"
    severity = "warning"
    description = "unbalanced brackets and quotes; quote style inconsistent within a language"

    def run(self, document: Document) -> list[Flag]:
        self._majority = {} if document.catalog else _majority_styles(document)
        return super().run(document)

    def check_unit(self, unit: Unit, document: Document) -> Iterable[Flag]:
        families = {lang: {family for _, _, family in imbalances(unit.text(lang))}
                    for lang in document.languages}
        for lang in document.targets:
            cell = unit.cells.get(lang)
            if not cell or not cell.text or not families[lang]:
                if cell and cell.text:
                    yield from self._style(unit, lang, cell.text)
                continue
            others = (document.source,) if document.catalog else document.others(lang)
            other_families = set().union(*(families[o] for o in others))
            for start, end in cell.part_spans():
                for offset, mark, family in imbalances(cell.text[start:end]):
                    if family in other_families:
                        continue
                    yield self.flag(unit, lang, start + offset, start + offset + 1,
                                    f"unbalanced {mark} — no matching "
                                    f"{'closing' if mark in _FAMILY else 'opening'} mark")
            yield from self._style(unit, lang, cell.text)

    def _style(self, unit: Unit, lang: str, text: str) -> Iterable[Flag]:
        majority = self._majority.get(lang)
        if not majority:
            return
        for style in quote_styles(text) - {majority}:
            mark = style[0]
            offset = text.index(mark)
            yield self.flag(unit, lang, offset, offset + 1,
                            f"quote style {style} here, {majority} elsewhere in {lang}",
                            severity="info", expected=majority[0])


def _majority_styles(document: Document) -> dict[str, str]:
    """Per language, its dominant quote style when one clearly dominates."""
    result = {}
    for lang in document.targets:
        counts: Counter[str] = Counter()
        for unit in document.units:
            counts.update(quote_styles(unit.text(lang)))
        if not counts:
            continue
        (style, count), total = counts.most_common(1)[0], sum(counts.values())
        if count >= _MIN_MAJORITY and len(counts) > 1 and (total - count) / total <= _MINORITY_SHARE:
            result[lang] = style
    return result
