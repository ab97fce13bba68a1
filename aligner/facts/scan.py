"""One look at the words of an English, Russian or Kazakh text for every dictionary at once.

Scanning a text once per dictionary (number words, months, glossary forms, countries,
capitalised words) costs a regex pass each, and Python's ``re`` has no trie to do them in one.
Instead the text is split at whitespace and its tokens looked up in sets (C speed); a token
is classified once, the first time it is seen, by the beginnings its words keep under
inflection ("Токаев", "Токаева", "Токаевым" all begin with the key "тока"; a Roman numeral
such as "XX" is one more thing a word may be), and remembered; only tokens known to matter
are then located in the text. Work per paragraph thus grows with its hits, not with its
length.
"""

from __future__ import annotations

import re
from functools import cache

from . import dates, names, roman, words
from .model import Candidate

NUMBER_WORD, MONTH, GLOSSARY, COUNTRY, ROMAN = 1, 2, 4, 8, 16
_NOTHING = (0, (), None, False)  # what a word that only is a Roman numeral adds to ROMAN


class Scan:
    """What the word pass found (a plain class: one is made per paragraph, and a
    dataclass's six list factories cost more than the rest of a paragraph without names)."""

    __slots__ = ("number_words", "months", "glossary", "countries", "ordinals", "capitals")

    def __init__(self) -> None:
        self.number_words: list[tuple[int, int, int, str, bool]] = []
        self.months: list[int] = []  # where month names start
        self.glossary: list[tuple[int, int, str]] = []
        self.countries: list[tuple[int, int, str]] = []
        self.ordinals: list[Candidate] = []
        self.capitals: list[tuple[int, int]] = []  # name candidates (``capital_value``)


class Triggers:
    """What a word may be, by the word as written, for one language and glossary.

    For a word that opens some table: (bits of the tables, the index keys it begins with,
    its number-word reading, whether it is a month); ``known`` holds these by token. Answers
    are remembered: a document uses the same words again and again.
    """

    def __init__(self, fam: str, table: dict[str, int]):
        self.fam = fam
        self.table = table
        first: dict[str, set[int]] = {}
        for key, bits in table.items():
            head = key[:3]
            variants = [head.capitalize(), head.upper()]
            if bits != COUNTRY:  # country names are capitalised
                variants.append(head)
            for variant in variants:
                first.setdefault(variant, set()).add(len(key))
        self.first = {h: tuple(sorted(v, reverse=True)) for h, v in first.items()}
        self.known: dict[str, tuple] = {}  # relevant token -> its relevant words
        self.seen: set[str] = set()  # every token classified so far
        self.relevant: set[str] = set()  # tokens with a word that opens a table
        self.relevant_or_capital: set[str] = set()  # ... or with a capitalised word

    def learn(self, new_tokens: set[str]) -> None:
        """Classify the words of whitespace-separated tokens not seen before ("China,",
        "(CICA)", "China-Kazakhstan"): a relevant token maps to its relevant words, as
        (offset in the token, length, what the word may be or None, whether the word is a
        name candidate: capitalised, see ``names.is_capital_candidate``)."""
        if len(self.seen) > 500_000:
            for table in (self.seen, self.relevant, self.relevant_or_capital, self.known):
                table.clear()
        for token in new_tokens:
            inner = []
            tables = False
            for match in _WORDS.finditer(token):
                word = match.group()
                found = self._info(word)
                if word in roman.TOKENS:
                    found = (ROMAN | (found or _NOTHING)[0], *(found or _NOTHING)[1:])
                capital = names.is_capital_candidate(
                    word, token[match.end() : match.end() + 1], self.fam
                )
                if found is not None or capital:
                    inner.append((match.start(), len(word), found, capital))
                    tables = tables or found is not None
            if inner:
                self.known[token] = tuple(inner)
                self.relevant_or_capital.add(token)
                if tables:
                    self.relevant.add(token)
        self.seen |= new_tokens

    def _info(self, word: str) -> tuple | None:
        lengths = self.first.get(word[:3])
        if lengths is None:
            return None
        lower = word.lower()
        bits = 0
        keys = []
        for length in lengths:
            if length <= len(lower):
                opened = self.table.get(lower[:length])
                if opened:
                    bits |= opened
                    keys.append(lower[:length])
        if bits & COUNTRY and not word[0].isupper():
            bits &= ~COUNTRY
        if not bits:
            return None
        entry = words.lookup(word, self.fam) if bits & NUMBER_WORD else None
        month = bool(bits & MONTH) and dates.is_month(word, self.fam)
        if entry is None and not month and not bits & (GLOSSARY | COUNTRY):
            return None
        return bits, tuple(keys), entry, month


