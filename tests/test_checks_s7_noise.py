"""Real catalogs' untouched messages that are no error, third reading (seed 7's new catalogs).

Each class was read among the flags on catalogs no development seed held (bfd, postgres,
thunar, gparted, gnome-maps, evolution-data-server, ...); beside each rule, the damage it
must still find.
"""

from __future__ import annotations

from tests.test_checks_recall import catalog, flags_of


def _messages(path, check):
    return [message for *_, message in flags_of(path, [check])]


def test_two_full_stops_between_values_are_a_range(tmp_path):
    path = catalog(
        tmp_path,
        [
            ("Value must be in the range %d to %d.", "Значение должно быть в интервале %d..%d."),
            ("Done.", "Готово.. Далее"),
            ("time out of range: %d:%02d", "время вне диапазона: %d::%02d"),
            ("test-output.%s", "test-output..%s"),
        ],
    )
    assert _messages(path, "repeat") == [
        '"..": punctuation doubled',
        '"::": punctuation doubled',
        '"..": punctuation doubled',
    ]


def test_spaces_before_an_equals_sign_line_up_a_column(tmp_path):
    path = catalog(
        tmp_path,
        [
            ("Partition[%d] length = 0x%.8lx (%ld)\n", "Длина раздела[%d]   = 0x%.8lx (%ld)\n"),
            ("Partition[%d] sector = 0x%.8lx (%ld)\n", "Сектор раздела[%d]  = 0x%.8lx (%ld)\n"),
            ("Software offered by third parties.", "Программы  сторонних разработчиков."),
            (" (start == end)", " (начало  == конец)"),
        ],
    )
    assert _messages(path, "repeat") == ["2 spaces in a row", "2 spaces in a row"]


KEYWORDS = "bulk;renamer;renaming;thunar;files;folders;"


def test_a_search_keyword_listed_twice_renders_two_synonyms(tmp_path):
    path = catalog(
        tmp_path,
        [
            (KEYWORDS, "массовое;переименование;переименование;thunar;файлы;папки;"),
            ("Files, folders, drives", "Файлы, папки, папки"),
        ],
    )
    assert _messages(path, "repeat") == ['list item "папки" repeats the one before it']


def test_msgids_underscore_inside_a_word_is_the_mnemonic_where_msgstrs_is_one(tmp_path):
    path = catalog(
        tmp_path,
        [
            ("New UU_ID", "Новый _UUID"),
            ("Set proto_version", "Задать proto_verson"),
        ],
    )
    assert _messages(path, "spelling") == [
        '"proto_verson" misspelt? — msgid says "proto_version" → proto_version',
    ]


def test_a_word_cut_short_by_two_letters_or_more_names_it(tmp_path):
    path = catalog(
        tmp_path,
        [
            ("procfs file for %s namespace not available\n", "proc-файл для %s недоступен\n"),
            ("See the manual page; it may help.", "См. страницу man."),
            ("Cannot convert “%s” into a valid NSURL.", "Не удалось преобразовать «%s» в NSUR."),
        ],
    )
    assert _messages(path, "spelling") == ['"NSUR" misspelt? — msgid says "NSURL" → NSURL']


GVFS = (
    'It looks like <a href="https://wiki.gnome.org/Projects/gvfs">gvfs</a> is not available.\n'
    'This feature will not work. <a href="https://docs.xfce.org/xfce/thunar/unix-filesystem'
    '#gnome_virtual_file_system">[Read more]</a>'
)


def test_a_link_in_markup_ends_at_its_quote(tmp_path):
    from aligner.checks.lengths import measured

    russian = GVFS.replace("It looks like", "Похоже, что").replace(
        "is not available.\nThis feature will not work.",
        "недоступен.\nЭта функция не будет работать.",
    )
    source, target = measured(GVFS, russian.replace("Read more", "Узнать больше"))
    assert 0.8 < target / source < 1.2


