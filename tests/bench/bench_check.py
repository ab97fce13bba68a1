"""Benchmarks of ``aligner check``: speed, false flags, and a side-by-side with pofilter.

    .venv/bin/python -m tests.bench.bench_check [--quick] [--speed-only] [--cli]
        [--realtext=DIR] [--at=REV]   (or: python -m tests.bench check --cli --realtext=DIR)

1. Speed: the bundled statement copied to 10k rows (~10k paragraphs per language, 4
   languages), each copy made distinct by a letter tag, checked with every check.
2. False flags on undamaged text: the faithful zh, kk and ru of the bundled statement, and
   real ru, kk and zh catalogs from /usr/share/locale (read from .mo with polib).
   ``--cli``: the same docset written to disk with its alignment.tsv and checked as a user
   does, ``aligner check DIR --format json`` (the alignment read, not recomputed; wall and
   CPU of the whole process tree, workers included; ``--at=REV``: the aligner package of
   that git revision too, run beside the working tree's). ``--realtext DIR``: also a real-text
   docset, every unperturbed en-ru docset of the realtext kit's output DIR
   (/work/shared/realtext) put one after another with their 1:1 gold rows (~10k paragraphs).
3. Recall against seeded corruptions, ours (``number``) and translate-toolkit's pofilter
   (``numbers``) on the same PO files: real catalogs (digits changed or dropped; for zh also
   digits written as a wrong Chinese numeral) and the statement as PO catalogs (also month
   names, Chinese and Roman numerals). A spot counts as found only when the clean entry was
   not flagged already. Correct rewrites (digits as the right Chinese numeral or Russian
   word) are clean text and count as false flags when flagged.
"""

from __future__ import annotations

import compileall
import gc
import glob
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import polib

from aligner import parallel
from aligner.align import align
from aligner.alignment import Alignment, Row, cell_text
from aligner.catalog import read_catalog
from aligner.checks import check_names, run_checks, run_document
from aligner.checks.document import from_catalog
from aligner.docset import DocSet, LanguageText, load
from tests.conftest import BUNDLED

SEED = 20230517
TAGS = {
    "en": "bcdfghjklmnpqrstvwxz",
    "ru": "бвгдежзклмнпрстфхцчш",
    "kk": "бвгдежзклмнпрстфхцчш",
    "zh": "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉",
}
CN_DIGITS = "零一二三四五六七八九"
RU_WORDS = {
    2: "два",
    3: "три",
    4: "четыре",
    5: "пять",
    6: "шесть",
    7: "семь",
    8: "восемь",
    9: "девять",
    10: "десять",
}
RU_MONTHS = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
]
KK_MONTHS = [
    "қаңтар",
    "ақпан",
    "наурыз",
    "сәуір",
    "мамыр",
    "маусым",
    "шілде",
    "тамыз",
    "қыркүйек",
    "қазан",
    "қараша",
    "желтоқсан",
]
DEBUG = False
POFILTER = Path(sys.executable).parent / "pofilter"


def table(title: str, header: list[str], rows: list[list]) -> None:
    print(f"\n{title}")
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    for row in [header, ["-" * w for w in widths], *rows]:
        print("  ".join(str(c).ljust(w) for c, w in zip(row, widths)).rstrip())


# --- 1. speed ---------------------------------------------------------------------------


def big_docset(copies: int) -> tuple[DocSet, Alignment]:
    """The bundled statement ``copies`` times, each copy tagged so no text repeats."""
    docset = load(BUNDLED)
    alignment = align(docset, fresh=True)
    texts, rows = {}, []
    for lang in docset.languages:
        paragraphs = docset.paragraphs(lang)
        letters = TAGS.get(lang, TAGS["en"])
        tagged = [
            f"{p} {letters[k % 20]}{letters[k // 20 % 20]}{letters[k // 400 % 20]}"
            for k in range(copies)
            for p in paragraphs
        ]
        texts[lang] = LanguageText(lang, docset.texts[lang].path, "utf-8", tuple(tagged))
    for k in range(copies):
        for row in alignment.rows:
            cells = {
                lang: tuple(i + k * len(docset.paragraphs(lang)) for i in row.cells[lang])
                for lang in row.cells
            }
            rows.append(Row(f"r{len(rows) + 1}", cells, row.score))
    big = DocSet(
        docset.path,
        docset.languages,
        texts,
        docset.title,
        docset.titles,
        docset.source,
        docset.pivot,
        docset.glossary,
    )
    return big, Alignment(docset.languages, tuple(rows))


