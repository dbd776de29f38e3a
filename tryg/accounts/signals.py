"""Logins, logouts and failed logins go to the access log; sessions are tracked per user."""

from axes.signals import user_locked_out
from django.conf import settings
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.db import transaction
from django.dispatch import receiver
from django.utils import timezone

from tryg.audit.models import Action, AuditEvent
from tryg.audit.services import audit_record

from .lockout import lockout_listeners, username_failures
from .models import User, UserSession


@receiver(user_logged_in)
def on_login(sender, request, user, **kwargs):
    session = getattr(request, "session", None)
    if session is not None:
        if not session.session_key:
            session.save()
        UserSession.objects.get_or_create(session_key=session.session_key, defaults={"user": user})
    audit_record(actor=user, action=Action.LOGIN, obj=user, purpose="password")


@receiver(user_logged_out)
def on_logout(sender, request, user, **kwargs):
    if user is None:
        return
    session = getattr(request, "session", None)
    if session is not None and session.session_key:
        UserSession.objects.filter(session_key=session.session_key).delete()
    audit_record(actor=user, action=Action.LOGOUT, obj=user)


@receiver(user_login_failed)
def on_login_failed(sender, credentials, request=None, **kwargs):
    # Only the username is kept; never the password or code. Unknown usernames are logged the same way.
    username = str(credentials.get("username", ""))[:150]
    user = User.objects.filter(username=username).only("id", "municipality_id").first()
    audit_record(
        actor=None,
        action=Action.LOGIN_FAILED,
        obj=user,
        username=username,
        municipality_id=user.municipality_id if user else None,
    )
    # django-axes counted this failure first (its receiver is connected before ours); the username-wide lock
    # (accounts/lockout.py) starts when the count reaches its limit.
    if username and username_failures(username) == settings.TRYG_LOCKOUT_USERNAME_FAILURES:
        report_lockout(username, scope="username")


@receiver(user_locked_out)
def on_locked_out(sender, request, username=None, ip_address=None, **kwargs):
    report_lockout(str(username or "")[:150], scope="address")


def report_lockout(username: str, *, scope: str) -> None:
    """A lock ("address": the username from one client address; "username": from everywhere) goes to the access
    log under the account's municipality, and its listeners (the coordinators' notification) hear of it after
    commit; both once per lockout window and scope. The client's answer does not depend on any of this."""
    user = User.objects.filter(username=username).only("id", "username", "municipality_id").first()
    if user is not None:
        since = timezone.now() - settings.AXES_COOLOFF_TIME
        reported = AuditEvent.objects.filter(
            action=Action.LOCKOUT, object_type="accounts.user", object_id=str(user.pk), detail=scope, at__gte=since
        )
        if reported.exists():
            return
    audit_record(
        actor=None,
        action=Action.LOCKOUT,
        obj=user,
        username=username,
        municipality_id=user.municipality_id if user else None,
        detail=scope,
    )
    if user is not None:
        for listener in lockout_listeners():
            transaction.on_commit(lambda listener=listener: listener(user=user, scope=scope))
