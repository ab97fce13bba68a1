"""The real ``aligner review`` in a real terminal (tmux): fix a paragraph, find it in the PO file."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
import uuid
from pathlib import Path

import polib
import pytest

from tests.conftest import BUNDLED, aligner_command

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")


class Terminal:
    """A detached tmux session of fixed size running one command."""

    def __init__(self, command: list[str], cwd: Path) -> None:
        self.name = f"aligner-test-{uuid.uuid4().hex[:8]}"
        env = dict(os.environ, TERM="xterm-256color")
        line = " ".join(f"'{part}'" for part in command)
        subprocess.run(
            [
                "tmux",
                "new-session",
                "-d",
                "-s",
                self.name,
                "-x",
                "200",
                "-y",
                "50",
                f"cd '{cwd}' && {line}",
            ],
            check=True,
            env=env,
        )

    def screen(self) -> str:
        result = subprocess.run(
            ["tmux", "capture-pane", "-p", "-t", self.name], capture_output=True, text=True
        )
        return result.stdout

    def keys(self, *keys: str) -> None:
        for key in keys:
            subprocess.run(["tmux", "send-keys", "-t", self.name, key], check=True)
            time.sleep(0.15)

    def wait_for(self, text: str, timeout: float = 30) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.2)
        raise AssertionError(f"{text!r} never appeared on screen:\n{self.screen()}")

    def close(self) -> None:
        subprocess.run(["tmux", "kill-session", "-t", self.name], capture_output=True)


def test_fix_a_paragraph_in_a_real_terminal(tmp_path):
    docset = tmp_path / "joint-statement-2023"
    shutil.copytree(BUNDLED, docset, ignore=shutil.ignore_patterns("review", "alignment.tsv"))
    terminal = Terminal([*aligner_command(), "review", str(docset)], tmp_path)
    try:
        terminal.wait_for("At the invitation of")
        screen = terminal.wait_for("filter: all · saved")  # review files open, checks done
        assert "reviewed" in screen
        terminal.keys("j")  # the visit paragraph
        terminal.keys("e")
        terminal.wait_for("ctrl+s keep the fix")
        terminal.keys("C-End", " Reviewed.")  # the editor opens on the flagged spot
        terminal.wait_for("Reviewed.")  # in the editor: under load the keys can lag the screen
        terminal.keys("C-s")
        terminal.wait_for("saved fix")
        catalog = polib.pofile(str(docset / "review" / "en.po"))
        fixed = [e for e in catalog if "Reviewed." in e.msgstr]
        assert len(fixed) == 1 and fixed[0].msgstr.startswith("At the invitation")
        terminal.keys("q")
        time.sleep(1)
    finally:
        terminal.close()
