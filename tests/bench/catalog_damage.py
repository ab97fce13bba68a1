"""Seeded, recorded damage to real gettext catalogs: the measuring instrument for catalog checks.

A real translation (a Debian .mo file) is taken as correct; about ``rate`` of its translated
entries get exactly one damage each, of a kind that makes sense for that entry (two numbers are
swapped only where msgstr has two different numbers in msgid's order, a tag is broken only where
msgid has that tag...). Every damage is recorded as a :class:`Spot` (entry, kind, before, after),
so a benchmark can ask of any checker: which spots did it newly flag?

Kinds are allotted round-robin over the entries where each applies, so a rare kind (a month name,
a lost minus sign) gets its share of spots instead of drowning under the common ones.

    .venv/bin/python -m tests.bench.catalog_damage /usr/share/locale/ru/LC_MESSAGES/gtk30.mo OUT/
"""

from __future__ import annotations

import functools
import json
import random
import re
import sys
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path

import polib

LOCALE = Path("/usr/share/locale")
FOLDERS = {"ru": "ru", "kk": "kk", "zh": "zh_CN"}
MIN_TRANSLATED = 50
KAZAKH_LETTERS = set("әғқңөұүһіӘҒҚҢӨҰҮҺІ")


@dataclass(frozen=True)
class Spot:
    """One damaged entry: ``index`` is its position among the catalog's non-header entries
    (the ``entry`` of ``aligner check --format json``), ``form`` the plural form changed."""

    index: int
    msgctxt: str | None
    msgid: str
    form: int
    kind: str
    before: str
    after: str
    detail: str = ""


@dataclass
class Context:
    """What a kind may need besides the entry: the language, known country names, the same
    msgid translated in another language (for wrong-language text)."""

    lang: str
    domain: str = ""
    countries: tuple[str, ...] = ()
    english: dict = field(default_factory=dict)  # country name -> its English names (zh only)
    other: dict = field(default_factory=dict)  # (msgctxt, msgid) -> (language, msgstr)
    country_pattern: re.Pattern | None = None


Damage = Callable[[str, str, Context, random.Random], "tuple[str, str] | None"]
KINDS: dict[str, Damage] = {}


def kind(name: str):
    def register(function: Damage) -> Damage:
        KINDS[name] = function
        return function

    return register


# --- tokens ----------------------------------------------------------------------------------

_WORDISH = r"0-9A-Za-z\u0400-\u04ff_"
PRINTF = re.compile(
    r"%(?:\d+\$)?[-+ #0']*(?:\d+|\*)?(?:\.(?:\d+|\*))?"
    r"(?:hh|h|ll|l|L|q|j|z|Z|t|I)?[diouxXeEfFgGaAcspn]|%\(\w+\)[sdifr]"
)
BRACE = re.compile(r"\{\w*\}")
TAG = re.compile(r"</?([A-Za-z][\w:.-]*)(?:\s[^<>]*?)?\s*/?>")
MARKUP = {
    "a",
    "b",
    "i",
    "u",
    "s",
    "p",
    "br",
    "tt",
    "em",
    "big",
    "small",
    "sub",
    "sup",
    "span",
    "strong",
    "code",
    "emph",
    "hr",
    "ul",
    "ol",
    "li",
    "div",
    "img",
    "pre",
    "kbd",
    "table",
    "tr",
    "td",
    "th",
    "h1",
    "h2",
    "h3",
    "font",
    "quote",
    "guilabel",
    "keycap",
}
URL = re.compile(r"\b(?:https?|ftp)://[\w.~:/?#@!$&'*+,;=%-]*[\w/]")
EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
PATH = re.compile(
    r"(?<![\w.~/])(?:~|\$HOME)?/(?:etc|usr|var|dev|tmp|home|proc|sys|bin|sbin|lib"
    r"|opt|run|boot|media|mnt|srv|root|\.[\w-]+)(?:/[\w.+-]+)*/?"
)
OPTION = re.compile(r"(?<![\w\-/%])--?[A-Za-z][\w-]*(?:=[A-Z]+)?")
VARIABLE = re.compile(
    r"\$\{[A-Za-z_]\w*\}|\$[A-Za-z_]\w*\$|#[A-Za-z_]\w*#|@[A-Za-z_]\w*@"
    r"|&(?!(?:amp|lt|gt|quot|apos|nbsp);)[A-Za-z_][\w.]*;|%[A-Z][A-Z0-9_]+%"
    r"|\$[A-Za-z_]\w+"
)
NUMBER = re.compile(rf"(?<![{_WORDISH}.,%$\-−])\d+(?:[.,]\d+)*(?![{_WORDISH}$])")
NEGATIVE = re.compile(rf"(?<![{_WORDISH}\-−.])[-−](\d+(?:[.,]\d+)?)(?![{_WORDISH}])")
LATIN = re.compile(r"(?<![\w\-./@%$&{<\\'])[A-Za-z]{3,}(?![\w\-@(/>}]|\.\w)")
ACRONYM = re.compile(r"(?<![\w\-%$@&{./])[A-Z]{3,6}(?![\w\-@}(/])")
HAN = re.compile(r"[\u4e00-\u9fff]")
CYRILLIC_WORD = re.compile(r"(?<![\w\-])[\u0400-\u04ff]{4,}(?![\w\-])")


