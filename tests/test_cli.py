"""The real ``aligner`` command run as a subprocess: help, version, info, errors."""

from __future__ import annotations

import json

import pytest

from aligner import __version__
from tests.conftest import BUNDLED, run_aligner, write_docset


def test_help_and_version():
    result = run_aligner("--help")
    assert result.returncode == 0 and "info" in result.stdout
    assert run_aligner("--version").stdout.strip() == f"aligner {__version__}"
    assert "--format" in run_aligner("info", "--help").stdout


def test_no_command_prints_usage_on_stderr_and_exits_2():
    result = run_aligner()
    assert result.returncode == 2 and result.stderr.startswith("usage:") and not result.stdout


def test_unknown_option_is_a_one_line_error():
    result = run_aligner("info", "--colour")
    assert result.returncode == 2
    assert result.stderr.startswith("aligner: error: unrecognized arguments: --colour")
    assert len(result.stderr.strip().splitlines()) == 1


def test_info_on_the_bundled_statement_detects_each_language():
    result = run_aligner("info", str(BUNDLED), "--format", "json")
    assert result.returncode == 0, result.stderr
    info = json.loads(result.stdout)
    detected = {f["code"]: f["detected"] for f in info["files"]}
    assert detected == {"en": "en", "zh": "zh", "kk": "kk", "ru": "ru"}
    assert info["languages"] == ["en", "zh", "kk", "ru"]
    assert info["source"] == "zh" and info["pivot"] == "en"
    assert all(f["paragraphs"] >= 50 and f["encoding"] == "utf-8" for f in info["files"])
    assert result.stderr == ""


def test_info_without_argument_uses_the_bundled_statement():
    result = run_aligner("info")
    assert result.returncode == 0
    assert "Joint Statement" in result.stdout
    assert [line.split()[0] for line in result.stdout.splitlines()[3:]] == ["en", "zh", "kk", "ru"]


def test_info_warns_when_a_file_is_not_in_its_language(tmp_path):
    root = write_docset(
        tmp_path / "d",
        {
            "en.txt": "The two sides agreed to deepen cooperation in trade and investment.",
            "ru.txt": "Тараптар сауда және инвестиция саласындағы ынтымақтастықты тереңдетуге келісті.",
        },
    )
    result = run_aligner("info", str(root))
    assert result.returncode == 0
    assert "ru.txt: named ru but the text looks like kk" in result.stderr


@pytest.mark.parametrize(
    "files,fragment",
    [
        ({"en.txt": b"\x00\x01\x02binary"}, "en.txt: contains NUL bytes"),
        ({"zh.txt": "联合声明".encode("gb18030") + b"\xff\xfe\xfd"}, "zh.txt: is not UTF-8"),
        ({"en.txt": "x", "docset.toml": "pivot = [\n"}, "docset.toml:1: not valid TOML"),
        ({"en.txt": "x", "glossary.tsv": "en\tzh\na\tb\tc\n"}, "glossary.tsv:2: 3 columns"),
        ({"README.md": "nothing"}, "no language file found"),
    ],
)
def test_bad_input_gives_one_line_and_exit_2(tmp_path, files, fragment):
    root = write_docset(tmp_path / "d", files)
    result = run_aligner("info", str(root))
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("aligner: error: ") and fragment in lines[0]
    assert "Traceback" not in result.stderr


def test_missing_docset_path(tmp_path):
    result = run_aligner("info", str(tmp_path / "nope"))
    assert result.returncode == 2
    assert "no such directory" in result.stderr and "Traceback" not in result.stderr


def test_encoding_option_reads_legacy_files(tmp_path):
    root = write_docset(tmp_path / "d", {"de.txt": "Grüße aus Köln".encode("cp1252")})
    assert run_aligner("info", str(root)).returncode == 2
    result = run_aligner("info", str(root), "--encoding", "de=cp1252", "--format", "json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["files"][0]["encoding"] == "cp1252"


def test_assumed_encoding_is_reported_as_a_warning(tmp_path):
    root = write_docset(
        tmp_path / "d", {"ru.txt": "Стороны подтвердили приверженность.".encode("cp1251")}
    )
    result = run_aligner("info", str(root))
    assert result.returncode == 0
    assert "aligner: warning:" in result.stderr and "cp1251" in result.stderr


def test_review_on_a_bad_docset_fails_before_any_screen(tmp_path):
    result = run_aligner("review", str(tmp_path / "missing"))
    assert result.returncode == 2
    assert result.stderr.startswith("aligner: error: ") and "no such directory" in result.stderr
    assert "\x1b[" not in result.stdout, "no screen was drawn"
