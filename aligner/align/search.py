"""The dynamic programme inside the band: the bead costs, written for speed.

``search`` fills, for every pivot boundary i and every other boundary j inside the band, the
best cost of aligning the first i pivot paragraphs with the first j others, and which bead got
there. A bead's cost is its prior, Gale and Church's length cost (-log of the two-sided tail of
z, tabulated), the sentence-end and mark differences, minus a bonus for the keys its two sides
share (each key once, weighted by rarity; weights are integers in WEIGHT_UNITs, so their sum
is exact and does not depend on set order), or plus the pair's silence cost when they share
none although one side holds some. A bead whose cost less the largest bonus it could
get (the smaller side's total key weight) cannot beat the best bead at its cell is never
intersected, and one whose prior alone cannot is not even length-costed (every other term
only adds): the same result, summed in the same order, for far less work. An omission next to an insertion
pays SWAP_COST more where the two could be a loose 1-1 (judged on the best path into the
previous cell, as a Viterbi search with one bead of memory would). The eight beads are
written out one by one on purpose: this loop is where all the time goes, and a helper call
per bead would cost a fifth more.

The same loop compiled (aligner/align/_bandsearch.pyx, Cython, built by setup.py where a C
compiler is at hand) runs it over ten times faster; this Python search, ``search_python``, is
its reference and its fallback (not built, built from another version of the source, or
ALIGNER_PURE_PYTHON set), and tests/test_align_kernel.py holds the two equal, bit for bit.
"""

from __future__ import annotations

import hashlib
import math
import os
from itertools import repeat
from operator import or_ as _or
from operator import sub
from pathlib import Path

from .lengthmodel import LengthModel

# (pivot paragraphs, other paragraphs, prior cost, confidence factor), in tie-break order.
BEADS = (
    (1, 1, 0.0, 1.0),
    (2, 1, 4.5, 0.9),
    (1, 2, 4.5, 0.9),
    (2, 2, 7.5, 0.8),
    (3, 1, 7.0, 0.8),
    (1, 3, 7.0, 0.8),
    (1, 0, 4.0, 0.45),
    (0, 1, 4.0, 0.45),
)
ANCHOR_BONUS = 10.0  # cost removed per unit of shared anchor weight
WEIGHT_UNIT = 1 << 20  # key weights are held as integer multiples of 1 / WEIGHT_UNIT
DOUBLE_SHARE = 1.0  # a key both sides hold twice counts this much more
SWAP_COST = 6.0  # added when an omission and an insertion meet (1-0 then 0-1 or back):
#                         in real translations a loose rendering is far likelier than both,
#                         unless the two lengths fit worse than two omissions cost: then the
#                         two paragraphs are no rendering of each other and nothing is added
_EMPTY: frozenset[str] = frozenset()


def search(pair, lo, hi, model: LengthModel, progress):
    """Fill the band: costs[i][j - lo[i]] is the best cost of aligning P[:i] with T[:j].

    ``pair`` holds running totals (P, Tp: lengths in pivot units; SP, ST: sentence ends; MP,
    MT: marks), each paragraph's anchor keys and the key weights. Returns (costs, arrows):
    arrows[i][j - lo[i]] is the index in BEADS of the bead ending at (i, j). The compiled
    search when it is built (``KERNEL``), else (and for any search it leaves) ``search_python``:
    the two give the same costs and arrows, bit for bit.
    """
    found = compiled_search(pair, lo, hi, model, progress) if KERNEL is not None else None
    return found if found is not None else search_python(pair, lo, hi, model, progress)


def compiled_search(pair, lo, hi, model: LengthModel, progress):
    """``search`` by the compiled kernel (``KERNEL``, which must be there), or None for a
    search it leaves to ``search_python`` (unusual input: a shared key without a weight)."""
    return KERNEL.band_search(
        pair,
        lo,
        hi,
        model.variance,
        model.sentence_cost,
        model.mark_cost,
        model.silence_cost,
        SWAP_COST,
        ANCHOR_BONUS / WEIGHT_UNIT,
        DOUBLE_SHARE,
        _PRIORS,
        _TAIL,
        _TAIL_SCALE,
        _TAIL_LIMIT,
        _TAIL_FAR,
        _TAIL_SLOPE,
        progress,
    )


