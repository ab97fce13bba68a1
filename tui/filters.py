"""Which rows the grid shows: the core's filters plus one per check and one per severity.

The core knows ``all``, ``flagged`` and ``unreviewed`` (``ReviewSession.filter_rows``); a
reviewer also narrows the rows to one kind of problem (``check:number``) or to the worst
ones (``severity:error``). A name the session no longer has flags for shows no row, and the
status bar says which filter is on.
"""

from __future__ import annotations

from collections import Counter

from aligner.flags import SEVERITIES
from aligner.review.session import FILTERS

CHECK = "check:"
SEVERITY = "severity:"


def filter_rows(session, name: str, lang: str) -> list[int]:
    """Row indices shown by filter ``name``."""
    if name.startswith(CHECK):
        check = name[len(CHECK) :]
        return [
            r
            for r in range(session.row_count())
            if any(check in flag.checks for flag in session.open_flags(r))
        ]
    if name.startswith(SEVERITY):
        severity = name[len(SEVERITY) :]
        return [
            r
            for r in range(session.row_count())
            if any(flag.severity == severity for flag in session.open_flags(r))
        ]
    return session.filter_rows(name, lang)


def filter_choices(session) -> list[tuple[str, int | None]]:
    """Every filter worth offering, with the number of rows it shows (None: not counted).

    The core's filters first, then each severity and each check that has open flags now.
    """
    checks: Counter[str] = Counter()
    severities: Counter[str] = Counter()
    for row in range(session.row_count()):
        flags = session.open_flags(row)
        for check in {c for flag in flags for c in flag.checks}:
            checks[check] += 1
        for severity in {flag.severity for flag in flags}:
            severities[severity] += 1
    choices: list[tuple[str, int | None]] = [(name, None) for name in FILTERS]
    choices += [(SEVERITY + s, severities[s]) for s in SEVERITIES if severities[s]]
    choices += [(CHECK + c, n) for c, n in sorted(checks.items())]
    return choices


def next_core_filter(name: str) -> str:
    """The filter ``f`` moves to after ``name`` (a check or severity filter goes back to all)."""
    if name not in FILTERS:
        return FILTERS[0]
    return FILTERS[(FILTERS.index(name) + 1) % len(FILTERS)]
