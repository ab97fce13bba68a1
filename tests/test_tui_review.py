"""The reviewer's loop driven by Pilot: r applies exactly the ▶ flag, the editor, approve-and-next,
undo / redo. Every change is read back from the real review files (polib, msgfmt)."""

from __future__ import annotations

import polib
import pytest

from tests.conftest import run_aligner, write_docset
from tests.test_tui import SIZE, msgfmt_ok, opened, po_entry, settled
from tui.app import ReviewApp
from tui.screens.edit import EditModal

MAYOR = {
    "en.txt": "The visit.\n\nMayor Yerzhan Babakumorov met the delegation in Astana.\n\nThe end.",
    "ru.txt": "Визит.\n\nАким Ержан Бабакумаров встретил делегацию в Астане.\n\nКонец.",
    "kk.txt": "Сапар.\n\nӘкім Ержан Бабақұмаров делегацияны Астанада қарсы алды.\n\nСоңы.",
    "glossary.tsv": "en\tru\tkk\nYerzhan Babakumarov\tЕржан Бабакумаров\tЕржан Бабақұмаров\n",
}


def panel(app: ReviewApp) -> str:
    return str(app.query_one("#flags").render())


def marked(app: ReviewApp) -> str:
    """The panel line of the flag marked ▶."""
    return next(line for line in panel(app).splitlines() if line.lstrip().startswith("▶"))


def under_marked(app: ReviewApp) -> str:
    """The panel line under the ▶ flag: what r, x and d do with it."""
    lines = panel(app).splitlines()
    return next(lines[i + 1] for i, line in enumerate(lines) if line.lstrip().startswith("▶"))


async def at_row(app: ReviewApp, pilot, row_id: str, lang: str = "en") -> int:
    """Focus row ``row_id`` in ``lang`` (the reviewer would scroll there) and its first spot."""
    row = app.session.row_index(row_id)
    app.grid.cursor_lang = lang
    app.grid.focus_row(row)
    await pilot.pause()
    await pilot.press("n")
    assert app.grid.current == row and app.spot == (row, lang, 0)
    return row


async def test_r_keeps_the_title_before_a_name(tmp_path):
    docset = write_docset(tmp_path / "mayor", MAYOR)
    app = ReviewApp(docset)
    async with app.run_test(size=SIZE) as pilot:
        await opened(app, pilot)
        await at_row(app, pilot, "r2")
        assert "Yerzhan Babakumorov" in marked(app)
        await pilot.press("r")
        await settled(app, pilot)
        assert (
            po_entry(docset, "en", "r2").msgstr
            == "Mayor Yerzhan Babakumarov met the delegation in Astana."
        )
        assert msgfmt_ok(docset / "review" / "en.po")


async def test_r_on_a_range_after_from_loses_and_doubles_no_word(statement):
    app = ReviewApp(statement)
    async with app.run_test(size=SIZE) as pilot:
        await opened(app, pilot)
        row = await at_row(app, pilot, "r2")
        before = app.session.cell_text(row, "en")
        await pilot.press("n")  # the second spot: the dates
        assert "May 2023 to 5, 17" in marked(app)
        await pilot.press("r")
        await settled(app, pilot)
        fixed = po_entry(statement, "en", "r2").msgstr
        assert "China from 16 to 17 May 2023." in fixed
        assert fixed.count("from") == before.count("from")
        assert "Kasemal Tokayev" in fixed, "the other spot is left alone"
        assert fixed == before.replace("May 2023 to 5, 17", "16 to 17 May 2023")


