"""What people say to the bot besides questions: intents ("remind me on mondays", "delete my
data"), typed answers to a yes/no prompt ("yep", "not really", "dunno"), training goals in any
words ("bigger glutes"), replies to a safety-check question ("on tablets for it", "wait go
back") and requests about stored plans with their slots ("skip tomorrow",
"change my monday plan to 8am"). Each is a small learned reader trained from data/intents.yaml;
every reader has a "none" class, so chat and questions are not forced into a label.

Talk is read on the words as spelt (typos corrected), not the knowledge tokens: "yes", "no" and
"hi" are fillers to the knowledge base but the whole message here.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from enum import Enum
from functools import cached_property

from knowledge.features import Vocabulary
from knowledge.ranker import Ranker
from knowledge.relative_changes import day_change, time_shift
from scheduler.dates import FIXED_HOLIDAYS
from scheduler.days import find_days
from scheduler.words import normalise


class Intent(Enum):
    """What an idle message asks the bot to do."""

    PLAN = "plan"
    SESSIONS = "sessions"
    SETTINGS = "settings"
    TIMEZONE = "timezone"
    SCREEN = "screen"
    HELP = "help"
    MY_DATA = "mydata"
    FORGET = "forget"
    CANCEL = "cancel"
    GREETING = "greeting"
    THANKS = "thanks"
    GOODBYE = "goodbye"
    ACK = "ack"  # "ok", "got it": heard, nothing asked


SMALL_TALK = frozenset({Intent.GREETING, Intent.THANKS, Intent.GOODBYE})  # never an answer to a dialogue's step


class PlanAction(Enum):
    """What a request about stored plans asks to do."""

    SKIP = "skip"  # one session
    CANCEL = "cancel"  # a plan (after a confirmation)
    EDIT = "edit"  # a plan


@dataclass(frozen=True)
class PlanRequest:
    """A request about stored plans and its slots: which plan or session (nothing named: "the plan")."""

    action: PlanAction
    day: str | None = None  # "today", "tomorrow", a weekday index "0".."6" or a date "date:MONTH:DAY" (month 0: any)
    nth: int | None = None  # 0-based position in the list shown (-1: the last one)
    next_one: bool = False
    every: bool = False  # "all my plans"
    rest: str = ""  # what an edit changes ("to 8am" -> "8am")
    time: str | None = None  # "HH:MM": "the 7am one"
    part: str | None = None  # a part of the day: "my evening plan"
    goal: str | None = None  # "the strength plan"
    sure: bool = True  # False: a skip read with less than its acting odds, offered with a question first
    loose: bool = False  # read by its words alone (knowledge.plan_edits), not the reader: acts only on a plan it fits

    @property
    def named(self) -> bool:
        """Whether it names which plan or session (not just "the plan")."""
        return self.day is not None or self.nth is not None or self.next_one or self.every or self.described

    @property
    def described(self) -> bool:
        """Whether it names a plan or session by its time, part of the day or goal."""
        return self.time is not None or self.part is not None or self.goal is not None


class Answer(Enum):
    """A typed answer to a yes/no prompt."""

    YES = "yes"
    NO = "no"
    UNSURE = "unsure"


GOALS = ("strength", "hypertrophy", "endurance", "mobility")
CHECKIN = ("done", "snooze", "skip", "unwell")  # a session reminder's four buttons
CLOSE = "close"
NONE = "none"
TALK_LABELS = {
    "intents": tuple(i.value for i in Intent),
    "answers": tuple(a.value for a in Answer),
    "goals": GOALS,
    "checkin": CHECKIN,
    "closing": (CLOSE,),
    "screening": ("yes", "no", "unsure", "back", "cancel"),  # a typed reply to a safety-check question
    "plans": tuple(a.value for a in PlanAction),  # a request about stored plans (slots: plan_slots)
}
MIN_ODDS = dict.fromkeys(TALK_LABELS, 0.5) | {"checkin": 0.4, "screening": 0.4, "plans": 0.65}  # below this a reader says none
LABEL_ODDS = {"plans": {"skip": 0.7}}  # a label that needs surer odds than its reader's
OFFER_ODDS = {"plans": {"skip": 0.55}}  # below the label's odds but above these: read, to be confirmed first
# (checkin: tuned on bench/checkin_dev.yaml, flat from 0.25 to 0.4; screening: cross-validated on
# bench/screening_dev.yaml by bench/tune_screening.py: 268/300 at 0.3 and 0.4, 263 at 0.5; plans: a request
# acts on stored plans, so only a sure reading counts: "my plans" and "save the plan" read 0.5-0.6 as one; a
# skip acts at once, so 0.7, while a cancel or an edit is confirmed first, so 0.65: tuned on the odd items of
# bench/plan_requests_dev.yaml, 99 -> 103/120, the even ones 87 -> 89/120, none read as a request it is not)


@dataclass(frozen=True)
class KnownWords:
    """How a reader that must know a message's words reads it: an unknown word ("Brisbane", "Noah",
    "Nottingham") shares letters with "yes" or "no" but is no answer."""

    share: float  # the least share of a message's words the reader must know to read it at all
    alone: bool  # whether it then reads the known words alone (a name's letters never tip it)
    mended: bool = False  # whether it reads a typo of a taught word as that word, vowels left out too ("skp")


# Measured on bench/replies_dev.yaml and bench/screening_dev.yaml. Answers: more than half ("I live in
# Nottingham" is no "i"; "ok Noah" is asked again). The safety check's replies are longer ("get winded
# walking to the bus stop"), and its rules also look for the question's topic: half, all words read.
KNOWN_WORDS = {"answers": KnownWords(0.51, alone=True), "screening": KnownWords(0.5, alone=False),
               "plans": KnownWords(0.5, alone=False, mended=True)}  # plans: "spinal decompression" is no "skip"
_REPEATS = re.compile(r"(.)\1+")
_VOWELS = re.compile("[aeiou]")
_VOWELS_Y = re.compile("[aeiouy]")
_A_LETTER = re.compile(r"[a-z]", re.IGNORECASE)


@dataclass(frozen=True)
class Talk:
    """The talk readers: a vocabulary and a classifier each."""

    readers: dict[str, tuple[Vocabulary, Ranker]]

    def label(self, reader: str, words: Sequence[str]) -> tuple[str, float]:
        """The likeliest label of a message (as spelt words) for one reader, and its probability."""
        vocabulary, ranker = self.readers[reader]
        probs = ranker.probabilities(vocabulary.vector(words, words))
        best = int(probs.argmax())
        return ranker.labels[best], float(probs[best])

    def read(self, reader: str, words: Sequence[str]) -> str | None:
        """The label a reader is sure enough of, or None (none of its labels, or too unsure)."""
        found = self.read_offered(reader, words)
        return found[0] if found and found[1] else None

    def read_offered(self, reader: str, words: Sequence[str]) -> tuple[str, bool] | None:
        """The label a reader is sure enough of to act on (True) or only to offer (False, OFFER_ODDS), or None."""
        if reader in KNOWN_WORDS:
            words = self.known_part(reader, words)
        if not words:
            return None
        label, odds = self.label(reader, words)
        if label == NONE:
            return None
        if odds >= LABEL_ODDS.get(reader, {}).get(label, MIN_ODDS[reader]):
            return label, True
        return (label, False) if odds >= OFFER_ODDS.get(reader, {}).get(label, 1.0) else None

    def known_part(self, reader: str, words: Sequence[str]) -> list[str]:
        """What a reader of KNOWN_WORDS reads of a message: nothing unless it knows enough of its words."""
        rule, known = KNOWN_WORDS[reader], self.known(reader, words)
        if not known or len(known) < rule.share * len(words):
            return []
        if rule.mended:  # "skp tmr", "canel": the taught words meant, the others as typed
            taught = self.taught[reader]
            return [taught.word_for(w, vowelless=True) or w for w in words]
        return known if rule.alone else list(words)

    def known(self, reader: str, words: Sequence[str]) -> list[str]:
        """The words a reader was taught, typos of them ("yesss", "yse") as the word meant."""
        taught = self.taught[reader]
        vowelless = KNOWN_WORDS[reader].mended
        return [k for k in (taught.word_for(w, vowelless) for w in words) if k]

    @cached_property
    def taught(self) -> dict[str, TaughtWords]:
        """The words each reader of KNOWN_WORDS was taught."""
        return {reader: TaughtWords.of(self.readers[reader][0]) for reader in KNOWN_WORDS}

    def intent(self, words: Sequence[str]) -> Intent | None:
        """What an idle message asks the bot to do, if anything."""
        return self.intent_read(words)[0]

    def intent_read(self, words: Sequence[str]) -> tuple[Intent | None, float]:
        """What an idle message asks the bot to do, if anything, and how sure the reader is of its likeliest
        reading (a request or none, 0 to 1; 0 for no words): one run of the classifier for both."""
        if not words:
            return None, 0.0
        label, odds = self.label("intents", words)
        if label == NONE or odds < LABEL_ODDS.get("intents", {}).get(label, MIN_ODDS["intents"]):
            return None, odds
        return Intent(label), odds

    def answer(self, words: Sequence[str]) -> Answer | None:
        """Yes, no or not sure, in any words; None for anything else."""
        label = self.read("answers", words)
        return Answer(label) if label else None

    def goal(self, words: Sequence[str]) -> str | None:
        """The training goal a message names, if any."""
        return self.read("goals", words)

    def checkin(self, words: Sequence[str]) -> str | None:
        """Which of a reminder's buttons a typed reply stands for (done, snooze, skip, unwell), if any."""
        return self.read("checkin", words)

    def screening(self, words: Sequence[str]) -> str | None:
        """A typed reply to a safety-check question: yes, no, unsure, back or cancel, if any."""
        return self.read("screening", words)

    def plan_action(self, words: Sequence[str]) -> str | None:
        """What a request about stored plans asks: "skip" (one session), "cancel" or "edit" (a plan), if any."""
        return self.read("plans", words)

    def plan_request(self, words: Sequence[str], typed: str) -> PlanRequest | None:
        """A request about stored plans (`words` as spelt) with the slots its words as `typed` name, if
        any; a skip read less surely ("mon is a no go this week") is not `sure`: it is offered, not done."""
        found = self.read_offered("plans", words)
        request = plan_slots(PlanAction(found[0]), typed) if found else None
        request = spelt_goal(request, words, typed) if request else None  # "cancel strenght plan"
        if request is None or not found or found[1]:
            return request
        return replace(request, sure=False) if request.day is not None or request.next_one else None  # says which session

    def plan_request_in_clauses(self, clauses: Sequence[Sequence[str]], typed: str) -> PlanRequest | None:
        """A request about stored plans read in one clause of a longer message (each clause of two words
        or more, its words as spelt; the caller's to split) when the whole reads as none ("skip saturday
        the 19th, kid has a football tournament"), with the slots of the whole: a skip, asked first (never
        done at once), or a cancel (confirmed first); never from a question, nor beside a session told as
        done ("tired af today but did it")."""
        if not clauses or "?" in typed:
            return None
        if any(self.checkin(words) == "done" and self.read_offered("plans", words) is None for words in clauses):
            return None  # told as done ("skip my next early morning session" tells nothing done)
        for words in clauses:
            found = self.read_offered("plans", words) if _ASKED_OF_A_PLAN.intersection(words) else None
            request = plan_slots(PlanAction(found[0]), typed) if found and found[0] != PlanAction.EDIT.value else None
            if request is not None and (request.action is PlanAction.CANCEL or request.day or request.next_one):
                request = spelt_goal(request, words, typed)
                return replace(request, sure=False) if request.action is PlanAction.SKIP else request
        return None

    def closes(self, words: Sequence[str]) -> bool:
        """Whether a message closes the screen shown ("that's all", "all good, thanks")."""
        return self.read("closing", words) == CLOSE


