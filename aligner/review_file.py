"""One review file in memory: entries indexed by row id, cached renderings, safe saving.

Every save first looks at the file on disk. When another program changed it since it was last
read or written (another ``aligner`` process, a PO editor), the changes are merged entry by
entry: the other program's review work (msgstr, approval, note) is taken where this copy did
not change the entry; a change of this copy to an entry the other program also changed is
refused with ReviewConflictError, nothing is written, and the other version is kept in memory.
"""

from __future__ import annotations

import copy
import time
from pathlib import Path
from typing import Callable

import polib

from . import __version__
from .errors import located
from .pofile_io import (DirectoryLock, Fingerprint, ReviewConflictError, ReviewFileError,
                        atomic_write, changed_on_disk, join_file, read_po, remove_stale_temporaries,
                        render_entry, render_header)
from .review_entry import FUZZY, set_fuzzy
from .sync import unique_obsolete

GENERATOR = "aligner"
Fields = tuple[str, bool, str, bool]  # msgstr, approved, note, obsolete: the reviewer's work
HEADER_COMMENT = (
    "Review file written by aligner. msgctxt: row id; msgid: the row's {source} text\n"
    "(\"[no {source} text]\" when it has none); msgstr: the reviewed {lang} text; fuzzy: not\n"
    "approved yet; \"# \" lines: reviewer notes; \"#.\" lines: the row's flags and the original\n"
    "{lang} text (\"original:\", continued on \"|\" lines), rewritten by aligner sync.")
_PLURAL_FORMS = {
    1: ("zh", "ja", "ko", "vi", "th", "id", "ms", "lo", "my", "km", "bo", "dz", "ka"),
    3: ("ru", "uk", "be", "sr", "hr", "bs"),
}
_RUSSIAN_PLURAL = ("nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && "
                   "(n%100<10 || n%100>=20) ? 1 : 2);")


def key_of(entry: polib.POEntry) -> str:
    """Merge key: the row id of an active entry; context and msgid of an obsolete one."""
    if entry.obsolete:
        return f"~{entry.msgctxt}\x04{entry.msgid}"
    return entry.msgctxt if entry.msgctxt is not None else f"\x04{entry.msgid}"


def fields_of(entry: polib.POEntry) -> Fields:
    """The part of an entry a reviewer (or a PO editor) changes."""
    return entry.msgstr, not entry.fuzzy, entry.tcomment, bool(entry.obsolete)


def plural_forms(lang: str) -> str:
    """A valid Plural-Forms header for ``lang`` (review files have no plurals, msgfmt wants one)."""
    base = lang.split("-")[0].split("_")[0]
    if base in _PLURAL_FORMS[1]:
        return "nplurals=1; plural=0;"
    if base in _PLURAL_FORMS[3]:
        return _RUSSIAN_PLURAL
    return "nplurals=2; plural=(n != 1);"


