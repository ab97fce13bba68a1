"""What the common-word lists (``aligner.wordlists``) let the checks see on real-looking
catalogs: a copied common English word ("Options:", "Monday") is untranslated, a name kept
in Latin letters ("Bruno Haible", "Zlib") and a block of key labels are not; Russian in a
Kazakh catalog by its word order ("Архив Zlib") and by its common words ("Выберите имя
файла"), while Kazakh with the loanwords it shares with Russian stays quiet."""

from __future__ import annotations

import json
import subprocess
import sys

import polib

from aligner.checks import check_catalog
from tests.conftest import run_aligner
from tests.test_checks_recall import catalog


def flagged(path, check):
    """msgid -> message of each flag ``aligner check --format json`` reports for ``check``."""
    result = run_aligner("check", str(path), "--checks", check, "--format", "json")
    assert result.returncode in (0, 1), result.stderr
    msgids = [e.msgid for e in polib.pofile(str(path)) if e.msgid]
    return {msgids[flag["entry"]]: flag["message"] for flag in json.loads(result.stdout)["flags"]}


# a Russian catalog: what it translates, with a translated message between any two copies
RUSSIAN = [
    ("Save the document", "Сохранить документ"),
    ("Open a file", "Открыть файл"),
    ("Could not read the folder", "Не удалось прочитать папку"),
    ("Recent files", "Недавние файлы"),
    ("Print preview", "Предварительный просмотр"),
    ("Close all windows", "Закрыть все окна"),
    ("Quit", "Выход"),
    ("Page setup", "Параметры страницы"),
]


# translated messages to stand between copies, more than the few a kept block spans
VERBS = [
    ("Open", "Открыть"),
    ("Close", "Закрыть"),
    ("Delete", "Удалить"),
    ("Rename", "Переименовать"),
    ("Copy", "Копировать"),
    ("Move", "Переместить"),
]
NOUNS = [
    ("file", "файл"),
    ("folder", "папку"),
    ("link", "ссылку"),
    ("image", "изображение"),
    ("page", "страницу"),
    ("tab", "вкладку"),
    ("window", "окно"),
    ("note", "заметку"),
    ("list", "список"),
]
BETWEEN = [(f"{v} the {n}", f"{vr} {nr}") for n, nr in NOUNS for v, vr in VERBS]


def _one_at_a_time(copies):
    pairs = list(RUSSIAN)
    for index, copy in enumerate(copies):
        pairs += [copy, *BETWEEN[6 * index : 6 * index + 6]]
    return pairs


def test_a_copied_common_english_word_is_untranslated_a_name_is_not(tmp_path):
    copies = [
        ("Options:\n", "Options:\n"),
        ("Monday", "Monday"),
        ("Aborted", "Aborted"),
        ("_Yes", "_Yes"),  # a label's accelerator
        ("(seconds)", "(seconds)"),  # words in brackets
        ("Bruno Haible", "Bruno Haible"),  # a person's name
        ("Zlib", "Zlib"),  # no English word
        ("<stdin>", "<stdin>"),  # a token
        ("st_nlink", "st_nlink"),  # an identifier
    ]
    found = flagged(catalog(tmp_path, _one_at_a_time(copies), "ru"), "untranslated")
    assert set(found) == {"Options:\n", "Monday", "Aborted", "_Yes", "(seconds)"}
    assert '"monday" is a common English word' in found["Monday"]


def test_key_labels_kept_a_block_at_a_time_are_not_untranslated(tmp_path):
    # gtk's keyboard labels: the catalog keeps most of them, translating a few between
    keys = [
        ("Shift", "Shift"),
        ("Left", "Влево"),
        ("Super", "Super"),
        ("Up", "Вверх"),
        ("Escape", "Escape"),
        ("Right", "Вправо"),
        ("Return", "Return"),
    ]
    assert flagged(catalog(tmp_path, RUSSIAN + keys, "ru"), "untranslated") == {}


