"""The replies that move through the safety check rather than answer it (data/screening.yaml): a way out ("stop",
"gtg"), a pause ("brb") and a return ("ok im back"), going back to an earlier question ("wait", "change"), putting the
check off ("tomorrow") and asking to erase it ("delete my answers")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from knowledge.screening_patterns import found, matches


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
class MoveWords:
    """The words of moving through the check (see the module's docstring)."""

    exits: ExitWords = ExitWords()
    going_back: frozenset[str] = frozenset()  # "go back", "undo": the previous question, not the body's back
    correcting: frozenset[str] = frozenset()  # "change", "fix": with an earlier question's topic, go back to correct it
    pausing: re.Pattern[str] | None = None  # "brb", "one sec": a pause, the answers kept
    returning: re.Pattern[str] | None = None  # "wait", "go back": with an earlier topic named, back to it
    leaving: re.Pattern[str] | None = None  # "gtg", "cya": a way out, when nothing else is said
    asking_back: re.Pattern[str] | None = None  # "go back", "previous question": a back, when nothing else is read
    quitting: re.Pattern[str] | None = None  # "im done", "not doing this": giving the check up, with nothing after
    resuming: re.Pattern[str] | None = None  # "ok im back", "where were we": the whole reply, back after a pause
    restarting: re.Pattern[str] | None = None  # "start over", "can we restart": the whole reply, the check begun again
    resuming_after_pause: re.Pattern[str] | None = None  # "ok back": right after a pause, the user is back
    putting_off: re.Pattern[str] | None = None  # "tomorrow", "later": a way out that puts the check off, a pause
    erasing: re.Pattern[str] | None = None  # "delete": a request to start the check that asks to erase instead
    retaking: re.Pattern[str] | None = None  # "redo": with a word of erasing, a new check is asked for too

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
        verbs = self.exits.verbs - {match.group(0) for match in matches(self.putting_off, cleaned)}
        return found(self.putting_off, cleaned) and verbs.isdisjoint(words)

    def erases(self, words: list[str]) -> bool:
        """Whether a reply asks to erase ("delete my safety check answers"; see data/screening.yaml, `erasing`), and not
        for a new check besides ("redo the check and delete my old answers": `retaking`)."""
        cleaned = " ".join(words)
        return found(self.erasing, cleaned) and not found(self.retaking, cleaned)

    def quits(self, words: list[str]) -> bool:
        """Whether a reply gives the check up in so many words ("too long, i'm done", "this is dumb, leaving"): a phrase
        of quitting followed by nothing but the words of a plain way out ("not doing this anymore"; see
        data/screening.yaml, `quitting`), not by more ("im out of breath" quits nothing)."""
        text, exits = " ".join(words), self.exits
        plain = exits.verbs | exits.way_out | exits.deferring
        return any(set(text[match.end():].split()) <= plain for match in matches(self.quitting, text))

    def returns(self, words: list[str]) -> bool:
        """Whether a reply holds a word of going back to an earlier question ("wait", "go back", "change"; see
        data/screening.yaml, `returning` and `correcting`)."""
        return self.goes_back(words) or not self.correcting.isdisjoint(words)

    def asks_back(self, words: list[str]) -> bool:
        """Whether a reply asks to go back in so many words ("go back", "previous question"; `asking_back`)."""
        return found(self.asking_back, " ".join(words))

    def goes_back(self, words: list[str]) -> bool:
        """Whether a reply holds a word of going back ("go back", "previous"; see data/screening.yaml, `returning`)."""
        return found(self.returning, " ".join(words))

    def leaves(self, words: list[str]) -> bool:
        """Whether a reply holds a short way out ("gtg", "k bye"; see data/screening.yaml, `leaving`)."""
        return found(self.leaving, " ".join(words))

    def restarts(self, words: list[str]) -> bool:
        """Whether a whole reply asks to begin the check again ("start over", "can we restart"; data/screening.yaml,
        `restarting`)."""
        return self.restarting is not None and self.restarting.fullmatch(" ".join(words)) is not None

    def resumes(self, words: list[str]) -> bool:
        """Whether a whole reply only says the user is back ("ok im back", "sorry where were we"; see
        data/screening.yaml, `resuming`): "back" there is no going back, and "im back pain" says more."""
        return self.resuming is not None and self.resuming.fullmatch(" ".join(words)) is not None

    def pauses(self, words: list[str]) -> bool:
        """Whether a reply holds a word of pausing ("brb", "hold on"; see data/screening.yaml, `pausing`)."""
        return found(self.pausing, " ".join(words))
