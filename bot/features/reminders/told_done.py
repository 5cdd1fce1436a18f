"""A session reported done outside a check-in ("did my workout this morning", "just finished 4 sets of 12"): the latest
session reminded in the last TYPED_FOR and not answered is recorded as done; with none, the report gets a plain "nice
work" (with /sessions or /plan), never a plan request or "I'm not sure I can answer that" (tester s29 #23). A question,
another plain request ("i did the safety check") or a report beside an open check-in (which reads it) is none."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime

from bot.core.dialogue import Dialogues
from bot.core.messages import Reply
from bot.core.words import UnderstandingWords
from bot.features.planning import texts as t
from bot.features.planning.own_history import asks_history
from scheduler.store import SchedulerStore

_DONE = r"(?:did|done|finished|completed|crushed|smashed|nailed|got through|knocked out)"
_WORK = r"(?:workout|work out|session|sets?|reps|hypers?|training|exercises?|them)"
REPORTED = re.compile(rf"\b{_DONE}\b(?:\W+\w+){{0,4}}?\W+{_WORK}\b|\b{_WORK}\s+(?:\w+\s+)?(?:done|finished|complete|completed)\b"
                      r"|^\W*(?:just\s+)?(?:did|done|finished)\s+it\b")
REPORT_WORDS = 8  # a report is short ("did my workout this morning"); a longer message tells more, and is answered
DONE_TOLD = "💪 Nice work! I've recorded your {when} session as done."
NICE_WORK = "💪 Nice work! /sessions shows what's next."
NICE_WORK_NO_PLAN = "💪 Nice work! Want reminders for your next sessions? /plan sets them up."


class DoneTold:
    """The reader of sessions reported done in words, for any number of users."""

    def __init__(self, store: SchedulerStore, dialogues: Dialogues, words: UnderstandingWords,
                 clock: Callable[[], datetime], requested: Callable[[str], str | None], check_in: str,
                 typed_for: Callable[[], datetime], says_more: Callable[[str], bool]) -> None:
        self.store, self.dialogues, self.words, self.clock = store, dialogues, words, clock
        self.requested = requested  # another request the words plainly make ("i did the safety check")
        self.check_in = check_in  # the check-in dialogue's name: an open one reads the report itself
        self.since = typed_for  # how far back a reminded session still takes a report
        self.says_more = says_more  # a health concern, or a question the knowledge base answers, told with the report

    def on_text(self, user_id: int, text: str) -> list[Reply] | None:
        """The report recorded (or met with a nice-work line); None for any other message."""
        if "?" in text or not REPORTED.search(text.lower()) or asks_history(text) or self.dialogues.current(user_id) is not None \
                or self.dialogues.current(user_id, self.check_in) is not None:
            return None
        if self.words.asks(text) or self.words.checkin(text) != "done" or self.requested(text) is not None \
                or self.says_more(text):  # "did 3 sets today and i only feel it in my hamstrings": that is answered
            return None
        reminded = self.store.latest_reminded(user_id, self.since())
        if reminded is not None:
            self.store.set_status(reminded.id, "done", self.clock())
            zone = self.store.load_profile(user_id).zone or "UTC"
            return [Reply(DONE_TOLD.format(when=t.format_when(reminded.at, zone)))]
        return [Reply(NICE_WORK if self.store.count_plans(user_id) else NICE_WORK_NO_PLAN)]
