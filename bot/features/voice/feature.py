"""Voice notes as a feature: a note is answered like the same words typed, and /voice on reads
answers aloud."""

from __future__ import annotations

from bot.core.kit import Kit
from bot.core.messages import Inbound, InboundKind, Reply
from bot.features.qa.answerer import HEARD_MARGIN
from bot.features.voice.notes import (
    DIDNT_CATCH,
    format_voice_setting,
    mark_spoken,
    voice_reply,
    with_health_line,
    with_heard,
    with_hedged_line,
)
from knowledge.safety import Safety

# How likely the safety detector's classifier must find a health concern (doctor first or emergency) in
# the transcript of an unsure note for the note to touch the body or health. See README, unsure notes.
TOUCHES_HEALTH = 0.15


class Voice:
    """Which reading of a note to answer, and the user's voice-reply setting."""

    def __init__(self, kit: Kit) -> None:
        self.kit = kit

    def on_note(self, msg: Inbound) -> list[Reply]:
        """A voice note: answered like the same words typed (a knowledge answer needs a clearer
        match), saying what was heard first."""
        transcript = self.heard(msg)
        if not transcript:
            return [DIDNT_CATCH]
        replies = self._with_sampled_concern(msg, self.kit.route_text(msg.user_id, transcript, True))
        answers = self.kit.answers
        if answers is not None and self._hedges(msg, transcript, replies):
            return with_hedged_line(transcript, replies, answers.doctor_first)
        return with_heard(transcript, replies)

    def _hedges(self, msg: Inbound, transcript: str, replies: list[Reply]) -> bool:
        """Whether a note's replies get the doctor-first line in its hedged form: the recognizer is
        unsure it heard the words said, no health line is given, and the transcript answered touches
        the body or health. Whisper cannot hear some health words at all ("sciatica" as "I can't be
        cut", "numb" as "hum"), but what is left ("... down my right leg", "my legs go ...") still reads
        as health to the safety classifier, whose odds are learned from the safety examples."""
        if not msg.unsure or not replies or any(reply.safety for reply in replies):
            return False
        return self._health_odds(transcript) >= TOUCHES_HEALTH

    def _health_odds(self, text: str) -> float:
        """How likely the safety classifier finds a health concern (of any level) in the text."""
        odds = self.kit.understanding.read(text).safety_odds
        return 1.0 - odds[0] if odds else 0.0

    def _with_sampled_concern(self, msg: Inbound, replies: list[Reply]) -> list[Reply]:
        """The replies to a note, with the doctor-first line (or the emergency advice) in front of the
        first when a concern is heard only in the second hearing's samples ("I have epilepsy" where
        the beam heard "I am empty, empty"): the beam's reading is still the one answered and shown as
        heard (a sample answered instead lost right answers), the sample is said as what it may also
        have been, so the line is no riddle. Nothing is stored or stopped for a concern only a sample
        holds (no reminder of it later, no safety check to redo): the words may never have been said."""
        if not replies or any(reply.safety for reply in replies):  # a beam reading's concern is answered
            return replies
        sample, level = self._concern([text.strip() for text in msg.samples if text.strip()])
        answers = self.kit.answers
        if level is Safety.NONE or answers is None:
            return replies
        line = answers.emergency if level is Safety.EMERGENCY else answers.doctor_first
        return with_health_line(replies, line, sample)

    def heard(self, msg: Inbound) -> str:
        """The transcript a voice note would be answered with (and shown as heard), "" for none."""
        if not msg.text.strip():  # the recognizer heard no words it trusts
            return ""
        readings = [text.strip() for text in (msg.text, *msg.alternatives) if text.strip()]
        return self._better_heard(msg.user_id, readings)

    def _better_heard(self, user_id: int, readings: list[str]) -> str:
        """Of a note's readings (best first), the one to answer and show: one the safety detector
        fires on at its most urgent level, so a concern heard in any of them gets the doctor-first
        line (of those, the one that fits a question best: "injured doing these", not "... doing
        ease", gets its answer with the line); else, while a dialogue waits for an answer, the best,
        so a "no" is never turned into a question; else the one that fits a question best."""
        concern, level = self._concern(readings)
        if level is not Safety.NONE:
            return concern
        if self.kit.dialogues.current(user_id) is not None:
            return readings[0]
        return self._best_fit(readings)

    def _concern(self, readings: list[str]) -> tuple[str, Safety]:
        """The most urgent concern the safety detector hears in the readings, and of the readings it
        hears it in, the one that fits a question best ("injured doing these", not "... doing ease",
        gets its answer with the doctor-first line); ("", NONE) when it hears none."""
        answers = self.kit.answers
        assert answers is not None
        levels = [answers.safety(text) for text in readings]
        if not readings or max(levels) is Safety.NONE:
            return "", Safety.NONE
        return self._best_fit([text for text, level in zip(readings, levels) if level is max(levels)]), max(levels)

    def _best_fit(self, readings: list[str]) -> str:
        """The reading that fits a knowledge question clearly best (by more than the heard margin),
        otherwise the likeliest (the first)."""
        answers = self.kit.answers
        assert answers is not None
        if len(readings) == 1:
            return readings[0]
        fits = [answers.heard_fit(text) for text in readings]
        best = fits.index(max(fits))  # another reading only when it fits clearly better than the likeliest
        return readings[best] if fits[best] > fits[0] + HEARD_MARGIN else readings[0]

    def setting(self, user_id: int, argument: str) -> list[Reply]:
        """/voice on|off: whether answers also come back read aloud as a voice note."""
        change, reply = voice_reply(argument, self.kit.users.load_voice_replies(user_id))
        if change is not None:
            self.kit.users.save_voice_replies(user_id, change)
        return [reply]

    def spoken(self, msg: Inbound, replies: list[Reply]) -> list[Reply]:
        """With /voice on, the replies to read aloud are marked."""
        if not self.kit.users.load_voice_replies(msg.user_id):
            return replies
        return mark_spoken(replies, msg.kind is InboundKind.VOICE)


def install(kit: Kit) -> None:
    """Voice notes in, voice replies out (/voice), and the setting in /mydata."""
    voice = Voice(kit)
    kit.on(InboundKind.VOICE, voice.on_note)
    kit.heard = voice.heard
    kit.outgoing.append(voice.spoken)
    kit.commands.add("voice", "Voice replies on or off", voice.setting)
    kit.descriptions.append(lambda user_id: format_voice_setting(kit.users.load_voice_replies(user_id)))
