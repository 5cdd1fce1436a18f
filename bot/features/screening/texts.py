"""What the safety check says. Never: "cleared", "approved", "safe for you", "medical clearance",
"no risk"; no diagnosis, no comment on medication, no reassurance about a red-flag symptom."""

from __future__ import annotations

from datetime import datetime, timedelta

from bot.features.screening.questions import BY_ID, QUESTIONS, Question, Status
from bot.features.screening.store import Result

FORBIDDEN = ("cleared", "approved", "safe for you", "medical clearance", "no risk")

WHAT_IT_ASKS = (f"{len(QUESTIONS)} short yes / no questions about your health (heart, chest, dizziness, back and legs, "
                "surgery, pregnancy, medicines)")
WHY_IT_ASKS = ("reverse hyperextensions load the lower back and hips, and some answers mean you should talk to a doctor or "
               "physiotherapist first")
WHAT_IT_KEEPS = ("the date, the outcome and which questions you answered yes or not sure, so your plan can check it. "
                 "Nothing else, never in logs, and /forget erases it all at any time")
CONSENT = (
    "🩺 Safety check before you start\n\n"
    f"I'll ask {WHAT_IT_ASKS}. Why: {WHY_IT_ASKS}.\n\n"
    f"What I keep: {WHAT_IT_KEEPS}.\n\n"
    "It takes about a minute. Ready?"
)
# a question about the check ("is it required?", "what is it for?"), answered without starting it
ABOUT = (f"The safety check is {WHAT_IT_ASKS}, about a minute in all. Why: {WHY_IT_ASKS}. It is needed before I plan "
         "sessions or send reminders; questions about the exercise never need it.\n\n"
         f"What I keep from it: {WHAT_IT_KEEPS}. Start it with /screen.")
KEEPS = f"From the safety check, once taken, I keep {WHAT_IT_KEEPS}."  # after /mydata, to "do you store my health stuff?"
DECLINED = "No problem. You can still ask me anything, and start the check any time with /screen."
CANCELLED = "Safety check cancelled; your answers so far are deleted. Start again any time with /screen."
RED = (
    "🛑 Please stop here and don't start reverse hyperextensions.\n\n"
    "What you described needs a health professional now: seek medical care today, and call emergency "
    "services if it is severe or came on suddenly."
)
GREEN = (
    "✅ Nothing in your answers calls for a check with a professional first.\n\n"
    "Next: start light, with a short range of motion and a slow, controlled tempo, and build up "
    "gradually over the weeks. Warm up first, and stop if anything hurts. Plan your sessions and get "
    "reminders with /plan.\n\n"
    "This is a screening aid, not a medical assessment. If your health changes, run /screen again."
)
REVIEWED = ("Noted: a health professional has reviewed your flagged points. Follow their advice on "
            "how to start, and run /screen again if anything changes.")
REVIEW_TOLD = ("Good to hear. If a doctor or physiotherapist has gone through your flagged points with you, tap ✅ "
               "below to record it: planning opens then. Follow their advice on how to start.")
STALE = "That no longer applies, so nothing changed. /plan, /screen or /sessions shows where you are."
RETAKE_HINT = "Your answers still count. Retake the check if your health has changed."
RESUMED = "You're part-way through the safety check; your answers so far are kept. Here's where you were:"
TYPE_HINT = "Tap a button, or type yes, no, not sure, back or cancel."


def format_emoji_asked(emoji: str) -> str:
    """An emoji alone at a question: asked back (a guessed yes or no is the one guess the check never makes)."""
    return (f"{emoji} could mean yes, no or just “OK”, and here I need to be sure. Is it a yes to the question below? "
            "Tap Yes, No or Not sure (or type it).")
STOPPED_RED = ("I've stopped the safety check here, and your result is now \"seek medical care\". Once a health "
               "professional has checked you, /screen lets you record their review and retake the check.")
REDO_AFTER_CONCERN = ("Because of what you just told me, your safety check no longer counts: I won't plan sessions "
                      "until you take it again with /screen (once a doctor has seen you, if they need to).")
CANCELLED_FLAGGED = ("Safety check cancelled. You answered yes or not sure to a question this time, so your "
                     "earlier result no longer counts: I won't plan sessions until you finish the check with /screen.")
ABOUT_CHECK = (f"These are the safety check's questions: {len(QUESTIONS)} short yes / no questions, about a minute in "
               "all. I ask because reverse hyperextensions load the lower back and hips, and some health points mean a "
               "doctor or physiotherapist should see you first. I can't judge what counts for you: if you're not sure, "
               "answer \"Not sure\" (it counts as yes).")
STOPPED = "I've stopped the safety check here; nothing was recorded. Run /screen once you have been checked."
STOP_PROMPT = ("Stop the safety check? Your answers so far will be deleted.\n\n(Or carry on now: you can stop it "
               "any time later by typing \"cancel\".)")
