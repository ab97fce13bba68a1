"""``number``: numbers, dates, ordinals and section numbers that the row's versions disagree on.

Facts come from ``aligner.facts`` with values that compare equal across scripts ("20th",
"第二十次", "XX" -> 20). For each version, its facts are matched one to one with each other
version's: equal values first (a year matches a date in that year, "May 17" matches "17 May
2023"), then small numbers in words absorb equal numbers nearby (they often have no
counterpart: "two sides" / 双方). What stays unmatched in most other versions is suspect;
adjacent suspects form one spot ("May 2023 to 5, 17"), paired with what the others have left
at about the same place. When those agree, the flag is an error and suggests their value in
this version's own writing ("16–17 May 2023"); when they disagree, or have nothing there, it
is a warning. A fact the others agree on and this version lacks is reported where a leftover
placeholder stands ("the past <> years" -> 10), at the paragraph start for a section number,
where its place stands empty ("~подписей" for "0~signatures", "99::59", "和 GB" for "and 1
GB", "[-1, ]" for "[-1, 1]": an error; ``number_holes``), else near its place. A catalog msgstr may say once what msgid says twice;
not where the number's place stands empty, nor when it says every other repeated number as
often as msgid. Malformed facts are reported with no other version needed: an ordinal
suffix that does not fit ("2023th"), a day the month lacks, a year where a section belongs.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..facts import Fact, date_problem, render, suffix_problem, year_as_section
from ..facts.numbers import family, implied_counts, implied_values
from ..facts.units import scale_word_in, scaled
from ..flags import Flag
from .base import Check, Document, Unit, register
from .digits import (
    absorbed,
    all_digits,
    ascii_digits,
    code_flags,
    digits_of,
    free_runs,
    listing,
    lost_digits,
    without_substituted,
)
from .number_holes import empty_place
from .plural_numbers import lost_in_forms

NUMERIC = frozenset({"number", "ordinal", "percent", "range", "date", "section"})
_NEAR = 0.2  # relative distance within which a number word absorbs an equal number
_NEAR_CATALOG = 0.5  # catalog messages are short and word order moves words far
_SHORT_MESSAGE = 200  # characters: longer messages (help texts) keep _NEAR
_MAX_PAIR = 0.6  # relative distance beyond which leftovers are not paired
_GAP = re.compile(r"^[\s,\-–—/~]*(?:to|till|до|по|и|and|және|мен|至|到|—|–)?[\s,\-–—/~]*$")
# printf argument numbers ("%2$s", "%2$.*1$s", "%3$m"): an argument's place, not a number
_ARGUMENT = re.compile(r"(?<=[%*])\d+\$")
# a catalog message that is a setting, not text ("calendar:week_start:0", "default:LTR"):
# the translation rightly says something else (the translators' credits are never checked:
# ``CatalogEntry.credits``)
_SETTING = re.compile(r"[a-z][\w-]*(?::[\w-]+)+")
# languages whose number words the facts read (a number written in words elsewhere is unseen)
_WORD_LANGS = frozenset({"en", "ru", "kk", "zh"})
_NUMBER_TOKEN = re.compile(r"[0-9][0-9.,:\-/]*[0-9]")


@dataclass
class _Run:
    """Adjacent facts of one version that stand together ("May 2023 to 5, 17")."""

    facts: list[Fact]
    position: float
    paired: dict[str, _Run] = field(default_factory=dict)

    @property
    def start(self) -> int:
        return self.facts[0].start

    @property
    def end(self) -> int:
        return self.facts[-1].end

    @property
    def weak(self) -> bool:
        return all(f.weak for f in self.facts)

    @property
    def kind(self) -> str:
        return _class(self.facts[0])

    def values(self) -> tuple[tuple[str, str], ...]:
        return tuple((f.kind, f.value) for f in self.facts)


def _class(fact: Fact) -> str:
    if fact.kind in ("date", "range"):
        return "time"
    if fact.kind == "percent":
        return "number"
    return fact.kind


def same_fact(a: Fact, b: Fact) -> bool:
    """Whether two facts say the same thing. A year does not match a date in that year, nor
    "May 17" "17 May 2023": a version that drops part of a date has lost something."""
    if a.value == b.value:
        if a.kind == b.kind or {a.kind, b.kind} <= {"number", "percent"}:
            return True
        small = a.value.isdigit() and int(a.value) < 1000
        return small and {a.kind, b.kind} == {"number", "ordinal"}
    return False


def _position(fact: Fact, length: int) -> float:
    return fact.start / length if length else 0.0


def _date_numbers(value: str, theirs: list[Fact], matched: set[int]) -> list[int] | None:
    """Indices of three numbers in a row of ``theirs`` that write the date ``value``
    ("2009-11-01") as day, month and year, or month, day and year."""
    parts = value.split("-")
    if len(parts) != 3 or not all(p.isdigit() for p in parts):
        return None
    year, month, day = (str(int(p)) for p in parts)
    for j in range(len(theirs) - 2):
        trio = theirs[j : j + 3]
        if any(k in matched for k in range(j, j + 3)) or any(f.kind != "number" for f in trio):
            continue
        if [f.value for f in trio] in ([day, month, year], [month, day, year]):
            return [j, j + 1, j + 2]
    return None


def _match(
    mine: list[Fact],
    theirs: list[Fact],
    my_len: int,
    their_len: int,
    matched_mine: set[int],
    matched_theirs: set[int],
    near: float = _NEAR,
    literal: tuple[set[int], set[int]] = (set(), set()),
) -> None:
    """One-to-one matching of equal facts, then number words absorbing equal numbers nearby.

    A range matches its two ends written as two numbers or ordinals ("2023-2024" / "2023 и
    2024", "第 1 到 9 个" / "first — ninth"); a date in numbers its day, month and year
    written as three numbers in a row, day and month in either order ("01.11.2009" for
    "11/01/2009": a date written the reader's way). ``literal``: the facts of each side
    written as literal digits (``_literals``), which no number word stands for."""
    for i, fact in enumerate(mine):
        if i in matched_mine:
            continue
        if fact.kind == "date" and fact.text[:1].isdigit():
            found = _date_numbers(fact.value, theirs, matched_theirs)
            if found:
                matched_mine.add(i)
                matched_theirs.update(found)
            continue
        if fact.kind != "range" or "/" in fact.value:
            continue
        ends = fact.value.split("-", 1)
        found = [
            next(
                (
                    j
                    for j, o in enumerate(theirs)
                    if j not in matched_theirs
                    and o.kind in ("number", "ordinal")
                    and o.value == end
                ),
                None,
            )
            for end in ends
        ]
        if len(ends) == 2 and None not in found and found[0] != found[1]:
            matched_mine.add(i)
            matched_theirs.update(found)
    # ordinals with ordinals ("第二" with "second", leaving the "2" beside it), digits with
    # digits, then number words with number words ("two" with "два", leaving the "2" beside
    # it to a digit), then the rest
    passes = (
        (False, False, True),
        (True, False, False),
        (False, True, False),
        (False, False, False),
    )
    for strong_only, weak_only, ordinal_only in passes:
        for i, fact in enumerate(mine):
            if i in matched_mine or (strong_only and fact.weak) or (weak_only and not fact.weak):
                continue
            if ordinal_only and fact.kind != "ordinal":
                continue
            best = None
            for j, other in enumerate(theirs):
                if (
                    j in matched_theirs
                    or (strong_only and other.weak)
                    or (weak_only and not other.weak)
                    or (ordinal_only and other.kind != "ordinal")
                    or not same_fact(fact, other)
                ):
                    continue
                if (other.weak and i in literal[0]) or (fact.weak and j in literal[1]):
                    continue  # '1' in quotes is not the "一" of 一个 ("a")
                distance = abs(_position(fact, my_len) - _position(other, their_len))
                if not strong_only and distance > near:
                    continue
                rank = (fact.kind != other.kind, distance)
                if best is None or rank < best[0]:
                    best = (rank, j)
            if best is not None:
                matched_mine.add(i)
                matched_theirs.add(best[1])
    if (
        len(mine) == 1
        and len(theirs) == 1
        and not matched_mine
        and not matched_theirs
        and same_fact(mine[0], theirs[0])
        and mine[0].weak != theirs[0].weak
        and (mine[0] if mine[0].weak else theirs[0]).text.isascii()
        and not (mine[0].weak and 0 in literal[1])
        and not (theirs[0].weak and 0 in literal[0])
    ):
        # the one number of each text, of one value, an English word and digits: the same,
        # wherever the word order puts it ("less than one" / "小于 1"; not "一个", which
        # is as often "a")
        matched_mine.add(0)
        matched_theirs.add(0)


def _in_identifier(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is part of an option or identifier: a token of letters,
    digits, "-" and "_" around it that starts with "-" or "+" ("--first-line-number",
    "+FIRST_PAGE"), holds "_" or two hyphens ("first-day-of-week"). An English compound
    ("two-dimensional", "three-way") is a word: its number is translated ("两维")."""
    low, high = start, end
    while low > 0 and (text[low - 1].isalnum() or text[low - 1] in "-_"):
        low -= 1
    while high < len(text) and (text[high].isalnum() or text[high] in "-_"):
        high += 1
    token = text[low:high]
    return (
        token[0] in "-_"
        or text[low - 1 : low] == "+"
        or "_" in token
        or token.strip("-").count("-") >= 2
    )


_COUNT_BEFORE = re.compile(r"(?:%[-+#0-9.]*[a-zA-Z]{1,3}|\d)\s*$")


def _second_of_count(text: str, fact: Fact) -> bool:
    """Whether ``fact`` is the word "second" after a number or a printf argument ("%ld
    second", "1 second"): the unit the count is in, not the ordinal."""
    return (
        fact.kind == "ordinal"
        and fact.text.lower() == "second"
        and _COUNT_BEFORE.search(text, max(0, fact.start - 10), fact.start) is not None
    )


def _written_in_words(fact: Fact) -> bool:
    """A fact written in words ("two", "第二"): one of the words ``implied_counts`` counts."""
    return fact.weak or not any(ch.isdigit() for ch in fact.text)


def _carried(mine, matched, literal, their_text, their_lang, theirs, their_matched) -> set[int]:
    """The facts of ``mine`` left unmatched that a number word of the other text stands for:
    digits, as many of each value as the other text has such words less those of its own
    number facts (weak: written as words) already matched; number words, any."""
    carried = implied_counts(their_text, their_lang)
    words = dict(carried)
    for j in their_matched:
        fact = theirs[j]
        if _written_in_words(fact) and words.get(fact.value):
            words[fact.value] -= 1
    found = set()
    for i, fact in enumerate(mine):
        if i in matched or i in literal:
            continue
        if fact.weak:  # a number word may stand beside another ("the first one"): any,
            if words.get(fact.value):  # the word it translates first ("two" is 两, not "2")
                words[fact.value] -= 1
                found.add(i)
            elif fact.value in carried:
                found.add(i)
        elif words.get(fact.value):
            words[fact.value] -= 1
            found.add(i)
    return found


_QUOTES = frozenset("'\"`‘’“”«»")
_OPENERS, _CLOSERS = '`"“«', "'`\"”»"  # of a quoted command: `popd +1', "x 1", «x 1»


class _Literals(dict):
    """Each version's literal-digit facts (``_literals``), read when first asked for."""

    def __init__(self, facts: dict[str, list[Fact] | None], unit: Unit):
        super().__init__()
        self.facts, self.unit = facts, unit

    def __missing__(self, lang: str) -> set[int]:
        found = self[lang] = _literals(self.facts[lang] or [], self.unit.text(lang))
        return found


def _literals(facts: list[Fact], text: str) -> set[int]:
    """Facts written as literal digits: quoted ('1', `popd +1'), assigned (st_nlink=1),
    signed (+1, -0400), zero-padded (001), a manual section (chmod(1)) or an end of a ".."
    span (1..366). A translator keeps these as they are; a number word nearby ("一个", "a")
    is not them."""
    found = set()
    for i, fact in enumerate(facts):
        written, start, end = fact.text, fact.start, fact.end
        if fact.weak or not written[:1].isdigit():
            continue
        before = text[start - 1] if start else ""
        after = text[end] if end < len(text) else ""
        if (
            (before and after and before in _QUOTES and after in _QUOTES)
            or before == "="
            or (before and before in "+-" and (start < 2 or not text[start - 2].isdigit()))
            or (before == "(" and after == ")" and start > 1 and text[start - 2].isalpha())
            or (written[0] == "0" and len(written) > 1 and written[1].isdigit())
            or text[end : end + 2] == ".."
            or text[max(0, start - 2) : start] == ".."
            or _in_code_quotes(text, start, end)
        ):
            found.add(i)
    return found


def _in_code_quotes(text: str, start: int, end: int) -> bool:
    """Inside a short quotation on one line: `popd +1', "popd +1", «popd +1»."""
    before = text[max(0, start - 30) : start].rsplit("\n", 1)[-1]
    if not any(mark in before for mark in _OPENERS):
        return False
    after = text[end : end + 30].split("\n", 1)[0]
    return any(mark in after for mark in _CLOSERS)


def _runs(facts: list[Fact], indices: Iterable[int], text: str) -> list[_Run]:
    runs: list[_Run] = []
    for i in sorted(indices):
        fact = facts[i]
        if (
            runs
            and fact.kind != "section"
            and runs[-1].facts[-1].kind != "section"
            and _GAP.match(text[runs[-1].end : fact.start])
            and fact.start - runs[-1].end <= 5
        ):
            runs[-1].facts.append(fact)
        else:
            runs.append(_Run([fact], _position(fact, len(text))))
    return runs


def _pair(mine: list[_Run], theirs: list[_Run], lang: str) -> None:
    """Pair leftover runs by place and kind: what the other version has instead."""
    options = []
    mine_kinds = Counter(run.kind for run in mine)
    their_kinds = Counter(run.kind for run in theirs if not run.weak)
    for a in mine:
        for b in theirs:
            if (a.kind == "section") != (b.kind == "section"):
                continue
            distance = abs(a.position - b.position)
            alone = a.kind == b.kind and mine_kinds[a.kind] == 1 and their_kinds[b.kind] == 1
            if distance > _MAX_PAIR and not alone:
                continue  # far apart, unless each is the only one of its kind left
            options.append(
                (distance + (0 if a.kind == b.kind else 0.3) + 0.5 * b.weak, id(a), id(b), a, b)
            )
    used: set[int] = set()
    for _, _ida, idb, a, b in sorted(options, key=lambda o: o[:3]):
        if lang in a.paired or idb in used:
            continue
        a.paired[lang] = b
        used.add(idb)


def _render_run(run: _Run, lang: str, scale: bool = False) -> str:
    """The run's values as ``lang`` writes them; ``scale``: numbers with the scale words
    this version uses ("5 млн", "500万" rather than 5 000 000)."""
    written = []
    for kind, value in run.values():
        found = (
            scaled(value, family(lang), decimal_comma=family(lang) in ("ru", "kk"))
            if scale and kind == "number"
            else None
        )
        written.append(found or render(kind, value, lang))
    return " ".join(written)


@register
class NumberCheck(Check):
    name = "number"
    severity = "error"
    description = "numbers, dates, ordinals and section numbers the versions disagree on"
    local = True

    def run(self, document: Document) -> list[Flag]:
        flags: list[Flag] = []
        languages = document.languages
        for unit in document.units:
            if document.catalog and special_message(unit.text(document.source)):
                continue
            if document.catalog and len(unit.cells[document.source].parts) > 1:
                for lang in document.targets:
                    for start, end, number in lost_in_forms(unit, document, lang):
                        message = f"no {number} in this plural form — {document.source} {number}"
                        flags.append(self.flag(unit, lang, start, end, message))
            facts: dict[str, list[Fact] | None] = {}
            masked: dict[str, str] = {}
            free: dict[str, list] = {}
            signatures: dict[str, list] = {}
            slotted: set[str] = set()
            for lang in languages:
                text = unit.text(lang)
                if not text:
                    facts[lang] = None
                    continue
                masked[lang] = cleaned = without_arguments(document.masked(text))
                found = facts[lang] = self._facts(document, unit, lang, cleaned)
                free[lang] = runs = free_runs(cleaned, found)
                signatures[lang] = _signature(found, runs)
                if _slots(text, unit, document, lang):
                    slotted.add(lang)
            source = document.source
            if not document.catalog and source in masked:
                for lang in _copies(unit, masked, source):
                    # a copy of the source text says what the source says, read as the
                    # source's language ("Jan 2, 1970" left in English in a Russian page)
                    facts[lang], masked[lang] = facts[source], masked[source]
                    free[lang], signatures[lang] = free[source], signatures[source]
            present = list(masked)
            if (
                len({tuple(sig) for sig in signatures.values()}) <= 1
                and not slotted
                and not any(_malformed(f, lang) for lang in present for f in facts[lang])
            ):
                continue  # every version has the same strong facts: the usual case
            literals = _Literals(facts, unit)
            for lang in document.targets:
                if lang in present and (
                    lang in slotted or not _settled(lang, present, facts, signatures)
                ):
                    flags.extend(
                        self._compare(
                            unit, document, lang, facts, masked, free, signatures, literals
                        )
                    )
        return flags

    @staticmethod
    def _facts(document: Document, unit: Unit, lang: str, cleaned: str) -> list[Fact]:
        found = [f for f in document.facts(unit, lang) if f.kind in NUMERIC]
        if "$" in unit.text(lang):  # argument numbers blanked in ``cleaned``
            found = [f for f in found if not cleaned[f.start : f.end].isspace()]
        if document.catalog:
            # English "second", "third" in a UI string are as often time and parties as places
            found = [
                f._replace(weak=True)
                if f.kind == "ordinal" and not f.weak and f.text.isascii() and f.text.isalpha()
                else f
                for f in found
            ]
            if any(f.kind == "ordinal" and f.value == "2" for f in found):
                # "%ld second", "1 second": the unit of a count, no ordinal
                text = unit.text(lang)
                found = [f for f in found if not _second_of_count(text, f)]
        if document.catalog and found:
            # a number word inside an option or identifier ("--first-line-number",
            # "+FIRST_PAGE") is part of a name, which translations keep as it is
            text = unit.text(lang)
            found = [f for f in found if not (f.weak and _in_identifier(text, f.start, f.end))]
        if document.catalog and len(unit.cells[lang].parts) > 1:
            unique: dict[tuple[str, str], Fact] = {}
            for fact in found:  # plural forms repeat their numbers; compare values only
                unique.setdefault((fact.kind, fact.value), fact)
            found = sorted(unique.values(), key=lambda f: f.start)
        return found

    def _compare_facts(
        self,
        unit: Unit,
        document: Document,
        lang: str,
        facts: dict[str, list[Fact] | None],
        masked: dict[str, str],
        free: dict[str, list],
        signatures: dict[str, list],
        literals: _Literals,
        explained: dict[str, Counter[str]],
    ) -> Iterable[Flag]:
        mine, text = facts[lang], unit.text(lang)
        others = [o for o in document.others(lang) if facts[o] is not None]
        unmatched: dict[str, set[int]] = {}
        leftovers: dict[str, list[_Run]] = {}
        # catalogs: numbers carried inside words (a docset's versions read each other's words)
        implied = {
            o: implied_values(masked[o], o) if document.catalog else frozenset()
            for o in (lang, *others)
        }
        for other in others:
            matched_mine: set[int] = set()
            matched_theirs: set[int] = set()
            near = (
                _NEAR_CATALOG
                if document.catalog and max(len(text), len(unit.text(other))) < _SHORT_MESSAGE
                else _NEAR
            )
            literal = (literals[lang], literals[other])
            _verbatim(mine, masked[lang], facts[other], masked[other], matched_mine, matched_theirs)
            _match(
                mine,
                facts[other],
                len(text),
                len(unit.text(other)),
                matched_mine,
                matched_theirs,
                near,
                literal,
            )
            _match(
                facts[other],
                mine,
                len(unit.text(other)),
                len(text),
                matched_theirs,
                matched_mine,
                near,
                literal[::-1],
            )
            # digits the other text has inside an identifier ("pkg1" for "软件包1")
            matched_mine |= absorbed(mine, set(range(len(mine))) - matched_mine, free[other])
            matched_theirs |= absorbed(
                facts[other], set(range(len(facts[other]))) - matched_theirs, free[lang]
            )
            # a number the other version carries inside a word ("3-way", "трехходовое")
            # (not a literal: '1' in quotes is no "одн" nearby), each such word once: a word
            # already matched as a number word ("два" for "two") stands for nothing more
            if implied[other]:
                matched_mine |= _carried(
                    mine,
                    matched_mine,
                    literal[0],
                    masked[other],
                    other,
                    facts[other],
                    matched_theirs,
                )
            if implied[lang]:
                matched_theirs |= _carried(
                    facts[other], matched_theirs, literal[1], masked[lang], lang, mine, matched_mine
                )
            unmatched[other] = {i for i in range(len(mine)) if i not in matched_mine}
            explained[other] = digits_of(facts[other], matched_theirs, masked[lang])
            rest = [j for j in range(len(facts[other])) if j not in matched_theirs]
            leftovers[other] = _runs(facts[other], rest, unit.text(other))
        majority = len(others) // 2 + 1
        suspects = [
            i
            for i, fact in enumerate(mine)
            if not fact.weak
            and others
            and sum(i in unmatched[o] for o in others) >= majority
            and not (
                document.catalog
                and fact.value in ("0", "1")
                and not any(leftovers[o] for o in others)
            )
        ]
        runs = _runs(mine, suspects, text)
        for other in others:
            _pair(
                [r for r in runs if any(mine.index(f) in unmatched[other] for f in r.facts)],
                leftovers[other],
                other,
            )
        # a number in words that no version has anything for is most often a word ("十六进制",
        # hexadecimal; "Екіншілік", secondary), not a lost number
        runs = [
            run
            for run in runs
            if run.paired or any(ch.isdigit() for f in run.facts for ch in f.text)
        ]
        reported: set[int] = set()
        for run in runs:
            reported.update(id(f) for f in run.facts)
            found = self._suspect(unit, lang, run, others, unmatched, mine)
            if found is not None:
                yield found
        for fact in mine:
            problem = _malformed(fact, lang)
            if problem and id(fact) not in reported:
                yield self.flag(unit, lang, fact.start, fact.end, f'"{fact.text}": {problem}')
        used = {id(theirs) for run in runs for theirs in run.paired.values()}
        yield from self._missing(unit, document, lang, others, leftovers, majority, used, explained)
        plural = document.catalog and any(len(cell.parts) > 1 for cell in unit.cells.values())
        values = {o: implied[o].union(f.value for f in facts[o]) for o in (lang, *others)}
        yield from code_flags(self, unit, lang, others, masked, free, majority, not plural, values)

    def _compare(self, unit: Unit, document: Document, lang: str, *args) -> Iterable[Flag]:
        """Every flag of ``lang`` in ``unit``; when the facts found nothing, digits the others
        have and this version lacks (what pofilter's numbers test compares) still count."""
        explained: dict[str, Counter[str]] = {}
        flags = list(self._compare_facts(unit, document, lang, *args, explained))
        said = " ".join(" ".join(f.evidence.values()) + " " + (f.expected or "") for f in flags)
        covered = all_digits(said)
        implied = implied_values(args[1][lang], lang) if document.catalog else frozenset()
        values = implied.union(f.value for f in args[0][lang])  # "三十二开" says 32k's 32
        plural = document.catalog and any(len(cell.parts) > 1 for cell in unit.cells.values())
        counted = without_substituted(lang, args[1], args[2])
        flags.extend(
            lost
            for lost in lost_digits(self, unit, lang, counted, explained, not plural)
            if not covered[lost.message.split(" ", 1)[0]]
            and (lost.message.split(" ", 1)[0].lstrip("0") or "0") not in values
            and not (plural and lost.message.startswith("1 "))  # the count, as in _missing
        )
        return flags

    def _suspect(
        self,
        unit: Unit,
        lang: str,
        run: _Run,
        others: list[str],
        unmatched: dict[str, set[int]],
        mine: list[Fact],
    ) -> Flag | None:
        text = unit.text(lang)[run.start : run.end]
        agree = [o for o in others if not any(mine.index(f) in unmatched[o] for f in run.facts)]
        evidence = {o: unit.text(o)[r.start : r.end] for o, r in run.paired.items()}
        said = ", ".join(f"{o} {t}" for o, t in evidence.items())
        absent = [o for o in others if o not in agree and o not in run.paired]
        scale = scale_word_in(text)  # "5 млрд" for "5 million": suggest "5 млн"
        values = Counter(
            _in_script(_render_run(r, lang, scale), unit.text(lang)) for r in run.paired.values()
        )
        problems = [p for p in (_malformed(f, lang) for f in run.facts) if p]
        note = f" ({'; '.join(problems)})" if problems else ""
        severity, expected = "warning", None
        if values:
            value, count = values.most_common(1)[0]
            weak = all(r.weak for r in run.paired.values())
            if len(values) == 1 and not agree and (count >= 2 or len(others) == 1):
                expected = value
                severity = "warning" if weak else "error"
                who = f"{listing(list(evidence))} all say {value}" if count >= 2 else f"→ {value}"
                message = f'"{text}" — {said}: {who}'
            elif count >= 2:
                expected = value
                message = f'"{text}" — {said}: most say {value}'
            else:
                message = f'"{text}" — {said}: the other versions disagree'
            if absent:
                message += f"; not in {listing(absent)}"
        elif agree:
            message = f'"{text}" — {listing(agree)} agree; not in {listing(absent)}'
        else:
            message = f'"{text}" — not in {listing(absent)}'
        if problems:
            severity = "error"
        elif expected is not None and expected == _in_script(
            _render_run(run, lang, scale), unit.text(lang)
        ):
            return None  # '«0»' for "Zero": the same number, written another way
        if expected is not None:
            expected = _after_preposition(unit.text(lang)[: run.start], expected, lang)
        return self.flag(
            unit,
            lang,
            run.start,
            run.end,
            message + note,
            severity=severity,
            evidence=evidence,
            expected=expected,
        )

    def _keeps_repeats(
        self, unit: Unit, document: Document, lang: str, other: str, values: tuple
    ) -> bool:
        """Whether ``lang`` says another number ``other`` repeats exactly as often ("exit
        status 0" three times in both): a translation that keeps repetitions has lost the
        one of ``values`` it says fewer times, rather than said it once for twice."""
        counts = {}
        for side in (lang, other):
            cleaned = without_arguments(document.masked(unit.text(side)))
            facts = self._facts(document, unit, side, cleaned)
            counts[side] = Counter((f.kind, f.value) for f in facts if not f.weak)
        return any(
            n >= 2 and counts[lang][fact] == n and fact not in values
            for fact, n in counts[other].items()
        )

    def _missing(
        self,
        unit: Unit,
        document: Document,
        lang: str,
        others: list[str],
        leftovers: dict[str, list[_Run]],
        majority: int,
        used: set[int],
        explained: dict[str, Counter[str]],
    ) -> Iterable[Flag]:
        """Facts most other versions have and this one lacks (their runs left unpaired);
        the digits of those excused are added to ``explained`` (no lost digits either)."""
        text = unit.text(lang)
        # msgid's forms make it plural: a one-form language (zh, kk) writes %d for its "1"
        plural = document.catalog and any(len(cell.parts) > 1 for cell in unit.cells.values())
        slots = _slots(text, unit, document, lang)
        groups: dict[tuple, list[tuple[str, _Run]]] = {}
        for other in others:
            for run in leftovers[other]:
                if id(run) in used:
                    continue
                if run.weak and not slots:
                    continue
                groups.setdefault(run.values(), []).append((other, run))
        mine = {
            (f.kind, f.value)
            for f in self._facts(document, unit, lang, without_arguments(document.masked(text)))
            if not f.weak
        }
        words = lang.split("-")[0].split("_")[0].lower() in _WORD_LANGS
        for values, found in sorted(groups.items(), key=lambda g: g[1][0][1].position):
            langs = [o for o, _ in found]
            if len(set(langs)) < majority or (plural and values == (("number", "1"),)):
                continue  # a plural's "1" is often written as a word or dropped
            hole = next(
                (
                    h
                    for o, r in found
                    if (h := empty_place(unit.text(o), r.start, r.end, text)) is not None
                ),
                None,
            )
            if (
                not slots
                and document.catalog
                and (
                    # said once, not twice; unless the number's place stands empty or
                    # this translation says every other repeated number as often
                    (
                        all(fact in mine for fact in values)
                        and hole is None
                        and not self._keeps_repeats(unit, document, lang, found[0][0], values)
                    )
                    or (not words and all(_in_words(kind, value) for kind, value in values))
                    or all(_dropped_aside(unit.text(o), r, text) for o, r in found)
                )
            ):
                for o, r in found:
                    explained[o].update(
                        ascii_digits(d) for f in r.facts for d in re.findall(r"\d+", f.text)
                    )
                continue
            evidence = {o: unit.text(o)[r.start : r.end] for o, r in found}
            said = ", ".join(f"{o} {t}" for o, t in evidence.items())
            expected = _in_script(
                " ".join(render(kind, value, lang) for kind, value in values), text
            )
            weak = all(r.weak for _, r in found)
            position = sum(r.position for _, r in found) / len(found)
            if slots:
                start, end = min(slots, key=lambda s: abs(s[0] / max(len(text), 1) - position))
                slots.remove((start, end))
                yield self.flag(
                    unit,
                    lang,
                    start,
                    end,
                    f'"{text[start:end]}" — {said} → {expected}',
                    evidence=evidence,
                    expected=expected,
                    severity="warning" if weak else "error",
                )
            elif weak:
                continue
            elif values[0][0] == "section":
                yield self.flag(
                    unit,
                    lang,
                    0,
                    0,
                    f"no section number — {said} → {expected}",
                    evidence=evidence,
                    expected=expected + ("" if lang == "zh" else " "),
                    severity="error" if len(found) >= 2 else "warning",
                )
            else:
                at = hole if hole is not None else _word_start(text, round(position * len(text)))
                yield self.flag(
                    unit,
                    lang,
                    at,
                    at,
                    f"no {expected} here — {said}",
                    evidence=evidence,
                    expected=expected,
                    severity="warning" if hole is None else "error",
                )


def _copies(unit: Unit, masked: dict[str, str], source: str) -> list[str]:
    """The versions whose text is exactly the source's (left untranslated)."""
    text = unit.text(source)
    return [lang for lang in masked if lang != source and unit.text(lang) == text]


def _settled(
    lang: str, present: list[str], facts: dict[str, list[Fact] | None], signatures: dict[str, list]
) -> bool:
    """Whether ``lang`` has nothing to report: most other versions have exactly its strong
    facts and code digits (so none of its facts is unmatched in most of them, and none of
    theirs is missing here) and it has no malformed fact. (A leftover placeholder is checked
    by the caller: weak facts of the others may belong there.)"""
    others = [o for o in present if o != lang]
    if not others:
        return False
    same = sum(signatures[o] == signatures[lang] for o in others)
    return same >= len(others) // 2 + 1 and not any(_malformed(f, lang) for f in facts[lang])


def _signature(facts: list[Fact], runs: list) -> list[tuple[str, str]]:
    """The strong facts and code digits: equal in every version means nothing to report
    (weak facts only matter where a placeholder stands in for them)."""
    return sorted(
        [(f.kind, f.value) for f in facts if not f.weak] + [("digits", run.digits) for run in runs]
    )


def _slots(text: str, unit: Unit, document: Document, lang: str) -> list[tuple[int, int]]:
    """Leftover placeholders of this version that the others do not have: where facts went."""
    found = document.placeholders(text)
    if not found:
        return []
    elsewhere = {
        token
        for other in document.others(lang)
        for _, _, token in document.placeholders(unit.text(other))
    }
    return [
        (start, end)
        for start, end, token in found
        if token not in elsewhere and not token.startswith("%")
    ]


def _word_start(text: str, at: int) -> int:
    at = max(0, min(at, len(text)))
    while 0 < at < len(text) and not text[at - 1].isspace():
        at -= 1
    return at


def _malformed(fact: Fact, lang: str) -> str | None:
    """What is wrong with a fact on its own: suffix, impossible date, year as section."""
    if fact.kind == "ordinal":
        return suffix_problem(fact, lang)
    if fact.kind in ("date", "range") and "-" in fact.value[1:]:
        return date_problem(fact.value)
    if fact.kind == "section" and year_as_section(fact):
        return "a year stands where a section number belongs"
    return None


def special_message(source: str) -> bool:
    """A catalog message whose translation is not its meaning: a setting."""
    stripped = source.strip()
    return len(stripped) < 60 and _SETTING.fullmatch(stripped) is not None


def without_arguments(text: str) -> str:
    """``text`` with printf argument numbers ("%2$", "*1$") blanked (same length)."""
    if "$" not in text:
        return text
    return _ARGUMENT.sub(lambda m: " " * len(m.group()), text)


def _verbatim(
    mine: list[Fact],
    text: str,
    theirs: list[Fact],
    their_text: str,
    matched_mine: set[int],
    matched_theirs: set[int],
) -> None:
    """Match facts inside a number token both texts write alike ("1,000,000", "[0,31]",
    "1-3,7,11", "15:30"): a translator who copies it keeps it, whatever the separators
    mean in the target language."""
    if not mine or not theirs:
        return
    text, their_text = ascii_digits(text), ascii_digits(their_text)
    for token in {m.group() for m in _NUMBER_TOKEN.finditer(text)}:
        if token.isdigit() or token not in their_text:
            continue
        spans = [
            (m.start(), m.end())
            for m in re.finditer(rf"(?<![\d.,]){re.escape(token)}(?![\d])", their_text)
        ]
        if not spans:
            continue
        mine_spans = [
            (m.start(), m.end())
            for m in re.finditer(rf"(?<![\d.,]){re.escape(token)}(?![\d])", text)
        ]
        for facts, matched, where in (
            (mine, matched_mine, mine_spans),
            (theirs, matched_theirs, spans),
        ):
            matched.update(
                i for i, f in enumerate(facts) if any(a <= f.start and f.end <= b for a, b in where)
            )


def _in_words(kind: str, value: str) -> bool:
    """Whether a version whose number words are not read may have written this in words
    (an ordinal, or a number up to twelve)."""
    return kind == "ordinal" or (value.isdigit() and int(value) <= 12)


def _dropped_aside(their_text: str, run: _Run, text: str) -> bool:
    """Whether the run stands in a parenthesis of the other text that this text has fewer
    of ("English, Middle (1100-1500)" / "中古英语"): the aside was left out, not the number."""
    before = their_text[: run.start]
    depth = before.count("(") - before.count(")")
    if depth <= 0:
        return False
    if depth == 1:  # in a top-level aside: dropped if this text has fewer of those
        return _top_level_asides(text) < _top_level_asides(their_text)
    return text.count("(") + text.count("（") < their_text.count("(")


def _top_level_asides(text: str) -> int:
    """How many parentheses ("(", "（") open outside any other: "(use a 0 (zero).)" is one."""
    count = depth = 0
    for ch in text:
        if ch in "(（":
            count += depth == 0
            depth += 1
        elif ch in ")）" and depth:
            depth -= 1
    return count


_RANGE_AFTER = {"from": " to ", "between": " and "}  # "from 16 to 17 May", not "from 16–17"


def _after_preposition(before: str, expected: str, lang: str) -> str:
    """``expected`` fitted to the words before the flagged span, which stay: an English range
    after "from" / "between" is written "16 to 17 May 2023" / "16 and 17 May 2023"."""
    if lang.split("-")[0].split("_")[0].lower() != "en" or expected.count("–") != 1:
        return expected
    words = before.split()
    joiner = _RANGE_AFTER.get(words[-1].lower()) if words and before[-1:].isspace() else None
    return expected.replace("–", joiner) if joiner else expected


def _in_script(expected: str | None, text: str) -> str | None:
    """A suggestion written with the digits ``text`` uses (Persian ۴۰۳, Devanagari ४०३)."""
    if expected is None or text.isascii():
        return expected
    for ch in text:  # decimal digits only: "²" is a digit without a zero to count from
        if ch.isdecimal() and not ch.isascii() and not "\uff10" <= ch <= "\uff19":
            zero = ord(ch) - int(ch)
            return "".join(chr(zero + int(c)) if c.isdecimal() else c for c in expected)
    return expected
