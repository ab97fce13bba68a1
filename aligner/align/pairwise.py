"""Pairwise alignment of the pivot with one other language: a banded dynamic programme over beads.

A bead groups a pivot paragraphs with b paragraphs of the other language; the allowed beads are
1-1, 2-1, 1-2, 2-2, 3-1, 1-3, 1-0 and 0-1. The cost of a bead is a prior per bead type, its
length cost and the differences in sentence ends and marks (the pair's own ``LengthModel``),
minus a bonus for anchor keys the two sides share (``search``). It never fills the n×m matrix: it
follows a guide through the confident anchor pairs (interpolated by cumulative length) and
explores only a band of a few paragraphs around it, so time grows linearly with the document.
Where the best path runs along the edge of the band, the band is widened there and the search
repeated. The model is then re-measured on the 1-1 beads found and the search run once more.
Long texts get their model from a sample (their first SAMPLE paragraphs) and are searched once,
in stretches between cuts the confident anchors agree on (``PairPlan``), which worker processes
can search side by side.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, replace
from itertools import accumulate
from typing import NamedTuple

from ..parallel import gc_paused
from .anchors import WEIGHT_POWER, KeyIndex, anchor_chain, key_weights
from .lengthmodel import (
    LengthModel,
    count_cost,
    estimate_ratio,
    estimate_variance,
    fit_ratios,
    letters_dominate,
)
from .lexicon import HEADING, learn_links, sounds_like, translated
from .margins import boundary_margins
from .profile import Profile, vocabulary
from .recurring import distinct, each_once
from .search import BEADS, WEIGHT_UNIT, compiled, search
from .ties import placed

BAND = 1  # initial half-width of the band, in paragraphs
SAMPLE = 1000  # longer texts get their model from aligning this many paragraphs
SEGMENT = 2000  # longer texts are searched in stretches of at least this many
MAX_CELLS = 30_000_000  # the band stops widening here (memory); the result is then flagged
WORD_WEIGHT = 0.5  # a shared word (or learnt word pair) weighs this much of an anchor
LEARNING_ROUNDS = 4  # learn word pairs from the last search, search again; this many times
STRAY_EVIDENCE = 0.4  # a paragraph with this much key weight can be judged a stray in a merge
STRAY_COVER = 0.01  # ... when less than this share of it is found on the other side
STRAY_TYPICAL = 0.6  # ... in a pair whose typical 1-1 bead finds this share
STRAY_SAMPLES = 30  # ... measured on at least this many beads (and at most
STRAY_SAMPLES_MAX = 400  # this many, evenly spread: a long text needs no more)
STRAY_PARTNER = 0.3  # the stray's partner must find at least this share across
SILENCE_SAMPLES = 20  # 1-1 beads with keys on either side needed to measure silence_cost
SILENCE_MAX = BEADS[6][2] / 2  # a missing key weighs less than half a missing paragraph
DOUBLE_MAX_COUNT = 64  # keys found in more paragraphs say little held twice, and cost time
_NO_KEYS: frozenset[str] = frozenset()
_SHAPES = frozenset({HEADING})  # keys of a paragraph's shape, not of what it says
Progress = Callable[[int, int], None]


class Bead(NamedTuple):
    """Pivot paragraphs [p0, p1) aligned with other paragraphs [o0, o1), and a confidence.

    A named tuple: a long pair has tens of thousands, built, offset and sent between
    processes several times."""

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
    anchors: int = 0  # confident anchor pairs used as the guide
    widenings: int = 0  # times the band had to be widened
    capped: bool = False  # the band hit MAX_CELLS; the alignment may be suboptimal there
    links: dict = None  # word pairs learnt from the searches (other word -> pivot words)


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
    pivot_doubles: tuple = ()  # per paragraph the keys it holds twice or more (or ())
    other_doubles: tuple = ()

    def shared(self, pi: int, i: int, pj: int, j: int) -> float:
        """Weight of the keys the two sides of a bead share, each key counted once."""
        left = self.pivot_keys[pi] if i - pi == 1 else frozenset().union(*self.pivot_keys[pi:i])
        right = self.other_keys[pj] if j - pj == 1 else frozenset().union(*self.other_keys[pj:j])
        return sum(map(self.weights.__getitem__, left & right)) / WEIGHT_UNIT


def align_pair(pivot: Profile, other: Profile, progress: Progress | None = None) -> PairAlignment:
    """Align two texts given their profiles; every paragraph ends up in exactly one bead."""
    n, m = len(pivot), len(other)
    if n == 0 or m == 0:
        beads = [Bead(i, i + 1, 0, 0, BEADS[6][3]) for i in range(n)]
        beads += [Bead(0, 0, j, j + 1, BEADS[7][3]) for j in range(m)]
        return PairAlignment(
            tuple(beads), LengthModel(estimate_ratio(pivot.lengths, other.lengths), 1.0)
        )
    if n <= SAMPLE:
        return _align_whole(pivot, other, progress)
    plan, pivot_keys, other_keys = _planned(pivot, other)
    done = 0
    found = []
    for segment, (i0, j0), (i1, j1) in zip(plan.segments(pivot, other), plan.cuts, plan.cuts[1:]):
        report = (lambda k, total, base=done: progress(base + k, n)) if progress else None
        keys = (pivot_keys[i0:i1], other_keys[j0:j1]) if pivot_keys else None
        found.append(align_segment(*segment, report, keys=keys))
        done += len(segment[0])
    return plan.join(found)


@dataclass(frozen=True)
class PairPlan:
    """How a long pair is searched: the model and the word pairs learnt on a sample, the key
    weights of the whole texts, the guide, and the cuts that split the search into stretches.

    A cut (i, j) is a bead boundary both texts agree on: anchor pairs (i - 1, j - 1) and
    (i, j) are consecutive in the confident chain, so paragraph i - 1 goes with j - 1 and i
    with j. The stretches between cuts are searched independently (in parallel when there
    are cores to spare), always at the same cuts, so the result does not depend on how many
    processes did the work. A plan holds no text: it is made in a worker and sent back."""

    model: LengthModel
    links: dict
    weights: dict
    guide: tuple[float, ...]
    cuts: tuple[tuple[int, int], ...]  # from (0, 0) to (n, m)
    anchors: int

    def segments(self, pivot: Profile, other: Profile) -> list[tuple]:
        """Arguments of ``align_segment`` for each stretch of the two texts, in order; only
        the stretch's word pairs and key weights travel with it."""
        out = []
        for (i0, j0), (i1, j1) in zip(self.cuts, self.cuts[1:]):
            guide = [min(max(g - j0, 0.0), float(j1 - j0)) for g in self.guide[i0 : i1 + 1]]
            guide[0], guide[-1] = 0.0, float(j1 - j0)
            here, there = pivot.slice(i0, i1), other.slice(j0, j1)
            words = vocabulary(here.words) | frozenset().union(*here.keys)
            links = {f: es for f in vocabulary(there.words) if (es := self.links.get(f))}
            weights = {k: w for k in words if (w := self.weights.get(k)) is not None}
            out.append((here, there, self.model, links, weights, tuple(guide)))
        return out

    def join(self, found: list[tuple[tuple[Bead, ...], int, bool]]) -> PairAlignment:
        """The pair's alignment from its stretches' results (``align_segment``), in order."""
        beads = []
        for (i0, j0), (part, _, _) in zip(self.cuts, found):
            beads.extend(
                Bead(b.p0 + i0, b.p1 + i0, b.o0 + j0, b.o1 + j0, b.confidence) for b in part
            )
        return PairAlignment(
            tuple(beads),
            self.model,
            self.anchors,
            sum(f[1] for f in found),
            any(f[2] for f in found),
            self.links,
        )


