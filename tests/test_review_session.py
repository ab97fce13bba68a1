"""ReviewSession, the core behind the UI: staged opening, suggestions, rechecks, progress."""

from __future__ import annotations

import shutil

import pytest

import aligner.checks as checks_module
from aligner.review.session import SessionError, open_rows, open_session
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
    assert session.flags(row) == [f for f in flags_before if f.lang != "en"], (
        "the changed cell's old flags are hidden, nothing stale is recorded"
    )
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
    plain = json.loads(
        run_aligner("check", str(statement), "--lang", "en", "--format", "json").stdout
    )["flags"]
    result = run_aligner("check", str(statement), "--lang", "en", "--reviewed", "--format", "json")
    reviewed = json.loads(result.stdout)["flags"]
    row_id = session.row_id(row)
    assert any(f["row"] == row_id and f["check"] == "name" for f in plain)
    assert not any(f["row"] == row_id and f["check"] == "name" for f in reviewed)
    assert any(f["row"] == row_id and f["check"] == "number" for f in reviewed)
    assert [f.read_bytes() for f in files] == before


def test_scores_are_the_same_when_the_references_are_read_in_chunks(statement, monkeypatch):
    """The Scores view at 10k rows held every reference's n-grams at once (~800 MB for chrF);
    statistics are now extracted a chunk at a time, with the same figures."""
    import aligner.score as score

    session = open_session(statement)
    for needle in ("Kasemal", "75th session", "Charter of the United Nations"):
        row = row_with(session, "en", needle)
        session.set_fix(row, "en", session.cell_text(row, "en") + " (checked)")
    monkeypatch.setattr(score, "STATS_CHUNK", 10**9)
    whole = session.scores()
    monkeypatch.setattr(score, "STATS_CHUNK", 7)
    chunked = session.scores()
    assert [s.metrics for s in chunked] == [s.metrics for s in whole]
    assert [s.rows for s in chunked] == [s.rows for s in whole]
    english = next(s for s in chunked if s.lang == "en")
    assert english.rows_fixed == 3 and 0 < english.metric("ter").score < 10


def other_store(session):
    from aligner.review.store import ReviewStore

    return ReviewStore.open(session.docset, session.alignment)


def test_another_programs_save_is_taken_in_and_a_stale_change_is_refused(statement):
    from aligner.review.store import ReviewConflictError

    session = open_session(statement)
    row = row_with(session, "en", "Kasemal")
    opened_with = session.cell_text(row, "en")
    theirs = opened_with.replace("May 2023 to 5, 17", "16–17 May 2023")
    other_store(session).set_fix(session.row_id(row), "en", theirs)
    with pytest.raises(ReviewConflictError, match="changed by another program"):
        session.set_fix(
            row, "en", opened_with.replace("Kasemal", "Kassym-Jomart"), expect=opened_with
        )
    assert session.cell_text(row, "en") == theirs, "never the stale text"
    assert session.row_status(row, "en") == "fixed"
    assert session.take_outside_changes() == [(row, "en")]
    assert session.take_outside_changes() == []
    session.set_fix(row, "en", theirs.replace("Kasemal", "Kassym-Jomart"), expect=theirs)
    assert "16–17 May 2023" in session.cell_text(row, "en")
    assert "Kassym-Jomart" in session.store.get(session.row_id(row), "en").text


def test_a_change_merged_while_saving_another_row_is_shown(statement):
    """A save merges the disk first: another program's fix of another row comes in with it
    and must show (it used to stay stale on screen until reopened)."""
    session = open_session(statement)
    mine, theirs = row_with(session, "en", "Kasemal"), row_with(session, "en", "75th session")
    session.cell_text(theirs, "en")  # shown (cached) before the other program saves
    other = other_store(session)
    other.set_fix(session.row_id(theirs), "en", "Their fix.")
    session.store.set_fix(session.row_id(mine), "en", "Mine.")  # the store merges theirs
    session.set_fix(mine, "en", "Mine, again.")
    assert session.cell_text(theirs, "en") == "Their fix."
    assert (theirs, "en") in session.take_outside_changes()


def test_approving_text_changed_elsewhere_is_refused(statement):
    from aligner.review.store import ReviewConflictError

    session = open_session(statement)
    row = row_with(session, "en", "Kasemal")
    other_store(session).set_fix(session.row_id(row), "en", "Their text.")
    with pytest.raises(ReviewConflictError):
        session.toggle_approved(row, "en")
    assert session.cell_text(row, "en") == "Their text."
    assert session.row_status(row, "en") == "fixed", "not approved unseen"
    assert session.toggle_approved(row, "en") is True


def test_a_held_lock_refuses_at_once_instead_of_waiting(statement):
    import fcntl
    import os
    import time

    from aligner.review.recovery import ReviewBusyError

    session = open_session(statement)
    row = row_with(session, "en", "Kasemal")
    (statement / "review").mkdir(exist_ok=True)
    fd = os.open(statement / "review" / ".lock", os.O_RDWR | os.O_CREAT, 0o666)
    fcntl.flock(fd, fcntl.LOCK_EX)
    try:
        started = time.monotonic()
        with pytest.raises(ReviewBusyError) as refused:
            session.set_fix(row, "en", "x")
        assert time.monotonic() - started < 2
        assert "delete" not in str(refused.value)
    finally:
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)
    session.set_fix(row, "en", "x")
    assert session.cell_text(row, "en") == "x"


def test_unsaved_text_goes_to_a_recovery_file(statement):
    session = open_session(statement)
    row = row_with(session, "en", "Kasemal")
    path = session.keep_unsaved(row, "en", "typed \x1b text")
    assert path.parent == statement / "review" / "unsaved"
    assert path.read_text(encoding="utf-8") == "typed \x1b text"
    again = session.keep_unsaved(row, "en", "other")
    assert again != path and again.read_text(encoding="utf-8") == "other"
