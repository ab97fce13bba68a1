"""Facts: the numbers, dates, section numbers and names of a paragraph, normalised across
scripts so that the same fact compares equal in English, Chinese, Kazakh and Russian.

One extractor serves the aligner (``anchor_keys``) and the checks (``extract``).

Kinds and value formats (``Fact.value``):

==========  ==========================================================================
number      "20", "1.5", "1000000" ("1 000 000", "1,000,000", "100万", "一百万", "1 млн")
ordinal     "20" ("20th", "20-й", "20-шы", "第二十次", "XX съезд", "ХХ съезі", "twentieth")
percent     "5" ("5%", "5 процентов", "бес пайыз", "百分之五")
range       "2023-2024" (numbers), "5%-7%" (percentages), "2023-05-16/2023-05-17" (days:
            ISO 8601 interval with both ends in full, or "--05-16/--05-17" without a year);
            the ends of a range are not reported separately
date        "2023-05-17", "2023-05" (month and year), "--05-17" (day and month), "--05"
            (a month alone, weak); a year alone is a number
section     "2" ("2. ", "2) ", "二、", "II. " at the start of a paragraph or line); a year
            there stays a section with value "2013" (see ``year_as_section``)
name        a glossary entry's key (``glossary_key``), an ISO 3166 alpha-2 code ("KZ"),
            "code:5G" for letter-digit codes (weak), "cap:tokayev" for capitalised words
            that do not begin a sentence (weak)
==========  ==========================================================================

``weak`` facts often have no counterpart in other languages: small numbers in words ("two",
"два", "екі", "两"), the ordinal "first", month names alone, codes, capitalised words.

Overlaps: numeric facts never overlap one another (a date swallows its numbers, a range its
ends), names never overlap one another; a weak number inside a glossary name is dropped, a
strong one is kept. For messages and suggestions: ``render`` (a value as a language writes
it), ``suffix_problem`` ("2023th"), ``date_problem`` (30 February), ``year_as_section``.
"""

from __future__ import annotations

from ..glossary import Glossary
from .model import KINDS, Fact
from .names import glossary_key, transliterate
from .pipeline import run
from .render import date_problem, render, suffix_problem
from .sections import year_as_section

__all__ = [
    "KINDS",
    "Fact",
    "anchor_keys",
    "date_problem",
    "extract",
    "glossary_key",
    "render",
    "suffix_problem",
    "transliterate",
    "year_as_section",
]


def extract(text: str, lang: str, glossary: Glossary | None = None) -> tuple[Fact, ...]:
    """Every fact in ``text`` (language ``lang``), sorted by start offset.

    Spans are Python string offsets into ``text``. ``glossary`` (the docset's) adds its
    entries as names.
    """
    return tuple(run(text, lang, glossary, candidates_names=True))


def anchor_keys(text: str, lang: str, glossary: Glossary | None = None) -> frozenset[str]:
    """The facts the aligner can match across languages, as "kind:value" strings.

    Weak facts and capitalised-word candidates are left out: they too often lack a
    counterpart, and a shared key must mean the same thing on both sides.
    """
    return frozenset(run(text, lang, glossary, candidates_names=False, keys=True))
