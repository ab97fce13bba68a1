"""The ``number`` check: numbers, dates, ordinals and section numbers across en, zh, kk, ru,
and in PO catalogs."""

from __future__ import annotations

from aligner.checks import check_catalog, run_checks
from aligner.docset import load
from tests.conftest import BUNDLED, write_docset
from tests.test_check_cli import write_po
from tests.test_checks import one_to_one


def run(tmp_path, **texts):
    files = {f"{lang}.txt": "\n\n".join(paragraphs) for lang, paragraphs in texts.items()}
    files["docset.toml"] = "order = [%s]\n" % ", ".join(f'"{lang}"' for lang in texts)
    docset = load(write_docset(tmp_path / "ds", files))
    flags = run_checks(docset, one_to_one(docset), ["number"])
    return [
        (
            f.lang,
            f.paragraph,
            docset.paragraphs(f.lang)[f.paragraph][f.start : f.end],
            f.severity,
            f.expected,
        )
        for f in flags
    ], flags


def test_wrong_ordinal_that_every_other_version_contradicts(tmp_path):
    found, flags = run(
        tmp_path,
        en=["Kazakhstan congratulated the 2023th National Congress of the party."],
        zh=["哈方祝贺中国共产党第二十次全国代表大会圆满成功。"],
        kk=["Қазақстан ҚКП ХХ съезінің табысты өтуімен құттықтады."],
        ru=["Казахстан поздравил с успешным проведением XX съезда партии."],
    )
    assert found == [("en", 0, "2023th", "error", "20th")]
    assert set(flags[0].evidence) == {"zh", "kk", "ru"}
    assert "zh, kk and ru all say 20th" in flags[0].message
    assert "2023rd" in flags[0].message  # the suffix does not fit 2023 either


def test_versions_that_disagree_give_a_warning_without_suggestion(tmp_path):
    found, _ = run(
        tmp_path,
        en=["The fund received 40 applications."],
        zh=["基金收到了35份申请。"],
        ru=["Фонд получил 36 заявок."],
    )
    assert [
        (lang, span, severity, expected)
        for lang, _, span, severity, expected in found
        if lang == "en"
    ] == [("en", "40", "warning", None)]


def test_correct_facts_in_every_script_are_not_flagged(tmp_path):
    found, _ = run(
        tmp_path,
        en=[
            "Relations developed over the past 31 years.",
            "At the 75th session of the UN.",
            "The chairmanship for 2023-2024.",
            "The sixth CICA Summit in Astana.",
            "Signed on 17 May 2023 in Xi'an.",
        ],
        zh=[
            "中哈建交31年来两国关系发展。",
            "在第七十五届联合国大会上。",
            "担任2023—2024年轮值主席国。",
            "在阿斯塔纳举行的第六次亚信峰会。",
            "2023年5月17日在西安签署。",
        ],
        kk=[
            "Қарым-қатынас 31 жыл бойы дамыды.",
            "БҰҰ Бас Ассамблеясының 75-сессиясында.",
            "2023–2024 жылдардағы төрағалық.",
            "Астанада өткен АӨСШК алтыншы саммиті.",
            "2023 жылғы 17 мамырда Сиань қаласында жасалды.",
        ],
        ru=[
            "Отношения развивались 31 год.",
            "На 75-й сессии Генассамблеи ООН.",
            "Председательство на 2023–2024 годы.",
            "VI саммит СВМДА в Астане.",
            "Совершено в Сиане 17 мая 2023 года.",
        ],
    )
    assert found == []


def test_mangled_date_becomes_one_spot_with_the_date_in_english(tmp_path):
    found, _ = run(
        tmp_path,
        en=["Tokayev paid a state visit to China from May 2023 to 5, 17."],
        zh=["托卡耶夫于2023年5月16日至17日对中国进行国事访问。"],
        ru=["Токаев 16–17 мая 2023 года совершил государственный визит в Китай."],
    )
    assert found == [
        ("en", 0, "May 2023 to 5, 17", "error", "16 to 17 May 2023")
    ]  # "from" stays: "from 16 to 17 May"


