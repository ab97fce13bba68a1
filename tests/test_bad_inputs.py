"""The bad-input corpus: hundreds of hostile inputs across every command, generated.

Each case builds a small valid document set (texts, docset.toml, glossary.tsv, review files,
alignment.tsv), breaks one thing (an encoding, a file type, a permission, a malformed line,
a silly option value...) and runs one command on it. Every case must end the same way:
exit 2, exactly one line on stderr (``aligner: error: <file or option>: <what is wrong>;
<what to do>``) naming what is wrong, no traceback, and the document set byte for byte as it
was (names, kinds, modes and contents of every file).

Speed: a subprocess costs ~0.6 s (Python start-up and imports), so most cases call
``aligner.cli.main(argv)`` in-process with stdout/stderr captured, and a sample of them
(every SAMPLE_EVERY-th) also runs the real ``aligner`` command. Permission cases run the real
command, as an unprivileged user when the tests run as root (root reads a chmod 000 file).
"""

from __future__ import annotations

import codecs
import contextlib
import errno
import functools
import hashlib
import io
import os
import shutil
import signal
import stat
import subprocess
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from aligner import parallel
from aligner.cli import main
from tests.conftest import aligner_command, write_generated

SAMPLE_EVERY = 40  # one in-process case in this many also runs as a real subprocess

EN = [
    "The two sides agreed to deepen cooperation in trade and investment.",
    "Trade between China and Kazakhstan grew by 20 percent in 2022.",
    "The next meeting will be held in Astana on 17 May 2024.",
]
RU = [
    "Стороны договорились углублять сотрудничество в торговле и инвестициях.",
    "Товарооборот между Китаем и Казахстаном в 2022 году вырос на 20 процентов.",
    "Следующая встреча состоится в Астане 17 мая 2024 года.",
]
ZH = [
    "双方同意深化贸易和投资合作。",
    "2022年中国和哈萨克斯坦贸易增长20%。",
    "下次会议将于2024年5月17日在阿斯塔纳举行。",
]
TEXTS = {"en": EN, "ru": RU, "zh": ZH}


# -- the cases ---------------------------------------------------------------------------------

Mutate = Callable[[Path, Path], None]  # (docset, scratch directory outside it)


@dataclass
class Case:
    """One hostile input: how to break the docset, the command, what the error must name."""

    id: str
    argv: tuple[str, ...]  # {d}: the docset, {o}: an output directory, {s}: the scratch dir
    expect: str  # a substring of the error line (the file or the option at fault)
    mutate: Mutate | None = None
    patch: Callable[[pytest.MonkeyPatch], None] | None = None  # in-process fault injection
    as_user: bool = False  # a permission case: run as an unprivileged user
    extra: dict = field(default_factory=dict)


def write(name: str, data: bytes | str) -> Mutate:
    def mutate(d: Path, s: Path) -> None:
        path = d / name
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        elif path.exists() or path.is_symlink():
            path.unlink()
        path.write_bytes(data.encode() if isinstance(data, str) else data)

    return mutate


def make_dir(name: str) -> Mutate:
    def mutate(d: Path, s: Path) -> None:
        path = d / name
        if path.exists() and not path.is_dir():
            path.unlink()
        path.mkdir(exist_ok=True)
        (path / "inside.txt").write_text("x")

    return mutate


def make_fifo(name: str) -> Mutate:
    def mutate(d: Path, s: Path) -> None:
        path = d / name
        if path.exists():
            path.unlink()
        os.mkfifo(path)

    return mutate


def make_link(name: str, target: str) -> Mutate:
    def mutate(d: Path, s: Path) -> None:
        path = d / name
        if path.exists() or path.is_symlink():
            path.unlink()
        os.symlink(target, path)

    return mutate


def remove(*names: str) -> Mutate:
    def mutate(d: Path, s: Path) -> None:
        for name in names:
            path = d / name
            shutil.rmtree(path) if path.is_dir() else path.unlink()

    return mutate


def replace_review_with_file(d: Path, s: Path) -> None:
    shutil.rmtree(d / "review")
    (d / "review").write_text("not a directory")


def chain(*steps: Mutate) -> Mutate:
    def mutate(d: Path, s: Path) -> None:
        for step in steps:
            step(d, s)

    return mutate


def chmod(name: str, mode: int) -> Mutate:
    def mutate(d: Path, s: Path) -> None:
        os.chmod(d / name if name else d, mode)

    return mutate


