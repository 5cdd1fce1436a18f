"""Reading a typed reply to one safety-check question.

The understanding layer reads the words (knowledge.screening: the screening talk reader and the
curated topic words and phrases); this module keeps the check's rules for what is recorded. A health
answer is recorded only when the message answers THIS question: a yes / no / not sure, a stated age
at the age question, a statement naming this question's topic ("arthritis in both knees"), or an
everyday phrase that answers ("not that i know of", "sometimes when i run"). Never recorded here:
thanks or an acknowledgement ("ok", "cool"), a sentence about another question's topic ("I had
surgery 2 years ago" at the medication question: the check decides what to do with it), small
talk, or a reply read as nothing: those are asked again with a hint, never taken for a silent No.

The rules are a declared, ordered table (RULES): each names a reply it reads, when it applies and the
reading it gives; the first that applies reads the reply. read_reply then applies what is told about
time (a yes told as over or long ago, knowledge.screening.Past) and an answer a reply ends on (`tails`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date

from bot.features.screening.questions import BY_ID, QUESTIONS, Level, Question
from knowledge.normalize import clean_text
from knowledge.screening import ScreeningWords, TypedReply
from knowledge.screening_moves import Exit

CODES = {"yes": "y", "no": "n", "unsure": "u", "back": "b", "cancel": "c"}
ANSWERED = ("yes", "no", "unsure")
BACK_PAIN = "back_pain_now"  # the question whose topic "back" names, unless it is "come back", "get back"


@dataclass(frozen=True)
class Readers:
    """The understanding layer's readers the check uses (the defaults read nothing)."""

    reply: Callable[[str, str], TypedReply] = lambda _text, _question: TypedReply()
    small_talk: Callable[[str], bool] = lambda _text: False  # thanks, a greeting: never an answer
    about_us: Callable[[str], bool] = lambda _text: False  # a question the knowledge base answers
    clearly_ours: Callable[[str], bool] = lambda _text: False  # the knowledge base answers it on a clear match
    question: Callable[[str], bool] = lambda _text: False  # worded as a question at all
    answer: Callable[[str], str | None] = lambda _text: None  # the everyday yes / no reader (consent, stop?)
    leaves: Callable[[str], bool] = lambda _text: False  # the intent reader's way out ("nvm", "enough")
    words_of: Callable[[str], list[str]] = lambda text: clean_text(text).split()  # typos fixed ("stpo", "thnaks")
    words: ScreeningWords = field(default_factory=ScreeningWords)
    concern: Callable[[str], bool] = lambda _text: False  # the safety detector hears a health concern in it
    this_year: Callable[[], int] = lambda: date.today().year  # "in 2015" is long ago, "in this year" not

    def about_check(self, text: str) -> bool:
        """Whether the message asks what the check is for ("whats the point of this")."""
        return self.words.asks_about_check(clean_text(text))

    def opens_question(self, text: str) -> bool:
        """Whether a message opens with a question word ("what counts as high blood pressure")."""
        return bool(self.words.question_openers.intersection(self.words_of(text)[:1]))

    def asks_us(self, text: str) -> bool:
        """Whether a message is plainly a question ("?" or a question word first) the knowledge base
        answers on a clear match ("do i stop at parallel"; "i'll talk to my doctor" is no question)."""
        return ("?" in text or self.opens_question(text)) and self.clearly_ours(text)

    def exit(self, text: str) -> Exit:
        """Whether a message read as cancel is a plain way out, or more."""
        return self.words.exits.read(self.words_of(text), asked="?" in text)


@dataclass(frozen=True)
class Reading:
    """What a typed reply is: an answer code (y, n, u, b, c), or none with the reason shown."""

    code: str | None = None
    other: Question | None = None  # the question whose topic the message is about instead
    acknowledged: bool = False  # "ok", "cool": not an answer, so the question is asked again
    denied: bool = False  # read as a no, or with a negation in it ("i never had heart trouble")


