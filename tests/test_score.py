"""Scores: the same figures as sacrebleu's own API, HTER of reviewed text, clear refusals."""

from __future__ import annotations

import json
import shutil

import pytest
import sacrebleu

from aligner.align import align
from aligner.docset import load
from aligner.review.store import ReviewStore
from tests.conftest import BUNDLED, run_aligner

REF = [
    "The two sides agreed to deepen cooperation in trade and investment.",
    "The statement was signed in Xi'an on 17 May 2023.",
    "Kazakhstan will chair the Shanghai Cooperation Organization in 2023-2024.",
]
HYP = [
    "The two sides agreed to deepen the cooperation in trade and investments.",
    "The statement was signed in Xi'an on May 2023, 5.",
    "Kazakhstan will chair the Shanghai Cooperation Organization in 2023-2024.",
]


@pytest.fixture
def files(tmp_path):
    (tmp_path / "ref.txt").write_text("\n\n".join(REF), encoding="utf-8")
    (tmp_path / "hyp.txt").write_text("\n\n".join(HYP), encoding="utf-8")
    (tmp_path / "same.txt").write_text("\n\n".join(REF), encoding="utf-8")
    return tmp_path


def test_file_scores_equal_sacrebleus_own_api(files):
    result = run_aligner(
        "score",
        "--hyp",
        str(files / "hyp.txt"),
        "--ref",
        str(files / "ref.txt"),
        "--format",
        "json",
        "--bootstrap",
        "1",
    )
    assert result.returncode == 0, result.stderr
    scores = json.loads(result.stdout)
    assert scores["bleu"] == pytest.approx(sacrebleu.corpus_bleu(HYP, [REF]).score, abs=1e-3)
    assert scores["chrf"] == pytest.approx(sacrebleu.corpus_chrf(HYP, [REF]).score, abs=1e-3)
    assert scores["chrf++"] == pytest.approx(
        sacrebleu.corpus_chrf(HYP, [REF], word_order=2).score, abs=1e-3
    )
    assert scores["ter"] == pytest.approx(sacrebleu.corpus_ter(HYP, [REF]).score, abs=1e-3)
    assert (
        scores["signatures"]["bleu"].startswith("#:1|")
        and "tok:13a" in scores["signatures"]["bleu"]
    )


def test_identical_texts_give_bleu_100_and_ter_0(files):
    result = run_aligner(
        "score",
        "--hyp",
        str(files / "same.txt"),
        "--ref",
        str(files / "ref.txt"),
        "--format",
        "json",
    )
    scores = json.loads(result.stdout)
    assert scores["bleu"] == pytest.approx(100) and scores["ter"] == pytest.approx(0)
    assert scores["chrf"] == pytest.approx(100)


def test_confidence_intervals_and_paired_comparison(files):
    result = run_aligner(
        "score",
        "--hyp",
        str(files / "hyp.txt"),
        "--ref",
        str(files / "ref.txt"),
        "--compare",
        str(files / "same.txt"),
        "--format",
        "json",
    )
    assert result.returncode == 0, result.stderr
    scores = json.loads(result.stdout)
    assert set(scores["ci"]) == {"bleu", "chrf", "chrf++", "ter"}
    assert "bs:1000" in scores["signatures"]["chrf"]
    compared = scores["compare"]["chrf"]
    assert compared["compare"] == pytest.approx(100) and compared["p_value"] is not None


def test_chinese_uses_the_zh_tokenizer(tmp_path):
    (tmp_path / "ref.txt").write_text("本声明于2023年5月17日在西安签署。", encoding="utf-8")
    (tmp_path / "hyp.txt").write_text("本声明于2023年5月5日在西安签署。", encoding="utf-8")
    result = run_aligner(
        "score",
        "--hyp",
        str(tmp_path / "hyp.txt"),
        "--ref",
        str(tmp_path / "ref.txt"),
        "--lang",
        "zh",
        "--format",
        "json",
    )
    scores = json.loads(result.stdout)
    assert "tok:zh" in scores["signatures"]["bleu"]
    expected = sacrebleu.corpus_bleu(
        ["本声明于2023年5月5日在西安签署。"], [["本声明于2023年5月17日在西安签署。"]], tokenize="zh"
    )
    assert scores["bleu"] == pytest.approx(expected.score, abs=1e-3)


