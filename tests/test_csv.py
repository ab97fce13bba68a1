"""The CSV table: a status column per language, the flags of the exported text, a formula
guard that `aligner import` undoes, control characters as in TMX, and the way back."""

from __future__ import annotations

import csv
import io
import shutil

import pytest

from tests.conftest import BUNDLED, run_aligner
from tests.interchange_fixtures import export_files, open_store, po_entries, review_bytes, synced
from tests.test_store_fixtures import HOSTILE_EN, make_docset, msgfmt_check


def read_table(path):
    return list(csv.reader(io.StringIO(path.read_text("utf-8-sig"))))


def write_table(path, table, delimiter=","):
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter).writerows(table)
    path.write_text(buffer.getvalue(), encoding="utf-8-sig")


@pytest.fixture
def joint(tmp_path):
    target = tmp_path / "joint"
    shutil.copytree(BUNDLED, target, ignore=shutil.ignore_patterns("review", "alignment.tsv"))
    return synced(target)


def test_a_status_column_per_language_and_the_flags_of_the_reviewed_text(joint, tmp_path):
    store = open_store(joint)
    rows = [row.id for row in store.alignment.rows]
    second = store.get(rows[1], "en").text
    store.set_fix(
        rows[1], "en", second.replace("Kasemal Tokayev", "Kassym-Jomart Tokayev"), approve=True
    )
    third = store.get(rows[2], "en").text
    store.set_fix(rows[2], "en", third.replace("past 31 years", "past 13 years"))
    store.approve(rows[2], "kk")
    table = read_table(export_files(joint, "csv", tmp_path / "c")[0])
    header = table[0]
    assert header[:9] == [
        "row",
        "en",
        "zh",
        "kk",
        "ru",
        "en status",
        "zh status",
        "kk status",
        "ru status",
    ]
    by_row = {line[0]: dict(zip(header, line)) for line in table[1:]}
    assert [by_row[rows[k]]["en status"] for k in range(4)] == [
        "unreviewed",
        "approved",
        "fixed",
        "unreviewed",
    ]
    assert (
        by_row[rows[2]]["kk status"] == "approved" and by_row[rows[2]]["ru status"] == "unreviewed"
    )
    assert "Kasemal" not in by_row[rows[1]]["flags"]  # fixed: its flag is gone
    assert any(
        line.startswith("en number:") and "13" in line  # the slip is flagged
        for line in by_row[rows[2]]["flags"].split("\n")
    ), by_row[rows[2]]["flags"]


GUARDED = ["+7 727 244 00 00", "-5", "=1+2", "'=already quoted", "@SUM(A1)", "- a list item"]


@pytest.fixture
def guarded(tmp_path):
    texts = {
        "en": GUARDED + [HOSTILE_EN],
        "zh": ["一。", "二。", "三。", "四。", "五。", "六。", "七。"],
    }
    docset = make_docset(tmp_path / "doc", texts, 'source = "zh"\norder = ["zh", "en"]\n')
    synced(docset.path)
    return docset.path


def test_formula_cells_are_guarded_and_the_guard_never_comes_back(guarded, tmp_path):
    path = export_files(guarded, "csv", tmp_path / "c")[0]
    table = read_table(path)
    en = table[0].index("en")
    assert [line[en] for line in table[1:7]] == ["'" + value for value in GUARDED]
    assert "\x1b" not in path.read_text("utf-8-sig") and "\u241b[31mred" in table[7][en]
    before = review_bytes(guarded)
    unchanged = run_aligner("import", str(path), str(guarded))  # as exported: nothing to do
    assert unchanged.returncode == 0 and "0 applied" in unchanged.stdout, unchanged.stderr
    assert review_bytes(guarded) == before
    # a spreadsheet keeps the apostrophe on one edited cell and drops it on another
    table[1][en] = "'+7 727 244 00 01"
    table[2][en] = "-6"
    table[4][en] = "''=still quoted"
    write_table(path, table)
    result = run_aligner("import", str(path), str(guarded))
    assert result.returncode == 0, result.stderr
    assert "3 applied" in result.stdout
    texts = [entry.msgstr for entry in po_entries(guarded, "en").values()]
    assert texts[:6] == [
        "+7 727 244 00 01",
        "-6",
        "=1+2",
        "'=still quoted",
        "@SUM(A1)",
        "- a list item",
    ]
    assert texts[6] == HOSTILE_EN  # its ESC untouched: the unedited cell was not applied
    assert msgfmt_check(guarded / "review" / "en.po").returncode == 0


def test_a_spreadsheet_edit_and_status_come_back_through_the_store(joint, tmp_path):
    path = export_files(joint, "csv", tmp_path / "c")[0]
    table = read_table(path)
    header = table[0]
    rows = [line[0] for line in table[1:]]
    fixed = table[2][header.index("en")].replace("Kasemal Tokayev", "Kassym-Jomart Tokayev")
    table[2][header.index("en")] = fixed
    table[3][header.index("ru status")] = "approved"
    store = open_store(joint)
    ours = "A fix made in aligner after the export."
    store.set_fix(rows[4], "en", ours)
    table[5][header.index("en")] = "A spreadsheet edit of the same cell."
    write_table(path, table, delimiter=";")  # as LibreOffice saves in some locales
    result = run_aligner("import", str(path), str(joint))
    assert result.returncode == 1  # one conflict reported
    first_line = 1 + path.read_text("utf-8-sig").split("\n").index(
        next(
            line
            for line in path.read_text("utf-8-sig").split("\n")
            if line.startswith(rows[4] + ";")
        )
    )
    assert (
        f"line {first_line}, column en (en): not applied: changed in aligner since the "
        "export" in result.stderr
    )
    assert "2 applied" in result.stdout
    en, ru = po_entries(joint, "en"), po_entries(joint, "ru")
    after = open_store(joint)
    assert en[rows[1]].msgstr == fixed and after.get(rows[1], "en").status == "fixed"
    assert after.get(rows[2], "ru").status == "approved" and rows[2] in ru
    assert en[rows[4]].msgstr == ours


def test_a_row_whose_source_changed_since_the_export_is_not_applied(joint, tmp_path):
    path = export_files(joint, "csv", tmp_path / "c")[0]
    table = read_table(path)
    header = table[0]
    table[3][header.index("en")] = "An edit made against an older source text."
    prints = header.index("fingerprints")
    table[3][prints] = " ".join(
        "source=000000000000" if item.startswith("source=") else item
        for item in table[3][prints].split()
    )
    write_table(path, table)
    result = run_aligner("import", str(path), str(joint))
    assert result.returncode == 1
    assert "the row's source text changed since the export" in result.stderr
    assert (
        po_entries(joint, "en")[table[3][0]].msgstr != "An edit made against an older source text."
    )
