"""The error typology of the quality report: which MQM error type and severity each check's
flags stand for, and what each severity costs.

Dimensions and error types are MQM-Core's (the MQM Council's 2024 list; ``fluency`` is its
identifier for "Linguistic conventions"), with MQM 1.0's ``duplication`` for doubled text,
which MQM-Core folds into grammar. Severity weights are those of the MQM scoring model and of
the WMT MQM evaluations: minor 1, major 5, critical 25, neutral 0. Why each check gets its
type and severity is in docs/lqa.md; a reviewer's decision may override both.
"""

from __future__ import annotations

from dataclasses import dataclass

SEVERITIES = ("neutral", "minor", "major", "critical")  # mildest first
WEIGHTS = {"neutral": 0, "minor": 1, "major": 5, "critical": 25}
DIMENSIONS = ("terminology", "accuracy", "fluency", "style", "locale-convention", "design")
# MQM-Core error types (and duplication), by dimension
ERROR_TYPES = {
    "terminology": ("termbase", "term-inconsistency", "wrong-term"),
    "accuracy": (
        "mistranslation",
        "over-translation",
        "under-translation",
        "addition",
        "omission",
        "no-translate",
        "untranslated",
    ),
    "fluency": (
        "grammar",
        "punctuation",
        "spelling",
        "duplication",
        "unintelligible",
        "character-encoding",
        "textual-conventions",
    ),
    "style": (
        "company-style",
        "third-party-style",
        "register",
        "awkward",
        "unidiomatic",
        "inconsistent-style",
    ),
    "locale-convention": (
        "number-format",
        "currency-format",
        "measurement-format",
        "time-format",
        "date-format",
        "address-format",
        "telephone-format",
        "shortcut-key",
    ),
    "design": (
        "local-formatting",
        "overall-design",
        "markup",
        "truncation-text-expansion",
        "missing-text",
        "broken-link",
    ),
}


@dataclass(frozen=True)
class ErrorType:
    """An MQM dimension, an error type within it and a severity."""

    dimension: str
    subtype: str
    severity: str

    @property
    def label(self) -> str:
        """``accuracy/mistranslation``."""
        return f"{self.dimension}/{self.subtype}"


# check name -> the error its flags stand for when the reviewer fixes or accepts one
BY_CHECK: dict[str, ErrorType] = {
    "number": ErrorType("accuracy", "mistranslation", "major"),
    "placeholder": ErrorType("design", "markup", "major"),
    "name": ErrorType("terminology", "termbase", "major"),
    "repeat": ErrorType("fluency", "duplication", "minor"),
    "omission": ErrorType("accuracy", "omission", "major"),
    "language": ErrorType("accuracy", "untranslated", "critical"),
    "punctuation": ErrorType("fluency", "punctuation", "minor"),
    "consistency": ErrorType("style", "inconsistent-style", "minor"),
    "control": ErrorType("fluency", "character-encoding", "major"),
    "clause": ErrorType("accuracy", "omission", "major"),
    "untranslated": ErrorType("accuracy", "untranslated", "major"),
    "quantity": ErrorType("accuracy", "mistranslation", "major"),
    "variable": ErrorType("design", "markup", "critical"),
    "markup": ErrorType("design", "markup", "major"),
    "verbatim": ErrorType("accuracy", "no-translate", "major"),
    "accelerator": ErrorType("locale-convention", "shortcut-key", "minor"),
    "layout": ErrorType("design", "overall-design", "minor"),
    "spelling": ErrorType("fluency", "spelling", "minor"),
    "month": ErrorType("accuracy", "mistranslation", "major"),
    "truncation": ErrorType("accuracy", "omission", "major"),
    "empty": ErrorType("accuracy", "untranslated", "major"),
}
# checks whose flags are no translation error: the aligner's doubt about a row is the
# tool's, not the translator's
NOT_ERRORS = frozenset({"alignment"})
_RANK = {severity: rank for rank, severity in enumerate(SEVERITIES)}


def error_type(check: str) -> ErrorType | None:
    """The error a flag of ``check`` stands for; None for a check that reports no
    translation error (or a check this table does not know)."""
    if check in NOT_ERRORS:
        return None
    return BY_CHECK.get(check)


def most_severe(checks: tuple[str, ...]) -> tuple[str, ErrorType] | None:
    """(check, type) of the most severe error among a spot's checks (the first on a tie)."""
    found = [(check, error_type(check)) for check in checks]
    found = [(check, kind) for check, kind in found if kind is not None]
    if not found:
        return None
    return max(found, key=lambda pair: (_RANK[pair[1].severity], -found.index(pair)))


def parse_category(value: str) -> tuple[str, str | None]:
    """(dimension, error type or None) of a reviewer's category: ``accuracy/omission``,
    ``omission`` (an error type names its dimension) or ``accuracy``.

    Raises ValueError for a name the typology does not have.
    """
    text = value.strip().lower().replace(" ", "-").replace("_", "-")
    if "/" in text:
        dimension, subtype = text.split("/", 1)
        if subtype in ERROR_TYPES.get(dimension, ()):
            return dimension, subtype
        raise ValueError(value)
    if text in ERROR_TYPES:
        return text, None
    for dimension, subtypes in ERROR_TYPES.items():
        if text in subtypes:
            return dimension, text
    raise ValueError(value)
