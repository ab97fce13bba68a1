"""Russian and Kazakh country names are found by word lookups (``FormIndex._walk_at``)
instead of compiled regexes: the two must find the same names, at the same spans, on
every text. The regexes (the same index built without spellings) are the reference."""

from __future__ import annotations

import random
import re

import pytest

from aligner.facts import names
from aligner.facts.numbers import KK_CASE_ENDINGS

_RU_ENDINGS = (
    "а ы и е у ю ой ей я ом ов ах ам ами ия ии ию ией ого ему ым ых ь ью ем ями ях".split()
)
_NOISE = "ка ша ский ская дық лар ның_ 1 5 ы".split()
_SEPARATORS = [" ", "  ", "-", " - ", ", ", "_", "·", "\u00a0", "«", "» ", "(", ") ", "", "3", "'"]


def _forms(fam: str) -> list[str]:
    index = names.country_index(fam)
    assert index.spellings is not None, "the index should walk words, not compile regexes"
    forms = []

    def walk(node: dict, words: list[str]) -> None:
        for piece, child in node.items():
            if piece == "":
                forms.append(words)
                continue
            walk(child, [*words, _spelling(*index.spellings[piece])])

    for node in index.tries.values():
        walk(node, [])
    return [" ".join(words) for words in forms]


def _spelling(stem: str, endings: tuple[str, ...], optional: bool) -> str:
    """One spelling a piece accepts: the bare stem where it may stand alone."""
    return stem if optional or not endings else stem + endings[0]


def _mangle(word: str, fam: str, rng: random.Random) -> str:
    """A word of a name as a text may write it: inflected, cut, glued to more letters."""
    roll = rng.random()
    if roll < 0.3:
        return word
    if roll < 0.55:
        ending = rng.choice(sorted(KK_CASE_ENDINGS) if fam == "kk" else _RU_ENDINGS)
        return word + ending
    if roll < 0.7:
        return word[: rng.randint(1, len(word))] + rng.choice(_RU_ENDINGS + sorted(KK_CASE_ENDINGS))
    if roll < 0.8:
        return word + rng.choice(_NOISE)
    if roll < 0.9:
        return word.upper() if rng.random() < 0.5 else word.lower()
    return word[:-1]


def _texts(fam: str, count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    forms = _forms(fam)
    texts = []
    for _ in range(count):
        parts = []
        for _ in range(rng.randint(1, 5)):
            form = rng.choice(forms)
            words = [_mangle(w, fam, rng) for w in form.split(" ")]
            if rng.random() < 0.3:  # a longer name's words cut short, or another name after
                words = words[: rng.randint(1, len(words))] + rng.choice(forms).split(" ")[:1]
            joined = words[0]
            for word in words[1:]:
                joined += (" " if rng.random() < 0.7 else rng.choice(_SEPARATORS)) + word
            parts.append(joined)
        text = ""
        for part in parts:
            text += rng.choice(_SEPARATORS) + part
        texts.append(text + rng.choice(["", ".", " ", "_", "5", "ның"]))
    return texts


def _starts(index: names.FormIndex, text: str) -> list[tuple[int, tuple[str, ...]]]:
    """Every place a word begins, with every index key that word begins with (as the word
    pass of ``aligner.facts.scan`` would propose, and more)."""
    starts = []
    for match in re.finditer(r"\w+", text):
        for inner in re.finditer(r"[^\W\d_]+", match.group()):
            lower = inner.group().lower()
            keys = tuple(lower[:n] for n in range(len(lower), 2, -1) if lower[:n] in index.tries)
            if keys:
                starts.append((match.start() + inner.start(), keys))
    return starts


@pytest.mark.parametrize("fam", ["kk", "ru"])
def test_word_walk_finds_what_the_regexes_find(fam):
    walked = names.country_index(fam)
    compiled = names.FormIndex(names.country_forms(fam), fam, names.country_source, capital=True)
    assert compiled.spellings is None and walked.spellings is not None
    hits = 0
    for text in _texts(fam, 3000, seed=11):
        starts = _starts(walked, text)
        expected = compiled.find_at(text, starts)
        assert walked.find_at(text, starts) == expected, text
        hits += len(expected)
    assert hits > 1000  # the texts do hold names (the comparison is not vacuous)


def test_kazakh_names_take_case_endings_only():
    index = names.country_index("kk")
    text = "Қазақстанның, Қазақстандық, Қытайдан және Қытайлар"
    starts = _starts(index, text)
    found = [(text[s:e], v) for s, e, v in index.find_at(text, starts)]
    assert found == [("Қазақстанның", "KZ"), ("Қытайдан", "CN")]


@pytest.mark.parametrize("fam", ["en", "ru", "kk", "zh"])
def test_keys_filed_before_the_tries_are_built_are_the_tries_keys(fam):
    """The word pass asks an index for its keys before any text needs its tries: the keys
    read from the forms alone must be the keys of the tries built later."""
    forms = names.country_forms(fam)
    index = names.FormIndex(forms, fam, names.country_source, spell=names.country_spellings)
    keys = index.word_keys()
    assert keys == set(index.tries) and (fam == "zh" or len(keys) > 200)


def test_glossary_keys_filed_before_the_tries_are_built_are_the_tries_keys():
    from aligner.docset import load
    from tests.conftest import BUNDLED

    glossary = load(BUNDLED).glossary
    for lang in glossary.languages:
        index = names.glossary_index(glossary, lang)
        keys = index.word_keys()
        assert keys == set(index.tries), lang
