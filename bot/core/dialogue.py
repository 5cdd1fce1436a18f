"""The one dialogue mechanism (after aiogram's FSM and PTB's ConversationHandler).

A dialogue declares its steps as an Enum and implements `ask` (what the pending step asks),
`on_text` (a typed message at that step: the replies, or None when it is not an answer, so the
message is answered as a question and the step asked again) and `on_tap` (a pressed button). Its
state is one row of the dialogue table: user, dialogue, step, data as JSON, nonce. A user is in
one foreground dialogue at most; side dialogues (begun with side=True: the reminder check-in,
/settings, the /forget and plan-cancel confirmations, the time-zone screen opened over another
dialogue) live beside it, take typed messages the
foreground one does not, and are never asked again after a detour. A side dialogue registered as
`on_top` (a screen the user opened over the foreground one: /settings, a confirmation) reads typed
messages first while it is open, and the foreground's pending step is asked again once it closes
(a screen under the one answered, /settings under /forget's question, is shown again instead);
it closes when the user moves on in the foreground dialogue. Every button carries the nonce and the step; a button of another run or
another step, an ended dialogue or a forged one gets STALE and changes nothing.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import datetime
from enum import Enum
from typing import Any, Protocol, runtime_checkable

from bot.core.callbacks import Tap, format_tap
from bot.core.messages import Button, Reply
from bot.storage.dialogues import DialogueStore, State

STALE = Reply("That no longer applies, so nothing changed. /plan, /screen or /sessions shows where you are.")
CANCELLED = Reply("Okay, stopped.")
ENTRY = "-"  # the nonce and step of a button that starts something rather than answering a step


class Dialogue(Protocol):
    """What every dialogue declares."""

    name: str  # the short code its buttons start with

    def ask(self, state: State) -> Reply:
        """The pending step's question, to ask again after a detour."""

    def on_text(self, state: State, text: str) -> list[Reply] | None:
        """A typed message at the current step; None when it is not an answer to it."""

    def on_tap(self, state: State, tap: Tap) -> list[Reply]:
        """A pressed button of the current run and step."""

    def cancel(self, state: State) -> list[Reply]:
        """/cancel, "cancel" or "stop": end the dialogue and say what was kept or dropped."""


@runtime_checkable
class Reminds(Protocol):
    """A screen that, asked again after a question answered while it is open, says in one line that it
    is still open (its message with its buttons is just above) instead of showing itself again."""

    def remind(self, state: State) -> Reply:
        """The short line saying the screen is still open."""


@runtime_checkable
class StopsOnEmergency(Protocol):
    """A dialogue that must not carry on after an emergency is told mid-way (the safety check)."""

    def on_emergency(self, state: State, text: str) -> list[Reply]:
        """End the dialogue the way an emergency (told in `text`) calls for, and say so."""


@runtime_checkable
class ReadsAlarms(Protocol):
    """A dialogue that reads which words of a message are told at its step (the safety check): a question
    about its own words ("what counts as bladder problems?") or a denial ("never fainted") tells no alarm."""

    def told(self, state: State, text: str) -> str:
        """The words of `text` the safety detector reads as told ("" for none, `text` for all)."""


@runtime_checkable
class HearsAnswers(Protocol):
    """A dialogue that answers a spoken message (a voice note's words) otherwise than a typed one (the safety check:
    it says what it recorded, as the words heard may not be the words said)."""

    def on_heard(self, state: State, text: str) -> list[Reply] | None:
        """A spoken message at the current step; None when it is not an answer to it."""


@runtime_checkable
class Listens(Protocol):
    """A dialogue that helps hear a voice note answering its step (planning at "when"): it names what the step asked,
    for the recognizer to hear the note as an answer to it, and says how much of an answer a reading of the note
    holds, so the note is answered with the reading that answers most."""

    def asked(self, state: State) -> str:
        """What the current step asks, as the name of a recognizer context ("" for none it has)."""

    def answer_weight(self, state: State, text: str) -> int:
        """How much of an answer to the current step `text` holds (0: none)."""


