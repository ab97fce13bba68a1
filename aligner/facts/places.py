"""Known names and their translations: countries (ISO 3166) and currencies (ISO 4217),
from the gettext catalogs pycountry ships for many languages.

A translation of "Eritrea" is checked against what the ISO catalogs give for the target
language ("Эритрея"), so a garbled "Эрэея" is caught even where no other version says
better. Language names (ISO 639) are not checked: their translations vary too much between
equally good catalogs ("малаялам" and "малайялам", "свати" and "свази"); but the Chinese
ISO 639 catalog tells which country a language word names ("Swedish": 瑞典语, Sweden's
瑞典), and that country's name is checked. Names in Chinese characters are
transliterations that differ between catalogs by a character of the same sound (玻利维亚
and 波利维亚): there a near miss is one character replaced by one of another sound, each
character read its usual way (``aligner.facts.hanzi_sounds``). A message that is a name
alone wants it as the ISO catalog writes it: uninflected, no character put in. Only the
files are read (pycountry's JSON databases and its .mo catalogs), when first needed, and
kept: importing pycountry itself costs more than the whole lookup.
"""

from __future__ import annotations

import gettext
import json
import os
import re
import unicodedata
from functools import cache, lru_cache, partial

from ..terms import CJK_SEPARATOR

# (gettext domain, JSON database, its key, fields holding English names)
_DATABASES = (
    ("iso3166-1", "iso3166-1.json", "3166-1", ("name", "common_name", "official_name")),
    ("iso4217", "iso4217.json", "4217", ("name",)),
)
_MIN_LENGTH = 4  # shorter names ("Ao", "Lao") are not looked for in running text
_MIN_HANZI = 3  # ... in Chinese characters: a two-character name (法国, 印度) is one
# character away from too many words (法兰西, 印第安, 荷属)...
_MIN_HANZI_NAMED = 2  # ...unless msgid names that very country ("South Africa": 济非 for 南非)
# or a word made from its name ("Icelandic": 冰摩语 for 冰岛语), there as a word of its own, in a
_LABEL_WORDS = 4  # label of this many words at most: running text says 中方, 中哈, 两国 for China
_QUALIFIERS = re.compile(r"\([^()]*\)")  # "Montenegrin (Cyrillic, ZE and ZHE swapped)" is
# a label of one word: what brackets qualify it with is no running text
_WORD = re.compile(r"\w+")


@cache
def _root() -> str | None:
    import importlib.util

    spec = importlib.util.find_spec("pycountry")
    if spec is None or not spec.submodule_search_locations:
        return None
    return list(spec.submodule_search_locations)[0]


def package_root() -> str | None:
    """pycountry's directory (its ``databases`` and ``locales``), without importing it."""
    return _root()


@cache
def country_records() -> tuple[dict, ...]:
    """pycountry's ISO 3166-1 records (``pycountry.countries``, in its order) as dicts."""
    root = _root()
    if root is None:
        return ()
    with open(os.path.join(root, "databases", "iso3166-1.json"), encoding="utf-8") as file:
        return tuple(json.load(file)["3166-1"])


@cache
def _english() -> dict[str, str]:
    """English name -> gettext domain."""
    root = _root()
    found: dict[str, str] = {}
    if root is None:
        return found
    for domain, filename, key, fields in _DATABASES:
        try:
            with open(os.path.join(root, "databases", filename), encoding="utf-8") as file:
                records = json.load(file)[key]
        except (OSError, ValueError, KeyError):
            continue
        for record in records:
            for field in fields:
                name = record.get(field)
                if name and len(name) >= _MIN_LENGTH and "," not in name:
                    found.setdefault(name, domain)
    return found


