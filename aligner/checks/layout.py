"""``layout``: the shape of a string the program prints: leading and trailing whitespace and
newlines, tabs, literal escapes, empty plural forms and the plural-form count.

A program writes "Error: " and the value after it, ends a help line with "\\n", indents a
column with a tab, or hands msgstr to another parser that reads "\\n" itself: msgstr must keep
these. A translation may rewrap text (lines are not counted), may add spaces that align its
own columns, and turn a tab into such spaces; Chinese and Japanese full-width punctuation
carries its own space ("名称：" for "Name: ", "（已安装）" for " (installed)"), but not an
indentation ("  （使用 ...）" keeps msgid's two spaces). A catalog's plural entries need as
many forms as its header's ``nplurals``.

A single space at an edge written twice prints a gap between msgstr and the text printed
beside it (" на %s" written "  на %s"). Some edges are judged by the catalog's own habit,
which its other messages show: an indentation written twice ("    -f" for "  -f") is a paste
slip where the catalog keeps msgid's edges, though a catalog that re-pads its columns
(right-aligned labels) may double one by chance; and a single space that Chinese drops
beside its own characters is a space lost in a catalog that otherwise keeps it there; so is
a space after msgid's last sentence ("... payment periods. "), most often the writer's habit
rather than a join (after a placeholder, "%s. ", it stays one).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import replace

from ..flags import Flag
from .base import Document, RowCheck, Unit, register

_FULL_WIDTH_OPEN = re.compile(r"[\u3000-\u303f\uff08\uff3b\uff5b\uff5f\u2026\u00ab\u201c]")
# languages written without spaces between words: one space at an edge beside their
# letters separates nothing ("总计" for "total "); an indentation still counts
_UNSPACED = ("zh", "ja", "ko", "th")
# kana, CJK ideographs, Thai: a character test (one character is asked; as a regex class this
# costs ``re`` 4 ms to compile at every start-up)
_CJK_RANGES = (
    ("\u3040", "\u30ff"),
    ("\u3400", "\u4dbf"),
    ("\u4e00", "\u9fff"),
    ("\uf900", "\ufaff"),
    ("\u0e00", "\u0e7f"),
)


def _cjk_start(text: str) -> bool:
    """Whether ``text`` begins with a kana, CJK or Thai character."""
    return bool(text) and any(low <= text[0] <= high for low, high in _CJK_RANGES)


# the edges a catalog's habit judges: a problem that needs one is flagged where the catalog
# keeps such edges in this share of its other messages, and in this many
_INDENT = "msgid's indentation"
_LEAD_BESIDE = "a leading space beside its own script"
_TRAIL_BESIDE = "a trailing space beside its own script"
_AFTER_STOP = "a space after a sentence's full stop"
# a space after msgid's last sentence ("... over the number of periods. ") is most often the
# writer's habit, not a join: the catalog's own messages tell which ("%s. " stays a join)
_STOP_SPACE = re.compile(r"(?<![%\w])[^\W\d_]+\. $")
_CJK_ACCELERATOR = re.compile(r".[(（]_\w[)）]$")
_HABIT_SHARE = 0.8
_HABIT_MIN = 5  # a small catalog's few messages ("  Ln %d", " and Sunday") tell it too
_HABIT_MINS = {_AFTER_STOP: 3}  # help texts have few of these: three that keep it tell it

_LEAD = re.compile(r"^\s*")
_TRAIL = re.compile(r"\s*$")
# (not \\ \" \': "'\\'" names the character in a sentence)
_ESCAPE = re.compile(r"\\(?:[nrtabfv0]|x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4})")
# punctuation that carries its own spacing: a space after it is not written
_FULL_WIDTH = re.compile(r"[\u3000-\u303f\uff01-\uff1f\uff5b-\uff65\u2026\u00bb\u201d]$")


def _edge(text: str, match: re.Match) -> tuple[int, bool]:
    """(newlines, other whitespace) of a leading or trailing whitespace run."""
    run = match.group()
    if "\n" in run:  # "paths \n": a space before the line's end prints nothing visible
        return run.count("\n"), False
    return run.count("\n"), bool(run)


def _shown(run: str) -> str:
    return repr(run)[1:-1] if run else "nothing"


@register
class LayoutCheck(RowCheck):
    name = "layout"
    severity = "warning"
    description = (
        "leading/trailing whitespace and newlines, tabs and escapes "
        "of msgid not kept; empty plural forms; plural-form count"
    )

    def run(self, document: Document) -> list[Flag]:
        return self.finish(document, [self.run_part(document)])

    def run_part(self, document: Document) -> tuple[list[Flag], object]:
        """The shard's flags, and for ``finish`` the edges that only the catalog's habit
        can judge, with the shard's count of the edges its messages keep and change."""
        if not document.catalog:
            return RowCheck.run(self, document), None
        flags: list[Flag] = []
        pending: list[tuple[str, str, Flag]] = []
        habits: Counter[tuple[str, str, bool]] = Counter()
        for unit in document.units:
            for flag, habit in self._entry(unit, document, habits):
                if habit is None:
                    flags.append(flag)
                else:
                    pending.append((flag.lang, habit, flag))
        return flags, (pending, habits)

    def finish(self, document: Document, parts: list[tuple[list[Flag], object]]) -> list[Flag]:
        flags = [flag for part, _ in parts for flag in part]
        summaries = [summary for _, summary in parts if summary is not None]
        habits: Counter[tuple[str, str, bool]] = Counter()
        for _, counts in summaries:
            habits.update(counts)
        for pending, _ in summaries:
            for lang, habit, flag in pending:
                kept = habits[lang, habit, True]
                # the share among the catalog's other such messages (this one changed it)
                others = kept + habits[lang, habit, False] - 1
                least = _HABIT_MINS.get(habit, _HABIT_MIN)
                if kept >= least and kept >= _HABIT_SHARE * others:
                    flags.append(
                        replace(
                            flag,
                            message=f"{flag.message}, where the catalog keeps {habit} "
                            f"in {kept} of {others} other messages",
                        )
                    )
        return flags

    def _entry(
        self, unit: Unit, document: Document, habits: Counter
    ) -> Iterable[tuple[Flag, str | None]]:
        """Each flag of a catalog entry, with the habit it needs (None: it needs none);
        counts the edges the entry keeps and changes into ``habits``."""
        source_cell = unit.cells[document.source]
        sources = [source_cell.text[a:b] for a, b in source_cell.part_spans()]
        for lang in document.targets:
            cell = unit.cells[lang]
            spans = list(cell.part_spans())
            forms = [cell.text[a:b] for a, b in spans]
            for flag in self._forms(unit, lang, document, sources, forms, spans):
                yield flag, None
            for index, ((start, _), text) in enumerate(zip(spans, forms)):
                if not text.strip():
                    continue
                source = (
                    sources[min(index, len(sources) - 1)]
                    if len(sources) > 1 and index > 0
                    else sources[0]
                )
                for a, b, message, expected, habit in _compare(source, text, lang, habits):
                    flag = self.flag(
                        unit,
                        lang,
                        start + a,
                        start + b,
                        message,
                        evidence={document.source: source},
                        expected=expected,
                    )
                    yield flag, habit

    def _forms(
        self,
        unit: Unit,
        lang: str,
        document: Document,
        sources: list[str],
        forms: list[str],
        spans: list[tuple[int, int]],
    ) -> Iterable[Flag]:
        evidence = {document.source: "\n\n".join(sources)}
        filled = [bool(f.strip()) for f in forms]
        if any(filled) and not all(filled):
            for (start, _), text, ok in zip(spans, forms, filled):
                if not ok:
                    yield self.flag(
                        unit,
                        lang,
                        start,
                        start + len(text),
                        "an empty plural form in a translated entry: the program "
                        "prints nothing for these numbers",
                        evidence=evidence,
                    )
        wanted = document.plural_forms
        if len(sources) > 1 and wanted and len(forms) != wanted:
            yield self.flag(
                unit,
                lang,
                spans[-1][0],
                spans[-1][1],
                f"{len(forms)} plural forms; the header's Plural-Forms has nplurals={wanted}",
                severity="error",
                evidence=evidence,
            )


