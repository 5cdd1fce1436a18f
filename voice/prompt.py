"""What Whisper is told the notes are about: words derived from the content and the safety lexicon.

Whisper reads its prompt as text said just before the note, and then hears those words more
readily. The words are picked by rules, not from the notes it got wrong:
- topic words: the words of the content's titles and phrasings used far more often than everyday
  English uses them (keyness against symspellpy's corpus counts, the speller's English), in a few
  phrasings at least, so that one-off typos stay out;
- health words: the words and two-word phrases ("back pain", "herniated disc") the safety lexicon
  flags on their own (doctor first or emergency), those most of the safety examples use first.
A word is named once: a plural whose singular is already named is left out.
Measured on bench/voice_questions.yaml and bench/voice_health_tuning.yaml (right entry in scope,
doctor first), against the hand-written worries this replaced (245/288, 155/168): 12 topic and 32
health words 249/288, 150/168; with the two-word phrases 249/288, 154/168; 40 health words
246/288, 150/168; health words alone (48) 239/288.
Deriving it reads the training data and the dictionary, which left 2.6 MB of the heap in use for the
life of the bot, so the prompt is kept next to the weights under a hash of all it is derived from,
and derived (and tokenized, voice.tokens) in a child process (`python -m voice.prompt`, given the
content's groups, titles and phrasings), whose memory is given back before the weights are loaded:
in the bot's process the two left 8 MB of heap through the first start's peak."""

from __future__ import annotations

import hashlib
import heapq
import json
import logging
import re
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from pathlib import Path

from knowledge.model import Entry, KnowledgeBase
from knowledge.safety import Safety, load_safety_lexicon
from knowledge.training import DATA_DIR, load_safety_examples
from voice.memory import run_in_child
from voice.tokens import prompt_tokens, save_quietly
from voice.vocabulary import dictionary_file

log = logging.getLogger(__name__)
_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")
SMOOTHING = 1_000_000  # corpus count added to every word: a word English never uses is not infinitely ours
MIN_TEXTS = 3          # a topic word appears in this many phrasings at least (typos appear in one)
COMMON = 50            # the commonest English words (the, my, in, …) are in no health phrase
# The code the prompt is derived by, besides the content, the training data and the dictionary.
DERIVED_BY = (Path(__file__), DATA_DIR.parent / "training.py", DATA_DIR.parent / "safety.py")


@dataclass(frozen=True)
class English:
    """Corpus counts of the words asked about, the corpus total, and its commonest words."""

    counts: dict[str, int]
    total: int
    common: frozenset[str]


@dataclass(frozen=True)
class Usage:
    """How often each word is used in some texts: in all, and in how many of the texts."""

    uses: Counter[str]
    texts: Counter[str]


def usage(texts: Iterable[str]) -> Usage:
    """Count the words (no contractions) of some texts."""
    uses: Counter[str] = Counter()
    in_texts: Counter[str] = Counter()
    for text in texts:
        found = [w for w in _WORD.findall(text.lower()) if "'" not in w and len(w) > 2]
        uses.update(found)
        in_texts.update(set(found))
    return Usage(uses, in_texts)


def load_english_counts(wanted: set[str]) -> English:
    """English counts of the wanted words only, read a line at a time: the whole dictionary would
    cost the loading thread 19 MB, on top of the weights."""
    counts: dict[str, int] = {}
    total = 0
    top: list[tuple[int, str]] = []
    with dictionary_file().open(encoding="utf-8") as lines:
        for line in lines:
            word, _, number = line.partition(" ")
            count = int(number)
            total += count
            if word in wanted:
                counts[word] = count
            (heapq.heappush if len(top) < COMMON else heapq.heappushpop)(top, (count, word))
    return English(counts, total, frozenset(word for _, word in top))


def prompt_for(kb: KnowledgeBase, topics: int, health: int) -> str:
    """The prompt: the exercise and the content's topic groups, then `topics` topic words and
    `health` health words (none of either when 0)."""
    groups = ", ".join(label.replace("&", "and").lower() for label in kb.groups.values())
    parts = [f"Questions about the reverse hyperextension: {groups}."]
    if not topics and not health:
        return parts[0]
    concerns = load_concerns(kb)
    texts = [*concerns, *(text for entry in kb.entries.values() for text in (entry.title, *entry.ask))]
    english = load_english_counts({word for text in texts for word in _WORD.findall(text.lower())})
    if topics:
        parts.append(", ".join(topic_words(kb, english, topics)).capitalize() + ".")
    if health:
        parts.append(f"Health: {', '.join(health_words(kb, english, health, concerns))}.")
    return " ".join(parts)


