"""``quantity``: numbers whose value every version shares but whose unit, sign or order differ.

The ``number`` check compares values ("5" against "6"); it cannot see "5 км" for "5 m", "5"
for "−5", or "от 10 до 5" for "from 5 to 10", since each of these keeps every value. Here
(each version read by ``quantities``):

- units: a number followed by a unit (``facts.units``: "km", "км", "公里" are one unit) whose
  counterpart of the same value has another unit (one to one: in "от 1 МБ до 1 МБ" for
  "between 1 MB and 1 GB" the second megabyte stands for the gigabyte), with the other version's unit written as
  this version writes units as the suggestion ("5 м"); a printf argument's unit against the
  same argument's ("%3$d千字节" for msgid's third "%d bytes"); a clock time's fields
  ("23:13:48" is hours, minutes, seconds: "48分钟" is no longer seconds);
- unit words: a unit named with no number (``facts.unit_words``: "以千千字节" for "in
  kilobytes", "1.0 分钟" where msgid speaks of seconds only) that the others never name,
  where they name a unit of the same measure;
- signs: a minus (hyphen-minus or U+2212, where it is a sign: not "1-2", "-v" or a list dash)
  that the other versions have on a value and this one lacks, or the reverse; and the minus
  of a printf field ("%-20s" written "%20s": the column is padded on the other side);
- order: the same numbers (and those of others' a translation adds to: "0, 3, 2 или 1" for
  "1, 2, or 3"), where the other versions agree on their order and this version has exactly
  two of them transposed. Languages reorder words, not usually numbers: on 113k real ru/kk/zh
  catalog entries only 5 keep the same numbers with two transposed. The legitimate ones move
  with their words (``number_order``): compound adjectives ("16-bit relocation in 8-bit
  operand" / "в 8-битном операнде 16-битное"), a condition put first ("如果 X 为 0，则返回
  1" for "returns 1 if X is 0"), a Latin word beside the number ("(ISO/IEC 10646)"); those
  are left alone, unless an anchor stayed while its number changed ("64-битный ЦП,
  32-битный FPU" for "32-bit CPU, 64-bit FPU"). A value written in several numbers joined
  by one sign ("16,16", "[0,254]", "192.168.0.0/24") moves as a whole: two of those
  transposed are a swap too, though every number in them has moved.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..facts import render
from ..facts.numbers import family
from ..facts.unit_words import DIMENSION, UnitWord, dimension, unit_words
from ..facts.units import MINUS, STEMS, unit_forms
from ..flags import Flag
from .base import Check, Document, Unit, register
from .digits import listing
from .number import special_message
from .number_order import anchored, condition_first, joined_values, kept_indices, shortened
from .quantities import Quantity, justified, printf_fields, read_quantities


@register
class QuantityCheck(Check):
    name = "quantity"
    severity = "error"
    description = "units, minus signs and number order that differ where the numbers agree"
    local = True

    def run(self, document: Document) -> list[Flag]:
        flags: list[Flag] = []
        for unit in document.units:
            if document.catalog and special_message(unit.text(document.source)):
                continue
            read = {
                lang: read_quantities(document, unit, lang)
                for lang in document.languages
                if unit.text(lang)
            }
            counted = sum(bool(found) for found in read.values()) >= 2
            for lang in document.targets:
                if lang not in read:
                    continue
                others = [o for o in document.others(lang) if read.get(o)]
                unit_flags = []
                if counted and read[lang] and others:
                    unit_flags = list(self._units(unit, lang, read, others))
                    flags.extend(unit_flags)
                    strong = {o: [q for q in found if not q.weak] for o, found in read.items()}
                    flags.extend(self._signs(unit, lang, strong, others))
                    for part in range(max(1, len(unit.cells[lang].parts))):
                        flags.extend(
                            self._order(unit, lang, strong, others, part, document.catalog)
                        )
                written = [o for o in document.others(lang) if o in read]
                flags.extend(self._unit_words(document, unit, lang, read, written, unit_flags))
                flags.extend(self._justified(document, unit, lang, written))
        return flags

    def _units(
        self, unit: Unit, lang: str, read: dict[str, list[Quantity]], others: list[str]
    ) -> Iterable[Flag]:
        text = unit.text(lang)
        for mine in read[lang]:
            if mine.units is None or mine.weak:  # "一周" (a full circle) is no week
                continue
            against: dict[str, Quantity] = {}
            agree = False
            for other in others:
                same = [q for q in read[other] if q.value == mine.value and q.units is not None]
                kept = [q for q in same if q.units & mine.units]
                if kept and not _one_too_many(mine, read[lang], text, kept, same, unit.text(other)):
                    agree = True
                elif same:
                    against[other] = next((q for q in same if q not in kept), same[0])
            if agree or len(against) < len(others) // 2 + 1:
                continue
            evidence = {o: unit.text(o)[q.fact.start : q.unit_end] for o, q in against.items()}
            wanted = {next(iter(sorted(q.units))) for q in against.values()}
            written = text[mine.fact.start : mine.unit_end]
            said = ", ".join(f"{o} says {t}" for o, t in evidence.items())
            expected = None
            if len(wanted) == 1:
                form = _unit_form(wanted.pop(), lang, text[mine.unit_start : mine.unit_end])
                if form is not None:
                    expected = text[mine.fact.start : mine.unit_start] + form
            message = f'"{written}": another unit — {said}'
            yield self.flag(
                unit,
                lang,
                mine.fact.start,
                mine.unit_end,
                message + (f" → {expected}" if expected else ""),
                evidence=evidence,
                expected=expected,
            )

    def _unit_words(
        self,
        document: Document,
        unit: Unit,
        lang: str,
        read: dict[str, list[Quantity]],
        others: list[str],
        flagged: list[Flag],
    ) -> Iterable[Flag]:
        """Units named in words ("in kilobytes", "N 秒") that the others never name, where
        they name a unit of the same measure: "以千千字节" for "in kilobytes", "1.0 分钟"
        in a message whose msgid speaks of seconds only. A unit of a number is ``_units``'s;
        a measure the others do not name (a translator's "0 字节" for "zeroes") is left
        alone."""
        named = {lang: _named_units(document, unit, lang, read.get(lang, ()))}
        if not any(w.strict and dimension(w.unit) for w in named[lang][0]):
            return  # most messages name no unit: the others need no reading
        named.update((o, _named_units(document, unit, o, read.get(o, ()))) for o in others)
        text = unit.text(lang)
        taken = _spans(unit, lang, flagged)
        for word in named[lang][0]:
            measure = dimension(word.unit)
            if not word.strict or measure is None:
                continue
            if any(s < word.end and word.start < e for s, e in taken):
                continue
            taken.append((word.start, word.end))
            against = {}
            for other in others:
                words, names = named[other]
                if word.unit in names:
                    continue
                theirs = [w for w in words if w.strict and dimension(w.unit) == measure]
                if theirs:
                    against[other] = theirs
            if len(against) < len(others) // 2 + 1:
                continue
            mine = named[lang][1]
            wanted = {w.unit for ws in against.values() for w in ws if w.unit not in mine}
            if not wanted:
                wanted = {w.unit for ws in against.values() for w in ws}
            written = text[word.start : word.end]
            expected = None
            if len(wanted) == 1:
                expected = _written_as(wanted.pop(), text, named[lang][0], lang, written)
            evidence = {
                o: ", ".join(dict.fromkeys(unit.text(o)[w.start : w.end] for w in ws))
                for o, ws in against.items()
            }
            said = ", ".join(f"{o} says {t}" for o, t in evidence.items())
            yield self.flag(
                unit,
                lang,
                word.start,
                word.end,
                f'"{written}": a unit {listing(list(against))} never names — {said}'
                + (f" → {expected}" if expected else ""),
                evidence=evidence,
                expected=expected,
            )

    def _justified(
        self, document: Document, unit: Unit, lang: str, others: list[str]
    ) -> Iterable[Flag]:
        """A printf field's minus ("%-20s", left-justified in 20 columns) that the others
        write on an argument and this version lacks, or the reverse: the column layout
        turns around. Widths may change with the script; the side they pad seldom does."""
        mine = printf_fields(document, unit, lang)
        if not mine:
            return
        theirs = {o: printf_fields(document, unit, o) for o in others}
        majority = len(others) // 2 + 1
        for argument, tokens in mine.items():
            said = {o: found[argument] for o, found in theirs.items() if argument in found}
            sides = {left for fields in said.values() for _, _, _, left in fields}
            if len(said) < majority or len(sides) != 1:
                continue
            left = sides.pop()
            for start, end, token, mine_left in tokens:
                if mine_left == left:
                    continue
                expected = justified(token, left)
                evidence = {o: fields[0][2] for o, fields in said.items()}
                shown = ", ".join(f"{o} says {t}" for o, t in evidence.items())
                what = "minus sign lost" if left else "a minus sign the others do not have"
                yield self.flag(
                    unit,
                    lang,
                    start,
                    end,
                    f'"{token}": {what} (the field is justified to the other side) — '
                    f"{shown} → {expected}",
                    evidence=evidence,
                    expected=expected,
                )

    def _signs(
        self, unit: Unit, lang: str, read: dict[str, list[Quantity]], others: list[str]
    ) -> Iterable[Flag]:
        text = unit.text(lang)
        for value in {q.value for q in read[lang] if q.fact.kind != "slot"}:
            mine = [q for q in read[lang] if q.value == value]
            signed = {o: [q for q in read[o] if q.value == value] for o in others}
            lost = [
                o
                for o, theirs in signed.items()
                if theirs
                and (
                    (all(q.negative for q in theirs) and not any(q.negative for q in mine))
                    or _fewer_negatives(mine, theirs)
                )
            ]
            added = [
                o
                for o, theirs in signed.items()
                if theirs and not any(q.negative for q in theirs) and all(q.negative for q in mine)
            ]
            majority = len(others) // 2 + 1
            if len(lost) >= majority:
                q = _lost_sign(mine, signed[lost[0]])
                negative = next(t for t in signed[lost[0]] if t.negative)
                sign = unit.text(lost[0])[negative.fact.start - 1]
                evidence = {
                    o: _signed_text(unit.text(o), next(t for t in signed[o] if t.negative))
                    for o in lost
                }
                expected = sign + q.fact.text
                said = ", ".join(f"{o} says {t}" for o, t in evidence.items())
                yield self.flag(
                    unit,
                    lang,
                    q.fact.start,
                    q.fact.end,
                    f'"{q.fact.text}": minus sign lost — {said} → {expected}',
                    evidence=evidence,
                    expected=expected,
                )
            elif len(added) >= majority:
                q = mine[0]
                evidence = {o: signed[o][0].fact.text for o in added}
                said = ", ".join(f"{o} says {t}" for o, t in evidence.items())
                yield self.flag(
                    unit,
                    lang,
                    q.fact.start - 1,
                    q.fact.end,
                    f'"{text[q.fact.start - 1 : q.fact.end]}": a minus sign '
                    f"{listing(added)} {'does' if len(added) == 1 else 'do'} not "
                    f"have — {said}",
                    severity="warning",
                    evidence=evidence,
                    expected=q.fact.text,
                )

    def _order(
        self,
        unit: Unit,
        lang: str,
        read: dict[str, list[Quantity]],
        others: list[str],
        part: int,
        catalog: bool,
    ) -> Iterable[Flag]:
        """Part ``part`` of this version against the others' part that says the same: in
        a catalog msgstr[0] is msgid and the other forms msgid_plural; in a docset the
        same paragraph of the row."""
        mine = [q for q in read[lang] if q.part == part]
        if len(mine) < 2:
            return
        values = [q.value for q in mine]
        swaps: dict[str, tuple[int, int]] = {}
        agree = 0
        sides = {}
        for other in others:
            count = max(1, len(unit.cells[other].parts))
            sides[other] = min(part, count - 1) if catalog else part
            theirs = [q.value for q in read[other] if q.part == sides[other]]
            if theirs == values:
                agree += 1
                continue
            kept = kept_indices(values, theirs)
            if kept is not None:
                said = [values[k] for k in kept]
                diff = [k for k, (a, b) in enumerate(zip(said, theirs)) if a != b]
                if len(diff) == 2:
                    swaps[other] = (kept[diff[0]], kept[diff[1]], diff[0], diff[1])
        if not swaps and not agree:
            yield from self._joined_order(unit, lang, mine, read, sides)
            return
        if (
            len({pair[:2] for pair in swaps.values()}) > 1
            or len(swaps) < len(others) // 2 + 1
            or agree >= len(swaps)
        ):
            return
        i, j, ti, tj = next(iter(swaps.values()))
        text = unit.text(lang)
        other = next(iter(swaps))
        their_text = unit.text(other)
        theirs = [q for q in read[other] if q.part == sides[other]]
        anchors = anchored(text, mine, their_text, theirs, swaps[other])
        if anchors is False:
            return  # a word that stands by a number moved with it: "(ISO/IEC 10646)"
        if anchors is None and (
            (mine[i].compound and mine[j].compound)  # "in 8-bit operand, 16-bit relocation"
            or condition_first(their_text, theirs[ti], theirs[tj], text, mine[i])
        ):
            return
        a, b = mine[i].fact, mine[j].fact
        if _right_to_left(lang) and not any(ch.isalpha() for ch in text[a.end : b.start]):
            return  # "۹×۶" shows as 6×9 in a right-to-left line: typed reversed on purpose
        expected = None
        if not (mine[i].end_of_range or mine[j].end_of_range):
            between = text[a.end : b.start]
            expected = b.text + between + a.text
        evidence = {}
        for other, (_, _, ti, tj) in swaps.items():
            theirs = [q.fact for q in read[other] if q.part == sides[other]]
            evidence[other] = unit.text(other)[theirs[ti].start : theirs[tj].end]
        said = ", ".join(f"{o} says {shortened(t)}" for o, t in evidence.items())
        yield self.flag(
            unit,
            lang,
            a.start,
            b.end,
            f"{render(a.kind, a.value, lang)} and {render(b.kind, b.value, lang)} "
            f"swapped — {said}" + (f" → {shortened(expected)}" if expected else ""),
            evidence=evidence,
            expected=expected,
        )

    def _joined_order(
        self,
        unit: Unit,
        lang: str,
        mine: list[Quantity],
        read: dict[str, list[Quantity]],
        sides: dict[str, int],
    ) -> Iterable[Flag]:
        """Two values written in several numbers each (``joined_values``: "16,16",
        "192.168.0.0/24") transposed as wholes, where every other version has them in one
        order: the numbers of each stay together, so no two of them alone are swapped."""
        text = unit.text(lang)
        runs = joined_values(text, mine)
        mine_values = _digit_runs(text, mine, runs)
        evidence, pair = {}, None
        for other, part in sides.items():
            theirs = [q for q in read[other] if q.part == part]
            their_text = unit.text(other)
            their_runs = joined_values(their_text, theirs)
            their_values = _digit_runs(their_text, theirs, their_runs)
            if all(len(value) == 1 for value in mine_values + their_values):
                return  # one number a value: ``_order``'s
            if sorted(their_values) != sorted(mine_values):
                return
            diff = [k for k, (a, b) in enumerate(zip(mine_values, their_values)) if a != b]
            if len(diff) != 2 or pair not in (None, tuple(diff)):
                return
            pair = tuple(diff)
            first, last = their_runs[diff[0]][0], their_runs[diff[1]][1] - 1
            quantities = (runs[diff[0]][0], runs[diff[1]][0])
            if anchored(text, mine, their_text, theirs, (*quantities, *(first, last))) is False:
                return
            evidence[other] = their_text[theirs[first].fact.start : theirs[last].fact.end]
        if pair is None:
            return
        (a, _), (_, b) = runs[pair[0]], runs[pair[1]]
        start, end = mine[a].fact.start, mine[b - 1].fact.end
        one, two = (
            text[mine[x].fact.start : mine[y - 1].fact.end]
            for x, y in (runs[pair[0]], runs[pair[1]])
        )
        said = ", ".join(f"{o} says {shortened(t)}" for o, t in evidence.items())
        yield self.flag(
            unit,
            lang,
            start,
            end,
            f'"{one}" and "{two}" swapped — {said}',
            evidence=evidence,
        )


_DIGITS = re.compile(r"\d+")


def _one_too_many(
    mine: Quantity,
    read: list[Quantity],
    text: str,
    kept: list[Quantity],
    same: list[Quantity],
    their_text: str,
) -> bool:
    """Whether ``mine`` is one of more quantities of its value and unit than the other
    version has, and the one nearest the other's value in another unit ("от 1 МБ до 1 МБ"
    for "between 1 MB and 1 GB": the second is the gigabyte changed). Plural forms are
    counted each against msgid's form of its number (ru has three, msgid two)."""
    parts = {q.part for q in same}
    part = mine.part if mine.part in parts else max(parts)
    kept = [q for q in kept if q.part == part]
    others = [q for q in same if q.part == part and q not in kept]
    if not others:
        return False
    group = [
        q
        for q in read
        if q.value == mine.value
        and q.units is not None
        and q.units & mine.units
        and not q.weak
        and q.part == mine.part
    ]
    excess = len(group) - len(kept)
    if excess <= 0:
        return False
    at = others[0].fact.start / max(len(their_text), 1)
    nearest = sorted(group, key=lambda q: abs(q.fact.start / max(len(text), 1) - at))
    return any(q is mine for q in nearest[:excess])


