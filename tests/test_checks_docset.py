"""Docset-level checks: omissions reported only where the alignment is sure of the rows around
them (never the aligner's own errors restated), and one spot reported once, with every check's
reason in it."""

from __future__ import annotations

import json
import shutil

from aligner.alignment import Alignment, Row
from aligner.checks import run_checks
from aligner.docset import load
from aligner.flags import Flag, merge_spots
from tests.conftest import BUNDLED, run_aligner, write_docset


def _docset(tmp_path, texts: dict[str, list[str]], source: str | None = None):
    files = {f"{lang}.txt": "\n\n".join(paragraphs) for lang, paragraphs in texts.items()}
    if source:
        files["docset.toml"] = f'source = "{source}"\n'
    return load(write_docset(tmp_path / "ds", files))


def _rows(docset, cells: list[dict[str, tuple[int, ...]]], scores=None) -> Alignment:
    return Alignment(
        docset.languages,
        tuple(
            Row(
                f"r{k}",
                cell,
                (scores or {}).get(k, 0.45 if any(not v for v in cell.values()) else 0.95),
            )
            for k, cell in enumerate(cells)
        ),
    )


def _parallel(count: int) -> dict[str, list[str]]:
    en = [
        f"The two sides agreed to develop cooperation in field number {i} with care."
        for i in range(count)
    ]
    ru = [
        f"Стороны договорились развивать сотрудничество в области номер {i} с вниманием."
        for i in range(count)
    ]
    zh = [f"双方同意认真发展第{i}号领域的合作。" for i in range(count)]
    return {"en": en, "ru": ru, "zh": zh}


def _one_to_one_except(count: int, langs, missing: dict[int, str]):
    """Cells pairing paragraph i of every language, with ``missing[i]``'s cell empty (its
    later paragraphs shifted)."""
    cells, next_of = [], {lang: 0 for lang in langs}
    for i in range(count):
        cell = {}
        for lang in langs:
            if missing.get(i) == lang:
                cell[lang] = ()
            else:
                cell[lang] = (next_of[lang],)
                next_of[lang] += 1
        cells.append(cell)
    return cells


# -- omissions ------------------------------------------------------------------------------


def test_a_paragraph_every_other_version_has_is_reported_with_what_they_have(tmp_path):
    texts = _parallel(12)
    del texts["ru"][5]
    docset = _docset(tmp_path, texts)
    alignment = _rows(docset, _one_to_one_except(12, docset.languages, {5: "ru"}))
    flags = run_checks(docset, alignment, ["omission"])
    assert [(f.lang, f.row, f.paragraph) for f in flags] == [("ru", "r5", None)]
    assert flags[0].message.startswith(
        f"en and zh have a paragraph here (en {len(texts['en'][5])} chars"
    )
    assert flags[0].message.endswith("ru has nothing")
    assert flags[0].evidence["en"] == texts["en"][5]


def test_no_omission_where_the_aligner_left_two_paragraphs_unpaired(tmp_path):
    # en 5 alone, then ru 5 alone: the aligner failed to pair them (a loose translation);
    # saying "ru lacks en 5" and "ru 5 was added" would restate its error twice
    texts = {
        "en": [
            f"Paragraph number {i} of the text, long enough to be measured well." for i in range(12)
        ],
        "ru": [
            f"Абзац номер {i} этого текста, достаточно длинный для измерения." for i in range(12)
        ],
    }
    texts["ru"][5] = "Совсем иначе переведённый абзац, который выравниватель не узнал."
    docset = _docset(tmp_path, texts)
    cells = [{"en": (i,), "ru": (i,)} for i in range(5)]
    cells += [{"en": (5,), "ru": ()}, {"en": (), "ru": (5,)}]
    cells += [{"en": (i,), "ru": (i,)} for i in range(6, 12)]
    assert run_checks(docset, _rows(docset, cells), ["omission"]) == []
    # the alignment check says what to look at, once
    flags = run_checks(docset, _rows(docset, cells), ["omission", "alignment"])
    assert [(f.check, f.row, f.lang, f.paragraph) for f in flags] == [("alignment", "r5", "en", 5)]
    assert flags[0].message.startswith("en ¶5 here and ru ¶5 in row r6 have no counterpart")
    assert flags[0].evidence == {"ru": texts["ru"][5]}
    # one row apart, with a row between them that would pair just as well the other way
    cells = [{"en": (i,), "ru": (i,)} for i in range(5)]
    cells += [{"en": (5,), "ru": ()}, {"en": (6,), "ru": (5,)}, {"en": (), "ru": (6,)}]
    cells += [{"en": (i,), "ru": (i,)} for i in range(7, 12)]
    assert run_checks(docset, _rows(docset, cells), ["omission"]) == []


def test_no_omission_next_to_rows_the_aligner_is_unsure_of(tmp_path):
    texts = _parallel(12)
    del texts["ru"][5]
    docset = _docset(tmp_path, texts)
    cells = _one_to_one_except(12, docset.languages, {5: "ru"})
    assert run_checks(docset, _rows(docset, cells, {4: 0.3}), ["omission"]) == []


