"""What a typed reply to one safety-check question carries, for the check's rules: the screening
talk reader's label (yes / no / unsure / back / cancel), the question topics it names, whether it
only acknowledges, an age it states, and a yes or no said first. Besides: everyday phrases that
answer ("not that i know of", "sometimes when i run"), questions about the check itself ("whats the
point of this"), and whether a reply with "stop" or "cancel" in it is a plain way out or more.

The words are data a curator edits (data/screening.yaml); the examples the reader learns from are
in data/intents.yaml (`screening`). The check itself (bot/features/screening) decides what is
recorded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any, TypeGuard

from knowledge.normalize import clean_text
from knowledge.training import DATA_DIR, TrainingDataError, read_yaml

SCREENING_WORDS = DATA_DIR / "screening.yaml"
AGES = range(1, 121)  # a number outside these is no age ("5000", "0")
ASKED_WORDS = 3  # a "?" after this many words or more, in a reply opening with "does", "is"...: it asks
ASKING_REACH = 8  # an asking verb before this word asks, in a reply opening with "does"... ("does sore pecs from chest day count")
COUNTED_WORDS = 4  # a reply this short asking whether a thing counts ("celiac counts?") asks, naming nothing of the user's


@dataclass(frozen=True)
class TypedReply:
    """How a typed reply reads at one question (see the module's docstring)."""

    label: str | None = None  # "yes" | "no" | "unsure" | "back" | "cancel" | None
    lead: str | None = None  # the answer its first word gives alone ("yes, for my blood pressure")
    this_topic: bool = False  # it names this question's topic
    other_topic: str | None = None  # the question whose topic it names instead of this one's
    acknowledgement: bool = False  # "ok", "cool": no answer
    by_age: str | None = None  # "yes" | "no": a stated age at a question about age (this one, or other_topic)
    question: bool = False  # worded as a question
    contrast_topic: bool = False  # what follows its last "but" names this question's topic, undenied and unasked


class Exit(Enum):
    """What a reply with a way-out word ("stop", "cancel") is."""

    LEAVE = "leave"  # "stop", "stop the check", "can we cancel this now": leave the check
    UNCLEAR = "unclear"  # more than a way out: a question ("should i stop if it hurts?") or a request with more


@dataclass(frozen=True)
class ExitWords:
    """The words that tell a plain way out from more (see data/screening.yaml, `exits`)."""

    verbs: frozenset[str] = frozenset()  # stop, cancel, quit...
    way_out: frozenset[str] = frozenset()  # the other words a plain request to leave is made of
    deferring: frozenset[str] = frozenset()  # later, tomorrow...: a way out too, said (not asked: "can i cancel this later?")

    def read(self, words: list[str], asked: bool = False) -> Exit:
        """Leave or unclear: a reply without a way-out verb is the reader's own cancel ("nvm"); `asked`: it
        holds a "?", so words of putting it off ask about later ("can i cancel this later?") rather than leave."""
        if self.verbs.isdisjoint(words):
            return Exit.LEAVE
        plain = self.verbs | self.way_out | (frozenset() if asked else self.deferring)
        return Exit.LEAVE if set(words) <= plain else Exit.UNCLEAR


@dataclass(frozen=True)
class Asking:
    """The words that open a question (see data/screening.yaml, `asking`)."""

    wh: frozenset[str] = frozenset()  # why, what, how...: a reply opening with one asks
    aux: frozenset[str] = frozenset()  # does, are, can...: it asks with a "?" or a subject after it
    subjects: frozenset[str] = frozenset()  # i, you, we, it...: "are we done yet"
    referring: frozenset[str] = frozenset()  # that, it, this: "does that count?" asks about what was told
    verbs: frozenset[str] = frozenset()  # count, matter, mean: opening with `aux`, a reply with one asks ("do massages count")

    def asks(self, words: list[str], before_mark: int) -> bool:
        """Whether `words` open with a question (`before_mark`: how many words come before its first "?",
        0 without one; "could be?" is too short to ask, "does the pill count?" asks)."""
        if not words or words[0] not in self.wh | self.aux:
            return False
        subject = len(words) > 1 and words[1] in self.subjects
        return words[0] in self.wh or before_mark >= ASKED_WORDS or subject or not self.verbs.isdisjoint(words[2:ASKING_REACH])


@dataclass(frozen=True)
class Quoting:
    """The words a question about a question's own words is made of (see data/screening.yaml, `quoting`)."""

    talk: frozenset[str] = frozenset()  # what, counts, as, mean...: the rest of "what counts as bladder problems"
    meaning: frozenset[str] = frozenset()  # mean, count...: a reply holding one asks, "?" or not
    asking: frozenset[str] = frozenset()  # would, do...: the user's own word right after one asks ("why would i have")
    own: frozenset[str] = frozenset()  # i, my...: anywhere else, the user tells something of their own

    def quotes(self, words: list[str], quoted: frozenset[str], asked: bool) -> bool:
        """Whether a reply only asks about `quoted` (a question's own words): asked (`asked`: a "?", or a
        question word first), holding one of them, and made of nothing else but question talk; the user's own
        word only right after an asking word second or third ("why would i have numbness around the groin??")."""
        if not (asked or not self.meaning.isdisjoint(words)) or quoted.isdisjoint(words):
            return False
        return all(word in quoted and word not in self.own or word in self.talk
                   or word in self.own and 0 < i < 3 and words[i - 1] in self.asking for i, word in enumerate(words))


@dataclass(frozen=True)
class Denials:
    """The words a denial tells a symptom by (see data/screening.yaml, `denials`)."""

    felt: frozenset[str] = frozenset()  # feel, control, pee...: "cant feel my thighs", "no control of my bladder" tell

    def undenied(self, text: str, negations: frozenset[str], contrasts: frozenset[str]) -> str:
        """A reply's words outside its denials: each clause (split at punctuation and contrast words) cut from its
        first negation on ("no i dont get any pain in my chest" -> "", "no groin numbness, but i fell" -> "i fell"),
        unless what the negation says is a symptom (one of `felt`: "since this morning i cant feel my thighs")."""
        kept: list[str] = []
        for clause in re.split(r"[,.;:!?()]+", text):
            for part in _parts(clean_text(clause).split(), contrasts):
                cut = next((i for i, word in enumerate(part) if word in negations), len(part))
                kept += part if self.felt.intersection(part[cut:]) else part[:cut]
        return " ".join(kept)


def _parts(words: list[str], contrasts: frozenset[str]) -> list[list[str]]:
    """Words split at contrast words ("no numbness but i fell": "no numbness", "i fell"), which are dropped."""
    parts: list[list[str]] = [[]]
    for word in words:
        if word in contrasts:
            parts.append([])
        else:
            parts[-1].append(word)
    return parts


@dataclass(frozen=True)
class Others:
    """The words that tell of another person (see data/screening.yaml, `others`)."""

    people: frozenset[str] = frozenset()  # mom, brother, son...
    myself: frozenset[str] = frozenset()  # i, im, ive...: the user says something of themselves too
    questions: frozenset[str] = frozenset()  # questions a child told of answers ("my son is 3 months old")
    denials: re.Pattern[str] | None = None  # "i dont", "not me": the user's own no beside someone else's health

    def told(self, question_id: str, words: list[str]) -> bool:
        """Whether `words` name another person and nothing of the user, at a question they do not answer."""
        return question_id not in self.questions and not self.people.isdisjoint(words) and self.myself.isdisjoint(words)

    def without_others(self, text: str, contrasts: frozenset[str]) -> str:
        """A reply's words outside the clauses naming another person ("my dad has heart stuff, not me" -> "not me"):
        what someone else has is not told of the user."""
        clauses = [part for clause in re.split(r"[,.;:!?()]+", text) for part in _parts(clean_text(clause).split(), contrasts)]
        return ", ".join(" ".join(part) for part in clauses if self.people.isdisjoint(part))

    def denied(self, question_id: str, words: list[str]) -> bool:
        """Whether `words` name another person and deny it of the user ("my brother has a slipped disc, I don't")."""
        mine = self.denials is not None and self.denials.search(" ".join(words)) is not None
        return question_id not in self.questions and not self.people.isdisjoint(words) and mine


@dataclass(frozen=True)
class Past:
    """The words that tell a topic as over or long ago (see data/screening.yaml, `past`)."""

    now: frozenset[str] = frozenset()  # questions about now: a topic told as over is no yes
    recent: frozenset[str] = frozenset()  # questions about a window of months: a topic told long ago is no yes
    over: re.Pattern[str] | None = None  # "not anymore", "all sorted now"
    long_ago: re.Pattern[str] | None = None  # "years ago", "as a kid"
    still: re.Pattern[str] | None = None  # "still", "worse": it goes on
    ever: dict[str, re.Pattern[str]] = field(default_factory=dict)  # question id -> words that ask about ever there
    kinds: dict[str, re.Pattern[str]] = field(default_factory=dict)  # question id -> the kinds its window is for
    outside: dict[str, re.Pattern[str]] = field(default_factory=dict)  # question id -> parts it does not ask about
    inside: dict[str, re.Pattern[str]] = field(default_factory=dict)  # question id -> parts it asks about

    def elsewhere(self, question_id: str, words: list[str]) -> bool:
        """Whether a reply names only parts a question does not ask about ("only my wrist, its in a brace")."""
        cleaned = " ".join(words)
        return _found(self.outside.get(question_id), cleaned) and not _found(self.inside.get(question_id, _ANY), cleaned)

    def told(self, question_id: str, words: list[str], negations: frozenset[str], this_year: int) -> bool:
        """Whether `words` tell this question's topic as over (a question about now) or long ago (one about
        a recent window), with no word of it going on."""
        cleaned = " ".join(words)
        if _found(self.still, cleaned) or _found(self.ever.get(question_id), cleaned):
            return False
        if question_id in self.now:
            return any(negations.isdisjoint(words[:_start(cleaned, m)][-2:]) for m in _all(self.over, cleaned))
        if question_id in self.recent and _found(self.kinds.get(question_id, _ANY), cleaned):
            return any(_undated(words, m) for m in _all(self.long_ago, cleaned)) or _old_year(words, this_year)
        return False


_ANY = re.compile("")  # a question without `kinds`: its window is for every reply


def _found(pattern: re.Pattern[str] | None, cleaned: str) -> bool:
    """Whether an optional pattern matches."""
    return pattern is not None and pattern.search(cleaned) is not None


def _all(pattern: re.Pattern[str] | None, cleaned: str) -> list[re.Match[str]]:
    """Every match of an optional pattern."""
    return list(pattern.finditer(cleaned)) if pattern is not None else []


def _start(cleaned: str, match: re.Match[str]) -> int:
    """The index of the word a match starts at."""
    return len(cleaned[:match.start()].split())


def _undated(words: list[str], match: re.Match[str]) -> bool:
    """Whether a "long ago" match is no start of something going on ("since i was a kid", "for years back")."""
    before = words[:_start(" ".join(words), match)][-3:]
    return not {"since", "for"}.intersection(before)


def _old_year(words: list[str], this_year: int) -> bool:
    """Whether a reply dates its topic two or more years back ("fainted once, in 2015"), not as a start ("since 2015")."""
    return any(w.isdigit() and len(w) == 4 and 1900 <= int(w) <= this_year - 2 and (i == 0 or words[i - 1] != "since")
               for i, w in enumerate(words))


@dataclass(frozen=True)
class ScreeningWords:
    """The topic words of each question, acknowledgements and the questions answered by an age."""

    topics: dict[str, re.Pattern[str]] = field(default_factory=dict)
    acknowledgements: frozenset[str] = frozenset()
    ages: dict[str, int] = field(default_factory=dict)  # question id -> the age under which it is a yes
    leading: dict[str, str] = field(default_factory=dict)  # an opening word -> "yes" | "no"
    age_words: frozenset[str] = frozenset()  # the words around an age in a reply that only states one
    phrases: dict[str, str] = field(default_factory=dict)  # an opening phrase -> "yes" | "no"
    negations: frozenset[str] = frozenset()  # a yes phrase in a reply with one of these is no yes
    about_check: re.Pattern[str] | None = None  # a question about the check itself ("whats the point of this")
    exits: ExitWords = ExitWords()
    question_openers: frozenset[str] = frozenset()  # a reply opening with one asks ("what counts as...")
    contrasts: frozenset[str] = frozenset()  # "but", "though": what follows one is what a reply tells last
    going_back: frozenset[str] = frozenset()  # "go back", "undo": the previous question, not the body's back
    correcting: frozenset[str] = frozenset()  # "change", "fix": with an earlier question's topic, go back to correct it
    doubts: re.Pattern[str] | None = None  # "not sure", "idk": anywhere in a reply, a doubt ("..., so not sure")
    all_clear: frozenset[str] = frozenset()  # fine, normal: a topic told as fine is no yes ("legs r fine")
    others: Others = Others()  # "my mom had cancer": another person's health, no answer
    body_back: frozenset[str] = frozenset()  # "my", "lower": before "back", the body's back ("it stays in my back")
    asking: Asking = Asking()
    past: Past = Past()
    phrases_at: dict[str, dict[str, str]] = field(default_factory=dict)  # question id -> phrases answering only there
    tails: dict[str, str] = field(default_factory=dict)  # "so no", "so yes": the answer a reply ends on
    quoting: Quoting = Quoting()  # "what counts as bladder problems": asks about a question's own words
    denials: Denials = Denials()  # "no i dont get any pain in my chest": the words it denies are not told
    partial: frozenset[str] = frozenset()  # only, just: a clause opening with one tells a part ("only the swollen ankles")
    topics_at: dict[str, re.Pattern[str]] = field(default_factory=dict)  # question id -> words naming it only there
    changes: re.Pattern[str] | None = None  # "actually", "i mean": the answer word after one is the answer ("no... actually yes")
    pausing: re.Pattern[str] | None = None  # "brb", "one sec": a pause, the answers kept
    returning: re.Pattern[str] | None = None  # "wait", "go back": with an earlier topic named, back to it
    leaving: re.Pattern[str] | None = None  # "gtg", "cya": a way out, when nothing else is said
    back_troubles: frozenset[str] = frozenset()  # "pain", "hurts": after "back", the body's back ("no back pain")
    asking_back: re.Pattern[str] | None = None  # "go back", "previous question": a back, when nothing else is read
    quitting: re.Pattern[str] | None = None  # "im done", "not doing this": giving the check up, with nothing after
    resuming: re.Pattern[str] | None = None  # "ok im back", "where were we": the whole reply, back after a pause
    emoji: dict[str, str] = field(default_factory=dict)  # an emoji that answers ("🙅": no), read as that word
    whole: dict[str, dict[str, str]] = field(default_factory=dict)  # "any" | "now" -> a whole reply -> "yes" | "no"
    polite: frozenset[str] = frozenset()  # thanks, lol: words after a whole reply that change nothing
    about_check_talk: frozenset[str] = frozenset()  # wait, know: besides a question's words, a question about the check
    answered_as: re.Pattern[str] | None = None  # "should be": going back, the answer word after one is the answer
    answered_as_last: re.Pattern[str] | None = None  # "to": so too, when the answer word ends the clause
    resuming_after_pause: re.Pattern[str] | None = None  # "ok back": right after a pause, the user is back
    putting_off: re.Pattern[str] | None = None  # "tomorrow", "later": a way out that puts the check off, a pause
    erasing: re.Pattern[str] | None = None  # "delete": a request to start the check that asks to erase instead
    retaking: re.Pattern[str] | None = None  # "redo": with a word of erasing, a new check is asked for too
    denying: frozenset[str] = frozenset()  # no, wasnt: right before every word naming the topic, a denial of it

    def answer_as(self, words: list[str]) -> str | None:
        """The answer a reply going back gives in so many words ("the dizzy one should be no", "change it to no"; see
        data/screening.yaml, `answered_as`): "yes", "no" or "unsure", else None."""
        text = " ".join(words)
        for pattern, last in ((self.answered_as, False), (self.answered_as_last, True)):
            for match in _all(pattern, text):
                rest = text[match.end():].split()
                rest = rest[1:] if rest[:1] in (["a"], ["an"]) and not last else rest
                told = "unsure" if rest[:2] == ["not", "sure"] or rest[:1] == ["unsure"] else self.leading.get(rest[0]) \
                    if rest else None
                if told is not None and (not last or len(rest) == (2 if told == "unsure" and rest[0] == "not" else 1)):
                    return told
        return None

    def resumes_after_pause(self, words: list[str]) -> bool:
        """Whether a whole reply says the user is back, right after a pause ("ok back", "sorry back"; see data/screening.yaml,
        `resuming_after_pause`), or anywhere (`resumes`)."""
        cleaned = " ".join(words)
        return self.resumes(words) or self.resuming_after_pause is not None \
            and self.resuming_after_pause.fullmatch(cleaned) is not None

    def puts_off(self, words: list[str]) -> bool:
        """Whether a reply puts the check off ("can we carry on with this tomorrow", "pause this"; `putting_off`), with no
        way-out verb but the ones it holds ("stop, i'll do it later" leaves)."""
        cleaned = " ".join(words)
        verbs = self.exits.verbs - {match.group(0) for match in _all(self.putting_off, cleaned)}
        return _found(self.putting_off, cleaned) and verbs.isdisjoint(words)

    def erases(self, words: list[str]) -> bool:
        """Whether a reply asks to erase ("delete my safety check answers"; see data/screening.yaml, `erasing`), and not
        for a new check besides ("redo the check and delete my old answers": `retaking`)."""
        cleaned = " ".join(words)
        return _found(self.erasing, cleaned) and not _found(self.retaking, cleaned)

    def denies_topic(self, question_id: str, words: list[str]) -> bool:
        """Whether every word naming a question's topic comes a word or two after a denying word ("one time i fall on the
        ice but no dizzy", "wasnt dizzy"; see data/screening.yaml, `denying`), at least one naming it."""
        cleaned = " ".join(words)
        found = _all(self.topics.get(question_id), cleaned)
        return bool(found) and all(not self.denying.isdisjoint(words[max(0, _start(cleaned, m) - 2):_start(cleaned, m)])
                                   for m in found)

    def answers_whole(self, question_id: str, words: list[str]) -> str | None:
        """The answer a reply gives when it is nothing but an everyday answer, politeness after it aside ("I have not,
        thank you."; at a question about now, "all good", "fully healed now"; see data/screening.yaml, `whole`)."""
        end = len(words)
        while end and words[end - 1] in self.polite:
            end -= 1
        said = " ".join(words[:end])
        now = self.whole.get("now", {}) if question_id in self.past.now else {}
        return self.whole.get("any", {}).get(said) or now.get(said)

    def quits(self, words: list[str]) -> bool:
        """Whether a reply gives the check up in so many words ("too long, i'm done", "this is dumb, leaving"): a phrase
        of quitting followed by nothing but the words of a plain way out ("not doing this anymore"; see
        data/screening.yaml, `quitting`), not by more ("im out of breath" quits nothing)."""
        text, exits = " ".join(words), self.exits
        plain = exits.verbs | exits.way_out | exits.deferring
        return any(set(text[match.end():].split()) <= plain for match in _all(self.quitting, text))

    def spell_emoji(self, text: str) -> str:
        """A reply with each emoji that answers as its word ("🙅‍♂️" -> "no"; see data/screening.yaml, `emoji`)."""
        if not self.emoji or text.isascii():
            return text
        return "".join(f" {self.emoji[c]} " if c in self.emoji else c for c in text)

    def returns(self, words: list[str]) -> bool:
        """Whether a reply holds a word of going back to an earlier question ("wait", "go back", "change"; see
        data/screening.yaml, `returning` and `correcting`)."""
        return self.goes_back(words) or not self.correcting.isdisjoint(words)

    def asks_back(self, words: list[str]) -> bool:
        """Whether a reply asks to go back in so many words ("go back", "previous question"; `asking_back`)."""
        return _found(self.asking_back, " ".join(words))

    def goes_back(self, words: list[str]) -> bool:
        """Whether a reply holds a word of going back ("go back", "previous"; see data/screening.yaml, `returning`)."""
        return _found(self.returning, " ".join(words))

    def leaves(self, words: list[str]) -> bool:
        """Whether a reply holds a short way out ("gtg", "k bye"; see data/screening.yaml, `leaving`)."""
        return _found(self.leaving, " ".join(words))

    def resumes(self, words: list[str]) -> bool:
        """Whether a whole reply only says the user is back ("ok im back", "sorry where were we"; see
        data/screening.yaml, `resuming`): "back" there is no going back, and "im back pain" says more."""
        return self.resuming is not None and self.resuming.fullmatch(" ".join(words)) is not None

    def pauses(self, words: list[str]) -> bool:
        """Whether a reply holds a word of pausing ("brb", "hold on"; see data/screening.yaml, `pausing`)."""
        return _found(self.pausing, " ".join(words))

    def told_past(self, question_id: str, words: list[str], this_year: int) -> bool:
        """Whether a reply tells this question's topic as over or long ago (see Past.told)."""
        return self.past.told(question_id, words, self.negations, this_year)

    def told_fine(self, words: list[str]) -> bool:
        """Whether a reply tells something as fine ("legs r fine"), not with a negation just before ("not normal for me")."""
        return any(word in self.all_clear and (i == 0 or words[i - 1] not in self.negations) for i, word in enumerate(words))

    def tells_part(self, question_id: str, clauses: list[list[str]]) -> bool:
        """Whether a clause opens with a word of a part and names this question's topic, undenied and not told as fine
        ("only the irregular heartbeat thing, the rest no", "not really, just tightness when i sprint")."""
        return any(words[0] in self.partial and self.tells_topic(question_id, words[1:]) and not self.told_fine(words)
                   for words in clauses if words)

    def changed(self, words: list[str]) -> str | None:
        """The answer a reply changes its mind to: the answer word right after its last word of changing it, with an
        answer word before it ("no... well actually yes last week", "no wait yes, 17 til march"; "actually nah, dont
        wanna do this" changes nothing), else None."""
        text = " ".join(words)
        for match in reversed(_all(self.changes, text)):
            rest, before = text[match.end():].split(), text[:match.start()].split()
            if rest and rest[0] in self.leading and any(word in self.leading for word in before):
                return self.leading[rest[0]]
        return None

    def doubtful(self, words: list[str]) -> bool:
        """Whether a reply says a doubt anywhere in it ("nothing specific, so not sure")."""
        return self.doubts is not None and self.doubts.search(" ".join(words)) is not None

    def doubts_first(self, words: list[str]) -> bool:
        """Whether a reply opens with a doubt ("no clue", "no idea"): its "no" answers nothing."""
        return self.doubts is not None and self.doubts.match(" ".join(words)) is not None

    def only_body_back(self, words: list[str]) -> bool:
        """Whether every "back" of a reply follows a word naming the body's back ("pain stays in my back") or comes
        before one of its troubles ("no back pain")."""
        backs = [i for i, word in enumerate(words) if word == "back"]
        return bool(backs) and all(i > 0 and words[i - 1] in self.body_back
                                   or words[i + 1:i + 2] and words[i + 1] in self.back_troubles for i in backs)

    def asks_first(self, words: list[str], text: str) -> bool:
        """Whether a reply opens by asking ("why 12 months?", "are we done yet"), not as a statement
        that happens to open with a question word ("am 17", "when i run")."""
        return self.asking.asks(words, len(text.split("?")[0].split()) if "?" in text else 0)

    def asks_if_counted(self, words: list[str], text: str) -> bool:
        """Whether a short reply asks whether a thing counts, telling nothing of the user's own ("celiac counts?",
        "ibuprofen counts?"; "my asthma counts?" and "osteopenia, does that count?" tell it)."""
        asked = text.rstrip().endswith("?") and not self.asking.verbs.isdisjoint(words)
        mine = not (self.quoting.own.isdisjoint(words) and self.asking.referring.isdisjoint(words))  # "does that count?"
        return asked and len(words) <= COUNTED_WORDS and not mine and self.lead(words) is None

    def refers_back(self, words: list[str]) -> bool:
        """Whether a question asks about what the user told ("does that count?"): its subject is "that", "it"..."""
        return len(words) > 1 and words[1] in self.asking.referring

    def after_contrast(self, words: list[str]) -> list[str]:
        """The words after a reply's last contrast word ("no, but my leg is getting weaker": "my leg is getting
        weaker"), none without one."""
        last = max((i for i, word in enumerate(words) if word in self.contrasts), default=None)
        return words[last + 1:] if last is not None else []

    def tells_topic(self, question_id: str, words: list[str]) -> bool:
        """Whether words name a question's topic as told, not denied nor asked ("my leg has been getting weaker")."""
        denied_or_asked = self.negations.intersection(words) or self.question_openers.intersection(words[:1])
        return bool(words) and not denied_or_asked and (question_id in self.named(" ".join(words))
                                                        or self.named_here(question_id, words))

    def named_here(self, question_id: str, words: list[str]) -> bool:
        """Whether words name a question's topic by words that name it only while it is asked (`topics_at`:
        "pressure" at the chest question, where "blood pressure" is no chest pain elsewhere)."""
        return _found(self.topics_at.get(question_id), " ".join(words))

    def named(self, cleaned: str) -> list[str]:
        """The questions whose topic the cleaned words name, in the questionnaire's order."""
        return [qid for qid, pattern in self.topics.items() if pattern.search(cleaned)]

    def lead(self, words: list[str]) -> str | None:
        """The answer a reply's first word gives when it opens with one ("yes, ..."), else None."""
        return self.leading.get(words[0]) if words else None

    def phrase(self, words: list[str], question_id: str = "") -> str | None:
        """The answer of the longest phrase a reply opens with ("not that i know of": no; "sometimes
        when i run": yes; at the pregnancy question "im a guy": no), a yes phrase only in a reply with no
        negation; else None."""
        text = " ".join(words)
        own = self.phrases_at.get(question_id, {})
        phrases = {**self.phrases, **own}
        found = max((p for p in phrases if text == p or text.startswith(p + " ")), key=len, default=None)
        if found is None:
            return self._own_after_laughs(words, own)
        if phrases[found] == "yes" and self.negations.intersection(words):
            return None
        if found in own and question_id in self.named(text[len(found):]):  # "the pill and metformin"
            return None
        return phrases[found]

    def _own_after_laughs(self, words: list[str], own: dict[str, str]) -> str | None:
        """The answer of a question's own phrase said whole after a laugh ("lol im a guy" at the pregnancy question), the
        polite words around it aside; None when more is said (a laugh set aside before a longer reply had read a yes as
        a no)."""
        start, end = 0, len(words)
        while start < end and words[start] in self.polite:
            start += 1
        while end > start and words[end - 1] in self.polite:
            end -= 1
        return own.get(" ".join(words[start:end])) if start else None

    def tail(self, words: list[str], text: str) -> str | None:
        """The answer a reply ends on after what it told ("only heartburn after pizza so no", "fine now, no"), else None."""
        ending = " ".join(words[-2:])
        if ending in self.tails:
            return self.tails[ending]
        said = re.search(r"[,.]\s*(\w+)\W*$", text.lower())
        return self.leading.get(said.group(1)) if said and len(words) > 2 else None

    def born(self, words: list[str], this_year: int) -> str | None:
        """"yes" or "no" at the age question for a year of birth told ("born in 2010"), "unsure" when that
        year makes the age either side of it; else None."""
        under = next(iter(self.ages.values()), None)
        years = [int(w) for w in words if w.isdigit() and len(w) == 4 and 1900 <= int(w) <= this_year]
        if under is None or "born" not in words or len(years) != 1:
            return None
        age = this_year - years[0]
        return "yes" if age < under else "unsure" if age == under else "no"

    def asks_about_check(self, cleaned: str) -> bool:
        """Whether a reply asks what the check is for or how it goes ("whats the point of this")."""
        return self.about_check is not None and self.about_check.search(cleaned) is not None

    def about_age(self, words: list[str]) -> str | None:
        """The question a reply that only states an age is about ("im 17"), else None."""
        numbers = [w for w in words if w.isdigit()]
        only_age = len(numbers) == 1 and int(numbers[0]) in AGES and set(words) - self.age_words == set(numbers)
        return next(iter(self.ages), None) if only_age else None

    def by_age(self, question_id: str, words: list[str]) -> str | None:
        """"yes" or "no" for a stated age at a question answered by one ("im 16"), else None."""
        under = self.ages.get(question_id)
        age = next((int(w) for w in words if w.isdigit() and int(w) in AGES), None)
        if under is None or age is None:
            return None
        return "yes" if age < under or age == under and not _NOT_YET.isdisjoint(words) else "no"


# the age that decides, not reached yet: "not 18 yet", "18 in march", "i turn 18 next month"
_NOT_YET = frozenset("yet turn turning till until til next soon".split())


def load_screening_words(path: Path | None = None) -> ScreeningWords:
    """Read data/screening.yaml (or `path`); TrainingDataError names the problem."""
    path = path or SCREENING_WORDS
    data = read_yaml(path)
    if not isinstance(data, dict):
        raise TrainingDataError(f"{path.name}: expected topics, acknowledgements and ages")
    topics = data.get("topics")
    if not isinstance(topics, dict) or not all(_words(v) for v in topics.values()):
        raise TrainingDataError(f"{path.name}: 'topics' must give a list of words for each question id")
    acknowledgements = data.get("acknowledgements")
    if not _words(acknowledgements):
        raise TrainingDataError(f"{path.name}: 'acknowledgements' must be a list of words")
    ages = data.get("ages") or {}
    if not isinstance(ages, dict) or not all(isinstance(v, int) and v in AGES for v in ages.values()):
        raise TrainingDataError(f"{path.name}: 'ages' must give an age from 1 to 120 for each question id")
    age_words = data.get("age_words") or []
    if not isinstance(age_words, list):
        raise TrainingDataError(f"{path.name}: 'age_words' must be a list of words")
    about = data.get("about_check")
    if about is not None and not _words(about):
        raise TrainingDataError(f"{path.name}: 'about_check' must be a list of phrases")
    return ScreeningWords({str(q): _pattern(words) for q, words in topics.items()},
                          frozenset(str(w) for w in acknowledgements), {str(q): a for q, a in ages.items()},
                          _leading(data.get("leading"), path), frozenset(map(str, age_words)),
                          _leading(data["phrases"], path, "phrases") if "phrases" in data else {},
                          _word_set(data, "negations", path), _pattern(about) if about else None, _exits(data, path),
                          _word_set(data, "question_openers", path), _word_set(data, "contrasts", path),
                          _word_set(data, "going_back", path), _word_set(data, "correcting", path),
                          _pattern(data["doubts"]) if _words(data.get("doubts")) else None, _word_set(data, "all_clear", path),
                          _others(data, path),
                          _word_set(data, "body_back", path), _asking(data, path), _past(data, path),
                          _phrases_at(data, path), _leading(data["tails"], path, "tails") if "tails" in data else {},
                          _quoting(data, path), Denials(_word_set(data.get("denials") or {}, "felt", path)),
                          _word_set(data, "partial", path), topics_at=_per_question(data, "topics_at", path),
                          changes=_pattern(data["changes"]) if _words(data.get("changes")) else None,
                          pausing=_pattern(data["pausing"]) if _words(data.get("pausing")) else None,
                          returning=_pattern(data["returning"]) if _words(data.get("returning")) else None,
                          back_troubles=_word_set(data, "back_troubles", path),
                          asking_back=_pattern(data["asking_back"]) if _words(data.get("asking_back")) else None,
                          leaving=_pattern(data["leaving"]) if _words(data.get("leaving")) else None,
                          quitting=_pattern(data["quitting"]) if _words(data.get("quitting")) else None,
                          resuming=_whole_reply(data["resuming"]) if _words(data.get("resuming")) else None,
                          emoji=_emoji(data, path), whole=_whole(data, path), polite=_word_set(data, "polite", path),
                          about_check_talk=_word_set(data, "about_check_talk", path),
                          answered_as=_pattern(data["answered_as"]) if _words(data.get("answered_as")) else None,
                          answered_as_last=_pattern(data["answered_as_last"]) if _words(data.get("answered_as_last")) else None,
                          resuming_after_pause=_after_pause(data),
                          putting_off=_pattern(data["putting_off"]) if _words(data.get("putting_off")) else None,
                          erasing=_pattern(data["erasing"]) if _words(data.get("erasing")) else None,
                          retaking=_pattern(data["retaking"]) if _words(data.get("retaking")) else None,
                          denying=_word_set(data, "denying", path))


def _after_pause(data: dict[str, Any]) -> re.Pattern[str] | None:
    """The `resuming_after_pause` replies, with the everyday words `resuming` allows around them (optional)."""
    resuming, after = data.get("resuming"), data.get("resuming_after_pause")
    return _whole_reply([resuming[0], *after]) if _words(resuming) and _words(after) else None


def _whole(data: dict[str, Any], path: Path) -> dict[str, dict[str, str]]:
    """The `whole` section (optional): for "any" question and for those about "now", replies for yes and for no."""
    section = data.get("whole") or {}
    if not isinstance(section, dict) or set(map(str, section)) - {"any", "now"}:
        raise TrainingDataError(f"{path.name}: 'whole' must give replies for yes and no under any and now")
    return {str(key): _leading(replies, path, "whole") for key, replies in section.items()}


def _emoji(data: dict[str, Any], path: Path) -> dict[str, str]:
    """The `emoji` section (optional): one emoji (a variation selector dropped) and the word it answers with."""
    section = data.get("emoji") or {}
    emoji = {str(k).replace("\ufe0f", ""): str(v) for k, v in section.items()} if isinstance(section, dict) else {}
    if not isinstance(section, dict) or any(len(k) != 1 or not v.strip() for k, v in emoji.items()):
        raise TrainingDataError(f"{path.name}: 'emoji' must give one emoji and a word for each")
    return emoji


def _quoting(data: dict[str, Any], path: Path) -> Quoting:
    """The `quoting` section (optional): its four lists."""
    quoting = data.get("quoting") or {}
    if not isinstance(quoting, dict):
        raise TrainingDataError(f"{path.name}: 'quoting' must give talk, meaning, asking and own")
    return Quoting(*(_word_set(quoting, key, path) for key in ("talk", "meaning", "asking", "own")))


def _phrases_at(data: dict[str, Any], path: Path) -> dict[str, dict[str, str]]:
    """The `phrases_at` section (optional): for a question id, its own phrases for yes and for no."""
    section = data.get("phrases_at") or {}
    if not isinstance(section, dict):
        raise TrainingDataError(f"{path.name}: 'phrases_at' must give phrases for yes and no per question id")
    return {str(q): _leading(phrases, path, "phrases_at") for q, phrases in section.items()}


def _past(data: dict[str, Any], path: Path) -> Past:
    """The `past` section (optional): its question lists, phrase lists and `ever` words per question."""
    past = data.get("past") or {}
    if not isinstance(past, dict):
        raise TrainingDataError(f"{path.name}: 'past' must give now, recent, over, long_ago, still, ever and kinds")
    over, long_ago, still = (_pattern(past[key]) if _words(past.get(key)) else None for key in ("over", "long_ago", "still"))
    parts = past.get("parts") or {}
    if not isinstance(parts, dict) or not all(isinstance(v, dict) for v in parts.values()):
        raise TrainingDataError(f"{path.name}: 'parts' must give outside and inside words per question id")
    outside, inside = ({str(q): _pattern(v[key]) for q, v in parts.items() if _words(v.get(key))} for key in ("outside", "inside"))
    return Past(_word_set(past, "now", path), _word_set(past, "recent", path), over, long_ago, still,
                _per_question(past, "ever", path), _per_question(past, "kinds", path), outside, inside)


def _per_question(data: dict[str, Any], key: str, path: Path) -> dict[str, re.Pattern[str]]:
    """An optional section giving a list of words for each question id."""
    section = data.get(key) or {}
    if not isinstance(section, dict) or not all(_words(v) for v in section.values()):
        raise TrainingDataError(f"{path.name}: '{key}' must give a list of words for each question id")
    return {str(q): _pattern(words) for q, words in section.items()}


def _others(data: dict[str, Any], path: Path) -> Others:
    """The `others` section: its three lists (all optional)."""
    others = data.get("others") or {}
    if not isinstance(others, dict):
        raise TrainingDataError(f"{path.name}: 'others' must give people, myself and questions")
    denials = others.get("denials")
    people, myself, questions = (_word_set(others, key, path) for key in ("people", "myself", "questions"))
    return Others(people, myself, questions, _pattern(denials) if _words(denials) else None)


def _asking(data: dict[str, Any], path: Path) -> Asking:
    """The `asking` section: its four lists (all optional)."""
    asking = data.get("asking") or {}
    if not isinstance(asking, dict):
        raise TrainingDataError(f"{path.name}: 'asking' must give wh, aux, subjects, referring and verbs")
    return Asking(*(_word_set(asking, key, path) for key in ("wh", "aux", "subjects", "referring", "verbs")))


def _exits(data: dict[str, Any], path: Path) -> ExitWords:
    """The `exits` section: its two lists (both optional)."""
    exits = data.get("exits") or {}
    if not isinstance(exits, dict):
        raise TrainingDataError(f"{path.name}: 'exits' must give verbs and way_out")
    return ExitWords(_word_set(exits, "verbs", path), _word_set(exits, "way_out", path), _word_set(exits, "deferring", path))


def _word_set(data: dict[str, Any], key: str, path: Path) -> frozenset[str]:
    """An optional list of words as a set."""
    value = data.get(key) or []
    if not isinstance(value, list) or not all(isinstance(w, str | int) for w in value):
        raise TrainingDataError(f"{path.name}: '{key}' must be a list of words")
    return frozenset(str(w) for w in value)


def _leading(data: Any, path: Path, key: str = "leading") -> dict[str, str]:
    """Each opening word (or phrase) and the answer it gives (yes or no)."""
    if not isinstance(data, dict) or set(map(str, data)) - {"yes", "no"} or not all(map(_words, data.values())):
        raise TrainingDataError(f"{path.name}: '{key}' must give a list of words for yes and for no")
    return {str(word): str(answer) for answer, words in data.items() for word in words}


def _words(value: Any) -> TypeGuard[list[Any]]:
    """Whether a value is a non-empty list of non-empty texts."""
    return isinstance(value, list) and bool(value) and all(isinstance(w, str | int) and str(w).strip() for w in value)


def _whole_reply(section: list[Any]) -> re.Pattern[str]:
    """A whole reply made of one of the phrases, with the everyday words of the list's first item ("ok|sorry|...")
    around it."""
    around, *phrases = (str(w).strip() for w in section)
    filler = rf"(?:(?:{around}) )*"
    return re.compile(rf"{filler}(?:{'|'.join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))})(?: (?:{around}))*")


def _pattern(words: list[Any]) -> re.Pattern[str]:
    """One pattern matching any of the words as whole words; * stands for any letters at that end."""
    parts = [re.escape(str(w).strip()).replace(r"\*", r"\w*") for w in words]
    return re.compile(rf"\b({'|'.join(sorted(parts, key=len, reverse=True))})\b")
