"""The length model of one language pair, estimated from the docset itself.

In the spirit of Gale and Church (1993): a translation's length is roughly proportional to the
original's, with a variance that grows with length. Both the ratio (Chinese is about a quarter
of English in characters, Russian a little longer) and the variance are measured on the two
texts being aligned; nothing is tuned for one language pair. The same goes for the counts of
sentence ends and marks (quotes, brackets): how often a translation differs by one is measured
per pair and turned into a cost per unit of difference.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from statistics import median

COUNT_COST_MAX = 1.5  # a count rarely off by one must still not outweigh a merge or omission
_CHI2_MEDIAN = 0.4549  # median of a chi-square variable with one degree of freedom
_MIN_VARIANCE = 0.25  # floor: a few near-identical pairs must not make every other one costly


@dataclass(frozen=True)
class LengthModel:
    """Target characters per pivot character, and the variance per pivot character."""

    ratio: float
    variance: float
    sentence_cost: float = 0.0  # cost per sentence end more or less than the pivot
    mark_cost: float = 0.0  # cost per quote or bracket more or less than the pivot
    samples: int = 0
    basis: str = "default"  # "anchors" (confident anchor pairs) or "guide" (length diagonal)
    native_ratio: float = 0.0  # other-script letters per pivot character (0: ``ratio`` for all)
    silence_cost: float = 0.0  # cost of a bead whose sides share no key (one has some)

    def units(self, lengths: Sequence[int], natives: Sequence[int]) -> list[float]:
        """Each paragraph's length in pivot characters: letters of the other script at
        ``native_ratio``, everything else (Latin words, digits, spaces) at ``ratio``. An
        untranslated copy then measures what the pivot does, in Chinese as in Russian."""
        if not self.native_ratio or not natives:
            return [length / self.ratio for length in lengths]
        shared, native = 1 / self.ratio, 1 / self.native_ratio
        return [(length - n) * shared + n * native for length, n in zip(lengths, natives)]

    def cost(self, pivot_len: float, target_len: float) -> float:
        """Half the squared z-score of a bead (target length in pivot units)."""
        d = target_len - pivot_len
        return d * d / (self.variance * (pivot_len + target_len) + 1e-9)


def estimate_ratio(pivot_lengths: Sequence[int], target_lengths: Sequence[int]) -> float:
    """Total target characters over total pivot characters (1.0 when either side is empty)."""
    total_pivot, total_target = sum(pivot_lengths), sum(target_lengths)
    if not total_pivot or not total_target:
        return 1.0
    return total_target / total_pivot


def estimate_variance(pairs: Sequence[tuple[float, float]]) -> float | None:
    """Robust variance per character from likely 1-1 pairs (pivot, target in pivot units).

    Uses the median of 2·d²/(l1+l2), which for a Gaussian is the variance times the median of
    chi-square(1): a few wrong pairs (merges, insertions) barely move it. None when fewer than
    five pairs are given.
    """
    samples = [2 * (t - p) ** 2 / (p + t) for p, t in pairs if p + t > 0]
    if len(samples) < 5:
        return None
    return max(median(samples) / _CHI2_MEDIAN, _MIN_VARIANCE)


def count_cost(differences: Sequence[int]) -> float:
    """Cost per unit of difference in a count, from likely 1-1 pairs: -log r of a geometric law.

    ``r = mean/(1 + mean)`` is the chance of one more unit of difference (smoothed by one
    pseudo-observation each way, so a handful of pairs gives a moderate cost, not infinity).
    """
    total = sum(abs(d) for d in differences)
    r = (total + 1) / (total + len(differences) + 2)
    return min(-math.log(r), COUNT_COST_MAX)


def letters_dominate(letters: int, characters: int) -> bool:
    """Whether a text's letters of another script than the pivot's make up a third of its
    characters or more: then they get a ratio of their own (not so in a Latin-script
    translation, whose few accented letters would give a meaningless one)."""
    return letters * 3 >= characters > 0


def fit_ratios(triples: Sequence[tuple[int, int, int]], fallback: float) -> tuple[float, float]:
    """(ratio, native_ratio) from likely 1-1 pairs (pivot length, other length, other-script
    letters of the other).

    Characters other than the other script's letters (Latin words, digits, spaces,
    punctuation) are taken to keep their length; the letters' ratio is the weighted least
    squares fit of what remains of the pivot's length (weights 1/length). A free fit of both
    ratios is unstable on short texts (spaces grow with letters). ``(fallback, 0.0)``, one
    ratio for all characters, when the other script's letters are under a third of the text
    (a Latin-script translation) or the fit is implausible.
    """
    if len(triples) < 5 or not letters_dominate(
        sum(n for _, _, n in triples), sum(length for _, length, _ in triples)
    ):
        return fallback, 0.0
    top = bottom = 0.0
    for p, length, n in triples:
        w = 1.0 / (p + length + 1)
        top += w * n * (p - (length - n))
        bottom += w * n * n
    per_letter = top / bottom if bottom else 0.0
    if not 0.2 < per_letter < 10:
        return fallback, 0.0
    return 1.0, 1 / per_letter
