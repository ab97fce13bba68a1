"""Which language a text is in: langdetect with a fixed seed, plus a Kazakh rule.

langdetect is random unless seeded and has no Kazakh profile; it calls Kazakh text Russian,
Bulgarian or Mongolian. Kazakh has letters Russian lacks (ә ғ қ ң ө ұ ү һ і), so Cyrillic
text in which they are frequent enough is Kazakh.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

KAZAKH_LETTERS = frozenset("әғқңөұүһіӘҒҚҢӨҰҮҺІ")
_UKRAINIAN_ONLY = frozenset("їєґЇЄҐ")
_CYRILLIC_LANGS = {"ru", "bg", "mk", "uk", "be", "sr", "mn", "kk", "ky", "tt"}
_SAMPLE = 4000  # characters given to langdetect: enough to be sure, bounded time


@dataclass(frozen=True)
class Detection:
    """A detected language code (ISO 639-1, e.g. ``zh``, ``kk``) and langdetect's confidence."""

    lang: str
    confidence: float


def kazakh_letter_share(text: str) -> float:
    """Share of Kazakh-only letters among the Cyrillic letters of ``text``."""
    cyrillic = 0
    kazakh = 0
    for ch in text:
        if "\u0400" <= ch <= "\u04ff":
            cyrillic += 1
            if ch in KAZAKH_LETTERS:
                kazakh += 1
    return kazakh / cyrillic if cyrillic else 0.0


def has_kazakh_letters(text: str) -> bool:
    """Whether ``text`` contains at least one Kazakh-only Cyrillic letter."""
    return any(ch in KAZAKH_LETTERS for ch in text)


def detect(text: str) -> Detection | None:
    """Detect the language of ``text``; None when there is nothing to detect (no letters)."""
    sample = text[:_SAMPLE]
    if not any(ch.isalpha() for ch in sample):
        return None
    return _detect_sample(sample)


@lru_cache(maxsize=4096)
def _detect_sample(sample: str) -> Detection | None:
    from langdetect import DetectorFactory
    from langdetect.lang_detect_exception import LangDetectException

    DetectorFactory.seed = 0
    try:
        ranked = detect_langs(sample)
    except LangDetectException:
        return None
    best = ranked[0]
    lang = best.lang.split("-")[0]
    if (
        lang in _CYRILLIC_LANGS
        and not any(ch in _UKRAINIAN_ONLY for ch in sample)
        and kazakh_letter_share(sample) >= 0.03
    ):
        return Detection("kk", round(best.prob, 3))
    return Detection(lang, round(best.prob, 3))


def detect_langs(text: str) -> list:
    """``langdetect.detect_langs``, the same answer to the last bit, three times faster.

    langdetect multiplies 55 probabilities by an n-gram's weights a thousand times per text,
    one Python operation each; here each step is one numpy operation on the 55 (the same
    IEEE float operations on the same numbers, the same sums in the same order, the same
    random draws), so every probability, and so every answer, is exactly langdetect's."""
    from types import SimpleNamespace

    from langdetect import DetectorFactory, detector_factory

    try:
        fast = _fast_detector_class()
        table, langlist = _profiles()
    except (ImportError, OSError, ValueError, KeyError, TypeError):
        return detector_factory.detect_langs(text)  # langdetect's own loop and loading
    detector = fast(
        SimpleNamespace(word_lang_prob_map=table, langlist=langlist, seed=DetectorFactory.seed)
    )
    detector.append(text)
    return detector.get_probabilities()


class _ProfileTable:
    """langdetect's ``word_lang_prob_map`` (n-gram -> its probability in each language),
    each n-gram's row worked out when first asked for: the factory works out all 87,000
    of them when it loads (0.3 s), a text needs a few hundred."""

    def __init__(self, profiles: list[tuple[dict, list]], size: int):
        self._profiles = profiles
        self._size = size
        self._words = set().union(*(freq for freq, _ in profiles))
        self._rows: dict[str, list[float]] = {}

    def __contains__(self, word: str) -> bool:
        return word in self._words

    def __getitem__(self, word: str) -> list[float]:
        row = self._rows.get(word)
        if row is None:
            if word not in self._words:
                raise KeyError(word)
            row = [0.0] * self._size  # DetectorFactory.add_profile, for one n-gram
            length = len(word)
            if 1 <= length <= 3:
                for index, (freq, n_words) in enumerate(self._profiles):
                    if word in freq:
                        row[index] = 1.0 * freq[word] / n_words[length - 1]
            self._rows[word] = row
        return row


