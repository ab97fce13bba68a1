"""Roman numerals, read only where they are ordinals: "XX съезд", "VI саммита", "ХХ съезі",
"XX century", "World War II".

Kazakh and Russian texts often type them with Cyrillic look-alikes (Х, І), which count. Only
I, V, X and L are read (up to 89), so abbreviations such as "CD", "MC" or "DC" never are; a
single letter counts only before a word such as "съезд" or "century", so the English pronoun
"I" and the Russian prepositions "В", "С" never do. In Russian and Kazakh a numeral of two or
more letters counts before any Cyrillic word; in English only before (or one word before) a
word such as "Congress", "Session" or "century".
"""

from __future__ import annotations

import re
import unicodedata

from .model import P_ORDINAL, Candidate, candidate

_LOOKALIKES = str.maketrans({"Х": "X", "І": "I", "Ӏ": "I", "Ѵ": "V", "Ι": "I", "Χ": "X"})
_VALID = re.compile(r"^(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$")
_NEXT_WORD = re.compile(r"[ \u00a0]+([\w-]+)(?:[ \u00a0]+([\w-]+))?")
_ORDINAL_NOUNS = {
    "en": (
        "centur",
        "congress",
        "session",
        "summit",
        "plenum",
        "plenary",
        "forum",
        "conference",
        "convocation",
        "meeting",
        "games",
        "olympiad",
        "assembly",
        "round",
        "millenni",
    ),
    "ru": (
        "съезд",
        "сесси",
        "саммит",
        "век",
        "пленум",
        "созыв",
        "форум",
        "конгресс",
        "заседани",
        "конференци",
        "совещани",
        "тысячелет",
        "олимпиад",
        "ассамбле",
        "раунд",
    ),
    "kk": (
        "съез",
        "сессия",
        "саммит",
        "ғасыр",
        "пленум",
        "шақырылым",
        "форум",
        "конгресс",
        "отырыс",
        "конференция",
        "кеңес",
        "мыңжылдық",
        "олимпиада",
        "ассамблея",
    ),
}
_CYRILLIC_WORD = re.compile(r"[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]")


def roman_value(token: str) -> int | None:
    """Value of a Roman numeral (Latin or Cyrillic look-alike letters, I..LXXXIX); else None."""
    if len(token) == 1 and "\u2160" <= token <= "\u216b":
        return int(unicodedata.numeric(token))
    latin = token.translate(_LOOKALIKES)
    if not latin or not _VALID.match(latin):
        return None
    values = {"I": 1, "V": 5, "X": 10, "L": 50}
    total = 0
    for i, ch in enumerate(latin):
        value = values[ch]
        if i + 1 < len(latin) and values[latin[i + 1]] > value:
            total -= value
        else:
            total += value
    return total or None


def _variants() -> frozenset[str]:
    """Every numeral I..LXXXIX, with Cyrillic Х and І in any of the places of X and I."""
    out = set()
    for number in range(1, 90):
        latin = _to_roman(number)
        forms = {""}
        for ch in latin:
            options = {"X": "XХ", "I": "IІӀ"}.get(ch, ch)
            forms = {f + o for f in forms for o in options}
        out.update(forms)
    out.update(chr(c) for c in range(0x2160, 0x216C))
    return frozenset(out)


def _to_roman(number: int) -> str:
    text = ""
    for value, letters in (
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
        while number >= value:
            text += letters
            number -= value
    return text


TOKENS = _variants()


def candidate_at(text: str, start: int, end: int, fam: str) -> Candidate | None:
    """The ordinal written by the numeral ``text[start:end]`` (a member of TOKENS), if its
    context makes it one."""
    nouns = _ORDINAL_NOUNS.get(fam)
    if nouns is None or (start and text[start - 1] in "-'’") or text[end : end + 1] in "-'’":
        return None
    token = text[start:end]
    value = roman_value(token)
    if value is None or not _is_ordinal(text, token, end, start, fam, nouns):
        return None
    return candidate(P_ORDINAL, "ordinal", str(value), start, end)


def _is_ordinal(
    text: str, token: str, end: int, start: int, fam: str, nouns: tuple[str, ...]
) -> bool:
    following = _NEXT_WORD.match(text, end)
    words = [w.lower() for w in following.groups() if w] if following else []
    if fam == "en" and text[max(0, start - 10) : start] == "World War ":
        return True
    if not words:
        return False
    if fam == "en":
        return any(w.startswith(nouns) for w in words)
    if len(token) == 1 and not "\u2160" <= token <= "\u216b":
        return words[0].startswith(nouns)
    return bool(_CYRILLIC_WORD.match(words[0]))
