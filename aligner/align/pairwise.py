"""Pairwise alignment of the pivot with one other language: a banded dynamic programme over beads.

A bead groups a pivot paragraphs with b paragraphs of the other language; the allowed beads are
1-1, 2-1, 1-2, 2-2, 3-1, 1-3, 1-0 and 0-1. The cost of a bead is a prior per bead type, its
length cost and the differences in sentence ends and marks (the pair's own ``LengthModel``),
minus a bonus for anchor keys the two sides share. The search never fills the n×m matrix: it
follows a guide through the confident anchor pairs (interpolated by cumulative length) and
explores only a band of a few paragraphs around it, so time grows linearly with the document.
Where the best path runs along the edge of the band, the band is widened there and the search
repeated. The model is then re-measured on the 1-1 beads found and the search run once more.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass

from .anchors import KeyIndex, anchor_chain, key_weights, similarity_rows
from .lengthmodel import LengthModel, count_cost, estimate_ratio, estimate_variance
from .profile import Profile

# (pivot paragraphs, other paragraphs, prior cost, confidence factor), in tie-break order.
BEADS = (
    (1, 1, 0.0, 1.0), (2, 1, 3.5, 0.9), (1, 2, 3.5, 0.9), (2, 2, 6.5, 0.8),
    (3, 1, 6.0, 0.8), (1, 3, 6.0, 0.8), (1, 0, 5.0, 0.45), (0, 1, 5.0, 0.45),
)
ANCHOR_BONUS = 5.0      # cost removed per unit of shared anchor weight
BAND = 2                # initial half-width of the band, in paragraphs
SAMPLE = 1500           # longer texts get their model from aligning this many paragraphs
MAX_CELLS = 30_000_000  # the band stops widening here (memory); the result is then flagged
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class Bead:
    """Pivot paragraphs [p0, p1) aligned with other paragraphs [o0, o1), and a confidence."""

    p0: int
    p1: int
    o0: int
    o1: int
    confidence: float


@dataclass(frozen=True)
class PairAlignment:
    """The beads of one pair, in order, and how they were found."""

    beads: tuple[Bead, ...]
    model: LengthModel
    anchors: int = 0       # confident anchor pairs used as the guide
    widenings: int = 0     # times the band had to be widened
    capped: bool = False   # the band hit MAX_CELLS; the alignment may be suboptimal there


@dataclass
class _Pair:
    """Running totals of both texts, the other side's lengths in pivot units."""

    P: list[int]
    T: list[int]
    Tp: list[float]
    SP: list[int]
    ST: list[int]
    MP: list[int]
    MT: list[int]
    pivot_keys: tuple = ()
    other_keys: tuple = ()
    weights: dict = None

    def shared(self, pi: int, i: int, pj: int, j: int) -> float:
        """Weight of the keys the two sides of a bead share, each key counted once."""
        left = frozenset().union(*self.pivot_keys[pi:i])
        right = frozenset().union(*self.other_keys[pj:j])
        weights = self.weights
        return sum(weights.get(key, 0.0) for key in left & right)


