"""What the planning dialogue and reminders say: pure text builders."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from dataclasses import replace
from datetime import datetime, time, tzinfo

from bot.core.messages import Reply
from knowledge.model import Prescription
from scheduler.leftovers import Leftover, Unused
from scheduler.model import WEEKDAY_NAMES, Schedule

ZONE_HOW = ("Type your city or region (e.g. \"Berlin\", \"New York\"), a UTC offset like \"UTC+5:30\", or share "
            "your location.")
ASK_ZONE = f"First, your time zone, so reminders come at your local time. {ZONE_HOW}"  # planning: the goal and days come next
ZONE_SCREEN = f"Which time zone are you in? Reminders come at its local time. {ZONE_HOW}"  # /timezone, /settings: nothing after it
ZONE_KEEPS_SCHEDULE = f"Got it, I'll keep that for your plan once the time zone is set. {ZONE_HOW}"
def format_which_days(count: int, example: str, plan: Schedule) -> str:
    """A count of days said at "Save this plan?": which days, the time kept; a yes saves the plan as shown."""
    shown = ", ".join(WEEKDAY_NAMES[d] for d in sorted(plan.weekdays))
    return (f"Which {count} days of the week? Type them (e.g. {example}); the time stays {plan.local_time:%H:%M}. "
            f"Or say yes to save {shown} as shown above.")


ONLY_THAT_ONE = "OK, not this one: only the plan you named, with its own time:"  # a waiting plan kept alone
SECOND_PLAN = "And the next plan, with its own time:"  # days given a time of their own, after the first is saved


def format_next_plan(waiting: int) -> str:
    """The note over the next plan with a time of its own, and how many still wait after it."""
    return SECOND_PLAN if not waiting else f"{SECOND_PLAN[:-1]} ({waiting} more after it):"
NOTHING_TO_SAVE = "There's nothing to save right now: no plan is waiting for a yes. Make one with /plan."  # "save" typed idle
NOTHING_LEFT_TO_SAVE = "Nothing is waiting to be saved: your plans are saved already."  # then the plan list
KEPT_FOR_LATER = "OK, I'll keep this plan for later: /plan picks it up where we left off."  # "gotta run, finish later"
KEPT_ASK_ZONE = f"Got it, I'll keep that. {ASK_ZONE}"  # a schedule or goal said before the zone
ZONE_CHOICE = "There are several places with that name. Which one do you mean? (Or type it with its country.)"
ZONE_WHICH = "Which one, then? Tap it below, or type the place with its state or country (e.g. \"Portland, Maine\")."
ZONE_UNKNOWN = ("I couldn't place that. Type a bigger city nearby, your country, a UTC offset like \"UTC+2\", "
                "or share your location with the button below.")
ASK_GOAL = "What are you training for? This sets the sets, reps, load and rest of each session."
ASK_WHEN = ("When do you want to train? Type it, e.g. \"every Mon Wed Fri at 7am\", \"weekdays at 6:15\", "
            "\"tomorrow 18:30\" or \"in 2 hours\", or pick days and a time below.")
NEED_SCREEN = ("Before I plan sessions, please take the short safety check: it asks a few health "
               "questions so you know whether to talk to a doctor first.")
NEED_REVIEW = ("Your safety check flagged points to go through with a doctor or physiotherapist. Planning "
               "opens once a health professional has reviewed them: tap below when they have.")
RED_STOP = ("Your safety check said to seek medical care, so I won't plan training sessions. If things "
            "have changed, a health professional can advise you, and you can redo /screen.")
FINISH_SCREEN = "Let's finish the safety check first; then I'll plan your sessions. Here is where you were:"
NEED_REDO = "Your safety check has expired or needs redoing after a health change. Please run it again first."
PLAN_CANCELLED = "Okay, no plan saved."
NOTHING_TO_SKIP = "You have no saved plan yet, so there is no session to skip: this one will be your first."
NOTHING_TO_CHANGE = "You have no saved plan yet, so there is nothing to move or change: this one will be your first."


NOTHING_SKIPPED = "Nothing is skipped, so every session is still on. /sessions shows what's coming."


def format_not_done(said: str) -> str:
    """A part of a message with several requests that was not done."""
    return f"I didn't do “{said.strip(' ,.;')}” yet: say it again on its own once this is settled."


EDIT_DROPPED_FOR_CANCEL = "Okay, that change is dropped."
EDITED_PLAN_GONE = "That plan has ended or was cancelled meanwhile, so this change was not saved. /plan makes a new one."
PLAN_LIST_HINT = "Edit one below, or make a new one (➕ New plan, or say when: \"/plan Tue Thu 6pm\")."
ZONE_KEPT = "Okay, your time zone stays as it was."
EDITING = ("Editing this plan: type what should change (\"make it 7pm\", \"Tue and Thu\", \"change the goal "
           "to endurance\", \"remind me 1 hour before\"), or tap ✏️ Change or a reminder time. Saving replaces the old plan.")
def format_changing(plan: str) -> str:
    """A new routine told with one plan saved: that plan is the one changed."""
    return f"Changing your plan {plan} (saving replaces it; for a plan beside it instead, tap ➕ New plan)."


STALE = "That no longer applies, so nothing changed. /plan, /screen or /sessions shows where you are."
DUPLICATE = "⚠️ You already have a plan with exactly this schedule. Save it again only if you mean to."
SETTINGS_HINT = ("Tap to change, or say it: \"remind me 1 hour before\", \"change the goal to endurance\", "
                 "\"change my time zone to Berlin\", \"voice replies on\". \"Done\" when you're finished.")


def format_voice_setting(on: bool) -> str:
    """The voice-reply setting as /settings shows it."""
    return f"Voice replies: {'on' if on else 'off'} (/voice on or off)."
LEAD_NEGATIVE = ("A reminder can only come before a session (or at its start), not after it. Say e.g. \"remind me "
                 "10 minutes before\".")
LEAD_TOO_LONG = ("Reminders can come up to 4 hours before a session, or at its start. Say e.g. \"remind me 2 hours "
                 "before\".")
SETTINGS_KEPT = "Okay, settings kept as they are."
# what each setting does, for a question about it while the settings are open ("what does the goal change?")
ASKS_MEANING = re.compile(r"^(?!.*\d).*\b(?:what|whats|wat|how does|how do|mean|meaning|explain|for what)\b")
SETTING_MEANS = (
    (re.compile(r"\bgoals?\b"), "The goal picks the programme each reminder carries: the sets, reps, load and rest for "
     "strength, muscle growth, endurance or mobility. It changes no times."),
    (re.compile(r"\b(?:lead|remind\w*|before|notice)\b"), "The reminder lead is how long before each session the reminder "
     "comes: 15 minutes to 4 hours, or at the start."),
    (re.compile(r"\b(?:time ?zone|zone)\b"), "The time zone puts sessions and reminders at your local clock time."),
    (re.compile(r"\b(?:voice|audio|spoken)\b"), "Voice replies send every answer as a voice note too, as well as the text."))
# a question about what a setting is now ("what is my goal now?", "whats my reminder time"), not what it does
ASKS_OWN = re.compile(r"\b(?:my|current|currently|set to|right now)\b")
ASKS_WHAT_FOR = re.compile(r"\b(?:does|do|mean|meaning|explain|for what|what for|why)\b")
YES_TO_WHAT = ("Yes to what? The settings are still open: tap a button above or type the change (\"remind me 1 hour "
               "before\", \"change my time zone to Berlin\"), or \"done\" to close them.")
SETTINGS_SAVED = "Okay, your changes are saved. /settings shows them."
START_PLAN = "Plan your sessions with /plan: I'll remind you with what to do for your goal."
START_SCREEN = "To get reminders for planned sessions, take the short safety check (/screen), then use /plan."
# Short answers of the steps themselves, to a question about the step asked there (then it is asked again)
WHY_ZONE = ("I ask for your time zone so reminders come at your local time, not mine. A city is enough; I keep only "
            "the zone name (e.g. Europe/Berlin), never where you are.")
ABOUT_TIME = ("Any time you can keep is a good time: the articles don't name a best time of day, so it's your call. "
              "To change a plan's time, type the new one (e.g. \"6pm\" or \"tue thu 7am\").")
SAY_WHICH = "Tap one, or say which (e.g. \"the first one\", \"the monday one\", \"the 7am one\")."
MOVE_UNREAD = ("I couldn't tell when to move that session to. Say the day or time, e.g. \"move friday's session to "
               "next week\" or \"move tomorrow's session to 8pm\".")
MOVE_WHICH = "Which session do you want to move? Say it with its day, e.g. \"move friday's session to next week\"."
MOVE_KEEPS = "Only that session moves; the plan stays as it is."
SKIP_WHILE_PLANNING = "Do you mean a saved session? Tap it to skip it; the plan you're making goes on either way."
AWAY_WHILE_PLANNING = ("Enjoy the break! I didn't take that as the plan's last day. Once it's saved, tell me you're away "
                       "and I'll offer to skip the sessions then.")
WHY_GOAL = "I ask because your goal sets each session's sets, reps, load and rest, and each reminder says what to do for it:"
ABOUT_SESSIONS = ("Nothing is saved until you confirm the plan. Then a reminder comes before each session, at your "
                  "local time, and /sessions lists them. Miss one and nothing is lost: the next one is reminded as "
                  "planned; to skip one ahead, say \"skip tomorrow\".")
NO_HOLIDAYS = "I can't skip holidays automatically; skip a session from its reminder or /sessions."
GOALS = {"strength": "💪 Strength", "hypertrophy": "🍑 Muscle growth", "endurance": "🔁 Endurance",
         "mobility": "🧘 Mobility / movement integrity"}


def format_schedule(schedule: Schedule, zone: str) -> str:
    """"every Mon, Wed, Fri at 07:00", "every 2 days at 07:00 until Sun 17 Jan", "on the first Mon of every
    month at 18:00" or "once, Sun 22 Nov at 18:30" (in the user's zone)."""
    return _repeats(schedule, zone) + format_span(schedule)


