"""/settings as a dialogue of the core's one mechanism: reminder lead time, goal and time zone,
changed by button or in words ("remind me 30 min before", "change the goal to endurance",
"change my timezone to Berlin"). Its buttons carry the run's nonce, so an old settings message's
buttons answer "that no longer applies".

It is a side dialogue: opening /settings in the middle of planning keeps the plan being made, and
it is never asked again after a detour. Typed changes are read for TYPED_FOR after the settings
were last shown or changed, and only when no other dialogue takes the message."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timedelta
from enum import Enum

from bot.core.callbacks import Tap, parse_number
from bot.core.dialogue import Dialogues, button
from bot.core.messages import Reply
from bot.features.planning import texts as t
from bot.features.planning.lead import LEADS, MAX_LEAD, bare_lead, lead_negative, lead_too_long, read_lead, stops_reminders
from bot.features.planning.reading import carries_schedule
from bot.features.planning.trip import back_home
from bot.features.planning.words import PlanWords
from bot.features.planning.zone import moved_to, place_in
from bot.features.voice.notes import voice_wish
from bot.storage.dialogues import State
from knowledge.plan_names import unplanned_goal
from scheduler.planner import Planner
from scheduler.store import SchedulerStore
from scheduler.timezones import format_zone

DIALOGUE = "set"
TYPED_FOR = timedelta(minutes=10)
_LETTERS = re.compile(r"[a-z]+")
_BARE_YES = frozenset("yes yess yeah yea yeh ye yep yup ya y sure please pls".split())  # a yes, and no word that closes ("done")


def said_place(text: str) -> str | None:
    """The place a change of time zone names ("change my timezone to Berlin", "i moved to lisbon", "i go back to berlin
    now"; "" for "timezone" alone), or None when the message says none ("thu 6pm", "that's all")."""
    place = place_in(text)
    if place is not None:
        return place
    back = back_home(text)
    return back.place if back is not None and back.place else moved_to(text)


def reminders_off(store: SchedulerStore, user_id: int, text: str) -> list[Reply]:
    """How to stop reminders, when the message asks for none ("remind me never"); else nothing."""
    return [Reply(t.format_reminders_off(store.count_plans(user_id)))] if stops_reminders(text) else []


class Step(Enum):
    """The one step: the settings shown, waiting for a change."""

    MENU = "menu"


class SettingsDialog:
    """Reminder timing, goal and time zone for any number of users."""

    name = DIALOGUE

    def __init__(self, dialogues: Dialogues, store: SchedulerStore, planner: Planner, words: PlanWords,
                 ask_zone: Callable[[int, str], list[Reply]], clock: Callable[[], datetime],
                 voice_on: Callable[[int], bool] = lambda user_id: False) -> None:
        self.dialogues = dialogues
        self.store = store
        self.planner = planner
        self.words = words
        self.ask_zone = ask_zone  # the time-zone screen: (user, place typed or "")
        self.clock = clock
        self.voice_on = voice_on  # whether the user's voice replies are on (the /voice setting, shown here too)

    def start(self, user_id: int, text: str = "") -> list[Reply]:
        """/settings (or a settings request in words): apply a change said with it, else show them."""
        changed = self.typed_change(user_id, text) if text else None
        if changed is not None:
            return changed
        return [self.ask(self.dialogues.begin(user_id, DIALOGUE, Step.MENU, side=True))]

    def reopen(self, user_id: int, changed: bool) -> Reply:
        """The settings again, after the time-zone screen opened from them closed (`changed`: a zone was set)."""
        return self.ask(self.dialogues.begin(user_id, DIALOGUE, Step.MENU, {"changed": changed}, side=True))

    def ask(self, state: State) -> Reply:
        """The settings with their buttons."""
        profile = self.store.load_profile(state.user_id)
        zone = format_zone(profile.zone, self.clock()) if profile.zone else "not set"
        text = (f"Reminders come {t.format_lead_phrase(profile.lead_minutes)}.\n"
                f"Goal: {t.GOALS.get(profile.goal or '', 'not set')}.\nTime zone: {zone}.\n"
                f"{t.format_voice_setting(self.voice_on(state.user_id))}\n\n{t.SETTINGS_HINT}")
        leads = tuple(button(state, t.format_choice(t.format_lead(m), m == profile.lead_minutes), "lead", str(m))
                      for m in LEADS)
        goals = tuple((button(state, t.format_choice(label, g == profile.goal), "goal", g),) for g, label in t.GOALS.items())
        return Reply(text, buttons=(leads, *goals, (button(state, "🌍 Change time zone", "zone"),)))

    def remind(self, state: State) -> Reply:
        """After a question answered while the settings are open: one line saying they still are (the
        settings with their buttons are just above), not the whole screen again; a bare "yes" next is
        then taken for an answer to that reply, never for "that's all" (`asked`)."""
        self.dialogues.go(state, Step.MENU, asked=True)
        profile = self.store.load_profile(state.user_id)
        return Reply(t.format_still_in_settings(profile.lead_minutes, profile.goal, profile.zone))

    def _setting_now(self, state: State, lowered: str) -> str | None:
        """What the setting a question asks about is now ("what is my goal now?", "whats my reminder time"), for a
        question about the user's own setting, not about what a setting does ("what does my goal change?"); else None."""
        if not t.ASKS_OWN.search(lowered) or t.ASKS_WHAT_FOR.search(lowered):
            return None
        setting = next((name for name, (pattern, _said) in zip(("goal", "lead", "zone", "voice"), t.SETTING_MEANS, strict=True)
                        if pattern.search(lowered)), None)
        if setting is None:
            return None
        profile = self.store.load_profile(state.user_id)
        zone = format_zone(profile.zone, self.clock()) if profile.zone else None
        return t.format_setting_now(setting, profile.lead_minutes, profile.goal, zone, self.voice_on(state.user_id))

    def on_text(self, state: State, text: str) -> list[Reply] | None:
        """A change in words (a goal only when named alone or as the goal), or "that's all"; None
        for anything else, and once the settings were shown too long ago."""
        if state.updated_at is None or self.clock() > state.updated_at + TYPED_FOR:
            if self._closed_late(state, text):  # "done" an hour on, over a plan's "Save this plan?": the settings closed, never
                return self.cancel(state)  # the plan saved (tester s30 #19)
            self.dialogues.end(state.user_id, DIALOGUE)
            return None
        if voice_wish(text) is not None:  # "voice off": the voice feature's reader applies it; the settings count it
            self.dialogues.go(state, Step.MENU, changed=True)
            return None
        asks = self.words.asks(text)  # "is it ok to keep going", "what about endurance?": answered, the settings asked again
        if asks and t.ASKS_MEANING.search(text.lower()):  # "what does the goal change?": what the setting does
            told = self._setting_now(state, text.lower())  # "what is my goal now?": what it is
            means = next((said for pattern, said in t.SETTING_MEANS if pattern.search(text.lower())), None)
            if told or means:
                return [Reply(told or means or ""), self.remind(state)]
        # "thu 6pm" moves on in the plan; "im going back to berlin" changes the zone
        if self.words.closes(text) and not asks and not carries_schedule(text, self.clock()) and said_place(text) is None:
            if state.data.get("asked") and _BARE_YES.issuperset(_LETTERS.findall(text.lower()) or ["done"]):
                return [Reply(t.YES_TO_WHAT)]  # a "yes" after a reply that asked or offered something: to that, not "kept"
            return self.cancel(state)
        named = ("goal" in text.lower() or len(text.split()) <= 3) and not asks
        unplanned = unplanned_goal(text) if named else None
        if unplanned:  # "change the goal to fat loss": the goals planned for, and the settings again
            return [Reply(t.format_unplanned(unplanned)), self.ask(state)]
        bare = bare_lead(text)  # "make it 45 mins" where the lead is shown: the lead, never a plan's time
        if bare is not None and bare > MAX_LEAD:
            return [Reply(t.LEAD_TOO_LONG)]
        return self.typed_change(state.user_id, text, goals=named, lead=bare)

    def _closed_late(self, state: State, text: str) -> bool:
        """Whether words that close the settings ("done", "that's all") come after they stopped reading changes, while a
        dialogue waits under them: they still close the settings, whatever the time gap."""
        return self.dialogues.current(state.user_id) is not None and self.words.closes(text) and not self.words.asks(text) \
            and not carries_schedule(text, self.clock())

    def on_tap(self, state: State, tap: Tap) -> list[Reply]:
        """A lead, a goal, or the time zone (handed to the zone step)."""
        profile = self.store.load_profile(state.user_id)
        if tap.action == "lead" and parse_number(tap.arg) in LEADS:
            self.planner.update_profile(replace(profile, lead_minutes=int(tap.arg)))
        elif tap.action == "goal" and tap.arg in t.GOALS:
            moved = self._goal_to_plans(state.user_id, tap.arg)
            self.planner.update_profile(replace(profile, goal=tap.arg))
            shown = self.ask(self.dialogues.go(state, Step.MENU, changed=True))
            return [replace(t.with_note(shown, t.format_plans_goal(moved, tap.arg)), edit=True)]
        elif tap.action == "zone":  # the zone screen takes over from the settings
            self.dialogues.end(state.user_id, DIALOGUE)
            return self.ask_zone(state.user_id, "")
        else:
            return [Reply(t.STALE)]
        return [replace(self.ask(self.dialogues.go(state, Step.MENU, changed=True)), edit=True)]

    def cancel(self, state: State) -> list[Reply]:
        """Close the settings, saying whether this run changed any."""
        self.dialogues.end(state.user_id, DIALOGUE)
        return [Reply(t.SETTINGS_SAVED if state.data.get("changed") else t.SETTINGS_KEPT)]

    def typed_change(self, user_id: int, text: str, goals: bool = True, lead: int | None = None) -> list[Reply] | None:
        """Apply the lead (`lead`, else the one the words name), goal or zone the words name (the zone through its
        confirmation); None for none."""
        place = said_place(text)
        if place is not None:  # the zone screen takes over from the settings
            self.dialogues.end(user_id, DIALOGUE)
            return self.ask_zone(user_id, place)
        off = reminders_off(self.store, user_id, text)
        if off:
            return off
        if lead_too_long(text) or lead_negative(text):
            return [Reply(t.LEAD_NEGATIVE if lead_negative(text) else t.LEAD_TOO_LONG)]
        profile = self.store.load_profile(user_id)
        lead, goal = read_lead(text) if lead is None else lead, self.words.goal(text) if goals else None
        if lead is None and goal is None:
            return None
        moved = self._goal_to_plans(user_id, goal) if goal else 0
        self.planner.update_profile(replace(profile, lead_minutes=profile.lead_minutes if lead is None else lead,
                                            goal=goal or profile.goal))
        state = self.dialogues.current(user_id, DIALOGUE)
        if state is not None:  # typed changes are read a while longer
            self.dialogues.go(state, Step.MENU, changed=True, asked=False)
        said = [f"reminders come {t.format_lead_phrase(lead)}" if lead is not None else "",
                f"your goal is {t.format_goal(goal)}{t.format_plans_too(moved)}" if goal else ""]
        return [Reply(f"Done: {' and '.join(s for s in said if s)}. /settings shows everything.")]

    def _goal_to_plans(self, user_id: int, goal: str) -> int:
        """The settings' goal given to every saved plan too, as the lead and the time zone are: the reminders say the goal
        the user was just told (a plan is given a goal of its own afterwards with ✏️ Edit); how many changed."""
        ids = [p.id for p in self.store.load_plans(user_id) if p.goal != goal]
        return self.store.set_goal(user_id, ids, goal) if ids else 0
