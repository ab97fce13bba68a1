"""The ``quantity`` check (units, minus signs, number order) and what the ``number`` check reads
as quantities: digits of every script, scale words in the target's own form."""

from __future__ import annotations

import subprocess
import sys

import pytest

from aligner.checks import check_catalog, run_checks
from aligner.docset import load
from tests.conftest import write_docset
from tests.test_check_cli import write_po
from tests.test_checks import one_to_one


def _po_text(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")


def flags_of(tmp_path, lang, pairs, checks=("number", "quantity")):
    body = "".join(f'msgid "{_po_text(a)}"\nmsgstr "{_po_text(b)}"\n\n' for a, b in pairs)
    path = write_po(tmp_path / f"{lang}.po", lang, body)
    return check_catalog(path, list(checks))


def found(tmp_path, lang, source, target, checks=("number", "quantity")):
    return [
        (f.check, f.severity, f.expected)
        for f in flags_of(tmp_path, lang, [(source, target)], checks)
    ]


# --- order ------------------------------------------------------------------------------


def test_two_numbers_swapped_are_flagged_with_the_fix(tmp_path):
    flags = flags_of(tmp_path, "ru", [("Use a value from 5 to 10", "Укажите значение от 10 до 5")])
    assert [(f.check, f.expected) for f in flags] == [("quantity", "5 до 10")]
    assert "swapped" in flags[0].message and "en says from 5 to 10" in flags[0].message
    flags = flags_of(
        tmp_path,
        "ru",
        [("Between 16 and 64 columns, 8 by default", "От 64 до 16 столбцов, по умолчанию 8")],
    )
    assert [(f.check, f.expected) for f in flags] == [("quantity", "16 до 64")]


def test_two_values_of_several_numbers_swapped_as_wholes_are_flagged(tmp_path):
    # "16,16" and "20,20" are one size each: the four numbers differ in four places, but two
    # joined values are transposed; Russian reads "16,16" as one decimal, the digits agree
    for lang, target in (
        ("zh", "图标大小的列表（gtk-menu=20,20:gtk-button=16,16...）"),
        ("ru", "Список размеров значков (gtk-menu=20,20;gtk-button=16,16...)"),
    ):
        flags = flags_of(
            tmp_path, lang, [("List of icon sizes (gtk-menu=16,16:gtk-button=20,20...)", target)]
        )
        assert [f.check for f in flags] == ["quantity"], flags
        assert '"20,20" and "16,16" swapped' in flags[0].message
    flags = flags_of(
        tmp_path,
        "ru",
        [
            (
                "immediate must be a multiple of 2 in the range of +/-[0,254]",
                "непосредственное значение должно быть кратно 0,254 и в диапазоне +/-[2]",
            )
        ],
    )
    assert [f.check for f in flags] == ["quantity"], flags


def test_joined_values_in_the_same_order_are_fine(tmp_path):
    pairs = [
        (
            "List of icon sizes (gtk-menu=16,16:gtk-button=20,20...)",
            "图标大小（gtk-menu=16,16:gtk-button=20,20...）",
        ),
        ("Network 192.168.0.0/24 and port 80", "网络 192.168.0.0/24 和端口 80"),
    ]
    assert not flags_of(tmp_path, "zh", pairs)


def test_numbers_in_the_same_order_or_reordered_with_their_words_are_fine(tmp_path):
    assert found(tmp_path, "ru", "Use a value from 5 to 10", "Укажите значение от 5 до 10") == []
    # compound adjectives move with their nouns: real ru/kk/zh catalogs do this
    assert (
        found(
            tmp_path,
            "ru",
            "16-bit relocation used in 8-bit operand",
            "в 8-битном операнде используется 16-битное перемещение",
        )
        == []
    )
    # a right-to-left line shows "۹×۶" as 6×9: Persian translators type it reversed
    assert found(tmp_path, "fa", "6×9 Envelope", "پاکت ۹×۶") == []
    # three numbers with two transposed is still one swap
    assert (
        found(
            tmp_path,
            "zh_CN",
            "Send 3 packets of 64 bytes in 10 seconds",
            "在10秒内发送3个64字节的数据包",
        )
        == []
    )  # two moved: not a transposition


# --- units ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "lang, target, expected",
    [
        ("ru", "Расстояние: 5 м", "5 км"),
        ("kk", "Қашықтық: 5 м", "5 км"),
        ("zh_CN", "距离：5米", "5千米"),
    ],
)
def test_a_unit_changed_is_flagged_in_the_targets_own_form(tmp_path, lang, target, expected):
    flags = flags_of(tmp_path, lang, [("Distance: 5 km", target)])
    assert [(f.check, f.severity, f.expected) for f in flags] == [("quantity", "error", expected)]
    assert "en says 5 km" in flags[0].message


