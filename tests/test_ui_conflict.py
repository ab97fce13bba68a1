"""Another program saves while the review UI is open: no fix is lost, nothing stale is shown.

Driven through the real app (Pilot), the real store and the real PO files; the "other
program" is a second ReviewStore on the same docset (as another aligner process would be) or a
polib edit of the file (as a PO editor would be). Failed saves (disk full, a held lock) keep
the reviewer's typed text in the editor and in a recovery file.
"""

from __future__ import annotations

import errno
import fcntl
import os
import shutil
import time
from pathlib import Path

import polib
import pytest

import tui.app
import tui.disk_watch
from aligner.review.store import ReviewStore
from tests.conftest import BUNDLED
from tests.test_tui import SIZE, msgfmt_ok, opened, po_entry, screen_text
from tui.app import ReviewApp

GARBLED_NAME, NAME = "Kasemal Tokayev", "Kassym-Jomart Tokayev"
GARBLED_DATE, DATE = "May 2023 to 5, 17", "16–17 May 2023"


@pytest.fixture
def statement(tmp_path) -> Path:
    target = tmp_path / "joint-statement-2023"
    shutil.copytree(BUNDLED, target, ignore=shutil.ignore_patterns("review", "alignment.tsv"))
    return target


def other_program_saves(app: ReviewApp, row: int, old: str, new: str) -> None:
    """A second writer (another aligner process's store) fixes ``old`` -> ``new`` in en."""
    session = app.session
    other = ReviewStore.open(session.docset, session.alignment)
    row_id = session.row_id(row)
    text = other.get(row_id, "en").text
    assert old in text
    other.set_fix(row_id, "en", text.replace(old, new))


def notifications(app: ReviewApp) -> str:
    return "\n".join(n.message for n in app._notifications)


def problem(app: ReviewApp) -> str:
    return str(app.screen.query_one("#problem").render())


async def test_a_conflict_shows_the_other_programs_text_and_the_redo_keeps_both_fixes(statement):
    app = ReviewApp(statement)
    async with app.run_test(size=SIZE) as pilot:
        grid = await opened(app, pilot)
        await pilot.press("j")  # r2: garbled name and date
        row = grid.current
        row_id = app.session.row_id(row)
        await pilot.press("e")
        editor = app.screen.query_one("#editor")
        typed = editor.text.replace(GARBLED_NAME, NAME)
        other_program_saves(app, row, GARBLED_DATE, DATE)  # while the editor is open
        editor.text = typed
        await pilot.press("ctrl+s")
        await pilot.pause()

        # not saved, said so; the editor and the grid show the other program's text
        assert isinstance(app.screen, tui.app.EditModal), "the editor stays open"
        assert "NOT SAVED" in problem(app) and "another program changed" in problem(app)
        shown = app.screen.query_one("#editor").text
        assert DATE in shown and GARBLED_NAME in shown
        assert app.screen.query_one("#mine").text == typed, "the typed text is beside it"
        assert DATE in app.session.cell_text(row, "en")
        assert "NOT SAVED" in str(app.query_one("#status").render())
        kept = app.screen.kept_in
        assert kept is not None and kept.read_text(encoding="utf-8") == typed
        entry = po_entry(statement, "en", row_id)
        assert DATE in entry.msgstr and NAME not in entry.msgstr

        # the reviewer redoes the change on the text now shown: both fixes are saved
        editor = app.screen.query_one("#editor")
        editor.text = editor.text.replace(GARBLED_NAME, NAME)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, tui.app.EditModal)
        assert not kept.exists(), "the recovery file goes once the text is saved"
        entry = po_entry(statement, "en", row_id)
        assert DATE in entry.msgstr and NAME in entry.msgstr
        backup = polib.pofile(str(statement / "review" / "en.po~"))
        previous = next(e for e in backup if e.msgctxt == row_id and not e.obsolete)
        assert DATE in previous.msgstr, "the backup is the other program's version"
        assert msgfmt_ok(statement / "review" / "en.po")
        shown = screen_text(app)
        assert "Kassym-Jomart" in shown and "16–17" in shown and "Kasemal" not in shown


