"""Faults during every kind of write: a fix is never lost, a file is never left half-written.

Three kinds of write: review files (through the store: a fix, and a sync's save),
``alignment.tsv`` and an export. For each:

- **kill -9**: a subprocess writes version after version and says which ones are done;
  it is killed at each step of a write (before the temporary file is fsynced, before and
  after each rename: hooks on ``os.fsync`` / ``os.replace`` stop it there) and at random
  moments. Afterwards the file is a complete old or new version (``msgfmt --check-format``
  for PO), the backup too, and every version reported done is there.
- **injected I/O errors** (ENOSPC, EIO, EDQUOT on write, fsync or rename): the old file and
  its backup are byte-identical, no temporary file is left, the error is one AlignerError
  line naming the file and a remedy, and the fix is saved once the fault is gone.
- **a disk really full** (a 256 kB tmpfs; skipped where it cannot be mounted) and a
  read-only file system.
"""

from __future__ import annotations

import csv
import errno
import io
import os
import random
import re
import shutil
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import polib
import pytest

from aligner.docset import load
from aligner.errors import AlignerError
from aligner.review.pofile_io import read_po
from aligner.review.store import ReviewStore
from tests.conftest import ROOT
from tests.test_store_fixtures import make_docset, msgfmt_check, one_to_one

ROWS = 1500


def _texts(rows: int) -> dict[str, list[str]]:
    return {
        "en": [f"Paragraph {k} of the English text, with some words in it." for k in range(rows)],
        "zh": [f"中文第{k}段。" for k in range(rows)],
    }


@pytest.fixture(scope="module")
def prepared(tmp_path_factory) -> Path:
    """A docset of ROWS rows with its review files written (copied by each test)."""
    docset = make_docset(tmp_path_factory.mktemp("faults") / "doc", _texts(ROWS), 'source = "zh"\n')
    ReviewStore.open(docset, one_to_one(docset)).save()
    return docset.path


@pytest.fixture
def docset_dir(prepared, tmp_path) -> Path:
    target = tmp_path / "doc"
    shutil.copytree(prepared, target)
    return target


# -- kill -9 --------------------------------------------------------------------------------

_WORKER = textwrap.dedent("""
    import itertools, os, sys, time
    from pathlib import Path
    from aligner.align import save_alignment
    from aligner.docset import load
    from aligner.export import export
    from aligner.review.store import ReviewStore
    from tests.test_store_fixtures import one_to_one

    kind, where, point = sys.argv[1], Path(sys.argv[2]), sys.argv[3]
    docset = load(where)
    rows = len(docset.paragraphs("en"))
    if kind != "alignment":
        store = ReviewStore.open(docset, one_to_one(docset), languages=["en"])
    versions = [one_to_one(docset), one_to_one(docset, "s")]

    def step(n):
        if kind == "fix":
            store.set_fix(f"r{1 + n % rows}", "en", f"fix {n}")
        elif kind == "alignment":
            save_alignment(docset, versions[n % 2])
        else:
            store.set_fix("r1", "en", f"fix {n}")
            export(store, "csv", where.parent / "out", force=True)
            export(store, "po", where.parent / "out", force=True)

    if point != "random":  # stop for ever at the given call of os.fsync / os.replace
        name, nth, when = point.split(":")
        real, calls = getattr(os, name), [0]

        def hooked(*args, **kwargs):
            calls[0] += 1
            if calls[0] == int(nth) and when == "before":
                print("stopped", flush=True)
                time.sleep(60)
            result = real(*args, **kwargs)
            if calls[0] == int(nth) and when == "after":
                print("stopped", flush=True)
                time.sleep(60)
            return result
        setattr(os, name, hooked)
    print("ready", flush=True)
    for n in itertools.count():
        step(n)
        print(f"done {n}", flush=True)
""")


