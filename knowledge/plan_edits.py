"""Changes of plans said in words the plans reader (knowledge.intents) was not taught, and goals named
as changes. A change of a stored plan's days or time, read when the reader says none: the plan named
by its goal beside a new schedule ("i want strength every weekday", "endurance at 8am please, a bit
earlier"), by its day ("make saturday training 11am"), or no plan in particular ("can we do 8 instead",
"can this be changed to 7pm", "fri plan -> sat same time": which plan is then asked). Read only when it
is no question, no new plan, no cancel or skip and no reminder; the plan it names must exist (the
caller's to know), and an edit is always confirmed before it is stored."""

from __future__ import annotations

import re
from dataclasses import replace

from knowledge.clauses import CLAUSE_BREAK
from knowledge.patterns import lazy_regex
from knowledge.plan_names import GOAL_WORDS, GOALS
from knowledge.plan_request import PlanAction, PlanRequest
from knowledge.plan_slots import WHY_TYPED_SHORT, plan_slots
from knowledge.relative_changes import WEEKDAY, DayChange, day_change, days_in, time_shift
from scheduler.words import DAYS

_GOAL = lazy_regex(r"\b(" + "|".join(GOAL_WORDS) + r")\b", re.IGNORECASE)
_GOAL_PLAN = lazy_regex(r"\b(?:my|the|our)\s+(" + "|".join(GOAL_WORDS) + r")\b", re.IGNORECASE)
# what happened, told ("i hurt my back lifting on monday"): no change asked
_TOLD = lazy_regex(r"\b(?:yesterday|last|ago|did|was|were|went|had|hurt|felt|got)\b", re.IGNORECASE)
_WEEKDAY = rf"{WEEKDAY}s?"
_DAY_PLAN = lazy_regex(rf"\b({_WEEKDAY})\s+(?:training|session|workout|plan|one|thing|class|routine)s?\b", re.IGNORECASE)
_DAYS_SAID = lazy_regex(rf"\b{_WEEKDAY}\b|\bweek(?:day|end)s?\b|\bevery\s*day\b|\bdaily\b", re.IGNORECASE)
_NOT_A_CLOCK = r"(?!\s*(?:reps?|sets?|kg|kilos?|lbs?|pounds?|mins?|minutes?|secs?|seconds?|x|times|days?|weeks?|%))"
_TIME_SAID = lazy_regex(r"\b\d{1,2}(?:[:.]\d{2})?\s*[ap]\.?m\b|\b\d{1,2}[:.h]\d{2}\b|\b\d{1,2}h\b|\b(?:noon|midday)\b"
                        r"|\b(?:half|quarter)\s+(?:past\s+|to\s+)?\d{1,2}\b"
                        rf"|\b(?:at|to|do|around|by|for)\s+\d{{1,2}}\b{_NOT_A_CLOCK}|\b\d{{1,2}}\s+instead\b", re.IGNORECASE)
# what asks a change of something already there ("can we do 8 instead", "can this be changed to 7pm")
# ("the gym changed its hours to 6am" tells, it asks nothing)
_CHANGE = lazy_regex(r"\binstead\b|\b(?:change|move|switch|shift|push|reschedule)\b"
                     r"|\b(?:be|get)\s+(?:changed|moved|switched|shifted)\b|\bmake it\b|\bshould be\b|->|→|=>"
                     r"|\bfrom now on\b|\bsame time\b",
                     re.IGNORECASE)
# a question asked (an edit worded "can we", "could you", "can this be" still asks the bot to act)
_ASKED = lazy_regex(r"^\W*(?:so\s+|and\s+|but\s+|ok\s+|hey\s+)?(?:why|what|whats|how|is|are|isnt|does"
                    r"|do\s+(?:i|you|u|we|they|people)|did|should|shall|shd|when|which|who|where|would|will|can i|could i|may i"
                    rf"|{WHY_TYPED_SHORT})\b",
                    re.IGNORECASE)
