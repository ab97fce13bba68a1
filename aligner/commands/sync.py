"""``aligner sync``: create or update DOCSET/review/<lang>.po, keeping every reviewer fix."""

from __future__ import annotations

import argparse
import json
import sys

from ..cli import EXIT_OK, add_docset_argument, add_format_argument, load_docset, warn

ORDER = 40  # position in `aligner --help`
HELP = "create or update the review files (review/<lang>.po) from the texts, keeping every fix"
COLUMNS = ("kept", "moved", "fuzzy", "obsoleted", "new")
LABELS = ("kept", "moved", "fuzzy-matched", "obsoleted", "new")


def configure(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``aligner sync``."""
    add_docset_argument(parser)
    parser.description = (f"{HELP}. Old entries are matched to the current rows by row id, "
                          "then by exact text, then by similar source text (like msgmerge); "
                          "fuzzy-matched ones need review again; entries that match no row "
                          "become obsolete (#~), never deleted.")
    add_langs_argument(parser)
    add_format_argument(parser)


def add_langs_argument(parser: argparse.ArgumentParser) -> None:
    """``--langs en zh`` or ``--langs en,zh``: the languages to work on (default: all)."""
    parser.add_argument("--langs", nargs="+", metavar="LANG",
                        help="languages to work on (default: every language of the docset)")


def split_langs(values: list[str] | None) -> tuple[str, ...] | None:
    """``["en,zh", "kk"]`` -> ``("en", "zh", "kk")``; None stays None."""
    if not values:
        return None
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


def aligned(docset, save: bool = False, checks: bool = True):
    """(alignment, flags) of ``docset``: the aligner's rows and the checks' flags.

    ``save`` writes alignment.tsv when the rows were computed or refitted, so that the row ids
    the review files use stay the same on the next run. ``checks`` False gives flags None
    (the flags recorded in the review files are kept).
    """
    from ..align import align, save_alignment
    from ..checks import run_checks

    alignment = align(docset)
    for note in getattr(alignment, "notes", ()):
        warn(note)
    if save and getattr(alignment, "origin", "aligned") != "saved":
        print(f"{save_alignment(docset, alignment)}: saved (row ids stay for the next sync)",
              file=sys.stderr)
    return alignment, run_checks(docset, alignment) if checks else None


def run(args: argparse.Namespace) -> int:
    """Sync the review files and print what changed."""
    from ..store import ReviewStore

    docset = load_docset(args)
    alignment, flags = aligned(docset, save=True)
    store = ReviewStore.open(docset, alignment, flags, split_langs(args.langs))
    written = set(store.save())
    reports = [store.reports[lang] for lang in store.languages]
    if args.format == "json":
        payload = [report.as_dict() | {"file": str(store.path(report.lang)),
                                       "written": store.path(report.lang) in written}
                   for report in reports]
        print(json.dumps({"docset": str(docset.path), "files": payload}, ensure_ascii=False,
                         indent=2))
        return EXIT_OK
    table = [("lang", "file", "entries", *LABELS, "")]
    for report in reports:
        path = store.path(report.lang)
        table.append((report.lang, str(path.relative_to(docset.path)), str(report.entries),
                      *(str(getattr(report, name)) for name in COLUMNS),
                      "written" if path in written else "unchanged"))
    widths = [max(len(row[i]) for row in table) for i in range(len(table[0]))]
    for row in table:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip())
    return EXIT_OK