TEXT_DEFECTS: dict[str, tuple[Mutate, str]] = {
    "invalid-utf8": (write("en.txt", b"caf\xe9 \x99\x9a\x9b end\n"), "en.txt"),
    "nul-bytes": (write("en.txt", b"binary\x00\x01\x02data\n"), "en.txt"),
    "utf16-without-bom": (write("en.txt", "Hello world, two sides.".encode("utf-16-le")), "en.txt"),
    "bad-utf8-after-bom": (write("en.txt", codecs.BOM_UTF8 + b"ok \xff\xfe\n"), "en.txt"),
    "bad-utf16-after-bom": (write("en.txt", codecs.BOM_UTF16_LE + b"a\x00\x00\xd8"), "en.txt"),
    "bad-utf32-after-bom": (write("ru.txt", codecs.BOM_UTF32_LE + b"\xff\xff\xff\xff"), "ru.txt"),
    "text-is-directory": (make_dir("en.txt"), "en.txt"),
    "text-is-fifo": (make_fifo("en.txt"), "en.txt"),
    "text-dangling-symlink": (make_link("ru.txt", "missing/ru-source.txt"), "ru.txt"),
    "text-symlink-loop": (make_link("zh.txt", "zh.txt"), "zh.txt"),
    "text-is-device": (make_link("en.txt", "/dev/zero"), "en.txt"),
    "no-language-file": (remove("en.txt", "ru.txt", "zh.txt"), "no language file"),
    "toml-invalid": (write("docset.toml", 'title = "unterminated\n'), "docset.toml"),
    "toml-nested": (
        write("docset.toml", "title = " + "[" * 3000 + "]" * 3000 + "\n"),
        "docset.toml",
    ),
    "toml-unknown-key": (write("docset.toml", 'titel = "x"\n'), "docset.toml"),
    "toml-title-type": (write("docset.toml", "title = 3\n"), "docset.toml"),
    "toml-title-table-type": (write("docset.toml", "[title]\nen = 1\n"), "docset.toml"),
    "toml-source-missing": (write("docset.toml", 'source = "de"\n'), "docset.toml"),
    "toml-pivot-type": (write("docset.toml", "pivot = 5\n"), "docset.toml"),
    "toml-order-twice": (write("docset.toml", 'order = ["en", "en"]\n'), "docset.toml"),
    "toml-order-type": (write("docset.toml", 'order = "en"\n'), "docset.toml"),
    "toml-is-directory": (make_dir("docset.toml"), "docset.toml"),
    "toml-is-fifo": (make_fifo("docset.toml"), "docset.toml"),
    "toml-dangling-symlink": (make_link("docset.toml", "nowhere.toml"), "docset.toml"),
    "toml-invalid-utf8": (write("docset.toml", b'title = "\xff\xfe\x99"\n'), "docset.toml"),
    "toml-nul": (write("docset.toml", b'title = "a\x00b"\n'), "docset.toml"),
    "toml-huge-line": (write("docset.toml", "title = " + "x" * 2_000_000 + "\n"), "docset.toml"),
    "glossary-columns": (write("glossary.tsv", "en\tru\nA\tБ\tC\tD\n"), "glossary.tsv"),
    "glossary-header": (write("glossary.tsv", "en\ten\nA\tB\n"), "glossary.tsv"),
    "glossary-is-directory": (make_dir("glossary.tsv"), "glossary.tsv"),
    "glossary-nul": (write("glossary.tsv", b"en\tru\nA\x00\tB\n"), "glossary.tsv"),
    "alignment-is-directory": (make_dir("alignment.tsv"), "alignment.tsv"),
    "review-is-file": (replace_review_with_file, "review"),
}

ENCODING_OPTIONS: dict[str, tuple[str, str]] = {  # --encoding value, expected in the error
    "rot13": ("rot13", "rot13"),
    "base64": ("base64", "base64"),
    "zlib": ("zlib_codec", "zlib"),
    "unknown-codec": ("no-such-codec", "no-such-codec"),
    "lang-no-codec": ("ru=", "--encoding"),
    "codec-no-lang": ("=cp1251", "--encoding"),
    "odd-code": ("RU=cp1251", "RU"),
    "unknown-language": ("de=cp1251", "de"),
    "language-twice": ("ru=utf-8,ru=cp1251", "twice"),
    "wrong-codec-for-file": ("ru=ascii", "ru.txt"),
    "per-lang-rot13": ("ru=rot13", "rot13"),
}

ALIGNMENT_DEFECTS: dict[str, tuple[bytes | str, str]] = {
    "header": ("identifier\ten\tru\n", "alignment.tsv"),
    "no-language": ("id\tscore\nr1\t1\n", "alignment.tsv"),
    "huge-index": (
        "id\ten\tru\tzh\tscore\nr1\t0-" + "9" * 30 + "\t0-2\t0-2\t0.5\n",
        "alignment.tsv",
    ),
    "huge-start": ("id\ten\tru\tzh\tscore\nr1\t" + "1" * 30 + "\t0\t0\t0.5\n", "alignment.tsv"),
    "not-utf8": (b"id\ten\tru\tzh\tscore\nr1\t0\t0\t0\t0.5\xff\n", "alignment.tsv"),
    "bad-score": ("id\ten\tru\tzh\tscore\nr1\t0-2\t0-2\t0-2\tlots\n", "alignment.tsv"),
    "nan-score": ("id\ten\tru\tzh\tscore\nr1\t0-2\t0-2\t0-2\tnan\n", "alignment.tsv"),
    "id-twice": ("id\ten\tru\tzh\tscore\nr1\t0\t0\t0\t1\nr1\t1-2\t1-2\t1-2\t1\n", "alignment.tsv"),
    "backwards": ("id\ten\tru\tzh\tscore\nr1\t2-0\t0-2\t0-2\t1\n", "alignment.tsv"),
    "arabic-digits": ("id\ten\tru\tzh\tscore\nr1\t٠-٢\t0-2\t0-2\t1\n", "alignment.tsv"),
    "fields": ("id\ten\tru\tzh\tscore\nr1\t0-2\t0-2\n", "alignment.tsv"),
    "gap": ("id\ten\tru\tzh\tscore\nr1\t0\t0\t0\t1\nr2\t2\t1-2\t1-2\t1\n", "alignment.tsv"),
    "empty": ("", "alignment.tsv"),
    "huge-garbage-line": ("x" * 1_000_000 + "\n", "alignment.tsv"),
    "language-twice": ("id\ten\ten\tscore\nr1\t0\t0\t1\n", "alignment.tsv"),
}