@cache
def _catalog(domain: str, lang: str) -> dict[str, str]:
    """msgid -> msgstr of ``domain`` in ``lang`` ("zh_CN", then "zh"); {} when missing."""
    root = _root()
    if root is None:
        return {}
    candidates = [lang, lang.replace("-", "_"), re.split(r"[-_@.]", lang)[0]]
    for candidate in dict.fromkeys(candidates):
        try:
            found = gettext.translation(
                domain, os.path.join(root, "locales"), languages=[candidate]
            )
        except OSError:
            continue
        return {
            k: v
            for k, v in getattr(found, "_catalog", {}).items()
            if isinstance(k, str) and k and v
        }  # "Angola" is "Angola" in German too
    return {}


def translated(name: str, lang: str) -> str | None:
    """The ISO catalogs' translation of the English ``name`` in ``lang``, or None when the
    name is unknown or has no translation there."""
    known = _english().get(name)
    for domain in [known] if known else [d for d, *_ in _DATABASES]:
        local = _catalog(domain, lang).get(name)
        if local:
            return local
    return None


@cache
def _by_first_word() -> dict[str, tuple[str, ...]]:
    """The English names by their first word, longest first."""
    index: dict[str, list[str]] = {}
    for name in _english():
        first = _WORD.match(name)
        if first:
            index.setdefault(first.group(), []).append(name)
    return {word: tuple(sorted(names, key=len, reverse=True)) for word, names in index.items()}


def english_names(text: str) -> list[tuple[int, int, str]]:
    """(start, end, name) of the known English names in ``text``, the longest at a place
    ("Papua New Guinea", not "Guinea")."""
    index = _by_first_word()
    found: list[tuple[int, int, str]] = []
    end = -1
    for word in _first_words().finditer(text):  # only the words a known name may begin
        names = index.get(word.group())
        if names is None or word.start() < end:
            continue
        for name in names:
            stop = word.start() + len(name)
            if text.startswith(name, word.start()) and not (
                stop < len(text) and (text[stop].isalnum() or text[stop] == "_")
            ):
                found.append((word.start(), stop, name))
                end = stop
                break
    return found


@lru_cache(maxsize=1)
def _first_words() -> re.Pattern[str]:
    """The whole words (as ``\\w+`` reads them) that begin with a letter a known name
    begins with (nearly always a capital): a dictionary look-up for those words only."""
    first = "".join(sorted({word[0] for word in _by_first_word()}))
    return re.compile(r"(?<!\w)[" + re.escape(first) + r"]\w*")


# a name filed by its proper part, as lists sort them ("Congo, Republic of the"): the name
# is the words after the comma, then those before ("Republic of the Congo")
_INVERTED = re.compile(r"^\s*([A-Z][^,]*), ((?:[A-Z]\w* )+of(?: the)?)\s*$")


@lru_cache(maxsize=4096)
def _names_of(source: str) -> tuple[tuple[str, bool], ...]:
    """The known names of an English text, and the countries its adjectives name (those
    with True): read once for all the translations of a row."""
    from .country_words import countries_of_adjectives

    if not source.isascii():
        source = _unaccented(source)
    source = _INVERTED.sub(r"\2 \1", source)
    spans = english_names(source)
    return tuple(
        [(name, False) for _, _, name in spans]
        + [(name, True) for name in countries_of_adjectives(source, spans)]
    )


def _checked_as(name: tuple[str, bool], lang: str) -> tuple[tuple[str, bool], ...]:
    """The names a known name of msgid is checked by in ``lang``: itself, or, for a
    currency the ISO catalogs do not translate there (Kazakh has no ISO 4217 catalog), the
    country its name is made of, which the translation writes ("Алжир динары" for
    "Algerian Dinar", "Жаңа Зеландия доллары" for "New Zealand Dollar")."""
    if name[1] or _english().get(name[0]) != "iso4217" or translated(name[0], lang):
        return (name,)
    return _countries_of_currency(name[0])