@functools.lru_cache(maxsize=4096)
def protected(text: str) -> tuple[tuple[int, int], ...]:
    """Spans a program reads (placeholders, tags, URLs, paths, options, variables)."""
    spans = []
    for pattern in (PRINTF, BRACE, TAG, URL, EMAIL, PATH, OPTION, VARIABLE):
        spans.extend(m.span() for m in pattern.finditer(text))
    return tuple(spans)


def _free(span: tuple[int, int], spans) -> bool:
    return all(span[1] <= s or span[0] >= e for s, e in spans)


def _tokens(pattern: re.Pattern, text: str, skip_protected: bool = True) -> list[re.Match]:
    spans = protected(text) if skip_protected else ()
    return [m for m in pattern.finditer(text) if _free(m.span(), spans)]


def _numbers(text: str) -> list[re.Match]:
    return [m for m in _tokens(NUMBER, text) if not PRINTF.match(text, m.end())]


def _letters(text: str) -> int:
    return sum(ch.isalpha() for ch in text)


def _other_letter(ch: str, rng: random.Random) -> str:
    if "\u0400" <= ch <= "\u04ff":
        pool = "аоеиуыэяюё" if ch.lower() in "аоеиуыэяюё" else "бвгджзклмнпрстфхцчшщ"
    else:
        pool = "aeiou" if ch.lower() in "aeiou" else "bcdfghklmnprstvwz"
    choice = rng.choice([c for c in pool if c != ch.lower()])
    return choice.upper() if ch.isupper() else choice


def misspell(word: str, rng: random.Random, edits: int = 1) -> str:
    """``word`` with ``edits`` changes to its inner letters (substituted, dropped or swapped)."""
    for _ in range(edits):
        inner = [i for i in range(1, len(word)) if word[i].isalpha()]
        if not inner:
            break
        i = rng.choice(inner)
        how = rng.choice(["substitute", "drop", "swap"] if len(word) >= 5 else ["substitute"])
        if how == "drop":
            word = word[:i] + word[i + 1 :]
        elif (
            how == "swap" and i + 1 < len(word) and word[i] != word[i + 1] and word[i + 1].isalpha()
        ):
            word = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
        else:
            word = word[:i] + _other_letter(word[i], rng) + word[i + 1 :]
    return word


def _replace(text: str, span: tuple[int, int], new: str) -> str:
    return text[: span[0]] + new + text[span[1] :]


def _remove(text: str, span: tuple[int, int]) -> str:
    """Cut ``span`` out, leaving one space where it stood between two."""
    before, after = text[: span[0]], text[span[1] :]
    if before.endswith(" ") and (
        not after.strip() or after.startswith(" ") or after[:1] in tuple(",.;:!?)")
    ):
        before = before[:-1]
    return before + after


# --- numbers -----------------------------------------------------------------------------------


def _shared_numbers(text: str, source: str) -> list[re.Match]:
    wanted = [m.group() for m in _numbers(source)]
    found = _numbers(text)
    return [
        m
        for m in found
        if m.group() in wanted
        and sum(x.group() == m.group() for x in found) <= wanted.count(m.group())
    ]


@kind("changed digit")
def changed_digit(text, source, ctx, rng):
    numbers = _shared_numbers(text, source)
    if not numbers:
        return None
    m = rng.choice(numbers)
    digits = [i for i, ch in enumerate(m.group()) if ch.isdigit()]
    i = rng.choice(digits)
    choices = [
        d
        for d in "0123456789"
        if d != m.group()[i] and not (d == "0" and i == 0 and len(digits) > 1)
    ]
    new = m.group()[:i] + rng.choice(choices) + m.group()[i + 1 :]
    return _replace(text, m.span(), new), f"{m.group()} -> {new}"


@kind("dropped number")
def dropped_number(text, source, ctx, rng):
    numbers = _shared_numbers(text, source)
    if not numbers:
        return None
    m = rng.choice(numbers)
    return _remove(text, m.span()), m.group()


@kind("two numbers swapped")
def swapped_numbers(text, source, ctx, rng):
    found = _numbers(text)
    values = [m.group() for m in found]
    order = [m.group() for m in _numbers(source)]
    pairs = [
        (a, b)
        for i, a in enumerate(found)
        for b in found[i + 1 :]
        if a.group() != b.group()
        and values.count(a.group()) == 1
        and values.count(b.group()) == 1
        and a.group() in order
        and b.group() in order
        and order.index(a.group()) < order.index(b.group())
    ]
    if not pairs:
        return None
    a, b = rng.choice(pairs)
    new = text[: a.start()] + b.group() + text[a.end() : b.start()] + a.group() + text[b.end() :]
    return new, f"{a.group()} <-> {b.group()}"


def _option_like(text: str, m: re.Match) -> bool:
    """``-1`` in ``  -1, --one`` or ``[-0]`` is a command-line option, not a negative number."""
    before = text[: m.start()]
    return bool(re.search(r"(?:^|\n)[ \t]*$|[\[|(«\"']$|%s $", before)) or text[
        m.end() : m.end() + 1
    ] in tuple(",]|)»\"'”’」）")  # “xargs -0”


