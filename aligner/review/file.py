"""One review file in memory: entries indexed by row id, where each one's bytes are, safe saving.

Every save first looks at the file on disk. When another program changed it since it was last
read or written (another ``aligner`` process, a PO editor), the changes are merged entry by
entry: the other program's review work (msgstr, approval, note) is taken where this copy did
not change the entry; a change of this copy to an entry the other program also changed is
refused with ReviewConflictError, nothing is written, and the other version is kept in memory.

Nothing is cached per entry but where its bytes are in the file last read or written (two
offsets): a save re-reads that file, checks it is unchanged, and copies the runs of unchanged
entries from it; only entries changed since are rendered.
"""

from __future__ import annotations

import shlex
import time
from array import array
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from .. import __version__
from ..errors import located
from .dir_lock import DirectoryLock
from .entry import Entry, fields_of, state_of, with_state
from .po_format import render_entry
from .pofile_io import ParsedPO, read_po, render_header
from .safe_files import (
    BACKUP_SUFFIX,
    Fingerprint,
    ReviewConflictError,
    ReviewFileError,
    ReviewSaveError,
    atomic_write,
    changed_on_disk,
    read_if_exists,
    remove_stale_temporaries,
)
from .sync import unique_obsolete

GENERATOR = "aligner"
Fields = tuple  # msgstr, (fuzzy, approved mark), note, obsolete, decisions: the reviewer's work (fields_of)
Spans = dict[int, tuple[int, int]]  # id(entry) -> (start, end) of its bytes in the file
HEADER_COMMENT = (
    "Review file written by aligner. msgctxt: row id; msgid: the row's {source} text\n"
    '("[no {source} text]" when it has none); msgstr: the reviewed {lang} text; fuzzy:\n'
    'untouched machine text; not fuzzy: changed or approved by a reviewer ("approved": a\n'
    'change approved); "# " lines: reviewer notes; "#." lines: the row\'s flags, the\n'
    'reviewer\'s decisions on them ("decided:") and the original {lang} text ("original:",\n'
    'continued on "|" lines). See docs/review-files.md.'
)
# The header comment of files written before the PO states of docs/review-files.md, when
# "not fuzzy" meant approved: their changed, unfuzzy entries are approved changes.
LEGACY_STATES = "fuzzy: not\napproved yet"
GENERIC_PLURAL = "nplurals=2; plural=(n != 1);"
# Header fields msgfmt --check-header wants that only a person can fill: written empty when
# missing, and never replaced once a PO editor (or a person) has filled them.
TRANSLATOR_FIELDS = ("Last-Translator", "Language-Team")


def plural_forms(lang: str) -> str:
    """The Plural-Forms header of ``lang`` from CLDR's plural rules (Babel's gettext form of
    them). Review files have no plurals; msgfmt wants the header and Poedit checks it."""
    from babel.core import UnknownLocaleError
    from babel.messages.plurals import get_plural

    try:
        return get_plural(lang.replace("-", "_")).plural_forms
    except (UnknownLocaleError, ValueError, TypeError):  # a code CLDR does not know
        return GENERIC_PLURAL


def _spans_of(parsed: ParsedPO) -> Spans:
    return dict(zip(map(id, parsed.entries), parsed.spans or ()))


