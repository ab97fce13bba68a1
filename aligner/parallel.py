"""Spreading independent pieces of work over the machine's cores.

Python threads share one core's worth of bytecode, so the heavy passes (reading facts from
tens of thousands of paragraphs, the aligner's per-pair searches, the checks of a long
document) are split into tasks that a ``Runner`` spreads over worker processes, one per core;
the review UI keeps a core for its own loading thread, which then takes its share of the
tasks (one worker process fewer: less memory). The pool is started on first
use and kept for the life of the process. Workers come from a "forkserver", never a fork of
the caller: the review UI runs threads, and a fork of a threaded process can inherit a held
lock. The fork server imports ``aligner.prewarm`` first, so every worker starts with the
modules and caches it needs.

Everything falls back to running the work here, in order, when there is one core, when
``ALIGNER_WORKERS=1``, or when the pool cannot be started or breaks: the result is the same
either way, only the time differs.

Workers die with this process, whatever ends it (SIGKILL, a closed terminal, ``timeout``):
see ``_worker_start``.
"""

from __future__ import annotations

import atexit
import gc
import os
import signal
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager, nullcontext
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # concurrent.futures (and multiprocessing) are imported when a pool starts:
    # a twentieth of a second that a small command never needs
    from concurrent.futures import Future, ProcessPoolExecutor

START_FROM_BYTES = 1_000_000
_pool: ProcessPoolExecutor | None = None
_QUIET_TRACKER = "ignore:resource_tracker:UserWarning"
_lifeline: Any = None  # the write end of the workers' lifeline pipe (see _worker_start)
_failed = False
_lock = threading.Lock()
_paused = 0
_collecting = True
_caller_works = False
_in_worker = False  # set in every worker: a worker never starts a pool of its own
_freezing = False  # freeze_after_passes()


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
            if _paused == 0:
                if _freezing:
                    gc.freeze()
                if _collecting:
                    gc.enable()


def freeze_after_passes() -> None:
    """For a process that ends when its work is done (``aligner check``; its workers): what
    a heavy pass built is frozen (``gc.freeze``) when the pass ends, so that the first
    collection after it does not walk it all (with a language detector's tables loaded,
    a tenth of the time of checking a small catalog), nor does any later one. Frozen
    objects are still freed as soon as nothing refers to them; only reference cycles among
    them would stay until the process ends. Call before the pool starts: its workers do
    the same."""
    global _freezing
    _freezing = True


def share_with_caller() -> None:
    """Start one worker fewer than there are cores, and let the thread asking for work run
    tasks too (``Runner``). For the review UI: a worker process costs tens of megabytes,
    and the app's loading thread would otherwise only wait. Call before the pool starts."""
    global _caller_works
    _caller_works = True


def _pool_size() -> int:
    return max(1, cores() - 1) if _caller_works else cores()


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
    global _pool, _failed, _lifeline
    if _in_worker or cores() < 2 or not _main_importable():
        return None
    with _lock:
        if _pool is None and not _failed:
            # multiprocessing hands its helper process sys.stderr's descriptor; under the
            # review UI sys.stderr is Textual's capture, which has none
            captured = sys.stderr
            try:
                import multiprocessing
                from concurrent.futures import ProcessPoolExecutor

                if _descriptor(captured) is None and _descriptor(sys.__stderr__) is not None:
                    sys.stderr = sys.__stderr__
                # After a SIGKILL of this process multiprocessing's resource tracker frees
                # the pool's semaphores itself, and would say so on the terminal as a
                # "leaked semaphore objects" warning: expected there, and no fault. Helper
                # processes get their -W options from sys.warnoptions.
                if _QUIET_TRACKER not in sys.warnoptions:
                    sys.warnoptions.append(_QUIET_TRACKER)
                context = multiprocessing.get_context("forkserver")
                context.set_forkserver_preload(["aligner.prewarm"])
                if _lifeline is None:
                    lifeline, _lifeline = context.Pipe(duplex=False)
                    _lifelines.append(lifeline)
                _pool = ProcessPoolExecutor(
                    _pool_size(),
                    mp_context=context,
                    initializer=_worker_start,
                    initargs=(_lifelines[0], _freezing),
                )
                # before concurrent.futures' own exit hook, which waits for the running tasks
                getattr(threading, "_register_atexit", atexit.register)(_shutdown)
            except (OSError, ValueError, ImportError):
                _failed = True
            finally:
                if sys.stderr is not captured:
                    sys.stderr = captured
        return _pool