CARRY_ON = "Okay, the check goes on; your answers so far are kept."
RESUMED_AFTER_PAUSE = "Welcome back! Here's where you were:"
LEFT = ("Okay, talk later! I've kept your place and your answers so far. When you're back, answer the question above "
        "(or type /screen to see it again); type \"cancel\" if you'd rather stop.")
ERASE_WITH_FORGET = ("I won't start the safety check for that. To erase your safety-check answers, type /forget: it erases "
                     "everything I store about you (your check, plans and unanswered questions), after you confirm.")
PAUSED = ("No rush: I'll keep your place and your answers so far. When you're back, answer the question above "
          "(or type /screen to see it again); type \"cancel\" if you'd rather stop.")

# What a red-flag question's words mean, for a question about them ("what counts as bladder problems?"): no diagnosis,
# no reassurance, and what to do if the user has it now.
EXPLAINED = {
    "chest_pain": (
        "What this question means: any pain, pressure, squeezing or tightness in your chest, whether it comes while "
        "you rest or when you're active (stairs, a hard set, a run), even if it goes away again. If you get it, "
        "answer Yes, which stops the check with the advice to see a doctor; if you have it right now, or it is "
        "severe, call emergency services. Never: No. Can't tell: Not sure (it counts as yes)."
    ),
    "red_flags": (
        "What this question means, about right now:\n"
        "• numbness around the groin: less feeling than usual between your legs, around your bottom or inner thighs "
        "(where you'd sit on a saddle);\n"
        "• new bladder or bowel problems: lately, trouble starting or holding in pee or poo, or not feeling when "
        "you need to go;\n"
        "• leg weakness that is getting worse: a leg that gives way or gets weaker from day to day;\n"
        "• back pain with a fever, or that began after a fall or an accident.\n\n"
        "If you have any of these now, answer Yes and get medical care today (call emergency services if it is severe "
        "or came on suddenly). None of them: No. Can't tell: Not sure (it counts as yes)."
    ),
}


def format_other_topic(other: Question) -> str:
    """Why a sentence about another question's topic is not taken as this question's answer."""
    number = QUESTIONS.index(other) + 1
    return (f"That sounds like it's about {other.topic}, which question {number} asks about, so I haven't "
            f"recorded it as an answer here. {TYPE_HINT}")


ANSWERED_BACK = "Back to question"  # how the check says it went back to an earlier question and took its answer


def format_answered_back(earlier: Question, answer: str) -> str:
    """Back at an earlier question, its answer taken from the same message."""
    return f"{ANSWERED_BACK} {QUESTIONS.index(earlier) + 1}, about {earlier.topic}: I've recorded \"{answer}\" there."


SKIPPED = "A question skipped counts as \"Not sure\", which counts as yes. "  # before what was recorded


def format_recorded(question: Question, answer: str, goes_on: bool) -> str:
    """What a spoken answer was recorded as (the words heard may not be the words said), and how to change it while the
    check `goes_on`."""
    number = QUESTIONS.index(question) + 1
    change = " Not what you said? Tap ⬅️ Back below." if goes_on else ""
    return f"I've recorded \"{answer}\" for question {number}, about {question.topic}.{change}"


def format_noted(question: Question, answer: str, goes_on: bool) -> str:
    """What an answer typed in words was recorded as ("Noted: No"), and how to change it while the check `goes_on`."""
    number = QUESTIONS.index(question) + 1
    counts = " (it counts as yes)" if answer == "Not sure" else ""
    other = "yes" if answer == "No" else "no"
    change = f" Not what you meant? Tap ⬅️ Back below, or say \"I meant {other}\"." if goes_on else ""
    return f"Noted: \"{answer}\"{counts} for question {number}, about {question.topic}.{change}"


def format_corrected(earlier: Question) -> str:
    """A yes told late, recorded at the earlier question it answers."""
    number = QUESTIONS.index(earlier) + 1
    return (f"That answers question {number}, about {earlier.topic}, so I've recorded it there as a yes "
            "(it counts when the check ends). Now, back to this question:")


def format_aside(question: Question, other: Question, kept: bool) -> str:
    """A yes telling another question's topic ("yes, I had back surgery" at the dizziness question): which is it, and
    where the other topic goes (`kept` for its later question, else recorded at the earlier one)."""
    number, other_number = QUESTIONS.index(question) + 1, QUESTIONS.index(other) + 1
    there = (f"Question {other_number} asks about {other.short}, so I'll ask you about it there." if kept else
             f"Question {other_number} asked about {other.short}, so I've recorded it there as a yes (it counts when the "
             "check ends).")
    return (f"Is that a yes to question {number}, about {question.short}, or are you telling me about {other.short}? "
            f"{there} For {question.short}, tap Yes, No or Not sure below.")


def format_told_before(question: Question) -> str:
    """A later question whose topic the user told earlier, beside another question's answer: this is its question."""
    return f"Earlier you mentioned {question.short}: this is the question about it, so please answer it here."


