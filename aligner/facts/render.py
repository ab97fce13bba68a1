"""Writing fact values for people, and spotting facts that are malformed on their own.

``render`` turns a canonical value into the way a language writes it ("2023-05-17" ->
"17 May 2023", "17 мая 2023 года", "2023 жылғы 17 мамыр", "2023年5月17日"), for messages and
suggested fixes. ``suffix_problem`` and ``date_problem`` find what needs no other language:
an ordinal suffix that does not fit its number ("2023th", "20-ші"), a day the month lacks.
"""

from __future__ import annotations

import calendar
import re

from .model import Fact

_EN_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
_RU_GENITIVE = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
]
_RU_NOMINATIVE = [
    "январь",
    "февраль",
    "март",
    "апрель",
    "май",
    "июнь",
    "июль",
    "август",
    "сентябрь",
    "октябрь",
    "ноябрь",
    "декабрь",
]
_KK_MONTHS = [
    "қаңтар",
    "ақпан",
    "наурыз",
    "сәуір",
    "мамыр",
    "маусым",
    "шілде",
    "тамыз",
    "қыркүйек",
    "қазан",
    "қараша",
    "желтоқсан",
]
_DATE = re.compile(r"^(?:(\d{4})|-)-(\d{2})(?:-(\d{2}))?$")
# Kazakh ordinal suffix after digits follows the vowel of the number's last word
_KK_BACK = {
    0: True,
    1: False,
    2: False,
    3: False,
    4: False,
    5: False,
    6: True,
    7: False,
    8: False,
    9: True,
}
_KK_TENS_BACK = {1: True, 2: True, 3: True, 4: True, 5: False, 6: True, 7: False, 8: False, 9: True}
_RU_SHORT = {
    "ый": "й",
    "ой": "й",
    "ий": "й",
    "ая": "я",
    "яя": "я",
    "ое": "е",
    "ее": "е",
    "ые": "е",
    "ие": "е",
    "ого": "го",
    "его": "го",
    "ому": "му",
    "ему": "му",
    "ом": "м",
    "ем": "м",
    "ым": "м",
    "им": "м",
    "ых": "х",
    "их": "х",
    "ыми": "ми",
    "ими": "ми",
    "ую": "ю",
    "юю": "ю",
    "ей": "й",
}


def render(kind: str, value: str, lang: str = "en") -> str:
    """``value`` (of a fact of ``kind``) as ``lang`` writes it; the value itself if unknown."""
    lang = lang.split("-")[0]
    if kind == "date":
        return _date(value, lang)
    if kind == "range":
        return _range(value, lang)
    if kind == "ordinal":
        return _ordinal(value, lang)
    if kind == "percent":
        return _number(value, lang) + "%"
    if kind == "number":
        return _number(value, lang)
    if kind == "section":
        return value + ("、" if lang == "zh" else ".")
    if kind == "name":
        return _name(value, lang)
    return value


def _number(value: str, lang: str) -> str:
    whole, dot, fraction = value.partition(".")
    if whole.isdigit() and len(whole) > 4 and lang != "zh":
        sep = "," if lang == "en" else " "
        whole = f"{int(whole):,}".replace(",", sep)
    if dot:
        return whole + ("," if lang in ("ru", "kk") else ".") + fraction
    return whole


def _ordinal(value: str, lang: str) -> str:
    if not value.isdigit():
        return value
    if lang == "en":
        return value + english_suffix(int(value))
    if lang == "ru":
        return value + "-й"
    if lang == "kk":
        return value + "-" + kazakh_suffix(int(value))
    if lang == "zh":
        return "第" + value
    return value + "."


def english_suffix(number: int) -> str:
    """ "st", "nd", "rd" or "th" for ``number``."""
    if number % 100 in (11, 12, 13):
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")