async def test_r_applies_the_marked_flag_only_and_moves_the_marker_on(statement):
    """r39: two names missing at no known place, then "Kasemjomart Tokayev", then the
    guidelines' title; r on the third spot fixes that one and ▶ moves to the fourth."""
    app = ReviewApp(statement)
    async with app.run_test(size=SIZE) as pilot:
        await opened(app, pilot)
        row = await at_row(app, pilot, "r39")
        original = app.session.cell_text(row, "en")
        assert "Republic of Kazakhstan" in marked(app)
        assert "r opens the editor to insert “Republic of Kazakhstan”" in under_marked(app)
        await pilot.press("n", "n")
        assert "Kasemjomart Tokayev" in marked(app)
        await pilot.press("r")
        await settled(app, pilot)
        fixed = po_entry(statement, "en", "r39").msgstr
        assert fixed == original.replace("Kasemjomart Tokayev", "Kassym-Jomart Tokayev")
        assert "Tianjin Guidelines" in marked(app), "▶ is on the next open spot"
        assert app.grid.current == row
        assert msgfmt_ok(statement / "review" / "en.po")


async def test_r_on_text_missing_at_no_known_place_opens_the_editor_to_insert_it(statement):
    app = ReviewApp(statement)
    async with app.run_test(size=SIZE) as pilot:
        await opened(app, pilot)
        row = await at_row(app, pilot, "r39")
        original = app.session.cell_text(row, "en")
        await pilot.press("r")
        await pilot.pause()
        modal = app.screen
        assert isinstance(modal, EditModal)
        hint = str(modal.query_one("#place").render())
        assert "Republic of Kazakhstan" in hint and "ctrl+t" in hint
        assert po_entry(statement, "en", "r39").msgstr in ("", original), "nothing changed yet"
        # "Kazakh President" -> "President of the Republic of Kazakhstan"
        modal.editor.replace("President of the ", *_span(modal, original, "Kazakh President "))
        modal.editor.move_cursor(
            modal.editor.document.get_location_from_index(
                original.index("Kazakh President ") + len("President of the ")
            )
        )
        await pilot.press("ctrl+t", "space", "ctrl+s")
        await settled(app, pilot)
        fixed = po_entry(statement, "en", "r39").msgstr
        assert "put forward by President of the Republic of Kazakhstan Kasemjomart" in fixed


def _span(modal: EditModal, text: str, part: str):
    document = modal.editor.document
    start = text.index(part)
    return (
        document.get_location_from_index(start),
        document.get_location_from_index(start + len(part)),
    )


async def test_suggestions_read_right_in_the_panel(statement):
    app = ReviewApp(statement)
    async with app.run_test(size=SIZE) as pilot:
        await opened(app, pilot)
        await at_row(app, pilot, "r31")  # a lost section number
        line = marked(app)
        assert line.rstrip().endswith("→ 4.") and line.count("→") == 1, line
        assert "r inserts “4.”" in under_marked(app)
        await at_row(app, pilot, "r16")  # a repeated list item
        assert "r deletes “, transportation”" in under_marked(app)
        assert not marked(app).rstrip().endswith("→")
        await pilot.press("r")
        await settled(app, pilot)
        fixed = po_entry(statement, "en", "r16").msgstr
        assert "transportation and logistics." in fixed
        assert fixed.count("transportation") == 1


async def test_r_inserts_a_lost_section_number_at_the_start(statement):
    app = ReviewApp(statement)
    async with app.run_test(size=SIZE) as pilot:
        await opened(app, pilot)
        row = await at_row(app, pilot, "r31")
        original = app.session.cell_text(row, "en")
        await pilot.press("r")
        await settled(app, pilot)
        assert po_entry(statement, "en", "r31").msgstr == "4. " + original
        assert app.grid.current != row, "its only spot fixed: ▶ goes to the next flagged row"
        assert app.spot is not None and app.spot[0] == app.grid.current


