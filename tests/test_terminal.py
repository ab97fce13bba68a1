"""No document drives the terminal: aligner.terminal's one map, and every command run on a
hostile docset (title, file names, paragraph text, glossary, output path) printing nothing
that a terminal would act on."""

from __future__ import annotations

import contextlib
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from aligner import terminal
from aligner.cli import main
from tests.conftest import aligner_command, write_docset

CLIPBOARD = "\x1b]52;c;cHduZWQ=\x07"
TITLE = "\x1b]2;pwned\x07"
RESET = "\x1bc"
LEAVE_ALT = "\x1b[?1049l"
LINK = "\x1b]8;;https://x.example\x1b\\here\x1b]8;;\x1b\\"
C1_CSI = "\x9b31m"
BIDI = "\u202eabc\u2066d\u2069"
PAYLOAD = f"{CLIPBOARD}{TITLE}{RESET}{LEAVE_ALT}{LINK}{C1_CSI}{BIDI}"
BAD_NAME_BYTES = b"\xff\xfe" + TITLE.encode() + b".md"  # not UTF-8: decoded with surrogates


def forbidden(text: str) -> set[str]:
    """The characters of ``text`` a terminal could act on (newline and tab aside)."""
    return {
        ch
        for ch in text
        if ch not in "\n\t"
        and (
            ord(ch) < 0x20
            or 0x7F <= ord(ch) < 0xA0
            or ch in "\u200b\u200e\u200f\ufeff"
            or 0x202A <= ord(ch) <= 0x202E
            or 0x2066 <= ord(ch) <= 0x2069
            or 0xD800 <= ord(ch) < 0xE000
        )
    }


# -- the map -----------------------------------------------------------------------------------


def test_every_control_becomes_one_visible_symbol():
    text = (
        "".join(chr(c) for c in range(0x20))
        + "\x7f"
        + "".join(chr(c) for c in range(0x80, 0xA0))
        + "\u200b\u200e\u200f\u202a\u202b\u202c\u202d"
        "\u202e\u2066\u2067\u2068\u2069\ufeff\u2028\u2029\U000e0041\udcff"
    )
    shown = terminal.visible(text)
    assert len(shown) == len(text) and not forbidden(shown)
    assert terminal.visible("a\x1bb") == "a␛b" and terminal.visible("\x9b") == "¿"
    assert terminal.visible("\u202e") == "¤" and terminal.visible("\t\n") == "→↵"


def test_keep_leaves_layout_and_text_alone():
    assert terminal.visible("a\tb\nc", keep="\n\t") == "a\tb\nc"
    assert terminal.visible("a\tb\nc", keep="\n") == "a→b\nc"
    text = "中文 Қазақ русский e\u0301 \u200c\u200d 👩\u200d💻"
    assert terminal.visible(text) == text, "joiners and combining marks are text"


def test_ui_and_core_share_the_map():
    tui = pytest.importorskip("tui.safe_text")
    from aligner.align.display import visible as display_visible
    from aligner.checks.control import visible as check_visible

    sample = PAYLOAD + "\tx\n"
    assert tui.visible(sample) == terminal.visible(sample, keep="\n")
    assert display_visible(sample) == check_visible(sample) == terminal.visible(sample)


def test_json_escapes_controls_and_loads_back_exactly():
    value = {"title": PAYLOAD + "\x7f\udcff\U000e0041", "n": [1, "中文"]}
    text = terminal.json_dumps(value, indent=2)
    assert not forbidden(text) and "中文" in text
    assert terminal.is_clean(text)
    assert json.loads(text) == value


def test_safe_stream_maps_everything_written():
    buffer = io.StringIO()
    stream = terminal.SafeStream(buffer)
    print(f"title {PAYLOAD}\tcol", file=stream)
    assert not forbidden(buffer.getvalue()) and buffer.getvalue().endswith("\tcol\n")


def test_progress_rewrites_its_line_but_data_cannot():
    buffer = io.StringIO()
    stream = terminal.SafeStream(buffer)
    stream.rewrite_line("aligning 50%")
    stream.write("fake\rline")
    assert buffer.getvalue() == "\raligning 50%fake␍line"


def test_safe_stream_replaces_what_the_terminal_cannot_encode():
    raw = io.BytesIO()
    stream = terminal.SafeStream(io.TextIOWrapper(raw, encoding="ascii"))
    stream.write("Қазақ ok\n")
    stream.flush()
    assert raw.getvalue() == b"????? ok\n"


# -- every command on a hostile docset --------------------------------------------------------