def bench_speed(copies: int, repeats: int = 3) -> None:
    big, alignment = big_docset(copies)
    paragraphs = sum(len(big.paragraphs(lang)) for lang in big.languages)
    from aligner.checks.document import from_docset

    parallel.start()
    rows = []
    for workers in (parallel.cores(), 1):
        os.environ["ALIGNER_WORKERS"] = str(workers)
        walls, cpus = [], []
        for _ in range(repeats):  # each time from the texts: cells, facts, every check
            gc.collect()
            wall, cpu = time.perf_counter(), time.process_time() + parallel.worker_cpu()
            flags = run_checks(big, alignment)
            walls.append(time.perf_counter() - wall)
            cpus.append(time.process_time() + parallel.worker_cpu() - cpu)
        rows.append(
            [
                workers,
                f"{min(walls):.2f}",
                f"{statistics.median(walls):.2f}",
                f"{statistics.median(cpus):.2f}",
                len(flags),
            ]
        )
    del os.environ["ALIGNER_WORKERS"]
    table(
        f"Speed: run_checks on {len(alignment.rows)} rows, {paragraphs} paragraphs in "
        f"{len(big.languages)} languages, every check, from the texts (target: <= 3 s); "
        f"{repeats} runs; CPU counts every process",
        ["processes", "best wall s", "median wall s", "median CPU s", "flags"],
        rows,
    )

    os.environ["ALIGNER_WORKERS"] = "1"
    wall, cpu = time.perf_counter(), time.process_time()
    document = from_docset(big, alignment)
    for unit in document.units:
        for lang in document.languages:
            document.facts(unit, lang)
    steps = [
        [
            "cells and facts (aligner.facts.extract, shared)",
            f"{time.process_time() - cpu:.2f}",
            f"{time.perf_counter() - wall:.2f}",
            "",
        ]
    ]
    for name in check_names():
        wall, cpu = time.perf_counter(), time.process_time()
        flags = run_document(document, [name])
        steps.append(
            [
                name,
                f"{time.process_time() - cpu:.2f}",
                f"{time.perf_counter() - wall:.2f}",
                len(flags),
            ]
        )
    del os.environ["ALIGNER_WORKERS"]
    steps.append(
        [
            "total",
            f"{sum(float(r[1]) for r in steps):.2f}",
            f"{sum(float(r[2]) for r in steps):.2f}",
            "",
        ]
    )
    table("Where one process spends it", ["step", "CPU s", "wall s", "flags"], steps)


def write_docset(big: DocSet, alignment: Alignment, out: Path) -> Path:
    """``big`` as a docset directory with its alignment.tsv (and the bundled glossary)."""
    from aligner.align.alignfile import write_alignment

    out.mkdir(parents=True, exist_ok=True)
    for lang in big.languages:
        (out / f"{lang}.txt").write_text("\n\n".join(big.paragraphs(lang)) + "\n", encoding="utf-8")
    for extra in ("docset.toml", "glossary.tsv"):
        if (Path(big.path) / extra).is_file():
            shutil.copy(Path(big.path) / extra, out / extra)
    written = load(out)
    assert all(written.paragraphs(lang) == big.paragraphs(lang) for lang in big.languages)
    write_alignment(written, alignment)
    return out


def realtext_docset(
    data: Path, out: Path, langs: tuple[str, ...] = ("en", "ru"), paragraphs: int = 10_000
) -> Path | None:
    """Every unperturbed docset of the realtext kit's output ``data`` that has ``langs``
    (not its "all" docsets, which repeat the others), one after another, with their 1:1 gold
    rows as alignment.tsv; the list is gone through again until the docset has
    ``paragraphs`` paragraphs in all (the kit's size depends on the machine's packages)."""
    import itertools
    import json

    from aligner.align.alignfile import write_alignment

    texts: dict[str, list[str]] = {lang: [] for lang in langs}
    rows = []
    golds = []
    for gold_path in sorted(data.glob("*/*/gold.json")):
        if gold_path.parts[-3] in ("perturbed", "pool") or gold_path.parts[-2] == "all":
            continue  # perturbed copies, and the "all" docsets that repeat their group
        gold = json.loads(gold_path.read_text())
        if set(langs) <= set(gold["languages"]):
            golds.append((gold_path, gold))
    if not golds:
        return None
    for gold_path, gold in itertools.cycle(golds):
        if sum(map(len, texts.values())) >= paragraphs:
            break
        source = load(gold_path.parent)
        base = {lang: len(texts[lang]) for lang in langs}
        for lang in langs:
            texts[lang].extend(source.paragraphs(lang))
        for row in gold["rows"]:
            cells = {lang: tuple(i + base[lang] for i in row[lang]) for lang in langs}
            if any(cells.values()):
                rows.append(Row(f"r{len(rows) + 1}", cells, 1.0))
    if not rows:
        return None
    out.mkdir(parents=True, exist_ok=True)
    for lang in langs:
        (out / f"{lang}.txt").write_text("\n\n".join(texts[lang]) + "\n", encoding="utf-8")
    docset = load(out)
    assert all(list(docset.paragraphs(lang)) == texts[lang] for lang in langs)
    write_alignment(docset, Alignment(langs, tuple(rows)))
    return out