@gc_paused()
def plan_pair(pivot: Profile, other: Profile) -> PairPlan:
    """The plan of a long pair (more than SAMPLE pivot paragraphs, both texts non-empty).

    The model and the learnt word pairs come from aligning the first SAMPLE pivot paragraphs
    (and the other text's paragraphs the length diagonal puts beside them)."""
    return _planned(pivot, other)[0]


def _planned(pivot: Profile, other: Profile) -> tuple[PairPlan, tuple, tuple]:
    """``plan_pair``'s plan and the evidence keys of every paragraph of both texts it
    weighed (``_evidence``; () where the texts hold no words): in one process the stretches
    cut them to their own keys instead of working them out again (``align_segment``). The
    plan needs no doubles and no length model of the whole texts (``_setup`` would measure
    them): its guide is made of the running lengths alone."""
    n, m = len(pivot), len(other)
    ratio = estimate_ratio(pivot.lengths, other.lengths)
    _, _, guide = _setup(pivot, other, LengthModel(ratio, 1.0), words=False)
    sample_end = max(1, int(guide[SAMPLE]))
    sample = _align_whole(pivot.slice(0, SAMPLE), other.slice(0, sample_end))
    pivot_keys, other_keys, weights, chain = _evidence(pivot, other, sample.links)
    guide = _guide(pivot.prefix("lengths"), other.prefix("lengths"), chain)
    plan = PairPlan(
        sample.model, sample.links or {}, weights, tuple(guide), _cuts(chain, n, m), len(chain)
    )
    if not pivot.words or not other.words:  # anchors alone: the stretches' own keys
        return plan, (), ()
    return plan, pivot_keys, other_keys