@lru_cache(maxsize=512)
def _countries_of_currency(currency: str) -> tuple[tuple[str, bool], ...]:
    """The country an ISO 4217 name is made of, by its name or adjective, less the unit's
    word: "New Zealand" (False) of "New Zealand Dollar", Algeria (True) of "Algerian Dinar"."""
    from .country_words import countries_of_adjectives

    country = currency.rsplit(" ", 1)[0]
    spans = [span for span in english_names(country) if _english()[span[2]] == "iso3166-1"]
    return tuple(
        [(name, False) for _, _, name in spans]
        + [(name, True) for name in countries_of_adjectives(country, spans)]
    )


def _stem_of(written: str, local: str) -> bool:
    """Whether ``written`` is the start of the name ``local`` that a language derives its
    adjectives and demonyms from ("Жапон" of "Жапония", "Украин" of "Украина"): what a
    translation of msgid's adjective ("Japanese") holds, no misspelling."""
    written, local = fold(written), fold(local)
    if _MIN_STEM <= len(written) <= len(local) - _STEM_CUT and local.startswith(written):
        return True
    # a people's word in -ин, the name less its final vowel ("Украин" of "Украина") or
    # with -н for it ("Грузин", a Georgian, of "Грузия"); "Канад" of "Канада" and "Итали"
    # of "Италия" are no such word: slips
    base = local[:-1]
    return (
        len(base) >= _MIN_STEM
        and local[-1] in _VOWELS
        and written.endswith("ин")
        and written in (base, base + "н")
    )


# a name alone as an item of a label's qualifier: "(Poland, phonetic Dvorak)"
_ITEM = re.compile(r"[(,]\s*([^\W\d_][^(),]*?)\s*(?=[,)])")


def _item_inflected(target: str, local: str) -> bool:
    """Whether ``target`` has ``local`` inflected as an item of itself in a qualifier in
    brackets ("Русская (Польши, фонетическая)"), where a label writes a name as it is
    called, uninflected ("(Польша, ...)"), and nowhere as it stands."""
    if local in target:
        return False
    stem = fold(local)[: max(_MIN_STEM, len(local) - _STEM_CUT)]
    return any(
        fold(found.group(1)).startswith(stem) and " " not in found.group(1).strip()
        for found in _ITEM.finditer(target)
    )


def _adjective_of(written: str, local: str) -> bool:
    """Whether ``written``, near the name ``local``, is its adjective: its stem
    (``_stem_of``), or a word with a Russian adjective's ending the name lacks
    ("Казахская", "Словацкая" for "Kazakh", "Slovak": no Казахстан, Словакия misspelt)."""
    if _stem_of(written, local):
        return True
    last = written.split()[-1].lower() if written.split() else ""
    return bool(_RU_ADJECTIVE.search(last)) and not _RU_ADJECTIVE.search(local.lower())


_RU_ADJECTIVE = re.compile(r"[сц]к(?:ая|ий|ое|ие|ой|ую|их|им|ого|ому|ими)$")
_MIN_STEM = 4  # letters: a shorter start of a name is no stem anyone writes
_STEM_CUT = 2  # a stem drops an ending ("-ия"); one letter lost at the end is a slip ("Итали")


def fold(text: str, small: bool = True) -> str:
    """A name as compared: small letters (unless not ``small``), ё as е, one kind of
    apostrophe, hyphens and spaces alike ("Кот-д’Ивуар" and "Кот-д'Ивуар" are one
    spelling), no brackets."""
    text = unicodedata.normalize("NFC", text)
    if small:
        text = text.lower()
    text = text.replace("ё", "е").replace("Ё", "Е").replace("’", "'").replace("ʼ", "'")
    return _GAPS.sub(" ", _BRACKETS.sub("", text)).strip()


_GAPS = re.compile(r"[\s\-‐‑–—]+")
_BRACKETS = re.compile(r"[()]")  # "Дирхам ОАЭ" is the ISO catalog's "Дирхам (ОАЭ)"
# the known names, folded once each, with their capitals: a capitalised name is there only
# with its capital ("тонга", the language, is no "Тонга", the country)
_folded = lru_cache(maxsize=4096)(partial(fold, small=False))


