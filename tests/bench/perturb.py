"""Seeded perturbations of a parallel text, the gold alignment they imply, and a scorer.

Start from a pivot text, another language's paragraphs and the gold beads between them (for
the bundled statement: read off its known structure). Each perturbation changes the other
language only: merge 2-3 adjacent paragraphs, split one at a sentence boundary, delete one, or
insert an unrelated one (a paragraph copied from at least ten paragraphs away). The gold beads
follow every change, so the aligner's output can be scored exactly.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

Bead = tuple[tuple[int, int], tuple[int, int]]  # (pivot [start, end), other [start, end))

# The bundled statement against its English pivot, as runs of (pivot, other) bead sizes: each
# version has a title the English lacks; zh merges en 20+21; kk splits en 28; ru merges en 19
# into en 18's paragraph and splits en 42.
BUNDLED_STRUCTURE = {
    "zh": [((0, 1), 1), ((1, 1), 20), ((2, 1), 1), ((1, 1), 28)],
    "kk": [((0, 1), 1), ((1, 1), 28), ((1, 2), 1), ((1, 1), 21)],
    "ru": [((0, 1), 1), ((1, 1), 18), ((2, 1), 1), ((1, 1), 22), ((1, 2), 1), ((1, 1), 7)],
}
OPERATIONS = ("merge", "split", "delete", "insert")
_SENTENCE_END = re.compile(r"(?<=[.!?;。！？；])\s*(?=\S)")


def beads_from_runs(runs: list[tuple[tuple[int, int], int]]) -> list[Bead]:
    """Expand (bead size, repeat) runs into consecutive beads."""
    beads, i, j = [], 0, 0
    for (a, b), times in runs:
        for _ in range(times):
            beads.append(((i, i + a), (j, j + b)))
            i, j = i + a, j + b
    return beads


@dataclass(frozen=True)
class Perturbed:
    """The other language after perturbation, the gold beads, and the operations applied."""

    paragraphs: list[str]
    gold: list[Bead]
    operations: dict[str, int]


def perturb(
    paragraphs: list[str], gold: list[Bead], seed: int, share: float = 0.10, joiner: str = " "
) -> Perturbed:
    """Apply about ``share`` × len(paragraphs) random operations; return text and gold beads."""
    rng = random.Random(seed)
    ids_of = {}
    for bead_id, (_, (o0, o1)) in enumerate(gold):
        for j in range(o0, o1):
            ids_of[j] = frozenset([bead_id])
    items = [(text, ids_of[j]) for j, text in enumerate(paragraphs)]
    counts = dict.fromkeys(OPERATIONS, 0)
    for _ in range(max(1, round(share * len(paragraphs)))):
        for _attempt in range(20):
            operation = rng.choice(OPERATIONS)
            if _apply(operation, items, rng, joiner):
                counts[operation] += 1
                break
    return Perturbed([text for text, _ in items], _gold_after(gold, items), counts)


def _apply(operation: str, items: list, rng: random.Random, joiner: str) -> bool:
    if operation == "merge":
        k = rng.choice((2, 3))
        if len(items) < k + 1:
            return False
        p = rng.randrange(len(items) - k + 1)
        group = items[p : p + k]
        items[p : p + k] = [
            (joiner.join(t for t, _ in group), frozenset().union(*(i for _, i in group)))
        ]
        return True
    if operation == "split":
        p = rng.randrange(len(items))
        text, ids = items[p]
        cuts = [m.start() for m in _SENTENCE_END.finditer(text) if 0 < m.start() < len(text) - 1]
        if not cuts or not ids:
            return False
        cut = min(cuts, key=lambda c: abs(c - len(text) / 2))
        items[p : p + 1] = [(text[:cut].rstrip(), ids), (text[cut:].lstrip(), ids)]
        return True
    if operation == "delete":
        if len(items) < 3:
            return False
        del items[rng.randrange(len(items))]
        return True
    p = rng.randrange(len(items) + 1)  # insert before position p
    if 0 < p < len(items) and items[p - 1][1] & items[p][1]:
        return False  # never inside a bead: the gold would not be contiguous
    far = [q for q in range(len(items)) if abs(q - p) >= 10]
    if not far:
        return False
    items.insert(p, (items[rng.choice(far)][0], frozenset()))
    return True


def _gold_after(gold: list[Bead], items: list) -> list[Bead]:
    """Smallest contiguous groups of the original beads and the surviving items."""
    parent = list(range(len(gold)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for _, ids in items:
        first, *rest = sorted(ids) or [None]
        for other in rest:
            parent[find(other)] = find(first)
    # Beads are contiguous on both sides: a group spanning a bead id range absorbs the beads
    # in between (their items were deleted, or they were merged around them).
    groups: dict[int, list[int]] = {}
    for bead_id in range(len(gold)):
        groups.setdefault(find(bead_id), []).append(bead_id)
    for members in groups.values():
        for between in range(min(members), max(members) + 1):
            parent[find(between)] = find(members[0])
    beads: list[Bead] = []
    owner = [find(min(ids)) if ids else None for _, ids in items]
    seen: dict[int, int] = {}
    j = 0
    emitted_until = 0  # pivot paragraphs already in an emitted bead
    for j, root in enumerate(owner):
        if root is None:
            beads.append(("insert", j))
            continue
        if root in seen:
            beads[seen[root]][2].append(j)
            continue
        seen[root] = len(beads)
        beads.append(("group", root, [j]))
    result: list[Bead] = []
    for entry in beads:
        if entry[0] == "insert":
            result.append(((emitted_until, emitted_until), (entry[1], entry[1] + 1)))
            continue
        root, others = entry[1], entry[2]
        members = [b for b in range(len(gold)) if find(b) == root]
        p0, p1 = gold[members[0]][0][0], gold[members[-1]][0][1]
        for i in range(emitted_until, p0):  # pivot paragraphs whose counterpart was deleted
            result.append(((i, i + 1), (others[0], others[0])))
        result.append(((p0, p1), (others[0], others[-1] + 1)))
        emitted_until = p1
    n = gold[-1][0][1] if gold else 0
    end = len(items)
    for i in range(emitted_until, n):
        result.append(((i, i + 1), (end, end)))
    return _fix_insert_positions(result)


def _fix_insert_positions(beads: list[Bead]) -> list[Bead]:
    """Give 1-0 and 0-1 beads the positions of their neighbours (empty ranges are points)."""
    fixed, i, j = [], 0, 0
    for (p0, p1), (o0, o1) in beads:
        a, b = p1 - p0, o1 - o0
        fixed.append(((i, i + a), (j, j + b)))
        i, j = i + a, j + b
    return fixed


def score(predicted: list[Bead], gold: list[Bead]) -> dict[str, float]:
    """Strict bead precision/recall/F1 (exact beads, 1-0 and 0-1 included) and link F1."""
    pred_set, gold_set = set(map(_key, predicted)), set(map(_key, gold))
    hits = len(pred_set & gold_set)
    bead = _f1(hits, len(pred_set), len(gold_set))
    pred_links, gold_links = _links(predicted), _links(gold)
    link = _f1(len(pred_links & gold_links), len(pred_links), len(gold_links))
    return {"bead_p": bead[0], "bead_r": bead[1], "bead_f1": bead[2], "link_f1": link[2]}


def _key(bead: Bead) -> tuple:
    """A 1-0 or 0-1 bead is identified by its paragraph alone (its position is arbitrary)."""
    (p0, p1), (o0, o1) = bead
    if p0 == p1:
        return None, (o0, o1)
    if o0 == o1:
        return (p0, p1), None
    return bead


def _links(beads: list[Bead]) -> set[tuple[int, int]]:
    return {(i, j) for (p0, p1), (o0, o1) in beads for i in range(p0, p1) for j in range(o0, o1)}


def _f1(hits: int, predicted: int, gold: int) -> tuple[float, float, float]:
    precision = hits / predicted if predicted else 1.0
    recall = hits / gold if gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def beads_from_links(links: list[tuple[int, int]], n: int, m: int) -> list[Bead]:
    """Beads from a list of (pivot, other) links: connected groups, unlinked ones as 1-0 / 0-1.

    Used for nltk's align_blocks, which returns links only. A result that does not cover both
    texts leaves the missing paragraphs unlinked (scored as 1-0 / 0-1).
    """
    groups: list[list[set[int]]] = []
    for i, j in sorted(set(links)):
        if groups and (i in groups[-1][0] or j in groups[-1][1]):
            groups[-1][0].add(i)
            groups[-1][1].add(j)
        else:
            groups.append([{i}, {j}])
    beads: list[Bead] = []
    pi = pj = 0
    for sources, targets in groups:
        i0, j0 = min(sources), min(targets)
        if i0 < pi or j0 < pj:
            continue  # crossing link: not a monotone bead
        beads += [((i, i + 1), (pj, pj)) for i in range(pi, i0)]
        beads += [((i0, i0), (j, j + 1)) for j in range(pj, j0)]
        pi, pj = max(sources) + 1, max(targets) + 1
        beads.append(((i0, pi), (j0, pj)))
    beads += [((i, i + 1), (pj, pj)) for i in range(pi, n)]
    beads += [((n, n), (j, j + 1)) for j in range(pj, m)]
    return _fix_insert_positions(beads)
