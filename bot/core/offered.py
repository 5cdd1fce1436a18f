"""A typed yes to the one thing the last reply offered with a button ("please take the short safety check" [🩺 Take the
safety check] -> "ok lets do it"): people type where they could tap. The offers are the buttons features register as
taken by a yes (Kit.offers: never one that claims something, such as a professional's review); the last reply's one
such button stands until the next reply (for storage.users.OFFER_TTL at most), and only a plain yes with no dialogue
open takes it (a yes in a dialogue answers its step)."""

from __future__ import annotations

from collections.abc import Collection, Sequence

from bot.core.messages import Reply


def offered_entry(replies: Sequence[Reply], offers: Collection[str]) -> str | None:
    """The data of the one button of `offers` in the last reply, else None."""
    if not replies:
        return None
    offered = [button.data for button in replies[-1].button_list() if button.data in offers]
    return offered[0] if len(offered) == 1 else None
