"""Damage kinds of issue 15 below 0.95 that the checks learnt to see (h-kinds), each beside
the faithful translation that must stay quiet."""

from __future__ import annotations

from tests.test_checks_recall import catalog, flags_of


def _repeat_messages(tmp_path, pairs, lang="ru"):
    return [
        message for _, check, _, message in flags_of(catalog(tmp_path, pairs, lang), ["repeat"])
    ]


def test_a_colon_doubled_after_a_placeholder_is_flagged(tmp_path):
    # the placeholder stands for a value, as a word does: "%s:: " is "name:: "
    pairs = [
        ("%s: %s: %s\n", "%s: %s:: %s\n"),
        ("up  %2d:%02d,  ", "已启动 %2d::%02d， "),
    ]
    assert _repeat_messages(tmp_path, pairs) == ['"::": punctuation doubled'] * 2


def test_a_colon_doubled_after_a_column_s_padding_is_flagged(tmp_path):
    pairs = [(" filetype  : %08lx (%s)\n", " 文件类型  :: %08lx (%s)\n")]
    assert _repeat_messages(tmp_path, pairs, "zh_CN") == ['"::": punctuation doubled']


def test_marks_msgid_doubles_too_and_paths_stay_quiet(tmp_path):
    pairs = [
        ("%s::%s: not found", "%s::%s: не найден"),  # msgid's own scope operator
        ("Use %s .. to go up", "Используйте %s .. для перехода выше"),  # a path
        ("std::string %s", "std::string %s"),
        ("%s...", "%s..."),  # an ellipsis
    ]
    assert _repeat_messages(tmp_path, pairs) == []


def _place_names(copied):
    """A Chinese catalog of 100 invented place names, each translated by its sounds, and
    the names in ``copied`` kept as msgid has them."""
    sounds = {"ka": "卡", "lo": "洛", "me": "梅", "su": "苏", "ri": "里"}
    sounds.update({"ta": "塔", "no": "诺", "vi": "维", "pe": "佩", "da": "达"})
    pairs = [
        ((a + b + "n").capitalize(), sounds[a] + sounds[b] + "恩") for a in sounds for b in sounds
    ]
    pairs += [(name, name) for name in copied]
    return pairs


def test_a_copied_name_with_an_accented_letter_is_one_word(tmp_path):
    # "Petén" is one word, not "Pet" and a letter the plain-word pattern skipped: a copy of
    # it, in a catalog that translates its names, is a slip as "Peten" would be
    found = flagged_messages(tmp_path, _place_names(["Petén"]), "zh_CN")
    assert list(found) == ["Petén"]
    assert "keeps only 1 of its 101" in found["Petén"]
    assert flagged_messages(tmp_path, _place_names([]) + [("Petén", "佩滕")], "zh_CN") == {}


def flagged_messages(tmp_path, pairs, lang, check="untranslated"):
    path = catalog(tmp_path, pairs, lang, name=f"{len(pairs)}.po")
    return {msgid: message for msgid, _, _, message in flags_of(path, [check])}


# a Chinese catalog that translates all its messages, keeps "SSL" and "ROM" wherever they
# stand, and translates "error" and "system"
_TRANSLATED = (
    [
        (f"{what} error: %s", f"{zh}错误：%s")
        for what, zh in (("Read", "读取"), ("Write", "写入"), ("Seek", "定位"), ("Open", "打开"))
    ]
    + [
        ("SSL connection failed", "SSL 连接失败"),
        ("SSL certificate expired", "SSL 证书已过期"),
        ("ROM image too short", "ROM 映像太短"),
        ("ROM checksum mismatch", "ROM 校验和不符"),
        ("The system is busy", "系统繁忙"),
        ("System error", "系统错误"),
    ]
    + [(f"Cannot open file {n}", f"无法打开文件 {n}") for n in range(40)]
)


def test_an_acronym_kept_elsewhere_does_not_excuse_a_copy_around_it(tmp_path):
    # "SSL" is kept in every message: that says nothing of "error", which the catalog
    # translates; a product's name ("Master System ROM") keeps its words with its acronym
    pairs = _TRANSLATED + [("SSL error: %s", "SSL error: %s"), ("Master System ROM",) * 2]
    found = flagged_messages(tmp_path, pairs, "zh_CN")
    assert list(found) == ["SSL error: %s"]
    assert '"error" in ' in found["SSL error: %s"]


_EXIT_STATUS = (
    "\nEXIT status:\n"
    "  124  if COMMAND times out\n"
    "  125  if the timeout command itself fails\n"
    "  137  if COMMAND is sent the KILL (9) signal (128+9)\n"
)
_EXIT_STATUS_ZH = (
    "\n退出状态：\n"
    "  124  如果 <命令> 超时\n"
    "  125  如果 timeout 命令本身执行失败\n"
    "  137  如果 <命令> 收到了 KILL (9) 信号（即 128+9）\n"
)


def test_two_numbers_swapped_across_a_table_s_rows_are_flagged(tmp_path):
    # each row of a table is a clause of its own: the "如果" of the rows above a row's
    # number is no condition put before it ("如果 X 为 0，则返回 1" for "1 if X is 0")
    swapped = _EXIT_STATUS_ZH.replace("137", "@").replace("128", "137").replace("@", "128")
    pairs = [
        (_EXIT_STATUS, swapped),
        ("Returns 1 if the value is 0.", "如果值为 0，则返回 1。"),
        (_EXIT_STATUS.replace("status", "code"), _EXIT_STATUS_ZH),
    ]
    found = flagged_messages(tmp_path, pairs, "zh_CN", "quantity")
    assert list(found) == [_EXIT_STATUS]
    assert "128 and 137 swapped" in found[_EXIT_STATUS]


def test_a_chunk_doubled_where_msgid_doubles_only_a_letter_or_a_metavariable(tmp_path):
    # "XXXXXX" is one letter run on, "--username=USERNAME" an option beside its
    # metavariable: neither is a doubling a translation renders ("Tawi-Tawi" is 塔威塔威)
    pairs = [
        ("Template “%s” doesn’t contain XXXXXX", "模板模板“%s”不包含 XXXXXX"),
        (
            "  -U, --username=USERNAME   user name to connect as",
            "  -U, --username=USERNAME   联接用户用户",
        ),
        ("Tawi-Tawi", "塔威塔威"),
        ("Template “%s” is empty: XXXXXX", "模板“%s”为空：XXXXXX"),
    ]
    found = _repeat_messages(tmp_path, pairs, "zh_CN")
    assert found == ['"模板" written twice', '"用户" written twice']


def test_a_question_written_as_a_colon_after_a_choice_s_question_mark(tmp_path):
    # the "?" of the choices ("[y,n,q,?]") is no question mark of the question's own
    pairs = [
        ("Apply deletion to index [y,n,q,a,d%s,?]? ", "将删除操作应用到索引 [y,n,q,a,d%s,?]： "),
        ("Stage this hunk [y,n,q,a,d%s,?]? ", "暂存该块 [y,n,q,a,d%s,?]? "),
    ]
    found = flagged_messages(tmp_path, pairs, "zh_CN", "punctuation")
    assert list(found) == ["Apply deletion to index [y,n,q,a,d%s,?]? "]
