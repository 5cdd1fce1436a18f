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
reading; a near-miss topic gets its own "the articles don't cover that" reply, and so does a
question asking its entry for a detail the entry does not give (knowledge.details). After an answer, a
message is also read in the conversation (knowledge.followup_reader).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from pathlib import Path

import numpy as np

from knowledge.build import Model, cached_model, inputs_hash, model_path, train
from knowledge.clauses import asks, clauses
from knowledge.context import Context, ContextPolicy
from knowledge.details import Details, MissingDetails, Term, load_details
from knowledge.embeddings import Embedder, load_embedder
from knowledge.features import Vector
from knowledge.followup_reader import FollowUpReader
from knowledge.fusion import LONG_MESSAGE, Candidate, Decision, Evidence, Match, Policy, decide
from knowledge.intents import POLITE, SMALL_TALK, TOLD_DONE, Answer, Intent, asks_the_bot
from knowledge.languages import Languages, load_languages
from knowledge.loader import CONTENT_DIR, load_knowledge
from knowledge.matcher import Matcher
from knowledge.model import KnowledgeBase
from knowledge.normalize import Normalizer, load_lexicon, other_script
from knowledge.patterns import compile_all
from knowledge.plan_cues import PlanCues, load_plan_cues
from knowledge.plan_edits import (
    loose_cancel,
    loose_edit,
    loose_move,
    loose_skip,
    new_goal_side,
    plan_clauses,
    recast,
    without_complaint,
    without_kept,
)
from knowledge.plan_names import spelt_goal
from knowledge.plan_request import PlanRequest
from knowledge.reading import Reading as Reading  # re-exported: the readers import it from here
from knowledge.reading import says_something
from knowledge.safety import (
    Safety,
    SafetyDetector,
    in_first_person,
    load_safety_lexicon,
    load_safety_words,
    names_someone_else,
    of_someone_else,
    turns_to_oneself,
)
from knowledge.screening import ScreeningWords, TypedReply, load_screening_words
from knowledge.spelling import ENGLISH_MIN_COUNT, INFLECTED_MIN_COUNT, load_english
from knowledge.training import NOT_OURS, Gap, load_gaps, load_training
from scheduler.words import with_colons

LEARNED_CANDIDATES = 20  # the ranker's likeliest entries that are fused (the rest are ~0)
RECENT = 256  # readings kept, so the coach's several looks at one message cost one read
GREETING_WORDS = 3  # the longest greeting looked for before a question or a request
# how surely the words after a greeting must read as a request for it to be acted on ("hello coach i want start trainings":
# "i want start trainings" reads 0.75 as planning)
REQUEST_AFTER_GREETING = 0.6
CHATTER = frozenset({*SMALL_TALK, Intent.ACK})  # what a greeting's own words read as ("hi" | "how are you", "hey" | "ok")
ROUGH_TIME = re.compile(r"^(\d{1,4}(?::\d\d)?(?:am|pm)?)-?ish$")  # "7ish", "6:30ish", "7pm-ish": a time said roughly
SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+")  # where a message's sentences end
SENTENCE_WORDS = 3  # a shorter sentence ("ok.", "lol!") is no question of its own
# a check-in reply that ends by asking for another time alone ("so sore from legs day, tomorrow?", "busy rn... later?"): a
# request to move the session (skip today, or snooze), not a question to answer
PROPOSED_TIME = re.compile(r"(?:^|[\s,.;!:-])(?:(?:maybe|or|how about|what about)\s+)?(?:tomorrow|tmrw|tmr|tonight|later(?:\s+on)?"
                           r"|this evening|another day|next time|the day after)\s*\?+\W*$", re.IGNORECASE)


