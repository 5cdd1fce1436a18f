"""Planning as a feature: the planning dialogue, /plan, /sessions, /settings and /timezone, a
shared location, and what /start and /mydata say about it."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import timedelta

from bot.core.kit import Kit, Note
from bot.core.messages import Inbound, InboundKind, Reply
from bot.core.words import PLAIN_REQUEST, SURE_INTENT
from bot.features.planning import texts as t
from bot.features.planning.after_check import WAIT_LIMIT, WAITING, AfterCheck
from bot.features.planning.beside_questions import BesideQuestions
from bot.features.planning.by_words import PlansInWords
from bot.features.planning.confirm_step import days_a_week
from bot.features.planning.day_off import DaysOff
from bot.features.planning.dialog import PlanningDialog
from bot.features.planning.draft import DIALOGUE, Step
from bot.features.planning.forgotten import as_cancel
from bot.features.planning.gate import Gate
from bot.features.planning.goal_switch import switched_goal
from bot.features.planning.lead import read_lead
from bot.features.planning.offers import OFFERS, Offers
from bot.features.planning.own_state import OwnState
from bot.features.planning.reading import CHANGE_SAID, bare_hour, carries_schedule, says_discard, says_save, types_save
from bot.features.planning.sessions import SESSIONS, Sessions
from bot.features.planning.settings import SettingsDialog, reminders_off
from bot.features.planning.step_questions import StepQuestions
from bot.features.planning.told import ToldSchedules
from bot.features.planning.trip import back_home, place_told, stay_said, without_places
from bot.features.planning.zone import moved_to, place_in_clause, typed_place
from bot.features.planning.zone_screen import Closed, ZoneScreen
from bot.features.screening.flow import START, ScreeningFlow
from bot.features.screening.questions import Status
from bot.features.screening.store import DIALOGUE as SCREENING
from bot.storage.dialogues import State
from knowledge.day_words import DayWord, day_said
from knowledge.intents import SMALL_TALK, Intent
from knowledge.plan_request import PlanAction
from knowledge.relative_changes import time_shift
from scheduler.parsing import mentions_time
from scheduler.timezones import find_zone, zone_at, zone_info

LATER = re.compile(r"\b(?:later|gtg|g2g|ttyl|bbl|gotta (?:run|go|dash|bounce)|(?:have|got|need) to (?:go|run|dash)"
                   r"|another time|talk soon)\b", re.IGNORECASE)  # leaving a plan for later


class Planning:
    """The planning feature's handlers that need more than one of its parts."""

    def __init__(self, kit: Kit) -> None:
        self.kit = kit
        self.screening = kit.need(ScreeningFlow)
        self.gate = Gate(self.screening)
        self.questions = StepQuestions(kit, lambda user_id: bool(kit.plans.count_plans(user_id)))
        self.dialog = PlanningDialog(kit.dialogues, kit.plans, kit.planner, self.gate, kit.words, kit.clock,
                                     about=self.about_planning, questions=self.questions)
        self.after_check = AfterCheck(kit.dialogues, self.gate, kit.clock, self.start)
        self.sessions = Sessions(kit.plans, kit.planner, kit.clock, kit.dialogues, kit.words.answer, kit.words.asks,
                                 self._changes_instead, held=lambda user_id: not self.screening.status(user_id).allows_planning)
        self.zone_screen = ZoneScreen(kit.dialogues, kit.plans, kit.planner, kit.words, kit.clock, self.about_planning,
                                      self._after_zone)
        self.settings = SettingsDialog(kit.dialogues, kit.plans, kit.planner, kit.words, self._zone_from_settings, kit.clock,
                                       kit.users.load_voice_replies)
        self.offers = Offers(self.sessions, kit.dialogues, kit.words.answer, kit.clock, kit.words.asks)
        self.in_words = PlansInWords(self.sessions, self.dialog, kit.dialogues, kit.clock, kit.words, self.settings.typed_change,
                                     self.offers)
        self.told = ToldSchedules(lambda user_id: self.gate.check(user_id) is None,
                                  lambda user_id: kit.dialogues.current(user_id) is None, self._asks, self._other_request,
                                  self.start, kit.clock, kit.words.goal)
        self.days_off = DaysOff(self.sessions, self.dialog, kit.dialogues, kit.clock, kit.words.answer, kit.words.asks,
                                self.offers.skip)
        self.beside_questions = BesideQuestions(kit, lambda text: kit.words.plan_request(text) is not None, self.start,
                                                kit.clock)
        self.own = OwnState(kit.plans, lambda user_id: kit.dialogues.current(user_id, DIALOGUE) is not None,
                            self.sessions.sessions, kit.kb.prescriptions.get, kit.clock, self.sessions.next_one,
                            kit.planner.upcoming)

    def _asks(self, text: str) -> bool:
        """Whether a message asks (a question about a schedule plans nothing: "how many times a week should i train")."""
        return self.kit.words.asks(text) or self.questions.worded_as_question(text) or self.questions.asks_judgement(text)

    def _changes_instead(self, text: str) -> bool:
        """Whether a reply to "Cancel the plan?" asks to change or skip sessions instead ("change it to tue thu", "no,
        move it to 8pm"): no yes or no, but a request of its own, read as one (an edit or a skip, never a cancel)."""
        request = self.kit.words.plan_request(text)
        return request is not None and request.action is not PlanAction.CANCEL

    def _other_request(self, text: str) -> bool:
        """Whether a message reads as a request other than planning, or as small talk ("thanks, see you monday")."""
        intent = self.kit.words.intent(text)
        return intent is not None and intent is not Intent.PLAN and (intent in SMALL_TALK or intent in self.kit.requests)

    def plan(self, user_id: int, argument: str) -> list[Reply]:
        """/plan [when]: the plans the user has, with ✏️ Edit and ➕ New plan (a look starts no planning,
        so a later "yes" or "no" never acts on a plan nobody is confirming); else planning (while a
        safety check is unfinished, the core asks its question again after the gate's answer)."""
        kept = self._kept_plan(user_id) if not argument else None
        if kept is not None:  # left for later ("gotta run, finish later"): picked up where it was, its buttons new
            return [self.dialog.ask(self.kit.dialogues.go(kept, Step(kept.step), renew=True, later=False))]
        listing = None if argument else self.sessions.plan_list(user_id)
        return [listing] if listing else self.start(user_id, argument)

    def _kept_plan(self, user_id: int) -> State | None:
        """The plan being made that the user left for later, if one is open."""
        state = self.kit.dialogues.current(user_id)
        return state if state and state.dialogue == DIALOGUE and state.data.get("later") else None

    def later(self, user_id: int, text: str) -> list[Reply] | None:
        """"bye", "gotta run, finish later" while making a plan: the plan is kept for /plan to pick up, and the step
        is not asked again; None for anything else (a time said: "an hour later" is a schedule; a pause, "brb", is the
        dialogues' own: "No rush")."""
        state = self.kit.dialogues.current(user_id)
        if state is None or state.dialogue != DIALOGUE or self.sessions.view.current(user_id) is not None:
            return None
        said = self.kit.words.intent(text) is Intent.GOODBYE or LATER.search(text) is not None
        if not said or self.kit.words.pauses(text) or self.kit.words.asks(text) or self.kit.words.answer(text) is not None \
                or carries_schedule(text, self.kit.clock()) or mentions_time(text) or time_shift(text) is not None:
            return None
        self.kit.dialogues.go(state, Step(state.step), renew=True, later=True)  # renewed: the reply asks nothing again
        return [Reply(t.KEPT_FOR_LATER)]

    def nothing_to_save(self, user_id: int, text: str) -> list[Reply] | None:
        """"save" typed with no plan waiting for it (after the plan was saved, or before any was made): said so, with the
        plans the user has (it was read as a look at the stored data); None in a dialogue (its Save step reads it)."""
        if self.kit.dialogues.current(user_id) is not None or not types_save(text):
            return None
        listing = self.sessions.plan_list(user_id)
        return [Reply(t.NOTHING_LEFT_TO_SAVE), listing] if listing else [Reply(t.NOTHING_TO_SAVE)]

    def lead_told(self, user_id: int, text: str) -> list[Reply] | None:
        """A reminder lead told outside any dialogue with no schedule, by a user with plans ("sooner reminder please, maybe 1
        hour", "remind me at the start"): the lead changed, as at /settings, whatever the intents reader makes of the
        words; None for any other message."""
        return None if self.kit.dialogues.current(user_id) is not None else self._lead_changed(user_id, text)

    def _lead_changed(self, user_id: int, text: str) -> list[Reply] | None:
        """The lead changed when the message tells one and no schedule, by a user with plans; else None."""
        if read_lead(text) is None or not self.kit.plans.count_plans(user_id) or carries_schedule(text, self.kit.clock()):
            return None
        return self.settings.typed_change(user_id, text, goals=False)

    def start(self, user_id: int, text: str) -> list[Reply]:
        """Planning, or the safety check's gate; then the request is kept for after the check. A schedule told as the
        new routine ("i want to train 4x a week now") with one plan saved changes that plan; a reminder lead told with no
        schedule by a user with plans ("remind me at the start") changes the lead, as at /settings."""
        changed = self._lead_changed(user_id, text)
        if changed:
            return changed
        plans = self.kit.plans.load_plans(user_id) if self.kit.words.new_routine(text) else []
        if len(plans) == 1 and self.gate.check(user_id) is None and carries_schedule(text, self.kit.clock()):
            return self.dialog.change_saved(user_id, plans[0], self.kit.words.without_when(text))  # "now" said it; no left-out word
        replies = self.dialog.start(user_id, text)
        if self.gate.check(user_id) is not None and self.screening.status(user_id) is not Status.RED:
            self.after_check.remember(user_id, text)
            if self.screening.status(user_id) is Status.AMBER and carries_schedule(text, self.kit.clock()) and replies:
                kept = t.format_kept_for_review(text, WAIT_LIMIT // timedelta(hours=1))
                return [*replies[:-1], replace(replies[-1], text=f"{replies[-1].text}\n\n{kept}")]
        return replies

    def about_planning(self, text: str) -> bool:
        """While planning, a message is a planning answer unless it is clearly a knowledge question
        or another request (a yes or no, a day or time always counts as an answer, and a goal
        unless asked as a question: "strength" answers, "how many reps for endurance?" asks; a question
        asking the bot's view never answers: "is 7am too early?")."""
        words, answers = self.kit.words, self.kit.answers
        if self.questions.asks_judgement(text):  # "is 7am too early?" asks about a time; it gives none
            return False
        if mentions_time(text) or bare_hour(text) is not None or words.answer(text) is not None or read_lead(text) is not None \
                or says_save(text) or says_discard(text) or time_shift(text) is not None \
                or days_a_week(text) is not None:  # "30 min earlier" is no reminder setting; "5 sessions a week" no list
            return True
        intent = words.intent(text)
        if intent in SMALL_TALK and not carries_schedule(text, self.kit.clock()):  # "thx" ("evening" is a time)
            return False
        if self.kit.interrupts(intent) and words.goal(text) is None:  # "show my sessions", "help"
            return False
        if answers is None or not answers.knows(text):
            return True
        return words.goal(text) is not None and (CHANGE_SAID.search(text) is not None or not self.questions.worded_as_question(text))

    def schedule_before_check(self, user_id: int, text: str) -> list[Reply] | None:
        """A schedule typed outside any dialogue, right after a request to plan the safety check stopped, by a user with
        no plan ("mornings before work, like 7" after /plan's "please take the safety check first"): the check is pointed
        to again and the schedule kept for after it, not "you have no plans"."""
        waiting = self.kit.dialogues.current(user_id, WAITING) is not None  # a request to plan was stopped by the gate
        if not waiting or self.kit.dialogues.current(user_id) is not None or self.kit.plans.count_plans(user_id) \
                or self.gate.check(user_id) is None or self.kit.words.asks(text):
            return None
        return self.start(user_id, text) if carries_schedule(text, self.kit.clock()) else None

    def plan_during_check(self, user_id: int, text: str) -> list[Reply] | None:
        """A request to plan told in the middle of the safety check ("can u remind me tue/thu 6:30pm" at question 6): kept
        for after the check, and said so (the check's question is asked again); None for anything else."""
        state = self.kit.dialogues.current(user_id)
        if state is None or state.dialogue != SCREENING or self.kit.words.asks(text):
            return None
        intent, odds = self.kit.words.intent_read(text)
        if intent is not Intent.PLAN or odds < PLAIN_REQUEST or not carries_schedule(text, self.kit.clock()):
            return None
        self.after_check.remember(user_id, text)
        return [Reply(t.KEPT_FOR_AFTER_CHECK)]

    def forgotten(self, user_id: int, text: str) -> list[Reply] | None:
        """"forget my saturday plan", "forget about tuesday": read as "cancel" there (see forgotten.py)."""
        cancel = as_cancel(text)
        if cancel is None or not self.kit.plans.count_plans(user_id):
            return None
        return self.day_words(user_id, cancel) or self.in_words.on_text(user_id, cancel)

    def goal_switched(self, user_id: int, text: str) -> list[Reply] | None:
        """"switch me to size", "i want hypertrophy after all": the goal edit of the saved plans (goal_switch.py); the edit
        of a user's one plan is shown after the new goal's sets and reps (what its reminders would carry; tester s32)."""
        if self.kit.dialogues.current(user_id) is not None or not self.kit.plans.count_plans(user_id):
            return None
        said = switched_goal(text, self.kit.words.goal)
        replies = self.in_words.on_text(user_id, said) if said and not self.kit.words.asks(text) else None
        shown = bool(replies) and self.kit.plans.count_plans(user_id) == 1  # the edit itself, not "Which plan ...?"
        goal = self.kit.words.goal(said) if shown and said else None
        found = self.kit.kb.prescriptions.get(goal) if goal else None
        if not replies or found is None or goal is None:
            return replies
        numbers = t.format_goal_numbers(goal, found)  # the sets and reps its reminders would carry, above the edit shown
        return [replace(replies[0], text=f"{numbers}\n\n{replies[0].text}"), *replies[1:]]

    def day_words(self, user_id: int, text: str) -> list[Reply] | None:
        """A day said about stored plans outside any dialogue ("cancel tue", "cant do saturdays anymore", "nvm i can make
        thursday after all", "on holiday till the 20th"): see day_off; None when none is said. A day typed while making or
        editing a plan is that plan's, but time away ("im on holiday till the 20th") is a break, never the plan's last day:
        the saved sessions in it are offered to skip, or the plan being made is asked for again."""
        state = self.kit.dialogues.current(user_id)
        if state is not None and state.dialogue != DIALOGUE:
            return None
        zone = self.kit.plans.load_profile(user_id).zone or "UTC"
        said = day_said(text, self.kit.clock().astimezone(zone_info(zone)).date(), zone)
        if state is not None:
            if said is None or said.how is not DayWord.AWAY:
                return None  # a day typed while making a plan is that plan's
            return self.days_off.on_said(user_id, said) or [Reply(t.AWAY_WHILE_PLANNING)]
        return self.days_off.on_said(user_id, said) if said else None

    def sessions_request(self, user_id: int, text: str) -> list[Reply]:
        """"Show my sessions"; "turn off reminders" (about sessions too) says how to stop them."""
        return reminders_off(self.kit.plans, user_id, text) or self.sessions.sessions(user_id)

    def timezone(self, user_id: int, place: str) -> list[Reply]:
        """/timezone [place]: the plan's own zone question when it waits for one, else the zone
        screen (on top of whatever dialogue the user is in)."""
        plan = self._plan_asking_zone(user_id)
        return self.dialog.zone_answer(plan, place) if plan else self.zone_screen.start(user_id, place)

    def _zone_from_settings(self, user_id: int, place: str) -> list[Reply]:
        """The zone screen opened from the settings (they come back once it closes)."""
        plan = self._plan_asking_zone(user_id)
        return self.dialog.zone_answer(plan, place) if plan else self.zone_screen.start(user_id, place, back=True)

    def _after_zone(self, user_id: int, closed: Closed) -> list[Reply]:
        """Once the zone screen closes: the settings it was opened from, or planning with the
        schedule said at it."""
        if closed.back:
            return [self.settings.reopen(user_id, closed.changed)]
        return self.start(user_id, closed.kept) if closed.kept else []

    def ask_zone(self, user_id: int, text: str) -> list[Reply]:
        """"change my time zone to Berlin", or a place typed outside a dialogue ("i'm in lagos"); a
        question asking the bot's view ("should i change my time?") is answered instead."""
        judged = self.questions.judged(user_id, text)
        if judged is None and self._plan_with_place(text):  # "can you remind me tue thu 18 uhr, my time zone is berlin"
            return self.start(user_id, text)
        told = self.own.zone_told(user_id, text)  # "whats my time zone set to": told, not changed
        return [judged] if judged else told or self._with_stay(user_id, text, self.timezone(user_id, typed_place(text)))

    def _plan_with_place(self, text: str) -> bool:
        """Whether a message read as a time zone request asks for a plan in another clause, said with its place ("can
        you remind me tuesday and thursday 18 uhr, my time zone is berlin"): planning takes both, the place its guess."""
        told = place_in_clause(text) if carries_schedule(text, self.kit.clock()) else None
        if told is None or not carries_schedule(told[1], self.kit.clock()):
            return False
        intent, odds = self.kit.words.intent_read(told[1])
        return intent is Intent.PLAN and odds >= SURE_INTENT  # "i want the plan please for monday, thursday 7 evening": 0.69

    def moved(self, user_id: int, text: str) -> list[Reply] | None:
        """"i moved to lisbon", "im in lisbon now": the zone screen with that place, when no dialogue is open or over a plan
        being made (its step is asked again once the zone is set; the
        intents reader knows the places it was taught: "i moved to berlin" reads 0.89 as the time zone, "lisbon" 0.43)."""
        state = self.kit.dialogues.current(user_id)
        planning = state is not None and state.dialogue == DIALOGUE and state.step != Step.ZONE.value  # the zone step reads places
        if state is not None and not planning or self.kit.words.asks(text):
            return None
        place = moved_to(text) or self._place_told(text)
        if not place or state is None and self._plan_with_place(text):  # "remind me tue 6pm, my time zone is berlin": a plan
            return None
        replies = self._with_stay(user_id, text, self.timezone(user_id, place))
        if planning and state is not None:  # asked again, with new buttons, once the zone is set: not the place question now
            self.kit.dialogues.go(state, Step(state.step), renew=True)
        return replies

    def _place_told(self, text: str) -> str:
        """The place a clause says the user is in ("currently in dubai for work till the 20th"), unless the other clauses
        tell a schedule (a plan asked for from there is planning's)."""
        place, rest = place_told(text)
        return "" if not place or carries_schedule(rest, self.kit.clock()) else place

    def _with_stay(self, user_id: int, text: str, replies: list[Reply]) -> list[Reply]:
        """The zone check of a stay told with its end ("im in tokyo this week"), with that end said back and the way home."""
        said, before = stay_said(text), self.kit.plans.load_profile(user_id).zone
        if not said or not before or not replies or not replies[0].buttons:
            return replies
        return [replace(replies[0], text=f"{replies[0].text}\n{t.format_stay(said, before)}"), *replies[1:]]

    def came_back(self, user_id: int, text: str) -> list[Reply] | None:
        """"ok im back from tokyo", "im home again", "switch back to my old time zone" outside a dialogue: the zone before
        the last change offered back (never the place just left), "back in lisbon" that place; with no zone kept to go
        back to, which place is home (a plain "im home again" then passes on: it may say nothing of a trip)."""
        back = back_home(text) if self.kit.dialogues.current(user_id) is None and not self.kit.words.asks(text) else None
        if back is None:
            return None
        if back.place:
            return self.timezone(user_id, back.place)
        profile = self.kit.plans.load_profile(user_id)
        if profile.previous_zone and profile.previous_zone != profile.zone:
            return self.zone_screen.offer_back(user_id, profile.previous_zone)
        if not profile.zone or not back.left:
            return None  # no zone kept to go back to, and no place left named: "im home again" may tell no trip
        if find_zone(back.left).zone != profile.zone:  # back from a place whose zone was never set
            return [Reply(t.format_still_zone(profile.zone, self.kit.clock()))]
        return self.zone_screen.offer_back(user_id, "")  # set to the place left: which place is home

    def on_location(self, msg: Inbound) -> list[Reply]:
        """A shared location sets the time zone (and the plan goes on, or the pending step is asked again)."""
        try:
            latitude, longitude = (float(part) for part in msg.text.split(","))
        except ValueError:
            return [Reply("I couldn't read that location. Type your city instead.")]
        zone = zone_at(latitude, longitude)
        if zone is None:
            return [Reply("I couldn't find a time zone there (out at sea?). Type your city instead.")]
        plan = self._plan_asking_zone(msg.user_id)
        if plan:
            return self.dialog.set_zone(plan, zone)
        replies, pending = self.zone_screen.set_zone(msg.user_id, zone), self.kit.dialogues.pending(msg.user_id)
        return [*replies, pending] if pending else replies

    def _plan_asking_zone(self, user_id: int) -> State | None:
        """The plan being made, when it waits for the time zone."""
        state = self.kit.dialogues.current(user_id)
        return state if state and state.dialogue == DIALOGUE and state.step == Step.ZONE.value else None

    def next_step(self, user_id: int) -> Note:
        """/start's next step: plan, or take the safety check first."""
        status = self.screening.status(user_id)
        buttons = (START,) if status in (Status.NOT_SCREENED, Status.EXPIRED) else ()
        return Note(t.START_PLAN if status.allows_planning else t.START_SCREEN, buttons)

    def describe(self, user_id: int) -> str:
        """The planning settings and how many plans are stored, for /mydata."""
        profile, store = self.kit.plans.load_profile(user_id), self.kit.plans
        plans = [f"{t.format_schedule(p.schedule, p.zone)} ({t.format_goal(p.goal)})" for p in store.load_plans(user_id)]
        return t.format_stored(profile.zone, profile.goal, profile.lead_minutes, plans, profile.previous_zone,
                               store.count_ended_plans(user_id), store.history(user_id, None, self.kit.clock()))


def install(kit: Kit) -> None:
    """Plans, sessions, settings and the time zone."""
    planning = Planning(kit)
    dialog, sessions, settings = planning.dialog, planning.sessions, planning.settings
    kit.dialogues.register(dialog)
    kit.dialogues.register(planning.after_check)
    kit.outgoing.insert(0, planning.after_check.resume)  # before the replies are spoken
    kit.dialogues.register(settings, on_top=True)  # "that's all" closes it and the plan step comes back
    kit.dialogues.register(sessions.cancelling, on_top=True)
    for confirmation in planning.offers.confirmations:  # an unsure skip, one session moved, a goal for all plans
        kit.dialogues.register(confirmation, on_top=True)
    kit.dialogues.register(planning.zone_screen, on_top=True)  # over a dialogue in progress; on its own otherwise
    kit.commands.add("plan", "Plan training sessions (or edit a plan)", planning.plan)
    kit.commands.add("sessions", "Your sessions this week", lambda user_id, _arg: sessions.sessions(user_id))
    kit.commands.add("settings", "Reminder timing, goal and time zone", settings.start)
    kit.commands.add("timezone", "Change your time zone", planning.timezone)
    kit.request(Intent.PLAN, planning.start, starts_dialogue=True)
    kit.request(Intent.SESSIONS, planning.sessions_request, interrupts=True)
    kit.request(Intent.SETTINGS, settings.start, interrupts=True)
    kit.request(Intent.TIMEZONE, planning.ask_zone, starts_dialogue=True)
    kit.entry(SESSIONS, sessions.on_sessions_tap)
    kit.entry(OFFERS, planning.offers.on_tap)
    kit.dialogues.register(planning.days_off, on_top=True)  # "skip only thursday's, or thursdays off the plan?"
    kit.dialogues.register(planning.days_off.away, on_top=True)  # "skip your 3 sessions until sun 20 dec?"
    kit.dialogues.register(planning.days_off.back, on_top=True)  # "put your 3 skipped sessions back on?"
    kit.readers.append(planning.later)  # "gotta run, finish later" while making a plan
    kit.readers.append(planning.plan_during_check)  # "can u remind me tue/thu 6:30pm" at a safety-check question
    kit.readers.append(planning.schedule_before_check)  # "mornings before work, like 7" before the safety check
    kit.readers.append(planning.lead_told)  # "sooner reminder please, maybe 1 hour" with plans saved: the lead
    kit.readers.append(planning.own.next_session)  # "my next session, sets and reps?": that session's (not the questions')
    kit.readers.append(planning.beside_questions.on_text)  # "how long rest between sets? also skip friday please"
    kit.readers.append(planning.own.on_text)  # "did it save?", "did i miss any sessions this week" (before "this week" as a break)
    kit.readers.append(planning.forgotten)  # "forget my saturday plan": as "cancel" there
    kit.readers.append(planning.goal_switched)  # "switch me to size": the goal edit
    kit.readers.append(planning.day_words)  # "cancel tue", "nvm i can make thursday after all"
    kit.readers.append(planning.in_words.on_text)  # "skip tomorrow", "cancel the plan", "edit the first one"
    kit.not_told.append(lambda _user_id, text: without_places(text))  # "i relocated to bangalore" tells no concern
    kit.readers.append(planning.came_back)  # "ok im back from tokyo", "im home again"
    kit.readers.append(planning.moved)  # "i moved to lisbon"
    kit.readers.append(planning.told.on_text)  # "weekends around lunch", "i wanna do this 3 times a week after work"
    kit.readers.append(planning.nothing_to_save)  # "save" with no plan waiting for it
    kit.entry(DIALOGUE, lambda user_id, tap: dialog.on_entry(user_id, tap, planning.in_words.offered_change(user_id)))
    kit.on(InboundKind.LOCATION, planning.on_location)
    kit.notes.append(planning.next_step)
    kit.descriptions.append(planning.describe)
