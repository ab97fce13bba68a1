"""Shared text helpers for the extractors: normalisation, letter classes, compact regexes.

Full-width digits and signs are mapped to ASCII one character for one character, so offsets
found in the normalised copy are offsets into the original text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation

from ..sentences import END_MARKS

CYRILLIC_UPPER = "А-ЯЁӘҒҚҢӨҰҮҺІЎЄЇ"
CYRILLIC_LOWER = "а-яёәғқңөұүһіўєї"
LETTER_CLASS = "A-Za-z" + CYRILLIC_UPPER + CYRILLIC_LOWER
NOT_LETTER_AFTER = f"(?![{LETTER_CLASS}])"
DASHES = "-‐‑‒–—―−－"
SPACE_GROUP = "\u00a0\u2009\u202f"  # NBSP, thin space, narrow NBSP: thousands separators

_FULLWIDTH = {0xFF10 + i: ord("0") + i for i in range(10)}
_FULLWIDTH.update({0xFF05: ord("%"), 0xFF0E: ord("."), 0xFF0C: ord(",")})
_HAS_FULLWIDTH = re.compile("[\uff05\uff10-\uff19]")  # "，" alone is Chinese punctuation
_HAS_DIGIT = re.compile("[0-9\uff10-\uff19]")
_HAS_DIGIT_OR_PERCENT = re.compile("[\\d\uff05\u066a]")  # \d: the digits of every script
_OTHER_DIGIT = re.compile("[^\\D0-9\uff10-\uff19]")  # a class, not a look-ahead: scans at C speed
_ASCII_DIGIT = re.compile("[0-9]")


class _AsciiDigits(dict):
    """A ``str.translate`` table, filled as characters are met: a decimal digit of any
    script (Arabic-Indic ٣, Persian ۳, Devanagari ३, Bengali ৩...) to its ASCII digit, and
    the Arabic decimal, thousands and percent signs (٫ ٬ ٪) to ". , %"."""

    def __missing__(self, code: int) -> int:
        import unicodedata

        value = unicodedata.decimal(chr(code), None)
        found = self[code] = code if value is None else ord("0") + value
        return found


ASCII_DIGITS = _AsciiDigits({0x066B: ord("."), 0x066C: ord(","), 0x066A: ord("%")})
_LETTER_SET = frozenset(
    chr(c)
    for c in [
        *range(ord("A"), ord("Z") + 1),
        *range(ord("a"), ord("z") + 1),
        *range(0x0400, 0x0530),
    ]
)


def prepare(text: str) -> tuple[str, bool]:
    """(``text`` with full-width digits and "％" as ASCII, and "．", "，" too when there are
    full-width digits to separate, the digits of other scripts as ASCII; whether it has a
    digit). The same length, so offsets carry over; one regex pass over a text without
    digits."""
    if text.isascii():  # no other digits, no full-width ones: a plain range is faster
        return text, _ASCII_DIGIT.search(text) is not None
    first = _HAS_DIGIT_OR_PERCENT.search(text)
    if first is None:
        return text, False
    if _OTHER_DIGIT.search(text, first.start()):
        text = text.translate(ASCII_DIGITS)  # one code point for one: offsets carry over
    if _HAS_FULLWIDTH.search(text, first.start()):
        norm = text.translate(_FULLWIDTH)
        return norm, _HAS_DIGIT.search(norm, first.start()) is not None
    return text, True


def is_letter(ch: str) -> bool:
    """Latin or Cyrillic letter (CJK characters are not letters here: they border numbers)."""
    return ch in _LETTER_SET


def canonical_number(raw: str) -> str:
    """ "1000", "1.5", "0.25" from digits with "." as decimal point (no exponent, no zeros)."""
    if raw.isdigit():
        return raw.lstrip("0") or "0"
    try:
        number = Decimal(raw)
    except InvalidOperation:
        return raw
    return format_decimal(number)


def format_decimal(number: Decimal) -> str:
    if number == number.to_integral_value():
        return str(int(number))
    text = format(number.normalize(), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def trie_regex(words: Iterable[str], between: str = "") -> str:
    """A regex alternation of ``words`` with shared prefixes factored out (longest first).

    Python's ``re`` tries alternatives one by one; factoring prefixes makes a list of a few
    hundred words far cheaper to scan for. ``between``: a pattern allowed between two
    characters (separators such as "·" inside Chinese names).
    """
    trie: dict = {}
    # sorted: the pattern's text is the same in every process (a set's order changes with
    # the hash seed), so the command's pattern cache keeps it; only the order of sibling
    # branches of one depth changes, and siblings begin with different characters
    for word in sorted(set(words)):
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = True
    body, _ = _trie_pattern(trie, between)
    return body


def _trie_pattern(node: dict, between: str) -> tuple[str, bool]:
    """(pattern of what may follow this node, whether the word may also end here)."""
    branches = []
    for ch in sorted((k for k in node if k), key=lambda k: -_depth(node[k])):
        body, may_end = _trie_pattern(node[ch], between)
        if not body:
            branches.append(re.escape(ch))
        elif may_end:
            branches.append(f"{re.escape(ch)}(?:{between}{body})?")
        else:
            branches.append(f"{re.escape(ch)}{between}{body}")
    if not branches:
        return "", True
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return body, "" in node


def _depth(node: dict) -> int:
    return 1 + max((_depth(v) for k, v in node.items() if k), default=0)


_SENTENCE_END = frozenset(END_MARKS + ":;\n")  # a capital after a colon too
_OPENERS = frozenset(" \t\u00a0\"'«“„‘(「『[–—-")


def sentence_initial(text: str, start: int) -> bool:
    """Whether the word at ``start`` begins the text, a line or a sentence."""
    i = start - 1
    while i >= 0 and text[i] in _OPENERS:
        i -= 1
    if i < 0 or text[i] in _SENTENCE_END:
        return True
    # after a section number such as "1. " or "一、"
    return text[i] == "、" or (text[i] == ")" and i < 6)


_LETTER_RUN = re.compile(r"[^\W\d_]+")


def acronym_in(word: str, text: str) -> bool:
    """Whether ``word``, in capitals, has the initials of words in a row of ``text`` ("PAN",
    "Personal Area Networking"): that phrase's acronym (for the spelling and consistency
    checks, here so that neither imports the other: the checks register as imported)."""
    if not (word.isalpha() and word.isupper()) or len(word) < 3:
        return False
    initials = "".join(w[0] for w in _LETTER_RUN.findall(text)).lower()
    return word.lower() in initials