def spelt_goal(request: PlanRequest, words: Sequence[str], typed: str) -> PlanRequest:
    """A cancel or skip with the goal its words name as spelt ("cancel plan for hypertrofy": hypertrophy) when the
    words as typed name none; an edit's goal is what it changes, and "both the gym plan and the rehab" names two plans."""
    described = request.goal is not None or request.action is PlanAction.EDIT or request.every and _BOTH_NAMED.search(typed)
    goal = None if described else _GOAL.search(" ".join(words))
    return replace(request, goal=GOAL_WORDS[goal.group(1)]) if goal else request


# The words a clause of a longer message must ask with to be read as a skip or a cancel on its own ("today is bad day"
# beside "make me laugh" asks nothing of a plan; "skip saturday the 19th, kid has a tournament" does).
_ASKED_OF_A_PLAN = frozenset("skip skipping cancel delete remove drop scrap stop kill end quit wipe ditch unsubscribe miss".split())


@dataclass(frozen=True)
class TaughtWords:
    """The words one reader was taught, and the same by their letters without repeats ("yes": "yess")."""

    words: frozenset[str]
    by_letters: dict[str, str]
    by_consonants: dict[str, str]  # a taught word by its consonants alone ("skp": "skip"), when only one word has them

    @classmethod
    def of(cls, vocabulary: Vocabulary) -> TaughtWords:
        """The words of a talk reader's vocabulary (its "w:" features)."""
        words = vocabulary.words
        skeletons: dict[str, set[str]] = {}
        for word in (w for w in words if w.isalpha() and _VOWELS.search(w)):
            skeletons.setdefault(_consonants(word), set()).add(word)
        return cls(frozenset(words), {_REPEATS.sub(r"\1", w): w for w in words},
                   {typo: next(iter(meant)) for typo, meant in skeletons.items() if len(meant) == 1 and len(typo) > 1})

    def word_for(self, typed: str, vowelless: bool = False) -> str | None:
        """The taught word a typed one is, or is a typo of: the same letters repeated ("noooo", "yeahhh";
        "god" is no "good") or two letters swapped in a word of three or more ("yse"; "on" is no "no");
        with `vowelless`, also a taught word typed without its vowels ("skp", "tmrw", "nxt")."""
        if typed in self.words:
            return typed
        single = _REPEATS.sub(r"\1", typed)
        if single != typed and single in self.by_letters:
            return self.by_letters[single]
        swaps = sorted(typed[:i] + typed[i + 1] + typed[i] + typed[i + 2:] for i in range(len(typed) - 1))
        swapped = next((w for w in swaps if w in self.words), None) if len(typed) > 2 else None
        if swapped or not vowelless or not typed.isalpha() or _VOWELS_Y.search(typed):
            return swapped
        return self.by_consonants.get(_consonants(typed))


