"""Names: glossary entries, country names and capitalised-word candidates.

- Glossary entries are found with ``aligner.terms`` patterns (the same inflection-tolerant
  matching as ``find_term``); value: the entry's key (``glossary_key``), its preferred form in
  the glossary's first language column that has one.
- Countries come from pycountry's ISO 3166 names and its gettext translations (ru, kk, zh_CN
  all have them); value: the alpha-2 code ("KZ"). Matching starts only at a capitalised word
  in en/ru/kk, so "china" (porcelain) is no country.
- Capitalised words that do not begin a sentence (en/ru/kk) and acronyms: weak candidates with
  value "cap:" + an ASCII transliteration in lower case (anyascii), so "Tokayev", "Токаев" and
  "Тоқаев" give "cap:tokayev", "cap:tokaev", "cap:toqaev", close under fuzzy matching.
"""

from __future__ import annotations

import gettext
import os
import re
import threading
from bisect import bisect_right
from functools import cache, cached_property, lru_cache

from ..glossary import Glossary, GlossaryEntry
from ..paragraphs import is_cjk
from ..terms import CJK_SEPARATOR, term_source
from .numbers import KK_CASE_ENDINGS
from .text import CYRILLIC_UPPER, trie_regex

_WORD = re.compile(r"\w+")
_PREFIX = 3
_EN_NOT_NAMES = frozenset(
    "Mr Mrs Ms Dr St January February March April May June July August September October "
    "November December Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
)
_COUNTRY_ALIASES = {
    "en": {
        "RU": ("Russia",),
        "US": ("USA", "United States of America"),
        "GB": ("Britain", "Great Britain", "UK"),
        "CZ": ("Czech Republic",),
        "TR": ("Turkey",),
    },
    "ru": {"RU": ("Россия",), "US": ("США",), "GB": ("Великобритания",), "KG": ("Кыргызстан",)},
    "kk": {"RU": ("Ресей Федерациясы",)},
}
_COUNTRY_EXCLUDED = frozenset({"Chad", "Jordan", "Georgia", "Jersey", "Guernsey", "Того"})
_LOCALES = {"ru": "ru", "kk": "kk", "zh": "zh_CN"}


def glossary_key(entry: GlossaryEntry, glossary: Glossary) -> str:
    """The stable key of a glossary entry: its preferred form in the first column it has."""
    for lang in glossary.languages:
        form = entry.preferred(lang)
        if form:
            return form
    return str(entry.line)


_BOUNDARY_BEFORE, _BOUNDARY_AFTER, _BETWEEN = r"(?<!\w)", r"(?!\w)", r"[\W_]+"


def _word_patterns(source: str) -> list[str] | None:
    """The per-word pieces of a ``term_source``-shaped pattern: "(?<!\\w)" + word
    patterns joined by "[\\W_]+" + "(?!\\w)"; None for any other shape."""
    if not (source.startswith(_BOUNDARY_BEFORE) and source.endswith(_BOUNDARY_AFTER)):
        return None
    return source[len(_BOUNDARY_BEFORE) : -len(_BOUNDARY_AFTER)].split(_BETWEEN)


