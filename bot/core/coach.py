"""The conversation core: takes one inbound message for a user and returns the replies."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from datetime import UTC, datetime

from sqlite_utils import Database

from bot.features.privacy import records as privacy
from bot.features.qa import texts
from bot.features.qa.answerer import EMERGENCY_REPLY, HEARD_MARGIN, TOPICS_BUTTON, Answerer
from bot.core.callbacks import parse_callback
from bot.core.messages import Inbound, InboundKind, Reply
from bot.features.planning.dialog import PlanningDialog, is_cancel
from bot.features.reminders.checkin import Reminders
from bot.features.screening.flow import PREFIX as SCREENING_PREFIX
from bot.features.screening.flow import START as SCREENING_START
from bot.features.screening.flow import ScreeningFlow
from bot.features.screening.questions import Status
from bot.features.screening.store import ScreeningStore
from bot.features.qa.smalltalk import small_talk_reply
from bot.storage.transaction import StorageFull
from bot.storage.users import Store
from bot.features.voice.notes import DIDNT_CATCH, format_voice_setting, mark_spoken, voice_reply, with_heard
from knowledge.safety import Safety
from knowledge.understanding import Understanding
from scheduler.dispatcher import Deliver, Dispatcher, Due
from scheduler.parsing import mentions_time
from scheduler.planner import Planner
from scheduler.store import SchedulerStore

log = logging.getLogger(__name__)

Clock = Callable[[], datetime]
Command = Callable[[int, str], list[Reply]]  # (user id, text after the command) -> replies
PLAN_REQUEST = re.compile(r"^\s*(?:plan|schedule|remind me(?: to train)?)\b[\s:,-]*(.*)$", re.IGNORECASE | re.DOTALL)
DOCTOR_FIRST_REPLY = Reply(texts.DOCTOR_FIRST, safety="doctor")
DISK_FULL = Reply("Sorry, I can't save anything right now: the server's disk is full. Everything "
                  "you stored before is safe. Please try again later.")
COMMAND_NAME = re.compile(r"[a-z0-9_]{1,32}")  # what Telegram allows as a bot command
EXPIRED_BUTTON = Reply("That button has expired. Ask me again, or tap Topics.", buttons=((TOPICS_BUTTON,),))


def utc_now() -> datetime:
    """The real clock."""
    return datetime.now(UTC)


def _plain(handler: Callable[[int], list[Reply]]) -> Command:
    """A command that takes no argument."""
    return lambda user_id, _argument: handler(user_id)


class Coach:
    """Transport-free dialogue: commands, knowledge questions, the safety check and buttons."""

    def __init__(self, understanding: Understanding, db: Database, clock: Clock = utc_now) -> None:
        self.kb = understanding.kb
        self.clock = clock
        self.store = Store(db)
        self.answers = Answerer(understanding, self.store, clock)
        self.screening = ScreeningFlow(ScreeningStore(db), clock)
        self.plans = SchedulerStore(db)
        self.planner = Planner(self.plans, clock)
        self.planning = PlanningDialog(self.plans, self.planner, self.screening, clock)
        self.reminders = Reminders(self.kb, self.plans, self.screening, clock)
        self._commands: dict[str, Command] = {
            "start": _plain(self._start), "help": _plain(self._help),
            "topics": lambda _user, _arg: [self.answers.topics()], "screen": _plain(self.screening.start),
            "mydata": _plain(self._mydata), "forget": lambda _user, _arg: [privacy.forget_prompt()],
            "plan": self._plan, "sessions": _plain(self.planning.sessions),
            "settings": _plain(self.planning.settings), "timezone": _plain(self.planning.ask_zone),
            "voice": lambda user, arg: [self._voice_setting(user, arg)],
        }

    def first_delivery(self, update_id: int) -> bool:
        """True the first time a transport delivers this update id (and when it cannot be recorded
        on a full disk: then the message gets DISK_FULL rather than silence)."""
        try:
            return self.store.claim_update(update_id, self.clock())
        except StorageFull:
            return True

    def handle(self, msg: Inbound) -> list[Reply]:
        """Answer one message; with /voice on, answers are marked to be read aloud too. On a full
        disk the change is rolled back and the user gets one clear message."""
        try:
            self.store.touch_user(msg.user_id, self.clock())
            replies = self._route(msg)
        except StorageFull as exc:
            log.warning("%s: a change was not saved (earlier data is intact)", exc)
            return [DISK_FULL]
        return mark_spoken(replies, msg.kind is InboundKind.VOICE) if self.wants_voice(msg.user_id) else replies

    def _route(self, msg: Inbound) -> list[Reply]:
        """The replies to one message, by kind."""
        if msg.kind is InboundKind.BUTTON:
            return self._button(msg.user_id, msg.text)
        if msg.kind is InboundKind.LOCATION:
            return self._location(msg.user_id, msg.text)
        if msg.kind is InboundKind.VOICE:
            return self._voice(msg.user_id, self.heard(msg))
        if msg.kind is InboundKind.UNSUPPORTED:
            return [Reply(texts.format_unsupported(msg.text or "message"), buttons=((TOPICS_BUTTON,),))]
        text = msg.text.strip()
        if text.startswith("/"):
            return self._command(msg.user_id, text)
        return self._text(msg.user_id, text)

    def _command(self, user_id: int, text: str) -> list[Reply]:
        """Route /command [argument] (ignoring a @botname suffix)."""
        word, _, argument = text[1:].partition(" ")
        name = word.split("@")[0].lower()
        handler = self._commands.get(name)
        if handler is None:  # echo only what could be a command name: never a whole long message
            shown = f"the command /{name}" if COMMAND_NAME.fullmatch(name) else "that command"
            return [Reply(f"I don't know {shown}. " + texts.format_help())]
        return handler(user_id, argument.strip())

    def _plan(self, user_id: int, argument: str) -> list[Reply]:
        """/plan [when]: planning, or where an unfinished safety check stands."""
        replies = self.planning.start(user_id, argument)
        pending = self.screening.current(user_id)
        return replies + [pending] if pending else replies

    def _start(self, user_id: int) -> list[Reply]:
        """Welcome: what the bot can do, offering the safety check to whoever has not taken it."""
        row = (TOPICS_BUTTON,)
        if self.screening.status(user_id) in (Status.NOT_SCREENED, Status.EXPIRED):
            row = (SCREENING_START, TOPICS_BUTTON)
        return [Reply(texts.format_welcome(), buttons=(row,))]

    def _help(self, user_id: int) -> list[Reply]:
        """The command list."""
        return [Reply(texts.format_help(), buttons=((TOPICS_BUTTON,),))]

    def _mydata(self, user_id: int) -> list[Reply]:
        """What is stored about the user."""
        first_seen = self.store.load_first_seen(user_id)
        profile = self.plans.load_profile(user_id)
        planning = privacy.format_planning(profile.zone, profile.goal, profile.lead_minutes, self.plans.count_plans(user_id))
        return [Reply(privacy.format_mydata(first_seen, self.screening.describe(user_id), planning,
                                            self.store.count_misses(user_id),
                                            format_voice_setting(self.wants_voice(user_id))))]

    def compose_reminder(self, due: Due) -> Reply:
        """The message for a due reminder."""
        return self.reminders.compose(due)

    def reminder_dispatcher(self, deliver: Deliver) -> Dispatcher:
        """Reminder delivery over this core's plans, sending through a transport's `deliver`."""
        return Dispatcher(self.plans, self.planner, deliver, self.clock)

    def _location(self, user_id: int, text: str) -> list[Reply]:
        """A shared location sets the time zone."""
        try:
            latitude, longitude = (float(part) for part in text.split(","))
        except ValueError:
            return [Reply("I couldn't read that location. Type your city instead.")]
        return self.planning.on_location(user_id, latitude, longitude)

    def _text(self, user_id: int, text: str, heard: bool = False) -> list[Reply]:
        """Free text, typed or `heard` in a voice note. The safety detector reads it first, in any
        dialogue: an acute red flag stops everything with emergency advice, and a health concern a
        dialogue takes as its answer still gets the doctor-first line."""
        level = self.answers.safety(text)
        if level is Safety.EMERGENCY:
            pending = self.screening.current(user_id) or self.planning.current(user_id)
            return [EMERGENCY_REPLY, pending] if pending else [EMERGENCY_REPLY]
        replies = self._understood(user_id, text, heard)
        if level is Safety.DOCTOR and not any(r.safety for r in replies):
            return [DOCTOR_FIRST_REPLY, *replies]
        return replies

    def _understood(self, user_id: int, text: str, heard: bool) -> list[Reply]:
        """A safety-check answer, a planning answer, small talk, or a knowledge question (after
        which an unfinished safety check or plan asks its question again)."""
        typed = self.screening.on_typed(user_id, text)
        if typed:
            return typed
        if self.planning.waiting_for_text(user_id) and self._about_planning(text):
            return self.planning.on_text(user_id, text)
        request = PLAN_REQUEST.match(text)
        if request and (not request.group(1).strip() or mentions_time(request.group(1))):
            return self.planning.start(user_id, request.group(1))
        if not text:
            replies = [Reply(texts.format_empty(), buttons=((TOPICS_BUTTON,),))]
        else:
            replies = [Reply(chat) if (chat := small_talk_reply(text)) else self.answers.answer(user_id, text, heard)]
        pending = self.screening.current(user_id) or self.planning.current(user_id)
        return replies + [pending] if pending else replies

    def _voice(self, user_id: int, transcript: str) -> list[Reply]:
        """A voice note: answered like the same words typed (a knowledge answer needs a clearer
        match), saying what was heard first."""
        if not transcript:
            return [DIDNT_CATCH]
        return with_heard(transcript, self._text(user_id, transcript, heard=True))

    def heard(self, msg: Inbound) -> str:
        """The transcript a voice note would be answered with (and shown as heard), "" for none."""
        if not msg.text.strip():  # the recognizer heard no words it trusts
            return ""
        readings = [text.strip() for text in (msg.text, *msg.alternatives) if text.strip()]
        return self._better_heard(msg.user_id, readings)

    def _better_heard(self, user_id: int, readings: list[str]) -> str:
        """Of a note's readings (best first), the one to answer and show: the first the safety
        detector fires on, so a concern heard in any of them gets the doctor-first line; else,
        while the safety check or planning waits for an answer, the best, so a "no" is never
        turned into a question; else the one that fits a knowledge question clearly best (by more
        than the heard margin; otherwise the likeliest reading)."""
        levels = [self.answers.safety(text) for text in readings]
        if max(levels) is not Safety.NONE:  # the most urgent concern heard in any reading
            return readings[levels.index(max(levels))]
        if len(readings) == 1 or self.screening.waiting_for_answer(user_id) or self.planning.waiting_for_text(user_id):
            return readings[0]
        fits = [self.answers.heard_fit(text) for text in readings]
        best = fits.index(max(fits))  # another reading only when it fits clearly better than the likeliest
        return readings[best] if fits[best] > fits[0] + HEARD_MARGIN else readings[0]

    def _voice_setting(self, user_id: int, argument: str) -> Reply:
        """/voice on|off: whether answers also come back read aloud as a voice note."""
        change, reply = voice_reply(argument, self.wants_voice(user_id))
        if change is not None:
            self.store.save_voice_replies(user_id, change)
        return reply

    def wants_voice(self, user_id: int) -> bool:
        """Whether the user asked for answers read aloud."""
        return self.store.load_voice_replies(user_id)

    def _about_planning(self, text: str) -> bool:
        """While planning, a message is a planning answer unless it is clearly a knowledge question."""
        return is_cancel(text) or mentions_time(text) or not self.answers.knows(text)

    def _button(self, user_id: int, data: str) -> list[Reply]:
        """A pressed button; unknown, forged or garbled data gets a short notice."""
        if parse_callback(data) is None:
            return [EXPIRED_BUTTON]
        if data.startswith(f"{SCREENING_PREFIX}:"):
            return self.screening.on_button(user_id, data)
        if data == privacy.FORGET_YES.data:
            self.erase(user_id)
            return [privacy.FORGOTTEN]
        if data == privacy.FORGET_NO.data:
            return [privacy.KEPT]
        if data.startswith("rem:"):
            return self.reminders.on_button(user_id, data)
        planned = self.planning.on_button(user_id, data)
        if planned is not None:
            return planned
        reply = self.answers.on_button(data)
        return [reply] if reply else [EXPIRED_BUTTON]

    def erase(self, user_id: int) -> None:
        """Erase everything stored about a user."""
        privacy.forget_user(self.store.db, user_id)
