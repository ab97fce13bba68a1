"""``aligner check``: suspect spots in docsets (aligned first) and PO/MO catalogs, one or many
per call (directories of catalogs searched), sharing one start-up and the machine's cores."""

from __future__ import annotations

import argparse
import os
import unicodedata
from pathlib import Path

from ..cli import (
    BUNDLED_DOCSET,
    EXIT_FLAGS,
    EXIT_OK,
    Progress,
    add_encoding_argument,
    add_format_argument,
    add_lang_argument,
    language_list,
    load_docset,
    os_error_message,
    progress_for,
)
from ..errors import AlignerError, UsageError
from ..flags import Flag
from ..terminal import cell_width, graphemes, json_dumps, one_line, visible

ORDER = 30  # position in `aligner --help`
HELP = "flag suspect spots: mangled numbers, dates and names, placeholders, repeats, omissions"
CATALOG_SUFFIXES = (".po", ".pot", ".mo")
# The check names for --help, without importing the checks (and their libraries) at start-up;
# tests/test_check_cli.py keeps it equal to aligner.checks.check_names().
CHECK_NAMES = (
    "number",
    "placeholder",
    "name",
    "repeat",
    "omission",
    "language",
    "punctuation",
    "consistency",
    "control",
    "clause",
    "untranslated",
    "truncation",
    "empty",
    "quantity",
    "variable",
    "markup",
    "verbatim",
    "accelerator",
    "layout",
    "spelling",
    "month",
    "alignment",
)
_JOINERS = "\u200c\u200d"  # kept: Persian, Indic scripts and emoji need them
_BEFORE, _WIDTH = 30, 96  # excerpt: cells of context before the span, total cells
# Catalogs of a many-file run are spread over worker processes when there is this much to
# read: starting the workers costs about half a second of the machine's time, which a
# megabyte of catalogs (a few seconds of checking) repays; less is checked here, in order.
POOL_FROM_BYTES = 1_000_000


