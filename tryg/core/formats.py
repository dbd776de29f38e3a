"""One way to write dates for people: "2. december 2026" and "2. december 2026 kl. 14.05", in Danish time.

Templates use the `dato` and `dato_tid` template filters of core; texts written by services
(notifications, timeline events) use these functions, so a date reads the same everywhere."""

from datetime import date, datetime

from django.utils import timezone
from django.utils.formats import date_format

DATE = "j. F Y"
DATETIME = "j. F Y \\k\\l. H.i"


def date_text(value: date | datetime | None) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = timezone.localtime(value) if timezone.is_aware(value) else value
    return date_format(value, DATE)


def datetime_text(value: datetime | None) -> str:
    if value is None:
        return ""
    if not isinstance(value, datetime):
        return date_text(value)
    value = timezone.localtime(value) if timezone.is_aware(value) else value
    return date_format(value, DATETIME)
