"""What numbers and units *mean*, compared with msgid (issue 15, branch h-numbers): units
named in words with no number ("in kilobytes", "N 秒"), the unit of a printf argument a
translation numbers ("%3$d千字节"), the fields of a clock time ("23:13:48" → "48秒"); each
beside the faithful translation that must stay quiet."""

from __future__ import annotations

import pytest

from aligner.facts.unit_words import unit_words
from tests.test_checks_quantities import flags_of, found

# --- units named in words ---------------------------------------------------------------


@pytest.mark.parametrize(
    "lang, msgid, msgstr, expected",
    [
        (
            "zh_CN",
            "Sets the maximum stack depth, in kilobytes.",
            "设置最大的堆栈深度，单位是千千字节.",
            "千字节",
        ),
        (
            "zh_CN",
            "Automatic log file rotation will occur after N kilobytes.",
            "当写入了N千千字节会发生自动日志文件切换",
            "千字节",
        ),
        (
            "zh_CN",
            "sleep for N seconds (default 1.0) between iterations",
            "在两次迭代之间睡眠约 N 秒（默认 1.0 分钟）",
            "秒",
        ),
        ("zh_CN", "set read timeout of N tenths of a second", "设置读取超时为 N * 0.1 毫秒", "秒"),
        ("ru", "Timeout in seconds", "Тайм-аут в минутах", "секундах"),
    ],
)
def test_a_unit_word_msgid_never_names_is_flagged(tmp_path, lang, msgid, msgstr, expected):
    flags = flags_of(tmp_path, lang, [(msgid, msgstr)], ("quantity",))
    assert [f.expected for f in flags] == [expected]
    assert "never names" in flags[0].message


@pytest.mark.parametrize(
    "lang, msgid, msgstr",
    [
        (
            "zh_CN",
            "Sets the maximum stack depth, in kilobytes.",
            "设置最大的堆栈深度，单位是千字节.",
        ),
        ("zh_CN", "set read timeout of N tenths of a second", "设置读取超时为 N * 0.1 秒"),
        # a fraction of a second is another unit
        ("zh_CN", "The delay is given in thousandths of a second.", "该延时以毫秒计。"),
        # msgid names no unit of the measure: a translator's explicit unit is no change
        (
            "zh_CN",
            'file "%s" doesn\'t exist, reading as zeroes',
            '文件 "%s" 不存在, 假设读取了 0 千字节',
        ),
        # "second" as an ordinal names no time
        ("zh_CN", "the second argument", "第二个参数（毫秒）"),
        # a compound's second half is not the unit ("нано-секунды" are nanoseconds)
        ("ru", "Extra nanoseconds %d", "Дополнительные нано-секунды %d"),
        # a metavariable names its unit too
        (
            "zh_CN",
            "BYTES may have a suffix: KB 1000, MB 1000*1000",
            "<字节数> 可以有后缀：KB 1000，MB 1000*1000",
        ),
        # "一千字节" is a thousand bytes
        ("zh_CN", "at most 1000 bytes", "最多一千字节"),
    ],
)
def test_units_msgid_names_or_does_not_measure_are_fine(tmp_path, lang, msgid, msgstr):
    assert found(tmp_path, lang, msgid, msgstr, ("quantity",)) == []


def test_unit_words_reads_forms_that_are_units_wherever_they_stand():
    read = [(w.unit, w.strict) for w in unit_words("in Kilobytes, 5 КБ, секунды, 毫秒, 千千字节")]
    assert read == [("KB", True), ("KB", True), ("s", True), ("ms", True), ("千KB", True)]
    # "с", "天", "周", "min" may be something else: a unit the text may name, no more
    assert [w.strict for w in unit_words("min 今天 周期")] == [False, False, False]


# --- printf arguments and clock times -----------------------------------------------------


def test_a_numbered_argument_carries_the_unit_of_msgid_s_argument(tmp_path):
    msgid = 'could not extend file "%s": wrote only %d of %d bytes at block %u'
    flags = flags_of(
        tmp_path,
        "zh_CN",
        [(msgid, '无法扩展文件"%1$s": 只能在块%4$u上写%3$d千字节的%2$d')],
        ("quantity",),
    )
    assert [f.expected for f in flags] == ["%3$d字节"]
    assert (
        found(tmp_path, "zh_CN", msgid, '无法扩展文件"%1$s": 只能在块%4$u上写%3$d字节的%2$d') == []
    )


