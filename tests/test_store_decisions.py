"""Flag decisions: a reviewer accepts (a real error) or dismisses (not an error) a flag.

Decisions are saved in the review PO file at once, read back by polib and msgfmt unchanged,
undone like a fix, and honoured by ``aligner check --reviewed``.
"""

from __future__ import annotations

import json
import shutil
import subprocess

import polib
import pytest

from aligner.flags import Decision
from aligner.review.entry import decision_line, parse_decision, record_decision
from aligner.review.session import open_session
from tests.conftest import BUNDLED, run_aligner


@pytest.fixture
def statement(tmp_path):
    target = tmp_path / "joint-statement-2023"
    shutil.copytree(BUNDLED, target, ignore=shutil.ignore_patterns("review", "alignment.tsv"))
    return target


def first_flag(session, lang, check=None):
    for row in range(session.row_count()):
        for flag in session.flags(row):
            if (
                flag.lang == lang
                and (check is None or flag.check == check)
                and flag.check != "alignment"
            ):
                return row, flag
    raise AssertionError("no flag")


def test_a_dismissed_flag_is_saved_at_once_and_kept_across_reopen(statement):
    session = open_session(statement)
    row, flag = first_flag(session, "en", "name")
    open_before = session.progress("en")[2]
    session.decide(row, "en", flag, "dismissed", "the official spelling   here")
    assert session.decision(row, "en", flag).verdict == "dismissed"
    assert flag in session.flags(row) and flag not in session.open_flags(row)
    assert session.progress("en")[2] == open_before - 1

    po = polib.pofile(str(statement / "review" / "en.po"))
    entry = po.find(session.row_id(row), by="msgctxt")
    decided = [line for line in entry.comment.split("\n") if line.startswith("decided:")]
    assert decided and decided[0].startswith(f'decided: dismissed {flag.check} "')
    assert decided[0].endswith("— the official spelling here")
    data = (statement / "review" / "en.po").read_bytes()
    assert (
        po.__unicode__().encode() + b"\n" == data
        or str(po).encode() == data.rstrip(b"\n")
        or polib.pofile(data.decode()).__unicode__() == po.__unicode__()
    )
    check = subprocess.run(
        ["msgfmt", "-c", "-o", "/dev/null", str(statement / "review" / "en.po")],
        capture_output=True,
        text=True,
    )
    assert check.returncode == 0, check.stderr

    again = open_session(statement)
    found = again.decision(
        row,
        "en",
        next(f for f in again.flags(row) if f.check == flag.check and f.start == flag.start),
    )
    assert found == Decision(flag.check, "dismissed", "the official spelling here", found.spot)
    assert found.spot


def test_a_decision_keeps_the_reviewers_severity_and_category(statement):
    session = open_session(statement)
    row, flag = first_flag(session, "en", "name")
    session.decide(row, "en", flag, "accepted", "head of state", "critical", "accuracy")
    found = open_session(statement).decision(row, "en", flag)
    assert (found.verdict, found.severity, found.category, found.reason) == (
        "accepted",
        "critical",
        "accuracy",
        "head of state",
    )
    with pytest.raises(Exception, match="one word"):
        session.decide(row, "en", flag, "accepted", severity="very bad")


def test_a_decision_is_undone_like_a_fix(statement):
    session = open_session(statement)
    row, flag = first_flag(session, "en")
    session.decide(row, "en", flag, "accepted")
    assert session.decision(row, "en", flag).verdict == "accepted"
    assert session.undo() == (row, "en")
    assert session.decision(row, "en", flag) is None
    session.decide(row, "en", flag, "accepted")
    session.undecide(row, "en", flag)
    assert session.decision(row, "en", flag) is None
    assert "#. decided:" not in (statement / "review" / "en.po").read_text()


def test_a_decision_file_round_trips_byte_exactly_through_polib(statement):
    session = open_session(statement)
    row, flag = first_flag(session, "en")
    session.decide(row, "en", flag, "accepted", "x " * 60 + 'with "quotes" \\ and\ttabs')
    path = statement / "review" / "en.po"
    assert (
        polib.pofile(str(path)).__unicode__() + "\n" == path.read_text()
        or polib.pofile(str(path)).__unicode__() == path.read_text()
    )


