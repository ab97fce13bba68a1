"""One measure of terminal cells (wcwidth, as Rich counts them in the UI): the carets of
``aligner check`` stay under the span after emoji sequences, and the declared dependency
floors are the ones the code needs."""

from __future__ import annotations

import re
import tomllib

import pytest
from rich.cells import cell_len

from aligner.align.display import clip
from aligner.terminal import cell_width
from tests.conftest import ROOT, run_aligner

SAMPLES = [
    "abc",
    "中文",
    "e\u0301",
    "👍",
    "👨\u200d👩\u200d👧",
    "🇰🇿",
    "👍🏽",
    "❤\ufe0f",
    "Қазақ",
    "한국어",
    "क्ष",
    "a👨\u200d👩\u200d👧b中",
]


@pytest.mark.parametrize("text", SAMPLES)
def test_cells_agree_with_rich_which_draws_the_ui(text):
    assert cell_width(text) == cell_len(text)
    assert cell_width(clip(text, 6)) == 6


def test_check_carets_stay_under_the_number_after_an_emoji_family(tmp_path):
    catalog = tmp_path / "kk.po"
    catalog.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: kk\\n"\n\n'
        'msgid "The family 👨\u200d👩\u200d👧 paid 45 dollars on 12 May."\n'
        'msgstr "Отбасы 👨\u200d👩\u200d👧 12 мамырда 54 доллар төледі."\n',
        encoding="utf-8",
    )
    result = run_aligner("check", str(catalog), "--checks", "number")
    lines = result.stdout.splitlines()
    excerpt = next(k for k, line in enumerate(lines) if "54" in line and "Отбасы" in line)
    line, carets = lines[excerpt], lines[excerpt + 1]
    assert carets.strip("^ ") == "" and "^" in carets
    column = len(carets) - len(carets.lstrip(" "))
    assert cell_len(line[: line.index("54")]) == column  # the caret is under the 5 of 54


def _floors() -> dict[str, str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    found = {}
    for requirement in project["dependencies"]:
        name, spec = re.match(r"([A-Za-z0-9_.-]+)(.*)", requirement).groups()
        found[name.lower()] = spec
    return found


def test_declared_floors_are_the_measured_ones():
    """Measured in a scratch venv: textual 3.0 lacks App.notify(markup=), which the UI's
    error messages use; polib's private parser is only known to work up to 1.2; wcwidth
    before 0.3 has no grapheme clusters."""
    floors = _floors()
    assert floors["textual"] == ">=3.1"
    assert "<1.3" in floors["polib"]
    assert floors["wcwidth"] == ">=0.3"
