"""The error-typology (MQM / LQA) quality report of a review.

Every flag the reviewer fixed or accepted is an error of the translation: a flag raised on
the original text of a cell whose flagged spot the reviewer changed, so that the checks no
longer raise it on the reviewed text, or a flag the reviewer accepted (a decision; dismissed
flags never count). Each error gets the MQM error type and severity of its check
(``aligner.typology``; a decision may override both). The score is MQM's normed penalty:
the severity weights of the errors per 1000 words of the evaluated (original) text, passed
when it stays at or under the docset's threshold (``[quality] threshold`` in docset.toml).
Plain data and pure functions; ``session_reports`` runs the checks on both texts.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from .flags import Decision, Flag, flag_spot
from .typology import SEVERITIES, WEIGHTS, ErrorType, most_severe, parse_category

DEFAULT_THRESHOLD = 10.0  # penalty points per 1000 words: two major errors, or ten minor
REFERENCE_WORDS = 1000  # MQM's reference word count: penalties are stated per 1000 words
# a word: one CJK ideograph, kana or Hangul syllable (as CAT tools count them), or a run of
# other non-space characters holding a letter or digit
_CJK = "\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff"
_WORD = re.compile(rf"[{_CJK}]|[^\s{_CJK}]*[^\W_][^\s{_CJK}]*")

# (a flag, its spot: ``flags.flag_spot``) -> the reviewer's decision on it, or None
Decide = Callable[[Flag, str], "Decision | None"]


@dataclass(frozen=True)
class LqaError:
    """One error of the translation: where, what kind, how bad, and what became of it.

    ``verdict``: ``fixed`` (the reviewer changed the spot and the flag went away) or
    ``accepted`` (a decision). ``found``: the flagged text as it was; ``became``: what the
    reviewer made of that spot ("" for an accepted flag the reviewer left as it is).
    """

    lang: str
    row: str
    check: str
    dimension: str
    subtype: str
    severity: str
    verdict: str
    found: str
    became: str
    message: str
    reason: str = ""
    overridden: bool = False

    @property
    def category(self) -> str:
        """``accuracy/mistranslation``."""
        return f"{self.dimension}/{self.subtype}" if self.subtype else self.dimension

    @property
    def penalty(self) -> int:
        return WEIGHTS[self.severity]

    def to_json(self) -> dict:
        data = {
            "row": self.row,
            "check": self.check,
            "category": self.category,
            "severity": self.severity,
            "penalty": self.penalty,
            "verdict": self.verdict,
            "found": self.found,
            "became": self.became,
            "message": self.message,
        }
        if self.reason:
            data["reason"] = self.reason
        if self.overridden:
            data["overridden"] = True
        return data


@dataclass(frozen=True)
class EditedRow:
    """A row the reviewer changed much: its figures and the changed part of its text."""

    row: str
    chrf: float
    ter: float
    before: str
    after: str

    def to_json(self) -> dict:
        return {
            "row": self.row,
            "chrf": round(self.chrf, 4),
            "ter": round(self.ter, 4),
            "before": self.before,
            "after": self.after,
        }


@dataclass(frozen=True)
class LqaReport:
    """The quality report of one language.

    ``words``: the evaluation word count (the original text). ``rows_reviewed`` of
    ``rows_total`` rows with text are fixed or approved; ``open_flags`` flags stand on the
    reviewed text with no decision: until both are done a pass is provisional (the penalty
    can only grow). ``unflagged_edits``: rows the reviewer changed where no flag was fixed:
    their edits weigh in HTER, not in the error count (no check says what kind they are).
    """

    lang: str
    words: int
    errors: tuple[LqaError, ...]
    threshold: float = DEFAULT_THRESHOLD
    threshold_from: str = "default"
    rows_total: int = 0
    rows_reviewed: int = 0
    open_flags: int = 0
    unflagged_edits: tuple[str, ...] = ()
    edited: tuple[EditedRow, ...] = field(default=(), compare=False)

    @property
    def penalty(self) -> int:
        """MQM's absolute penalty total: the sum of the errors' severity weights."""
        return sum(error.penalty for error in self.errors)

    @property
    def per_1000(self) -> float:
        """The penalty per 1000 words (MQM's normed penalty total); 0 for a text without
        words (nothing to score: ``passed`` is then vacuous)."""
        return self.penalty * REFERENCE_WORDS / self.words if self.words else 0.0

    @property
    def passed(self) -> bool:
        return self.per_1000 <= self.threshold

    @property
    def complete(self) -> bool:
        """Whether every row is reviewed and every flag fixed or decided."""
        return self.rows_reviewed >= self.rows_total and self.open_flags == 0

    @property
    def verdict(self) -> str:
        """``PASS``, ``FAIL``, ``PASS so far`` while the review is not complete, or ``not
        reviewed`` (no row reviewed, no error found: there is nothing to judge yet)."""
        if not self.passed:
            return "FAIL"
        if not self.errors and not self.rows_reviewed:
            return "not reviewed"
        return "PASS" if self.complete else "PASS so far"

    def counts(self) -> dict[str, dict[str, int]]:
        """Errors per category and severity, categories in order of first appearance."""
        table: dict[str, dict[str, int]] = {}
        for error in sorted(self.errors, key=lambda e: e.category):
            row = table.setdefault(error.category, {severity: 0 for severity in SEVERITIES})
            row[error.severity] += 1
        return table

    def by_severity(self) -> dict[str, int]:
        found = {severity: 0 for severity in SEVERITIES}
        for error in self.errors:
            found[error.severity] += 1
        return found

    def to_json(self) -> dict:
        return {
            "lang": self.lang,
            "words": self.words,
            "errors_total": len(self.errors),
            "penalty": self.penalty,
            "penalty_per_1000": round(self.per_1000, 4),
            "threshold": self.threshold,
            "threshold_from": self.threshold_from,
            "passed": self.passed,
            "complete": self.complete,
            "verdict": self.verdict,
            "rows_total": self.rows_total,
            "rows_reviewed": self.rows_reviewed,
            "open_flags": self.open_flags,
            "weights": dict(WEIGHTS),
            "by_severity": self.by_severity(),
            "by_category": self.counts(),
            "errors": [error.to_json() for error in self.errors],
            "unflagged_edits": list(self.unflagged_edits),
            "most_edited": [row.to_json() for row in self.edited],
        }


CSV_COLUMNS = (
    "lang",
    "row",
    "check",
    "category",
    "severity",
    "penalty",
    "verdict",
    "found",
    "became",
    "message",
    "reason",
)


def csv_text(reports: Iterable[LqaReport]) -> str:
    """One CSV line per error of every report (UTF-8 with BOM is the caller's): cells a
    spreadsheet would run as a formula get the export's leading apostrophe."""
    from .csv_table import csv_cell as guarded  # the CSV export's formula guard

    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    for report in reports:
        for error in report.errors:
            data = error.to_json()
            writer.writerow(
                [
                    guarded(str(value))
                    for value in (
                        report.lang,
                        error.row,
                        error.check,
                        error.category,
                        error.severity,
                        error.penalty,
                        error.verdict,
                        error.found,
                        error.became,
                        error.message,
                        data.get("reason", ""),
                    )
                ]
            )
    return buffer.getvalue()


def word_count(texts: Iterable[str]) -> int:
    """Words of ``texts``: CJK characters one each, other words by spaces."""
    return sum(len(_WORD.findall(text)) for text in texts)


# --- finding the errors ------------------------------------------------------------------


def find_errors(
    original,
    reviewed,
    original_flags: Sequence[Flag],
    reviewed_flags: Sequence[Flag],
    decide: Decide | None = None,
    langs: Iterable[str] | None = None,
) -> list[LqaError]:
    """The errors a review shows: flags of ``original_flags`` (on the ``original`` checks
    document) whose spot the reviewer changed and which no longer stand in ``reviewed_flags``
    (on the ``reviewed`` document), and flags the reviewer accepted (``decide``).

    Both documents are ``aligner.checks.Document`` of the same rows. Dismissed flags and
    flags of checks that report no translation error (the alignment's) never count.
    """
    wanted = set(langs) if langs is not None else None
    before = {unit.id: unit for unit in original.units}
    after = {unit.id: unit for unit in reviewed.units}
    standing: dict[tuple[str, str], list[tuple[int, int, set[str]]]] = {}
    for flag in reviewed_flags:
        unit = after.get(flag.row)
        if unit is not None:
            start, end = _cell_span(unit, flag)
            standing.setdefault((flag.row, flag.lang), []).append((start, end, set(flag.checks)))
    errors: list[LqaError] = []
    diffs: dict[tuple[str, str], list] = {}
    for flag in original_flags:
        if wanted is not None and flag.lang not in wanted:
            continue
        old, new = before.get(flag.row), after.get(flag.row)
        if old is None or new is None:
            continue
        a, b = old.text(flag.lang), new.text(flag.lang)
        if a == b:
            continue  # an untouched cell: its flags stand as they were (or were decided)
        key = (flag.row, flag.lang)
        ops = diffs.get(key)
        if ops is None:
            ops = diffs[key] = [
                op for op in SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
            ]
        start, end = _cell_span(old, flag)
        touching = [op for op in ops if op[0] != "equal" and _touches(op, start, end)]
        if not touching:
            continue  # the reviewer changed another part of the cell
        mapped = (_map_start(ops, start), _map_end(ops, end))
        if any(
            _overlap(mapped, (s, e)) and checks & set(flag.checks)
            for s, e, checks in standing.get(key, ())
        ):
            continue  # the flag stands on the reviewed text too: not fixed
        low = min(start, *(op[1] for op in touching))
        high = max(end, *(op[2] for op in touching))
        new_low = min(_map_start(ops, low), *(op[3] for op in touching))
        new_high = max(_map_end(ops, high), *(op[4] for op in touching))
        decision = decide(flag, _spot(old, flag)) if decide is not None else None
        error = _error(flag, "fixed", a[low:high], b[new_low:new_high], decision)
        if error is not None:
            errors.append(error)
    for flag in reviewed_flags:
        if decide is None or (wanted is not None and flag.lang not in wanted):
            continue
        unit = after.get(flag.row)
        if unit is None:
            continue
        decision = decide(flag, _spot(unit, flag))
        if decision is None or decision.verdict != "accepted":
            continue
        start, end = _cell_span(unit, flag)
        error = _error(flag, "accepted", unit.text(flag.lang)[start:end], "", decision)
        if error is not None:
            errors.append(error)
    order = {unit.id: i for i, unit in enumerate(original.units)}
    errors.sort(key=lambda e: (order.get(e.row, len(order)), e.lang))
    return errors


def open_flag_count(
    reviewed, flags: Iterable[Flag], lang: str, decide: Decide | None = None
) -> int:
    """Flags of ``lang`` on the ``reviewed`` document that nobody decided (translation errors
    only: the alignment's doubt is no error to decide)."""
    units = {unit.id: unit for unit in reviewed.units}
    count = 0
    for flag in flags:
        if flag.lang != lang or most_severe(flag.checks) is None:
            continue
        unit = units.get(flag.row)
        if decide is None or unit is None or decide(flag, _spot(unit, flag)) is None:
            count += 1
    return count


def decisions_of(reviews_by_lang: dict[str, Sequence]) -> Decide:
    """Look-up of the decisions the review files hold (``Review.decisions``)."""
    recorded = {
        (review.row, lang): review.decisions
        for lang, reviews in reviews_by_lang.items()
        for review in reviews
        if review.decisions
    }

    def decide(flag: Flag, spot: str) -> Decision | None:
        found = recorded.get((flag.row, flag.lang), ())
        return next((d for d in found if d.matches(flag, spot)), None)

    return decide


def _spot(unit, flag: Flag) -> str:
    """The flag's spot as a decision names it, read in ``unit`` (``flags.flag_spot``)."""
    cell = unit.cells.get(flag.lang)
    if cell is None:
        return flag_spot(flag, "")
    return flag_spot(flag, cell.text[_paragraph_start(cell, flag) :])


def _error(
    flag: Flag, verdict: str, found: str, became: str, decision: Decision | None
) -> LqaError | None:
    chosen = most_severe(flag.checks)
    if chosen is None:
        return None
    check, kind = chosen
    reason, overridden = "", False
    if decision is not None:
        if decision.verdict == "dismissed":
            return None
        reason = decision.reason
        kind, overridden = _overridden(kind, decision)
    message = flag.message
    return LqaError(
        flag.lang,
        flag.row,
        check,
        kind.dimension,
        kind.subtype,
        kind.severity,
        verdict,
        found,
        became,
        message,
        reason,
        overridden,
    )


def _overridden(kind: ErrorType, decision: Decision) -> tuple[ErrorType, bool]:
    """``kind`` with the decision's severity and category where it sets valid ones."""
    severity, category = decision.severity, decision.category
    changed = False
    if severity and severity in WEIGHTS and severity != kind.severity:
        kind, changed = ErrorType(kind.dimension, kind.subtype, severity), True
    if category:
        try:
            dimension, subtype = parse_category(category)
        except ValueError:
            return kind, changed
        if (dimension, subtype) != (kind.dimension, kind.subtype):
            kind, changed = ErrorType(dimension, subtype or "", kind.severity), True
    return kind, changed


def _paragraph_start(cell, flag: Flag) -> int:
    """Offset in the cell's text of the paragraph the flag points into."""
    if flag.paragraph is None or not cell.parts:
        return 0
    try:
        return cell.starts[cell.parts.index(flag.paragraph)]
    except ValueError:
        return 0


def _cell_span(unit, flag: Flag) -> tuple[int, int]:
    """The flag's span as offsets into its cell's text (the paragraphs joined)."""
    cell = unit.cells.get(flag.lang)
    if cell is None:
        return 0, 0
    base, size = _paragraph_start(cell, flag), len(cell.text)
    start = min(base + flag.start, size)
    return start, min(max(base + flag.end, start), size)


def _touches(op: tuple, start: int, end: int) -> bool:
    """Whether a change (``op`` of SequenceMatcher) touches the span [start, end)."""
    _, i1, i2, _, _ = op
    if start == end or i1 == i2:  # a point: an insertion, or a spot where text is missing
        return i1 <= end and start <= i2
    return i1 < end and start < i2


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    if a[0] == a[1] or b[0] == b[1]:
        return a[0] <= b[1] and b[0] <= a[1]
    return a[0] < b[1] and b[0] < a[1]


def _map_start(ops: list, position: int) -> int:
    """Where ``position`` of the original stands in the reviewed text (a span's start)."""
    for tag, i1, i2, j1, _ in ops:
        if tag == "equal" and i1 <= position < i2:
            return j1 + position - i1
    for tag, i1, i2, j1, _ in ops:
        if tag != "equal" and i1 <= position <= i2:
            return j1
    return ops[-1][4] if ops else 0


def _map_end(ops: list, position: int) -> int:
    """Where ``position`` of the original stands in the reviewed text (a span's end)."""
    for tag, i1, i2, j1, _ in ops:
        if tag == "equal" and i1 < position <= i2:
            return j1 + position - i1
    for tag, i1, i2, _, j2 in reversed(ops):
        if tag != "equal" and i1 <= position <= i2:
            return j2
    return ops[-1][4] if ops else 0


# --- the most edited rows ------------------------------------------------------------------


def change_excerpt(before: str, after: str, context: int = 30, limit: int = 160) -> tuple[str, str]:
    """The changed part of a text, with ``context`` characters around it, in both versions
    (``…`` where text is cut; whole when both fit in ``limit``); each side at most about
    ``limit`` characters."""
    ops = [
        op
        for op in SequenceMatcher(None, before, after, autojunk=False).get_opcodes()
        if op[0] != "equal"
    ]
    if not ops or max(len(before), len(after)) <= limit:
        return _clip(before, 0, len(before), limit), _clip(after, 0, len(after), limit)
    i1, i2 = ops[0][1], ops[-1][2]
    j1, j2 = ops[0][3], ops[-1][4]
    return (
        _clip(before, max(0, i1 - context), min(len(before), i2 + context), limit),
        _clip(after, max(0, j1 - context), min(len(after), j2 + context), limit),
    )


def _clip(text: str, start: int, end: int, limit: int) -> str:
    if end - start > limit:
        end = start + limit
    piece = text[start:end].replace("\n", " ")
    return ("…" if start > 0 else "") + piece + ("…" if end < len(text) else "")


def edited_rows(scores, reviews: Sequence, count: int = 10) -> tuple[EditedRow, ...]:
    """The ``count`` rows furthest from their reviewed text (``Scores.worst``), with the
    changed part of their text."""
    by_row = {review.row: review for review in reviews}
    found = []
    for row in scores.worst(count):
        review = by_row.get(row.id)
        if review is None:
            continue
        before, after = change_excerpt(review.original, review.text)
        found.append(EditedRow(row.id, row.chrf, row.ter, before, after))
    return tuple(found)


# --- a review session's reports --------------------------------------------------------------


def build_report(
    lang: str,
    errors: Sequence[LqaError],
    words: int,
    reviews: Sequence,
    open_flags: int,
    threshold: float | None,
    edited: Sequence[EditedRow] = (),
) -> LqaReport:
    """The report of ``lang`` from its errors and the store's ``reviews`` of it."""
    with_text = [r for r in reviews if r.original or r.text]
    reviewed = sum(1 for r in with_text if r.reviewed)
    counted = {e.row for e in errors if e.verdict == "fixed"}
    unflagged = tuple(r.row for r in with_text if r.fixed and r.row not in counted)
    return LqaReport(
        lang,
        words,
        tuple(e for e in errors if e.lang == lang),
        DEFAULT_THRESHOLD if threshold is None else float(threshold),
        "default" if threshold is None else "docset.toml",
        len(with_text),
        reviewed,
        open_flags,
        unflagged,
        tuple(edited),
    )


def session_reports(
    session, decide: Decide | None = None, scores: Sequence | None = None, edited_count: int = 10
) -> list[LqaReport]:
    """The report of every reviewed language of a ``ReviewSession``, with its decisions
    (``decide``, default: those its review files hold).

    Needs the checks' flags on the original text and on the reviewed text: those the
    session already holds are taken, the others run (a few seconds on a long document: call
    it from a worker). ``scores``: the session's ``scores()``, for the most
    edited rows.
    """
    from .checks import run_document

    docset = session.docset
    langs = tuple(session.store.languages) if session.store is not None else ()
    reviews_of = {lang: session.store.reviews(lang) for lang in langs}
    if decide is None:
        decide = decisions_of(reviews_of)
    original_doc, original_flags, reviewed_doc, known = session.checked_texts()
    if any(review.fixed for reviews in reviews_of.values() for review in reviews):
        reviewed_flags = known if known is not None else run_document(reviewed_doc)
    else:  # nothing fixed: the reviewed text is the original
        reviewed_flags = original_flags
    errors = find_errors(original_doc, reviewed_doc, original_flags, reviewed_flags, decide, langs)
    by_lang = {s.lang: s for s in (scores or ()) if s.rows}
    threshold = docset.quality_threshold
    reports = []
    for lang in langs:
        reviews = reviews_of[lang]
        edited = edited_rows(by_lang[lang], reviews, edited_count) if lang in by_lang else ()
        reports.append(
            build_report(
                lang,
                errors,
                word_count(docset.paragraphs(lang)),
                reviews,
                open_flag_count(reviewed_doc, reviewed_flags, lang, decide),
                threshold,
                edited,
            )
        )
    return reports
