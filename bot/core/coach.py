"""The conversation core: takes one inbound message for a user and returns the replies."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime

from sqlite_utils import Database

from bot.core.callbacks import Tap, parse_tap
from bot.core.commands import COMMAND_NAME, Commands
from bot.core.dialogue import ENTRY, STALE, Dialogues
from bot.core.messages import Button, Inbound, InboundKind, Reply
from bot.features.planning.dialog import PlanningDialog
from bot.features.planning.draft import DIALOGUE as PLANNING
from bot.features.planning.gate import Gate
from bot.features.planning.sessions import SESSIONS, SETTINGS, Sessions
from bot.features.privacy import records as privacy
from bot.features.privacy.dialog import ForgetDialog
from bot.features.qa import texts
from bot.features.qa.answerer import EMERGENCY_REPLY, HEARD_MARGIN, TOPICS_BUTTON, Answerer
from bot.features.qa.smalltalk import small_talk_reply
from bot.features.reminders.checkin import DIALOGUE as CHECK_IN
from bot.features.reminders.checkin import Reminders
from bot.features.screening.flow import START as SCREENING_START
from bot.features.screening.flow import ScreeningFlow
from bot.features.screening.questions import Status
from bot.features.screening.store import ScreeningStore
from bot.features.voice.notes import DIDNT_CATCH, format_voice_setting, mark_spoken, voice_reply, with_heard
from bot.features.words import UnderstandingWords
from bot.storage.dialogues import DialogueStore
from bot.storage.transaction import StorageFull
from bot.storage.users import Store
from knowledge.intents import Intent
from knowledge.safety import Safety
from knowledge.understanding import Understanding
from scheduler.dispatcher import Deliver, Dispatcher, Due
from scheduler.parsing import mentions_time
from scheduler.planner import Planner
from scheduler.store import SchedulerStore

log = logging.getLogger(__name__)

Clock = Callable[[], datetime]
# What a request in words runs: the command of the same name (PLAN keeps the words, see _request).
REQUESTS = {Intent.PLAN: "plan", Intent.SESSIONS: "sessions", Intent.SETTINGS: "settings", Intent.TIMEZONE: "timezone",
            Intent.SCREEN: "screen", Intent.HELP: "help", Intent.MY_DATA: "mydata", Intent.FORGET: "forget"}
INTERRUPTIONS = {Intent.SESSIONS, Intent.SETTINGS, Intent.SCREEN, Intent.HELP, Intent.MY_DATA, Intent.FORGET}
STARTS_DIALOGUE = {Intent.PLAN, Intent.TIMEZONE, Intent.SCREEN, Intent.FORGET}
DOCTOR_FIRST_REPLY = Reply(texts.DOCTOR_FIRST, safety="doctor")
DISK_FULL = Reply("Sorry, I can't save anything right now: the server's disk is full. Everything "
                  "you stored before is safe. Please try again later.")
EXPIRED_BUTTON = Reply(STALE.text, buttons=((TOPICS_BUTTON,),))
NOTHING_TO_CANCEL = Reply("There's nothing to cancel: we weren't in the middle of anything. /help lists what I can do.")


def utc_now() -> datetime:
    """The real clock."""
    return datetime.now(UTC)


def _plain(handler: Callable[[int], list[Reply]]) -> Callable[[int, str], list[Reply]]:
    """A command that takes no argument."""
    return lambda user_id, _argument: handler(user_id)


class Coach:
    """Transport-free dialogue: commands, knowledge questions, the safety check and buttons."""

    def __init__(self, understanding: Understanding, db: Database, clock: Clock = utc_now) -> None:
        self.kb = understanding.kb
        self.clock = clock
        self.store = Store(db)
        self.words = UnderstandingWords(understanding)
        self.answers = Answerer(understanding, self.store, clock)
        self.dialogues = Dialogues(DialogueStore(db), clock)
        self.screening = ScreeningFlow(ScreeningStore(db), clock, answer=self.words.answer)
        self.plans = SchedulerStore(db)
        self.planner = Planner(self.plans, clock)
        self.planning = PlanningDialog(self.dialogues, self.plans, self.planner, Gate(self.screening), self.words, clock)
        self.sessions = Sessions(self.plans, self.planner, clock)
        self.forgetting = ForgetDialog(self.dialogues, self.erase, self.words.answer)
        self.reminders = Reminders(self.kb, self.plans, self.screening, clock)
        for dialogue in (self.screening, self.planning, self.forgetting):
            self.dialogues.register(dialogue)
        self.commands = self._commands()

    def _commands(self) -> Commands:
        """The one command registry, in the order /help lists it."""
        commands = Commands()
        for name, summary, run in (
            ("start", "What I can do", _plain(self._start)),
            ("help", "Commands and tips", _plain(self._help)),
            ("topics", "Browse everything I know", lambda _user, _arg: [self.answers.topics()]),
            ("screen", "Pre-exercise safety check", _plain(self.screening.start)),
            ("plan", "Plan training sessions (or edit a plan)", self._plan),
            ("sessions", "Your sessions this week", _plain(self.sessions.sessions)),
            ("settings", "Reminder timing and goal", _plain(self.sessions.settings)),
            ("timezone", "Change your time zone", _plain(self.planning.ask_zone)),
            ("voice", "Voice replies on or off", lambda user, arg: [self._voice_setting(user, arg)]),
            ("mydata", "What I store about you", _plain(self._mydata)),
            ("forget", "Erase everything about you", _plain(self.forgetting.start)),
            ("cancel", "Leave what we're doing", _plain(self._cancel)),
        ):
            commands.add(name, summary, run)
        commands.add("retake", "Retake the safety check", _plain(self.screening.retake), listed=False)
        commands.add("reviewed", "A professional reviewed my result", _plain(self.screening.reviewed), listed=False)
        return commands

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
        """Route /command [argument] (ignoring a @botname suffix) through the registry."""
        word, _, argument = text[1:].partition(" ")
        name = word.split("@")[0].lower()
        command = self.commands.get(name)
        if command is None or not command.listed:  # echo only what could be a command name: never a whole long message
            shown = f"the command /{name}" if COMMAND_NAME.fullmatch(name) else "that command"
            return [Reply(f"I don't know {shown}. " + texts.format_help(self.commands.format_list()))]
        return command.run(user_id, argument.strip())

    def _plan(self, user_id: int, argument: str) -> list[Reply]:
        """/plan [when]: the plans the user has, then planning; or where an unfinished safety check stands."""
        listing = None if argument else self.sessions.plan_list(user_id)
        replies = self.planning.start(user_id, argument)
        if self.screening.status(user_id) is Status.IN_PROGRESS:
            pending = self.screening.current(user_id)
            return replies + [pending] if pending else replies
        return [listing, *replies] if listing and self.dialogues.current(user_id, PLANNING) else replies

    def _cancel(self, user_id: int) -> list[Reply]:
        """/cancel, "cancel" or "stop": leave whatever dialogue the user is in."""
        state = self.dialogues.current(user_id)
        if state is None:
            return [NOTHING_TO_CANCEL]
        return self.dialogues.cancel(user_id)

    def _start(self, user_id: int) -> list[Reply]:
        """Welcome: what the bot can do and the commands, offering the safety check to whoever has
        not taken it and planning to whoever may plan."""
        row: tuple[Button, ...] = (TOPICS_BUTTON,)
        status = self.screening.status(user_id)
        if status in (Status.NOT_SCREENED, Status.EXPIRED):
            row = (SCREENING_START, TOPICS_BUTTON)
        return [Reply(texts.format_welcome(self.commands.format_list(), status.allows_planning), buttons=(row,))]

    def _help(self, user_id: int) -> list[Reply]:
        """The command list."""
        return [Reply(texts.format_help(self.commands.format_list()), buttons=((TOPICS_BUTTON,),))]

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
            pending = self.dialogues.pending(user_id)
            return [EMERGENCY_REPLY, pending] if pending else [EMERGENCY_REPLY]
        replies = self._understood(user_id, text, heard)
        if level is Safety.DOCTOR and not any(r.safety for r in replies):
            return [DOCTOR_FIRST_REPLY, *replies]
        return replies

    def _understood(self, user_id: int, text: str, heard: bool) -> list[Reply]:
        """A way out, an answer to the dialogue the user is in, a request in any words, small talk,
        or a knowledge question (after which the dialogue's pending step is asked again)."""
        intent = self.words.intent(text)
        if intent is not None and self.answers.is_question_about_us(text):
            intent = None  # "how do I stop at the end of a set?" asks; it does not cancel
        state = self.dialogues.current(user_id)
        if intent is Intent.CANCEL and not (state and self._carries_an_answer(text)):
            return self._cancel(user_id)
        if state and (state.dialogue != PLANNING or self._about_planning(text, intent)):
            answered = self.dialogues.on_text(user_id, text)
            if answered is not None:
                return answered
        if intent in REQUESTS:
            return self._request(user_id, intent, text)
        if not text:
            replies = [Reply(texts.format_empty(), buttons=((TOPICS_BUTTON,),))]
        else:
            chat = small_talk_reply(intent) if not self.answers.knows(text) else None
            replies = [Reply(chat) if chat else self.answers.answer(user_id, text, heard)]
        pending = self.dialogues.pending(user_id)
        return replies + [pending] if pending else replies

    def _request(self, user_id: int, intent: Intent, text: str) -> list[Reply]:
        """A request in words: what its command does (planning keeps the schedule said with it);
        one that starts no dialogue asks the pending step again."""
        if intent is Intent.PLAN:
            return self.planning.start(user_id, text)
        replies = self.commands.get(REQUESTS[intent]).run(user_id, "")  # type: ignore[union-attr]
        pending = None if intent in STARTS_DIALOGUE else self.dialogues.pending(user_id)
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
        if len(readings) == 1 or self.dialogues.current(user_id) is not None:
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

    def _carries_an_answer(self, text: str) -> bool:
        """Whether a message that reads as "cancel" still answers the step ("no, make it 8pm")."""
        return bool(mentions_time(text)) or self.words.answer(text) is not None

    def _about_planning(self, text: str, intent: Intent | None) -> bool:
        """While planning, a message is a planning answer unless it is clearly a knowledge question
        (a yes or no, a day or time always counts as an answer, and a goal unless asked as a question:
        "strength" answers, "how many reps for endurance?" asks)."""
        if mentions_time(text) or self.words.answer(text) is not None:
            return True
        if intent in INTERRUPTIONS and self.words.goal(text) is None:  # "show my sessions", "help" while planning
            return False
        if not self.answers.knows(text):
            return True
        return self.words.goal(text) is not None and not self.answers.is_question(text)

    def _button(self, user_id: int, data: str) -> list[Reply]:
        """A pressed button: a dialogue's (checked against the user's run and step), one that
        starts something, a reminder check-in, or a knowledge link; anything else gets STALE."""
        tap = parse_tap(data)
        if tap is None:
            reply = self.answers.on_button(user_id, data)
            return [reply] if reply else [EXPIRED_BUTTON]
        if tap.nonce == ENTRY:
            return self._entry(user_id, tap)
        if tap.dialogue == CHECK_IN:
            return self.reminders.on_tap(user_id, tap)
        return self.dialogues.on_tap(user_id, tap) if self.dialogues.handles(tap) else [EXPIRED_BUTTON]

    def _entry(self, user_id: int, tap: Tap) -> list[Reply]:
        """A button that starts something: a command, a session or settings change, a plan edit."""
        if tap.dialogue == "cmd" and (command := self.commands.get(tap.action)) and not tap.arg:
            return command.run(user_id, "")
        handler = {SESSIONS: self.sessions.on_sessions_tap, SETTINGS: self.sessions.on_settings_tap,
                   PLANNING: self.planning.on_entry}.get(tap.dialogue)
        return handler(user_id, tap) if handler else [EXPIRED_BUTTON]

    def erase(self, user_id: int) -> None:
        """Erase everything stored about a user."""
        privacy.forget_user(self.store.db, user_id)