def _consonants(word: str) -> str:
    """A word's letters without vowels or repeats ("tomorrow": "tmrw")."""
    return _REPEATS.sub(r"\1", _VOWELS.sub("", word))


# A question asks the bot something; worded as a request ("can you cancel it?", "could we stop please",
# "can i stop now?") it asks the bot to act: a way out, a change, a yes. The openers a question may
# start after ("so should i stop?", "ok is it fine to keep going").
_ACTS = re.compile(r"\b(?:can|could|would|will|wanna)\s+(?:you|u|we)\b|\b(?:please|pls|plz|lets|let's|let us)\b"
                   r"|^\W*(?:can|could|may)\s+i\s+(?:just\s+|now\s+)?(?:stop|cancel|quit|leave|exit|end|close|finish|skip)\b",
                   re.IGNORECASE)
POLITE = frozenset("pls plz plss plis pleas thx thanx thnx thks ty".split())  # no answer in themselves (the taught "please" counts)
_OPENERS = frozenset("so and but ok okay then hmm um uh well wait hey right oh alright".split())
_TELLING = frozenset({"dont", "doesnt", "did", "any", "anything", "y"})  # they also open an order or a report ("did it at lunch")
_WH = frozenset({"what", "whats", "which", "how", "hows", "why", "when", "where", "who", "whos", "whom", "whose", "wat", "wut", "hw"})
_SUBJECTS = frozenset("i im it its you u we they he she this that these those there my your the a an me us".split())


