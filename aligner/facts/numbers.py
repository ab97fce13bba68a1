"""Numbers written with digits: separators, ordinal suffixes, percentages, scales, ranges.

Separators follow the language: in en/zh (and other dot-decimal languages) "," groups
thousands and "." is the decimal point; in ru/kk (and other comma-decimal languages) a space
groups thousands and "," (or ".") is the decimal point. NBSP, thin and narrow spaces group
thousands everywhere. "1,5" in English is read as the numbers 1 and 5, not as 1.5.

Digits glued to letters are codes, not numbers: "5G", "G20", "CO2", "COVID-19" become weak
``name`` facts with value "code:5G" so that no number is read from them; "75th", "20-й",
"20-шы" and the Kazakh "75-сессиясында" are ordinals; "5km" is the number 5.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache, lru_cache

from .model import P_NUMBER, P_ORDINAL, P_PERCENT, P_RANGE, Candidate, candidate
from .text import DASHES, SPACE_GROUP, canonical_number, format_decimal, is_letter

COMMA_DECIMAL = frozenset(
    "ru kk uk be ky tt uz az tg mn de fr es it pt nl pl cs sk sl hr sr bg ro tr el fi sv da "
    "nb nn no et lv lt hu id vi".split()
)

# Both patterns start with a plain digit class and have no look-behind: that lets re skip
# to the next digit at C speed (several times faster). A match cannot start inside a number
# anyway, since the previous match took all its digits.
_NUM_DOT = re.compile(
    rf"[0-9](?:[0-9]{{0,2}}(?:,[0-9]{{3}})+(?:\.[0-9]+)?|[0-9]{{0,2}}(?:[{SPACE_GROUP}][0-9]{{3}})+"
    rf"(?:\.[0-9]+)?|[0-9]*(?:\.[0-9]+)?)(?![0-9])"
)
_NUM_COMMA = re.compile(
    rf"[0-9](?:[0-9]{{0,2}}(?:[ {SPACE_GROUP}][0-9]{{3}})+(?:,[0-9]+)?|[0-9]*(?:[.,][0-9]+)?)"
    rf"(?![0-9])"
)

_EN_ORDINAL_SUFFIXES = frozenset({"st", "nd", "rd", "th"})
_UNITS = frozenset(  # case-sensitive: "5g" is five grams, "5G" a code
    "km m cm mm kg g t mg l ml h s min ms kW MW GW kWh MWh GWh MB GB TB bn mn mln ha "
    "км м см мм кг г т л ч мин млн млрд трлн тыс га".split()
)
RU_ORDINAL_ENDINGS = frozenset(
    "й я е го му м х ми ю ый ой ий ая ое ые ого ому ом ым ых ыми ую ей ее ие их им ими".split()
)
# Kazakh case endings written after a hyphen on a cardinal ("2023-ке", "2022-де", "5-тен").
KK_CASE_ENDINGS = frozenset(
    "а е ға ге қа ке на не да де та те нда нде дан ден тан тен нан нен ның нің дың дің тың "
    "тің ды ді ты ті ны ні ын ін мен бен пен ы і сы сі ғы гі қы кі дағы дегі тағы тегі ндағы "
    "ндегі нан ға дай дей тай тей ға дейін".split()
)
_KK_ORDINAL = re.compile(r"^(?:ы|і)?н?ш[ыі]")
_YEAR_WORD = re.compile(r"\s*(?:год|г\.|гг\.)", re.IGNORECASE)

_PERCENT_WORDS = {
    "en": re.compile(r"\s?(?:%|per\s?cent\b|percent\b)", re.IGNORECASE),
    "ru": re.compile(r"\s?(?:%|процент[а-я]*|проц\.)", re.IGNORECASE),
    "kk": re.compile(r"\s?(?:%|пайыз[а-яәғқңөұүһі]*)", re.IGNORECASE),
    "zh": re.compile(r"\s?%"),
}
_PERCENT_SIGN = re.compile(r"\s?%")
_SCALES = {
    "en": (
        re.compile(r"\s(thousand|million|billion|trillion|mln|bn)\b", re.IGNORECASE),
        {"thousand": 3, "million": 6, "billion": 9, "trillion": 12, "mln": 6, "bn": 9},
    ),
    "ru": (
        re.compile(
            r"\s(тыс\.|тысяч[а-я]*|млн\.?|миллион[а-я]*|млрд\.?|миллиард[а-я]*|трлн\.?"
            r"|триллион[а-я]*)",
            re.IGNORECASE,
        ),
        {
            "тыс": 3,
            "тысяч": 3,
            "млн": 6,
            "миллион": 6,
            "млрд": 9,
            "миллиард": 9,
            "трлн": 12,
            "триллион": 12,
        },
    ),
    "kk": (
        re.compile(
            r"\s(мың|млн\.?|миллион[а-яәғқңөұүһі]*|млрд\.?|миллиард[а-яәғқңөұүһі]*"
            r"|трлн\.?)(?![а-яәғқңөұүһі])",
            re.IGNORECASE,
        ),
        {"мың": 3, "млн": 6, "миллион": 6, "млрд": 9, "миллиард": 9, "трлн": 12},
    ),
    "zh": (
        re.compile(r"\s?(万亿|千亿|百亿|亿|千万|百万|万|千(?![米克字赫瓦]))"),
        {"万亿": 12, "千亿": 11, "百亿": 10, "亿": 8, "千万": 7, "百万": 6, "万": 4, "千": 3},
    ),
}
_RANGE_GAP = {  # compiled when a language first needs it (the Chinese one alone took 5 ms)
    "en": rf"\s?[{DASHES}]\s?|\s+(?:to|through)\s+|\s+and\s+",
    "ru": rf"\s?[{DASHES}]\s?|\s+(?:по|до)\s+",
    "kk": rf"\s?[{DASHES}]\s?",
    "zh": rf"\s?(?:年|%)?\s?(?:[{DASHES}~～至到])\s?",
}


@cache
def _range_gap(fam: str) -> re.Pattern[str] | None:
    source = _RANGE_GAP.get(fam)
    return re.compile(source) if source is not None else None


_RANGE_OPENER = {
    "en": {"to": ("from ",), "through": ("from ",), "and": ("between ",)},
    "ru": {"по": ("с ", "со "), "до": ("от ",)},
}


@dataclass
class Token:
    """One number written with digits: its span, canonical value and kind."""

    start: int
    end: int
    value: str
    kind: str  # number, ordinal, percent


@lru_cache(maxsize=256)
def family(lang: str) -> str:
    """The rule family for ``lang``: en, ru, kk or zh ("zh-TW" -> zh; "de" -> ru rules)."""
    base = lang.split("-")[0].split("_")[0].lower()
    if base in ("zh", "ja", "yue", "wuu"):
        return "zh"
    if base == "kk":
        return "kk"
    return "ru" if base in COMMA_DECIMAL else "en"


def candidates(
    norm: str, text: str, lang: str
) -> tuple[list[Candidate], list[Candidate], list[int]]:
    """Numeric candidates, code candidates (weak names) and the offsets where numbers
    start, for a text that has digits."""
    fam = family(lang)
    tokens, codes = _tokens(norm, text, fam)
    out = []
    for token in tokens:
        priority = {"percent": P_PERCENT, "ordinal": P_ORDINAL}.get(token.kind, P_NUMBER)
        out.append(candidate(priority, token.kind, token.value, token.start, token.end))
    out.extend(_ranges(tokens, norm, text, fam))
    return out, codes, [t.start for t in tokens]


def parse_number(raw: str, fam: str) -> str:
    """The canonical value of a digit string as matched for language family ``fam``."""
    for sep in " " + SPACE_GROUP:
        raw = raw.replace(sep, "")
    if fam in ("ru", "kk"):
        raw = raw.replace(",", ".")
    else:
        raw = raw.replace(",", "")
    return canonical_number(raw)


def _tokens(norm: str, text: str, fam: str) -> tuple[list[Token], list[Candidate]]:
    pattern = _NUM_COMMA if fam in ("ru", "kk") else _NUM_DOT
    tokens: list[Token] = []
    codes: list[Candidate] = []
    length = len(norm)
    code_end = -1
    for match in pattern.finditer(norm):
        start, end = match.span()
        if start < code_end:
            continue
        before = norm[start - 1] if start else ""
        if is_letter(before) or (
            before in DASHES and start > 1 and is_letter(norm[start - 2]) and before != "—"
        ):
            code_end = _code(norm, text, start, end, codes)
            continue
        after = norm[end] if end < length else ""
        value = parse_number(match.group(), fam)
        if is_letter(after):
            word_end = _letters_end(norm, end)
            suffix = norm[end:word_end].lower()
            if suffix in _EN_ORDINAL_SUFFIXES:
                tokens.append(Token(start, word_end, value, "ordinal"))
            elif norm[end:word_end] in _UNITS:
                tokens.append(_with_context(norm, Token(start, end, value, "number"), fam))
            else:
                code_end = _code(norm, text, start, end, codes)
            continue
        if after in DASHES and end + 1 < length and is_letter(norm[end + 1]):
            tokens.append(_hyphenated(norm, start, end, value, fam))
            continue
        token = Token(start, end, value, "number")
        if fam == "zh" and before == "第":
            token = Token(start - 1, end, value, "ordinal")
        tokens.append(_with_context(norm, token, fam))
    return tokens, codes


def _letters_end(norm: str, i: int) -> int:
    while i < len(norm) and is_letter(norm[i]):
        i += 1
    return i


def _code(norm: str, text: str, start: int, end: int, codes: list[Candidate]) -> int:
    """Record the code around digits [start, end) ("G20", "COVID-19", "5G"); return its end."""
    left = start
    while left > 0 and (
        is_letter(norm[left - 1])
        or norm[left - 1].isdigit()
        or (norm[left - 1] == "-" and left > 1 and is_letter(norm[left - 2]))
    ):
        left -= 1
    right = end
    while right < len(norm) and (
        is_letter(norm[right])
        or "0" <= norm[right] <= "9"
        # a code's parts joined by hyphens are one name ("ISO-8859-15", "ISO-2022-JP")
        or (norm[right] == "-" and _code_part(norm, right + 1))
    ):
        right += 1
    codes.append(candidate(0, "name", "code:" + norm[left:right].upper(), left, right, weak=True))
    return right


def _code_part(norm: str, i: int) -> bool:
    """Whether a code goes on at ``i``, after a hyphen: a digit or a capital ("-15", "-JP"),
    not a word's ending ("-й", "-year")."""
    return i < len(norm) and ("0" <= norm[i] <= "9" or (norm[i].isascii() and norm[i].isupper()))


