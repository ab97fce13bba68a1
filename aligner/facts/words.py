"""Numbers written as words in English, Russian and Kazakh: "thirty-one", "sixth",
"двадцать первый", "шестого", "екі", "алтыншы", "нуля".

Compounds are read as one number ("two thousand twenty-three", "жиырма бес"). Cardinals up to
ten are weak (they often stand where the other languages have none: "the two sides" / 双方);
so is the ordinal "first", which often renders "for the first time". A scale word alone
("thousands of", "тысячи") is not a number.
"""

from __future__ import annotations

import re
from functools import cache

from .model import P_NUMBER, P_ORDINAL, P_PERCENT, P_WORD, Candidate, candidate

# class of a number word: unit 1-9, teen 10-19, tens 20-90, hundreds 100-900 (one word),
# hundred (a multiplier: "five hundred"), scale (thousand and up)
_EN_CARDINALS = {
    "zero": (0, "zero"),
    **{
        w: (i + 1, "unit")
        for i, w in enumerate("one two three four five six seven eight nine".split())
    },
    **{
        w: (i + 10, "teen")
        for i, w in enumerate(
            "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
        )
    },
    **{
        w: (i * 10 + 20, "tens")
        for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split())
    },
    "hundred": (100, "hundred"),
    "thousand": (1000, "scale"),
    "million": (10**6, "scale"),
    "billion": (10**9, "scale"),
    "trillion": (10**12, "scale"),
}
_EN_ORDINALS = {
    **{
        w: (i + 1, "unit")
        for i, w in enumerate("first second third fourth fifth sixth seventh eighth ninth".split())
    },
    **{
        w: (i + 10, "teen")
        for i, w in enumerate(
            "tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth "
            "eighteenth nineteenth".split()
        )
    },
    **{
        w: (i * 10 + 20, "tens")
        for i, w in enumerate(
            "twentieth thirtieth fortieth fiftieth sixtieth seventieth eightieth ninetieth".split()
        )
    },
    "hundredth": (100, "hundred"),
    "thousandth": (1000, "scale"),
}


def _ru_cardinals() -> dict[str, tuple[int, str]]:
    table: dict[str, tuple[int, str]] = {}

    def add(value: int, cls: str, *forms: str) -> None:
        for form in forms:
            table[form] = (value, cls)

    add(
        0,
        "zero",
        "ноль",
        "нуль",
        "ноля",
        "нуля",
        "нолю",
        "нулю",
        "нолём",
        "нулём",
        "нолем",
        "нулем",
        "ноле",
        "нуле",
    )
    add(1, "unit", "один", "одна", "одно", "одного", "одной", "одному", "одним", "одном", "одну")
    add(2, "unit", "два", "две", "двух", "двум", "двумя")
    add(3, "unit", "три", "трёх", "трех", "трём", "трем", "тремя")
    add(4, "unit", "четыре", "четырёх", "четырех", "четырём", "четырем", "четырьмя")
    for value, word in enumerate("пять шесть семь восемь девять десять".split(), start=5):
        stem = word[:-1]
        forms = [word, stem + "и"] + ([] if word == "семь" else [stem + "ью"])
        add(value, "teen" if value == 10 else "unit", *forms)
    add(8, "unit", "восьми")
    for value, word in enumerate(
        "одиннадцать двенадцать тринадцать четырнадцать пятнадцать шестнадцать семнадцать "
        "восемнадцать девятнадцать".split(),
        start=11,
    ):
        add(value, "teen", word, word[:-1] + "и", word[:-1] + "ью")
    add(20, "tens", "двадцать", "двадцати", "двадцатью")
    add(30, "tens", "тридцать", "тридцати", "тридцатью")
    add(40, "tens", "сорок", "сорока")
    for value, (word, oblique) in zip(
        (50, 60, 70, 80),
        (
            ("пятьдесят", "пятидесяти"),
            ("шестьдесят", "шестидесяти"),
            ("семьдесят", "семидесяти"),
            ("восемьдесят", "восьмидесяти"),
        ),
    ):
        add(value, "tens", word, oblique)
    add(90, "tens", "девяносто", "девяноста")
    add(100, "hundreds", "сто", "ста")
    for value, forms in (
        (200, "двести двухсот"),
        (300, "триста трехсот трёхсот"),
        (400, "четыреста четырехсот четырёхсот"),
        (500, "пятьсот пятисот"),
        (600, "шестьсот шестисот"),
        (700, "семьсот семисот"),
        (800, "восемьсот восьмисот"),
        (900, "девятьсот девятисот"),
    ):
        add(value, "hundreds", *forms.split())
    add(1000, "scale", "тысяча", "тысячи", "тысяч", "тысячу", "тысячей", "тысячам", "тысячами")
    for value, stem in ((10**6, "миллион"), (10**9, "миллиард"), (10**12, "триллион")):
        add(value, "scale", stem, stem + "а", stem + "ов", stem + "ом", stem + "ам", stem + "ами")
    return table


