"""The conversation core: takes one inbound message for a user and returns the replies.

It routes through the registries features fill in (see bot/core/kit.py): commands, dialogues,
entry buttons, requests in words, handlers per kind of message, and the knowledge answers as the
fallback. It knows no feature by name.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime

from bot.core.about import ABOUT_ME, asks_what_bot_does, asks_where_to_begin, asks_who_bot_is
from bot.core.callbacks import Tap, parse_tap
from bot.core.commands import COMMAND_NAME, Commands
from bot.core.dialogue import ENTRY, STALE
from bot.core.kit import Answers, Clock, Kit, Request, T
from bot.core.limits import LIMITS, STEPS, Limit, asked_limit, without_media
from bot.core.messages import Button, Inbound, InboundKind, Reply
from bot.core.offered import offered_entry
from bot.core.texts import (
    BUSY,
    DISK_FULL,
    NOTHING_TO_CANCEL,
    PAUSED,
    TOPICS_BUTTON,
    WELCOME_BACK,
    format_empty,
    format_help,
    format_unsupported,
    format_welcome,
)
from bot.core.words import PLAIN_REQUEST, SURE_INTENT
from bot.storage.backend import SqlDatabase
from bot.storage.transaction import StorageFull
from knowledge.intents import Intent
from knowledge.safety import Safety
from knowledge.understanding import Understanding
from scheduler.dispatcher import Deliver, Dispatcher, Due
from scheduler.parsing import mentions_time

log = logging.getLogger(__name__)

Install = Callable[[Kit], None]  # a feature: declares what it brings (see bot/core/kit.py)
EXPIRED_BUTTON = Reply(STALE.text, buttons=((TOPICS_BUTTON,),))


def utc_now() -> datetime:
    """The real clock."""
    return datetime.now(UTC)


class Coach:
    """Transport-free conversation: routes each message to a command, a dialogue, a feature's
    handler or the knowledge answers."""

    def __init__(self, understanding: Understanding, db: SqlDatabase, clock: Clock = utc_now) -> None:
        self.kit = Kit(understanding, db, clock)
        self.kit.route_text = self._text
        self.kb, self.clock, self.store = understanding.kb, clock, self.kit.users
        self.dialogues, self.commands = self.kit.dialogues, self.kit.commands
        self.plans, self.planner = self.kit.plans, self.kit.planner
        self._core_commands(self.commands)
        self.kit.request(Intent.HELP, lambda user_id, _text: self._help(user_id), interrupts=True)
        self.kit.readers.append(self._about_bot)
        self.kit.readers.append(self._cannot)
        self.kit.readers.append(self._takes_offer)

    def add(self, install: Install) -> None:
        """Register a feature: one line per feature in the composition root."""
        install(self.kit)

    def need(self, kind: type[T]) -> T:
        """A service a registered feature provided (for adapters and tests)."""
        return self.kit.need(kind)

    @property
    def answers(self) -> Answers:
        """The knowledge answers every unclaimed message falls back to."""
        if self.kit.answers is None:
            raise LookupError("no feature provides the knowledge answers")
        return self.kit.answers

    def _core_commands(self, commands: Commands) -> None:
        """The commands of the core itself: /start, /help and /cancel (listed last)."""
        commands.add("start", "What I can do", lambda user_id, _arg: self._start(user_id))
        commands.add("help", "Commands and tips", lambda user_id, _arg: self._help(user_id))
        commands.add("cancel", "Leave what we're doing", lambda user_id, _arg: self._cancel(user_id), last=True)

    def first_delivery(self, update_id: int) -> bool:
        """True the first time a transport delivers this update id (and when it cannot be recorded
        on a full disk: then the message gets DISK_FULL rather than silence)."""
        try:
            return self.store.claim_update(update_id, self.clock())
        except StorageFull:
            return True

    def handle(self, msg: Inbound) -> list[Reply]:
        """Answer one message, passing the replies through the features' outgoing steps (voice
        replies). On a full disk the change is rolled back and the user gets one clear message."""
        try:
            if not self._leaves_no_trace(msg):
                self.store.touch_user(msg.user_id, self.clock())
            replies = self._route(msg)
            for step in self.kit.outgoing:
                replies = step(msg, replies)
            self.store.save_offered(msg.user_id, offered_entry(replies, self.kit.offers), self.clock())  # a typed yes takes it next
        except StorageFull as exc:
            log.warning("%s: a change was not saved (earlier data is intact)", exc)
            return [DISK_FULL]
        return replies

    def _leaves_no_trace(self, msg: Inbound) -> bool:
        """Whether a message is a look at what is stored (/mydata) by a user the bot has no record of (right after
        /forget): it must not make the record it reports on."""
        name = msg.text.strip()[1:].partition(" ")[0].split("@")[0].lower() if msg.text.startswith("/") else ""
        return msg.kind is InboundKind.TEXT and name in self.kit.traceless and self.store.load_first_seen(msg.user_id) is None

    def _route(self, msg: Inbound) -> list[Reply]:
        """The replies to one message, by kind."""
        if msg.kind is InboundKind.BUTTON:
            return self._button(msg.user_id, msg.text)
        handler = self.kit.inbound.get(msg.kind)
        if handler is not None:
            return handler(msg)
        if msg.kind is not InboundKind.TEXT:
            return [Reply(format_unsupported(msg.text or "message"), buttons=((TOPICS_BUTTON,),))]
        text = msg.text.strip()
        if text.startswith("/") and any(ch.isalnum() for ch in text[1:].partition(" ")[0]):
            return self._command(msg.user_id, text)
        text = text.lstrip("/ ") if text.startswith("/") else text  # "/// what muscles": slashes, then a message
        return self._text(msg.user_id, text)

    def asked(self, user_id: int) -> str:
        """What the bot has just asked the user, as the recognizer's context for their next voice note ("" for none)."""
        return self.dialogues.asked(user_id)

    def heard(self, msg: Inbound) -> str:
        """The transcript a voice note is answered with (and shown as heard), "" for none."""
        return self.kit.heard(msg)

    def _command(self, user_id: int, text: str) -> list[Reply]:
        """Route /command [argument] (ignoring a @botname suffix) through the registry."""
        word, _, argument = text[1:].partition(" ")
        name = word.split("@")[0].lower()
        command = self.commands.get(name)
        if command is None or not command.listed:  # echo only what could be a command name: never a whole long message
            shown = f"the command /{name}" if COMMAND_NAME.fullmatch(name) else "that command"
            return self._with_pending(user_id, [Reply(f"I don't know {shown}. " + format_help(self.commands.format_list()))])
        return self._detour(user_id, lambda: command.run(user_id, argument.strip()), screens=True)

    def _detour(self, user_id: int, run: Callable[[], list[Reply]], screens: bool = False) -> list[Reply]:
        """What `run` replies, then the pending step asked again if it left the user's dialogue
        where it was (a look at /help, /sessions, /mydata...), with `screens` the screen open on top if it left that
        too (a command: /help at /settings or at /forget's question); not after it started, moved or ended one."""
        before = self.dialogues.position(user_id), self.dialogues.screens_at(user_id) if screens else ()
        replies = run()
        after = self.dialogues.position(user_id), self.dialogues.screens_at(user_id) if screens else ()
        if after[0] != before[0]:
            return replies
        return self._with_pending(user_id, replies, screens=screens and after[1] == before[1])  # /help at /settings

    def _cancel(self, user_id: int) -> list[Reply]:
        """/cancel, "cancel" or "stop": leave the screen open on top, else the dialogue the user is
        in (and ask what is under it again)."""
        replies = self.dialogues.cancel(user_id)
        return self._with_pending(user_id, replies) if replies else [NOTHING_TO_CANCEL]

    def _start(self, user_id: int) -> list[Reply]:
        """Welcome: what the bot can do, the next steps the features suggest, and the commands."""
        notes = [note for make in self.kit.notes if (note := make(user_id)) is not None]
        row: tuple[Button, ...] = (*(b for note in notes for b in note.buttons), TOPICS_BUTTON)
        return [Reply(format_welcome(self.commands.format_list(), [n.text for n in notes]), buttons=(row,))]

    def _about_bot(self, user_id: int, text: str) -> list[Reply] | None:
        """A question about the bot itself: what it does (the welcome) or who it is; None for any other message."""
        if asks_who_bot_is(text):
            return [ABOUT_ME]
        begins = asks_where_to_begin(text) and not self.answers.is_question_about_us(text)  # not "how many sets to start"
        return self._start(user_id) if asks_what_bot_does(text) or begins else None

    def _cannot(self, user_id: int, text: str) -> list[Reply] | None:
        """A request for what the bot cannot do ("can you track my weight", "send me a video of it"): said plainly, with
        what it does instead (for a video, the answer in words: the steps unless the words ask about a topic); None for
        any other message, and in a dialogue, whose step may take the words as its answer ("yes, i track my calories" at
        the safety check)."""
        limit = asked_limit(text) if self.dialogues.current(user_id) is None else None
        if limit is not Limit.VIDEO:
            return None if limit is None else [Reply(LIMITS[limit])]
        topic = without_media(text)
        answer = self.answers.answer(user_id, topic) if self.answers.knows(topic) else self.answers.on_button(user_id, STEPS)
        return [Reply(LIMITS[limit]), answer] if answer else [Reply(LIMITS[limit])]

    def _takes_offer(self, user_id: int, text: str) -> list[Reply] | None:
        """A plain yes with no dialogue open to the one button the last reply offered ("ok lets do it" after "please take
        the short safety check"): that button pressed (core/offered.py); None for anything else."""
        data = self.store.load_offered(user_id, self.clock())  # the cheap look first: most replies offer nothing
        if not data or self.kit.words.answer(text) != "yes" or self.kit.words.asks(text) or self.dialogues.current(user_id):
            return None
        return self._button(user_id, data)

    def _help(self, user_id: int) -> list[Reply]:
        """The command list."""
        return [Reply(format_help(self.commands.format_list()), buttons=((TOPICS_BUTTON,),))]

    def compose_reminder(self, due: Due) -> Reply:
        """The message for a due reminder, as the feature that owns reminders writes it."""
        if self.kit.reminder is None:
            raise LookupError("no feature composes reminders")
        return self.kit.reminder(due)

    def reminder_dispatcher(self, deliver: Deliver, user_id: int | None = None) -> Dispatcher:
        """Reminder delivery over this core's plans (only `user_id`'s when given), sending through
        a transport's `deliver`."""
        return Dispatcher(self.plans, self.planner, deliver, self.clock, user_id=user_id)

    def _text(self, user_id: int, text: str, heard: bool = False) -> list[Reply]:
        """Free text, typed or `heard` in a voice note. The safety detector reads it first, in any
        dialogue: an acute red flag stops everything with emergency advice (a dialogue that stops on
        one, the safety check, ends), and a health concern a dialogue takes as its answer still gets
        the doctor-first line. A dialogue may read some of its words as not told: a question about its
        step's own words ("what counts as bladder problems?" at the safety check) or a denial ("never fainted")."""
        level = self._level(user_id, text)
        if level is Safety.EMERGENCY:
            stopped = self.dialogues.on_emergency(user_id, text)
            return [self.answers.on_emergency(user_id), *stopped, *self._health_changed(user_id, level, text)]
        # another's condition ("i have no problem but my father has hernia") is no health change of the user's
        own = level is Safety.DOCTOR and not self.kit.words.of_someone_else(text)
        notes = self._health_changed(user_id, level, text) if own else []
        stopped = self.dialogues.on_health_change(user_id) if notes else []
        replies = stopped or self._understood(user_id, text, heard)  # a plan stopped for a new check takes nothing
        if level is Safety.DOCTOR and not any(r.safety for r in replies):
            replies = [self.answers.doctor_first, *replies]
        return [*replies, *notes]

    def _level(self, user_id: int, text: str) -> Safety:
        """The safety level of a message, read again on the words the user's dialogue reads as told, less those a
        feature reads as telling no concern (an order to erase the user's records; soreness right after a session done)."""
        level = self.answers.safety(text)
        told = self.dialogues.told(user_id, text) if level is not Safety.NONE else text
        for beside in self.kit.not_told if level is not Safety.NONE else ():
            told = beside(user_id, told)  # "purge my records": an order about stored data tells nothing of the body
        if told == text:
            return level
        return min(level, self.answers.safety(told)) if told.strip() else Safety.NONE

    def _health_changed(self, user_id: int, level: Safety, text: str) -> list[Reply]:
        """What the features say when the user tells a health concern (the safety check's result
        is marked for a redo, once)."""
        return [reply for changed in self.kit.health_changes for reply in changed(user_id, level, text)]

    def _understood(self, user_id: int, text: str, heard: bool) -> list[Reply]:
        """A way out, an answer to the dialogue the user is in, a request in any words, small talk,
        or a knowledge question (after which the dialogue's pending step is asked again)."""
        intent, odds = self.kit.words.intent_read(text)
        if intent is not None and self._asks_instead(user_id, text, intent, odds):
            intent = None  # "how do I stop at the end of a set?" asks; it does not cancel
        if intent is Intent.CANCEL and self.kit.words.asks(text):
            intent = None  # "so should i stop?" asks, in a dialogue or not; "stop", "can we stop?" leave
        before = self.dialogues.position(user_id)
        on_top = self.dialogues.on_top_text(user_id, text)  # /settings or a confirmation opened over a dialogue
        if on_top is not None:  # the step below is asked again, unless the screen began another ("change my zone")
            return self._with_pending(user_id, on_top) if self.dialogues.position(user_id) == before else on_top
        read = self._read_request(user_id, text)
        if read is not None:
            return read
        state = self.dialogues.current(user_id)
        paused = self._paused(user_id, text) if state and not self.dialogues.reads_exits(user_id) else None
        if paused is not None:
            return paused
        if intent is Intent.CANCEL and state and self.dialogues.reads_exits(user_id):
            intent = None  # the safety check tells "stop" from "should i stop if it hurts?" itself
        if intent is Intent.CANCEL and not state and self.answers.changes_goal(user_id, text):
            intent = None  # "nah scratch that i want bigger hammies": no dialogue to leave, a goal's programme asked
        if intent is Intent.CANCEL and not (state and self._carries_an_answer(text)):  # "skip" may answer a check-in
            return (None if state else self.dialogues.on_side_text(user_id, text)) or self._cancel(user_id)
        answered = self.dialogues.on_text(user_id, text, heard) if state else None
        if answered is None:  # a side dialogue's answer ("done" under a reminder)
            answered = self.dialogues.on_side_text(user_id, text)
        if answered is not None:
            return answered
        request = self.kit.requests.get(intent) if intent is not None else None
        if request is not None and state and request.starts_dialogue and not request.on_top:
            about = request.about(user_id, text) if request.about else None  # "what's the safety check for?"
            return self._with_pending(user_id, about or [BUSY])  # words never replace a dialogue: only commands and buttons
        if request is not None:
            return self._request(user_id, request, text)
        if not text:
            replies = [Reply(format_empty(), buttons=((TOPICS_BUTTON,),))]
        else:
            chat = self.answers.small_talk(user_id, intent, text)
            replies = [Reply(chat) if chat else self.answers.answer(user_id, text, heard)]
        return self._with_pending(user_id, replies, screens=True)

    def _paused(self, user_id: int, text: str) -> list[Reply] | None:
        """A message that only pauses ("brb") or says the user is back ("ok im back") at a dialogue's step: the step waits,
        nothing read from it (no step takes "brb" for a place or a time); None for anything else. A dialogue that reads
        its own exits (the safety check) reads its pauses too."""
        if self.kit.words.pauses(text):
            return [PAUSED]
        return self._with_pending(user_id, [WELCOME_BACK]) if self.kit.words.resumes(text) else None

    def _asks_instead(self, user_id: int, text: str, intent: Intent, odds: float) -> bool:
        """Whether a message read as a request is a question instead: one the knowledge base answers, unless the
        request reads plainly ("can we do the safety check?"; PLAIN_REQUEST), or one following up the last answer."""
        plain = odds >= PLAIN_REQUEST and intent in self.kit.requests  # small talk ("thanks, how many sets?") never is
        if not plain and self.answers.is_question_about_us(text):
            return True
        return self._follows_up(user_id, text, intent, odds >= SURE_INTENT)

    def _follows_up(self, user_id: int, text: str, intent: Intent, sure: bool) -> bool:
        """Whether a question read unsurely (not `sure`) as a request follows up the last answer instead ("for what"
        after what to hold on to is no call for help), as does one read as a call for help that points back at what
        was said or asks why or what for, however surely ("where do they start" after the hamstrings: help reads no
        "they"; "what for" reads 0.7 as help)."""
        unsure = not sure or (intent is Intent.HELP and (self.answers.points_back(text) or self.answers.asks_why(text)))
        return unsure and self.answers.is_question(text) and self.answers.follows_up(user_id, text)

    def _read_request(self, user_id: int, text: str) -> list[Reply] | None:
        """A request a feature reads itself, worded narrowly enough that no step's answer looks like
        it ("skip tomorrow"), then the pending step unless it started a dialogue; None for none."""
        before = self.dialogues.position(user_id)
        read = next((r for reader in self.kit.readers if (r := reader(user_id, text)) is not None), None)
        if read is None or self.dialogues.position(user_id) != before:
            return read
        return self._with_pending(user_id, read, screens=True)  # a confirmation open on top is never left silently

    def _request(self, user_id: int, request: Request, text: str) -> list[Reply]:
        """A request in words: what its feature runs; one that starts no dialogue asks the pending
        step again."""
        if request.starts_dialogue:
            return self._detour(user_id, lambda: request.run(user_id, text))
        return self._with_pending(user_id, request.run(user_id, text), screens=True)

    def _with_pending(self, user_id: int, replies: list[Reply], screens: bool = False) -> list[Reply]:
        """The replies, then the question of the dialogue the user is in, asked again (once); with
        `screens`, the question of a screen open on top of it instead (a question answered at /settings
        or at a confirmation leaves it open, so it is asked again)."""
        pending = (self.dialogues.screen_question(user_id) if screens else None) or self.dialogues.pending(user_id)
        return replies + [pending] if pending and pending not in replies else replies

    def _carries_an_answer(self, text: str) -> bool:
        """Whether a message that reads as "cancel" still answers the step ("no, make it 8pm")."""
        return bool(mentions_time(text)) or self.kit.words.answer(text) is not None

    def _button(self, user_id: int, data: str) -> list[Reply]:
        """A pressed button: a dialogue's (checked against the user's run and step), one that
        starts something, or a knowledge link; anything else gets STALE."""
        tap = parse_tap(data)
        if tap is None:
            reply = self.answers.on_button(user_id, data)
            return [reply] if reply else [EXPIRED_BUTTON]
        if tap.nonce == ENTRY:
            return self._detour(user_id, lambda: self._entry(user_id, tap))
        if not self.dialogues.handles(tap):
            return [EXPIRED_BUTTON]
        position = self.dialogues.position(user_id)
        if position is not None and position[0] == tap.dialogue:  # a step of the dialogue the user is in
            return self.dialogues.on_tap(user_id, tap)
        return self._detour(user_id, lambda: self.dialogues.on_tap(user_id, tap))

    def _entry(self, user_id: int, tap: Tap) -> list[Reply]:
        """A button that starts something: a command ("cmd"), or a feature's entry button."""
        if tap.dialogue == "cmd" and (command := self.commands.get(tap.action)) and not tap.arg:
            return command.run(user_id, "")
        handler = self.kit.entries.get(tap.dialogue)
        return handler(user_id, tap) if handler else [EXPIRED_BUTTON]
