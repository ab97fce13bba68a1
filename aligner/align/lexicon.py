"""Lexical evidence learnt from the two texts being aligned: no dictionary, no model.

Real translations share much more than numbers and names: words kept verbatim (``Alt+Print``,
``GNOME``, ``/etc/passwd``, ``--help``), whole paragraphs left untranslated, and, between the
words that are translated, a vocabulary that repeats through the document ("Disabled" is
"Отключено" every time). These word keys carry that evidence into the search:

- a Latin word found as it is on both sides (verbatim tokens; an untranslated copy shares
  every word, rare ones included, which pins it better than a hash of it would: a copy
  key was tried and changed no row of the real-text docsets);
- a short ASCII line with symbols as it stands (a man page's tree drawing, "`-getty"
  and "|-getty", share their words but not their symbols);
- a placeholder or tag as it stands (``%s``, ``{0}``, ``${VAR}``, ``<b>``);
- a sound key (``=``) through the transliteration, so that a loanword or a name written in
  another alphabet ("терминал", "Зимбабве") meets its English form;
- a word pair learnt from a first alignment: word e of the pivot and word f of the other
  text co-occur in its confident 1-1 beads far more often than chance (Dice coefficient over
  beads, each word linked to its best partner only, as in Melamed's competitive linking), the
  same idea as the dictionary hunalign and Moore (2002) build from a first pass; the other
  text's paragraphs holding f then also hold the key e.

Words are lowercased letter runs; in scripts that inflect (Cyrillic, Greek, ...) a word is
cut to its first ``STEM`` letters, so that "файл", "файла" and "файлов" count as one (in
an agglutinative language a long word's first ``ROOT`` letters are a key as well); a run
of CJK characters gives its character bigrams (no segmenter needed, any CJK language).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache
from itertools import chain, repeat

from anyascii import anyascii

from .recurring import each_once

Keys = frozenset[str]
STEM = 5  # letters kept of a word in a script other than Latin
STEM_ENDING = 4  # a pivot word's stem (pivot_stems) stands for forms this much longer at most
ROOT = 3  # letters of a long word's root, in languages that stack suffixes on it
# Turkic and Mongolic languages written in Cyrillic: a root of one syllable ("түс", colour)
# carries suffix after suffix ("түстерді", "түсті"), so the first STEM letters of its forms
# differ; the root is a key too (Latin-script words are compared as they are, never cut)
AGGLUTINATIVE = frozenset({"kk", "ky", "tt", "ba", "mn", "uz", "tk", "az", "sah", "cv"})
MIN_LINKS = 2  # a learnt pair must co-occur in at least this many beads
MIN_DICE = 0.5  # ... and share at least this much of its two words' occurrences
MAX_SHARE = 0.25  # words found in more than this share of beads are too common to learn
# a short line of symbols and Latin words, kept as it is in translations ("`-getty",
# "|-getty", "-o, --output"): it is its own key too, since its words alone do not tell it
# from a look-alike line with other symbols
SHORT_LINE = 40
COPY = "^="
HEADING = "^caps"  # the key of a paragraph written in capitals: a heading ("SEE ALSO", "ФАЙЛЫ")
HEADING_LETTERS = 3  # ... of at least this many letters
_LATIN = re.compile(r"[a-z]{2,}")
# placeholders and markup a translation keeps as they are: printf and Python formats, {0} and
# {name}, $VAR and ${VAR}, tags; each becomes a key of its own, marked with a leading "%"
_CODE = re.compile(
    r"%(?:\([\w.]+\))?[-+ #0]*\d*(?:\.\d+)?[sdifuxXeEgGcr]|\{[\w.]*\}"
    r"|\$\{?[A-Za-z_]\w*\}?|</?[A-Za-z][\w-]*"
)
_OTHER = re.compile(r"[^\W\da-z_]{2,}")  # a run of letters of another script
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]")
_NONE: Keys = frozenset()
_MARKED = "~=^%+"  # the first character of keys that are no Latin word as written
_SOUND_RULES = [
    (re.compile(a), b)
    for a, b in (
        (r"[^a-z]", ""),
        (r"ph", "f"),
        (r"c(?=[eiy])", "s"),
        (r"ck|c|q", "k"),
        (r"x", "ks"),
        (r"w", "v"),
        (r"z", "s"),
        (r"ts", "t"),
        (r"[jy]", "i"),
        (r"[aeiouh]", ""),
        (r"(.)\1+", r"\1"),
    )
]


def paragraph_words(text: str, roots: bool = False) -> Keys:
    """The word keys of one paragraph: Latin words as they are (comparable across languages:
    verbatim tokens), stems (and ``roots``) of other words and bigrams of CJK runs marked with a leading
    ``~`` (comparable only through a learnt link); placeholders and tags as they are,
    marked with a leading ``%`` (``%s``, ``%{0}``, ``%<b``); a short ASCII line with symbols
    as a whole (``^=`-getty``); sound keys of the other words.
    Digits are left to the facts' number keys; no word key contains ":" (the mark of
    anchor keys)."""
    return word_keys(text, roots)[0]


def word_keys(text: str, roots: bool = False) -> tuple[Keys, Keys]:
    """The paragraph's word keys (``paragraph_words``) and those of them that two or more of
    its words give (its doubles): "Группа Группа, которой..." holds ``~групп`` twice. A
    bead's sides share a key up to twice (``search``): a heading merged into the paragraph
    after it ("Group" + "The group the file...") is found twice in the merged translation,
    where the paragraph beside a dropped heading holds it once."""
    low = text.lower()
    latin = _LATIN.findall(low)
    doubles = _repeated(latin)
    if low != text and text.upper() == text and _capitals(text):
        latin.append(HEADING)
    if "%" in text or "{" in text or "<" in text or "$" in text:
        latin += [code if code[0] == "%" else "%" + code for code in _CODE.findall(text)]
    if low.isascii():
        if len(text) <= SHORT_LINE and not text.replace(" ", "").isalnum():
            latin.append(COPY + " ".join(text.split()))
        return (frozenset(latin) if latin else _NONE), doubles
    words = set(latin)
    others = _OTHER.findall(low)
    if not others:
        return frozenset(words), doubles
    if _CJK.search(low):
        found = []
        for word in others:
            if _CJK.match(word):  # runs of CJK are long and rarely recur: not cached
                found += [f"~{a}{b}" for a, b in zip(word, word[1:])]
            else:
                found += _word_keys(word, roots)
    else:
        found = list(chain.from_iterable(map(_word_keys, others, repeat(roots))))
    words.update(found)
    # sound keys are loose: a word and its neighbour's can sound alike ("description",
    # "descriptors"); only stems and bigrams are counted twice
    more = _repeated([key for key in found if key[0] == "~"])
    return frozenset(words), (doubles | more if doubles else more)


def _repeated(keys: list[str]) -> Keys:
    """The keys found more than once in ``keys``."""
    if len(keys) < 2 or len(set(keys)) == len(keys):
        return _NONE
    return frozenset(k for k, n in Counter(keys).items() if n > 1)


def _capitals(text: str) -> bool:
    """Whether every letter of ``text`` is a capital, and there are HEADING_LETTERS or more
    (a CJK character is a letter without case: "FSSTND 兼容" is no heading)."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= HEADING_LETTERS and all(map(str.isupper, letters))


@lru_cache(maxsize=1 << 16)
def _word_keys(word: str, roots: bool = False) -> tuple[str, ...]:
    """The keys of one word of a script other than Latin (not a CJK run): its stem, its root
    (``roots``: a long word of an agglutinative language) and its sound key if it has one.
    Cached: a text's words recur, and a paragraph's keys are
    measured for every paragraph of every language."""
    sound = _sounds(word)
    stem = "~" + word[:STEM]
    keys = (stem, "~" + word[:ROOT]) if roots and len(word) > STEM else (stem,)
    return (*keys, sound) if sound else keys


def pivot_stems(words: Sequence[Keys]) -> tuple[Keys, ...]:
    """The pivot's word keys (a whole text's, in order) with a stem (``+`` and the first
    ``STEM`` letters) for each Latin word whose stem another word of the text shares:
    "reading" and "read" stay two words, "deletion" and "deleted" also hold ``+delet``,
    which a word pair can then link to the other text's stem ("удаления", "удалено").
    A stem only one form of the text has would just repeat that word; a word more than
    ``STEM_ENDING`` letters longer than its stem is a compound or a derivation, no form
    of it ("international", "interpretation"; with them the bundled statement's zh and kk lost
    0.2 points)."""
    forms: dict[str, str] = {}
    shared: set[str] = set()
    vocabulary = [
        w
        for w in frozenset().union(*words)
        if STEM <= len(w) <= STEM + STEM_ENDING and w[0] not in _MARKED
    ]
    for word in vocabulary:
        if word.isalpha() and forms.setdefault(word[:STEM], word) != word:
            shared.add(word[:STEM])
    stem_of = {w: "+" + w[:STEM] for w in vocabulary if w[:STEM] in shared and w.isalpha()}
    if not stem_of:
        return tuple(words)
    stemmed = frozenset(stem_of)

    def stems_added(held: Keys) -> Keys:
        found = held & stemmed
        return held.union(map(stem_of.__getitem__, found)) if found else held

    return each_once(stems_added, words)


def sounds_like(words: Keys) -> Keys:
    """``words`` and the sound keys of their Latin words (see ``_sounds``)."""
    found = sound_keys(words)
    return words | found if found else words


def sound_keys(words: Keys) -> Keys:
    """The sound keys of the Latin words among ``words`` (see ``_sounds``)."""
    found = [sound for word in words if word[0] not in "~=^+" and (sound := _sounds(word))]
    return frozenset(found) if found else _NONE


@lru_cache(maxsize=1 << 16)
def _sounds(word: str) -> str | None:
    """A loose sound key (``=`` and the first consonants) of a word in any alphabet, through
    its ASCII transliteration: "терминал" and "terminal" both give ``=trmn``, "прокси" and
    "proxy" ``=prks``, "Зимбабве" and "Zimbabwe" ``=smbv``. Loanwords and names are written
    in the other script but sound alike; no key for short words or CJK (whose
    transliteration says nothing of the English)."""
    if len(word) < 4:
        return None
    latin = skeleton(word)
    return "=" + latin[:4] if len(latin) >= 3 else None


@lru_cache(maxsize=1 << 16)
def skeleton(word: str) -> str:
    """A word's consonants through its ASCII transliteration, however short ("веб" and
    "web" both give ``vb``); "" for a CJK word (its transliteration says nothing of the
    English)."""
    if _CJK.match(word):
        return ""
    latin = anyascii(word).lower()
    for old, new in _SOUND_RULES:
        latin = old.sub(new, latin)
    return latin


def learn_links(
    pivot_words: Sequence[Keys], other_words: Sequence[Keys], pairs: Iterable[tuple[int, int]]
) -> dict[str, frozenset[str]]:
    """Word pairs learnt from ``pairs`` (pivot paragraph, other paragraph) that are likely
    translations: other word f -> the pivot words it translates (usually one).

    Dice over beads with competitive linking: pairs are taken best first, and a word already
    linked is not linked again, so a frequent word cannot attach itself to everything.
    """
    pairs = list(pairs)
    if len(pairs) < 4:
        return {}
    limit = max(MIN_LINKS, MAX_SHARE * len(pairs))
    count_e: Counter = Counter()
    beads_of_f: dict[str, list[int]] = {}
    for i, _ in pairs:
        count_e.update(pivot_words[i])
    for i, j in pairs:
        for f in other_words[j]:
            # a stem or bigram, or a word of a Latin-script translation ("Datei", "fichier")
            # that the pivot never writes; one the pivot writes is matched as it is
            if f[0] == "~" or (f[0] not in "%=^" and f not in count_e):
                beads_of_f.setdefault(f, []).append(i)
    # only pivot words that can be linked are counted with each other word: seen at least
    # MIN_LINKS times, at most ``limit``, and words (anchor keys hold ":")
    # a pivot stem met just as often as one of its words is met in the same beads: it
    # adds nothing and would take the word's partner from it
    widest: Counter = Counter()
    for e, b in count_e.items():
        if len(e) >= STEM and e[0] not in _MARKED and b > widest["+" + e[:STEM]]:
            widest["+" + e[:STEM]] = b
    usable = frozenset(
        e
        for e, b in count_e.items()
        if MIN_LINKS <= b <= limit
        and ":" not in e
        and e[0] != "^"
        and (e[0] != "+" or b > widest[e])
    )
    left = {i: pivot_words[i] & usable for i, _ in pairs}
    scored = []
    for f, where in beads_of_f.items():
        a = len(where)
        if a < MIN_LINKS or a > limit:
            continue
        together = Counter(chain.from_iterable(left[i] for i in where))
        for e, both in together.items():
            if both < MIN_LINKS:
                continue
            dice = 2 * both / (a + count_e[e])
            if dice >= MIN_DICE:
                scored.append((-dice, -both, e, f))
    scored.sort()
    used_e: set[str] = set()
    links: dict[str, set[str]] = {}
    for _, _, e, f in scored:
        if e in used_e or f in links:
            continue
        used_e.add(e)
        links.setdefault(f, set()).add(e)
    return {f: frozenset(es) for f, es in links.items()}


def translated(other_words: Sequence[Keys], links: dict[str, frozenset[str]]) -> list[Keys]:
    """The other text's word keys with every linked word's pivot words added: a paragraph
    saying "Отключено" then shares the key "disabled" with the pivot's."""

    def linked(words: Keys) -> Keys:
        found = [links[w] for w in words if w in links]
        return words.union(*found) if found else words

    return list(each_once(linked, other_words))
