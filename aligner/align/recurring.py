"""Work done once for each paragraph that recurs.

``build_profile`` gives the copies of a recurring paragraph (a heading, a label, a repeated
note) the very same set objects, so what is computed from them needs computing once per
distinct object, not once per copy.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable


def each_once(function: Callable, *columns: Iterable) -> tuple:
    """``function(*row)`` for each row of ``columns`` (zipped), worked out once for each row
    of the same objects; the copies get the very same answer."""
    done: dict[tuple, object] = {}
    out = []
    for row in zip(*columns):
        key = tuple(map(id, row))
        found = done.get(key)
        if found is None:
            found = done[key] = function(*row)
        out.append(found)
    return tuple(out)


def distinct(sets: Iterable) -> list:
    """``sets`` without repeats of the same object."""
    return list({id(found): found for found in sets}.values())