def configure(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``aligner check``."""
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="a PO/MO catalog, a document set directory, or a directory holding "
        "catalogs (*.po, *.mo at any depth); several may be given "
        "(default: the bundled joint statement)",
    )
    add_encoding_argument(parser)
    parser.description = (
        f"{HELP}. Each PATH is a document set directory (one <code>.txt per language), a "
        "PO/MO catalog (msgid is the source, msgstr the translation) or a directory of "
        "catalogs. Every path is verified before any work, and every catalog read before any "
        "result is shown: one that cannot be used ends the run with one error line naming "
        "it (exit 2) and no results. With several files the text output groups the flags "
        'under each file\'s name, and --format json gives {"files": [{"path": ..., '
        '"flags": [...]}, ...]} (one catalog or docset alone: {"flags": [...]}). Progress is shown on stderr when the work lasts '
        "(a bar on a terminal, plain lines in a pipe; --quiet: none). Exit 0: no error flag; 1: error flags in any file; 2: bad input."
    )
    add_format_argument(parser)
    add_lang_argument(
        parser,
        "docset: report only these languages; catalog: the language "
        "of msgstr when the header has none (or to override it; one "
        "code, used for every catalog of the run)",
    )
    parser.add_argument(
        "--reviewed",
        action="store_true",
        help="docset: check the reviewed texts (review/<lang>.po fixes applied); "
        "offsets then point into the reviewed paragraphs",
    )
    parser.add_argument(
        "--checks",
        metavar="NAME[,NAME...]",
        help=f"run only these checks ({', '.join(CHECK_NAMES)})",
    )


def run(args: argparse.Namespace) -> int:
    """Run the checks and print the flags."""
    from .. import parallel

    names = _check_list(args.checks)
    parallel.freeze_after_passes()  # the process ends with the command
    given = [Path(path) for path in args.paths]
    if len(given) > 1 or (given and given[0].is_dir() and not is_docset(given[0])):
        return _run_many(args, names, given)
    path = given[0] if given else BUNDLED_DOCSET
    if path.suffix.lower() in CATALOG_SUFFIXES or (path.is_file() and not path.is_dir()):
        _catalog_options(args, path)
        flags, text_of, where = _check_catalog(path, names, _catalog_language(args))
    else:
        with progress_for(args) as progress:
            flags, text_of, where = _check_docset(_for_docset(args, path), names, progress)
    if args.format == "json":
        print(json_dumps({"flags": [flag.to_json() for flag in flags]}, indent=2))
    else:
        print_text(flags, text_of, where)
    return EXIT_FLAGS if any(flag.severity == "error" for flag in flags) else EXIT_OK


def is_docset(directory: Path) -> bool:
    """Whether ``directory`` is a document set: it holds a ``<code>.txt`` language file (the
    rule ``aligner.docset`` loads by) or a docset's own files (docset.toml, alignment.tsv,
    glossary.tsv, review/: a docset that lost its texts is still one, and the loader says
    what is missing). A directory that cannot be listed counts as one too, so that the
    loader reports what is wrong with it."""
    from ..docset import ALIGNMENT_NAME, CONFIG_NAME, GLOSSARY_NAME, LANGUAGE_CODE, REVIEW_DIR

    own = {CONFIG_NAME, ALIGNMENT_NAME, GLOSSARY_NAME, REVIEW_DIR}
    try:
        with os.scandir(directory) as entries:
            return any(
                entry.name in own
                or (entry.name.endswith(".txt") and LANGUAGE_CODE.match(entry.name[:-4]))
                for entry in entries
            )
    except OSError:
        return True


def _catalog_options(args: argparse.Namespace, path: Path) -> None:
    """UsageError for an option that has no meaning for catalog ``path``."""
    if args.reviewed:
        raise UsageError(
            f"{path}: --reviewed applies to a document set, not to a catalog; leave it out"
        )
    if args.encoding is not None:
        raise UsageError(
            f"{path}: --encoding applies to a document set (a catalog names "
            "its charset in its header); leave it out"
        )


def _catalog_language(args: argparse.Namespace) -> str | None:
    lang = language_list(args.lang, "--lang")
    if lang and len(lang) > 1:
        raise UsageError(
            f"--lang {','.join(args.lang)!r}: a catalog has one language; give one code"
        )
    return lang[0] if lang else None


def _for_docset(args: argparse.Namespace, path: Path) -> argparse.Namespace:
    return argparse.Namespace(**{**vars(args), "docset": str(path)})


def _targets(given: list[Path]) -> list[tuple[Path, str]]:
    """(path, "catalog" or "docset") for every file the paths name, directories searched,
    each file once; every one verified (exists, readable, can be a catalog) before any
    work. Raises AlignerError naming the first that cannot be used."""
    from ..catalog import catalogs_in, probe

    targets, seen = [], set()
    for path in given:
        if path.is_dir():
            if is_docset(path):
                found = [(path, "docset")]
            else:
                found = [(catalog, "catalog") for catalog in catalogs_in(path)]
                if not found:
                    raise UsageError(
                        f"{path}: no catalogs (*.po, *.mo) in it and no language "
                        "files (<code>.txt); give a PO/MO catalog, a directory "
                        "holding catalogs or a document set"
                    )
        else:
            found = [(path, "catalog")]
        for target, kind in found:
            if kind == "catalog":
                probe(target)
            key = os.path.realpath(target)
            if key not in seen:
                seen.add(key)
                targets.append((target, kind))
    return targets


def _run_many(args: argparse.Namespace, names, given: list[Path]) -> int:
    """Every file the paths name: verified first, then checked (catalogs spread over the
    cores when there are enough of them), then printed in the order given."""
    targets = _targets(given)
    catalogs = [path for path, kind in targets if kind == "catalog"]
    if catalogs:
        _catalog_options(args, catalogs[0])
    lang = _catalog_language(args) if catalogs else None
    if not catalogs:
        language_list(args.lang, "--lang")  # well formed; each docset checks its languages
    text = args.format != "json"
    noun = (
        "catalogs"
        if len(catalogs) == len(targets)
        else "document sets"
        if not catalogs
        else "files"
    )
    results: dict[Path, tuple[list[Flag], list[str] | None]] = {}
    with progress_for(args) as progress:

        def done() -> None:
            progress.step(f"checking {len(targets)} {noun}", len(results), len(targets))

        pending = _start_catalogs(catalogs, names, lang, text)
        for path, kind in targets:
            if kind == "docset":
                flags, text_of, where = _check_docset(
                    _for_docset(args, path),
                    names,
                    progress,
                    f"{len(results)}/{len(targets)} {noun}: ",
                )
                results[path] = flags, render_text(flags, text_of, where) if text else None
                done()
        for path, result in pending:
            results[path] = result
            done()
    if text:
        _print_files(targets, results, noun)
    else:
        print(
            json_dumps(
                {
                    "files": [
                        {"path": str(path), "flags": [flag.to_json() for flag in results[path][0]]}
                        for path, _ in targets
                    ]
                },
                indent=2,
            )
        )
    errors = any(flag.severity == "error" for flags, _ in results.values() for flag in flags)
    return EXIT_FLAGS if errors else EXIT_OK


def _start_catalogs(catalogs: list[Path], names, lang: str | None, text: bool):
    """Start checking ``catalogs``; an iterator of (path, (flags, text lines)) as each is
    done. Large runs go to the worker processes, the largest catalogs first (the small ones
    then fill the gaps at the end); a catalog that cannot be read raises AlignerError."""
    from .. import parallel

    sizes = {}
    for path in catalogs:
        try:
            sizes[path] = path.stat().st_size
        except OSError:
            sizes[path] = 0
    if len(catalogs) < 2 or sum(sizes.values()) < POOL_FROM_BYTES:
        return (
            (path, _outcome(path, check_file(str(path), names, lang, text))) for path in catalogs
        )
    # this process checks catalogs too (the smallest, from the back of the queue) while the
    # workers start and take the largest from the front: one worker fewer, none waiting
    parallel.share_with_caller()
    runner = parallel.Runner()
    for path in sorted(catalogs, key=lambda path: -sizes[path]):
        runner.add(path, check_file, str(path), names, lang, text)

    def results():
        try:
            for path, result in runner.results():
                yield path, _outcome(path, result)
        finally:
            for future in list(runner.running):
                future.cancel()

    return results()


def _outcome(path: Path, result: tuple):
    if result[0] == "error":
        raise AlignerError(result[1])
    return result[1], result[2]


def check_file(path: str, names, lang: str | None, text: bool) -> tuple:
    """One catalog checked (in a worker process): ("ok", flags, text lines or None) or
    ("error", the one-line message)."""
    try:
        flags, text_of, where = _check_catalog(Path(path), names, lang)
        return "ok", flags, render_text(flags, text_of, where) if text else None
    except AlignerError as exc:
        return "error", str(exc)
    except OSError as exc:
        return "error", os_error_message(exc)


def _print_files(targets: list[tuple[Path, str]], results: dict, noun: str) -> None:
    """Each file with flags under its name and its summary, then the run's summary."""
    flagged = 0
    every: list[Flag] = []
    for path, _ in targets:
        flags, lines = results[path]
        every.extend(flags)
        if not flags:
            continue
        flagged += 1
        print(f"== {visible(str(path))}: {summary(flags)}")
        for line in lines:
            print(line)
    count = f"checked {len(targets)} {noun if len(targets) != 1 else noun[:-1]}"
    if every:
        print(f"{count}, {flagged} with flags: {summary(every)}")
    else:
        print(f"{count}: no flags")


