"""``spelling``: words the source spells one way, misspelt here; one word spelled two ways.

A translation keeps many source words exactly as they are: product and program names
("Windows", "GTK", "Pixbuf"), people ("Chet Ramey"), acronyms ("HTML"), identifiers
("GdkPixbuf", "x86_64"). The source (msgid in a catalog, the other versions in a docset) is
then the evidence of the right spelling: a word of the translation that is a near miss of a
source word ("Wintwos", "Pkbuf", "Cht Ramey", an acronym's letters shuffled as "LMTH", a
Cyrillic "Р" inside "Рixbuf") while that source word is nowhere in the translation is
flagged, with the source spelling as the suggestion; so is one beside the source word where
the source writes that word more often ("microMIPS ... micrIoMPS" for "microMIPS ...
microMIPS"), unless, in a Latin-script translation, the near miss is a word of its own
("PORTA" beside "--port" in Italian, which writes "porta" everywhere).

Only the words of one script are compared (Latin with Latin; a word mixing Latin and
Cyrillic look-alike letters is read as the Latin word it imitates): a transliteration such
as "Виндоус" is a translator's choice, not a misspelling. Where the translation itself is
written in Latin letters (de, fr, ...) a near miss is often the translated word ("Document"
→ "Dokument"), so only distinctive source words count there: acronyms, identifiers, and
words the catalog keeps verbatim in other messages. A word the translation uses in several
other messages is a word of its own, not a slip: in a translation in another script, only
those where the source lacks it count ("GDK" kept from msgid in a gtk catalog is no word of
the translation's, so "GDK+" for msgid's "GTK+" is a slip). An all-capitals name has no
inflected form ("PAUSES" for "PAUSED" is a slip).

In an English document, British and American spellings of one word mixed (Center and
Centre, organise and organize, colour and color) are flagged at the minority spelling with
the majority's as the suggestion.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from functools import lru_cache

from ..facts.text import acronym_in
from ..flags import Flag
from .base import Check, Document, Unit, register

# Latin and Cyrillic letters and digits, inner underscores kept (a Chinese or Japanese
# character ends a word: "Delete文" is "Delete" and 文)
_TOKEN = re.compile(r"[A-Za-z0-9\u0400-\u04ff]+(?:_[A-Za-z0-9\u0400-\u04ff]+)*")
_MNEMONIC = re.compile(r"([^\W\d_]+)_([^\W\d_]+)")  # "Be_fore", "e_mbedding"
_CYRILLIC_LOOKALIKE = str.maketrans("АВЕКМНОРСТХаеорсухіјѕӏ", "ABEKMHOPCTXaeopcyxijsl")
_MIN_LETTERS = 3
_LATIN_LETTER = re.compile("[A-Za-z]")  # what ``_latin`` says of one character
_USED_ELSEWHERE = 2  # a word the translation writes in this many other messages is its own
# a word a Latin-script translation keeps as is in this many other messages, and in this
# share of the messages that have it, is one it never translates ("Windows", "Flatpak")
_KEPT, _KEPT_SHARE = 3, 0.9


def _unmarked(found: re.Match) -> str:
    """A keyboard mnemonic's underscore ("Be_fore", "e_mbedding") made a word break (same
    length), an identifier's ("proto_version", "USE_PLAYBIN") kept."""
    head, tail = found.groups()
    word = head + tail
    if len(head) >= 2 and len(tail) >= 2 and (word.islower() or word.isupper()):
        return found.group()
    return f"{head}\u2060{tail}"


def _latin(ch: str) -> bool:
    return ch.isascii() and ch.isalpha()


def _script(word: str) -> str:
    """ "latin", "mixed" (Latin letters with Cyrillic ones) or "other"."""
    latin = other = cyrillic = False
    for ch in word:
        if not ch.isalpha():
            continue
        if _latin(ch):
            latin = True
        elif "\u0400" <= ch <= "\u04ff":
            cyrillic = True
        else:
            other = True
    if latin and cyrillic and not other:
        return "mixed"
    return "latin" if latin and not (cyrillic or other) else "other"


