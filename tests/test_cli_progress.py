"""Progress on stderr for the long commands (a bar on a terminal, plain lines in a pipe,
nothing with --quiet), one spelling of the language option, shell completion, usage on a
bare ``aligner``, export's JSON summary: the real CLI as a subprocess."""

from __future__ import annotations

import json
import os
import pty
import re
import shutil
import subprocess

import pytest

from aligner.export import FORMATS
from tests.conftest import BUNDLED, ROOT, aligner_command, run_aligner, write_generated


def _run(*args: str, after: str = "0", cwd=None) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONIOENCODING="utf-8", NO_COLOR="1", ALIGNER_PROGRESS_AFTER=after)
    return subprocess.run(
        [*aligner_command(), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd or ROOT,
        env=env,
        timeout=300,
    )


def _on_terminal(args: list[str], stdout_path, **more_env: str) -> str:
    """Run the CLI with stderr on a pseudo-terminal; what the terminal received."""
    env = dict(
        os.environ,
        **more_env,
        PYTHONIOENCODING="utf-8",
        NO_COLOR="1",
        ALIGNER_PROGRESS_AFTER="0",
        ALIGNER_PROGRESS_EVERY="0",  # every step drawn: what is shown is not the machine's speed
        COLUMNS="100",
    )
    master, slave = pty.openpty()
    with open(stdout_path, "w", encoding="utf-8") as out:
        process = subprocess.Popen(
            [*aligner_command(), *args],
            stdout=out,
            stderr=slave,
            stdin=subprocess.DEVNULL,
            cwd=ROOT,
            env=env,
        )
    os.close(slave)
    received = b""
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:  # the child closed the terminal
            break
        if not data:
            break
        received += data
    os.close(master)
    assert process.wait(timeout=300) in (0, 1)  # 1: check found flags
    return received.decode("utf-8", "replace")


def _progress_lines(stderr: str) -> list[str]:
    return [
        line
        for line in stderr.splitlines()
        if line.startswith("aligner: ")
        and not line.startswith(("aligner: warning", "aligner: error"))
        and "saved" not in line
    ]


@pytest.fixture(scope="module")
def docset(tmp_path_factory):
    root = tmp_path_factory.mktemp("progress") / "joint-statement-2023"
    shutil.copytree(BUNDLED, root, ignore=shutil.ignore_patterns("review", "alignment.tsv"))
    assert run_aligner("sync", str(root)).returncode == 0  # review files for `score`
    return root


@pytest.mark.parametrize(
    "command,stage",
    [
        (["align", "{d}", "--fresh"], "aligning en-zh"),
        (["check", "{d}"], "checking"),
        (["sync", "{d}"], "saving the review files"),
        (["export", "{d}", "--format", "po", "--out", "{out}", "--force"], "writing po"),
        (["score", "{d}"], "scoring"),
    ],
)
def test_long_commands_report_progress_as_plain_lines_in_a_pipe(docset, tmp_path, command, stage):
    args = [word.format(d=docset, out=tmp_path / "out") for word in command]
    result = _run(*args)
    assert result.returncode in (0, 1), result.stderr
    lines = _progress_lines(result.stderr)
    assert any(line.startswith(f"aligner: {stage}") for line in lines), result.stderr
    assert "\r" not in result.stderr
    quiet = _run(*args, "--quiet")
    assert quiet.returncode == result.returncode and _progress_lines(quiet.stderr) == []
    assert quiet.stdout == result.stdout  # progress never reaches stdout


def test_short_work_shows_no_progress(docset):
    assert _progress_lines(_run("align", str(docset), after="30").stderr) == []


def test_align_in_workers_shows_a_bar_that_moves_in_fine_steps(tmp_path):
    long = write_generated(tmp_path / "long", 1200)  # 4,800 paragraphs: aligned by workers
    # where the search runs in Python (with the compiled one, align keeps to one process)
    shown = _on_terminal(
        ["align", str(long), "--format", "json"], tmp_path / "rows.json", ALIGNER_PURE_PYTHON="1"
    )
    frames = [frame for frame in shown.split("\r") if frame.strip()]
    steps = {
        (m.group(1), int(m.group(2)))
        for frame in frames
        for m in [re.search(r"aligner: (reading texts|aligning [a-z, -]+) [━─]+ +(\d+)%", frame)]
        if m
    }
    assert len(steps) > 6, frames  # finer than one step per pair
    assert {stage for stage, _ in steps} == {"reading texts", "aligning en-zh, en-kk, en-ru"}
    assert shown.endswith("\r")  # the line is cleared at the end
    assert json.loads((tmp_path / "rows.json").read_text(encoding="utf-8"))["rows"]


@pytest.mark.parametrize("command", ["check", "sync", "export"])
def test_the_checks_show_a_bar_that_moves_and_lines_in_a_pipe(tmp_path, command):
    """The checks step (7 s on a 10k docset) reports how many checks are done."""
    long = write_generated(tmp_path / "long", 1200)
    extra = ["--format", "csv", "--out", str(tmp_path / "out")] if command == "export" else []
    shown = _on_terminal([command, str(long), *extra], tmp_path / "stdout.txt")
    frames = [frame for frame in shown.split("\r") if frame.strip()]
    percents = {
        int(m.group(1))
        for frame in frames
        for m in [re.search(r"aligner: checking [\d,]+ rows [━─]+ +(\d+)%", frame)]
        if m
    }
    assert len(percents) >= 3 and max(percents) > min(percents), frames
    piped = _run(command, str(long), *extra, "--force" if extra else "--quiet")
    lines = _progress_lines(piped.stderr)
    if extra:  # a plain line when the stage starts, no carriage return
        assert any(re.fullmatch(r"aligner: checking [\d,]+ rows +\d+%", line) for line in lines)
        assert "\r" not in piped.stderr
    else:  # --quiet
        assert lines == []


def test_the_language_option_is_lang_repeated_or_comma_separated(docset):
    expected = ["en", "zh"]
    for spelling in (
        ["--lang", "en", "--lang", "zh"],
        ["--lang", "en,zh"],
        ["--langs", "en", "zh"],
        ["--langs", "en,zh"],
    ):
        result = run_aligner("sync", str(docset), *spelling, "--format", "json")
        assert result.returncode == 0, (spelling, result.stderr)
        files = json.loads(result.stdout)["files"]
        assert [f["lang"] for f in files] == expected, spelling
    flags = json.loads(
        run_aligner("check", str(docset), "--lang", "en", "--lang", "zh", "--format", "json").stdout
    )["flags"]
    assert flags and {flag["lang"] for flag in flags} <= {"en", "zh"}  # en's flags kept
    for command in ("align", "check", "sync", "export", "score"):
        shown = run_aligner(command, "--help").stdout
        assert "--lang" in shown and "--langs" not in shown, command


def test_bare_aligner_prints_usage_on_stderr_and_exits_2():
    result = run_aligner()
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.startswith("usage: aligner")
    assert "aligner: error: no command given" in result.stderr


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")
@pytest.mark.parametrize(
    "words,expected",
    [
        ("aligner ex", {"export"}),
        ("aligner export --format ", set(FORMATS)),
        ("aligner sync --la", {"--lang"}),
        ("aligner check --format j", {"json"}),
    ],
)
def test_bash_completion_script_completes_commands_options_and_choices(words, expected):
    script = run_aligner("completion", "bash")
    assert script.returncode == 0, script.stderr
    typed = words.split(" ")
    probe = (
        f"{script.stdout}\nCOMP_WORDS=({' '.join(repr(w) for w in typed)}); "
        f"COMP_CWORD={len(typed) - 1}; _aligner; printf '%s\\n' \"${{COMPREPLY[@]}}\""
    )
    result = subprocess.run(["bash", "-c", probe], capture_output=True, text=True, timeout=30)
    assert set(result.stdout.split()) == expected, result.stderr


def test_export_prints_a_json_summary(docset, tmp_path):
    out = tmp_path / "tmx"
    result = run_aligner(
        "export", str(docset), "--format", "tmx", "--out", str(out), "--summary", "json"
    )
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)
    assert summary["format"] == "tmx" and summary["out"] == str(out)
    assert summary["languages"] == ["en", "zh", "kk", "ru"]
    assert summary["written"] and all(os.path.isfile(path) for path in summary["written"])
    assert summary["overwritten"] == []
