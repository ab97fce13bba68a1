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

The Chinese dictionary (jieba's 335,000 words) costs 0.2 s to read and make a set of in every
process; ``chinese_dictionary`` answers the same membership questions from a copy filed by
last character, derived once from the installed files and kept in the user's cache
(``$XDG_CACHE_HOME/aligner`` or ``~/.cache/aligner``), which loads in about 6 ms.
"""

from __future__ import annotations

import gzip
import importlib.util
import marshal
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
    for name in _CHINESE_FILES:
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


_CHINESE_FILES = ("jieba_zh_orig.txt", "jieba_zh.txt")
_CHINESE_CACHE = "chinese-words.marshal"
_CHINESE_FORMAT = 1  # of the cached copy: raise when its layout or what chinese_words reads changes


class ChineseWords:
    """The words of ``chinese_words`` as a membership test, filed by last character: each
    character maps to its words between newlines ("\\n启用\\n停用\\n"), so a word (which
    holds no newline) is in the dictionary exactly when it is a whole line of its last
    character's entry. Built in one dictionary of 5,400 strings, which marshal loads in a
    few milliseconds, where a set of 335,000 strings takes 0.15 s to rebuild."""

    __slots__ = ("by_last",)

    def __init__(self, by_last: dict[str, str]) -> None:
        self.by_last = by_last

    @classmethod
    def of(cls, words: frozenset[str]) -> ChineseWords:
        """The lookup of ``words`` (none with a newline)."""
        filed: dict[str, list[str]] = {}
        for word in sorted(words):
            filed.setdefault(word[-1], []).append(word)
        return cls({last: "\n" + "\n".join(group) + "\n" for last, group in filed.items()})

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str) or not word or "\n" in word:
            return False
        entry = self.by_last.get(word[-1])
        return entry is not None and f"\n{word}\n" in entry

    def __bool__(self) -> bool:
        return bool(self.by_last)


@cache
def chinese_dictionary() -> ChineseWords:
    """``chinese_words`` as a ``ChineseWords`` lookup, read from the user's cache when the
    copy there was made from the same wordfreq files (path, size and time of each), made
    from them and stored there otherwise; no cache to read or write: made in memory."""
    from .user_cache import cache_path, read_cached, write_cached

    key = (_CHINESE_FORMAT, marshal.version, _chinese_sources())
    path = cache_path(_CHINESE_CACHE)
    cached = read_cached(path, key)
    if isinstance(cached, dict):
        return ChineseWords(cached)
    lookup = ChineseWords.of(chinese_words())
    if path is not None:
        write_cached(path, key, lookup.by_last)
    return lookup


def _chinese_sources() -> tuple[tuple[str, str, int, int] | tuple[str], ...]:
    """What the cached dictionary was made from: each jieba file's path, size and
    modification time (just its name where wordfreq has none)."""
    sources: list[tuple[str, str, int, int] | tuple[str]] = []
    for name in _CHINESE_FILES:
        path = _data_path(name)
        try:
            status = os.stat(path) if path is not None else None
        except OSError:
            status = None
        if path is None or status is None:
            sources.append((name,))
        else:
            sources.append((name, path, status.st_size, status.st_mtime_ns))
    return tuple(sources)


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
