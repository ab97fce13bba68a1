"""What of msgid's end a catalog's translations keep, for ``truncation``: its end mark ("."
":" "!" "?"), its bracketed end ("(Standard)"), its acronyms and identifiers ("GROUP",
"TeX"; all its CamelCase names, "PrintDlgEx"). A cut loses them with the rest of msgstr's
end; but a catalog may drop them at will (Chinese catalogs leave msgid's final "." out, ISO
catalogs the alternative names in brackets, "DENIED" is translated), so each counts only
where the catalog keeps it in nearly every message that has it.

Kept apart from ``truncation`` because it is a habit of the catalog, learnt once from all
its messages, not a rule about cuts: the check asks it only "did this msgstr lose what the
catalog keeps".
"""

from __future__ import annotations

import re
from collections import Counter

_END_MARKS = frozenset(".:!?。：！？")
_CLOSERS = "\"'»”’)）"
_OPENERS = "([（【"
# a token translations keep as it is: an acronym, an identifier, a CamelCase name ("GROUP",
# "GTK+", "TeX", "SoundTracker", "utf8")
_KEPT_TOKEN = re.compile(
    r"(?<![\w+])(?:[A-Z]{2,}[A-Za-z0-9]*\+*|[A-Za-z]+[0-9][A-Za-z0-9]*|[A-Z][a-z]+[A-Z][A-Za-z]*)"
    r"(?![\w+])"
)
_MARKS_SEEN = 10  # msgids ending with an end mark, before the catalog's habit counts
_MARKS_KEPT = 0.9  # share of them whose msgstr ends with one: then a lost one is a cut
_TOKEN_KEPT_SEEN = 3  # msgids with such a token, before the catalog's habit for it counts
_TOKEN_KEPT = 0.9  # share of them whose msgstr keeps it: then a lost one is a cut
_GROUPS_SEEN = 10  # msgids ending with a bracketed part, before the catalog's habit counts
_GROUPS_KEPT = 0.9  # share of them whose msgstr keeps a bracket: then a lost one is a cut
# a CamelCase name ("PowerPoint", "PrintDlgEx") or a word with digits ("utf8", "prc3"): where
# the catalog keeps every such token of nearly all its msgids that have one, a lost one is
# a cut end, however rare the token (an acronym may be an English word its translators
# translate: "NEW TABLE", "READ ONLY", so acronyms count one by one)
_CAMEL = re.compile(r"[A-Z][a-z]+[A-Z][A-Za-z]*")
_SHAPE_SEEN = 10  # msgids with a token of the shape, before the catalog's habit counts


def ends_with_mark(text: str) -> bool:
    """Whether ``text`` ends with a sentence's or a label's end mark (before closing quotes
    or brackets)."""
    return text.rstrip().rstrip(_CLOSERS)[-1:] in _END_MARKS


def _ends_grouped(msgid: str) -> bool:
    return msgid.rstrip().rstrip(".:")[-1:] in ")]）】"


def has_opener(msgstr: str) -> bool:
    return any(ch in msgstr for ch in _OPENERS)


def lost_group(msgid: str, msgstr: str) -> bool:
    """Whether msgid ends with a bracketed part ("Serbian (Cyrillic, with guillemets)") of
    which msgstr keeps no bracket at all, nor what is in it ("MPPE" of "Use point-to-point
    encryption (MPPE)"); a msgid all in brackets ("(unknown convention)") has no bracketed
    end to lose."""
    if not _ends_grouped(msgid) or has_opener(msgstr):
        return False
    body = msgid.strip().rstrip(".:")
    start = max(body.rfind(opener) for opener in _OPENERS)
    inside = body[start + 1 : -1].strip().lower()
    return start > 0 and not (inside and inside in msgstr.lower())


def lost_tokens(msgid: str, msgstr: str, kept: set[str] | None = None) -> list[str]:
    """msgid's acronyms and identifiers (of ``kept``, lower-cased: those the catalog keeps)
    that msgstr does not have ("WITHIN GROUP" of "cannot use VARIADIC with WITHIN GROUP"
    for "VARIADIC")."""
    lower = msgstr.lower()
    return [
        token
        for token in _KEPT_TOKEN.findall(msgid)
        if token.lower() not in lower and (kept is None or token.lower() in kept)
    ]


class KeptEnds:
    """Whether a catalog keeps msgid's end marks and bracketed ends, and which of its
    acronyms and identifiers it keeps as they are."""

    def __init__(self, pairs: list[tuple[str, str]]) -> None:
        grouped = [msgstr for msgid, msgstr in pairs if _ends_grouped(msgid)]
        self.keeps_groups = len(grouped) >= _GROUPS_SEEN and sum(
            has_opener(msgstr) for msgstr in grouped
        ) >= _GROUPS_KEPT * len(grouped)  # ISO catalogs drop "(Hangŭl, Hangeul)" at will
        marked = [msgstr for msgid, msgstr in pairs if ends_with_mark(msgid)]
        self.keeps_marks = len(marked) < _MARKS_SEEN or sum(map(ends_with_mark, marked)) >= (
            _MARKS_KEPT * len(marked)
        )  # Chinese catalogs that leave out msgid's final "." (数组必须是...) at will
        with_token: Counter[str] = Counter()
        token_kept: Counter[str] = Counter()
        with_shape: Counter[str] = Counter()
        shape_kept: Counter[str] = Counter()
        for msgid, msgstr in pairs:
            lower = msgstr.lower()
            shapes: dict[str, bool] = {}
            for token in set(_KEPT_TOKEN.findall(msgid)):
                kept = token.lower() in lower
                with_token[token.lower()] += 1
                token_kept[token.lower()] += kept
                shape = _shape(token)
                if shape:
                    shapes[shape] = shapes.get(shape, True) and kept
            for shape, kept in shapes.items():
                with_shape[shape] += 1
                shape_kept[shape] += kept
        self.kept_tokens = {  # "GROUP", "TeX" that the catalog keeps as they are
            token
            for token, n in with_token.items()
            if n >= _TOKEN_KEPT_SEEN and token_kept[token] - 1 >= _TOKEN_KEPT * (n - 1)
        }
        self.kept_shapes = {
            shape
            for shape, n in with_shape.items()
            if n >= _SHAPE_SEEN and shape_kept[shape] - 1 >= _TOKEN_KEPT * (n - 1)
        }

    def lost(self, msgid: str, msgstr: str) -> bool:
        """Whether msgstr lacks msgid's end mark, bracketed end or a kept token (one the
        catalog keeps, or of a kind it keeps), where the catalog keeps them."""
        if (
            self.keeps_marks
            and ends_with_mark(msgid)
            and not ends_with_mark(msgstr)
            and msgstr.rstrip()[-1:].isalnum()
        ) or (self.keeps_groups and lost_group(msgid, msgstr)):
            return True
        if self.kept_tokens and lost_tokens(msgid, msgstr, self.kept_tokens):
            return True
        return bool(self.kept_shapes) and any(
            _shape(token) in self.kept_shapes for token in lost_tokens(msgid, msgstr)
        )


def _shape(token: str) -> str | None:
    """A token's kind, where its kind is always kept: a word with digits, a CamelCase name;
    none for an acronym."""
    if not token.rstrip("+").isalpha():  # letters and digits
        return "digits"
    return "camel" if _CAMEL.fullmatch(token) else None
