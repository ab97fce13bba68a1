"""Speed of the review store on a 10k-row docset: saving one fix (target <= 100 ms), sync.

The docset repeats the bundled statement's paragraphs (en, zh, kk, ru) with varied numbers up
to N rows; rows are built by hand (one paragraph per language), so the aligner's own speed is
not part of these numbers. Times are wall-clock (a save is an fsync-bound disk write).

Run: ``.venv/bin/python -m tests.bench.bench_store [--rows N] [--fixes K]``.
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import tempfile
import time
from pathlib import Path

import polib

from aligner.docset import load
from aligner.store import ReviewStore
from tests.conftest import BUNDLED
from tests.test_store_fixtures import make_docset, one_to_one

_DIGITS = re.compile(r"\d+")
TARGET_MS = 100.0


def corpus(rows: int, seed: int = 11) -> dict[str, list[str]]:
    """Per language, ``rows`` statement paragraphs with their numbers varied."""
    bundled = load(BUNDLED)
    rng = random.Random(seed)
    return {lang: [_DIGITS.sub(lambda m: str(rng.randint(1, 2100)),
                               bundled.paragraphs(lang)[i % len(bundled.paragraphs(lang))])
                   for i in range(rows)] for lang in bundled.languages}


def _timed(function) -> tuple[float, object]:
    start = time.perf_counter()
    result = function()
    return time.perf_counter() - start, result


def run(rows: int, fixes: int) -> list[tuple[str, str]]:
    """The measurements as (what, value) pairs."""
    texts = corpus(rows)
    results: list[tuple[str, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        docset = make_docset(Path(tmp) / "doc", texts, 'source = "zh"\ntitle = "bench"\n')
        alignment = one_to_one(docset)

        def sync():
            store = ReviewStore.open(docset, alignment)
            store.save()
            return store
        seconds, store = _timed(sync)
        size = store.path("en").stat().st_size
        results.append((f"sync, no review files yet ({rows} rows x 4 languages)",
                        f"{seconds:.2f} s"))
        seconds, _ = _timed(sync)
        results.append(("sync again, nothing changed", f"{seconds:.2f} s"))

        seconds, store = _timed(lambda: ReviewStore.open(docset, alignment))
        results.append(("open the store on existing review files (what the UI does)",
                        f"{seconds:.2f} s"))
        seconds, _ = _timed(lambda: store.set_fix("r7", "en", "first fix after opening"))
        results.append(("first fix after opening", f"{seconds * 1000:.0f} ms"))
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
        results.append((f"save one fix into en.po ({rows} entries, {size / 1e6:.1f} MB), "
                        f"median / p95 of {fixes}",
                        f"{statistics.median(timings):.1f} / {p95:.1f} ms ({verdict}, target "
                        f"{TARGET_MS:.0f} ms)"))

        other = ReviewStore.open(docset, alignment, languages=["en"])
        other.set_fix("r1", "en", "changed by another process")
        seconds, _ = _timed(lambda: store.set_fix("r2", "en", "merged with the other change"))
        results.append(("save one fix after another process saved (re-read + merge)",
                        f"{seconds * 1000:.0f} ms"))

        seconds, po = _timed(lambda: polib.pofile(str(store.path("en"))))
        results.append(("for comparison: polib.pofile() of en.po", f"{seconds * 1000:.0f} ms"))
        seconds, _ = _timed(lambda: po.save(str(Path(tmp) / "polib.po")))
        results.append(("for comparison: polib save() of en.po (full re-render)",
                        f"{seconds * 1000:.0f} ms"))

        edited = {lang: [f"Inserted paragraph in {lang}."] + paragraphs[:-1]
                  for lang, paragraphs in texts.items()}
        for k in range(0, rows, 100):
            edited["zh"][k] += "（修订）"
        docset = make_docset(docset.path, edited, 'source = "zh"\ntitle = "bench"\n')
        seconds, store = _timed(lambda: ReviewStore.open(docset, one_to_one(docset)))
        report = store.reports["en"]
        write_seconds, _ = _timed(store.save)
        results.append((f"sync after a paragraph was inserted at the top and 1% of zh edited "
                        f"(en: kept {report.kept}, moved {report.moved}, fuzzy {report.fuzzy}, "
                        f"new {report.new}, obsoleted {report.obsoleted})",
                        f"{seconds + write_seconds:.2f} s"))
    return results


def main(argv: list[str] | None = None) -> int:
    """Print the measurements as a table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--fixes", type=int, default=40)
    args, _ = parser.parse_known_args(argv)  # options meant for other benchmarks
    results = run(args.rows, args.fixes)
    width = max(len(what) for what, _ in results)
    print(f"{'review store':<{width}}  time")
    for what, value in results:
        print(f"{what:<{width}}  {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
