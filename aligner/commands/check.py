"""``aligner check``: suspect spots in a docset (aligned first) or in any PO/MO catalog."""

from __future__ import annotations

import argparse
import unicodedata
from pathlib import Path

from ..cli import (BUNDLED_DOCSET, EXIT_FLAGS, EXIT_OK, add_docset_argument, add_format_argument,
                   language_list, load_docset)
from ..errors import UsageError
from ..terminal import json_dumps, visible
from ..flags import Flag

ORDER = 30  # position in `aligner --help`
HELP = "flag suspect spots: mangled numbers, dates and names, placeholders, repeats, omissions"
CATALOG_SUFFIXES = (".po", ".pot", ".mo")
# The check names for --help, without importing the checks (and their libraries) at start-up;
# tests/test_check_cli.py keeps it equal to aligner.checks.check_names().
CHECK_NAMES = ("number", "placeholder", "name", "repeat", "omission", "language", "punctuation",
               "consistency", "control", "alignment")
_JOINERS = "\u200c\u200d"  # kept: Persian, Indic scripts and emoji need them
_BEFORE, _WIDTH = 30, 96  # excerpt: cells of context before the span, total cells


def configure(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``aligner check``."""
    add_docset_argument(parser)
    parser.description = (f"{HELP}. DOCSET is a document set directory (default: the bundled "
                          "statement) or a PO/MO catalog (msgid is the source, msgstr the "
                          "translation). Exit 0: no error flag; 1: error flags; 2: bad input.")
    add_format_argument(parser)
    parser.add_argument("--lang", metavar="L[,L...]",
                        help="docset: report only these languages; catalog: the language of "
                             "msgstr when the header has none (or to override it)")
    parser.add_argument("--reviewed", action="store_true",
                        help="docset: check the reviewed texts (review/<lang>.po fixes applied); "
                             "offsets then point into the reviewed paragraphs")
    parser.add_argument("--checks", metavar="NAME[,NAME...]",
                        help=f"run only these checks ({', '.join(CHECK_NAMES)})")


def run(args: argparse.Namespace) -> int:
    """Run the checks and print the flags."""
    names = _check_list(args.checks)
    path = Path(args.docset) if args.docset else BUNDLED_DOCSET
    if path.suffix.lower() in CATALOG_SUFFIXES or (path.is_file() and not path.is_dir()):
        if args.reviewed:
            raise UsageError(f"{path}: --reviewed applies to a document set, not to a catalog; "
                             "leave it out")
        if args.encoding is not None:
            raise UsageError(f"{path}: --encoding applies to a document set (a catalog names "
                             "its charset in its header); leave it out")
        lang = language_list(args.lang, "--lang")
        if lang and len(lang) > 1:
            raise UsageError(f"--lang {args.lang!r}: a catalog has one language; give one code")
        flags, text_of, where = _check_catalog(path, names, lang[0] if lang else None)
    else:
        flags, text_of, where = _check_docset(args, names)
    if args.format == "json":
        print(json_dumps({"flags": [flag.to_json() for flag in flags]}, indent=2))
    else:
        print_text(flags, text_of, where)
    return EXIT_FLAGS if any(flag.severity == "error" for flag in flags) else EXIT_OK


def _check_list(value: str | None) -> list[str] | None:
    """``--checks number,name`` -> the names; UsageError for an empty or unknown one."""
    if value is None:
        return None
    names = [part.strip() for part in value.split(",")]
    if not all(names):
        raise UsageError(f"--checks {value!r}: an empty check name (a stray comma?); give "
                         "names separated by commas, like number,name")
    unknown = [name for name in names if name not in CHECK_NAMES]
    if unknown or not names:
        shown = ", ".join(repr(name) for name in unknown)
        raise UsageError(f"--checks {value!r}: no check {shown}; known checks: "
                         f"{', '.join(CHECK_NAMES)}")
    if len(set(names)) != len(names):
        raise UsageError(f"--checks {value!r}: a check named twice; name each once")
    return names


def _check_docset(args: argparse.Namespace, names):
    from ..align import align
    from ..checks import run_checks

    docset = load_docset(args)
    wanted = language_list(args.lang, "--lang", docset.languages)
    alignment = align(docset)
    session = None
    if args.reviewed:
        from ..checks import run_document
        from ..review import ReviewSession
        from ..store import ReviewStore

        session = ReviewSession(docset, alignment, None,
                                ReviewStore.open(docset, alignment, None))  # reads, writes nothing
        flags = run_document(session.reviewed_document(), names)
    else:
        flags = run_checks(docset, alignment, names)
    if wanted:
        flags = [flag for flag in flags if flag.lang in wanted]

    def text_of(flag: Flag) -> str:
        if flag.paragraph is None:
            return ""
        if session is not None:
            return session.reviewed_paragraph(flag.row, flag.lang, flag.paragraph)
        return docset.paragraphs(flag.lang)[flag.paragraph]

    def where(flag: Flag) -> tuple[str, str]:
        part = f" ¶{flag.paragraph}" if flag.paragraph is not None else ""
        return f"row {flag.row}", f"{flag.lang}{part}  {docset.texts[flag.lang].path.name}"

    return flags, text_of, where


def _check_catalog(path: Path, names, lang: str | None):
    from ..catalog import read_catalog
    from ..checks import run_document
    from ..checks.document import from_catalog

    catalog = read_catalog(path, lang)
    flags = run_document(from_catalog(catalog), names)
    entries = catalog.entries

    def text_of(flag: Flag) -> str:
        forms = entries[flag.entry].msgstr
        return forms[flag.paragraph or 0] if forms else ""

    def where(flag: Flag) -> tuple[str, str]:
        entry = entries[flag.entry]
        line = f"{path.name}:{entry.line}" if entry.line else path.name
        form = f"msgstr[{flag.paragraph}]" if entry.msgid_plural else "msgstr"
        return f"entry {flag.entry}  {line}", f"{flag.lang} {form}"

    return flags, text_of, where


def print_text(flags: list[Flag], text_of, where) -> None:
    """Flags grouped by row: location, excerpt with a caret line under the span, message."""
    current = None
    for flag in flags:
        group, location = where(flag)
        if group != current:
            if current is not None:
                print()
            print(group)
            current = group
        print(f"  {location} [{flag.start}:{flag.end}]")
        text = text_of(flag)
        if text:
            line, carets = excerpt(text, flag.start, flag.end)
            print(f"    {line}")
            print(f"    {carets}")
        suggestion = (f" (suggest: {flag.expected})"
                      if flag.expected and flag.expected.strip() not in flag.message else "")
        print(f"    {flag.severity} {flag.check}: {flag.message}{suggestion}")
    if current is not None:
        print()
    print(summary(flags))


def summary(flags: list[Flag]) -> str:
    """``7 flags: 3 errors, 4 warnings`` (or ``no flags``)."""
    if not flags:
        return "no flags"
    counts = {severity: sum(f.severity == severity for f in flags)
              for severity in ("error", "warning", "info")}
    parts = [f"{n} {name}{'s' if n != 1 and name != 'info' else ''}"
             for name, n in counts.items() if n]
    return f"{len(flags)} flag{'s' if len(flags) != 1 else ''}: {', '.join(parts)}"


def cell_width(ch: str) -> int:
    """Terminal cells of one character: CJK wide and full-width forms take two."""
    if unicodedata.combining(ch):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def _shown(ch: str) -> str:
    """One character as the excerpt shows it: newline ↵, tab →, controls as symbols."""
    shown = visible(ch)
    if shown == ch and unicodedata.category(ch) in ("Cf", "Zl", "Zp") and ch not in _JOINERS:
        return "\ufffd"
    return shown


def excerpt(text: str, start: int, end: int) -> tuple[str, str]:
    """One line of ``text`` around [start, end) and the caret line under the span.

    Control characters are shown as symbols (so the terminal is never driven by the text) and
    widths are measured in terminal cells, so the carets stay under the span in CJK text.
    """
    left, used = start, 0
    while left > 0 and used + cell_width(text[left - 1]) <= _BEFORE:
        left -= 1
        used += cell_width(text[left])
    shown, carets, width, right = [], [], 0, left
    while right < len(text) and width < _WIDTH:
        ch = _shown(text[right])
        cells = cell_width(ch)
        shown.append(ch)
        mark = "^" if start <= right < end else " "
        carets.append(mark * cells)
        width += cells
        right += 1
    if end <= start or start >= right:
        position = sum(cell_width(_shown(c)) for c in text[left:min(start, right)])
        carets = [" " * position, "^"]
    prefix = "…" if left > 0 else ""
    suffix = "…" if right < len(text) else ""
    return prefix + "".join(shown) + suffix, " " * len(prefix) + "".join(carets).rstrip()
