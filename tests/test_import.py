"""`aligner import FILE`: an XLIFF or CSV reviewed in another tool comes back as fixes.

Through the review store (as the UI's fixes), never over a fix made in aligner since the
export, never where the source text changed; bad input is one line, exit 2, nothing written.
Round trip: a Poedit edit, our review, an edit in the XLIFF: the PO keeps all three.
"""

from __future__ import annotations

import shutil
import xml.etree.ElementTree as ET

import polib
import pytest

from tests.conftest import BUNDLED, run_aligner
from tests.interchange_fixtures import (
    NS12,
    NS20,
    export_files,
    open_store,
    po_entries,
    review_bytes,
    synced,
)
from tests.test_store_fixtures import msgfmt_check

EDIT = "The heads of state held talks in a warm, friendly and businesslike atmosphere."


@pytest.fixture
def docset(tmp_path):
    target = tmp_path / "joint"
    shutil.copytree(BUNDLED, target, ignore=shutil.ignore_patterns("review", "alignment.tsv"))
    return synced(target)


def _units(root, version):
    if version == "xliff12":
        return {u.get("id"): u for u in root.iter(f"{{{NS12}}}trans-unit")}
    return {u.get("id"): u for u in root.iter(f"{{{NS20}}}unit")}


def edit_xliff(path, version, row, text=None, approve=False, source=None):
    """Change one unit as a CAT tool would: its target text, its state, or its source."""
    ET.register_namespace("", NS12 if version == "xliff12" else NS20)
    ET.register_namespace("al", "urn:x-aligner:review:1")
    tree = ET.parse(path)
    unit = _units(tree.getroot(), version)[row]
    ns = NS12 if version == "xliff12" else NS20
    target = unit.find(f".//{{{ns}}}target")
    if text is not None:
        for child in list(target):
            target.remove(child)
        target.text = text
    if source is not None:
        element = unit.find(f".//{{{ns}}}source")
        element.text = source
    if approve:
        if version == "xliff12":
            unit.set("approved", "yes")
            target.set("state", "final")
        else:
            unit.find(f"{{{ns}}}segment").set("state", "final")
    tree.write(path, encoding="utf-8", xml_declaration=True)


def _en(files):
    return next(path for path in files if path.name.endswith("-en.xlf"))


@pytest.mark.parametrize("version", ["xliff12", "xliff20"])
def test_an_edit_in_the_xliff_comes_back_as_a_fix_and_the_po_reads_it(docset, tmp_path, version):
    rows = [row.id for row in open_store(docset).alignment.rows]
    path = _en(export_files(docset, version, tmp_path / "x"))
    edit_xliff(path, version, rows[2], EDIT, approve=True)
    result = run_aligner("import", str(path), str(docset))
    assert result.returncode == 0, result.stderr
    assert f"{path}: 1 applied, " in result.stdout and "0 skipped" in result.stdout
    entry = po_entries(docset, "en")[rows[2]]
    assert entry.msgstr == EDIT and open_store(docset).get(rows[2], "en").status == "approved"
    assert msgfmt_check(docset / "review" / "en.po").returncode == 0
    before = review_bytes(docset)
    again = run_aligner("import", str(path), str(docset))  # the same file twice: nothing new
    assert again.returncode == 0 and "0 applied" in again.stdout
    assert review_bytes(docset) == before


@pytest.mark.parametrize("version", ["xliff12", "xliff20"])
def test_a_fix_made_in_aligner_meanwhile_is_never_overwritten(docset, tmp_path, version):
    store = open_store(docset)
    rows = [row.id for row in store.alignment.rows]
    path = _en(export_files(docset, version, tmp_path / "x"))
    ours = "Ours: typed in aligner after the export."
    store.set_fix(rows[2], "en", ours)
    edit_xliff(path, version, rows[2], EDIT)
    edit_xliff(path, version, rows[3], "Theirs, on a row nobody touched in aligner.")
    result = run_aligner("import", str(path), str(docset))
    assert result.returncode == 1
    assert f"{rows[2]} (en): not applied: changed in aligner since the export" in result.stderr
    entries = po_entries(docset, "en")
    assert entries[rows[2]].msgstr == ours
    assert entries[rows[3]].msgstr == "Theirs, on a row nobody touched in aligner."


