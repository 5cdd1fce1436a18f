"""The one command registry: it routes /commands and entry buttons, and writes /help, /start's
summary and the menu Telegram shows (set_my_commands), so the three never drift apart."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from bot.core.messages import Reply

Handler = Callable[[int, str], list[Reply]]  # (user id, text after the command) -> replies
COMMAND_NAME = re.compile(r"[a-z0-9_]{1,32}")  # what Telegram allows as a bot command


@dataclass(frozen=True)
class Command:
    """One command: its name, the line /help and the menu show, and what it does."""

    name: str
    summary: str
    run: Handler
    listed: bool = True  # False for actions only buttons reach (e.g. "a professional reviewed it")
    last: bool = False  # listed after the features' commands (/cancel)


class Commands:
    """Every command, in the order /help lists them."""

    def __init__(self) -> None:
        self._by_name: dict[str, Command] = {}

    def add(self, name: str, summary: str, run: Handler, listed: bool = True, last: bool = False) -> None:
        """Register a command (a name Telegram accepts)."""
        if not COMMAND_NAME.fullmatch(name) or name in self._by_name:
            raise ValueError(f"bad or repeated command name: {name!r}")
        self._by_name[name] = Command(name, summary, run, listed, last)

    def get(self, name: str) -> Command | None:
        """The command of that name, if any."""
        return self._by_name.get(name)

    def listed(self) -> list[Command]:
        """The commands people see, in order."""
        return sorted((c for c in self._by_name.values() if c.listed), key=lambda c: c.last)

    def menu(self) -> list[tuple[str, str]]:
        """(name, summary) pairs for Telegram's command menu."""
        return [(c.name, c.summary) for c in self.listed()]

    def format_list(self) -> str:
        """"/name – summary" lines for /help."""
        return "\n".join(f"/{c.name} – {c.summary}" for c in self.listed())
