"""How the bot reads typed replies to its yes/no questions, through the core at the real steps.

Usage: python bench/bench_replies.py SET.yaml [--show]   (e.g. bench/replies_dev.yaml)

Each item is a new user brought to the item's step, who then types the reply; what the step did
decides the reading:
- save_plan ("Save this plan?" after Mon Wed Fri 7am): a plan saved → yes; back to the picker, or the
  plan thrown away ("scrap it", ✖️ typed: not saved, as asked) → no; anything else (an edit, a question answered, asked again) → other;
- zone_guess ("Portland … Right?", Maine and Texas offered): the guessed zone saved → yes; the
  other places offered again → no; anything else → other;
- forget (/forget) and cancel_plan (the plan's cancel button in /sessions): erased / cancelled → yes,
  kept → no, the question still open → other;
- health: the safety check's reading, as bench/bench_screening.py takes it (yes and unsure flag).
Printed per `at` and `at:expect`: the count right, and the count of **dangerous** readings: an
`other` read as yes or no, a yes read as no or the reverse (unsure counts as yes at health).
--show lists the wrong readings of a development set. Sets named *unseen* are frozen: totals only.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run as a script from anywhere

from bench.bench_screening import label, reading, tap  # noqa: E402
from bot.composition import assemble, build_understanding  # noqa: E402
from bot.core.coach import Coach  # noqa: E402
from bot.core.messages import Inbound, InboundKind, Reply  # noqa: E402
from bot.features.planning import texts as t  # noqa: E402
from bot.features.privacy.records import FORGOTTEN, KEPT  # noqa: E402
from bot.features.screening.store import ScreeningStore  # noqa: E402
from bot.settings import load_settings  # noqa: E402
from bot.storage.database import open_database  # noqa: E402

NOW = datetime(2026, 11, 21, 9, 30, tzinfo=UTC)  # a Saturday morning
GUESS = "America/Los_Angeles"  # "Portland" reads as Portland, Oregon, with Maine and Texas offered
Step = Callable[[Coach, int, str], str]


def say(coach: Coach, user: int, text: str) -> list[Reply]:
    """One typed message from `user`."""
    return coach.handle(Inbound(user, InboundKind.TEXT, text))


def green(coach: Coach, user: int) -> None:
    """Take the safety check answering no to every question (a green result)."""
    say(coach, user, "/screen")
    say(coach, user, "ok")
    for _ in range(15):
        say(coach, user, "no")


def at_confirmation(coach: Coach, user: int) -> None:
    """A green user in Berlin, goal strength, shown "Save this plan?" for Mon Wed Fri 7am."""
    green(coach, user)
    say(coach, user, "/plan")
    tap(coach, user, say(coach, user, "Berlin")[-1], "✅")
    say(coach, user, "strength")
    say(coach, user, "mon wed fri 7am")


def save_plan(coach: Coach, user: int, text: str) -> str:
    """Saved → yes, back to the picker or thrown away → no, else other."""
    at_confirmation(coach, user)
    replies = say(coach, user, text)
    if coach.plans.load_plans(user):
        return "yes"
    said = replies[-1].text if replies else ""
    return "no" if said.startswith("Okay, what should change?") or said == t.PLAN_CANCELLED else "other"


def zone_guess(coach: Coach, user: int, text: str) -> str:
    """The guess saved → yes, the other places offered again → no, else other."""
    green(coach, user)
    say(coach, user, "/plan")
    say(coach, user, "Portland")
    replies = say(coach, user, text)
    if coach.plans.load_profile(user).zone == GUESS:
        return "yes"
    return "no" if any(r.text == t.ZONE_WHICH for r in replies) else "other"


def forget(coach: Coach, user: int, text: str) -> str:
    """Erased → yes, kept → no, still asking → other."""
    green(coach, user)
    say(coach, user, "/forget")
    return confirmed(say(coach, user, text), FORGOTTEN.text, KEPT.text)


def cancel_plan(coach: Coach, user: int, text: str) -> str:
    """Cancelled → yes, kept → no, still asking → other."""
    at_confirmation(coach, user)
    say(coach, user, "yes")
    tap(coach, user, say(coach, user, "/sessions")[-1], "🗑 Cancel plan")
    return confirmed(say(coach, user, text), "Plan cancelled", "Okay, the plan stays.")


def confirmed(replies: list[Reply], yes: str, no: str) -> str:
    """Which of a confirmation's two outcomes the replies show, if either."""
    texts = [r.text for r in replies]
    if any(x.startswith(yes) for x in texts):
        return "yes"
    return "no" if any(x.startswith(no) for x in texts) else "other"


def health(store: ScreeningStore) -> Callable[[Coach, int, str, str], str]:
    """The safety check's reading of a reply at one question (flag → yes, which unsure also gives)."""
    def read(coach: Coach, user: int, text: str, question: str) -> str:
        found = reading(coach, store, user, question, text)
        return "yes" if found == "flag" else found
    return read


STEPS: dict[str, Step] = {"save_plan": save_plan, "zone_guess": zone_guess, "forget": forget, "cancel_plan": cancel_plan}


def right(at: str, expect: str, read: str) -> bool:
    """Whether the step did what the writer's label asks for (at health, unsure flags as yes does)."""
    return read == ("yes" if at == "health" and expect == "unsure" else expect)


def dangerous(at: str, expect: str, read: str) -> bool:
    """A non-answer taken as yes or no, or a yes taken as no or the reverse."""
    wanted = "yes" if at == "health" and expect == "unsure" else expect
    return (wanted == "other" and read in ("yes", "no")) or {wanted, read} == {"yes", "no"}


def measure(path: Path, show: bool) -> None:
    """Print the count right and the dangerous readings, per `at` and `at:expect`."""
    understanding = build_understanding(load_settings())
    items = yaml.safe_load(path.read_text(encoding="utf-8"))
    db = open_database(":memory:")
    coach, store = assemble(understanding, db, lambda: NOW), ScreeningStore(db)
    at_health = health(store)
    total: Counter[str] = Counter()
    good: Counter[str] = Counter()
    bad: Counter[str] = Counter()
    show = show and "unseen" not in path.name  # frozen sets: totals only
    for user, item in enumerate(items, start=1):
        at, expect, text = str(item["at"]), label(item["expect"]), str(item["text"])
        question = str(item.get("question", "")).split(":")[0]
        read = at_health(coach, user, text, question) if at == "health" else STEPS[at](coach, user, text)
        for key in ("all", at, f"{at}:{expect}"):
            total[key] += 1
            good[key] += right(at, expect, read)
            bad[key] += dangerous(at, expect, read)
        if show and not right(at, expect, read):
            print(f"  {at}:{expect} read {read}{' DANGEROUS' if dangerous(at, expect, read) else ''}: {text!r}")
    print(f"== {path.name}: {good['all']}/{total['all']} right, {bad['all']} dangerous")
    for key in sorted(total):
        print(f"{key:22} {good[key]:4}/{total[key]:<4} {100 * good[key] / total[key]:5.1f}%  dangerous {bad[key]}")


def main() -> None:
    """Measure each set given."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sets", nargs="+", type=Path)
    parser.add_argument("--show", action="store_true", help="list the wrong readings (development sets only)")
    args = parser.parse_args()
    for path in args.sets:
        measure(path, args.show)


if __name__ == "__main__":
    main()