def search_python(pair, lo, hi, model: LengthModel, progress):
    """``search`` in pure Python: the reference, and the search where nothing is compiled."""
    P, Tp, SP, ST, MP, MT = pair.P, pair.Tp, pair.SP, pair.ST, pair.MP, pair.MT
    n = len(P) - 1
    inf = math.inf
    table, scale, limit, far, slope = _TAIL, _TAIL_SCALE, _TAIL_LIMIT, _TAIL_FAR, _TAIL_SLOPE
    var, per_s, per_m = model.variance, model.sentence_cost, model.mark_cost
    bonus, wget = ANCHOR_BONUS / WEIGHT_UNIT, pair.weights.__getitem__
    Pk, Ot = pair.pivot_keys, pair.other_keys  # keys of each paragraph
    # each paragraph's total key weight: a bead's bonus is at most the smaller side's, so a
    # bead that cannot beat the best one even with it is not intersected at all
    weight, zeros = pair.weights.get, repeat(0)
    WP = [sum(map(weight, keys, zeros)) * bonus if keys else 0.0 for keys in Pk]
    WO = [sum(map(weight, keys, zeros)) * bonus if keys else 0.0 for keys in Ot]
    # the keys of the two and three other paragraphs ending at j: O2[j] = Ot[j-2] | Ot[j-1],
    # O3[j] = O2[j-1] | Ot[j-1] (the same unions, in the same order, mapped at C speed)
    O2 = [_EMPTY, _EMPTY, *map(_or, Ot[:-1], Ot[1:])]
    O3 = [_EMPTY] * 3 + list(map(_or, O2[2:-1], Ot[2:]))
    # keys a side holds twice (twice in one paragraph, or in two of a merge's): shared twice,
    # they count twice; each side's bound on what it can share grows by their weight
    DP, XP2, XP3, OD1, OD2, OD3, XO2, XO3 = _doubled(pair, weight, bonus, WP, WO)
    # the other side's bound of the beads ending at j with one, two or three of its
    # paragraphs (the same sums, added in the same order, once per boundary, not per cell)
    m = len(WO)
    WO1 = [0.0, *WO]
    WO2 = [0.0, 0.0] + [WO[j - 2] + WO[j - 1] + XO2[j] for j in range(2, m + 1)]
    WO3 = [0.0] * 3 + [WO[j - 3] + WO[j - 2] + WO[j - 1] + XO3[j] for j in range(3, m + 1)]
    # the length, sentence ends and marks of the one, two and three other paragraphs ending
    # at j (the same differences of the same totals, worked out once per boundary)
    T1, U1, V1 = ([0, *_spans(X, 1)] for X in (Tp, ST, MT))
    T2, U2, V2 = ([0, 0, *_spans(X, 2)] for X in (Tp, ST, MT))
    T3, U3, V3 = ([0, 0, 0, *_spans(X, 3)] for X in (Tp, ST, MT))
    pr21, pr12, pr22, pr31, pr13, pr10, pr01 = (bead[2] for bead in BEADS[1:])
    costs: list[list[float]] = []
    back: list[bytearray] = []
    r1 = r2 = r3 = []
    a1 = bytearray()
    swap, silent = SWAP_COST, model.silence_cost
    double = bonus * DOUBLE_SHARE
    lone, fit = pr10 + pr01, 0.0  # a pair whose 1-1 length fit costs more is no loose rendering
    for i in range(n + 1):
        if progress and i % 500 == 0:
            progress(i, n)
        loi, hii = lo[i], hi[i]
        row = [inf] * (hii - loi + 1)
        arrows = bytearray(hii - loi + 1)
        lo1 = lo2 = lo3 = 1
        hi1 = hi2 = hi3 = 0
        K1 = K2 = K3 = D1 = D2 = D3 = _EMPTY
        W1 = W2 = W3 = 0.0
        L1 = L2 = L3 = S1 = S2 = S3 = M1 = M2 = M3 = 0
        if i >= 1:
            r1, lo1, hi1, K1, W1 = costs[i - 1], lo[i - 1], hi[i - 1], Pk[i - 1], WP[i - 1]
            if DP:
                D1 = DP[i - 1]
            a1 = back[i - 1]
            L1, S1, M1 = P[i] - P[i - 1], SP[i] - SP[i - 1], MP[i] - MP[i - 1]
        if i >= 2:
            r2, lo2, hi2, K2 = costs[i - 2], lo[i - 2], hi[i - 2], K1 | Pk[i - 2]
            W2 = W1 + WP[i - 2] + XP2[i]
            if DP:
                D2 = D1 | DP[i - 2] | (K1 & Pk[i - 2])
            L2, S2, M2 = P[i] - P[i - 2], SP[i] - SP[i - 2], MP[i] - MP[i - 2]
        if i >= 3:
            r3, lo3, hi3, K3 = costs[i - 3], lo[i - 3], hi[i - 3], K2 | Pk[i - 3]
            W3 = W1 + WP[i - 2] + WP[i - 3] + XP3[i]
            if DP:
                D3 = D2 | DP[i - 3] | (Pk[i - 3] & K2)
            L3, S3, M3 = P[i] - P[i - 3], SP[i] - SP[i - 3], MP[i] - MP[i - 3]
        for j in range(loi, hii + 1):
            if j == 0:
                best, arrow = (0.0, 0) if i == 0 else (r1[0] + pr10 if lo1 == 0 else inf, 6)
                row[0], arrows[0] = best, arrow
                continue
            best, arrow = inf, 0
            pj = j - 1
            t, st, mt = T1[j], U1[j], V1[j]
            if lo1 <= pj <= hi1:  # 1-1
                d = t - L1
                x = d * d / (var * (L1 + t) + 1e-9)
                fit = table[int(x * scale)] if x < limit else x * slope + far
                c = r1[pj - lo1] + fit + per_s * abs(st - S1) + per_m * abs(mt - M1)
                both = K1 & Ot[pj]
                if both:
                    c -= bonus * sum(map(wget, both))
                    if D1 and OD1[j]:
                        twice = D1 & OD1[j]
                        if twice:
                            c -= double * sum(map(wget, twice))
                elif K1 or Ot[pj]:
                    c += silent
                best = c
            if lo2 <= pj <= hi2:  # 2-1
                c = r2[pj - lo2] + pr21
                most = WO1[j] if WO1[j] < W2 else W2  # min(W2, WO1[j]), without the call
                if c - most < best:
                    d = t - L2
                    x = d * d / (var * (L2 + t) + 1e-9)
                    c = (
                        c
                        + (table[int(x * scale)] if x < limit else x * slope + far)
                        + per_s * abs(st - S2)
                        + per_m * abs(mt - M2)
                    )
                    if c - most < best:
                        both = K2 & Ot[pj]
                        if both:
                            c -= bonus * sum(map(wget, both))
                            if D2 and OD1[j]:
                                twice = D2 & OD1[j]
                                if twice:
                                    c -= double * sum(map(wget, twice))
                        elif K2 or Ot[pj]:
                            c += silent
                        if c < best:
                            best, arrow = c, 1
            if j >= 2:
                pj = j - 2
                t = None  # the length of T[j-2:j], worked out by the first bead that needs it
                if lo1 <= pj <= hi1:  # 1-2
                    c = r1[pj - lo1] + pr12
                    most = WO2[j] if WO2[j] < W1 else W1
                    if c - most < best:
                        t, st, mt = T2[j], U2[j], V2[j]
                        d = t - L1
                        x = d * d / (var * (L1 + t) + 1e-9)
                        c = (
                            c
                            + (table[int(x * scale)] if x < limit else x * slope + far)
                            + per_s * abs(st - S1)
                            + per_m * abs(mt - M1)
                        )
                        if c - most < best:
                            both = K1 & O2[j]
                            if both:
                                c -= bonus * sum(map(wget, both))
                                if D1 and OD2[j]:
                                    twice = D1 & OD2[j]
                                    if twice:
                                        c -= double * sum(map(wget, twice))
                            elif K1 or O2[j]:
                                c += silent
                            if c < best:
                                best, arrow = c, 2
                if lo2 <= pj <= hi2:  # 2-2
                    c = r2[pj - lo2] + pr22
                    most = WO2[j] if WO2[j] < W2 else W2
                    if c - most < best:
                        if t is None:
                            t, st, mt = T2[j], U2[j], V2[j]
                        d = t - L2
                        x = d * d / (var * (L2 + t) + 1e-9)
                        c = (
                            c
                            + (table[int(x * scale)] if x < limit else x * slope + far)
                            + per_s * abs(st - S2)
                            + per_m * abs(mt - M2)
                        )
                        if c - most < best:
                            both = K2 & O2[j]
                            if both:
                                c -= bonus * sum(map(wget, both))
                            elif K2 or O2[j]:
                                c += silent
                            if c < best:
                                best, arrow = c, 3
            pj = j - 1
            if lo3 <= pj <= hi3:  # 3-1
                c = r3[pj - lo3] + pr31
                most = WO1[j] if WO1[j] < W3 else W3
                if c - most < best:
                    t, st, mt = T1[j], U1[j], V1[j]
                    d = t - L3
                    x = d * d / (var * (L3 + t) + 1e-9)
                    c = (
                        c
                        + (table[int(x * scale)] if x < limit else x * slope + far)
                        + per_s * abs(st - S3)
                        + per_m * abs(mt - M3)
                    )
                    if c - most < best:
                        both = K3 & Ot[pj]
                        if both:
                            c -= bonus * sum(map(wget, both))
                            if D3 and OD1[j]:
                                twice = D3 & OD1[j]
                                if twice:
                                    c -= double * sum(map(wget, twice))
                        elif K3 or Ot[pj]:
                            c += silent
                        if c < best:
                            best, arrow = c, 4
            pj = j - 3
            if pj >= 0 and lo1 <= pj <= hi1:  # 1-3
                c = r1[pj - lo1] + pr13
                most = WO3[j] if WO3[j] < W1 else W1
                if c - most < best:
                    t, st, mt = T3[j], U3[j], V3[j]
                    d = t - L1
                    x = d * d / (var * (L1 + t) + 1e-9)
                    c = (
                        c
                        + (table[int(x * scale)] if x < limit else x * slope + far)
                        + per_s * abs(st - S1)
                        + per_m * abs(mt - M1)
                    )
                    if c - most < best:
                        both = K1 & O3[j]
                        if both:
                            c -= bonus * sum(map(wget, both))
                            if D1 and OD3[j]:
                                twice = D1 & OD3[j]
                                if twice:
                                    c -= double * sum(map(wget, twice))
                        elif K1 or O3[j]:
                            c += silent
                        if c < best:
                            best, arrow = c, 5
            if lo1 <= j <= hi1:  # 1-0
                c = r1[j - lo1] + pr10
                if a1[j - lo1] == 7 and fit < lone:
                    c += swap
                if c < best:
                    best, arrow = c, 6
            if j > loi:  # 0-1
                c = row[j - 1 - loi] + pr01
                if arrows[j - 1 - loi] == 6 and fit < lone:
                    c += swap
                if c < best:
                    best, arrow = c, 7
            row[j - loi] = best
            arrows[j - loi] = arrow
        costs.append(row)
        back.append(arrows)
    if progress:
        progress(n, n)
    return costs, back


