"""Recall, noise and speed of ``aligner check`` and pofilter on real catalogs we damage ourselves.

    .venv/bin/python -m tests.bench damage [--quick] [--seed N] [--keep DIR] [--jobs N]
        [--show-noise] [--show-missed N] [--json FILE]

Real Debian catalogs (ru, kk, zh_CN .mo files under /usr/share/locale) get about 5% of their
entries damaged by ``catalog_damage`` (one recorded damage per entry, every kind). Both tools run
as a user runs them, through their CLIs in subprocesses, on the same PO files, damaged and clean:
``aligner check FILE --format json`` and ``pofilter`` with all its default tests.

- RECALL: a spot is found when its entry carries, after the damage, a flag (check and message)
  it did not carry before; a flag the clean entry already had does not count.
- NOISE: flags on the clean catalogs per 1000 translated entries, per check (ours) and per test
  (pofilter); ``--show-noise`` prints 20 random flags of ours per check to judge by reading.
- SPEED: CPU seconds (user + sys of the child, from os.wait4) per catalog, mean and for the 5
  largest; start-up on a one-entry catalog, best of 5.
"""

from __future__ import annotations

import argparse
import compileall
import glob
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path

import polib

from tests.bench import catalog_damage
from tests.bench.catalog_damage import FOLDERS, LOCALE, MIN_TRANSLATED, translated_count

BIN = Path(sys.executable).parent
ALIGNER, POFILTER = BIN / "aligner", BIN / "pofilter"
QUICK_DOMAINS = ("glib20", "gtk30", "shadow", "iso_3166-1")
STRIDE = 3  # full run: every kk catalog, ru/zh of the same domains, then every 3rd of the rest
ALWAYS = ("coreutils", "bash")  # command-line help: options, $VARIABLES, negative numbers
CAREFUL = {"empty msgstr"}  # gettext reads an empty msgstr as "untranslated", not as an error


def table(title: str, header: list[str], rows: list[list]) -> None:
    """A Markdown table (readable in a terminal, pasteable into docs)."""
    print(f"\n{title}\n")
    cells = [[str(c) for c in row] for row in [header, *rows]]
    widths = [max(len(r[i]) for r in cells) for i in range(len(header))]
    for n, row in enumerate(cells):
        print("| " + " | ".join(c.ljust(w) for c, w in zip(row, widths)) + " |")
        if n == 0:
            print("|" + "|".join("-" * (w + 2) for w in widths) + "|")


# --- catalogs --------------------------------------------------------------------------------


def eligible(lang: str) -> dict[str, Path]:
    """Domain -> .mo of the language's real catalogs with enough translated entries."""
    found = {}
    for mo in sorted(glob.glob(str(LOCALE / FOLDERS[lang] / "LC_MESSAGES" / "*.mo"))):
        path = Path(mo)
        if path.is_symlink():
            continue
        try:
            if translated_count(polib.mofile(mo)) >= MIN_TRANSLATED:
                found[path.stem] = path
        except (OSError, ValueError):
            continue
    return found


def choose(quick: bool) -> list[tuple[str, Path]]:
    """Every language; domains that kk has first (they give kk and ru wrong-language text)."""
    by_lang = {lang: eligible(lang) for lang in FOLDERS}
    shared = set(by_lang["kk"])
    chosen = []
    for lang, domains in by_lang.items():
        if quick:
            names = [d for d in QUICK_DOMAINS if d in domains]
        else:
            rest = [d for d in domains if d not in shared]
            names = [d for d in domains if d in shared or d in ALWAYS] + rest[::STRIDE]
            names = list(dict.fromkeys(names))
        chosen += [(lang, domains[name]) for name in sorted(names)]
    return chosen


# --- running the tools -----------------------------------------------------------------------

OUR_ENV: dict[str, str] = {}  # PYTHONPATH of a checked-out revision (--at) for aligner runs