@pytest.mark.parametrize(
    "source, target, expected",
    [
        ("Wait 5 seconds", "Подождите 5 минут", "5 секунд"),
        ("Size: 5 MB", "Размер: 5 ГБ", "5 МБ"),
        ("Timeout 200 ms", "Тайм-аут 200 с", "200 мс"),
    ],
)
def test_time_and_data_units(tmp_path, source, target, expected):
    assert found(tmp_path, "ru", source, target) == [("quantity", "error", expected)]


@pytest.mark.parametrize(
    "lang, source, target",
    [
        ("ru", "Distance: 5 km", "Расстояние: 5 км"),
        ("ru", "Wait 5 seconds", "Подождите 5 секунд"),
        ("ru", "Size: 5 MiB", "Размер: 5 МБ"),
        ("zh_CN", "Distance: 5 km", "距离：5千米"),
        ("zh_CN", "Wait 10 ms", "等待 10 毫秒"),
        ("ru", "sleep 5m", "пауза 5 минут"),  # "5m" is a code to the facts: no unit compared
        ("ru", "Repeat every 5 m", "Повторять каждые 5 мин"),  # "m" may be minutes
    ],
)
def test_the_same_unit_in_any_script_is_fine(tmp_path, lang, source, target):
    assert found(tmp_path, lang, source, target) == []


# --- signs ------------------------------------------------------------------------------


def test_a_lost_minus_sign_is_flagged(tmp_path):
    flags = flags_of(
        tmp_path, "ru", [("Set to -1 to disable cleaning", "Установите 1, чтобы отключить очистку")]
    )
    assert [(f.check, f.expected) for f in flags] == [("quantity", "-1")]
    assert "minus sign lost" in flags[0].message and "en says -1" in flags[0].message
    assert found(tmp_path, "zh_CN", "Temperature −5 °C", "温度 5 °C") == [
        ("quantity", "error", "−5")
    ]


@pytest.mark.parametrize(
    "lang, source, target",
    [
        ("ru", "Set to -1 to disable cleaning", "Чтобы отключить очистку, установите -1"),
        ("ru", "Temperature −5 °C", "Температура -5 °C"),  # U+2212 and the hyphen-minus agree
        ("zh_CN", "accepted values are from -1 to 6", "可接受的值在 -1 到 6 之间"),
        ("zh_CN", "-1 turns logging off.", "使用-1关闭日志."),
        ("ru", "Pages 1-2", "Страницы 1-2"),  # a range, not a sign
        ("ru", "- 5 files\n- 6 folders", "5 файлов\n6 папок"),  # list dashes
        ("ru", "Use UTF-8", "Используйте UTF-8"),
    ],
)
def test_signs_kept_and_dashes_that_are_no_signs_are_fine(tmp_path, lang, source, target):
    assert found(tmp_path, lang, source, target) == []


def test_a_minus_sign_added_is_a_warning(tmp_path):
    assert found(tmp_path, "ru", "Offset 5 pixels", "Смещение -5 пикселей") == [
        ("quantity", "warning", "5")
    ]


# --- scale words ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "lang, target",
    [
        ("ru", "5 млн человек"),
        ("ru", "5 миллионов человек"),
        ("kk", "5 миллион адам"),
        ("zh_CN", "500万人"),
        ("zh_CN", "五百万人"),
    ],
)
def test_scale_words_compare_as_values(tmp_path, lang, target):
    assert found(tmp_path, lang, "5 million people", target) == []


