"""``aligner score``: sacrebleu scores of reviewed text, or of any hypothesis against references."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..cli import (EXIT_OK, add_format_argument, add_lang_argument, language_list,
                   load_docset, parse_encoding, positive_int, progress_for, warn)
from ..errors import UsageError
from ..terminal import json_dumps
from ..score import (Scores, ScoreError, corpus_scores, pair_paragraphs, paired_comparison,
                     review_scores)

ORDER = 70
HELP = ("BLEU, chrF, chrF++ and TER: each language's original against its reviewed text, "
        "or --hyp FILE against --ref FILE")
BOOTSTRAP_LIMIT = 100_000  # resamples: more would run for hours and say nothing new
_NAMES = {"bleu": "BLEU", "chrf": "chrF", "chrf++": "chrF++", "ter": "TER"}


def configure(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``aligner score``."""
    parser.add_argument("docset", nargs="?", default=None, metavar="DOCSET",
                        help="document set directory (default: the bundled joint statement)")
    add_lang_argument(parser, "score only these languages (docset mode); the language of "
                              "the files (file mode, one code, default en)")
    parser.add_argument("--hyp", metavar="FILE", help="hypothesis text file (file mode)")
    parser.add_argument("--ref", metavar="FILE", action="append",
                        help="reference text file; repeat for several references")
    parser.add_argument("--compare", metavar="OTHER_HYP",
                        help="a second hypothesis: sacrebleu's paired significance test")
    parser.add_argument("--bootstrap", type=positive_int(BOOTSTRAP_LIMIT), default=1000,
                        metavar="N",
                        help="bootstrap resamples for confidence intervals (file mode; "
                             "default 1000, 1 = none)")
    parser.add_argument("--encoding", metavar="ENC", help="encoding of the files (default: detect)")
    add_format_argument(parser)


def run(args: argparse.Namespace) -> int:
    """Score a docset's reviews or a hypothesis file; print text or JSON."""
    if args.hyp or args.ref or args.compare:
        return _run_files(args)
    return _run_docset(args)


def _run_docset(args: argparse.Namespace) -> int:
    from ..align import align
    from ..store import ReviewStore, review_path

    if args.bootstrap != 1000:
        raise UsageError("--bootstrap applies to file mode (--hyp/--ref); leave it out when "
                         "scoring a document set")
    docset = load_docset(args)
    wanted = language_list(args.lang, "--lang", docset.languages)
    languages = list(wanted) if wanted else [lang for lang in docset.languages
                                             if review_path(docset, lang).exists()]
    if not languages:
        message = (f"{docset.path}: no review files yet (review/<lang>.po); fix something "
                   "with 'aligner review' first; nothing to score")
        print(json_dumps({"scores": [], "note": message}) if args.format == "json" else message)
        return EXIT_OK
    with progress_for(args) as progress:
        alignment = align(docset, progress=progress.aligning)
        progress.show("reading the review files", force=True)
        store = ReviewStore.open(docset, alignment, None, languages)
        results = []
        for lang in languages:
            progress.step("scoring", len(results), len(languages))
            results.append(review_scores(lang, store.reviews(lang)))
    if args.format == "json":
        payload = results[0].to_json() if len(results) == 1 else {
            "scores": [r.to_json() for r in results]}
        print(json_dumps(payload, indent=2))
    else:
        for result in results:
            _print_scores(result, heading=f"{result.lang}: original against reviewed text")
    return EXIT_OK


def _run_files(args: argparse.Namespace) -> int:
    if not args.hyp or not args.ref:
        missing = "--ref" if args.hyp else "--hyp"
        raise UsageError(f"{missing}: file mode needs --hyp FILE and at least one --ref FILE; "
                         "give both (or neither, to score a document set)")
    if args.docset is not None:
        raise UsageError(f"{args.docset}: file mode (--hyp/--ref) takes no DOCSET; leave it "
                         "out, or leave out --hyp/--ref to score the document set")
    langs = language_list(args.lang, "--lang")
    if langs is not None and len(langs) > 1:
        raise UsageError(f"--lang {','.join(langs)!r}: the files have one language; give one "
                         "code")
    lang = langs[0] if langs else "en"
    encoding = parse_encoding(args.encoding)
    if isinstance(encoding, dict):
        raise UsageError(f"--encoding {args.encoding!r}: file mode takes one codec for all "
                         "the files; give one name, e.g. --encoding cp1251")
    hyp_paths = [Path(args.hyp)] + ([Path(args.compare)] if args.compare else [])
    with progress_for(args) as progress:
        progress.show("reading the files")
        segments = _file_segments(hyp_paths, [Path(r) for r in args.ref], lang, encoding)
        progress.show(f"scoring {len(segments[0]):,} segments"
                      + (f" with {args.bootstrap} resamples" if args.bootstrap > 1 else ""),
                      force=True)
        return _score_files(args, segments, lang, progress)