class Understanding:
    """Reads messages with the fuzzy matcher, the learned model and the safety detector."""

    def __init__(self, matcher: Matcher, model: Model, safety: SafetyDetector, gaps: dict[str, Gap],
                 policy: Policy = Policy(), context_policy: ContextPolicy = ContextPolicy(),
                 screening: ScreeningWords = ScreeningWords(), languages: Languages = Languages(),
                 details: Details = Details(), safety_normalizer: Normalizer | None = None,
                 plan_cues: PlanCues = PlanCues(), lexical_normalizer: Normalizer | None = None) -> None:
        self.matcher = matcher
        self.safety_normalizer = safety_normalizer or matcher.normalizer  # its speller heeds health words
        # the safety lexicon's: heeds health words and keeps rarer English inflections ("twitches"); the classifier,
        # trained on the safety normaliser's reading, reads that (a retraining moves its knife-edge readings)
        self.lexical_normalizer = lexical_normalizer or self.safety_normalizer
        self.kb = matcher.kb
        self.model = model
        self.safety = safety
        self.gaps = gaps
        self.policy = policy
        self.context_policy = context_policy
        self.screening = screening
        self.plan_cues = plan_cues  # a schedule told as the routine from now on
        self.languages = languages
        self.details = MissingDetails(details, self.kb, matcher.normalizer)
        self._recent: dict[tuple[str, float, Context], Reading] = {}  # the coach reads a message more than once
        self._recent_alone: dict[tuple[str, float], tuple[tuple[str, ...], Reading, bool]] = {}  # and in two contexts
        self.programmes = {goal: p.entry for goal, p in self.kb.prescriptions.items()}
        self.goal_family = _goal_family(self.kb, set(self.programmes.values()))
        self.conversation = FollowUpReader(self, self.kb, matcher.normalizer, model.talk, self.programmes, self.goal_family,
                                           matcher.asked)
        self.follow_ups = self.conversation.follow_ups

    def warm_up(self) -> None:
        """Do now what the first messages would otherwise pay for (scanning and compiling the safety
        lexicon's patterns, some 0.2 s, the plan readers' and the details' patterns and the talk readers'
        taught words): a bot that has started calls it off the critical path."""
        self.safety.lexicon.warm_up()
        compile_all()
        self.details.warm_up()
        self.model.talk.taught  # noqa: B018 - a cached property, computed here once

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

    def forget_readings(self) -> None:
        """Drop the readings kept (after a benchmark changes a classifier or a policy)."""
        self._recent.clear()
        self._recent_alone.clear()

    def read_in_context(self, text: str, margin: float, context: Context) -> Reading:
        """A follow-up read against the conversation (see knowledge.context); the reading keeps
        the context for the next message."""
        words, alone, opened = self._alone(text, margin)
        return self._meant(self.conversation.read(alone, text, list(words), margin, context, opened=opened), text, words, context)

    def _meant(self, reading: Reading, text: str, words: tuple[str, ...], context: Context) -> Reading:
        """A message asking only what a word of the answers means ("what does hip extension mean", "whats a GHD"):
        the entry that explains it (kept when the message already reads as one), or, when no answer explains it,
        the near miss that says so, offering the entry it read as; the conversation stays on its topic."""
        same = self.details.same_as_other(list(words)) if reading.safety is Safety.NONE else None
        if same is not None and same in self.kb.entries:  # "is it the same as a back extension": what ours is
            match = replace(reading.match, entry_id=same, score=max(reading.match.score, self.threshold))
            return replace(reading, match=match, gap=None, again=False, each=(), context=self.context_after(same, context))
        term = self.details.term_asked(list(words), text) if reading.safety is Safety.NONE else None
        if term is None or reading.match.entry_id in term.entries:
            return reading
        if term.entries:
            entry = term.entries[0]
            match = replace(reading.match, entry_id=entry, score=max(reading.match.score, self.threshold))
            return replace(reading, match=match, gap=None, again=False, each=(), context=self.context_after(entry, context))
        offer = reading.match.entry_id or (reading.gap.offer[0] if reading.gap and reading.gap.offer else context.entry)
        gap = Gap(f"term:{term.words}", term.about, (offer,) if offer else (), ())
        kept = context if context.entry or not offer else self.context_after(offer, context)  # "whats a ghd": then "it" is one
        return replace(reading, match=replace(reading.match, entry_id=None, suggestions=()), gap=gap, again=False, each=(),
                       context=kept)

    def _alone(self, text: str, margin: float) -> tuple[tuple[str, ...], Reading, bool]:
        """A message's words, its reading alone, and whether it opens a new topic, read once for all the contexts
        the coach reads it in (the safety reading has none, the answer the conversation's)."""
        key = (text, margin)
        found = self._recent_alone.get(key)
        if found is None:
            if len(self._recent_alone) >= RECENT:
                self._recent_alone.clear()
            found = self._recent_alone[key] = self._read_alone(text, margin)
        return found

    def _read_alone(self, text: str, margin: float) -> tuple[tuple[str, ...], Reading, bool]:
        """`_alone` afresh: a greeting or a new topic's opener left out, a concern told beside a question kept."""
        words = self.matcher.normalizer.words(text)
        question = self.follow_ups.new_topic(words)  # "random but <question>": read without the opener
        asked = question or self._after_greeting(words)  # "good morning coach, how many sets"
        alone = self.read_uncached(" ".join(asked) if asked else text, margin)
        if asked and not question:  # what reads as a greeting may be the question's start ("can i hold the handles")
            alone, asked = self._whole_if_better(text, margin, alone, asked)
        if alone.match.entry_id is None and alone.gap is None and alone.safety is Safety.NONE:
            alone = self._sentence_if_clear(text, margin, alone)  # a question told after a story of its own
        if asked:  # the question read without its opener; a concern told before "btw ..." still counts
            level, odds = self._safety_of_words(words)
            alone = replace(alone, safety=max(alone.safety, level), safety_odds=odds)
        beside = self._asked_beside(text, margin) if alone.safety is Safety.DOCTOR else None
        alone = replace(alone, match=beside, gap=None) if beside else alone  # "how many reps btw my knee hurts"
        return tuple(words), alone, question is not None

    def _sentence_if_clear(self, text: str, margin: float, whole: Reading) -> Reading:
        """A message of several sentences declined whole is answered by the sentence that reads clearly on its
        own (Policy.sentence_clear over the threshold, telling no concern), the best of them: the story around a
        question dilutes its words ("First day in a powerlifting gym and there's this weird bench with a swinging
        arm. How am I supposed to position myself on it?")."""
        sentences = [s for s in SENTENCE_BREAK.split(text.strip()) if len(s.split()) >= SENTENCE_WORDS]
        best = whole
        bar = self.threshold + margin + self.policy.sentence_clear
        for sentence in sentences if len(sentences) > 1 else ():
            alone = self.read_uncached(sentence, margin)
            if alone.safety is Safety.NONE and alone.match.entry_id and alone.match.score >= max(bar, best.match.score):
                best = alone
        return best if best.match.entry_id else whole

    def _whole_if_better(self, text: str, margin: float, rest: Reading, asked: list[str]) -> tuple[Reading, list[str] | None]:
        """The reading of a message whose first words read as a greeting: the words after them, unless
        the whole message answers better ("Can I hold the handles while I do them?" starts like "can i
        ask you something", yet asks about the grip), so a greeting never swallows a question's start."""
        whole = self.read_uncached(text, margin)
        if whole.match.entry_id is not None and whole.match.score > rest.match.score:
            return whole, None
        return rest, asked

    def says_something(self, text: str) -> bool:
        """Whether a message has words of its own to match ("are good mornings similar"), unlike
        "how are you" or "null"."""
        return says_something(self.read(text))

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

    def context_after(self, entry: str | None, context: Context, goal: str | None = None) -> Context:
        """What the conversation is about once `entry` is answered (a question, or a tapped topic)."""
        return self.conversation.context_after(entry, context, goal)

    def read_uncached(self, text: str, margin: float = 0.0) -> Reading:
        """Read one message afresh (what `read` caches; benchmarks time this)."""
        normalizer = self.matcher.normalizer
        words = normalizer.words(text)
        spelt, tokens = normalizer.spelt(words), normalizer.tokens_of(words)
        level, odds = self._safety_of(words)
        if level is Safety.DOCTOR and turns_to_oneself(text) and self.told_of_someone_else(text):
            level = Safety.NONE  # "nan just got her new hip lol. anyway for me, how many reps": another's, asked for oneself
        fixes = tuple(normalizer.speller.fixes(words)) if normalizer.speller else ()
        found = self._decided(words, spelt, tokens, margin, embedded=level is Safety.NONE)
        if isinstance(found, Match):
            return Reading(found, level, fixes=fixes, safety_odds=odds)
        decision, learned = found
        match, gap = decision.match, decision.gap
        missing = self.details.near_miss(spelt, tokens, match.entry_id) if match.entry_id and level is Safety.NONE else None
        if missing:  # "how many seconds do i hold it": the entry matches, but it gives no hold time
            match, gap = replace(match, entry_id=None), missing
        return Reading(match, level, gap, fixes, decision.candidates, learned.get(NOT_OURS, 0.0), odds,
                       gap_odds=learned.get(gap.id, 0.0) if gap else 0.0)

    def missing_detail(self, text: str, entry_id: str) -> Gap | None:
        """The near miss a message is when it asks `entry_id` for a detail that entry lacks, as a message
        alone is judged ("why not just max it out" of the sets for strength, which give no reason), else None."""
        normalizer = self.matcher.normalizer
        words = normalizer.words(text)
        return self.details.near_miss(normalizer.spelt(words), normalizer.tokens_of(words), entry_id)

    def term_named(self, words: list[str]) -> Term | None:
        """The first term of the answers a message names (`data/details.yaml` terms: "pumping mechanism", explained by
        the decompression), else None."""
        return self.details.term_named(words)

    def candidates(self, text: str, margin: float = 0.0) -> tuple[Candidate, ...]:
        """The entries a message reads as, best first: `read_uncached`'s candidates, without the
        safety reading (the follow-up reader's second look at a message needs only these)."""
        normalizer = self.matcher.normalizer
        words = normalizer.words(text)
        found = self._decided(words, normalizer.spelt(words), normalizer.tokens_of(words), margin)
        return () if isinstance(found, Match) else found[0].candidates

    def _decided(self, words: list[str], spelt: list[str], tokens: list[str], margin: float,
                 embedded: bool = True) -> Match | tuple[Decision, dict[str, float]]:
        """The topic decision on a message and the ranker's odds, or the empty match of a message
        with nothing to match. A message telling a health concern is read without the embedding
        channel (`embedded`): its score decides whether its entry is answered beside the doctor-first
        line, a bar (Policy.beside_concern) tuned on the scores without it."""
        normalizer = self.matcher.normalizer
        if not tokens or all(map(normalizer.is_generic, tokens)):  # "why?", "tell me more": nothing to match alone
            return Match(None, 0.0)
        if len(words) == 1 and self.model.talk.answer(spelt) is not None:  # "no", "yep": an answer, not a question
            return Match(None, 0.0)
        if self._foreign(words):  # "hola" is no misspelt "hold": declined, and told English only
            return Match(None, 0.0, off_topic=True)
        evidence = self.evidence(tokens, self.model.vocabulary.vector(spelt, tokens), spelt, channel=embedded)
        return decide(evidence, self.policy, evidence.entries(self.kb.entries), self.gaps.values(), margin), evidence.learned

    def _safety_of(self, words: list[str]) -> tuple[Safety, tuple[float, ...]]:
        """A message's safety level and the classifier's odds, from its words as typed and as spelt by the safety
        reading's speller, which heeds health words (see knowledge.spelling)."""
        normalizer = self.safety_normalizer
        spelt, tokens = normalizer.spelt(words), normalizer.tokens_of(words)
        odds = tuple(self.safety.odds(spelt, tokens))
        return self.safety.level(" ".join(self.lexical_normalizer.spelt(words)), odds, typed=" ".join(words)), odds

    def _asked_beside(self, text: str, margin: float) -> Match | None:
        """The match of what is asked beside a health concern ("how many reps for strength btw my knee is
        a bit sore"), read without the concern: the clauses that tell none, or, when every clause tells
        one, the message with the concern's words cut out. It is answered (after the doctor-first line)
        when a clause opens as asking (a wh-word or "tell me", see knowledge.clauses) and the rest, or
        else one asking clause alone, reads Policy.beside_concern over the threshold with no concern.
        A yes/no question beside a concern ("can i do heavy rh", "are these safe now") asks whether it
        is safe for them: the doctor's call, left with the advice on medical care. An asking clause about
        other people's health is read first, whole (see `_asked_of_others`)."""
        levels = [(c, self._safety_of_words(self.words(c))[0]) for c in clauses(text)]
        bar = self.threshold + margin + self.policy.beside_concern
        of_others = self._asked_of_others(levels, margin, bar)
        if of_others:
            return of_others
        told = [(c, c) for c, level in levels if level is Safety.NONE] \
            or [(c, self.safety.lexicon.without_concerns(" ".join(self.spelt(c)))) for c, _ in levels]
        asking = [rest for said, rest in told if rest and asks(self.words(said))]
        if not asking:
            return None
        for rest in (" ".join(rest for _, rest in told), *asking):  # the whole rest first: "how long ..., and how many reps?"
            alone = self.read_uncached(rest, margin)
            if alone.safety is Safety.NONE and alone.match.entry_id and alone.match.score >= bar:
                return alone.match
        return None

    def mild_concern(self, text: str) -> bool:
        """Whether a health concern is only a muscle told tight or stiff ("my hamstrings are tight from football"): the
        lexicon reads nothing else in it, as typed or spelt, and the classifier reads no concern of its own."""
        reading, words = self.read(text), self.words(text)
        odds = sum(reading.safety_odds[1:]) if reading.safety_odds else 0.0
        lexicon = self.safety.lexicon
        return (reading.safety is Safety.DOCTOR and odds < self.safety.thresholds.concern
                and all(lexicon.only_mild(said) for said in (" ".join(self.lexical_normalizer.spelt(words)), " ".join(words))))

    def names_concern(self, text: str, entry_id: str) -> bool:
        """Whether the words that tell a message's health concern are all the entry's own words (its title,
        phrasings or answer): "is the reverse hyper used to address lower back pain?" asks about what the
        entry that speaks of lower back pain says, while "I have a pacemaker, does the chest pad press on it?"
        names a concern no entry speaks of. A concern only the classifier hears names nothing."""
        normalizer = self.matcher.normalizer
        words = normalizer.words(text)
        rest = normalizer.words(self.safety.lexicon.without_concerns(" ".join(normalizer.spelt(words))))
        told = Counter(normalizer.tokens_of(words))
        told.subtract(normalizer.tokens_of(rest))
        concern = [t for t, n in told.items() if n > 0 and not normalizer.is_generic(t)]
        return self.matcher.names(entry_id, concern)

    def _asked_of_others(self, levels: list[tuple[str, Safety]], margin: float, bar: float) -> Match | None:
        """The match of an asking clause about others' health beside one's own concern ("i hurt my back
        years ago... why do people with old back injuries use them?"): asked of people in general, not
        of the user, the clause is read whole, its health words being what it asks about (cut out, "why do
        people with use them" would read as the exercise's purpose)."""
        for clause, level in levels:
            if level is Safety.DOCTOR and asks(self.words(clause)) and not in_first_person(clause):
                alone = self.read_uncached(clause, margin)
                if alone.safety is not Safety.EMERGENCY and alone.match.entry_id and alone.match.score >= bar:
                    return alone.match
        return None

    def _safety_of_words(self, words: list[str]) -> tuple[Safety, tuple[float, ...]]:
        """The safety level and the classifier's odds of words read on their own (spelt here)."""
        return self._safety_of(words)

    def told_of_someone_else(self, text: str) -> bool:
        """Whether a health concern is told only of someone else: every clause telling one (or the message, when none does
        alone) names another person and nothing of the user ("i have no problem but my father has hernia", "kids are sick
        so no gym today"; not "my wife is pregnant and my back hurts")."""
        if not names_someone_else(text):  # the cheap look first: the clauses' safety readings need not be taken
            return False
        told = [c for c in clauses(text) if self._safety_of_words(self.words(c))[0] is not Safety.NONE]
        return all(map(of_someone_else, told or [text]))

    def other_language(self, text: str) -> bool:
        """Whether a message is written in another language than English (any script)."""
        return other_script(text) or self._foreign(self.matcher.normalizer.words(text))

    def _foreign(self, words: list[str]) -> bool:
        """Whether these words are another language written in Latin letters."""
        speller = self.matcher.normalizer.speller
        return speller is not None and self.languages.other(words, speller.knows)

    def intent(self, text: str) -> Intent | None:
        """What a message asks the bot to do (plan, show sessions, forget me...), None for a
        question or chat."""
        return self.intent_read(text)[0]

    def intent_read(self, text: str) -> tuple[Intent | None, float]:
        """What a message asks the bot to do (None for a question or chat) and how sure the intents reader is of
        its likeliest reading, a request or none (0 to 1); a request after a greeting is the request
        ("hello coach i want start trainings": _request_after_greeting)."""
        spelt = self.spelt(text)
        read = self.model.talk.intent_read(spelt)
        return (self._request_after_greeting(spelt) or read) if read[0] is Intent.GREETING else read

    def _request_after_greeting(self, spelt: list[str]) -> tuple[Intent, float] | None:
        """The request said after a greeting of up to three words, else None. However the greeting is taken to end
        ("hello" | "coach i want...", "hello coach" | "i want..."), the words after it must read as that one request or
        as nothing, and at least once surely (REQUEST_AFTER_GREETING): a greeting's own chatter stays a greeting ("hello" |
        "how are you"; "hello how" | "are you" read 0.73 as the stored data; "hi" | "im new here" is a greeting too)."""
        talk, found = self.model.talk, []
        for size in range(1, min(GREETING_WORDS, len(spelt) - 1) + 1):
            if talk.intent(spelt[:size]) is Intent.GREETING:
                found.append(talk.intent_read(spelt[size:]))
        intents = {intent for intent, _odds in found} - {None}
        if len(intents) != 1 or intents & CHATTER:
            return None
        intent, odds = max(found, key=lambda read: read[1])
        return (intent, odds) if intent is not None and odds >= REQUEST_AFTER_GREETING else None

    def answer(self, text: str) -> Answer | None:
        """A typed yes / no / not sure in any words (courtesies aside), else None; a reply opening with one answer word that reads
        as the other ("yes I don't need it anymore", "yeah no") is None: asked again, never guessed; one that takes its first
        answer back is the answer after its word of changing ("yes... actually no": no; knowledge.screening's `changes`)
        unless what follows says a doubt or holds off ("yes. wait no. ugh i dont know my schedule yet", "ya i mean wait no
        hold on lemme check my shifts": None), a yes going on to report training done ("yes I did it yesterday") is None,
        and a yes that ends
        holding off ("ok wait", "sure... hold on") is None; a reply of one word that opens answers in data/screening.yaml
        (`leading`: "tak", "nao") is that answer."""
        if TOLD_DONE.match(text):  # "yes I did it yesterday": a yes to "did you train?", not to the bot's question
            return None
        words = self.words(self.screening.spell_emoji(text))  # "🙅", "🚫": the word they stand for
        changed = self.screening.changed_to(words)  # "yes... actually no, forget it": the answer taken back to
        if changed is not None:  # "ya i mean wait no hold on lemme check": taken back, then held off: no answer yet
            after = self.matcher.normalizer.spelt(changed[1])
            doubted = after and self.model.talk.answer(after) is Answer.UNSURE or self.screening.pauses(changed[1])
            return None if doubted else Answer(changed[0])
        before = self.screening.held_off(words)  # "ok wait", "sure... hold on": no answer yet; "no wait" still a no
        if before is not None:  # "yes no wait", "ye-no wait": both said, then held off: no answer yet
            both = {"yes", "no"} <= {self.screening.leading.get(word) for word in before}
            return Answer.NO if not both and self.model.talk.answer(self.matcher.normalizer.spelt(before)) is Answer.NO else None
        words = [w for w in words if w not in POLITE] or words  # "yes pls", "no thx": the yes or no
        found, lead = self.model.talk.answer(self.matcher.normalizer.spelt(words)), self.screening.lead(words)
        if found is None and len(words) == 1 and lead is not None:  # "tak", "nao", "nie": one word of another language
            return Answer(lead)
        return None if found in (Answer.YES, Answer.NO) and lead and found.value != lead else found

    def goal(self, text: str) -> str | None:
        """The training goal a message names ("strength", "hypertrophy", "endurance", "mobility")."""
        side = new_goal_side(" ".join(self.spelt(new_goal_side(text))))  # "strength -> hypertrophy", "strenght not butt"
        return self.model.talk.goal(self.spelt(side))

    def checkin(self, text: str) -> str | None:
        """Which of a reminder's buttons a typed reply stands for ("done", "snooze", "skip", "unwell"):
        a question ("what if I skip?", "should i skip today") is none of them (it gets answered), but one that only asks for
        another time after what it tells ("so sore from legs day, tomorrow?": PROPOSED_TIME) is read without its "?"; and a
        health concern that reads as none of them or as a skip ("came down with the flu", "skipping, I've
        got a chest infection") is "unwell": skipped too, and asked about pain; one told only of someone else ("my son has
        fever, cant come") is a skip."""
        proposed = PROPOSED_TIME.search(text)
        text = text.replace("?", " ") if proposed is not None and proposed.start() > 0 else text  # "..., tomorrow?": a move
        if "?" in text or self.asks(text):
            return None
        label = self.model.talk.checkin(self.spelt(text))
        if label not in (None, "skip", "unwell") or self.read(text).safety is Safety.NONE:
            return label
        return "skip" if self.told_of_someone_else(text) else "unwell"  # "kids are sick so no gym today": a skip

    def asks(self, text: str) -> bool:
        """Whether a message asks the bot something rather than asking it to act (knowledge.intents.asks_the_bot):
        "should i stop?" is answered; "can we stop?" leaves."""
        normalizer = self.matcher.normalizer
        return asks_the_bot(normalizer.words(text), text, normalizer.lexicon.question_words)

    def closes(self, text: str) -> bool:
        """Whether a message closes the screen shown, changing nothing ("that's all", "leave it")."""
        return self.model.talk.closes(self.spelt(text))

    def typed_reply(self, text: str, question_id: str) -> TypedReply:
        """How a typed reply reads at one safety-check question (see knowledge.screening); topic
        words are looked for as typed and as spelt ("diabetis")."""
        words = self.matcher.normalizer.words(text)
        spelt = self.matcher.normalizer.spelt(words)
        named = self.screening.named(" ".join(words)) + self.screening.named(" ".join(spelt))
        about_age = self.screening.about_age(words)  # "im 17" at another question: about the age question, by that age
        named += [about_age] if about_age else []
        by_age = self.screening.by_age(question_id, words) or (self.screening.by_age(about_age, words) if about_age else None)
        told_last = "?" not in text and self.screening.tells_topic(question_id, self.screening.after_contrast(words))
        return TypedReply(self.model.talk.screening(spelt), self.screening.lead(words), question_id in named,
                          next((q for q in named if q != question_id), None),
                          " ".join(words) in self.screening.acknowledgements,
                          by_age, self.matcher.normalizer.is_question(text), told_last)

    def words(self, text: str) -> list[str]:
        """A message's cleaned words as typed (number words as digits)."""
        return self.matcher.normalizer.words(text)

    def named_safety(self, text: str) -> Safety:
        """The level the safety lexicon alone gives a message: a concern named in words it knows, not one
        only the classifier guesses at (a voice note's garbled "a call you sis is this okay" is 0.64 a concern)."""
        words = self.words(text)
        return self.safety.lexical(" ".join(self.lexical_normalizer.spelt(words)), " ".join(words))

    def spelt(self, text: str) -> list[str]:
        """A message's words, typos corrected."""
        normalizer = self.matcher.normalizer
        return normalizer.spelt(normalizer.words(text))

    def is_question(self, text: str) -> bool:
        """Whether a message is worded as a question (a question mark, or a question word near its start)."""
        return self.matcher.normalizer.is_question(text)

    def plan_request(self, text: str) -> PlanRequest | None:
        """A request about stored plans ("skip tomorrow", "change my monday plan to 8am") and its slots, or None."""
        talk, text = self.model.talk, without_complaint(without_kept(text))  # "8 instead, 7pm is too early": 7pm names no plan
        typed = with_colons(text)  # "move it to 630": the slots read "6:30"; the reader, the words as typed
        read = talk.plan_request(self._plain_times(text), typed) or talk.plan_request_in_clauses(
            [self._plain_times(clause) for clause in plan_clauses(text)], typed)
        if read:
            return recast(read, typed)
        loose = loose_move(typed) or loose_edit(typed) or loose_cancel(typed) or loose_skip(typed)
        return spelt_goal(loose, self.spelt(text), typed) if loose else None

    def _plain_times(self, text: str) -> list[str]:
        """A message's words as spelt, a time said roughly as the time ("7ish", "630ish": 7, 630), so that a plans reader
        that never saw the rough form reads the request as it reads "at 7" (tester s32 #6: "change my plan to every other
        day at 7ish" read as no request and answered from the articles)."""
        return [ROUGH_TIME.sub(r"\1", word) for word in self.spelt(text)]

    def evidence(self, tokens: list[str], vector: Vector, spelt: list[str] | None = None, channel: bool = True) -> Evidence:
        """Each component's reading of a message: the ranker's likeliest classes (and always "not
        ours" and the near misses; given its words as spelt, the ranker reads their embedding too),
        rapidfuzz's scores and, with the `channel`, the embedding channel's nearest entries when the
        ranker is unsure (Policy.embedded_unsure)."""
        ranker, similarity = self.model.topics, self.model.similarity
        text = " ".join(spelt) if spelt else ""
        probs = ranker.probabilities(vector, similarity.embedded(text) if similarity and text and ranker.dense is not None else None)
        likeliest = np.argpartition(-probs, LEARNED_CANDIDATES)[:LEARNED_CANDIDATES] \
            if len(probs) > LEARNED_CANDIDATES else range(len(probs))
        learned = {ranker.labels[i]: float(probs[i]) for i in likeliest}
        for label in (NOT_OURS, *self.gaps):
            learned[label] = float(probs[ranker.index[label]]) if label in ranker.index else 0.0
        fuzzy = dict(self.matcher.fuzzy_scores(tokens))
        unsure = max((p for label, p in learned.items() if label in self.kb.entries), default=0.0) < self.policy.embedded_unsure
        similar = similarity.nearest(text, fuzzy) if similarity and text and channel and unsure else {}
        foreign = self.matcher.about_something_else(tokens)
        return Evidence(" ".join(tokens), learned, fuzzy, foreign, len(tokens) >= LONG_MESSAGE, similar,
                        self.matcher.naming(tokens) if foreign else frozenset())


