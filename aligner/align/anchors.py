"""Anchors: facts shared across languages that pin paragraphs to each other.

Each paragraph gets a set of anchor keys (numbers, dates, section numbers, glossary names) from
``aligner.facts.anchor_keys``; before that module exists, a digits-only fallback stands in.
Keys found exactly once in both texts of a pair give confident anchor pairs; the longest
increasing chain of them is the guide the banded search follows. Every shared key also gives a
bead a bonus weighted by its rarity, so common numbers ("2023") count for little.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from itertools import chain

Keys = frozenset[str]
_EMPTY: Keys = frozenset()
WEIGHT_POWER = 0.5  # a key found k times weighs k**-0.5
CHAIN_MAX_COUNT = 3  # keys found up to this often (equally in both texts) propose anchor pairs
_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")


def digit_keys(text: str) -> Keys:
    """Fallback anchors: runs of ASCII digits ("1,500" and "1500" give the same key)."""
    keys = set()
    for match in _DIGITS.finditer(text):
        raw = match.group()
        whole, _, fraction = raw.replace(",", "").partition(".")
        value = whole.lstrip("0") or "0"
        keys.add(f"number:{value}.{fraction}" if fraction.strip("0") else f"number:{value}")
    return frozenset(keys) if keys else _EMPTY


def extractor_name() -> str:
    """Which anchor extractor is in use: ``facts`` or ``digits``."""
    return "facts" if _facts() is not None else "digits"


def _facts():
    try:
        from .. import facts
    except ImportError:
        return None
    return facts if hasattr(facts, "anchor_keys") else None


def paragraph_keys(
    paragraphs: Sequence[str], lang: str, glossary=None, extractor: str | None = None
) -> list[Keys]:
    """The anchor keys of each paragraph (``extractor``: "facts", "digits" or best available)."""
    facts = _facts() if extractor in (None, "facts") else None
    if extractor == "facts" and facts is None:
        raise ImportError("aligner.facts is not available")
    if facts is None:
        return [digit_keys(p) for p in paragraphs]
    anchor_keys = facts.anchor_keys
    return [_as_anchors(anchor_keys(p, lang, glossary)) for p in paragraphs]


def _as_anchors(keys: Keys) -> Keys:
    """Fact keys as anchors: an ordinal is its number, since languages mark ordinals
    differently (en "workspace 3", kk "3-ші жұмыс орны", ru "3-й")."""
    if not keys:
        return _EMPTY
    if any(key.startswith("ordinal:") for key in keys):
        return frozenset("number:" + key[8:] if key.startswith("ordinal:") else key for key in keys)
    return keys


class KeyIndex:
    """How often each anchor key occurs in one text, and where the rare ones occur.

    ``counts``: key -> number of paragraphs holding it (counted at C speed: a text has up to
    hundreds of thousands of keys); ``positions``: key -> sorted paragraph indices, kept only
    for keys found at most CHAIN_MAX_COUNT times (the only ones that can propose anchor
    pairs)."""

    def __init__(self, keys: Sequence[Keys]):
        self.keys = keys
        self.counts: Counter = Counter(chain.from_iterable(keys))
        rare = {key for key, count in self.counts.items() if count <= CHAIN_MAX_COUNT}
        self.positions: dict[str, list[int]] = {}
        if rare:
            for index, found in enumerate(keys):
                if found and not rare.isdisjoint(found):
                    for key in found & rare:
                        self.positions.setdefault(key, []).append(index)

    def count(self, key: str) -> int:
        return self.counts.get(key, 0)


def key_weights(source: KeyIndex, target: KeyIndex) -> dict[str, float]:
    """Weight of each key present in both texts: 1 for a key found once in each, less when common."""
    theirs = target.counts
    if len(theirs) < len(source.counts):
        theirs, ours = source.counts, target.counts
    else:
        ours = source.counts
    return {
        key: max(count, theirs[key]) ** -WEIGHT_POWER
        for key, count in ours.items()
        if key in theirs
    }


def anchor_chain(source: KeyIndex, target: KeyIndex) -> list[tuple[int, int]]:
    """Confident pairs (i, j), the longest chain increasing in both i and j.

    Candidates come from keys found equally often (at most CHAIN_MAX_COUNT times) in both
    texts, the k-th occurrence paired with the k-th; pairs that cross the chain are dropped.
    """
    support: dict[tuple[int, int], int] = {}
    for key, where in source.positions.items():
        other = target.positions.get(key)
        if other and len(where) == len(other) <= CHAIN_MAX_COUNT:
            for pair in zip(where, other):
                support[pair] = support.get(pair, 0) + 1
    pairs = sorted(support, key=lambda p: (p[0], -p[1]))
    return _longest_increasing(pairs)


def _longest_increasing(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Longest subsequence with strictly increasing j (pairs sorted by i, then j descending)."""
    tails: list[int] = []  # tails[k]: smallest last j of an increasing run of length k + 1
    tail_index: list[int] = []
    previous = [-1] * len(pairs)
    for index, (_, j) in enumerate(pairs):
        k = bisect_left(tails, j)
        if k == len(tails):
            tails.append(j)
            tail_index.append(index)
        else:
            tails[k] = j
            tail_index[k] = index
        previous[index] = tail_index[k - 1] if k else -1
    chain = []
    index = tail_index[-1] if tail_index else -1
    while index >= 0:
        chain.append(pairs[index])
        index = previous[index]
    return chain[::-1]