@pytest.mark.parametrize(
    "lang, target, expected",
    [
        ("ru", "5 млрд человек", "5 млн"),
        ("kk", "5 млрд адам", "5 млн"),
        ("zh_CN", "500亿人", "500万"),
    ],
)
def test_a_scale_word_changed_gets_the_fix_with_the_targets_scale_word(
    tmp_path, lang, target, expected
):
    flags = flags_of(tmp_path, lang, [("5 million people", target)])
    assert [(f.check, f.severity, f.expected) for f in flags] == [("number", "error", expected)]
    assert "en 5 million" in flags[0].message


# --- digits of every script ---------------------------------------------------------------


@pytest.mark.parametrize(
    "lang, target",
    [
        ("fa", "خطا (۴۰۳)"),
        ("ar", "خطأ (٤٠٣)"),
        ("hi", "त्रुटि (४०३)"),
        ("bn", "ত্রুটি (৪০৩)"),
        ("zh_CN", "错误（４０３）"),
    ],
)
def test_digits_of_every_script_are_the_numbers_they_are(tmp_path, lang, target):
    assert found(tmp_path, lang, "Error (403)", target, ("number",)) == []


def test_a_changed_digit_in_another_script_is_flagged_in_that_script(tmp_path):
    flags = flags_of(tmp_path, "fa", [("Error 403 at line 25", "خطای ۴۰۴ در خط ۲۵")], ("number",))
    assert [(f.severity, f.expected) for f in flags] == [("error", "۴۰۳")]
    assert "en 403" in flags[0].message


def test_superscripts_beside_a_changed_number_do_not_stop_the_check(tmp_path):
    # "³" is a digit to Python (isdigit) but has no zero to count from (a calculator's
    # catalog): the suggestion keeps ASCII digits and the check goes on
    flags = flags_of(tmp_path, "ru", [("Volume 20 m³", "Объём 30 м³")], ("number",))
    assert [(f.severity, f.expected) for f in flags] == [("error", "20")]


# --- what real catalogs do that is no damage ------------------------------------------------


@pytest.mark.parametrize(
    "lang, source, target",
    [
        (
            "ru",
            "use locale-defined grouping of digits, e.g. 1,000,000",
            "группировать цифры согласно локали (например 1,000,000)",
        ),  # copied verbatim
        (
            "ru",
            "Shift value should be in the range [0,31]",
            "Значение сдвига должно быть в диапазоне [0,31]",
        ),
        (
            "zh_CN",
            "Invalid pathspec magic '%.*s' in '%s'",
            "在路径规格 '%3$s' 中无效的神奇前缀 '%2$.*1$s'",
        ),
        ("ru", "perform a 3-way merge with the new branch", "выполнить трехходовое слияние"),
        ("zh_CN", "perform a 3-way merge with the new branch", "和新的分支执行三方合并"),
        ("ru", "A value of 0 turns off the timeout.", "Нулевое значение отключает тайм-аут."),
        ("ru", "corrupted two-phase state file", "испорчен файл состояния 2PC"),
        ("zh_CN", "prc10 Envelope", "中国十号信封"),
        ("ru", "calendar:week_start:0", "calendar:week_start:1"),  # a setting, not text
        ("ar", "Key to choose the 3rd level", "مفتاح لتختار المستوى الثالث"),  # words unread
        ("zh_CN", "English, Middle (1100-1500)", "中古英语"),  # the aside left out
        (
            "zh_CN",
            "Report bugs to: %s\n",
            "请向 <%s> 报告软件错误。\n请向 <i18n-zh@googlegroups.com> 报告翻译错误。\n",
        ),
        ("zh_CN", "prc 32k", "三十二开"),  # the code's number said in words
        ("ru", "not supported in pre-1.3 archives", "не поддерживаются в архивах до версии 1.3"),
        ("ru", "Git's i18n setup code", "Код настройки интернационализации Git"),  # a numeronym
        ("zh_CN", "Extra nanoseconds reach 1 second", "额外的纳秒数已达到一秒钟"),
    ],
)
def test_real_catalog_habits_are_not_flagged(tmp_path, lang, source, target):
    assert found(tmp_path, lang, source, target) == []


