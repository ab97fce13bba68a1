#!/usr/bin/env python3
"""Bootstrap and run aligner with nothing but python3: the README's two commands.

    python3 dev.py run    # create .venv, install aligner, open the review UI on the bundled statement
    python3 dev.py test   # create .venv, install aligner with test tools, run the linters
                          # (ruff, import-linter) and the whole suite
    python3 dev.py bench  # the benchmarks in tests/bench/ (peers nltk and pofilter included)

Extra arguments after the command are passed on (to ``aligner`` or to ``pytest``).
The virtual environment is (re)installed only when pyproject.toml, setup.py or the compiled
search's source (aligner/align/_bandsearch.pyx) changes.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
BUNDLED = ROOT / "translations" / "joint-statement-2023"
BUILT_FROM = ("pyproject.toml", "setup.py", "aligner/align/_bandsearch.pyx")
LINTERS = (
    ("ruff", "check", "--quiet", "."),
    ("ruff", "format", "--check", "--quiet", "."),
    ("lint-imports", "--no-cache"),
)


def ensure_env(extras: str) -> None:
    """Create .venv and install the project (editable) with ``extras`` when out of date."""
    if sys.version_info < (3, 11):
        sys.exit(f"dev.py: error: aligner needs Python >= 3.11 (this is {sys.version.split()[0]})")
    if not PYTHON.exists():
        print("dev.py: creating .venv", file=sys.stderr)
        venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
    # what the install builds from: the project, and the compiled band search's source
    built = b"".join((ROOT / name).read_bytes() for name in BUILT_FROM)
    digest = hashlib.sha256(built + extras.encode()).hexdigest()
    stamp = VENV / f".installed-{extras or 'base'}"
    if stamp.exists() and stamp.read_text() == digest:
        return
    print(f"dev.py: installing aligner[{extras}] into .venv", file=sys.stderr)
    target = f".[{extras}]" if extras else "."
    subprocess.run(
        [
            str(PYTHON),
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            "-e",
            target,
        ],
        cwd=ROOT,
        check=True,
    )
    stamp.write_text(digest)


def main(argv: list[str]) -> int:
    command, rest = (argv[0], argv[1:]) if argv else ("", [])
    if command == "run":
        ensure_env("")
        args = rest or ["review", str(BUNDLED)]
        return subprocess.call([str(BIN / "aligner"), *args], cwd=ROOT)
    if command == "test":
        ensure_env("test")
        for lint in LINTERS:  # cheap, and a red lint means nothing lands: before the suite
            if subprocess.call([str(BIN / lint[0]), *lint[1:]], cwd=ROOT):
                print(f"dev.py: {' '.join(lint)} failed", file=sys.stderr)
                return 1
        return subprocess.call([str(PYTHON), "-m", "pytest", *rest], cwd=ROOT)
    if command == "bench":
        ensure_env("test,bench")
        return subprocess.call([str(PYTHON), "-m", "tests.bench", *rest], cwd=ROOT)
    print(__doc__.strip(), file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
