"""A reply that goes back to an earlier question with an answer ("wait the heart one, i do have high bp"), or tells a
yes to an earlier question late ("actually i do get out of breath on stairs"), and the words of such a reply that the
safety detector still hears."""

from __future__ import annotations

import re

from bot.features.screening.questions import BY_ID, QUESTIONS, Question
from bot.features.screening.readers import Readers
from bot.features.screening.reading import read_reply
from bot.features.screening.said import CODES, Reading
from bot.features.screening.steps import ANSWERS
from bot.features.screening.store import Progress


def earlier_answer(readers: Readers, progress: Progress, reading: Reading, text: str) -> tuple[Question, str] | None:
    """The earlier question a reply goes back to and the answer it gives there ("wait the heart one, i do have high
    bp", "go back pls, the blood pressure one should be a yes"): an earlier question named with a word of going
    back or correcting, and a clause of the reply answering it; none when it also leaves or asks."""
    said, words = readers.words, readers.words_of(text)
    named = reading.other or BY_ID.get(readers.reply(text, QUESTIONS[progress.step].id).other_topic or "")
    if named is None or QUESTIONS.index(named) >= progress.step or reading.code not in (None, "b") or "?" in text \
            or not said.returns(words):
        return None
    answers = [code for clause in clauses(text) if (code := answers_earlier(readers, named, clause))]
    return (named, answers[-1]) if answers else None


def answers_earlier(readers: Readers, earlier: Question, clause: str) -> str | None:
    """The answer one clause of a reply going back gives an earlier question: an answer word ("the blood pressure
    one should be a yes"), or the user's own words telling it ("i do have high bp", "forgot I fainted in may");
    a clause of going back or correcting answers only with an answer word ("change my last answer to yes"), a
    clause only naming the topic ("the bp thing") none."""
    said, words = readers.words, readers.words_of(clause)
    given = said.answer_as(words)  # "the dizzy one should be no its just when i stand up quick"
    if given is not None:
        return CODES[given]
    code = read_reply(clause, earlier, readers).code
    worded = any(word in said.leading for word in words) or said.phrase(words, earlier.id) is not None
    going = said.returns(words)
    own = not said.others.myself.isdisjoint(words) or "my" in words
    return code if code in ANSWERS and (worded or own and not going) else None


def beside_going_back(readers: Readers, earlier: Question, text: str) -> str:
    """A reply's words beside its clauses that only go back to an earlier question ("wait i want to change the medicine
    one" -> ""): a clause of going back that gives that question no answer (see answers_earlier) tells nothing."""
    said = readers.words
    kept = [clause for clause in clauses(text) if not said.returns(readers.words_of(clause))
            or answers_earlier(readers, earlier, clause) is not None]
    return ", ".join(kept)


def beside(readers: Readers, earlier: Question, text: str) -> str:
    """A reply's words beside the clauses that answer an earlier question, naming its topic and no other ("wait the
    heart one, i do have high bp" -> ""): that answer is recorded at the question, not told to the safety detector."""
    said = readers.words
    kept = [clause for clause in clauses(text)
            if set(said.named(" ".join(readers.words_of(clause)))) != {earlier.id}]
    return ", ".join(kept)


# a professional's clearance told at the check ("my physio has reviewed these and cleared me"; tester s33 #5: recorded as a yes
# to the question about advice to train only under supervision): the opposite of a restriction, never a yes told late
CLEARED = re.compile(r"\b(?:cleared|clearance|signed (?:me )?off|all clear|green light|go ahead|(?:said|says|told me) (?:that )?"
                     r"(?:i'?m|i am|its|it'?s|it is) (?:fine|ok|okay|good|safe)|fine to (?:train|exercise|do|lift|start))\b")


def told_late(readers: Readers, progress: Progress, reading: Reading, text: str) -> bool:
    """Whether a reply about an earlier question's topic says yes to it, told late ("actually i
    do get out of breath on stairs" at question 6): not denied, not a question, not an age that answers the age
    question no ("i am 45 year old man"), and more than a word: one word alone tells no yes (tester s33: "Cardiff", a
    town typed for the plan, was recorded as a yes to the heart question over its "No")."""
    assert reading.other is not None
    return QUESTIONS.index(reading.other) < progress.step and not reading.denied and len(readers.words_of(text)) > 1 \
        and not CLEARED.search(text.lower()) \
        and not readers.opens_question(text) and readers.reply(text, reading.other.id).by_age != "no"


def clauses(text: str) -> list[str]:
    """A reply's clauses: split at punctuation and "but" ("go back pls, the blood pressure one should be a yes")."""
    return [clause for clause in re.split(r"[,.;:!?]+|\s+but\s+", text) if clause.strip()]
