"""Check everything a curator edits: the content, the lexicon, the safety lexicon, the near-miss
topics and details, the training data, the safety check's words and the other languages' words. One line per problem, never a traceback."""

from __future__ import annotations

from pathlib import Path

from knowledge.details import load_details
from knowledge.languages import load_languages
from knowledge.loader import CONTENT_DIR, read_knowledge
from knowledge.model import ContentError, KnowledgeBase
from knowledge.normalize import LEXICON_PATH, load_lexicon
from knowledge.plan_cues import load_plan_cues
from knowledge.safety import load_safety_lexicon, load_safety_words
from knowledge.screening import load_screening_words
from knowledge.spelling import load_english
from knowledge.training import load_training


def check_curated(content_dir: Path = CONTENT_DIR) -> tuple[KnowledgeBase, list[str]]:
    """The content and every problem found in it and in the files the understanding layer reads."""
    kb, problems = read_knowledge(content_dir)
    for load in (lambda: load_lexicon(LEXICON_PATH), load_safety_lexicon, load_safety_words, load_screening_words, load_plan_cues,
                 lambda: load_languages(load_english())):
        try:
            load()
        except ContentError as exc:
            problems.append(str(exc))
    try:
        gaps, details = load_training(kb).gaps, load_details(check=True)
    except ContentError as exc:
        return kb, [*problems, str(exc)]
    problems += [f"details.yaml: {d.id}: offers '{offer}', which is not an entry"
                 for d in details.kinds for offer in d.offer if offer not in kb.entries]
    problems += [f"gaps.yaml: {gap.id}: offers '{offer}', which is not an entry"
                 for gap in gaps.values() for offer in gap.offer if offer not in kb.entries]
    problems += [f"gaps.yaml: {gap.id}: the id is also an entry's" for gap in gaps.values() if gap.id in kb.entries]
    return kb, problems
