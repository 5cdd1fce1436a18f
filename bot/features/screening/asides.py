"""Replies at a safety-check question that are no answer: a pause ("brb"), a return after it ("ok im back"), a short
goodbye ("gtg"), a request made instead ("forget me"), and a question about a question's own words ("what counts as
bladder problems")."""

from __future__ import annotations

from bot.core.dialogue import Requested
from bot.core.words import SURE_INTENT
from bot.features.screening import texts
from bot.features.screening.questions import QUESTIONS, Question
from bot.features.screening.readers import Readers
from bot.features.screening.said import Reading
from bot.features.screening.store import Progress
from knowledge.normalize import clean_text


def resumes(readers: Readers, text: str, paused: bool) -> bool:
    """Whether a whole reply says the user is back ("ok im back"), or right after a pause (`paused`) "back", "ok back"
    (see knowledge.screening, `resuming_after_pause`): anywhere else "back" goes back a question."""
    said, words = readers.words, readers.words_of(text)
    return said.resumes(words) or paused and said.resumes_after_pause(words)


def leaves(readers: Readers, progress: Progress, reading: Reading, text: str) -> bool:
    """Whether a reply is a short goodbye ("gtg", "gotta go, baby woke up"): a word of leaving, no answer, nothing
    told of an earlier question, no question. It pauses the check: a goodbye says nothing of the answers, and
    deleting them unasked lost a whole check to "gtg" (tester s27)."""
    later = reading.other is None or QUESTIONS.index(reading.other) > progress.step
    plain = reading.code is None and not reading.acknowledged and later and "?" not in text \
        and not readers.opens_question(text)
    return plain and readers.words.leaves(readers.words_of(text))


def pauses(readers: Readers, reading: Reading, text: str) -> bool:
    """Whether a reply only pauses the check ("brb", "hold on someones asking for the machine brb"): a word of
    pausing, no answer, no topic, no question."""
    plain = reading == Reading() and "?" not in text and not readers.opens_question(text)
    return plain and readers.words.pauses(readers.words_of(text))


def requests_instead(readers: Readers, requested: Requested, reading: Reading, text: str, question: Question) -> bool:
    """Whether a reply plainly makes a request that interrupts any step ("forget me", "show my data") instead of
    answering: it answers nothing, or only reads as not sure in words that tell nothing of the user ("forget me"
    had been recorded as a yes to the medicine question; "i forget" is a not sure), or reads as a yes with no word of
    one and no topic named, and as a request at SURE_INTENT ("delete all my stuff" had been a yes to chest pain)."""
    if reading.code == "y":
        reply = readers.reply(text, question.id)
        bare = reply.lead is None and not reply.this_topic and reply.other_topic is None
        return bare and requested(text, SURE_INTENT) is not None
    if reading.code not in (None, "u") or requested(text) is None:
        return False
    words = readers.words_of(text)
    return reading.code is None or not words or words[0] not in readers.words.others.myself


def asks_about(readers: Readers, question: Question, text: str) -> bool:
    """Whether a reply only asks what the words of a question that explains them mean (see
    knowledge.screening.Quoting): "what counts as bladder problems", not "yes my groin is numb"."""
    asked = "?" in text or readers.opens_question(text)
    quoted = frozenset(clean_text(question.text).split())
    words = readers.words_of(text)
    return question.id in texts.EXPLAINED and readers.words.quoting.quotes(words, quoted, asked)