@pytest.mark.parametrize("version", ["xliff12", "xliff20"])
def test_a_unit_whose_source_text_changed_is_reported_not_applied(docset, tmp_path, version):
    rows = [row.id for row in open_store(docset).alignment.rows]
    path = _en(export_files(docset, version, tmp_path / "x"))
    edit_xliff(path, version, rows[2], EDIT, source="另一段原文。")
    result = run_aligner("import", str(path), str(docset))
    assert result.returncode == 1
    assert "its source text is not the row's source text any more" in result.stderr
    assert po_entries(docset, "en")[rows[2]].msgstr != EDIT


@pytest.mark.parametrize("version", ["xliff12", "xliff20"])
def test_poedit_edit_our_review_and_an_xliff_edit_all_survive_in_the_po(docset, tmp_path, version):
    rows = [row.id for row in open_store(docset).alignment.rows]
    # 1. a translator fixes and approves row 2 in Poedit (polib writes as a PO editor does)
    po_path = docset / "review" / "en.po"
    po = polib.pofile(str(po_path))
    poedit = next(e for e in po if e.msgctxt == rows[1])
    poedit.msgstr = poedit.msgstr.replace("Kasemal Tokayev", "Kassym-Jomart Tokayev")
    poedit.flags = [f for f in poedit.flags if f != "fuzzy"]
    po.save(str(po_path))
    # 2. a reviewer fixes row 4 in aligner's review UI (not approved)
    store = open_store(docset)
    poedit_status = store.get(rows[1], "en").status  # what our store reads Poedit's edit as
    ours = store.get(rows[3], "en").text.replace("1.", "1)", 1)
    store.set_fix(rows[3], "en", ours)
    before = po_entries(docset, "en")
    # 3. the XLIFF goes to a CAT tool: row 3 edited, row 4 approved as it is
    path = _en(export_files(docset, version, tmp_path / "x"))
    edit_xliff(path, version, rows[2], EDIT)
    edit_xliff(path, version, rows[3], approve=True)
    result = run_aligner("import", str(path), str(docset))
    assert result.returncode == 0, result.stderr
    assert "2 applied" in result.stdout
    after = po_entries(docset, "en")
    status = {
        row: review.status
        for row, review in ((row, open_store(docset).get(row, "en")) for row in rows[1:4])
    }
    assert after[rows[1]].msgstr == poedit.msgstr and status[rows[1]] == poedit_status
    assert after[rows[2]].msgstr == EDIT and status[rows[2]] == "fixed"
    assert after[rows[3]].msgstr == ours and status[rows[3]] == "approved"
    for row, entry in before.items():  # everything else exactly as it was
        if row not in (rows[2], rows[3]):
            assert (
                after[row].msgstr,
                after[row].flags,
                after[row].tcomment,
                after[row].comment,
            ) == (entry.msgstr, entry.flags, entry.tcomment, entry.comment), row
    assert msgfmt_check(po_path).returncode == 0


def test_a_unit_for_a_row_that_is_gone_is_reported(docset, tmp_path):
    rows = [row.id for row in open_store(docset).alignment.rows]
    path = _en(export_files(docset, "xliff20", tmp_path / "x"))
    edit_xliff(path, "xliff20", rows[2], EDIT)
    path.write_text(
        path.read_text("utf-8").replace(f'<unit id="{rows[2]}"', '<unit id="r999"'),
        encoding="utf-8",
    )
    before = review_bytes(docset)
    result = run_aligner("import", str(path), str(docset))
    assert result.returncode == 1 and "unit r999 (en): not applied: no row r999" in result.stderr
    assert review_bytes(docset) == before


