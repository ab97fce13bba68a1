"""FlagPanel: the focused row's flags with their message, evidence and suggestion."""

from __future__ import annotations

from typing import Sequence

from textual.content import Content

from aligner.flags import Flag

from ..safe_text import visible
from .content_box import ContentBox

_SEVERITY_STYLE = {"error": "bold $error", "warning": "bold $warning", "info": "$text-muted"}


class FlagPanel(ContentBox):
    """Lists flags; the ones of the focused language first (fixed height: no reflow)."""

    DEFAULT_CSS = """
    FlagPanel {
        height: 8; border-top: solid $primary; padding: 0 1; background: $panel;
    }
    """

    def show_flags(self, row_id: str, lang: str, flags: Sequence[Flag],
                   extra: Content | None = None, focused: Flag | None = None) -> None:
        """Display ``flags`` of row ``row_id``: the focused spot's flag, then ``lang``'s."""
        ordered = sorted(flags, key=lambda f: (f is not focused, f.lang != lang,
                                                f.paragraph or 0, f.start))
        lines: list[Content] = []
        if extra is not None:
            lines.append(extra)
        if not ordered:
            lines.append(Content.assemble((f"{visible(row_id)} ", "bold"),
                                          ("no open flags", "$text-muted")))
        for flag in ordered:
            line = _flag_line(flag)
            lines.append(Content.assemble(("▶ ", "bold $accent"), line) if flag is focused
                         else Content.assemble("  ", line))
        self.set_content(Content("\n").join(lines))


def _flag_line(flag: Flag) -> Content:
    parts: list[tuple[str, str] | str] = [
        (f"{visible(flag.check):<11}", _SEVERITY_STYLE.get(flag.severity, "")),
        (f"{visible(flag.lang)} ", "bold"),
        visible(flag.message),
    ]
    if flag.evidence and not any(v in flag.message for v in flag.evidence.values() if v):
        evidence = ", ".join(f"{visible(lang)} {_short(visible(text))}"
                             for lang, text in flag.evidence.items())
        parts += ["  — ", (evidence, "$text-muted")]
    if flag.expected is not None and f"→ {flag.expected}" not in flag.message:
        parts += [("  → ", "bold $success"), (visible(flag.expected), "bold $success")]
    return Content.assemble(*parts)


def _short(text: str, limit: int = 48) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
