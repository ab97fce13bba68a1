"""Speed of aligner.facts on statement-like text: extract() and anchor_keys() over 10k
paragraphs per language (the bundled statement's paragraphs repeated with varied numbers).

Run: ``.venv/bin/python -m tests.bench.bench_facts [--paragraphs N]``.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time

from aligner.docset import load
from aligner.facts import anchor_keys, extract
from tests.conftest import BUNDLED

_DIGITS = re.compile(r"\d+")


def corpus(paragraphs: int, seed: int = 7) -> dict[str, list[str]]:
    """Per language, ``paragraphs`` statement paragraphs with their digit runs varied."""
    docset = load(BUNDLED)
    rng = random.Random(seed)
    out = {}
    for lang in docset.languages:
        source = docset.paragraphs(lang)
        out[lang] = [
            _DIGITS.sub(lambda m: str(rng.randint(1, 2100)), source[i % len(source)])
            for i in range(paragraphs)
        ]
    return out


def measure(texts: dict[str, list[str]], glossary, function, repeat: int = 3) -> dict[str, float]:
    """Per language, the best of ``repeat`` runs in CPU seconds (other work on a shared
    machine inflates wall-clock time, not this process's CPU time)."""
    timings = {}
    for lang, paragraphs in texts.items():
        best = float("inf")
        for _ in range(repeat):
            started = time.process_time()
            for paragraph in paragraphs:
                function(paragraph, lang, glossary)
            best = min(best, time.process_time() - started)
        timings[lang] = best
    return timings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--paragraphs", type=int, default=10_000)
    args = parser.parse_args(argv)
    texts = corpus(args.paragraphs)
    glossary = load(BUNDLED).glossary
    for lang in texts:  # warm the caches (compiled patterns, glossary index, pycountry)
        extract(texts[lang][0], lang, glossary)
    rows = []
    for name, function, gloss in (
        ("extract", extract, glossary),
        ("extract, no glossary", extract, None),
        ("anchor_keys", anchor_keys, glossary),
    ):
        timings = measure(texts, gloss, function)
        rows.append((name, timings, sum(timings.values())))
    langs = list(texts)
    print(
        f"facts: {args.paragraphs} paragraphs per language, {len(langs)} languages "
        "(CPU seconds, best of 3)"
    )
    print("| function | " + " | ".join(langs) + " | total |")
    print("|---|" + "---|" * (len(langs) + 1))
    for name, timings, total in rows:
        cells = " | ".join(f"{timings[lang]:.2f} s" for lang in langs)
        print(f"| {name} | {cells} | {total:.2f} s |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
