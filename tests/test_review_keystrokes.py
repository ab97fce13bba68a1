"""The full review of the bundled statement in the real app, in tmux, keys counted.

A reviewer's policy, read off the screen as a person would: on the flag marked ▶, press ``r``
when the panel offers a suggestion ``r`` can apply, else ``x`` (a real error, left for the
translator: text missing at no known place, a missing clause). ▶ moves on by itself. When the
status bar says 0 open flags, ``g`` goes to the top and ``A`` approves each row and goes to
the next. The review files are then read back (polib, msgfmt, ``aligner check --reviewed``):
every en row approved, every flag fixed or decided (only the accepted ones are left, said to be
accepted). Target: ≤ 120 keys for the flagged work.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import time

import polib
import pytest

from tests.conftest import BUNDLED, aligner_command, run_aligner
from tests.test_tmux import Terminal

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")

TARGET = 120  # keys for the flagged work (issue 16)
_OPEN = re.compile(r"(\d+) open flags")


class CountingTerminal(Terminal):
    """A Terminal that counts every key it sends and waits until the app is idle."""

    count = 0

    def press(self, key: str) -> str:
        """Send one key; the screen once the save and the checks it started are done."""
        self.count += 1
        before = self.screen()
        subprocess.run(["tmux", "send-keys", "-t", self.name, key], check=True)
        return self.idle(before)

    def idle(self, before: str = "", timeout: float = 60) -> str:
        """The screen once it has changed from ``before`` (when it will) and no check runs."""
        deadline = time.monotonic() + timeout
        changed_by = time.monotonic() + 2.0  # a key with no visible effect: do not wait long
        while time.monotonic() < deadline:
            time.sleep(0.1)
            screen = self.screen()
            if "checking" in screen or "opening" in screen:
                continue
            if screen != before or time.monotonic() > changed_by:
                time.sleep(0.1)
                again = self.screen()
                if again == screen:
                    return screen
        raise AssertionError(f"the app never settled:\n{self.screen()}")


def open_flags(screen: str) -> int:
    found = _OPEN.findall(screen)
    assert found, screen
    return int(found[-1])


_MARKED = re.compile(r"^ ?▶ \S")  # the panel's ▶ flag ("▶·" marks the grid's row)
_ACTION = re.compile(r"^ {3,}(r |no suggestion)")  # the line under it: what the keys do


def marked_line(screen: str) -> str:
    """The flag panel's line under the ▶ flag ("" when no flag is marked)."""
    lines = screen.splitlines()
    for i, line in enumerate(lines):
        if _MARKED.match(line):
            return next((after for after in lines[i + 1 : i + 4] if _ACTION.match(after)), "")
    return ""


def choose(line: str) -> str:
    """The reviewer's key for the ▶ flag: r when r applies its suggestion in place, else x."""
    return "r" if re.search(r"\br (replaces|deletes|inserts)\b", line) else "x"


def test_the_bundled_statement_is_reviewed_in_at_most_120_keys(tmp_path):
    docset = tmp_path / "joint-statement-2023"
    shutil.copytree(BUNDLED, docset, ignore=shutil.ignore_patterns("review", "alignment.tsv"))
    terminal = CountingTerminal([*aligner_command(), "review", str(docset)], tmp_path)
    keys: list[str] = []
    try:
        terminal.wait_for("At the invitation of", timeout=60)
        screen = terminal.wait_for("· saved", timeout=60)  # review files open, checks done
        screen = terminal.idle()
        start_flags = open_flags(screen)
        while open_flags(screen) and len(keys) < 3 * TARGET:
            line = marked_line(screen)
            key = choose(line) if line else "n"
            keys.append(key)
            screen = terminal.press(key)
        flag_keys = terminal.count
        assert open_flags(screen) == 0, screen
        screen = terminal.press("g")
        while "Every row of en is approved" not in screen and terminal.count < 4 * TARGET:
            screen = terminal.press("A")
        approve_keys = terminal.count - flag_keys
        terminal.press("q")
        time.sleep(1)
    finally:
        terminal.close()
    print(
        f"\nflags at start: {start_flags}; keys for the flagged work: {flag_keys} "
        f"({' '.join(keys)}); keys to approve every row: {approve_keys}"
    )
    assert flag_keys <= TARGET

    path = docset / "review" / "en.po"
    assert subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(path)]).returncode == 0
    catalog = polib.pofile(str(path))
    entries = [e for e in catalog if not e.obsolete]
    assert entries and all("fuzzy" not in e.flags for e in entries), "every row approved"
    # what is left on the reviewed text: only the flags the reviewer accepted as errors
    result = run_aligner("check", str(docset), "--reviewed", "--lang", "en", "--format", "json")
    assert result.returncode in (0, 1), result.stdout + result.stderr
    left = json.loads(result.stdout)["flags"]
    assert len(left) == keys.count("x"), left
    assert all("(accepted by the reviewer" in flag["message"] for flag in left), left
    decided = sum(
        line.startswith("decided: accepted")
        for entry in entries
        for line in entry.comment.splitlines()
    )
    assert decided == keys.count("x"), "each x is a decision in the review file"
