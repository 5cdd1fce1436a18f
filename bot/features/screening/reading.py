"""Reading a typed reply to one safety-check question.

The understanding layer reads the words (knowledge.screening: the screening talk reader and the
curated topic words and phrases); this module keeps the check's rules for what is recorded. A health
answer is recorded only when the message answers THIS question: a yes / no / not sure, a stated age
at the age question, a statement naming this question's topic ("arthritis in both knees"), or an
everyday phrase that answers ("not that i know of", "sometimes when i run"). Never recorded here:
thanks or an acknowledgement ("ok", "cool"), a sentence about another question's topic ("I had
surgery 2 years ago" at the medication question: the check decides what to do with it), small
talk, or a reply read as nothing: those are asked again with a hint, never taken for a silent No.

The rules are a declared, ordered table (rules.py, RULES): each names a reply it reads, when it applies and
the reading it gives; the first that applies reads the reply (said.py: the reply as the rules read it; ways_out.py,
asking.py, telling.py: the rules' tests). read_reply then applies what is told about time (a yes told as over or long
ago, knowledge.screening_past.Past) and an answer a reply ends on (`tails`).
"""
from __future__ import annotations

from dataclasses import replace

from bot.features.screening.questions import Question
from bot.features.screening.readers import Readers
from bot.features.screening.rules import RULES
from bot.features.screening.said import CODES, Reading, Said
from knowledge.screening import TypedReply


def read_reply(text: str, question: Question | None, readers: Readers) -> Reading:
    """How a typed reply answers `question` (None: the consent step, no topic to check): a yes told as over
    or long ago where the question asks about now or a recent window is a no ("had it years ago, all sorted
    now" at the back-pain question), and no yes told late at an earlier such question; nothing else read and a going
    back ("wait go back i forgot...") is a back."""
    reply, words = readers.reply(text, question.id if question else ""), readers.words_of(text)
    reading = _read(text, question, readers, reply, words)
    if reading.code == "y" and question is not None and _over(reply, question, text, words, readers):
        return Reading("n", denied=True)
    if reading.code == "y" and question is not None and _elsewhere(reply, question, text, words, readers):
        return Reading("n", denied=True)  # "only my wrist, its in a brace" at the injury question
    if reading.other is not None and not reading.denied and _over(reply, reading.other, text, words, readers):
        return replace(reading, denied=True)  # "had chest pain years ago, nothing since" tells no yes late either
    tail = readers.words.tail(words, text) if reading == Reading() and "?" not in text else None
    if reading == Reading() and not tail and readers.words.asks_back(words):
        return Reading("b")  # "wait go back i forgot i have high cholesterol, thats a condition right"
    return Reading(CODES[tail]) if tail else reading  # "only heartburn after pizza lol so no"


def _over(reply: TypedReply, question: Question, text: str, words: list[str], readers: Readers) -> bool:
    """Whether a reply read as yes tells its topic as over or long ago, where the question asks about now or a
    recent window (knowledge.screening.Past): never one opening with a yes, holding a doubt or asking."""
    said = readers.words
    plain = reply.lead != "yes" and "?" not in text and not said.doubtful(words)
    return plain and said.told_past(question.id, words, readers.this_year())


def _elsewhere(reply: TypedReply, question: Question, text: str, words: list[str], readers: Readers) -> bool:
    """Whether a reply read as yes names only parts of the body or kinds the question does not ask about
    (knowledge.screening.Past.elsewhere): never one opening with a yes, holding a doubt or asking."""
    plain = reply.lead != "yes" and "?" not in text and not readers.words.doubtful(words)
    return plain and readers.words.past.elsewhere(question.id, words)


def _read(text: str, question: Question | None, readers: Readers, reply: TypedReply, words: list[str]) -> Reading:
    """How a typed reply answers `question`: the reading of the first rule of RULES that applies."""
    said = Said(text, question, readers, reply, words)
    return next(rule.reading(said) for rule in RULES if rule.applies(said))