# Counts the CPU of every process a run starts: aligner's worker processes are children of its
# fork server, not of aligner, so os.wait4 on aligner alone would miss them. The wrapper is a
# "child subreaper": orphaned descendants are re-parented to it, it reaps them all, and its
# RUSAGE_CHILDREN then holds the whole tree.
TREE_CPU = r"""
import ctypes, os, resource, sys, time
ctypes.CDLL(None).prctl(36, 1, 0, 0, 0)  # PR_SET_CHILD_SUBREAPER
started = time.perf_counter()
main = os.posix_spawn(sys.argv[2], sys.argv[2:], os.environ)
code, wall, deadline = 1, 0.0, None
while True:
    try:
        pid, status = os.waitpid(-1, os.WNOHANG if deadline else 0)
    except ChildProcessError:
        break
    if pid == main:
        code, wall = os.waitstatus_to_exitcode(status), time.perf_counter() - started
        deadline = time.monotonic() + 20
    elif pid == 0:
        if time.monotonic() > deadline:
            break
        time.sleep(0.005)
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
with open(sys.argv[1], "w") as out:
    out.write(f"{code} {usage.ru_utime + usage.ru_stime} {wall}")
"""


def run_timed(
    command: list[str], stdout: Path, env: dict | None = None
) -> tuple[int, float, float]:
    """(exit code, CPU seconds of the process tree, wall seconds of the command)."""
    usage = stdout.with_suffix(".usage")
    with open(stdout, "wb") as out, open(stdout.with_suffix(".stderr"), "wb") as err:
        # cwd away from the source tree: a fork server started with "python -c" puts the
        # working directory first on sys.path, and --at's package must win there too
        subprocess.run(
            [sys.executable, "-S", "-c", TREE_CPU, str(usage), *command],
            stdout=out,
            stderr=err,
            stdin=subprocess.DEVNULL,
            cwd=stdout.parent,
            env={**os.environ, **env} if env else None,
            check=False,
        )
    code, cpu, wall = usage.read_text().split()
    return int(code), float(cpu), float(wall)


def ours(path: Path) -> dict:
    out = path.with_suffix(".aligner.json")
    code, cpu, wall = run_timed(
        [str(ALIGNER), "check", str(path), "--format", "json"], out, OUR_ENV
    )
    if code not in (0, 1):  # a crash: the user gets no flags; reported, not hidden
        error = out.with_suffix(".stderr").read_text(errors="replace").strip()[-300:]
        return {"flags": {}, "cpu": cpu, "wall": wall, "error": f"exit {code}: {error}"}
    return {"flags": read_ours(out), "cpu": cpu, "wall": wall}


def read_ours(out: Path) -> dict[int, list[tuple[str, str]]]:
    """Entry -> [(check, message)] from ``aligner check --format json`` output; a merged flag
    is named by all its checks joined with "+"."""
    report = json.loads(out.read_text(encoding="utf-8"))
    found = (
        report["flags"]
        if "flags" in report
        else [flag for each in report.get("files", []) for flag in each.get("flags", [])]
    )
    flags: dict[int, list[tuple[str, str]]] = defaultdict(list)
    for flag in found:
        if flag.get("entry") is not None:
            name = "+".join(flag.get("checks") or [flag["check"]])
            flags[flag["entry"]].append((name, flag["message"]))
    return dict(flags)


def pofilter_command(path: Path, lang: str, out: Path) -> list[str]:
    """pofilter with every default test on ``path``, its failures written to ``out``."""
    return [
        str(POFILTER),
        "--progress=none",
        f"--language={FOLDERS[lang]}",
        "-i",
        str(path),
        "-o",
        str(out),
    ]


def pofilter(path: Path, lang: str, keys: dict) -> dict:
    out = path.with_suffix(".pofilter.po")
    out.unlink(missing_ok=True)
    code, cpu, wall = run_timed(
        pofilter_command(path, lang, out),
        path.with_suffix(".pofilter.log"),
    )
    if code != 0:
        error = path.with_suffix(".pofilter.stderr").read_text(errors="replace").strip()[-300:]
        return {"flags": {}, "cpu": cpu, "wall": wall, "error": f"exit {code}: {error}"}
    return {"flags": read_pofilter(out, keys), "cpu": cpu, "wall": wall}


def read_pofilter(out: Path, keys: dict) -> dict[int, list[tuple[str, str]]]:
    """Entry -> [(test, message)] from the ``# (pofilter) test: message`` comments."""
    flags: dict[int, list[tuple[str, str]]] = defaultdict(list)
    if out.exists() and out.stat().st_size:
        for entry in polib.pofile(str(out)):
            index = keys.get((entry.msgctxt, entry.msgid))
            if index is None:
                continue
            for line in entry.tcomment.splitlines():
                if line.startswith("(pofilter) "):
                    test, _, message = line[len("(pofilter) ") :].partition(": ")
                    flags[index].append((test, message))
    return dict(flags)


