"""CPU time of ``aligner import`` of an XLIFF 2.0 and a CSV holding a few hundred edits.

A docset (default: a copy of the realtext ``help-enru/all`` docset, about 2,000 rows) is
synced, exported as XLIFF 2.0 and CSV, and ``--edits`` targets of the last language are
changed in each file (every fourth edit also approved) the way another tool would; then
``aligner import`` runs as a subprocess and its user+sys CPU time is read from
``resource.getrusage(RUSAGE_CHILDREN)``. Each import starts from the same review files.

Run: ``.venv/bin/python -m tests.bench.bench_import [DOCSET] [--edits N] [--repeat R]``.
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from pathlib import Path

NS20 = "urn:oasis:names:tc:xliff:document:2.0"
DEFAULT = Path("/work/realtext-data/help-enru/all")


def aligner(*args: str) -> tuple[float, float, subprocess.CompletedProcess]:
    """Run the CLI; (cpu seconds, wall seconds, result)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    env = {**os.environ, "ALIGNER_PROGRESS_AFTER": "inf"}
    done = subprocess.run(
        [sys.executable, "-m", "aligner", *args], capture_output=True, text=True, env=env
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if done.returncode not in (0, 1):
        raise SystemExit(f"aligner {' '.join(args)} failed: {done.stderr}")
    return cpu, wall, done


def edit_xliff(path: Path, rows: list[str]) -> None:
    ET.register_namespace("", NS20)
    ET.register_namespace("al", "urn:x-aligner:review:1")
    tree = ET.parse(path)
    units = {u.get("id"): u for u in tree.getroot().iter(f"{{{NS20}}}unit")}
    for n, row in enumerate(rows):
        segment = units[row].find(f"{{{NS20}}}segment")
        target = segment.find(f"{{{NS20}}}target")
        for child in list(target):
            target.remove(child)
        target.text = f"Edited in a CAT tool ({n}): {row}."
        if n % 4 == 0:
            segment.set("state", "final")
    tree.write(path, encoding="utf-8", xml_declaration=True)


def edit_csv(path: Path, lang: str, rows: list[str]) -> None:
    table = list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig"), newline="")))
    at = {name: i for i, name in enumerate(table[0])}
    wanted = {row: n for n, row in enumerate(rows)}
    for record in table[1:]:
        n = wanted.get(record[0])
        if n is None:
            continue
        record[at[lang]] = f"Edited in a spreadsheet ({n}): {record[0]}."
        if n % 4 == 0:
            record[at[f"{lang} status"]] = "approved"
    out = io.StringIO()
    csv.writer(out).writerows(table)
    path.write_bytes(out.getvalue().encode("utf-8-sig"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("docset", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--edits", type=int, default=400)
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp) / "docset"
        shutil.copytree(args.docset, base, ignore=shutil.ignore_patterns("gold.json"))
        aligner("sync", str(base), "--quiet")
        out = Path(tmp) / "out"
        aligner("export", str(base), "--format", "xliff20", "--out", str(out / "x"), "--quiet")
        aligner("export", str(base), "--format", "csv", "--out", str(out / "c"), "--quiet")
        xlf = next((out / "x").glob("*.xlf"))
        lang = xlf.stem.rsplit("-", 1)[1]
        rows = [line.split("\t", 1)[0] for line in (base / "alignment.tsv").open()]
        rows = [r for r in rows if r and not r.startswith(("#", "id"))]
        chosen = random.Random(7).sample(rows[1:], min(args.edits, len(rows) - 1))
        edit_xliff(xlf, chosen)
        table = next((out / "c").glob("*.csv"))
        edit_csv(table, lang, chosen)
        print(f"{args.docset.name}: {len(rows)} rows, {len(chosen)} edits of {lang}")
        print(f"{'file':8} {'cpu s':>8} {'wall s':>8}  summary")
        for name, path in (("xliff20", xlf), ("csv", table)):
            for _ in range(args.repeat):
                work = Path(tmp) / "work"
                shutil.rmtree(work, ignore_errors=True)
                shutil.copytree(base, work)
                cpu, wall, done = aligner("import", str(path), str(work), "--quiet")
                summary = done.stdout.strip().rsplit(": ", 1)[-1]
                print(f"{name:8} {cpu:8.2f} {wall:8.2f}  {summary}")


if __name__ == "__main__":
    main()
