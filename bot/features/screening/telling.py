"""The check's rules for a reply that tells a topic: in part ("only the hip"), denied ("wasnt dizzy"), told as fine
("legs r fine"), of someone else ("my mom had cancer"), another question's topic, or an age at the age question."""

from __future__ import annotations

import re

from bot.features.screening.questions import BY_ID, Question
from bot.features.screening.said import Reading, Said
from knowledge.screening import ScreeningWords, TypedReply


def partial(s: Said) -> bool:
    """A part of what the question asks told undenied in a clause of its own, in a reply neither asking, nor going back,
    nor leaving, nor a no in other words ("only the irregular heartbeat thing, the rest no"; "just go back" and "just
    the pill" at the medication question are no part)."""
    said = s.said
    if "?" in s.text or s.phrase == "no" or not said.going_back.isdisjoint(s.words) or not said.exits.verbs.isdisjoint(s.words):
        return False
    return said.tells_part(s.asked, [s.readers.words_of(clause) for clause in re.split(r"[,.;:!]+", s.text)])


def about_other(s: Said) -> Reading:
    """Another question's topic told here: for the check to decide (denied: read as a no, or a denial in it)."""
    assert s.reply.other_topic is not None
    denied = s.reply.label == "no" or s.reply.by_age == "no" or s.negated
    return Reading(other=BY_ID[s.reply.other_topic], denied=denied)


def yes_about_other(s: Said) -> str | None:
    """The question whose topic a yes tells instead of this one's, in a clause of the user's own after it ("yes, I had
    back surgery" at the dizziness question; see data/screening.yaml, `telling`), naming this question's topic nowhere;
    None for a yes with a reason ("yes, for my blood pressure" at the medication question), a doubt, a denial or a
    question."""
    rest = s.words[1:]
    if s.reply.lead != "yes" or s.reply.this_topic or not rest or "?" in s.text or s.negated or s.said.doubtful(s.words):
        return None
    if rest[0] not in s.said.telling and rest[0] not in s.said.others.myself:
        return None
    return s.said.named_last(" ".join(rest), s.asked)


def told_undenied(s: Said) -> bool:
    """The reader's no where this question's topic is told, with no word denying it or telling it fine (in a clause
    naming it: "gave birth 8 weeks ago, midwife said im fine to move" tells it)."""
    return s.reply.label == "no" and s.reply.this_topic and not s.negated and not told_fine(s)


def told_fine(s: Said) -> bool:
    """Whether a reply tells something as fine in every clause naming this question's topic ("legs r fine"), or in
    all of it when no clause names it alone; not "gave birth 8 weeks ago, midwife said im fine to move"."""
    told = [words for clause in re.split(r"[,.;:!?]+", s.text) if (words := s.readers.words_of(clause))
            and (s.asked in s.said.named(" ".join(words)) or s.said.named_here(s.asked, words))]
    return all(s.said.told_fine(words) for words in told) if told else s.said.told_fine(s.words)


def denies_topic(s: Said) -> bool:
    """A reply naming this question's topic only right after a denying word ("i slipped on ice in january, wasnt dizzy";
    see knowledge.screening.ScreeningWords.denies_topic), whatever else it names: never one opening with a yes, holding a
    doubt or asking."""
    plain = s.reply.lead != "yes" and "?" not in s.text and not s.said.doubtful(s.words) and not s.asks
    return plain and s.said.denies_topic(s.asked, s.words)


def yes_of_others(reply: TypedReply, question: Question, words: list[str], said: ScreeningWords) -> bool:
    """Whether a reply tells of someone else's health with no answer word of the user's own: no yes or no
    first, no denial, no doubt ("my mom had cancer"; "no my dad has diabetes not me" is a no)."""
    answered = reply.lead is not None or not said.negations.isdisjoint(words) or said.doubtful(words)
    return not answered and said.others.told(question.id, words)


def by_age(s: Said) -> bool:
    """An age stated at the age question, not asked about, with no yes or doubt against it."""
    return s.reply.by_age is not None and s.at_age_question and not s.asks and not _doubts_age(s.reply, s.words, s.said)


def _doubts_age(reply: TypedReply, words: list[str], said: ScreeningWords) -> bool:
    """Whether a reply says yes or not sure where its number reads as an adult age ("i turn 18 next month
    so technically yes", "50/50 lol"): never a clean no then ("i am 51 years" reads yes for its "i am" alone)."""
    says_yes = any(said.leading.get(word) == "yes" for word in words)
    return reply.by_age == "no" and (reply.label == "unsure" or says_yes)
