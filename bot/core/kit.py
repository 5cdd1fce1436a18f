"""What a feature plugs into: the core's shared services and one registry per kind of hook.

A feature is one folder with an `install(kit)` function, and the composition root registers it
with one line (`coach.add(planning.install)`). `install` declares everything the feature brings:
its commands, dialogues, entry buttons, requests in words (intents, or worded narrowly enough to
read itself before any dialogue's step: "skip tomorrow"), what it adds to /start and
/mydata, what /forget erases, how it handles a kind of inbound message, and services other
features need. The core routes through these registries and knows no feature by name.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol, TypeVar

from bot.core.callbacks import Tap
from bot.core.commands import Commands
from bot.core.dialogue import Dialogues
from bot.core.messages import Button, Inbound, InboundKind, Reply
from bot.core.words import PLAIN_REQUEST, UnderstandingWords
from bot.storage.backend import SqlDatabase
from bot.storage.dialogues import DialogueStore
from bot.storage.users import Store
from knowledge.clauses import without
from knowledge.intents import Intent
from knowledge.safety import Safety
from knowledge.understanding import Understanding
from scheduler.dispatcher import Due
from scheduler.parsing import names_day_or_time
from scheduler.planner import Planner
from scheduler.store import SchedulerStore

T = TypeVar("T")
Clock = Callable[[], datetime]
TapHandler = Callable[[int, Tap], list[Reply]]
InboundHandler = Callable[[Inbound], list[Reply]]
TextRoute = Callable[[int, str, bool], list[Reply]]  # (user, text, heard in a voice note) -> replies
HealthChange = Callable[[int, Safety, str], list[Reply]]  # (user, level, the words) -> what the feature says
Reader = Callable[[int, str], "list[Reply] | None"]  # (user, text) -> replies, None when not its request


class Answers(Protocol):
    """The fallback every message not taken by a dialogue or a request reaches: knowledge answers."""

    emergency: Reply  # "stop now, get emergency care", answered before anything else

    def on_emergency(self, user_id: int) -> Reply:
        """Emergency advice for a red flag told now (later answers today remind the user to stop)."""
    doctor_first: Reply  # the line that leads any reply to a health concern

    def answer(self, user_id: int, text: str, heard: bool = False) -> Reply:
        """The answer to a question (or why there is none)."""

    def safety(self, text: str) -> Safety:
        """How urgent a health concern the message carries."""

    def knows(self, text: str) -> bool:
        """Whether the message is confidently a knowledge question."""

    def is_question(self, text: str) -> bool:
        """Whether the message is worded as a question."""

    def is_question_about_us(self, text: str) -> bool:
        """Whether it is a question the knowledge base answers."""

    def follows_up(self, user_id: int, text: str) -> bool:
        """Whether the message is answered as a follow-up in the user's conversation."""

    def points_back(self, text: str) -> bool:
        """Whether the message points back at what was said ("where do they start", "who found that")."""

    def changes_goal(self, user_id: int, text: str) -> bool:
        """Whether the message, read in the user's conversation, gets a goal's programme ("nah scratch that i want size")."""

    def asks_why(self, text: str) -> bool:
        """Whether the message asks why or what for ("why?", "what for")."""

    def on_button(self, user_id: int, data: str) -> Reply | None:
        """A button in the answers' own format (a tapped topic becomes the user's context); None
        when it is not one."""

    def small_talk(self, user_id: int, intent: Intent | None, text: str) -> str | None:
        """A reply to a greeting, thanks, goodbye or "ok" (None when `text` asks a question as well)."""

    def heard_fit(self, text: str) -> float:
        """How well a transcript fits the answer it would get (0 when it would get none)."""


@dataclass(frozen=True)
class Request:
    """What a request in words (an intent) runs. `starts_dialogue`: the pending step is not asked
    again after it; `interrupts`: it is not taken as an answer to a dialogue's step."""

    run: Callable[[int, str], list[Reply]]  # (user, the words said) -> replies
    starts_dialogue: bool = False
    interrupts: bool = False
    on_top: bool = False  # the dialogue it starts opens over the user's (a confirmation), not in its place
    # A question about what the request does ("what's the safety check for?"), answered without starting anything, so
    # it is answered in the middle of another dialogue too; None when the words are no such question.
    about: Callable[[int, str], list[Reply] | None] | None = None