def asks_the_bot(words: Sequence[str], typed: str, question_words: frozenset[str]) -> bool:
    """Whether a message (its cleaned `words`) asks the bot something ("should i stop?", "is it ok to
    keep going", "can i keep going?"): a question mark, a wh-word first or a verb first with who or
    what it asks about next, after an opener ("so", "ok"); not a statement opening with such a verb
    ("is done, all series finished", "did it at lunch"), a request worded as a question ("can we stop?",
    "could you cancel it please"), nor one word asked ("stop?", "yes?": that word said)."""
    if len(words) < 2:
        return False
    at = next((i for i, w in enumerate(words) if w not in _OPENERS), len(words))
    first, then = (list(words[at:at + 2]) + ["", ""])[:2]
    opens = first in _WH or first in question_words - _TELLING and then in _SUBJECTS
    return ("?" in typed or opens) and not _ACTS.search(typed)


# The slots of a request about plans, read from the words as typed (the reader "plans" says whether
# it is one): a day, a position in the list, "next", "all", and what an edit changes after "to".
_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_TOMORROW = ("tomorrow", "tmrw", "tmr", "tmrow", "tomoz", "tomorow", "tommorow", "tommorrow", "2moro", "2morrow", "2mrw", "2mro")
_DAY = re.compile(r"\b(today|tonight|" + "|".join(_TOMORROW) + r"|monday|tuesday|wednesday|thursday|friday|saturday|sunday"
                  r"|mon|tues|tue|weds|wed|thurs|thur|thu|fri|sat|sun)(?:'?s)?\b", re.IGNORECASE)
WEEKEND = "weekend"  # a request's day slot naming this weekend's session ("this weekend's endurance session")
_WEEKEND = re.compile(r"\b(?:this|the|my)\s+(?:coming\s+)?weekend'?s?\s+(?:\w+\s+)?(?:session|workout|one|training|class|plan|stretch\w*)\b"
                      r"|^\W*\w+\s+weekend\s+(?:plan|one|session|workout)s?\b",
                      re.IGNORECASE)  # not "this weekend" alone ("busy this weekend, so 7am": a time)
_ORDINALS = {"first": 0, "1st": 0, "second": 1, "2nd": 1, "third": 2, "3rd": 2, "fourth": 3, "4th": 3,
             "fifth": 4, "5th": 4, "last": -1}
_NTH = re.compile(r"\b(" + "|".join(_ORDINALS) + r")\b", re.IGNORECASE)
_ALL = re.compile(r"\b(all|every(?!\s+(?:mon|tue|wed|thu|fri|sat|sun|day|week|other|\d))|both|everything)\b",
                  re.IGNORECASE)  # "every monday": days
_NEXT = re.compile(r"\b(?:next|nxt)\b", re.IGNORECASE)
_THIS_ONE = re.compile(r"\bthis (?:one|session|workout)\b", re.IGNORECASE)  # "can we skip this one": the next session
_TO = re.compile(r"\b(?:(?<!quarter )(?<!half )(?<!\bten )(?<!twenty )(?<!\bfive )(?<!like )(?<!want )(?<!need )(?<!have )to"
                 r"|for|at|be(?!\s+(?:at|to|for)\b))\b\s*(.+)$",
                 re.IGNORECASE)  # the change after "to", not "quarter to 7" nor "i would like to change ..."
_NAMED_THEN = re.compile(r"\b(?:ones?|plans?(?:\s+(?:[abc]|[1-9])\b)?|sessions?|workouts?|it)\b\s+(?![abc]\W*$)(.+)$",
                         re.IGNORECASE)  # "make the 7am one 8am", "make plan b twice a week" (not "... on plan a": its letter)
# days said after the plan's name and before its new time ("make the mobility one every weekend day at 9.30")
_DAYS_AFTER_NAME = re.compile(r"\b(?:one|plan|thing|sessions?|workouts?)\s+((?:every|on|to)\s+(?:\w+\s+){0,3}?"
                              r"(?:week(?:end|day)s?(?:\s+days?)?|(?:mon|tue|wed|thu|fri|sat|sun)\w*)\b.*)$", re.IGNORECASE)
_ARROW = re.compile(r"^(.*?)\s*(?:->|=>|→)\s*(.+)$")  # "time change pls 7 -> 7:30": the change after the arrow
_REPLACING = re.compile(r"^(.+?)[,\s]+\b(?:instead(?: of)?|not|rather than)\b(.*)$", re.IGNORECASE)  # "7:30 not 7", "tues 6pm instead"
_TIME_FOR_TIME = re.compile(r"\d(?:[:.]\d\d)?\s*(?:[ap]m)?,?\s+(?:instead of|not|rather than)\s+\d{1,2}(?:[:.]\d\d)?\b"
                            r"(?!\s*(?:reps?|sets?|kg|kilos?|lbs?|pounds?|mins?|minutes?|secs?|seconds?|x)\b)",
                            re.IGNORECASE)  # "at 6:00 not 8:00": one time for another, not "12 not 10 reps"
