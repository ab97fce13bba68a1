"""Finding and moving around in the review app, driven by Pilot: search, the hits list,
find-and-replace, filters by check and severity, paragraph moves, mouse focus, and a layout
that keeps the focused spot, the header and the essential keys in sight at every size."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import polib
import pytest
from rich.cells import cell_len

import aligner.review.session
from tests.conftest import BUNDLED
from tests.test_tui import msgfmt_ok, opened, po_entry, settled
from tui.app import ReviewApp
from tui.widgets.grid import CHECK_STYLES, GridView

SMALL, MEDIUM, LARGE = (80, 24), (120, 40), (200, 50)


@pytest.fixture
def statement(tmp_path) -> Path:
    target = tmp_path / "joint-statement-2023"
    shutil.copytree(BUNDLED, target, ignore=shutil.ignore_patterns("review", "alignment.tsv"))
    return target


def status(app: ReviewApp) -> str:
    return app.query_one("#status").render().plain


def visible_styles(grid: GridView) -> list[tuple[str, object]]:
    """(text, style) of every segment the grid draws now."""
    return [
        (segment.text, segment.style)
        for y in range(grid.size.height)
        for segment in grid.render_line(y)
    ]


def drawn_with(grid: GridView, kind: str) -> str:
    """The text the grid draws now in the style of ``kind`` (a check, "search" or "spot")."""
    wanted = CHECK_STYLES[kind]
    return "".join(
        text
        for text, style in visible_styles(grid)
        if style is not None
        and (
            (wanted.reverse and style.reverse)
            or (wanted.bgcolor is not None and style.bgcolor == wanted.bgcolor)
        )
    )


def notifications(app: ReviewApp) -> list[str]:
    return [n.message for n in app._notifications]


# --- search ---------------------------------------------------------------------------------


async def test_search_stays_in_the_focused_language_and_highlights_every_match(statement):
    app = ReviewApp(statement)
    async with app.run_test(size=MEDIUM) as pilot:
        grid = await opened(app, pilot)
        await pilot.press("tab")  # zh
        await pilot.press("slash", *"2023", "enter")
        await pilot.pause()
        assert grid.cursor_lang == "zh", "a match in zh exists: the column stays"
        row = grid.current
        start, end = grid.current_spot[2:]
        assert app.session.cell_text(row, "zh")[start:end] == "2023"
        assert "search moved" not in status(app)
        assert "2023" in drawn_with(grid, "spot"), "the focused match is drawn reversed"
        await pilot.press("right_square_bracket")
        assert grid.cursor_lang == "zh"
        after = (grid.current, grid.current_spot)
        assert after != (row, (row, "zh", start, end))
        await pilot.press("left_square_bracket")
        assert (grid.current, grid.current_spot[2:]) == (row, (start, end))


async def test_every_match_on_screen_is_highlighted(statement):
    app = ReviewApp(statement)
    async with app.run_test(size=LARGE) as pilot:
        grid = await opened(app, pilot)
        await pilot.press("slash", *"kazakhstan", "enter")
        await pilot.pause()
        highlighted = drawn_with(grid, "search")
        assert highlighted.count("Kazakhstan") >= 2, highlighted


async def test_search_says_in_the_status_when_it_moves_to_another_language(statement):
    app = ReviewApp(statement)
    async with app.run_test(size=SMALL) as pilot:
        grid = await opened(app, pilot)
        await pilot.press("slash", *"冼星海", "enter")
        await pilot.pause()
        assert grid.cursor_lang == "zh"
        assert "冼星海" in app.session.cell_text(grid.current, "zh")
        assert status(app).startswith("search moved from en to zh (no match in en)")
        assert any("no match in en" in n for n in notifications(app))
        await pilot.press("j")  # elsewhere: the notice goes
        assert "search moved" not in status(app)


async def test_the_hits_list_shows_every_match_and_jumps_to_the_one_picked(statement):
    app = ReviewApp(statement)
    async with app.run_test(size=SMALL) as pilot:
        grid = await opened(app, pilot)
        await pilot.press("slash", *"center")
        await pilot.pause()
        hits = app.screen.query_one("#hits")
        expected = sum(
            app.session.cell_text(r, lang).lower().count("center")
            for r in range(app.session.row_count())
            for lang in grid.languages
        )
        assert hits.option_count == expected >= 3
        assert f"{expected} matches" in str(app.screen.query_one("#count").render())
        third = str(hits.get_option_at_index(2).prompt)
        await pilot.press("down", "down", "down", "enter")  # into the list, to its third line
        await pilot.pause()
        assert not app.screen_stack[1:]
        row, lang, start, end = grid.current_spot
        assert (grid.current, grid.cursor_lang) == (row, lang)
        assert app.session.row_id(row) in third and lang in third
        assert app.session.cell_text(row, lang)[start:end].lower() == "center"


async def test_an_empty_search_clears_the_highlight(statement):
    app = ReviewApp(statement)
    async with app.run_test(size=LARGE) as pilot:
        grid = await opened(app, pilot)
        await pilot.press("slash", *"kazakhstan", "enter")
        await pilot.pause()
        assert drawn_with(grid, "search")
        await pilot.press("slash", "ctrl+a", "ctrl+k", "enter")  # empty the line
        await pilot.pause()
        assert not drawn_with(grid, "search") and grid.current_spot is None
        await pilot.press("right_square_bracket")
        assert any("No search yet" in n for n in notifications(app))


async def test_escape_closes_search_without_moving(statement):
    app = ReviewApp(statement)
    async with app.run_test(size=SMALL) as pilot:
        grid = await opened(app, pilot)
        await pilot.press("slash", *"center", "escape")
        assert grid.current == 0 and not app.screen_stack[1:]


# --- find and replace -----------------------------------------------------------------------


async def test_replace_previews_each_change_and_saves_the_accepted_ones_as_fixes(statement):
    app = ReviewApp(statement)
    async with app.run_test(size=MEDIUM) as pilot:
        await opened(app, pilot)
        session = app.session
        count = sum(session.cell_text(r, "en").count("Center") for r in range(session.row_count()))
        await pilot.press("percent_sign", *"Center", "enter", *"Centre", "enter")
        await pilot.pause()
        preview = app.screen
        assert f"change 1 of {count} " in str(preview.query_one("#where").render())
        assert "Center" in str(preview.query_one("#before").render())
        assert "Centre" in str(preview.query_one("#after").render())
        first, second = preview.run.changes[:2]
        await pilot.press("n")  # skip the first
        assert "change 2 of" in str(preview.query_one("#where").render())
        await pilot.press("y")  # accept the second
        await pilot.press("escape")
        await settled(app, pilot)
        text = session.cell_text(second.row, "en")
        assert text[second.start : second.end] == "Centre"  # same length: offsets hold
        assert text[first.start : first.end] == "Center", "the skipped match stays"
        fixed = po_entry(statement, "en", session.row_id(second.row))
        assert fixed.msgstr == text
        assert "fuzzy" not in fixed.flags and "approved" not in fixed.flags, (
            "a replacement is a reviewer's change (not fuzzy), not an approval"
        )
        assert session.row_status(second.row, "en") == "fixed"
        assert msgfmt_ok(statement / "review" / "en.po")
        assert (
            sum(session.cell_text(r, "en").count("Center") for r in range(session.row_count()))
            == count - 1
        )
        assert any(n.startswith(f"Replaced 1 of {count}, skipped 1") for n in notifications(app))
        await pilot.press("u")  # an ordinary fix: undoable
        await settled(app, pilot)
        assert session.cell_text(second.row, "en") == session.original_text(second.row, "en")
        assert po_entry(statement, "en", session.row_id(second.row)).msgstr in (
            "",
            session.original_text(second.row, "en"),
        )


async def test_replace_all_changes_one_language_only(statement):
    app = ReviewApp(statement)
    async with app.run_test(size=MEDIUM) as pilot:
        grid = await opened(app, pilot)
        session = app.session
        await pilot.press("tab", "tab", "tab")  # ru
        assert grid.cursor_lang == "ru"
        count = sum(session.cell_text(r, "ru").count("Астана") for r in range(session.row_count()))
        assert count >= 2
        en_before = [session.cell_text(r, "en") for r in range(session.row_count())]
        await pilot.press("percent_sign", *"Астана", "enter", *"Нур-Султан", "enter", "a")
        await settled(app, pilot)
        after = [session.cell_text(r, "ru") for r in range(session.row_count())]
        assert sum(t.count("Нур-Султан") for t in after) == count
        assert not any("Астана" in t for t in after)
        assert [session.cell_text(r, "en") for r in range(session.row_count())] == en_before
        catalog = polib.pofile(str(statement / "review" / "ru.po"))
        assert sum(e.msgstr.count("Нур-Султан") for e in catalog) == count
        assert msgfmt_ok(statement / "review" / "ru.po")


async def test_replacing_a_text_that_is_nowhere_says_so(statement):
    app = ReviewApp(statement)
    async with app.run_test(size=SMALL) as pilot:
        await opened(app, pilot)
        before = (statement / "review" / "en.po").read_bytes()
        await pilot.press("percent_sign", *"Zanzibar", "enter", *"x", "enter")
        await pilot.pause()
        assert not app.screen_stack[1:]
        assert any("Not found in en: Zanzibar" in n for n in notifications(app))
        assert (statement / "review" / "en.po").read_bytes() == before


# --- layout ---------------------------------------------------------------------------------


@pytest.mark.parametrize("size", [SMALL, MEDIUM])
async def test_n_keeps_every_flagged_spot_on_screen(statement, size):
    """However tall the row, n scrolls the spot it focuses into view (drawn reversed)."""
    app = ReviewApp(statement)
    async with app.run_test(size=size) as pilot:
        grid = await opened(app, pilot)
        seen = set()
        deep = 0
        for _ in range(60):
            await pilot.press("n")
            spot = grid.current_spot
            if spot is None or spot in seen:
                break
            seen.add(spot)
            row, lang, start, end = spot
            if end > start:
                text = app.session.cell_text(row, lang)[start:end]
                assert text.split()[0] in drawn_with(grid, "spot"), (size, spot, text)
                deep += grid._spot_line() >= grid.scrollable_content_region.height - 1
        assert len(seen) >= 10
        if size == SMALL:
            assert deep, "some spot lies below the first screen of its row at 80x24"


@pytest.mark.parametrize("size", [SMALL, MEDIUM, LARGE])
async def test_the_footer_keeps_help_quit_filter_and_scores_at_every_size(statement, size):
    app = ReviewApp(statement)
    async with app.run_test(size=size) as pilot:
        await opened(app, pilot)
        keys = app.query_one("#keys").render().plain
        for shown in ("? Help", "q Quit", "f Filter", "S Scores"):
            assert shown in keys, (size, keys)
        assert len(keys.rstrip()) <= size[0]


async def test_a_click_on_a_footer_key_runs_it(statement):
    app = ReviewApp(statement)
    async with app.run_test(size=SMALL) as pilot:
        await opened(app, pilot)
        keys = app.query_one("#keys").render().plain
        await pilot.click("#keys", offset=(keys.index("f Filter") + 2, 0))
        assert app.filter_name == "flagged"


def header_cells(app: ReviewApp) -> list[tuple[str, bool]]:
    """(text, drawn reversed) of each language cell of the column header."""
    content = app.query_one("#column-header").render()
    reversed_at = {
        i
        for span in content.spans
        if "reverse" in str(span.style)
        for i in range(span.start, span.end)
    }
    cells, start = [], 6
    for end in [i for i, ch in enumerate(content.plain) if ch == "│"]:
        cells.append((content.plain[start:end].strip(), start in reversed_at))
        start = end + 1
    return cells


async def test_the_column_header_follows_tab_at_once(statement):
    app = ReviewApp(statement)
    async with app.run_test(size=SMALL) as pilot:
        await opened(app, pilot)
        assert [c for c in header_cells(app) if c[1]][0][0] == "en"
        await pilot.press("tab")
        assert [c for c in header_cells(app) if c[1]][0][0].startswith("zh")
        await pilot.press("shift+tab", "shift+tab")
        assert [c for c in header_cells(app) if c[1]][0][0] == "ru"


def bars(line: str) -> list[int]:
    """Terminal cells at which the column separators are drawn (a CJK character is two)."""
    return [cell_len(line[:i]) for i, ch in enumerate(line) if ch == "│"]


async def test_the_column_header_follows_a_resize_at_once(statement):
    app = ReviewApp(statement)
    async with app.run_test(size=SMALL) as pilot:
        grid = await opened(app, pilot)
        for size in (LARGE, SMALL, MEDIUM):
            await pilot.resize_terminal(*size)
            await pilot.pause()
            header = app.query_one("#column-header").render().plain
            line = "".join(s.text for s in grid.render_line(0))
            assert bars(header) == bars(line), size
            assert len(bars(header)) == 4


@pytest.mark.parametrize("size", [SMALL, MEDIUM])
async def test_compact_mode_keeps_the_focused_row_on_screen(statement, size):
    app = ReviewApp(statement)
    async with app.run_test(size=size) as pilot:
        grid = await opened(app, pilot)
        for moves in (["G"], ["g", *["j"] * 20], ["G", "k", "k"]):
            await pilot.press(*moves)
            for _ in range(2):
                await pilot.press("z")
                await pilot.pause()
                lines = [
                    ("".join(s.text for s in grid.render_line(y))) for y in range(grid.size.height)
                ]
                assert any(line.startswith("▶") for line in lines), (moves, grid.compact)


async def test_a_click_on_a_cell_focuses_its_row_and_language(statement):
    app = ReviewApp(statement)
    async with app.run_test(size=MEDIUM) as pilot:
        grid = await opened(app, pilot)
        region = grid.row_region(2)
        widths = grid.column_widths()
        x = 6 + widths[0] + 1 + widths[1] + 1 + 3  # inside the kk column
        await pilot.click(GridView, offset=(x, region.y + 1 - grid.scroll_offset.y))
        assert grid.cursor_row == 2 and grid.cursor_lang == "kk"
        await pilot.press("g")
        await pilot.click(GridView, offset=(8, grid.row_region(0).y - grid.scroll_offset.y))
        assert grid.cursor_row == 0 and grid.cursor_lang == "en"


# --- filters --------------------------------------------------------------------------------


async def test_filter_by_check_and_by_severity(statement):
    app = ReviewApp(statement)
    async with app.run_test(size=MEDIUM) as pilot:
        grid = await opened(app, pilot)
        total = len(grid.order)
        await pilot.press("F")
        options = app.screen.query_one("#filters")
        names = [options.get_option_at_index(i).id for i in range(options.option_count)]
        assert names[:3] == ["all", "flagged", "unreviewed"]
        assert "check:number" in names and any(n.startswith("severity:") for n in names)
        for _ in range(names.index("check:number")):
            await pilot.press("down")
        await pilot.press("enter")
        assert app.filter_name == "check:number"
        assert 0 < len(grid.order) < total
        assert all(any("number" in f.checks for f in app.session.flags(r)) for r in grid.order)
        assert "filter: check:number" in status(app)
        severity = next(n for n in names if n.startswith("severity:"))
        await pilot.press("F", "home")
        for _ in range(names.index(severity)):
            await pilot.press("down")
        await pilot.press("enter")
        wanted = severity.split(":")[1]
        assert app.filter_name == severity and grid.order
        assert all(any(f.severity == wanted for f in app.session.flags(r)) for r in grid.order)
        await pilot.press("f")  # f goes back to the plain filters
        assert app.filter_name == "all" and len(grid.order) == total


# --- moving a paragraph between rows ---------------------------------------------------------


async def test_J_and_K_move_a_paragraph_to_the_next_and_previous_row(statement):
    app = ReviewApp(statement)
    async with app.run_test(size=MEDIUM) as pilot:
        grid = await opened(app, pilot)
        session = app.session
        await pilot.press("j", "j", "tab", "tab", "tab")  # r3, ru
        row_id, next_id = session.row_id(2), session.row_id(3)
        moved = session.cell_text(2, "ru")
        await pilot.press("J")
        await settled(app, pilot)
        target = session.row_index(next_id)
        assert session.cell_text(target, "ru").startswith(moved)
        assert (statement / "alignment.tsv").is_file()
        assert row_id in (statement / "alignment.tsv").read_text(encoding="utf-8")
        assert "saved move" in status(app)
        grid.focus_row(target)
        await pilot.press("K")  # and back
        await settled(app, pilot)
        assert session.cell_text(session.row_index(row_id), "ru") == moved
        assert not session.cell_text(session.row_index(next_id), "ru").startswith(moved)


async def test_K_on_the_first_row_says_why_it_cannot_move(statement):
    app = ReviewApp(statement)
    async with app.run_test(size=SMALL) as pilot:
        await opened(app, pilot)
        rows = app.session.row_count()
        saved = (statement / "alignment.tsv").read_bytes()
        assert not app.session.cell_text(0, "en")
        await pilot.press("K")  # r1 has no English paragraph
        await pilot.press("tab", "K")  # its Chinese one has no row above
        await pilot.pause()
        assert any("r1 has no en paragraph to move" in n for n in notifications(app))
        assert any("r1 has no previous row" in n for n in notifications(app))
        assert app.session.row_count() == rows
        assert (statement / "alignment.tsv").read_bytes() == saved, "nothing moved or saved"


# --- n before the checks finish --------------------------------------------------------------


async def test_n_before_the_checks_finish_waits_for_them_instead_of_no_more_flags(
    statement, monkeypatch
):
    release = threading.Event()
    run_checks = aligner.review.session.ReviewSession.run_checks

    def held(self, progress=None):
        release.wait(30)
        return run_checks(self, progress)

    monkeypatch.setattr(aligner.review.session.ReviewSession, "run_checks", held)
    app = ReviewApp(statement)
    async with app.run_test(size=MEDIUM) as pilot:
        while app.session is None:
            await pilot.pause(0.05)
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert any("Checks are still running" in n for n in notifications(app))
        assert not any("No more flags" in n for n in notifications(app))
        assert app.grid.current == 0
        release.set()
        await settled(app, pilot)
        grid = app.grid
        assert app.spot is not None, "n was done once the checks finished"
        assert any(f.lang == grid.cursor_lang for f in app.session.flags(grid.current))
        assert not any("No more flags" in n for n in notifications(app))


async def test_no_more_flags_once_the_checks_are_done(tmp_path):
    from tests.conftest import write_docset

    docset = write_docset(
        tmp_path / "clean", {"en.txt": "One.\n\nTwo.\n", "ru.txt": "Один.\n\nДва.\n"}
    )
    app = ReviewApp(docset)
    async with app.run_test(size=SMALL) as pilot:
        await opened(app, pilot)
        await pilot.press("n")
        await pilot.pause()
        assert any("No more flags" in n for n in notifications(app))
        assert not any("still running" in n for n in notifications(app))


async def test_the_new_keys_are_in_help(statement):
    app = ReviewApp(statement)
    async with app.run_test(size=MEDIUM) as pilot:
        await opened(app, pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        text = str(app.screen.query_one("#help-text").render())
        for description in (
            "Next search match",
            "Previous search match",
            "Find and replace",
            "Filter by check or severity",
            "Move first paragraph to previous row",
            "Move last paragraph to next row",
        ):
            assert description in text


async def test_at_80_columns_the_status_keeps_the_save_state_with_a_long_filter(statement):
    app = ReviewApp(statement)
    async with app.run_test(size=SMALL) as pilot:
        await opened(app, pilot)
        app.filter_name = "check:placeholder"
        app._apply_filter()
        line = status(app)
        assert line.rstrip().endswith("· saved") and "check:placeholder" in line, line
        assert len(line.rstrip()) <= SMALL[0] - 2


async def test_the_key_bar_offers_the_palette_where_there_is_room(statement):
    app = ReviewApp(statement)
    async with app.run_test(size=LARGE) as pilot:
        await opened(app, pilot)
        keys = app.query_one("#keys").render().plain
        assert keys.rstrip().endswith("^p palette")
        await pilot.click("#keys", offset=(keys.index("^p palette") + 1, 0))
        await pilot.pause()
        assert app.screen.__class__.__name__ == "CommandPalette"
