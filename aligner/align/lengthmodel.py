"""The length model of one language pair, estimated from the docset itself.

In the spirit of Gale and Church (1993): a translation's length is roughly proportional to the
original's, with a variance that grows with length. Both the ratio (Chinese is about a quarter
of English in characters, Russian a little longer) and the variance are measured on the two
texts being aligned; nothing is tuned for one language pair. The same goes for the counts of
sentence ends and marks (quotes, brackets): how often a translation differs by one is measured
per pair and turned into a cost per unit of difference.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
import math
from statistics import median

_CHI2_MEDIAN = 0.4549  # median of a chi-square variable with one degree of freedom
_MIN_VARIANCE = 0.25   # floor: a few near-identical pairs must not make every other one costly


@dataclass(frozen=True)
class LengthModel:
    """Target characters per pivot character, and the variance per pivot character."""

    ratio: float
    variance: float
    sentence_cost: float = 0.0  # cost per sentence end more or less than the pivot
    mark_cost: float = 0.0      # cost per quote or bracket more or less than the pivot
    samples: int = 0
    basis: str = "default"  # "anchors" (confident anchor pairs) or "guide" (length diagonal)
    native_ratio: float = 0.0   # other-script letters per pivot character (0: ``ratio`` for all)

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
    return -math.log(r)


def fit_ratios(triples: Sequence[tuple[int, int, int]], fallback: float) -> tuple[float, float]:
    """(ratio, native_ratio) from likely 1-1 pairs (pivot length, other length, other-script
    letters of the other): weighted least squares of pivot ≈ a·native + b·rest, weights
    1/length. ``(fallback, 0.0)`` (one ratio for all characters) when the two kinds of
    characters cannot be told apart in the data or the fit is implausible."""
    sw_nn = sw_ns = sw_ss = sw_np = sw_sp = 0.0
    for p, length, n in triples:
        w = 1.0 / (p + length + 1)
        s = length - n
        sw_nn += w * n * n
        sw_ns += w * n * s
        sw_ss += w * s * s
        sw_np += w * n * p
        sw_sp += w * s * p
    det = sw_nn * sw_ss - sw_ns * sw_ns
    if len(triples) < 5 or sw_nn <= 0 or det <= 1e-9 * sw_nn * sw_ss:
        return fallback, 0.0
    a = (sw_np * sw_ss - sw_sp * sw_ns) / det
    b = (sw_sp * sw_nn - sw_np * sw_ns) / det
    if not (0.2 < b < 5 and 0.2 < a < 10):
        return fallback, 0.0
    return 1 / b, 1 / a
