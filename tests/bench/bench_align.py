"""Aligner benchmarks: accuracy on perturbed copies of the bundled statement, and speed.

Accuracy: 20 seeds; in each, zh, kk and ru are perturbed independently (about 10% of their
paragraphs: merge 2-3, split at a sentence boundary, delete, insert an unrelated paragraph);
the pivot en is left alone. Strict bead F1 and link F1 per pair, for our aligner (with the facts
anchors and with digits only) and for nltk's Gale-Church ``align_blocks`` on the same lengths
(its default parameters, and with the character ratio set from the texts).

Speed: documents of 1k, 10k and 50k paragraphs per language x 4 languages, made of copies of
the statement with every number shifted per copy; and a two-way 5k document against nltk.
Options: ``--quick`` (fewer seeds, no 50k, nltk at 1k instead of 5k).
"""

from __future__ import annotations

import dataclasses
import gc
import os
import statistics
import sys
import time
from collections import Counter

from aligner import parallel
from aligner.align import align, align_pairs, extractor_name
from aligner.align.search import compiled
from aligner.docset import load
from tests.bench.perturb import BUNDLED_STRUCTURE, beads_from_links, beads_from_runs, perturb, score
from tests.conftest import BUNDLED, generated

OTHERS = ("zh", "kk", "ru")


def perturbed_statement(statement, seed: int):
    """The statement with zh, kk and ru perturbed (seeded), and the gold beads per language."""
    texts, golds, operations = dict(statement.texts), {}, Counter()
    for k, lang in enumerate(OTHERS):
        result = perturb(
            list(statement.paragraphs(lang)),
            beads_from_runs(BUNDLED_STRUCTURE[lang]),
            seed * 10 + k,
            joiner="" if lang == "zh" else " ",
        )
        texts[lang] = dataclasses.replace(texts[lang], paragraphs=tuple(result.paragraphs))
        golds[lang] = result.gold
        operations.update(result.operations)
    return dataclasses.replace(statement, texts=texts), golds, operations


def _nltk_beads(pivot: list[str], other: list[str], ratio: float | None):
    """nltk's beads on paragraph lengths, or the exception it raised."""
    from nltk.translate import gale_church

    params = gale_church.LanguageIndependent
    if ratio is not None:
        params = type(
            "Calibrated", (gale_church.LanguageIndependent,), {"AVERAGE_CHARACTERS": ratio}
        )
    try:
        links = gale_church.align_blocks([len(p) for p in pivot], [len(p) for p in other], params)
    except Exception as exc:  # noqa: BLE001 - reported as a failure of the peer
        return exc
    return beads_from_links(links, len(pivot), len(other))


