"""Every write to accounts goes through here: keyword-only, atomic, full_clean, one audit row."""

import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import password_validation
from django.contrib.sessions.models import Session
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_otp.plugins.otp_totp.models import TOTPDevice

from tryg.audit.models import Action
from tryg.audit.services import audit_record

from .models import ApiToken, Membership, Municipality, Role, Unit, User, UserSession

# Letters and digits that cannot be mistaken for each other when read aloud or copied by hand.
_PASSWORD_ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def generate_password(*, groups: int = 4, size: int = 5) -> str:
    """A one-time password like `k7Qzr-Mx2pA-...`: 20 random characters (about 115 bits)."""
    return "-".join("".join(secrets.choice(_PASSWORD_ALPHABET) for _ in range(size)) for _ in range(groups))


# --- sessions and tokens ------------------------------------------------------------------------


@transaction.atomic
def user_end_sessions(*, user: User, keep_session_key: str | None = None) -> int:
    """End every session of `user` (deactivation, password or second-factor change) and revoke
    their API tokens. `keep_session_key` spares the session the change was made from."""
    tracked = UserSession.objects.filter(user=user)
    if keep_session_key:
        tracked = tracked.exclude(session_key=keep_session_key)
    keys = list(tracked.values_list("session_key", flat=True))
    Session.objects.filter(session_key__in=keys).delete()
    UserSession.objects.filter(session_key__in=keys).delete()
    ApiToken.objects.filter(user=user, revoked_at__isnull=True).update(revoked_at=timezone.now())
    return len(keys)


def session_track(*, user: User, session_key: str, replaces: str | None = None) -> None:
    """Remember that `session_key` belongs to `user` (so it can be ended later)."""
    if replaces:
        UserSession.objects.filter(session_key=replaces).delete()
    UserSession.objects.get_or_create(session_key=session_key, defaults={"user": user})


@transaction.atomic
def otp_device_confirm(*, user: User, device: TOTPDevice, keep_session_key: str | None = None) -> TOTPDevice:
    """Make `device` the user's one confirmed TOTP device; other sessions end."""
    replaced = TOTPDevice.objects.filter(user=user).exclude(pk=device.pk)
    had_device = replaced.filter(confirmed=True).exists()
    replaced.delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    if had_device:
        user_end_sessions(user=user, keep_session_key=keep_session_key)
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


# --- users ------------------------------------------------------------------------------------


def _check_password(password: str, user: User) -> None:
    try:
        password_validation.validate_password(password, user)
    except ValidationError as exc:
        raise ValidationError({"password": exc.messages})


def _check_username_free(username: str, *, exclude_pk: int | None = None) -> None:
    clash = User.objects.filter(username__iexact=username)
    if exclude_pk:
        clash = clash.exclude(pk=exclude_pk)
    if clash.exists():
        raise ValidationError({"username": _("Brugernavnet er allerede i brug.")})


@transaction.atomic
def user_create(
    *,
    actor: User,
    municipality: Municipality,
    username: str,
    first_name: str,
    last_name: str,
    email: str,
    password: str,
    must_change_password: bool = False,
) -> User:
    """Create an account in `municipality`. The user sets up TOTP at first login."""
    user = User(
        username=username,
        first_name=first_name,
        last_name=last_name,
        email=email,
        municipality=municipality,
        is_staff=False,
        is_superuser=False,
        must_change_password=must_change_password,
    )
    _check_username_free(username)
    _check_password(password, user)
    user.set_password(password)
    user.full_clean()
    user.save()
    audit_record(actor=actor, action=Action.CREATE, obj=user, subject=user, purpose="user administration")
    return user


@transaction.atomic
def user_update(*, actor: User, user: User, first_name: str, last_name: str, email: str) -> User:
    user.first_name = first_name
    user.last_name = last_name
    user.email = email
    user.full_clean()
    user.save(update_fields=["first_name", "last_name", "email"])
    audit_record(actor=actor, action=Action.UPDATE, obj=user, subject=user, purpose="user administration")
    return user


@transaction.atomic
def user_deactivate(*, actor: User, user: User) -> User:
    """Deactivation: no more logins, every session ends, every API token is revoked."""
    if user.pk == actor.pk:
        raise ValidationError(_("Du kan ikke deaktivere din egen bruger."))
    if user.is_active:
        user.is_active = False
        user.deactivated_at = timezone.now()
        user.full_clean()
        user.save(update_fields=["is_active", "deactivated_at"])
    user_end_sessions(user=user)
    audit_record(actor=actor, action=Action.UPDATE, obj=user, subject=user, purpose="user deactivated")
    return user


