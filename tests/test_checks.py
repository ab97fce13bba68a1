"""Checks that need no facts: placeholders, repeats, control characters, punctuation, language,
omissions, consistency and alignment confidence, on small docsets built by hand."""

from __future__ import annotations

from pathlib import Path

import pytest

from aligner.alignment import Alignment, Row
from aligner.checks import CheckError, check_names, run_checks
from aligner.docset import load
from tests.conftest import write_docset


def one_to_one(docset, scores=None) -> Alignment:
    """Rows pairing paragraph i of every language (a language that runs out has an empty cell)."""
    count = max(len(docset.paragraphs(lang)) for lang in docset.languages)
    rows = tuple(
        Row(
            f"r{i}",
            {lang: (i,) if i < len(docset.paragraphs(lang)) else () for lang in docset.languages},
            (scores or {}).get(i, 1.0),
        )
        for i in range(count)
    )
    return Alignment(docset.languages, rows)


def check(tmp_path: Path, texts: dict[str, list[str]], names: str, alignment=None, scores=None):
    files = {f"{lang}.txt": "\n\n".join(paragraphs) for lang, paragraphs in texts.items()}
    docset = load(write_docset(tmp_path / "ds", files))
    return run_checks(
        docset, alignment(docset) if alignment else one_to_one(docset, scores), names.split(",")
    )


def spans(flags, texts):
    """(lang, paragraph, flagged text) of each flag, for readable assertions."""
    return [(f.lang, f.paragraph, texts[f.lang][f.paragraph][f.start : f.end]) for f in flags]


def test_every_check_kind_is_registered():
    assert set(check_names()) >= {
        "placeholder",
        "repeat",
        "omission",
        "language",
        "punctuation",
        "consistency",
        "control",
        "alignment",
    }


def test_unknown_check_name_is_refused():
    with pytest.raises(CheckError, match="unknown check.*nosuch.*known checks"):
        run_checks(None, Alignment(()), ["nosuch"])


def test_leftover_placeholder_is_flagged_where_it_stands(tmp_path):
    texts = {
        "en": ["Growth in the past <> years and {0} items.", "Fine text."],
        "ru": ["Рост за последние десять лет и {0} предметов.", "Хороший текст."],
    }
    flags = check(tmp_path, texts, "placeholder")
    assert spans(flags, texts) == [("en", 0, "<>")]
    assert flags[0].severity == "error" and flags[0].row == "r0"


def test_doubled_word_and_doubled_list_item(tmp_path):
    texts = {
        "en": [
            "Energy, agriculture, transportation, transportation and logistics.",
            "We met the the delegation.",
        ],
        "zh": ["能源、农业、交通运输和物流。", "我们常常会见代表团。"],
    }
    flags = check(tmp_path, texts, "repeat")
    assert spans(flags, texts) == [("en", 0, ", transportation"), ("en", 1, " the")]
    fixed = texts["en"][0][: flags[0].start] + flags[0].expected + texts["en"][0][flags[0].end :]
    assert fixed == "Energy, agriculture, transportation and logistics."


def test_chinese_repeated_list_item(tmp_path):
    texts = {"zh": ["能源、农业、农业和物流。"], "en": ["Energy, agriculture and logistics."]}
    assert spans(check(tmp_path, texts, "repeat"), texts) == [("zh", 0, "、农业")]


def test_control_characters_and_ansi_sequences(tmp_path):
    texts = {
        "en": ["Plain \x1b[31mred\x1b[0m text with a bell\x07 here."],
        "ru": ["Простой текст\twith tab."],
    }
    flags = check(tmp_path, texts, "control")
    assert spans(flags, texts) == [("en", 0, "\x1b[31m"), ("en", 0, "\x1b[0m"), ("en", 0, "\x07")]
    assert all(f.severity == "error" for f in flags)


def test_numbers_inside_escape_sequences_are_not_numbers(tmp_path):
    # "ESC ]2;" sets a terminal's title and "ESC [31m" is red: the control check reports
    # them, the number check must not read a 2 or a 31 in them
    texts = {
        "en": ["Hello \x1b]2;title\x07 and \x1b[31mred\x1b[0m, 12 items."],
        "ru": ["Привет и красный, 12 пунктов."],
    }
    assert check(tmp_path, texts, "number") == []
    assert len(check(tmp_path / "again", texts, "control")) == 3


def test_unbalanced_bracket_flagged_unless_other_versions_share_it(tmp_path):
    texts = {
        "en": ["The sides (both of them agreed.", "He said: «it is a start"],
        "ru": ["Стороны (обе) согласились.", "Он сказал: «это начало"],
    }
    flags = check(tmp_path, texts, "punctuation")
    assert spans(flags, texts) == [("en", 0, "(")]