def _identifier(word: str) -> bool:
    """An identifier: digits, an underscore or a capital after a small letter ("x86_64",
    "proto_version", "GdkPixbuf", "OpenPGP", "macOS"): no language translates these, where
    an all-capitals word is often a translated metavariable (WARNING, WARNUNG)."""
    return (
        "_" in word
        or any(ch.isdigit() for ch in word)
        or any(a.islower() and b.isupper() for a, b in zip(word, word[1:]))
    )


def _latin_slip(source: str, target: str, kind: str, kept: int, named: int) -> bool:
    """Whether a near miss in a Latin-script translation is a slip, not the word translated:
    "Document" -> "Dokument", "FILTER" -> "FILTRE", "USSR" -> "URSS", "table_name" ->
    "Tabellenname" are translations. A slip keeps the word's shape (its underscores and
    digits) and is one edit away, and the word is an identifier or a name the catalog keeps
    as is (in ``kept`` of the ``named`` messages that have it)."""
    never_translated = kept >= _KEPT and kept >= _KEPT_SHARE * (named - 1)
    if len(source) == 3 and not (source.isupper() and target.isupper()):
        return False  # "Kio" is French for "KiB"
    if kind == "anagram":
        return _identifier(source) or never_translated
    if source.count("_") != target.count("_") or sum(map(str.isdigit, source)) != sum(
        map(str.isdigit, target)
    ):
        return False
    from rapidfuzz.distance import OSA

    if OSA.distance(source.lower(), target.lower(), score_cutoff=1) > 1:
        return False
    return _identifier(source) or (source[:1].isupper() and never_translated)


def _slip_of_part(a: str, b: str) -> bool:
    """Unless one word holds the other, True; else whether the longer one is the shorter
    with a letter or two more that are no ending: "Pixbu" for "Pixbuf" may be a slip,
    "GIF" for "GIFs" and "Pixbuf" for "GdkPixbuf" are other forms of the word."""
    short, long = sorted((a, b), key=len)
    if short not in long:
        return True
    extra = len(long) - len(short)
    return (
        extra <= 2
        and long.startswith(short)
        and long[len(short) :] not in _ENDINGS
        and len(short) >= 4
    )


def _allowed_edits(length: int) -> int:
    if length < 4:
        return 1 if length == 3 else 0
    if length < 6:
        return 1
    return 2 if length < 10 else 3


def near_miss(source: str, target: str) -> str | None:
    """How ``target`` misspells ``source`` ("edit", "anagram", "mixed"), or None when it is
    not a near miss: equal but for case, a shorter or longer form of it (plural, prefix),
    too short to tell, or too different."""
    if source == target:
        return None
    script = _script(target)
    if script == "mixed":
        return "mixed" if target.translate(_CYRILLIC_LOOKALIKE) == source else None
    low_s, low_t = source.lower(), target.lower()
    if low_s == low_t or not _slip_of_part(low_s, low_t):
        return None
    if min(len(low_s), len(low_t)) < _MIN_LETTERS or any(ch.isdigit() for ch in low_t) != any(
        ch.isdigit() for ch in low_s
    ):
        return None
    if _inflected(low_s, low_t) and not (source.isupper() and target.isupper()):
        return None  # an all-capitals name has one form: "PAUSES" for "PAUSED" is a slip
    if source.isupper() and target.isupper() and sorted(source) == sorted(target):
        if "_" in source and sorted(source.split("_")) == sorted(target.split("_")):
            return None  # parts in another order: "DIR_CHROOT" for "CHROOT_DIR"
        return "anagram"
    if low_s[0] != low_t[0] and low_s[1:] != low_t[1:]:
        return None  # a different word far more often than a slip of the first letter
    from rapidfuzz.distance import OSA  # deferred: start-up time

    limit = _allowed_edits(len(low_s))
    if len(low_s) == 3 and (
        len(low_t) != 3
        or source.isupper() != target.isupper()
        or source.istitle() != target.istitle()
    ):
        return None  # three letters: one changed, the case kept ("GTK" -> "GHK", "Alt" -> "Act")
    if limit and OSA.distance(low_s, low_t, score_cutoff=limit) <= limit:
        return "edit"
    return None


