"""What the aligner measures in each paragraph: length, anchor keys and mark counts.

Lengths feed the length model; anchor keys pin paragraphs to each other; the counts of
sentence ends and of quotation marks and brackets are language-independent structure that a
faithful translation keeps (a paragraph of three sentences is rarely rendered as one), and
that merging or splitting paragraphs changes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import accumulate

from ..catalog import base_language
from ..parallel import gc_paused
from ..sentences import sentence_end_count
from .anchors import Keys, paragraph_keys
from .lexicon import AGGLUTINATIVE, pivot_stems, sound_keys, word_keys

# what is outside ASCII but no letter: digits of other scripts, punctuation (rare: counting
# them and subtracting is faster than deleting everything but letters outside ASCII)
_NOT_ASCII_NOT_LETTER = re.compile(r"[^\w\x00-\x7f]|[^\D\x00-\x7f]")
_MARKS = re.compile(r"[«»“”„\"《》「」『』()（）\[\]【】]")


@dataclass(frozen=True)
class Profile:
    """Per paragraph of one text: characters, anchor keys, sentence ends, quotes and brackets,
    word keys (``lexicon``) and how many characters are letters outside ASCII (the
    rest, Latin words, digits, spaces and punctuation, keep their length in a translation far
    more than the letters of another script do)."""

    lengths: tuple[int, ...]
    keys: tuple[Keys, ...]
    sentences: tuple[int, ...]
    marks: tuple[int, ...]
    words: Sequence[Keys] = ()  # a tuple, or ``PackedKeys`` in a profile that travelled
    native: tuple[int, ...] = ()
    sounds: Sequence[Keys] = ()  # the pivot's: sound keys of its words (``lexicon``)
    doubles: Sequence[Keys] = ()  # word keys two or more of its words give (``lexicon``)

    def __len__(self) -> int:
        return len(self.lengths)

    def __reduce__(self):
        # Profiles travel between processes: each paragraph's word keys go as one string (no
        # key holds a space), which pickles at memcpy speed instead of key by key.
        return Profile, (
            self.lengths,
            self.keys,
            self.sentences,
            self.marks,
            PackedKeys.of(self.words),
            self.native,
            PackedKeys.of(self.sounds),
            PackedKeys.of(self.doubles),
        )

    def slice(self, start: int, end: int) -> Profile:
        """The profile of paragraphs [start, end)."""
        return Profile(*(getattr(self, name)[start:end] for name in _FIELDS))

    def prefix(self, name: str) -> list[int]:
        """Running totals of ``lengths``, ``sentences`` or ``marks`` (length n + 1)."""
        return list(accumulate(getattr(self, name), initial=0))


@gc_paused()
def build_profile(
    paragraphs: Sequence[str],
    lang: str,
    glossary=None,
    extractor: str | None = None,
    pivot: bool = False,
    whole: bool = True,
) -> Profile:
    """Measure every paragraph of one text; the pivot's also gets its sound keys, which
    every pair would otherwise work out again, and its stems (``with_stems``; not in a
    stretch of the text measured on its own, ``whole=False``: they are added to the
    joined profile). A paragraph that recurs (a heading, a label, a repeated note) is
    measured once: every measure is a function of the paragraph's text alone, so its
    copies get the very same values."""
    distinct = tuple(dict.fromkeys(paragraphs))
    measured = _measured(distinct, lang, glossary, extractor, pivot)
    if len(distinct) != len(paragraphs):
        where = {p: k for k, p in enumerate(distinct)}
        index = [where[p] for p in paragraphs]
        measured = Profile(
            *(
                tuple(map(values.__getitem__, index)) if values else ()
                for values in (getattr(measured, name) for name in _FIELDS)
            )
        )
    return with_stems(measured) if pivot and whole else measured


def with_stems(profile: Profile) -> Profile:
    """The pivot's profile with the stems its words share (``lexicon.pivot_stems``): a
    function of the whole text, so a text measured in stretches gets them once joined."""
    if not profile.words:
        return profile
    return replace(profile, words=pivot_stems(profile.words))


def _measured(
    paragraphs: Sequence[str], lang: str, glossary, extractor: str | None, pivot: bool
) -> Profile:
    roots = base_language(lang) in AGGLUTINATIVE
    found = [word_keys(p, roots) for p in paragraphs]
    words = tuple(w for w, _ in found)
    return Profile(
        tuple(len(p) for p in paragraphs),
        tuple(paragraph_keys(paragraphs, lang, glossary, extractor)),
        tuple(map(sentence_end_count, paragraphs)),
        tuple(len(_MARKS.findall(p)) for p in paragraphs),
        words,
        tuple(map(native_letters, paragraphs)),
        tuple(map(sound_keys, words)) if pivot else (),
        tuple(d for _, d in found),
    )


def native_letters(text: str) -> int:
    """How many characters of ``text`` are letters outside ASCII (as ``[^\\W\\d_]`` reads
    letters)."""
    if text.isascii():
        return 0
    outside = len(text) - len(text.encode("ascii", "ignore"))
    return outside - len(_NOT_ASCII_NOT_LETTER.findall(text))


def join_profiles(parts: Sequence[Profile]) -> Profile:
    """The profile of consecutive stretches of one text, measured separately."""
    return Profile(*(_joined([getattr(part, name) for part in parts]) for name in _FIELDS))


def _joined(pieces: list[Sequence]) -> Sequence:
    if pieces and all(isinstance(piece, PackedKeys) for piece in pieces):
        return PackedKeys(tuple(text for piece in pieces for text in piece.texts))
    return tuple(value for piece in pieces for value in piece)


def plain_profile(lengths: Sequence[int]) -> Profile:
    """A profile with lengths only (for callers that have nothing else, e.g. benchmarks)."""
    zeros = (0,) * len(lengths)
    empty = (frozenset(),) * len(lengths)
    return Profile(tuple(lengths), empty, zeros, zeros, empty, zeros)


_FIELDS = ("lengths", "keys", "sentences", "marks", "words", "native", "sounds", "doubles")
_NO_WORDS: Keys = frozenset()


class PackedKeys(Sequence):
    """Each paragraph's word keys as one string (no key holds a space), unpacked into sets
    only when first read. Profiles travel between processes, and the process that sends
    them on (slices to other workers) never needs the sets: packed strings pickle at memcpy
    speed, and a stretch's whole vocabulary is one join and split (``vocabulary``)."""

    __slots__ = ("texts", "_sets")

    def __init__(self, texts: tuple[str, ...], sets: tuple[Keys, ...] | None = None):
        self.texts = texts
        self._sets = sets

    @classmethod
    def of(cls, keys: Sequence[Keys]) -> PackedKeys:
        if isinstance(keys, PackedKeys):
            return PackedKeys(keys.texts)
        return cls(tuple(" ".join(found) for found in keys))

    def __reduce__(self):
        return PackedKeys, (self.texts,)

    def __len__(self) -> int:
        return len(self.texts)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return PackedKeys(
                self.texts[index], self._sets[index] if self._sets is not None else None
            )
        return self.sets()[index]

    def __iter__(self):
        return iter(self.sets())

    def sets(self) -> tuple[Keys, ...]:
        if self._sets is None:
            self._sets = tuple(
                frozenset(text.split(" ")) if text else _NO_WORDS for text in self.texts
            )
        return self._sets

    def vocabulary(self) -> frozenset[str]:
        """Every key of every paragraph."""
        return frozenset(" ".join(self.texts).split(" ")) - {""}


def vocabulary(keys: Sequence[Keys]) -> frozenset[str]:
    """Every key in ``keys`` (packed or not)."""
    if isinstance(keys, PackedKeys):
        return keys.vocabulary()
    return frozenset().union(*keys)
