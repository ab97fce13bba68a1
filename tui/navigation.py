"""Navigation: ReviewApp's search, find-and-replace, filters, paragraph moves, and n/N while
the checks still run.

Search keeps the reviewer in the column they work on: ``/`` and ``]``/``[`` go to the next
match of the focused language; only when that language has none do they move to another,
and the status bar says so on that cell. Replacing works on one language and saves each
accepted change as an ordinary fix (undoable with ``u``). Mixed into ``ReviewApp`` (it uses
its session, grid, status and notifications).
"""

from __future__ import annotations

from textual.content import Content
from textual.worker import WorkerState

from aligner.errors import AlignerError

from .filters import filter_choices, filter_rows, next_core_filter
from .find import Change, Hit, ReplaceRun, context, find_hits, next_hit, plan_replacements
from .safe_text import visible
from .screens.filter import FilterModal
from .screens.replace import ReplaceModal, ReplacePreviewModal
from .screens.search import SearchModal

CHECK_WORKERS = ("finish", "check")  # worker groups that (re)compute the flags


class Navigation:
    """ReviewApp's methods for finding, filtering and moving paragraphs."""

    _checks_done = False  # set while the n/N that waited for the checks runs

    # --- search ----------------------------------------------------------------------------

    def action_search(self) -> None:
        if not self._has_session():
            return

        def searched(result: tuple[str, Hit | None] | None) -> None:
            if result is None:
                return
            query, hit = result
            self._set_search(query)
            if not query:
                self.grid.current_spot = None
                self.notice = None
                self._refresh_chrome()
            elif hit is None:
                self._go_to_hit(forward=True)
            else:
                self._show_hit(hit)

        self.push_screen(
            SearchModal(
                self.search_query, self._find_hits, self._describe_hit, self.grid.cursor_lang
            ),
            searched,
        )

    def action_next_hit(self) -> None:
        self._go_to_hit(forward=True)

    def action_previous_hit(self) -> None:
        self._go_to_hit(forward=False)

    def _set_search(self, query: str) -> None:
        self.search_query = query
        self.search_hit = None
        self.grid.set_highlight(query)

    def _find_hits(self, query: str) -> list[Hit]:
        """Every match of ``query`` in the rows and columns shown."""
        return find_hits(self.session.cell_text, self.grid.order, self.grid.languages, query)

    def _describe_hit(self, hit: Hit) -> Content:
        """One line of the hits list: row, language, the match in its context."""
        before, found, after = context(
            self.session.cell_text(hit.row, hit.lang), hit.start, hit.end
        )
        return Content.assemble(
            (f"{visible(self.session.row_id(hit.row)):<7}", "bold"),
            (f"{visible(hit.lang):<4}", "bold $accent"),
            visible(before),
            (visible(found), "reverse"),
            visible(after),
        )

    def _go_to_hit(self, forward: bool) -> None:
        """The next (previous) match after the focused one, in the focused language first."""
        if not self._has_session() or not self.search_query:
            if self._has_session():
                self.notify("No search yet: / searches.", markup=False)
            return
        grid = self.grid
        row, lang = grid.current, grid.cursor_lang
        if row is None:
            return
        hit = self.search_hit
        if hit is not None and (hit.row, hit.lang) == (row, lang):
            offset = hit.start
        else:  # from the start (or end) of the focused cell
            offset = -1 if forward else len(self.session.cell_text(row, lang)) + 1
        found = next_hit(self._find_hits(self.search_query), grid.order, row, lang, offset, forward)
        if found is None:
            self._say(f"Not found: {self.search_query}")
            return
        self._show_hit(found)

    def _show_hit(self, hit: Hit) -> None:
        """Focus ``hit``: its row, its language (saying so when the language changes)."""
        grid = self.grid
        before = grid.cursor_lang
        self.search_hit = hit
        self.spot = None
        if hit.lang != before:
            why = "picked from the list" if self._has_lang_hit(before) else f"no match in {before}"
            text = f"search moved from {before} to {hit.lang} ({why})"
            self.notice = (text, hit.row, hit.lang)
            self._say(text.capitalize() + ".", severity="warning")
        else:
            self.notice = None
        grid.current_spot = (hit.row, hit.lang, hit.start, hit.end)
        grid.cursor_lang = hit.lang
        grid.focus_row(hit.row)
        self._refresh_chrome()

    def _has_lang_hit(self, lang: str) -> bool:
        return any(hit.lang == lang for hit in self._find_hits(self.search_query))

    # --- find and replace --------------------------------------------------------------------

    def action_replace(self) -> None:
        if not self._has_session() or self.grid.current is None:
            return
        session, lang = self.session, self.grid.cursor_lang
        if not session.editable:
            self.notify(
                "Cannot replace yet: the review files are opening; try again in a moment.",
                severity="warning",
                markup=False,
            )
            return

        def asked(result: tuple[str, str] | None) -> None:
            if result is None:
                return
            find, replacement = result
            self._check_disk()  # plan on what is on disk now
            changes = plan_replacements(session.cell_text, self.grid.order, lang, find, replacement)
            if not changes:
                self._say(f"Not found in {lang}: {find}")
                return
            self.push_screen(
                ReplacePreviewModal(
                    ReplaceRun(changes),
                    session.row_id,
                    session.cell_text,
                    self._apply_replacement,
                    self._show_change,
                ),
                self._replaced,
            )

        self.push_screen(ReplaceModal(lang, self.search_query), asked)

    def _show_change(self, change: Change, shift: int) -> None:
        """The grid behind the preview focuses the change's row, its match reversed."""
        self._show_hit(Hit(change.row, change.lang, change.start + shift, change.end + shift))

    def _apply_replacement(self, change: Change, old: str, new: str) -> str | None:
        """Save one accepted change as a fix; None, or why it was not saved."""
        try:
            self.session.set_fix(change.row, change.lang, new, expect=old)
        except Exception as error:  # noqa: BLE001 - shown, the run stops, nothing is lost
            self._fail(error, notify=False)
            return (
                str(error)
                if isinstance(error, AlignerError)
                else f"{type(error).__name__}: {error}"
            )
        self.grid.row_changed(change.row)
        self.save_state = f"saved replace {self.session.row_id(change.row)} {change.lang}"
        return None

    def _replaced(self, run: ReplaceRun) -> None:
        total = len(run.changes)
        undecided = total - run.accepted - run.skipped
        text = (
            f"Replaced {run.accepted} of {total}"
            + (f", skipped {run.skipped}" if run.skipped else "")
            + (f", {undecided} left" if undecided else "")
            + ("; u undoes them one by one." if run.accepted else ".")
        )
        if run.accepted:
            self.recheck()
        self._show_outside_changes()
        self._refresh_chrome()
        if run.problem:
            self._say(run.problem, title="Not saved", severity="error", timeout=20)
        self._say(text)

    # --- filters ------------------------------------------------------------------------------

    def _filter_rows(self) -> list[int]:
        return filter_rows(self.session, self.filter_name, self.grid.cursor_lang)

    def _apply_filter(self) -> None:
        keep = self.grid.current
        self.grid.set_rows(self._filter_rows(), keep)
        self._refresh_chrome()

    def action_cycle_filter(self) -> None:
        if not self._has_session():
            return
        self.filter_name = next_core_filter(self.filter_name)
        self._apply_filter()

    def action_choose_filter(self) -> None:
        if not self._has_session():
            return

        def chosen(name: str | None) -> None:
            if name is not None:
                self.filter_name = name
                self._apply_filter()

        self.push_screen(FilterModal(filter_choices(self.session), self.filter_name), chosen)

    # --- moving a paragraph between rows -----------------------------------------------------

    def action_move_paragraph_up(self) -> None:
        self._move_paragraph(-1)

    def action_move_paragraph_down(self) -> None:
        self._move_paragraph(1)

    def _move_paragraph(self, direction: int) -> None:
        if not self._has_session() or self.grid.current is None:
            return
        row, lang = self.grid.current, self.grid.cursor_lang
        try:
            focus, target = self.session.move_paragraph(row, lang, direction)
        except AlignerError as error:
            self._say(str(error), severity="warning")
            return
        self.grid.current_spot = None
        self.spot = None
        self.grid.set_rows(self._filter_rows(), focus)
        self.save_state = f"saved move of a {lang} paragraph to {target} (alignment.tsv)"
        self._refresh_chrome()

    # --- n / N while the checks run ------------------------------------------------------------

    def _checks_running(self) -> bool:
        if self.session is None or not self.session.checked:
            return True
        return any(
            worker.group in CHECK_WORKERS
            and worker.state in (WorkerState.PENDING, WorkerState.RUNNING)
            for worker in self.workers
        )

    def _no_flag_found(self, forward: bool) -> None:
        """n/N found nothing: final only when no check is running; else go when they end."""
        if not self._checks_done and self._checks_running():
            self._pending_jump = forward
            self.notify(
                "Checks are still running; n goes to the next flag when they finish.", markup=False
            )
            return
        self._pending_jump = None
        self.notify("No more flags.", markup=False)

    def _jump_when_checked(self) -> None:
        """The checks finished: do the n/N that was waiting for them."""
        if self._pending_jump is None:
            return
        forward, self._pending_jump = self._pending_jump, None
        self._checks_done = True  # a miss now is final, whatever worker is still winding up
        try:
            self._jump_flag(forward)
        finally:
            self._checks_done = False
