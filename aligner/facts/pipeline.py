"""Running the extractors over one text and settling their overlaps.

Numeric facts (numbers, ordinals, percentages, ranges, dates, sections) never overlap one
another: a date swallows its day, month and year, a range its two ends; a higher priority
wins, then the longer span. Names form a second layer: glossary entries first, then countries,
codes ("5G") and capitalised-word candidates, none overlapping another. Across the layers, a
weak number inside a glossary name is dropped ("Two Sessions", "три зла"), and a capitalised
word that is part of a number or date ("XX", "May") is no name candidate.
"""

from __future__ import annotations

from bisect import bisect_right
from operator import attrgetter

from ..glossary import Glossary
from . import chinese, dates, names, numbers, sections, words
from .model import Candidate, Fact
from .scan import scan
from .text import prepare, sentence_initial


def run(
    text: str, lang: str, glossary: Glossary | None, *, candidates_names: bool, keys: bool = False
) -> list[Fact] | set[str]:
    """All facts of ``text`` (``candidates_names``: include weak capitalised-word names);
    ``keys``: only the strong facts' "kind:value" keys (what the aligner matches), without
    building the facts."""
    fam = numbers.family(lang)
    norm, digits = prepare(text)
    index = names.glossary_index(glossary, lang) if glossary is not None else None
    proposed: list[Candidate] = []
    codes: list[Candidate] = []
    number_starts: list[int] = []
    if digits:
        found, codes, number_starts = numbers.candidates(norm, text, lang)
        proposed.extend(found)
    proposed.extend(sections.candidates(norm, text))
    if fam == "zh":
        proposed.extend(dates.candidates(norm, text, fam, digits))
        proposed.extend(chinese.candidates(norm))
        glossary_found = index.find(norm) if index is not None else []
        countries = names.country_index(fam)
        country_found = countries.find(norm) if countries is not None else []
        capitals: list[tuple[int, int]] = []
    else:
        words_found = scan(norm, fam, index, capitals=candidates_names)
        if number_starts or words_found.months:
            proposed.extend(
                dates.candidates(norm, text, fam, digits, number_starts + words_found.months)
            )
        if words_found.number_words:
            proposed.extend(words.candidates(norm, fam, words_found.number_words))
        proposed.extend(words_found.ordinals)
        glossary_found = words_found.glossary
        country_found = words_found.countries
        capitals = words_found.capitals
    numeric = _settle(proposed)
    if keys:
        return _strong_keys(text, numeric, glossary_found, country_found)
    taken = _covered(len(text), glossary_found) if glossary_found else None
    if taken is not None and numeric:
        # a weak number inside a glossary name ("Two Sessions") is part of the name
        numeric = [c for c in numeric if not (c[5] and any(taken[c[1] : c[2]]))]
    facts = [
        _new(Fact, (kind, value, start, end, text[start:end], weak))
        for _, start, end, kind, value, weak in numeric
    ]
    facts.extend(_names(text, norm, glossary_found, country_found, codes, numeric, capitals, taken))
    facts.sort(key=_position)
    return facts


def _strong_keys(
    text: str, numeric: list[Candidate], glossary_found: list, country_found: list
) -> set[str]:
    """The keys of ``run``'s strong facts: numeric ones, glossary names, then the country
    names no glossary name covers (as ``_names`` settles them)."""
    found = {f"{kind}:{value}" for _, _, _, kind, value, weak in numeric if not weak}
    found.update("name:" + value for _, _, value in glossary_found)
    if country_found:
        taken = _covered(len(text), glossary_found)
        found.update("name:" + code for _, _, code in _uncovered(taken, country_found))
    return found


def _covered(length: int, spans) -> bytearray:
    """A mark for every character of a text of ``length`` inside one of ``spans``
    ((start, end, ...) tuples)."""
    taken = bytearray(length + 1)
    for start, end, *_ in spans:
        taken[start:end] = b"\x01" * (end - start)
    return taken


def _uncovered(taken: bytearray, spans, at: int = 0):
    """The spans (their start and end at index ``at``) touching no marked character, in
    order, each marked as it is kept (names never overlap: the first one kept wins)."""
    for span in spans:
        start, end = span[at], span[at + 1]
        if not any(taken[start:end]):
            taken[start:end] = b"\x01" * (end - start)
            yield span


_position = attrgetter("start", "end")  # C-level sort key: (start, end)
_new = tuple.__new__  # Fact(...) without the named tuple's Python-level __new__


def _settle(proposed: list[Candidate]) -> list[Candidate]:
    """Keep the best of overlapping candidates: priority, then length, then position.

    The kept spans are disjoint, so a sorted list of their starts and bisection find any
    overlap in O(log n): a paragraph that is a long table of numbers stays fast."""
    if len(proposed) < 2:
        return proposed
    proposed.sort(key=_rank)
    starts: list[int] = []
    kept: list[Candidate] = []  # in the order of starts
    for cand in proposed:
        start, end = cand[1], cand[2]
        if start >= end:
            continue
        index = bisect_right(starts, start)
        if (index and kept[index - 1][2] > start) or (index < len(kept) and kept[index][1] < end):
            continue
        starts.insert(index, start)
        kept.insert(index, cand)
    return kept


def _rank(cand: Candidate) -> tuple[int, int, int]:
    return -cand[0], cand[1] - cand[2], cand[1]


def _names(
    text: str,
    norm: str,
    glossary_found: list,
    country_found: list,
    codes: list[Candidate],
    numeric: list[Candidate],
    capitals: list[tuple[int, int]],
    taken: bytearray | None,
) -> list[Fact]:
    """Name facts: glossary names, then the countries and codes no earlier name touches,
    then the capitalised words (name candidates) that are part of no other fact and do not
    begin a sentence, unless written in capitals. ``taken``: the glossary names' marks."""
    found = [
        _new(Fact, ("name", value, start, end, text[start:end], False))
        for start, end, value in glossary_found
    ]
    if not (country_found or codes or capitals):
        return found
    if taken is None:
        taken = bytearray(len(text) + 1)
    found.extend(
        _new(Fact, ("name", code, start, end, text[start:end], False))
        for start, end, code in _uncovered(taken, country_found)
    )
    found.extend(
        _new(Fact, (kind, value, start, end, text[start:end], weak))
        for _, start, end, kind, value, weak in _uncovered(taken, codes, at=1)
    )
    if capitals:
        for cand in numeric:
            taken[cand[1] : cand[2]] = b"\x01" * (cand[2] - cand[1])
        for start, end in capitals:
            word = norm[start:end]
            if (
                taken[start]
                or taken[end - 1]
                or (sentence_initial(norm, start) and not word.isupper())
            ):
                continue
            value = names.capital_value(word)
            found.append(_new(Fact, ("name", value, start, end, text[start:end], True)))
    return found