def test_a_scheme_named_is_no_link_and_a_numbered_argument_is_the_same_argument(tmp_path):
    path = catalog(
        tmp_path,
        [
            (
                "This is not a valid URL. Make sure to include http:// or https://.",
                "Бұл дұрыс URL емес. http:// немесе https:// қосылғанын тексеріңіз.",
            ),
            (
                "%s home page: <http://www.gnu.org/software/%s/>\n",
                "%1$s 的主页：<http://www.gnu.org/software/%2$s/>\n",
            ),
            (
                "If not, see http://www.gnu.org/licenses/.",
                "如果没有，请参见 http://www.gnu.org/License/。",
            ),
        ],
        lang="kk",
    )
    assert _messages(path, "verbatim") == [
        "URL http://www.gnu.org/licenses/ of msgid is http://www.gnu.org/License/ in msgstr"
    ]


def test_two_messages_of_one_msgid_may_differ_in_a_word_or_the_spacing(tmp_path):
    path = catalog(
        tmp_path,
        [
            ("Create a new project", "创建一个新的项目"),
            ("Create a new project:", "创建一个新项目："),
            ("Could not create folder “%s”:\n%s", "无法创建文件夹“%s”：\n%s"),
            ("Could not create folder “%s”: %s", "无法创建文件夹“%s”：%s"),
            ("%i bytes unknown data", "%i байтов неизвестных данных"),
            ("%i bytes unknown data: ", "%i байт неизвестных данных: "),
            ("The sizes do not match (local %s).\n", "Размеры файлов не совпадают (%s).\n"),
            ("The sizes do not match (local %s).\n\n", "Размеры не совпадают (%s).\n\n"),
            # slips: a letter inside a word, a mark, several words
            ("Minimum interval in milliseconds", "Минимальный интервал в милисекундах"),
            ("minimum interval in milliseconds", "минимальный интервал в миллисекундах"),
            ("Expected comma after name %s", 'Ожидается запятая после имени «"%s»'),
            ("expected comma after name %s", "ожидается запятая после имени «%s»"),
            (
                "y - discard this hunk from index and worktree",
                "y - отбросить блок из индекса и дерева",
            ),
            ("Y - discard this hunk from index and worktree", "y - отбросить блок из дерева"),
        ],
    )
    assert [msgid for msgid, *_ in flags_of(path, ["consistency"])] == [
        "minimum interval in milliseconds",
        "expected comma after name %s",
        "Y - discard this hunk from index and worktree",
    ]


_WORDS = ("archive", "folder", "picture", "letter", "table", "backup", "printer", "window")
FILLER = [
    (
        f"The {word} number {i} could not be opened for reading.",
        f"Не удалось открыть для чтения объект {word} номер {i}.",
    )
    for i in range(5)
    for word in _WORDS
]


def test_a_short_msgstr_that_ends_its_sentences_is_a_concise_rendering(tmp_path):
    header = "Whether the editor should include a document header when printing documents."
    phone = "Phone number. Use the international format, starting with a + sign. Mind the law."
    path = catalog(
        tmp_path,
        [
            *FILLER,
            (header, "Следует ли печатать заголовок документа."),
            (header.replace("editor", "viewer"), "Следует ли печатать заголовок"),  # cut
            (phone, "Номер телефона. Используйте формат «+»."),  # a sentence lost
        ],
    )
    assert [msgid[:30] for msgid, *_ in flags_of(path, ["omission"])] == [
        header.replace("editor", "viewer")[:30],
        phone[:30],
    ]


def test_a_latin_look_alike_inside_a_russian_word_is_a_misspelling(tmp_path):
    path = catalog(
        tmp_path,
        [
            ("HTTP proxy server closed connection unexpectedly.", "Cервер закрыл соединение."),
            ("too few arguments", "cлишком мало аргументов"),
            ("Mérida", "Mерида"),
            ("IFree", "IСвободно"),  # df's inode prefix, glued in msgid too
            ("  Xunit (unit = s, ms)", "  Xединица (единица = s, ms)"),
            ("%C20Channel", "%C20Канал"),
            ("ARG1 * ARG2", "AРГ1 * AРГ2"),  # a metavariable in capitals
        ],
    )
    assert _messages(path, "spelling") == [
        '"Cервер" misspelt? (Latin letters among Cyrillic ones) → Сервер',
        '"cлишком" misspelt? (Latin letters among Cyrillic ones) → слишком',
        '"Mерида" misspelt? (Latin letters among Cyrillic ones) → Мерида',
    ]
