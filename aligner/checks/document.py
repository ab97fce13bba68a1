"""Building the checks' ``Document`` from an aligned docset or from a gettext catalog."""

from __future__ import annotations

from ..alignment import Alignment
from ..catalog import Catalog
from ..docset import DocSet
from ..glossary import Glossary
from .base import Cell, Document, Unit


def from_docset(docset: DocSet, alignment: Alignment) -> Document:
    """One unit per aligned row; every language of the docset is checked."""
    languages = _languages(docset, alignment)
    return from_rows(
        [(row.id, row.cells, row.score) for row in alignment.rows],
        languages,
        _source(docset, languages),
        docset.glossary,
        {lang: (0, docset.paragraphs(lang)) for lang in languages},
    )


def rows_shard(docset: DocSet, alignment: Alignment, start: int, end: int) -> tuple:
    """``from_rows``'s arguments for rows [start, end) alone: plain strings and tuples, cheap
    to ship to a worker process, which builds the shard's units itself."""
    rows = alignment.rows[start:end]
    languages = _languages(docset, alignment)
    paragraphs = {}
    for lang in languages:
        indices = [i for row in rows for i in row.indices(lang)]
        first, last = (min(indices), max(indices) + 1) if indices else (0, 0)
        paragraphs[lang] = (first, docset.paragraphs(lang)[first:last])
    return (
        [(row.id, row.cells, row.score) for row in rows],
        languages,
        _source(docset, languages),
        docset.glossary,
        paragraphs,
        start,
    )


def from_rows(
    rows: list[tuple[str, dict[str, tuple[int, ...]], float]],
    languages: tuple[str, ...],
    source: str,
    glossary: Glossary,
    paragraphs: dict[str, tuple[int, list[str]]],
    offset: int = 0,
) -> Document:
    """A document of aligned rows ((id, paragraph indices by language, score)) over
    ``paragraphs``: by language, the index of its first paragraph and a run of paragraphs
    holding every one the rows name. ``offset``: the first row's index in the whole docset."""
    units = []
    for row_id, indices_of, score in rows:
        cells = {}
        for lang in languages:
            first, texts = paragraphs[lang]
            indices = indices_of.get(lang, ())
            cells[lang] = Cell.join(lang, (texts[i - first] for i in indices), indices)
        units.append(Unit(row_id, cells, score))
    return Document(tuple(units), languages, source, languages, glossary, offset=offset)


def _languages(docset: DocSet, alignment: Alignment) -> tuple[str, ...]:
    return tuple(lang for lang in docset.languages if lang in alignment.languages) or tuple(
        docset.languages
    )


def _source(docset: DocSet, languages: tuple[str, ...]) -> str:
    return docset.source if docset.source in languages else languages[0]


def from_catalog(catalog: Catalog) -> Document:
    """One unit per translated entry but the translators' credits: msgid (and msgid_plural)
    against the msgstr forms."""
    source, target = catalog.source_language, catalog.language
    if source == target:
        source = f"{source}-source"
    units = []
    for entry in catalog.entries:
        if not entry.translated or entry.credits:  # the credits translate nothing
            continue
        sources = (entry.msgid, entry.msgid_plural) if entry.msgid_plural else (entry.msgid,)
        cells = {
            source: Cell.join(source, sources, range(len(sources))),
            target: Cell.join(target, entry.msgstr, range(len(entry.msgstr))),
        }
        units.append(Unit("", cells, 1.0, entry.index))
    formats = {entry.index: entry.formats for entry in catalog.entries if entry.formats}
    contexts = {entry.index: entry.msgctxt for entry in catalog.entries if entry.msgctxt}
    empty = tuple(
        entry.index for entry in catalog.entries if not entry.translated and not entry.fuzzy
    )
    return Document(
        tuple(units),
        (source, target),
        source,
        (target,),
        Glossary(),
        True,
        formats=formats,
        plural_forms=catalog.plural_forms,
        empty=empty,
        contexts=contexts,
    )