def test_the_word_lists_are_read_only_when_a_copy_asks(tmp_path):
    """A catalog without a copied message never reads them (start-up stays short), and
    wordfreq itself is never imported (its tokenizers cost 0.2 s)."""
    path = catalog(tmp_path, RUSSIAN, "ru")
    probe = (
        "import sys\n"
        "from aligner.checks import check_catalog\n"
        "from aligner import wordlists\n"
        f"check_catalog({str(path)!r})\n"
        "print(wordlists._bands.cache_info().currsize, 'wordfreq' in sys.modules)\n"
        "print(wordlists.zipf('monday', 'en') > 4, wordlists.zipf('haible', 'en'),\n"
        "      wordlists.zipf('файла', 'ru') >= 3, 'wordfreq' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout.split("\n")
    assert out[0] == "0 False"
    assert out[1] == "True 0.0 True False"


# a Kazakh catalog: its own words, and loanwords it shares with Russian
KAZAKH = [
    ("Settings", "Баптаулар"),
    ("Save file", "Файлды сақтау"),
    ("Close", "Жабу"),
    ("Model", "Модель"),
    ("Open folder", "Буманы ашу"),
    ("Select a folder", "Буманы таңдаңыз"),
    ("Gzip archive", "Gzip архиві"),
    ("Video CD", "видео CD"),
    ("Website", "Веб сайт"),
    ("_Cancel", "Ба_с тарту"),
    ("Burkina Faso", "Буркина-Фасо"),
    ("Archive", "Архив"),
]


def test_russian_in_a_kazakh_catalog_by_word_order_and_common_words(tmp_path):
    pairs = KAZAKH + [
        ("Zlib archive", "Архив Zlib"),
        ("Enlightenment theme", "Тема Enlightenment"),
        ("Select a filename", "Выберите имя файла"),
        ("Output Tray", "Лоток вывода"),
    ]
    found = flagged(catalog(tmp_path, pairs, "kk"), "language")
    assert set(found) == {
        "Zlib archive",
        "Enlightenment theme",
        "Select a filename",
        "Output Tray",
    }
    assert "'Zlib' after 'Архив', in Russian word order" in found["Zlib archive"]


def test_the_same_checks_in_process_agree_with_the_cli(tmp_path):
    path = catalog(tmp_path, KAZAKH + [("CSV document", "Документ CSV")], "kk")
    assert [(f.entry, f.check) for f in check_catalog(path, ["language"])] == [
        (len(KAZAKH), "language")
    ]


def _country_names(tmp_path, copied_every):
    """pycountry's Russian country names as a catalog, every ``copied_every``-th of the
    one-word names that are no common English word ("Tuvalu", not "Greece": a copy of
    that is the common-word rule's) kept as msgid has it."""
    import os

    import pycountry

    from aligner.wordlists import zipf

    mo = polib.mofile(os.path.join(pycountry.LOCALES_DIR, "ru", "LC_MESSAGES", "iso3166-1.mo"))
    pairs, copied, rare = [], [], 0
    for entry in mo:
        if not entry.msgid or not entry.msgstr:
            continue
        msgstr, msgid = entry.msgstr, entry.msgid
        if msgid.isascii() and msgid.isalpha() and not zipf(msgid.lower(), "en"):
            rare += 1
            if rare % copied_every == 0:
                msgstr = msgid
                copied.append(msgid)
        pairs.append((msgid, msgstr))
    return catalog(tmp_path, pairs, "ru", name=f"iso-{copied_every}.po"), copied


def test_a_few_names_copied_where_the_catalog_translates_its_names_are_slips(tmp_path):
    # 3 of its 245 names copied (1.2%: over 1%, within a 1% slip rate's spread) are
    # slips; a catalog that copies 1 name in 8 keeps them by habit (a copy is flagged there
    # only where its word is one the catalog translates elsewhere: "Republic of Kiribati")
    path, copied = _country_names(tmp_path, 10)
    assert len(copied) == 3
    found = flagged(path, "untranslated")
    assert set(found) == set(copied)  # "Gabon": a slip; "Nauru": "Republic of Nauru" too
    # (245 with the names written with accents, "Curaçao", "Réunion": words as any other)
    assert "keeps only 3 of its 245" in found["Gabon"]
    path, copied = _country_names(tmp_path, 1)
    assert len(copied) >= 239 // 8
    assert not any("keeps only" in message for message in flagged(path, "untranslated").values())


def test_russian_adjective_endings_in_a_kazakh_catalog_even_in_a_name(tmp_path):
    """A Russian adjective ("Объединённые", "Мероитские") is Russian in a Kazakh catalog,
    even opening a name whose other words are capitalised; a Kazakh name opening with a
    noun ("Маврикий Республикасы") stays quiet."""
    pairs = KAZAKH + [
        ("Republic of Mauritius", "Маврикий Республикасы"),
        ("Tanzania", "Танзания"),
        ("United Arab Emirates", "Объединённые Арабские Эмираты"),
        ("Meroitic Hieroglyphs", "Мероитские иероглифы"),
    ]
    found = flagged(catalog(tmp_path, pairs, "kk"), "language")
    assert set(found) == {"United Arab Emirates", "Meroitic Hieroglyphs"}
    assert "'объединённые'" in found["United Arab Emirates"]


def test_a_name_after_of_put_last_is_russian_word_order_in_a_kazakh_catalog(tmp_path):
    """Kazakh puts the name of "Republic of Haiti" first ("Гаити Республикасы"), Russian
    last ("Республика Гаити"): the order alone tells them, though every word is a name."""
    pairs = KAZAKH + [
        ("Republic of Chile", "Чили Республикасы"),
        ("Chile", "Чили"),
        ("Haiti", "Гаити"),
        ("Republic of Haiti", "Республика Гаити"),
    ]
    found = flagged(catalog(tmp_path, pairs, "kk"), "language")
    assert set(found) == {"Republic of Haiti"}
    assert "'Гаити' after 'Республика', in Russian word order" in found["Republic of Haiti"]


# a Chinese settings catalog: its words translated, the values of a setting kept as they are
CHINESE_SETTINGS = [
    ("Window state", "窗口状态"),
    ("The state of the panel", "面板的状态"),
    ("Save the state", "保存状态"),
    ("Show the state", "显示状态"),
    ("Close the window", "关闭窗口"),
    ("Open a file", "打开文件"),
    (
        "What a double click on the title bar does: “toggle-shade” or “toggle-maximize”.",
        "双击标题栏的效果：“toggle-shade”或“toggle-maximize”。",
    ),
    (
        "What a middle click on the title bar does: “toggle-shade” or “toggle-maximize”.",
        "鼠标中键点击标题栏的效果：“toggle-shade”或“toggle-maximize”。",
    ),
    ("Minimize the window", "最小化窗口"),
    ("Lower the window", "降低窗口"),
]


def test_a_word_kept_only_inside_a_setting_value_is_no_word_the_catalog_keeps(tmp_path):
    """A setting's value ("toggle-shade") is kept as a token: "Toggle shaded state" copied is
    still untranslated, its "state" translated everywhere else."""
    pairs = CHINESE_SETTINGS + [("Toggle shaded state", "Toggle shaded state")]
    found = flagged(catalog(tmp_path, pairs, "zh_CN"), "untranslated")
    assert set(found) == {"Toggle shaded state"}


# a Russian command-line catalog: its labels in capitals translated, and the words of its
# labels translated in its sentences
LABELS = [
    ("FILE", "ФАЙЛ"),
    ("PATH", "ПУТЬ"),
    ("NAME", "ИМЯ"),
    ("COMMAND", "КОМАНДА"),
    ("DEVICE", "УСТРОЙСТВО"),
    ("ACTION", "ДЕЙСТВИЕ"),
    ("Get the handler of a type", "Получить обработчик типа"),
    ("No handler is set", "Обработчик не задан"),
    ("  %s [OPTION]... FILE\n", "  %s [ПАРАМЕТР]... ФАЙЛ\n"),
    ("error: %s", "ошибка: %s"),
    ("an error in the file", "ошибка в файле"),
    ("failed to unlink the file", "не удалось удалить файл"),
    ("the key and its value", "ключ и его значение"),
    ("DIRECTORY", "КАТАЛОГ"),
    ("SIZE", "РАЗМЕР"),
    ("COUNT", "КОЛИЧЕСТВО"),
    ("TARGET", "ЦЕЛЬ"),
]


def test_a_copied_label_or_field_whose_words_the_catalog_translates_is_untranslated(tmp_path):
    """A copy with no plain word ("HANDLER", "[OPTION]", "error: ") in a catalog that seldom
    copies, when its words are ones the catalog translates where its msgids have them."""
    copies = [
        ("HANDLER", "HANDLER"),
        ("  %s [OPTION]...\n", "  %s [OPTION]...\n"),
        ("error: ", "error: "),
    ]
    found = flagged(catalog(tmp_path, _one_at_a_time(copies) + LABELS, "ru"), "untranslated")
    assert set(found) == {"HANDLER", "  %s [OPTION]...\n", "error: "}
    assert '"option" in 1 other message' in found["  %s [OPTION]...\n"]


def test_calls_values_and_labels_the_catalog_keeps_are_no_untranslated_copies(tmp_path):
    """The call that failed ("%s: unlink: %s"), a literal value ("key=value") and a label
    the catalog's other messages keep ("SCHEMA" in "SCHEMA KEY") stay quiet; so does a
    label in a catalog that keeps its labels as often as not."""
    copies = [
        ("%s: unlink: %s\n", "%s: unlink: %s\n"),
        ("key=value", "key=value"),
        ("SCHEMA", "SCHEMA"),
        ("SCHEMA KEY", "SCHEMA KEY"),
    ]
    path = catalog(tmp_path, _one_at_a_time(copies) + LABELS, "ru")
    assert flagged(path, "untranslated") == {}
    keeping = [
        (msgid, msgid) if i % 2 else (msgid, msgstr) for i, (msgid, msgstr) in enumerate(LABELS[:6])
    ]
    pairs = _one_at_a_time([("HANDLER", "HANDLER")]) + keeping + LABELS[6:]
    assert flagged(catalog(tmp_path, pairs, "ru", name="keeping.po"), "untranslated") == {}


def test_copies_of_placeholders_and_numbers_make_no_block_of_kept_names(tmp_path):
    """ "%d. %s" or "2000" kept as they are keep no word: a copied sentence among them is
    not one of a block of names kept on purpose."""
    block = [
        ("%d. %s", "%d. %s"),
        ("_%d. %s", "_%d. %s"),
        ("unsupported image variation", "unsupported image variation"),
        ("%d %%", "%d %%"),
        ("2000", "2000"),
    ]
    pairs = BETWEEN + [("unsupported file type", "неподдерживаемый тип файла")] + block + RUSSIAN
    found = flagged(catalog(tmp_path, pairs, "ru"), "untranslated")
    assert set(found) == {"unsupported image variation"}


def test_a_copied_label_with_a_value_where_the_catalog_translates_labels(tmp_path):
    """ "HINT:  %s" is a label in capitals as "FILE" is (its placeholder is no word): copied
    where the catalog translates its labels, it is untranslated."""
    labels = [
        ("DETAIL:  %s\n", "ПОДРОБНОСТИ:  %s\n"),
        ("QUERY:  %s\n", "ЗАПРОС:  %s\n"),
        ("CONTEXT:  %s\n", "КОНТЕКСТ:  %s\n"),
        ("STATEMENT:  %s\n", "ОПЕРАТОР:  %s\n"),
        ("ERROR", "ОШИБКА"),
        ("NOTICE", "ЗАМЕЧАНИЕ"),
    ]
    pairs = _one_at_a_time([("HINT:  %s\n", "HINT:  %s\n")]) + labels
    found = flagged(catalog(tmp_path, pairs, "ru"), "untranslated")
    assert set(found) == {"HINT:  %s\n"}
    assert "translates 6 of its 7 labels" in found["HINT:  %s\n"]


def test_a_name_the_language_writes_in_latin_letters_is_no_untranslated_word(tmp_path):
    """ "Facebook", "Bluetooth", "Windows" are in Russian texts, in Latin letters, nearly
    as often as in English ones: names kept as they are; "Today" is an English word Russian
    texts seldom have."""
    copies = [
        ("Facebook", "Facebook"),
        ("Bluetooth", "Bluetooth"),
        ("Today", "Today"),
        ("Windows", "Windows"),
    ]
    found = flagged(catalog(tmp_path, _one_at_a_time(copies), "ru"), "untranslated")
    assert set(found) == {"Today"}
