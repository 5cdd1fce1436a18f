"""The `coachbot` command: run the bot, chat in a terminal, ask one question, curate the content."""

from __future__ import annotations

import argparse
import io
import json
import logging
import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from contextlib import ExitStack

from bot.adapters.telegram.instance_lock import AlreadyRunning, hold_instance_lock
from bot.adapters.terminal.app import run_terminal
from bot.adapters.terminal.chat import audio_path, format_reply
from bot.adapters.terminal.kb_cli import add_kb_commands
from bot.adapters.terminal.schedule_cli import add_schedule_commands
from bot.adapters.terminal.voice_cli import add_voice_commands
from bot.composition import build_coach, warm_up_in_background
from bot.core.coach import Coach
from bot.core.messages import Inbound, InboundKind, Reply
from bot.features.voice.engine import audio_reader, build_voice
from bot.settings import Settings, SettingsError, load_settings
from bot.storage.database import DatabaseError
from knowledge.model import ContentError

CLI_USER = 1
NOT_SERVING = ("coachbot: another Coachbot process serves this database and delivers its reminders; "
               "this chat shows none.")


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script."""
    args = _parser().parse_args(argv)
    try:
        settings = load_settings()
        _setup_logging(settings)
        return int(args.func(args, settings) or 0)
    except (SettingsError, DatabaseError, ContentError) as exc:
        print(f"coachbot: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # the reader went away (`coachbot ask - | head -1`): stop quietly
        _silence_stdout()
        return 141  # what a shell reports for a process ended by SIGPIPE


def _silence_stdout() -> None:
    """Point stdout at /dev/null, so the interpreter's last flush does not fail on the closed pipe."""
    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError, io.UnsupportedOperation):
        pass  # no real stdout (embedded or captured): nothing will be flushed to a pipe


def stdin_lines() -> Iterator[str]:
    """Lines of stdin without their line break; bytes that are not UTF-8 become U+FFFD, not an error."""
    buffer = getattr(sys.stdin, "buffer", None)
    stream = io.TextIOWrapper(buffer, encoding="utf-8", errors="replace") if buffer is not None else sys.stdin
    return (line.rstrip("\r\n") for line in stream)


def _valid_text(text: str) -> str:
    """An argument with bytes that were not UTF-8 (kept by Python as lone surrogates) made printable."""
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _parser() -> argparse.ArgumentParser:
    """The command-line grammar."""
    parser = argparse.ArgumentParser(prog="coachbot", description="A reverse-hyperextension coach.")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("run", help="Telegram bot when TELEGRAM_BOT_TOKEN is set, else terminal chat").set_defaults(func=cmd_run)
    chat = sub.add_parser("chat", help="chat in this terminal (scriptable: one message per stdin line)")
    chat.add_argument("--user", type=int, default=CLI_USER)
    chat.set_defaults(func=cmd_chat)
    ask = sub.add_parser("ask", help="send one message ('-' reads one message per stdin line); "
                         "the path of an audio file is sent as a voice note")
    ask.add_argument("text")
    ask.add_argument("--user", type=int, default=CLI_USER)
    ask.add_argument("--json", action="store_true", help="print one JSON object per message")
    ask.set_defaults(func=cmd_ask)
    add_kb_commands(sub)
    add_voice_commands(sub)
    add_schedule_commands(sub)
    return parser


def _setup_logging(settings: Settings) -> None:
    """Log to stderr. httpx logs URLs with the bot token, and PTB's debug output holds message
    text, so both stay above DEBUG whatever the level: logs never contain what users wrote."""
    logging.basicConfig(level=settings.log_level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("apscheduler").setLevel(logging.WARNING)  # it logs every reminder tick
    logging.getLogger("telegram").setLevel(max(logging.INFO, logging.getLevelName(settings.log_level)))


def cmd_run(args: argparse.Namespace, settings: Settings) -> int:
    """Run on Telegram when a token is configured, otherwise fall back to the terminal chat."""
    coach = build_coach(settings)
    if not settings.token:
        print("No TELEGRAM_BOT_TOKEN set: starting the terminal chat. Type /quit to leave.\n")
        return _chat(coach, CLI_USER, settings)
    from bot.adapters.telegram.runner import run_telegram  # imported here: only this path needs telegram

    run_telegram(settings, coach, build_voice(settings, coach.kb))
    return 0


def cmd_chat(args: argparse.Namespace, settings: Settings) -> int:
    """Terminal chat on the same core."""
    return _chat(build_coach(settings), args.user, settings)


def _chat(coach: Coach, user_id: int, settings: Settings) -> int:
    """Interactive with a prompt on a TTY, one reply per line when scripted; a line naming an
    audio file is sent as a voice note. The user's reminders are shown when no other process
    serves this database (a `coachbot run` there delivers them, to Telegram)."""
    with ExitStack() as stack:
        try:
            stack.enter_context(hold_instance_lock(settings.db_path))
            serving = True
        except AlreadyRunning:
            print(NOT_SERVING, file=sys.stderr)
            serving = False
        warm_up_in_background(coach)
        run_terminal(coach, user_id, stdin_lines(), audio_reader(settings, coach.kb, coach.asked), serving)
    return 0


def cmd_ask(args: argparse.Namespace, settings: Settings) -> int:
    """One message through the core (or one per stdin line with '-')."""
    coach = build_coach(settings)
    read_audio = audio_reader(settings, coach.kb, coach.asked)
    messages = stdin_lines() if args.text == "-" else [_valid_text(args.text)]
    for text in messages:
        path = audio_path(text)
        inbound = read_audio(args.user, path) if path else Inbound(args.user, InboundKind.TEXT, text)
        heard = None if path is None else ("" if isinstance(inbound, Reply) else coach.heard(inbound))
        replies = [inbound] if isinstance(inbound, Reply) else coach.handle(inbound)
        print(json.dumps(ask_result(text, replies, heard), ensure_ascii=False) if args.json
              else "\n\n".join(format_reply(r) for r in replies), flush=True)
    return 0


def ask_result(question: str, replies: list[Reply], heard: str | None = None) -> dict[str, object]:
    """The JSON object `ask --json` prints for one message; `heard` (what a voice note was heard
    as) only for audio."""
    main_reply = replies[0]
    voice = {} if heard is None else {"heard": heard}
    return {**voice,
        "question": question,
        "text": "\n\n".join(r.text for r in replies),
        "title": main_reply.title or None,
        "matched": main_reply.matched,
        "entry": main_reply.entry,
        "score": round(main_reply.score, 1),
        "buttons": [b.label for r in replies for b in r.button_list()],
        "safety": _most_urgent(r.safety for r in replies),
    }


def _most_urgent(levels: Iterable[str | None]) -> str | None:
    """The most urgent safety level among the replies: "emergency", "doctor" or None."""
    found = set(levels)
    return next((level for level in ("emergency", "doctor") if level in found), None)