def _run_and_kill(kind: str, docset_dir: Path, point: str, delay: float) -> list[int]:
    """Start the worker, kill it with SIGKILL at ``point`` (or after ``delay`` s); the
    versions it reported done."""
    worker = subprocess.Popen(
        [sys.executable, "-c", _WORKER, kind, str(docset_dir), point],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert worker.stdout.readline() == "ready\n", worker.stderr.read()
        if point == "random":
            time.sleep(delay)
        else:
            lines = []
            while True:  # the hook stops the worker on its first save
                line = worker.stdout.readline()
                assert line, f"the worker ended: {worker.stderr.read()}"
                if line == "stopped\n":
                    break
                lines.append(line)
        worker.kill()
        out, _ = worker.communicate(timeout=30)
    finally:
        if worker.poll() is None:
            worker.kill()
            worker.wait()
    text = out if point == "random" else "".join(lines) + out
    return [int(n) for n in re.findall(r"^done (\d+)$", text, re.M)]


def _check_review_file(path: Path, done: list[int], rows: int) -> None:
    """A complete, valid review file holding every fix reported done."""
    assert msgfmt_check(path).returncode == 0, msgfmt_check(path).stderr
    entries = [e for e in read_po(path).entries if not e.obsolete]
    assert len(entries) == rows
    texts = {e.msgctxt: e.msgstr for e in entries}
    for n in done:
        assert texts[f"r{1 + n % rows}"] == f"fix {n}", f"fix {n} was lost"


_FIX_POINTS = [
    "fsync:1:before",
    "replace:1:before",
    "replace:1:after",
    "replace:2:after",
    "fsync:3:before",
    "replace:4:before",
    "random",
    "random",
]


@pytest.mark.parametrize("point", _FIX_POINTS)
def test_kill_during_a_review_file_save(docset_dir, point):
    path = docset_dir / "review" / "en.po"
    done = _run_and_kill("fix", docset_dir, point, random.uniform(0.02, 0.3))
    _check_review_file(path, done, ROWS)
    backup = path.with_name("en.po~")
    if backup.exists():
        _check_review_file(backup, done[:-1], ROWS)  # the backup is at most one behind
    docset = load(docset_dir)
    store = ReviewStore.open(docset, one_to_one(docset), languages=["en"])
    store.set_fix("r2", "en", "after the crash")  # leftovers of the dead writer are cleaned up
    assert not list(path.parent.glob(".*.tmp"))
    _check_review_file(path, [n for n in done if 1 + n % ROWS != 2], ROWS)


@pytest.mark.parametrize(
    "point", ["replace:1:before", "replace:1:after", "replace:2:before", "random"]
)
def test_kill_during_an_alignment_save(docset_dir, point):
    from aligner.align.alignfile import format_alignment, read_alignment

    docset = load(docset_dir)
    versions = [format_alignment(docset, one_to_one(docset, prefix)) for prefix in "rs"]
    done = _run_and_kill("alignment", docset_dir, point, random.uniform(0.02, 0.3))
    path = docset_dir / "alignment.tsv"
    if not done and not path.exists():
        return  # killed before the first save: nothing there, nothing lost
    text = path.read_text(encoding="utf-8")
    assert text in versions
    read_alignment(path)
    if done:
        assert text in (versions[done[-1] % 2], versions[(done[-1] + 1) % 2])


@pytest.mark.parametrize(
    "point", ["fsync:2:before", "replace:2:before", "replace:3:after", "replace:5:before", "random"]
)
def test_kill_during_an_export(docset_dir, point):
    done = _run_and_kill("export", docset_dir, point, random.uniform(0.1, 0.5))
    out = docset_dir.parent / "out"
    files = sorted(out.iterdir()) if out.exists() else []
    for path in files:
        if path.name.endswith(".tmp"):  # the dead writer's; the next export removes it
            continue
        if path.suffix == ".po":
            assert msgfmt_check(path).returncode == 0
            assert len([e for e in polib.pofile(str(path)) if not e.obsolete]) == ROWS
        elif path.suffix == ".csv":
            table = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
            assert len(table) == ROWS + 1 and table[1][0] == "r1"
            if done:
                assert table[1][1] in (f"fix {done[-1]}", f"fix {done[-1] + 1}")
    if files:
        from aligner.export import export

        docset = load(docset_dir)
        export(
            ReviewStore.open(docset, one_to_one(docset), languages=["en"]), "csv", out, force=True
        )
        assert not [
            path for path in out.iterdir() if path.name.endswith(".csv.tmp") or ".csv." in path.name
        ], "a dead writer's temporary file was kept"


# -- injected I/O errors -----------------------------------------------------------------------


class _FailingFile(io.FileIO):
    """A file whose writes fail, as on a full disk."""

    code = errno.ENOSPC

    def write(self, data):  # noqa: D102
        raise OSError(self.code, os.strerror(self.code))


def _inject(monkeypatch, fault: str, code: int) -> None:
    if fault == "write":
        real_fdopen = os.fdopen

        def fdopen(fd, mode="r", *args, **kwargs):
            if "w" not in mode:
                return real_fdopen(fd, mode, *args, **kwargs)
            failing = type("Failing", (_FailingFile,), {"code": code})(fd, "w")
            return failing if "b" in mode else io.TextIOWrapper(failing, *args[1:2], **kwargs)

        monkeypatch.setattr(os, "fdopen", fdopen)
        return

    def failing(*args, **kwargs):
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(os, fault, failing)


def _listing(directory: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(directory.iterdir()) if p.is_file()}


def _assert_clear(error: BaseException, path: Path) -> None:
    assert isinstance(error, AlignerError), f"{type(error).__name__}: {error}"
    text = str(error)
    assert "\n" not in text and "; " in text
    assert str(path) in text or f"{path.parent}: " in text  # the file, or where it goes


FAULTS = [
    ("write", errno.ENOSPC),
    ("fsync", errno.ENOSPC),
    ("fsync", errno.EIO),
    ("replace", errno.EIO),
    ("write", errno.EDQUOT),
    ("open", errno.EACCES),
]
_IDS = [f"{fault}-{errno.errorcode[code]}" for fault, code in FAULTS]


@pytest.fixture
def small(tmp_path):
    docset = make_docset(tmp_path / "doc")
    store = ReviewStore.open(docset, one_to_one(docset))
    store.set_fix("r1", "en", "a fix saved before the fault")
    store.set_fix("r2", "en", "another one")
    return docset, store


@pytest.mark.parametrize("fault, code", FAULTS, ids=_IDS)
def test_io_error_while_saving_a_fix(small, monkeypatch, fault, code):
    docset, store = small
    review = docset.path / "review"
    before = _listing(review)
    with monkeypatch.context() as patch:
        _inject(patch, fault, code)
        with pytest.raises(Exception) as error:
            store.set_fix("r3", "en", "the fix being typed")
    _assert_clear(error.value, review / "en.po")
    assert _listing(review) == before  # old file, backup, nothing else
    assert store.get("r3", "en").text != "the fix being typed"  # the store says: not saved
    store.set_fix("r3", "en", "the fix being typed")  # the fault is gone: the retry saves
    fixes = {e.msgctxt: e.msgstr for e in polib.pofile(str(review / "en.po"))}
    assert fixes["r1"] == "a fix saved before the fault" and fixes["r2"] == "another one"
    assert fixes["r3"] == "the fix being typed"


@pytest.mark.parametrize("fault, code", FAULTS, ids=_IDS)
def test_io_error_while_syncing(small, monkeypatch, fault, code):
    docset, _ = small
    review = docset.path / "review"
    (docset.path / "en.txt").write_text(
        (docset.path / "en.txt").read_text(encoding="utf-8") + "\nA new paragraph.\n",
        encoding="utf-8",
    )
    docset = load(docset.path)
    store = ReviewStore.open(docset, one_to_one(docset))  # in memory: nothing written yet
    before = _listing(review)
    with monkeypatch.context() as patch:
        _inject(patch, fault, code)
        with pytest.raises(Exception) as error:
            store.save()
    _assert_clear(error.value, review / f"{store.languages[0]}.po")
    assert _listing(review) == before
    assert store.save()
    fixes = {e.msgctxt: e.msgstr for e in polib.pofile(str(review / "en.po"))}
    assert fixes["r1"] == "a fix saved before the fault"


@pytest.mark.parametrize("fault, code", FAULTS, ids=_IDS)
def test_io_error_while_saving_the_alignment(small, monkeypatch, fault, code):
    from aligner.align import save_alignment

    docset, _ = small
    save_alignment(docset, one_to_one(docset))
    before = _listing(docset.path)
    with monkeypatch.context() as patch:
        _inject(patch, fault, code)
        with pytest.raises(Exception) as error:
            save_alignment(docset, one_to_one(docset, "s"))
    _assert_clear(error.value, docset.path / "alignment.tsv")
    assert _listing(docset.path) == before


@pytest.mark.parametrize("fault, code", FAULTS, ids=_IDS)
def test_io_error_while_exporting(small, monkeypatch, fault, code, tmp_path):
    from aligner.export import export

    docset, store = small
    out = tmp_path / "out"
    export(store, "csv", out)
    before = _listing(out)
    store.set_fix("r3", "en", "exported next")
    with monkeypatch.context() as patch:
        _inject(patch, fault, code)
        with pytest.raises(Exception) as error:
            export(store, "csv", out, force=True)
    _assert_clear(error.value, out / next(iter(before)))
    assert _listing(out) == before
    export(store, "csv", out, force=True)
    assert "exported next" in next(iter(_listing(out).values())).decode("utf-8-sig")


# -- a disk really full, a read-only file system ------------------------------------------------


@pytest.fixture
def tiny_disk(tmp_path):
    """A 256 kB tmpfs (needs root and mount); skipped where it cannot be had."""
    mount = tmp_path / "tiny"
    mount.mkdir()
    if not shutil.which("mount") or os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root")
    made = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(mount)], capture_output=True
    )
    if made.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs: {made.stderr.decode(errors='replace').strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], capture_output=True)