def _check_list(value: str | None) -> list[str] | None:
    """``--checks number,name`` -> the names; UsageError for an empty or unknown one."""
    if value is None:
        return None
    names = [part.strip() for part in value.split(",")]
    if not all(names):
        raise UsageError(
            f"--checks {value!r}: an empty check name (a stray comma?); give "
            "names separated by commas, like number,name"
        )
    unknown = [name for name in names if name not in CHECK_NAMES]
    if unknown or not names:
        shown = ", ".join(repr(name) for name in unknown)
        raise UsageError(
            f"--checks {value!r}: no check {shown}; known checks: {', '.join(CHECK_NAMES)}"
        )
    if len(set(names)) != len(names):
        raise UsageError(f"--checks {value!r}: a check named twice; name each once")
    return names


def _check_docset(args: argparse.Namespace, names, progress: Progress, prefix: str = ""):
    """A docset's flags (aligned first) and how to show them; ``progress`` tells how far
    the alignment is (``prefix``: where the run is, in a many-file run)."""
    from ..align import align
    from ..checks import run_checks

    docset = load_docset(args)
    wanted = language_list(args.lang, "--lang", docset.languages)
    alignment = align(
        docset, progress=lambda what, done, total: progress.aligning(what, done, total, prefix)
    )
    from .sync import checking

    report = checking(progress, alignment, prefix)
    session = None
    if args.reviewed:
        from ..review.session import ReviewSession
        from .sync import review_store

        store = review_store(docset, alignment, wanted or alignment.languages)
        session = ReviewSession(docset, alignment, None, store)  # reads, writes nothing
        flags = session.reviewed_flags(session.current_check(names, report))
    else:
        flags = run_checks(docset, alignment, names, report)
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
    from .. import parallel

    # importing the checks (their patterns, tables and classes), reading and checking each
    # build objects that live on: no automatic collection walks them again and again
    with parallel.gc_paused():
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
        name = visible(path.name)  # a file name may hold a newline or an escape
        line = f"{name}:{entry.line}" if entry.line else name
        form = f"msgstr[{flag.paragraph}]" if entry.msgid_plural else "msgstr"
        return f"entry {flag.entry}  {line}", f"{flag.lang} {form}"

    return flags, text_of, where


