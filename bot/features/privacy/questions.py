"""Questions about the user's data rather than the exercise: who sees it, whether it is shared, whether it is gone."""

from __future__ import annotations

import re

PRIVACY = ("🔒 What you tell me stays in this bot's own database, used only to coach you: I don't share it with anyone "
           "or use it for anything else. I don't keep our chats, only what the bot needs (your safety check's answers "
           "and result, your plans and settings, questions I couldn't answer, what we last talked about for a short "
           "while), and health details never go in logs. /mydata shows all of it; /forget erases it.")
_DATA = re.compile(r"\b(?:data|info|information|answers?|details|records?|chats?|messages?|conversations?|history"
                   r"|(?:health|medical) stuff|what i (?:told|tell|said|say|typed|wrote)|my stuff|personal)\b")
_KEEPING = re.compile(r"\b(?:see|seen|read|access|shar(?:e|es|ed|ing)|sell|sold|safe|secure|private|privacy|stor(?:e|es|ed|ing)"
                      r"|keep|kept|includ(?:e|es|ed|ing)|encrypt\w*|leak\w*|hack\w*|gdpr|who has|who gets)\b")
_WHO_SEES = re.compile(r"\bwho (?:else )?(?:can|could|will|would|gets to|is able to) (?:see|read|access)\b")
# asked of what was done: "did you delete it?", "is everything gone now", "are you sure you erased my stuff"
_NAMES_THE_CHECK = re.compile(r"\b(?:safety check|check|screen(?:ing)?)\b")  # the check's own answer says what it keeps
_ERASED = re.compile(r"\b(?:did you|have you|has it|has everything|is it|is that|is everything|is my \w+|are they|are my \w+"
                     r"|was it|were they|(?:are )?you sure (?:you|it|that|everything))\b(?:(?!\b(?:possible|able)\b)[^?])*"
                     r"\b(?:delet(?:ed|e)|eras(?:ed|e)|wiped|removed)\b|\b(?:is|are) (?:everything|all|my \w+)\b[^?]*\bgone\b")


# asked right after a health remark: "forget what i said about my knee", "pls forget i told you that"
_FORGET_SAID = re.compile(r"\b(?:forget|delete|erase|unsee|remove|ignore)\s+(?:what|everything|that|the (?:thing|stuff))?\s*i"
                          r"\s+(?:just\s+)?(?:said|told|wrote|typed|mentioned|shared)\b|\bforget i (?:said|told|mentioned)\b")
FORGET_SAID = ("🔒 I don't keep what you tell me about your health: only that you told a concern, and when, so my answers "
               "carry the see-a-doctor-first line for a while and your safety check asks to be redone. /mydata shows "
               "what is kept; /forget erases all of it.")


def asks_to_forget_said(text: str) -> bool:
    """Whether a message asks the bot to forget something the user said ("forget what i said about my knee")."""
    return bool(_FORGET_SAID.search(text.lower()))


def asks_about_privacy(text: str) -> bool:
    """Whether a question asks who sees the user's data, whether it is kept, shared or safe ("who can see my answers",
    "do you share my data", "does that include the chats we had"), not anything about the exercise."""
    lowered = text.lower()
    if _NAMES_THE_CHECK.search(lowered):  # "does the safety check store my stuff": the check's feature answers it
        return False
    return bool(_WHO_SEES.search(lowered) or (_DATA.search(lowered) and _KEEPING.search(lowered)))


def asks_if_erased(text: str) -> bool:
    """Whether a question asks if the user's data was erased ("did you delete it?", "is everything gone now")."""
    return bool(_ERASED.search(text.lower()))


# an order to erase the user's records ("purge my records", "wipe all my health data", "scrub my details"): its words name
# stored data, never the body ("purge" is a health word on its own)
_ERASE_RECORDS = re.compile(r"\b(?:purg(?:e|ing)|wip(?:e|ing)|nuke|scrub|eras(?:e|ing)|delet(?:e|ing)|remov(?:e|ing)|clear|bin|trash"
                            r"|destroy|shred|get rid of)\s+(?:(?:all|every\s?thing)\s+(?:of\s+)?)?(?:my|the|your|our|all)?\s*"
                            r"(?:(?:health|medical|personal|stored|saved|old)\s+)?(?:data|info|information|details|records?|files?"
                            r"|account|profile|history|answers)\b", re.IGNORECASE)


def without_erase_orders(text: str) -> str:
    """The words of a message outside its orders to erase the user's records, which tell no health concern ("purge my
    records": nothing; "purge my records, my back hurts": ", my back hurts")."""
    return _ERASE_RECORDS.sub(" ", text)
