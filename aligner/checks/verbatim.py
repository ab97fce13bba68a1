"""``verbatim``: what a translation copies as it is: URLs, e-mail addresses, file paths and
command-line options.

A user types or clicks them: ``--recursive`` translated, ``/etc/fstab`` misspelt or a link
changed sends them nowhere. Each one of msgid must be in msgstr, and as often as msgid writes
it where msgstr has a near miss in the rest's place ("--backup ... --backun" for "--backup
... --backup"; for a one-letter option, any other: "-n ... -t"). A localized page of the same
site is accepted (``gnu.org/licenses/`` -> ``gnu.org/licenses/ru/``, ``fr.wikipedia.org``),
and so is a translated example path that is no real file (``/path/to/file``) and a user
folder named in the user's language (``~/Documents`` -> ``~/Документы``: xdg-user-dirs names
it so). Added ones are not flagged: translators add their team's address.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import cache

from ..flags import Flag
from .base import Document, RowCheck, Unit, register

# ASCII only: Chinese and Japanese write a URL or an option against their words
# ("详见https://x.org/a.html。", "选项-f的参数", "--clean和")
_URL_CHARS = r"[A-Za-z0-9\-._~:/?#\[\]@!$&*+,;=%]"
_URL = re.compile(
    rf"\b(?:https?|ftps?|file|git|sftp|ssh)://{_URL_CHARS}+"
    rf"|\bwww\.[A-Za-z0-9-]+\.{_URL_CHARS}+"
)
_EMAIL = re.compile(
    r"(?<![A-Za-z0-9_.+-])[A-Za-z0-9][A-Za-z0-9_.+-]*@[A-Za-z0-9-]+"
    r"(?:\.[A-Za-z0-9-]+)+"
)
_PATH = re.compile(r"(?<![\w.:/~$%{}\\-])(?:~|\.{1,2})?(?:/[\w.+@-]+)+/?(?![\w/])")
_LONG_OPTION = re.compile(r"(?<![A-Za-z0-9_-])--[a-z0-9][A-Za-z0-9_-]*")
_SHORT_OPTION = re.compile(r"(?<![A-Za-z0-9_%-])-[A-Za-z](?![A-Za-z0-9_-])")  # not %-e
_TRAILING = ".,;:!?"
# CJK, Hangul and full-width forms, where a path written against the words ends (a character
# test, not a regex: this class costs ``re`` 11 ms to compile at every start-up)
_CJK_RANGES = (
    ("\u2e80", "\u9fff"),
    ("\uac00", "\ud7af"),
    ("\uf900", "\ufaff"),
    ("\uff00", "\uffef"),
)
_ROOTS = frozenset(
    "usr etc var dev tmp home opt proc sys bin sbin lib lib32 lib64 run srv "
    "boot mnt media root share".split()
)
_LANGUAGE = re.compile(r"^[a-z]{2,3}(?:[-_][A-Za-z]{2,4})?$")
_QUICK = re.compile(r"[/@]|--|(?<![\w-])-[A-Za-z]")


def urls(text: str) -> list[tuple[int, int, str]]:
    """(start, end, url) of every URL, without the sentence's punctuation after it."""
    found = []
    for match in _URL.finditer(text):
        url = match.group().rstrip(_TRAILING)
        if url.endswith("://"):
            continue  # a scheme named ("include http:// or https://."), no link
        found.append((match.start(), match.start() + len(url), url))
    return found


def same_url(a: str, b: str) -> bool:
    """Whether ``b`` is ``a`` or its localized page on the same site: the same host and
    path once language codes (``ru.``, ``/ru/``, ``index.ru.html``, ``?lang=ru``), the
    scheme and a trailing slash are left out."""
    return _normalized(a) == _normalized(b)


def localized(a: str, b: str) -> bool:
    """Whether ``b`` is a page of ``a``'s site in a language (``gethelp.fr.html``, ``/ru/``,
    ``?lang=de``) where ``a`` names none: a translation pointing at its own page."""
    if _normalized(a)[0] != _normalized(b)[0]:
        return False
    marked = re.compile(
        r"[./](?:[a-z]{2,3}(?:[-_][A-Za-z]{2,4})?)(?:\.html?|/|$)|[?&](?:lang|hl|"
        r"locale|language)="
    )
    path = lambda url: url.split("://", 1)[-1].split("/", 1)[-1] if "/" in url else ""
    return bool(marked.search("/" + path(b))) and not marked.search("/" + path(a))


def _example(email: str) -> bool:
    """An address of a documentation domain (RFC 2606), which translators localize."""
    domain = email.rsplit("@", 1)[-1].lower()
    return bool(re.match(r"(?:.*\.)?(?:example|localhost|invalid|test)(?:\.[a-z]+)?$", domain))


