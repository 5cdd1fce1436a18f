"""The planning dialogue: time zone, goal, when (typed or with buttons), confirm, save; plus
/sessions, /settings and /timezone. Saves only after the user confirms what the bot understood."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, time

from bot.features.planning import texts as t
from bot.core.callbacks import parse_number
from bot.core.messages import Button, Reply
from bot.features.planning.zone import is_yes, known_zone, zone_check
from bot.features.screening.flow import REVIEWED, START, ScreeningFlow
from bot.features.screening.questions import Status
from bot.storage.transaction import transaction
from scheduler.model import WEEKDAY_NAMES, Question, Schedule, ScheduleError
from scheduler.parsing import read_schedule
from scheduler.planner import Planner
from scheduler.recurrence import next_occurrences
from scheduler.store import Draft, Profile, SchedulerStore
from scheduler.timezones import find_zone, format_zone, zone_at, zone_info

TIMES = ("06:00", "07:00", "12:00", "17:30", "18:30", "20:00")
LEADS = (0, 15, 30, 60, 120)
MAX_SESSION_BUTTONS = 8


class PlanningDialog:
    """Planning conversations for any number of users; drafts live in SQLite."""

    def __init__(self, store: SchedulerStore, planner: Planner, screening: ScreeningFlow,
                 clock: Callable[[], datetime]) -> None:
        self.store = store
        self.planner = planner
        self.screening = screening
        self.clock = clock

    def start(self, user_id: int, text: str = "") -> list[Reply]:
        """/plan: check the safety-check status, then ask what is still missing."""
        gate = self._gate(user_id)
        if gate:
            return [gate]
        profile = self.store.load_profile(user_id)
        if not profile.zone:
            self.store.save_draft(Draft(user_id, "zone"))
            return [Reply(t.ASK_ZONE, location=True)]
        if not profile.goal:
            self.store.save_draft(Draft(user_id, "goal"))
            return [self._ask_goal()]
        return self._when(user_id, text)

    def ask_zone(self, user_id: int) -> list[Reply]:
        """/timezone: ask for the zone, then return to whatever the user was doing."""
        self.store.save_draft(Draft(user_id, "zone-only"))
        return [Reply(t.ASK_ZONE, location=True)]

    def waiting_for_text(self, user_id: int) -> bool:
        """Whether the next typed message belongs to the planning dialogue."""
        draft = self.store.load_draft(user_id)
        return draft is not None and draft.stage in ("zone", "zone-only", "when")

    def current(self, user_id: int) -> Reply | None:
        """The planning question the user still has to answer, to ask again after a detour."""
        draft = self.store.load_draft(user_id)
        if draft is None or draft.stage not in ("zone", "zone-only", "when"):
            return None
        question = t.ASK_ZONE if draft.stage.startswith("zone") else t.ASK_WHEN
        return Reply(f"Back to your plan. {question}")

    def on_text(self, user_id: int, text: str) -> list[Reply]:
        """A typed zone or schedule."""
        draft = self.store.load_draft(user_id)
        if draft is None:
            return []
        if is_cancel(text):
            self.store.drop_draft(user_id)
            return [Reply(t.PLAN_CANCELLED)]
        if draft.stage in ("zone", "zone-only"):
            if draft.kept and is_yes(text):  # typed instead of tapping ✅ under the guessed zone
                return self._set_zone(user_id, draft.kept, draft)
            guess = find_zone(text)
            self.store.save_draft(replace(draft, kept=guess.zone or ""))
            return [zone_check(guess, self.clock())]
        return self._when(user_id, text)

    def on_location(self, user_id: int, latitude: float, longitude: float) -> list[Reply]:
        """A shared location: look up its zone offline."""
        zone = zone_at(latitude, longitude)
        if zone is None:
            return [Reply("I couldn't find a time zone there (out at sea?). Type your city instead.")]
        draft = self.store.load_draft(user_id) or Draft(user_id, "zone-only")
        return self._set_zone(user_id, zone, draft)

    def on_button(self, user_id: int, data: str) -> list[Reply] | None:
        """plan:…, ses:… and set:… buttons; None when the data is none of them."""
        kind, _, rest = data.partition(":")
        handler = {"plan": self._plan_button, "ses": self._session_button, "set": self._settings_button}.get(kind)
        return handler(user_id, rest) if handler else None

    def sessions(self, user_id: int) -> list[Reply]:
        """/sessions: the next 7 days, with buttons to cancel one session or a whole plan."""
        upcoming = self.planner.upcoming(user_id)
        plans = self.store.load_plans(user_id)
        if not plans:
            return [Reply("You have no plans yet. Make one with /plan.")]
        zone = self.store.load_profile(user_id).zone or "UTC"
        lines = [f"• {t.format_when(at, zone)}" for _, at in upcoming] or ["(nothing in the next 7 days)"]
        rows = [(Button(f"✖️ Skip {t.format_when(at, zone)}", f"ses:c:{plan.id}:{int(at.timestamp())}"),)
                for plan, at in upcoming[:MAX_SESSION_BUTTONS]]
        rows += [(Button(f"🗑 Cancel plan: {t.format_schedule(p.schedule, zone)}", f"ses:p:{p.id}"),) for p in plans]
        return [Reply("Your sessions in the next 7 days:\n" + "\n".join(lines), buttons=tuple(rows))]

    def settings(self, user_id: int) -> list[Reply]:
        """/settings: reminder timing and goal."""
        profile = self.store.load_profile(user_id)
        text = (f"Reminders come {t.format_lead_phrase(profile.lead_minutes)}.\nGoal: {t.GOALS.get(profile.goal or '', 'not set')}.\n"
                f"Time zone: {format_zone(profile.zone, self.clock()) if profile.zone else 'not set'} (change with /timezone).")
        leads = tuple(Button(("✅ " if m == profile.lead_minutes else "") + t.format_lead(m),
                             f"set:lead:{m}") for m in LEADS)
        goals = tuple((Button(label, f"set:goal:{g}"),) for g, label in t.GOALS.items())
        return [Reply(text, buttons=(leads, *goals))]

    def _gate(self, user_id: int) -> Reply | None:
        """Why planning is closed for this user, if it is."""
        status = self.screening.status(user_id)
        if status.allows_planning:
            return None
        if status is Status.RED:
            return Reply(t.RED_STOP)
        if status is Status.AMBER:
            return Reply(t.NEED_REVIEW, buttons=((REVIEWED,),))
        if status is Status.IN_PROGRESS:
            return Reply(t.FINISH_SCREEN)
        return Reply(t.NEED_REDO if status is Status.EXPIRED else t.NEED_SCREEN, buttons=((START,),))

    def _set_zone(self, user_id: int, zone: str, draft: Draft) -> list[Reply]:
        """Store the zone and carry on with the plan (unless only the zone was asked)."""
        profile = self.store.load_profile(user_id)
        self.planner.update_profile(replace(profile, zone=zone))
        done = Reply(f"Time zone set: {format_zone(zone, self.clock())}.")
        if draft.stage == "zone-only":
            self.store.drop_draft(user_id)
            return [done]
        return [done, *self.start(user_id)]

    def _ask_goal(self) -> Reply:
        """The goal question with one button per goal."""
        return Reply(t.ASK_GOAL, buttons=tuple((Button(label, f"plan:goal:{g}"),) for g, label in t.GOALS.items()))

    def _when(self, user_id: int, text: str) -> list[Reply]:
        """Read a typed schedule (with what was understood before a question), or show the picker."""
        draft = self.store.load_draft(user_id) or Draft(user_id, "when")
        if not text.strip():
            self.store.save_draft(replace(draft, stage="when"))
            return [self._picker(replace(draft, stage="when"), edit=False)]
        profile = self.store.load_profile(user_id)
        phrase, reading = self._read(text, draft.kept, profile)
        if isinstance(reading, ScheduleError):
            self.store.save_draft(replace(draft, stage="when", kept="", options=()))
            return [Reply(f"{reading}\n\n(Type \"cancel\" to stop planning.)")]
        if isinstance(reading, Question):
            return [self._ask(draft, reading, phrase)]
        return [self._confirm(replace(draft, stage="confirm", pending=reading, kept="", options=()), profile, edit=False)]

    def _read(self, text: str, kept: str, profile: Profile) -> tuple[str, Schedule | Question | ScheduleError]:
        """The answer alone when it is a whole schedule, else read together with the kept phrase."""
        zone = zone_info(profile.zone or "UTC")
        readings: list[tuple[str, Schedule | Question | ScheduleError]] = []
        for phrase in (text, f"{kept} {text}") if kept else (text,):
            try:
                readings.append((phrase, read_schedule(phrase, self.clock(), zone)))
            except ScheduleError as hint:
                readings.append((phrase, hint))
        whole = [r for r in readings if isinstance(r[1], Schedule)]
        return (whole or readings[1:] or readings)[0]

    def _ask(self, draft: Draft, question: Question, phrase: str) -> Reply:
        """Ask about an ambiguous or incomplete schedule, keeping what was understood: one button per
        reading, or the day/time picker filled in with the days or time already given."""
        if question.options:
            draft = replace(draft, stage="when", kept=phrase, options=tuple(s for _, s in question.options))
            self.store.save_draft(draft)
            rows = tuple((Button(label, f"plan:pick:{i}"),) for i, (label, _) in enumerate(question.options))
            return Reply(question.text, buttons=(*rows, (Button("✖️ Cancel", "plan:cancel"),)))
        clock = f"{question.local_time:%H:%M}" if question.local_time else draft.local_time
        draft = replace(draft, stage="when", kept=phrase, options=(), weekdays=question.weekdays or draft.weekdays,
                        local_time=clock)
        self.store.save_draft(draft)
        if not question.picker:
            return Reply(f"{question.text}\n\n(Type \"cancel\" to stop planning.)")
        return replace(self._picker(draft, edit=False), text=question.text)

    def _picker(self, draft: Draft, edit: bool) -> Reply:
        """Weekday toggles, time choices and a review button."""
        days = tuple(Button(("✅" if d in draft.weekdays else "") + WEEKDAY_NAMES[d], f"plan:day:{d}") for d in range(7))
        times = tuple(Button(("✅" if hhmm == draft.local_time else "") + hhmm, f"plan:time:{hhmm}") for hhmm in TIMES)
        review = (Button("Review ▶️", "plan:review"), Button("✖️ Cancel", "plan:cancel"))
        return Reply(t.ASK_WHEN, buttons=(days[:4], days[4:], times[:3], times[3:], review), edit=edit)

    def _confirm(self, draft: Draft, profile: Profile, edit: bool) -> Reply:
        """What the bot understood and the next three dates; nothing is saved yet."""
        self.store.save_draft(draft)
        assert draft.pending is not None and profile.zone and profile.goal
        nexts = next_occurrences(draft.pending, zone_info(profile.zone), self.clock(), 3)
        buttons = ((Button("✅ Save", "plan:save"), Button("✏️ Change", "plan:change"), Button("✖️ Cancel", "plan:cancel")),)
        return Reply(t.format_confirm(draft.pending, profile.zone, profile.goal, nexts), buttons=buttons, edit=edit)

    def _plan_button(self, user_id: int, rest: str) -> list[Reply]:
        """Goal, zone, day, time, review, save, change and cancel buttons."""
        action, _, arg = rest.partition(":")
        draft = self.store.load_draft(user_id)
        if action == "goal" and arg in t.GOALS:
            self.planner.update_profile(replace(self.store.load_profile(user_id), goal=arg))
            return self.start(user_id) if draft else [Reply(f"Goal set: {t.GOALS[arg]}.")]
        if action == "zone" and arg:
            return self._set_zone(user_id, arg, draft or Draft(user_id, "zone-only")) if known_zone(arg) else [_stale()]
        if draft is None:
            return [_stale()]
        return self._draft_button(draft, action, arg)

    def _draft_button(self, draft: Draft, action: str, arg: str) -> list[Reply]:
        """Buttons that change or finish the plan being made."""
        if action == "cancel":
            self.store.drop_draft(draft.user_id)
            return [replace(Reply(t.PLAN_CANCELLED), edit=True)]
        if action == "day" and (day := parse_number(arg)) is not None and day < 7:
            draft = replace(draft, stage="when", weekdays=draft.weekdays ^ {day})
        elif action == "time" and arg in TIMES:
            draft = replace(draft, stage="when", local_time=arg)
        elif action == "pick" and arg.isdigit() and int(arg) < len(draft.options):
            chosen = replace(draft, stage="confirm", pending=draft.options[int(arg)], kept="", options=())
            return [self._confirm(chosen, self.store.load_profile(draft.user_id), edit=True)]
        elif action == "change":
            draft = replace(draft, stage="when", pending=None)
        elif action == "review" and draft.weekdays and draft.local_time:
            schedule = Schedule(weekdays=draft.weekdays, local_time=time.fromisoformat(draft.local_time))
            return [self._confirm(replace(draft, stage="confirm", pending=schedule), self.store.load_profile(draft.user_id), edit=True)]
        elif action == "review":
            return [Reply("Pick at least one day and a time first, or type it, e.g. \"Mon Wed Fri at 7am\".")]
        elif action == "save" and draft.stage == "confirm" and draft.pending:
            return [self._save(draft)]
        else:
            return [_stale()]
        self.store.save_draft(draft)
        return [self._picker(draft, edit=True)]

    def _save(self, draft: Draft) -> Reply:
        """Store the confirmed plan."""
        gate = self._gate(draft.user_id)
        if gate:
            return gate
        profile = self.store.load_profile(draft.user_id)
        assert draft.pending is not None
        with transaction(self.store.db):  # the plan and the end of its draft: both or neither
            self.planner.create(profile, draft.pending)
            self.store.drop_draft(draft.user_id)
        return Reply(f"✅ Saved. I'll remind you {t.format_lead_phrase(profile.lead_minutes)}. See what's coming with /sessions; change timing with /settings.", edit=True)

    def _session_button(self, user_id: int, rest: str) -> list[Reply]:
        """Cancel one session (ses:c:PLAN:EPOCH) or a whole plan (ses:p:PLAN)."""
        parts = rest.split(":")
        numbers = [parse_number(part) for part in parts[1:]]
        if not numbers or None in numbers:
            return [_stale()]
        try:
            plan_id = int(parts[1])
            if parts[0] == "c" and len(parts) == 3:
                at = datetime.fromtimestamp(int(parts[2]), self.clock().tzinfo)
                done = self.planner.cancel_session(user_id, plan_id, at)
                return [Reply(f"Skipped {t.format_when(at, self.store.load_profile(user_id).zone or 'UTC')}.")] if done else [_stale()]
            if parts[0] == "p" and len(parts) == 2:
                return [Reply("Plan cancelled; no more reminders for it.")] if self.planner.cancel_plan(user_id, plan_id) else [_stale()]
        except (ValueError, IndexError, OverflowError, OSError):
            pass
        return [_stale()]

    def _settings_button(self, user_id: int, rest: str) -> list[Reply]:
        """Reminder lead time or goal."""
        action, _, arg = rest.partition(":")
        profile = self.store.load_profile(user_id)
        if action == "lead" and parse_number(arg) in LEADS:
            self.planner.update_profile(replace(profile, lead_minutes=int(arg)))
        elif action == "goal" and arg in t.GOALS:
            self.planner.update_profile(replace(profile, goal=arg))
        else:
            return [_stale()]
        return [replace(self.settings(user_id)[0], edit=True)]


def is_cancel(text: str) -> bool:
    """Whether a typed message means "stop planning"."""
    return text.strip().lower().strip(".!") in ("cancel", "stop", "/cancel", "never mind", "nevermind", "quit")


def _stale() -> Reply:
    """A notice for a button that no longer applies."""
    return Reply("That button no longer applies, so nothing changed. /plan or /sessions shows where you are.")