_MISSPELT = 80  # rapidfuzz ratio of a passage to the known name: a near miss, garbled


def misspelt_names(source: str, target: str, lang: str) -> list[tuple[int, int, str, str]]:
    """(start, end, English name, known translation) for every known name of ``source``
    (English) whose translation in ``lang`` is not in ``target`` while a near miss of it
    is ("Эрэея" where "Eritrea" is known as "Эритрея"). A translation with another name
    altogether, or none, is the translator's choice and is not reported."""
    found: list[tuple[int, int, str, str]] = []
    whole = source.strip()
    label_is_name = _whole_name(whole, lang)
    names = ((whole, False),) if label_is_name else _names_of(source)
    names = tuple(found for name in names for found in _checked_as(name, lang))
    chinese = re.split(r"[-_@.]", lang)[0] in ("zh", "ja")
    label = len(_WORD.findall(_QUALIFIERS.sub("", source))) <= _LABEL_WORDS
    if chinese:  # the country a word is named after ("Italics", "Tunis", "Thai-Lao"), too,
        # or whose name the language names with the word are written with ("Swedish": 瑞典)
        from .country_words import countries_of_languages, countries_of_stems

        stems = countries_of_stems(source)
        derived = [*stems, *countries_of_languages(source, lang)]
        names = names + tuple(
            (name, True) for name in dict.fromkeys(derived) if (name, True) not in names
        )
    else:
        stems = {}
    if not names:
        return found
    target = unicodedata.normalize("NFC", target)
    folded = fold(target, small=False)
    for name, in_compounds in names:
        forms = _known_forms(name, lang, in_compounds)
        if any(_folded(local) in folded for local in forms):
            continue
        for local in forms:
            if in_compounds and _latin(local):
                continue  # "Croata", "Roumain": a Latin-script adjective is near the name
            near = _misspelt_at(
                target, name, local, lang, in_compounds, label_is_name, chinese and label, stems
            )
            if (
                near is not None
                and not any(near[0] < end and start < near[1] for start, end, *_ in found)
                and not _in_cldr_name(target, near[0], near[1], name, lang)
            ):
                found.append((near[0], near[1], name, near[2]))
                break
    return found


def _misspelt_at(
    target: str,
    name: str,
    local: str,
    lang: str,
    in_compounds: bool,
    label_is_name: bool,
    short_label: bool,
    stems: dict[str, str],
) -> tuple[int, int, str] | None:
    """(start, end, the form) of a near miss of the known form ``local`` of ``name`` in
    ``target``, which does not hold it (``misspelt_names``)."""
    hanzi = _hanzi(local)
    shortest = _MIN_HANZI_NAMED if short_label else _MIN_HANZI
    if len(local) < (shortest if hanzi else _MIN_LENGTH):
        return None
    if not label_is_name and _named(target, local, lang) and not _item_inflected(target, local):
        return None  # an inflected form; a message that is the name alone has it uninflected
    near = _near(target, local, in_compounds, label_is_name, stems.get(name, ""))
    if near is not None and in_compounds and _adjective_of(target[near[0] : near[1]], local):
        return None  # msgid's adjective: "Хорват кунасы" for Croatian Kuna, "Казахская"
    if near is None and hanzi and (state := _state_words(name, lang)) not in target:
        # the name written another way (博兹瓦那 for 博茨瓦纳), the state's words misspelt
        near, local = _near_hanzi(target, state, False, label_is_name), state
    if (
        near is not None
        and not _another_form(target[near[0] : near[1]], name, local)
        and not _inside_a_name(target, near[0], near[1], lang)
        and not (
            _hanzi(local)
            and (
                any(
                    other.startswith(target[near[0] : near[1]])
                    for other in _other_names(name, lang)
                )
                or target[near[0] : near[1]] in _iso_spellings(lang).get(name, ())
                or target[near[0] : near[1]] in _country_names(lang)
            )
        )
    ):
        return (*near, local)
    return None


