"""KeyBar: the footer line of keys, which keeps the ones a reviewer cannot do without.

Textual's ``Footer`` lays its keys out left to right and cuts what does not fit, so at 80
columns help, quit, the filter and the scores fell off the right edge. This bar always shows
the ``ESSENTIAL`` bindings and adds the others (in binding order) while they fit; a key too
long for what is left is skipped for a shorter one after it; the command palette's key
goes at the right edge when there is room. A click on a key runs it.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual import events
from textual.binding import Binding
from textual.content import Content
from textual.widget import Widget

ESSENTIAL = ("filter", "scores", "help", "quit")
_GAP = 2
_PALETTE = ("^p", "palette", "command_palette")


def _key_label(binding: Binding) -> str:
    names = {"question_mark": "?", "slash": "/", "down": "↓", "up": "↑"}
    if binding.key_display:
        return binding.key_display
    first = binding.key.split(",")[0]
    return names.get(first, first)


def chosen(bindings: Sequence[Binding], width: int) -> list[Binding]:
    """The shown bindings that fit in ``width`` cells, the essential ones always, in order."""
    shown = [b for b in bindings if b.show]
    cost = {id(b): len(_key_label(b)) + 1 + len(b.description) + _GAP for b in shown}
    keep = {id(b) for b in shown if b.id in ESSENTIAL}
    room = width - sum(cost[k] for k in keep)
    for binding in shown:
        if id(binding) not in keep and cost[id(binding)] <= room:
            keep.add(id(binding))
            room -= cost[id(binding)]
    return [b for b in shown if id(b) in keep]


class KeyBar(Widget):
    """One line of keys: ``key description``, the essential ones whatever the width."""

    DEFAULT_CSS = """
    KeyBar { height: 1; background: $footer-background; color: $footer-foreground; }
    """

    def __init__(self, bindings: Sequence[Binding], **kwargs) -> None:
        super().__init__(**kwargs)
        self._bindings = list(bindings)
        self._places: list[tuple[int, int, str]] = []  # (start x, end x, action)

    def render(self) -> Content:
        parts: list[tuple[str, str] | str] = [" "]
        x = 1
        self._places = []
        for binding in chosen(self._bindings, self.size.width - 1):
            key = _key_label(binding)
            length = len(key) + 1 + len(binding.description)
            self._places.append((x, x + length, binding.action))
            parts += [
                (key, "bold $footer-key-foreground"),
                " ",
                (binding.description, ""),
                " " * _GAP,
            ]
            x += length + _GAP
        key, description, action = _PALETTE
        length = len(key) + 1 + len(description)
        if self.app.ENABLE_COMMAND_PALETTE and self.size.width - x >= length + 1:
            start = self.size.width - length - 1
            parts += [" " * (start - x), (key, "bold $footer-key-foreground"), " ", description]
            self._places.append((start, start + length, action))
        return Content.assemble(*parts)

    def on_resize(self) -> None:
        self.refresh()

    async def on_click(self, event: events.Click) -> None:
        for start, end, action in self._places:
            if start <= event.x < end:
                await self.app.run_action(action)
                return
