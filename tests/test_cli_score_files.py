"""``aligner score --hyp/--ref`` on files whose paragraph counts differ: paragraphs are paired
by the aligner, the figures equal the sacrebleu CLI's on the paired lines, never a traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from aligner.paragraphs import split_paragraphs
from tests.conftest import BUNDLED, run_aligner

SACREBLEU = str(Path(sys.executable).with_name("sacrebleu"))
ADDED = (
    "Both sides agreed to hold the next meeting of the intergovernmental cooperation "
    "committee in Astana in the first half of 2024."
)


def _english() -> list[str]:
    return split_paragraphs((BUNDLED / "en.txt").read_text(encoding="utf-8"))


def _lightly_edited(paragraphs: list[str]) -> list[str]:
    """A reviewer's light edit: a word or a name changed in every fifth paragraph."""
    edited = list(paragraphs)
    for k in range(2, len(edited), 5):
        words = edited[k].split()
        words[len(words) // 2] = words[len(words) // 2].upper()
        edited[k] = " ".join(words)
    edited[2] = edited[2].replace("Kasemal Tokayev", "Kassym-Jomart Tokayev")
    return edited


def _sacrebleu(hyps: list[str], refs: list[str], tmp_path: Path) -> dict[str, float]:
    hyp, ref = tmp_path / "paired-hyp.txt", tmp_path / "paired-ref.txt"
    hyp.write_text("\n".join(hyps) + "\n", encoding="utf-8")
    ref.write_text("\n".join(refs) + "\n", encoding="utf-8")
    result = subprocess.run(
        [SACREBLEU, str(ref), "-i", str(hyp), "-m", "bleu", "chrf", "ter", "-w", "4", "-b"],
        capture_output=True,
        text=True,
        check=True,
    )
    return dict(zip(("bleu", "chrf", "ter"), json.loads(result.stdout)))


def _write(path: Path, paragraphs: list[str]) -> str:
    path.write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    return str(path)


def test_a_paragraph_the_reviewer_added_leaves_the_light_edit_scored_as_light(tmp_path):
    original = _english()
    reviewed = _lightly_edited(original)
    truth = _sacrebleu(original, reviewed, tmp_path)  # the edit, paragraph for paragraph
    with_added = reviewed[:25] + [ADDED] + reviewed[25:]
    result = run_aligner(
        "score",
        "--hyp",
        _write(tmp_path / "mt.txt", original),
        "--ref",
        _write(tmp_path / "reviewed.txt", with_added),
        "--bootstrap",
        "1",
        "--format",
        "json",
    )
    assert result.returncode == 0, result.stderr
    scores = json.loads(result.stdout)
    assert scores["segments"] == len(original)
    for name in ("bleu", "chrf", "ter"):
        assert abs(scores[name] - truth[name]) < 1e-4, (name, scores[name], truth)
    assert "1 of reviewed.txt" in result.stderr  # the added paragraph, named as left out


def test_a_long_hypothesis_against_a_short_reference_scores_instead_of_crashing(tmp_path):
    original = _english()
    result = run_aligner(
        "score",
        "--hyp",
        _write(tmp_path / "all.txt", original),
        "--ref",
        _write(tmp_path / "seven.txt", original[:7]),
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr and "unexpected" not in result.stderr
    assert "BLEU" in result.stdout and "± " in result.stdout  # confidence intervals too


def _score_json(tmp_path: Path, hyp: list[str], ref: list[str]) -> dict:
    result = run_aligner(
        "score",
        "--hyp",
        _write(tmp_path / "hyp.txt", hyp),
        "--ref",
        _write(tmp_path / "ref.txt", ref),
        "--bootstrap",
        "1",
        "--format",
        "json",
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout) | {"stderr": result.stderr}


@pytest.mark.parametrize("long_side", ["hyp", "ref"])
def test_seven_paragraphs_against_fifty_pair_each_with_its_own(tmp_path, long_side):
    """Every seventh paragraph, lightly edited, against the whole text (50 paragraphs),
    either way round: the 7 pairs are scored as sacrebleu scores them, the 43 others are
    counted as having no counterpart."""
    original = _english()
    assert len(original) == 50
    picked = list(range(0, 50, 7))
    edited = _lightly_edited(original)
    short = [edited[k] for k in picked]
    if long_side == "hyp":
        hyp, ref, truth = (
            original,
            short,
            _sacrebleu([original[k] for k in picked], short, tmp_path),
        )
    else:
        hyp, ref, truth = (
            short,
            original,
            _sacrebleu(short, [original[k] for k in picked], tmp_path),
        )
    scores = _score_json(tmp_path, hyp, ref)
    assert scores["segments"] == len(picked)
    for name in ("bleu", "chrf", "ter"):
        assert abs(scores[name] - truth[name]) < 1e-4, (name, scores[name], truth)
    name = "hyp.txt" if long_side == "hyp" else "ref.txt"
    assert f"{50 - len(picked)} of {name}" in scores["stderr"]


def test_equal_counts_equal_the_sacrebleu_cli(tmp_path):
    original = _english()
    edited = _lightly_edited(original)
    scores = _score_json(tmp_path, original, edited)
    truth = _sacrebleu(original, edited, tmp_path)
    assert scores["segments"] == 50 and "paragraph counts differ" not in scores["stderr"]
    for name in ("bleu", "chrf", "ter"):
        assert abs(scores[name] - truth[name]) < 1e-4, (name, scores[name], truth)


@pytest.mark.parametrize("content", ["", "\n\n  \n"], ids=["0 bytes", "blank lines"])
def test_an_empty_file_is_one_clear_line_and_exit_2(tmp_path, content):
    empty = tmp_path / "empty.txt"
    empty.write_text(content, encoding="utf-8")
    full = _write(tmp_path / "full.txt", _english())
    for hyp, ref in ((str(empty), full), (full, str(empty))):
        result = run_aligner("score", "--hyp", hyp, "--ref", ref)
        assert result.returncode == 2 and result.stdout == ""
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith(f"aligner: error: {empty}: "), lines
        assert "empty" in lines[0] and "Traceback" not in result.stderr
