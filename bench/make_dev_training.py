"""Write the development sets' messages as training data for the learned ranker and the safety classifier:
- knowledge/data/paraphrases_dev.yaml: in-scope messages (first messages of the two-turn sets) under their
  first expected entry;
- knowledge/data/offtopic_dev.yaml: off-topic messages, as "not ours";
- knowledge/data/safety_messages_dev.yaml: the safety lexicon's development sets (SAFETY_SETS), one list per
  writer, as the safety classifier's concerns, red flags and look-alikes;
- knowledge/data/safety_words.yaml: the health words the speller heeds (knowledge.spelling), from the written
  concerns the safety classifier learns (the words inside what the safety lexicon reads as a concern);
- knowledge/data/safety_messages_chat.yaml: what people say besides questions (CHAT_SETS: follow-ups after an
  answer, schedules), as harmless, but for those the safety lexicon reads as a concern: short chat is where the
  classifier alone raised false alarms ("can i still do it?", "sometime soonish maybe").
Left out, so that they still measure: the development sets held apart (HELD_OUT: dev_strangers.yaml, whose
questions also make up part of independent_dev.yaml, which is left out too, and calib_strangers.yaml, on which
the thresholds are tuned), the blind writers' sets held out (BLIND_HELD_OUT: dev_strangers18.yaml,
dev_strangers26.yaml and followups_dev16.yaml, measured, never tuned on),
the held-apart halves of offtopic_dev.yaml and offtopic_dev2.yaml, the safety sets held out (SAFETY_HELD_OUT, read;
SAFETY_BLIND, never read) and every frozen unseen set. Messages the
safety detector reads as a concern are left out: the safety classifier learns every training text as harmless.

Usage: python bench/make_dev_training.py   (then `coachbot kb build`)
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from bot.composition import build_understanding
from bot.settings import load_settings
from knowledge.normalize import Normalizer
from knowledge.safety import SafetyLexicon
from knowledge.spelling import MIN_LENGTH
from knowledge.training import load_safety_examples, load_safety_messages
from knowledge.understanding import Understanding

BENCH = Path(__file__).parent
DATA = BENCH.parent / "knowledge" / "data"
IN_SCOPE_SETS = ("holdout.yaml", "holdout2.yaml", "regression.yaml", "followups_dev.yaml", "followups_dev2.yaml", "followups_dev3.yaml",
                 "voice_questions.yaml", "tester_context_dev.yaml")
OFF_TOPIC_SETS = ("holdout.yaml", "holdout2.yaml", "regression.yaml", "offtopic_dev.yaml")
# offtopic_dev2's tune half is not trained on yet: as "not ours" (s27) it declined 2 more of its own and moved three
# knife-edge readings that tests hold (a close second, a pick by title, a follow-up's entry); its held half measures
HALVED = ("offtopic_dev.yaml", "offtopic_dev2.yaml")  # sets whose "-held" half never trains (tune_understanding scores it)
HELD_OUT = ("dev_strangers.yaml", "calib_strangers.yaml")  # strangers' sets we read and tune on, never train on
# Blind writers' sets measured and read for general causes only: never trained on, and never tuned on (so not in
# HELD_OUT, which tune_understanding tunes on). The files generated last (safety_dev4-26 in, 27 apart) still hold one
# message of each, written alike by another set's writer ("What are the benefits of reverse hyperextensions?", "can you
# help me write a cover letter"; of dev_strangers20's, a few short ones such as "how do i finish the last rep" and "tell me a
# joke"): the next run drops them, and retrains the safety classifier too (its harmless texts).
# dev_strangers19 to 25, released, are tuned on as 14 to 17 are (never trained on); followups_dev16 is listed so that
# none of its messages trains through another set
BLIND_HELD_OUT = ("dev_strangers18.yaml", "dev_strangers26.yaml", "followups_dev16.yaml")
# the lexicon was tuned on each; writer 29 stays apart (SAFETY_HELD_OUT), so the retraining on 30 to 34 is measured there
SAFETY_SETS = tuple(f"safety_dev{n}.yaml" for n in (*range(4, 29), *range(30, 35)))
SAFETY_HELD_OUT = ("safety_dev29.yaml",)  # first measured, then read, never trained on
SAFETY_BLIND = ("safety_dev35.yaml",)  # a blind writer's set held out: measured, never read, tuned on or trained on
CHAT_SETS = {**{f"followups_dev{n}.yaml": "then" for n in ("", 2, 3, 4, 5)}, "when_dev.yaml": "text", "when_dev2.yaml": "text"}
NOT_IN_SCOPE = {"offtopic", "safety", "health", "emergency", "lookalike", "health-asks"}


Picked = tuple[str, str] | None  # a set item's message and its label (an entry id; "" for a decline)


def held(item: dict[str, Any]) -> bool:
    """Whether an item is in the held-apart half of offtopic_dev or offtopic_dev2."""
    return str(item.get("style", "")).endswith("-held")


def in_scope(item: dict[str, Any]) -> Picked:
    """A set item's in-scope message and its first expected entry (two-turn items: the first message)."""
    if "first" in item:
        text, expected = item["first"], item.get("expect_first")
    elif str(item.get("kind", "typed")) not in NOT_IN_SCOPE:
        text, expected = item["q"], item.get("expect")
    else:
        return None
    first = expected if isinstance(expected, str) else next(iter(expected or []), "")
    return (str(text), str(first)) if first else None