async def test_an_edit_opened_after_another_programs_save_starts_from_its_text(statement):
    app = ReviewApp(statement)
    async with app.run_test(size=SIZE) as pilot:
        grid = await opened(app, pilot)
        await pilot.press("j")
        row = grid.current
        assert GARBLED_DATE in screen_text(app)
        other_program_saves(app, row, GARBLED_DATE, DATE)
        await pilot.press("e")
        await pilot.pause()
        editor = app.screen.query_one("#editor")
        assert DATE in editor.text and GARBLED_DATE not in editor.text
        assert f"review/en.po: {app.session.row_id(row)} changed" in notifications(app)
        editor.text = editor.text.replace(GARBLED_NAME, NAME)
        await pilot.press("ctrl+s")
        await pilot.pause()
        entry = po_entry(statement, "en", app.session.row_id(row))
        assert DATE in entry.msgstr and NAME in entry.msgstr


async def test_the_grid_notices_a_po_editors_save_by_itself(statement, monkeypatch):
    monkeypatch.setattr(tui.disk_watch, "DISK_CHECK_SECONDS", 0.1)
    app = ReviewApp(statement)
    async with app.run_test(size=SIZE) as pilot:
        grid = await opened(app, pilot)
        await pilot.press("a")  # r1 approved: en.po exists
        await pilot.press("j")
        row_id = app.session.row_id(grid.current)
        path = statement / "review" / "en.po"
        catalog = polib.pofile(str(path))
        entry = next(e for e in catalog if e.msgctxt == row_id)
        entry.msgstr = entry.msgstr.replace(GARBLED_DATE, DATE)
        catalog.save(str(path))
        for _ in range(80):  # the redraw and the notification, both (under load, seconds)
            await pilot.pause(0.05)
            if DATE in screen_text(app) and f"review/en.po: {row_id}" in notifications(app):
                break
        assert DATE in screen_text(app) and GARBLED_DATE not in screen_text(app)
        assert f"review/en.po: {row_id} changed" in notifications(app)
        # the editor changed the text and left "#, fuzzy": msgfmt counts it fuzzy, so does the UI
        assert app.session.row_status(grid.current, "en") == "fuzzy"


async def test_text_typed_before_a_disk_full_save_survives(statement, monkeypatch):
    app = ReviewApp(statement)
    async with app.run_test(size=SIZE) as pilot:
        grid = await opened(app, pilot)
        await pilot.press("j", "e")
        row_id = app.session.row_id(grid.current)
        editor = app.screen.query_one("#editor")
        typed = editor.text.replace(GARBLED_NAME, NAME)
        editor.text = typed
        real_replace = os.replace

        def disk_full(src, dst, *args, **kwargs):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

        monkeypatch.setattr(os, "replace", disk_full)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, tui.app.EditModal)
        assert app.screen.query_one("#editor").text == typed
        said = problem(app)
        assert "NOT SAVED" in said and "still in the editor" in said
        kept = app.screen.kept_in
        assert kept is not None and str(kept) in said.replace("\n", "")
        assert kept.read_text(encoding="utf-8") == typed
        assert NAME not in po_entry(statement, "en", row_id).msgstr

        monkeypatch.setattr(os, "replace", real_replace)  # space again: ctrl+s saves
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, tui.app.EditModal)
        assert NAME in po_entry(statement, "en", row_id).msgstr
        assert not kept.exists()


