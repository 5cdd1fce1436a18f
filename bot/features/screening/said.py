"""A typed reply to one safety-check question as the check's rules read it (Said), and what they read it as (Reading):
the reader's label, set right where "back" is the body's or no way out is meant ("ill come back later", "back hurts")."""

from __future__ import annotations

from dataclasses import dataclass, replace

from bot.features.screening.questions import Question
from bot.features.screening.readers import Readers
from knowledge.normalize import clean_text
from knowledge.screening import ScreeningWords, TypedReply

CODES = {"yes": "y", "no": "n", "unsure": "u", "back": "b", "cancel": "c"}
ANSWERED = ("yes", "no", "unsure")
BACK_PAIN = "back_pain_now"  # the question whose topic "back" names, unless it is "come back", "get back"


@dataclass(frozen=True)
class Reading:
    """What a typed reply is: an answer code (y, n, u, b, c), or none with the reason shown."""

    code: str | None = None
    other: Question | None = None  # the question whose topic the message is about instead
    acknowledged: bool = False  # "ok", "cool": not an answer, so the question is asked again
    denied: bool = False  # read as a no, or with a negation in it ("i never had heart trouble")
    skipped: bool = False  # the question skipped ("pass"): recorded as not sure, and the reply says so
    aside: bool = False  # a yes telling `other`'s topic instead ("yes, I had back surgery"): which is it? nothing recorded


class Said:
    """A typed reply as the rules read it: the reader's reading (`first`: "back" no back pain named when it is
    "come back"; `reply`: besides, no way out when it is none) and what the rules ask of its words."""

    def __init__(self, text: str, question: Question | None, readers: Readers, reply: TypedReply,
                 words: list[str]) -> None:
        self.text, self.question, self.readers, self.words = text, question, readers, words
        self.asked = question.id if question else ""
        self.said = readers.words
        if _back_as_adverb(reply, words, self.said):  # "ill come back later": no back pain named
            others = [q for q in self.said.named(" ".join(w for w in words if w != "back")) if q != self.asked]
            reply = replace(reply, other_topic=others[0] if others else None)
        if not reply.this_topic and reply.other_topic is None and self.said.named_here(self.asked, words):
            # "more like pressure" at the chest question ("my blood pressure is high" names the heart one)
            reply = replace(reply, this_topic=True)
        self.first = reply
        self.reply = _no_way_out(reply, text, words, readers)
        self.named = reply.this_topic or reply.other_topic is not None
        self.at_age_question = question is not None and question.id in self.said.ages
        self.asks = self.said.asks_first(words, text) or _asks_us(words, text, readers) \
            or self.said.asks_if_counted(words, text)  # "does it matter if im exactly 18", "celiac counts?"
        self.negated = not self.said.negations.isdisjoint(words)
        self.phrase = self.said.phrase(words, self.asked)
        self.born = self.said.born(words, readers.this_year()) if self.at_age_question else None
        self.whole = self.said.answers_whole(self.asked, words)  # "I have not, thank you.", "all good" at a question about now

    @property
    def unanswered(self) -> bool:
        """Whether the reader reads no yes, no or not sure and no topic is named."""
        return self.reply.label not in ANSWERED and not self.named

    @property
    def doubts_first(self) -> bool:
        """Whether a reply opens with a doubt ("no clue", "not really sure"), read as spelt or as typed (another
        language's "i don't know", "je sais pas", is no English to spell)."""
        return self.said.doubts_first(self.words) or self.said.doubts_first(clean_text(self.text).split())

    @property
    def tells_by_negation(self) -> bool:
        """Whether every negation of the reply tells a symptom ("cant always tell when I need to go"; see
        knowledge.screening.Denials), none denies."""
        said = self.said
        return said.denials.undenied(self.text, said.negations, said.contrasts).split() == clean_text(self.text).split()

    @property
    def told_age(self) -> bool:
        """Whether an age opens the reply at the age question ("16 but my mum said its fine")."""
        return self.at_age_question and self.reply.by_age is not None and bool(self.words) and self.words[0].isdigit()


def _asks_us(words: list[str], text: str, readers: Readers) -> bool:
    """Whether a reply opening with "can", "will", "does"... asks what the knowledge base answers on a clear match, "?"
    or not ("can reverse hypers help a disc", "will hanging off the bench face down make me dizzy")."""
    return bool(words) and words[0] in readers.words.asking.aux and readers.clearly_ours(text)


def _no_way_out(reply: TypedReply, text: str, words: list[str], readers: Readers) -> TypedReply:
    """A reply read as "back" or "cancel" that is neither: the body's back ("back hurts since last week"), a question
    the knowledge base clearly answers with no word of going back ("can reverse hypers fix back pain?"), or a
    question about the check with no way-out verb ("are we nearly done?") nor word of going back or correcting ("is
    this the last question?")."""
    if reply.label == "back" and _body_back(text, words, readers):
        return replace(reply, label=None)
    if reply.label == "back" and not readers.words.goes_back(words) and readers.about_us(text) \
            and ("?" in text or readers.opens_question(text)):
        return replace(reply, label=None)  # "can reverse hypers fix back pain?" asks what the articles answer
    if reply.label == "cancel" and readers.words.exits.verbs.isdisjoint(words) and readers.about_check(text):
        return replace(reply, label=None)
    asked = "?" in text or readers.opens_question(text)
    if reply.label == "back" and asked and "back" not in words and readers.words.correcting.isdisjoint(words) \
            and readers.about_check(text):  # "is this the last question?", not "can i redo the last one"
        return replace(reply, label=None)
    return reply


def _back_as_adverb(reply: TypedReply, words: list[str], said: ScreeningWords) -> bool:
    """Whether a reply names the back-pain question's topic only by a "back" that is not the body's ("i'll come
    back later", "get back to you"): it follows no word naming the body, and no other back-pain word is there."""
    topic = said.topics.get(BACK_PAIN)
    if reply.other_topic != BACK_PAIN or topic is None or "back" not in words:
        return False
    rest = [word for i, word in enumerate(words) if word != "back" or i > 0 and words[i - 1] in said.body_back]
    return topic.search(" ".join(rest)) is None


def _body_back(text: str, words: list[str], readers: Readers) -> bool:
    """Whether a reply read as "back" is about the body's back: a health concern with no word of going
    back ("back hurts since last week"), or every "back" in it is one's own ("it stays in my back"), with no word of
    correcting an answer ("cant always tell when I need to go, and my back hurts" for all its "go"; "can i change my
    back pain answer" goes back)."""
    said = readers.words
    if said.only_body_back(words):
        return said.correcting.isdisjoint(words)
    return said.going_back.isdisjoint(words) and readers.concern(text)