def _digit_runs(
    text: str, quantities: list[Quantity], runs: list[tuple[int, int]]
) -> list[tuple[str, ...]]:
    """The digits of each joined value as written ("16,16": ("16", "16")), whichever way a
    language reads its signs (Russian "16,16" is one decimal number)."""
    return [
        tuple(_DIGITS.findall(text[quantities[a].fact.start : quantities[b - 1].fact.end]))
        for a, b in runs
    ]


def _named_units(
    document: Document, unit: Unit, lang: str, read: Iterable[Quantity]
) -> tuple[list[UnitWord], frozenset[str]]:
    """The unit words of ``lang`` (``facts.unit_words``), strict ones joined by the units of
    its numbers ("5 KB"); and every unit id it names at all, placeholders read as words too
    (a metavariable "BYTES" names bytes)."""
    text = unit.text(lang)
    masked = document.masked(text)
    words = unit_words(masked) if text else []
    raw = unit_words(text) if masked != text else []
    for q in read:
        if q.units is not None and not q.weak:
            words.extend(UnitWord(u, q.unit_start, q.unit_end, False) for u in q.units)
            words.extend(
                UnitWord(u, q.unit_start, q.unit_end, True)
                for u in q.units
                if len(q.units) == 1 and u in DIMENSION
            )
    return words, frozenset(w.unit for w in (*words, *raw))