BAD_XLIFF = {
    "truncated.xlf": b'<?xml version="1.0"?><xliff version="1.2" xmlns="urn:oasis:names:tc:'
    b'xliff:document:1.2"><file',
    "not-xliff.xlf": b"<html><body>hello</body></html>",
    "other-source.xlf": b'<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" '
    b'srcLang="en" trgLang="zh"><file id="f"><unit id="r1"><segment>'
    b"<source>x</source><target>y</target></segment></unit></file></xliff>",
    "unknown-lang.xlf": b'<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" '
    b'srcLang="zh" trgLang="fr"><file id="f"><unit id="r1"><segment>'
    b"<source>x</source><target>y</target></segment></unit></file></xliff>",
    "twice.xlf": b'<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" '
    b'srcLang="zh" trgLang="en"><file id="f"><unit id="r1"><segment><source>x'
    b'</source><target>y</target></segment></unit><unit id="r1"><segment><source>'
    b"x</source><target>y</target></segment></unit></file></xliff>",
    "laughs.xlf": (
        b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">'  # a billion
        + b"".join(b'<!ENTITY %c "%s">' % (98 + k, b"&%c;" % (97 + k) * 10) for k in range(8))
        + b']><xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" '
        b'srcLang="zh" trgLang="en"><file id="f"><unit id="r1"><segment><source>'
        b"&i;</source><target>y</target></segment></unit></file></xliff>"
    ),
}
MESSAGES = {
    "laughs.xlf": "not well-formed XML",
    "truncated.xlf": "not well-formed XML",
    "not-xliff.xlf": "not an XLIFF 1.2 or 2.0",
    "other-source.xlf": "its source language is en, the document set's is zh",
    "unknown-lang.xlf": "language fr is not in the document set",
    "twice.xlf": "unit r1 appears twice",
    "missing.xlf": "cannot be read",
    "latin1.csv": "not UTF-8",
    "bad-status.csv": "status 'done' for en",
    "no-header.csv": "not the header of an aligner CSV",
}


@pytest.mark.parametrize("name", sorted(MESSAGES))
def test_bad_input_is_one_line_exit_2_and_nothing_is_written(docset, tmp_path, name):
    path = tmp_path / name
    if name in BAD_XLIFF:
        path.write_bytes(BAD_XLIFF[name])
    elif name.endswith(".csv"):
        table = export_files(docset, "csv", tmp_path / "c")[0].read_text("utf-8-sig")
        lines = table.split("\n")
        if name == "latin1.csv":
            path.write_bytes(table.replace("Tokayev", "Tokayév").encode("latin-1", "replace"))
        elif name == "bad-status.csv":  # a valid edit on line 3, a bad status on the last
            lines[2] = lines[2].replace("Kasemal Tokayev", "Kassym-Jomart Tokayev")
            last = max(i for i, line in enumerate(lines) if line.startswith("r"))
            lines[last] = lines[last].replace(",unreviewed,", ",done,", 1)
            path.write_text("\n".join(lines), encoding="utf-8")
        else:
            path.write_text("\n".join(lines[1:]), encoding="utf-8")
    before = review_bytes(docset)
    result = run_aligner("import", str(path), str(docset))
    errors = [line for line in result.stderr.splitlines() if line.startswith("aligner: error:")]
    assert result.returncode == 2 and len(errors) == 1, result.stderr
    assert MESSAGES[name] in errors[0] and str(path) in errors[0]
    assert "Traceback" not in result.stderr
    assert review_bytes(docset) == before


@pytest.mark.parametrize("version", ["xliff12", "xliff20"])
def test_control_characters_survive_a_round_trip_of_an_unedited_unit(tmp_path, version):
    from tests.test_store_fixtures import HOSTILE_EN, make_docset

    texts = {"en": ["Joint statement.", HOSTILE_EN], "zh": ["联合声明。", "标记与转义。"]}
    docset = make_docset(tmp_path / "doc", texts, 'source = "zh"\norder = ["zh", "en"]\n').path
    synced(docset)
    rows = [row.id for row in open_store(docset).alignment.rows]
    path = _en(export_files(docset, version, tmp_path / "x"))
    edit_xliff(path, version, rows[0], "Joint statement, edited.")
    result = run_aligner("import", str(path), str(docset))
    assert result.returncode == 0 and "1 applied, 1 unchanged" in result.stdout, result.stderr
    entries = po_entries(docset, "en")
    assert entries[rows[0]].msgstr == "Joint statement, edited."
    assert entries[rows[1]].msgstr == HOSTILE_EN  # its ESC is still an ESC, not a picture
