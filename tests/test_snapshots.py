"""Snapshot tests of the review app at fixed sizes (pytest-textual-snapshot).

Update after an intended change with ``python3 dev.py test tests/test_snapshots.py
--snapshot-update`` and review the SVGs in ``tests/__snapshots__``.
"""

from __future__ import annotations

import shutil

import pytest

from tests.conftest import BUNDLED
from tests.test_tui import settled
from tui.app import ReviewApp


@pytest.fixture
def statement(tmp_path):
    target = tmp_path / "joint-statement-2023"
    shutil.copytree(BUNDLED, target, ignore=shutil.ignore_patterns("review", "alignment.tsv"))
    return target


async def _loaded(pilot) -> None:
    await settled(pilot.app, pilot)


def _app(statement) -> ReviewApp:
    return ReviewApp(statement)


@pytest.mark.parametrize("size", [(120, 40), (220, 60)])
def test_main_screen(snap_compare, statement, size):
    assert snap_compare(_app(statement), terminal_size=size, run_before=_loaded)


def test_main_screen_on_a_flag(snap_compare, statement):
    assert snap_compare(_app(statement), terminal_size=(160, 45), run_before=_loaded, press=["j"])


def test_help_screen(snap_compare, statement):
    assert snap_compare(
        _app(statement), terminal_size=(120, 40), run_before=_loaded, press=["question_mark"]
    )


def test_edit_modal(snap_compare, statement):
    assert snap_compare(
        _app(statement), terminal_size=(120, 40), run_before=_loaded, press=["j", "e"]
    )


def test_flagged_filter(snap_compare, statement):
    assert snap_compare(_app(statement), terminal_size=(120, 40), run_before=_loaded, press=["f"])


def test_compact_view(snap_compare, statement):
    assert snap_compare(
        _app(statement), terminal_size=(120, 40), run_before=_loaded, press=["z", "j", "j"]
    )
