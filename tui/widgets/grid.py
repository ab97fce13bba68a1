"""GridView: the aligned rows, one column per language, drawn with Textual's Line API.

Never a widget per paragraph: the grid is a ScrollView that renders only the visible lines.
Each row is as tall as its tallest wrapped cell plus a rule line. Row heights start as cheap
estimates and become exact when a row is drawn (prefix sums + bisect find the row of a line);
rendered strips are cached on everything that changes them (row version, widths, focus,
theme) and the caches are cleared on resize and theme change.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from itertools import accumulate
from typing import Protocol

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.cache import LRUCache
from textual.geometry import Region, Size
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from aligner.terminal import cell_width

from ..find import match_spans
from ..messages import ColumnsChanged, CursorMoved
from ..safe_text import visible
from ..text_layout import estimate_lines, wrap

MARKER_WIDTH = 6
# Up to this many cells, every row is measured exactly at once (cheap, and the scrollbar is
# exact); beyond, rows start with an estimate and are measured when drawn.
EXACT_LAYOUT_CELLS = 12_000
SEPARATOR = "│"

# One colour per check kind; search hits are reversed.
CHECK_STYLES = {
    "number": Style(color="bright_red", bold=True, underline=True),
    "name": Style(color="magenta", bold=True, underline=True),
    "placeholder": Style(color="black", bgcolor="yellow", bold=True),
    "repeat": Style(color="cyan", underline=True),
    "omission": Style(color="blue", underline=True),
    "language": Style(color="green", underline=True),
    "punctuation": Style(color="yellow", underline=True),
    "consistency": Style(color="bright_cyan", underline=True),
    "control": Style(color="white", bgcolor="red"),
    "alignment": Style(color="bright_blue", underline=True),
    "search": Style(color="black", bgcolor="orange1"),  # every match of the search
    "spot": Style(reverse=True),  # the flagged spot n/N is on, or the search match focused
}
STATUS_SYMBOLS = {"unreviewed": "·", "fuzzy": "~", "fixed": "✎", "approved": "✓"}


class GridSource(Protocol):
    """What the grid needs to know about rows (the app adapts the review session to it)."""

    def row_count(self) -> int: ...
    def cell_text(self, row: int, lang: str) -> str: ...
    def cell_spans(self, row: int, lang: str) -> Sequence[tuple[int, int, str]]: ...
    def row_status(self, row: int, lang: str) -> str: ...
    def row_flag_count(self, row: int) -> int: ...
    def row_version(self, row: int) -> object: ...
    def cell_size(self, row: int, lang: str) -> tuple[int, int]: ...


class GridView(ScrollView, can_focus=True):
    """Rows of aligned paragraphs, side by side, with a focused row and language."""

    DEFAULT_CSS = """
    GridView { background: $surface; scrollbar-gutter: stable; }
    """
    # The grid moves its cursor rather than scrolling (ScrollView binds these to scrolling).
    BINDINGS = [
        Binding("down", "app.next_row", "Next row", show=False, id="grid.down"),
        Binding("up", "app.previous_row", "Previous row", show=False, id="grid.up"),
        Binding("pagedown", "app.page_down", "Page down", show=False, id="grid.page_down"),
        Binding("pageup", "app.page_up", "Page up", show=False, id="grid.page_up"),
        Binding("home", "app.first_row", "First row", show=False, id="grid.home"),
        Binding("end", "app.last_row", "Last row", show=False, id="grid.end"),
    ]

    cursor_row: reactive[int] = reactive(0, always_update=True, init=False)
    cursor_lang: reactive[str] = reactive("", init=False)

    def __init__(self, source: GridSource, languages: Sequence[str], **kwargs) -> None:
        super().__init__(**kwargs)
        self.source = source
        self.all_languages = tuple(languages)
        self.languages = tuple(languages)
        self.order: list[int] = list(range(source.row_count()))
        self._heights: list[int] = []
        self._exact: bytearray = bytearray()
        self._offsets: list[int] = [0]
        self._widths: tuple[int, ...] = ()
        self._strips: LRUCache[tuple, Strip] = LRUCache(2048)
        self.compact = False
        self._style: Style | None = None
        self._layout_width = -1
        self.current_spot: tuple[int, str, int, int] | None = None  # (row, lang, start, end)
        self.highlight = ""  # the search query whose matches are highlighted
        self.set_reactive(GridView.cursor_lang, self.languages[0] if self.languages else "")

    # --- data in ---------------------------------------------------------------------------

    def set_rows(self, order: list[int], keep_row: int | None = None) -> None:
        """Show the rows ``order`` (indices into the source), keeping ``keep_row`` focused."""
        self.order = list(order)
        self._relayout()
        target = 0
        if keep_row is not None and self.order:
            target = min(bisect_right(self.order, keep_row - 1), len(self.order) - 1)
        self.cursor_row = target

    def set_compact(self, compact: bool) -> None:
        """One line per row (``True``) or every cell wrapped in full (``False``)."""
        self.compact = compact
        self._relayout()
        self.scroll_to_cursor()
        # the flag panel changes height with the mode: scroll again once the grid has its size
        self.call_after_refresh(self.scroll_to_cursor)

    def set_highlight(self, query: str) -> None:
        """Highlight every match of ``query`` (ignoring case); "" highlights nothing."""
        if query != self.highlight:
            self.highlight = query
            self._strips.clear()
            self.refresh()

    def set_languages(self, languages: Sequence[str]) -> None:
        """Show only ``languages`` (in this order)."""
        self.languages = tuple(languages)
        if self.cursor_lang not in self.languages and self.languages:
            self.set_reactive(GridView.cursor_lang, self.languages[0])
        self._relayout()

    def row_changed(self, row: int) -> None:
        """The source row ``row`` changed (text, flags or status): redraw it."""
        try:
            position = self.order.index(row)
        except ValueError:
            return
        self._exact[position] = 0
        self._measure(position)
        self.refresh()

    def refresh_all(self, texts_changed: bool = False) -> None:
        """Flags (or, with ``texts_changed``, texts too) may have changed anywhere: redraw."""
        if texts_changed:
            self._relayout()
        else:
            self._strips.clear()
            self.refresh()

    @property
    def current(self) -> int | None:
        """The focused source row index, or None when no row is shown."""
        if not self.order:
            return None
        return self.order[min(self.cursor_row, len(self.order) - 1)]

    # --- layout ----------------------------------------------------------------------------

    def column_widths(self) -> tuple[int, ...]:
        """Cell widths of the visible languages for the current widget width."""
        count = max(1, len(self.languages))
        usable = max(count * 4, self.scrollable_content_region.width - MARKER_WIDTH - count)
        base, extra = divmod(usable, count)
        return tuple(base + (1 if i < extra else 0) for i in range(count))

    def _relayout(self) -> None:
        if self.scrollable_content_region.width <= 0:
            return  # not laid out yet: on_resize comes with the real width
        widths = self.column_widths()
        if widths != self._widths:
            # a relayout may run while the screen draws (render_line): a message made then
            # would have the screen as sender and stop there, never reaching the app's
            # header; made in the grid's own turn it bubbles all the way up
            self.call_later(self._announce_columns, widths)
        self._widths = widths
        self._layout_width = self.scrollable_content_region.width
        self._strips.clear()
        n = len(self.order)
        if n * len(self.languages) <= EXACT_LAYOUT_CELLS:
            self._heights = [self._exact_height(self.order[i]) for i in range(n)]
            self._exact = bytearray(b"\x01" * n)
        else:
            self._heights = [self._estimate(self.order[i]) for i in range(n)]
            self._exact = bytearray(n)
        self._offsets = [0, *accumulate(self._heights)]
        self._update_virtual_size()
        self.refresh()

    def _announce_columns(self, widths: tuple[int, ...]) -> None:
        self.post_message(ColumnsChanged(widths))

    def _estimate(self, row: int) -> int:
        """Height from the cells' sizes alone (no text is built or wrapped)."""
        if self.compact:
            return 1
        tallest = 1
        for lang, width in zip(self.languages, self._widths):
            cells, parts = self.source.cell_size(row, lang)
            tallest = max(tallest, estimate_lines(cells, parts, width))
        return 1 + tallest

    def _exact_height(self, row: int) -> int:
        if self.compact:
            return 1
        return 1 + max(
            (
                len(wrap(visible(self.source.cell_text(row, lang)), width))
                for lang, width in zip(self.languages, self._widths)
            ),
            default=1,
        )

    def _measure(self, position: int) -> None:
        """Make the height of the row at ``position`` exact; shift the rows below if needed."""
        if self._exact[position]:
            return
        exact = self._exact_height(self.order[position])
        self._exact[position] = 1
        if exact != self._heights[position]:
            self._heights[position] = exact
            self._offsets = [0, *accumulate(self._heights)]
            self._update_virtual_size()

    def _update_virtual_size(self) -> None:
        self.virtual_size = Size(self.scrollable_content_region.width, self._offsets[-1])

    def on_resize(self) -> None:
        if self.column_widths() != self._widths:
            self._relayout()
        self.scroll_to_cursor(animate=False)  # taller or shorter, the focused row stays seen

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._style = None
        self._strips.clear()

    def _base_style(self) -> Style:
        """The widget's own style, computed once per style change (it is asked per line)."""
        if self._style is None:
            self._style = self.rich_style
        return self._style

    def row_region(self, position: int) -> Region:
        """The virtual region of the row at ``position``."""
        self._measure(position)
        top = self._offsets[position]
        return Region(0, top, self.scrollable_content_region.width, self._heights[position])

    # --- drawing ---------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        absolute = self.scroll_offset.y + y
        width = self.scrollable_content_region.width
        if width != self._layout_width:
            # the usable width changed without a resize (a scrollbar came or went)
            self._relayout()
        if not self.order or absolute >= self._offsets[-1]:
            return Strip.blank(width, self._base_style())
        position = bisect_right(self._offsets, absolute) - 1
        self._measure(position)
        line = absolute - self._offsets[position]
        focused = position == self.cursor_row
        row = self.order[position]
        spot = self.current_spot if self.current_spot and self.current_spot[0] == row else None
        key = (
            row,
            line,
            width,
            self._widths,
            self.languages,
            focused,
            self.compact,
            spot,
            self.cursor_lang if focused else "",
            self.source.row_version(row),
            self.has_focus,
            self.highlight,
        )
        strip = self._strips.get(key)
        if strip is None:
            strip = self._render_row_line(row, line, focused, self._heights[position])
            strip = strip.crop_extend(0, width, self._base_style())
            self._strips[key] = strip
        return strip

    def _render_row_line(self, row: int, line: int, focused: bool, height: int) -> Strip:
        base = self._base_style()
        row_bg = Style(bgcolor="grey15") if focused else Style()
        cell_bg = Style(bgcolor="grey23") if focused and self.has_focus else row_bg
        rule = Style(color="grey30")
        segments: list[Segment] = [self._marker_segment(row, line, focused)]
        for lang, width in zip(self.languages, self._widths):
            style = base + (cell_bg if focused and lang == self.cursor_lang else row_bg)
            text = visible(self.source.cell_text(row, lang))
            if self.compact:
                segments.extend(
                    self._compact_cell(text, width, style, self._spans(row, lang, text))
                )
                segments.append(Segment(SEPARATOR, base + rule))
                continue
            lines = wrap(text, width)
            if line < len(lines):
                start, end = lines[line]
                spans = self._spans(row, lang, text)
                spot = self.current_spot
                if spot is not None and spot[0] == row and spot[1] == lang and spot[3] > spot[2]:
                    spans = [*spans, (spot[2], spot[3], "spot")]
                segments.extend(self._styled(text, start, end, width, style, spans))
            elif line == height - 1:
                segments.append(Segment("─" * width, base + rule))
            else:
                segments.append(Segment(" " * width, style))
            segments.append(Segment(SEPARATOR, base + rule))
        return Strip(segments)

    def _spans(self, row: int, lang: str, text: str) -> list[tuple[int, int, str]]:
        """The cell's flagged spans, then the search matches (drawn over them)."""
        spans = list(self.source.cell_spans(row, lang))
        if self.highlight:
            spans += [(s, e, "search") for s, e in match_spans(text, self.highlight)]
        return spans

    def _marker_segment(self, row: int, line: int, focused: bool) -> Segment:
        base = self._base_style()
        if line != 0:
            return Segment(
                " " * MARKER_WIDTH, base + (Style(bgcolor="grey15") if focused else Style())
            )
        status = self.source.row_status(row, self.cursor_lang or self.languages[0])
        flags = self.source.row_flag_count(row)
        symbol = STATUS_SYMBOLS.get(status, "?")
        pointer = "▶" if focused else " "
        count = f"{flags}⚑" if flags else ""
        text = f"{pointer}{symbol}{count:>4}"[:MARKER_WIDTH].ljust(MARKER_WIDTH)
        color = {"approved": "green", "fixed": "yellow", "fuzzy": "dark_orange"}.get(
            status, "grey62"
        )
        style = Style(color=color, bold=focused, bgcolor="grey15" if focused else None)
        if flags:
            style += Style(color="bright_red") if status in ("unreviewed", "fuzzy") else Style()
        return Segment(text, base + style)

    def _compact_cell(
        self, text: str, width: int, style: Style, spans: Sequence[tuple[int, int, str]]
    ) -> list[Segment]:
        """The start of the cell on one line, cut with an ellipsis."""
        flat = text.replace("\n", " ")
        start, end = wrap(flat, max(1, width - 1))[0]
        segments = self._styled(flat, start, end, width - 1, style, spans)
        more = "…" if end < len(flat.rstrip()) else " "
        return [*segments, Segment(more, style)]

    @staticmethod
    def _styled(
        text: str,
        start: int,
        end: int,
        width: int,
        style: Style,
        spans: Sequence[tuple[int, int, str]],
    ) -> list[Segment]:
        """Segments for text[start:end] with flag spans styled, padded to ``width`` cells."""
        cuts = {start, end}
        for s, e, _ in spans:
            if s < end and e > start:
                cuts.add(max(s, start))
                cuts.add(min(e, end))
        points = sorted(cuts)
        segments = []
        used = 0
        for a, b in zip(points, points[1:]):
            piece = text[a:b]
            if not piece:
                continue
            piece_style = style
            for s, e, kind in spans:
                if s <= a and e >= b:
                    piece_style = piece_style + CHECK_STYLES.get(kind, Style(underline=True))
            segments.append(Segment(piece, piece_style))
            used += cell_width(piece)
        if used < width:
            segments.append(Segment(" " * (width - used), style))
        return segments

    # --- cursor ----------------------------------------------------------------------------

    def validate_cursor_row(self, value: int) -> int:
        return max(0, min(value, len(self.order) - 1)) if self.order else 0

    def watch_cursor_row(self, old: int, new: int) -> None:
        # strips are cached on focus: repaint the two rows that changed, unless we scrolled
        scrolled_from = self.scroll_offset.y
        self.scroll_to_cursor()
        if self.scroll_offset.y == scrolled_from:
            self._refresh_rows(old, new)
        else:
            self.refresh()
        if self.order:
            self.post_message(CursorMoved(self.order[new], self.cursor_lang))

    def watch_cursor_lang(self, old: str, new: str) -> None:
        self._refresh_rows(self.cursor_row)
        if self.order:
            self.post_message(CursorMoved(self.order[self.cursor_row], new))

    def _refresh_rows(self, *positions: int) -> None:
        top = self.scroll_offset.y
        for position in positions:
            if 0 <= position < len(self.order):
                self.refresh(self.row_region(position).translate((0, -top)))

    def scroll_to_cursor(self, animate: bool = False) -> None:
        """Scroll so that the focused row is visible; when it is taller than the view, the
        part holding the focused spot (a flag or a search match), else its top."""
        if not self.order:
            return
        region = self.row_region(self.cursor_row)
        view = max(1, self.scrollable_content_region.height)
        if region.height > view:
            line = self._spot_line()
            top = region.y
            if line is not None and line >= view - 1:
                # the spot's line a third of the way down, the row's rule still reachable
                top = min(region.y + line - view // 3, region.bottom - view)
            region = Region(region.x, top, region.width, view)
        self.scroll_to_region(region, animate=animate, force=True, immediate=True)

    def _spot_line(self) -> int | None:
        """The wrapped line of the focused row on which the focused spot starts."""
        spot, row = self.current_spot, self.current
        if spot is None or spot[0] != row or spot[1] not in self.languages or self.compact:
            return None
        width = self._widths[self.languages.index(spot[1])] if self._widths else 0
        if width <= 0:
            return None
        lines = wrap(visible(self.source.cell_text(row, spot[1])), width)
        return next(
            (
                i
                for i, (start, end) in enumerate(lines)
                if spot[2] < end or (spot[2] == end and i == len(lines) - 1)
            ),
            len(lines) - 1,
        )

    def position_at(self, y: int) -> int | None:
        """The position (in ``order``) of the row drawn at line ``y`` of the view."""
        absolute = self.scroll_offset.y + y
        if not self.order or not 0 <= absolute < self._offsets[-1]:
            return None
        return bisect_right(self._offsets, absolute) - 1

    def language_at(self, x: int) -> str | None:
        """The language of the column drawn at cell ``x`` (None on the marker column)."""
        left = MARKER_WIDTH
        for lang, width in zip(self.languages, self._widths):
            if left <= x < left + width + len(SEPARATOR):
                return lang
            left += width + len(SEPARATOR)
        return None

    def on_click(self, event: events.Click) -> None:
        """A click on a cell focuses its row and its language."""
        offset = event.get_content_offset(self)
        if offset is None:
            return
        position = self.position_at(offset.y)
        if position is None:
            return
        lang = self.language_at(offset.x)
        if lang is not None and lang != self.cursor_lang:
            self.cursor_lang = lang
        if position != self.cursor_row:
            self.cursor_row = position
        self.focus()

    def focus_row(self, row: int) -> None:
        """Focus the source row ``row`` (shown even when the filter hides it? no: nearest)."""
        if row in self.order:
            self.cursor_row = self.order.index(row)
        elif self.order:
            self.cursor_row = min(bisect_right(self.order, row), len(self.order) - 1)

    def move_language(self, step: int) -> None:
        """Move the focused language by ``step`` columns (wrapping)."""
        if not self.languages:
            return
        index = self.languages.index(self.cursor_lang) if self.cursor_lang in self.languages else 0
        self.cursor_lang = self.languages[(index + step) % len(self.languages)]
