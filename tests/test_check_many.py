"""``aligner check`` on many files in one call: catalogs, directories of catalogs and docsets,
their output grouped by file, exit codes over the whole run, bad paths refused before any
work, progress on a terminal only."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

from aligner import cli
from aligner.commands.check import POOL_FROM_BYTES
from tests.conftest import run_aligner, write_docset

HEADER = (
    'msgid ""\nmsgstr ""\n"Language: {lang}\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
)
CLEAN = 'msgid "Open %s"\nmsgstr "Открыть %s"\n'
LOST_PLACEHOLDER = 'msgid "Saved %s files"\nmsgstr "Сохранено файлов"\n'  # an error
REPEAT = 'msgid "Keep going"\nmsgstr "Продолжать, продолжать"\n'  # a warning
CLEAN_KK = 'msgid "Open %s"\nmsgstr "%s ашу"\n'
# the checks these tests count flags of: what they test is the many-file run, not the checks
ONLY = ("--checks", "placeholder,repeat")


def write_po(path: Path, body: str, lang: str = "ru") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(HEADER.format(lang=lang) + body, encoding="utf-8")
    return path


def test_several_catalogs_and_a_directory_are_grouped_by_file(tmp_path):
    clean = write_po(tmp_path / "clean.po", CLEAN)
    broken = write_po(tmp_path / "broken.po", LOST_PLACEHOLDER)
    locale = tmp_path / "locale"
    nested = write_po(locale / "ru" / "LC_MESSAGES" / "app.po", REPEAT)
    write_po(locale / "kk" / "LC_MESSAGES" / "app.po", CLEAN_KK, "kk")
    (locale / "README").write_text("not a catalog")
    result = run_aligner("check", str(clean), str(broken), str(locale), *ONLY)
    assert result.returncode == 1, result.stderr  # an error flag in one file
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    headers = [line for line in lines if line.startswith("== ")]
    assert headers == [f"== {broken}: 1 flag: 1 error", f"== {nested}: 1 flag: 1 warning"]
    broken_at = lines.index(headers[0])
    assert lines[broken_at + 1].startswith("entry 0  broken.po:")
    assert "error placeholder" in "\n".join(lines[broken_at : lines.index(headers[1])])
    assert "warning repeat" in "\n".join(lines[lines.index(headers[1]) :])
    assert lines[-1] == "checked 4 catalogs, 2 with flags: 2 flags: 1 error, 1 warning"


def test_json_lists_every_file_in_order_and_one_path_keeps_its_shape(tmp_path):
    first = write_po(tmp_path / "b.po", REPEAT)
    second = write_po(tmp_path / "a.po", CLEAN)
    found = write_po(tmp_path / "dir" / "x" / "c.po", LOST_PLACEHOLDER)
    result = run_aligner(
        "check", str(first), str(second), str(tmp_path / "dir"), "--format", "json", *ONLY
    )
    assert result.returncode == 1, result.stderr
    files = json.loads(result.stdout)["files"]
    assert [entry["path"] for entry in files] == [str(first), str(second), str(found)]
    assert [[flag["check"] for flag in entry["flags"]] for entry in files] == [
        ["repeat"],
        [],
        ["placeholder"],
    ]
    assert files[2]["flags"][0]["entry"] == 0
    one = json.loads(run_aligner("check", str(first), "--format", "json", *ONLY).stdout)
    assert list(one) == ["flags"] and one["flags"] == files[0]["flags"]
    directory = json.loads(
        run_aligner("check", str(tmp_path / "dir"), "--format", "json", *ONLY).stdout
    )
    assert [entry["path"] for entry in directory["files"]] == [str(found)]


def test_warnings_only_exit_zero_and_a_file_named_twice_is_checked_once(tmp_path):
    warned = write_po(tmp_path / "w.po", REPEAT)
    clean = write_po(tmp_path / "ok.po", CLEAN)
    result = run_aligner("check", str(warned), str(clean), str(tmp_path / "." / "w.po"), *ONLY)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines()[-1] == "checked 2 catalogs, 1 with flags: 1 flag: 1 warning"
    quiet = run_aligner("check", str(clean), str(clean), *ONLY)
    assert quiet.returncode == 0 and quiet.stdout == "checked 1 catalog: no flags\n"


def test_catalogs_and_a_docset_in_one_call(tmp_path):
    docset = write_docset(
        tmp_path / "ds",
        {
            "en.txt": "The sides met in <> cities.\n\nThey agreed on trade.",
            "ru.txt": "Стороны встретились в десяти городах.\n\nОни договорились о торговле.",
        },
    )
    po = write_po(tmp_path / "app.po", CLEAN)
    result = run_aligner(
        "check", str(po), str(docset), "--checks", "placeholder", "--format", "json"
    )
    assert result.returncode == 1, result.stderr
    files = json.loads(result.stdout)["files"]
    assert [entry["path"] for entry in files] == [str(po), str(docset)]
    assert [(f["lang"], f["paragraph"], f["start"]) for f in files[1]["flags"]] == [("en", 0, 17)]
    text = run_aligner("check", str(po), str(docset), "--checks", "placeholder")
    assert f"== {docset}: 1 flag: 1 error" in text.stdout
    assert text.stdout.splitlines()[-1].startswith("checked 2 files, 1 with flags")


def assert_refused(result, *named: str) -> None:
    assert result.returncode == 2, result.stdout + result.stderr
    assert result.stdout == ""  # nothing printed as results
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("aligner: error: "), result.stderr
    assert "Traceback" not in result.stderr and "; " in lines[0]
    for name in named:
        assert name in lines[0]


def test_bad_paths_are_refused_before_any_work(tmp_path):
    good = write_po(tmp_path / "good.po", LOST_PLACEHOLDER)
    assert_refused(
        run_aligner("check", str(good), str(tmp_path / "missing.po")), "missing.po", "no such file"
    )
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "notes.txt").write_text("no catalogs here")
    assert_refused(
        run_aligner("check", str(good), str(tmp_path / "empty")),
        str(tmp_path / "empty"),
        "no catalogs",
    )
    assert_refused(run_aligner("check", str(tmp_path / "empty")), "no catalogs")
    (tmp_path / "binary.po").write_bytes(b"\x00\x01garbage")
    assert_refused(run_aligner("check", str(good), str(tmp_path / "binary.po")), "binary.po")
    (tmp_path / "bad.mo").write_bytes(b"not an mo file at all")
    assert_refused(
        run_aligner("check", str(tmp_path / "bad.mo"), str(good)), "bad.mo", "not a valid MO file"
    )
    os.mkfifo(tmp_path / "pipe.po")
    assert_refused(run_aligner("check", str(good), str(tmp_path / "pipe.po")), "pipe.po")
    assert_refused(run_aligner("check", str(good), str(good), "--reviewed"), "--reviewed")
    lost = tmp_path / "lost"  # a docset whose texts are gone, its review files left
    write_po(lost / "review" / "en.po", CLEAN, "en")
    (lost / "docset.toml").write_text('title = "Lost"\n')
    assert_refused(run_aligner("check", str(lost)), "no language file")
    assert_refused(run_aligner("check", str(good), str(lost)), "no language file")


def test_a_malformed_catalog_ends_the_run_with_its_error_and_no_results(tmp_path):
    good = write_po(tmp_path / "a" / "good.po", LOST_PLACEHOLDER)
    broken = write_po(tmp_path / "a" / "z.po", 'msgid "a"\nmsgstr "b"\n\nmsgid "c\nmsgstr "d"\n')
    result = run_aligner("check", str(good), str(tmp_path / "a"))
    assert_refused(result, f"{broken}:9:", "not a valid PO file")
    nolang = tmp_path / "b" / "x.po"
    nolang.parent.mkdir()
    nolang.write_text('msgid "a b c"\nmsgstr "б в г"\n', encoding="utf-8")
    assert_refused(run_aligner("check", str(good), str(nolang)), "x.po", "--lang")
    fixed = run_aligner("check", str(good), str(nolang), "--lang", "ru", "--format", "json", *ONLY)
    assert fixed.returncode == 1 and len(json.loads(fixed.stdout)["files"]) == 2


def test_a_large_run_in_workers_gives_what_one_process_gives(tmp_path):
    """Enough catalogs to be spread over worker processes: same flags, same order."""
    filler = "Перевод длинной строки интерфейса без единой ошибки. " * 20
    body = "".join(
        f'msgid "Line {i} of the long interface text"\nmsgstr "Строка {i}. {filler}"\n\n'
        for i in range(150)
    )
    paths = [
        write_po(tmp_path / f"c{n}.po", body + (LOST_PLACEHOLDER if n == 2 else REPEAT))
        for n in range(4)
    ]
    assert sum(path.stat().st_size for path in paths) >= POOL_FROM_BYTES
    argv = ("check", *map(str, paths), "--checks", "placeholder,repeat", "--format", "json")
    spread = run_aligner(*argv)
    os.environ["ALIGNER_WORKERS"], saved = "1", os.environ.get("ALIGNER_WORKERS")
    try:
        alone = run_aligner(*argv)
    finally:
        if saved is None:
            del os.environ["ALIGNER_WORKERS"]
        else:
            os.environ["ALIGNER_WORKERS"] = saved
    assert spread.returncode == alone.returncode == 1, spread.stderr + alone.stderr
    assert spread.stdout == alone.stdout and spread.stderr == alone.stderr == ""
    files = json.loads(spread.stdout)["files"]
    assert [[f["check"] for f in entry["flags"]] for entry in files] == [
        ["repeat"],
        ["repeat"],
        ["placeholder"],
        ["repeat"],
    ]


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


class _Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_progress_shows_on_a_terminal_only_once_work_lasts_and_is_cleared(monkeypatch):
    screen = _Terminal()
    monkeypatch.setattr("sys.stderr", screen)
    progress = cli.Progress()
    clock = progress._clock = _Clock()
    progress.started = clock.now
    with progress:
        progress.show("checked 1/9 catalogs")
        assert screen.getvalue() == ""  # short work: nothing
        clock.now += 1.5
        progress.show("checked 2/9 catalogs")
        progress.show("checked 3/9 catalogs")  # within 0.1 s of the last: skipped
        clock.now += 0.2
        progress.show("checked 4/\x1b[2J9")
    shown = screen.getvalue()
    assert shown.startswith("\raligner: checked 2/9 catalogs\raligner: checked 4/␛[2J9")
    assert "3/9" not in shown and "\x1b" not in shown
    assert shown.endswith("\r" + " " * len("aligner: checked 2/9 catalogs") + "\r")


def test_progress_in_a_pipe_is_plain_lines(monkeypatch, tmp_path):
    pipe = io.StringIO()
    monkeypatch.setattr("sys.stderr", pipe)
    with cli.Progress(after=0) as progress:
        progress.step("checking 2 catalogs", 1, 2)
        progress.step("checking 2 catalogs", 2, 2)  # the same stage, within 5 s: no line
    assert pipe.getvalue() == "aligner: checking 2 catalogs  50%\n"
    paths = [str(write_po(tmp_path / f"{n}.po", REPEAT)) for n in range(3)]
    result = run_aligner("check", *paths, *ONLY)
    assert result.returncode == 0 and result.stderr == ""


def test_an_mo_catalog_reads_as_its_po_source(tmp_path):
    """Compiled catalogs are read without polib: contexts, plurals, the header's charset; the
    untranslated entry is not in the MO file (msgfmt leaves it out too)."""
    import polib

    from aligner.catalog import read_catalog

    source = polib.POFile(encoding="koi8-r")
    source.metadata = {
        "Language": "ru",
        "Content-Type": "text/plain; charset=KOI8-R",
        "Plural-Forms": "nplurals=3; plural=(n%10==1 ? 0 : 1);",
    }
    source.append(polib.POEntry(msgid="Open", msgstr="Открыть"))
    source.append(polib.POEntry(msgid="Open", msgctxt="menu", msgstr="Открыть меню"))
    source.append(
        polib.POEntry(
            msgid="%d file",
            msgid_plural="%d files",
            msgstr_plural={0: "%d файл", 1: "%d файла", 2: "%d файлов"},
        )
    )
    source.append(polib.POEntry(msgid="Untranslated", msgstr=""))
    mo = tmp_path / "app.mo"
    source.save_as_mofile(str(mo))
    assert "Открыть".encode("koi8-r") in mo.read_bytes()
    catalog = read_catalog(mo)
    assert catalog.language == "ru" and catalog.plural_forms == 3
    assert [(e.index, e.msgctxt, e.msgid, e.msgid_plural, e.msgstr) for e in catalog.entries] == [
        (0, None, "%d file", "%d files", ("%d файл", "%d файла", "%d файлов")),
        (1, None, "Open", "", ("Открыть",)),
        (2, "menu", "Open", "", ("Открыть меню",)),
    ]  # in the MO file's order (sorted by msgid, the context first)
    truncated = tmp_path / "cut.mo"
    truncated.write_bytes(mo.read_bytes()[:60])
    assert_refused(run_aligner("check", str(truncated), str(mo)), "cut.mo", "not a valid MO file")
