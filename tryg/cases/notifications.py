"""Notifications of the cases app: in-app messages, e-mailed after commit, and who receives them.

Services call `notify()`; the e-mail goes out in a background task (django-tasks) defined here, so this
module depends on nothing else in the app and services and tasks both import it without a circle.
"""

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from tryg.accounts.models import Membership, Role, Unit

from .models import Notification


def notify(users, *, text: str, url: str = "") -> list[Notification]:
    """Create in-app notifications and, after commit, e-mail them (through a django-tasks task)."""
    rows = [Notification(user=u, text=text[:300], url=url[:300]) for u in {u.pk: u for u in users}.values()]
    if not rows:
        return []
    Notification.objects.bulk_create(rows)
    ids = [n.pk for n in rows if n.pk] or list(
        Notification.objects.filter(user__in=[r.user for r in rows], text=text[:300]).values_list("pk", flat=True)
    )
    transaction.on_commit(lambda: send_notification_emails.enqueue(ids))
    return rows


@task()
def send_notification_emails(notification_ids: list[int]) -> int:
    """E-mail each notification to its user. The mail says only that there is news; content stays in Tryg."""
    sent = 0
    for note in Notification.objects.filter(pk__in=notification_ids).select_related("user"):
        if not note.user.email:
            continue
        send_mail(
            subject=_("Tryg: ny besked"),
            message=note.text + "\n\n" + _("Log ind i Tryg for at se mere."),
            from_email=settings.DEFAULT_FROM_EMAIL,
            recipient_list=[note.user.email],
        )
        sent += 1
    return sent


def _caseworkers(unit: Unit, **extra) -> list:
    memberships = Membership.objects.filter(unit=unit, role=Role.SAGSBEHANDLER, user__is_active=True, **extra)
    return [m.user for m in memberships.select_related("user").order_by("user_id")]


def on_duty_caseworkers(unit: Unit) -> list:
    return _caseworkers(unit, on_duty=True)


def unit_caseworkers(unit: Unit) -> list:
    return _caseworkers(unit)


def municipality_coordinators(municipality_id: int) -> list:
    memberships = Membership.objects.filter(
        unit__municipality_id=municipality_id, role=Role.TOVHOLDER, user__is_active=True
    )
    return [m.user for m in memberships.select_related("user")]


def notifications_mark_read(*, actor) -> int:
    """Mark all of the user's unread notifications as read."""
    return Notification.objects.filter(user=actor, read_at__isnull=True).update(read_at=timezone.now())
