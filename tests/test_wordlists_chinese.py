"""The Chinese dictionary's cached lookup (``aligner.wordlists.chinese_dictionary``) answers
every membership question as the set of jieba's words (``chinese_words``) does, whether it
was made in memory, stored in the user's cache or read back from there."""

from __future__ import annotations

import marshal
import os
import random
import subprocess
import sys

import pytest

from aligner import wordlists
from aligner.user_cache import read_cached
from aligner.wordlists import ChineseWords

WORDS = wordlists.chinese_words()
needs_dictionary = pytest.mark.skipif(not WORDS, reason="wordfreq's jieba files not installed")


def _near_misses(words: frozenset[str], count: int) -> list[str]:
    """Strings a lookup by last character could wrongly take for words: the words' heads,
    tails, words glued together or run past an end, with newlines, and random Han runs."""
    rng = random.Random(15)
    sample = rng.sample(sorted(words), count)
    misses = ["", "\n", "启", "\n启用", "启用\n", "启用\n停用", "用\n"]
    for word in sample:
        other = rng.choice(sample)
        misses += [word[1:], word[:-1], word + other, other[-1] + word, word + "\n" + other]
        misses.append("".join(chr(rng.randint(0x3400, 0x9FFF)) for _ in range(len(word))))
    return misses


@needs_dictionary
def test_the_lookup_holds_every_word_and_nothing_else():
    lookup = ChineseWords.of(WORDS)
    assert all(word in lookup for word in WORDS)
    misses = _near_misses(WORDS, 20_000)
    assert [word in lookup for word in misses] == [word in WORDS for word in misses]
    assert 42 not in lookup and bool(lookup)


def test_an_empty_dictionary_is_false_and_holds_nothing():
    lookup = ChineseWords.of(frozenset())
    assert not lookup and "启用" not in lookup


@needs_dictionary
def test_the_dictionary_is_stored_in_the_users_cache_and_read_back(tmp_path):
    """A first process makes the cached copy; a second reads it without reading jieba's
    files and answers the same."""
    probe = (
        "from aligner import wordlists\n"
        "lookup = wordlists.chinese_dictionary()\n"
        "print(wordlists.chinese_words.cache_info().currsize)\n"
        "print('启用' in lookup, '尚未启' in lookup, '停用' in lookup, '用\\n' in lookup)\n"
    )
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}

    def run() -> list[str]:
        out = subprocess.run(
            [sys.executable, "-c", probe], capture_output=True, text=True, check=True, env=env
        )
        return out.stdout.split("\n")[:2]

    assert run() == ["1", "True False True False"]  # made from the files
    assert (tmp_path / "aligner" / "chinese-words.marshal").is_file()
    assert run() == ["0", "True False True False"]  # read back from the cache


@needs_dictionary
def test_a_cached_copy_of_other_files_or_a_damaged_one_is_made_again(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    path = tmp_path / "aligner" / "chinese-words.marshal"
    path.parent.mkdir()
    stale = ((wordlists._CHINESE_FORMAT, 0, ()), {"用": "\n尚未启用\n"})
    for stored in (marshal.dumps(stale), b"\x00 not marshal", b""):
        path.write_bytes(stored)
        wordlists.chinese_dictionary.cache_clear()
        try:
            lookup = wordlists.chinese_dictionary()
        finally:
            wordlists.chinese_dictionary.cache_clear()
        assert "启用" in lookup and "尚未启用" not in lookup
        assert lookup.by_last == ChineseWords.of(WORDS).by_last
        assert read_cached(str(path), _key()) == lookup.by_last  # stored again


@needs_dictionary
def test_no_cache_to_write_still_gives_the_whole_dictionary(tmp_path, monkeypatch):
    blocked = tmp_path / "file"
    blocked.write_text("a file where the cache folder would be")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    wordlists.chinese_dictionary.cache_clear()
    try:
        lookup = wordlists.chinese_dictionary()
    finally:
        wordlists.chinese_dictionary.cache_clear()
    assert lookup.by_last == ChineseWords.of(WORDS).by_last


def _key() -> tuple:
    return (wordlists._CHINESE_FORMAT, marshal.version, wordlists._chinese_sources())
