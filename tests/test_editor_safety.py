"""The edit dialog never sends a document's control characters to the terminal, and a save
keeps the ones the reviewer did not touch (issue 14, item 2)."""

from __future__ import annotations

import pytest

from tests.conftest import write_docset
from tests.test_tui import SIZE, opened, po_entry
from tui.app import ReviewApp
from tui.safe_text import visible
from tui.screens.edit import EditModal, restore

CLIPBOARD = "\x1b]52;c;SGVsbG8=\x1b\\"
TITLE = "\x1b]2;pwned\x07"
RESET = "\x1bc"
LEAVE_ALT_SCREEN = "\x1b[?1049l"
LINK = "\x1b]8;;https://x.example\x1b\\here\x1b]8;;\x1b\\"
BIDI = "\u202eabc\u2066d\u2067e\u2068f\u2069"
C1 = "\x9b31m\x9d0;t\x9c"
HOSTILE = (
    f"Clip {CLIPBOARD} title {TITLE} reset {RESET} alt {LEAVE_ALT_SCREEN} "
    f"link {LINK} bidi {BIDI} c1 {C1} end 20"
)
FORBIDDEN = set("\x1b\x07\x9b\x9c\x9d\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def test_restore_gives_back_untouched_controls_and_keeps_typed_text():
    shown = visible(HOSTILE)
    assert not FORBIDDEN & set(shown) and len(shown) == len(HOSTILE)
    assert restore(HOSTILE, shown) == HOSTILE
    assert restore(HOSTILE, shown + " ok") == HOSTILE + " ok"
    assert restore(HOSTILE, "¿" + shown) == "¿" + HOSTILE, "a typed ¿ stays a ¿"
    middle = shown.replace("reset", "RESET")
    assert restore(HOSTILE, middle) == HOSTILE.replace("reset", "RESET")
    cut = shown.replace(visible(TITLE), "")
    assert restore(HOSTILE, cut) == HOSTILE.replace(TITLE, ""), "deleted controls go"
    assert restore("plain", "plain text") == "plain text"
    assert restore("a\x1bb", "a␛b␛") == "a\x1bb␛", "a symbol typed anew is kept as typed"


@pytest.fixture
def hostile(tmp_path):
    return write_docset(
        tmp_path / "hostile",
        {
            "en.txt": f"First paragraph 10.\n\n{HOSTILE}\n",
            "ru.txt": "Первый абзац 10.\n\nВторой абзац 20.\n",
        },
    )


def rendered(widget) -> str:
    return "\n".join(
        "".join(segment.text for segment in widget.render_line(y))
        for y in range(widget.size.height)
    )


async def test_the_editor_shows_controls_as_symbols_and_keeps_them_on_save(hostile):
    app = ReviewApp(hostile)
    async with app.run_test(size=SIZE) as pilot:
        grid = await opened(app, pilot)
        await pilot.press("j")
        row = grid.current
        assert app.session.cell_text(row, "en") == HOSTILE
        await pilot.press("e")
        await pilot.pause()
        modal = app.screen
        assert isinstance(modal, EditModal)
        editor = modal.query_one("#editor")
        assert editor.text == visible(HOSTILE)
        assert not FORBIDDEN & set(editor.document.text)
        screen = (
            rendered(editor)
            + rendered(modal.query_one("#edit-title"))
            + "".join(rendered(hint) for hint in modal.query(".hint"))
        )
        assert "␛]52;c;SGVsbG8=" in screen and "pwned" in screen
        assert not FORBIDDEN & set(screen), "nothing from the cell reaches the terminal raw"

        await pilot.press("ctrl+s")  # untouched: nothing to save
        await pilot.pause()
        assert not isinstance(app.screen, EditModal)
        assert app.session.cell_text(row, "en") == HOSTILE
        assert app.session.row_status(row, "en") == "unreviewed"

        await pilot.press("e")
        app.screen.query_one("#editor").text = "¿" + visible(HOSTILE) + " checked"
        await pilot.press("ctrl+s")
        await pilot.pause()
        saved = po_entry(hostile, "en", app.session.row_id(row)).msgstr
        assert saved == "¿" + HOSTILE + " checked", "every untouched control kept"


async def test_notifications_and_the_scores_screen_show_text_literally(hostile):
    app = ReviewApp(hostile)
    async with app.run_test(size=SIZE) as pilot:
        await opened(app, pilot)
        app._say(f"row {TITLE} [b]x[/b]", title=CLIPBOARD)
        await pilot.pause()
        last = (
            app._notifications[-1]
            if hasattr(app._notifications, "__getitem__")
            else list(app._notifications)[-1]
        )
        assert not FORBIDDEN & set(last.message + last.title)
        assert "[b]x[/b]" in last.message
        await pilot.press("S")
        await opened(app, pilot)
        table = str(app.screen.query_one("#scores-table").render())
        assert not FORBIDDEN & set(table)


def test_line_separators_survive_the_text_area():
    """Textual's text area reads U+2028/U+2029 (and C0/C1 breaks) as line breaks and gives
    them back as "\\n": the editor shows them as symbols, so an untouched one survives."""
    from textual.document._document import Document

    from tui.screens.edit import shown

    reference = "one\u2028two\u2029three\x85four\x0bfive\x0csix\x1cseven\r\neight"
    through = Document(shown(reference)).text
    assert through.count("\n") == 1, "only the real line break is one in the editor"
    assert restore(reference, through) == reference
    assert restore(reference, through + "!") == reference + "!"
