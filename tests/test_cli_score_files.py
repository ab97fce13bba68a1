"""``aligner score --hyp/--ref`` on files whose paragraph counts differ: paragraphs are paired
by the aligner, the figures equal the sacrebleu CLI's on the paired lines, never a traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

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