def _hyphenated(norm: str, start: int, end: int, value: str, fam: str) -> Token:
    """Digits, a hyphen and letters: "20-й", "20-шы", "75-сессиясында", "2023-ке", "20-year"."""
    word_end = _letters_end(norm, end + 1)
    word = norm[end + 1 : word_end].lower()
    if fam == "ru" and word in RU_ORDINAL_ENDINGS:
        if word in ("м", "го", "й", "е") and _YEAR_WORD.match(norm, word_end):
            return Token(start, word_end, value, "number")
        return Token(start, word_end, value, "ordinal")
    if fam == "kk":
        if word in KK_CASE_ENDINGS or word.startswith("жыл"):
            return Token(start, end, value, "number")
        if _KK_ORDINAL.match(word) and len(word) <= 5:
            return Token(start, word_end, value, "ordinal")
        return Token(start, end + 1, value, "ordinal")
    return Token(start, end, value, "number")


def _with_context(norm: str, token: Token, fam: str) -> Token:
    """Extend a plain number with a scale word ("5 million", "1,5 млрд", "5万") or "%"."""
    scale = _SCALES.get(fam)
    if scale is not None and token.kind == "number":
        found = scale[0].match(norm, token.end)
        if found:
            word = found.group(1).lower().rstrip(".")
            exponent = next((e for stem, e in scale[1].items() if word.startswith(stem)), None)
            if exponent is not None:
                value = format_decimal(Decimal(token.value).scaleb(exponent))
                token = Token(token.start, found.end(), value, "number")
    percent = _PERCENT_WORDS.get(fam, _PERCENT_SIGN).match(norm, token.end)
    if percent and token.kind == "number":
        token = Token(token.start, percent.end(), token.value, "percent")
    return token