@kind("minus sign lost")
def minus_lost(text, source, ctx, rng):
    if re.search(r"(?<![\w-])--[A-Za-z]", source):
        return None  # command-line help: "-1" there is an option
    negatives = {m.group(1) for m in NEGATIVE.finditer(source)}
    found = [
        m for m in NEGATIVE.finditer(text) if m.group(1) in negatives and not _option_like(text, m)
    ]
    if not found:
        return None
    m = rng.choice(found)
    return text[: m.start()] + text[m.start() + 1 :], m.group()


# --- names and words ---------------------------------------------------------------------------


@kind("Latin word misspelt")
def latin_word_misspelt(text, source, ctx, rng):
    if ctx.lang not in ("ru", "kk", "zh", "uk", "be", "bg", "sr", "ja", "ko"):
        return None  # in a Latin-script language msgstr's Latin words are its own words
    source_words = {m.group() for m in LATIN.finditer(source)}
    lowered = {w.lower() for w in source_words}
    found = [m for m in _tokens(LATIN, text) if m.group() in source_words]
    if not found:
        return None
    m = rng.choice(found)
    for _ in range(8):
        new = misspell(m.group(), rng, 2 if len(m.group()) >= 7 and rng.random() < 0.5 else 1)
        if new.lower() not in lowered and new.lower() != m.group().lower():
            return _replace(text, m.span(), new), f"{m.group()} -> {new}"
    return None


def _country_spans(text: str, ctx: Context) -> list[tuple[int, int, str]]:
    if not ctx.countries:
        return []
    if ctx.country_pattern is None:
        names = "|".join(re.escape(name) for name in ctx.countries)  # longest first
        ctx.country_pattern = re.compile(
            f"(?:{names})" if ctx.lang == "zh" else rf"(?<!\w)(?:{names})(?!\w)"
        )
    return [(m.start(), m.end(), m.group()) for m in ctx.country_pattern.finditer(text)]


def _names_country(source: str, english: Iterable[str]) -> bool:
    """Whether msgid names the country: one of its English names, or for a one-word name a
    word with its first four letters (its adjective: "Finnish", "Greek")."""
    lowered = source.lower()
    for name in english:
        if re.search(rf"(?<![a-z]){re.escape(name.lower())}(?![a-z])", lowered):
            return True
        if " " not in name and len(name) >= 4:
            if re.search(rf"(?<![a-z]){re.escape(name[:4].lower())}[a-z]*", lowered):
                return True
    return False


@kind("country name misspelt")
def country_misspelt(text, source, ctx, rng):
    found = _country_spans(text, ctx)
    if not found:
        return None
    if ctx.lang == "zh":  # no word boundaries: 加纳 (Ghana) inside 莫斯塔加纳姆 is no name
        found = [span for span in found if _names_country(source, ctx.english.get(span[2], ()))]
        if not found:
            return None
    start, end, name = rng.choice(found)
    known = set(ctx.countries)
    for _ in range(8):
        if ctx.lang == "zh":
            letters = [ch for other in ctx.countries for ch in other if ch not in name]
            i = rng.randrange(len(name))
            new = name[:i] + rng.choice(letters) + name[i + 1 :]
        else:
            new = misspell(name, rng, 2 if len(name) >= 7 and rng.random() < 0.5 else 1)
        if new not in known and new != name:
            return _replace(text, (start, end), new), f"{name} -> {new}"
    return None


@kind("acronym scrambled")
def acronym_scrambled(text, source, ctx, rng):
    in_source = {m.group() for m in ACRONYM.finditer(source)}
    found = [
        m for m in _tokens(ACRONYM, text) if m.group() in in_source and len(set(m.group())) > 1
    ]
    if not found:
        return None
    m = rng.choice(found)
    word = m.group()
    new = word[::-1]
    if new == word or new in in_source:
        new = word[1:] + word[0]
    if new == word or new in in_source:
        return None
    return _replace(text, m.span(), new), f"{word} -> {new}"


# --- repeats and punctuation -------------------------------------------------------------------

REDUPLICATED_VERBS = {
    "考虑",
    "研究",
    "讨论",
    "休息",
    "商量",
    "学习",
    "整理",
    "收拾",
    "打扫",
    "介绍",
    "准备",
    "了解",
    "认识",
    "活动",
    "尝试",
    "看看",
    "试试",
    "想想",
}


@kind("doubled word")
def doubled_word(text, source, ctx, rng):
    if ctx.lang == "zh":
        spans = protected(text)
        starts = [
            i
            for i in range(len(text) - 1)
            if HAN.match(text[i])
            and HAN.match(text[i + 1])
            and text[i] != text[i + 1]
            and text[i : i + 2] not in REDUPLICATED_VERBS
            and _free((i, i + 2), spans)
            and text[i + 2 : i + 4] != text[i : i + 2]
            and text[i - 2 : i] != text[i : i + 2]
        ]
        if not starts:
            return None
        i = rng.choice(starts)
        return text[: i + 2] + text[i : i + 2] + text[i + 2 :], text[i : i + 2]
    words = _tokens(CYRILLIC_WORD, text)
    if not words or re.search(r"\b(\w+)\s+\1\b", source, re.IGNORECASE):
        return None
    followed = [m for m in words if text[m.end() : m.end() + 1] in tuple(".,:;!?")]
    m = rng.choice(followed if followed and rng.random() < 0.5 else words)
    neighbours = (
        re.findall(r"[\w\-]+", text[: m.start()])[-1:] + re.findall(r"[\w\-]+", text[m.end() :])[:1]
    )
    if m.group().lower() in (w.lower() for w in neighbours):
        return None
    return text[: m.end()] + " " + text[m.start() :], m.group()


