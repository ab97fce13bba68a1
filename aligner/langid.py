"""Which language a text is in: langdetect with a fixed seed, plus a Kazakh rule.

langdetect is random unless seeded and has no Kazakh profile; it calls Kazakh text Russian,
Bulgarian or Mongolian. Kazakh has letters Russian lacks (ә ғ қ ң ө ұ ү һ і), so Cyrillic
text in which they are frequent enough is Kazakh.
"""

from __future__ import annotations

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
    from langdetect import DetectorFactory, detect_langs
    from langdetect.lang_detect_exception import LangDetectException

    DetectorFactory.seed = 0
    try:
        ranked = detect_langs(sample)
    except LangDetectException:
        return None
    best = ranked[0]
    lang = best.lang.split("-")[0]
    if lang in _CYRILLIC_LANGS and not any(ch in _UKRAINIAN_ONLY for ch in sample):
        if kazakh_letter_share(sample) >= 0.03:
            return Detection("kk", round(best.prob, 3))
    return Detection(lang, round(best.prob, 3))
