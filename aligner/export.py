"""Exporting reviewed texts: txt (a docset again), po (+ mo), a POT, TMX 1.4b, CSV, XLIFF.

- txt: ``DIR/<code>.txt`` per language, that language's own paragraphs with the fixes applied.
  A fixed row replaces the paragraphs the row holds in that language by the paragraphs of the
  fix (split by the docset's paragraph rule: a blank line starts a new paragraph), so a row of
  three paragraphs whose fix keeps its two blank lines stays three paragraphs; a fix in a row
  where the language had no paragraph is inserted where the row stands. ``docset.toml`` (title,
  source, order, pivot) and ``glossary.tsv`` come along, so DIR loads as a docset.
- po: the review files as the store holds them; ``--mo`` adds compiled catalogs (polib,
  the entries that are not fuzzy: changed or approved by a reviewer, as msgfmt would).
- pot: a template for msgmerge users: one entry per row (msgctxt = row id, msgid = the
  source text), no translations, no review state.
- tmx: one ``<tu tuid=row>`` per row, one ``<tuv xml:lang>`` per language with text (the
  reviewed text), review status as ``<prop type="x-status">``, notes as ``<note>``; written
  with the standard library's ElementTree. XML 1.0 cannot hold C0 control characters, so they
  become their visible Control Pictures (U+2400...).
- csv: one line per row (``aligner.csv_table``): row id, the reviewed text and a status column
  per language, the flags of the exported text, notes, fingerprints for ``aligner import``.
- xliff12 / xliff20: one XLIFF per target language, one unit per row (``aligner.xliff``).
"""

from __future__ import annotations

import json
import os
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from . import __version__
from .alignment import cell_text
from .docset import CONFIG_NAME, GLOSSARY_NAME
from .errors import AlignerError
from .paragraphs import split_paragraphs
from .review.pofile_io import read_po_text
from .review.safe_files import atomic_write
from .review.store import ReviewStore

FORMATS = ("txt", "po", "pot", "tmx", "csv", "xliff12", "xliff20")
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


class ExportError(AlignerError):
    """The export cannot be written where asked."""


@dataclass(frozen=True)
class ExportResult:
    """The files an export wrote, and which of them replaced existing files."""

    written: tuple[Path, ...]
    overwritten: tuple[Path, ...]


def export(
    store: ReviewStore,
    fmt: str,
    out: Path,
    languages: tuple[str, ...] | None = None,
    mo: bool = False,
    force: bool = False,
    approved_only: bool = False,
) -> ExportResult:
    """Write the ``fmt`` export of ``languages`` (default: all reviewed) into ``out``.

    Refuses ``out`` = the docset (or its review directory), and existing files unless
    ``force``. ``approved_only`` applies only approved fixes (txt, tmx, csv).
    """
    docset = store.docset
    langs = tuple(languages or store.languages)
    missing = [lang for lang in langs if lang not in docset.texts]
    if missing:
        raise ExportError(
            f"{docset.path}: no language {', '.join(missing)} in this docset "
            f"(languages: {', '.join(docset.languages)})"
        )
    check_target(docset.path, out)
    files = _render(store, fmt, langs, mo, approved_only)
    existing = tuple(out / name for name in files if (out / name).exists())
    if existing and not force:
        shown = ", ".join(path.name for path in existing[:5]) + (
            " ..." if len(existing) > 5 else ""
        )
        raise ExportError(
            f"{out}: would overwrite {len(existing)} file(s) ({shown}); pass "
            "--force to overwrite them or choose another --out directory"
        )
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ExportError(
            f"{out}: cannot create the directory ({exc.strerror or exc}); give a "
            "writable --out directory"
        ) from None
    for name, data in files.items():
        atomic_write(out / name, data, backup=False)
    return ExportResult(tuple(out / name for name in files), existing)


def check_target(docset_path: Path, out: Path) -> None:
    """Refuse an output directory that cannot be right, before anything is computed.

    Refused: the docset itself or any directory inside it (the export would become part of
    the document set: a second en.txt, stray files reported as ignored), a path that is not a
    directory or lies under a file, and a place this process cannot write.
    """
    try:
        target, root = out.resolve(), docset_path.resolve()
    except (OSError, RuntimeError) as exc:
        raise ExportError(
            f"{out}: not a usable path ({exc}); give another --out directory"
        ) from None
    if target == root or root in target.parents:
        what = "the document set itself" if target == root else "inside the document set"
        raise ExportError(
            f"{out}: that is {what}; export into a directory outside it (e.g. "
            f"--out {root.parent / (root.name + '-corrected')})"
        )
    if out.exists() and not out.is_dir():
        raise ExportError(f"{out}: exists and is not a directory; give a directory for --out")
    existing = target
    while not existing.exists():
        existing = existing.parent
    if not existing.is_dir():
        raise ExportError(
            f"{out}: cannot be created: {existing} is a file, not a directory; "
            "give another --out directory"
        )
    if not os.access(existing, os.W_OK | os.X_OK):
        raise ExportError(
            f"{out}: cannot write in {existing} (permission denied or a read-only "
            "file system); give a writable --out directory"
        )


