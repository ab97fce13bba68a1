"""The CSV table of a review: one line per row, for spreadsheets, and reading it back.

Columns: ``row``; one per language (the reviewed text); ``<lang> status`` per language
(approved / fixed / fuzzy / unreviewed; empty for a language without a review file); ``flags`` (the
flags of the exported text, one ``<lang> <check>: <message>`` per line); ``notes``; and
``fingerprints`` (``source=<digest> <lang>=<digest> ...``: what each cell was when exported,
so that ``aligner import`` can tell an edit in the spreadsheet from a fix made in aligner
meanwhile). UTF-8 with BOM: spreadsheets then guess the encoding right.

Text is data, in the file as on the screen: C0 control characters but tab and line feed are
written as their Control Pictures (as in TMX), and a value a spreadsheet would run as a
formula gets one leading apostrophe that ``aligner import`` takes off again (``guard`` /
``unguard``; the rule is in docs/interchange.md).
"""

from __future__ import annotations

import csv
import io

from .alignment import cell_text
from .incoming import ImportFileError, Incoming, fingerprint, source_print, visible

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")  # OWASP's list: what a spreadsheet may run
STATUSES = {"approved": True, "fixed": False, "fuzzy": False, "unreviewed": False, "": None}
FIXED_COLUMNS = ("row", "flags", "notes", "fingerprints")
SOURCE_KEY = "source"  # never a language code (those have 2-3 letters before any region)


def guard(value: str) -> str:
    """``value`` made inert for a spreadsheet: one apostrophe before a formula start.

    A value that already starts with apostrophes before a formula start gets one more, so
    ``unguard`` gives back exactly the value (``'=x`` stays ``'=x``).
    """
    return "'" + value if value.lstrip("'")[:1] in FORMULA_STARTS and value else value


def unguard(value: str) -> str:
    """Inverse of :func:`guard`; also right when a spreadsheet already dropped the apostrophe."""
    if value.startswith("'") and value.lstrip("'")[:1] in FORMULA_STARTS and value.lstrip("'"):
        return value[1:]
    return value


def csv_cell(value: str) -> str:
    """A CSV cell as spreadsheets must get it: control characters visible, formulas guarded."""
    return guard(visible(value))


def csv_bytes(store, langs: tuple[str, ...], texts, flags) -> bytes:
    """The table of ``langs``. ``texts(lang)``: {row id: exported text, None = original};
    ``flags``: {(row id, lang): flag lines} of the exported text."""
    docset = store.docset
    reviewed = [lang for lang in langs if lang in store.languages]
    reviews = {lang: {r.row: r for r in store.reviews(lang)} for lang in reviewed}
    fixes = {lang: texts(lang) for lang in langs}
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(
        ["row", *langs, *(f"{lang} status" for lang in langs), "flags", "notes", "fingerprints"]
    )
    for row in store.alignment.rows:
        cells, statuses, flag_lines, notes = [], [], [], []
        prints = [
            f"{SOURCE_KEY}={source_print(cell_text(docset, row, docset.source))}"
            if docset.source in docset.texts
            else ""
        ]
        for lang in langs:
            fix = fixes[lang].get(row.id)
            text = cell_text(docset, row, lang) if fix is None else fix
            cells.append(csv_cell(text))
            review = reviews.get(lang, {}).get(row.id)
            statuses.append(review.status if review is not None else "")
            if review is None:
                continue
            prints.append(f"{lang}={fingerprint(text, review.approved)}")
            flag_lines += [f"{lang} {flag}" for flag in flags.get((row.id, lang), ())]
            if review.note:
                notes.append(f"{lang}: {review.note}")
        writer.writerow(
            [
                row.id,
                *cells,
                *statuses,
                csv_cell("\n".join(flag_lines)),
                csv_cell("\n".join(notes)),
                " ".join(p for p in prints if p),
            ]
        )
    return buffer.getvalue().encode("utf-8-sig")


def _delimiter(first_line: str) -> str:
    """The delimiter a spreadsheet saved with (``,``; ``;`` in some locales; tab)."""
    return max((",", ";", "\t"), key=first_line.count)


def read_csv(data: bytes, name: str) -> tuple[tuple[str, ...], list[Incoming]]:
    """(language columns, cells) of a CSV table as exported; ImportFileError when it is not."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportFileError(
            f'{name}: not UTF-8 (byte {exc.start}); save it as "CSV UTF-8" and import again'
        ) from None
    try:
        reader = csv.reader(
            io.StringIO(text, newline=""), delimiter=_delimiter(text.split("\n", 1)[0])
        )
        header = next(reader, None)
        if not header or header[0].strip() != "row":
            raise ImportFileError(
                f"{name}: the first line is not the header of an aligner CSV "
                "(it starts with the column 'row'); import a table 'aligner "
                "export --format csv' wrote"
            )
        columns = [column.strip() for column in header]
        langs = tuple(c for c in columns if c not in FIXED_COLUMNS and not c.endswith(" status"))
        if len(set(columns)) != len(columns):
            raise ImportFileError(f"{name}: a column appears twice in the header; keep one of each")
        at = {column: i for i, column in enumerate(columns)}
        cells: list[Incoming] = []
        seen: set[str] = set()
        start = reader.line_num + 1
        for record in reader:
            line, start = start, reader.line_num + 1  # a record's first physical line
            if not any(field.strip() for field in record):
                continue
            record += [""] * (len(columns) - len(record))
            row = record[0].strip()
            if not row or row in seen:
                what = "no row id" if not row else f"row {row} appears twice"
                raise ImportFileError(
                    f"{name}: line {line}: {what}; keep the row column as exported"
                )
            seen.add(row)
            prints = (
                dict(item.partition("=")[::2] for item in record[at["fingerprints"]].split())
                if "fingerprints" in at
                else {}
            )
            for lang in langs:
                status = record[at[f"{lang} status"]].strip() if f"{lang} status" in at else ""
                if status not in STATUSES:
                    raise ImportFileError(
                        f"{name}: line {line}: status {status!r} for {lang}; "
                        "use approved, fixed, fuzzy or unreviewed (or leave it empty)"
                    )
                cells.append(
                    Incoming(
                        row,
                        lang,
                        unguard(record[at[lang]]),
                        STATUSES[status],
                        f"line {line}, column {lang}",
                        source_base=prints.get(SOURCE_KEY) or None,
                        base=prints.get(lang) or None,
                    )
                )
    except csv.Error as exc:
        raise ImportFileError(f"{name}: not a readable CSV ({exc}); save it again as CSV") from None
    return langs, cells