class ReviewFile:
    """``review/<lang>.po`` in memory. Not thread-safe by itself: the store serialises calls."""

    def __init__(self, path: Path, lang: str, title: str, source: str) -> None:
        self.path, self.lang = path, lang
        self.lock = DirectoryLock(path.parent)
        self.header_comment = HEADER_COMMENT.format(source=source, lang=lang)
        self.metadata: dict[str, str] = {}
        self.defaults = {
            "Project-Id-Version": " ".join(title.split()) or "aligner review",
            "Language": lang.replace("-", "_"),
            "MIME-Version": "1.0",
            "Content-Type": "text/plain; charset=UTF-8",
            "Content-Transfer-Encoding": "8bit",
            "Plural-Forms": plural_forms(lang),
            "X-Generator": f"{GENERATOR} {__version__}",
            "X-Source-Language": source.replace("-", "_"),
        }
        self.entries: list[Entry] = []
        self.index: dict[str, int] = {}
        self._order = array("l")  # output slot -> position in entries
        self._slot_of = array("l")  # position in entries -> output slot
        # Per output slot, where the entry's bytes are in the file described by
        # ``fingerprint`` (-1: not there, render it).
        self._starts, self._ends = array("q"), array("q")
        # The entries as last read from / written to disk (entries are immutable, so a copy of
        # the list is a snapshot); the base of the three-way merge.
        self._on_disk_entries: list[Entry] = []
        self.fingerprint: Fingerprint | None = None
        self.on_disk = False
        self.absorbed: set[str] = set()  # keys whose review work came from disk, not yet taken
        # What the file on disk is, for the backup rule (``_may_become_backup``): None (no
        # file), "empty" (no entries), "damaged" (cut short by another program while open),
        # "aligner" (written by aligner) or "other".
        self._disk_kind: str | None = None

    @classmethod
    def load(
        cls, path: Path, lang: str, title: str, source: str, pool: dict[str, str] | None = None
    ) -> ReviewFile:
        """The file at ``path`` (an empty one when it does not exist yet).

        ``pool``: strings the entries may share instead of holding copies (the row texts).
        """
        review = cls(path, lang, title, source)
        content = read_if_exists(path)
        if content is not None:
            parsed = read_po(path, content, generator=GENERATOR, pool=pool)
            review.metadata = parsed.metadata
            review.fingerprint, review.on_disk = parsed.fingerprint, True
            entries = parsed.entries
            if LEGACY_STATES in parsed.header:
                entries = [_with_legacy_approval(entry) for entry in entries]
            review._set(entries, _spans_of(parsed))
            review._on_disk_entries = list(parsed.entries)  # the merge base: what the file says
            review._disk_kind = _kind_of(parsed)
        return review

    @property
    def empty_on_disk(self) -> bool:
        """Whether the file exists but holds no entry (0 bytes, or a header only)."""
        return self.on_disk and self._disk_kind == "empty"

    def missing_from_backup(self) -> list[Entry]:
        """The entries of ``<name>~`` holding review work (a fix, a note) that the file on disk
        lacks altogether: neither their row nor their work is in it. aligner never deletes an
        entry (it retires it, keeping the work), and PO editors change entries but do not
        drop them, so such entries mean a truncated or damaged file."""
        backup = self.path.with_name(self.path.name + BACKUP_SUFFIX)
        try:
            kept = read_po(backup).entries
        except (ReviewFileError, OSError):
            return []
        return dropped_work(kept, self._on_disk_entries)

    def missing_message(self, missing: list[Entry]) -> str:
        """Why a file that lost entries the backup has is refused, and what to do."""
        backup = self.path.with_name(self.path.name + BACKUP_SUFFIX)
        rows = ", ".join(entry.msgctxt or "?" for entry in missing[:5]) + (
            " ..." if len(missing) > 5 else ""
        )
        verb = "is" if len(missing) == 1 else "are"
        return (
            f"{self.path}: {_entries(len(missing))} holding review work in {backup.name} "
            f"{verb} missing from it (rows {rows}; truncated?); nothing was written; "
            f"restore it with 'cp {shlex.quote(str(backup))} "
            f"{shlex.quote(str(self.path))}', or delete {backup.name} to go on without them"
        )

    def empty_message(self, rows: int) -> str:
        """Why an empty review file is refused (the docset has ``rows`` rows), what to do."""
        size = self.fingerprint.size if self.fingerprint is not None else 0
        what = "is empty (0 bytes)" if size == 0 else "holds a header and no entries"
        backup = self.path.with_name(self.path.name + BACKUP_SUFFIX)
        count = _entry_count(backup)
        restore = (
            f"restore the previous version ({backup.name}, {count} entries) with "
            f"'cp {shlex.quote(str(backup))} {shlex.quote(str(self.path))}', or "
            if count
            else ""
        )
        return (
            f"{self.path}: {what}, while the document set has {rows} rows (truncated?); "
            f"nothing was written; {restore}delete {self.path.name} to start its review "
            "afresh"
        )

    def _known(self) -> Spans:
        """The current spans by id(entry) (the entries are alive, so ids are unique)."""
        starts, ends, entries = self._starts, self._ends, self.entries
        return {
            id(entries[position]): (starts[slot], ends[slot])
            for slot, position in enumerate(self._order)
            if starts[slot] >= 0
        }

    def _set(self, entries: list[Entry], known: Spans | None = None) -> None:
        """Take ``entries`` (unique keys: read_po refuses duplicates, sync makes none)."""
        index = {entry.key: position for position, entry in enumerate(entries)}
        if known is None:
            known = self._known()
        # Output slots: active entries in order, then obsolete ones (as polib writes them).
        order = array("l", [p for p, e in enumerate(entries) if not e.obsolete])
        order.extend(p for p, e in enumerate(entries) if e.obsolete)
        slot_of = array("l", bytes(order.itemsize * len(entries)))
        starts, ends = array("q", [-1]) * len(order), array("q", [-1]) * len(order)
        for slot, position in enumerate(order):
            slot_of[position] = slot
            span = known.get(id(entries[position]))
            if span is not None:
                starts[slot], ends[slot] = span
        self.entries, self.index, self._order, self._slot_of = entries, index, order, slot_of
        self._starts, self._ends = starts, ends

    def replace_entries(self, entries: list[Entry]) -> None:
        """Take the entries a sync produced (unchanged ones keep their place in the file)."""
        self._set(entries)

    def get(self, row: str) -> Entry:
        """The active entry of ``row`` (KeyError when absent)."""
        entry = self.entries[self.index[row]]
        if entry.obsolete:
            raise KeyError(row)
        return entry

    def _header(self, date: str | None) -> bytes:
        metadata = {
            **dict.fromkeys(TRANSLATOR_FIELDS, ""),
            **self.metadata,
            **self.defaults,
            "PO-Revision-Date": date or time.strftime("%Y-%m-%d %H:%M%z"),
        }
        return render_header(self.header_comment, metadata)

    def _body(self, base: bytes | None) -> tuple[list, array, array]:
        """The entries' bytes in output order, as pieces to join with b"\\n" after the header.

        Runs of entries whose bytes follow each other in ``base`` (the file ``fingerprint``
        describes) are copied from it; the others are rendered. Also returns where each
        entry's bytes will be, counted from the first entry.
        """
        count = len(self._order)
        starts, ends = self._starts, self._ends
        new_starts, new_ends = array("q", bytes(8 * count)), array("q", bytes(8 * count))
        view = memoryview(base) if base is not None else None
        pieces: list = []
        position = slot = 0  # where the next piece goes in the body; the next entry
        while slot < count:
            start = starts[slot] if view is not None else -1
            if start < 0:
                chunk = render_entry(self.entries[self._order[slot]]).encode("utf-8")
                pieces.append(chunk)
                new_starts[slot], new_ends[slot] = position, position + len(chunk)
                position += len(chunk) + 1
                slot += 1
                continue
            last = slot
            while last + 1 < count and starts[last + 1] == ends[last] + 1:
                last += 1
            shift = position - start
            new_starts[slot : last + 1] = array("q", [s + shift for s in starts[slot : last + 1]])
            new_ends[slot : last + 1] = array("q", [e + shift for e in ends[slot : last + 1]])
            pieces.append(view[start : ends[last]])
            position += ends[last] - start + 1
            slot = last + 1
        return pieces, new_starts, new_ends

    def render(self, date: str | None = None) -> bytes:
        """The whole file as polib would write it, its header dated ``date`` (default: now)."""
        content = read_if_exists(self.path)
        fresh = (
            content is not None
            and self.fingerprint is not None
            and self.fingerprint.same_content(content[1])
        )
        pieces = self._body(content[0] if fresh else None)[0]
        return b"\n".join([self._header(date), *pieces])

    def _replace(self, position: int, entry: Entry) -> tuple[int, int]:
        """Put ``entry`` at ``position`` (same key); the old entry's span, now forgotten."""
        self.entries[position] = entry
        slot = self._slot_of[position]
        span = self._starts[slot], self._ends[slot]
        self._starts[slot] = self._ends[slot] = -1
        return span

    def _forget_spans(self) -> None:
        self._starts = array("q", [-1]) * len(self._order)
        self._ends = array("q", [-1]) * len(self._order)

    def absorb_disk(self, read: bool = False) -> tuple[set[str], bytes | None]:
        """Merge changes made on disk since the last read/write.

        Returns the keys whose review work changed, and (when ``read``, or when the file had
        to be read) the file's bytes, which the spans then point into.
        """
        if read:  # the bytes will be copied: check them, whatever the stat says
            content = read_if_exists(self.path)
            changed = (
                self.fingerprint is not None
                if content is None
                else self.fingerprint is None or not self.fingerprint.same_content(content[1])
            )
        else:
            changed, content = changed_on_disk(self.path, self.fingerprint)
        if not changed:
            if content is not None:  # same bytes, maybe a newer stat (touched): remember it
                self.fingerprint = content[1]
                return set(), content[0]
            return set(), None
        if content is None:  # deleted by someone: the next save writes it again
            self.fingerprint, self._on_disk_entries, self.on_disk = None, [], False
            self._disk_kind = None
            self._forget_spans()
            return set(), None
        pool = {
            text: text
            for entry in self.entries
            for text in (entry.msgctxt, entry.msgid, entry.msgstr, entry.original)
            if text
        }
        theirs = read_po(self.path, content, generator=GENERATOR, pool=pool)
        if not theirs.entries and self.entries:
            # Emptied (truncated, or a header only) by someone: that is no review work to
            # merge but a damaged file. Like a deleted one, the next save writes this copy
            # again in full; the empty file never becomes the backup.
            self.fingerprint, self._on_disk_entries, self.on_disk = None, [], False
            self._disk_kind = "empty"
            self._forget_spans()
            return set(), None
        base = {e.key: fields_of(e) for e in self._on_disk_entries}
        merged, touched = _merge(base, self.entries, theirs.entries)
        self.absorbed |= touched
        damaged = bool(dropped_work(self._on_disk_entries, theirs.entries))
        self._set(merged, _spans_of(theirs))  # only their entries are in the file now
        self.metadata = {**self.metadata, **theirs.metadata}  # e.g. an editor's Last-Translator
        self._on_disk_entries = theirs.entries
        self.fingerprint, self.on_disk = theirs.fingerprint, True
        # a file that lost entries holding work (kept here) never becomes the backup
        self._disk_kind = "damaged" if damaged else _kind_of(theirs)
        return touched, content[0]

    def modify(
        self, row: str, change: Callable[[Entry], Entry], expect: Fields | None = None
    ) -> Entry:
        """Save ``change(entry)`` as the row's entry at once; the new entry.

        Raises ReviewConflictError (nothing written, the disk version kept) when another
        program changed this entry since it was read, or when it no longer is ``expect``.
        """
        (result,) = self.modify_many([(row, change, expect)])
        if isinstance(result, ReviewConflictError):
            raise result
        return result

    def modify_many(
        self, changes: list[tuple[str, Callable[[Entry], Entry], Callable | None]]
    ) -> list[Entry | ReviewConflictError]:
        """Save ``change(entry)`` for each (row, change, expect) in one write; per change the
        new entry, or the ReviewConflictError that refused it (as ``modify`` raises it:
        another program changed the entry since it was read, or it no longer is ``expect``:
        a Fields tuple, or a function of the current entry saying whether it still is as
        the caller saw it). Refused changes write nothing; the others are saved together.
        When the write fails, nothing of the batch is kept in memory and the error is raised.
        """
        with self.lock:
            seen = {row: fields_of(self.get(row)) for row, _, _ in changes}
            touched, base = self.absorb_disk(read=True)
            results: list[Entry | ReviewConflictError] = []
            undo: dict[int, tuple[Entry, tuple[int, int]]] = {}  # position -> (entry, span)
            for row, change, expect in changes:
                try:
                    current = self.get(row)
                except KeyError:
                    results.append(_retired(self.path, row))
                    continue
                if row in touched or not _as_expected(current, expect):
                    results.append(_changed_elsewhere(self.path, row))
                    continue
                updated = change(current)
                results.append(updated)
                if fields_of(updated) == fields_of(current) == seen[row] and self.on_disk:
                    results[-1] = current
                    continue
                position = self.index[row]
                span = self._replace(position, updated)
                undo.setdefault(position, (current, span))
            if not undo:
                return results
            try:
                self._write(base)
            except BaseException:
                for position, (entry, span) in undo.items():
                    self.entries[position] = entry
                    slot = self._slot_of[position]
                    self._starts[slot], self._ends[slot] = span
                raise
            return results

    def _write(self, base: bytes | None, body: tuple | None = None) -> None:
        """Save the whole file atomically (caller holds the lock and has absorbed the disk)."""
        date = time.strftime("%Y-%m-%d %H:%M%z")
        pieces, starts, ends = body if body is not None else self._body(base)
        header = self._header(date)
        parts = [header]
        for piece in pieces:
            parts += (b"\n", piece)
        remove_stale_temporaries(self.path.parent)
        self.fingerprint = atomic_write(
            self.path,
            parts,
            backup=self._may_become_backup(),
            error=ReviewSaveError,
            kept="nothing was saved (the file and its backup are as they were)",
        )
        self._disk_kind = "aligner"
        offset = len(header) + 1
        self._starts = array("q", [start + offset for start in starts])
        self._ends = array("q", [end + offset for end in ends])
        self.on_disk = True
        self.metadata["PO-Revision-Date"] = date
        self._on_disk_entries = list(self.entries)

    def _may_become_backup(self) -> bool:
        """Whether the file on disk may replace ``<name>~`` as the file is saved.

        A backup is the last good copy, so it is replaced only by a file at least as good:
        never by one with no entries (0 bytes, a header only) or that another program cut
        short while it was open (entries with review work gone); and never by a file another
        program wrote (a PO editor, a damaged copy) that lacks reviewer work (a fix or a
        note) the backup holds: what aligner writes keeps all the work of the file it
        replaces (``save`` checks it), so only such a file can be the first to have lost
        some. In both cases the backup stays and the file is simply replaced.
        """
        if self._disk_kind in (None, "empty", "damaged"):
            return self._disk_kind is None  # (None: no file, nothing to rotate anyway)
        if self._disk_kind == "aligner":
            return True
        backup = self.path.with_name(self.path.name + BACKUP_SUFFIX)
        try:
            kept = read_po(backup)
        except (ReviewFileError, OSError):
            return True  # no backup, or not a readable one: the file on disk is better
        return not lost_work(kept.entries, self._on_disk_entries)

    def save(self) -> bool:
        """Write the file when its content differs from the disk (after a sync); True if written.

        Refused (ReviewFileError, nothing written) when the new content would drop a fix or a
        note that the file on disk holds: sync keeps all review work (as obsolete entries at
        worst), so that would be a bug, and a reviewer's fix is worth more than a sync.
        """
        with self.lock:
            _, base = self.absorb_disk(read=True)
            lost = lost_work(self._on_disk_entries, self.entries)
            if lost:
                rows = ", ".join(entry.msgctxt or "?" for entry in lost[:5])
                raise ReviewFileError(
                    f"{self.path}: saving would drop the review work of "
                    f"{_entries(len(lost))} (rows {rows}); nothing was saved; this is a bug "
                    f"in aligner: keep a copy of {self.path.name} and report it"
                )
            body = self._body(base)
            if self.on_disk and base is not None:
                unchanged = b"\n".join(
                    [self._header(self.metadata.get("PO-Revision-Date")), *body[0]]
                )
                if unchanged == base:
                    return False
            self._write(base, body)
            return True