@gc_paused()
def align_segment(
    pivot: Profile,
    other: Profile,
    model: LengthModel,
    links: dict,
    weights: dict,
    guide: tuple[float, ...],
    progress: Progress | None = None,
    keys: tuple | None = None,
) -> tuple[tuple[Bead, ...], int, bool]:
    """(beads, widenings, capped) of one stretch of a planned pair, searched once with the
    plan's model, word pairs and weights; indices relative to the stretch. ``keys``: the
    plan's evidence keys of the stretch's paragraphs (``_planned``), when at hand."""
    if not len(pivot) or not len(other):
        return align_pair(pivot, other).beads, 0, False
    kept = frozenset(weights)
    if keys is not None:
        # each paragraph's plan key set is k | (w & shared): its anchors k and its words w
        # (heard, or translated) that both whole texts hold. The stretch keeps k | (w & kept),
        # kept being the keys of its pivot paragraphs that the plan weighed, whose words are
        # shared; no word key is an anchor key (words hold no ":", except copies "^=...",
        # which no anchor begins with). So k | (w & kept) == plan keys & (kept | anchors of
        # its own side): one intersection per paragraph, the same sets
        pivot_keys = _cut_to(keys[0], kept.union(*distinct(pivot.keys)))
        other_keys = _cut_to(keys[1], kept.union(*distinct(other.keys)))
    else:
        other_words = translated(other.words, links) if links else other.words
        pivot_keys = (
            tuple(k | (w & kept) for k, w in zip(pivot.keys, _heard(pivot)))
            if pivot.words
            else pivot.keys
        )
        other_keys = (
            tuple(k | (w & kept) for k, w in zip(other.keys, other_words))
            if other.words
            else other.keys
        )
    doubles = _doubles(pivot, other, links, pivot_keys, other_keys, weights)
    pair = _pair(pivot, other, model, pivot_keys, other_keys, weights, doubles)
    path, _, widenings, capped, last_search = _banded(
        pair, list(guide), [BAND] * len(guide), model, progress
    )
    beads = _placed(
        _beads(_without_strays(path, pair, pivot, other), model, last_search), pivot, other
    )
    return beads, widenings, capped


