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

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date

from bot.features.screening.questions import BY_ID, QUESTIONS, Question
from knowledge.normalize import clean_text
from knowledge.screening import Exit, ScreeningWords, TypedReply

CODES = {"yes": "y", "no": "n", "unsure": "u", "back": "b", "cancel": "c"}
ANSWERED = ("yes", "no", "unsure")
BACK_PAIN = "back_pain_now"  # the question whose topic "back" names, unless it is "come back", "get back"


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
    this_year: Callable[[], int] = lambda: date.today().year  # "in 2015" is long ago, "in this year" not

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
        return self.words.exits.read(self.words_of(text), asked="?" in text)


@dataclass(frozen=True)
class Reading:
    """What a typed reply is: an answer code (y, n, u, b, c), or none with the reason shown."""

    code: str | None = None
    other: Question | None = None  # the question whose topic the message is about instead
    acknowledged: bool = False  # "ok", "cool": not an answer, so the question is asked again
    denied: bool = False  # read as a no, or with a negation in it ("i never had heart trouble")


def read_reply(text: str, question: Question | None, readers: Readers) -> Reading:
    """How a typed reply answers `question` (None: the consent step, no topic to check): a yes told as over
    or long ago where the question asks about now or a recent window is a no ("had it years ago, all sorted
    now" at the back-pain question), and no yes told late at an earlier such question."""
    reply, words = readers.reply(text, question.id if question else ""), readers.words_of(text)
    reading = _read(text, question, readers, reply, words)
    if reading.code == "y" and question is not None and _over(reply, question, text, words, readers):
        return Reading("n", denied=True)
    if reading.other is not None and not reading.denied and _over(reply, reading.other, text, words, readers):
        return replace(reading, denied=True)  # "had chest pain years ago, nothing since" tells no yes late either
    tail = readers.words.tail(words, text) if reading == Reading() and "?" not in text else None
    return Reading(CODES[tail]) if tail else reading  # "only heartburn after pizza lol so no"


def _over(reply: TypedReply, question: Question, text: str, words: list[str], readers: Readers) -> bool:
    """Whether a reply read as yes tells its topic as over or long ago, where the question asks about now or a
    recent window (knowledge.screening.Past): never one opening with a yes, holding a doubt or asking."""
    said = readers.words
    plain = reply.lead != "yes" and "?" not in text and not said.doubtful(words)
    return plain and said.told_past(question.id, words, readers.this_year())


def _read(text: str, question: Question | None, readers: Readers, reply: TypedReply, words: list[str]) -> Reading:
    """How a typed reply answers `question`, read by the check's rules in order."""
    asked = question.id if question else ""
    if _back_as_adverb(reply, words, readers.words):  # "ill come back later": no back pain named
        others = [q for q in readers.words.named(" ".join(w for w in words if w != "back")) if q != asked]
        reply = replace(reply, other_topic=others[0] if others else None)
    named = reply.this_topic or reply.other_topic is not None
    if reply.acknowledgement:
        return Reading(acknowledged=True)
    if reply.label == "cancel" and named and not readers.words.exits.verbs.intersection(words):
        undenied = readers.words.negations.isdisjoint(words) or readers.concern(text)  # "passed out ..., not enough food"
        return _told(reply, undenied)  # "i never get out of breath": no way out
    reply = _no_way_out(reply, text, words, readers)
    if reply.label in ("back", "cancel"):
        return Reading(CODES[reply.label])
    at_age_question = question is not None and question.id in readers.words.ages  # else the age answers the age question
    if at_age_question and (born := readers.words.born(words, readers.this_year())) is not None:
        return Reading(CODES[born])  # "born in 2010"
    told_age = at_age_question and reply.by_age is not None and bool(words) and words[0].isdigit()  # "16 but my mum..."
    if question is not None and not told_age and _yes_of_others(reply, question, words, readers.words):
        return Reading()  # "my mom had cancer"
    asks = readers.words.asks_first(words, text)  # "does it matter if im exactly 18": asked, not told
    if reply.by_age is not None and at_age_question and not asks and not _doubts_age(reply, words, readers.words):
        return Reading(CODES[reply.by_age])
    if reply.label not in ANSWERED and not named and readers.leaves(text) and readers.answer(text) is None:
        return Reading("c")  # "nvm", "enough", "leave it for now thanks"
    if reply.label not in ANSWERED and not named and reply.lead is None and readers.small_talk(text):
        return Reading()  # "thanks", "good morning"; "ya chest gets tight at night" answers, for all its "night"
    if reply.contrast_topic:  # "not numb no, but my leg has been getting weaker": what follows the "but" answers
        return Reading("y")
    if reply.lead == "no" and readers.words.doubts_first(words):  # "no clue, havent seen a doctor in years"
        return Reading("u")
    if reply.lead is not None and reply.label in (reply.lead, None):  # "yes, for my blood pressure"
        return Reading(CODES[reply.lead])
    phrase = readers.words.phrase(words, asked)
    if phrase == "no":  # "not that i know of"
        return Reading("n")
    if reply.other_topic is not None and not reply.this_topic and _corrects(reply.other_topic, question, words, readers):
        return Reading("b")  # "i want to change what i said about fainting": back, to correct it
    if reply.other_topic is not None and not reply.this_topic:
        denied = reply.label == "no" or reply.by_age == "no" or bool(readers.words.negations.intersection(words))
        return Reading(other=BY_ID[reply.other_topic], denied=denied)
    if reply.lead == "no" and reply.label == "yes":  # "no i have not fainted in the past year": a no; "nope, 118/76" unclear
        return Reading("n") if not readers.words.negations.isdisjoint(words[1:]) else Reading()
    if phrase == "yes" and "?" not in text:  # "sometimes when i run" (read as a question for its "when")
        return Reading("y")
    if asks and not readers.words.refers_back(words):  # "why 12 months?", "are we done yet": no answer
        return Reading()
    negated = not readers.words.negations.isdisjoint(words)
    if reply.label is None and not (asks or negated) and _tells_then_asks(text, asked, words, readers):
        return Reading("u")  # "I get a tight chest during panic attacks, does anxiety count?": told, then asked
    if reply.question and ("?" in text or asks or negated):  # "does that count?" reads as not sure; "how heavy?" nothing
        return Reading(CODES.get(reply.label or ""))
    if reply.label in ("no", None) and readers.words.doubtful(words):  # "..., so not sure": no clean no
        return Reading("u")
    if reply.label == "no" and reply.this_topic and not negated and readers.words.all_clear.isdisjoint(words):
        return Reading("y")  # "on levothyroxine since forever": this question's topic told, no word denies it
    if reply.label == "no" and reply.question and reply.lead is None and not negated:
        return Reading()  # "i'm 17 actually, does that change anything": no word of denial, and it asks
    if reply.label in ANSWERED:
        return Reading(CODES[reply.label])
    told = reply.this_topic and readers.words.all_clear.isdisjoint(words)  # "legs r fine" tells no yes
    return Reading("y" if told else None)  # "herniated disc L5 S1"


