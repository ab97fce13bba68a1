"""``aligner check`` on the bundled statement: every mangled fact in the English rendering is
flagged, correct facts are not, and the faithful zh, kk and ru versions stay (nearly) clean."""

from __future__ import annotations

import json
import shutil

import pytest

from aligner.docset import load
from tests.conftest import BUNDLED, run_aligner

# (damaged English as it stands, the check that must flag it, the suggestion if one is due)
TARGETS = [
    ("May 2023 to 5, 17", "number", "16 to 17 May 2023"),
    ("Kasemal Tokayev", "name", "Kassym-Jomart Tokayev"),
    ("2023th", "number", "20th"),
    ("10", "number", "2023"),  # "the 10 Chinese Two Sessions"
    ("<>", "placeholder", None),  # "the past <> years"
    ("2013.", "number", "2."),
    ("September 9", "number", "September 2013"),
    (", transportation", "repeat", ""),
    ("2015.", "number", "3."),
    ("Republic of Sacksthan", "name", "Republic of Kazakhstan"),
    ("May 2023, 5", "number", "17 May 2023"),
    (
        "Promoting International Cooperation in the Peaceful Uses of International Security in "
        "the Field of International Security",
        "name",
        None,
    ),
    # Center (4 times) and Centre mixed in one document; glossary names in small letters
    ("Centre", "spelling", "Center"),
    ("centres", "spelling", "centers"),
    ("centre", "spelling", "center"),
    ("global development initiative", "name", "Global Development Initiative"),
    ("global security initiative", "name", "Global Security Initiative"),
    ("global civilization initiative", "name", "Global Civilization Initiative"),
]
CORRECT = [
    "31 years",
    "75th session",
    "2022",
    "2023-2024",
    "sixth CICA",
    "10 years since",
    "2024 the year",
]


@pytest.fixture(scope="module")
def checked(tmp_path_factory):
    copy = tmp_path_factory.mktemp("bundled") / "joint-statement-2023"
    shutil.copytree(BUNDLED, copy, ignore=shutil.ignore_patterns("review", "alignment.tsv"))
    result = run_aligner("check", str(copy), "--format", "json", timeout=300)
    assert result.returncode == 1, result.stderr  # the English has errors
    docset = load(copy)
    flags = json.loads(result.stdout)["flags"]
    for flag in flags:
        paragraph = flag["paragraph"]
        text = docset.paragraphs(flag["lang"])[paragraph] if paragraph is not None else ""
        flag["span"] = text[flag["start"] : flag["end"]]
        flag["text"] = text
    return docset, flags


def test_every_mangled_fact_of_the_english_is_flagged(checked):
    _, flags = checked
    english = [f for f in flags if f["lang"] == "en"]
    for span, check, expected in TARGETS:
        hits = [f for f in english if f["span"] == span and check in f.get("checks", [f["check"]])]
        assert hits, f"{span!r} not flagged by {check}"
        if expected is not None:
            assert any(f.get("expected") == expected for f in hits), (span, hits)
    tokayev = [f for f in english if f["span"] == "Kasemjomart Tokayev"]
    assert len(tokayev) == 3  # twice in the text and in the signature
    placeholders = [
        f for f in english if f["span"] == "<>" and "number" in f.get("checks", [f["check"]])
    ]
    assert sorted(f.get("expected") for f in placeholders) == ["10", "2015"]
    sections = sorted(
        f["expected"]
        for f in english
        if f["check"] == "number" and f["start"] == f["end"] == 0 and f["text"][:1] != "2"
    )
    assert sections == ["4. ", "5. "]
    assert any(f["check"] == "name" and "World and Traditional" in f["span"] for f in english)
    assert any(f["check"] == "name" and "Tianjin" in f["span"] for f in english)


def test_correct_facts_are_not_flagged(checked):
    _, flags = checked
    for flag in flags:
        if flag["lang"] != "en" or flag["check"] != "number":
            continue
        for correct in CORRECT:
            where = flag["text"].find(correct)
            while where >= 0:
                assert not (flag["start"] < where + len(correct) and where < flag["end"]), (
                    correct,
                    flag["message"],
                )
                where = flag["text"].find(correct, where + 1)


def test_faithful_versions_have_at_most_one_flag_per_twenty_paragraphs(checked):
    docset, flags = checked
    for lang in ("zh", "kk", "ru"):
        own = [f for f in flags if f["lang"] == lang and f["check"] != "alignment"]
        assert len(own) <= len(docset.paragraphs(lang)) / 20, [f["message"] for f in own]


def test_text_report_groups_by_row_with_carets(checked, tmp_path):
    copy = tmp_path / "js"
    shutil.copytree(BUNDLED, copy, ignore=shutil.ignore_patterns("review", "alignment.tsv"))
    result = run_aligner("check", str(copy), "--checks", "number", "--lang", "en", timeout=300)
    lines = result.stdout.splitlines()
    spot = next(i for i, line in enumerate(lines) if "2023th National Congress" in line)
    caret = lines[spot + 1]
    column = lines[spot].index("2023th")
    assert caret[column : column + 6] == "^^^^^^" and caret[:column].strip() == ""
    assert lines[spot + 2].strip().startswith('error number: "2023th"')
    assert any(line.startswith("row ") for line in lines[:spot])
    assert lines[-1].startswith(
        f"{sum(1 for l in lines if l.startswith('    error') or l.startswith('    warning'))} flags"
    )