def _align_whole(pivot: Profile, other: Profile, progress: Progress | None = None) -> PairAlignment:
    """Searches over the whole band: the first with the anchors and the words both texts
    hold and a length model measured on the anchor pairs; each next one also with the word
    pairs learnt from the last one's 1-1 beads and the model re-measured on them, until the
    path or what was learnt stops changing (at most LEARNING_ROUNDS more)."""
    ratio = estimate_ratio(pivot.lengths, other.lengths)
    pair, chain, guide = _setup(pivot, other, _first_ratios(pivot, other, ratio))
    model = _initial_model(pair, pivot, other, ratio, chain, guide)
    pair = _pair(
        pivot,
        other,
        model,
        pair.pivot_keys,
        pair.other_keys,
        pair.weights,
        (pair.pivot_doubles, pair.other_doubles),
    )
    widths = [BAND] * (len(pivot) + 1)
    path, widths, widenings, capped, last_search = _banded(pair, guide, widths, model, progress)
    links: dict = {}
    for _ in range(LEARNING_ROUNDS):
        if capped:
            break
        ones = [(i - 1, j - 1) for i, j, k in path if k == 0]
        learnt = learn_links(pivot.words, other.words, ones)
        refined = _refine(pair, pivot, other, model, ones)
        silence = silence_cost(pair.pivot_keys, pair.other_keys, ones)
        if learnt == links and refined is None and _same_silence(model, silence):
            break
        links, model = learnt, replace(refined or model, silence_cost=silence)
        pair, chain, guide = _setup(pivot, other, model, links)
        last = path
        path, widths, more, capped, last_search = _banded(pair, guide, widths, model, progress)
        widenings += more
        if path == last:
            break
    beads = _placed(
        _beads(_without_strays(path, pair, pivot, other), model, last_search), pivot, other
    )
    return PairAlignment(beads, model, len(chain), widenings, capped, links)


def _setup(
    pivot: Profile,
    other: Profile,
    model: LengthModel,
    links: dict | None = None,
    words: bool = True,
):
    """(running totals and evidence keys, confident anchor chain, guide) of a pair."""
    pivot_keys, other_keys, weights, chain = _evidence(pivot, other, links, words)
    doubles = _doubles(pivot, other, links, pivot_keys, other_keys, weights) if words else ((), ())
    pair = _pair(pivot, other, model, pivot_keys, other_keys, weights, doubles)
    return pair, chain, _guide(pair.P, pair.T, chain)


def _evidence(pivot: Profile, other: Profile, links: dict | None, words: bool = True):
    """Per paragraph of both texts its anchor keys and the words both texts hold (as they
    are, or through a learnt word pair: ``links``), and the weight of each key the two texts
    share. ``words=False``: anchors alone (a quick first guide)."""
    if not words or not pivot.words or not other.words:
        pivot_keys, other_keys = pivot.keys, other.keys
    else:
        other_words = translated(other.words, links) if links else other.words
        pivot_words = _heard(pivot)
        shared = frozenset().union(*distinct(pivot_words)) & frozenset().union(
            *distinct(other_words)
        )
        pivot_keys = _with_shared(pivot.keys, pivot_words, shared)
        other_keys = _with_shared(other.keys, other_words, shared)
    source, target = KeyIndex(pivot_keys), KeyIndex(other_keys)
    weights = {
        key: round(weight * (WEIGHT_UNIT if ":" in key else WORD_WEIGHT * WEIGHT_UNIT))
        for key, weight in key_weights(source, target).items()
    }
    return pivot_keys, other_keys, weights, anchor_chain(source, target)


def _with_shared(keys, words, shared: frozenset) -> tuple:
    """Per paragraph k | (w & shared), once for each pair of objects (k, w)."""
    return each_once(lambda k, w: k | (w & shared), keys, words)


def _cut_to(sets, kept: frozenset) -> tuple:
    """Per paragraph its set & ``kept``, once for each set object."""
    return each_once(kept.intersection, sets)


def _doubles(
    pivot: Profile, other: Profile, links: dict | None, pivot_keys, other_keys, weights: dict
):
    """Per paragraph of both texts the keys of ``pivot_keys`` and ``other_keys`` it holds
    twice or more (through the learnt word pairs on the other side); () where neither
    text has any."""
    if not pivot.doubles or not other.doubles:
        return (), ()
    other_doubles = translated(other.doubles, links) if links else other.doubles
    rare = round(WORD_WEIGHT * WEIGHT_UNIT * DOUBLE_MAX_COUNT**-WEIGHT_POWER)
    pivot_found = _held_twice(pivot.doubles, pivot_keys, weights, rare)
    other_found = _held_twice(other_doubles, other_keys, weights, rare)
    if not any(pivot_found) and not any(other_found):
        return (), ()
    return pivot_found, other_found


