"""Normalise a schedule phrase: lower case, spellings and typos fixed, number words as digits,
set phrases folded into single tokens the reader knows ("every other" -> "every 2")."""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from rapidfuzz.distance import OSA

DAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
DAYS = {name: i for i, name in enumerate(DAY_NAMES)} | {
    "mon": 0, "tue": 1, "tues": 1, "wed": 2, "weds": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4, "sat": 5, "sun": 6}
MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
               "november", "december")
MONTHS = {name: i for i, name in enumerate(MONTH_NAMES, 1)} | {
    name[:3]: i for i, name in enumerate(MONTH_NAMES, 1)} | {"sept": 9}
NUMBERS = {w: n for n, w in enumerate(
    ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
     "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"])} | {"thirty": 30, "forty": 40, "fifty": 50}
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "last": -1}
KEYWORDS = ("tomorrow", "tonight", "every", "weekdays", "weekends", "morning", "evening", "afternoon",
            "except", "o'clock", "minutes", "hours", "month", "weekly", "daily")
SPELLINGS = {
    "tmrw": "tomorrow", "tmr": "tomorrow", "tmrow": "tomorrow", "tomoz": "tomorrow", "2moro": "tomorrow",
    "2morrow": "tomorrow", "2mrw": "tomorrow", "tmw": "tomorrow", "morrow": "tomorrow", "tonite": "tonight",
    "2nite": "tonight", "nite": "night", "nites": "night", "2day": "today", "wknd": "weekends", "wknds": "weekends",
    "wkend": "weekends", "wkends": "weekends", "noonish": "12:00 pm", "arvos": "afternoon", "arvo": "afternoon", "tdy": "today", "evenings": "evening",
    "mornings": "morning", "afternoons": "afternoon", "nights": "night", "mins": "minutes", "min": "minutes",
    "minute": "minutes", "hrs": "hours", "hr": "hours", "hour": "hours", "h": "hours", "days": "day",
    "weeks": "week", "wk": "week", "wks": "week", "months": "month", "each": "every", "evry": "every",
    "everyday": "every day", "weekday": "weekdays", "workdays": "weekdays", "workday": "weekdays",
    "weekend": "weekends", "weeknights": "weekdays night", "weeknight": "weekdays night", "a.m.": "am", "p.m.": "pm", "a.m": "am", "p.m": "pm", "noon": "12:00 pm",
    "midday": "12:00 pm", "midnight": "00:00", "twice": "2 times", "thrice": "3 times", "x": "times",
    "fortnightly": "every 2 week", "biweekly": "every 2 week", "bi-weekly": "every 2 week", "fortnight": "2 week", "oclock": "o'clock",
    "thx": "", "pls": "", "please": "", "plz": "", "othr": "other", "oter": "other", "evey": "every",
}
# Day names and time words of other languages (es, pt, fr, it, de), accents already folded: the day names
# ("lunes", "jeudi", "mittwoch"; German "-s" as a plural, "montags" every Monday) and the few words around them
# ("a las", "um", "alle", "de la tarde", "todos los dias", "cada dos dias", "el 1 de cada mes").
FOREIGN = {
    "lunes": "monday", "martes": "tuesday", "miercoles": "wednesday", "jueves": "thursday", "viernes": "friday",
    "sabado": "saturday", "domingo": "sunday", "segunda": "monday", "terca": "tuesday", "quarta": "wednesday",
    "quinta": "thursday", "sexta": "friday", "lundi": "monday", "mardi": "tuesday", "mercredi": "wednesday",
    "jeudi": "thursday", "vendredi": "friday", "samedi": "saturday", "dimanche": "sunday", "lunedi": "monday",
    "martedi": "tuesday", "mercoledi": "wednesday", "giovedi": "thursday", "venerdi": "friday", "sabato": "saturday",
    "domenica": "sunday", "montag": "monday", "dienstag": "tuesday", "mittwoch": "wednesday", "donnerstag": "thursday",
    "freitag": "friday", "samstag": "saturday", "sonntag": "sunday", "montags": "mondays", "dienstags": "tuesdays",
    "mittwochs": "wednesdays", "donnerstags": "thursdays", "freitags": "fridays", "samstags": "saturdays",
    "sonntags": "sundays", "y": "and", "und": "and", "et": "and", "e": "and", "alle": "at", "um": "at",
    "uhr": "o'clock", "manana": "tomorrow", "morgen": "tomorrow", "demain": "tomorrow", "domani": "tomorrow",
    "hoy": "today", "heute": "today", "oggi": "today", "morgens": "morning", "matin": "morning", "mattina": "morning",
    "tarde": "evening", "noche": "night", "soir": "evening", "abends": "evening", "abend": "evening", "sera": "evening",
    "nachmittags": "afternoon", "cada": "every", "ogni": "every", "todos": "every", "dias": "day", "dia": "day",
    "giorni": "day", "jours": "day", "tage": "day", "mes": "month", "mois": "month", "mese": "month", "dos": "2",
    "porfa": "", "bitte": "", "stp": "",
}
FOREIGN_PHRASES = (
    (r"\b(?:por|de|en) la tomorrow\b|\bdu morning\b|\bdi morning\b|\bam morning\b", "morning"),
    (r"\bde la (evening|night)\b|\bdu (evening)\b|\bdi (evening)\b", r"\1\2\3"), (r"\bevery los day\b", "every day"),
    (r"\bel (\d{1,2}) de (?:every|each) month\b", r"the \1 of every month"), (r"\ba las? (\d{1,2})\b", r"at \1"),
)
PHRASES = (
    (r"\bday after (?:tomorrow|tmrw|tmr)\b|\bovermorrow\b", "dayaftertomorrow"),
    (r"\bevery single\b", "every"), (r"\bevery 24 hours\b", "every day"), (r"\bevery 48 hours\b", "every 2 day"),
    (r"\bevery 72 hours\b", "every 3 day"), (r"\bo ?'? ?clock\b", "o'clock"), (r"\bevery (?:other|second|alternate)\b", "every 2"),
    (r"\bevery (\d+)(?:st|nd|rd|th) (day|week)", r"every \1 \2"), (r"\bevery third (day|week)", r"every 3 \1"),
    (r"\b(half|quarter) ?-?(past|to)\b", r"\1 \2"), (r"(\d)ish\b", r"\1"), (r"\b([a-z/]{2,})-ish\b", r"\1"), (r"\bhalf (\d{1,2})\b(?![:.]| ?(?:hours|minutes|day|week|month|times|past|to|am|pm)\b)", r"half past \1"), (r"\b(\d) ?x\b", r"\1 times"), (r"\bevery (\d+) weekends\b", r"every \1 week weekends"),
    (r"\b(?:on )?alternate days?\b", "every 2 day"), (r"\b(?:a|one) 2 week\b", "2 week"), (r"\blabou?r day\b", "laborday"), (r"\bmemorial day\b", "memorialday"),
    (r"\b(?:a|one) week from (?:today|now)\b", "in 1 week"), (r"\b(\d+) (day|week)s? from (?:today|now)\b", r"in \1 \2"),
    (r"\bin (?:an|a|1) (hours|day|week) and a half\b", r"in 1.5 \1"), (r"\bin half an? hours\b", "in 0.5 hours"),
    (r"\bin (\d+) and a half (hours|day)\b", r"in \1.5 \2"), (r"\bin an? (hours|day|week|minutes)\b", r"in 1 \1"),
    (r"\bnew years? eve\b", "newyearseve"), (r"\bnew years?(?: day)?\b", "newyearsday"),
    (r"\bchristmas eve\b|\bxmas eve\b", "christmaseve"), (r"\b(?:christmas|xmas)(?: day)?\b", "christmasday"),
    (r"\bboxing day\b", "boxingday"), (r"\bvalentines?(?: day)?\b", "valentinesday"),
    (r"\bhalloween\b", "halloween"), (r"\bst patricks?(?: day)?\b", "stpatricksday"),
    (r"\b(?:independence day|(?:the )?(?:4th|fourth) of july)\b", "independenceday"),
    (r"\bthanksgiving\b", "thanksgiving"), (r"\beaster(?: sunday)?\b", "eastersunday"),
    (r"\bafter work\b|\bafter school\b|\bafter dinner\b", "afternoon_pm"),
    (r"\bbefore work\b|\bbefore breakfast\b|\bfirst thing\b", "morning"),
    (r"\ball week(?: long)?\b|\b(?:7|seven) days a week\b|\bevery day of the week\b", "daily"),
    (r"(?<=[a-z]) n (?=[a-z])", " and "),  # "tues n thurs"
    (r"\bthis (morning|afternoon|evening)\b", r"today \1"), (r"\blunch ?time\b|\bat lunch\b", "lunch"), (r"\beve\b", "evening"),
)
PLURAL_PARTS = frozenset({"mornings", "evenings", "afternoons", "nights", "arvos", "nites"})
VOCABULARY = (*DAY_NAMES, *MONTH_NAMES, *KEYWORDS, "first", "third", "fourth")
_NOT_READ = r"[^a-z0-9:./'@\-, ]"  # what `normalise` blanks out, then a stop after a word and every comma
_STOPS = r"(?<=[a-z])[.,](?=\s|$)|,"
_TENS = r"\b(twenty|thirty|forty|fifty)[ -](one|two|three|four|five|six|seven|eight|nine)\b"
_NUMBER_WORD = r"\b(" + "|".join(NUMBERS) + r")\b"
# "one" naming a plan or session ("the saturday one", "that one", "the 7am one"), not an hour: it is dropped
_PRONOUN_ONE = (r"\b((?:the|this|that|which|other|another|same|early|late|new|old|morning|evening|afternoon|night|weekend"
                r"|weekends|(?:mon|tues?|wed|weds|thurs?|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?|\d{1,2}(?::\d\d)? ?[ap]m|\d{1,2}:\d\d) )one\b"
                r"(?! ?(?:o'clock|thirty|fifteen|forty|[ap]m|hours|minutes|day|week|month|times)\b)")
