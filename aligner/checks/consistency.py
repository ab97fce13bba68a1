"""``consistency``: one source sentence rendered two ways, or one rendering used for two sources.

Official texts repeat formulas ("The two sides agreed to ..."); a translation should repeat
them too. Paragraphs are compared whole, and sentence by sentence where a row's source and
translation have the same number of sentences (then the n-th sentences correspond). The
minority rendering is flagged, with the majority one as the suggestion. In a catalog, msgids
and msgstrs are compared without accelerator marks ("_Save", "保存(_S)") and trailing colons
or ellipses; one msgid in two msgctxts is meant to be said two ways and is not compared.
Two msgids said alike ("could not create '%s'", "creating '%s' failed") may share a
translation: a shared one is flagged in a catalog only where one msgid holds a word the
catalog renders one stable way elsewhere and the shared translation lacks that rendering
(``renderings``).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from functools import cache, lru_cache

from ..facts.text import acronym_in as _acronym_in
from ..flags import Flag
from ..sentences import sentence_count, sentence_spans
from .base import Check, Document, Unit, register
from .renderings import Renderings

_MIN_WORDS = 4
_MIN_CJK = 8
_SAME_SOURCE = 85  # rapidfuzz ratio above which two sources count as one
# "_Save", "Save _As", "保存(_S)", "&Save"; a trailing colon or ellipsis, "：" too
_ACCELERATOR = re.compile(r"\s*[(（]_\w[)）]|_(?=\w)|&(?=\w)|\s*(?:\.\.\.|…|:|：)\s*$")

_SHORT_OPTION = re.compile(r"(?<![\w-])-[A-Za-z](?![\w-])")
Occurrence = tuple[Unit, str, int, int]  # unit, language, start, end in the cell


def _key(text: str, catalog: bool) -> str:
    """What makes two texts "the same": as loaded for a docset (the paragraph rule already
    normalised the spacing); for a catalog without case (but that of short options: "-i"
    is not "-I"), accelerators and trailing colons."""
    if not catalog:
        return text
    key = " ".join(text.split()).casefold()
    if "-" in text and (options := _SHORT_OPTION.findall(text)):
        key += "\0" + "".join(options)  # "-i" and "-I" are two options: case kept
    # what every ``_ACCELERATOR`` match holds (its end pattern is tried at every character)
    if "_" in key or "&" in key or ":" in key or "..." in key or "…" in key or "：" in key:
        return _ACCELERATOR.sub("", key)
    return key


_CJK_FROM = "\u3400"  # no character below it is in ``_cjk``


@cache
def _cjk() -> re.Pattern[str]:
    """CJK ideographs: compiled when a text first may hold one (a large class, ~3 ms)."""
    return re.compile(r"[\u3400-\u9fff]")


@lru_cache(maxsize=65536)
def _long_enough(text: str) -> bool:
    if len(text.split(None, _MIN_WORDS)) >= _MIN_WORDS:
        return True
    if len(text) < _MIN_CJK or max(text[: 4 * _MIN_CJK]) < _CJK_FROM:
        return False
    return len(_cjk().findall(text, 0, 4 * _MIN_CJK)) >= _MIN_CJK


@register
class ConsistencyCheck(Check):
    name = "consistency"
    severity = "warning"
    description = "one source sentence rendered differently, one rendering used for two sources"

    def run(self, document: Document) -> list[Flag]:
        flags: list[Flag] = []
        spans: dict[str, list[tuple[int, int]]] = {}  # source sentences, split once
        for lang in document.targets:
            if lang == document.source:
                continue
            pairs = list(self._pairs(document, lang, spans))
            flags.extend(self._same_source(pairs, document))
            flags.extend(self._same_rendering(pairs, document))
        return flags

    def _pairs(
        self, document: Document, lang: str, spans: dict[str, list[tuple[int, int]]]
    ) -> Iterator[tuple[str, str, Occurrence]]:
        """(source text, translation text, where the translation is) at both granularities."""
        for unit in document.units:
            if document.catalog and unit.cells[document.source].parts != (0,):
                continue  # plural forms differ on purpose
            source, target = unit.text(document.source), unit.text(lang)
            if not source or not target:
                continue
            yield source, target, (unit, lang, 0, len(target))
            if document.catalog:
                continue
            source_spans = spans.get(source)
            if source_spans is None:
                source_spans = spans[source] = (
                    sentence_spans(source) if sentence_count(source) >= 2 else []
                )
            if len(source_spans) < 2:
                continue
            target_spans = sentence_spans(target)
            if len(source_spans) < 2 or len(source_spans) != len(target_spans):
                continue
            for (s0, s1), (t0, t1) in zip(source_spans, target_spans):
                yield source[s0:s1], target[t0:t1], (unit, lang, t0, t1)

    def _same_source(self, pairs, document: Document) -> Iterable[Flag]:
        by_source: dict[tuple, list[tuple[str, str, Occurrence]]] = defaultdict(list)
        contexts = document.contexts
        for source, target, where in pairs:
            if _long_enough(source):
                # one msgid in two contexts is meant to be said two ways ("Partition %u of
                # %s" of a drive, of a loop device)
                context = contexts.get(where[0].entry) if contexts else None
                by_source[(context, _key(source, document.catalog))].append(
                    (_key(target, document.catalog), target, where)
                )
        for group in by_source.values():
            if len(group) < 2:
                continue  # the usual case: a source said once
            renderings = Counter(key for key, _, _ in group)
            if len(renderings) < 2:
                continue
            majority, count = renderings.most_common(1)[0]
            if count < 2 and len(group) > 2:
                continue  # no rendering dominates: not one slip
            example = next(text for key, text, _ in group if key == majority)
            rows = sorted(
                {where[0].id or f"entry {where[0].entry}" for k, _, where in group if k == majority}
            )
            for key, _, (unit, lang, start, end) in group:
                if key == majority or (
                    document.catalog and (_reworded(key, majority) or _a_word_apart(key, majority))
                ):
                    continue
                yield self.flag(
                    unit,
                    lang,
                    start,
                    end,
                    f"the same source is rendered differently in {', '.join(rows)}",
                    evidence={lang: example[:120]},
                    expected=example,
                )

    def _same_rendering(self, pairs, document: Document) -> Iterable[Flag]:
        by_target: dict[str, list[tuple[str, Occurrence]]] = defaultdict(list)
        for source, target, where in pairs:
            if _long_enough(target) and where[2] == 0 and where[3] == len(where[0].text(where[1])):
                by_target[_key(target, document.catalog)].append(
                    (_key(source, document.catalog), where)
                )
        renderings: dict[str, Renderings] = {}
        for group in by_target.values():
            first_source, (first_unit, _, _, _) = group[0]
            for source, (unit, lang, start, end) in group[1:]:
                from rapidfuzz.fuzz import ratio  # deferred: start-up time

                if source == first_source or ratio(source, first_source) >= _SAME_SOURCE:
                    continue
                where = first_unit.id or f"entry {first_unit.entry}"
                message = f"the same {lang} text as {where}, but the source differs"
                if document.catalog:
                    if lang not in renderings:
                        renderings[lang] = Renderings(document, lang)
                    here, there = unit.text(document.source), first_unit.text(document.source)
                    mine, theirs = renderings[lang].unrendered(here, there, unit.text(lang))
                    # an acronym of the other msgid's words says them ("CLI", "command-line
                    # interface")
                    mine = [word for word in mine if not _acronym_in(word, there)]
                    theirs = [word for word in theirs if not _acronym_in(word, here)]
                    if not (mine or theirs):
                        continue  # the msgids differ only in words said many ways
                    unsaid = [f"{', '.join(mine)} (here)"] if mine else []
                    unsaid += [f"{', '.join(theirs)} ({where})"] if theirs else []
                    message += f": it does not say {'; '.join(unsaid)}"
                yield self.flag(
                    unit,
                    lang,
                    start,
                    end,
                    message,
                    evidence={document.source: unit.text(document.source)[:80]},
                )


def _reworded(text: str, other: str) -> bool:
    """Whether ``text`` says ``other`` in other words: some of one's letters written in
    place of some of the other's. A catalog's msgid used twice by the program is translated
    twice, on its own each time, and both wordings are right ("不能" and "无法", "正确地"
    and "干净地"); a slip keeps the wording and loses or adds a part (a cut end, a word, a
    stray quote) or writes one mark or digit for another ("，" for "、")."""
    from difflib import SequenceMatcher

    lost = added = False
    for op, a0, a1, b0, b1 in SequenceMatcher(None, text, other, autojunk=False).get_opcodes():
        if op == "equal":
            continue
        mine, theirs = _has_word(text[a0:a1]), _has_word(other[b0:b1])
        if mine and theirs:
            return True  # letters in place of letters
        lost = lost or theirs
        added = added or mine
    return lost and added


_ENDING = 3  # letters of a word's end that inflect it ("байт", "байтов")
_WORD_RUN = 2  # Chinese characters of a word or particle ("的", "已经", "正在")


def _a_word_apart(text: str, other: str) -> bool:
    """Whether two renderings of one msgid in a catalog differ in one word alone, spacing
    aside: a word said or left unsaid ("新的项目" and "新项目", "только" added), or a
    word's ending ("байт", "байтов"). The two msgids differ (case, an accelerator, a colon,
    spacing: two messages of the program) and were translated one by one; a slip loses or
    changes a mark, a letter inside a word ("милисекундах"), several words, or the last
    word (a cut end: "программное" for "программное обеспечение")."""
    from difflib import SequenceMatcher

    bare, other_bare = "".join(text.split()), "".join(other.split())
    if bare == other_bare:
        return True  # the spacing follows each msgid's layout (a line break, a column)
    if max(text + other) >= _CJK_FROM and _cjk().search(text + other):
        text, other = bare, other_bare  # Chinese spaces words as it likes ("\{\} 中", "\{\}中")
    changes = [
        change
        for change in SequenceMatcher(None, text, other, autojunk=False).get_opcodes()
        if change[0] != "equal"
    ]
    if len(changes) != 1:
        return False
    _, a0, a1, b0, b1 = changes[0]
    if a1 > a0 and b1 > b0:
        return False  # letters in place of letters are ``_reworded``'s; marks are slips
    longer, start, end = (text, a0, a1) if a1 > a0 else (other, b0, b1)
    part = longer[start:end]
    word = part.strip()
    if not word.isalpha():
        return False  # a mark, a digit, or words: more than one word
    if not any(ch.isalnum() for ch in longer[end:]):
        return False  # the text's last word lost: cut short ("программное обеспечение.")
    if _cjk().fullmatch(word[0]):
        return len(word) <= _WORD_RUN and _cjk().fullmatch(word[-1]) is not None
    before = " " if part[0].isspace() or not start else longer[start - 1]
    after = " " if part[-1].isspace() or end == len(longer) else longer[end]
    return not after.isalpha() and (not before.isalpha() or len(word) <= _ENDING)


def _has_word(text: str) -> bool:
    """Whether ``text`` holds letters: another number ("2" for "5") is no other wording."""
    return any(ch.isalpha() for ch in text)
