"""The command's stored regular-expression programs (``aligner.pattern_cache``) build the
patterns ``re`` builds: equal programs, flags and groups for every pattern the checks and
the facts hold, through a marshalled copy; and ``aligner check`` prints the same with a cold,
a warm, a damaged or no cache."""

from __future__ import annotations

import marshal
import os
import signal
import subprocess
import sys

import polib

from aligner import pattern_cache

_EVERY_PATTERN = r"""
import _sre, gc, marshal, re
import aligner.checks, aligner.facts  # every check's and fact's module-level patterns
from aligner import pattern_cache

patterns = [o for o in gc.get_objects() if isinstance(o, re.Pattern)]
patterns += [
    re.compile(source, flags)
    for source, flags in (
        (r"(?P<a>x)(?P=a)|(?i:Ǳ)\b", 0),
        (r"[\u3400-\u9fff]+(?<!的)", re.IGNORECASE),
        (rb"[\x00-\x1f](?:ab|cd)*?", 0),
        (r"(?x) a # comment\n b", re.MULTILINE | re.DOTALL),
        (r"\w+", re.ASCII),
    )
]
different = []
for pattern in patterns:
    expected = re._compiler.compile(pattern.pattern, pattern.flags)
    made = marshal.loads(marshal.dumps(pattern_cache._assemble(pattern.pattern, pattern.flags)))
    final_flags, program, groups, groupindex, indexgroup = made
    made = _sre.compile(pattern.pattern, final_flags, list(program), groups, groupindex, indexgroup)
    same = made == expected  # flags, pattern and program
    if not (same and made.groupindex == expected.groupindex and made.groups == expected.groups):
        different.append(pattern.pattern)
print(len(patterns), repr(different))
"""


def test_every_pattern_of_the_checks_is_built_the_same_from_its_stored_program():
    # a fresh interpreter: the patterns are found through the garbage collector, which
    # sees none that an earlier test's gc.freeze() moved out of its reach
    out = subprocess.run(
        [sys.executable, "-c", _EVERY_PATTERN], capture_output=True, text=True, check=True
    )
    count, different = out.stdout.split(" ", 1)
    assert int(count) > 150
    assert different.strip() == "[]"


def test_importing_the_command_line_leaves_re_alone():
    probe = (
        "import re; c = re._compiler.compile; import aligner.cli; print(re._compiler.compile is c)"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "True"


def _catalog(tmp_path) -> str:
    po = polib.POFile()
    po.metadata = {"Language": "ru", "Content-Type": "text/plain; charset=UTF-8"}
    for msgid, msgstr in (
        ("Open %s file", "Открыть файл %d"),
        ("Saved 3 files in Kazakhstan", "Сохранено 4 файла в Казахстане"),
        ("Options", "Options"),
    ):
        po.append(polib.POEntry(msgid=msgid, msgstr=msgstr))
    path = tmp_path / "ru.po"
    po.save(str(path))
    return str(path)


def _check(path: str, cache: str, sigint=signal.SIG_DFL) -> str:
    # one hash seed: a few patterns are written from sets (month names), in a set's order
    env = {**os.environ, "XDG_CACHE_HOME": cache, "PYTHONHASHSEED": "0"}
    out = subprocess.run(
        [sys.executable, "-m", "aligner", "check", path, "--format", "json"],
        capture_output=True,
        text=True,
        env=env,
        preexec_fn=lambda: signal.signal(signal.SIGINT, sigint),
    )
    assert out.returncode in (0, 1), out.stderr
    return out.stdout


def test_the_check_prints_the_same_with_a_cold_warm_damaged_or_no_cache(tmp_path):
    path = _catalog(tmp_path)
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("")
    uncached = _check(path, str(blocked))  # no cache can be written: re as it is
    cache = tmp_path / "cache"
    assert _check(path, str(cache)) == uncached  # cold: programs recorded
    (table,) = (cache / "aligner").glob("patterns-*.marshal")
    stored = table.stat().st_mtime_ns
    assert _check(path, str(cache)) == uncached  # warm: every pattern from the table
    assert table.stat().st_mtime_ns == stored  # nothing new to store
    data = bytearray(table.read_bytes())
    data[len(data) // 2] ^= 0xFF
    table.write_bytes(bytes(data))
    assert _check(path, str(cache)) == uncached  # damaged: the checksum refuses it
    assert pattern_cache.read_cached(str(table), pattern_cache._key()) is not None  # rewritten


def test_a_check_started_in_the_background_is_the_command_too(tmp_path):
    # nohup, cron or "cmd &" start it with SIGINT ignored: the cache is still written
    path = _catalog(tmp_path)
    cache = tmp_path / "cache"
    assert _check(path, str(cache), sigint=signal.SIG_IGN) == _check(path, str(tmp_path / "c2"))
    assert list((cache / "aligner").glob("patterns-*.marshal"))


def test_a_pattern_no_run_used_in_the_last_writes_is_dropped(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    known = {(False, f"p{n}", 0): pattern_cache._assemble(f"p{n}", 0) for n in range(4)}
    last = pattern_cache._KEEP_WRITES + 9  # the table was written this often
    stamps = {(False, "p0", 0): 10, (False, "p1", 0): 11, (False, "p2", 0): 3}  # p3: new
    monkeypatch.setattr(pattern_cache, "_known", known)
    monkeypatch.setattr(pattern_cache, "_stamps", stamps)
    monkeypatch.setattr(pattern_cache, "_writes", last)
    monkeypatch.setattr(pattern_cache, "_used", {(False, "p2", 0), (False, "p3", 0)})
    monkeypatch.setattr(pattern_cache, "_added", True)
    pattern_cache.store()
    writes, table, kept = pattern_cache.read_cached(
        pattern_cache._cache_path(), pattern_cache._key()
    )
    # write 60: p0, last used at write 10, dropped; p1 (11) kept; p2 and p3 used now
    assert writes == last + 1 and sorted(p for _, p, _ in table) == ["p1", "p2", "p3"]
    assert marshal.loads(table[(False, "p3", 0)]) == known[(False, "p3", 0)]
    assert kept == {(False, "p1", 0): 11, (False, "p2", 0): last + 1, (False, "p3", 0): last + 1}
