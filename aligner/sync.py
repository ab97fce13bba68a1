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

import copy
from dataclasses import dataclass

import polib
from rapidfuzz import fuzz, process

from .alignment import Alignment, cell_text
from .docset import DocSet
from .flags import Flag
from .review_entry import (FUZZY, build_comment, has_work, is_placeholder, make_obsolete,
                           original_of, parse_comment, placeholder)

FUZZY_CUTOFF = 60.0  # rapidfuzz ratio (0-100); msgmerge's fuzzy threshold is 0.6


@dataclass(frozen=True)
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


def rows_for(docset: DocSet, alignment: Alignment, lang: str,
             flags: list[Flag] | None = None) -> list[RowText]:
    """The RowText of every row of ``alignment`` in ``lang``."""
    by_row: dict[str, list[str]] | None = None
    if flags is not None:
        by_row = {}
        for flag in flags:
            if flag.row and flag.lang == lang:
                by_row.setdefault(flag.row, []).append(flag_line(flag))
    has_source = docset.source in docset.texts
    rows = []
    for row in alignment.rows:
        source = cell_text(docset, row, docset.source) if has_source else ""
        rows.append(RowText(row.id, source or placeholder(docset.source),
                            cell_text(docset, row, lang),
                            None if by_row is None else tuple(by_row.get(row.id, ()))))
    return rows


def sync_entries(old: list[polib.POEntry], rows: list[RowText],
                 lang: str) -> tuple[list[polib.POEntry], SyncReport]:
    """The entries of ``lang``'s review file for ``rows``, given its ``old`` entries.

    Entries that do not change are returned as the same objects (their cached rendering
    stays valid). Active entries come in row order, obsolete ones after them.
    """
    active: dict[str, polib.POEntry] = {}
    loose, obsolete = [], []
    for entry in old:
        if entry.obsolete:
            obsolete.append(entry)
        elif entry.msgctxt is not None and entry.msgctxt not in active:
            active[entry.msgctxt] = entry
        else:
            loose.append(entry)
    matches: dict[int, tuple[polib.POEntry, str]] = {}
    used: set[int] = set()
    for i, row in enumerate(rows):
        entry = active.get(row.row)
        if entry is not None and _plausible(entry, row):
            matches[i] = (entry, "kept")
            used.add(id(entry))
    unused = [e for e in [*active.values(), *loose, *obsolete] if id(e) not in used]
    _match_exact(rows, unused, matches, used)
    _match_fuzzy(rows, [e for e in unused if id(e) not in used and has_work(e)], matches, used)

    counts = {"kept": 0, "moved": 0, "fuzzy": 0, "new": 0}
    result = []
    for i, row in enumerate(rows):
        if i in matches:
            entry, how = matches[i]
            result.append(_carry(entry, row, how))
            counts[how] += 1
        else:
            result.append(fresh_entry(row))
            counts["new"] += 1
    retired = [make_obsolete(e) for e in [*active.values(), *loose] if id(e) not in used]
    remaining = [e for e in obsolete if id(e) not in used]
    result += unique_obsolete(result, remaining + retired)
    return result, SyncReport(lang, counts["kept"], counts["moved"], counts["fuzzy"],
                              len(retired), counts["new"], len(rows))


def fresh_entry(row: RowText) -> polib.POEntry:
    """A never-reviewed entry: msgstr is the current text, fuzzy."""
    return polib.POEntry(msgctxt=row.row, msgid=row.source, msgstr=row.original,
                         flags=[FUZZY], comment=build_comment(row.flags or (), row.original))


def _similar(a: str, b: str) -> bool:
    return (bool(a) and bool(b) and not is_placeholder(a) and not is_placeholder(b)
            and fuzz.ratio(a, b) >= FUZZY_CUTOFF)


def _plausible(entry: polib.POEntry, row: RowText) -> bool:
    """Whether the entry found by row id is about the same text (ids can be reassigned)."""
    old_original = original_of(entry)
    if old_original is None:
        old_original = entry.msgstr
    if entry.msgid == row.source and not is_placeholder(row.source):
        return True
    if old_original == row.original:
        return True
    return _similar(entry.msgid, row.source) or _similar(old_original, row.original)


