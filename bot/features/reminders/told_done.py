"""A session reported done outside a check-in ("did my workout this morning", "just finished 4 sets of 12"): the latest
session reminded in the last TYPED_FOR and not answered is recorded as done; with none, the report gets a plain "nice
work" (with /sessions or /plan), never a plan request or "I'm not sure I can answer that" (tester s29 #23). A question,
another plain request ("i did the safety check") or a report beside an open check-in (which reads it) is none. A report made
before the reminder of today's next session came ("just finished" at 17:00 for an 18:00 session; tester s32) asks whether to
mark that session done: a yes records it (and its reminder does not come), a no records nothing."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime, timedelta

from bot.core.confirmation import Confirmation
from bot.core.dialogue import Dialogues
from bot.core.messages import Reply
from bot.core.words import UnderstandingWords
from bot.features.planning import texts as t
from bot.features.planning.own_history import asks_history
from bot.storage.dialogues import State
from scheduler.planner import Planner
from scheduler.rows import epoch, instant
from scheduler.store import Plan, SchedulerStore
from scheduler.timezones import zone_info

_DONE = r"(?:did|done|finished|completed|crushed|smashed|nailed|got through|knocked out)"
_WORK = r"(?:workout|work out|session|sets?|reps|hypers?|training|exercises?|them)"
REPORTED = re.compile(rf"\b{_DONE}\b(?:\W+\w+){{0,4}}?\W+{_WORK}\b|\b{_WORK}\s+(?:\w+\s+)?(?:done|finished|complete|completed)\b"
                      r"|^\W*(?:just\s+)?(?:did|done|finished)\s+it\b"
                      r"|^\W*(?:just\s+(?:finished|done|completed)|(?:all\s+)?finished)(?:\s+(?:now|already|early|today|lol|up))*\W*$")
REPORT_WORDS = 8  # a report is short ("did my workout this morning"); a longer message tells more, and is answered
DONE_TOLD = "💪 Nice work! I've recorded your {when} session as done."
NICE_WORK = "💪 Nice work! /sessions shows what's next."
NICE_WORK_NO_PLAN = "💪 Nice work! Want reminders for your next sessions? /plan sets them up."
EARLY = timedelta(hours=3)  # a report this long before today's next session (its reminder not come yet) may be that session
EARLY_DONE = "early_done"
ASK_EARLY = "💪 Nice work! Was that today's {when} session? Mark it done (its reminder won't come then)?"
NOT_MARKED = "Okay, nothing recorded: tap ✅ Done on its reminder when it comes."


class DoneTold:
    """The reader of sessions reported done in words, for any number of users."""

    def __init__(self, store: SchedulerStore, dialogues: Dialogues, words: UnderstandingWords,
                 clock: Callable[[], datetime], requested: Callable[[str], str | None], check_in: str,
                 typed_for: Callable[[], datetime], says_more: Callable[[str], bool], planner: Planner) -> None:
        self.store, self.dialogues, self.words, self.clock = store, dialogues, words, clock
        self.requested = requested  # another request the words plainly make ("i did the safety check")
        self.check_in = check_in  # the check-in dialogue's name: an open one reads the report itself
        self.since = typed_for  # how far back a reminded session still takes a report
        self.says_more = says_more  # a health concern, or a question the knowledge base answers, told with the report
        self.planner = planner
        self.early = Confirmation(EARLY_DONE, dialogues, words.answer, self._early_prompt, ("✅ Yes, mark it done", "No"),
                                  self._early_decided, words.asks)  # a session reported done before its reminder

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
        early = self._next_today(user_id)
        if early is not None:
            return self.early.start(user_id, {"plan": early.id, "at": epoch(early.next_at or self.clock())})
        return [Reply(NICE_WORK if self.store.count_plans(user_id) else NICE_WORK_NO_PLAN)]

    def _next_today(self, user_id: int) -> Plan | None:
        """The plan whose next session is today, at most EARLY from now and not reminded yet, if any (the earliest)."""
        now, zone = self.clock(), zone_info(self.store.load_profile(user_id).zone or "UTC")
        soon = [p for p in self.store.load_plans(user_id) if p.next_at and p.remind_at and p.remind_at > now
                and p.next_at - now <= EARLY and p.next_at.astimezone(zone).date() == now.astimezone(zone).date()]
        return min(soon, key=lambda p: p.next_at or now, default=None)

    def _early_prompt(self, state: State) -> str:
        """"Was that today's 18:00 session? Mark it done?"."""
        zone = self.store.load_profile(state.user_id).zone or "UTC"
        at = instant(int(state.data["at"]))
        return ASK_EARLY.format(when=t.format_clock(at, zone)) if at else t.STALE

    def _early_decided(self, state: State, yes: bool) -> Reply:
        """On a yes, today's session recorded as done and the plan moved on to its next (no reminder for it)."""
        plan, at = self.store.load_plan(int(state.data["plan"])), instant(int(state.data["at"]))
        if not yes:
            return Reply(NOT_MARKED, edit=True)
        if plan is None or at is None or not plan.active or plan.next_at != at:
            return Reply(t.STALE, edit=True)  # reminded, skipped or changed since
        following = self.planner.next_session(plan.schedule, plan.zone, at, self.store.cancelled_at(plan.id))
        remind = self.planner.reminder_time(following, self.store.load_profile(plan.user_id).lead_minutes)
        self.store.advance(plan, "done", False, following, remind)
        return Reply(DONE_TOLD.format(when=t.format_when(at, plan.zone)), edit=True)
