"""Shared builders for the review store, sync and export tests (no tests of its own).

A small three-language docset whose English has the kind of errors a reviewer fixes, a
hostile paragraph (markup, an ANSI escape, quotes, a backslash, CJK), and hand-made
alignments so that store tests do not depend on the aligner.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from aligner.alignment import Alignment, Row
from aligner.docset import DocSet, load
from tests.conftest import write_docset

HOSTILE_EN = 'Markup [@click=app.quit]x[/] and \x1b[31mred\x1b[0m, "quoted" \\ back-slash, 中文.'
TEXTS = {
    "en": [
        "Joint statement of two countries.",
        "The sides met on 17 May 2032 in Xian.",
        "They signed 12 documents.",
        HOSTILE_EN,
    ],
    "zh": [
        "两国联合声明。",
        "双方于2023年5月17日在西安会晤。",
        "双方签署了20份文件。",
        "标记与转义。",
    ],
    "ru": [
        "Совместное заявление двух стран.",
        "Стороны встретились 17 мая 2023 года в Сиане.",
        "Они подписали 20 документов.",
        "Разметка и escape-последовательности.",
    ],
}
TOML = 'source = "zh"\npivot = "en"\norder = ["en", "zh", "ru"]\ntitle = "Two countries"\n'


def make_docset(root: Path, texts: dict[str, list[str]] | None = None, toml: str = TOML) -> DocSet:
    """Write and load a docset with one paragraph per list item."""
    files: dict[str, str | bytes] = {
        f"{lang}.txt": "\n\n".join(paragraphs) + "\n"
        for lang, paragraphs in (texts or TEXTS).items()
    }
    files["docset.toml"] = toml
    return load(write_docset(root, files))


def one_to_one(docset: DocSet, prefix: str = "r") -> Alignment:
    """Row k holds paragraph k of every language (ids r1, r2, ...)."""
    count = max(len(docset.paragraphs(lang)) for lang in docset.languages)
    rows = tuple(
        Row(
            f"{prefix}{k + 1}",
            {lang: (k,) if k < len(docset.paragraphs(lang)) else () for lang in docset.languages},
        )
        for k in range(count)
    )
    return Alignment(docset.languages, rows)


def msgfmt_check(path: Path) -> subprocess.CompletedProcess:
    """``msgfmt --check-format -o /dev/null path`` (GNU gettext), for interop tests."""
    assert shutil.which("msgfmt"), "GNU gettext's msgfmt is needed (apt-get install gettext)"
    return subprocess.run(
        ["msgfmt", "--check-format", "-o", "/dev/null", str(path)], capture_output=True, text=True
    )