def _ranges(tokens: list[Token], norm: str, text: str, fam: str) -> list[Candidate]:
    """ "2023-2024", "2023–24", "2023—2024年", "2023年至2024年", "from 5 to 7", "с 5 по 7"."""
    gap_pattern = _range_gap(fam)
    if gap_pattern is None or len(tokens) < 2:
        return []
    out = []
    for first, second in zip(tokens, tokens[1:]):
        if first.kind == "ordinal" or second.kind == "ordinal":
            continue
        if first.kind == "percent" and second.kind != "percent":
            continue
        gap = gap_pattern.fullmatch(norm, first.end, second.start)
        if gap is None:
            continue
        word = gap.group().strip().lower()
        openers = _RANGE_OPENER.get(fam, {}).get(word)
        start = first.start
        if openers:
            opener = next(
                (o for o in openers if norm[max(0, start - len(o)) : start].lower() == o), None
            )
            if opener is None:
                continue
            start -= len(opener)
        low, high = first.value, _expand_abbreviated(first.value, second.value)
        if high is None:
            continue
        if second.kind == "percent":
            low, high = low + "%", high + "%"
        out.append(candidate(P_RANGE, "range", f"{low}-{high}", start, second.end))
    return out


def _expand_abbreviated(low: str, high: str) -> str | None:
    """The upper end of a range, "24" in "2023-24" read as 2024; None if not above ``low``."""
    try:
        a, b = Decimal(low), Decimal(high)
    except ArithmeticError:
        return None
    if b > a:
        return high
    if len(low) == 4 and len(high) == 2 and low.isdigit() and high.isdigit():  # years
        expanded = low[:2] + high
        if int(expanded) > int(low):
            return expanded
    return None


