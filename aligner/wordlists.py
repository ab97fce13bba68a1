"""How common a word is in a language: wordfreq's small frequency lists, loaded on first use.

The checks ask it where a catalog's own text cannot tell a word from a name: a copied
"Options" or "Monday" is a common English word a translator translates, "Haible" or "Zlib"
is not one; "выберите" and "файла" are Russian word forms, which a Kazakh text does not use.

wordfreq's own ``zipf_frequency`` imports its tokenizers (ftfy, regex, langcodes: about
0.2 s of CPU) and loads its large lists; the small lists are read here as wordfreq stores
them (a gzipped msgpack list of words by frequency band, one band per centibel), in about
10 ms (English, 29,000 words) or 30 ms (Russian, 61,000). No wordfreq, or a format this
does not know: every word is unknown (frequency 0), and the checks fall back on the
catalog's own evidence.
"""

from __future__ import annotations

import gzip
import importlib.util
import os
import re
from functools import cache

_FORMAT = {"format": "cB", "version": 1}  # wordfreq 3's header of every list


def zipf(word: str, lang: str) -> float:
    """The Zipf frequency of ``word`` (lower case) in ``lang``: log10 of its occurrences per
    billion words, 3 for a word met once in a million ("aborted", "samba"), 5 for "monday",
    7.7 for "the"; 0 for a word the small list does not have."""
    band = _bands(lang).get(word)
    return 0.0 if band is None else 9.0 - band / 100.0


@cache
def _bands(lang: str) -> dict[str, int]:
    """Word -> its frequency band in centibels below 1 (``-100 * log10(frequency)``)."""
    path = _list_path(lang)
    if path is None:
        return {}
    try:
        import msgpack

        with open(path, "rb") as file:
            data = msgpack.unpackb(gzip.decompress(file.read()), raw=False)
    except (ImportError, OSError, ValueError, EOFError, TypeError):
        return {}
    if not isinstance(data, list) or not data or data[0] != _FORMAT:
        return {}
    # a word listed in two bands has the first (most frequent) one: the bands are filed
    # from the last, each overwriting what came before (dict.fromkeys: no Python loop)
    bands: dict[str, int] = {}
    for band in range(len(data) - 2, -1, -1):
        bands.update(dict.fromkeys(data[1 + band], band))
    return bands


@cache
def chinese_words() -> frozenset[str]:
    """Chinese words of two to five characters (Han only) in the jieba dictionaries wordfreq
    ships (data/jieba_zh_orig.txt and jieba_zh.txt, 340,000 words, read in about 0.15 s):
    where a text can end on a word and where only in the middle of one ("启用" is a word,
    "尚未启" ends none). Empty without wordfreq or its files."""
    words: set[str] = set()
    for name in ("jieba_zh_orig.txt", "jieba_zh.txt"):
        path = _data_path(name)
        if path is None:
            continue
        try:
            with open(path, "rb") as file:
                text = file.read().decode("utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        words.update(re.findall(r"^([\u3400-\u9fff]{2,5}) ", text, re.MULTILINE))
    return frozenset(words)


def _list_path(lang: str) -> str | None:
    """wordfreq's small list of ``lang``, found without importing wordfreq."""
    return _data_path(f"small_{lang}.msgpack.gz")


def _data_path(name: str) -> str | None:
    """The path of wordfreq's data file ``name``, found without importing wordfreq."""
    try:
        spec = importlib.util.find_spec("wordfreq")
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    for folder in spec.submodule_search_locations:
        path = os.path.join(folder, "data", name)
        if os.path.isfile(path):
            return path
    return None
