"""The check's rules for a typed reply: a declared, ordered table (RULES); each names a reply it reads, when it applies
and the reading it gives, and the first that applies reads the reply."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from bot.features.screening.asking import asks_if_fine, asks_why, doubted, hedged, tells_then_asks
from bot.features.screening.questions import BY_ID
from bot.features.screening.said import ANSWERED, CODES, Reading, Said
from bot.features.screening.telling import (
    about_other,
    by_age,
    denies_topic,
    partial,
    told_fine,
    told_undenied,
    yes_about_other,
    yes_of_others,
)
from bot.features.screening.ways_out import cancel_told, corrects_earlier, earlier_named, leaves, quits, told_for_way_out


@dataclass(frozen=True)
class Rule:
    """One rule of the check: when it applies, and the reading it gives (`example`: a reply it reads)."""

    example: str
    applies: Callable[[Said], bool]
    reading: Callable[[Said], Reading]


def _code(code: str | None) -> Callable[[Said], Reading]:
    """A rule's reading: always this code (None: no answer, asked again)."""
    return lambda _said: Reading(code)


RULES: tuple[Rule, ...] = (  # in order: the first that applies reads the reply
    Rule("ok", lambda s: s.reply.acknowledgement, lambda _s: Reading(acknowledged=True)),
    Rule("too long, i'm done", quits, _code("c")),
    Rule("wait why do u need to know about my heart", lambda s: asks_why(s.text, s.question, s.readers), _code(None)),
    Rule("I have not, thank you. (skip: not sure)", lambda s: s.whole is not None,
         lambda s: Reading(CODES[s.whole or ""], skipped=s.whole == "unsure")),
    Rule("i never get out of breath", cancel_told, told_for_way_out),
    Rule("only the hip, back is fine", partial, _code("y")),
    Rule("wait go back (to the blood pressure one)", lambda s: s.reply.label in ("back", "cancel"),
         lambda s: Reading(CODES[s.reply.label or ""], other=earlier_named(s) if s.reply.label == "back" else None)),
    Rule("no... well actually yes last week on the bike", lambda s: s.said.changed(s.words) is not None,
         lambda s: Reading(CODES[s.said.changed(s.words) or ""])),
    Rule("kinda? he said take it easy on the back", hedged, _code("u")),
    Rule("born in 2010", lambda s: s.born is not None, lambda s: Reading(CODES[s.born or ""])),
    Rule("my mom had cancer", lambda s: s.question is not None and not s.told_age
         and yes_of_others(s.reply, s.question, s.words, s.said), _code(None)),
    Rule("my brother has a slipped disc, I don't", lambda s: s.question is not None and not s.said.doubtful(s.words)
         and s.said.others.denied(s.question.id, s.words), _code("n")),
    Rule("im 17", by_age, lambda s: Reading(CODES[s.reply.by_age or ""])),
    Rule("nvm", leaves, _code("c")),
    Rule("thanks", lambda s: s.unanswered and s.reply.lead is None and s.readers.small_talk(s.text), _code(None)),
    Rule("not numb no, but my leg has been getting weaker", lambda s: s.reply.contrast_topic, _code("y")),
    Rule("no clue, havent seen a doctor in years", lambda s: s.reply.lead == "no" and s.doubts_first,
         _code("u")),
    Rule("not really sure, sometimes my watch says high heart rate (or \"je sais pas\")", lambda s: s.doubts_first
         and s.reply.label in ("unsure", "no", None), _code("u")),
    Rule("yes, I had back surgery (at the dizziness question: about which?)", lambda s: yes_about_other(s) is not None,
         lambda s: Reading(other=BY_ID[yes_about_other(s) or ""], aside=True)),
    Rule("yes, for my blood pressure", lambda s: s.reply.lead is not None and s.reply.label in (s.reply.lead, None),
         lambda s: Reading(CODES[s.reply.lead or ""])),
    Rule("not that i know of", lambda s: s.phrase == "no", _code("n")),
    Rule("i want to change what i said about fainting", corrects_earlier, lambda s: Reading("b", other=BY_ID[s.reply.other_topic or ""])),
    Rule("sometimes my calf feels weird but not sure its from my back (the reader: not sure)",
         lambda s: s.reply.label == "unsure" and s.said.doubtful(s.words) and not s.said.returns(s.words), _code("u")),
    Rule("I had surgery 2 years ago (at the medication question)",
         lambda s: s.reply.other_topic is not None and not s.reply.this_topic, about_other),
    Rule("no i have not fainted in the past year (the reader: yes)",
         lambda s: s.reply.lead == "no" and s.reply.label == "yes",
         lambda s: Reading(None if s.said.negations.isdisjoint(s.words[1:]) else "n")),
    Rule("sometimes when i run", lambda s: s.phrase == "yes" and "?" not in s.text, _code("y")),
    Rule("why 12 months?", lambda s: s.asks and not s.said.refers_back(s.words), _code(None)),
    Rule("I get a tight chest during panic attacks, does anxiety count?", lambda s: s.reply.label is None
         and not (s.asks or s.negated) and tells_then_asks(s.text, s.asked, s.words, s.readers), _code("u")),
    Rule("is it ok to keep going?", asks_if_fine, _code(None)),
    Rule("i dont take any medication (worded as a question to the reader)", lambda s: s.reply.question and denies_topic(s),
         _code("n")),
    Rule("does that count?", lambda s: s.reply.question and ("?" in s.text or s.asks or s.negated
                                                              and not (s.reply.this_topic and s.tells_by_negation)),
         lambda s: Reading("u" if doubted(s) else CODES.get(s.reply.label or ""))),
    Rule("nothing specific, so not sure", lambda s: s.reply.label in ("no", None) and s.said.doubtful(s.words),
         _code("u")),
    Rule("on levothyroxine since forever (the reader: no)", told_undenied, _code("y")),
    Rule("i'm 17 actually, does that change anything (the reader: no)",
         lambda s: s.reply.label == "no" and s.reply.question and s.reply.lead is None and not s.negated, _code(None)),
    Rule("yes", lambda s: s.reply.label in ANSWERED, lambda s: Reading(CODES[s.reply.label or ""])),
    Rule("one time i fall on the ice last winter but no dizzy", denies_topic, _code("n")),
    Rule("herniated disc L5 S1", lambda s: s.reply.this_topic and not told_fine(s), _code("y")),
    Rule("legs r fine", lambda _s: True, _code(None)),
)