_REASON = re.compile(r"(?:[,;]\s*(?:i|im|i'm|ive|my|cos|cuz|cause|because|since|as)|\s+(?:because|cos|cuz|since))\b.*$",
                     re.IGNORECASE)  # "to 4pm, i sleep in on weekends": why, not what changes
_INSTEAD = re.compile(r"[,\s]*\b(?:instead(?: of)?|rather than|not|from now on|pls|please|plz)\b.*$", re.IGNORECASE)
_PLAN = re.compile(r"\b(?:plans?|sessions?|workouts?|training|ones?|reminders?|everything)\b", re.IGNORECASE)
# "y" typed for "why" before the verb it asks with ("y would the ball one be harder"), never a "y" for yes
WHY_TYPED_SHORT = r"y\s+(?=(?:would|is|are|does|do|did|should|can|cant|isnt|dont|doesnt|not)\b)"
_QUESTION = re.compile(rf"\s*(?:why|what|whats|how|is|are|isnt|does|do|did|should|shall|when|which|who|where|{WHY_TYPED_SHORT})\b",
                       re.IGNORECASE)  # a question about plans asks; it changes none ("should i change my time?")
_ABOUT_IT = re.compile(r"\s*(?:so\s+|and\s+|but\s+)?(?:can|could|would|will|may|might|must)\s+(?:it|this|that|these|those|they)\b",
                       re.IGNORECASE)  # "can it be too much for...": asks about the exercise unless it names a change
_MAY_I = re.compile(r"\s*(?:can|could|may) i\b", re.IGNORECASE)  # "can i move my session?" asks whether an edit is possible
_FROM_NOW = re.compile(r"\bin\s+(?:\d+|an?|one|two|half an?)\s*(?:h|hrs?|hours?|m|mins?|minutes?)\b", re.IGNORECASE)
_PART_OF_PLAN = re.compile(r"\b(?:goal|focus|remind|notice|notify|ping|warn|heads up|(?:change|new|the) days|new time|time change)\b",
                           re.IGNORECASE)  # what an edit may change
_SPAN = re.compile(r"\b(?:from|until|till|starting)\b(?! now\b)", re.IGNORECASE)  # "mon 7am from 1 dec": a new plan's days
_ON_SCREEN = re.compile(r"\bskip (?:this|that)\W*$", re.IGNORECASE)  # "skip this": what is on screen, not a session
_IT = re.compile(r"\b(?:it|that)\b", re.IGNORECASE)
_CLOCK = re.compile(r"\b(\d{1,2})(?:[:.](\d{2}))?\s*([ap])\.?m\b|\b(\d{1,2})[:.](\d{2})\b", re.IGNORECASE)
_PARTS = {"morning": "morning", "mornings": "morning", "lunch": "lunch", "lunchtime": "lunch", "noon": "lunch",
          "afternoon": "afternoon", "afternoons": "afternoon", "evening": "evening", "evenings": "evening",
          "night": "evening", "nights": "evening"}
_PART = re.compile(r"\b(" + "|".join(_PARTS) + r")\b", re.IGNORECASE)
_EARLY_OR_LATE = re.compile(r"\b(early|late)\s+(?:morning\s+|evening\s+)?(?:ones?|sessions?|workouts?|plans?|training)\b",
                            re.IGNORECASE)  # "the early one", "my early workouts": a plan named by its part of the day
_NAMING = re.compile(r"\b(?:the|my|a|an|and|this|that|these|those|our|your|please|pls|plz|on|at|in|of|midday|noon|midnight"
                     r"|o'?clock)\b", re.IGNORECASE)  # with the slots' words: a plan's or a schedule's name
# a plan named by its goal, in the words people call it ("the weights plan", "my lifting", "the rehab one")
GOAL_WORDS = {g: g for g in GOALS} | {"weights": "strength", "lifting": "strength", "rehab": "mobility", "prehab": "mobility",
                                      "cardio": "endurance", "muscle building": "hypertrophy", "muscle growth": "hypertrophy",
                                      "bodybuilding": "hypertrophy",
                                      "stretch": "mobility", "stretches": "mobility", "stretching": "mobility"}
_GOAL = re.compile(r"\b(" + "|".join(GOAL_WORDS) + r")\b", re.IGNORECASE)
_HOURS = r"(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_SPOKEN = re.compile(r"\b(?:half|quarter)\s*-?\s*(?:past|to|after|til)?\s*" + _HOURS + r"\b"
                     r"|\b" + _HOURS + r"\s+(?:thirty|fifteen|forty[\s-]?five|o'?clock)\b",
                     re.IGNORECASE)  # "halfpast six", "half 6", "six thirty"
_TIME_SAID = re.compile(r"\b\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\b)?")  # "7:30", "7", "6pm"


# Goals people name that the articles plan nothing for (the goals reader maps the ones they back:
# "toning", "a bigger butt" are muscle growth, "rehab" mobility): said back as one of ours is not.
_UNPLANNED_GOALS = {"fat loss": re.compile(r"\b(?:fat|weight)[\s-]*loss\b|\b(?:lose|losing|burn|burning|shed|shedding|drop)"
                                          r"(?:\s+(?:some|the|my|a|of))*(?:\s+\w+)?\s+(?:fat|weight|pounds|kilos|lbs|kg)\b"
                                          r"|\bslim(?:ming)?(?:\s+down)?\b", re.IGNORECASE)}


