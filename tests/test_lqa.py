"""The quality (MQM / LQA) report: the bundled statement reviewed through the session, the
errors it counts, the penalty and pass/fail; the CLI's text, JSON and CSV."""

from __future__ import annotations

import csv
import io
import json

import pytest

from aligner.checks import run_document
from aligner.docset import load
from aligner.errors import ConfigError
from aligner.lqa import LqaError, LqaReport, csv_text, session_reports, word_count
from aligner.review.session import open_session
from aligner.typology import BY_CHECK, WEIGHTS, error_type
from tests.conftest import run_aligner

# the bundled statement's English rendering: (row, check, the flagged text) a reviewer fixes
FIXES = [
    ("r2", "name", "Kasemal Tokayev"),
    ("r8", "number", "2023th"),
    ("r16", "repeat", "transportation"),
    ("r21", "spelling", "Centre"),
]


def apply_fix(session, row_id: str, check: str, text: str) -> None:
    """Apply the suggestion of ``check``'s English flag on ``text`` (the `r` key's work)."""
    row = session.row_index(row_id)
    cell = session.cell_text(row, "en")
    for start, end, flag in session.spots(row, "en"):
        if flag.check == check and text in cell[start:end] and flag.expected is not None:
            assert session.apply_suggestion(row, "en", flag) is flag
            session.recheck()
            return
    raise AssertionError(f"no {check} flag on {text!r} in {row_id}")


def english(session):
    return next(r for r in session_reports(session) if r.lang == "en")


def independent_word_count(paragraphs) -> int:
    """English words the plain way: space-separated tokens holding a letter or digit."""
    return sum(1 for p in paragraphs for token in p.split() if any(c.isalnum() for c in token))


@pytest.fixture
def reviewed(bundled_copy):
    session = open_session(bundled_copy)
    for row_id, check, text in FIXES:
        apply_fix(session, row_id, check, text)
    return session


def test_fixed_flags_count_in_their_categories_with_the_penalty_per_1000_words(reviewed):
    report = english(reviewed)
    found = {(e.row, e.check, e.category, e.severity, e.verdict) for e in report.errors}
    assert found == {
        ("r2", "name", "terminology/termbase", "major", "fixed"),
        ("r8", "number", "accuracy/mistranslation", "major", "fixed"),
        ("r16", "repeat", "fluency/duplication", "minor", "fixed"),
        ("r21", "spelling", "fluency/spelling", "minor", "fixed"),
    }
    by_row = {e.row: e for e in report.errors}
    assert by_row["r2"].found == "Kasemal Tokayev"
    assert by_row["r2"].became == "Kassym-Jomart Tokayev"
    assert report.counts()["terminology/termbase"]["major"] == 1
    assert report.by_severity() == {"neutral": 0, "minor": 2, "major": 2, "critical": 0}
    assert report.penalty == 2 * WEIGHTS["major"] + 2 * WEIGHTS["minor"] == 12
    words = independent_word_count(reviewed.docset.paragraphs("en"))
    assert report.words == words
    assert report.per_1000 == pytest.approx(12 * 1000 / words)
    # 4.6 per 1000 words is under the default threshold, but flags are still open
    assert report.passed and not report.complete and report.verdict == "PASS so far"
    assert report.unflagged_edits == ()
    others = [r for r in session_reports(reviewed) if r.lang != "en"]
    assert all(r.errors == () and r.verdict == "not reviewed" for r in others)


def test_the_threshold_comes_from_docset_toml(reviewed, bundled_copy):
    config = bundled_copy / "docset.toml"
    config.write_text(
        config.read_text(encoding="utf-8") + "\n[quality]\nthreshold = 4\n", encoding="utf-8"
    )
    session = open_session(bundled_copy)  # the review files keep the fixes
    report = english(session)
    assert len(report.errors) == 4 and report.threshold == 4
    assert report.threshold_from == "docset.toml"
    assert report.per_1000 > 4 and not report.passed and report.verdict == "FAIL"