class ReviewFile:
    """``review/<lang>.po`` in memory. Not thread-safe by itself: the store serialises calls."""

    def __init__(self, path: Path, lang: str, title: str, source: str) -> None:
        self.path, self.lang = path, lang
        self.lock = DirectoryLock(path.parent)
        self.header_comment = HEADER_COMMENT.format(source=source, lang=lang)
        self.metadata: dict[str, str] = {}
        self.defaults = {
            "Project-Id-Version": " ".join(title.split()) or "aligner review",
            "Language": lang.replace("-", "_"), "MIME-Version": "1.0",
            "Content-Type": "text/plain; charset=UTF-8", "Content-Transfer-Encoding": "8bit",
            "Plural-Forms": plural_forms(lang), "X-Generator": f"{GENERATOR} {__version__}",
            "X-Source-Language": source.replace("-", "_"),
        }
        self.entries: list[polib.POEntry] = []
        self.index: dict[str, int] = {}
        self._rendered: list[bytes | None] = []  # each entry as written, in output order
        self._order: list[int] = []              # output slot -> position in entries
        self._slot_of: dict[int, int] = {}
        # The entries as last read from / written to disk (entries are replaced, never changed
        # in place, so a shallow copy is a snapshot); the base of the three-way merge.
        self._on_disk_entries: list[polib.POEntry] = []
        self.fingerprint: Fingerprint | None = None
        self.on_disk = False

    @classmethod
    def load(cls, path: Path, lang: str, title: str, source: str) -> ReviewFile:
        """The file at ``path`` (an empty one when it does not exist yet)."""
        review = cls(path, lang, title, source)
        if path.exists():
            parsed = read_po(path, generator=GENERATOR)
            review.metadata = dict(parsed.po.metadata)
            review.fingerprint, review.on_disk = parsed.fingerprint, True
            review._set(*_with_chunks(list(parsed.po), parsed.chunks))
            review._on_disk_entries = list(review.entries)
        return review

    def _known(self) -> dict[int, bytes]:
        """The cached renderings by id(entry) (the entries are alive, so ids are unique)."""
        return {id(self.entries[position]): chunk
                for position, chunk in zip(self._order, self._rendered) if chunk is not None}

    def _set(self, entries: list[polib.POEntry], known: dict[int, bytes] | None = None) -> None:
        index: dict[str, int] = {}
        for position, entry in enumerate(entries):
            key = key_of(entry)
            if key in index:
                first = entries[index[key]]
                raise ReviewFileError(located(
                    self.path, f"row {entry.msgctxt} appears twice (lines {first.linenum} and "
                               f"{entry.linenum}); delete one of the two entries",
                    entry.linenum))
            index[key] = position
        if known is None:
            known = self._known()
        # Output slots: active entries in order, then obsolete ones (as polib writes them).
        order = ([p for p, e in enumerate(entries) if not e.obsolete]
                 + [p for p, e in enumerate(entries) if e.obsolete])
        self.entries, self.index = entries, index
        self._slot_of = {position: slot for slot, position in enumerate(order)}
        self._order = order
        self._rendered = [known.get(id(entries[p])) for p in order]

    def replace_entries(self, entries: list[polib.POEntry]) -> None:
        """Take the entries a sync produced (unchanged ones keep their cached rendering)."""
        self._set(entries)

    def get(self, row: str) -> polib.POEntry:
        """The active entry of ``row`` (KeyError when absent)."""
        entry = self.entries[self.index[row]]
        if entry.obsolete:
            raise KeyError(row)
        return entry

    def render(self, date: str | None = None) -> bytes:
        """The whole file as polib would write it, its header dated ``date`` (default: now)."""
        metadata = {**self.metadata, **self.defaults,
                    "PO-Revision-Date": date or time.strftime("%Y-%m-%d %H:%M%z")}
        self.prepare()
        return join_file(render_header(self.header_comment, metadata), self._rendered)

    def prepare(self) -> None:
        """Render the entries not rendered yet (so that the next save is as quick as any)."""
        rendered = self._rendered
        for slot, chunk in enumerate(rendered):
            if chunk is None:
                rendered[slot] = render_entry(self.entries[self._order[slot]])

    def _replace(self, position: int, entry: polib.POEntry) -> None:
        """Put ``entry`` at ``position`` (same key) and drop its cached rendering."""
        self.entries[position] = entry
        self._rendered[self._slot_of[position]] = None

    def absorb_disk(self) -> set[str]:
        """Merge changes made on disk since the last read/write; the keys whose work changed."""
        changed, content = changed_on_disk(self.path, self.fingerprint)
        if not changed:
            if content is not None:  # same bytes, newer stat (touched): remember the stat
                self.fingerprint = content[1]
            return set()
        if content is None:  # deleted by someone: the next save writes it again
            self.fingerprint, self._on_disk_entries, self.on_disk = None, [], False
            return set()
        theirs = read_po(self.path, content, generator=GENERATOR)
        other = ReviewFile(self.path, self.lang, "", "")
        other._set(*_with_chunks(list(theirs.po), theirs.chunks))
        base = {key_of(e): fields_of(e) for e in self._on_disk_entries}
        merged, touched = _merge(base, self.entries, other.entries)
        self._set(merged, self._known() | other._known())
        self.metadata = {**self.metadata, **theirs.po.metadata}  # e.g. an editor's Last-Translator
        self._on_disk_entries = other.entries
        self.fingerprint, self.on_disk = theirs.fingerprint, True
        return touched

    def modify(self, row: str, change: Callable[[polib.POEntry], None],
               expect: Fields | None = None) -> polib.POEntry:
        """Apply ``change`` to a copy of the row's entry and save at once; the new entry.

        Raises ReviewConflictError (nothing written, the disk version kept) when another
        program changed this entry since it was read, or when it no longer is ``expect``.
        """
        with self.lock:
            seen = fields_of(self.get(row))
            touched = self.absorb_disk()
            try:
                current = self.get(row)
            except KeyError:
                raise ReviewConflictError(located(
                    self.path, f"row {row} was retired by another program (aligner sync?) "
                               "since it was read; nothing was saved; reopen the document "
                               "set")) from None
            if row in touched or (expect is not None and fields_of(current) != expect):
                raise ReviewConflictError(located(
                    self.path, f"row {row} was changed by another program since it was read; "
                               "its version is loaded now and nothing was saved; check it and "
                               "redo the change if it still applies"))
            updated = copy.deepcopy(current)
            change(updated)
            if fields_of(updated) == seen and fields_of(current) == seen and self.on_disk:
                return current
            position = self.index[row]
            self._replace(position, updated)
            try:
                self.write()
            except BaseException:
                self._replace(position, current)
                raise
            return updated

    def write(self) -> None:
        """Save the whole file atomically (caller holds the lock and has absorbed the disk)."""
        date = time.strftime("%Y-%m-%d %H:%M%z")
        data = self.render(date)
        remove_stale_temporaries(self.path.parent)
        try:
            self.fingerprint = atomic_write(self.path, data)
        except OSError as exc:
            raise ReviewFileError(f"{self.path}: cannot save ({exc.strerror or exc}); the "
                                  "change was not saved; free space or fix permissions and "
                                  "retry") from None
        self.on_disk = True
        self.metadata["PO-Revision-Date"] = date
        self._on_disk_entries = list(self.entries)

    def save(self) -> bool:
        """Write the file when its content differs from the disk (after a sync); True if written."""
        with self.lock:
            self.absorb_disk()
            if self.on_disk:
                unchanged = self.render(self.metadata.get("PO-Revision-Date"))
                if unchanged == self.path.read_bytes():
                    return False
            self.write()
            return True