def unplanned_goal(typed: str) -> str | None:
    """A training goal named that is none of ours and that the articles plan nothing for ("fat loss",
    "i want to lose weight"), as it is said back; None for none."""
    return next((name for name, said in _UNPLANNED_GOALS.items() if said.search(typed)), None)


def plan_slots(action: PlanAction, typed: str) -> PlanRequest | None:
    """The slots of a request about plans: which plan or session it names, and what an edit changes;
    None when a cancel or an edit names nothing to act on ("cancel", "edit": the dialogue's words)."""
    relative = _relative_edit(action, typed)
    if relative is not None:
        return relative
    request, head = _slots(action, typed), _head(action, typed)[0]
    if action is PlanAction.EDIT and _ABOUT_IT.match(typed) and not _names_a_change(request.rest):
        return None  # "can it be too much for some people tho": a question about the exercise; "could it be at 8?" edits
    if _QUESTION.match(typed) or action is PlanAction.EDIT and _MAY_I.match(typed) or (not request.rest and not _asks_something(head)):
        return None  # "why does one say 10 to 15 reps?"; "the plan", "my monday plans": a plan named, nothing asked of it
    if action is PlanAction.SKIP:
        return None if not request.named and _ON_SCREEN.search(typed) else request
    if len(typed.split()) < 2 or not _names_a_plan(request, head, typed):
        return None
    if action is PlanAction.EDIT and len(_DAY.findall(head)) > 1 and _by_goal(request):
        return replace(request, day=None, rest=typed.strip())  # "make strength mon and fri only, at 8pm": the days change too
    days_too = _DAYS_AFTER_NAME.search(head) if action is PlanAction.EDIT and request.rest else None
    if days_too is not None:  # "make the mobility one every weekend day at 9.30": the new days, then the new time
        change = f"{days_too.group(1)} {typed.strip()[len(head):]}"
        return replace(request, day=_day(head[:days_too.start(1)]), rest=" ".join(change.split()))
    return request


_FOR_GOOD = re.compile(r"\b(?:from|off|out of)\s+(?:the|my|this|that)?\s*(?:\w+\s+)?(?:plan|schedule|program(?:me)?|routine)\b"
                       r"|\bfor good\b|\bpermanent(?:ly)?\b|\bfrom now on\b|\bgoing forward\b|\bany ?more\b|\bevery week\b",
                       re.IGNORECASE)  # a day taken from the plan itself, not one session skipped


_A_PLAN = re.compile(_DAY.pattern + r"\s+(?:plan|one|routine|program(?:me)?)\b", re.IGNORECASE)  # "delete the monday plan": the plan


def _relative_edit(action: PlanAction, typed: str) -> PlanRequest | None:
    """An edit of a weekly plan's days or time said relative to what it has ("swap friday for thursday",
    "add sunday to endurance", "shift the strength plan an hour later"; "remove monday from the strength
    plan" or "skip fridays for good", read as a cancel or skip, take a day from the plan): named by the
    day it takes away, its goal or its part of the day; the whole message is the change. None for none."""
    change, shift = day_change(typed), time_shift(typed)
    if change is None and shift is None or _QUESTION.match(typed) or _MAY_I.match(typed):
        return None
    if action is not PlanAction.EDIT and not (change and change.drop and _FOR_GOOD.search(typed) and not _A_PLAN.search(typed)):
        return None
    goal, named = _GOAL.search(typed), _day(typed) if change is None else None  # "push the sunday one an hour later"
    day = str(min(change.drop)) if change and change.drop else named if named and named.isdigit() else None
    return PlanRequest(PlanAction.EDIT, day=day, rest=typed.strip(), goal=GOAL_WORDS[goal.group(1).lower()] if goal else None,
                       part=_part(typed))


def _names_a_change(rest: str) -> bool:
    """Whether what an edit changes names a day, a time or a goal ("8 instead", "endurance")."""
    return any(said.search(rest) for said in (_DAY, _TIME_SAID, _SPOKEN, _GOAL))


def _names_a_plan(request: PlanRequest, head: str, typed: str) -> bool:
    """Whether a cancel or an edit says which plan or what of it ("the plan", "it", "my monday one",
    "the goal"); an edit's goal alone is what it changes, and a day and time with nothing asked of a
    plan is a new plan's schedule ("tuesdays at 6pm for 45 minutes"), as "remind me in 10 minutes to
    stretch" is a new reminder; one word ("plan", "cancel") is a dialogue's or another request's."""
    if _SPAN.search(typed) and not _PLAN.search(typed):
        return False  # "tue thu 18:00 from monday", "every monday 6pm until june": a new plan's days
    if request.action is PlanAction.CANCEL:
        return request.named or _PLAN.search(head) is not None
    if request.rest and (_replacing(typed) is not None or _TIME_FOR_TIME.search(typed)):
        return True  # "7:30 not 7", "tues 6pm instead": a new time or day for the plan said alone
    if _FROM_NOW.search(typed):
        return False  # "remind me in 10 minutes to stretch": a new reminder
    if not (_asks_something(head) or _PLAN.search(head)):
        return False
    which = replace(request, goal=None).named or _PLAN.search(head) or _PART_OF_PLAN.search(typed) or _by_goal(request)
    return bool(which) or (bool(request.rest) and _IT.search(head) is not None)  # "move it to 7pm"


