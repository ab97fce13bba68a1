"""Start-up of ``aligner check`` on a catalog (issue #15: <= 0.3 s of CPU for one entry):
what a catalog's check never needs is neither imported nor compiled before it is asked for.

Each test runs the CLI's ``main`` in a fresh interpreter, so that nothing another test
imported or compiled is there already.
"""

from __future__ import annotations

import json
import subprocess
import sys

import polib

# Runs two catalogs in one process and reports what the first one left imported and which
# patterns with a range of CJK ideographs each had compiled (re._compile is where every
# re.compile and module-level re.search passes; a cached pattern is not compiled again).
PROBE = r"""
import contextlib, io, json, re, sys

compiled = []
_compile = re._compile


def _record(pattern, flags):
    if isinstance(pattern, str):
        compiled.append(pattern)
    return _compile(pattern, flags)


re._compile = _record
from aligner.cli import main

CJK_RANGE = re.compile(r"(?:\\u(?:3400|4e00)|[\u3400\u4e00])-")


def check(path):
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        try:
            main(["check", path, "--format", "json"])
        except SystemExit:
            pass
    return json.loads(out.getvalue())["flags"]


def cjk_patterns():
    return len({p for p in compiled if CJK_RANGE.search(p)})


first = check(sys.argv[1])
report = {
    "modules": sorted(m for m in ("rapidfuzz", "statistics", "tomllib") if m in sys.modules),
    "first_cjk": cjk_patterns(),
    "first": [flag["check"] for flag in first],
}
second = check(sys.argv[2])
report["second_cjk"] = cjk_patterns()
report["second"] = [(flag["check"], flag["message"]) for flag in second]
print(json.dumps(report, ensure_ascii=False))
"""


def _catalog(tmp_path, lang, pairs):
    po = polib.POFile()
    po.metadata = {"Language": lang, "Content-Type": "text/plain; charset=UTF-8"}
    for msgid, msgstr in pairs:
        po.append(polib.POEntry(msgid=msgid, msgstr=msgstr))
    path = tmp_path / f"{lang}.po"
    po.save(str(path))
    return str(path)


def _probe(first: str, second: str) -> dict:
    out = subprocess.run(
        [sys.executable, "-c", PROBE, first, second], capture_output=True, text=True, check=True
    )
    return json.loads(out.stdout)


def test_a_one_entry_catalog_imports_no_library_it_does_not_use(tmp_path):
    """rapidfuzz (~18 ms to import), statistics and tomllib (a docset's config) wait until
    a check compares two texts, takes a median of enough messages or reads docset.toml."""
    russian = _catalog(tmp_path, "ru", [("Open file", "Открыть файл")])
    report = _probe(russian, russian)
    assert report["modules"] == []
    assert report["first"] == []


def test_chinese_patterns_wait_for_chinese_text(tmp_path):
    """A Russian catalog compiles one pattern with a CJK range (the repeat check's word
    class, which leaves those characters out); a Chinese catalog after it compiles the
    others, and its doubled chunk is flagged as before."""
    russian = _catalog(tmp_path, "ru", [("Open file", "Открыть файл")])
    chinese = _catalog(tmp_path, "zh_CN", [("Open the window", "打开窗口窗口")])
    report = _probe(russian, chinese)
    assert report["first_cjk"] == 1
    assert report["second_cjk"] > report["first_cjk"]
    assert [check for check, _ in report["second"]] == ["repeat"]
