"""aligner.facts: the same number, date, range, section or name reads the same in en, zh, kk, ru.

Each table row is (language, text, expected facts as "kind:value" in text order). Name facts
are left out of the numeric tables (``numeric`` filters them); weak facts end in "~".
"""

from __future__ import annotations

import pytest

from aligner.facts import (
    Fact,
    anchor_keys,
    date_problem,
    extract,
    glossary_key,
    render,
    suffix_problem,
    year_as_section,
)
from aligner.glossary import parse_glossary


def numeric(text: str, lang: str) -> list[str]:
    """The non-name facts of ``text`` as "kind:value", "~" marking weak ones."""
    return [
        f"{f.kind}:{f.value}" + ("~" if f.weak else "")
        for f in extract(text, lang)
        if f.kind != "name"
    ]


NUMBERS = [
    ("en", "zero or more", ["number:0~"]),
    ("ru", "меньше нуля", ["number:0~"]),
    ("kk", "нөлден кіші", ["number:0~"]),
    ("zh", "从零开始", ["number:0~"]),
    ("zh", "零件和零售", []),
    ("zh", "以十六进制或八进制输出", []),
    ("en", "tenths of a second", []),
    ("en", "the second session", ["ordinal:2"]),
    ("en", "RADIX is one\n        of [doxn]", []),
    ("en", "over the past 31 years", ["number:31"]),
    ("zh", "建交31年来", ["number:31"]),
    ("ru", "за 31 год", ["number:31"]),
    ("kk", "31 жыл ішінде", ["number:31"]),
    ("en", "1,000 people and 1,234,567 more", ["number:1000", "number:1234567"]),
    ("en", "1.5 percent growth", ["percent:1.5"]),
    ("ru", "1 000 человек", ["number:1000"]),
    ("ru", "1\u00a0000\u00a0000 тонн", ["number:1000000"]),
    ("kk", "1\u2009000 адам", ["number:1000"]),
    ("en", "1\u00a0000 tonnes", ["number:1000"]),
    ("ru", "рост на 1,5", ["number:1.5"]),
    ("kk", "1,5 есе", ["number:1.5"]),
    ("en", "items 1,5", ["number:1", "number:5"]),
    ("zh", "２０２３年", ["number:2023"]),
    ("zh", "二〇二三年", ["number:2023"]),
    ("zh", "三十一个", ["number:31"]),
    ("zh", "两千人", ["number:2000"]),
    ("zh", "5万人", ["number:50000"]),
    ("zh", "1.5亿元", ["number:150000000"]),
    ("zh", "一百零五项", ["number:105"]),
    ("en", "5 million people", ["number:5000000"]),
    ("en", "1.5 billion dollars", ["number:1500000000"]),
    ("ru", "1,5 млрд долларов", ["number:1500000000"]),
    ("kk", "5 млн адам", ["number:5000000"]),
    ("en", "thirty-one years", ["number:31"]),
    ("en", "two thousand twenty-three", ["number:2023"]),
    ("ru", "тридцать один год", ["number:31"]),
    ("kk", "жиырма бес жыл", ["number:25"]),
    ("en", "The year 2013 was", ["number:2013"]),
]

WEAK = [
    ("en", "The two sides agreed", ["number:2~"]),
    ("ru", "двух стран", ["number:2~"]),
    ("kk", "екі ел", ["number:2~"]),
    ("zh", "两国元首", ["number:2~"]),
    ("zh", "新时代十年", ["number:10~"]),
    ("ru", "за десять лет", ["number:10~"]),
    ("kk", "он жылында", ["number:10~"]),
    ("en", "first proposed", ["ordinal:1~"]),
    ("en", "one of the sides", []),
    ("kk", "бір-бірінің мүдделері", []),
    ("ru", "во-первых", []),
    ("zh", "一带一路", []),
    ("zh", "进一步加强", []),
    ("zh", "唯一合法政府", []),
    ("zh", "十分重要", []),
    ("zh", "千方百计", []),
    ("zh", "一五一十地", []),
    ("zh", "十四五规划", []),
]