def test_no_omission_where_the_neighbour_holds_both_paragraphs(tmp_path):
    # ru translated en 4 and en 5 as one paragraph: nothing is missing
    texts = _parallel(12)
    texts["ru"][4] = texts["ru"][4] + " " + texts["ru"][5]
    del texts["ru"][5]
    docset = _docset(tmp_path, texts)
    alignment = _rows(docset, _one_to_one_except(12, docset.languages, {5: "ru"}))
    assert run_checks(docset, alignment, ["omission"]) == []


def test_two_versions_the_source_decides_who_lacks_and_who_adds(tmp_path):
    en = [f"Paragraph number {i} of the text, long enough to be measured well." for i in range(12)]
    ru = [f"Абзац номер {i} этого текста, достаточно длинный для измерения." for i in range(12)]
    extra = "Этот абзац переводчик добавил от себя, в оригинале его нет совсем."
    docset = _docset(tmp_path, {"en": en, "ru": ru[:6] + [extra] + ru[6:]}, source="en")
    cells = [{"en": (i,), "ru": (i,)} for i in range(6)] + [{"en": (), "ru": (6,)}]
    cells += [{"en": (i,), "ru": (i + 1,)} for i in range(6, 12)]
    flags = run_checks(docset, _rows(docset, cells), ["omission"])
    assert [(f.lang, f.row, f.paragraph) for f in flags] == [("ru", "r6", 6)]
    assert flags[0].message.startswith("only ru has this paragraph")


def test_a_short_version_is_reported_only_with_structure_to_show_for_it(tmp_path):
    texts = _parallel(12)
    # a terse rendering: one sentence, the same number; no omission
    texts["ru"][3] = "Стороны развивают область 3."
    # a version that lost its second sentence and its number
    texts["ru"][7] = "Стороны договорились."
    texts["en"][7] += " They will meet again in 2024 to review it."
    texts["zh"][7] += "双方将于2024年再次会面审查。"
    docset = _docset(tmp_path, texts)
    alignment = _rows(docset, [{lang: (i,) for lang in docset.languages} for i in range(12)])
    flags = run_checks(docset, alignment, ["omission"])
    assert [(f.lang, f.paragraph) for f in flags] == [("ru", 7)]
    assert "shorter" in flags[0].message and "ru 1 sentence, en 2 sentences" in flags[0].message


def test_the_bundled_statement_s_missing_title_is_its_only_omission(tmp_path):
    copy = tmp_path / "js"
    shutil.copytree(BUNDLED, copy, ignore=shutil.ignore_patterns("review"))
    result = run_aligner("check", str(copy), "--checks", "omission", "--format", "json")
    flags = json.loads(result.stdout)["flags"]
    assert [(f["lang"], f["row"]) for f in flags] == [("en", "r1")]
    assert flags[0]["message"].startswith("zh, kk and ru have a paragraph here")


# -- one spot, one flag ---------------------------------------------------------------------


def _flag(check, severity, start, end, message, expected=None, paragraph=0, lang="en"):
    return Flag(
        check,
        severity,
        lang,
        message,
        "r1",
        paragraph,
        start,
        end,
        {"zh": f"{check} evidence"},
        expected,
    )


def test_flags_of_two_checks_on_one_span_become_one_with_both_reasons():
    number = _flag("number", "warning", 10, 12, '"<>" — zh 十 → 10', expected="10")
    placeholder = _flag("placeholder", "error", 10, 12, 'leftover placeholder "<>"')
    merged = merge_spots([number, placeholder])
    assert len(merged) == 1
    flag = merged[0]
    assert (flag.check, flag.severity, flag.start, flag.end) == ("placeholder", "error", 10, 12)
    assert flag.message == 'leftover placeholder "<>"; number: "<>" — zh 十 → 10'
    assert flag.expected == "10"  # the lead has no suggestion: the other's stands in
    assert flag.checks == ("placeholder", "number")
    data = flag.to_json()
    assert data["checks"] == ["placeholder", "number"]
    assert data["also"][0]["expected"] == "10" and data["check"] == "placeholder"


def test_different_spots_stay_apart():
    word = _flag("name", "error", 10, 25, "a name garbled")
    inside = _flag("omission", "warning", 0, 200, "shorter than usual")  # the paragraph
    elsewhere = _flag("number", "error", 30, 34, "a year")
    other_paragraph = _flag("repeat", "warning", 10, 25, "doubled", paragraph=1)
    other_lang = _flag("punctuation", "warning", 10, 25, "quote", lang="ru")
    same_check = _flag("name", "error", 10, 25, "another name there")
    flags = [inside, word, same_check, elsewhere, other_paragraph, other_lang]
    assert merge_spots(flags) == flags
    # zero-width spots meet only at the same place
    assert (
        len(
            merge_spots(
                [
                    _flag("number", "error", 0, 0, "no section number"),
                    _flag("name", "warning", 0, 0, "no name here"),
                ]
            )
        )
        == 1
    )
    assert (
        len(
            merge_spots(
                [
                    _flag("number", "error", 0, 0, "no section number"),
                    _flag("name", "warning", 0, 5, "name"),
                ]
            )
        )
        == 2
    )