def _tells_then_asks(text: str, asked: str, words: list[str], readers: Readers) -> bool:
    """Whether a reply's first clause tells this question's topic, not as fine, and a later one asks ("I get a tight
    chest during panic attacks, does anxiety count?"): whether it counts is unsure, never nothing ("calf pain?" and
    "iz asthma long term??" only ask)."""
    first = re.split(r"[,.;:!?]", text, maxsplit=1)[0]
    told = asked in readers.words.named(" ".join(readers.words_of(first)))
    said, rest = text[len(first):len(first) + 1], text[len(first) + 1:]
    return told and said != "?" and "?" in rest and readers.words.all_clear.isdisjoint(words)


def _no_way_out(reply: TypedReply, text: str, words: list[str], readers: Readers) -> TypedReply:
    """A reply read as "back" or "cancel" that is neither: the body's back ("back hurts since last week"), or a
    question about the check with no way-out verb ("are we nearly done?")."""
    if reply.label == "back" and _body_back(text, words, readers):
        return replace(reply, label=None)
    if reply.label == "cancel" and readers.words.exits.verbs.isdisjoint(words) and readers.about_check(text):
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


def _yes_of_others(reply: TypedReply, question: Question, words: list[str], said: ScreeningWords) -> bool:
    """Whether a reply tells of someone else's health with no answer word of the user's own: no yes or no
    first, no denial, no doubt ("my mom had cancer"; "no my dad has diabetes not me" is a no)."""
    answered = reply.lead is not None or not said.negations.isdisjoint(words) or said.doubtful(words)
    return not answered and said.others.told(question.id, words)


def _corrects(topic: str, question: Question | None, words: list[str], readers: Readers) -> bool:
    """Whether a reply asks to correct the previous question, naming it ("i want to fix the one about medication")."""
    step = QUESTIONS.index(question) if question is not None else 0
    previous = step > 0 and QUESTIONS[step - 1].id == topic
    return previous and not readers.words.correcting.isdisjoint(words) and not readers.opens_question(" ".join(words))


def _body_back(text: str, words: list[str], readers: Readers) -> bool:
    """Whether a reply read as "back" is about the body's back: a health concern with no word of going
    back ("back hurts since last week"), or every "back" in it is one's own ("it stays in my back")."""
    return readers.words.going_back.isdisjoint(words) and (readers.concern(text) or readers.words.only_body_back(words))


def _told(reply: TypedReply, undenied: bool) -> Reading:
    """A statement naming a topic that the reader took for a way out: this question's topic told undenied (no
    word of denial, or a health concern heard in it) is a yes ("had breast cancer, in remission now"); else
    recorded nowhere (denied)."""
    if reply.this_topic and undenied:
        return Reading("y")
    other = BY_ID[reply.other_topic] if reply.other_topic is not None and not reply.this_topic else None
    return Reading(other=other, denied=True)


def _doubts_age(reply: TypedReply, words: list[str], said: ScreeningWords) -> bool:
    """Whether a reply says yes or not sure where its number reads as an adult age ("i turn 18 next month
    so technically yes", "50/50 lol"): never a clean no then ("i am 51 years" reads yes for its "i am" alone)."""
    says_yes = any(said.leading.get(word) == "yes" for word in words)
    return reply.by_age == "no" and (reply.label == "unsure" or says_yes)
