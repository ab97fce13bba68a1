"""Many fixes saved at once (``ReviewStore.set_fixes``), as ``aligner import`` saves them.

One write per review file (so its backup is the review as it was before the batch), with the
conflict rules of a single fix: an entry another program changed, or that is no longer what
the caller decided on, is refused and keeps the other version; a failed write keeps nothing
of the batch and changes no file.
"""

from __future__ import annotations

import errno
import os
import shutil

import polib
import pytest

from aligner.review.store import Fix, ReviewConflictError, ReviewSaveError, ReviewStore, StoreError
from tests.conftest import BUNDLED, run_aligner
from tests.interchange_fixtures import export_files, open_store, po_entries, review_bytes, synced
from tests.test_import import _en, edit_xliff
from tests.test_store_fixtures import TEXTS, make_docset, msgfmt_check, one_to_one


@pytest.fixture
def docset(tmp_path):
    return make_docset(tmp_path / "doc")


def _open(docset):
    return ReviewStore.open(docset, one_to_one(docset))


def _msgstrs(path):
    return {e.msgctxt: e.msgstr for e in polib.pofile(str(path)) if not e.obsolete}


def test_a_batch_is_one_write_and_the_backup_is_the_review_before_it(docset):
    store = _open(docset)
    store.set_fix("r1", "en", "saved before the batch")
    path = docset.path / "review" / "en.po"
    before = path.read_bytes()
    results = store.set_fixes(
        [
            Fix("r2", "en", "batch fix two"),
            Fix("r3", "en", "batch fix three", approve=True),
            Fix("r2", "ru", "пакетная правка"),
        ]
    )
    assert [r.text for r in results] == ["batch fix two", "batch fix three", "пакетная правка"]
    assert path.with_name("en.po~").read_bytes() == before  # one write: one rotation
    fixes = _msgstrs(path)
    assert fixes["r1"] == "saved before the batch" and fixes["r2"] == "batch fix two"
    assert store.get("r3", "en").status == "approved"
    assert _msgstrs(docset.path / "review" / "ru.po")["r2"] == "пакетная правка"
    assert msgfmt_check(path).returncode == 0
    assert store.undo() is not None and _msgstrs(path)["r2"] != "пакетная правка"


def test_an_entry_changed_by_another_program_is_refused_the_others_saved(docset):
    ours, other = _open(docset), _open(docset)
    other.set_fix("r2", "en", "theirs, saved by another program")
    results = ours.set_fixes([Fix("r1", "en", "ours one"), Fix("r2", "en", "ours two")])
    assert results[0].text == "ours one"
    assert isinstance(results[1], ReviewConflictError)
    assert "row r2 was changed by another program" in str(results[1])
    fixes = _msgstrs(docset.path / "review" / "en.po")
    assert fixes == {**fixes, "r1": "ours one", "r2": "theirs, saved by another program"}
    assert ours.get("r2", "en").text == "theirs, saved by another program"  # shown, not stale


def test_expect_refuses_a_fix_whose_entry_is_not_what_the_caller_saw(docset):
    store = _open(docset)
    seen = store.get("r2", "en")
    store.set_note("r2", "en", "a note made meanwhile")  # e.g. in the UI, same process
    path = docset.path / "review" / "en.po"
    before = path.read_bytes()
    (result,) = store.set_fixes([Fix("r2", "en", "decided on the old state", expect=seen)])
    assert isinstance(result, ReviewConflictError) and path.read_bytes() == before
    with pytest.raises(ReviewConflictError):
        store.set_fix("r2", "en", "decided on the old state", expect=seen)
    now = store.get("r2", "en")
    assert store.set_fix("r2", "en", "decided on this state", expect=now).text == (
        "decided on this state"
    )


def test_an_unknown_row_stops_the_batch_before_anything_is_written(docset):
    store = _open(docset)
    store.save()
    before = review_bytes(docset.path)
    with pytest.raises(StoreError, match="no row r99"):
        store.set_fixes([Fix("r1", "en", "fine"), Fix("r99", "en", "no such row")])
    assert review_bytes(docset.path) == before and store.get("r1", "en").text == TEXTS["en"][0]


def test_a_failed_write_keeps_nothing_of_the_batch_and_no_file_changes(docset, monkeypatch):
    store = _open(docset)
    store.set_fix("r1", "en", "saved before the fault")
    before = review_bytes(docset.path)
    fixes = [Fix("r2", "en", "typed fix two"), Fix("r3", "en", "typed fix three")]
    with monkeypatch.context() as patch:

        def failing(*args, **kwargs):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

        patch.setattr(os, "replace", failing)
        with pytest.raises(ReviewSaveError, match="no space left"):
            store.set_fixes(fixes)
    assert review_bytes(docset.path) == before
    assert store.get("r2", "en").text == TEXTS["en"][1]  # the store says: not saved
    assert [r.text for r in store.set_fixes(fixes)] == ["typed fix two", "typed fix three"]
    assert _msgstrs(docset.path / "review" / "en.po")["r1"] == "saved before the fault"


@pytest.mark.parametrize("version", ["xliff20", "csv"])
def test_aligner_import_writes_each_review_file_once(tmp_path, version):
    """After an import the backup is the review before it: `cp en.po~ en.po` undoes it."""
    target = tmp_path / "joint"
    shutil.copytree(BUNDLED, target, ignore=shutil.ignore_patterns("review", "alignment.tsv"))
    docset = synced(target)
    rows = [row.id for row in open_store(docset).alignment.rows]
    files = export_files(docset, version, tmp_path / "x")
    edits = {rows[n]: f"Edited elsewhere, row {n}." for n in (1, 2, 4)}
    if version == "csv":
        from tests.test_csv import read_table, write_table

        table = read_table(files[0])
        for record in table[1:]:
            if record[0] in edits:
                record[table[0].index("en")] = edits[record[0]]
        write_table(files[0], table)
        path = files[0]
    else:
        path = _en(files)
        for row, text in edits.items():
            edit_xliff(path, version, row, text)
    before = (docset / "review" / "en.po").read_bytes()
    result = run_aligner("import", str(path), str(docset))
    assert result.returncode == 0, result.stderr
    assert "3 applied" in result.stdout
    assert (docset / "review" / "en.po~").read_bytes() == before
    entries = po_entries(docset, "en")
    assert {row: entries[row].msgstr for row in edits} == edits