REVIEW_DEFECTS: dict[str, tuple[Mutate, str]] = {
    "po-is-directory": (make_dir("review/en.po"), "en.po"),
    "po-malformed": (write("review/en.po", 'msgid "unterminated\nmsgstr ""\n'), "en.po"),
    "po-empty": (write("review/en.po", b""), "en.po"),
    "po-binary": (write("review/en.po", b"\x00\x01\x02\xde\x12\x04\x95"), "en.po"),
    "po-charset-lies": (
        lambda d, s: (d / "review/ru.po").write_bytes(
            (d / "review/ru.po").read_bytes().replace(b"charset=UTF-8", b"charset=ISO-8859-1")
        ),
        "ru.po",
    ),
    "po-header-only": (
        write(
            "review/en.po", 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
        ),
        "en.po",
    ),
}

CATALOG_CASES: dict[str, tuple[Mutate, tuple[str, ...], str]] = {
    "missing": (lambda d, s: None, ("{s}/missing.po",), "missing.po"),
    "directory": (lambda d, s: (s / "dir.po").mkdir(), ("{s}/dir.po",), "dir.po"),
    "fifo": (lambda d, s: os.mkfifo(s / "pipe.po"), ("{s}/pipe.po",), "pipe.po"),
    "binary": (
        lambda d, s: (s / "bin.po").write_bytes(b"\x00\x01garbage"),
        ("{s}/bin.po",),
        "bin.po",
    ),
    "unterminated": (
        lambda d, s: (s / "u.po").write_text('msgid "a\nmsgstr "b"\n'),
        ("{s}/u.po", "--lang", "ru"),
        "u.po",
    ),
    "no-language": (
        lambda d, s: (s / "x.po").write_text('msgid "a b"\nmsgstr "в г"\n'),
        ("{s}/x.po",),
        "x.po",
    ),
    "garbage-mo": (
        lambda d, s: (s / "x.mo").write_bytes(b"\xde\x12\x04\x95" + b"\xff" * 40),
        ("{s}/x.mo",),
        "x.mo",
    ),
    "reviewed-on-catalog": (
        lambda d, s: (s / "ok.po").write_text('msgid "a"\nmsgstr "б"\n'),
        ("{s}/ok.po", "--lang", "ru", "--reviewed"),
        "--reviewed",
    ),
    "encoding-on-catalog": (
        lambda d, s: (s / "ok.po").write_text('msgid "a"\nmsgstr "б"\n'),
        ("{s}/ok.po", "--lang", "ru", "--encoding", "cp1251"),
        "--encoding",
    ),
    "two-langs-on-catalog": (
        lambda d, s: (s / "ok.po").write_text('msgid "a"\nmsgstr "б"\n'),
        ("{s}/ok.po", "--lang", "en,ru"),
        "--lang",
    ),
    "odd-lang-on-catalog": (
        lambda d, s: (s / "ok.po").write_text('msgid "a"\nmsgstr "б"\n'),
        ("{s}/ok.po", "--lang", "../ru"),
        "--lang",
    ),
    "invalid-utf8-po": (
        lambda d, s: (s / "bad.po").write_bytes(
            b'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: ru\\n"'
            b'\n\nmsgid "a"\nmsgstr "\xff\xfe"\n'
        ),
        ("{s}/bad.po",),
        "bad.po",
    ),
}

LANGS_VALUES = {
    "empty": "",
    "comma": ",",
    "twice": "en,en",
    "upper": "EN",
    "path": "../x",
    "unknown": "de",
    "empty-item": "en,,ru",
    "spaces": " ",
    "control": "en\x1b[2J",
}
OUT = ("--out", "{o}")
DOCSET_COMMANDS = {
    "info": ("info", "{d}"),
    "align": ("align", "{d}"),
    "check": ("check", "{d}"),
    "sync": ("sync", "{d}"),
    "export": ("export", "{d}", "--format", "txt", *OUT),
    "score": ("score", "{d}"),
    "review": ("review", "{d}"),
}
ALIGNING = ("align", "check", "sync", "export", "score")
STORE_COMMANDS = {
    "sync": ("sync", "{d}"),
    "export": ("export", "{d}", "--format", "po", *OUT),
    "score": ("score", "{d}"),
    "check-reviewed": ("check", "{d}", "--reviewed"),
}


def enospc(monkeypatch: pytest.MonkeyPatch) -> None:
    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)


def eio_on_read(name: str) -> Callable[[pytest.MonkeyPatch], None]:
    def patch(monkeypatch: pytest.MonkeyPatch) -> None:
        real = Path.read_bytes

        def read_bytes(self: Path) -> bytes:
            if self.name == name:
                raise OSError(errno.EIO, os.strerror(errno.EIO), str(self))
            return real(self)

        monkeypatch.setattr(Path, "read_bytes", read_bytes)

    return patch