def test_overlapping_spans_of_one_spot_merge_and_keep_every_suggestion():
    name = _flag("name", "error", 10, 25, "garbled name", expected="Kassym-Jomart Tokayev")
    spelling = _flag("spelling", "warning", 10, 18, "misspelt word", expected="Kassym")
    merged = merge_spots([name, spelling])
    assert len(merged) == 1 and merged[0].expected == "Kassym-Jomart Tokayev"
    assert [f.expected for f in merged[0].also] == ["Kassym"]
    assert len(merge_spots([name, _flag("spelling", "warning", 10, 14, "short")])) == 2


def test_the_bundled_statement_reports_each_leftover_placeholder_once(tmp_path):
    copy = tmp_path / "js"
    shutil.copytree(BUNDLED, copy, ignore=shutil.ignore_patterns("review"))
    result = run_aligner("check", str(copy), "--format", "json")
    flags = json.loads(result.stdout)["flags"]
    docset = load(copy)
    spots = [
        (f["row"], f["paragraph"], f["start"])
        for f in flags
        if f["lang"] == "en"
        and f["paragraph"] is not None
        and docset.paragraphs("en")[f["paragraph"]][f["start"] : f["end"]] == "<>"
    ]
    assert len(spots) == len(set(spots)) == 2
    both = [f for f in flags if f.get("checks") and {"number", "placeholder"} <= set(f["checks"])]
    assert len(both) == 2
    assert sorted(f["expected"] for f in both) == ["10", "2015"]
    assert all(
        "leftover placeholder" in f["message"]
        and (f["check"] == "number" or "; number: " in f["message"])
        for f in both
    )
    text = run_aligner("check", str(copy), "--lang", "en").stdout
    assert text.count('"<>"') == 4  # each of the two spots once, both reasons on its line


# -- a missing sentence or clause ---------------------------------------------------------


def _clause_docset(tmp_path, drop: str | None, lang: str = "ru", langs=("en", "ru", "zh")):
    base = {
        "en": "The committee met in the capital on Monday, discussed the annual budget of the "
        "institute, and agreed to publish its report before the end of the year.",
        "ru": "Комитет собрался в столице в понедельник, обсудил годовой бюджет института "
        "и согласился опубликовать свой доклад до конца года.",
        "zh": "委员会星期一在首都开会，讨论了研究所的年度预算，并同意在年底前发表报告。",
    }
    filler = {
        "en": "The two sides agreed to develop cooperation in field number {i} with care.",
        "ru": "Стороны договорились развивать сотрудничество в области номер {i} с вниманием.",
        "zh": "双方同意认真发展第{i}号领域的合作。",
    }
    texts = {l: [filler[l].format(i=i) for i in range(12)] for l in langs}
    for l in langs:
        texts[l][6] = base[l]
    if drop is not None:
        texts[lang][6] = texts[lang][6].replace(drop, "")
    docset = _docset(tmp_path, texts, source="en")
    alignment = _rows(docset, [{l: (i,) for l in docset.languages} for i in range(12)])
    return docset, texts, run_checks(docset, alignment, ["clause"])


def test_a_clause_every_other_version_has_is_flagged_where_it_is_missing(tmp_path):
    _, texts, flags = _clause_docset(tmp_path, " обсудил годовой бюджет института")
    assert [(f.lang, f.row, f.paragraph) for f in flags] == [("ru", "r6", 6)]
    text = texts["ru"][6]
    assert flags[0].start == flags[0].end or "и согласился" in text[flags[0].start : flags[0].end]
    assert "институт" not in text
    assert "discussed the annual budget" in flags[0].evidence["en"]
    assert "预算" in flags[0].evidence["zh"]


def test_faithful_versions_and_terse_renderings_are_not_flagged(tmp_path):
    assert _clause_docset(tmp_path / "a", None)[2] == []
    # one version says it shorter, with its clauses all there
    assert _clause_docset(tmp_path / "b", "годовой ")[2] == []


def test_two_versions_need_a_number_or_name_to_show_the_lost_clause(tmp_path):
    # with one other version, a clause's length alone is what a loose translation gives too
    flags = _clause_docset(tmp_path / "a", " обсудил годовой бюджет института", langs=("en", "ru"))[
        2
    ]
    assert flags == []


def test_the_bundled_statement_s_missing_clause(tmp_path):
    copy = tmp_path / "js"
    shutil.copytree(BUNDLED, copy, ignore=shutil.ignore_patterns("review"))
    result = run_aligner("check", str(copy), "--checks", "clause", "--format", "json")
    flags = json.loads(result.stdout)["flags"]
    assert [(f["lang"], f["row"]) for f in flags] == [("en", "r47")]
    flag = flags[0]
    text = load(copy).paragraphs("en")[flag["paragraph"]]
    assert text[: flag["start"]].endswith("Kazakh and Russian")  # before the full stop
    assert flag["evidence"] == {
        "zh": "三种文本同等作准。",
        "kk": "әрі барлық мәтіндердің күші бірдей.",
        "ru": "причем все тексты имеют одинаковую силу.",
    }