# Words that carry a small number without being one: "3-way" is "трехходовое" and "三方",
# "8bit" "восьмибитного", "power of 2" "степенью двойки", "hexadecimal" "16进制". A number
# one version writes in digits and another only inside such a word is no lost number.
_IMPLIED_EN = (  # whole words
    (0, r"zero|null"),
    (1, r"single|first|once"),  # "one" is an article too
    (2, r"two|double|dual|twice|pair|binary|second|both"),
    (3, r"three|triple|third"),
    (4, r"four|fourth|quad"),
    (5, r"five|fifth"),
    (6, r"six|sixth"),
    (7, r"seven|seventh"),
    (8, r"eight|eighth|octal|octet"),
    (9, r"nine|ninth"),
    (10, r"ten|tenth|decimal"),
    (12, r"twelve|dozen"),
    (16, r"hexadecimal|hex|sixteen"),
    (100, r"hundred"),
    (1000, r"thousand"),
)
_RU_END = "(?![а-яё])"
_IMPLIED_RU = (  # beginnings of words (compounds: "трехходовое", "восьмибитного")
    (0, r"нул|ноль|нол[ья]"),
    (1, rf"один{_RU_END}|одн(?:а|о|у|ой|ого|ому|им|их|ими){_RU_END}|перв|единиц|единствен"),
    (2, rf"два|две(?!р)|двум|двух|двой|двоич|втор|об[аеи]{_RU_END}|обоих"),
    (3, r"тр[её]х|три|трет|трой"),
    (4, r"четыр|четвер"),
    (5, r"пят"),
    (6, r"шест(?!надцат)"),
    (7, r"семь|семи(?!нар)|седьм"),
    (8, r"восьм|восем"),
    (9, r"девят"),
    (10, r"десят"),
    (16, r"шестнадцат"),
    (100, rf"сто{_RU_END}|сотн"),
    (1000, r"тысяч"),
)
_KK_END = "(?![а-яәғқңөұүһі])"
_IMPLIED_KK = (  # whole words, or their ordinals ("үш" but not "үшін", for)
    (0, r"нөл"),
    (1, rf"бір{_KK_END}|бірінші"),
    (2, r"екі"),
    (3, rf"үш{_KK_END}|үшінші"),
    (4, r"төрт"),
    (5, r"бес"),
    (6, r"алты"),
    (7, rf"жеті{_KK_END}|жетінші"),
    (8, r"сегіз"),
    (9, r"тоғыз"),
    (10, rf"он{_KK_END}|оныншы"),
    (16, r"он алты"),
    (1000, r"мың"),
)
_IMPLIED_ZH = (  # not 一: it is an article too (一个)
    (0, r"零|〇"),
    # 单 of one-of words ("单选项" for "1-choice"), not of 菜单 (menu) or 简单 (simple)
    (1, r"首|(?<![菜简清名账帐订表传孤])单(?:选|个|次|向|行|字节|色|线程|声道|面|倍|精度|用户)"),
    (2, r"二|两|双|俩|一对|成对"),  # 一对: a pair
    (3, r"三"),
    (4, r"四"),
    (5, r"五"),
    (6, r"六"),
    (7, r"七"),
    (8, r"八"),
    (9, r"九"),
    (10, r"十"),
    (16, r"十六"),
    (100, r"百"),
    (1000, r"千"),
)


@cache
def _implied_patterns(fam: str) -> tuple[tuple[int, re.Pattern], ...]:
    table = {"en": _IMPLIED_EN, "ru": _IMPLIED_RU, "kk": _IMPLIED_KK, "zh": _IMPLIED_ZH}.get(
        fam, ()
    )
    start = "" if fam == "zh" else r"(?<![^\W\d_])"  # a word's beginning, inside compounds
    end = r"s?(?![^\W\d_])" if fam == "en" else ""
    return tuple(
        (value, re.compile(start + f"(?:{words})" + end, re.IGNORECASE)) for value, words in table
    )


def implied_values(text: str, lang: str) -> frozenset[str]:
    """The small numbers ``text`` carries inside words (see above), as fact values."""
    return _implied(text, family(lang))


def implied_counts(text: str, lang: str) -> dict[str, int]:
    """How many words of ``text`` carry each small number (see above), by fact value."""
    return _implied_counts(text, family(lang))


@lru_cache(maxsize=4096)
def _implied_counts(text: str, fam: str) -> dict[str, int]:
    found = {}
    for value, pattern in _implied_patterns(fam):
        count = len(pattern.findall(text))
        if count:
            found[str(value)] = count
    return found


@lru_cache(maxsize=4096)
def _implied(text: str, fam: str) -> frozenset[str]:
    return frozenset(
        str(value) for value, pattern in _implied_patterns(fam) if pattern.search(text)
    )