def test_only_the_spot_the_reviewer_changed_counts(bundled_copy):
    session = open_session(bundled_copy)
    r2, r8 = session.row_index("r2"), session.row_index("r8")
    # another part of the cell changed: r2's flags on the name and the dates still stand
    session.set_fix(r2, "en", session.cell_text(r2, "en") + " Indeed.")
    # a wrong fix: the number check still flags the spot
    session.set_fix(r8, "en", session.cell_text(r8, "en").replace("2023th", "2024th"))
    session.recheck()
    report = english(session)
    assert report.errors == ()
    assert report.unflagged_edits == ("r2", "r8")


def test_typing_a_missing_title_counts_an_omission_not_the_alignment_flag(bundled_copy):
    session = open_session(bundled_copy)
    r1 = session.row_index("r1")
    assert [f.check for f in session.flags(r1) if f.lang == "en"] == ["omission"]
    title = "Joint Statement of the People's Republic of China and the Republic of Kazakhstan"
    session.set_fix(r1, "en", title)
    session.recheck()
    # the checks doubt the new row's alignment; that is no error of the translation
    raised = run_document(session.reviewed_document())
    assert "alignment" in [f.check for f in raised if f.row == "r1" and f.lang == "en"]
    (error,) = english(session).errors
    assert (error.row, error.category, error.severity) == ("r1", "accuracy/omission", "major")
    assert error.found == "" and error.became == title


def flag_on(session, row_id: str, check: str, text: str):
    """(row, the English flag of ``check`` on ``text``)."""
    row = session.row_index(row_id)
    cell = session.cell_text(row, "en")
    return row, next(
        flag
        for start, end, flag in session.spots(row, "en")
        if flag.check == check and text in cell[start:end]
    )


def test_accepted_flags_count_and_dismissed_ones_never(bundled_copy):
    session = open_session(bundled_copy)
    open_before = english(session).open_flags
    row, flag = flag_on(session, "r12", "number", "September 9")
    session.decide(row, "en", flag, "accepted", "the month is right, the day is not")
    row, flag = flag_on(session, "r23", "spelling", "centres")
    session.decide(row, "en", flag, "dismissed", "British spelling is house style")
    # dismissed, then fixed anyway: still no error
    row, flag = flag_on(session, "r8", "number", "2023th")
    session.decide(row, "en", flag, "dismissed")
    assert session.apply_suggestion(row, "en", flag) is flag
    session.recheck()
    report = english(session)
    (error,) = report.errors
    assert (error.row, error.verdict, error.category, error.severity) == (
        "r12",
        "accepted",
        "accuracy/mistranslation",
        "major",
    )
    assert error.found == "September 9" and error.became == ""
    assert error.reason == "the month is right, the day is not"
    assert report.penalty == 5
    assert report.open_flags == open_before - 3


def test_a_decision_overrides_severity_and_category(bundled_copy):
    from aligner.flags import Decision

    session = open_session(bundled_copy)
    row, flag = flag_on(session, "r39", "name", "Kasemjomart Tokayev")
    spot = session.flag_spot(row, "en", flag)
    session.store.decide(
        "r39", "en", Decision("name", "accepted", "the head of state", spot, severity="critical")
    )
    row, flag = flag_on(session, "r16", "repeat", "transportation")
    spot = session.flag_spot(row, "en", flag)
    session.store.decide(
        "r16", "en", Decision("repeat", "accepted", "", spot, category="accuracy/addition")
    )
    report = english(session)
    by_row = {e.row: e for e in report.errors}
    assert (by_row["r39"].severity, by_row["r39"].category) == ("critical", "terminology/termbase")
    assert (by_row["r16"].severity, by_row["r16"].category) == ("minor", "accuracy/addition")
    assert by_row["r39"].overridden and by_row["r16"].overridden
    assert report.penalty == WEIGHTS["critical"] + WEIGHTS["minor"]
    # the override survives a fix: the fixed flag keeps its decision
    apply_fix(session, "r39", "name", "Kasemjomart Tokayev")
    fixed = {e.row: e for e in english(session).errors}["r39"]
    assert (fixed.verdict, fixed.severity) == ("fixed", "critical")