def _held_twice(doubles, keys, weights: dict, rare: int) -> tuple:
    """Per paragraph its doubles that are among its evidence keys and weigh at least
    ``rare`` (found in few enough paragraphs to say something held twice)."""
    return tuple(
        frozenset(x for x in d & k if weights.get(x, 0) >= rare) if d else d
        for d, k in zip(doubles, keys)
    )


def _heard(pivot: Profile) -> tuple:
    """The pivot's word keys with their sound keys (measured once, if the profile has them).

    Remembered for the last few word sequences asked for: each pair's plan hears the whole
    pivot, and a sample is heard again in every round. An entry holds its sequence, so an
    identical id is the same object; the answer is a tuple, never changed by a caller."""
    words = pivot.words
    cached = _HEARD.get(id(words))
    if cached is not None and cached[0] is words and cached[1] is pivot.sounds:
        return cached[2]
    if pivot.sounds:
        heard = each_once(lambda w, s: w | s if s else w, words, pivot.sounds)
    else:
        heard = each_once(sounds_like, words)
    if len(_HEARD) >= _HEARD_KEPT:
        _HEARD.clear()
    _HEARD[id(words)] = (words, pivot.sounds, heard)
    return heard


_HEARD: dict[int, tuple] = {}  # id(words) -> (words, sounds, heard): see _heard
_HEARD_KEPT = 4  # a 4-language align asks for the pivot and three samples


def _pair(
    pivot: Profile,
    other: Profile,
    model: LengthModel,
    pivot_keys,
    other_keys,
    weights: dict,
    doubles: tuple = ((), ()),
) -> _Pair:
    units = model.units(other.lengths, other.native)
    return _Pair(
        pivot.prefix("lengths"),
        other.prefix("lengths"),
        list(accumulate(units, initial=0.0)),
        pivot.prefix("sentences"),
        other.prefix("sentences"),
        pivot.prefix("marks"),
        other.prefix("marks"),
        pivot_keys,
        other_keys,
        weights,
        *doubles,
    )


def _first_ratios(pivot: Profile, other: Profile, ratio: float) -> LengthModel:
    """A first guess at the two ratios: characters outside the other script's letters keep
    their length; its letters make up the rest of the pivot's length."""
    native = sum(other.native) if other.native else 0
    rest = sum(other.lengths) - native
    total = sum(pivot.lengths)
    if letters_dominate(native, sum(other.lengths)) and total > rest:
        per_letter = (total - rest) / native
        if 0.2 < per_letter < 10:
            return LengthModel(1.0, 1.0, native_ratio=1 / per_letter)
    return LengthModel(ratio, 1.0)


def _cuts(chain: list[tuple[int, int]], n: int, m: int) -> tuple[tuple[int, int], ...]:
    """(0, 0), a cut near every SEGMENT pivot paragraphs where the chain allows, (n, m)."""
    boundaries = [
        (i1, j1) for (i0, j0), (i1, j1) in zip(chain, chain[1:]) if i1 == i0 + 1 and j1 == j0 + 1
    ]
    cuts = [(0, 0)]
    for i, j in boundaries:
        if i - cuts[-1][0] >= SEGMENT and n - i >= SEGMENT // 2 and j > cuts[-1][1] and j < m:
            cuts.append((i, j))
    cuts.append((n, m))
    return tuple(cuts)


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