def read_reply(text: str, question: Question | None, readers: Readers) -> Reading:
    """How a typed reply answers `question` (None: the consent step, no topic to check): a yes told as over
    or long ago where the question asks about now or a recent window is a no ("had it years ago, all sorted
    now" at the back-pain question), and no yes told late at an earlier such question; nothing else read and a going
    back ("wait go back i forgot...") is a back."""
    reply, words = readers.reply(text, question.id if question else ""), readers.words_of(text)
    reading = _read(text, question, readers, reply, words)
    if reading.code == "y" and question is not None and _over(reply, question, text, words, readers):
        return Reading("n", denied=True)
    if reading.code == "y" and question is not None and _elsewhere(reply, question, text, words, readers):
        return Reading("n", denied=True)  # "only my wrist, its in a brace" at the injury question
    if reading.other is not None and not reading.denied and _over(reply, reading.other, text, words, readers):
        return replace(reading, denied=True)  # "had chest pain years ago, nothing since" tells no yes late either
    tail = readers.words.tail(words, text) if reading == Reading() and "?" not in text else None
    if reading == Reading() and not tail and readers.words.asks_back(words):
        return Reading("b")  # "wait go back i forgot i have high cholesterol, thats a condition right"
    return Reading(CODES[tail]) if tail else reading  # "only heartburn after pizza lol so no"


def _over(reply: TypedReply, question: Question, text: str, words: list[str], readers: Readers) -> bool:
    """Whether a reply read as yes tells its topic as over or long ago, where the question asks about now or a
    recent window (knowledge.screening.Past): never one opening with a yes, holding a doubt or asking."""
    said = readers.words
    plain = reply.lead != "yes" and "?" not in text and not said.doubtful(words)
    return plain and said.told_past(question.id, words, readers.this_year())


def _elsewhere(reply: TypedReply, question: Question, text: str, words: list[str], readers: Readers) -> bool:
    """Whether a reply read as yes names only parts of the body or kinds the question does not ask about
    (knowledge.screening.Past.elsewhere): never one opening with a yes, holding a doubt or asking."""
    plain = reply.lead != "yes" and "?" not in text and not readers.words.doubtful(words)
    return plain and readers.words.past.elsewhere(question.id, words)


def _read(text: str, question: Question | None, readers: Readers, reply: TypedReply, words: list[str]) -> Reading:
    """How a typed reply answers `question`: the reading of the first rule of RULES that applies."""
    said = Said(text, question, readers, reply, words)
    return next(rule.reading(said) for rule in RULES if rule.applies(said))


class Said:
    """A typed reply as the rules read it: the reader's reading (`first`: "back" no back pain named when it is
    "come back"; `reply`: besides, no way out when it is none) and what the rules ask of its words."""

    def __init__(self, text: str, question: Question | None, readers: Readers, reply: TypedReply,
                 words: list[str]) -> None:
        self.text, self.question, self.readers, self.words = text, question, readers, words
        self.asked = question.id if question else ""
        self.said = readers.words
        if _back_as_adverb(reply, words, self.said):  # "ill come back later": no back pain named
            others = [q for q in self.said.named(" ".join(w for w in words if w != "back")) if q != self.asked]
            reply = replace(reply, other_topic=others[0] if others else None)
        if not reply.this_topic and reply.other_topic is None and self.said.named_here(self.asked, words):
            # "more like pressure" at the chest question ("my blood pressure is high" names the heart one)
            reply = replace(reply, this_topic=True)
        self.first = reply
        self.reply = _no_way_out(reply, text, words, readers)
        self.named = reply.this_topic or reply.other_topic is not None
        self.at_age_question = question is not None and question.id in self.said.ages
        self.asks = self.said.asks_first(words, text) or _asks_us(words, text, readers) \
            or self.said.asks_if_counted(words, text)  # "does it matter if im exactly 18", "celiac counts?"
        self.negated = not self.said.negations.isdisjoint(words)
        self.phrase = self.said.phrase(words, self.asked)
        self.born = self.said.born(words, readers.this_year()) if self.at_age_question else None
        self.whole = self.said.answers_whole(self.asked, words)  # "I have not, thank you.", "all good" at a question about now

    @property
    def unanswered(self) -> bool:
        """Whether the reader reads no yes, no or not sure and no topic is named."""
        return self.reply.label not in ANSWERED and not self.named

    @property
    def tells_by_negation(self) -> bool:
        """Whether every negation of the reply tells a symptom ("cant always tell when I need to go"; see
        knowledge.screening.Denials), none denies."""
        said = self.said
        return said.denials.undenied(self.text, said.negations, said.contrasts).split() == clean_text(self.text).split()

    @property
    def told_age(self) -> bool:
        """Whether an age opens the reply at the age question ("16 but my mum said its fine")."""
        return self.at_age_question and self.reply.by_age is not None and bool(self.words) and self.words[0].isdigit()


