"""DiskWatch: the review app noticing what other programs save in the review files.

Another ``aligner`` or a PO editor may save ``review/<lang>.po`` while the app is open. The
files are looked at every DISK_CHECK_SECONDS, when the terminal regains focus and before an
edit opens; what changed is redrawn and the reviewer is told which rows (an open editor on
such a cell too). Mixed into ``ReviewApp`` (it uses its session, grid and notifications).
"""

from __future__ import annotations

from aligner.errors import AlignerError
from aligner.review.recovery import ReviewBusyError

from .screens.edit import EditModal

DISK_CHECK_SECONDS = 2.0  # how often the review files are looked at for other programs' saves


class DiskWatch:
    """ReviewApp's methods about other programs' saves."""

    def _watch_disk(self) -> None:
        """From now on, notice other programs' saves: on a timer and when the terminal
        regains focus (and before each edit, see action_edit_cell)."""
        if self._disk_timer is None:
            self._disk_timer = self.set_interval(DISK_CHECK_SECONDS, self._check_disk)

    def on_app_focus(self) -> None:
        self._check_disk()

    def _check_disk(self) -> None:
        """Take in what other programs saved in the review files and show it."""
        if not self._has_session() or not self.session.editable:
            return
        try:
            self.session.refresh_from_disk(wait=0.05)
        except ReviewBusyError:
            return  # another save is under way: the next check sees it
        except AlignerError as error:
            if str(error) != self._disk_problem:  # said once, not every few seconds
                self._disk_problem = str(error)
                self._say(
                    str(error), title="Cannot read a review file", severity="error", timeout=20
                )
            return
        self._disk_problem = ""
        self._show_outside_changes()

    def _show_outside_changes(self) -> None:
        """Redraw the cells other programs changed and tell the reviewer which ones."""
        if not self._has_session():
            return
        cells = self.session.take_outside_changes()
        if not cells:
            return
        by_lang: dict[str, list[str]] = {}
        for row, lang in cells:
            self.grid.row_changed(row)
            by_lang.setdefault(lang, []).append(self.session.row_id(row))
        for lang, rows in by_lang.items():
            shown = ", ".join(rows[:8]) + (f" and {len(rows) - 8} more" if len(rows) > 8 else "")
            self._say(
                f"Another program saved review/{lang}.po: {shown} changed; the grid "
                "shows its text now.",
                title="Changed elsewhere",
                severity="warning",
                timeout=15,
            )
        screen = self.screen
        if isinstance(screen, EditModal) and screen.cell in cells:
            screen.changed_elsewhere()
        self._refresh_chrome()
        self.recheck()