# a plan's new days asked as leave, no question mark ("can i do strength on mondays and thursdays only")
_MAY_I_HAVE = lazy_regex(r"^\W*(?:can|could) i (?:do|have|get|make|move|switch)\b", re.IGNORECASE)
_MAY_I_ADD = lazy_regex(r"^\W*(?:can|could|may) i (?:also )?(?:add|throw in)\b", re.IGNORECASE)  # "can i add saturdays too": a change
# a cancel or a skip (the reader's), a new plan, a one-off, a reminder or the settings: not an edit of a plan there
_OTHER = lazy_regex(r"\b(?:cancel\w*|delete|stop|quit|end|kill|wipe|scrap|ditch|bin|trash|axe|get rid of"
                    r"|skip\w*|miss|new|another|second|extra|additional|separate"
                    r"|one[\s-]?off|remind\w*|reminders?|notif\w*|time ?zone|goal|focus|reps?|sets?|weights?|kg)\b"
                    r"|\b(?:a|an)\s+(?:\w+\s+)?(?:plan|program(?:me)?|routine|schedule)\b"
                    r"|\b(?:plan|schedule|set up|setup|create|start|make|give|build)\s+(?:me|us)\b", re.IGNORECASE)

# a plan called by its letter or number in the list, beside its change ("plan b at noon"; not "plan a session")
_LETTERED = lazy_regex(r"\bplan\s+([abc]|[1-9])\b(?!\s*(?:[:.h]\d|[ap]\.?m\b|new|session|workout|reminder|time|day|week|plan|rest|o'?clock"
                       r"|hours?|hrs?|minutes?|mins?|times?|x\b|days?|weeks?|sets?|reps?))", re.IGNORECASE)
_ONE_SESSION = lazy_regex(r"\b(?:this|next|tomorrow'?s?|today'?s?|tonight'?s?|\w+day's)\s+(?:\w+\s+)?(?:session|workout)\b"
                          r"|\b(?:today|tonight|tomorrow|tmrw?|this (?:week|weekend|time))\b",
                          re.IGNORECASE)  # "stop tomorrow's session", "stop the plan for today": one session, the reader's skip
_ONE_DAY = lazy_regex(rf"\b(?:this|next|nxt|coming)\s+{_WEEKDAY}\b|\b{WEEKDAY}'s\b", re.IGNORECASE)  # "this saturday", "wednesday's"


def one_session(typed: str) -> bool:
    """Whether a message names one session ("tomorrow", "this saturday", "wednesday's", "next week"), not a plan."""
    return bool(_ONE_SESSION.search(typed) or _ONE_DAY.search(typed) or _NEXT_WEEK.search(typed))


_NEXT_WEEK = lazy_regex(r"\bne?xt week\b", re.IGNORECASE)
_CAN_WE = lazy_regex(r"^\W*(?:can|could)\s+(?:we|you|u|this|it|that)\b", re.IGNORECASE)
_BUT = lazy_regex(r"\bbut\b")
_STOPS = lazy_regex(r"[,;.!]")
_CLAUSE_BREAK = lazy_regex(r"[,;.]|\s+-+\s+|\s+(?:so|but)\s+")
_LEAD_IN = lazy_regex(r"^.*?\b(?:do|to|be|at|make it)\s+(?=\d|half\b|quarter\b|noon\b|midday\b)", re.IGNORECASE)


