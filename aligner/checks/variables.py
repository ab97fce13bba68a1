"""``variable``: named variables a program fills in: ``{name}``, ``{0}``, ``{{var}}``,
``${VAR}``, ``$(VAR)``, ``$VAR``, ``$file$``, ``#file#``, ``@license_code@``, ``%PROGRAMNAME%``.

The program looks each one up by its name, so msgstr must keep every name of msgid as it is:
one dropped, misspelt or translated leaves a hole or a crash (KeyError). A misspelt and a
translated name are one flag each, with msgid's name as the fix. Shapes that are text are
left alone: "#1", "$5", "100%", "{dis}able", usage notation such as "{script-only}", and
brace expansions "{a,b}". An extra variable is flagged only where msgid uses that kind.
printf conversions are the ``placeholder`` check's, entities (``&brandShortName;``) the
``markup`` check's.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import cache

from ..flags import Flag
from .base import Document, RowCheck, Unit, register
from .segments import latin
from .tokens import PLACEHOLDER

# letters of scripts that put spaces between words: a variable glued to one is a word
# ("{dis}able"); Chinese and Japanese write variables against their words ("@GNUPG@の")
_W = r"A-Za-z0-9_\u00c0-\u024f\u0370-\u052f"
_NAME = r"[^\W\d]\w*"


# compiled for the first text with a character a variable begins with (``_QUICK``): its
# many classes of Latin, Greek and Cyrillic letters cost ~5 ms to compile
@cache
def _variable() -> re.Pattern[str]:
    return re.compile(
        rf"(?P<mustache>\{{\{{\s*{_NAME}(?:\.\w+)*\s*\}}\}})"
        rf"|(?P<brace>(?<![{_W}{{$])\{{(?:\d+|{_NAME})?(?:\.{_NAME}|\[\w+\])*(?:![rsa])?"
        rf"(?::[^{{}}\s]{{0,12}})?\}}(?![{_W}}}]))"
        rf"|(?P<shell>\$\{{{_NAME}\}}|\$\({_NAME}\))"
        rf"|(?P<dollars>(?<![{_W}$])\${_NAME}\$(?![{_W}$]))"
        rf"|(?P<dollar>(?<![{_W}$\\])\${_NAME}(?![\w$({{]))"
        rf"|(?P<hashes>(?<![{_W}#&])#{_NAME}#(?![{_W}#]))"
        rf"|(?P<ats>(?<![{_W}@])@{_NAME}@(?![{_W}@]))"
        rf"|(?P<percents>(?<![{_W}%])%[^\W\d]\w{{2,}}%(?![{_W}%]))"
    )


_PRINTF_LIKE = re.compile(r"%(?:hh|ll|[hlLqjzt])?[diouxXeEfFgGcsp]\w*%")
_UPPER = re.compile(r"%[A-Z][A-Z0-9_]*%")
_UPPER_NAME = re.compile(r"[A-Z][A-Z0-9_]*")
_QUICK = re.compile(r"[{$#@%]")
# a $ before a Latin letter, not printf's argument number ("%1$s": the placeholder check's)
_SIGIL = re.compile(r"(?<!%\d)(?<!%\d\d)\$(?=[A-Za-z])")
_FOREIGN_SIGIL = re.compile(r"\$[^\W\d_A-Za-z\u00c0-\u024f]\w*")
_KINDS = {
    "mustache": "{{name}}",
    "brace": "{name}",
    "shell": "${NAME}",
    "dollars": "$name$",
    "dollar": "$NAME",
    "hashes": "#name#",
    "ats": "@name@",
    "percents": "%NAME%",
}


def variables(text: str, lowercase: bool = False) -> list[tuple[int, int, str, str]]:
    """(start, end, token, kind) of every named variable in ``text``; ``lowercase``: a
    ``$name`` in lower case counts too (a catalog's msgid is program text: git's shell
    scripts fill in "$pretty_name" by eval_gettext)."""
    if not _QUICK.search(text):
        return []
    found = []
    printf = "%" in text and bool(re.search(r"%[-+#0]*\d*(?:\.\d+)?[sd]", text))
    for match in _variable().finditer(text):
        kind = match.lastgroup
        token = match.group()
        if kind == "percents" and (
            _PRINTF_LIKE.match(token) or (printf and not _UPPER.match(token))
        ):
            continue  # "%s%s%" or "%llu%%" is printf; "%name%" beside printf is unlikely
        if kind == "dollar":
            name = token[1:]
            if not lowercase and not (name[0].isupper() and name == name.upper()):
                continue  # "$line $filename" in a manual is prose; $HOME is a variable
        if kind in ("dollar", "shell") and not token.startswith("$("):
            kind = "shell"  # $HOME and ${HOME} are one variable
        found.append((match.start(), match.end(), token, kind))
    return found


def _name(token: str) -> str:
    return re.sub(r"[^\w.]", "", token)


def _key(token: str, kind: str) -> tuple[str, str]:
    """What the program looks up: ``$HOME`` and ``${HOME}`` are one variable."""
    return (_name(token) if kind == "shell" else token), kind


def _notation(text: str, variable: tuple[int, int, str, str]) -> bool:
    """Whether a variable's name also stands bare in ``text`` ("INTEGER ... {INTEGER}",
    "/REGEXP/ ... %REGEXP%"): a manual's notation, which translators translate."""
    start, end, token, _ = variable
    name = _name(token)
    if not name.isupper() or len(name) < 3:
        return False
    rest = text[:start] + " " * (end - start) + text[end:]
    return re.search(rf"(?<![\w{{$#@%]){re.escape(name)}(?![\w}}$#@%])", rest) is not None