# A time typed with no colon ("630", "730pm"): read as one only where a time is named, after "at", "to" or a
# weekday, or before am/pm, the part of the day (a recognizer's "Friday, 615 in the morning") or what a plan is called
# ("the 630 one"); never a count ("to 100 reps", "150 kg").
_NOT_COUNTED = r"(?![\d:.,/])(?!\s*(?:%|reps?|sets?|kgs?|kilos?|lbs?|pounds?|mins?|minutes?|secs?|seconds?|x|times|days?|weeks?|months?|years?|steps|m|km|miles?)\b)"
_COMPACT_TIMES = (re.compile(r"(?<![\d:.,/])\b([1-9])([0-5]\d)(?=\s*(?:[ap]\.?m\b|[ap]\b|instead\b|ones?\b|plans?\b|sessions?\b"
                             r"|workouts?\b|class(?:es)?\b|training\b|in the (?:morning|evening|afternoon|night)\b|at night\b|tonight\b))",
                             re.IGNORECASE),
                  re.compile(r"(?:(?<=\bat )|(?<=\bto )|(?<=@)|(?<=\bby )|(?<=\bit )|(?<=\baround )|(?<=\buntil )|(?<=\btill )"
                             r"|(?<=\bone )|(?<=->)|(?<=-> )|(?<=(?:mon|tue|wed|thu|fri|sat|sun) )|(?<=day )|(?<=days )|(?<=tues )|(?<=thurs )|(?<=weds ))"
                             r"([1-9])([0-5]\d)" + _NOT_COUNTED, re.IGNORECASE))