def entry_keys(path: Path) -> dict:
    """(msgctxt, msgid) -> the entry index ``aligner check`` reports (header excluded)."""
    entries = [
        e
        for e in polib.pofile(str(path))
        if not e.obsolete and not (e.msgid == "" and not e.msgctxt)
    ]
    return {(e.msgctxt, e.msgid): i for i, e in enumerate(entries)}


def measure(record: dict, folder: Path) -> dict:
    clean, damaged = folder / record["clean"], folder / record["damaged"]
    keys = entry_keys(clean)
    return {
        "ours clean": ours(clean),
        "ours damaged": ours(damaged),
        "pofilter clean": pofilter(clean, record["lang"], keys),
        "pofilter damaged": pofilter(damaged, record["lang"], keys),
    }


def start_up(workdir: Path, repeats: int = 5) -> dict[str, tuple[float, float]]:
    tiny = polib.POFile()
    tiny.metadata = {"Language": "ru", "Content-Type": "text/plain; charset=UTF-8"}
    tiny.append(polib.POEntry(msgid="Open file", msgstr="Открыть файл"))
    path = workdir / "tiny.po"
    tiny.save(str(path))
    best = {}
    for name, command in (
        ("aligner check", [str(ALIGNER), "check", str(path), "--format", "json"]),
        (
            "pofilter",
            [str(POFILTER), "--progress=none", "-i", str(path), "-o", str(workdir / "tiny.out.po")],
        ),
    ):
        env = OUR_ENV if name.startswith("aligner") else None
        runs = [run_timed(command, workdir / "tiny.stdout", env)[1:] for _ in range(repeats)]
        best[name] = (min(r[0] for r in runs), min(r[1] for r in runs))
    return best


# --- scoring ---------------------------------------------------------------------------------


def new_flags(before: list, after: list) -> list:
    return list((Counter(after) - Counter(before)).elements())


def score(records: list[dict], results: list[dict]) -> list[dict]:
    """One row per spot: kind, language, found by ours / pofilter, and by which checks."""
    rows = []
    for record, result in zip(records, results):
        for spot in record["spots"]:
            i = spot["index"]
            row = {"lang": record["lang"], "domain": record["domain"], **spot}
            for tool in ("ours", "pofilter"):
                new = new_flags(
                    result[f"{tool} clean"]["flags"].get(i, []),
                    result[f"{tool} damaged"]["flags"].get(i, []),
                )
                row[tool] = sorted({n for name, _ in new for n in name.split("+")})
                before = {
                    n
                    for name, _ in result[f"{tool} clean"]["flags"].get(i, [])
                    for n in name.split("+")
                }
                row[f"{tool} strict"] = sorted(set(row[tool]) - before)
            rows.append(row)
    return rows


def recall(rows: list[dict], tool: str) -> str:
    return f"{sum(bool(r[tool]) for r in rows) / len(rows):.3f}" if rows else "-"


