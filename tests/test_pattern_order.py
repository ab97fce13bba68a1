"""Patterns written from sets are written in one order (the command's pattern cache keeps
them from run to run), and that order cannot change what they match.

``trie_regex`` now files its words sorted, and the month openings of one length are
sorted: what moved is only the order of alternatives that begin with different
characters (or are different words of one length), so at any place at most one of them
can match and their order does not matter. The tests hold that for every word list the
facts build tries from, under the flags each is compiled with.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from aligner.facts import dates, months
from aligner.facts.names import country_index

ROOT = Path(__file__).resolve().parent.parent


def _exclusive(first: str, second: str, flags: int) -> bool:
    """Whether no character matches both literals under ``flags``."""
    return not (
        re.fullmatch(re.escape(first), second, flags)
        or re.fullmatch(re.escape(second), first, flags)
    )


def _siblings_exclusive(words, flags: int) -> None:
    """Every node of ``words``' trie: its branches begin with characters no one character
    matches two of (under ``flags``)."""
    trie: dict = {}
    for word in set(words):
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = True
    stack = [trie]
    while stack:
        node = stack.pop()
        chars = [k for k in node if k]
        for i, first in enumerate(chars):
            for second in chars[i + 1 :]:
                assert _exclusive(first, second, flags), (first, second)
        stack.extend(node[k] for k in chars)


def test_country_tries_have_exclusive_branches():
    for fam in ("en", "ru", "kk", "zh"):
        index = country_index(fam)
        _siblings_exclusive(index.cjk, 0)  # cjk_scan: no flags
        _siblings_exclusive(index.tries, re.IGNORECASE)  # scan


def test_date_tries_have_exclusive_branches():
    _siblings_exclusive(dates._EN_MONTHS, 0)
    _siblings_exclusive([*dates._RU_MONTHS, *(m.capitalize() for m in dates._RU_MONTHS)], 0)
    _siblings_exclusive([*dates._KK_STEMS, *(m.capitalize() for m in dates._KK_STEMS)], 0)
    for words, flags in dates._MONTH_SCAN.values():
        _siblings_exclusive(words, flags)


def test_month_openings_of_one_length_are_exclusive():
    for fam in ("en", "ru", "kk"):
        starts = re.search(r"\(\?:(.*?)\)", months._opening(fam).pattern).group(1).split("|")
        assert [len(s) for s in starts] == sorted((len(s) for s in starts), reverse=True)
        for i, first in enumerate(starts):
            for second in starts[i + 1 :]:
                if len(first) == len(second):
                    assert not re.fullmatch(re.escape(first), second, re.IGNORECASE)


_PRINT = """
from aligner.facts import dates, months
from aligner.facts.names import country_index
print(dates._pattern("en").pattern, dates._pattern("ru").pattern, dates._pattern("kk").pattern)
for fam in ("en", "ru", "kk"):
    print(months._opening(fam).pattern, dates._month_scan(fam).pattern)
for fam in ("en", "ru", "kk", "zh"):
    index = country_index(fam)
    print(index.scan.pattern if index.scan else "", index.cjk_scan.pattern if index.cjk else "")
"""


def _patterns(seed: str) -> str:
    env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-c", _PRINT], env=env, capture_output=True, text=True, check=True
    ).stdout


def test_patterns_written_from_sets_do_not_change_with_the_hash_seed():
    assert _patterns("1") == _patterns("2") == _patterns("3")