def _goal_family(kb: KnowledgeBase, programmes: set[str]) -> set[str]:
    """The entries about goals: those in the topic group of the goals' programmes."""
    groups = {kb.entries[p].group for p in programmes if p in kb.entries}
    return {e.id for e in kb.entries.values() if e.group in groups}


def load_understanding(cache_dir: Path, content_dir: Path | None = None,
                       threshold: float | None = None, rebuild: bool = False) -> Understanding:
    """Load the content and the cached model (building it when the content changed, or `rebuild`)."""
    content_dir = content_dir or CONTENT_DIR
    kb = load_knowledge(content_dir)
    inflected = load_english(INFLECTED_MIN_COUNT, cache_dir=cache_dir)
    english = inflected.at_least(ENGLISH_MIN_COUNT)
    matcher = Matcher(kb, Normalizer(load_lexicon()), english)
    lexicon = load_safety_lexicon(check=False)
    health = load_safety_words()
    heeding = matcher.normalizer.heeded(lexicon.word_level, health)  # the safety classifier's reading, in training too
    lexical = matcher.normalizer.heeded(lexicon.word_level, health, inflected)  # the safety lexicon's
    model = _model(cache_dir, content_dir, kb, matcher.normalizer, rebuild, heeding)
    policy = Policy() if threshold is None else replace(Policy(), threshold=threshold)
    safety = SafetyDetector(lexicon, model.safety, model.safety_vocabulary)
    return Understanding(matcher, model, safety, load_gaps(), policy, screening=load_screening_words(),
                         languages=load_languages(english), details=load_details(), safety_normalizer=heeding,
                         plan_cues=load_plan_cues(), lexical_normalizer=lexical)


def _model(cache_dir: Path, content_dir: Path, kb: KnowledgeBase, normalizer: Normalizer, rebuild: bool,
           heeding: Normalizer | None = None) -> Model:
    """The cached model, with the embedding channel when the word embeddings are installed. A model holds all
    the channel reads, so their files are opened (and their sha256 checked) only to build one."""
    digest = inputs_hash(content_dir)
    if not rebuild and model_path(cache_dir, digest).exists():
        return cached_model(cache_dir, digest, lambda: _built(kb, normalizer, load_embedder(), heeding))
    embedder = load_embedder()
    if embedder is None:
        digest = inputs_hash(content_dir, embedded=False)
    return cached_model(cache_dir, digest, lambda: _built(kb, normalizer, embedder, heeding), rebuild)


def _built(kb: KnowledgeBase, normalizer: Normalizer, embedder: Embedder | None, heeding: Normalizer | None = None) -> Model:
    """The model trained afresh, once every safety pattern is known to compile: the model's hash
    covers the safety lexicon, so a bot starting on a cached model need not compile its patterns
    before the first message that may match one."""
    load_safety_lexicon(check=True)
    return train(load_training(kb), normalizer, embedder, kb.entries, heeding)