def test_year_where_a_section_number_belongs_and_a_lost_section_number(tmp_path):
    found, _ = run(
        tmp_path,
        en=[
            "2013. President Xi first proposed the initiative in September 9.",
            "The two sides reaffirmed the principles of the UN Charter.",
        ],
        zh=["二、2013年9月，习近平主席首次提出倡议。", "四、双方重申恪守《联合国宪章》原则。"],
        ru=[
            "2. В сентябре 2013 года Председатель Си впервые выдвинул инициативу.",
            "4. Стороны подтвердили приверженность принципам Устава ООН.",
        ],
    )
    assert found == [
        ("en", 0, "2013.", "error", "2."),
        ("en", 0, "September 9", "error", "September 2013"),
        ("en", 1, "", "error", "4. "),
    ]


def test_leftover_placeholder_receives_the_missing_number(tmp_path):
    found, _ = run(
        tmp_path,
        en=["Based on the agreement on cultural cooperation signed in <>."],
        zh=["以2015年签署的文化合作协定为基础。"],
        ru=["На основе подписанного в 2015 году соглашения о культурном сотрудничестве."],
    )
    assert found == [("en", 0, "<>", "error", "2015")]


PO_BODY = """msgid "Deleted 25 files in 3 folders"
msgstr "{deleted}"

msgid "Saved on May 17"
msgstr "{saved}"

msgid "Keep 10 copies"
msgstr "{copies}"

#, c-format
msgid "Only one file"
msgid_plural "%d files"
msgstr[0] "%d файл"
msgstr[1] "%d файла"
msgstr[2] "%d файлов"
"""


def test_catalog_numbers_in_digits_words_and_dates(tmp_path):
    clean = write_po(
        tmp_path / "ok.po",
        "ru",
        PO_BODY.format(
            deleted="Удалено 25 файлов в 3 папках",
            saved="Сохранено 17 мая",
            copies="Хранить десять копий",
        ),
    )
    assert check_catalog(clean, ["number"]) == []
    broken = write_po(
        tmp_path / "bad.po",
        "ru",
        PO_BODY.format(
            deleted="Удалено 52 файлов в 3 папках",
            saved="Сохранено 17 июня",
            copies="Хранить копии",
        ),
    )
    flags = check_catalog(broken, ["number"])
    assert [(f.entry, f.severity, f.expected) for f in flags] == [
        (0, "error", "25"),
        (1, "error", "17 мая"),
        (2, "warning", "10"),
    ]


def test_chinese_numerals_in_a_catalog(tmp_path):
    body = 'msgid "The 20th congress met for 3 days"\nmsgstr "{}"\n'
    assert (
        check_catalog(
            write_po(tmp_path / "a.po", "zh_CN", body.format("第二十次代表大会开了三天")),
            ["number"],
        )
        == []
    )
    flags = check_catalog(
        write_po(tmp_path / "b.po", "zh_CN", body.format("第二十一次代表大会开了三天")), ["number"]
    )
    assert [(f.severity, f.expected) for f in flags] == [("error", "第20")]


def test_digits_inside_codes_are_compared_like_pofilter_does(tmp_path):
    body = (
        'msgid "Invalid UTF-8 in file"\nmsgstr "{}"\n\n'
        'msgid "Usage: apt-get install pkg1 [pkg2 ...]"\nmsgstr "用法：apt-get install 软件包1 [软件包2 ...]"\n'
    )
    assert (
        check_catalog(
            write_po(tmp_path / "a.po", "zh_CN", body.format("文件中有无效的 UTF-8")), ["number"]
        )
        == []
    )
    flags = check_catalog(
        write_po(tmp_path / "b.po", "zh_CN", body.format("文件中有无效的 UTF-9")), ["number"]
    )
    assert [(f.entry, "文件中有无效的 UTF-9"[f.start : f.end], f.expected) for f in flags] == [
        (0, "UTF-9", "UTF-8")
    ]