def toml_string(text: str) -> str:
    return (
        '"'
        + "".join(
            f"\\u{ord(c):04x}" if ord(c) < 0x20 or 0x7F <= ord(c) < 0xA0 or c in '"\\' else c
            for c in text
        )
        + '"'
    )


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    root = write_docset(
        tmp_path / "hostile",
        {
            "en.txt": f"The two sides {PAYLOAD} agreed on 17 May 2023.\n\n"
            f"Trade grew {BIDI} by 20 percent.\n",
            "ru.txt": f"Стороны {PAYLOAD} договорились 17 мая 2023 года.\n\n"
            "Торговля выросла на 20 процентов.\n",
            "docset.toml": f"title = {toml_string('Statement ' + PAYLOAD)}\n",
            "glossary.tsv": f"en\tru\nXi {C1_CSI}\tСи\n",
            f"{TITLE}notes{CLIPBOARD}.md": "extra file",
        },
    )
    os.close(os.open(os.path.join(os.fsencode(root), BAD_NAME_BYTES), os.O_CREAT | os.O_WRONLY))
    return root


def run_in_process(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


def commands(root: Path, out: Path) -> list[tuple[str, ...]]:
    docset = str(root)
    return [
        ("info", docset),
        ("info", docset, "--format", "json"),
        ("align", docset),
        ("align", docset, "--format", "json"),
        ("align", docset, "--format", "tsv"),
        ("check", docset),
        ("check", docset, "--format", "json"),
        ("sync", docset),
        ("sync", docset, "--format", "json"),
        ("check", docset, "--reviewed"),
        ("score", docset),
        ("score", docset, "--format", "json"),
        ("export", docset, "--format", "txt", "--out", str(out / f"txt{TITLE}")),
        ("export", docset, "--format", "po", "--mo", "--out", str(out / "po")),
        ("export", docset, "--format", "tmx", "--out", str(out / "tmx")),
        ("export", docset, "--format", "csv", "--out", str(out / "csv")),
        ("export", docset, "--format", "txt", "--out", str(root / "inside")),  # refused
        ("check", str(root / "review" / "en.po")),
        ("check", str(root / "review" / "en.po"), "--format", "json"),
        ("align", docset, "--langs", f"en,{TITLE}"),  # refused: not a language code
        ("info", docset, "--encoding", f"ru={CLIPBOARD}"),  # refused: no such codec
    ]


def test_no_command_sends_a_control_to_the_terminal(hostile, tmp_path):
    seen = 0
    for argv in commands(hostile, tmp_path / "out"):
        code, out, err = run_in_process(*argv)
        assert code in (0, 1, 2), argv
        assert not forbidden(out), (argv, sorted(forbidden(out)))
        assert not forbidden(err), (argv, sorted(forbidden(err)))
        assert "Traceback" not in err, (argv, err)
        if argv[-1] == "json" and code != 2:
            json.loads(out)  # still valid JSON
        seen += bool(out or err)
    assert seen == len(commands(hostile, tmp_path / "out"))
    code, out, err = run_in_process("info", str(hostile), "--format", "json")
    assert json.loads(out)["title"] == "Statement " + PAYLOAD, "JSON keeps the data exactly"


def test_the_warnings_name_the_hostile_files_visibly(hostile):
    code, out, err = run_in_process("info", str(hostile))
    assert code == 0
    assert "␛]2;pwned␇notes␛]52;c;cHduZWQ=␇.md: ignored" in err
    assert "Statement ␛]52;c;cHduZWQ=␇␛]2;pwned␇␛c␛[?1049l" in out
    assert "�" in err, "a file name that is not UTF-8 is shown, not printed raw"


def test_review_refuses_a_hostile_broken_docset_before_the_screen(hostile):
    (hostile / "docset.toml").write_text(f"title = {toml_string(PAYLOAD)}\nsource = 3\n")
    code, out, err = run_in_process("review", str(hostile))
    assert code == 2 and not forbidden(err) and len(err.splitlines()) == 1


def test_the_real_command_prints_no_control_bytes(hostile, tmp_path):
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    for argv in (
        ("info", str(hostile)),
        ("align", str(hostile), "--format", "json"),
        ("check", str(hostile)),
    ):
        result = subprocess.run(
            [*aligner_command(), *argv], capture_output=True, env=env, timeout=120
        )
        for stream in (result.stdout, result.stderr):
            text = stream.decode("utf-8")  # valid UTF-8 (no lone surrogate bytes)
            assert not forbidden(text), (argv, sorted(forbidden(text)))
        assert result.returncode in (0, 1), result.stderr


def test_python_dash_m_works_too(hostile):
    result = subprocess.run(
        [sys.executable, "-m", "aligner", "info", str(hostile)], capture_output=True, timeout=120
    )
    assert result.returncode == 0 and not forbidden(result.stderr.decode())