def test_the_fields_of_a_clock_time_carry_their_units(tmp_path):
    msgid = "  %X   locale's time representation (e.g., 23:13:48)\n"
    flags = flags_of(tmp_path, "zh_CN", [(msgid, "  %X   时间表示法（例如：23时13分48分钟）\n")])
    assert [(f.check, f.expected) for f in flags] == [("quantity", "48秒钟")]
    assert found(tmp_path, "zh_CN", msgid, "  %X   时间表示法（例如：23时13分48秒）\n") == []
    # two fields may be h:mm or m:ss
    assert found(tmp_path, "zh_CN", "wait 1:30", "等待 1 分 30 秒") == []


# --- months ---------------------------------------------------------------------------------

_FORMATS = (
    "  %b   locale's abbreviated month name (e.g., Jan)\n"
    "  %B   locale's full month name (e.g., January)\n"
)


def test_a_month_abbreviation_of_msgid_counts_against_a_changed_month(tmp_path):
    """msgid's "Jan" alone may be a name, but it is what 1月 translates: the 十月 written
    for "January" is then the spare month."""
    damaged = "  %b   月份缩写（例如：1月）\n  %B   月份全称（例如：十月）\n"
    flags = flags_of(tmp_path, "zh_CN", [(_FORMATS, damaged)], ("month",))
    assert [f.expected for f in flags] == ["一"]
    faithful = "  %b   月份缩写（例如：1月）\n  %B   月份全称（例如：一月）\n"
    assert found(tmp_path, "zh_CN", _FORMATS, faithful, ("month",)) == []
    # "May" the verb is no month for that
    assert (
        found(tmp_path, "ru", "You may set it in the file.", "Укажите это в марте.", ("month",))
        == []
    )


# --- dropped numbers ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "lang, msgid, msgstr, expected",
    [
        # the number's companion symbol stays where the number was
        (
            "ru",
            "%s: Verified 0~signatures and encrypted 0~messages.",
            "%s: Проверено ~подписей, зашифровано 0~сообщений.",
            "0",
        ),
        ("zh_CN", "%%z UT offset magnitude exceeds 99:59:59", "%%z UT 偏移量超过了 99::59", "59"),
        ("zh_CN", "cannot have more than 2^32-2 commands", "最多不能超过 ^32-2 个命令", "2"),
        (
            "ru",
            "use a 16-bit macro to load a 16-bit value.",
            "Для загрузки 16-битного значения используйте -битный макрос.",
            "16",
        ),
        ("zh_CN", "a value between 1 MB and 1 GB", "介于1 MB和 GB之间的值", "1"),
        # a translation that says every other repeated number as often has lost this one
        (
            "ru",
            "Exit status is 0 on success, 2 on error.\nWith --fail the status is 2; "
            "with --warn it is 0, with --ignore 0.",
            "Код завершения 0 при успехе, 2 при ошибке.\nС --fail код равен; "
            "с --warn он равен 0, с --ignore 0.",
            "2",
        ),
    ],
)
def test_a_number_said_fewer_times_is_lost_where_its_place_stands_empty(
    tmp_path, lang, msgid, msgstr, expected
):
    flags = flags_of(tmp_path, lang, [(msgid, msgstr)], ("number",))
    assert [f.expected for f in flags] == [expected]


@pytest.mark.parametrize(
    "lang, msgid, msgstr",
    [
        # a number said once for twice
        (
            "ru",
            "Verified 0~signatures and encrypted 0~messages.",
            "Проверено и зашифровано 0~сообщений.",
        ),
        (
            "ru",
            "use a 16-bit macro to load a 16-bit value.",
            "используйте 16-битный макрос для значения.",
        ),
        # "two" of "two-dimensional" is 两 of 两维; "second" is 第二
        (
            "zh_CN",
            "The array must be two-dimensional with length of the second axis equal to 2.",
            "数组必须是第二个坐标轴等于2的两维数组",
        ),
        # a pair of strings is a tuple of 2
        ("zh_CN", "Each source is a tuple of 2 strings.", "每个源以一对字符串构成的元组指定。"),
    ],
)
def test_a_number_said_once_or_in_words_is_fine(tmp_path, lang, msgid, msgstr):
    assert found(tmp_path, lang, msgid, msgstr, ("number",)) == []


