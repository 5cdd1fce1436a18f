"""The terminal adapter: a chat on stdin/stdout over the same core, buttons shown as numbers.

Only the last message with buttons of a turn is numbered, from 1 (the question waiting: the safety check's Yes is
always 1, No 2); buttons of the messages above it are listed with a bullet and chosen by their label. A label is
matched without its emoji, case or punctuation ("topics" is 📚 Topics). Earlier turns' buttons are not kept: a typed
"cancel" must not press an old ✖️ Cancel. Numbered across all the messages, a hint's 📚 Topics above a question
moved its No from 2 to 3, and a "2" learnt as No recorded a Yes (tester s27)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TextIO

from bot.core.coach import Coach
from bot.core.messages import Button, Inbound, InboundKind, Reply, label_words

PROMPT = "you> "
SPOKEN_NOTE = "🔊 (/voice is on: in Telegram this reply also comes as a voice note)"
AUDIO_SUFFIXES = (".ogg", ".oga", ".opus", ".wav", ".flac")
NO_AUDIO_FILE = "I can't find that audio file: {path}"
NOT_AUDIO = "That file isn't audio I can read: send a voice note as an .ogg, .oga, .opus, .wav or .flac file, or type your question."
QUIT = ("/quit", "/exit")
CLEAR_LINE = "\r\x1b[K"  # back to the line's start and erase it: the prompt a reminder interrupts
AudioReader = Callable[[int, Path], Inbound | Reply]  # (user id, audio file) -> a VOICE inbound, or why not


def format_reply(reply: Reply, first_number: int | None = 1) -> str:
    """A reply as terminal text, with its buttons numbered from `first_number` (None: bulleted, chosen by label)."""
    lines = [f"== {reply.title} ==" if reply.title else "", reply.text]
    for n, button in enumerate(reply.button_list(), start=first_number or 1):
        lines.append(f"  [{n}] {button.label}" if first_number is not None else f"  • {button.label}")
    return "\n".join(line for line in lines if line)


def to_inbound(user_id: int, line: str, buttons: list[Button], labelled: list[Button] | None = None) -> Inbound:
    """A typed line: a button when it is a shown number (of the numbered `buttons`) or the label of one of those or
    of the `labelled` ones shown above them, else text."""
    choice = line.strip()
    if choice.isdigit() and 1 <= int(choice) <= len(buttons):
        return Inbound(user_id, InboundKind.BUTTON, buttons[int(choice) - 1].data)
    said = label_words(choice)
    for button in [*buttons, *(labelled or [])]:
        if said and said == label_words(button.label):
            return Inbound(user_id, InboundKind.BUTTON, button.data)
    return Inbound(user_id, InboundKind.TEXT, line)


def _named_path(line: str) -> Path:
    """The path a line would name: surrounding quotes dropped, `~` expanded."""
    return Path(line.strip().strip("'\"")).expanduser()


def audio_path(line: str) -> Path | None:
    """The audio file a line names (an existing .ogg/.oga/.opus/.wav/.flac file), or None."""
    path = _named_path(line)
    return path if path.suffix.lower() in AUDIO_SUFFIXES and path.is_file() else None


def other_file(line: str) -> bool:
    """Whether a line is the path of an existing file or folder that is no audio file ("/tmp/photo.jpg"): one word
    with a slash, not a command ("/help" is no file here)."""
    text = line.strip().strip("'\"")
    if len(text.split()) != 1 or "/" not in text.lstrip("/") and "\\" not in text:
        return False
    path = _named_path(text)
    try:
        return path.exists() and not (path.is_file() and path.suffix.lower() in AUDIO_SUFFIXES)
    except OSError:  # a name too long for the file system, or not readable: a message
        return False


def looks_like_audio_path(line: str) -> bool:
    """Whether a line reads as the path of an audio file, existing or not: one word (or words
    with a slash) ending in an audio suffix; "what about .ogg files" is a message."""
    text = line.strip().strip("'\"")
    one_word = len(text.split()) == 1 or "/" in text
    return one_word and Path(text).suffix.lower() in AUDIO_SUFFIXES and Path(text).stem != ""


class TerminalChat:
    """One user's conversation in a terminal: replies printed, the last message's buttons chosen
    by number or label; reminders printed between them."""

    def __init__(self, coach: Coach, out: TextIO, user_id: int, read_audio: AudioReader | None = None,
                 prompt: str = "", typed: Callable[[], str] = str) -> None:
        self.coach = coach
        self.out = out
        self.user_id = user_id
        self.read_audio = read_audio
        self.prompt = prompt  # shown while waiting for a line when interactive; "" when scripted
        self.typed = typed  # what the user has typed at the prompt so far (to show it again)
        self.buttons: list[Button] = []  # the numbered ones: the last message's with buttons
        self.labelled: list[Button] = []  # the others shown with them, chosen by label
        self.waiting = False  # a line has been asked for and not yet answered

    def greet(self) -> None:
        """What /start says, as the chat opens."""
        self._show(self.coach.handle(Inbound(self.user_id, InboundKind.TEXT, "/start")))

    def answer(self, line: str) -> bool:
        """Answer one typed line; False when the user asked to leave (/quit)."""
        if line.strip().lower() in QUIT:
            return False
        self._show(self._replies(line.rstrip("\n")))
        return True

    def show_reminder(self, reply: Reply) -> None:
        """A reminder on lines of its own, its buttons numbered from 1 like any reply's; an
        interrupted prompt is shown again below it, with what was typed so far."""
        interrupted = self.waiting and bool(self.prompt)
        self.out.write(CLEAR_LINE if interrupted else "")
        self._show([reply])
        if interrupted:
            self.out.write(self.prompt + self.typed())
            self.out.flush()

    def _replies(self, line: str) -> list[Reply]:
        """The core's replies to a line: a voice note for an audio file's path, else text or a button."""
        path = audio_path(line)
        if path is None and looks_like_audio_path(line):
            return [Reply(NO_AUDIO_FILE.format(path=_named_path(line)))]
        if path is None and other_file(line):
            return [Reply(NOT_AUDIO)]
        if path is not None and self.read_audio is not None:
            inbound = self.read_audio(self.user_id, path)
        else:
            inbound = to_inbound(self.user_id, line, self.buttons, self.labelled)
        return [inbound] if isinstance(inbound, Reply) else self.coach.handle(inbound)

    def _show(self, replies: list[Reply]) -> None:
        """Print replies and remember the buttons they offered: the last message's with buttons numbered from 1, the
        others' bulleted (see the module's docstring)."""
        numbered = max((i for i, reply in enumerate(replies) if reply.button_list()), default=None)
        self.buttons, self.labelled = [], []
        for i, reply in enumerate(replies):
            self.out.write(format_reply(reply, 1 if i == numbered else None) + "\n\n")
            if reply.speak:
                self.out.write(SPOKEN_NOTE + "\n\n")
            (self.buttons if i == numbered else self.labelled).extend(reply.button_list())
        self.out.flush()


def run_chat(coach: Coach, lines: Iterable[str], out: TextIO, user_id: int,
             read_audio: AudioReader | None = None) -> None:
    """Answer each line until the input ends (or the user types /quit), without reminders; with
    `read_audio`, a line naming an audio file is sent as a voice note."""
    chat = TerminalChat(coach, out, user_id, read_audio)
    chat.greet()
    for line in lines:
        if not chat.answer(line):
            break