def report_recall(spots: list[dict], langs: list[str]) -> dict:
    kinds = list(catalog_damage.KINDS)
    out_rows, summary = [], {}
    for kind in kinds:
        mine = [s for s in spots if s["kind"] == kind]
        per = {lang: [s for s in mine if s["lang"] == lang] for lang in langs}
        out_rows.append(
            [
                kind + (" (*)" if kind in CAREFUL else ""),
                " / ".join(str(len(per[lang])) for lang in langs),
                " / ".join(recall(per[lang], "ours") for lang in langs),
                " / ".join(recall(per[lang], "pofilter") for lang in langs),
                len(mine),
                recall(mine, "ours"),
                recall(mine, "pofilter"),
            ]
        )
        summary[kind] = {
            "spots": len(mine),
            "ours": recall(mine, "ours"),
            "pofilter": recall(mine, "pofilter"),
        }
    scored = [s for s in spots if s["kind"] not in CAREFUL]
    for label, group in (("all kinds except (*)", scored), ("all kinds", spots)):
        out_rows.append(
            [
                f"**{label}**",
                " / ".join(str(sum(s["lang"] == lang for s in group)) for lang in langs),
                " / ".join(
                    recall([s for s in group if s["lang"] == lang], "ours") for lang in langs
                ),
                " / ".join(
                    recall([s for s in group if s["lang"] == lang], "pofilter") for lang in langs
                ),
                len(group),
                f"**{recall(group, 'ours')}**",
                f"**{recall(group, 'pofilter')}**",
            ]
        )
    worst = {
        tool: min(
            ((float(v[tool]), k) for k, v in summary.items() if v["spots"] and k not in CAREFUL),
            default=(0.0, "-"),
        )
        for tool in ("ours", "pofilter")
    }
    table(
        "Recall per kind of damage (a spot is found when its entry gets a new flag; "
        f"{'/'.join(langs)}; (*) an empty msgstr is 'untranslated' to gettext (the empty "
        "check flags it only in a finished catalog, as these are), kept out of the overall "
        "figure)",
        [
            "kind",
            "spots " + "/".join(langs),
            "ours " + "/".join(langs),
            "pofilter " + "/".join(langs),
            "spots",
            "ours",
            "pofilter",
        ],
        out_rows,
    )
    print(
        f"\nworst kind: ours {worst['ours'][0]:.3f} ({worst['ours'][1]}), pofilter "
        f"{worst['pofilter'][0]:.3f} ({worst['pofilter'][1]}); overall (mean over spots): "
        f"ours {recall(scored, 'ours')}, pofilter {recall(scored, 'pofilter')}"
    )
    print(
        "strict (only a check or test the clean entry did not raise at all counts; our "
        "messages quote the text, most of pofilter's are fixed per test): ours "
        f"{recall(scored, 'ours strict')}, pofilter {recall(scored, 'pofilter strict')}"
    )
    return {
        "kinds": summary,
        "overall": {
            "ours": recall(scored, "ours"),
            "pofilter": recall(scored, "pofilter"),
            "ours strict": recall(scored, "ours strict"),
            "pofilter strict": recall(scored, "pofilter strict"),
        },
        "worst": {tool: list(v) for tool, v in worst.items()},
    }


def report_found_by(spots: list[dict]) -> None:
    rows = []
    for kind in catalog_damage.KINDS:
        mine = [s for s in spots if s["kind"] == kind]
        if not mine:
            continue
        by_ours = Counter(name for s in mine for name in s["ours"])
        by_theirs = Counter(name for s in mine for name in s["pofilter"])
        rows.append(
            [
                kind,
                ", ".join(f"{n} {c}" for n, c in by_ours.most_common(4)) or "-",
                ", ".join(f"{n} {c}" for n, c in by_theirs.most_common(4)) or "-",
            ]
        )
    table(
        "Which checks found the spots (spots per check; one spot may count for several)",
        ["kind", "ours", "pofilter"],
        rows,
    )


def report_noise(records: list[dict], results: list[dict], show: bool, rng: random.Random) -> dict:
    entries = sum(r["translated"] for r in records)
    counts = {tool: Counter() for tool in ("ours", "pofilter")}
    totals = Counter()  # flags, a merged flag once (counts has it under each of its checks)
    samples: dict[str, list] = defaultdict(list)
    for record, result in zip(records, results):
        for tool, counted in counts.items():
            for index, flags in result[f"{tool} clean"]["flags"].items():
                counted.update(n for name, _ in flags for n in name.split("+"))
                totals[tool] += len(flags)
                if tool == "ours":
                    for name, message in flags:
                        for n in name.split("+"):
                            samples[n].append((record, index, message))
    per1000 = lambda n: f"{1000 * n / max(entries, 1):.1f}"
    rows = [
        [
            "**all**",
            totals["ours"],
            per1000(totals["ours"]),
            totals["pofilter"],
            per1000(totals["pofilter"]),
        ]
    ]
    ours_names = [n for n, _ in counts["ours"].most_common()]
    theirs_names = [n for n, _ in counts["pofilter"].most_common()]
    for k in range(max(len(ours_names), len(theirs_names))):
        a = ours_names[k] if k < len(ours_names) else ""
        b = theirs_names[k] if k < len(theirs_names) else ""
        rows.append(
            [
                a,
                counts["ours"][a] if a else "",
                per1000(counts["ours"][a]) if a else "",
                f"{b} {counts['pofilter'][b]}" if b else "",
                per1000(counts["pofilter"][b]) if b else "",
            ]
        )
    table(
        f"Noise: flags on the clean catalogs ({entries} translated entries) per 1000 entries; "
        "real catalogs have real errors too, read --show-noise before calling a flag noise",
        ["ours: check", "flags", "per 1000", "pofilter: test flags", "per 1000"],
        rows,
    )
    if show:
        texts: dict[str, list] = {}
        for name in ours_names:
            picked = rng.sample(samples[name], min(20, len(samples[name])))
            print(f"\n--- {name}: {len(picked)} of {len(samples[name])} noise flags ---")
            for record, index, message in picked:
                key = (record["lang"], record["domain"])
                if key not in texts:
                    path = Path(record["folder"]) / record["clean"]
                    texts[key] = [
                        e for e in polib.pofile(str(path)) if not (e.msgid == "" and not e.msgctxt)
                    ]
                entry = texts[key][index]
                msgstr = entry.msgstr or " | ".join(
                    entry.msgstr_plural[k] for k in sorted(entry.msgstr_plural)
                )
                print(
                    f"[{record['lang']} {record['domain']} #{index}] {message}\n"
                    f"    msgid:  {entry.msgid[:160]!r}\n    msgstr: {msgstr[:160]!r}"
                )
    return {
        "entries": entries,
        "flags": dict(totals),
        "ours": dict(counts["ours"]),
        "pofilter": dict(counts["pofilter"]),
    }