def _as_expected(entry: Entry, expect) -> bool:
    if expect is None:
        return True
    return expect(entry) if callable(expect) else fields_of(entry) == expect


def _retired(path: Path, row: str) -> ReviewConflictError:
    return ReviewConflictError(
        located(
            path,
            f"row {row} was retired by another program (aligner sync?) since it was read; "
            "nothing was saved; reopen the document set",
        )
    )


def _changed_elsewhere(path: Path, row: str) -> ReviewConflictError:
    return ReviewConflictError(
        located(
            path,
            f"row {row} was changed by another program since it was read; its version is "
            "loaded now and nothing was saved; check it and redo the change if it still applies",
        )
    )


def _with_legacy_approval(entry: Entry) -> Entry:
    """An entry of a file written when "not fuzzy" meant approved, in today's states."""
    if entry.obsolete or entry.fuzzy or not entry.changed:
        return entry
    fuzzy, marked = state_of(entry)
    return entry if marked else with_state(entry, (False, True))


def _entries(count: int) -> str:
    return f"{count} entry" if count == 1 else f"{count} entries"


def _kind_of(parsed: ParsedPO) -> str:
    if not parsed.entries:
        return "empty"
    return "aligner" if parsed.metadata.get("X-Generator", "").startswith(GENERATOR) else "other"


