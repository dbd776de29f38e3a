"""Legal clocks (frister) for concerns.

- Children: the municipality assesses within 24 hours of receipt (barnets lov § 136).
- Children: a professional notifier gets confirmation of receipt within 6 working days (barnets lov § 138;
  a duty of barnets lov, so not for concerns about adults). Working days (hverdage): weekends and
  Danish public holidays (the `holidays` package) do not count. The deadline is the end of the sixth
  working day after the day of receipt, in Danish time.
"""

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays
from django.utils import timezone
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

DANISH = ZoneInfo("Europe/Copenhagen")
ASSESSMENT_HOURS = 24
RECEIPT_WORKING_DAYS = 6


@lru_cache(maxsize=32)
def _danish_holidays(year: int) -> frozenset[date]:
    return frozenset(holidays.country_holidays("DK", years=year).keys())


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and day not in _danish_holidays(day.year)


def add_working_days(start: date | datetime, n: int) -> date:
    """The date n working days after `start` (the start day itself does not count)."""
    day = start.astimezone(DANISH).date() if isinstance(start, datetime) else start
    counted = 0
    while counted < n:
        day += timedelta(days=1)
        if is_working_day(day):
            counted += 1
    return day


def end_of_day(day: date) -> datetime:
    """23:59:59 Danish time on `day`, as an aware datetime."""
    return datetime.combine(day, time(23, 59, 59), tzinfo=DANISH)


def assessment_deadline(received_at: datetime) -> datetime:
    return received_at + timedelta(hours=ASSESSMENT_HOURS)


def receipt_deadline(received_at: datetime) -> datetime:
    return end_of_day(add_working_days(received_at, RECEIPT_WORKING_DAYS))


def _duration_text(delta: timedelta) -> str:
    return _duration_words(get_language(), int(delta.total_seconds() // 60))


@lru_cache(maxsize=8192)
def _duration_words(language: str | None, minutes: int) -> str:
    """ "3 dage 4 timer" for a number of minutes in `language` (the active one): a queue page writes a hundred,
    each of two or three plural look-ups; the words for a given length never change."""
    days, rest = divmod(minutes, 24 * 60)
    hours, mins = divmod(rest, 60)
    if days:
        return (
            ngettext("%(n)d dag", "%(n)d dage", days) % {"n": days}
            + " "
            + (ngettext("%(n)d time", "%(n)d timer", hours) % {"n": hours})
        )
    if hours:
        return (
            ngettext("%(n)d time", "%(n)d timer", hours) % {"n": hours}
            + " "
            + (ngettext("%(n)d minut", "%(n)d minutter", mins) % {"n": mins})
        )
    return ngettext("%(n)d minut", "%(n)d minutter", mins) % {"n": mins}


@dataclass
class Clock:
    """One running (or stopped) deadline, ready to show: label, due time, remaining time, overdue flag."""

    kind: str  # "assessment" | "receipt"
    due_at: datetime
    stopped_at: datetime | None = None
    now: datetime | None = field(default=None, repr=False)

    def __post_init__(self):
        if self.now is None:
            self.now = timezone.now()

    @property
    def label(self) -> str:
        if self.kind == "assessment":
            return _("Vurdering inden 24 timer")
        return _("Kvittering inden 6 hverdage")

    @property
    def stopped(self) -> bool:
        return self.stopped_at is not None

    @property
    def overdue(self) -> bool:
        return not self.stopped and self.now > self.due_at

    @property
    def late(self) -> bool:
        """Stopped, but after the deadline."""
        return self.stopped and self.stopped_at > self.due_at

    @property
    def remaining(self) -> timedelta:
        return self.due_at - self.now

    @property
    def text(self) -> str:
        if self.stopped:
            return _("Overholdt") if not self.late else _("Overholdt for sent")
        if self.overdue:
            return _("Overskredet med %(d)s") % {"d": _duration_text(-self.remaining)}
        return _("%(d)s tilbage") % {"d": _duration_text(self.remaining)}