def start(block: bool = True) -> None:
    """Start the workers now, so that their start-up overlaps other work (loading texts);
    ``block``: return when they are ready. Without ``block`` the workers are started from a
    thread of their own: starting one waits for the fork server to import its modules
    (about 0.4 s), which the caller can spend loading."""
    shared = pool()
    if shared is None:
        return
    if block:
        _spawn(shared, True)
    else:
        threading.Thread(
            target=_spawn, args=(shared, False), name="aligner-workers", daemon=True
        ).start()


@contextmanager
def _children_deaf_to_ctrl_c() -> Iterator[None]:
    """Processes started in here (the fork server, the resource tracker, the workers) never
    see a Ctrl-C: the terminal sends it to the whole process group, and a helper hit while
    its interpreter starts prints a traceback ("'import warnings' failed") before any of
    our code could ignore it. A blocked signal stays blocked across fork and exec, so the
    calling thread blocks SIGINT while it starts them; the ``aligner`` process itself still
    gets it, in its other threads or once this one unblocks it."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    old = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


def _spawn(shared: ProcessPoolExecutor, wait_ready: bool) -> None:
    from concurrent.futures.process import BrokenProcessPool

    try:
        with _children_deaf_to_ctrl_c():
            futures = [shared.submit(_ready) for _ in range(_pool_size())]
        if wait_ready:
            for future in futures:
                future.result()
    except (BrokenProcessPool, OSError, RuntimeError, EOFError):
        _give_up()  # (EOFError: the fork server died starting, as on a Ctrl-C meanwhile)


def start_for(docset_dir: os.PathLike | str) -> None:
    """``start(block=False)`` when the texts in ``docset_dir`` are long enough (a megabyte:
    some thousands of paragraphs) for the aligner or the checks to use workers."""
    try:
        size = sum(
            entry.stat().st_size
            for entry in os.scandir(docset_dir)
            if entry.name.endswith(".txt") and entry.is_file()
        )
    except OSError:
        return  # the loader reports what is wrong with the directory
    if size >= START_FROM_BYTES:
        start(block=False)


def _unpacked(function: Callable, packed: bytes) -> Any:
    """``function`` called with the arguments ``Runner.add`` pickled (in a worker)."""
    import pickle

    return function(*pickle.loads(packed))


class Runner:
    """Tasks run by the workers (and by the calling thread), results taken as they come.

    ``add`` queues a task under a tag (tasks may be added while results are being taken:
    work that depends on earlier results); ``results`` yields (tag, result) pairs until
    every task is done. Every task goes to the pool, whose workers take them from the front.
    When the pool leaves the caller a core (``share_with_caller``), the caller's thread,
    whenever no result is ready, takes back a task nobody has started from the back and
    runs it itself, so it works as one more worker and the two meet in the middle.
    ``here`` tasks (ones whose arguments would cost more to ship than to compute) always
    run in the caller, first. Without a pool, everything runs here, in order of addition.
    """

    def __init__(self) -> None:
        self.shared = pool()
        # the caller takes tasks back only when the pool leaves it a core (share_with_caller)
        self.taking = self.shared is not None and self.shared._max_workers < cores()
        self.local: deque = deque()
        self.running: dict[Future, tuple] = {}  # in order of submission

    def add(self, tag: Any, function: Callable, *args: Any, here: bool = False) -> None:
        if not here and self.shared is not None:
            import pickle
            from concurrent.futures.process import BrokenProcessPool

            try:
                # pickled here and now: left to the pool's feeder thread, shipping a large
                # task would wait for the GIL while this thread runs its own share
                packed = pickle.dumps(args, protocol=pickle.HIGHEST_PROTOCOL)
                starting = not getattr(self.shared, "_processes", None)  # the first submit
                with _children_deaf_to_ctrl_c() if starting else nullcontext():
                    future = self.shared.submit(_unpacked, function, packed)
                self.running[future] = (tag, function, args)
                return
            except (BrokenProcessPool, OSError, RuntimeError):
                self._lose_pool()
        self.local.append((tag, function, args))

    def results(self) -> Iterator[tuple[Any, Any]]:
        while self.local or self.running:
            finished = [future for future in self.running if future.done()]
            if finished:
                for future in finished:
                    tag, function, args = self.running.pop(future)
                    yield tag, self._result(future, function, args)
                continue
            task = (
                self.local.popleft() if self.local else self._take_back() if self.taking else None
            )
            if task is not None:
                tag, function, args = task
                yield tag, function(*args)
            else:
                from concurrent.futures import FIRST_COMPLETED, wait

                wait(self.running, return_when=FIRST_COMPLETED)

    def _take_back(self) -> tuple | None:
        """The last submitted task no worker has started, withdrawn from the pool."""
        for future in reversed(self.running):
            if future.cancel():
                return self.running.pop(future)
        return None

    def _result(self, future: Future, function: Callable, args: tuple) -> Any:
        from concurrent.futures.process import BrokenProcessPool

        try:
            return future.result()
        except BrokenProcessPool:
            self._lose_pool()
            return function(*args)

    def _lose_pool(self) -> None:
        _give_up()
        self.shared = None


def chunks(items: Sequence, pieces: int, minimum: int) -> Iterable[tuple[int, int]]:
    """About ``pieces`` (start, end) ranges covering ``items``, none shorter than ``minimum``
    (except a lone one)."""
    size = max(minimum, -(-len(items) // max(1, pieces)))
    return [(start, min(start + size, len(items))) for start in range(0, len(items), size)] or [
        (0, 0)
    ]


def worker_pids() -> list[int]:
    """The process ids of the live workers (for benchmarks that measure them)."""
    return list(getattr(_pool, "_processes", None) or {})


def worker_cpu() -> float:
    """CPU seconds the live workers have used so far (Linux; 0 elsewhere): benchmarks add
    it to the caller's own ``time.process_time()``."""
    ticks = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
    total = 0
    for pid in worker_pids():
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
    ``multiprocessing`` requires): not so for code read from stdin (``python -c`` has no
    file to import, which is fine)."""
    main = sys.modules.get("__main__")
    if getattr(getattr(main, "__spec__", None), "name", None):
        return True
    path = getattr(main, "__file__", None)
    return path is None or os.path.isfile(path)


def _ready() -> bool:
    return True


_lifelines: list = []  # the read end, handed to each worker as it starts
PR_SET_PDEATHSIG = 1


def _worker_start(lifeline: Any, freezing: bool = False) -> None:
    """Tie a new worker's life to the ``aligner`` process that owns the pool.

    The obvious tie does not hold: a worker's parent is the fork server, which exits only
    when every process holding its "alive" pipe has closed it, and each worker holds it
    (multiprocessing hands it to every child), so after a SIGKILL of the caller the workers
    would wait on their task queue for ever and keep the fork server alive with them. So:

    - ``lifeline`` is the read end of a pipe whose write end only the caller holds (it is
      not inheritable and multiprocessing passes it to nobody). The kernel closes it when
      the caller ends, however it ends; a watchdog thread here blocks reading it and ends
      the worker at once on EOF. The fork server, its last client gone, then exits too (and
      multiprocessing's resource tracker after it). Portable: any POSIX system.
    - On Linux the worker also asks for SIGKILL when its parent, the fork server, dies
      (``prctl(PR_SET_PDEATHSIG)``: the server forks from its only thread, so the signal
      means the server's death), e.g. when the server itself is killed.

    A worker's tasks (a whole catalog of a many-file ``aligner check``) run in the worker
    alone: ``pool()`` gives None there, so no worker ever starts workers of its own.
    """
    global _in_worker, _freezing
    _in_worker, _freezing = True, freezing
    if sys.platform.startswith("linux"):
        try:
            import ctypes
            import signal

            parent = os.getppid()
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
            if os.getppid() != parent:  # the server died before the request took effect
                os._exit(1)
        except (OSError, AttributeError):
            pass
    threading.Thread(
        target=_watch_lifeline, args=(lifeline,), daemon=True, name="aligner-lifeline"
    ).start()


def _watch_lifeline(lifeline: Any) -> None:
    """End this worker when the caller's end of ``lifeline`` closes (the caller is gone)."""
    try:
        while True:
            lifeline.recv_bytes()  # nothing is ever sent; returns only on EOF (raises)
    except (EOFError, OSError):
        pass
    os._exit(1)


def _give_up() -> None:
    """A broken pool is not retried: the rest of this process works in one core."""
    global _pool, _failed
    with _lock:
        broken, _pool, _failed = _pool, None, True
    if broken is not None:
        broken.shutdown(wait=False, cancel_futures=True)


def _shutdown() -> None:
    """At exit, stop the workers at once: an exit while tasks run is a Ctrl-C or an error,
    whose results nobody wants, and an idle worker has nothing to finish."""
    global _pool
    with _lock:
        shared, _pool = _pool, None
    if shared is None:
        return
    processes = list((getattr(shared, "_processes", None) or {}).values())
    shared.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        try:
            process.terminate()
        except (OSError, ValueError, AttributeError):
            pass
