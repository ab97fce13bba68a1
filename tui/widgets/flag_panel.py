"""FlagPanel: the focused row's flags with their message, evidence and suggestion.

Each line says what ``r`` would do with the flag: replace the span ("→ new"), delete it
("→ delete “old”"), insert at a known place ("→ insert “new”"), or, for a flag with no place in
the text, that ``r`` opens the editor to put it in by hand. Decided flags stay listed, greyed,
with their verdict and reason.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from textual.content import Content

from aligner.flags import Flag

from ..safe_text import visible
from .content_box import ContentBox

_SEVERITY_STYLE = {"error": "bold $error", "warning": "bold $warning", "info": "$text-muted"}
_VERDICT_WORD = {"accepted": "✗ error", "dismissed": "✓ not an error"}


def insertable(flag: Flag) -> bool:
    """Whether a zero-width flag marks a known place to insert its suggestion (a section
    number at the start of a paragraph); other zero-width flags only know the paragraph."""
    return (
        flag.start == flag.end == 0
        and flag.check == "number"
        and flag.message.startswith("no section number")
    )


class FlagPanel(ContentBox):
    """Lists flags; the ones of the focused language first (fixed height: no reflow)."""

    DEFAULT_CSS = """
    FlagPanel {
        height: 8; border-top: solid $primary; padding: 0 1; background: $panel;
    }
    """

    def show_flags(
        self,
        row_id: str,
        lang: str,
        flags: Sequence[Flag],
        extra: Content | None = None,
        focused: Flag | None = None,
        spans: Mapping[int, str] | None = None,
        decided: Sequence[tuple[Flag, str, str]] = (),
        note: str = "",
    ) -> None:
        """Display ``flags`` of row ``row_id``: the focused spot's flag, then ``lang``'s.

        ``spans``: the flagged text of a flag, by ``id(flag)`` (shown for a deletion);
        ``decided``: (flag, verdict, reason) of the row's decided flags, listed last, greyed;
        ``note``: the cell's reviewer note, shown first.
        """
        ordered = sorted(
            flags, key=lambda f: (f is not focused, f.lang != lang, f.paragraph or 0, f.start)
        )
        lines: list[Content] = []
        if extra is not None:
            lines.append(extra)
        if note:
            lines.append(
                Content.assemble(
                    ("note: ", "bold $accent"), _short(visible(note).replace("\n", " "), 160)
                )
            )
        if not ordered:
            lines.append(
                Content.assemble((f"{visible(row_id)} ", "bold"), ("no open flags", "$text-muted"))
            )
        for flag in ordered:
            span = (spans or {}).get(id(flag))
            if flag is focused:
                lines.append(Content.assemble(("▶ ", "bold $accent"), _flag_line(flag)))
                lines.append(Content.assemble("    ", *action(flag, span)))
            else:
                lines.append(Content.assemble("  ", _flag_line(flag, span)))
        for flag, verdict, reason in decided:
            lines.append(_decided_line(flag, verdict, reason))
        self.set_content(Content("\n").join(lines))


def action(flag: Flag, span: str | None = None) -> list[tuple[str, str] | str]:
    """What the keys do with the ▶ flag, as styled parts: the line under it."""
    key, text, muted = "bold $accent", "bold $success", "$text-muted"
    decide = [("x", key), (" it is an error · ", muted), ("d", key), (" it is not", muted)]
    if flag.expected is None:
        return [("no suggestion: ", muted), ("e", key), (" edits · ", muted), *decide]
    expected = visible(flag.expected)
    if flag.start == flag.end and not insertable(flag):
        return [
            ("r", key),
            (" opens the editor to insert ", muted),
            (f"“{expected.strip()}”", text),
            (" (no known place in the text) · ", muted),
            *decide,
        ]
    quoted = f"“{_short(visible(span), 60)}”" if span else "the flagged text"
    if not flag.expected.strip():
        said = [("r", key), (" deletes ", muted), (quoted, text)]
    elif flag.start == flag.end:
        said = [("r", key), (" inserts ", muted), (f"“{expected.strip()}”", text)]
    else:
        said = [
            ("r", key),
            (" replaces ", muted),
            (quoted, "bold"),
            (" with ", muted),
            (f"“{expected}”", text),
        ]
    return [*said, (" · ", muted), *decide]


def suggestion(flag: Flag, span: str | None = None) -> list[tuple[str, str] | str]:
    """What ``r`` does with ``flag``, as styled parts (nothing when it has no suggestion)."""
    if flag.expected is None:
        return []
    expected = visible(flag.expected)
    if flag.start == flag.end and not insertable(flag):
        return [
            ("  → ", "bold $success"),
            (f"“{expected.strip()}” ", "bold $success"),
            ("has no place in the text: r opens the editor to put it in", "$text-muted"),
        ]
    if not flag.expected.strip():
        what = f"“{_short(visible(span))}”" if span else "the flagged text"
        return [("  → delete ", "bold $success"), (what, "bold $success")]
    if f"→ {flag.expected.strip()}" in flag.message:
        return []  # the message already ends with it
    if flag.start == flag.end:
        return [("  → insert ", "bold $success"), (f"“{expected.strip()}”", "bold $success")]
    return [("  → ", "bold $success"), (expected, "bold $success")]


def _flag_line(flag: Flag, span: str | None = None) -> Content:
    parts: list[tuple[str, str] | str] = [
        ((visible(flag.check) + " ").ljust(11), _SEVERITY_STYLE.get(flag.severity, "")),
        (f"{visible(flag.lang)} ", "bold"),
        visible(flag.message),
    ]
    if flag.evidence and not any(v in flag.message for v in flag.evidence.values() if v):
        evidence = ", ".join(
            f"{visible(lang)} {_short(visible(text))}" for lang, text in flag.evidence.items()
        )
        parts += ["  — ", (evidence, "$text-muted")]
    parts += suggestion(flag, span)
    return Content.assemble(*parts)


def _decided_line(flag: Flag, verdict: str, reason: str) -> Content:
    said = _VERDICT_WORD.get(verdict, visible(verdict))
    parts: list[tuple[str, str] | str] = [
        ("  ", ""),
        (f"{said}: ", "$text-muted bold"),
        (
            f"{visible(flag.check)} {visible(flag.lang)} {_short(visible(flag.message), 60)}",
            "$text-muted strike",
        ),
    ]
    if reason:
        parts.append((f"  — {_short(visible(reason), 60)}", "$text-muted italic"))
    return Content.assemble(*parts)


def _short(text: str, limit: int = 48) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
