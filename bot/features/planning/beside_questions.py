"""Requests told beside questions in one message, outside any dialogue ("how many sets for endurance and how long rest
between sets? also skip friday please"; "i want to start, how many reps for muscle, and can you remind me tuesday and
thursday 18 uhr, and my time zone is berlin"): the questions go to the question path as one message (it answers what it
can of several), then the clauses that ask something of the bot are done as if said alone, so no part is dropped
without a word. A message with no question of ours, or no such request beside it, is left to the other readers."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from bot.core.kit import Kit
from bot.core.messages import Reply
from bot.core.words import PLAIN_REQUEST
from bot.features.planning import texts as t
from bot.features.planning.lead import read_lead
from bot.features.planning.reading import carries_schedule
from knowledge.intents import SMALL_TALK, Intent
from knowledge.safety import Safety

# where a clause ends: after ? . ! ; : and a space, at a comma, and before "and", "also", "then" or "pls" that open a
# request ("and remind me", "also skip friday", "and can you", "and my time zone is berlin"; not "i can also do")
_CLAUSE = re.compile(r"(?<=[?.!;:])\s+|\s*,\s*|\s+(?=(?:(?:and|also|then|btw|plus|pls|please)\s+)+(?:(?:can|could|would|will)\s+"
                     r"(?:you|u)\b|(?:skip|move|change|make|switch|cancel|delete|drop|push|put|set|remind|shift|reschedule)\b"
                     r"|my\s+time\s*zone\b))", re.IGNORECASE)
_JOINS = re.compile(r"^(?:(?:and|also|btw|plus|then|so|ok(?:ay)?|pls|please)\b\W*)+", re.IGNORECASE)  # "and also can you ..."
_ASKING = re.compile(r"\?|\b(?:how|what|which|when|where|why|who|whats|hows|is|are|can|could|should|do|does)\b",
                     re.IGNORECASE)  # the cheap look first: a message with no question word asks nothing
_MIN_WORDS = 6  # "skip friday, why?" is too short to hold a question of its own beside a request


@dataclass(frozen=True)
class Parts:
    """A message read as its questions and its requests."""

    questions: str  # the clauses that are not requests, as one message for the question path
    requests: str  # the clauses that ask something of the bot, joined with commas
    plans: bool  # one of them asks for a new plan (the others, a place or a reminder lead, are said with it)


class BesideQuestions:
    """Questions answered and the requests beside them done, for any number of users."""

    def __init__(self, kit: Kit, is_request: Callable[[str], bool], plan: Callable[[int, str], list[Reply]],
                 clock: Callable[[], datetime]) -> None:
        self.kit = kit
        self.is_request = is_request  # a clause about plans ("skip friday please"), read by the plans reader
        self.plan = plan  # planning started with what was said ("remind me tue thu 18 uhr, my time zone is berlin")
        self.clock = clock

    def on_text(self, user_id: int, text: str) -> list[Reply] | None:
        """The answers to the questions, then what each request beside them replies; None when the message is not both,
        or a dialogue is open (its step reads the message)."""
        if len(text.split()) < _MIN_WORDS or not _ASKING.search(text) or self.kit.dialogues.current(user_id) is not None:
            return None
        answers = self.kit.answers
        if answers is None or answers.safety(text) is not Safety.NONE:  # a concern: the whole is read (read already)
            return None
        parts = self.split(text)
        if parts is None:
            return None
        replies = [answers.answer(user_id, parts.questions)]
        done = self.plan(user_id, parts.requests) if parts.plans else self.kit.route_text(user_id, parts.requests, False)
        return [*replies, *(done or [Reply(t.format_not_done(parts.requests))])]

    def split(self, text: str) -> Parts | None:
        """The message's questions and requests; None unless it has both, the questions ones the knowledge base answers."""
        clauses = [c for c in (_JOINS.sub("", part).strip(" ,.;:") for part in _CLAUSE.split(text)) if c]
        if len(clauses) < 2:
            return None
        of_the_bot = [self._asked_of_the_bot(c) for c in clauses]  # the cheap readers first: most messages ask nothing of it
        answers = self.kit.answers  # a clause the knowledge base answers is never a request
        if answers is None or all(a is None for a in of_the_bot) or \
                not any(self._asks(c) and answers.is_question_about_us(c) for c in clauses):
            return None
        read = [self._request(c, a) for c, a in zip(clauses, of_the_bot, strict=True)]
        asked = [r is not None for r in read]
        if not any(asked):
            return None
        questions = " ".join(c for c, r in zip(clauses, asked, strict=True) if not r)
        return Parts(questions, ", ".join(c for c, r in zip(clauses, asked, strict=True) if r), Intent.PLAN in read)

    def _asks(self, clause: str) -> bool:
        """Whether a clause is worded as a question (a question mark, or a question word first): a story told beside a
        request ("i joined a crossfit box that goes 5 days a week, so delete that plan") asks nothing."""
        return "?" in clause or self.kit.words.asks(clause)

    def _request(self, clause: str, asked: Intent | None) -> Intent | None:
        """Whether a clause asks something of the bot (a change of plans, a plan, a reminder lead, a setting, the time
        zone), not of the knowledge base ("how many sets should i do on tuesday" asks about a plan, not for one): the intent
        it asks by (SESSIONS for a change of the plans stored, SETTINGS for a reminder lead; `asked`, as
        `_asked_of_the_bot` read it); None for no request."""
        if asked is None or (self.kit.answers is not None and self.kit.answers.is_question_about_us(clause)):
            return None
        return asked

    def _asked_of_the_bot(self, clause: str) -> Intent | None:
        """The intent a clause asks something of the bot by, were it no question of the knowledge base's."""
        intent, odds = self.kit.words.intent_read(clause)
        if intent is Intent.PLAN and odds >= PLAIN_REQUEST and carries_schedule(clause, self.clock()):
            return intent  # "can you remind me tuesday and thursday 18 uhr"
        if self.is_request(clause):
            return Intent.SESSIONS
        if read_lead(clause) is not None:
            return Intent.SETTINGS
        if intent is None or intent in SMALL_TALK or intent in (Intent.HELP, Intent.PLAN) or odds < PLAIN_REQUEST:
            return None
        return intent if intent in self.kit.requests else None