def _by_goal(request: PlanRequest) -> bool:
    """Whether an edit names its plan by the plan's goal and changes its days or time ("change strength
    time to 6pm", "move strength to tue and thu"), not its goal."""
    return request.goal is not None and _names_a_change(request.rest) and not _GOAL.search(request.rest)


def _asks_something(head: str) -> bool:
    """Whether a message says more than which plan it means ("the plan", "my 7am one" say no more),
    or than a schedule ("midday on friday": a time to plan, nothing asked of a plan)."""
    for naming in (_DAY, _NTH, _ALL, _NEXT, _PLAN, _SPOKEN, _CLOCK, _PART, _GOAL, _NAMING):
        head = naming.sub(" ", head)
    return _A_LETTER.search(head) is not None


def plan_choice(action: PlanAction, typed: str) -> PlanRequest | None:
    """A typed answer to "Which plan do you want to cancel?" ("the first one", "monday", "the 7am
    one", "both"): the slots it names for that action, or None when it names none."""
    request = _slots(action, typed)
    return request if request.named else None


def _head(action: PlanAction, typed: str) -> tuple[str, str]:
    """Which plan a request names, and what an edit changes: "my monday plan to 8am" -> "8am"."""
    words = typed.strip().rstrip(".!")
    if action is not PlanAction.EDIT:
        return words, ""
    replaced = _replacing(words)
    if replaced is not None:
        return replaced
    found = _TO.search(words)
    then = None if found else _NAMED_THEN.search(words)  # the naming word ("one", "it") stays in the head
    if found is None and then is None:
        return words, ""
    head, change = (words[:found.start()], found.group(1)) if found else (words[:then.start(1)], then.group(1))  # type: ignore[union-attr]
    change = _REASON.sub("", change)
    return head, _INSTEAD.sub("", change).strip() or change.strip()  # "6 not 7", "endurance instead of strength"


def _replacing(words: str) -> tuple[str, str] | None:
    """A change said without a verb, and what it replaces (which plan it is): "7 -> 7:30" is ("7",
    "7:30"); "8am instead of 7am" is ("7am", "8am") (the 7am plan), "tues 6pm instead" ("", "tues 6pm");
    None unless the new part is only a time or days."""
    arrow = _ARROW.match(words)
    found = (arrow.group(1), arrow.group(2)) if arrow else None
    if found is None and (replacing := _REPLACING.match(words)) is not None:
        found = (replacing.group(2), replacing.group(1))
    if found is None or not found[1].strip() or _asks_something(found[1]) and not arrow or _PLAN.search(found[1]):
        return None  # "the monday one at 5pm instead": the plan named, then its change (read after "at")
    said = _DAY.search(found[1]) or _TIME_SAID.search(found[1]) or _SPOKEN.search(found[1])
    return (found[0].strip(), found[1].strip()) if said else None


def _slots(action: PlanAction, typed: str) -> PlanRequest:
    """The slots a message names for an action, whatever else it says."""
    head, rest = _head(action, typed)
    nth = None if _date(head) else _NTH.search(head)  # "the 2nd" of a month is a date, not the second one listed
    every = action is PlanAction.CANCEL and _ALL.search(head) is not None
    if every and _BOTH_NAMED.search(head):  # "both the gym plan and the rehab": two plans named, all of them meant
        return PlanRequest(action, every=True, rest=rest)
    goal = _GOAL.search(head) or _naming_goal(rest)
    place = _ORDINALS[nth.group(1).lower()] if nth else _lettered(action, head)
    return PlanRequest(action, _day(head), place,
                       _NEXT.search(head) is not None or action is PlanAction.SKIP and _THIS_ONE.search(head) is not None,
                       every, rest, _clock(head), _part(head), GOAL_WORDS[goal.group(1).lower()] if goal else None)


# a plan called by its place in the list as a letter or number ("plan b", "plan A", "plan 2"), not "plan a session"
_LETTERED = re.compile(r"\bplan\s+(?:([abc])\b(?!\s+(?:new|session|workout|few|couple|reminder|time|day|week|plan|bit|little"
                       r"|good|short|long|quick|rest|break|trip|holiday|visit|call|run|walk)\b)|#?([1-9])\b(?![:.]\d|\s*(?:[ap]\.?m\b|[ap]\b"
                       r"|o'?clock|h\b|hours?|hrs?|minutes?|mins?|times?|x\b|days?|weeks?|sets?|reps?)))", re.IGNORECASE)


def _lettered(action: PlanAction, head: str) -> int | None:
    """The place in the list of a plan a cancel or edit calls "plan b" or "plan 2" (0-based); a skip's place is
    a session's."""
    found = _LETTERED.search(head) if action is not PlanAction.SKIP else None
    if found is None:
        return None
    return "abc".index(found.group(1).lower()) if found.group(1) else int(found.group(2)) - 1


_BOTH_NAMED = re.compile(r"\bboth\b(?:\s+(?:of\s+)?(?:the|my))?\s+\w+(?:\s+\w+)?\s+(?:and|&|\+)\s+\w+", re.IGNORECASE)


def _part(words: str) -> str | None:
    """The part of the day named ("my evening plan"; "the early one" is the morning's, "the late one" the evening's)."""
    part, early = _PART.search(words), _EARLY_OR_LATE.search(words)
    if part:
        return _PARTS[part.group(1).lower()]
    return ("morning" if early.group(1).lower() == "early" else "evening") if early else None


