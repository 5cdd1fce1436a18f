"""The words the bot says: pure text builders, no I/O."""

from __future__ import annotations

import re

from bot.core.texts import CAPABILITIES as CAPABILITIES  # re-exported: the answers name it too
from knowledge.model import Entry, KnowledgeBase, SourceRef

DOCTOR_FIRST = (
    "⚕️ Talk to your doctor or a physiotherapist first. With pain, an injury, recent surgery, a disc "
    "problem, pregnancy or a medical condition, someone who can examine you should say whether and "
    "how to train. If you have chest pain, or sudden or severe pain, numbness or weakness, seek "
    "medical care now."
)

DOCTOR_MILD = "⚕️ If the tightness hurts, or doesn't ease in a few days, check with a doctor or physio before you train hard."
DOCTOR_AGAIN = "⚕️ With what you told me earlier, check with your doctor or physio before you train."  # on later answers

EMERGENCY = (
    "🚨 Stop now. Chest pain or tightness, trouble breathing, fainting, sudden numbness or weakness, "
    "loss of bladder or bowel control, or sudden severe pain can be an emergency: call your local "
    "emergency number (911, 112, 999) or get to emergency care now. Don't train again until a doctor "
    "has seen you."
)

STOP_SET = "✋ Stop this set now: don't push through pain. Rest, and don't go on until it's been checked."
# A concern told while training ("im doing my 3rd set rn and my back is pinching"): the set stops first.
_MID_SET = re.compile(r"\b(?:mid[\s-]?(?:set|rep|workout)|(?:doing|on|in|during)\s+(?:my|this|the|a)\s+(?:\w+\s+)?set"
                      r"|in\s+the\s+middle\s+of\s+(?:my|a|the)\s+(?:set|workout))\b", re.IGNORECASE)
_DOING_NOW = re.compile(r"\b(?:doing|training|lifting|working out)\b.*\b(?:right now|rn|atm)\b|\b(?:right now|rn|atm)\b.*"
                        r"\b(?:doing|training|lifting|working out)\b", re.IGNORECASE)


# Asking leave to train ("can i still do these", "is it ok for me?", "can i finish my sets"), not whether a thing is
# risky ("can i get injured doing these", "could that mess up my discs"): the doctor's call, the advice on medical care.
_GO_ON = (r"(?:do|try|start|train|exercise|continue|finish|lift|work\s+out|go\s+on|carry\s+on|keep\s+going|keep\s+training)"
          r"(?:\s+(?:it|this|that|these|them|those|(?:reverse\s+)?hypers|the\s+exercise|my\s+sets?|the\s+set|my\s+workout))?")
_CLAUSE_END = (r"(?:\s+(?:still|yet|now|today|again|at\s+all|anymore|safely|for\s+me))*"
               r"\s*(?:[?.!,]|$|\s+(?:with|after|while|if|since|though|given|because|or\s+not)\b)")
_PERMISSION = re.compile(rf"\b(?:can|could|may|should|shall)\s+i\s+(?:still\s+|even\s+|safely\s+|just\s+)?{_GO_ON}{_CLAUSE_END}"
                         rf"|\b(?:is|are)\s+(?:it|this|that|they|these|those)\s+(?:still\s+|even\s+)?(?:ok|okay|safe|fine|alright|allowed)"
                         rf"(?:\s+to\s+{_GO_ON})?{_CLAUSE_END}|\bam\s+i\s+allowed\b", re.IGNORECASE)


def asks_leave(text: str) -> bool:
    """Whether a message asks leave to train or go on."""
    return _PERMISSION.search(text) is not None


_ASKING_WHAT = re.compile(r"\b(?:what|which|how|when|where|why)\b[^.,;!?]*$", re.IGNORECASE)  # "what weight should i start with"


def after_leave(text: str) -> str | None:
    """What a message says after it asks leave to train ("" of "im 67 and my knees are shot, can i still do these",
    "the strap on my ankles" of "can i do hypers with the strap on my ankles"), else None; "what weight should i start
    with" asks a weight, not leave."""
    found = _PERMISSION.search(text)
    return text[found.end():] if found and not _ASKING_WHAT.search(text[:found.start()]) else None


def training_now(text: str) -> bool:
    """Whether a message tells of something happening during a set, now ("mid set", "doing hypers rn")."""
    return _MID_SET.search(text) is not None or _DOING_NOW.search(text) is not None


AFTER_EMERGENCY = ("🚨 You told me about a warning sign earlier today: please don't train until a doctor has "
                   "seen you, and get emergency care if it comes back or gets worse. What follows is general "
                   "information, not a go-ahead.")


def format_gap(about: str, offers: bool) -> str:
    """A near miss: the articles don't cover it."""
    offer = " Here is what they do cover that comes closest:" if offers else ""
    return f"The two articles I'm built on don't cover {about}, so I won't guess.{offer}"


# The verbs a yes/no question opens with: an answer that starts "Yes." answers only such a question;
# to "what is a GHD?", "reverse hyper vs back extension" or a tapped topic it reads as a non sequitur.
YES_NO_OPENERS = frozenset("can could is are am do does did should would will shall may might must "
                           "was were isnt arent dont doesnt cant shouldnt wont ok okay".split())
VERDICT = re.compile(r"^(?:Yes|No)(?:[.,:]\s+|\s+-\s+)")


def format_answer(entry: Entry, kb: KnowledgeBase, asked_yes_no: bool = True) -> str:
    """An entry's short answer followed by where it comes from; an answer that opens with a verdict
    ("Yes. …") loses it when the message was not a yes/no question."""
    answer = entry.answer if asked_yes_no else without_verdict(entry.answer)
    return f"{answer}\n\n{format_source(entry, kb)}"