@lru_cache(maxsize=1)
def _profiles() -> tuple[_ProfileTable, list[str]]:
    """langdetect's profiles read as ``DetectorFactory.load_profile`` reads them: the same
    files in the same order, so the same languages at the same indices."""
    import json
    import os

    from langdetect import detector_factory

    directory = detector_factory.PROFILES_DIRECTORY
    names = os.listdir(directory)
    profiles, langlist = [], []
    for name in names:
        path = os.path.join(directory, name)
        if name.startswith(".") or not os.path.isfile(path):
            continue
        with open(path, encoding="utf-8") as file:
            data = json.load(file)
        if data["name"] in langlist:
            raise ValueError(f"{path}: a second profile of {data['name']}")
        langlist.append(data["name"])
        profiles.append((data["freq"], data["n_words"]))
    if not profiles:
        raise OSError(f"{directory}: no language profiles")
    return _ProfileTable(profiles, len(names)), langlist


@lru_cache(maxsize=1)
def _fast_detector_class():
    import numpy
    from langdetect.detector import Detector
    from langdetect.lang_detect_exception import ErrorCode, LangDetectException

    vectors: dict[str, numpy.ndarray] = {}  # an n-gram's weights by language, as an array
    inline = _draws_like_choice()

    class FastDetector(Detector):
        """langdetect's Detector with ``_detect_block`` (its loop) done array-wise."""

        def _detect_block(self):
            self.cleaning_text()
            ngrams = self._extract_ngrams()
            if not ngrams:
                raise LangDetectException(ErrorCode.CantDetectError, "No features in text.")
            self.langprob = [0.0] * len(self.langlist)
            self.random.seed(self.seed)
            table = self.word_lang_prob_map
            row_of: dict[str, int] = {}
            for word in ngrams:
                if word not in row_of:
                    row_of[word] = len(row_of)
                    if word not in vectors:
                        vectors[word] = numpy.array(table[word], dtype=numpy.float64)
            weights = numpy.stack([vectors[word] for word in row_of])
            rows = [row_of[word] for word in ngrams]  # ngrams[k] is row rows[k]
            size, bits = len(rows), len(rows).bit_length()
            getrandbits, choice = self.random.getrandbits, self.random.choice
            for _ in range(self.n_trial):
                prob = numpy.array(self._init_probability(), dtype=numpy.float64)
                alpha = self.alpha + self.random.gauss(0.0, 1.0) * self.ALPHA_WIDTH
                factors = (alpha / self.BASE_FREQ) + weights  # weight + lang_prob_map[i]
                i = 0
                while True:
                    if inline:  # random.choice(ngrams), its draws made here
                        r = getrandbits(bits)
                        while r >= size:
                            r = getrandbits(bits)
                    else:
                        r = _index_of(choice, size)
                    prob *= factors[rows[r]]  # _update_lang_prob
                    if i % 5 == 0:  # _normalize_prob: its sum (in order), quotients, maximum
                        prob /= sum(prob.tolist())
                        if (
                            max(0.0, *prob.tolist()) > self.CONV_THRESHOLD
                            or i >= self.ITERATION_LIMIT
                        ):
                            break
                    i += 1
                final = prob.tolist()
                for j in range(len(self.langprob)):
                    self.langprob[j] += final[j] / self.n_trial

    return FastDetector


def _index_of(choice, size: int) -> int:
    """The index ``random.choice`` picks in a sequence of ``size`` (a range has it)."""
    return choice(range(size))


def _draws_like_choice() -> bool:
    """Whether ``random.choice(seq)`` draws exactly ``getrandbits(len(seq).bit_length())``
    until below ``len(seq)`` (CPython 3.11's ``_randbelow``), checked on a thousand
    draws: only then are its draws made inline."""
    import random

    a, b = random.Random(7), random.Random(7)
    for size in (1, 2, 3, 5, 17, 100, 1000) * 150:
        r = b.getrandbits(size.bit_length())
        while r >= size:
            r = b.getrandbits(size.bit_length())
        if a.choice(range(size)) != r:
            return False
    return a.random() == b.random()


# Russian words a Kazakh text never has as words of its own ("не" and "о" are Kazakh too, and
# "да", "он", "я"), and endings of Russian verbs, adjectives and nouns that Kazakh words do
# not take (its loanwords from Russian are nouns in their base form: "Анимация", "Модель")
_RUSSIAN_WORDS = frozenset(  # a word list reads better as text
    "и в во на с со для по из от что это или как при к об у за до без все всё нет если так же "  # noqa: SIM905
    "бы его её их они мы вы был была было были будет может можно нельзя нужно этот эта эти "
    "этого который которая которые которых также только ещё еще уже очень через после между "
    "над под чтобы либо ни".split()
)
_RUSSIAN_ENDING = re.compile(
    r"(?:ться|тся|ть|ние|ний|нию|нием|ого|его|ому|ему|ыми|ими|ая|яя|ое|ые|ый|ую|юю|ях|ами|ешь|"
    r"ишь|енный|анный|енно|ённый|ов|ает|яет|ует|ится|ено|ены|ена|ие|ой|ых|их|ский|ите|ции)$"
)
# a Russian adjective's ending: what no Kazakh word of a name takes (Kazakh adjectives do not
# change), so "Объединённая Республика Танзания" is Russian though all its words are capitalised
ADJECTIVE_ENDING = re.compile(r"(?:ая|яя|ое|ее|ые|ие|ый|ский|ой|ых|их)$")
_CYRILLIC_WORD = re.compile(r"[\u0400-\u04ff]+(?:-[\u0400-\u04ff]+)*")
_BEFORE_WORD = re.compile(r"[ \u00a0]+[^\s,.;:!?)\]/]")  # something follows, after a space


