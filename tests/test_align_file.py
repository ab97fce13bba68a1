"""alignment.tsv and a reviewer's corrections: round trip, reuse, refit, errors, the CLI."""

from __future__ import annotations

import json

import pytest

from aligner.align import (
    AlignmentEditError,
    AlignmentFileError,
    align,
    merge_with_next,
    move_paragraph,
    save_alignment,
    split_row,
)
from aligner.align.alignfile import read_alignment
from aligner.docset import load
from tests.conftest import run_aligner


@pytest.fixture
def statement(bundled_copy):
    return load(bundled_copy)


def spans(alignment, row_id):
    row = alignment.row(row_id)
    return {lang: row.span(lang) for lang in alignment.languages}


def test_round_trip_keeps_rows_ids_and_scores(statement):
    alignment = align(statement)
    assert alignment.origin == "aligned"
    path = save_alignment(statement, alignment)
    saved = read_alignment(statement.path / "alignment.tsv")
    assert str(statement.path / "alignment.tsv") == path
    assert saved.rows == tuple(
        r.__class__(r.id, r.cells, round(r.score, 3)) for r in alignment.rows
    )
    lines = (statement.path / "alignment.tsv").read_text(encoding="utf-8").splitlines()
    assert lines[1].split("\t") == ["id", "en", "zh", "kk", "ru", "score", "check"]
    assert lines[2].split("\t")[:5] == ["r1", "", "0", "0", "0"]
    assert "\tr20" not in lines and lines[21].split("\t")[:5] == [
        "r20",
        "18-19",
        "19-20",
        "19-20",
        "19",
    ]
    assert not list(statement.path.glob(".alignment-*"))  # no temporary file left behind


def test_corrections_are_reused_and_fresh_ignores_them(statement):
    alignment = align(statement)
    edited = merge_with_next(alignment, "r5")
    assert spans(edited, "r5") == {"en": "3-4", "zh": "4-5", "kk": "4-5", "ru": "4-5"}
    assert "r6" not in {r.id for r in edited.rows} and edited.row("r5").score == 1.0
    save_alignment(statement, edited)
    again = align(load(statement.path))
    assert again.origin == "saved" and again.rows == edited.rows
    assert align(statement, fresh=True).rows == alignment.rows


def test_split_and_move_keep_ids_stable(statement):
    alignment = align(statement)
    split = split_row(alignment, "r20", {"en": 19, "zh": 20, "kk": 20})
    assert spans(split, "r20") == {"en": "18", "zh": "19", "kk": "19", "ru": "19"}
    assert spans(split, "r20.1") == {"en": "19", "zh": "20", "kk": "20", "ru": ""}
    ids = [r.id for r in split.rows]
    assert ids[ids.index("r20") + 1] == "r20.1" and len(ids) == len(set(ids))
    moved = move_paragraph(alignment, "kk", 30, 1)
    assert spans(moved, "r28")["kk"] == "29" and spans(moved, "r29")["kk"] == "30-31"
    with pytest.raises(AlignmentEditError, match="not the first"):
        move_paragraph(alignment, "kk", 30, -1)
    with pytest.raises(AlignmentEditError, match="last row"):
        merge_with_next(alignment, alignment.rows[-1].id)
    with pytest.raises(AlignmentEditError, match="both rows"):
        split_row(alignment, "r3", {"en": 2})
    with pytest.raises(AlignmentEditError, match="no row with id"):
        merge_with_next(alignment, "r999")


def test_moving_the_only_paragraph_removes_the_empty_row(statement):
    alignment = align(statement, ["en", "ru"], fresh=True)
    first = alignment.rows[0]
    assert first.indices("en") == () and first.indices("ru") == (0,)
    moved = move_paragraph(alignment, "ru", 0, 1)
    assert first.id not in {r.id for r in moved.rows}
    assert moved.rows[0].indices("ru") == (0, 1) and len(moved) == len(alignment) - 1


def test_edited_text_keeps_rows_outside_the_change(statement):
    alignment = merge_with_next(align(statement), "r40")  # a reviewer's correction
    save_alignment(statement, alignment)
    ru = statement.path / "ru.txt"
    paragraphs = ru.read_text(encoding="utf-8").split("\n\n")
    paragraphs.insert(10, "Дополнительный абзац, которого нет в других версиях.")
    ru.write_text("\n\n".join(paragraphs), encoding="utf-8")
    refitted = align(load(statement.path))
    assert refitted.origin == "refitted"
    assert any("texts changed" in note and "ru: 51 -> 52" in note for note in refitted.notes)
    ids = [r.id for r in refitted.rows]
    assert ids[:10] == [r.id for r in alignment.rows[:10]]
    assert spans(refitted, "r40") == {"en": "40-41", "zh": "40-41", "kk": "42-43", "ru": "41-42"}
    inserted = [r for r in refitted.rows if r.indices("ru") == (10,)][0]
    assert inserted.indices("en") == () and inserted.id.startswith("r10.")
    assert refitted.counts() == {"en": 50, "zh": 50, "kk": 52, "ru": 52}


