"""Dates in words and digits: "May 17, 2023", "17 мая 2023 года", "2023 жылғы 17 мамыр",
"2023年5月17日", "二〇二三年五月十七日", "2023-05-17", "17.05.2023".

Values: "2023-05-17" (full date), "2023-05" (month and year), "--05-17" (day and month, no
year), "--05" (a month alone, weak), and for a range of days "2023-05-16/2023-05-17" (ISO 8601
interval, both ends written in full). A plain year is a number, not a date.
"""

from __future__ import annotations

import re
from functools import cache

from .chinese import to_int
from .model import P_DATE, P_DATE_RANGE, P_MONTH, Candidate, candidate
from .text import DASHES, NOT_LETTER_AFTER, sentence_initial, trie_regex

_EN_MONTHS = {
    "January": 1,
    "February": 2,
    "March": 3,
    "April": 4,
    "May": 5,
    "June": 6,
    "July": 7,
    "August": 8,
    "September": 9,
    "October": 10,
    "November": 11,
    "December": 12,
    "Jan.": 1,
    "Feb.": 2,
    "Mar.": 3,
    "Apr.": 4,
    "Jun.": 6,
    "Jul.": 7,
    "Aug.": 8,
    "Sep.": 9,
    "Sept.": 9,
    "Oct.": 10,
    "Nov.": 11,
    "Dec.": 12,
    "Jan": 1,
    "Feb": 2,
    "Mar": 3,
    "Apr": 4,
    "Jun": 6,
    "Jul": 7,
    "Aug": 8,
    "Sep": 9,
    "Sept": 9,
    "Oct": 10,
    "Nov": 11,
    "Dec": 12,
}
_RU_STEMS = [
    "январ",
    "феврал",
    "март",
    "апрел",
    "ма",
    "июн",
    "июл",
    "август",
    "сентябр",
    "октябр",
    "ноябр",
    "декабр",
]
_RU_ENDINGS = {
    "soft": ("ь", "я", "е", "ю", "ём", "ем"),
    "hard": ("", "а", "е", "у", "ом"),
    "may": ("й", "я", "е", "ю", "ем", "ём"),
}
_KK_STEMS = [
    "қаңтар",
    "ақпан",
    "наурыз",
    "сәуір",
    "мамыр",
    "маусым",
    "шілде",
    "тамыз",
    "қыркүйе",
    "қазан",
    "қараша",
    "желтоқсан",
]


def _ru_forms() -> dict[str, int]:
    forms = {}
    for month, stem in enumerate(_RU_STEMS, start=1):
        kind = "may" if stem == "ма" else "hard" if stem in ("март", "август") else "soft"
        for ending in _RU_ENDINGS[kind]:
            forms[stem + ending] = month
    return forms


_RU_MONTHS = _ru_forms()
_KK_LOWER = "а-яәғқңөұүһі"

# Every alternative starts with a plain character class and none with a look-behind, so
# that re can skip ahead at C speed; what a look-behind would check (no digit or letter just
# before) is checked on each match in Python (``_starts_cleanly``).
_D = r"(?P<d>[0-3]?[0-9])(?![0-9])"  # 1..31, checked in Python
_D2 = r"(?P<d2>[0-3]?[0-9])(?![0-9])"
_Y = r"(?P<y>1[5-9][0-9]{2}|2[01][0-9]{2})(?![0-9])"
_EN_M = rf"(?P<m>{trie_regex(_EN_MONTHS)})(?![A-Za-z])"
_EN_ORD = r"(?:st|nd|rd|th)?"
_EN_DR = rf"(?:\s?[{DASHES}]\s?|\s+(?:to|through|until)\s+)"
_RU_M = rf"(?P<m>{trie_regex([*_RU_MONTHS, *(m.capitalize() for m in _RU_MONTHS)])})"
_RU_M += NOT_LETTER_AFTER
_RU_DR = rf"(?:\s?[{DASHES}]\s?|\s+(?:по|и)\s+)"
_KK_M = rf"(?P<m>(?:{trie_regex([*_KK_STEMS, *(m.capitalize() for m in _KK_STEMS)])})"
_KK_M += rf"[{_KK_LOWER}]*)"
_KK_DR = rf"\s?[{DASHES}]\s?"
_CN_N = "〇零一二三四五六七八九十"
_ZH_Y = rf"(?P<y>[0-9]{{4}}|[{_CN_N}]{{4}})\s?年\s?"
_ZH_M = r"(?P<m>1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])\s?月"
_ZH_D = (
    r"(?P<d>3[01]|[12][0-9]|0?[1-9]|[二三]?十[一二三四五六七八九]?|[一二三四五六七八九])\s?[日号]"
)
_ZH_D2 = _ZH_D.replace("(?P<d>", "(?P<d2>")
_ZH_M2 = _ZH_M.replace("(?P<m>", "(?P<m2>")
_ZH_RANGE = rf"(?:\s?[{DASHES}~～至到]\s?(?:{_ZH_M2})?\s?{_ZH_D2})?"
_ISO = rf"{_Y}-(?P<mm>0[1-9]|1[0-2])-(?P<dd>0[1-9]|[12][0-9]|3[01])(?![0-9])"
_DOTTED = rf"(?P<dd>0[1-9]|[12][0-9]|3[01])\.(?P<mm>0[1-9]|1[0-2])\.{_Y}"