def _compare(
    source: str, text: str, lang: str, habits: Counter
) -> list[tuple[int, int, str, str | None, str | None]]:
    """(start, end, message, expected, habit) of each way ``text`` lays out other than
    ``source``; ``habit``: the catalog habit the problem needs, if any. Counts the edges
    ``text`` keeps and changes into ``habits``."""
    problems = []
    if not source.strip():
        return problems
    # no whitespace at any edge (most messages): both edges read (0, False), which never
    # differ
    if source[0].isspace() or source[-1].isspace() or text[0].isspace() or text[-1].isspace():
        lead_s, lead_t = _LEAD.match(source), _LEAD.match(text)
        trail_s, trail_t = _TRAIL.search(source), _TRAIL.search(text)
        problems += _lead(source, text, lang, lead_s, lead_t, habits)
        problems += _trail(source, text, lang, trail_s, trail_t, habits)
    tabs_s, tabs_t = source.count("\t"), text.count("\t")
    # a tab may become spaces that align a column: only a tab added, or all lost with no
    # column of spaces or wrapped line in their place, changes the layout
    if (tabs_s == 0 and tabs_t) or (
        tabs_t == 0 and tabs_s and "  " not in text and "\n" not in text.strip()
    ):
        at = text.find("\t") if tabs_t else 0
        problems.append(
            (
                max(at, 0),
                max(at, 0) + (1 if tabs_t else 0),
                f"msgid has {tabs_s} tab{'s' if tabs_s != 1 else ''}, msgstr {tabs_t}",
                None,
                None,
            )
        )
    if "\\" in source or "\\" in text:
        escapes_s = sorted(m.group() for m in _ESCAPE.finditer(source))
        escapes_t = sorted(m.group() for m in _ESCAPE.finditer(text))
        if escapes_s != escapes_t:
            lost = _difference(escapes_s, escapes_t)
            added = _difference(escapes_t, escapes_s)
            where = next((m for m in _ESCAPE.finditer(text) if m.group() in added), None)
            parts = ([f"lacks {' '.join(lost)}"] if lost else []) + (
                [f"adds {' '.join(added)}"] if added else []
            )
            problems.append(
                (
                    where.start() if where else 0,
                    where.end() if where else 0,
                    f"escapes differ: msgstr {' and '.join(parts)} (literal "
                    "backslash sequences another parser reads)",
                    None,
                    None,
                )
            )
    return problems


