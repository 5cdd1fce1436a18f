"""Reading a typed reply to one safety-check question.

The understanding layer reads the words (knowledge.screening: the screening talk reader and the
curated topic words and phrases); this module keeps the check's rules for what is recorded. A health
answer is recorded only when the message answers THIS question: a yes / no / not sure, a stated age
at the age question, a statement naming this question's topic ("arthritis in both knees"), or an
everyday phrase that answers ("not that i know of", "sometimes when i run"). Never recorded here:
thanks or an acknowledgement ("ok", "cool"), a sentence about another question's topic ("I had
surgery 2 years ago" at the medication question: the check decides what to do with it), small
talk, or a reply read as nothing: those are asked again with a hint, never taken for a silent No.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace

from bot.features.screening.questions import BY_ID, Question
from knowledge.normalize import clean_text
from knowledge.screening import Exit, ScreeningWords, TypedReply

CODES = {"yes": "y", "no": "n", "unsure": "u", "back": "b", "cancel": "c"}
ANSWERED = ("yes", "no", "unsure")


@dataclass(frozen=True)
class Readers:
    """The understanding layer's readers the check uses (the defaults read nothing)."""

    reply: Callable[[str, str], TypedReply] = lambda _text, _question: TypedReply()
    small_talk: Callable[[str], bool] = lambda _text: False  # thanks, a greeting: never an answer
    about_us: Callable[[str], bool] = lambda _text: False  # a question the knowledge base answers
    clearly_ours: Callable[[str], bool] = lambda _text: False  # the knowledge base answers it on a clear match
    question: Callable[[str], bool] = lambda _text: False  # worded as a question at all
    answer: Callable[[str], str | None] = lambda _text: None  # the everyday yes / no reader (consent, stop?)
    leaves: Callable[[str], bool] = lambda _text: False  # the intent reader's way out ("nvm", "enough")
    words_of: Callable[[str], list[str]] = lambda text: clean_text(text).split()  # typos fixed ("stpo", "thnaks")
    words: ScreeningWords = field(default_factory=ScreeningWords)
    concern: Callable[[str], bool] = lambda _text: False  # the safety detector hears a health concern in it

    def about_check(self, text: str) -> bool:
        """Whether the message asks what the check is for ("whats the point of this")."""
        return self.words.asks_about_check(clean_text(text))

    def opens_question(self, text: str) -> bool:
        """Whether a message opens with a question word ("what counts as high blood pressure")."""
        return bool(self.words.question_openers.intersection(self.words_of(text)[:1]))

    def asks_us(self, text: str) -> bool:
        """Whether a message is plainly a question ("?" or a question word first) the knowledge base
        answers on a clear match ("do i stop at parallel"; "i'll talk to my doctor" is no question)."""
        return ("?" in text or self.opens_question(text)) and self.clearly_ours(text)

    def exit(self, text: str) -> Exit:
        """Whether a message read as cancel is a plain way out, or more."""
        return self.words.exits.read(self.words_of(text))


@dataclass(frozen=True)
class Reading:
    """What a typed reply is: an answer code (y, n, u, b, c), or none with the reason shown."""

    code: str | None = None
    other: Question | None = None  # the question whose topic the message is about instead
    acknowledged: bool = False  # "ok", "cool": not an answer, so the question is asked again
    denied: bool = False  # read as a no, or with a negation in it ("i never had heart trouble")


def read_reply(text: str, question: Question | None, readers: Readers) -> Reading:
    """How a typed reply answers `question` (None: the consent step, no topic to check)."""
    reply, words = readers.reply(text, question.id if question else ""), readers.words_of(text)
    named = reply.this_topic or reply.other_topic is not None
    if reply.acknowledgement:
        return Reading(acknowledged=True)
    if reply.label == "cancel" and named and not readers.words.exits.verbs.intersection(words):
        return _told(reply)  # "i never get out of breath": a health statement, no way out
    if reply.label == "back" and readers.concern(text) and readers.words.going_back.isdisjoint(words):
        reply = replace(reply, label=None)  # "back hurts since last week": the body's back, not the previous question
    if reply.label in ("back", "cancel"):
        return Reading(CODES[reply.label])
    at_age_question = question is not None and question.id in readers.words.ages  # else the age answers the age question
    if reply.by_age is not None and at_age_question and not _doubts_age(reply, words, readers.words):  # "im 16", "34"
        return Reading(CODES[reply.by_age])
    if reply.label not in ANSWERED and not named and readers.leaves(text) and readers.answer(text) is None:
        return Reading("c")  # "nvm", "enough", "leave it for now thanks"
    if reply.label not in ANSWERED and not named and reply.lead is None and readers.small_talk(text):
        return Reading()  # "thanks", "good morning"; "ya chest gets tight at night" answers, for all its "night"
    if reply.contrast_topic:  # "not numb no, but my leg has been getting weaker": what follows the "but" answers
        return Reading("y")
    if reply.lead is not None and reply.label in (reply.lead, None):  # "yes, for my blood pressure"
        return Reading(CODES[reply.lead])
    phrase = readers.words.phrase(words)
    if phrase == "no":  # "not that i know of"
        return Reading("n")
    if reply.other_topic is not None and not reply.this_topic:
        denied = reply.label == "no" or reply.by_age == "no" or bool(readers.words.negations.intersection(words))
        return Reading(other=BY_ID[reply.other_topic], denied=denied)
    if phrase == "yes" and "?" not in text:  # "sometimes when i run" (read as a question for its "when")
        return Reading("y")
    if reply.question:  # "does that count?" reads as not sure; "how heavy should it be?" answers nothing
        return Reading(CODES.get(reply.label or ""))
    if reply.label in ANSWERED:
        return Reading(CODES[reply.label])
    return Reading("y" if reply.this_topic else None)  # "herniated disc L5 S1"


def _told(reply: TypedReply) -> Reading:
    """A statement naming a topic that the reader took for a way out: recorded nowhere (denied)."""
    other = BY_ID[reply.other_topic] if reply.other_topic is not None and not reply.this_topic else None
    return Reading(other=other, denied=True)


def _doubts_age(reply: TypedReply, words: list[str], said: ScreeningWords) -> bool:
    """Whether a reply says yes or not sure where its number reads as an adult age ("i turn 18 next month
    so technically yes", "50/50 lol"): never a clean no then ("i am 51 years" reads yes for its "i am" alone)."""
    says_yes = any(said.leading.get(word) == "yes" for word in words)
    return reply.by_age == "no" and (reply.label == "unsure" or says_yes)
