"""Lexical evidence learnt from the two texts being aligned: no dictionary, no model.

Real translations share much more than numbers and names: words kept verbatim (``Alt+Print``,
``GNOME``, ``/etc/passwd``, ``--help``), whole paragraphs left untranslated, and, between the
words that are translated, a vocabulary that repeats through the document ("Disabled" is
"Отключено" every time). Three kinds of anchor keys carry that evidence into the search:

- ``w:`` a word in the pivot's script, found as it is on both sides (verbatim tokens; in a
  copied paragraph every word);
- ``c:`` the identity of a whole paragraph (an untranslated copy, a command line);
- ``l:`` a word pair learnt from a first alignment: word e of the pivot and word f of the other
  text co-occur in its confident 1-1 beads far more often than chance (Dice coefficient over
  beads, each word linked to its best partner only, as in Melamed's competitive linking), the
  same idea as the dictionary hunalign and Moore (2002) build from a first pass.

Words are lowercased letter runs; in scripts that inflect (Cyrillic, Greek, ...) a word is
cut to its first ``STEM`` letters, so that "файл", "файла" and "файлов" count as one; a run
of CJK characters gives its character bigrams (no segmenter needed, any CJK language).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence

Keys = frozenset[str]
STEM = 5             # letters kept of a word in a script other than Latin
MIN_LINKS = 2        # a learnt pair must co-occur in at least this many beads
MIN_DICE = 0.5       # ... and share at least this much of its two words' occurrences
MAX_SHARE = 0.25     # words found in more than this share of beads are too common to learn
_WORD = re.compile(r"[^\W\d_]+|\d+", re.UNICODE)
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]+")
_SPACES = re.compile(r"\s+")


def _latin(word: str) -> bool:
    return word.isascii()


def paragraph_words(text: str) -> Keys:
    """The word keys of one paragraph: ``w:`` for Latin-script words (comparable across
    languages as they are), ``f:`` for stems and CJK bigrams (comparable only through a
    learnt link). Digits are left to the facts' number keys."""
    words = set()
    for run in _CJK.findall(text):
        if len(run) == 1:
            words.add("f:" + run)
        else:
            words.update("f:" + run[k:k + 2] for k in range(len(run) - 1))
    for word in _WORD.findall(_CJK.sub(" ", text)):
        if word.isdigit() or len(word) < 2:
            continue
        word = word.lower()
        if _latin(word):
            words.add("w:" + word)
        else:
            words.add("f:" + word[:STEM])
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
    together: Counter = Counter()
    count_e: Counter = Counter()
    count_f: Counter = Counter()
    limit = max(MIN_LINKS, MAX_SHARE * len(pairs))
    for i, j in pairs:
        left = [w for w in pivot_words[i] if w[0] != "c"]
        right = [w for w in other_words[j] if w[0] == "f"]
        count_e.update(left)
        count_f.update(right)
        if left and right:
            together.update((e, f) for e in left for f in right)
    scored = []
    for (e, f), both in together.items():
        if both < MIN_LINKS or count_e[e] > limit or count_f[f] > limit:
            continue
        dice = 2 * both / (count_e[e] + count_f[f])
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


def linked_keys(pivot_words: Sequence[Keys], other_words: Sequence[Keys],
                links: dict[str, frozenset[str]]) -> tuple[list[Keys], list[Keys]]:
    """``l:`` keys for each paragraph of both texts: a learnt pair (e, f) gives the key
    ``l:e`` to pivot paragraphs holding e and other paragraphs holding f."""
    wanted = {e for es in links.values() for e in es}
    pivot = [frozenset("l:" + w for w in words if w in wanted) for words in pivot_words]
    other = []
    for words in other_words:
        found = set()
        for w in words:
            es = links.get(w)
            if es:
                found.update("l:" + e for e in es)
        other.append(frozenset(found))
    return pivot, other
