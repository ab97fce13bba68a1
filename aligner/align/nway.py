"""N-way rows from the pairwise alignments: the smallest groups that line up every column.

Pivot paragraphs joined by a bead of any language form one group (if ru merges en 18 and 19,
the row holds both en paragraphs and the zh and kk paragraphs aligned to them). A paragraph with
no pivot counterpart sits in a gap between pivot paragraphs: inside a group it joins the group;
otherwise the gap becomes a row of its own with an empty pivot cell, shared by every language
that has extra paragraphs there (the title the English lacks is one row for zh, kk and ru).

Before that, one pair's merge is checked against the other pairs (``agreed``): a merge of
pivot paragraphs widens the row for every language, so a pivot paragraph at the edge of a
merge must be borne out by the other languages' texts too.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from .lexicon import skeleton
from .pairwise import Bead
from .search import BEADS

_VERBATIM = re.compile(r"[a-z]{2,}|\d+")  # Latin words and numbers: kept as they are across scripts
_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class Cells:
    """One row before it gets an id: per language a (start, end) range, and a confidence."""

    ranges: dict[str, tuple[int, int]]
    score: float


def merge_pairs(
    pivot: str, pivot_count: int, pairs: Mapping[str, Sequence[Bead]], languages: Sequence[str]
) -> list[Cells]:
    """Rows covering every paragraph of every language once, in order, for ``languages``."""
    joined = [False] * max(pivot_count, 1)
    for beads in pairs.values():
        for bead in beads:
            for i in range(bead.p0, bead.p1 - 1):
                joined[i] = True
    group_of, starts = [0] * pivot_count, []
    for i in range(pivot_count):
        if i == 0 or not joined[i - 1]:
            starts.append(i)
        group_of[i] = len(starts) - 1
    # slots: 2*g + 1 is group g; 2*g is the gap before group g (2*len(starts) after the end)
    slots: dict[int, dict[str, list[Bead]]] = {2 * g + 1: {} for g in range(len(starts))}
    for lang, beads in pairs.items():
        for bead in beads:
            if bead.p1 > bead.p0:
                slot = 2 * group_of[bead.p0] + 1
            elif 0 < bead.p0 < pivot_count and group_of[bead.p0 - 1] == group_of[bead.p0]:
                slot = 2 * group_of[bead.p0] + 1  # inside a group: joins it
            else:
                slot = 2 * (group_of[bead.p0] if bead.p0 < pivot_count else len(starts))
            slots.setdefault(slot, {}).setdefault(lang, []).append(bead)
    ends = starts[1:] + [pivot_count]
    rows: list[Cells] = []
    for slot in sorted(slots):
        by_lang = slots[slot]
        if slot % 2:
            g = slot // 2
            rows.append(_row(languages, pivot, (starts[g], ends[g]), by_lang))
        else:
            rows.extend(_gap_rows(languages, by_lang))
    return rows


def _row(languages, pivot, pivot_range, by_lang) -> Cells:
    ranges, score = {}, 1.0
    for lang in languages:
        if lang == pivot:
            ranges[lang] = pivot_range
            continue
        beads = by_lang.get(lang, ())
        ranges[lang] = (beads[0].o0, beads[-1].o1) if beads else (0, 0)
        for bead in beads:
            score = min(score, bead.confidence)
    return Cells(_normalise(ranges), score)


def _gap_rows(languages, by_lang) -> list[Cells]:
    """Extra paragraphs in one gap: one row, or k rows when every language there has k."""
    counts = {len(beads) for beads in by_lang.values()}
    parts = counts.pop() if len(counts) == 1 else 1
    rows = []
    for part in range(parts):
        ranges, score = {}, 1.0
        for lang in languages:
            beads = by_lang.get(lang, [])
            if parts > 1:
                beads = beads[part : part + 1]
            ranges[lang] = (beads[0].o0, beads[-1].o1) if beads else (0, 0)
            for bead in beads:
                score = min(score, bead.confidence)
        rows.append(Cells(_normalise(ranges), score))
    return rows


def _normalise(ranges: dict[str, tuple[int, int]]) -> dict[str, tuple[int, int]]:
    return {lang: (start, end) if end > start else (0, 0) for lang, (start, end) in ranges.items()}


def agreed(
    pivot: str, texts: Mapping[str, Sequence[str]], pairs: Mapping[str, Sequence[Bead]]
) -> dict[str, list[Bead]]:
    """``pairs`` with each pivot paragraph the other languages say is not in a merge taken
    out of it, as a paragraph the merging language lacks.

    A merge of several pivot paragraphs with one language's paragraphs widens the row for
    every language; a paragraph omitted next to a neighbour and merged into it (``FLTK
    Fluid file`` dropped before ``FastTracker II audio``) costs the pair little when its
    words were never in that text at all. The other languages' partners of the pivot
    paragraphs tell: at an edge of the merge, a pivot paragraph whose 1-1 partner in every
    other language that has one keeps verbatim tokens of it (Latin words, numbers) none of
    which the merged side holds, while another paragraph of the merge has a partner sharing
    tokens with it, is the merging language's omission."""
    words: dict[tuple[str, int], frozenset[str]] = {}

    def tokens(lang: str, index: int) -> frozenset[str]:
        key = (lang, index)
        if key not in words:
            words[key] = frozenset(_VERBATIM.findall(texts[lang][index].lower()))
        return words[key]

    ones: dict[str, dict[int, int]] = {
        lang: {b.p0: b.o0 for b in beads if b.p1 - b.p0 == 1 and b.o1 - b.o0 == 1}
        for lang, beads in pairs.items()
    }
    out: dict[str, list[Bead]] = {}
    for lang, beads in pairs.items():
        others = [other for other in pairs if other != lang]
        if not others or not any(b.p1 - b.p0 > 1 and b.o1 > b.o0 for b in beads):
            out[lang] = list(beads)
            continue
        fixed: list[Bead] = []
        for bead in beads:
            parts = (
                _trimmed(bead, lang, others, ones, tokens, pivot, texts)
                if bead.p1 - bead.p0 > 1
                else None
            )
            fixed.extend(parts or (bead,))
        out[lang] = fixed
    return out


