"""Suspect-spot checks over an aligned docset or a gettext catalog.

Each check is a class in its own module, registered by name (``number``, ``placeholder``,
...); ``run_checks`` and ``check_catalog`` build the checks' view of the text, run the chosen
checks and return their flags in reading order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from .. import parallel
from ..alignment import Alignment
from ..docset import DocSet
from ..flags import Flag, merge_spots

# Imported in the order the checks run (and are listed): each module registers its check.
# isort: off
from . import number, placeholder  # noqa: F401
from . import name, repeat, omission, language, punctuation  # noqa: F401
from . import consistency, control  # noqa: F401
from . import clause  # noqa: F401
from . import untranslated, truncation, empty  # noqa: F401
from . import quantity  # noqa: F401
from . import variables, markup, verbatim, accelerator, layout  # noqa: F401
from . import spelling, month  # noqa: F401

# isort: on
from . import alignment as alignment_check  # noqa: F401  (the module; run_checks takes an alignment)
from .base import REGISTRY, Check, CheckError, Document, build
from .document import from_catalog, from_docset, from_rows, rows_shard

__all__ = [
    "REGISTRY",
    "Check",
    "CheckError",
    "check_catalog",
    "check_names",
    "run_checks",
    "run_document",
]


def check_names() -> tuple[str, ...]:
    """Names of every check, in the order they run."""
    return tuple(REGISTRY)


Progress = Callable[[int, int], None]  # (checks done, checks to do); shards count each


def run_checks(
    docset: DocSet,
    alignment: Alignment,
    names: Iterable[str] | None = None,
    progress: Progress | None = None,
) -> list[Flag]:
    """Every flag the named checks (default: all) raise on an aligned docset;
    ``progress(done, total)`` as the checks (and shards of them) finish."""
    checks = build(names)  # unknown names are refused before any work
    # texts this long had the workers started while they loaded (``parallel.start_for``):
    # with them up, a docset's rows are worth spreading from a couple of shards on
    long = _text_bytes(docset) >= parallel.START_FROM_BYTES
    return _run(
        lambda: from_docset(docset, alignment),
        len(alignment.rows),
        checks,
        lambda start, end: (from_rows, rows_shard(docset, alignment, start, end)),
        shard_from=2 * SHARD_UNITS if long else SHARD_FROM,
        progress=progress,
    )


def _text_bytes(docset: DocSet) -> int:
    """The size of the docset's language files, as ``parallel.start_for`` measures it."""
    total = 0
    for text in docset.texts.values():
        try:
            total += Path(text.path).stat().st_size
        except (OSError, TypeError):
            continue
    return total


def check_catalog(
    po_path: str | Path, names: Iterable[str] | None = None, lang: str | None = None
) -> list[Flag]:
    """Every flag the named checks raise on a PO/MO catalog (msgid against msgstr)."""
    from ..catalog import read_catalog

    checks = build(names)
    document = from_catalog(read_catalog(po_path, lang))
    return _run(lambda: document, len(document.units), checks, shard_from=CATALOG_SHARD_FROM)


def run_document(
    document: Document, names: Iterable[str] | None = None, progress: Progress | None = None
) -> list[Flag]:
    """Run the named checks on a prepared document (``progress`` as for ``run_checks``)."""
    return _run(
        lambda: document,
        len(document.units),
        build(names),
        shard_from=CATALOG_SHARD_FROM if document.catalog else SHARD_FROM,
        progress=progress,
    )


SHARD_FROM = 2000  # units (rows or entries) before a document is checked in worker processes
SHARD_UNITS = 500  # at least this many units per shard
# A catalog alone is checked here unless it is this long: starting the workers for it costs
# about 0.7 s of CPU (the fork server's imports, each worker's copy of the caches), more
# than checking 3,000 entries in one process, and the per-catalog CPU is what is compared
# with pofilter. (A run of many catalogs spreads whole catalogs over the workers instead.)
CATALOG_SHARD_FROM = 10000


ShardSource = Callable[[int, int], tuple[Callable[..., Document], tuple]]