def load_prompt(folder: Path, kb: KnowledgeBase, topics: int, health: int) -> str:
    """The prompt, read from `folder` when it was derived from the same inputs before, else derived
    and kept there."""
    path = folder / f"prompt-text-{inputs_digest(kb, topics, health)}.txt"
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        pass
    derived = run_in_child("voice.prompt", str(folder), str(topics), str(health), stdin=json.dumps(_content(kb)))
    if derived.returncode == 0:
        prompt = derived.stdout
    else:  # derived here instead, as before
        log.warning("deriving the prompt in a child process failed: %s", derived.stderr.strip()[-300:])
        prompt = prompt_for(kb, topics, health)
    save_quietly(path, prompt)
    return prompt


def _content(kb: KnowledgeBase) -> dict[str, object]:
    """What the prompt is derived from in the content, as JSON for the child (main)."""
    return {"groups": kb.groups, "entries": [[e.id, e.title, list(e.ask)] for e in kb.entries.values()]}


def inputs_digest(kb: KnowledgeBase, topics: int, health: int) -> str:
    """A hash of what the prompt is derived from: the word counts, the content's groups, titles and
    phrasings, the training data (the safety lexicon and examples), the dictionary and the code."""
    digest = hashlib.sha256(f"{topics} {health}\0".encode())
    texts = [*kb.groups.values(), *(text for e in kb.entries.values() for text in (e.id, e.title, *e.ask))]
    digest.update("\0".join(texts).encode("utf-8"))
    for path in (*sorted(DATA_DIR.glob("*.yaml")), *DERIVED_BY, dictionary_file()):
        with path.open("rb") as stream:  # a buffered file: typeshed's IO[bytes] just does not say so
            digest.update(path.name.encode() + hashlib.file_digest(stream, "sha256").digest())
    return digest.hexdigest()[:16]


def load_concerns(kb: KnowledgeBase) -> list[str]:
    """The curated safety examples that are a concern (doctor first or emergency)."""
    return [text for text, level in load_safety_examples() if level != "none"]


def topic_words(kb: KnowledgeBase, english: English, count: int) -> list[str]:
    """The `count` key words of the content's titles and phrasings, most characteristic first."""
    used = usage(text for entry in kb.entries.values() for text in (entry.title, *entry.ask))
    total = sum(used.uses.values())

    def keyness(word: str) -> float:
        return (used.uses[word] / total) / ((english.counts.get(word, 0) + SMOOTHING) / english.total)

    candidates = sorted((w for w in used.uses if used.texts[w] >= MIN_TEXTS), key=lambda w: (-keyness(w), w))
    return list(_singular_first(candidates))[:count]


def health_words(kb: KnowledgeBase, english: English, count: int, concerns: list[str] | None = None) -> list[str]:
    """The `count` words and two-word phrases the safety lexicon flags on their own, those most
    concerns use first; a word already named in a phrase is not named again."""
    lexicon = load_safety_lexicon()
    concerns = load_concerns(kb) if concerns is None else concerns
    used = usage([*concerns, *(text for entry in kb.entries.values() for text in entry.ask)])
    common = english.common
    terms = Counter({word: used.texts[word] for word in used.uses}) + phrases(concerns, common)
    flagged = [term for term in terms if lexicon.level(term) > Safety.NONE]
    ranked = sorted(flagged, key=lambda t: (-terms[t], -len(t.split()), english.counts.get(t, 0), t))
    chosen: list[str] = []
    for term in _singular_first(ranked):
        if not any(term in named.split() for named in chosen):
            chosen.append(term)
    return chosen[:count]


def phrases(texts: Iterable[str], common: AbstractSet[str]) -> Counter[str]:
    """In how many of the texts each two-word phrase without a common English word appears."""
    found: Counter[str] = Counter()
    for text in texts:
        words = [w for w in _WORD.findall(text.lower())]
        found.update({f"{a} {b}" for a, b in zip(words, words[1:])
                      if a not in common and b not in common and "'" not in a + b})
    return found


def _singular_first(words: Iterable[str]) -> Iterator[str]:
    """The words in order, without a plural (-s) or singular of one already given."""
    seen: set[str] = set()
    for word in words:
        stem = word.removesuffix("s")
        if stem not in seen:
            seen.add(stem)
            yield word


def main(argv: list[str] | None = None) -> int:
    """`python -m voice.prompt FOLDER TOPICS HEALTH`, the content (_content) on stdin: print the prompt,
    and keep its tokens in FOLDER (the int8 weights') for the bot to read."""
    folder, topics, health = argv if argv is not None else sys.argv[1:]
    content = json.load(sys.stdin)
    entries = {id_: Entry(id_, title, tuple(ask), "", ()) for id_, title, ask in content["entries"]}
    prompt = prompt_for(KnowledgeBase({}, entries, content["groups"]), int(topics), int(health))
    prompt_tokens(Path(folder), prompt)
    sys.stdout.write(prompt)
    return 0


if __name__ == "__main__":
    sys.exit(main())