def without_verdict(answer: str) -> str:
    """An answer without its opening "Yes." or "No,", capitalised again."""
    rest = VERDICT.sub("", answer, count=1)
    return rest[:1].upper() + rest[1:] if rest != answer else answer


QUESTION_WORDS = frozenset("what whats which who why how when where".split())
COMPARING = frozenset("than vs versus compared compare comparison difference different differ better worse "
                      "same similar identical equivalent".split())


def asks_yes_or_no(words: list[str]) -> bool:
    """Whether a message is worded as a yes/no question: its first question word is a verb like
    "can" or "is" ("hey quick q can i…"), not "what" or "how" ("what is a GHD"), and it compares
    nothing ("is it better than back extensions?", "is it the same as a GHD?": no question an answer's "Yes." fits)."""
    first = next((w for w in words if w in YES_NO_OPENERS or w in QUESTION_WORDS), None)
    return first in YES_NO_OPENERS and COMPARING.isdisjoint(words)


def format_details(entry: Entry, kb: KnowledgeBase) -> str:
    """An entry's longer explanation (or its answer when it has none) and its source."""
    return f"{entry.details or entry.answer}\n\n{format_source(entry, kb)}"


def format_all_there_is(entry: Entry, kb: KnowledgeBase) -> str:
    """Asked for more about an entry that has no more: say so, with its answer again."""
    return f"That's all the articles say about it:\n\n{format_answer(entry, kb)}"


def format_each(entries: list[Entry], kb: KnowledgeBase) -> str:
    """Several entries' answers, one after the other under their titles, then one line naming
    each of their sources once."""
    parts = [f"▪️ {entry.title}: {entry.answer}" for entry in entries]
    return "\n\n".join([*parts, _sources_line([ref for entry in entries for ref in entry.source], kb)])


def format_source(entry: Entry, kb: KnowledgeBase) -> str:
    """'Source: Article title — Section' for each source of an entry."""
    return _sources_line(list(entry.source), kb)


def _sources_line(refs: list[SourceRef], kb: KnowledgeBase) -> str:
    """'📖 Source: Article — Section; …', each distinct section once."""
    named = dict.fromkeys(f"{kb.articles[r.article].title if r.article in kb.articles else r.article} — {r.section}"
                          for r in refs)
    return "📖 Source: " + "; ".join(named)


ENGLISH_ONLY = (f"Sorry, I can only read English for now. {CAPABILITIES}\n\n"
                "Please ask in English, or browse the topics. If you are hurt or feel unwell, stop training "
                "and get medical help.")


# a web link: with its scheme or www, or a bare domain (never an e-mail address's: those are redacted from the log)
LINK = re.compile(r"\b(?:https?://|www\.)\S+|(?<![@\w.-])[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|io|co|uk|de|be|ly|tv)(?:/\S*)?", re.IGNORECASE)
LINKS = "🔗 I can't open links or watch videos."
LINK_ONLY = f"{LINKS} Tell me in words what you'd like to know, or tap Topics to browse."


def without_links(text: str) -> tuple[str, bool]:
    """The message less its web links ("www.youtube.com/watch?v=... is this form right?": the question), and whether it
    had any."""
    bare = LINK.sub(" ", text)
    return " ".join(bare.split()), bare != text


CHATTER = "🙂 I'm here: ask me anything about reverse hypers, or tap Topics to browse."
_WHAT_I_DO = ("Ask me anything about reverse hypers, or say what you'd like: \"make a plan\", \"my sessions\", "
              "\"settings\", \"safety check\" (/help lists them all).")
NOTHING_TO_ANSWER = f"🙂 Nothing is waiting for a yes or no just now. {_WHAT_I_DO}"  # "no, no" with nothing asked
NOTHING_TO_GO_BACK = f"🙂 There's nothing to go back to: we weren't in the middle of anything. {_WHAT_I_DO}"  # "go back"
NO_STEP_BACK = "🙂 I can't go back a step here: answer the question below, or type /cancel to leave it."


def format_bare_reply(said: str, busy: bool) -> str:
    """The reply to an everyday short reply no step took (`said`: "answer" for "no, no", "back" for "go back"), with no
    dialogue open (what the bot can do) or in one (`busy`: its question follows)."""
    if busy:
        return NO_STEP_BACK if said == "back" else CHATTER
    return NOTHING_TO_GO_BACK if said == "back" else NOTHING_TO_ANSWER
EMOJI_ONLY = ("🙂 I read words better than emoji. Ask me anything about reverse hypers, or say what you'd like: "
              "\"my sessions\", \"make a plan\", \"cancel my plan\", \"delete my data\" (/help lists them all).")
WHICH_OFFER = "Which one? Tap it below, or ask in your own words."
NOT_OFFERED = "OK, not that one. Try asking another way, or browse the topics."


def format_not_understood(has_suggestions: bool) -> str:
    """What the bot says when it does not know the answer."""
    hint = "Did you mean one of these?" if has_suggestions else "Try asking another way, or browse the topics."
    return f"I'm not sure I can answer that one. {CAPABILITIES}\n\n{hint}"


def format_not_caught(has_suggestions: bool) -> str:
    """What the bot says when a voice note's words match nothing clearly: maybe it misheard."""
    if has_suggestions:
        return "I'm not sure I caught that right. Did you mean one of these? If not, say it again or type it."
    return ("I'm not sure I caught that right, or it may be outside what I know: I coach the reverse "
            "hyperextension. Please say it again, type it, or browse the topics.")


def format_topics_intro() -> str:
    """The heading of the topic menu."""
    return "Pick a topic to see what I can tell you:"