def _run(
    make: Callable[[], Document],
    size: int,
    checks: list[Check],
    shard_source: ShardSource | None = None,
    shard_from: int = SHARD_FROM,
    progress: Progress | None = None,
) -> list[Flag]:
    """Flags of ``checks`` on the document ``make`` builds (``size`` units), sorted by unit,
    language, position; flags of several checks on one spot merged into one
    (``flags.merge_spots``). ``shard_source(start, end)``: a function and its arguments that
    build units [start, end) in a worker (default: the document's own ``shard``).
    ``progress(done, total)``: after each check on the whole document and each shard."""
    with parallel.gc_paused():
        if size >= shard_from and parallel.pool() is not None:
            document, flags = _in_shards(make, size, checks, shard_source, progress)
        else:
            document = make()
            flags = _run_all(document, checks, _counter(progress, len(checks)))
    row_index = {unit.id: i for i, unit in enumerate(document.units) if unit.id}
    entry_index = {unit.entry: i for i, unit in enumerate(document.units) if unit.entry is not None}
    order = {lang: i for i, lang in enumerate(document.languages)}

    def key(flag: Flag) -> tuple:
        unit = entry_index.get(flag.entry) if flag.entry is not None else row_index.get(flag.row)
        return (
            unit if unit is not None else -1,
            order.get(flag.lang, 99),
            flag.paragraph if flag.paragraph is not None else -1,
            flag.start,
            flag.end,
            flag.check,
        )

    flags.sort(key=key)
    merged = merge_spots(flags)  # one spot, one flag: every check's reason in it
    if len(merged) < len(flags):
        merged.sort(key=key)  # a merged flag stands where its lead's span does
    return merged


def _in_shards(
    make: Callable[[], Document],
    size: int,
    checks: list[Check],
    shard_source: ShardSource | None,
    progress: Progress | None = None,
) -> tuple[Document, list[Flag]]:
    """The local checks run on shards of the document, spread over the cores, while this
    thread runs the others on the whole document; then each local check puts its shards
    together (``finish``). The shards are sent first, so the workers start at once."""
    local = [check for check in checks if check.local]
    whole = [check for check in checks if not check.local]
    runner = parallel.Runner()
    # a worker per core: one shard each (each shard costs shipping and cold caches); a
    # caller taking its share needs smaller pieces to meet the worker in the middle
    pieces = parallel.cores() * (4 if runner.taking else 1)
    spans = parallel.chunks(range(size), pieces, SHARD_UNITS)
    document = None if shard_source is not None else make()
    for index, (start, end) in enumerate(spans):
        build_shard, args = (
            shard_source(start, end)
            if shard_source is not None
            else (_as_is, (document.shard(start, end),))
        )
        runner.add(index, run_shard, build_shard, args, local)
    if document is None:
        document = make()
    # a shard is all the local checks on part of the rows: it counts as that many checks
    tick = _counter(progress, len(whole) + len(local) * len(spans))
    runner.add("whole", _run_all, document, whole, tick, here=True)
    parts: list = [None] * len(spans)
    flags: list[Flag] = []
    for tag, result in runner.results():
        if tag == "whole":
            flags.extend(result)
        else:
            parts[tag] = result
            if tick is not None:
                tick(len(local))
    for index, check in enumerate(local):
        flags.extend(check.finish(document, [part[index] for part in parts]))
    return document, flags


def _as_is(document: Document) -> Document:
    return document


def _counter(progress: Progress | None, total: int) -> Callable[[int], None] | None:
    """``tick(n)``: ``n`` more of ``total`` checks done, reported to ``progress``."""
    if progress is None:
        return None
    done = 0

    def tick(count: int = 1) -> None:
        nonlocal done
        done += count
        progress(done, total)

    progress(0, total)
    return tick


def _run_all(
    document: Document, checks: list[Check], tick: Callable[[int], None] | None = None
) -> list[Flag]:
    flags: list[Flag] = []
    for check in checks:
        flags += check.run(document)
        if tick is not None:
            tick(1)
    return flags


def run_shard(
    build_shard: Callable[..., Document], args: tuple, checks: list[Check]
) -> list[tuple[list[Flag], object]]:
    """Each local check's ``run_part`` on the shard ``build_shard(*args)`` builds (in a
    worker process)."""
    with parallel.gc_paused():
        document = build_shard(*args)
        return [check.run_part(document) for check in checks]
