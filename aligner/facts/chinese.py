"""Chinese numerals: 十, 二十, 三十一, 二〇二三, 两千, 5万, 1.5亿, 百分之五, 第二十次.

Conversion uses cn2an (imported on first use), wrapped so that text it cannot read is simply
not a number. A run of numeral characters counts only when it reads back to itself
(cn2an.an2cn), which rejects idioms and lists such as 一五一十, 十四五 and 五六. Single
characters (一, 两, 十) are numbers only before a measure word (两国, 三股, 十年) and are weak;
digit strings without units (二〇二三) only when they contain 〇/零 or are a year before 年.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from .model import P_NUMBER, P_ORDINAL, P_PERCENT, P_WORD, Candidate, candidate
from .text import canonical_number

CN_DIGITS = "〇零一二三四五六七八九两"
CN_UNITS = "十百千万亿"
_RUN = f"[{CN_DIGITS}{CN_UNITS}]+(?:点[{CN_DIGITS}]+)?"
_SOURCE = rf"百分之(?P<pct>{_RUN}|\d+(?:\.\d+)?)|第(?P<ord>{_RUN})|(?P<num>{_RUN})"


@cache
def _pattern() -> re.Pattern[str]:
    """Compiled when a Chinese text first asks (2 ms at every start otherwise)."""
    return re.compile(_SOURCE)


_MEASURE = frozenset("个条种份项位名次届年国股座批轮周天月日倍岁篇句段节章款号版级页列层秒")
_SINGLE = frozenset("一二三四五六七八九十两")


@lru_cache(maxsize=4096)
def to_int(numeral: str) -> int | None:
    """The value of a Chinese numeral (or digit string) such as 十七, 二〇二三, 17; None if not one."""
    if numeral.isdigit():
        return int(numeral)
    value = to_number(numeral)
    if value is None or "." in value:
        return None
    return int(value)


@lru_cache(maxsize=16384)
def to_number(numeral: str) -> str | None:
    """Canonical value of a Chinese numeral, verified by reading it back; None if not one."""
    if not numeral:
        return None
    plain = numeral.replace("两", "二").replace("〇", "零")
    if not any(u in plain for u in CN_UNITS) and "点" not in plain:
        if len(plain) == 1:
            return (
                str("零一二三四五六七八九".index(plain))
                if plain in "零一二三四五六七八九"
                else None
            )
        return "".join(str("零一二三四五六七八九".index(c)) for c in plain)
    if numeral == plain:  # no 两 or 〇: the usual forms of 10 to 9999 need no cn2an
        value = _usual_value(numeral)
        if value is not None:
            return str(value)
    return _read_with_cn2an(numeral, plain)


_DIGITS = "零一二三四五六七八九"
_UNIT_VALUES = {"十": 10, "百": 100, "千": 1000}


def _usual_value(numeral: str) -> int | None:
    """``_usual_forms().get(numeral)`` without the table (9,990 numerals written, 20 ms
    for a Chinese catalog's first numeral): the numeral read digit by unit, kept only
    if it is the one ``_written`` writes for that number (so exactly the table's keys,
    ``_written`` being one-to-one; tests/test_facts_chinese.py reads every key back)."""
    total, digit = 0, None
    for ch in numeral:
        unit = _UNIT_VALUES.get(ch)
        if unit is not None:
            total += (1 if digit is None else digit) * unit
            digit = None
        elif ch in _DIGITS:
            digit = _DIGITS.index(ch) or None
        else:
            return None
    total += digit or 0
    return total if 10 <= total <= 9999 and _written(total) == numeral else None


@lru_cache(maxsize=1)
def _usual_forms() -> dict[str, int]:
    """Every number from 10 to 9999 by the numeral cn2an writes for it ("十七", "二百零五",
    "一千零一十"), which cn2an reads back to the number: ``to_number``'s answer for these is
    known without loading cn2an (a third of a second; a Chinese text's first numeral
    would pay it). tests/test_facts_chinese.py holds them equal to cn2an's."""
    return {_written(n): n for n in range(10, 10000)}


def _written(n: int) -> str:
    """``n`` (1 to 9999) as cn2an's an2cn(n, "low") writes it."""
    out, zero, started = "", False, False
    for digit, unit in (
        (n // 1000, "千"),
        (n // 100 % 10, "百"),
        (n // 10 % 10, "十"),
        (n % 10, ""),
    ):
        if digit == 0:
            zero = zero or started
            continue
        if zero:
            out += "零"
            zero = False
        out += unit if unit == "十" and digit == 1 and not started else _DIGITS[digit] + unit
        started = True
    return out


def _read_with_cn2an(numeral: str, plain: str) -> str | None:
    """``to_number`` by cn2an: its value, if writing that value back gives the numeral."""
    converter = _cn2an()
    try:
        value = converter.cn2an(numeral, "normal")
        back = converter.an2cn(str(value), "low")
    except Exception:  # cn2an raises ValueError, KeyError, IndexError on unusual input
        return None
    if back != plain and back != plain.lstrip("一") and "一" + back != plain:
        return None
    return canonical_number(str(value))


def to_scaled(number: str, unit: str) -> str | None:
    """ "5" and "万" -> "50000"; used for digit numbers followed by 万/亿."""
    try:
        value = _cn2an().cn2an(number + unit, "smart")
    except Exception:
        return None
    return canonical_number(str(value))


def candidates(text: str) -> list[Candidate]:
    """Numbers, ordinals and percentages written in Chinese numerals."""
    out = []
    for match in _pattern().finditer(text):
        if match.group("pct") is not None:
            raw = match.group("pct")
            value = canonical_number(raw) if raw[0].isdigit() else to_number(raw)
            if value is not None:
                out.append(candidate(P_PERCENT, "percent", value, *match.span()))
        elif match.group("ord") is not None:
            value = to_number(match.group("ord"))
            if value is not None and value.isdigit() and value != "0":
                out.append(candidate(P_ORDINAL, "ordinal", value, *match.span(), weak=value == "1"))
        elif text.startswith("进制", match.end()):
            continue  # 十六进制, 八进制: hexadecimal, octal (a base, written in words)
        else:
            found = _cardinal(text, match)
            if found is not None:
                out.append(found)
    return out


_ZERO_WORDS = frozenset("件售星食钱散碎乱落部头")  # 零件 parts, 零售 retail, 零钱 change...


def _cardinal(text: str, match: re.Match) -> Candidate | None:
    run = match.group("num")
    start, end = match.span()
    after = text[end] if end < len(text) else ""
    if len(run) == 1:
        if run == "零" and after not in _ZERO_WORDS:  # 从零开始, 小于零: zero
            return candidate(P_WORD, "number", "0", start, end, weak=True)
        if run not in _SINGLE or after not in _MEASURE:
            return None
        value = to_number(run)
        return candidate(P_WORD, "number", value, start, end, weak=True)
    if not any(u in run for u in CN_UNITS) and "点" not in run:
        # digit strings: years such as 二〇二三(年), never lists such as 五六
        if not ("〇" in run or "零" in run or (len(run) == 4 and after == "年")):
            return None
    value = to_number(run)
    if value is None:
        return None
    weak = "." not in value and int(value) <= 10
    return candidate(P_WORD if weak else P_NUMBER, "number", value, start, end, weak=weak)


@lru_cache(maxsize=1)
def _cn2an():
    import cn2an  # deferred: it takes ~0.1 s to import and only Chinese text needs it

    return cn2an
