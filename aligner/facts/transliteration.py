"""Whether Chinese characters write the sounds of an English word, judged by the consonant
each syllable begins with. A transliteration writes "Tonga" as 汤加 (tang, jia: t, g), so in
汤加塔布岛 for "Tongatapu" the name is the word's first two syllables, and 汤尔 (er) there
is no variant of one sound but a misspelling. Coarse on purpose: only first consonants,
each with the pinyin initials transliterations write it with (g as g, j or k: 加 for "ga");
where the name does not write the word so (秘鲁, mi, for the "Pe" of "Perugia"), nothing
is judged.
"""

from __future__ import annotations

import re
import unicodedata

from .hanzi_sounds import usual

_INITIALS = tuple("zh ch sh b p m f d t n l g k h j q x r z c s y w".split())
# an English syllable's first consonant -> the pinyin initials that write it
_WRITTEN_AS = {
    "": frozenset(("", "y", "w")),
    "b": frozenset("bp"),
    "p": frozenset("pb"),
    "m": frozenset("m"),
    "f": frozenset("f"),
    "v": frozenset("wf"),
    "w": frozenset("w"),
    "d": frozenset("dt"),
    "t": frozenset("td"),
    "n": frozenset("n"),
    "l": frozenset("lr"),
    "r": frozenset("lr"),
    "g": frozenset("gjk"),
    "k": frozenset("kgjq"),
    "c": frozenset("kgsxq"),
    "q": frozenset("kg"),
    "h": frozenset("h"),
    "j": frozenset(("j", "zh", "y")),
    "y": frozenset("y"),
    "s": frozenset(("s", "x", "sh")),
    "z": frozenset("zcsj"),
    "x": frozenset("ksx"),
}
_VOWELS = re.compile(r"[aeiouy]+")


def _initial(reading: str) -> str:
    return next((i for i in _INITIALS if reading.startswith(i)), "")


def _onsets(word: str) -> list[str]:
    """The consonant before each vowel group of ``word`` ("" for a vowel first):
    "Tongatapu" -> t, g, t, p."""
    plain = "".join(
        ch for ch in unicodedata.normalize("NFD", word.lower()) if not unicodedata.combining(ch)
    )
    return [plain[m.start() - 1] if m.start() else "" for m in _VOWELS.finditer(plain)]


def _writes(char: str, onset: str) -> bool:
    reading = usual(char)
    return reading is not None and _initial(reading) in _WRITTEN_AS.get(onset, ())


def miswritten(word: str, form: str, written: str) -> bool:
    """Whether ``written``, ``form`` with one character changed, misspells the beginning of
    ``word`` that ``form`` transliterates: each character of ``form`` begins as the syllable
    of ``word`` it stands for does, and the changed character cannot."""
    onsets = _onsets(word)
    if len(onsets) < len(form) or len(written) != len(form):
        return False
    if not all(_writes(char, onset) for char, onset in zip(form, onsets)):
        return False  # the name is not this word's transliteration: nothing to judge by
    return any(
        a != b and usual(a) is not None and not _writes(a, onset)
        for a, b, onset in zip(written, form, onsets)
    )
