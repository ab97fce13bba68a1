"""Units a text names with no number before them: "in kilobytes", "以千字节为单位", "N seconds",
"every N 秒".

``units.unit_after`` reads the unit of a number ("5 km"); a message often names its unit on
its own ("Sets the stack depth, in kilobytes.", "sleep for N seconds"), and a translation
that says 千千字节 or 毫秒 there has changed what the setting means while every number
stays. Only the two measures software messages speak of are read, data sizes and times,
and only forms that are a unit wherever they stand: "seconds", "байт", "字节", "KiB" — not
"s", "с" (also "with"), "天" (also "sky", "今天"), "周" (also "周期"), "兆" alone, "min"
(also "minimum"), which count only as a unit the text may name (``strict`` False).

A Chinese unit with one scale character too many ("千千字节", "毫毫秒") is read as a unit of its
own, which no source names; one that begins a word naming a thing (比特块 "blob", 秒表) is none.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

DIMENSION = {
    "bit": "size",
    "B": "size",
    "KB": "size",
    "MB": "size",
    "GB": "size",
    "TB": "size",
    "ns": "time",
    "us": "time",
    "ms": "time",
    "s": "time",
    "min": "time",
    "h": "time",
    "day": "time",
    "week": "time",
}

# unit id -> the forms read as that unit anywhere: English words (a plural "s" allowed),
# Cyrillic stems (inflected), size abbreviations (case as written), Chinese words
_STRICT: dict[str, tuple[str, ...]] = {
    "bit": ("бит", "比特"),
    "B": ("byte", "байт", "字节"),
    "KB": ("kilobyte", "kibibyte", "килобайт", "Кбайт", "KB", "kB", "KiB", "КБ", "КиБ", "千字节"),
    "MB": ("megabyte", "mebibyte", "мегабайт", "Мбайт", "MB", "MiB", "МБ", "МиБ", "兆字节"),
    "GB": ("gigabyte", "gibibyte", "гигабайт", "Гбайт", "GB", "GiB", "ГБ", "ГиБ", "吉字节"),
    "TB": ("terabyte", "tebibyte", "терабайт", "Тбайт", "TB", "TiB", "ТБ", "ТиБ", "太字节"),
    "ns": ("nanosecond", "наносекунд", "纳秒"),
    "us": ("microsecond", "микросекунд", "微秒"),
    "ms": ("millisecond", "миллисекунд", "毫秒"),
    "s": ("seconds", "секунд", "秒", "秒钟"),
    "min": ("minute", "минут", "分钟"),
    "h": ("hour", "小时"),
    "day": ("day",),
    "week": ("week",),
}
# forms that may be the unit but may be something else: they only show that a text names it
_LOOSE: dict[str, tuple[str, ...]] = {
    "bit": ("bit",),  # "a bit more"
    "ns": ("ns", "nsec", "нс"),
    "us": ("us", "usec", "µs", "μs", "мкс"),
    "ms": ("ms", "msec", "мс"),
    "s": ("second", "sec", "сек"),
    "min": ("min", "мин"),
    "h": ("hr", "час", "ч", "сағат"),
    "day": ("день", "дн", "сут", "күн", "天"),
    "week": ("недел", "апта", "周", "星期"),
    "MB": ("兆",),
}
# "second" is an ordinal too ("the second axis"); after these it is a time, and after a
# fraction another one ("thousandths of a second" is a millisecond)
_A_SECOND = re.compile(
    r"(?:(thousandths|millionths|billionths)\s+of\s+a|of\s+a|per|one|half\s+a|each|every)\s+$",
    re.IGNORECASE,
)
_FRACTION = {"thousandths": "ms", "millionths": "us", "billionths": "ns"}
_CJK_SCALE = "千兆吉太毫微纳"
# Chinese words that begin with a unit but name a thing, as their English words do, which
# are read as one word each ("blob", "bitcoin", "bytecode", "stopwatch"): 比特 in 比特块 is no
# bit, as "bit" in "bitcoin" is none
_CJK_COMPOUNDS = frozenset(("比特块", "比特币", "字节码", "秒表"))
_CJK_NUMERAL = frozenset("0123456789〇零一二三四五六七八九十百两几数")
_CYRILLIC_STEMS = tuple(
    sorted(
        "байт килобайт мегабайт гигабайт терабайт бит секунд минут недел сут".split(),
        key=len,
        reverse=True,
    )
)
# a Latin or Cyrillic word (Chinese text is searched for its forms: no range of ideographs
# is compiled before a text has them)
_RUN = re.compile(r"[A-Za-zµμ]+|[\u0400-\u04ff]+")


class UnitWord(NamedTuple):
    """A unit named at [start, end): its id, and whether the form can only be that unit."""

    unit: str
    start: int
    end: int
    strict: bool


@lru_cache(maxsize=1)
def _reader() -> tuple[dict[str, tuple[str, bool]], re.Pattern]:
    """Every form (Latin words also lower-cased) -> (unit, strict); and the Chinese forms,
    with one scale character before them allowed ("千千字节")."""
    by_form: dict[str, tuple[str, bool]] = {}
    for table, strict in ((_LOOSE, False), (_STRICT, True)):
        for unit, forms in table.items():
            for form in forms:
                by_form[form] = (unit, strict)
    chinese = sorted((f for f in by_form if "\u3400" <= f[0] <= "\u9fff"), key=len, reverse=True)
    pattern = re.compile(f"[{_CJK_SCALE}]?(?:" + "|".join(map(re.escape, chinese)) + ")")
    return by_form, pattern


def unit_words(text: str) -> list[UnitWord]:
    """Every data size or time unit ``text`` names, in order (see the module docstring)."""
    by_form, chinese = _reader()
    found = []
    if max(text, default="") >= "\u3400":
        found.extend(_chinese(text, by_form, chinese))
    for run in _RUN.finditer(text):
        word, start = run.group(), run.start()
        if start >= 2 and text[start - 1] == "-" and _scale_prefix(text, start - 1):
            continue  # "нано-секунды", "kilo-bytes": another unit ("non-minute" is a minute)
        unit, strict = _word_of(word, by_form)
        if unit is None:
            continue
        if word.lower() == "second":
            before = _A_SECOND.search(text, max(0, start - 30), start)
            strict = before is not None
            if before is not None and before.group(1):
                unit = _FRACTION[before.group(1).lower()]
        found.append(UnitWord(unit, start, run.end(), strict))
    return sorted(found, key=lambda word: word.start)


_SCALE_PREFIXES = frozenset(
    "nano micro milli kilo mega giga tera нано микро милли кило мега гига тера".split()
)


def _scale_prefix(text: str, hyphen: int) -> bool:
    """Whether the word before a hyphen is a scale prefix ("нано-", "kilo-")."""
    start = hyphen
    while start > 0 and text[start - 1].isalpha():
        start -= 1
    return text[start:hyphen].lower() in _SCALE_PREFIXES


# what each word says, read once: a catalog's words recur in thousands of messages, and the
# answer depends on the word alone (``by_form`` is the one table ``_reader`` builds)
_SAID: dict[str, tuple[str | None, bool]] = {}


def _word_of(word: str, by_form: dict[str, tuple[str, bool]]) -> tuple[str | None, bool]:
    """The unit a Latin or Cyrillic word says (``_read_word``), remembered per word."""
    found = _SAID.get(word)
    if found is None:
        found = _SAID[word] = _read_word(word, by_form)
    return found


def _read_word(word: str, by_form: dict[str, tuple[str, bool]]) -> tuple[str | None, bool]:
    """The unit a Latin or Cyrillic word says: as written ("KB", "мс"), an English word in
    any case with a plural "s" ("Kilobytes"), an inflected Russian stem ("секунды")."""
    if word in by_form:
        return by_form[word]
    lower = word.lower()
    if word.isascii():
        for candidate in (lower, lower[:-1] if lower.endswith("s") else None):
            if candidate and len(candidate) > 2 and candidate in by_form:
                return by_form[candidate]
        return None, False
    if lower in by_form:
        return by_form[lower]
    stem = next((s for s in _CYRILLIC_STEMS if lower.startswith(s)), None)
    return by_form[stem] if stem is not None else (None, False)


def _chinese(
    text: str, by_form: dict[str, tuple[str, bool]], pattern: re.Pattern
) -> list[UnitWord]:
    """The Chinese units of ``text``. "一千字节" is a thousand bytes; "千千字节", one scale too
    many, is a unit of its own."""
    found = []
    for match in pattern.finditer(text):
        written, start = match.group(), match.start()
        if any(text.startswith(c, match.end() + 1 - len(c)) for c in _CJK_COMPOUNDS):
            continue  # each a unit's form and one character more
        if written[0] in "千兆" and text[start - 1 : start] in _CJK_NUMERAL and written[1:]:
            written, start = written[1:], start + 1
        if written in by_form:
            unit, strict = by_form[written]
        elif written[1:] in by_form:
            unit, strict = by_form[written[1:]]
            unit = written[0] + unit
        else:
            continue
        found.append(UnitWord(unit, start, match.end(), strict))
    return found


def dimension(unit: str) -> str | None:
    """ "size" or "time" for a unit id (a doubled-scale one too: "千KB" is a size)."""
    return DIMENSION.get(unit) or DIMENSION.get(unit[1:])
