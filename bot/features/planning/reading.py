"""How planning reads a typed schedule: alone or with what was said before, filled in with the
days or time kept from earlier, or as an edit of the plan being confirmed ("no, make it 7pm")."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, time

from bot.core.confirmation import Choices
from bot.features.planning.draft import Draft, Step
from bot.features.planning.texts import format_read_as, format_schedule
from knowledge.relative_changes import change_words_only, day_change, time_shift, without_shift
from scheduler.clock import find_time
from scheduler.days import find_days
from scheduler.leftovers import Leftover, unused_parts
from scheduler.model import WEEKDAY_NAMES, Question, Repeat, Schedule, ScheduleError
from scheduler.one_off import NO_DAY_OR_TIME
from scheduler.parsing import read_schedule
from scheduler.recurrence import next_occurrences
from scheduler.timezones import zone_info
from scheduler.words import normalise

Reading = Schedule | Question | ScheduleError
# "make it 11", "no, change it to 9:30": an hour with no am/pm, only ever an edit of the plan shown.
_BARE_HOUR = re.compile(r"^(?:no+|actually|ok|okay|hmm+)?[,\s]*(?:make it|change it to|move it to|switch it to)\s+"
                        r"(\d{1,2})(?:[:.](\d{2}))?(?:\s+instead)?[.!]*$", re.IGNORECASE)
_BARE_INSTEAD = re.compile(r"^(?:no+|actually|ok|okay|hmm+)?[,\s]*(?:(?:can|could) (?:we|you|u) (?:do|make it)\s+|let'?s do\s+"
                           r"|how about\s+)?(?:at\s+)?(\d{1,2})(?:[:.](\d{2}))?\s+instead"
                           r"(?:\s+(?:pls|please|plz))?[.!]*$", re.IGNORECASE)  # "8 instead"

# a change asked, even worded as a question ("can it be an endurance plan instead", "could we switch to 8")
CHANGE_SAID = re.compile(r"\b(?:instead|rather|switch|change|swap|make it)\b", re.IGNORECASE)
# what a change replaces, said after it ("7am not 7pm", "8:30 instead of 8", "mornings rather than evenings")
_REPLACED = re.compile(r"[,\s]+(?:not|instead of|rather than)\b.*$", re.IGNORECASE)
# what a change replaces, said first ("not 6:30, 6:45pm", "not at 7 but 8am")
_REPLACED_FIRST = re.compile(r"^\W*not\s+[^,;]+?(?:[,;]|\s+but\b)\s*(?:but\s+)?(.+)$", re.IGNORECASE)


def bare_hour(text: str) -> time | None:
    """The hour a "make it 11" or "8 instead" names (read on the plan's side of noon later), or None."""
    found = _BARE_HOUR.match(text.strip()) or _BARE_INSTEAD.match(text.strip())
    if not found or int(found.group(1)) > 23 or int(found.group(2) or 0) > 59:
        return None
    return time(int(found.group(1)), int(found.group(2) or 0))


def schedule_hint(text: str, now: datetime) -> str | None:
    """Why a schedule said cannot be one plan as said ("mwf 7am but on my night weeks 5pm", "at 25:00"), or None for a
    message with no day or time in it, or one that reads."""
    try:
        read_schedule(text, now, zone_info("UTC"))
    except ScheduleError as hint:
        return None if str(hint) == NO_DAY_OR_TIME else str(hint)
    return None


def carries_schedule(text: str, now: datetime) -> bool:
    """Whether the text carries a day or a time."""
    try:
        return isinstance(read_schedule(text, now, zone_info("UTC")), (Schedule, Question))
    except ScheduleError:
        return False


def filled(question: Question, draft: Draft) -> Schedule | Question:
    """A question the days or time said earlier already answer becomes the schedule."""
    days = question.weekdays or draft.weekdays
    clock = f"{question.local_time:%H:%M}" if question.local_time else draft.local_time
    if question.options or not question.picker or not days or not clock:
        return question
    return Schedule(weekdays=frozenset(days), local_time=time.fromisoformat(clock), start=question.start, until=question.until)



def read_with_kept(text: str, kept: str, now: datetime, zone: str, options: tuple[Schedule, ...] = ()) -> tuple[str, Reading]:
    """The answer alone when it is a whole schedule, else read together with the kept phrase; days
    alone at a choice of readings ("no wait, thursdays instead") move the readings to those days."""
    readings: list[tuple[str, Reading]] = []
    for phrase in (text, f"{kept} {text}") if kept else (text,):
        try:
            readings.append((phrase, read_schedule(phrase, now, zone_info(zone))))
        except ScheduleError as hint:
            readings.append((phrase, hint))
    moved = _moved_options(readings[0][1], options, zone) or _picked_option(readings[0][1], options)
    if moved is not None:
        return kept, moved
    whole = [r for r in readings if isinstance(r[1], Schedule)]
    return (whole or readings[1:] or readings)[0]


def _picked_option(alone: Reading, options: tuple[Schedule, ...]) -> Schedule | None:
    """The reading offered that a time alone picks ("7pm" at "7:00 in the morning or in the evening?")."""
    if not isinstance(alone, Question) or alone.weekdays or alone.local_time is None or alone.options:
        return None
    return next((o for o in options if o.once_at is None and o.local_time == alone.local_time), None)


def with_days_and_time(text: str, weekdays: frozenset[int], clock: str | None, now: datetime, zone: str) -> Schedule | None:
    """The text read again with the days and time already known ("make it every 3 weeks" of a plan on
    Mondays at 07:00 is every 3 weeks on Monday at 07:00), or None."""
    if not weekdays or not clock:
        return None
    days = " ".join(WEEKDAY_NAMES[d] for d in sorted(weekdays))
    try:
        reading = read_schedule(f"{text} {days} {clock}", now, zone_info(zone))
    except ScheduleError:
        return None
    return reading if isinstance(reading, Schedule) else None


def unconfirmed(draft: Draft) -> Draft:
    """The draft after a "no" at the confirmation: back to when, a weekly plan's days and time kept
    chosen (for an edit of the rest, "make it every 3 weeks")."""
    pending = draft.pending
    if pending is None or pending.repeat is not Repeat.WEEKLY or pending.local_time is None:
        return replace(draft, step=Step.WHEN, pending=None)
    return replace(draft, step=Step.WHEN, pending=None, weekdays=pending.weekdays, local_time=f"{pending.local_time:%H:%M}")


def _moved_options(alone: Reading, options: tuple[Schedule, ...], zone: str) -> Question | None:
    """The weekly readings offered, on the days the answer names instead (None when it does not)."""
    if not isinstance(alone, Question) or not alone.weekdays or alone.local_time or alone.options or not options:
        return None
    if any(o.repeat is not Repeat.WEEKLY or o.once_at is not None for o in options):
        return None
    moved = tuple(replace(o, weekdays=alone.weekdays) for o in options)
    at = moved[0].local_time or time(0)
    return Question(f"{at:%-I:%M} in the morning or in the evening?", options=tuple((format_schedule(o, zone), o) for o in moved))


def edited_schedule(draft: Draft, text: str, now: datetime, zone: str) -> Schedule | None:
    """The pending plan with the days or time the message names ("no, make it 7pm", "thu 9am", a bare
    "at 8" read on the pending time's side of noon; after an arrow, "mwf -> tue thu", the new ones; after a
    reaction, "lol ok but make it 8", the change), or None."""
    found = edited_part(draft, text, now, zone)
    return found[0] if found else None


def edited_part(draft: Draft, text: str, now: datetime, zone: str) -> tuple[Schedule, str] | None:
    """The pending plan as edited (see `edited_schedule`) and the part of the message that said the change, or None."""
    arrow = _ARROW.split(text, maxsplit=1)
    said = arrow[1] if len(arrow) == 2 and arrow[1].strip() else text
    edited = _edited(draft, said, now, zone)
    reaction = _REACTION.match(said) if edited is None else None
    if reaction and said[reaction.end():].strip():
        said = said[reaction.end():]
        edited = _edited(draft, said, now, zone)
    return (edited, said) if edited is not None else None


_ARROW = re.compile(r"\s*(?:->|=>|→)\s*")  # "mwf -> tue thu sat": what the plan becomes after it
# a reaction before the change ("almost, but", "lol ok but", "is good but please")
_REACTION = re.compile(r"^[^.!?;:]{0,30}?\bbut\b(?:\s+(?:please|pls|plz|can you|could you))?\s*", re.IGNORECASE)


def _edited(draft: Draft, text: str, now: datetime, zone: str) -> Schedule | None:
    """The pending plan with the days or time the message names, read whole (see `edited_schedule`)."""
    pending = draft.pending
    assert pending is not None
    relative = _relative(pending, text, zone)
    if relative is not None:
        return relative
    first = _REPLACED_FIRST.match(text)
    said = first.group(1) if first else _REPLACED.sub("", text)
    text = said if said.strip() and said != text and carries_schedule(said, now) else text  # "7am not 7pm": 7am
    hour = bare_hour(text)
    if hour is not None:
        text = f"at {_near(hour, _clock_of(pending, zone)):%H:%M}"
    try:
        reading = read_schedule(text, now, zone_info(zone))
        clock = find_time(normalise(text))
    except ScheduleError:
        return None
    if isinstance(reading, Schedule):
        return _kept_weekly(reading, pending, text, zone)
    if reading.options and not (pending.recurring and clock and clock.open_meridiem):
        return None  # "sunday at 4" over a weekly plan: 4 on the plan's side of noon, as "at 4" alone
    if pending.recurring and (reading.start or reading.until) and not reading.weekdays and not reading.local_time:
        return _spanned(pending, reading, now, zone)
    at = reading.local_time or (_near(clock.at, _clock_of(pending, zone)) if clock else None)
    rhythm = _new_rhythm(reading, at)
    if rhythm is not None:  # "every other day at 7ish" over Mon/Wed/Fri: the new rhythm at the plan's side of noon
        return rhythm
    days = frozenset(reading.weekdays) or (find_days(normalise(text)).days if pending.repeat is Repeat.WEEKLY else frozenset())
    if not days and not at and pending.repeat is Repeat.WEEKLY and pending.local_time:  # "every 3 weeks"
        return with_days_and_time(text, pending.weekdays, f"{pending.local_time:%H:%M}", now, zone)
    if pending.recurring and (days or at):  # "sunday" alone: a weekly plan's new day, at its time
        return replace(pending, weekdays=days or pending.weekdays, local_time=at or pending.local_time)
    if not pending.recurring and at and not reading.weekdays:
        day = pending.once_at.astimezone(zone_info(zone)).date()  # type: ignore[union-attr]
        moved = datetime.combine(day, at, zone_info(zone)).astimezone(UTC)
        return replace(pending, once_at=moved) if moved > now else None
    return None


def _new_rhythm(reading: Question, at: time | None) -> Schedule | None:
    """The reading at `at` when it says a rhythm other than every week ("every other day", "every 3 days", "first monday
    of the month"): taken whole, never as a new time for the old days (tester s32 #6: "every other day" dropped); else None."""
    return next((schedule for _, schedule in reading.options if schedule.local_time == at
                 and (schedule.repeat is not Repeat.WEEKLY or schedule.every != 1)), None)


# words that keep only the days said ("only thu at 7pm", "just tuesdays", "drop tue"): the days do change
_ONLY_THOSE = re.compile(r"\b(?:only|just|drop|remove|without|except|no more|no longer|anymore)\b", re.IGNORECASE)


def retimes_some_days(pending: Schedule, edited: Schedule, text: str) -> bool:
    """Whether an edit gives some of a weekly plan's days a time of their own ("move thursday to 7pm", "tuesday 6:30 is
    fine but thursday needs to be 7" over Tue and Thu at 18:30): a plan keeps one time for all its days, so taking the
    edit as typed would drop the other days unasked."""
    if pending.repeat is not Repeat.WEEKLY or edited.repeat is not Repeat.WEEKLY or len(pending.weekdays) < 2:
        return False
    fewer = bool(edited.weekdays) and edited.weekdays < pending.weekdays
    return fewer and find_time(normalise(text)) is not None and not _ONLY_THOSE.search(text)


def _relative(pending: Schedule, text: str, zone: str) -> Schedule | None:
    """A weekly plan with the days said relative to its own ("drop friday", "swap wed for thu", "sundays
    too") and the time said, or its time moved ("an hour later"); None when the text says neither."""
    if pending.repeat is not Repeat.WEEKLY or pending.local_time is None:
        return None
    change, shift = day_change(text), time_shift(text)
    days = change.applied(pending.weekdays) if change else pending.weekdays
    if change is None and shift is None or not days:
        return None
    at = pending.local_time
    if shift is not None:
        minutes = (at.hour * 60 + at.minute + shift) % (24 * 60)
        at = time(minutes // 60, minutes % 60)
    else:
        try:
            clock = find_time(normalise(text))
        except ScheduleError:
            return None
        at = (_near(clock.at, at) if clock.open_meridiem else clock.at) if clock else at
    return replace(pending, weekdays=frozenset(days), local_time=at)


def read_as(text: str, edited: Schedule, zone: str) -> str:
    """How a time typed without am or pm at the confirmation was read ("make it 8" on an evening plan:
    20:00), to say beside it; "" when the time said was whole or none was said."""
    try:
        clock = find_time(normalise(text))
    except ScheduleError:
        clock = None
    hour = bare_hour(text)
    open_hour = hour is not None and 0 < hour.hour <= 12  # "make it 19:00" says which 7 it is
    if not open_hour and (clock is None or not clock.open_meridiem):
        return ""
    return format_read_as(_clock_of(edited, zone))


def _spanned(pending: Schedule, said: Question, now: datetime, zone: str) -> Schedule | None:
    """The plan within the first and last day typed at the confirmation ("for 6 weeks"); None when no session is left."""
    spanned = replace(pending, start=said.start, until=said.until)
    return spanned if next_occurrences(spanned, zone_info(zone), now, 1) else None


def _kept_weekly(reading: Schedule, pending: Schedule, text: str, zone: str) -> Schedule | None:
    """A weekday and time typed over a weekly plan ("thu 9am") change its days and time: the plan
    stays weekly; any other whole schedule replaces the plan."""
    if reading.recurring:
        return reading if reading.local_time is not None else None
    days = find_days(normalise(text)).days
    if pending.recurring and pending.repeat is Repeat.WEEKLY and days:
        return replace(pending, weekdays=days, local_time=_clock_of(reading, zone))
    return reading


def _clock_of(schedule: Schedule, zone: str) -> time:
    """The local wall time a schedule happens at."""
    if schedule.once_at is not None:
        return schedule.once_at.astimezone(zone_info(zone)).time().replace(tzinfo=None)
    return schedule.local_time or time(0)


def _near(at: time, other: time) -> time:
    """An hour with no am/pm on the same side of noon as the plan's time ("at 8" in a 7am plan is 8am)."""
    morning, evening = time(at.hour % 12, at.minute), time(at.hour % 12 + 12, at.minute)
    return evening if other.hour >= 12 else morning


def joined(kept: str, text: str) -> str:
    """What the user said so far, in order."""
    return " ".join(part for part in (kept.strip(), text.strip()) if part)


def left_out(phrase: str, kept: str, goal: Callable[[str], str | None]) -> tuple[Leftover, ...]:
    """What the reader left out of the phrase it read, less what it left out of the part said before
    (that was said when the part was first read) and the words that name a goal (planning takes those)."""
    if bare_hour(phrase) is not None:  # "8 instead": the hour read on the plan's side of noon, nothing left out
        return ()
    said = {part.words for part in unused_parts(kept)} if kept else set()
    relative = day_change(phrase) is not None or time_shift(phrase) is not None  # "drop friday": "drop" was read
    parts = tuple(part for part in unused_parts(without_shift(phrase) if relative else phrase)
                  if part.words not in said and _A_WORD.search(part.words) and not goal(part.words)  # "->" says nothing
                  and not (relative and change_words_only(part.words)))
    if not kept or not phrase.startswith(kept):
        return parts
    latest = set(_TOKENS.findall(normalise(phrase[len(kept):])))  # only this message's words: earlier ones were read then
    trimmed = (replace(part, words=" ".join(w for w in part.words.split() if w in latest)) for part in parts)
    return tuple(part for part in trimmed if _A_WORD.search(part.words))


_TOKENS = re.compile(r"[\w']+")


_A_WORD = re.compile(r"\w")
_WORDS = re.compile(r"[a-z']+")
# the Save button typed ("save pls", "ok save it", "ship it lol", "lock it in")
_SAVE = re.compile(r"^\W*(?:(?:ok|okay|yes|yeah|yep|great|perfect|cool)\W+)?(?:save|confirm|ship|lock|book)"
                   r"(?:\s+(?:it|this|that|the plan|in|now|pls|please|plz|lol|thx|thanks))*\W*$", re.IGNORECASE)


_SAVE_WORD = re.compile(r"\b(?:save|confirm)\b", re.IGNORECASE)


# a time said with words that only compare it ("7:30 better", "8 is better for me", "6pm works best"): the time changed, no goal
# ("better" alone reads as mobility, as in "move better")
_CLOCK = re.compile(r"(?<![\w:.])\d{1,2}(?:[:.h]\d{2})?\s*(?:am|pm|h|o'?clock)?(?![\w:])", re.IGNORECASE)
_COMPARING = frozenset("better best earlier later sooner prefer preferred rather works work suits suit fits".split())
_BESIDE_A_COMPARISON = frozenset("is would be much way a bit lot for me it i id i'd that thats that's ok pls please at "
                                 "then maybe probably actually hmm no yes yeah".split())


def compares_a_time(text: str) -> bool:
    """Whether a message is a time said with words comparing it ("7:30 better", "8 is better for me"): an edit of the
    time, never a goal."""
    if _CLOCK.search(text) is None:
        return False
    rest = _WORDS.findall(_CLOCK.sub(" ", text.lower()))
    return not _COMPARING.isdisjoint(rest) and all(w in _COMPARING | _BESIDE_A_COMPARISON for w in rest)


def compared_time(text: str) -> str | None:
    """The time a message compares ("8 is better for me": "at 8"), read as the plan's new time; None for anything else."""
    clock = _CLOCK.search(text) if compares_a_time(text) else None
    return f"at {clock.group().strip()}" if clock else None


def types_save(text: str) -> bool:
    """Whether a message is only the Save button typed, in its own words ("save", "ok save it", "confirm"): not a nod
    ("ok"), which confirms nothing outside a prompt, nor "book it", which may ask for a plan."""
    return _SAVE.match(text) is not None and _SAVE_WORD.search(text) is not None


# the plan shown thrown away in words ("bin it", "discard", "delete that"): nothing saved. "delete that" read as
# an everyday yes (it confirms /forget), so it saved the plan it asked to throw away
_DISCARD = re.compile(r"^\W*(?:(?:no|nah|nope|ok|okay|just|pls|please)\W+)*(?:discard|delete"
                      r"|bin|scrap|trash|ditch|dump|chuck|throw(?:\s+(?:it|this|that|the plan))?\s+(?:away|out)|get rid of)"
                      r"(?:\s+(?:it|this|that|the plan|the draft|one|now|pls|please|plz|lol|thx|thanks|away|out))*\W*$", re.IGNORECASE)


# a word of discarding in a short reply that asks nothing ("not this one, scrap it", the ✖️ typed)
_DISCARDING = Choices.listed("✖️, ✖, cancel, cancle, discard, scrap, bin it, trash, ditch, dump it, chuck it, get rid", "")


def says_discard(text: str) -> bool:
    """Whether a message throws away the plan shown rather than saving it ("bin it", "delete that", "not this one, scrap it")."""
    short = len(text.split()) <= 6 and "?" not in text
    return _DISCARD.match(text) is not None or short and _DISCARDING.read(text) == "yes"


# agreement said only in words of agreement ("cool yeah", "yes pls save this", "perfect thanks"): the Save button typed
_AGREEING = frozenset("yes yeah yea ya yep yup ok okay k kk cool great perfect sure fine good nice awesome brill brilliant sweet "
                      "lovely save confirm confirmed".split())
_AROUND = frozenset("pls please plz thanks thx ty lol haha it this that the plan now do go ahead sounds looks all set and just "
                    "oh so".split())


def says_save(text: str) -> bool:
    """Whether a message is the Save button typed: a planning answer, whatever intent it may also read as
    ("save pls" was read as a question about saved data, which interrupts a dialogue; "cool yeah" as a nod)."""
    words = _WORDS.findall(text.lower())
    agreed = bool(words) and "?" not in text.strip("?") and not _AGREEING.isdisjoint(words) and not laughs_it_off(text)
    return _SAVE.match(text) is not None or agreed and all(w in _AGREEING | _AROUND for w in words)


# a laugh beside no agreement but a bare nod ("lol ok", "ok haha"): a reaction to something, not the Save button typed
_LAUGHS = frozenset("lol lool lolol haha hahaha hehe lmao lmfao rofl xd".split())
_NODS = frozenset("ok okay k kk sure fine".split())
_LAUGHING_FACES = ("😂", "🤣", "😆", "😹")
# words that keep a yes from being a plain yes at "Save this plan?" ("yes, 8 instead of 7", "ok but earlier")
YES_WITH_A_CHANGE = re.compile(rf"\b(?:but|except)\b|{CHANGE_SAID.pattern}", re.IGNORECASE)


def laughs_it_off(text: str) -> bool:
    """Whether a reply laughs and agrees only with a bare nod ("lol ok", "ok 😂 lol"): heard, no answer."""
    words = _WORDS.findall(text.lower())
    laughs = not _LAUGHS.isdisjoint(words) or any(face in text for face in _LAUGHING_FACES)
    return laughs and all(w in _LAUGHS | _NODS for w in words)
