"""The Scores screen's quality report, driven by Pilot: errors per category and severity, the
penalty per 1000 words, pass/fail, and the most edited rows with their text (as data)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from aligner.terminal import visible
from tests.conftest import BUNDLED, write_docset
from tests.test_tui import opened, settled
from tui.app import ReviewApp

SIZE = (120, 40)


@pytest.fixture
def statement(tmp_path) -> Path:
    target = tmp_path / "joint-statement-2023"
    shutil.copytree(BUNDLED, target, ignore=shutil.ignore_patterns("review", "alignment.tsv"))
    return target


async def fix_the_first_name(app, pilot, grid) -> int:
    """`n` to the flag suggesting "Kassym-Jomart Tokayev", `r` to apply it; the row."""
    await pilot.press("n")
    while not any(
        f.expected and "Kassym" in f.expected and f.lang == "en"
        for f in app.session.flags(grid.current)
    ):
        await pilot.press("n")
    row = grid.current
    while "Kasemal" in app.session.cell_text(row, "en"):
        await pilot.press("r")
        await settled(app, pilot)
    return row


def quality_text(app) -> str:
    return str(app.screen.query_one("#lqa").render())


async def test_scores_screen_shows_the_quality_report_and_the_edited_rows_text(statement):
    app = ReviewApp(statement)
    async with app.run_test(size=SIZE) as pilot:
        grid = await opened(app, pilot)
        await pilot.press("S")
        await settled(app, pilot)
        assert (
            "en  not reviewed  0.00 penalty per 1000 words (threshold 10, default)"
            in quality_text(app)
        )
        await pilot.press("escape")
        row = await fix_the_first_name(app, pilot, grid)
        await pilot.press("g", "S")
        await settled(app, pilot)
        text = quality_text(app)
        assert "quality (MQM)" in text and "minor 1 · major 5 · critical 25" in text
        report_line = next(line for line in text.splitlines() if line.startswith("en  "))
        assert "PASS so far" in report_line and "(threshold 10, default)" in report_line
        table = next(line for line in text.splitlines() if "terminology/termbase" in line)
        assert table.split()[1:] == ["0", "1", "0"]  # minor, major, critical
        assert "penalty points" in text and "flags open" in text
        assert "HTER" in str(app.screen.query_one("#scores-table").render())
        first = str(app.screen.query_one("#worst").get_option_at_index(0).prompt)
        assert app.session.row_id(row) in first
        assert "− " in first and "Kasemal Tokayev" in first
        assert "+ " in first and "Kassym-Jomart Tokayev" in first
        await pilot.press("enter")
        await pilot.pause()
        assert grid.current == row


async def test_the_threshold_of_docset_toml_decides_pass_or_fail(statement):
    config = statement / "docset.toml"
    config.write_text(
        config.read_text(encoding="utf-8") + "\n[quality]\nthreshold = 1\n", encoding="utf-8"
    )
    app = ReviewApp(statement)
    async with app.run_test(size=SIZE) as pilot:
        grid = await opened(app, pilot)
        await fix_the_first_name(app, pilot, grid)
        await pilot.press("S")
        await settled(app, pilot)
        line = next(line for line in quality_text(app).splitlines() if line.startswith("en  "))
        assert "FAIL" in line and "(threshold 1)" in line


async def test_edited_rows_show_markup_and_escapes_as_text(tmp_path):
    hostile = "[b]x[/b] [@click=app.quit] \x1b[31m had 5 items."
    docset = write_docset(
        tmp_path / "hostile",
        {
            "en.txt": f"{hostile}\n\nThe second paragraph.\n",
            "ru.txt": "Было 5 пунктов.\n\nВторой абзац.\n",
        },
    )
    app = ReviewApp(docset)
    async with app.run_test(size=SIZE) as pilot:
        await opened(app, pilot)
        app.session.set_fix(0, "en", hostile.replace("had", "has"))
        await pilot.press("S")
        await settled(app, pilot)
        assert app.is_running
        prompt = str(app.screen.query_one("#worst").get_option_at_index(0).prompt)
        assert "[b]x[/b] [@click=app.quit]" in prompt
        assert "\x1b" not in prompt and visible("\x1b") in prompt
        assert "had 5" in prompt and "has 5" in prompt