def with_colons(text: str) -> str:
    """A message with its times typed without a colon written with one ("move it to 630": "move it to 6:30")."""
    for pattern in _COMPACT_TIMES:
        text = pattern.sub(r"\1:\2", text)
    return text


def normalise(text: str) -> str:
    """The phrase in the reader's vocabulary."""
    text = _folded(with_colons(text).lower().replace("’", "'").replace("'s ", "s "))
    text = _regex(_NOT_READ).sub(" ", text.replace("+", " and ").replace("&", " and "))
    text = _regex(_STOPS).sub(" ", text)
    typed = text.split()
    tokens = [_fix(token) for token in typed]
    for i in range(1, len(tokens)):  # "sat mornings", "thrusday evenings": that day every week
        if typed[i] in PLURAL_PARTS and tokens[i - 1] in DAYS:
            tokens[i - 1] += "s"
    text = " ".join(t for t in tokens if t)
    text = _regex(_PRONOUN_ONE).sub(r"\1", text)
    text = _regex(_TENS).sub(lambda m: str(NUMBERS[m[1]] + NUMBERS[m[2]]), text)
    text = _regex(_NUMBER_WORD).sub(lambda m: str(NUMBERS[m[1]]), text)
    for pattern, replacement in (*FOREIGN_PHRASES, *PHRASES):
        text = _regex(pattern).sub(replacement, text)
    return " ".join(text.split())


def _folded(text: str) -> str:
    """The text with accents taken off letters ("miércoles", "mañana", "à"): the other languages' words are kept."""
    if text.isascii():
        return text
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


@cache
def _regex(pattern: str) -> re.Pattern[str]:
    """One of `normalise`'s patterns, compiled the first time it is needed (or by `warm_up`), not at import."""
    return re.compile(pattern)


def warm_up() -> None:
    """Compile `normalise`'s patterns now, which the first schedule read would do (a started bot's warm-up)."""
    for pattern in (_NOT_READ, _STOPS, _PRONOUN_ONE, _TENS, _NUMBER_WORD, *(p for p, _ in (*FOREIGN_PHRASES, *PHRASES))):
        _regex(pattern)


def _fix(token: str) -> str:
    """One token's usual spelling: SPELLINGS, plural day names, and near misses of day, month and
    key words ("wensday", "thurdays", "tomorow")."""
    if token in SPELLINGS:
        return SPELLINGS[token]
    if token in FOREIGN:
        return FOREIGN[token]
    if len(token) < 5 or not token.isalpha() or token in DAYS or token in MONTHS or token in NUMBERS:
        return token
    return _closest(token)


@cache
def _closest(token: str) -> str:
    """The vocabulary word within two edits (one for short words) with the same first letter, or the token."""
    stem = token.removesuffix("s")
    best, distance = token, 3
    for word in VOCABULARY:
        if word[0] != token[0] or abs(len(word) - len(stem)) > 2:
            continue
        plural = stem != token and word in DAYS
        d = OSA.distance(stem if plural else token, word, score_cutoff=2)  # a swap of two letters is one edit
        if d < distance and (d <= 1 or len(word) >= 7):
            best, distance = word + ("s" if plural else ""), d
    return best
