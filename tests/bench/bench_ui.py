"""The review app on big documents: time to the first screen, row moves, memory.

Generates docsets of N rows (copies of the bundled statement with shifted numbers, written to
disk), then drives the real app with ``App.run_test()`` in a fresh process per measurement:
time from start until rows are on screen (with a saved alignment.tsv, as when a reviewer opens
a docset again, and fresh), the time one ``j`` takes (press + repaint), time until the review
files are open and the checks done, and the process's peak memory.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def write_docset(target: Path, rows: int) -> Path:
    """A docset of about ``rows`` paragraphs per language on disk."""
    from tests.conftest import write_generated

    return write_generated(target, rows)


async def _drive(path: Path, moves: int) -> dict:
    from tui.app import ReviewApp
    from tui.widgets.grid import GridView

    drawn: list[float] = []
    render_line = GridView.render_line

    def timed_render_line(self, y):  # the first line of rows drawn = the first screen
        strip = render_line(self, y)
        if not drawn and self.order and y == self.size.height - 1:
            drawn.append(time.perf_counter())
        return strip

    GridView.render_line = timed_render_line
    peak = _MemoryPeak()
    peak.start()
    start = time.perf_counter()
    app = ReviewApp(path)
    result: dict = {}
    async with app.run_test(size=(200, 50)) as pilot:
        while not drawn:
            await asyncio.sleep(0.005)
        result["first_screen_s"] = drawn[0] - start
        grid = app.query_one(GridView)
        result["rows"] = len(grid.order)
        while not (app.session.editable and app.session.checked):
            await asyncio.sleep(0.05)
        await app.workers.wait_for_complete()
        result["all_loaded_s"] = time.perf_counter() - start
        result["peak_pss_mb"] = peak.stop()  # loading is the peak; sampling would slow moves
        result["rows_loaded"] = app.session.row_count()
        await pilot.pause()
        walls, cpus = [], []
        for _ in range(moves):
            t, c = time.perf_counter(), time.process_time()
            await pilot.press("j")
            await pilot.pause()
            walls.append(time.perf_counter() - t)
            cpus.append(time.process_time() - c)
        result["move_median_ms"] = statistics.median(walls) * 1000
        result["move_cpu_ms"] = statistics.median(cpus) * 1000
        result["move_max_ms"] = max(walls) * 1000
        t = time.perf_counter()
        await pilot.press("G")
        await pilot.pause()
        result["jump_to_end_ms"] = (time.perf_counter() - t) * 1000
    result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    result["workers_rss_mb"] = _workers_peak_mb()
    return result


class _MemoryPeak(threading.Thread):
    """Samples the proportional memory (PSS: shared pages split between their users) of this
    process and all its descendants (the worker pool's fork server and workers) every 0.1 s;
    ``stop`` returns the largest total seen, in MB."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.largest = 0
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.wait(0.1):
            self.largest = max(self.largest, sum(_pss_kb(pid) for pid in _family(os.getpid())))

    def stop(self) -> float:
        self.done.set()
        self.join()
        return self.largest / 1024


def _family(root: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            parent = int(stat.rsplit(")", 1)[1].split()[1])
            children.setdefault(parent, []).append(int(entry))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(children.get(pid, ()))
    return found


def _pss_kb(pid: int) -> int:
    try:
        rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
    except OSError:
        return 0
    match = re.search(r"^Pss:\s+(\d+)", rollup, re.MULTILINE)
    return int(match.group(1)) if match else 0


def _workers_peak_mb() -> float:
    """Peak resident memory of the worker processes (aligning and checking), summed."""
    from aligner import parallel

    total = 0
    for pid in parallel.worker_pids():
        try:
            status = Path(f"/proc/{pid}/status").read_text()
        except OSError:
            continue
        total += int(re.search(r"VmHWM:\s+(\d+)", status).group(1))
    return total / 1024


def _child(path: str, moves: int) -> None:
    print(json.dumps(asyncio.run(_drive(Path(path), moves))))


def measure(path: Path, moves: int = 40) -> dict:
    """Run one measurement in a fresh interpreter (memory and caches from zero)."""
    code = f"from tests.bench.bench_ui import _child; _child({str(path)!r}, {moves})"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    if done.returncode:
        raise RuntimeError(done.stderr[-2000:])
    return json.loads(done.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    argv = argv or []
    sizes = [int(a.split("=")[1]) for a in argv if a.startswith("--rows=")] or [1000, 10000]
    print(
        "\nReview app (App.run_test, 200x50): first screen = rows drawn; all loaded = review "
        "files open and checks done; move = one j with repaint, after loading (wall through "
        "Pilot, which waits for idle, and the app's CPU time)"
    )
    print(
        "| rows | alignment | first screen s (rows) | all loaded s | move wall median ms | "
        "move CPU median ms | move wall max ms | G (end) ms | peak RSS MB, app | "
        "workers | peak PSS MB, all processes |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        for rows in sizes:
            path = write_docset(Path(tmp) / f"docset-{rows}", rows)
            fresh = measure(path)  # aligns, writes nothing but review files on change
            from aligner.align import align, save_alignment
            from aligner.docset import load

            docset = load(path)
            save_alignment(docset, align(docset))
            saved = measure(path)
            for label, r in (("fresh", fresh), ("saved alignment.tsv", saved)):
                print(
                    f"| {r['rows_loaded']:,} | {label} | {r['first_screen_s']:.2f} "
                    f"({r['rows']:,}) | {r['all_loaded_s']:.1f} | {r['move_median_ms']:.1f} | "
                    f"{r['move_cpu_ms']:.1f} | {r['move_max_ms']:.1f} | "
                    f"{r['jump_to_end_ms']:.0f} | {r['peak_rss_mb']:.0f} | "
                    f"{r['workers_rss_mb']:.0f} | {r['peak_pss_mb']:.0f} |"
                )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
