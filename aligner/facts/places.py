"""Known names and their translations: countries (ISO 3166) and currencies (ISO 4217),
from the gettext catalogs pycountry ships for many languages.

A translation of "Eritrea" is checked against what the ISO catalogs give for the target
language ("Эритрея"), so a garbled "Эрэея" is caught even where no other version says
better. Language names (ISO 639) are left out: their translations vary too much between
equally good catalogs ("малаялам" and "малайялам", "свати" and "свази"); so are names in
Chinese characters, whose transliterations differ by one character of the same sound
(玻利维亚 and 波利维亚) just as a misspelling would. Only the files are read (pycountry's JSON databases and its .mo catalogs), when
first needed, and kept: importing pycountry itself costs more than the whole lookup.
"""

from __future__ import annotations

import gettext
import json
import os
import re
from functools import lru_cache

# (gettext domain, JSON database, its key, fields holding English names)
_DATABASES = (("iso3166-1", "iso3166-1.json", "3166-1", ("name", "common_name", "official_name")),
              ("iso4217", "iso4217.json", "4217", ("name",)))
_MIN_LENGTH = 4  # shorter names ("Ao", "Lao") are not looked for in running text
_WORD = re.compile(r"\w+")


@lru_cache(maxsize=None)
def _root() -> str | None:
    import importlib.util

    spec = importlib.util.find_spec("pycountry")
    if spec is None or not spec.submodule_search_locations:
        return None
    return list(spec.submodule_search_locations)[0]


@lru_cache(maxsize=None)
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


@lru_cache(maxsize=None)
def _catalog(domain: str, lang: str) -> dict[str, str]:
    """msgid -> msgstr of ``domain`` in ``lang`` ("zh_CN", then "zh"); {} when missing."""
    root = _root()
    if root is None:
        return {}
    candidates = [lang, lang.replace("-", "_"), re.split(r"[-_@.]", lang)[0]]
    for candidate in dict.fromkeys(candidates):
        try:
            found = gettext.translation(domain, os.path.join(root, "locales"),
                                        languages=[candidate])
        except OSError:
            continue
        return {k: v for k, v in getattr(found, "_catalog", {}).items()
                if isinstance(k, str) and k and v}  # "Angola" is "Angola" in German too
    return {}


def translated(name: str, lang: str) -> str | None:
    """The ISO catalogs' translation of the English ``name`` in ``lang``, or None when the
    name is unknown or has no translation there."""
    domain = _english().get(name)
    for domain in [domain] if domain else [d for d, *_ in _DATABASES]:
        local = _catalog(domain, lang).get(name)
        if local:
            return local
    return None


@lru_cache(maxsize=None)
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
    if not any(ch.isupper() for ch in text):
        return []
    index = _by_first_word()
    found: list[tuple[int, int, str]] = []
    end = -1
    for word in _WORD.finditer(text):
        names = index.get(word.group())
        if names is None or word.start() < end:
            continue
        for name in names:
            stop = word.start() + len(name)
            if text.startswith(name, word.start()) and not (
                    stop < len(text) and (text[stop].isalnum() or text[stop] == "_")):
                found.append((word.start(), stop, name))
                end = stop
                break
    return found


def fold(text: str) -> str:
    """A name as compared: small letters, ё as е, one kind of apostrophe, hyphens and
    spaces alike ("Кот-д’Ивуар" and "Кот-д'Ивуар" are one spelling)."""
    return re.sub(r"[\s\-‐‑–—]+", " ", text.lower().replace("ё", "е")
                  .replace("’", "'").replace("ʼ", "'")).strip()


_MISSPELT = 80  # rapidfuzz ratio of a passage to the known name: a near miss, garbled


def misspelt_names(source: str, target: str, lang: str) -> list[tuple[int, int, str, str]]:
    """(start, end, English name, known translation) for every known name of ``source``
    (English) whose translation in ``lang`` is not in ``target`` while a near miss of it
    is ("Эрэея" where "Eritrea" is known as "Эритрея"). A translation with another name
    altogether, or none, is the translator's choice and is not reported."""
    found = []
    folded = fold(target)
    whole = source.strip()
    names = [whole] if _whole_name(whole, lang) else [name for _, _, name in english_names(source)]
    for name in names:
        local = translated(name, lang)
        if not local or len(local) < _MIN_LENGTH or fold(local) in folded \
                or _named(target, local, lang):
            continue
        near = _near(target, local)
        if near is not None:
            found.append((*near, name, local))
    return found


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


def _allowed(length: int) -> int:
    return 0 if length < 4 else 1 if length < 6 else 2 if length < 10 else 3


def _near(text: str, form: str) -> tuple[int, int] | None:
    """Where ``text`` holds a near miss of ``form`` (as many whole words, a few letters
    changed, the first kept), if it does."""
    from rapidfuzz.distance import OSA

    from ..paragraphs import is_cjk

    target = fold(form)
    if any(is_cjk(ch) for ch in form):
        return None  # transliterations differ by a character of the same sound
    size = len(_WORDS.findall(form))
    words = list(_WORDS.finditer(text))
    limit = _allowed(len(target))
    best = None
    for i in range(len(words) - size + 1):
        start, end = words[i].start(), words[i + size - 1].end()
        span = fold(text[start:end])
        if not span or span[0] != target[0] or span == target:
            continue
        distance = OSA.distance(span, target, score_cutoff=limit)
        if distance <= limit and (best is None or distance < best[0]):
            best = (distance, start, end)
    return best[1:] if best else None
