"""The review store: what a reviewer does (fix, approve, note, undo) lands in review/<lang>.po."""

from __future__ import annotations

import threading

import polib
import pytest

from aligner.review.entry import parse_comment
from aligner.review.pofile_io import read_po_text
from aligner.review.store import ReviewStore, StoreError, canonical_note
from tests.test_store_fixtures import HOSTILE_EN, TEXTS, make_docset, msgfmt_check, one_to_one


@pytest.fixture
def docset(tmp_path):
    return make_docset(tmp_path / "doc")


@pytest.fixture
def store(docset):
    return ReviewStore.open(docset, one_to_one(docset))


def test_before_review_every_entry_holds_the_current_text_and_is_fuzzy(store, docset):
    store.save()
    po = polib.pofile(str(docset.path / "review" / "en.po"))
    entries = {e.msgctxt: e for e in po}
    assert list(entries) == ["r1", "r2", "r3", "r4"]
    assert entries["r2"].msgid == TEXTS["zh"][1]  # msgid: the source language (zh)
    assert entries["r2"].msgstr == TEXTS["en"][1]
    assert all(e.fuzzy for e in po)
    assert parse_comment(entries["r4"].comment)[1] == HOSTILE_EN
    review = store.get("r2", "en")
    assert (review.original, review.text, review.status) == (
        TEXTS["en"][1],
        TEXTS["en"][1],
        "unreviewed",
    )


def test_header_names_language_title_source_and_generator(store, docset):
    store.save()
    po = polib.pofile(str(docset.path / "review" / "ru.po"))
    meta = po.metadata
    assert meta["Language"] == "ru"
    assert meta["Project-Id-Version"] == "Two countries"
    assert meta["Content-Type"] == "text/plain; charset=UTF-8"
    assert meta["Plural-Forms"].startswith("nplurals=3;")
    assert meta["X-Generator"].startswith("aligner ")
    assert meta["X-Source-Language"] == "zh"
    assert meta["PO-Revision-Date"]


def test_a_fix_is_saved_at_once_and_read_back_by_a_new_store(store, docset):
    store.set_fix("r2", "en", "  The sides met on 17 May 2023 in Xi'an.\n")
    reopened = ReviewStore.open(docset, one_to_one(docset))
    review = reopened.get("r2", "en")
    assert review.text == "The sides met on 17 May 2023 in Xi'an."
    assert review.original == TEXTS["en"][1]
    assert review.fixed and review.status == "fixed"
    assert reopened.fix("r2", "en") == review.text
    assert reopened.fix("r1", "en") is None


def test_approve_removes_fuzzy_and_unapprove_puts_it_back(store, docset):
    path = docset.path / "review" / "en.po"
    store.approve("r1", "en")
    assert not polib.pofile(str(path)).find("Joint statement of two countries.", "msgstr").fuzzy
    assert store.get("r1", "en").status == "approved"
    store.unapprove("r1", "en")
    assert store.get("r1", "en").status == "unreviewed"
    assert polib.pofile(str(path)).find("Joint statement of two countries.", "msgstr").fuzzy


def test_set_fix_can_approve_in_the_same_change(store):
    review = store.set_fix("r3", "en", "They signed 20 documents.", approve=True)
    assert review.approved and review.fixed


def test_notes_are_translator_comments(store, docset):
    store.set_note("r3", "ru", "Checked against the Chinese.\nSecond line.")
    po = polib.pofile(str(docset.path / "review" / "ru.po"))
    entry = next(e for e in po if e.msgctxt == "r3")
    assert entry.tcomment == "Checked against the Chinese.\nSecond line."
    assert "# Checked against the Chinese." in (docset.path / "review" / "ru.po").read_text()
    assert store.get("r3", "ru").note == "Checked against the Chinese.\nSecond line."


def test_a_long_note_is_stored_as_it_will_read_back():
    note = "word " * 40 + "\r\nend   "
    canonical = canonical_note(note)
    entry = polib.POEntry(msgid="x", tcomment=canonical)
    assert read_po_text('msgid ""\nmsgstr ""\n\n' + str(entry))[0].tcomment == canonical
    assert canonical.split() == note.split()


def test_undo_reverts_the_last_change_across_languages(store):
    store.set_fix("r2", "en", "fixed en")
    store.set_note("r2", "ru", "a note")
    store.approve("r1", "zh")
    assert store.undo().lang == "zh"
    assert store.get("r1", "zh").status == "unreviewed"
    assert store.undo().note == ""
    assert store.get("r2", "ru").note == ""
    restored = store.undo()
    assert restored.text == TEXTS["en"][1] and not restored.fixed
    assert store.undo() is None and not store.can_undo


def test_revert_puts_the_original_back(store):
    store.set_fix("r2", "en", "something else")
    assert store.revert("r2", "en").text == TEXTS["en"][1]


def test_a_row_without_source_text_gets_a_placeholder_msgid(tmp_path):
    texts = dict(TEXTS, zh=TEXTS["zh"][:3])  # the hostile row has no Chinese
    docset = make_docset(tmp_path / "doc", texts)
    store = ReviewStore.open(docset, one_to_one(docset))
    store.save()
    po = polib.pofile(str(docset.path / "review" / "en.po"))
    assert next(e for e in po if e.msgctxt == "r4").msgid == "[no zh text]"
    assert store.get("r4", "en").source == ""
    zh = store.get("r4", "zh")  # the source language's own file: empty text, can be filled in
    assert (zh.original, zh.text) == ("", "")
    store.set_fix("r4", "zh", "标记。")
    assert store.get("r4", "zh").fixed
    assert msgfmt_check(docset.path / "review" / "zh.po").returncode == 0