_PREPOSITIONS = frozenset(
    (
        "in",
        "In",
        "since",
        "until",
        "till",
        "by",
        "from",
        "during",
        "through",
        "before",
        "after",
        "early",
        "late",
        "mid",
        "last",
        "next",
        "this",
        "of",
    )
)
_WORD_BEFORE = re.compile(r"(\w+)[\s-]+$")

_ALTERNATIVES = {
    "en": [
        _ISO,
        _DOTTED,
        rf"{_EN_M}\.?\s+{_D}{_EN_ORD}(?:{_EN_DR}{_D2}{_EN_ORD})?(?:,?\s+{_Y})?",
        rf"{_D}{_EN_ORD}(?:{_EN_DR}{_D2}{_EN_ORD})?\s+(?:of\s+)?{_EN_M}(?:,?\s+{_Y})?",
        rf"{_EN_M}\.?,?\s+{_Y}",
        _EN_M,
    ],
    "ru": [
        _ISO,
        _DOTTED,
        rf"{_D}(?:{_RU_DR}{_D2})?\s+{_RU_M}(?:\s+{_Y})?",
        rf"{_RU_M}\s+{_Y}",
        _RU_M,
    ],
    "kk": [
        _ISO,
        _DOTTED,
        rf"{_Y}\s+(?:жылғы|жылдың|ж\.)\s+(?:{_D}(?:{_KK_DR}{_D2})?\s+)?{_KK_M}",
        rf"{_D}(?:{_KK_DR}{_D2})?\s+{_KK_M}"
        rf"(?:\s+{_Y}(?:\s+ж(?:ыл[{_KK_LOWER}]*|\.))?)?",
    ],
    "zh": [
        _ISO,
        rf"{_ZH_Y}{_ZH_M}\s?{_ZH_D}{_ZH_RANGE}",
        rf"{_ZH_M}\s?{_ZH_D}{_ZH_RANGE}",
        rf"{_ZH_Y}{_ZH_M}",
        _ZH_M,
    ],
}


def _combine(alternatives: list[str]) -> re.Pattern[str]:
    """One pattern; each alternative's groups renamed d -> d_3 (re forbids repeated names)."""
    renamed = [re.sub(r"\(\?P<(\w+)>", rf"(?P<\1_{i}>", alt) for i, alt in enumerate(alternatives)]
    return re.compile("|".join(renamed))


@cache
def _pattern(fam: str) -> re.Pattern[str] | None:
    """The family's date pattern, compiled when first needed (all four at import cost a
    tenth of ``aligner check``'s start-up)."""
    alternatives = _ALTERNATIVES.get(fam)
    return _combine(alternatives) if alternatives is not None else None


@cache
def _numeric() -> re.Pattern[str]:
    return _combine([_ISO, _DOTTED])


_NUMERIC_HINT = re.compile(r"[0-9][-.][0-9]")  # starts with a class: a fast scan
# cheap tests that decide whether the full pattern can match at all
_MONTH_SCAN = {  # (words, flags), compiled when a language first needs it
    "en": (_EN_MONTHS, 0),
    "ru": (_RU_MONTHS, re.IGNORECASE),
    "kk": (_KK_STEMS, re.IGNORECASE),
}


@cache
def _month_scan(fam: str) -> re.Pattern[str]:
    words, flags = _MONTH_SCAN[fam]
    return re.compile(trie_regex(words), flags)