def _score_files(args: argparse.Namespace, segments: list[list[str]], lang: str,
                 progress) -> int:
    hyps, others, refs = segments[0], segments[1] if args.compare else None, segments[-len(args.ref):]
    if not any(h.strip() for h in hyps):
        raise ScoreError(f"{args.hyp}: no text to score")
    n = args.bootstrap
    metrics = corpus_scores(hyps, refs, lang, n_bootstrap=n)
    result = Scores(lang, metrics, rows_total=len(hyps),
                    extra={"segments": len(hyps), "references": len(refs)})
    comparison = paired_comparison(hyps, others, refs, lang) if others is not None else None
    progress.clear()  # the results start on a clean line
    if args.format == "json":
        payload = result.to_json()
        for key in ("rows", "rows_fixed", "rows_total"):
            payload.pop(key, None)
        if comparison is not None:
            payload["compare"] = comparison
        print(json_dumps(payload, indent=2))
        return EXIT_OK
    _print_scores(result, heading=f"{args.hyp} against {', '.join(args.ref)} ({lang}, "
                                  f"{len(hyps)} segments)")
    if comparison is not None:
        print(f"\npaired bootstrap test: {args.hyp} vs {args.compare}")
        for name, figures in comparison.items():
            values = list(figures.values())
            p = figures["p_value"]
            print(f"  {_NAMES[name]:<7} {values[0]:7.2f}  vs {values[1]:7.2f}   "
                  f"p = {p if p is not None else '-'}")
    return EXIT_OK


def _file_segments(hyps: list[Path], refs: list[Path], lang: str, encoding) -> list[list[str]]:
    """Paragraphs of every file, lined up by the aligner when the counts differ."""
    from ..paragraphs import split_paragraphs
    from ..textio import read_text

    paths = hyps + refs
    for path in paths:
        if not path.is_file():
            raise ScoreError(f"{path}: no such file; give plain-text files, one paragraph per "
                             "blank-line-separated block")
    texts = [tuple(split_paragraphs(read_text(p, lang, encoding).text)) for p in paths]
    for path, paragraphs in zip(paths, texts):
        if not paragraphs:
            raise ScoreError(f"{path}: empty file; nothing to score")
    if len({len(t) for t in texts}) == 1:
        return [list(t) for t in texts]
    paired, unpaired = pair_paragraphs(texts, lang)
    counts = ", ".join(f"{path.name} {len(t)}" for path, t in zip(paths, texts))
    if not paired[0]:
        raise ScoreError(f"{', '.join(map(str, paths))}: no paragraph of one file lines up "
                         f"with one of the other ({counts} paragraphs); give versions of "
                         "the same text")
    left = ", ".join(f"{n} of {path.name}" for path, n in zip(paths, unpaired) if n)
    warn(f"paragraph counts differ ({counts}); scored the {len(paired[0])} rows the aligner "
         f"pairs" + (f", leaving out the paragraphs with no counterpart ({left})"
                     if left else ""))
    return paired


def _print_scores(result: Scores, heading: str) -> None:
    print(heading)
    if not result.metrics:
        print(f"  {result.note}")
        return
    if result.rows_total and result.rows:
        print(f"  {result.rows_fixed} of {result.rows_total} rows fixed")
    for metric in result.metrics:
        name = _NAMES[metric.name] + (" (HTER)" if metric.name == "ter" and result.rows else "")
        ci = f" ± {metric.ci:.2f}" if metric.ci is not None else ""
        print(f"  {name:<12} {metric.score:6.2f}{ci:<9}  {metric.signature}")
    worst = result.worst(5)
    if worst:
        print("  most edited rows (lowest chrF):")
        for row in worst:
            print(f"    {row.id:<8} chrF {row.chrf:6.2f}   TER {row.ter:6.2f}")
