"""Export: the corrected texts leave the tool as a docset, PO/MO, TMX or CSV, and read back."""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET

import polib
import pytest

from aligner.alignment import Alignment, Row
from aligner.docset import load
from aligner.export import ExportError, export
from aligner.review.store import ReviewStore
from tests.conftest import run_aligner
from tests.test_store_fixtures import HOSTILE_EN, TEXTS, make_docset, msgfmt_check, one_to_one

FIX = "The sides met on 17 May 2023 in Xi'an."
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@pytest.fixture
def store(tmp_path):
    docset = make_docset(tmp_path / "doc")
    store = ReviewStore.open(docset, one_to_one(docset))
    store.set_fix("r2", "en", FIX, approve=True)
    store.set_fix("r3", "en", "They signed 20 documents.")  # fixed, not approved
    store.set_note("r3", "en", "zh and ru say 20")
    return store


def test_txt_export_loads_as_a_docset_with_the_fixes_applied(store, tmp_path):
    out = tmp_path / "out"
    result = export(store, "txt", out)
    assert sorted(p.name for p in result.written) == ["docset.toml", "en.txt", "ru.txt", "zh.txt"]
    again = load(out)
    assert again.paragraphs("en") == (TEXTS["en"][0], FIX, "They signed 20 documents.", HOSTILE_EN)
    assert again.paragraphs("zh") == tuple(TEXTS["zh"])
    assert (again.source, again.pivot, again.languages, again.title) == (
        "zh",
        "en",
        ("en", "zh", "ru"),
        "Two countries",
    )


def test_approved_only_leaves_unapproved_fixes_out(store, tmp_path):
    export(store, "txt", tmp_path / "out", ("en",), approved_only=True)
    assert load(tmp_path / "out").paragraphs("en")[1:3] == (FIX, TEXTS["en"][2])


def test_a_fixed_row_of_several_paragraphs_maps_back_paragraph_by_paragraph(tmp_path):
    texts = {"en": ["One.", "Two.", "Three.", "Four."], "zh": ["一二。", "三。", "四。"]}
    docset = make_docset(tmp_path / "doc", texts, 'source = "zh"\n')
    rows = (
        Row("a", {"en": (0, 1), "zh": (0,)}),
        Row("b", {"en": (2,), "zh": (1,)}),
        Row("c", {"en": (), "zh": ()}),
        Row("d", {"en": (3,), "zh": (2,)}),
    )
    store = ReviewStore.open(docset, Alignment(("en", "zh"), rows))
    assert store.get("a", "en").original == "One.\n\nTwo."
    store.set_fix("a", "en", "One, fixed.\n\nTwo, fixed.\n\nA third one.")
    store.set_fix("b", "en", "")  # the paragraph is deleted
    store.set_fix("c", "en", "Inserted where row c stands.")
    export(store, "txt", tmp_path / "out", ("en", "zh"))
    assert load(tmp_path / "out").paragraphs("en") == (
        "One, fixed.",
        "Two, fixed.",
        "A third one.",
        "Inserted where row c stands.",
        "Four.",
    )


def test_po_export_copies_the_review_files_and_compiles_approved_entries(store, tmp_path):
    out = tmp_path / "po"
    export(store, "po", out, mo=True)
    assert sorted(p.name for p in out.iterdir()) == [
        "en.mo",
        "en.po",
        "ru.mo",
        "ru.po",
        "zh.mo",
        "zh.po",
    ]
    assert (out / "en.po").read_bytes() == store.path("en").read_bytes()
    assert msgfmt_check(out / "en.po").returncode == 0
    compiled = polib.mofile(str(out / "en.mo"))
    # like msgfmt: every entry a reviewer changed or approved (none is fuzzy)
    assert [(e.msgctxt, e.msgstr) for e in compiled if e.msgid] == [
        ("r2", FIX),
        ("r3", "They signed 20 documents."),
    ]


def test_tmx_export_is_valid_xml_one_tu_per_row(store, tmp_path):
    export(store, "tmx", tmp_path / "tmx")
    path = tmp_path / "tmx" / "doc.tmx"
    root = ET.parse(path).getroot()
    assert root.get("version") == "1.4"
    assert root.find("header").get("srclang") == "zh"
    units = root.find("body").findall("tu")
    assert [tu.get("tuid") for tu in units] == ["r1", "r2", "r3", "r4"]
    tuv = {t.get(XML_LANG): t for t in units[2].findall("tuv")}
    assert list(tuv) == ["en", "zh", "ru"]
    assert tuv["en"].find("seg").text == "They signed 20 documents."
    assert tuv["en"].find("prop").text == "fixed"
    assert tuv["en"].find("note").text == "zh and ru say 20"
    hostile = units[3].find("tuv").find("seg").text
    assert "\x1b" not in hostile and "\u241b[31mred" in hostile  # ESC is not allowed in XML


