"""/forget as a confirmation of the core's one mechanism, opened on top of whatever the user is in:
confirmed by button or by typing; "keep" leaves every dialogue as it was (the safety check or the
plan being made is asked again)."""

from __future__ import annotations

from collections.abc import Callable

from bot.core.confirmation import Choices, Confirmation
from bot.core.dialogue import Dialogues
from bot.core.messages import Reply
from bot.features.privacy.records import FORGOTTEN, KEPT
from bot.storage.dialogues import State

DIALOGUE = "forget"
# what erasing does, for a question about it at the prompt ("does that delete my safety check too?"): every record, as
# forget_user erases them (each feature's eraser with the core's)
ABOUT = ("Erasing removes everything I store about you: your safety check (answers and result), your plans and "
         "sessions with their settings (time zone, goal, reminders), the questions I couldn't answer and what we last "
         "talked about. Nothing is kept, and it can't be undone. \"Keep my data\" changes nothing.")
PROMPT = ("This erases everything I store about you: your safety check, your plans and your "
          "unanswered questions. It can't be undone. Erase it?")


# what people type for each button ("nuke it", "wipe everything", "don't keep anything"; "hang on, keep it")
ERASING = Choices.listed("🗑, erase, eras, delet, wipe, nuke, remov, purge, trash, bin it, bin everything, get rid, "
                         "borra, losch, loesch, efface, supprim, cancella, apaga, verwijder",  # a few other languages' words
                         "keep, hold on to, leave it, leave my, behalt, garder, mantener, conserv, houden")
# what /forget erases names only part of it ("just erase my injury stuff", "i wanted to forget the last message not
# everything"): such a reply erases nothing and keeps nothing; the question is asked again
ERASED_PARTS = frozenset("injury injuries health plan plans reminder reminders session sessions answer answers check "
                         "screening settings goal zone timezone message messages last".split())


def forget_confirmation(dialogues: Dialogues, erase: Callable[[int], None],
                        answer: Callable[[str], str | None], asks: Callable[[str], bool]) -> Confirmation:
    """Erase everything about a user once they confirm."""

    def decide(state: State, yes: bool) -> Reply:
        """Erase (every dialogue's row with everything else), or keep."""
        if yes:
            erase(state.user_id)
        return FORGOTTEN if yes else KEPT

    return Confirmation(DIALOGUE, dialogues, answer, lambda _state: PROMPT,
                        ("🗑 Yes, erase everything", "Keep my data"), decide, asks, ERASING,
                        about=ABOUT, own=frozenset({"forget", "mydata"}),  # "keep my data" reads as /mydata: an answer here
                        parts=ERASED_PARTS, lasting=True)  # erasing can't be undone
