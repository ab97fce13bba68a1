"""Reusing a saved alignment.tsv against the current texts.

When every row's check still matches, the saved rows (with a reviewer's corrections) are used
as they are. When a text was edited, the rows before and after the change that still hold the
same text are kept (their indices shifted by the number of paragraphs added or removed) and
only the stretch in between is aligned again; its rows keep their ids when they come out the
same, and get new ids derived from the row before them otherwise.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ..alignment import Alignment, Row
from ..docset import DocSet
from .alignfile import SavedAlignment, row_check
from .edits import new_row_id
from .nway import Cells

Realign = Callable[[dict[str, tuple[int, int]]], list[Cells]]


def fit_saved(
    docset: DocSet, saved: SavedAlignment, languages: Sequence[str], realign: Realign
) -> Alignment | str:
    """The saved rows fitted to the current texts, or the reason they cannot be used."""
    missing = [lang for lang in saved.languages if lang not in docset.languages]
    if missing:
        return (
            f"{saved.path}: names {', '.join(missing)} but the docset has no such language "
            "file any more; aligned afresh"
        )
    extra = [lang for lang in languages if lang not in saved.languages]
    if extra:
        return (
            f"{saved.path}: has no column for {', '.join(extra)}; aligned afresh "
            "(run 'aligner align --save' to keep the new rows)"
        )
    current = {lang: len(docset.paragraphs(lang)) for lang in saved.languages}
    rows = list(saved.rows)
    langs = saved.languages
    if all(check is None for check in saved.checks):
        if current != saved.counts:
            return (
                f"{saved.path}: written for other texts ({_changes(saved.counts, current)}) "
                "and has no check column to tell which rows still fit; aligned afresh"
            )
        return _project(Alignment(langs, tuple(rows), origin="saved"), languages)
    head = 0
    while head < len(rows) and _same(docset, rows[head], saved.checks[head], langs, None):
        head += 1
    if head == len(rows) and current == saved.counts:
        return _project(Alignment(langs, tuple(rows), origin="saved"), languages)
    shift = {lang: current[lang] - saved.counts[lang] for lang in langs}
    tail = len(rows)
    while tail > head and _same(docset, rows[tail - 1], saved.checks[tail - 1], langs, shift):
        tail -= 1
    start = {lang: sum(len(r.indices(lang)) for r in rows[:head]) for lang in langs}
    after = {lang: sum(len(r.indices(lang)) for r in rows[tail:]) for lang in langs}
    ranges = {lang: (start[lang], current[lang] - after[lang]) for lang in langs}
    if any(a > b for a, b in ranges.values()):
        return f"{saved.path}: does not fit the current texts; aligned afresh"
    middle = _new_middle(rows, head, tail, realign(ranges), langs)
    suffix = [
        Row(
            r.id, {lang: tuple(i + shift[lang] for i in r.indices(lang)) for lang in langs}, r.score
        )
        for r in rows[tail:]
    ]
    spans = f"rows {rows[head].id}-{rows[tail - 1].id}" if tail > head else "no row"
    note = (
        f"{saved.path}: the texts changed since it was saved "
        f"({_changes(saved.counts, current) or 'same paragraph counts'}); re-aligned "
        f"{spans} as {len(middle)} row(s) and kept the other {head + len(suffix)}"
    )
    return _project(
        Alignment(langs, tuple(rows[:head] + middle + suffix), (note,), "refitted"), languages
    )


def _same(docset, row, check, langs, shift) -> bool:
    return check is not None and row_check(docset, row, langs, shift) == check


def _new_middle(
    rows: list[Row], head: int, tail: int, cells: list[Cells], langs: Sequence[str]
) -> list[Row]:
    """Rows for the re-aligned stretch: old ids where the cells came out the same."""
    old = {tuple(r.indices(lang) for lang in langs): r.id for r in rows[head:tail]}
    taken = {r.id for r in rows[:head]} | {r.id for r in rows[tail:]}
    base = rows[head - 1].id if head else "r0"
    middle = []
    for cell in cells:
        indices = {lang: tuple(range(*cell.ranges[lang])) for lang in langs}
        row_id = old.get(tuple(indices[lang] for lang in langs))
        if row_id is None or row_id in taken:
            row_id = new_row_id(base, taken | set(old.values()))
        taken.add(row_id)
        middle.append(Row(row_id, indices, round(cell.score, 3)))
    return middle


def _changes(before: dict[str, int], after: dict[str, int]) -> str:
    return ", ".join(
        f"{lang}: {before[lang]} -> {after[lang]} paragraphs"
        for lang in before
        if before[lang] != after[lang]
    )


def _project(alignment: Alignment, languages: Sequence[str]) -> Alignment:
    """Only ``languages`` (in that order); rows left empty are dropped."""
    if tuple(languages) == alignment.languages:
        return alignment
    rows = tuple(
        Row(r.id, {lang: r.indices(lang) for lang in languages}, r.score)
        for r in alignment.rows
        if any(r.indices(lang) for lang in languages)
    )
    return Alignment(tuple(languages), rows, alignment.notes, alignment.origin)
