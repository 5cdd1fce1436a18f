"""The knowledge answers as a feature: the core's fallback, /topics, and the unanswered-questions log."""

from __future__ import annotations

from bot.core.kit import Kit
from bot.features.qa.answerer import Answerer


def install(kit: Kit) -> None:
    """Answer questions, browse topics, and say in /mydata how many questions went unanswered."""
    answers = Answerer(kit.understanding, kit.users, kit.clock, busy=lambda user_id: kit.dialogues.current(user_id) is not None)
    kit.answers = answers
    kit.provide(answers)
    kit.health_changes.append(answers.on_health_change)
    kit.readers.append(answers.typed_menu)
    kit.commands.add("topics", "Browse everything I know", lambda _user, _arg: [answers.topics()])
    kit.descriptions.append(lambda user_id: format_misses(kit.users.count_misses(user_id),
                                                          kit.users.load_user_misses(user_id, MISSES_SHOWN)))


MISSES_SHOWN = 3  # the newest of the user's unanswered questions quoted in /mydata
MISS_CHARS = 80  # each cut to this many characters there


def format_misses(count: int, newest: list[str]) -> str:
    """/mydata's line on the unanswered-questions log: how many, and the newest as logged."""
    quoted = ", ".join(f"“{text[:MISS_CHARS]}{'…' if len(text) > MISS_CHARS else ''}”" for text in newest)
    more = f" and {count - len(newest)} more" if count > len(newest) else ""
    return f"questions I couldn't answer yet: {count} (kept so the content can grow){': ' + quoted + more if quoted else ''}"
