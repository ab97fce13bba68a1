"""Digits that are no number fact: inside codes and identifiers ("UTF-8", "pkg1", "ISO 8859-1").

The facts extractor reads numbers; digits glued to letters are codes and are copied verbatim
between languages, so a version whose code digits differ is wrong ("UTF-9" for "UTF-8") and
a number fact may stand where the other version writes the same digits inside an identifier
(zh "软件包1" for "pkg1"). Comparing these digit runs as strings is what pofilter's numbers
test does everywhere; doing it only where the facts have nothing to say keeps both benefits.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from ..facts import Fact
from ..facts.text import ASCII_DIGITS
from ..flags import Flag
from .base import Check, Unit

_DIGITS = re.compile(r"\d+")
_DIGIT = re.compile(r"\d")
_TOKEN_CHAR = re.compile(r"[\w.+\-]")
_NUMERONYM = re.compile(r"[a-z]#[a-z]")  # i18n, l10n, a11y, k8s: a word, not a number
_NUMERONYM_DIGITS = re.compile(r"(?<![\w-])[A-Za-z](\d+)[A-Za-z](?![\w-])")


@dataclass(frozen=True)
class DigitRun:
    """A run of digits at [start, end) that no numeric fact covers."""

    start: int
    end: int
    digits: str


def free_runs(text: str, numeric: list[Fact]) -> list[DigitRun]:
    """Digit runs of ``text`` outside every numeric fact (``numeric`` sorted by start)."""
    first = _DIGIT.search(text)  # a lone \d is looked for at C speed, \d+ is not
    if first is None:
        return []
    runs: list[DigitRun] = []
    k, reach = 0, -1  # reach: the furthest end of the facts starting at or before a run
    for match in _DIGITS.finditer(text, first.start()):
        at = match.start()
        while k < len(numeric) and numeric[k].start <= at:
            reach = max(reach, numeric[k].end)
            k += 1
        if at >= reach:
            runs.append(DigitRun(at, match.end(), ascii_digits(match.group())))
    return runs


def ascii_digits(run: str) -> str:
    """A digit run in ASCII digits: "۴۰۳" (Persian), "४०३" (Devanagari), "４０３" -> "403"."""
    return run if run.isascii() else run.translate(ASCII_DIGITS)


@lru_cache(maxsize=8192)
def _digit_counts(text: str) -> dict[str, int]:
    found = _DIGITS.findall(text)
    if not text.isascii():
        found = [ascii_digits(run) for run in found]
    return dict(Counter(found))


def all_digits(text: str) -> Counter[str]:
    """Every digit run of ``text``, counted (a fresh Counter: callers spend it)."""
    return Counter(_digit_counts(text))


def absorbed(facts: list[Fact], unmatched: set[int], runs: list[DigitRun]) -> set[int]:
    """Facts written in digits whose digits the other text has inside a code or identifier."""
    available = Counter(run.digits for run in runs)
    found = set()
    for i in sorted(unmatched):
        digits = _DIGITS.findall(ascii_digits(facts[i].text))  # "1.3" in "pre-1.3": 1 and 3
        wanted = Counter(digits)
        if digits and all(available[d] >= n for d, n in wanted.items()):
            available.subtract(wanted)
            found.add(i)
    return found


def token_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The code or identifier around [start, end): "UTF-8", "GTKTEXTBUFFERCONTENTS-0001"."""
    while start > 0 and _TOKEN_CHAR.match(text[start - 1]):
        start -= 1
    while end < len(text) and _TOKEN_CHAR.match(text[end]):
        end += 1
    return start, end


def skeleton(token: str) -> str:
    """A code with its digits blanked: "utf-#" for "UTF-8"."""
    return _DIGITS.sub("#", token.strip(".-+")).lower()


def same_code(text: str, shape: str) -> str | None:
    """The first code in ``text`` shaped like ``shape`` (see ``skeleton``), or None."""
    for match in _DIGITS.finditer(text):
        start, end = token_span(text, match.start(), match.end())
        if skeleton(text[start:end]) == shape:
            return text[start:end].strip(".-+")
    return None


