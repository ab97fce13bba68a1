"""ReviewApp: the review UI. Rows of aligned versions, flags, fixes saved at once.

The app is thin: a ``ReviewSession`` from the core does the work (alignment, checks, the PO
store); the app loads it in a thread worker, shows it through ``GridView`` and turns keys into
session calls. Every change is saved by the session before the screen updates.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual import work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import Static
from textual.worker import Worker, WorkerState

from aligner import parallel
from aligner.errors import AlignerError
from aligner.review.recovery import ReviewBusyError
from aligner.review.safe_files import ReviewConflictError
from aligner.review.session import FILTERS, ReviewSession, open_rows

from .commands import ReviewCommands
from .disk_watch import DiskWatch
from .find import Hit
from .messages import ColumnsChanged, CursorMoved, LoadProgress
from .navigation import Navigation
from .safe_text import labelled, visible
from .screens.edit import EditModal, EditPlace, SaveFailure
from .screens.help import HelpScreen
from .screens.prompt import PromptModal
from .screens.scores import ScoresScreen
from .widgets.content_box import ContentBox
from .widgets.flag_panel import FlagPanel, insertable
from .widgets.grid import GridView
from .widgets.key_bar import KeyBar
from .widgets.status_bar import StatusBar

CHECKING = "; checking…"  # shown after the save state while the checks run again
SessionFactory = Callable[[Path, Callable[[str, float], None]], ReviewSession]


class ReviewApp(DiskWatch, Navigation, App[None]):
    """Review a document set: four versions side by side, flags, fixes, approvals."""

    TITLE = "aligner"
    CSS_PATH = "aligner.tcss"
    COMMANDS = App.COMMANDS | {ReviewCommands}
    BINDINGS = [
        Binding("j,down", "next_row", "Next row", id="row.next", show=False),
        Binding("k,up", "previous_row", "Previous row", id="row.previous", show=False),
        Binding("tab", "next_language", "Next language", id="lang.next", priority=True, show=False),
        Binding(
            "shift+tab",
            "previous_language",
            "Previous language",
            id="lang.previous",
            priority=True,
            show=False,
        ),
        Binding("n", "next_flag", "Next flag", id="flag.next"),
        Binding("N", "previous_flag", "Previous flag", id="flag.previous", show=False),
        Binding("e", "edit_cell", "Edit", id="cell.edit"),
        Binding("r", "apply_suggestion", "Apply suggestion", id="cell.suggest"),
        Binding("a", "approve_cell", "Approve", id="cell.approve"),
        Binding(
            "A,ctrl+j",
            "approve_next",
            "Approve and go to the next row to review",
            id="cell.approve_next",
            key_display="A",
            show=False,
        ),
        Binding(
            "x", "accept_flag", "The ▶ flag is an error (accept)", id="flag.accept", show=False
        ),
        Binding(
            "X",
            "accept_flag_why",
            "Accept the ▶ flag, with a reason",
            id="flag.accept_why",
            show=False,
        ),
        Binding(
            "d",
            "dismiss_flag",
            "The ▶ flag is not an error (dismiss)",
            id="flag.dismiss",
            show=False,
        ),
        Binding(
            "D",
            "dismiss_flag_why",
            "Dismiss the ▶ flag, with a reason",
            id="flag.dismiss_why",
            show=False,
        ),
        Binding(
            "number_sign",
            "note",
            "Note for the translator",
            id="cell.note",
            key_display="#",
            show=False,
        ),
        Binding("u", "undo", "Undo", id="undo"),
        Binding("U,ctrl+y", "redo", "Redo", id="redo", key_display="U", show=False),
        Binding("slash", "search", "Search", id="search", key_display="/"),
        Binding("f", "cycle_filter", "Filter", id="filter"),
        Binding(
            "right_square_bracket",
            "next_hit",
            "Next search match",
            id="search.next",
            key_display="]",
            show=False,
        ),
        Binding(
            "left_square_bracket",
            "previous_hit",
            "Previous search match",
            id="search.previous",
            key_display="[",
            show=False,
        ),
        Binding(
            "percent_sign",
            "replace",
            "Find and replace in the focused language",
            id="replace",
            key_display="%",
            show=False,
        ),
        Binding(
            "F", "choose_filter", "Filter by check or severity", id="filter.choose", show=False
        ),
        Binding(
            "K",
            "move_paragraph_up",
            "Move first paragraph to previous row",
            id="paragraph.up",
            show=False,
        ),
        Binding(
            "J",
            "move_paragraph_down",
            "Move last paragraph to next row",
            id="paragraph.down",
            show=False,
        ),
        Binding("m", "merge_rows", "Merge with next row", id="row.merge", show=False),
        Binding("s", "split_row", "Split row", id="row.split", show=False),
        Binding("z", "toggle_compact", "Compact view", id="view.compact", show=False),
        Binding("c", "toggle_column", "Hide/show focused column", id="view.column", show=False),
        Binding("C", "show_all_columns", "Show all columns", id="view.all_columns", show=False),
        Binding("pagedown", "page_down", "Page down", id="row.page_down", show=False),
        Binding("pageup", "page_up", "Page up", id="row.page_up", show=False),
        Binding("g,home", "first_row", "First row", id="row.first", show=False),
        Binding("G,end", "last_row", "Last row", id="row.last", show=False),
        Binding("S", "scores", "Scores", id="scores"),
        Binding("question_mark,f1", "help", "Help", id="help", key_display="?"),
        Binding("q", "quit", "Quit", id="quit"),
    ]

    def __init__(self, docset_path: Path, session_factory: SessionFactory | None = None) -> None:
        super().__init__()
        self.docset_path = Path(docset_path)
        self._factory: SessionFactory = session_factory or open_rows
        parallel.share_with_caller()  # the loading thread works too: one worker process fewer
        self.session: ReviewSession | None = None
        self.filter_name = FILTERS[0]
        self.compact = False
        self.search_query = ""
        self.save_state = "loading…"
        self.spot: tuple[int, str, int] | None = None  # (row, lang, index) of the focused spot
        self._disk_timer = None
        self._disk_problem = ""  # the review-file read error last shown (shown once)
        self.search_hit: Hit | None = None  # the match ] and [ move from
        self.notice: tuple[str, int, str] | None = None  # (text, row, lang): shown there only
        self._pending_jump: bool | None = None  # n/N pressed while the checks ran: forward?
        # after r or a decision: (row, lang, offset) from which ▶ moves on once the checks
        # have run again on the fixed cell
        self._advance: tuple[int, str, int] | None = None
        self._redo: list = []  # what u took back, newest last (U / ctrl+y puts it back)
        self._history: list[tuple[int, str]] = []  # the cells this app changed, newest last

    # --- layout ----------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Static(id="title-bar", markup=False)
        yield ContentBox(id="column-header")
        yield Static("Loading…", id="loading", markup=False)
        yield FlagPanel(id="flags")
        yield StatusBar(id="status")
        yield KeyBar(self.BINDINGS, id="keys")

    def on_mount(self) -> None:
        self.query_one("#title-bar", Static).update(
            labelled("[b]aligner[/b]  $path", path=self.docset_path.name)
        )
        self.load_session()

    @work(thread=True, exclusive=True, exit_on_error=False, group="load")
    def load_session(self) -> ReviewSession:
        """Open the docset, align it, run the checks and open the review store (in a thread)."""

        def progress(stage: str, fraction: float) -> None:
            self.post_message(LoadProgress(stage, fraction))

        return self._factory(self.docset_path, progress)

    @work(thread=True, exclusive=True, exit_on_error=False, group="finish")
    def finish_loading(self) -> None:
        """Open the review files, then run the checks, after the first screen is drawn."""

        def progress(stage: str, fraction: float) -> None:
            self.post_message(LoadProgress(stage, fraction))

        session = self.session
        failure: AlignerError | None = None
        if session.provisional:
            session.align_fully(progress)
            self.call_from_thread(self._rows_changed)
        if not session.editable:
            try:
                session.open_store(progress)
            except AlignerError as error:  # e.g. a malformed review file: shown, never touched
                failure = error
            else:
                self.call_from_thread(self._store_opened)
        if not session.checked:
            session.run_checks(progress)
        self.call_from_thread(self._loaded)
        if failure is not None:
            self.call_from_thread(self._fail, failure)

    def _rows_changed(self) -> None:
        """The full alignment replaced the preview: the same place, every row."""
        grid = self.grid
        grid.set_rows(self._filter_rows(), grid.current)
        self._refresh_chrome()

    def _loaded(self) -> None:
        self.save_state = "saved"
        self._rechecked()
        if self.session.editable:
            self._watch_disk()

    def on_load_progress(self, message: LoadProgress) -> None:
        if self.session is None:
            self.query_one("#loading", Static).update(
                Content(f"{message.stage}… {message.fraction:.0%}")
            )
        else:
            self.save_state = f"{message.stage} {message.fraction:.0%}…"
            self._refresh_chrome()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group == "finish" and event.state == WorkerState.ERROR:
            self._fail(event.worker.error)
            return
        if event.worker.group != "load":
            return
        if event.state == WorkerState.SUCCESS:
            self._install(event.worker.result)
        elif event.state == WorkerState.ERROR:
            error = event.worker.error
            text = (
                str(error)
                if isinstance(error, AlignerError)
                else f"{type(error).__name__}: {error}"
            )
            self.query_one("#loading", Static).update(
                labelled("[b $error]error:[/] $text", text=text)
            )
            self._say(text, title="Cannot open the document set", severity="error", timeout=30)

    def _install(self, session: ReviewSession) -> None:
        self.session = session
        self.save_state = (
            "first rows shown; aligning the rest…"
            if session.provisional
            else "saved"
            if session.editable and session.checked
            else "opening…"
        )
        grid = GridView(session, session.languages, id="grid")
        loading = self.query_one("#loading", Static)
        self.mount(grid, before=loading)
        loading.remove()
        title, folder = session.title, session.path.name
        self.query_one("#title-bar", Static).update(  # a docset without a title: its folder once
            labelled("[b]$title[/b]  [dim]$path[/dim]", title=title, path=folder)
            if title != folder
            else labelled("[b]$title[/b]", title=title)
        )
        grid.cursor_lang = session.languages[0]
        grid.focus()
        self.call_after_refresh(self._refresh_chrome)
        if not (session.editable and session.checked):
            self.finish_loading()
        else:
            self._watch_disk()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Tab and shift+tab move the grid's language only on the main screen: an editor or
        a dialog on top keeps them (for itself or for its own fields)."""
        if (
            action in ("next_language", "previous_language")
            and len(self.screen_stack) > 1
            and self.screen is not self.screen_stack[0]
        ):
            return False
        return True

    # --- helpers ---------------------------------------------------------------------------

    @property
    def grid(self) -> GridView:
        return self._main.query_one(GridView)

    def _has_session(self) -> bool:
        return self.session is not None and bool(self._main.query(GridView))

    @property
    def _main(self):
        """The main screen (grid, panel, status bar), also while a modal is on top of it."""
        return self.screen_stack[0]

    def _refresh_chrome(self) -> None:
        """Column header, flag panel and status bar for the focused row."""
        if not self._has_session():
            return
        session, grid = self.session, self.grid
        header = [("      ", "")]
        for lang, width in zip(grid.languages, grid.column_widths()):
            name = f" {visible(lang)} " + ("(source)" if lang == session.source else "")
            style = "bold reverse" if lang == grid.cursor_lang else "bold"
            header.append((name[:width].ljust(width), style))
            header.append(("│", "dim"))
        self._main.query_one("#column-header", ContentBox).set_content(Content.assemble(*header))
        row = grid.current
        lang = grid.cursor_lang
        panel = self._main.query_one(FlagPanel)
        if row is None:
            panel.show_flags("", lang, [], extra=Content("No rows match the filter."))
        else:
            extra = None
            if self.compact:
                extra = labelled(
                    "[b]$id $lang[/b] $text",
                    id=session.row_id(row),
                    lang=lang,
                    text=session.cell_text(row, lang),
                )
            panel.show_flags(
                session.row_id(row),
                lang,
                session.open_flags(row),
                extra,
                self._focused_flag(),
                self._spot_texts(row, lang),
                self._decided(row),
                self._note(row, lang),
            )
        reviewed, total, open_flags = session.progress(lang)
        notice = self.notice[0] if self.notice and self.notice[1:] == (row, lang) else ""
        self._main.query_one(StatusBar).show(
            session.title,
            lang,
            reviewed,
            total,
            open_flags,
            self.save_state,
            self.filter_name,
            notice,
        )

    def on_cursor_moved(self, message: CursorMoved) -> None:
        if (
            self._advance is not None
            and self._has_session()
            and self._advance[:2] != (self.grid.current, self.grid.cursor_lang)
        ):
            self._advance = None  # the reviewer went elsewhere: ▶ does not pull them back
        self._refresh_chrome()

    def on_columns_changed(self, message: ColumnsChanged) -> None:
        self._refresh_chrome()

    def _changed(
        self,
        row: int,
        what: str,
        recheck: bool = False,
        logged: bool = True,
        keep_redo: bool = False,
    ) -> None:
        if logged:  # the cells changed, newest last: what u will take back (for redo)
            self._history.append((row, self.grid.cursor_lang))
        if not keep_redo:
            self._redo.clear()
        self.save_state = f"saved {what}" + (CHECKING if recheck else "")
        self.grid.row_changed(row)
        self._refresh_chrome()
        if recheck:
            self.recheck()

    @work(thread=True, exclusive=True, exit_on_error=False, group="check")
    def recheck(self) -> None:
        """Run the checks again on the fixed texts, then redraw (in a thread)."""
        if self.session.recheck():
            self.call_from_thread(self._rechecked)

    def _store_opened(self) -> None:
        if self._has_session():
            self.grid.refresh_all(texts_changed=True)  # fixes now show: heights may differ
            self._refresh_chrome()

    def _rechecked(self) -> None:
        self.save_state = self.save_state.removesuffix(CHECKING)
        if self._has_session():
            self.grid.refresh_all()
            if self._advance is not None:
                self._move_on(*self._advance, wait=False)
            self._refresh_chrome()
            self._jump_when_checked()

    def _fail(self, error: Exception, notify: bool = True) -> None:
        self.save_state = (
            "NOT SAVED" if self.session and self.session.editable else "review files not open"
        )
        if notify:
            self._say(str(error), title="Not saved", severity="error", timeout=20)
        self._show_outside_changes()
        self._refresh_chrome()

    def _say(
        self,
        message: str,
        title: str = "",
        severity: str = "information",
        timeout: float | None = None,
    ) -> None:
        """A notification; its text (which may quote a document or a file name) shown
        literally, every control character as a visible symbol."""
        self.notify(
            visible(message), title=visible(title), severity=severity, markup=False, timeout=timeout
        )

    # --- actions: moving -------------------------------------------------------------------

    def action_next_row(self) -> None:
        if self._has_session():
            self.grid.cursor_row += 1

    def action_previous_row(self) -> None:
        if self._has_session():
            self.grid.cursor_row -= 1

    def action_page_down(self) -> None:
        if self._has_session():
            self.grid.cursor_row += 10

    def action_page_up(self) -> None:
        if self._has_session():
            self.grid.cursor_row -= 10

    def action_first_row(self) -> None:
        if self._has_session():
            self.grid.cursor_row = 0

    def action_last_row(self) -> None:
        if self._has_session():
            self.grid.cursor_row = len(self.grid.order) - 1

    def action_next_language(self) -> None:
        if self._has_session():
            self.grid.move_language(1)

    def action_previous_language(self) -> None:
        if self._has_session():
            self.grid.move_language(-1)

    def action_next_flag(self) -> None:
        self._jump_flag(forward=True)

    def action_previous_flag(self) -> None:
        self._jump_flag(forward=False)

    def _jump_flag(self, forward: bool) -> None:
        """Next / previous flagged spot: inside the focused cell first, then the next cell."""
        if not self._has_session():
            return
        grid, session = self.grid, self.session
        row, lang = grid.current or 0, grid.cursor_lang
        spots = self._open_spots(row, lang)
        index = self._spot_index()
        if index is not None and spots:
            target = index + (1 if forward else -1)
            if 0 <= target < len(spots):
                self._focus_spot(row, lang, target)
                return
        elif spots and forward:
            self._focus_spot(row, lang, 0)  # arrived by j/k on a flagged cell: its first spot
            return
        found = session.next_flag(row, lang, forward, grid.order)
        if found is None:
            self._no_flag_found(forward)
            return
        row, lang = found
        count = len(self._open_spots(row, lang))
        self._focus_spot(row, lang, 0 if forward else max(0, count - 1))

    def _spot_index(self) -> int | None:
        """Index of the focused spot when it belongs to the focused cell."""
        if self.spot is None or not self._has_session():
            return None
        row, lang, index = self.spot
        if (row, lang) != (self.grid.current, self.grid.cursor_lang):
            return None
        return index

    def _focus_spot(self, row: int, lang: str, index: int) -> None:
        self.spot = (row, lang, index)
        grid = self.grid
        spots = self._open_spots(row, lang)
        grid.current_spot = (row, lang, *spots[index][:2]) if index < len(spots) else None
        grid.cursor_lang = lang
        grid.focus_row(row)
        grid.row_changed(row)
        self._refresh_chrome()

    def _focused_flag(self):
        """The flag ▶ marks: the focused spot's, else the focused cell's first."""
        target = self._target_spot()
        return target[3] if target is not None else None

    def _target_spot(self) -> tuple[int, int, int, object] | None:
        """(index, start, end, flag) of the spot ▶ marks in the focused cell: the focused
        spot, else the cell's first (what r, x and d act on)."""
        if not self._has_session() or self.grid.current is None:
            return None
        spots = self._open_spots(self.grid.current, self.grid.cursor_lang)
        if not spots:
            return None
        index = self._spot_index()
        index = index if index is not None and index < len(spots) else 0
        return (index, *spots[index])

    def _open_spots(self, row: int, lang: str) -> list:
        """The cell's spots (start, end, flag) no reviewer decision covers, in text order:
        what ▶, n / N, r, x and d go through."""
        session = self.session
        return [
            spot
            for spot in session.spots(row, lang)
            if session.decision(row, lang, spot[2]) is None
        ]

    def _spot_texts(self, row: int, lang: str) -> dict[int, str]:
        """The flagged text of each spot of the cell, by ``id(flag)`` (for the panel)."""
        text = self.session.cell_text(row, lang)
        return {id(flag): text[start:end] for start, end, flag in self._open_spots(row, lang)}

    def _note(self, row: int, lang: str) -> str:
        """The cell's reviewer note ("" when none, or the review files are not open)."""
        if not self.session.editable or lang not in self.session.store.languages:
            return ""
        return self.session.store.get(self.session.row_id(row), lang).note

    def _decided(self, row: int) -> list[tuple[object, str, str]]:
        """(flag, verdict, reason) of the row's decided flags, for the panel."""
        found = []
        for flag in self.session.flags(row):
            decision = self.session.decision(row, flag.lang, flag)
            if decision is not None:
                found.append((flag, decision.verdict, decision.reason))
        return found

    def _checks_running(self) -> bool:
        return any(
            worker.group in ("check", "finish") and worker.is_running for worker in self.workers
        )

    def _move_on(self, row: int, lang: str, offset: int, wait: bool) -> None:
        """▶ to the next open spot after ``offset`` of the cell, else the next flagged cell;
        ``wait``: the cell's flags come back after the checks run again, decide then."""
        if wait:
            self._advance = (row, lang, offset)
            return
        self._advance = None
        session = self.session
        for index, (start, _, _) in enumerate(self._open_spots(row, lang)):
            if start >= offset:
                self._focus_spot(row, lang, index)
                return
        found = session.next_flag(row, lang, True, self.grid.order)
        if found is None or (found == (row, lang) and not self._open_spots(row, lang)):
            self.spot = None
            self.grid.current_spot = None
            self.grid.row_changed(row)
            self._say("No open flags left.")
            return
        self._focus_spot(*found, 0)

    # --- actions: changing -----------------------------------------------------------------

    def action_edit_cell(self) -> None:
        if not self._has_session() or self.grid.current is None:
            return
        row, lang = self.grid.current, self.grid.cursor_lang
        target = self._target_spot()
        place = EditPlace()
        if target is not None:
            _, start, end, flag = target
            place = EditPlace((start, end), insert=flag.expected if flag.expected else None)
        self._open_editor(row, lang, place)

    def _open_editor(self, row: int, lang: str, place: EditPlace) -> None:
        """The editor on (row, lang), with the row's other versions above it."""
        session = self.session
        if not session.editable:  # refuse now, not after the reviewer has typed the fix
            self.notify(
                "Cannot edit yet: "
                + (
                    "the rest of the document is being aligned"
                    if session.provisional
                    else "the review files are opening"
                )
                + "; try again in a moment.",
                severity="warning",
                markup=False,
            )
            return
        self._check_disk()  # the editor opens on what is on disk now, never on stale text
        title = f"{session.row_id(row)} · {lang} · ctrl+s keeps the fix, escape cancels"
        kept: dict[str, Path] = {}  # recovery files of this edit, by the text they hold
        spots = tuple((start, end) for start, end, _ in self._open_spots(row, lang))
        place = EditPlace(place.select, place.spots or spots, place.insert, place.hint)
        versions = tuple(
            (other, session.cell_text(row, other)) for other in session.languages if other != lang
        )
        versions += ((f"{lang} original", session.original_text(row, lang)),)

        def keep(text: str) -> tuple[Path | None, str]:
            if text in kept:
                return kept[text], ""
            try:
                kept[text] = session.keep_unsaved(row, lang, text)
            except Exception as error:  # noqa: BLE001 - the editor keeps the text anyway
                return None, getattr(error, "strerror", None) or str(error)
            return kept[text], ""

        def save(text: str, expect: str, approve: bool = False) -> SaveFailure | None:
            changes = 0
            try:
                if text != expect or session.cell_text(row, lang) != expect:
                    session.set_fix(row, lang, text, expect=expect)
                    changes += 1
                if approve and session.row_status(row, lang) != "approved":
                    session.toggle_approved(row, lang)
                    changes += 1
            except Exception as error:  # noqa: BLE001 - whatever failed, the typed text stays
                self._fail(error, notify=False)
                current = None
                if isinstance(error, ReviewConflictError):
                    try:
                        current = session.cell_text(row, lang)
                    except AlignerError:
                        current = None
                path, why = keep(text)
                message = (
                    str(error)
                    if isinstance(error, AlignerError)
                    else f"{type(error).__name__}: {error}"
                )
                return SaveFailure(
                    message, current, path, why, retry=isinstance(error, ReviewBusyError)
                )
            for path in kept.values():  # saved now: the recovery files have done their job
                path.unlink(missing_ok=True)
            kept.clear()
            if not changes:  # the text as it was: say so rather than claim a save
                self.save_state = f"unchanged {session.row_id(row)} {lang}"
                self._refresh_chrome()
                return None
            what = "fix and approval" if approve else "fix"
            self._history += [(row, lang)] * (changes - 1)  # one u takes back one of them
            self._changed(row, f"{what} {session.row_id(row)} {lang}", recheck=True)
            self._show_outside_changes()
            if approve:
                self._next_to_review(row, lang)
            return None

        def closed(unsaved: str | None) -> None:
            if unsaved is None:
                return
            path, why = keep(unsaved)
            where = (
                f"kept in {path}"
                if path is not None
                else f"LOST: no recovery file could be written ({why})"
            )
            self._say(
                f"Your unsaved text of {session.row_id(row)} {lang} is {where}.",
                title="Not saved",
                severity="error",
                timeout=30,
            )

        self.push_screen(
            EditModal(
                title,
                session.cell_text(row, lang),
                session.original_text(row, lang),
                save,
                (row, lang),
                versions,
                place,
            ),
            closed,
        )

    def action_apply_suggestion(self) -> None:
        """Apply the suggestion of the flag ▶ marks, and only it, then ▶ to the next spot."""
        if not self._has_session() or self.grid.current is None:
            return
        row, lang = self.grid.current, self.grid.cursor_lang
        session = self.session
        target = self._target_spot()
        if target is None:
            self.notify(
                "The checks are running again on this cell; r works when its flags are back."
                if self._checks_running() and session.row_status(row, lang) == "fixed"
                else "No flag in this cell (n goes to the next one).",
                markup=False,
            )
            return
        index, start, end, flag = target
        if flag.expected is None:
            self.notify("This flag has no suggestion: e edits the cell.", markup=False)
            return
        if start == end and not insertable(flag):  # the paragraph lacks it: where, unknown
            hint = (
                f"“{flag.expected.strip()}” is missing from this paragraph ({flag.message})."
                " Put the cursor where it belongs and press ctrl+t to insert it."
            )
            self._open_editor(row, lang, EditPlace((start, end), insert=flag.expected, hint=hint))
            return
        text = session.cell_text(row, lang)
        if not 0 <= start <= end <= len(text):
            self.notify("This flag no longer points into the text; e edits the cell.", markup=False)
            return
        others = len(self._open_spots(row, lang)) > 1  # their flags come back after the checks
        try:
            session.set_fix(row, lang, text[:start] + flag.expected + text[end:], expect=text)
        except AlignerError as error:
            self._fail(error)
            return
        self._changed(row, f"{flag.check} fix {session.row_id(row)} {lang}", recheck=True)
        if others:
            self._move_on(row, lang, start + len(flag.expected), wait=True)
        else:
            self._move_on(row, lang, len(session.cell_text(row, lang)) + 1, wait=False)

    def action_approve_cell(self) -> None:
        if not self._has_session() or self.grid.current is None:
            return
        row, lang = self.grid.current, self.grid.cursor_lang
        try:
            approved = self.session.toggle_approved(row, lang)
        except AlignerError as error:
            self._fail(error)
            return
        self._changed(
            row, f"{'approved' if approved else 'unapproved'} {self.session.row_id(row)} {lang}"
        )

    def _next_to_review(self, row: int, lang: str) -> None:
        """Focus the next row (in the grid's order, wrapping) not approved in ``lang``, on
        its first open spot when it has one."""
        session, order = self.session, self.grid.order
        if not order:
            return
        here = order.index(row) if row in order else -1
        for step in range(1, len(order) + 1):
            candidate = order[(here + step) % len(order)]
            if session.row_status(candidate, lang) != "approved":
                if self._open_spots(candidate, lang):
                    self._focus_spot(candidate, lang, 0)
                else:
                    self.spot = None
                    self.grid.current_spot = None
                    self.grid.cursor_lang = lang
                    self.grid.focus_row(candidate)
                    self._refresh_chrome()
                return
        self._say(f"Every row of {lang} is approved.")

    def action_approve_next(self) -> None:
        """Approve the focused cell (if it is not yet) and go to the next one to review."""
        if not self._has_session() or self.grid.current is None:
            return
        row, lang = self.grid.current, self.grid.cursor_lang
        if self.session.row_status(row, lang) != "approved":
            try:
                self.session.toggle_approved(row, lang)
            except AlignerError as error:
                self._fail(error)
                return
            self._changed(row, f"approved {self.session.row_id(row)} {lang}")
        self._next_to_review(row, lang)

    # --- actions: flag decisions and notes -----------------------------------------------

    def action_accept_flag(self) -> None:
        self._decide("accepted", ask=False)

    def action_accept_flag_why(self) -> None:
        self._decide("accepted", ask=True)

    def action_dismiss_flag(self) -> None:
        self._decide("dismissed", ask=False)

    def action_dismiss_flag_why(self) -> None:
        self._decide("dismissed", ask=True)

    def _decide(self, verdict: str, ask: bool) -> None:
        """Record the reviewer's verdict on the ▶ flag (saved in the review file), then ▶ to
        the next open spot; ``ask``: first a one-line reason."""
        if not self._has_session() or self.grid.current is None:
            return
        row, lang = self.grid.current, self.grid.cursor_lang
        target = self._target_spot()
        if target is None:
            self.notify("No open flag in this cell (n goes to the next one).", markup=False)
            return
        _, start, _, flag = target
        word = "an error" if verdict == "accepted" else "not an error"

        def decide(reason: str | None) -> None:
            if reason is None:
                return
            try:
                self.session.decide(row, lang, flag, verdict, reason.strip())
            except AlignerError as error:
                self._fail(error)
                return
            self._changed(row, f"{flag.check} {self.session.row_id(row)} {lang}: {word}")
            self._move_on(row, lang, start, wait=False)

        if ask:
            self.push_screen(
                PromptModal(
                    f"{self.session.row_id(row)} {lang} · {flag.check} is {word}: why? (optional)"
                ),
                decide,
            )
        else:
            decide("")

    def action_note(self) -> None:
        """Write the cell's reviewer note (a translator comment in the PO file)."""
        if not self._has_session() or self.grid.current is None:
            return
        row, lang = self.grid.current, self.grid.cursor_lang
        session = self.session
        if not session.editable:
            self.notify("The review files are still opening; try again in a moment.", markup=False)
            return
        current = self._cell_state(row, lang)[4]
        shown = current.replace("\n", " ")

        def keep(note: str | None) -> None:
            if note is None or note == shown:
                return
            try:
                self._store_note(row, lang, note.strip())
            except AlignerError as error:
                self._fail(error)
                return
            self._changed(row, f"note {session.row_id(row)} {lang}")

        self.push_screen(
            PromptModal(
                f"{session.row_id(row)} {lang} · note for the translator (empty removes it)", shown
            ),
            keep,
        )

    def _store_note(self, row: int, lang: str, note: str) -> None:
        """Save the cell's note through the store (ReviewSession has no set_note): other
        programs' saves are taken in first and shown after, as for every change; a note
        changes no text or status the session shows, and u takes it back like any change."""
        session = self.session
        session.refresh_from_disk()
        session.store.set_note(session.row_id(row), lang, note)
        session.refresh_from_disk()
        self._show_outside_changes()

    def action_undo(self) -> None:
        if not self._has_session():
            return
        before = self._cell_state(*self._history[-1]) if self._history else None
        try:
            undone = self.session.undo()
        except AlignerError as error:
            self._fail(error)
            return
        if undone is None:
            self.notify("Nothing to undo.", markup=False)
            return
        row, lang = undone
        if before is not None and before[:2] == (row, lang):
            self._redo.append(before)
        self.grid.cursor_lang = lang
        self.grid.focus_row(row)
        self._changed(
            row,
            f"undo {self.session.row_id(row)} {lang}",
            recheck=True,
            logged=False,
            keep_redo=True,
        )
        if self._history and self._history[-1] == (row, lang):
            self._history.pop()

    def _cell_state(self, row: int, lang: str) -> tuple:
        """(row, lang, text, approved, note, decisions): what redo puts back after an undo."""
        review = self.session.store.get(self.session.row_id(row), lang)
        return row, lang, review.text, review.approved, review.note, review.decisions

    def _restore_decisions(self, row: int, lang: str, wanted: tuple) -> None:
        """Decide / undecide the cell's flags until its decisions are ``wanted``'s."""
        session = self.session
        for flag in session.flags(row):
            if flag.lang != lang:
                continue
            spot = session.flag_spot(row, lang, flag)
            want = next((d for d in wanted if d.matches(flag, spot)), None)
            have = session.decision(row, lang, flag)
            if want is not None and (
                have is None or (have.verdict, have.reason) != (want.verdict, want.reason)
            ):
                session.decide(row, lang, flag, want.verdict, want.reason)
            elif want is None and have is not None:
                session.undecide(row, lang, flag)

    def action_redo(self) -> None:
        """Put back what the last u took back (the cell's text, approval, note, decisions)."""
        if not self._has_session():
            return
        if not self._redo:
            self.notify("Nothing to redo.", markup=False)
            return
        row, lang, text, approved, note, decisions = self._redo.pop()
        session = self.session
        try:
            if session.cell_text(row, lang) != text:
                session.set_fix(row, lang, text)
            if (session.row_status(row, lang) == "approved") != approved:
                session.toggle_approved(row, lang)
            if note != self._cell_state(row, lang)[4]:
                self._store_note(row, lang, note)
            if decisions != self._cell_state(row, lang)[5]:
                self._restore_decisions(row, lang, decisions)
        except AlignerError as error:
            self._fail(error)
            return
        self.grid.cursor_lang = lang
        self.grid.focus_row(row)
        self._changed(row, f"redo {session.row_id(row)} {lang}", recheck=True, keep_redo=True)

    def action_merge_rows(self) -> None:
        self._realign("merge")

    def action_split_row(self) -> None:
        self._realign("split")

    def _realign(self, how: str) -> None:
        if not self._has_session() or self.grid.current is None:
            return
        row = self.grid.current
        try:
            focus = self.session.merge_with_next(row) if how == "merge" else self.session.split(row)
        except AlignerError as error:
            self._say(str(error), severity="warning")
            return
        self.grid.set_rows(self._filter_rows(), focus)
        self.save_state = f"saved {how} (alignment.tsv)"
        self._refresh_chrome()

    # --- actions: view ---------------------------------------------------------------------

    def action_toggle_compact(self) -> None:
        self.compact = not self.compact
        self.set_class(self.compact, "compact")
        if self._has_session():
            self.grid.set_compact(self.compact)
        self._refresh_chrome()

    def action_toggle_column(self) -> None:
        if not self._has_session():
            return
        grid = self.grid
        if len(grid.languages) <= 1:
            self.notify("The last column cannot be hidden.", markup=False)
            return
        hidden = grid.cursor_lang
        grid.set_languages([lang for lang in grid.languages if lang != hidden])
        self._say(f"Hid {hidden}; C shows all columns.")
        self._refresh_chrome()

    def action_show_all_columns(self) -> None:
        if self._has_session():
            self.grid.set_languages(self.session.languages)
            self._refresh_chrome()

    def action_scores(self) -> None:
        if not self._has_session():
            return

        def jump(row_id: str | None) -> None:
            if row_id is not None:
                self.grid.focus_row(self.session.row_index(row_id))

        self.push_screen(ScoresScreen(self.session, self.grid.cursor_lang), jump)

    def action_help(self) -> None:
        self.push_screen(
            HelpScreen([b for b in self.BINDINGS if isinstance(b, Binding)], EditModal.BINDINGS)
        )