def kazakh_suffix(number: int) -> str:
    """ "шы" or "ші": the ordinal suffix Kazakh writes after the digits of ``number``."""
    if number == 0:
        return "ші"
    if number % 10:
        return "шы" if _KK_BACK[number % 10] else "ші"
    if number % 100:
        return "шы" if _KK_TENS_BACK[number % 100 // 10] else "ші"
    if number % 1000:
        return "ші"  # жүз
    if number % 1_000_000:
        return "шы"  # мың
    return "шы"  # миллион, миллиард


def _parts(value: str) -> tuple[int | None, int, int | None] | None:
    match = _DATE.match(value)
    if not match:
        return None
    year, month, day = match.groups()
    return (int(year) if year else None, int(month), int(day) if day else None)


def _date(value: str, lang: str) -> str:
    parts = _parts(value)
    if parts is None or not 1 <= parts[1] <= 12:
        return value
    year, month, day = parts
    if lang == "zh":
        return (f"{year}年" if year else "") + f"{month}月" + (f"{day}日" if day else "")
    if lang == "ru":
        if day is None:
            name = _RU_NOMINATIVE[month - 1]
            return f"{name} {year} года" if year else name
        return f"{day} {_RU_GENITIVE[month - 1]}" + (f" {year} года" if year else "")
    if lang == "kk":
        text = (f"{day} " if day else "") + _KK_MONTHS[month - 1]
        return f"{year} жылғы {text}" if year else text
    text = (f"{day} " if day else "") + _EN_MONTHS[month - 1]
    return f"{text} {year}" if year else text


def _range(value: str, lang: str) -> str:
    if "/" not in value:
        low, _, high = value.partition("-")
        percent = low.endswith("%")
        low, high = low.rstrip("%"), high.rstrip("%")
        sep = "至" if lang == "zh" else "–"
        text = _number(low, lang) + sep + _number(high, lang)
        return text + "%" if percent else text
    first, second = value.split("/", 1)
    a, b = _parts(first), _parts(second)
    if a is None or b is None:
        return value
    if a[0] == b[0] and a[1] == b[1] and a[2] and b[2]:
        year, month = a[0], a[1]
        if lang == "zh":
            return (f"{year}年" if year else "") + f"{month}月{a[2]}日至{b[2]}日"
        days = f"{a[2]}–{b[2]}"
        if lang == "ru":
            return f"{days} {_RU_GENITIVE[month - 1]}" + (f" {year} года" if year else "")
        if lang == "kk":
            return (f"{year} жылғы " if year else "") + f"{days} {_KK_MONTHS[month - 1]}"
        return f"{days} {_EN_MONTHS[month - 1]}" + (f" {year}" if year else "")
    return _date(first, lang) + (" 至 " if lang == "zh" else " – ") + _date(second, lang)


def _name(value: str, lang: str) -> str:
    if value.startswith(("cap:", "code:")):
        return value.split(":", 1)[1]
    if len(value) == 2 and value.isupper():
        from .names import country_name

        return country_name(value, lang) or value
    return value


def suffix_problem(fact: Fact, lang: str) -> str | None:
    """What is wrong with the suffix of an ordinal written with digits; None if it fits."""
    if fact.kind != "ordinal":
        return None
    lang = lang.split("-")[0]
    match = re.match(r"(\d+)-?([^\W\d_]+)", fact.text)
    if not match:
        return None
    digits, suffix = match.groups()
    number = int(digits)
    if suffix.lower() in ("st", "nd", "rd", "th"):
        right = english_suffix(number)
        if suffix.lower() != right:
            return f"'{fact.text}': {number} takes '{right}' ('{number}{right}')"
        return None
    if lang == "kk" and re.fullmatch(r"(?:ы|і)?н?ш[ыі]", suffix.lower()):
        right = kazakh_suffix(number)
        if suffix.lower()[-2:] != right:
            return f"'{fact.text}': {number} takes '-{right}' ('{number}-{right}')"
        return None
    if lang == "ru" and suffix.lower() in _RU_SHORT:
        short = _RU_SHORT[suffix.lower()]
        return f"'{fact.text}': after digits Russian writes the short ending ('{number}-{short}')"
    return None


def date_problem(value: str) -> str | None:
    """Why a date value cannot be a date ("2023-02-30"); None when it can."""
    parts = [_parts(v) for v in value.split("/")]
    for part in parts:
        if part is None:
            continue
        year, month, day = part
        if not 1 <= month <= 12:
            return f"there is no month {month}"
        if day is not None:
            last = calendar.monthrange(year or 2000, month)[1]
            if not 1 <= day <= last:
                when = f"{_EN_MONTHS[month - 1]} {year}" if year else _EN_MONTHS[month - 1]
                return f"{when} has no day {day}"
    return None
