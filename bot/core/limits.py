"""Requests for what the bot cannot do (tester s32): keeping body weight or food, counting or logging reps, joining a
watch, an app or a calendar, talking in another language, sending a video or a picture. Each is told plainly with what
the bot does instead, never a listing of /mydata, the rep ranges or "I'm not sure I can answer that". A request is a
verb of doing with its object ("can you track my weight", "sync with my apple watch", "speak spanish please"); a
question about training that shares the words ("should i count my reps out loud", "how many reps") is not one."""

from __future__ import annotations

import re
from enum import Enum


class Limit(Enum):
    """Something people ask the bot to do that it cannot."""

    BODY = "body"  # body weight, food, steps, sleep
    REPS = "reps"  # reps, sets, loads lifted
    DEVICES = "devices"  # watches, fitness apps, calendars
    LANGUAGE = "language"  # another language
    VIDEO = "video"  # videos, pictures


_KEEP = (r"(?:track(?:ing)?|log(?:ging)?|record(?:ing)?|monitor(?:ing)?|keep\s+(?:track|count|a\s+record|a\s+log)\s+of|save|store"
         r"|chart|graph|note\s+down|write\s+down|remember)")
_BODY = (r"(?:(?:(?:my|the)\s+)?(?:body\s*weight|weight\s+loss|weigh[\s-]?ins?|body\s+fat|bmi|calories|calorie\s+intake|food|meals"
         r"|macros|diet|steps|sleep|heart\s+rate|measurements|waist|water\s+intake)"
         r"|my\s+(?:own\s+)?weight\b(?!\s+(?:on|for|in)\s+(?:the|my)\s+(?:bar|machine|set)))")
_COUNT = rf"(?:count(?:ing)?|tally|{_KEEP})"
_LIFTS = (r"(?:(?:my|the|each|every|all\s+my)\s+)(?:reps|repetitions|rep\s+counts?|sets|lifts|loads?|weights?\s+(?:i\s+)?(?:lifted|used)"
          r"|pbs|prs|personal\s+(?:bests|records))")
_JOIN = (r"(?:sync(?:h|ed|ing)?|connect(?:ed)?|link(?:ed)?|integrate[ds]?|pair(?:ed)?|hook\s+(?:it\s+)?up|import|export|talk\s+to"
         r"|works?\s+with|compatible\s+with)")
_JOINED = r"(?:(?:it|this|you|u|the\s+bot|my\s+plans?|my\s+sessions?)\s+)?(?:up\s+)?(?:with|to|into|from|on)?\s*"
_DEVICE = (r"(?:(?:my|an?|the)\s+)?(?:apple\s+(?:watch|health|fitness)|(?:smart\s*)?watch|fitbit|garmin|whoop|oura|polar|strava"
           r"|my\s*fitness\s*pal|mfp|google\s+(?:fit|calendar|cal)|samsung\s+health|health\s+(?:app|connect)|fitness\s+(?:app|tracker)"
           r"|wearables?|trackers?|(?:my\s+)?calendar|ical|outlook|other\s+apps?|(?:an?\s+|my\s+|the\s+)?(?:fitness\s+|workout\s+|gym\s+)?app)\b")
_LANGUAGES = (r"(?:spanish|espa[nñ]ol|german|deutsch|french|fran[cç]ais|italian|portuguese|dutch|russian|polish|turkish|arabic|hindi|urdu"
              r"|bengali|punjabi|tamil|chinese|mandarin|cantonese|japanese|korean|vietnamese|thai|indonesian|malay|tagalog|swahili"
              r"|greek|swedish|norwegian|danish|finnish|czech|romanian|hungarian|ukrainian|hebrew|persian|farsi)")
_SAY = r"(?:speak|speaks|talk|reply|replies|respond|answer|write|chat|text)"
_LANGUAGE = re.compile(rf"\b{_SAY}\s+(?:to\s+me\s+|with\s+me\s+)?(?:in\s+)?{_LANGUAGES}\b"
                       rf"|\b(?:in|into|to)\s+{_LANGUAGES}\b(?:\s+(?:please|pls|plz|instead|mate|bro))*\W*$"
                       rf"|\b(?:switch|change|set|put)\s+(?:it\s+|this\s+|the\s+bot\s+|you\s+|(?:the\s+)?language\s+)?(?:to|into|in)\s+{_LANGUAGES}\b"
                       rf"|\b(?:do|can|could)\s+(?:you|u)\s+(?:speak|understand|read|do)\s+{_LANGUAGES}\b"
                       rf"|\bi\s+(?:need|want|prefer)\s+{_LANGUAGES}\b|\b(?:change|switch|set)\s+(?:the\s+|your\s+|my\s+)?language\b"
                       r"|\b(?:other|another|different)\s+languages?\b|\blanguage\s+(?:setting|option)s?\b")