def align_pair(pivot: Profile, other: Profile, progress: Progress | None = None) -> PairAlignment:
    """Align two texts given their profiles; every paragraph ends up in exactly one bead."""
    n, m = len(pivot), len(other)
    ratio = estimate_ratio(pivot.lengths, other.lengths)
    if n == 0 or m == 0:
        beads = [Bead(i, i + 1, 0, 0, BEADS[6][3]) for i in range(n)]
        beads += [Bead(0, 0, j, j + 1, BEADS[7][3]) for j in range(m)]
        return PairAlignment(tuple(beads), LengthModel(ratio, 1.0))
    T = other.prefix("lengths")
    pair = _Pair(pivot.prefix("lengths"), T, [t / ratio for t in T], pivot.prefix("sentences"),
                 other.prefix("sentences"), pivot.prefix("marks"), other.prefix("marks"))
    source, target = KeyIndex(pivot.keys), KeyIndex(other.keys)
    chain = anchor_chain(source, target)
    guide = _guide(pair.P, T, chain)
    model = _initial_model(pair, ratio, chain, guide)
    weights = key_weights(source, target)
    pair.pivot_keys, pair.other_keys, pair.weights = pivot.keys, other.keys, weights
    rounds = 2
    if n > SAMPLE:  # measure the model on a sample, then search the whole band once
        sample = align_pair(pivot.slice(0, SAMPLE), other.slice(0, max(1, int(guide[SAMPLE]))))
        model, rounds = sample.model, 1
        pair.Tp = [t / model.ratio for t in T]
    widths = [BAND] * (n + 1)
    widenings, capped = 0, False
    for round_ in range(rounds):
        path, sims, widths, more, capped = _banded(pair, guide, widths, source, target, weights,
                                                   model, progress)
        widenings += more
        if round_ + 1 == rounds or capped:
            break
        refined = _refine(pair, model, [(i - 1, j - 1) for i, j, k in path if k == 0])
        if refined is None:
            break
        model = refined
        pair.Tp = [t / model.ratio for t in T]
    beads = _beads(path, pair, sims, model)
    return PairAlignment(beads, model, len(chain), widenings, capped)


def _guide(P: list[int], T: list[int], chain: list[tuple[int, int]]) -> list[float]:
    """For each pivot boundary i, the expected (fractional) other boundary.

    Knots are the middles of the anchor pairs in cumulative-length space; between knots the
    pivot's running length maps linearly onto the other's.
    """
    n, m = len(P) - 1, len(T) - 1
    knots = [(0.0, 0.0)]
    for i, j in chain:
        knots.append(((P[i] + P[i + 1]) / 2, (T[j] + T[j + 1]) / 2))
    knots.append((float(P[n]), float(T[m])))
    guide, k = [], 0
    for i in range(n + 1):
        x = P[i]
        while k + 2 < len(knots) and knots[k + 1][0] <= x:
            k += 1
        (x0, y0), (x1, y1) = knots[k], knots[k + 1]
        y = y0 + (x - x0) * (y1 - y0) / (x1 - x0) if x1 > x0 else y1
        j = min(bisect_right(T, y) - 1, m - 1)
        guide.append(j + (y - T[j]) / (T[j + 1] - T[j]) if T[j + 1] > T[j] else float(j))
    guide[0], guide[n] = 0.0, float(m)
    return guide


def _initial_model(pair: _Pair, ratio: float, chain, guide) -> LengthModel:
    """The model measured on confident anchor pairs, else on the pairs the guide suggests."""
    model = _fit(pair, ratio, chain, "anchors")
    if model is not None:
        return model
    m = len(pair.T) - 1
    guessed = [(i, min(int((guide[i] + guide[i + 1]) / 2), m - 1)) for i in range(len(pair.P) - 1)]
    model = _fit(pair, ratio, guessed, "guide")
    if model is not None:
        return model
    lengths = [pair.P[i + 1] - pair.P[i] for i in range(len(pair.P) - 1)]
    return LengthModel(ratio, max(sum(lengths) / len(lengths) / 4, 0.01), 1.0, 1.0, 0, "default")


def _fit(pair: _Pair, ratio: float, ones, basis: str) -> LengthModel | None:
    P, T, SP, ST, MP, MT = pair.P, pair.T, pair.SP, pair.ST, pair.MP, pair.MT
    variance = estimate_variance([(P[i + 1] - P[i], (T[j + 1] - T[j]) / ratio) for i, j in ones])
    if variance is None:
        return None
    sentences = count_cost([(ST[j + 1] - ST[j]) - (SP[i + 1] - SP[i]) for i, j in ones])
    marks = count_cost([(MT[j + 1] - MT[j]) - (MP[i + 1] - MP[i]) for i, j in ones])
    return LengthModel(ratio, variance, sentences, marks, len(ones), basis)


