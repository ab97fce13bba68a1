"""How a message ends, in each language's own marks: msgid's final ":" "?" "." "!" "…" as a
translation writes them (Chinese "：" "？" "。", Arabic "؟", Greek ";" for a question, Hindi
"।", Armenian "։" and "՞", Amharic "።"), and which endings of a translation are damage.

Real catalogs show what is not: a translator may drop a final "." (GNU error messages,
Japanese UI labels), write "!" as "." (French), turn "Whether X." into a question (German),
or a question into a request (Japanese). What they do not do is end a translation of
"Save as:" with a letter, answer a question without a question mark anywhere, or end a
sentence with a comma. ``ending_damage`` says which of these a message pair shows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

FULL_STOP, QUESTION, EXCLAMATION, COLON, ELLIPSIS, COMMA, SEMICOLON, LETTER = (
    "full stop",
    "question mark",
    "exclamation mark",
    "colon",
    "ellipsis",
    "comma",
    "semicolon",
    "letter",
)

_CLASS = {}
for _marks, _kind in (
    (".。．।॥։።။។།۔܂", FULL_STOP),
    ("?？؟፧⸮", QUESTION),
    ("!！՜", EXCLAMATION),
    (":：፡፥", COLON),
    ("…", ELLIPSIS),
    (",，、،՝፣", COMMA),
    (";；؛፤", SEMICOLON),
):
    for _mark in _marks:
        _CLASS[_mark] = _kind

# the marks of a language that differ from the ASCII ones: class -> (accepted, suggested)
_OWN = {
    "zh": {
        FULL_STOP: "。",
        QUESTION: "？",
        EXCLAMATION: "！",
        COLON: "：",
        COMMA: "，",
        SEMICOLON: "；",
    },
    "ja": {FULL_STOP: "。", QUESTION: "？", EXCLAMATION: "！", COLON: "：", COMMA: "、"},
    "ar": {QUESTION: "؟", COMMA: "،", SEMICOLON: "؛"},
    "fa": {QUESTION: "؟", COMMA: "،", SEMICOLON: "؛"},
    "ur": {QUESTION: "؟", COMMA: "،", SEMICOLON: "؛", FULL_STOP: "۔"},
    "ps": {QUESTION: "؟", COMMA: "،", SEMICOLON: "؛"},
    "ug": {QUESTION: "؟", COMMA: "،", SEMICOLON: "؛"},
    "ckb": {QUESTION: "؟", COMMA: "،", SEMICOLON: "؛"},
    "el": {QUESTION: ";"},
    "hy": {FULL_STOP: "։", QUESTION: "՞", EXCLAMATION: "՜"},
    "hi": {FULL_STOP: "।"},
    "mr": {FULL_STOP: "।"},
    "ne": {FULL_STOP: "।"},
    "sa": {FULL_STOP: "।"},
    "bn": {FULL_STOP: "।"},
    "as": {FULL_STOP: "।"},
    "pa": {FULL_STOP: "।"},
    "or": {FULL_STOP: "।"},
    "am": {FULL_STOP: "።", QUESTION: "፧", COLON: "፦", COMMA: "፣", SEMICOLON: "፤"},
    "ti": {FULL_STOP: "።", QUESTION: "፧", COMMA: "፣"},
    "my": {FULL_STOP: "။"},
    "km": {FULL_STOP: "។"},
    "bo": {FULL_STOP: "།"},
}
_SPACED = {"fr": "\u00a0", "br": "\u00a0"}  # French writes a (no-break) space before : ; ? !
_NEEDS_SPACE = frozenset((COLON, SEMICOLON, QUESTION, EXCLAMATION))
_CLOSERS = "\"'»«”“’‘)]}>）】》」』"
# Japanese may end a question with its particle and "。" (…ますか。); Chinese writes "？" after
# 吗, 呢 and 么 (real zh catalogs never leave it out), so only Japanese particles ask alone
_QUESTION_PARTICLES = {"ja": ("か", "かな")}
# a keyboard accelerator written after the label ("位置(_L)", "Отмена (_C)"): not its end
_ACCELERATOR_AFTER = re.compile(r"\s*[(（][_&][^\W_][)）]$")
_NO_FULL_STOP = frozenset({"th", "lo"})  # Thai and Lao end sentences with a space


_ABBREVIATION = re.compile(
    r"(?:(?<![^\W\d_])(?:[^\W\d_]\.){2,}|\b(?:etc|Inc|Ltd|Co|Corp|vs|approx|No|St|Jr|Sr)\.|\.\.)$"
)


@dataclass(frozen=True)
class Ending:
    """What is wrong with a translation's end: ``kind`` ("dropped", "changed", "no
    question"), the source's end mark, the translation's span to replace and the suggestion."""

    kind: str  # "dropped", "changed", "no question"
    source_kind: str
    source_mark: str
    start: int
    end: int
    expected: str
    message: str
    target_kind: str | None = None  # the class msgstr ends with (LETTER when dropped)

    @property
    def by_convention(self) -> bool:
        """Whether the catalog's own habits decide it: a dropped "." or "!", or one end mark
        written as another ("!" as "." in French, "Whether X." as a question in German);
        only a catalog that seldom does it is flagged for it (the caller counts)."""
        return (self.kind == "dropped" and self.source_kind in (FULL_STOP, EXCLAMATION)) or (
            self.kind == "changed" and self.target_kind in _SENTENCE_ENDS
        )