def _ru_ordinals() -> dict[str, tuple[int, str]]:
    hard = "ый ой ая ое ые ого ому ым ом ую ых ыми".split()
    stems = {
        "перв": 1,
        "втор": 2,
        "четвёрт": 4,
        "четверт": 4,
        "пят": 5,
        "шест": 6,
        "седьм": 7,
        "восьм": 8,
        "девят": 9,
        "десят": 10,
        "одиннадцат": 11,
        "двенадцат": 12,
        "тринадцат": 13,
        "четырнадцат": 14,
        "пятнадцат": 15,
        "шестнадцат": 16,
        "семнадцат": 17,
        "восемнадцат": 18,
        "девятнадцат": 19,
        "двадцат": 20,
        "тридцат": 30,
        "сороков": 40,
        "пятидесят": 50,
        "шестидесят": 60,
        "семидесят": 70,
        "восьмидесят": 80,
        "девяност": 90,
        "сот": 100,
        "тысячн": 1000,
    }
    table = {}
    for stem, value in stems.items():
        cls = _class(value)
        for ending in hard:
            table[stem + ending] = (value, cls)
    for ending in "ий ья ье ьи ьего ьему ьим ьем ью ьих ьими ьей".split():
        table["трет" + ending] = (3, "unit")
    return table


def _class(value: int) -> str:
    if value < 10:
        return "unit"
    if value < 20:
        return "teen"
    if value < 100:
        return "tens"
    return "hundreds" if value < 1000 else "scale"


_KK_CARDINALS = {
    **{w: (0, "zero") for w in "нөл нөлге нөлден нөлдің нөлді нөлде нөлмен".split()},
    **{
        w: (i + 1, "unit")
        for i, w in enumerate("бір екі үш төрт бес алты жеті сегіз тоғыз".split())
    },
    "он": (10, "tens"),  # a ten that units follow: "он екі" is 12, "он екінші" 12th
    **{
        w: (i * 10 + 20, "tens")
        for i, w in enumerate("жиырма отыз қырық елу алпыс жетпіс сексен тоқсан".split())
    },
    "жүз": (100, "hundred"),
    "мың": (1000, "scale"),
    "миллион": (10**6, "scale"),
    "миллиард": (10**9, "scale"),
}
_KK_ORDINALS = {
    w: (_KK_CARDINALS[c][0], _KK_CARDINALS[c][1])
    for w, c in (
        ("бірінші", "бір"),
        ("екінші", "екі"),
        ("үшінші", "үш"),
        ("төртінші", "төрт"),
        ("бесінші", "бес"),
        ("алтыншы", "алты"),
        ("жетінші", "жеті"),
        ("сегізінші", "сегіз"),
        ("тоғызыншы", "тоғыз"),
        ("оныншы", "он"),
        ("жиырмасыншы", "жиырма"),
        ("отызыншы", "отыз"),
        ("қырқыншы", "қырық"),
        ("елуінші", "елу"),
        ("алпысыншы", "алпыс"),
        ("жетпісінші", "жетпіс"),
        ("сексенінші", "сексен"),
        ("тоқсаныншы", "тоқсан"),
        ("жүзінші", "жүз"),
        ("мыңыншы", "мың"),
    )
}

_KK_LOWER = "а-яәғқңөұүһі"
_PERCENT_AFTER = {
    "en": re.compile(r"\s+(?:per\s?cent|percent)\b", re.IGNORECASE),
    "ru": re.compile(r"\s+процент[а-я]*", re.IGNORECASE),
    "kk": re.compile(rf"\s+пайыз[{_KK_LOWER}]*", re.IGNORECASE),
}
_JOINERS = {
    "en": re.compile(r"(?:\s+and\s+|[\s-])"),
    "ru": re.compile(r"\s"),
    "kk": re.compile(r"\s"),
}
_RU_YEAR_AFTER = re.compile(r"\s+год", re.IGNORECASE)
_SECOND_OF_TIME = re.compile(r"\b(?:a|per|each|every|one|half|of)\s+$", re.IGNORECASE)
_SKIP_EN = re.compile(r"\bone\s+(?:another|of|by)\b|\bno\s+one\b|\beach\s+one\b", re.IGNORECASE)


