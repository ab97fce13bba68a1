"""Review files the store refuses or survives: a wrong charset, an empty or header-only file,
a file another program truncated, an unreadable file, a directory or a file in the way,
a file system without flock. Each refusal is one ReviewFileError line naming the file and
what to do, and nothing is written."""

from __future__ import annotations

import errno
import fcntl
import os
import threading

import polib
import pytest

from aligner.errors import AlignerError
from aligner.review.file import ReviewFile
from aligner.review.safe_files import ReviewFileError
from aligner.review.store import ReviewStore
from tests.test_store_fixtures import make_docset, msgfmt_check, one_to_one


@pytest.fixture
def docset(tmp_path):
    return make_docset(tmp_path / "doc")


def _open(docset, **kwargs):
    return ReviewStore.open(docset, one_to_one(docset), **kwargs)


def _review(docset, lang="en"):
    return docset.path / "review" / f"{lang}.po"


def _snapshot(docset) -> dict[str, bytes]:
    review = docset.path / "review"
    return {p.name: p.read_bytes() for p in sorted(review.iterdir()) if p.is_file()}


def _one_line(error) -> str:
    text = str(error.value)
    assert "\n" not in text and "Traceback" not in text
    return text


# -- charset ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "charset", ["ISO-8859-1", "KOI8-R", "CP1251", "ISO-8859-5", "GBK", "ASCII"]
)
def test_a_utf8_file_labelled_with_another_charset_is_refused(docset, charset):
    store = _open(docset)
    store.set_fix("r2", "ru", "Стороны встретились 17 мая 2023 года в Сиане (исправлено).")
    path = _review(docset, "ru")
    path.write_bytes(path.read_bytes().replace(b"charset=UTF-8", f"charset={charset}".encode()))
    before = _snapshot(docset)
    with pytest.raises(ReviewFileError) as error:
        _open(docset)
    message = _one_line(error)
    assert str(path) in message and "charset" in message
    assert "fix the header" in message or charset == "ASCII"
    assert _snapshot(docset) == before  # nothing written, the backup neither


@pytest.mark.parametrize("charset", ["utf8", "UTF-8-SIG", "CHARSET"])
def test_other_names_of_utf8_and_polibs_placeholder_are_read_as_utf8(docset, charset):
    fixed = "Стороны встретились 17 мая 2023 года в Сиане (исправлено)."
    _open(docset).set_fix("r2", "ru", fixed)
    path = _review(docset, "ru")
    path.write_bytes(path.read_bytes().replace(b"charset=UTF-8", f"charset={charset}".encode()))
    assert _open(docset).get("r2", "ru").text == fixed


def test_a_mislabelled_file_stops_aligner_sync_with_one_line(docset):
    from tests.conftest import run_aligner

    _open(docset).set_fix("r3", "ru", "Они подписали 20 документов (проверено).")
    path = _review(docset, "ru")
    path.write_bytes(path.read_bytes().replace(b"charset=UTF-8", b"charset=KOI8-R"))
    before = _snapshot(docset)
    result = run_aligner("sync", str(docset.path))
    assert result.returncode == 2
    errors = [line for line in result.stderr.splitlines() if line.startswith("aligner: error")]
    assert len(errors) == 1 and "Traceback" not in result.stderr
    assert "ru.po" in errors[0] and "charset=UTF-8" in errors[0]
    assert _snapshot(docset) == before


LEGACY_TEXTS = {
    "en": ["Joint statement.", "They met on 17 May 2023.", "They signed 20 papers."],
    "ru": [
        "Совместное заявление.",
        "Они встретились 17 мая 2023 года.",
        "Они подписали 20 документов.",
    ],
}


def _legacy_docset(tmp_path):
    docset = make_docset(tmp_path / "legacy", LEGACY_TEXTS, 'source = "en"\n')
    store = ReviewStore.open(docset, one_to_one(docset))
    store.set_fix("r3", "ru", "Они подписали двадцать документов.")
    path = _review(docset, "ru")
    text = path.read_text(encoding="utf-8").replace("charset=UTF-8", "charset=CP1251")
    path.write_bytes(text.encode("cp1251"))
    return docset, path


def test_a_file_really_in_a_legacy_charset_is_read(tmp_path):
    docset, _ = _legacy_docset(tmp_path)
    store = ReviewStore.open(docset, one_to_one(docset))
    assert store.get("r3", "ru").text == "Они подписали двадцать документов."
    assert store.reports["ru"].obsoleted == 0


def test_a_legacy_file_labelled_with_another_legacy_charset_is_refused(tmp_path):
    docset, path = _legacy_docset(tmp_path)
    path.write_bytes(path.read_bytes().replace(b"charset=CP1251", b"charset=KOI8-R"))
    before = path.read_bytes()
    with pytest.raises(
        ReviewFileError,
        match=r"ru\.po: read as charset=KOI8-R, .* match no "
        r"paragraph",
    ) as error:
        ReviewStore.open(docset, one_to_one(docset))
    _one_line(error)
    assert path.read_bytes() == before


# -- empty, header-only, truncated --------------------------------------------------------