def off_topic(item: dict[str, Any]) -> Picked:
    """A set item's off-topic message, unless it belongs to a held-apart half."""
    return (str(item["q"]), "") if item.get("kind") == "offtopic" and not held(item) else None


def _messages(items: list[dict[str, Any]]) -> set[str]:
    """The messages of set items (both turns of two-turn items), lowercased."""
    return {str(item[key]).strip().lower() for item in items for key in ("q", "first", "then") if item.get(key)}


def measuring() -> set[str]:
    """Every message of a set that still measures: the frozen sets, the held-out development sets and
    the off-topic sets' held-apart halves (a common question that two writers both wrote must not train either)."""
    frozen = [*BENCH.glob("unseen_*.yaml"), *BENCH.glob("voice_h*.yaml"),
              *(BENCH / name for name in HELD_OUT + BLIND_HELD_OUT + SAFETY_HELD_OUT + SAFETY_BLIND)]
    found = set().union(*(_messages(yaml.safe_load(path.read_text(encoding="utf-8"))) for path in frozen))
    halves = [item for name in HALVED for item in yaml.safe_load((BENCH / name).read_text(encoding="utf-8"))]
    return found | _messages([item for item in halves if held(item)])


def collect(understanding: Understanding, names: tuple[str, ...],
            pick: Callable[[dict[str, Any]], Picked]) -> list[tuple[str, str]]:
    """(message, label) for every item of the sets that pick keeps: no duplicates, no concerns, no
    message of a set that measures."""
    seen = measuring()
    found = []
    for name in names:
        for picked in map(pick, yaml.safe_load((BENCH / name).read_text(encoding="utf-8"))):
            text = picked[0].strip() if picked else ""
            if picked and text and text.lower() not in seen and not understanding.read(text).safety:
                seen.add(text.lower())
                found.append((text, picked[1]))
    return found


def safety_messages() -> dict[str, list[dict[str, str]]]:
    """Each safety development set's messages and kinds, but for the messages of a set that still measures."""
    seen = measuring()
    found: dict[str, list[dict[str, str]]] = {}
    for name in SAFETY_SETS:
        kept = found[name.removesuffix(".yaml")] = []
        for item in yaml.safe_load((BENCH / name).read_text(encoding="utf-8")):
            text = str(item["q"]).strip()
            if text.lower() not in seen:
                seen.add(text.lower())
                kept.append({"q": text, "kind": str(item["kind"])})
    return found