@cache
def _static_table(fam: str) -> dict[str, int]:
    table: dict[str, int] = {}
    countries = names.country_index(fam)
    for bit, keys in (
        (NUMBER_WORD, words.keys(fam)),
        (MONTH, dates.month_keys(fam)),
        (COUNTRY, countries.word_keys() if countries else ()),
    ):
        for key in keys:
            table[key] = table.get(key, 0) | bit
    return table


_CACHE: dict[tuple[int, str], tuple[object, Triggers]] = {}


def triggers(fam: str, glossary_index: names.FormIndex | None) -> Triggers:
    """The static tables' triggers plus the glossary's, cached per glossary index."""
    last = _LAST[0]  # a document asks for the same ones paragraph after paragraph
    if last[0] is glossary_index and last[1] == fam:
        return last[2]
    key = (id(glossary_index), fam)
    cached = _CACHE.get(key)
    if cached is not None and cached[0] is glossary_index:
        _LAST[0] = (glossary_index, fam, cached[1])
        return cached[1]
    table = dict(_static_table(fam))
    if glossary_index is not None:
        for prefix in glossary_index.word_keys():
            table[prefix] = table.get(prefix, 0) | GLOSSARY
    compiled = Triggers(fam, table)
    if len(_CACHE) > 16:
        _CACHE.clear()
    _CACHE[key] = (glossary_index, compiled)
    _LAST[0] = (glossary_index, fam, compiled)
    return compiled


_LAST: list[tuple] = [(object(), "", None)]  # the last answer of ``triggers`` (one tuple: atomic)


_WORDS = re.compile(r"[^\W\d_]+")
_NOTHING_FOUND = Scan()  # shared: no caller changes what a scan found


def scan(
    text: str, fam: str, glossary_index: names.FormIndex | None, capitals: bool = True
) -> Scan:
    """Look every word of ``text`` up once (``capitals``: also collect capitalised words,
    for name candidates)."""
    trig = triggers(fam, glossary_index)
    # The text's whitespace-separated tokens are split and looked up at C speed; only tokens
    # known to hold a word that matters are then looked for, so Python work grows with the
    # hits, not with the length of the text.
    tokens = text.split()
    if not trig.seen.issuperset(tokens):
        trig.learn(set(tokens) - trig.seen)
    relevant = (trig.relevant_or_capital if capitals else trig.relevant).intersection(tokens)
    if not relevant:
        return _NOTHING_FOUND
    found = Scan()
    known = trig.known
    size = len(text)
    number_words, months, glossary_hits, country_hits, romans = [], [], [], [], []
    capital_words = found.capitals if capitals else []
    for token in relevant:
        inner = known.get(token)
        if inner is None:  # forgotten meanwhile by another thread's learn()
            continue
        length = len(token)
        start = text.find(token)
        while start >= 0:
            end = start + length
            if not (
                (start and not text[start - 1].isspace())
                or (end < size and not text[end].isspace())
            ):
                for offset, width, info, capital in inner:
                    at = start + offset
                    if capital:
                        capital_words.append((at, at + width))
                    if info is None:
                        continue
                    bits, keys, entry, month = info
                    if entry is not None:
                        number_words.append((at, at + width, *entry))
                    if month:
                        months.append(at)
                    if bits & GLOSSARY:
                        glossary_hits.append((at, keys))
                    if bits & COUNTRY:
                        country_hits.append((at, keys))
                    if bits & ROMAN:
                        romans.append((at, at + width))
            start = text.find(token, end)
    # each list in text order, as a single sorted pass over the occurrences would give
    capital_words.sort()
    number_words.sort()
    months.sort()
    glossary_hits.sort()
    country_hits.sort()
    found.number_words, found.months = number_words, months
    if glossary_hits:
        found.glossary = glossary_index.find_at(text, glossary_hits)
        if country_hits and found.glossary:
            country_hits = _outside(country_hits, found.glossary)
    if country_hits:
        found.countries = names.country_index(fam).find_at(text, country_hits)
    if romans:
        romans.sort()
        found.ordinals = [
            ordinal
            for start, end in romans
            if (ordinal := roman.candidate_at(text, start, end, fam)) is not None
        ]
    return found


def _outside(
    hits: list[tuple[int, tuple]], spans: list[tuple[int, int, str]]
) -> list[tuple[int, tuple]]:
    """The hits (in text order) that start outside every span (sorted, disjoint): a country
    name starting inside a glossary name would be dropped for touching it ("China" in
    "People's Republic of China"), so it need not be matched at all."""
    kept, k = [], 0
    for hit in hits:
        at = hit[0]
        while k < len(spans) and spans[k][1] <= at:
            k += 1
        if k == len(spans) or at < spans[k][0]:
            kept.append(hit)
    return kept
