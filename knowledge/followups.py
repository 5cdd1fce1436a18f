"""The words of a follow-up: what a message says about the last answer, read with the lexicon.

- asking for more and nothing of its own ("why?", "go on", "whats the reason for that");
- asking about each thing the last answer listed ("tell me more about each one", "those 3"), or
  one of them ("more on the first one");
- pointing back with words of the last answer ("do i need bands for it" after the GHD option);
- pointing back at all ("who found that?");
- opening a new topic ("unrelated, ...", "diff topic:"): read on its own.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from collections.abc import Set as AbstractSet

from knowledge.details import MEANING
from knowledge.model import Entry, KnowledgeBase
from knowledge.normalize import Normalizer

CHECK_OPENERS = frozenset("so and but ok okay hmm wait oh".split())  # said before a check ("so do they ...")
CHECK_VERBS = frozenset("do does did is are was were can could will would".split())  # a yes/no check opens with one
ANSWERED_SHARE = 0.5  # a follow-up pointing back with this share of its words in the last answer asks about it
ADDING = re.compile(r"\b(?:too|as well)\W*$", re.IGNORECASE)  # a message ending "... too?" asks the same of another thing
# ... and a yes/no question ending "to", typed for "too" ("do they bend the knee to"; "what do they attach to" is no yes/no)
ADDING_TYPED = re.compile(r"^\W*(?:so\s+)?(?:do|does|did|is|are|can|will|would)\b.*\bto\W*$", re.IGNORECASE)
ASKING_WHO = frozenset({"who", "whos", "whose"})  # "who found that": whose finding the last answer reports
# asking what backs the last answer: a study ("is there a study on that", "any research behind that") or its source
ASKING_STUDY = frozenset("study studies studys research researched evidence proof proven prove science scientific "
                         "scientifically paper papers backed data".split())
ASKING_SOURCE = frozenset("source sources citation citations cite cited reference references".split())
SAYS_WHO = (("says", "who"), ("sez", "who"), ("who", "says"), ("who", "said"), ("according", "to", "who"),
            ("according", "to", "whom"), ("who", "told", "you"))
ASKING_BACKING = frozenset("bro just actual actually real legit any there or on for behind about".split())  # said around it
# the only words a number-only follow-up holds ("k n reps", "sets?", "so how many per set then", "ok and how many total")
ASKING_NUMBERS = frozenset("""so and n k kk ok okay then tho though again just pls please the of do i how many should total per
    each every a an number what whats is it like one reps rep sets set repetitions repetition times repeat lol haha hmm
    wait but ya yeah cool got about much in all fine alright great nice thx thanks session sessions workout""".split())
# a figure of the last answer said back before an acknowledgement ("10-15 cool. and sets"): no figure asked
ECHOED = frozenset({"to", "x"})
ACKNOWLEDGING_WORDS = frozenset("ok okay k kk cool fine nice great alright got thx thanks".split())
NAMING_REPS = frozenset("reps rep repetitions repetition times repeat".split())
NAMING_SETS = frozenset({"sets", "set"})  # a number of sets asked ("sets?", "n how many sets total"), not "per set"
PER = frozenset({"per", "each", "every", "a"})  # "how many per set": the reps
# "not grow", "dont want size", "forget endurance", "more for mobility than size", "instead of size": that one is not wanted
NEGATING = frozenset({"not", "no", "dont", "nor", "never", "without", "forget", "than", "instead"})
NEGATED_BEFORE = frozenset({"isnt", "aint"})  # "strength isnt my thing": the word before is not wanted
# words between a negation and what it negates ("not for size", "dont really want size", "dont care about size")
NEGATION_GAP = frozenset("for a an the really want wanna need care about into so much too to be get going that of".split())
GOING_ON_BARE = frozenset({"and", "n", "how", "so", "then"})  # alone ("and?", "how?", "and then?") they ask to go on
GOING_ON = frozenset("on deeper further ahead into in more over through thru deep".split())  # "go on", not "go by other names"
ADVERBIAL_PLACES = frozenset({"first", "last"})  # ordinals also said as adverbs ("what do i do first")
NAMING_WHICH = frozenset({"the", "that", "this", "those", "your", "ur", "which"})  # "the first", "which last one"
TAGGING_WHY = frozenset({"tho", "though", "but", "then", "so", "really"})  # said after a bare "why" ("y tho")
TELLING_OWN = frozenset({"i", "my"})  # after "why tho" or "of that", what the asker thinks or does ("i thought its glutes")
ASKING_WHERE = frozenset({"where", "wheres", "whereabouts", "located", "location", "attach", "attached", "attaches"})
# the only words of a message asking which things the last answer's group is made of ("which ones exactly", "more on
# those muscles? which ones"), with "which" and one of NAMING_ONES; "which ones better" asks something of its own
WHICH_ONES = frozenset("which ones muscles exactly specifically are is they them those these the names named called more on "
                       "detail details go deeper about what".split())
SAMENESS = frozenset({"same", "apply", "applies"})  # "is that the same for my dad", "does that apply to my wife"
NAMING_ONES = frozenset({"ones", "muscles", "exactly", "specifically"})
FEELING = frozenset({"feel", "feels", "feeling", "felt"})  # "where do i feel it": where the exercise works, not a place
TELLING_WHERE = re.compile(r"\b(?:attach\w*|anchored|starts on|runs? (?:from|up|along|nearly)|goes from|along the)\b")  # in an answer
COMMON_SHARE = 0.1    # a word in more answers than this share ("says", "glutes") is not distinctive of one

LEADING = frozenset({"ok", "okay", "k", "kk", "so", "haha", "hmm", "oh"})  # words before "and for ..." that change nothing
REACTING = LEADING | {"but", "lol", "lmao", "damn", "wait", "bruh", "hm", "hmm", "yeah", "ah"}  # reactions before "why"
# "it" right after these is the exercise being done, not the thing an answer was about ("how do i breathe during it"
# after the muscles worked); after an answer about a thing an answer lists, "it" is still that thing ("can i do it daily")
DOING = frozenset({"do", "doing", "did", "during", "while", "before", "after"})
SPANS = frozenset("week weeks wk wks month months year years".split())  # a span asked ("for how many weeks")
SPANS_COUNTED = frozenset("weeks wks months years".split())  # a span asked alone ("weeks?"), unlike "what year"
ASKING_WHAT_FOR = (("what", "for"), ("for", "what"))  # "what for?": the purpose of what was just said, as "why?" asks
# a message made only of these, with one of ASKING_AGAIN (or only "what"), asks to hear the last answer again ("say
# again?", "wait what", "sorry, i missed that", "come again?"), not something new
REPEATING = frozenset("say said come can could you u pls please plz sorry that it this i missed didnt didn't catch hear "
                      "read the last part one more time".split())
ASKING_AGAIN = frozenset({"again", "repeat", "pardon", "missed"})
# "it" before one of these and "to" stands for what follows, pointing at nothing ("is it okay to do reverse hypers")
JUDGING = frozenset("ok okay alright fine safe bad good normal possible smart wise necessary better worse risky dangerous".split())
# an answer telling not to do something ("don't", "never", "avoid", "without"): "why not?" after it asks why
TELLING_NOT = re.compile(r"\b(?:not|no|never|nor|without|avoid\w*|\w+n[’']t|cannot)\b", re.IGNORECASE)

class FollowUpWords:
    """Reads what a follow-up's words say about the last answer (built once per knowledge base)."""

    def __init__(self, normalizer: Normalizer, kb: KnowledgeBase, asked: AbstractSet[str] | None = None) -> None:
        """`asked`: the tokens of every entry's title and ways of asking, when the matcher has read them already."""
        self.normalizer = normalizer
        lexicon = self.lexicon = normalizer.lexicon
        self._distinctive = _distinctive_words(normalizer, kb)
        alone: dict[str, list[str]] = {}  # each word's own tokens, read once for every answer
        self._titles = {e.id: _said(normalizer, e.title, alone) for e in kb.entries.values()}
        self._said = {e.id: _said(normalizer, f"{e.title} {e.answer} {e.details}", alone) for e in kb.entries.values()}
        self._shown = {e.id: _said(normalizer, f"{e.title} {e.answer}", alone) for e in kb.entries.values()}  # no details
        if asked is None:
            asked = {t for e in kb.entries.values() for text in (e.title, *e.ask) for t in normalizer.tokens(text)}
        self._heard = lexicon.canonical | asked | {t for e in kb.entries.values() for text in (e.answer, e.details)
                                                   for t in normalizer.tokens(text)}
        self._listing = lexicon.asking_each | frozenset(lexicon.ordinals)  # "each", "all", "first", "2nd"
        self.pointers = self._pointers = lexicon.references | lexicon.pointing_back  # "it", "this", "that", "those"
        self._openers: dict[str, list[tuple[str, ...]]] = {}  # first word -> the topic openers it starts
        for opener in lexicon.changing_topic:
            self._openers.setdefault(opener[0], []).append(opener)

    def asks_for_more(self, words: list[str], question: bool) -> bool:
        """Whether a message (its cleaned `words`; `question`: worded as one) asks for more about the
        last answer and nothing of its own: its words, apart from references ("that") and "each", are
        generic or ask for more."""
        normalizer = self.normalizer
        own = [t for t in normalizer.tokens_of([w for w in words if w not in self._pointers]) if t not in self._listing]
        if not words:
            return False  # "?", an emoji, another script: nothing said
        if not own and not question:
            return not self._listing.isdisjoint(words)  # "the 2nd one" asks; "lol", "ok" ask nothing
        if all(t.isdigit() for t in own) and not question:
            return not (self._listing | self._pointers).isdisjoint(words)  # "those 3" asks; "9999" does not
        return all(normalizer.is_generic(t) or t in self.lexicon.asking_more for t in own)

    def people_named(self, words: list[str]) -> tuple[str, str] | None:
        """The first word of a message naming a group of people or someone the user asks for ("women", "my mom"),
        with how a reply names that case ("women in particular", "someone's own situation"); None when it names none."""
        word = next((w for w in words if w in self.lexicon.people), None)
        return (word, self.lexicon.people[word]) if word is not None else None

    def only_the_same_for(self, words: list[str], person: str) -> bool:
        """Whether a message asks only whether the last answer holds for the person or group it names ("is that the
        same for my dad", "is it the same for women", "does that apply to my wife too"): nothing of its own besides."""
        own = self.own_content(words) - SAMENESS - set(self.normalizer.tokens_of([person]))
        return not SAMENESS.isdisjoint(words) and not own

    def asks_span(self, words: list[str]) -> bool:
        """Whether a message asks how many weeks, months or years something lasts ("for how many weeks", "how many
        months tho", "weeks?"): a span of time of its own, not more of the last answer."""
        if SPANS.isdisjoint(words):
            return False
        rest = self.normalizer.tokens_of([w for w in words if w not in SPANS])  # "weeks?", "and months?": a span alone
        return "how" in words or not SPANS_COUNTED.isdisjoint(words) and all(self.normalizer.is_generic(t) for t in rest)

    def asks_more_of_it(self, words: list[str]) -> bool:
        """Whether a follow-up asking nothing of its own asks for more ("why?", "go on", "whats the
        reason for that", "what for"), unlike "what year", "how many then" or "can i do it every day"."""
        kept = [w for i, w in enumerate(_without_bare_come(words)) if w != "go" or self._goes_on(words, i)]
        return not self.lexicon.asking_more.isdisjoint([*kept, *self.normalizer.tokens_of(kept)]) \
            or self.asks_what_for(words) or self._goes_on_bare(words)  # "explain" is a filler

    @staticmethod
    def _goes_on_bare(words: list[str]) -> bool:
        """Whether a message is only a bare "and?", "how?" or "so?" (reactions aside): it asks to go on."""
        asked = [w for w in words if w not in REACTING or w in GOING_ON_BARE]
        return bool(asked) and all(w in GOING_ON_BARE for w in asked)

    def _goes_on(self, words: list[str], i: int) -> bool:
        """Whether the "go" at `i` asks to go on: "go on", "go deeper", or a last "go" after nothing of the message's
        own ("ok go"), not one after words of its own ("i shot my legs, go", a garbled voice note)."""
        return words[i + 1] in GOING_ON if i + 1 < len(words) else not self.own_content(words[:i])

    def asks_again(self, words: list[str]) -> bool:
        """Whether a message only asks to hear the last answer again ("say again?", "wait what", "sorry i missed that",
        "repeat pls"): its words are reactions and words of asking again (`REPEATING`), with one of `ASKING_AGAIN`, or
        "what" alone after reactions."""
        asked = [w for w in words if w not in REACTING]
        if asked == ["what"]:
            return True
        return bool(asked) and not ASKING_AGAIN.isdisjoint(asked) and all(w in REPEATING or w in ASKING_AGAIN for w in asked)

    def agrees(self, words: list[str], last: Entry) -> bool:
        """Whether a message is only a bare "why not" (reactions aside) after an answer telling not to do anything (the
        sets for growth): it says yes ("sure, why not"), asking nothing; after one that does ("keep your back still,
        don't arch"), it asks why."""
        asked = self.normalizer.tokens_of([w for w in words if w not in REACTING])
        return asked == ["why", "not"] and TELLING_NOT.search(f"{last.answer} {last.details}") is None

    def asks_more_beside(self, words: list[str]) -> bool:
        """Whether a message asks for more with a word that asks it even beside words of its own ("more pls,
        like mechanically"), unlike "go away" or "explain yourself bot"."""
        return not self.lexicon.asking_more_beside.isdisjoint([*words, *self.normalizer.tokens_of(words)])

    def asks_why(self, words: list[str]) -> bool:
        """Whether a message asks why or how something works ("how come", "whats the reason", "what causes that"); "come"
        asks it only after "how" ("when did these machines come out" asks when)."""
        kept = _without_bare_come(words)
        return not self.lexicon.asking_why.isdisjoint([*kept, *self.normalizer.tokens_of(kept)])

    def asks_what_for(self, words: list[str]) -> bool:
        """Whether a message asks what something is for ("what for", "for what?"), which says nothing of its own."""
        return bool(_spans(words, ASKING_WHAT_FOR))

    def asks_more_in_its_words(self, words: list[str], last: Entry) -> bool:
        """Whether a message asks why with words of its own the last answer all says, not only behind "More detail"
        ("y does grip even matter" after RDLs against hypers, which says they tax the grip; not "y stop at parallel"
        after the steps, whose details only mention it) or asks for more with words of the last answer's title ("more
        anatomy pls" after the gluteus maximus's anatomy): it asks more of that answer."""
        own = self._own(words) - self.lexicon.asking_more
        if not own:
            return False
        return (self.asks_why(words) and own <= self._shown.get(last.id, frozenset())
                or self.asks_more_beside(words) and own <= self._titles.get(last.id, frozenset()))

    @staticmethod
    def judges(words: list[str]) -> bool:
        """Whether a message judges what it asks about ("is 90% too much", "would 20kg be ok"): a check of the last
        answer, not a figure asked."""
        return not (JUDGING | {"too", "enough"}).isdisjoint(words)

    def asks_meaning_of_said(self, words: list[str], last: Entry) -> bool:
        """Whether a message asks only what words of the last answer mean, quoting them ("what do u mean dont jerk"
        after keeping the upper body still, "'bowing out' meaning?" after the gluteus maximus): every word of its own is
        said in that answer (not only behind "More detail")."""
        own = self._own(words) - self.lexicon.asking_more
        return not MEANING.isdisjoint(words) and bool(own) and own <= self._shown.get(last.id, frozenset())

    def explained_by(self, words: list[str], last: Entry, because: str) -> bool:
        """Whether a follow-up about the last answer asks what the entry `because` explains (rehab's decompression):
        it asks why, or its own words are all said there ("explain how it helps the spine"), and it names no part
        of the last answer that entry never says ("the knee ankle thing explain" after rehab)."""
        own = self._own(words) - self.lexicon.asking_more
        said = self._said.get(because, frozenset())
        if own & (self._said.get(last.id, frozenset()) - said):
            return False
        return self.asks_why(words) or bool(own) and own <= said

    def only_asks_more(self, words: list[str]) -> bool:
        """Whether every word of a message that is not a reference or a filler asks for more ("more
        info", "explain further"), unlike "where does your info come from"."""
        own = self.normalizer.tokens_of([w for w in words if w not in self._pointers])
        return bool(own) and all(t in self.lexicon.asking_more for t in own)

    def titled(self, words: list[str], last: Entry, linked: tuple[str, ...],
               likely: Mapping[str, float] | None = None) -> str | None:
        """The one entry linked to the last answer whose title holds most of the own words of a
        message asking for more ("anything else about the machine itself" after its history, "tell
        me more about the six studies" after the sources), when the last answer's title holds none
        of them: the one holding the most of them, or of those holding as many, the one the message
        read alone is `likely` most about ("the two pad thing" after the set-up: the straps and pads,
        not the core bracing with "chest on the pad"); else None."""
        own = self._own(words) - self.lexicon.asking_more
        if not own or not own.isdisjoint(self._titles[last.id]):
            return None
        held = {e: len(own & self._titles.get(e, frozenset())) for e in linked}
        named = [e for e in linked if held[e] >= ANSWERED_SHARE * len(own)]
        most = [e for e in named if held[e] == max(held[n] for n in named)]
        if len(most) > 1 and likely:
            ranked = sorted(most, key=lambda e: -likely.get(e, 0.0))
            most = ranked[:1] if likely.get(ranked[0], 0.0) > likely.get(ranked[1], 0.0) else most
        return most[0] if len(most) == 1 else None

    def titles_all(self, words: list[str], entry_id: str) -> bool:
        """Whether the title of `entry_id` holds every own word of a message (but those asking for more): "say more abt
        the movement integrity one" and the sets and reps for movement integrity."""
        own = self._own(words) - self.lexicon.asking_more
        return bool(own) and own <= self._titles.get(entry_id, frozenset())

    def after_acknowledging(self, words: list[str]) -> list[str]:
        """A message's words after an acknowledgement at its start ("ok got it, and how many times do i
        repeat": its "it" points at nothing asked), or all of them; "i dont get it" keeps its words."""
        size = max((len(p) for p in self.lexicon.acknowledging if tuple(words[:len(p)]) == p), default=0)
        return words[size:] if words[size:] else words

    def asks_the_same_for(self, words: list[str]) -> bool:
        """Whether a message opens asking the last question again for something ("and for powerlifting", "ok what
        about for size"), after leading words or not."""
        start = next((i for i, w in enumerate(words) if w not in LEADING), len(words))
        return any(tuple(words[start:start + len(p)]) == p for p in self.lexicon.asking_same_for)

    def case_for(self, words: list[str]) -> list[str] | None:
        """The case a message asks the last question again for, when its opener ends with "for" ("and for running?",
        "what about for my cleans": "running", "my cleans"), else None."""
        start = next((i for i, w in enumerate(words) if w not in LEADING), len(words))
        opener = max((len(p) for p in self.lexicon.asking_same_for if tuple(words[start:start + len(p)]) == p), default=0)
        rest = words[start + opener:]
        if not opener or not rest:
            return None
        if words[start + opener - 1] == "for":
            return rest
        return rest[1:] if rest[0] == "for" and rest[1:] else None

    def asks_the_same_for_unsaid(self, words: list[str], last: Entry) -> bool:
        """Whether a message asks the last question again for another case ("and for women?", "and if im 60+"),
        naming it with words of its own (or, with none, common words: "and for runners?"), none of which the last
        answer says ("n for running" after better hip extension, whose answer names running, asks about that answer),
        and picking nothing the answer lists ("what about the 3rd", "what about the other one")."""
        start = next((i for i, w in enumerate(words) if w not in LEADING), len(words))
        opener = max((len(p) for p in self.lexicon.asking_same_for if tuple(words[start:start + len(p)]) == p), default=0)
        if not opener or self.place(words) or self.picks_one(words):
            return False
        lexicon = self.lexicon
        rest = [w for w in words[start + opener:] if w not in self._pointers]
        own = self._own(rest) or {t for t in self.normalizer.tokens_of(rest) if t not in self._listing and t != lexicon.anchor
                                  and t not in lexicon.asking_more and t not in lexicon.question_words}
        return bool(own) and own.isdisjoint(self._said.get(last.id, frozenset()))

    def picks_one(self, words: list[str]) -> bool:
        """Whether a message picks one of the things named before ("the ball one", "the one for
        mobility", "the floor version"); "one set" or "1 leg" counts something instead."""
        return any(w in self.lexicon.picking_one and not (w.isdigit() and self._own(words[i + 1:i + 2]))
                   for i, w in enumerate(words))

    def naming(self, words: list[str]) -> list[str]:
        """The words of a message picking one thing that may name it: not the picking ("one", "version")
        nor a comparison ("easier")."""
        return [w for w in words if w not in self.lexicon.picking_one and w not in self.lexicon.relating]

    def swaps(self, words: list[str]) -> bool:
        """Whether a message swaps a preference of the last question ("what if i want mobility instead")."""
        return any(tuple(words[i:i + len(p)]) == p for p in self.lexicon.swapping for i in range(len(words)))

    def named_among(self, words: list[str], last: Entry, among: tuple[str, ...]) -> str | None:
        """The one entry of `among` whose answer says most of a message's own words (those few
        answers use), when the last answer says none of them ("and the one for mobility?" after the
        variations: the banded one, whose answer names mobility); else None."""
        own = (self._own([w for w in words if w not in self.lexicon.relating]) - self.lexicon.asking_more) & self._heard
        if not own or not own.isdisjoint(self._said.get(last.id, frozenset())):  # "sounds weird": no word of ours
            return None
        named = [e for e in among if len(own & self._distinctive.get(e, frozenset())) >= ANSWERED_SHARE * len(own)]
        return named[0] if len(named) == 1 else None

    def names_unheard(self, words: list[str]) -> bool:
        """Whether a message names something neither our entries' words and phrasings nor the
        lexicon's words for our topics ("minutes", "kilos") mention ("is there a video", "what about
        posture")."""
        normalizer = self.normalizer
        own = normalizer.tokens_of([w for w in words if w not in self._pointers])
        return any(t not in self._heard and not normalizer.is_generic(t) for t in own)

    def names_exercise(self, words: list[str]) -> bool:
        """Whether a message asks about the exercise itself, by name ("how do i actually do a reverse
        hyper"), with no word referring to something else ("can i do reverse hypers on it" after the
        GHD) or asking why ("how come hypers are easier on the body" after RDLs against hypers)."""
        pointing = [w for i, w in enumerate(words) if not _anticipating(words, i)]  # not "is it ok to do reverse hypers"
        return (self.lexicon.anchor in self.normalizer.tokens_of(words) and self._pointers.isdisjoint(pointing)
                and not self.asks_more_of_it(words))

    def listed(self, words: list[str], last: Entry, owner: Entry | None = None) -> tuple[str, ...]:
        """Which of the things the last answer listed (its `parts`) a message asking for more is
        about: one ("the first one", "the 2nd"; counted in `owner`'s list when the last answer is
        one of its things: "what about the 3rd" after the banded one), each ("each one", "all of
        them", "those 3"), or none."""
        place = self.place(words)
        parts = (owner or last).parts
        if place and abs(place) <= len(parts):
            return (parts[place - 1 if place > 0 else place],)
        if not self.lexicon.asking_each.isdisjoint(words) or str(len(last.parts)) in words:  # "those 3", not "like im 5"
            return last.parts
        return ()

    def asks_each_of(self, words: list[str], last: Entry) -> bool:
        """Whether a message asks about each thing the last answer listed ("each", "all", or their count)
        naming them only with that answer's words ("more detail on each of the 3 muscles" after the
        erector spinae, whose answer says "muscles")."""
        counted = not self.lexicon.asking_each.isdisjoint(words) or str(len(last.parts)) in words
        own = self._own([w for w in words if w not in self._listing]) - self.lexicon.asking_more
        return bool(last.parts) and counted and own <= self._said.get(last.id, frozenset())

    def place(self, words: list[str]) -> int:
        """Which place a message names ("the first", "2nd", "the last": -1), 0 for none; "first" or
        "last" said as an adverb ("where will i notice it first", "how long does it last") names none."""
        return next((self.lexicon.ordinals[w] for i, w in enumerate(words) if w in self.lexicon.ordinals
                     and self._picks_place(words, i)), 0)

    def _picks_place(self, words: list[str], i: int) -> bool:
        """Whether the ordinal at `i` picks a place: any but "first" and "last" does; those only after a
        word naming which ("the first", "that last one") or before one picking ("first one"), or alone."""
        if words[i] not in ADVERBIAL_PLACES or len(words) == 1:
            return True
        return (i > 0 and words[i - 1] in NAMING_WHICH) or not self.lexicon.picking_one.isdisjoint(words[i + 1:i + 2])

    def names_listed(self, words: list[str], last: Entry) -> bool:
        """Whether a message names a place in the last answer's list with words of that answer ("the
        first study" after the studies)."""
        return bool(self.place(words)) and self.told_in([w for w in words if w not in self._listing], last)

    def titled_elsewhere(self, words: list[str], last: Entry, found: str) -> bool:
        """Whether the title of the entry `found` says one of a message's own words that the last answer's title does
        not ("is it risky" after lower back health, whose answer only cuts the risk of back pain: "Injury risk")."""
        return not (self._own(words) & self._titles.get(found, frozenset())) <= self._titles.get(last.id, frozenset())

    def answered_by(self, words: list[str], last: Entry) -> bool:
        """Whether a message that points back ("it", "those") and names no exercise asks about the
        last answer: most of its own words are among that answer's distinctive words."""
        normalizer = self.normalizer
        if self._pointers.isdisjoint(words):
            return False
        own = set(normalizer.tokens_of([w for w in words if w not in self._pointers]))
        said = self._said.get(last.id, frozenset())
        if self.lexicon.anchor in own or any(normalizer.is_foreign(t) and t not in said for t in own):
            return False  # another exercise, unless the last answer named it too ("i mostly squat and run")
        own = {t for t in own if not normalizer.is_generic(t)}
        return bool(own) and len(own & self._distinctive.get(last.id, set())) >= ANSWERED_SHARE * len(own)

    def names_elsewhere(self, words: list[str], last: Entry, found: str | None) -> bool:
        """Whether a message names something of its own (another exercise, or a word few answers use:
        "rdl", "ghd") that the last answer does not say but the entry it reads as alone (`found`) does:
        it asks about that entry ("why bother with these when I already do RDLs" after the sets for
        growth, "whats the difference between this and a GHD" after bending the knees); a word setting
        things side by side ("how come hypers are easier on the body" after RDLs against hypers) names nothing."""
        named = {t for t in self._own(words) - self.lexicon.relating - self.lexicon.asking_more  # "the point": no thing
                 if self.normalizer.is_foreign(t) or t in self._distinctive.get(found or "", frozenset())}
        return bool(named) and named.isdisjoint(self._said.get(last.id, frozenset())) and \
            not named.isdisjoint(self._said.get(found or "", frozenset()))

    def names_said_others(self, words: list[str], last: Entry) -> bool:
        """Whether a message names other exercises or topics (declined alone as not ours) and the last
        answer names every one of them ("why would a hip thing matter for squats" after better hip
        extension, whose answer names squats), so it asks about that answer."""
        foreign = {t for t in self.normalizer.tokens_of(words) if self.normalizer.is_foreign(t)}
        return bool(foreign) and foreign <= self._said.get(last.id, frozenset())

    def told_in(self, words: list[str], last: Entry) -> bool:
        """Whether the last answer (with its details) holds most of a message's own words ("which
        side of the knee" after the biceps femoris, "whats EMG" after a study that used it)."""
        own = self._own(words)
        return bool(own) and len(own & self._said.get(last.id, frozenset())) >= ANSWERED_SHARE * len(own)

    def checks_told(self, words: list[str], last: Entry) -> bool:
        """Whether a message checks by yes or no what the last answer told of the thing it points back at, every
        word of its own said there ("do they bend the knee too or just the hip" after the hamstrings, which all bend
        the knee and extend the hip)."""
        asked = [w for w in words if w not in CHECK_OPENERS]
        own = self._own(words)
        return bool(asked) and asked[0] in CHECK_VERBS and self.refers_back(words) and bool(own) \
            and own <= self._said.get(last.id, frozenset())

    def points_at_answer(self, words: list[str]) -> bool:
        """Whether a message points back at what the last answer was about: "that", "those", "this", or an "it" that
        is not the exercise being done ("how do i breathe during it", "can i do it on a bench")."""
        return any(w in self._pointers and (w != "it" or i == 0 or words[i - 1] not in DOING) for i, w in enumerate(words))

    def own_content(self, words: list[str]) -> set[str]:
        """A message's own words that say what it is about: not references, generic words, reactions ("lol", "wait"),
        nor the words of asking how soon something shows or for more ("how long till i notice, im impatient lol":
        "impatient")."""
        soon = _spans(words, self.lexicon.asking_how_soon)
        own = self._own([w for i, w in enumerate(words) if i not in soon])
        return own - REACTING - self.lexicon.noticing - self.lexicon.asking_more

    def aims_at_it(self, words: list[str]) -> bool:
        """Whether a message says "for it" or "for this", what was asked for ("what do i do for it")."""
        return any(w in self._pointers and i > 0 and words[i - 1] == "for" for i, w in enumerate(words))

    def says_none_of(self, own: set[str], last: Entry) -> bool:
        """Whether the last answer (with its details) says none of a message's own words (`own_content`)."""
        return own.isdisjoint(self._said.get(last.id, frozenset()))

    def told_distinctly(self, words: list[str], last: Entry) -> bool:
        """Whether the last answer says one of a message's own words that few answers use ("which side
        of the knee" after the biceps femoris), not only words every programme says ("how many sets")."""
        return not self._own(words).isdisjoint(self._distinctive.get(last.id, frozenset()))

    def unsaid_in(self, words: list[str], last: Entry, found: str) -> bool:
        """Whether a message has words of its own, the last answer says none of them, the entry `found`
        says some, and it points back with no word but one meaning our exercise ("will my other leg
        exercises get easier if i do these" after where to find a machine, not "is it as good as the
        machine" after the stability ball)."""
        if not (self._pointers & set(words)) <= self.lexicon.meaning_exercise:
            return False
        own = self._own(words)
        return bool(own) and own.isdisjoint(self._said.get(last.id, frozenset())) and \
            not own.isdisjoint(self._said.get(found, frozenset()))

    def _own(self, words: list[str]) -> set[str]:
        """A message's own words: its tokens that are not references, generic or the exercise's name."""
        normalizer = self.normalizer
        return {t for t in normalizer.tokens_of([w for w in words if w not in self._pointers])
                if not normalizer.is_generic(t) and t != self.lexicon.anchor}

    def new_topic(self, words: list[str]) -> list[str] | None:
        """When a message opens a new topic ("unrelated, ...", "diff topic:", "nvm that, ...", or at its
        start "anyway ...", "also ...") and does not point back after the opener ("another question
        about those" is still a follow-up), the words after the opener (the question itself); else None."""
        ends = [i + len(p) for i, w in enumerate(words) for p in self._openers.get(w, ()) if tuple(words[i:i + len(p)]) == p]
        if not ends:
            return self._opened(words)
        rest = words[max(ends):]
        rest = rest[1:] if rest[:1] and rest[0] in self.lexicon.pointing_back else rest  # "nvm that, ..."
        return rest if self.lexicon.pointing_back.isdisjoint(rest) else None

    def _opened(self, words: list[str]) -> list[str] | None:
        """The words after an opener that starts a new topic only at the start ("anyway is it ok to
        explode up"), when they point nothing back and say something of their own (not "also why?")."""
        starts = [len(p) for p in self.lexicon.opening_topic if tuple(words[:len(p)]) == p]
        rest = words[max(starts):] if starts else []
        if not rest or not self.lexicon.pointing_back.isdisjoint(rest) or self.asks_for_more(rest, True):
            return None
        return rest

    def asks_next(self, words: list[str]) -> bool:
        """Whether a message asks what comes after the last answer ("ok n then what", "whats next",
        "what comes after that", "n then": its words read with the lexicon's one-word synonyms) and nothing of its
        own ("and then how many sets" asks that)."""
        synonyms = self.lexicon.synonyms
        said = _spans([w if " " in synonyms.get(w, w) else synonyms.get(w, w) for w in words], self.lexicon.asking_next)
        if not said:
            return False
        own = self._own([w for i, w in enumerate(words) if i not in said])
        return own <= self.lexicon.asking_more

    def asks_count(self, words: list[str]) -> bool:
        """Whether a message asks a count and names nothing it counts ("so how many is that", "how many of
        them", "whats the count"), unlike "how many reps" or "how many times"."""
        said = _spans(words, self.lexicon.asking_count)
        rest = [w for i, w in enumerate(words) if i not in said and w not in self._pointers]
        return bool(said) and all(t in self.lexicon.question_words for t in self.normalizer.tokens_of(rest) if t != self.lexicon.anchor)

    def asks_how_soon(self, words: list[str], last: Entry) -> bool:
        """Whether a message asks how soon something shows with no words of its own but those of results
        showing and of the last answer ("how long till i notice", "how soon", "n til ppl notice")."""
        said = _spans(words, self.lexicon.asking_how_soon)
        rest = [w for i, w in enumerate(words) if i not in said and w not in self.lexicon.noticing]
        own = self._own(rest) - self.lexicon.noticing
        return bool(said) and own <= self._said.get(last.id, frozenset())

    def asks_the_same_of(self, text: str, words: list[str], thing: bool = False) -> bool:
        """Whether a message (`text`, and its cleaned `words`) asks whether what the last answer said
        of something holds for another thing too: it points back and ends adding ("do they hit the
        glutes too" after RDLs against hypers, "does that go for the floor ones too" after the advice
        against momentum; read as typed: "too" is cleaned into "to"; a yes/no question ending "to" means "too":
        "do they bend the knee to" after the hamstrings). After an answer about a `thing`
        an answer lists, "it" points back too ("does it work my abs too" after the stability ball)."""
        pointed = self.points_back(words) if thing else self.refers_back(words)
        return pointed and (ADDING.search(text) is not None or ADDING_TYPED.search(text) is not None)

    def objects(self, words: list[str]) -> bool:
        """Whether a message is a bare "why" (and "tho", "but") or "whats the point of that", after reactions or not
        ("lol ok but"), followed by the asker's own objection ("y tho its just legs swinging lol", "why its just
        bodyweight lol"; after "tho" or "of that", what they think or do: "why tho i thought its glutes", "ok but whats
        the point of that my arms do nothing"): it asks why of the last answer, while "why would i need a doctor",
        "why does it help" or "whats the point of going that low" ask as worded."""
        words = words[next((i for i, w in enumerate(words) if w not in REACTING), len(words)):]
        asked = self._why_asked(words)
        rest, closed = words[asked:], asked > 1
        while rest and rest[0] in TAGGING_WHY:
            rest, closed = rest[1:], True
        return bool(asked) and bool(rest) and (rest[0] in self.lexicon.objecting or closed and rest[0] in TELLING_OWN)

    def _why_asked(self, words: list[str]) -> int:
        """How many words at a message's start ask why of the last answer and nothing of their own: a bare "why"
        (1), "whats the point of that" (5), or none (0)."""
        if self.normalizer.tokens_of(words[:1]) == ["why"]:
            return 1
        size = next((k for k in range(1, 5) if self.normalizer.tokens_of(words[:k]) == ["purpose"]), 0)  # "whats the point"
        size += words[size:size + 1] == ["of"] if size else 0  # "the point of" is read as one already
        return size + 1 if size and words[size:size + 1] and words[size] in self._pointers else 0

    def asks_who_of(self, words: list[str]) -> bool:
        """Whether a message asks who is behind what the last answer said ("who found that", "whos
        claim is that"): "who" with a word pointing back at it."""
        return not ASKING_WHO.isdisjoint(words) and self.refers_back(words)

    def asks_numbers(self, words: list[str]) -> str | None:
        """What a number-only follow-up asks ("k n reps", "reps?", "how many per set": "reps"; "sets?", "n how many
        sets total", "fine, and sets per session?", "10-15 cool. and sets": "sets"; "so how many": "count"), its words
        only those of asking numbers (after a figure said back), else None ("how many
        hamstrings", "how many reps with the pause", "when, like right before the sets?")."""
        echoed = next((i for i, w in enumerate(words) if not (w.isdigit() or w in ECHOED)), len(words))
        if echoed and words[echoed:echoed + 1] and words[echoed] in ACKNOWLEDGING_WORDS:
            words = words[echoed:]  # "10-15 cool. and sets": the figure said back asks nothing
        if not words or not set(words) <= ASKING_NUMBERS:
            return None
        sets = any(w in NAMING_SETS and (i == 0 or words[i - 1] not in PER) for i, w in enumerate(words))
        reps = not NAMING_REPS.isdisjoint(words) or any(w in NAMING_SETS for w in words) and not sets
        if not (sets or reps):
            return "count" if _spans(words, self.lexicon.asking_count) else None  # "so how many": reps, or a list's count
        return "sets" if sets and not reps else "reps"

    def asks_backing(self, words: list[str], last: Entry) -> str | None:
        """What a message asks backs the last answer, asking nothing of its own beyond that answer's words: "study"
        ("is there a study on that", "any actual research behind that pumping thing", "proof?"), "source" ("says
        who", "source?"), else None ("is there a study on hamstrings with emg" asks about a study of its own)."""
        said = _spans(words, SAYS_WHO)
        study = not ASKING_STUDY.isdisjoint(words)
        if not (said or study or not ASKING_SOURCE.isdisjoint(words)):
            return None
        asking = ASKING_STUDY | ASKING_SOURCE | ASKING_BACKING
        own = self._own([w for i, w in enumerate(words) if i not in said and w not in asking]) - REACTING
        if not own <= self._said.get(last.id, frozenset()):
            return None
        return "study" if study else "source"

    def shared(self, entry: str, other: str) -> int:
        """How many words two entries' answers both say."""
        return len(self._said.get(entry, frozenset()) & self._said.get(other, frozenset()))

    def asks_where_of_it(self, words: list[str]) -> bool:
        """Whether a message asks where the thing just answered is, pointing back at it ("where are those exactly",
        "where on the leg r they", "how many places does it attach"), not where to feel the exercise ("where do i
        feel it")."""
        return not ASKING_WHERE.isdisjoint(words) and self.points_back(words) and FEELING.isdisjoint(words)

    def asks_which_ones(self, words: list[str]) -> bool:
        """Whether a message asks only which things the last answer is about ("which ones exactly", "go deeper, which
        ones exactly", "more on those muscles? which ones exactly"), not which is better ("which ones better")."""
        return "which" in words and not NAMING_ONES.isdisjoint(words) and set(words) <= WHICH_ONES | REACTING

    def asks_where_felt(self, words: list[str]) -> bool:
        """Whether a message asks where the exercise is felt ("where should i feel it most", "where would i feel it"):
        where it works, not where the thing just answered is."""
        return "where" in words and not FEELING.isdisjoint(words)

    def points_back(self, words: list[str]) -> bool:
        """Whether a message points at something said before ("it", "those", "they")."""
        return not self._pointers.isdisjoint(words)

    def refers_back(self, words: list[str]) -> bool:
        """Whether a message points back at the last answer ("that", "those": the lexicon's pointing_back)."""
        return not self.lexicon.pointing_back.isdisjoint(words)


