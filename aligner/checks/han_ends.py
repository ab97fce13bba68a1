"""Where a Chinese catalog's msgstrs can end, for ``truncation``: which characters end its runs
of Han characters, and which words of the dictionary (jieba's, as wordfreq ships it, read
through ``aligner.wordlists``, from the user's cache, for the first Chinese msgstr that
asks) end its msgstrs.

A Chinese text has no spaces to say where a word ends, so a msgstr cut inside a word
("此系统尚未启" of "此系统尚未启用 SELinux") ends on a character like any other; the catalog
says which characters a word almost always follows ("启" of "启用", "启动"), and the
dictionary whether a word ends there after all.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..wordlists import ChineseWords

# a character that ends at most this share of the runs of Han characters it is in, being in
# at least this many (others than the one judged), where no word of the dictionary ends the
# msgstr: it was cut inside a word ("此系统尚未启" of "启用")
_MID_WORD_END = 0.06
_MID_WORD_SEEN = 3
_WORD_CHARACTERS = 5  # the longest dictionary word looked for at msgstr's end


@cache
def han_run() -> re.Pattern[str]:
    """Runs of Han characters."""
    return re.compile(r"[\u3400-\u9fff]+")  # compiled for the first Chinese catalog


class HanEnds:
    """Which characters end the runs of Han characters of a Chinese catalog's msgstrs, and
    which words end its msgstrs: a character that almost never ends a run ("启" of "启用",
    "启动"; "的", "将" that a word follows) ends a msgstr only where it was cut; where a
    word of the dictionary ends a msgstr, that word's habit is what counts, not its last
    character's ("正确" ends messages where "确" ends none)."""

    def __init__(self, msgstrs: list[str]) -> None:
        self.seen: Counter[str] = Counter()
        self.ends: Counter[str] = Counter()
        for msgstr in msgstrs:
            runs = han_run().findall(msgstr)
            self.seen.update("".join(runs))
            self.ends.update(run[-1] for run in runs)
        self.msgstrs = msgstrs
        self._text: str | None = None
        self._endings: Counter[str] | None = None

    def cut(self, msgstr: str) -> bool:
        """Whether ``msgstr`` ends with a Han character that ends almost none of the
        catalog's other runs, and no dictionary word ends it there."""
        return self._ends_inside(msgstr, _MID_WORD_SEEN, _MID_WORD_END)

    def never_ends(self, msgstr: str, seen: int) -> bool:
        """Whether ``msgstr`` ends with a Han character that ends none of the catalog's other
        runs, being in at least ``seen`` of them ("未" of "未合并"), and no dictionary word
        ends it there."""
        return self._ends_inside(msgstr, seen, 0.0)

    def _ends_inside(self, msgstr: str, seen: int, share: float) -> bool:
        """Whether ``msgstr``'s last Han character, in at least ``seen`` of the catalog's
        other runs, ends at most ``share`` of them, and no dictionary word ends it there."""
        last = msgstr.rstrip()[-1:]
        if not last or not ("\u3400" <= last <= "\u9fff"):
            return False
        others, ends = self.seen[last] - 1, self.ends[last] - 1
        if others < seen or ends > share * others:
            return False
        return bool(_dictionary()) and self.last_word(msgstr) is None

    def last_word(self, msgstr: str) -> str | None:
        """The longest word of the dictionary (two characters or more) that ends
        ``msgstr``, if any."""
        words = _dictionary()
        runs = han_run().findall(msgstr.rstrip()[-_WORD_CHARACTERS:])
        if not runs or not msgstr.rstrip().endswith(runs[-1]):
            return None
        tail = runs[-1]
        return next((tail[-n:] for n in range(len(tail), 1, -1) if tail[-n:] in words), None)

    def word_ends(self, word: str) -> tuple[Counter[str], Counter[str]]:
        """How often ``word`` is in the catalog's msgstrs and how many of them it ends, as
        counters (what ``truncation`` counts of a word of Russian)."""
        if self._text is None:
            self._text = "\0".join(self.msgstrs)
            self._endings = Counter(
                body[-n:]
                for body in map(str.rstrip, self.msgstrs)
                for n in range(2, _WORD_CHARACTERS + 1)
            )
        assert self._endings is not None
        return Counter({word: self._text.count(word)}), Counter({word: self._endings[word]})


def _dictionary() -> ChineseWords:
    """The dictionary's words (``in``), from the user's cache: a copy filed by last character
    answers every membership question as the whole set of 335,000 words would."""
    from ..wordlists import chinese_dictionary  # deferred: read for the first Chinese suspect

    return chinese_dictionary()
