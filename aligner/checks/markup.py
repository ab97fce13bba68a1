"""``markup``: XML/HTML tags and entities that msgstr must carry as msgid has them.

A string with markup is parsed by the program (Pango, a browser, a help viewer): a tag
misspelt (``<b>`` -> ``<v>``, ``</emph>`` -> ``</emp>``), dropped, added, or closed another way
(``<br />`` -> ``<br>``), a bare ``&`` or ``<`` in place of ``&amp;`` or ``&lt;``, breaks it or
shows the raw text. Tags are compared as a multiset of (name, kind), so they may move. An
attribute that is not text (href, class, id, size) must keep its value, where ``title`` and
``alt`` are translated and a link may point at the same host's localized page. Entities that
are not characters (``&brandShortName;``) are the program's variables and must stay; a
character entity (``&copy;``) may be written as the character. Only strings whose msgid has
markup are compared: "a < b" is no tag, and usage notation such as ``<file>`` (a lone tag no
markup language knows) is text that translators translate.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from ..flags import Flag
from .base import Document, RowCheck, Unit, register

_TAG = re.compile(
    r"<(?P<close>/?)(?P<name>[A-Za-z][\w:.-]*)"
    r"(?P<attrs>(?:\s+[\w:.-]+(?:\s*=\s*(?:\"[^\"<>]*\"|'[^'<>]*'|[^\s<>\"']+))?)*)"
    r"\s*(?P<self>/?)>"
)
_ATTR = re.compile(r"([\w:.-]+)(?:\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s\"']+)))?")
_ENTITY = re.compile(r"&(?:[A-Za-z][\w.-]*|#\d+|#[xX][0-9A-Fa-f]+);")
_BARE_AMP = re.compile(r"&(?![A-Za-z][\w.-]*;|#\d+;|#[xX][0-9A-Fa-f]+;)")
_BARE_LT = re.compile(r"<(?![^\W\d_]|[/!?])")
# elements of HTML and Pango that are markup even where a string has them alone
_KNOWN = frozenset(
    "a b big blockquote br center div em font hr i img li ol p pre small span "
    "strike strong sub sup tt u ul wbr".split()
)
_TRANSLATED_ATTRS = frozenset(
    "title alt label placeholder aria-label summary abbr content xml:lang lang".split()
)
_QUOTES = "\"'«»“”„‘’‚"
_URL_ATTRS = frozenset("href src action cite xref".split())


@dataclass(frozen=True)
class Tag:
    start: int
    end: int
    text: str
    name: str
    kind: str  # "open", "close" or "self"
    attrs: tuple[tuple[str, str], ...]

    @property
    def key(self) -> tuple[str, str]:
        return self.name.lower() if self.name.lower() in _KNOWN else self.name, self.kind


def tags(text: str) -> list[Tag]:
    """Every tag-shaped token of ``text``."""
    if "<" not in text:
        return []
    found = []
    for match in _TAG.finditer(text):
        kind = "close" if match.group("close") else "self" if match.group("self") else "open"
        attrs = tuple(
            (m.group(1), next((g for g in m.groups()[1:] if g is not None), ""))
            for m in _ATTR.finditer(match.group("attrs") or "")
        )
        found.append(
            Tag(match.start(), match.end(), match.group(), match.group("name"), kind, attrs)
        )
    return found


def markup_tags(text: str) -> tuple[list[Tag], list[Tag]]:
    """(markup, notation): the tags that are markup (closed somewhere, self-closing, with
    attributes, or an element markup languages know) and the lone ``<file>`` kind."""
    found = tags(text)
    closed = {t.name for t in found if t.kind == "close"}
    markup, notation = [], []
    for tag in found:
        valued = any(value for _, value in tag.attrs)  # "<no plugin>" is words
        if tag.attrs and not valued and tag.name.lower() not in _KNOWN:
            notation.append(tag)
        elif tag.kind != "open" or valued or tag.name in closed or tag.name.lower() in _KNOWN:
            markup.append(tag)
        else:
            notation.append(tag)
    return markup, notation


def _entities(text: str) -> list[tuple[int, int, str]]:
    if "&" not in text:
        return []
    return [(m.start(), m.end(), m.group()) for m in _ENTITY.finditer(text)]


def _is_character(entity: str) -> bool:
    """``&amp;``, ``&copy;``, ``&#169;``: a character, not a program's variable."""
    from html.entities import name2codepoint

    name = entity[1:-1]
    return name.startswith("#") or name in name2codepoint or name == "apos"