ORDINALS = [
    ("zh", "第二十次全国代表大会", ["ordinal:20"]),
    ("kk", "Коммунистік партиясының ХХ съезі", ["ordinal:20"]),
    ("ru", "XX Всекитайский съезд", ["ordinal:20"]),
    ("en", "the 2023th National Congress", ["ordinal:2023"]),
    ("en", "the 20th National Congress", ["ordinal:20"]),
    ("en", "the XX century", ["ordinal:20"]),
    ("en", "after World War II ended", ["ordinal:2"]),
    ("zh", "第七十五届联合国大会", ["ordinal:75"]),
    ("en", "at the 75th session", ["ordinal:75"]),
    ("ru", "на 75-й сессии", ["ordinal:75"]),
    ("ru", "20-го съезда", ["ordinal:20"]),
    ("kk", "БҰҰ Бас Ассамблеясының 75-сессиясында", ["ordinal:75"]),
    ("kk", "20-шы съезд", ["ordinal:20"]),
    ("kk", "3-ші кездесу", ["ordinal:3"]),
    ("en", "the sixth CICA Summit", ["ordinal:6"]),
    ("ru", "VI саммита СВМДА", ["ordinal:6"]),
    ("ru", "шестого саммита", ["ordinal:6"]),
    ("kk", "алтыншы саммитінің", ["ordinal:6"]),
    ("zh", "第六次亚信峰会", ["ordinal:6"]),
    ("en", "a third cross-border railway", ["ordinal:3"]),
    ("ru", "третьей трансграничной железной дороги", ["ordinal:3"]),
    ("kk", "үшінші трансшекаралық теміржол", ["ordinal:3"]),
    ("zh", "第三条跨境铁路", ["ordinal:3"]),
    ("ru", "двадцать первого века", ["ordinal:21"]),
    ("en", "the twenty-first century", ["ordinal:21"]),
    ("ru", "в 2023-м году", ["number:2023"]),
    ("kk", "2023-жылы", ["number:2023"]),
    ("kk", "2023-ке дейін", ["number:2023"]),
]

NOT_NUMERALS = [
    ("en", "I think I agree, said V. Smith of C company", []),
    ("ru", "В Москве и С Петербургом", []),
    ("en", "the CD and MC sold at DC", []),
    ("en", "Louis XIV reigned", []),
    ("en", "cooperation in 5G and AI", []),
    ("en", "the G20 summit", []),
    ("en", "COVID-19 and CO2 emissions", []),
    ("zh", "人工智能、5G等新领域", []),
]

PERCENTS = [
    ("en", "grew 5%", ["percent:5"]),
    ("en", "grew 5 %", ["percent:5"]),
    ("en", "grew 5 percent", ["percent:5"]),
    ("en", "grew five per cent", ["percent:5"]),
    ("ru", "вырос на 5 процентов", ["percent:5"]),
    ("ru", "на пять процентов", ["percent:5"]),
    ("kk", "5 пайызға өсті", ["percent:5"]),
    ("zh", "增长百分之五", ["percent:5"]),
    ("zh", "增长百分之五十", ["percent:50"]),
    ("zh", "增长5％", ["percent:5"]),
]

RANGES = [
    ("en", "for the period 2023-2024", ["range:2023-2024"]),
    ("en", "for 2023–2024", ["range:2023-2024"]),
    ("en", "in 2023–24", ["range:2023-2024"]),
    ("zh", "2023—2024年", ["range:2023-2024"]),
    ("zh", "2023年至2024年", ["range:2023-2024"]),
    ("ru", "на 2023–2024 годы", ["range:2023-2024"]),
    ("kk", "2023–2024 жылдардағы", ["range:2023-2024"]),
    ("en", "from 5 to 7 days", ["range:5-7"]),
    ("ru", "с 5 по 7 пункты", ["range:5-7"]),
    ("en", "a score of 10-5", ["number:10", "number:5"]),
    ("en", "to 5 and 7 others", ["number:5", "number:7"]),
]

