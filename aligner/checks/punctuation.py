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
from .base import Check, Document, Unit, register

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
class PunctuationCheck(Check):
    name = "punctuation"
    severity = "warning"
    description = "unbalanced brackets and quotes; quote style inconsistent within a language"
    local = True  # the house quote style is decided in ``finish``, from every shard's counts

    def run(self, document: Document) -> list[Flag]:
        return self.finish(document, [self.run_part(document)])

    def run_part(self, document: Document) -> tuple[list[Flag], tuple]:
        """The shard's unbalanced marks, and its quote styles: counted per language, and
        where each is used (unit index in the whole document, language, styles) for
        ``finish``, which knows the whole document's majority."""
        flags: list[Flag] = []
        counts: dict[str, Counter[str]] = {lang: Counter() for lang in document.targets}
        used: list[tuple[int, str, set[str]]] = []
        for index, unit in enumerate(document.units, document.offset):
            flags.extend(self._unbalanced(unit, document))
            if document.catalog:
                continue  # catalogs are written by many hands: no house style
            for lang in document.targets:
                styles = quote_styles(unit.text(lang))
                if styles:
                    counts[lang].update(styles)
                    used.append((index, lang, styles))
        return flags, (counts, used)

    def finish(self, document: Document, parts: list[tuple[list[Flag], tuple]]
               ) -> list[Flag]:
        flags = [flag for part, _ in parts for flag in part]
        counts: dict[str, Counter[str]] = {lang: Counter() for lang in document.targets}
        for _, (part_counts, _) in parts:
            for lang, found in part_counts.items():
                counts[lang].update(found)
        majority = {lang: style for lang, found in counts.items()
                    if (style := _majority_style(found)) is not None}
        for _, (_, used) in parts:
            for index, lang, styles in used:
                if lang in majority:
                    flags.extend(self._style(document.units[index - document.offset], lang,
                                             styles, majority[lang]))
        return flags

    def _unbalanced(self, unit: Unit, document: Document) -> Iterable[Flag]:
        families = {lang: {family for _, _, family in imbalances(unit.text(lang))}
                    for lang in document.languages}
        for lang in document.targets:
            cell = unit.cells.get(lang)
            if not cell or not cell.text or not families[lang]:
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

    def _style(self, unit: Unit, lang: str, styles: set[str], majority: str
               ) -> Iterable[Flag]:
        text = unit.text(lang)
        for style in styles - {majority}:
            mark = style[0]
            offset = text.index(mark)
            yield self.flag(unit, lang, offset, offset + 1,
                            f"quote style {style} here, {majority} elsewhere in {lang}",
                            severity="info", expected=majority[0])


def _majority_style(counts: Counter[str]) -> str | None:
    """A language's dominant quote style, when one clearly dominates its documents' uses."""
    if not counts:
        return None
    (style, count), total = counts.most_common(1)[0], sum(counts.values())
    if count >= _MIN_MAJORITY and len(counts) > 1 and (total - count) / total <= _MINORITY_SHARE:
        return style
    return None
