"""Seed 7's new catalogs, read for the syntax checks (numbers, units, control characters):
untouched messages that are no error, each beside the damage the rule must still find."""

from __future__ import annotations

import polib

from tests.test_checks_recall import catalog, flags_of


def checks_of(path, names):
    return [(msgid, check) for msgid, check, *_ in flags_of(path, names)]


def test_a_kazakh_ten_and_a_unit_are_one_number(tmp_path):
    """ "он екінші" is 12th, "он бір" 11: a ten that units follow, as "жиырма бір" is 21."""
    right = [("Switch to VT 12", "Он екінші виртуалды терминалына ауысу")]
    assert flags_of(catalog(tmp_path, right, lang="kk"), ["number"]) == []
    wrong = [("Switch to VT 11", "Он екінші виртуалды терминалына ауысу")]
    path = catalog(tmp_path, wrong, lang="kk", name="wrong.po")
    assert checks_of(path, ["number"]) == [("Switch to VT 11", "number")]


def test_a_chinese_word_of_one_carries_the_one(tmp_path):
    """ "单选项" is a 1-choice item; 菜单 (menu) and 简单 (simple) carry no number."""
    right = [("A 1-choice enumeration", "单选项枚举")]
    assert flags_of(catalog(tmp_path, right, lang="zh_CN"), ["number"]) == []
    wrong = [("A 2-choice enumeration", "单选项枚举"), ("Show 1 menu item", "显示菜单项")]
    path = catalog(tmp_path, wrong, lang="zh_CN", name="wrong.po")
    assert sorted(checks_of(path, ["number"])) == [
        ("A 2-choice enumeration", "number"),
        ("Show 1 menu item", "number"),
    ]


def test_a_russian_s_before_a_capitalised_word_is_with_not_seconds(tmp_path):
    msgid = "GOST R 34.11-2012/256 with GOST R 34.10-2012 256-bit curve"
    msgstr = "ГОСТ Р 34.11-2012/256 с ГОСТ Р 34.10-2012 256-битная кривая"
    assert flags_of(catalog(tmp_path, [(msgid, msgstr)]), ["quantity"]) == []
    wrong = [("Retry in 5 min.", "Повторить через 5 с.")]
    path = catalog(tmp_path, wrong, name="wrong.po")
    assert checks_of(path, ["quantity"]) == [("Retry in 5 min.", "quantity")]


def test_a_run_of_invisible_characters_is_one_spot(tmp_path):
    msgid = "Specifies whether the SCI is included in every packet."
    msgstr = "Указывает, будет ли SCI включаться \u200b\u200bв каждый пакет."
    ((_, _, _, message),) = flags_of(catalog(tmp_path, [(msgid, msgstr)]), ["control"])
    assert message == "invisible formatting characters U+200B ×2"
    apart = "Указывает, будет\u200b ли SCI включаться \u200bв каждый пакет."
    path = catalog(tmp_path, [(msgid, apart)], name="apart.po")
    assert len(flags_of(path, ["control"])) == 2


def test_a_number_dropped_from_a_ratio_or_a_list_leaves_its_place_empty(tmp_path):
    """msgid says 1 twice ("1:1", "[-1, 1]"): a msgstr that says it once is no rewording
    when the colon or the list marks around the lost one stand closed up."""
    damaged = [
        ("Zoom 1:1", "Масштаб 1:"),
        ("Zoom to 1:1", "Масштаб:1"),
        ("Inverse cosine is undefined for values outside [-1, 1]", "Вне диапазона [-1, ]"),
        (
            "The SIZE is a number (example: 10K is 10*1024).",
            "РАЗМЕР — число (например: 10K — 10*).",
        ),
    ]
    path = catalog(tmp_path, damaged)
    assert sorted(checks_of(path, ["number"])) == sorted((m, "number") for m, _ in damaged)
    kept = [
        ("Zoom 1:1", "Масштаб 1:1"),
        ("Inverse cosine is undefined for values outside [-1, 1]", "Вне диапазона [-1, 1]"),
        ("Use 1 or 2 (1 is the default)", "Используйте 1 или 2 (по умолчанию)"),
    ]
    assert flags_of(catalog(tmp_path, kept, name="kept.po"), ["number"]) == []