def test_every_check_has_an_error_type_but_alignment():
    from aligner.checks import check_names

    assert set(check_names()) == set(BY_CHECK) | {"alignment"}
    assert error_type("alignment") is None
    assert error_type("number").severity == "major"
    assert error_type("repeat").severity == "minor"


def test_word_count_counts_cjk_characters_one_each():
    assert word_count(["中华人民共和国 and the Republic, 2023 — ok."]) == 7 + 5
    assert word_count(["", "   ", "— … ."]) == 0


def test_csv_cells_a_spreadsheet_would_run_get_the_exports_guard():
    error = LqaError(
        "en",
        "r5",
        "number",
        "accuracy",
        "mistranslation",
        "major",
        "fixed",
        '=HYPERLINK("http://x")',
        "-5",
        "+1 said",
        "@SUM(A1)",
    )
    rows = list(csv.reader(io.StringIO(csv_text([LqaReport("en", 100, (error,))]))))
    assert rows[0][:3] == ["lang", "row", "check"]
    assert rows[1][7:11] == ['\'=HYPERLINK("http://x")', "'-5", "'+1 said", "'@SUM(A1)"]


# --- the command line ------------------------------------------------------------------------


def test_cli_prints_the_report_next_to_the_scores_with_the_edited_rows_text(reviewed):
    result = run_aligner("score", str(reviewed.path), "--lang", "en")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "TER (HTER)" in out and "BLEU" in out
    assert "quality (MQM): 4 error(s), penalty 12 = " in out and "PASS so far" in out
    line = next(
        line
        for line in out.splitlines()
        if "terminology/termbase" in line and "Kasemal" not in line
    )
    assert line.split()[1:] == ["0", "1", "0"]  # minor major critical
    assert "'Kasemal Tokayev' → 'Kassym-Jomart Tokayev'" in out
    edited = out[out.index("most edited rows") :]
    assert "Kasemal Tokayev" in edited and "Kassym-Jomart Tokayev" in edited


def test_cli_json_and_the_report_files(reviewed, tmp_path):
    out_json, out_csv = tmp_path / "lqa.json", tmp_path / "lqa.csv"
    result = run_aligner(
        "score",
        str(reviewed.path),
        "--lang",
        "en",
        "--format",
        "json",
        "--lqa-json",
        str(out_json),
        "--lqa-csv",
        str(out_csv),
    )
    assert result.returncode == 0, result.stderr
    printed = json.loads(result.stdout)
    assert "ter" in printed and printed["lqa"]["errors_total"] == 4
    saved = json.loads(out_json.read_text(encoding="utf-8"))
    assert saved == printed["lqa"]
    assert saved["by_category"]["fluency/spelling"]["minor"] == 1
    assert saved["penalty"] == 12 and saved["passed"] is True and saved["threshold"] == 10
    assert saved["most_edited"][0]["before"] and saved["most_edited"][0]["after"]
    with out_csv.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert sorted(r["row"] for r in rows) == ["r16", "r2", "r21", "r8"]
    assert {r["severity"] for r in rows} == {"major", "minor"}
    assert sum(int(r["penalty"]) for r in rows) == 12


def test_csv_of_a_reason_that_looks_like_a_formula(bundled_copy, tmp_path):
    session = open_session(bundled_copy)
    row, flag = flag_on(session, "r12", "number", "September 9")
    session.decide(row, "en", flag, "accepted", '=HYPERLINK("http://evil","click")')
    out = tmp_path / "lqa.csv"
    result = run_aligner("score", str(bundled_copy), "--lang", "en", "--lqa-csv", str(out))
    assert result.returncode == 0, result.stderr
    with out.open(encoding="utf-8-sig", newline="") as handle:
        (line,) = list(csv.DictReader(handle))
    assert line["verdict"] == "accepted" and line["found"] == "September 9"
    assert line["reason"] == '\'=HYPERLINK("http://evil","click")'


