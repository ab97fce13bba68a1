"""Shared builders for the XLIFF, CSV and import tests (no tests of its own).

Docsets are synced and exported with the real ``aligner`` command; files are read back with
the standard library, lxml and translate-toolkit; review files with polib and msgfmt.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import polib

from tests.conftest import ROOT, run_aligner

NS12 = "urn:oasis:names:tc:xliff:document:1.2"
NS20 = "urn:oasis:names:tc:xliff:document:2.0"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
SCHEMA_FILES = {
    "1.2-strict": "xliff-core-1.2-strict.xsd",
    "1.2-transitional": "xliff-core-1.2-transitional.xsd",
    "2.0": "xliff-core-2.0.xsd",
}
# the transitional 1.2 schema is checked where it is present (Symfony ships the other two)
REQUIRED_SCHEMAS = (SCHEMA_FILES["1.2-strict"], SCHEMA_FILES["2.0"])


def aligner_ok(*args: str):
    """Run the CLI and insist it succeeded (its stderr in the assertion message)."""
    result = run_aligner(*args)
    assert result.returncode == 0, result.stderr
    return result


def synced(docset: Path) -> Path:
    """``aligner sync`` on ``docset`` (review files and alignment.tsv written)."""
    aligner_ok("sync", str(docset))
    return docset


def export_files(docset: Path, fmt: str, out: Path, *extra: str) -> list[Path]:
    """``aligner export --format fmt --out out``: the files it says it wrote."""
    result = aligner_ok("export", str(docset), "--format", fmt, "--out", str(out), *extra)
    return [Path(line) for line in result.stdout.splitlines() if line.strip()]


def review_bytes(docset: Path) -> dict[str, bytes]:
    """Every file of ``docset/review`` by name (to prove nothing was written)."""
    return {p.name: p.read_bytes() for p in sorted((docset / "review").iterdir())}


def po_entries(docset: Path, lang: str) -> dict[str, polib.POEntry]:
    """The active entries of ``review/<lang>.po`` by row id."""
    return {
        e.msgctxt: e for e in polib.pofile(str(docset / "review" / f"{lang}.po")) if not e.obsolete
    }


def schema_dir() -> Path | None:
    """Where the OASIS XLIFF schemas are (no Python package ships them; Debian's
    php-symfony-translation does, and .ci/run unpacks it): ``$ALIGNER_XLIFF_SCHEMAS``, that
    package's folder, ``~/.cache/aligner/xliff-schemas`` or ``shared/xliff-schemas``."""
    candidates = [
        os.environ.get("ALIGNER_XLIFF_SCHEMAS"),
        "/usr/share/php/Symfony/Component/Translation/Resources/schemas",
        Path.home() / ".cache" / "aligner" / "xliff-schemas",
        ROOT.parent / "shared" / "xliff-schemas",
    ]
    for candidate in candidates:
        if candidate and all(
            (Path(candidate) / name).is_file() for name in (*REQUIRED_SCHEMAS, "xml.xsd")
        ):
            return Path(candidate)
    return None


def load_schema(directory: Path, which: str):
    """The lxml XMLSchema ``which`` (a SCHEMA_FILES key), its xml.xsd import made local."""
    from lxml import etree

    path = directory / SCHEMA_FILES[which]
    text = re.sub(
        rb'schemaLocation="[^"]*xml\.xsd"', b'schemaLocation="xml.xsd"', path.read_bytes()
    )
    parser = etree.XMLParser(no_network=True, resolve_entities=False)
    return etree.XMLSchema(etree.fromstring(text, parser, base_url=str(path)))


def open_store(docset: Path):
    """The review store of a synced docset, as the UI opens it (flags as recorded)."""
    from aligner.align import align
    from aligner.docset import load
    from aligner.review.store import ReviewStore

    loaded = load(docset)
    return ReviewStore.open(loaded, align(loaded), None)
