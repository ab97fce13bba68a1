"""The bundled joint statement: the English exactly as received, and faithful zh/kk/ru versions."""

from __future__ import annotations

import hashlib
import re

import pytest

from aligner.docset import load
from aligner.langid import detect, has_kazakh_letters
from aligner.terms import contains_term
from tests.conftest import BUNDLED, ROOT

SEED = ROOT.parent / "shared" / "seeds" / "000_15751e4284426033.txt"
SEED_SHA256 = "d13faaf98019463e2b7cf23aeae40f5fe506019a4c37b0fad655e22d2a9d426b"


@pytest.fixture(scope="module")
def statement():
    return load(BUNDLED)


def test_english_is_the_seed_byte_for_byte():
    """en.txt is never corrected in place; the digest also holds on a clone without the seed."""
    data = (BUNDLED / "en.txt").read_bytes()
    assert hashlib.sha256(data).hexdigest() == SEED_SHA256
    if SEED.exists():
        assert data == SEED.read_bytes()


def test_metadata(statement):
    assert statement.languages == ("en", "zh", "kk", "ru")
    assert statement.source == "zh" and statement.pivot == "en"
    assert statement.title_in("zh").startswith("中华人民共和国和哈萨克斯坦共和国联合声明")
    assert statement.notes == ()


@pytest.mark.parametrize("lang", ["en", "zh", "kk", "ru"])
def test_each_version_is_detected_as_its_language(statement, lang):
    assert detect("\n".join(statement.paragraphs(lang))).lang == lang


def test_kazakh_is_kazakh_not_russian_with_a_few_letters(statement):
    paragraphs = statement.paragraphs("kk")
    with_letters = [p for p in paragraphs if has_kazakh_letters(p)]
    assert len(with_letters) / len(paragraphs) >= 0.9


@pytest.mark.parametrize("lang", ["zh", "kk", "ru"])
def test_every_glossary_entry_occurs_in_each_faithful_version(statement, lang):
    text = "\n".join(statement.paragraphs(lang))
    missing = [
        entry.forms[lang][0]
        for entry in statement.glossary.entries
        if lang in entry.forms and not contains_term(text, lang, entry.forms[lang])
    ]
    assert missing == []


def test_the_english_misses_exactly_the_names_it_garbles(statement):
    text = "\n".join(statement.paragraphs("en"))
    missing = {
        entry.forms["en"][0]
        for entry in statement.glossary.entries
        if not contains_term(text, "en", entry.forms["en"])
    }
    assert missing == {
        "Congress of Leaders of World and Traditional Religions",
        "International Agency for Biological Safety",
        "Tianjin Biosecurity Guidelines for Codes of Conduct for Scientists",
        "Promoting international cooperation on peaceful uses in the context of international security",
    }


KEY_FACTS = {
    # signing date, place of signing, the Kazakh president's full name
    "zh": ["2023年5月17日", "西安", "卡瑟姆若马尔特·托卡耶夫"],
    "kk": ["2023 жылғы 17 мамыр", "Сиань", "Қасым-Жомарт Тоқаев"],
    "ru": ["17 мая 2023 года", "Сиан", "Касым-Жомарт Токаев"],
}


@pytest.mark.parametrize("lang", ["zh", "kk", "ru"])
def test_key_facts_are_right_in_each_version(statement, lang):
    paragraphs = statement.paragraphs(lang)
    date, place, president = KEY_FACTS[lang]
    signing = [p for p in paragraphs if date in p and place in p]
    assert len(signing) == 1, "one paragraph says where and when the statement was signed"
    assert any(president in p for p in paragraphs[:3]), "the visit is introduced with the full name"
    assert president.split("-")[0][:4] in paragraphs[-1], "the signature block names the president"


def test_versions_keep_the_five_numbered_sections(statement):
    zh_sections = [p[0] for p in statement.paragraphs("zh") if re.match(r"^[一二三四五]、", p)]
    assert zh_sections == list("一二三四五")
    for lang in ("kk", "ru"):
        numbers = [
            int(m.group(1)) for p in statement.paragraphs(lang) if (m := re.match(r"^(\d)\. ", p))
        ]
        assert numbers == [1, 2, 3, 4, 5], lang


def test_chinese_uses_chinese_conventions(statement):
    text = "\n".join(statement.paragraphs("zh"))
    assert "第二十次全国代表大会" in text and "《" in text and "，" in text
    assert not re.search(r"[\u4e00-\u9fff][,;:]", text), "ASCII punctuation after Chinese text"


def test_russian_and_kazakh_use_guillemets(statement):
    for lang in ("kk", "ru"):
        text = "\n".join(statement.paragraphs(lang))
        assert "«" in text and '"' not in text, lang
