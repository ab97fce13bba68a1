"""``aligner score``: sacrebleu scores of reviewed text, or of any hypothesis against references."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..cli import (
    EXIT_OK,
    add_format_argument,
    add_lang_argument,
    language_list,
    load_docset,
    parse_encoding,
    positive_int,
    progress_for,
    warn,
)
from ..errors import UsageError
from ..score import (
    ScoreError,
    Scores,
    corpus_scores,
    pair_paragraphs,
    paired_comparison,
    review_scores,
)
from ..terminal import json_dumps

ORDER = 70
HELP = (
    "BLEU, chrF, chrF++ and TER: each language's original against its reviewed text, "
    "or --hyp FILE against --ref FILE"
)
BOOTSTRAP_LIMIT = 100_000  # resamples: more would run for hours and say nothing new
_NAMES = {"bleu": "BLEU", "chrf": "chrF", "chrf++": "chrF++", "ter": "TER"}
LISTED_ERRORS = 20  # errors the text report lists; the CSV and JSON reports have them all


def configure(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``aligner score``."""
    parser.add_argument(
        "docset",
        nargs="?",
        default=None,
        metavar="DOCSET",
        help="document set directory (default: the bundled joint statement)",
    )
    add_lang_argument(
        parser,
        "score only these languages (docset mode); the language of "
        "the files (file mode, one code, default en)",
    )
    parser.add_argument("--hyp", metavar="FILE", help="hypothesis text file (file mode)")
    parser.add_argument(
        "--ref",
        metavar="FILE",
        action="append",
        help="reference text file; repeat for several references",
    )
    parser.add_argument(
        "--compare",
        metavar="OTHER_HYP",
        help="a second hypothesis: sacrebleu's paired significance test",
    )
    parser.add_argument(
        "--bootstrap",
        type=positive_int(BOOTSTRAP_LIMIT),
        default=1000,
        metavar="N",
        help="bootstrap resamples for confidence intervals (file mode; default 1000, 1 = none)",
    )
    parser.add_argument("--encoding", metavar="ENC", help="encoding of the files (default: detect)")
    parser.add_argument(
        "--lqa-json",
        metavar="FILE",
        help="docset mode: write the error-typology (MQM) quality report as JSON to FILE",
    )
    parser.add_argument(
        "--lqa-csv",
        metavar="FILE",
        help="docset mode: write the report's errors as CSV to FILE, one line per error",
    )
    add_format_argument(parser)


def run(args: argparse.Namespace) -> int:
    """Score a docset's reviews or a hypothesis file; print text or JSON."""
    if args.hyp or args.ref or args.compare:
        return _run_files(args)
    return _run_docset(args)


def _run_docset(args: argparse.Namespace) -> int:
    from ..align import align
    from ..lqa import session_reports
    from ..review.session import ReviewSession
    from ..review.store import ReviewStore, review_path

    if args.bootstrap != 1000:
        raise UsageError(
            "--bootstrap applies to file mode (--hyp/--ref); leave it out when "
            "scoring a document set"
        )
    docset = load_docset(args)
    wanted = language_list(args.lang, "--lang", docset.languages)
    outputs = _report_paths(args, docset)  # refused before the slow part
    languages = (
        list(wanted)
        if wanted
        else [lang for lang in docset.languages if review_path(docset, lang).exists()]
    )
    if not languages:
        message = (
            f"{docset.path}: no review files yet (review/<lang>.po); fix something "
            "with 'aligner review' first; nothing to score"
        )
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
        progress.show("writing the quality report", force=True)
        session = ReviewSession(docset, alignment, None, store)
        reports = {r.lang: r for r in session_reports(session, scores=results, edited_count=5)}
        _write_reports(outputs, [reports[lang] for lang in languages])
    if args.format == "json":
        payloads = [dict(r.to_json(), lqa=reports[r.lang].to_json()) for r in results]
        payload = payloads[0] if len(payloads) == 1 else {"scores": payloads}
        print(json_dumps(payload, indent=2))
    else:
        for result in results:
            _print_scores(result, heading=f"{result.lang}: original against reviewed text")
            _print_lqa(reports[result.lang])
    return EXIT_OK