def test_russian_reports_chrf_first(files):
    result = run_aligner(
        "score", "--hyp", str(files / "hyp.txt"), "--ref", str(files / "ref.txt"), "--lang", "ru"
    )
    lines = [line.split()[0] for line in result.stdout.splitlines()[1:5]]
    assert lines == ["chrF", "chrF++", "BLEU", "TER"]


def test_counts_that_differ_are_lined_up_by_the_aligner(files):
    merged = [REF[0] + " " + REF[1], REF[2]]
    (files / "merged.txt").write_text("\n\n".join(merged), encoding="utf-8")
    result = run_aligner(
        "score",
        "--hyp",
        str(files / "merged.txt"),
        "--ref",
        str(files / "ref.txt"),
        "--format",
        "json",
    )
    assert result.returncode == 0, result.stderr
    assert "paragraph counts differ" in result.stderr and "rows the aligner pairs" in result.stderr
    assert json.loads(result.stdout)["segments"] == 2


@pytest.mark.parametrize(
    "args,fragment",
    [
        (["--hyp", "missing.txt", "--ref", "ref.txt"], "missing.txt: no such file"),
        (["--hyp", "hyp.txt"], "needs --hyp FILE and at least one --ref"),
        (["--hyp", "empty.txt", "--ref", "ref.txt"], "empty.txt: empty file"),
    ],
)
def test_bad_files_exit_2(files, args, fragment):
    (files / "empty.txt").write_text("\n", encoding="utf-8")
    result = run_aligner("score", *args, cwd=files)
    assert result.returncode == 2
    assert fragment in result.stderr and len(result.stderr.strip().splitlines()) == 1


@pytest.fixture
def reviewed(tmp_path):
    docset = tmp_path / "joint-statement-2023"
    shutil.copytree(BUNDLED, docset, ignore=shutil.ignore_patterns("review", "alignment.tsv"))
    return docset


def test_a_docset_without_fixes_says_so(reviewed):
    result = run_aligner("score", str(reviewed))
    assert result.returncode == 0 and "no review files yet" in result.stdout
    loaded = load(reviewed)
    store = ReviewStore.open(loaded, align(loaded), None)
    store.approve("r3", "en")  # reviewed, but nothing changed
    result = run_aligner("score", str(reviewed), "--lang", "en")
    assert "no fixes yet" in result.stdout and "BLEU" not in result.stdout


def test_reviewed_text_is_scored_against_the_original(reviewed):
    loaded = load(reviewed)
    store = ReviewStore.open(loaded, align(loaded), None)
    original = store.get("r2", "en").original
    fixed = original.replace("Kasemal Tokayev", "Kassym-Jomart Tokayev")
    store.set_fix("r2", "en", fixed)
    result = run_aligner("score", str(reviewed), "--lang", "en", "--format", "json")
    assert result.returncode == 0, result.stderr
    scores = json.loads(result.stdout)
    assert scores["rows_fixed"] == 1
    texts = [(r.original, r.text) for r in store.reviews("en") if r.original or r.text]
    hyps, refs = [o for o, _ in texts], [t for _, t in texts]
    assert scores["ter"] == pytest.approx(sacrebleu.corpus_ter(hyps, [refs]).score, abs=1e-3)
    row = next(r for r in scores["rows"] if r["id"] == "r2")
    assert row["fixed"] and row["chrf"] == pytest.approx(
        sacrebleu.sentence_chrf(original, [fixed]).score, abs=1e-3
    )
    assert all(r["chrf"] == pytest.approx(100) for r in scores["rows"] if not r["fixed"])