def _repeats(schedule: Schedule, zone: str) -> str:
    """How a plan repeats, or its one session."""
    if not schedule.recurring:
        return f"once, {format_when(schedule.once_at, zone)}"  # type: ignore[arg-type]
    days = ", ".join(WEEKDAY_NAMES[d] for d in sorted(schedule.weekdays))
    at = f"at {schedule.local_time:%H:%M}"
    kind = schedule.kind
    if kind == "every_n_days":
        return f"every {'other day' if schedule.every == 2 else f'{schedule.every} days'} {at}"
    if kind == "every_n_weeks":
        return f"every {'other week' if schedule.every == 2 else f'{schedule.every} weeks'} on {days} {at}"
    if kind == "monthly" and schedule.month_day:
        return f"every month on the {_ordinal(schedule.month_day)} {at}"
    if kind == "monthly":
        nth = "last" if schedule.nth == -1 else _ordinal(schedule.nth or 1)
        return f"on the {nth} {days} of every month {at}"
    return f"{'every day' if len(schedule.weekdays) == 7 else 'every ' + days} {at}"


def format_span(schedule: Schedule) -> str:
    """" from Mon 7 Dec until Sun 17 Jan" for a plan with a first or last day ("" for none)."""
    start = f" from {schedule.start:%a %-d %b}" if schedule.start else ""
    return start + (f" until {schedule.until:%a %-d %b}" if schedule.until else "")


