"""What people say to the bot besides questions: intents ("remind me on mondays", "delete my
data"), typed answers to a yes/no prompt ("yep", "not really", "dunno"), training goals in any
words ("bigger glutes") and replies to a safety-check question ("on tablets for it", "wait go
back"). Each is a small learned reader trained from data/intents.yaml; every reader has a "none"
class, so chat and questions are not forced into a label.

Talk is read on the words as spelt (typos corrected), not the knowledge tokens: "yes", "no" and
"hi" are fillers to the knowledge base but the whole message here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum

from knowledge.features import Vocabulary
from knowledge.ranker import Ranker


class Intent(Enum):
    """What an idle message asks the bot to do."""

    PLAN = "plan"
    SESSIONS = "sessions"
    SETTINGS = "settings"
    TIMEZONE = "timezone"
    SCREEN = "screen"
    HELP = "help"
    MY_DATA = "mydata"
    FORGET = "forget"
    CANCEL = "cancel"
    GREETING = "greeting"
    THANKS = "thanks"
    GOODBYE = "goodbye"


class Answer(Enum):
    """A typed answer to a yes/no prompt."""

    YES = "yes"
    NO = "no"
    UNSURE = "unsure"


GOALS = ("strength", "hypertrophy", "endurance", "mobility")
CHECKIN = ("done", "snooze", "skip", "unwell")  # a session reminder's four buttons
CLOSE = "close"
NONE = "none"
TALK_LABELS = {
    "intents": tuple(i.value for i in Intent),
    "answers": tuple(a.value for a in Answer),
    "goals": GOALS,
    "checkin": CHECKIN,
    "closing": (CLOSE,),
    "screening": ("yes", "no", "unsure", "back", "cancel"),  # a typed reply to a safety-check question
}
MIN_ODDS = dict.fromkeys(TALK_LABELS, 0.5) | {"checkin": 0.4, "screening": 0.4}  # below this a reader says none
# (checkin: tuned on bench/checkin_dev.yaml, flat from 0.25 to 0.4; screening: cross-validated on
# bench/screening_dev.yaml by bench/tune_screening.py: 268/300 at 0.3 and 0.4, 263 at 0.5)


@dataclass(frozen=True)
class Talk:
    """The talk readers: a vocabulary and a classifier each."""

    readers: dict[str, tuple[Vocabulary, Ranker]]

    def label(self, reader: str, words: Sequence[str]) -> tuple[str, float]:
        """The likeliest label of a message (as spelt words) for one reader, and its probability."""
        vocabulary, ranker = self.readers[reader]
        probs = ranker.probabilities(vocabulary.vector(words, words))
        best = int(probs.argmax())
        return ranker.labels[best], float(probs[best])

    def read(self, reader: str, words: Sequence[str]) -> str | None:
        """The label a reader is sure enough of, or None (none of its labels, or too unsure)."""
        if not words:
            return None
        label, odds = self.label(reader, words)
        return None if label == NONE or odds < MIN_ODDS[reader] else label

    def intent(self, words: Sequence[str]) -> Intent | None:
        """What an idle message asks the bot to do, if anything."""
        label = self.read("intents", words)
        return Intent(label) if label else None

    def answer(self, words: Sequence[str]) -> Answer | None:
        """Yes, no or not sure, in any words; None for anything else."""
        label = self.read("answers", words)
        return Answer(label) if label else None

    def goal(self, words: Sequence[str]) -> str | None:
        """The training goal a message names, if any."""
        return self.read("goals", words)

    def checkin(self, words: Sequence[str]) -> str | None:
        """Which of a reminder's buttons a typed reply stands for (done, snooze, skip, unwell), if any."""
        return self.read("checkin", words)

    def screening(self, words: Sequence[str]) -> str | None:
        """A typed reply to a safety-check question: yes, no, unsure, back or cancel, if any."""
        return self.read("screening", words)

    def closes(self, words: Sequence[str]) -> bool:
        """Whether a message closes the screen shown ("that's all", "all good, thanks")."""
        return self.read("closing", words) == CLOSE