async def test_editor_shows_the_other_versions_and_opens_on_the_spot(statement):
    app = ReviewApp(statement)
    async with app.run_test(size=SIZE) as pilot:
        grid = await opened(app, pilot)
        row = await at_row(app, pilot, "r2")
        await pilot.press("n")  # the dates
        text = app.session.cell_text(row, "en")
        await pilot.press("e")
        await pilot.pause()
        modal = app.screen
        assert isinstance(modal, EditModal)
        versions = str(modal.query_one("#versions-text").render())
        for lang in ("zh", "kk", "ru"):
            assert app.session.cell_text(row, lang)[:30] in versions
        assert "en original" in versions
        assert modal.editor.selected_text == "May 2023 to 5, 17"
        await pilot.press("tab")  # wraps to the first spot, the name
        assert modal.editor.selected_text == "Kasemal Tokayev"
        assert grid.cursor_lang == "en", "Tab stays in the editor"
        await pilot.press("tab")
        assert modal.editor.selected_text == "May 2023 to 5, 17"
        await pilot.press("shift+tab")
        assert modal.editor.selected_text == "Kasemal Tokayev"
        assert grid.cursor_lang == "en"
        editor = modal.editor

        def cursor() -> int:
            return editor.document.get_index_from_location(editor.cursor_location)

        await pilot.press("right")  # after "Kasemal Tokayev "
        start = cursor()
        await pilot.press("ctrl+right")  # a word on (alt+f in tmux)
        assert text[start : cursor()].strip() == "paid"
        await pilot.press("ctrl+right", "ctrl+left")  # alt+b in tmux
        assert text[cursor() :].startswith("a state visit")
        await pilot.press("escape")
        assert not isinstance(app.screen, EditModal)
        assert grid.cursor_lang == "en"


async def test_editor_ctrl_j_keeps_the_fix_approves_and_goes_on(statement):
    app = ReviewApp(statement)
    async with app.run_test(size=SIZE) as pilot:
        grid = await opened(app, pilot)
        row = await at_row(app, pilot, "r2")
        await pilot.press("e")
        await pilot.pause()
        await pilot.press(*"Kassym-Jomart Tokayev", "ctrl+j")
        await settled(app, pilot)
        entry = po_entry(statement, "en", "r2")
        assert "Kassym-Jomart Tokayev paid" in entry.msgstr
        assert "fuzzy" not in entry.flags, "approved"
        assert grid.current != row and app.session.row_status(grid.current, "en") != "approved"
        assert msgfmt_ok(statement / "review" / "en.po")


async def test_approve_and_next_then_undo_and_redo(statement):
    app = ReviewApp(statement)
    async with app.run_test(size=SIZE) as pilot:
        grid = await opened(app, pilot)
        await pilot.press("j")
        row = grid.current
        await pilot.press("A")
        await settled(app, pilot)
        assert "fuzzy" not in po_entry(statement, "en", app.session.row_id(row)).flags
        assert grid.current == row + 1
        await pilot.press("ctrl+j")  # the same key as tmux sends it
        await settled(app, pilot)
        assert grid.current == row + 2
        assert "fuzzy" not in po_entry(statement, "en", app.session.row_id(row + 1)).flags
        await pilot.press("u")
        await settled(app, pilot)
        assert "fuzzy" in po_entry(statement, "en", app.session.row_id(row + 1)).flags
        await pilot.press("U")
        await settled(app, pilot)
        assert "fuzzy" not in po_entry(statement, "en", app.session.row_id(row + 1)).flags
        await pilot.press("ctrl+y")
        assert any("Nothing to redo" in n.message for n in app._notifications)
        await pilot.press("u", "u")
        await settled(app, pilot)
        assert "fuzzy" in po_entry(statement, "en", app.session.row_id(row)).flags
        await pilot.press("ctrl+y", "ctrl+y")
        await settled(app, pilot)
        catalog = polib.pofile(str(statement / "review" / "en.po"))
        assert all(
            "fuzzy" not in e.flags
            for e in catalog
            if e.msgctxt in (app.session.row_id(row), app.session.row_id(row + 1))
        )


@pytest.fixture
def statement(tmp_path):
    import shutil

    from tests.conftest import BUNDLED

    target = tmp_path / "joint-statement-2023"
    shutil.copytree(BUNDLED, target, ignore=shutil.ignore_patterns("review", "alignment.tsv"))
    return target


def decided_lines(docset, lang: str, row: str) -> list[str]:
    """The decisions the review file keeps for the row (its ``#. decided:`` lines)."""
    comment = po_entry(docset, lang, row).comment
    joined = comment.replace("\n  ", " ").replace("\n| ", " ")  # a long line's continuations
    return [line for line in joined.splitlines() if line.startswith("decided:")]