def bench_accuracy(seeds: int) -> None:
    statement = load(BUNDLED)
    systems = ["ours (facts)", "ours (digits only)", "nltk default", "nltk ratio-calibrated"]
    if extractor_name() != "facts":
        systems.remove("ours (facts)")
    scores = {(s, lang): [] for s in systems for lang in OTHERS}
    failures = Counter()
    by_type, ops = Counter(), Counter()
    for seed in range(seeds):
        docset, golds, operations = perturbed_statement(statement, seed)
        ops.update(operations)
        pivot = list(docset.paragraphs("en"))
        for system in systems:
            if system.startswith("ours"):
                extractor = "facts" if "facts" in system else "digits"
                pairs = align_pairs(docset, extractor=extractor)
                for lang in OTHERS:
                    beads = [((b.p0, b.p1), (b.o0, b.o1)) for b in pairs[lang].beads]
                    scores[system, lang].append(score(beads, golds[lang]))
                    if system == systems[0]:
                        _count_types(beads, golds[lang], by_type)
                continue
            for lang in OTHERS:
                other = list(docset.paragraphs(lang))
                ratio = None
                if "calibrated" in system:
                    ratio = sum(map(len, other)) / sum(map(len, pivot))
                beads = _nltk_beads(pivot, other, ratio)
                if isinstance(beads, Exception):
                    failures[system, lang] += 1
                    scores[system, lang].append({"bead_f1": 0.0, "link_f1": 0.0})
                else:
                    scores[system, lang].append(score(beads, golds[lang]))
    print(
        f"Accuracy: {seeds} perturbed copies of the bundled statement (operations: "
        + ", ".join(f"{k} {v}" for k, v in sorted(ops.items()))
        + ")"
    )
    print(
        "| aligner | "
        + " | ".join(f"{lang} strict F1 | {lang} link F1" for lang in OTHERS)
        + " | mean strict F1 | failures |"
    )
    print("|---|" + "---|" * (2 * len(OTHERS) + 2))
    for system in systems:
        cells, means = [], []
        for lang in OTHERS:
            bead = statistics.mean(s["bead_f1"] for s in scores[system, lang])
            link = statistics.mean(s["link_f1"] for s in scores[system, lang])
            means.append(bead)
            cells.append(f"{bead:.3f} | {link:.3f}")
        failed = sum(failures[system, lang] for lang in OTHERS)
        print(
            f"| {system} | " + " | ".join(cells) + f" | {statistics.mean(means):.3f} | "
            f"{failed} of {seeds * len(OTHERS)} |"
        )
    print(f"\nRecall by gold bead type ({systems[0]}):")
    print("| bead | gold | found | recall |\n|---|---|---|---|")
    for kind in sorted({k for k, _ in by_type}):
        gold, found = by_type[kind, "gold"], by_type[kind, "found"]
        print(f"| {kind} | {gold} | {found} | {found / gold:.3f} |")
    unperturbed = align_pairs(statement)
    exact = [
        score(
            [((b.p0, b.p1), (b.o0, b.o1)) for b in unperturbed[lang].beads],
            beads_from_runs(BUNDLED_STRUCTURE[lang]),
        )["bead_f1"]
        for lang in OTHERS
    ]
    print(
        "\nUnperturbed bundled statement, strict F1 per pair: "
        + ", ".join(f"{lang} {f:.3f}" for lang, f in zip(OTHERS, exact))
    )


def _count_types(predicted, gold, counter: Counter) -> None:
    found = set(predicted)
    for bead in gold:
        (p0, p1), (o0, o1) = bead
        kind = f"{p1 - p0}-{o1 - o0}"
        kind = (
            kind
            if kind in ("1-1", "2-1", "1-2", "2-2", "3-1", "1-3", "1-0", "0-1")
            else "other (unreachable)"
        )
        counter[kind, "gold"] += 1
        hit = (
            bead in found
            or (o0 == o1 and any(p == (p0, p1) and a == b for p, (a, b) in found))
            or (p0 == p1 and any(o == (o0, o1) and a == b for (a, b), o in found))
        )
        counter[kind, "found"] += hit


def _timed(function):
    """(result, wall s, CPU s of this process and the worker processes)."""
    gc.collect()
    wall, cpu = time.perf_counter(), time.process_time() + parallel.worker_cpu()
    result = function()
    return result, time.perf_counter() - wall, time.process_time() + parallel.worker_cpu() - cpu