def _fill(directory: Path) -> Path:
    filler = directory / "filler"
    with open(filler, "wb", buffering=0) as out:
        try:
            while True:
                out.write(b"\0" * 1024)
        except OSError as exc:
            assert exc.errno == errno.ENOSPC
    return filler


def test_a_full_disk(tiny_disk):
    from aligner.export import export

    docset = make_docset(tiny_disk / "doc")
    store = ReviewStore.open(docset, one_to_one(docset))
    store.set_fix("r1", "en", "saved while there was room")
    store.set_fix("r2", "en", "this one too")
    out = tiny_disk / "out"
    export(store, "csv", out)
    review = docset.path / "review"
    before, exported, top = _listing(review), _listing(out), _listing(docset.path)
    filler = _fill(tiny_disk)
    for attempt in (
        lambda: store.set_fix("r3", "en", "typed on a full disk"),
        lambda: store.save() if store.set_fix("r2", "en", "x") else None,
        lambda: export(store, "csv", out, force=True),
    ):
        with pytest.raises(AlignerError, match="no space left on the device") as error:
            attempt()
        assert "\n" not in str(error.value) and "free some disk space" in str(error.value)
    assert _listing(review) == before and _listing(out) == exported
    assert _listing(docset.path) == top
    filler.unlink()
    store.set_fix("r3", "en", "typed on a full disk")
    fixes = {e.msgctxt: e.msgstr for e in polib.pofile(str(review / "en.po"))}
    assert fixes["r1"] == "saved while there was room" and fixes["r3"] == "typed on a full disk"


