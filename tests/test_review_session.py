"""ReviewSession, the core behind the UI: staged opening, suggestions, rechecks, progress."""

from __future__ import annotations

import shutil

import pytest

import aligner.checks as checks_module
from aligner.review import SessionError, open_rows, open_session
from tests.conftest import BUNDLED


@pytest.fixture
def statement(tmp_path):
    target = tmp_path / "joint-statement-2023"
    shutil.copytree(BUNDLED, target, ignore=shutil.ignore_patterns("review", "alignment.tsv"))
    return target


def row_with(session, lang, needle):
    return next(r for r in range(session.row_count()) if needle in session.cell_text(r, lang))


def test_rows_come_first_and_cannot_change_until_the_review_files_open(statement):
    session = open_rows(statement)
    assert session.row_count() == 49 and not session.editable
    row = row_with(session, "en", "Kasemal")
    with pytest.raises(SessionError, match="still opening"):
        session.set_fix(row, "en", "x")
    session.open_store()
    assert (statement / "alignment.tsv").exists(), "row ids are pinned when review files open"
    session.run_checks()
    assert session.checked and session.flags(row)


def test_suggestions_fix_spans_but_never_insert_a_missing_name_anywhere(statement):
    session = open_session(statement)
    row = row_with(session, "en", "75th session")
    before = session.cell_text(row, "en")
    applied = []
    while (flag := session.apply_suggestion(row, "en")) is not None:
        applied.append(flag)
        assert session.recheck()
        assert len(applied) < 10
    after = session.cell_text(row, "en")
    assert "Kassym-Jomart Tokayev" in after and "Kasemjomart" not in after
    assert after.count("Republic of Kazakhstan") == before.count("Republic of Kazakhstan")
    assert all(f.end > f.start or f.start == 0 for f in applied)


def test_section_number_suggestion_is_inserted_at_the_start(statement):
    session = open_session(statement)
    row = row_with(session, "en", "Charter of the United Nations")
    flag = session.apply_suggestion(row, "en")
    assert flag is not None and flag.expected == "4. "
    assert session.cell_text(row, "en").startswith("4. The two sides reaffirmed")


def test_a_recheck_overtaken_by_a_change_records_nothing(statement, monkeypatch):
    session = open_session(statement)
    row = row_with(session, "en", "Kasemal")
    real = checks_module.run_document

    def slow_checks(document, names=None):
        session.set_fix(row, "en", session.cell_text(row, "en") + " (edited meanwhile)")
        return real(document, names)

    monkeypatch.setattr(checks_module, "run_document", slow_checks)
    flags_before = session.flags(row)
    assert session.recheck() is False
    assert session.flags(row) == [f for f in flags_before if f.lang != "en"], \
        "the changed cell's old flags are hidden, nothing stale is recorded"
    monkeypatch.setattr(checks_module, "run_document", real)
    assert session.recheck() is True


def test_progress_counts_rows_with_text(statement):
    session = open_session(statement)
    done, total, open_flags = session.progress("en")
    assert (done, total) == (0, 48) and open_flags > 10
    session.toggle_approved(1, "en")
    assert session.progress("en")[:2] == (1, 48)


def test_check_reviewed_sees_the_fixes_and_writes_nothing(statement):
    import json

    from tests.conftest import run_aligner

    session = open_session(statement)
    row = row_with(session, "en", "Kasemal")
    session.set_fix(row, "en", session.cell_text(row, "en").replace("Kasemal", "Kassym-Jomart"))
    files = sorted((statement / "review").glob("*.po")) + [statement / "alignment.tsv"]
    before = [f.read_bytes() for f in files]
    plain = json.loads(run_aligner("check", str(statement), "--lang", "en", "--format",
                                   "json").stdout)["flags"]
    result = run_aligner("check", str(statement), "--lang", "en", "--reviewed",
                         "--format", "json")
    reviewed = json.loads(result.stdout)["flags"]
    row_id = session.row_id(row)
    assert any(f["row"] == row_id and f["check"] == "name" for f in plain)
    assert not any(f["row"] == row_id and f["check"] == "name" for f in reviewed)
    assert any(f["row"] == row_id and f["check"] == "number" for f in reviewed)
    assert [f.read_bytes() for f in files] == before
