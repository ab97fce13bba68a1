"""CPU of ``aligner check`` against pofilter on the same catalogs, interleaved, in one run.

    .venv/bin/python -m tests.bench versus --tree=DIR [--src=DIR ...] [--repeats=N]
        [--files=lang/domain,...]

DIR is a kept damage tree (``python -m tests.bench damage --keep=DIR``); its clean PO files
are checked. Each round runs every file once with every tool in turn (pofilter, then ours
from each ``--src`` source tree: its ``aligner`` package is put first on PYTHONPATH; default:
this checkout), so that the machine's load falls on all columns alike; the figure of a file
is its median over the rounds. CPU is user + sys of the whole process tree
(``bench_damage.run_timed``). The first row is the start-up: a one-entry catalog, best of
the rounds. Bytecode caches should exist (run once with ``env -u PYTHONDONTWRITEBYTECODE``):
an installed copy has them, as pofilter has.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import tempfile
from pathlib import Path

import polib

from tests.bench.bench_damage import ALIGNER, POFILTER, QUICK_DOMAINS, pofilter_command, run_timed
from tests.bench.catalog_damage import FOLDERS

HERE = Path(__file__).resolve().parents[2]
# the 12 --quick catalogs of the damage benchmark and three large or name-heavy ones
DEFAULT_FILES = [f"{lang}/{domain}" for lang in FOLDERS for domain in QUICK_DOMAINS] + [
    "ru/git",
    "ru/postgres-15",
    "zh/iso_3166-2",
]


def tiny_catalog(workdir: Path) -> Path:
    tiny = polib.POFile()
    tiny.metadata = {"Language": "ru", "Content-Type": "text/plain; charset=UTF-8"}
    tiny.append(polib.POEntry(msgid="Open file", msgstr="Открыть файл"))
    path = workdir / "ru" / "tiny.clean.po"
    path.parent.mkdir(parents=True, exist_ok=True)
    tiny.save(str(path))
    return path


def entries(path: Path) -> int:
    return sum(1 for e in polib.pofile(str(path)) if e.msgid and not e.obsolete)


def run_once(tool: str, path: Path, lang: str, workdir: Path) -> float:
    """CPU seconds of one run of ``tool`` ("pofilter" or a source tree) on ``path``."""
    out = workdir / "out" / f"{lang}-{path.stem}"
    out.parent.mkdir(parents=True, exist_ok=True)
    if tool == "pofilter":
        command = pofilter_command(path, lang, out.with_suffix(".pofilter.po"))
        code, cpu, _ = run_timed(command, out.with_suffix(".pofilter.log"))
        ok = code == 0
    else:
        env = {"PYTHONPATH": tool}
        command = [str(ALIGNER), "check", str(path), "--format", "json"]
        code, cpu, _ = run_timed(command, out.with_suffix(".aligner.json"), env)
        ok = code in (0, 1)
    if not ok:
        raise SystemExit(f"bench versus: {tool} failed on {path} (exit {code})")
    return cpu


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench versus", description=__doc__.split("\n")[0])
    parser.add_argument("--tree", metavar="DIR", help="a kept damage tree (--keep of damage)")
    parser.add_argument("--src", metavar="DIR", action="append", help="source tree(s) of ours")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--files", help="lang/domain,... (default: the 12 --quick and 3 more)")
    args, _ = parser.parse_known_args(argv)
    if not args.tree:
        print("bench versus: no --tree (a kept damage tree): skipped")
        return 0
    for tool in (ALIGNER, POFILTER):
        if not tool.exists():
            print(f"{tool} not installed (pip install -e '.[bench]'): benchmark skipped")
            return 0
    tree = Path(args.tree)
    sources = [str(Path(src).resolve()) for src in args.src or [HERE]]
    tools = ["pofilter", *sources]
    names = args.files.split(",") if args.files else DEFAULT_FILES
    workdir = Path(tempfile.mkdtemp(prefix="bench-versus-"))
    try:
        files = [("ru", tiny_catalog(workdir))] + [
            (name.split("/")[0], tree / f"{name}.clean.po") for name in names
        ]
        files = [(lang, path) for lang, path in files if path.exists()]
        cpu: dict[tuple[str, Path], list[float]] = {}
        for _ in range(args.repeats):
            for lang, path in files:
                for tool in tools:
                    cpu.setdefault((tool, path), []).append(run_once(tool, path, lang, workdir))
        load = os.getloadavg()[0]
        labels = ["pofilter", *(Path(src).name for src in sources)]
        print(
            f"CPU s, median of {args.repeats} interleaved rounds (start-up: best); "
            f"load average {load:.1f} at the end"
        )
        print(
            "| catalog | entries | "
            + " | ".join(labels)
            + " | "
            + " | ".join(f"{label} / pofilter" for label in labels[1:])
            + " |"
        )
        print("|---" * (2 + len(labels) + len(labels) - 1) + "|")
        means: dict[str, list[float]] = {tool: [] for tool in tools}
        for lang, path in files:
            pick = min if path.name.startswith("tiny.") else statistics.median
            figures = {tool: pick(cpu[(tool, path)]) for tool in tools}
            for tool in tools:
                means[tool].append(figures[tool])
            name = (
                "start-up: one-entry catalog"
                if path.name.startswith("tiny.")
                else (f"{lang} {path.name.removesuffix('.clean.po')}")
            )
            print(
                f"| {name} | {entries(path):,} | "
                + " | ".join(f"{figures[tool]:.2f}" for tool in tools)
                + " | "
                + " | ".join(f"{figures[tool] / figures['pofilter']:.2f}" for tool in sources)
                + " |"
            )
        print(
            f"| mean of {len(files)} | | "
            + " | ".join(f"{statistics.mean(means[tool]):.2f}" for tool in tools)
            + " | "
            + " | ".join(
                f"{statistics.mean(means[tool]) / statistics.mean(means['pofilter']):.2f}"
                for tool in sources
            )
            + " |"
        )
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    return 0