def loose_edit(typed: str) -> PlanRequest | None:
    """An edit of a plan's days or time the plans reader was not taught, as a request (the whole message
    is the change; the plan named by its goal, if any), or None."""
    if "?" in typed and not (_CAN_WE.match(typed) or _MAY_I_ADD.match(typed)):
        return None
    asked = _ASKED.match(typed) and not (_MAY_I_HAVE.match(typed) and "?" not in typed and _GOAL.search(typed)) \
        and not _MAY_I_ADD.match(typed)
    if asked or _OTHER.search(typed) or _TOLD.search(typed) or one_session(typed) or len(typed.split()) > 16:
        return None
    change = day_change(typed)
    if not (change or time_shift(typed) is not None or _DAYS_SAID.search(typed) or _TIME_SAID.search(typed)):
        return None
    goals = {GOAL_WORDS[g.lower()] for g in _GOAL.findall(typed) if g.lower() in GOALS} | {  # "lifting" names a plan as "my lifting"
        GOAL_WORDS[g.lower()] for g in _GOAL_PLAN.findall(typed)}
    lettered = _LETTERED.search(typed) if not goals else None
    if lettered:  # "plan b at noon", "make plan a 18h": that plan, the rest its change
        at = "abc".index(lettered.group(1).lower()) if lettered.group(1).isalpha() else int(lettered.group(1)) - 1
        return PlanRequest(PlanAction.EDIT, nth=at, rest=" ".join(f"{typed[:lettered.start()]} {typed[lettered.end():]}".split()),
                           loose=True)
    by_day = _DAY_PLAN.search(typed) if not goals else None
    if by_day and _TIME_SAID.search(typed, by_day.end()):  # "make saturday training 11am": that plan, at 11am
        return PlanRequest(PlanAction.EDIT, day=str(DAYS[by_day.group(1)[:3].lower()]), rest=typed[by_day.end():].strip(),
                           loose=True)
    if len(goals) > 1 or not goals and not (_CHANGE.search(typed) or change):
        return None  # "strength mon, endurance sat": two plans; a schedule said alone is a new plan's ("add a friday": a change)
    said = _LEAD_IN.match(typed)  # "can this be changed to 7pm": "7pm" is the change ("to tue thu at 7am": all of it)
    said = None if said and _DAYS_SAID.search(said.group()) else said
    return PlanRequest(PlanAction.EDIT, day=day_of_plan(change, typed), rest=typed[said.end():].strip() if said else typed.strip(),
                       goal=next(iter(goals), None), loose=True)


# one session moved to another day or time ("shift thursday's workout to friday"): what moves, then where to
_MOVED = lazy_regex(rf"^\W*(?:(?:pls|please|plz|can you|could you|can u|ok|so)\s+)*(?:move|shift|push|switch|reschedule)\s+"
                    rf"(?:my\s+|the\s+)?"
                    rf"(?:this\s+)?((?:{WEEKDAY}|today|tomorrow|tonight)'s)\s+(?:session|workout|training|one|class)\s+to\s+(.+)$",
                    re.IGNORECASE)


def loose_move(typed: str) -> PlanRequest | None:
    """One session named by its day moved to a day or time the plans reader was not sure of ("shift thursday's workout
    to friday"): an edit that moves that session only (asked before it is done), or None."""
    found = _MOVED.match(typed.strip().rstrip(".!"))
    if found is None or "?" in typed:
        return None
    request = plan_slots(PlanAction.EDIT, typed)
    return replace(request, rest=found.group(2).strip()) if request is not None and request.day is not None else None


def day_of_plan(change: DayChange | None, typed: str) -> str | None:
    """The day that names the plan a change of days is for: the one it takes ("fri plan -> sat": the plan with fridays),
    or one it keeps ("add a friday to the tue/thu plan": the plan with tuesdays); None for none."""
    if change is None:
        return None
    if change.drop:
        return str(next(iter(change.drop))) if len(change.drop) == 1 else None
    kept = days_in(typed) - change.add
    return str(min(kept)) if kept else None


_ENDS = lazy_regex(r"\b(?:cancel|delete|scrap|kill|wipe|ditch|unsubscribe|get rid of|quit|remove|bin|trash|axe)\b", re.IGNORECASE)
_SHOULD = lazy_regex(r"\b(?:should|shall|shd)\s+(?:i|we)\b", re.IGNORECASE)
_NEW_PLAN = lazy_regex(r"(?<!the )(?<!my )\b(?:new|another|second|extra|additional|separate)\s+(?:\w+\s+)?"
                       r"(?:plan|program(?:me)?|routine)\b", re.IGNORECASE)