def _initial_model(
    pair: _Pair, pivot: Profile, other: Profile, ratio: float, chain, guide
) -> LengthModel:
    """The model measured on confident anchor pairs, else on the pairs the guide suggests."""
    first = _ratios(pivot, other, chain, ratio)
    model = _fit(pair, pivot, other, first, chain, "anchors")
    if model is not None:
        return model
    m = len(pair.T) - 1
    guessed = [(i, min(int((guide[i] + guide[i + 1]) / 2), m - 1)) for i in range(len(pair.P) - 1)]
    model = _fit(pair, pivot, other, _ratios(pivot, other, guessed, ratio), guessed, "guide")
    if model is not None:
        return model
    lengths = [pair.P[i + 1] - pair.P[i] for i in range(len(pair.P) - 1)]
    return replace(
        first,
        variance=max(sum(lengths) / len(lengths) / 4, 0.25),
        sentence_cost=1.0,
        mark_cost=1.0,
        basis="default",
    )


def _not_copies(pivot: Profile, other: Profile, ones):
    """The pairs of ``ones`` that are not plain copies (same length, no other-script letter):
    copies would make any measure of translated lengths look perfect."""
    native = other.native or (0,) * len(other)
    return [(i, j) for i, j in ones if not (pivot.lengths[i] == other.lengths[j] and not native[j])]


def _ratios(pivot: Profile, other: Profile, ones, fallback: float) -> LengthModel:
    """A model holding only the ratios, fitted on the translated pairs of ``ones``."""
    pairs = _not_copies(pivot, other, ones)
    if len(pairs) >= 5:
        total_p = sum(pivot.lengths[i] for i, _ in pairs)
        total_t = sum(other.lengths[j] for _, j in pairs)
        fallback = total_t / total_p if total_p and total_t else fallback
    native = other.native or (0,) * len(other)
    ratio, native_ratio = fit_ratios(
        [(pivot.lengths[i], other.lengths[j], native[j]) for i, j in pairs], fallback
    )
    return LengthModel(ratio, 1.0, native_ratio=native_ratio)


def _fit(
    pair: _Pair, pivot: Profile, other: Profile, ratios: LengthModel, ones, basis: str
) -> LengthModel | None:
    """Variance and count costs measured on the translated pairs of ``ones``."""
    SP, ST, MP, MT = pair.SP, pair.ST, pair.MP, pair.MT
    units = ratios.units(other.lengths, other.native)
    variance = estimate_variance(
        [(pivot.lengths[i], units[j]) for i, j in _not_copies(pivot, other, ones)]
    )
    if variance is None:
        return None
    sentences = count_cost([(ST[j + 1] - ST[j]) - (SP[i + 1] - SP[i]) for i, j in ones])
    marks = count_cost([(MT[j + 1] - MT[j]) - (MP[i + 1] - MP[i]) for i, j in ones])
    return LengthModel(
        ratios.ratio, variance, sentences, marks, len(ones), basis, ratios.native_ratio
    )


def _refine(
    pair: _Pair, pivot: Profile, other: Profile, model: LengthModel, ones
) -> LengthModel | None:
    """The model re-measured on the 1-1 beads found (None when too few or no change)."""
    if len(ones) < 10:
        return None
    refined = _fit(pair, pivot, other, _ratios(pivot, other, ones, model.ratio), ones, "beads")
    if refined is None or _close(model, refined):
        return None
    return refined


def silence_cost(pivot_keys, other_keys, ones) -> float:
    """What a bead costs whose two sides share no key although one holds some, measured on
    the pair's 1-1 beads ``ones``: -log of how much rarer that is in a bead found than
    between a paragraph and its partner's neighbours (one or two off: the usual wrong bead,
    a shift in a list of near-parallel strings or an omission beside an unrelated insertion
    taken as two poor 1-1 beads). About 0 where words say little (beads found are as often
    silent as their neighbours); 0 with too few beads to tell; at most SILENCE_MAX."""
    m = len(other_keys)
    found = silent = near = near_silent = 0
    for i, j in ones:
        keys = pivot_keys[i]
        if keys or other_keys[j]:
            found += 1
            silent += not keys & other_keys[j]
        for k in (j - 2, j - 1, j + 1, j + 2):
            if 0 <= k < m and (keys or other_keys[k]):
                near += 1
                near_silent += not keys & other_keys[k]
    if found < SILENCE_SAMPLES:
        return 0.0
    rate = (silent + 1) / (found + 2)
    near_rate = (near_silent + 1) / (near + 2)
    return round(min(max(0.0, math.log(near_rate / rate)), SILENCE_MAX), 3)