PUNCT = ".,;:!?，。；：！？"


@kind("doubled punctuation or space")
def doubled_punctuation(text, source, ctx, rng):
    spans = protected(text)
    marks = [
        i
        for i, ch in enumerate(text)
        if ch in PUNCT
        and _free((i, i + 1), spans)
        and text[i - 1 : i] not in tuple(PUNCT)
        and text[i + 1 : i + 2] not in tuple(PUNCT)
        and not (text[i - 1 : i].isalnum() and text[i + 1 : i + 2].isalnum())
        and text[i] * 2 not in source
    ]
    spaces = [
        i
        for i in range(1, len(text) - 1)
        if text[i] == " "
        and text[i - 1] != " "
        and text[i + 1] != " "
        and not text[i - 1].isspace()
        and not text[i + 1].isspace()
        and "  " not in source
    ]
    if not marks and not spaces:
        return None
    i = rng.choice(marks + spaces)
    return text[: i + 1] + text[i:], repr(text[i] * 2)


# --- dates, units, scale -----------------------------------------------------------------------

RU_MONTHS = [
    [
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
    ],
    [
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
    ],
    [
        "январе",
        "феврале",
        "марте",
        "апреле",
        "мае",
        "июне",
        "июле",
        "августе",
        "сентябре",
        "октябре",
        "ноябре",
        "декабре",
    ],
    ["янв", "фев", "мар", "апр", "май", "июн", "июл", "авг", "сен", "окт", "ноя", "дек"],
]
KK_MONTHS = [
    [
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
    ],
    ["қаң", "ақп", "нау", "сәу", "мам", "мау", "шіл", "там", "қыр", "қаз", "қар", "жел"],
]
ZH_MONTHS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"]
EN_MONTH = re.compile(
    r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)"
    r"(?:uary|ruary|ch|il|e|y|ust|tember|ober|ember)?\b"
)


def _month_spans(text: str, lang: str) -> list[tuple[int, int, list[str], int]]:
    """(start, end, the form's month list, month index) of each month name in ``text``."""
    found = []
    if lang == "zh":
        for m in re.finditer(r"(?<![0-9])(1[0-2]|[1-9])月", text):
            found.append(
                (m.start(1), m.end(1), [str(k) for k in range(1, 13)], int(m.group(1)) - 1)
            )
        for m in re.finditer(
            r"(?<![一二三四五六七八九十])(十[一二]|[一二三四五六七八九十])月", text
        ):
            found.append((m.start(1), m.end(1), ZH_MONTHS, ZH_MONTHS.index(m.group(1))))
        return found
    tables = RU_MONTHS if lang == "ru" else KK_MONTHS if lang == "kk" else []
    for months in tables:
        suffix = r"[а-яәғқңөұүһі]*" if lang == "kk" and months is KK_MONTHS[0] else ""
        pattern = r"(?<![\w\-])(" + "|".join(months) + r")" + suffix + r"(?![\w\-])"
        for m in re.finditer(pattern, text, re.IGNORECASE):
            found.append((m.start(1), m.end(1), months, months.index(m.group(1).lower())))
    return found


@kind("month name changed")
def month_changed(text, source, ctx, rng):
    if not EN_MONTH.search(source):
        return None
    found = _month_spans(text, ctx.lang)
    if not found:
        return None
    start, end, months, index = rng.choice(found)
    new = months[rng.choice([k for k in range(12) if k != index])]
    old = text[start:end]
    if old[:1].isupper():
        new = new[:1].upper() + new[1:]
    return _replace(text, (start, end), new), f"{old} -> {new}"


UNIT_LADDERS = {  # each a scale; a damage moves one step up or down
    "ru": [
        ["байт", "Кбайт", "Мбайт", "Гбайт", "Тбайт"],
        ["Б", "КБ", "МБ", "ГБ", "ТБ"],
        ["КиБ", "МиБ", "ГиБ", "ТиБ"],
        ["кБ", "МБ", "ГБ"],
        ["мм", "см", "м", "км"],
        ["Гц", "кГц", "МГц", "ГГц"],
        ["мс", "с", "мин", "ч"],
        ["тыс.", "млн", "млрд"],
        ["тысяч", "миллионов", "миллиардов"],
        ["бит/с", "Кбит/с", "Мбит/с", "Гбит/с"],
        ["пикселей", "точек"],
    ],
    "kk": [
        ["байт", "Кбайт", "Мбайт", "Гбайт"],
        ["Б", "КБ", "МБ", "ГБ", "ТБ"],
        ["КиБ", "МиБ", "ГиБ"],
        ["кБ", "МБ", "ГБ"],
        ["мм", "см", "м", "км"],
        ["Гц", "кГц", "МГц", "ГГц"],
        ["мс", "с", "мин"],
        ["мың", "миллион", "миллиард"],
    ],
    "zh": [
        ["字节", "千字节", "兆字节", "吉字节", "太字节"],
        ["千", "万", "亿"],
        ["毫米", "厘米", "米", "千米"],
        ["毫秒", "秒", "分钟", "小时"],
    ],
}
LATIN_UNITS = [
    ["B", "kB", "MB", "GB", "TB"],
    ["KB", "MB", "GB", "TB"],
    ["KiB", "MiB", "GiB", "TiB"],
    ["Hz", "kHz", "MHz", "GHz"],
    ["ms", "s"],
    ["bytes", "KB"],
]
_AFTER_NUMBER = re.compile(
    r"(?:\d|%[-+ #0'.\d$]*[a-zA-Z]|\}|[一二三四五六七八九十百千两])[ \u00a0]?$"
)
_AFTER_DIGIT = re.compile(r"\d[ \u00a0]?$")  # one-letter units (с, м, Б): "%s с" is "with"
# a word in small letters follows (after a one-letter unit: the preposition "с", "в")
_BEFORE_WORD = re.compile(r"[ \u00a0][^\W\d_]*[a-zа-яёәғқңөұүһі]")


