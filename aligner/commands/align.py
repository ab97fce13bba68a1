"""``aligner align``: line the language versions up paragraph by paragraph."""

from __future__ import annotations

import argparse
import shutil
import sys

from ..align import align, save_alignment
from ..align.alignfile import format_alignment
from ..align.display import summary
from ..cli import (
    EXIT_OK,
    add_docset_argument,
    add_format_argument,
    add_lang_argument,
    language_list,
    load_docset,
    progress_for,
    warn,
)
from ..errors import UsageError
from ..terminal import json_dumps

ORDER = 20  # position in `aligner --help`
HELP = "line up the paragraphs of every language (rows, confidence); reuses alignment.tsv"


def configure(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``aligner align``."""
    add_docset_argument(parser)
    add_format_argument(parser, ("text", "json", "tsv"))
    add_lang_argument(parser, "languages to align, comma-separated or repeated (default: all)")
    parser.add_argument(
        "--pivot",
        metavar="LANG",
        help="the language every other one is aligned to (default: docset.toml pivot, else en)",
    )
    parser.add_argument(
        "--fresh", action="store_true", help="ignore DOCSET/alignment.tsv and align from scratch"
    )
    parser.add_argument(
        "--save",
        action="store_true",
        help="write the rows to DOCSET/alignment.tsv (kept and reused by later runs)",
    )


def run(args: argparse.Namespace) -> int:
    """Align and print the rows."""
    docset = load_docset(args)
    languages = language_list(args.lang, "--lang", docset.languages)
    if args.pivot is not None and args.pivot not in (languages or docset.languages):
        raise UsageError(
            f"--pivot {args.pivot}: pivot {args.pivot} is not among the languages "
            f"aligned ({', '.join(languages or docset.languages)}); name one of "
            "them"
        )
    if args.save and languages and set(languages) != set(docset.languages):
        raise UsageError(
            f"--lang {','.join(args.lang)}: with --save it would replace alignment.tsv "
            f"(rows for {', '.join(docset.languages)}) by rows for "
            f"{', '.join(languages)} only; leave out --lang to save all"
        )
    with progress_for(args) as progress:
        alignment = align(
            docset, languages, args.pivot, fresh=args.fresh, progress=progress.aligning
        )
    for note in alignment.notes:
        warn(note)
    if args.save:
        warn(f"saved {save_alignment(docset, alignment)}")
    if args.format == "json":
        payload = {
            "languages": list(alignment.languages),
            "rows": [
                {
                    "id": row.id,
                    **{lang: list(row.indices(lang)) for lang in alignment.languages},
                    "score": row.score,
                }
                for row in alignment.rows
            ],
        }
        print(json_dumps(payload))
    elif args.format == "tsv":
        sys.stdout.write(format_alignment(docset, alignment))
    else:
        low = sum(row.low_confidence for row in alignment.rows)
        origin = {
            "saved": " · from alignment.tsv",
            "refitted": " · from alignment.tsv, partly re-aligned",
        }.get(alignment.origin, "")
        print(
            f"{len(alignment.rows)} rows · {' '.join(alignment.languages)} · "
            f"{low} low-confidence (marked !){origin}"
        )
        width = shutil.get_terminal_size((120, 24)).columns
        for line in summary(docset, alignment, width):
            print(line)
    return EXIT_OK