def _normalized(url: str) -> tuple[str, tuple[str, ...]]:
    from urllib.parse import urlsplit

    parts = urlsplit(url if "://" in url else f"http://{url}")
    host = (parts.hostname or "").lower()
    labels = host.split(".")
    if labels and labels[0] == "www":
        labels = labels[1:]
    if len(labels) > 2 and _LANGUAGE.match(labels[0]):
        labels = labels[1:]
    segments = []
    for segment in parts.path.split("/"):
        if not segment:
            continue
        stem = re.sub(r"\.(?:html?|php|xml)$", "", segment)
        if _LANGUAGE.match(stem):
            continue
        segment = re.sub(r"\.[a-z]{2,3}(?:[-_][A-Za-z]{2,4})?(\.html?)$", r"\1", segment)
        segments.append(segment)
    query = tuple(
        sorted(
            p
            for p in parts.query.split("&")
            if p and not re.match(r"(?:lang|hl|locale|language)=", p)
        )
    )
    return ".".join(labels), tuple(segments) + query


def _paths(text: str, taken: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """File paths: rooted at a known directory, under home (``~/``), relative (``./``), or
    of two segments or more; not notation such as ``/REGEXP/``, nor a part of a URL."""
    found = []
    for match in _PATH.finditer(text):
        start, end = match.span()
        if any(a <= start < b for a, b in taken):
            continue
        path = _before_cjk(match.group()).rstrip(_TRAILING)  # "/proc/net/snmpを開けません"
        segments = [s for s in re.split(r"[/~]", path) if s and s not in (".", "..")]
        if not segments or all(s.isupper() or s.isdigit() for s in segments):
            continue
        rooted = path.startswith(("~", ".")) or segments[0] in _ROOTS
        if rooted or len(segments) >= 2:
            found.append((start, start + len(path), path))
    return found


def _before_cjk(text: str) -> str:
    """``text`` up to its first CJK, Hangul or full-width character."""
    for index, char in enumerate(text):
        if char >= "\u2e80" and any(low <= char <= high for low, high in _CJK_RANGES):
            return text[:index]
    return text


# a folder under home named in a script other than Latin ("~/Документы", "~/文档")
_LOCAL_FOLDER = re.compile(r"~/(?![A-Za-z0-9_])\w")
# the folders xdg-user-dirs makes in a home directory, each named in the user's language
_USER_FOLDERS = frozenset(
    "Desktop Documents Downloads Music Pictures Public Templates Videos".split()
)


@cache
def _segments_in_another_script(count: int) -> re.Pattern:
    return re.compile(r"(?:/[^\W\d_A-Za-z][^/\n]*){%d}" % count)


def _translated_path(path: str, text: str) -> bool:
    """Whether ``text`` writes as many segments as ``path`` has, each in a script other than
    Latin: a menu's path or a label hierarchy, translated ("/Conversation/View Log" as
    "/对话/查看聊天记录", "/Разговор/Журнал"); a file's path is copied."""
    count = path.rstrip("/").count("/")
    return count >= 2 and _segments_in_another_script(count).search(text) is not None


def _user_folder(path: str) -> bool:
    """Whether ``path`` is a user folder under home ("~/Documents")."""
    return path.startswith("~/") and path[2:].rstrip("/") in _USER_FOLDERS


def _is_real(path: str) -> bool:
    segments = [s for s in re.split(r"[/~]", path) if s]
    return path.startswith("~") or bool(segments) and segments[0] in _ROOTS


@register
class VerbatimCheck(RowCheck):
    name = "verbatim"
    severity = "warning"
    description = (
        "URLs, e-mail addresses, file paths and command-line options of msgid "
        "missing or changed in msgstr"
    )

    def catalog_unit(self, unit: Unit, document: Document) -> Iterable[Flag]:
        source = unit.text(document.source)
        if not _QUICK.search(source):
            return
        wanted = _verbatim(source)
        if not any(wanted.values()):
            return
        evidence = {document.source: source}
        for lang in document.targets:
            cell = unit.cells[lang]
            for cell_start, cell_end in cell.part_spans():
                text = cell.text[cell_start:cell_end]
                for start, end, message, expected in _compare(wanted, text):
                    yield self.flag(
                        unit,
                        lang,
                        cell_start + start,
                        cell_start + end,
                        message,
                        evidence=evidence,
                        expected=expected,
                    )

    def document_unit(self, unit: Unit, document: Document) -> Iterable[Flag]:
        """A URL or e-mail address every other version has and this one lacks."""
        texts = {lang: unit.text(lang) for lang in document.languages}
        if not any("@" in t or "://" in t or "www." in t for t in texts.values()):
            return
        for lang in document.targets:
            others = [o for o in document.others(lang) if texts[o]]
            if not others or not texts[lang]:
                continue
            common = None
            for other in others:
                kinds = _verbatim(texts[other])
                items = {x for kind in ("url", "email") for *_, x in kinds[kind]}
                common = items if common is None else common & items
            here = _verbatim(texts[lang])
            have = [x for kind in ("url", "email") for *_, x in here[kind]]
            for item in sorted(common or ()):
                if item in have or any(same_url(item, x) for x in have if "@" not in x):
                    continue
                yield self.flag(
                    unit,
                    lang,
                    0,
                    0,
                    f"lacks {item}, which every other version has",
                    evidence={o: texts[o] for o in others},
                    expected=item,
                )


def _verbatim(text: str) -> dict[str, list[tuple[int, int, str]]]:
    found_urls = urls(text) if ("://" in text or "www." in text) else []
    taken = [(a, b) for a, b, _ in found_urls]
    emails = [(m.start(), m.end(), m.group()) for m in _EMAIL.finditer(text)] if "@" in text else []
    taken += [(a, b) for a, b, _ in emails]
    paths = _paths(text, taken) if "/" in text else []
    options = []
    if "-" in text:
        for pattern in (_LONG_OPTION, _SHORT_OPTION):
            options += [
                (m.start(), m.end(), m.group())
                for m in pattern.finditer(text)
                if not any(a <= m.start() < b for a, b in taken)
            ]
    return {"url": found_urls, "email": emails, "path": paths, "option": options}


# a printf argument's position ("%2$s"): the translator's order of msgid's "%s"
_POSITION = re.compile(r"(?<=%)\d+\$")


def _compare(wanted: dict, text: str) -> list[tuple[int, int, str, str]]:
    got = _verbatim(text)
    if "$" in text:
        got = {
            kind: [(a, b, _POSITION.sub("", x)) for a, b, x in found] for kind, found in got.items()
        }
    problems = []
    for kind, label in (
        ("url", "URL"),
        ("email", "e-mail address"),
        ("path", "file path"),
        ("option", "option"),
    ):
        have = [x for *_, x in got[kind]]
        wanted_items = {x for *_, x in wanted[kind]}
        spare = [g for g in got[kind] if g[2] not in wanted_items]
        for _, _, item in wanted[kind]:
            if item in have:
                continue
            if kind == "url" and any(same_url(item, x) or localized(item, x) for x in have):
                continue
            if (
                kind == "option"
                and item.startswith("--")
                and any(x.startswith(item + "-") or item.startswith(x + "-") for x in have)
            ):
                continue
            if kind == "path" and not _is_real(item) and any(x not in wanted_items for x in have):
                continue  # "/path/to/file" translated: an example, not a file
            if kind == "path" and _user_folder(item) and _LOCAL_FOLDER.search(text):
                continue  # "~/Документы": xdg-user-dirs names the folder in the user's language
            if kind == "email" and _example(item) and have:
                continue  # you@example.com -> vous@exemple.com
            if kind == "path" and any(x.rstrip("/") == item.rstrip("/") for x in have):
                continue
            if kind == "path" and _translated_path(item, text):
                continue  # a menu's path ("/Buddies/Join a Chat" as "/好友/加入聊天")
            near = _nearest(item, spare)
            if near is not None:
                spare.remove(near)
                problems.append(
                    (near[0], near[1], f"{label} {item} of msgid is {near[2]} in msgstr", item)
                )
            else:
                problems.append((0, 0, f"msgstr lacks the {label} {item} from msgid", item))
        # then the ones msgstr has, but fewer times: an absent one takes its near miss first
        for item, short in _fewer(wanted[kind], have).items():
            for _ in range(short):  # written fewer times, the rest misspelt: "-n ... -t"
                near = _nearest(item, spare, option=kind == "option")
                if near is None:
                    break
                spare.remove(near)
                problems.append(
                    (near[0], near[1], f"{label} {item} of msgid is {near[2]} in msgstr", item)
                )
    return problems


def _fewer(wanted: list[tuple[int, int, str]], have: list[str]) -> dict[str, int]:
    """The items msgstr has, but fewer times than msgid: item -> how many are missing."""
    wanted_count = Counter(x for *_, x in wanted)
    have_count = Counter(have)
    return {
        item: count - have_count[item]
        for item, count in wanted_count.items()
        if 0 < have_count[item] < count
    }


def _nearest(
    item: str, spare: list[tuple[int, int, str]], option: bool = False
) -> tuple[int, int, str] | None:
    """The unmatched msgstr token most like ``item`` (a misspelling), if any is close; else,
    with ``option`` (msgstr has ``item`` too, fewer times: the evidence is the count), for a
    one-letter option ("-F"), a one-letter option msgid does not have ("-R")."""
    from difflib import SequenceMatcher

    best, score = None, 0.0
    for candidate in spare:
        ratio = SequenceMatcher(None, item, candidate[2]).ratio()
        if ratio > score:
            best, score = candidate, ratio
    if score >= 0.6:
        return best
    if option and _SHORT_OPTION.fullmatch(item):
        return next((c for c in spare if _SHORT_OPTION.fullmatch(c[2])), None)
    return None
