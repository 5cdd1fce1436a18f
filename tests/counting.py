"""A call counter for tests that show work left undone (issue 11 point 6, latency): the real call is still made."""

from __future__ import annotations

from typing import Any

import pytest


def count_calls(monkeypatch: pytest.MonkeyPatch, owner: Any, name: str, seen: list[Any]) -> None:
    """Record each call of owner.name (its arguments) in `seen`, the call still made."""
    real = getattr(owner, name)

    def counting(*args: Any, **kwargs: Any) -> Any:
        seen.append(args)
        return real(*args, **kwargs)
    monkeypatch.setattr(owner, name, counting)
