"""``month``: a month name that says another month than the source (or the other versions).

Each version's month names are read in every form (``aligner.facts.months``: "May", "Jan",
"мая", "в марте", "янв.", "наурызда", "三月", "5月"); a month of this version that the
others do not name, where they name another, is flagged with theirs written the way this
version writes months ("17 марта" for msgid's "17 May" → "мая"; "Наурыз" for "May" →
"Мамыр"). A month inside a full date that both sides write with a day or a year is left to
the ``number`` check, which compares whole dates.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import cache

from ..facts.months import Month, mentions, render
from ..flags import Flag
from .base import Document, RowCheck, Unit, register

_FAMILIES = {"en": "en", "ru": "ru", "kk": "kk", "zh": "zh", "ja": "zh"}


@cache  # asked for every cell of every message
def family(lang: str) -> str | None:
    """The month-name family of ``lang`` ("zh_CN" and "ja" write 5月), or None."""
    return _FAMILIES.get(re.split(r"[-_@.]", lang.lower())[0])


@register
class MonthCheck(RowCheck):
    name = "month"
    severity = "error"
    description = "month names that say another month than the source"

    def check_unit(self, unit: Unit, document: Document) -> Iterable[Flag]:
        months, named = {}, {}
        for lang in document.languages:
            fam = family(lang)
            text = unit.text(lang)
            if fam is not None and text:
                # a loose reading keeps every month the strict one does: a text with no
                # loose mention (nearly all) has no strict one, which need not be read
                loose = mentions(document.masked(text), fam, loose=True)
                if not loose:
                    continue
                found = mentions(document.masked(text), fam)
                if found:
                    months[lang] = found
                named[lang] = loose
        if not months or len(named) < 2:
            return
        for lang in document.targets:
            if lang in months:
                yield from self._compare(unit, document, lang, months, named)

    def _compare(
        self,
        unit: Unit,
        document: Document,
        lang: str,
        months: dict[str, list[Month]],
        named: dict[str, list[Month]],
    ) -> Iterable[Flag]:
        """This version's months against what the others may be naming (``loose``: a
        "Jan" in msgid's "(e.g., Jan)" is January there, so 1月 beside it is no spare)."""
        mine = months[lang]
        others = [o for o in document.others(lang) if o in named]
        unmatched: dict[int, list[tuple[str, int]]] = {}  # my index -> (other, their month)
        for other in others:
            theirs = named[other]
            left = Counter(m.month for m in theirs) - Counter(m.month for m in mine)
            extra = Counter(m.month for m in mine) - Counter(m.month for m in theirs)
            if not left or not extra:
                continue
            spare = [theirs[j].month for j in _taken(theirs, left)]
            for i, month in zip(_taken(mine, extra), spare):
                unmatched.setdefault(i, []).append((other, month))
        majority = len(others) // 2 + 1
        text = unit.text(lang)
        for i, said in sorted(unmatched.items()):
            if len(said) < majority:
                continue
            values = Counter(month for _, month in said)
            month, count = values.most_common(1)[0]
            if count < majority:
                continue
            found = mine[i]
            if self._left_to_number(unit, document, lang, found, [o for o, _ in said]):
                continue
            expected = render(month, found.form)
            if text[found.end - 1] == "." and not expected.endswith("."):
                expected += "."  # an abbreviation's dot ("апр." -> "мар.")
            evidence = {o: _month_text(unit, document, o, named[o], m) for o, m in said}
            who = "msgid" if document.catalog else ", ".join(evidence)
            shown = ", ".join(f'"{t}"' for t in dict.fromkeys(evidence.values()))
            yield self.flag(
                unit,
                lang,
                found.start,
                found.end,
                f'"{text[found.start : found.end]}" — {who} says {shown} → {expected}',
                evidence=evidence,
                expected=expected,
            )

    @staticmethod
    def _left_to_number(
        unit: Unit, document: Document, lang: str, found: Month, others: list[str]
    ) -> bool:
        """Whether the month is part of a full date (a day or a year with it) here and in
        the others: the number check compares those dates and says what they should be."""

        def dated(language: str, start: int | None = None, end: int | None = None) -> bool:
            return any(
                fact.kind in ("date", "range")
                and not fact.weak
                and (start is None or (fact.start <= start and end <= fact.end))
                for fact in document.facts(unit, language)
            )

        return dated(lang, found.start, found.end) and all(dated(o) for o in others)


def _taken(found: list[Month], counts: Counter) -> list[int]:
    """The indices of ``found``, in order, of as many of each month as ``counts`` holds."""
    left = Counter(counts)
    taken = []
    for i, month in enumerate(found):
        if left[month.month] > 0:
            left[month.month] -= 1
            taken.append(i)
    return taken


def _month_text(unit: Unit, document: Document, lang: str, found: list[Month], month: int) -> str:
    text = unit.text(lang)
    return next((text[m.start : m.end] for m in found if m.month == month), str(month))
