"""``aligner check`` as a user runs it: on PO catalogs and on docsets, text and JSON output,
exit codes."""

from __future__ import annotations

import json
from pathlib import Path

from aligner.checks import check_catalog, check_names
from aligner.commands.check import CHECK_NAMES, excerpt
from tests.conftest import run_aligner, write_docset

HEADER = (
    'msgid ""\nmsgstr ""\n"Language: {lang}\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
)


def write_po(path: Path, lang: str, body: str) -> Path:
    path.write_text(HEADER.format(lang=lang) + body, encoding="utf-8")
    return path


RU_BODY = """#, c-format
msgid "Saved %s files"
msgstr "Сохранено файлов"

#~ msgid "Old"
#~ msgstr "Старое"

msgid "Open the file"
msgstr "Открыть \x1b[1mфайл\x1b[0m"

#, fuzzy
msgid "Delete"
msgstr "Удалить"

#, c-format
msgid "%d file"
msgid_plural "%d files"
msgstr[0] "%d файл"
msgstr[1] "%d файла"
msgstr[2] "%d файлов %s"

msgid "Untranslated"
msgstr ""

msgid "Keep going"
msgstr "Продолжать, продолжать"
"""


def test_catalog_flags_carry_entry_index_and_msgstr_offsets(tmp_path):
    po = write_po(tmp_path / "app.po", "ru_RU", RU_BODY)
    flags = check_catalog(po)
    found = [(f.entry, f.paragraph, f.check, f.lang) for f in flags]
    assert (0, 0, "placeholder", "ru") in found  # %s lost
    assert (1, 0, "control", "ru") in found  # ANSI escapes
    assert (3, 2, "placeholder", "ru") in found  # extra %s in plural form 2
    assert (5, 0, "repeat", "ru") in found
    assert not any(f.entry == 4 for f in flags)  # untranslated: nothing to check
    escape = next(f for f in flags if f.check == "control")
    assert "Открыть \x1b[1mфайл\x1b[0m"[escape.start : escape.end] == "\x1b[1m"
    extra = next(f for f in flags if f.entry == 3)
    assert "%d файлов %s"[extra.start : extra.end] == "%s"


def test_check_po_json_and_exit_code(tmp_path):
    po = write_po(tmp_path / "app.po", "ru", RU_BODY)
    result = run_aligner("check", str(po), "--format", "json")
    assert result.returncode == 1, result.stderr
    payload = json.loads(result.stdout)
    assert {"entry", "lang", "start", "end", "check", "severity", "message"} <= set(
        payload["flags"][0]
    )
    only = run_aligner("check", str(po), "--checks", "repeat", "--format", "json")
    assert only.returncode == 0  # repeats are warnings
    assert {f["check"] for f in json.loads(only.stdout)["flags"]} == {"repeat"}


def test_clean_catalog_exits_zero(tmp_path):
    po = write_po(tmp_path / "ok.po", "ru", 'msgid "Open %s"\nmsgstr "Открыть %s"\n')
    result = run_aligner("check", str(po))
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip().endswith("no flags")


def test_text_output_puts_carets_under_the_span_in_chinese(tmp_path):
    po = write_po(tmp_path / "zh.po", "zh_CN", 'msgid "File saved"\nmsgstr "文件<>已保存"\n')
    result = run_aligner("check", str(po))
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[0].startswith("entry 0  zh.po:")
    text_line = next(i for i, line in enumerate(lines) if "文件<>已保存" in line)
    assert lines[text_line + 1] == "    " + " " * 4 + "^^"
    assert "error placeholder" in lines[text_line + 2]


def test_excerpt_shows_control_characters_and_stays_on_one_line():
    line, carets = excerpt("a\x1b[31mb\nc", 1, 6)
    assert "\x1b" not in line and "\n" not in line
    assert carets == " ^^^^^"


def test_bad_input_exits_two_with_one_line(tmp_path):
    missing = run_aligner("check", str(tmp_path / "nope.po"))
    assert missing.returncode == 2 and "no such file" in missing.stderr
    broken = tmp_path / "broken.po"
    broken.write_text(
        HEADER.format(lang="ru") + 'msgid "a"\nmsgstr "b"\n\nmsgid "c\nmsgstr "d"\n',
        encoding="utf-8",
    )
    result = run_aligner("check", str(broken))
    assert result.returncode == 2
    assert f"{broken}:9:" in result.stderr and "not a valid PO file" in result.stderr
    nolang = tmp_path / "x.po"
    nolang.write_text('msgid "a b c"\nmsgstr "б в г"\n', encoding="utf-8")
    result = run_aligner("check", str(nolang))
    assert result.returncode == 2 and "--lang" in result.stderr
    assert run_aligner("check", str(nolang), "--lang", "ru").returncode == 0
    unknown = run_aligner("check", str(nolang), "--lang", "ru", "--checks", "grammar")
    assert unknown.returncode == 2 and "known checks" in unknown.stderr


def test_check_docset_reports_rows_and_languages(tmp_path):
    docset = write_docset(
        tmp_path / "ds",
        {
            "en.txt": "The sides met in <> cities.\n\nThey agreed on trade and energy cooperation.",
            "ru.txt": "Стороны встретились в десяти городах.\n\nОни договорились о торговле и "
            "энергетике.",
        },
    )
    result = run_aligner("check", str(docset), "--checks", "placeholder", "--format", "json")
    assert result.returncode == 1, result.stderr
    flags = json.loads(result.stdout)["flags"]
    assert [(f["lang"], f["paragraph"], f["start"], f["end"]) for f in flags] == [("en", 0, 17, 19)]
    assert flags[0]["row"]
    text = run_aligner("check", str(docset), "--checks", "placeholder", "--lang", "ru")
    assert text.returncode == 0 and text.stdout.strip() == "no flags"
    bad = run_aligner("check", str(docset), "--lang", "de")
    assert bad.returncode == 2 and "no language de" in bad.stderr


def test_help_lists_every_check_in_order():
    assert CHECK_NAMES == check_names()
    result = run_aligner("check", "--help")
    assert result.returncode == 0 and ", ".join(CHECK_NAMES) in " ".join(result.stdout.split())


def test_a_suggestion_holding_a_newline_is_printed_on_the_flags_one_line(tmp_path):
    body = 'msgid "Cannot parse file: %s\\n"\nmsgstr "无法解析文件：%s"\n'
    po = write_po(tmp_path / "app.po", "zh_CN", body)
    result = run_aligner("check", str(po), "--checks", "layout")
    lines = result.stdout.splitlines()
    layout = [line for line in lines if "warning layout:" in line]
    assert len(layout) == 1 and layout[0].endswith("(suggest: 无法解析文件：%s↵)"), result.stdout
    assert ")" not in [line.strip() for line in lines]  # no line broken by the suggestion