def generate() -> list[Case]:
    cases: list[Case] = []
    for defect, (mutate, expect) in TEXT_DEFECTS.items():
        for name, argv in DOCSET_COMMANDS.items():
            cases.append(Case(f"{defect}/{name}", argv, expect, mutate))
    cp1251 = write("ru.txt", "\n\n".join(RU).encode("cp1251"))
    for option, (value, expect) in ENCODING_OPTIONS.items():
        for name in ("info", "align", "check", "sync", "export", "review"):
            cases.append(
                Case(
                    f"encoding-{option}/{name}",
                    (*DOCSET_COMMANDS[name], "--encoding", value),
                    expect,
                    cp1251,
                )
            )
    for defect, (data, expect) in ALIGNMENT_DEFECTS.items():
        for name in ALIGNING:
            cases.append(
                Case(
                    f"alignment-{defect}/{name}",
                    DOCSET_COMMANDS[name],
                    expect,
                    write("alignment.tsv", data),
                )
            )
    for defect, (mutate, expect) in REVIEW_DEFECTS.items():
        for name, argv in STORE_COMMANDS.items():
            cases.append(Case(f"review-{defect}/{name}", argv, expect, mutate))
    for defect, (mutate, argv, expect) in CATALOG_CASES.items():
        cases.append(Case(f"catalog-{defect}", ("check", *argv), expect, mutate))
    for label, value in LANGS_VALUES.items():
        cases.append(Case(f"align-langs-{label}", ("align", "{d}", "--lang", value), "--lang"))
        cases.append(Case(f"sync-langs-{label}", ("sync", "{d}", "--lang", value), "--lang"))
        cases.append(
            Case(
                f"export-langs-{label}",
                ("export", "{d}", "--format", "tmx", *OUT, "--lang", value),
                "--lang",
            )
        )
        cases.append(Case(f"check-lang-{label}", ("check", "{d}", "--lang", value), "--lang"))
        if label != "twice":
            cases.append(Case(f"score-lang-{label}", ("score", "{d}", "--lang", value), "--lang"))
    cases += [
        Case("sync-langs-twice-as-words", ("sync", "{d}", "--langs", "en", "en"), "--lang"),
        Case("align-pivot-unknown", ("align", "{d}", "--pivot", "de"), "--pivot"),
        Case("align-pivot-empty", ("align", "{d}", "--pivot", ""), "--pivot"),
        Case(
            "align-pivot-not-aligned",
            ("align", "{d}", "--lang", "en,zh", "--pivot", "ru"),
            "--pivot",
        ),
        Case("check-checks-empty", ("check", "{d}", "--checks", ""), "--checks"),
        Case("check-checks-unknown", ("check", "{d}", "--checks", "grammar"), "--checks"),
        Case("check-checks-twice", ("check", "{d}", "--checks", "number,number"), "--checks"),
        Case("check-checks-comma", ("check", "{d}", "--checks", ","), "--checks"),
        Case("export-out-empty", ("export", "{d}", "--format", "txt", "--out", ""), "--out"),
        Case(
            "export-out-docset",
            ("export", "{d}", "--format", "txt", "--out", "{d}"),
            "document set",
        ),
        Case(
            "export-out-review",
            ("export", "{d}", "--format", "po", "--out", "{d}/review"),
            "document set",
        ),
        Case(
            "export-out-inside",
            ("export", "{d}", "--format", "csv", "--out", "{d}/sub/out"),
            "inside the document set",
        ),
        Case(
            "export-out-is-file",
            ("export", "{d}", "--format", "txt", "--out", "{s}/f"),
            "not a directory",
            lambda d, s: (s / "f").write_text("x"),
        ),
        Case(
            "export-out-under-file",
            ("export", "{d}", "--format", "txt", "--out", "{s}/f/sub"),
            "is a file",
            lambda d, s: (s / "f").write_text("x"),
        ),
        Case(
            "export-out-in-proc",
            ("export", "{d}", "--format", "txt", "--out", "/proc/self/x"),
            "/proc/self/x",
        ),
        Case(
            "export-would-overwrite",
            ("export", "{d}", "--format", "txt", "--out", "{s}/o"),
            "--force",
            lambda d, s: ((s / "o").mkdir(), (s / "o" / "en.txt").write_text("x")),
        ),
        Case("export-format-unknown", ("export", "{d}", "--format", "docx", *OUT), "--format"),
        Case("export-no-out", ("export", "{d}", "--format", "txt"), "--out"),
        Case("info-format-unknown", ("info", "{d}", "--format", "xml"), "--format"),
        Case("align-format-unknown", ("align", "{d}", "--format", "yaml"), "--format"),
        Case("docset-empty-string", ("info", ""), "DOCSET"),
        Case("docset-missing", ("align", "{s}/nowhere"), "nowhere"),
        Case("docset-is-file", ("info", "{d}/en.txt"), "en.txt"),
        Case("docset-is-file-sync", ("sync", "{d}/en.txt"), "en.txt"),
        Case(
            "docset-empty-dir", ("sync", "{s}/empty"), "empty", lambda d, s: (s / "empty").mkdir()
        ),
        Case("docset-name-too-long", ("info", "{s}/" + "x" * 300), "file name too long"),
        Case("docset-is-fifo", ("check", "{s}/fifo"), "fifo", lambda d, s: os.mkfifo(s / "fifo")),
        Case(
            "docset-symlink-loop",
            ("sync", "{s}/loop"),
            "loop",
            lambda d, s: os.symlink("loop", s / "loop"),
        ),
        Case("docset-with-newline", ("align", "{s}/new\nline"), "new↵line"),
        Case("docset-with-escape", ("info", "{s}/\x1b]2;x\x07"), "␛]2;x␇"),
        Case("unknown-command", ("translate", "{d}"), "translate"),
        Case("unknown-option", ("info", "{d}", "--colour"), "--colour"),
        Case("encoding-empty", ("info", "{d}", "--encoding", ""), "--encoding"),
    ]
    hyp = lambda d, s: ((s / "h.txt").write_text("a b c\n"), (s / "r.txt").write_text("a b d\n"))
    for label, value in {
        "zero": "0",
        "negative": "-5",
        "words": "many",
        "huge": "1000000000",
        "float": "2.5",
    }.items():
        cases.append(
            Case(
                f"score-bootstrap-{label}",
                ("score", "--hyp", "{s}/h.txt", "--ref", "{s}/r.txt", "--bootstrap", value),
                "--bootstrap",
                hyp,
            )
        )
    score_files = {
        "hyp-missing": (("--hyp", "{s}/none.txt", "--ref", "{s}/r.txt"), "none.txt", hyp),
        "hyp-directory": (("--hyp", "{s}", "--ref", "{s}/r.txt"), "", hyp),
        "hyp-fifo": (
            ("--hyp", "{s}/p.txt", "--ref", "{s}/r.txt"),
            "p.txt",
            chain(hyp, lambda d, s: os.mkfifo(s / "p.txt")),
        ),
        "hyp-empty": (
            ("--hyp", "{s}/e.txt", "--ref", "{s}/r.txt"),
            "e.txt",
            chain(hyp, lambda d, s: (s / "e.txt").write_text("")),
        ),
        "hyp-binary": (
            ("--hyp", "{s}/b.txt", "--ref", "{s}/r.txt"),
            "b.txt",
            chain(hyp, lambda d, s: (s / "b.txt").write_bytes(b"\x00\x01\x02")),
        ),
        "hyp-invalid-utf8": (
            ("--hyp", "{s}/i.txt", "--ref", "{s}/r.txt"),
            "i.txt",
            chain(hyp, lambda d, s: (s / "i.txt").write_bytes(b"caf\xe9 \x99\x9a\x9b\n")),
        ),
        "ref-missing": (("--hyp", "{s}/h.txt"), "--ref", hyp),
        "hyp-missing-arg": (("--ref", "{s}/r.txt"), "--hyp", hyp),
        "rot13": (
            ("--hyp", "{s}/h.txt", "--ref", "{s}/r.txt", "--encoding", "rot13"),
            "rot13",
            hyp,
        ),
        "per-language-encoding": (
            ("--hyp", "{s}/h.txt", "--ref", "{s}/r.txt", "--encoding", "ru=cp1251"),
            "--encoding",
            hyp,
        ),
        "with-docset": (("{d}", "--hyp", "{s}/h.txt", "--ref", "{s}/r.txt"), "DOCSET", hyp),
        "two-languages": (
            ("--hyp", "{s}/h.txt", "--ref", "{s}/r.txt", "--lang", "en,ru"),
            "--lang",
            hyp,
        ),
        "bootstrap-on-docset": (("{d}", "--bootstrap", "10"), "--bootstrap", None),
    }
    for label, (argv, expect, mutate) in score_files.items():
        cases.append(Case(f"score-{label}", ("score", *argv), expect or "{s}", mutate))
    # sync validates everything before it writes anything (alignment.tsv included)
    no_rows = remove("alignment.tsv")
    cases += [
        Case("sync-unsaved-rows-langs-unknown", ("sync", "{d}", "--lang", "de"), "--lang", no_rows),
        Case(
            "sync-unsaved-rows-review-malformed",
            ("sync", "{d}"),
            "en.po",
            chain(no_rows, REVIEW_DEFECTS["po-malformed"][0]),
        ),
        Case(
            "sync-unsaved-rows-review-empty",
            ("sync", "{d}"),
            "en.po",
            chain(no_rows, REVIEW_DEFECTS["po-empty"][0]),
        ),
        Case(
            "sync-unsaved-rows-po-is-directory",
            ("sync", "{d}"),
            "en.po",
            chain(no_rows, REVIEW_DEFECTS["po-is-directory"][0]),
        ),
        Case(
            "align-save-langs-subset",
            ("align", "{d}", "--save", "--fresh", "--lang", "en,ru"),
            "--lang",
        ),
        Case(
            "align-save-langs-unknown",
            ("align", "{d}", "--save", "--lang", "en,de"),
            "--lang",
            no_rows,
        ),
    ]
    # disk full, I/O errors (injected in-process)
    cases += [
        Case("enospc-sync-review", ("sync", "{d}"), "zh.po", remove("review/zh.po"), enospc),
        Case(
            "enospc-sync-alignment",
            ("sync", "{d}"),
            "alignment.tsv",
            remove("alignment.tsv"),
            enospc,
        ),
        Case(
            "enospc-align-save",
            ("align", "{d}", "--fresh", "--save"),
            "alignment.tsv",
            remove("alignment.tsv"),
            enospc,
        ),
        Case("enospc-export-txt", ("export", "{d}", "--format", "txt", *OUT), "out", None, enospc),
        Case(
            "enospc-export-po",
            ("export", "{d}", "--format", "po", "--mo", *OUT),
            "out",
            None,
            enospc,
        ),
        Case("eio-read-text", ("check", "{d}"), "ru.txt", None, eio_on_read("ru.txt")),
        Case("eio-read-toml", ("info", "{d}"), "docset.toml", None, eio_on_read("docset.toml")),
    ]
    return cases