def format_count_note(count: int, weekdays: frozenset[int]) -> str:
    """What was planned when the days named are fewer or more than the days a week said."""
    said = f"You said {count} days a week and named {len(weekdays)} ({', '.join(WEEKDAY_NAMES[d] for d in sorted(weekdays))})"
    if len(weekdays) < count:
        them = "that one" if len(weekdays) == 1 else "those"
        return f"{said}, so I planned {them}. To add more, type all the days, e.g. \"Mon Wed Fri\"."
    return f"{said}, so I planned all {len(weekdays)}. To drop one, type just the days you want."


def _ordinal(n: int) -> str:
    """1st, 2nd, 3rd, 4th, 11th, 21st."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def format_clock(now: datetime, zone: str) -> str:
    """The wall time now in a zone: "23:41"."""
    from scheduler.timezones import zone_info

    return f"{now.astimezone(zone_info(zone)):%H:%M}"


def format_zone_check(place: str, zone: str, now: datetime) -> str:
    """"Karachi (Pakistan), now 23:41. Right?" with the zone name, so a guess is never saved unseen."""
    return (f"{place}, now {format_clock(now, zone)}. Right?\n(Time zone {zone}.) Tap ✅ if so; otherwise "
            "pick another below or type another place.")


GUESS_NOT_CAUGHT = "I didn't catch that."
def format_kept(schedule: str, goal: str) -> str:
    """What was kept from a message that also named the place: "Got it, I'll keep “mon wed fri at 7” and the goal strength."."""
    parts = [f"“{schedule.strip()}”" if schedule.strip() else "", f"the goal ({goal})" if goal else ""]
    return f"Got it, I'll keep {' and '.join(p for p in parts if p)}." if any(parts) else ""


GUESS_KEPT = "Got it, I'll keep that."  # a schedule or goal said while the guessed zone waits for its yes
GUESS_BACK = "Back to your plan."
GUESS_ZONE_BACK = "Back to your time zone."
HOME_WHICH = "Welcome back! Which place is home? Type your city and I'll set your reminders to its time."  # no zone kept
def format_kept_for_review(said: str, hours: int) -> str:
    """A schedule asked for while an amber result waits for a professional's review: kept for after it, `hours` long."""
    return f"I'll keep “{said.strip()}” and plan it as soon as the review is recorded (within {hours} hours; after that, ask again)."