def test_technical_catalog_strings_are_not_called_the_wrong_language(tmp_path):
    body = (
        'msgid "Usage: %s [--dir /path/to/tally-directory] [--user username] [--reset]"\n'
        'msgstr "用法：%s [--dir /path/to/tally-directory] [--user username] [--reset]"\n\n'
        'msgid "No GID is available in the range %d-%d (FIRST_SYS_GID - LAST_SYS_GID)."\n'
        'msgstr "范围 %d-%d (FIRST_SYS_GID - LAST_SYS_GID)里没有可用的 GID。"\n\n'
        'msgid "The file could not be opened because the disk is full."\n'
        'msgstr "The file could not be opened because the disk is full!"\n'
    )
    flags = check_catalog(write_po(tmp_path / "zh.po", "zh_CN", body), ["language", "untranslated"])
    assert [(f.entry, f.check) for f in flags] == [(2, "untranslated")]


def test_a_placeholder_gets_the_number_the_others_write_in_words_when_the_rest_agrees(tmp_path):
    # The bundled statement's paragraph after a reviewer fixed its other numbers: only "<>"
    # is left, and zh 十, kk он, ru десять (number words, weak on their own) all say 10.
    bundled = load(BUNDLED)
    versions = {
        lang: next(p for p in bundled.paragraphs(lang) if marker in p)
        for lang, marker in (
            ("zh", "新时代十年"),
            ("kk", "он жылында"),
            ("ru", "за десять лет новой эпохи"),
        )
    }
    en = next(p for p in bundled.paragraphs("en") if "past <> years" in p)
    en = en.replace("2023th", "20th").replace("the 10 Chinese", "the 2023 Chinese")
    found, flags = run(tmp_path, en=[en], **{lang: [text] for lang, text in versions.items()})
    assert found == [("en", 0, "<>", "warning", "10")]
    assert flags[0].evidence == {"zh": "十", "kk": "он", "ru": "десять"}


CATALOG_CASES = """msgid "SIGNAL may be a signal number like '1', or the exit status of a process."
msgstr "<信号> 也可以是信号编号，如 \\" \\"，还可以是一个进程被信号终止后的退出状态。"

msgid "Removes the Nth entry. For example: `popd +0' removes the first directory, `popd +1' the second, and so on for every directory on the stack."
msgstr "删除第 N 个条目。例如：\\"popd +0\\" 删除第一个目录，\\"popd + \\" 删除第二个，栈上的每一个目录依此类推。"

msgid "Dynamic section at offset 0x%lx contains %lu entry:"
msgid_plural "Dynamic section at offset 0x%lx contains %lu entries:"
msgstr[0] "动态节位于偏移量 0x%lx，包含 %lu 个条目："
msgstr[1] "动态节位于偏移量 0x%lx，包含 %lu 个条目："
msgstr[2] "动态节位于偏移量 0x%lx，包含 %lu 个条目："

msgid "Skipping unexpected C6000 relocation type %s"
msgstr "跳过意外的 C6000 重定位类型 %s"

msgid "[[ expression ]]"
msgstr "[[ 表达式 ]]"
"""


def test_literal_digits_are_not_taken_for_number_words_and_plurals_are_not_counted(tmp_path):
    """A quoted '1' or `popd +1' lost in the translation is flagged even though "一个" (a,
    one) is nearby; plural forms repeating a code, "C6000 %s" and bash's [[ x ]] are fine."""
    header = (
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
        '"Language: zh_CN\\n"\n"Plural-Forms: nplurals=3; plural=0;\\n"\n\n'
    )
    path = tmp_path / "zh.po"
    path.write_text(header + CATALOG_CASES, encoding="utf-8")
    flags = check_catalog(path, ["number", "placeholder"])
    assert sorted({flag.entry for flag in flags}) == [0, 1]
    assert all("1" in flag.message for flag in flags)
