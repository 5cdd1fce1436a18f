"""Voice notes as a feature: a note is answered like the same words typed, and /voice on reads
answers aloud."""

from __future__ import annotations

import re

from bot.core.kit import Kit
from bot.core.messages import Inbound, InboundKind, Reply
from bot.features.qa.answerer import HEARD_MARGIN, heard_too_little
from bot.features.screening.store import DIALOGUE as SAFETY_CHECK
from bot.features.voice.notes import (
    DIDNT_CATCH,
    format_voice_setting,
    mark_spoken,
    voice_reply,
    voice_wish,
    with_health_line,
    with_heard,
    with_hedged_line,
)
from knowledge.intents import SMALL_TALK, Intent
from knowledge.safety import Safety

# When a note gets the doctor-first line in its hedged form (see README, unsure notes). Whisper's score of
# its best reading (mean log-probability per token) below UNSURE_BELOW: unsure, and the note is hedged when
# it touches the body or health (the safety classifier's odds of a concern, on average over the note's
# readings, TOUCHES_HEALTH or more) unless what was heard fits a question clearly (a fused score of
# FITS_CLEARLY or more: "starting weight kg?" was hedged); below DOUBTFUL_BELOW, a little unsure, and
# hedged when it clearly touches health (odds of CLEARLY_HEALTH or more: "pins and needles down below",
# heard a little unsure as "Bins and needles ...", too short for the classifier alone); below LOST_BELOW,
# the words are likely lost, and a note that touches health is hedged even when what was heard fits a question ("my legs go numb when I do
# them" heard at -0.67 as "My legs go hum with high doom", which fits the leg-height question at 68).
# Chosen on halves of the spoken development sets held apart (bench/bench_voice_hedge.py; README, issue 15).
UNSURE_BELOW = -0.35
TOUCHES_HEALTH = 0.15
FITS_CLEARLY = 50.0
DOUBTFUL_BELOW = -0.2
CLEARLY_HEALTH = 0.5
LOST_BELOW = -0.6
# An unsure note (not one whose words are likely lost) that touches health only barely, below these odds, is hedged
# only when a health word was plausibly heard in one of its readings (`_health_word_heard`): "One sec, B-R-B." and
# "I'm on holiday ..." were hedged at 0.19-0.26. Concerns whose health words were all lost sat higher ("On search for
# line and proper analog, ..." for sertraline and propranolol, 0.28) or among the notes likely lost (-0.62).
WORDLESS_HEALTH = 0.25
SPOKEN_PAUSE = re.compile(r"[,.!?;:]+")  # how Whisper writes a pause between words said apart
TALK = SMALL_TALK | {Intent.ACK}  # hello, thanks, goodbye, ok: said on their own, nothing asked


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
        asked = self.kit.dialogues.current(msg.user_id)
        said = transcript if asked is not None else self._small_talk_said(transcript)
        replies = self._with_sampled_concern(msg, self.kit.route_text(msg.user_id, said, True))
        answers = self.kit.answers
        # A note answering a question of the safety check is read by the check, which asks about health itself:
        # no hedge ("I'm not pregnant" at the pregnancy question was told "if you mentioned pain ...").
        checking = asked is not None and asked.dialogue == SAFETY_CHECK
        if answers is not None and not checking and self._hedges(msg, transcript, replies):
            return with_hedged_line(transcript, replies, answers.doctor_first)
        return with_heard(transcript, replies)

    def _small_talk_said(self, transcript: str) -> str:
        """What to answer of a transcript the bot reads as nothing whose every part, between the pauses Whisper
        writes as commas and stops, is small talk ("Thanks, goodbye!"): its last part ("goodbye"), which is how the
        talk ends; else the transcript itself."""
        understanding = self.kit.understanding
        if self._says_anything(transcript):
            return transcript
        parts = [part.strip() for part in SPOKEN_PAUSE.split(transcript) if part.strip()]
        if len(parts) < 2 or any(understanding.intent(part) not in TALK for part in parts):
            return transcript
        return parts[-1]

    def _hedges(self, msg: Inbound, transcript: str, replies: list[Reply]) -> bool:
        """Whether a note's replies get the doctor-first line in its hedged form: no health line is
        given, and the recognizer is unsure it heard the words said and the note touches the body or
        health without being heard as a clear question, or it is a little unsure and the note clearly
        touches health, or it has likely lost the words and the note touches health at all; a note that
        touches health only a little (below CLEARLY_HEALTH) is hedged only when a health word was plausibly
        heard in one of its readings (`_health_word_heard`). Whisper
        cannot hear some health words ("sciatica" as "I can't be cut", "numb" as "hum"), but what is left
        ("... down my right leg", "my legs go ...") still reads as health to the safety classifier, whose
        odds are learned from the safety examples."""
        if msg.certainty >= DOUBTFUL_BELOW or not replies or any(reply.safety for reply in replies):
            return False
        readings = [msg.text, *msg.alternatives]
        odds = self._health_odds(readings)
        if odds >= CLEARLY_HEALTH:
            return True
        if odds < TOUCHES_HEALTH or msg.certainty >= UNSURE_BELOW:
            return False
        if msg.certainty < LOST_BELOW:  # the words likely lost, the health words with them
            return True
        return (odds >= WORDLESS_HEALTH or self._health_word_heard(readings)) and not self._fits_clearly(transcript)

    def _health_word_heard(self, readings: list[str]) -> bool:
        """Whether a health word was plausibly heard in any of a note's readings: a word that names the
        topic of one of the safety check's health questions (heart, chest, dizzy, back, leg, knee, surgery,
        pregnant, ...: data/screening.yaml, its questions answered by an age left out) or one the safety
        lexicon names a concern by on its own ("hurts", "sore"). A garbled note with none ("One sec, B-R-B.",
        "I moved to listen.") reads as a concern to the classifier at odds of 0.2-0.3, no higher than a
        question it never learnt; it gets no hedge."""
        understanding = self.kit.understanding
        screening = understanding.screening
        for text in readings:
            words = understanding.words(text)
            for cleaned in (" ".join(words), " ".join(understanding.spelt(text))):
                if any(topic not in screening.ages for topic in screening.named(cleaned)):
                    return True
            if any(understanding.named_safety(word) is not Safety.NONE for word in dict.fromkeys(words)):
                return True
        return False

    def _health_odds(self, readings: list[str]) -> float:
        """How likely the safety classifier finds a health concern (of any level) in a note's readings,
        on average: one reading may have kept the health words another lost."""
        odds = [self.kit.understanding.read(text).safety_odds for text in readings if text.strip()]
        return sum(1.0 - each[0] for each in odds if each) / max(1, len(odds))

    def _fits_clearly(self, transcript: str) -> bool:
        """Whether the transcript answered fits a knowledge question clearly: a question heard."""
        answers = self.kit.answers
        return answers is not None and answers.heard_fit(transcript) >= FITS_CLEARLY

    def _with_sampled_concern(self, msg: Inbound, replies: list[Reply]) -> list[Reply]:
        """The replies to a note, with the doctor-first line (or the emergency advice) in front of the
        first when a concern is heard only in the second hearing's samples ("I have epilepsy" where
        the beam heard "I am empty, empty"): the beam's reading is still the one answered and shown as
        heard (a sample answered instead lost right answers), the sample is said as what it may also
        have been, so the line is no riddle; an emergency a sample holds comes first even when the beam's reading got
        the doctor-first line (a concern heard in any reading gets its most urgent advice). Nothing is stored or
        stopped for a concern only a sample holds (no reminder of it later, no safety check to redo): the words may
        never have been said."""
        if not replies:
            return replies
        answered = max((Safety[reply.safety.upper()] for reply in replies if reply.safety), default=Safety.NONE)
        sample, level = self._concern([text.strip() for text in msg.samples if text.strip()])
        answers = self.kit.answers
        if level <= answered or answers is None:  # a beam reading's concern is answered, unless a sample's is more urgent
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
        ease", gets its answer with the line); else, while a dialogue waits for an answer, the one that
        answers its step most (`_best_answer`), never a question instead; else the one that fits a question best."""
        concern, level = self._concern(readings)
        if level is not Safety.NONE:
            return concern
        if self.kit.dialogues.current(user_id) is not None:
            return self._best_answer(user_id, readings)
        return self._request_heard(readings) or self._best_fit(readings)

    def _request_heard(self, readings: list[str]) -> str | None:
        """When the likeliest reading says nothing the bot reads ("Makeup land.", "Thanks, goodbye!") or is too short to
        answer on ("science."), the first other reading that asks the bot for something or is small talk ("Make a
        plan.", "Thanks. Good bye.", "Thanks."); else None."""
        understanding = self.kit.understanding
        likeliest = readings[0]
        if understanding.intent(likeliest) is not None or (self._says_anything(likeliest)
                                                            and not heard_too_little(understanding, likeliest)):
            return None
        return next((text for text in readings[1:] if understanding.intent(text) is not None), None)

    def _says_anything(self, text: str) -> bool:
        """Whether a reading is a request or small talk, a question, or has words of its own to match."""
        understanding = self.kit.understanding
        return understanding.intent(text) is not None or understanding.is_question(text) or understanding.says_something(text)

    def _best_answer(self, user_id: int, readings: list[str]) -> str:
        """Of the readings, the first of those that answer the step the user is at most, by the dialogue's own
        weighing (planning at "when": the days and time of a plan, which the likeliest reading may have lost); the
        likeliest when the dialogue weighs none, so a "no" is never turned into a question."""
        weights = [self.kit.dialogues.answer_weight(user_id, text) for text in readings]
        return readings[weights.index(max(weights))]

    def _concern(self, readings: list[str]) -> tuple[str, Safety]:
        """The most urgent concern the safety detector hears in the readings, and of the readings it
        hears it in, those whose concern the safety lexicon names ("I have scoliosis", not the garbled "a
        call you sis" the classifier only guesses at), of them the one that fits a question best
        ("injured doing these", not "... doing ease", gets its answer with the doctor-first line); ("",
        NONE) when it hears none."""
        answers = self.kit.answers
        assert answers is not None
        levels = [answers.safety(text) for text in readings]
        if not readings or max(levels) is Safety.NONE:
            return "", Safety.NONE
        top = max(levels)
        heard = [text for text, level in zip(readings, levels) if level is top]
        named = [text for text in heard if self.kit.understanding.named_safety(text) is top]
        return self._best_fit(named or heard), top

    def _best_fit(self, readings: list[str]) -> str:
        """The reading that fits a knowledge question clearly best (by more than the heard margin), of the likeliest
        (the first) and the others no request or talk reads, otherwise the likeliest."""
        answers = self.kit.answers
        assert answers is not None
        if len(readings) == 1:
            return readings[0]
        # Another reading only when it fits clearly better than the likeliest, and is no request or talk: the core reads
        # those first, so its fit would not be what it is answered with ("It's okay, my legs up." got "👍").
        understanding = self.kit.understanding
        fits = [answers.heard_fit(text) if n == 0 or understanding.intent(text) is None else 0.0
                for n, text in enumerate(readings)]
        best = fits.index(max(fits))
        return readings[best] if fits[best] > fits[0] + HEARD_MARGIN else readings[0]

    def setting(self, user_id: int, argument: str) -> list[Reply]:
        """/voice on|off: whether answers also come back read aloud as a voice note."""
        change, reply = voice_reply(argument, self.kit.users.load_voice_replies(user_id))
        if change is not None:
            self.kit.users.save_voice_replies(user_id, change)
        return [reply]

    def in_words(self, user_id: int, text: str) -> list[Reply] | None:
        """Voice replies turned on or off in words ("can you reply with voice", "stop sending voice messages");
        None for anything else."""
        wish = voice_wish(text)
        return None if wish is None else self.setting(user_id, "on" if wish else "off")

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
    kit.readers.append(voice.in_words)  # "turn on voice replies", "text only pls"
    kit.descriptions.append(lambda user_id: format_voice_setting(kit.users.load_voice_replies(user_id)))
