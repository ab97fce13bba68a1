"""Review and exported PO headers pass gettext's checks; a POT for msgmerge users; backups
ignored by git (issue 17 item 5)."""

from __future__ import annotations

import gettext
import shutil
import subprocess

import polib
import pytest
from babel import Locale

from aligner.review.entry import Entry
from aligner.review.file import ReviewFile
from tests.conftest import BUNDLED, ROOT, run_aligner

# The languages the old hand-written table got wrong, and the docset's own.
LANGUAGES = (
    "fr",
    "pl",
    "cs",
    "sk",
    "lt",
    "lv",
    "ro",
    "sl",
    "ar",
    "he",
    "ga",
    "cy",
    "en",
    "zh",
    "kk",
    "ru",
)
NUMBERS = (*range(0, 250), 1000, 1001, 1_000_000)


def header_check(path) -> str:
    """What ``msgfmt --check-format --check-header -c`` prints about ``path``."""
    done = subprocess.run(
        ["msgfmt", "--check-format", "--check-header", "-c", "-o", "/dev/null", str(path)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    return done.stderr


def partition(classify) -> set[frozenset[int]]:
    groups: dict = {}
    for n in NUMBERS:
        groups.setdefault(classify(n), set()).add(n)
    return {frozenset(group) for group in groups.values()}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_plural_forms_follow_cldr_and_the_header_passes_msgfmt(lang, tmp_path):
    review = ReviewFile(tmp_path / f"{lang}.po", lang, "A title", "en")
    review.replace_entries([Entry("r1", "Two sides met.", "Two sides met.")])
    assert review.save()
    assert header_check(review.path) == ""
    header = polib.pofile(str(review.path)).metadata["Plural-Forms"]
    count = int(header.split("nplurals=")[1].split(";")[0])
    expression = gettext.c2py(header.split("plural=", 1)[1].rstrip(";"))
    assert {expression(n) for n in NUMBERS} <= set(range(count))
    rules = Locale.parse(lang).plural_form  # CLDR's rules, not a gettext expression
    assert partition(expression) == partition(rules)


def test_french_zero_is_singular():
    review = ReviewFile(ROOT / "unused.po", "fr", "t", "en")
    header = review.defaults["Plural-Forms"]
    expression = gettext.c2py(header.split("plural=", 1)[1].rstrip(";"))
    assert expression(0) == expression(1) != expression(2)


@pytest.fixture
def statement(tmp_path):
    target = tmp_path / "joint-statement-2023"
    shutil.copytree(BUNDLED, target, ignore=shutil.ignore_patterns("review", "alignment.tsv"))
    return target


def test_every_review_and_exported_po_passes_msgfmt_header_checks(statement, tmp_path):
    assert run_aligner("sync", str(statement)).returncode == 0
    out = tmp_path / "po"
    assert (
        run_aligner(
            "export", str(statement), "--format", "po", "--mo", "--out", str(out)
        ).returncode
        == 0
    )
    for path in [*sorted((statement / "review").glob("*.po")), *sorted(out.glob("*.po"))]:
        assert header_check(path) == "", path


def test_a_translator_a_po_editor_named_stays_named(statement):
    assert run_aligner("sync", str(statement)).returncode == 0
    path = statement / "review" / "en.po"
    po = polib.pofile(str(path))
    po.metadata["Last-Translator"] = "Ann Reviewer <ann@example.org>"
    po.metadata["Language-Team"] = "English <en@example.org>"
    po.save()
    from aligner.review.session import open_session

    session = open_session(statement)
    session.toggle_approved(0, "en")
    metadata = polib.pofile(str(path)).metadata
    assert metadata["Last-Translator"] == "Ann Reviewer <ann@example.org>"
    assert metadata["Language-Team"] == "English <en@example.org>"
    assert header_check(path) == ""


def test_pot_export_is_a_template_msginit_and_msgmerge_take(statement, tmp_path):
    assert run_aligner("sync", str(statement)).returncode == 0
    out = tmp_path / "pot"
    result = run_aligner("export", str(statement), "--format", "pot", "--out", str(out))
    assert result.returncode == 0, result.stderr
    pot = out / "joint-statement-2023.pot"
    template = polib.pofile(str(pot))
    review = polib.pofile(str(statement / "review" / "en.po"))
    assert [(e.msgctxt, e.msgid) for e in template] == [(e.msgctxt, e.msgid) for e in review]
    assert all(e.msgstr == "" and not e.flags and not e.comment for e in template)
    assert pot.read_text(encoding="utf-8") == template.__unicode__()  # as polib writes it
    french = tmp_path / "fr.po"
    done = subprocess.run(
        ["msginit", "--no-translator", "-l", "fr", "-i", str(pot), "-o", str(french)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert header_check(french) == ""
    merged = subprocess.run(
        ["msgmerge", "-q", "-o", "-", str(french), str(pot)], capture_output=True, text=True
    )
    assert merged.returncode == 0 and merged.stdout.count('\nmsgctxt "') == len(template)


def test_review_backups_are_ignored_by_git():
    for name in (
        "translations/joint-statement-2023/review/en.po~",
        "translations/another/review/zh-TW.po~",
    ):
        done = subprocess.run(["git", "check-ignore", "-q", name], cwd=ROOT)
        assert done.returncode == 0, f"{name} is not ignored"
    done = subprocess.run(
        ["git", "check-ignore", "-q", "translations/joint-statement-2023/review/en.po"], cwd=ROOT
    )
    assert done.returncode == 1, "the review file itself must stay tracked"
