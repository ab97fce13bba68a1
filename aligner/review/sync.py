"""Bringing a review file up to date with the texts and the alignment, keeping every fix.

Like ``msgmerge``: each current row looks for its old entry by row id, then by exact text
(source and original, then source alone, then original alone), then by similarity of the
source text (rapidfuzz ratio >= 60, msgmerge's fuzzy threshold). Only entries that hold review
work (a fix, an approval, a note) are worth fuzzy-matching; the others are rebuilt from the
current text. Old entries that match nothing become obsolete (``#~``), never deleted.

What happens to a matched entry:
- a fix stays the fix; an unreviewed entry takes the current text;
- it needs review again (``fuzzy``) when it was fuzzy-matched, when its source text changed
  (``#| msgid`` then holds the previous source, as msgmerge writes it), or when the language's
  own text changed under it, unless the new text is exactly the fix (the fix was applied to
  the file);
- notes stay; flags and the original text are rewritten from the current docset.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from rapidfuzz import fuzz, process

from ..alignment import CELL_SEPARATOR, Alignment
from ..docset import DocSet
from ..flags import Flag
from .entry import (
    FUZZY_ONLY,
    Entry,
    has_work,
    is_placeholder,
    make_obsolete,
    placeholder,
    record_flags,
    with_fuzzy,
)

FUZZY_CUTOFF = 60.0  # rapidfuzz ratio (0-100); msgmerge's fuzzy threshold is 0.6


@dataclass(frozen=True, slots=True)
class RowText:
    """What the docset says about one row in one language now.

    ``flags`` None means "keep the flags recorded in the old entry" (no checks were run).
    """

    row: str
    source: str
    original: str
    flags: tuple[str, ...] | None = None


@dataclass(frozen=True)
class SyncReport:
    """What a sync did to one review file."""

    lang: str
    kept: int = 0
    moved: int = 0
    fuzzy: int = 0
    obsoleted: int = 0
    new: int = 0
    entries: int = 0

    def as_dict(self) -> dict[str, int | str]:
        """The counts by name (for JSON output)."""
        return dict(self.__dict__)


def flag_line(flag: Flag) -> str:
    """How a flag is written in an entry's extracted comment."""
    return f"{flag.check}: {flag.message}"


def _cells(docset: DocSet, alignment: Alignment, lang: str) -> list[str]:
    """Each row's text in ``lang`` (a one-paragraph cell is the docset's own string)."""
    paragraphs = docset.paragraphs(lang)
    cells = []
    for row in alignment.rows:
        indices = row.cells.get(lang, ())
        cells.append(
            paragraphs[indices[0]]
            if len(indices) == 1
            else CELL_SEPARATOR.join(paragraphs[i] for i in indices)
        )
    return cells


def rows_for(
    docset: DocSet, alignment: Alignment, lang: str, flags: list[Flag] | None = None
) -> list[RowText]:
    """The RowText of every row of ``alignment`` in ``lang``."""
    by_row: dict[str, tuple[str, ...]] | None = None
    if flags is not None:
        lines: dict[str, list[str]] = {}
        for flag in flags:
            if flag.row and flag.lang == lang:
                lines.setdefault(flag.row, []).append(flag_line(flag))
        by_row = {row: record_flags(found) for row, found in lines.items()}
    missing = placeholder(docset.source)
    sources = (
        _cells(docset, alignment, docset.source)
        if docset.source in docset.texts
        else [""] * len(alignment.rows)
    )
    originals = _cells(docset, alignment, lang)
    return [
        RowText(
            row.id, source or missing, original, None if by_row is None else by_row.get(row.id, ())
        )
        for row, source, original in zip(alignment.rows, sources, originals)
    ]


def sync_entries(
    old: list[Entry], rows: list[RowText], lang: str
) -> tuple[list[Entry], SyncReport]:
    """The entries of ``lang``'s review file for ``rows``, given its ``old`` entries.

    Entries that do not change are returned as the same objects (their bytes in the file
    stay valid). Active entries come in row order, obsolete ones after them.
    """
    active: dict[str, Entry] = {}
    loose, obsolete = [], []
    for entry in old:
        if entry.obsolete:
            obsolete.append(entry)
        elif entry.msgctxt is not None and entry.msgctxt not in active:
            active[entry.msgctxt] = entry
        else:
            loose.append(entry)
    matches: dict[int, tuple[Entry, str]] = {}
    used: set[int] = set()
    for i, row in enumerate(rows):
        entry = active.get(row.row)
        if entry is not None and _plausible(entry, row):
            matches[i] = (entry, "kept")
            used.add(id(entry))
    if len(used) < len(old):
        unused = [e for e in [*active.values(), *loose, *obsolete] if id(e) not in used]
        _match_exact(rows, unused, matches, used)
        _match_fuzzy(rows, [e for e in unused if id(e) not in used and has_work(e)], matches, used)

    counts = {"kept": 0, "moved": 0, "fuzzy": 0, "new": 0}
    result = []
    for i, row in enumerate(rows):
        found = matches.get(i)
        if found is not None:
            entry, how = found
            result.append(_carry(entry, row, how))
            counts[how] += 1
        else:
            result.append(fresh_entry(row))
            counts["new"] += 1
    retired = [make_obsolete(e) for e in [*active.values(), *loose] if id(e) not in used]
    remaining = [e for e in obsolete if id(e) not in used]
    if remaining or retired:
        result += unique_obsolete(result, remaining + retired)
    return result, SyncReport(
        lang,
        counts["kept"],
        counts["moved"],
        counts["fuzzy"],
        len(retired),
        counts["new"],
        len(rows),
    )