def bench_cli(copies: int, realtext: Path | None, repeats: int = 3, at: str | None = None) -> None:
    """``at``: also run the aligner package of that git revision, each run beside one of
    the working tree's (same docsets, same load)."""
    from tests.bench.bench_damage import ALIGNER, OUR_ENV, checkout, run_timed

    workdir = Path(tempfile.mkdtemp(prefix="bench-check-cli-"))
    try:
        versions: list[tuple[str, dict | None]] = [("working tree", None)]
        if at is not None:
            checkout(at, workdir / "src")
            versions.insert(0, (at, dict(OUR_ENV)))
        # both with bytecode caches, as an installed copy runs (PYTHONDONTWRITEBYTECODE
        # would have a fresh checkout compile its modules at every start)
        for package in (workdir / "src", Path(parallel.__file__).parent):
            compileall.compile_dir(str(package), quiet=1)
        docsets = [
            ("statement x%d" % copies, write_docset(*big_docset(copies), workdir / "statement"))
        ]
        if realtext is not None:
            real = realtext_docset(realtext, workdir / "realtext")
            if real is not None:
                docsets.append(("realtext en-ru", real))
        rows = []
        for name, path in docsets:
            docset = load(path)
            paragraphs = sum(len(docset.paragraphs(lang)) for lang in docset.languages)
            runs: dict[str, list] = {version: [] for version, _ in versions}
            for _ in range(repeats):
                for version, env in versions:
                    runs[version].append(
                        run_timed(
                            [str(ALIGNER), "check", str(path), "--format", "json"],
                            workdir / "out.json",
                            env,
                        )
                    )
            for version, _ in versions:
                done = runs[version]
                rows.append(
                    [
                        name if at is None else f"{name}, {version}",
                        paragraphs,
                        f"{min(r[2] for r in done):.2f}",
                        f"{statistics.median(r[2] for r in done):.2f}",
                        f"{statistics.median(r[1] for r in done):.2f}",
                    ]
                )
        table(
            f"aligner check DIR --format json, alignment.tsv read (target: <= 3 s wall); "
            f"{repeats} runs; CPU of the process tree; load average "
            f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs",
            ["docset", "paragraphs", "best wall s", "median wall s", "median CPU s"],
            rows,
        )
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


# --- 2. false flags on undamaged text ---------------------------------------------------


def bench_statement_false_flags() -> None:
    docset = load(BUNDLED)
    flags = run_checks(docset, align(docset, fresh=True))
    rows = []
    for lang in ("zh", "kk", "ru"):
        own = [f for f in flags if f.lang == lang]
        by_check = Counter(f.check for f in own)
        text_flags = sum(n for check, n in by_check.items() if check != "alignment")
        paragraphs = len(docset.paragraphs(lang))
        rows.append(
            [
                lang,
                paragraphs,
                text_flags,
                f"{20 * text_flags / paragraphs:.2f}",
                ", ".join(f"{c} {n}" for c, n in sorted(by_check.items())) or "-",
            ]
        )
    english = Counter(f.check for f in flags if f.lang == "en")
    rows.append(
        [
            "en (damaged)",
            len(docset.paragraphs("en")),
            sum(english.values()),
            "",
            ", ".join(f"{c} {n}" for c, n in sorted(english.items())),
        ]
    )
    table(
        "False flags on the faithful versions of the bundled statement (target: <= 1 per 20 "
        "paragraphs; alignment-confidence notes are about rows, not text)",
        ["lang", "paragraphs", "flags", "per 20", "by check"],
        rows,
    )