class FormIndex:
    """Forms of names in one language, for cheap matching at a word.

    Forms written in words are filed under the beginning that every inflected form of their
    first word keeps (``word_key``: the word less at most two final letters); all the forms
    under one key become one regex, a trie over their words, so that at a word one match
    finds the longest form there ("Republic of" is read once, then "Kazakhstan" or "Korea").
    Chinese forms form one trie of characters. ``capital``: a match must begin with a capital
    letter (country names in en/ru/kk).

    ``spell`` (``country_spellings``) tells every spelling each word's pattern accepts. When
    every form has them (Russian and Kazakh country names), the tries are walked word by
    word with set lookups instead of being compiled: a Kazakh name carries 56 case endings
    after every word, and compiling its regex costs about 0.7 ms, more than a catalog uses it.

    The tries are built when a text first has a word that may begin a form: the word pass
    needs only the keys, and most texts name no country.
    """

    def __init__(
        self,
        forms: list[tuple[str, str]],
        lang: str,
        make_source=term_source,
        capital: bool = False,
        spell=None,
    ):
        self.capital = capital
        self.values: list[str] = []
        self.cjk: dict[str, str] = {}  # Chinese form without separators -> value
        self._make = (make_source, spell, lang)
        self._forms: list[tuple[str, str]] = []  # the forms in words, for the tries
        self._keys: set[str] | None = set() if make_source in _KNOWN_SOURCES else None
        for form, value in forms:
            stripped = form.strip()
            if stripped and max(stripped) >= _FIRST_CJK and any(is_cjk(ch) for ch in stripped):
                if make_source(form, lang) is not None:
                    self.cjk.setdefault(_CJK_SEPARATORS.sub("", stripped), value)
                continue
            self._forms.append((form, value))
            if self._keys is not None:
                # these sources give a pattern exactly for the forms that have a word
                words = _WORD.findall(stripped)
                if words:
                    self._keys.add(word_key(words[0]))
        self._built = False
        self.compiled: dict[str, tuple] = {}  # key -> ``_compile``'s answer
        self.walks: dict[str, dict] = {}  # key -> its trie as word lookups (with spellings)
        self._compiling = threading.Lock()  # checks may run in worker threads
        self._building = threading.Lock()

    def _build(self) -> None:
        """The tries of the forms in words (see the class), their flags and spellings."""
        with self._building:
            if self._built:
                return
            make_source, spell, lang = self._make
            self._tries: dict[str, dict] = {}
            self._flags = 0
            # piece -> (stem, endings, optional) of the words it matches; None: some piece
            # has none (the regexes are used)
            self._spellings: dict[str, Shape] | None = {} if spell is not None else None
            for form, value in self._forms:
                self._add(form, value, make_source, spell, lang)
            if self._flags:
                self._spellings = None  # case-insensitive: set lookups would not match the same
            self._built = True

    @property
    def tries(self) -> dict[str, dict]:
        """First-word key -> trie of the forms' word patterns (a form's value under "")."""
        if not self._built:
            self._build()
        return self._tries

    @property
    def flags(self) -> int:
        if not self._built:
            self._build()
        return self._flags

    @property
    def spellings(self) -> dict[str, Shape] | None:
        if not self._built:
            self._build()
        return self._spellings

    def _add(self, form: str, value: str, make_source, spell, lang: str) -> None:
        made = make_source(form, lang)
        if made is not None:
            source, flags = made
            form = form.strip()
            pieces = _word_patterns(source)
            if not pieces:
                return
            self._flags |= int(flags) & _IGNORECASE  # ints: RegexFlag's operators are slow
            if self._spellings is not None:
                self._spell(pieces, spell(form, lang))
            node = self._tries.setdefault(word_key(_WORD.findall(form)[0]), {})
            for piece in pieces:
                node = node.setdefault(piece, {})
            node.setdefault("", value)  # the first entry with a form wins

    def _spell(self, pieces: list[str], shapes: list[Shape] | None) -> None:
        """File the spellings of a form's pieces, or give them up for the whole index
        (a form without them, or a spelling that is not all letters and digits: the walk
        relies on a piece matching exactly a whole run of letters and digits)."""
        if shapes is None or len(shapes) != len(pieces):
            self._spellings = None
            return
        for piece, shape in zip(pieces, shapes):
            stem, endings, optional = shape
            if not (stem or endings) or not _ALNUM.fullmatch(stem) or not _alnum(endings):
                self._spellings = None
                return
            if self._spellings.setdefault(piece, shape) != shape:
                self._spellings = None
                return

    @cached_property
    def scan(self) -> re.Pattern[str] | None:
        """Where any form written in words may begin (compiled on first use: the word pass
        of ``aligner.facts.scan`` finds those places without it)."""
        return (
            re.compile(r"(?<!\w)(?:" + trie_regex(self.tries) + ")", re.IGNORECASE)
            if self.tries
            else None
        )

    @cached_property
    def cjk_scan(self) -> re.Pattern[str] | None:
        """Chinese forms: one trie of the forms' characters, so that leftmost-longest
        matching is one pass. It is matched against the text with its separators taken
        out ("·" in 卡瑟姆若马尔特·托卡耶夫 is optional, as in find_term): a trie of plain
        characters compiles in a tenth of the time of one with optional separators
        between every two characters (0.03 s against 0.3 s for the country names)."""
        return re.compile(trie_regex(self.cjk)) if self.cjk else None

    def word_keys(self) -> set[str]:
        """The lower-case first-word keys of the forms written in words."""
        return set(self._keys) if self._keys is not None else set(self.tries)

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """Non-overlapping (start, end, value), earliest first and longest at a start."""
        found: list[tuple[int, int, str]] = []
        if self.cjk:
            found = self._find_cjk(text)
        if self.scan is not None:
            starts = [
                (m.start(), (m.group().lower(),))
                for m in self.scan.finditer(text)
                if not self.capital or text[m.start()].isupper()
            ]
            if starts:
                words = self.find_at(text, starts)
                found = _merge(found, words) if found else words
        return found

    def _find_cjk(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, value) of the Chinese forms in ``text``, separators allowed
        between their characters: matched in the text without separators, the spans then
        mapped back (a separator is never part of a form, so the matches are the same)."""
        scan, cjk = self.cjk_scan, self.cjk
        if _CJK_SEPARATORS.search(text) is None:
            return [(m.start(), m.end(), cjk[m.group()]) for m in scan.finditer(text)]
        matches = list(scan.finditer(_CJK_SEPARATORS.sub("", text)))
        if not matches:
            return []
        plain_starts, starts = [], []  # each run of non-separators: where it starts in both
        at = 0
        for run in _CJK_RUNS.finditer(text):
            plain_starts.append(at)
            starts.append(run.start())
            at += run.end() - run.start()

        def original(offset: int) -> int:
            k = bisect_right(plain_starts, offset) - 1
            return starts[k] + offset - plain_starts[k]

        return [(original(m.start()), original(m.end() - 1) + 1, cjk[m.group()]) for m in matches]

    def find_at(
        self, text: str, starts: list[tuple[int, tuple[str, ...]]]
    ) -> list[tuple[int, int, str]]:
        """Like ``find``, trying only the given (offset, index keys) places, in text order."""
        if self.spellings is not None:
            return self._walk_at(text, starts)
        found: list[tuple[int, int, str]] = []
        last_end = -1
        for offset, keys in starts:
            if offset < last_end:
                continue
            best = None
            for key in keys:
                compiled = self.compiled.get(key)
                if compiled is None:
                    compiled = self._compile(key)
                if compiled is _NOT_A_KEY:
                    continue
                hit = compiled[0](text, offset)
                if hit is not None:
                    end = hit.end()
                    if best is None or end > best[1]:
                        best = (offset, end, compiled[1][hit.lastindex])
            if best is not None:
                found.append(best)
                last_end = best[1]
        return found

    def _walk_at(
        self, text: str, starts: list[tuple[int, tuple[str, ...]]]
    ) -> list[tuple[int, int, str]]:
        """``find_at`` by word lookups: what the key's regex would match, found without it.

        Each piece matches a set of spellings made of letters and digits only, and is
        followed by "[\\W_]+" or "(?!\\w)": so it can match only a whole run of letters and
        digits (``_ALNUM``), and the separator before the next word only a whole run of
        the rest. The regex's backtracking then reduces to trying, in the trie's order, the
        pieces whose spellings hold the word there: longer forms first, as ``_branches``
        orders them."""
        found: list[tuple[int, int, str]] = []
        last_end = -1
        for offset, keys in starts:
            if offset < last_end or _WORD_BEFORE.match(text, offset) is None:
                continue
            best = None
            for key in keys:
                walk = self.walks.get(key)
                if walk is None:
                    walk = self._walk_table(key)
                hit = _walk(walk, text, offset)
                if hit is not None and (best is None or hit[0] > best[1]):
                    best = (offset, *hit)
            if best is not None:
                found.append(best)
                last_end = best[1]
        return found

    def _walk_table(self, key: str) -> dict:
        with self._compiling:
            walk = self.walks.get(key)
            if walk is None:  # another index's key: nothing to find
                node = self.tries.get(key)
                walk = self.walks[key] = self._lookups(node) if node is not None else {}
        return walk

    def _lookups(self, node: dict) -> dict[str, tuple]:
        """The trie below ``node`` as word -> ((the trie after it or None, value or None),
        ...) in the trie's order."""
        table: dict[str, list] = {}
        for piece, child in node.items():
            if piece == "":
                continue
            rest = self._lookups(child) if len(child) > 1 or "" not in child else None
            option = (rest, child.get(""))
            stem, endings, optional = self.spellings[piece]
            words = [stem + ending for ending in endings]
            if optional or not endings:
                words.append(stem)
            for word in dict.fromkeys(words):
                table.setdefault(word, []).append(option)
        return {word: tuple(options) for word, options in table.items()}

    def _compile(self, key: str) -> tuple:
        """The key's (match method, value by group number: each form's group is the last
        one its match sets), or ``_NOT_A_KEY``."""
        with self._compiling:
            compiled = self.compiled.get(key)
            if compiled is None:
                if key not in self.tries:
                    compiled = _NOT_A_KEY  # another index's key (the word pass shares them)
                else:
                    source = _BOUNDARY_BEFORE + self._branches(self.tries[key])
                    pattern = re.compile(source, self.flags)
                    values = [""] * (pattern.groups + 1)
                    for name, number in pattern.groupindex.items():
                        values[number] = self.values[int(name[1:])]
                    compiled = (pattern.match, values)
                self.compiled[key] = compiled
        return compiled

    def _branches(self, node: dict) -> str:
        """The trie below ``node``: its words in turn, longer forms tried first; each form
        ends in an empty group "v<n>" that names its value."""
        branches = []
        for piece, child in node.items():
            if piece == "":
                continue
            rest = self._branches(child) if len(child) > 1 or "" not in child else ""
            end = ""
            if "" in child:
                self.values.append(child[""])
                end = f"{_BOUNDARY_AFTER}(?P<v{len(self.values) - 1}>)"
            if rest and end:
                branches.append(f"{piece}(?:{_BETWEEN}{rest}|{end})")
            elif rest:
                branches.append(f"{piece}{_BETWEEN}{rest}")
            else:
                branches.append(piece + end)
        return "(?:" + "|".join(branches) + ")"