def format_alarmed(left: timedelta) -> str:
    """Why the check does not begin within ALARM_TTL of a red flag told in chat."""
    hours = max(1, round(left.total_seconds() / 3600))
    return ("🚨 Earlier today you told me about a warning sign, so I can't take the safety check with you today: "
            "whatever your answers, it could not tell you to start. Please don't train until a doctor has seen you, "
            "and get emergency care if it comes back or gets worse.\n\n"
            f"You can take the check with /screen in about {hours} hour{'s' if hours != 1 else ''}, once a "
            "doctor has seen you.")


def format_unsure_red(question: Question) -> str:
    """The "did you mean" step after a typed "not sure" at a red-flag question."""
    return ("Just to be sure I read you right: at this question \"not sure\" counts as yes, and a yes here "
            "stops the check with the advice to seek medical care now.\n\n"
            f"{question.text}\n\nDid you mean yes, no, or not sure?")


def format_question(step: int, question: Question) -> str:
    """One question with its progress line."""
    return f"Question {step + 1} of {len(QUESTIONS)}\n\n{question.text}\n\n(\"Not sure\" is fine: it counts as yes.)"


def format_amber(flagged: tuple[str, ...]) -> str:
    """The flagged points in plain words, and what to do about them."""
    points = "\n".join(f"• {BY_ID[qid].topic}" for qid in flagged if qid in BY_ID)
    return (
        "⚠️ Please talk to a doctor or physiotherapist before starting reverse hyperextensions, and "
        f"show them these points:\n{points}\n\n"
        "You can still ask me anything about the exercise. Planning sessions opens once a health "
        "professional has gone through these points with you: tap the button below when they have.\n\n"
        "This is a screening aid, not a medical assessment."
    )


def format_points(flagged: tuple[str, ...]) -> str:
    """The flagged points to show a health professional, asked for after the result."""
    points = "\n".join(f"• {BY_ID[qid].topic}" for qid in flagged if qid in BY_ID)
    return (f"Show them the points your safety check flagged:\n{points}\n\nOnce they have gone through them with you, "
            "tap ✅ below: planning opens then. Follow their advice on how to start.")


CONSENT_OPEN = "Safety check: not started (it waits for your OK to begin; no answer is stored)."


def format_status(status: Status, result: Result | None, expires: datetime | None, now: datetime | None = None) -> str:
    """The user's safety-check status in one or two lines (for /mydata): why one no longer counts."""
    if result is None or status in (Status.NOT_SCREENED, Status.IN_PROGRESS):
        return f"Safety check: {status.value}."
    if status is Status.EXPIRED:
        line = f"Safety check: no longer counts, because {_why_void(result, expires, now)}"
    else:
        line = f"Safety check: {status.value}, completed {result.completed_at:%d %b %Y}"
        line += f", valid until {expires:%d %b %Y}" if expires else ""
    if result.flagged:
        line += ". Flagged: " + "; ".join(BY_ID[q].topic for q in result.flagged if q in BY_ID)
    if result.reviewed_at:
        line += f". Reviewed by a health professional on {result.reviewed_at:%d %b %Y}"
    return line + (". Take it again with /screen." if status is Status.EXPIRED else ".")


def _why_void(result: Result, expires: datetime | None, now: datetime | None) -> str:
    """Why a result no longer counts, in plain words: a health change told after it, its age, or new questions."""
    done = f"you completed it {_day(result.completed_at, now)}"
    if result.redo_at is not None:
        return f"you told me about a health change {_day(result.redo_at, now)}, after it ({done})"
    if expires is not None and now is not None and now >= expires:
        return f"it is more than 12 months old ({done})"
    return f"its questions have changed since {done}"


def _day(at: datetime, now: datetime | None) -> str:
    """"today" for a time on the same day as `now`, else "on 02 Dec 2026"."""
    return "today" if now is not None and at.date() == now.date() else f"on {at:%d %b %Y}"


def format_red_wait(until: datetime) -> str:
    """Why a recent red result cannot be replaced by a retake yet."""
    return ("Your last check said to seek medical care, so it stands for now. Once a health professional "
            f"has checked you, tap below and then retake it; otherwise you can retake it from {until:%d %b %Y}.")


def format_amber_kept(flagged: tuple[str, ...], until: datetime) -> str:
    """Why an all-"no" retake right after an amber result leaves that result as it was."""
    points = "\n".join(f"• {BY_ID[qid].topic}" for qid in flagged if qid in BY_ID)
    return ("All \"no\" this time, but your last check flagged these points, and it stands until a health "
            f"professional has gone through them with you (tap below when they have) or until {until:%d %b %Y}:\n"
            f"{points}\n\nThis is a screening aid, not a medical assessment.")
RESTARTED = "Starting over: your answers so far are cleared."  # "start over" in the middle of the check
