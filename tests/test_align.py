"""The aligner: rows on the bundled statement, each bead type, identity and edge cases."""

from __future__ import annotations

import re

import pytest

from aligner.align import align, align_pairs
from aligner.align.display import cell_width, clip, visible
from aligner.docset import load
from tests.conftest import BUNDLED, write_docset


@pytest.fixture(scope="module")
def statement():
    return load(BUNDLED)


def rows_of(alignment):
    """Rows as {lang: (first, last) or None} for compact comparison."""
    out = []
    for row in alignment.rows:
        out.append(
            {
                lang: (row.indices(lang)[0], row.indices(lang)[-1]) if row.indices(lang) else None
                for lang in alignment.languages
            }
        )
    return out


def expected_statement_rows():
    """Read off the texts: each version has a title en lacks; zh merges en 20+21 (the Astana
    International Financial Centre); kk splits en 28 (transboundary rivers); ru merges en 19
    (air transport) into en 18 (railways) and splits en 42 (China-Central Asia Summit)."""
    rows = [{"en": None, "zh": (0, 0), "kk": (0, 0), "ru": (0, 0)}]

    def one(en, zh, kk, ru):
        rows.append({"en": en, "zh": zh, "kk": kk, "ru": ru})

    for i in range(0, 18):
        one((i, i), (i + 1, i + 1), (i + 1, i + 1), (i + 1, i + 1))
    one((18, 19), (19, 20), (19, 20), (19, 19))
    one((20, 21), (21, 21), (21, 22), (20, 21))
    for i in range(22, 28):
        one((i, i), (i, i), (i + 1, i + 1), (i, i))
    one((28, 28), (28, 28), (29, 30), (28, 28))
    for i in range(29, 42):
        one((i, i), (i, i), (i + 2, i + 2), (i, i))
    one((42, 42), (42, 42), (44, 44), (42, 43))
    for i in range(43, 50):
        one((i, i), (i, i), (i + 2, i + 2), (i + 1, i + 1))
    return rows


def test_bundled_statement_rows_are_exactly_the_known_structure(statement):
    alignment = align(statement, fresh=True)
    assert alignment.languages == ("en", "zh", "kk", "ru")
    assert rows_of(alignment) == expected_statement_rows()
    assert [row.id for row in alignment.rows] == [f"r{k}" for k in range(1, 50)]
    title = alignment.rows[0]
    assert title.low_confidence and all(not r.low_confidence for r in alignment.rows[1:])


def test_expected_rows_match_the_texts(statement):
    """The hand-written table is right: the facts in each row agree across languages."""
    rows = expected_statement_rows()
    zh, kk, ru = (statement.paragraphs(lang) for lang in ("zh", "kk", "ru"))
    en = statement.paragraphs("en")
    assert "阿斯塔纳国际金融中心" in zh[21] and "Astana International Financial" in en[20]
    assert "Financial Center" in en[21] or "financial" in en[21].lower()
    assert "трансшекаралық өзен" in kk[29] and "су ресурстарына" in kk[30]
    assert "авиа" in ru[19].lower() and "air transport" in en[19]
    assert "Центральная Азия – Китай" in ru[42] and "China-Central Asia Summit" in en[42]
    for row in rows:
        if row["en"] is None:
            continue
        numbers = set()
        for lang, text in (("zh", zh), ("kk", kk), ("ru", ru)):
            a, b = row[lang]
            numbers.add(frozenset(re.findall(r"20[12]\d", " ".join(text[a : b + 1]))))
        assert len(numbers) == 1, row  # zh, kk and ru (all faithful) name the same years


def test_languages_and_pivot_options(statement):
    alignment = align(statement, ["ru", "zh"], pivot="zh", fresh=True)
    assert alignment.languages == ("ru", "zh")
    assert sum(len(r.indices("ru")) for r in alignment.rows) == 51
    merged = [r for r in alignment.rows if len(r.indices("ru")) > 1 or len(r.indices("zh")) > 1]
    assert [(r.indices("zh"), r.indices("ru")) for r in merged] == [
        ((19, 20), (19,)),
        ((21,), (20, 21)),
        ((42,), (42, 43)),
    ]


