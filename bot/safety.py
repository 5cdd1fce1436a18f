"""Spot messages about pain, injury or a medical condition, which always get doctor-first advice."""

from __future__ import annotations

import re

from knowledge.normalize import clean_text

HEALTH_WORDS = re.compile(
    r"\b(pain|pains|painful|hurts?|hurting|hurted|ache|aches|aching|achy|sore|soreness|injur\w*|"
    r"surger\w*|operation|operated|fusion|replacement|disc|discs|disk|disks|herniat\w*|hernia|"
    r"bulging|sciatica|spasm\w*|pregnan\w*|postpartum|post partum|gave birth|c section|caesarean|"
    r"chest (?:pain|pains|tight\w*|pressure)|heart|cardiac|blood pressure|hypertension|diabet\w*|"
    r"asthma|copd|epilep\w*|stroke|osteopor\w*|osteopenia|arthritis|cancer|chemo\w*|kidney|"
    r"condition|medical|medication|medicine|meds|numb\w*|tingl\w*|dizz\w*|faint\w*|"
    r"fractur\w*|broken|stenosis|spondyl\w*|scoliosis|slipped|tear|torn|strain|strained|sprain\w*|"
    r"pulled|tweaked|popped|pop|recovering|rehab\w*|physio\w*|doctor|sick|ill|unwell|"
    r"safe for me|okay for me|ok for me)\b"
)
# "reverse hypertension" is a common mis-hearing of the exercise, not blood pressure; "no pain"
# and "pain free" say the opposite of a concern.
NOT_A_CONCERN = re.compile(
    r"\breverse hypertensions?\b|\b(?:no|not any|without|zero|never had any) (?:pain|injur\w*)\b|\bpain free\b")


def mentions_health_concern(text: str) -> bool:
    """Whether a message talks about pain, injury, surgery, pregnancy or a medical condition."""
    cleaned = NOT_A_CONCERN.sub(" ", clean_text(text))
    return bool(HEALTH_WORDS.search(cleaned))