def test_a_number_lost_beside_its_number_word_is_flagged(tmp_path):
    msgid = "The array must be two-dimensional with length of the second axis equal to 2."
    flags = flags_of(
        tmp_path, "zh_CN", [(msgid, "数组必须是第二个坐标轴等于的两维数组")], ("number",)
    )
    assert [f.expected for f in flags] == ["2"]


# --- numbers swapped ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "lang, msgid, msgstr, expected",
    [
        # the Latin noun after each compound stayed: the numbers moved, not the adjectives
        (
            "ru",
            "Hard float compat (32-bit CPU, 64-bit FPU)\n",
            "Совместимая аппаратная плавающая запятая (64-битный ЦП, 32-битный FPU)\n",
            "32-битный ЦП, 64",
        ),
        # each line's option stayed
        (
            "ru",
            "  -m31      Set file format to 31 bit format\n  -m64      Set file format to 64 bit format\n",
            "  -m31      задать формат как 64-битный формат\n  -m64      задать формат как 31-битный формат\n",
            "31-битный формат\n  -m64      задать формат как 64",
        ),
        # the Latin word before each number stayed
        (
            "zh_CN",
            "sizes: s = 7-bit, S = 8-bit, L = 32-bit\n",
            "大小：s = 32-bit, S = 8-bit, L = 7-bit\n",
            "7-bit, S = 8-bit, L = 32",
        ),
        # an ordinal is a number in order too
        (
            "zh_CN",
            "repopulate stages #2 and #3 for the listed paths",
            "为指定文件重新生成第3和第2暂存区",
            "第2和第3",
        ),
        # a translation that adds a number keeps the others' order
        (
            "ru",
            "invalid level; must be 1, 2, or 3\n",
            "недопустимый уровень; должен быть 0, 3, 2 или 1\n",
            "1, 2 или 3",
        ),
    ],
)
def test_two_numbers_swapped_where_their_anchors_stayed(tmp_path, lang, msgid, msgstr, expected):
    flags = flags_of(tmp_path, lang, [(msgid, msgstr)], ("quantity",))
    assert [f.expected for f in flags] == [expected]
    assert "swapped" in flags[0].message


@pytest.mark.parametrize(
    "lang, msgid, msgstr",
    [
        (
            "ru",
            "Hard float compat (32-bit CPU, 64-bit FPU)\n",
            "Совместимая плавающая запятая (32-битный ЦП, 64-битный FPU)\n",
        ),
        # adjectives moved with their nouns, and the Latin noun with them
        ("ru", "32-bit ELF and 64-bit COFF", "COFF 64-bit и ELF 32-bit"),
        (
            "ru",
            "invalid level; must be 1, 2, or 3\n",
            "недопустимый уровень; должен быть 0, 1, 2 или 3\n",
        ),
        # numbers said more often than msgid says them cannot be put in its order
        (
            "zh_CN",
            "Returns 0 or 1.\n  EXPR1 && EXPR2  True if both\nExit: 0 or 1.",
            "返回 1 或 0。\n  表达式1 && 表达式2  如果均为真\n退出：1 或 0。",
        ),
    ],
)
def test_numbers_in_order_or_moved_with_their_words_are_fine(tmp_path, lang, msgid, msgstr):
    assert found(tmp_path, lang, msgid, msgstr, ("quantity",)) == []


def test_a_number_in_an_aside_the_translation_keeps_is_not_dropped_with_another(tmp_path):
    """msgid's "(... a 0 (zero).)" holds two asides; the translation keeps the outer one
    (and drops "(zero)"): the 0 it lost was not in a dropped aside."""
    msgid = "The value is a mode. (The number must start with a 0 (zero).)"
    flags = flags_of(tmp_path, "zh_CN", [(msgid, "值是模式。(数值必须以开头)")], ("number",))
    assert [f.expected for f in flags] == ["0"]
    assert found(tmp_path, "zh_CN", msgid, "值是模式。(数值必须以0开头)", ("number",)) == []
    # an aside left out whole takes its number with it
    assert found(tmp_path, "zh_CN", "English, Middle (1100-1500)", "中古英语", ("number",)) == []


