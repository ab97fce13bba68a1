"""ScoresScreen: corpus scores and the error-typology (MQM) quality report per language,
per-row chrF as a sparkline, the most edited rows (with their text) to jump to."""

from __future__ import annotations

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Sparkline, Static
from textual.widgets.option_list import Option

from aligner.errors import AlignerError
from aligner.lqa import LqaReport, session_reports
from aligner.score import Scores
from aligner.typology import SEVERITIES, WEIGHTS

from ..safe_text import visible

_NAMES = {"bleu": "BLEU", "chrf": "chrF", "chrf++": "chrF++", "ter": "HTER"}
_SHOWN = SEVERITIES[1:]  # neutral errors cost nothing: only a reviewer's decision sets them
_VERDICT_STYLE = {
    "FAIL": "bold $error",
    "PASS": "bold $success",
    "PASS so far": "$success",
    "not reviewed": "$text-muted",
}


class ScoresScreen(ModalScreen[str | None]):
    """Scores of the reviewed text; dismisses with a row id to jump to, or None."""

    DEFAULT_CSS = """
    ScoresScreen { align: center middle; }
    ScoresScreen > Vertical {
        width: 100; max-width: 100%; height: 90%; border: round $accent; background: $panel;
        padding: 0 1;
    }
    ScoresScreen #scores-top { height: 1fr; min-height: 5; }
    ScoresScreen #scores-table, ScoresScreen #lqa { height: auto; }
    ScoresScreen Sparkline { height: 3; margin: 0 0 1 0; }
    ScoresScreen OptionList { height: 1fr; min-height: 4; }
    """
    BINDINGS = [Binding("escape,q,S", "close", "Close scores", id="scores.close")]

    def __init__(self, session, lang: str) -> None:
        super().__init__()
        self._session = session
        self._lang = lang

    def compose(self) -> ComposeResult:
        with Vertical():
            with VerticalScroll(id="scores-top"):
                yield Static("Computing scores and the quality report…", id="lqa", markup=False)
                yield Static("", id="scores-table", markup=False)
            yield Static(
                Content(f"per-row chrF, {visible(self._lang)} (row order; low = heavily edited)"),
                id="spark-label",
            )
            yield Sparkline([], id="spark")
            yield Static(Content("most edited rows — enter jumps to the row"), id="worst-label")
            yield OptionList(id="worst")

    def on_mount(self) -> None:
        self.compute()

    @work(thread=True, exclusive=True, exit_on_error=False, group="scores")
    def compute(self) -> None:
        """Score every reviewed language and build its quality report (sacrebleu and two
        check runs are CPU work: a thread)."""
        try:
            results = self._session.scores()
            reports = session_reports(self._session, scores=results, edited_count=20)
        except AlignerError as exc:
            self.app.call_from_thread(self._failed, str(exc))
            return
        self.app.call_from_thread(self._show, results, reports)

    def _failed(self, message: str) -> None:
        self.query_one("#lqa", Static).update(
            Content.assemble(("Scores could not be computed: ", "bold $error"), visible(message))
        )

    def _show(self, results: list[Scores], reports: list[LqaReport]) -> None:
        lines = [
            Content.from_markup(
                "\n[b]original against reviewed text[/b] "
                "(TER here is the post-editing effort, HTER)"
            )
        ]
        for result in results:
            if not result.metrics:
                lines.append(
                    Content.assemble((f"{visible(result.lang):<4}", "bold"), visible(result.note))
                )
                continue
            figures = "  ".join(f"{_NAMES[m.name]} {m.score:6.2f}" for m in result.metrics)
            lines.append(
                Content.assemble(
                    (f"{visible(result.lang):<4}", "bold"),
                    figures,
                    (f"   {result.rows_fixed}/{result.rows_total} rows fixed", "$text-muted"),
                )
            )
            for metric in result.metrics:
                lines.append(
                    Content.assemble(
                        "      ",
                        (f"{_NAMES[metric.name]:<7}", ""),
                        (visible(metric.signature), "$text-muted"),
                    )
                )
        self.query_one("#scores-table", Static).update(Content("\n").join(lines))
        self.query_one("#lqa", Static).update(self._quality(reports))
        focused = next((r for r in results if r.lang == self._lang), None)
        report = next((r for r in reports if r.lang == self._lang), None)
        options = self.query_one(OptionList)
        options.clear_options()
        if focused is None or not focused.metrics or report is None:
            self.query_one(Sparkline).data = []
            options.add_option(
                Option(Content(f"no fixes in {visible(self._lang)} yet"), disabled=True)
            )
            return
        self.query_one(Sparkline).data = [row.chrf for row in focused.rows]
        for row in report.edited:
            label = Content.assemble(
                (f"{visible(row.row):<8}", "bold"),
                f"chrF {row.chrf:6.2f}   TER {row.ter:6.2f}\n",
                ("  − ", "$error"),
                visible(row.before),
                "\n",
                ("  + ", "$success"),
                visible(row.after),
            )
            options.add_option(Option(label, id=row.row))
        options.highlighted = 0
        options.focus()

    def _quality(self, reports: list[LqaReport]) -> Content:
        """Errors per category and severity, the penalty per 1000 words and pass/fail."""
        weights = " · ".join(f"{s} {WEIGHTS[s]}" for s in _SHOWN)
        lines = [
            Content.assemble(
                ("quality (MQM)", "bold"),
                (f" — errors fixed or accepted; {weights}", "$text-muted"),
            )
        ]
        for report in sorted(reports, key=lambda r: r.lang != self._lang):
            source = ", default" if report.threshold_from == "default" else ""
            lines.append(
                Content.assemble(
                    (f"{visible(report.lang):<4}", "bold"),
                    (report.verdict, _VERDICT_STYLE.get(report.verdict, "")),
                    f"  {report.per_1000:.2f} penalty per 1000 words "
                    f"(threshold {report.threshold:g}{source})",
                )
            )
            if report.lang != self._lang:
                continue
            lines.append(
                Content.assemble(
                    ("    ", ""),
                    (
                        f"{len(report.errors)} error(s), {report.penalty} penalty points, "
                        f"{report.words} words",
                        "$text-muted",
                    ),
                )
            )
            counts = report.counts()
            if counts:
                lines.append(
                    Content.assemble(
                        (
                            "    " + f"{'category':<30}" + "".join(f"{s:>9}" for s in _SHOWN),
                            "$text-muted",
                        )
                    )
                )
                for category, row in counts.items():
                    lines.append(
                        Content(
                            "    " + f"{category:<30}" + "".join(f"{row[s]:>9}" for s in _SHOWN)
                        )
                    )
            lines.append(
                Content.assemble(
                    (
                        f"    reviewed {report.rows_reviewed}/{report.rows_total} rows, "
                        f"{report.open_flags} flags open, {len(report.unflagged_edits)} edited "
                        "rows with no flag (in HTER only)",
                        "$text-muted",
                    )
                )
            )
        return Content("\n").join(lines)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_close(self) -> None:
        self.dismiss(None)
