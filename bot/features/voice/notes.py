"""Voice notes in the core: what the bot heard, "I didn't catch that", and the /voice setting."""

from __future__ import annotations

import re
from dataclasses import replace

from bot.core.messages import Reply
from bot.core.texts import TOPICS_BUTTON

HEARD = "🎙 I heard: “{}”\n\n"
UNSURE_HEARD = "🎙 I may have misheard you. I heard: “{}”\n\n"  # the recognizer scored its reading low
# Said before the doctor-first line on an unsure note that touches the body or health: the line itself
# follows unchanged, so it is the safety detector's line in a hedged form, not a line of its own.
HEDGE = "If you mentioned pain, an injury, a condition or medicine:\n"
MAYBE_HEARD = "🎙 It may also have been: “{}”"  # a second hearing's reading a health concern is heard in
DIDNT_CATCH = Reply("🎙 I didn't catch that — please try again, a bit closer to the phone, or type your question.",
                    buttons=((TOPICS_BUTTON,),))
TOO_LONG = Reply("🎙 That voice note is over a minute long. Please keep it short: one question per note, "
                 "or type it.")
TOO_BIG = Reply("🎙 That file is too big for me to download. Please send a short voice note, or type your question.")
VOICE_OFF = Reply("🎙 I can't listen to voice notes right now (my speech recognizer is switched off). "
                  "Please type your question.", buttons=((TOPICS_BUTTON,),))
UNREADABLE = Reply("🎙 I couldn't play that audio. Please record the voice note again, or type your question.")


def with_heard(transcript: str, replies: list[Reply]) -> list[Reply]:
    """The replies, the first one starting with what the bot heard."""
    if not replies:
        return replies
    first = replies[0]
    title = f"{first.title}\n" if first.title else ""  # the heard line comes first, above the title
    return [replace(first, title="", text=HEARD.format(transcript) + title + first.text), *replies[1:]]


def with_health_line(replies: list[Reply], line: Reply, sample: str) -> list[Reply]:
    """The replies to a note whose beam reading carries no health concern but a second hearing's
    `sample` does: the first starts with what it may also have been, then the health `line` (the
    doctor-first line or the emergency advice) above the answer's title, and carries the line's safety level."""
    first = replies[0]
    title = f"{first.title}\n" if first.title else ""
    text = f"{MAYBE_HEARD.format(sample)}\n\n{line.text}\n\n{title}{first.text}"
    return [replace(first, title="", text=text, safety=line.safety), *replies[1:]]


def with_hedged_line(transcript: str, replies: list[Reply], line: Reply) -> list[Reply]:
    """The replies to an unsure note that touches the body or health: the first says the bot may have
    misheard, then the doctor-first `line` after the hedge, then the answer as it was; it carries the
    line's safety level."""
    first = replies[0]
    title = f"{first.title}\n" if first.title else ""
    text = f"{UNSURE_HEARD.format(transcript)}{HEDGE}{line.text}\n\n{title}{first.text}"
    return [replace(first, title="", text=text, safety=line.safety), *replies[1:]]


def spoken_text(reply: Reply) -> str:
    """What to read aloud for a reply: its title and text, without the "I heard" line."""
    text = reply.text.split("\n\n", 1)[-1] if reply.text.startswith(HEARD[:4]) else reply.text
    return f"{reply.title}. {text}" if reply.title else text


def mark_spoken(replies: list[Reply], to_voice_note: bool) -> list[Reply]:
    """Which replies to read aloud for someone with voice replies on: every knowledge answer, and
    the first reply to a voice note (whatever it is: the answer, the next safety-check question...)."""
    return [replace(r, speak=True) if r.entry or (to_voice_note and i == 0) else r
            for i, r in enumerate(replies)]


def format_voice_setting(on: bool) -> str:
    """The /voice setting as /mydata shows it."""
    return f"voice replies: {'on' if on else 'off'}"


# Voice replies asked for in words, narrowly enough that no question about voice notes reads as one ("can i ask by
# voice note?"): the bot's voice named as something it sends or does, with on/off said ("turn on voice replies",
# "can you reply with voice", "stop sending voice messages", "voice off").
_VOICE = r"(?:voice|audio|spoken|speech)(?:\s+(?:replies|reply|answers?|messages?|msgs?|notes?|mode))?"
_NOUN = r"(?:replies|reply|answers?|messages?|msgs?|notes?|vns?)"
_WISH_ON = re.compile(rf"\b(?:(?:turn|switch|put)\s+on\s+(?:the\s+|my\s+)?{_VOICE}|{_VOICE}\s+on|enable\s+(?:the\s+)?{_VOICE}"
                      r"|(?<!dont\s)(?<!not\s)(?:reply|answer|respond|talk|speak)\s+(?:to me\s+)?(?:with|in|by|using)\s+"
                      r"(?:a\s+)?(?:voice|audio)"
                      r"|read\s+(?:your\s+|the\s+|my\s+)?(?:answers?|replies|it|them)\s+(?:out\s+)?(?:loud|aloud)"
                      rf"|(?:send|give)\s+me\s+(?:the\s+|your\s+)?(?:answers?\s+(?:as|in)\s+)?(?:voice|audio)"
                      rf"|(?<!dont\s)(?<!not\s)(?:want|would like|d like|prefer)\s+(?:the\s+|your\s+)?(?:voice|audio)\s+{_NOUN})\b")
_WISH_OFF = re.compile(rf"\b(?:(?:turn|switch|shut)\s+off\s+(?:the\s+)?{_VOICE}|(?:turn|switch|shut)\s+(?:the\s+)?{_VOICE}\s+off"
                       rf"|{_VOICE}\s+off|disable\s+(?:the\s+)?{_VOICE}|(?:no\s+more|stop|dont\s+send)\s+(?:me\s+)?"
                       rf"(?:any\s+|the\s+)?(?:voice|audio)\s+{_NOUN}|(?:no\s+more|stop\s+sending|dont\s+send)\s+(?:me\s+)?"
                       rf"(?:any\s+|the\s+)?(?:voice|audio)|(?:dont|do\s+not)\s+(?:want|need|like)\s+(?:any\s+|the\s+|your\s+)?"
                       rf"(?:voice|audio)\s+{_NOUN}|text\s+only)\b")


_PUNCTUATION = re.compile(r"[^\w\s]")


def voice_wish(text: str) -> bool | None:
    """Voice replies asked on (True) or off (False) in words, else None."""
    said = _PUNCTUATION.sub("", text.lower())
    off, on = bool(_WISH_OFF.search(said)), bool(_WISH_ON.search(said))
    return None if off == on else on


def voice_reply(argument: str, on: bool) -> tuple[bool | None, Reply]:
    """What /voice [on|off] changes (None: nothing) and what the bot says."""
    word = argument.strip().lower()
    if word in ("on", "yes", "enable"):
        return True, Reply("🔊 Voice replies are on: my answers come as a voice note too, as well as the text, "
                           "whether you type or speak your question. /voice off stops it.")
    if word in ("off", "no", "disable"):
        return False, Reply("🔇 Voice replies are off: I'll answer in text only. You can still ask by voice note.")
    state = "on" if on else "off"
    return None, Reply(f"Voice replies are {state}. Send /voice on to hear my answers as voice notes too, "
                       "or /voice off for text only. You can always ask by voice note.")
