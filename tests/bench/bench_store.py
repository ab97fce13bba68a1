"""Speed and memory of the review store on a 10k-row docset: opening, saving one fix, sync.

The docset repeats the bundled statement's paragraphs (en, zh, kk, ru) with varied numbers up
to N rows; rows are built by hand (one paragraph per language), so the aligner's own speed is
not part of these numbers. Times are wall-clock (a save is an fsync-bound disk write).
Opening is also measured in a fresh process: the peak RSS it adds (the peak after
``ReviewStore.open`` minus the RSS before it: on Linux the peak is reset first, so that the
docset's loading does not hide it, and read as VmHWM, which is ``ru_maxrss`` without the
parent's share) and, in another fresh process, what tracemalloc sees (peak while opening, and
what the open store keeps).

The "before" column holds what the same harness measured on the development machine for the
previous store (polib POEntry objects, a cached rendering per entry and the file's bytes kept
in memory); it is a fixed record, not measured by this run.

Run: ``.venv/bin/python -m tests.bench.bench_store [--rows N] [--fixes K]``.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import polib

from aligner.docset import load
from aligner.review.store import ReviewStore
from tests.conftest import BUNDLED, ROOT
from tests.test_store_fixtures import make_docset, one_to_one

_DIGITS = re.compile(r"\d+")
TARGET_MS = 100.0
# Measured on 2026-11-26 with this harness (10,000 rows, 3-4 runs) on the previous store.
BEFORE = {
    "first open": "3.9-4.3 s, +91 MB RSS, tracemalloc peak 97 / kept 97 MB",
    "reopen": "2.7-3.1 s, +214 MB RSS, tracemalloc peak 204 / kept 191 MB",
    "sync new": "4.1-4.8 s",
    "sync again": "3.0-3.3 s",
    "open": "2.9-3.4 s",
    "first fix": "23-38 ms",
    "fix": "13-14 / 20-38 ms",
    "merge": "580-670 ms",
    "shifted": "7.0-7.8 s",
}
_PROBE = """
import gc, json, resource, sys, time, tracemalloc
from aligner.docset import load
from aligner.review.store import ReviewStore
from tests.test_store_fixtures import one_to_one

def peak_kb():
    # VmHWM where there is /proc: ru_maxrss of a child also counts its parent's RSS
    # before exec (a big benchmark process), and clear_refs does not reset that part.
    try:
        with open("/proc/self/status") as status:
            return next(int(line.split()[1]) for line in status if line.startswith("VmHWM"))
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

docset = load(sys.argv[1])
alignment = one_to_one(docset)
gc.collect()
if sys.argv[2] == "trace":
    tracemalloc.start()
try:  # reset the peak to the current RSS (Linux), so that loading's own peak does not hide ours
    with open("/proc/self/clear_refs", "w") as handle:
        handle.write("5")
except OSError:
    pass
before = peak_kb()
start = time.perf_counter()
store = ReviewStore.open(docset, alignment)
seconds = time.perf_counter() - start
after = peak_kb()
result = {"seconds": seconds, "rss_mb": (after - before) / 1024}
if sys.argv[2] == "trace":
    gc.collect()
    kept, peak = tracemalloc.get_traced_memory()
    result.update(peak_mb=peak / 1e6, kept_mb=kept / 1e6)
print(json.dumps(result))
"""


def corpus(rows: int, seed: int = 11) -> dict[str, list[str]]:
    """Per language, ``rows`` statement paragraphs with their numbers varied."""
    bundled = load(BUNDLED)
    rng = random.Random(seed)
    return {
        lang: [
            _DIGITS.sub(
                lambda m: str(rng.randint(1, 2100)),
                bundled.paragraphs(lang)[i % len(bundled.paragraphs(lang))],
            )
            for i in range(rows)
        ]
        for lang in bundled.languages
    }


def _timed(function) -> tuple[float, object]:
    start = time.perf_counter()
    result = function()
    return time.perf_counter() - start, result


def _probe(docset_path: Path, mode: str) -> dict:
    """ReviewStore.open of the docset in a fresh process (``mode``: "rss" or "trace")."""
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, str(docset_path), mode],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout)


def open_in_fresh_process(docset_path: Path) -> str:
    """Time, added peak RSS and tracemalloc's view of opening the store, in fresh processes."""
    plain, traced = _probe(docset_path, "rss"), _probe(docset_path, "trace")
    return (
        f"{plain['seconds']:.2f} s, +{plain['rss_mb']:.0f} MB RSS, tracemalloc peak "
        f"{traced['peak_mb']:.0f} / kept {traced['kept_mb']:.0f} MB"
    )


