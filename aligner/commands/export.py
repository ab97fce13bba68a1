"""``aligner export``: the reviewed texts as txt (a docset again), PO (+ MO), TMX or CSV."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..cli import (EXIT_OK, add_docset_argument, add_format_argument, language_list,
                   load_docset, warn)
from .sync import add_langs_argument, reviewed

ORDER = 50  # position in `aligner --help`
HELP = "export the reviewed texts: txt (a docset again), po (+ mo), a pot template, tmx or csv"


def configure(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``aligner export``."""
    from ..export import FORMATS

    add_docset_argument(parser)
    add_format_argument(parser, FORMATS)
    parser.add_argument("--out", required=True, metavar="DIR",
                        help="directory to write into (created if missing; never the docset)")
    add_langs_argument(parser)
    parser.add_argument("--mo", action="store_true",
                        help="po: also write compiled <lang>.mo catalogs (the entries a "
                             "reviewer changed or approved, as msgfmt compiles them)")
    parser.add_argument("--approved-only", action="store_true",
                        help="apply only approved fixes (txt, tmx, csv)")
    parser.add_argument("--force", action="store_true",
                        help="overwrite files that already exist in DIR (each is reported)")


def run(args: argparse.Namespace) -> int:
    """Export and list the files written."""
    from ..export import check_target, export

    if args.mo and args.format != "po":
        warn("--mo applies to --format po only; ignored")
    docset = load_docset(args)
    langs = language_list(args.langs, "--langs", docset.languages)
    check_target(docset.path, Path(args.out))  # before the slow part
    # Flags appear only in PO comments and in the CSV; the other formats skip the checks.
    store = reviewed(docset, checks=args.format in ("po", "csv"))[1]
    result = export(store, args.format, Path(args.out), langs, mo=args.mo, force=args.force,
                    approved_only=args.approved_only)
    for path in result.overwritten:
        warn(f"{path}: overwritten")
    for path in result.written:
        print(path)
    return EXIT_OK
