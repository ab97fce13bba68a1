"""The review app driven by Textual's Pilot: each key's effect on the store and the screen."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import polib
import pytest
from textual.worker import WorkerFailed, WorkerState

from tests.conftest import BUNDLED, write_docset
from tui.app import ReviewApp
from tui.widgets.grid import GridView

SIZE = (160, 48)
_BUSY = (WorkerState.PENDING, WorkerState.RUNNING)


def screen_text(app: ReviewApp) -> str:
    """What the grid shows, line by line, as plain text."""
    grid = app.query_one(GridView)
    lines = []
    for y in range(grid.size.height):
        strip = grid.render_line(y)
        lines.append("".join(segment.text for segment in strip))
    return "\n".join(lines)


async def settled(app: ReviewApp, pilot) -> None:
    """Wait until the workers are done (loading may have failed: the app shows why).

    Loading starts the next worker (the checks) when the first is done, after
    ``wait_for_complete`` has returned (it waits for the workers running when called), so
    this waits again until no worker is left running."""
    for _ in range(1000):
        await pilot.pause()
        try:
            await app.workers.wait_for_complete()
        except WorkerFailed:
            pass
        await pilot.pause()
        if not any(worker.state in _BUSY for worker in app.workers):
            return
    raise AssertionError("the app's workers never finished")


async def opened(app: ReviewApp, pilot) -> GridView:
    await settled(app, pilot)
    return app.query_one(GridView)


def po_entry(docset: Path, lang: str, row: str) -> polib.POEntry:
    catalog = polib.pofile(str(docset / "review" / f"{lang}.po"))
    return next(e for e in catalog if e.msgctxt == row and not e.obsolete)


def msgfmt_ok(path: Path) -> bool:
    result = subprocess.run(
        ["msgfmt", "--check-format", "-o", "/dev/null", str(path)], capture_output=True, text=True
    )
    return result.returncode == 0


@pytest.fixture
def statement(tmp_path) -> Path:
    target = tmp_path / "joint-statement-2023"
    shutil.copytree(BUNDLED, target, ignore=shutil.ignore_patterns("review", "alignment.tsv"))
    return target


async def test_opens_on_the_first_row_and_the_pivot_column(statement):
    app = ReviewApp(statement)
    async with app.run_test(size=SIZE) as pilot:
        grid = await opened(app, pilot)
        assert grid.cursor_row == 0 and grid.cursor_lang == "en"
        assert grid.languages == ("en", "zh", "kk", "ru")
        text = screen_text(app)
        assert "中华人民共和国和哈萨克斯坦共和国联合" in text
        assert "At the invitation of" in text


async def test_rows_and_languages_move_with_j_k_tab(statement):
    app = ReviewApp(statement)
    async with app.run_test(size=SIZE) as pilot:
        grid = await opened(app, pilot)
        await pilot.press("j", "j", "down")
        assert grid.cursor_row == 3
        await pilot.press("k")
        assert grid.cursor_row == 2
        await pilot.press("tab", "tab")
        assert grid.cursor_lang == "kk"
        await pilot.press("shift+tab")
        assert grid.cursor_lang == "zh"


async def test_n_jumps_to_the_next_flag_and_the_panel_explains_it(statement):
    app = ReviewApp(statement)
    async with app.run_test(size=SIZE) as pilot:
        grid = await opened(app, pilot)
        await pilot.press("j")  # row r2: the visit, with "Kasemal Tokayev"
        await pilot.press("N", "n")  # back and forth lands on a flagged cell
        panel = str(app.query_one("#flags").render())
        assert grid.current is not None
        flags = app.session.flags(grid.current)
        assert flags, "n lands on a row with flags"
        assert any(f.lang == grid.cursor_lang for f in flags)
        assert "Kasemal Tokayev" in panel or flags[0].message[:20] in panel


async def test_edit_and_ctrl_s_saves_the_fix_to_the_po_file_at_once(statement):
    app = ReviewApp(statement)
    async with app.run_test(size=SIZE) as pilot:
        grid = await opened(app, pilot)
        await pilot.press("j")
        row_id = app.session.row_id(grid.current)
        await pilot.press("e")
        editor = app.screen.query_one("TextArea")
        editor.text = editor.text.replace("Kasemal Tokayev", "Kassym-Jomart Tokayev")
        await pilot.press("ctrl+s")
        await pilot.pause()
        entry = po_entry(statement, "en", row_id)
        assert "Kassym-Jomart Tokayev" in entry.msgstr
        # a fix is no longer untouched machine text (not fuzzy, as after an edit in Poedit),
        # and not an approval (docs/review-files.md)
        assert "fuzzy" not in entry.flags and "approved" not in entry.flags
        assert msgfmt_ok(statement / "review" / "en.po")
        assert "Kassym-Jomart Tokayev paid" in screen_text(app)
        await settled(app, pilot)  # the checks run again on the fixed text
        en_flags = [f for f in app.session.flags(grid.current) if f.lang == "en"]
        assert not any("Kasemal" in f.message for f in en_flags)
        assert any(f.check == "number" for f in en_flags), "the garbled date is still flagged"
        spans = app.session.cell_spans(grid.current, "en")
        text = app.session.cell_text(grid.current, "en")
        assert any("2023" in text[s:e] for s, e, _ in spans)


async def test_ctrl_s_on_an_unchanged_text_says_so_and_writes_nothing(statement):
    app = ReviewApp(statement)
    async with app.run_test(size=SIZE) as pilot:
        await opened(app, pilot)
        review = statement / "review" / "en.po"
        before = review.read_bytes() if review.exists() else None
        await pilot.press("j", "e")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert (review.read_bytes() if review.exists() else None) == before
        assert app.save_state.startswith("unchanged"), app.save_state
        assert "saved fix" not in screen_text(app)


async def test_escape_cancels_an_edit(statement):
    app = ReviewApp(statement)
    async with app.run_test(size=SIZE) as pilot:
        grid = await opened(app, pilot)
        review = statement / "review" / "en.po"
        before = review.read_bytes() if review.exists() else None
        await pilot.press("j", "e")
        app.screen.query_one("TextArea").text = "scribble"
        await pilot.press("escape")
        await pilot.pause()
        assert (review.read_bytes() if review.exists() else None) == before
        assert app.session.cell_text(grid.current, "en").startswith("At the invitation")


async def test_a_approves_and_u_undoes(statement):
    app = ReviewApp(statement)
    async with app.run_test(size=SIZE) as pilot:
        grid = await opened(app, pilot)
        await pilot.press("j", "j", "a")
        row_id = app.session.row_id(grid.current)
        assert "fuzzy" not in po_entry(statement, "en", row_id).flags
        assert app.session.row_status(grid.current, "en") == "approved"
        await pilot.press("u")
        assert "fuzzy" in po_entry(statement, "en", row_id).flags
        await pilot.press("a", "a")  # approve, then take it back
        assert "fuzzy" in po_entry(statement, "en", row_id).flags


async def test_search_finds_text_in_any_language(statement):
    app = ReviewApp(statement)
    async with app.run_test(size=SIZE) as pilot:
        grid = await opened(app, pilot)
        await pilot.press("slash")
        await pilot.press(*"冼星海")
        await pilot.press("enter")
        await pilot.pause()
        assert grid.cursor_lang == "zh"
        assert "冼星海" in app.session.cell_text(grid.current, "zh")


async def test_f_cycles_the_filter(statement):
    app = ReviewApp(statement)
    async with app.run_test(size=SIZE) as pilot:
        grid = await opened(app, pilot)
        total = len(grid.order)
        await pilot.press("f")
        assert app.filter_name == "flagged"
        assert 0 < len(grid.order) < total
        assert all(app.session.flags(r) for r in grid.order)
        await pilot.press("f")
        assert app.filter_name == "unreviewed" and len(grid.order) == total
        await pilot.press("f")
        assert app.filter_name == "all"


async def test_merge_and_split_rows_are_saved_to_alignment_tsv(statement):
    app = ReviewApp(statement)
    async with app.run_test(size=SIZE) as pilot:
        grid = await opened(app, pilot)
        rows = app.session.row_count()
        await pilot.press("j", "j", "m")
        await pilot.pause()
        assert app.session.row_count() == rows - 1
        assert (statement / "alignment.tsv").exists()
        await pilot.press("s")
        await pilot.pause()
        assert app.session.row_count() == rows
        assert grid.order == list(range(rows))


async def test_help_lists_every_binding(statement):
    app = ReviewApp(statement)
    async with app.run_test(size=SIZE) as pilot:
        await opened(app, pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        help_text = str(app.screen.query_one("#help-text").render())
        for description in (
            "Next row",
            "Next flag",
            "Edit",
            "Approve",
            "Undo",
            "Search",
            "Filter",
            "Merge with next row",
            "Split row",
            "Quit",
        ):
            assert description in help_text
        await pilot.press("escape")
        assert not app.screen.query("#help-text")


async def test_document_text_is_data_not_markup(tmp_path):
    hostile = {
        "en.txt": "[bold]Bold?[/bold] [@click=app.quit]click[/]\n\n"
        "red \x1b[31mALERT\x1b[0m end\n\n[link=https://x.example]link[/link] 20",
        "ru.txt": "[bold]Жирный?[/bold]\n\nкрасный \x1b[31mТРЕВОГА\x1b[0m\n\nссылка 20",
    }
    docset = write_docset(tmp_path / "hostile", hostile)
    app = ReviewApp(docset)
    async with app.run_test(size=SIZE) as pilot:
        await opened(app, pilot)
        text = screen_text(app)
        assert "[bold]Bold?[/bold]" in text and "[@click=app.quit]click[/]" in text
        assert "\x1b" not in text and "␛[31mALERT␛[0m" in text
        assert "[link=https://x.example]link[/link]" in text
        await pilot.press("j", "e")
        await pilot.press("escape")
        assert app.is_running


async def test_a_docset_that_cannot_load_shows_the_error_and_keeps_running(tmp_path):
    docset = write_docset(tmp_path / "bad", {"en.txt": b"\x00\x01binary"})
    app = ReviewApp(docset)
    async with app.run_test(size=SIZE) as pilot:
        await settled(app, pilot)
        assert "NUL bytes" in str(app.query_one("#loading").render())
        assert app.is_running


async def test_scores_view_shows_hter_and_jumps_to_the_worst_row(statement):
    app = ReviewApp(statement)
    async with app.run_test(size=SIZE) as pilot:
        grid = await opened(app, pilot)
        await pilot.press("S")
        await settled(app, pilot)
        assert "no fixes" in str(app.screen.query_one("#worst").get_option_at_index(0).prompt)
        await pilot.press("escape")
        await pilot.press("j")
        target = grid.current
        await pilot.press("e")
        editor = app.screen.query_one("TextArea")
        editor.text = editor.text.replace("Kasemal Tokayev", "Kassym-Jomart Tokayev")
        await pilot.press("ctrl+s")
        await settled(app, pilot)
        await pilot.press("g")
        assert grid.current == 0
        await pilot.press("S")
        await settled(app, pilot)
        table = str(app.screen.query_one("#scores-table").render())
        assert "HTER" in table and "1/48 rows fixed" in table
        await pilot.press("enter")
        await pilot.pause()
        assert grid.current == target


async def test_r_applies_the_suggestion_of_the_flag(statement):
    app = ReviewApp(statement)
    async with app.run_test(size=SIZE) as pilot:
        grid = await opened(app, pilot)
        await pilot.press("n")  # first English flag: row r1 has no en
        row = grid.current
        while not any(f.expected and "Kassym" in f.expected for f in app.session.flags(row)):
            await pilot.press("n")
            row = grid.current
        await pilot.press("r")
        await settled(app, pilot)
        fixed = po_entry(statement, "en", app.session.row_id(row)).msgstr
        assert "Kassym-Jomart Tokayev" in fixed and "Kasemal" not in fixed
        await pilot.press("r")  # the next suggestion: the visit's dates
        await settled(app, pilot)
        fixed = po_entry(statement, "en", app.session.row_id(row)).msgstr
        assert "16 to 17 May 2023" in fixed
        assert not [f for f in app.session.flags(row) if f.lang == "en"]
        assert msgfmt_ok(statement / "review" / "en.po")


async def test_a_malformed_review_file_is_reported_and_never_overwritten(statement):
    review = statement / "review"
    review.mkdir()
    (review / "en.po").write_text(
        'msgid ""\nmsgstr ""\n\nmsgid "broken\nmsgstr ""\n', encoding="utf-8"
    )
    before = (review / "en.po").read_bytes()
    app = ReviewApp(statement)
    async with app.run_test(size=SIZE) as pilot:
        grid = await opened(app, pilot)
        await settled(app, pilot)
        assert app.save_state == "review files not open"
        assert any("en.po:4" in n.message for n in app._notifications)
        assert app.session.checked and app.session.flags(1), "the checks still run"
        await pilot.press("j", "a")
        await settled(app, pilot)
        assert (review / "en.po").read_bytes() == before
        assert grid.current == 1


async def test_n_steps_through_the_spots_of_a_cell_and_r_fixes_the_focused_one(statement):
    app = ReviewApp(statement)
    async with app.run_test(size=SIZE) as pilot:
        grid = await opened(app, pilot)
        await pilot.press("j")  # r2: "Kasemal Tokayev" ... "May 2023 to 5, 17"
        row = grid.current
        await pilot.press("n")
        assert grid.current == row and app.spot == (row, "en", 0)
        panel = str(app.query_one("#flags").render())
        assert panel.lstrip().startswith("▶") and "Kasemal Tokayev" in panel.splitlines()[0]
        await pilot.press("n")
        assert grid.current == row and app.spot == (row, "en", 1)
        assert "May 2023 to 5, 17" in str(app.query_one("#flags").render()).splitlines()[0]
        text = app.session.cell_text(row, "en")
        start, end = grid.current_spot[2:]
        assert text[start:end] == "May 2023 to 5, 17"
        await pilot.press("r")  # fixes the focused spot, the date
        await settled(app, pilot)
        fixed = po_entry(statement, "en", app.session.row_id(row)).msgstr
        assert "16 to 17 May 2023" in fixed and "Kasemal Tokayev" in fixed
        await pilot.press("N")
        assert grid.current == row
        await pilot.press("n", "n")
        assert grid.current != row, "after the cell's last spot, n goes to the next cell"


async def test_a_long_docset_opened_for_the_first_time_shows_its_first_rows_at_once(
    tmp_path, monkeypatch
):
    """No alignment.tsv and a long text: the first rows are on screen (read-only, the status
    bar says the rest is being aligned) before the whole docset is aligned; then every row."""
    import aligner.review.session
    from tests.conftest import write_generated

    monkeypatch.setattr(aligner.review.session, "PREVIEW_FROM", 2000)
    root = write_generated(tmp_path / "long", 600)
    release = __import__("threading").Event()
    full = aligner.review.session.ReviewSession.align_fully

    def held(self, progress=None):  # the full alignment waits until the preview is seen
        release.wait(30)
        return full(self, progress)

    monkeypatch.setattr(aligner.review.session.ReviewSession, "align_fully", held)
    app = ReviewApp(root)
    async with app.run_test(size=(160, 45)) as pilot:
        while app.session is None:
            await pilot.pause(0.05)
        await pilot.pause()
        first = app.session.row_count()
        assert 0 < first < 200 and app.session.provisional
        assert "中华人民共和国" in screen_text(app)
        assert "aligning the rest" in str(app.query_one("#status").render())
        await pilot.press("e")
        assert not app.screen_stack[1:]  # nothing to edit until the rows are final
        release.set()
        await settled(app, pilot)
        assert app.session.row_count() > 500 and not app.session.provisional
        assert app.session.editable and (root / "alignment.tsv").is_file()


async def test_on_a_narrow_terminal_the_title_gives_way_to_the_save_state(statement):
    """The status bar cuts the docset title (with an ellipsis) to the room the counts and
    the save state leave, so "saved" / "NOT SAVED" stays in sight; wider, the title grows."""
    app = ReviewApp(statement)
    async with app.run_test(size=(90, 30)) as pilot:
        await opened(app, pilot)
        line = app.query_one("#status").render().plain
        assert line.endswith("· saved") and "Joint Statement of" in line
        assert "…" in line and len(line) <= 88
        await pilot.resize_terminal(200, 30)
        await pilot.pause()
        wide = app.query_one("#status").render().plain
        assert wide.endswith("· saved")
        assert len(wide.split("  ·  ")[0]) > len(line.split("  ·  ")[0])


async def test_a_docset_without_a_title_shows_its_folder_name_once(tmp_path):
    docset = write_docset(
        tmp_path / "passwd-page",
        {"en.txt": "NAME\n\npasswd - change user password\n", "ru.txt": "ИМЯ\n\npasswd - пароль\n"},
    )
    app = ReviewApp(docset)
    async with app.run_test(size=SIZE) as pilot:
        await opened(app, pilot)
        title_bar = str(app.query_one("#title-bar").render())
        assert title_bar.count("passwd-page") == 1, title_bar