_NOT_A_KEY = ("not a key of this index",)
_IGNORECASE = int(re.IGNORECASE)
_FIRST_CJK = "\u2e80"  # no character below it is CJK (``is_cjk``)
_ALNUM = re.compile(r"[^\W_]*")  # letters and digits: what \w matches but "_"
Shape = tuple[str, tuple[str, ...], bool]  # a word's stem, its endings, whether optional


@lru_cache(maxsize=64)
def _alnum(endings: tuple[str, ...]) -> bool:
    """Whether every ending is a non-empty run of letters and digits."""
    return all(ending and _ALNUM.fullmatch(ending) for ending in endings)


_SEPARATOR = re.compile(_BETWEEN)
_WORD_BEFORE = re.compile(_BOUNDARY_BEFORE)
_WORD_AFTER = re.compile(_BOUNDARY_AFTER)


def _walk(table: dict, text: str, at: int) -> tuple[int, str] | None:
    """(end, value) of the first form of a ``FormIndex._lookups`` table matching at
    ``at``, in the order its regex would try them, or None."""
    end = _ALNUM.match(text, at).end()
    options = table.get(text[at:end])
    if options is None:
        return None
    for rest, value in options:
        if rest is not None:
            gap = _SEPARATOR.match(text, end)
            if gap is not None:
                hit = _walk(rest, text, gap.end())
                if hit is not None:
                    return hit
        if value is not None and _WORD_AFTER.match(text, end) is not None:
            return end, value
    return None