def _refine(pair: _Pair, model: LengthModel, ones) -> LengthModel | None:
    """The model re-measured on the 1-1 beads found (None when too few)."""
    if len(ones) < 10:
        return None
    total_p = sum(pair.P[i + 1] - pair.P[i] for i, _ in ones)
    total_t = sum(pair.T[j + 1] - pair.T[j] for _, j in ones)
    ratio = total_t / total_p if total_p and total_t else model.ratio
    refined = _fit(pair, ratio, ones, "beads")
    if refined is None or _close(model, refined):
        return None
    return refined


def _close(old: LengthModel, new: LengthModel) -> bool:
    """Whether re-running the search with ``new`` would change little."""
    return (abs(math.log(new.ratio / old.ratio)) < 0.03
            and abs(math.log(new.variance / old.variance)) < 0.25
            and abs(new.sentence_cost - old.sentence_cost) < 0.3
            and abs(new.mark_cost - old.mark_cost) < 0.3)


def _banded(pair: _Pair, guide, widths, source, target, weights, model, progress):
    """Search the band, widening it where the best path runs along its edge."""
    n, m = len(pair.P) - 1, len(pair.T) - 1
    widenings = 0
    while True:
        lo, hi = _band(guide, widths, m)
        windows = [(lo[min(i + 1, n)] - 3, hi[min(i + 3, n)] - 1) for i in range(n)]
        sims = similarity_rows(source, target, weights, windows)
        costs, back = _search(pair, lo, hi, sims, model, progress)
        reached = costs[n][m - lo[n]] < math.inf
        touched = list(range(n + 1))
        if reached:
            path = _backtrack(back, lo, n, m)
            touched = _touched(path, lo, hi, m)
            if not touched:
                return path, sims, widths, widenings, False
        cells = sum(h - l + 1 for l, h in zip(lo, hi))
        if reached and (cells * 2 > MAX_CELLS or all(w >= max(n, m) for w in widths)):
            return path, sims, widths, widenings, True
        widths = _widen(widths, touched, n)
        widenings += 1


def _band(guide: list[float], widths: list[int], m: int) -> tuple[list[int], list[int]]:
    n = len(guide) - 1
    lo, hi = [], []
    for i in range(n + 1):
        here = guide[i]
        before, after = (guide[max(i - 1, 0)] + here) / 2, (guide[min(i + 1, n)] + here) / 2
        lo.append(max(0, int(before) - widths[i]))
        hi.append(min(m, int(math.ceil(after)) + widths[i]))
    lo[0], hi[n] = 0, m
    return lo, hi


def _widen(widths: list[int], touched: list[int], n: int) -> list[int]:
    widths = list(widths)
    for i in touched:
        reach = 2 * widths[i] + 4
        for k in range(max(0, i - reach), min(n, i + reach) + 1):
            widths[k] = max(widths[k], widths[i] * 2)
    return widths


