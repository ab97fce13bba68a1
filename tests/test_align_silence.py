"""The silence cost of the aligner's cost model, on small hand-made docsets.

A bead whose two sides share no key although one side holds some pays ``silence_cost``,
measured on the pair's own 1-1 beads against their neighbours: in a list of short,
near-parallel strings (one deleted) the shifted 1-1 beads are the silent ones.
"""

from __future__ import annotations

import random

from aligner.align import align
from aligner.align.pairwise import SILENCE_MAX, silence_cost
from tests.test_align_lexical import _beads, _docset, _rendering


def _keys(*words: str) -> frozenset[str]:
    return frozenset(words)


def test_silence_costs_what_the_beads_found_say_against_their_neighbours():
    pivot = [_keys(f"w{i}") for i in range(40)]
    other = [_keys(f"w{i}") for i in range(40)]  # every bead found shares its word
    ones = [(i, i) for i in range(40)]
    assert silence_cost(pivot, other, ones) == SILENCE_MAX  # capped: a key is not a paragraph
    pivot = [_keys("common") for _ in range(40)]  # every paragraph shares with every other
    assert silence_cost(pivot, pivot, ones) == 0.0
    assert silence_cost(pivot[:5], other[:5], ones[:5]) == 0.0  # too few beads to tell


def test_silence_is_free_where_words_say_nothing():
    rng = random.Random(3)
    pivot = [_keys(*rng.sample("abcdefgh", 2)) for _ in range(60)]
    other = [_keys(*rng.sample("abcdefgh", 2)) for _ in range(60)]
    cost = silence_cost(pivot, other, [(i, i) for i in range(60)])
    assert cost < 0.5  # beads found are about as often silent as their neighbours


_THINGS = (
    "bottom top left right start end centre middle corner edge border frame header footer "
    "title caption label button toolbar sidebar panel window dialog"
).split()


def _list_docset(tmp_path, deleted: int):
    """A catalog-like list: "Margin on X" for 22 X, then other strings, one deleted."""
    en = [f"Margin on {thing.capitalize()}" for thing in _THINGS]
    en += [f"Show the {thing} of the {_THINGS[-1 - k]}" for k, thing in enumerate(_THINGS)]
    ru = [" ".join(_rendering(w) for w in text.lower().split()).capitalize() for text in en]
    del ru[deleted]
    return _docset(tmp_path, en, ru), len(en)


def test_a_list_of_short_near_parallel_strings_with_one_deleted(tmp_path):
    docset, n = _list_docset(tmp_path, deleted=9)
    beads = _beads(align(docset, fresh=True))
    assert ((9,), ()) in beads
    expected = [((i,), (i if i < 9 else i - 1,)) for i in range(n) if i != 9]
    assert [b for b in beads if b != ((9,), ())] == expected


def test_the_list_gives_the_same_rows_every_time(tmp_path):
    docset, _ = _list_docset(tmp_path, deleted=5)
    first = align(docset, fresh=True)
    assert all(align(docset, fresh=True).rows == first.rows for _ in range(2))