@pytest.mark.parametrize(
    "setting, says",
    [
        ('[quality]\nthreshold = "high"\n', "threshold = 'high' is not a penalty"),
        ("[quality]\nthreshold = -1\n", "threshold = -1 is not a penalty"),
        ("[quality]\nthreshold = true\n", "threshold = True is not a penalty"),
        ("[quality]\nthreshold = nan\n", "threshold = nan is not a penalty"),
        ("[quality]\nlimit = 3\n", "unknown key(s) limit in [quality]"),
    ],
)
def test_a_bad_threshold_is_one_line_exit_2_and_nothing_written(
    bundled_copy, tmp_path, setting, says
):
    config = bundled_copy / "docset.toml"
    config.write_text(config.read_text(encoding="utf-8") + setting, encoding="utf-8")
    with pytest.raises(ConfigError):
        load(bundled_copy)
    report = tmp_path / "lqa.json"
    result = run_aligner("score", str(bundled_copy), "--lqa-json", str(report))
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and says in result.stderr
    assert "docset.toml" in result.stderr and "Traceback" not in result.stderr
    assert not report.exists()


def test_a_quality_section_above_other_keys_says_where_it_belongs(bundled_copy):
    config = bundled_copy / "docset.toml"
    config.write_text(
        "[quality]\nthreshold = 5\n" + config.read_text(encoding="utf-8"), encoding="utf-8"
    )
    result = run_aligner("score", str(bundled_copy))
    assert result.returncode == 2 and "move the section to the end" in result.stderr


def test_quality_must_be_a_table(bundled_copy):
    config = bundled_copy / "docset.toml"
    config.write_text("quality = 5\n" + config.read_text(encoding="utf-8"), encoding="utf-8")
    result = run_aligner("score", str(bundled_copy))
    assert result.returncode == 2 and "quality must be a table" in result.stderr


@pytest.mark.parametrize("where", ["dir", "missing", "review"])
def test_report_files_are_refused_before_any_work(reviewed, tmp_path, where):
    target = {
        "dir": tmp_path,
        "missing": tmp_path / "no" / "lqa.csv",
        "review": reviewed.path / "review" / "en.po",
    }[where]
    before = (reviewed.path / "review" / "en.po").read_bytes()
    result = run_aligner("score", str(reviewed.path), "--lqa-csv", str(target))
    assert result.returncode == 2 and result.stderr.count("\n") == 1
    assert "--lqa-csv" in result.stderr
    assert (reviewed.path / "review" / "en.po").read_bytes() == before
    assert not (tmp_path / "no").exists()


def test_file_mode_refuses_the_report_options(tmp_path):
    (tmp_path / "a.txt").write_text("One.\n", encoding="utf-8")
    result = run_aligner(
        "score",
        "--hyp",
        str(tmp_path / "a.txt"),
        "--ref",
        str(tmp_path / "a.txt"),
        "--lqa-json",
        str(tmp_path / "x.json"),
    )
    assert result.returncode == 2 and "--lqa-json" in result.stderr
    assert not (tmp_path / "x.json").exists()


def test_the_report_checks_only_what_the_session_does_not_know(reviewed, monkeypatch):
    """The session's flags on the reviewed text are taken while current, and the original
    text's flags are kept: opening the Scores screen twice runs no check; after a new fix,
    only the reviewed text is checked again, and the report says what a fresh run says."""
    import aligner.checks as checks

    runs = []
    real = checks.run_document

    def counted(document, *args, **kwargs):
        runs.append(document)
        return real(document, *args, **kwargs)

    monkeypatch.setattr(checks, "run_document", counted)
    first = english(reviewed)
    runs.clear()
    assert english(reviewed) == first and runs == []
    row = reviewed.row_index("r10")
    reviewed.set_fix(row, "en", reviewed.cell_text(row, "en") + " Extra words.")
    again = english(reviewed)
    assert len(runs) == 1, "the original text is not checked again"
    fresh = open_session(reviewed.path)
    assert english(fresh).errors == again.errors