def real_catalogs(workdir: Path, limit: int) -> dict[str, list[Path]]:
    """Real catalogs per language, as PO files written from the installed .mo files."""
    found: dict[str, list[Path]] = {}
    for lang, folder in (("ru", "ru"), ("kk", "kk"), ("zh", "zh_CN")):
        total = 0
        for mo in sorted(glob.glob(f"/usr/share/locale/{folder}/LC_MESSAGES/*.mo")):
            if Path(mo).is_symlink():
                continue
            catalog = polib.mofile(mo)
            catalog.metadata["Language"] = lang
            target = workdir / lang / (Path(mo).stem + ".po")
            target.parent.mkdir(parents=True, exist_ok=True)
            catalog.save_as_pofile(str(target))
            found.setdefault(lang, []).append(target)
            total += sum(1 for e in catalog if e.msgid and (e.msgstr or e.msgstr_plural))
            if total >= limit:
                break
    return found


def ours(path: Path, names=None) -> dict[int, list]:
    document = from_catalog(read_catalog(path))
    flagged: dict[int, list] = {}
    for flag in run_document(document, names):
        flagged.setdefault(flag.entry, []).append(flag)
    return flagged


def pofilter(path: Path, test: str = "numbers") -> set[tuple[str | None, str]]:
    """(msgctxt, msgid) of the entries pofilter's ``test`` fails."""
    out = path.with_suffix(".pofilter.po")
    subprocess.run(
        [str(POFILTER), "-t", test, "--nofuzzy", "-i", str(path), "-o", str(out)],
        check=True,
        capture_output=True,
    )
    if not out.exists() or not out.stat().st_size:
        return set()  # nothing failed
    failed = {(e.msgctxt, e.msgid) for e in polib.pofile(str(out)) if e.msgid}
    out.unlink()
    return failed


NUMBER_CHECKS = ["number", "placeholder"]  # ours that compare numbers (printf widths too)


def _said(flags) -> set[tuple[str, str]]:
    """What a reviewer reads: a spot counts as found when a new message appears on it."""
    return {(f.check, f.message) for f in flags or ()}


def keyed_entries(path: Path) -> list[tuple[str | None, str]]:
    catalog = read_catalog(path)
    return [(e.msgctxt, e.msgid) for e in catalog.entries]


def bench_catalog_false_flags(catalogs: dict[str, list[Path]]) -> None:
    rows = []
    for lang, paths in catalogs.items():
        entries = checked = ours_all = ours_number = theirs = 0
        by_check: Counter[str] = Counter()
        for path in paths:
            catalog = read_catalog(path)
            checked += sum(1 for e in catalog.entries if e.translated and not e.fuzzy)
            entries += len(catalog.entries)
            flagged = ours(path)
            for flags in flagged.values():
                by_check.update(f.check for f in flags)
            ours_all += sum(len(f) for f in flagged.values())
            ours_number += sum(1 for f in flagged.values() for x in f if x.check == "number")
            theirs += len(pofilter(path))
        per20 = lambda n: f"{20 * n / max(checked, 1):.2f}"  # noqa: E731
        rows.append(
            [
                lang,
                len(paths),
                checked,
                f"{ours_number} ({per20(ours_number)})",
                f"{theirs} ({per20(theirs)})",
                f"{ours_all} ({per20(ours_all)})",
                ", ".join(f"{c} {n}" for c, n in by_check.most_common()),
            ]
        )
    table(
        "Flags on real catalogs as shipped (flags, per 20 translated entries)",
        [
            "lang",
            "catalogs",
            "entries",
            "ours: number",
            "pofilter: numbers",
            "ours: all checks",
            "ours by check",
        ],
        rows,
    )


# --- 3. corruptions ---------------------------------------------------------------------

_LETTERS = "0-9A-Za-z\u0400-\u04ff"
_NUMBER = re.compile(rf"(?<![{_LETTERS}.%$])\d{{1,4}}(?![{_LETTERS}%$])")


def chinese(n: int) -> str:
    if n < 10:
        return CN_DIGITS[n]
    tens, units = divmod(n, 10)
    return ("" if tens == 1 else CN_DIGITS[tens]) + "十" + (CN_DIGITS[units] if units else "")