def _lead(
    source: str, text: str, lang: str, lead_s: re.Match, lead_t: re.Match, habits: Counter
) -> list[tuple[int, int, str, str | None, str | None]]:
    """The problem of the leading edge, if any (see ``_compare``)."""
    wanted, found = lead_s.group(), lead_t.group()
    first = text[lead_t.end() : lead_t.end() + 1]
    # one space separates (full-width punctuation carries it); more indent
    carried = (wanted == " " and bool(_FULL_WIDTH_OPEN.match(first))) or first in ",.;:"
    beside = lang in _UNSPACED and wanted == " " and _cjk_start(first)
    if wanted and "\n" not in wanted:
        habits[lang, _INDENT, found == wanted] += 1
    if beside:
        habits[lang, _LEAD_BESIDE, bool(found)] += 1
    message = f"msgid starts with {_shown(wanted)}, msgstr with {_shown(found)}"
    source_edge, text_edge = _edge(source, lead_s), _edge(text, lead_t)
    if _differs(source_edge, text_edge, carried or beside):
        return [(0, lead_t.end(), message, wanted, None)]
    if beside and _differs(source_edge, text_edge, carried):
        return [(0, lead_t.end(), message, wanted, _LEAD_BESIDE)]
    if _twice(wanted, found):
        if wanted == " ":
            # one space separates the text printed before; twice, it prints a gap (an
            # indentation is a column, which a catalog that re-pads may widen)
            return [(0, lead_t.end(), f"{message}: written twice", wanted, None)]
        return [(0, lead_t.end(), f"{message}: msgid's indentation written twice", wanted, _INDENT)]
    return []


def _trail(
    source: str, text: str, lang: str, trail_s: re.Match, trail_t: re.Match, habits: Counter
) -> list[tuple[int, int, str, str | None, str | None]]:
    """The problem of the trailing edge, if any (see ``_compare``)."""
    wanted, found = trail_s.group(), trail_t.group()
    body = text[: trail_t.start()]
    carried = bool(_FULL_WIDTH.search(body))
    # a Chinese label's accelerator ("替换为(_W)") is the label's: the space is beside its script
    last = body[-5] if _CJK_ACCELERATOR.search(body) else body[-1:]
    beside = lang in _UNSPACED and wanted == " " and _cjk_start(last)
    if beside:
        habits[lang, _TRAIL_BESIDE, bool(found)] += 1
    after_stop = not beside and wanted == " " and _STOP_SPACE.search(source) is not None
    if after_stop:
        habits[lang, _AFTER_STOP, bool(found)] += 1
    message = f"msgid ends with {_shown(wanted)}, msgstr with {_shown(found)}"
    where = (trail_t.start(), len(text))
    source_edge, text_edge = _edge(source, trail_s), _edge(text, trail_t)
    if _differs(source_edge, text_edge, carried or beside or after_stop):
        return [(*where, message, body + wanted, None)]
    if (beside or after_stop) and _differs(source_edge, text_edge, carried):
        habit = _TRAIL_BESIDE if beside else _AFTER_STOP
        return [(*where, message, body + wanted, habit)]
    if _twice(wanted, found):
        # a trailing space separates the value printed next; twice, it prints a gap (a
        # column is padded by msgid's own run, and a translation pads it to its width)
        return [(*where, f"{message}: written twice", body + wanted, None)]
    return []


def _twice(wanted: str, found: str) -> bool:
    """Whether an edge of msgstr is msgid's edge of spaces and tabs written twice."""
    return bool(wanted) and "\n" not in wanted and found == wanted * 2


def _differs(source: tuple[int, bool], target: tuple[int, bool], spaced: bool) -> bool:
    """Whether an edge of msgstr lays out other than msgid's: another number of newlines,
    or msgid's spaces lost (spaces a translation adds align its own columns; ``spaced``:
    msgstr ends in punctuation that carries its own space)."""
    if source[0] != target[0]:
        return True
    return source[1] and not target[1] and not spaced


def _difference(a: list[str], b: list[str]) -> list[str]:
    rest = list(b)
    out = []
    for item in a:
        if item in rest:
            rest.remove(item)
        else:
            out.append(item)
    return out
