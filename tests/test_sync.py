"""Sync: when the texts or the alignment change, every fix stays (moved, fuzzy or obsolete)."""

from __future__ import annotations

import json

import polib
import pytest

from aligner.alignment import Alignment, Row
from aligner.review.store import ReviewStore
from tests.conftest import run_aligner
from tests.test_store_fixtures import TEXTS, make_docset, msgfmt_check, one_to_one


def _sync(docset, alignment=None, languages=("en",)):
    store = ReviewStore.open(docset, alignment or one_to_one(docset), languages=languages)
    store.save()
    return store


def _entries(docset, lang="en"):
    return list(polib.pofile(str(docset.path / "review" / f"{lang}.po")))


def _reviewed(tmp_path, texts=None):
    """A docset whose en r2 is fixed and r3 approved as it is."""
    docset = make_docset(tmp_path / "doc", texts)
    store = _sync(docset)
    store.set_fix("r2", "en", "The sides met on 17 May 2023 in Xi'an.")
    store.approve("r3", "en")
    return docset


def _edit(docset, **texts):
    return make_docset(
        docset.path, {**{lang: list(docset.paragraphs(lang)) for lang in docset.languages}, **texts}
    )


def test_nothing_changed_keeps_everything_and_rewrites_nothing(tmp_path):
    docset = _reviewed(tmp_path)
    before = (docset.path / "review" / "en.po").read_bytes()
    store = ReviewStore.open(docset, one_to_one(docset), languages=["en"])
    assert store.reports["en"].kept == 4 and store.save() == []
    assert (docset.path / "review" / "en.po").read_bytes() == before


def test_a_paragraph_inserted_before_moves_the_fix_with_its_text(tmp_path):
    docset = _reviewed(tmp_path)
    docset = _edit(
        docset,
        en=["A new first paragraph."] + TEXTS["en"],
        zh=["新的第一段。"] + TEXTS["zh"],
        ru=["Новый абзац."] + TEXTS["ru"],
    )
    store = _sync(docset)
    report = store.reports["en"]
    assert (report.moved, report.new, report.obsoleted) == (4, 1, 0)
    fixed = [r for r in store.reviews("en") if r.fixed]
    assert [(r.row, r.text) for r in fixed] == [("r3", "The sides met on 17 May 2023 in Xi'an.")]
    assert store.get("r4", "en").status == "approved"  # approved "They signed 12 documents."
    assert store.get("r1", "en").text == "A new first paragraph."


def test_a_changed_source_keeps_the_fix_but_asks_for_review_again(tmp_path):
    docset = _reviewed(tmp_path)
    store = ReviewStore.open(docset, one_to_one(docset), languages=["en"])
    store.approve("r2", "en")
    docset = _edit(
        docset, zh=[TEXTS["zh"][0], "双方于2023年5月17日在古城西安会晤。", *TEXTS["zh"][2:]]
    )
    store = _sync(docset)
    review = store.get("r2", "en")
    # the fix stays, marked fuzzy as msgmerge marks it: PO tools and the UI say "to review"
    assert review.text == "The sides met on 17 May 2023 in Xi'an." and review.status == "fuzzy"
    entry = next(e for e in _entries(docset) if e.msgctxt == "r2")
    assert entry.fuzzy and entry.previous_msgid == TEXTS["zh"][1]  # msgmerge's #| msgid
    assert store.reports["en"].kept == 4


def test_the_languages_own_text_changing_under_an_approval_asks_for_review(tmp_path):
    docset = _reviewed(tmp_path)
    docset = _edit(docset, en=[*TEXTS["en"][:2], "They signed 20 documents.", TEXTS["en"][3]])
    store = _sync(docset)
    review = store.get("r3", "en")
    assert (review.text, review.status) == ("They signed 20 documents.", "unreviewed")
    assert store.get("r1", "en").text == TEXTS["en"][0]


def test_a_fix_copied_into_the_text_file_stays_approved_and_no_longer_differs(tmp_path):
    docset = _reviewed(tmp_path)
    ReviewStore.open(docset, one_to_one(docset), languages=["en"]).approve("r2", "en")
    docset = _edit(
        docset, en=[TEXTS["en"][0], "The sides met on 17 May 2023 in Xi'an.", *TEXTS["en"][2:]]
    )
    review = _sync(docset).get("r2", "en")
    assert review.status == "approved" and not review.fixed