@runtime_checkable
class NeedsCheck(Protocol):
    """A dialogue that is open only to users whose safety check allows it (planning): it stops
    when the user tells a health change."""

    needs_check: bool


@runtime_checkable
class ReadsExits(Protocol):
    """A dialogue that tells a request to leave from a question about leaving itself (the safety
    check: "stop" leaves, "should i stop if it hurts?" is answered): "stop" and "cancel" typed at its
    steps go to its `on_text`, not straight to `cancel`."""

    reads_exits: bool


class Requested(Protocol):
    """The request a message makes, of those that interrupt any step, read at `bar` or more surely, by its intent's value."""

    def __call__(self, text: str, bar: float = ...) -> str | None: ...


class Dialogues:
    """Runs every registered dialogue for any number of users; all state is in the store."""

    def __init__(self, store: DialogueStore, clock: Callable[[], datetime],
                 new_nonce: Callable[[], str] = lambda: secrets.token_hex(4),
                 requested: Requested = lambda _text, _bar=0.0: None,
                 keepable: Callable[[str], str] = lambda text: text) -> None:
        self.store = store
        self.clock = clock
        self.new_nonce = new_nonce
        # the request a message plainly makes, of those that interrupt any step ("delete all my data", "help"), by
        # its intent's value; None for none: a step's reader never takes such a message as its answer by a word in it
        self.requested = requested
        # what a dialogue may keep of words the user typed (a health concern told beside a schedule is left out)
        self.keepable = keepable
        self._registry: dict[str, Dialogue] = {}
        self._on_top: set[str] = set()

    def register(self, dialogue: Dialogue, on_top: bool = False) -> None:
        """Make a dialogue reachable by its buttons and typed answers (`on_top`: a side dialogue
        that reads typed messages before the foreground one while it is open)."""
        self._registry[dialogue.name] = dialogue
        if on_top:
            self._on_top.add(dialogue.name)

    def begin(self, user_id: int, dialogue: str, step: Enum, data: Mapping[str, Any] | None = None,
              side: bool = False) -> State:
        """Start a new run (a new nonce), replacing whatever foreground dialogue the user was in (or,
        `side`, the run of this side dialogue only)."""
        state = State(user_id, dialogue, str(step.value), self.new_nonce(), self._kept(data or {}), self.clock(), side)
        if not side:
            self._close_on_top(user_id)
        self.store.save(state)
        return state

    def go(self, state: State, step: Enum, renew: bool = False, **changes: Any) -> State:
        """Move to `step` with `changes` to the data; `renew` gives a new nonce, so buttons shown
        before (an earlier Save) no longer act on what changed."""
        moved = replace(state, step=str(step.value), data={**state.data, **self._kept(changes)}, updated_at=self.clock(),
                        nonce=self.new_nonce() if renew else state.nonce)
        self.store.save(moved)
        return moved

    def _kept(self, data: Mapping[str, Any]) -> dict[str, Any]:
        """The data as stored: words the user typed (a string with a space, not JSON) only as far as they may be kept."""
        return {key: self.keepable(value) if isinstance(value, str) and " " in value.strip() and value[:1] not in "{["
                else value for key, value in data.items()}

    def end(self, user_id: int, dialogue: str | None = None) -> None:
        """End the user's `dialogue`, or (None) their foreground dialogue."""
        self.store.end(user_id, dialogue)

    def current(self, user_id: int, dialogue: str | None = None) -> State | None:
        """The user's state in `dialogue`, or (None) in their foreground dialogue."""
        return self.store.load(user_id, dialogue)

    def handles(self, tap: Tap) -> bool:
        """Whether the tap names a registered dialogue."""
        return tap.dialogue in self._registry

    def on_tap(self, user_id: int, tap: Tap) -> list[Reply]:
        """Route a pressed button to its dialogue, if it belongs to the run and step the user is in."""
        state = self.store.load(user_id, tap.dialogue)
        if state is None or (state.nonce, state.step) != (tap.nonce, tap.step):
            return [STALE]
        if not state.side:
            self._close_on_top(user_id)
        screens = self._open_on_top(user_id)
        return self._registry[state.dialogue].on_tap(state, tap) + self._uncovered(user_id, state, screens)

    def on_text(self, user_id: int, text: str, heard: bool = False) -> list[Reply] | None:
        """A typed message (`heard`: spoken, in a voice note) for the dialogue the user is in; None when there is none or
        it is not an answer."""
        state = self.store.load(user_id)
        dialogue = self._registry.get(state.dialogue) if state else None
        left_open = self._open_on_top(user_id)
        if dialogue is None or state is None:
            answered = None
        elif heard and isinstance(dialogue, HearsAnswers):
            answered = dialogue.on_heard(state, text)
        else:
            answered = dialogue.on_text(state, text)
        if answered is not None:  # the user moved on in the foreground: a screen left open over it closes (not one the answer opened)
            for screen in left_open:
                self.store.end(user_id, screen.dialogue)
        return answered

    def asked(self, user_id: int) -> str:
        """What the step the user is at asks, as a recognizer context, for a dialogue that listens; else ""."""
        state = self.store.load(user_id)
        dialogue = self._registry.get(state.dialogue) if state else None
        return dialogue.asked(state) if state and isinstance(dialogue, Listens) else ""

    def answer_weight(self, user_id: int, text: str) -> int:
        """How much of an answer to the step the user is at `text` holds, for a dialogue that listens; else 0."""
        state = self.store.load(user_id)
        dialogue = self._registry.get(state.dialogue) if state else None
        return dialogue.answer_weight(state, text) if state and isinstance(dialogue, Listens) else 0

    def on_top_text(self, user_id: int, text: str) -> list[Reply] | None:
        """A typed message for a side dialogue open on top of everything; None when none takes it."""
        screens = self._open_on_top(user_id)
        for state in screens:
            answered = self._registry[state.dialogue].on_text(state, text)
            if answered is not None:
                return answered + self._uncovered(user_id, state, screens)
        return None

    def on_side_text(self, user_id: int, text: str) -> list[Reply] | None:
        """A typed message for a side dialogue the user has open (newest first); None when none takes it."""
        for state in self.store.load_side(user_id):
            dialogue = self._registry.get(state.dialogue)
            answered = dialogue.on_text(state, text) if dialogue else None
            if answered is not None:
                return answered
        return None

    def cancel(self, user_id: int) -> list[Reply] | None:
        """Leave the screen open on top, else the foreground dialogue; None when there is neither."""
        on_top = self._open_on_top(user_id)
        state = on_top[0] if on_top else self.store.load(user_id)
        if state is None:
            return None
        dialogue = self._registry.get(state.dialogue)
        if dialogue is None:
            self.store.end(user_id, state.dialogue)
            return [CANCELLED]
        return dialogue.cancel(state)

    def reads_exits(self, user_id: int) -> bool:
        """Whether the user's foreground dialogue reads "stop" and "cancel" itself."""
        state = self.store.load(user_id)
        dialogue = self._registry.get(state.dialogue) if state else None
        return isinstance(dialogue, ReadsExits) and dialogue.reads_exits

    def on_emergency(self, user_id: int, text: str) -> list[Reply]:
        """After the emergency advice everything the user was doing ends (no step is asked again,
        no "yes" can save what was under way): a dialogue that stops on an emergency says how it
        ended, any other as when cancelled; side dialogues close silently."""
        for side in self.store.load_side(user_id):
            self.store.end(user_id, side.dialogue)
        state = self.store.load(user_id)
        dialogue = self._registry.get(state.dialogue) if state else None
        if state is None or dialogue is None:
            self.store.end(user_id)
            return []
        return dialogue.on_emergency(state, text) if isinstance(dialogue, StopsOnEmergency) else dialogue.cancel(state)

    def told(self, user_id: int, text: str) -> str:
        """The words of a message the safety detector reads as told at the user's step: what the foreground
        dialogue says when it reads alarms itself and no screen is open on top of it, else all of them."""
        state = self.store.load(user_id)
        dialogue = self._registry.get(state.dialogue) if state else None
        if state is None or not isinstance(dialogue, ReadsAlarms) or self._open_on_top(user_id):
            return text
        return dialogue.told(state, text)

    def on_health_change(self, user_id: int) -> list[Reply]:
        """The user's safety check no longer counts: a dialogue that needs it ends, as when
        cancelled (none: nothing to say)."""
        state = self.store.load(user_id)
        dialogue = self._registry.get(state.dialogue) if state else None
        if state is None or not isinstance(dialogue, NeedsCheck) or not dialogue.needs_check:
            return []
        return dialogue.cancel(state)

    def pending(self, user_id: int) -> Reply | None:
        """The question the user still has to answer, to ask again after a detour (none while a
        screen is open on top: the foreground's step comes back once it closes)."""
        state = self.store.load(user_id)
        dialogue = self._registry.get(state.dialogue) if state else None
        if dialogue is None or state is None or self._open_on_top(user_id):
            return None
        return dialogue.ask(state)

    def screen_question(self, user_id: int) -> Reply | None:
        """The question of the screen open on top (the newest), to ask again after a question; None for none."""
        screens = self._open_on_top(user_id)
        if not screens:
            return None
        dialogue = self._registry[screens[0].dialogue]
        return dialogue.remind(screens[0]) if isinstance(dialogue, Reminds) else dialogue.ask(screens[0])

    def position(self, user_id: int) -> tuple[str, str, str] | None:
        """Where the user is in the foreground dialogue (dialogue, nonce, step), to tell whether
        something moved it."""
        state = self.store.load(user_id)
        return (state.dialogue, state.nonce, state.step) if state else None

    def screens_at(self, user_id: int) -> tuple[tuple[str, str, str], ...]:
        """Where the screens open on top are (dialogue, nonce, step, newest first), to tell whether something moved them."""
        return tuple((s.dialogue, s.nonce, s.step) for s in self._open_on_top(user_id))

    def _open_on_top(self, user_id: int) -> list[State]:
        """The side dialogues open on top of the foreground one, newest first."""
        return [s for s in self.store.load_side(user_id) if s.dialogue in self._on_top]

    def _uncovered(self, user_id: int, answered: State, screens: list[State]) -> list[Reply]:
        """The screen under the one just answered and closed (/settings under /forget's question),
        asked again; nothing when the answered screen stays open or none was under it."""
        still = {s.dialogue: s for s in self._open_on_top(user_id)}
        if answered.dialogue in still or answered.dialogue not in self._on_top:
            return []
        below = next((still[s.dialogue] for s in screens if s.dialogue != answered.dialogue and s.dialogue in still), None)
        return [self._registry[below.dialogue].ask(below)] if below else []

    def _close_on_top(self, user_id: int) -> None:
        """End the screens left open on top (the user moved on without closing them)."""
        for state in self._open_on_top(user_id):
            self.store.end(user_id, state.dialogue)


def button(state: State, label: str, action: str, arg: str = "") -> Button:
    """A button of the state's run and step."""
    return Button(label, format_tap(Tap(state.dialogue, state.nonce, state.step, action, arg)))


def entry_button(dialogue: str, label: str, action: str, arg: str = "") -> Button:
    """A button that starts something (no run yet): its nonce and step are ENTRY."""
    return Button(label, format_tap(Tap(dialogue, ENTRY, ENTRY, action, arg)))
