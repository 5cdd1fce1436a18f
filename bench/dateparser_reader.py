"""dateparser as a schedule reader, for the side-by-side comparison in bench_when.py (bench only:
the bot does not depend on dateparser). Install with `pip install dateparser==1.5.0`."""

from __future__ import annotations

from datetime import datetime, tzinfo

import dateparser

from scheduler.reading import read_when


def read_with_dateparser(text: str, now: datetime, zone: tzinfo) -> dict[str, object]:
    """dateparser's one reading of a phrase (it has no recurrences and never asks)."""
    settings = {"RELATIVE_BASE": now.replace(tzinfo=None), "PREFER_DATES_FROM": "future",
                "RETURN_AS_TIMEZONE_AWARE": False}
    found = dateparser.parse(text, languages=["en"], settings=settings)  # type: ignore[arg-type]
    if found is None:
        return {"kind": "error", "hint": "dateparser found no date"}
    return {"kind": "once", "date": found.date().isoformat(), "time": f"{found:%H:%M}"}


def read_combined(text: str, now: datetime, zone: tzinfo) -> dict[str, object]:
    """Our reader, and dateparser only where ours finds no day or time at all."""
    ours = read_when(text, now, zone)
    if ours["kind"] == "error" and "couldn't find a day or a time" in str(ours["hint"]):
        theirs = read_with_dateparser(text, now, zone)
        return theirs if theirs["kind"] == "once" else ours
    return ours
