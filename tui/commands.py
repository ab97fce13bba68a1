"""Command palette provider: every app action by name, the same list as the key bindings."""

from __future__ import annotations

from functools import partial

from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider


class ReviewCommands(Provider):
    """Offers each binding of the app (its description) as a palette command."""

    def _commands(self) -> list[tuple[str, str, str]]:
        app = self.app
        commands = []
        for binding in app.BINDINGS:
            if isinstance(binding, Binding) and binding.action != "quit":
                keys = binding.key_display or binding.key.split(",")[0]
                commands.append((binding.description, binding.action, keys))
        return commands

    async def discover(self) -> Hits:
        for description, action, keys in self._commands():
            yield DiscoveryHit(
                description, partial(self.app.run_action, action), help=f"key: {keys}"
            )

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for description, action, keys in self._commands():
            score = matcher.match(description)
            if score > 0:
                yield Hit(
                    score,
                    matcher.highlight(description),
                    partial(self.app.run_action, action),
                    help=f"key: {keys}",
                )