def chat(understanding: Understanding) -> dict[str, list[dict[str, str]]]:
    """Each chat set's messages as harmless, but for those the safety lexicon reads as a concern."""
    seen, lexicon = measuring(), understanding.safety.lexicon
    found: dict[str, list[dict[str, str]]] = {}
    for name, key in CHAT_SETS.items():
        kept = found[name.removesuffix(".yaml")] = []
        for item in yaml.safe_load((BENCH / name).read_text(encoding="utf-8")):
            text = str(item[key]).strip()
            words = understanding.words(text)
            if text.lower() not in seen and not lexicon.level(" ".join(understanding.spelt(text))) \
                    and not lexicon.level(" ".join(words)):
                seen.add(text.lower())
                kept.append({"q": text, "kind": "lookalike"})
    return found


TOLD_OFTEN = 5  # a word only read in a phrase ("blacked" out, "peed" myself) is heeded when so many concerns tell it


def safety_words(lexicon: SafetyLexicon, normalizer: Normalizer) -> list[str]:
    """The health words the speller heeds: of the words the safety lexicon reads as a concern in the written concerns
    (the safety classifier's), those a typo may not yet become: English words that alone name a concern ("fainted",
    "hernia"), others that do unless a typo of one ("copd", "statin"; not "arthritus"), and words only read in a
    phrase that many concerns tell, unless a typo of a word they tell ("blacked", not "backed")."""
    speller = normalizer.speller
    assert speller is not None
    told: Counter[str] = Counter()
    for text, level in load_safety_examples(DATA) + load_safety_messages(DATA, "safety_messages_dev.yaml"):
        words = normalizer.words(text)
        if level != "none":
            outside = set(lexicon.without_concerns(" ".join(words)).split())
            told.update(w for w in set(words) - outside if w.isalpha() and len(w) >= MIN_LENGTH and not speller.aims_at(w))
    english = {w for w in told if speller.knows(w) and lexicon.names_a_concern(w)}
    aimed = english | {w for w in speller.words() if speller.aims_at(w) and lexicon.names_a_concern(w)}
    others = {w for w in told if not speller.knows(w) and lexicon.names_a_concern(w) and not speller.close(w, aimed)}
    known = {w for w in told if speller.knows(w)}
    phrases = {w for w in told if not speller.knows(w) and not lexicon.names_a_concern(w) and told[w] >= TOLD_OFTEN
               and not speller.close(w, known)}
    return sorted(english | others | phrases)


def write(path: Path, header: str, data: dict[str, Any]) -> None:
    with path.open("w", encoding="utf-8") as out:
        out.write(header)
        yaml.safe_dump(data, out, allow_unicode=True, width=200, sort_keys=False)


def main() -> None:
    understanding = build_understanding(load_settings())
    entries = set(understanding.matcher.kb.entries)
    phrasings: dict[str, list[str]] = {}
    for text, entry in collect(understanding, IN_SCOPE_SETS, in_scope):
        if entry in entries:
            phrasings.setdefault(entry, []).append(text)
    declines = [{"text": text} for text, _ in collect(understanding, OFF_TOPIC_SETS, off_topic)]
    note = "# Generated by bench/make_dev_training.py from the development sets ({}); do not edit by hand.\n"
    write(DATA / "paraphrases_dev.yaml", note.format(", ".join(IN_SCOPE_SETS)), {"paraphrases": phrasings})
    write(DATA / "offtopic_dev.yaml", note.format(", ".join(OFF_TOPIC_SETS)), {"offtopic": declines})
    safety = safety_messages()
    write(DATA / "safety_messages_dev.yaml", note.format(", ".join(SAFETY_SETS)), safety)
    write(DATA / "safety_messages_chat.yaml", note.format(", ".join(CHAT_SETS)), chat(understanding))
    words = safety_words(understanding.safety.lexicon, understanding.matcher.normalizer)
    write(DATA / "safety_words.yaml", note.format(", ".join(SAFETY_SETS)).replace("development sets", "safety classifier's "
          "concerns and the safety lexicon"), {"words": words})
    print(f"{sum(map(len, phrasings.values()))} phrasings for {len(phrasings)} entries, {len(declines)} declines, "
          f"{sum(map(len, safety.values()))} safety messages, {len(words)} health words")


if __name__ == "__main__":
    main()
