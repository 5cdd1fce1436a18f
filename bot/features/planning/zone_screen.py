"""/timezone as a screen of the core's one mechanism: a place typed, tapped or shared, its zone
shown with the local time to confirm, and saved only on a yes or a tap (another place typed is a new
guess; "no" shows the places offered with the guess again, and one of those typed is taken).

Opened while the user is in another dialogue (the safety check, a plan being made), it is a side
dialogue on top of it: it reads typed places and yes / no first, the dialogue below keeps its
answers, and once the screen closes the pending step is asked again. Opened on its own it is the
user's foreground dialogue, asked again after a detour. (A plan waiting for its zone asks for it
itself: see feature.py.)"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from enum import Enum

from sqlite_utils import Database

from bot.core.callbacks import Tap
from bot.core.dialogue import Dialogues, button
from bot.core.messages import Reply
from bot.features.planning import texts as t
from bot.features.planning.reading import carries_schedule, joined
from bot.features.planning.words import PlanWords
from bot.features.planning.zone import (
    Offered,
    found_any,
    guess_again,
    known_zone,
    offered_again,
    picked_zone,
    says_wrong,
    stored_offers,
    zone_check,
)
from bot.storage.dialogues import State
from scheduler.planner import Planner
from scheduler.store import Plan, SchedulerStore
from scheduler.timezones import find_zone, format_zone

DIALOGUE = "tz"


@dataclass(frozen=True)
class Closed:
    """How the screen closed, for what comes next."""

    back: bool  # it was opened from the settings
    changed: bool  # a zone was set
    kept: str = ""  # a schedule said at it


After = Callable[[int, Closed], list[Reply]]  # (user, how the screen closed) -> what comes next


class Step(Enum):
    """The one step: waiting for a place, or for a yes to the zone guessed from one."""

    PLACE = "place"


def move_zone_runs(db: Database) -> None:
    """Migration: a /timezone run begun before it had a dialogue of its own (planning's old
    "zone-only" step) carries on as one."""
    db.execute("UPDATE dialogues SET dialogue = ?, step = ? WHERE dialogue = 'plan' AND step = 'zone-only'",
               [DIALOGUE, Step.PLACE.value])


def save_zone(store: SchedulerStore, planner: Planner, user_id: int, zone: str, now: datetime) -> Reply:
    """Store the user's zone and say so (with what happens to their plans when it changed)."""
    profile = store.load_profile(user_id)
    planner.update_profile(replace(profile, zone=zone))
    moved = t.format_zone_moved(zone, clock_times(store.load_plans(user_id))) if profile.zone not in (None, zone) else ""
    return Reply(f"Time zone set: {format_zone(zone, now)}.{moved}")


def clock_times(plans: list[Plan]) -> list[str]:
    """The clock times of the recurring plans, which keep them in a new zone (a one-off keeps its instant)."""
    return sorted({f"{p.schedule.local_time:%H:%M}" for p in plans if p.schedule.recurring and p.schedule.local_time})


