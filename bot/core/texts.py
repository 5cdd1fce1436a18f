"""What the core itself says (welcome, help, what it cannot read): pure text builders, no I/O."""

from __future__ import annotations

from collections.abc import Sequence

from bot.core.messages import Button, Reply

CAPABILITIES = (
    "I can help with the reverse hyperextension: what it is and how to do it, the muscles it works, "
    "its benefits, sets and reps for your goal (strength, endurance, hypertrophy, mobility), "
    "beginner steps, variations, options without a machine, and the research behind it."
)
TOPICS_BUTTON = Button("📚 Topics", "topics")
DISK_FULL = Reply("Sorry, I can't save anything right now: the server's disk is full. Everything "
                  "you stored before is safe. Please try again later.")
BUSY = Reply("Let's finish this first: answer below, or type /cancel to leave it (a command like /timezone or "
             "/screen also switches straight away).")
NOTHING_TO_CANCEL = Reply("There's nothing to cancel: we weren't in the middle of anything. /help lists what I can do.")


def format_welcome(commands: str, next_steps: Sequence[str]) -> str:
    """The /start message: what the bot does, the next steps the features suggest, and the commands."""
    steps = "".join(f"{step}\n\n" for step in next_steps)
    return (
        "Hi! I'm Coachbot, your coach for the reverse hyperextension (\"reverse hypers\").\n\n"
        f"{CAPABILITIES}\n\n"
        "Just ask in your own words, for example:\n"
        "• how many reps for endurance?\n"
        "• how high should my legs go?\n"
        "• no machine at my gym, what can I do instead?\n\n"
        f"{steps}Commands:\n{commands}"
    )


def format_help(commands: str) -> str:
    """The /help message around the registry's command list."""
    return (
        "Ask me anything about reverse hyperextensions, typed or as a voice note, in your own words.\n\n"
        f"Commands:\n{commands}\n\n"
        "In the middle of something, /cancel (or \"cancel\", \"stop\") leaves it. Every answer names the "
        "article it comes from. I'm a coach, not a doctor: with pain, an injury or a medical condition, "
        "talk to your doctor first."
    )


def format_unsupported(what: str) -> str:
    """A friendly reply to a sticker, photo or other message the bot cannot read."""
    return f"Nice {what}! I can only read text for now. Ask me a question about reverse hyperextensions, or tap /topics."


def format_empty() -> str:
    """A reply to an empty message."""
    return "Send me a question about reverse hyperextensions, for example \"how do I start as a beginner?\""


PAUSED = Reply("No rush: I'll keep your place. When you're back, answer the question above; type \"cancel\" if you'd "
               "rather stop.")  # "brb" at any step: nothing read from it (it is no place, no time, no answer)
WELCOME_BACK = Reply("Welcome back!")