@dataclass(frozen=True)
class Rule:
    """One rule of the check: when it applies, and the reading it gives (`example`: a reply it reads)."""

    example: str
    applies: Callable[[Said], bool]
    reading: Callable[[Said], Reading]


def _code(code: str | None) -> Callable[[Said], Reading]:
    """A rule's reading: always this code (None: no answer, asked again)."""
    return lambda _said: Reading(code)


def _cancel_told(s: Said) -> bool:
    """A statement naming a topic that the reader took for a way out, with no way-out verb."""
    return s.first.label == "cancel" and s.named and not s.said.exits.verbs.intersection(s.words)


def _told_for_way_out(s: Said) -> Reading:
    """See _told: undenied means no word of denial, or a health concern heard ("passed out ..., not enough food")."""
    return _told(s.first, s.said.negations.isdisjoint(s.words) or s.readers.concern(s.text))


def _quits(s: Said) -> bool:
    """A reply giving the check up in so many words, naming no topic and not asking ("this is dumb, leaving", "why is a
    fitness bot asking this, im out"; "nah im not doing a quiz" is no no): it leaves, as "cancel" does."""
    return not s.named and not s.text.rstrip().endswith("?") and s.said.quits(s.words)


def _hedged(s: Said) -> bool:
    """A reply opening with a yes told as how often or how much, asked ("kinda?", "sort of? he said to be careful"): a
    not sure, whatever follows."""
    first = s.text.split("?", 1)[0] if "?" in s.text else ""
    return s.said.phrases.get(" ".join(s.readers.words_of(first))) == "yes"


def _partial(s: Said) -> bool:
    """A part of what the question asks told undenied in a clause of its own, in a reply neither asking, nor going back,
    nor leaving, nor a no in other words ("only the irregular heartbeat thing, the rest no"; "just go back" and "just
    the pill" at the medication question are no part)."""
    said = s.said
    if "?" in s.text or s.phrase == "no" or not said.going_back.isdisjoint(s.words) or not said.exits.verbs.isdisjoint(s.words):
        return False
    return said.tells_part(s.asked, [s.readers.words_of(clause) for clause in re.split(r"[,.;:!]+", s.text)])


def _asks_us(words: list[str], text: str, readers: Readers) -> bool:
    """Whether a reply opening with "can", "will", "does"... asks what the knowledge base answers on a clear match, "?"
    or not ("can reverse hypers help a disc", "will hanging off the bench face down make me dizzy")."""
    return bool(words) and words[0] in readers.words.asking.aux and readers.clearly_ours(text)


def _asks_if_fine(s: Said) -> bool:
    """A question whose only answer word is one of it being fine ("is it ok to keep going?", "is that fine?"), naming no
    topic: it asks, and answers nothing (doccheck s28: read as a yes, it ended the check amber, or red at the chest one)."""
    return s.asks and s.reply.label in ("yes", "no") and not s.named and ANSWER_WORDS.isdisjoint(s.words) \
        and not FINE_WORDS.isdisjoint(s.words)


def _by_age(s: Said) -> bool:
    """An age stated at the age question, not asked about, with no yes or doubt against it."""
    return s.reply.by_age is not None and s.at_age_question and not s.asks and not _doubts_age(s.reply, s.words, s.said)


def _leaves(s: Said) -> bool:
    """The intent reader's way out ("nvm", "enough"), with no answer and no everyday yes or no in it."""
    return s.unanswered and s.readers.leaves(s.text) and s.readers.answer(s.text) is None


def _earlier_named(s: Said) -> Question | None:
    """The earlier question a reply going back names with a word of correcting, if any ("i want to change my answer to
    the blood pressure one" at question 4: the heart question; not "go back, my back is fine")."""
    step = QUESTIONS.index(s.question) if s.question is not None else 0
    named = BY_ID.get(s.reply.other_topic or "")
    correcting = not s.said.correcting.isdisjoint(s.words)
    return named if named is not None and correcting and QUESTIONS.index(named) < step else None


def _corrects_earlier(s: Said) -> bool:
    """An earlier question's topic alone, named to correct it."""
    return s.reply.other_topic is not None and not s.reply.this_topic and _corrects(s.reply.other_topic, s.question,
                                                                                  s.words, s.readers)


