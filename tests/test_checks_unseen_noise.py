"""Real catalogs' untouched messages that are no error, second reading (seed 6's new catalogs).

Each class was read among the flags on catalogs no development seed held (NetworkManager,
gtksourceview, gedit, udisks2, ...); beside each rule, the damage it must still find.
"""

from __future__ import annotations

from tests.test_checks_recall import catalog, flags_of

NOTATION = (
    'Include the "${DEVICE}" or "${MAC}" specifier in the stable-id, derived from the MAC '
    "address of the device."
)


def test_a_variable_msgid_reads_as_notation_is_notation_in_msgstr_too(tmp_path):
    path = catalog(
        tmp_path,
        [(NOTATION, 'Включите "${DEVICE}" или "${MAC}" в stable-id, по MAC-адресу устройства.')],
    )
    assert flags_of(path, ["variable"]) == []


def test_a_variable_msgid_lacks_is_still_flagged_beside_notation(tmp_path):
    path = catalog(
        tmp_path,
        [(NOTATION, 'Включите "${DEVICE}" или "${HOST}" в stable-id, по MAC-адресу устройства.')],
    )
    assert [message for *_, message in flags_of(path, ["variable"])] == [
        "variable ${HOST} is not in msgid"
    ]


def _entry(msgid, msgstr, msgctxt=None):
    import polib

    return polib.POEntry(msgid=msgid, msgstr=msgstr, msgctxt=msgctxt)


def test_one_msgid_in_two_contexts_may_be_said_two_ways(tmp_path):
    path = catalog(
        tmp_path,
        [
            _entry("Partition %u of %s", "Бөлім %u, %s", "part-block"),
            _entry("Partition %u of %s", "Бөлім %u, %s құрылғысынан", "part-drive"),
            _entry("Partition %u of %s", "Бөлім %u, %s құрылғысынан", "part-loop"),
        ],
        lang="kk",
    )
    assert flags_of(path, ["consistency"]) == []


def test_accelerators_and_end_colons_of_msgstr_are_no_other_rendering(tmp_path):
    path = catalog(
        tmp_path,
        [
            ("Save Current Settings as Defa_ult", "Сохранить текущие параметры по _умолчанию"),
            ("Save current settings as default", "Сохранить текущие параметры по умолчанию"),
            ("In_sert Date and Time…", "插入日期和时间(_S)…"),
            ("Insert Date and Time", "插入日期和时间"),
            ("%i bytes of unknown data", "%i 字节未知数据"),
            ("%i bytes of unknown data: ", "%i 字节未知数据： "),
        ],
    )
    assert flags_of(path, ["consistency"]) == []


def test_two_wordings_of_one_msgid_are_both_right(tmp_path):
    path = catalog(
        tmp_path,
        [
            ("Cannot come back to cwd", "Не удалось вернуться в текущий рабочий каталог"),
            ("cannot come back to cwd", "не удалось вернуться в cwd"),
        ],
    )
    assert flags_of(path, ["consistency"]) == []


def test_a_rendering_cut_short_or_with_a_stray_mark_is_still_flagged(tmp_path):
    path = catalog(
        tmp_path,
        [
            ("Expected a comma after the name %s", "Ожидается запятая после имени «%s»"),
            ("expected a comma after the name %s", 'ожидается запятая после имени «"%s»'),
            ("This is free software; see the source", "Это свободное программное обеспечение"),
            ("this is free software; see the source", "Это свободное программное"),
        ],
    )
    assert len(flags_of(path, ["consistency"])) == 2


def test_a_rendering_with_another_number_and_a_cut_end_is_still_flagged(tmp_path):
    path = catalog(
        tmp_path,
        [
            (
                "See the GNU General Public License version 2",
                "См. лицензию GNU версии 5 или новее.",
            ),
            ("\nSee the GNU General Public License version 2", "\nСм. лицензию GNU версии 2"),
        ],
    )
    assert len(flags_of(path, ["consistency"])) == 1


def test_a_chinese_word_that_begins_with_a_unit_names_no_unit(tmp_path):
    path = catalog(
        tmp_path,
        [
            (
                "Two schemes are supported: blob and path. The blob holds the key's bytes.",
                "支持两种方案：比特块（blob）和路径。比特块存放密钥的字节。",
            )
        ],
        lang="zh_CN",
    )
    assert flags_of(path, ["quantity"]) == []


def test_a_chinese_unit_the_msgid_never_names_is_still_flagged(tmp_path):
    path = catalog(
        tmp_path,
        [("The size of the key, in bytes.", "密钥的大小，以比特为单位。")],
        lang="zh_CN",
    )
    assert [check for _, check, *_ in flags_of(path, ["quantity"])] == ["quantity"]


