"""The compiled band search (aligner/align/_bandsearch.pyx) against the Python search.

The compiled search must give the Python search's costs and arrows bit for bit: on random
pairs (bands of every shape, doubles or none, empty keys, keys without a weight, costs that
tie), on every search of a real alignment, and through the fallback (no extension built).
The tests of the compiled search are skipped where it is not built.
"""

from __future__ import annotations

import math
import os
import random
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from aligner.align import align, margins, pairwise, search
from aligner.align.lengthmodel import LengthModel
from aligner.align.pairwise import _Pair
from aligner.align.search import WEIGHT_UNIT, search_python
from aligner.docset import load
from tests.conftest import BUNDLED

compiled = pytest.mark.skipif(search.KERNEL is None, reason="the compiled search is not built")
ROOT = Path(__file__).resolve().parent.parent


def _totals(values) -> list:
    out = [0]
    for value in values:
        out.append(out[-1] + value)
    return out


def _random_pair(
    rng: random.Random, n: int, m: int, doubles: bool, vocabulary: int, shared_x: bool = True
) -> _Pair:
    words = [f"k{k}" for k in range(vocabulary)] + [f"n:{k}" for k in range(vocabulary // 3)]

    def keys() -> frozenset:
        return frozenset(rng.sample(words, min(len(words), rng.choice((0, 0, 1, 2, 3, 5)))))

    pivot_keys = tuple(keys() for _ in range(n))
    other_keys = tuple(keys() for _ in range(m))
    # every key gets an integer weight, some 0; a few ("x") are held by one side only and
    # have none, as key_weights leaves them
    weights = {
        w: rng.choice((0, WEIGHT_UNIT, WEIGHT_UNIT // 3, rng.randrange(1 << 22))) for w in words
    }
    if rng.random() < 0.5:  # keys without a weight: one side's only, or (rarely) both's
        pivot_keys = tuple(
            k | {f"x{i}"} if rng.random() < 0.2 else k for i, k in enumerate(pivot_keys)
        )
        if shared_x and rng.random() < 0.1:
            other_keys = tuple(
                k | {f"x{j}"} if rng.random() < 0.2 else k for j, k in enumerate(other_keys)
            )
    pivot_doubles = other_doubles = ()
    if doubles:
        pivot_doubles = tuple(
            frozenset(rng.sample(sorted(k), 1)) if k and rng.random() < 0.3 else frozenset()
            for k in pivot_keys
        )
        other_doubles = tuple(
            frozenset(rng.sample(words, 1)) if rng.random() < 0.3 else frozenset() for _ in range(m)
        )
    lengths = [rng.choice((0, 1, 5, 20, 80, 300)) + rng.randrange(40) for _ in range(n)]
    others = [max(0, round(length * rng.uniform(0.5, 1.6))) for length in lengths[:m]]
    others += [rng.randrange(200) for _ in range(m - len(others))]
    ratio = rng.uniform(0.3, 1.5)
    return _Pair(
        P=_totals(lengths),
        T=_totals(others),
        Tp=_totals([length / ratio for length in others]),
        SP=_totals(rng.randrange(4) for _ in range(n)),
        ST=_totals(rng.randrange(4) for _ in range(m)),
        MP=_totals(rng.randrange(3) for _ in range(n)),
        MT=_totals(rng.randrange(3) for _ in range(m)),
        pivot_keys=pivot_keys,
        other_keys=other_keys,
        weights=weights,
        pivot_doubles=pivot_doubles,
        other_doubles=other_doubles,
    )


def _random_band(rng: random.Random, n: int, m: int) -> tuple[list[int], list[int]]:
    width = rng.choice((0, 1, 2, 4, m))
    lo, hi = [], []
    for i in range(n + 1):
        centre = round(i * m / n) if n else 0
        lo.append(max(0, centre - width - rng.randrange(2)))
        hi.append(min(m, centre + width + rng.randrange(2)))
    lo[0], hi[n] = 0, m
    return lo, hi


def _random_model(rng: random.Random) -> LengthModel:
    return LengthModel(
        ratio=1.0,
        variance=rng.choice((0.25, 1.0, 6.8, 40.0)),
        sentence_cost=rng.choice((0.0, 0.4, 1.5)),
        mark_cost=rng.choice((0.0, 0.7)),
        silence_cost=rng.choice((0.0, 1.3, 3.0)),
    )


def _same(first, second) -> bool:
    (costs, arrows), (costs2, arrows2) = first, second
    return (
        arrows == arrows2
        and all(
            len(a) == len(b)
            and all(x == y or (math.isnan(x) and math.isnan(y)) for x, y in zip(a, b))
            for a, b in zip(costs, costs2, strict=True)
        )
        and all(type(x) is float for row in costs for x in row)
    )


@compiled
def test_compiled_search_equals_the_python_search_on_random_pairs():
    rng = random.Random(13)
    searched = missing = 0
    for case in range(600):
        n, m = rng.randrange(0, 40), rng.randrange(0, 40)
        pair = _random_pair(rng, n, m, doubles=case % 3 != 0, vocabulary=rng.choice((3, 12, 60)))
        lo, hi = _random_band(rng, n, m)
        model = _random_model(rng)
        try:
            expected = search_python(pair, lo, hi, model, None)
        except KeyError:  # a shared key without a weight: the compiled search leaves it
            with pytest.raises(KeyError):
                search.search(pair, lo, hi, model, None)
            missing += 1
            continue
        assert _same(search.search(pair, lo, hi, model, None), expected), case
        searched += search.compiled_search(pair, lo, hi, model, None) is not None
    assert searched > 400  # the compiled search did them, not the fallback
    assert missing


@compiled
def test_compiled_search_reports_progress_as_the_python_search_does():
    rng = random.Random(5)
    pair = _random_pair(rng, 1200, 1200, doubles=True, vocabulary=200)
    lo, hi = _random_band(rng, 1200, 1200)
    model = _random_model(rng)
    calls, calls2 = [], []
    expected = search_python(pair, lo, hi, model, lambda i, n: calls.append((i, n)))
    found = search.search(pair, lo, hi, model, lambda i, n: calls2.append((i, n)))
    assert _same(found, expected) and calls == calls2


@compiled
def test_compiled_search_equals_the_python_search_on_every_search_of_an_alignment(monkeypatch):
    compared = []

    def both(pair, lo, hi, model, progress):
        found = search.search(pair, lo, hi, model, progress)
        assert _same(found, search_python(pair, lo, hi, model, None))
        compared.append(len(lo))
        return found

    monkeypatch.setattr(pairwise, "search", both)
    monkeypatch.setattr(margins, "search", both)
    align(load(BUNDLED), fresh=True)
    assert len(compared) >= 6  # forward and backward, three pairs


def test_python_search_is_used_and_equal_without_the_extension(monkeypatch):
    docset = load(BUNDLED)
    rows = align(docset, fresh=True)
    monkeypatch.setattr(search, "KERNEL", None)
    used = []
    monkeypatch.setattr(
        search, "search_python", lambda *args: used.append(1) or search_python(*args)
    )
    assert align(docset, fresh=True) == rows
    assert used


def test_the_extension_is_refused_when_asked_or_stale(tmp_path, monkeypatch):
    probe = "from aligner.align import search; print(search.KERNEL is None)"
    env = dict(os.environ, PYTHONPATH=str(ROOT), ALIGNER_PURE_PYTHON="1")
    out = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True)
    assert out.stdout.strip() == "True"
    if search.KERNEL is None:
        return
    assert search._kernel() is search.KERNEL  # built from the source beside it
    source = Path(search.__file__).with_name("_bandsearch.pyx").read_text()
    (tmp_path / "_bandsearch.pyx").write_text(source + "\n# edited since the build\n")
    monkeypatch.setattr(search, "__file__", str(tmp_path / "search.py"))
    assert search._kernel() is None


@compiled
def test_compiled_band_cut_equals_the_python_cut(monkeypatch):
    rng = random.Random(7)
    cases = []
    for _case in range(300):
        n, m = rng.randrange(0, 50), rng.randrange(0, 50)
        pair = _random_pair(rng, n, m, doubles=False, vocabulary=rng.choice((3, 20, 200)))
        cases.append((pair, *_random_band(rng, n, m)))
    found = [pairwise._within_band(*case).pivot_keys for case in cases]
    monkeypatch.setattr(search, "KERNEL", None)
    assert found == [pairwise._within_band(*case).pivot_keys for case in cases]


@compiled
def test_compiled_margins_equal_the_python_margins(monkeypatch):
    rng = random.Random(11)
    cases = []
    for case in range(200):
        n, m = rng.randrange(1, 40), rng.randrange(1, 40)
        pair = _random_pair(
            rng, n, m, doubles=case % 2 == 0, vocabulary=rng.choice((3, 30)), shared_x=False
        )
        lo, hi = _random_band(rng, n, m)
        model = _random_model(rng)
        costs, arrows = search_python(pair, lo, hi, model, None)
        if costs[n][m - lo[n]] == math.inf:
            continue
        path = pairwise._backtrack(arrows, lo, n, m)
        cases.append((pair, model, path, costs, arrows, lo, hi))
    points = [(i, j) for i in range(45) for j in range(45)]

    def margins_of(case):
        margin = margins.boundary_margins(*case)
        return [margin(i, j) for i, j in points]

    found = [margins_of(case) for case in cases]
    monkeypatch.setattr(search, "KERNEL", None)
    assert found == [margins_of(case) for case in cases]
    assert len(cases) > 100


@compiled
def test_compiled_search_does_not_depend_on_what_it_remembers():
    rng = random.Random(17)
    pair = _random_pair(rng, 60, 60, doubles=True, vocabulary=30, shared_x=False)
    lo, hi = _random_band(rng, 60, 60)
    model = _random_model(rng)
    expected = search_python(pair, lo, hi, model, None)
    assert _same(search.search(pair, lo, hi, model, None), expected)
    search.KERNEL.forget()
    copies = tuple(frozenset(sorted(keys, reverse=True)) for keys in pair.pivot_keys)
    assert _same(search.search(replace(pair, pivot_keys=copies), lo, hi, model, None), expected)
    assert _same(search.search(pair, lo, hi, model, None), expected)