def test_minority_quote_style_within_a_language(tmp_path):
    ru = [f"Стороны поддержали «инициативу {i}»." for i in range(5)] + ['Он сказал "да".']
    texts = {"ru": ru, "en": [f"Paragraph {i}." for i in range(6)]}
    flags = check(tmp_path, texts, "punctuation")
    assert spans(flags, texts) == [("ru", 5, '"')]
    assert flags[0].expected == "«"


def test_paragraph_in_the_wrong_language(tmp_path):
    texts = {
        "zh": [
            "The two sides agreed to deepen cooperation in trade and energy.",
            "双方同意深化贸易和能源合作。",
        ],
        "kk": [
            "Стороны договорились углублять сотрудничество в торговле и энергетике.",
            "Тараптар сауда және энергетика саласындағы ынтымақтастықты тереңдетуге келісті.",
        ],
        "en": [
            "The two sides agreed to deepen cooperation in trade and energy.",
            "The sides agreed on energy.",
        ],
    }
    flags = check(tmp_path, texts, "language")
    found = {(f.lang, f.paragraph): f.message for f in flags}
    assert set(found) == {("zh", 0), ("kk", 0)}
    assert "en" in found[("zh", 0)] and "ru" in found[("kk", 0)]


def test_untranslated_copy_of_another_column(tmp_path):
    copy = "Стороны договорились углублять сотрудничество в торговле и энергетике."
    texts = {"ru": [copy], "uk": [copy], "en": ["The sides agreed to deepen trade cooperation."]}
    flags = check(tmp_path, texts, "language")
    assert [(f.lang, f.evidence.keys() == {"ru"}) for f in flags] == [("uk", True)]
    assert "same text as ru" in flags[0].message


def test_copies_of_references_options_and_names_are_no_untranslated_text(tmp_path):
    """A man page's "SEE ALSO" line or option line is the same in every language; a sentence
    left in English beside them is flagged."""
    kept = ["chpasswd(8), passwd(5), shadow(5), usermod(8).", "-r, --repository REPOSITORY"]
    left = "change password in REPOSITORY repository of the named account"
    texts = {
        "en": [*kept, left],
        "ru": [*kept, left],
        "zh": [*kept, "在 REPOSITORY 仓库中更改密码"],
    }
    flags = check(tmp_path, texts, "language")
    assert [(f.lang, f.paragraph) for f in flags] == [("ru", 2)]


def test_a_copy_left_in_english_has_the_numbers_of_the_english(tmp_path):
    """A Russian man page keeps an English paragraph with "Jan 2, 1970": read as Russian its
    date would be "2, 1970" and the English one would look wrong; it is the same text."""
    kept = "The account expires on Jan 2, 1970 unless the password is changed in time."
    texts = {
        "en": [kept, "It has 5 entries."],
        "ru": [kept, "В нём 6 записей."],
        "zh": ["除非及时更改密码，该账户将于 1970年1月2日 过期。", "它有 5 个条目。"],
    }
    flags = check(tmp_path, texts, "number")
    assert [(f.lang, f.paragraph) for f in flags] == [("ru", 1)]


def test_short_paragraphs_are_not_judged(tmp_path):
    texts = {"zh": ["5G", "CICA"], "en": ["5G", "CICA"]}
    assert check(tmp_path, texts, "language") == []


def _parallel(count: int) -> dict[str, list[str]]:
    en = [
        f"The two sides agreed to develop cooperation in field number {i} with care."
        for i in range(count)
    ]
    ru = [
        f"Стороны договорились развивать сотрудничество в области номер {i} с вниманием."
        for i in range(count)
    ]
    return {
        "en": en,
        "ru": ru,
        "zh": [f"双方同意认真发展第{i}号领域的合作。" for i in range(count)],
    }


def test_omission_against_the_documents_own_length_ratios(tmp_path):
    texts = _parallel(12)
    texts["ru"][5] = "Стороны договорились."
    flags = check(tmp_path, texts, "omission")
    assert [(f.lang, f.paragraph) for f in flags] == [("ru", 5)]
    assert "shorter" in flags[0].message


def test_versions_left_untranslated_do_not_make_translations_look_short(tmp_path):
    # a man page whose zh keeps most paragraphs in English: the copies must not set the
    # usual zh/en ratio (else every translated zh paragraph is "3 times shorter"), nor be
    # outliers themselves (the language check reports them)
    texts = _parallel(24)
    for i in range(0, 24, 3):
        texts["zh"][i], texts["zh"][i + 1] = texts["en"][i], texts["en"][i + 1]
        texts["ru"][i] = texts["en"][i]
    assert check(tmp_path, texts, "omission") == []
    texts["zh"][5] = "双方同意。"
    flags = check(tmp_path / "again", texts, "omission")
    assert [(f.lang, f.paragraph) for f in flags] == [("zh", 5)]


