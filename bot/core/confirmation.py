"""A one-step yes / no dialogue opened on top of whatever the user is in (/forget, cancelling a
plan): answered by button or by typing ("yes", "no", "keep it"); the dialogue below is asked
again once it is answered. A question asked there ("is it ok to keep going") is no answer, even
with a button's word in it: it is answered, and the yes / no question asked again; a question in a
button's own words ("does that delete my safety check too?") asks what answering does, and gets the
confirmation's own account of it; one asking if it is done ("did it work?") is told not yet. Nor
is another request made plainly in more words than an answer
("delete all my data" at "Cancel the plan?"): it is done, and the question stays open under it."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, replace
from enum import Enum
from functools import cached_property
from typing import Any

from bot.core.callbacks import Tap
from bot.core.dialogue import Dialogues, button
from bot.core.messages import Reply
from bot.storage.dialogues import State


class Step(Enum):
    """The one step: waiting for a yes or no."""

    CONFIRM = "confirm"


class Confirmation:
    """Ask `prompt` with a yes and a no button; `decide` acts on the answer and says what happened."""

    def __init__(self, name: str, dialogues: Dialogues, answer: Callable[[str], str | None],
                 prompt: Callable[[State], str], labels: tuple[str, str],
                 decide: Callable[[State, bool], Reply], asks: Callable[[str], bool] = lambda _text: False,
                 choices: Choices | None = None, about: str | None = None, own: frozenset[str] = frozenset(),
                 instead: Callable[[str], bool] = lambda _text: False, parts: frozenset[str] = frozenset(),
                 lasting: bool = False) -> None:
        self.name = name
        self.dialogues = dialogues
        self.answer = answer  # the understanding layer's yes / no / unsure
        self.asks = asks  # whether a message asks the bot something (the understanding layer's reading)
        self.prompt = prompt
        self.labels = labels
        self.decide = decide
        self.choices = choices or Choices.of(labels)
        self.about = about  # what answering does, for a question about it ("what does it erase?"); None: not told
        self.own = own  # the requests (intent values) this question is about ("forget" at /forget): still answers
        self.instead = instead  # a request this question gives way to ("change it to tue thu" at "Cancel the plan?")
        # words naming only a part of what the question is about ("injury", "plans" at /forget): a reply naming one
        # chooses only part ("just erase my injury stuff", "i wanted to forget the last message"), so it is no answer,
        # unless it keeps all in the button's own words or a bare no ("no, keep my plans", "hmm no, I'd lose my plans")
        self.parts = parts
        # an answer that can't be undone (erasing, cancelling a plan): an emoji alone that would do it ("🗑") and a bare word
        # of one answer right before a word of the other ("no, erase", "yes keep it") choose nothing, they are asked again
        self.lasting = lasting

    def start(self, user_id: int, data: dict[str, Any] | None = None) -> list[Reply]:
        """Open the question on top of whatever the user is in."""
        return [self.ask(self.dialogues.begin(user_id, self.name, Step.CONFIRM, data, side=True))]

    def ask(self, state: State) -> Reply:
        """The question with its two buttons."""
        yes, no = self.labels
        return Reply(self.prompt(state), buttons=((button(state, yes, "yes"), button(state, no, "no")),))

    def on_text(self, state: State, text: str) -> list[Reply] | None:
        """A typed yes or no, or a word that chooses one ("keep it", "nuke it", "don't keep anything");
        anything else, a question, and a message choosing both or only part ("erase just the plans"), is
        not an answer; "not sure" and a yes with a condition ("yes if my plan stays") decide nothing: the question is
        asked again."""
        chosen = self.choices.read(text)
        taken_back = self.choices.taken_back(text) if chosen in ("yes", "no") else None
        if taken_back is not None and taken_back == self.answer(text):
            chosen = MIXED  # "right... wait no": a bare word one way, the answer taken back the other: no answer
        if self.lasting and chosen in ("yes", "no") and self.choices.said_against(text, chosen):
            chosen = MIXED  # "no, erase", "yes keep it", "no cancel": both answers said, nothing done
        if ASKS_IF_DONE.search(text.lower()):  # "did it work?": nothing is done before an answer
            return [NOT_YET, self.ask(state)]
        if asked(text, self.asks):  # "what does it erase?": what answering does, when it is told; else answered elsewhere
            return [Reply(self.about), self.ask(state)] if chosen and self.about else None
        lowered = text.lower()
        answer = chosen or ("yes" if _AGREEING.match(lowered) else None if _PART.search(lowered) else self.answer(text)) \
            if chosen != MIXED else None  # "no worries, go ahead": a yes; "no, just my health data": only part, no answer
        if self._elsewhere(text) or self.instead(text):
            return None
        if answer is None:  # both chosen, or only part ("can I cancel just this week"): asked again, nothing done
            return [self._undecided(lowered), self.ask(state)] if chosen == MIXED else None
        if answer == "unsure" or answer == "yes" and _CONDITION.search(lowered):  # "maybe", "yes if my plan stays":
            return [UNDECIDED, self.ask(state)]  # nothing decided, so nothing done (never taken for a no, nor a yes)
        if chosen != "no" and self._part(text, answer):  # "just erase my injury stuff": only part, no answer
            return None
        if self.lasting and answer == "yes" and emoji_only(text):  # "🗑": asked back in words, never done on an emoji
            return [Reply(format_emoji_asked(text.strip())), self.ask(state)]
        return self._decide(state, answer == "yes", edit=False)

    def _undecided(self, lowered: str) -> Reply:
        """What a reply choosing both answers or only part of the question gets before the question again: what
        answering does, for a part chosen, when it is told ("Cancelling ends the plan..."); else that nothing changes yet."""
        return Reply(self.about) if self.about and _PART.search(lowered) else UNDECIDED

    def _part(self, text: str, answer: str) -> bool:
        """Whether a reply names only a part of what the question is about (`parts`) and says no bare "no" ("hmm no, I'd
        lose my plans" keeps, and keeping loses nothing)."""
        said_no = answer == "no" and not _BARE["no"].isdisjoint(_WORDS.findall(text.lower()))
        return not said_no and not self.parts.isdisjoint(self.choices.beyond(text))

    def _elsewhere(self, text: str) -> bool:
        """Whether a message plainly makes another request in more words than an answer ("delete all my data" at
        "Cancel the plan?"; "delete it" there answers): that request is done, the question left open under it."""
        requested = self.dialogues.requested(text)
        return requested is not None and requested not in self.own and bool(self.choices.beyond(text))

    def on_tap(self, state: State, tap: Tap) -> list[Reply]:
        """Yes or no by button."""
        return self._decide(state, tap.action == "yes", edit=True)

    def cancel(self, state: State) -> list[Reply]:
        """Leaving the question is a no."""
        return self._decide(state, False, edit=False)

    def _decide(self, state: State, yes: bool, edit: bool) -> list[Reply]:
        """End the question, then act on the answer."""
        self.dialogues.end(state.user_id, self.name)
        reply = self.decide(state, yes)
        return [reply if edit else replace(reply, edit=False)]


_WORDS = re.compile(r"[a-z']+|[^\w\s,.!?'\"]")  # words, and symbols such as a button's emoji typed alone
_NEGATORS = frozenset("dont don't not never wont won't".split())
_NO_CAUSE = frozenset("point need reason sense use".split())  # after "no", a negator: "no point keeping it", "no need to keep it"
# words that may stand between a negator and the word it negates ("not gonna save it", "don't want to delete it", "i dont
# want you keeping anything")
_BETWEEN = frozenset("gonna going to want wanna need really actually even you u ya".split())
# the words any answer may be said with, besides its choices' own ("ok do it", "yes please, all of it")
_ANSWERING = frozenset("yes yeah yep yup ya ok okay k sure fine alright no nope nah not dont don't do it this that "
                       "them all of please pls plz just now then go ahead right away".split())
# an order to do what was asked, after answer words at most and with no "?" ("ok do it", "yes do it now"; "do it slowly?" asks)
# whether what was asked is done already ("did it work?", "is it done", "did you delete it", "has it gone through")
ASKS_IF_DONE = re.compile(r"^\W*(?:so\W+|and\W+|ok\W+)?(?:did|has|have|is|was)\s+(?:it|that|this|everything|you)\s+(?:\w+\s+)?"
                          r"(?:work(?:ed)?|go(?:ne)? through|done|happen(?:ed)?|finished|gone|delete[d]?|erase[d]?|wipe[d]?"
                          r"|cancel(?:l?ed)?|save[d]?|do it)\b[^,.!]*\?*\W*$")
NOT_YET = Reply("Not yet: nothing happens until you choose below.")
UNDECIDED = Reply("No rush: nothing changes until you choose below.")
_ORDERS = re.compile(r"^\W*(?:(?:ok|okay|k|yes|yeah|yep|sure|fine|alright|so|then|well|right|just|go on)\W+)*do\s+it\b[^?]*$",
                     re.IGNORECASE)
# the bare words of each answer, which tell nothing more than the answer itself
_BARE = {"yes": frozenset("yes yeah yep yup ya yea ye yh aye sure ok okay k right correct true".split()),
         "no": frozenset("no nope nah nop na".split())}
_DOUBTS = frozenset("maybe perhaps possibly idk dunno unsure probably".split())  # a word that says the answer is not sure
_REPEATED = re.compile(r"(.)\1+")  # "noo", "yess": the word with its repeated letters said once
# a condition put on a yes ("yes if my plan stays", "ok as long as i can redo it"): no yes yet, the question is asked again
_CONDITION = re.compile(r"\b(?:if|unless|as long as|provided|providing|only when)\b")
# a yes said with "no" ("no problem, go ahead", "no worries, do it"): agreeing, never a no
_AGREEING = re.compile(r"^\W*(?:no|nope)\s+(?:problem|prob|probs|probz|problemo|worries|worry|bother|biggie|prob(?:lem)?s)\b")
# the same said anywhere in a reply ("i am 25 and healthy, no problem"), for a step where a yes acts on nothing lasting
_AGREEING_ANYWHERE = re.compile(r"\b(?:no|nope)\s+(?:problem|prob|probs|probz|problemo|worries|worry|bother|biggie)\b"
                                r"|\bnot\s+a\s+problem\b", re.IGNORECASE)
MIXED = "mixed"  # words that choose both answers, or only part of what was asked: no answer at all
# only part of what the question asks, or more ("erase just the plans", "cancel only friday", "save it but 15 min before")
_PART = re.compile(r"\b(?:only|except|apart from|other than|but|just (?:the|my|this|these|that|those|one|\w+days?)"
                   r"|seulement|solamente|nur|apenas|somente|sirf)\b")  # a few other languages' "only" ("annule mardi seulement")


def emoji_only(text: str) -> bool:
    """Whether a reply is emoji alone ("👍", "🤔", "👍🏻"): no letter or digit, and a symbol beyond plain punctuation."""
    stripped = text.strip()
    return bool(stripped) and not any(c.isalnum() for c in stripped) and any(ord(c) > 0x2000 for c in stripped)


def format_emoji_asked(emoji: str) -> str:
    """An emoji alone that would do what can't be undone: asked back in words."""
    return f"{emoji} could mean yes or no, and this can't be undone, so I need it in words: tap a button below, or type yes or no."


def without_agreeing(text: str) -> tuple[bool, str]:
    """Whether a reply agrees with "no" in its words ("no problem", "no worries", "not a problem"), and the reply
    without them: their "no" is no answer, so the rest says whether the reply declines ("no problem, but not now")."""
    rest = _AGREEING_ANYWHERE.sub(" ", text)
    return rest != text, rest


def asked(text: str, asks: Callable[[str], bool]) -> bool:
    """Whether a reply to a yes / no question asks something instead of answering: a question of more than
    two words ("is it ok to keep going", "does it matter for the reminders?"); "do it", "ok do it" and "ok?" answer."""
    return len(text.split()) > 2 and asks(text) and not _ORDERS.match(text)


@dataclass(frozen=True)
class Choices:
    """The words that choose yes or no at one prompt: its buttons' own words and what people say for them.
    A word chooses its answer unless negated just before ("don't keep it" erases, "don't erase" keeps); a
    word of action outweighs a bare yes or no ("no, I'm sure, delete it"). Accents are ignored, so a few
    words of other languages are listed too ("borra todo"). A word is matched as typed or
    as the start of a longer one ("cancel" in "cancelled"); a phrase of several words as it is."""

    yes: frozenset[str]
    no: frozenset[str]

    @classmethod
    def of(cls, labels: tuple[str, str]) -> Choices:
        """The words only one label has (of four letters or more, "yes", or its emoji)."""
        said_yes, said_no = (set(_label_words(label)) for label in labels)
        return cls(frozenset(said_yes - said_no), frozenset(said_no - said_yes))

    @classmethod
    def listed(cls, yes: str, no: str) -> Choices:
        """Choices written as "erase, delete, wipe it": comma-separated words or phrases per answer."""
        return cls(_listed(yes), _listed(no))

    def beyond(self, text: str) -> list[str]:
        """The words of a message besides its choices' words and the words any answer is said with ("yes", "it",
        "please"): "delete all my data" -> ["my", "data"], "yes delete it all" -> []."""
        words = _WORDS.findall(_folded(text.lower()))
        own = [part for choice in (*self.yes, *self.no) for part in choice.split()]
        return [w for w in words if w not in _ANSWERING and w.isalpha()
                and not any(_matches([w], [part]) for part in own)]

    def said_against(self, text: str, answer: str) -> bool:
        """Whether a reply opens with a bare word of the other answer right before its first choice ("no, erase", "yes
        keep it", "no cancel"); words between make it an answer of its own ("no, I'm sure, delete it")."""
        words = " ".join(_WORDS.findall(_folded(text.lower()))).split()
        found = self._found_at(words)
        if not found:
            return False
        start = found[0][3] - len(found[0][2].split())
        return start == 1 and _bare(words[0]) == _flipped(answer)

    def taken_back(self, text: str) -> str | None:
        """The other answer, when every choice a message makes is a bare yes or no word ("right", "correct"; not "delete
        it", "don't keep it") and a bare word of the other answer comes after them all ("right... wait no, maine": "no");
        else None. Whether the answer was taken back is the everyday reader's to say ("no no, you got it right" keeps its
        yes: the bare word comes last)."""
        words = " ".join(_WORDS.findall(_folded(text.lower()))).split()
        found = self._found_at(words)
        if not found or any(negated or choice not in _BARE[answer] for answer, negated, choice, _end in found):
            return None
        other = _flipped(found[0][0])
        return other if any(_bare(word) == other for word in words[found[-1][3]:]) else None

    def read(self, text: str) -> str | None:
        """"yes", "no", MIXED (both chosen, or only part of the question), or None (no word of either)."""
        lowered = " ".join(_WORDS.findall(_folded(text.lower())))
        words = lowered.split()
        found = self._found(words)
        chosen = {_flipped(answer) if negated else answer for answer, negated, _word in found}
        if not chosen:
            return None
        if len(chosen) == 1 and _said_both(found, words):  # "yeah no", "right... no": a bare word each way
            return MIXED
        return MIXED if len(chosen) > 1 or _PART.search(lowered) else chosen.pop()

    @cached_property
    def _longest_first(self) -> list[tuple[list[str], str]]:
        """Every choice as its words, with its answer, the longest first."""
        return sorted(((c.split(), a) for a, own in (("yes", self.yes), ("no", self.no)) for c in own),
                      key=lambda choice: -len(choice[0]))

    def _found(self, words: list[str]) -> list[tuple[str, bool, str]]:
        """(answer, negated, the choice) of every word or phrase of either answer, left to right, the longest first
        ("no changes" chooses yes before "change" could choose no)."""
        return [(answer, negated, choice) for answer, negated, choice, _end in self._found_at(words)]

    def _found_at(self, words: list[str]) -> list[tuple[str, bool, str, int]]:
        """As `_found`, each with the index of the word after it."""
        found, i = [], 0
        while i < len(words):
            hit = next(((parts, a) for parts, a in self._longest_first if _matches(words[i:i + len(parts)], parts)), None)
            if hit is None:
                i += 1
                continue
            i += len(hit[0])
            found.append((hit[1], _negated(words, i - len(hit[0])), " ".join(hit[0]), i))
        return found


def _said_both(found: list[tuple[str, bool, str]], words: list[str]) -> bool:
    """Whether a choice made by bare yes or no words alone ("yeah", "right") has a bare word of the other answer next
    to it, or an "and" or "or" between ("yeah no", "right... no", "yes and no"), or a word of doubt anywhere ("yeah
    maybe"): no choice at all. A choice of action ("no, I'm sure, delete it") outweighs a bare word, and one apart from
    it is its own ("no no, you got it right")."""
    if not found or any(negated or choice not in _BARE[answer] for answer, negated, choice in found):
        return False
    if _DOUBTS.intersection(words):
        return True
    answer, other = found[0][0], _flipped(found[0][0])
    said = [_bare(w) for w in words if w not in ("and", "or")]
    return any(a == answer and other in said[max(i - 1, 0):i + 2] for i, a in enumerate(said))


def _bare(word: str) -> str | None:
    """The answer a bare yes or no word says ("yess", "nope"), else None."""
    return next((answer for answer, bare in _BARE.items() if word in bare or _REPEATED.sub(r"\1", word) in bare), None)


def _negated(words: list[str], i: int) -> bool:
    """Whether the word at `i` is negated: a negator just before it ("no point" and the like count as one: "sure, no point
    keeping it"), or three words before at most with only words such as "gonna", "want to" between ("not gonna save it",
    "dont really want to delete")."""
    for j in range(i - 1, max(i - 5, -1), -1):
        if words[j] in _NEGATORS or words[j] in _NO_CAUSE and j > 0 and words[j - 1] == "no":
            return True
        if words[j] not in _BETWEEN:
            return False
    return False


def _matches(words: list[str], parts: list[str]) -> bool:
    """Whether words are a choice's words: a single word as typed or as the start of a longer word (four letters on)."""
    if len(words) != len(parts):
        return False
    if len(parts) > 1:
        return words == parts
    word, part = words[0], parts[0]
    return word == part or len(part) >= 4 and word.startswith(part) and len(word) - len(part) <= 3


def _folded(text: str) -> str:
    """The text with accents taken off ("cancélalo" is "cancelalo"); emoji kept."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _flipped(answer: str) -> str:
    """The other answer."""
    return "no" if answer == "yes" else "yes"


def _listed(words: str) -> frozenset[str]:
    """Comma-separated words or phrases."""
    return frozenset(w.strip() for w in words.split(",") if w.strip())


def _label_words(label: str) -> list[str]:
    """A label's words of at least four letters, "yes", and its symbols (what tells two labels apart)."""
    return [w for w in _WORDS.findall(label.lower()) if len(w) >= 4 or w == "yes" or not w.isalpha()]
