"""``untranslated``: a catalog message left in the source language, at any length ("Save",
"Open file", a copied sentence), told from the words translators rightly keep.

A copy of msgid is often right: "OK", "GTK", "Firefox", "px", "%s: %s", "git log [<options>]",
a URL, a name. Letters alone cannot tell "Save" from "Firefox"; the catalog can: its other
messages show which source words its translators translate ("save" in 14 msgids, never kept
in msgstr) and which they keep (a name is kept wherever it appears). A message is flagged when
its own words are ones the catalog translates elsewhere. The same goes for English text that
is not msgid's (an older msgid, a machine's English) in a catalog whose language has its own
script. A copy with no plain word ("HANDLER", "GiB", "[OPTION]", "error: ") is judged by its
words as the catalog's other msgids write them, and a label in capitals by whether the catalog
translates its labels ("FILE" as "ФАЙЛ"), where the catalog seldom copies at all.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable

from ..flags import Flag
from .base import Check, Document, Unit, register

# Latin letters, with the accented ones of names and loanwords: "Petén" is one word, not
# "Pet" and a letter the patterns skip (Latin-1 and Extended-A and B, without × and ÷)
_LOWER = "a-zß-öø-ÿĀ-ɏ"
_LETTER = "A-ZÀ-ÖØ-Þ" + _LOWER
# a plain word: lower case or capitalised, no digits, no inner capitals ("GtkWidget"), not
# part of an identifier, option, path or address
_WORD = re.compile(rf"(?<![\w.\-/@$%&])[{_LETTER}][{_LOWER}]{{2,}}(?:'[a-z]+)?(?![\w\-/@]|\.\w)")
# a command's synopsis ("exit [n]", "suspend [-f]") and a field's name ("len: %2u",
# "unlink: %s"): commands and identifiers, kept in every language
_SYNOPSIS = re.compile(r"\s*[a-z][\w-]*(?:\s+[a-z][\w-]*)*(?:\s+\[[^\]]*\]).*", re.DOTALL)
_FIELD = re.compile(r"\b[a-z][\w-]*(?=\s?[:=](?:\s|$))|\(\w+\)")
# a product or model name: capitalised words with an acronym, a letter or a number
# ("Super Video CD", "Photo L", "SVEN Ergonomic 2500")
_PRODUCT = re.compile(r"[A-Z][\w+-]*(?:\s+[A-Z0-9][\w+-]*)*")
_CODE = re.compile(r"\b(?:[A-Z0-9]+|[A-Z])\b")
_LATIN_WORD = re.compile(rf"[{_LETTER}]{{2,}}")
_TECHNICAL = re.compile(
    r"<[^<>\s]*>|\[[^\[\]]*\]|\{[^{}]*\}|\S*[_/\\=@$%#|]\S*|(?<!\w)--?\w[\w-]*"
    r"|\w+\(\)|https?://\S+|\w+:\w\S*"
)
_ACCELERATOR = re.compile(r"[_&](?=[^\W\d_])")
# a label's accelerator inside or before a word ("_Yes", "R_ewind", "Copie_s:"), not the
# underscore of an identifier ("st_nlink", "PAGE_WIDTH", "bucket_next")
_LABEL_ACCELERATOR = re.compile(r"(?<![\w&])(?:[_&](?=[A-Za-z][a-z])|[A-Z][a-z]*_(?=[a-z]+\b))")
_OWN_SCRIPT = re.compile(r"[^\W\d_A-Za-z\u00c0-\u024f]")  # a letter of a non-Latin script
_NON_LATIN = frozenset(  # a word list reads better as text
    "zh ja ko ru uk be bg sr mk kk ky mn tt tg el ar fa ur ps he yi hi mr ne sa bn as pa gu "  # noqa: SIM905
    "or ta te kn ml si th lo km my ka hy am ti ug dv bo".split()
)
_MIN_TRANSLATED = 1  # other msgids whose msgstr translates the word
_KEPT_SHARE = 0.2  # a word its msgstrs keep this often is kept on purpose (a name, a command)
_OUTNUMBER = 4  # translations of a message's words per copy that outweigh the copies
_WORDS_SHARE = 0.5  # share of a message's plain words that must be translated elsewhere


def _product(text: str) -> bool:
    """Capitalised words with an acronym, a letter or a number: a product's or a model's
    name ("Super Video CD", "Master System ROM", "The GNOME Project")."""
    return bool(_PRODUCT.fullmatch(text.strip()) and _CODE.search(text))


def plain_words(text: str) -> list[str]:
    """The lower-cased plain words of ``text``: what a translator translates, once commands,
    options, placeholders, tags, paths, acronyms, field names and identifiers are out."""
    if _SYNOPSIS.fullmatch(text) or _product(text):
        return []
    return [word.lower() for word in _WORD.findall(_FIELD.sub(" ", _TECHNICAL.sub(" ", text)))]


_RUN = 3
# words in brackets, said as words ("(seconds)", " [has entry point]", "<no plugin>"), not a
# synopsis's metavariable ("[dir]": one short word) nor code ("[abi=16-bit int")
_BRACKETED_WORDS = re.compile(r"[(\[<]([A-Za-z][a-z]{3,}(?: [a-z]+)*|[a-z]+(?: [a-z]+)+)[)\]>]")
_NEAR = 5  # messages on each side of a copy in which no other copy stands (a kept block)


def _unmarked(match: re.Match) -> str:
    return match.group().replace("_", "").replace("&", "")


def _plain(text: str) -> bool:
    """Whether a message is plain words, not a field dump ("proc descr : 0x%08x"), a
    command or a path, nor a person's or product's name ("Brian Fox", "Tom Lord": two or
    more words, every one capitalised)."""
    if _FIELD.search(text) or _TECHNICAL.search(text) or _SYNOPSIS.fullmatch(text):
        return False
    words = _LATIN_WORD.findall(text)
    return len(words) < 2 or not all(word[0].isupper() for word in words)


def _unbracketed(match: re.Match) -> str:
    """Common English words in brackets ("(seconds)", " [has entry point]") as words; a
    token ("<stdin>", "[dir]") as it stands."""
    inner = match.group(1)
    return f" {inner} " if _common_english(inner.lower().split()) else match.group()


def _common_english(words: list[str]) -> bool:
    """Whether every word is in wordfreq's list of common English words (met about once in
    a million words or more): "options", "aborted", "monday"; not "haible", "zlib"."""
    return all(_english_zipf(word) >= _COMMON_ZIPF for word in words)


_COMMON_ZIPF = 3.0


def _english_zipf(word: str) -> float:
    """wordfreq's Zipf frequency of an English word, or of the verb an -ing or -ed form is
    made from, which the small list may lack ("omitting": "omit")."""
    from ..wordlists import zipf

    found = zipf(word, "en")
    if found:
        return found
    for ending in ("ing", "ed"):
        stem = word[: -len(ending)]
        if word.endswith(ending) and len(stem) >= 3:
            verbs = [stem, stem + "e"] + ([stem[:-1]] if stem[-1] == stem[-2] else [])
            return max(zipf(verb, "en") for verb in verbs)
    return 0.0


_ABROAD_GAP = 0.6  # Zipf units (a factor of four) between a name's frequency in two lists
# the language whose list stands for one wordfreq has none of: the same script's texts keep
# the same Latin names
_LIST_OF = {"kk": "ru", "ky": "ru", "tg": "ru", "mn": "ru", "be": "uk"}


def _names_kept_abroad(words: list[str], lang: str) -> bool:
    """Whether every word is one the texts of ``lang`` write in Latin letters nearly as
    often as English texts write it (within a factor of four): a name kept as it is
    ("facebook" 4.9 in English, 4.5 in Russian; "bluetooth", "intel", "skype"), where an
    English word the language merely borrows now and then is far rarer there ("today"
    5.5 and 3.8, "true", "home") or absent ("waiting", "options")."""
    from ..wordlists import zipf

    other = _LIST_OF.get(lang, lang.split("_")[0].split("-")[0])
    return bool(words) and all(
        (abroad := zipf(word, other)) > 0 and _english_zipf(word) - abroad <= _ABROAD_GAP
        for word in words
    )


def _in_run(kept: list[bool], index: int) -> bool:
    """Whether message ``index`` is in a run of at least ``_RUN`` kept messages."""
    start = index
    while start > 0 and kept[start - 1] and index - start < _RUN:
        start -= 1
    end = index
    while end + 1 < len(kept) and kept[end + 1] and end - start + 1 < _RUN:
        end += 1
    return end - start + 1 >= _RUN


def _lowered(text: str) -> set[str]:
    """The plain words of ``text`` written in lower case, and its first word."""
    found = _WORD.findall(_TECHNICAL.sub(" ", text))
    return {word.lower() for i, word in enumerate(found) if i == 0 or word.islower()}


# a copyright line or a licence notice: a legal statement, whose binding wording is the
# original one, and which translators keep as it stands
_LEGAL = re.compile(
    r"\bCopyright\b|\(C\) (?:\d{4}|%s)|©|free software; you can redistribute"
    r"|\bGNU (?:Lesser )?General Public License\b",
    re.IGNORECASE,
)


_KEY_LABEL = re.compile(r"\bkey(?:board)?\b.*\blabel|\bkey ?cap|\bkey names?\b", re.IGNORECASE)


# a key combination's modifiers and what follows them ("Shift+", "Ctrl+Alt+F2", "Super-L")
_KEY_COMBINATION = re.compile(
    r"(?:(?:Shift|Ctrl|Control|Alt|AltGr|Super|Meta|Hyper|Cmd|Fn)\s?[+-]\s?)+\w{0,9}"
)


def _key_label(document: Document, unit: Unit) -> bool:
    """Whether the entry's msgctxt says it is a key's label ("keyboard label": "End", "Tab",
    "Alt"), or msgid is a key combination ("Shift+", "Ctrl+Alt+Del"): what the key caps have
    printed on them, which catalogs keep as often as translate."""
    context = document.contexts.get(unit.entry) if document.contexts else None
    if context is not None and _KEY_LABEL.search(context) is not None:
        return True
    return _KEY_COMBINATION.fullmatch(unit.text(document.source).strip()) is not None


def _words_kept(unit: Unit, document: Document, lang: str) -> bool:
    """Whether a kept message makes a copy near it one of a kept block: one of common
    English words ("Cobalt", "Oblivion": scheme names that are words) or of none (codes,
    keys: "default:LTR", "ASCII DEL"); a kept person's or product's name, in words no
    English list has ("Chet Ramey", "Adwaita"), is kept for being one and says nothing of
    whether the catalog keeps words."""
    words = plain_words(document.masked(unit.text(lang)))
    return not words or _common_english(words)


_QUALIFIER = re.compile(r"\s*\([^()]*\)\s*$")  # "(Sun Type 6/7)" ending a label


def _unqualified(text: str) -> list[str]:
    """The plain words of a label before the qualifier in brackets that ends it ("Slovak" of
    "Slovak (Sun Type 6/7)"); [] where it ends in none."""
    found = _QUALIFIER.search(text)
    return plain_words(text[: found.start()]) if found and found.start() else []


def _kept(unit: Unit, document: Document, lang: str, own_script: bool) -> bool:
    """Whether the message's msgstr is its msgid with a word in it, or has no letter of the
    language's own script though the language has one (a cheap first look, before the words
    are read). A copy of placeholders and numbers ("%d. %s", "2000") keeps no word: it
    makes no block of kept names."""
    msgstr = unit.text(lang)
    if not msgstr or _LEGAL.search(unit.text(document.source)):
        return False
    if msgstr == unit.text(document.source):
        return _LATIN_WORD.search(document.masked(msgstr)) is not None
    return own_script and not _OWN_SCRIPT.search(msgstr) and any(map(str.isalpha, msgstr))


def _kept_words(kept: list[str], tokens: list[str]) -> list[str]:
    """The words of ``kept`` (lower case) that a copy does not write in capitals: an acronym
    or a label ("SSL", "PATH") is kept in every message that has it, so it says nothing of
    whether the message around it is translated ("SSL error: %s", "SCHEMA[:PATH]"); a word
    is kept for what it is (a command, a name), and so, maybe, is the message. (In a
    product's name, "Master System ROM", the acronym is part of the name: ``_product``.)"""
    acronyms = {token.lower() for token in tokens if token.isupper()}
    return [word for word in kept if word not in acronyms]


_SURE_WORDS = 3  # distinct words in small letters, each translated elsewhere, none kept: prose


def _normal(text: str) -> str:
    return " ".join(_ACCELERATOR.sub("", text).split())


@register
class UntranslatedCheck(Check):
    name = "untranslated"
    severity = "warning"
    description = "catalog messages left in the source language (copied msgid, English text)"

    def run(self, document: Document) -> list[Flag]:
        if not document.catalog:
            return []  # a docset's copies are the language check's
        candidates = list(self._candidates(document))
        if not candidates:
            return []
        lexicon = _Lexicon(document, {id(candidate[0]) for candidate in candidates})
        # the words as written of the copies with no plain word, but for those with a word
        # the catalog keeps (they are kept copies)
        wanted = {
            token
            for *_, tokens, lowered, _, _ in candidates
            if lowered is None
            and not _kept_words(lexicon.judged([t.lower() for t in tokens])[1], tokens)
            for token in tokens
        }
        if wanted:
            lexicon.count_as_written(wanted)
        rare = None
        flags = []
        for unit, lang, start, end, words, lowered, copied, alone in candidates:
            if lowered is None:
                # a copy with no plain word: labels, metavariables and units in capitals
                # ("HANDLER", "GiB", "[OPTION]", "WARNING"), field names ("error: "). In a
                # catalog that seldom copies, a copy whose words it translates elsewhere
                # (and never keeps) is one its translators missed
                msgid = unit.text(document.source)
                translated, kept, unseen = lexicon.judged_tokens(words, msgid)
                if (
                    not translated
                    or (_kept_words(kept, words) if not _product(msgid) else kept)
                    or len(translated) < _WORDS_SHARE * (len(translated) + len(unseen))
                ):
                    continue
                if rare is None:
                    rare = _Copies(document)  # only where a copy asks
                sure = not kept and not unseen and len(translated) >= _SURE_WORDS
                if (sure and all(map(str.islower, words))) or rare.slip(lang, msgid) is not None:
                    flags.append(
                        self._flag(unit, document, lang, start, end, copied, translated, lexicon)
                    )
                continue
            if lang not in _NON_LATIN and len(lowered) <= 1:
                # one word, or Title Case, in a Latin-script language: a word the languages
                # share ("Information") or a name ("Hmong Njua", "Mixtec, Diuxi-Tilantongo")
                continue
            if copied and _names_kept_abroad(words, lang):
                continue  # "Facebook", "Bluetooth": a name the language writes as it is
            translated, kept, unseen = lexicon.judged(words)
            if lang in _NON_LATIN and copied and not kept and rare is None:
                rare = _Copies(document)  # only where a copy asks
            slip = (
                rare.slip(lang, unit.text(document.source))
                if lang in _NON_LATIN and copied and not kept
                else None
            )
            if slip is not None:
                # a catalog that copies almost none of its messages with words ("Samba",
                # "Postscript" kept in gtk30; none in iso_3166-2 or postgres) copied this one
                # by mistake, unless one of its words is one the catalog keeps elsewhere
                flags.append(
                    self._flag(unit, document, lang, start, end, copied, translated, lexicon, slip)
                )
                continue
            if lang in _NON_LATIN and alone and not kept and _common_english(words):
                # one or a few common English words ("Options:", "Aborted", "Monday") no
                # other message has, copied where the catalog keeps no message near it (key
                # names, paper sizes, script names are kept a block at a time)
                flags.append(
                    self._flag(
                        unit, document, lang, start, end, copied, translated, lexicon, common=words
                    )
                )
                continue
            if (
                lang in _NON_LATIN
                and copied
                and kept
                and lexicon.always_translated(_unqualified(document.masked(unit.text(lang))))
            ):
                # "Slovak (Sun Type 6/7)": the words a qualifier in brackets keeps (a model's
                # name) say nothing of the name before it, which the catalog always translates
                flags.append(
                    self._flag(unit, document, lang, start, end, copied, translated, lexicon)
                )
                continue
            if len(translated) <= len(kept) and not (
                lang in _NON_LATIN and lexicon.mostly_translated(translated, kept)
            ):
                # as many words kept as translated ("cannot stat %s": "stat" is a command),
                # unless, in a language with a script of its own, the catalog translates
                # these words far more often than it keeps them ("cannot": 131 times, never
                # kept; "stat" kept 5 times)
                continue
            # enough of its words are translated elsewhere, or (in a language with its own
            # script) the rest are common words no other message has, in lower case
            if len(translated) < _WORDS_SHARE * (
                len(translated) + len(kept) + len(unseen)
            ) and not (lang in _NON_LATIN and not kept and set(unseen) <= lowered):
                continue
            flags.append(self._flag(unit, document, lang, start, end, copied, translated, lexicon))
        return flags

    def _candidates(self, document: Document) -> Iterable[tuple]:
        """(unit, lang, start, end, plain words, those in lower case, copied?, alone?) of each
        msgstr form that is msgid (or msgid_plural) as it stands, or Latin-script text in a
        language with a script of its own; for a copy with no plain word, in a language with
        a script of its own, its words in any case, outside code (``_tokens``), and None for
        those in lower case. A run of three or more such messages is left alone: key
        names, keyboard models and language lists are kept in English on purpose, a block at
        a time."""
        units = document.units
        for lang in document.targets:
            own_script = lang in _NON_LATIN
            kept = [_kept(unit, document, lang, own_script) for unit in units]
            for index, unit in enumerate(units):
                if not kept[index] or _in_run(kept, index) or _key_label(document, unit):
                    continue
                source, cell = unit.cells[document.source], unit.cells[lang]
                sources = [source.text[a:b] for a, b in source.part_spans()] or [source.text]
                for form, (start, end) in enumerate(cell.part_spans()):
                    text = cell.text[start:end]
                    msgid = sources[min(form, len(sources) - 1)]
                    copied = text == msgid or _normal(text) == _normal(msgid)
                    if not copied and not (
                        own_script and not _OWN_SCRIPT.search(text) and plain_words(msgid)
                    ):
                        continue
                    masked = _LABEL_ACCELERATOR.sub(_unmarked, document.masked(text))
                    words = plain_words(masked)
                    if not words and copied and _BRACKETED_WORDS.search(masked) is not None:
                        masked = _BRACKETED_WORDS.sub(_unbracketed, masked)
                        words = plain_words(masked)
                    if words:
                        alone = (
                            copied
                            and _plain(masked)
                            and not any(
                                kept[near] and _words_kept(units[near], document, lang)
                                for near in range(
                                    max(0, index - _NEAR), min(len(units), index + 1 + _NEAR)
                                )
                                if near != index
                            )
                        )
                        yield unit, lang, start, end, words, _lowered(masked), copied, alone
                    elif copied and own_script:
                        tokens = _tokens(masked)
                        if tokens:
                            yield unit, lang, start, end, tokens, None, copied, False

    def _flag(
        self,
        unit: Unit,
        document: Document,
        lang: str,
        start: int,
        end: int,
        copied: bool,
        translated: list[str],
        lexicon: _Lexicon,
        copies: tuple[int, int] | None = None,
        common: list[str] | None = None,
    ) -> Flag:
        msgid = unit.text(document.source)
        counts = ", ".join(
            f'"{word}" in {n} other message{"s" if n != 1 else ""}'
            if n
            else f'"{word}", a label, where the catalog translates '
            f"{lexicon.labels - lexicon.copied_labels} of its {lexicon.labels} labels"
            for word in translated[:3]
            for n in (lexicon.translations(word),)
        )
        what = (
            "msgstr is msgid as it stands"
            if copied
            else f"msgstr is in the source language, not {lang}"
        )
        if common is not None and not counts:
            words = ", ".join(f'"{word}"' for word in dict.fromkeys(common))
            message = (
                f"{what}: not translated? {words} {'is a' if len(set(common)) == 1 else 'are'} "
                f"common English word{'s' if len(set(common)) > 1 else ''}, and the catalog "
                "keeps no message near it as msgid has it"
            )
        elif copies is not None and not counts:
            message = (
                f"{what}: not translated? The catalog keeps only {copies[0]} of its "
                f"{copies[1]} such messages as msgid has them"
            )
        else:
            message = (
                f"{what}: not translated? The catalog translates its words elsewhere ({counts})"
            )
        return self.flag(
            unit,
            lang,
            start,
            end,
            message,
            evidence={document.source: msgid[:80]},
            expected=lexicon.translation_of(msgid, lang),
        )


# a catalog keeping at most this share of its messages with words as msgid (or this many) is
# one that translates them all: a copy there is a slip. Names ("Bruno Haible", "Samba",
# "Tib") are told apart: a catalog may translate every sentence and keep its names, so a
# copied name counts only against the catalog's other names, with no allowance beyond the
# share's own spread
_RARE_COPY_SHARE = 0.01
_RARE_COPY_MIN = 3


def _name_like(msgid: str, common: set[str]) -> bool:
    """Every word in Title Case or capitals ("Peter Miller"; "Hodh ech Chargui" is not),
    and none of them one the catalog's msgids write in lower case elsewhere ("Pixels",
    "Usage" are words: "in pixels", "usage: %s")."""
    words = _LATIN_WORD.findall(msgid)
    return all(word[0].isupper() and word.lower() not in common for word in words)


class _Copies:
    """How often a catalog keeps its messages with words as msgid has them, names (see
    ``_name_like``) and other messages apart, per language."""

    def __init__(self, document: Document) -> None:
        source = document.source
        self.common: set[str] = set()
        wordy = []
        for unit in document.units:
            msgid = unit.text(source)
            if not msgid or not _WORD.search(msgid):
                continue  # (a plain-looking word: plain_words on every msgid costs too much)
            wordy.append(unit)
            self.common.update(word for word in _LATIN_WORD.findall(msgid) if word.islower())
        self.rare: dict[tuple[str, bool], tuple[int, int]] = {}
        for lang in document.targets:
            if lang not in _NON_LATIN:
                continue
            count = {True: 0, False: 0}
            copies = {True: 0, False: 0}
            for unit in wordy:
                msgid = unit.text(source)
                names = _name_like(msgid, self.common)
                count[names] += 1
                copies[names] += unit.text(lang) == msgid
            for names in (True, False):
                allowed = _RARE_COPY_SHARE * count[names]
                if names and allowed >= 1:
                    # a slip rate of 1% gives a count that varies by its square root: two
                    # of those on top (2,026 names: 29 copies, not 20). A catalog keeping
                    # names by habit keeps far more (gtk30: 7-11% of its 480)
                    allowed += 2 * math.sqrt(allowed)
                if count[names] and copies[names] <= (
                    allowed if names else max(_RARE_COPY_MIN, allowed)
                ):
                    self.rare[lang, names] = (copies[names], count[names])
            for names in (True, False):
                if not count[names] and (lang, not names) in self.rare:
                    # a class with no message ("HINT:  %s" where no msgid is all names)
                    # says nothing: the catalog's other messages do
                    self.rare[lang, names] = self.rare[lang, not names]

    def slip(self, lang: str, msgid: str) -> tuple[int, int] | None:
        """(copies, messages) of the class of ``msgid`` if copies are rare in it."""
        return self.rare.get((lang, _name_like(msgid, self.common)))


class _Lexicon:
    """How often the catalog's msgids hold each word, and how often its msgstrs keep it."""

    def __init__(self, document: Document, skipped: set[int]) -> None:
        """``skipped``: ids of the suspect messages' units, which say nothing of what the
        catalog translates."""
        self.in_msgid: Counter[str] = Counter()
        self.kept: Counter[str] = Counter()
        self.known: dict[str, str] = {}
        self._document, self._skipped = document, skipped
        # the same for words as written ("HANDLER", "GiB": ``count_as_written``), and the
        # messages made of labels in capitals ("FILE", "SCHEMA[:PATH]", "WARNING") and
        # how many of them are copies
        self.as_written: Counter[str] = Counter()
        self.kept_as_written: Counter[str] = Counter()
        self.copied_as_written: Counter[str] = Counter()
        self.labels = self.copied_labels = 0
        source = document.source
        for unit in document.units:
            msgid = unit.text(source)
            if not msgid or id(unit) in skipped or _LEGAL.search(msgid):
                continue  # (a licence kept as it stands tells nothing of the catalog's words)
            ids = set(_LATIN_WORD.findall(_words_only(msgid)))
            for lang in document.targets:
                msgstr = unit.text(lang)
                if not msgstr or msgstr == msgid:
                    continue  # a copy says nothing of what the catalog translates
                self.in_msgid.update(ids)
                self.kept.update(ids.intersection(_LATIN_WORD.findall(_words_only(msgstr))))
                if len(msgid) <= 60 and "\n\n" not in msgstr:
                    self.known.setdefault(_key(msgid), msgstr)

    def count_as_written(self, wanted: set[str]) -> None:
        """Count the words ``wanted`` as written (``_tokens``: "HANDLER", "error") where
        the catalog's msgids have them, kept (in any case) or not, and copied; and the
        catalog's labels, if a word wanted is in capitals. Only for the copies that ask:
        counting every msgid's words so would double the check's time."""
        document = self._document
        holds = re.compile("|".join(map(re.escape, sorted(wanted)))).search
        labels = any(token.isupper() for token in wanted)
        for unit in document.units:
            msgid = unit.text(document.source)
            if not msgid:
                continue
            written = wanted.intersection(_TOKEN.findall(msgid)) if holds(msgid) else ()
            if written:
                written = written.intersection(_tokens(msgid))  # outside code
            if not written and not (labels and _LABEL_START.match(msgid)):
                continue
            copied = sum(unit.text(lang) == msgid for lang in document.targets)
            if labels and (
                _LABELS.fullmatch(msgid)
                or ("%" in msgid and _LABELS.fullmatch(document.masked(msgid)))
            ):
                self.labels += len(document.targets)
                self.copied_labels += copied
            if not written:
                continue
            if copied:
                self.copied_as_written.update(written)
            if id(unit) in self._skipped:
                continue
            for lang in document.targets:
                msgstr = unit.text(lang)
                if msgstr and msgstr != msgid:
                    in_msgstr = set(_LATIN_WORD.findall(_words_only(msgstr)))
                    self.as_written.update(written)
                    self.kept_as_written.update(w for w in written if w.lower() in in_msgstr)

    def mostly_translated(self, translated: list[str], kept: list[str]) -> bool:
        """Whether the catalog translates these words rather than keeps them: as many
        words never kept (in two msgids or more) as words kept, or translations outnumbering
        copies ``_OUTNUMBER`` to one (a word kept once in four msgids is no name)."""
        if not translated:
            return False
        always = [w for w in translated if self.in_msgid[w] >= 2 and not self.kept[w]]
        if len(always) >= len(kept):
            return True  # "cannot", "such": never kept in 2+ msgids, as many as the kept
        words = translated + kept
        done = sum(self.in_msgid[word] - self.kept[word] for word in words)
        return done >= _OUTNUMBER * sum(self.kept[word] for word in words)

    def always_translated(self, words: list[str]) -> bool:
        """Whether there are words and the catalog translates each of them in two msgids or
        more and never keeps it ("slovak" in 7 layouts' names)."""
        return bool(words) and all(
            self.in_msgid[word] >= 2 and not self.kept[word] for word in words
        )

    def translations(self, word: str) -> int:
        return self.in_msgid[word] - self.kept[word]

    def judged(self, words: list[str]) -> tuple[list[str], list[str], list[str]]:
        """The distinct words of a message that the catalog translates elsewhere (and seldom
        keeps), those it keeps (a name, a command), and those no other msgid has."""
        translated, kept, unseen = [], [], []
        for word in dict.fromkeys(words):
            seen, kept_times = self.in_msgid[word], self.kept[word]
            if not seen:
                unseen.append(word)
            elif kept_times > _KEPT_SHARE * seen:
                kept.append(word)
            elif seen - kept_times >= _MIN_TRANSLATED:
                translated.append(word)
            else:
                unseen.append(word)
        return translated, kept, unseen

    def judged_tokens(
        self, tokens: list[str], msgid: str
    ) -> tuple[list[str], list[str], list[str]]:
        """As ``judged``, for the words of a copy as written (``_tokens``): kept if the
        catalog keeps the word (in any case), or keeps it where its other msgids write it
        so; translated if those msgids have it translated ("[OPTION]" in 4), or, for a
        label in capitals no other msgid writes so, if it is a word and the catalog
        translates its labels (``_LABELS_TRANSLATED``). (Reported in lower case.)"""
        translated, kept, unseen = [], [], []
        for token in dict.fromkeys(tokens):
            word = token.lower()
            done, keeps, _ = self.judged([word])
            # the copy judged is one of the copies counted
            copies = max(self.copied_as_written[token] - 1, 0)
            seen = self.as_written[token] + copies
            if keeps:
                found = kept
            elif seen:
                keeps_here = self.kept_as_written[token] + copies > _KEPT_SHARE * seen
                found = kept if keeps_here else translated
            elif token.isupper():
                word_like = done or _common_english([word])
                labels = self._labels_translated(
                    bool(_LABELS.fullmatch(self._document.masked(msgid)))
                )
                found = translated if word_like and labels else unseen
            else:
                found = translated if done else unseen
            found.append(word)
        return translated, kept, unseen

    def _labels_translated(self, judged_is_label: bool) -> bool:
        """Whether the catalog translates its labels in capitals (besides the copy judged,
        if it is one)."""
        others = self.labels - judged_is_label
        return others >= _LABELS_MIN and others - (self.copied_labels - judged_is_label) >= (
            _LABELS_TRANSLATED * others
        )

    def translation_of(self, msgid: str, lang: str) -> str | None:
        """How the catalog translates the same text elsewhere (another context, another
        case or accelerator), if it does."""
        return self.known.get(_key(msgid))


# an option, a path or an identifier: words in it ("--old-options", "st_nlink") are kept
# because the token is, not because the catalog keeps the word; so are the words of a
# setting's value ("toggle-shade", "toggle-maximize": "Toggle shaded state" is a phrase)
_CODE_TOKEN = re.compile(
    r"(?<![\w-])--?[A-Za-z][\w-]*|(?<![A-Za-z0-9_-])[a-z]+(?:-[a-z]+)+(?![A-Za-z0-9_-])"
)
_CODE_CHAR = re.compile(r"-")


def _words_only(text: str) -> str:
    """``text`` in lower case without its options, paths and identifiers."""
    if _CODE_CHAR.search(text) is not None:
        text = _CODE_TOKEN.sub(" ", text)
    return text.lower()


# an identifier ("service_type_browser", "bfd-target"), an option, a path, an address or a
# literal value: code, whose words are not the catalog's to translate
_IDENTIFIER = re.compile(r"\S*[_/\\@=|]\S*|(?<![\w-])--?\w[\w-]*|\w+(?:-\w+)+|\w+:\w\S*")
_TOKEN = re.compile(rf"[{_LETTER}]{{3,}}")
# the call that failed, named after the program ("%s: unlink: %s"), kept in every language
# (a message's own first word, "error: ", is a word)
_NAMED_CALL = re.compile(r"(?<=[:;,]\s)[a-z][\w-]*(?=:(?:\s|$))")
# a message of labels in capitals and the signs between them ("FILE [PATH]", "HINT:  %s",
# its placeholders blanked)
_LABELS = re.compile(r"[\W\d_]*[A-Z]{2,}(?:[\W\d_]+[A-Z]{2,})*[\W\d_]*")
_LABEL_START = re.compile(r"[\W\d_]*[A-Z]{2}")
_LABELS_TRANSLATED = 0.9  # a catalog translating this share of its labels translates them
_LABELS_MIN = 5


def _tokens(text: str) -> list[str]:
    """The words of ``text`` in any case, as written ("HANDLER", "GiB", "error"), outside
    identifiers, options, paths and literal values ("key=value", "from:to", "a|b")."""
    return _TOKEN.findall(_IDENTIFIER.sub(" ", _NAMED_CALL.sub(" ", text)))


def _key(text: str) -> str:
    return _normal(text).casefold()
