"""The ``name`` check: glossary names missed or misspelled, minority spellings of a name."""

from __future__ import annotations

from aligner.checks import run_checks
from aligner.docset import load
from tests.conftest import write_docset
from tests.test_checks import one_to_one

GLOSSARY = (
    "en\tru\tkk\n"
    "Kassym-Jomart Tokayev;Tokayev\tКасым-Жомарт Токаев;Токаев\tҚасым-Жомарт Тоқаев;Тоқаев\n"
    "Republic of Kazakhstan\tРеспублика Казахстан\tҚазақстан Республикасы\n"
    "Shanghai Cooperation Organization;SCO\tШанхайская организация сотрудничества;ШОС\t"
    "Шанхай ынтымақтастық ұйымы;ШЫҰ\n"
)


def run(tmp_path, en, ru, kk, glossary=GLOSSARY):
    files = {"en.txt": "\n\n".join(en), "ru.txt": "\n\n".join(ru), "kk.txt": "\n\n".join(kk)}
    if glossary:
        files["glossary.tsv"] = glossary
    docset = load(write_docset(tmp_path / "ds", files))
    flags = run_checks(docset, one_to_one(docset), ["name"])
    texts = {lang: docset.paragraphs(lang) for lang in docset.languages}
    return [
        (f.lang, f.paragraph, texts[f.lang][f.paragraph][f.start : f.end], f.severity, f.expected)
        for f in flags
    ], flags


def test_misspelt_glossary_name_with_the_expected_form(tmp_path):
    found, flags = run(
        tmp_path,
        en=["The President of the Republic of Sacksthan arrived."],
        ru=["Прибыл Президент Республики Казахстан."],
        kk=["Қазақстан Республикасының Президенті келді."],
    )
    assert found == [("en", 0, "Republic of Sacksthan", "error", "Republic of Kazakhstan")]
    assert flags[0].evidence == {"ru": "Республики Казахстан", "kk": "Қазақстан Республикасының"}
    assert "ru Республики Казахстан" in flags[0].message


def test_garbled_first_name_before_a_short_form(tmp_path):
    found, _ = run(
        tmp_path,
        en=["President Kasemal Tokayev paid a visit.", "President Tokayev thanked the hosts."],
        ru=["Президент Касым-Жомарт Токаев совершил визит.", "Президент Токаев поблагодарил."],
        kk=["Президент Қасым-Жомарт Тоқаев сапармен келді.", "Президент Тоқаев алғыс айтты."],
    )
    assert found == [("en", 0, "Kasemal Tokayev", "error", "Kassym-Jomart Tokayev")]


def test_inflected_and_abbreviated_forms_are_not_flagged(tmp_path):
    found, _ = run(
        tmp_path,
        en=["Kassym-Jomart Tokayev spoke about the SCO and the Republic of Kazakhstan."],
        ru=["Касым-Жомарт Токаев говорил о ШОС и Республике Казахстан."],
        kk=["Қасым-Жомарт Тоқаев ШЫҰ-ға және Қазақстан Республикасына қатысты сөйледі."],
    )
    assert found == []


def test_name_missing_where_every_other_version_has_it(tmp_path):
    found, flags = run(
        tmp_path,
        en=["The delegation of the country arrived in Astana."],
        ru=["Делегация Республики Казахстан прибыла в Астану."],
        kk=["Қазақстан Республикасының делегациясы Астанаға келді."],
    )
    assert [(lang, severity) for lang, _, _, severity, _ in found] == [("en", "warning")]
    assert "Republic of Kazakhstan" in flags[0].message


def test_minority_spelling_of_a_name_without_glossary(tmp_path):
    en = [
        "Talks with Nazarbayev began.",
        "Then Nazarbayev spoke.",
        "Later Nazarbayev left.",
        "Finally Nazarbaev returned.",
    ]
    found, _ = run(tmp_path, en=en, ru=["Переговоры."] * 4, kk=["Келіссөздер."] * 4, glossary=None)
    assert found == [("en", 3, "Nazarbaev", "warning", "Nazarbayev")]


def test_known_country_name_misspelt_in_a_version_without_glossary(tmp_path):
    found, flags = run(
        tmp_path,
        en=["Talks on Afghanistan and Kazakhstan."],
        ru=["Переговоры об Афганстане и Казахстане."],
        kk=["Ауғанстан және Қазақстан туралы келіссөздер."],
        glossary=None,
    )
    assert found == [("ru", 0, "Афганстане", "error", "Афганистан")]
    assert 'en says "Afghanistan"' in flags[0].message


def test_glossary_name_in_small_letters_gets_its_capitals(tmp_path):
    glossary = (
        GLOSSARY + "Global Development Initiative\tГлобальная инициатива развития\t"
        "Жаһандық даму бастамасы\n"
    )
    found, _ = run(
        tmp_path,
        en=["China proposed the global development initiative."],
        ru=["Китай выдвинул Глобальную инициативу развития."],
        kk=["Қытай Жаһандық даму бастамасын ұсынды."],
        glossary=glossary,
    )
    assert found == [
        ("en", 0, "global development initiative", "warning", "Global Development Initiative")
    ]


def test_spelling_variants_mixed_in_one_english_document(tmp_path):
    files = {
        "en.txt": "The Center opened.\n\nThe Center grew.\n\nThe Centre closed.",
        "ru.txt": "Центр открылся.\n\nЦентр вырос.\n\nЦентр закрылся.",
    }
    docset = load(write_docset(tmp_path / "ds", files))
    flags = run_checks(docset, one_to_one(docset), ["spelling"])
    assert [(f.paragraph, f.expected) for f in flags] == [(2, "Center")]


def test_month_changed_in_one_version_of_a_docset(tmp_path):
    files = {
        "en.txt": "The talks began in May.",
        "ru.txt": "Переговоры начались в марте.",
        "kk.txt": "Келіссөздер мамырда басталды.",
    }
    docset = load(write_docset(tmp_path / "ds", files))
    flags = run_checks(docset, one_to_one(docset), ["month"])
    assert [(f.lang, f.expected) for f in flags] == [("ru", "мае")]