KEPT_FOR_AFTER_CHECK = "Got it: I'll plan that right after the safety check."  # a plan asked for in the middle of it


def format_back_to(zone: str, now: datetime) -> str:
    """The zone before a trip offered back ("Back to Europe/Lisbon (now 05:52)?"), never saved unasked."""
    return f"Back to {zone} (now {format_clock(now, zone)})? Tap ✅ to switch your reminders back, or type another place."


def format_stay(said: str, before: str) -> str:
    """A stay told with its end ("this week"), said back when its zone is confirmed, with the way home."""
    return f"You said “{said}”: once you're back, tell me (“I'm home again”) and I'll offer {before} again."


def format_still_zone(zone: str, now: datetime) -> str:
    """A return told while the zone was never changed: it is still the one set."""
    return f"Welcome back! Your reminders are still on {zone} time (now {format_clock(now, zone)}). /timezone changes it."


def format_guess_again(zone: str, now: datetime, lead: str = GUESS_NOT_CAUGHT) -> str:
    """The guessed zone asked again after a reply that did not answer it (`lead`: what the reply got first)."""
    return f"{lead} Is your time zone {zone} (now {format_clock(now, zone)})? Tap ✅ if so, or type another place."


def format_next_beyond(at: datetime, zone: str | tzinfo) -> str:
    """The next session after the days listed, none of which comes."""
    return f"Your next session: {format_when(at, zone)}."


def format_when(at: datetime, zone: str | tzinfo) -> str:
    """"Mon 23 Nov 07:00" in the zone."""
    from scheduler.timezones import zone_info

    return f"{at.astimezone(zone_info(zone) if isinstance(zone, str) else zone):%a %d %b %H:%M}"


def format_confirm(schedule: Schedule, zone: str, goal: str, nexts: list[datetime], lead: int,
                   skipped: Collection[str] = ()) -> str:
    """What the bot understood, the reminder lead, the next three dates (those on a day `skipped` in the plan edited,
    "Sat 05 Dec", marked: they stay skipped), and the question to save."""
    dates = "\n".join(f"• {format_when(at, zone)}{' · stays skipped' if format_when(at, zone)[:10] in skipped else ''}"
                      for at in nexts)
    lead_said = format_lead_phrase(lead, once=not schedule.recurring)
    return (f"I understood: {format_schedule(schedule, zone)} ({zone}), goal: {format_goal(goal)}, "
            f"reminder {lead_said}.{_once_hint(schedule, zone)}\n\nNext sessions:\n{dates}\n\nSave this plan?")


def format_plans_too(moved: int) -> str:
    """", for your 2 plans too": the saved plans given the settings' goal."""
    plans = "your plan" if moved == 1 else f"your {moved} plans"
    return f", for {plans} too (✏️ Edit in /plan gives a plan a goal of its own)" if moved else ""


def format_plans_goal(moved: int, goal: str) -> str:
    """The note over the settings when a goal tapped there reached the saved plans."""
    return f"Your goal is {format_goal(goal)}{format_plans_too(moved)}." if moved else ""


def format_goal(goal: str) -> str:
    """"strength", "mobility / movement integrity": a goal as words in a sentence."""
    return GOALS[goal].split(" ", 1)[1].lower()


def _once_hint(schedule: Schedule, zone: str) -> str:
    """A one-off says how to make it weekly ("tue 6pm" is one session; "every tue 6pm" repeats)."""
    if schedule.once_at is None:
        return ""
    from scheduler.timezones import zone_info

    local = schedule.once_at.astimezone(zone_info(zone))
    return f"\n(Just this once. To repeat it every week, type \"every {local:%a %H:%M}\".)"


def format_lead(minutes: int) -> str:
    """"30 min" / "1 h" / "at start" (for buttons)."""
    if minutes == 0:
        return "at start"
    return f"{minutes // 60} h" if minutes % 60 == 0 else f"{minutes} min"


