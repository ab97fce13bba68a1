"""The fast langdetect loop (aligner.langid.detect_langs) answers exactly as langdetect."""

from __future__ import annotations

import pytest
from langdetect import DetectorFactory
from langdetect import detect_langs as langdetect_langs
from langdetect.lang_detect_exception import LangDetectException

from aligner.docset import load
from aligner.langid import detect_langs
from tests.conftest import BUNDLED

SAMPLES = [
    "Usage: ls [OPTION]... [FILE]...  List information about the FILEs.",
    "-a, --all  do not ignore entries starting with .",
    "Der schnelle braune Fuchs springt über den faulen Hund.",
    "Le renard brun rapide saute par-dessus le chien paresseux.",
    "Wybierz plik do otwarcia i naciśnij przycisk",
    "12345 67890",
]


def _answer(detect, text):
    DetectorFactory.seed = 0
    try:
        return [(found.lang, found.prob) for found in detect(text)]
    except LangDetectException as exc:
        return str(exc)


@pytest.mark.parametrize("lang", ["en", "ru", "kk", "zh"])
def test_same_probabilities_as_langdetect_on_the_statement(lang):
    texts = [p[:400] for p in load(BUNDLED).paragraphs(lang)[::3]]
    assert [_answer(detect_langs, t) for t in texts] == [
        _answer(langdetect_langs, t) for t in texts
    ]


def test_same_probabilities_as_langdetect_on_other_text():
    assert [_answer(detect_langs, t) for t in SAMPLES] == [
        _answer(langdetect_langs, t) for t in SAMPLES
    ]
