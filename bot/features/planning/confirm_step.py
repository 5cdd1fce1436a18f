"""The planning dialogue's last step: what the bot understood with the next three dates, edits and
yes / no typed there, the reminder lead chosen for the plan, and saving.

Nothing is stored before the user confirms: the lead picked here (⏰ buttons, "remind me 1 hour
before") and a goal said at the zone question are kept in the draft and written to the profile
once, with the plan, at Save."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime

from bot.core.confirmation import MIXED, Choices, asked
from bot.core.dialogue import Dialogues
from bot.core.messages import Reply
from bot.features.planning import texts as t
from bot.features.planning.buttons import confirm_buttons, picker
from bot.features.planning.draft import DIALOGUE, Draft, Step, draft_data, load_draft, save_draft
from bot.features.planning.gate import Gate
from bot.features.planning.reading import (
    YES_WITH_A_CHANGE,
    compared_time,
    edited_part,
    laughs_it_off,
    left_out,
    read_as,
    retimes_some_days,
    says_discard,
    says_save,
    unconfirmed,
)
from bot.features.planning.second_plan import format_split, own_time, own_times, queued, waiting_named
from bot.features.planning.words import PlanWords
from bot.storage.dialogues import State
from bot.storage.transaction import transaction
from knowledge.plan_edits import proposed_after_rejected
from scheduler.days import find_days
from scheduler.leftovers import only_holidays
from scheduler.parsing import COUNT_EXAMPLES
from scheduler.planner import Planner
from scheduler.recurrence import next_occurrences
from scheduler.store import SchedulerStore
from scheduler.timezones import zone_info

# what people type for the three buttons ("no, save it", "no changes, good to go"; "id rather tweak it"; "scrap it")
SAVING = Choices.listed("✅, save, confirm, book it, lock it in, keep it, keep the plan, as is, no changes, nothing to change, good to go, "
                        "speicher, guard, enregistr, salva, opslaan",
                        "✏️, ✏, change, edit, tweak, adjust, modify")

_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
_DAYS_A_WEEK = re.compile(r"\b([1-7]|one|two|three|four|five|six|seven)\s*(?:x|times|sessions?|days?|workouts?)\s*(?:a|per|each|/|every)"
                          r"\s*week\b", re.IGNORECASE)


def days_a_week(text: str) -> int | None:
    """The count of sessions a week said ("5 sessions a week", "3x per week"), or None."""
    found = _DAYS_A_WEEK.search(text)
    if found is None:
        return None
    said = found.group(1).lower()
    return int(said) if said.isdigit() else _NUMBERS[said]


# an hour typed alone at the confirmation ("7", "8:15"): nothing else there is a number; its side of noon is the plan's
_HOUR_ALONE = re.compile(r"^\W*(?:[01]?\d|2[0-3])(?:[:.][0-5]\d)?\W*$")

# a save refused with "no" just before it, no comma between ("not need, sorry, no save"; "no, save it" saves)
_NO_SAVE = re.compile(r"\b(?:no|nope|nah)\s+(?:need\s+(?:to\s+)?)?sav(?:e|ing)\b", re.IGNORECASE)


@dataclass(frozen=True)
class ConfirmStep:
    """Confirming and saving plans for any number of users."""

    dialogues: Dialogues
    store: SchedulerStore
    planner: Planner
    gate: Gate
    words: PlanWords
    clock: Callable[[], datetime]

    def show(self, state: State, draft: Draft, edit: bool) -> Reply:
        """Move to the confirmation with a new nonce: an earlier Save never saves this plan."""
        state = save_draft(self.dialogues, state, replace(draft, step=Step.CONFIRM), renew=True)
        return self.ask(state, load_draft(state), edit)

    def ask(self, state: State, draft: Draft, edit: bool) -> Reply:
        """What the bot understood and the next three dates; nothing is saved yet."""
        profile = self.store.load_profile(state.user_id)
        goal = self._goal(draft, profile.goal)
        assert draft.pending is not None and profile.zone and goal
        lead = profile.lead_minutes if draft.lead is None else draft.lead
        nexts = next_occurrences(draft.pending, zone_info(profile.zone), self.clock(), 3)
        skipped = [t.format_when(at, profile.zone)[:10] for at in self.store.cancelled_at(draft.editing) if at > self.clock()] \
            if draft.editing is not None else []  # an edit keeps them skipped (Planner.carry_skips)
        text = t.format_confirm(draft.pending, profile.zone, goal, nexts, lead, skipped)
        if self._duplicate(state.user_id, draft):
            text = f"{t.DUPLICATE}\n\n{text}"
        return Reply(text, buttons=confirm_buttons(state, lead), edit=edit)

    def on_text(self, state: State, draft: Draft, text: str, goal: str | None) -> list[Reply] | None:
        """"yes" saves, "no" goes back to the picker, "bin it" ends planning, an edit changes the plan and asks again."""
        if only_holidays(text):  # "except public holidays" at Save: said it can't be, the plan shown again as it is
            return [t.with_note(self.show(state, draft, edit=False), t.NO_HOLIDAYS)]
        count = days_a_week(text)
        if count and draft.pending is not None and draft.pending.local_time and not find_days(text.lower()).days \
                and count != len(draft.pending.weekdays):  # "5 sessions a week": which days, never the old draft unsaid
            return [Reply(t.format_which_days(count, COUNT_EXAMPLES.get(count, "Mon/Wed/Fri"), draft.pending))]
        named = waiting_named(draft.then, text)
        if named is not None:  # "skip this one, just the thursday one": this plan dropped, that one shown as it was said
            waiting = replace(draft, pending=draft.then[named], then=draft.then[:named] + draft.then[named + 1:])
            return [t.with_note(self.show(state, waiting, edit=False), t.ONLY_THAT_ONE)]
        several = own_times(draft.pending, text) if draft.pending is not None else None
        if several is not None and draft.pending is not None:  # "make wed 8am and fri 9am": a plan of its own for each
            left, splits = several
            then = draft.then
            for one in splits:
                then = queued(then, one)
            at = f"{draft.pending.local_time:%H:%M}"
            note = " ".join(format_split(one, at) for one in splits)
            return [t.with_note(self.show(state, replace(draft, pending=left, then=then), edit=False), note)]
        split = own_time(draft.pending, text) if draft.pending is not None else None
        if split is not None and draft.pending is not None:  # "and tuesdays at 6pm": a second plan, after this one
            first = replace(draft, pending=replace(draft.pending, weekdays=split.kept), then=queued(draft.then, split))
            return [t.with_note(self.show(state, first, edit=False), format_split(split, f"{draft.pending.local_time:%H:%M}"))]
        proposed = proposed_after_rejected(text)  # "7 is too early for me, 9?": the 9, as "make it 9"
        text = f"make it {proposed}" if proposed else text
        text = f"make it {text.strip()}" if _HOUR_ALONE.match(text) else text  # "7" alone: the plan's new hour, as "make it 7"
        found = edited_part(draft, compared_time(text) or text, self.clock(), self.zone(state.user_id))  # "8 is better": at 8
        if found is not None:
            edited, part = found  # "lol ok but make it 8": the change said after the reaction
            if draft.pending is not None and retimes_some_days(draft.pending, edited, part):
                kept = draft.pending.weekdays - edited.weekdays
                which = t.format_one_time(edited.weekdays, kept, f"{edited.local_time:%H:%M}", f"{draft.pending.local_time:%H:%M}")
                which = f"{which} {t.format_one_session(edited.weekdays, f'{edited.local_time:%H:%M}')}" if draft.editing else which
                return [t.with_note(self.show(state, draft, edit=False), which)]
            said = read_as(part, edited, self.zone(state.user_id))  # "make it 8": which 8 was taken
            note = " ".join(n for n in (said, t.format_left_out(left_out(part, "", self.words.goal))) if n)
            return [t.with_note(self.show(state, replace(draft, pending=edited), edit=False), note)]
        if goal:
            return [self.show(state, draft, edit=False)]
        if says_discard(text):  # "bin it", "not this one, scrap it", "✖️": thrown away, as /cancel does
            self.dialogues.end(state.user_id, DIALOGUE)
            return [Reply(t.PLAN_CANCELLED)]
        chosen = "no" if _NO_SAVE.search(text) else SAVING.read(text)  # "no, save it", "don't change anything", "id rather tweak it first"
        if chosen == MIXED:
            return None
        if laughs_it_off(text):
            return None  # "lol ok": a reaction, asked again; saving is the costly mistake
        answer = chosen or ("yes" if says_save(text) else self.words.answer(text))
        if answer == "yes" and asked(text, self.words.asks):
            return None  # "do i need any equipment": a question is answered, it saves nothing ("do it" saves)
        if answer == "yes" and not chosen and YES_WITH_A_CHANGE.search(text):
            return None  # "yes, 8 instead of 7": a change the edit reader missed is asked again, never saved as shown
        if answer == "yes":
            return self.saved(state, draft)
        if answer == "no":
            state = save_draft(self.dialogues, state, unconfirmed(draft))
            return [Reply("Okay, what should change? Type it (e.g. \"Tue Thu 6pm\") or pick below.",
                          buttons=picker(state, load_draft(state), edit=False).buttons)]
        return None

    def saved(self, state: State, draft: Draft) -> list[Reply]:
        """Save the plan; then the plans said with it with times of their own ("and tuesdays at 6pm"), shown for saving
        in turn, each with the ones still waiting after it."""
        reply = self.save(state, draft)
        if not draft.then or self.dialogues.current(state.user_id) is not None:
            return [reply]  # not saved (the safety check closed), or nothing after it
        second = Draft(state.user_id, Step.CONFIRM, pending=draft.then[0], goal=draft.goal, lead=draft.lead, then=draft.then[1:])
        begun = self.dialogues.begin(state.user_id, DIALOGUE, Step.CONFIRM, draft_data(second))
        return [reply, t.with_note(self.show(begun, second, edit=False), t.format_next_plan(len(second.then)))]

    def save(self, state: State, draft: Draft) -> Reply:
        """Store the confirmed plan (replacing the one being edited) and the lead chosen for it, if
        the safety check still allows it: it may have expired or been flagged for a redo since
        planning began."""
        closed = self.gate.check(state.user_id)
        if closed:
            return closed
        if draft.editing is not None and not self._still_active(state.user_id, draft.editing):
            self.dialogues.end(state.user_id, DIALOGUE)  # cancelled since the edit began: saving would bring it back
            return Reply(t.EDITED_PLAN_GONE)
        profile = self.store.load_profile(state.user_id)
        assert draft.pending is not None
        chosen = replace(profile, lead_minutes=profile.lead_minutes if draft.lead is None else draft.lead,
                         goal=draft.goal or profile.goal)
        goal = self._goal(draft, profile.goal)
        with transaction(self.store.db):  # the plan, the lead and goal, the old plan it replaces and the dialogue's end: all or none
            if chosen != profile:
                profile = chosen
                self.planner.update_profile(profile)
            made = self.planner.create(replace(profile, goal=goal), draft.pending)
            if draft.editing is not None:  # this saturday skipped stays skipped at its new time
                self.planner.replace_plan(state.user_id, draft.editing, made)
            self.dialogues.end(state.user_id, DIALOGUE)
        return Reply(f"✅ Saved. I'll remind you {t.format_lead_phrase(profile.lead_minutes, not draft.pending.recurring)}. "
                     "See what's coming with /sessions; change timing with /settings.")

    def _still_active(self, user_id: int, plan_id: int) -> bool:
        """Whether a plan is still the user's and active."""
        plan = self.store.load_plan(plan_id)
        return plan is not None and plan.user_id == user_id and plan.active

    def _goal(self, draft: Draft, default: str | None) -> str | None:
        """The plan's goal: the one said while making it, else the edited plan's own, else the profile's."""
        edited = self.store.load_plan(draft.editing) if draft.editing is not None and not draft.goal else None
        return draft.goal or (edited.goal if edited else default)

    def zone(self, user_id: int) -> str:
        """The user's zone (plans are read in it)."""
        return self.store.load_profile(user_id).zone or "UTC"

    def _duplicate(self, user_id: int, draft: Draft) -> bool:
        """Whether an active plan already has this schedule (the one being edited aside)."""
        return any(p.schedule == draft.pending and p.id != draft.editing for p in self.store.load_plans(user_id))
