"""Lexical evidence learnt from the two texts being aligned: no dictionary, no model.

Real translations share much more than numbers and names: words kept verbatim (``Alt+Print``,
``GNOME``, ``/etc/passwd``, ``--help``), whole paragraphs left untranslated, and, between the
words that are translated, a vocabulary that repeats through the document ("Disabled" is
"Отключено" every time). Three kinds of anchor keys carry that evidence into the search:

- a Latin word found as it is on both sides (verbatim tokens; in a copied paragraph every
  word);
- ``c:`` the identity of a whole paragraph (an untranslated copy, a command line);
- a word pair learnt from a first alignment: word e of the pivot and word f of the other
  text co-occur in its confident 1-1 beads far more often than chance (Dice coefficient over
  beads, each word linked to its best partner only, as in Melamed's competitive linking), the
  same idea as the dictionary hunalign and Moore (2002) build from a first pass; the other
  text's paragraphs holding f then also hold the key e.

Words are lowercased letter runs; in scripts that inflect (Cyrillic, Greek, ...) a word is
cut to its first ``STEM`` letters, so that "файл", "файла" and "файлов" count as one; a run
of CJK characters gives its character bigrams (no segmenter needed, any CJK language).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Sequence

Keys = frozenset[str]
STEM = 5             # letters kept of a word in a script other than Latin
MIN_LINKS = 2        # a learnt pair must co-occur in at least this many beads
MIN_DICE = 0.5       # ... and share at least this much of its two words' occurrences
MAX_SHARE = 0.25     # words found in more than this share of beads are too common to learn
_WORD = re.compile(r"[a-z]{2,}|[^\W\da-z_]{2,}")  # a Latin word, or a run of other letters
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]")
_SPACES = re.compile(r"\s+")
_NONE: Keys = frozenset()


def paragraph_words(text: str) -> Keys:
    """The word keys of one paragraph: Latin words as they are (comparable across languages:
    verbatim tokens), stems of other words and bigrams of CJK runs marked with a leading
    ``~`` (comparable only through a learnt link). Digits are left to the facts' number
    keys; no word key contains ":" (the mark of anchor and copy keys)."""
    low = text.lower()
    found = set(_WORD.findall(low))
    if low.isascii():
        return frozenset(found) if found else _NONE
    words = set()
    for word in found:
        if word.isascii():
            words.add(word)
        elif _CJK.match(word):
            words.update("~" + word[k:k + 2] for k in range(len(word) - 1))
        else:
            words.add("~" + word[:STEM])
    return frozenset(words)


def copy_key(text: str) -> str | None:
    """The identity key of a paragraph long enough to be told apart (None for short ones:
    "Yes" copied is no evidence of place)."""
    normal = _SPACES.sub(" ", unicodedata.normalize("NFC", text)).strip().casefold()
    if len(normal) < 12:
        return None
    return "c:" + hashlib.blake2b(normal.encode(), digest_size=8).hexdigest()


def text_keys(paragraphs: Sequence[str]) -> list[Keys]:
    """Word and copy keys of every paragraph of one text."""
    out = []
    for text in paragraphs:
        keys = paragraph_words(text)
        copy = copy_key(text)
        out.append(keys | {copy} if copy else keys)
    return out


def learn_links(pivot_words: Sequence[Keys], other_words: Sequence[Keys],
                pairs: Iterable[tuple[int, int]]) -> dict[str, frozenset[str]]:
    """Word pairs learnt from ``pairs`` (pivot paragraph, other paragraph) that are likely
    translations: other word f -> the pivot words it translates (usually one).

    Dice over beads with competitive linking: pairs are taken best first, and a word already
    linked is not linked again, so a frequent word cannot attach itself to everything.
    """
    pairs = list(pairs)
    if len(pairs) < 4:
        return {}
    limit = max(MIN_LINKS, MAX_SHARE * len(pairs))
    beads_of_e: dict[str, set[int]] = {}
    beads_of_f: dict[str, list[int]] = {}
    for bead, (i, j) in enumerate(pairs):
        for e in pivot_words[i]:
            if ":" not in e:
                beads_of_e.setdefault(e, set()).add(bead)
        for f in other_words[j]:
            if f[0] == "~":
                beads_of_f.setdefault(f, []).append(bead)
    scored = []
    for f, where in beads_of_f.items():
        a = len(where)
        if a < MIN_LINKS or a > limit:
            continue
        # Dice >= MIN_DICE needs e in at least MIN_DICE / 2 of f's beads, so e is in one of
        # any (1 - MIN_DICE / 2) * a + 1 of them: the candidates are the words of those.
        look = min(a, int((1 - MIN_DICE / 2) * a) + 1)
        candidates = set().union(*(pivot_words[pairs[bead][0]] for bead in where[:look]))
        beads = set(where)
        for e in candidates:
            of_e = beads_of_e.get(e)
            if of_e is None or len(of_e) > limit:
                continue
            both = len(beads & of_e) if len(of_e) > 1 else int(not beads.isdisjoint(of_e))
            if both < MIN_LINKS:
                continue
            dice = 2 * both / (a + len(of_e))
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
    out = []
    for words in other_words:
        found = [links[w] for w in words if w in links]
        out.append(words.union(*found) if found else words)
    return out