def report_collateral(records: list[dict], results: list[dict]) -> None:
    line = []
    for tool in ("ours", "pofilter"):
        extra = 0
        for record, result in zip(records, results):
            damaged = {s["index"] for s in record["spots"]}
            before, after = result[f"{tool} clean"]["flags"], result[f"{tool} damaged"]["flags"]
            extra += sum(
                len(new_flags(before.get(i, []), flags))
                for i, flags in after.items()
                if i not in damaged
            )
        line.append(f"{tool} {extra}")
    print(
        "\nnew flags on undamaged entries of the damaged catalogs (one entry's damage "
        "changing what is said about another): " + ", ".join(line)
    )


def report_speed(records: list[dict], results: list[dict], startup: dict) -> dict:
    cpu = {tool: [r[f"{tool} clean"]["cpu"] for r in results] for tool in ("ours", "pofilter")}
    rows = [
        [
            "mean over all catalogs",
            "",
            f"{statistics.mean(cpu['ours']):.2f}",
            f"{statistics.mean(cpu['pofilter']):.2f}",
            f"{statistics.mean(cpu['ours']) / statistics.mean(cpu['pofilter']):.2f}",
        ]
    ]
    largest = sorted(range(len(records)), key=lambda k: -records[k]["entries"])[:5]
    for k in largest:
        rows.append(
            [
                f"{records[k]['lang']} {records[k]['domain']}",
                records[k]["entries"],
                f"{cpu['ours'][k]:.2f}",
                f"{cpu['pofilter'][k]:.2f}",
                f"{cpu['ours'][k] / max(cpu['pofilter'][k], 1e-9):.2f}",
            ]
        )
    for name, (best_cpu, best_wall) in startup.items():
        rows.append(
            [
                f"start-up: {name}, one entry (best of 5; wall {best_wall:.2f} s)",
                1,
                f"{best_cpu:.2f}" if name.startswith("aligner") else "",
                "" if name.startswith("aligner") else f"{best_cpu:.2f}",
                "",
            ]
        )
    table(
        "Speed: CPU seconds (user+sys of the whole process tree, worker processes "
        "included) per clean catalog",
        ["catalog", "entries", "ours CPU s", "pofilter CPU s", "ours / pofilter"],
        rows,
    )
    return {
        "mean": {t: statistics.mean(v) for t, v in cpu.items()},
        "startup": {n: {"cpu": c, "wall": w} for n, (c, w) in startup.items()},
    }


def report_missed(spots: list[dict], count: int, rng: random.Random) -> None:
    for kind in catalog_damage.KINDS:
        missed = [s for s in spots if s["kind"] == kind and not s["ours"]]
        if not missed:
            continue
        print(f"\n--- missed by ours: {kind} ({len(missed)}) ---")
        for s in rng.sample(missed, min(count, len(missed))):
            print(
                f"[{s['lang']} {s['domain']} #{s['index']}] {s['detail']}  "
                f"pofilter: {','.join(s['pofilter']) or '-'}\n    msgid:  {s['msgid'][:140]!r}"
                f"\n    before: {s['before'][:140]!r}\n    after:  {s['after'][:140]!r}"
            )


