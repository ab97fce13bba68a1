"""How sure the search is of each bead: the cost of the best path that does not go through it.

A bead's length fit says little about whether it is right: a short UI string rendered loosely
fits badly and is still the only sensible partner, while a bead in a shifted run of
near-parallel strings ("Margin on Bottom" beside "Отступ снизу" one line off) fits well and
is wrong. What tells them apart is how much the best alternative costs. The forward search
gives the best cost F(i, j) of reaching each boundary; the same search run on the reversed
texts gives the best cost B(i, j) of finishing from it; F + B is the best cost of a path
through (i, j) (min-marginals, as in Viterbi decoding with a backward pass). The margin of a
boundary on the best path is how much more the cheapest path avoiding it costs (one at the
same pivot boundary with another partner, or the same other boundary with another pivot one);
costs are about -log probabilities, so the chance the alternative is right instead is about
1 / (1 + e^margin).
"""

from __future__ import annotations

import math
from dataclasses import replace

from .search import BEADS, SWAP_COST, compiled, search

_OMISSION_AND_INSERTION = 6 + 7  # BEADS indices of 1-0 and 0-1
assert BEADS[6][:2] == (1, 0) and BEADS[7][:2] == (0, 1)


def _reversed_totals(totals: list) -> list:
    last = totals[-1]
    return [last - value for value in reversed(totals)]


def boundary_margins(pair, model, path, costs, arrows, lo: list[int], hi: list[int]):
    """``margin(i, j)``: how much more than the best path (``path``: its (i, j, bead) steps)
    the cheapest path avoiding boundary (i, j) costs: one through another boundary of
    pivot boundary i or of other boundary j that the best path does not use (0 where the
    search is torn, ``inf`` where nothing competes)."""
    n, m = len(pair.P) - 1, len(pair.T) - 1
    back_pair = replace(
        pair,
        P=_reversed_totals(pair.P),
        T=_reversed_totals(pair.T),
        Tp=_reversed_totals(pair.Tp),
        SP=_reversed_totals(pair.SP),
        ST=_reversed_totals(pair.ST),
        MP=_reversed_totals(pair.MP),
        MT=_reversed_totals(pair.MT),
        pivot_keys=tuple(reversed(pair.pivot_keys)),
        other_keys=tuple(reversed(pair.other_keys)),
        pivot_doubles=tuple(reversed(pair.pivot_doubles)),
        other_doubles=tuple(reversed(pair.other_doubles)),
    )
    back_lo = [m - hi[n - k] for k in range(n + 1)]
    back_hi = [m - lo[n - k] for k in range(n + 1)]
    back, back_arrows = search(back_pair, back_lo, back_hi, model, None)
    total = costs[n][m - lo[n]]
    inf = math.inf
    # per pivot boundary and per other boundary: the cheapest path through it that
    # leaves the best path there (compiled where the band search is: the same sums)
    found, kernel = None, compiled()
    if kernel is not None:
        found = kernel.through_best(
            costs,
            arrows,
            back,
            back_arrows,
            lo,
            hi,
            back_lo,
            n,
            m,
            path,
            SWAP_COST,
            _OMISSION_AND_INSERTION,
        )
    if found is not None:
        row_best, col_best = found
    else:
        row_best, col_best = _through_best(
            costs, arrows, back, back_arrows, lo, hi, back_lo, n, m, path
        )

    def margin(i: int, j: int) -> float:
        if total == inf or not (0 <= i <= n and 0 <= j <= m):
            return 0.0
        return max(0.0, min(row_best[i], col_best[j]) - total)

    return margin


def _through_best(costs, arrows, back, back_arrows, lo, hi, back_lo, n, m, path):
    """(row_best, col_best) in pure Python: ``through_best`` of the compiled search."""
    on_path = {(i, j) for i, j, _ in path}
    on_path.add((0, 0))
    inf = math.inf
    row_best = [inf] * (n + 1)
    col_best = [inf] * (m + 1)
    for i in range(n + 1):
        forward, start, came = costs[i], lo[i], arrows[i]
        backward, back_start, goes = back[n - i], back_lo[n - i], back_arrows[n - i]
        best = inf
        for j in range(start, hi[i] + 1):
            if (i, j) in on_path:
                continue
            through = forward[j - start] + backward[m - j - back_start]
            if came[j - start] + goes[m - j - back_start] == _OMISSION_AND_INSERTION:
                through += SWAP_COST  # what either search adds where the two meet
            if through < best:
                best = through
            if through < col_best[j]:
                col_best[j] = through
        row_best[i] = best
    return row_best, col_best