def _with_chunks(entries: list[polib.POEntry], chunks: list[bytes] | None
                 ) -> tuple[list[polib.POEntry], dict[int, bytes]]:
    return entries, dict(zip(map(id, entries), chunks or ()))


def _merge(base: dict[str, Fields], ours: list[polib.POEntry],
           theirs: list[polib.POEntry]) -> tuple[list[polib.POEntry], set[str]]:
    """Three-way merge by entry key; theirs wins where both changed the same entry."""
    their_map = {key_of(e): e for e in theirs}
    merged, touched, seen = [], set(), set()
    for entry in ours:
        key = key_of(entry)
        seen.add(key)
        mine, was = fields_of(entry), base.get(key)
        their = their_map.get(key)
        if their is None:
            if was is None or mine != was:
                merged.append(entry)  # added here, or changed here and deleted there: keep
            continue
        yours = fields_of(their)
        if yours == was or yours == mine:
            merged.append(entry)
            continue
        adopted = copy.copy(entry)
        adopted.msgstr, adopted.tcomment = their.msgstr, their.tcomment
        adopted.flags = list(entry.flags)
        set_fuzzy(adopted, FUZZY in their.flags)
        merged.append(adopted)
        touched.add(key)
    for their in theirs:
        key = key_of(their)
        if key in seen:
            continue
        was = base.get(key)
        if was is None or fields_of(their) != was:
            merged.append(their)  # added there, or changed there and retired here: keep
            touched.add(key)
    active = [e for e in merged if not e.obsolete]
    return active + unique_obsolete(active, [e for e in merged if e.obsolete]), touched
