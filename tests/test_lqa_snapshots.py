"""Snapshots of the Scores screen with the quality report, at 80×24, 120×40 and 200×50.

Update after an intended change with ``python3 dev.py test tests/test_lqa_snapshots.py
--snapshot-update`` and review the SVGs in ``tests/__snapshots__``.
"""

from __future__ import annotations

import shutil

import pytest

from aligner.review.session import open_session
from tests.conftest import BUNDLED
from tests.test_tui import settled
from tui.app import ReviewApp


@pytest.fixture
def statement(tmp_path):
    """The bundled statement with two fixes (a name, a date) already in its review file."""
    target = tmp_path / "joint-statement-2023"
    shutil.copytree(BUNDLED, target, ignore=shutil.ignore_patterns("review", "alignment.tsv"))
    session = open_session(target)
    for row_id, wrong, right in (
        ("r2", "Kasemal Tokayev", "Kassym-Jomart Tokayev"),
        ("r47", "May 2023, 5", "17 May 2023"),
    ):
        row = session.row_index(row_id)
        session.set_fix(row, "en", session.cell_text(row, "en").replace(wrong, right))
    return target


async def _scores(pilot) -> None:
    """Loaded, then `S` and the report computed."""
    await settled(pilot.app, pilot)
    await pilot.press("S")
    await settled(pilot.app, pilot)


@pytest.mark.parametrize("size", [(80, 24), (120, 40), (200, 50)])
def test_scores_screen_with_the_quality_report(snap_compare, statement, size):
    assert snap_compare(ReviewApp(statement), terminal_size=size, run_before=_scores)