NUMBER_NOISE = [
    # a locale's own charset named in place of another: another name, no other digits
    ("['UTF-8', 'CURRENT', 'ISO-8859-15', 'UTF-16']", "['CURRENT', 'GB18030', 'UTF-8', 'UTF-16']"),
    ("Last modified 01/11/2009 17:52:00", "最后修改于 01.11.2009 17:52:00"),  # the reader's date
    ("Switch to the first — ninth document", "切换到第 1 到 9 个文档"),
    ("It is undefined for values less than one", "对小于 1 的数无意义"),  # word order
    ("Changes of the last minute and %ld second will be lost.", "之前 1 分 %ld 秒内的更改将丢失。"),
]
NUMBER_DAMAGE = [
    (
        "['UTF-8', 'CURRENT', 'ISO-8859-15', 'UTF-16']",
        "['CURRENT', 'ISO-8859-16', 'UTF-8', 'UTF-16']",
    ),
    ("Last modified 01/11/2009 17:52:00", "最后修改于 02.11.2009 17:52:00"),
    ("Switch to the first — ninth document", "切换到第 1 到 8 个文档"),
    ("It is undefined for values less than one", "对小于 2 的数无意义"),
    ("Format the second disk of %d", "格式化 %d 的第三个磁盘"),  # an ordinal with no count
]


def test_numbers_said_another_way_are_the_same_numbers(tmp_path):
    path = catalog(tmp_path, NUMBER_NOISE, lang="zh_CN")
    assert flags_of(path, ["number"]) == []


def test_numbers_changed_beside_them_are_still_flagged(tmp_path):
    path = catalog(tmp_path, NUMBER_DAMAGE, lang="zh_CN")
    flagged = {msgid for msgid, *_ in flags_of(path, ["number"])}
    assert flagged == {msgid for msgid, _ in NUMBER_DAMAGE}


def test_a_list_label_at_a_lines_start_closes_no_bracket(tmp_path):
    path = catalog(
        tmp_path,
        [
            (
                "Two formats are accepted:\n(a) a string of hex digits\n(b) a list of bytes",
                "Допустимые форматы:\nа) шестнадцатеричные цифры;\nб) список байтов",
            )
        ],
    )
    assert flags_of(path, ["punctuation"]) == []


def test_a_closing_bracket_inside_a_line_is_still_unbalanced(tmp_path):
    path = catalog(tmp_path, [("Dzongkha (dz)", "Дзонг-кэ dz)")])
    assert [check for _, check, *_ in flags_of(path, ["punctuation"])] == ["punctuation"]


def test_a_user_folder_named_in_the_users_language_is_that_folder(tmp_path):
    msgid = "If blank the ~/Documents folder is used."
    ru = catalog(tmp_path, [(msgid, "Если не указано, используется ~/Документы.")])
    zh = catalog(
        tmp_path, [(msgid, "如果为空，则使用 ~/文档 文件夹。")], lang="zh_CN", name="zh.po"
    )
    assert flags_of(ru, ["verbatim"]) == flags_of(zh, ["verbatim"]) == []


def test_a_user_folder_lost_or_misspelt_is_still_flagged(tmp_path):
    path = catalog(
        tmp_path,
        [
            (
                "If blank the ~/Documents folder is used.",
                "Если не указано, используется ~/Documets.",
            ),
            ("Files are kept in ~/Documents.", "Файлы хранятся в домашней папке."),
        ],
    )
    assert len(flags_of(path, ["verbatim"])) == 2


MESSAGES = [
    (
        f"The {en} could not be opened because the disk is full.",
        f"Не удалось открыть {ru}: диск заполнен.",
    )
    for en, ru in (
        ("file", "файл"),
        ("folder", "папку"),
        ("archive", "архив"),
        ("printer", "принтер"),
        ("image", "образ"),
        ("document", "документ"),
        ("window", "окно"),
        ("project", "проект"),
        ("database", "базу данных"),
        ("library", "библиотеку"),
    )
]
USAGE = (
    "Usage: nmcli device { COMMAND | help }\n\n  show [<ifname>]\n  connect <ifname>\n"
    "  reapply <ifname>\n  disconnect <ifname>\n  delete <ifname>\n  monitor <ifname>\n"
    "  wifi [ifname <ifname>]\n\nShow the state of the devices.\n"
)


def test_a_metavariable_is_a_word_of_its_own_not_the_keyword_beside_it(tmp_path):
    translated = (
        USAGE.replace("Usage", "Использование")
        .replace("COMMAND", "КОМАНДА")
        .replace("<ifname>", "<имя_интерфейса>")
        .replace("Show the state of the devices.", "Показать состояние устройств.")
    )
    path = catalog(tmp_path, [*MESSAGES, (USAGE, translated)])
    assert flags_of(path, ["omission"]) == []


def test_a_message_with_much_added_is_still_longer_than_usual(tmp_path):
    long = "Это сообщение было дописано переводчиком: " * 6
    path = catalog(tmp_path, [*MESSAGES, (MESSAGES[0][0] + " Try again.", long)])
    assert [check for _, check, *_ in flags_of(path, ["omission"])] == ["omission"]


def test_aliases_a_program_accepts_may_be_named_alike(tmp_path):
    path = catalog(tmp_path, [("pound,pounds,lb,lbs", "фунт, фунты, фунты, фунты")])
    assert flags_of(path, ["repeat"]) == []