@functools.cache
def _unit_patterns(lang: str) -> tuple[tuple[re.Pattern, list[str], int], ...]:
    made = []
    for ladder in UNIT_LADDERS.get(lang, []) + LATIN_UNITS:
        for step, unit in enumerate(ladder):
            edge = "" if HAN.match(unit[0]) else r"(?<![\w/])"
            tail = "" if HAN.match(unit[-1]) else r"(?![\w/])"
            made.append((re.compile(edge + re.escape(unit) + tail), ladder, step))
    return tuple(made)


@kind("unit or scale changed")
def unit_changed(text, source, ctx, rng):
    found = []
    for pattern, ladder, step in _unit_patterns(ctx.lang):
        for m in pattern.finditer(text):
            after = _AFTER_DIGIT if len(m.group()) == 1 else _AFTER_NUMBER
            if len(m.group()) == 1 and _BEFORE_WORD.match(text, m.end()):
                continue  # "724 с юникодными", "G15 с помощью": the preposition "with"
            if after.search(text[: m.start()]) and not any(
                s < m.end() and m.start() < e for s, e, _, _ in found
            ):
                found.append((m.start(), m.end(), ladder, step))
    if not found:
        return None
    start, end, ladder, step = rng.choice(found)
    steps = [k for k in (step - 1, step + 1) if 0 <= k < len(ladder)]
    new = ladder[rng.choice(steps)]
    return _replace(text, (start, end), new), f"{text[start:end]} -> {new}"


# --- untranslated, wrong language, truncated, empty --------------------------------------------


def _target_script(text: str, lang: str) -> bool:
    return bool(HAN.search(text)) if lang == "zh" else bool(re.search(r"[\u0400-\u04ff]", text))


@kind("short untranslated")
def short_untranslated(text, source, ctx, rng):
    if not 2 <= _letters(source) < 20 or text == source or not _target_script(text, ctx.lang):
        return None
    return source, ""


@kind("wrong language")
def wrong_language(text, source, ctx, rng, key=None):
    other = ctx.other.get(key) if key else None
    if other and _target_script(text, ctx.lang):
        lang, translated = other
        fits = (
            translated not in (text, source)
            and _letters(translated) >= 3
            and (bool(KAZAKH_LETTERS & set(translated)) == (lang == "kk"))
        )
        if fits:
            return translated, lang
    if _letters(source) >= 20 and len(source.split()) >= 3 and text != source:
        return source, "en (msgid)"
    return None


@kind("truncated")
def truncated(text, source, ctx, rng):
    body = text.rstrip()
    tail = text[len(body) :]
    if len(body) < 15:
        return None
    if ctx.lang == "zh":
        cuts = [
            i
            for i in range(1, len(body))
            if HAN.match(body[i - 1]) and (HAN.match(body[i]) or body[i] in "，。；：、 ")
        ]
    else:
        cuts = [i for i in range(1, len(body)) if body[i] == " " and not body[i - 1].isspace()]
    cuts = [
        i
        for i in cuts
        if 0.15 * len(body) <= len(body[:i].rstrip(" ,;:—-，、")) <= 0.7 * len(body)
        and not re.search(r"\d", body[i:])
        and not protected(body[i:])
        and _letters(body[:i]) >= 2
    ]
    if not cuts:
        return None
    i = rng.choice(cuts)
    kept = body[:i].rstrip(" ,;:—-，、")
    return kept + tail, f"kept {len(kept)}/{len(body)}"


@kind("empty msgstr")
def empty_msgstr(text, source, ctx, rng):
    if _letters(source) < 30 or not text.strip():
        return None
    return "", ""


# --- program syntax ----------------------------------------------------------------------------


@kind("leftover placeholder")
def leftover_placeholder(text, source, ctx, rng):
    tokens = [
        t
        for t, mark in (("<>", "<"), ("{0}", "{"), ("%s", "%"), ("{}", "{"))
        if mark not in source and mark not in text
    ]
    spans = protected(text)
    if ctx.lang == "zh":
        places = [i for i in range(1, len(text)) if HAN.match(text[i - 1])]
    else:
        places = [i for i in range(1, len(text)) if text[i] == " " and text[i - 1] != " "]
    places = [i for i in places if _free((i, i), spans)]
    if not tokens or not places:
        return None
    token, i = rng.choice(tokens), rng.choice(places)
    new = text[:i] + (token if ctx.lang == "zh" else " " + token) + text[i:]
    return new, token