_CJK_SEPARATORS = re.compile(CJK_SEPARATOR + "+")
_CJK_RUNS = re.compile("[^" + CJK_SEPARATOR[1:] + "+")  # the runs between separators


def _merge(first: list, second: list) -> list:
    """Two lists of non-overlapping spans merged, the first list winning overlaps."""
    out = list(first)
    for item in second:
        if not any(item[0] < e and s < item[1] for s, e, _ in first):
            out.append(item)
    out.sort()
    return out


def word_key(word: str) -> str:
    """The lower-case beginning every form of ``word`` keeps: all but its last two letters,
    at least three (term and country patterns change at most the last two letters)."""
    return word[: max(_PREFIX, len(word) - 2)].lower()


_GLOSSARY_CACHE: dict[tuple[int, str], FormIndex | None] = {}


def glossary_index(glossary: Glossary, lang: str) -> FormIndex | None:
    """The (cached) index of the glossary's forms in ``lang`` (or its base language)."""
    key = (glossary.fingerprint, lang)
    if key in _GLOSSARY_CACHE:
        return _GLOSSARY_CACHE[key]
    column = (
        lang
        if lang in glossary.languages
        else next((l for l in glossary.languages if l.split("-")[0] == lang.split("-")[0]), None)
    )
    index = None
    if column is not None:
        forms = [
            (form, glossary_key(entry, glossary))
            for entry in glossary.entries
            for form in entry.forms.get(column, ())
        ]
        index = FormIndex(forms, lang)
    if len(_GLOSSARY_CACHE) > 16:
        _GLOSSARY_CACHE.clear()
    _GLOSSARY_CACHE[key] = index
    return index