def _slip_of(token: str, names: list[str]) -> bool:
    """Whether ``token`` is one of ``names`` with one letter changed, added or dropped; not
    one written in capitals ("$1...$N" for "$1...$n": a translator's notation)."""
    from rapidfuzz.distance import OSA  # deferred: start-up time

    low = token.lower()
    return any(
        low != name.lower() and OSA.distance(low, name.lower(), score_cutoff=1) <= 1
        for name in names
    )


def _translated(name: str) -> bool:
    return any(ord(ch) > 127 for ch in name)


@register
class VariableCheck(RowCheck):
    name = "variable"
    severity = "error"
    description = (
        "named variables ({name}, ${VAR}, $file$, #file#, @name@, %NAME%) "
        "dropped, misspelt or translated"
    )

    def catalog_unit(self, unit: Unit, document: Document) -> Iterable[Flag]:
        source_cell = unit.cells[document.source]
        source = source_cell.text
        formats = document.formats.get(unit.entry, ())
        # a lower-case "$name" is a variable where the entry is sh-format (git's shell
        # scripts: "$pretty_name"); without the flag (a .mo file) it may be a manual's prose
        # ("returns \"$line $filename\"", which French writes "$ligne $nomfichier"), so it
        # counts only when msgstr drops it with nothing in its place
        shell = "sh-format" in formats
        found_source = variables(source, lowercase=True)
        if not found_source and "$" in source:
            yield from self._sigils(unit, document, source)
        # msgid's notation ("${MAC}" beside "MAC address") is notation in msgstr too
        notation = {_key(v[2], v[3]) for v in found_source if _notation(source, v)}
        if notation:
            found_source = [v for v in found_source if _key(v[2], v[3]) not in notation]
        loose = [
            v
            for v in found_source
            if not shell
            and v[3] == "shell"
            and v[2][1] not in "{("
            and not _UPPER_NAME.fullmatch(v[2][1:])
        ]
        found_source = [v for v in found_source if v not in loose]
        if loose:
            yield from self._dropped(unit, document, source, loose)
        shown = {_key(token, kind): token for *_, token, kind in found_source}
        wanted = Counter(_key(token, kind) for *_, token, kind in found_source)
        if "python-brace-format" in formats:
            kinds = {"brace"} | {kind for _, kind in wanted}
        else:
            kinds = {kind for _, kind in wanted}
        if not kinds:
            return
        if "no-python-brace-format" in formats:
            kinds.discard("brace")
            wanted = Counter({key: n for key, n in wanted.items() if key[1] != "brace"})
        plural = len(source_cell.parts) > 1
        for lang in document.targets:
            cell = unit.cells[lang]
            for cell_start, cell_end in cell.part_spans():
                text = cell.text[cell_start:cell_end]
                found = [
                    v
                    for v in variables(text, lowercase=shell)
                    if v[3] in kinds and _key(v[2], v[3]) not in notation
                ]
                yield from self._compare(
                    unit, lang, document, source, wanted, shown, found, cell_start, plural
                )

    def _sigils(self, unit: Unit, document: Document, source: str) -> Iterable[Flag]:
        """``$`` codes glued to the text around them, which the patterns above take for
        prose ("%O$tNotify", "$t$1": hexchat's tab and arguments): a msgstr with fewer
        ``$`` before a Latin letter than msgid lacks one, and one before a letter of
        another script ("$имя") is a name translated, which no program knows."""
        wanted = len(_SIGIL.findall(source))
        if not wanted or len(unit.cells[document.source].parts) > 1:
            return
        evidence = {document.source: source}
        for lang in document.targets:
            text = unit.text(lang)
            if not text:
                continue
            translated = _FOREIGN_SIGIL.search(text)
            if translated is not None:
                yield self.flag(
                    unit,
                    lang,
                    translated.start(),
                    translated.end(),
                    f"{translated.group()}: a $ code translated — msgid has only Latin "
                    "names after $",
                    evidence=evidence,
                )
            elif (have := len(_SIGIL.findall(text))) < wanted:
                yield self.flag(
                    unit,
                    lang,
                    0,
                    0,
                    f"msgstr has {have} of the {wanted} $ codes of msgid",
                    evidence=evidence,
                )

    def _dropped(
        self, unit: Unit, document: Document, source: str, loose: list[tuple[int, int, str, str]]
    ) -> Iterable[Flag]:
        """Lower-case variables of msgid that a msgstr has fewer times, with no ``$word``
        of its own in their place, or with a ``$имя`` no shell could have in their place (a
        shell variable's name is ASCII: msgfmt refuses the other under sh-format), or with
        a near miss of the name in a translation not written in Latin letters ("$as" for
        "$at" among Russian words is a slip, where French prose writes "$ligne")."""
        if len(unit.cells[document.source].parts) > 1:
            return  # a plural form may spell out its number
        evidence = {document.source: source}
        names = list(dict.fromkeys(token for _, _, token, _ in loose))
        for lang in document.targets:
            text = unit.text(lang)
            others = [v for v in variables(text, lowercase=True) if v[2] not in source]
            if any(
                token.isascii() and not (_slip_of(token, names) and not latin(text))
                for _, _, token, _ in others
            ):
                continue  # "$ligne $nomfichier": renamed in prose, by its own words
            translated = list(others)
            for token in names:
                wanted = len(re.findall(rf"{re.escape(token)}(?!\w)", source))
                kept = len(re.findall(rf"{re.escape(token)}(?!\w)", text))
                for _ in range(wanted - kept):
                    if translated:
                        start, end, name, _ = translated.pop(0)
                        yield self.flag(
                            unit,
                            lang,
                            start,
                            end,
                            f"variable {token} misspelt {name} — the program knows it "
                            f"only as {token}"
                            if name.isascii()
                            else f"variable {token} translated {name} — a shell "
                            f"variable's name is ASCII: the program knows it "
                            f"only as {token}",
                            evidence=evidence,
                            expected=token,
                        )
                    else:
                        yield self.flag(
                            unit,
                            lang,
                            0,
                            0,
                            f"msgstr lacks the variable {token} from msgid",
                            evidence=evidence,
                            expected=token,
                        )

    def _compare(
        self,
        unit: Unit,
        lang: str,
        document: Document,
        source: str,
        wanted: Counter,
        shown: dict,
        found: list[tuple[int, int, str, str]],
        offset: int,
        plural: bool,
    ) -> Iterable[Flag]:
        from difflib import SequenceMatcher

        got = Counter(_key(token, kind) for *_, token, kind in found)
        missing = list((wanted - got).elements())
        # a name may be used twice (a lookup, not an argument): only a new name is extra
        extra = Counter({key: n for key, n in (got - wanted).items() if key not in wanted})
        evidence = {document.source: source}
        for start, end, token, kind in found:
            key = _key(token, kind)
            if extra[key] <= 0:
                continue
            extra[key] -= 1
            candidates = [m for m in missing if m[1] == kind]
            if candidates:
                lost = max(
                    candidates,
                    key=lambda m: SequenceMatcher(None, m[0].lower(), key[0].lower()).ratio(),
                )
                missing.remove(lost)
                how = "translated" if _translated(_name(token)) else "renamed"
                yield self.flag(
                    unit,
                    lang,
                    offset + start,
                    offset + end,
                    f"variable {shown[lost]} {how} {token} — the program knows "
                    f"it only as {shown[lost]}",
                    evidence=evidence,
                    expected=shown[lost],
                )
            else:
                # .format() raises on a name it is not given; other kinds print as they are
                yield self.flag(
                    unit,
                    lang,
                    offset + start,
                    offset + end,
                    f"variable {token} is not in msgid",
                    evidence=evidence,
                    expected="",
                    severity=None if kind == "brace" else "warning",
                )
        if plural:
            return  # a plural form may spell out its number
        for key in missing:
            yield self.flag(
                unit,
                lang,
                offset,
                offset,
                f"msgstr lacks the variable {shown[key]} from msgid",
                evidence=evidence,
                expected=shown[key],
            )

    def document_unit(self, unit: Unit, document: Document) -> Iterable[Flag]:
        """A variable every other version has and this one lacks, or one no other version
        has (leftover template tokens are the ``placeholder`` check's)."""
        found = {lang: variables(unit.text(lang)) for lang in document.languages}
        if not any(found.values()):
            return
        for lang in document.targets:
            others = [
                Counter((t, k) for *_, t, k in found[other])
                for other in document.others(lang)
                if unit.text(other)
            ]
            if not others:
                continue
            here = Counter((t, k) for *_, t, k in found[lang])
            common = others[0]
            for counts in others[1:]:
                common = common & counts
            anywhere = Counter()
            for counts in others:
                anywhere = anywhere | counts
            for token, _kind in (common - here).elements():
                yield self.flag(
                    unit,
                    lang,
                    0,
                    0,
                    f"lacks the variable {token} that every other version has",
                    evidence={o: unit.text(o) for o in document.others(lang)},
                    expected=token,
                )
            for start, end, token, kind in found[lang]:
                if anywhere[(token, kind)] or PLACEHOLDER.fullmatch(token):
                    continue
                yield self.flag(
                    unit, lang, start, end, f"variable {token} is in no other version", expected=""
                )