def recast(request: PlanRequest, typed: str) -> PlanRequest | None:
    """A request as meant: advice asked anywhere in it ("... since football on sunday should i skip today") or
    an edit that asks for a new plan ("can you add a second plan for mobility on thursdays") is none; an edit
    read with no change said, beside a word that ends a plan ("delete my saturday endurance thing"), is a
    cancel (which is confirmed before it is done)."""
    if _SHOULD.search(typed):
        return None
    if request.action is not PlanAction.EDIT:
        return request
    if _NEW_PLAN.search(typed):
        return None
    return replace(request, action=PlanAction.CANCEL) if not request.rest and _ENDS.search(typed) else request


def named_goal(typed: str) -> str | None:
    """The goal a message names in so many words ("strength", "the weights plan", "rehab"), if one."""
    goals = {GOAL_WORDS[g.lower()] for g in _GOAL.findall(typed)}
    return next(iter(goals)) if len(goals) == 1 else None


_REPLACING = lazy_regex(r"\b(?:not|instead of|rather than|in place of)\b|\bfrom\s+(?:the\s+)?\w+\s+(?:plan\s+)?(?=to\b)", re.IGNORECASE)


_GOAL_ARROW = lazy_regex(r"\s*(?:->|=>|→|>)\s*")


def new_goal_side(typed: str) -> str:
    """The part of a message that names the new goal when it names two ("endurance not strength",
    "hypertrophy instead of strength", "change goal from strength to endurance"); the message otherwise."""
    arrow = _GOAL_ARROW.split(typed, maxsplit=1)
    if len(arrow) == 2 and named_goal(arrow[1]):
        return arrow[1]  # "strength -> hypertrophy and 6pm": what it becomes
    found = _REPLACING.search(typed)
    if found is not None and len(_GOAL.findall(typed)) == 1 and named_goal(typed[:found.start()]) \
            and not found.group().lower().startswith("from"):
        return typed[:found.start()]  # "make it strength not butt": the goal said, then what it is not
    if found is None or len(_GOAL.findall(typed)) < 2:
        return typed
    before, after = typed[:found.start()], _BUT.split(typed[found.end():], maxsplit=1)[-1]  # "not strength but endurance"
    if found.group().lower().startswith("from") or not named_goal(before):
        old = _GOAL.match(after.lstrip(" ,"))  # "not strength, i want mobility": the goal replaced, then the new one
        rest = after.lstrip(" ,")[old.end():] if old else ""
        return rest if old and named_goal(rest) else after
    return before


# where a request about a plan parts from its reason ("... from now on so cancel the endurance plan", "this weekends
# session - skip it pls"), besides a question's clause breaks
_PLAN_BREAK = lazy_regex(r"\s+(?:so|because|cause|cos|cuz|since)\s+|\s+[-–—]+\s+", re.IGNORECASE)

_ASKS = lazy_regex(r"\b(?:should|shall|shd|do|does|is|am|would)\s+(?:i|it)\b|\b(?:what|how|why|when|whats)\b",
                   re.IGNORECASE)  # "... since football on sunday should i skip today": a question, no request


def plan_clauses(text: str) -> list[str]:
    """A longer message's clauses of two words or more, a request about plans read in each ("skip mon 14th
    pls, dentist": "skip mon 14th pls"); none for a message of one part."""
    parts = [p for part in CLAUSE_BREAK.split(text) for p in _split_reason(part) if p.strip()]
    return [p for p in parts if len(p.split()) >= 2 and not _ASKS.search(p)] if len(parts) > 1 else []


def _split_reason(part: str) -> list[str]:
    """A clause split where a request parts from its reason, after three words or more ("hey so i..." stays whole)."""
    found, start = [], 0
    for cut in _PLAN_BREAK.finditer(part):
        if len(part[start:cut.start()].split()) >= 3:
            found.append(part[start:cut.start()])
            start = cut.end()
    return [*found, part[start:]]