_ENDINGS = frozenset(("", "s", "es", "e", "ed", "d", "ing", "er", "ers", "ion", "ions", "ly"))


def _inflected(a: str, b: str) -> bool:
    """Whether two words differ only in an English ending ("demangle", "demangling")."""
    common = 0
    for x, y in zip(a, b):
        if x != y:
            break
        common += 1
    return common >= 5 and a[common:] in _ENDINGS and b[common:] in _ENDINGS


_KIND_NOTE = {
    "mixed": " (Cyrillic letters among Latin ones)",
    "anagram": " (letters shuffled)",
    "edit": "",
    "inside": " (Latin letters among Cyrillic ones)",
}
# the Latin letters a Russian word may hold by a slip of the keyboard layout, each with the
# Cyrillic letter it looks like ("наcтроить", "Mодуль")
_LATIN_LOOKALIKE = str.maketrans("ABCEHKMOPTXaceopxy", "АВСЕНКМОРТХасеорху")


def _latin_inside(
    index: int, lang: str, mine: list[tuple[int, int, str]], source_words: set[str]
) -> Iterable[tuple]:
    """Cyrillic words of ``lang`` written with a Latin look-alike letter or two ("cписок",
    "Cмонтировано"): the word is misspelt for search, sorting and spell checkers though it
    reads right. A word in capitals or with digits is left alone (a metavariable or a code:
    "AРГ1", "pБРВ", hexchat's "%C20Канал"), and so is a Latin letter before it that msgid
    glues to another word in capitals (df's "IFree" is "IСвободно", pipewire's "Xunit"
    "Xединица": a code, not a letter of the word; "Mерида" for "Mérida" is the name's
    letter, and a small letter is never a code: "cписок")."""
    for start, end, word in mine:
        if _script(word) != "mixed" or any(ch.isdigit() for ch in word):
            continue
        latin = [ch for ch in word if _latin(ch)]
        cyrillic = word.translate(_LATIN_LOOKALIKE)
        if (
            2 * len(latin) >= len(word)
            or any(_latin(ch) for ch in cyrillic)
            or not (cyrillic.islower() or cyrillic.istitle())
        ):
            continue
        head = word[: len(word) - len(word.lstrip("".join(latin)))]
        if head.isupper() and any(
            _glued(head, other, cyrillic[len(head) :]) for other in source_words
        ):
            continue
        yield (index, lang, start, end, word, cyrillic, "inside", [], False)


def _glued(head: str, source: str, rest: str) -> bool:
    """Whether ``source`` is ``head`` glued to a word that ``rest`` (the Cyrillic word after
    its Latin head) does not sound like: "Xunit" beside "единица", not "Mérida" beside
    "ерида"."""
    if not source.startswith(head) or len(source) == len(head):
        return False
    from anyascii import anyascii  # deferred: start-up time

    return anyascii(source[len(head) :])[:1].lower() != anyascii(rest)[:1].lower()


