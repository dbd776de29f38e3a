"""Background tasks of upskilling (django-tasks; the database backend runs them in `manage.py db_worker`).

`manage.py training_daily` enqueues the reminders; cron runs it once a day, e.g.
    30 6 * * *  cd /srv/tryg && .venv/bin/python manage.py training_daily
"""

from datetime import timedelta

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from tryg.cases.notifications import notify

from .models import Enrolment
from .selectors import DUE_SOON_DAYS, _attended, managers_of_units

REMIND_DAYS = 30  # the reminder goes out this many days before the training stops counting


@task()
def send_training_reminders() -> int:
    """Tell the professional, and the training managers of the unit they are counted under, when a course they
    attended stops counting within REMIND_DAYS, unless a later attendance of that course still counts or they
    hold a seat on a coming date. Each attendance is reminded once."""
    today = timezone.localdate()
    sent = 0
    with transaction.atomic():
        candidates = list(
            Enrolment.objects.filter(attended_at__isnull=False, reminded_at__isnull=True)
            .select_related("session__course", "user", "unit")
            .order_by("id")
        )
        by_person = {}
        for e in candidates:
            by_person.setdefault((e.municipality_id, e.user_id, e.session.course_id), []).append(e)
        managers = managers_of_units({e.unit_id for e in candidates})
        for (municipality_id, user_id, course_id), rows in by_person.items():
            latest = max(
                e.valid_until for e in _attended(municipality_id, users=[user_id], course_id=course_id, today=today)
            )
            due = [e for e in rows if e.valid_until <= today + timedelta(days=REMIND_DAYS)]
            if not due or latest > today + timedelta(days=REMIND_DAYS):
                continue
            booked = Enrolment.objects.filter(
                user_id=user_id,
                session__course_id=course_id,
                status__in=[Enrolment.Status.ENROLLED, Enrolment.Status.WAITING],
                session__starts_at__gte=timezone.now(),
            ).exists()
            enrolment = due[-1]
            if not booked:
                course, person = enrolment.session.course, enrolment.user
                text = _("%(name)s skal tage %(course)s igen senest %(day)s.") % {
                    "name": person.display_name,
                    "course": course.title,
                    "day": latest.strftime("%d.%m.%Y"),
                }
                notify([person, *managers.get(enrolment.unit_id, [])], text=text, url=reverse("training:course-list"))
                sent += 1
            Enrolment.objects.filter(pk__in=[e.pk for e in due]).update(reminded_at=timezone.now())
    return sent


__all__ = ["DUE_SOON_DAYS", "send_training_reminders"]
