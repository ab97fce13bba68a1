"""What stands next to a number: its unit ("5 km", "5 км", "5公里"), its sign (−5) and scale words.

A number's value is language-independent (``aligner.facts``); its unit is read here from the
text right after it, as a canonical unit id, so that "5 km", "5 км" and "5公里" all say
(5, "km") and "5 км" for "5 m" can be told from a faithful translation. Some forms are
ambiguous ("5m" may be minutes in a command's help, "5 г." is a year in Russian): a form maps
to every unit it may be, and two versions agree when their sets meet.

Scale words are folded into the number's value by the extractor ("5 million" = 5000000);
``scaled`` writes a value back with the scale words a language uses ("5 млн", "500万"), for
suggestions in the target's own form.
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

from .text import format_decimal, is_letter

# unit id -> the forms that say it: Latin (en), Cyrillic (ru, kk), Chinese. Latin words take a
# plural "s"; Cyrillic words are stems that inflect (``STEMS``); the rest are abbreviations.
_UNITS: dict[str, tuple[str, ...]] = {
    "km": ("km", "kilometre", "kilometer", "км", "километр", "шақырым", "公里", "千米"),
    "m": ("m", "metre", "meter", "м", "метр", "米"),
    "cm": ("cm", "centimetre", "centimeter", "см", "сантиметр", "厘米", "公分"),
    "mm": ("mm", "millimetre", "millimeter", "мм", "миллиметр", "毫米"),
    "kg": ("kg", "kilogram", "кг", "килограмм", "公斤", "千克"),
    "g": ("g", "gram", "gramme", "г", "грамм", "克"),
    "B": ("B", "byte", "octet", "Б", "байт", "октет", "字节"),
    "KB": (
        "KB",
        "kB",
        "KiB",
        "kilobyte",
        "kibibyte",
        "КБ",
        "Кб",
        "кБ",
        "КиБ",
        "Кбайт",
        "килобайт",
        "千字节",
    ),
    "MB": (
        "MB",
        "MiB",
        "megabyte",
        "mebibyte",
        "МБ",
        "Мб",
        "МиБ",
        "Мбайт",
        "мегабайт",
        "兆字节",
        "兆",
    ),
    "GB": ("GB", "GiB", "gigabyte", "gibibyte", "ГБ", "Гб", "ГиБ", "Гбайт", "гигабайт", "吉字节"),
    "TB": ("TB", "TiB", "terabyte", "tebibyte", "ТБ", "Тб", "ТиБ", "Тбайт", "терабайт", "太字节"),
    "bit": ("bit", "бит", "比特"),
    "bit/s": ("bit/s", "bps", "бит/с", "比特/秒"),
    "kbit/s": ("kbit/s", "Kbit/s", "kbps", "Kbps", "Кбит/с", "кбит/с"),
    "Mbit/s": ("Mbit/s", "Mbps", "Мбит/с"),
    "Gbit/s": ("Gbit/s", "Gbps", "Гбит/с"),
    "ms": ("ms", "millisecond", "msec", "мс", "миллисекунд", "毫秒"),
    "us": ("µs", "μs", "microsecond", "мкс", "микросекунд", "微秒"),
    "s": ("s", "sec", "second", "с", "сек", "секунд", "秒", "秒钟"),
    "min": ("min", "minute", "мин", "минут", "分钟"),
    "h": ("h", "hr", "hour", "ч", "час", "сағат", "小时", "个小时"),
    "day": ("day", "дн", "день", "сут", "күн", "天"),
    "week": ("week", "недел", "апта", "周", "星期"),
    "°C": ("°C", "℃", "°С"),
    "px": ("px", "pixel", "пикс", "пиксел", "像素"),
    "dot": ("dot", "точек", "точк"),
    "pt": ("pt", "пт", "пункт", "磅"),
    "Hz": ("Hz", "hertz", "Гц", "герц", "赫兹"),
    "kHz": ("kHz", "кГц", "килогерц", "千赫"),
    "MHz": ("MHz", "МГц", "мегагерц", "兆赫"),
    "GHz": ("GHz", "ГГц", "гигагерц", "吉赫"),
    "dpi": ("dpi",),
    "$": ("dollar", "доллар", "долл", "美元"),
    "€": ("euro", "евро", "欧元"),
    "¥": ("yuan", "юан", "元", "人民币"),
    "₸": ("tenge", "тенге", "теңге", "坚戈"),
    "₽": ("rouble", "ruble", "рубл", "руб", "卢布"),
}
STEMS = frozenset(
    "километр шақырым метр сантиметр миллиметр килограмм грамм байт килобайт мегабайт "
    "гигабайт терабайт октет бит миллисекунд микросекунд секунд минут час сағат дн день сут күн "
    "недел апта пикс пиксел пункт герц килогерц мегагерц гигагерц доллар долл юан рубл руб "
    "тенге теңге евро точк Кбайт Мбайт Гбайт Тбайт".split()
)
# forms that may say more than one unit: "5m" is minutes in "sleep 5m", "2023 г." a year
_AMBIGUOUS = {"m": {"min"}, "г": {"year"}, "兆": {"mega"}, "元": {"$"}}
_CURRENCY_SIGNS = {"$": "$", "€": "€", "¥": "¥", "₸": "₸", "₽": "₽", "£": "£"}
_SPACES = " \u00a0\u202f\u2009"
_AFTER_WORD = r"(?![^\W\d_])"


@lru_cache(maxsize=1)
def _forms() -> tuple[dict[str, frozenset[str]], re.Pattern]:
    by_form: dict[str, set[str]] = {}
    for unit, forms in _UNITS.items():
        for form in forms:
            by_form.setdefault(form, set()).add(unit)
    for form, units in _AMBIGUOUS.items():
        by_form[form].update(units)
    pieces = []
    for form in sorted(by_form, key=len, reverse=True):
        escaped = re.escape(form)
        if "\u3400" <= form[:1] <= "\u9fff" or not form[-1].isalpha():  # CJK first
            pieces.append(escaped)
        elif form in STEMS:
            pieces.append(escaped + r"[а-яёәғқңөұүһі]*")  # inflected: "секунды", "километров"
        elif form.isascii() and len(form) > 3:
            pieces.append(escaped + "s?" + _AFTER_WORD)  # "second", "seconds"
        else:
            pieces.append(escaped + r"\.?" + _AFTER_WORD)  # an abbreviation: "км", "сек."
    # a space or a hyphen between: "5 km", "1024-byte blocks", "64-битной"
    pattern = re.compile(f"[{_SPACES}-]?(?:" + "|".join(pieces) + ")")
    return {form: frozenset(units) for form, units in by_form.items()}, pattern


def unit_after(text: str, end: int) -> tuple[frozenset[str], int, int] | None:
    """The unit written right after a number ending at ``end``: (the units it may be, its
    start, its end), or None."""
    by_form, pattern = _forms()
    found = pattern.match(text, end)
    if found is None:
        return None
    start = end + (1 if text[end] in _SPACES or text[end] == "-" else 0)
    written = text[start : found.end()]
    units = by_form.get(written) or by_form.get(written.rstrip("."))
    if units is None and written[-1:] == "s":
        units = by_form.get(written[:-1])  # "seconds"
    for cut in range(len(written) - 1, 1, -1):  # an inflected stem: "секунды"
        if units is not None:
            break
        units = by_form.get(written[:cut]) if written[:cut] in STEMS else None
    if units is None:
        return None
    if written in _PREPOSITIONS and _GOVERNS.match(text, found.end()):
        return None  # "ISO 8601 с гранулярностью": "с" governs its word, "with"
    return units, start, found.end()


# Russian one-letter prepositions that are also unit symbols ("5 с", seconds): before a
# word, the preposition ("ISO 8601 с гранулярностью", "34.11-2012/256 с ГОСТ Р 34.10"); a
# symbol ends its clause ("5 с.", "5 с,", "5 с)")
_PREPOSITIONS = frozenset("свкуо")
_GOVERNS = re.compile(r"[ \u00a0][^\W\d_]")


def unit_forms(unit: str) -> tuple[str, ...]:
    """Every form of a unit id ("km": "km", "км", "公里"...), the usual one of each script first."""
    return _UNITS.get(unit, ())


def currency_before(text: str, start: int) -> str | None:
    """A currency sign written right before a number ("$5", "€ 5")."""
    at = start - 1
    if at >= 0 and text[at] in " \u00a0":
        at -= 1
    return _CURRENCY_SIGNS.get(text[at]) if at >= 0 else None


MINUS = frozenset("-\u2212")
_NOT_SIGN_AFTER = frozenset(")]}_-\u2212")


def is_negative(text: str, start: int) -> bool:
    """Whether the number starting at ``start`` carries a minus sign: a hyphen-minus or "−"
    right before it, itself at the start or after a space, bracket, operator or Chinese
    character ("在-15"); not a range ("1-2"), a code ("UTF-8"), an option ("-v" has no
    digit) or a list dash ("- 5")."""
    if start < 1 or text[start - 1] not in MINUS:
        return False
    if start < 2:
        return True
    before = text[start - 2]
    return not (is_letter(before) or before.isdigit() or before in _NOT_SIGN_AFTER)


# scale words by language, largest first: how a value is written back ("5 млн", "500万")
_SCALE_WORDS = {
    "en": ((12, "trillion"), (9, "billion"), (6, "million"), (3, "thousand")),
    "ru": ((12, "трлн"), (9, "млрд"), (6, "млн"), (3, "тыс.")),
    "kk": ((12, "трлн"), (9, "млрд"), (6, "млн"), (3, "мың")),
    "zh": ((12, "万亿"), (8, "亿"), (4, "万")),
}


def scaled(value: str, fam: str, decimal_comma: bool = False) -> str | None:
    """``value`` with the largest scale word of language family ``fam`` that leaves a number
    of at most three decimals ("5000000" -> "5 million", "5 млн", "500万"); None if none does."""
    try:
        number = Decimal(value)
    except ArithmeticError:
        return None
    for exponent, word in _SCALE_WORDS.get(fam, ()):
        mantissa = number.scaleb(-exponent)
        if mantissa >= 1 and mantissa == mantissa.quantize(Decimal("0.001")):
            written = format_decimal(mantissa)
            if decimal_comma:
                written = written.replace(".", ",")
            return written + ("" if fam == "zh" else " ") + word
    return None


def scale_word_in(text: str) -> bool:
    """Whether a number's written form uses a scale word ("5 млн", "1.5 billion", "500万")."""
    return any(
        word.rstrip(".") in text for words in _SCALE_WORDS.values() for _, word in words
    ) or any(
        w in text.lower()
        for w in ("миллион", "миллиард", "триллион", "тысяч", "mln", "bn", "千万", "百万")
    )
