"""Reading a message in the conversation: a follow-up ("why?", "the 2nd one", "and for strength?",
"do i need bands for it") read against the last answered entry and the last goal (knowledge.context
weighs the two readings, knowledge.followups reads the follow-up's words)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from collections.abc import Set as AbstractSet
from dataclasses import replace
from typing import Protocol

from knowledge.context import (
    Context,
    ContextPolicy,
    along,
    choose,
    for_goal,
    goal_counts,
    goal_switch,
    linked_goal,
    lister,
    named_part,
    through_related,
)
from knowledge.details import Term, lacked_by
from knowledge.followups import FollowUpWords, tells_where, unnegated
from knowledge.fusion import SUGGESTION_FLOOR, Candidate
from knowledge.intents import Answer, Talk
from knowledge.model import Entry, KnowledgeBase
from knowledge.normalize import Normalizer
from knowledge.reading import Reading, leans_to, says_something
from knowledge.safety import Safety
from knowledge.training import Gap

COUNT = re.compile(r"\b\d+(?:\s*[–-]\s*\d+)?\s+(?:reps?|times|sets?|seconds)\b")  # "15–20 times", "10–15 reps"
SETS_GIVEN = re.compile(r"\d+(?:\s*[–-]\s*\d+)?\s+sets?\b|\bsets? of\b|×")  # "3–4 sets", "3–4 × 8–10"
SPAN = re.compile(r"\b(?:few|several|\d+(?:\s*[–-]\s*\d+)?)\s+(?:weeks?|months?|years?)\b")  # "a few weeks", "after a few months"
FIGURE = re.compile(r"\d")  # a figure said: "4x10", "2 min", "90%", "the 1970s"
BARE_WHY = re.compile(r"^\W*(?:(?:ok|okay|but|lol|hmm)\W+)*(?:why+|y|how come)\s*\?+", re.IGNORECASE)  # "why?" as a sentence
# a time asked in a unit ("like 2 min?", "how many seconds tho", "seconds or minutes"), not "wait a minute", "min and max"
UNIT_ASKED = re.compile(r"(?:\d\s*|\bhow many |\bor )(secs?|seconds?|mins?|minutes?|hours?|hrs?)\b"
                        r"|\b(secs?|seconds?|minutes?|hours?)(?= or \w)")
UNIT_GIVEN = {"second": re.compile(r"\d\s*(?:s|secs?|seconds?)\b"), "minute": re.compile(r"\d\s*(?:mins?|minutes?)\b"),
              "hour": re.compile(r"\d\s*(?:hours?|hrs?)\b")}  # an answer giving a time in that unit ("30–45 s")
UNIT_NAMES = {"s": "second", "m": "minute", "h": "hour"}
# a measure other than time asked by a figure ("like 20 degrees", "like 70% of my max"), and how a reply names it
MEASURES = {"an exact angle in degrees": re.compile(r"\d\s*(?:°|deg\b|degrees?\b)"),
            "an exact percentage": re.compile(r"\d\s*%|%\s*of\b|\bper\s?cent"),
            "an exact weight in kilos or pounds": re.compile(r"\d\s*(?:kgs?|kilos?|kilograms?|lbs?|pounds?)\b")}
NUMBER = re.compile(r"\d+")
WORD = re.compile(r"[a-z]+")  # a message's words as typed ("too", which the reader takes for "to")
FIGURE_CHECK_WORDS = 10  # a time asked in a message this short is a check of the answer ("like 2 min?"), not a story
SOURCES = "studies"  # the entry listing the studies the articles cite: what "who found that" asks for
REPS, SETS = "reps-general", "program-overview"  # what a number-only follow-up gets with no goal named: the reps, the sets
ARTICLES = "sources"  # the entry on the two articles: what "says who" asks when no study backs the last answer
FOR_CASE = "reverse hypers for {}"  # how a case asked for after "for" is read ("and for sprinting?")
FOR_CASE_MARGIN = 10.0  # ... and how clearly over the threshold it must read (not "for abs / six pack": the core, 32)
WHO_IT_SUITS = ("purpose", "beginner-doctor")  # what the articles say about who the exercise suits, and starting safely
BEGINNERS = "beginners"  # the topic group whose answers suit anyone starting, whoever asks
VARIATIONS = "variations"  # the topic group whose lists (the variations, the alternatives) name ways of doing the exercise
APART_WORDS = 4  # a message with this many words of its own, none said by the last answer, leaning alone elsewhere, stands apart
OWN_WORDS = 2  # a message read alone as not ours with this many words of its own, tied to nothing said, stays declined


class Reader(Protocol):
    """What the follow-up reader reads a message alone with (the understanding layer; benchmarks
    change its policy and wrap its reading, so they are looked up on each read)."""

    context_policy: ContextPolicy

    @property
    def threshold(self) -> float:
        """The fused score below which the bot declines."""

    def read_uncached(self, text: str, margin: float = 0.0) -> Reading:
        """Read one message afresh, alone."""

    def candidates(self, text: str, margin: float = 0.0) -> tuple[Candidate, ...]:
        """The entries a message read afresh reads as, best first (no safety reading)."""

    def missing_detail(self, text: str, entry_id: str) -> Gap | None:
        """The near miss a message is when it asks `entry_id` for a detail that entry lacks, else None."""

    def term_named(self, words: list[str]) -> Term | None:
        """The first term of the answers a message names, else None."""


class FollowUpReader:
    """Reads a message, already read alone, in the conversation (built once per knowledge base)."""

    def __init__(self, reader: Reader, kb: KnowledgeBase, normalizer: Normalizer, talk: Talk,
                 programmes: dict[str, str], goal_family: set[str], asked: AbstractSet[str] | None = None) -> None:
        self.reader = reader
        self.kb = kb
        self.normalizer = normalizer
        self.talk = talk
        self.programmes = programmes
        self.goal_family = goal_family
        self.groups = {e.id: e.group for e in kb.entries.values()}
        self.listers = frozenset(e.id for e in kb.entries.values() if e.parts)
        self.linked = {e.id: linked(e, kb) for e in kb.entries.values()}
        self.things = frozenset(p for e in kb.entries.values() for p in e.parts) - set(programmes.values())  # not the programmes
        self.ways = frozenset(p for e in kb.entries.values() if e.group == VARIATIONS for p in e.parts)  # single-leg, floor
        self.by_goal = by_goal(kb, programmes, goal_family)
        self.follow_ups = FollowUpWords(normalizer, kb, asked)

    @property
    def policy(self) -> ContextPolicy:
        """How much the conversation weighs (the understanding layer's, which a tuner may change)."""
        return self.reader.context_policy

    @property
    def threshold(self) -> float:
        """The fused score below which the bot declines."""
        return self.reader.threshold

    def read(self, alone: Reading, text: str, words: list[str], margin: float, context: Context, opened: bool) -> Reading:
        """The reading of a message (`alone`: read on its own; `words`: cleaned; `opened`: it opens a
        new topic) in the conversation; the reading keeps the context for the next message."""
        goal = self._goal_named(text, alone)
        words = self.follow_ups.after_acknowledging(words)
        last = self.kb.entries.get(context.entry or "")
        if last is not None and not opened and alone.safety is Safety.NONE and self.follow_ups.asks_again(words):
            match = replace(alone.match, entry_id=last.id, score=self.threshold, suggestions=())  # "say again?", "wait what"
            return replace(alone, match=match, gap=None, again=False, each=(), context=self.context_after(last.id, context))
        follows = (bool(context) or self._numbers_afresh(alone, words)) and not opened and \
            not (last is not None and last.id in self.goal_family and self.follow_ups.agrees(words, last)) and \
            not self._surely_missed(alone, text, words) and \
            not lacked_by(alone.gap, context.entry or "") and \
            (self._may_follow(alone, text, words) or self._told(alone, words, context) or self._timed(alone, words, context)
             or self._same_for_goal(alone, words, goal)) and \
            not self._confirms(alone, text, words, goal)
        chosen = self._lacking(self._follow(alone, text, words, margin, context, goal), alone, text) if follows else alone
        chosen = self._concern_about_last(chosen, text, context) if not opened else chosen
        people = self._for_people(alone, text, words, context)
        if people is not None:  # "and for women?", "what about for my mom": the articles single out no one
            chosen = replace(alone, match=replace(alone.match, entry_id=None, suggestions=()), gap=people, again=False, each=())
        if follows and people is None and chosen.match.entry_id is None and chosen.gap is None:
            chosen = self._for_case(chosen, words, context)  # "and for sprinting?" after the glutes' shape: what it does for that
        if chosen.gap is not None and chosen.match.entry_id is None:  # a near miss moves the conversation on
            return replace(chosen, context=Context(None, goal or context.goal))
        about = context.entry if chosen.each else chosen.match.entry_id
        return replace(chosen, context=self.context_after(about, context, goal))

    def _for_people(self, alone: Reading, text: str, words: list[str], context: Context) -> Gap | None:
        """The near miss a question about a group of people or someone the user asks for is ("and for women?",
        "what about for my mom", "is it good for older people") when it reads as no entry alone and tells no health
        concern: the articles single out no such group, so the reply says so and offers what they say about who the
        exercise suits (`WHO_IT_SUITS`), never the last answer again; None after an answer that names that group
        (a study on women) or is about beginners (which suits anyone starting: "what about for my mom shes 67")."""
        named = self.follow_ups.people_named(words)
        if named is None or alone.gap is not None or alone.safety is not Safety.NONE:
            return None
        if alone.match.entry_id is not None and not self.follow_ups.only_the_same_for(words, named[0]):
            return None  # "is that the same for my dad" reads alone like "is it the same as ...", yet asks about him
        if not (self.follow_ups.asks_the_same_for(words) or self.normalizer.is_question(text)):
            return None
        word, case = named
        last = self.kb.entries.get(context.entry or "")
        if last is not None and (last.group == BEGINNERS or
                                 re.search(rf"\b{re.escape(word)}\b", f"{last.title} {last.answer} {last.details}".lower())):
            return None
        offer = tuple(e for e in WHO_IT_SUITS if e in self.kb.entries)
        return Gap("people", f"advice for {case}", offer, ())

    def _for_case(self, chosen: Reading, words: list[str], context: Context) -> Reading:
        """A follow-up declined so far that asks the last question again for a case of its own, named after "for" and
        no goal ("and for sprinting?", "what about for my cleans n box jumps"), read as asking what the exercise does
        for that case (`FOR_CASE`): the entry that reading finds clearly (`FOR_CASE_MARGIN` over the threshold), other
        than the last answer; else as it was."""
        case = self.follow_ups.case_for(words)
        if case is None or chosen.safety is not Safety.NONE:
            return chosen
        found = self.reader.read_uncached(FOR_CASE.format(" ".join(case)))
        entry = found.match.entry_id
        if entry is None or entry == context.entry or found.safety is not Safety.NONE or found.gap is not None \
                or found.match.score < self.threshold + FOR_CASE_MARGIN:
            return chosen
        return replace(chosen, match=replace(chosen.match, entry_id=entry, score=found.match.score))

    def _concern_about_last(self, chosen: Reading, text: str, context: Context) -> Reading:
        """A health question read as the last answer itself, alone too ("when can i straighten em again" after
        keeping the legs straight), is as sure of it as it reads in context, so the doctor-first line keeps that
        answer rather than the general advice on medical care."""
        last = self.kb.entries.get(context.entry or "")
        if last is None or chosen.match.entry_id != last.id:
            return chosen
        score = self._concern_in_context(chosen, text, last, last.id)
        return replace(chosen, match=replace(chosen.match, score=score)) if score > chosen.match.score else chosen

    def _lacking(self, chosen: Reading, alone: Reading, text: str) -> Reading:
        """A follow-up read in context as an entry that lacks the detail it asks for is the near miss it
        would be alone ("why shouldnt i just max out then" after the sets for strength, which say not
        to but give no reason); an answer about each thing listed, a health concern or the reading
        alone stand."""
        found = chosen.match.entry_id
        if found is None or found == alone.match.entry_id or chosen.each or chosen.safety is not Safety.NONE:
            return chosen
        gap = self.reader.missing_detail(text, found)
        return replace(chosen, match=replace(chosen.match, entry_id=None, suggestions=()), gap=gap) if gap else chosen

    def _surely_missed(self, alone: Reading, text: str, words: list[str]) -> bool:
        """Whether a message is surely a near miss the articles do not cover ("can i do it every day",
        "sets per week tho" after the sets for growth, "how much do the machines cost"), whatever
        "it" is and however many of the last answer's words it holds, unless it points back ("that")
        or only asks for more ("y does it matter so much"), or picks a place in a list and asks nothing of
        its own ("and the second", which alone reads a little like buying second-hand), or objects to that answer
        ("why its just bodyweight lol" after the warm-up, which alone reads a little like asking a weight)."""
        follow_ups, policy = self.follow_ups, self.policy
        if alone.gap is None or alone.gap_odds < policy.near_miss:
            return False
        if follow_ups.refers_back(words) and (policy.near_miss_back is None or alone.gap_odds < policy.near_miss_back):
            return False
        more = follow_ups.asks_for_more(words, self.normalizer.is_question(text))
        return not (more and follow_ups.asks_more_of_it(words) or self._picks_place(text, words) or self._objects(text, words))

    def _objects(self, text: str, words: list[str]) -> bool:
        """Whether a message objects to the last answer (`FollowUpWords.objects`), or asks a bare "why?" as a sentence
        of its own and then tells something, asking nothing ("why? my arms arent doing anything" after holding the
        handles): it asks why of that answer."""
        if self.follow_ups.objects(words):
            return True
        bare = BARE_WHY.match(text)
        rest = text[bare.end():] if bare else ""
        told = self.normalizer.words(rest)
        return bool(told) and told[0] not in self.normalizer.lexicon.question_words and "?" not in rest

    def _picks_place(self, text: str, words: list[str]) -> bool:
        """Whether a message picks a place in a list and asks nothing of its own ("and the second")."""
        return bool(self.follow_ups.place(words)) and self.follow_ups.asks_for_more(words, self.normalizer.is_question(text))

    def _may_follow(self, alone: Reading, text: str, words: list[str]) -> bool:
        """Whether a message that opens no new topic can be a follow-up at all: a health concern ("i
        have a herniated disc") or a near miss the articles do not cover ("is the gym open on sunday")
        only when it points back ("does it help with soreness too?"; a near miss also when it picks a place
        in a list: "and the second", or objects to the last answer: "why its just bodyweight lol"), so a disclosure
        never gets the last programme; and it says something:
        a question, words of its own to match, or a follow-up's words ("why", "the 2nd one"), not "null",
        "yes", "🙂" or "9999"."""
        if alone.safety is not Safety.NONE and not self.follow_ups.points_back(words):
            return False
        if alone.gap is not None and not (self.follow_ups.points_back(words) or self._picks_place(text, words)
                                          or self._objects(text, words)):
            return False
        question = self.normalizer.is_question(text)
        follow_ups = self.follow_ups
        return bool(words) and (says_something(alone) or question or follow_ups.asks_for_more(words, question)
                                or follow_ups.asks_more_beside(words) or follow_ups.asks_next(words))

    def _same_for_goal(self, alone: Reading, words: list[str], goal: str | None) -> bool:
        """Whether a message asks the last question again for a goal it names, question mark or not ("ok and for
        powerlifting": strength), telling no health concern."""
        return goal is not None and alone.safety is Safety.NONE and self.follow_ups.asks_the_same_for(words)

    def _confirms(self, alone: Reading, text: str, words: list[str], goal: str | None) -> bool:
        """Whether a message is a typed yes or no to no question of the answer's ("ok save it" after a plan was
        saved in words): it asks nothing, names no goal, asks for no more and reads alone as no entry, so it is
        no follow-up and never gets the last answer again."""
        follow_ups = self.follow_ups
        if goal is not None or alone.match.entry_id is not None or self.normalizer.is_question(text):
            return False
        if follow_ups.asks_numbers(words) is not None:  # "k n reps": the "k" acknowledges, the rest asks
            return False
        if follow_ups.asks_for_more(words, False) or follow_ups.asks_more_beside(words) or follow_ups.asks_next(words):
            return False
        return self.talk.answer(self.normalizer.spelt(words)) in (Answer.YES, Answer.NO)

    def _follow(self, alone: Reading, text: str, words: list[str], margin: float, context: Context,
                goal: str | None) -> Reading:
        """The reading of a message (and its cleaned `words`) in a conversation: alone, or in context
        when that reads better."""
        last = self.kb.entries.get(context.entry or "")
        numbers = self._numbers(alone, words, last, context) if last is not None and goal is None else None
        if last is None and goal is None and self._numbers_afresh(alone, words):  # "ok what about reps then" after a near miss
            numbers = for_goal(REPS if self.follow_ups.asks_numbers(words) == "reps" else SETS, context, False,
                               self.programmes, self.by_goal)
        if numbers is not None:  # "so how many", "k n reps" after the steps: the reps, for the goal named if any
            return replace(alone, match=replace(alone.match, entry_id=numbers, score=max(alone.match.score, self.threshold)))
        swapped = self._goal_swapped(alone, context, goal)
        about_last = None if last is None or swapped or self._another_case(alone, goal, words, last) else \
            self._about_last(alone, text, words, last)
        if about_last is not None:
            return about_last
        found = alone.match.entry_id
        candidates = alone.candidates
        declined = found is None and not swapped and \
            (alone.match.off_topic and not (last and self.follow_ups.names_said_others(words, last))
             or alone.not_ours >= self.policy.not_ours)
        if last is not None and not declined and not self._stands_alone(alone, words, last, goal):
            found, candidates = self._switched(alone, text, words, margin, context, goal, last)
        if last is not None and found == last.id:
            found = named_part(last, [(c.entry_id, c.score) for c in alone.candidates], SUGGESTION_FLOOR) or found
        if last is not None and found == last.id and self._asks_how(words, last):  # "how come, what does it do for the spine"
            found = last.because
        if last is not None and found != last.id and self.follow_ups.refers_back(words):
            found = through_related(found, self.groups, self.linked[last.id], {c.entry_id: c.score for c in alone.candidates}, self.listers)
        elif last is not None and found == last.id and self.follow_ups.asks_who_of(words):  # "who found that"
            found = self._found_by(last)
        general = found
        found = for_goal(found, context, goal is not None, self.programmes, self.by_goal)
        if found == alone.match.entry_id or (alone.safety is not Safety.NONE and not leans_to(alone, found)):
            return alone  # a concern told with a question ("i had a c-section, can i do them") only takes what it leans to
        score = next((c.score for c in candidates if c.entry_id == found), self.threshold)
        if last is not None and found == last.because:  # read as asking how the last answer works: as sure as that reading
            score = max(score, self.threshold)
        if found != general:  # the goal's programme for a general entry ("and reps?" with strength named): as sure as it
            score = max(score, next((c.score for c in candidates if c.entry_id == general), 0.0))
        return replace(alone, match=replace(alone.match, entry_id=found, score=score), candidates=candidates)

    def _goal_swapped(self, alone: Reading, context: Context, goal: str | None) -> bool:
        """Whether a message names a goal other than the last answer's whose programme it leans to alone, after an
        answer about goals ("ok switch, i want mobility for my deadlift lockout, same numbers?" after the sets for
        size, "and if im doing it more for mobility than size?"): it asks for that goal's programme, however little it
        reads as ours alone and whatever words of the last answer it holds."""
        programme = self.programmes.get(goal or "")
        return (programme is not None and context.entry in self.goal_family and programme != context.entry
                and alone.safety is Safety.NONE and leaning(alone) == programme)

    def _switched(self, alone: Reading, text: str, words: list[str], margin: float, context: Context, goal: str | None,
                  last: Entry) -> tuple[str | None, tuple[Candidate, ...]]:
        """The entry (and candidates) of a message read in context when that reads better (a goal's
        programme, the context's best), the last answer when the message is worded from it, else
        the reading alone's; a message naming the exercise itself is about the exercise, however
        many of the last answer's words it holds ("how do u even do a reverse hyper, whats the basic
        movement" after the isometric holds)."""
        in_context = self.reader.candidates(along(text, context, last.title, goal is not None), margin)
        switched = goal_switch(context, goal, alone.match.entry_id or leaning(alone), self.programmes, self.goal_family)
        named = self.follow_ups.names_exercise(words)  # "how do i actually do a reverse hyper": about the exercise
        if switched is None and not named:
            switched = choose((alone.match.entry_id, alone.match.score), [(c.entry_id, c.score) for c in in_context],
                              set(last.related), self.threshold + margin, self._policy_after(last, words),
                              [(c.entry_id, c.score) for c in alone.candidates])
            switched = None if switched == last.id and (self._own_topic(alone, words, last) or
                                                        self._programming_apart(alone, words, last) or
                                                        self._unsaid_by_last(alone, words, last) or
                                                        self._another_case(alone, goal, words, last)) else switched
        if switched:
            return switched, in_context
        if not named and self._told(alone, words, context):  # "which side of the knee" after the biceps femoris
            return last.id, alone.candidates
        return alone.match.entry_id, alone.candidates

    def _found_by(self, last: Entry) -> str:
        """The study behind the last answer, the one whose answer shares most words with it when
        several are linked to it (Ekstrom's EMG study after the erector spinae, not the anatomy
        textbook), or the last answer when no study is."""
        if SOURCES not in self.kb.entries:
            return last.id
        shared = {e: float(self.follow_ups.shared(last.id, e)) for e in self.linked[last.id]}
        study = through_related(SOURCES, self.groups, self.linked[last.id], shared, self.listers)
        return last.id if study == SOURCES else str(study)

    def _numbers_afresh(self, alone: Reading, words: list[str]) -> bool:
        """Whether a number-only message asking reps or sets ("ok what about reps then", "and sets?") reads alone as
        nothing, no near miss and no concern: with no answer before it (a near miss moved the conversation on) it asks
        the reps (or sets) by goal, as it does after an answer giving no count."""
        return (alone.match.entry_id is None and alone.gap is None and alone.safety is Safety.NONE
                and self.follow_ups.asks_numbers(words) in ("reps", "sets") and {REPS, SETS} <= self.kb.entries.keys())

    def _numbers(self, alone: Reading, words: list[str], last: Entry, context: Context) -> str | None:
        """The entry a number-only follow-up ("so how many", "k n reps", "sets?") gets after an answer giving no count
        of its own (the steps, the set-up): the programme of the goal the user last named, else the reps by goal (the
        sets by goal when sets are asked, after the reps by goal too), which name each goal's figures; None after
        another answer about programming or one giving counts (the floor version's 15-20), after a list when the
        count names nothing ("so how many is that" after the hamstrings counts them), and for a health concern."""
        asked = self.follow_ups.asks_numbers(words)
        if asked is None or alone.safety is not Safety.NONE:
            return None
        if last.id in self.goal_family and (asked != "sets" or SETS_GIVEN.search(last.answer)):
            return None  # after the reps by goal (no sets given), "sets?" still asks the sets
        if last.id not in self.goal_family and COUNT.search(last.answer):
            return None
        if asked == "count" and lister(last, self.kb.entries) is not None and (last.parts or last.id not in self.ways):
            return None  # "so how many is that" after the hamstrings counts them; after the bench version it asks reps
        general = SETS if asked == "sets" else REPS
        return for_goal(general, context, False, self.programmes, self.by_goal) if general in self.kb.entries else None

    def _backing(self, alone: Reading, words: list[str], last: Entry) -> str | None:
        """The entry a follow-up asking what backs the last answer gets ("says who", "is there a study on that",
        "source?"): the study behind it (Arab et al. after how high to lift the legs), else the studies the articles
        cite (which say Reverse Hypers cites none) when it asks for a study, or the articles when it asks the source;
        None for any other message, a health concern, or one after an answer about the studies or sources."""
        asked = self.follow_ups.asks_backing(words, last)
        if asked is None or alone.safety is not Safety.NONE or self.groups.get(last.id) == self.groups.get(SOURCES) \
                or last.id == ARTICLES:
            return None
        study = self._found_by(last)
        if study != last.id:
            return study
        fallback = SOURCES if asked == "study" else ARTICLES
        return fallback if fallback in self.kb.entries else None

    def _policy_after(self, last: Entry, words: list[str]) -> ContextPolicy:
        """How much the conversation weighs for a message after `last`: after a thing an answer lists,
        pointing back means that thing ("should i go heavy on those" after tempo hypers), and so does
        pointing back with words that answer said ("do they do anything besides bending the knee" after
        the hamstrings); a message asking why weighs it a little more; after an
        answer about programming or a beginner's advice (the doctor first, medical care), "it" means the exercise
        ("does it help back pain" after the sets for strength, or after the advice on medical care)."""
        follow_ups = self.follow_ups
        if (last.id in self.things or follow_ups.told_in(words, last)) and follow_ups.points_back(words):
            return self.policy.about_thing()
        if follow_ups.asks_more_of_it(words):
            return self.policy.asking_why()
        if (last.id in self.goal_family or last.group == BEGINNERS) and follow_ups.points_back(words) \
                and not follow_ups.refers_back(words):
            return self.policy.about_exercise()
        return self.policy

    def _own_topic(self, alone: Reading, words: list[str], last: Entry) -> bool:
        """Whether a message the conversation would read as the last answer asks about something of
        its own: beyond our content, or a comparison with another exercise that the entry it reads as
        alone answers (not the last answer)."""
        return self._beyond(alone, words, last) or self.follow_ups.names_elsewhere(words, last, alone.match.entry_id)

    def _programming_apart(self, alone: Reading, words: list[str], last: Entry) -> bool:
        """Whether a message read alone as programming (sets, reps, rest, load) after an answer about
        something else is tied to that answer by nothing: no word pointing back, asking why or said
        there ("how many sets should i do" after the biceps femoris asks for the sets, while "can i
        load it with normal plates" after the machine asks about the machine)."""
        follow_ups = self.follow_ups
        return (alone.match.entry_id in self.goal_family and last.id not in self.goal_family
                and not follow_ups.points_back(words) and not follow_ups.asks_more_of_it(words)
                and not follow_ups.told_distinctly(words, last))

    def _unsaid_by_last(self, alone: Reading, words: list[str], last: Entry) -> bool:
        """Whether a message answered on its own asks about its own topic: the last answer says none of
        its words, the entry it reads as alone says some, it asks for no more and points back with no word
        but "this" or "these", which then mean the exercise ("will my other leg exercises get easier if
        i do these" after where to find a machine)."""
        found = alone.match.entry_id
        return found is not None and not self.follow_ups.asks_more_of_it(words) and self.follow_ups.unsaid_in(words, last, found)

    def _quotes(self, alone: Reading, words: list[str], last: Entry) -> bool:
        """Whether a message asks only what words of the last answer mean (`FollowUpWords.asks_meaning_of_said`: "what do
        u mean dont jerk" after keeping the upper body still), names no term another entry explains (the terms of
        data/details.yaml: "what do you mean by pendulum" gets the entry explaining it) and reads alone as no thing the
        answer lists ("what does tempo hyper mean" after the variations) nor clearly as another entry: more of that
        answer."""
        found = alone.match.entry_id
        return (self.follow_ups.asks_meaning_of_said(words, last) and self.reader.term_named(words) is None
                and found not in last.parts and (found in (None, last.id) or alone.match.score <= self.threshold + self.policy.clear))

    def _reads_elsewhere(self, alone: Reading, words: list[str], last: Entry) -> bool:
        """Whether a message asking why with words the last answer says reads alone as another entry and says none
        of the words distinctive of that answer ("why do the glutes matter if i cant see them" after what to hold on
        to, which names the glutes in passing): it asks its own question (why train the glutes), not more of that
        answer."""
        return alone.match.entry_id not in (None, last.id) and not self.follow_ups.told_distinctly(words, last)

    def _points_back(self, words: list[str], last: Entry) -> bool:
        """Whether a message points back at the last answer: after an answer about a thing an answer lists, any
        reference does ("can i do it daily" after the floor version); after any other, "it" as the exercise being done
        does not ("how do i breathe during it" after the muscles worked)."""
        return self.follow_ups.points_back(words) if last.id in self.ways else self.follow_ups.points_at_answer(words)

    def _stands_alone(self, alone: Reading, words: list[str], last: Entry, goal: str | None) -> bool:
        """Whether a message tied to the last answer by nothing (it points nothing back, asks for no more, names no
        goal, is not worded from that answer and does not lean to it alone) is read on its own, the conversation
        only filling in what a message lacks: when it reads alone as an entry ("my lower back is a bit tight at the
        top, like its working. normal?" after the Roman chair: the pump), or as not ours, more likely than any
        entry, with words of its own (`OWN_WORDS`: "can i add ankle weights" after the muscles worked), or leaning
        alone to another entry with many words of its own (`APART_WORDS`), none of which the last answer says ("what is
        the name of exercise where legs go up behind on a bench" after the advice on medical care)."""
        follow_ups = self.follow_ups
        if goal is not None or self._points_back(words, last) or follow_ups.asks_more_of_it(words) \
                or follow_ups.told_in(words, last) or leans_to(alone, last.id):
            return False
        if alone.match.entry_id is not None:
            return True
        own = follow_ups.own_content(words)
        if len(own) >= APART_WORDS and follow_ups.says_none_of(own, last) and leaning(alone) not in (None, last.id):
            return True  # "what is the name of exercise where legs go up behind on a bench" after medical care
        return bool(alone.candidates) and alone.not_ours > alone.candidates[0].learned and len(own) >= OWN_WORDS

    def _another_case(self, alone: Reading, goal: str | None, words: list[str], last: Entry) -> bool:
        """Whether a message asks the last question again for a case of its own that is no goal and that the
        last answer never names ("and for women?" after a programme), so it asks about that case, never the last
        answer again ("and for size?" swaps the goal; "n for running" after better hip extension, which names
        running, and "what if its moving a lot" after the erectors, which alone leans to them, ask about it)."""
        return goal is None and not leans_to(alone, last.id) and self.follow_ups.asks_the_same_for_unsaid(words, last)

    def _beyond(self, alone: Reading, words: list[str], last: Entry) -> bool:
        """Whether a message asks about something none of our content mentions ("is there a video",
        "what about posture", "reveal your prompt") with nothing tying it to the last answer: it
        points nothing back, asks for no more, holds none of that answer's words and does not lean
        to it alone, so the conversation must not lend it the last answer's meaning."""
        follow_ups = self.follow_ups
        return (follow_ups.names_unheard(words) and not leans_to(alone, last.id) and not self._points_back(words, last)
                and not follow_ups.asks_more_of_it(words) and not follow_ups.told_in(words, last))

    def _told(self, alone: Reading, words: list[str], context: Context) -> bool:
        """Whether a message read alone weakly (no health concern) is worded from the last answer, so
        it asks about that answer ("which side of the knee" after the biceps femoris)."""
        last = self.kb.entries.get(context.entry or "")
        told = self.policy.told
        return (last is not None and told is not None and alone.safety is Safety.NONE
                and alone.match.score < self.threshold + told and self.follow_ups.told_in(words, last))

    def _about_last(self, alone: Reading, text: str, words: list[str], last: Entry) -> Reading | None:
        """The reading of a follow-up about the last answer itself: asking for more of it ("why?"),
        about what comes after it ("ok n then what" after the set-up: its `next`), about each or one
        of the things it listed, about its own words ("do i need bands for it"),
        or whether it holds for another thing too ("do they hit the glutes too"), then one of the
        things it listed when the message names it ("can i do them one leg at a time" after the
        variations); a place picked in
        an answer that lists nothing ("the first one" after the reps) is declined; None for any
        other message."""
        follow_ups = self.follow_ups
        if last.next and follow_ups.asks_next(words):  # "ok n then what" after the set-up: the next step
            return replace(alone, match=replace(alone.match, entry_id=last.next, score=max(alone.match.score, self.threshold)))
        backing = self._backing(alone, words, last)  # "says who", "is there a study on that": the study or the articles
        if backing is not None:
            return replace(alone, match=replace(alone.match, entry_id=backing, score=max(alone.match.score, self.threshold)))
        located = self._located(words, last) or self._grouped(words, last)  # "where are those exactly", "which ones exactly"
        if located is not None:
            return replace(alone, match=replace(alone.match, entry_id=located, score=max(alone.match.score, self.threshold)))
        counted = self._counted(words, last)  # "how many of them" after the three hamstrings (or one of them)
        spanned = follow_ups.asks_span(words) and alone.safety is Safety.NONE and SPAN.search(last.answer) is not None
        if counted is not None or spanned or self._timed(alone, words, Context(last.id)):  # "how soon", "how many weeks"
            return replace(alone, match=replace(alone.match, entry_id=counted or last.id, score=max(alone.match.score, self.threshold)))
        figure = self._figure_not_given(alone, text, last)  # "so like 2 min?" after "rest as needed": no such figure
        if figure is not None:
            return replace(alone, match=replace(alone.match, entry_id=None, suggestions=()),
                           gap=Gap("figure", figure, (last.id,), ()))
        if self._checks_a_figure(alone, text, last):  # "so 4x10 is the most i should be doing?" after the sets for strength
            return replace(alone, match=replace(alone.match, entry_id=last.id, score=self.threshold))
        if self._objects(text, words) or self._quotes(alone, words, last) or \
                (follow_ups.asks_more_in_its_words(words, last) and not self._asks_how(words, last)
                 and not self._reads_elsewhere(alone, words, last)):
            # "y tho its just legs swinging lol" after the warm-up, "y does grip even matter" after RDLs: more of that answer
            return replace(alone, match=replace(alone.match, entry_id=last.id, score=self.threshold), again=True)
        if alone.safety is Safety.NONE and alone.match.entry_id != last.id and follow_ups.checks_told(words, last):
            # "do they bend the knee too or just the hip" after the hamstrings: a check of what that answer told, or of
            # one thing it listed ("is that ball one any good" after the alternatives: the stability ball)
            found = named_part(last, [(c.entry_id, c.score) for c in alone.candidates], SUGGESTION_FLOOR) or last.id
            return replace(alone, match=replace(alone.match, entry_id=found, score=max(alone.match.score, self.threshold)))
        question = self.normalizer.is_question(text)
        each = follow_ups.asks_each_of(words, last)  # "more detail on each of the 3 muscles" after the erector spinae
        likely = {c.entry_id: c.score for c in alone.candidates}
        titled = self._picked(words, last, likely)  # "what about the machine-free one" after the variations
        if titled is None and not (each or question) and follow_ups.asks_more_of_it(words):
            titled = self._named_linked(words, last, likely)  # "explain that pumping thing more" after rehab
        if titled is None and not each and follow_ups.asks_more_of_it(words):
            titled = self._termed(words, last)  # "the pumping mechanism bit, more detail?" after lower back health
        if titled is not None:  # "anything else about the machine itself" after its history
            return replace(alone, match=replace(alone.match, entry_id=titled, score=max(alone.match.score, self.threshold)))
        if not follow_ups.asks_more_of_it(words) and self._counted_there(alone, words, last):  # "and how many of those"
            return replace(alone, match=replace(alone.match, entry_id=last.id))
        if each or follow_ups.asks_for_more(words, question) or follow_ups.names_listed(words, last):
            listed = follow_ups.listed(words, last, lister(last, self.kb.entries))
            more = follow_ups.asks_more_of_it(words)
            # "whats the reason for that", "more info": the last answer, whatever it reads as
            pointed = more and (follow_ups.points_back(words) or follow_ups.only_asks_more(words)) or \
                last.id in self.ways and follow_ups.points_back(words)  # "how do i do it then" after the single-leg one
            bar = self.policy.clear_more if more else self.policy.clear
            if not listed and not pointed and alone.match.score >= self.threshold + bar:
                return None  # "how do i do it", "where does your info come from": clear alone, about nothing said
            if not (listed or more) and self._asks_of_exercise(alone, words, last):
                return None  # "what does it do" after the programme for endurance: "it" is the exercise
            if not (listed or more) and follow_ups.asks_span(words) and SPAN.search(last.answer) is None:
                return replace(alone, match=replace(alone.match, entry_id=None, suggestions=()))  # "for how many weeks"
            if not (listed or more) and follow_ups.place(words) and alone.match.entry_id != last.id:
                return replace(alone, match=replace(alone.match, entry_id=None, suggestions=()))  # "the first one": no list to pick from
            if not listed and self._asks_how(words, last):  # "why?" after rehab: how it works, the decompression
                return replace(alone, match=replace(alone.match, entry_id=last.because, score=max(alone.match.score, self.threshold)))
            felt = leaning(alone) if not (listed or more) and last.id not in self.things and follow_ups.asks_where_felt(words) \
                else None  # after a thing (the ball version), "it" is that thing: where it is felt is its answer
            if felt is not None and felt != last.id:  # "where should i feel it most" after the pump: where it works
                return replace(alone, match=replace(alone.match, entry_id=felt, score=max(alone.match.score, self.threshold)))
            return replace(alone, match=replace(alone.match, entry_id=(listed or (last.id,))[0], score=self.threshold),
                           again=not listed and (more or bool(last.details)), each=listed if len(listed) > 1 else ())
        if self._counted_there(alone, words, last):  # "how many reps of that" after the floor version: its 15-20
            return replace(alone, match=replace(alone.match, entry_id=last.id))
        thing = last.id in self.things  # "does it work my abs too" after the ball one, "does it bend the knee too" after one hamstring
        if follow_ups.answered_by(words, last) and self._about_exercise_elsewhere(alone, words, last):
            return None  # "but is it risky" after lower back health: "it" is the exercise, its injury risk
        if follow_ups.answered_by(words, last) or (follow_ups.asks_the_same_of(text, words, thing)
                                                   and not self._another_thing(alone, words, last)):
            part = named_part(last, [(c.entry_id, c.score) for c in alone.candidates], SUGGESTION_FLOOR)  # "do them one leg at a time"
            found = part or last.id
            score = max(alone.match.score, self.threshold, self._concern_in_context(alone, text, last, found))
            return replace(alone, match=replace(alone.match, entry_id=found, score=score))
        return None

    def _another_thing(self, alone: Reading, words: list[str], last: Entry) -> bool:
        """Whether a message asking whether the last answer holds for another thing too names a thing that answer never
        says and reads alone as nothing ("does it work the calves too" after what the hamstrings do): it asks about
        that thing, which the articles do not cover, not the last answer again."""
        own = self.follow_ups.own_content(words)
        return (alone.match.entry_id is None and not says_something(alone) and bool(own)
                and self.follow_ups.says_none_of(own, last))

    def _about_exercise_elsewhere(self, alone: Reading, words: list[str], last: Entry) -> bool:
        """Whether a message pointing back only with "it" (not "that" or "those"), after an answer about no thing an
        answer lists, reads clearly alone (the threshold plus `ContextPolicy.clear`) as another entry whose title says
        a word the last answer only mentions in passing: "it" is the exercise ("but is it risky" after lower back
        health, whose answer cuts the risk of back pain, is the injury risk; "does it have to have handles" after the
        steps is what to hold on to)."""
        found, follow_ups = alone.match.entry_id, self.follow_ups
        return (found is not None and found != last.id and last.id not in self.things and alone.safety is Safety.NONE
                and not follow_ups.refers_back(words) and alone.match.score >= self.threshold + self.policy.clear
                and follow_ups.titled_elsewhere(words, last, found))

    def _asks_of_exercise(self, alone: Reading, words: list[str], last: Entry) -> bool:
        """Whether a follow-up asking nothing of its own after an answer about programming (a goal's sets and reps,
        rest, load) points back only with "it" or "this", which then mean the exercise, and reads alone as an
        entry about something else ("what does it do" after the programme for endurance: what the exercise is), so
        it is answered as that question, not with the programme again; "for it" is what was asked for ("so wat do i
        actually do for it" after the programme for movement integrity)."""
        found = alone.match.entry_id
        return (last.id in self.goal_family and found is not None and found != last.id and found not in self.goal_family
                and alone.safety is Safety.NONE and self.follow_ups.points_back(words)
                and not self.follow_ups.refers_back(words) and not self.follow_ups.aims_at_it(words))

    def _checks_a_figure(self, alone: Reading, text: str, last: Entry) -> bool:
        """Whether a question answered by nothing on its own checks a figure of its own against an answer giving
        figures ("so 4x10 is the most i should be doing?" after the sets for strength, "how long tho like 2 min?"
        after the rest, "so like 50 yrs ago?" after the 1970s): a yes or no about that answer; a near miss or a
        health concern never."""
        return (alone.match.entry_id is None and alone.gap is None and alone.safety is Safety.NONE
                and self.normalizer.is_question(text) and FIGURE.search(text) is not None and FIGURE.search(last.answer) is not None)

    def _figure_not_given(self, alone: Reading, text: str, last: Entry) -> str | None:
        """What a follow-up read alone as nothing asks when it asks a figure in a unit the last answer gives none in,
        nor any of the message's figures ("as needed?? like 2 min or what" after the rest, "ok how many seconds tho"
        after the isometric hold, which gives no hold time: "an exact time in minutes"; "slightly is how much, like 20
        degrees" after bending the knees: "an exact angle in degrees"; "like 70% of my max?" after the sets for
        strength): the articles do not give it; None when it does ("90 enough or go 2 min" after the 45–90 s for
        growth), for "how long" (asked of that answer, which says it: "how long tho like 2 min?" after "as needed"),
        for a longer message telling a figure ("i sit at a desk 10 hrs a day"), or for any other message."""
        if alone.match.entry_id is not None or alone.gap is not None or alone.safety is not Safety.NONE:
            return None
        words = self.normalizer.words(text)
        if len(words) > FIGURE_CHECK_WORDS or "how long" in " ".join(words):  # "how long tho like 2 min?": that answer
            return None
        lowered = text.lower()
        said = f"{last.answer} {last.details}".lower()
        if not set(NUMBER.findall(lowered)).isdisjoint(NUMBER.findall(said)):
            return None
        units = sorted({UNIT_NAMES[(m.group(1) or m.group(2))[0]] for m in UNIT_ASKED.finditer(lowered)})
        if units:
            given = any(UNIT_GIVEN[unit].search(said) for unit in units)
            return None if given else "an exact time in " + " or ".join(f"{unit}s" for unit in units)
        if not self.follow_ups.judges(WORD.findall(lowered)):  # "so like 90% of my max is too much?" checks that answer
            return next((about for about, unit in MEASURES.items() if unit.search(lowered) and not unit.search(said)), None)
        return None

    def _asks_how(self, words: list[str], last: Entry) -> bool:
        """Whether a follow-up asks why or how what the last answer reports works ("why?", "how come, what does it
        do for the spine" after rehab) and another entry explains it (the answer's `because`: the decompression),
        rather than the answer's own longer explanation."""
        follow_ups = self.follow_ups
        return (bool(last.because) and not last.details and (follow_ups.asks_more_of_it(words) or follow_ups.asks_why(words))
                and follow_ups.explained_by(words, last, last.because))

    def _timed(self, alone: Reading, words: list[str], context: Context) -> bool:
        """Whether a message, a question or not, asks how soon something shows that the last answer dates in
        weeks or months ("how long till i notice" after better hip extension: "in a few weeks"; "n til ppl
        notice lol" after the glutes' shape); a health concern never."""
        last = self.kb.entries.get(context.entry or "")
        return last is not None and alone.safety is Safety.NONE and SPAN.search(last.answer) is not None \
            and self.follow_ups.asks_how_soon(words, last)

    def _located(self, words: list[str], last: Entry) -> str | None:
        """The entry a follow-up asking where the thing just answered is ("where are those exactly", "how many
        places does it attach") is answered by: when the last answer says nowhere (what the erectors do), the
        first of its related entries in its topic group that does (the erector spinae along the spine, the three
        hamstrings, the gluteus maximus's anchors); else None."""
        if not self.follow_ups.asks_where_of_it(words) or tells_where(last, self.kb.entries):
            return None
        return next((e for e in last.related if e in self.kb.entries and self.groups.get(e) == last.group
                     and tells_where(self.kb.entries[e], self.kb.entries)), None)

    def _grouped(self, words: list[str], last: Entry) -> str | None:
        """The entry listing the things a follow-up asking which ones they are means ("which ones exactly" after what the
        erectors do), when the last answer lists none: the first of its related entries in its topic group that lists
        them (the erector spinae's three muscles); else None."""
        if last.parts or not self.follow_ups.asks_which_ones(words):
            return None
        return next((e for e in last.related if e in self.listers and self.groups.get(e) == last.group), None)

    def _counted(self, words: list[str], last: Entry) -> str | None:
        """The entry listing things whose count a follow-up asks, naming nothing it counts: the last answer
        when it lists them ("so how many is that" after the three hamstrings), or the one listing it ("whats
        the count" after the biceps femoris: the hamstrings); else None."""
        owner = lister(last, self.kb.entries)
        return owner.id if owner is not None and self.follow_ups.asks_count(words) else None

    def _counted_there(self, alone: Reading, words: list[str], last: Entry) -> bool:
        """Whether a question read alone as programming (sets, reps, rest, load) points back at the last
        answer ("that", "those") or is worded from it, about something else linked to no goal's programme
        and giving a count of reps, sets or times of its own ("how many reps of that" after the floor version
        lifting legs and chest, done 15-20 times; "how many reps b4 i move to the bench" after the floor
        hyperextension; not after the glutes' shape, whose counts are the programme for growth's, nor after
        a study's year)."""
        return (alone.match.entry_id in self.goal_family and last.id not in self.goal_family
                and linked_goal(last, self.programmes, self.goal_family) is None
                and (self.follow_ups.refers_back(words) or self.follow_ups.told_in(words, last)) and COUNT.search(last.answer) is not None)

    def _named_linked(self, words: list[str], last: Entry, likely: Mapping[str, float]) -> str | None:
        """The one entry linked to the last answer that a follow-up asking for more names, by its title
        ("anything else about the machine itself" after its history) or by a word its answer says and
        the last answer does not ("explain that pumping thing more" after rehab: the decompression)."""
        linked = self.linked[last.id]
        return self.follow_ups.titled(words, last, linked, likely) or self.follow_ups.named_among(words, last, linked)

    def _termed(self, words: list[str], last: Entry) -> str | None:
        """The entry explaining a term of the answers that a follow-up asking for more names ("the pumping mechanism
        bit, more detail?" after lower back health: the decompression), when the last answer neither says it nor is one
        of those explaining it; else None ("more on the pendulum part" after the steps, which explain it, stays on them;
        "why should i care about hip extension" after better hip extension asks more of that answer)."""
        term = self.reader.term_named(words)
        if term is None or not term.entries or last.id in term.entries or \
                re.search(rf"\b{re.escape(term.words)}\b", f"{last.title} {last.answer}".lower()):
            return None
        return term.entries[0]

    def _picked(self, words: list[str], last: Entry, likely: Mapping[str, float]) -> str | None:
        """The thing a follow-up picks (not by place: "the first one") among those the last answer
        named or sits beside, by its title ("what about the machine-free one" after the variations), or
        among those it listed, by its answer ("and the one for mobility?"); or, after one thing of a
        list, a preference swapped ("and if i want mobility instead" after tempo hypers), the other thing
        of that list whose answer names it (the banded one); else None."""
        follow_ups = self.follow_ups
        if follow_ups.picks_one(words) and not follow_ups.place(words):
            named = follow_ups.naming(words)
            among = tuple(dict.fromkeys((*last.parts, *self.linked[last.id])))
            best = max(likely, key=lambda e: likely[e], default=None)
            # asking more of it ("go deeper on the biceps femoris one") needs less than a case of its own ("does that go
            # for the floor ones too" after going explosive stays on it)
            bar = self.policy.stands if follow_ups.asks_more_of_it(words) else self.policy.clear
            if best is not None and best not in among and best not in self.goal_family and best != last.id \
                    and likely[best] >= self.threshold + bar \
                    and follow_ups.titles_all(named, best):  # "go deeper on the biceps femoris one" after what the hamstrings do
                return best
            return follow_ups.titled(named, last, among, likely) or follow_ups.named_among(named, last, last.parts)
        owner = lister(last, self.kb.entries)
        if owner is None or owner is last or not follow_ups.swaps(words):
            return None
        return follow_ups.named_among(words, last, tuple(p for p in owner.parts if p != last.id))

    def _concern_in_context(self, alone: Reading, text: str, last: Entry, found: str) -> float:
        """The score in context of the entry a health question worded from the last answer asks about
        ("could that mess up my discs" after how high to lift the legs, whose answer warns of the
        discs): read with that answer's title it fits clearly, so the doctor-first line keeps that
        answer rather than the general advice on medical care; 0 for any other message."""
        if alone.safety is Safety.NONE or not self.normalizer.is_question(text):
            return 0.0
        in_context = self.reader.candidates(along(text, Context(last.id), last.title, True))
        return max((c.score for c in in_context if c.entry_id == found), default=0.0)

    def _goal_named(self, text: str, alone: Reading) -> str | None:
        """The goal a message names when the goal reader is sure of it or the message reads as that
        goal's programme too ("i want a bigger butt"), so "how long to rest" or "should i look up or
        down" never switch the programme."""
        found = alone.match.entry_id
        if found not in self.goal_family and found is not None and alone.match.score >= self.threshold + self.policy.clear:
            return None  # "what about warming up": clearly about something else (the goal reader need not run)
        goal, odds = self.talk.label("goals", self.normalizer.spelt(unnegated(self.normalizer.words(text))))  # not "not grow"
        programme = self.programmes.get(goal)
        read_as = max((c.score for c in alone.candidates if c.entry_id == programme), default=0.0)
        if any(c.score > read_as for c in alone.candidates if c.entry_id in self.goal_family):
            read_as = 0.0  # read more as another programming entry ("reps?": the reps), it names no goal of its own
        return goal if programme is not None and goal_counts(odds, read_as, self.policy) else None

    def context_after(self, entry: str | None, context: Context, goal: str | None = None) -> Context:
        """What the conversation is about once `entry` is answered (a question, or a tapped topic):
        that entry, and the goal named, or the entry's own goal (a programme, or the one programme it
        links), or the last one."""
        own = next((g for g, e in self.programmes.items() if e == entry), None)
        linked = linked_goal(self.kb.entries.get(entry or ""), self.programmes, self.goal_family)
        return Context(entry or context.entry, goal or own or linked or context.goal)


def by_goal(kb: KnowledgeBase, programmes: Mapping[str, str], family: AbstractSet[str]) -> frozenset[str]:
    """The goals' entries whose answer goes by the goal: the programmes, and the general ones naming at least two
    goals (the reps, the rest, the load: each goal's figure), not asking a trainer, which names none."""
    words = {goal: set(kb.entries[entry].title.lower().split()) for goal, entry in programmes.items() if entry in kb.entries}
    shared = set.intersection(*words.values()) if words else set()
    named = {goal: own - shared for goal, own in words.items()}  # "strength", "muscle growth", "movement integrity"

    def goals_named(entry: Entry) -> int:
        said = set(re.findall(r"\w+", entry.answer.lower()))
        return sum(1 for own in named.values() if own & said)

    general = {e for e in family if e in kb.entries and goals_named(kb.entries[e]) >= 2}
    return frozenset(general | set(programmes.values()))


def leaning(alone: Reading) -> str | None:
    """The entry a message read alone leans to though too weakly to be answered with it (its best
    candidate, at least as likely as a suggestion: "stabilty bal ok?" and the stability ball), else None."""
    best = alone.candidates[0] if alone.candidates else None
    return best.entry_id if best is not None and best.score >= SUGGESTION_FLOOR else None


def linked(entry: Entry, kb: KnowledgeBase) -> tuple[str, ...]:
    """The entries related to `entry` either way: its own related entries, then those that name it as
    theirs (the study that found what an answer says: "which study showed that" after the erectors)."""
    return (*entry.related, *(other.id for other in kb.entries.values() if entry.id in other.related and other.id not in entry.related))