class ZoneScreen:
    """The time-zone screen for any number of users."""

    name = DIALOGUE

    def __init__(self, dialogues: Dialogues, store: SchedulerStore, planner: Planner, words: PlanWords,
                 clock: Callable[[], datetime], about: Callable[[str], bool], after: After = lambda _user, _closed: []) -> None:
        self.dialogues = dialogues
        self.store = store
        self.planner = planner
        self.words = words
        self.clock = clock
        self.about = about  # whether a message could be a place at all (not a question or another request)
        self.after = after  # what comes once the screen closes: the settings it was opened from, a plan said there

    def start(self, user_id: int, place: str = "", back: bool = False) -> list[Reply]:
        """Open the screen (on top of a dialogue in progress) and read `place`, else ask for one
        (`back`: opened from the settings, which come back once it closes)."""
        below = self.dialogues.current(user_id)
        state = self.dialogues.begin(user_id, DIALOGUE, Step.PLACE, {"back": back},
                                     side=below is not None and below.dialogue != DIALOGUE)
        return (self.on_text(state, place) if place.strip() else None) or [self.ask(state)]

    def offer_back(self, user_id: int, zone: str) -> list[Reply]:
        """Open the screen with the zone before a trip as its guess ("Back to Europe/Lisbon (now 05:52)?"), or, with none
        kept, the question which place is home."""
        below = self.dialogues.current(user_id)
        state = self.dialogues.begin(user_id, DIALOGUE, Step.PLACE, {"back": False, "guess": zone},
                                     side=below is not None and below.dialogue != DIALOGUE)
        if not zone:
            return [Reply(t.HOME_WHICH, location=True)]
        return [Reply(t.format_back_to(zone, self.clock()), buttons=((button(state, "✅ Yes, switch back", "zone", zone),),))]

    def ask(self, state: State) -> Reply:
        """The place question, with the share-location button; the guessed place again when one waits for its yes
        (after a question asked at "Manchester ... Right?")."""
        guess = str(state.data.get("guess") or "")
        if not guess:
            return Reply(t.ZONE_SCREEN, location=True)
        return guess_again(guess, stored_offers(state.data.get("offered")), self.clock(),
                           lambda label, zone: button(state, label, "zone", zone), t.GUESS_ZONE_BACK)

    def on_text(self, state: State, text: str) -> list[Reply] | None:
        """A yes to the guess, a place, or another yes / no (said to this screen, so never passed on
        to the dialogue below as its answer); None for a question, and on top of another dialogue
        for anything else (the dialogue below may take it)."""
        guess, offered = str(state.data.get("guess") or ""), stored_offers(state.data.get("offered"))
        found = find_zone(text)  # before yes / no: a place may read as one ("Berlin" as unsure, "Melbourne" as yes)
        picked = picked_zone(found, text, guess, offered, self.words.is_yes, self.words.answer, self.words.asks(text))
        if picked:  # "yes" to the guess, or a place offered with it typed ("New York")
            return self.set_zone(state.user_id, picked)
        another = found_any(found) and found.zone != guess  # "no, i moved to berlin" at Tokyo: a new guess
        if says_wrong(text, guess) and not (another and found.zone):  # "wrong portland", "the other one"
            return self._answered(state, "no", offered)
        if found_any(found):
            moved = self.dialogues.go(state, Step.PLACE, guess=found.zone or "", offered=list(found.choices))
            return [zone_check(found, self.clock(), lambda label, zone: button(moved, label, "zone", zone))]
        answer = self.words.answer(text) if not self.words.asks(text) else None  # "is that daylight savings or not": asks
        if answer is not None:
            return self._answered(state, answer, offered if guess else ())
        if state.side or not self.about(text):
            return None
        if carries_schedule(text, self.clock()):  # "evening", "tue 6pm": kept for the plan made once the zone is set
            self.dialogues.go(state, Step.PLACE, kept=joined(str(state.data.get("kept") or ""), text))
            return [Reply(t.ZONE_KEEPS_SCHEDULE, location=True)]
        if self.words.asks(text):  # "do you store my answers from the check?": the core answers it, then asks again
            return None
        return [Reply(t.ZONE_UNKNOWN, location=True)]

    def _answered(self, state: State, answer: str, offered: Offered) -> list[Reply]:
        """A yes / no / not sure naming no place: "no" to a guess shows the places offered with it
        again ("Portland ... Right?": the other Portlands), any other "no" closes the screen, and a
        yes with nothing guessed or "not sure" asks again."""
        if answer == "no" and offered:
            moved = self.dialogues.go(state, Step.PLACE, guess="", offered=list(offered))
            return [offered_again(offered, self.clock(), lambda label, zone: button(moved, label, "zone", zone))]
        if answer == "no":
            return self.cancel(state)
        return [self.ask(state)]

    def on_tap(self, state: State, tap: Tap) -> list[Reply]:
        """✅ under the guess, or another zone offered."""
        if tap.action == "zone" and known_zone(tap.arg):
            return self.set_zone(state.user_id, tap.arg)
        return [Reply(t.STALE)]

    def cancel(self, state: State) -> list[Reply]:
        """Close the screen; the zone stays as it was (and the settings it was opened from come back)."""
        self.dialogues.end(state.user_id, DIALOGUE)
        return [Reply(t.ZONE_KEPT), *self.after(state.user_id, Closed(bool(state.data.get("back")), False))]

    def set_zone(self, user_id: int, zone: str) -> list[Reply]:
        """Store the zone and close the screen; then what was waiting for it."""
        state = self.dialogues.current(user_id, DIALOGUE)
        self.dialogues.end(user_id, DIALOGUE)
        saved = save_zone(self.store, self.planner, user_id, zone, self.clock())
        data = state.data if state else {}
        return [saved, *self.after(user_id, Closed(bool(data.get("back")), True, str(data.get("kept") or "")))]
