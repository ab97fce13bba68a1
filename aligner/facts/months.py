"""Month names in every form a text writes them: English (January, Jan, Jan.), Russian
(январь, января, в январе, янв.), Kazakh (қаңтар, қаңтарда, қаңтардың, қаң) and Chinese
(一月, 1月), each read as its month number and written back in another month in the same
form ("марта" -> "мая", "наурызда" -> "мамырда", "三月" -> "五月").

Dates with a day or a year are facts (``aligner.facts.dates``) that the number check
compares; a month named alone ("in May", a calendar's "Jan") is too weak a fact for that,
and is compared here. Words that are months only sometimes ("May" the verb, Kazakh "қаз"
goose, "қар" snow) count only where nothing else can be meant: a message that is the
month name alone, or the word next to a number.
"""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

from .text import sentence_initial

EN_FULL = (
    "January February March April May June July August September October November December"
).split()
EN_SHORT = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
_EN_EXTRA = {"Sept": 9}
# Russian: nominative, genitive, dative, instrumental, prepositional; then abbreviations
_RU_CASES = (
    "январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь",
    "января февраля марта апреля мая июня июля августа сентября октября ноября декабря",
    "январю февралю марту апрелю маю июню июлю августу сентябрю октябрю ноябрю декабрю",
    "январём февралём мартом апрелем маем июнем июлем августом сентябрём октябрём ноябрём декабрём",
    "январе феврале марте апреле мае июне июле августе сентябре октябре ноябре декабре",
)
_RU_SHORT = "янв фев мар апр май июн июл авг сен окт ноя дек".split()
_RU_EXTRA_SHORT = {"февр": 2, "сент": 9, "нояб": 11}
KK_STEMS = (
    "қаңтар ақпан наурыз сәуір мамыр маусым шілде тамыз қыркүйек қазан қараша желтоқсан".split()
)
_KK_SHORT = "қаң ақп нау сәу мам мау шіл там қыр қаз қар жел".split()
_ZH_NUMERALS = "一 二 三 四 五 六 七 八 九 十 十一 十二".split()

_AMBIGUOUS_EN = frozenset({"May", "March"})  # also verbs, at a sentence's start too


class Month(NamedTuple):
    """A month name at [start, end): its number (1-12) and how it is written."""

    start: int
    end: int
    month: int
    form: tuple  # what ``render`` needs to write another month the same way


@cache
def _ru_table() -> dict[str, tuple[int, tuple]]:
    table: dict[str, tuple[int, tuple]] = {}
    for case, row in enumerate(_RU_CASES):
        for month, word in enumerate(row.split(), start=1):
            table[word] = (month, ("ru", case))
            if "ё" in word:
                table[word.replace("ё", "е")] = (month, ("ru", case))
    return table


_WORD = re.compile(r"[^\W\d_]+\.?")
_ZH = re.compile(
    r"(?<![0-9〇零一二三四五六七八九十])(1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])\s?月"
)


def mentions(text: str, fam: str, loose: bool = False) -> list[Month]:
    """Every month name in ``text`` (family ``fam``: en, ru, kk, zh). ``loose``: words that
    are months only sometimes count anywhere ("e.g., Jan"), except "May" and "March" away
    from "in" and numbers: what a source may be naming, to compare a translation with."""
    if fam == "zh":
        return _zh_mentions(text)
    if fam not in ("en", "ru", "kk"):
        return []
    found: list[Month] = []
    alone = None
    for match in _opening(fam).finditer(text):  # only the words a month name could be
        word = match.group()
        dot = word.endswith(".")
        bare = word[:-1] if dot else word
        reading = _read(bare, fam)
        if reading is None:
            continue
        month, form, strong = reading
        start, end = match.start(), match.start() + len(bare)
        if fam == "en" and bare in _AMBIGUOUS_EN:  # "in May", not "May I", "you may"
            strong = _after_in(text, start) and not sentence_initial(text, start)
        if not strong and not (loose and bare not in _AMBIGUOUS_EN):
            if alone is None:
                alone = _alone(text)
            if not (alone or _beside_number(text, start, end)):
                continue
        if dot and not strong:
            end += 1
        found.append(Month(start, end, month, (*form, _case_of(bare))))
    return found


@cache
def _opening(fam: str) -> re.Pattern:
    """Matches the words (as ``_WORD`` reads them) that could be a month name of family
    ``fam``: those beginning with the first three letters (any case) of a form ``_read``
    knows; a superset, so a word it skips is certainly none."""
    if fam == "en":
        forms = [*EN_FULL, *EN_SHORT, *_EN_EXTRA]
    elif fam == "ru":
        forms = [*_ru_table(), *_RU_SHORT, *_RU_EXTRA_SHORT]
    else:
        forms = [*KK_STEMS, *_KK_SHORT]
    # longest first, then in order: the same text in every process, for the pattern cache
    # (starts of one length are different words: at most one matches at a place)
    starts = sorted({form.lower()[:3] for form in forms}, key=lambda start: (-len(start), start))
    return re.compile(
        r"(?<![^\W\d_])(?:" + "|".join(map(re.escape, starts)) + r")[^\W\d_]*\.?", re.IGNORECASE
    )