_SENTENCE_ENDS = frozenset((FULL_STOP, QUESTION, EXCLAMATION))


def end_class(text: str, lang: str = "") -> tuple[str | None, int]:
    """The class of ``text``'s last mark (or LETTER) and the offset where that end starts;
    (None, ...) when the text ends in a quote, bracket or symbol that hides its real end."""
    body = text.rstrip()
    if not body:
        return None, 0
    if body.endswith(("...", "。。。")):
        return ELLIPSIS, len(body) - 3
    last = body[-1]
    if last.isalnum() or _is_mark_of_letter(last):
        return LETTER, len(body)
    kind = _CLASS.get(last)
    if lang == "el" and last == ";":
        kind = QUESTION
    if lang == "hy" and last == ":":
        kind = FULL_STOP  # Armenian's full stop "։", often typed as a colon
    start = len(body) - 1
    if kind is not None and start and body[start - 1] in " \u00a0\u202f":
        start -= 1
    return kind, start


def _is_mark_of_letter(ch: str) -> bool:
    """A combining mark (Arabic harakat, Devanagari signs) is part of its letter."""
    import unicodedata

    return unicodedata.category(ch).startswith("M")


def own_mark(kind: str, lang: str) -> str:
    """How ``lang`` writes the end mark of ``kind`` (with French's space before it)."""
    mark = (
        _OWN.get(lang, {}).get(kind)
        or {
            FULL_STOP: ".",
            QUESTION: "?",
            EXCLAMATION: "!",
            COLON: ":",
            ELLIPSIS: "…",
            COMMA: ",",
            SEMICOLON: ";",
        }[kind]
    )
    return _SPACED.get(lang, "") + mark if kind in _NEEDS_SPACE else mark


def has_question_mark(text: str, lang: str) -> bool:
    """Any question mark of any width or script ("¿...?", Greek ";", Armenian "՞")."""
    if any(_CLASS.get(ch) == QUESTION for ch in text):
        return True
    particle = _QUESTION_PARTICLES.get(lang)
    if particle and text.rstrip(" 。.\n").endswith(particle):
        return True  # "…ますか。": Japanese asks with か
    return (lang == "el" and ";" in text) or (lang == "hy" and "՞" in text)


def _questions(text: str) -> int:
    """How many question marks of any width ``text`` has: msgid's question and the "?" of
    its choices ("[y,n,q,?]? ") are two, and a translation keeping only the choice's has
    lost the question's. (A question asked by a particle or the Greek ";" has none.)"""
    return sum(_CLASS.get(ch) == QUESTION for ch in text)