@cache
def country_index(fam: str) -> FormIndex | None:
    """Country names in ``fam`` (en, ru, kk, zh) from pycountry's files, with a few common
    aliases."""
    forms = country_forms(fam)
    if forms is None:
        return None
    return FormIndex(forms, fam, country_source, capital=fam != "zh", spell=country_spellings)


def country_forms(fam: str) -> list[tuple[str, str]] | None:
    """(name, alpha-2 code) of every country name ``country_index`` looks for in ``fam``."""
    from .places import country_records  # pycountry's database, without importing it

    if fam != "en" and fam not in _LOCALES:
        return None
    translate = _translator(fam)
    forms = []
    for country in country_records():
        names = {country["name"], country.get("common_name"), country.get("official_name")}
        for name in names:
            if not name:
                continue
            local = translate(name)
            if fam != "en" and local == name:
                continue
            if "," in local or "(" in local or local in _COUNTRY_EXCLUDED:
                continue
            forms.append((local, country["alpha_2"]))
    for code, aliases in _COUNTRY_ALIASES.get(fam, {}).items():
        forms.extend((alias, code) for alias in aliases)
    return forms


_KK_ENDINGS = tuple(sorted(KK_CASE_ENDINGS, key=len, reverse=True))
_RU_ADJECTIVE = re.compile(r"(?:ая|яя|ий|ый|ой|ое|ее|ые|ие)$")


def country_source(form: str, lang: str) -> tuple[str, int] | None:
    """Like ``term_source``, but Russian and Kazakh names take only the case endings of a
    noun: "Казахстана", "Қазақстанның" are Kazakhstan; the adjectives "Казахстанская",
    "қазақстандық" and look-alikes such as "Кубок" (for "Куба") are not."""
    if lang not in ("ru", "kk") or _CYRILLIC_CAPITALS.isdisjoint(form):
        return term_source(form, lang)
    words = _WORD.findall(form)
    if not words:
        return None
    parts = []
    for stem, endings, optional in _noun_words(words, lang):
        part = re.escape(stem)
        if endings:
            part += "(?:" + "|".join(endings) + ")" + ("?" if optional else "")
        parts.append(part)
    return _BOUNDARY_BEFORE + _BETWEEN.join(parts) + _BOUNDARY_AFTER, 0


# sources whose pattern exists exactly for the forms with a \w+ word (``FormIndex`` files
# those under their keys without building the patterns)
_KNOWN_SOURCES = (term_source, country_source)