DATES = [
    ("en", "signed on May 17, 2023 in Xi'an", ["date:2023-05-17"]),
    ("en", "signed on 17 May 2023", ["date:2023-05-17"]),
    ("en", "signed on the 17th of May, 2023", ["date:2023-05-17"]),
    ("en", "on Sept. 5, 2023", ["date:2023-09-05"]),
    ("ru", "17 мая 2023 года", ["date:2023-05-17"]),
    ("kk", "2023 жылғы 17 мамыр", ["date:2023-05-17"]),
    ("kk", "2023 жылғы 17 мамырда", ["date:2023-05-17"]),
    ("zh", "2023年5月17日", ["date:2023-05-17"]),
    ("zh", "二〇二三年五月十七日", ["date:2023-05-17"]),
    ("en", "dated 2023-05-17", ["date:2023-05-17"]),
    ("ru", "от 17.05.2023", ["date:2023-05-17"]),
    ("en", "in September 2013", ["date:2013-09"]),
    ("zh", "2013年9月", ["date:2013-09"]),
    ("ru", "в сентябре 2013 года", ["date:2013-09"]),
    ("kk", "2013 жылғы қыркүйекте", ["date:2013-09"]),
    ("en", "since 17 May", ["date:--05-17"]),
    ("ru", "17 мая", ["date:--05-17"]),
    ("kk", "17 мамыр", ["date:--05-17"]),
    ("zh", "5月17日", ["date:--05-17"]),
    ("en", "in May the sides met", ["date:--05~"]),
    ("ru", "в мае стороны", ["date:--05~"]),
    ("zh", "每年5月举行", ["date:--05~"]),
    ("en", "May I ask", []),
    ("en", "as it may be", []),
    ("ru", "Марта сказала, что Марта права", ["date:--03~"]),
    ("en", "from May 2023 to 5, 17", ["date:2023-05", "number:5", "number:17"]),
    ("en", "on May 2023, 5 in duplicate", ["date:2023-05", "number:5"]),
    ("en", "May 35, 2023", ["number:35", "number:2023"]),
]

DATE_RANGES = [
    ("zh", "于2023年5月16日至17日", ["range:2023-05-16/2023-05-17"]),
    ("ru", "16–17 мая 2023 года", ["range:2023-05-16/2023-05-17"]),
    ("kk", "2023 жылғы 16–17 мамыр аралығында", ["range:2023-05-16/2023-05-17"]),
    ("en", "from 16 to 17 May", ["range:--05-16/--05-17"]),
    ("en", "on May 16-17, 2023", ["range:2023-05-16/2023-05-17"]),
    ("ru", "с 16 по 17 мая", ["range:--05-16/--05-17"]),
]

SECTIONS = [
    ("en", "1. The two sides reaffirmed", ["section:1", "number:2~"]),
    ("ru", "2. В сентябре 2013 года", ["section:2", "date:2013-09"]),
    ("zh", "一、双方重申", ["section:1"]),
    ("zh", "二、2013年9月", ["section:2", "date:2013-09"]),
    ("zh", "（三）双方", ["section:3"]),
    ("en", "2) The sides", ["section:2"]),
    ("en", "IV. International issues", ["section:4"]),
    ("ru", "1.2. Торговля", ["section:1.2"]),
    ("en", "2013. President Xi Jinping", ["section:2013"]),
    ("en", "1.5 million people came", ["number:1500000"]),
    ("en", "The sides agreed. 2. Not a section", ["number:2"]),
]


@pytest.mark.parametrize(
    "lang, text, expected",
    NUMBERS + WEAK + ORDINALS + NOT_NUMERALS + PERCENTS + RANGES + DATES + DATE_RANGES + SECTIONS,
)
def test_numeric_facts(lang, text, expected):
    assert numeric(text, lang) == expected


def test_spans_point_at_the_text_and_facts_do_not_overlap():
    text = "二、2013年9月，习近平主席于2023年5月16日至17日出席第二十次会议，两国签署。"
    facts = extract(text, "zh")
    for fact in facts:
        assert text[fact.start : fact.end] == fact.text
    numeric_facts = [f for f in facts if f.kind != "name"]
    for first, second in zip(numeric_facts, numeric_facts[1:]):
        assert first.end <= second.start
    assert [f.start for f in facts] == sorted(f.start for f in facts)


