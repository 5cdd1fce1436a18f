"""bench_when's zone check runs on the real /timezone screen: a typed place is never saved before
the user confirms it (the bench called a planning entry point that no longer exists)."""

from __future__ import annotations

import pytest

from bench.bench_when import saved_silently, zone_verdict


@pytest.mark.parametrize("place", ["Portland", "Berlin", "UTC+5:30", "banana"])
def test_a_typed_place_is_saved_by_no_bench_run(place):
    assert saved_silently(place) is None


def test_a_no_place_item_is_right_only_with_nothing_found():
    assert zone_verdict("none", None, []) == "right" and zone_verdict("none", "Europe/Berlin", []) == "wrong"
