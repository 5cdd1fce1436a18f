"""A day of the week said about stored plans (knowledge.day_words), acted on alike for every day: "cancel tue" asks
whether the next session that day is skipped or the day taken off its plan (never the whole plan of several days,
never "nothing to cancel" while that day has a session); "cant do saturdays anymore" takes the day off the plan (its
edit confirmed with Save; a plan of that day alone is cancelled after the usual confirmation); "nvm i can make thursday
after all" puts a skipped session back on; "im on holiday till the 20th" offers to skip every session until then."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime
from enum import Enum

from bot.core.callbacks import Tap
from bot.core.confirmation import Confirmation
from bot.core.dialogue import Dialogues, button
from bot.core.messages import Reply
from bot.features.planning import texts as t
from bot.features.planning.dialog import PlanningDialog
from bot.features.planning.listing import Listed, Mark
from bot.features.planning.sessions import Sessions
from bot.storage.dialogues import State
from bot.storage.transaction import transaction
from knowledge.day_words import DaySaid, DayWord
from scheduler.dates import find_date
from scheduler.model import ScheduleError
from scheduler.rows import epoch, instant
from scheduler.store import Plan
from scheduler.timezones import zone_info
from scheduler.words import normalise

DAY_OFF = "dayoff"
AWAY = "away"
BACK = "back"  # skipped sessions put back together: time away shortened or called off
DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
AHEAD_DAYS = 62  # how far ahead skipped sessions and time away are looked at
# a typed answer to "skip the next one, or the day off the plan?"
_SKIP_WORDS = re.compile(r"\b(?:skip|just|only|once|this (?:one|week|time)|next one|that one|the next|one session|first)\b")
_DROP_WORDS = re.compile(r"\b(?:drop|remove|take|off|for good|every|all|always|any ?more|plan|permanent\w*|from now on|"
                         r"no more|stop|the day|whole day)\b")
_KEEP_WORDS = re.compile(r"\b(?:keep|nothing|never ?mind|nvm|leave|neither|no|nope|cancel)\b")


class Step(Enum):
    """The one step: which of the two is meant."""

    CHOOSE = "choose"


class DaysOff:
    """Days said about stored plans: asked, taken off a plan, put back on, or skipped for a time away."""

    name = DAY_OFF

    def __init__(self, sessions: Sessions, dialog: PlanningDialog, dialogues: Dialogues, clock: Callable[[], datetime],
                 answer: Callable[[str], str | None], asks: Callable[[str], bool],
                 offer_skip: Callable[[int, Plan, datetime], list[Reply]]) -> None:
        self.offer_skip = offer_skip  # "Skip Fri 18 Dec 07:00 (...)?": a skip said with a reason, asked first
        self.sessions = sessions
        self.dialog = dialog
        self.dialogues = dialogues
        self.clock = clock
        self.away = Confirmation(AWAY, dialogues, answer, self._away_prompt, ("✖️ Yes, skip them", "Keep them"),
                                 self._away_decided, asks)
        self.back = Confirmation(BACK, dialogues, answer, self._back_prompt, ("↩️ Yes, put them back", "Keep them skipped"),
                                 self._back_decided, asks)

    def on_said(self, user_id: int, said: DaySaid) -> list[Reply] | None:
        """The replies to a day said about plans; None when it names nothing the user has."""
        if not self.sessions.store.count_plans(user_id):
            return None
        if said.how is DayWord.UNSKIP and said.every:
            return self._all_back(user_id, said.start)
        if said.how is DayWord.UNSKIP:
            return self._unskip(user_id, said.days)
        if said.how is DayWord.AWAY:
            return self._away(user_id, said.start or self._today(user_id), said.until or self._today(user_id), said.days,
                              said.count, said.dates)
        plans = [p for p in self.sessions.store.load_plans(user_id) if p.schedule.weekdays & said.days]
        if len(plans) != 1:
            return None if plans else [Reply(f"You have no sessions on {_days(said.days)}. /sessions shows what's coming.")]
        if said.how is DayWord.DROP:
            return self._drop(user_id, plans[0], said.days)
        if said.how is DayWord.SKIP:
            session = self._next_on(user_id, plans[0], min(said.days))
            return self.offer_skip(user_id, plans[0], session.at) if session else None
        return self._ask(user_id, plans[0], min(said.days))

    def _ask(self, user_id: int, plan: Plan, day: int) -> list[Reply]:
        """"Skip only Thu 26 Nov, or take Thursdays off the plan?"."""
        session = self._next_on(user_id, plan, day)
        if session is None:
            return [Reply(f"You have no {DAY_NAMES[day]} session coming. /sessions shows what's coming.")]
        state = self.dialogues.begin(user_id, DAY_OFF, Step.CHOOSE, {"plan": plan.id, "at": epoch(session.at), "day": day},
                                     side=True)
        return [self.ask(state)]

    def _next_on(self, user_id: int, plan: Plan, day: int) -> Listed | None:
        """The plan's next session on a weekday, if one is coming."""
        return next((x for x in self._open(user_id) if x.plan and x.plan.id == plan.id
                     and x.at.astimezone(zone_info(plan.zone)).weekday() == day), None)

    def ask(self, state: State) -> Reply:
        """The question with its three buttons."""
        found = self._session(state)
        if found is None:
            return Reply(t.STALE)
        plan, at = found
        zone, day = self.sessions.zone(state.user_id), DAY_NAMES[int(state.data["day"])]
        alone = plan.schedule.weekdays == {int(state.data["day"])}
        whole = f"stop the {day} plan ({t.format_schedule(plan.schedule, zone)})" if alone else \
            f"take {day}s off the plan {t.format_schedule(plan.schedule, zone)}"
        when = t.format_when(at, zone)
        drop = f"🗑 Stop the {day} plan" if alone else f"✏️ Drop {day}s from the plan"
        return Reply(f"{day}: skip only the next session ({when}), or {whole}?",
                     buttons=((button(state, f"✖️ Skip {when} only", "skip"),), (button(state, drop, "drop"),),
                              (button(state, "Keep everything", "keep"),)))

    def on_text(self, state: State, text: str) -> list[Reply] | None:
        """"just this one", "drop it from the plan", "keep it"; anything else is no answer, as is a message naming
        another date ("skip the christmas eve session": that session, read as a request of its own)."""
        if self._names_another_date(state, text):
            return None
        lowered = text.lower()
        skip, drop = bool(_SKIP_WORDS.search(lowered)), bool(_DROP_WORDS.search(lowered))
        if skip != drop:
            return self._decide(state, "skip" if skip else "drop")
        return self._decide(state, "keep") if _KEEP_WORDS.search(lowered) and not (skip or drop) else None

    def _names_another_date(self, state: State, text: str) -> bool:
        """Whether a message names a date other than the session asked about."""
        found = self._session(state)
        zone = self.sessions.zone(state.user_id)
        try:
            dates, _ = find_date(normalise(text), self._today(state.user_id), zone)
        except ScheduleError:
            return False
        return found is not None and bool(dates) and found[1].astimezone(zone_info(zone)).date() not in dates

    def on_tap(self, state: State, tap: Tap) -> list[Reply]:
        """Skip, drop or keep by button."""
        return self._decide(state, tap.action)

    def cancel(self, state: State) -> list[Reply]:
        """Leaving the question changes nothing."""
        return self._decide(state, "keep")

    def _decide(self, state: State, choice: str) -> list[Reply]:
        """End the question, then act on the choice."""
        self.dialogues.end(state.user_id, DAY_OFF)
        found = self._session(state)
        if choice == "keep" or found is None:
            return [Reply("Okay, nothing changed." if found else t.STALE)]
        plan, at = found
        if choice == "skip":
            return self.sessions.skip(state.user_id, plan, epoch(at))
        return self._drop(state.user_id, plan, frozenset({int(state.data["day"])}))

    def _drop(self, user_id: int, plan: Plan, days: frozenset[int]) -> list[Reply]:
        """The days off the plan: its edit, confirmed with Save; a plan left with no day is cancelled, confirmed first."""
        if not plan.schedule.weekdays - days:
            return self.sessions.cancelling.start(user_id, {"plans": [plan.id]})
        return self.dialog.edit(user_id, plan, ", ".join(f"drop {DAY_NAMES[d]}" for d in sorted(days)))

    def _session(self, state: State) -> tuple[Plan, datetime] | None:
        """The plan and session a question is about, while still the user's and to come."""
        at = instant(int(state.data.get("at") or 0))
        plan = self.sessions.planner.session_of(state.user_id, int(state.data.get("plan") or 0), at) if at else None
        return (plan, at) if plan and at else None

    def _open(self, user_id: int) -> list[Listed]:
        """The sessions to come that can be skipped."""
        return [x for x in self.sessions.listed(user_id, AHEAD_DAYS) if x.mark is Mark.OPEN and x.plan]

    def _today(self, user_id: int) -> date:
        """The user's date today."""
        return self.clock().astimezone(zone_info(self.sessions.zone(user_id))).date()

    def _unskip(self, user_id: int, days: frozenset[int]) -> list[Reply] | None:
        """Put back on the skipped session of the day named (or the only one skipped); ask which when several."""
        zone = zone_info(self.sessions.zone(user_id))
        skipped = [x for x in self.sessions.listed(user_id, AHEAD_DAYS) if x.mark is Mark.SKIPPED and x.plan
                   and (not days or x.at.astimezone(zone).weekday() in days)]
        if not skipped:
            return [Reply(f"Nothing on {_days(days)} is skipped, so it's still on. /sessions shows what's coming.")] \
                if days and self._open(user_id) else None
        if days and len({x.plan.id for x in skipped if x.plan}) == 1 or len(skipped) == 1:
            return self.sessions.restore(user_id, skipped[0].plan, epoch(skipped[0].at))  # type: ignore[arg-type]
        rows = tuple((self.sessions.restore_button(x, self.sessions.zone(user_id)),) for x in skipped[:6])
        return [Reply("Which session do you want back?", buttons=rows)]

    def _all_back(self, user_id: int, start: date | None) -> list[Reply] | None:
        """Offer to put back every session skipped (from `start` on, when said): "cancel my holiday", "actually i'm back
        on the 16th, put them back from then"; None when a day is said and nothing from it is skipped ("im back on the
        16th" may tell no time away)."""
        zone = zone_info(self.sessions.zone(user_id))
        skipped = [x for x in self.sessions.listed(user_id, AHEAD_DAYS) if x.mark is Mark.SKIPPED and x.plan
                   and (start is None or x.at.astimezone(zone).date() >= start)]
        if not skipped:
            return None if start else [Reply(t.NOTHING_SKIPPED)]
        return self.back.start(user_id, {"sessions": [[x.plan.id, epoch(x.at)] for x in skipped if x.plan]})

    def _back_prompt(self, state: State) -> str:
        """"Put your 3 skipped sessions back on (Wed 16 Dec 18:00, ...)? Their reminders come as usual."."""
        found, zone = self._skipped_sessions(state), self.sessions.zone(state.user_id)
        if not found:
            return t.STALE
        listed = ", ".join(t.format_when(at, zone) for _plan, at in found)
        many = f"your {len(found)} skipped sessions" if len(found) > 1 else "your skipped session"
        return f"Put {many} back on ({listed})? Their reminders come as usual."

    def _skipped_sessions(self, state: State) -> list[tuple[Plan, datetime]]:
        """The skipped sessions a question is about, of the user's active plans and still to come."""
        found = []
        for plan_id, stamp in state.data.get("sessions") or []:
            at, plan = instant(int(stamp)), self.sessions.store.load_plan(int(plan_id))
            if plan is not None and at is not None and plan.user_id == state.user_id and plan.active and at > self.clock():
                found.append((plan, at))
        return found

    def _back_decided(self, state: State, yes: bool) -> Reply:
        """Put them back on a yes, all in one transaction."""
        if not yes:
            return Reply("Okay, they stay skipped.", edit=True)
        found = self._skipped_sessions(state)
        with transaction(self.sessions.planner.store.db):
            done = sum(self.sessions.planner.restore_session(state.user_id, plan.id, at) for plan, at in found)
        if not done:
            return Reply(t.STALE)
        return Reply(f"Back on: {done} session{'s' if done > 1 else ''}. You'll be reminded as usual; /sessions shows them.",
                     edit=True)

    def _away(self, user_id: int, start: date, until: date, days: frozenset[int] = frozenset(), count: int = 0,
              dates: frozenset[date] = frozenset()) -> list[Reply]:
        """Offer to skip every session from `start` to `until` (local days; only on `days` or `dates` when some are
        named; only the first `count` when a number of sessions is)."""
        zone = zone_info(self.sessions.zone(user_id))
        found = [x for x in self._open(user_id) if start <= (on := x.at.astimezone(zone).date()) <= until
                 and (not days or on.weekday() in days) and (not dates or on in dates)]
        if count and found:
            found = found[:count]
            until = found[-1].at.astimezone(zone).date()
        if not found:
            return [Reply(f"You have no sessions until {until:%a %d %b}, so there's nothing to skip. "
                          "/sessions shows what's coming.")]
        return self.away.start(user_id, {"sessions": [[x.plan.id, epoch(x.at)] for x in found if x.plan],
                                         "until": until.isoformat()})

    def _away_sessions(self, state: State) -> list[tuple[Plan, datetime]]:
        """The sessions a time-away question is about, while still the user's and to come."""
        found = []
        for plan_id, stamp in state.data.get("sessions") or []:
            at = instant(int(stamp))
            plan = self.sessions.planner.session_of(state.user_id, int(plan_id), at) if at else None
            if plan is not None and at is not None:
                found.append((plan, at))
        return found

    def _away_prompt(self, state: State) -> str:
        """"Skip your 3 sessions until Sun 20 Dec (Tue 15 Dec 18:30, ...)? Your plans stay ..."."""
        found, zone = self._away_sessions(state), self.sessions.zone(state.user_id)
        if not found:
            return t.STALE
        until = date.fromisoformat(str(state.data["until"]))
        listed = ", ".join(t.format_when(at, zone) for _plan, at in found)
        many = f"your {len(found)} sessions" if len(found) > 1 else "your session"
        return f"Skip {many} until {until:%a %d %b} ({listed})? Your plans stay, and the reminders go on after."

    def _away_decided(self, state: State, yes: bool) -> Reply:
        """Skip them on a yes."""
        if not yes:
            return Reply("Okay, nothing skipped.", edit=True)
        found = self._away_sessions(state)
        done = sum(self.sessions.planner.cancel_session(state.user_id, plan.id, at) for plan, at in found)
        if not done:
            return Reply(t.STALE)
        return Reply(f"Skipped {done} session{'s' if done > 1 else ''}. /sessions shows them; say \"unskip\" and the "
                     "day to put one back (\"unskip all\" for all of them).", edit=True)


def _days(days: frozenset[int]) -> str:
    """"Thursdays", "Tuesdays and Thursdays"."""
    names = [f"{DAY_NAMES[d]}s" for d in sorted(days)]
    return " and ".join(names) if names else "that day"
