"""``aligner align``: line the language versions up paragraph by paragraph."""

from __future__ import annotations

import argparse
import shutil
import sys

from ..align import align, save_alignment
from ..align.alignfile import format_alignment
from ..align.display import summary
from ..cli import (EXIT_OK, add_docset_argument, add_format_argument, language_list,
                   load_docset, warn)
from ..errors import UsageError
from ..terminal import SafeStream, json_dumps

ORDER = 20  # position in `aligner --help`
HELP = "line up the paragraphs of every language (rows, confidence); reuses alignment.tsv"
PROGRESS_FROM = 3000  # paragraphs in the pivot before progress is shown on stderr


def configure(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``aligner align``."""
    add_docset_argument(parser)
    add_format_argument(parser, ("text", "json", "tsv"))
    parser.add_argument("--langs", metavar="L1,L2,...",
                        help="languages to align, comma-separated (default: all)")
    parser.add_argument("--pivot", metavar="LANG",
                        help="the language every other one is aligned to (default: docset.toml "
                             "pivot, else en)")
    parser.add_argument("--fresh", action="store_true",
                        help="ignore DOCSET/alignment.tsv and align from scratch")
    parser.add_argument("--save", action="store_true",
                        help="write the rows to DOCSET/alignment.tsv (kept and reused by "
                             "later runs)")


def run(args: argparse.Namespace) -> int:
    """Align and print the rows."""
    docset = load_docset(args)
    languages = language_list(args.langs, "--langs", docset.languages)
    if args.pivot is not None and args.pivot not in (languages or docset.languages):
        raise UsageError(f"--pivot {args.pivot}: pivot {args.pivot} is not among the languages "
                         f"aligned ({', '.join(languages or docset.languages)}); name one of "
                         "them")
    if args.save and languages and set(languages) != set(docset.languages):
        raise UsageError(f"--langs {args.langs}: with --save it would replace alignment.tsv "
                         f"(rows for {', '.join(docset.languages)}) by rows for "
                         f"{', '.join(languages)} only; leave out --langs to save all")
    pivot_size = max((len(docset.paragraphs(lang)) for lang in docset.languages), default=0)
    progress = _progress if pivot_size >= PROGRESS_FROM else None
    alignment = align(docset, languages, args.pivot, fresh=args.fresh, progress=progress)
    if progress:
        print(file=sys.stderr)
    for note in alignment.notes:
        warn(note)
    if args.save:
        warn(f"saved {save_alignment(docset, alignment)}")
    if args.format == "json":
        payload = {"languages": list(alignment.languages), "rows": [
            {"id": row.id, **{lang: list(row.indices(lang)) for lang in alignment.languages},
             "score": row.score} for row in alignment.rows]}
        print(json_dumps(payload))
    elif args.format == "tsv":
        sys.stdout.write(format_alignment(docset, alignment))
    else:
        low = sum(row.low_confidence for row in alignment.rows)
        origin = {"saved": " · from alignment.tsv",
                  "refitted": " · from alignment.tsv, partly re-aligned"}.get(alignment.origin, "")
        print(f"{len(alignment.rows)} rows · {' '.join(alignment.languages)} · "
              f"{low} low-confidence (marked !){origin}")
        width = shutil.get_terminal_size((120, 24)).columns
        for line in summary(docset, alignment, width):
            print(line)
    return EXIT_OK


_last = {"what": "", "step": -1}


def _progress(what: str, done: int, total: int) -> None:
    """Progress on stderr: a line updated in place on a terminal, quarter steps otherwise."""
    step = done * 4 // max(total, 1)
    if sys.stderr.isatty():
        line = f"aligner: aligning {what} {done * 100 // max(total, 1):3d}%"
        if isinstance(sys.stderr, SafeStream):
            sys.stderr.rewrite_line(line)
            return
        print(f"\r{line}", end="", file=sys.stderr, flush=True)
    elif (what, step) != (_last["what"], _last["step"]):
        _last.update(what=what, step=step)
        print(f"aligner: aligning {what} {step * 25}%", file=sys.stderr, flush=True)