def digits_of(facts: list[Fact], matched: set[int], other_text: str) -> Counter[str]:
    """Digit runs of matched facts that the other text writes without those digits
    ("32" matched by "三十二", "10" by "десять")."""
    present = all_digits(other_text)
    found: Counter[str] = Counter()
    for j in matched:
        for digits in map(ascii_digits, _DIGITS.findall(facts[j].text)):
            if present[digits]:
                present[digits] -= 1
            else:
                found[digits] += 1
    return found


def lost_digits(
    check: Check,
    unit: Unit,
    lang: str,
    masked: dict[str, str],
    explained: dict[str, Counter[str]],
    counted: bool = True,
) -> Iterable[Flag]:
    """Digits most other versions have and this one lacks, with no fact to explain them.

    ``counted``: each occurrence needs one here; not so for plural forms, which repeat a
    message a number of times that differs between languages."""
    others = list(explained)
    mine = all_digits(masked[lang])
    lost: Counter[str] = Counter()
    for other in others:
        deficit = (
            all_digits(masked[other])
            - mine
            - explained[other]
            - Counter(_NUMERONYM_DIGITS.findall(masked[other]))
        )
        lost.update(d for d in deficit if counted or not mine[d])
    majority = len(others) // 2 + 1
    for digits in sorted(d for d, n in lost.items() if n >= majority):
        evidence = {o: digits for o in others if digits in all_digits(masked[o])}
        yield check.flag(
            unit,
            lang,
            0,
            0,
            f"{digits} is in {listing(list(evidence))} but not here",
            evidence=evidence,
            severity="warning",
        )


def code_flags(
    check: Check,
    unit: Unit,
    lang: str,
    others: list[str],
    masked: dict[str, str],
    free: dict[str, list],
    majority: int,
    counted: bool = True,
    values: dict[str, set[str]] | None = None,
) -> Iterable[Flag]:
    """Digits inside codes that the other versions do not have ("UTF-9" for "UTF-8").

    ``counted``: each occurrence needs one in the others; not so for plural forms, which
    repeat a message a number of times that differs between languages. ``values``: the
    numbers each version says in other ways ("two-phase" for "2PC", "一号" for "prc1")."""
    text = masked[lang]
    flagged: set[str] = set()
    digits = {o: all_digits(masked[o]) for o in others}
    said = values or {}
    # a code named in place of another ("GB18030" for "ISO-8859-15", a locale's own charset)
    # is another name, not other digits: no flag for either
    flagged |= _substituted(text, free[lang], [(masked[o], free[o]) for o in others])
    for run in free[lang]:
        value = run.digits.lstrip("0") or "0"
        missing_in = [
            o for o in others if not digits[o][run.digits] and value not in said.get(o, ())
        ]
        for o in others:
            if digits[o][run.digits] and counted:
                digits[o][run.digits] -= 1
        if len(missing_in) < majority:
            continue
        start, end = token_span(text, run.start, run.end)
        shape = skeleton(text[start:end])
        if shape in flagged:
            continue
        if _in_address(text, start, end) and not any(
            same_code(masked[o], shape) for o in missing_in
        ):
            continue  # an address the translator added ("<i18n-zh@googlegroups.com>")
        flagged.add(shape)
        yield _code_flag(check, unit, lang, start, end, shape, missing_in, masked)
    mine = all_digits(text)
    wanted: dict[str, list[str]] = {}
    for other in others:
        for run in free[other]:
            if mine[run.digits] or (run.digits.lstrip("0") or "0") in said.get(lang, ()):
                continue
            start, end = token_span(masked[other], run.start, run.end)
            wanted.setdefault(skeleton(masked[other][start:end]), []).append(other)
    for shape, langs in wanted.items():
        if shape in flagged or len(set(langs)) < majority or _NUMERONYM.fullmatch(shape):
            continue
        found = same_code(text, shape)
        if found:
            start = text.index(found)
            yield _code_flag(check, unit, lang, start, start + len(found), shape, langs, masked)
        else:
            codes = {o: same_code(masked[o], shape) for o in langs}
            said = ", ".join(f"{o} {c}" for o, c in codes.items() if c)
            yield check.flag(
                unit,
                lang,
                0,
                0,
                f"no {said.split(' ', 1)[-1]} here — {said}",
                evidence={o: c for o, c in codes.items() if c},
                severity="warning",
            )


