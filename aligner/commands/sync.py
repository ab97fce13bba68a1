"""``aligner sync``: create or update DOCSET/review/<lang>.po, keeping every reviewer fix."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

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
from ..docset import REVIEW_DIR
from ..errors import AlignerError, UsageError
from ..terminal import json_dumps

ORDER = 40  # position in `aligner --help`
HELP = "create or update the review files (review/<lang>.po) from the texts, keeping every fix"
COLUMNS = ("kept", "moved", "fuzzy", "obsoleted", "new")
LABELS = ("kept", "moved", "fuzzy-matched", "obsoleted", "new")


def configure(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``aligner sync``."""
    add_docset_argument(parser)
    parser.description = (
        f"{HELP}. Old entries are matched to the current rows by row id, "
        "then by exact text, then by similar source text (like msgmerge); "
        "fuzzy-matched ones need review again; entries that match no row "
        "become obsolete (#~), never deleted."
    )
    add_langs_argument(parser)
    add_format_argument(parser)


def add_langs_argument(parser: argparse.ArgumentParser) -> None:
    """``--lang en,zh`` (or repeated): the languages to work on (default: all)."""
    add_lang_argument(
        parser,
        "languages to work on, comma-separated or repeated (default: every language of the docset)",
    )


def aligned(docset, checks: bool = True, progress=None):
    """(alignment, flags) of ``docset``: the aligner's rows and the checks' flags.

    Writes nothing (see ``save_rows``). ``checks`` False gives flags None (the flags recorded
    in the review files are kept). ``progress``: an ``aligner.progress.Progress``.
    """
    from ..align import align
    from ..checks import run_checks

    alignment = align(docset, progress=progress.aligning if progress else None)
    for note in getattr(alignment, "notes", ()):
        warn(note)
    if not checks:
        return alignment, None
    return alignment, run_checks(docset, alignment, progress=checking(progress, alignment))


def checking(progress, alignment, prefix: str = ""):
    """The checks' ``progress(done, total)`` callback for ``progress`` (None: none): a bar
    on a terminal, a line every few seconds in a pipe."""
    if not progress:
        return None
    what = f"{prefix}checking {len(alignment.rows):,} rows"
    return lambda done, total: progress.step(what, done, total)


def reviewed(docset, checks: bool = True, progress=None, langs=None):
    """(alignment, store) of ``docset``: its rows and the review files of ``langs`` (default:
    every language), brought up to date in memory (nothing is written) with the current
    flags (``checks`` False keeps the recorded ones). ``progress``: an
    ``aligner.progress.Progress``.

    With checks the other languages' files are read too: the flags of one language are found
    against the reviewed texts of the others, exactly as the UI finds them. One of those
    that cannot be read does not stop the command (it is not written): a warning says so and
    its original text stands in for its reviewed text.
    """
    from ..review.session import current_flags

    alignment = aligned(docset, checks=False, progress=progress)[0]
    if progress:
        progress.show("reading the review files", force=True)
    wanted = alignment.languages if langs is None else tuple(langs)
    store = review_store(docset, alignment, wanted, others_too=checks)
    if checks:
        found = current_flags(docset, alignment, store, progress=checking(progress, alignment))
        store.set_flags(found)
    return alignment, store


def review_store(docset, alignment, wanted, others_too: bool = True):
    """The review files of ``wanted``, strictly, and (``others_too``) those of the other
    languages as far as they can be read: one that cannot is not needed for ``wanted``'s
    flags; a warning says so and its original text stands in for its reviewed text."""
    from ..review.store import ReviewStore

    others = [lang for lang in alignment.languages if lang not in wanted] if others_too else []

    def skipped(lang, error) -> None:
        warn(
            f"{error} (not needed for {', '.join(wanted)}: their flags are found against "
            f"the original {lang} text; fix or restore it for the flags the UI shows)"
        )

    return ReviewStore.open(docset, alignment, None, wanted, others, skipped)


def save_rows(docset, alignment) -> None:
    """Write alignment.tsv when the rows were computed or refitted (row ids stay the same on
    the next run)."""
    from ..align import save_alignment

    if getattr(alignment, "origin", "aligned") != "saved":
        print(
            f"{save_alignment(docset, alignment)}: saved (row ids stay for the next sync)",
            file=sys.stderr,
        )


def check_writable(*directories: Path) -> None:
    """UsageError naming the first of ``directories`` (or its nearest existing parent) that
    this process cannot write: checked before anything is written."""
    for directory in directories:
        existing = directory
        while not existing.exists() and existing != existing.parent:
            existing = existing.parent
        if not os.access(existing, os.W_OK | os.X_OK):
            raise UsageError(
                f"{existing}: cannot write here (permission denied or a "
                "read-only file system); nothing was written; make it writable "
                "or work on a copy of the document set"
            )


def run(args: argparse.Namespace) -> int:
    """Sync the review files and print what changed."""
    docset = load_docset(args)
    langs = language_list(args.lang, "--lang", docset.languages)
    with progress_for(args) as progress:
        alignment, store = reviewed(docset, progress=progress, langs=langs)  # reads only
        check_writable(docset.path, docset.path / REVIEW_DIR)
        # Review files first: if alignment.tsv then cannot be saved, the next run fits the
        # same rows from the old one again (the row ids the review files now use).
        progress.show("saving the review files", force=True)
        written = set(store.save(langs))
    try:
        save_rows(docset, alignment)
    except AlignerError as exc:
        if not written:
            raise
        names = ", ".join(sorted(path.name for path in written))
        raise type(exc)(
            f"{exc} (the review files {names} were saved; run 'aligner sync' "
            "again to save the rows)"
        ) from None
    reports = [store.reports[lang] for lang in langs or store.languages]
    if args.format == "json":
        payload = [
            report.as_dict()
            | {"file": str(store.path(report.lang)), "written": store.path(report.lang) in written}
            for report in reports
        ]
        print(json_dumps({"docset": str(docset.path), "files": payload}, indent=2))
        return EXIT_OK
    table = [("lang", "file", "entries", *LABELS, "")]
    for report in reports:
        path = store.path(report.lang)
        table.append(
            (
                report.lang,
                str(path.relative_to(docset.path)),
                str(report.entries),
                *(str(getattr(report, name)) for name in COLUMNS),
                "written" if path in written else "unchanged",
            )
        )
    widths = [max(len(row[i]) for row in table) for i in range(len(table[0]))]
    for row in table:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip())
    return EXIT_OK