def _markup_tags(text: str, source: str) -> list[re.Match]:
    """Tags of msgid kept in msgstr that are markup: an HTML/Pango element, a tag with
    attributes, or one msgid closes (git's "<cmd>" and "<file>" are metavariables)."""
    tags = [m for m in TAG.finditer(text) if m.group() in source]
    names = {m.group(1).lower() for m in TAG.finditer(source) if m.group().startswith("</")}
    return [
        m
        for m in tags
        if m.group(1).lower() in MARKUP
        or m.group(1).lower() in names
        or re.search(r"\s\w+=", m.group())
    ]


@kind("tag broken")
def tag_broken(text, source, ctx, rng):
    tags = _markup_tags(text, source)
    if not tags:
        return None
    m = rng.choice(tags)
    tag, name = m.group(), m.group(1)
    ways = (
        ["rename", "drop"]
        + (["shorten"] if len(name) >= 3 else [])
        + (["unclose"] if tag.endswith("/>") else [])
    )
    how = rng.choice(ways)
    if how == "drop":
        return _remove(text, m.span()), f"{tag} dropped"
    if how == "unclose":
        new = re.sub(r"\s*/>$", ">", tag)
    else:
        at = tag.index(name)
        renamed = (
            name[:-1]
            if how == "shorten"
            else misspell(name, rng)
            if len(name) > 1
            else _other_letter(name, rng)
        )
        new = tag[:at] + renamed + tag[at + len(name) :]
    if new == tag:
        return None
    return _replace(text, m.span(), new), f"{tag} -> {new}"


TRANSLATED_NAMES = {
    "ru": ["файл", "имя", "путь", "программа"],
    "kk": ["файл", "аты", "жол"],
    "zh": ["文件", "名称", "路径", "程序"],
}


@kind("project variable broken")
def variable_broken(text, source, ctx, rng):
    found = [
        m for m in VARIABLE.finditer(text) if m.group() in source and not PRINTF.match(m.group())
    ]
    if not found:
        return None
    m = rng.choice(found)
    token = m.group()
    name = re.search(r"[A-Za-z_]\w*", token)
    how = rng.choice(["rename", "translate", "drop"])
    if how == "drop":
        return _remove(text, m.span()), f"{token} dropped"
    if how == "translate":
        word = rng.choice(TRANSLATED_NAMES.get(ctx.lang, ["file"]))
        if name.group().isupper():
            word = word.upper()
        new = token[: name.start()] + word + token[name.end() :]
    else:
        new = token[: name.start()] + misspell(name.group(), rng) + token[name.end() :]
    if new == token or new in source:
        return None
    return _replace(text, m.span(), new), f"{token} -> {new}"


_RETYPED = {
    "d": "s",
    "i": "s",
    "u": "s",
    "x": "d",
    "X": "d",
    "o": "d",
    "s": "d",
    "f": "d",
    "g": "d",
    "e": "d",
    "c": "s",
    "p": "s",
}


@kind("printf argument changed")
def printf_changed(text, source, ctx, rng):
    in_source = [m.group() for m in PRINTF.finditer(source)]
    found = [m for m in PRINTF.finditer(text) if m.group() in in_source and m.group()[-1] != "n"]
    if not found:
        return None
    m = rng.choice(found)
    spec = m.group()
    ways = ["retype", "drop"] + (["out of range"] if re.match(r"%\d+\$", spec) else [])
    how = rng.choice(ways)
    if how == "drop":
        return _remove(text, m.span()), f"{spec} dropped"
    if how == "out of range":
        new = re.sub(r"^%\d+", f"%{len(in_source) + 1 + rng.randrange(2)}", spec)
    else:
        new = spec[:-1] + _RETYPED.get(spec[-1], "s")
        new = re.sub(r"(?:hh|h|ll|l|L|q|j|z|Z|t|I)(?=[sd]$)", "", new) if new[-1] == "s" else new
    if new == spec:
        return None
    return _replace(text, m.span(), new), f"{spec} -> {new}"


@kind("URL, e-mail, path or option changed")
def address_changed(text, source, ctx, rng):
    found = [
        (m, what)
        for what, pattern in (("url", URL), ("email", EMAIL), ("path", PATH), ("option", OPTION))
        for m in pattern.finditer(text)
        if m.group() in source
    ]
    if not found:
        return None
    m, what = rng.choice(found)
    token = m.group()
    skip = token.index("://") + 3 if what == "url" else 0
    letters = [
        i for i in range(max(skip, 1), len(token)) if token[i].isalpha() and token[i].isascii()
    ]
    if not letters:
        return None
    for _ in range(6):
        i = rng.choice(letters)
        new = token[:i] + _other_letter(token[i], rng) + token[i + 1 :]
        if new not in source:
            return _replace(text, m.span(), new), f"{what}: {token} -> {new}"
    return None


@kind("edge whitespace or newline")
def edge_whitespace(text, source, ctx, rng):
    lead_src, trail_src = re.match(r"\s*", source).group(), re.search(r"\s*$", source).group()
    ways = []
    if lead_src and text.startswith(lead_src) and text.strip():
        ways += [("leading lost", text[len(lead_src) :]), ("leading added", lead_src + text)]
    if trail_src and text.endswith(trail_src) and text.strip():
        ways += [
            ("trailing lost", text[: len(text) - len(trail_src)]),
            ("trailing added", text + trail_src),
        ]
    if not ways:
        return None
    how, new = rng.choice(ways)
    return new, how