def fresh_entry(row: RowText) -> Entry:
    """A never-reviewed entry: msgstr is the current text, fuzzy."""
    return Entry(row.row, row.source, row.original, FUZZY_ONLY, row.flags or (), row.original)


def _similar(a: str, b: str) -> bool:
    return (
        bool(a)
        and bool(b)
        and not is_placeholder(a)
        and not is_placeholder(b)
        and fuzz.ratio(a, b) >= FUZZY_CUTOFF
    )


def _plausible(entry: Entry, row: RowText) -> bool:
    """Whether the entry found by row id is about the same text (ids can be reassigned)."""
    if entry.msgid == row.source and not is_placeholder(row.source):
        return True
    old_original = entry.msgstr if entry.original is None else entry.original
    if old_original == row.original:
        return True
    return _similar(entry.msgid, row.source) or _similar(old_original, row.original)


def _match_exact(
    rows: list[RowText], candidates: list[Entry], matches: dict, used: set[int]
) -> None:
    by_pair: dict[tuple[str, str], list] = {}
    by_source: dict[str, list] = {}
    by_original: dict[str, list] = {}
    for entry in candidates:
        original = None if entry.obsolete else entry.original
        if not is_placeholder(entry.msgid):
            by_source.setdefault(entry.msgid, []).append(entry)
            if original is not None:
                by_pair.setdefault((entry.msgid, original), []).append(entry)
        if original:
            by_original.setdefault(original, []).append(entry)
    for i, row in enumerate(rows):
        if i in matches:
            continue
        lookups = [
            by_pair.get((row.source, row.original), []),
            [] if is_placeholder(row.source) else by_source.get(row.source, []),
            by_original.get(row.original, []) if row.original else [],
        ]
        for found in lookups:
            entry = next((e for e in found if id(e) not in used), None)
            if entry is not None:
                matches[i] = (entry, "moved")
                used.add(id(entry))
                break


def _match_fuzzy(
    rows: list[RowText], candidates: list[Entry], matches: dict, used: set[int]
) -> None:
    if not candidates:
        return
    sources = [None if is_placeholder(e.msgid) else e.msgid for e in candidates]
    texts = [(None if e.obsolete else e.original) or e.msgstr or None for e in candidates]
    for i, row in enumerate(rows):
        if i in matches:
            continue
        if is_placeholder(row.source):
            query, choices = row.original, texts
        else:
            query, choices = row.source, sources
        if not query:
            continue
        best = process.extractOne(
            query, choices, scorer=fuzz.ratio, processor=None, score_cutoff=FUZZY_CUTOFF
        )
        if best is None:
            continue
        index = best[2]
        matches[i] = (candidates[index], "fuzzy")
        used.add(id(candidates[index]))
        sources[index] = texts[index] = None


def _carry(entry: Entry, row: RowText, how: str) -> Entry:
    """The entry for ``row`` that carries ``entry``'s review work over."""
    old_original = None if entry.obsolete else entry.original
    if old_original is None:  # obsolete, or the comment was removed by another tool
        fixed = bool(entry.msgstr) and entry.msgstr != row.original
        text_changed = entry.msgstr != row.original
    else:
        fixed = entry.msgstr != old_original
        text_changed = old_original != row.original
    text = entry.msgstr if fixed else row.original
    landed = fixed and entry.msgstr == row.original
    source_changed = entry.msgid != row.source
    fuzzy = entry.fuzzy or how == "fuzzy" or source_changed or (text_changed and not landed)
    if row.flags is not None:
        flags = row.flags
    else:  # no checks were run: a row keeps the flags recorded for it
        flags = entry.flags if how == "kept" else ()
    if (
        not entry.obsolete
        and how != "fuzzy"
        and entry.msgctxt == row.row
        and entry.msgid == row.source
        and entry.msgstr == text
        and entry.po_flags == (FUZZY_ONLY if fuzzy else ())
        and entry.flags == flags
        and entry.original == row.original
        and (fuzzy or entry.previous_msgctxt is entry.previous_msgid is entry.extra is None)
    ):
        return entry  # nothing changes (the common case: quick, and its bytes stay valid)
    new = replace(
        entry,
        msgctxt=row.row,
        msgid=row.source,
        msgstr=text,
        obsolete=False,
        flags=flags,
        original=row.original,
    )
    new = with_fuzzy(new, fuzzy)
    if fuzzy and (how == "fuzzy" or source_changed) and not is_placeholder(entry.msgid):
        new = replace(
            new,
            previous_msgid=entry.msgid,
            previous_msgctxt=entry.msgctxt if entry.msgctxt != row.row else None,
        )
    return entry if not entry.obsolete and new == entry else new


def unique_obsolete(active: list[Entry], obsolete: list[Entry]) -> list[Entry]:
    """Obsolete entries whose (msgctxt, msgid) clash with nothing (msgfmt refuses clashes).

    An exact copy of an entry already kept is dropped (nothing is lost); any other clash gets
    its msgctxt suffixed with `` (obsolete N)``.
    """
    seen = {(e.msgctxt, e.msgid) for e in active}
    same_key: dict[tuple, list[Entry]] = {}
    result = []
    for entry in obsolete:
        key = (entry.msgctxt, entry.msgid)
        content = (entry.msgstr, entry.note, entry.po_flags)
        if any((t.msgstr, t.note, t.po_flags) == content for t in same_key.get(key, [])):
            continue
        same_key.setdefault(key, []).append(entry)
        number = 1
        while key in seen:
            number += 1
            key = (f"{entry.msgctxt or ''} (obsolete {number})", entry.msgid)
        if key[0] != entry.msgctxt:
            entry = replace(entry, msgctxt=key[0])
        seen.add(key)
        result.append(entry)
    return result
