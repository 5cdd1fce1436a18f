"""Conversation context: a follow-up ("why?", "and for strength?", "how many sets then", "is that
safe?") is read against the last answered entry and the last goal mentioned.

A message is read twice: alone, and along with what the conversation is about (the last entry's
title and the last goal); the last entry's related entries also compete with their score alone
plus a bonus. The reading in context wins only when it scores clearly better, so a new question
that asks about something of its own keeps its own reading, and one that answers clearly alone is
not read in context at all (asked again, a question gets the same answer). A goal named in a
follow-up switches to that goal's programme. The weights are tuned (bench/tune_context.py) on
follow-ups (bench/followups_dev*.yaml) and as many questions of their own asked after another
answer (bench/independent_dev.yaml): tuned on follow-ups alone, the context pulled 15 % of such
questions back to the last topic. With the third writer's training phrasings the ranker reads a
message alone more surely, so a follow-up read alone a little above the threshold ("do they need a
machine then" after banded hypers) stood on its own too often: `stands` and `clear` were retuned
(5-fold cross-validated on the 741 development conversations: 87.6 % right held out, every fold
choosing these, against 86.1 % with the old weights). After an answer about a thing an answer lists
(a variation, an alternative, a muscle, a study), a message pointing back ("should i go heavy on
those" after tempo hypers) weighs the context more (`lead_thing`, `stands_thing`: 5-fold on the 901
development conversations with the third stranger's set, 87.3 % held out, every fold choosing these,
against 86.9 % with the weights of any other message). After an answer about programming, "it"
is the exercise (`stands_exercise`: 5-fold on the 901 development conversations, see
bench/tune_context.py --grid exercise).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, replace

from knowledge.model import Entry


@dataclass(frozen=True)
class ContextPolicy:
    """How much the conversation weighs (tuned on the development two-turn sets)."""

    lead: float = 20.0    # the reading in context must beat the reading alone by this much
    not_ours: float = 0.8  # a message read alone as "not ours" this surely stays declined
    related_alone: float | None = 20.0  # related entries also compete with their score alone plus this
    stands: float = 20.0  # a message read alone this far above the threshold keeps its own reading
    told: float | None = 5.0  # a message whose words the last answer holds, read alone below threshold + this, asks about it
    near_miss: float = 0.5  # a near miss read this surely stays one after an answer, "it" or not (not with "that")
    near_miss_back: float | None = 0.95  # and one read this surely, with "that" or "them" too ("can i do them daily")
    clear: float = 35.0  # a follow-up asking nothing of its own ("how do i do it") read alone this far above the threshold keeps it
    goal_sure: float = 0.7  # a goal the goal reader names this surely counts; one named less surely (but
    goal_likely: float = 0.6  # at least this surely) counts when the message also reads as that goal's
    goal_seen: float = 20.0  # programme with at least this score ("i want a bigger butt", not "how long to rest")
    clear_more: float = 30.0  # one asking for more but pointing at nothing ("where does your info come from") needs this
    lead_thing: float = 0.0  # `lead` for a message pointing back ("do those need a machine") after an answer about a thing
    stands_thing: float = 45.0  # an answer lists (a variation, an alternative, a muscle, a study), and its `stands`
    stands_exercise: float = 0.0  # `stands` for "it" after an answer about programming ("does it help back pain")
    lead_why: float = 10.0  # `lead` for a message asking why with words of its own ("y would those matter, theyre on the leg")

    def about_thing(self) -> ContextPolicy:
        """The weights for a message pointing back after an answer about one of the things an answer
        lists: "it" and "those" are likelier that thing than the exercise ("should i go heavy on
        those" after tempo hypers, unlike "how do i do it" after a programme)."""
        return replace(self, lead=self.lead_thing, stands=self.stands_thing)

    def asking_why(self) -> ContextPolicy:
        """The weights for a message asking why (or the point, the reason) with words of its own: it
        most often asks about what the last answer said ("y would those matter, theyre on the leg"
        after the hamstrings), less often something of its own."""
        return replace(self, lead=self.lead_why)

    def about_exercise(self) -> ContextPolicy:
        """The weights for "it" or "this" (and no "that" or "those") after an answer about programming
        (a goal's sets and reps, rest, load): "it" is the exercise, not the programme, so a question
        reading above the threshold on its own keeps its reading ("does it help back pain" after the
        sets for strength), while one asking nothing of its own still follows ("how many sets then")."""
        return replace(self, stands=self.stands_exercise)


@dataclass(frozen=True)
class Context:
    """What the conversation is about: the last answered entry and the last goal mentioned."""

    entry: str | None = None
    goal: str | None = None

    def __bool__(self) -> bool:
        return self.entry is not None or self.goal is not None


def along(text: str, context: Context, title: str, goal_named: bool) -> str:
    """The message with what the conversation is about: the last entry's title, and the last goal
    unless the message names one of its own."""
    goal = "" if goal_named or not context.goal else f" {context.goal}"
    return f"{text} {title}{goal}".strip()


def choose(alone: tuple[str | None, float], in_context: list[tuple[str, float]], related: set[str],
           threshold: float, policy: ContextPolicy, alone_scores: Sequence[tuple[str, float]] = ()) -> str | None:
    """The entry to answer: the reading in context's best (related entries boosted) when it clears
    the threshold and beats the reading alone, else None (the reading alone wins)."""
    boosted = list(in_context)
    if policy.related_alone is not None:
        boosted += [(entry, score + policy.related_alone) for entry, score in alone_scores if entry in related]
    if not boosted:
        return None
    entry, score = max(boosted, key=lambda pair: (pair[1], pair[0]))
    own = alone[1] if alone[0] else 0.0
    if alone[0] and own >= threshold + policy.stands:
        return None
    return entry if score >= threshold and score > own + policy.lead else None


def through_related(found: str | None, groups: dict[str, str], related: tuple[str, ...],
                    scores: dict[str, float], general: frozenset[str]) -> str | None:
    """A message that refers back ("who found that?") and reads as a `general` entry of some topic
    group (the studies: one that lists others) means the last entry's related entry of that group
    (its study), the likeliest when there are several; a message read as a specific entry ("the
    movement integrity thing, what is that") keeps it."""
    if found is None or found in related or found not in general:
        return found
    same = [entry for entry in related if groups.get(entry) == groups.get(found)]
    return max(same, key=lambda entry: scores.get(entry, 0.0)) if same else found


def named_part(last: Entry, alone: Sequence[tuple[str, float]], floor: float) -> str | None:
    """One of the things the last answer listed, when the message read alone is likeliest about it
    ("more on the ball option" after the alternatives), else None."""
    if not alone or alone[0][0] not in last.parts or alone[0][1] < floor:
        return None
    return alone[0][0]


def goal_switch(context: Context, goal: str | None, alone: str | None, programmes: dict[str, str],
                family: set[str]) -> str | None:
    """The programme entry of a goal named in a follow-up ("and for strength?", "what if i care
    more about size"): after an answer about goals (`family`), or when the message read alone is
    about goals or about nothing; `programmes` maps each goal to its entry."""
    if goal is None or not (context.entry in family or alone is None or alone in family):
        return None
    return programmes.get(goal)


def for_goal(entry: str | None, context: Context, goal_named: bool, programmes: dict[str, str],
             family: AbstractSet[str]) -> str | None:
    """A general programming answer that goes by the goal (`family`: reps, rest, load; not asking a trainer) made
    specific to the goal in the conversation ("how many reps" after the endurance programme), when the message
    names none."""
    if entry is None or goal_named or not context.goal or entry not in family - set(programmes.values()):
        return entry
    return programmes.get(context.goal, entry)


def goal_counts(odds: float, read_as: float, policy: ContextPolicy) -> bool:
    """Whether a goal the goal reader named with `odds` counts in the conversation: named surely, or
    likely and the message reads as that goal's programme with score `read_as` ("i want a bigger
    butt"); "how long to rest" (endurance, unsure) or "should i look up or down" do not."""
    return odds >= policy.goal_sure or (odds >= policy.goal_likely and read_as >= policy.goal_seen)


def lister(last: Entry, entries: Mapping[str, Entry]) -> Entry | None:
    """The entry whose list a place ("the 3rd") counts in: the last answer's own list, or, when it
    lists nothing, the related entry that lists it ("what about the 3rd" after the banded one)."""
    if last.parts:
        return last
    return next((entries[r] for r in last.related if r in entries and last.id in entries[r].parts), None)


def linked_goal(entry: Entry | None, programmes: Mapping[str, str], family: set[str]) -> str | None:
    """The goal of an answer about something else (not in `family`, the goals' entries) that links one
    goal's programme (the glutes' shape, linked to the sets for growth), so "how many reps then" after it
    gets that programme; else None."""
    if entry is None or entry.id in family:
        return None
    goals = [goal for goal, programme in programmes.items() if programme in entry.related]
    return goals[0] if len(goals) == 1 else None