@pytest.mark.parametrize(
    "decision",
    [
        Decision("number", "accepted", "", "20"),
        Decision("name", "dismissed", "ok — really", 'say "hi" \\ there'),
        Decision("date", "accepted", "long " * 40, "spot " * 30, "major", "accuracy"),
        Decision("name", "dismissed", "", "x" * 120),
    ],
)
def test_decision_lines_read_back_as_recorded(decision):
    recorded = record_decision(decision)
    assert parse_decision(decision_line(recorded)) == recorded
    assert recorded.spot == " ".join(decision.spot.split())
    assert (recorded.severity, recorded.category) == (decision.severity, decision.category)


def test_check_reviewed_leaves_out_dismissed_and_marks_accepted_flags(statement):
    session = open_session(statement)
    flags = [
        (r, f)
        for r in range(session.row_count())
        for f in session.flags(r)
        if f.lang == "en" and f.check != "alignment"
    ]
    (row_a, dismissed), (row_b, accepted) = flags[0], flags[1]
    session.decide(row_a, "en", dismissed, "dismissed", "fine")
    session.decide(row_b, "en", accepted, "accepted", "real")
    result = run_aligner("check", str(statement), "--reviewed", "--format", "json")
    assert result.returncode in (0, 1), result.stderr
    reported = json.loads(result.stdout)
    reported = reported["flags"] if isinstance(reported, dict) else reported
    spots = {(f["row"], f["check"], f["start"]): f for f in reported if f["lang"] == "en"}
    assert (dismissed.row, dismissed.check, dismissed.start) not in spots
    assert (
        "accepted by the reviewer: real"
        in spots[(accepted.row, accepted.check, accepted.start)]["message"]
    )


def test_a_row_a_reviewer_edited_is_alignment_confirmed(statement):
    """Typing the missing English title into r1 (score 0.45) raises no alignment flag: the
    reviewer who filled the row confirmed it (issue 16)."""
    session = open_session(statement)
    row = session.row_index("r1")
    assert session.cell_text(row, "en") == ""
    session.set_fix(
        row,
        "en",
        "Joint Statement of the People's Republic of China and the Republic of Kazakhstan",
    )
    assert session.recheck()
    assert not any(f.check == "alignment" for f in session.flags(row))
    result = run_aligner("check", str(statement), "--reviewed", "--format", "json")
    reported = json.loads(result.stdout)
    reported = reported["flags"] if isinstance(reported, dict) else reported
    assert not any(f["check"] == "alignment" and f["row"] == "r1" for f in reported)
    plain = run_aligner("check", str(statement), "--format", "json")
    assert plain.stdout != result.stdout


def test_approving_a_low_score_row_confirms_it_in_the_file_too(tmp_path):
    """The alignment flag of a row the reviewer approved leaves the UI and the PO file."""
    from aligner.alignment import Alignment, Row
    from aligner.review.session import ReviewSession
    from tests.test_store_fixtures import make_docset

    docset = make_docset(tmp_path / "doc")
    rows = tuple(
        Row(f"r{k + 1}", {lang: (k,) for lang in docset.languages}, 0.3 if k == 1 else 1.0)
        for k in range(4)
    )
    session = ReviewSession(docset, Alignment(docset.languages, rows, origin="saved"))
    session.open_store()
    session.run_checks()
    assert any(f.check == "alignment" for f in session.flags(1))
    path = docset.path / "review" / "en.po"
    lang = next(f.lang for f in session.flags(1) if f.check == "alignment")
    review = docset.path / "review" / f"{lang}.po"
    assert "#. alignment:" in review.read_text(encoding="utf-8")
    session.toggle_approved(1, "zh")
    assert not any(f.check == "alignment" for f in session.flags(1))
    assert "#. alignment:" not in review.read_text(encoding="utf-8")
    assert path.exists()
    session.undo()
    assert any(f.check == "alignment" for f in session.flags(1))
    assert "#. alignment:" in review.read_text(encoding="utf-8")
