"""The paragraph rule shared by the loader and the exporter.

Paragraphs are separated by one or more blank (or whitespace-only) lines. A file with no blank
line at all has one paragraph per non-empty line. Lines inside a paragraph are stripped and
joined with one space, except where either side of the join is a CJK character or full-width
punctuation: Chinese has no spaces between words, so none is invented there.
"""

from __future__ import annotations

import re

_BLANK_LINE = re.compile(r"\n[ \t\f\v\u3000\u00a0]*\n")


def split_paragraphs(text: str) -> list[str]:
    """Split normalised text (LF line endings) into paragraphs, following the module rule."""
    text = text.strip("\n")
    if not text.strip():
        return []
    if _BLANK_LINE.search(text):
        blocks = re.split(r"\n(?:[ \t\f\v\u3000\u00a0]*\n)+", text)
    else:
        blocks = text.split("\n")
    paragraphs = []
    for block in blocks:
        joined = join_lines(block.split("\n"))
        if joined:
            paragraphs.append(joined)
    return paragraphs


def join_lines(lines: list[str]) -> str:
    """Join the lines of one paragraph without inventing spaces inside Chinese text."""
    out = ""
    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        if out and not (is_cjk(out[-1]) or is_cjk(line[0])):
            out += " "
        out += line
    return out


def is_cjk(ch: str) -> bool:
    """CJK ideographs, kana, Hangul, CJK punctuation and full-width forms."""
    o = ord(ch)
    return (
        0x2E80 <= o <= 0x9FFF
        or 0xAC00 <= o <= 0xD7AF
        or 0xF900 <= o <= 0xFAFF
        or 0xFE30 <= o <= 0xFE4F
        or 0xFF00 <= o <= 0xFFEF
        or 0x20000 <= o <= 0x3FFFF
    )