@cache
def tables(fam: str) -> tuple[dict, dict]:
    """(cardinals, ordinals) of ``fam``: lower-case word -> (value, class)."""
    if fam == "en":
        return _EN_CARDINALS, _EN_ORDINALS
    if fam == "ru":
        return _ru_cardinals(), _ru_ordinals()
    if fam == "kk":
        return _KK_CARDINALS, _KK_ORDINALS
    return {}, {}


def keys(fam: str) -> set[str]:
    """Every number word of ``fam`` (a word scanned must begin with one of them)."""
    cardinals, ordinals = tables(fam)
    return {*cardinals, *ordinals}


def lookup(word: str, fam: str) -> tuple[int, str, bool] | None:
    """(value, class, is_ordinal) of a number word, or None ("алтыншы" and its inflected
    forms such as "алтыншысы" are ordinals in Kazakh)."""
    cardinals, ordinals = tables(fam)
    lower = word.lower()
    found = ordinals.get(lower)
    if found is not None:
        return (*found, True)
    found = cardinals.get(lower)
    if found is not None:
        return (*found, False)
    if fam == "kk" and ("нш" in lower):
        for end in range(len(lower) - 1, 4, -1):
            found = ordinals.get(lower[:end])
            if found is not None:
                return (*found, True)
    return None


def candidates(
    text: str, fam: str, words: list[tuple[int, int, int, str, bool]]
) -> list[Candidate]:
    """Number and ordinal candidates from the number words found in ``text``:
    (start, end, value, class, is_ordinal) in text order."""
    if fam in ("ru", "kk"):
        words = [w for w in words if not _hyphenated(text, w[0], w[1])]
    out = []
    for group in _compounds(words, text, fam):
        found = _candidate(group, text, fam)
        if found is not None:
            out.append(found)
    return out


def _hyphenated(text: str, start: int, end: int) -> bool:
    """ "бір-бірінің", "во-первых": a number word glued to another word by a hyphen."""
    return (start > 0 and text[start - 1] == "-") or text[end : end + 1] == "-"


_FOLLOWS = {
    "zero": set(),
    "unit": {"hundred", "scale"},
    "teen": {"hundred", "scale"},
    "tens": {"unit", "scale"},
    "hundred": {"unit", "teen", "tens", "scale"},
    "hundreds": {"unit", "teen", "tens", "scale"},
    "scale": {"unit", "teen", "tens", "hundreds"},
}


def _compounds(words: list[tuple], text: str, fam: str) -> list[list[tuple]]:
    groups: list[list[tuple]] = []
    joiner = _JOINERS[fam]
    for word in words:
        if groups:
            last = groups[-1][-1]
            if (
                not last[4]
                and word[3] in _FOLLOWS[last[3]]
                and joiner.fullmatch(text, last[1], word[0])
                and (
                    fam != "en"
                    or text[last[1] : word[0]].strip() != "and"
                    or last[3] in ("hundred", "scale")
                )
            ):
                groups[-1].append(word)
                continue
        groups.append([word])
    return groups


def _candidate(group: list[tuple], text: str, fam: str) -> Candidate | None:
    start, end = group[0][0], group[-1][1]
    if len(group) == 1 and group[0][3] in ("scale", "hundred") and not group[0][4]:
        return None  # "thousands of", "тысячи": no number
    if (
        fam == "en"
        and group[0][2] == 1
        and len(group) == 1
        and any(
            found.start() <= start < found.end()
            for found in _SKIP_EN.finditer(text, max(0, start - 5), min(len(text), end + 40))
        )
    ):
        return None  # "one of", "one another", "no one": no number
    if (
        fam == "en"
        and len(group) == 1
        and group[0][4]
        and group[0][2] == 2
        and _SECOND_OF_TIME.search(text, max(0, start - 8), start)
    ):
        return None  # "a second", "per second": the unit of time
    total = current = 0
    for _, _, value, cls, _ in group:
        if cls == "hundred":
            current = (current or 1) * value
        elif cls == "scale":
            total += (current or 1) * value
            current = 0
        else:
            current += value
    value = total + current
    ordinal = group[-1][4]
    if not ordinal:
        percent = _PERCENT_AFTER[fam].match(text, end)
        if percent:
            return candidate(P_PERCENT, "percent", str(value), start, percent.end())
    if ordinal and fam == "ru" and _RU_YEAR_AFTER.match(text, end):
        ordinal = False  # "две тысячи двадцать третьего года": the year 2023
    weak = (value == 1) if ordinal else (value <= 10 and len(group) == 1)
    kind = "ordinal" if ordinal else "number"
    priority = P_WORD if weak else (P_ORDINAL if ordinal else P_NUMBER)
    return candidate(priority, kind, str(value), start, end, weak=weak)