_MEDIA_WORDS = (r"(?:videos?|vids?|clips?|gifs?|demos?|demonstrations?|pictures?|pics?|photos?|images?|diagrams?|illustrations?"
                r"|animations?)")
_VIDEO = re.compile(rf"\b(?:send|show|give|share|have|got|make|record|play|link|post|see|watch)\b(?:\s+\w+){{0,4}}?\s+"
                    rf"(?:a\s+|an\s+|any\s+|some\s+|the\s+)?{_MEDIA_WORDS}\b|\b(?:is|are)\s+there\s+(?:a|an|any|some)\s+{_MEDIA_WORDS}\b"
                    rf"|^\W*(?:(?:a|any|some)\s+)?{_MEDIA_WORDS}\s+(?:of|showing|on|for)\b")
_READS = {
    Limit.BODY: re.compile(rf"\b{_KEEP}\s+{_BODY}"),
    Limit.REPS: re.compile(rf"\b{_COUNT}\s+{_LIFTS}\b|\b(?:rep|set)\s+counter\b"),
    Limit.DEVICES: re.compile(rf"\b{_JOIN}\s+{_JOINED}{_DEVICE}|\b(?:sync|synch)\b"),
    Limit.LANGUAGE: _LANGUAGE,
    Limit.VIDEO: _VIDEO,
}
# a question about training that shares the words: "should i count my reps", "how do i track my weight on the machine"
_ABOUT_TRAINING = re.compile(r"^\W*(?:(?:so|ok|okay|and|hey)\W+)*(?:should|do|shall|must)\s+i\b|\bhow\s+(?:do|should|can)\s+i\b"
                             r"|\b(?:is\s+it|is\s+that)\s+(?:ok|okay|fine|good|bad|better)\b")
_TRANSLATES = re.compile(r"\btranslat\w*|\bhow\s+(?:do|would)\s+(?:you|u|i)\s+say\b")  # a translation asked: declined as off topic
# a request taken back after it ("switch language to... no wait, only english is fine, make the reminders 45 min ahead")
_TAKEN_BACK = re.compile(r"\b(?:no\s+wait|wait\s+no|nvm|never\s*mind|scratch\s+that|forget\s+(?:it|that)|actually\s+no)\b")
_CAN_INSTEAD = "What I can do: plan your sessions and remind you of them (/plan), and answer questions about reverse hypers."
LIMITS = {
    Limit.BODY: "I can't keep your body weight, food or other measurements: I only store your plans and whether each session "
                f"was done (/mydata shows it all). {_CAN_INSTEAD}",
    Limit.REPS: "I can't count or log your reps, sets or loads: I only record whether each session was done (✅ Done at its "
                "reminder, or tell me). Each reminder carries the sets and reps for your goal; /sessions shows what's next.",
    Limit.DEVICES: "I can't connect to a watch, a fitness app or a calendar: I work only here in this chat. "
                   f"{_CAN_INSTEAD}",
    Limit.LANGUAGE: "Sorry, I can only read and write English for now. Ask me in English and I'll help: I plan sessions, remind "
                    "you of them and answer questions about reverse hypers.",
    Limit.VIDEO: "🎬 I can't send or watch videos or pictures: my answers are words. Here they are:",
}
_MEDIA = re.compile(rf"\b{_MEDIA_WORDS}\b", re.IGNORECASE)
STEPS = "kb:technique-steps"  # the knowledge button of the step-by-step answer, given for a video of the exercise


def asked_limit(text: str) -> Limit | None:
    """What a message asks the bot to do that it cannot, if anything (a question about training is no request)."""
    lowered = " ".join(text.lower().replace("’", "'").split())
    found = next((limit for limit, read in _READS.items()
                  if (said := read.search(lowered)) and not _TAKEN_BACK.search(lowered, said.end())), None)
    if found is None or found is not Limit.LANGUAGE and _ABOUT_TRAINING.search(lowered) or _TRANSLATES.search(lowered):
        return None
    return found


def without_media(text: str) -> str:
    """A request for a video or a picture without its words for them ("video of the setup please": "of the setup please"), for
    the topic it asks about."""
    return " ".join(_MEDIA.sub(" ", text).split())