def _inside_a_name(text: str, start: int, end: int, lang: str) -> bool:
    """Whether [start, end) of ``text`` lies inside another country's name written there
    as the ISO catalog writes it: 和国 of 刚果民主共和国 is no 法国 misspelt."""
    return any(
        len(name) > end - start and _covers(text, name, start, end) for name in _country_names(lang)
    )


def _covers(text: str, name: str, start: int, end: int) -> bool:
    """Whether ``name`` is written in ``text`` over all of [start, end)."""
    at = text.find(name, max(0, end - len(name)))
    return at != -1 and at <= start and end <= at + len(name)


@lru_cache(maxsize=4096)
def _known_forms(name: str, lang: str, derived: bool) -> tuple[str, ...]:
    """The known translations of ``name`` in ``lang``: the ISO catalogs', and for a country
    named by msgid's adjective (``derived``) also its short name in CLDR (Babel), which
    compounds are made of: "Кирил/Ресей" for "Cyrillic/Russian", not the ISO catalog's
    "Ресей Федерациясы" for the Russian Federation."""
    local = translated(name, lang)
    forms = [local] if local else []
    if derived:
        short = _cldr_name(name, lang)
        if short and short not in forms:
            forms.append(short)
    return tuple(forms)


def _in_cldr_name(target: str, start: int, end: int, name: str, lang: str) -> bool:
    """Whether the near miss [start, end) lies inside the country's name as CLDR (Babel)
    writes it in ``target``, a second authority beside the ISO catalogs: "Американское
    Самоа" where the ISO catalog has "Американские Самоа", 吉尔吉斯斯坦 for 吉尔吉斯坦. Only
    there: "Боливия", CLDR's, says nothing of the rest of "Боливия, Многонациональное ..."."""
    short = _cldr_name(name, lang)
    return bool(short) and _covers(target, short, start, end)


def _cldr_name(name: str, lang: str) -> str | None:
    """CLDR's (Babel's) short name in ``lang`` of the country ``name`` (English)."""
    return _cldr_territories(lang).get(_alpha_2().get(name, ""))


@cache
def _alpha_2() -> dict[str, str]:
    """English country name (any of a record's names) -> its ISO 3166 two-letter code."""
    return {
        record[field]: record["alpha_2"]
        for record in country_records()
        for field in ("name", "common_name", "official_name")
        if record.get(field)
    }


@cache
def _cldr_territories(lang: str) -> dict[str, str]:
    """CLDR's territory names in ``lang`` by code ({} without Babel or the locale)."""
    try:
        from babel import Locale, UnknownLocaleError

        try:
            return dict(Locale.parse(lang.replace("-", "_")).territories)
        except (UnknownLocaleError, ValueError):
            return {}
    except ImportError:
        return {}


@lru_cache(maxsize=1024)
def _other_names(name: str, lang: str) -> tuple[str, ...]:
    """The known translations of the country's other English names (法兰西共和国, the French
    Republic, for France's 法国): its near misses may be those."""
    for record in country_records():
        fields = [record.get(field) for field in ("name", "common_name", "official_name")]
        if name in fields:
            catalog = _catalog("iso3166-1", lang)
            return tuple(
                catalog[field] for field in fields if field and field != name and catalog.get(field)
            )
    return ()


@cache
def _country_names(lang: str) -> frozenset[str]:
    """Every country name of the ISO 3166 catalog in ``lang``: a near miss that is one
    names another country ("German (US)": 德语（美国）, where 美国 is no 德国 misspelt)."""
    return frozenset(_catalog("iso3166-1", lang).values())


_MIN_STATE_WORDS = 3  # 共和国 and longer: 王国, 公国 are one character from too much


