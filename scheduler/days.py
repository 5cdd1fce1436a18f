"""Read which weekdays a normalised phrase names: names, abbreviations (mwf, tth, m/w/f, tu/th,
mo-fr), groups (weekdays, weekends, every day), ranges (mon-fri, monday to friday) and exclusions
(every day except sunday, daily but not weekends)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from scheduler.words import DAYS

SHORT = {"mo": 0, "tu": 1, "we": 2, "th": 3, "fr": 4, "sa": 5, "su": 6, "m": 0, "w": 2, "r": 3, "f": 4, "u": 6}
COMPACT = re.compile(r"^(?:tu|th|sa|su|m|t|w|r|f)+$")
NOT_DAYS = {"tu", "th", "sa", "su", "ft", "mm", "wtf", "sum", "mr", "rt", "tm", "fm", "sumt"}  # words, not day letters
COMPACT_PART = re.compile(r"tu|th|sa|su|m|t|w|r|f")
GROUPS = {"weekdays": range(5), "weekends": (5, 6), "daily": range(7)}
EXCEPT = re.compile(r"\b(?:except(?: for| on)?|but not(?: on)?|apart from|excluding|other than|besides|not on|"
                    r"but|minus|without|skip(?:ping)?|no)\b")
CORRECTION = re.compile(r"^(?:no+|nope|nah)\s+(?:wait\s+|sorry\s+|i meant\s+|make it\s+)*")  # "no wait, thursdays": no exclusion
RANGE = re.compile(r"^(\S+?)\s*(?:-|to|through|thru|til|till|until)\s*(\S+)$")
ALL_DAY_WORDS = re.compile(r"\bevery (?:day|morning|evening|night|afternoon|afternoon_pm)\b")


@dataclass(frozen=True)
class Days:
    """The weekdays named and whether they repeat (every / plural / several / a group)."""

    days: frozenset[int]
    recurring: bool


def find_days(words: str) -> Days:
    """The weekdays in the phrase, after exclusions."""
    parts = EXCEPT.split(CORRECTION.sub("", words), maxsplit=1)
    head = parts[0]
    include, plural = _named(head)
    if len(parts) > 1 and not include and not ALL_DAY_WORDS.search(head) and not _named(" ".join(parts[1].split()[:1]))[0]:
        parts, head = [words], words  # "my shifts are weird but im free tuesdays": no day before "but" nor right after it
        include, plural = _named(head)
    if ALL_DAY_WORDS.search(head):
        include |= set(range(7))
    if len(parts) > 1:
        exclude, _ = _named(parts[1])
        if include and exclude:
            include -= exclude
    tokens = set(words.split())
    recurring = bool(include) and (plural or len(include) > 1 or "every" in tokens or "weekly" in tokens
                                   or bool(tokens & set(GROUPS)))
    return Days(frozenset(include), recurring)


def _named(words: str) -> tuple[set[int], bool]:
    """Days named in a stretch of words, and whether one was plural ("mondays")."""
    found: set[int] = set()
    plural = False
    tokens = _join_letters(words.split())
    for i, token in enumerate(tokens):
        if token in GROUPS:
            found |= set(GROUPS[token])
            continue
        nxt = tokens[i + 1: i + 3]
        if len(nxt) == 2 and nxt[0] in ("to", "through", "thru", "til", "till", "until"):
            span = _range(token, nxt[1])
            if span:
                found |= span
                continue
        days, many = _token_days(token)
        found |= days
        plural = plural or many
    return found, plural


def _join_letters(tokens: list[str]) -> list[str]:
    """Spaced short forms as one token: "m w f" -> "m/w/f" (two or more in a row)."""
    out: list[str] = []
    run: list[str] = []
    for token in [*tokens, ""]:
        if token in SHORT or token == "t":
            run.append(token)
            continue
        out += ["/".join(run)] if len(run) > 1 else run
        run = []
        out.append(token)
    return out[:-1]


def _token_days(token: str) -> tuple[set[int], bool]:
    """Days in one token: "monday", "mondays", "mon-fri", "tu/th", "mwf"."""
    if token in DAYS:
        return {DAYS[token]}, False
    if token.endswith("s") and token[:-1] in DAYS:
        return {DAYS[token[:-1]]}, True
    match = RANGE.match(token)
    if match and "-" in token:
        return _range(match[1], match[2]) or set(), False
    if "/" in token:
        pieces = [p for p in token.split("/") if p]
        days = [_abbreviation(p) for p in pieces]
        if len(pieces) > 1 and all(d is not None for d in days):
            return {d for d in days if d is not None}, False
    if len(token) >= 2 and COMPACT.match(token) and token not in NOT_DAYS:
        return _compact(token), False
    return set(), False


def _abbreviation(piece: str) -> int | None:
    """One day from a name or a short form in a list ("tu" in "tu/th")."""
    if piece in DAYS:
        return DAYS[piece]
    if piece.endswith("s") and piece[:-1] in DAYS:
        return DAYS[piece[:-1]]
    return SHORT.get(piece, 1 if piece == "t" else None)


def _compact(token: str) -> set[int]:
    """"mwf" -> Mon Wed Fri; "tth" -> Tue Thu; a lone "t" is Tuesday until Tuesday is taken."""
    days: list[int] = []
    for part in COMPACT_PART.findall(token):
        day = SHORT.get(part, 1 if part == "t" and (not days or max(days) < 1) else 3)
        days.append(day)
    return set(days)


def _range(start: str, end: str) -> set[int] | None:
    """"mon" .. "fri" as the days between, wrapping past Sunday."""
    first, last = _abbreviation(start), _abbreviation(end)
    if first is None or last is None:
        return None
    return set(range(first, last + 1)) if first <= last else {*range(first, 7), *range(last + 1)}
