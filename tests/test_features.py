"""A new feature is one folder and one registration line: a small water log, declared here the way
bot/features/*/feature.py declare theirs, registered with one `coach.add` and driven through the core."""

from __future__ import annotations

from enum import Enum

from bot.core.callbacks import Tap
from bot.core.dialogue import STALE, button
from bot.core.kit import Kit, Note
from bot.core.messages import Reply
from bot.storage.dialogues import State
from knowledge.intents import Intent
from tests.test_planning import button as find_button


class Step(Enum):
    """The water log's one step."""

    COUNT = "count"


class WaterLog:
    """How many glasses today: typed or tapped."""

    name = "water"

    def __init__(self, kit: Kit) -> None:
        self.kit = kit
        self.glasses: dict[int, int] = {}

    def start(self, user_id: int) -> list[Reply]:
        """/water: ask."""
        return [self.ask(self.kit.dialogues.begin(user_id, self.name, Step.COUNT))]

    def ask(self, state: State) -> Reply:
        """The question, with two buttons of this run."""
        return Reply("How many glasses today?", buttons=((button(state, "2", "n", "2"), button(state, "4", "n", "4")),))

    def on_text(self, state: State, text: str) -> list[Reply] | None:
        """A typed number; anything else is not an answer."""
        return self._log(state, int(text)) if text.strip().isdigit() else None

    def on_tap(self, state: State, tap: Tap) -> list[Reply]:
        """A tapped number."""
        return self._log(state, int(tap.arg))

    def cancel(self, state: State) -> list[Reply]:
        """Leave without logging."""
        self.kit.dialogues.end(state.user_id, self.name)
        return [Reply("No water logged.")]

    def _log(self, state: State, glasses: int) -> list[Reply]:
        """Keep the count and end the dialogue."""
        self.glasses[state.user_id] = glasses
        self.kit.dialogues.end(state.user_id, self.name)
        return [Reply(f"Logged {glasses} glasses.")]


def install(kit: Kit) -> None:
    """Everything the water log brings."""
    log = WaterLog(kit)
    kit.provide(log)
    kit.dialogues.register(log)
    kit.commands.add("water", "Log the water you drank", lambda user_id, _arg: log.start(user_id))
    kit.request(Intent.GOODBYE, lambda user_id, _text: log.start(user_id), starts_dialogue=True)  # "bye" asks first
    kit.notes.append(lambda _user_id: Note("Log your water with /water."))
    kit.descriptions.append(lambda user_id: f"water logged: {log.glasses.get(user_id, 0)} glasses")
    kit.erasers.append(lambda user_id: log.glasses.pop(user_id, None) and None)


def test_a_feature_registered_with_one_line_is_driven_through_the_core(coach, say):
    coach.add(install)  # the one registration line
    assert "/water – Log the water you drank" in say("/help")[0].text
    assert "Log your water with /water." in say("/start")[0].text
    asked = say("/water")[0]
    answered = say("how many reps for endurance?")  # a question mid-dialogue: answered, then asked again
    assert answered[0].entry == "program-endurance" and answered[-1].text == asked.text
    assert say("3")[0].text == "Logged 3 glasses." and coach.need(WaterLog).glasses[7] == 3
    assert say(find_button(asked, "4"), button=True) == [STALE]  # a button of the ended run
    tapped = say(find_button(say("/water")[0], "4"), button=True)
    assert tapped[0].text == "Logged 4 glasses."
    assert say("bye")[0].text == asked.text  # the feature's request in words
    assert say("/cancel")[0].text == "No water logged."
    assert "water logged: 4 glasses" in say("/mydata")[0].text
    say("/forget"), say("yes")
    assert 7 not in coach.need(WaterLog).glasses  # /forget erased the feature's records too
