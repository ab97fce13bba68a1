"""Reviewers' work is never lost: atomic saves, backups, concurrent writers, malformed files."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time

import polib
import pytest

from aligner.alignment import Alignment
from aligner.review.pofile_io import read_po
from aligner.review.safe_files import ReviewConflictError, ReviewFileError
from aligner.review.store import ReviewStore
from tests.conftest import ROOT
from tests.test_store_fixtures import TEXTS, make_docset, msgfmt_check, one_to_one


@pytest.fixture
def docset(tmp_path):
    return make_docset(tmp_path / "doc")


def _open(docset):
    return ReviewStore.open(docset, one_to_one(docset))


def _en(docset):
    return docset.path / "review" / "en.po"


def _msgstr(path, row):
    return next(e.msgstr for e in polib.pofile(str(path)) if e.msgctxt == row)


def test_each_save_keeps_the_previous_version_as_a_backup(docset):
    store = _open(docset)
    store.set_fix("r1", "en", "first fix")
    store.set_fix("r2", "en", "second fix")
    backup = _en(docset).with_name("en.po~")
    assert _msgstr(backup, "r1") == "first fix"
    assert _msgstr(backup, "r2") == TEXTS["en"][1]
    assert _msgstr(_en(docset), "r2") == "second fix"
    assert not list(_en(docset).parent.glob(".*.tmp"))


def test_two_stores_on_one_docset_keep_each_others_fixes(docset):
    first, second = _open(docset), _open(docset)
    first.set_fix("r1", "en", "fix from the first")
    second.set_fix("r2", "en", "fix from the second")
    first.set_note("r3", "en", "note from the first")
    assert _msgstr(_en(docset), "r1") == "fix from the first"
    assert _msgstr(_en(docset), "r2") == "fix from the second"
    assert first.get("r2", "en").text == "fix from the second"  # merged in at its next save
    assert second.refresh() == [("r3", "en")]
    assert second.get("r1", "en").text == "fix from the first"


def test_two_changes_to_the_same_entry_stop_with_a_conflict(docset):
    first, second = _open(docset), _open(docset)
    first.set_fix("r2", "en", "the first version")
    before = _en(docset).read_bytes()
    with pytest.raises(ReviewConflictError, match=r"en\.po: row r2 was changed by another"):
        second.set_fix("r2", "en", "the second version")
    assert _en(docset).read_bytes() == before
    assert second.get("r2", "en").text == "the first version"  # the other version is shown
    second.set_fix("r2", "en", "the second version, after looking")
    assert _msgstr(_en(docset), "r2") == "the second version, after looking"


def test_undo_does_not_clobber_a_change_made_elsewhere(docset):
    first, second = _open(docset), _open(docset)
    first.set_fix("r2", "en", "mine")
    second.refresh()
    second.set_fix("r2", "en", "theirs")
    with pytest.raises(ReviewConflictError):
        first.undo()
    assert _msgstr(_en(docset), "r2") == "theirs"


def test_a_row_retired_by_another_sync_cannot_be_fixed_silently(docset):
    _open(docset).save()
    store = _open(docset)
    shorter = Alignment(docset.languages, one_to_one(docset).rows[:3])
    ReviewStore.open(docset, shorter).save()  # another process synced: r4 is obsolete now
    with pytest.raises(ReviewConflictError, match="row r4 was retired"):
        store.set_fix("r4", "en", "lost?")
    assert store.set_fix("r3", "en", "still fine").text == "still fine"
    assert [e.msgctxt for e in polib.pofile(str(_en(docset))) if e.obsolete] == ["r4"]


def test_an_outside_editor_change_to_another_entry_is_merged_not_clobbered(docset):
    store = _open(docset)
    store.set_fix("r1", "en", "mine")
    po = polib.pofile(str(_en(docset)))
    next(e for e in po if e.msgctxt == "r3").msgstr = "edited in an editor"
    po.save()
    store.set_fix("r2", "en", "mine again")
    assert _msgstr(_en(docset), "r3") == "edited in an editor"
    assert _msgstr(_en(docset), "r1") == "mine"


def test_an_edit_that_keeps_size_and_mtime_is_still_noticed(docset):
    _open(docset).save()
    path = _en(docset)
    os.utime(path, ns=(10**18, 10**18))  # an old file: its stat alone would look trustworthy
    store = _open(docset)
    stat = path.stat()
    with open(path, "r+b") as handle:  # an editor rewriting in place, same size, same mtime
        data = handle.read().replace(b"They signed 12 documents.", b"They signed 20 documents.")
        handle.seek(0)
        handle.write(data)
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert path.stat().st_size == stat.st_size
    store.set_fix("r1", "en", "mine")
    assert _msgstr(path, "r3") == "They signed 20 documents."
    assert _msgstr(path, "r1") == "mine"
    assert store.get("r3", "en").text == "They signed 20 documents."


def test_a_deleted_review_file_is_written_again_in_full(docset):
    store = _open(docset)
    store.set_fix("r1", "en", "kept in memory")
    _en(docset).unlink()
    store.set_fix("r2", "en", "after deletion")
    assert _msgstr(_en(docset), "r1") == "kept in memory"
    assert _msgstr(_en(docset), "r2") == "after deletion"


@pytest.mark.parametrize(
    "damage, line",
    [
        (
            lambda text: text.replace(
                'msgstr "They signed 12 documents."', 'msgstr "They signed 12 documents.'
            ),
            None,
        ),
        (
            lambda text: text.replace(
                "#. original: They signed", "garbage line\n#. original: They signed"
            ),
            None,
        ),
        (lambda text: text.replace('msgctxt "r3"', 'msgctxt "r2"'), None),
    ],
)
def test_a_malformed_file_is_reported_with_its_line_and_never_overwritten(docset, damage, line):
    _open(docset).save()
    path = _en(docset)
    broken = damage(path.read_text(encoding="utf-8"))
    path.write_text(broken, encoding="utf-8")
    with pytest.raises(ReviewFileError, match=r"en\.po:\d+: ") as error:
        _open(docset)
    number = int(str(error.value).split("en.po:")[1].split(":")[0])
    assert 0 < number <= broken.count("\n") + 1
    assert path.read_bytes() == broken.encode("utf-8")


def test_a_file_broken_while_open_stops_the_save_and_stays_as_it_is(docset):
    store = _open(docset)
    store.set_fix("r1", "en", "saved")
    path = _en(docset)
    broken = path.read_text(encoding="utf-8") + '\nmsgid "unterminated\n'
    path.write_text(broken, encoding="utf-8")
    with pytest.raises(ReviewFileError, match=r"not a valid PO file"):
        store.set_fix("r2", "en", "not saved")
    assert path.read_text(encoding="utf-8") == broken


def test_not_utf8_is_a_clear_error(docset):
    _open(docset).save()
    path = _en(docset)
    path.write_bytes(path.read_bytes().replace(b"documents", b"docum\xffents"))
    with pytest.raises(ReviewFileError, match=r"en\.po:\d+: not valid UTF-8"):
        _open(docset)


_WORKER = textwrap.dedent("""
    import sys
    from aligner.docset import load
    from aligner.review.store import ReviewStore
    from tests.test_store_fixtures import one_to_one
    docset = load(sys.argv[1])
    store = ReviewStore.open(docset, one_to_one(docset), languages=["en"])
    store.save()
    print("ready", flush=True)
    start, rounds = int(sys.argv[2]), int(sys.argv[3])
    for n in range(rounds):
        for k in range(start, len(store.alignment.rows) + 1, 2):
            store.set_fix(f"r{k}", "en", f"fix {n} of row {k} by worker {start}")
    print("done", flush=True)