_NEW_GOAL = re.compile(r"\b(?:make it|make it an?|into|to|be|and)\s+(?:an?\s+)?(?:" + "|".join(GOAL_WORDS) + r")\b", re.IGNORECASE)


def _naming_goal(rest: str) -> re.Match[str] | None:
    """A goal said beside new days or a time ("endurance sunday at 10am instead") names the plan; one the change
    makes ("9 and make it endurance") is the new goal."""
    if _NEW_GOAL.search(rest):
        return None
    return _GOAL.search(rest) if _GOAL.sub("", rest).strip() and _names_a_change(_GOAL.sub("", rest)) else None


def _clock(words: str) -> str | None:
    """The clock time named ("the 7am one", "my 18:30 plan") as "HH:MM", if any."""
    found = _CLOCK.search(words)
    if found is None:
        return None
    hour, minute, half = found.group(1) or found.group(4), found.group(2) or found.group(5) or "0", found.group(3)
    hour_n = int(hour) % 12 + (12 if half and half.lower() == "p" else 0) if half else int(hour)
    return f"{hour_n:02d}:{int(minute):02d}" if hour_n < 24 and int(minute) < 60 else None


_MONTH = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATES = (re.compile(_MONTH + r"\s+(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)?\b", re.IGNORECASE),  # "december 11"
          re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r"(?![a-z])", re.IGNORECASE),  # "11 dec"
          re.compile(r"\b(\d{1,2})(st|nd|rd|th)\b", re.IGNORECASE))  # "the 14th", "mon 14th"
_FIRST_OF_MONTH = re.compile(r"\bfirst\s+(mon|tue|wed|thu|fri|sat|sun)[a-z]*\s+(?:of|in)\s+" + _MONTH + r"(?![a-z])", re.IGNORECASE)
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def _date(words: str) -> str | None:
    """A day of the month named ("the 14th", "december 11", "11 dec", "christmas eve"), as "date:MONTH:DAY" (month 0:
    the first such day to come; "the first monday of january": "date:1:1:o0", see _AROUND_DATE), if any."""
    first = _FIRST_OF_MONTH.search(words)
    if first:
        return f"date:{_MONTHS.index(first.group(2).lower()[:3]) + 1}:1:o{_WEEKDAYS.index(first.group(1).lower()[:3])}"
    for pattern in _DATES:
        found = pattern.search(words)
        if found:
            groups = [g.lower() for g in found.groups()]
            month = next((_MONTHS.index(g[:3]) + 1 for g in groups if g[:3] in _MONTHS), 0)
            day = int(next(g for g in groups if g.isdigit()))
            return f"date:{month}:{day}" if 1 <= day <= 31 else None
    said = normalise(words)
    holiday = next((t for t in said.split() if t in FIXED_HOLIDAYS), None)  # a date said wins
    if holiday is None:
        return None
    month, day = FIXED_HOLIDAYS[holiday]
    beside = re.search(rf"\b(mon|tue|wed|thu|fri|sat|sun)[a-z]*\s+(after|before|of|in)\s+(?:the\s+)?{holiday}\b", said)
    way = f":{_AROUND_DATE[beside.group(2)]}{_WEEKDAYS.index(beside.group(1))}" if beside else ""  # "the monday after christmas"
    return f"date:{month}:{day}{way}"


# a weekday named beside a date: the first one after it, the last before it, the first on or after it ("of the new year")
_AROUND_DATE = {"after": "a", "before": "b", "of": "o", "in": "o"}


_SHORTHAND = re.compile(r"\b(?:mwf|mw|wf|mf|tth|tuth)\b|\b[a-z]{1,3}(?:/[a-z]{1,3})+\b")  # days in shorthand: "mwf", "t/th/sat"
IN_DAYS = "in:"  # a request's day slot naming a day so many days from today ("in:2": the day after tomorrow)
_DAYS_AHEAD = re.compile(r"\b(?:(?:the\s+)?day\s+after\s+(?:" + "|".join(_TOMORROW) + r")|overmorrow)\b"
                         r"|\bin\s+(\d|two|three|four|five|six)\s+days?(?:'?\s*time)?\b", re.IGNORECASE)
_FEW = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6}


def _day(words: str) -> str | None:
    """The day named: a date ("the 14th": see _date), "today", "tomorrow", so many days on ("the day after
    tomorrow", "in two days": "in:2") or a weekday index as text."""
    dated = _date(words)
    if dated is not None:
        return dated
    ahead = _DAYS_AHEAD.search(words)
    if ahead is not None:
        count = ahead.group(1)
        return f"{IN_DAYS}{_FEW.get(count.lower(), count) if count else 2}"
    found = _DAY.search(words) or _DAY.search(normalise(words))  # "skip wensday": the weekday meant
    if found is None and _WEEKEND.search(words):
        return WEEKEND
    if found is None:  # "the mwf plan", "my t/th sessions": named by its first day
        days = find_days(" ".join(_SHORTHAND.findall(words.lower()))).days
        return str(min(days)) if days else None
    word = found.group(1).lower()
    if word in ("today", "tonight"):
        return "today"
    if word in _TOMORROW:
        return "tomorrow"
    return str(_WEEKDAYS.index(word[:3]))