ENDS = {":": ":：", ".": ".。", "?": "?？", "!": "!！"}
OTHER_ENDS = {"ru": ".:,;?!", "kk": ".:,;?!", "zh": "。：，；？！"}


@kind("end punctuation changed")
def end_punctuation(text, source, ctx, rng):
    source_body, body = source.rstrip(), text.rstrip()
    if (
        not source_body
        or not body
        or source_body.endswith(("...", "…"))
        or body.endswith(("...", "…"))
    ):
        return None
    end = source_body[-1]
    if end not in ENDS or body[-1] not in ENDS[end] or (len(body) > 1 and body[-2] in PUNCT):
        return None
    tail = text[len(body) :]
    choices = [c for c in OTHER_ENDS.get(ctx.lang, ".:,;?!") if c not in ENDS[end]]
    if rng.random() < 0.5:
        return body[:-1] + tail, f"{body[-1]!r} lost"
    new = rng.choice(choices)
    return body[:-1] + new + tail, f"{body[-1]!r} -> {new!r}"


_ACCEL = re.compile(r"(?<![0-9A-Za-z_&])([_&])(?=[^\W\d_])")


def _accelerators(text: str) -> list[re.Match]:
    return [m for m in _ACCEL.finditer(text) if not re.match(r"&\w+;", text[m.start() :])]


@kind("accelerator lost or doubled")
def accelerator(text, source, ctx, rng):
    if len(source) > 80 or "\n" in source or len([m for m in re.finditer(r"[_&]", source)]) != 1:
        return None
    marks, in_source = _accelerators(text), re.findall(r"[_&](?=[^\W\d_])", source)
    if len(marks) != 1 or len(in_source) != 1 or marks[0].group(1) != in_source[0]:
        return None
    if re.search(r"\b(?:[A-Z0-9]+_[A-Z0-9]+|[a-z0-9]+_[a-z0-9]+)\b", source):
        return None  # PAGE_WIDTH, st_nlink: identifiers, not accelerators
    m = marks[0]
    if text[m.end()].isascii() and text[m.start() - 1 : m.start()] != "(":
        return None  # an identifier kept verbatim (st_nlink), not a translated accelerator
    if rng.random() < 0.6:
        return text[: m.start()] + text[m.end() :], f"{m.group(1)} lost"
    others = [
        i
        for i in range(len(text))
        if text[i].isalpha()
        and abs(i - m.end()) > 1
        and text[i - 1 : i] not in ("_", "&")
        and _free((i, i), protected(text))
    ]
    if not others:
        return None
    i = rng.choice(others)
    return text[:i] + m.group(1) + text[i:], f"second {m.group(1)}"


# --- whole catalogs ----------------------------------------------------------------------------


def _forms(entry: polib._BaseEntry) -> list[str]:
    if entry.msgid_plural:
        return [entry.msgstr_plural[k] for k in sorted(entry.msgstr_plural)]
    return [entry.msgstr]


def _set_form(entry: polib._BaseEntry, form: int, text: str) -> None:
    if entry.msgid_plural:
        entry.msgstr_plural[sorted(entry.msgstr_plural)[form]] = text
    else:
        entry.msgstr = text


WHOLE_ENTRY = {"short untranslated", "wrong language", "empty msgstr"}
# Kinds that few entries allow take up to 3 spots per round where they do apply, so that the
# whole benchmark has enough of them to measure (a catalog has 12 month names at most).
RARE = {
    "month name changed",
    "tag broken",
    "accelerator lost or doubled",
    "minus sign lost",
    "project variable broken",
    "country name misspelt",
    "unit or scale changed",
}


def _apply(name: str, entry, form: int, ctx: Context, rng: random.Random):
    text = _forms(entry)[form]
    source = entry.msgid if form == 0 else entry.msgid_plural
    if name == "wrong language":
        return wrong_language(text, source, ctx, rng, key=(entry.msgctxt, entry.msgid))
    return KINDS[name](text, source, ctx, rng)


def damage_entries(
    entries: list, ctx: Context, rng: random.Random, rate: float = 0.05
) -> list[Spot]:
    """Damage about ``rate`` of the translated ``entries`` in place (one damage each) and
    return the spots, in entry order. ``entries`` are polib entries without the header."""
    translated = [
        i
        for i, e in enumerate(entries)
        if e.msgid and not e.obsolete and "fuzzy" not in e.flags and all(_forms(e))
    ]
    budget = max(1, round(rate * len(translated)))
    probe = random.Random(0)
    candidates: dict[str, list[int]] = {}
    for name in KINDS:
        found = []
        for i in translated:
            entry = entries[i]
            forms = (
                [0] if name in WHOLE_ENTRY or not entry.msgid_plural else range(len(_forms(entry)))
            )
            if name in WHOLE_ENTRY and entry.msgid_plural:
                continue
            if any(_apply(name, entry, f, ctx, probe) for f in forms):
                found.append(i)
        rng.shuffle(found)
        candidates[name] = found
    order = list(KINDS)
    rng.shuffle(order)
    used: set[int] = set()
    spots: list[Spot] = []
    while len(spots) < budget:
        progress = False
        for name in order:
            for _ in range(3 if name in RARE else 1):
                while candidates[name] and len(spots) < budget:
                    i = candidates[name].pop()
                    if i in used:
                        continue
                    spot = _damage_one(name, i, entries[i], ctx, rng)
                    if spot:
                        used.add(i)
                        spots.append(spot)
                        progress = True
                        break
        if not progress:
            break
    return sorted(spots, key=lambda s: s.index)