def permission_cases() -> list[Case]:
    """Cases that need the kernel to refuse access (run as an unprivileged user under root)."""
    cases = []
    for name in ("info", "sync", "review"):
        cases.append(
            Case(
                f"perm-text-unreadable/{name}",
                DOCSET_COMMANDS[name],
                "en.txt",
                chmod("en.txt", 0),
                as_user=True,
            )
        )
        cases.append(
            Case(
                f"perm-docset-unreadable/{name}",
                DOCSET_COMMANDS[name],
                "{d}",
                chmod("", 0o300),
                as_user=True,
            )
        )
    for name in ("align", "check", "sync"):
        cases.append(
            Case(
                f"perm-alignment-unreadable/{name}",
                DOCSET_COMMANDS[name],
                "alignment.tsv",
                chmod("alignment.tsv", 0),
                as_user=True,
            )
        )
    for name, argv in STORE_COMMANDS.items():
        cases.append(
            Case(
                f"perm-review-unreadable/{name}",
                argv,
                "en.po",
                chmod("review/en.po", 0),
                as_user=True,
            )
        )
    cases += [
        Case(
            "perm-toml-unreadable",
            ("info", "{d}"),
            "docset.toml",
            chmod("docset.toml", 0),
            as_user=True,
        ),
        Case(
            "perm-glossary-unreadable",
            ("check", "{d}"),
            "glossary.tsv",
            chmod("glossary.tsv", 0),
            as_user=True,
        ),
        Case(
            "perm-docset-read-only/sync",
            ("sync", "{d}"),
            "{d}",
            chain(remove("alignment.tsv"), chmod("", 0o555)),
            as_user=True,
        ),
        Case(
            "perm-docset-read-only/align-save",
            ("align", "{d}", "--fresh", "--save"),
            "alignment.tsv",
            chmod("", 0o555),
            as_user=True,
        ),
        Case(
            "perm-review-read-only/sync",
            ("sync", "{d}"),
            "review",
            chain(remove("review/zh.po"), chmod("review", 0o555)),
            as_user=True,
        ),
        Case(
            "perm-review-read-only/sync-unsaved-rows",
            ("sync", "{d}"),
            "review",
            chain(remove("alignment.tsv"), chmod("review", 0o555)),
            as_user=True,
        ),
        Case(
            "perm-export-read-only-out",
            ("export", "{d}", "--format", "txt", "--out", "{s}/ro/out"),
            "ro",
            lambda d, s: ((s / "ro").mkdir(), os.chmod(s / "ro", 0o555)),
            as_user=True,
        ),
    ]
    return cases


