"""The knowledge answers as a feature: the core's fallback, /topics, and the unanswered-questions log."""

from __future__ import annotations

from bot.core.kit import Kit
from bot.features.qa.answerer import Answerer


def install(kit: Kit) -> None:
    """Answer questions, browse topics, and say in /mydata how many questions went unanswered."""
    answers = Answerer(kit.understanding, kit.users, kit.clock)
    kit.answers = answers
    kit.provide(answers)
    kit.health_changes.append(answers.on_health_change)
    kit.commands.add("topics", "Browse everything I know", lambda _user, _arg: [answers.topics()])
    kit.descriptions.append(lambda user_id: f"questions I couldn't answer yet: {kit.users.count_misses(user_id)} "
                                            "(kept so the content can grow)")
