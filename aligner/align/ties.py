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
the most word pairs the rest of the document makes too rarely to learn: a pivot word and a
word of the other text that meet in one confident 1-1 bead outside the run (fewer than
``MIN_LINKS``; an unsure bead may be a shifted list itself: "Whether the “Mouse Keys” ..."
beside "... отскакивающих клавиш" bore out "Enable “Mouse Keys”" for "Включить отскакивающие
клавиши") and are each other's best partner there (Dice over those beads, at least
``MIN_DICE``, strictly above any other word of that bead: "Wichert" and "Akkerman" beside
"Автор" pair with nothing; "Virgin", met in three beads, is no partner of 英属 where
"British" is met only with it). The search's placement stays unless another is strictly
better borne out; of equally good ones, the nearest to it wins. (Counting every pair of
words that ever meet elsewhere moved omissions in prose, where common words meet
everywhere.)
"""

from __future__ import annotations

from collections.abc import Sequence

from .lexicon import MIN_DICE, MIN_LINKS

UNSURE = 0.9  # a 1-1 bead below a merge's confidence factor: an equally cheap path exists
RUN_MAX = 8  # unsure beads taken on each side of an omission (a bound on the work)
# a word met more often than this outside a run reaches MIN_DICE with no word it meets once
MOST_MET = round(2 / MIN_DICE) - 1


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
    # the evidence: the confident 1-1 beads (an unsure one may be a shifted list itself)
    ones = [
        k
        for k, b in enumerate(beads)
        if b.p1 - b.p0 == 1 and b.o1 - b.o0 == 1 and b.confidence >= UNSURE
    ]
    pivot_used = frozenset().union(
        *(pivot_words[i] for s, e in blocks for i in _pivot(beads, s, e))
    )
    other_used = frozenset().union(
        *(other_words[j] for s, e in blocks for j in _other(beads, s, e))
    )
    met_p = _where(ones, [pivot_words[beads[k].p0] for k in ones], pivot_used)
    met_o = _where(ones, [other_words[beads[k].o0] for k in ones], other_used)
    # the beads where a rare word of a block meets (those a pair can meet in), and where
    # every word found there meets (its rivals)
    longest = max(end - start for start, end in blocks)
    there = frozenset(
        k
        for met in (met_p, met_o)
        for where in met.values()
        if len(where) <= longest + MOST_MET
        for k in where
    )
    near_p = frozenset().union(*(pivot_words[beads[k].p0] for k in there)) if there else there
    near_o = frozenset().union(*(other_words[beads[k].o0] for k in there)) if there else there
    met = (
        _where(ones, [pivot_words[beads[k].p0] for k in ones], near_p),
        _where(ones, [other_words[beads[k].o0] for k in ones], near_o),
    )
    make = type(beads[0])
    out = list(beads)
    for start, end in reversed(blocks):  # from the end: indices before stay valid
        better = _better(beads, start, end, pivot_words, other_words, met, make)
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


def _same_word(a: str, b: str) -> bool:
    """Whether one of two pivot words is the other's stem (``lexicon.pivot_stems``)."""
    return (a[0] == "+" and b.startswith(a[1:])) or (b[0] == "+" and a.startswith(b[1:]))


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


def _better(beads, start, end, pivot_words, other_words, met, make):
    """The block's beads with the omission placed where it is best borne out, or None."""
    pivot, other = _pivot(beads, start, end), _other(beads, start, end)
    inside = frozenset(range(start, end))
    lost_pivot = len(pivot) > len(other)
    met_p, met_o = met

    def outside(found: dict, word: str) -> frozenset[int]:
        return frozenset(found.get(word, ())) - inside

    def dice(e: str, f: str) -> float:
        where_e, where_f = outside(met_p, e), outside(met_o, f)
        return 2 * len(where_e & where_f) / (len(where_e) + len(where_f) or 1)

    def linked(e: str, f: str, k: int) -> bool:
        """Whether e and f are each other's best partner in bead k, strictly: no other
        word of either side of k meets them as often for how often it is met. The other
        side's keys met in just the same beads count as one word (a word's stem, root and
        sound key; the bigrams of one CJK run); the pivot's shape keys are no rivals."""
        here = dice(e, f)
        if here < MIN_DICE:
            return False
        where_f = outside(met_o, f)
        return all(
            dice(e, w) < here for w in other_words[beads[k].o0] if outside(met_o, w) != where_f
        ) and all(
            dice(w, f) < here
            for w in pivot_words[beads[k].p0]
            if w != e and w[0] != "^" and not _same_word(w, e)
        )

    cache: dict[tuple[int, int], int] = {}

    def support(i: int, j: int) -> int:
        """The pivot words of i that the rest of the document pairs with a word of j: met
        together in one 1-1 bead outside the block (too rarely to be learnt), where each
        is the other's best partner (Dice over the 1-1 beads outside the block)."""
        if (i, j) in cache:
            return cache[i, j]
        count = 0
        for e in pivot_words[i]:
            where_e = outside(met_p, e)
            if not where_e:
                continue
            for f in other_words[j]:
                both = where_e & outside(met_o, f)
                if 0 < len(both) < MIN_LINKS and all(linked(e, f, k) for k in both):
                    count += 1
                    break
        cache[i, j] = count
        return count

    def score(place: int) -> int:
        if lost_pivot:
            rest = [i for n, i in enumerate(pivot) if n != place]
            return sum(support(i, j) for i, j in zip(rest, other))
        rest = [j for n, j in enumerate(other) if n != place]
        return sum(support(i, j) for i, j in zip(pivot, rest))

    found = next(n for n, k in enumerate(range(start, end)) if _lost(beads[k]))
    scores = [score(place) for place in range(len(pivot) if lost_pivot else len(other))]
    # the best borne out; of those, the nearest to the search's
    best = max(range(len(scores)), key=lambda n: (scores[n], -abs(n - found)))
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
