"""Questions about the bot itself rather than the exercise: what it does ("whats this bot do exactly", "i'm new, what
do i do first?") get the welcome; who or what it is ("who made you", "are you a real person") a line about it."""

from __future__ import annotations

import re

from bot.core.messages import Reply

ABOUT_ME = Reply("I'm Coachbot, a bot (not a person): an open-source coach for the reverse hyperextension. My answers "
                 "come from two articles, and I can run a short safety check, plan your sessions and remind you. "
                 "/start shows what I can do.")
_ASKS_WHAT = re.compile(r"\b(?:what(?:'?s| is| does| do)?|wat|wats|whts|how (?:does|do))\s+(?:this|the|u|you|ur|your)\s+"
                        r"(?:bot|app|chat ?bot|coachbot|coach bot|service)\b")
_NEW_HERE = re.compile(r"\b(?:i am|i'?m|im|am) new(?! to (?!(?:this|the|u|you) ))\b|\bnew here\b|\bfirst time (?:here|using)\b")
_FIRST = re.compile(r"\b(?:what|where|how|which)\b.*\b(?:first|start|begin)\b")
_HOW_MUCH = re.compile(r"\bhow (?:many|much|long|often|high|far|heavy)\b")  # "im new, how many sets to start with" asks the articles
_WHO = re.compile(r"\b(?:who|which company)\s+(?:made|built|created|wrote|programmed|designed|owns|runs|developed|coded)\s+"
                  r"(?:you|u|this bot|this app|the bot|this)\b|\b(?:are|r)\s+(?:you|u)\s+(?:a\s+|an\s+)?(?:real|human|person|bot|robot"
                  r"|ai|chat ?gpt)\b|\b(?:talking|chatting|speaking)\s+to\s+(?:a\s+)?(?:bot|human|real person|person|robot)\b")


def asks_what_bot_does(text: str) -> bool:
    """Whether a message asks what the bot does ("whats this bot do exactly")."""
    return bool(_ASKS_WHAT.search(text.lower()))


def asks_where_to_begin(text: str) -> bool:
    """Whether a newcomer asks where to begin ("hello, i am new. what i must do first?")."""
    lowered = text.lower()
    return bool(_NEW_HERE.search(lowered) and _FIRST.search(lowered) and not _HOW_MUCH.search(lowered))


def asks_who_bot_is(text: str) -> bool:
    """Whether a message asks who or what the bot is ("who made you", "are you a real person")."""
    return bool(_WHO.search(text.lower()))
