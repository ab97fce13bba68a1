"""Snapshots of the Scores screen with the quality report, at 80×24, 120×40 and 200×50.

Update after an intended change with ``python3 dev.py test tests/test_lqa_snapshots.py
--snapshot-update`` and review the SVGs in ``tests/__snapshots__``.
"""

from __future__ import annotations

import shutil

import pytest
from textual.worker import WorkerFailed

from tests.conftest import BUNDLED
from tui.app import ReviewApp


@pytest.fixture
def statement(tmp_path):
    target = tmp_path / "joint-statement-2023"
    shutil.copytree(BUNDLED, target, ignore=shutil.ignore_patterns("review", "alignment.tsv"))
    return target


async def _settle(pilot) -> None:
    try:
        await pilot.app.workers.wait_for_complete()
    except WorkerFailed:
        pass
    await pilot.pause()


async def _reviewed_then_scores(pilot) -> None:
    """Two fixes (a name, a date) made through the session, then `S`."""
    await _settle(pilot)
    session = pilot.app.session
    for row_id, wrong, right in (("r2", "Kasemal Tokayev", "Kassym-Jomart Tokayev"),
                                 ("r47", "May 2023, 5", "17 May 2023")):
        row = session.row_index(row_id)
        session.set_fix(row, "en", session.cell_text(row, "en").replace(wrong, right))
    await pilot.press("S")
    await _settle(pilot)


@pytest.mark.parametrize("size", [(80, 24), (120, 40), (200, 50)])
def test_scores_screen_with_the_quality_report(snap_compare, statement, size):
    assert snap_compare(ReviewApp(statement), terminal_size=size,
                        run_before=_reviewed_then_scores)
