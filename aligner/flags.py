"""Flags: suspect spots found by the checks, with their evidence.

A flag points at a character span of one paragraph (or of one PO entry's msgstr), says what
looks wrong and why (what the other languages of the row say), and where possible suggests a
value. Checks produce them; the review store records them; the UI and the CLI show them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

SEVERITIES = ("error", "warning", "info")
VERDICTS = ("accepted", "dismissed")


@dataclass(frozen=True)
class Flag:
    """One suspect spot.

    ``start``/``end`` are Python string offsets into the paragraph text as loaded (or into
    msgstr for a PO entry). ``evidence`` maps a language code to what that language says at
    this spot (``{"zh": "第二十次", "ru": "XX"}``); ``expected`` is the suggested value.
    ``also``: the flags other checks raised on the same spot, merged into this one
    (``merge_spots``) so that a reviewer meets one spot once; their reasons are in
    ``message`` too.
    """

    check: str
    severity: str
    lang: str
    message: str
    row: str = ""
    paragraph: int | None = None
    start: int = 0
    end: int = 0
    evidence: dict[str, str] = field(default_factory=dict)
    expected: str | None = None
    entry: int | None = None
    also: tuple[Flag, ...] = ()

    @property
    def checks(self) -> tuple[str, ...]:
        """Every check that flagged this spot, this flag's own first."""
        return (self.check, *(flag.check for flag in self.also))

    def to_json(self) -> dict:
        """The JSON object of ``aligner check --format json``."""
        data = {
            "row": self.row,
            "lang": self.lang,
            "paragraph": self.paragraph,
            "start": self.start,
            "end": self.end,
            "check": self.check,
            "severity": self.severity,
            "message": self.message,
        }
        if self.expected is not None:
            data["expected"] = self.expected
        if self.evidence:
            data["evidence"] = dict(self.evidence)
        if self.entry is not None:
            data["entry"] = self.entry
        if self.also:
            data["checks"] = list(self.checks)
            data["also"] = [
                {
                    key: value
                    for key, value in flag.to_json().items()
                    if key in ("check", "severity", "message", "expected", "start", "end")
                }
                for flag in self.also
            ]
        return data


@dataclass(frozen=True)
class Decision:
    """A reviewer's verdict on one flag: ``accepted`` (a real error, counted in the quality
    report even when left unfixed) or ``dismissed`` (not an error), with an optional reason.

    A decision names its flag by ``check`` and ``spot`` (the flagged text, see
    :func:`flag_spot`), not by offsets: it stays attached to the same flag when the checks
    run again on a changed text. ``severity`` / ``category``: the reviewer's overrides of the
    check's own (None: the check's).
    """

    check: str
    verdict: str
    reason: str = ""
    spot: str = ""
    severity: str | None = None
    category: str | None = None

    def matches(self, flag: Flag, spot: str) -> bool:
        """Whether this is the decision on ``flag``, whose spot is ``spot``."""
        return self.check == flag.check and self.spot == " ".join(spot.split())


def flag_spot(flag: Flag, text: str) -> str:
    """What a decision on ``flag`` remembers of it: the flagged part of ``text`` (the
    paragraph the flag points into), or for a flag without a span its suggestion, else its
    message. Whitespace collapsed (as a PO comment keeps it)."""
    if flag.end > flag.start:
        spot = text[flag.start : flag.end]
    else:
        spot = flag.expected if flag.expected is not None else flag.message
    return " ".join(spot.split())


_RANK = {severity: rank for rank, severity in enumerate(SEVERITIES)}


def same_spot(a: Flag, b: Flag) -> bool:
    """Whether two flags point at one spot: the same place of the same paragraph, or spans
    sharing at least half of the longer one (a word inside a flagged paragraph is a spot of
    its own)."""
    if (a.row, a.entry, a.lang, a.paragraph) != (b.row, b.entry, b.lang, b.paragraph):
        return False
    if a.start == a.end or b.start == b.end:
        return (a.start, a.end) == (b.start, b.end)
    shared = min(a.end, b.end) - max(a.start, b.start)
    return shared * 2 >= max(a.end - a.start, b.end - b.start)


def merge_spots(flags: list[Flag]) -> list[Flag]:
    """``flags`` (in reading order) with the flags different checks raised on one spot merged
    into one: the most severe leads (its span, its check's name), the message lists every
    check's reason, the evidence is pooled, and a suggestion of another check on the same
    span stands in when the lead has none (every one is kept in ``also``)."""
    out: list[Flag] = []
    groups: list[list[Flag]] = []
    open_groups: list[list[Flag]] = []  # groups of the current (row, lang, paragraph)
    place = None
    for flag in flags:
        here = (flag.row, flag.entry, flag.lang, flag.paragraph)
        if here != place:
            place, open_groups = here, []
        for group in open_groups:
            if flag.check not in {member.check for member in group} and same_spot(group[0], flag):
                group.append(flag)
                break
        else:
            group = [flag]
            open_groups.append(group)
            groups.append(group)
    for group in groups:
        out.append(group[0] if len(group) == 1 else _merged(group))
    return out


def _merged(group: list[Flag]) -> Flag:
    lead = min(
        group, key=lambda flag: (_RANK.get(flag.severity, len(_RANK)), flag.expected is None)
    )
    others = tuple(flag for flag in group if flag is not lead)
    expected = lead.expected
    if expected is None:
        expected = next(
            (
                flag.expected
                for flag in others
                if flag.expected is not None and (flag.start, flag.end) == (lead.start, lead.end)
            ),
            None,
        )
    evidence = {}
    for flag in (*others[::-1], lead):
        evidence.update(flag.evidence)
    message = "; ".join([lead.message, *(f"{flag.check}: {flag.message}" for flag in others)])
    return Flag(
        lead.check,
        lead.severity,
        lead.lang,
        message,
        lead.row,
        lead.paragraph,
        lead.start,
        lead.end,
        evidence,
        expected,
        lead.entry,
        others,
    )