def test_empty_cell_left_by_the_alignment(tmp_path):
    texts = {"en": ["Title of the statement here.", "Body."], "ru": ["Заголовок заявления."]}
    flags = check(tmp_path, texts, "omission")
    assert [(f.lang, f.row, f.paragraph) for f in flags] == [("ru", "r1", None)]


def test_same_source_sentence_rendered_differently(tmp_path):
    zh = [
        "双方同意加强合作。两国关系很好。",
        "双方同意加强合作。今年很重要。",
        "双方同意加强合作。",
    ]
    en = [
        "The two sides agreed to strengthen cooperation. Relations are good.",
        "The two sides agreed to strengthen cooperation. This year matters.",
        "Both parties decided to intensify their collaboration.",
    ]
    files = {"zh.txt": "\n\n".join(zh), "en.txt": "\n\n".join(en), "docset.toml": 'source = "zh"\n'}
    docset = load(write_docset(tmp_path / "ds", files))
    flags = run_checks(docset, one_to_one(docset), ["consistency"])
    assert [(f.lang, f.row) for f in flags] == [("en", "r2")]
    assert flags[0].expected == "The two sides agreed to strengthen cooperation."


def test_low_confidence_rows(tmp_path):
    texts = {"en": ["One.", "Two."], "ru": ["Один.", "Два."]}
    flags = check(tmp_path, texts, "alignment", scores={1: 0.2})
    assert [(f.row, f.check, f.severity) for f in flags] == [("r1", "alignment", "warning")]
    assert "0.20" in flags[0].message


def test_flags_point_into_the_right_paragraph_of_a_merged_cell(tmp_path):
    texts = {
        "en": ["First part.", "Second part with <> inside."],
        "zh": ["第一部分。第二部分里面有东西。"],
    }

    def merged(docset):
        return Alignment(docset.languages, (Row("r0", {"en": (0, 1), "zh": (0,)}),))

    flags = check(tmp_path, texts, "placeholder", alignment=merged)
    assert [(f.paragraph, f.start, f.end) for f in flags] == [(1, 17, 19)]


def test_a_row_with_an_empty_cell_is_left_to_the_omission_check(tmp_path):
    docset = load(write_docset(tmp_path / "ds", {"en.txt": "One.", "ru.txt": "Один.\n\nДва."}))
    alignment = Alignment(
        ("en", "ru"),
        (Row("r1", {"en": (0,), "ru": (0,)}, 1.0), Row("r2", {"en": (), "ru": (1,)}, 0.45)),
    )
    flags = run_checks(docset, alignment, ["alignment", "omission"])
    assert [(f.row, f.check) for f in flags] == [("r2", "omission")]


def test_long_documents_checked_in_worker_processes_get_the_same_flags(monkeypatch):
    """From SHARD_FROM rows the local checks run on shards in worker processes and the
    name check puts its spelling variants together from every shard: same flags as one
    process, including variants whose two spellings sit in different shards, and quote
    styles judged against the whole document's majority, not a shard's."""
    import dataclasses

    from aligner import parallel
    from aligner.align import align
    from aligner.checks import SHARD_FROM, run_checks
    from aligner.docset import load
    from tests.conftest import BUNDLED, generated

    statement = load(BUNDLED)
    long = generated(statement, SHARD_FROM + 100)
    en = list(long.paragraphs("en"))
    last = max(i for i, text in enumerate(en) if "Eurasia" in text)
    en[last] = en[last].replace("Eurasia", "Eurassia")  # a rare spelling in the last shard
    quoted = [i for i, text in enumerate(en) if text.count('"') == 2]
    for i in quoted[: len(quoted) // 6]:  # curly quotes: the first shard's usual style, but
        en[i] = en[i].replace('"', "“", 1).replace('"', "”", 1)  # rare in the whole text
    long = dataclasses.replace(
        long, texts=dict(long.texts, en=dataclasses.replace(long.texts["en"], paragraphs=tuple(en)))
    )
    alignment = align(long, fresh=True)
    assert len(alignment.rows) >= SHARD_FROM
    monkeypatch.setenv("ALIGNER_WORKERS", "1")
    alone = run_checks(long, alignment)
    monkeypatch.setenv("ALIGNER_WORKERS", "2")
    assert parallel.pool() is not None
    shared = run_checks(long, alignment)
    assert shared == alone
    assert any(f.check == "name" and f.expected == "Eurasia" for f in shared)
    curly = [f for f in shared if f.check == "punctuation" and "“ ”" in f.message]
    assert len(curly) == len(quoted) // 6 and all(f.expected == '"' for f in curly)