def bench_speed(sizes: list[int]) -> None:
    statement = load(BUNDLED)
    extractors = ["digits"] + (["facts"] if extractor_name() == "facts" else [])
    started = time.perf_counter()
    parallel.start()
    print(
        f"\nWorker pool: {parallel.cores()} processes, started in "
        f"{time.perf_counter() - started:.2f} s (once per process; the CLI and the UI start "
        "it while they load the texts)"
    )
    print(
        "\nSpeed: align() of generated documents, 4 languages, fresh (anchors included); "
        "CPU counts every process"
    )
    print("| paragraphs per language | anchors | processes asked | rows | wall s | CPU s |")
    print("|---|---|---|---|---|---|")
    wall_at = {}
    # with the compiled band search align keeps to one process whatever ALIGNER_WORKERS says
    counts = (1,) if compiled() is not None else (parallel.cores(), 1)
    for size in sizes:
        docset = generated(statement, size)
        for extractor in extractors:
            for workers in counts:
                os.environ["ALIGNER_WORKERS"] = str(workers)
                alignment, wall, cpu = _timed(
                    lambda: align(docset, fresh=True, extractor=extractor)
                )
                wall_at[size, extractor, workers] = wall
                print(
                    f"| {size:,} | {extractor} | {workers} | {len(alignment):,} | {wall:.2f} "
                    f"| {cpu:.2f} |",
                    flush=True,
                )
            del os.environ["ALIGNER_WORKERS"]
    for (size, extractor, workers), wall in wall_at.items():
        if size == 50_000 and (10_000, extractor, workers) in wall_at:
            ratio = wall / wall_at[10_000, extractor, workers]
            print(
                f"50k / 10k wall time ({extractor}, {workers} processes): {ratio:.2f}x "
                "(target <= 5.5x)"
            )


def bench_versus_nltk(size: int) -> None:
    from nltk.translate import gale_church

    statement = load(BUNDLED)
    docset = generated(statement, size, ("en", "ru"))
    pivot, other = docset.paragraphs("en"), docset.paragraphs("ru")
    ours, wall, cpu = _timed(lambda: align(docset, fresh=True, extractor="digits"))
    previous = gale_church.MAX_ALIGN_BLOCKS
    gale_church.MAX_ALIGN_BLOCKS = max(previous, len(pivot), len(other))
    try:
        links, nltk_wall, nltk_cpu = _timed(
            lambda: gale_church.align_blocks([len(p) for p in pivot], [len(p) for p in other])
        )
    finally:
        gale_church.MAX_ALIGN_BLOCKS = previous
    print(f"\nTwo-way en-ru, {len(pivot):,} x {len(other):,} paragraphs, same run:")
    print("| aligner | wall s | CPU s |\n|---|---|---|")
    print(f"| ours (digits anchors) | {wall:.2f} | {cpu:.2f} |")
    print(f"| nltk align_blocks | {nltk_wall:.2f} | {nltk_cpu:.2f} |")
    print(
        f"speed-up: {nltk_wall / wall:.0f}x wall, {nltk_cpu / cpu:.0f}x CPU (target >= 20x); "
        f"nltk returned {len(links):,} links, ours {len(ours):,} rows"
    )


def bench_versus_galechurch(size: int) -> None:
    """Our 4-language alignment of a generated docset against the galechurch package (a
    Rust full dynamic programme, one process per call) aligning the same three pairs."""
    import galechurch

    docset = generated(load(BUNDLED), size)
    parallel.start()
    ours, wall, cpu = _timed(lambda: align(docset, fresh=True))
    pivot = list(docset.paragraphs("en"))
    started = time.perf_counter()
    for lang in OTHERS:
        other = list(docset.paragraphs(lang))
        galechurch.align(pivot, other, max_block_size=(len(pivot) + 1) * (len(other) + 1) + 1)
    theirs = time.perf_counter() - started
    print(
        f"\n{size:,} paragraphs x 4 languages, same run: ours {wall:.2f} s wall ({cpu:.2f} s "
        f"CPU, {len(ours):,} rows); galechurch {theirs:.2f} s for the three pairs; "
        f"ours {theirs / wall:.1f}x faster (target >= 10x)"
    )


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    quick = "--quick" in argv
    print(f"anchor extractor available: {extractor_name()}")
    bench_accuracy(5 if quick else 20)
    bench_speed([1_000, 10_000] if quick else [1_000, 10_000, 50_000])
    bench_versus_nltk(1_000 if quick else 5_000)
    bench_versus_galechurch(2_000 if quick else 10_000)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
