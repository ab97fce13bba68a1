"""How a catalog renders its msgid words: the target features that go with a word.

A catalog is its own dictionary. Where msgids holding "vertical" almost all have 垂直 in
their msgstr, and 垂直 stands almost only in those, 垂直 is how this catalog says "vertical".
A word said many ways ("failed": ошибка, не удалось, невозможно) has no stable rendering,
and one that is rare has none the catalog can show. Words are compared by a short stem
("creating" and "create" are one word), target words by a stem too (Russian and Kazakh
inflect) and Chinese by its character pairs.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from functools import cache

from .base import Document

_SOURCE_WORD = re.compile(r"[A-Za-z]{3,}")
_TARGET_WORD = re.compile(r"[^\W\d_]+")
_CJK_FROM = "\u3400"  # no character below it is in ``_cjk_run``
_STEM = 6  # letters of a source word that name it ("appearing", "appear")
_TARGET_STEM = 5  # letters of a target word that name it (inflection follows)
_MIN_USES = 3  # msgids that must hold a word before its rendering is known
_SHARE = 0.5  # a rendering stands in at least this share of the word's msgstrs...
_SPECIFIC = 0.5  # ...and at least this share of its own uses go with the word
# words that carry grammar, not content: no catalog renders them one way
_FUNCTION_WORDS = frozenset(
    "the and for not are was were has have had can cannot could would should will with "
    "from into this that these those its any all but you your our out off per than then "
    "there their when where which who what how may must use used using".split()
    # and words that state a message's outcome or a setting's action: software says them
    # many ways ("failed to open", "cannot open", "error opening"; "set", "toggle"), so
    # two msgids that differ only in them say one thing
    + "failed fail failure error unable set unset toggle get".split()
)


def source_stems(text: str) -> dict[str, str]:
    """The content words of a msgid by stem ("Locks" and "lock" are one), each with the
    word as first written."""
    stems: dict[str, str] = {}
    for written in _SOURCE_WORD.findall(text):
        word = written.casefold()
        if word in _FUNCTION_WORDS:
            continue
        if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
            word = word[:-1]
        stems.setdefault(word[:_STEM], written)
    return stems


@cache
def _cjk_run() -> re.Pattern[str]:
    """Runs of CJK ideographs: compiled when a text first holds one (a large class)."""
    return re.compile(r"[\u3400-\u9fff]+")


def target_features(text: str) -> frozenset[str]:
    """A msgstr's words stemmed, Chinese as its character pairs (a lone character alone)."""
    features = set()
    for word in _TARGET_WORD.findall(text):
        runs = _cjk_run().findall(word) if max(word) >= _CJK_FROM else None
        if not runs:
            if len(word) >= 3:
                features.add(word.casefold()[:_TARGET_STEM])
            continue
        rest = _cjk_run().sub(" ", word).split()
        features.update(part.casefold()[:_TARGET_STEM] for part in rest if len(part) >= 3)
        for run in runs:
            if len(run) == 1:
                features.add(run)
            features.update(run[i : i + 2] for i in range(len(run) - 1))
    return frozenset(features)


class Renderings:
    """The stable renderings of a catalog's msgid words in one language, read on demand."""

    def __init__(self, document: Document, lang: str) -> None:
        self._entries: dict[str, list[int]] = defaultdict(list)
        self._features: list[frozenset[str]] = []
        self._uses: Counter[str] = Counter()
        for unit in document.units:
            source, target = unit.text(document.source), unit.text(lang)
            if not source or not target:
                continue
            index = len(self._features)
            features = target_features(target)
            self._features.append(features)
            self._uses.update(features)
            for stem in source_stems(source):
                self._entries[stem].append(index)
        self._known: dict[str, frozenset[str]] = {}

    def of(self, stem: str) -> frozenset[str]:
        """The features that render ``stem`` in this catalog (none: not known)."""
        found = self._known.get(stem)
        if found is None:
            found = self._known[stem] = self._rendering(stem)
        return found

    def _rendering(self, stem: str) -> frozenset[str]:
        entries = self._entries.get(stem, ())
        if len(entries) < _MIN_USES:
            return frozenset()
        together = Counter(feature for index in entries for feature in self._features[index])
        return frozenset(
            feature
            for feature, count in together.items()
            if count >= _SHARE * len(entries) and count >= _SPECIFIC * self._uses[feature]
        )

    def unrendered(self, source: str, other_source: str, target: str) -> tuple[list, list]:
        """Words each msgid has and the other lacks whose stable rendering ``target`` lacks
        (``source``'s, ``other_source``'s): a translation shared by both cannot be right
        for a msgid that holds them."""
        features = target_features(target)
        stems, other = source_stems(source), source_stems(other_source)
        return (
            self._unsaid(stems, other, features),
            self._unsaid(other, stems, features),
        )

    def _unsaid(self, stems: dict, other: dict, features: frozenset[str]) -> list[str]:
        return sorted(
            written
            for stem, written in stems.items()
            if stem not in other and (rendering := self.of(stem)) and not rendering & features
        )