def _spans(totals: list, k: int):
    """totals[j] - totals[j - k] for j from k on."""
    return map(sub, totals[k:], totals[:-k])


def _doubled(pair, weight, bonus: float, WP: list, WO: list):
    """What ``search`` needs of the keys held twice: per pivot paragraph its doubles
    (``pair.pivot_doubles`` cut to its keys in the band), per other boundary j the doubles
    of the other side ending there (one, two or three paragraphs), and the bounds' extra
    weight of a merge's sides (keys two of its paragraphs share). WP and WO, each
    paragraph's bound, get its doubles' weight. All empty (zeros) when no text has any."""
    n, m = len(pair.pivot_keys), len(pair.other_keys)
    if not pair.pivot_doubles or not pair.other_doubles:
        return (), [0.0] * (n + 1), [0.0] * (n + 1), (), (), (), [0.0] * (m + 1), [0.0] * (m + 1)
    zeros = repeat(0)

    def w(keys) -> float:
        return sum(map(weight, keys, zeros)) * bonus if keys else 0.0

    Pk, Ot = pair.pivot_keys, pair.other_keys
    DP = [d & k if d and k else _EMPTY for d, k in zip(pair.pivot_doubles, Pk)]
    DO = pair.other_doubles
    for i, d in enumerate(DP):
        WP[i] += w(d)
    for j, d in enumerate(DO):
        WO[j] += w(d)
    # pairwise shared weight of neighbours: x[k] = w(keys[k - 1] & keys[k])
    xp = [0.0] + [w(Pk[k - 1] & Pk[k]) for k in range(1, n)]
    xo = [0.0] + [w(Ot[k - 1] & Ot[k]) for k in range(1, m)]
    XP2 = [0.0, 0.0] + [xp[i - 1] for i in range(2, n + 1)]
    XP3 = [0.0] * 3 + [xp[i - 1] + xp[i - 2] + w(Pk[i - 3] & Pk[i - 1]) for i in range(3, n + 1)]
    XO2 = [0.0, 0.0] + [xo[j - 1] for j in range(2, m + 1)]
    XO3 = [0.0] * 3 + [xo[j - 1] + xo[j - 2] + w(Ot[j - 3] & Ot[j - 1]) for j in range(3, m + 1)]
    OD1 = [_EMPTY] + list(DO)
    OD2 = [_EMPTY, _EMPTY] + [
        DO[j - 2] | DO[j - 1] | (Ot[j - 2] & Ot[j - 1]) for j in range(2, m + 1)
    ]
    OD3 = [_EMPTY] * 3 + [
        OD2[j - 1] | DO[j - 1] | (Ot[j - 1] & (Ot[j - 3] | Ot[j - 2])) for j in range(3, m + 1)
    ]
    return DP, XP2, XP3, OD1, OD2, OD3, XO2, XO3


