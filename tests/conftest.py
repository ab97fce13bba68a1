"""Shared fixtures: build docsets on disk and run the real ``aligner`` command."""

from __future__ import annotations

import dataclasses
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = ROOT / "translations" / "joint-statement-2023"


@pytest.fixture(scope="session", autouse=True)
def _tests_own_user_cache(tmp_path_factory):
    """The command's derived files (``aligner/user_cache.py``: the Chinese dictionary's copy,
    the compiled patterns) go to a folder of this test run, never to the user's own cache."""
    before = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("user-cache"))
    yield
    if before is None:
        os.environ.pop("XDG_CACHE_HOME", None)
    else:
        os.environ["XDG_CACHE_HOME"] = before


def aligner_command() -> list[str]:
    """The installed console script when present, else ``python -m aligner``."""
    script = Path(sys.executable).parent / "aligner"
    return [str(script)] if script.exists() else [sys.executable, "-m", "aligner"]


def run_aligner(
    *args: str, cwd: Path | None = None, timeout: float = 120
) -> subprocess.CompletedProcess:
    """Run the real CLI as a subprocess and capture its output as text."""
    env = dict(os.environ, PYTHONIOENCODING="utf-8", NO_COLOR="1")
    # stderr holds what the test asserts, however long the work takes on a loaded machine:
    # progress lines (tests/test_cli_progress.py's subject) are left out
    env.setdefault("ALIGNER_PROGRESS_AFTER", "inf")
    return subprocess.run(
        [*aligner_command(), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd or ROOT,
        env=env,
        timeout=timeout,
    )


def write_docset(root: Path, files: dict[str, str | bytes]) -> Path:
    """Create a docset directory with the given files (str written as UTF-8)."""
    root.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8", newline="")
    return root


@pytest.fixture
def bundled_copy(tmp_path: Path) -> Path:
    """A private copy of the bundled docset that a test may modify."""
    target = tmp_path / "joint-statement-2023"
    shutil.copytree(BUNDLED, target, ignore=shutil.ignore_patterns("review", "alignment.tsv"))
    return target


_NUMBER = re.compile(r"\d+")


def generated(statement, per_language: int, languages=("en", "zh", "kk", "ru")):
    """A long docset in memory: copies of the statement (every number shifted per copy, so
    copies differ) up to about ``per_language`` paragraphs per language."""
    copies = max(1, round(per_language / len(statement.paragraphs("en"))))
    texts = {}
    for lang in languages:
        out = []
        for copy in range(copies):
            shift = 7919 * copy
            out += [
                _NUMBER.sub(lambda m: str(int(m.group()) + shift), p)
                for p in statement.paragraphs(lang)
            ]
        texts[lang] = dataclasses.replace(statement.texts[lang], paragraphs=tuple(out))
    return dataclasses.replace(
        statement,
        texts=texts,
        languages=tuple(languages),
        path=statement.path / "generated-not-on-disk",
    )


def write_generated(target: Path, per_language: int) -> Path:
    """``generated`` from the bundled statement, written to disk as a docset (its texts,
    docset.toml and glossary.tsv; no alignment.tsv, no review files)."""
    from aligner.docset import load

    long = generated(load(BUNDLED), per_language)
    target.mkdir(parents=True, exist_ok=True)
    for lang in long.languages:
        (target / f"{lang}.txt").write_text(
            "\n\n".join(long.paragraphs(lang)) + "\n", encoding="utf-8"
        )
    for name in ("docset.toml", "glossary.tsv"):
        (target / name).write_bytes((BUNDLED / name).read_bytes())
    return target
