"""glossary.tsv: one concept per line, one column per language.

The first non-comment line is the header of language codes. A cell may hold several forms
separated by ";" (the first is the preferred one); an empty cell means the concept has no fixed
form in that language. Lines starting with "#" are comments.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from .errors import GlossaryError, located
from .textio import read_text

_LANG_CODE = re.compile(r"^[a-z]{2,3}(?:[-_][A-Za-z0-9]+)?$")


@dataclass(frozen=True)
class GlossaryEntry:
    """One concept: per language, its accepted forms (preferred first)."""

    forms: dict[str, tuple[str, ...]]
    line: int = 0

    def preferred(self, lang: str) -> str | None:
        """The preferred form in ``lang``, or None when the entry has none."""
        forms = self.forms.get(lang)
        return forms[0] if forms else None


@dataclass(frozen=True)
class Glossary:
    """The docset's glossary: language columns and concepts."""

    languages: tuple[str, ...] = ()
    entries: tuple[GlossaryEntry, ...] = field(default_factory=tuple)

    def __len__(self) -> int:
        return len(self.entries)

    @cached_property
    def fingerprint(self) -> int:
        """A hash of the glossary's content: indexes built from a glossary are cached by
        it, so an equal copy (one unpickled in a worker process) finds them too."""
        return hash(
            (self.languages, tuple(tuple(sorted(entry.forms.items())) for entry in self.entries))
        )


def load_glossary(path: Path) -> Glossary:
    """Read ``glossary.tsv``; raise GlossaryError naming the line on malformed input."""
    decoded = read_text(path)
    return parse_glossary(decoded.text, path)


def parse_glossary(text: str, path: Path | str = "glossary.tsv") -> Glossary:
    """Parse glossary text (see the module docstring for the format)."""
    languages: tuple[str, ...] = ()
    entries = []
    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw.rstrip("\r")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [cell.strip() for cell in line.split("\t")]
        if not languages:
            languages = _parse_header(cells, path, number)
            continue
        if len(cells) > len(languages):
            raise GlossaryError(
                located(
                    path,
                    f"{len(cells)} columns but the header has {len(languages)}; "
                    "separate columns with one tab",
                    number,
                )
            )
        forms = {}
        for lang, cell in zip(languages, cells):
            variants = tuple(v.strip() for v in cell.split(";") if v.strip())
            if variants:
                forms[lang] = variants
        if not forms:
            continue
        entries.append(GlossaryEntry(forms, number))
    return Glossary(languages, tuple(entries))


def _parse_header(cells: list[str], path: Path | str, number: int) -> tuple[str, ...]:
    for cell in cells:
        if not _LANG_CODE.match(cell):
            raise GlossaryError(
                located(
                    path,
                    f"header cell {cell!r} is not a language code; the first line must list "
                    "the language codes, tab-separated (e.g. en<TAB>zh<TAB>kk<TAB>ru)",
                    number,
                )
            )
    if len(set(cells)) != len(cells):
        raise GlossaryError(located(path, "a language code appears twice in the header", number))
    return tuple(cells)