def _read(word: str, fam: str) -> tuple[int, tuple, bool] | None:
    """(month, form, strong) of a word, or None: strong when the word can only be a month."""
    if fam == "en":
        if word in EN_FULL:
            return EN_FULL.index(word) + 1, ("en", "full"), word not in _AMBIGUOUS_EN
        if word in EN_SHORT or word in _EN_EXTRA:
            month = EN_SHORT.index(word) + 1 if word in EN_SHORT else _EN_EXTRA[word]
            return month, ("en", "short"), False
        return None
    lower = word.lower()
    if fam == "ru":
        found = _ru_table().get(lower)
        if found is not None:
            return found[0], found[1], True
        if lower in _RU_SHORT:
            return _RU_SHORT.index(lower) + 1, ("ru", "short"), False
        if lower in _RU_EXTRA_SHORT:
            return _RU_EXTRA_SHORT[lower], ("ru", "short"), False
        return None
    for month, stem in enumerate(KK_STEMS, start=1):
        if lower.startswith(stem) and len(lower) - len(stem) <= 6:
            ending = lower[len(stem) :]
            if ending and not _kk_ending(ending):
                return None
            strong = month not in (10,) and (month, ending) != (11, "")  # қазан, қараша
            return month, ("kk", "stem", ending), strong
    if lower in _KK_SHORT:
        return _KK_SHORT.index(lower) + 1, ("kk", "short"), False
    return None


def _alone(text: str) -> bool:
    """A message that is one word (a calendar's "Jan", "Март")."""
    return len(_WORD.findall(text)) == 1 and not any(ch.isdigit() for ch in text)


def _beside_number(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 4) : start]
    after = text[end : end + 4]
    return bool(re.search(r"\d[\s.,-]*$", before) or re.match(r"\.?[\s,-]*\d", after))


_IN_BEFORE = re.compile(
    r"(?:in|In|since|until|till|by|from|during|through|before|after|of|"
    r"early|late|mid|last|next|this|every)[\s-]+$"
)


def _after_in(text: str, start: int) -> bool:
    return _IN_BEFORE.search(text, max(0, start - 10), start) is not None


def _case_of(word: str) -> str:
    if word.isupper() and len(word) > 1:
        return "upper"
    return "title" if word[:1].isupper() else "lower"


def _zh_mentions(text: str) -> list[Month]:
    found = []
    for match in _ZH.finditer(text):
        value = match.group(1)
        if value[0].isdigit():
            month, style = int(value), "digits"
        else:
            month, style = _ZH_NUMERALS.index(value) + 1, "han"
        found.append(Month(match.start(1), match.end(1), month, ("zh", style, "")))
    return found


# --- writing another month in the same form ---------------------------------------------

_KK_BACK, _KK_FRONT = set("аоұы"), set("әөүіе")
_KK_VOICELESS = set("кқпстфхцчшщ")
_KK_NASAL = set("мнң")
_KK_ALLOMORPHS = {  # case: (after a vowel, a nasal, a voiced consonant, a voiceless one)
    "loc": ("да", "да", "да", "та"),
    "abl": ("дан", "нан", "дан", "тан"),
    "gen": ("ның", "ның", "дың", "тың"),
    "dat": ("ға", "ға", "ға", "қа"),
    "acc": ("ны", "ды", "ды", "ты"),
    "adj": ("дағы", "дағы", "дағы", "тағы"),
    "poss": ("сы", "ы", "ы", "ы"),
    "poss_loc": ("сында", "ында", "ында", "ында"),
}
_KK_FRONTED = str.maketrans("аыұоғқ", "еіүөгк")
_KK_ENDINGS: dict[str, str] = {}
for _case, _forms in _KK_ALLOMORPHS.items():
    for _form in _forms:
        _KK_ENDINGS[_form] = _case
        _KK_ENDINGS[_form.translate(_KK_FRONTED)] = _case


def _kk_ending(ending: str) -> bool:
    return ending in _KK_ENDINGS or ending in ("", "і", "ы")


def render(month: int, form: tuple) -> str:
    """``month`` written in ``form`` (as ``mentions`` found another month written)."""
    lang, kind, *rest = form
    case = rest[-1] if rest else "lower"
    if lang == "en":
        word = EN_FULL[month - 1] if kind == "full" else EN_SHORT[month - 1]
        return _cased(word, case)
    if lang == "ru":
        word = _RU_SHORT[month - 1] if kind == "short" else _RU_CASES[kind].split()[month - 1]
        return _cased(word, case)
    if lang == "kk":
        if kind == "short":
            return _cased(_KK_SHORT[month - 1], case)
        stem = KK_STEMS[month - 1]
        if month == 9:
            stem = "қыркүйек"
        return _cased(stem + _kk_suffix(stem, rest[0]), case)
    if lang == "zh":
        return str(month) if kind == "digits" else _ZH_NUMERALS[month - 1]
    return str(month)


def _kk_suffix(stem: str, ending: str) -> str:
    """``ending`` (of another month) as it goes on ``stem``: the vowels harmonised with
    the stem's last vowel, the first consonant with its last sound ("наурызда" ->
    "мамырда", "шілдеде" -> "тамызда", "мамырдың" -> "қыркүйектің")."""
    case = _KK_ENDINGS.get(ending)
    if case is None:
        return ending
    last = stem[-1]
    column = (
        0
        if last in "аәеиоөұүыіэюя"
        else 1
        if last in _KK_NASAL
        else 3
        if last in _KK_VOICELESS
        else 2
    )
    suffix = _KK_ALLOMORPHS[case][column]
    vowels = [ch for ch in stem if ch in _KK_BACK | _KK_FRONT]
    if vowels and vowels[-1] in _KK_FRONT:
        suffix = suffix.translate(_KK_FRONTED)
    return suffix


def _cased(word: str, case: str) -> str:
    if case == "upper":
        return word.upper()
    return word[:1].upper() + word[1:] if case == "title" else word