def run(rows: int, fixes: int) -> list[tuple[str, str, str]]:
    """The measurements as (what, value, before) triples."""
    texts = corpus(rows)
    results: list[tuple[str, str, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        docset = make_docset(Path(tmp) / "doc", texts, 'source = "zh"\ntitle = "bench"\n')
        alignment = one_to_one(docset)
        results.append(
            (
                f"open, no review files yet ({rows} rows x 4 languages), fresh process",
                open_in_fresh_process(docset.path),
                BEFORE["first open"],
            )
        )

        def sync():
            store = ReviewStore.open(docset, alignment)
            store.save()
            return store

        seconds, store = _timed(sync)
        size = store.path("en").stat().st_size
        results.append(
            (
                f"sync, no review files yet ({rows} rows x 4 languages)",
                f"{seconds:.2f} s",
                BEFORE["sync new"],
            )
        )
        seconds, _ = _timed(sync)
        results.append(("sync again, nothing changed", f"{seconds:.2f} s", BEFORE["sync again"]))
        results.append(
            (
                "open on existing review files (what the UI does), fresh process",
                open_in_fresh_process(docset.path),
                BEFORE["reopen"],
            )
        )

        seconds, store = _timed(lambda: ReviewStore.open(docset, alignment))
        results.append(
            ("open on existing review files, in this process", f"{seconds:.2f} s", BEFORE["open"])
        )
        seconds, _ = _timed(lambda: store.set_fix("r7", "en", "first fix after opening"))
        results.append(("first fix after opening", f"{seconds * 1000:.0f} ms", BEFORE["first fix"]))
        time.sleep(0.1)  # a reviewer types between fixes: the stat check suffices

        rng = random.Random(5)
        timings = []
        for k in range(fixes):
            row = f"r{rng.randint(1, rows)}"
            seconds, _ = _timed(lambda: store.set_fix(row, "en", f"fix {k} of {row}"))
            timings.append(seconds * 1000)
        timings.sort()
        p95 = timings[min(len(timings) - 1, int(len(timings) * 0.95))]
        verdict = "ok" if p95 <= TARGET_MS else "OVER TARGET"
        results.append(
            (
                f"save one fix into en.po ({rows} entries, {size / 1e6:.1f} MB), "
                f"median / p95 of {fixes}",
                f"{statistics.median(timings):.1f} / {p95:.1f} ms ({verdict}, target "
                f"{TARGET_MS:.0f} ms)",
                BEFORE["fix"],
            )
        )

        other = ReviewStore.open(docset, alignment, languages=["en"])
        other.set_fix("r1", "en", "changed by another process")
        seconds, _ = _timed(lambda: store.set_fix("r2", "en", "merged with the other change"))
        results.append(
            (
                "save one fix after another process saved (re-read + merge)",
                f"{seconds * 1000:.0f} ms",
                BEFORE["merge"],
            )
        )

        seconds, po = _timed(lambda: polib.pofile(str(store.path("en"))))
        results.append(("for comparison: polib.pofile() of en.po", f"{seconds * 1000:.0f} ms", ""))
        seconds, _ = _timed(lambda: po.save(str(Path(tmp) / "polib.po")))
        results.append(
            (
                "for comparison: polib save() of en.po (full re-render)",
                f"{seconds * 1000:.0f} ms",
                "",
            )
        )

        edited = {
            lang: [f"Inserted paragraph in {lang}."] + paragraphs[:-1]
            for lang, paragraphs in texts.items()
        }
        for k in range(0, rows, 100):
            edited["zh"][k] += "（修订）"
        docset = make_docset(docset.path, edited, 'source = "zh"\ntitle = "bench"\n')
        seconds, store = _timed(lambda: ReviewStore.open(docset, one_to_one(docset)))
        report = store.reports["en"]
        write_seconds, _ = _timed(store.save)
        results.append(
            (
                f"sync after a paragraph was inserted at the top and 1% of zh edited "
                f"(en: kept {report.kept}, moved {report.moved}, fuzzy {report.fuzzy}, "
                f"new {report.new}, obsoleted {report.obsoleted})",
                f"{seconds + write_seconds:.2f} s",
                BEFORE["shifted"],
            )
        )
    return results


def main(argv: list[str] | None = None) -> int:
    """Print the measurements as a table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--fixes", type=int, default=40)
    args, _ = parser.parse_known_args(argv)  # options meant for other benchmarks
    results = run(args.rows, args.fixes)
    if args.rows != 10_000:  # the record is for 10,000 rows only
        results = [(what, value, "") for what, value, _ in results]
    width = max(len(what) for what, _, _ in results)
    now = max(len(value) for _, value, _ in results)
    print(f"{'review store':<{width}}  {'now':<{now}}  before (previous store, 10,000 rows)")
    for what, value, before in results:
        print(f"{what:<{width}}  {value:<{now}}  {before}".rstrip())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