def test_tmx_export_reads_back_with_translate_toolkit(store, tmp_path):
    from translate.storage.tmx import tmxfile

    export(store, "tmx", tmp_path / "tmx", ("zh", "en"))
    memory = tmxfile.parsestring((tmp_path / "tmx" / "doc.tmx").read_bytes())
    assert memory.sourcelanguage == "zh" and len(memory.units) == 4
    assert memory.translate(TEXTS["zh"][1], "zh", "en") == FIX
    assert memory.units[2].getnotes() == "zh and ru say 20"


def test_csv_export_has_a_line_per_row_texts_flags_and_status(store, tmp_path):
    export(store, "csv", tmp_path / "csv")
    text = (tmp_path / "csv" / "doc.csv").read_bytes().decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == [
        "row",
        "en",
        "zh",
        "ru",
        "en status",
        "zh status",
        "ru status",
        "flags",
        "notes",
        "fingerprints",
    ]
    assert [row[0] for row in rows[1:]] == ["r1", "r2", "r3", "r4"]
    assert rows[2][1:4] == [FIX, TEXTS["zh"][1], TEXTS["ru"][1]]
    assert rows[2][4:7] == ["approved", "unreviewed", "unreviewed"]
    assert rows[3][4] == "fixed" and rows[3][8] == "en: zh and ru say 20"


def test_csv_cells_that_a_spreadsheet_would_run_are_defused(tmp_path):
    texts = {"en": ['=HYPERLINK("http://x")', "- a list item", "-1+2"], "zh": ["一", "二", "三"]}
    docset = make_docset(tmp_path / "doc", texts, 'source = "zh"\n')
    store = ReviewStore.open(docset, one_to_one(docset))
    export(store, "csv", tmp_path / "csv", ("en",))
    rows = list(csv.reader(io.StringIO((tmp_path / "csv" / "doc.csv").read_text("utf-8-sig"))))
    assert [row[1] for row in rows[1:]] == ['\'=HYPERLINK("http://x")', "'- a list item", "'-1+2"]


def test_export_refuses_the_docset_itself_and_existing_files(store, tmp_path):
    with pytest.raises(ExportError, match="that is the document set itself"):
        export(store, "txt", store.docset.path)
    with pytest.raises(ExportError, match="inside the document set"):
        export(store, "po", store.docset.path / "review")
    export(store, "csv", tmp_path / "out")
    with pytest.raises(ExportError, match=r"would overwrite 1 file\(s\) \(doc.csv\); pass --force"):
        export(store, "csv", tmp_path / "out")
    assert export(store, "csv", tmp_path / "out", force=True).overwritten == (
        tmp_path / "out" / "doc.csv",
    )


def test_aligner_export_command(tmp_path):
    docset = make_docset(tmp_path / "doc").path
    out = tmp_path / "corrected"
    result = run_aligner(
        "export", str(docset), "--format", "txt", "--out", str(out), "--langs", "en,zh"
    )
    assert result.returncode == 0, result.stderr
    assert sorted(line.rsplit("/", 1)[-1] for line in result.stdout.split()) == [
        "docset.toml",
        "en.txt",
        "zh.txt",
    ]
    assert load(out).paragraphs("en") == tuple(TEXTS["en"])
    again = run_aligner(
        "export", str(docset), "--format", "txt", "--out", str(out), "--langs", "en,zh"
    )
    assert again.returncode == 2 and "would overwrite 3 file(s)" in again.stderr
    forced = run_aligner(
        "export",
        str(docset),
        "--format",
        "txt",
        "--out",
        str(out),
        "--langs",
        "en",
        "zh",
        "--force",
    )
    assert forced.returncode == 0 and "en.txt: overwritten" in forced.stderr
    itself = run_aligner("export", str(docset), "--format", "po", "--out", str(docset))
    assert itself.returncode == 2 and "document set itself" in itself.stderr
    assert not (docset / "review").exists() and not (docset / "alignment.tsv").exists()
