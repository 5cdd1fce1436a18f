"""`coachbot run` for the end-to-end scenarios: the real command line, process and HTTP, with the two
seams the core and adapter tests set as well. The clock is real time moved on by the seconds written
in CLOCK_FILE (a reminder minutes ahead comes when the test moves the clock, not after a wait), and a
private chat may get its replies at once (the fake Bot API does not enforce Telegram's one message a
second per chat; the pace itself is tested in test_budget.py).

    python tests/steered_bot.py CLOCK_FILE
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # this checkout's code, as the tests

from bot import cli  # noqa: E402
from bot.adapters.telegram import app as telegram_app  # noqa: E402
from bot.adapters.telegram.budget import SendBudget  # noqa: E402
from bot.composition import build_coach  # noqa: E402
from bot.core.coach import utc_now  # noqa: E402
from tests.recording_request import UNPACED_BURST  # noqa: E402


def moved_clock(path: Path) -> Callable[[], datetime]:
    """Real time plus the seconds in `path` (none while it does not exist)."""

    def now() -> datetime:
        """The process's current time."""
        try:
            seconds = float(path.read_text(encoding="utf-8"))
        except (FileNotFoundError, ValueError):
            seconds = 0.0
        return utc_now() + timedelta(seconds=seconds)

    return now


def replace(module: object, name: str, value: object) -> None:
    """Set an existing module attribute (a renamed one fails here, not silently)."""
    if not hasattr(module, name):
        raise AttributeError(f"{module!r} has no {name}: update tests/steered_bot.py")
    setattr(module, name, value)


def main(clock_file: str) -> int:
    """Run `coachbot run` with the moved clock and unpaced chats."""
    replace(cli, "build_coach", functools.partial(build_coach, clock=moved_clock(Path(clock_file))))
    replace(telegram_app, "SendBudget", functools.partial(SendBudget, chat_burst=UNPACED_BURST))
    return cli.main(["run"])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