# a plan ended in words the reader was not taught ("i want to quit the mon wed fri workouts completely", "stop all
# my plans pls moving abroad next week"): an ending verb first, then a plan (or plans) it names
_ENDED = lazy_regex(r"^(?:\W*(?:hey|ok|so|pls|please|plz|just|i want to|i wanna|i'd like to|id like to|i need to|can you|could you"
                    r"|can u|you can)\b)*\W*(?:cancel|delete|remove|stop|quit|end|drop|scrap|kill|ditch|wipe|bin|axe|trash|get rid of)"
                    r"(?:\s+doing)?\s+(?:(?:all|both)\s+(?:of\s+)?(?:(?:the|my|our|these|those)\s+)?|(?:the|my|our|these|those)\s+"
                    r"|(?=plans?\s+(?:for|of)\s+(?!(?:next|nxt|this|today|tonight|tomorrow|tmrw?|now|a|the|my|\d)\b)))"
                    r"(?:[\w']+\s+){0,5}?"
                    r"(?:(?:plans|workouts|sessions|programs|routines)\b|(?:plan|program(?:me)?|routine|one|thing|training|stuff)\b"
                    r"|(?:workout|session)\b(?=.*\b(?:for good|completely|entirely|permanently|any ?more|forever|altogether)\b))",
                    re.IGNORECASE)


def loose_cancel(typed: str) -> PlanRequest | None:
    """A cancel of a plan (or all) said in words the reader was not taught, in the whole message or one of its clauses
    ("hey so i joined a crossfit box, you can drop the strength plan entirely"), with the slots it names (and the
    words, whose days may be only some of the plan's: the caller's to know, as whether the plan exists); the
    cancel is confirmed before it is done; None for none."""
    ended = any(_ENDED.search(part.strip()) for part in (typed, *_STOPS.split(typed)))  # "..., you can drop the plan"
    if "?" in typed or not ended or _ONE_SESSION.search(typed) or _SHOULD.search(typed):
        return None
    request = plan_slots(PlanAction.CANCEL, typed)
    return replace(request, loose=True, rest=typed.strip()) if request is not None else None  # the days it names, kept


_SKIP_SAID = lazy_regex(r"\bskip(?:ping)?\b", re.IGNORECASE)


def loose_skip(typed: str) -> PlanRequest | None:
    """A skip of the session on a day the plans reader did not read ("skip sat", "skip jan 4 please, first day back at
    work"): "skip" said beside a day or date, no question; always asked first (not `sure`); None for none."""
    if "?" in typed or not _SKIP_SAID.search(typed) or _SHOULD.search(typed) or _ASKED.match(typed) or _TOLD_DONE.search(typed):
        return None
    request = plan_slots(PlanAction.SKIP, typed)
    return replace(request, sure=False) if request is not None and request.day is not None else None


_TOLD_DONE = lazy_regex(r"\b(?:skipped|i did|did it|done)\b", re.IGNORECASE)  # told, not asked


_A_DAY = lazy_regex(rf"{_DAYS_SAID.pattern}|\b(?:today|tonight|tomorrow|tmrw?|\d{{1,2}}(?:st|nd|rd|th))\b", re.IGNORECASE)
# a self-correction ("to 8 no wait make it 7"): what follows is meant
_CORRECTION = lazy_regex(r"\b(?:no+\s+wait|wait\s+no+|sorry\s+i\s+mean|i\s+mean|scratch that|actually\s+no+)\b[\s,.!-]*", re.IGNORECASE)
# a clause telling what is wrong with the plan as it is ("7pm is too early after work"): a reason, not the change
_COMPLAINT = lazy_regex(r"\b(?:too\s+(?:early|late|soon)|(?:does\s*n[o']?t|do\s*n[o']?t|is\s*n[o']?t|not)\s+(?:work|working|fit)"
                        r"|(?:is|are|'s)\s+(?:bad|no good|a problem|impossible)|sucks)\b", re.IGNORECASE)


