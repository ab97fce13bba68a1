"""How long a catalog's msgstrs are for a msgid of a given length, as ``truncation`` needs it:
the median and robust spread of log(len(msgstr) / len(msgid)) by msgid length, so that a
msgstr far shorter than its msgid predicts stands out.

Kept apart from ``truncation`` because it is a model of the catalog, not a rule about cut
ends: it knows nothing of words, endings or links, and the check asks it only "how far from
the usual is this msgstr" and "how long is the usual one". ``lengths`` measures a catalog for
the length checks (bands, plural forms, verbatim words left out); this one counts characters
without blanks, and, for Chinese, besides what msgstr copies from msgid (``own_lengths``).
"""

from __future__ import annotations

import math
import re
from collections import defaultdict

from .lengths import center_and_spread

_BLANKS = re.compile(r"\s+")
_COPIED = re.compile(r"[A-Za-z0-9_%$.()-]{2,}")  # a name, an identifier, a placeholder
MIN_LENGTH = 12  # msgid characters (spaces out) below which length says nothing
_MIN_SPREAD = 0.05  # floor of the length ratio's robust spread, in log units
_BIN_MESSAGES = 30  # messages per msgid-length bin before it has a model of its own


def length(text: str) -> int:
    """``text``'s characters besides blanks."""
    return len(text) - sum(map(len, _BLANKS.findall(text)))


def own_lengths(msgid: str, msgstr: str) -> tuple[int, int]:
    """The lengths of msgid and msgstr besides the names, identifiers and placeholders that
    msgstr copies from msgid ("autovacuum", "%s", "AtkHyperlink"): a Chinese msgstr is a
    third of its msgid's length in its own words, but a copied word is as long in both."""
    shared = set(_COPIED.findall(msgid)) & set(_COPIED.findall(msgstr))
    copied = sum(len(token) * min(msgid.count(token), msgstr.count(token)) for token in shared)
    return max(length(msgid) - copied, 0), max(length(msgstr) - copied, 0)


class LengthModel:
    """The catalog's log(len(msgstr) / len(msgid)): median and robust spread by msgid
    length (bins doubling in size), a bin with few messages taking the whole catalog's."""

    def __init__(self, lengths: list[tuple[int, int]]) -> None:
        bins: dict[int, list[float]] = defaultdict(list)
        every = []
        for a, b in lengths:
            if a < MIN_LENGTH:
                continue
            x = math.log((b + 1) / (a + 1))
            bins[_bin(a)].append(x)
            every.append(x)
        self.whole = _spread(every) if every else (0.0, 1.0)
        self.bins = {
            k: _spread(v) if len(v) >= _BIN_MESSAGES else self.whole for k, v in bins.items()
        }

    def z(self, a: int, b: int) -> float | None:
        """How far a msgstr of ``b`` characters for a msgid of ``a`` is from the usual."""
        if a < MIN_LENGTH:
            return None
        middle, spread = self.bins.get(_bin(a), self.whole)
        return (math.log((b + 1) / (a + 1)) - middle) / spread

    def expected(self, msgid: str) -> int:
        return self.expected_of(length(msgid))

    def expected_of(self, a: int) -> int:
        """The characters of the usual msgstr for a msgid of ``a`` characters."""
        middle, _ = self.bins.get(_bin(a), self.whole)
        return round((a + 1) * math.exp(middle) - 1)


def _bin(length: int) -> int:
    return min(int(math.log2(length)), 8)


def _spread(values: list[float]) -> tuple[float, float]:
    return center_and_spread(values, _MIN_SPREAD)