@register
class SpellingCheck(Check):
    name = "spelling"
    severity = "error"
    description = "words the source spells one way, misspelt here; one word spelled two ways"
    local = True  # how often a word is used is counted in ``finish``, from the shards

    def run(self, document: Document) -> list[Flag]:
        return self.finish(document, [self.run_part(document)])

    def run_part(self, document: Document) -> tuple[list, dict]:
        """Near misses of the shard (judged in ``finish`` against the whole text's use of
        the words) and the counts they are judged by."""
        candidates: list[tuple] = []
        used: dict[str, Counter] = {lang: Counter() for lang in document.targets}
        alone: dict[str, Counter] = {lang: Counter() for lang in document.targets}
        lower: dict[str, Counter] = {lang: Counter() for lang in document.targets}
        kept: dict[str, Counter] = {lang: Counter() for lang in document.targets}
        named: dict[str, Counter] = {lang: Counter() for lang in document.targets}
        letters: Counter = Counter()  # (lang, Latin or not) -> letters of the text
        variants: dict[str, dict] = {
            lang: defaultdict(list) for lang in document.targets if lang.split("-")[0] == "en"
        }
        # letters are counted only where the language's code does not tell its script
        counting = {lang for lang in document.targets if _script_by_code(lang) is None}
        for index, unit in enumerate(document.units, document.offset):
            masked = {lang: document.masked(unit.text(lang)) for lang in document.languages}
            words = {lang: _words(masked[lang]) for lang in document.languages}
            if document.catalog and any(_mnemonic_marked(masked[t]) for t in document.targets):
                words[document.source] = _words(_unmnemonic(masked[document.source]))
            for lang in document.targets:
                mine = words[lang]
                counted = lang in counting
                if not mine:
                    if counted:
                        letters[lang, False] += sum(map(str.isalpha, unit.text(lang)))
                    continue
                if counted:  # the words hold every Latin letter of the masked text
                    latin = len(_LATIN_LETTER.findall(masked[lang]))
                    letters[lang, True] += latin
                    letters[lang, False] += sum(map(str.isalpha, unit.text(lang))) - latin
                sources = [o for o in document.others(lang) if words[o]]
                own = {w for _, _, w in mine}
                source_words = {w for o in sources for _, _, w in words[o]}
                used[lang].update(own)
                alone[lang].update(own - source_words)
                lower[lang].update({w.lower() for w in own})
                kept[lang].update(source_words & own)
                named[lang].update(source_words)
                candidates.extend(_candidates(index, lang, mine, sources, words, unit))
                candidates.extend(_latin_inside(index, lang, mine, source_words))
                if lang in variants:
                    for start, end, word in mine:
                        if _variant_key(word) is not None:
                            variants[lang][word].append((index, start, end))
        return candidates, {
            "used": used,
            "alone": alone,
            "lower": lower,
            "kept": kept,
            "named": named,
            "letters": letters,
            "variants": {lang: dict(v) for lang, v in variants.items()},
        }

    def finish(self, document: Document, parts: list[tuple[list, dict]]) -> list[Flag]:
        used: dict[str, Counter] = defaultdict(Counter)
        alone: dict[str, Counter] = defaultdict(Counter)
        lower: dict[str, Counter] = defaultdict(Counter)
        kept: dict[str, Counter] = defaultdict(Counter)
        named: dict[str, Counter] = defaultdict(Counter)
        variants: dict[str, dict] = defaultdict(lambda: defaultdict(list))
        letters: Counter = Counter()
        for _, summary in parts:
            letters.update(summary["letters"])
            for lang, counts in summary["used"].items():
                used[lang].update(counts)
            for lang, counts in summary["alone"].items():
                alone[lang].update(counts)
            for lang, counts in summary["lower"].items():
                lower[lang].update(counts)
            for lang, counts in summary["kept"].items():
                kept[lang].update(counts)
            for lang, counts in summary["named"].items():
                named[lang].update(counts)
            for lang, found in summary["variants"].items():
                for word, where in found.items():
                    variants[lang][word].extend(where)
        flags: list[Flag] = []
        units = document.units
        for candidate in (c for part, _ in parts for c in part):
            index, lang, start, end, target, source, kind, evidence, fewer = candidate
            latin_text = _latin_script(lang, letters)
            # a word a translation in another script writes where msgid has it is kept from
            # msgid ("GDK" in a Russian gtk catalog), not its own; a Latin-script language
            # shares words with English ("EXPR", "URI"), wherever they stand
            uses = used if latin_text else alone
            if kind == "edit" and uses[lang][target] > _USED_ELSEWHERE:
                continue  # a word this translation uses often: its own word
            if kind == "edit" and named[lang][target] and _glued_ending(source, target):
                continue  # "NUMBER" for "NUMBERth": the metavariable kept, "th" translated
            if fewer and latin_text and lower[lang][target.lower()] > _USED_ELSEWHERE:
                continue  # "PORTA" beside "--port": Italian writes msgid's word in its own
            elsewhere = kept[lang][source]
            if (
                latin_text
                and kind != "mixed"
                and not _latin_slip(source, target, kind, elsewhere, named[lang][source])
            ):
                continue  # in a Latin-script translation a near miss is mostly a translation
            if kind == "inside":
                said, shown = "", None
            else:
                note = f", kept as is in {elsewhere} other messages" if elsewhere else ""
                said = " — " + ", ".join(
                    f'{"msgid" if document.catalog else o} says "{source}"' for o in evidence
                )
                said, shown = said + note, {o: source for o in evidence}
            flags.append(
                self.flag(
                    units[index - document.offset],
                    lang,
                    start,
                    end,
                    f'"{target}" misspelt?{_KIND_NOTE[kind]}{said} → {source}',
                    evidence=shown,
                    expected=source,
                )
            )
        for lang, found in variants.items():
            flags.extend(self._variants(document, lang, found))
        return flags

    def _variants(self, document: Document, lang: str, found: dict[str, list]) -> Iterable[Flag]:
        """British and American spellings of one word in one document: the minority's."""
        families: dict[str, dict[str, list]] = defaultdict(dict)
        for word, where in found.items():
            key = _variant_key(word)
            if key is not None:
                families[key[0]].setdefault(key[1], []).extend(where)
        for family in families.values():
            if len(family) < 2:
                continue
            ranked = sorted(family.items(), key=lambda item: (-len(item[1]), min(item[1])))
            major, major_places = ranked[0]
            for _spelling, places in ranked[1:]:
                for index, start, end in places:
                    unit = document.units[index - document.offset]
                    word = unit.text(lang)[start:end]
                    expected = _respell(word, major)
                    yield self.flag(
                        unit,
                        lang,
                        start,
                        end,
                        f'"{word}" here, the {major} spelling {len(major_places)} times '
                        f"elsewhere: one word spelled two ways → {expected}",
                        expected=expected,
                        severity="warning",
                    )