""")


def _texts(rows: int) -> dict[str, list[str]]:
    return {
        "en": [f"Paragraph {k} of the English text, with some words in it." for k in range(rows)],
        "zh": [f"中文第{k}段。" for k in range(rows)],
    }


def test_two_aligner_processes_do_not_lose_each_others_fixes(tmp_path):
    docset = make_docset(tmp_path / "doc", _texts(30), 'source = "zh"\n')
    workers = [
        subprocess.Popen(
            [sys.executable, "-c", _WORKER, str(docset.path), str(start), "3"],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for start in (1, 2)
    ]
    for worker in workers:
        out, err = worker.communicate(timeout=120)
        assert worker.returncode == 0 and "done" in out, err
    po = polib.pofile(str(_en(docset)))
    fixes = {e.msgctxt: e.msgstr for e in po}
    assert fixes == {f"r{k}": f"fix 2 of row {k} by worker {2 - k % 2}" for k in range(1, 31)}


def test_a_save_killed_half_way_leaves_a_valid_old_or_new_file(tmp_path):
    docset = make_docset(tmp_path / "doc", _texts(2000), 'source = "zh"\n')
    path = _en(docset)
    caught_mid_write = 0
    for attempt in range(12):
        worker = subprocess.Popen(
            [sys.executable, "-c", _WORKER, str(docset.path), "1", "50"],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        assert worker.stdout.readline() == "ready\n"
        time.sleep(0.05 + 0.013 * attempt)  # the worker saves a fix every few milliseconds
        os.kill(worker.pid, signal.SIGKILL)
        worker.communicate()
        caught_mid_write += bool(list(path.parent.glob(".*.tmp")))
        for version in (path, path.with_name("en.po~")):
            if version.exists():
                parsed = read_po(version)
                assert len([e for e in parsed.entries if not e.obsolete]) == 2000
        if caught_mid_write >= 2:
            break
    assert msgfmt_check(path).returncode == 0
    assert caught_mid_write, "no kill landed during a write; the test proved nothing"
    store = ReviewStore.open(docset, one_to_one(docset), languages=["en"])
    store.set_fix("r1", "en", "after the crash")  # and the leftovers are cleaned up
    assert not list(path.parent.glob(".*.tmp"))
