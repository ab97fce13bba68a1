"""``omission``: a paragraph, or much of one, that the other versions have and this one lacks.

Two kinds of spot: a row where some versions have a paragraph and the others have nothing,
and a version much shorter (or longer) than usual for its language pair. How long Chinese
is against Russian depends on the pair and the text, so every pair's length ratio is
measured on the document itself (median and median absolute deviation of the log ratio).

An alignment error looks exactly like an omission: a paragraph the aligner could not pair
stands in a row of its own, a paragraph cut at the wrong place leaves one row short and the
next one long. So a spot is reported only where the alignment is sure of its surroundings:
the rows on both sides are complete and confident, no paragraph of the missing language
stands alone nearby (the aligner failed to pair them: the ``alignment`` check reports that),
the neighbouring paragraph of the version that lacks text is not long enough to hold it
(two paragraphs translated as one), and a short version is short in its structure too (fewer
paragraphs or sentences, or numbers and names the others have). In a docset of two versions
the source is the reference: the translation is the one that lacks or adds. A catalog's
msgstr forms are measured against the catalog's own lengths (``lengths``: per plural form,
per band of msgid length, what both sides write alike left out), and one is suspect of
additions only twice as far out as of omissions: translators explain, cuts lose.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from ..alignment import LOW_CONFIDENCE
from ..flags import Flag
from ..sentences import END_MARKS, sentence_count
from . import lengths as catalog_lengths
from .base import Check, Document, Unit, register
from .segments import length as _length
from .segments import missing_anchors

_MIN_ROWS = 8  # rows needed to trust a pair's distribution
_ROBUST_Z = 3.5  # deviations (in robust standard deviations) that make an outlier
_MIN_FACTOR = math.log(1.7)  # and at least this far from the usual ratio
_MIN_CHARS = 50  # the longer side must be this long (names-only lines vary)
_MIN_SPREAD = 0.12  # floor of the robust spread, in log units
_NEARBY = 2  # rows on each side searched for a paragraph the aligner left alone
_HEADING_CHARS = 60  # a heading is a short line...
_ENDS = set(END_MARKS + ":;：；")  # ...that does not end as a sentence (or clause) does
_DRIFT_ROWS = 10  # rows on each side searched for gaps like this one...
_DRIFT_GAPS = 2  # ...of which this many mean the aligner drifted, not a text
_ABSORBED_Z = 2.5  # a neighbour this many spreads too long may hold the missing text
# a catalog's msgstr that ends as msgid's sentences end, as many of them, is a concise
# rendering unless this many times shorter ("Высота над уровнем моря в метрах." for
# "Elevation (height above sea level) of a point in metres."): a cut end loses its mark,
# a lost sentence shows in the count
_CONCISE = math.log(2.5)
# the marks a sentence ends with, each with its full-width form
_SENTENCE_END = {".": ".。", "!": "!！", "?": "?？"}
# a catalog's translator explains ("BCD" as a phrase, "immediate" with its noun, an
# option's values spelt out): a msgstr is suspect of additions only this many times
# further out than one is of omissions
_EXPLAINED = 2

Stats = dict[tuple[str, str], tuple[float, float]]


@register
class OmissionCheck(Check):
    name = "omission"
    severity = "warning"
    description = (
        "a paragraph (or much of one) the other versions have and this one lacks, "
        "where the alignment around it is sure"
    )

    def run(self, document: Document) -> list[Flag]:
        if document.catalog:
            return self._catalog_outliers(document)
        lengths = [text_lengths(unit, document.languages) for unit in document.units]
        stats = pair_statistics(document, lengths)
        flags: list[Flag] = []
        rows = _Rows(document, lengths, stats)
        for index in range(len(document.units)):
            if rows.complete[index]:
                if rows.steady(index, index):
                    flags.extend(self._short(rows, index))
            elif rows.present[index]:
                flags.extend(self._gap(rows, index))
        return flags

    # -- rows where some versions have nothing ----------------------------------------
    def _gap(self, rows: _Rows, index: int) -> Iterable[Flag]:
        document, unit = rows.document, rows.document.units[index]
        present = rows.present[index]
        absent = [lang for lang in document.languages if lang not in present]
        lacking = _lacking(document, present, absent)
        first, last = rows.block(index)
        if (
            not rows.steady(first, last)
            or rows.unpaired_nearby(first, last)
            or rows.drifting(first, last)
        ):
            return  # the aligner is unsure here: the `alignment` check reports it
        if lacking:
            for lang in lacking:
                if lang not in document.targets or rows.absorbed(first, last, lang):
                    continue
                names = _names(present)
                yield self.flag(
                    unit,
                    lang,
                    0,
                    0,
                    f"{names} {'have' if len(present) > 1 else 'has'} a paragraph "
                    f"here ({_sizes(unit, present)}); {lang} has nothing",
                    evidence={other: _excerpt(unit.text(other)) for other in present},
                )
            return
        for lang in present:  # the versions that have text added it
            if lang not in document.targets:
                continue
            others = _names(absent)
            yield self.flag(
                unit,
                lang,
                0,
                len(unit.text(lang)),
                f"only {_names(present)} {'has' if len(present) == 1 else 'have'} "
                f"this paragraph ({_sizes(unit, [lang])}); {others} "
                f"{'has' if len(absent) == 1 else 'have'} nothing here: added, "
                f"or missing in {others}?",
            )

    # -- complete rows: a version much shorter or longer than usual -------------------
    def _short(self, rows: _Rows, index: int) -> Iterable[Flag]:
        document, unit = rows.document, rows.document.units[index]
        for lang in document.targets:
            found = rows.outlier(index, lang)
            if found is None:
                continue
            shorter, factor, others = found
            if len(document.languages) == 2 and lang == document.source:
                continue  # two versions: the translation is the one that lacks or adds
            if shorter:
                evidence = _structure(unit, lang, others)
            else:
                evidence = _structure_of_longer(unit, lang, others)
            if evidence is None or rows.cut_elsewhere(index, lang, shorter):
                continue
            names = _names(others)
            message = (
                f"{factor:.1f} times {'shorter' if shorter else 'longer'} than usual "
                f"against {names} ({evidence}): "
                f"{'something left out?' if shorter else 'something added?'}"
            )
            yield self.flag(
                unit,
                lang,
                0,
                len(unit.text(lang)),
                message,
                evidence={o: _excerpt(unit.text(o)) for o in others},
            )

    def _catalog_outliers(self, document: Document) -> list[Flag]:
        """Catalog msgstr forms much shorter or longer than usual against their msgid, for
        messages of that length in this catalog (``lengths``)."""
        flags: list[Flag] = []
        for lang in document.targets:
            measures: dict[tuple[str, str], tuple[int, int]] = {}  # every form, read once
            stats = catalog_lengths.statistics(document, lang, measures)
            if not stats:
                continue
            for unit in document.units:
                several = len(unit.cells[lang].parts) > 1
                for form, (source, target, start, end) in enumerate(
                    catalog_lengths.forms(unit, document.source, lang)
                ):
                    if max(len(source), len(target)) < _MIN_CHARS:
                        continue  # short texts vary too much to tell
                    source_length, target_length = measures[source, target]
                    if not (source_length and target_length):
                        continue
                    center, spread = stats.get(catalog_lengths.band(source_length), stats[None])
                    deviation = math.log(target_length / source_length) - center
                    limit = max(_MIN_FACTOR, _ROBUST_Z * spread)
                    if -limit <= deviation <= _EXPLAINED * limit:
                        continue
                    shorter = deviation < 0
                    if shorter and -deviation < _CONCISE and _whole_sentences(source, target):
                        continue
                    message = (
                        f"{'shorter' if shorter else 'longer'} than usual by a factor of "
                        f"{math.exp(abs(deviation)):.1f} against {document.source}"
                        f"{f' (plural form {form})' if several else ''}: "
                        f"{'something left out?' if shorter else 'something added?'}"
                    )
                    flags.append(
                        self.flag(
                            unit,
                            lang,
                            start,
                            end,
                            message,
                            evidence={document.source: source[:80]},
                        )
                    )
        return flags


class _Rows:
    """The docset's rows as the omission check sees them: which versions have text, and
    how sure the alignment is around a row."""

    def __init__(self, document: Document, lengths: list[dict[str, int]], stats: Stats):
        self.document, self.lengths, self.stats = document, lengths, stats
        self.present = [
            tuple(lang for lang in document.languages if unit.text(lang).strip())
            for unit in document.units
        ]
        count = len(document.languages)
        self.complete = [len(found) == count for found in self.present]

    def block(self, index: int) -> tuple[int, int]:
        """The run of rows around ``index`` with the same versions present (paragraphs lost
        one after another)."""
        first = last = index
        while first > 0 and self.present[first - 1] == self.present[index]:
            first -= 1
        while last + 1 < len(self.present) and self.present[last + 1] == self.present[index]:
            last += 1
        return first, last

    def steady(self, first: int, last: int) -> bool:
        """Whether the rows on both sides of [first, last] (where there are rows) are
        complete and the aligner is confident of them."""
        units = self.document.units
        for side in (first - 1, last + 1):
            if 0 <= side < len(units) and (
                not self.complete[side] or units[side].score < LOW_CONFIDENCE
            ):
                return False
        return True

    def unpaired_nearby(self, first: int, last: int) -> bool:
        """Whether a row near [first, last] holds a paragraph of a version these rows lack
        while lacking one they have: two paragraphs the aligner did not pair, or paired
        with the wrong ones (a loose translation it could not match), far likelier than a
        paragraph lost and another added next to each other."""
        here = set(self.present[first])
        for side in range(max(0, first - _NEARBY), min(len(self.present), last + _NEARBY + 1)):
            if first <= side <= last or self.complete[side]:
                continue
            there = set(self.present[side])
            if not (there - here and here - there):
                continue
            return True
        return False

    def drifting(self, first: int, last: int) -> bool:
        """Whether gaps like [first, last] (the same versions present) crowd around it: in
        a run of short strings of like length the aligner can slip a row and take a while
        to find its way back, leaving a gap every few rows; a text's own omissions are
        rarely that close together."""
        here = self.present[first]
        window = range(max(0, first - _DRIFT_ROWS), min(len(self.present), last + _DRIFT_ROWS + 1))
        blocks = 0
        for row in window:
            if (
                (row < first or row > last)
                and self.present[row] == here
                and (row == window.start or self.present[row - 1] != here)
            ):
                blocks += 1
        return blocks >= _DRIFT_GAPS

    def expected(self, index: int, lang: str) -> float | None:
        """The length ``lang`` would have in row ``index`` by the other versions there."""
        guesses = []
        for other, size in self.lengths[index].items():
            if other != lang and size and (lang, other) in self.stats:
                guesses.append(size * math.exp(self.stats[(lang, other)][0]))
        return sum(guesses) / len(guesses) if guesses else None

    def absorbed(self, first: int, last: int, lang: str) -> bool:
        """Whether ``lang``'s paragraph next to the gap is long enough to hold the missing
        text as well (two paragraphs translated as one, or the aligner's cut)."""
        missing = sum(self.expected(row, lang) or 0 for row in range(first, last + 1))
        # a heading (no end punctuation in any version) loses its blank line easily and
        # runs into the next paragraph: a neighbour longer than it would be alone holds it
        heading = all(
            _heading(self.document.units[row].text(other))
            for row in range(first, last + 1)
            for other in self.present[row]
        )
        for side in (first - 1, last + 1):
            if not 0 <= side < len(self.lengths) or not self.lengths[side][lang]:
                continue
            alone = self.expected(side, lang)
            if not alone:
                continue
            actual, spread = self.lengths[side][lang], self.spread(lang)
            long = math.log(actual / alone)
            if (heading or long > _ABSORBED_Z * spread) and abs(
                math.log(actual / (alone + missing))
            ) < abs(long):
                return True
        return False

    def spread(self, lang: str) -> float:
        """The usual spread of ``lang``'s length ratios against the other versions."""
        found = [spread for (a, _), (_, spread) in self.stats.items() if a == lang]
        return sum(found) / len(found) if found else _MIN_SPREAD

    def outlier(self, index: int, lang: str):
        return _outlier(
            self.document.units[index], self.document, self.stats, self.lengths[index], lang
        )

    def cut_elsewhere(self, index: int, lang: str, shorter: bool) -> bool:
        """Whether a neighbouring row is off the other way for ``lang`` (long where this one
        is short): the aligner cut the paragraphs at the wrong place."""
        for side in (index - 1, index + 1):
            if not 0 <= side < len(self.lengths) or not self.lengths[side][lang]:
                continue
            alone = self.expected(side, lang)
            if not alone:
                continue
            deviation = math.log(self.lengths[side][lang] / alone)
            if (deviation > _MIN_FACTOR / 2) if shorter else (deviation < -_MIN_FACTOR / 2):
                return True
        return False


def _outlier(
    unit: Unit, document: Document, stats: Stats, lengths: dict[str, int], lang: str
) -> tuple[bool, float, list[str]] | None:
    """(shorter, factor, the versions it is off against) when ``lang`` is off against
    every other version of the unit that can tell; None when it is not."""
    if not lengths[lang]:
        return None
    deviations = []
    shorter = longer = True
    for other in document.others(lang):
        if not lengths[other] or (lang, other) not in stats:
            continue
        if max(len(unit.text(lang)), len(unit.text(other))) < _MIN_CHARS:
            continue  # short texts vary too much to tell
        center, spread = stats[(lang, other)]
        deviation = math.log(lengths[lang] / lengths[other]) - center
        limit = max(_MIN_FACTOR, _ROBUST_Z * spread)
        shorter = shorter and deviation < -limit
        longer = longer and deviation > limit
        if not (shorter or longer):
            return None  # usual against this version: no outlier (it must be against all)
        deviations.append((deviation, other))
    if not deviations:
        return None
    factor = math.exp(min(abs(d) for d, _ in deviations))
    return shorter, factor, [other for _, other in deviations]


def _whole_sentences(source: str, target: str) -> bool:
    """Whether ``target`` ends as ``source`` does, with a sentence's mark (its full-width
    form too), and has as many sentences: nothing was cut off its end."""
    end, target_end = source.rstrip()[-1:], target.rstrip()[-1:]
    return (
        end in _SENTENCE_END
        and target_end in _SENTENCE_END[end]
        and sentence_count(target) >= sentence_count(source)
    )


def _structure(unit: Unit, lang: str, others: list[str]) -> str | None:
    """What shows, beyond its length, that ``lang`` lacks text the ``others`` have: fewer
    paragraphs or sentences than each of them, or numbers and names they all have."""
    parts = {o: len(unit.cells[o].parts) for o in (lang, *others)}
    if all(parts[o] > parts[lang] for o in others):
        return _counted("paragraph", parts, lang, others)
    sentences = {o: sentence_count(unit.text(o)) for o in (lang, *others)}
    if all(sentences[o] > sentences[lang] for o in others):
        return _counted("sentence", sentences, lang, others)
    texts = {o: unit.text(o) for o in (lang, *others)}
    lost = missing_anchors(texts, lang)
    if lost:
        return f"{_names(others)} have {', '.join(sorted(lost)[:3])}; {lang} does not"
    return None


def _structure_of_longer(unit: Unit, lang: str, others: list[str]) -> str | None:
    """The same for a version much longer than the others: they all lack what it has."""
    found = [_structure(unit, other, [lang]) for other in others]
    if all(found):
        parts = {o: len(unit.cells[o].parts) for o in (lang, *others)}
        sentences = {o: sentence_count(unit.text(o)) for o in (lang, *others)}
        if all(parts[o] < parts[lang] for o in others):
            return _counted("paragraph", parts, lang, others)
        if all(sentences[o] < sentences[lang] for o in others):
            return _counted("sentence", sentences, lang, others)
        return found[0]
    return None


def _counted(what: str, counts: dict[str, int], lang: str, others: list[str]) -> str:
    def plural(n: int) -> str:
        return f"{n} {what}{'' if n == 1 else 's'}"

    return ", ".join(
        [f"{lang} {plural(counts[lang])}", *(f"{o} {plural(counts[o])}" for o in others)]
    )


def _heading(text: str) -> bool:
    """Whether ``text`` reads as a heading: one short line without end punctuation."""
    text = text.strip()
    return len(text) <= _HEADING_CHARS and "\n" not in text and text[-1:] not in _ENDS


def _lacking(document: Document, present: tuple[str, ...], absent: list[str]) -> list[str]:
    """The versions that lack the row's text, or [] when those that have it added it: most
    versions are right; with as many on each side (two versions), the source is."""
    if len(present) > len(absent):
        return absent
    if len(present) < len(absent):
        return []
    return absent if document.source in present else []


def _names(langs) -> str:
    langs = list(langs)
    return langs[0] if len(langs) == 1 else f"{', '.join(langs[:-1])} and {langs[-1]}"


def _sizes(unit: Unit, langs) -> str:
    return ", ".join(f"{lang} {len(unit.text(lang))} chars" for lang in langs)


def _excerpt(text: str, width: int = 120) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def text_lengths(unit: Unit, languages, measure=_length) -> dict[str, int]:
    """Each version's length; 0 for a version identical to another one of its row (an
    untranslated copy: the language check reports it, and its ratio of 1 would both skew the
    pair's usual ratio and look like an outlier against a real translation)."""
    texts = {lang: unit.text(lang) for lang in languages}
    seen: dict[str, int] = {}
    for text in texts.values():
        if text.strip():
            seen[text] = seen.get(text, 0) + 1
    return {lang: 0 if seen.get(text, 0) > 1 else measure(text) for lang, text in texts.items()}


def pair_statistics(document: Document, lengths: list[dict[str, int]]) -> Stats:
    """(median, robust standard deviation) of log(len(a)/len(b)) for every ordered pair."""
    stats = {}
    for a in document.languages:
        for b in document.languages:
            if a == b:
                continue
            ratios = []
            for unit_lengths in lengths:
                la, lb = unit_lengths[a], unit_lengths[b]
                if la and lb:
                    ratios.append(math.log(la / lb))
            if len(ratios) < _MIN_ROWS:
                continue
            stats[(a, b)] = catalog_lengths.center_and_spread(ratios, _MIN_SPREAD)
    return stats