def _about_other(s: Said) -> Reading:
    """Another question's topic told here: for the check to decide (denied: read as a no, or a denial in it)."""
    assert s.reply.other_topic is not None
    denied = s.reply.label == "no" or s.reply.by_age == "no" or s.negated
    return Reading(other=BY_ID[s.reply.other_topic], denied=denied)


def _doubted(s: Said) -> bool:
    """Whether a reply worded as a question doubts whether it answers yes: the reader's no, or this question's topic told,
    with a doubt ("they did an injection thing in my spine, not sure if thats surgery")."""
    return (s.reply.label == "no" or s.reply.label is None and s.reply.this_topic) and s.said.doubtful(s.words)


def _told_undenied(s: Said) -> bool:
    """The reader's no where this question's topic is told, with no word denying it or telling it fine (in a clause
    naming it: "gave birth 8 weeks ago, midwife said im fine to move" tells it)."""
    return s.reply.label == "no" and s.reply.this_topic and not s.negated and not _told_fine(s)


def _told_fine(s: Said) -> bool:
    """Whether a reply tells something as fine in every clause naming this question's topic ("legs r fine"), or in
    all of it when no clause names it alone; not "gave birth 8 weeks ago, midwife said im fine to move"."""
    told = [words for clause in re.split(r"[,.;:!?]+", s.text) if (words := s.readers.words_of(clause))
            and (s.asked in s.said.named(" ".join(words)) or s.said.named_here(s.asked, words))]
    return all(s.said.told_fine(words) for words in told) if told else s.said.told_fine(s.words)


def asks_why(text: str, question: Question | None, readers: Readers) -> bool:
    """Whether a reply only asks why the check asks about a topic ("wait why do u need to know about my heart", "whats my
    heart got to do with it"): a question about the check (`about_check`) naming a topic of no red-flag question, with no
    word but the check's talk, the body's parts it names and question talk (`about_check_talk`, `quoting`): it tells
    nothing ("why do you ask about my heart, i had a heart attack" and "... my high blood pressure" tell)."""
    said, cleaned = readers.words, clean_text(text)
    if question is None or said.about_check is None or not said.asks_about_check(cleaned):
        return False
    named = [BY_ID[qid] for qid in said.named(cleaned) if qid in BY_ID]
    rest = set(said.about_check.sub(" ", cleaned).split())
    return bool(named) and all(q.level is not Level.RED for q in named) \
        and rest <= said.about_check_talk | said.quoting.talk


def _denies_topic(s: Said) -> bool:
    """A reply naming this question's topic only right after a denying word ("i slipped on ice in january, wasnt dizzy";
    see knowledge.screening.ScreeningWords.denies_topic), whatever else it names: never one opening with a yes, holding a
    doubt or asking."""
    plain = s.reply.lead != "yes" and "?" not in s.text and not s.said.doubtful(s.words) and not s.asks
    return plain and s.said.denies_topic(s.asked, s.words)