def test_a_unit_changed_into_another_of_the_same_value_is_flagged(tmp_path):
    """ "от 1 МБ до 1 МБ" for "between 1 MB and 1 GB": one megabyte matches, the other
    stands where the gigabyte was."""
    msgid = "-X requires a power of two value between 1 MB and 1 GB"
    damaged = [(msgid, "-X требует степень двойки в интервале от 1 МБ до 1 МБ")]
    ((_, check, expected, _),) = flags_of(catalog(tmp_path, damaged), ["quantity"])
    assert (check, expected) == ("quantity", "1 ГБ")
    kept = [(msgid, "-X требует степень двойки в интервале от 1 МБ до 1 ГБ")]
    assert flags_of(catalog(tmp_path, kept, name="kept.po"), ["quantity"]) == []
    # three Russian plural forms say each unit once more than msgid's two
    plural = polib.POEntry(
        msgid="Size between 1 MB and 1 GB, not %d byte",
        msgid_plural="Size between 1 MB and 1 GB, not %d bytes",
        msgstr_plural={i: f"Размер от 1 МБ до 1 ГБ, не %d байт{e}" for i, e in enumerate("аи")}
        | {2: "Размер от 1 МБ до 1 ГБ, не %d байтов"},
        flags=["c-format"],
    )
    assert flags_of(catalog(tmp_path, [plural], name="plural.po"), ["quantity"]) == []


def test_octets_are_bytes(tmp_path):
    msgid = "Server challenge too long (>2048 octets)"
    kept = [(msgid, "Слишком длинный ответ от сервера (>2048 байт)")]
    assert flags_of(catalog(tmp_path, kept), ["quantity"]) == []
    damaged = [(msgid, "Слишком длинный ответ от сервера (>2048 Кбайт)")]
    path = catalog(tmp_path, damaged, name="damaged.po")
    assert checks_of(path, ["quantity"]) == [(msgid, "quantity")]


def one_form_catalog(tmp_path, entries, name="zh.po"):
    """A Chinese catalog whose header has one plural form for every number."""
    po = polib.POFile()
    po.metadata = {
        "Language": "zh_CN",
        "Content-Type": "text/plain; charset=UTF-8",
        "Plural-Forms": "nplurals=1; plural=0;",
    }
    for msgid, plural, msgstr in entries:
        po.append(
            polib.POEntry(
                msgid=msgid, msgid_plural=plural, msgstr_plural={0: msgstr}, flags=["c-format"]
            )
        )
    path = tmp_path / name
    po.save(str(path))
    return path


def test_the_one_plural_form_of_a_language_says_the_count(tmp_path):
    """zh writes one form for every number: "已选中 个联系人" for "%d Selected" prints no
    count at all, where a Russian form for one may spell it out."""
    lost = [("%d Selected", "%d Selected", "已选中 个联系人")]
    path = one_form_catalog(tmp_path, lost)
    assert checks_of(path, ["placeholder"]) == [("%d Selected", "placeholder")]
    kept = [("%d Selected", "%d Selected", "已选中 %d 个联系人")]
    assert flags_of(one_form_catalog(tmp_path, kept, name="kept.po"), ["placeholder"]) == []
    russian = polib.POEntry(
        msgid="%d file",
        msgid_plural="%d files",
        msgstr_plural={0: "один файл", 1: "%d файла", 2: "%d файлов"},
        flags=["c-format"],
    )
    path = catalog(tmp_path, [russian], name="ru.po")
    assert flags_of(path, ["placeholder"]) == []


def test_one_slip_of_a_quote_family_is_one_spot(tmp_path):
    """ "“%s“" opens twice and closes never: one wrong mark, flagged once."""
    path = catalog(tmp_path, [('"%s": %s', "“%s“：%s")], lang="zh_CN")
    assert [m for *_, m in flags_of(path, ["punctuation"])] == [
        "unbalanced “ — no matching closing mark"
    ]
    brackets = catalog(tmp_path, [("%s: %s", "(%s： 「%s")], lang="zh_CN", name="two.po")
    assert len(flags_of(brackets, ["punctuation"])) == 2  # two families, two spots
