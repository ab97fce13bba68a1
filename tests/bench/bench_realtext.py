"""Aligner accuracy on real human translations (the realtext kit), peers side by side.

The kit (``../shared/realtext`` beside the project, or ``--kit=DIR``) builds docsets with a
gold alignment from Debian packages: GNOME help pages, the System Administration Guide, man
pages and gettext catalogs, in en/ru/zh/kk; ``build.sh DATA`` writes them (``--data=DATA``,
default ``$REALTEXT_DATA`` or ``./realtext-data``). Every docset is aligned twice, as built
(the truth is 1:1) and perturbed (merges, splits, omissions, insertions), by our aligner and
by two Gale-Church implementations on the same texts: nltk's ``align_blocks`` and the
``galechurch`` package (a Rust DP with the original program's parameters). The score is the
kit's strict bead F1 per en-L pair (``score.py``); peers align each pair on its own.

The kit's man pages are those translated into one of ru and zh; ``man3`` adds the pages
installed in all three (passwd.1, man.1, shadow.5, ...), rendered and judged by the kit's
own ``make_man`` functions and perturbed by its ``perturb.py``, written into DATA the first
time (the texts stay on this machine, like the rest of DATA).
"""

from __future__ import annotations

import importlib.util
import json
import os
import statistics
import subprocess
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

from aligner.align import align
from aligner.docset import load
from tests.bench.perturb import beads_from_links

GROUPS = ("help-enruzh", "help-enru", "sag-enru", "man", "man3", "cat")
ROOT = Path(__file__).resolve().parents[2]


def _option(argv: list[str], name: str, default: str) -> str:
    for arg in argv:
        if arg.startswith(f"--{name}="):
            return arg.split("=", 1)[1]
    return default


def _kit_score(kit: Path):
    spec = importlib.util.spec_from_file_location("realtext_score", kit / "score.py")
    module = importlib.util.module_from_spec(spec)
    sys.path.insert(0, str(kit))
    spec.loader.exec_module(module)
    return module.score


def _docsets(base: Path):
    for group in GROUPS:
        folder = base / group
        if not folder.is_dir():
            continue
        for name in sorted(os.listdir(folder)):
            if name != "all" and (folder / name / "gold.json").exists():
                yield group, name, folder / name


def _ours(docset, flags: Counter | None = None) -> dict:
    """Our rows in the kit's format; ``flags`` counts how the row confidence points at wrong
    rows (``_count_low``)."""
    alignment = align(docset, fresh=True)
    rows = [{lang: list(row.cells[lang]) for lang in alignment.languages} for row in alignment.rows]
    if flags is not None:
        _count_low(flags, alignment, docset)
    return {"languages": list(alignment.languages), "rows": rows}


def _count_low(flags: Counter, alignment, docset) -> None:
    """Rows with a paragraph in every language (an empty cell scores low by construction),
    wrong or right against the gold, and whether they score below LOW_CONFIDENCE: what a
    reviewer sent to the low-confidence rows finds there."""
    gold = json.loads((Path(docset.path) / "gold.json").read_text())
    others = [lang for lang in alignment.languages if lang != "en"]
    beads = {
        lang: {(tuple(r.get("en", [])), tuple(r.get(lang, []))) for r in gold["rows"]}
        for lang in others
    }
    for row in alignment.rows:
        if not all(row.cells[lang] for lang in alignment.languages):
            continue
        wrong = any(
            (tuple(row.cells["en"]), tuple(row.cells[lang])) not in beads[lang] for lang in others
        )
        flags["wrong" if wrong else "right"] += 1
        if row.low_confidence:
            flags["wrong low" if wrong else "right low"] += 1


def _nltk(pivot: list[str], other: list[str]):
    from nltk.translate import gale_church

    gale_church.MAX_ALIGN_BLOCKS = max(gale_church.MAX_ALIGN_BLOCKS, len(pivot), len(other))
    links = gale_church.align_blocks([len(p) for p in pivot], [len(p) for p in other])
    return beads_from_links(links, len(pivot), len(other))


def _galechurch(pivot: list[str], other: list[str]):
    import galechurch

    return [
        ((b.source_start, b.source_end), (b.target_start, b.target_end))
        for b in galechurch.align(pivot, other).beads
    ]


def _pair_prediction(lang: str, beads) -> dict:
    return {
        "languages": ["en", lang],
        "rows": [{"en": list(range(*p)), lang: list(range(*o))} for p, o in beads],
    }


def _peer_scores(score, gold, docset, peer) -> dict[str, float]:
    out = {}
    pivot = list(docset.paragraphs("en"))
    for lang in gold["languages"]:
        if lang == "en":
            continue
        try:
            beads = peer(pivot, list(docset.paragraphs(lang)))
        except Exception:  # noqa: BLE001 - a peer that fails scores 0 on this pair
            out[lang] = 0.0
            continue
        out[lang] = score(gold, _pair_prediction(lang, beads))["per_lang"][lang]["bead_f1"]
    return out


