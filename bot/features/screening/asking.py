"""The check's rules for a reply that asks rather than answers: why the check asks about a topic, whether it is fine to
go on, whether a thing told counts, and a yes hedged as a question ("kinda?")."""

from __future__ import annotations

import re

from bot.features.screening.questions import BY_ID, Level, Question
from bot.features.screening.readers import Readers
from bot.features.screening.said import Said
from knowledge.normalize import clean_text

# a yes or no said, not asked about; the words of it being fine, which a question only asks about
ANSWER_WORDS = frozenset("yes yeah yep yup ya yea yeh yess y aye ja si oui sim da no nope nah nein non never not".split())
FINE_WORDS = frozenset("ok okay fine alright good safe cool normal".split())


def asks_why(text: str, question: Question | None, readers: Readers) -> bool:
    """Whether a reply only asks why the check asks about a topic ("wait why do u need to know about my heart", "whats my
    heart got to do with it"): a question about the check (`about_check`) naming a topic of no red-flag question, with no
    word but the check's talk, the body's parts it names and question talk (`about_check_talk`, `quoting`): it tells
    nothing ("why do you ask about my heart, i had a heart attack" and "... my high blood pressure" tell)."""
    said, cleaned = readers.words, clean_text(text)
    if question is None or said.about_check is None or not said.asks_about_check(cleaned):
        return False
    named = [BY_ID[qid] for qid in said.named(cleaned) if qid in BY_ID]
    rest = set(said.about_check.sub(" ", cleaned).split())
    return bool(named) and all(q.level is not Level.RED for q in named) \
        and rest <= said.about_check_talk | said.quoting.talk


def asks_if_fine(s: Said) -> bool:
    """A question whose only answer word is one of it being fine ("is it ok to keep going?", "is that fine?"), naming no
    topic: it asks, and answers nothing (doccheck s28: read as a yes, it ended the check amber, or red at the chest one)."""
    return s.asks and s.reply.label in ("yes", "no") and not s.named and ANSWER_WORDS.isdisjoint(s.words) \
        and not FINE_WORDS.isdisjoint(s.words)


def tells_then_asks(text: str, asked: str, words: list[str], readers: Readers) -> bool:
    """Whether a reply's first clause tells this question's topic, not as fine, and a later one asks ("I get a tight
    chest during panic attacks, does anxiety count?"): whether it counts is unsure, never nothing ("calf pain?" and
    "iz asthma long term??" only ask)."""
    first = re.split(r"[,.;:!?]", text, maxsplit=1)[0]
    told = asked in readers.words.named(" ".join(readers.words_of(first)))
    said, rest = text[len(first):len(first) + 1], text[len(first) + 1:]
    return told and said != "?" and "?" in rest and not readers.words.told_fine(words)


def doubted(s: Said) -> bool:
    """Whether a reply worded as a question doubts whether it answers yes: the reader's no, or this question's topic told,
    with a doubt ("they did an injection thing in my spine, not sure if thats surgery")."""
    return (s.reply.label == "no" or s.reply.label is None and s.reply.this_topic) and s.said.doubtful(s.words)


def hedged(s: Said) -> bool:
    """A reply opening with a yes told as how often or how much, asked ("kinda?", "sort of? he said to be careful"): a
    not sure, whatever follows."""
    first = s.text.split("?", 1)[0] if "?" in s.text else ""
    return s.said.phrases.get(" ".join(s.readers.words_of(first))) == "yes"