def corrupt_digits(text: str, rng: random.Random, kind: str, lang: str) -> str | None:
    """One seeded change to a number written in digits; None when the text has none."""
    numbers = [m for m in _NUMBER.finditer(text)]
    if kind.endswith("-right"):  # a correct rewrite only where a number stands alone
        numbers = [
            m
            for m in numbers
            if 2 <= int(m.group()) <= 99 and _alone(text, m.start() - 1) and _alone(text, m.end())
        ]
    if not numbers:
        return None
    m = rng.choice(numbers)
    value = int(m.group())
    if kind == "digit":
        i = rng.randrange(len(m.group()))
        digit = str((int(m.group()[i]) + rng.randint(1, 9)) % 10)
        new = m.group()[:i] + digit + m.group()[i + 1 :]
        if new[0] == "0" and len(new) > 1:
            new = "1" + new[1:]
        replacement = new
    elif kind == "drop":
        return (text[: m.start()].rstrip() + " " + text[m.end() :].lstrip()).strip()
    elif kind == "cn-wrong" and lang == "zh" and 1 <= value < 99:
        replacement = chinese(value + 1)
    elif kind == "cn-right" and lang == "zh" and 1 <= value < 99:
        replacement = chinese(value)
    elif kind == "word-right" and lang == "ru" and value in RU_WORDS:
        replacement = RU_WORDS[value]
    else:
        return None
    return text[: m.start()] + replacement + text[m.end() :]


def _alone(text: str, i: int) -> bool:
    """Whether position ``i`` (just outside a number) is a space, an edge or CJK punctuation
    (not a letter: "软件包1" is an identifier, not a number to spell out)."""
    return (
        i < 0
        or i >= len(text)
        or text[i].isspace()
        or "\u3000" <= text[i] <= "\u303f"
        or "\uff00" <= text[i] <= "\uff0f"
    )


WORDS_IN_TEXT = [  # (language, pattern, replacement): changes pofilter cannot see
    ("ru", r"\bмая\b", "июня"),
    ("ru", r"\bсентябре\b", "октябре"),
    ("ru", r"\bXX\b", "XXI"),
    ("ru", r"\bVI\b", "VII"),
    ("kk", r"\bмамыр", "маусым"),
    ("kk", r"қыркүйек", "қазан"),
    ("kk", r"ХХ", "ХХІ"),
    ("kk", r"алтыншы", "жетінші"),
    ("zh", r"第二十次", "第二十一次"),
    ("zh", r"第七十五", "第七十六"),
    ("zh", r"第六次", "第七次"),
    ("zh", r"十年", "九年"),
    ("zh", r"二、", "三、"),
    ("ru", r"десять лет", "девять лет"),
]


def statement_catalogs(workdir: Path) -> dict[str, Path]:
    """The bundled statement as PO catalogs: msgid one faithful version, msgstr another."""
    docset = load(BUNDLED)
    alignment = align(docset, fresh=True)
    made = {}
    for source, target in (("zh", "ru"), ("zh", "kk"), ("ru", "zh")):
        catalog = polib.POFile(wrapwidth=0)
        catalog.metadata = {
            "Language": target,
            "X-Source-Language": source,
            "Content-Type": "text/plain; charset=UTF-8",
        }
        for row in alignment.rows:
            msgid, msgstr = cell_text(docset, row, source), cell_text(docset, row, target)
            if msgid and msgstr:
                catalog.append(polib.POEntry(msgid=msgid, msgstr=msgstr, msgctxt=row.id))
        path = workdir / f"statement-{source}-{target}.po"
        catalog.save(str(path))
        made[f"statement {source}→{target}"] = path
    return made


def corrupted_copy(
    path: Path, kind: str, rng: random.Random, lang: str, budget: int
) -> tuple[Path, set[int]]:
    """A copy of the catalog with up to ``budget`` entries changed by ``kind``."""
    catalog = polib.pofile(str(path), wrapwidth=0)
    entries = [e for e in catalog if e.msgid and not e.obsolete and e.msgstr and not e.fuzzy]
    rng.shuffle(entries)
    changed = set()
    for entry in entries:
        if len(changed) >= budget:
            break
        if kind == "words":
            rules = [
                (p, r) for l, p, r in WORDS_IN_TEXT if l == lang and re.search(p, entry.msgstr)
            ]
            if not rules:
                continue
            pattern, replacement = rng.choice(rules)
            new = re.sub(pattern, replacement, entry.msgstr, count=1)
        else:
            if not _NUMBER.search(entry.msgid):
                continue  # pofilter compares digits only: give it its best case
            new = corrupt_digits(entry.msgstr, rng, kind, lang)
        if new and new != entry.msgstr:
            entry.msgstr = new
            changed.add((entry.msgctxt, entry.msgid))
    out = path.with_name(f"{path.stem}.{kind}.po")
    catalog.save(str(out))
    keys = keyed_entries(out)
    return out, {i for i, key in enumerate(keys) if key in changed}