# languages written in another script than Latin (a language not listed is judged by the
# letters of its text)
_OTHER_SCRIPT = frozenset(
    "am ar as ba be bg bn bo ce cv dv dz el fa gu he hi hy iu ja ka kk km kn ko ky lo mk ml mn "
    "mr my ne or pa ps ru sa sd si sr ta te tg th ti tt ug uk ur yi zh".split()
)


def _latin_script(lang: str, letters: Counter) -> bool:
    """Whether ``lang`` is written in Latin letters ("sr@latin" is; "zh_CN" is not)."""
    known = _script_by_code(lang)
    return known if known is not None else letters[lang, True] > letters[lang, False]


def _script_by_code(lang: str) -> bool | None:
    """Whether the code says ``lang`` is written in Latin letters; None when only its
    text can tell."""
    if "latin" in lang.lower():
        return True
    if re.split(r"[-_@.]", lang.lower())[0] in _OTHER_SCRIPT:
        return False
    return None


# a lone underscore no identifier has: at a word's start ("_UUID", "(_T)") or beside a
# letter of another script than Latin ("Ж_аңа")
_MNEMONIC_MARK = re.compile(r"(?<![A-Za-z0-9])_(?=[^\W\d_])|(?<=[^\W\d_])_(?![A-Za-z0-9_])")


def _mnemonic_marked(text: str) -> bool:
    """Whether a msgstr's one underscore is a keyboard mnemonic for certain ("Новый _UUID",
    "Ж_аңа"): then msgid's one underscore is the mnemonic too, inside a word as it may be
    ("New UU_ID" is "New UUID" with the I underlined)."""
    return text.count("_") == 1 and _MNEMONIC_MARK.search(text) is not None