def _entry_count(path: Path) -> int:
    """How many entries the PO file at ``path`` holds (0 when missing or unreadable)."""
    try:
        return len(read_po(path).entries)
    except (ReviewFileError, OSError):
        return 0


def _fixed(entry: Entry) -> bool:
    """Whether the entry holds a fix (a text other than the original; any text if obsolete)."""
    if entry.obsolete:
        return bool(entry.msgstr)
    return entry.original is not None and entry.msgstr != entry.original


def lost_work(old: list[Entry], new: list[Entry]) -> list[Entry]:
    """The entries of ``old`` whose fix or note ``new`` holds nowhere (compared by value:
    a sync moves fixes between rows and into obsolete entries, but never drops one)."""
    texts, notes = _work_values(new)
    return [entry for entry in old if _work_missing(entry, texts, notes)]


def dropped_work(old: list[Entry], new: list[Entry]) -> list[Entry]:
    """``lost_work`` for entries that ``new`` lacks altogether (their row is not in it)."""
    keys = {entry.key for entry in new}
    return [entry for entry in lost_work(old, new) if entry.key not in keys]


def _work_values(entries: list[Entry]) -> tuple[set[str], set[str]]:
    return {entry.msgstr for entry in entries}, {entry.note for entry in entries if entry.note}