@register
class MarkupCheck(RowCheck):
    name = "markup"
    severity = "error"
    description = (
        "XML/HTML tags and entities of msgid misspelt, dropped, added or closed "
        "another way in msgstr; attribute values changed; a bare & or <"
    )

    def catalog_unit(self, unit: Unit, document: Document) -> Iterable[Flag]:
        source_cell = unit.cells[document.source]
        source = source_cell.text
        if "<" not in source and "&" not in source:
            return
        forms = [source[a:b] for a, b in source_cell.part_spans()]
        parsed = [markup_tags(form) for form in forms]
        reference, notation = max(parsed, key=lambda p: len(p[0]))
        variables = Counter(
            e for form in forms[:1] for *_, e in _entities(form) if not _is_character(e)
        )
        characters = any(_is_character(e) for *_, e in _entities(source))
        if not reference and not variables and not characters:
            return
        bare_amp = bool(_BARE_AMP.search(source))
        amps = forms[0].count("&amp;")
        bare_lt = any(_BARE_LT.search(form) for form in forms)
        evidence = {document.source: source}
        for lang in document.targets:
            cell = unit.cells[lang]
            for cell_start, cell_end in cell.part_spans():
                text = cell.text[cell_start:cell_end]
                flags = []
                if reference or characters:
                    flags += self._tags(reference, notation, text)
                flags += self._variables(variables, text)
                # without tags, msgid may be a message about entities: a bare "&" only
                # where one of its "&amp;" went
                if not bare_amp and (reference or text.count("&amp;") < amps):
                    flags += [
                        (
                            m.start(),
                            m.end(),
                            'a bare "&" in a string with markup: '
                            "the parser reads it as the start of an entity",
                            "&amp;",
                        )
                        for m in _BARE_AMP.finditer(text)
                    ]
                if not bare_lt and reference:
                    flags += [
                        (
                            m.start(),
                            m.end(),
                            'a bare "<" in a string with markup: '
                            "the parser reads it as the start of a tag",
                            "&lt;",
                        )
                        for m in _BARE_LT.finditer(text)
                    ]
                for start, end, message, expected, *severity in flags:
                    yield self.flag(
                        unit,
                        lang,
                        cell_start + start,
                        cell_start + end,
                        message,
                        evidence=evidence,
                        expected=expected,
                        severity=severity[0] if severity else None,
                    )

    def _tags(self, reference: list[Tag], notation: list[Tag], text: str) -> list[tuple]:
        found = tags(text)
        source_names = {t.key[0] for t in reference}
        # "<nom paquet>" is words; with msgid's "<file>" translated as "<fichier>", a
        # lone tag is text, as in msgid
        found = [
            t
            for t in found
            if not t.attrs or any(v for _, v in t.attrs) or t.name.lower() in _KNOWN
        ]
        if notation:
            found = [
                t
                for t in found
                if t.kind != "open"
                or any(v for _, v in t.attrs)
                or t.key[0] in source_names
                or t.name.lower() in _KNOWN
            ]
        found = [t for t in found if t.name.isascii()]
        wanted = Counter(t.key for t in reference)
        got = Counter(t.key for t in found)
        missing = list((wanted - got).elements())
        extra = got - wanted
        problems = []
        for tag in found:
            if extra[tag.key] <= 0:
                continue
            extra[tag.key] -= 1
            lost = next((m for m in missing if m[1] == tag.key[1]), None) or next(
                (m for m in missing if m[0] == tag.key[0]), None
            )
            if lost is not None:
                missing.remove(lost)
                shown = next(t.text for t in reference if t.key == lost)
                problems.append(
                    (tag.start, tag.end, f"tag {shown} of msgid is {tag.text} in msgstr", shown)
                )
            else:
                problems.append((tag.start, tag.end, f"tag {tag.text} is not in msgid", ""))
        for key in missing:
            shown = next(t.text for t in reference if t.key == key)
            problems.append((0, 0, f"msgstr lacks the tag {shown} from msgid", shown))
        problems += _attributes(reference, found)
        return problems

    def _variables(self, wanted: Counter, text: str) -> list[tuple]:
        if not wanted:
            return []
        found = [(s, e, t) for s, e, t in _entities(text) if not _is_character(t)]
        got = Counter(t for *_, t in found)
        missing = list((wanted - got).elements())
        problems = []
        for start, end, entity in found:
            if entity in wanted:
                continue
            if missing:
                lost = missing.pop(0)
                problems.append(
                    (
                        start,
                        end,
                        f"entity {lost} of msgid is {entity} in msgstr: "
                        "the program defines only the first",
                        lost,
                    )
                )
            else:
                problems.append((start, end, f"entity {entity} is not in msgid", ""))
        for entity in missing:
            problems.append((0, 0, f"msgstr lacks the entity {entity} from msgid", entity))
        return problems

    def document_unit(self, unit: Unit, document: Document) -> Iterable[Flag]:
        """Tags a version lacks or adds where every other version has the same ones."""
        found = {lang: markup_tags(unit.text(lang))[0] for lang in document.languages}
        if not any(found.values()):
            return
        for lang in document.targets:
            others = [
                Counter(t.key for t in found[o]) for o in document.others(lang) if unit.text(o)
            ]
            if not others or any(c != others[0] for c in others[1:]):
                continue
            here = Counter(t.key for t in found[lang])
            if here == others[0]:
                continue
            for tag in found[lang]:
                if here[tag.key] > others[0][tag.key]:
                    here[tag.key] -= 1
                    yield self.flag(
                        unit,
                        lang,
                        tag.start,
                        tag.end,
                        f"tag {tag.text} is in no other version",
                        expected="",
                    )
            for key in (others[0] - Counter(t.key for t in found[lang])).elements():
                shown = next(
                    t.text for o in document.others(lang) for t in found[o] if t.key == key
                )
                yield self.flag(
                    unit,
                    lang,
                    0,
                    0,
                    f"lacks the tag {shown} that every other version has",
                    expected=shown,
                )