def _trimmed(bead: Bead, lang, others, ones, tokens, pivot, texts) -> list[Bead] | None:
    """The beads replacing ``bead`` when the other languages disown an edge of it, else None."""
    if bead.o1 <= bead.o0:
        return None
    side = frozenset().union(*(tokens(lang, j) for j in range(bead.o0, bead.o1)))
    # a token the merged side writes in its own alphabet ("веб" for "web") is not missing there
    heard = frozenset(
        skeleton(word)
        for j in range(bead.o0, bead.o1)
        for word in _WORD.findall(texts[lang][j].lower())
    )

    def missing(found: frozenset[str]) -> bool:
        return not found & side and not any(
            skeleton(t) in heard for t in found if len(skeleton(t)) > 1
        )

    def partners(i: int) -> list[frozenset[str]]:
        return [tokens(other, ones[other][i]) for other in others if i in ones[other]]

    def disowned(i: int) -> bool:
        found = partners(i)
        own = tokens(pivot, i)
        return bool(found) and all(t & own and missing(t & own) for t in found)

    def borne(rest: range) -> bool:
        return any(t & side for i in rest for t in partners(i))

    lost = BEADS[6][3]
    if disowned(bead.p0) and borne(range(bead.p0 + 1, bead.p1)):
        return [
            Bead(bead.p0, bead.p0 + 1, bead.o0, bead.o0, lost),
            Bead(bead.p0 + 1, bead.p1, bead.o0, bead.o1, bead.confidence),
        ]
    if disowned(bead.p1 - 1) and borne(range(bead.p0, bead.p1 - 1)):
        return [
            Bead(bead.p0, bead.p1 - 1, bead.o0, bead.o1, bead.confidence),
            Bead(bead.p1 - 1, bead.p1, bead.o1, bead.o1, lost),
        ]
    return None
