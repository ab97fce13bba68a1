"""Flags: suspect spots found by the checks, with their evidence.

A flag points at a character span of one paragraph (or of one PO entry's msgstr), says what
looks wrong and why (what the other languages of the row say), and where possible suggests a
value. Checks produce them; the review store records them; the UI and the CLI show them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

SEVERITIES = ("error", "warning", "info")


@dataclass(frozen=True)
class Flag:
    """One suspect spot.

    ``start``/``end`` are Python string offsets into the paragraph text as loaded (or into
    msgstr for a PO entry). ``evidence`` maps a language code to what that language says at
    this spot (``{"zh": "第二十次", "ru": "XX"}``); ``expected`` is the suggested value.
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

    def to_json(self) -> dict:
        """The JSON object of ``aligner check --format json``."""
        data = {
            "row": self.row, "lang": self.lang, "paragraph": self.paragraph,
            "start": self.start, "end": self.end, "check": self.check,
            "severity": self.severity, "message": self.message,
        }
        if self.expected is not None:
            data["expected"] = self.expected
        if self.evidence:
            data["evidence"] = dict(self.evidence)
        if self.entry is not None:
            data["entry"] = self.entry
        return data
