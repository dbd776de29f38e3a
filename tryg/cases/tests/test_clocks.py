"""Legal clocks: 24 hours to assess (children), 6 working days to confirm receipt (holidays excluded)."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from tryg.cases import clocks

from .helpers import make_concern

CPH = ZoneInfo("Europe/Copenhagen")


def test_it_skips_weekends():
    assert clocks.add_working_days(date(2026, 3, 6), 1) == date(2026, 3, 9)  # Friday -> Monday


def test_it_skips_easter_for_a_concern_received_the_day_before_maundy_thursday():
    # Wednesday 1 April 2026; Maundy Thursday, Good Friday, the weekend and Easter Monday do not count.
    received = datetime(2026, 4, 1, 14, 0, tzinfo=CPH)
    assert clocks.add_working_days(received, 1) == date(2026, 4, 7)
    assert clocks.receipt_deadline(received) == datetime(2026, 4, 14, 23, 59, 59, tzinfo=CPH)


def test_it_skips_christmas_and_new_year():
    assert clocks.add_working_days(date(2026, 12, 23), 2) == date(2026, 12, 28)
    assert not clocks.is_working_day(date(2027, 1, 1))


def test_the_assessment_deadline_is_24_hours_even_over_a_holiday():
    received = datetime(2026, 4, 2, 9, 30, tzinfo=CPH)
    assert clocks.assessment_deadline(received) == received + timedelta(hours=24)


def test_a_clock_reports_remaining_and_overdue_time():
    due = datetime(2026, 5, 4, 12, 0, tzinfo=CPH)
    running = clocks.Clock("assessment", due, now=due - timedelta(hours=3, minutes=5))
    assert not running.overdue and running.text == "3 timer 5 minutter tilbage"
    late = clocks.Clock("assessment", due, now=due + timedelta(days=1, hours=2))
    assert late.overdue and late.text == "Overskredet med 1 dag 2 timer"
    stopped = clocks.Clock("receipt", due, stopped_at=due - timedelta(hours=1), now=due + timedelta(days=3))
    assert not stopped.overdue and stopped.text == "Overholdt"


@pytest.mark.django_db
def test_a_concern_received_before_easter_gets_its_receipt_deadline_after_easter(cast, routing):
    concern = make_concern(cast, received_at=datetime(2026, 4, 1, 10, 0, tzinfo=CPH))
    assert concern.receipt_due_at.astimezone(CPH).date() == date(2026, 4, 14)
    assert concern.assessment_due_at == datetime(2026, 4, 2, 10, 0, tzinfo=CPH)


@pytest.mark.django_db
def test_partners_and_adults_get_only_the_clocks_that_apply(cast, routing):
    adult = make_concern(cast, target_group="adult")
    # Both clocks are duties of barnets lov (§§ 136 and 138): a concern about an adult starts neither.
    assert adult.assessment_due_at is None and adult.receipt_due_at is None
    from_partner = make_concern(cast, actor="partner")
    assert from_partner.source == "partner" and from_partner.receipt_due_at is None
    assert from_partner.assessment_due_at is not None
