"""The questionnaire (shared/screening.md): ids, wording, what a yes means, and the outcome rule.

Ids are stable: stored results refer to them. A change of meaning gets a new id and a new VERSION.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from enum import Enum

VERSION = 1
VALIDITY = timedelta(days=365)


class Level(Enum):
    """What a yes (or not sure) to a question means."""

    AMBER = "amber"
    RED = "red"


class Outcome(Enum):
    """The result of a completed questionnaire."""

    GREEN = "green"
    AMBER = "amber"
    RED = "red"


class Status(Enum):
    """A user's safety-check status, for the dialogue and for planning to gate on."""

    NOT_SCREENED = "not screened"
    IN_PROGRESS = "in progress"
    GREEN = "green"
    AMBER = "amber"
    AMBER_REVIEWED = "amber reviewed"
    RED = "red"
    EXPIRED = "expired"

    @property
    def allows_planning(self) -> bool:
        """Green, or amber after a health professional reviewed the flagged points."""
        return self in (Status.GREEN, Status.AMBER_REVIEWED)


@dataclass(frozen=True)
class Question:
    """One yes / no / not sure question."""

    id: str
    text: str
    level: Level
    topic: str  # the flagged point in plain words, for the amber list
    short: str  # the topic in a few words, to ask which question a reply is about ("dizziness or fainting")


QUESTIONS: tuple[Question, ...] = (
    Question("age_minor", "Are you under 18?", Level.AMBER,
             "being under 18 (involve a parent or guardian as well as a professional)",
             "your age"),
    Question("heart_bp", "Has a doctor ever said you have a heart condition or high blood pressure?",
             Level.AMBER, "a heart condition or high blood pressure",
             "your heart or blood pressure"),
    Question("chest_pain", "Do you get pain, pressure or tightness in your chest, at rest or when active?",
             Level.RED, "chest pain, pressure or tightness",
             "chest pain"),
    Question("dizzy_faint", "In the past 12 months, have you fainted, or lost your balance because of dizziness?",
             Level.AMBER, "fainting or dizziness in the past year",
             "dizziness or fainting"),
    Question("effort_symptoms", "Do you get unusually out of breath with light effort, a racing or irregular "
             "heartbeat, swollen ankles, or calf pain when walking?", Level.AMBER,
             "breathlessness, an irregular heartbeat, swollen ankles or calf pain with light effort",
             "breathlessness, heartbeat, ankles or calves"),
    Question("chronic_condition", "Has a doctor diagnosed another long-term condition (for example diabetes, "
             "osteoporosis, arthritis or cancer)?", Level.AMBER, "a long-term condition diagnosed by a doctor",
             "a long-term condition"),
    Question("medication", "Do you take prescribed medicine for an ongoing condition?", Level.AMBER,
             "prescribed medicine for an ongoing condition",
             "medicine"),
    Question("supervised_only", "Has a health professional told you to exercise only under supervision, or to "
             "avoid back exercises?", Level.AMBER, "advice to exercise only under supervision or to avoid back exercises",
             "advice to exercise only under supervision"),
    Question("back_pain_now", "Do you have lower-back pain that is new (last 6 weeks), getting worse, or limits "
             "your daily life?", Level.AMBER, "lower-back pain that is new, worsening or limiting",
             "back pain"),
    Question("leg_symptoms", "Does pain, numbness, tingling or weakness travel from your back into a leg?",
             Level.AMBER, "pain, numbness, tingling or weakness travelling into a leg",
             "pain or numbness in a leg"),
    Question("spine_diagnosis", "Have you been told you have a disc problem (such as a herniated disc), a slipped "
             "or cracked vertebra, spinal narrowing, or a spinal fracture?", Level.AMBER,
             "a diagnosed disc or spine problem",
             "a disc or spine problem"),
    Question("surgery", "Have you ever had spine surgery, or any abdominal or hip surgery in the past 6 months?",
             Level.AMBER, "spine surgery, or recent abdominal or hip surgery",
             "surgery"),
    Question("injury_in_care", "Are you being treated for, or recovering from, an injury to your back, hips or legs?",
             Level.AMBER, "an injury to your back, hips or legs that is being treated or healing",
             "an injury"),
    Question("pregnancy", "Are you pregnant, possibly pregnant, or did you give birth in the past 6 months?",
             Level.AMBER, "pregnancy or a birth in the past 6 months",
             "pregnancy"),
    Question("red_flags", "Right now, do you have numbness around the groin, new bladder or bowel problems, leg "
             "weakness that is getting worse, or back pain with a fever or after a fall?", Level.RED,
             "numbness around the groin, new bladder or bowel problems, worsening leg weakness, or back pain with fever or after a fall",
             "groin numbness, bladder or bowel problems, leg weakness or back pain with fever"),
)
BY_ID = {q.id: q for q in QUESTIONS}


def outcome_of(flagged: list[str]) -> Outcome:
    """Red if any red question was flagged, amber if any other was, else green."""
    levels = {BY_ID[qid].level for qid in flagged if qid in BY_ID}
    if Level.RED in levels:
        return Outcome.RED
    return Outcome.AMBER if levels else Outcome.GREEN