_LETTERS = re.compile(r"[^\W\d_]+")


def _named_shapes(text: str, runs: list[DigitRun]) -> dict[str, set[str]]:
    """The shapes (``skeleton``) of the codes with letters that ``runs`` stand in, with
    the letters of each (lower case: "iso" of "ISO-8859-15")."""
    shapes: dict[str, set[str]] = {}
    for run in runs:
        start, end = token_span(text, run.start, run.end)
        shape = skeleton(text[start:end])
        letters = set(_LETTERS.findall(shape))
        if letters:
            shapes[shape] = letters
    return shapes


def _substituted(text: str, runs: list[DigitRun], others: list[tuple[str, list]]) -> set[str]:
    """The code shapes of a version and of the others where each has a named code the other
    lacks, whose letters the other text does not write at all: one name written in place
    of another ("GB18030" for "ISO-8859-15"). A changed code keeps its letters and changes
    digits ("UTF-9" for "UTF-8", "uint8" for "uint64"); a code with a digit lost may be
    glued to a word the other text has ("openssh.2p1" for "openssh 8.2p1")."""
    mine = _named_shapes(text, runs)
    if not mine or not others:
        return set()
    theirs: dict[str, set[str]] = {}
    for other, other_runs in others:
        theirs.update(_named_shapes(other, other_runs))
    my_words = set(_LETTERS.findall(text.lower()))
    their_words = set().union(*(_LETTERS.findall(t.lower()) for t, _ in others))
    only_mine = {s for s, letters in mine.items() if s not in theirs and not letters & their_words}
    only_theirs = {s for s, letters in theirs.items() if s not in mine and not letters & my_words}
    return only_mine | only_theirs if only_mine and only_theirs else set()


def without_substituted(lang: str, masked: dict[str, str], free: dict[str, list]) -> dict[str, str]:
    """``masked`` with the codes named in place of one another (``_substituted``) blanked in
    every version, for counting the other digits: "пакет1" for "pkg1" holds no digit of
    msgid's "dpkg(1)"."""
    others = [o for o in masked if o != lang]
    shapes = _substituted(masked[lang], free[lang], [(masked[o], free[o]) for o in others])
    if not shapes:
        return masked
    blanked = {}
    for o, text in masked.items():
        for run in free.get(o, ()):
            start, end = token_span(text, run.start, run.end)
            if skeleton(text[start:end]) in shapes:
                text = text[:start] + " " * (end - start) + text[end:]
        blanked[o] = text
    return blanked


def _code_flag(
    check: Check,
    unit: Unit,
    lang: str,
    start: int,
    end: int,
    shape: str,
    others: list[str],
    masked: dict[str, str],
) -> Flag:
    mine = masked[lang][start:end]
    codes = {o: same_code(masked[o], shape) for o in others}
    evidence = {o: c for o, c in codes.items() if c}
    values = set(evidence.values())
    if len(values) == 1 and len(evidence) == len(others):
        value = values.pop()
        return check.flag(
            unit,
            lang,
            start,
            end,
            f'"{mine}" — {", ".join(f"{o} {c}" for o, c in evidence.items())} → {value}',
            evidence=evidence,
            expected=value,
        )
    return check.flag(
        unit,
        lang,
        start,
        end,
        f'"{mine}": its digits are not in {listing(others)}',
        evidence=evidence,
        severity="warning",
    )


def _in_address(text: str, start: int, end: int) -> bool:
    """Whether [start, end) is inside an e-mail address or a URL."""
    left = max(text.rfind(" ", 0, start), text.rfind("\n", 0, start), text.rfind("<", 0, start))
    right = min(
        (i for i in (text.find(" ", end), text.find("\n", end), text.find(">", end)) if i >= 0),
        default=len(text),
    )
    word = text[left + 1 : right]
    return "@" in word or "://" in word or word.startswith("www.")


def listing(langs: list[str]) -> str:
    """``zh``, ``zh and ru``, ``zh, kk and ru``."""
    return langs[0] if len(langs) == 1 else ", ".join(langs[:-1]) + " and " + langs[-1]