def test_saving_refuses_an_alignment_that_does_not_cover_the_texts(statement):
    alignment = align(statement, ["en", "zh"], fresh=True)
    short = alignment.__class__(alignment.languages, alignment.rows[:-1])
    with pytest.raises(Exception, match="not saved"):
        save_alignment(statement, short)


@pytest.mark.parametrize(
    "content, message",
    [
        ("r1\t0\t0\t0\t0\t0.5\n", ":1: the header must be: id, one column per language"),
        ("# only a comment\n", ":1: no header line"),
        ("id\ten\tzh\tkk\tru\tscore\nr1\t0\t0\n", ":2: expected 6 tab-separated fields"),
        ("id\ten\tzh\tkk\tru\tscore\nr1\t0\tx\t0\t0\t0.5\n", ":2: zh cell 'x' is not"),
        (
            "id\ten\tzh\tkk\tru\tscore\nr1\t0\t0\t0\t0\t0.5\nr1\t1\t1\t1\t1\t0.5\n",
            ":3: row id r1 appears twice",
        ),
        (
            "id\ten\tzh\tkk\tru\tscore\n# c\nr1\t0\t0\t0\t0\t0.5\nr2\t2\t1\t1\t1\t0.5\n",
            ":4: en cell starts at paragraph 2 but paragraph 1 is missing",
        ),
        ("id\ten\tzh\tkk\tru\tscore\nr1\t0\t0\t0\t0\t1.5\n", ":2: score '1.5' is not"),
        ("id\ten\tzh\tscore\nr1\t\t\t0.5\n", ":2: row r1 holds no paragraph"),
    ],
)
def test_malformed_file_is_a_clear_error(statement, content, message):
    (statement.path / "alignment.tsv").write_text(content, encoding="utf-8")
    with pytest.raises(AlignmentFileError, match=message.replace("(", r"\(")):
        align(statement)


def test_cli_malformed_alignment_file_exits_2_with_one_line(bundled_copy):
    (bundled_copy / "alignment.tsv").write_text("id\ten\tscore\nr1\t0-x\t0.9\n", encoding="utf-8")
    result = run_aligner("align", str(bundled_copy))
    assert result.returncode == 2 and result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1
    assert result.stderr.startswith(f"aligner: error: {bundled_copy / 'alignment.tsv'}:2: ")
    assert "--fresh" in result.stderr
    assert run_aligner("align", str(bundled_copy), "--fresh").returncode == 0


def test_cli_json_tsv_text_and_save(bundled_copy):
    result = run_aligner("align", str(bundled_copy), "--format", "json")
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    assert payload["languages"] == ["en", "zh", "kk", "ru"]
    assert payload["rows"][0] == {
        "id": "r1",
        "en": [],
        "zh": [0],
        "kk": [0],
        "ru": [0],
        "score": payload["rows"][0]["score"],
    }
    assert payload["rows"][19]["en"] == [18, 19] and payload["rows"][19]["ru"] == [19]
    text = run_aligner("align", str(bundled_copy)).stdout.splitlines()
    assert text[0].startswith("49 rows · en zh kk ru · 1 low-confidence")
    assert text[2].startswith("r1  !0.45") and "中华人民共和国" in text[2]
    assert not (bundled_copy / "alignment.tsv").exists()
    saved = run_aligner("align", str(bundled_copy), "--format", "tsv", "--save")
    assert "saved" in saved.stderr
    assert (bundled_copy / "alignment.tsv").read_text(encoding="utf-8") == saved.stdout
    reused = run_aligner("align", str(bundled_copy)).stdout.splitlines()
    assert reused[0].endswith("· from alignment.tsv") and reused[2:] == text[2:]


def test_cli_langs_pivot_and_unknown_language(bundled_copy):
    result = run_aligner(
        "align", str(bundled_copy), "--langs", "zh,ru", "--pivot", "ru", "--format", "json"
    )
    assert json.loads(result.stdout)["languages"] == ["zh", "ru"]
    bad = run_aligner("align", str(bundled_copy), "--langs", "en,de")
    assert bad.returncode == 2 and "no language de" in bad.stderr
    bad = run_aligner("align", str(bundled_copy), "--langs", "en,zh", "--pivot", "ru")
    assert bad.returncode == 2 and "pivot ru" in bad.stderr


def test_cli_default_docset_is_the_bundled_statement():
    result = run_aligner("align", "--format", "json")
    assert result.returncode == 0 and len(json.loads(result.stdout)["rows"]) == 49
