"""What every check works on, the abstract ``Check`` and the registry of checks by name.

A check sees a ``Document``: units (aligned rows of a docset, or entries of a PO catalog),
each holding one ``Cell`` of text per language. Checks report spans in cell text; ``Cell``
maps them back to the paragraph (or plural form) and its offsets, so every flag points at
text exactly as loaded. Settings are fixed when a check is built, like sacrebleu's metrics.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import ClassVar

from ..errors import AlignerError
from ..flags import Flag
from ..glossary import Glossary
from .tokens import mask_placeholders, placeholders


class CheckError(AlignerError):
    """An unknown check name or an unusable check setting."""


@dataclass(frozen=True)
class Cell:
    """One language's text in a unit: its paragraphs (or plural forms) joined by a blank line.

    ``parts`` are the paragraph indices (docset) or plural-form indices (PO); ``starts`` the
    offset of each part in ``text``.
    """

    lang: str
    text: str
    parts: tuple[int, ...] = ()
    starts: tuple[int, ...] = ()

    @classmethod
    def join(
        cls, lang: str, texts: Iterable[str], parts: Iterable[int], separator: str = "\n\n"
    ) -> Cell:
        """A cell made of ``texts`` (paragraphs or plural forms) numbered by ``parts``."""
        pieces, starts, offset = [], [], 0
        for piece in texts:
            starts.append(offset)
            pieces.append(piece)
            offset += len(piece) + len(separator)
        return cls(lang, separator.join(pieces), tuple(parts), tuple(starts))

    def __reduce__(self) -> tuple:
        # pickled as its fields: shards travel to worker processes a third faster
        return Cell, (self.lang, self.text, self.parts, self.starts)

    def locate(self, start: int, end: int) -> tuple[int | None, int, int]:
        """(part, start, end) of a cell span, clipped to the part that holds ``start``."""
        if not self.starts:
            return None, start, end
        index = max(0, bisect_right(self.starts, start) - 1)
        base = self.starts[index]
        limit = (
            self.starts[index + 1] - 2 if index + 1 < len(self.starts) else len(self.text)
        ) - base
        local_start = min(max(start - base, 0), limit)
        return self.parts[index], local_start, min(max(end - base, local_start), limit)

    def part_spans(self) -> Iterator[tuple[int, int]]:
        """(start, end) of every part inside ``text``."""
        for i, start in enumerate(self.starts):
            end = self.starts[i + 1] - 2 if i + 1 < len(self.starts) else len(self.text)
            yield start, end


@dataclass(frozen=True)
class Unit:
    """One aligned row (or PO entry): its id, per-language cells and alignment confidence.

    A language whose cell is empty has ``Cell(lang, "")``.
    """

    id: str
    cells: dict[str, Cell]
    score: float = 1.0
    entry: int | None = None

    def __post_init__(self) -> None:
        # ``text`` is asked for a million times in a long document's checks: it is the
        # lookup of a dict of the texts itself, with no Python frame
        texts = _Texts((lang, cell.text) for lang, cell in self.cells.items())
        object.__setattr__(self, "text", texts.__getitem__)

    def __reduce__(self) -> tuple:
        return Unit, (self.id, self.cells, self.score, self.entry)

    def text(self, lang: str) -> str:  # replaced per unit by a faster equivalent
        """The cell text of ``lang`` ("" when the row has none)."""
        cell = self.cells.get(lang)
        return cell.text if cell is not None else ""


class _Texts(dict):
    """Cell texts by language; "" for a language the unit has no cell for."""

    def __missing__(self, lang: str) -> str:
        return ""


@dataclass(frozen=True)
class Document:
    """Everything the checks see: units in order, languages, which ones to check, glossary.

    ``source`` is the language the others translate; ``targets`` the languages whose text is
    checked (every language of a docset; only msgstr's language in a PO catalog).
    """

    units: tuple[Unit, ...]
    languages: tuple[str, ...]
    source: str
    targets: tuple[str, ...]
    glossary: Glossary = field(default_factory=Glossary)
    catalog: bool = False
    _facts: dict = field(default_factory=dict, compare=False, repr=False)
    offset: int = 0  # a shard's first unit's index in the whole document (``shard``)
    _others: dict = field(default_factory=dict, compare=False, repr=False)
    _tokens: dict = field(default_factory=dict, compare=False, repr=False)
    # a catalog's format flags by entry ("c-format", "no-python-format"; none in .mo files)
    # and its header's nplurals
    formats: dict = field(default_factory=dict, compare=False, repr=False)
    plural_forms: int | None = None
    # a catalog's entries with every msgstr empty and not fuzzy (``empty`` check), by index
    empty: tuple[int, ...] = ()
    _masks: dict = field(default_factory=dict, compare=False, repr=False)
    # a catalog's msgctxt by entry, where an entry has one ("keyboard label"): one msgid in
    # two contexts is meant to be translated two ways
    contexts: dict = field(default_factory=dict, compare=False, repr=False)

    def shard(self, start: int, end: int) -> Document:
        """Units [start, end) as a document of their own, for a worker process (without
        the facts read so far: they would cost more to ship than to read again)."""
        return Document(
            self.units[start:end],
            self.languages,
            self.source,
            self.targets,
            self.glossary,
            self.catalog,
            {},
            self.offset + start,
            {},
            {},
            self.formats,
            self.plural_forms,
            contexts=self.contexts,
        )

    def others(self, lang: str) -> tuple[str, ...]:
        """The languages other than ``lang``, in display order."""
        found = self._others.get(lang)
        if found is None:
            found = self._others[lang] = tuple(other for other in self.languages if other != lang)
        return found

    def placeholders(self, text: str) -> list[tuple[int, int, str]]:
        """The placeholder tokens of ``text`` (``tokens.placeholders``), found once: the
        facts, the number and the placeholder checks all ask."""
        found = self._tokens.get(text)
        if found is None:
            found = self._tokens[text] = placeholders(text)
        return found

    def masked(self, text: str) -> str:
        """``text`` with its placeholders blanked (``tokens.mask_placeholders``), made once
        per text: the spelling, number, facts and other checks each ask for every cell."""
        found = self._masks.get(text)
        if found is None:
            found = self._masks[text] = mask_placeholders(text, self.placeholders(text))
        return found

    def facts(self, unit: Unit, lang: str) -> tuple:
        """The facts of ``lang``'s cell (numbers, dates, names), read once and shared by the
        checks. Placeholders are blanked first so that ``{0}`` or ``%1$s`` is no number."""
        text = unit.text(lang)
        key = (lang, text)
        found = self._facts.get(key)
        if found is None:
            from ..facts import extract

            found = extract(self.masked(text), lang, self.glossary) if text else ()
            self._facts[key] = found
        return found


class Check(ABC):
    """A kind of suspect spot. Subclasses set ``name``, ``severity`` and ``description``.

    A long document is checked in shards (contiguous runs of units) by worker processes. A
    ``local`` check's flags on a unit depend on that unit alone, so it runs on every shard
    (``run_part``) and ``finish`` puts the parts together, with whatever document-wide step
    the parts' summaries allow (names spelled two ways across the document). A check that is
    not local sees the whole document at once (``run``).
    """

    name: ClassVar[str] = ""
    severity: ClassVar[str] = "warning"
    description: ClassVar[str] = ""
    local: ClassVar[bool] = False

    @abstractmethod
    def run(self, document: Document) -> list[Flag]:
        """Every flag this check raises on ``document``."""

    def run_part(self, document: Document) -> tuple[list[Flag], object]:
        """On one shard of a local check: its flags and a summary for ``finish``."""
        return self.run(document), None

    def finish(self, document: Document, parts: list[tuple[list[Flag], object]]) -> list[Flag]:
        """The flags of the whole ``document`` from its shards' ``run_part`` results."""
        return [flag for flags, _ in parts for flag in flags]

    def flag(
        self,
        unit: Unit,
        lang: str,
        start: int,
        end: int,
        message: str,
        *,
        severity: str | None = None,
        evidence: dict[str, str] | None = None,
        expected: str | None = None,
    ) -> Flag:
        """A flag on cell span [start, end) of ``lang`` in ``unit``, located in its part."""
        cell = unit.cells.get(lang) or Cell(lang, "")
        part, local_start, local_end = cell.locate(start, end)
        return Flag(
            self.name,
            severity or self.severity,
            lang,
            message,
            unit.id,
            part,
            local_start,
            local_end,
            dict(evidence or {}),
            expected,
            unit.entry,
        )


class RowCheck(Check):
    """A check that looks at one unit at a time."""

    local = True

    def run(self, document: Document) -> list[Flag]:
        flags: list[Flag] = []
        for unit in document.units:
            flags.extend(self.check_unit(unit, document))
        return flags

    def check_unit(self, unit: Unit, document: Document) -> Iterable[Flag]:
        """The flags of one unit: a catalog entry's from ``catalog_unit``, a docset row's
        from ``document_unit`` (a check that compares the two kinds alike overrides this)."""
        if document.catalog:
            return self.catalog_unit(unit, document)
        return self.document_unit(unit, document)

    def catalog_unit(self, unit: Unit, document: Document) -> Iterable[Flag]:
        """The flags of one catalog entry (msgid against msgstr); none unless overridden."""
        return ()

    def document_unit(self, unit: Unit, document: Document) -> Iterable[Flag]:
        """The flags of one docset row (every version against the others); none unless
        overridden."""
        return ()


REGISTRY: dict[str, type[Check]] = {}


def register(cls: type[Check]) -> type[Check]:
    """Class decorator: make a check available by its ``name``."""
    REGISTRY[cls.name] = cls
    return cls


def build(names: Iterable[str] | None = None) -> list[Check]:
    """Instances of the named checks (all registered ones when ``names`` is None)."""
    if names is None:
        return [cls() for cls in REGISTRY.values()]
    wanted = [name.strip() for name in names if name.strip()]
    unknown = [name for name in wanted if name not in REGISTRY]
    if unknown:
        raise CheckError(
            f"unknown check(s) {', '.join(unknown)}; known checks: {', '.join(REGISTRY)}"
        )
    return [REGISTRY[name]() for name in dict.fromkeys(wanted)]


def excerpt(text: str, start: int, end: int, width: int = 40) -> str:
    """The span with up to ``width`` characters of context, on one line."""
    return text[max(0, start - width) : end + width].replace("\n", " ")
