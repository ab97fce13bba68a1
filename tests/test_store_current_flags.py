"""One definition of a row's current flags (issue 17 item 1).

The flags of the reviewed text, written by the UI, ``aligner sync`` and ``aligner export``
alike and reported by ``aligner check --reviewed``: after a fix, no tool writes the flag of
the original text back, and a file changes only when its content changes.
"""

from __future__ import annotations

import json
import shutil

import polib
import pytest

from aligner.review.entry import parse_comment, record_flag, split_decisions
from aligner.review.session import open_session
from tests.conftest import BUNDLED, run_aligner


@pytest.fixture
def statement(tmp_path):
    target = tmp_path / "joint-statement-2023"
    shutil.copytree(BUNDLED, target, ignore=shutil.ignore_patterns("review", "alignment.tsv"))
    return target


def flag_lines(path, row):
    entry = polib.pofile(str(path)).find(row, by="msgctxt")
    return [
        line
        for line in entry.comment.split("\n")
        if line.split(":")[0]
        in (
            "name",
            "number",
            "date",
            "alignment",
            "omission",
            "spelling",
            "placeholder",
            "punctuation",
            "terms",
        )
        or line.startswith("  ")
    ]


def flag_line_of(flag: dict) -> str:
    return f"{flag['check']}: {flag['message']}"


def snapshot(statement):
    return {path.name: path.read_bytes() for path in sorted((statement / "review").glob("*.po"))}


def test_sync_after_the_ui_fixed_a_name_rewrites_nothing_and_keeps_the_fixed_texts_flags(
    statement, tmp_path
):
    first = run_aligner("sync", str(statement))
    assert first.returncode == 0, first.stderr
    again = run_aligner("sync", str(statement))
    assert again.stdout.count("unchanged") == 4, again.stdout  # sync twice: nothing written

    session = open_session(statement)
    row = next(
        r for r in range(session.row_count()) if "Kasemal Tokayev" in session.cell_text(r, "en")
    )
    row_id = session.row_id(row)
    session.set_fix(
        row, "en", session.cell_text(row, "en").replace("Kasemal Tokayev", "Kassym-Jomart Tokayev")
    )
    assert session.recheck()
    path = statement / "review" / "en.po"
    written = flag_lines(path, row_id)
    assert not any("Kasemal" in line for line in written)
    before = snapshot(statement)

    result = run_aligner("sync", str(statement))
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("unchanged") == 4, result.stdout
    assert snapshot(statement) == before  # no churn

    out = tmp_path / "po"
    assert (
        run_aligner("export", str(statement), "--format", "po", "--out", str(out)).returncode == 0
    )
    assert flag_lines(out / "en.po", row_id) == written  # export: the same flags

    reviewed = run_aligner("check", str(statement), "--reviewed", "--format", "json")
    found = json.loads(reviewed.stdout)
    found = found["flags"] if isinstance(found, dict) else found
    reported = [
        record_flag(flag_line_of(f)) for f in found if f["row"] == row_id and f["lang"] == "en"
    ]
    entry = polib.pofile(str(path)).find(row_id, by="msgctxt")
    assert reported == list(split_decisions(parse_comment(entry.comment)[0])[0])


def test_the_ui_opening_files_sync_wrote_changes_nothing(statement):
    assert run_aligner("sync", str(statement)).returncode == 0
    before = snapshot(statement)
    session = open_session(statement)  # opens, aligns, checks and records the flags
    assert session.checked
    assert snapshot(statement) == before
