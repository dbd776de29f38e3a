"""Every write to accounts goes through here."""

import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.sessions.models import Session
from django.db import transaction
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from tryg.audit.models import Action
from tryg.audit.services import audit_record

from .models import ApiToken, User, UserSession


@transaction.atomic
def user_end_sessions(*, user: User) -> int:
    """End every session of `user` (deactivation, password or second-factor change)."""
    keys = list(UserSession.objects.filter(user=user).values_list("session_key", flat=True))
    Session.objects.filter(session_key__in=keys).delete()
    UserSession.objects.filter(user=user).delete()
    ApiToken.objects.filter(user=user, revoked_at__isnull=True).update(revoked_at=timezone.now())
    return len(keys)


@transaction.atomic
def otp_device_confirm(*, user: User, device: TOTPDevice) -> TOTPDevice:
    """Make `device` the user's one confirmed TOTP device."""
    TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    audit_record(actor=user, action=Action.OTP_CHANGE, obj=user, purpose="totp enrolled")
    return device


@transaction.atomic
def api_token_issue(*, user: User) -> tuple[str, ApiToken]:
    raw = secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=user,
        digest=ApiToken.digest_for(raw),
        prefix=raw[:8],
        expires_at=timezone.now() + timedelta(hours=settings.TRYG_API_TOKEN_HOURS),
    )
    audit_record(actor=user, action=Action.LOGIN, obj=user, purpose="api token")
    return raw, token


@transaction.atomic
def api_token_revoke(*, token: ApiToken) -> None:
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        audit_record(actor=token.user, action=Action.LOGOUT, obj=token.user, purpose="api token revoked")
