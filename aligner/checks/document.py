"""Building the checks' ``Document`` from an aligned docset or from a gettext catalog."""

from __future__ import annotations

from ..alignment import Alignment
from ..catalog import Catalog
from ..docset import DocSet
from ..glossary import Glossary
from .base import Cell, Document, Unit


def from_docset(docset: DocSet, alignment: Alignment) -> Document:
    """One unit per aligned row; every language of the docset is checked."""
    languages = tuple(lang for lang in docset.languages if lang in alignment.languages) \
        or tuple(docset.languages)
    units = []
    for row in alignment.rows:
        cells = {}
        for lang in languages:
            indices = row.indices(lang)
            paragraphs = docset.paragraphs(lang)
            cells[lang] = Cell.join(lang, (paragraphs[i] for i in indices), indices)
        units.append(Unit(row.id, cells, row.score))
    source = docset.source if docset.source in languages else languages[0]
    return Document(tuple(units), languages, source, languages, docset.glossary)


def from_catalog(catalog: Catalog) -> Document:
    """One unit per translated entry: msgid (and msgid_plural) against the msgstr forms."""
    source, target = catalog.source_language, catalog.language
    if source == target:
        source = f"{source}-source"
    units = []
    for entry in catalog.entries:
        if not entry.translated:
            continue
        sources = (entry.msgid, entry.msgid_plural) if entry.msgid_plural else (entry.msgid,)
        cells = {
            source: Cell.join(source, sources, range(len(sources))),
            target: Cell.join(target, entry.msgstr, range(len(entry.msgstr))),
        }
        units.append(Unit("", cells, 1.0, entry.index))
    return Document(tuple(units), (source, target), source, (target,), Glossary(), True)
