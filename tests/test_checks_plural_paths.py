"""Noise classes read in a sample of clean flags on catalogs never seen before (damage
seed 8): a plural's count written as %d in every form, printf's grouping flag before an
ordinal suffix, a menu's path translated segment by segment."""

from __future__ import annotations

import polib

from tests.test_checks_recall import catalog, flags_of


def _one_form_catalog(tmp_path, entries, lang):
    po = polib.POFile()
    po.metadata = {
        "Language": lang,
        "Content-Type": "text/plain; charset=UTF-8",
        "Plural-Forms": "nplurals=1; plural=0;",
    }
    for entry in entries:
        po.append(entry)
    path = tmp_path / f"{lang}.po"
    po.save(str(path))
    return path


def test_a_plural_count_written_as_its_conversion_in_every_form_is_kept(tmp_path):
    ru = polib.POEntry(
        msgid="1 duplicate photo was not imported:\n",
        msgid_plural="%d duplicate photos were not imported:\n",
        msgstr_plural={
            0: "%d дубликат фотографии не был импортирован:\n",
            1: "%d дубликата фотографий не было импортировано:\n",
            2: "%d дубликатов фотографий не было импортировано:\n",
        },
    )
    assert flags_of(catalog(tmp_path, [ru]), ["number"]) == []
    kk = polib.POEntry(
        msgid="1 file failed to import due to a file or hardware error:\n",
        msgid_plural="%d files failed to import due to a file or hardware error:\n",
        msgstr_plural={0: "%d файл файлдық не құрылғылық қате салдарынан импортталмады:\n"},
    )
    assert flags_of(_one_form_catalog(tmp_path, [kk], "kk"), ["number"]) == []


def test_a_number_other_than_the_count_is_still_wanted_in_a_plural(tmp_path):
    entry = polib.POEntry(
        msgid="%d file older than 30 days",
        msgid_plural="%d files older than 30 days",
        msgstr_plural={
            0: "%d файл старше 3 дней",
            1: "%d файла старше 3 дней",
            2: "%d файлов старше 3 дней",
        },
    )
    assert flags_of(catalog(tmp_path, [entry]), ["number"])


def test_a_grouped_count_before_an_ordinal_suffix_is_a_conversion(tmp_path):
    path = catalog(tmp_path, [("%'dnd link to %s", "到 %2$s 的第 %1$'d 个链接")], lang="zh_CN")
    assert flags_of(path, ["placeholder"]) == []
    broken = catalog(tmp_path, [("%'dnd link to %s", "到 %2$s 的第 %1$s 个链接")], "zh_CN", "b.po")
    assert flags_of(broken, ["placeholder"])


def test_a_menu_path_translated_segment_by_segment_is_no_file_path(tmp_path):
    path = catalog(
        tmp_path,
        [
            ("/Conversation/Get _Attention", "/对话/获取注意(_A)"),
            ("/Buddies/Show/_Offline Buddies", "/好友(B)/显示(O)/离线好友(_O)"),
            ("Could not open /usr/share/foo", "无法打开 /用户/共享/foo"),
        ],
        lang="zh_CN",
    )
    assert [msgid for msgid, *_ in flags_of(path, ["verbatim"])] == [
        "Could not open /usr/share/foo"
    ]


def test_a_key_combination_kept_as_its_caps_print_it_is_no_untranslated_text(tmp_path):
    verbs = [
        ("Open", "打开"),
        ("Save", "保存"),
        ("Close", "关闭"),
        ("Print", "打印"),
        ("Copy", "复制"),
    ]
    nouns = [("file", "文件"), ("window", "窗口"), ("document", "文档"), ("folder", "文件夹")]
    translated = [(f"{v} {n}", f"{zv}{zn}") for v, zv in verbs for n, zn in nouns]
    entries = translated[:6] + [("Shift+", "Shift+")] + translated[6:12] + [("Close", "Close")]
    entries += translated[12:] + [("Ctrl+Alt+Del", "Ctrl+Alt+Del")]
    path = catalog(tmp_path, entries, lang="zh_CN")
    assert [msgid for msgid, *_ in flags_of(path, ["untranslated"])] == ["Close"]
