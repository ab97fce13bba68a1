"""``quantity``: numbers whose value every version shares but whose unit, sign or order differ.

The ``number`` check compares values ("5" against "6"); it cannot see "5 км" for "5 m", "5"
for "−5", or "от 10 до 5" for "from 5 to 10", since each of these keeps every value. Here:

- units: a number followed by a unit (``facts.units``: "km", "км", "公里" are one unit) whose
  counterpart of the same value has another unit, with the other version's unit written as
  this version writes units as the suggestion ("5 м");
- signs: a minus (hyphen-minus or U+2212, where it is a sign: not "1-2", "-v" or a list dash)
  that the other versions have on a value and this one lacks, or the reverse;
- order: the same numbers, where the other versions agree on their order and this version
  has exactly two of them transposed. Languages reorder words, not usually numbers: on 113k
  real ru/kk/zh catalog entries only 5 keep the same numbers with two transposed, and compound
  adjectives ("16-bit relocation in 8-bit operand" / "в 8-битном операнде 16-битное") are
  the legitimate ones, so those are left alone.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from typing import NamedTuple

from ..facts import Fact, render
from ..facts.numbers import family
from ..facts.unit_words import DIMENSION, UnitWord, dimension, unit_words
from ..facts.units import MINUS, STEMS, is_negative, unit_after, unit_forms
from ..flags import Flag
from .base import Check, Document, Unit, register
from .digits import listing
from .number import special_message, without_arguments

_KINDS = frozenset({"number", "percent", "ordinal"})  # "#2" is 第2
_POSITIONAL = re.compile(r"%(\d+)\$")


class _Quantity(NamedTuple):
    """A strong number of one version, with what stands around it."""

    fact: Fact
    negative: bool
    units: frozenset[str] | None
    unit_start: int
    unit_end: int
    compound: bool  # "16-bit", "8-битном": a number inside an adjective
    part: int  # which part of the cell: a plural form, a paragraph (-1: a placeholder)
    end_of_range: bool = False  # one end of a range ("from 5 to 10" is 5, then 10)
    weak: bool = False  # a number in words ("zero bytes"): its unit counts, not its place

    @property
    def value(self) -> str:
        return self.fact.value


def _read(document: Document, unit: Unit, lang: str) -> list[_Quantity]:
    text = unit.text(lang)
    cleaned = without_arguments(document.masked(text))
    cell = unit.cells[lang]
    found = []
    facts = document.facts(unit, lang)
    clock = _clock_units(text, facts)
    for fact in facts:
        if cleaned[fact.start : fact.end].isspace() or (fact.weak and fact.kind != "number"):
            continue
        part = bisect_right(cell.starts, fact.start) - 1 if cell.starts else 0
        if fact.kind == "range" and "/" not in fact.value:
            low, high = fact.value.replace("%", "").split("-", 1)
            found.extend(
                _Quantity(
                    fact._replace(kind="number", value=end),
                    k == 0 and is_negative(text, fact.start),
                    None,
                    fact.end,
                    fact.end,
                    False,
                    part,
                    True,
                )
                for k, end in enumerate((low, high))
            )
            continue
        if fact.kind not in _KINDS:
            continue
        after = unit_after(text, fact.end) if fact.kind == "number" else None
        units, start, end = after if after is not None else (None, fact.end, fact.end)
        if units is None:
            units = clock.get(fact.start)
        compound = (
            text[fact.end : fact.end + 1] in "-‐" and text[fact.end + 1 : fact.end + 2].isalpha()
        )
        found.append(
            _Quantity(
                fact,
                is_negative(text, fact.start),
                units,
                start,
                end,
                compound,
                part,
                weak=fact.weak,
            )
        )
    found.extend(_slots(document, cell, text))
    return found


_CLOCK_FIELDS = {
    3: (frozenset({"h"}), frozenset({"min"}), frozenset({"s"})),
    2: (frozenset({"h", "min"}), frozenset({"min", "s"})),  # 15:30 or 1:30 (m:ss)
}


def _clock_units(text: str, facts: Iterable[Fact]) -> dict[int, frozenset[str]]:
    """The units of the fields of clock times ("23:13:48": hours, minutes, seconds), by
    start: a translation that writes "23时13分48秒" carries them, and "48分钟" has changed
    one. Fields after the first have two digits; a longer chain is no clock."""
    chains: list[list[Fact]] = []
    for fact in facts:
        if fact.kind != "number" or not fact.text.isdigit():
            chains.append([])
            continue
        last = chains[-1][-1] if chains and chains[-1] else None
        if last is not None and text[last.end : fact.start] == ":" and len(fact.text) == 2:
            chains[-1].append(fact)
        else:
            chains.append([fact])
    units = {}
    for chain in chains:
        fields = _CLOCK_FIELDS.get(len(chain))
        if fields is None or text[chain[-1].end : chain[-1].end + 1] == ":":
            continue
        if chain[0].start and text[chain[0].start - 1] == ":":
            continue
        units.update((fact.start, field) for fact, field in zip(chain, fields))
    return units


def _slots(document: Document, cell, text: str) -> Iterable[_Quantity]:
    """Placeholders followed by a unit ("%d seconds", "%s МБ", "{size} KB"): the number comes
    at run time, the unit is the translator's. Each is told apart by the argument it prints
    (``_arguments``: "%3$d" in a msgstr is msgid's third "%d"), else by its token and its
    place among the same tokens of its part (plural form), so "%d мин. %d мин." for
    "%d min %d s" is seen."""
    tokens = document.placeholders(text)
    arguments = _arguments(tokens, cell)
    seen: dict[tuple[int, str], int] = {}
    for (start, end, token), argument in zip(tokens, arguments):
        if token[0] not in "%{" or token == "%%":
            continue
        part = cell.locate(start, end)[0] if cell.starts else None
        index = seen[part, token] = seen.get((part, token), -1) + 1
        after = unit_after(text, end)
        if after is None:
            continue
        units, unit_start, unit_end = after
        value = f"%{argument}$" if argument else f"{token}#{index}"
        slot = Fact("slot", value, start, end, token)
        yield _Quantity(slot, False, units, unit_start, unit_end, False, -1)


_FIELD = re.compile(r"%(\d+\$)?([-+ 0#']*)(\d+)")  # a printf field with a width: "%-20.127s"


def _fields(
    document: Document, unit: Unit, lang: str
) -> dict[int, list[tuple[int, int, str, bool]]]:
    """The printf fields with a width in ``lang``'s text, by argument: (start, end, token,
    left-justified). Empty when the arguments cannot be told apart (``_arguments``)."""
    text = unit.text(lang)
    if "%" not in text:
        return {}
    tokens = document.placeholders(text)
    found: dict[int, list[tuple[int, int, str, bool]]] = {}
    for (start, end, token), argument in zip(tokens, _arguments(tokens, unit.cells[lang])):
        field = _FIELD.match(token)
        if argument is None or field is None:
            continue
        found.setdefault(argument, []).append((start, end, token, "-" in field.group(2)))
    return found


def _justify(token: str, left: bool) -> str:
    """``token`` with its minus flag added or taken away ("%20s" -> "%-20s")."""
    field = _FIELD.match(token)
    flags = field.group(2).replace("-", "")
    flags = ("-" + flags) if left else flags
    return token[: field.start(2)] + flags + token[field.end(2) :]


def _arguments(tokens: list[tuple[int, int, str]], cell) -> list[int | None]:
    """The printf argument each token prints, by part: "%3$d" prints the third, an
    unnumbered "%d" the next one. None for every token of a part that is not printf alone
    ("{size}", "%%" aside) or whose widths take arguments ("%*d"): there the place is
    unknown."""
    found: list[int | None] = []
    by_part: dict[int | None, list[int]] = {}
    for k, (start, end, token) in enumerate(tokens):
        found.append(None)
        if token == "%%" or token[0] != "%":
            continue
        part = cell.locate(start, end)[0] if cell.starts else None
        by_part.setdefault(part, []).append(k)
    for indices in by_part.values():
        if any("*" in tokens[k][2] for k in indices):
            continue
        following = 0
        for k in indices:
            numbered = _POSITIONAL.match(tokens[k][2])
            following = int(numbered.group(1)) if numbered else following + 1
            found[k] = following
    return found


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
                lang: _read(document, unit, lang) for lang in document.languages if unit.text(lang)
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
        self, unit: Unit, lang: str, read: dict[str, list[_Quantity]], others: list[str]
    ) -> Iterable[Flag]:
        text = unit.text(lang)
        for mine in read[lang]:
            if mine.units is None or mine.weak:  # "一周" (a full circle) is no week
                continue
            against: dict[str, _Quantity] = {}
            agree = False
            for other in others:
                same = [q for q in read[other] if q.value == mine.value and q.units is not None]
                if any(q.units & mine.units for q in same):
                    agree = True
                elif same:
                    against[other] = same[0]
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
        read: dict[str, list[_Quantity]],
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
        mine = _fields(document, unit, lang)
        if not mine:
            return
        theirs = {o: _fields(document, unit, o) for o in others}
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
                expected = _justify(token, left)
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
        self, unit: Unit, lang: str, read: dict[str, list[_Quantity]], others: list[str]
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
        read: dict[str, list[_Quantity]],
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
            kept = _kept(values, theirs)
            if kept is not None:
                said = [values[k] for k in kept]
                diff = [k for k, (a, b) in enumerate(zip(said, theirs)) if a != b]
                if len(diff) == 2:
                    swaps[other] = (kept[diff[0]], kept[diff[1]], diff[0], diff[1])
        if (
            not swaps
            or len({pair[:2] for pair in swaps.values()}) > 1
            or len(swaps) < len(others) // 2 + 1
            or agree >= len(swaps)
        ):
            return
        i, j, ti, tj = next(iter(swaps.values()))
        text = unit.text(lang)
        other = next(iter(swaps))
        their_text = unit.text(other)
        theirs = [q for q in read[other] if q.part == sides[other]]
        anchored = _anchored(text, mine, their_text, theirs, swaps[other])
        if anchored is False:
            return  # a word that stands by a number moved with it: "(ISO/IEC 10646)"
        if anchored is None and (
            (mine[i].compound and mine[j].compound)  # "in 8-bit operand, 16-bit relocation"
            or _condition_first(their_text, theirs[ti], theirs[tj], text, mine[i])
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
        said = ", ".join(f"{o} says {_shortened(t)}" for o, t in evidence.items())
        yield self.flag(
            unit,
            lang,
            a.start,
            b.end,
            f"{render(a.kind, a.value, lang)} and {render(b.kind, b.value, lang)} "
            f"swapped — {said}" + (f" → {_shortened(expected)}" if expected else ""),
            evidence=evidence,
            expected=expected,
        )


def _named_units(
    document: Document, unit: Unit, lang: str, read: Iterable[_Quantity]
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


def _kept(values: list[str], theirs: list[str]) -> list[int] | None:
    """The indices of ``values`` that say ``theirs``: all of them when both hold the same
    numbers; when this version adds numbers of other values to three or more the others
    have ("0, 1, 2 или 3" for "1, 2, or 3"), the rest. None when the numbers differ
    otherwise (a value said more often here cannot be told from its extra copies)."""
    if sorted(values) == sorted(theirs):
        return list(range(len(values)))
    said = set(theirs)
    kept = [k for k, value in enumerate(values) if value in said]
    if len(theirs) < 3 or sorted(values[k] for k in kept) != sorted(theirs):
        return None
    return kept


def _shortened(span: str, limit: int = 40) -> str:
    """A long span between two numbers, its middle left out for the message."""
    if len(span) <= limit and "\n" not in span:
        return span
    head, tail = span[:12].split("\n")[0], span[-12:].split("\n")[-1]
    return f"{head} … {tail}"


def _anchored(
    text: str,
    mine: list[_Quantity],
    their_text: str,
    theirs: list[_Quantity],
    pair: tuple[int, int, int, int],
) -> bool | None:
    """What the anchors of the swapped ``pair`` (my two indices, then theirs) say: the
    option a number's line starts with ("-m31"), the Latin word before it ("s = 7-bit")
    or after its compound ("64-bit FPU"), each unique in both texts. True when one stayed
    where it was while the number beside it changed (no adjective moved with its noun);
    False when one moved with its number (the words were reordered); None without any."""
    my_keys = [_anchors(text, q) for q in mine]
    their_keys = [_anchors(their_text, q) for q in theirs]
    mine_pair, their_pair = pair[:2], pair[2:]
    for place, t in enumerate(their_pair):
        for key in their_keys[t]:
            holders = [k for k, keys in enumerate(my_keys) if key in keys]
            if len(holders) != 1 or sum(key in keys for keys in their_keys) != 1:
                continue
            if holders[0] == mine_pair[place]:
                return True
            if holders[0] == mine_pair[1 - place]:
                return False
    return None


_SENTENCE_END = re.compile(r"[。；;！？!?]|[.:：](?=\s)")
_IF = re.compile(r"\b(?:if|when|unless)\b", re.IGNORECASE)
_CONDITION = re.compile(r"如果|若|当|假如|если|когда|егер|\bif\b|\bwhen\b", re.IGNORECASE)


def _condition_first(
    their_text: str, a: _Quantity, b: _Quantity, text: str, first: _Quantity
) -> bool:
    """Whether the others say "returns 1 if X is 0" and this version puts the condition
    first ("如果 X 为 0，则返回 1", "если X равно 0, возвращается 1"): the numbers go with
    their clauses."""
    if not _IF.search(their_text, a.fact.end, b.fact.start):
        return False
    start = first.fact.start
    sentence = max((m.end() for m in _SENTENCE_END.finditer(text, 0, start)), default=0)
    return _CONDITION.search(text, sentence, start) is not None


_COMPOUND_TAIL = re.compile(r"[-‐ ]?[^\W\d_]*")  # "-bit", "-битный", " bit"
_LATIN_WORD = re.compile(r"[A-Za-z][\w{},.+-]*")


def _anchors(text: str, quantity: _Quantity) -> set[tuple[str, str]]:
    """What a number stands by that a translation keeps as it is: its line's option, the
    Latin word right before it ("s = 7"), the Latin word after it and its compound tail
    ("32-bit CPU")."""
    start, end = quantity.fact.start, quantity.fact.end
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    found = set()
    words = line.split()
    if "\n" in text.strip() and words and words[0].startswith("-"):
        found.add(("line", words[0]))
    before = text[line_start:start]
    kept = before.rstrip(" =:(")
    if kept and len(before) - len(kept) <= 3 and kept.split()[-1].isascii():
        word = kept.split()[-1]
        if any(ch.isalpha() for ch in word):
            found.add(("before", word))
    tail = _COMPOUND_TAIL.match(text, end)
    after = _LATIN_WORD.match(text, tail.end() + 1) if tail.end() < len(text) else None
    if after is not None and text[tail.end()] == " ":
        found.add(("after", after.group()))
    return found


def _fewer_negatives(mine: list[_Quantity], theirs: list[_Quantity]) -> bool:
    """The value as often on both sides, negative more often in ``theirs`` ("0=no, 1=yes,
    -1=default" translated "0=нет, 1=да, 1=исходное")."""
    return len(mine) == len(theirs) and sum(q.negative for q in mine) < sum(
        q.negative for q in theirs
    )


def _lost_sign(mine: list[_Quantity], theirs: list[_Quantity]) -> _Quantity:
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


def _signed_text(text: str, quantity: _Quantity) -> str:
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
