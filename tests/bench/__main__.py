"""Run benchmarks: ``python -m tests.bench [NAME ...] [--option ...]``.

Every ``tests/bench/bench_<name>.py`` with a ``main(argv)`` is a benchmark; with no NAME all of
them run, in name order. Options (arguments starting with ``-``) are passed to each main.
Each benchmark prints its own tables; the exit code is the first non-zero one returned.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
import time
from pathlib import Path

PREFIX = "bench_"


def available() -> list[str]:
    """Names of the benchmarks in this package (``bench_align.py`` -> ``align``)."""
    here = [str(Path(__file__).resolve().parent)]
    return sorted(
        info.name[len(PREFIX) :]
        for info in pkgutil.iter_modules(here)
        if info.name.startswith(PREFIX)
    )


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    names = [a for a in argv if not a.startswith("-")]
    options = [a for a in argv if a.startswith("-")]
    known = available()
    if "-h" in options or "--help" in options:
        print(__doc__.strip() + "\n\nbenchmarks: " + " ".join(known))
        return 0
    unknown = [name for name in names if name not in known]
    if unknown:
        print(
            f"tests.bench: no benchmark {', '.join(unknown)} (have: {' '.join(known)})",
            file=sys.stderr,
        )
        return 2
    status = 0
    for name in names or known:
        module = importlib.import_module(f"{__package__}.{PREFIX}{name}")
        print(f"\n=== {name} ===", flush=True)
        started = time.perf_counter()
        try:
            code = module.main(options) or 0
        except SystemExit as exc:  # a benchmark's argparse rejecting another's option
            code = exc.code if isinstance(exc.code, int) else 2
        print(f"=== {name}: {time.perf_counter() - started:.1f} s ===", flush=True)
        status = status or code
    return status


if __name__ == "__main__":
    raise SystemExit(main())