def _render(
    store: ReviewStore, fmt: str, langs: tuple[str, ...], mo: bool, approved_only: bool
) -> dict[str, bytes]:
    if fmt == "txt":
        return txt_files(store, langs, approved_only)
    if fmt == "po":
        files = {}
        for lang in _reviewed(store, langs):
            data = store.render(lang)
            files[f"{lang}.po"] = data
            if mo:
                files[f"{lang}.mo"] = read_po_text(data.decode("utf-8")).to_binary()
        return files
    if fmt == "pot":
        return {f"{store.docset.path.name or 'docset'}.pot": pot_bytes(store)}
    if fmt == "tmx":
        return {f"{store.docset.path.name or 'docset'}.tmx": tmx_bytes(store, langs, approved_only)}
    if fmt == "csv":
        return {f"{store.docset.path.name or 'docset'}.csv": csv_bytes(store, langs, approved_only)}
    if fmt in ("xliff12", "xliff20"):
        return xliff_files(store, fmt, langs)
    raise ExportError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")


POT_COMMENT = (
    "Template written by aligner: one entry per row of the document set. msgctxt: row id;\n"
    'msgid: the row\'s {source} text ("[no {source} text]" when it has none). Start a\n'
    "translation with msginit, or msgmerge your own catalogs with it; the review files\n"
    "(review/<lang>.po) are kept up to date by aligner sync, not by msgmerge."
)


def pot_bytes(store: ReviewStore, date: str | None = None) -> bytes:
    """A POT of the docset's rows: the msgctxt / msgid pairs of the review files, no
    msgstr, no flags or review state (a template for msgmerge / msginit users)."""
    from .review.entry import Entry
    from .review.file import GENERATOR, TRANSLATOR_FIELDS
    from .review.po_format import render_entry
    from .review.pofile_io import render_header
    from .review.sync import rows_for

    docset = store.docset
    stamp = date or time.strftime("%Y-%m-%d %H:%M%z")
    metadata = {
        "Project-Id-Version": " ".join(docset.title.split()) or "aligner review",
        "POT-Creation-Date": stamp,
        "PO-Revision-Date": stamp,
        **dict.fromkeys(TRANSLATOR_FIELDS, ""),
        "Language": "",
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "X-Generator": f"{GENERATOR} {__version__}",
        "X-Source-Language": docset.source.replace("-", "_"),
    }
    pieces = [render_header(POT_COMMENT.format(source=docset.source), metadata)]
    for row in rows_for(docset, store.alignment, docset.source):
        pieces.append(render_entry(Entry(row.row, row.source, "", ())).encode("utf-8"))
    return b"\n".join(pieces)


def _reviewed(store: ReviewStore, langs: tuple[str, ...]) -> list[str]:
    return [lang for lang in langs if lang in store.languages]


def _texts(store: ReviewStore, lang: str, approved_only: bool) -> dict[str, str | None]:
    """Per row id, the text to export when it differs from the original (else None)."""
    if lang not in store.languages:
        return {}
    return {
        r.row: r.text if r.fixed and (r.approved or not approved_only) else None
        for r in store.reviews(lang)
    }


def _exported(docset, row, lang: str, fixes: dict[str, str | None]) -> str:
    fix = fixes.get(row.id)
    return cell_text(docset, row, lang) if fix is None else fix


def corrected_paragraphs(store: ReviewStore, lang: str, approved_only: bool = False) -> list[str]:
    """The paragraphs of ``lang`` with the fixes applied, in that language's own order."""
    paragraphs = store.docset.paragraphs(lang)
    fixes = _texts(store, lang, approved_only)
    out: list[str] = []
    next_index = 0
    for row in store.alignment.rows:
        indices = row.indices(lang)
        if indices and indices[0] >= next_index:
            out += paragraphs[next_index : indices[0]]  # paragraphs no row holds stay put
            next_index = indices[-1] + 1
        fix = fixes.get(row.id)
        if fix is not None:
            out += split_paragraphs(fix)
        else:
            out += [paragraphs[i] for i in indices]
    return out + list(paragraphs[next_index:])


def txt_files(store: ReviewStore, langs: tuple[str, ...], approved_only: bool) -> dict[str, bytes]:
    """``<code>.txt`` per language plus docset.toml (and glossary.tsv when there is one)."""
    docset = store.docset
    files = {}
    for lang in langs:
        paragraphs = corrected_paragraphs(store, lang, approved_only)
        files[f"{lang}.txt"] = ("\n\n".join(paragraphs) + "\n" if paragraphs else "").encode()
    files[CONFIG_NAME] = _docset_toml(store, langs).encode()
    glossary = docset.path / GLOSSARY_NAME
    if glossary.is_file():
        files[GLOSSARY_NAME] = glossary.read_bytes()
    return files


