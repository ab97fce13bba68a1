"""Countries an English text names by a word made from the name, not the name itself:
an adjective or demonym ("Georgian", "Belgian"), a word the name begins or that begins
with it ("Tunis", "Italics"), a language word ("Swedish", "Greek"). Translations render
such words with the country's name (Грузия; 意大利体, 瑞典语), so the name is checked
there (``aligner.facts.places``). The ISO files are read as ``places`` reads them.
"""

from __future__ import annotations

import json
import os
import re
from functools import cache

from .places import _catalog, _english, _hanzi, _plain, country_records, english_names, package_root

_CAPITALISED = re.compile(r"(?<!\w)[A-Z][a-z]{3,}")
_DEMONYM_ENDINGS = frozenset(("n", "an", "ian", "ese", "i", "ic", "ish"))


def countries_of_adjectives(source: str, spans: list[tuple[int, int, str]]) -> list[str]:
    """Countries named by an English adjective or demonym that is the name with an ending
    ("Georgian", "Eritrean", "Italian", "Vietnamese"), which translations often render with the
    country's name ("Грузия")."""
    out = []
    for match in _CAPITALISED.finditer(source):
        if any(start <= match.start() < end for start, end, _ in spans):
            continue
        word = match.group().lower()
        irregular = _IRREGULAR_DEMONYMS.get(match.group())
        if irregular is not None and irregular not in out:
            out.append(irregular)
        for name in _by_prefix().get(word[:4], ()):
            joined = name.replace(" ", "").lower()
            if name not in out and any(
                word.startswith(stem) and word[len(stem) :] in _DEMONYM_ENDINGS
                for stem in _demonym_stems(joined)
            ):
                out.append(name)
    return out


# English adjectives of countries not made by an ending on the name ("Danish" of Denmark,
# "Swiss", "Cypriot"), or made on a name the ISO files do not hold ("Russian": the
# Russian Federation): what English writes, a closed list
_IRREGULAR_DEMONYMS = {
    "Afghan": "Afghanistan",
    "Argentine": "Argentina",
    "Burmese": "Myanmar",
    "Cypriot": "Cyprus",
    "Czech": "Czechia",
    "Danish": "Denmark",
    "Dutch": "Netherlands",
    "Filipino": "Philippines",
    "Finnish": "Finland",
    "French": "France",
    "German": "Germany",
    "Ghanaian": "Ghana",
    "Greek": "Greece",
    "Irish": "Ireland",
    "Kazakh": "Kazakhstan",
    "Kyrgyz": "Kyrgyzstan",
    "Malagasy": "Madagascar",
    "Norwegian": "Norway",
    "Peruvian": "Peru",
    "Philippine": "Philippines",
    "Polish": "Poland",
    "Portuguese": "Portugal",
    "Russian": "Russian Federation",
    "Saudi": "Saudi Arabia",
    "Slovak": "Slovakia",
    "Spanish": "Spain",
    "Swedish": "Sweden",
    "Swiss": "Switzerland",
    "Tajik": "Tajikistan",
    "Thai": "Thailand",
    "Turkish": "Türkiye",
    "Turkmen": "Turkmenistan",
    "Uzbek": "Uzbekistan",
}


def _demonym_stems(joined: str) -> tuple[str, ...]:
    """What a country's adjective keeps of its name before the ending: the whole name, the
    name less a final vowel (Ital(y)ian, Canad(a)ian), or less a Latin ending of two letters
    where five letters stay (Belgi(um)an, Mauriti(us)an, Leban(on)ese)."""
    stems = [joined]
    if joined[-1] in "aeoy":
        stems.append(joined[:-1])
    if len(joined) >= 7:
        stems.append(joined[:-2])
    return tuple(stems)