def _same_silence(model: LengthModel, silence: float) -> bool:
    return abs(silence - model.silence_cost) < 0.1


def _close(old: LengthModel, new: LengthModel) -> bool:
    """Whether re-running the search with ``new`` would change little."""
    return (
        abs(math.log(new.ratio / old.ratio)) < 0.03
        and abs(math.log((new.native_ratio or 1) / (old.native_ratio or 1))) < 0.03
        and abs(math.log(new.variance / old.variance)) < 0.25
        and abs(new.sentence_cost - old.sentence_cost) < 0.3
        and abs(new.mark_cost - old.mark_cost) < 0.3
    )


def _banded(pair: _Pair, guide, widths, model, progress):
    """Search the band, widening it where the best path runs along its edge: (path,
    widths, widenings, capped, (pair as searched, costs, arrows, lo, hi) of the last search)."""
    n, m = len(pair.P) - 1, len(pair.T) - 1
    widenings = 0
    while True:
        lo, hi = _band(guide, widths, m)
        searched = _within_band(pair, lo, hi)
        costs, back = search(searched, lo, hi, model, progress)
        reached = costs[n][m - lo[n]] < math.inf
        touched = list(range(n + 1))
        if reached:
            path = _backtrack(back, lo, n, m)
            touched = _touched(path, lo, hi, m)
            if not touched:
                return path, widths, widenings, False, (searched, costs, back, lo, hi)
        cells = sum(h - l + 1 for l, h in zip(lo, hi))
        if reached and (cells * 2 > MAX_CELLS or all(w >= max(n, m) for w in widths)):
            return path, widths, widenings, True, (searched, costs, back, lo, hi)
        widths = _widen(widths, touched, n)
        widenings += 1


def _within_band(pair: _Pair, lo: list[int], hi: list[int]) -> _Pair:
    """``pair`` with each pivot paragraph's keys cut to those some other paragraph within its
    reach in the band holds: the search's intersections then stay small however many
    common words the texts share, and no bead it can try loses a key. (A bead ending at
    boundary i + k, k <= 3, holds pivot paragraph i and other paragraphs from lo[i + k] - 3
    to hi[i + k].)"""
    keys, other = pair.pivot_keys, pair.other_keys
    kernel = compiled()
    if kernel is not None:  # the same cut, compiled (search.py)
        near = kernel.within_band(tuple(keys), tuple(other), lo, hi, _NO_KEYS)
        if near is not None:
            return replace(pair, pivot_keys=near)
    _n, m = len(keys), len(other)
    near = []
    for i, found in enumerate(keys):
        if not found:
            near.append(found)
            continue
        start = max(0, min(lo[i + 1 : i + 5]) - 3)
        end = min(m, max(hi[i + 1 : i + 5]) + 1)
        window = frozenset().union(*other[start:end])
        near.append(found & window or _NO_KEYS)
    return replace(pair, pivot_keys=tuple(near))


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
    """Double the band around each touched row, from the widths of the last search (a run
    of touched rows must not compound: that once blew one gap up to the whole matrix)."""
    wider = list(widths)
    for i in touched:
        reach = 2 * widths[i] + 4
        for k in range(max(0, i - reach), min(n, i + reach) + 1):
            wider[k] = max(wider[k], widths[i] * 2)
    return wider


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


