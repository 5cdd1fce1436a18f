"""Start the real `coachbot run` process against a fake Bot API, and stop or kill it."""

from __future__ import annotations

import asyncio
import os
import shutil
import signal
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

from tests.conftest import KB_CACHE
from tests.fakebotapi import FakeBotApi
from tests.voice_support import built_voice_dir

CLOCK_FILE = "clock"  # in a test's tmp_path: seconds the bot processes' clock runs ahead of real time


def coachbot_command() -> list[str]:
    """The installed console script (falls back to `python -m bot` outside a venv)."""
    script = shutil.which("coachbot", path=str(Path(sys.executable).parent))
    return [script] if script else [sys.executable, "-m", "bot"]


class BotProcess:
    """One `coachbot run` process with its own log file."""

    def __init__(self, api: FakeBotApi, db_path: Path, log_path: Path, extra_env: dict[str, str] | None = None,
                 command: list[str] | None = None) -> None:
        self.env = {
            **os.environ,
            "TELEGRAM_BOT_TOKEN": api.token,
            "TELEGRAM_API_BASE_URL": api.base_url,
            "TELEGRAM_API_BASE_FILE_URL": api.base_file_url,
            "COACHBOT_DB": str(db_path),
            "COACHBOT_LOG_LEVEL": "DEBUG",
            "COACHBOT_KB_CACHE_DIR": str(KB_CACHE),
            "COACHBOT_VOICE_DIR": str(built_voice_dir()),
            **(extra_env or {}),
        }
        self.log_path = log_path
        self.command = command or coachbot_command()  # benchmarks may run another checkout's code
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        """Launch the process in a scratch directory (so no developer .env is read)."""
        with self.log_path.open("ab") as log:
            self.proc = subprocess.Popen([*self.command, "run"], env=self.env, stdout=log,
                                         stderr=subprocess.STDOUT, cwd=self.log_path.parent)

    async def kill(self) -> None:
        """SIGKILL: no chance to clean up, as in a crash."""
        if self.proc and self.proc.poll() is None:
            self.proc.kill()
            await asyncio.to_thread(self.proc.wait, 10)

    async def stop(self) -> int:
        """SIGINT and wait for a graceful exit; returns the exit code. Waits in a thread so the
        fake Bot API, on this event loop, can answer the bot's last calls while it shuts down."""
        if self.proc is None:
            return 0
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
            try:
                await asyncio.to_thread(self.proc.wait, 15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                await asyncio.to_thread(self.proc.wait)
        return self.proc.returncode

    async def wait_exit(self, timeout: float = 60) -> int:
        """Wait for the process to end by itself; returns the exit code."""
        assert self.proc is not None
        return await asyncio.to_thread(self.proc.wait, timeout)

    def log(self) -> str:
        """Everything the process wrote."""
        return self.log_path.read_text(encoding="utf-8", errors="replace")


def steered_command(clock_file: Path) -> list[str]:
    """`coachbot run` on a clock moved by `advance_clock`, with unpaced chats (see steered_bot.py)."""
    return [sys.executable, str(Path(__file__).with_name("steered_bot.py")), str(clock_file)]


def advance_clock(tmp_path: Path, seconds: float) -> None:
    """Move the clock of every bot process started by start_bot on tmp_path `seconds` on."""
    clock = tmp_path / CLOCK_FILE
    _put_clock(tmp_path, (float(clock.read_text(encoding="utf-8")) if clock.exists() else 0.0) + seconds)


def set_clock(tmp_path: Path, moment: datetime) -> None:
    """Put the clock of the bot processes started by start_bot on tmp_path at `moment` (it runs on
    from there), so what a test sees does not hang on the day and hour it runs."""
    _put_clock(tmp_path, moment.timestamp() - time.time())


def _put_clock(tmp_path: Path, ahead: float) -> None:
    """Set how many seconds the clock of tmp_path's bot processes runs ahead of real time (the file
    replaced whole, so a process never reads half a number)."""
    partial = tmp_path / f"{CLOCK_FILE}.new"
    partial.write_text(repr(ahead), encoding="utf-8")
    partial.replace(tmp_path / CLOCK_FILE)


async def start_bot(api: FakeBotApi, tmp_path: Path, extra_env: dict[str, str] | None = None) -> BotProcess:
    """A bot process on tmp_path/coach.db, logging to tmp_path/bot.log, ready for messages: the real
    command line on the clock of tmp_path (see advance_clock), its chats unpaced. A process that
    does not get ready is killed, not left running after the test."""
    process = BotProcess(api, tmp_path / "coach.db", tmp_path / "bot.log", extra_env, steered_command(tmp_path / CLOCK_FILE))
    process.start()
    api.mark()
    try:
        await api.wait_for("setMyCommands", timeout=30)
    except BaseException:
        await process.kill()
        raise
    return process


class Chat:
    """One user's side of a conversation with the bot over the fake Bot API."""

    def __init__(self, api: FakeBotApi, chat_id: int) -> None:
        self.api = api
        self.chat_id = chat_id

    async def say(self, text: str, expect: str) -> dict:
        """Send a text and wait for the bot's message containing `expect`."""
        self.api.mark()
        self.api.push_text(self.chat_id, text)
        return await self.api.wait_for(
            "sendMessage", lambda p: p["chat_id"] == self.chat_id and expect in p["text"], timeout=20)

    async def press(self, params: dict, label: str, expect: str, method: str = "sendMessage") -> dict:
        """Press the button whose label contains `label` on the bot's latest message, and wait for
        the answer (a new message, or an edit with method="editMessageText") containing `expect`."""
        data = next(b["callback_data"] for row in params["reply_markup"]["inline_keyboard"]
                    for b in row if label in b["text"])
        self.api.mark()
        self.api.push_callback(self.chat_id, data, max(mid for chat, mid in self.api.messages if chat == self.chat_id))
        return await self.api.wait_for(method, lambda p: expect in p.get("text", ""), timeout=20)
