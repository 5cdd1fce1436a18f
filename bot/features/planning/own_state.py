"""Questions about the user's own plans rather than the exercise, answered from what is stored: "did it save?",
"what was my goal again", "how many sessions have i done", "whats my time zone set to" (told, never the question that
changes it), "how many sets should i do on tuesday" (that day's plan's goal and its sets and reps)."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime, timedelta

from bot.core.messages import Reply
from bot.features.planning import texts as t
from bot.features.planning.own_history import OwnHistory
from knowledge.day_words import DAY_INDEX, DAY_NAME
from knowledge.model import Prescription
from scheduler.model import WEEKDAY_NAMES
from scheduler.store import Plan, SchedulerStore
from scheduler.timezones import zone_info

_SAVED = re.compile(r"\b(?:did|has|have|was|is|are)\s+(?:it|that|this|my plans?|the plans?|everything|my reminders?|the reminders?)"
                    r"\s+(?:got\s+|get\s+|been\s+|all\s+)?(?:sav(?:e|ed)|stored|go(?:ne)? through|went through)\b")
_WHAT_SAVED = re.compile(r"\bwhat\s+(?:did|have)\s+i\s+(?:just\s+)?(?:sav(?:e|ed)|set\s+up|book(?:ed)?|schedul(?:e|ed))\b"
                         r"|\bwhat(?:'?s|\s+is|\s+was)\s+(?:been\s+)?saved\b")
_GOAL = re.compile(r"\b(?:what(?:'?s| is| was)|whats|wat|which(?:'?s| is| was)?)\s+(?:is\s+|was\s+)?my\s+(?:current\s+)?goal\b"
                   r"|\bmy\s+goal\s+again\b|\b(?:which|what)\s+goal\s+(?:did|have|am)\s+i\b(?:\s+(?:on|set|doing|training))?")
_DONE = re.compile(r"\bhow\s+many\s+(?:sessions|workouts|times|trainings)\b[^?]*\b(?:have i|did i|i've|ive|i have)\s+"
                   r"(?:done|did|do|completed|finished|trained|made)\b|\bhow\s+many\s+(?:have i|did i)\s+(?:done|do|did)\b")
_ZONE_ASKED = re.compile(r"^\W*(?:(?:so|ok|okay|hey|um+|and)\W+)*(?:(?:what(?:'?s| is)|whats|wats|which(?:'?s| is)?)\s+(?:is\s+)?"
                         r"(?:my|the)\s+(?:time\s*zone|tz|zone)(?:\s+(?:set\s+to|set|again|now|right now|you have|on|at))?"
                         r"|is\s+my\s+(?:time\s*zone|tz|zone)\s+(?:right|correct|set(?:\s+right)?|ok|okay)"
                         r"|(?:what|which)\s+(?:time\s*zone|tz|zone)\s+(?:am i(?:\s+(?:in|on|set to))?|do i have|have i got"
                         r"|do you have me(?:\s+(?:in|on))?"
                         r"|is mine|are my (?:reminders|plans) in))\W*$")
# "what time is it for me", "whats the time here": the clock now in the user's zone (never the benefits of the exercise)
_TIME_NOW = re.compile(r"^\W*(?:(?:so|ok|okay|hey|um+)\W+)*(?:what(?:'?s|\s+is)\s+the\s+time|whats\s+the\s+time|what\s+time\s+is\s+it)"
                       r"(?:\s+(?:for\s+me|here|now|right\s+now|where\s+i\s+am|at\s+my\s+place|in\s+my\s+(?:time\s*zone|zone)))*\W*$")
_DAY = rf"{DAY_NAME}s?"
_SETS_ON = re.compile(rf"\bhow\s+many\s+(?:sets|reps)\b"
                      rf"(?=.*\b(?:on\s+(?P<day>{_DAY})|(?P<rel>today|tomorrow|tonight)|this\s+(?P<this>{_DAY})|next\s+session"
                      rf"|(?:in\s+)?my\s+(?:next\s+)?(?:session|workout|plan|reminder)s?)\b)")
# "how many sets should i do", "how many reps do i do", "what are my sets and reps", "my reps?": the user's own goal's
# (nothing more said: "for beginners" is a question; never the goal of the topic talked about last)
_SETS_MINE = re.compile(r"^\W*(?:(?:so|ok|okay|and|remind me)\W+)*(?:how\s+many\s+(?:sets|reps|sets\s+and\s+reps)\s+"
                        r"(?:should|do|shall|will|must)\s+i\s+(?:do|be doing|aim for|go for)"
                        r"|(?:(?:what(?:'?s|\s+is|\s+are|\s+r)?|whats|wat)\s+)?my\s+(?:sets(?:\s+(?:and|&|n|x)\s+reps)?|reps|rep\s+range)"
                        r"|what\s+(?:sets\s+and\s+reps|reps|sets)\s+(?:do|should)\s+i\s+do)(?:\s+again|\s+now)?\W*$")
# "what's the plan for my next session, sets and reps?", "my next workout, what do i do", "whats next session look like":
# the next session to come and its sets and reps (its time alone is /sessions' and "what time is my next session"'s)
_NEXT_SESSION = re.compile(r"(?:\b(?:my|the)\s+|^\W*)next\s+(?:session|workout|training)\b(?=.*\b(?:sets?|reps?|load|weight|rest|plan"
                           r"|look\s+like|what\s+(?:do|should|will)\s+i\s+do|programme|program)\b)"
                           r"|\b(?:plan|sets?|reps?|what\s+(?:do|should|will)\s+i\s+do)\b[^?.!]*\b(?:for|in|at|on)\s+my\s+next\s+"
                           r"(?:session|workout|training)\b")
_ACTS_ON = re.compile(r"\b(?:skip|cancel|move|push|change|delete|drop|postpone|reschedule|shift|swap)\b")  # a request of it
# "what am i doing on tuesday", "whats on for tomorrow", "what do i have today": that day's plans
_DOING_ON = re.compile(rf"\b(?:what\s+am\s+i\s+(?:doing|training)|what(?:'?s|\s+is)\s+on|whats\s+on|what\s+do\s+i\s+have"
                       rf"(?:\s+on)?|what\s+have\s+i\s+got(?:\s+on)?)\s+(?:for\s+|on\s+)?(?:(?P<day>{_DAY})|(?P<rel>today|tomorrow|tonight))\W*$")
# "whats my reminder set to": the lead
_LEAD_ASKED = re.compile(r"^\W*(?:what(?:'?s|\s+is)|whats|wats)\s+(?:my|the)\s+reminders?\s+(?:set\s+to|set\s+at|timing)"
                         r"|\bhow\s+(?:early|long\s+before)\s+(?:do|will|does)\s+(?:you|u|it|the\s+reminder)\s+(?:remind|ping|nudge|message)\s+me\b")
# "what time is my saturday one", "when is my tue session": the time of the plan on that day
_TIME_ON = re.compile(rf"\b(?:what\s+time\s+(?:is|s|'s|are)|whats\s+the\s+time\s+(?:of|for)|when\s+(?:is|s|'s|are))\s+"
                      rf"(?:my|the)\s+(?P<day>{_DAY})\s+(?:one|ones|session|sessions|workout|workouts|plan|training)\b")
_MISSED = re.compile(r"\b(?:did|have)\s+i\s+(?:miss|skip)(?:ed)?\s+(?:any|anything|a session|any sessions|sessions|one|many|a workout)\b"
                     r"|\bhow\s+many\s+(?:sessions?\s+|workouts?\s+)?(?:did|have)\s+i\s+(?:miss|skip)")
# "what did i do this month", "how many sessions i done this week", "show my history": the sessions' outcomes counted
_HISTORY = re.compile(r"\bwhat\s+(?:did|have)\s+i\s+(?:do|done|did|train\w*)\b(?!\s+(?:wrong|to\b))|\bhow\s+(?:did|have)\s+i\s+"
                      r"(?:do|done|been doing)\b(?=.*\b(?:week|month|so far|lately)\b)|\bmy\s+(?:training\s+|session\s+|"
                      r"workout\s+)?(?:history|log|stats|statistics)\b|\bhow\s+many\s+(?:sessions|workouts|times|trainings)"
                      r"\s+(?:i|i've|ive)\s+(?:done|did|do|made|completed|finished)\b")
_PERIOD = re.compile(r"\b(?:this|the)\s+(?P<this>week|month)\b|\b(?P<last>last)\s+week\b"
                     r"|\b(?:last|past)\s+(?:(?P<n>\d+|four|4)\s+)?weeks?\b")
# "whats my progress", "how am i doing so far", "am i making progress": the sessions' outcomes counted; not how to make it
# ("how can i speed up my progress" asks the articles)
_PROGRESS = re.compile(r"\b(?:what'?s|whats|wats|what\s+is|how'?s|hows|how\s+is|show(?:\s+me)?|check|tell\s+me|see|view|give\s+me)\s+"
                       r"(?:my|me)\s+(?:training\s+|overall\s+|workout\s+)?progress\b|^\W*my\s+progress\W*$|\bprogress\s+(?:report|so\s+far|update)\b"
                       r"|\bam\s+i\s+(?:making|seeing)\s+(?:any\s+)?progress\b|^\W*(?:(?:so|ok|okay|and|hey)\W+)*how\s+(?:am\s+i|'?m\s+i|im\s+i)"
                       r"\s+(?:doing|getting\s+on|going)(?:\s+(?:so\s+far|lately|overall|with\s+(?:my\s+)?(?:training|sessions|workouts)))?\W*$")
_MAKING = re.compile(r"\b(?:improve|speed\s+up|boost|increase|faster|make|maximi[sz]e|stall\w*|plateau\w*)\b")
# "how many reps did i do last week", "what weight did i lift on monday": what the bot does not log
_LIFTS_ASKED = re.compile(r"\bhow\s+(?:many|much)\s+(?:reps|sets|weight|kg|kilos|lbs|pounds|load)\b[^?]*?\b(?:did|have|had)\s+i\b"
                          r"|\bhow\s+(?:many|much)\s+(?:reps|sets|weight|kg|lbs)\s+(?:i|i'?ve|ive)\s+(?:did|done|lifted|used)\b"
                          r"|\bwhat\s+(?:weight|load|reps)\s+(?:did|have)\s+i\s+(?:do|did|done|lift|lifted|use|used)\b")
NOT_LOGGED = "I don't log reps, sets or loads, only whether each session was done."
LOOK_BACK_DAYS = 28  # "did i miss any": the last four weeks
NOT_SAVED_YET = "Not yet: it's saved when you tap ✅ Save (or say yes)."
NO_PLAN = "No plan is saved yet: /plan makes one."


class OwnState:
    """Answers about the user's own plans, goal and sessions done."""

    def __init__(self, store: SchedulerStore, drafting: Callable[[int], bool],
                 sessions: Callable[[int], list[Reply]],
                 prescription: Callable[[str], Prescription | None] = lambda goal: None,
                 clock: Callable[[], datetime] | None = None,
                 next_one: Callable[[int], tuple[Plan, datetime] | None] = lambda _user: None,
                 week: Callable[[int], list[tuple[Plan, datetime]]] = lambda _user: []) -> None:
        self.store = store
        self.drafting = drafting  # whether a plan is being made (not saved yet)
        self.sessions = sessions
        self.prescription = prescription  # a goal's sets, reps, load and rest (the knowledge base's)
        self.clock = clock
        self.next_one = next_one  # the user's next session to come and its plan
        self.week = week  # the sessions of the coming 7 days and their plans
        self.history = OwnHistory(store)  # "did i train yesterday", "whats my streak"

    def on_text(self, user_id: int, text: str) -> list[Reply] | None:
        """The answer to a question about the user's plans, goal or sessions done; None for any other message."""
        lowered = text.lower()
        if _SAVED.search(lowered):
            return self._saved(user_id)
        if _WHAT_SAVED.search(lowered):  # "what did i just save": the plans, once saved
            return [Reply(NOT_SAVED_YET)] if self.drafting(user_id) else self.sessions(user_id)
        if _GOAL.search(lowered):
            goal = self.store.load_profile(user_id).goal
            said = f"Your goal is {t.format_goal(goal)}" if goal in t.GOALS else "You haven't set a goal yet"
            return [Reply(f"{said}: each reminder carries its sets and reps. /settings changes it.")]
        zone = self.zone_told(user_id, text)
        if zone is not None:
            return zone
        timed = _TIME_ON.search(lowered)
        if timed is not None and self.store.count_plans(user_id):
            return [self._time_on(user_id, timed.group("day"))]
        doing = _DOING_ON.search(lowered)
        if doing is not None and self.store.count_plans(user_id):
            return [self._time_on(user_id, doing.group("day") or self._day_of(user_id, doing.group("rel")))]
        if _LEAD_ASKED.search(lowered):
            lead = self.store.load_profile(user_id).lead_minutes
            return [Reply(f"Reminders come {t.format_lead_phrase(lead)}. /settings changes it.")]
        if _SETS_MINE.match(lowered) and self.store.count_plans(user_id):
            return [self._sets_on(user_id, None, None)]
        sets = _SETS_ON.search(lowered)
        if sets is not None and self.store.count_plans(user_id):
            return [self._sets_on(user_id, sets.group("day") or sets.group("this"), sets.group("rel"))]
        told = self.history.on_text(user_id, text, self.clock()) if self.clock is not None else None
        if told is not None:
            return told
        if _MISSED.search(lowered) and self.clock is not None:
            return [self._missed(user_id)]
        if _LIFTS_ASKED.search(lowered) and self.clock is not None:
            return [Reply(f"{NOT_LOGGED} {self._history(user_id, _PERIOD.search(lowered)).text}")]
        progress = _PROGRESS.search(lowered) is not None and not _MAKING.search(lowered)
        if (_HISTORY.search(lowered) or progress or _DONE.search(lowered) and _PERIOD.search(lowered)) and self.clock is not None:
            return [self._history(user_id, _PERIOD.search(lowered))]
        if _DONE.search(lowered):
            done = self.store.count_done(user_id)
            return [Reply(f"You've marked {done} session{'' if done == 1 else 's'} done so far (by ✅ Done at a "
                          "reminder, or by telling me). Keep it up!" if done else
                          "None marked done yet: tap ✅ Done (or tell me) when a reminder comes after you train.")]
        return None

    def _saved(self, user_id: int) -> list[Reply]:
        """Whether the plan was saved: the plans when so."""
        if self.drafting(user_id):
            return [Reply(NOT_SAVED_YET)]
        if not self.store.count_plans(user_id):
            return [Reply(NO_PLAN)]
        return [Reply("✅ Yes, it's saved."), *self.sessions(user_id)]

    def zone_told(self, user_id: int, text: str) -> list[Reply] | None:
        """"whats my time zone set to": the zone stored, with its clock now; "what time is it for me": the clock now in it;
        None for any other message."""
        clock_asked = _TIME_NOW.match(text.lower()) is not None
        if not (clock_asked or _ZONE_ASKED.match(text.lower())):
            return None
        zone = self.store.load_profile(user_id).zone
        if not zone:
            return [Reply("No time zone is set yet: /timezone sets it (reminders come at its local time).")]
        if clock_asked and self.clock is not None:
            return [Reply(f"It's {t.format_clock(self.clock(), zone)} where you are ({zone}). /timezone changes it.")]
        now = f", now {t.format_clock(self.clock(), zone)}" if self.clock else ""
        return [Reply(f"Your time zone is {zone}{now}: reminders come at its local time. /timezone changes it.")]

    def _sets_on(self, user_id: int, day: str | None, relative: str | None) -> Reply:
        """The sets and reps of the plan on the day named ("today" in the user's zone), else of the user's goal, from the
        goal's prescription."""
        plans = self.store.load_plans(user_id)
        profile = self.store.load_profile(user_id)
        index = DAY_INDEX.get(day[:2]) if day else None
        if index is None and relative and self.clock is not None:
            today = self.clock().astimezone(zone_info(profile.zone or "UTC")).weekday()
            index = (today + (relative == "tomorrow")) % 7
        on_day = [p for p in plans if index is not None and index in p.schedule.weekdays]
        goal = on_day[0].goal if on_day else profile.goal or (plans[0].goal if plans else "strength")
        found = self.prescription(goal)
        what = t.format_prescription(found) if found else "the sets and reps come with each reminder"
        head = f"Your plan {t.format_schedule(on_day[0].schedule, on_day[0].zone)} is for {t.format_goal(goal)}" if on_day \
            else f"Your goal is {t.format_goal(goal)}"
        none = f" (no session on {WEEKDAY_NAMES[index]})" if index is not None and not on_day else ""
        return Reply(f"{head}{none}: {what}. /settings changes the goal.")

    def next_session(self, user_id: int, text: str) -> list[Reply] | None:
        """The next session to come, with its plan's goal and that goal's sets, reps, load and rest (tester s32 #11: "what's
        the plan for my next session, sets and reps?" got every goal's table), for a user with plans; None for any other
        message. Read before the questions beside requests: "sets and reps?" there asks about that session."""
        lowered = text.lower()
        if not _NEXT_SESSION.search(lowered) or _ACTS_ON.search(lowered) or not self.store.count_plans(user_id):
            return None
        found = self.next_one(user_id)
        if found is None:
            return [Reply("No session is coming up: /sessions shows your plans, /plan makes one.")]
        plan, at = found
        prescription = self.prescription(plan.goal)
        what = t.format_prescription(prescription) if prescription else "the sets and reps come with its reminder"
        return [Reply(f"Your next session: {t.format_when(at, plan.zone)}, for {t.format_goal(plan.goal)}: {what}.")]

    def _day_of(self, user_id: int, relative: str) -> str:
        """The weekday "today" or "tomorrow" is in the user's zone, as a day word ("sat")."""
        today = (self.clock() if self.clock else datetime.now()).astimezone(zone_info(self.store.load_profile(user_id).zone or "UTC"))
        return WEEKDAY_NAMES[(today.weekday() + (relative == "tomorrow")) % 7].lower()

    def _time_on(self, user_id: int, day: str) -> Reply:
        """The plans on the day named, each with its time and zone ("what time is my saturday one")."""
        index = DAY_INDEX[day[:2]]
        on_day = [p for p in self.store.load_plans(user_id) if index in p.schedule.weekdays]
        if not on_day:
            return self._one_off_on(user_id, index)
        listed = "; ".join(f"{t.format_schedule(p.schedule, p.zone)} ({p.zone})" for p in on_day)
        return Reply(f"Your {WEEKDAY_NAMES[index]} session: {listed}. /sessions shows the next dates.")

    def _one_off_on(self, user_id: int, index: int) -> Reply:
        """The sessions of the coming week on a weekday no plan repeats on: a one-off, or a session moved there ("whats on
        friday" after "move tomorrow's to friday" said "no session on Fri")."""
        zone = zone_info(self.store.load_profile(user_id).zone or "UTC")
        coming = [(plan, at) for plan, at in self.week(user_id) if at.astimezone(zone).weekday() == index]
        if not coming:
            return Reply(f"You have no session on {WEEKDAY_NAMES[index]}. /sessions shows what's coming.")
        listed = "; ".join(t.format_when(at, plan.zone) for plan, at in coming)
        return Reply(f"Your {WEEKDAY_NAMES[index]} session: {listed} ({coming[0][0].zone}). /sessions shows what's coming.")

    def _history(self, user_id: int, period: re.Match[str] | None) -> Reply:
        """"This month: 6 done, 2 skipped, 1 missed": the sessions that came round in the period named (this week, this
        month, the last weeks), else all of them, every plan's, ended ones' too."""
        assert self.clock is not None
        now = self.clock()
        local = now.astimezone(zone_info(self.store.load_profile(user_id).zone or "UTC"))
        midnight = local.replace(hour=0, minute=0, second=0, microsecond=0)
        if period is not None and period.group("this") == "week":
            since, said = midnight - timedelta(days=local.weekday()), "This week"
        elif period is not None and period.group("this") == "month":
            since, said = midnight.replace(day=1), "This month"
        elif period is not None and period.group("last"):  # the week before this one, Monday to Sunday
            now = midnight - timedelta(days=local.weekday())
            since, said = now - timedelta(days=7), "Last week"
        elif period is not None:
            since, said = now - timedelta(days=LOOK_BACK_DAYS), "In the last 4 weeks"
        else:
            since, said = None, "So far"
        counts = self.store.history(user_id, since, now)
        if not any(counts.values()):
            return Reply(f"{said}: no session has come round yet. /sessions shows what's coming.")
        return Reply(f"{said}: {t.format_history(counts)}. /sessions shows what's coming.")

    def _missed(self, user_id: int) -> Reply:
        """The last four weeks' sessions: done, skipped, and those with no check-in (named)."""
        assert self.clock is not None
        now = self.clock()
        past = self.store.past_sessions(user_id, now - timedelta(days=LOOK_BACK_DAYS), now)
        if not past:
            return Reply("No session has come round in the last 4 weeks, so nothing was missed. /sessions shows what's coming.")
        zone = self.store.load_profile(user_id).zone or "UTC"
        done = sum(status == "done" for _at, status in past)
        skipped = sum(status in ("skipped", "cancelled") for _at, status in past)
        unmarked = [t.format_when(at, zone) for at, status in past if status not in ("done", "skipped", "cancelled")]
        said = [f"{done} done" if done else "", f"{skipped} skipped" if skipped else "",
                f"{len(unmarked)} with no check-in ({', '.join(unmarked[-4:])})" if unmarked else ""]
        return Reply(f"In the last 4 weeks: {', '.join(s for s in said if s)}. /sessions shows what's coming.")
