"""Snapshots of finding and moving around at the three sizes a reviewer uses (80×24,
120×40, 200×50): the focused spot in view, the key bar, search hits, the replace preview,
the filter list and compact mode. Update with ``--snapshot-update`` and read the SVGs."""

from __future__ import annotations

import shutil

import pytest

from tests.conftest import BUNDLED
from tests.test_tui import settled
from tui.app import ReviewApp

SIZES = [(80, 24), (120, 40), (200, 50)]


@pytest.fixture
def statement(tmp_path):
    target = tmp_path / "joint-statement-2023"
    shutil.copytree(BUNDLED, target, ignore=shutil.ignore_patterns("review", "alignment.tsv"))
    return target


async def _loaded(pilot) -> None:
    await settled(pilot.app, pilot)


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x40", "200x50"])
def test_a_deep_flag_in_view(snap_compare, statement, size):
    """The second spot of r2 (its dates) is below the row's first screen at 80×24."""
    assert snap_compare(
        ReviewApp(statement), terminal_size=size, run_before=_loaded, press=["j", "n", "n"]
    )


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x40", "200x50"])
def test_search_hits_list(snap_compare, statement, size):
    assert snap_compare(
        ReviewApp(statement), terminal_size=size, run_before=_loaded, press=["slash", *"center"]
    )


def test_search_match_highlighted(snap_compare, statement):
    assert snap_compare(
        ReviewApp(statement),
        terminal_size=(120, 40),
        run_before=_loaded,
        press=["slash", *"kazakhstan", "enter"],
    )


def test_search_moved_to_another_language(snap_compare, statement):
    assert snap_compare(
        ReviewApp(statement),
        terminal_size=(80, 24),
        run_before=_loaded,
        press=["slash", *"冼星海", "enter"],
    )


def test_replace_preview(snap_compare, statement):
    assert snap_compare(
        ReviewApp(statement),
        terminal_size=(120, 40),
        run_before=_loaded,
        press=["percent_sign", *"Center", "enter", *"Centre", "enter"],
    )


def test_filter_list(snap_compare, statement):
    assert snap_compare(
        ReviewApp(statement), terminal_size=(80, 24), run_before=_loaded, press=["F"]
    )


def test_compact_at_the_last_row(snap_compare, statement):
    assert snap_compare(
        ReviewApp(statement), terminal_size=(80, 24), run_before=_loaded, press=["G", "z"]
    )