def _toml_string(value: str) -> str:
    return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")


def _docset_toml(store: ReviewStore, langs: tuple[str, ...]) -> str:
    docset = store.docset
    lines = [f"# Corrected texts exported by aligner {__version__} from {docset.path.name}"]
    if docset.source in langs:
        lines.append(f"source = {_toml_string(docset.source)}")
    if docset.pivot in langs:
        lines.append(f"pivot = {_toml_string(docset.pivot)}")
    order = [lang for lang in docset.languages if lang in langs]
    lines.append("order = [" + ", ".join(_toml_string(lang) for lang in order) + "]")
    titles = {lang: title for lang, title in docset.titles.items() if lang in langs}
    if titles:
        lines += ["", "[title]"] + [f"{lang} = {_toml_string(t)}" for lang, t in titles.items()]
    elif docset.title:
        lines.insert(1, f"title = {_toml_string(docset.title)}")
    return "\n".join(lines) + "\n"


def _xml_text(text: str) -> str:
    """``text`` with the characters XML 1.0 forbids made visible."""
    return "".join(
        chr(0x2400 + ord(ch))
        if ord(ch) < 0x20 and ch not in "\t\n"
        else "\ufffd"
        if ch in "\ufffe\uffff"
        else ch
        for ch in text
    )


def tmx_bytes(store: ReviewStore, langs: tuple[str, ...], approved_only: bool = False) -> bytes:
    """A TMX 1.4b document: one ``<tu>`` per row, one ``<tuv>`` per language with text."""
    docset = store.docset
    root = ET.Element("tmx", version="1.4")
    ET.SubElement(
        root,
        "header",
        {
            "creationtool": "aligner",
            "creationtoolversion": __version__,
            "datatype": "plaintext",
            "segtype": "paragraph",
            "adminlang": "en",
            "srclang": docset.source if docset.source in langs else "*all*",
            "o-tmf": "aligner review",
            "creationdate": time.strftime("%Y%m%dT%H%M%SZ", time.gmtime()),
        },
    )
    body = ET.SubElement(root, "body")
    reviews = {lang: {r.row: r for r in store.reviews(lang)} for lang in _reviewed(store, langs)}
    fixes = {lang: _texts(store, lang, approved_only) for lang in langs}
    for row in store.alignment.rows:
        tu = ET.Element("tu", tuid=row.id)
        for lang in langs:
            text = _exported(docset, row, lang, fixes[lang])
            if not text:
                continue
            tuv = ET.SubElement(tu, "tuv", {_XML_LANG: lang})
            review = reviews.get(lang, {}).get(row.id)
            if review is not None:
                ET.SubElement(tuv, "prop", type="x-status").text = review.status
                if review.note:
                    ET.SubElement(tuv, "note").text = _xml_text(review.note)
            ET.SubElement(tuv, "seg").text = _xml_text(text)
        if len(tu):
            body.append(tu)
    ET.indent(root)
    return (
        b'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n'
        + ET.tostring(root, encoding="unicode").encode("utf-8")
        + b"\n"
    )


def csv_bytes(store: ReviewStore, langs: tuple[str, ...], approved_only: bool = False) -> bytes:
    """The CSV table (``aligner.csv_table``) of the exported texts and their flags."""
    from .csv_table import csv_bytes as table

    return table(
        store, langs, lambda lang: _texts(store, lang, approved_only), _exported_flags(store, langs)
    )


def _exported_flags(
    store: ReviewStore, langs: tuple[str, ...]
) -> dict[tuple[str, str], tuple[str, ...]]:
    """The current flags (of the reviewed texts, ``aligner.review.session.current_flags``) of each
    exported cell, as the store holds them."""
    return {
        (review.row, lang): review.flags
        for lang in _reviewed(store, langs)
        for review in store.reviews(lang)
        if review.flags
    }


def xliff_files(store: ReviewStore, fmt: str, langs: tuple[str, ...]) -> dict[str, bytes]:
    """One XLIFF (``aligner.xliff``) per reviewed target language: ``<docset>.<src>-<tgt>.xlf``."""
    from .xliff import VERSIONS, XliffUnit, xliff_bytes

    docset = store.docset
    source = docset.source
    targets = [lang for lang in _reviewed(store, langs) if lang != source]
    if not targets:
        raise ExportError(
            f"{docset.path}: XLIFF needs a reviewed language other than the "
            f"source ({source}); pass --langs with one"
        )
    flags = _exported_flags(store, langs)
    name = docset.path.name or "docset"
    files = {}
    for lang in targets:
        units = [
            XliffUnit(
                r.row, r.source, r.text, r.status, r.approved, flags.get((r.row, lang), ()), r.note
            )
            for r in store.reviews(lang)
        ]
        files[f"{name}.{source}-{lang}.xlf"] = xliff_bytes(VERSIONS[fmt], source, lang, name, units)
    return files