def checkout(revision: str, target: Path) -> None:
    """The ``aligner`` package of ``revision`` under ``target``, used for our runs."""
    root = Path(__file__).resolve().parents[2]
    target.mkdir(parents=True, exist_ok=True)
    archive = subprocess.run(
        ["git", "-C", str(root), "archive", revision, "aligner"], check=True, capture_output=True
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(target)], input=archive, check=True)
    OUR_ENV["PYTHONPATH"] = str(target)
    commit = subprocess.run(
        ["git", "-C", str(root), "rev-parse", "--short", revision],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    print(f"aligner check runs the aligner package of {revision} ({commit})")


# --- main ------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench damage", description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="4 domains per language")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--rate", type=float, default=0.05)
    parser.add_argument("--keep", metavar="DIR", help="write (and keep) the catalogs here")
    parser.add_argument("--jobs", type=int, default=2, help="tools run at once (default 2)")
    parser.add_argument("--show-noise", action="store_true")
    parser.add_argument(
        "--show-missed",
        type=int,
        default=0,
        metavar="N",
        help="print N missed spots of ours per kind",
    )
    parser.add_argument("--json", metavar="FILE", help="write every figure and spot here")
    parser.add_argument(
        "--at",
        metavar="REV",
        help="check with the aligner package of this git "
        "revision (e.g. HEAD: the committed code, not the working tree)",
    )
    args, _ = parser.parse_known_args(sys.argv[1:] if argv is None else argv)
    for tool in (ALIGNER, POFILTER):
        if not tool.exists():
            print(f"{tool} not installed (pip install -e '.[bench]'): benchmark skipped")
            return 0
    chosen = choose(args.quick)
    if not chosen:
        print("no ru/kk/zh_CN catalogs under /usr/share/locale: benchmark skipped")
        return 0
    workdir = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="bench-damage-"))
    rng = random.Random(args.seed)
    try:
        if args.at:
            checkout(args.at, workdir / "src")
        # our runs with bytecode caches, as an installed copy (and pofilter) runs: under
        # PYTHONDONTWRITEBYTECODE a checkout would compile its modules at every call
        ours = Path(OUR_ENV["PYTHONPATH"]) if OUR_ENV else Path(__file__).resolve().parents[2]
        compileall.compile_dir(str(ours / "aligner"), quiet=1)
        started = time.perf_counter()
        records = []
        for lang, mo in chosen:
            folder = workdir / lang
            record = catalog_damage.damage_catalog(mo, lang, folder, args.seed, args.rate)
            record["folder"] = str(folder)
            records.append(record)
        made = time.perf_counter() - started
        langs = list(FOLDERS)
        print(
            f"{len(records)} catalogs ("
            + ", ".join(f"{lang} {sum(r['lang'] == lang for r in records)}" for lang in langs)
            + f"), {sum(r['translated'] for r in records)} translated entries, "
            f"{sum(len(r['spots']) for r in records)} spots, seed {args.seed}, made in "
            f"{made:.1f} s; catalogs: " + " ".join(f"{r['lang']}/{r['domain']}" for r in records),
            flush=True,
        )
        with ThreadPoolExecutor(max(1, args.jobs)) as pool:
            results = list(pool.map(lambda r: measure(r, Path(r["folder"])), records))
        print(f"tools ran in {time.perf_counter() - started - made:.1f} s", flush=True)
        for record, result in zip(records, results):
            for run, outcome in result.items():
                if "error" in outcome:
                    print(
                        f"FAILED: {run} {record['lang']}/{record['domain']}: {outcome['error']}",
                        flush=True,
                    )
        spots = score(records, results)
        summary = {
            "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
            "seed": args.seed,
            "catalogs": [f"{r['lang']}/{r['domain']}" for r in records],
            "recall": report_recall(spots, langs),
        }
        report_found_by(spots)
        summary["noise"] = report_noise(records, results, args.show_noise, rng)
        report_collateral(records, results)
        summary["speed"] = report_speed(records, results, start_up(workdir))
        if args.show_missed:
            report_missed(spots, args.show_missed, rng)
        if args.json:
            summary["spots"] = spots
            Path(args.json).write_text(
                json.dumps(summary, ensure_ascii=False, indent=1), encoding="utf-8"
            )
    finally:
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
