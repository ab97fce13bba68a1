"""Compiled regular expressions kept between runs of the ``aligner`` command.

Python's ``re`` parses and assembles every pattern in Python code: a catalog's check
compiles 230-280 patterns (the checks' own, the facts', the country names'), 40-60 ms of
CPU in every process, a sixth of a small catalog's check. What the assembler hands to the C
engine (``_sre.compile``: the flags, the program as a list of integers, the groups) depends
only on the pattern, its flags and the interpreter, so it is kept in the user's cache
(``$XDG_CACHE_HOME/aligner``, by interpreter build and engine version) and handed to the
engine again in the next run: the pattern object built from it is the one ``re`` builds (equal
under ``==``, which compares the flags, the pattern and the program), without the parse.

Installed by the command line only (``install``, before the checks are imported), stored
after the command's work (``store``); a missing, stale or damaged cache is a cold start,
and an interpreter whose ``re`` is laid out otherwise is left alone.
"""

from __future__ import annotations

import marshal
import re
import sys

from .user_cache import cache_path, read_cached, write_cached

_FORMAT = 3  # of the stored table: raise when its layout changes
# a pattern no run used in this many writes of the table is dropped: a docset's own terms,
# or a pattern written from a set (whose order changes with the hash seed), must not grow
# it for ever
_KEEP_WRITES = 20
_UNCACHED = re.DEBUG | re.LOCALE  # DEBUG prints the program; LOCALE depends on the locale

# (type, pattern, flags) -> (flags, program, groups, groupindex, indexgroup), as
# ``re._compiler.compile`` passes them to ``_sre.compile``; as read from the table, each
# still marshalled (bytes): a run unmarshals only the programs it uses (a program is a
# tuple of hundreds of ints, the bulk of the file)
_known: dict[tuple, tuple | bytes] = {}
_stamps: dict[tuple, int] = {}  # key -> the write of the table that last saw it used
_writes = 0  # how many times the table was written
_added = False
_used: set[tuple] = set()
_original = None


def install() -> None:
    """Compile the patterns of this process from the stored programs where they are there
    (and record the others'), if this interpreter's ``re`` is the one this was written for."""
    global _original, _writes
    compiler = getattr(re, "_compiler", None)
    if _original is not None or not _fits(compiler) or not _same_as(compiler.compile):
        return
    stored = read_cached(_cache_path(), _key())
    if isinstance(stored, tuple) and len(stored) == 3:
        writes, known, stamps = stored
        if isinstance(writes, int) and isinstance(known, dict) and isinstance(stamps, dict):
            _writes = writes
            _known.update(known)
            _stamps.update(stamps)
    _original = compiler.compile
    compiler.compile = _compile


def store() -> None:
    """Write the programs back to the cache if this run compiled any it did not have: the
    ones this run used, and those another used in the last ``_KEEP_WRITES`` writes."""
    path = _cache_path()
    if not _added or path is None:
        return
    write = _writes + 1
    stamps = {k: n for k, n in _stamps.items() if n > write - _KEEP_WRITES and k in _known}
    stamps.update(dict.fromkeys(_used & _known.keys(), write))
    table = {key: _marshalled(_known[key]) for key in stamps}
    write_cached(path, _key(), (write, table, stamps))


def _marshalled(made: tuple | bytes) -> bytes:
    return made if type(made) is bytes else marshal.dumps(made)


def _fits(compiler) -> bool:
    """Whether ``re._compiler`` has the functions whose steps ``_compile`` repeats (CPython
    3.11 and later)."""
    import _sre

    return (
        sys.implementation.name == "cpython"
        and compiler is not None
        and all(hasattr(compiler, name) for name in ("compile", "_code", "_parser", "isstring"))
        and hasattr(_sre, "compile")
        and hasattr(_sre, "MAGIC")
    )


_PROBES = ((r"a(?P<name>b+)|[^\W\d]c(?i:d)", 0), (rb"(x)y*", re.IGNORECASE), (r"é\w", re.ASCII))


def _same_as(original) -> bool:
    """Whether ``_assemble``'s steps build the patterns ``original`` builds (equal
    programs, flags and groups) on a few of every kind: a check that this interpreter's
    ``re`` still compiles the way ``_assemble`` repeats."""
    import _sre

    try:
        for pattern, flags in _PROBES:
            final_flags, program, groups, groupindex, indexgroup = _assemble(pattern, flags)
            made = _sre.compile(pattern, final_flags, list(program), groups, groupindex, indexgroup)
            expected = original(pattern, flags)
            if made != expected or made.groupindex != expected.groupindex:
                return False
    except Exception:
        return False
    return True


def _compile(p, flags=0):
    """``re._compiler.compile`` with its program read from, or recorded to, the table."""
    import _sre

    if type(p) not in (str, bytes) or flags & _UNCACHED:
        return _original(p, flags)
    global _added
    key = (type(p) is bytes, p, flags)
    _used.add(key)
    made = _known.get(key)
    if made is not None:
        try:
            if type(made) is bytes:
                made = marshal.loads(made)
            final_flags, program, groups, groupindex, indexgroup = made
            return _sre.compile(p, final_flags, list(program), groups, dict(groupindex), indexgroup)
        except Exception:  # a damaged entry (the engine checks the program): made again
            pass
    made = _assemble(p, flags)
    _known[key] = made
    _added = True
    final_flags, program, groups, groupindex, indexgroup = made
    return _sre.compile(p, final_flags, list(program), groups, dict(groupindex), indexgroup)


def _assemble(p, flags: int) -> tuple:
    """What ``re._compiler.compile`` hands to ``_sre.compile`` for ``p`` (its own steps)."""
    compiler = re._compiler
    parsed = compiler._parser.parse(p, flags)
    program = compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup = [None] * parsed.state.groups
    for name, number in groupindex.items():
        indexgroup[number] = name
    return (  # plain ints: the opcodes are int subclasses, which marshal does not store
        int(flags | parsed.state.flags),
        tuple(map(int, program)),
        parsed.state.groups - 1,
        groupindex,
        tuple(indexgroup),
    )


def _cache_path() -> str | None:
    """The table's file in the user's cache, named for this interpreter and engine."""
    import _sre

    tag = f"{sys.implementation.cache_tag}-{_sre.MAGIC}-{_sre.CODESIZE}"
    return cache_path(f"patterns-{tag}.marshal")


def _key() -> tuple:
    """What the stored programs were made by: this format, this interpreter build (its
    ``re`` and its Unicode tables), this engine."""
    import _sre

    return (_FORMAT, sys.version, _sre.MAGIC, _sre.CODESIZE, marshal.version)