@transaction.atomic
def user_reactivate(*, actor: User, user: User) -> User:
    if not user.is_active:
        user.is_active = True
        user.deactivated_at = None
        user.full_clean()
        user.save(update_fields=["is_active", "deactivated_at"])
        audit_record(actor=actor, action=Action.UPDATE, obj=user, subject=user, purpose="user reactivated")
    return user


@transaction.atomic
def user_set_password(*, actor: User, user: User, password: str, must_change_password: bool) -> User:
    """An administrator gives `user` a new (one-time) password; their sessions and tokens end."""
    _check_password(password, user)
    user.set_password(password)
    user.must_change_password = must_change_password
    user.save(update_fields=["password", "must_change_password"])
    user_end_sessions(user=user)
    audit_record(actor=actor, action=Action.UPDATE, obj=user, subject=user, purpose="password reset")
    return user


@transaction.atomic
def user_change_password(*, user: User, password: str, keep_session_key: str | None = None) -> User:
    """The user changes their own password; every other session and API token ends."""
    _check_password(password, user)
    user.set_password(password)
    user.must_change_password = False
    user.save(update_fields=["password", "must_change_password"])
    user_end_sessions(user=user, keep_session_key=keep_session_key)
    audit_record(actor=user, action=Action.UPDATE, obj=user, purpose="password changed")
    return user


@transaction.atomic
def user_reset_otp(*, actor: User, user: User) -> User:
    """Remove the user's second factor (lost phone): they enrol again after their password."""
    if user.pk == actor.pk:
        raise ValidationError(_("Du kan ikke nulstille din egen totrinsbekræftelse her."))
    TOTPDevice.objects.filter(user=user).delete()
    user_end_sessions(user=user)
    audit_record(actor=actor, action=Action.OTP_CHANGE, obj=user, subject=user, purpose="totp reset by administrator")
    return user


# --- memberships ------------------------------------------------------------------------------


@transaction.atomic
def membership_create(*, actor: User, user: User, unit: Unit, role: str, on_duty: bool = False) -> Membership:
    membership = Membership(user=user, unit=unit, role=role, on_duty=on_duty)
    membership.full_clean()
    membership.save()
    audit_record(
        actor=actor, action=Action.CREATE, obj=membership, subject=user, purpose="user administration", detail=role
    )
    return membership


@transaction.atomic
def membership_update(*, actor: User, membership: Membership, on_duty: bool) -> Membership:
    membership.on_duty = on_duty
    membership.full_clean()
    membership.save(update_fields=["on_duty"])
    audit_record(actor=actor, action=Action.UPDATE, obj=membership, subject=membership.user, purpose="on duty")
    return membership


@transaction.atomic
def membership_delete(*, actor: User, membership: Membership) -> None:
    if membership.user_id == actor.pk and membership.role == Role.ADMINISTRATOR:
        raise ValidationError(_("Du kan ikke fjerne din egen administratorrolle."))
    audit_record(
        actor=actor,
        action=Action.DELETE,
        obj=membership,
        subject=membership.user,
        purpose="user administration",
        detail=membership.role,
    )
    membership.delete()


# --- units ------------------------------------------------------------------------------------


@transaction.atomic
def unit_create(
    *, actor: User, municipality: Municipality, name: str, kind: str, email: str = "", phone: str = ""
) -> Unit:
    unit = Unit(municipality=municipality, name=name, kind=kind, email=email, phone=phone)
    unit.full_clean()
    unit.save()
    audit_record(actor=actor, action=Action.CREATE, obj=unit, purpose="unit administration")
    return unit


@transaction.atomic
def unit_update(*, actor: User, unit: Unit, name: str, kind: str, email: str, phone: str, is_active: bool) -> Unit:
    unit.name = name
    unit.kind = kind
    unit.email = email
    unit.phone = phone
    unit.is_active = is_active
    unit.full_clean()
    unit.save(update_fields=["name", "kind", "email", "phone", "is_active"])
    audit_record(actor=actor, action=Action.UPDATE, obj=unit, purpose="unit administration")
    return unit


# --- demo -------------------------------------------------------------------------------------


@transaction.atomic
def demo_users_delete() -> list[str]:
    """Delete every demo account (is_demo) so a production instance can start."""
    users = list(User.objects.filter(is_demo=True).order_by("username"))
    names = [u.username for u in users]
    for user in users:
        user_end_sessions(user=user)
        audit_record(actor=None, action=Action.DELETE, obj=user, username="remove_demo", purpose="demo removed")
        user.delete()
    return names