def _match_exact(rows: list[RowText], candidates: list[polib.POEntry],
                 matches: dict, used: set[int]) -> None:
    by_pair: dict[tuple[str, str], list] = {}
    by_source: dict[str, list] = {}
    by_original: dict[str, list] = {}
    for entry in candidates:
        original = None if entry.obsolete else original_of(entry)
        if not is_placeholder(entry.msgid):
            by_source.setdefault(entry.msgid, []).append(entry)
            if original is not None:
                by_pair.setdefault((entry.msgid, original), []).append(entry)
        if original:
            by_original.setdefault(original, []).append(entry)
    for i, row in enumerate(rows):
        if i in matches:
            continue
        lookups = [by_pair.get((row.source, row.original), []),
                   [] if is_placeholder(row.source) else by_source.get(row.source, []),
                   by_original.get(row.original, []) if row.original else []]
        for found in lookups:
            entry = next((e for e in found if id(e) not in used), None)
            if entry is not None:
                matches[i] = (entry, "moved")
                used.add(id(entry))
                break


def _match_fuzzy(rows: list[RowText], candidates: list[polib.POEntry],
                 matches: dict, used: set[int]) -> None:
    if not candidates:
        return
    sources = [None if is_placeholder(e.msgid) else e.msgid for e in candidates]
    texts = [(None if e.obsolete else original_of(e)) or e.msgstr or None for e in candidates]
    for i, row in enumerate(rows):
        if i in matches:
            continue
        if is_placeholder(row.source):
            query, choices = row.original, texts
        else:
            query, choices = row.source, sources
        if not query:
            continue
        best = process.extractOne(query, choices, scorer=fuzz.ratio, processor=None,
                                  score_cutoff=FUZZY_CUTOFF)
        if best is None:
            continue
        index = best[2]
        matches[i] = (candidates[index], "fuzzy")
        used.add(id(candidates[index]))
        sources[index] = texts[index] = None


def _carry(entry: polib.POEntry, row: RowText, how: str) -> polib.POEntry:
    """The entry for ``row`` that carries ``entry``'s review work over."""
    old_original = None if entry.obsolete else original_of(entry)
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
        flags = parse_comment(entry.comment)[0] if how == "kept" else ()
    new = copy.copy(entry)
    new.msgctxt, new.msgid, new.msgstr, new.obsolete = row.row, row.source, text, False
    new.flags = ([FUZZY] if fuzzy else []) + [f for f in entry.flags if f != FUZZY]
    if (flags, row.original) != parse_comment(entry.comment):
        new.comment = build_comment(flags, row.original)
    if not fuzzy:
        new.previous_msgctxt = new.previous_msgid = new.previous_msgid_plural = None
    elif (how == "fuzzy" or source_changed) and not is_placeholder(entry.msgid):
        new.previous_msgid = entry.msgid
        new.previous_msgctxt = entry.msgctxt if entry.msgctxt != row.row else None
    if not entry.obsolete and _same(entry, new):
        return entry
    return new


_FIELDS = ("msgctxt", "msgid", "msgstr", "flags", "comment", "tcomment", "previous_msgctxt",
           "previous_msgid", "previous_msgid_plural", "obsolete")


def _same(a: polib.POEntry, b: polib.POEntry) -> bool:
    return all(getattr(a, name) == getattr(b, name) for name in _FIELDS)


def unique_obsolete(active: list[polib.POEntry],
                     obsolete: list[polib.POEntry]) -> list[polib.POEntry]:
    """Obsolete entries whose (msgctxt, msgid) clash with nothing (msgfmt refuses clashes).

    An exact copy of an entry already kept is dropped (nothing is lost); any other clash gets
    its msgctxt suffixed with `` (obsolete N)``.
    """
    seen = {(e.msgctxt, e.msgid) for e in active}
    same_key: dict[tuple, list[polib.POEntry]] = {}
    result = []
    for entry in obsolete:
        key = (entry.msgctxt, entry.msgid)
        content = (entry.msgstr, entry.tcomment, entry.flags)
        if any((t.msgstr, t.tcomment, t.flags) == content for t in same_key.get(key, [])):
            continue
        same_key.setdefault(key, []).append(entry)
        number = 1
        while key in seen:
            number += 1
            key = (f"{entry.msgctxt or ''} (obsolete {number})", entry.msgid)
        if key[0] != entry.msgctxt:
            entry = copy.copy(entry)
            entry.msgctxt = key[0]
        seen.add(key)
        result.append(entry)
    return result