CASES = generate()
PERMISSION_CASES = permission_cases()


# -- running them ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    """A valid docset with review files and alignment.tsv (made by a real sync)."""
    root = tmp_path_factory.mktemp("template") / "doc"
    root.mkdir()
    for lang, paragraphs in TEXTS.items():
        (root / f"{lang}.txt").write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    (root / "docset.toml").write_text(
        'title = "Bad input corpus"\nsource = "en"\norder = ["en", "ru", "zh"]\n'
    )
    (root / "glossary.tsv").write_text("en\tru\tzh\nKazakhstan\tКазахстан\t哈萨克斯坦\n")
    code, out, err = run_in_process(("sync", str(root)))
    assert code == 0, err
    assert (root / "alignment.tsv").is_file() and (root / "review" / "en.po").is_file()
    return root


def tree_state(root: Path) -> dict[str, tuple]:
    """Every entry under ``root``: kind, permission bits and content (or link target)."""
    state: dict[str, tuple] = {}

    def visit(path: Path, rel: str) -> None:
        info = os.lstat(path)
        mode = stat.S_IMODE(info.st_mode)
        if stat.S_ISLNK(info.st_mode):
            state[rel] = ("link", os.readlink(path))
        elif stat.S_ISDIR(info.st_mode):
            state[rel] = ("dir", mode)
            if mode & 0o500 != 0o500:
                os.chmod(path, mode | 0o700)  # (root only here: read what a user could not)
            try:
                for entry in sorted(os.listdir(path)):
                    visit(path / entry, f"{rel}/{entry}")
            finally:
                os.chmod(path, mode)
        elif stat.S_ISREG(info.st_mode):
            with open(path, "rb") if os.access(path, os.R_OK) else _as_owner(path) as handle:
                state[rel] = ("file", mode, hashlib.sha256(handle.read()).hexdigest())
        else:
            state[rel] = ("special", stat.S_IFMT(info.st_mode), mode)

    visit(root, ".")
    return state


@contextlib.contextmanager
def _as_owner(path: Path):
    mode = stat.S_IMODE(os.lstat(path).st_mode)
    os.chmod(path, mode | 0o400)
    try:
        with open(path, "rb") as handle:
            yield handle
    finally:
        os.chmod(path, mode)


