"""The `coachbot` command: run the bot, chat in a terminal, ask one question, curate the content."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Sequence

from bot.core import Coach
from bot.database import DatabaseError
from bot.engine import build_coach, build_matcher
from bot.messages import Inbound, InboundKind, Reply
from bot.settings import Settings, SettingsError, load_settings
from bot.terminal import audio_path, format_reply, prompted_lines, run_chat
from bot.voice_cli import add_voice_commands
from bot.voice_engine import audio_reader, build_voice
from knowledge.loader import CONTENT_DIR, KnowledgeError, read_knowledge

CLI_USER = 1


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script."""
    args = _parser().parse_args(argv)
    try:
        settings = load_settings()
        _setup_logging(settings)
        return int(args.func(args, settings) or 0)
    except (SettingsError, DatabaseError, KnowledgeError) as exc:
        print(f"coachbot: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


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
    kb = sub.add_parser("kb", help="curate the knowledge base").add_subparsers(dest="kb_command", required=True)
    kb.add_parser("check", help="validate the content files").set_defaults(func=cmd_kb_check)
    search = kb.add_parser("search", help="show the best entries for a query, with scores")
    search.add_argument("query")
    search.set_defaults(func=cmd_kb_search)
    misses = kb.add_parser("misses", help="questions the bot could not answer, newest first")
    misses.add_argument("--limit", type=int, default=50)
    misses.set_defaults(func=cmd_kb_misses)
    export = kb.add_parser("export", help="print the whole knowledge base")
    export.add_argument("--json", action="store_true", required=True)
    export.set_defaults(func=cmd_kb_export)
    add_voice_commands(sub)
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
    from bot.telegram_runner import run_telegram  # imported here: only this path needs telegram

    run_telegram(settings, coach, build_voice(settings, coach.kb))
    return 0


def cmd_chat(args: argparse.Namespace, settings: Settings) -> int:
    """Terminal chat on the same core."""
    return _chat(build_coach(settings), args.user, settings)


def _chat(coach: Coach, user_id: int, settings: Settings) -> int:
    """Interactive with a prompt on a TTY, one reply per line when scripted; a line naming an
    audio file is sent as a voice note."""
    lines = prompted_lines() if sys.stdin.isatty() else sys.stdin
    run_chat(coach, lines, sys.stdout, user_id, audio_reader(settings, coach.kb))
    return 0


def cmd_ask(args: argparse.Namespace, settings: Settings) -> int:
    """One message through the core (or one per stdin line with '-')."""
    coach = build_coach(settings)
    read_audio = audio_reader(settings, coach.kb)
    messages = (line.rstrip("\n") for line in sys.stdin) if args.text == "-" else [args.text]
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
    }


def cmd_kb_check(args: argparse.Namespace, settings: Settings) -> int:
    """Validate the content; exit 1 with one line per problem."""
    kb, problems = read_knowledge(settings.knowledge_dir or CONTENT_DIR)
    for problem in problems:
        print(problem)
    phrasings = sum(len(e.ask) for e in kb.entries.values())
    print(f"{len(kb.entries)} entries, {phrasings} phrasings, {len(problems)} problems")
    return 1 if problems else 0


def cmd_kb_search(args: argparse.Namespace, settings: Settings) -> int:
    """The best entries for a query and how the matcher saw it."""
    matcher = build_matcher(settings)
    result = matcher.match(args.query)
    print(f"normalised: {result.query!r}")
    print(f"answer: {result.entry_id or '(none: below threshold)'}  score {result.score:.1f}  threshold {matcher.threshold}")
    for entry_id in result.suggestions:
        print(f"  candidate: {entry_id} — {matcher.kb.entries[entry_id].title}")
    return 0


def cmd_kb_misses(args: argparse.Namespace, settings: Settings) -> int:
    """Unanswered questions, so a curator can add what is missing."""
    rows = build_coach(settings).store.load_misses(args.limit)
    for row in rows:
        print(f"{row['at'][:16]}  score {row['score']:5.1f}  closest {row['best_entry'] or '-':24}  {row['text']}")
    print(f"{len(rows)} unanswered question(s)")
    return 0


def cmd_kb_export(args: argparse.Namespace, settings: Settings) -> int:
    """The whole content as JSON."""
    kb = build_matcher(settings).kb
    data = {
        "articles": [vars(a) for a in kb.articles.values()],
        "entries": [
            {"id": e.id, "group": e.group, "title": e.title, "ask": list(e.ask), "answer": e.answer,
             "details": e.details, "related": list(e.related),
             "source": [vars(s) for s in e.source]}
            for e in kb.entries.values()
        ],
    }
    print(json.dumps(data, ensure_ascii=False, indent=2))
    return 0