# a time proposed alone in a clause of its own, perhaps asked ("9?", "how about 8:30", "9 instead"): after a clause that rejects
# the plan's time ("7 is too early for me ngl, 9?"), the new time
_PROPOSED = lazy_regex(r"^\W*(?:(?:how|what)\s+about\s+|maybe\s+|try\s+|(?:can|could)\s+(?:we|it be)\s+(?:do\s+)?)?(?:at\s+)?"
                       r"(\d{1,2}(?:[:.]\d{2})?(?:\s*[ap]\.?m\b)?)(?:\s+(?:maybe|instead|then|pls|please|plz|ok))*\W*$", re.IGNORECASE)


def proposed_after_rejected(typed: str) -> str | None:
    """The time a message proposes after rejecting the plan's own ("7 is too early for me ngl, 9?": "9"; "too early tbh, 8:30"), else
    None: a rejected time followed by a proposed one is an edit of the time. A rejection that names a day names a session."""
    clauses = [c for c in _CLAUSE_BREAK.split(typed) if c.strip()]
    if len(clauses) != 2 or not _COMPLAINT.search(clauses[0]) or _A_DAY.search(clauses[0]):
        return None
    proposed = _PROPOSED.match(clauses[1])
    return proposed.group(1).strip() if proposed else None


def corrected(change: str) -> str:
    """The change a request says after its last self-correction ("8 no wait make it 7": "make it 7")."""
    return _CORRECTION.split(change)[-1].strip() or change if _CORRECTION.search(change) else change


def without_complaint(typed: str) -> str:
    """A message without the clauses that only tell what is wrong with the plan's time as it is, when the rest says the
    new time ("make strength 8 instead, 7pm is too early after work": "make strength 8 instead"); a complaint that names a
    day ("this friday doesnt work", "6am is too early tomorrow, skip it") names the session, and stays."""
    clauses = [c for c in _CLAUSE_BREAK.split(typed) if c.strip()]
    kept = [c.strip() for c in clauses if not (_COMPLAINT.search(c) and _TIME_SAID.search(c) and not _A_DAY.search(c))]
    said = ", ".join(kept)
    asks_a_time = _TIME_SAID.search(said) is not None or time_shift(said) is not None  # what is left says the new time
    return said if kept and len(kept) < len(clauses) and asks_a_time else typed


# a clause that names what stays ("but keep the saturday one", "the other one stays", "leave the rest"): it asks no change
_KEPT_DAY = r"(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*"
_KEPT_DAYS = rf"(?:the\s+|my\s+)?{_KEPT_DAY}(?:\s*(?:,|and|&|/|\+)\s*{_KEPT_DAY})*"
_KEPT = lazy_regex(r"^\s*(?:(?:but|and|just|pls|please)\s+)*(?:keep|leave)\s+(?:the|my|all|every|that|this|those|these|it|everything)\b"
                   r"|^\s*(?:but\s+)?(?:the|my)\s+other\s+(?:one|plan|session)s?\s+(?:stays?|can stay|is fine|is ok)\b"
                   rf"|^\s*(?:(?:but|and|while)\s+)?(?:keep\s+{_KEPT_DAYS}|{_KEPT_DAYS}(?:\s+(?:sessions?|ones?))?\s+(?:can\s+|should\s+|will\s+)?"
                   r"(?:stays?|remains?|unchanged|(?:is|are|stays?)\s+(?:the\s+same|fine|ok|as\s+(?:is|it\s+is|they\s+are|before|usual))))\b",
                   re.IGNORECASE)  # "mon and wed stay 7, friday 8pm": mon and wed are as they were
_KEEP_BREAK = lazy_regex(r"[,;.]|\s+(?=but\s+(?:keep|leave|the other|my other)\b)", re.IGNORECASE)


def without_kept(typed: str) -> str:
    """A message without the clauses that only say what stays ("drop the strength plan but keep the saturday one": "drop the
    strength plan"), when something else is left."""
    clauses = [c for c in _KEEP_BREAK.split(typed) if c and c.strip()]
    kept = [c.strip() for c in clauses if not _KEPT.search(c)]
    return ", ".join(kept) if kept and len(kept) < len(clauses) else typed