def run_in_process(argv: tuple[str, ...]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(list(argv))
        except SystemExit as exc:  # argparse
            code = exc.code if isinstance(exc.code, int) else 2
    return code, out.getvalue(), err.getvalue()


def run_subprocess(
    argv: tuple[str, ...], user: int | None = None, cwd: str | None = None
) -> tuple[int, str, str]:
    env = dict(
        os.environ,
        PYTHONIOENCODING="utf-8",
        ALIGNER_WORKERS="1",
        PYTHONDONTWRITEBYTECODE="1",
        ALIGNER_PROGRESS_AFTER="inf",
    )
    result = subprocess.run(
        [*aligner_command(), *argv],
        capture_output=True,
        env=env,
        timeout=60,
        user=user,
        stdin=subprocess.DEVNULL,
        cwd=cwd,
    )
    return (
        result.returncode,
        result.stdout.decode("utf-8", "replace"),
        result.stderr.decode("utf-8", "replace"),
    )


def prepare(case: Case, template: Path, base: Path) -> tuple[Path, Path, tuple[str, ...]]:
    docset, scratch = base / "doc", base / "scratch"
    shutil.copytree(template, docset, symlinks=True)
    scratch.mkdir()
    if case.mutate is not None:
        case.mutate(docset, scratch)
    names = {"d": str(docset), "o": str(scratch / "out"), "s": str(scratch)}
    argv = tuple(arg.format(**names) if "{" in arg else arg for arg in case.argv)
    return docset, scratch, argv


def assert_refused(case: Case, argv, result, docset: Path, scratch: Path, before, how: str):
    code, out, err = result
    where = f"{case.id} ({how}): {argv}\nstdout: {out[-500:]}\nstderr: {err[-2000:]}"
    assert "Traceback" not in err and "Traceback" not in out, where
    assert code == 2, where
    lines = err.splitlines()
    assert len(lines) == 1, where
    line = lines[0]
    assert line.startswith("aligner: error: "), where
    expect = case.expect.format(d=docset, s=scratch)
    assert expect in line, f"{where}\nexpected {expect!r} in the error"
    assert "; " in line.split(": ", 2)[-1], f"{where}\nno remedy after '; '"
    assert out == "", where
    assert tree_state(docset) == before, f"{where}\nthe docset changed"


@pytest.fixture
def isolated(monkeypatch):
    """In-process runs leave no global state behind (the review command's pool setting)."""
    monkeypatch.setattr(parallel, "_caller_works", parallel._caller_works)
    monkeypatch.setenv("ALIGNER_WORKERS", "1")

    import importlib

    real = importlib.import_module

    def no_ui(name, *args, **kwargs):
        if name.startswith("tui"):
            raise AssertionError(f"the review UI would start ({name})")
        return real(name, *args, **kwargs)

    monkeypatch.setattr(importlib, "import_module", no_ui)
    return monkeypatch


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_bad_input_is_refused_in_one_line(case: Case, template, tmp_path, isolated):
    docset, scratch, argv = prepare(case, template, tmp_path)
    before = tree_state(docset)
    if case.patch is not None:
        case.patch(isolated)
    assert_refused(case, argv, run_in_process(argv), docset, scratch, before, "in-process")


SAMPLED = [
    case for index, case in enumerate(CASES) if index % SAMPLE_EVERY == 0 and case.patch is None
]


@pytest.mark.parametrize("case", SAMPLED, ids=[case.id for case in SAMPLED])
def test_the_real_command_refuses_it_too(case: Case, template, tmp_path):
    docset, scratch, argv = prepare(case, template, tmp_path)
    before = tree_state(docset)
    assert_refused(case, argv, run_subprocess(argv), docset, scratch, before, "subprocess")


def _unprivileged() -> int | None:
    """The uid to run permission cases as: None for ourselves (not root), else nobody's."""
    if os.geteuid() != 0:
        return None
    try:
        import pwd

        uid = pwd.getpwnam("nobody").pw_uid
    except (ImportError, KeyError):
        pytest.skip("running as root and there is no 'nobody' user to drop to")
    if not _can_run_aligner(uid):
        pytest.skip(
            f"user nobody cannot run {aligner_command()[0]} (a directory on its path, "
            "such as a private home holding the interpreter, is closed to it)"
        )
    return uid


@functools.cache
def _can_run_aligner(uid: int) -> bool:
    """Whether ``uid`` can start the aligner at all (``aligner --version``)."""
    try:
        result = subprocess.run(
            [*aligner_command(), "--version"],
            capture_output=True,
            timeout=60,
            user=uid,
            stdin=subprocess.DEVNULL,
            cwd="/",
        )
    except OSError:
        return False
    return result.returncode == 0


@pytest.mark.parametrize("case", PERMISSION_CASES, ids=[case.id for case in PERMISSION_CASES])
def test_permission_problems_are_refused_in_one_line(case: Case, template):
    uid = _unprivileged()
    base = Path(tempfile.mkdtemp(prefix="aligner-perm-"))
    try:
        os.chmod(base, 0o755)
        docset, scratch, argv = prepare(case, template, base)
        if uid is not None:
            for path in [base, *base.rglob("*")]:
                os.lchown(path, uid, -1)
        before = tree_state(docset)
        result = run_subprocess(argv, user=uid, cwd=str(base))
        assert_refused(case, argv, result, docset, scratch, before, "as an unprivileged user")
    finally:
        for path in [base, *base.rglob("*")]:
            if not path.is_symlink():
                os.chmod(path, 0o700)
        shutil.rmtree(base)


def test_the_corpus_is_large():
    assert len(CASES) + len(PERMISSION_CASES) >= 200
    commands = {case.argv[0] for case in CASES + PERMISSION_CASES}
    assert commands >= {"info", "align", "check", "sync", "export", "score", "review"}


# -- odd but valid inputs: accepted, never a traceback --------------------------------------------


def _no_flock(code: int) -> Callable[[pytest.MonkeyPatch], None]:
    def patch(monkeypatch: pytest.MonkeyPatch) -> None:
        import fcntl

        def refuse(fd, operation):
            raise OSError(code, os.strerror(code))

        monkeypatch.setattr(fcntl, "flock", refuse)

    return patch


ACCEPTED = {  # name: (mutate, argv, patch)
    "empty-language-file": (write("ru.txt", ""), ("check", "{d}"), None),
    "whitespace-only-file": (write("zh.txt", " \n\t\n\u3000\n"), ("align", "{d}"), None),
    "huge-line": (
        write("en.txt", "word " * 60_000 + "\n\n" + "\n\n".join(EN[1:]) + "\n"),
        ("info", "{d}"),
        None,
    ),
    "crlf": (write("en.txt", "\r\n\r\n".join(EN) + "\r\n"), ("check", "{d}"), None),
    "cr-only": (write("en.txt", "\r\r".join(EN) + "\r"), ("align", "{d}"), None),
    "utf8-bom": (
        write("en.txt", codecs.BOM_UTF8 + "\n\n".join(EN).encode()),
        ("info", "{d}"),
        None,
    ),
    "utf16-bom": (write("ru.txt", "\n\n".join(RU).encode("utf-16")), ("check", "{d}"), None),
    "utf32-bom": (write("zh.txt", "\n\n".join(ZH).encode("utf-32")), ("info", "{d}"), None),
    "cp1251-russian": (write("ru.txt", "\n\n".join(RU).encode("cp1251")), ("info", "{d}"), None),
    "gb18030-chinese": (write("zh.txt", "\n\n".join(ZH).encode("gb18030")), ("align", "{d}"), None),
    "given-encoding": (
        write("ru.txt", "\n\n".join(RU).encode("koi8-r")),
        ("info", "{d}", "--encoding", "ru=koi8-r"),
        None,
    ),
    "no-flock-enolck": (remove("review/zh.po"), ("sync", "{d}"), _no_flock(errno.ENOLCK)),
    "no-flock-eopnotsupp": (remove("review/zh.po"), ("sync", "{d}"), _no_flock(errno.EOPNOTSUPP)),
    "no-docset-toml": (remove("docset.toml"), ("check", "{d}"), None),
    "empty-docset-toml": (write("docset.toml", ""), ("info", "{d}"), None),
    "region-code": (
        lambda d, s: (d / "zh.txt").rename(d / "zh-TW.txt"),
        ("align", "{d}", "--langs", "en,zh-TW"),
        None,
    ),
    "bootstrap-one": (
        lambda d, s: ((s / "h.txt").write_text("a b c\n"), (s / "r.txt").write_text("a b d\n")),
        ("score", "--hyp", "{s}/h.txt", "--ref", "{s}/r.txt", "--bootstrap", "1"),
        None,
    ),
}


@pytest.mark.parametrize("name", list(ACCEPTED))
def test_odd_but_valid_input_is_accepted(name, template, tmp_path, isolated):
    mutate, argv, patch = ACCEPTED[name]
    case = Case(name, argv, "", mutate)
    docset, scratch, argv = prepare(case, template, tmp_path)
    if patch is not None:
        patch(isolated)
    code, out, err = run_in_process(argv)
    assert code in (0, 1), (argv, err)
    assert "Traceback" not in err and "error:" not in err, err
    assert out.strip(), "the command printed its result"


# -- Ctrl-C ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def long_docset(tmp_path_factory) -> Path:
    return write_generated(tmp_path_factory.mktemp("long") / "doc", 3000)


@pytest.mark.parametrize("delay", [0.1, 0.3, 0.6, 1.0])
def test_ctrl_c_while_a_long_command_starts_is_one_line(delay, long_docset):
    """A terminal's Ctrl-C (SIGINT to the whole process group) in the first second: imports,
    the texts loading, the checks. One line, exit 130, nothing else. (In one process: what
    worker processes do with the signal is tests/test_workers_lifetime.py's subject.)"""
    env = dict(
        os.environ, PYTHONIOENCODING="utf-8", ALIGNER_WORKERS="1", ALIGNER_PROGRESS_AFTER="inf"
    )
    process = subprocess.Popen(
        [*aligner_command(), "check", str(long_docset)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
        start_new_session=True,
    )
    try:
        time.sleep(delay)
        os.killpg(process.pid, signal.SIGINT)
        _, err = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
    text = err.decode("utf-8", "replace")
    assert "Traceback" not in text, text
    if process.returncode in (0, 1):
        return  # (finished before the signal: a very fast machine)
    assert process.returncode == 130 and text == "aligner: interrupted\n", text


def test_sync_says_which_review_files_were_saved_when_alignment_tsv_fails(
    template, tmp_path, isolated
):
    """Review files are written first (the next sync fits the same rows from the old
    alignment.tsv again); if alignment.tsv then cannot be written, the one line says so."""
    from aligner.review import safe_files

    docset, scratch, argv = prepare(Case("x", ("sync", "{d}"), ""), template, tmp_path)
    (docset / "review" / "zh.po").unlink()
    (docset / "alignment.tsv").unlink()
    real = safe_files.atomic_write

    def full_for_alignment(path, *args, **kwargs):
        if path.name == "alignment.tsv":
            raise safe_files.FileSaveError(
                f"{path}: cannot save (no space left on the "
                "device); the old file is unchanged; free some space"
            )
        return real(path, *args, **kwargs)

    isolated.setattr(safe_files, "atomic_write", full_for_alignment)
    code, out, err = run_in_process(argv)
    assert code == 2 and len(err.splitlines()) == 1, err
    assert "alignment.tsv: cannot save" in err and "zh.po were saved" in err
    assert (docset / "review" / "zh.po").is_file() and not (docset / "alignment.tsv").exists()