def _work_missing(entry: Entry, texts: set[str], notes: set[str]) -> bool:
    return bool(
        (_fixed(entry) and entry.msgstr not in texts) or (entry.note and entry.note not in notes)
    )


def _merge(
    base: dict[str, Fields], ours: list[Entry], theirs: list[Entry]
) -> tuple[list[Entry], set[str]]:
    """Three-way merge by entry key; theirs wins where both changed the same entry.

    Where the result equals their entry, their entry is taken (its bytes are in their file).
    """
    their_map = {e.key: e for e in theirs}
    merged, touched, seen = [], set(), set()
    work: tuple[set[str], set[str]] | None = None  # their texts and notes, when needed
    for entry in ours:
        key = entry.key
        seen.add(key)
        mine, was = fields_of(entry), base.get(key)
        their = their_map.get(key)
        if their is None:
            if was is None or mine != was:
                merged.append(entry)  # added here, or changed here and deleted there: keep
                continue
            if work is None:
                work = _work_values(theirs)
            if _work_missing(entry, *work):
                # dropped there with review work their file holds nowhere: a truncation or
                # damage, not a retirement (that keeps the work in an obsolete entry): keep
                merged.append(entry)
            continue
        yours = fields_of(their)
        if yours == was or yours == mine:
            merged.append(their if entry == their else entry)
            continue
        adopted = with_state(
            replace(entry, msgstr=their.msgstr, note=their.note, decisions=their.decisions),
            state_of(their),
        )
        merged.append(their if adopted == their else adopted)
        touched.add(key)
    for their in theirs:
        key = their.key
        if key in seen:
            continue
        was = base.get(key)
        if was is None or fields_of(their) != was:
            merged.append(their)  # added there, or changed there and retired here: keep
            touched.add(key)
    active = [e for e in merged if not e.obsolete]
    return active + unique_obsolete(active, [e for e in merged if e.obsolete]), touched