def _written_as(unit_id: str, text: str, words: list[UnitWord], lang: str, mine: str) -> str:
    """``unit_id`` as this text writes it elsewhere ("秒" beside "N 秒"), else as
    ``_unit_form`` would."""
    for word in words:
        if word.unit == unit_id and word.strict:
            return text[word.start : word.end]
    return _unit_form(unit_id, lang, mine) or unit_id


def _spans(unit: Unit, lang: str, flags: list[Flag]) -> list[tuple[int, int]]:
    """The spans of ``flags`` as cell offsets (a flag's are local to its part)."""
    cell = unit.cells[lang]
    spans = []
    for flag in flags:
        base = 0
        if cell.starts and flag.paragraph in cell.parts:
            base = cell.starts[cell.parts.index(flag.paragraph)]
        spans.append((base + flag.start, base + flag.end))
    return spans


def _fewer_negatives(mine: list[Quantity], theirs: list[Quantity]) -> bool:
    """The value as often on both sides, negative more often in ``theirs`` ("0=no, 1=yes,
    -1=default" translated "0=нет, 1=да, 1=исходное")."""
    return len(mine) == len(theirs) and sum(q.negative for q in mine) < sum(
        q.negative for q in theirs
    )


def _lost_sign(mine: list[Quantity], theirs: list[Quantity]) -> Quantity:
    """Which of ``mine`` lost its sign: the first positive one standing where ``theirs``
    has a negative one (in order), else the first positive one."""
    if len(mine) == len(theirs):
        for here, there in zip(mine, theirs):
            if there.negative and not here.negative:
                return here
    return next((q for q in mine if not q.negative), mine[0])


