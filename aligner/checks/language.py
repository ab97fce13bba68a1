"""``language``: a paragraph not in its column's language, or an untranslated copy of another.

langdetect costs about a millisecond a call, too slow for tens of thousands of paragraphs, so
the Unicode script decides first: Han, Cyrillic or Latin letters tell zh from ru/kk from en,
and Kazakh-only letters (ә ғ қ ң ө ұ ү һ і) tell Kazakh from Russian. langdetect (seeded) is
asked only when the script cannot decide (two Latin languages) and the text is long enough.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import cache, lru_cache

from ..flags import Flag
from ..langid import (
    ADJECTIVE_ENDING,
    KAZAKH_LETTERS,
    detect,
    is_kazakh_not_russian,
    is_russian_not_kazakh,
    russian_evidence,
)
from .base import Check, Document, Unit, register

_SAMPLE = 400
_MIN_LETTERS = 20  # below this a paragraph (a name, "5G") says nothing about language
_LANGDETECT_MIN = 80  # characters before langdetect is asked
_FOREIGN_SHARE = 0.5  # share of other-script letters that makes a paragraph foreign
_NEAR_COPY = 92  # rapidfuzz ratio above which two paragraphs are one text
_LATIN, _CYRILLIC, _HAN = (
    r"A-Za-z\u00c0-\u024f",
    r"\u0400-\u04ff",
    r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3040-\u30ff",
)
# the scripts' letters (disjoint classes), in the order ``dominant_script`` breaks ties in,
# and the first character of each class: a text whose largest character is below it has none
_SCRIPT_CLASSES = {"han": _HAN, "cyrillic": _CYRILLIC, "latin": _LATIN}
_SCRIPT_FROM = {"han": "\u3040", "cyrillic": "\u0400", "latin": "A"}


@cache
def _script_letter(script: str) -> re.Pattern[str]:
    """One letter of ``script``, compiled at first use: the Han class (28,000 code points)
    costs ~5 ms to compile, which a catalog without Chinese or Japanese text never needs."""
    return re.compile(f"[{_SCRIPT_CLASSES[script]}]")


def _letters_of(script: str, text: str) -> int:
    """How many letters of ``script`` ``text`` holds."""
    if not text or max(text) < _SCRIPT_FROM[script]:
        return 0
    return len(_script_letter(script).findall(text))


def _has_letter_of(script: str, text: str) -> bool:
    if not text or max(text) < _SCRIPT_FROM[script]:
        return False
    return _script_letter(script).search(text) is not None


def _foreign_letters(script: str, text: str) -> int:
    """How many letters of the other scripts ``text`` holds."""
    return sum(_letters_of(other, text) for other in _SCRIPT_CLASSES if other != script)


_LETTER = re.compile(r"[^\W\d_]")
# what every version writes the same way, so a copy of it alone is no untranslated text:
# manual references ("passwd(5)"), options ("--repository"), metavariables and constants
# ("MAX_DAYS"), identifiers with digits or underscores, URLs and paths
_VERBATIM = re.compile(
    r"[\w.-]+\(\d\w*\)|(?<![\w-])--?[\w][\w-]*|\b[A-Z][A-Z0-9_]+\b|\b\w*[\d_]\w*\b"
    r"|\w+://\S+|(?<![\w.])[~.]?/[\w./-]+"
)
_KAZAKH = re.compile("[" + "".join(sorted(KAZAKH_LETTERS)) + "]")
_SCRIPT_OF = {
    "zh": "han",
    "ja": "han",
    "ru": "cyrillic",
    "kk": "cyrillic",
    "uk": "cyrillic",
    "be": "cyrillic",
    "bg": "cyrillic",
    "sr": "cyrillic",
    "mk": "cyrillic",
    "ky": "cyrillic",
    "mn": "cyrillic",
    "tt": "cyrillic",
}
_ENGLISH_WORDS = frozenset(  # a word list reads better as text
    "the of and to in a is that for on with as by are be this it from at or an was not which "  # noqa: SIM905
    "have has will their its all can been more other into these".split()
)


@cache
def script_of(lang: str) -> str | None:
    """The script a language is written in (None when we do not know it)."""
    if lang in _SCRIPT_OF:
        return _SCRIPT_OF[lang]
    return "latin" if re.fullmatch(r"[a-z]{2,3}", lang) else None


def dominant_script(text: str) -> tuple[str | None, int]:
    """The script most letters of ``text`` are in, and how many letters there are."""
    counts = {name: _letters_of(name, text) for name in _SCRIPT_CLASSES}
    total = sum(counts.values())
    if not total:
        return None, 0
    return max(counts, key=counts.get), total


def looks_like(text: str, expected: str) -> str | None:
    """The language ``text`` seems to be in when that is not ``expected``; else None.

    Cheap tests first: letters of another script are rare in a right paragraph, so counting
    them costs little; only a paragraph that fails a cheap test is looked at closely.
    """
    sample = text[:_SAMPLE]
    script = script_of(expected)
    if script is not None:
        foreign = _foreign_letters(script, sample)
        if foreign >= _MIN_LETTERS:
            letters = len(_LETTER.findall(sample))
            if foreign > _FOREIGN_SHARE * letters:
                found, _ = dominant_script(sample)
                guess = _guess(sample, found)
                return guess if guess != expected else None
    if script == "han":
        return None
    if script == "cyrillic":
        if expected == "kk" and _KAZAKH.search(sample):
            return None  # a Kazakh letter: the usual case, no counting needed
        if expected == "ru" and len(_KAZAKH.findall(sample)) < 2:
            return None
        return _kazakh_or_russian(sample, expected)
    if len(sample) < _LANGDETECT_MIN:
        return None
    if expected == "en" and _english_share(sample) >= 0.12:
        return None
    if len(_LETTER.findall(sample)) < _MIN_LETTERS:
        return None
    detection = detect(sample)
    if detection and detection.lang != expected and detection.confidence >= 0.9:
        return detection.lang
    return None


_TECHNICAL = re.compile(r"[!-~]*[_/\\=@<>{}\[\]|$%][!-~]*|(?<!\w)--?\w[\w-]*|\w+\(\)")
_TOKEN = re.compile(r"[\w.-]+")
# a token of a message as msgid may have it: Latin letters, digits and the signs between
# them, so that Chinese, which writes no space, does not run msgid's words into its own
# ("GSSAPI加密只能与gss")
_COPIED_TOKEN = re.compile(r"[0-9A-Za-z_\u00c0-\u024f.-]+")
# a character every ``_TECHNICAL`` match holds: text without one has nothing to take out (a
# plain search for these is cheap; ``_TECHNICAL`` tries its ``[!-~]*`` at every letter)
_TECHNICAL_CHAR = re.compile(r"[-_/\\=@<>{}\[\]|$%(]")


def _prose(text: str, source: str) -> str:
    """A catalog message without what is not prose: words copied from msgid (commands,
    identifiers, options) and technical tokens (paths, variables, options)."""
    copied = _copied(source)
    if _TECHNICAL_CHAR.search(text) is not None:
        text = _TECHNICAL.sub(" ", text)
    tokens = _COPIED_TOKEN.findall(text)
    if copied.isdisjoint(tokens) and copied.isdisjoint(map(str.lower, tokens)):
        return text  # nothing copied: the usual case, without a Python call per word
    return _COPIED_TOKEN.sub(
        lambda m: " " if m.group() in copied or m.group().lower() in copied else m.group(), text
    )


@lru_cache(maxsize=256)
def _copied(source: str) -> frozenset[str]:
    """The tokens of msgid that a message may copy (asked twice per message)."""
    tokens = [token for token in _COPIED_TOKEN.findall(source) if len(token) > 1]
    return frozenset(tokens + [token.lower() for token in tokens])


def _guess(sample: str, script: str | None) -> str:
    if script == "han":
        return "ja" if re.search(r"[\u3040-\u30ff]", sample) else "zh"
    if script == "cyrillic":
        return "kk" if _kazakh_share(sample) >= 0.03 else "ru"
    if script == "latin":
        if _english_share(sample) >= 0.12:
            return "en"
        detection = detect(sample)
        return detection.lang if detection else "a Latin-script language"
    return "another script"


def _kazakh_or_russian(sample: str, expected: str) -> str | None:
    cyrillic = _letters_of("cyrillic", sample)
    share = _kazakh_share(sample)
    if expected == "kk" and cyrillic >= 40 and share < 0.01:
        # Kazakh without its letters ("Пропорционалды балама вертикалды метрикалар") is
        # Kazakh to the Kazakh/Russian detector
        return "ru" if is_russian_not_kazakh(sample, _LEANS) else None
    if expected == "ru" and cyrillic >= 40 and share >= 0.03:
        return "kk"
    return None


def _kazakh_share(sample: str) -> float:
    cyrillic = _letters_of("cyrillic", sample)
    return len(_KAZAKH.findall(sample)) / cyrillic if cyrillic else 0.0


def _english_share(sample: str) -> float:
    words = sample.lower().split()
    return sum(map(_ENGLISH_WORDS.__contains__, words)) / len(words) if words else 0.0


@register
class LanguageCheck(Check):
    name = "language"
    severity = "error"
    description = "paragraphs not in their column's language; untranslated copies"
    local = True  # a short Kazakh message is judged against the catalog's words in ``finish``

    def run(self, document: Document) -> list[Flag]:
        return self.finish(document, [self.run_part(document)])

    def run_part(self, document: Document) -> tuple[list[Flag], list]:
        """The shard's flags, and the short Kazakh messages whose only sign of Russian is
        Russian endings: ``finish`` asks the whole catalog whether its Kazakh uses them."""
        flags: list[Flag] = []
        pending: list = []
        for index, unit in enumerate(document.units, document.offset):
            flags.extend(self._unit(unit, document, index, pending))
        return flags, pending

    def finish(self, document: Document, parts: list[tuple[list[Flag], list]]) -> list[Flag]:
        flags = [flag for part, _ in parts for flag in part]
        pending = [item for _, items in parts for item in items]
        if not pending:
            return flags
        pending = _without_names(document, pending)
        if not pending:
            return flags
        wanted = {word for *_, words, _ in pending for word in words}
        used = _word_counts(document, wanted)
        suspect: Counter[tuple[str, str]] = Counter()
        for _, lang, _, _, words, _ in pending:
            suspect.update((lang, word) for word in words)
        for index, lang, start, end, words, text in pending:
            # used only in messages as suspect as this one: not the catalog's Kazakh
            foreign = [word for word in words if used[(lang, word)] <= suspect[(lang, word)]]
            unit = document.units[index - document.offset]
            if text is None:  # Russian endings
                if foreign and len(foreign) * 2 >= len(words):
                    flags.append(
                        self._wrong(
                            unit,
                            document,
                            lang,
                            start,
                            end,
                            "ru",
                            f"Russian word forms {_listed(foreign)} found nowhere else in the "
                            f"catalog's {lang}",
                        )
                    )
            elif len(foreign) == len(words) and (
                is_russian_not_kazakh(text)
                or (_russian_words(words) and is_russian_not_kazakh(text, _LEANS))
            ):
                flags.append(
                    self._wrong(
                        unit,
                        document,
                        lang,
                        start,
                        end,
                        "ru",
                        f"{_listed(foreign)} found nowhere else in the catalog's {lang}, and "
                        f"Russian to a Kazakh/Russian detector",
                    )
                )
        return flags

    def _unit(self, unit: Unit, document: Document, index: int, pending: list) -> Iterable[Flag]:
        for lang in document.targets:
            cell = unit.cells.get(lang)
            if not cell or not cell.text:
                continue
            # a catalog's copies of msgid are the ``untranslated`` check's: it knows which
            # words the catalog keeps ("Firefox", "git log [<options>]")
            copy = None if document.catalog else self._copy_of(unit, document, lang)
            if copy:
                other, similarity = copy
                what = "the same text as" if similarity >= 100 else "nearly the same text as"
                yield self.flag(
                    unit,
                    lang,
                    0,
                    len(cell.text),
                    f"{what} {other}: not translated?",
                    evidence={other: unit.text(other)[:80]},
                )
                continue
            for start, end in cell.part_spans():
                raw = cell.text[start:end]
                if document.catalog:
                    text = _prose(raw, unit.text(document.source))
                else:
                    text = _VERBATIM.sub(" ", raw)  # "passwd(5)" is in no language
                found = looks_like(text, lang)
                if found:
                    yield self.flag(
                        unit, lang, start, end, f"this paragraph looks like {found}, not {lang}"
                    )
                elif document.catalog:
                    if "_" in raw or "&" in raw:  # else no accelerator: the prose read above
                        text = _prose(_ACCELERATOR.sub("", raw), unit.text(document.source))
                    yield from self._short(
                        unit, document, index, lang, start, end, text, pending, raw
                    )

    def _short(
        self,
        unit: Unit,
        document: Document,
        index: int,
        lang: str,
        start: int,
        end: int,
        text: str,
        pending: list,
        raw: str = "",
    ) -> Iterable[Flag]:
        """A catalog message of any length in the wrong language: Russian in Kazakh (Russian
        words, Russian word order, or Russian endings the catalog's Kazakh never uses),
        Kazakh in Russian (its letters), another script's words in Chinese or Japanese."""
        script = script_of(lang)
        if lang == "kk":
            evidence = russian_evidence(text)
            if evidence is None or _known_name(unit.text(document.source), raw, lang):
                return
            source = unit.text(document.source)
            moved = (_name_put_last(source, raw) or _of_name_put_last(source, raw)) if raw else None
            reason = None
            if moved is not None:
                reason = (
                    f"'{moved[0]}' after '{moved[1]}', in Russian word order (Kazakh puts "
                    "the name first)"
                )
            elif evidence.words:
                reason = f"Russian words {_listed(evidence.words)}"
            if reason is not None:
                yield self._wrong(unit, document, lang, start, end, "ru", reason)
            elif evidence.endings and not _sounded_out(source, text):
                # a name written in Cyrillic as msgid sounds ("Пасадена", "Гарден-Гров")
                # ends as it sounds, in either language; a loose likeness is not enough
                # ("Мероитские иероглифы", Russian, reads much like "Meroitic Hieroglyphs")
                pending.append((index, lang, start, end, evidence.endings, None))
            elif not _sounds_like(unit.text(document.source), text):
                # no sign either way: a detector decides, if no other message of the
                # catalog uses these words; a name or loanword that sounds like msgid
                # ("Гернси" for "Guernsey", "Модель" for "Model") is the same in both
                words = tuple(
                    word.lower() for word in _CYRILLIC_WORD.findall(text) if len(word) >= 3
                )
                if words and _KAZAKH_WORDS.isdisjoint(words):
                    pending.append((index, lang, start, end, words, text))
        elif script == "cyrillic" and lang not in ("uk", "be"):  # і is theirs too
            words = [
                word
                for word in _CYRILLIC_WORD.findall(text)
                if len(_KAZAKH.findall(word)) >= (1 if len(word) >= 4 else 2)
            ]
            if (words and len(words) * 3 >= len(_CYRILLIC_WORD.findall(text))) or (
                lang == "ru" and (words := _turkic_words(text, unit.text(document.source)))
            ):
                yield self._wrong(
                    unit, document, lang, start, end, "kk", f"Kazakh letters in {_listed(words)}"
                )
            elif lang == "ru" and _kazakh_around(text):
                # Kazakh words without its letters ("басталатын файлдар") around one with
                words = [word for word in _CYRILLIC_WORD.findall(text) if _KAZAKH.search(word)]
                yield self._wrong(
                    unit,
                    document,
                    lang,
                    start,
                    end,
                    "kk",
                    f"Kazakh letters in {_listed(words)}, and Kazakh to a Kazakh/Russian detector",
                )
        elif script == "han":
            other = _other_script_letter().findall(text)
            if len(other) >= 2 and not _has_letter_of("han", text):
                found = (
                    _guess(text, dominant_script(text)[0])
                    if _has_letter_of("cyrillic", text)
                    else "another script"
                )
                yield self._wrong(
                    unit,
                    document,
                    lang,
                    start,
                    end,
                    found,
                    f"no {lang} characters, {len(other)} letters of {found}",
                )

    def _wrong(
        self, unit: Unit, document: Document, lang: str, start: int, end: int, found: str, why: str
    ) -> Flag:
        return self.flag(
            unit,
            lang,
            start,
            end,
            f"this message looks like {found}, not {lang}: {why}",
            evidence={document.source: unit.text(document.source)[:80]},
        )

    def _copy_of(self, unit: Unit, document: Document, lang: str) -> tuple[str, float] | None:
        text = unit.text(lang)
        size = len(text)
        if size < _MIN_LETTERS:
            return None
        script = script_of(lang)
        own = script if script in _SCRIPT_CLASSES else None
        for other in document.others(lang):
            other_text = unit.text(other)
            if not other_text or abs(size - len(other_text)) > 0.1 * size:
                continue
            if text == other_text:
                if len(_LETTER.findall(_VERBATIM.sub("", text[:_SAMPLE]))) < _MIN_LETTERS:
                    continue  # "5G", a name, "-r, --repository REPOSITORY": the same in every language
                return (other, 100.0) if self._is_the_copy(text, lang, other, document) else None
            other_script = script_of(other)
            catalog_copy = (
                document.catalog
                and own is not None
                and not _has_letter_of(own, text)
                and script != other_script
            )
            if (catalog_copy or other_script == script) and size >= 40:
                from rapidfuzz.fuzz import ratio  # deferred: start-up time

                similarity = ratio(text, other_text, score_cutoff=_NEAR_COPY)
                if similarity >= _NEAR_COPY and self._is_the_copy(text, lang, other, document):
                    return other, similarity
        return None

    @staticmethod
    def _is_the_copy(text: str, lang: str, other: str, document: Document) -> bool:
        """Which of two identical columns holds the copy: the one whose language it is not."""
        if document.catalog:
            return lang in document.targets and other == document.source
        if looks_like(text, lang):
            return True
        if looks_like(text, other):
            return False
        return lang != document.source and document.languages.index(
            lang
        ) > document.languages.index(other)


_CYRILLIC_WORD = re.compile(r"[\u0400-\u04ff]+")
# Cyrillic words, then Latin-script ones to the end ("Архив Zlib", "Индекс usenet NewzBin")
_NOUN_THEN_NAMES = re.compile(
    r"\s*([\u0400-\u04ff]+)(?:\s+[\u0400-\u04ff]+)*((?:\s+[A-Za-z][\w.+-]*)+)\s*"
)


def _name_put_last(source: str, text: str) -> tuple[str, str] | None:
    """(name, noun) when msgid opens with a name in Latin letters that a Cyrillic message
    without Kazakh letters puts last, after its words: "Архив Zlib" for "Zlib archive",
    "Тема Enlightenment" for "Enlightenment theme". Kazakh, like English, puts a name
    before the noun it names, which takes a suffix ("Zlib архиві"); Russian puts it after."""
    first, _, rest = source.strip().partition(" ")
    if not rest or not first[:1].isupper() or not first.isascii() or not first.isalnum():
        return None
    found = _NOUN_THEN_NAMES.fullmatch(text.replace("_", ""))
    if found is None or found.group(2).split()[-1].casefold() != first.casefold():
        return None
    return first, found.group(1)


# "Republic of Haiti", "State of Bolivia": a name that an "of" phrase ends msgid with
_OF_NAME = re.compile(r".+? of (?:the )?[A-Z][\w'-]*(?:[ -][A-Z][\w'-]*)*")
_OF_NAME_END = re.compile(r"([\u0400-\u04ff][\u0400-\u04ff-]*)[\s.]*")


def _of_name_put_last(source: str, text: str) -> tuple[str, str] | None:
    """(name, noun) when msgid ends with a name after "of" ("Republic of Haiti") and a
    Cyrillic message without Kazakh letters puts that name, transliterated, last after
    other words: "Республика Гаити". Kazakh puts it first and the noun after it with a
    suffix ("Гаити Республикасы"); Russian puts it after the noun."""
    source = source.strip()
    if _OF_NAME.fullmatch(source) is None:
        return None
    words = text.split()
    if len(words) < 2 or _OF_NAME_END.fullmatch(words[-1]) is None:
        return None
    from anyascii import anyascii
    from rapidfuzz.fuzz import ratio  # deferred: start-up time

    name = _OF_NAME_END.fullmatch(words[-1]).group(1)
    if ratio(anyascii(name).lower(), source.split()[-1].lower()) < _SOUNDS_LIKE:
        return None
    return name, words[0]


def _known_name(source: str, text: str, lang: str) -> bool:
    """Whether ``text`` is msgid's name as the ISO catalogs give it in ``lang``: Kazakh
    writes Montenegro "Черногория", as Russian does."""
    if not source[:1].isupper():
        return False
    from ..facts.places import translated  # deferred: start-up time

    return translated(source.strip(), lang) == text.strip()


# Kazakh letters that no Slavic language writes (і is Ukrainian and Belarusian too)
_TURKIC = re.compile("[әғқңөұүһӘҒҚҢӨҰҮҺ]")
_ASIDE = re.compile(r"\([^()]*\)|«[^«»]*»|\"[^\"]*\"|“[^“”]*”|„[^„“]*“")  # quoted or in brackets
_TURKIC_SHARE = 0.25  # of a message's Cyrillic words, outside quotes and brackets


def _turkic_words(text: str, source: str) -> list[str]:
    """The words of a Russian message written with letters only Kazakh (and its Turkic
    kin) has, ә ғ қ ң ө ұ ү һ, when they are a quarter of its words or more: "Түс аты",
    "Сан-Томе және Принсипи" are Kazakh, however short. A word msgid has, or one quoted
    or in brackets ("Казахстан (Қазақстан)"), is a name the message cites; [] otherwise."""
    if _TURKIC.search(text) is None:
        return []
    words = _CYRILLIC_WORD.findall(_ASIDE.sub(" ", text))
    turkic = [word for word in words if _TURKIC.search(word) and word not in source]
    return turkic if turkic and len(turkic) >= _TURKIC_SHARE * len(words) else []


_REST_KAZAKH = 0.99  # the detector's confidence that the words without Kazakh letters are


def _kazakh_around(text: str) -> bool:
    """Whether a Russian message with a word in Kazakh letters is Kazakh: the detector,
    told Kazakh or Russian, is all but sure of the whole, and sure of the words without
    those letters ("АҚШ галлондары": "галлондары"); a Kazakh name quoted in Russian
    ("Казахстан (Қазақстан)") leaves Russian words."""
    if not _KAZAKH.search(text):
        return False
    rest = " ".join(word for word in _CYRILLIC_WORD.findall(text) if _KAZAKH.search(word) is None)
    return bool(rest) and is_kazakh_not_russian(text) and is_kazakh_not_russian(rest, _REST_KAZAKH)


# Kazakh words without Kazakh letters ("Сербия мен Черногория")
_KAZAKH_WORDS = frozenset(
    ["мен", "бен", "пен", "немесе", "бар", "болып", "болады", "емес", "деп", "тек", "ал"]
)
_ACCELERATOR = re.compile(r"[_&](?=[^\W\d_])")  # "Ба_с тарту": the accelerator of "Бас"


# letters of neither Han, kana, Latin nor the Latin-like symbols: Cyrillic, Greek, Arabic,
# Hebrew, Hangul, Devanagari, Thai...
# (compiled when a Chinese or Japanese text first asks: 6 ms of every start-up otherwise)
@cache
def _other_script_letter() -> re.Pattern[str]:
    return re.compile(
        r"[\u0370-\u03ff\u0400-\u04ff\u0530-\u058f\u0590-\u06ff\u0900-\u0dff\u0e00-\u0eff"
        r"\u10a0-\u10ff\uac00-\ud7af]"
    )


# two or more words, each a common Russian word (wordfreq's list) that the catalog's Kazakh
# uses nowhere else ("Выберите имя файла", "Лоток вывода"): then the detector need only
# prefer Russian. One such word is no evidence: Kazakh borrows Russian nouns ("Модель",
# "Архив", "Видео") and shares names ("Канада"), and a few Kazakh words are in the Russian
# list too ("бас", "тарту": they are Russian words as well)
_LEANS = 0.5
_RUSSIAN_ZIPF = 3.0


def _russian_words(words: tuple[str, ...]) -> bool:
    from ..wordlists import zipf

    return len(set(words)) >= 2 and all(zipf(word, "ru") >= _RUSSIAN_ZIPF for word in words)


_SOUNDS_LIKE = 65  # rapidfuzz ratio of the romanised msgstr to msgid: "Автор" 73, "окно" 40
_SKELETON_LETTERS = 3  # consonants two texts must share to sound alike by them alone


def _sounds_like(source: str, text: str) -> bool:
    """Whether ``text`` romanised reads like msgid: a transliterated name or a loanword,
    letter for letter or by its consonants ("Вейкросс" and "Waycross" both ``vkrs``)."""
    from anyascii import anyascii
    from rapidfuzz.fuzz import ratio

    return ratio(anyascii(text).lower(), source.lower()) >= _SOUNDS_LIKE or _sounded_out(
        source, text
    )


def _sounded_out(source: str, text: str) -> bool:
    """Whether ``text`` has exactly msgid's consonants through its transliteration
    (``lexicon.skeleton``: "Вейкросс" and "Waycross" both ``vkrs``): msgid written as it
    sounds, a name."""
    from ..align.lexicon import skeleton

    heard = skeleton(text.lower())
    return len(heard) >= _SKELETON_LETTERS and heard == skeleton(source.lower())


_LATIN_WORD = re.compile(r"[A-Za-z]+")


def _without_names(document: Document, pending: list) -> list:
    """The pending messages less those whose msgid is a name written as it sounds: every
    word capitalised and none of them one the catalog's msgids write in small letters
    anywhere ("Miami", "Helena"; "Support" is a word: "support for %s"), and the message
    reads like it ("Майами"). A name is transliterated alike in Kazakh and Russian, so its
    endings or a detector's reading say nothing of the language; a Russian adjective's
    ending does ("Экваториальная Гвинея": Kazakh adjectives do not change)."""
    source = document.source
    small: set[str] | None = None
    kept = []
    for item in pending:
        msgid = document.units[item[0] - document.offset].text(source)
        words = _LATIN_WORD.findall(msgid)
        if words and all(word[0].isupper() for word in words):
            if small is None:
                small = {
                    word
                    for unit in document.units
                    for word in _LATIN_WORD.findall(unit.text(source))
                    if word.islower()
                }
            index, lang, start, end = item[:4]
            written = document.units[index - document.offset].text(lang)[start:end]
            if (
                not any(word.lower() in small for word in words)
                and _sounds_like(msgid, written)
                and not _russian_adjective(written)
            ):
                continue
        kept.append(item)
    return kept


def _russian_adjective(text: str) -> bool:
    return any(
        len(word) >= _ADJECTIVE_LETTERS and ADJECTIVE_ENDING.search(word)
        for word in _CYRILLIC_WORD.findall(text.lower())
    )


_ADJECTIVE_LETTERS = 6  # a shorter word's "-ой", "-ая" may be a name's own letters


def _word_counts(document: Document, wanted: set[str]) -> dict[tuple[str, str], int]:
    """How often each of ``wanted`` (lower case) stands in each target's text, catalog-wide."""
    counts: Counter[tuple[str, str]] = Counter()
    for unit in document.units:
        for lang in document.targets:
            text = unit.text(lang)
            if text:
                counts.update(
                    (lang, word) for word in _CYRILLIC_WORD.findall(text.lower()) if word in wanted
                )
    return counts


def _listed(words: Iterable[str], most: int = 3) -> str:
    unique = list(dict.fromkeys(words))
    shown = ", ".join(f"'{word}'" for word in unique[:most])
    return shown + (" ..." if len(unique) > most else "")