def test_the_source_language_file_has_its_own_text_as_msgid_and_msgstr(store, docset):
    store.save()
    po = polib.pofile(str(docset.path / "review" / "zh.po"))
    assert all(e.msgid == e.msgstr for e in po)


def test_review_files_pass_msgfmt_and_survive_a_polib_round_trip_byte_for_byte(
    store, docset, tmp_path
):
    store.set_fix("r4", "en", HOSTILE_EN + "\n\nA second paragraph\twith a tab.")
    store.set_note("r4", "en", "markup [b]x[/b] and \x1b escape? " + "long " * 30)
    store.approve("r4", "en")
    store.set_fix("r1", "en", "\u2028line separator and U+0085 \x85 inside")
    store.save()
    for lang in store.languages:
        path = docset.path / "review" / f"{lang}.po"
        check = msgfmt_check(path)
        assert check.returncode == 0, check.stderr
        copy = tmp_path / f"{lang}-polib.po"
        polib.pofile(str(path)).save(str(copy))
        assert copy.read_bytes() == path.read_bytes()


def test_a_fix_made_in_an_outside_po_editor_shows_up(store, docset):
    path = docset.path / "review" / "en.po"
    store.save()
    po = polib.pofile(str(path))
    entry = next(e for e in po if e.msgctxt == "r3")
    entry.msgstr, entry.tcomment = "They signed 20 documents.", "done in Poedit"
    entry.flags.remove("fuzzy")
    po.save()
    assert store.refresh() == [("r3", "en")]
    review = store.get("r3", "en")
    # an edit in a PO editor (which drops "fuzzy") means what an edit in aligner means
    assert (review.text, review.note, review.status) == (
        "They signed 20 documents.",
        "done in Poedit",
        "fixed",
    )
    reopened = ReviewStore.open(docset, one_to_one(docset))
    assert reopened.get("r3", "en").text == "They signed 20 documents."


def test_unknown_rows_and_languages_are_clear_errors(store, docset):
    with pytest.raises(StoreError, match="no row r99"):
        store.get("r99", "en")
    with pytest.raises(StoreError, match="no review file for de"):
        store.set_fix("r1", "de", "x")
    with pytest.raises(StoreError, match="no language de"):
        ReviewStore.open(docset, one_to_one(docset), languages=["de"])


def test_only_the_languages_asked_for_get_a_file(docset):
    store = ReviewStore.open(docset, one_to_one(docset), languages=["en"])
    store.save()
    assert sorted(p.name for p in (docset.path / "review").glob("*.po")) == ["en.po"]


def test_flags_become_extracted_comments_one_per_line(docset):
    from aligner.flags import Flag

    flags = [
        Flag("number", "error", "en", '"12" here; zh, ru say 20', row="r3"),
        Flag("date", "error", "en", "2032 here; zh, ru say 2023" + " and more" * 12, row="r2"),
    ]
    store = ReviewStore.open(docset, one_to_one(docset), flags)
    store.save()
    text = (docset.path / "review" / "en.po").read_text()
    assert '#. number: "12" here; zh, ru say 20\n' in text
    assert store.get("r2", "en").flags == (flags[1].check + ": " + flags[1].message,)
    store.update_flags([], rows=["r3"])
    assert store.get("r3", "en").flags == ()
    assert store.get("r2", "en").flags != ()
    assert "number:" not in (docset.path / "review" / "en.po").read_text()


def test_changes_from_several_threads_are_all_kept(store, docset):
    def fix(k: int) -> None:
        for lang in ("en", "ru"):
            store.set_fix(f"r{k}", lang, f"thread {k} {lang}")

    threads = [threading.Thread(target=fix, args=(k,)) for k in range(1, 5)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    reopened = ReviewStore.open(docset, one_to_one(docset))
    assert [reopened.get(f"r{k}", "en").text for k in range(1, 5)] == [
        f"thread {k} en" for k in range(1, 5)
    ]
    assert reopened.get("r4", "ru").text == "thread 4 ru"


def test_flags_with_escapes_and_long_words_are_written_back_unchanged(docset):
    from aligner.flags import Flag

    flags = [
        Flag("control", "warning", "en", "ESC \x1b here, a back\\slash, " + "中" * 90, row="r4")
    ]
    ReviewStore.open(docset, one_to_one(docset), flags).save()
    path = docset.path / "review" / "en.po"

    def comment_of_r4() -> list[str]:
        chunk = next(c for c in path.read_text(encoding="utf-8").split("\n\n") if '"r4"' in c)
        return [line for line in chunk.split("\n") if line.startswith("#.")]

    written = comment_of_r4()
    assert "\x1b" not in "".join(written) and all(len(line) <= 78 for line in written)
    reopened = ReviewStore.open(docset, one_to_one(docset))  # flags kept as recorded
    reopened.set_fix("r4", "en", "fixed")  # the entry is written again
    assert comment_of_r4() == written
    again = ReviewStore.open(docset, one_to_one(docset), flags)  # the same flags again
    assert again.get("r4", "en").flags == reopened.get("r4", "en").flags
    assert again.save() == []
