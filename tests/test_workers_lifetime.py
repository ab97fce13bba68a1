"""Worker processes die with the ``aligner`` that started them, however it ends.

``aligner check`` on a long docset starts a pool (a fork server and its workers); the test
waits until the workers run, ends the parent (SIGKILL, SIGTERM, SIGHUP, Ctrl-C) and asserts
that every process it started is gone within a few seconds.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT, aligner_command, write_generated

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")


def _processes() -> dict[int, tuple[int, str]]:
    """pid -> (parent pid, state) of every process."""
    found = {}
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                with open(f"/proc/{name}/stat", "rb") as stat:
                    fields = stat.read().rsplit(b")", 1)[1].split()
            except OSError:
                continue
            found[int(name)] = (int(fields[1]), fields[0].decode())
    return found


def descendants(root: int) -> set[int]:
    """The live (not zombie) descendants of ``root``."""
    table = _processes()
    children: dict[int, list[int]] = {}
    for pid, (parent, _state) in table.items():
        children.setdefault(parent, []).append(pid)
    out, todo = set(), [root]
    while todo:
        for child in children.get(todo.pop(), ()):
            out.add(child)
            todo.append(child)
    return {pid for pid in out if table[pid][1] != "Z"}


def alive(pids: set[int]) -> set[int]:
    table = _processes()
    return {pid for pid in pids if pid in table and table[pid][1] != "Z"}


@pytest.fixture(scope="module")
def long_docset(tmp_path_factory) -> Path:
    return write_generated(tmp_path_factory.mktemp("lifetime") / "long", 10000)


def _restore_sigint() -> None:  # a background job may have inherited SIGINT ignored
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytest.mark.parametrize(
    "how, wanted",
    [
        (signal.SIGKILL, 4),
        (signal.SIGTERM, 4),
        (signal.SIGHUP, 4),
        (signal.SIGINT, 4),
        (signal.SIGKILL, 2),
    ],
    ids=["SIGKILL", "SIGTERM", "SIGHUP", "SIGINT", "SIGKILL-starting"],
)
def test_workers_die_with_their_parent(long_docset, how, wanted):
    """``wanted``: how many processes to wait for before the kill: the resource tracker, the
    fork server and its two workers (4), or just the first two, the server still importing
    its modules (2)."""
    env = dict(os.environ, ALIGNER_WORKERS="2", NO_COLOR="1", ALIGNER_PROGRESS_AFTER="inf")
    parent = subprocess.Popen(
        [*aligner_command(), "check", str(long_docset)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        preexec_fn=_restore_sigint,
    )
    try:
        deadline = time.monotonic() + 30
        started: set[int] = set()
        while time.monotonic() < deadline and parent.poll() is None:
            started |= descendants(parent.pid)
            if len(started) >= wanted:
                break
            time.sleep(0.01)
        assert len(started) >= wanted, f"the workers never started: {started}"
        if wanted == 4:
            time.sleep(0.3)  # let them take tasks
        started |= descendants(parent.pid)
        assert parent.poll() is None, "aligner check finished before it could be killed"
        os.kill(parent.pid, how)
        parent.wait(timeout=30)
        deadline = time.monotonic() + 5
        while alive(started) and time.monotonic() < deadline:
            for pid in alive(started):  # a worker forked just as the parent died counts too
                started |= descendants(pid)
            time.sleep(0.05)
        assert not alive(started), f"left behind after {signal.Signals(how).name}"
        if how == signal.SIGINT:
            assert parent.returncode == 130
            assert b"Traceback" not in parent.stderr.read()
    finally:
        if parent.poll() is None:
            parent.kill()
            parent.wait()
        for pid in alive(started if "started" in locals() else set()):
            os.kill(pid, signal.SIGKILL)


@pytest.mark.parametrize("delay", [0.3, 1.0, 2.0])
def test_ctrl_c_at_the_terminal_ends_everything_without_a_traceback(long_docset, delay):
    """A terminal's Ctrl-C goes to the whole process group: the fork server and the workers
    get it too, and must leave it to the ``aligner`` process (one line, exit 130)."""
    env = dict(os.environ, ALIGNER_WORKERS="2", NO_COLOR="1", ALIGNER_PROGRESS_AFTER="inf")
    parent = subprocess.Popen(
        [*aligner_command(), "check", str(long_docset)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
        preexec_fn=_restore_sigint,
    )
    started: set[int] = set()
    try:
        deadline = time.monotonic() + delay
        while time.monotonic() < deadline and parent.poll() is None:
            started |= descendants(parent.pid)
            time.sleep(0.01)
        assert parent.poll() is None, "aligner check finished before the Ctrl-C"
        started |= descendants(parent.pid)
        os.killpg(parent.pid, signal.SIGINT)
        _, err = parent.communicate(timeout=30)
        deadline = time.monotonic() + 5
        while alive(started) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not alive(started)
        assert parent.returncode == 130
        assert err.decode().strip().splitlines() == ["aligner: interrupted"]
    finally:
        if parent.poll() is None:
            parent.kill()
            parent.wait()
        for pid in alive(started):
            os.kill(pid, signal.SIGKILL)


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads /proc")
def test_workers_ignore_ctrl_c_from_their_first_instruction(tmp_path):
    """The kernel's own record of each worker's ignored signals: SIGINT is among them, so a
    Ctrl-C that reaches the process group never prints a worker's traceback."""
    script = (
        "from aligner import parallel\n"
        "if __name__ == '__main__':\n"
        "    parallel.start()\n"
        "    for pid in parallel.worker_pids():\n"
        "        status = open(f'/proc/{pid}/status').read()\n"
        "        mask = int(status.split('SigIgn:')[1].split()[0], 16)\n"
        "        print(bool(mask & (1 << (2 - 1))))\n"
    )
    (tmp_path / "probe.py").write_text(script)  # a file: the pool needs an importable main
    env = dict(os.environ, ALIGNER_WORKERS="2", ALIGNER_PROGRESS_AFTER="inf")
    done = subprocess.run(
        [sys.executable, str(tmp_path / "probe.py")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.stdout.split() and set(done.stdout.split()) == {"True"}, done.stderr
