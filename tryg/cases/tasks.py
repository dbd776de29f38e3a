"""Background tasks (django-tasks; the database backend runs them in `manage.py db_worker`).

`manage.py cases_daily` enqueues the reminder and retention tasks; cron runs it once a day (e.g. 02:00):
    0 2 * * *  cd /srv/tryg && .venv/bin/python manage.py cases_daily
Reminders are also worth running hourly for the 24-hour clock: `manage.py cases_daily --reminders-only`.
"""

from datetime import timedelta

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from tryg.core.formats import date_text, datetime_text

from . import clocks
from .models import Case, Concern, Task
from .notifications import notify, send_notification_emails, unit_caseworkers
from .services import case_anonymise

__all__ = ["anonymise_expired_cases", "send_deadline_reminders", "send_notification_emails"]

ASSESSMENT_WARNING = timedelta(hours=4)


def _notify(users, text, url):
    notify(users, text=text, url=url)


@task()
def send_deadline_reminders() -> int:
    """Remind before deadlines: 4 h before the 24-hour assessment, one working day before the receipt
    deadline, and task owners the working day before a task is due. Each reminder is sent once."""
    now = timezone.now()
    count = 0
    with transaction.atomic():
        soon = (
            Concern.objects.pending()
            .filter(
                assessed_at__isnull=True,
                assessment_due_at__isnull=False,
                assessment_due_at__lte=now + ASSESSMENT_WARNING,
                assessment_reminded_at__isnull=True,
            )
            .select_related("receiving_unit")
        )
        for concern in soon:
            _notify(
                unit_caseworkers(concern.receiving_unit),
                _("En underretning i %(unit)s skal vurderes inden for 24 timer: fristen er %(due)s.")
                % {
                    "unit": concern.receiving_unit.name,
                    "due": datetime_text(concern.assessment_due_at),
                },
                reverse("cases:concern-detail", args=[concern.pk]),
            )
            Concern.objects.filter(pk=concern.pk).update(assessment_reminded_at=now)
            count += 1
        tomorrow_end = clocks.end_of_day(clocks.add_working_days(now, 1))
        receipts = Concern.objects.filter(
            receipt_due_at__isnull=False,
            receipt_confirmed_at__isnull=True,
            receipt_due_at__lte=tomorrow_end,
            receipt_reminded_at__isnull=True,
        ).select_related("receiving_unit")
        for concern in receipts:
            _notify(
                unit_caseworkers(concern.receiving_unit),
                _("Kvittering for en underretning i %(unit)s skal sendes senest %(due)s.")
                % {
                    "unit": concern.receiving_unit.name,
                    "due": date_text(concern.receipt_due_at),
                },
                reverse("cases:concern-detail", args=[concern.pk]),
            )
            Concern.objects.filter(pk=concern.pk).update(receipt_reminded_at=now)
            count += 1
        next_day = clocks.add_working_days(now, 1)
        tasks = Task.objects.filter(done_at__isnull=True, reminded_at__isnull=True, due_date__lte=next_day)
        for item in tasks.select_related("owner", "case"):
            _notify(
                [item.owner],
                _("Opgave i sag %(n)s har frist %(d)s.") % {"n": item.case.number, "d": date_text(item.due_date)},
                reverse("cases:my-tasks"),
            )
            Task.objects.filter(pk=item.pk).update(reminded_at=now)
            count += 1
    return count


@task()
def anonymise_expired_cases() -> int:
    """Anonymise closed cases whose retention date has passed, unless they are on archive hold."""
    today = timezone.localdate()
    ids = list(
        Case.objects.filter(
            status=Case.Status.CLOSED,
            retention_until__lt=today,
            archive_hold=False,
            anonymised_at__isnull=True,
        ).values_list("pk", flat=True)
    )
    for pk in ids:
        case_anonymise(case=Case.objects.get(pk=pk))
    return len(ids)