def format_lead_phrase(minutes: int, once: bool = False) -> str:
    """"30 min before each session" or "when each session starts" ("the session" for a one-off)."""
    session = "the session" if once else "each session"
    return f"when {session} starts" if minutes == 0 else f"{format_lead(minutes)} before {session}"


def format_still_in_settings(lead_minutes: int, goal: str | None, zone: str | None) -> str:
    """The one line said when a question was answered with /settings open: what they are, and how to go on."""
    return (f"Still in settings (reminders {format_lead(lead_minutes) + ' before' if lead_minutes else 'at the start'}, "
            f"goal {format_goal(goal) if goal in GOALS else 'not set'}, time zone {zone or 'not set'}): tap a button "
            "above or type a change, or \"done\".")


def format_setting_now(setting: str, lead_minutes: int, goal: str | None, zone: str | None, voice: bool) -> str:
    """What one setting is now ("goal", "lead", "zone" or "voice"), asked while the settings are open."""
    if setting == "goal":
        return f"Your goal is {format_goal(goal)}." if goal in GOALS else "No goal is set yet: tap one above."
    if setting == "lead":
        return f"Reminders come {format_lead_phrase(lead_minutes)}."
    if setting == "zone":
        return f"Your time zone is {zone}." if zone else "No time zone is set yet: tap 🌍 Change time zone above."
    return f"Voice replies are {'on' if voice else 'off'}."


def format_choice(label: str, current: bool) -> str:
    """A button's label, marked ✓ when it is the current choice (a ✅ in front read as "Save")."""
    return f"{label} ✓" if current else label


def format_stored(zone: str | None, goal: str | None, lead_minutes: int, plans: list[str], previous_zone: str | None = None,
                  ended: int = 0, history: dict[str, int] | None = None) -> str:
    """The planning settings, the plans stored (each as it is said), the ended ones kept for their history and that
    history's counts (for /mydata), with the zone before the last change."""
    lead = format_lead_phrase(lead_minutes).removesuffix(" each session")
    before = f" (before that {previous_zone}, kept to switch back after a trip)" if previous_zone else ""
    listed = f"your plans: {'; '.join(plans)}" if plans else "no active plan"
    kept = f"; {ended} ended plan(s) (cancelled with sessions behind them, or replaced by a change)" if ended else ""
    past = format_history(history) if history and any(history.values()) else ""
    return (f"Planning: time zone {zone or 'not set'}{before}, goal {goal or 'not set'}, reminders {lead}; {listed}{kept}"
            + (f"; your past sessions: {past}" if past else ""))


def format_history(counts: dict[str, int]) -> str:
    """"6 done, 2 skipped, 1 missed" (the kinds with none left out; "none yet" for none at all)."""
    said = [f"{counts[kind]} {kind}" for kind in ("done", "skipped", "missed") if counts.get(kind)]
    return ", ".join(said) if said else "none yet"


def format_goal_numbers(goal: str, p: Prescription) -> str:
    """A goal offered and what each reminder would then carry: "For muscle growth: 2–3 sets × 12–15 reps · …"."""
    return f"For {format_goal(goal)}, each reminder would carry: {format_prescription(p)}."


def format_prescription(p: Prescription) -> str:
    """One line of sets, reps, load and rest."""
    return f"{p.sets} sets × {p.reps} reps · load: {p.load} · rest: {p.rest}"


def format_reminder(at: datetime, zone: str, goal: str, prescription: Prescription | None, warm_up: str,
                    late: bool, snoozed: bool) -> str:
    """The reminder: when, what to do for the goal, a warm-up cue, and the check-in question."""
    head = "⏰ Snoozed reminder: " if snoozed else "⏰ "
    lines = [f"{head}reverse hypers at {format_when(at, zone)} (goal: {goal})."]
    if late:
        lines.append("Sorry this comes late: I was offline at the planned reminder time.")
    if prescription:
        lines.append(format_prescription(prescription))
    lines += [warm_up, "Check-in: feeling unwell today, or new or worse back or leg pain? Then skip today."]
    return "\n\n".join(lines)


NO_REMINDER_SWITCH = ("Each planned session comes with a reminder; there is no switch to turn it off. The latest it can come is "
                      "as the session starts: tap ⏰ at start (or type \"at start\").")


