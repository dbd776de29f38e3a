"""One way to write dates for people: "2. december 2026" and "2. december 2026 kl. 14.05", in Danish time.

Templates use the `dato` and `dato_tid` template filters of core; texts written by services
(notifications, timeline events) use these functions, so a date reads the same everywhere."""

from datetime import date, datetime
from functools import lru_cache

from django.utils import timezone
from django.utils.dates import MONTHS
from django.utils.translation import get_language

# The formats, as Django's date format strings (what `date_format(value, DATE)` would be given). The functions
# below write exactly that without going through Django's formatter per value: a list page writes hundreds of
# dates, and the formatter's month-name translation and parsing of the format string cost ~20 µs each.
DATE = "j. F Y"
DATETIME = "j. F Y \\k\\l. H.i"


@lru_cache(maxsize=16)
def _month_names(language: str | None) -> tuple[str, ...]:
    return ("", *(str(MONTHS[n]) for n in range(1, 13)))


def date_text(value: date | datetime | None, language: str | None = None) -> str:
    """`language`: the active language, when the caller already knows it (a list writes hundreds of dates)."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = timezone.localtime(value) if timezone.is_aware(value) else value
    return f"{value.day}. {_month_names(language or get_language())[value.month]} {value.year}"


def datetime_text(value: datetime | None, language: str | None = None) -> str:
    if value is None:
        return ""
    if not isinstance(value, datetime):
        return date_text(value, language)
    value = timezone.localtime(value) if timezone.is_aware(value) else value
    month = _month_names(language or get_language())[value.month]
    return f"{value.day}. {month} {value.year} kl. {value.hour:02d}.{value.minute:02d}"
