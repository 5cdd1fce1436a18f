"""What the dialogues need read from a typed message besides their own slots: a goal, a yes or
no, and a way out. Read by the understanding layer (knowledge/), never by word lists here."""

from __future__ import annotations

from knowledge.understanding import Understanding

CANCEL_WORDS = ("cancel", "stop", "/cancel", "never mind", "nevermind", "quit")


class UnderstandingWords:
    """The understanding layer's readings, in the plain strings the dialogues use."""

    def __init__(self, understanding: Understanding) -> None:
        self.understanding = understanding

    def goal(self, text: str) -> str | None:
        """"strength" | "hypertrophy" | "endurance" | "mobility", or None."""
        reader = getattr(self.understanding, "goal", None)
        if reader is not None:
            found: str | None = reader(text)
            return found
        word = text.strip().lower().strip(".!")
        return word if word in ("strength", "hypertrophy", "endurance", "mobility") else None

    def answer(self, text: str) -> str | None:
        """"yes" | "no" | "unsure", or None."""
        reader = getattr(self.understanding, "answer", None)
        if reader is not None:
            found = reader(text)
            return found.name.lower() if found is not None else None
        from bot.features.screening.flow import typed_answer  # until the understanding layer reads answers

        return {"y": "yes", "n": "no", "u": "unsure"}.get(typed_answer(text) or "")

    def is_yes(self, text: str) -> bool:
        """Whether the message confirms what the bot just showed."""
        return self.answer(text) == "yes"


def is_cancel(text: str) -> bool:
    """Whether a typed message means "leave what we are doing"."""
    return text.strip().lower().strip(".!") in CANCEL_WORDS