@lru_cache(maxsize=1024)
def _state_words(name: str, lang: str) -> str:
    """The words of state an official name's translation adds to the short name's (共和国 of
    博茨瓦纳共和国, "Republic of Botswana", for 博茨瓦纳), or "" (a name of its own, or
    shorter words). Those are translated, not transliterated: they do not vary."""
    catalog = _catalog("iso3166-1", lang)
    for record in country_records():
        if record.get("official_name") != name:
            continue
        official, short = (
            catalog.get(name),
            catalog.get(record.get("common_name") or record["name"]),
        )
        if official and short and official.startswith(short):
            rest = official[len(short) :]
            return rest if len(rest) >= _MIN_STATE_WORDS and _hanzi(rest) else ""
    return ""


@cache
def _iso_spellings(lang: str) -> dict[str, frozenset[str]]:
    """English country name -> the spellings of its name in Chinese characters that the ISO
    language catalog itself writes, one character off the country catalog's: 柬埔寨 in
    柬埔寨手语 ("Cambodian Sign Language") where ISO 3166 writes 柬埔塞. Those are the
    catalogs' own variants, no misspellings."""
    from .country_words import countries_of_adjectives, countries_of_languages

    found: dict[str, set[str]] = {}
    for source, text in _catalog("iso639-3", lang).items():
        derived = countries_of_adjectives(source, english_names(source))
        derived += countries_of_languages(source, lang)  # not stems: "Mayo" is no Mayotte
        for name in dict.fromkeys(derived):
            local = translated(name, lang)
            if not local or not _hanzi(local) or len(local) < _MIN_HANZI or local in text:
                continue
            near = _near_hanzi(text, local, True)
            if near is not None:
                found.setdefault(name, set()).add(text[near[0] : near[1]])
    return {name: frozenset(spellings) for name, spellings in found.items()}


def _another_form(written: str, name: str, local: str) -> bool:
    """Whether a near miss is the name written another accepted way, not misspelt: the
    English name kept ("New Mexico" in German), the words run together or apart
    ("Äquatorial-Guinea"), or in a Latin-script language an adjective or other derived
    form, which changes only final vowels ("Suizo", "croate" for Suiza, Croatie; "Angoa"
    for Angola is misspelt)."""
    folded, known = fold(written), fold(local)
    if folded == fold(name) or folded.replace(" ", "") == known.replace(" ", ""):
        return True
    if written[:1].islower() and local[:1].isupper():
        return True  # an adjective ("словацкий", "croate"), not the name
    if not _latin(local):
        return False
    if _plain(folded) == _plain(known):
        return True  # accents only: "Nigéria", "Bélize" in French
    common = len(os.path.commonprefix((folded, known)))
    tails = folded[common:] + known[common:]
    derived = (
        common >= 3
        and len(folded) - common <= 3
        and len(known) - common <= 3
        and all(unicodedata.normalize("NFD", ch)[0] in "aeiouy" for ch in tails)
    )
    return derived


def _hanzi(text: str) -> bool:
    return all("\u4e00" <= ch <= "\u9fff" for ch in text)


