"""Progress of long command-line work on stderr: a bar on a terminal, plain lines in a pipe.

A command that can run for more than a second (aligning, checking, syncing, exporting,
scoring a long docset) says what it is doing, so that 30 silent seconds never look like a
hang. Nothing is shown before the work has lasted ``after`` seconds (short runs, and the
tests that read their stderr, stay clean; ``ALIGNER_PROGRESS_AFTER=0`` shows it at once)
nor with ``--quiet``. A terminal's bar is redrawn at most every ``every`` seconds
(``ALIGNER_PROGRESS_EVERY=0``: every step, whatever the machine's speed).

- On a terminal: one line rewritten in place, ``aligner: aligning en-zh ━━━━━━───── 45%``,
  cleared when the work ends however it ends, so the next line (a result, "aligner:
  interrupted") starts clean.
- In a pipe or a log: a plain line when a new stage starts and at most every ``line_every``
  seconds within one (``aligner: aligning en-zh 45%``): readable in CI logs, never a
  carriage return.

Every line is made visible (``aligner.terminal``): a file name cannot drive the terminal.
"""

from __future__ import annotations

import os
import shutil
import sys
import time

from .terminal import SafeStream, cell_width, one_line, visible

AFTER = 1.0  # seconds of work before progress is shown
EVERY = 0.1  # seconds between two redraws of a terminal's bar, at least
BAR_CELLS = 24  # the bar's length on a terminal, at most
DONE, TODO = "━", "─"


def _seconds(variable: str, default: float) -> float:
    try:
        return float(os.environ.get(variable, default))
    except ValueError:
        return default


class Progress:
    """Progress on stderr; a context manager. ``show(text)`` reports a stage without a
    measure, ``step(what, done, total)`` one with a fraction (a bar on a terminal); both are
    cheap to call often. ``aligning`` is the callback ``aligner.align.align`` takes."""

    def __init__(
        self,
        quiet: bool = False,
        after: float | None = None,
        every: float | None = None,
        line_every: float = 5.0,
    ) -> None:
        self._clock = time.monotonic
        if after is None:
            after = _seconds("ALIGNER_PROGRESS_AFTER", AFTER)
        if every is None:
            every = _seconds("ALIGNER_PROGRESS_EVERY", EVERY)
        self.after, self.every, self.line_every = after, every, line_every
        self.started = self._clock()
        self.last = 0.0
        self.width = 0
        self.stage: str | None = None  # the stage of the last plain line
        try:
            self.terminal = sys.stderr.isatty()
        except (AttributeError, ValueError, OSError):
            self.terminal = False
        self.enabled = not quiet

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *exc_info) -> None:
        self.clear()

    def show(self, text: str, force: bool = False) -> None:
        """Report ``text`` (a stage: "checking 4,000 rows"), at most every ``every`` seconds
        on a terminal unless ``force``."""
        self._report(text, text, force)

    def step(self, what: str, done: int, total: int) -> None:
        """Report ``done`` of ``total`` in stage ``what``."""
        fraction = min(max(done / total if total else 1.0, 0.0), 1.0)
        self._report(what, what, done >= total, fraction)

    def aligning(self, what: str, done: int, total: int, prefix: str = "") -> None:
        """The aligner's callback: ``what`` is a pair ("en-zh") or "reading texts"."""
        label = what if what.startswith("reading") else f"aligning {what}"
        self.step(prefix + label, done, total)

    def _report(self, stage: str, text: str, force: bool, fraction: float | None = None) -> None:
        if not self.enabled:
            return
        now = self._clock()
        if now - self.started < self.after:
            return
        percent = "" if fraction is None else f" {int(fraction * 100):3d}%"
        if not self.terminal:
            if stage == self.stage and now - self.last < self.line_every:
                return
            self.stage, self.last = stage, now
            self._write(f"aligner: {one_line(text)}{percent}\n")
            return
        if not force and now - self.last < self.every:
            return
        self.last = now
        line = f"aligner: {one_line(text)}"
        if fraction is not None:
            columns = shutil.get_terminal_size((80, 24)).columns
            cells = min(BAR_CELLS, columns - cell_width(line) - len(percent) - 2)
            if cells >= 5:
                filled = round(fraction * cells)
                line += " " + DONE * filled + TODO * (cells - filled)
            line += percent
        padded = line + " " * max(self.width - cell_width(line), 0)  # covers a longer last
        self._write(padded, rewrite=True)
        self.width = cell_width(padded)

    def clear(self) -> None:
        """Blank the terminal's progress line (if one was shown) and return to its start."""
        if self.width:
            self._write(" " * self.width, rewrite=True, end="\r")
            self.width = 0

    def _write(self, text: str, rewrite: bool = False, end: str = "") -> None:
        stream = sys.stderr
        try:
            if rewrite and isinstance(stream, SafeStream):
                stream.rewrite_line(text)
                if end:
                    stream.stream.write(end)
            elif rewrite:
                stream.write(f"\r{visible(text)}{end}")
            else:
                stream.write(visible(text, "\n"))
            stream.flush()
        except (OSError, ValueError):
            self.enabled = False