def format_reminders_off(plans: int) -> str:
    """How to stop reminders: they come with planned sessions, so cancelling the plan stops them."""
    if plans == 0:
        return "Reminders only come for planned sessions, and you have none, so no reminder will come."
    return ("Reminders come with each planned session; there is no separate switch. To stop them, cancel the plan "
            "in /sessions (or skip one session there). To have them come as a session starts instead, use /settings.")


def format_zone_moved(zone: str, times: list[str]) -> str:
    """What a new zone does to the plans: they keep their clock times (`times`, those of the recurring plans moved), now
    in the new zone ("" when no plan moved)."""
    if not times:
        return ""
    one = len(times) == 1
    said = times[0] if one else f"{', '.join(times[:-1])} and {times[-1]}"
    return (f"\nYour {'plan keeps its' if one else 'plans keep their'} clock times: {'a session' if one else 'sessions'} at "
            f"{said} {'is' if one else 'are'} now at {said} {zone} time. See them in /sessions.")


def format_left_out(parts: tuple[Leftover, ...]) -> str:
    """What a plan will not do of what was said: holidays, and the words left out ("" for none)."""
    other = " and ".join(f"“{part.words}”" for part in parts if part.reason is Unused.OTHER)
    notes = [NO_HOLIDAYS] if any(part.reason is Unused.HOLIDAYS for part in parts) else []
    return " ".join([*notes, *([f"I left out {other}: a plan is days and a time of day."] if other else [])])


GOAL_EDIT_HINT = "Say it, e.g. \"switch it to endurance\"."


def format_unplanned(goal: str) -> str:
    """A goal named that the articles plan nothing for ("fat loss"): the goals planned for, asked."""
    ours = ", ".join(format_goal(g) for g in GOALS)
    return (f"The articles don't plan for {goal}, so I won't guess at it. I plan sessions for four goals: {ours}. "
            "Which is closest to what you want?")


def format_read_as(at: time) -> str:
    """How an hour said without am or pm was read (on the plan's side of noon), and how to say the other."""
    said = f"{at.hour % 12 or 12}{f':{at.minute:02d}' if at.minute else ''}"
    pm = at.hour >= 12
    return (f"I took {said} as {at:%H:%M} ({'pm' if pm else 'am'}, like the plan's time); "
            f"type “{said}{'am' if pm else 'pm'}” if you meant the {'morning' if pm else 'evening'}.")


def with_note(reply: Reply, note: str) -> Reply:
    """The reply with a note before it (unchanged for no note)."""
    return replace(reply, text=f"{note}\n\n{reply.text}") if note else reply


def format_one_time(said: Iterable[int], kept: Iterable[int], at: str, kept_at: str) -> str:
    """A time said for some of a plan's days only (`said` at `at`; the others stay at `kept_at`): a plan keeps one time
    for all its days, so how to say which."""
    days, others = "/".join(WEEKDAY_NAMES[d] for d in sorted(said)), "/".join(WEEKDAY_NAMES[d] for d in sorted(kept))
    head = "One plan keeps one time for all its days, so I haven't changed it yet."
    if at == kept_at:  # "tuesday 6:30 is fine but thursday needs to be 7": the other days' new time went unread
        return (f"{head} To keep {days} at {at} and give {others} another time, type \"only {days}\", save it, then make "
                f"{others} a plan of its own with /plan. To move every day, type the time alone (\"make it 19:00\").")
    return (f"{head} Type \"make it {at}\" to move every day, or \"only {days} at {at}\" to keep just {days}. For "
            f"{others} at {kept_at} and {days} at {at}, type \"only {others}\", save it, then make {days} a plan of "
            "its own with /plan.")


def format_whole_plan(days: Iterable[int], day: int, at: str) -> str:
    """A new time said for a plan named by one of its days: every day of it moves, said before Save."""
    listed = "/".join(WEEKDAY_NAMES[d] for d in sorted(days))
    return f"This moves the whole plan ({listed}) to {at}, not only {WEEKDAY_NAMES[day]}. {format_one_session((day,), at)}"


def format_one_session(said: Iterable[int], at: str) -> str:
    """How to move only the next session of the one day a saved plan's edit gave a time of its own ("" for several days)."""
    days = sorted(said)
    if len(days) != 1:
        return ""
    return f"To move only this {WEEKDAY_NAMES[days[0]]}'s session, type \"this {WEEKDAY_NAMES[days[0]]} at {at}\"."

ON_HOLD_LISTED = ("⏸ On hold: your safety check no longer counts, so no reminders come until you take it again "
                  "with /screen.\n\n")