def _search(pair: _Pair, lo, hi, sims, model: LengthModel, progress):
    """Fill the band: costs[i][j - lo[i]] is the best cost of aligning P[:i] with T[:j].

    The eight beads are written out one by one: this loop is where all the time goes.
    """
    P, Tp, SP, ST, MP, MT = pair.P, pair.Tp, pair.SP, pair.ST, pair.MP, pair.MT
    n = len(P) - 1
    inf = math.inf
    table, scale, limit, far = _TAIL, _TAIL_SCALE, _TAIL_LIMIT, _TAIL_FAR
    var, per_s, per_m = model.variance, model.sentence_cost, model.mark_cost
    bonus, shared = ANCHOR_BONUS, pair.shared
    pr21, pr12, pr22, pr31, pr13, pr10, pr01 = (bead[2] for bead in BEADS[1:])
    costs: list[list[float]] = []
    back: list[bytearray] = []
    nothing: dict[int, float] = {}
    r1 = r2 = r3 = []
    for i in range(n + 1):
        if progress and i % 2000 == 0:
            progress(i, n)
        loi, hii = lo[i], hi[i]
        row = [inf] * (hii - loi + 1)
        arrows = bytearray(hii - loi + 1)
        lo1 = lo2 = lo3 = 1
        hi1 = hi2 = hi3 = 0
        s1 = s2 = s3 = nothing
        L1 = L2 = L3 = S1 = S2 = S3 = M1 = M2 = M3 = 0
        if i >= 1:
            r1, lo1, hi1, s1 = costs[i - 1], lo[i - 1], hi[i - 1], sims[i - 1]
            L1, S1, M1 = P[i] - P[i - 1], SP[i] - SP[i - 1], MP[i] - MP[i - 1]
        if i >= 2:
            r2, lo2, hi2, s2 = costs[i - 2], lo[i - 2], hi[i - 2], sims[i - 2]
            L2, S2, M2 = P[i] - P[i - 2], SP[i] - SP[i - 2], MP[i] - MP[i - 2]
        if i >= 3:
            r3, lo3, hi3, s3 = costs[i - 3], lo[i - 3], hi[i - 3], sims[i - 3]
            L3, S3, M3 = P[i] - P[i - 3], SP[i] - SP[i - 3], MP[i] - MP[i - 3]
        for j in range(loi, hii + 1):
            if j == 0:
                best, arrow = (0.0, 0) if i == 0 else (r1[0] + pr10 if lo1 == 0 else inf, 6)
                row[0], arrows[0] = best, arrow
                continue
            best, arrow = inf, 0
            Tj, STj, MTj = Tp[j], ST[j], MT[j]
            pj = j - 1
            t, st, mt = Tj - Tp[pj], STj - ST[pj], MTj - MT[pj]
            if lo1 <= pj <= hi1:  # 1-1
                d = t - L1
                x = d * d / (var * (L1 + t) + 1e-9)
                c = (r1[pj - lo1] + (table[int(x * scale)] if x < limit else x + far)
                     + per_s * abs(st - S1) + per_m * abs(mt - M1))
                if pj in s1:
                    c -= bonus * s1[pj]
                best = c
            if lo2 <= pj <= hi2:  # 2-1
                d = t - L2
                x = d * d / (var * (L2 + t) + 1e-9)
                c = (r2[pj - lo2] + pr21 + (table[int(x * scale)] if x < limit
                                            else x + far)
                     + per_s * abs(st - S2) + per_m * abs(mt - M2))
                w1, w2 = s1.get(pj), s2.get(pj)
                if w1 or w2:
                    c -= bonus * (shared(i - 2, i, pj, j) if w1 and w2 else w1 or w2)
                if c < best:
                    best, arrow = c, 1
            if j >= 2:
                pj = j - 2
                t, st, mt = Tj - Tp[pj], STj - ST[pj], MTj - MT[pj]
                if lo1 <= pj <= hi1:  # 1-2
                    d = t - L1
                    x = d * d / (var * (L1 + t) + 1e-9)
                    c = (r1[pj - lo1] + pr12 + (table[int(x * scale)] if x < limit
                                                else x + far)
                         + per_s * abs(st - S1) + per_m * abs(mt - M1))
                    w1, w2 = s1.get(pj), s1.get(pj + 1)
                    if w1 or w2:
                        c -= bonus * (shared(i - 1, i, pj, j) if w1 and w2 else w1 or w2)
                    if c < best:
                        best, arrow = c, 2
                if lo2 <= pj <= hi2:  # 2-2
                    d = t - L2
                    x = d * d / (var * (L2 + t) + 1e-9)
                    c = (r2[pj - lo2] + pr22 + (table[int(x * scale)] if x < limit
                                                else x + far)
                         + per_s * abs(st - S2) + per_m * abs(mt - M2))
                    if s1 or s2:
                        w1, w2 = s1.get(pj), s1.get(pj + 1)
                        w3, w4 = s2.get(pj), s2.get(pj + 1)
                        if w1 or w2 or w3 or w4:
                            c -= bonus * shared(i - 2, i, pj, j)
                    if c < best:
                        best, arrow = c, 3
            pj = j - 1
            if lo3 <= pj <= hi3:  # 3-1
                t, st, mt = Tj - Tp[pj], STj - ST[pj], MTj - MT[pj]
                d = t - L3
                x = d * d / (var * (L3 + t) + 1e-9)
                c = (r3[pj - lo3] + pr31 + (table[int(x * scale)] if x < limit
                                            else x + far)
                     + per_s * abs(st - S3) + per_m * abs(mt - M3))
                w1, w2, w3 = s1.get(pj), s2.get(pj), s3.get(pj)
                if w1 or w2 or w3:
                    c -= bonus * shared(i - 3, i, pj, j)
                if c < best:
                    best, arrow = c, 4
            pj = j - 3
            if pj >= 0 and lo1 <= pj <= hi1:  # 1-3
                t, st, mt = Tj - Tp[pj], STj - ST[pj], MTj - MT[pj]
                d = t - L1
                x = d * d / (var * (L1 + t) + 1e-9)
                c = (r1[pj - lo1] + pr13 + (table[int(x * scale)] if x < limit
                                            else x + far)
                     + per_s * abs(st - S1) + per_m * abs(mt - M1))
                if s1:
                    w1, w2, w3 = s1.get(pj), s1.get(pj + 1), s1.get(pj + 2)
                    if w1 or w2 or w3:
                        c -= bonus * shared(i - 1, i, pj, j)
                if c < best:
                    best, arrow = c, 5
            if lo1 <= j <= hi1:  # 1-0
                c = r1[j - lo1] + pr10
                if c < best:
                    best, arrow = c, 6
            if j > loi:  # 0-1
                c = row[j - 1 - loi] + pr01
                if c < best:
                    best, arrow = c, 7
            row[j - loi] = best
            arrows[j - loi] = arrow
        costs.append(row)
        back.append(arrows)
    if progress:
        progress(n, n)
    return costs, back


