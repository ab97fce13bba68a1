"""Finding glossary terms in running text, tolerant of inflection and punctuation.

Russian and Kazakh inflect names ("Токаев" -> "Токаева", "Тоқаев" -> "Тоқаевтың"), quote them
inside longer phrases (Международный финансовый центр «Астана») and hyphenate suffixes onto
abbreviations ("ШЫҰ-ға"). A term matches when its words appear in order, separated only by
punctuation or spaces, each text word starting with the term word's stem and carrying at most a
few more letters. Chinese terms match as plain substrings; English allows a plural or
possessive ending. Matching is case-insensitive.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from .paragraphs import is_cjk

_CYRILLIC_VOWELS = set("аеёиоуыэюяәіөүұйьъ")
# How many letters of inflection a Cyrillic word may carry beyond its stem.
_MAX_ENDING = {"kk": 8, "ky": 8, "tt": 8, "ba": 8}
_DEFAULT_CYRILLIC_ENDING = 4
_WORD = re.compile(r"\w+", re.UNICODE)
_SEPARATOR = r"[\W_]+"
CJK_SEPARATOR = r"[\s·・.\-－]"  # what may stand between the parts of a Chinese name


class TermMatch(NamedTuple):
    """Where a form of a term occurs: [start, end) in the text, and which form matched."""

    start: int
    end: int
    form: str


def find_term(text: str, lang: str, forms: tuple[str, ...] | list[str]) -> list[TermMatch]:
    """Every non-overlapping occurrence of any of ``forms`` in ``text``, in text order."""
    matches: list[TermMatch] = []
    for form in forms:
        pattern = term_pattern(form, lang)
        if pattern is None:
            continue
        for found in pattern.finditer(text):
            matches.append(TermMatch(found.start(), found.end(), form))
    matches.sort(key=lambda m: (m.start, -(m.end - m.start)))
    kept: list[TermMatch] = []
    for match in matches:
        if not kept or match.start >= kept[-1].end:
            kept.append(match)
    return kept


def contains_term(text: str, lang: str, forms: tuple[str, ...] | list[str]) -> bool:
    """Whether any of ``forms`` occurs in ``text``."""
    return any((p := term_pattern(f, lang)) is not None and p.search(text) for f in forms)


@lru_cache(maxsize=65536)
def term_pattern(form: str, lang: str) -> re.Pattern[str] | None:
    """The compiled pattern that finds ``form`` (in language ``lang``) in running text."""
    source = term_source(form, lang)
    return None if source is None else re.compile(*source)


def term_source(form: str, lang: str) -> tuple[str, int] | None:
    """``term_pattern``'s (regex source, flags), uncompiled: indexes of hundreds of forms
    take them apart into a trie and compile that instead (compiling costs ~0.5 ms a form)."""
    form = form.strip()
    if not form:
        return None
    if any(is_cjk(ch) for ch in form):
        pieces = [re.escape(piece) for piece in re.split(CJK_SEPARATOR + "+", form) if piece]
        return (CJK_SEPARATOR + "*").join(pieces), 0
    words = _WORD.findall(form)
    if not words:
        return None
    parts = [_word_pattern(word, lang) for word in words]
    return r"(?<!\w)" + _SEPARATOR.join(parts) + r"(?!\w)", re.IGNORECASE


def _word_pattern(word: str, lang: str) -> str:
    if _is_cyrillic(word):
        if len(word) <= 3 or word.isupper():
            # abbreviations (ООН, ШЫҰ) and short words only take a hyphenated or no ending
            return re.escape(word)
        stem = _stem(word)
        limit = _MAX_ENDING.get(lang, _DEFAULT_CYRILLIC_ENDING)
        return re.escape(stem) + r"\w{0,%d}" % (limit + len(word) - len(stem))
    if word.isascii() and word.isalpha() and len(word) > 2 and not word.isupper():
        return re.escape(word) + r"(?:s|es|'s|’s)?"
    return re.escape(word)


def _stem(word: str) -> str:
    """Drop up to two final vowels or soft/hard signs, keeping at least three letters."""
    stem = word
    for _ in range(2):
        if len(stem) > 3 and stem[-1].lower() in _CYRILLIC_VOWELS:
            stem = stem[:-1]
    return stem


def _is_cyrillic(word: str) -> bool:
    return any("\u0400" <= ch <= "\u04ff" for ch in word)