def test_a_printf_field_that_lost_its_minus_is_justified_the_other_way(tmp_path):
    msgid = " %7jd bytes, %5d lines   %c  %-20.127s %.127s\n"
    flags = flags_of(
        tmp_path, "zh_CN", [(msgid, " %7jd 字节，%5d 行   %c  %20.127s %.127s\n")], ("quantity",)
    )
    assert [f.expected for f in flags] == ["%-20.127s"]
    assert "minus sign lost" in flags[0].message
    # a width changed for the script keeps its side; numbered arguments are msgid's
    assert found(tmp_path, "zh_CN", msgid, " %7jd 字节，%5d 行   %c  %-18.127s %.127s\n") == []
    assert found(tmp_path, "zh_CN", "%s %-10s", "%2$-10s %1$s", ("quantity",)) == []


@pytest.mark.parametrize(
    "lang, msgid, msgstr",
    [
        # the condition comes first in the translation, its number with it
        (
            "zh_CN",
            "Exit Status:\nReturns 1 if EXPRESSION evaluates to 0; returns 0 otherwise.",
            "退出状态：\n如果 <表达式> 求值结果为 0，则返回 1；否则返回 0。",
        ),
        (
            "ru",
            "Returns 1 if the value is 0, else 2.",
            "Если значение равно 0, возвращается 1, иначе 2.",
        ),
        # a Latin word beside a number moved with it
        (
            "zh_CN",
            "Unicode (ISO/IEC 10646) character with hex value HHHH (4 digits)",
            "以 4 位十六进制数 HHHH 表示的 Unicode (ISO/IEC 10646) 字符",
        ),
    ],
)
def test_numbers_reordered_with_their_clause_or_anchor_are_fine(tmp_path, lang, msgid, msgstr):
    assert found(tmp_path, lang, msgid, msgstr, ("quantity",)) == []


def test_numbers_swapped_under_a_condition_kept_in_place_are_flagged(tmp_path):
    flags = flags_of(
        tmp_path,
        "ru",
        [("Returns 1 if the value is 0, else 2.", "Возвращает 0, если значение равно 1, иначе 2.")],
        ("quantity",),
    )
    assert [f.expected for f in flags] == ["1, если значение равно 0"]


def test_a_condition_word_of_an_earlier_sentence_does_not_excuse_a_swap(tmp_path):
    msgid = (
        "If N is given, resumes the Nth loop.\nExit Status:\nThe status is 0 unless N is below 1."
    )
    msgstr = (
        "Если указано N, возобновляет N-й цикл.\nСостояние выхода:\nВозвращает 1, если N меньше 0."
    )
    flags = flags_of(tmp_path, "ru", [(msgid, msgstr)], ("quantity",))
    assert [f.expected for f in flags] == ["0, если N меньше 1"]


def test_a_unit_written_in_the_target_s_words_marks_the_lost_number(tmp_path):
    msgid = "Usernames must be no more than 32 bytes; use at most 32 bytes"
    flags = flags_of(
        tmp_path, "zh_CN", [(msgid, "用户名不得超过 个字节；最多 32 个字节")], ("number",)
    )
    assert [f.expected for f in flags] == ["32"]
    assert (
        found(tmp_path, "zh_CN", msgid, "用户名不得超过 32 个字节；最多 32 个字节", ("number",))
        == []
    )


def test_only_a_scale_prefix_makes_a_hyphenated_unit_another_one(tmp_path):
    msgid = "local zone differs from GMT by a non-minute interval\n"
    flags = flags_of(tmp_path, "zh_CN", [(msgid, "本地时间和 GMT 有不到一秒间隔\n")], ("quantity",))
    assert [f.expected for f in flags] == ["分钟"]
    assert found(tmp_path, "zh_CN", msgid, "本地时间和 GMT 有不到一分钟间隔\n", ("quantity",)) == []
