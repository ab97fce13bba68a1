"""``truncation``: a catalog msgstr cut short ("Очистка пометок коммитов" for "Clearing commit
marks in commit graph", "如果您删除" for "If you delete an item, it will be permanently lost.").

Length alone cannot tell a cut from a terse translation, nor can the last word alone, so the
catalog is its own evidence, learned afresh from each catalog (each language pair):

- how long its msgstrs are for a msgid of a given length (the median and spread of the log
  ratio, by msgid length), so a msgstr far shorter than its msgid predicts stands out
  (Chinese, also besides the names and identifiers it copies from msgid, as long in both:
  "无法派生autovacuum启" is shorter in its own words only);
- which of its msgid words it translates with which msgstr words (a word and its translation
  that go together in most messages that have either: ``word_links``), so a msgid word whose
  translation is missing from the msgstr is seen;
- which words end its msgstrs (``message_ends``; Russian "и", "для", Chinese "的", "不" end
  almost none), and which word endings (Russian "-ая", "-ый": an adjective without its noun,
  "Сербская" for "Serbian (Cyrillic, with guillemets)"), and whether msgid's final "." ":"
  "!" "?" is there; Chinese, where a word of the dictionary (jieba's, as wordfreq ships it)
  ends a msgstr, that word's habit ("正确" ends messages where "确" ends none), and where none
  does, which characters end almost none of its runs of Han characters: "此系统尚未启" was cut
  inside "启用";
- (``kept_ends``) whether it keeps msgid's bracketed ends ("(Standard)") and which acronyms
  and identifiers ("GROUP", "TeX") it keeps as they are, or whether it keeps all its
  CamelCase names ("PrintDlgEx") and words with digits: where it does, one lost is a cut end
  too (ISO catalogs drop alternative names in brackets at will; "DENIED" is translated); and
  whether its msgstrs end with a name of msgid that msgid goes on after: where almost none
  do (Kazakh, head last: "Gnumeric электрондық кестесі"), one that does is a cut end too
  ("Gnumeric" for "Gnumeric spreadsheet").

A msgstr is flagged when it is much shorter than predicted and its end looks cut (a word
that ends no other message, msgid's end mark missing; far shorter, a word that ends few of
the messages it is in: "Модель" for "The child model"; Chinese, shorter, ending inside a
word; no longer than usual, ending with a character that ends none of the catalog's runs of
Han characters: "类似于 -m，但丢弃未"), or shorter and missing the translations of msgid words:
several with a cut end (one before a Russian or Kazakh word that ends no message, when much
shorter, "|HOST|использовать" for "|HOST|use HOST for LDAP queries", or when it is msgid's
last after its first, "Страниц на" for "Pages per Sheet"), most of them, or its last ones
after the first ones it has (a cut keeps msgid's beginning; a terse translation drops words
anywhere; two are enough before an end few messages have), or so far shorter than any habit
of the catalog allows that length alone says cut ("Для понижения" for "Authentication is
required to downgrade software"; Chinese, in its own words too, besides what msgstrs copy),
unless msgid is an official long name that such catalogs shorten ("Iran, Islamic Republic
of" as "Иран"). A Russian or Kazakh msgstr of one word for a msgid of two or more is cut
where the word is one the catalog's messages go on after ("Изображение" for "AutoCAD image",
where its "Изображение ..." all go on), or, much shorter, where its ending is ("Видеопоток"
for "MJPEG video stream", "Бөлімнің" for "Error resizing partition"), unless msgid is a
label that ends with a preposition ("Print at"); and a far shorter msgstr of an official
name ("Republic of Yemen") without the translation of its head that the catalog gives in
nearly every other message with it ("Йемен" where it writes "X Республикасы"). A msgstr
ending with a word that needs more (``open_ends``: "таблица в" for "tree table",
"Пайдаланушының"; much shorter, one adjective, "Расширенный" for "Extended Partition") is
cut unless msgid goes on too ("Split this track every"). msgid's end mark counts only in a catalog that keeps its end marks (Chinese catalogs often leave "."
out). A flag points at msgstr's end, where the rest is missing.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import cache

from ..catalog import base_language
from ..flags import Flag
from .base import Check, Document, Unit, register
from .han_ends import HanEnds, han_run
from .kept_ends import KeptEnds, ends_with_mark, has_opener, lost_group, lost_tokens
from .message_ends import (
    ENDING_WORD,
    LETTERS,
    copied_end,
    copied_ends,
    count_ends,
    ending,
    ends_few,
    last_word,
    unmarked,
    words_of,
)
from .msgstr_lengths import LengthModel, length, own_lengths
from .open_ends import adjective_alone, coordination, dangling
from .word_links import Lexicon, source_words

_LATIN = re.compile(r"[A-Za-z]{3,}")
_MIN_MESSAGES = 40  # a catalog smaller than this has no length model
# robust z of the length ratio (measured on 57k real ru/kk/zh entries, docs/checks-benchmark.md)
_SHORT = -3.0  # "much shorter": enough with an end that looks cut
_SHORT_LOST = -2.0  # enough when the cut end is msgid's end mark missing
_SHORTER = -1.2  # "shorter": enough with a cut end and translations of msgid words missing
_RARE_END = 0.02  # a word ending at most this share of the messages it is in...
_RARE_END_SEEN = 20  # ...of at least this many (function words: "и", "для", "的", "不")
_RARE_ENDING_SEEN = 60  # an ending in at least this many messages, ending few of them
# "far shorter" msgstrs need less of their end: a word (ending) ending at most this share
# of the few messages it is in ("Модель" for "The child model", "Загрузить" for "Load
# additional GTK+ modules": the catalog's "Модель ..." go on)
_FAR_SHORT = -3.5
_FEW_END = 0.05
_FEW_END_SEEN = 5
_FEW_ENDING_SEEN = 15
# msgstrs with a name or identifier of msgid that msgid goes on after, before the catalog's
# habit counts: where few of them end with it (Kazakh), one that does is a cut end
# ("StarWriter" for "StarWriter document")
_COPIED_SEEN = 20
_MISSING = 2  # translations missing, with "shorter" and a cut end
_MISSING_MOST = 3  # translations missing, with "shorter" (z <= _SHORT_LOST), when they
_MOST = 0.75  # are most of the msgid words the catalog has translations for
_SHORT_TAIL = -1.6  # or "shorter" when they are msgid's last words, after words it has
# so much shorter that length alone says cut ("Для понижения" for "Authentication is required
# to downgrade software"): this far out of the catalog's spread and under two fifths of the
# length it gives such a msgid (a catalog of uniform messages has a narrow spread), unless
# msgid is a name with an official long form that translations shorten at will ("Iran,
# Islamic Republic of", "Holy See (Vatican City State)") or msgstr is a country's name
# ("Ресей" for "Russian Federation")
_VERY_SHORT = -5.0
_VERY_SHORT_SHARE = 0.4
_NAME_COVERS = 0.8  # share of msgstr's letters a country's name must cover
_OFFICIAL_FORM = re.compile(r",[^,]*\bof\s*$")
# an official name's head ("Republic" of "Federative Republic of Brazil", "Kingdom" of
# "Kingdom of Eswatini"): where the catalog translates it in nearly every message that has
# it ("X Республикасы"), a far shorter msgstr without it kept the name and lost its head
# ("Йемен" for "Republic of Yemen"; "Чехия" for "Czech Republic" is no such form)
_NAME_HEAD = re.compile(r"(?:[A-Z][\w'’-]*\s+)*([A-Z][a-z]+)\s+of(?:\s+(?:the\s+)?[A-Z][\w'’.-]*)+")
_HEAD_SHORT = -2.5


# Chinese, "shorter" is enough for a msgstr that ends inside a word (``han_ends``), unless
# msgid is one word: a term, translated by a coined term ("快进" for "fast-forward") that no
# dictionary has
_MID_WORD_SHORT = -1.6
# ...and no longer than usual is enough where the character it ends with ends none of the
# catalog's runs of Han characters it is in, twenty or more ("未" of "未合并", "没" of "没有":
# "类似于 -m，但丢弃未"), msgid being more than one word
_NEVER_ENDS_SHORT = 0.0
# Russian and Kazakh, one word left of a msgid of two or more ("Изображение" for "AutoCAD
# image", "некорректный" for "bignum invalid"): a cut when no longer than usual and the word
# is one the catalog's messages go on after (it ends few of the messages it is in), whatever
# msgid's length (a two-word msgid is too short for the length model)
_LONE_SHORT = 0.0
_LONE_SEEN = 5  # a word in at least this many other messages...
_LONE_ENDS = 0.2  # ...ending at most this share of them (msgid long enough to measure;
# a shorter one, _FEW_END)
# (or shorter, as much as a lost end mark needs, and a word whose ending few of the
# catalog's words with it end a message with, _FEW_END of _FEW_END_SEEN: "Видеопоток" for
# "MJPEG video stream", "Бөлімнің" for "Error resizing partition")
# ...unless msgid is itself a label that goes on, ending with a preposition ("Print at",
# "Relative to": a time or a widget follows, and the msgstr ends as such labels do)
_OPEN_LABEL_ENDS = frozenset("as at by for from in into of on per than to via with".split())
# a word that needs more at the end (``open_ends``): a cut when no longer than usual (or, a
# preposition or conjunction, too short to measure)
_DANGLING_SHORT = 0.0


def _or(value: float | None, default: float) -> float:
    return default if value is None else value


# Chinese characters: compiled for the first Chinese catalog (a large class); their runs are
# han_ends' pattern
@cache
def _han() -> re.Pattern[str]:
    return re.compile(r"[\u3400-\u9fff]")


def _tokens(text: str, cjk: bool) -> tuple[set[str], set[str]]:
    """msgstr's words (Chinese: characters), for which words end messages, and its tokens as
    the lexicon counts them: a word's first five letters (its stem, roughly, in Russian and
    Kazakh), Chinese character pairs, Latin words kept as they are."""
    latin = {word.lower() for word in _LATIN.findall(text)}
    if cjk:
        found = set(latin)
        for run in han_run().findall(text):
            found.update(run[i : i + 2] for i in range(len(run) - 1))
        return set(_han().findall(text)), found
    words = words_of(text)
    return words, latin | {word[:5] for word in words if len(word) >= 3 and not word.isascii()}


def _lost_tail(found: list[tuple[str, bool]]) -> bool:
    """Whether the translations missing of msgid's words (``found``: in msgid's order, with
    whether msgstr has each) are all after those there: a cut keeps the beginning ("Очистка
    пометок коммитов" for "Clearing commit marks in commit graph"), a terse translation
    drops words anywhere."""
    there = [kept for _, kept in found]
    if not there or there[-1] or True not in there:
        return False
    last_kept = len(there) - 1 - there[::-1].index(True)
    return all(there[: last_kept + 1])


def _lone_word(msgid: str, msgstr: str) -> bool:
    """Whether ``msgstr`` is one word (of its own script: a Latin one is a name kept) for a
    msgid of two words or more."""
    if len(msgid.split()) < 2 or len(msgstr.split()) > 1:  # str.split first: no regex
        return False
    words, source = LETTERS.findall(unmarked(msgstr)), LETTERS.findall(msgid)
    return (
        len(words) == 1
        and not words[0].isascii()
        and len(source) >= 2
        and source[-1].lower() not in _OPEN_LABEL_ENDS
    )


def _last_translated(msgid: str, found: list[tuple[str, bool]]) -> bool:
    """Whether msgid's last word has its learnt translation in msgstr (``found``)."""
    words = _LATIN.findall(msgid)
    return bool(words) and dict(found).get(words[-1].lower(), False)


def _goes_on(word: str | None, seen: Counter[str], ends: Counter[str], measured: bool) -> bool:
    """Whether the catalog's other messages that have ``word`` go on after it: the word
    itself, not its ending ("-ие" ends nouns and adjectives alike), for a msgstr of that
    word alone. It may end a fifth of them where msgid is long enough for the length
    model to say the msgstr is no longer than usual (``measured``), a twentieth where
    nothing else speaks ("Отступ" for "Indent set" and "Initial gap" ends few of the
    catalog's messages too)."""
    if word is None:
        return False
    others = seen[word] - 1
    share = _LONE_ENDS if measured else _FEW_END
    return others >= _LONE_SEEN and ends[word] - 1 <= share * others


def _ending_goes_on(
    word: str | None, seen: Counter[str], ends: Counter[str], z: float | None
) -> bool:
    """Whether the catalog's words with ``word``'s ending go on in its messages (Russian
    "-ая", "-ые": an adjective before its noun; Kazakh "-нің": a genitive before its head),
    for a msgstr of that word alone that is much shorter than the catalog gives such a msgid."""
    if word is None or z is None or z > _SHORT_LOST or len(word) < ENDING_WORD:
        return False
    end = ending(word)
    others = seen[end] - 1
    return others >= _FEW_END_SEEN and ends[end] - 1 <= _FEW_END * others


@register
class TruncationCheck(Check):
    name = "truncation"
    severity = "warning"
    description = (
        "a catalog msgstr cut short: far shorter than the catalog's msgstrs for "
        "such a msgid, ending where no message ends, translations of msgid words "
        "missing"
    )

    def run(self, document: Document) -> list[Flag]:
        if not document.catalog:
            return []
        flags = []
        for lang in document.targets:
            flags.extend(self._language(document, lang))
        return flags

    def _language(self, document: Document, lang: str) -> Iterable[Flag]:
        for found in evidence(document, lang):
            if _is_cut(found):
                yield self._flag(found, document, lang)

    def _flag(self, found: _Evidence, document: Document, lang: str) -> Flag:
        body = found.msgstr.rstrip()
        start = max(body.rfind(" ") + 1, len(body) - 12, 0)
        # a lone word's own reason where no other evidence says cut
        lone = found.lone_word and not _is_cut(replace(found, lone_word=False))
        if found.dangling or found.alone:
            reasons = [_agreement_reason(found)]
            lone = True
        else:
            reasons = [_lone_reason(found) if lone else _length_reason(found)]
        if found.missing:
            reasons.append(_missing_reason(found))
        if not lone:
            reasons.extend(_end_reasons(found))
        return self.flag(
            found.unit,
            lang,
            start,
            len(body),
            "msgstr cut short? " + "; ".join(reasons),
            evidence={document.source: found.msgid[-80:]},
        )


@dataclass(frozen=True)
class _Evidence:
    """What the catalog says of one msgstr shorter than it predicts."""

    unit: Unit
    msgid: str
    msgstr: str
    z: float  # robust z of its length ratio
    rare_end: bool  # ends with a word (or word ending) that ends almost no message
    few_end: bool  # ...or few of the few messages it is in
    lost_mark: bool  # msgid's end mark, bracketed end or kept token missing
    missing: list[str]  # msgid words whose learnt translations are missing
    known: int  # msgid words the catalog has translations for
    lost_tail: bool  # the missing ones are msgid's last such words, after words that are there
    expected: int  # characters the catalog's msgstrs have for such a msgid
    shortened_name: bool  # msgid an official long name, or msgstr a country's name
    mid_word: bool = False  # Chinese: ends inside a word
    words: bool = True  # msgstr's words are words (not Chinese characters)
    last: str | None = None  # the word (Chinese: word or character) whose habit was judged
    own_z: float = 0.0  # Chinese: z of its length besides what it copies from msgid
    own_expected: int = 0  # ...and the characters the catalog gives that
    lone_word: bool = False  # one word for several, one the catalog's messages go on after
    lost_head: str | None = None  # an official name's head, always translated here, missing
    copied_end: str | None = None  # a name of msgid it ends with, where msgid goes on
    never_end: bool = False  # Chinese: ends with a character that ends none of the runs
    dangling: str | None = None  # Russian, Kazakh: the preposition or conjunction it ends with
    alone: str | None = None  # one word for several: "adjective" (its noun lost), "and"


def _length_reason(found: _Evidence) -> str:
    msgid, msgstr = found.msgid, found.msgstr
    if found.z <= _SHORTER:
        return (
            f"{length(msgstr)} characters where this catalog's msgstrs for such a "
            f"msgid have about {found.expected}"
        )
    return (
        f"{own_lengths(msgid, msgstr)[1]} characters besides what it copies from "
        f"msgid where this catalog's msgstrs for such a msgid have about {found.own_expected}"
    )


def _lone_reason(found: _Evidence) -> str:
    return (
        f"one word for msgid's {len(LETTERS.findall(found.msgid))}: "
        f'"{found.last}" ends few of the messages it is in'
    )


def _agreement_reason(found: _Evidence) -> str:
    """A word that needs what follows it, at msgstr's end."""
    if found.dangling:
        return f'ends with "{found.dangling}", which needs a word after it'
    start = f"one word for msgid's {len(LETTERS.findall(found.msgid))}"
    if found.alone == "and":
        return f'{start}, which joins two with "and"'
    last = (_LATIN.findall(found.msgid) or [""])[-1]
    return f'{start}: "{found.last}" is an adjective without its noun (no translation of "{last}")'


def _missing_reason(found: _Evidence) -> str:
    return "no translation of " + ", ".join(f'"{w}"' for w in found.missing[:4])


def _end_reasons(found: _Evidence) -> list[str]:
    """What says msgstr's end is cut, in words."""
    msgid, msgstr, last = found.msgid, found.msgstr, found.last
    if found.lost_head:
        return [
            f'no "{found.lost_head}" of msgid\'s name, which this catalog translates in '
            "nearly every message that has it"
        ]
    if found.never_end:
        return [f'ends inside a word: "{last}" ends none of the runs of Han characters here']
    if found.mid_word and not found.rare_end:
        return [f'ends inside a word: "{last}" ends almost no run of Han characters here']
    if found.rare_end:
        return [f'ends with "{last}", which ends almost no other message']
    if found.few_end and found.z <= _FAR_SHORT:
        return [f'ends with "{last}", which ends few of the messages it is in']
    if not found.lost_mark:
        return []
    lost = lost_tokens(msgid, msgstr)
    if ends_with_mark(msgid) and not ends_with_mark(msgstr):
        return ["msgid's end mark is missing"]
    if lost_group(msgid, msgstr):
        return ["msgid's bracketed end is missing"]
    if lost:
        return ["msgid's " + ", ".join(f'"{token}"' for token in lost[:3]) + " missing"]
    if found.copied_end:
        return [
            f'ends with "{found.copied_end}", which msgid goes on after and this '
            "catalog's msgstrs seldom end with"
        ]
    return []


def _is_cut(found: _Evidence) -> bool:
    """Whether the evidence adds up to a cut: much shorter with a cut end (far shorter: an
    end few messages have; Chinese, shorter: inside a word), or shorter with a cut end and
    translations missing (one, with a word that ends no message, when much shorter or when
    it is msgid's last after its first), or missing the
    translations of most msgid words, or of its last words after its first (with an end few
    messages have, two are enough), or so much shorter that nothing else is needed; or one
    word left of several that the catalog's messages go on after, or an official name
    without the head the catalog always translates."""
    z, missing, cut = found.z, len(found.missing), found.rare_end or found.lost_mark
    if found.lone_word or found.lost_head or found.dangling or found.alone:
        return True
    if found.never_end and min(z, found.own_z) <= _NEVER_ENDS_SHORT:
        return True
    if z > _SHORTER:  # Chinese, shorter only besides what it copies from msgid
        return found.mid_word and found.own_z <= _MID_WORD_SHORT
    return (
        (z <= _SHORT and cut)
        or (missing >= _MISSING and cut)
        or (found.lost_mark and z <= _SHORT_LOST)
        or (missing >= _MISSING_MOST and z <= _SHORT_LOST and missing >= _MOST * found.known)
        or (z <= _FAR_SHORT and found.few_end)
        or (min(z, found.own_z) <= _MID_WORD_SHORT and found.mid_word)
        or (missing and found.rare_end and found.words and (z <= _SHORT_LOST or found.lost_tail))
        or (missing >= _MISSING and found.few_end and found.lost_tail and z <= _SHORT_TAIL)
        or (missing >= _MISSING_MOST and z <= _SHORT_TAIL and found.lost_tail)
        or (
            _very_short(z, found.msgstr, found.expected)
            and not found.shortened_name
            and _own_very_short(found)
        )
    )


def _own_very_short(found: _Evidence) -> bool:
    """Chinese, whether msgstr is so far shorter in its own words too (besides what it
    copies from msgid): a catalog many of whose msgstrs copy their msgid ("Exif", untranslated
    labels) gives its Chinese terms a length they never have ("光圈优先" for "Aperture
    priority" is a third of it)."""
    if found.words:
        return True
    own = own_lengths(found.msgid, found.msgstr)[1]
    return found.own_z <= _VERY_SHORT and own + 1 <= _VERY_SHORT_SHARE * (found.own_expected + 1)


def evidence(document: Document, lang: str) -> Iterator[_Evidence]:
    """What the catalog says of each of its msgstrs in ``lang`` that is shorter than
    predicted."""
    language = base_language(lang)
    cjk = language in ("zh", "ja")
    source = document.source
    pairs = []  # (unit, msgid, msgstr) of every single-form message
    for unit in document.units:
        source_cell, cell = unit.cells[source], unit.cells.get(lang)
        if cell is None or not cell.text or len(cell.parts) > 1 or len(source_cell.parts) > 1:
            continue
        pairs.append((unit, source_cell.text, cell.text))
    if len(pairs) < _MIN_MESSAGES:
        return
    lengths = [(length(msgid), length(msgstr)) for _, msgid, msgstr in pairs]
    model = LengthModel(lengths)
    zs = [model.z(a, b) for a, b in lengths]
    own, own_sizes, own_zs = model, lengths, zs
    if cjk:  # a name or identifier copied as it is counts as many letters as it has
        own_sizes = [own_lengths(msgid, msgstr) for _, msgid, msgstr in pairs]
        own = LengthModel(own_sizes)
        own_zs = [_or(own.z(a, b), z) for (a, b), z in zip(own_sizes, zs)]
    shorter = [
        (k, z, own_zs[k])
        for k, z in enumerate(zs)
        if z is not None and (z <= _SHORTER or _or(own_zs[k], 0.0) <= _MID_WORD_SHORT)
    ]
    if not cjk:  # one word left of several, however short msgid is
        chosen = {k for k, *_ in shorter}
        shorter += [
            (k, _or(z, 0.0), _or(z, 0.0))
            for k, z in enumerate(zs)
            if k not in chosen and _or(z, 0.0) <= _LONE_SHORT and _lone_word(*pairs[k][1:])
        ]
    if not cjk:  # a preposition or conjunction at the end, however short msgid is
        chosen = {k for k, *_ in shorter}
        shorter += [
            (k, _or(z, 0.0), _or(z, 0.0))
            for k, z in enumerate(zs)
            if k not in chosen
            and _or(z, 0.0) <= _DANGLING_SHORT
            and dangling(*pairs[k][1:], language, z is not None)
        ]
    inside = HanEnds([msgstr for *_, msgstr in pairs]) if cjk else None
    if inside is not None:  # a character no run ends with, in a msgstr no longer than usual
        chosen = {k for k, *_ in shorter}
        shorter += [
            (k, z, own_zs[k])
            for k, z in enumerate(zs)
            if k not in chosen
            and z is not None
            and min(z, own_zs[k]) <= _NEVER_ENDS_SHORT
            and _never_ends(inside, *pairs[k][1:])
        ]
    if not shorter:
        return
    tokens = [_tokens(msgstr, cjk) for _, _, msgstr in pairs]  # (words, lexicon tokens)
    seen, ends = count_ends([msgstr for *_, msgstr in pairs], [t[0] for t in tokens], cjk)
    kept = KeptEnds([(msgid, msgstr) for _, msgid, msgstr in pairs])
    copied = {k: token for k, *_ in shorter if (token := copied_end(*pairs[k][1:]))}
    if copied:  # counted for the catalogs that have such a suspect only
        having, ending_with = copied_ends([(msgid, msgstr) for _, msgid, msgstr in pairs])
        if having < _COPIED_SEEN or ending_with - 1 > _RARE_END * (having - 1):
            copied = {}
    suspects = []
    for k, z, own_z in shorter:
        unit, msgid, msgstr = pairs[k]
        last = last_word(msgstr, cjk)
        rare_end = ends_few(last, seen, ends, cjk, _RARE_END, _RARE_END_SEEN, _RARE_ENDING_SEEN)
        few_end = rare_end or ends_few(
            last, seen, ends, cjk, _FEW_END, _FEW_END_SEEN, _FEW_ENDING_SEEN
        )
        lost_mark = kept.lost(msgid, msgstr) or k in copied
        if inside is not None and (rare_end or few_end):
            word = inside.last_word(msgstr)  # a word's habit, not its last character's
            if word is not None:
                last = word
                seen_word, word_ends = inside.word_ends(word)
                rare_end = ends_few(word, seen_word, word_ends, cjk, _RARE_END, _RARE_END_SEEN, 0)
                few_end = rare_end or ends_few(
                    word, seen_word, word_ends, cjk, _FEW_END, _FEW_END_SEEN, 0
                )
        never_end = inside is not None and _never_ends(inside, msgid, msgstr)
        mid_word = never_end or (
            inside is not None and len(msgid.split()) > 1 and inside.cut(msgstr)
        )
        lone_word = not cjk and _lone_word(msgid, msgstr)
        lone = lone_word and (
            _goes_on(last, seen, ends, zs[k] is not None)
            or _ending_goes_on(last, seen, ends, zs[k])
        )
        alone = None  # why one word is too few, besides the catalog's habits
        if lone_word and not lone and coordination(msgid):
            alone = "and"
        elif lone_word and not lone and language == "ru" and _or(zs[k], 0.0) <= _SHORT_LOST:
            alone = "adjective" if adjective_alone(msgid, last, seen, ends) else None
        needs_more = None if cjk else dangling(msgid, msgstr, language, zs[k] is not None)
        suspects.append(
            (k, z, own_z, rare_end, few_end, lost_mark, mid_word, last, lone, never_end)
            + (alone, needs_more)
        )
    heads = {k: _name_head(pairs[k][1]) for k, z, *_ in suspects if z <= _HEAD_SHORT}
    lexicon = Lexicon(
        [(pairs[k][1], tokens[k][1]) for k in range(len(pairs))],
        {w for k, *_ in suspects for w in source_words(pairs[k][1])},
        {head for head in heads.values() if head},
    )
    for k, z, own_z, rare_end, few_end, lost_mark, mid_word, last, lone, never, *more in suspects:
        unit, msgid, msgstr = pairs[k]
        found = lexicon.found(msgid, tokens[k][1])
        alone, needs_more = more
        if alone == "adjective" and _last_translated(msgid, found):
            alone = None  # msgid's last word is there: no noun lost
        expected = model.expected(msgid)
        head = heads.get(k)
        lost_head = head is not None and lexicon.lost_head(head, tokens[k][1])
        yield _Evidence(
            unit,
            msgid,
            msgstr,
            z,
            rare_end,
            few_end,
            lost_mark,
            [word for word, there in found if not there],
            len(found),
            _lost_tail(found),
            expected,
            _very_short(z, msgstr, expected) and _shortened_name(msgid, msgstr, lang),
            mid_word,
            not cjk,
            last,
            own_z,
            own.expected_of(own_sizes[k][0]),
            lone,
            head if lost_head else None,
            copied.get(k),
            never,
            needs_more,
            alone,
        )


def _never_ends(inside: HanEnds, msgid: str, msgstr: str) -> bool:
    return len(msgid.split()) > 1 and inside.never_ends(msgstr, _RARE_END_SEEN)


def _name_head(msgid: str) -> str | None:
    """The head word of an official name ("republic" of "Republic of Yemen"), if msgid is
    one."""
    match = _NAME_HEAD.fullmatch(msgid.strip())
    return match.group(1).lower() if match else None


def _very_short(z: float, msgstr: str, expected: int) -> bool:
    return z <= _VERY_SHORT and length(msgstr) + 1 <= _VERY_SHORT_SHARE * (expected + 1)


def _shortened_name(msgid: str, msgstr: str, lang: str) -> bool:
    """Whether msgid is a name's official long form ("Bolivia, Plurinational State of",
    "Holy See (Vatican City State)") or msgstr is all a country's name in ``lang``: a
    shorter name is how such names are translated, not a cut."""
    if _OFFICIAL_FORM.search(msgid) or ("(" in msgid and not has_opener(msgstr)):
        return True
    from ..facts.names import country_index  # deferred: built for the few such msgstrs

    index = country_index(base_language(lang))
    letters = sum(map(len, LETTERS.findall(msgstr)))
    if index is None or not letters:
        return False
    covered = sum(end - start for start, end, _ in index.find(msgstr.strip()))
    return covered >= _NAME_COVERS * letters
