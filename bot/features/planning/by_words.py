"""Typed requests about stored plans (read with their slots by the understanding layer:
knowledge.intents, reader "plans") acted on like the buttons of /sessions and
/plan's list: a session skipped, a plan cancelled after the same confirmation (typed yes / no
works), a plan edited in the planning dialogue (its days, time or goal, the change said with the
request applied there, confirmed with Save; a reminder lead, one for all plans, goes to the
settings, as does a goal when there is no plan). A request that fits several asks which, with
buttons, and keeps the change said for the plan picked. Wherever the user is: idle, or at
/sessions or /plan's list, even over a plan being made. Over a dialogue in progress (no list on
screen) a skip or a cancel of a plan it names still acts (both open on top of it), but an edit,
which would replace the dialogue, does not."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime, timedelta
from typing import TypeVar

from bot.core.dialogue import Dialogues, entry_button
from bot.core.messages import Button, Reply
from bot.core.texts import BUSY
from bot.features.planning import texts as t
from bot.features.planning.changes import Change, Edit, moves_one_to, new_time, one_day_retimed, read_edit, says_itself
from bot.features.planning.dialog import PlanningDialog
from bot.features.planning.draft import DIALOGUE as PLANNING
from bot.features.planning.draft import Step, load_draft, save_draft
from bot.features.planning.lead import read_lead, split_lead
from bot.features.planning.listing import VIEW, Listed, Mark, Shown
from bot.features.planning.offers import Offers
from bot.features.planning.reading import carries_schedule
from bot.features.planning.sessions import PAGE, SESSIONS, Sessions
from bot.features.planning.words import PlanWords
from bot.storage.dialogues import State
from knowledge.plan_days import IN_DAYS, WEEKEND
from knowledge.plan_edits import corrected, day_of_plan, one_session, without_kept
from knowledge.plan_request import PlanAction, PlanRequest
from knowledge.plan_slots import plan_choice
from knowledge.relative_changes import day_change, days_in
from scheduler.days import find_days
from scheduler.model import WEEKDAY_NAMES, Repeat
from scheduler.parsing import mentions_time
from scheduler.planner import UPCOMING_DAYS
from scheduler.store import Plan
from scheduler.timezones import zone_info
from scheduler.words import normalise

_OF_PLANS = re.compile(r"\b(?:plans?|sessions?|reminders?|workouts?|schedule)\b", re.IGNORECASE)  # what an edit of plans names
_ALL_OF_THEM = re.compile(r"\b(?:all|both|every(?:one|thing)?|each)\b", re.IGNORECASE)  # "all of them", "both"
_CLOCK_SAID = re.compile(r"\d|\b(?:noon|midday|morning|evening|afternoon|night)\b", re.IGNORECASE)  # a time said too
_NOT_COMING = re.compile(r"\b(?:cant|can't|cannot|can not|won'?t|skip\w*|miss\w*|busy)\b", re.IGNORECASE)
_WEEKDAY_WORD = r"\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*'?s?\b"
# "the thursday session next week", "next week's tuesday" (not "not this friday, skip pls. next week as usual")
_NEXT_WEEK = re.compile(rf"{_WEEKDAY_WORD}(?:\s+[\w']+){{0,2}}?\s+(?:ne?xt|following)\s+w(?:ee)?k\b"
                        rf"|\b(?:ne?xt|following)\s+w(?:ee)?k'?s?(?:\s+[\w']+)?\s+{_WEEKDAY_WORD}", re.IGNORECASE)
# "the saturday after this one", "sunday after next" (not "the monday after this weekend")
_AFTER_THIS = re.compile(r"\bafter\s+(?:this|the next)\s+(?:one|session|workout)\b|\bafter next\b", re.IGNORECASE)
_BEFORE = re.compile(r"\bbefore\b", re.IGNORECASE)
_LAST = re.compile(r"\blast\b", re.IGNORECASE)
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_YEAR_END = re.compile(r"\blast\b.*\b(?:this|of the|of this)\s+year\b", re.IGNORECASE)  # "the last session of the year"
_NUMBER = re.compile(r"^\W*(?:(?:number|no\.?|nr\.?|option|#)\s*)?(\d)\W*$", re.IGNORECASE)  # "2", "#2", "option 2": the 2nd offered
PARTS = {"morning": range(4, 12), "lunch": range(11, 15), "afternoon": range(12, 18), "evening": range(17, 24)}
# the hours well inside a part of the day: "the morning one" of a 7:00 plan and a 10:00 one is the 7:00 one
CORE_PARTS = {"morning": range(4, 10), "lunch": range(12, 14), "afternoon": range(13, 17), "evening": range(18, 22)}
NO_PLANS = Reply("You have no plans yet. Make one with /plan.")
DATE = "date:"  # a request's day slot naming a date ("date:12:14")
DATED_DAYS = 62  # how far ahead a session named by its date is looked for
T = TypeVar("T")
# where one request about plans ends and another begins ("skip monday, and change my goal", "skip tomorrow and move
# saturday to 11am"): a comma or "and" / "also" / "then" before a word that asks something of a plan
_REQUESTS_BREAK = re.compile(r"\s*(?:[;.]|,(?:\s*(?:and|also|then|plus))*|\s(?:and|also|then|plus)(?:\s+(?:also|then))?)\s+"
                             r"(?=(?:(?:pls|please|can you|could you|also)\s+)?(?:skip|move|change|make|switch|cancel|delete|drop|"
                             r"push|put|set|remind|shift|reschedule)\b)", re.IGNORECASE)
_ONE_SKIPPED = re.compile(r"\b(?:skip|miss)\w*\b", re.IGNORECASE)  # "skip monday": one session ("drop wednesdays": the day)
_DAYS_FOR_GOOD = re.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)days\b|\b(?:every|all|for good|any ?more|from now on)\b",
                            re.IGNORECASE)
CANCEL_SAVED = "(Your saved plans stay; to cancel one, say which, e.g. \"cancel my monday plan\", or use /sessions.)"


class PlansInWords:
    """Skip, cancel and edit plans said in words, for any number of users."""

    def __init__(self, sessions: Sessions, dialog: PlanningDialog, dialogues: Dialogues, clock: Callable[[], datetime],
                 words: PlanWords, settings: Callable[[int, str], list[Reply] | None], offers: Offers) -> None:
        self.offers = offers  # what is asked before it is done: an unsure skip, one session moved, a goal for all plans
        self.words = words  # the understanding layer's readings: a request about plans, a goal
        self.settings = settings  # a lead or goal change in words applied to the settings
        self.sessions = sessions
        self.dialog = dialog
        self.dialogues = dialogues
        self.clock = clock

    def on_text(self, user_id: int, text: str) -> list[Reply] | None:
        """The replies to a request about plans; None when the message makes none, or leaves it to
        the dialogue the user is in ("change it to 8am" at a plan's confirmation)."""
        several = self._several(user_id, text)
        if several is not None:  # "skip monday, and change my goal to endurance": the skip, then the edit
            return several
        text = _days_kept_aside(text, self.words.plan_request)
        request = self.words.plan_request(text)
        moved = self._one_moved(user_id, request, text)
        if moved is not None:  # "this thursday only can we do 8pm": that session moved, asked first
            return moved
        if request is None:
            return self._chosen(user_id, text)
        if self._left_to_others(user_id, request, text) or self._planning(user_id) and day_change(text) is not None:
            return None  # "drop friday" while a plan is being made: that plan's days
        if request.action is PlanAction.EDIT and not request.rest and carries_schedule(text, self.clock()) and not one_session(text):
            request = replace(request, day=None, time=None, part=None, rest=text.strip())  # "make strength half 6 in the evening"
        if request.action is PlanAction.EDIT and request.rest:  # "to 8 no wait make it 7"
            request = replace(request, rest=corrected(request.rest))
        if request.action is PlanAction.SKIP:  # "skip the thursday session next week", "sunday after this one"
            request = self._last_this_year(user_id, self._weeks_on(user_id, request, text), text)
        if request.action is PlanAction.EDIT and not request.named:  # "add a sunday to the mon/wed/fri plan": the plan of those days
            request = replace(request, day=day_of_plan(day_change(text), text))
        if request.action is PlanAction.EDIT and not request.named:  # "make wednesdays 8 instead": the one plan on wednesdays
            request = replace(request, day=self._day_of_one_plan(user_id, text))
        state = self.dialogues.current(user_id)
        if request.loose and (state is not None or not self._plans_named(self.sessions.store.load_plans(user_id), request,
                                                                          self.sessions.zone(user_id))):
            return None  # read by its words alone: only an edit of a plan there, outside any dialogue
        edit = read_edit(request, text, self.words.goal, self.clock()) if request.action is PlanAction.EDIT else None
        if edit is not None and edit.change is Change.UNREAD:  # "... a session and i want more endurance rather than size, what ...?"
            return None
        if edit is not None and edit.change is Change.UNPLANNED:  # "make it a fat loss plan": nothing changes
            return [Reply(f"{t.format_unplanned(edit.words)} {t.GOAL_EDIT_HINT}")]
        if edit is not None and edit.change is Change.LEAD and state is None and not self.sessions.store.count_plans(user_id) \
                and find_days(normalise(text)).days and mentions_time(text):  # "tue and thu 18 uhr, and remind me 1 hour
            return self._plan_with_lead(user_id, text)  # before" with no plan yet: a plan, the lead kept with it (never "Done" alone)
        if edit is not None and self._for_settings(user_id, edit):  # "remind me 30 min before instead"
            return None if state is not None or edit.change is Change.NOTHING else self.settings(user_id, text)
        if state is not None and self._stops_planning(user_id, request):  # "cancel the plan" while making one
            edited = self._edited(user_id, state)
            if edited is not None:  # "actually forget it, delete the plan" while changing one: that plan, asked first
                self.dialogues.end(user_id, state.dialogue)
                return [Reply(t.EDIT_DROPPED_FOR_CANCEL), *self.sessions.cancelling.start(user_id, {"plans": [edited.id]})]
            return [*self.dialog.cancel(state), *([Reply(CANCEL_SAVED)] if self.sessions.store.count_plans(user_id) else [])]
        if state is not None and request.action is PlanAction.EDIT and self._list_shown(user_id) is None:
            return [BUSY]
        if not self.sessions.store.count_plans(user_id):
            return None if state is not None else [NO_PLANS]  # in the safety check, "can we do this tomorrow" is its own
        if request.action is PlanAction.SKIP:
            return self._skip(user_id, request)
        if edit is not None and edit.change is Change.SESSION:
            return self._move(user_id, request, edit.words)
        return self._on_plans(user_id, request, change=edit.words if edit else "", goal=edit is not None and edit.change is Change.GOAL,
                              typed=text)

    def _one_moved(self, user_id: int, request: PlanRequest | None, typed: str) -> list[Reply] | None:
        """One session named by its day given a new time ("this thursday only can we do 8pm", "just this thursday at 8pm")
        at a stored plan's edit (that plan's session: the edit is left) or with no dialogue open (any plan's, when the
        reader read no request or a skip): moved, asked first; None when the message is not that or names no one session."""
        day = moves_one_to(typed)
        if day is None:
            return None
        state = self.dialogues.current(user_id)
        draft = load_draft(state) if state is not None and state.dialogue == PLANNING and self._planning(user_id) else None
        editing = draft.editing if draft is not None and draft.step is Step.CONFIRM else None
        idle = state is None and (request is None or request.action is PlanAction.SKIP) and self.sessions.view.offered(user_id) is None \
            and says_itself(typed)  # "remind me this thursday at 8pm" is a new one-off
        if editing is None and not idle:
            return None
        zone = self.sessions.zone(user_id)
        found = [x for x in self._open(user_id)
                 if x.plan and (editing is None or x.plan.id == editing) and self._on_day(x.at, str(day), zone)]
        if len(found) != 1 or found[0].plan is None:
            return None
        said = new_time(typed, found[0].at.astimezone(zone_info(zone)).time())
        if said is None:
            return None
        if editing is not None:
            self.dialogues.end(user_id, PLANNING)
        return self._move(user_id, PlanRequest(PlanAction.EDIT, day=str(day)), f"at {said}")

    def _day_of_one_plan(self, user_id: int, text: str) -> str | None:
        """The weekdays a message names when one plan alone has them among other days (the first as a request's day
        slot): "make wednesdays 8 instead", "only mondays from now on"."""
        if _NOT_COMING.search(text):
            return None  # a reason, not a change: "cant make it friday, dentist at 8"
        days = find_days(normalise(text)).days
        plans = [p for p in self.sessions.store.load_plans(user_id) if days and days < p.schedule.weekdays]
        return str(min(days)) if len(plans) == 1 else None

    def _weeks_on(self, user_id: int, request: PlanRequest, typed: str) -> PlanRequest:
        """A weekday named with "next week" (that day in the week after this one) or "after this one" (a week after the
        first session to come that day) as its date; the request as read otherwise."""
        later = _NEXT_WEEK.search(typed) is not None, _AFTER_THIS.search(typed) is not None
        if not (request.day and request.day.isdigit() and any(later)):
            return request
        zone, weekday = zone_info(self.sessions.zone(user_id)), int(request.day)
        today = self.clock().astimezone(zone).date()
        first = next((x.at.astimezone(zone).date() for x in self._open(user_id, days=DATED_DAYS)
                      if x.at.astimezone(zone).weekday() == weekday), None)
        on = today + timedelta(days=7 - today.weekday() + weekday) if later[0] else first + timedelta(days=7) if first else None
        return replace(request, day=f"{DATE}{on.month}:{on.day}", next_one=False) if on else request

    def _last_this_year(self, user_id: int, request: PlanRequest, typed: str) -> PlanRequest:
        """"The last (saturday) session of the year" or "the last strength session before christmas" as the date of the
        last such session before the year ends or that date; the request as read otherwise."""
        zone = self.sessions.zone(user_id)
        today = self.clock().astimezone(zone_info(zone)).date()
        before = dated(request.day, today) if request.day and request.day.startswith(DATE) and _BEFORE.search(typed) else None
        last = request.nth == -1 or before is not None and _LAST.search(typed) is not None  # a date said: no nth read
        if not last or not (_YEAR_END.search(typed) or before) or request.day and not (request.day.isdigit() or before):
            return request
        end = before or date(today.year + 1, 1, 1)
        named = re.search(_WEEKDAY_WORD, typed, re.IGNORECASE)
        weekday = int(request.day) if request.day and request.day.isdigit() else WEEKDAYS.index(named.group()[:3].lower()) \
            if named else None
        found = [at for x in self._open(user_id, days=DATED_DAYS) if fits_described(request, x.at, x.plan, zone)
                 and (at := x.at.astimezone(zone_info(zone))).date() < end and weekday in (None, at.weekday())]
        on = max(found, default=None)
        return replace(request, nth=None, day=f"{DATE}{on.month}:{on.day}") if on else request

    def _for_settings(self, user_id: int, edit: Edit) -> bool:
        """Whether an edit goes to the settings: a reminder lead (one for all plans), a goal with no
        plan to change, or only the name of what would change ("change my goal": they show it)."""
        no_plans = edit.change is Change.GOAL and not self.sessions.store.count_plans(user_id)
        return edit.change in (Change.LEAD, Change.NOTHING) or no_plans

    def offered_change(self, user_id: int) -> str:
        """The change said with an edit when the bot asked which plan it is for ("" for none)."""
        offered = self.sessions.view.offered(user_id)
        return offered[2] if offered and offered[0] == PlanAction.EDIT.value else ""

    def _chosen(self, user_id: int, text: str) -> list[Reply] | None:
        """A typed answer to "Which plan (or session) ...?" ("the first one", "monday", "both"), acted
        on among those offered; None when no such question is on screen or it names none."""
        offered = self.sessions.view.offered(user_id)
        request = _numbered(PlanAction(offered[0]), text, len(offered[1])) or plan_choice(PlanAction(offered[0]), text) if offered else None
        if offered is not None and offered[0] == PlanAction.EDIT.value and _ALL_OF_THEM.search(text) and self.words.goal(offered[2]):
            return self.offers.goal_for_all(user_id, [int(k) for k in offered[1]], offered[2])  # "all of them"
        if offered is None or request is None:
            return None
        if request.action is PlanAction.SKIP:
            return self._skip(user_id, request, offered[1])
        return self._on_plans(user_id, request, offered[1], offered[2])

    def _left_to_others(self, user_id: int, request: PlanRequest, text: str) -> bool:
        """Whether the dialogue the user is in reads these words itself: "skip" or "skip today" under
        a reminder's check-in, "skip" with no list of sessions on screen, a skip named by its time
        alone or read less surely ("only thursdays"), "change the plan to 8am" while making one (no list on screen), or
        a change naming no plan in another dialogue ("i wanna change it" at the safety check)."""
        side = [s for s in self.dialogues.store.load_side(user_id) if s.dialogue != VIEW]  # a check-in
        if request.action is PlanAction.SKIP and side and (not request.named or request.day == "today" or request.next_one):
            return True
        shown = self._list_shown(user_id)
        if request.action is PlanAction.SKIP and not request.named:
            return shown is not Shown.SESSIONS
        if request.action is PlanAction.SKIP and self._planning(user_id) and (not self._dated(request) or not request.sure):
            return True  # "make it 8am but skip public holidays", "only thursdays" (no sure skip): said while planning, the plan's
        if request.action is PlanAction.EDIT and not request.named and not _OF_PLANS.search(text) \
                and self.dialogues.current(user_id) is not None and not self._planning(user_id):
            return True  # "wait the one before, i wanna change it" at the safety check: its answer to change ("edit my plan": BUSY)
        return shown is None and request.action is PlanAction.EDIT and self._planning(user_id)

    @staticmethod
    def _dated(request: PlanRequest) -> bool:
        """Whether a request names a session by its day or place in the list, not only by its time,
        part of the day or goal."""
        return request.day is not None or request.nth is not None or request.next_one

    def _planning(self, user_id: int) -> bool:
        """Whether the user is making a plan (a list shown over it not counted)."""
        state = self.dialogues.current(user_id)
        return state is not None and state.dialogue == PLANNING and self._list_shown(user_id) is None

    def _list_shown(self, user_id: int) -> Shown | None:
        """The list on screen (/sessions or /plan's), not a "which" question."""
        shown = self.sessions.view.current(user_id)
        return None if shown is Shown.WHICH else shown

    def _plan_with_lead(self, user_id: int, text: str) -> list[Reply]:
        """A new plan said with its reminder lead: planning with the rest said, the lead kept in its draft for Save."""
        lead, rest = split_lead(text)
        replies = self.dialog.start(user_id, rest.strip(" ,.;") if lead is not None else text)
        state = self.dialogues.current(user_id, PLANNING)
        if lead is None or state is None:
            return replies
        if state.step == Step.CONFIRM.value:  # shown already: shown again with the lead
            return self.dialog.on_text(state, f"remind me {lead} minutes before") or replies
        save_draft(self.dialogues, state, replace(load_draft(state), lead=lead))
        return replies

    def _several(self, user_id: int, text: str) -> list[Reply] | None:
        """A skip of one session said with other requests about plans, outside any dialogue ("skip monday, and change my
        goal to endurance"): each done in turn as if said alone, so "skip monday" skips one session and never takes Mondays
        off the plan; a part left once a question is open, or read as no request, is named as not done. None otherwise."""
        clauses = [c for c in _REQUESTS_BREAK.split(text) if c and len(c.split()) >= 2]
        if len(clauses) < 2 or self.dialogues.current(user_id) is not None or "?" in text:
            return None
        requests = [self.words.plan_request(c) for c in clauses]
        if not any(r is not None and r.action is PlanAction.SKIP and r.named and _ONE_SKIPPED.search(c) and not _DAYS_FOR_GOOD.search(c)
                   for r, c in zip(requests, clauses, strict=True)) \
                or not any(r is not None and r.action is not PlanAction.SKIP for r in requests) \
                or any(r is None and read_lead(c) is None for r, c in zip(requests, clauses, strict=True)):  # a reason, no request
            return None
        replies: list[Reply] = []
        clauses.sort(key=lambda clause: read_lead(clause) is None)  # a lead first: it asks nothing, and a plan edited has it
        for i, clause in enumerate(clauses):
            done = self.on_text(user_id, clause) if requests[i] is not None else None
            if done is None:
                replies.append(Reply(t.format_not_done(clause)))
                continue
            replies.extend(done)
            if self.dialogues.current(user_id) is not None or self.dialogues.store.load_side(user_id):
                replies.extend(Reply(t.format_not_done(rest)) for rest in clauses[i + 1:])  # one question at a time
                break
        return replies

    def _edited(self, user_id: int, state: State) -> Plan | None:
        """The stored plan a planning draft changes, while it is still the user's and active; None for a new plan."""
        plan_id = state.data.get("editing") if state.dialogue == PLANNING else None
        plan = self.sessions.store.load_plan(int(plan_id)) if plan_id is not None else None
        return plan if plan is not None and plan.user_id == user_id and plan.active else None

    def _stops_planning(self, user_id: int, request: PlanRequest) -> bool:
        """Whether the request is "cancel the plan" said to the plan being made."""
        return request.action is PlanAction.CANCEL and not request.named and self._planning(user_id)

    def _open(self, user_id: int, among: list[str] | None = None, days: int = UPCOMING_DAYS) -> list[Listed]:
        """The sessions still to come in `days` (`among` those offered by a "which" question)."""
        return [x for x in self.sessions.listed(user_id, days) if x.mark is Mark.OPEN and x.plan
                and (among is None or session_key(x) in among)]

    def _move(self, user_id: int, request: PlanRequest, said: str) -> list[Reply]:
        """Offer to move the one session named (the next one when none is named) where `said` puts it."""
        closed = self.dialog.gate.check(user_id)  # a session is added: the safety check must allow planning
        if closed:
            return [closed]
        listed = self._open(user_id)
        found = self._sessions_named(listed, request, self.sessions.zone(user_id)) if request.named else listed[:1]
        if len(found) != 1 or found[0].plan is None:
            return [Reply(t.MOVE_WHICH if found else "I found no session to move there. /sessions shows what's coming.")]
        return self.offers.move(user_id, found[0].plan, found[0].at, said)

    def _skip(self, user_id: int, request: PlanRequest, among: list[str] | None = None) -> list[Reply]:
        """Skip the one session named (`among` those offered by a "which" question; asked first when
        the request was read less surely, or names it only by a span of days: "this weekend's"), or ask which."""
        zone = self.sessions.zone(user_id)
        listed = self._open(user_id, among, DATED_DAYS if request.day and request.day.startswith(DATE) else UPCOMING_DAYS)
        found = self._sessions_named(listed, request, zone) if request.named else listed[:PAGE]
        looser = next((r for r in loosened(request) if self._sessions_named(listed, r, zone)), None) if not found else None
        if looser is not None:  # "skip this wednesday, dentist at 7:30": the day's session, asked first
            request, found = replace(looser, sure=False), self._sessions_named(listed, looser, zone)
        if not found:
            return [Reply("I found no session to skip there. /sessions shows what's coming.")]
        planning = self._planning(user_id)  # days and times typed while making a plan may be the new plan's
        if len(found) == 1 and found[0].plan and request.named and not planning:
            if not request.sure or _only_next(request) or request.day == WEEKEND:  # "mon is a no go this week", "skip the
                return self.offers.skip(user_id, found[0].plan, found[0].at)  # next one", "this weekend's": asked, not done
            return self.sessions.skip(user_id, found[0].plan, int(found[0].at.timestamp()))
        rows = tuple((self.sessions.skip_button(x, listed, zone),) for x in found)
        if planning:  # only a tap skips: what is typed next is the plan's
            return [Reply(t.SKIP_WHILE_PLANNING, buttons=rows)]
        self.sessions.view.offer(user_id, PlanAction.SKIP.value, [session_key(x) for x in found],
                                 sorted({x.plan.id for x in found if x.plan}))
        return [Reply(f"Which session do you want to skip? {t.SAY_WHICH}", buttons=rows)]

    def _sessions_named(self, listed: list[Listed], request: PlanRequest, zone: str) -> list[Listed]:
        """The sessions a request names: on a day, the next one(s), or the nth listed; of those, the
        ones at the time, part of the day or for the goal it names."""
        if request.nth is not None:
            return [listed[request.nth]] if -len(listed) <= request.nth < len(listed) else []
        fits = well_inside(request.part, [x for x in listed if fits_described(request, x.at, x.plan, zone)], lambda x: x.at, zone)
        if request.day is not None:  # a weekday whose session today has passed: the one a week on ("skip thursday" on a Thursday)
            on = [x for x in fits if self._on_day(x.at, request.day, zone)]
            return on or [x for x in fits if request.day.isdigit() and self._on_day(x.at - timedelta(days=7), request.day, zone)]
        return [x for x in fits if x.at == fits[0].at] if fits else []

    def _on_day(self, at: datetime, day: str, zone: str) -> bool:
        """Whether a session falls on "today", "tomorrow" or the weekday (index as text), locally:
        a weekday means the first of that weekday to come."""
        local, today = at.astimezone(zone_info(zone)).date(), self.clock().astimezone(zone_info(zone)).date()
        if day.startswith(DATE):  # "the 14th", "december 11", "the monday after christmas": the first such date to come
            return local == dated(day, today)
        if day.startswith(IN_DAYS):  # "the day after tomorrow", "in 2 days"
            return local == today + timedelta(days=int(day[len(IN_DAYS):]))
        if day in ("today", "tomorrow"):
            return local == today + timedelta(days=int(day == "tomorrow"))
        if day == WEEKEND:  # the first Saturday and Sunday to come (on a Sunday, today)
            saturday = today + timedelta(days=(5 - today.weekday()) % 7 - 7 * (today.weekday() == 6))
            return local in (saturday, saturday + timedelta(days=1)) and local >= today
        ahead = (int(day) - today.weekday()) % 7
        return local == today + timedelta(days=ahead)

    def _weekday_of(self, day: str, zone: str) -> int | None:
        """The weekday a request's day slot names: a weekday's own, a date's (the first such date to come); None for others."""
        if day.isdigit():
            return int(day)
        on = dated(day, self.clock().astimezone(zone_info(zone)).date()) if day.startswith(DATE) else None
        return on.weekday() if on else None

    def _on_plans(self, user_id: int, request: PlanRequest, among: list[str] | None = None, change: str = "",
                  goal: bool = False, typed: str = "") -> list[Reply]:
        """Cancel (after a confirmation) or edit the plan named (`among` those offered by a "which"
        question) with the `change` said, or ask which (the change kept for the plan picked; a new
        `goal` may also be for all of them)."""
        plans = [p for p in self.sessions.store.load_plans(user_id) if among is None or str(p.id) in among]
        found = self._plans_named(plans, request, self.sessions.zone(user_id))
        unnamed = replace(request, goal=None)
        if not found and request.action is PlanAction.EDIT and request.goal and unnamed.named:  # "make the saturday one
            found = self._plans_named(plans, unnamed, self.sessions.zone(user_id))  # hypertrophy and move it to 11": the new goal
            change = f"{change} {request.goal}".strip() if len(found) == 1 else change
        if not found:
            return [Reply("I found no plan like that. /plan lists yours.")]
        dropped = _days_only(found[0], request) if len(found) == 1 else ""
        if dropped:  # "stop the friday workouts for good" of a mon/wed/fri plan: friday taken from it, not the plan
            return self.dialog.edit(user_id, found[0], dropped)
        if request.action is PlanAction.CANCEL and (len(found) == 1 or request.every) or len(found) == 1 and _emptied(found[0], change):
            return self.sessions.cancelling.start(user_id, {"plans": [p.id for p in found]})  # "drop saturday" of a saturday plan
        if len(found) == 1 and _one_of_alternate_days(found[0], request, change):  # "reschedule wednesday to 8am" of every
            return self._move(user_id, request, change)  # other day: that day's session, asked first
        if len(found) == 1:
            day = int(request.day) if request.day and request.day.isdigit() else None
            retimed = one_day_retimed(found[0].schedule, day, change, typed)  # "move thursday to 7pm" of tue/thu: asked how
            said = retimed if retimed != change else _day_swapped(found[0], request, change)
            return _whole_plan_noted(self.dialog.edit(user_id, found[0], said), found[0], day, said)
        self.sessions.view.offer(user_id, request.action.value, [str(p.id) for p in found], [p.id for p in found], change)
        buttons = (*self._plan_buttons(request, found, user_id), *((self.offers.all_button(change),) if goal else ()))
        return [Reply(f"Which plan do you want to {request.action.value}? {t.SAY_WHICH}"
                      + (" Or \"all of them\"." if goal else ""), buttons=buttons)]

    def _plans_named(self, plans: list[Plan], request: PlanRequest, zone: str) -> list[Plan]:
        """The plans a request names (see `_plans_fitting`); when none fits all it says, those that fit it less
        the part of the day or the time a reason may have said ("the 7am lifting plan, i work nights now")."""
        found = self._plans_fitting(plans, request, zone)
        return found or next((f for r in loosened(request) if (f := self._plans_fitting(plans, r, zone))), [])

    def _plans_fitting(self, plans: list[Plan], request: PlanRequest, zone: str) -> list[Plan]:
        """The plans a request names: all, the nth in /plan's list, those with a session on a day and
        those at the time, part of the day or for the goal named, or (none named) every plan, to ask which."""
        if request.nth is not None:
            return [plans[request.nth]] if -len(plans) <= request.nth < len(plans) else []
        if request.day is not None:
            upcoming = self.sessions.planner.upcoming(plans[0].user_id) if plans else []
            days = {p.id for p, at in upcoming if self._on_day(at, request.day, zone)}
            weekday = self._weekday_of(request.day, zone)  # "cancel the morning plan, new job from jan 4": jan 4's plans
            weekly = {p.id for p in plans if weekday is not None and weekday in p.schedule.weekdays
                      or request.day == WEEKEND and p.schedule.weekdays and p.schedule.weekdays <= {5, 6}}  # "the weekend plan"
            plans = [p for p in plans if p.id in days | weekly]
        fits = [p for p in plans if p.next_at is None or fits_described(request, p.next_at, p, zone)]
        return well_inside(request.part, fits, lambda p: p.next_at, zone)

    def _plan_buttons(self, request: PlanRequest, plans: list[Plan], user_id: int) -> tuple[tuple[Button, ...], ...]:
        """One button per plan: 🗑 to cancel it (confirmed next) or ✏️ to edit it."""
        zone = self.sessions.zone(user_id)
        if request.action is PlanAction.CANCEL:
            return tuple((entry_button(SESSIONS, f"🗑 Cancel plan: {t.format_schedule(p.schedule, zone)}", "p", str(p.id)),)
                         for p in plans)
        return tuple((entry_button(PLANNING, f"✏️ Edit: {t.format_schedule(p.schedule, zone)}", "edit", str(p.id)),)
                     for p in plans)


def _numbered(action: PlanAction, typed: str, offered: int) -> PlanRequest | None:
    """The choice a number alone picks among those offered ("2": the second button), or None."""
    found = _NUMBER.match(typed)
    return PlanRequest(action, nth=int(found.group(1)) - 1) if found and 1 <= int(found.group(1)) <= offered else None


def _days_kept_aside(text: str, read: Callable[[str], PlanRequest | None]) -> str:
    """A message without its clauses saying which days stay ("mon and wed stay 7, friday 8pm": "friday 8pm", read as a
    change of Friday), so the days kept are never read as changed; the message as typed when it says none."""
    rest = without_kept(text)
    if rest == text or not days_in(text) - days_in(rest) or not days_in(rest):
        return text
    return rest if read(rest) is not None else f"change {rest}"


def _days_only(plan: Plan, request: PlanRequest) -> str:
    """The change that takes the days a cancel read by its words alone names from a plan that has other days too
    ("drop Fri"), or "" (no days named, or all of the plan's)."""
    named = find_days(normalise(request.rest)).days if request.loose and request.action is PlanAction.CANCEL else frozenset()
    if not named or not named < plan.schedule.weekdays:
        return ""
    return ", ".join(f"drop {WEEKDAY_NAMES[day]}" for day in sorted(named))


def _whole_plan_noted(replies: list[Reply], plan: Plan, day: int | None, change: str) -> list[Reply]:
    """A plan named by one of its several days given a new time ("change my tuesday plan to 8am" of Tue and Thu) is moved
    whole, as said, but its other days are named before Save, with how to move that day's next session alone (tester s32
    #7: Thursday moved too, unsaid)."""
    days, at = plan.schedule.weekdays, new_time(change, plan.schedule.local_time)
    if day is None or day not in days or len(days) < 2 or at is None or find_days(normalise(change)).days \
            or not replies or "Save this plan?" not in replies[-1].text:
        return replies
    return [t.with_note(replies[0], t.format_whole_plan(days, day, at)), *replies[1:]]


def _day_swapped(plan: Plan, request: PlanRequest, change: str) -> str:
    """A plan named by one of its several days moved to one other day ("i work late fridays now, move that strength day to
    sunday"): that day swapped for the new one, the others kept; the change as said otherwise."""
    day = request.day if request.day and request.day.isdigit() else None
    said = find_days(normalise(change)).days if change and day else frozenset()
    old = int(day) if day and said else -1
    if len(said) != 1 or old not in plan.schedule.weekdays or len(plan.schedule.weekdays) < 2 or old in said:
        return change
    if day_change(change) is not None or _CLOCK_SAID.search(change):
        return change
    return f"swap {WEEKDAY_NAMES[old]} for {WEEKDAY_NAMES[next(iter(said))]}"


def _one_of_alternate_days(plan: Plan, request: PlanRequest, change: str) -> bool:
    """Whether an edit names one day of a plan whose sessions fall on no fixed weekday (every other day) and gives it a
    new time only: that day's session is moved, the plan kept."""
    if plan.schedule.repeat is not Repeat.DAYS or not (request.day and request.day.isdigit()) or not change:
        return False
    return new_time(change, plan.schedule.local_time) is not None and not find_days(normalise(change)).days \
        and day_change(change) is None


def _emptied(plan: Plan, change: str) -> bool:
    """Whether a change takes every day from a weekly plan ("delete my saturday one for good" of a plan on
    saturdays): that is the plan cancelled, confirmed first."""
    days = day_change(change) if change and plan.schedule.weekdays else None
    return days is not None and not days.applied(plan.schedule.weekdays)


def _only_next(request: PlanRequest) -> bool:
    """Whether a request names its session only as the next one ("skip the next one", "can we skip this
    one"): which session that is is said, and asked, before it is skipped."""
    return request.next_one and request.day is None and request.nth is None and not request.described


def fits_described(request: PlanRequest, at: datetime, plan: Plan | None, zone: str) -> bool:
    """Whether a session at `at` (of `plan`) has the clock time, part of the day and goal a request
    names ("the 7am one", "my evening plan", "the strength plan"); True when it names none."""
    local = at.astimezone(zone_info(plan.zone if plan else zone))
    if request.time is not None and local.strftime("%H:%M") != request.time:
        return False
    if request.part is not None and local.hour not in PARTS[request.part]:
        return False
    return request.goal is None or (plan is not None and plan.goal == request.goal)


def well_inside(part: str | None, found: list[T], at: Callable[[T], datetime | None], zone: str) -> list[T]:
    """Of the plans or sessions a part of the day names, those well inside it when some are and others only at its
    edge ("the morning one" of 7:00 and 10:00); all of them otherwise."""
    inside = [x for x in found if (when := at(x)) is not None and when.astimezone(zone_info(zone)).hour in CORE_PARTS[part]] \
        if part else []
    return inside if inside and len(inside) < len(found) else found


def dated(day: str, today: date) -> date | None:
    """The date a "date:MONTH:DAY" slot names, the first such to come (month 0: any month), moved to the weekday its
    fourth part names: "a4" the first Friday after it, "b4" the last Friday before it, "o4" the first on or after it."""
    month, of_month, *weekday = day[len(DATE):].split(":")
    found = next((d for d in (today + timedelta(days=n) for n in range(DATED_DAYS))
                  if d.day == int(of_month) and int(month) in (0, d.month)), None)
    if found is None or not weekday:
        return found
    way, wanted = weekday[0][0], int(weekday[0][1:])
    if way == "b":
        return found - timedelta(days=(found.weekday() - wanted - 1) % 7 + 1)
    return found + timedelta(days=(wanted - found.weekday() - (way == "a")) % 7 + (way == "a"))


def loosened(request: PlanRequest) -> list[PlanRequest]:
    """A request less the part of the day, then the time too, that a reason beside it may have said ("skip wednesday,
    dentist at 7:30"), while it still names something else; none when there is nothing to leave out."""
    found = []
    for looser in (replace(request, part=None), replace(request, part=None, time=None)):
        if looser != request and looser.named and looser not in found:
            found.append(looser)
    return found


def session_key(listed: Listed) -> str:
    """A listed session as offered by a "which" question: its plan and time."""
    return f"{listed.plan.id if listed.plan else 0}:{int(listed.at.timestamp())}"
