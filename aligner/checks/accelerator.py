"""``accelerator``: the keyboard accelerator (mnemonic) of a menu or button label:
``_File`` (GTK), ``&File`` (Qt, KDE, Windows), ``~File`` (LibreOffice).

A label whose msgid has one must have exactly one in msgstr, on any letter of the
translation; Chinese, Japanese and Korean write it after the words, "文件(_F)". None leaves
the control without a key, two make one unreachable. Which marker a catalog uses is learnt
from the catalog itself: it is one when labels start words with it ("_Open", "Save _As")
and their translations write a key (one marker; two, or "Отмена (C)" with the marker lost,
are damage that still shows the catalog uses it); a small catalog's few labels, which damage
may strip by half, from two that keep it. A plural entry's msgid_plural repeats msgid's key.
An underscore inside a lowercase word is an identifier
("server_version", "job_spec") and ``&`` before a word of a sentence ("AT&T") is text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..flags import Flag
from .base import Check, Document, Unit, register

MARKERS = "_&~"
_MIN_LABELS = 5  # word-initial accelerators a catalog needs before the marker is learnt
_MIN_KEPT = 0.6  # ... and the share of them whose translation keeps one
# A small catalog ("_Add", "_Help", "_About Clocks") is learnt from fewer labels: a
# translator who writes a marker into two of their own words uses it, and a catalog that
# does not use the marker keeps it in none. Damage can strip half of so few labels.
_FEW_LABELS = 10  # fewer labels than this are a small catalog
_MIN_KEPT_FEW = 2
_MIN_KEPT_SHARE_FEW = 0.4
_MAX_LABEL = 80  # a label longer than this is a sentence, not a control
_CJK = ("zh", "ja", "ko")


def _candidates(text: str, marker: str) -> list[re.Match]:
    """Places where ``marker`` marks the next character (not doubled, not an entity)."""
    if marker not in text:
        return []
    if marker == "&":
        pattern = r"&(?!&)(?![A-Za-z][\w.-]*;|#\d+;|#x[0-9A-Fa-f]+;)(?=\w)"
    else:
        pattern = re.escape(marker) + rf"(?!{re.escape(marker)})(?=[^\W_])"
    return [m for m in re.finditer(pattern, text) if text[m.start() - 1 : m.start()] != marker]


def accelerator(text: str, marker: str) -> tuple[int, str, bool] | None:
    """(offset, letter, word-initial) of the one accelerator of msgid ``text``, or None
    when it has none, several, or a marker that is more likely part of a name."""
    if len(text) > _MAX_LABEL or text.count(marker) != 1:
        return None
    found = _candidates(text, marker)
    if len(found) != 1:
        return None
    at = found[0].start()
    before = text[at - 1] if at else " "
    letter = text[at + 1]
    if not before.isalnum():
        return at, letter, True
    word_start = at
    while word_start > 0 and text[word_start - 1].isalnum():
        word_start -= 1
    left = text[word_start:at]
    if any(ch.isdigit() for ch in left) or letter.isdigit() or letter.isupper():
        return None  # "KP_Begin", "x86_64"
    if left.islower() and len(left) >= 3:
        return None  # "job_spec", "pixmap_path"
    return at, letter, False


def count(text: str, marker: str) -> list[re.Match]:
    """The accelerators of a translation (any letter of any script)."""
    return _candidates(text, marker)


def learnt_markers(document: Document) -> list[str]:
    """The markers this catalog uses as accelerators."""
    markers = []
    for marker in MARKERS:
        labels = kept = 0
        for unit in document.units:
            source = label(unit, document)
            if marker not in source:
                continue
            found = accelerator(source, marker)
            if found is None or not found[2]:
                continue
            labels += 1
            if all(_uses(unit.text(lang), marker, found[1]) for lang in document.targets):
                kept += 1
        few = labels < _FEW_LABELS and kept >= _MIN_KEPT_FEW
        if (labels >= _MIN_LABELS and kept >= _MIN_KEPT * labels) or (
            few and kept >= _MIN_KEPT_SHARE_FEW * labels
        ):
            markers.append(marker)
    return markers


def label(unit: Unit, document: Document) -> str:
    """The msgid of an entry, without its msgid_plural: both write the label's key ("Open
    in New _Tab" / "Open in %d New _Tabs"), which is one accelerator, not two."""
    cell = unit.cells[document.source]
    if len(cell.starts) < 2:
        return cell.text
    start, end = next(cell.part_spans())
    return cell.text[start:end]


def _uses(text: str, marker: str, letter: str) -> bool:
    """Whether a translation writes the label with an accelerator, even a damaged one: one
    marker or two (a second is a slip of a catalog that uses it), or msgid's key after the
    words with its marker lost ("Отмена (C)" for "_Cancel"). Only labels stripped of any
    key tell a catalog that does not use the marker, so damage does not hide it."""
    return bool(count(text, marker)) or _key_after(text, letter)


def _key_after(text: str, letter: str) -> bool:
    """Whether ``text`` ends with msgid's key in brackets, "(C)" or "（C）", with no marker."""
    body = text.rstrip(":：.…。 ")
    return len(body) >= 3 and body[-3] in "(（" and body[-2] == letter.upper() and body[-1] in ")）"


@register
class AcceleratorCheck(Check):
    name = "accelerator"
    severity = "warning"
    description = "a label's keyboard accelerator (_File, &File, ~File) lost or doubled"

    def run(self, document: Document) -> list[Flag]:
        if not document.catalog:
            return []
        flags: list[Flag] = []
        for marker in learnt_markers(document):
            for unit in document.units:
                flags.extend(self._unit(unit, document, marker))
        return flags

    def _unit(self, unit: Unit, document: Document, marker: str) -> Iterable[Flag]:
        source = label(unit, document)
        if marker not in source:
            return
        found = accelerator(source, marker)
        if found is None:
            return
        at, letter, _ = found
        for lang in document.targets:
            cell = unit.cells[lang]
            for cell_start, cell_end in cell.part_spans():
                text = cell.text[cell_start:cell_end]
                if not text:
                    continue
                marks = count(text, marker)
                if len(marks) == 1:
                    continue
                evidence = {document.source: source}
                if not marks:
                    yield self.flag(
                        unit,
                        lang,
                        cell_start,
                        cell_end,
                        f"msgid has the accelerator {marker}{letter}; msgstr has none",
                        evidence=evidence,
                        expected=_suggested(text, marker, letter, lang),
                    )
                else:
                    second = marks[1]
                    yield self.flag(
                        unit,
                        lang,
                        cell_start + second.start(),
                        cell_start + second.end() + 1,
                        f"msgstr has {len(marks)} accelerators "
                        f"({', '.join(marker + text[m.end()] for m in marks)}); "
                        "a label takes one",
                        evidence=evidence,
                    )


def _suggested(text: str, marker: str, letter: str, lang: str) -> str | None:
    """For Chinese, Japanese and Korean: msgid's key after the words ("文件(_F)")."""
    if lang not in _CJK:
        return None
    body = text.rstrip(":：.…。 ")
    return f"{body}({marker}{letter.upper()}){text[len(body) :]}"