def print_text(flags: list[Flag], text_of, where) -> None:
    """Flags grouped by row (``render_text``), then the summary line."""
    for line in render_text(flags, text_of, where):
        print(line)
    print(summary(flags))


def render_text(flags: list[Flag], text_of, where) -> list[str]:
    """The lines of flags grouped by row: location, excerpt with a caret line under the
    span, message; a blank line after each group."""
    lines: list[str] = []
    current = None
    for flag in flags:
        group, location = where(flag)
        if group != current:
            if current is not None:
                lines.append("")
            lines.append(group)
            current = group
        lines.append(f"  {location} [{flag.start}:{flag.end}]")
        text = text_of(flag)
        if text:
            line, carets = excerpt(text, flag.start, flag.end)
            lines.append(f"    {line}")
            lines.append(f"    {carets}")
        suggestion = (
            f" (suggest: {flag.expected})"
            if flag.expected and flag.expected.strip() not in flag.message
            else ""
        )
        # one line whatever the texts hold: a suggestion ending in "\n" shows it as ↵
        lines.append(f"    {flag.severity} {flag.check}: {one_line(flag.message + suggestion)}")
    if current is not None:
        lines.append("")
    return lines


def summary(flags: list[Flag]) -> str:
    """``7 flags: 3 errors, 4 warnings`` (or ``no flags``)."""
    if not flags:
        return "no flags"
    counts = {
        severity: sum(f.severity == severity for f in flags)
        for severity in ("error", "warning", "info")
    }
    parts = [
        f"{n} {name}{'s' if n != 1 and name != 'info' else ''}" for name, n in counts.items() if n
    ]
    return f"{len(flags)} flag{'s' if len(flags) != 1 else ''}: {', '.join(parts)}"


def _shown(ch: str) -> str:
    """One character as the excerpt shows it: newline ↵, tab →, controls as symbols."""
    shown = visible(ch)
    if shown == ch and unicodedata.category(ch) in ("Cf", "Zl", "Zp") and ch not in _JOINERS:
        return "\ufffd"
    return shown


def excerpt(text: str, start: int, end: int) -> tuple[str, str]:
    """One line of ``text`` around [start, end) and the caret line under the span.

    Control characters are shown as symbols (so the terminal is never driven by the text) and
    widths are measured in terminal cells (``aligner.terminal.cell_width``), a reader's
    character (an emoji sequence, a letter and its accents) at a time, so the carets stay
    under the span in CJK text and after emoji.
    """
    shown_text = "".join(map(_shown, text))  # one symbol per character: offsets stay
    parts, offset = [], 0  # (first character's offset, the cluster, its cells)
    for part in graphemes(shown_text):
        parts.append((offset, part, cell_width(part)))
        offset += len(part)
    first = next((k for k, (at, part, _) in enumerate(parts) if at + len(part) > start), len(parts))
    left, used = first, 0
    while left > 0 and used + parts[left - 1][2] <= _BEFORE:
        left -= 1
        used += parts[left][2]
    shown, carets, width, right = [], [], 0, left
    while right < len(parts) and width < _WIDTH:
        at, part, cells = parts[right]
        shown.append(part)
        carets.append(("^" if at < end and at + len(part) > start else " ") * cells)
        width += cells
        right += 1
    if end <= start or first >= right:
        carets = [" " * sum(cells for _, _, cells in parts[left : min(first, right)]), "^"]
    prefix = "…" if left > 0 else ""
    suffix = "…" if right < len(parts) else ""
    return prefix + "".join(shown) + suffix, " " * len(prefix) + "".join(carets).rstrip()
