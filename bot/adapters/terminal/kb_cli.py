"""The curator commands of `coachbot kb`: check, build, search, misses, export."""

from __future__ import annotations

import argparse
import json
import time

from bot.composition import assemble, build_coach, build_understanding
from bot.core.messages import Inbound, InboundKind
from bot.settings import Settings
from bot.storage.database import open_database
from knowledge.build import inputs_hash, model_path
from knowledge.curation import check_curated
from knowledge.loader import CONTENT_DIR
from knowledge.understanding import Reading

SEARCH_USER = 1  # the one user of the throwaway database `kb search` replies in
REPLY_SHOWN = 160  # characters of the reply's first line shown


def add_kb_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register `kb check | build | search QUERY | misses | export --json`."""
    kb = sub.add_parser("kb", help="curate the knowledge base").add_subparsers(dest="kb_command", required=True)
    kb.add_parser("check", help="validate the content, lexicons, near misses and training data").set_defaults(func=cmd_kb_check)
    kb.add_parser("build", help="build the understanding model from the content (cached)").set_defaults(func=cmd_kb_build)
    search = kb.add_parser("search", help="show how a message is read: spelling, candidates, safety")
    search.add_argument("query")
    search.set_defaults(func=cmd_kb_search)
    misses = kb.add_parser("misses", help="questions the bot could not answer, newest first")
    misses.add_argument("--limit", type=int, default=50)
    misses.set_defaults(func=cmd_kb_misses)
    export = kb.add_parser("export", help="print the whole knowledge base")
    export.add_argument("--json", action="store_true", required=True)
    export.set_defaults(func=cmd_kb_export)


def cmd_kb_check(args: argparse.Namespace, settings: Settings) -> int:
    """Validate what curators edit; exit 1 with one line per problem."""
    kb, problems = check_curated(settings.knowledge_dir or CONTENT_DIR)
    for problem in problems:
        print(problem)
    phrasings = sum(len(e.ask) for e in kb.entries.values())
    print(f"{len(kb.entries)} entries, {phrasings} phrasings, {len(problems)} problems")
    return 1 if problems else 0


def cmd_kb_build(args: argparse.Namespace, settings: Settings) -> int:
    """Build the understanding model now and say where it is cached."""
    start = time.perf_counter()
    understanding = build_understanding(settings, rebuild=True)
    path = model_path(settings.kb_cache_dir, inputs_hash(settings.knowledge_dir or CONTENT_DIR))
    model = understanding.model
    print(f"built in {time.perf_counter() - start:.1f} s: {len(model.topics.labels)} classes, "
          f"{len(model.vocabulary)} features -> {path}")
    return 0


def cmd_kb_search(args: argparse.Namespace, settings: Settings) -> int:
    """How a message is read, component by component, then what the bot replies to it as a new user's first message
    (the reply may differ from the topic matched: a health concern first, a request, small talk)."""
    understanding = build_understanding(settings)
    print(format_reading(understanding.read(args.query), understanding.threshold))
    coach = assemble(understanding, open_database(":memory:"))
    reply = coach.handle(Inbound(SEARCH_USER, InboundKind.TEXT, args.query))[0]
    print(f"the bot replies: entry {reply.entry or 'none'}, safety {reply.safety or 'none'}: "
          f"{reply.text.splitlines()[0][:REPLY_SHOWN]}")
    return 0


def format_reading(reading: Reading, threshold: float) -> str:
    """The curator's view of one reading."""
    match = reading.match
    fixes = ", ".join(f"{f.typed}->{f.meant}" for f in reading.fixes) or "none"
    verdict = match.entry_id or (f"near miss: {reading.gap.id}" if reading.gap else "(none: declined)")
    lines = [f"normalised: {match.query!r}", f"spelling fixes (topic matching; the safety reading heeds health words): {fixes}",
             f"topic matched: {verdict}  score {match.score:.1f}  threshold {threshold}  not ours {reading.not_ours:.2f}",
             f"safety: {reading.safety.label or 'none'}  (classifier none/doctor/emergency "
             f"{'/'.join(f'{p:.2f}' for p in reading.safety_odds)})"]
    lines += [f"  candidate: {c.entry_id:26} fused {c.score:5.1f}  learned {c.learned:.2f}  fuzzy {c.fuzzy:5.1f}"
              for c in reading.candidates]
    return "\n".join(lines)


def cmd_kb_misses(args: argparse.Namespace, settings: Settings) -> int:
    """Unanswered questions, so a curator can add what is missing."""
    rows = build_coach(settings).store.load_misses(args.limit)
    for row in rows:
        print(f"{str(row['at'])[:16]}  score {row['score']:5.1f}  closest {row['best_entry'] or '-':24}  {row['text']}")
    print(f"{len(rows)} unanswered question(s)")
    return 0


def cmd_kb_export(args: argparse.Namespace, settings: Settings) -> int:
    """The whole content as JSON."""
    kb = build_understanding(settings).kb
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