@pytest.mark.parametrize(
    "lang, source, target",
    [
        ("ru", "Wait 5 seconds", "Подождите секунд"),  # the number dropped
        ("ru", "Use 3 threads", "Использовать 4 потока"),
        ("ru", "perform a 3-way merge", "выполнить 4-стороннее слияние"),
        ("zh_CN", "Only 2 of 10 files", "只有 2 个文件"),
        (
            "zh_CN",
            "not a regular file with st_nlink=1",
            "不是一个 st_nlink= 的普通文件",
        ),  # 一 is "a"
    ],
)
def test_damage_near_those_habits_is_still_flagged(tmp_path, lang, source, target):
    assert [check for check, _, _ in found(tmp_path, lang, source, target)] == ["number"]


def test_numbers_swapped_in_a_later_plural_form_are_flagged(tmp_path):
    header = (
        'msgid ""\nmsgstr ""\n"Language: ru\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
        '"Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && '
        'n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);\\n"\n\n'
    )
    body = (
        'msgid "%u byte; at most 2<<26 bytes (64 MiB)."\n'
        'msgid_plural "%u bytes; at most 2<<26 bytes (64 MiB)."\n'
        'msgstr[0] "%u байт; не больше 2<<26 байт (64 МиБ)."\n'
        'msgstr[1] "%u байта; не больше 2<<26 байт (64 МиБ)."\n'
        'msgstr[2] "%u байтов; не больше 64<<26 байт (2 МиБ)."\n\n'
    )
    path = tmp_path / "ru.po"
    path.write_text(header + body, encoding="utf-8")
    flags = check_catalog(path, ["quantity"])
    assert [(f.paragraph, f.expected) for f in flags] == [(2, "2<<26 байт (64")]


def test_a_number_in_words_keeps_its_unit(tmp_path):
    assert found(tmp_path, "zh_CN", "Read zero bytes", "只读到了 0 千字节") == [
        ("quantity", "error", "0 字节")
    ]


def test_plural_forms_compare_digits_by_presence(tmp_path):
    body = (
        'msgid "Maximum length is 2<<26 bytes (%u byte)."\n'
        'msgid_plural "Maximum length is 2<<26 bytes (%u bytes)."\n'
        'msgstr[0] "最大长度应为 2<<26 字节（%u 字节）。"\n\n'
    )
    assert check_catalog(write_po(tmp_path / "zh.po", "zh_CN", body), ["number"]) == []
    damaged = body.replace("2<<26 字节", "2<< 字节")
    flags = check_catalog(write_po(tmp_path / "zh2.po", "zh_CN", damaged), ["number"])
    assert flags and any("26" in f.message for f in flags)


# --- docsets and the CLI ------------------------------------------------------------------


def test_in_a_docset_the_version_that_swaps_is_flagged_against_the_others(tmp_path):
    files = {
        "en.txt": "The talks lasted from 2 to 5 hours.",
        "ru.txt": "Переговоры длились от 5 до 2 часов.",
        "kk.txt": "Келіссөздер 2-ден 5 сағатқа дейін созылды.",
        "docset.toml": 'order = ["en", "ru", "kk"]\n',
    }
    docset = load(write_docset(tmp_path / "ds", files))
    flags = run_checks(docset, one_to_one(docset), ["quantity"])
    assert [(f.lang, f.check, f.expected) for f in flags] == [("ru", "quantity", "2 до 5")]
    assert set(flags[0].evidence) == {"en", "kk"}


def test_cli_reports_a_unit_change_with_its_suggestion(tmp_path):
    path = write_po(
        tmp_path / "ru.po",
        "ru",
        'msgid "Distance: 5 km"\nmsgstr "Расстояние: 5 м"\n\n'
        'msgid "Wait 5 seconds"\nmsgstr "Подождите 5 секунд"\n',
    )
    result = subprocess.run(
        [sys.executable, "-m", "aligner", "check", str(path), "--checks", "quantity"],
        capture_output=True,
        text=True,
    )
    assert "5 км" in result.stdout and "en says 5 km" in result.stdout
    assert "секунд" not in result.stdout


def test_a_unit_joined_to_its_number_by_a_hyphen_is_compared(tmp_path):
    source = "default to 1024-byte blocks for file system usage"
    assert not found(tmp_path, "zh", source, "显示文件系统使用量时，默认使用 1024 字节的块大小")
    flags = found(tmp_path, "zh", source, "显示文件系统使用量时，默认使用 1024 千字节的块大小")
    assert [check for check, *_ in flags] == ["quantity"]