# a yes or no said, not asked about; the words of it being fine, which a question only asks about
ANSWER_WORDS = frozenset("yes yeah yep yup ya yea yeh yess y ja si oui sim da no nope nah nein non never not".split())
FINE_WORDS = frozenset("ok okay fine alright good safe cool normal".split())
RULES: tuple[Rule, ...] = (  # in order: the first that applies reads the reply
    Rule("ok", lambda s: s.reply.acknowledgement, lambda _s: Reading(acknowledged=True)),
    Rule("too long, i'm done", _quits, _code("c")),
    Rule("wait why do u need to know about my heart", lambda s: asks_why(s.text, s.question, s.readers), _code(None)),
    Rule("I have not, thank you.", lambda s: s.whole is not None, lambda s: Reading(CODES[s.whole or ""])),
    Rule("i never get out of breath", _cancel_told, _told_for_way_out),
    Rule("only the hip, back is fine", _partial, _code("y")),
    Rule("wait go back (to the blood pressure one)", lambda s: s.reply.label in ("back", "cancel"),
         lambda s: Reading(CODES[s.reply.label or ""], other=_earlier_named(s) if s.reply.label == "back" else None)),
    Rule("no... well actually yes last week on the bike", lambda s: s.said.changed(s.words) is not None,
         lambda s: Reading(CODES[s.said.changed(s.words) or ""])),
    Rule("kinda? he said take it easy on the back", _hedged, _code("u")),
    Rule("born in 2010", lambda s: s.born is not None, lambda s: Reading(CODES[s.born or ""])),
    Rule("my mom had cancer", lambda s: s.question is not None and not s.told_age
         and _yes_of_others(s.reply, s.question, s.words, s.said), _code(None)),
    Rule("my brother has a slipped disc, I don't", lambda s: s.question is not None and not s.said.doubtful(s.words)
         and s.said.others.denied(s.question.id, s.words), _code("n")),
    Rule("im 17", _by_age, lambda s: Reading(CODES[s.reply.by_age or ""])),
    Rule("nvm", _leaves, _code("c")),
    Rule("thanks", lambda s: s.unanswered and s.reply.lead is None and s.readers.small_talk(s.text), _code(None)),
    Rule("not numb no, but my leg has been getting weaker", lambda s: s.reply.contrast_topic, _code("y")),
    Rule("no clue, havent seen a doctor in years", lambda s: s.reply.lead == "no" and s.said.doubts_first(s.words),
         _code("u")),
    Rule("not really sure, sometimes my watch says high heart rate", lambda s: s.said.doubts_first(s.words)
         and s.reply.label in ("unsure", "no", None), _code("u")),
    Rule("yes, for my blood pressure", lambda s: s.reply.lead is not None and s.reply.label in (s.reply.lead, None),
         lambda s: Reading(CODES[s.reply.lead or ""])),
    Rule("not that i know of", lambda s: s.phrase == "no", _code("n")),
    Rule("i want to change what i said about fainting", _corrects_earlier, lambda s: Reading("b", other=BY_ID[s.reply.other_topic or ""])),
    Rule("sometimes my calf feels weird but not sure its from my back (the reader: not sure)",
         lambda s: s.reply.label == "unsure" and s.said.doubtful(s.words) and not s.said.returns(s.words), _code("u")),
    Rule("I had surgery 2 years ago (at the medication question)",
         lambda s: s.reply.other_topic is not None and not s.reply.this_topic, _about_other),
    Rule("no i have not fainted in the past year (the reader: yes)",
         lambda s: s.reply.lead == "no" and s.reply.label == "yes",
         lambda s: Reading(None if s.said.negations.isdisjoint(s.words[1:]) else "n")),
    Rule("sometimes when i run", lambda s: s.phrase == "yes" and "?" not in s.text, _code("y")),
    Rule("why 12 months?", lambda s: s.asks and not s.said.refers_back(s.words), _code(None)),
    Rule("I get a tight chest during panic attacks, does anxiety count?", lambda s: s.reply.label is None
         and not (s.asks or s.negated) and _tells_then_asks(s.text, s.asked, s.words, s.readers), _code("u")),
    Rule("is it ok to keep going?", _asks_if_fine, _code(None)),
    Rule("does that count?", lambda s: s.reply.question and ("?" in s.text or s.asks or s.negated
                                                              and not (s.reply.this_topic and s.tells_by_negation)),
         lambda s: Reading("u" if _doubted(s) else CODES.get(s.reply.label or ""))),
    Rule("nothing specific, so not sure", lambda s: s.reply.label in ("no", None) and s.said.doubtful(s.words),
         _code("u")),
    Rule("on levothyroxine since forever (the reader: no)", _told_undenied, _code("y")),
    Rule("i'm 17 actually, does that change anything (the reader: no)",
         lambda s: s.reply.label == "no" and s.reply.question and s.reply.lead is None and not s.negated, _code(None)),
    Rule("yes", lambda s: s.reply.label in ANSWERED, lambda s: Reading(CODES[s.reply.label or ""])),
    Rule("one time i fall on the ice last winter but no dizzy", _denies_topic, _code("n")),
    Rule("herniated disc L5 S1", lambda s: s.reply.this_topic and not _told_fine(s), _code("y")),
    Rule("legs r fine", lambda _s: True, _code(None)),
)


def _tells_then_asks(text: str, asked: str, words: list[str], readers: Readers) -> bool:
    """Whether a reply's first clause tells this question's topic, not as fine, and a later one asks ("I get a tight
    chest during panic attacks, does anxiety count?"): whether it counts is unsure, never nothing ("calf pain?" and
    "iz asthma long term??" only ask)."""
    first = re.split(r"[,.;:!?]", text, maxsplit=1)[0]
    told = asked in readers.words.named(" ".join(readers.words_of(first)))
    said, rest = text[len(first):len(first) + 1], text[len(first) + 1:]
    return told and said != "?" and "?" in rest and not readers.words.told_fine(words)