@dataclass(frozen=True)
class RussianEvidence:
    """What marks a Cyrillic text without Kazakh letters as Russian: Russian words that no
    Kazakh text has (``words``, decisive), and words with Russian endings (``endings``,
    decisive only when the catalog's own Kazakh does not use them)."""

    words: tuple[str, ...]
    endings: tuple[str, ...]
    total: int


def russian_evidence(text: str) -> RussianEvidence | None:
    """The Russian in ``text``, or None when it has Kazakh letters or no Cyrillic words.

    Names are left out: a word written with a capital after the first word, and texts that
    are all capitalised words ("Республика Чили" is a name in either language)."""
    if any(ch in KAZAKH_LETTERS for ch in text):
        return None
    cleaned = text.replace("_", "").replace("&", "")
    matches = list(_CYRILLIC_WORD.finditer(cleaned))
    if not matches:
        return None
    found = [match.group() for match in matches]
    # a one-letter preposition or conjunction ("с", "к", "в", "и") is Russian only before
    # what it governs ("с %s", "в файле"): "м/с", "%s К" are unit symbols, alike in Kazakh
    loose = {
        i
        for i, match in enumerate(matches)
        if len(found[i]) == 1 and _BEFORE_WORD.match(cleaned, match.end()) is None
    }
    words = [
        word.lower()
        for i, word in enumerate(found)
        if (i == 0 or not word[0].isupper()) and i not in loose
    ]
    if len(found) > 1 and len(words) == 1 and found[0][0].isupper():
        # "Остров Мэн": a name, unless it opens with a Russian adjective ("Объединённая
        # Республика Танзания"; "Маврикий Республикасы" opens with a noun)
        if len(words[0]) < 6 or ADJECTIVE_ENDING.search(words[0]) is None:
            words = []
    marked = tuple(word for word in words if word in _RUSSIAN_WORDS)
    endings = tuple(
        word
        for word in words
        if len(word) >= 5 and _RUSSIAN_ENDING.search(word) and word not in marked
    )
    return RussianEvidence(marked, endings, len(found))


_DETECTOR_CERTAINTY = 0.999  # measured: 0.5 false per 1000 untouched Kazakh messages, 0.99: 1.4


def is_russian_not_kazakh(text: str, certainty: float = _DETECTOR_CERTAINTY) -> bool:
    """Whether lingua, told only Kazakh and Russian, is all but certain ``text`` is Russian
    (``certainty``: its confidence needed, lower where other evidence says Russian too).

    Asked only of Cyrillic text without Kazakh letters or Russian words (loanwords such as
    "Модель" are the same in both): its low-accuracy mode loads in about 0.1 s and 13 MB,
    against 1.4 s and 83 MB for the high-accuracy models, for the same messages found."""
    return _confidence(text, "RUSSIAN") >= certainty


def is_kazakh_not_russian(text: str, certainty: float = _DETECTOR_CERTAINTY) -> bool:
    """Whether lingua, told only Kazakh and Russian, is all but certain ``text`` is Kazakh:
    asked of a Russian message with a word in Kazakh letters, whose other words may have
    none ("АҚШ галлондары", "таңбасынан басталатын файлдар")."""
    return _confidence(text, "KAZAKH") >= certainty


def _confidence(text: str, language: str) -> float:
    """lingua's confidence, told only Kazakh and Russian, that ``text`` is ``language``
    (its ``Language`` member's name); 0 without lingua."""
    detector = _kazakh_russian_detector()
    if detector is None:
        return 0.0
    from lingua import Language

    return detector.compute_language_confidence(text, getattr(Language, language))


@lru_cache(maxsize=1)
def _kazakh_russian_detector():
    try:
        from lingua import Language, LanguageDetectorBuilder
    except ImportError:  # an install without it finds Russian by its words alone
        return None
    return (
        LanguageDetectorBuilder.from_languages(Language.KAZAKH, Language.RUSSIAN)
        .with_low_accuracy_mode()
        .build()
    )
