"""Clauses and verbatim anchors of a cell: what the omission checks compare.

A version that lacks a sentence or a clause shows it in its structure: fewer sentences (or
paragraphs) than every other version, a clause whose length the others have and it has not,
numbers and verbatim names (commands, product names) that every other version carries and it
does not. Sentences end where ``aligner.sentences`` says; clauses are cut by punctuation
alone, so both work the same in every script.
"""

from __future__ import annotations

import re

from ..sentences import sentence_ends

# clauses part at , ; : and their full-width forms; a comma between digits ("1,000",
# "May 2023, 5") belongs to the numbers
_CLAUSE_END = re.compile(r"(?<!\d)[,;:](?=\s)|(?<=\d)[,;:](?=\s+\D)|[，；：]")
_NOT_LETTER = re.compile(r"[\W\d_]+")
_ANCHOR = re.compile(r"\d+(?:[.,]\d+)*|[A-Za-z][A-Za-z0-9_+#.-]*[A-Za-z0-9]|--?[a-z][a-z-]+")


def length(text: str) -> int:
    """Characters without spaces (Chinese has none; the others should not count theirs)."""
    return len(text) - text.count(" ") - text.count("\n")


def letters(text: str) -> int:
    """Letters (and Chinese characters) alone: digits and names in Latin letters are
    written alike in every version, so they would blur the ratio of a short piece."""
    return len(_NOT_LETTER.sub("", text))


def clauses(text: str) -> list[tuple[int, int]]:
    """(start, end) of each clause of ``text``, in order, covering it: each ends after its
    punctuation and the spaces that follow."""
    cuts = sorted(set(sentence_ends(text)) | {m.end() for m in _CLAUSE_END.finditer(text)})
    spans, start = [], 0
    for cut in cuts:
        while cut < len(text) and text[cut].isspace():
            cut += 1
        if cut > start and text[start:cut].strip():
            spans.append((start, cut))
            start = cut
    if text[start:].strip():
        spans.append((start, len(text)))
    elif spans:
        spans[-1] = (spans[-1][0], len(text))
    return spans


def anchors(text: str) -> set[str]:
    """Numbers and Latin-script words (names, commands, options) as written: a version that
    lacks one that every other version has has lost the text around it. (A Latin word is an
    anchor only where a version in another script keeps it verbatim: ``missing_anchors``.)"""
    found = set()
    for match in _ANCHOR.finditer(text):
        token = match.group()
        if token[0].isdigit():
            found.add(token.replace(",", "").rstrip("."))
        elif len(token) >= 3:
            found.add(token)
    return found


def latin(text: str) -> bool:
    """Whether most letters of ``text`` are Latin."""
    letters = sum(1 for ch in text if ch.isalpha())
    return sum(1 for ch in text if "a" <= ch.lower() <= "z") * 2 > letters


def missing_anchors(texts: dict[str, str], lang: str) -> set[str]:
    """Anchors every other version of a row has and ``lang``'s lacks: numbers, and Latin
    words kept verbatim by a version in another script (a name, a command; the English
    words of an English text are not anchors against its Russian translation)."""
    own = anchors(texts[lang])
    found = None
    for other, text in texts.items():
        if other != lang:
            found = anchors(text) if found is None else found & anchors(text)
    found = (found or set()) - own
    if not found:
        return found
    keepers = [text for other, text in texts.items() if other != lang and not latin(text)]
    return {
        token for token in found if token[0].isdigit() or any(token in text for text in keepers)
    }