def _tail(half_z2: float) -> float:
    """-log of the two-sided tail probability of z, given z²/2 (Gale and Church's cost)."""
    if half_z2 < 600:
        p = math.erfc(math.sqrt(half_z2))
        if p > 0:
            return -math.log(p)
    return half_z2 + 0.5 * math.log(math.pi * half_z2)


# _tail tabulated every 1/32 of z²/2 up to _TAIL_LIMIT; beyond, z²/2 + a constant (any bead
# that far off is hopeless anyway)
_TAIL_SCALE, _TAIL_LIMIT = 32, 64
_TAIL = [_tail(k / _TAIL_SCALE) for k in range(_TAIL_LIMIT * _TAIL_SCALE)]
_TAIL_FAR = _tail(_TAIL_LIMIT) - _TAIL_LIMIT


def _backtrack(back, lo, n, m) -> list[tuple[int, int, int]]:
    """Path from (0, 0) to (n, m) as (i, j, bead index) of each bead's end point."""
    path = []
    i, j = n, m
    while i or j:
        k = back[i][j - lo[i]]
        path.append((i, j, k))
        i, j = i - BEADS[k][0], j - BEADS[k][1]
    return path[::-1]


def _touched(path, lo, hi, m) -> list[int]:
    """Rows where the path runs along an edge of the band that is not the matrix edge."""
    touched = []
    for i, j, _ in path:
        if (j == lo[i] and j > 0) or (j == hi[i] and j < m):
            touched.append(i)
    return touched


def _beads(path, pair: _Pair, sims, model: LengthModel) -> tuple[Bead, ...]:
    """Beads with a confidence: the bead type's factor, lowered by a poor length fit unless
    shared anchors vouch for it."""
    beads = []
    for i, j, k in path:
        a, b, _, factor = BEADS[k]
        pi, pj = i - a, j - b
        confidence = factor
        if a and b:
            fit = math.exp(-model.cost(pair.P[i] - pair.P[pi], pair.Tp[j] - pair.Tp[pj]) / 4)
            shared = pair.shared(pi, i, pj, j)
            confidence = factor * (1 - (1 - fit) * 0.5 ** shared)
        beads.append(Bead(pi, i, pj, j, round(confidence, 3)))
    return tuple(beads)
