"""Lockout without denial of service (SECURITY.md: ASVS 6.3.1, 6.3.8).

- The pair (username, client address) locks after settings.AXES_FAILURE_LIMIT failures (5) within
  AXES_COOLOFF_TIME (15 minutes): django-axes, AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]. Someone
  guessing from one address stops there; the staff member logging in from their own desk is not affected.
- The username alone (every address together) is slowed from settings.TRYG_LOCKOUT_DELAY_AFTER failures in the
  same window (a delay that grows with each failure, capped at TRYG_LOCKOUT_MAX_DELAY seconds, before the password
  is even checked) and locked only at TRYG_LOCKOUT_USERNAME_FAILURES (100): a distributed guess is throttled, yet
  one person cannot lock a colleague out with five wrong passwords.
- Existing and unknown usernames count, wait and lock alike, and every answer is the same, so nothing reveals
  whether a username exists.
- A lock of an existing account writes a "lockout" row to the access log (filed under the account's
  municipality, so its coordinator's log shows it) and tells the listeners registered with
  `register_lockout_listener` (cases notifies the municipality's coordinators), at most once per window.
"""

import time
from collections.abc import Callable

from axes.backends import AxesStandaloneBackend
from axes.exceptions import AxesBackendPermissionDenied
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum
from django.utils import timezone

LockoutListener = Callable[..., None]
_LISTENERS: list[LockoutListener] = []


def register_lockout_listener(listener: LockoutListener) -> None:
    """`listener(user=User, scope="address" | "username")` runs after a lock of an existing account commits."""
    if listener not in _LISTENERS:
        _LISTENERS.append(listener)


def lockout_listeners() -> list[LockoutListener]:
    return list(_LISTENERS)


def username_failures(username: str) -> int:
    """Failures for `username` from every address within the lockout window."""
    since = timezone.now() - settings.AXES_COOLOFF_TIME
    total = AccessAttempt.objects.filter(username=username, attempt_time__gte=since).aggregate(
        n=Sum("failures_since_start")
    )["n"]
    return total or 0


def progressive_delay(failures: int) -> float:
    """Seconds to wait before checking a password for a username with `failures` recent failures."""
    start = settings.TRYG_LOCKOUT_DELAY_AFTER
    if failures < start:
        return 0.0
    return min(settings.TRYG_LOCKOUT_MAX_DELAY, 0.1 * (failures - start + 1))


def username_locked(username: str) -> bool:
    return username_failures(username) >= settings.TRYG_LOCKOUT_USERNAME_FAILURES


sleep = time.sleep  # tests replace it


class LockoutBackend(AxesStandaloneBackend):
    """django-axes' pair lockout first, then the username-wide delay and lock. Logs no one in itself."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        super().authenticate(request, username=username, password=password, **kwargs)
        if not username:
            return None
        failures = username_failures(str(username))
        if failures >= settings.TRYG_LOCKOUT_USERNAME_FAILURES:
            request.axes_locked_out = True
            request.tryg_username_locked = True
            raise AxesBackendPermissionDenied("the username is locked")
        if delay := progressive_delay(failures):
            sleep(delay)
        return None