def _near_hanzi(
    text: str, form: str, in_compounds: bool, alone: bool = False, word: str = ""
) -> tuple[int, int] | None:
    """Where ``text`` holds ``form`` (a name in Chinese characters) with one character
    replaced by one of another sound: 埃塞加比亚 for 埃塞俄比亚. Transliterations of one name
    differ by a character of the same sound (圣路西亚 and 圣卢西亚, 梵地冈 and 梵蒂冈) or by a
    syllable added or left out (维京, 维尔京): neither is reported, nor the place word that
    ends a name for another (泽西州 and 泽西岛: state, island; in 小岛屿, islets, 岛 is the
    name's). ``alone``: the message is the name alone, so a character replaced by any other
    (-鲁巴 for 阿鲁巴) is misspelt. ``word``: the English word the name is part of
    ("Tongatapu"), by whose sounds a name of two characters running on is judged."""
    from .hanzi_sounds import homophones

    size = len(form)
    if not _hanzi(form):
        return None
    for start in range(len(text) - size + 1):
        window = text[start : start + size]
        changed = [i for i, (a, b) in enumerate(zip(window, form)) if a != b]
        if len(changed) != 1:
            continue
        i = changed[0]
        if not (_hanzi(window[i]) or (alone and _put_in(window[i], i, size))):
            continue  # the other characters are the form's
        if in_compounds and size <= 2:
            after = text[start + size : start + size + 1]
            if window[i] in _KIND_OF_NAME and i == size - 1:
                continue  # 日语 for "Japanese": no 日本
            if after and _hanzi(after) and after not in _KIND_OF_NAME:
                # 中古汉语 for "Chinese, Late Middle" runs on: no 中国 there, unless the
                # name writes the word's sounds and the changed character does not (汤尔塔布岛),
                # or the changed character is in no Chinese word there (苏国正规 for 德国正规)
                # and no place word makes it a place's name (贝尼省, Beni province)
                from .transliteration import miswritten

                if not (word and miswritten(word, form, window)) and (
                    after in _PLACE or not _in_no_word(text, start + i, form)
                ):
                    continue
        if (
            homophones(window[i], form[i])
            or (i == size - 1 and window[i] in _PLACE and form[i] in _PLACE)
            or (form[i] in _PLACE and window[i] in _KIND_OF_NAME)
            or (in_compounds and i == size - 1 and window[i] in _KIND_OF_NAME)
            or (i == size - 1 and window[i] in _MONEY and (in_compounds or form[i] in _MONEY))
            or (size == 2 and i == 1 and window[i] == _HELD)
        ):
            continue  # 吉尔吉斯语 for "Kyrgyz": the language, 吉尔吉斯坦 less its -stan
        return start, start + size
    return None


_LONGEST_WORD = 4  # characters of the Chinese words looked for around a changed one


def _in_no_word(text: str, at: int, form: str) -> bool:
    """Whether the character at ``at`` is part of no Chinese word of ``text`` (jieba's
    dictionary, two to four characters around it), where the name ``form`` is a word:
    中古 of 中古汉语 is a word, 布岛 of 布岛克朗 (冰岛克朗) none. Without the dictionary: False."""
    from ..wordlists import chinese_dictionary  # deferred: read for the first suspect

    words = chinese_dictionary()
    if not words or form not in words:
        return False
    for size in range(2, _LONGEST_WORD + 1):
        for begin in range(max(0, at - size + 1), min(at, len(text) - size) + 1):
            piece = text[begin : begin + size]
            if _hanzi(piece) and piece in words:
                return False
    return True


def _put_in(char: str, at: int, size: int) -> bool:
    """Whether ``char`` in place of a name's character at ``at`` is one put in: not a
    separator between its parts (圣多美-普林西比 for 圣多美和普林西比 parts the name), but
    one at its edge (-鲁巴)."""
    if char.isspace():
        return False
    return at in (0, size - 1) or _CJK_SEPARATOR.fullmatch(char) is None


_CJK_SEPARATOR = re.compile(CJK_SEPARATOR)
_PLACE = frozenset("国岛州省市县区邦洲湾")  # words of a place's kind, not of its name
_KIND_OF_NAME = frozenset("语文话人族式字体")  # 德语, 英文, 闽中话 for 德国, 中国: derived
# a currency is its country's first character and its unit's (日元 for "Japanese Yen", 泰铢,
# 法郎), and 元 and 币 are both "money" (港币 and the ISO catalog's 港元)
_MONEY = frozenset("元币铢郎镑")
_HELD = "属"  # 荷属, 英属: "held by" the country its first character names (荷属安的列斯),
# after a two-character name's first (新喀里多尼属 is New Caledonia misspelt)


def _latin(text: str) -> bool:
    return any(ch.isascii() and ch.isalpha() for ch in text)


def _unaccented(text: str) -> str:
    """``text`` with its Latin letters' accents dropped, where that keeps every character in
    its place: the names of msgid as written in the languages of their countries ("Panamá",
    "Brasília", "Åland"), which are the English names with accents."""
    plain = _plain(text)
    return plain if len(plain) == len(text) else text