def test_a_date_swallows_its_numbers_and_a_range_its_ends():
    assert numeric("17 мая 2023 года", "ru") == ["date:2023-05-17"]
    assert numeric("2023–2024 годы", "ru") == ["range:2023-2024"]


def test_full_width_digits_keep_their_offsets():
    text = "签署于２０２３年５月１７日。"
    [fact] = extract(text, "zh")
    assert fact.value == "2023-05-17" and fact.text == "２０２３年５月１７日"


def test_unknown_languages_use_the_nearest_rules():
    assert numeric("le 1,5 et 2 000", "fr") == ["number:1.5", "number:2000"]
    assert numeric("2023年5月17日", "zh-TW") == ["date:2023-05-17"]
    assert numeric("1,000 units", "xx") == ["number:1000"]


def test_odd_inputs_give_no_facts_and_no_errors():
    for text in (
        "",
        "   ",
        "\x00\x1b[31m",
        "一一一一一一",
        "万亿千百十",
        "第第第",
        "99999999999999999999",
        "٣٤٥ ١٢",
        "ⅫⅫⅫ century",
    ):
        for lang in ("en", "zh", "kk", "ru"):
            for fact in extract(text, lang):
                assert isinstance(fact, Fact)
                assert text[fact.start : fact.end] == fact.text


GLOSSARY = parse_glossary(
    "en\tzh\tkk\tru\n"
    "Xi Jinping\t习近平\tСи Цзиньпин\tСи Цзиньпин\n"
    "Kassym-Jomart Tokayev;Tokayev\t卡瑟姆若马尔特·托卡耶夫;托卡耶夫\tҚасым-Жомарт Тоқаев;Тоқаев"
    "\tКасым-Жомарт Токаев;Токаев\n"
    "Two Sessions\t全国两会;两会\tекі сессия\tдве сессии\n"
    "\t\tНұрлы жол\tНурлы жол\n"
)

NAMES = [
    ("en", "President Kassym-Jomart Tokayev said", "Kassym-Jomart Tokayev"),
    ("zh", "卡瑟姆若马尔特·托卡耶夫总统", "Kassym-Jomart Tokayev"),
    ("kk", "Қасым-Жомарт Тоқаевтың сапары", "Kassym-Jomart Tokayev"),
    ("ru", "Касым-Жомартом Токаевым", "Kassym-Jomart Tokayev"),
    ("ru", "Председателя Си Цзиньпина", "Xi Jinping"),
    ("kk", "«Нұрлы жол» саясаты", "Нұрлы жол"),
]


@pytest.mark.parametrize("lang, text, key", NAMES)
def test_glossary_names_have_one_key_in_every_language(lang, text, key):
    names = [f for f in extract(text, lang, GLOSSARY) if f.kind == "name" and not f.weak]
    assert [f.value for f in names] == [key]
    assert key in {glossary_key(e, GLOSSARY) for e in GLOSSARY.entries}


def test_a_weak_number_inside_a_glossary_name_belongs_to_the_name():
    for lang, text in (
        ("en", "the Two Sessions"),
        ("ru", "«две сессии» 2023 года"),
        ("kk", "«екі сессиясының»"),
        ("zh", "全国两会"),
    ):
        facts = extract(text, lang, GLOSSARY)
        assert "name:Two Sessions" in {f.key for f in facts}
        assert not [f for f in facts if f.kind == "number" and f.weak]


COUNTRIES = [
    ("en", "relations between China and Kazakhstan", ["CN", "KZ"]),
    ("zh", "中国和哈萨克斯坦共和国", ["CN", "KZ"]),
    ("ru", "между Китаем и Республикой Казахстан", ["CN", "KZ"]),
    ("kk", "Қытай мен Қазақстан Республикасының", ["CN", "KZ"]),
    ("ru", "на Кубе, но не Кубок", ["CU"]),
    ("ru", "казахстанская сторона", []),
    ("kk", "қазақстандық тарап", []),
    ("en", "fine china and turkey", []),
    ("ru", "в Афганистане", ["AF"]),
    ("kk", "Ауғанстанға", ["AF"]),
]