def _without_bare_come(words: list[str]) -> list[str]:
    """A message's words without a "come" that is no "how come" ("when did these machines come out" asks when, not why);
    a "come" dropped is replaced by a word asking nothing, so the places of the others stay."""
    return [w if w != "come" or (i > 0 and words[i - 1] == "how") else "_" for i, w in enumerate(words)]


def _anticipating(words: list[str], i: int) -> bool:
    """Whether the word at `i` is an "it" standing for what the message goes on to say ("is it okay to do reverse
    hypers", "is it bad to go heavy"): "it", a judging word (`JUDGING`), then "to"."""
    return i + 2 < len(words) and words[i] == "it" and words[i + 1] in JUDGING and words[i + 2] == "to"


def unnegated(words: list[str]) -> list[str]:
    """A message's words without those it says are not wanted ("and if i just want my hips to move better, not grow":
    not "grow"; "maybe strength isnt my thing": not "strength"; "i dont want size, just endurance": not "size"), so
    a goal negated is never the goal named."""
    dropped: set[int] = set()
    for i, word in enumerate(words):
        if word in NEGATED_BEFORE and i > 0:
            dropped.add(i - 1)
        if word in NEGATING:
            j = i + 1
            while j < len(words) and words[j] in NEGATION_GAP:
                j += 1
            dropped.add(j)
    return [w for i, w in enumerate(words) if i not in dropped]


