"""``aligner import FILE``: an XLIFF (1.2 or 2.0) or CSV reviewed in another tool, back as fixes.

Every cell goes through the review store, as a fix typed in the UI does; a fix made in aligner
since the export is never overwritten and a unit whose source text changed is never applied
(both are reported: exit code 1). A file that cannot be read, or names a language the docset
lacks, is refused before anything is written (exit 2). The rules are in docs/interchange.md.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from ..cli import (
    EXIT_FLAGS,
    EXIT_OK,
    add_docset_argument,
    add_format_argument,
    load_docset,
    progress_for,
    warn,
)
from ..errors import UsageError
from ..terminal import json_dumps

ORDER = 55  # position in `aligner --help`: after export
HELP = "bring an XLIFF (1.2, 2.0) or CSV reviewed in another tool back as fixes"


def configure(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``aligner import``."""
    parser.add_argument(
        "file", metavar="FILE", help="an .xlf/.xliff or .csv file written by 'aligner export'"
    )
    add_docset_argument(parser)
    add_format_argument(parser)


def read_incoming(path: Path, docset):
    """(languages, cells) of ``path``; UsageError (exit 2) for anything not importable here."""
    from ..csv_table import read_csv
    from ..xliff import read_xliff

    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UsageError(
            f"{path}: cannot be read ({exc.strerror or exc}); give the file to import"
        ) from None
    name = str(path)
    start = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    if start == b"<" or path.suffix.lower() in (".xlf", ".xliff", ".xml"):
        document = read_xliff(data, name)
        if document.source_lang != docset.source:
            raise UsageError(
                f"{name}: its source language is {document.source_lang}, the "
                f"document set's is {docset.source}; import a file exported "
                "from this document set"
            )
        langs = (document.target_lang,)
        cells = document.cells
    else:
        langs, cells = read_csv(data, name)
    unknown = [lang for lang in langs if lang not in docset.texts]
    if unknown:
        raise UsageError(
            f"{name}: language {', '.join(unknown)} is not in the document set "
            f"({', '.join(docset.languages)}); import it into the document set "
            "it was exported from"
        )
    if not langs:
        raise UsageError(f"{name}: no language column; import a table 'aligner export' wrote")
    return langs, cells


def run(args: argparse.Namespace) -> int:
    """Import and say what was applied, unchanged and skipped (and why)."""
    from ..docset import REVIEW_DIR
    from ..incoming import import_cells
    from ..review.store import ReviewStore
    from .sync import aligned, check_writable, save_rows

    docset = load_docset(args)
    path = Path(args.file)
    langs, cells = read_incoming(path, docset)  # everything validated before any write
    alignment, _ = aligned(docset, checks=False)
    store = ReviewStore.open(docset, alignment, None, langs)
    check_writable(docset.path / REVIEW_DIR)
    with progress_for(args) as shown:
        report = import_cells(
            store, cells, lambda done, total: shown.step("comparing cells", done, total)
        )
    if report.applied:
        save_rows(docset, alignment)  # the row ids the fixes point at stay
    skipped = [
        {"row": cell.row, "lang": cell.lang, "where": cell.where, "reason": reason}
        for cell, reason in report.skipped
    ]
    if args.format == "json":
        print(
            json_dumps(
                {
                    "file": str(path),
                    "docset": str(docset.path),
                    "applied": [{"row": c.row, "lang": c.lang} for c in report.applied],
                    "unchanged": report.unchanged,
                    "skipped": skipped,
                },
                indent=2,
            )
        )
    else:
        for item in skipped:
            warn(f"{path}: {item['where']} ({item['lang']}): not applied: {item['reason']}")
        print(
            f"{path}: {len(report.applied)} applied, {report.unchanged} unchanged, "
            f"{len(skipped)} skipped"
        )
    return EXIT_FLAGS if skipped else EXIT_OK