def _without_strays(
    path, pair: _Pair, pivot: Profile, other: Profile
) -> list[tuple[int, int, int]]:
    """The path with each stray taken out of its merge: in a 2-1 (or 1-2) bead, a paragraph
    holding enough key weight of which (nearly) none is found on the other side, while its
    partner's is, is an omitted (or inserted) paragraph the length cost let in. The search
    counts each shared key once per bead, so a stray paragraph costs a merge nothing there."""
    weights = pair.weights
    if not weights:
        return path

    def cover(keys, opposite) -> tuple[float, float]:
        total = sum(weights.get(k, 0) for k in keys) / WEIGHT_UNIT
        found = sum(weights.get(k, 0) for k in keys & opposite) / WEIGHT_UNIT
        return total, (found / total if total else 0.0)

    def stray(part, partner, opposite) -> bool:
        # a heading merged into the paragraph after it loses its shape there: its key is
        # no evidence of a stray
        total, share = cover(part - _SHAPES, opposite)
        return (
            total >= STRAY_EVIDENCE
            and share < STRAY_COVER
            and cover(partner, opposite)[1] >= STRAY_PARTNER
        )

    found = {}  # path index -> the beads that replace it
    for index, (i, j, k) in enumerate(path):
        if k == 1:  # pivot i-2, i-1 with other j-1
            first, second, opposite = (
                pair.pivot_keys[i - 2],
                pair.pivot_keys[i - 1],
                pair.other_keys[j - 1],
            )
            if stray(first, second, opposite):
                found[index] = [(i - 1, j - 1, 6), (i, j, 0)]
            elif stray(second, first, opposite):
                found[index] = [(i - 1, j, 0), (i, j, 6)]
        elif k == 2:  # pivot i-1 with other j-2, j-1
            first, second, opposite = (
                pair.other_keys[j - 2],
                pair.other_keys[j - 1],
                pair.pivot_keys[i - 1],
            )
            if stray(first, second, opposite):
                found[index] = [(i - 1, j - 1, 7), (i, j, 0)]
            elif stray(second, first, opposite):
                found[index] = [(i, j - 1, 0), (i, j, 7)]
    if not found or not _words_tell(path, pair, pivot, other, cover):
        return path
    out = []
    for index, step in enumerate(path):
        out.extend(found.get(index, (step,)))
    return out


def _words_tell(path, pair: _Pair, pivot: Profile, other: Profile, cover) -> bool:
    """Whether the words say much in this pair: most translated 1-1 beads (copies would say
    nothing) find most of their key weight across."""
    ones = _not_copies(pivot, other, [(i - 1, j - 1) for i, j, k in path if k == 0])
    ones = ones[:: max(1, len(ones) // STRAY_SAMPLES_MAX)]
    shares = sorted(
        share
        for i, j in ones
        for total, share in (cover(pair.pivot_keys[i], pair.other_keys[j]),)
        if total >= STRAY_EVIDENCE
    )
    return len(shares) >= STRAY_SAMPLES and shares[len(shares) // 2] >= STRAY_TYPICAL


def _placed(beads: tuple[Bead, ...], pivot: Profile, other: Profile) -> tuple[Bead, ...]:
    """``beads`` with each omission in a run of unsure 1-1 beads where the document's words
    bear it out best (``ties``)."""
    if not pivot.words or not other.words:
        return beads
    return tuple(placed(beads, pivot.words, other.words))


def _beads(path, model: LengthModel, last_search) -> tuple[Bead, ...]:
    """Beads with a confidence: the bead type's factor times 1 - e^-margin, the margin being
    how much more the cheapest path avoiding either end of the bead costs (``margins``): a
    bead nothing competes with is sure however loosely it is rendered, one an equally cheap
    path avoids is not (below LOW_CONFIDENCE from a margin of about 0.7: on the real-text
    docsets that flags about one wrong row in four and a fifth of the right rows the length
    fit did). An omission or insertion keeps its type's factor, below LOW_CONFIDENCE."""
    searched, *rest = last_search
    margin = boundary_margins(searched, model, path, *rest)
    beads = []
    for i, j, k in path:
        a, b, _, factor = BEADS[k]
        pi, pj = i - a, j - b
        confidence = factor
        if a and b:
            sure = min(margin(pi, pj) if pi or pj else math.inf, margin(i, j))
            confidence = factor * -math.expm1(-sure)
        beads.append(Bead(pi, i, pj, j, round(confidence, 3)))
    return tuple(beads)