def _unmnemonic(text: str) -> str:
    """``text`` with its one underscore inside a word ("UU_ID") made a word break, as
    ``_unmarked`` makes a mnemonic's: no near miss is read into either half."""
    if text.count("_") != 1:
        return text
    return _MNEMONIC.sub(lambda found: f"{found.group(1)}\u2060{found.group(2)}", text)


def _words(text: str) -> list[tuple[int, int, str]]:
    """(start, end, word) of every word with a Latin letter (mixed-script ones included)."""
    if not text or _LATIN_LETTER.search(text) is None:
        return []
    if text.count("_") == 1:
        text = _MNEMONIC.sub(_unmarked, text)
    search = _LATIN_LETTER.search
    return [
        (m.start(), m.end(), m.group())
        for m in _TOKEN.finditer(text)
        if search(text, m.start(), m.end()) is not None
    ]


def _candidates(
    index: int,
    lang: str,
    mine: list[tuple[int, int, str]],
    sources: list[str],
    words: dict[str, list],
    unit: Unit,
) -> Iterable[tuple]:
    """Words of ``lang`` that misspell a source word: one the translation lacks, or has
    fewer times than every source that has it (a word the translation writes as often as
    the source is no proof that this near miss means it; "microMIPS ... micrIoMPS" for
    msgid's "microMIPS ... microMIPS" is), or, for a shuffled acronym ("DIG" beside
    "GID"), any."""
    own_count = Counter(w.lower() for _, _, w in mine)
    found: dict[str, list[str]] = {}  # source word -> the versions that have it
    source_count: dict[str, int] = {}  # lower-case source word -> fewest times a version has it
    for other in sources:
        counts = Counter(w.lower() for _, _, w in words[other])
        for _, _, word in words[other]:
            if _letter_count(word) >= _MIN_LETTERS:
                having = found.setdefault(word, [])
                if other not in having:
                    having.append(other)
        for low, count in counts.items():
            source_count[low] = min(count, source_count.get(low, count))
    if not found:
        return
    had = {low for low, count in own_count.items() if count >= source_count.get(low, 0)}
    source_lower = {word.lower() for word in found}
    sources_seen = [
        (source, evidence, source.lower(), source.isupper()) for source, evidence in found.items()
    ]
    for start, end, word in mine:
        low = word.lower()
        if low in source_lower or _head_of(low, source_lower):
            continue
        best = None
        plain = _script(word) != "mixed"
        upper = word.isupper()
        for source, evidence, low_source, upper_source in sources_seen:
            # pairs ``near_miss`` certainly refuses, told cheaply: more than three letters
            # apart in length (no edit is allowed that many), or first letter and rest
            # both changed, unless an all-capitals word of the same length (an anagram)
            if plain and (
                abs(len(low_source) - len(low)) > 3
                or (
                    low_source[0] != low[0]
                    and low_source[1:] != low[1:]
                    and not (upper and upper_source and len(source) == len(word))
                )
            ):
                continue
            kind = near_miss(source, word)
            if kind is None or (kind == "edit" and low_source in had):
                continue
            fewer = kind == "edit" and low_source in own_count
            # a shuffle or mixed script before an edit; then a source word cased like this
            # one ("lase" misspells "lcase", not "LCASE" beside it)
            rank = (kind != "edit", _case_shape(source) == _case_shape(word))
            if best is None or rank > best[3]:
                best = (source, kind, evidence, rank, fewer)
        if best is not None:
            source, kind, evidence, _, fewer = best
            if (
                kind == "anagram"
                and source.lower() in own_count
                and any(acronym_in(word, unit.text(o)) for o in sources)
            ):
                continue  # "PAN" for msgid's "Personal Area Networking", beside its "NAP"
            yield (index, lang, start, end, word, source, kind, evidence, fewer)


_CUT = 2  # letters cut off a word's end that make a short form, not a slip


