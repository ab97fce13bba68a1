"""How long a catalog's msgstr usually is against its msgid, as the catalog itself shows.

A catalog is not a docset: its messages run from one word to a screen of help, and a short
one varies far more in length ("BCD float type not supported" takes one long Russian
phrase) than a long one, so the usual ratio and its spread are measured per band of msgid
length. Plural forms are measured one by one, each against the msgid form it translates
(Russian writes three forms for English's two: joined, every plural entry looked long).
A translator's line naming where to report translation errors (an address msgid does not
have) is the translator's own addition, not the message's, and is not measured; nor is a
msgid that is a key ("pinentry.qualitybar.tooltip"), a list of the names a program accepts
("millilitre,millilitres,mL,cm³") or a note to translators rather than text. What both
sides write alike (PANGO_STYLE_ITALIC, hintnone, label-relative) is not translated, so it
tells nothing of how long the translation is: it is left out of both. A
metavariable is a word of its own: msgid's "<ifname>", translated "<имя_интерфейса>", is
measured, though msgstr keeps the keyword "ifname" beside it.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict

from .base import Document, Unit
from .segments import letters

# an address ends at a space, a quote or a bracket: '<a href="https://x.org/a">[Read more]'
# holds the link https://x.org/a, not 'https://x.org/a">[Read'
_ADDRESS = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+|\w+://[^\s\"'<>]+")
_KEY = re.compile(r"\w+(?:[._]\w+)+")
_TO_TRANSLATORS = re.compile(r"\btranslators?:", re.IGNORECASE)
# the names a program accepts for one thing, joined by commas alone ("inch,inches,in"): each
# language lists its own spellings, as many as it has
ALIASES = re.compile(r"[^\s,]+(?:,[^\s,]+){2,}")
# a metavariable or tag whole ("<ifname>", "<b>"), or a Latin word, name or identifier
_VERBATIM = re.compile(r"</?[A-Za-z][\w.-]*>|[A-Za-z][A-Za-z0-9_.=-]*[A-Za-z0-9]")
_BAND_FLOOR = 20  # msgid characters below which a message is in the shortest band
_BANDS = 5  # bands double in width: <20, <40, <80, <160, longer
_MIN_BAND_ROWS = 30  # forms a band needs to have its own usual ratio (else: the catalog's)
_MIN_ROWS = 8
_MIN_LETTERS = 20  # msgid letters, names and options aside, that make a message to measure
_MIN_SPREAD = 0.12  # floor of the robust spread, in log units

Form = tuple[str, str, int, int]  # source form, target form, start and end in the cell
Stats = dict[int | None, tuple[float, float]]  # by band (None: every band)


def forms(unit: Unit, source: str, lang: str) -> list[Form]:
    """Each msgstr form with the msgid form it translates: the first form the singular
    where there are several, the others (or a lone form) the plural."""
    target = unit.cells.get(lang)
    if target is None or not target.text:
        return []
    cell = unit.cells[source]
    sources = [cell.text[start:end] for start, end in cell.part_spans()] or [cell.text]
    spans = list(target.part_spans()) or [(0, len(target.text))]
    if len(spans) == 1:
        start, end = spans[0]
        return [(sources[-1], target.text[start:end], start, end)]
    return [
        (sources[min(i, len(sources) - 1)], target.text[start:end], start, end)
        for i, (start, end) in enumerate(spans)
    ]


def measured(source: str, target: str) -> tuple[int, int]:
    """(msgid letters, msgstr letters) as compared, without what both write alike: 0 for
    a key, a copy or a message of little else, the msgstr without lines that name an
    address msgid lacks. Letters alone: digits and punctuation are written alike too."""
    if (
        source == target
        or _KEY.fullmatch(source.strip())
        or _TO_TRANSLATORS.search(source)
        or ALIASES.fullmatch(source)
    ):
        return 0, 0
    if "@" in target or "://" in target:
        target = "\n".join(
            line
            for line in target.split("\n")
            if all(address in source for address in _ADDRESS.findall(line))
        )
    shared = set(_VERBATIM.findall(source)) & set(_VERBATIM.findall(target))
    if shared:
        source, target = _without(source, shared), _without(target, shared)
    source_letters = letters(source)
    if source_letters < _MIN_LETTERS:
        return 0, 0  # a message of names and options: the few words left vary too much
    return source_letters, letters(target)


def _without(text: str, words: set[str]) -> str:
    return _VERBATIM.sub(lambda match: "" if match.group() in words else match.group(), text)


def band(source_length: int) -> int:
    """The msgid-length band: each twice as wide as the one before."""
    if source_length < _BAND_FLOOR:
        return 0
    return min(_BANDS - 1, 1 + int(math.log2(source_length / _BAND_FLOOR)))


def statistics(
    document: Document, lang: str, measures: dict[tuple[str, str], tuple[int, int]] | None = None
) -> Stats:
    """(median, robust standard deviation) of log(msgstr/msgid length), per band and over
    the whole catalog. ``measures``, if given, gets ``measured`` of every (msgid form,
    msgstr form) read, for a caller that goes over the same forms again."""
    ratios: dict[int, list[float]] = defaultdict(list)
    for unit in document.units:
        for source, target, _, _ in forms(unit, document.source, lang):
            source_length, target_length = measured(source, target)
            if measures is not None:
                measures[source, target] = source_length, target_length
            if source_length and target_length:
                ratios[band(source_length)].append(math.log(target_length / source_length))
    stats: Stats = {}
    everything = [r for values in ratios.values() for r in values]
    if len(everything) < _MIN_ROWS:
        return stats
    stats[None] = center_and_spread(everything, _MIN_SPREAD)
    for key, values in ratios.items():
        if len(values) >= _MIN_BAND_ROWS:
            stats[key] = center_and_spread(values, _MIN_SPREAD)
    return stats


def center_and_spread(ratios: list[float], floor: float) -> tuple[float, float]:
    """The median of ``ratios`` and their robust standard deviation (1.4826 times the
    median absolute deviation), at least ``floor``: a few equal ratios must not make every
    other one look far out."""
    from statistics import median  # deferred: start-up time

    center = median(ratios)
    spread = 1.4826 * median(abs(r - center) for r in ratios)
    return center, max(spread, floor)