def build_man3(data: Path, kit: Path) -> int:
    """Write DATA/man3 (1:1 gold) and DATA/perturbed/man3 once; the number of docsets."""
    target = data / "man3"
    if target.is_dir():
        return len(list(target.glob("*/gold.json")))
    sys.path.insert(0, str(kit))
    import make_man  # the kit's rendering and trust test
    from common import save_json, write_docset

    root = Path(make_man.MANROOT)
    kept = 0
    for section in sorted((root / "ru").glob("man*")):
        for page in sorted(section.glob("*.gz")):
            paths = {
                "en": root / section.name / page.name,
                "ru": page,
                "zh": root / "zh_CN" / section.name / page.name,
            }
            if page.is_symlink() or not all(p.exists() for p in paths.values()):
                continue
            doc = {lang: make_man.render(str(path))[0] for lang, path in paths.items()}
            if not make_man.judge(doc)[0]:
                continue
            texts = {lang: [text for _, text in rendered] for lang, rendered in doc.items()}
            out = target / page.name[:-3]
            write_docset(str(out), texts)
            save_json(
                str(out / "gold.json"),
                {
                    "languages": list(texts),
                    "rows": [
                        {"id": f"r{i}", **{lang: [i] for lang in texts}, "score": 1.0}
                        for i in range(len(texts["en"]))
                    ],
                },
            )
            kept += 1
    for docset in sorted(target.iterdir()):
        subprocess.run(
            [
                sys.executable,
                str(kit / "perturb.py"),
                str(docset),
                str(data / "perturbed" / "man3" / docset.name),
                "--seed",
                "7",
            ],
            check=True,
            capture_output=True,
        )
    return kept


def bench(data: Path, kit: Path) -> None:
    score = _kit_score(kit)
    systems = {"ours": None, "nltk Gale-Church": _nltk, "galechurch (Rust)": _galechurch}
    for label, base in (("perturbed", data / "perturbed"), ("1:1 as built", data)):
        by_group = defaultdict(lambda: defaultdict(list))
        by_pair = defaultdict(lambda: defaultdict(list))
        seconds = 0.0
        flags: Counter = Counter()
        for group, _name, path in _docsets(base):
            gold = json.loads((path / "gold.json").read_text())
            docset = load(path)
            for system, peer in systems.items():
                if peer is None:
                    started = time.perf_counter()
                    result = score(gold, _ours(docset, flags))
                    seconds += time.perf_counter() - started
                    per_lang = {lang: v["bead_f1"] for lang, v in result["per_lang"].items()}
                else:
                    per_lang = _peer_scores(score, gold, docset, peer)
                by_group[system][group].append(statistics.mean(per_lang.values()))
                for lang, f1 in per_lang.items():
                    by_pair[system][lang].append(f1)
        groups = [g for g in GROUPS if g in by_group["ours"]]
        count = sum(len(by_group["ours"][g]) for g in groups)
        print(
            f"\nReal text, {label}: our low-confidence rows (rows with a paragraph in every "
            f"language): {flags['wrong low']} of {flags['wrong']} wrong rows, "
            f"{flags['right low']} of {flags['right']} right rows"
        )
        print(
            f"\nReal text, {label}: mean strict bead F1 per docset family "
            f"({count} docsets; ours took {seconds:.1f} s in all)"
        )
        print(
            "| aligner | "
            + " | ".join(groups)
            + " | overall | "
            + " | ".join(f"en-{lang}" for lang in sorted(by_pair["ours"]))
            + " |"
        )
        print("|---|" + "---|" * (len(groups) + 1 + len(by_pair["ours"])))
        for system in systems:
            means = [statistics.mean(by_group[system][g]) for g in groups]
            overall = statistics.mean(m for g in groups for m in by_group[system][g])
            pairs = [statistics.mean(by_pair[system][lang]) for lang in sorted(by_pair["ours"])]
            print(
                f"| {system} | "
                + " | ".join(f"{m:.3f}" for m in means)
                + f" | {overall:.3f} | "
                + " | ".join(f"{p:.3f}" for p in pairs)
                + " |"
            )


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    kit = Path(_option(argv, "kit", str(ROOT.parent / "shared" / "realtext")))
    data = Path(_option(argv, "data", os.environ.get("REALTEXT_DATA", "realtext-data")))
    if not (data / "perturbed").is_dir():
        print(
            f"bench_realtext: no realtext docsets in {data} (build them with "
            f"{kit}/build.sh {data}, then pass --data={data}); skipped"
        )
        return 0
    print(
        f"Real-text docsets from {data} ({(data / 'versions.txt').read_text().count(chr(10))} "
        "package versions in versions.txt)"
        if (data / "versions.txt").exists()
        else ""
    )
    print(f"man3: {build_man3(data, kit)} man pages in en, ru and zh")
    bench(data, kit)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