def _head_of(word: str, sources: set[str]) -> bool:
    """Whether ``word`` is a source word's head, cut short as a translator names it ("man"
    for "manual page", "proc" for "procfs"): two letters or more are gone, and no source
    word is ``word`` with one more letter (a slip drops one: "fil" for "file")."""
    if len(word) < _MIN_LETTERS:
        return False
    longer = [source for source in sources if source.startswith(word)]
    return bool(longer) and all(len(source) - len(word) >= _CUT for source in longer)


def _glued_ending(source: str, target: str) -> bool:
    """Whether ``source`` is the capitals of ``target`` with an English ending glued on in
    small letters ("NUMBERth", "FILEs"): help text's metavariable with its ending, which a
    translation writes as the metavariable and its own ending ("NUMBER 番目")."""
    return (
        len(source) > len(target)
        and source.startswith(target)
        and target.isupper()
        and source[len(target) :].islower()
    )


def _case_shape(word: str) -> str:
    return "upper" if word.isupper() else "lower" if word.islower() else "mixed"


@lru_cache(maxsize=65536)
def _letter_count(word: str) -> int:
    return sum(map(str.isalpha, word))


# British and American spellings: (British pattern, American pattern, stem group, exceptions).
# A word belongs to a family (rule, stem) only when both spellings occur in the document,
# so a rule never invents a word; the exceptions are words with no -ize/-er spelling.
_VARIANT_RULES = (
    (
        "ise",
        re.compile(r"^(\w+[^aeiou\W])is(e|es|ed|ing|ation|ations|er|ers)$"),
        re.compile(r"^(\w+[^aeiou\W])iz(e|es|ed|ing|ation|ations|er|ers)$"),
        "is",
        "iz",
    ),
    (
        "yse",
        re.compile(r"^(\w+)ys(e|es|ed|ing|er|ers)$"),
        re.compile(r"^(\w+)yz(e|es|ed|ing|er|ers)$"),
        "ys",
        "yz",
    ),
    ("tre", re.compile(r"^(\w{3,}[tb])re(s?)$"), re.compile(r"^(\w{3,}[tb])er(s?)$"), "re", "er"),
    (
        "our",
        re.compile(r"^(\w{3,})our(s|ed|ing|ite|ites|able|ful)?$"),
        re.compile(r"^(\w{3,})or(s|ed|ing|ite|ites|able|ful)?$"),
        "our",
        "or",
    ),
)
_NOT_VARIANTS = frozenset(
    "advertise advise chastise circumcise comprise compromise concise demise despise devise "
    "disguise enterprise excise exercise expertise franchise improvise incise merchandise "
    "otherwise precise premise promise revise supervise surmise surprise televise treatise "
    "paradise".split()
)


@lru_cache(maxsize=65536)
def _variant_key(word: str) -> tuple[tuple[str, str], str] | None:
    """((rule, stem), "British" or "American") of an English word that has a spelling
    variant ("Centres" -> (("tre", "cent"), "British")), or None."""
    lower = word.lower()
    if len(lower) < 5 or not lower.isascii() or not lower.isalpha():
        return None
    for rule, british, american, _, _ in _VARIANT_RULES:
        for pattern, style in ((british, "British"), (american, "American")):
            found = pattern.match(lower)
            if found is None:
                continue
            if rule == "ise" and (found.group(1) + "ise" in _NOT_VARIANTS):
                return None
            return (rule, found.group(1)), style
    return None


def _respell(word: str, major: str) -> str:
    """``word`` in the ``major`` spelling, its case kept ("Centre" -> "Center")."""
    lower = word.lower()
    for _, british, american, british_infix, american_infix in _VARIANT_RULES:
        pattern, infix = (
            (british, american_infix) if major == "American" else (american, british_infix)
        )
        found = pattern.match(lower)
        if found is not None:
            out = found.group(1) + infix + (found.group(2) or "")
            break
    else:
        return word
    if word.isupper():
        return out.upper()
    return out[:1].upper() + out[1:] if word[:1].isupper() else out
