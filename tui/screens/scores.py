"""ScoresScreen: corpus scores per language, per-row chrF as a sparkline, worst rows to jump to."""

from __future__ import annotations

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Sparkline, Static
from textual.widgets.option_list import Option

from aligner.score import Scores

from ..safe_text import visible

_NAMES = {"bleu": "BLEU", "chrf": "chrF", "chrf++": "chrF++", "ter": "HTER"}


class ScoresScreen(ModalScreen[str | None]):
    """Scores of the reviewed text; dismisses with a row id to jump to, or None."""

    DEFAULT_CSS = """
    ScoresScreen { align: center middle; }
    ScoresScreen > Vertical {
        width: 96; height: 90%; border: round $accent; background: $panel; padding: 0 1;
    }
    ScoresScreen #scores-table { height: auto; }
    ScoresScreen Sparkline { height: 4; margin: 1 0; }
    ScoresScreen OptionList { height: 1fr; }
    """
    BINDINGS = [Binding("escape,q,S", "close", "Close scores", id="scores.close")]

    def __init__(self, session, lang: str) -> None:
        super().__init__()
        self._session = session
        self._lang = lang

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static("Computing scores…", id="scores-table", markup=False)
            yield Static(Content(f"per-row chrF, {visible(self._lang)} "
                                 "(row order; low = heavily edited)"),
                         id="spark-label")
            yield Sparkline([], id="spark")
            yield Static(Content("most edited rows — enter jumps to the row"), id="worst-label")
            yield OptionList(id="worst")

    def on_mount(self) -> None:
        self.compute()

    @work(thread=True, exclusive=True, exit_on_error=False, group="scores")
    def compute(self) -> None:
        """Score every reviewed language (sacrebleu is CPU work: a thread)."""
        results = self._session.scores()
        self.app.call_from_thread(self._show, results)

    def _show(self, results: list[Scores]) -> None:
        lines = [Content.from_markup("[b]original against reviewed text[/b] "
                                     "(TER here is the post-editing effort, HTER)")]
        for result in results:
            if not result.metrics:
                lines.append(Content.assemble((f"{visible(result.lang):<4}", "bold"),
                                              visible(result.note)))
                continue
            figures = "  ".join(f"{_NAMES[m.name]} {m.score:6.2f}" for m in result.metrics)
            lines.append(Content.assemble((f"{visible(result.lang):<4}", "bold"), figures,
                                          (f"   {result.rows_fixed}/{result.rows_total} rows fixed",
                                           "$text-muted")))
            for metric in result.metrics:
                lines.append(Content.assemble("      ", (f"{_NAMES[metric.name]:<7}", ""),
                                              (visible(metric.signature), "$text-muted")))
        self.query_one("#scores-table", Static).update(Content("\n").join(lines))
        focused = next((r for r in results if r.lang == self._lang), None)
        options = self.query_one(OptionList)
        options.clear_options()
        if focused is None or not focused.metrics:
            self.query_one(Sparkline).data = []
            options.add_option(Option(Content(f"no fixes in {visible(self._lang)} yet"),
                                      disabled=True))
            return
        self.query_one(Sparkline).data = [row.chrf for row in focused.rows]
        for row in focused.worst(20):
            label = Content(f"{visible(row.id):<8} chrF {row.chrf:6.2f}   TER {row.ter:6.2f}")
            options.add_option(Option(label, id=row.id))
        options.highlighted = 0
        options.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_close(self) -> None:
        self.dismiss(None)