def _plain(text: str) -> str:
    """Latin letters without their accents."""
    return "".join(ch for ch in unicodedata.normalize("NFD", text) if not unicodedata.combining(ch))


def _whole_name(text: str, lang: str) -> bool:
    """Whether a whole message is a known name ("Korea, Republic of" included: the ISO
    catalogs' own entries)."""
    return any(text in _catalog(domain, lang) for domain, *_ in _DATABASES)


def _named(text: str, local: str, lang: str) -> bool:
    """Whether ``text`` has the name ``local`` in one of its forms: in Russian and Kazakh
    with a noun's case endings only ("Германии", "Қазақстанның"; "Германиы" is no form)."""
    from ..terms import contains_term
    from .names import country_source

    fam = re.split(r"[-_@.]", lang)[0]
    if fam in ("ru", "kk"):
        made = country_source(local, fam)
        return made is not None and _pattern(*made).search(text) is not None
    return contains_term(text, fam, (local,))


@lru_cache(maxsize=4096)
def _pattern(source: str, flags: int) -> re.Pattern[str]:
    return re.compile(source, flags)


_WORDS = re.compile(r"[\w'’]+(?:[-‐][\w'’]+)*")
_PARTS = re.compile(r"[\w'’]+")


def _allowed(length: int) -> int:
    return 0 if length < 4 else 1 if length < 6 else 2 if length < 10 else 3


def _near(
    text: str, form: str, in_compounds: bool = False, alone: bool = False, word: str = ""
) -> tuple[int, int] | None:
    """Where ``text`` holds a near miss of ``form`` (as many whole words, a few letters
    changed, the first kept), if it does; a name without a hyphen may be a part of a
    hyphenated word. ``in_compounds``, ``alone`` and ``word`` as for ``_near_hanzi``."""
    from rapidfuzz.distance import OSA

    from ..paragraphs import is_cjk

    target = fold(form)
    if any(is_cjk(ch) for ch in form):
        return _near_hanzi(text, form, in_compounds, alone, word)
    # a name without a hyphen is also a part of a hyphenated word: "Тигринья-Эритрея" for
    # "Tigrigna-Eritrean", "Альто-Парагвай" for "Alto Paraguay", "Нью-Джерси"
    splitter = _WORDS if re.search(r"[-‐]", form) else _PARTS
    size = len(splitter.findall(form))
    words = list(splitter.finditer(text))
    limit = _allowed(len(target))
    best = None
    for i in range(len(words) - size + 1):
        start, end = words[i].start(), words[i + size - 1].end()
        span = fold(text[start:end])
        if not span or span[0] != target[0] or span == target:
            continue
        if not in_compounds and _part_of_compound(text, start, end) and _ends_apart(span, target):
            continue  # "Нью-Мексико": the English name's sound in a compound, not "Мексика"
        distance = OSA.distance(span, target, score_cutoff=limit)
        if distance <= limit and (best is None or distance < best[0]):
            best = (distance, start, end)
    return best[1:] if best else None


_HYPHENS = frozenset("-‐")
_VOWELS = frozenset("аеиоуыэюяəaeiouy")


def _part_of_compound(text: str, start: int, end: int) -> bool:
    """Whether [start, end) of ``text`` is a part of a hyphenated word, not all of it."""
    return text[start - 1 : start] in _HYPHENS or text[end : end + 1] in _HYPHENS


def _ends_apart(written: str, known: str) -> bool:
    """Whether two folded spellings differ only in their final vowels ("мексико",
    "мексика"): a compound writes a name as its place's own language sounds it
    ("Нью-Мексико", New Mexico), where the country alone is "Мексика"."""
    common = len(os.path.commonprefix((written, known)))
    tails = written[common:] + known[common:]
    return common >= _MIN_STEM and bool(tails) and all(ch in _VOWELS for ch in tails)