def _report_paths(args: argparse.Namespace, docset) -> dict[str, Path]:
    """The --lqa-json / --lqa-csv files, refused when writing one could not work or would
    replace a file of the document set."""
    from ..docset import ALIGNMENT_NAME, CONFIG_NAME, GLOSSARY_NAME, REVIEW_DIR

    given = {
        kind: value
        for kind, value in (("json", args.lqa_json), ("csv", args.lqa_csv))
        if value is not None
    }
    root = docset.path.resolve()
    own = {root / name for name in (CONFIG_NAME, GLOSSARY_NAME, ALIGNMENT_NAME)}
    own |= {text.path.resolve() for text in docset.texts.values()}
    paths: dict[str, Path] = {}
    for kind, value in given.items():
        option = f"--lqa-{kind}"
        path = Path(value)
        if not value.strip():
            raise UsageError(f"{option}: give a file name")
        target = path.resolve()
        if path.is_dir():
            raise UsageError(
                f"{option} {value}: is a directory; give a file name, e.g. {path / ('lqa.' + kind)}"
            )
        if not path.parent.is_dir():
            raise UsageError(
                f"{option} {value}: no directory {path.parent}; create it first "
                "or write the report elsewhere"
            )
        if target in own or (root / REVIEW_DIR) in target.parents:
            raise UsageError(
                f"{option} {value}: a file of the document set; write the "
                "report outside it (or under another name)"
            )
        if target in {p.resolve() for p in paths.values()}:
            raise UsageError(
                f"{option} {value}: the same file as the other report; give each its own name"
            )
        paths[kind] = path
    return paths


def _write_reports(paths: dict[str, Path], reports: list) -> None:
    from ..lqa import csv_text
    from ..review.safe_files import atomic_write

    if "json" in paths:
        payload = (
            reports[0].to_json()
            if len(reports) == 1
            else {"reports": [r.to_json() for r in reports]}
        )
        atomic_write(
            paths["json"], (json_dumps(payload, indent=2) + "\n").encode("utf-8"), backup=False
        )
    if "csv" in paths:
        atomic_write(paths["csv"], csv_text(reports).encode("utf-8-sig"), backup=False)


def _run_files(args: argparse.Namespace) -> int:
    if not args.hyp or not args.ref:
        missing = "--ref" if args.hyp else "--hyp"
        raise UsageError(
            f"{missing}: file mode needs --hyp FILE and at least one --ref FILE; "
            "give both (or neither, to score a document set)"
        )
    if args.docset is not None:
        raise UsageError(
            f"{args.docset}: file mode (--hyp/--ref) takes no DOCSET; leave it "
            "out, or leave out --hyp/--ref to score the document set"
        )
    if args.lqa_json is not None or args.lqa_csv is not None:
        raise UsageError(
            "--lqa-json/--lqa-csv: the quality report is of a document set's "
            "review; leave them out in file mode (--hyp/--ref)"
        )
    langs = language_list(args.lang, "--lang")
    if langs is not None and len(langs) > 1:
        raise UsageError(f"--lang {','.join(langs)!r}: the files have one language; give one code")
    lang = langs[0] if langs else "en"
    encoding = parse_encoding(args.encoding)
    if isinstance(encoding, dict):
        raise UsageError(
            f"--encoding {args.encoding!r}: file mode takes one codec for all "
            "the files; give one name, e.g. --encoding cp1251"
        )
    hyp_paths = [Path(args.hyp)] + ([Path(args.compare)] if args.compare else [])
    with progress_for(args) as progress:
        progress.show("reading the files")
        segments = _file_segments(hyp_paths, [Path(r) for r in args.ref], lang, encoding)
        progress.show(
            f"scoring {len(segments[0]):,} segments"
            + (f" with {args.bootstrap} resamples" if args.bootstrap > 1 else ""),
            force=True,
        )
        return _score_files(args, segments, lang, progress)


def _score_files(args: argparse.Namespace, segments: list[list[str]], lang: str, progress) -> int:
    hyps, others, refs = (
        segments[0],
        segments[1] if args.compare else None,
        segments[-len(args.ref) :],
    )
    if not any(h.strip() for h in hyps):
        raise ScoreError(f"{args.hyp}: no text to score")
    n = args.bootstrap
    metrics = corpus_scores(hyps, refs, lang, n_bootstrap=n)
    result = Scores(
        lang, metrics, rows_total=len(hyps), extra={"segments": len(hyps), "references": len(refs)}
    )
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
    _print_scores(
        result, heading=f"{args.hyp} against {', '.join(args.ref)} ({lang}, {len(hyps)} segments)"
    )
    if comparison is not None:
        print(f"\npaired bootstrap test: {args.hyp} vs {args.compare}")
        for name, figures in comparison.items():
            values = list(figures.values())
            p = figures["p_value"]
            print(
                f"  {_NAMES[name]:<7} {values[0]:7.2f}  vs {values[1]:7.2f}   "
                f"p = {p if p is not None else '-'}"
            )
    return EXIT_OK


