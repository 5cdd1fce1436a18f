"""The check's rules for a reply read as a way out or a going back ("cancel", "wait go back"): giving the check up in so
many words, a short goodbye, correcting an earlier question, and a topic told that the reader took for a way out."""

from __future__ import annotations

from bot.features.screening.questions import BY_ID, QUESTIONS, Question
from bot.features.screening.readers import Readers
from bot.features.screening.said import Reading, Said
from knowledge.screening import TypedReply


def cancel_told(s: Said) -> bool:
    """A statement naming a topic that the reader took for a way out, with no way-out verb."""
    return s.first.label == "cancel" and s.named and not s.said.exits.verbs.intersection(s.words)


def told_for_way_out(s: Said) -> Reading:
    """See _told: undenied means no word of denial, or a health concern heard ("passed out ..., not enough food")."""
    return _told(s.first, s.said.negations.isdisjoint(s.words) or s.readers.concern(s.text))


def _told(reply: TypedReply, undenied: bool) -> Reading:
    """A statement naming a topic that the reader took for a way out: this question's topic told undenied (no
    word of denial, or a health concern heard in it) is a yes ("had breast cancer, in remission now"); else
    recorded nowhere (denied)."""
    if reply.this_topic and undenied:
        return Reading("y")
    other = BY_ID[reply.other_topic] if reply.other_topic is not None and not reply.this_topic else None
    return Reading(other=other, denied=True)


def quits(s: Said) -> bool:
    """A reply giving the check up in so many words, naming no topic and not asking ("this is dumb, leaving", "why is a
    fitness bot asking this, im out"; "nah im not doing a quiz" is no no): it leaves, as "cancel" does."""
    return not s.named and not s.text.rstrip().endswith("?") and s.said.quits(s.words)


def leaves(s: Said) -> bool:
    """The intent reader's way out ("nvm", "enough"), with no answer and no everyday yes or no in it."""
    return s.unanswered and s.readers.leaves(s.text) and s.readers.answer(s.text) is None


def earlier_named(s: Said) -> Question | None:
    """The earlier question a reply going back names with a word of correcting, if any ("i want to change my answer to
    the blood pressure one" at question 4: the heart question; not "go back, my back is fine")."""
    step = QUESTIONS.index(s.question) if s.question is not None else 0
    named = BY_ID.get(s.reply.other_topic or "")
    correcting = not s.said.correcting.isdisjoint(s.words)
    return named if named is not None and correcting and QUESTIONS.index(named) < step else None


def corrects_earlier(s: Said) -> bool:
    """An earlier question's topic alone, named to correct it."""
    return s.reply.other_topic is not None and not s.reply.this_topic and _corrects(s.reply.other_topic, s.question,
                                                                                  s.words, s.readers)


def _corrects(topic: str, question: Question | None, words: list[str], readers: Readers) -> bool:
    """Whether a reply asks to correct an earlier question, naming it ("i want to fix the one about medication",
    "change my answer to the blood pressure one" three questions on)."""
    step = QUESTIONS.index(question) if question is not None else 0
    earlier = topic in {q.id for q in QUESTIONS[:step]}
    return earlier and not readers.words.correcting.isdisjoint(words) and not readers.opens_question(" ".join(words))
