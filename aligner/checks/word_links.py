"""Which msgstr tokens a catalog's msgid words go with, for ``truncation``: a word and a
token that go together in most messages that have either (Dice) is the catalog's
translation of it ("separator" and "раздел-"), so a msgstr without it lacks that word's
translation; and, for an official name's head ("Republic" of "Republic of Yemen"), whether
nearly every message that has it has its translation too.

Learnt afresh from each catalog, for the words of its suspect msgstrs only: counting what
goes with every word of every message would cost the most.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

_LATIN = re.compile(r"[A-Za-z]{3,}")
_COMMON = 0.1  # share of msgids a word is in beyond which it has no one translation
_PAIR_SEEN = 3  # a msgid word in at least this many messages...
_PAIR_DICE = 0.6  # ...whose translation goes with it this strongly (Dice)
_HEAD_SEEN = 8  # other messages with an official name's head...
_HEAD_KEPT = 0.9  # ...this share of which have its translation


def source_words(text: str) -> set[str]:
    """msgid's words, as the lexicon counts them (Latin letters, three or more, lower-case)."""
    return {word.lower() for word in _LATIN.findall(text)}


class Lexicon:
    """Which msgstr tokens go with each of the wanted msgid words across the catalog."""

    def __init__(
        self, pairs: list[tuple[str, set[str]]], wanted: set[str], heads: set[str] = frozenset()
    ) -> None:
        n_word: Counter[str] = Counter()
        n_token: Counter[str] = Counter()
        together: dict[str, Counter[str]] = defaultdict(Counter)
        sources = [source_words(msgid) & wanted for msgid, _ in pairs]
        for words in sources:
            n_word.update(words)
        # a word in a tenth of the messages ("the", "not", "file") is translated too many
        # ways to miss; counting what goes with it would cost the most
        # (nor is a word in fewer than _PAIR_SEEN messages given a translation below: what
        # goes with it is not counted either)
        # (an official name's head, "Republic" in a list of countries, is counted however
        # common: there are few)
        counted = {
            word
            for word, n in n_word.items()
            if _PAIR_SEEN <= n and (n <= _COMMON * len(pairs) or word in heads)
        }
        for words, (_, tokens) in zip(sources, pairs):
            n_token.update(tokens)
            for word in words & counted:
                together[word].update(tokens)
        self.translation: dict[str, set[str]] = {}
        self.heads: dict[str, set[str]] = {}  # a common head's, for ``lost_head`` only
        for word, counts in together.items():
            if n_word[word] < _PAIR_SEEN:
                continue
            strong = {
                token
                for token, co in counts.items()
                if co >= 2 and 2 * co / (n_word[word] + n_token[token]) >= _PAIR_DICE
            }
            if strong:
                common = n_word[word] > _COMMON * len(pairs)
                (self.heads if common else self.translation)[word] = strong
        self.kept: Counter[str] = Counter()  # messages with a head that have its translation
        self.seen = n_word
        for words, (_, tokens) in zip(sources, pairs) if heads else ():
            for word in words & heads:
                self.kept[word] += bool(self._translation_of(word) & tokens)

    def _translation_of(self, word: str) -> set[str]:
        return self.translation.get(word) or self.heads.get(word) or set()

    def lost_head(self, head: str, tokens: set[str]) -> bool:
        """Whether msgstr's ``tokens`` lack the translation of ``head`` that nearly every
        other message with it has."""
        strong, others = self._translation_of(head), self.seen[head] - 1
        return (
            bool(strong)
            and not strong & tokens
            and others >= _HEAD_SEEN
            and self.kept[head] >= _HEAD_KEPT * others
        )

    def found(self, msgid: str, tokens: set[str]) -> list[tuple[str, bool]]:
        """msgid's words the lexicon knows a translation of, in msgid's order, each with
        whether msgstr's ``tokens`` have it."""
        out = []
        for word in dict.fromkeys(w.lower() for w in _LATIN.findall(msgid)):
            strong = self.translation.get(word)
            if strong:
                out.append((word, bool(strong & tokens)))
        return out