async def test_x_accepts_and_d_dismisses_with_a_reason_shown_greyed_and_undoable(statement):
    app = ReviewApp(statement)
    async with app.run_test(size=SIZE) as pilot:
        grid = await opened(app, pilot)
        row = await at_row(app, pilot, "r39")
        open_before = app.session.progress("en")[2]
        assert "Republic of Kazakhstan" in marked(app)
        await pilot.press("D")  # dismiss, with a reason
        await pilot.pause()
        assert grid.cursor_lang == "en"
        await pilot.press(*"Kazakh President is right", "tab", "enter")
        await settled(app, pilot)
        assert grid.cursor_lang == "en", "Tab in the reason field leaves the grid alone"
        lines = decided_lines(statement, "en", "r39")
        assert (
            len(lines) == 1 and "dismissed" in lines[0] and "Kazakh President is right" in lines[0]
        )
        assert "International Agency" in marked(app), "▶ on the next open spot"
        shown = panel(app)
        assert "✓ not an error" in shown and "Kazakh President is right" in shown
        await pilot.press("x")  # accept: a real error, no reason
        await settled(app, pilot)
        lines = decided_lines(statement, "en", "r39")
        assert len(lines) == 2 and any("accepted" in line for line in lines)
        assert "Kasemjomart" in marked(app)
        assert app.session.progress("en")[2] == open_before - 2
        assert f"{open_before - 2} open flags" in str(app.query_one("#status").render())
        await pilot.press("u")  # takes the acceptance back
        await settled(app, pilot)
        assert len(decided_lines(statement, "en", "r39")) == 1
        assert app.session.progress("en")[2] == open_before - 1
        await pilot.press("U")  # and redo puts it back
        await settled(app, pilot)
        assert len(decided_lines(statement, "en", "r39")) == 2
        assert grid.current == row
        assert msgfmt_ok(statement / "review" / "en.po")


async def test_n_and_N_skip_decided_flags(statement):
    app = ReviewApp(statement)
    async with app.run_test(size=SIZE) as pilot:
        grid = await opened(app, pilot)
        row = await at_row(app, pilot, "r39")
        await pilot.press("d", "d")  # both names with no place: not errors
        await settled(app, pilot)
        assert "Kasemjomart" in marked(app)
        await pilot.press("N")  # back: no decided spot to stop on
        assert grid.current != row, "the previous open spot is in another row"
        await at_row(app, pilot, "r39")
        assert "Kasemjomart" in marked(app), "the cell's first open spot"
        await pilot.press("n")
        assert "Tianjin" in marked(app)


async def test_the_review_can_reach_zero_open_flags(tmp_path):
    docset = write_docset(tmp_path / "mayor", MAYOR)
    app = ReviewApp(docset)
    async with app.run_test(size=SIZE) as pilot:
        await opened(app, pilot)
        assert app.session.progress("en")[2] >= 1
        for _ in range(10):
            if not app.session.progress("en")[2]:
                break
            await pilot.press("n", "d")
            await settled(app, pilot)
        assert app.session.progress("en")[2] == 0
        assert "0 open flags" in str(app.query_one("#status").render())
        result = run_aligner("check", str(docset), "--reviewed", "--lang", "en")
        assert result.returncode == 0, result.stdout


async def test_hash_writes_a_note_for_the_translator(statement):
    app = ReviewApp(statement)
    async with app.run_test(size=SIZE) as pilot:
        await opened(app, pilot)
        await pilot.press("j", "number_sign")
        await pilot.pause()
        await pilot.press(*"check the dates", "enter")
        await settled(app, pilot)
        assert po_entry(statement, "en", "r2").tcomment == "check the dates"
        assert "note: check the dates" in panel(app)
        await pilot.press("number_sign")
        await pilot.pause()
        await pilot.press("escape")  # cancel: the note stays
        await settled(app, pilot)
        assert po_entry(statement, "en", "r2").tcomment == "check the dates"
        await pilot.press("u")
        await settled(app, pilot)
        assert po_entry(statement, "en", "r2").tcomment == ""
        assert msgfmt_ok(statement / "review" / "en.po")
