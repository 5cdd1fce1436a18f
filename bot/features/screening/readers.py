"""The understanding layer's readers the safety check uses to read a typed reply."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from knowledge.normalize import clean_text
from knowledge.screening import ScreeningWords, TypedReply
from knowledge.screening_moves import Exit


@dataclass(frozen=True)
class Readers:
    """The understanding layer's readers the check uses (the defaults read nothing)."""

    reply: Callable[[str, str], TypedReply] = lambda _text, _question: TypedReply()
    small_talk: Callable[[str], bool] = lambda _text: False  # thanks, a greeting: never an answer
    about_us: Callable[[str], bool] = lambda _text: False  # a question the knowledge base answers
    clearly_ours: Callable[[str], bool] = lambda _text: False  # the knowledge base answers it on a clear match
    question: Callable[[str], bool] = lambda _text: False  # worded as a question at all
    answer: Callable[[str], str | None] = lambda _text: None  # the everyday yes / no reader (consent, stop?)
    leaves: Callable[[str], bool] = lambda _text: False  # the intent reader's way out ("nvm", "enough")
    words_of: Callable[[str], list[str]] = lambda text: clean_text(text).split()  # typos fixed ("stpo", "thnaks")
    words: ScreeningWords = field(default_factory=ScreeningWords)
    concern: Callable[[str], bool] = lambda _text: False  # the safety detector hears a health concern in it
    this_year: Callable[[], int] = lambda: date.today().year  # "in 2015" is long ago, "in this year" not

    def about_check(self, text: str) -> bool:
        """Whether the message asks what the check is for ("whats the point of this")."""
        return self.words.asks_about_check(clean_text(text))

    def opens_question(self, text: str) -> bool:
        """Whether a message opens with a question word ("what counts as high blood pressure")."""
        return bool(self.words.question_openers.intersection(self.words_of(text)[:1]))

    def asks_us(self, text: str) -> bool:
        """Whether a message is plainly a question ("?" or a question word first) the knowledge base
        answers on a clear match ("do i stop at parallel"; "i'll talk to my doctor" is no question)."""
        return ("?" in text or self.opens_question(text)) and self.clearly_ours(text)

    def exit(self, text: str) -> Exit:
        """Whether a message read as cancel is a plain way out, or more."""
        return self.words.exits.read(self.words_of(text), asked="?" in text)