def _file_segments(hyps: list[Path], refs: list[Path], lang: str, encoding) -> list[list[str]]:
    """Paragraphs of every file, lined up by the aligner when the counts differ."""
    from ..paragraphs import split_paragraphs
    from ..textio import read_text

    paths = hyps + refs
    for path in paths:
        if not path.is_file():
            raise ScoreError(
                f"{path}: no such file; give plain-text files, one paragraph per "
                "blank-line-separated block"
            )
    texts = [tuple(split_paragraphs(read_text(p, lang, encoding).text)) for p in paths]
    for path, paragraphs in zip(paths, texts):
        if not paragraphs:
            raise ScoreError(
                f"{path}: empty file (no paragraph); nothing to score; give the text to score, "
                "one paragraph per blank-line-separated block"
            )
    if len({len(t) for t in texts}) == 1:
        return [list(t) for t in texts]
    paired, unpaired = pair_paragraphs(texts, lang)
    counts = ", ".join(f"{path.name} {len(t)}" for path, t in zip(paths, texts))
    if not paired[0]:
        raise ScoreError(
            f"{', '.join(map(str, paths))}: no paragraph of one file lines up "
            f"with one of the other ({counts} paragraphs); give versions of "
            "the same text"
        )
    left = ", ".join(f"{n} of {path.name}" for path, n in zip(paths, unpaired) if n)
    warn(
        f"paragraph counts differ ({counts}); scored the {len(paired[0])} rows the aligner "
        f"pairs" + (f", leaving out the paragraphs with no counterpart ({left})" if left else "")
    )
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


def _print_lqa(report) -> None:
    """The error-typology report: errors per category and severity, the penalty, pass/fail,
    the most edited rows with their text."""
    from ..terminal import one_line
    from ..typology import SEVERITIES

    source = "docset.toml" if report.threshold_from == "docset.toml" else "default"
    print(
        f"  quality (MQM): {len(report.errors)} error(s), penalty {report.penalty} = "
        f"{report.per_1000:.2f} per 1000 words ({report.words} words); threshold "
        f"{report.threshold:g} ({source}): {report.verdict}"
    )
    counts = report.counts()
    shown = SEVERITIES[1:]  # neutral errors cost nothing: only a reviewer sets them
    if counts:
        print(f"    {'category':<32}" + "".join(f"{s:>9}" for s in shown))
        for category, row in counts.items():
            print(f"    {category:<32}" + "".join(f"{row[s]:>9}" for s in shown))
        totals = report.by_severity()
        print(f"    {'all':<32}" + "".join(f"{totals[s]:>9}" for s in shown))
    print(
        f"    reviewed: {report.rows_reviewed} of {report.rows_total} rows; "
        f"{report.open_flags} flag(s) still open"
    )
    if report.unflagged_edits:
        listed = ", ".join(report.unflagged_edits[:8]) + (
            ", …" if len(report.unflagged_edits) > 8 else ""
        )
        print(
            f"    {len(report.unflagged_edits)} edited row(s) with no flag (in HTER, not in "
            f"the error count): {one_line(listed)}"
        )
    for error in report.errors[:LISTED_ERRORS]:
        became = f" → {one_line(error.became)!r}" if error.verdict == "fixed" else " accepted"
        reason = f" ({one_line(error.reason)})" if error.reason else ""
        print(
            f"    {one_line(error.row):<6} {error.severity:<8} {error.category:<28} "
            f"{one_line(error.found)!r}{became}{reason}"
        )
    if len(report.errors) > LISTED_ERRORS:
        print(f"    … {len(report.errors) - LISTED_ERRORS} more (--lqa-csv FILE lists every error)")
    if report.edited:
        print("  most edited rows (lowest chrF):")
        for row in report.edited:
            print(f"    {one_line(row.row):<8} chrF {row.chrf:6.2f}   TER {row.ter:6.2f}")
            print(f"      - {one_line(row.before)}")
            print(f"      + {one_line(row.after)}")