def _tail(half_z2: float) -> float:
    """-log of the two-sided tail probability of z, given z²/2: Gale and Church's cost, under
    a contaminated normal law. A share OUTLIERS of real 1-1 pairs are loose renderings whose
    length differences spread OUTLIER_SPREAD times wider; a pure Gaussian makes such a pair
    so costly that an omission plus an insertion (or a wrong merge) looks likelier."""
    wide = half_z2 / OUTLIER_SPREAD**2
    if wide < 600:
        p = (1 - OUTLIERS) * math.erfc(math.sqrt(half_z2)) + OUTLIERS * math.erfc(math.sqrt(wide))
        if p > 0:
            return -math.log(p)
    return wide + 0.5 * math.log(math.pi * wide) - math.log(OUTLIERS)


# _tail tabulated every 1/32 of z²/2 up to _TAIL_LIMIT; beyond, z²/2 / OUTLIER_SPREAD² + a
# constant (the wide law alone; any bead that far off is hopeless anyway)
OUTLIERS, OUTLIER_SPREAD = 0.1, 4.0
_TAIL_SCALE, _TAIL_LIMIT = 32, 64
_TAIL = [_tail(k / _TAIL_SCALE) for k in range(_TAIL_LIMIT * _TAIL_SCALE)]
_TAIL_SLOPE = 1 / OUTLIER_SPREAD**2
_TAIL_FAR = _tail(_TAIL_LIMIT) - _TAIL_LIMIT * _TAIL_SLOPE
_PRIORS = tuple(bead[2] for bead in BEADS[1:])


def _kernel():
    """The compiled search (aligner/align/_bandsearch.pyx, built by setup.py), or None: when
    it is not built, or was built from another version of its source (a stale in-place
    build after an edit: ``pip install -e .`` rebuilds it), or ALIGNER_PURE_PYTHON is set."""
    if os.environ.get("ALIGNER_PURE_PYTHON"):
        return None
    try:
        from . import _bandsearch
    except ImportError:
        return None
    source = Path(__file__).with_name("_bandsearch.pyx")
    try:
        digest = hashlib.sha256(source.read_bytes()).hexdigest()
    except OSError:  # installed without its source: nothing to be stale against
        return _bandsearch
    return _bandsearch if _bandsearch.SOURCE_SHA256 == digest else None


KERNEL = _kernel()


def compiled():
    """The compiled search's module (``KERNEL``) when it is in use, else None: margins.py
    and pairwise.py take their compiled loops from it."""
    return KERNEL