def test_a_full_disk_while_saving_the_alignment(tiny_disk):
    from aligner.align import save_alignment

    docset = make_docset(tiny_disk / "doc")
    save_alignment(docset, one_to_one(docset))
    before = _listing(docset.path)
    filler = _fill(tiny_disk)
    with pytest.raises(AlignerError, match="no space left on the device"):
        save_alignment(docset, one_to_one(docset, "s"))
    assert _listing(docset.path) == before
    filler.unlink()


def test_a_read_only_file_system(tiny_disk):
    docset = make_docset(tiny_disk / "doc")
    store = ReviewStore.open(docset, one_to_one(docset))
    store.set_fix("r1", "en", "saved before")
    before = _listing(docset.path / "review")
    remounted = subprocess.run(["mount", "-o", "remount,ro", str(tiny_disk)], capture_output=True)
    if remounted.returncode != 0:
        pytest.skip("cannot remount read-only")
    try:
        with pytest.raises(
            AlignerError,
            match=r"review: cannot write review files here "
            r"\(read-only file system\); copy the "
            "document set somewhere writable",
        ):
            store.set_fix("r2", "en", "not possible")
        assert _listing(docset.path / "review") == before
    finally:
        subprocess.run(["mount", "-o", "remount,rw", str(tiny_disk)], capture_output=True)