def country_spellings(form: str, lang: str) -> list[Shape] | None:
    """The spellings each word of ``form`` may take in ``country_source``'s pattern, as
    (stem, endings, whether the ending may be left out), or None where that pattern is
    ``term_source``'s."""
    if lang not in ("ru", "kk") or _CYRILLIC_CAPITALS.isdisjoint(form):
        return None
    words = _WORD.findall(form)
    if not words:
        return None
    return _noun_words(words, lang)


# the characters of the class [CYRILLIC_UPPER] (a set: the class, of characters beyond
# Latin-1, took re 7 ms to compile at every start)
_CYRILLIC_CAPITALS = frozenset(
    map(chr, range(ord(CYRILLIC_UPPER[0]), ord(CYRILLIC_UPPER[2]) + 1))
) | frozenset(CYRILLIC_UPPER[3:])


def _noun_words(words: list[str], lang: str) -> list[Shape]:
    """(stem, its endings, whether the ending may be left out) for each word of a name."""
    if lang == "kk":
        return [(word, _KK_ENDINGS, True) for word in words]
    return [_ru_word(word) for word in words]


def _ru_word(word: str) -> Shape:
    if _RU_ADJECTIVE.search(word):
        return word[:-2], _RU_ADJECTIVE_ENDINGS, False
    if word.endswith("ия"):
        return word[:-2], ("ия", "ии", "ию", "ией"), False
    if word[-1] == "а":
        return word[:-1], ("а", "ы", "и", "е", "у", "ю", "ой", "ей"), False
    if word[-1] == "я":  # a soft stem takes none of the hard endings: "Эритреы" is no form
        return word[:-1], ("я", "и", "е", "ю", "ей"), False
    if word[-1] == "й":
        return word[:-1], ("й", "я", "ю", "е", "ем"), False
    if word[-1] == "ь":
        return word[:-1], ("ь", "и", "ью", "я", "ю", "е", "ем"), False
    if word[-1] in "ыи" and len(word) > 4:  # plural: "Штаты", "Эмираты", "Соединённые"
        return word[:-1], ("ы", "и", "ов", "ей", "ам", "ям", "ами", "ями", "ах", "ях"), False
    if word[-1] in "оеиую":
        return word, (), False
    return word, ("а", "у", "е", "ом", "ы", "ов", "ах", "ам", "ами"), True


_RU_ADJECTIVE_ENDINGS = tuple(
    "ая яя ий ый ой ое ее ые ие ого его ому ему ым им ом ем ую юю ых их ыми ими ей".split()
)


def _translator(fam: str):
    if fam == "en":
        return lambda name: name
    from .places import package_root

    root = package_root()
    if root is None:
        return lambda name: name
    directory = os.path.join(root, "locales")
    try:
        catalog = gettext.translation("iso3166-1", directory, languages=[_LOCALES[fam]])
    except OSError:
        return lambda name: name
    return catalog.gettext


def is_capital_candidate(word: str, after: str, fam: str) -> bool:
    """Whether a word is a capitalised word or acronym that may be a name (not one
    letter, not glued to digits as in "CO2", not a month or title); its value is
    ``capital_value``'s, worked out only for the candidates that become facts."""
    if len(word) < 2 or not word[0].isupper() or after.isdigit():
        return False
    return not (fam == "en" and word in _EN_NOT_NAMES)


def capital_value(word: str) -> str:
    """The name-candidate value of a capitalised word or acronym ("cap:tokayev")."""
    return "cap:" + transliterate(word)


@lru_cache(maxsize=65536)
def transliterate(word: str) -> str:
    """Lower-case ASCII transliteration ("Тоқаев" -> "toqaev")."""
    from anyascii import anyascii

    return anyascii(word).lower()


def country_name(code: str, lang: str) -> str | None:
    """The short name of the country with alpha-2 ``code`` in ``lang`` (en, ru, kk, zh)."""
    import pycountry

    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        return None
    name = getattr(country, "common_name", None) or country.name
    fam = lang.split("-")[0]
    return _translator(fam)(name) if fam in _LOCALES else name
