"""Logins, logouts and failed logins go to the access log; sessions are tracked per user."""

from axes.signals import user_locked_out
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from tryg.audit.models import Action
from tryg.audit.services import audit_record

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


@receiver(user_locked_out)
def on_locked_out(sender, request, username=None, ip_address=None, **kwargs):
    username = str(username or "")[:150]
    user = User.objects.filter(username=username).only("id", "municipality_id").first()
    audit_record(
        actor=None,
        action=Action.LOCKOUT,
        obj=user,
        username=username,
        municipality_id=user.municipality_id if user else None,
    )
