"""Running the extractors over one text and settling their overlaps.

Numeric facts (numbers, ordinals, percentages, ranges, dates, sections) never overlap one
another: a date swallows its day, month and year, a range its two ends; a higher priority
wins, then the longer span. Names form a second layer: glossary entries first, then countries,
codes ("5G") and capitalised-word candidates, none overlapping another. Across the layers, a
weak number inside a glossary name is dropped ("Two Sessions", "три зла"), and a capitalised
word that is part of a number or date ("XX", "May") is no name candidate.
"""

from __future__ import annotations

from ..glossary import Glossary
from . import chinese, dates, names, numbers, sections, words
from .model import Candidate, Fact
from .scan import scan
from .text import has_digit, normalise


def run(text: str, lang: str, glossary: Glossary | None, *, candidates_names: bool) -> list[Fact]:
    """All facts of ``text`` (``candidates_names``: include weak capitalised-word names)."""
    fam = numbers.family(lang)
    norm = normalise(text)
    index = names.glossary_index(glossary, lang) if glossary is not None else None
    proposed: list[Candidate] = []
    codes: list[Candidate] = []
    digits = has_digit(norm)
    if digits:
        found, codes = numbers.candidates(norm, text, lang)
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
        proposed.extend(dates.candidates(norm, text, fam, digits, words_found.has_month))
        if words_found.number_words:
            proposed.extend(words.candidates(norm, fam, words_found.number_words))
        proposed.extend(words_found.ordinals)
        glossary_found = words_found.glossary
        country_found = words_found.countries
        capitals = words_found.capitals if candidates_names else []
    numeric = _settle(proposed)
    named = _names(text, norm, fam, glossary_found, country_found, codes, numeric, capitals)
    if glossary_found:
        taken = bytearray(len(text) + 1)
        for start, end, _ in glossary_found:
            taken[start:end] = b"\x01" * (end - start)
        numeric = [f for f in numeric if not (f.weak and any(taken[f.start:f.end]))]
    facts = numeric + named
    facts.sort(key=lambda f: (f.start, f.end))
    return facts


def _settle(proposed: list[Candidate]) -> list[Fact]:
    """Keep the best of overlapping candidates: priority, then length, then position."""
    if len(proposed) < 2:
        return [c.fact for c in proposed]
    proposed.sort(key=lambda c: (-c.priority, c.start - c.end, c.start))
    kept: list[Fact] = []
    taken: list[tuple[int, int]] = []
    for cand in proposed:
        start, end = cand.start, cand.end
        if start >= end or any(start < e and s < end for s, e in taken):
            continue
        taken.append((start, end))
        kept.append(cand.fact)
    return kept


def _names(text: str, norm: str, fam: str, glossary_found: list, country_found: list,
           codes: list[Candidate], numeric: list[Fact],
           capitals: list[tuple[int, int]]) -> list[Fact]:
    found: list[Fact] = [Fact("name", value, start, end, text[start:end])
                         for start, end, value in glossary_found]
    if not (country_found or codes or capitals):
        return found
    taken = bytearray(len(text) + 1)
    for fact in found:
        taken[fact.start:fact.end] = b"\x01" * (fact.end - fact.start)
    for start, end, code in country_found:
        if not any(taken[start:end]):
            found.append(Fact("name", code, start, end, text[start:end]))
            taken[start:end] = b"\x01" * (end - start)
    for code in codes:
        if not any(taken[code.start:code.end]):
            found.append(code.fact)
            taken[code.start:code.end] = b"\x01" * (code.end - code.start)
    if capitals:
        for fact in numeric:
            taken[fact.start:fact.end] = b"\x01" * (fact.end - fact.start)
        found.extend(c.fact for c in names.cap_candidates(norm, capitals, fam, taken))
    return found
