"""The corruption generator of tests/bench/catalog_damage.py makes exactly the damage it records.

The benchmark of issue 15 is only as honest as its generator: a recorded spot must be a real
damage (not a valid translation), applied once, and every other entry must stay as it was.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import polib
import pytest

from aligner.catalog import read_catalog
from tests.bench import catalog_damage as damage
from tests.bench.catalog_damage import KINDS, Context

RU = Context(
    "ru", countries=("Эритрея", "Эфиопия"), other={(None, "Open the file"): ("kk", "Файлды қорғау")}
)
ZH = Context(
    "zh",
    countries=("厄立特里亚", "埃塞俄比亚", "加纳"),
    english={"厄立特里亚": ["Eritrea"], "埃塞俄比亚": ["Ethiopia"], "加纳": ["Ghana"]},
)


def apply(name: str, msgid: str, msgstr: str, ctx: Context = RU, seed: int = 3):
    rng = random.Random(seed)
    if name == "wrong language":
        return damage.wrong_language(msgstr, msgid, ctx, rng, key=(None, msgid))
    return KINDS[name](msgstr, msgid, ctx, rng)


@pytest.mark.parametrize(
    "name, msgid, msgstr, ctx, wanted",
    [
        ("two numbers swapped", "from 1 to 5 pages", "от 1 до 5 страниц", RU, "от 5 до 1 страниц"),
        ("dropped number", "Level 3", "Уровень 3", RU, "Уровень"),
        ("minus sign lost", "Offset -5 px", "Смещение −5 пикс.", RU, "Смещение 5 пикс."),
        ("short untranslated", "Open", "Открыть", RU, "Open"),
        ("wrong language", "Open the file", "Открыть файл", RU, "Файлды қорғау"),
        (
            "empty msgstr",
            "Could not open the file because it is locked",
            "Файл заблокирован",
            RU,
            "",
        ),
        ("acronym scrambled", "Save as HTML", "Сохранить как HTML", RU, "Сохранить как LMTH"),
    ],
)
def test_a_kind_makes_the_one_damage_it_names(name, msgid, msgstr, ctx, wanted):
    after, _ = apply(name, msgid, msgstr, ctx)
    assert after == wanted


@pytest.mark.parametrize(
    "name, msgid, msgstr, ctx",
    [
        ("two numbers swapped", "1 or 1", "1 или 1", RU),  # the same number twice: no damage
        ("two numbers swapped", "from 1 to 5", "до 5 от 1", RU),  # translator reordered: unclear
        ("minus sign lost", "  -1, --one-column", "  -1, --one-column  в один столбец", RU),
        ("accelerator lost or doubled", "st_nlink is %d", "st_nlink равно %d", RU),  # identifier
        ("doubled word", "consider", "考虑", ZH),  # 考虑考虑 is grammatical reduplication
        ("country name misspelt", "Mostaganem", "莫斯塔加纳姆", ZH),  # 加纳 (Ghana): no name here
        ("short untranslated", "OK", "OK", RU),  # never translated: copying msgid changes nothing
        ("leftover placeholder", "<%s> of {0}", "<%s> из {0}", RU),  # msgid has every syntax
        ("month name changed", "Mayday", "мая", RU),  # msgid names no month
        ("end punctuation changed", "Loading...", "Загрузка...", RU),  # an ellipsis, not a stop
        ("changed digit", "Version", "Версия 2", RU),  # a number msgid lacks is not the evidence
        ("unit or scale changed", "%s with %s", "%s с %s", RU),  # "с" after a placeholder: "with"
        ("unit or scale changed", "Wang 724 with arrows", "Wang 724 с стрелками", RU),  # "with"
        (
            "tag broken",
            "git archive [--exec <cmd>]",
            "git archive [--exec <cmd>]",
            RU,
        ),  # metavariable
    ],
)
def test_a_kind_is_applied_only_where_it_is_damage(name, msgid, msgstr, ctx):
    assert apply(name, msgid, msgstr, ctx) is None


def test_damages_keep_their_promises():
    after, _ = apply("changed digit", "Page 12 of 40", "Страница 12 из 40")
    assert after != "Страница 12 из 40" and len(after) == len("Страница 12 из 40")
    assert sum(a != b for a, b in zip(after, "Страница 12 из 40")) == 1
    after, _ = apply("doubled word", "Clear the screen.", "Очистка экрана.")
    assert after in ("Очистка Очистка экрана.", "Очистка экрана экрана.")
    after, _ = apply("doubled word", "Open the file", "打开文件", ZH)
    assert len(after) == 6 and any(after == "打开文件"[: i + 2] + "打开文件"[i:] for i in range(3))
    after, detail = apply("month name changed", "1 January", "1 января")
    assert after != "1 января" and after[2:] in damage.RU_MONTHS[1], detail
    after, _ = apply("month name changed", "January", "一月", ZH)
    assert after.endswith("月") and after != "一月"
    after, _ = apply("unit or scale changed", "%d MB", "%d МБ")
    assert after in ("%d КБ", "%d ГБ")
    after, _ = apply("country name misspelt", "Eritrea", "Эритрея")
    assert after != "Эритрея" and after not in RU.countries
    after, _ = apply("country name misspelt", "Tigrigna-Eritrean", "厄立特里亚提格里尼亚语", ZH)
    assert after.endswith("提格里尼亚语") and not after.startswith("厄立特里亚")
    after, _ = apply("Latin word misspelt", "Windows drive", "Диск Windows")
    assert after.startswith("Диск W") and after != "Диск Windows"
    after, _ = apply(
        "truncated", "Could not open the file you chose", "Не удалось открыть выбранный вами файл"
    )
    assert "Не удалось открыть выбранный вами файл".startswith(after)
    assert len(after) <= 0.7 * len("Не удалось открыть выбранный вами файл")
    after, _ = apply("tag broken", "<b>Bold</b> text", "<b>Жирный</b> текст")
    assert after != "<b>Жирный</b> текст" and "Жирный" in after
    after, _ = apply("printf argument changed", "%1$s of %2$d", "%2$d из %1$s")
    assert after != "%2$d из %1$s"
    after, detail = apply("edge whitespace or newline", "Done\n", "Готово\n")
    assert after in ("Готово", "Готово\n\n"), detail


def synthetic_catalog(size: int = 240) -> list[polib.POEntry]:
    words = ["Открыть", "файл", "Сохранить", "документ", "Закрыть", "окно", "Удалить", "папку"]
    entries = []
    for i in range(size):
        a, b = words[i % 8], words[(i * 3 + 1) % 8]
        msgid = f"Item {i} of {i + 7}: Windows {a}?" if i % 3 == 0 else f"_Open {i}\n"
        msgstr = f"Пункт {i} из {i + 7}: Windows {a} {b}?" if i % 3 == 0 else f"_{a} {i}\n"
        entries.append(polib.POEntry(msgid=msgid, msgstr=msgstr, msgctxt=f"c{i}"))
    entries.append(
        polib.POEntry(
            msgid="%d file",
            msgid_plural="%d files",
            msgstr_plural={0: "%d файл", 1: "%d файла", 2: "%d файлов"},
        )
    )
    return entries


def test_only_the_recorded_entries_change_and_each_once():
    entries = synthetic_catalog()
    original = [str(e) for e in entries]
    original_forms = [damage._forms(e) for e in entries]
    spots = damage.damage_entries(entries, Context("ru"), random.Random(5), rate=0.1)
    assert len(spots) == round(0.1 * len(entries))
    assert len({s.index for s in spots}) == len(spots)
    changed = {s.index: s for s in spots}
    for i, entry in enumerate(entries):
        if i not in changed:
            assert str(entry) == original[i]
            continue
        spot = changed[i]
        forms = damage._forms(entry)
        assert spot.msgid == entry.msgid and forms[spot.form] == spot.after != spot.before
        assert sum(a != b for a, b in zip(forms, original_forms[i])) == 1  # one form, once
    assert len({s.kind for s in spots}) >= 8  # round-robin: many kinds, not the commonest


def test_same_seed_same_damage_other_seed_other_damage():
    def run(seed):
        return damage.damage_entries(synthetic_catalog(), Context("ru"), random.Random(seed))

    assert run(1) == run(1)
    assert run(1) != run(2)


REAL = Path("/usr/share/locale/ru/LC_MESSAGES/shadow.mo")


@pytest.mark.skipif(not REAL.exists(), reason="no Debian ru catalog of shadow installed")
def test_a_real_catalog_keeps_every_untouched_entry_byte_identical(tmp_path):
    record = damage.damage_catalog(REAL, "ru", tmp_path, seed=4)
    assert record == json.loads((tmp_path / "shadow.damage.json").read_text(encoding="utf-8"))
    clean = [str(e) for e in polib.pofile(str(tmp_path / record["clean"]))]
    damaged = [str(e) for e in polib.pofile(str(tmp_path / record["damaged"]))]
    assert len(clean) == len(damaged) and record["spots"]
    assert 0.03 * record["translated"] <= len(record["spots"]) <= 0.07 * record["translated"]
    touched = {s["index"] for s in record["spots"]}
    differing = {i for i, (a, b) in enumerate(zip(clean, damaged)) if a != b}
    assert differing == touched
    entries = read_catalog(tmp_path / record["damaged"]).entries  # what aligner check numbers
    for spot in record["spots"]:
        entry = entries[spot["index"]]
        assert (entry.msgctxt, entry.msgid) == (spot["msgctxt"], spot["msgid"])
        assert entry.msgstr[spot["form"]] == spot["after"]