@pytest.mark.parametrize("lang, text, codes", COUNTRIES)
def test_countries_are_iso_codes(lang, text, codes):
    found = [f.value for f in extract(text, lang) if f.kind == "name" and not f.weak]
    assert found == codes


def test_capitalised_words_are_weak_candidates_keyed_for_fuzzy_matching():
    en = {f.value for f in extract("said President Kasemal Tokayev today", "en") if f.weak}
    ru = {f.value for f in extract("сказал Президент Токаев сегодня", "ru") if f.weak}
    kk = {f.value for f in extract("деді Президент Тоқаев бүгін", "kk") if f.weak}
    assert {"cap:kasemal", "cap:tokayev"} <= en
    assert "cap:tokaev" in ru and "cap:toqaev" in kk
    assert not [f for f in extract("Tokayev said it.", "en") if f.value == "cap:tokayev"]


def test_anchor_keys_leave_out_weak_facts_and_name_candidates():
    text = "1. The two sides met President Tokayev in Astana on 17 May 2023 for the 75th time."
    keys = anchor_keys(text, "en", GLOSSARY)
    assert keys == frozenset(
        {"section:1", "name:Kassym-Jomart Tokayev", "date:2023-05-17", "ordinal:75"}
    )
    assert anchor_keys("二〇二三年五月十七日", "zh") == {"date:2023-05-17"}


RENDER = [
    ("date", "2023-05-17", "en", "17 May 2023"),
    ("date", "2023-05-17", "ru", "17 мая 2023 года"),
    ("date", "2023-05-17", "kk", "2023 жылғы 17 мамыр"),
    ("date", "2023-05-17", "zh", "2023年5月17日"),
    ("date", "2013-09", "en", "September 2013"),
    ("date", "--05-17", "en", "17 May"),
    ("range", "2023-05-16/2023-05-17", "en", "16–17 May 2023"),
    ("range", "2023-05-16/2023-05-17", "zh", "2023年5月16日至17日"),
    ("range", "2023-2024", "en", "2023–2024"),
    ("ordinal", "2023", "en", "2023rd"),
    ("ordinal", "11", "en", "11th"),
    ("ordinal", "22", "en", "22nd"),
    ("ordinal", "20", "kk", "20-шы"),
    ("ordinal", "75", "kk", "75-ші"),
    ("ordinal", "20", "zh", "第20"),
    ("percent", "1.5", "ru", "1,5%"),
    ("number", "1500000", "en", "1,500,000"),
    ("number", "2023", "en", "2023"),
    ("name", "KZ", "ru", "Казахстан"),
    ("name", "cap:tokayev", "en", "tokayev"),
]


@pytest.mark.parametrize("kind, value, lang, expected", RENDER)
def test_render_writes_a_value_the_way_the_language_does(kind, value, lang, expected):
    assert render(kind, value, lang) == expected


def test_suffix_problems():
    def problem(text, lang):
        [fact] = [f for f in extract(text, lang) if f.kind == "ordinal"]
        return suffix_problem(fact, lang)

    assert "2023rd" in problem("the 2023th Congress", "en")
    assert problem("the 20th Congress", "en") is None
    assert problem("the 21st century", "en") is None
    assert "1st" in problem("the 1th meeting", "en")
    assert problem("20-шы съезд", "kk") is None
    assert "20-шы" in problem("20-ші съезд", "kk")
    assert problem("3-ші кездесу", "kk") is None
    assert "20-й" in problem("20-ый съезд", "ru")
    assert problem("20-й съезд", "ru") is None


def test_date_problems():
    assert date_problem("2023-02-29") == "February 2023 has no day 29"
    assert date_problem("2024-02-29") is None
    assert date_problem("--02-30") is not None
    assert date_problem("2023-05-16/2023-05-17") is None


def test_a_year_where_a_section_number_belongs():
    [section] = [
        f for f in extract("2013. President Xi Jinping first proposed", "en") if f.kind == "section"
    ]
    assert year_as_section(section)
    [section] = [f for f in extract("2. В сентябре 2013 года", "ru") if f.kind == "section"]
    assert not year_as_section(section)
