"""The understanding layer: how the bot reads one message.

A message is cleaned and spelt (knowledge.spelling), normalised with the lexicon, then read by
- the learned topic ranker (knowledge.ranker): which entry, near-miss topic or "not ours" it is;
- rapidfuzz's fuzzy scores over the curated phrasings (knowledge.matcher);
- the safety detector (knowledge.safety), on every message;
- the talk readers (knowledge.intents): intents, typed yes/no answers, goals, check-in replies,
  closing words and replies to a safety-check question (with knowledge.screening's words), for the
  dialogues.
The ranker's probability and the fuzzy score are fused into one 0-100 score per entry. The bot
answers the best entry when that score clears the threshold and "not ours" is not the likelier
reading; a near-miss topic gets its own "the articles don't cover that" reply.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from knowledge.build import Model, cached_model, inputs_hash, train
from knowledge.clauses import WH_WORDS, clauses
from knowledge.context import Context, ContextPolicy, along, choose, for_goal, goal_counts, goal_switch, lister, named_part, through_related
from knowledge.features import Vector
from knowledge.followups import FollowUpWords
from knowledge.fusion import LONG_MESSAGE, SUGGESTION_FLOOR, Candidate, Evidence, Match, Policy, decide
from knowledge.intents import Answer, Intent
from knowledge.languages import Languages, load_languages
from knowledge.loader import CONTENT_DIR, load_knowledge
from knowledge.matcher import Matcher
from knowledge.model import Entry, KnowledgeBase
from knowledge.normalize import Normalizer, load_lexicon, other_script
from knowledge.safety import Safety, SafetyDetector, load_safety_lexicon
from knowledge.screening import ScreeningWords, TypedReply, load_screening_words
from knowledge.spelling import Fix, load_english
from knowledge.training import NOT_OURS, Gap, load_gaps, load_training

LEARNED_CANDIDATES = 20  # the ranker's likeliest entries that are fused (the rest are ~0)
RECENT = 256  # readings kept, so the coach's several looks at one message cost one read
SAYS_SOMETHING = 5.0  # a message whose best candidate scores below this says nothing of its own ("null", "asdkjhasd")
# A health concern told beside a question ("how many reps for strength btw my knee is a bit sore"):
# the question's own clause is answered (after the doctor-first line) when it is worded as a question
# and reads this far above the threshold alone. Only a wh-question counts: a yes/no question beside
# a concern ("can i do heavy rh", "does this count", "are these safe now") asks whether it is safe for
# them, which is the doctor's call and stays with medical care (on our development sets' concerns,
# 11 of 19 clauses this rule would answer were yes/no questions of that kind).
BESIDE_CONCERN = 25.0
GREETING_WORDS = 3  # the longest greeting looked for before a question


@dataclass(frozen=True)
class Reading:
    """Everything the bot understood of one message."""

    match: Match
    safety: Safety = Safety.NONE
    gap: Gap | None = None
    fixes: tuple[Fix, ...] = ()
    candidates: tuple[Candidate, ...] = ()
    not_ours: float = 0.0
    safety_odds: tuple[float, ...] = ()
    context: Context = Context()  # what the conversation is about after this message
    again: bool = False  # a follow-up asking for more about the entry just answered ("why?")
    each: tuple[str, ...] = ()  # a follow-up asking about each thing the last answer listed: those entries
    gap_odds: float = 0.0  # how likely the ranker finds the near miss read (`gap`)


class Understanding:
    """Reads messages with the fuzzy matcher, the learned model and the safety detector."""

    def __init__(self, matcher: Matcher, model: Model, safety: SafetyDetector, gaps: dict[str, Gap],
                 policy: Policy = Policy(), context_policy: ContextPolicy = ContextPolicy(),
                 screening: ScreeningWords = ScreeningWords(), languages: Languages = Languages()) -> None:
        self.matcher = matcher
        self.kb = matcher.kb
        self.model = model
        self.safety = safety
        self.gaps = gaps
        self.policy = policy
        self.context_policy = context_policy
        self.screening = screening
        self.languages = languages
        self._recent: dict[tuple[str, float, Context], Reading] = {}  # the coach reads a message more than once
        self.programmes = {goal: p.entry for goal, p in self.kb.prescriptions.items()}
        self.goal_family = _goal_family(self.kb, set(self.programmes.values()))
        self.groups = {e.id: e.group for e in self.kb.entries.values()}
        self.listers = frozenset(e.id for e in self.kb.entries.values() if e.parts)
        self.follow_ups = FollowUpWords(matcher.normalizer, self.kb)

    @property
    def threshold(self) -> float:
        """The fused score below which the bot declines."""
        return self.policy.threshold

    def match(self, text: str, margin: float = 0.0) -> Match:
        """The entry a message asks about (None to decline), with the runners-up."""
        return self.read(text, margin).match

    def read(self, text: str, margin: float = 0.0, context: Context | None = None) -> Reading:
        """Read one message, in the context of the conversation if given; `margin` raises the bar
        (for text that may be misheard)."""
        key = (text, margin, context or Context())
        reading = self._recent.get(key)
        if reading is None:
            if len(self._recent) >= RECENT:
                self._recent.clear()
            reading = self._recent[key] = self.read_in_context(text, margin, context or Context())
        return reading

    def read_in_context(self, text: str, margin: float, context: Context) -> Reading:
        """A follow-up read against the conversation (see knowledge.context); the reading keeps
        the context for the next message."""
        words = self.matcher.normalizer.words(text)
        question = self.follow_ups.new_topic(words)  # "random but <question>": read without the opener
        asked = question or self._after_greeting(words)  # "good morning coach, how many sets"
        alone = self.read_uncached(" ".join(asked) if asked else text, margin)
        beside = self._asked_beside(text, margin) if alone.safety is Safety.DOCTOR else None
        alone = replace(alone, match=beside, gap=None) if beside else alone  # "how many reps btw my knee hurts"
        goal = self._goal_named(text, alone)
        follows = bool(context) and question is None and (self._may_follow(alone, text, words) or self._told(alone, words, context))
        chosen = self._follow(alone, text, words, margin, context, goal) if follows else alone
        if chosen.gap is not None and chosen.match.entry_id is None:  # a near miss moves the conversation on
            return replace(chosen, context=Context(None, goal or context.goal))
        about = context.entry if chosen.each else chosen.match.entry_id
        return replace(chosen, context=self.context_after(about, context, goal))

    def says_something(self, text: str) -> bool:
        """Whether a message has words of its own to match ("are good mornings similar"), unlike
        "how are you" or "null"."""
        return _says_something(self.read(text))

    def after_greeting(self, text: str) -> str | None:
        """The question asked after a greeting ("morning! how many sets"), else None."""
        rest = self._after_greeting(self.matcher.normalizer.words(text))
        return " ".join(rest) if rest else None

    def _after_greeting(self, words: list[str]) -> list[str] | None:
        """The question after a greeting of up to three words ("morning coach how many sets"), else None
        (looked for only when the first three words read as one: one read for most messages)."""
        if len(words) < 2 or self.model.talk.intent(words[:GREETING_WORDS]) is not Intent.GREETING:
            return None  # most messages stop here, unspelt (spelling costs more than the read)
        spelt = self.matcher.normalizer.spelt(words[:GREETING_WORDS])  # talk reads words as meant: "isometirc hold" is none
        if self.model.talk.intent(spelt) is not Intent.GREETING:
            return None
        for size in range(1, min(GREETING_WORDS, len(words) - 1) + 1):  # the shortest greeting: "morning how many" is one too
            rest = words[size:]
            if self.model.talk.intent(spelt[:size]) is Intent.GREETING and self.matcher.normalizer.is_question(" ".join(rest)):
                return rest
        return None

    def _may_follow(self, alone: Reading, text: str, words: list[str]) -> bool:
        """Whether a message that opens no new topic can be a follow-up at all: a health concern ("i
        have a herniated disc") or a near miss the articles do not cover ("is the gym open on sunday")
        only when it points back ("does it help with soreness too?"), so a disclosure never gets the
        last programme; and it says something: a question, words of its own to match, or a follow-up's
        words ("why", "the 2nd one"), not "null", "yes", "🙂" or "9999"."""
        if (alone.safety is not Safety.NONE or alone.gap is not None) and not self.follow_ups.points_back(words):
            return False
        if alone.gap is not None and alone.gap_odds >= self.context_policy.near_miss and not self.follow_ups.refers_back(words):
            return False  # "can i do it every day": surely a near miss whatever "it" is
        question = self.matcher.normalizer.is_question(text)
        return bool(words) and (_says_something(alone) or question or self.follow_ups.asks_for_more(words, question))

    def _follow(self, alone: Reading, text: str, words: list[str], margin: float, context: Context,
                goal: str | None) -> Reading:
        """The reading of a message (and its cleaned `words`) in a conversation: alone, or in context
        when that reads better."""
        last = self.kb.entries.get(context.entry or "")
        about_last = self._about_last(alone, text, words, last) if last is not None else None
        if about_last is not None:
            return about_last
        found = alone.match.entry_id
        candidates = alone.candidates
        declined = found is None and (alone.match.off_topic or alone.not_ours >= self.context_policy.not_ours)
        if last is not None and not declined:
            found, candidates = self._switched(alone, text, words, margin, context, goal, last)
        if last is not None and found == last.id:
            found = named_part(last, [(c.entry_id, c.score) for c in alone.candidates], SUGGESTION_FLOOR) or found
        if last is not None and found != last.id and self.follow_ups.refers_back(words):
            found = through_related(found, self.groups, last.related, {c.entry_id: c.score for c in alone.candidates}, self.listers)
        found = for_goal(found, context, goal is not None, self.programmes, self.goal_family)
        if found == alone.match.entry_id:
            return alone
        score = next((c.score for c in candidates if c.entry_id == found), self.threshold)
        return replace(alone, match=replace(alone.match, entry_id=found, score=score), candidates=candidates)

    def _switched(self, alone: Reading, text: str, words: list[str], margin: float, context: Context, goal: str | None,
                  last: Entry) -> tuple[str | None, tuple[Candidate, ...]]:
        """The entry (and candidates) of a message read in context when that reads better (a goal's
        programme, the context's best), the last answer when the message is worded from it, else
        the reading alone's; a message naming the exercise itself is about the exercise."""
        in_context = self.read_uncached(along(text, context, last.title, goal is not None), margin)
        switched = goal_switch(context, goal, alone.match.entry_id, self.programmes, self.goal_family)
        if switched is None and not self.follow_ups.names_exercise(words):  # not "how do i actually do a reverse hyper"
            switched = choose((alone.match.entry_id, alone.match.score), [(c.entry_id, c.score) for c in in_context.candidates],
                              set(last.related), self.threshold + margin, self.context_policy,
                              [(c.entry_id, c.score) for c in alone.candidates])
        if switched:
            return switched, in_context.candidates
        if self._told(alone, words, context):  # "which side of the knee" after the biceps femoris
            return last.id, alone.candidates
        return alone.match.entry_id, alone.candidates

    def _told(self, alone: Reading, words: list[str], context: Context) -> bool:
        """Whether a message read alone weakly (no health concern) is worded from the last answer, so
        it asks about that answer ("which side of the knee" after the biceps femoris)."""
        last = self.kb.entries.get(context.entry or "")
        told = self.context_policy.told
        return (last is not None and told is not None and alone.safety is Safety.NONE
                and alone.match.score < self.threshold + told and self.follow_ups.told_in(words, last))

    def _about_last(self, alone: Reading, text: str, words: list[str], last: Entry) -> Reading | None:
        """The reading of a follow-up about the last answer itself: asking for more of it ("why?"),
        about each or one of the things it listed, or about its own words ("do i need bands for
        it"); None for any other message."""
        follow_ups = self.follow_ups
        if follow_ups.asks_for_more(words, self.matcher.normalizer.is_question(text)) or follow_ups.names_listed(words, last):
            listed = follow_ups.listed(words, last, lister(last, self.kb.entries))
            more = follow_ups.asks_more_of_it(words)
            if not (listed or more) and alone.match.score >= self.threshold + self.context_policy.clear:
                return None  # "how do i do it", "whats it good for": clear alone, "it" is the exercise
            return replace(alone, match=replace(alone.match, entry_id=(listed or (last.id,))[0], score=self.threshold),
                           again=not listed and (more or bool(last.details)), each=listed if len(listed) > 1 else ())
        if self.follow_ups.answered_by(words, last):
            return replace(alone, match=replace(alone.match, entry_id=last.id, score=max(alone.match.score, self.threshold)))
        return None

    def _goal_named(self, text: str, alone: Reading) -> str | None:
        """The goal a message names when the goal reader is sure of it or the message reads as that
        goal's programme too ("i want a bigger butt"), so "how long to rest" or "should i look up or
        down" never switch the programme."""
        goal, odds = self.model.talk.label("goals", self._spelt(text))
        programme = self.programmes.get(goal)
        found = alone.match.entry_id
        if found not in self.goal_family and found is not None and alone.match.score >= self.threshold + self.context_policy.clear:
            return None  # "what about warming up": clearly about something else
        read_as = max((c.score for c in alone.candidates if c.entry_id == programme), default=0.0)
        return goal if programme is not None and goal_counts(odds, read_as, self.context_policy) else None

    def context_after(self, entry: str | None, context: Context, goal: str | None = None) -> Context:
        """What the conversation is about once `entry` is answered (a question, or a tapped topic):
        that entry, and the goal named, or the entry's own goal (a programme), or the last one."""
        goal = goal or next((g for g, e in self.programmes.items() if e == entry), None) or context.goal
        return Context(entry or context.entry, goal)

    def read_uncached(self, text: str, margin: float = 0.0) -> Reading:
        """Read one message afresh (what `read` caches; benchmarks time this)."""
        normalizer = self.matcher.normalizer
        words = normalizer.words(text)
        spelt, tokens = normalizer.spelt(words), normalizer.tokens_of(words)
        vector = self.model.vocabulary.vector(spelt, tokens)
        odds = tuple(self.safety.odds(spelt, tokens))
        level = self.safety.level(" ".join(spelt), odds, typed=" ".join(words))
        fixes = tuple(normalizer.speller.fixes(words)) if normalizer.speller else ()
        if not tokens or all(map(normalizer.is_generic, tokens)):  # "why?", "tell me more": nothing to match alone
            return Reading(Match(None, 0.0), level, fixes=fixes, safety_odds=odds)
        if len(words) == 1 and self.model.talk.answer(spelt) is not None:  # "no", "yep": an answer, not a question
            return Reading(Match(None, 0.0), level, fixes=fixes, safety_odds=odds)
        evidence = self.evidence(tokens, vector)
        decision = decide(evidence, self.policy, evidence.entries(self.kb.entries), self.gaps.values(), margin)
        return Reading(decision.match, level, decision.gap, fixes, decision.candidates,
                       evidence.learned.get(NOT_OURS, 0.0), odds,
                       gap_odds=evidence.learned.get(decision.gap.id, 0.0) if decision.gap else 0.0)

    def _asked_beside(self, text: str, margin: float) -> Match | None:
        """The match of a question told beside a health concern, read on its own clause; None when
        no clause without the concern is a clear question of ours."""
        best: Match | None = None
        for clause in clauses(text):
            if not WH_WORDS.intersection(self.matcher.normalizer.words(clause)[:2]):
                continue
            alone = self.read_uncached(clause, margin)
            bar = self.threshold + margin + BESIDE_CONCERN
            if alone.safety is Safety.NONE and alone.match.entry_id and alone.match.score >= max(bar, best.score if best else 0):
                best = alone.match
        return best

    def other_language(self, text: str) -> bool:
        """Whether a message is written in another language than English (any script)."""
        normalizer = self.matcher.normalizer
        speller = normalizer.speller
        return other_script(text) or (speller is not None and self.languages.other(normalizer.words(text), speller.knows))

    def intent(self, text: str) -> Intent | None:
        """What a message asks the bot to do (plan, show sessions, forget me...), None for a
        question or chat."""
        return self.model.talk.intent(self._spelt(text))

    def answer(self, text: str) -> Answer | None:
        """A typed yes / no / not sure in any words, else None."""
        return self.model.talk.answer(self._spelt(text))

    def goal(self, text: str) -> str | None:
        """The training goal a message names ("strength", "hypertrophy", "endurance", "mobility")."""
        return self.model.talk.goal(self._spelt(text))

    def checkin(self, text: str) -> str | None:
        """Which of a reminder's buttons a typed reply stands for ("done", "snooze", "skip", "unwell"):
        a question ("what if I skip?") is none of them (it gets answered), and a health concern that
        reads as none of them ("came down with the flu") is "unwell"."""
        if "?" in text:
            return None
        label = self.model.talk.checkin(self._spelt(text))
        return "unwell" if label is None and self.read(text).safety is not Safety.NONE else label

    def closes(self, text: str) -> bool:
        """Whether a message closes the screen shown, changing nothing ("that's all", "leave it")."""
        return self.model.talk.closes(self._spelt(text))

    def typed_reply(self, text: str, question_id: str) -> TypedReply:
        """How a typed reply reads at one safety-check question (see knowledge.screening); topic
        words are looked for as typed and as spelt ("diabetis")."""
        words = self.matcher.normalizer.words(text)
        spelt = self.matcher.normalizer.spelt(words)
        named = self.screening.named(" ".join(words)) + self.screening.named(" ".join(spelt))
        named += [q for q in [self.screening.about_age(words)] if q]  # "im 17" at another question
        return TypedReply(self.model.talk.screening(spelt), self.screening.lead(words), question_id in named,
                          next((q for q in named if q != question_id), None),
                          " ".join(words) in self.screening.acknowledgements,
                          self.screening.by_age(question_id, words), self.matcher.normalizer.is_question(text))

    def _spelt(self, text: str) -> list[str]:
        """A message's words, typos corrected."""
        normalizer = self.matcher.normalizer
        return normalizer.spelt(normalizer.words(text))

    def evidence(self, tokens: list[str], vector: Vector) -> Evidence:
        """Each component's reading of a message: the ranker's likeliest classes (and always "not
        ours" and the near misses), and rapidfuzz's scores."""
        ranker = self.model.topics
        probs = ranker.probabilities(vector)
        likeliest = np.argpartition(-probs, LEARNED_CANDIDATES)[:LEARNED_CANDIDATES] \
            if len(probs) > LEARNED_CANDIDATES else range(len(probs))
        learned = {ranker.labels[i]: float(probs[i]) for i in likeliest}
        for label in (NOT_OURS, *self.gaps):
            learned[label] = float(probs[ranker.index[label]]) if label in ranker.index else 0.0
        return Evidence(" ".join(tokens), learned, dict(self.matcher.fuzzy_scores(tokens)),
                        self.matcher.about_something_else(tokens), len(tokens) >= LONG_MESSAGE)


def _says_something(reading: Reading) -> bool:
    """Whether a reading's best candidate scores as words of their own ("null", "how are you" do not)."""
    return bool(reading.candidates) and reading.candidates[0].score >= SAYS_SOMETHING


def _goal_family(kb: KnowledgeBase, programmes: set[str]) -> set[str]:
    """The entries about goals: those in the topic group of the goals' programmes."""
    groups = {kb.entries[p].group for p in programmes if p in kb.entries}
    return {e.id for e in kb.entries.values() if e.group in groups}


def load_understanding(cache_dir: Path, content_dir: Path | None = None,
                       threshold: float | None = None, rebuild: bool = False) -> Understanding:
    """Load the content and the cached model (building it when the content changed, or `rebuild`)."""
    content_dir = content_dir or CONTENT_DIR
    kb = load_knowledge(content_dir)
    english = load_english()
    matcher = Matcher(kb, Normalizer(load_lexicon()), english)
    model = cached_model(cache_dir, inputs_hash(content_dir), lambda: train(load_training(kb), matcher.normalizer), rebuild)
    policy = Policy() if threshold is None else replace(Policy(), threshold=threshold)
    return Understanding(matcher, model, SafetyDetector(load_safety_lexicon(), model.safety, model.safety_vocabulary), load_gaps(), policy,
                         screening=load_screening_words(), languages=load_languages(english))
