"""A time said for some of a weekly draft's days only ("move thursday to 7pm" over Tue and Thu at 18:30) keeps every day
at a time: a plan keeps one time for all its days, and taking the edit as typed dropped the other days unasked (a user
who skimmed and tapped Save lost a training day); those days are taken off the draft and shown as a second plan of
their own right after it is saved (2026-12-05: before, the draft was kept whole with a note saying how to choose)."""

from __future__ import annotations

from tests import test_planning, test_telegram_adapter
from tests.conftest import message_update
from tests.test_telegram_adapter import feed

planned, tg = test_planning.planned, test_telegram_adapter.tg  # fixtures shared with those tests


def test_a_time_for_one_day_of_a_draft_takes_it_off_as_a_second_plan(planned):
    planned("/plan every tue and thu 6:30pm")
    asked = planned("move thursday to 7pm")[0].text
    assert "One plan keeps one time" in asked and "every Tue at 18:30" in asked
    assert "Thu at 19:00 will be a plan of its own" in asked


def test_the_other_days_kept_at_their_time_are_named_when_only_they_were_read(planned):
    planned("/plan every tue and thu 6:30pm")
    asked = planned("tuesday 6:30 is fine but thursday needs to be 7")[0].text
    assert "One plan keeps one time" in asked and "every Tue, Thu at 18:30" in asked and '"only Tue"' in asked


def test_the_days_said_with_only_change_the_draft(planned):
    planned("/plan every tue and thu 6:30pm")
    assert "every Thu at 19:00" in planned("only thu at 7pm")[0].text


def test_the_time_alone_moves_every_day(planned):
    planned("/plan every tue and thu 6:30pm")
    moved = planned("make it 19:00")[0].text
    assert "every Tue, Thu at 19:00" in moved and "I took" not in moved  # 19:00 says which 7 it is


async def test_a_time_for_one_day_of_a_draft_over_telegram(planned, tg):
    planned("/plan every tue and thu 6:30pm")
    app, request = tg
    await feed(app, message_update("move thursday to 7pm"))
    assert "Thu at 19:00 will be a plan of its own" in request.texts()[-1] and "every Tue at 18:30" in request.texts()[-1]