def _value(value: str) -> str:
    """An attribute value as compared: without quotes, printf positions left out."""
    return re.sub(r"%\d+\$", "%", value.strip(_QUOTES))


def _attributes(reference: list[Tag], found: list[Tag]) -> list[tuple]:
    """An attribute value that is no text changed between tags paired by (name, kind)."""
    from .verbatim import same_url

    problems = []
    pool: dict[tuple[str, str], list[Tag]] = {}
    for tag in found:
        pool.setdefault(tag.key, []).append(tag)
    for source in reference:
        if not source.attrs or not pool.get(source.key):
            continue
        target = pool[source.key].pop(0)
        values = dict(target.attrs)
        for name, value in source.attrs:
            if name.lower() in _TRANSLATED_ATTRS:
                continue
            got = values.get(name)
            if got == value or (got is not None and _value(got) == _value(value)):
                continue  # name=«%s» for name='%s' in a message about a schema
            if got is not None and name.lower() in _URL_ATTRS and same_url(value, got):
                continue
            message = (
                f'attribute {name}="{value}" of {source.text} is missing in msgstr'
                if got is None
                else f'attribute {name} of {source.name} is "{got}" in msgstr, "{value}" in msgid'
            )
            problems.append((target.start, target.end, message, source.text, "warning"))
    return problems