def test_a_row_that_disappears_becomes_obsolete_and_comes_back_with_its_text(tmp_path):
    docset = _reviewed(tmp_path)
    shorter = {lang: [p for k, p in enumerate(TEXTS[lang]) if k != 1] for lang in TEXTS}
    docset = _edit(docset, **shorter)
    store = _sync(docset)
    assert store.reports["en"].obsoleted == 1
    obsolete = [e for e in _entries(docset) if e.obsolete]
    assert [(e.msgid, e.msgstr) for e in obsolete] == [
        (TEXTS["zh"][1], "The sides met on 17 May 2023 in Xi'an.")
    ]
    assert "#~ msgstr" in (docset.path / "review" / "en.po").read_text()
    assert msgfmt_check(docset.path / "review" / "en.po").returncode == 0
    docset = _edit(docset, **TEXTS)
    store = _sync(docset)
    assert store.reports["en"].moved + store.reports["en"].kept >= 1
    assert store.get("r2", "en").text == "The sides met on 17 May 2023 in Xi'an."
    assert not [e for e in _entries(docset) if e.obsolete]


def test_unreviewed_entries_that_disappear_keep_no_stale_text(tmp_path):
    docset = _reviewed(tmp_path)
    shorter = {lang: TEXTS[lang][:3] for lang in TEXTS}
    store = _sync(_edit(docset, **shorter))
    obsolete = [e for e in _entries(store.docset) if e.obsolete]
    assert [(e.msgctxt, e.msgstr) for e in obsolete] == [("r4", "")]


def test_reassigned_row_ids_and_edited_sources_are_fuzzy_matched(tmp_path):
    docset = _reviewed(tmp_path)
    docset = _edit(
        docset,
        zh=[TEXTS["zh"][0], "双方于2023年5月17日在西安举行了会晤。", *TEXTS["zh"][2:]],
        en=[TEXTS["en"][0], "The sides met on 17 May 2032 in Xian city.", *TEXTS["en"][2:]],
    )
    renamed = Alignment(
        docset.languages, tuple(Row("s" + row.id, row.cells) for row in one_to_one(docset).rows)
    )
    store = _sync(docset, renamed)
    report = store.reports["en"]
    assert (report.fuzzy, report.moved, report.obsoleted, report.new) == (1, 3, 0, 0)
    review = store.get("sr2", "en")
    assert review.text == "The sides met on 17 May 2023 in Xi'an." and review.status == "fuzzy"
    entry = next(e for e in _entries(docset) if e.msgctxt == "sr2")
    assert entry.previous_msgctxt == "r2" and entry.previous_msgid == TEXTS["zh"][1]
    assert store.get("sr3", "en").status == "approved"  # exact source: moved as it was


def test_an_outside_fix_survives_edits_to_the_texts(tmp_path):
    docset = make_docset(tmp_path / "doc")
    _sync(docset)
    path = docset.path / "review" / "en.po"
    po = polib.pofile(str(path))
    next(e for e in po if e.msgctxt == "r3").msgstr = "They signed 20 documents."
    po.save()
    docset = _edit(
        docset,
        en=["Preamble."] + TEXTS["en"],
        zh=["序言。"] + TEXTS["zh"],
        ru=["Преамбула."] + TEXTS["ru"],
    )
    store = _sync(docset)
    assert [r.text for r in store.reviews("en") if r.fixed] == ["They signed 20 documents."]


def test_comment_removed_by_another_tool_still_syncs(tmp_path):
    docset = _reviewed(tmp_path)
    path = docset.path / "review" / "en.po"
    po = polib.pofile(str(path))
    for entry in po:
        entry.comment = ""
    po.save()
    store = _sync(docset)
    assert store.get("r2", "en").text == "The sides met on 17 May 2023 in Xi'an."
    assert store.get("r2", "en").original == TEXTS["en"][1]  # written back from the text


@pytest.fixture
def cli_docset(tmp_path):
    return make_docset(tmp_path / "doc").path


def test_aligner_sync_creates_the_files_and_prints_the_counts(cli_docset):
    result = run_aligner("sync", str(cli_docset))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split() == [
        "lang",
        "file",
        "entries",
        "kept",
        "moved",
        "fuzzy-matched",
        "obsoleted",
        "new",
    ]
    rows = [
        line
        for line in (cli_docset / "alignment.tsv").read_text().splitlines()
        if line.startswith("r")
    ]  # the aligner's rows, saved so that their ids stay
    count = str(len(rows))
    assert lines[1].split() == ["en", "review/en.po", count, "0", "0", "0", "0", count, "written"]
    assert sorted(p.name for p in (cli_docset / "review").glob("*.po")) == [
        "en.po",
        "ru.po",
        "zh.po",
    ]
    again = run_aligner("sync", str(cli_docset), "--langs", "en", "--format", "json")
    assert again.returncode == 0, again.stderr
    files = json.loads(again.stdout)["files"]
    assert [(f["lang"], f["kept"], f["new"], f["written"]) for f in files] == [
        ("en", len(rows), 0, False)
    ]