def _docset(tmp_path, en: list[str], other: list[str], lang: str = "ru"):
    root = write_docset(
        tmp_path / "d", {"en.txt": "\n\n".join(en) + "\n", f"{lang}.txt": "\n\n".join(other) + "\n"}
    )
    return load(root)


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.;])\s+", text) if s]


@pytest.fixture(scope="module")
def base(statement):
    """Ten English paragraphs and their Russian (all 1-1), from the bundled statement."""
    return list(statement.paragraphs("en")[1:11]), list(statement.paragraphs("ru")[2:12])


def _beads(tmp_path, en, ru):
    pair = align_pairs(_docset(tmp_path, en, ru), pivot="en")["ru"]
    return [(b.p0, b.p1, b.o0, b.o1) for b in pair.beads]


def test_identity_on_small_base_is_all_one_to_one(tmp_path, base):
    en, ru = base
    assert _beads(tmp_path, en, ru) == [(i, i + 1, i, i + 1) for i in range(10)]


def test_bead_2_1_merge(tmp_path, base):
    en, ru = base
    ru = ru[:4] + [ru[4] + " " + ru[5]] + ru[6:]
    assert (4, 6, 4, 5) in _beads(tmp_path, en, ru)


def test_bead_1_2_split(tmp_path, base):
    en, ru = base
    parts = _sentences(ru[6])
    assert len(parts) >= 2
    ru = ru[:6] + [" ".join(parts[: len(parts) // 2]), " ".join(parts[len(parts) // 2 :])] + ru[7:]
    assert (6, 7, 6, 8) in _beads(tmp_path, en, ru)


def test_bead_2_2_moved_boundary(tmp_path, base):
    en, ru = base
    moved = _sentences(ru[6])
    half = (len(moved) + 1) // 2
    # ru moves the first half of its 7th paragraph to the end of the 6th
    ru = ru[:5] + [ru[5] + " " + " ".join(moved[:half]), " ".join(moved[half:])] + ru[7:]
    assert (5, 7, 5, 7) in _beads(tmp_path, en, ru)


def test_bead_3_1_merge_of_three(tmp_path, base):
    en, ru = base
    ru = ru[:2] + [" ".join(ru[2:5])] + ru[5:]
    assert (2, 5, 2, 3) in _beads(tmp_path, en, ru)


def test_bead_1_3_split_in_three(tmp_path, statement):
    en = list(statement.paragraphs("en")[1:11])
    ru = list(statement.paragraphs("ru")[2:12])
    parts = _sentences(ru[5])  # Kazakh ... reforms: several sentences
    k = max(1, len(parts) // 3)
    if len(parts) < 3:
        parts = _sentences(ru[6])
        k = max(1, len(parts) // 3)
        target = 6
    else:
        target = 5
    pieces = [" ".join(parts[:k]), " ".join(parts[k : 2 * k]), " ".join(parts[2 * k :])]
    ru = ru[:target] + pieces + ru[target + 1 :]
    assert (target, target + 1, target, target + 3) in _beads(tmp_path, en, ru)


def test_bead_1_0_omission(tmp_path, base):
    en, ru = base
    ru = ru[:7] + ru[8:]  # en 7 (481 characters) has no counterpart; its neighbours differ
    assert (7, 8, 7, 7) in _beads(tmp_path, en, ru)


def test_bead_0_1_insertion(tmp_path, base, statement):
    en, ru = base
    extra = statement.paragraphs("ru")[30]  # unrelated: from far away in the statement
    ru = ru[:7] + [extra] + ru[7:]
    assert (7, 7, 7, 8) in _beads(tmp_path, en, ru)


def test_identity_on_a_copy_of_the_statement(tmp_path, statement):
    text = (BUNDLED / "en.txt").read_text(encoding="utf-8")
    docset = load(write_docset(tmp_path / "same", {"en.txt": text, "de.txt": text}))
    alignment = align(docset)
    assert all(
        row.indices("en") == row.indices("de") and len(row.indices("en")) == 1
        for row in alignment.rows
    )
    assert len(alignment.rows) == 50 and min(row.score for row in alignment.rows) > 0.9


def test_a_language_with_no_paragraphs_gets_empty_cells(tmp_path, statement):
    en = "\n\n".join(statement.paragraphs("en")[:5])
    docset = load(write_docset(tmp_path / "empty", {"en.txt": en, "ru.txt": ""}))
    alignment = align(docset)
    assert [r.indices("en") for r in alignment.rows] == [(i,) for i in range(5)]
    assert all(r.indices("ru") == () for r in alignment.rows)
    docset = load(write_docset(tmp_path / "empty-pivot", {"en.txt": "", "ru.txt": en}))
    alignment = align(docset)
    assert alignment.counts() == {"en": 0, "ru": 5}
    assert any("no paragraphs" in note for note in alignment.notes)


def test_one_paragraph_against_a_hundred(tmp_path, statement):
    many = [f"Paragraph {k}: {statement.paragraphs('ru')[k % 50]}" for k in range(100)]
    docset = load(
        write_docset(
            tmp_path / "lopsided",
            {"en.txt": statement.paragraphs("en")[5], "ru.txt": "\n\n".join(many)},
        )
    )
    alignment = align(docset)
    assert alignment.counts() == {"en": 1, "ru": 100}
    _assert_partition(alignment, {"en": 1, "ru": 100})


def test_repeated_identical_paragraphs_stay_in_order(tmp_path):
    en = [
        "Article 1. The parties agree.",
        *["The parties shall cooperate."] * 6,
        "Article 2. Final provisions apply from 1 June 2024.",
    ]
    ru = [
        "Статья 1. Стороны договорились.",
        *["Стороны сотрудничают."] * 6,
        "Статья 2. Заключительные положения применяются с 1 июня 2024 года.",
    ]
    alignment = align(_docset(tmp_path, en, ru))
    assert [(r.indices("en"), r.indices("ru")) for r in alignment.rows] == [
        ((i,), (i,)) for i in range(8)
    ]


def _assert_partition(alignment, counts):
    for lang, count in counts.items():
        seen = [i for row in alignment.rows for i in row.indices(lang)]
        assert seen == list(range(count))
        for row in alignment.rows:
            found = row.indices(lang)
            assert list(found) == list(range(found[0], found[0] + len(found))) if found else True
    assert all(any(row.cells.values()) for row in alignment.rows)


def test_every_paragraph_in_exactly_one_row(statement):
    alignment = align(statement, fresh=True)
    _assert_partition(
        alignment, {lang: len(statement.paragraphs(lang)) for lang in statement.languages}
    )


def test_progress_reports_each_pair(statement):
    seen = []
    align(
        statement, fresh=True, progress=lambda what, done, total: seen.append((what, done, total))
    )
    assert {what for what, _, _ in seen} >= {"en-zh", "en-kk", "en-ru"}
    assert ("en-ru", 50, 50) in seen


def test_deterministic(statement):
    first, second = align(statement, fresh=True), align(statement, fresh=True)
    assert first.rows == second.rows


def test_cell_width_counts_chinese_as_two():
    assert cell_width("abc") == 3 and cell_width("中文") == 4 and cell_width("e\u0301") == 1
    assert clip("中华人民共和国", 7) == "中华人…" and clip("中华人民共和国", 8) == "中华人… "
    assert cell_width(clip("中华人民共和国", 8)) == 8
    assert visible("a\x1b[31mb") == "a\u241b[31mb"


def test_long_texts_aligned_by_worker_processes_match_one_process(statement, monkeypatch):
    """Above PARALLEL_FROM paragraphs, where the search runs in Python, the pairs are
    searched in stretches by worker processes; the rows must be exactly those one process
    finds."""
    from aligner import parallel
    from aligner.align import PARALLEL_FROM, search
    from tests.conftest import generated

    monkeypatch.setattr(search, "KERNEL", None)  # the Python search: workers are used

    long = generated(statement, 1600)
    assert sum(len(long.paragraphs(lang)) for lang in long.languages) > PARALLEL_FROM
    monkeypatch.setenv("ALIGNER_WORKERS", "1")
    alone = align(long, fresh=True)
    monkeypatch.setenv("ALIGNER_WORKERS", "2")
    assert parallel.pool() is not None
    shared = align(long, fresh=True)
    assert shared.rows == alone.rows
    _assert_partition(shared, {lang: len(long.paragraphs(lang)) for lang in long.languages})


def test_a_long_omission_is_found_without_searching_the_whole_matrix(statement):
    """200 consecutive paragraphs missing in the middle of a long ru: the band widens only
    there (it once compounded across the gap and searched the whole matrix for minutes)."""
    import dataclasses

    from tests.conftest import generated

    long = generated(statement, 2500, ("en", "ru"))
    base = align(long, fresh=True)
    ru = list(long.paragraphs("ru"))
    del ru[1200:1400]
    texts = dict(long.texts, ru=dataclasses.replace(long.texts["ru"], paragraphs=tuple(ru)))
    gapped = align(dataclasses.replace(long, texts=texts), fresh=True)

    def links(alignment, shift_from=None):
        return {
            (i, j + (200 if shift_from is not None and j >= shift_from else 0))
            for row in alignment.rows
            for i in row.cells["en"]
            for j in row.cells["ru"]
        }

    expected = {(i, j) for i, j in links(base) if not 1200 <= j < 1400}
    found = links(gapped, 1200)
    assert len(expected & found) >= 0.995 * len(expected)
    lonely = [row for row in gapped.rows if row.cells["en"] and not row.cells["ru"]]
    assert 190 <= len(lonely) <= 215


def test_preview_aligns_the_first_rows_of_a_long_docset(statement):
    """The first screen of a long docset opened for the first time: the first rows, right,
    covering a prefix of every text, while the whole is aligned."""
    from aligner.align import preview
    from tests.conftest import generated

    copies = 60
    long = generated(statement, copies * len(statement.paragraphs("en")))
    shown = preview(long)
    assert shown.origin == "preview"
    assert 60 <= len(shown.rows) < len(long.paragraphs("en")) // 10
    base = align(statement, fresh=True)
    counts = {lang: len(statement.paragraphs(lang)) for lang in statement.languages}
    gold = [
        {
            lang: tuple(i + copy * counts[lang] for i in row.cells[lang])
            for lang in statement.languages
        }
        for copy in range(copies)
        for row in base.rows
    ]
    assert [row.cells for row in shown.rows] == gold[: len(shown.rows)]
    assert [row.id for row in shown.rows] == [f"r{k}" for k in range(1, len(shown.rows) + 1)]


def test_the_caller_takes_its_share_when_the_pool_leaves_it_a_core(statement, monkeypatch):
    """The review UI's pool has one worker fewer than cores; its loading thread takes tasks
    back from the pool and runs them itself. Same rows, every paragraph once."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from aligner import parallel
    from aligner.align import search
    from tests.conftest import generated

    monkeypatch.setattr(search, "KERNEL", None)  # the Python search: workers are used
    long = generated(statement, 1600)
    monkeypatch.setenv("ALIGNER_WORKERS", "1")
    alone = align(long, fresh=True)
    monkeypatch.setenv("ALIGNER_WORKERS", "2")
    one = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("forkserver"))
    monkeypatch.setattr(parallel, "_pool", one)
    ran_here = []
    original = parallel.Runner._take_back

    def take_back(self):
        task = original(self)
        ran_here.append(task is not None)
        return task

    monkeypatch.setattr(parallel.Runner, "_take_back", take_back)
    try:
        shared = align(long, fresh=True)
    finally:
        one.shutdown()
    assert shared.rows == alone.rows
    assert any(ran_here)
