"""``aligner export``: the reviewed texts as txt (a docset again), PO (+ MO), TMX, CSV or XLIFF."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..cli import (
    EXIT_OK,
    add_docset_argument,
    add_format_argument,
    language_list,
    load_docset,
    progress_for,
    warn,
)
from ..terminal import json_dumps
from .sync import add_langs_argument, reviewed

ORDER = 50  # position in `aligner --help`
HELP = (
    "export the reviewed texts: txt (a docset again), po (+ mo), a pot template, tmx, csv, "
    "xliff12 or xliff20 (one file per target language)"
)


def configure(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``aligner export``."""
    from ..export import FORMATS

    add_docset_argument(parser)
    add_format_argument(parser, FORMATS)
    parser.add_argument(
        "--out",
        required=True,
        metavar="DIR",
        help="directory to write into (created if missing; never the docset)",
    )
    add_langs_argument(parser)
    parser.add_argument(
        "--mo",
        action="store_true",
        help="po: also write compiled <lang>.mo catalogs (the entries a "
        "reviewer changed or approved, as msgfmt compiles them)",
    )
    parser.add_argument(
        "--approved-only", action="store_true", help="apply only approved fixes (txt, tmx, csv)"
    )
    parser.add_argument(
        "--force",
        action="store_true",
        help="overwrite files that already exist in DIR (each is reported)",
    )
    parser.add_argument(
        "--summary",
        choices=("text", "json"),
        default="text",
        help="what is printed: the files written, one a line (text, the "
        "default), or a JSON object {docset, format, out, languages, "
        "written, overwritten}",
    )


def run(args: argparse.Namespace) -> int:
    """Export and list the files written."""
    from ..export import check_target, export

    if args.mo and args.format != "po":
        warn("--mo applies to --format po only; ignored")
    docset = load_docset(args)
    langs = language_list(args.lang, "--lang", docset.languages)
    check_target(docset.path, Path(args.out))  # before the slow part
    with progress_for(args) as progress:
        # Flags appear in PO comments, the CSV and XLIFF notes; the other formats skip the checks.
        store = reviewed(
            docset,
            checks=args.format in ("po", "csv", "xliff12", "xliff20"),
            progress=progress,
            langs=langs,
        )[1]
        progress.show(f"writing {args.format}", force=True)
        result = export(
            store,
            args.format,
            Path(args.out),
            langs,
            mo=args.mo,
            force=args.force,
            approved_only=args.approved_only,
        )
    for path in result.overwritten:
        warn(f"{path}: overwritten")
    if args.summary == "json":
        print(
            json_dumps(
                {
                    "docset": str(docset.path),
                    "format": args.format,
                    "out": args.out,
                    "languages": list(langs or store.languages),
                    "written": [str(path) for path in result.written],
                    "overwritten": [str(path) for path in result.overwritten],
                },
                indent=2,
            )
        )
        return EXIT_OK
    for path in result.written:
        print(path)
    return EXIT_OK