def test_marks_named_in_brackets_are_no_doubled_punctuation(tmp_path):
    path = catalog(
        tmp_path,
        [("the namespace separator is two colons, not one", "命名空间的分隔符应为双冒号（::）")],
        lang="zh_CN",
    )
    assert flags_of(path, ["repeat"]) == []


def test_a_doubled_end_mark_is_still_flagged(tmp_path):
    path = catalog(tmp_path, [("The route is never the default.", "Маршрут не по умолчанию..")])
    assert [check for _, check, *_ in flags_of(path, ["repeat"])] == ["repeat"]


def test_a_leading_space_written_twice_prints_a_gap(tmp_path):
    path = catalog(tmp_path, [*MESSAGES, (" on %s", "  на %s")])
    assert [msgid for msgid, *_ in flags_of(path, ["layout"])] == [" on %s"]


def test_an_indentation_widened_needs_the_catalogs_habit(tmp_path):
    path = catalog(tmp_path, [*MESSAGES, ("  Ln %d, Col %d", "    Стр %d, Стлб %d")])
    assert flags_of(path, ["layout"]) == []


def test_a_mark_doubled_after_a_closing_quote_is_still_flagged(tmp_path):
    path = catalog(
        tmp_path,
        [('Field separator for CSV is "%s".\n', 'CSV的字段分隔符是"%s"..\n')],
        lang="zh_CN",
    )
    assert [check for _, check, *_ in flags_of(path, ["repeat"])] == ["repeat"]


def test_a_chinese_labels_accelerator_is_the_labels_for_its_trailing_space(tmp_path):
    path = catalog(
        tmp_path, [("Replace _with ", "替换为(_W)"), ("F_ind ", "查找(_I)")], lang="zh_CN"
    )
    assert flags_of(path, ["layout"]) == []


def test_a_one_letter_preposition_after_a_number_is_no_unit(tmp_path):
    msgid = "The specification requires an ISO 8601 date string with at least day-granularity."
    msgstr = "Спецификация требует строку даты ISO 8601 с гранулярностью как минимум по дням."
    path = catalog(tmp_path, [(msgid, msgstr)])
    assert flags_of(path, ["quantity"]) == []


def test_a_unit_symbol_at_a_clauses_end_is_still_a_unit(tmp_path):
    path = catalog(tmp_path, [("Retry in 5 min.", "Повторить через 5 с.")])
    assert [check for _, check, *_ in flags_of(path, ["quantity"])] == ["quantity"]


def test_an_acronym_of_msgid_words_is_no_shuffled_acronym(tmp_path):
    msgid = '"panu" for Personal Area Networking connections to devices supporting the NAP profile.'
    msgstr = '"panu" для подключений персональной сети PAN к устройствам с профилем NAP.'
    path = catalog(tmp_path, [(msgid, msgstr)])
    assert flags_of(path, ["spelling"]) == []


def test_a_shuffled_acronym_is_still_flagged(tmp_path):
    path = catalog(
        tmp_path, [("Devices supporting the NAP profile.", "Устройства с профилем PAN.")]
    )
    assert [check for _, check, *_ in flags_of(path, ["spelling"])] == ["spelling"]


def test_an_acronym_and_its_words_may_share_a_rendering(tmp_path):
    path = catalog(
        tmp_path,
        [
            ("AppStream CLI", "Интерфейс командной строки AppStream"),
            ("AppStream command-line interface", "Интерфейс командной строки AppStream"),
            ("Show the CLI options", "Показать параметры CLI"),
            ("Run the CLI tool", "Запустить инструмент CLI"),
            ("The CLI is ready", "CLI готов"),
        ],
    )
    assert flags_of(path, ["consistency"]) == []


def test_a_shuffled_acronym_msgstr_lacks_is_flagged_though_msgid_spells_it(tmp_path):
    msgid = "`%1$s' definition does not end with `END %1$s'"
    path = catalog(tmp_path, [(msgid, "определение «%1$s» не заканчивается на «DNE %1$s»")])
    assert [check for _, check, *_ in flags_of(path, ["spelling"])] == ["spelling"]


def test_a_list_of_names_a_program_accepts_is_not_measured(tmp_path):
    aliases = ("millilitre,millilitres,milliliter,milliliters,mL,cm³", "миллилитр,мл,см³")
    path = catalog(tmp_path, [*MESSAGES, aliases])
    assert flags_of(path, ["omission"]) == []


def test_a_qt_argument_before_a_full_stop_is_no_number(tmp_path):
    """gparted's "partition %1." ends its sentence after the argument; the Chinese "%1 分区"
    writes it inside: the same %1 on both sides, no number lost; "%1.5" is still a number."""
    path = catalog(
        tmp_path,
        [
            ("Move the start sector of partition %1.", "移动 %1 分区的起始扇区。"),
            ("A %1 file system has a maximum size of %2.", "%1 文件系统的最大容量为 %2。"),
            ("Version %1.5 is needed", "需要 %1.6 版"),
        ],
        lang="zh_CN",
    )
    assert [msgid for msgid, *_ in flags_of(path, ["number"])] == ["Version %1.5 is needed"]
