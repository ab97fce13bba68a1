"""``placeholder``: printf conversions in catalogs, template debris (``<>``, ``@@``, ``###``).

In a catalog msgstr is handed the same arguments as msgid, so its conversions are compared as
arguments, the way printf consumes them: a numbered ``%3$s`` where msgid has two arguments, a
``%d`` where msgid passes a string, conversions reordered without numbers, one dropped or
added all break the program. Numbered conversions may come in any order; width, precision and
flags may change (a column wider for longer words). The entry's format flags say which
syntax applies (``c-format``, ``python-format``, ``qt-format``, ``no-c-format``); MO files
lose them, so the syntax is then inferred, and a strftime template (``%H:%M``) is no printf.
Named variables (``{name}``, ``${VAR}``) are the ``variable`` check's.

In a document such tokens are debris of a translation pipeline: one that the other versions
do not have is flagged.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from ..flags import Flag
from .base import Document, RowCheck, Unit, register
from .tokens import placeholders

_C_PRINTF = re.compile(
    r"%(?:(?P<pos>\d+)\$)?(?:\((?P<name>\w+)\))?(?P<flags>[-+ #0'I]*)"
    r"(?P<width>\*(?:\d+\$)?|\d+)?(?:\.(?P<prec>\*(?:\d+\$)?|\d*))?"
    r"(?P<len>hh|ll|I64|I32|[hlLqjzZt])?(?P<conv>[diouxXeEfFgGaAcsSpnr@%])"
)
_QT = re.compile(r"(?<!%)%L?(\d{1,2})(?![\d$])")
_GARBLED = re.compile(r"%([sdiu])\$(\d+)")  # "%s$2": a positional %2$s written backwards
# a strftime directive printf has no conversion for: %H, %M, %Y, %b, %-m ...
# (not h, j, l, L, q, t, z, I: printf's length modifiers; not m: glibc's strerror)
_STRFTIME = re.compile(r"(?<!%)%[-_0^#]?[bBHMPyYZTRDkVWU](?![a-z])")
_CLASSES = {
    **dict.fromkeys("di", "int"),
    **dict.fromkeys("ouxX", "unsigned"),
    **dict.fromkeys("eEfFgGaA", "double"),
    "c": "char",
    "s": "string",
    "S": "wide string",
    "p": "pointer",
    "n": "count",
    "@": "object",
    "r": "string",
}
_LENGTHS = {
    "hh": "char-sized ",
    "h": "short ",
    "l": "long ",
    "ll": "long long ",
    "q": "long long ",
    "I64": "long long ",
    "j": "intmax_t ",
    "z": "size_t ",
    "Z": "size_t ",
    "t": "ptrdiff_t ",
    "I32": "",
    "L": "long long ",
}
_C_FORMATS = {
    "c-format",
    "objc-format",
    "php-format",
    "gcc-internal-format",
    "gfc-internal-format",
    "awk-format",
    "object-pascal-format",
    "java-printf-format",
    "perl-format",
    "tcl-format",
    "ycp-format",
    "python-format",
}
_QT_FORMATS = {"qt-format", "kde-format", "qt-plural-format", "boost-format"}
# tokens of ``tokens.placeholders`` this check compares in a catalog: pipeline debris
_EMPTY_BRACE = re.compile(r"\{\d{0,2}\}")
_DEBRIS = re.compile(r"<\s*>|<<\s*>>|@@+|\[\[|#{3,}")
_NONE: Counter = Counter()  # msgid's debris when it has no placeholder at all (read only)


@dataclass(frozen=True)
class Conversion:
    """One printf conversion: where it stands, its explicit position or mapping key, and the
    argument classes it consumes (a ``*`` width takes an int before the value)."""

    start: int
    end: int
    text: str
    position: int | None
    name: str | None
    classes: tuple[str, ...]
    stars: tuple[int, ...] = ()  # the positions a numbered ``*N$`` width or precision takes


def conversions(
    text: str, flagged: bool = False, python: bool = False, source: Reading | None = None
) -> list[Conversion]:
    """The printf conversions of ``text`` (``%%`` excluded). Unless the entry is flagged as a
    format string, "100% sure", "%time" and "%-encoding" are text, not conversions; for a
    msgstr, ``source`` (msgid's reading) settles a doubtful one the way msgid had it."""
    return read_conversions(text, flagged, python, source).found


@dataclass
class Reading:
    """The conversions of one string and the texts of the tokens read as conversions
    (``kept``) or, being doubtful, as text (``skipped``)."""

    found: list[Conversion]
    kept: set[str]
    skipped: set[str]


def read_conversions(
    text: str, flagged: bool = False, python: bool = False, source: Reading | None = None
) -> Reading:
    """``conversions`` with the readings of its tokens, to read msgstr's the way msgid's."""
    reading = Reading([], set(), set())
    if "%" not in text:
        return reading
    for match in _C_PRINTF.finditer(text):
        conv = match.group("conv")
        if conv == "%" or (match.group("name") and not python) or (conv == "r" and not python):
            continue
        token = match.group()
        if not flagged:
            if source is not None and token in source.skipped:
                continue  # msgid has it as text
            if _doubtful(text, match) and (source is None or token not in source.kept):
                reading.skipped.add(token)
                continue
            reading.kept.add(token)
        length = _LENGTHS.get(match.group("len") or "", "")
        if _CLASSES[conv] == "double":
            length = "long " if match.group("len") == "L" else ""
        kind = f"{length}{_CLASSES[conv]}"
        classes = tuple(
            "int"
            for part in (match.group("width"), match.group("prec"))
            if part and part.startswith("*")
        ) + (kind,)
        position = int(match.group("pos")) if match.group("pos") else None
        stars = tuple(
            int(part[1:-1])
            for part in (match.group("width"), match.group("prec"))
            if part and part.startswith("*") and part.endswith("$")
        )
        reading.found.append(
            Conversion(
                match.start(), match.end(), token, position, match.group("name"), classes, stars
            )
        )
    return reading


def _doubtful(text: str, match: re.Match) -> bool:
    """Whether an unflagged conversion is more likely text: a space flag ("100% sure"), a
    flag or length glued to a word ("%-encoding", "%time"), a percentage before a word."""
    flags = match.group("flags")
    following = text[match.end() : match.end() + 1]
    if match.group("pos"):
        return False  # "%2$s" is no prose
    if " " in flags or ("'" in flags and match.group("pos") is None and match.group("conv") == "s"):
        return True
    if not ("a" <= following.lower() <= "z"):
        return False  # "%llu秒": Chinese writes conversions against the words
    if "'" in flags and match.group("conv") in "diufFeEgG":
        return False  # grouping digits is printf's alone: "%'dnd link" (2nd)
    if (flags or match.group("len")) and not match.group("width"):
        return True
    return bool(re.search(r"\d\s?$", text[max(0, match.start() - 2) : match.start()]))


def _arguments(found: list[Conversion]) -> dict[int, str] | None:
    """Argument position -> class, as printf reads them (None when numbered and unnumbered
    conversions are mixed, which printf does not allow)."""
    plain = [c for c in found if c.name is None]
    numbered = [c for c in plain if c.position is not None]
    if numbered and len(numbered) != len(plain):
        return None
    args: dict[int, str] = {}
    if numbered:
        for c in numbered:
            args.setdefault(c.position, c.classes[-1])
            for star in c.stars:
                args.setdefault(star, "int")
        return args
    for c in plain:
        for kind in c.classes:
            args[len(args) + 1] = kind
    return args


def _syntax(formats: tuple[str, ...], source: str) -> str | None:
    """Which conversion syntax the entry's strings use: "c", "python", "qt" or None."""
    if "python-format" in formats:
        return "python"
    if _C_FORMATS.intersection(formats):
        return "c"
    if _QT_FORMATS.intersection(formats):
        return "qt"
    if formats:
        return None  # no-c-format, python-brace-format, sh-format ...: no printf here
    if _STRFTIME.search(source):
        return None
    if "%(" in source and re.search(r"%\(\w+\)", source):
        return "python"
    if _QT.search(source) and not conversions(source):
        return "qt"
    return "c"


@register
class PlaceholderCheck(RowCheck):
    name = "placeholder"
    severity = "error"
    description = (
        "printf conversions that msgid does not pass (argument number or type, "
        "order, a dropped one) and leftover template tokens (<>, @@, ###)"
    )

    def document_unit(self, unit: Unit, document: Document) -> Iterable[Flag]:
        for lang in document.targets:
            text = unit.text(lang)
            found = document.placeholders(text)
            if not found:
                continue
            elsewhere: set[str] = set()
            for other in document.others(lang):
                elsewhere.update(
                    _key(token) for _, _, token in document.placeholders(unit.text(other))
                )
            for start, end, token in found:
                if _key(token) in elsewhere:
                    continue
                yield self.flag(
                    unit,
                    lang,
                    start,
                    end,
                    f'leftover placeholder "{token}" — the other versions have text here',
                )

    def catalog_unit(self, unit: Unit, document: Document) -> Iterable[Flag]:
        source_cell = unit.cells[document.source]
        # a language of one plural form (zh: nplurals=1) writes it for every number: its
        # form must say the count, as a single message does
        plural = len(source_cell.parts) > 1 and document.plural_forms != 1
        source = source_cell.text
        # msgid without a conversion may still be printf's format: a "%s" added reads an
        # argument that is not passed
        syntax = (
            _syntax(document.formats.get(unit.entry, ()), source)
            if "%" in source
            else (
                None
                if document.formats.get(unit.entry)
                and not _C_FORMATS.intersection(document.formats.get(unit.entry))
                else "c"
            )
        )
        flagged = bool(document.formats.get(unit.entry))
        forms = [source[a:b] for a, b in source_cell.part_spans()]
        if syntax in ("c", "python"):
            python = syntax == "python"
            readings = [read_conversions(form, flagged, python) for form in forms]
            # msgid_plural when "One file" / "%d files"
            reading = max(readings, key=lambda r: len(r.found))
            for other in readings:
                reading.kept.update(other.kept)
                reading.skipped.update(other.skipped - reading.kept)
            reference = reading.found
            names = Counter(c.name for r in readings for c in r.found if c.name)
        # "&lt; &gt;" is the key "< >" of a markup string
        tokens = document.placeholders(source) if "&" not in source else None
        if tokens is None:
            tokens = placeholders(_unescaped(source))
        debris = Counter(_key(t) for _, _, t in tokens if _DEBRIS.match(t)) if tokens else _NONE
        for lang in document.targets:
            cell = unit.cells[lang]
            for cell_start, cell_end in cell.part_spans():
                text = cell.text[cell_start:cell_end]
                if syntax in ("c", "python"):
                    found = conversions(text, flagged, python, reading)
                    problems = _compare(reference, found, names, text, plural)
                    for start, end, message, expected in problems:
                        yield self.flag(
                            unit,
                            lang,
                            cell_start + start,
                            cell_start + end,
                            message,
                            evidence={document.source: source},
                            expected=expected,
                        )
                    for match in _GARBLED.finditer(text):
                        fixed = f"%{match.group(2)}${match.group(1)}"
                        yield self.flag(
                            unit,
                            lang,
                            cell_start + match.start(),
                            cell_start + match.end(),
                            f'"{match.group()}" is a garbled positional '
                            f"conversion: printf reads %{match.group(1)} and "
                            f'prints "${match.group(2)}"',
                            evidence={document.source: source},
                            expected=fixed,
                        )
                elif syntax == "qt":
                    yield from self._qt(unit, lang, document, source, text, cell_start, plural)
                yield from self._debris(unit, lang, document, debris, text, cell_start, plural)

    def _qt(
        self,
        unit: Unit,
        lang: str,
        document: Document,
        source: str,
        text: str,
        offset: int,
        plural: bool,
    ) -> Iterable[Flag]:
        wanted = {int(m.group(1)) for m in _QT.finditer(source)}
        seen = set()
        for match in _QT.finditer(text):
            number = int(match.group(1))
            seen.add(number)
            if number not in wanted:
                yield self.flag(
                    unit,
                    lang,
                    offset + match.start(),
                    offset + match.end(),
                    f"msgstr uses %{number}; msgid has "
                    f"{', '.join(f'%{n}' for n in sorted(wanted))}",
                    evidence={document.source: source},
                )
        missing = sorted(wanted - seen)
        if missing and not plural:
            shown = " ".join(f"%{n}" for n in missing)
            yield self.flag(
                unit,
                lang,
                offset,
                offset,
                f"msgstr lacks {shown} from msgid",
                evidence={document.source: source},
                expected=shown,
            )

    def _debris(
        self,
        unit: Unit,
        lang: str,
        document: Document,
        wanted: Counter,
        text: str,
        offset: int,
        plural: bool,
    ) -> Iterable[Flag]:
        # "{0}" or "{}" where msgid has no brace at all is debris; with braces in msgid
        # they are the ``variable`` check's
        tokens = document.placeholders(text) if "&" not in text else placeholders(_unescaped(text))
        if not tokens and not wanted:
            return
        brace = "{" not in unit.text(document.source)
        found = [
            (s, e, t)
            for s, e, t in tokens
            if _DEBRIS.match(t) or (brace and _EMPTY_BRACE.fullmatch(t))
        ]
        counts = Counter(_key(t) for _, _, t in found)
        for start, end, token in found:
            if _key(token) not in wanted:
                yield self.flag(
                    unit,
                    lang,
                    offset + start,
                    offset + end,
                    f'placeholder "{token}" is not in msgid',
                    evidence={document.source: unit.text(document.source)},
                )
        missing = [t for t, n in wanted.items() if counts[t] < n]
        if missing and not plural:
            yield self.flag(
                unit,
                lang,
                offset,
                offset,
                f"msgstr lacks {', '.join(missing)} from msgid",
                evidence={document.source: unit.text(document.source)},
                expected=" ".join(missing),
            )


def _unescaped(text: str) -> str:
    """``text`` with "&lt;" and "&gt;" read as the brackets they are (same length, so the
    spans of what is found stay in place)."""
    if "&" not in text:
        return text
    return text.replace("&lt;", "<   ").replace("&gt;", ">   ")


def _compare(
    reference: list[Conversion], found: list[Conversion], names: Counter, text: str, plural: bool
) -> list[tuple[int, int, str, str | None]]:
    """(start, end, message, expected) for every way ``found`` (msgstr) takes other
    arguments than ``reference`` (msgid)."""
    problems: list[tuple[int, int, str, str | None]] = []
    for c in found:
        if c.name is not None and c.name not in names:
            problems.append(
                (c.start, c.end, f'"{c.text}" names %({c.name}), which msgid does not pass', None)
            )
    named = {c.name for c in found if c.name}
    if not plural:
        for name in names:
            if name not in named:
                sample = (
                    next(c.text for c in reference if c.name == name)
                    if any(c.name == name for c in reference)
                    else f"%({name})s"
                )
                problems.append((0, 0, f"msgstr lacks {sample} from msgid", sample))
    wanted = _arguments(reference)
    got = _arguments(found)
    if wanted is None:
        return problems
    if got is None:
        first = next(c for c in found if c.name is None)
        problems.append(
            (
                first.start,
                first.end,
                "msgstr mixes numbered (%1$s) and plain "
                "(%s) conversions: printf takes one kind or the other",
                None,
            )
        )
        return problems
    if not wanted and not got:
        return problems
    plain_target = all(c.position is None for c in found)
    count = len(wanted)
    shown = _shown(reference)
    mismatched = [p for p in got if p in wanted and got[p] != wanted[p]]
    if mismatched and plain_target and sorted(got.values()) == sorted(wanted.values()):
        fixed = _renumbered(found, wanted, text)
        first = next(c for c in found if c.name is None)
        problems.append(
            (
                first.start,
                found[-1].end,
                f"conversions in another order than msgid's ({shown}): printf "
                "hands the arguments in msgid's order; number them to reorder",
                fixed,
            )
        )
        return problems
    for c in found:
        if c.name is not None:
            continue
        position = c.position
        if position is None:
            position = sum(len(x.classes) for x in found[: found.index(c)] if x.name is None) + len(
                c.classes
            )
        if position > count:
            message = (
                f"msgstr uses {c.text} but msgid has {count} argument"
                f"{'s' if count != 1 else ''} ({shown})"
                if c.position is not None
                else f"{c.text} is one conversion more than msgid has ({shown})"
            )
            problems.append((c.start, c.end, message, None))
        elif c.classes[-1] != wanted[position]:
            want = _sample(reference, position)
            expected = _with_position(want, c.position) if want else None
            problems.append(
                (
                    c.start,
                    c.end,
                    f"{c.text} takes {_a(c.classes[-1])} where msgid passes "
                    f"{_a(wanted[position])} (argument {position}: {want})",
                    expected,
                )
            )
    if not plural:  # a plural form may spell its number out ("one file")
        for position in sorted(set(wanted) - set(got)):
            sample = _sample(reference, position) or "%s"
            problems.append(
                (0, 0, f"msgstr lacks {sample} (argument {position} of {count}) from msgid", sample)
            )
    return problems


def _a(kind: str) -> str:
    return f"an {kind}" if kind[0] in "aeiou" else f"a {kind}"


def _shown(found: list[Conversion]) -> str:
    return " ".join(c.text for c in found) or "none"


def _sample(found: list[Conversion], position: int) -> str | None:
    """The conversion of msgid that passes argument ``position``."""
    index = 0
    for c in found:
        if c.name is not None:
            continue
        if c.position is not None:
            if c.position == position:
                return c.text
            continue
        index += len(c.classes)
        if index == position:
            return c.text
    return None


def _with_position(conversion: str, position: int | None) -> str:
    """``conversion`` (msgid's) numbered as msgstr numbers it."""
    plain = re.sub(r"^%\d+\$", "%", conversion)
    return plain if position is None else f"%{position}${plain[1:]}"


def _renumbered(found: list[Conversion], wanted: dict[int, str], text: str) -> str | None:
    """msgstr with each conversion numbered by the msgid argument of its class, when every
    class's arguments can be told apart (each class once, or in msgid's order)."""
    if any(len(c.classes) > 1 or c.name for c in found):
        return None
    free = {kind: [p for p, k in sorted(wanted.items()) if k == kind] for kind in wanted.values()}
    pieces, last = [], 0
    for c in found:
        positions = free.get(c.classes[-1])
        if not positions:
            return None
        pieces.append(text[last : c.start])
        pieces.append(f"%{positions.pop(0)}${c.text[1:]}")
        last = c.end
    pieces.append(text[last:])
    return "".join(pieces)


def _key(token: str) -> str:
    """Compare printf conversions without their position: ``%1$s`` and ``%s`` are one kind."""
    if token.startswith("%"):
        return re.sub(r"^%\d+\$", "%", token)
    return re.sub(r"\s+", "", token)