_RTL = frozenset("ar fa he ur ps yi dv ug ckb sd ku".split())


def _right_to_left(lang: str) -> bool:
    return lang.replace("-", "_").split("_")[0].lower() in _RTL


def _signed_text(text: str, quantity: Quantity) -> str:
    start = quantity.fact.start
    return (text[start - 1] if start and text[start - 1] in MINUS else "") + quantity.fact.text


_SCRIPT_OF = {"en": "latin", "ru": "cyrillic", "kk": "cyrillic", "zh": "cjk"}


def _unit_form(unit_id: str, lang: str, mine: str) -> str | None:
    """How this version would write ``unit_id``, after the unit it wrote (``mine``, with its
    space): in the same script, the form closest to it ("КиБ" for "МиБ", "MB" for "GB" in a
    Chinese text that writes GB), an inflected word for a word ("5 минут" for seconds is
    "5 секунд")."""
    space = mine[: len(mine) - len(mine.lstrip(" \u00a0\u202f\u2009"))]
    written = mine[len(space) :].rstrip(".")
    script = _script(written) if written else _SCRIPT_OF.get(family(lang), "latin")
    forms = [f for f in unit_forms(unit_id) if _script(f) == script]
    if not forms:
        forms = [
            f for f in unit_forms(unit_id) if _script(f) == _SCRIPT_OF.get(family(lang), "latin")
        ]
    if not forms:
        return None
    stem = next((s for s in sorted(STEMS, key=len, reverse=True) if written.startswith(s)), None)
    if stem is not None:
        target = next((f for f in forms if f in STEMS), None)
        if target is not None:
            return space + target + written[len(stem) :]
    if script == "latin" and len(written.rstrip("s")) > 3:  # "seconds" -> "minutes"
        word = next((f for f in forms if len(f) > 3), None)
        if word is not None:
            return space + word + ("s" if written.endswith("s") else "")
    return space + min(forms, key=lambda f: _distance(f, written))


def _distance(a: str, b: str) -> int:
    """Edit distance (short unit names only)."""
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        previous, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            previous, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, previous + (ca != cb))
    return row[-1]


def _script(form: str) -> str:
    ch = form[0]
    if "\u3400" <= ch <= "\u9fff":
        return "cjk"
    if "\u0400" <= ch <= "\u04ff":
        return "cyrillic"
    return "latin"
