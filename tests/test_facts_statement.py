"""aligner.facts on the bundled statement: the faithful zh, kk and ru versions agree fact for
fact, and the English garbles read as different facts."""

from __future__ import annotations

from collections import Counter

import pytest

from aligner.align import align
from aligner.alignment import cell_text
from aligner.docset import load
from aligner.facts import extract, year_as_section
from tests.conftest import BUNDLED


@pytest.fixture(scope="module")
def statement():
    return load(BUNDLED)


def keys(statement, lang: str, snippet: str) -> set[str]:
    """The "kind:value" keys of the one paragraph of ``lang`` that contains ``snippet``."""
    [paragraph] = [p for p in statement.paragraphs(lang) if snippet in p]
    return {f.key for f in extract(paragraph, lang, statement.glossary)}


@pytest.mark.parametrize(
    "lang, snippet, key",
    [
        ("zh", "第二十次全国代表大会", "ordinal:20"),
        ("kk", "ХХ съезі", "ordinal:20"),
        ("ru", "XX Всекитайский съезд", "ordinal:20"),
        ("en", "2023th National Congress", "ordinal:2023"),
        ("en", "31 years", "number:31"),
        ("zh", "建交31年来", "number:31"),
        ("ru", "31 год", "number:31"),
        ("kk", "31 жыл", "number:31"),
        ("zh", "第七十五届联合国大会", "ordinal:75"),
        ("en", "75th session", "ordinal:75"),
        ("ru", "75-й сессии", "ordinal:75"),
        ("kk", "75-сессиясында", "ordinal:75"),
        ("zh", "本声明于", "date:2023-05-17"),
        ("ru", "Совершено в городе Сиань", "date:2023-05-17"),
        ("kk", "Осы мәлімдеме", "date:2023-05-17"),
        ("zh", "于2023年5月16日至17日", "range:2023-05-16/2023-05-17"),
        ("ru", "совершил государственный визит", "range:2023-05-16/2023-05-17"),
        ("kk", "мемлекеттік сапармен болды", "range:2023-05-16/2023-05-17"),
        ("zh", "2023—2024年", "range:2023-2024"),
        ("en", "2023-2024", "range:2023-2024"),
        ("zh", "2013年9月", "date:2013-09"),
        ("ru", "В сентябре 2013 года", "date:2013-09"),
        ("kk", "2013 жылғы қыркүйекте", "date:2013-09"),
        ("zh", "第六次亚信峰会", "ordinal:6"),
        ("ru", "VI саммита", "ordinal:6"),
        ("kk", "алтыншы саммитінің", "ordinal:6"),
        ("en", "sixth CICA Summit", "ordinal:6"),
    ],
)
def test_key_facts(statement, lang, snippet, key):
    assert key in keys(statement, lang, snippet)


def test_the_garbled_english_dates_are_not_the_real_ones(statement):
    english = [f for p in statement.paragraphs("en") for f in extract(p, "en")]
    assert not [f for f in english if "2023-05-17" in f.value or "2023-05-16" in f.value]
    visit = keys(statement, "en", "from May 2023 to 5, 17")
    assert {"date:2023-05", "number:5", "number:17"} <= visit


def test_codes_are_not_numbers(statement):
    for lang, snippet in (("en", "5G"), ("zh", "5G"), ("kk", "5G"), ("ru", "5G")):
        assert "number:5" not in keys(statement, lang, snippet)


def test_years_where_section_numbers_belong(statement):
    sections = [
        f for p in statement.paragraphs("en") for f in extract(p, "en") if f.kind == "section"
    ]
    assert [f.value for f in sections if year_as_section(f)] == ["2013", "2015"]
    for lang in ("zh", "kk", "ru"):
        values = [
            f.value
            for p in statement.paragraphs(lang)
            for f in extract(p, lang)
            if f.kind == "section"
        ]
        assert values == ["1", "2", "3", "4", "5"]


def test_faithful_versions_agree_on_every_row(statement):
    """No false facts: in zh, kk and ru every strong numeric fact of a row is found in the
    row's other faithful versions too (a weak number word may stand for digits there)."""
    alignment = align(statement)
    disagreements = []
    for row in alignment.rows:
        facts = {
            lang: [f for f in extract(cell_text(statement, row, lang), lang) if f.kind != "name"]
            for lang in ("zh", "kk", "ru")
        }
        for lang, found in facts.items():
            strong = Counter(f.key for f in found if not f.weak)
            for other, other_found in facts.items():
                everything = Counter(f.key for f in other_found)
                missing = strong - everything
                if other != lang and missing:
                    disagreements.append((row.id, lang, other, dict(missing)))
    assert disagreements == []


def test_the_english_differs_exactly_where_it_is_garbled(statement):
    alignment = align(statement)
    differing = []
    for row in alignment.rows:
        en, zh = (
            {
                f.key
                for f in extract(cell_text(statement, row, lang), lang)
                if f.kind != "name" and not f.weak
            }
            for lang in ("en", "zh")
        )
        if en != zh:
            differing.append(sorted(en ^ zh))
    assert differing == [
        ["date:2023-05", "number:17", "number:5", "range:2023-05-16/2023-05-17"],
        ["number:10", "number:2023", "ordinal:20", "ordinal:2023"],
        ["date:--09-09", "date:2013-09", "section:2", "section:2013"],
        ["number:2015", "section:2015", "section:3"],
        ["section:4"],
        ["section:5"],
        ["date:2023-05", "date:2023-05-17", "number:5"],
    ]


def test_glossary_names_agree_across_the_faithful_versions(statement):
    """Every glossary entry the zh version names in a row, kk and ru name there too."""
    alignment = align(statement)
    missing = []
    for row in alignment.rows:
        names = {
            lang: {
                f.value
                for f in extract(cell_text(statement, row, lang), lang, statement.glossary)
                if f.kind == "name" and not f.weak and len(f.value) > 2
            }
            for lang in ("zh", "kk", "ru")
        }
        for lang in ("kk", "ru"):
            if names["zh"] - names[lang]:
                missing.append((row.id, lang, sorted(names["zh"] - names[lang])))
    assert missing == []
