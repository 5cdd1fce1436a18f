"""The planning dialogue: time zone, goal, when (typed or with buttons), confirm, save.

A dialogue of the core's one mechanism (steps in draft.Step, state in the dialogue table). Every
message is read for all it carries: a goal, days, a time, a yes or no, an edit ("no, make it
7pm", "change the goal to endurance"); what was said is kept until the dialogue ends, so the bot
asks only for what is still missing. Saves only after the user confirms what the bot understood
(the confirmation step and saving: confirm_step.py)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, time

from bot.core.callbacks import Tap, parse_number
from bot.core.dialogue import Dialogues, button, entry_button
from bot.core.messages import Reply
from bot.core.words import SURE_INTENT
from bot.features.planning import texts as t
from bot.features.planning.buttons import CONFIRM_LEADS, TIMES, picker
from bot.features.planning.confirm_step import ConfirmStep
from bot.features.planning.draft import DIALOGUE, Draft, Step, draft_data, load_draft, save_draft
from bot.features.planning.gate import Gate
from bot.features.planning.habits import habit_words_only, says_habit, weekly_habit
from bot.features.planning.heard import SCHEDULE_ASKED, plan_parts
from bot.features.planning.kept import kept_with, suggested_days
from bot.features.planning.lead import MAX_LEAD, lead_label, lead_negative, read_lead, split_lead, stops_reminders
from bot.features.planning.reading import (
    CHANGE_SAID,
    carries_schedule,
    compares_a_time,
    edited_schedule,
    filled,
    joined,
    left_out,
    read_with_kept,
    schedule_hint,
    with_days_and_time,
)
from bot.features.planning.second_plan import Split, format_split
from bot.features.planning.settings import reminders_off
from bot.features.planning.span import count_note, with_kept_span
from bot.features.planning.step_questions import StepQuestions
from bot.features.planning.words import PlanWords
from bot.features.planning.zone import (
    GUESSED,
    found_any,
    guess_again,
    known_zone,
    offered_again,
    picked_zone,
    place_in_clause,
    says_wrong,
    zone_check,
)
from bot.features.planning.zone_screen import save_zone
from bot.storage.dialogues import State
from knowledge.intents import Intent
from knowledge.plan_edits import named_goal
from knowledge.plan_names import unplanned_goal
from knowledge.plan_request import PlanAction
from knowledge.relative_changes import day_change, time_shift
from scheduler.model import Question, Repeat, Schedule, ScheduleError
from scheduler.planner import Planner
from scheduler.store import Plan, Profile, SchedulerStore
from scheduler.timezones import find_zone

CANCEL_HINT = "\n\n(Type \"cancel\" to stop planning.)"


# a change that names saved plans or sessions, or drops or moves a day ("change my tuesday plan", "friday's", "no more
# thursdays", "push ... to next week"): with no plan saved and nothing kept, it has nothing to change
NAMES_SAVED = re.compile(r"\bmy\s+(?:\w+\s+){0,2}(?:plans?|sessions?|reminders?|workouts?|schedule)\b|\b[a-z]+day'?s\b.*\bto\b"
                         r"|\b(?:no more|no longer|anymore|push|postpone|drop|remove|cancel)\b", re.IGNORECASE)

class PlanningDialog:
    """Planning conversations for any number of users."""

    name = DIALOGUE
    needs_check = True  # a health change told while planning stops it (the safety check must be redone)

    def __init__(self, dialogues: Dialogues, store: SchedulerStore, planner: Planner, gate: Gate,
                 words: PlanWords, clock: Callable[[], datetime], about: Callable[[str], bool] = lambda _text: True,
                 questions: StepQuestions | None = None) -> None:
        self.dialogues = dialogues
        self.store = store
        self.planner = planner
        self.gate = gate
        self.words = words
        self.clock = clock
        self.about = about  # whether a message is meant for planning at all (not a question or another request)
        self.questions = questions  # questions and health remarks at a step (None: none are read)
        self.confirming = ConfirmStep(dialogues, store, planner, gate, words, clock)

    def start(self, user_id: int, text: str = "", editing: int | None = None) -> list[Reply]:
        """/plan: check the safety-check status, then ask what is still missing (keeping `text`; a habit's days as weekly)."""
        text = weekly_habit(text)
        off = reminders_off(self.store, user_id, text)
        if off:
            return off
        closed = self.gate.check(user_id)
        if closed:
            return [closed]
        said = text.strip() if carries_schedule(text, self.clock()) else ""
        earlier = self._told_before(user_id) if not said and editing is None else None
        draft = Draft(user_id, Step.WHEN, kept=earlier.kept if earlier else said, editing=editing, goal=earlier.goal if earlier else None)
        state = self._begin(draft)
        told = place_in_clause(text) if said and not self.store.load_profile(user_id).zone else None
        if told is not None:  # "remind me mon wed fri at 7pm, im in berlin": the place asked, the rest kept and said back
            zoned = replace(draft, step=Step.ZONE, kept="")
            return self._told_all(save_draft(self.dialogues, state, zoned), zoned, *told)
        goal = self._goal(text)
        return self._next(self._set_goal(state, goal) if goal else state)

    def _told_before(self, user_id: int) -> Draft | None:
        """The plan being made when it still waits for the zone or the goal, with what was told before those questions (a
        schedule said before the safety check, kept through it): /plan typed again starts over with it, not without it."""
        state = self.dialogues.current(user_id)
        draft = load_draft(state) if state is not None and state.dialogue == DIALOGUE else None
        return draft if draft and draft.step in (Step.ZONE, Step.GOAL) and draft.editing is None and (draft.kept or draft.goal) else None

    def zone_answer(self, state: State, place: str) -> list[Reply]:
        """/timezone while the plan asks for the zone: the place goes to the plan, or the question again."""
        typed = self._typed_zone(state, load_draft(state), place) if place.strip() else None
        return typed or [self.ask(state)]

    def ask(self, state: State) -> Reply:
        """The pending step's question, after a detour."""
        draft = load_draft(state)
        if draft.step is Step.CONFIRM and draft.pending:
            return self.confirming.ask(state, draft, edit=False)
        if draft.step is Step.GOAL:
            return replace(self._ask_goal(state), text=f"Back to your plan. {t.ASK_GOAL}")
        if draft.step is Step.ZONE and draft.zone_guess:  # "Lisbon ... Right?" still waits for its yes
            return self._guess_again(state, draft, t.GUESS_BACK)
        again = self._asked_again(state, draft) if draft.step is Step.WHEN and draft.kept else None
        if again is not None:  # "6:30 in the morning or in the evening?" asked again with its buttons (tester s30 #21)
            return again
        question = t.ASK_ZONE if draft.step is Step.ZONE else t.ASK_WHEN
        return Reply(f"{t.GUESS_BACK} {question}", location=draft.step is Step.ZONE)

    def _asked_again(self, state: State, draft: Draft) -> Reply | None:
        """The question the schedule said so far was asked (which half of the day, which days), after a detour; None
        when what was said asks none."""
        phrase, reading = read_with_kept(draft.kept, "", self.clock(), self.confirming.zone(state.user_id), draft.options)
        reading = filled(reading, draft) if isinstance(reading, Question) else reading
        if not isinstance(reading, Question):
            return None
        asked = self._ask(state, draft, reading, phrase)
        return replace(asked, text=f"{t.GUESS_BACK} {asked.text}")

    def _guess_again(self, state: State, draft: Draft, lead: str) -> Reply:
        """The guessed zone asked again with its ✅ and the places offered with it, after `lead`."""
        return guess_again(draft.zone_guess, draft.zone_offered, self.clock(),
                           lambda label, z: button(state, label, "zone", z), lead)

    def on_text(self, state: State, text: str) -> list[Reply] | None:
        """A typed zone, goal, schedule, yes/no or edit; a question answered, then the step again;
        None for another request."""
        draft = load_draft(state)
        labelled = lead_label(text) if draft.step is Step.CONFIRM else None
        if labelled is not None and labelled <= MAX_LEAD:  # "at start", "15 min": a lead button's words typed
            return self._set_lead(state, draft, labelled, "")
        if draft.step is Step.CONFIRM and stops_reminders(text):  # "no reminder needed": no switch; the latest lead said
            return [Reply(t.NO_REMINDER_SWITCH), self.ask(state)]
        aside = self.questions.aside(state, text, self.ask) if self.questions else None
        if aside is not None:
            return aside
        if draft.step in (Step.GOAL, Step.WHEN) and self._leaves(text):  # "ugh no lets not, leave it": no yes/no is asked
            return self.cancel(state)
        to_guess = draft.step is Step.ZONE and bool(draft.zone_guess) and GUESSED.read(text) is not None
        if not to_guess and not self.about(text):  # "wrong portland" answers the guess, though it reads as a zone request
            return None
        if draft.step is Step.ZONE:
            return self._typed_zone(state, draft, text)
        if lead_negative(text):  # "remind me -10 minutes before"
            return [Reply(t.LEAD_NEGATIVE), self.ask(state)]
        lead, rest = split_lead(text)
        if lead is not None:
            return self._set_lead(state, draft, lead, rest)
        goal = self._goal(text)
        if goal:
            state = self._set_goal(state, goal)
            draft = load_draft(state)
        if draft.step is Step.CONFIRM:
            return self.confirming.on_text(state, draft, text, goal)
        schedule = carries_schedule(text, self.clock())
        unplanned = unplanned_goal(text) if goal is None and not schedule else None
        if unplanned and draft.step is Step.GOAL:  # "fat loss": the goals planned for, asked again
            return [Reply(t.format_unplanned(unplanned)), self._ask_goal(state)]
        if goal is None and not schedule and (draft.step is Step.GOAL or self._asks(text)):
            return None  # not an answer: answered as a question, then the step is asked again
        if not goal or schedule:
            return self._next(state, text)
        replies = self._next(state)  # a goal alone is no schedule to read
        return [Reply(f"Goal set: {t.format_goal(goal)}."), *replies] if draft.step is Step.WHEN else replies

    def asked(self, state: State) -> str:
        """At "when", a schedule (the recognizer hears a note as an answer to it); nothing it has a context for else."""
        return SCHEDULE_ASKED if load_draft(state).step is Step.WHEN else ""

    def answer_weight(self, state: State, text: str) -> int:
        """How much of a plan a reading of a voice note names at "when" (heard.plan_parts); 0 at the other steps."""
        draft = load_draft(state)
        if draft.step is not Step.WHEN:
            return 0
        return plan_parts(text, draft.kept, self.clock(), self.confirming.zone(state.user_id))

    def _leaves(self, text: str) -> bool:
        """Whether a message at a step that asks no yes or no reads as leaving ("actually leave it", "no never mind") and
        carries nothing the step takes (a "no" there answers nothing: the words after it leave)."""
        intent, odds = self.words.intent_read(text)
        return intent is Intent.CANCEL and odds >= SURE_INTENT and not carries_schedule(text, self.clock()) \
            and self.words.goal(text) is None and read_lead(text) is None

    def _asks(self, text: str) -> bool:
        """Whether a message is worded as a question (the understanding layer's reading)."""
        return self.questions is not None and self.questions.worded_as_question(text)

    def on_tap(self, state: State, tap: Tap) -> list[Reply]:
        """A button of this run and step."""
        draft = load_draft(state)
        if tap.action == "cancel":
            return self.cancel(state, edit=True)
        if tap.action == "zone" and known_zone(tap.arg):
            return self.set_zone(state, tap.arg)
        if tap.action == "goal" and tap.arg in t.GOALS:
            return self._next(self._set_goal(state, tap.arg))
        if tap.action == "lead" and parse_number(tap.arg) in CONFIRM_LEADS and draft.step is Step.CONFIRM and draft.pending:
            return [self.confirming.show(state, replace(draft, lead=int(tap.arg)), edit=True)]
        return self._draft_tap(state, draft, tap)

    def cancel(self, state: State, edit: bool = False) -> list[Reply]:
        """Stop planning; nothing is saved."""
        self.dialogues.end(state.user_id, DIALOGUE)
        return [Reply(t.PLAN_CANCELLED, edit=edit)]

    def on_entry(self, user_id: int, tap: Tap, change: str = "") -> list[Reply]:
        """➕ New plan, or ✏️ Edit under a listed plan: its schedule to confirm, changed by typing or
        with ✏️ Change (with the `change` said when the bot asked which plan to edit, applied)."""
        if tap.action == "new" and not tap.arg:
            return self.start(user_id)
        plan_id = parse_number(tap.arg)
        plan = self.store.load_plan(plan_id) if tap.action == "edit" and plan_id is not None else None
        if plan is None or plan.user_id != user_id or not plan.active:
            return [Reply(t.STALE)]
        return self.edit(user_id, plan, change)

    def edit(self, user_id: int, plan: Plan, change: str = "") -> list[Reply]:
        """Edit a stored plan: its schedule to confirm, with the `change` typed with the request
        ("change my monday plan to 8am") applied as if typed at that confirmation."""
        closed = self.gate.check(user_id)
        if closed:
            return [closed]
        state = self._begin(Draft(user_id, Step.CONFIRM, editing=plan.id))
        reply = self.confirming.show(state, Draft(user_id, Step.CONFIRM, pending=plan.schedule, editing=plan.id), edit=False)
        changed = self.on_text(self.dialogues.current(user_id) or state, change) if change else None
        return changed or [replace(reply, text=f"{t.EDITING}\n\n{reply.text}")]

    def change_saved(self, user_id: int, plan: Plan, text: str) -> list[Reply]:
        """A schedule told as the new routine ("i want to train 4x a week now") by a user with one plan: that plan edited
        with it (its time kept for days said without one), saying so, with ➕ New plan for one beside it instead."""
        closed = self.gate.check(user_id)
        if closed:
            return [closed]
        weekly = plan.schedule.repeat is Repeat.WEEKLY and plan.schedule.local_time is not None
        at = f"{plan.schedule.local_time:%H:%M}" if weekly else None
        state = self._begin(Draft(user_id, Step.WHEN, kept=text.strip(), editing=plan.id, local_time=at))
        *before, last = self._next(state)
        zone = self.confirming.zone(user_id)
        noted = t.with_note(before[0] if before else last, t.format_changing(t.format_schedule(plan.schedule, zone)))
        replies = [noted, *before[1:], last] if before else [noted]
        new = (entry_button(DIALOGUE, "➕ New plan", "new"),)
        return [*replies[:-1], replace(replies[-1], buttons=(*replies[-1].buttons, new))]

    def _begin(self, draft: Draft) -> State:
        """A new run of the dialogue holding `draft`."""
        return self.dialogues.begin(draft.user_id, DIALOGUE, draft.step, draft_data(draft))

    def _next(self, state: State, text: str = "") -> list[Reply]:
        """Ask for what is still missing: the zone, the goal, then when (reading `text` and what was kept)."""
        draft = load_draft(state)
        profile = self.store.load_profile(state.user_id)
        if not profile.zone:
            state = save_draft(self.dialogues, state, replace(draft, step=Step.ZONE, kept=joined(draft.kept, text)))
            return [Reply(t.ASK_ZONE, location=True)]
        if not (draft.goal or profile.goal):
            kept, split = kept_with(draft, text, self.clock())
            state = save_draft(self.dialogues, state, replace(kept, step=Step.GOAL))
            said = t.format_kept(text, "") if draft.step is Step.GOAL and text.strip() else ""  # "sat 9" at the goal question
            return [t.with_note(self._ask_goal(state), " ".join(n for n in (said, self._split_note(split, kept)) if n))]
        return self._when(state, replace(draft, step=Step.WHEN), text, profile)

    @staticmethod
    def _split_note(split: Split | None, kept: Draft) -> str:
        """What happens to days given a time of their own before the plan could be shown ("" for none)."""
        at = kept.kept.rsplit(" at ", 1)[-1]
        return format_split(split, at) if split is not None else ""

    def _typed_zone(self, state: State, draft: Draft, text: str) -> list[Reply] | None:
        """A typed place, a "yes" or "no" to the guessed one, or a schedule said early (kept for
        later); None for a question ("and hypertrophy?")."""
        guess = find_zone(text)
        found = found_any(guess)
        picked = picked_zone(guess, text, draft.zone_guess, draft.zone_offered, self.words.is_yes, self.words.answer,
                             self.words.asks(text))
        if picked:  # "yes" typed instead of tapping ✅, or a place offered with the guess
            return self.set_zone(state, picked)
        if draft.zone_offered and (says_wrong(text, draft.zone_guess) or not found and self.words.answer(text) == "no"
                                   and not self.words.asks(text)):  # "is that daylight savings time or not" asks
            state = save_draft(self.dialogues, state, replace(draft, zone_guess=""))
            return [offered_again(draft.zone_offered, self.clock(), lambda label, z: button(state, label, "zone", z))]
        offset = (guess.zone or "").startswith("UTC")  # "UTC+5:30" is a zone, not a time
        lead, rest = split_lead(text)
        if found and (lead is None or found_any(find_zone(rest))):  # "30 mins before pls" is no "Mainz": its lead read first
            lead, rest = None, text
        if lead is not None and not carries_schedule(rest, self.clock()):  # "remind me 1 hour before": kept for Save
            state = save_draft(self.dialogues, state, replace(draft, lead=lead))
            first, *more = self._kept_ask_zone(state)
            said = f"Got it: reminders {t.format_lead_phrase(lead)} (kept for this plan)."
            return [replace(first, text=first.text.replace(t.GUESS_KEPT, said, 1)), *more]
        about_saved = None if found else self._about_saved_plans(state, draft, text)
        if about_saved is not None:
            return about_saved
        told = place_in_clause(text)  # "strength, mon wed fri at 7, im in berlin": the place asked, the rest kept
        if told is not None and (carries_schedule(told[1], self.clock()) or self._goal(told[1])):
            return self._told_all(state, draft, *told)
        if not offset and carries_schedule(text, self.clock()):  # "actually make thursday 7pm instead": the kept plan changed
            kept, split = kept_with(draft, text, self.clock())
            kept = replace(kept, goal=self._goal(text) or kept.goal)  # "mon wed fri 7am strength": the goal kept too
            replies = self._kept_ask_zone(save_draft(self.dialogues, state, kept))
            return [t.with_note(replies[0], self._split_note(split, kept)), *replies[1:]]
        hint = schedule_hint(text, self.clock()) if not found else None
        if hint:  # "mwf 7am but on my night weeks 5pm": why it can't be one plan, never "I couldn't place that"
            return [self._guess_again(state, draft, hint) if draft.zone_guess else Reply(f"{hint} {t.ASK_ZONE}", location=True)]
        goal = self._goal(text) if not found else None
        if goal:  # "strength" typed at the zone question: kept in the draft for the goal question, stored at Save
            return self._kept_ask_zone(save_draft(self.dialogues, state, replace(draft, goal=goal)))
        if not found and self._asks(text):
            return None  # "and hypertrophy?": answered, then the zone is asked again
        if not found and draft.zone_guess:  # "vale" at "Madrid ... Right?": the guess stays, asked again
            return [self._guess_again(state, draft, t.GUESS_NOT_CAUGHT)]
        offered = guess.choices if found else draft.zone_offered
        state = save_draft(self.dialogues, state, replace(draft, zone_guess=guess.zone or "", zone_offered=offered))
        return [zone_check(guess, self.clock(), lambda label, zone: button(state, label, "zone", zone))]

    def _about_saved_plans(self, state: State, draft: Draft, text: str) -> list[Reply] | None:
        """A skip, cancel or change of saved plans said at the zone question by a user with none ("skip tomorrow", "cancel
        all my plans", "push friday's to next week", "no more thursdays"): never kept as this plan's schedule (tester s32
        #16: "Got it, I'll keep that", and "no more thursdays" kept Thursday); a cancel leaves planning, a skip or change is
        told there is nothing to skip or change yet and the zone asked again. A change of what was kept before ("actually
        make thursday 7pm instead") is no change of saved plans. None for anything else."""
        request = self.words.plan_request(text)
        of_saved = request is not None and (request.action is not PlanAction.EDIT or not draft.kept and NAMES_SAVED.search(text))
        if request is None or not of_saved or self.store.count_plans(state.user_id):
            return None
        if request.action is PlanAction.CANCEL:
            self.dialogues.end(state.user_id, DIALOGUE)
            return [Reply(t.PLAN_CANCELLED)]
        said = t.NOTHING_TO_SKIP if request.action is PlanAction.SKIP else t.NOTHING_TO_CHANGE
        return [self._guess_again(state, draft, said) if draft.zone_guess else Reply(f"{said} {t.ASK_ZONE}", location=True)]

    def _told_all(self, state: State, draft: Draft, place: str, rest: str) -> list[Reply]:
        """A place said with the schedule or a goal at the zone question ("strength, mon wed fri at 7, im in berlin",
        "for endurance, berlin time"): the schedule and goal kept, the place asked for its yes, and what was kept said."""
        kept = kept_with(draft, rest, self.clock())[0] if carries_schedule(rest, self.clock()) else draft
        clauses = [c for c in rest.split(", ") if c.strip()]
        goal = self._goal(rest) or next((g for c in clauses if (g := self._goal(c))), None)  # "..., goal is hypertrophy"
        guess = find_zone(place)
        kept = replace(kept, goal=goal or kept.goal, zone_guess=guess.zone or "", zone_offered=guess.choices)
        state = save_draft(self.dialogues, state, kept)
        schedule = ", ".join(c for c in clauses if carries_schedule(c, self.clock())) if kept.kept else ""  # the goal said apart
        said = t.format_kept(schedule or kept.kept, t.format_goal(kept.goal) if kept.goal in t.GOALS else "")
        return [t.with_note(zone_check(guess, self.clock(), lambda label, zone: button(state, label, "zone", zone)), said)]

    def _kept_ask_zone(self, state: State) -> list[Reply]:
        """A schedule or goal said at the zone question, kept: the guessed zone asked again when one waits for its yes
        ("every other day at 7ish" at "Lisbon ... Right?"), else the question for a place."""
        draft = load_draft(state)
        if draft.zone_guess:
            return [self._guess_again(state, draft, t.GUESS_KEPT)]
        return [Reply(t.KEPT_ASK_ZONE, location=True)]

    def set_zone(self, state: State, zone: str) -> list[Reply]:
        """Store the zone and carry on with the plan."""
        return [save_zone(self.store, self.planner, state.user_id, zone, self.clock()), *self._next(state)]

    def _goal(self, text: str) -> str | None:
        """The goal a message states; a question about one ("and hypertrophy?") states none unless it asks a
        change ("can it be an endurance plan instead"), nor does a time or day moved ("push it back an hour") or a time
        compared ("7:30 better")."""
        moved = time_shift(text) is not None or day_change(text) is not None and not named_goal(text)  # "swap wed for thu"
        moved = moved or compares_a_time(text)
        return None if self._asks(text) and not CHANGE_SAID.search(text) or moved else self.words.goal(text)

    def _set_goal(self, state: State, goal: str) -> State:
        """Store the goal answered (the plans made next follow it); one kept from the zone question
        no longer counts. A goal said at the confirmation (or in an edit) is the plan's: kept in the
        draft and stored only at Save."""
        draft = load_draft(state)
        if draft.step is Step.CONFIRM or draft.editing is not None:
            return save_draft(self.dialogues, state, replace(draft, goal=goal))
        self.planner.update_profile(replace(self.store.load_profile(state.user_id), goal=goal))
        return save_draft(self.dialogues, state, replace(draft, goal=None))

    def _set_lead(self, state: State, draft: Draft, lead: int, rest: str) -> list[Reply]:
        """Keep the reminder lead for the plan ("remind me 1 hour before"; stored at Save), then carry
        on with the rest said."""
        draft = replace(draft, lead=lead)
        state = save_draft(self.dialogues, state, draft)
        rest = rest if carries_schedule(rest, self.clock()) else ""
        if draft.step is Step.CONFIRM and draft.pending:
            edited = edited_schedule(draft, rest, self.clock(), self.confirming.zone(state.user_id)) if rest else None
            return [self.confirming.show(state, replace(draft, pending=edited or draft.pending), edit=False)]
        first, *more = self._next(state, rest)
        if load_draft(self.dialogues.current(state.user_id, DIALOGUE) or state).step is Step.CONFIRM:
            return [first, *more]  # the plan shown says its reminder
        return [t.with_note(first, f"Got it: reminders {t.format_lead_phrase(lead)} (kept for this plan)."), *more]

    def _ask_goal(self, state: State) -> Reply:
        """The goal question with one button per goal."""
        return Reply(t.ASK_GOAL, buttons=tuple((button(state, label, "goal", g),) for g, label in t.GOALS.items()))

    def _when(self, state: State, draft: Draft, text: str, profile: Profile) -> list[Reply]:
        """Read a typed schedule (with what was kept before a question; a habit's days as weekly), or show the picker."""
        text = weekly_habit(text)
        phrase_text = text.strip() or draft.kept
        if not phrase_text:
            state = save_draft(self.dialogues, state, draft)
            return [picker(state, draft, edit=False)]
        kept = draft.kept if text.strip() else ""
        said = suggested_days(kept, self.words.answer(text), self.clock(), profile.zone or "UTC")
        phrase_text = said or phrase_text  # "yes" at "Which 4 days of the week? Mon/Tue/Thu/Fri?": those days
        phrase, reading = read_with_kept(phrase_text, kept, self.clock(), profile.zone or "UTC", draft.options)
        if isinstance(reading, ScheduleError):
            save_draft(self.dialogues, state, replace(draft, kept="", options=()))
            return [Reply(f"{reading}{CANCEL_HINT}")]
        if isinstance(reading, Question):
            reading = filled(reading, draft)
        if isinstance(reading, Question) and not reading.options:  # "make it every 3 weeks" after a "no"
            zone = profile.zone or "UTC"
            reading = with_days_and_time(phrase, draft.weekdays, draft.local_time, self.clock(), zone) or reading
        leftovers = tuple(part for part in left_out(phrase, kept, self.words.goal)
                          if not (says_habit(phrase) and habit_words_only(part.words)))  # "normally": told a habit
        note = t.format_left_out(leftovers)  # what the plan will not do, said before it is saved
        note = " ".join(n for n in (count_note(draft.kept, reading, self.clock(), profile.zone or "UTC"), note) if n)
        if isinstance(reading, Question):
            return [t.with_note(self._ask(state, draft, reading, phrase), note)]
        return [t.with_note(self.confirming.show(state, replace(draft, pending=reading, kept="", options=()), edit=False), note)]

    def _ask(self, state: State, draft: Draft, question: Question, phrase: str) -> Reply:
        """Ask about an ambiguous or incomplete schedule, keeping what was understood: one button per
        reading, or the day/time picker filled in with the days or time already given."""
        if question.options:
            state = save_draft(self.dialogues, state, replace(draft, kept=phrase, options=tuple(s for _, s in question.options)))
            rows = tuple((button(state, label, "pick", str(i)),) for i, (label, _) in enumerate(question.options))
            return Reply(question.text, buttons=(*rows, (button(state, "✖️ Cancel", "cancel"),)))
        clock = f"{question.local_time:%H:%M}" if question.local_time else draft.local_time
        draft = replace(draft, kept=phrase, options=(), weekdays=question.weekdays or draft.weekdays, local_time=clock)
        state = save_draft(self.dialogues, state, draft)
        if not question.picker:
            return Reply(f"{question.text}{CANCEL_HINT}")
        return replace(picker(state, draft, edit=False), text=question.text)

    def _draft_tap(self, state: State, draft: Draft, tap: Tap) -> list[Reply]:
        """Buttons that change or finish the plan being made."""
        if tap.action == "day" and (day := parse_number(tap.arg)) is not None and day < 7:
            draft = replace(draft, step=Step.WHEN, weekdays=draft.weekdays ^ {day})
        elif tap.action == "time" and tap.arg in TIMES:
            draft = replace(draft, step=Step.WHEN, local_time=tap.arg)
        elif tap.action == "pick" and (i := parse_number(tap.arg)) is not None and i < len(draft.options):
            return [self.confirming.show(state, replace(draft, pending=draft.options[i], kept="", options=()), edit=True)]
        elif tap.action == "change":
            draft = replace(draft, step=Step.WHEN, pending=None)
        elif tap.action == "review" and draft.weekdays and draft.local_time:
            schedule = Schedule(weekdays=draft.weekdays, local_time=time.fromisoformat(draft.local_time))
            schedule = with_kept_span(draft.kept, schedule, self.clock(), self.confirming.zone(state.user_id))
            return [self.confirming.show(state, replace(draft, pending=schedule), edit=True)]
        elif tap.action == "review":
            return [Reply("Pick at least one day and a time first, or type it, e.g. \"Mon Wed Fri at 7am\".")]
        elif tap.action == "save" and draft.step is Step.CONFIRM and draft.pending:
            first, *then = self.confirming.saved(state, draft)
            return [replace(first, edit=True), *then]
        else:
            return [Reply(t.STALE)]
        state = save_draft(self.dialogues, state, draft)
        return [picker(state, draft, edit=True)]