def candidates(
    norm: str, text: str, fam: str, digits: bool, starts: list[int] | None = None
) -> list[Candidate]:
    """Date and date-range candidates (``digits``: whether ``norm`` has a digit).

    ``starts``: where a date may begin (the starts of digit runs and month names), when the
    caller knows them: the pattern is then tried only there, not scanned over the text.
    """
    pattern = _pattern(fam)
    if pattern is None:
        return []
    out = []
    if starts is not None:
        end = -1
        for start in sorted(starts):
            if start < end:
                continue
            match = pattern.match(norm, start)
            if match is not None:
                found = _candidate(match, text, fam)
                if found is not None:
                    out.append(found)
                    end = match.end()
        return out
    if "月" in norm if fam == "zh" else _month_scan(fam).search(norm):
        pass
    elif digits and _NUMERIC_HINT.search(norm):
        pattern = _numeric()
    else:
        return []
    for match in pattern.finditer(norm):
        found = _candidate(match, text, fam)
        if found is not None:
            out.append(found)
    return out


def _starts_cleanly(match: re.Match, text: str) -> bool:
    """No digit before a match that starts with one, no letter before one that starts with
    a letter (what a look-behind would have checked)."""
    start = match.start()
    if start == 0:
        return True
    before = text[start - 1]
    if text[start].isdigit():
        return not (before.isdigit() or (before == "." and "." in match.group()))
    return not before.isalpha()


def _candidate(match: re.Match, text: str, fam: str) -> Candidate | None:
    if not _starts_cleanly(match, text):
        return None
    groups: dict[str, str] = {}
    spans: dict[str, int] = {}
    for name, value in match.groupdict().items():
        if value is not None:
            base = name.rsplit("_", 1)[0]
            groups[base] = value
            spans[base] = match.start(name)
    if groups.get("mm"):
        value = f"{int(groups['y']):04d}-{groups['mm']}-{groups['dd']}"
        return candidate(P_DATE, "date", value, *match.span())
    month = _month(groups["m"], fam)
    if month is None:
        return None
    year = _number(groups.get("y"))
    day = _number(groups.get("d"))
    start, end = match.span()
    if day is not None and not 1 <= day <= 31:
        return None
    if day is None and year is None:
        start = spans["m"]
        if fam == "en" and not _after_preposition(text, start):
            return None  # "May" alone is mostly the verb; "in May", "since September" are dates
        if fam == "ru" and groups["m"][0].isupper() and not sentence_initial(text, start):
            return None  # "Марта", "Мая": capitalised mid-sentence, a name
        return candidate(P_MONTH, "date", f"--{month:02d}", start, end, weak=True)
    head = f"{year:04d}-" if year is not None else "--"
    value = f"{head}{month:02d}" + (f"-{day:02d}" if day is not None else "")
    day2 = _number(groups.get("d2"))
    if day2 is None:
        return candidate(P_DATE, "date", value, start, end)
    month2 = _month(groups.get("m2"), fam) if groups.get("m2") else month
    if not 1 <= day2 <= 31:
        return None
    if month2 is None or (month2, day2) <= (month, day):
        return None
    return candidate(P_DATE_RANGE, "range", f"{value}/{head}{month2:02d}-{day2:02d}", start, end)


def _after_preposition(text: str, start: int) -> bool:
    before = _WORD_BEFORE.search(text, max(0, start - 12), start)
    return before is not None and before.group(1) in _PREPOSITIONS


def is_month(word: str, fam: str) -> bool:
    """Whether a letter run is a month name (or a Kazakh month with its endings)."""
    if fam == "en":
        return word in _EN_MONTHS
    return _month(word, fam) is not None


def month_keys(fam: str) -> set[str]:
    """Month names of ``fam`` in lower case (Kazakh: stems); a month word begins with one."""
    if fam == "en":
        return {m.rstrip(".").lower() for m in _EN_MONTHS}
    return set(_RU_MONTHS if fam == "ru" else _KK_STEMS if fam == "kk" else ())


def _number(raw: str | None) -> int | None:
    if raw is None:
        return None
    return to_int(raw)


def _month(word: str | None, fam: str) -> int | None:
    if not word:
        return None
    if fam == "en":
        return _EN_MONTHS.get(word) or _EN_MONTHS.get(word.rstrip("."))
    if fam == "ru":
        return _RU_MONTHS.get(word.lower())
    if fam == "kk":
        lower = word.lower()
        for number, stem in enumerate(_KK_STEMS, start=1):
            if lower.startswith(stem):
                return number
        return None
    return to_int(word)