def ending_damage(source: str, target: str, lang: str) -> Ending | None:
    """The damage at the end of ``target`` (a translation of ``source`` into ``lang``) that
    real translations do not show; a dropped "." or "!" is reported as kind "dropped" and left
    to the caller, who knows whether the catalog keeps them (translators often drop them)."""
    source_kind, _ = end_class(source)
    if source_kind in (None, LETTER, COMMA, SEMICOLON) or not any(map(str.isalpha, source)):
        return None
    if source_kind == FULL_STOP and _ABBREVIATION.search(source.rstrip()):
        return None  # "Virgin Islands, U.S.", "etc.", "cd ..": the dot is not the sentence's
    if source_kind == QUESTION and (
        not has_question_mark(target, lang) or 0 < _questions(target) < _questions(source)
    ):
        kind, start = end_class(target, lang)
        return _suggest("no question", source, target, lang, source_kind, kind, start)
    kind, start = end_class(target, lang)
    if kind is None:
        kind, start = _mark_after_closer(source, target, lang)
    if kind is None:
        kind, start = _end_before_accelerator(source, target, lang)
    if kind is None or kind == source_kind:
        return None
    if kind in (COMMA, SEMICOLON) or (kind == COLON and source_kind != ELLIPSIS):
        if source_kind == QUESTION:
            return None  # the question mark is elsewhere (checked above)
        return _suggest("changed", source, target, lang, source_kind, kind, start)
    if kind == LETTER and source_kind in (COLON, ELLIPSIS):
        return _suggest("dropped", source, target, lang, source_kind, kind, start)
    if kind == LETTER and source_kind in (FULL_STOP, EXCLAMATION) and lang not in _NO_FULL_STOP:
        return _suggest("dropped", source, target, lang, source_kind, kind, start)
    if kind in _SENTENCE_ENDS and source_kind in (FULL_STOP, EXCLAMATION, COLON):
        # "." as "!" or "?", ":" as "." (the list it announces loses its colon): real
        # translations do this only by a convention of their own (see ``by_convention``)
        return _suggest("changed", source, target, lang, source_kind, kind, start)
    return None


def _mark_after_closer(source: str, target: str, lang: str) -> tuple[str | None, int]:
    """LETTER when msgid puts its end mark after a closing quote or bracket ('"%s".'), or
    after a symbol ("GTK+."), and msgstr ends with the closer ('«%s»') or that symbol
    ("GTK+") alone: the mark was lost, not hidden."""
    body, source_body = target.rstrip(), source.rstrip()
    if not body or len(source_body) < 2 or _CLASS.get(source_body[-1]) is None:
        return None, 0
    before = source_body[-2]
    symbol = before == body[-1] and not (before.isalnum() or before.isspace())
    if not symbol and (body[-1] not in _CLOSERS or before not in _CLOSERS):
        return None, 0
    inner = body.rstrip(_CLOSERS)
    if inner and _CLASS.get(inner[-1]) is not None:
        return None, 0  # '«Готово.»': the mark stands inside the quotes
    return LETTER, len(body)


def _end_before_accelerator(source: str, target: str, lang: str) -> tuple[str | None, int]:
    """The end class of msgstr before an accelerator written after the label ("位置(_L)"
    for "_Location:"), LETTER at the very end when the label ends with a letter (the mark
    goes after the accelerator, as the catalog writes "位置(_L)："); msgid's own bracket
    at its end hides nothing."""
    found = _ACCELERATOR_AFTER.search(target.rstrip())
    if found is None or source.rstrip()[-1:] in _CLOSERS:
        return None, 0
    kind, start = end_class(target[: found.start()], lang)
    return (kind, len(target.rstrip())) if kind == LETTER else (kind, start)


def _suggest(
    what: str, source: str, target: str, lang: str, source_kind: str, kind: str | None, start: int
) -> Ending:
    body = target.rstrip()
    source_end = source.rstrip()[-3:] if source_kind == ELLIPSIS else source.rstrip()[-1]
    mark = source_end if source_kind == ELLIPSIS else own_mark(source_kind, lang)
    quoted = _quote(source.rstrip())
    if kind == LETTER:
        word_start = max(body.rfind(" ") + 1, len(body) - 20, 0)
        span = (word_start, len(body))
        expected = (
            body[word_start:] + mark.lstrip()
            if not _SPACED.get(lang) or source_kind not in _NEEDS_SPACE
            else body[word_start:] + mark
        )
        said = f'ends with a letter ("{body[word_start:]}")'
    else:
        span = (start, len(body))
        expected = mark
        said = f'ends with "{body[start:].strip()}"'
    if what == "no question":
        message = f"no question mark: msgid {quoted} asks a question"
    else:
        message = f'msgid {quoted} ends with "{source_end}"; msgstr {said}'
    return Ending(what, source_kind, source_end, span[0], span[1], expected, message, kind)


def _quote(text: str, width: int = 30) -> str:
    shown = text if len(text) <= width else "…" + text[-width:]
    return "'" + shown.replace("\n", " ") + "'"