def _header_only(path):
    text = path.read_text(encoding="utf-8")
    return text[: text.index("\n\n") + 1]


@pytest.mark.parametrize("content", [lambda path: "", _header_only], ids=["empty", "header-only"])
def test_an_empty_file_is_refused_and_the_backup_kept(docset, content):
    store = _open(docset)
    store.set_fix("r1", "en", "first fix")
    store.set_fix("r2", "en", "second fix")
    path = _review(docset)
    path.write_text(content(path), encoding="utf-8")
    before = _snapshot(docset)
    with pytest.raises(ReviewFileError) as error:
        _open(docset)
    message = _one_line(error)
    assert str(path) in message and "en.po~" in message and "afresh" in message
    assert _snapshot(docset) == before
    backup = path.with_name("en.po~")
    assert {e.msgctxt: e.msgstr for e in polib.pofile(str(backup))}["r1"] == "first fix"


def test_an_empty_file_without_a_backup_says_to_delete_it(docset):
    path = _review(docset)
    path.parent.mkdir()
    path.write_bytes(b"")
    with pytest.raises(
        ReviewFileError,
        match=r"en\.po: is empty \(0 bytes\), while the "
        r"document set has 4 rows.*delete en\.po",
    ):
        _open(docset)
    assert path.read_bytes() == b""


def test_a_file_emptied_while_open_is_written_again_and_never_becomes_the_backup(docset):
    store = _open(docset)
    store.set_fix("r1", "en", "first fix")
    store.set_fix("r2", "en", "second fix")
    path, backup = _review(docset), _review(docset).with_name("en.po~")
    good_backup = backup.read_bytes()
    path.write_bytes(b"")  # a crashed editor, or `> en.po`
    store.set_fix("r3", "en", "third fix")
    fixes = {e.msgctxt: e.msgstr for e in polib.pofile(str(path))}
    assert (fixes["r1"], fixes["r2"], fixes["r3"]) == ("first fix", "second fix", "third fix")
    assert backup.read_bytes() == good_backup
    assert msgfmt_check(path).returncode == 0


def test_a_file_from_another_program_that_lost_a_fix_does_not_replace_a_better_backup(docset):
    store = _open(docset)
    store.set_fix("r1", "en", "first fix")
    store.set_fix("r2", "en", "second fix")
    store.set_fix("r3", "en", "third fix")
    path, backup = _review(docset), _review(docset).with_name("en.po~")
    po = polib.pofile(str(path))
    entry = next(e for e in po if e.msgctxt == "r1")
    entry.msgstr = "Joint statement of two countries."  # an editor puts the original back
    po.metadata["X-Generator"] = "Poedit 3.4"
    po.save()
    edited = path.read_bytes()
    good_backup = backup.read_bytes()
    reopened = _open(docset)
    assert reopened.get("r1", "en").text != "first fix"  # the file lost it ...
    reopened.set_fix("r4", "en", "fourth fix")
    assert backup.read_bytes() == good_backup  # ... the backup keeps it
    assert path.read_bytes() != edited
    # once aligner has written the file, rotation goes on as usual
    reopened.set_fix("r4", "en", "fourth fix, again")
    kept = {e.msgctxt: e.msgstr for e in polib.pofile(str(backup))}
    assert kept["r4"] == "fourth fix" and kept["r2"] == "second fix"


def test_a_save_that_would_drop_a_fix_is_refused(docset):
    store = _open(docset)
    store.set_fix("r2", "en", "a fix")
    path = _review(docset)
    before = path.read_bytes()
    review: ReviewFile = store._files["en"]
    review.replace_entries([e for e in review.entries if e.msgctxt != "r2"])  # a buggy sync
    with pytest.raises(
        ReviewFileError,
        match=r"en\.po: saving would drop the review work of 1 "
        r"entry \(rows r2\); nothing was saved",
    ):
        store.save()
    assert path.read_bytes() == before


# -- unreadable, in the way -----------------------------------------------------------------


def test_an_unreadable_review_file_is_a_clear_error(docset, monkeypatch):
    _open(docset).save()
    import aligner.review.safe_files as safe_files

    real_open = open

    def refusing(path, *args, **kwargs):
        if str(path).endswith("en.po"):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(safe_files, "open", refusing, raising=False)
    with pytest.raises(
        ReviewFileError,
        match=r"en\.po: cannot read it \(permission denied\); "
        r"make it readable",
    ) as error:
        _open(docset)
    _one_line(error)


def test_a_directory_where_the_review_file_should_be(docset):
    _review(docset).mkdir(parents=True)
    with pytest.raises(
        ReviewFileError,
        match=r"en\.po: is a directory, not a file; move it "
        "away",
    ):
        _open(docset)


def test_a_file_where_the_review_directory_should_be(docset):
    (docset.path / "review").write_text("not a directory\n")
    with pytest.raises(
        ReviewFileError,
        match=r"review: is a file, not a directory; move it "
        "away",
    ):
        _open(docset)
    assert (docset.path / "review").read_text() == "not a directory\n"


