"""Near ties a pair's search cannot break: where in a run of unsure 1-1 beads the omission goes.

In a list of near-parallel strings ("Margin on Bottom", "Margin on End", ... with one dropped
in the translation) every placement of the omission costs the search about the same: the
strings share their common words in every bead, and the words that tell them apart occur
once, too rarely to be learnt as word pairs (``lexicon.learn_links`` wants two beads). The
rest of the document still knows them: "Pixels of extra space on the end" is "... в конце"
in a confident bead elsewhere, so a placement that pairs "Margin on End" with "Отступ в
конце" is borne out by the document and one that pairs it with "Отступ снизу" is not.

``placed`` takes each omission (1-0 or 0-1 bead) with the unsure 1-1 beads on either side
of it (confidence below a merge's factor: an equally cheap shifted path exists), tries the
omission at every place of that run, and keeps the placement whose pairs of paragraphs hold
the most word pairs the rest of the document makes too rarely to learn: a pivot word met in
one 1-1 bead outside the run (fewer than ``MIN_LINKS``), the only pivot word met just there,
and a word of the other text met just there too. The search's placement stays unless
another is strictly better borne out. (Counting every pair of words that ever meet elsewhere
moved omissions in prose, where common words meet everywhere, and a pivot word that shares
its one bead with another rare one, "Wichert Akkerman" beside "Автор", pairs with nothing.)
"""

from __future__ import annotations

from collections.abc import Sequence

from .lexicon import MIN_LINKS

UNSURE = 0.9  # a 1-1 bead below a merge's confidence factor: an equally cheap path exists
RUN_MAX = 8  # unsure beads taken on each side of an omission (a bound on the work)


def placed(beads: Sequence, pivot_words: Sequence, other_words: Sequence) -> list:
    """``beads`` (pair beads in order) with each omission moved to the place in its run of
    unsure 1-1 beads that the rest of the document bears out best; the same beads when no
    run has a better placement. Beads are any ``(p0, p1, o0, o1, confidence)`` tuples; new
    ones are made with the type of the first."""
    blocks: list[tuple[int, int]] = []
    for k, bead in enumerate(beads):
        if _lost(bead) and (block := _block(beads, k)):
            if not blocks or block[0] >= blocks[-1][1]:  # runs shared by two omissions: the first
                blocks.append(block)
    if not blocks:
        return list(beads)
    ones = [k for k, b in enumerate(beads) if b.p1 - b.p0 == 1 and b.o1 - b.o0 == 1]
    pivot_used = frozenset().union(
        *(pivot_words[i] for s, e in blocks for i in _pivot(beads, s, e))
    )
    other_used = frozenset().union(
        *(other_words[j] for s, e in blocks for j in _other(beads, s, e))
    )
    met_p = _where(ones, [pivot_words[beads[k].p0] for k in ones], pivot_used)
    met_o = _where(ones, [other_words[beads[k].o0] for k in ones], other_used)
    # the beads where a rare pivot word of a block meets: every pivot word found there (is
    # the rare word the only one met just there?)
    longest = max(end - start for start, end in blocks)
    there = frozenset(
        k for where in met_p.values() if len(where) < longest + MIN_LINKS for k in where
    )
    nearby = frozenset().union(*(pivot_words[beads[k].p0] for k in there)) if there else frozenset()
    met_near = _where(ones, [pivot_words[beads[k].p0] for k in ones], nearby)
    make = type(beads[0])
    out = list(beads)
    for start, end in reversed(blocks):  # from the end: indices before stay valid
        better = _better(beads, start, end, pivot_words, other_words, met_o, met_near, make)
        if better is not None:
            out[start:end] = better
    return out


def _where(numbers: list[int], words: list, wanted: frozenset) -> dict[str, set[int]]:
    """Each word of ``wanted`` -> the numbers of the beads (``numbers``) whose side holds it."""
    found: dict[str, set[int]] = {}
    if wanted:
        for k, held in zip(numbers, words):
            for w in held & wanted:
                found.setdefault(w, set()).add(k)
    return found


def _lost(bead) -> bool:
    return (bead.p1 - bead.p0) + (bead.o1 - bead.o0) == 1


def _unsure(bead) -> bool:
    return bead.p1 - bead.p0 == 1 and bead.o1 - bead.o0 == 1 and bead.confidence < UNSURE


def _block(beads: Sequence, k: int) -> tuple[int, int] | None:
    """(start, end) of the omission ``k`` with its unsure 1-1 neighbours, None if it has none."""
    start = k
    while start > 0 and k - start < RUN_MAX and _unsure(beads[start - 1]):
        start -= 1
    end = k + 1
    while end < len(beads) and end - k - 1 < RUN_MAX and _unsure(beads[end]):
        end += 1
    return (start, end) if end - start > 1 else None


def _pivot(beads, start, end) -> range:
    return range(beads[start].p0, beads[end - 1].p1)


def _other(beads, start, end) -> range:
    return range(beads[start].o0, beads[end - 1].o1)


def _better(beads, start, end, pivot_words, other_words, met_o, met_p, make):
    """The block's beads with the omission placed where it is best borne out, or None."""
    pivot, other = _pivot(beads, start, end), _other(beads, start, end)
    inside = frozenset(range(start, end))
    lost_pivot = len(pivot) > len(other)

    def outside(found: dict, word: str) -> frozenset[int]:
        return frozenset(found.get(word, ())) - inside

    # a pivot word of the block found outside it only in beads where no other pivot word is
    # found just there, with a word of the other side found just there too: a word pair the
    # rest of the document makes (too rarely to be learnt)
    paired: dict[str, frozenset[int]] = {}
    for i in pivot:
        for e in pivot_words[i]:
            where = outside(met_p, e)
            if where and len(where) < MIN_LINKS and e not in paired:
                rivals = (
                    w
                    for k in where
                    for w in pivot_words[beads[k].p0]
                    if w != e and outside(met_p, w) == where
                )
                if next(rivals, None) is None:
                    paired[e] = where

    def support(i: int, j: int) -> int:
        if not paired:
            return 0
        theirs = {outside(met_o, f) for f in other_words[j]}
        return sum(1 for e in pivot_words[i] if e in paired and paired[e] in theirs)

    def score(place: int) -> int:
        if lost_pivot:
            rest = [i for n, i in enumerate(pivot) if n != place]
            return sum(support(i, j) for i, j in zip(rest, other))
        rest = [j for n, j in enumerate(other) if n != place]
        return sum(support(i, j) for i, j in zip(pivot, rest))

    found = next(n for n, k in enumerate(range(start, end)) if _lost(beads[k]))
    scores = [score(place) for place in range(len(pivot) if lost_pivot else len(other))]
    best = max(range(len(scores)), key=lambda n: (scores[n], n == found))
    if scores[best] <= scores[found]:
        return None
    sure = min(beads[k].confidence for k in range(start, end) if not _lost(beads[k]))
    lost = beads[start + found].confidence
    out = []
    if lost_pivot:
        j = other.start
        for n, i in enumerate(pivot):
            if n == best:
                out.append(make(i, i + 1, j, j, lost))
            else:
                out.append(make(i, i + 1, j, j + 1, sure))
                j += 1
    else:
        i = pivot.start
        for n, j in enumerate(other):
            if n == best:
                out.append(make(i, i, j, j + 1, lost))
            else:
                out.append(make(i, i + 1, j, j + 1, sure))
                i += 1
    return out
