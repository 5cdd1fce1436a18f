"""Spot messages about pain, injury or a medical condition, which always get doctor-first advice."""

from __future__ import annotations

import re

from knowledge.normalize import clean_text

HEALTH_WORDS = re.compile(
    r"\b(pain\w*|hurt\w*|ache|aches|aching|sore|injur\w*|surger\w*|operation|operated|disc|discs|"
    r"disk|disks|herniat\w*|hernia|sciatica|spasm\w*|pregnan\w*|postpartum|gave birth|"
    r"chest|heart|blood pressure|hypertension|diabet\w*|osteopor\w*|arthritis|cancer|"
    r"condition|medical|medication|medicine|meds|numb\w*|tingl\w*|dizz\w*|faint\w*|"
    r"fractur\w*|broken|stenosis|spondylo\w*|scoliosis|slipped|tear|torn|strain\w*|sprain\w*|"
    r"recovering|rehab\w*|physio\w*|doctor|sick|ill|unwell)\b"
)
# "reverse hypertension" is a common mis-hearing of the exercise, not blood pressure.
EXERCISE_MISHEARING = re.compile(r"\breverse hypertensions?\b")


def mentions_health_concern(text: str) -> bool:
    """Whether a message talks about pain, injury, surgery, pregnancy or a medical condition."""
    cleaned = EXERCISE_MISHEARING.sub(" ", clean_text(text))
    return bool(HEALTH_WORDS.search(cleaned))
