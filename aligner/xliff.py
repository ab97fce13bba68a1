"""XLIFF 1.2 and 2.0: one file per target language, one unit per row, and reading them back.

Written with the standard library's ElementTree (as the TMX export): both versions are small
fixed vocabularies, ElementTree escapes correctly, and no dependency joins the runtime.
translate-toolkit's ``xliff``/``xliff2`` classes were not used because its XLIFF 2.0 class
cannot write segment states per unit as we need and it would bring lxml into the runtime;
the tests read our files back with those classes and validate them against the OASIS schemas.

- unit id = row id; source = the row's text in the docset's source language (the ``msgid``
  of the review files, empty when the row has none); target = the reviewed text.
- states (see docs/interchange.md): unreviewed and fuzzy (a fix marked fuzzy again) -> 1.2
  ``state="needs-review-translation"``, 2.0 ``initial``; fixed (reviewer-changed, not approved) -> ``translated``; approved ->
  1.2 ``approved="yes" state="signed-off"``, 2.0 ``final``.
- notes: the flags of the reviewed text (``from="aligner"`` / ``category="aligner-flag"``)
  and the reviewer note (``from="reviewer"`` / ``category="reviewer"``).
- the merge base of the import (``aligner.incoming.fingerprint``): 1.2 a ``context`` of type
  ``x-aligner-base``, 2.0 an extension attribute ``al:base`` on the unit.
- text: xml:space="preserve" (a cell of several paragraphs keeps its blank lines); C0
  control characters become 2.0 ``<cp hex=".."/>`` (exact both ways) and 1.2 Control
  Pictures (1.2 has no element for them; the TMX export does the same).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass

from . import __version__
from .incoming import ImportFileError, Incoming, fingerprint, visible

NS12 = "urn:oasis:names:tc:xliff:document:1.2"
NS20 = "urn:oasis:names:tc:xliff:document:2.0"
NS_ALIGNER = "urn:x-aligner:review:1"
XML_NS = "http://www.w3.org/XML/1998/namespace"
VERSIONS = {"xliff12": "1.2", "xliff20": "2.0"}
STATE12 = {
    "unreviewed": "needs-review-translation",
    "fuzzy": "needs-review-translation",  # a fix marked fuzzy again: PO tools' "needs work"
    "fixed": "translated",
    "approved": "signed-off",
}
STATE20 = {"unreviewed": "initial", "fuzzy": "initial", "fixed": "translated", "approved": "final"}
APPROVED12 = ("signed-off", "final")
APPROVED20 = ("reviewed", "final")
BASE_CONTEXT = "x-aligner-base"

ET.register_namespace("al", NS_ALIGNER)


@dataclass(frozen=True)
class XliffUnit:
    """What one exported unit holds (the plain data both versions write)."""

    row: str
    source: str
    target: str
    status: str
    approved: bool
    flags: tuple[str, ...]
    note: str


def _q(ns: str, tag: str) -> str:
    return f"{{{ns}}}{tag}"


def _preserve(element: ET.Element) -> None:
    element.set(_q(XML_NS, "space"), "preserve")


def xliff_bytes(
    version: str, source_lang: str, target_lang: str, original: str, units: list[XliffUnit]
) -> bytes:
    """An XLIFF ``version`` ("1.2" or "2.0") document for one language pair."""
    build = _xliff12 if version == "1.2" else _xliff20
    fills: list[tuple[ET.Element, str]] = []
    root = build(source_lang, target_lang, original, units, fills)
    ET.indent(root)
    for element, value in fills:  # after indenting: it must not touch text around <cp/>
        _put_text20(element, value)
    text = ET.tostring(root, encoding="unicode")  # the root's xmlns names the namespace
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + text.encode("utf-8") + b"\n"


def _xliff12(source_lang, target_lang, original, units, fills) -> ET.Element:
    root = ET.Element("xliff", xmlns=NS12, version="1.2")
    file = ET.SubElement(
        root,
        "file",
        {
            "original": original,
            "source-language": source_lang,
            "target-language": target_lang,
            "datatype": "plaintext",
            "tool-id": "aligner",
        },
    )
    header = ET.SubElement(file, "header")
    ET.SubElement(
        header, "tool", {"tool-id": "aligner", "tool-name": "aligner", "tool-version": __version__}
    )
    body = ET.SubElement(file, "body")
    for unit in units:
        attrs = {"id": unit.row}
        if unit.approved:
            attrs["approved"] = "yes"
        element = ET.SubElement(body, "trans-unit", attrs)
        _preserve(element)
        ET.SubElement(element, "source").text = visible(unit.source)
        ET.SubElement(element, "target", state=STATE12[unit.status]).text = visible(unit.target)
        group = ET.SubElement(element, "context-group", purpose="information")
        ET.SubElement(group, "context", {"context-type": BASE_CONTEXT}).text = fingerprint(
            unit.target, unit.approved
        )
        for flag in unit.flags:
            ET.SubElement(
                element, "note", {"from": "aligner", "annotates": "target"}
            ).text = visible(flag)
        if unit.note:
            ET.SubElement(element, "note", {"from": "reviewer"}).text = visible(unit.note)
    return root


def _xliff20(source_lang, target_lang, original, units, fills) -> ET.Element:
    root = ET.Element(
        "xliff", {"xmlns": NS20}, version="2.0", srcLang=source_lang, trgLang=target_lang
    )
    file = ET.SubElement(root, "file", id="f1", original=original)
    for unit in units:
        element = ET.SubElement(
            file,
            "unit",
            {"id": unit.row, _q(NS_ALIGNER, "base"): fingerprint(unit.target, unit.approved)},
        )
        if unit.flags or unit.note:
            notes = ET.SubElement(element, "notes")
            for flag in unit.flags:
                ET.SubElement(
                    notes, "note", category="aligner-flag", appliesTo="target"
                ).text = visible(flag)
            if unit.note:
                ET.SubElement(notes, "note", category="reviewer").text = visible(unit.note)
        segment = ET.SubElement(element, "segment", state=STATE20[unit.status])
        for tag, text in (("source", unit.source), ("target", unit.target)):
            part = ET.SubElement(segment, tag)
            _preserve(part)
            fills.append((part, text))
    return root


def _put_text20(element: ET.Element, text: str) -> None:
    """``text`` into ``element``, each XML-forbidden control as ``<cp hex="..."/>``."""
    last: ET.Element | None = None
    chunk: list[str] = []

    def flush() -> None:
        joined = "".join(chunk)
        if last is None:
            element.text = joined
        else:
            last.tail = joined
        chunk.clear()

    for ch in text:
        code = ord(ch)
        if (code < 0x20 and ch not in "\t\n") or ch in "\ufffe\uffff":
            flush()
            last = ET.SubElement(element, "cp", hex=f"{code:04X}")
        else:
            chunk.append(ch)
    flush()


# -- reading ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class XliffDocument:
    """An XLIFF file read back: its version, languages and cells."""

    version: str
    source_lang: str
    target_lang: str
    cells: list[Incoming]


def read_xliff(data: bytes, name: str) -> XliffDocument:
    """The cells of an XLIFF 1.2 or 2.0 document; ImportFileError when it is not one."""
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        raise ImportFileError(
            f"{name}: not well-formed XML ({exc}); export it again from the tool that edited it"
        ) from None
    if root.tag == _q(NS12, "xliff"):
        return _read12(root, name)
    if root.tag == _q(NS20, "xliff"):
        return _read20(root, name)
    raise ImportFileError(
        f"{name}: not an XLIFF 1.2 or 2.0 document (root element "
        f"{root.tag!r}); give an .xlf file or a CSV exported by aligner"
    )


def _text(element: ET.Element | None, ns: str) -> str:
    """The text of a source/target with inline markup: text kept, codes dropped, ``cp`` read."""
    if element is None:
        return ""
    parts = [element.text or ""]
    for child in element:
        if child.tag == _q(ns, "cp"):
            try:
                parts.append(chr(int(child.get("hex", ""), 16)))
            except (ValueError, OverflowError):
                pass
        elif child.tag in (
            _q(ns, "ph"),
            _q(ns, "x"),
            _q(ns, "bx"),
            _q(ns, "ex"),
            _q(ns, "sc"),
            _q(ns, "ec"),
        ):
            pass  # a code, not text
        else:
            parts.append(_text(child, ns))
        parts.append(child.tail or "")
    return "".join(parts)


def _languages(name: str, source: str | None, target: str | None) -> tuple[str, str]:
    if not source or not target:
        raise ImportFileError(
            f"{name}: the XLIFF names no {'source' if not source else 'target'}"
            " language; give a file exported with one language pair"
        )
    return source, target


def _read12(root: ET.Element, name: str) -> XliffDocument:
    files = root.findall(_q(NS12, "file"))
    if not files:
        raise ImportFileError(f"{name}: an XLIFF 1.2 document without a <file>; nothing to import")
    pairs = {_languages(name, f.get("source-language"), f.get("target-language")) for f in files}
    if len(pairs) > 1:
        raise ImportFileError(
            f"{name}: holds several language pairs; import one file per target language"
        )
    ((source_lang, target_lang),) = pairs
    cells = []
    for file in files:
        for unit in file.iter(_q(NS12, "trans-unit")):
            row = unit.get("id")
            if not row:
                raise ImportFileError(
                    f"{name}: a trans-unit without an id; every unit needs "
                    "the row id aligner gave it"
                )
            target = unit.find(_q(NS12, "target"))
            if target is None:
                continue  # not translated in this file: nothing to bring back
            base = None
            for context in unit.iter(_q(NS12, "context")):
                if context.get("context-type") == BASE_CONTEXT:
                    base = (context.text or "").strip()
            approved = unit.get("approved") == "yes" or target.get("state") in APPROVED12
            cells.append(
                Incoming(
                    row,
                    target_lang,
                    _text(target, NS12),
                    approved,
                    f"trans-unit {row}",
                    source=_text(unit.find(_q(NS12, "source")), NS12),
                    base=base,
                )
            )
    return XliffDocument("1.2", source_lang, target_lang, _unique(cells, name))


def _read20(root: ET.Element, name: str) -> XliffDocument:
    source_lang, target_lang = _languages(name, root.get("srcLang"), root.get("trgLang"))
    cells = []
    for unit in root.iter(_q(NS20, "unit")):
        row = unit.get("id")
        if not row:
            raise ImportFileError(
                f"{name}: a unit without an id; every unit needs the row id aligner gave it"
            )
        sources, targets, states, has_target = [], [], [], False
        for part in unit:
            if part.tag not in (_q(NS20, "segment"), _q(NS20, "ignorable")):
                continue
            source, target = part.find(_q(NS20, "source")), part.find(_q(NS20, "target"))
            sources.append(_text(source, NS20))
            targets.append(
                _text(target, NS20)
                if target is not None
                else sources[-1]
                if part.tag == _q(NS20, "ignorable")
                else ""
            )
            if part.tag == _q(NS20, "segment"):
                has_target = has_target or target is not None
                states.append(part.get("state", "initial"))
        if not has_target:
            continue
        approved = bool(states) and all(state in APPROVED20 for state in states)
        cells.append(
            Incoming(
                row,
                target_lang,
                "".join(targets),
                approved,
                f"unit {row}",
                source="".join(sources),
                base=unit.get(_q(NS_ALIGNER, "base")),
            )
        )
    return XliffDocument("2.0", source_lang, target_lang, _unique(cells, name))


def _unique(cells: list[Incoming], name: str) -> list[Incoming]:
    seen: set[str] = set()
    for cell in cells:
        if cell.row in seen:
            raise ImportFileError(f"{name}: unit {cell.row} appears twice; keep one unit per row")
        seen.add(cell.row)
    return cells
