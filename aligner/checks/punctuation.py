"""``punctuation``: unbalanced brackets and quotes; a quote style a language uses only rarely.

A bracket left open is often a sign that a clause was dropped. A list label at a line's
start ("а)", "1)", the Russian way to write "(a)") closes no bracket; paragraphs split
mid-quote are legitimate, so an imbalance is flagged only when the other versions (or the
catalog's msgid) are balanced in the same family of marks, once per family ("“%s“" is
one slip, not two). Quote style is
compared within one language across the document: « » in most paragraphs and "..." in one
is a slip. (Catalogs are written by many hands; their quote style is not compared.)
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from ..flags import Flag
from .base import Check, Document, Unit, register
from .endings import COLON, EXCLAMATION, FULL_STOP, end_class, ending_damage

_PAIRS = {
    "(": ")",
    "[": "]",
    "{": "}",
    "（": "）",
    "【": "】",
    "［": "］",
    "《": "》",
    "〈": "〉",
    "「": "」",
    "『": "』",
    "«": "»",
}
_FAMILY = {
    "(": "paren",
    "（": "paren",
    "[": "square",
    "【": "square",
    "［": "square",
    "{": "curly",
    "《": "quote",
    "〈": "quote",
    "「": "quote",
    "『": "quote",
    "«": "quote",
    "“": "quote",
    "„": "quote",
    '"': "quote",
}
_MARKS = frozenset('()[]{}（）【】［］《》〈〉「」『』«»“”„"')
_STYLES = {"«": "« »", "“": "“ ”", "„": "„ “", '"': '" "', "「": "「 」"}
_MIN_MAJORITY = 3
_MINORITY_SHARE = 0.2
# a dropped final "." or "!", or an end mark written as another ("." as "!"), is damage only
# in a catalog that seldom does it: at most this share of its messages ending so (GNU error
# messages drop the "." by convention, French writes "!" as "."), or this many in a small one
_CONVENTION_SHARE = 0.05
_CONVENTION_MIN = 2
_COUNTED = (FULL_STOP, EXCLAMATION, COLON)


_MARK = re.compile("[" + re.escape("".join(sorted(_MARKS))) + "]")
_OPENER_OF = {closer: opener for opener, closer in _PAIRS.items()}
_OTHER_WIDTH = {"(": "（", "（": "(", "[": "［", "［": "["}


# a list item's label at a line's start: "а) ...", "1) ...", "iv) ..." (the Russian and
# German way to write "(a)"), which closes no bracket
_LIST_LABEL = re.compile(r"[ \t]*(?:\d{1,2}|[^\W\d_]|[ivx]{1,4})\)")


def _line_start(text: str, i: int) -> int:
    return text.rfind("\n", 0, i) + 1


def imbalances(text: str) -> list[tuple[int, str, str]]:
    """(offset, mark, family) of every unmatched bracket or quote in ``text``."""
    marks = [(m.start(), m.group()) for m in _MARK.finditer(text)]
    if not marks:
        return []
    low = any(ch == "„" for _, ch in marks)  # „...“ (Russian, German) or „...” (Polish)
    # »...« (German, Danish) and ”...“ (Arabic, as typed right to left): the first mark
    # closes in the usual reading, so the pair is read the other way round
    swap = {}
    first = {ch: i for i, ch in reversed(marks)}
    if "»" in first and first["»"] < first.get("«", len(text)):
        swap.update({"»": "«", "«": "»"})
    if "”" in first and first["”"] < first.get("“", len(text)) and not low:
        swap.update({"”": "“", "“": "”"})
    if swap:
        marks = [(i, swap.get(ch, ch)) for i, ch in marks]
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
        stack = stacks.get(opener) or stacks.get(_OTHER_WIDTH.get(opener, ""))
        if stack:
            stack.pop()  # "（...)": the width slips, the bracket is closed
        elif opener and not (ch == ")" and _LIST_LABEL.match(text, _line_start(text, i), i + 1)):
            found.append((i, ch, _FAMILY[opener]))
    for opener, stack in stacks.items():
        found.extend((i, opener, _FAMILY[opener]) for i in stack)
    if len(straight) % 2:
        found.append((straight[-1], '"', "quote"))
    return sorted(found)


def _alone(order: list[tuple[int, str, str, bool]]) -> set[tuple[int, str, str]]:
    """(unit, lang, msgid's end) of the messages whose end mark is changed or lost while
    the ``_NEIGHBOURS`` messages on either side ending the same way all keep it: a
    catalog's convention of dropping a mark shows in runs (one translator's block; zh
    gtk20-properties drops a third of its "。", never one alone), a slip stands alone."""
    by_end: dict[tuple[str, str], list[tuple[int, bool]]] = {}
    for index, lang, kind, changed in order:
        by_end.setdefault((lang, kind), []).append((index, changed))
    found = set()
    for (lang, kind), marks in by_end.items():
        for i, (index, changed) in enumerate(marks):
            if not changed:
                continue
            around = marks[max(0, i - _NEIGHBOURS) : i] + marks[i + 1 : i + 1 + _NEIGHBOURS]
            if len(around) >= _NEIGHBOURS + 1 and not any(other for _, other in around):
                found.add((index, lang, kind))
    return found


_NEIGHBOURS = 5


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
    description = (
        "unbalanced brackets and quotes; quote style inconsistent within a "
        "language; a catalog message's end mark lost or changed"
    )
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
        ends: Counter[tuple[str, str]] = Counter()  # (lang, source end), (lang, "-" end)
        dropped: list[tuple[int, str, object]] = []
        order: list[tuple[int, str, str, bool]] = []  # (unit, lang, msgid's end, changed?)
        for index, unit in enumerate(document.units, document.offset):
            flags.extend(self._unbalanced(unit, document))
            if document.catalog:
                # catalogs are written by many hands: no house quote style, but msgid's end
                for lang, ending in self._endings(unit, document, ends, order, index):
                    if ending.by_convention:
                        dropped.append((index, lang, ending))
                    else:
                        flags.append(self._ending_flag(unit, document, lang, ending))
                continue
            for lang in document.targets:
                styles = quote_styles(unit.text(lang))
                if styles:
                    counts[lang].update(styles)
                    used.append((index, lang, styles))
        return flags, (counts, used, ends, dropped, order)

    def finish(self, document: Document, parts: list[tuple[list[Flag], tuple]]) -> list[Flag]:
        flags = [flag for part, _ in parts for flag in part]
        counts: dict[str, Counter[str]] = {lang: Counter() for lang in document.targets}
        ends: Counter[tuple[str, str]] = Counter()
        for _, (part_counts, _, part_ends, *_) in parts:
            ends.update(part_ends)
            for lang, found in part_counts.items():
                counts[lang].update(found)
        majority = {
            lang: style
            for lang, found in counts.items()
            if (style := _majority_style(found)) is not None
        }
        alone = _alone([entry for _, (*_, order) in parts for entry in order])
        for _, (_, _, _, dropped, _) in parts:
            for index, lang, ending in dropped:
                kind = ending.source_kind
                done = ends[(lang, kind, ending.kind, ending.target_kind)]
                if (index, lang, kind) in alone or done <= max(
                    _CONVENTION_MIN, _CONVENTION_SHARE * ends[(lang, kind)]
                ):
                    flags.append(
                        self._ending_flag(
                            document.units[index - document.offset], document, lang, ending
                        )
                    )
        for _, (_, used, *_) in parts:
            for index, lang, styles in used:
                if lang in majority:
                    flags.extend(
                        self._style(
                            document.units[index - document.offset], lang, styles, majority[lang]
                        )
                    )
        return flags

    def _unbalanced(self, unit: Unit, document: Document) -> Iterable[Flag]:
        families = {
            lang: {family for _, _, family in imbalances(unit.text(lang))}
            for lang in document.languages
        }
        for lang in document.targets:
            cell = unit.cells.get(lang)
            if not cell or not cell.text or not families[lang]:
                continue
            others = (document.source,) if document.catalog else document.others(lang)
            other_families = set().union(*(families[o] for o in others))
            if document.catalog and _fragment_quotes(unit.text(document.source)):
                other_families.add("quote")
            for start, end in cell.part_spans():
                seen: set[str] = set()  # one slip of a family ("“%s“") is one spot
                for offset, mark, family in imbalances(cell.text[start:end]):
                    if family in other_families or family in seen:
                        continue
                    seen.add(family)
                    yield self.flag(
                        unit,
                        lang,
                        start + offset,
                        start + offset + 1,
                        f"unbalanced {mark} — no matching "
                        f"{'closing' if mark in _FAMILY else 'opening'} mark",
                    )

    def _endings(
        self, unit: Unit, document: Document, ends: Counter, order: list, index: int
    ) -> Iterable[tuple[str, object]]:
        """Each msgstr form's end against its msgid's (msgid_plural's for the other forms);
        counts how often msgid ends with ".", "!" or ":" and how often each of those is
        dropped or written as another mark, for ``finish``."""
        source = unit.cells.get(document.source)
        if source is None:
            return
        sources = [source.text[a:b] for a, b in source.part_spans()] or [source.text]
        for lang in document.targets:
            cell = unit.cells.get(lang)
            if not cell or not cell.text:
                continue
            for form, (start, end) in enumerate(cell.part_spans()):
                msgid = sources[min(form, len(sources) - 1)]
                msgstr = cell.text[start:end]
                if not msgstr.strip():
                    continue
                kind, _ = end_class(msgid)
                if kind in _COUNTED:
                    ends[(lang, kind)] += 1
                ending = ending_damage(msgid, msgstr, lang)
                if kind in _COUNTED:
                    order.append((index, lang, kind, ending is not None))
                if ending is None:
                    continue
                if ending.by_convention:
                    ends[(lang, kind, ending.kind, ending.target_kind)] += 1
                yield lang, _shifted(ending, start)

    def _ending_flag(self, unit: Unit, document: Document, lang: str, ending) -> Flag:
        return self.flag(
            unit,
            lang,
            ending.start,
            ending.end,
            ending.message,
            evidence={document.source: unit.text(document.source)[-80:]},
            expected=ending.expected,
        )

    def _style(self, unit: Unit, lang: str, styles: set[str], majority: str) -> Iterable[Flag]:
        text = unit.text(lang)
        for style in styles - {majority}:
            mark = style[0]
            offset = text.index(mark)
            yield self.flag(
                unit,
                lang,
                offset,
                offset + 1,
                f"quote style {style} here, {majority} elsewhere in {lang}",
                severity="info",
                expected=majority[0],
            )


def _fragment_quotes(text: str) -> bool:
    """A message cut out of a longer one around `...' quotes ("f' or `zfinx"): its own
    quotes do not pair, so its translation's need not."""
    if "`" not in text and "'" not in text:
        return False
    if text.strip() in ("'", "`"):
        return True  # a lone quote, translated by the language's own
    opened = 0
    for ch in text:
        if ch == "`":
            opened += 1
        elif ch == "'" and "`" in text:
            if not opened:
                return True
            opened -= 1
    return opened != 0


def _shifted(ending, offset: int):
    """``ending`` with its span moved by ``offset`` (from a form to the cell)."""
    from dataclasses import replace

    return replace(ending, start=ending.start + offset, end=ending.end + offset)


def _majority_style(counts: Counter[str]) -> str | None:
    """A language's dominant quote style, when one clearly dominates its documents' uses."""
    if not counts:
        return None
    (style, count), total = counts.most_common(1)[0], sum(counts.values())
    if count >= _MIN_MAJORITY and len(counts) > 1 and (total - count) / total <= _MINORITY_SHARE:
        return style
    return None