def bench_corruptions(
    catalogs: dict[str, list[Path]], statements: dict[str, Path], budget: int
) -> None:
    rng = random.Random(SEED)
    rows = []
    missed_by_us = 0
    corpora = [(f"{lang} real", lang, paths) for lang, paths in catalogs.items()]
    corpora += [(name, path.stem.split("-")[-1], [path]) for name, path in statements.items()]
    for name, lang, paths in corpora:
        kinds = (
            ["digit", "drop"]
            + (["cn-wrong", "cn-right"] if lang == "zh" else [])
            + (["word-right"] if lang == "ru" else [])
            + (["words"] if "statement" in name else [])
        )
        for kind in kinds:
            clean_ours = clean_theirs = 0
            total = found_ours = found_theirs = extra_ours = extra_theirs = rewritten = 0
            for path in paths:
                before = ours(path, NUMBER_CHECKS)
                before_theirs = pofilter(path)
                out, changed = corrupted_copy(path, kind, rng, lang, budget)
                if not changed:
                    continue
                rewritten += len(changed)
                after = ours(out, NUMBER_CHECKS)
                after_theirs = pofilter(out)
                keys = keyed_entries(out)
                for index in changed:
                    key = keys[index]
                    hit_ours = bool(_said(after.get(index)) - _said(before.get(index)))
                    hit_theirs = key in after_theirs and key not in before_theirs
                    if DEBUG and (
                        hit_theirs and not hit_ours or kind.endswith("-right") and hit_ours
                    ):
                        print(
                            "MISSED",
                            kind,
                            path.name,
                            repr(read_catalog(out).entries[index].msgid[:80]),
                            "||",
                            repr(read_catalog(out).entries[index].msgstr[0][:80]),
                            after.get(index),
                        )
                    if kind.endswith("-right"):  # a correct rewrite: a flag is a false flag
                        extra_ours += hit_ours
                        extra_theirs += key in after_theirs and key not in before_theirs
                    else:
                        total += 1
                        found_ours += hit_ours
                        found_theirs += hit_theirs
                        missed_by_us += bool(hit_theirs and not hit_ours)
                clean_ours += sum(1 for i in after if i not in changed)
                clean_theirs += sum(1 for k in after_theirs if keys.index(k) not in changed)
            if kind.endswith("-right"):
                rows.append([name, kind, rewritten, "-", "-", f"{extra_ours}", f"{extra_theirs}"])
            elif total:
                rows.append(
                    [
                        name,
                        kind,
                        total,
                        f"{found_ours} ({100 * found_ours / total:.0f}%)",
                        f"{found_theirs} ({100 * found_theirs / total:.0f}%)",
                        clean_ours,
                        clean_theirs,
                    ]
                )
    table(
        "Seeded corruptions: spots found by ours (number, placeholder) and pofilter (numbers);"
        " a spot is found by us when a new message appears on its entry, by pofilter when the "
        "entry newly fails; last two columns: flags on unchanged (or correctly rewritten, "
        "'-right') entries",
        [
            "corpus",
            "corruption",
            "spots",
            "ours found",
            "pofilter found",
            "ours other flags",
            "pofilter other flags",
        ],
        rows,
    )
    print(f"spots pofilter found and we missed: {missed_by_us}")


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    quick = "--quick" in argv
    given = [a.split("=", 1)[1] for a in argv if a.startswith("--realtext=")]
    if "--realtext" in argv:
        given.append(argv[argv.index("--realtext") + 1])
    if "--cli" in argv or given:
        realtext = Path(given[0]) if given else None
        at = [a.split("=", 1)[1] for a in argv if a.startswith("--at=")]
        bench_cli(40, realtext, at=at[0] if at else None)
        return 0
    bench_speed(40 if quick else 200)
    if "--speed-only" in argv:
        return 0
    bench_statement_false_flags()
    if not POFILTER.exists():
        print("\npofilter not installed (pip install '.[bench]'): catalog benchmarks skipped")
        return 0
    workdir = Path(tempfile.mkdtemp(prefix="bench-check-"))
    try:
        catalogs = real_catalogs(workdir, 1000 if quick else 6000)
        if catalogs:
            bench_catalog_false_flags(catalogs)
        else:
            print("\nno ru/kk/zh catalogs under /usr/share/locale: real-catalog rows skipped")
        bench_corruptions(catalogs, statement_catalogs(workdir), 20 if quick else 60)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