def _no_way_out(reply: TypedReply, text: str, words: list[str], readers: Readers) -> TypedReply:
    """A reply read as "back" or "cancel" that is neither: the body's back ("back hurts since last week"), a question
    the knowledge base clearly answers with no word of going back ("can reverse hypers fix back pain?"), or a
    question about the check with no way-out verb ("are we nearly done?") nor word of going back or correcting ("is
    this the last question?")."""
    if reply.label == "back" and _body_back(text, words, readers):
        return replace(reply, label=None)
    if reply.label == "back" and not readers.words.goes_back(words) and readers.about_us(text) \
            and ("?" in text or readers.opens_question(text)):
        return replace(reply, label=None)  # "can reverse hypers fix back pain?" asks what the articles answer
    if reply.label == "cancel" and readers.words.exits.verbs.isdisjoint(words) and readers.about_check(text):
        return replace(reply, label=None)
    asked = "?" in text or readers.opens_question(text)
    if reply.label == "back" and asked and "back" not in words and readers.words.correcting.isdisjoint(words) \
            and readers.about_check(text):  # "is this the last question?", not "can i redo the last one"
        return replace(reply, label=None)
    return reply


def _back_as_adverb(reply: TypedReply, words: list[str], said: ScreeningWords) -> bool:
    """Whether a reply names the back-pain question's topic only by a "back" that is not the body's ("i'll come
    back later", "get back to you"): it follows no word naming the body, and no other back-pain word is there."""
    topic = said.topics.get(BACK_PAIN)
    if reply.other_topic != BACK_PAIN or topic is None or "back" not in words:
        return False
    rest = [word for i, word in enumerate(words) if word != "back" or i > 0 and words[i - 1] in said.body_back]
    return topic.search(" ".join(rest)) is None


def _yes_of_others(reply: TypedReply, question: Question, words: list[str], said: ScreeningWords) -> bool:
    """Whether a reply tells of someone else's health with no answer word of the user's own: no yes or no
    first, no denial, no doubt ("my mom had cancer"; "no my dad has diabetes not me" is a no)."""
    answered = reply.lead is not None or not said.negations.isdisjoint(words) or said.doubtful(words)
    return not answered and said.others.told(question.id, words)


def _corrects(topic: str, question: Question | None, words: list[str], readers: Readers) -> bool:
    """Whether a reply asks to correct an earlier question, naming it ("i want to fix the one about medication",
    "change my answer to the blood pressure one" three questions on)."""
    step = QUESTIONS.index(question) if question is not None else 0
    earlier = topic in {q.id for q in QUESTIONS[:step]}
    return earlier and not readers.words.correcting.isdisjoint(words) and not readers.opens_question(" ".join(words))


def _body_back(text: str, words: list[str], readers: Readers) -> bool:
    """Whether a reply read as "back" is about the body's back: a health concern with no word of going
    back ("back hurts since last week"), or every "back" in it is one's own ("it stays in my back"), with no word of
    correcting an answer ("cant always tell when I need to go, and my back hurts" for all its "go"; "can i change my
    back pain answer" goes back)."""
    said = readers.words
    if said.only_body_back(words):
        return said.correcting.isdisjoint(words)
    return said.going_back.isdisjoint(words) and readers.concern(text)


def _told(reply: TypedReply, undenied: bool) -> Reading:
    """A statement naming a topic that the reader took for a way out: this question's topic told undenied (no
    word of denial, or a health concern heard in it) is a yes ("had breast cancer, in remission now"); else
    recorded nowhere (denied)."""
    if reply.this_topic and undenied:
        return Reading("y")
    other = BY_ID[reply.other_topic] if reply.other_topic is not None and not reply.this_topic else None
    return Reading(other=other, denied=True)


def _doubts_age(reply: TypedReply, words: list[str], said: ScreeningWords) -> bool:
    """Whether a reply says yes or not sure where its number reads as an adult age ("i turn 18 next month
    so technically yes", "50/50 lol"): never a clean no then ("i am 51 years" reads yes for its "i am" alone)."""
    says_yes = any(said.leading.get(word) == "yes" for word in words)
    return reply.by_age == "no" and (reply.label == "unsure" or says_yes)
