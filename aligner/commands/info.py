"""``aligner info``: languages, encodings, paragraph counts and detected languages."""

from __future__ import annotations

import argparse

from ..cli import EXIT_OK, add_docset_argument, add_format_argument, load_docset, warn
from ..info import describe
from ..terminal import json_dumps

ORDER = 10  # position in `aligner --help`
HELP = "languages, encodings, paragraph counts and the detected language of each file"


def configure(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``aligner info``."""
    add_docset_argument(parser)
    add_format_argument(parser)


def run(args: argparse.Namespace) -> int:
    """Print the per-language report."""
    docset = load_docset(args)
    infos = describe(docset)
    for info in infos:
        if info.mismatch:
            warn(
                f"{docset.texts[info.code].path}: named {info.code} but the text looks like "
                f"{info.detected} ({info.confidence:.2f})"
            )
    if args.format == "json":
        payload = {
            "docset": str(docset.path),
            "title": docset.title,
            "source": docset.source,
            "pivot": docset.pivot,
            "languages": list(docset.languages),
            "glossary_entries": len(docset.glossary),
            "files": [info.__dict__ | {"mismatch": info.mismatch} for info in infos],
        }
        print(json_dumps(payload, indent=2))
        return EXIT_OK
    print(f"{docset.title}  ({docset.path})")
    print(
        f"source {docset.source} · pivot {docset.pivot} · order {' '.join(docset.languages)}"
        f" · glossary {len(docset.glossary)} entries"
    )
    rows = [("lang", "file", "encoding", "paragraphs", "characters", "detected")]
    for info in infos:
        detected = f"{info.detected} ({info.confidence:.2f})" if info.detected else "-"
        if info.mismatch:
            detected += "  ← not " + info.code
        rows.append(
            (
                info.code,
                info.file,
                info.encoding + ("?" if docset.texts[info.code].encoding_assumed else ""),
                str(info.paragraphs),
                f"{info.characters:,}",
                detected,
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for row in rows:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip())
    return EXIT_OK
