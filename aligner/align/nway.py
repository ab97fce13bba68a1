"""N-way rows from the pairwise alignments: the smallest groups that line up every column.

Pivot paragraphs joined by a bead of any language form one group (if ru merges en 18 and 19,
the row holds both en paragraphs and the zh and kk paragraphs aligned to them). A paragraph with
no pivot counterpart sits in a gap between pivot paragraphs: inside a group it joins the group;
otherwise the gap becomes a row of its own with an empty pivot cell, shared by every language
that has extra paragraphs there (the title the English lacks is one row for zh, kk and ru).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from .pairwise import Bead


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
