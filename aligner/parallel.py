"""Spreading independent pieces of work over the machine's cores.

Python threads share one core's worth of bytecode, so the heavy passes (reading facts from
tens of thousands of paragraphs, the aligner's per-pair searches, the checks of a long
document) go to worker processes. The pool is started on first use and kept for the life of
the process. Workers come from a "forkserver", never a fork of the caller: the review UI runs
threads, and a fork of a threaded process can inherit a held lock. The fork server imports
``aligner.prewarm`` first, so every worker starts with the modules and caches it needs.

Every entry point falls back to running the work here, in order, when there is one core,
when ``ALIGNER_WORKERS=1``, when the work is too small to be worth shipping, or when the pool
cannot be started or breaks: the result is the same either way, only the time differs.
"""

from __future__ import annotations

import atexit
import gc
import os
import sys
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

START_FROM_BYTES = 1_000_000
_pool: ProcessPoolExecutor | None = None
_failed = False
_lock = threading.Lock()
_paused = 0
_collecting = True


@contextmanager
def gc_paused() -> Iterator[None]:
    """Hold the cyclic garbage collector during a heavy pass (reading the facts of every
    paragraph, the checks of a whole document): the pass builds hundreds of thousands of
    objects that live on, and each automatic collection would walk them all again, for
    nothing (they hold no cycles). A few per cent of the pass; nested uses are fine."""
    global _paused, _collecting
    with _lock:
        _paused += 1
        if _paused == 1:
            _collecting = gc.isenabled()
            gc.disable()
    try:
        yield
    finally:
        with _lock:
            _paused -= 1
            if _paused == 0 and _collecting:
                gc.enable()


def cores() -> int:
    """How many processes may work at once: ``ALIGNER_WORKERS`` or the CPUs this process
    may run on."""
    setting = os.environ.get("ALIGNER_WORKERS", "").strip()
    if setting.isdigit() and int(setting) > 0:
        return int(setting)
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def pool() -> ProcessPoolExecutor | None:
    """The shared pool of worker processes (None with one core or after a failure)."""
    global _pool, _failed
    if cores() < 2 or not _main_importable():
        return None
    with _lock:
        if _pool is None and not _failed:
            # multiprocessing hands its helper process sys.stderr's descriptor; under the
            # review UI sys.stderr is Textual's capture, which has none
            captured = sys.stderr
            try:
                import multiprocessing

                if _descriptor(captured) is None and _descriptor(sys.__stderr__) is not None:
                    sys.stderr = sys.__stderr__
                context = multiprocessing.get_context("forkserver")
                context.set_forkserver_preload(["aligner.prewarm"])
                _pool = ProcessPoolExecutor(cores(), mp_context=context)
                atexit.register(_shutdown)
            except (OSError, ValueError, ImportError):
                _failed = True
            finally:
                if sys.stderr is not captured:
                    sys.stderr = captured
        return _pool


def start(wait: bool = True) -> None:
    """Start the workers now, so that their start-up overlaps other work (loading texts);
    ``wait``: until they are ready."""
    shared = pool()
    if shared is not None:
        try:
            futures = [shared.submit(_ready) for _ in range(cores())]
            if wait:
                for future in futures:
                    future.result()
        except (BrokenProcessPool, OSError, RuntimeError):
            _give_up()


def start_for(docset_dir: os.PathLike | str) -> None:
    """``start(wait=False)`` when the texts in ``docset_dir`` are long enough (a megabyte:
    some thousands of paragraphs) for the aligner or the checks to use workers."""
    try:
        size = sum(entry.stat().st_size for entry in os.scandir(docset_dir)
                   if entry.name.endswith(".txt") and entry.is_file())
    except OSError:
        return  # the loader reports what is wrong with the directory
    if size >= START_FROM_BYTES:
        start(wait=False)


def submit(function: Callable, *args: Any) -> Future:
    """``function(*args)`` in a worker, or here (already done) when there is no pool."""
    shared = pool()
    if shared is not None:
        try:
            return shared.submit(function, *args)
        except (BrokenProcessPool, OSError, RuntimeError):
            _give_up()
    done: Future = Future()
    try:
        done.set_result(function(*args))
    except Exception as exc:  # delivered by result(), as a worker's would be
        done.set_exception(exc)
    return done


def result(future: Future, function: Callable, *args: Any) -> Any:
    """The future's result; if the pool broke meanwhile, ``function(*args)`` run here."""
    try:
        return future.result()
    except BrokenProcessPool:
        _give_up()
        return function(*args)


def chunks(items: Sequence, pieces: int, minimum: int) -> Iterable[tuple[int, int]]:
    """About ``pieces`` (start, end) ranges covering ``items``, none shorter than ``minimum``
    (except a lone one)."""
    size = max(minimum, -(-len(items) // max(1, pieces)))
    return [(start, min(start + size, len(items))) for start in range(0, len(items), size)] \
        or [(0, 0)]


def worker_cpu() -> float:
    """CPU seconds the live workers have used so far (Linux; 0 elsewhere): benchmarks add
    it to the caller's own ``time.process_time()``."""
    shared = _pool
    processes = list(getattr(shared, "_processes", None) or {}) if shared else []
    ticks = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
    total = 0
    for pid in processes:
        try:
            with open(f"/proc/{pid}/stat", "rb") as stat:
                fields = stat.read().rsplit(b")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])  # utime, stime
        except (OSError, IndexError, ValueError):
            continue
    return total / ticks


def _descriptor(stream) -> int | None:
    try:
        descriptor = stream.fileno()
    except (AttributeError, OSError, ValueError):
        return None
    return descriptor if isinstance(descriptor, int) and descriptor >= 0 else None


def _main_importable() -> bool:
    """Whether workers can import the caller's ``__main__`` as they start (they do, as
    ``multiprocessing`` requires): not so for code read from stdin or ``python -c``."""
    main = sys.modules.get("__main__")
    if getattr(getattr(main, "__spec__", None), "name", None):
        return True
    path = getattr(main, "__file__", None)
    return path is None or os.path.isfile(path)


def _ready() -> bool:
    return True


def _give_up() -> None:
    """A broken pool is not retried: the rest of this process works in one core."""
    global _pool, _failed
    with _lock:
        broken, _pool, _failed = _pool, None, True
    if broken is not None:
        broken.shutdown(wait=False, cancel_futures=True)


def _shutdown() -> None:
    global _pool
    with _lock:
        shared, _pool = _pool, None
    if shared is not None:
        shared.shutdown(wait=True, cancel_futures=True)