async def test_escape_after_a_failed_save_says_where_the_text_is(statement, monkeypatch):
    app = ReviewApp(statement)
    async with app.run_test(size=SIZE) as pilot:
        await opened(app, pilot)
        await pilot.press("j", "e")
        editor = app.screen.query_one("#editor")
        editor.text = typed = editor.text + " (reviewer's addition)"
        monkeypatch.setattr(
            os,
            "replace",
            lambda *a, **k: (_ for _ in ()).throw(OSError(errno.EIO, "Input/output error")),
        )
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, tui.app.EditModal)
        said = notifications(app)
        assert "Your unsaved text of r2 en is kept in" in said
        path = Path(said.split("kept in ")[-1].rstrip(".").strip())
        assert path.read_text(encoding="utf-8") == typed


async def test_a_held_lock_never_freezes_the_ui_and_the_save_follows(statement):
    app = ReviewApp(statement)
    async with app.run_test(size=SIZE) as pilot:
        grid = await opened(app, pilot)
        await pilot.press("j")
        row_id = app.session.row_id(grid.current)
        (statement / "review").mkdir(exist_ok=True)
        fd = os.open(statement / "review" / ".lock", os.O_RDWR | os.O_CREAT, 0o666)
        fcntl.flock(fd, fcntl.LOCK_EX)  # another process's long save
        try:
            started = time.monotonic()
            await pilot.press("a")  # a one-key change: refused at once
            await pilot.press("e")
            editor = app.screen.query_one("#editor")
            editor.text = typed = editor.text.replace(GARBLED_NAME, NAME)
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert time.monotonic() - started < 3, "no 15 s freeze"
            assert isinstance(app.screen, tui.app.EditModal)
            said = problem(app) + notifications(app)
            assert "NOT SAVED YET" in said and "Trying again" in said
            assert "try again in a moment" in notifications(app)
            assert "delete" not in said.lower()
            assert app.screen.query_one("#editor").text == typed
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
            os.close(fd)
        for _ in range(60):  # the retry saves by itself
            await pilot.pause(0.05)
            if not isinstance(app.screen, tui.app.EditModal):
                break
        assert not isinstance(app.screen, tui.app.EditModal)
        assert NAME in po_entry(statement, "en", row_id).msgstr
        assert app.session.row_status(grid.current, "en") == "fixed"


async def test_an_open_editor_is_told_when_its_cell_changes_elsewhere(statement, monkeypatch):
    monkeypatch.setattr(tui.disk_watch, "DISK_CHECK_SECONDS", 0.1)
    app = ReviewApp(statement)
    async with app.run_test(size=SIZE) as pilot:
        grid = await opened(app, pilot)
        await pilot.press("j", "e")
        row = grid.current
        editor = app.screen.query_one("#editor")
        editor.text = typed = editor.text.replace(GARBLED_NAME, NAME)
        other_program_saves(app, row, GARBLED_DATE, DATE)
        for _ in range(40):
            await pilot.pause(0.05)
            if app.screen.has_class("warned"):
                break
        assert "Another program changed this cell" in problem(app)
        assert DATE in screen_text(app), "the grid behind shows their text already"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "NOT SAVED" in problem(app)
        assert app.screen.query_one("#mine").text == typed
        assert DATE in app.screen.query_one("#editor").text
        await pilot.press("ctrl+r")  # the reviewer's text back, saved by choice
        assert app.screen.query_one("#editor").text == typed
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, tui.app.EditModal)
        assert NAME in po_entry(statement, "en", app.session.row_id(row)).msgstr


async def test_an_unexpected_error_while_saving_keeps_the_typed_text(statement, monkeypatch):
    import aligner.review.store

    app = ReviewApp(statement)
    async with app.run_test(size=SIZE) as pilot:
        await opened(app, pilot)
        await pilot.press("j", "e")
        editor = app.screen.query_one("#editor")
        editor.text = typed = editor.text + " (more)"

        def broken(*args, **kwargs):
            raise RuntimeError("something unforeseen")

        monkeypatch.setattr(aligner.review.store.ReviewStore, "set_fix", broken)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, tui.app.EditModal)
        assert "RuntimeError: something unforeseen" in problem(app)
        assert app.screen.query_one("#editor").text == typed
        assert app.screen.kept_in.read_text(encoding="utf-8") == typed
