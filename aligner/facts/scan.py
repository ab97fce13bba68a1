"""One pass over the words of an English, Russian or Kazakh text.

Python's ``re`` has no trie, and scanning a text once per dictionary (number words, months,
glossary forms, countries, Roman numerals, capitalised words) costs a pass each. Instead one
regex, a trie of the beginnings that the dictionaries' words keep under inflection, picks the
few words worth a look (plus Roman numerals and, for name candidates, capitalised words); a
table says which dictionaries each beginning may open.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from . import dates, names, roman, words
from .model import Candidate
from .text import CYRILLIC_UPPER, trie_regex

NUMBER_WORD, MONTH, GLOSSARY, COUNTRY = 1, 2, 4, 8
_CAPITAL = f"A-Z{CYRILLIC_UPPER}"
_ROMAN = "IVXLІХӀ\u2160-\u216b"


@dataclass
class Scan:
    """What the word pass found."""

    number_words: list[tuple[int, int, int, str, bool]] = field(default_factory=list)
    has_month: bool = False
    glossary: list[tuple[int, int, str]] = field(default_factory=list)
    countries: list[tuple[int, int, str]] = field(default_factory=list)
    ordinals: list[Candidate] = field(default_factory=list)
    capitals: list[tuple[int, int]] = field(default_factory=list)


@dataclass(frozen=True)
class Triggers:
    """Key (lower-case word beginning) -> bits of the tables it opens; and for the first
    look, a word's first three letters as written -> the lengths of the keys that begin so
    (countries only in Title and UPPER case: they are capitalised)."""

    table: dict[str, int]
    first: dict[str, tuple[int, ...]]


@lru_cache(maxsize=None)
def _static_table(fam: str) -> dict[str, int]:
    table: dict[str, int] = {}
    countries = names.country_index(fam)
    for bit, keys in ((NUMBER_WORD, words.keys(fam)), (MONTH, dates.month_keys(fam)),
                      (COUNTRY, countries.word_keys() if countries else ())):
        for key in keys:
            table[key] = table.get(key, 0) | bit
    return table


def _compile(table: dict[str, int]) -> Triggers:
    first: dict[str, set[int]] = {}
    for key, bits in table.items():
        head = key[:3]
        variants = [head.capitalize(), head.upper()]
        if bits != COUNTRY:
            variants.append(head)
        for variant in variants:
            first.setdefault(variant, set()).add(len(key))
    return Triggers(table, {h: tuple(sorted(v, reverse=True)) for h, v in first.items()})


_CACHE: dict[tuple[int, str], tuple[object, Triggers]] = {}


def triggers(fam: str, glossary_index: names.FormIndex | None) -> Triggers:
    """The static tables' triggers plus the glossary's, cached per glossary index."""
    key = (id(glossary_index), fam)
    cached = _CACHE.get(key)
    if cached is not None and cached[0] is glossary_index:
        return cached[1]
    table = dict(_static_table(fam))
    if glossary_index is not None:
        for prefix in glossary_index.word_keys():
            table[prefix] = table.get(prefix, 0) | GLOSSARY
    compiled = _compile(table)
    if len(_CACHE) > 16:
        _CACHE.clear()
    _CACHE[key] = (glossary_index, compiled)
    return compiled


_WORDS = re.compile(r"[^\W\d_]+")
_CAPITALS = re.compile(rf"[{_CAPITAL}][^\W\d_]+")
_ROMANS = re.compile(rf"[{_ROMAN}]+")


def scan(text: str, fam: str, glossary_index: names.FormIndex | None,
         capitals: bool = True) -> Scan:
    """Look every word of ``text`` up once (``capitals``: also collect every capitalised
    word, for name candidates)."""
    trig = triggers(fam, glossary_index)
    found = Scan()
    if _ROMANS.search(text):
        _roman_ordinals(text, fam, found)
    if capitals:
        taken = {o.start for o in found.ordinals}
        found.capitals = [m.span() for m in _CAPITALS.finditer(text)
                          if _starts_word(text, m.start()) and m.start() not in taken]
    first, table = trig.first, trig.table
    glossary_hits = []
    country_hits = []
    position = 0
    # findall gives plain strings at C speed; offsets are recovered only for the few hits
    for word in _WORDS.findall(text):
        lengths = first.get(word[:3])
        if lengths is None:
            continue
        lower = word.lower()
        size = len(lower)
        bits = 0
        keys = []
        for length in lengths:
            if length <= size:
                opened = table.get(lower[:length])
                if opened:
                    bits |= opened
                    keys.append(lower[:length])
        if not bits:
            continue
        start = _locate(text, word, position)
        end = position = start + size
        if bits & NUMBER_WORD:
            entry = words.lookup(word, fam)
            if entry is not None:
                found.number_words.append((start, end, *entry))
        if bits & MONTH and not found.has_month and dates.is_month(word, fam):
            found.has_month = True
        if bits & (GLOSSARY | COUNTRY):
            place = (start, tuple(keys), names.next_words(text, end))
            if bits & GLOSSARY:
                glossary_hits.append(place)
            if bits & COUNTRY and word[0].isupper():
                country_hits.append(place)
    if glossary_hits:
        found.glossary = glossary_index.find_at(text, glossary_hits)
    if country_hits:
        found.countries = names.country_index(fam).find_at(text, country_hits)
    return found


def _locate(text: str, word: str, position: int) -> int:
    """Offset of the letter run ``word``, the first one at or after ``position``.

    Any earlier run equal to ``word`` was a hit too and moved ``position`` past itself, so
    the first whole-word occurrence is the one."""
    size = len(word)
    start = text.find(word, position)
    while not (_starts_word(text, start) and not _letter_at(text, start + size)):
        start = text.find(word, start + 1)
    return start


def _starts_word(text: str, start: int) -> bool:
    return start == 0 or not _letter_at(text, start - 1)


def _letter_at(text: str, index: int) -> bool:
    return index < len(text) and (text[index].isalpha() and not text[index].isdigit())


def _roman_ordinals(text: str, fam: str, found: Scan) -> None:
    for match in _ROMANS.finditer(text):
        start, end = match.span()
        if (match.group() in roman.TOKENS and (start == 0 or not text[start - 1].isalpha())
                and not (end < len(text) and text[end].isalpha())):
            ordinal = roman.candidate_at(text, start, end, fam)
            if ordinal is not None:
                found.ordinals.append(ordinal)