@dataclass(frozen=True)
class Note:
    """A feature's line in /start's next steps, with buttons for it."""

    text: str
    buttons: tuple[Button, ...] = ()


class Kit:
    """The core's shared services and the registries features fill in `install`."""

    def __init__(self, understanding: Understanding, db: SqlDatabase, clock: Clock) -> None:
        self.understanding, self.kb, self.db, self.clock = understanding, understanding.kb, db, clock
        self.users = Store(db)
        self.words = UnderstandingWords(understanding)
        self.dialogues = Dialogues(DialogueStore(db), clock, requested=self.plain_request, keepable=self.keepable)
        self.commands = Commands()
        self.plans = SchedulerStore(db)
        self.planner = Planner(self.plans, clock)
        self.requests: dict[Intent, Request] = {}
        self.entries: dict[str, TapHandler] = {}
        self.inbound: dict[InboundKind, InboundHandler] = {}
        self.notes: list[Callable[[int], Note | None]] = []
        self.descriptions: list[Callable[[int], str | None]] = []
        self.erasers: list[Callable[[int], None]] = []
        self.outgoing: list[Callable[[Inbound, list[Reply]], list[Reply]]] = []
        self.health_changes: list[HealthChange] = []  # a health concern the user told, outside the safety check
        self.not_told: list[Callable[[int, str], str]] = []  # a message's words, less those a feature reads as telling no concern
        self.readers: list[Reader] = []  # typed requests a feature reads before the dialogue in progress
        self.traceless: set[str] = set()  # commands that make no record of a user the bot has none of (/mydata)
        self.offers: set[str] = set()  # the data of buttons a typed yes takes when the last reply offered one (offered.py)
        self.answers: Answers | None = None
        self.reminder: Callable[[Due], Reply] | None = None
        self.heard: Callable[[Inbound], str] = lambda msg: msg.text.strip()
        self.route_text: TextRoute = lambda _user, _text, _heard: []  # the core's text routing, set by the Coach
        self._services: dict[type, object] = {}

    def request(self, intent: Intent, run: Callable[[int, str], list[Reply]], *,
                starts_dialogue: bool = False, interrupts: bool = False, on_top: bool = False,
                about: Callable[[int, str], list[Reply] | None] | None = None) -> None:
        """Make a request in words run something (`about`: answer a question about it instead, see Request)."""
        self.requests[intent] = Request(run, starts_dialogue, interrupts, on_top, about)

    def entry(self, code: str, handler: TapHandler) -> None:
        """Route buttons that start something (nonce and step ENTRY) with this code to `handler`."""
        self.entries[code] = handler

    def on(self, kind: InboundKind, handler: InboundHandler) -> None:
        """Handle every inbound message of a kind (a location, a voice note)."""
        self.inbound[kind] = handler

    def interrupts(self, intent: Intent | None) -> bool:
        """Whether a request of this intent is never taken as an answer to a dialogue's step."""
        request = self.requests.get(intent) if intent is not None else None
        return bool(request and request.interrupts)

    def plain_request(self, text: str, bar: float = PLAIN_REQUEST) -> str | None:
        """The request that interrupts any step a message plainly makes (read at `bar` or more surely:
        "delete all my data", "forget me", "show my sessions"), as its intent's value; None for none."""
        intent, odds = self.words.intent_read(text)
        return intent.value if intent is not None and odds >= bar and self.interrupts(intent) else None

    def keepable(self, text: str) -> str:
        """What may be stored of a message's words: without the clauses that tell a health concern (its time is kept,
        never its words), those that name a day or a time of day kept all the same ("remind me mon 7am, btw my knee
        hurts since the surgery" keeps "remind me mon 7am")."""
        answers = self.answers
        if answers is None or answers.safety(text) is Safety.NONE:
            return text
        return without(text, lambda clause: answers.safety(clause) is not Safety.NONE and not names_day_or_time(clause))

    def provide(self, service: object) -> None:
        """Offer a service to the features installed after this one."""
        self._services[type(service)] = service

    def need(self, kind: type[T]) -> T:
        """A service an earlier feature provided (a KeyError names a feature installed out of order)."""
        return self._services[kind]  # type: ignore[return-value]