def _spans(words: list[str], sequences: tuple[tuple[str, ...], ...]) -> set[int]:
    """The places of a message's words that are part of one of the word `sequences` ("how many")."""
    return {i + k for seq in sequences for i in range(len(words)) if tuple(words[i:i + len(seq)]) == seq for k in range(len(seq))}


def _said(normalizer: Normalizer, text: str, alone: dict[str, list[str]]) -> frozenset[str]:
    """The tokens an answer says: those of its words read together, and of each word alone (kept in
    `alone`), so a word said inside a phrase is said too ("lumbar" in "the lower lumbar spine", read as
    the lower back)."""
    words = normalizer.words(text)
    for word in words:
        if word not in alone:
            alone[word] = normalizer.tokens_of([word])
    return frozenset(normalizer.tokens_of(words)).union(*(alone[w] for w in words))


def _distinctive_words(normalizer: Normalizer, kb: KnowledgeBase) -> dict[str, frozenset[str]]:
    """Each entry's title and answer tokens that few other answers use."""
    said = {e.id: set(normalizer.tokens(f"{e.title} {e.answer}")) for e in kb.entries.values()}
    common = Counter(t for tokens in said.values() for t in tokens)
    limit = COMMON_SHARE * len(said)
    return {entry: frozenset(t for t in tokens if common[t] <= limit) for entry, tokens in said.items()}


def tells_where(entry: Entry, entries: Mapping[str, Entry]) -> bool:
    """Whether an answer says where something is (where a muscle starts, runs or attaches), or lists things whose
    answers all do (the three hamstrings)."""
    if TELLING_WHERE.search(entry.answer.lower()):
        return True
    parts = [entries[p] for p in entry.parts if p in entries]
    return bool(parts) and all(TELLING_WHERE.search(p.answer.lower()) for p in parts)