def _damage_one(name: str, index: int, entry, ctx: Context, rng: random.Random) -> Spot | None:
    forms = [0] if name in WHOLE_ENTRY else list(range(len(_forms(entry))))
    rng.shuffle(forms)
    for form in forms:
        before = _forms(entry)[form]
        result = _apply(name, entry, form, ctx, rng)
        if result and result[0] != before:
            after, detail = result
            _set_form(entry, form, after)
            return Spot(index, entry.msgctxt, entry.msgid, form, name, before, after, detail)
    return None


def translations(lang: str, domain: str) -> dict:
    """(msgctxt, msgid) -> msgstr of the installed ``domain`` catalog in ``lang``."""
    path = LOCALE / FOLDERS.get(lang, lang) / "LC_MESSAGES" / f"{domain}.mo"
    if not path.exists():
        return {}
    return {
        (e.msgctxt, e.msgid): e.msgstr
        for e in polib.mofile(str(path))
        if e.msgid and e.msgstr and not e.msgid_plural
    }


WRONG_LANGUAGE_SOURCE = {"kk": "ru", "ru": "kk", "zh": "ru"}


def context_for(lang: str, domain: str) -> Context:
    """Country names from the language's iso_3166-1 catalog; the same domain translated in
    the language whose text is 'the wrong language' here (ru in kk, kk in ru, ru in zh)."""
    iso = translations(lang, "iso_3166-1")
    countries = sorted(
        {name for name in iso.values() if len(name) >= (2 if lang == "zh" else 4)},
        key=len,
        reverse=True,
    )
    english: dict[str, list[str]] = {}
    for (_, msgid), name in iso.items():
        english.setdefault(name, []).append(msgid)
    other_lang = WRONG_LANGUAGE_SOURCE.get(lang)
    other = (
        {key: (other_lang, text) for key, text in translations(other_lang, domain).items()}
        if other_lang
        else {}
    )
    return Context(lang, domain, tuple(countries), english, other)


def translated_count(catalog) -> int:
    return sum(1 for e in catalog if e.msgid and all(_forms(e)))


def load_po(mo_path: Path, lang: str) -> polib.POFile:
    """The .mo file as a PO catalog (header kept, Language set) in file order."""
    mo = polib.mofile(str(mo_path))
    po = polib.POFile()
    po.metadata = dict(mo.metadata)
    po.metadata["Language"] = FOLDERS.get(lang, lang)
    for entry in mo:
        if not entry.msgid and not entry.msgctxt:
            continue
        po.append(
            polib.POEntry(
                msgid=entry.msgid,
                msgstr=entry.msgstr,
                msgctxt=entry.msgctxt,
                msgid_plural=entry.msgid_plural,
                msgstr_plural=dict(entry.msgstr_plural),
            )
        )
    return po


def damage_catalog(
    mo_path: Path, lang: str, out_dir: Path, seed: int = 1, rate: float = 0.05
) -> dict:
    """Write ``<domain>.clean.po``, ``<domain>.damaged.po`` and ``<domain>.damage.json`` under
    ``out_dir``; return the record (catalog, language, counts, spots)."""
    domain = mo_path.stem
    clean = load_po(mo_path, lang)
    out_dir.mkdir(parents=True, exist_ok=True)
    clean_path = out_dir / f"{domain}.clean.po"
    clean.save(str(clean_path))
    damaged = polib.pofile(str(clean_path))
    rng = random.Random(f"{seed}:{lang}:{domain}")
    spots = damage_entries(list(damaged), context_for(lang, domain), rng, rate)
    damaged_path = out_dir / f"{domain}.damaged.po"
    damaged.save(str(damaged_path))
    record = {
        "catalog": str(mo_path),
        "lang": lang,
        "domain": domain,
        "seed": seed,
        "rate": rate,
        "entries": len(damaged),
        "translated": translated_count(clean),
        "clean": clean_path.name,
        "damaged": damaged_path.name,
        "spots": [asdict(s) for s in spots],
    }
    (out_dir / f"{domain}.damage.json").write_text(
        json.dumps(record, ensure_ascii=False, indent=1), encoding="utf-8"
    )
    return record


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print(__doc__.strip().splitlines()[-1].strip(), file=sys.stderr)
        return 2
    mo, out = Path(argv[0]), Path(argv[1])
    lang = next(
        (code for code, folder in FOLDERS.items() if folder == mo.parent.parent.name),
        mo.parent.parent.name,
    )
    record = damage_catalog(mo, lang, out, int(argv[2]) if len(argv) > 2 else 1)
    for spot in record["spots"]:
        print(
            f"{spot['index']:5}  {spot['kind']:<32} {spot['before'][:50]!r} -> "
            f"{spot['after'][:50]!r}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
