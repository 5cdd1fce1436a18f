"""What flows into and out of the conversation core, independent of any transport."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

_NOT_WORD = re.compile(r"[^a-z0-9'’]+")
_APOSTROPHE = re.compile(r"['’]")


class InboundKind(Enum):
    """What the user sent."""

    TEXT = "text"
    BUTTON = "button"
    LOCATION = "location"  # text is "latitude,longitude"
    VOICE = "voice"  # text is the transcript, "" when the recognizer was not confident
    UNSUPPORTED = "unsupported"


@dataclass(frozen=True)
class Inbound:
    """One message from a user: typed text (commands included), a button's data, or other media."""

    user_id: int
    kind: InboundKind
    text: str = ""
    alternatives: tuple[str, ...] = ()  # VOICE: the recognizer's other readings of the note, next best first
    samples: tuple[str, ...] = ()  # VOICE: a second hearing's readings, looked at for health concerns only
    certainty: float = 0.0  # VOICE: how sure the recognizer is of the words heard (its score; 0: sure)


@dataclass(frozen=True)
class Button:
    """A choice offered under a reply; `data` comes back as a BUTTON inbound (max 64 bytes)."""

    label: str
    data: str


def label_words(text: str) -> str:
    """A button label or a message as bare lowercase words: emoji, punctuation and "and"/"&" dropped ("📚 Topics" and
    "topics!" read alike), to know a label typed instead of tapped."""
    return " ".join(w for w in _APOSTROPHE.sub("", _NOT_WORD.sub(" ", text.lower())).split() if w != "and")


@dataclass(frozen=True)
class Reply:
    """One message to show the user, with what the core decided (for scripts and tests)."""

    text: str
    title: str = ""
    buttons: tuple[tuple[Button, ...], ...] = ()
    entry: str | None = None
    matched: bool = False
    score: float = 0.0
    edit: bool = False
    speak: bool = False  # also send it read aloud as a voice note (the user turned /voice on)
    safety: str | None = None  # "doctor" or "emergency" when the message carried a health concern
    location: bool = False  # offer a "share my location" button (Telegram: a keyboard button)

    def button_list(self) -> list[Button]:
        """All buttons, row by row."""
        return [button for row in self.buttons for button in row]
