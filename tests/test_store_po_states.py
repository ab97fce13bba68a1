"""PO states mean the same in every tool (issue 17 item 2).

Untouched machine text is ``#, fuzzy``; a text a reviewer changed is not fuzzy (as after an
edit in Poedit); an approved change is marked ``#, approved``. msgfmt, pocount and the UI
then count the same reviewed entries, and an edit or approval made in a PO editor reads back
as the state the UI gives the same action.
"""

from __future__ import annotations

import csv
import io
import re
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

from aligner.review.session import open_session
from tests.conftest import BUNDLED


@pytest.fixture
def statement(tmp_path):
    target = tmp_path / "joint-statement-2023"
    shutil.copytree(BUNDLED, target, ignore=shutil.ignore_patterns("review", "alignment.tsv"))
    return target


def msgfmt_statistics(path: Path) -> dict[str, int]:
    done = subprocess.run(
        ["msgfmt", "--statistics", "-c", "-o", "/dev/null", str(path)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    counts = {kind: 0 for kind in ("translated", "fuzzy", "untranslated")}
    for number, kind in re.findall(r"(\d+) (translated|fuzzy|untranslated)", done.stderr):
        counts[kind] = int(number)
    return counts


def pocount(path: Path) -> dict[str, int]:
    script = Path(sys.executable).parent / "pocount"
    done = subprocess.run([str(script), "--csv", str(path)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    row = next(csv.DictReader(io.StringIO(done.stdout)))
    return {"translated": int(row["Translated Messages"]), "fuzzy": int(row["Fuzzy Messages"])}


def row_with(session, lang, needle):
    return next(r for r in range(session.row_count()) if needle in session.cell_text(r, lang))


def test_msgfmt_pocount_and_the_ui_count_the_same_reviewed_entries(statement):
    session = open_session(statement)
    fixed = row_with(session, "en", "Kasemal")
    session.set_fix(
        fixed,
        "en",
        session.cell_text(fixed, "en").replace("Kasemal Tokayev", "Kassym-Jomart Tokayev"),
    )  # fixed, not approved
    both = row_with(session, "en", "2023th")
    session.set_fix(both, "en", session.cell_text(both, "en").replace("2023th", "20th"))
    session.toggle_approved(both, "en")  # fixed and approved
    session.toggle_approved(row_with(session, "en", "The two heads of state held"), "en")
    reviewed, with_text, _ = session.progress("en")
    assert reviewed == 3
    path = statement / "review" / "en.po"
    counts = msgfmt_statistics(path)
    assert counts["translated"] == reviewed == pocount(path)["translated"]
    assert counts["translated"] + counts["fuzzy"] == with_text
    assert [session.row_status(r, "en") for r in (fixed, both)] == ["fixed", "approved"]


def _entry_flags(path: Path, row: str) -> list[str]:
    return polib.pofile(str(path)).find(row, by="msgctxt").flags


def test_an_edit_in_a_po_editor_means_what_an_edit_in_the_ui_means(statement, tmp_path):
    other = tmp_path / "copy"
    shutil.copytree(statement, other)
    ui = open_session(statement)
    row = row_with(ui, "en", "Kasemal")
    row_id = ui.row_id(row)
    fixed_text = ui.cell_text(row, "en").replace("Kasemal Tokayev", "Kassym-Jomart Tokayev")
    open_session(other)  # both copies hold the same review files now
    ui.set_fix(row, "en", fixed_text)

    # Poedit: typing a translation removes "fuzzy"
    path = other / "review" / "en.po"
    po = polib.pofile(str(path))
    entry = po.find(row_id, by="msgctxt")
    entry.msgstr = fixed_text
    entry.flags.remove("fuzzy")
    po.save()
    editor = open_session(other)
    assert editor.row_status(row, "en") == ui.row_status(row, "en") == "fixed"
    assert _entry_flags(path, row_id) == _entry_flags(statement / "review" / "en.po", row_id) == []

    # "Needs work" off on untouched entries (here gettext's msgattrib --clear-fuzzy, on the
    # whole file) is an approval, as the UI's
    plain = row_with(ui, "en", "The two heads of state held")
    ui.toggle_approved(plain, "en")
    done = subprocess.run(
        ["msgattrib", "--clear-fuzzy", "-o", str(path), str(path)], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    again = open_session(other)
    assert again.row_status(plain, "en") == ui.row_status(plain, "en") == "approved"
    assert again.row_status(row, "en") == "fixed"
    assert again.progress("en")[0] == msgfmt_statistics(path)["translated"]


def test_an_approved_change_is_marked_and_taking_the_approval_back_keeps_the_fix(statement):
    session = open_session(statement)
    row = row_with(session, "en", "2023th")
    row_id = session.row_id(row)
    path = statement / "review" / "en.po"
    session.set_fix(row, "en", session.cell_text(row, "en").replace("2023th", "20th"))
    session.toggle_approved(row, "en")
    assert _entry_flags(path, row_id) == ["approved"]
    assert msgfmt_statistics(path)["translated"] == 1
    session.toggle_approved(row, "en")
    assert session.row_status(row, "en") == "fixed" and _entry_flags(path, row_id) == []
    assert session.undo() == (row, "en")
    assert _entry_flags(path, row_id) == ["approved"]
    session.undo()
    session.undo()  # the fix itself: untouched machine text again
    assert _entry_flags(path, row_id) == ["fuzzy"]
    assert session.row_status(row, "en") == "unreviewed"


OLD_HEADER = (
    "# Review file written by aligner. msgctxt: row id; msgid: the row's zh text\n"
    '# ("[no zh text]" when it has none); msgstr: the reviewed en text; fuzzy: not\n'
    '# approved yet; "# " lines: reviewer notes; "#." lines: the row\'s flags and the '
    "original\n"
    '# en text ("original:", continued on "|" lines), rewritten by aligner sync.\n'
)


def test_approvals_in_files_written_before_these_states_stay_approvals(statement):
    """Before, "not fuzzy" meant approved: an approved fix had no mark of its own."""
    session = open_session(statement)
    row = row_with(session, "en", "2023th")
    session.set_fix(row, "en", session.cell_text(row, "en").replace("2023th", "20th"))
    session.toggle_approved(row, "en")
    path = statement / "review" / "en.po"
    text = path.read_text(encoding="utf-8")
    body = text[text.index('msgid ""') :].replace("#, approved\n", "")
    path.write_text(OLD_HEADER + body, encoding="utf-8")
    assert polib.pofile(str(path)).find(session.row_id(row), by="msgctxt").flags == []

    again = open_session(statement)
    assert again.row_status(row, "en") == "approved"
    again.toggle_approved(row_with(again, "en", "The two heads of state held"), "en")
    assert _entry_flags(path, again.row_id(row)) == ["approved"]  # written in today's form


def msgattrib_fuzzy_rows(path: Path) -> set[str]:
    """The msgctxt of every entry gettext's msgattrib counts as fuzzy."""
    done = subprocess.run(
        ["msgattrib", "--only-fuzzy", "--no-obsolete", str(path)], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    return {e.msgctxt for e in polib.pofile(done.stdout) if e.msgctxt}


def test_every_state_counts_the_same_in_the_ui_and_in_msgfmt_and_pocount(statement):
    """Untouched, changed, approved (unchanged and changed), decided, and a fix marked fuzzy
    again by hand (a PO editor's "Needs work") or by a sync whose source text changed."""
    from tests.conftest import run_aligner
    from tests.test_store_decisions import first_flag

    session = open_session(statement)
    path = statement / "review" / "en.po"
    changed = row_with(session, "en", "Kasemal")
    session.set_fix(changed, "en", session.cell_text(changed, "en").replace("Kasemal", "Kassym"))
    approved = row_with(session, "en", "The two heads of state held")
    session.toggle_approved(approved, "en")
    both = row_with(session, "en", "2023th")
    session.set_fix(both, "en", session.cell_text(both, "en").replace("2023th", "20th"))
    session.toggle_approved(both, "en")
    decided, flag = first_flag(session, "en", "number")
    session.decide(decided, "en", flag, "dismissed", "counted differently")
    taken = {changed, approved, both, decided}
    by_hand, by_sync = [r for r in range(session.row_count()) if r not in taken][3:5]
    for row in (by_hand, by_sync):
        session.set_fix(row, "en", session.cell_text(row, "en") + " (reviewed)")
    ids = {name: session.row_id(r) for name, r in (("hand", by_hand), ("sync", by_sync))}

    po = polib.pofile(str(path))  # a PO editor's "Needs work" on one fix
    po.find(ids["hand"], by="msgctxt").flags.append("fuzzy")
    po.save()
    source = statement / "zh.txt"  # the source paragraph of the other one changes
    paragraphs = source.read_text(encoding="utf-8").split("\n\n")
    zh_index = session.alignment.rows[by_sync].indices("zh")[0]
    paragraphs[zh_index] = paragraphs[zh_index].rstrip("。") + "（修订）。"
    source.write_text("\n\n".join(paragraphs), encoding="utf-8")
    synced = run_aligner("sync", str(statement))
    assert synced.returncode == 0, synced.stderr
    assert "fuzzy" in polib.pofile(str(path)).find(ids["sync"], by="msgctxt").flags

    again = open_session(statement)
    status = {again.row_id(r): again.row_status(r, "en") for r in range(again.row_count())}
    assert [status[ids["hand"]], status[ids["sync"]]] == ["fuzzy", "fuzzy"]
    assert status[again.row_id(decided)] == "unreviewed"
    assert [status[again.row_id(r)] for r in (changed, approved, both)] == [
        "fixed",
        "approved",
        "approved",
    ]
    # entry by entry: what gettext counts fuzzy is what the UI does not count reviewed
    assert msgattrib_fuzzy_rows(path) == {
        row for row, s in status.items() if s in ("unreviewed", "fuzzy")
    }
    reviewed, with_text, _ = again.progress("en")
    counts = msgfmt_statistics(path)
    assert reviewed == counts["translated"] == pocount(path)["translated"] == 3
    assert with_text == counts["translated"] + counts["fuzzy"] == sum(pocount(path).values())
    unreviewed = again.filter_rows("unreviewed", "en")
    assert {by_hand, by_sync, decided} <= set(unreviewed) and changed not in unreviewed