def test_aligner_sync_keeps_a_fix_after_the_text_is_edited(cli_docset):
    assert run_aligner("sync", str(cli_docset)).returncode == 0
    path = cli_docset / "review" / "en.po"
    po = polib.pofile(str(path))
    entry = next(e for e in po if e.msgstr == TEXTS["en"][2])
    entry.msgstr = "They signed 20 documents."
    po.save()
    (cli_docset / "en.txt").write_text(
        "\n\n".join(
            [
                TEXTS["en"][0],
                "The sides met on 17 May 2032 in Xian, the old capital.",
                *TEXTS["en"][2:],
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    result = run_aligner("sync", str(cli_docset))
    assert result.returncode == 0, result.stderr
    fixes = [
        e.msgstr for e in polib.pofile(str(path)) if not e.obsolete and "documents" in e.msgstr
    ]
    assert fixes == ["They signed 20 documents."]
    assert "written" in result.stdout


def test_aligner_sync_reports_a_malformed_review_file_and_leaves_it(cli_docset):
    assert run_aligner("sync", str(cli_docset)).returncode == 0
    path = cli_docset / "review" / "ru.po"
    path.write_text(path.read_text(encoding="utf-8") + "\nnonsense\n", encoding="utf-8")
    before = path.read_bytes()
    result = run_aligner("sync", str(cli_docset))
    assert result.returncode == 2
    assert "aligner: error: " in result.stderr and "ru.po:" in result.stderr
    assert "not a valid PO file" in result.stderr
    assert path.read_bytes() == before


def _comments(path):
    return {e.msgctxt: (e.msgstr, e.comment, e.flags) for e in polib.pofile(str(path))}


@pytest.mark.parametrize(
    "command",
    [
        ("sync", "--lang", "en"),
        ("export", "--format", "xliff20", "--lang", "en,zh"),
        ("export", "--format", "txt", "--lang", "en"),
        ("check", "--reviewed", "--lang", "en"),
    ],
    ids=["sync", "export-xliff", "export-txt", "check-reviewed"],
)
def test_a_broken_review_file_of_another_language_does_not_stop_one_language(
    cli_docset, tmp_path, command
):
    assert run_aligner("sync", str(cli_docset)).returncode == 0
    fixed = "They signed 20 documents."
    store = ReviewStore.open(make_docset(cli_docset), one_to_one(make_docset(cli_docset)))
    row = next(r.row for r in store.reviews("en") if r.text == TEXTS["en"][2])
    store.set_fix(row, "en", fixed)  # en's flags change: the sync must rewrite them
    healthy = tmp_path / "healthy"
    healthy_done = run_aligner("export", str(cli_docset), "--format", "po", "--out", str(healthy))
    assert healthy_done.returncode == 0, healthy_done.stderr
    broken = cli_docset / "review" / "ru.po"
    broken.write_text(broken.read_text(encoding="utf-8") + "\nnonsense\n", encoding="utf-8")
    before = broken.read_bytes()
    name, *options = command
    out = ["--out", str(tmp_path / "out")] if name == "export" else []
    result = run_aligner(name, str(cli_docset), *options, *out)
    assert result.returncode in ((0, 1) if name == "check" else (0,)), result.stderr  # 1: flags
    if "txt" in options:  # no flags in this format: ru.po is not even read
        assert "ru.po" not in result.stderr
        assert fixed in (tmp_path / "out" / "en.txt").read_text(encoding="utf-8")
    else:  # one warning line naming the file; ru had no fix, so en's flags are the UI's
        warned = [line for line in result.stderr.splitlines() if "ru.po" in line]
        assert len(warned) == 1 and "not a valid PO file" in warned[0], result.stderr
    if name == "sync":
        assert _comments(cli_docset / "review" / "en.po") == _comments(healthy / "en.po")
    assert broken.read_bytes() == before
    every = {"export": [*options[:2], *out, "--force"], "check": ["--reviewed"]}.get(name, [])
    everything = run_aligner(name, str(cli_docset), *every)
    assert everything.returncode == 2 and "ru.po:" in everything.stderr  # asked for: it stops