def countries_of_stems(source: str) -> dict[str, str]:
    """Countries a capitalised word of the English text is named after, as a word the name
    begins ("Thai-Lao", "Tunis", "Nei Mongol") or one that begins with the name, less a final
    vowel ("Italics", "Syriac", "German", "Palauli"): in Chinese such a word is written with
    the country's characters (泰国-老挝, 意大利体, 叙利亚文). Words of a known name are its
    own ("Nigeria" is not "Niger" + a). By name, the word."""
    spans = english_names(source)
    out: dict[str, str] = {}
    for match in _CAPITALISED.finditer(source):
        if any(start <= match.start() < end for start, end, _ in spans):
            continue
        word = _plain(match.group().lower())
        for name in _by_prefix().get(word[:4], ()):
            joined = _plain(name.replace(" ", "").lower())
            stem = joined[:-1] if joined[-1] in "aeoy" else joined
            begun = joined.startswith(word) and " " not in name  # not "South" for South Africa
            demonym = any(
                word.startswith(stem) and word[len(stem) :] in _DEMONYM_ENDINGS
                for stem in _demonym_stems(joined)
            )
            if (begun or demonym or word.startswith(stem)) and name not in out:
                out[name] = match.group()
    return out


def countries_of_languages(source: str, lang: str) -> list[str]:
    """Countries a capitalised word of the English text names as a language word does
    (``_language_words``: "Swedish", "Greek", "Portuguese")."""
    words = _language_words(lang)
    out: list[str] = []
    for match in _CAPITALISED.finditer(source):
        name = words.get(match.group())
        if name is not None and name not in out:
            out.append(name)
    return out


_MIN_SHARED_START = 3  # letters a language word and its country's name begin with alike


@cache
def _language_words(lang: str) -> dict[str, str]:
    """Words of English language names (ISO 639-3) -> the one country they name in ``lang``:
    most of the languages named with the word are written there with the country's name
    (瑞典语, 芬兰-瑞典手语 for "Swedish"; 现代希腊语, 古典希腊语 for "Greek"), and the word
    begins as the country's name does ("Swed", "Gre"). Either alone is an accident: the
    ISO catalog writes "Aja" 阿贾语（苏丹）and "Modern" 现代希腊语, and "Tongo" begins as
    Tonga. Only where a language's name holds its country's (Chinese); in Russian
    "шведский" is no "Швеция"."""
    catalog = _catalog("iso639-3", lang)
    countries = _catalog("iso3166-1", lang)
    if not catalog or not countries:
        return {}
    # English country names of one word ("Saint", "Costa" and "Hong" name no country
    # alone) by their first letters -> (name, translation)
    local: dict[str, list[tuple[str, str]]] = {}
    for record in country_records():
        for field in ("name", "common_name"):
            name = record.get(field)
            if name and name.isalpha() and countries.get(name) and _hanzi(countries[name]):
                start = _plain(name.lower())[:_MIN_SHARED_START]
                local.setdefault(start, []).append((name, countries[name]))
    rendered: dict[str, list[str]] = {}  # word -> translations of the languages it names
    for record in _language_records():
        translation = catalog.get(record["name"])
        if translation:
            for word in set(_CAPITALISED.findall(record["name"])):
                rendered.setdefault(word, []).append(translation)
    found: dict[str, str] = {}
    for word, translations in rendered.items():
        start = _plain(word.lower())[:_MIN_SHARED_START]
        named = [
            name
            for name, written in local.get(start, ())
            if 2 * sum(written in each for each in translations) > len(translations)
        ]
        if len(named) == 1:
            found[word] = named[0]
    return found


@cache
def _language_records() -> tuple[dict, ...]:
    root = package_root()
    if root is None:
        return ()
    try:
        with open(os.path.join(root, "databases", "iso639-3.json"), encoding="utf-8") as file:
            return tuple(json.load(file)["639-3"])
    except (OSError, ValueError, KeyError):
        return ()


@cache
def _by_prefix() -> dict[str, tuple[str, ...]]:
    """Country names (one or two words, no commas) by their first four letters."""
    index: dict[str, list[str]] = {}
    for name, domain in _english().items():
        if domain == "iso3166-1" and len(name.split()) <= 2 and name.isascii():
            index.setdefault(name.replace(" ", "").lower()[:4], []).append(name)
    return {key: tuple(names) for key, names in index.items()}
