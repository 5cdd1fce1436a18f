"""The conversation core: takes one inbound message for a user and returns the replies."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime

from bot import texts
from bot.messages import Button, Inbound, InboundKind, Reply
from bot.safety import mentions_health_concern
from bot.smalltalk import small_talk_reply
from bot.store import Store
from knowledge.matcher import Match, Matcher
from knowledge.model import Entry, KnowledgeBase

Clock = Callable[[], datetime]
MAX_RELATED_BUTTONS = 2
MAX_LOGGED_CHARS = 500
HEALTH_ENTRY = "medical-care"
HEALTH_MARGIN = 15.0  # a health question keeps its own topic only when the match is clearly right
TOPICS_BUTTON = Button("📚 Topics", "topics")


def utc_now() -> datetime:
    """The real clock."""
    return datetime.now(UTC)


class Coach:
    """Transport-free dialogue: commands, knowledge questions and buttons."""

    def __init__(self, matcher: Matcher, store: Store, clock: Clock = utc_now) -> None:
        self.kb: KnowledgeBase = matcher.kb
        self.matcher = matcher
        self.store = store
        self.clock = clock
        self._commands: dict[str, Callable[[Inbound], list[Reply]]] = {
            "start": self._start, "help": self._help, "topics": self._topics,
        }

    def first_delivery(self, update_id: int) -> bool:
        """True the first time a transport delivers this update id."""
        return self.store.claim_update(update_id, self.clock())

    def handle(self, msg: Inbound) -> list[Reply]:
        """Answer one message."""
        self.store.touch_user(msg.user_id, self.clock())
        if msg.kind is InboundKind.BUTTON:
            return self._button(msg)
        if msg.kind is InboundKind.UNSUPPORTED:
            return [Reply(texts.format_unsupported(msg.text or "message"), buttons=((TOPICS_BUTTON,),))]
        text = msg.text.strip()
        if text.startswith("/"):
            return self._command(msg, text)
        return self._text(msg, text)

    def _command(self, msg: Inbound, text: str) -> list[Reply]:
        """Route /command (ignoring a @botname suffix and arguments)."""
        name = text[1:].split(maxsplit=1)[0].split("@")[0].lower() if len(text) > 1 else ""
        handler = self._commands.get(name)
        if handler is None:
            return [Reply(f"I don't know the command /{name}. " + texts.format_help())]
        return handler(msg)

    def _start(self, msg: Inbound) -> list[Reply]:
        """Welcome: what the bot can do."""
        return [Reply(texts.format_welcome(), buttons=((TOPICS_BUTTON,),))]

    def _help(self, msg: Inbound) -> list[Reply]:
        """The command list."""
        return [Reply(texts.format_help(), buttons=((TOPICS_BUTTON,),))]

    def _topics(self, msg: Inbound) -> list[Reply]:
        """The topic menu: one button per group."""
        rows = tuple((Button(label, f"topic:{group}"),) for group, label in self.kb.groups.items())
        return [Reply(texts.format_topics_intro(), buttons=rows)]

    def _text(self, msg: Inbound, text: str) -> list[Reply]:
        """A free-text message: small talk, or a knowledge question."""
        if not text:
            return [Reply(texts.format_empty(), buttons=((TOPICS_BUTTON,),))]
        chat = small_talk_reply(text)
        if chat:
            return [Reply(chat)]
        return [self.answer(msg.user_id, text)]

    def answer(self, user_id: int, text: str) -> Reply:
        """Answer a knowledge question; one about a health concern always leads with doctor-first
        advice and, when no entry fits it confidently, gets the medical-care entry."""
        match = self.matcher.match(text)
        if not mentions_health_concern(text):
            return self._matched(match.entry_id, match.score) if match.entry_id else self._missed(user_id, text, match)
        confident = match.entry_id and match.score >= self.matcher.threshold + HEALTH_MARGIN
        entry_id = match.entry_id if confident else (HEALTH_ENTRY if HEALTH_ENTRY in self.kb.entries else None)
        if entry_id is None:
            return Reply(f"{texts.DOCTOR_FIRST}\n\n{texts.CAPABILITIES}", buttons=((TOPICS_BUTTON,),))
        reply = self._matched(entry_id, match.score)
        return replace(reply, text=f"{texts.DOCTOR_FIRST}\n\n{reply.text}")

    def _matched(self, entry_id: str, score: float) -> Reply:
        """The answer for an entry."""
        entry = self.kb.entries[entry_id]
        return Reply(texts.format_answer(entry, self.kb), title=entry.title,
                     buttons=self._entry_buttons(entry), entry=entry.id, matched=True, score=score)

    def _missed(self, user_id: int, text: str, match: Match) -> Reply:
        """Decline without guessing, and log the question for curators."""
        best = match.suggestions[0] if match.suggestions else None
        self.store.save_miss(user_id, text[:MAX_LOGGED_CHARS], match.score, best, self.clock())
        rows = [(Button(self.kb.entries[eid].title, f"kb:{eid}"),) for eid in match.suggestions]
        rows.append((TOPICS_BUTTON,))
        return Reply(texts.format_not_understood(bool(match.suggestions)), buttons=tuple(rows), score=match.score)

    def _entry_buttons(self, entry: Entry) -> tuple[tuple[Button, ...], ...]:
        """More detail, a few related topics, and the topic menu."""
        rows: list[tuple[Button, ...]] = []
        if entry.details:
            rows.append((Button("🔎 More detail", f"more:{entry.id}"),))
        for rel in entry.related[:MAX_RELATED_BUTTONS]:
            rows.append((Button(f"➡️ {self.kb.entries[rel].title}", f"kb:{rel}"),))
        rows.append((TOPICS_BUTTON,))
        return tuple(rows)

    def _button(self, msg: Inbound) -> list[Reply]:
        """A pressed button; unknown or forged data gets a short notice."""
        kind, _, arg = msg.text.partition(":")
        if kind == "topics" and not arg:
            return self._topics(msg)
        if kind == "topic" and arg in self.kb.groups:
            rows = tuple((Button(e.title, f"kb:{e.id}"),) for e in self.kb.in_group(arg))
            return [Reply(f"{self.kb.groups[arg]}: pick a question.", buttons=rows + ((TOPICS_BUTTON,),))]
        entry = self.kb.entry(arg)
        if kind in ("kb", "more") and entry:
            body = texts.format_answer(entry, self.kb) if kind == "kb" else texts.format_details(entry, self.kb)
            buttons = self._entry_buttons(entry) if kind == "kb" else ((TOPICS_BUTTON,),)
            return [Reply(body, title=entry.title, buttons=buttons, entry=entry.id, matched=True, score=100.0)]
        return [Reply("That button has expired. Ask me again, or tap Topics.", buttons=((TOPICS_BUTTON,),))]
