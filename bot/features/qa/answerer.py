"""Knowledge replies: answers with their source, the topic menu, and declining without guessing."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime

from bot.core.messages import Button, Reply, label_words
from bot.core.texts import TOPICS_BUTTON
from bot.features.qa import texts
from bot.features.qa.redact import redact
from bot.features.qa.smalltalk import CLOSING, SORRY, WELCOME_BACK, bare_reply, returning, said_instead, small_talk_reply
from bot.storage.users import Store
from knowledge.clauses import clauses
from knowledge.context import Context
from knowledge.fusion import Match
from knowledge.intents import Answer, Intent
from knowledge.model import Entry
from knowledge.named_articles import article_patterns, without_article_names
from knowledge.reading import says_something
from knowledge.relative_changes import day_change, time_shift
from knowledge.safety import Safety, in_first_person, told_of_oneself
from knowledge.training import Gap
from knowledge.understanding import Reading, Understanding

MAX_RELATED_BUTTONS = 2
BARE_REPLY_WORDS = 3  # "yes", "yes please", "nah not that": a reply to what was offered; longer says more
LETTER = re.compile(r"[^\W\d_]")
EMOJI = re.compile(r"[^\w\s!-/:-@\[-`{-~]")  # a character neither a word's, a space nor ASCII punctuation: an emoji
MAX_LOGGED_CHARS = 500
HEALTH_ENTRY = "medical-care"
# A transcript needs a clearer match than typed text to be answered: a misheard question that
# scores just over the bar would get a confident wrong answer; below it the bot offers suggestions.
HEARD_MARGIN = 4.0
# A health concern keeps its own topic only when the match is clearly right: a weak match under a
# concern ("pulled my hammy, can i do hypers yet") answers the wrong thing; medical care is better.
# (Tried at 0 so that questions about the articles' back-pain advice keep theirs: +4 of 268 on the
# stranger-written development set, but 4 real concerns then got a weakly matched entry.)
HEALTH_MARGIN = 15.0
SUPPOSING_OPENS = 3  # "what if", "ok and if": a supposing clause opens with its "if"
MAY_I_OPENS = 2  # a clause asking whether the user may opens with its question word ("so can i...", "is it ok")
SAFE_WORDS = frozenset("safe ok okay fine allowed dangerous risky harmful bad".split())  # "are they ok": the doctor's call
FOLLOWING_ON = frozenset({"then", "instead"})  # words tying a question to what was just said ("what should i do instead")
EMERGENCY_REPLY = Reply(texts.EMERGENCY, buttons=((TOPICS_BUTTON,),), safety="emergency")
MENU_WORDS = frozenset({"topics", "topic", "topic list", "topics list", "all topics", "browse topics", "show topics",
                        "show me the topics", "list topics", "list of topics"})  # the 📚 Topics button, typed
DID_YOU_MEAN = "🎙 Did you mean: "  # labels a close second to a heard question's answer, one tap away
# A transcript of fewer words, not worded as a question, is too little to answer on: a spoken "thanks" heard as
# "science." got the studies answer. The topic it fits is offered as a did-you-mean button instead (typed, the same
# words are answered; "Starting weight?", heard as a question, is answered).
FEWEST_HEARD_WORDS = 3


class Answerer:
    """Turns questions and knowledge buttons into replies."""

    emergency = EMERGENCY_REPLY
    doctor_first = Reply(texts.DOCTOR_FIRST, safety="doctor")

    def __init__(self, understanding: Understanding, store: Store, clock: Callable[[], datetime],
                 busy: Callable[[int], bool] = lambda _user_id: False) -> None:
        self.understanding = understanding
        self.busy = busy  # whether the user is in a dialogue (its step is asked again after the reply)
        self.kb = understanding.kb
        self.store = store
        self.clock = clock
        self.named_articles = article_patterns(article.title for article in self.kb.articles.values())

    def answer(self, user_id: int, text: str, heard: bool = False) -> Reply:
        """Answer a question, read in the user's conversation (the last answered entry and goal, kept
        CONTEXT_TTL after the last question), so "why?" or "and for strength?" follow on ("why?" or
        "tell me more" about the entry just answered gets its details). A health
        concern always leads with doctor-first advice (an acute red
        flag with "stop now, get emergency care") and, when no entry fits it clearly, gets the
        medical-care entry. A `heard` question (a voice note's transcript, perhaps misheard) needs a
        clearer match; below it the bot says it may not have caught it and offers suggestions, and
        its answer offers any close second instead of related topics."""
        text, linked = texts.without_links(text)
        if linked:  # the words around a link are answered, after saying it can't be opened
            if not LETTER.search(text):
                return Reply(texts.LINK_ONLY, buttons=((TOPICS_BUTTON,),))
            reply = self.answer(user_id, text, heard)
            return replace(reply, text=f"{texts.LINKS}\n\n{reply.text}")
        now = self.clock()
        context = self.store.load_context(user_id, now)
        meant = said_instead(text)
        if meant is not None:  # "thats not what i asked", "no i meant ...": the last answer missed, its topic is dropped
            self.store.save_context(user_id, Context(), now)
            if not meant or returning(meant):
                return Reply(WELCOME_BACK) if meant else Reply(SORRY, buttons=((TOPICS_BUTTON,),))
            text, context = meant, Context()
        text = without_article_names(text, self.named_articles)  # "what does tight butt blast say about reps": reps
        to_offer = self._to_offer(text, self.store.load_offer(user_id, now))
        if to_offer is not None:  # "yes" to "Did you mean: How much weight?"
            self.store.save_context(user_id, replace(context, entry=to_offer.entry or context.entry), now)
            return to_offer
        reading = self.understanding.read(text, HEARD_MARGIN if heard else 0.0, context)
        bare = bare_reply(text) if reading.safety is Safety.NONE else None
        if bare is not None:  # "no, no", "go back" with nothing asked: never a topic ("no machine", the lower back)
            return Reply(texts.format_bare_reply(bare, self.busy(user_id)), buttons=((TOPICS_BUTTON,),))
        reply = self._answer(user_id, text, reading, heard, following=context.entry is not None)
        self.store.save_context(user_id, self._context_after(reading, reply), now, self._offered(reading, reply))
        if reading.safety is Safety.EMERGENCY:
            return reply
        alarmed = self.store.alarmed(user_id, now)
        if reading.safety is Safety.DOCTOR:  # after a red flag that day, the reminder to stop is the more urgent line
            return self._after_alarm(reply) if alarmed else reply
        concern = context.entry == HEALTH_ENTRY or self.store.load_concern(user_id, now) is not None
        asked = reply.entry is not None or self.understanding.is_question(text)  # "no", "lol", "gtg" ask nothing
        if concern and asked and self._after_concern(text, heard):
            return self._kept_on_concern(reply, reading, context, alarmed, text)  # "can i still do it?" after "my knee is sore"
        if reply.entry and alarmed:  # "can i finish my sets?": whether to train is the doctor's call
            reply = self._medical_care(reply) if self._only_asks_leave(text) else reply
            return _reminded(reply, texts.without_verdict(reply.text))
        return reply

    def _to_offer(self, text: str, offered: tuple[str, ...]) -> Reply | None:
        """The reply to a bare yes or no typed after the bot offered entries instead of an answer: "yes" to one
        offered, its answer; to several, which one; "no", another way to ask. None for anything else, or when
        nothing was offered."""
        if not offered or self.is_question(text) or len(self.understanding.words(text)) > BARE_REPLY_WORDS:
            return None
        said = self.understanding.answer(text)
        if said is Answer.YES and len(offered) == 1 and offered[0] in self.kb.entries:
            return self._entry_reply(offered[0], 100.0, asked_yes_no=False)
        if said is Answer.YES:
            return Reply(texts.WHICH_OFFER, buttons=self._offer_rows(offered))
        return Reply(texts.NOT_OFFERED, buttons=((TOPICS_BUTTON,),)) if said is Answer.NO else None

    @staticmethod
    def _offered(reading: Reading, reply: Reply) -> tuple[str, ...]:
        """The entries a reply offered instead of an answer (a decline's suggestions, a near miss's closest
        topics), which a typed "yes" may take up."""
        if reply.entry is not None or reply.safety:
            return ()
        return reading.gap.offer if reading.gap else reading.match.suggestions

    @staticmethod
    def _after_alarm(reply: Reply) -> Reply:
        """A doctor-first reply given the day a red flag was told: the reminder to stop in place of the line."""
        text = reply.text.replace(f"{texts.DOCTOR_FIRST}\n\n", "", 1)  # after the stop-the-set line too
        return _reminded(reply, text.removeprefix(texts.DOCTOR_FIRST).lstrip())

    @staticmethod
    def _context_after(reading: Reading, reply: Reply) -> Context:
        """What the conversation is about after a reply: after a health concern, the entry shown (the
        advice on medical care when no entry clearly fit; nothing more about health is stored)."""
        return replace(reading.context, entry=reply.entry) if reply.safety == "doctor" and reply.entry else reading.context

    def _after_concern(self, text: str, heard: bool) -> bool:
        """Whether a message told after the advice on medical care, or within CONCERN_TTL of a health
        concern the user told about themselves, follows it up: it opens no new topic, and points back
        ("is that ok?") or is no clear question of its own ("why?", "can i still do it?") or is tied to
        what was just said ("what should i do instead", "how many reps then"), so its answer keeps the
        doctor-first line."""
        words, follow_ups = self.understanding.words(text), self.understanding.follow_ups
        alone = self.read(text, heard).match
        clear = alone.entry_id is not None and alone.score >= self.understanding.threshold + self.understanding.context_policy.clear
        tied = follow_ups.refers_back(words) or not FOLLOWING_ON.isdisjoint(words) or self._may_i(words)
        return follow_ups.new_topic(words) is None and (not clear or tied)

    def _kept_on_concern(self, reply: Reply, reading: Reading, context: Context, alarmed: bool, text: str) -> Reply:
        """A follow-up's reply after a health concern: "why?" after the advice on medical care, "can i still do it",
        "is it ok for me?" and "what about my knee" ask about the user's own case and get that advice (again) after the
        doctor-first line, not "that's all the articles say" or the last answer; any other answer ("how often should i
        train", "too heavy?", "not covered", "not sure") gets the one-line reminder (the full line was given with the
        concern, and repeated on every later answer it drowns them); after a red flag, the reminder to stop."""
        if (reading.again and context.entry == HEALTH_ENTRY) or self._only_asks_leave(text) or self._of_oneself(text, reply):
            reply = self._medical_care(reply)
        shown = texts.without_verdict(reply.text)  # "is it ok to keep going?" is the doctor's call, never "Yes, …"
        if alarmed:  # as every answer that day: the reminder, with the reply's own safety
            return _reminded(reply, shown)
        line = texts.DOCTOR_FIRST if reply.entry == HEALTH_ENTRY else texts.DOCTOR_AGAIN
        return replace(reply, text=f"{line}\n\n{shown}", safety="doctor")

    def on_health_change(self, user_id: int, level: Safety, text: str) -> list[Reply]:
        """A health concern the user told about themselves: its time is kept (never what was said, nor
        how urgent), so a follow-up within CONCERN_TTL ("can i still do it?") keeps the line."""
        if told_of_oneself(level, text):
            self.store.save_concern(user_id, self.clock())
        return []

    def on_emergency(self, user_id: int) -> Reply:
        """Emergency advice for a red flag told now; later answers today remind the user to stop."""
        self.store.save_alarm(user_id, self.clock())
        return EMERGENCY_REPLY

    def _answer(self, user_id: int, text: str, reading: Reading, heard: bool, following: bool = False) -> Reply:
        """The reply a reading calls for (`following`: an answer was given before it in this conversation)."""
        match = reading.match
        if reading.safety is Safety.EMERGENCY:
            return EMERGENCY_REPLY
        if reading.safety is Safety.DOCTOR:
            return self._doctor_first(match, self.understanding.other_language(text), self._asks_more_than_may_i(text), text,
                                      following)
        if reading.each:
            return self._each_reply(reading.each)
        if match.entry_id and reading.again:
            return self._more_reply(self.kb.entries[match.entry_id])
        if match.entry_id and heard and heard_too_little(self.understanding, text):
            return self._not_caught((match.entry_id, *match.close), match.score)
        if match.entry_id:
            return self._entry_reply(match.entry_id, match.score, match.close if heard else (), self._yes_no(text))
        if reading.gap:
            return self._gap_reply(reading.gap, match.score)
        if heard and self._chatter(text, reading):  # "Makeup land.": a note whose words say nothing was likely misheard
            return self._not_caught(match.suggestions, match.score)
        if self._chatter(text, reading):  # emoji alone that no step read ("🗑", "🤔"): how to say it in words
            chatter = texts.EMOJI_ONLY if not LETTER.search(text) and EMOJI.search(text) else texts.CHATTER
            return Reply(chatter, buttons=((TOPICS_BUTTON,),))
        return self._missed(user_id, text, match, heard)

    def _chatter(self, text: str, reading: Reading) -> bool:
        """Whether a message says nothing to answer or decline: no letters ("?", "🤔🤔", "..."), or no question and
        no words of its own ("lol", "haha ok", a "yes" nothing asked for); an honest decline there reads as noise."""
        if not LETTER.search(text):
            return True
        return not self.is_question(text) and not says_something(reading) and not self.understanding.other_language(text)

    def _doctor_first(self, match: Match, other_language: bool = False, asked: bool = False, text: str = "",
                      following: bool = False) -> Reply:
        """Doctor-first advice, with the entry when it clearly fits, else the medical-care entry; the
        entry's verdict ("Yes, …") is left out: with a health concern, whether to go on is the doctor's call.
        An entry about health care itself (rehab), or one whose own words (title, phrasings, answer) hold every
        word that tells the concern (Understanding.names_concern), needs no HEALTH_MARGIN when the message asks a
        question that is not whether the user may (`asked`): the concern's words are its own ("i sprained my ankle,
        do athletes use reverse hypers when coming back from injuries", "do trainers use them for lower back
        pain?"); a concern told alone ("i have a herniated disc"), one no entry speaks of ("broke a rib, does
        the chest pad press on it?") or "can i do them yet?" is the doctor's call: medical care.
        A message that only asks leave to go on gets medical care: after an answer ("and is it ok for me?"), never the
        entry just answered; told with its concern in one message, unless the leave's own words read as the entry
        ("my knee hurts, can i do them with straight legs"): "im 67 and my knees are shot, can i still do these" reads
        as bending the knees by its concern's words alone.
        A concern told in another language ("ich habe Rheuma") gets it with the note that the bot reads English."""
        mild = self.understanding.mild_concern(text)  # "my hamstrings are tight from football": the entry, a line
        if mild and match.entry_id is None and match.suggestions and match.score >= self.understanding.threshold:
            match = replace(match, entry_id=match.suggestions[0], off_topic=False)  # the sport named is no other topic
        entry = self.kb.entries.get(match.entry_id) if match.entry_id else None
        own = entry is not None and (entry.about_health or self.understanding.names_concern(text, entry.id))
        margin = 0.0 if own and (asked or mild) else HEALTH_MARGIN
        # "and is it ok for me?" after an answer, or "my knees are shot, can i still do these": not the answer
        leave = not asked and (following and texts.asks_leave(text) or self._only_leave(text, match.entry_id))
        supposed = not (entry is not None and entry.about_health) and self._supposes(text)  # "what if it hurts"
        clear = entry is not None and not leave and not supposed and match.score >= self.understanding.threshold + margin
        fallback = None if match.off_topic else self.kb.entries.get(HEALTH_ENTRY)
        entry_id = match.entry_id if clear else (fallback.id if fallback else None)
        if entry_id is None:
            rest = texts.ENGLISH_ONLY if other_language else texts.CAPABILITIES
            return Reply(f"{texts.DOCTOR_FIRST}\n\n{rest}", buttons=((TOPICS_BUTTON,),), safety="doctor")
        reply = self._entry_reply(entry_id, match.score, asked_yes_no=False)
        stop = f"{texts.STOP_SET}\n\n" if texts.training_now(text) else ""  # "my back is pinching mid set": stop first
        line = texts.DOCTOR_MILD if mild and clear else texts.DOCTOR_FIRST
        return replace(reply, text=f"{stop}{line}\n\n{reply.text}", safety="doctor")

    def _of_oneself(self, text: str, reply: Reply) -> bool:
        """Whether a follow-up after a health concern asks the last question again for the user's own case, naming it
        with one word of its own at most ("what about my knee"; not "ok n if i mostly want my glutes stronger", a goal
        of its own): it asks about the concern, whose advice is medical care (a technique tip naming the knee would
        read as advice for it); an answer about health care itself (rehab) stands."""
        entry = self.kb.entries.get(reply.entry or "")
        if entry is not None and entry.about_health:
            return False
        words, follow_ups = self.understanding.words(text), self.understanding.follow_ups
        return follow_ups.asks_the_same_for(words) and in_first_person(text) and len(follow_ups.own_content(words)) <= 1

    def _supposes(self, text: str) -> bool:
        """Whether a message telling a health concern supposes it of the exercise, not of the user ("what if it
        hurts", "and if it starts to pinch"): it asks what to do then, which the advice on medical care answers, not an entry it reads as by
        other words (what the exercise is for)."""
        words = self.understanding.words(text)
        return self.understanding.follow_ups.asks_the_same_for(words) and "if" in words[:SUPPOSING_OPENS] \
            and not in_first_person(text)  # "what if im after a firmer butt" tells of the user, supposes nothing

    def _only_leave(self, text: str, entry_id: str | None) -> bool:
        """Whether a message asks beside its concern only leave to train, with no words of its own after it: "im 67
        and my knees are shot, can i still do these" (read as bending the knees by its concern's words alone), unlike
        "can i do them with straight legs" (keeping the legs straight) or "am i allowed to use my arms": whether the user
        may train is the doctor's call, and a tip would read as a go-ahead."""
        rest = texts.after_leave(text)
        return entry_id is not None and rest is not None and not self.understanding.words(rest)

    def _gap_reply(self, gap: Gap, score: float) -> Reply:
        """A near miss: say the articles don't cover it, and offer what they do."""
        rows = self._offer_rows(gap.offer)
        return Reply(texts.format_gap(gap.about, len(rows) > 1), buttons=rows, score=score)

    def _may_i(self, words: list[str]) -> bool:
        """Whether a message asks whether the user may go on ("is it safe to continue", "can i still
        train"): a yes/no question about "it" or the user."""
        return texts.asks_yes_or_no(words) and (in_first_person(" ".join(words)) or self.understanding.follow_ups.points_back(words))

    def _asks_more_than_may_i(self, text: str) -> bool:
        """Whether a message asks a question (in a clause of it) other than whether the user may go on."""
        asking = self.is_question(text) or any(map(self.is_question, clauses(text)))
        return asking and not self._asks_may_i(text)

    def _only_asks_leave(self, text: str) -> bool:
        """Whether a message asks leave to go on ("can i finish my sets", "is it ok for me?") and nothing else
        ("can i get injured doing these" asks whether it is risky: the injury-risk answer)."""
        return texts.asks_leave(text) and not self._asks_more_than_may_i(text)

    def _medical_care(self, reply: Reply) -> Reply:
        """The advice on medical care, in place of a reply."""
        return self._entry_reply(HEALTH_ENTRY, reply.score, asked_yes_no=False)

    def _asks_may_i(self, text: str) -> bool:
        """Whether a clause of a message opens by asking whether the user may go on or whether it is safe:
        "can i do them yet", "is it safe", "are reverse hypers ok", not "i cant run or squat" nor "do athletes
        train with this"."""
        return any(texts.asks_yes_or_no(words[:MAY_I_OPENS]) and (in_first_person(" ".join(words)) or not SAFE_WORDS.isdisjoint(words))
                   for words in map(self.understanding.words, clauses(text) or [text]))

    def _yes_no(self, text: str) -> bool:
        """Whether a message is worded as a yes/no question."""
        return texts.asks_yes_or_no(self.understanding.words(text))

    def read(self, text: str, heard: bool = False) -> Reading:
        """How the understanding layer reads a message (with the margin heard text needs)."""
        return self.understanding.read(text, HEARD_MARGIN if heard else 0.0)

    def safety(self, text: str) -> Safety:
        """How urgent a health concern the message carries, if any."""
        return self.read(text).safety

    def heard_fit(self, text: str) -> float:
        """The score of the entry a transcript would be answered with, 0 when it would not be."""
        match = self.read(text, heard=True).match
        return match.score if match.entry_id else 0.0

    def knows(self, text: str) -> bool:
        """Whether a message is confidently a knowledge question."""
        return self.read(text).match.entry_id is not None

    def is_question_about_us(self, text: str) -> bool:
        """Whether a message is a question the knowledge base answers ("plan for a beginner?"), the
        question perhaps asked after a statement ("im at home with no machine what can i do instead")."""
        asks = self.is_question(text) or any(map(self.is_question, clauses(text)[1:]))
        return asks and self.knows(text)

    def follows_up(self, user_id: int, text: str) -> bool:
        """Whether a message is answered as a follow-up in the user's conversation (their last answer
        still counts), whatever it reads as alone."""
        context = self.store.load_context(user_id, self.clock())
        return bool(context) and self.understanding.read(text, 0.0, context).match.entry_id is not None

    def points_back(self, text: str) -> bool:
        """Whether a message points back at what was said ("where do they start", "who found that": the lexicon's
        pointing_back), never at the bot."""
        return self.understanding.follow_ups.refers_back(self.understanding.words(text))

    def changes_goal(self, user_id: int, text: str) -> bool:
        """Whether a message read in the user's conversation gets a goal's programme, however it opens ("nah scratch
        that i want bigger hammies", "nvm i want size"): a change of mind about the goal, not a call to cancel."""
        context = self.store.load_context(user_id, self.clock())
        found = self.understanding.read(text, 0.0, context).match.entry_id
        return found is not None and found in self.understanding.programmes.values()

    def asks_numbers(self, text: str) -> bool:
        """Whether a message asks only for numbers, after an acknowledgement or not ("k n reps", "ok and sets")."""
        return self.understanding.follow_ups.asks_numbers(self.understanding.words(text)) is not None

    def asks_why(self, text: str) -> bool:
        """Whether a message asks why or what for ("why?", "what for", "for what?"), of what was said or of the bot."""
        words = self.understanding.words(text)
        return self.understanding.follow_ups.asks_why(words) or self.understanding.follow_ups.asks_what_for(words)

    def is_question(self, text: str) -> bool:
        """Whether a message is worded as a question."""
        return self.understanding.is_question(text)

    def small_talk(self, user_id: int, intent: Intent | None, text: str) -> str | None:
        """A warm reply to a greeting, thanks, goodbye, "ok" or "im back", else None: also None for a question of
        ours ("thanks, how many sets?", but not "thank you for the information"), and for a question
        after a greeting ("morning! are good mornings like these?") unless it is small talk too
        ("hi, how are you?"), so the question gets its answer or an honest decline."""
        if returning(text):  # "im back": a greeting, never the lower back
            return WELCOME_BACK
        if said_instead(text) is not None:  # "you misunderstood me" is no "ok": the answer says sorry
            return None
        if intent is None or (self.knows(text) and (intent not in CLOSING or self.is_question(text))):
            return None
        if intent in CLOSING and self.is_question(text) and self.read(text).gap is not None:
            return None  # "thanks, and how often?": the question gets the honest "the articles don't cover", not "welcome"
        if intent in CLOSING and self.asks_numbers(text) and self.follows_up(user_id, text):
            return None  # "k n reps" after the steps: the "k" acknowledges, the rest asks the numbers
        question = self.understanding.after_greeting(text)
        if question is not None and self.understanding.says_something(question):
            return None
        return small_talk_reply(intent, self.store.alarmed(user_id, self.clock()))

    def typed_menu(self, _user_id: int, text: str) -> list[Reply] | None:
        """A button label of the topic menu typed instead of tapped ("Topics", "sets, reps and goals"): the menu or that
        group's list; None for any other message."""
        said = label_words(text)
        if said in MENU_WORDS:
            return [self.topics()]
        group = next((g for g, label in self.kb.groups.items() if label_words(label) == said), None)
        return [self._group(group)] if group is not None else None

    def topics(self) -> Reply:
        """The topic menu: one button per group."""
        rows = tuple((Button(label, f"topic:{group}"),) for group, label in self.kb.groups.items())
        return Reply(texts.format_topics_intro(), buttons=rows)

    def on_button(self, user_id: int, data: str) -> Reply | None:
        """A topic-menu, entry or more-detail button; None when the data is not one of ours. A
        tapped entry becomes what the conversation is about, as if it had been asked."""
        reply = self._tapped(data)
        if reply is not None and reply.entry:
            now = self.clock()
            context = self.understanding.context_after(reply.entry, self.store.load_context(user_id, now))
            self.store.save_context(user_id, context, now)
        return reply

    def _tapped(self, data: str) -> Reply | None:
        """The reply to a knowledge button."""
        kind, _, arg = data.partition(":")
        if data == TOPICS_BUTTON.data:
            return self.topics()
        if kind == "topic" and arg in self.kb.groups:
            return self._group(arg)
        entry = self.kb.entry(arg)
        if kind == "kb" and entry:
            return self._entry_reply(entry.id, 100.0, asked_yes_no=False)
        if kind == "more" and entry:
            return self._details_reply(entry)
        return None

    def _group(self, group: str) -> Reply:
        """One group's questions, a button each."""
        rows = tuple((Button(e.title, f"kb:{e.id}"),) for e in self.kb.in_group(group))
        return Reply(f"{self.kb.groups[group]}: pick a question.", buttons=rows + ((TOPICS_BUTTON,),))

    def _details_reply(self, entry: Entry) -> Reply:
        """An entry's details (its answer when it has none): the "More detail" button."""
        return Reply(texts.format_details(entry, self.kb), title=entry.title, buttons=((TOPICS_BUTTON,),),
                     entry=entry.id, matched=True, score=100.0)

    def _more_reply(self, entry: Entry) -> Reply:
        """A typed "why?" or "tell me more" after an answer: its details, or, when it has none,
        that this is all the articles say, with the related topics to go on from."""
        if entry.details:
            return self._details_reply(entry)
        return Reply(texts.format_all_there_is(entry, self.kb), title=entry.title,
                     buttons=self._entry_buttons(entry, ()), entry=entry.id, matched=True, score=100.0)

    def _each_reply(self, entry_ids: tuple[str, ...]) -> Reply:
        """"Tell me more about each one" after an answer that lists several things: each one's
        answer in turn, with their sources."""
        entries = [self.kb.entries[e] for e in entry_ids]
        return Reply(texts.format_each(entries, self.kb), buttons=((TOPICS_BUTTON,),),
                     entry=entries[0].id, matched=True, score=100.0)

    def _entry_reply(self, entry_id: str, score: float, alternatives: tuple[str, ...] = (),
                     asked_yes_no: bool = True) -> Reply:
        """An entry's answer with its source and follow-up buttons (its opening "Yes." only when it
        answers a yes/no question)."""
        entry = self.kb.entries[entry_id]
        return Reply(texts.format_answer(entry, self.kb, asked_yes_no), title=entry.title,
                     buttons=self._entry_buttons(entry, alternatives), entry=entry.id, matched=True, score=score)

    def _missed(self, user_id: int, text: str, match: Match, heard: bool) -> Reply:
        """Decline without guessing, and log it for curators when it was a question (not a place,
        a schedule or a request the dialogue did not expect), never within CONCERN_TTL of a health concern the user
        told (it may be about it), and without the details that say who asked (redact)."""
        best = match.suggestions[0] if match.suggestions else None
        if self.is_question(text) and not _changes_a_plan(text) and self.store.load_concern(user_id, self.clock()) is None:
            self.store.save_miss(user_id, redact(text)[:MAX_LOGGED_CHARS], match.score, best, self.clock())
        rows = self._offer_rows(match.suggestions)
        say = texts.format_not_caught if heard else texts.format_not_understood
        text = texts.ENGLISH_ONLY if self.understanding.other_language(text) else say(bool(match.suggestions))
        return Reply(text, buttons=rows, score=match.score)

    def _not_caught(self, entry_ids: tuple[str, ...], score: float) -> Reply:
        """A voice note heard as too few words, or as words that say nothing: maybe misheard, so nothing is
        answered; the topics it may have meant are offered, one tap away."""
        return Reply(texts.format_not_caught(bool(entry_ids)), buttons=self._offer_rows(entry_ids), score=score)

    def _offer_rows(self, entry_ids: tuple[str, ...]) -> tuple[tuple[Button, ...], ...]:
        """One button per entry offered, then the topic menu."""
        rows = tuple((Button(self.kb.entries[e].title, f"kb:{e}"),) for e in entry_ids if e in self.kb.entries)
        return rows + ((TOPICS_BUTTON,),)

    def _entry_buttons(self, entry: Entry, alternatives: tuple[str, ...]) -> tuple[tuple[Button, ...], ...]:
        """More detail, the alternatives (or else a few related topics), and the topic menu."""
        rows: list[tuple[Button, ...]] = []
        if entry.details:
            rows.append((Button("🔎 More detail", f"more:{entry.id}"),))
        for other in (alternatives or entry.related)[:MAX_RELATED_BUTTONS]:
            title = self.kb.entries[other].title
            rows.append((Button(f"{DID_YOU_MEAN}{title}?" if alternatives else f"➡️ {title}", f"kb:{other}"),))
        rows.append((TOPICS_BUTTON,))
        return tuple(rows)


def heard_too_little(understanding: Understanding, text: str) -> bool:
    """Whether a transcript is too little to answer on: a word or two, not asked as a question ("science.")."""
    return len(understanding.words(text)) < FEWEST_HEARD_WORDS and not understanding.is_question(text)


def _changes_a_plan(text: str) -> bool:
    """Whether a message says a change to a plan's days or time ("skip thursdays, do wed instead", "an hour later"): a
    request, never logged as a question the content could not answer."""
    return day_change(text) is not None or time_shift(text) is not None


def _reminded(reply: Reply, text: str) -> Reply:
    """A reply given within a day of a red flag: the reminder to stop, then `text`."""
    return replace(reply, text=f"{texts.AFTER_EMERGENCY}\n\n{text}")