def test_a_review_directory_replaced_by_a_file_while_open_stops_the_save(docset):
    store = _open(docset)
    store.set_fix("r1", "en", "saved")
    review = docset.path / "review"
    for child in review.iterdir():
        child.unlink()
    review.rmdir()
    review.write_text("in the way\n")
    with pytest.raises(ReviewFileError, match=r"review: is a file, not a directory"):
        store.set_fix("r2", "en", "not saved")


# -- flock unsupported -----------------------------------------------------------------------


@pytest.mark.parametrize("code", [errno.ENOLCK, errno.EOPNOTSUPP])
def test_without_flock_saves_use_a_lock_file(docset, monkeypatch, code):
    def no_flock(fd, operation):
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(fcntl, "flock", no_flock)
    first, second = _open(docset), _open(docset)
    errors = []

    def fixes(store, rows):
        try:
            for n in range(5):
                for row in rows:
                    store.set_fix(row, "en", f"fix {n} of {row}")
        except AlignerError as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [
        threading.Thread(target=fixes, args=(first, ["r1", "r3"])),
        threading.Thread(target=fixes, args=(second, ["r2", "r4"])),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    saved = {e.msgctxt: e.msgstr for e in polib.pofile(str(_review(docset)))}
    assert saved == {f"r{k}": f"fix 4 of r{k}" for k in range(1, 5)}
    assert not (docset.path / "review" / ".lock.excl").exists()


def test_a_lock_file_left_by_a_dead_process_is_taken_over(docset, monkeypatch):
    def no_flock(fd, operation):
        raise OSError(errno.ENOLCK, "No locks available")

    monkeypatch.setattr(fcntl, "flock", no_flock)
    store = _open(docset)
    stale = docset.path / "review" / ".lock.excl"
    stale.parent.mkdir(exist_ok=True)
    stale.write_text(f"{os.uname().nodename} 999999999 1\n")
    store.set_fix("r1", "en", "after a crash")
    assert store.get("r1", "en").text == "after a crash"
    assert not stale.exists()


def test_a_file_truncated_at_an_entry_is_refused_while_the_backup_has_its_fixes(docset):
    store = _open(docset)
    store.set_fix("r3", "en", "third fix")
    store.set_fix("r4", "en", "fourth fix")
    store.set_fix("r1", "en", "first fix")  # the backup now holds r3 and r4's fixes
    path = _review(docset)
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text[: text.index("\n\n#. ", text.index('msgctxt "r2"')) + 1], encoding="utf-8"
    )  # cut after r2: what a crashed tool leaves
    before = _snapshot(docset)
    with pytest.raises(
        ReviewFileError,
        match=r"en\.po: 2 entries holding review work in "
        r"en\.po~ are missing from it \(rows r3, r4; "
        r"truncated\?\); nothing was written",
    ) as error:
        _open(docset)
    _one_line(error)
    assert _snapshot(docset) == before
    path.with_name("en.po~").unlink()  # the remedy: go on without them
    assert _open(docset).get("r3", "en").text != "third fix"


def test_new_paragraphs_are_not_taken_for_a_truncation(docset):
    store = _open(docset)
    store.set_fix("r3", "en", "third fix")
    store.set_fix("r1", "en", "first fix")
    for lang in ("en", "zh", "ru"):
        text_file = docset.path / f"{lang}.txt"
        text_file.write_text(
            text_file.read_text(encoding="utf-8") + "\nOne more.\n", encoding="utf-8"
        )
    from aligner.docset import load

    grown = load(docset.path)
    reopened = ReviewStore.open(grown, one_to_one(grown))
    assert reopened.reports["en"].new == 1 and reopened.get("r3", "en").text == "third fix"


def test_a_file_cut_short_while_open_loses_nothing(docset):
    store = _open(docset)
    store.set_fix("r3", "en", "third fix")
    store.set_fix("r4", "en", "fourth fix")
    store.set_fix("r1", "en", "first fix")
    path, backup = _review(docset), _review(docset).with_name("en.po~")
    good_backup = backup.read_bytes()
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text[: text.index("\n\n#. ", text.index('msgctxt "r2"')) + 1], encoding="utf-8"
    )  # another tool cuts it after r2
    store.set_fix("r2", "en", "second fix")
    fixes = {e.msgctxt: e.msgstr for e in polib.pofile(str(path))}
    assert [fixes[f"r{k}"] for k in range(1, 5)] == [
        "first fix",
        "second fix",
        "third fix",
        "fourth fix",
    ]
    assert backup.read_bytes() == good_backup  # the cut file did not become the backup
    assert msgfmt_check(path).returncode == 0


def test_a_backup_that_already_is_the_old_file_leaves_no_temporary(docset):
    store = _open(docset)
    store.set_fix("r1", "en", "first fix")
    path, backup = _review(docset), _review(docset).with_name("en.po~")
    backup.unlink(missing_ok=True)
    os.link(path, backup)  # as a save killed half-way by an older aligner left it
    store.set_fix("r2", "en", "second fix")
    assert not list(path.parent.glob(".*.tmp"))
    assert {e.msgctxt: e.msgstr for e in polib.pofile(str(backup))}["r1"] == "first fix"
    assert not os.path.samefile(path, backup)
