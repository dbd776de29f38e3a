"""Login with password and TOTP, second-factor enrolment, logout."""

import base64
import io
import time

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import authenticate, login, logout, update_session_auth_hash
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_otp import login as otp_login
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from tryg.audit.models import Action
from tryg.audit.services import audit_record
from tryg.core.api import error_body
from tryg.core.middleware import LAST_SEEN, LOGIN_AT

from .forms import LoginForm, OTPForm, PasswordChangeForm, ReauthForm
from .services import otp_device_confirm, session_track, user_change_password

NEXT_KEY = "_tryg_next"
SETUP_KEY = "_tryg_totp_setup"


def bound_data(request: HttpRequest):
    """The POST data to bind a form to (an empty POST still binds, so it shows its errors)."""
    return request.POST if request.method == "POST" else None


def _safe_next(request: HttpRequest, value: str | None) -> str | None:
    if value and url_has_allowed_host_and_scheme(
        value, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return value
    return None


LOCKED_MESSAGE = gettext_noop("For mange mislykkede forsøg. Vent 15 minutter, og prøv igen.")


def lockout_response(request, original_response=None, credentials=None) -> HttpResponse:
    """Answer while a username is locked (django-axes calls this). Identical for existing and unknown
    usernames: the login form again (or the API error shape) with one message and status 429."""
    if request.path_info.startswith("/api/"):
        return JsonResponse(error_body("locked", _(LOCKED_MESSAGE)), status=429)
    form = LoginForm(bound_data(request))
    form.is_valid()
    form.add_error(None, _(LOCKED_MESSAGE))
    return render(request, "accounts/login.html", {"form": form}, status=429)


@require_http_methods(["GET", "POST"])
def login_view(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated and request.user.is_verified():
        return redirect("core:start")
    form = LoginForm(bound_data(request))
    if request.method == "GET" and (nxt := _safe_next(request, request.GET.get("next"))):
        request.session[NEXT_KEY] = nxt
    if request.method == "POST" and form.is_valid():
        user = authenticate(request, username=form.cleaned_data["username"], password=form.cleaned_data["password"])
        if getattr(request, "axes_locked_out", False):
            return lockout_response(request, None)
        if user is not None and user.is_active:
            nxt = request.session.get(NEXT_KEY)
            login(request, user)  # new session id (ASVS 7.2.4)
            now = time.time()
            request.session[LOGIN_AT] = now
            request.session[LAST_SEEN] = now
            if nxt:
                request.session[NEXT_KEY] = nxt
            if TOTPDevice.objects.filter(user=user, confirmed=True).exists():
                return redirect("accounts:otp-verify")
            return redirect("accounts:otp-setup")
        form.add_error(None, _("Brugernavn eller adgangskode er forkert."))
    expired = getattr(request, "tryg_session_expired", False) or request.GET.get("expired") == "1"
    return render(
        request, "accounts/login.html", {"form": form, "expired": expired}, status=400 if form.errors else 200
    )


def _second_factor_passed(request: HttpRequest, device) -> None:
    """Mark the session verified and give it a new id (ASVS 7.2.4 at each step up: a session id seen before the
    second factor, e.g. planted or read over a shoulder, is worth nothing after it)."""
    old_key = request.session.session_key
    otp_login(request, device)
    request.session.cycle_key()
    session_track(user=request.user, session_key=request.session.session_key, replaces=old_key)


def _after_verified(request: HttpRequest) -> HttpResponse:
    nxt = _safe_next(request, request.session.pop(NEXT_KEY, None))
    if request.user.must_change_password:
        messages.info(request, _("Du har fået en engangsadgangskode. Vælg din egen adgangskode nu."))
        return redirect("accounts:password-change")
    return redirect(nxt or reverse("core:start"))


@require_http_methods(["GET", "POST"])
def otp_verify(request: HttpRequest) -> HttpResponse:
    user = request.user
    if not user.is_authenticated:
        return redirect("accounts:login")
    if user.is_verified():
        return _after_verified(request)
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        return redirect("accounts:otp-setup")
    form = OTPForm(bound_data(request))
    if request.method == "POST" and form.is_valid():
        allowed, _info = device.verify_is_allowed()
        if allowed and device.verify_token(form.cleaned_data["otp"]):
            _second_factor_passed(request, device)
            return _after_verified(request)
        audit_record(
            actor=None,
            action=Action.LOGIN_FAILED,
            obj=user,
            username=user.username,
            municipality_id=user.municipality_id,
            detail="otp",
        )
        if not allowed:
            form.add_error("otp", _("For mange forkerte koder. Vent lidt, og prøv igen."))
        else:
            form.add_error("otp", _("Koden er forkert eller allerede brugt."))
    return render(request, "accounts/otp_verify.html", {"form": form}, status=400 if form.errors else 200)


def _qr_svg(uri: str) -> str:
    image = qrcode.make(uri, image_factory=qrcode.image.svg.SvgPathImage, box_size=10)
    buffer = io.BytesIO()
    image.save(buffer)
    svg = buffer.getvalue().decode("utf-8")
    return svg[svg.find("<svg") :]


@require_http_methods(["GET", "POST"])
def otp_setup(request: HttpRequest) -> HttpResponse:
    """Enrol a TOTP device: QR code (SVG made here, no third party) and the secret, then confirm with a code.

    Allowed right after the password for a user with no confirmed device. Changing an existing device
    needs a verified session (re-authentication before changing the second factor).
    """
    user = request.user
    if not user.is_authenticated:
        return redirect("accounts:login")
    has_device = TOTPDevice.objects.filter(user=user, confirmed=True).exists()
    if has_device and not user.is_verified():
        return redirect("accounts:otp-verify")
    if has_device and not _recently_authenticated(request):
        messages.info(request, _("Bekræft din adgangskode, før du skifter totrinsbekræftelse."))
        return redirect(reverse("accounts:reauth") + "?next=" + reverse("accounts:otp-setup"))
    device_id = request.session.get(SETUP_KEY)
    device = TOTPDevice.objects.filter(pk=device_id, user=user, confirmed=False).first() if device_id else None
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="app", confirmed=False)
        request.session[SETUP_KEY] = device.pk
    form = OTPForm(bound_data(request))
    if request.method == "POST" and form.is_valid():
        totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
        if totp.verify(int(form.cleaned_data["otp"]), tolerance=device.tolerance):
            device.last_t = totp.t()
            device.save(update_fields=["last_t"])
            otp_device_confirm(user=user, device=device, keep_session_key=request.session.session_key)
            request.session.pop(SETUP_KEY, None)
            _second_factor_passed(request, device)
            messages.success(request, _("Totrinsbekræftelse er slået til."))
            return _after_verified(request)
        form.add_error("otp", _("Koden passer ikke. Tjek at uret på din telefon går rigtigt, og prøv igen."))
    secret = base64.b32encode(device.bin_key).decode()
    return render(
        request,
        "accounts/otp_setup.html",
        {"form": form, "secret": secret, "qr_svg": _qr_svg(device.config_url)},
        status=400 if form.errors else 200,
    )


REAUTH_AT = "_tryg_reauth_at"


def _recently_authenticated(request: HttpRequest) -> bool:
    at = request.session.get(REAUTH_AT)
    return bool(at) and time.time() - at < settings.TRYG_REAUTH_MINUTES * 60


def require_recent_auth(request: HttpRequest) -> HttpResponse | None:
    """Views that export data or change the second factor call this first (ASVS 7.5.1)."""
    if _recently_authenticated(request):
        return None
    return redirect(reverse("accounts:reauth") + "?next=" + request.get_full_path())


@require_http_methods(["GET", "POST"])
def reauth(request: HttpRequest) -> HttpResponse:
    form = ReauthForm(bound_data(request))
    nxt = _safe_next(request, request.GET.get("next")) or reverse("core:start")
    if request.method == "POST" and form.is_valid():
        user = authenticate(request, username=request.user.username, password=form.cleaned_data["password"])
        if getattr(request, "axes_locked_out", False):
            logout(request)
            return lockout_response(request, None)
        if user is not None and user.pk == request.user.pk:
            request.session[REAUTH_AT] = time.time()
            return redirect(nxt)
        form.add_error("password", _("Adgangskoden er forkert."))
    return render(request, "accounts/reauth.html", {"form": form, "next": nxt}, status=400 if form.errors else 200)


@require_POST
def logout_view(request: HttpRequest) -> HttpResponse:
    logout(request)
    messages.success(request, _("Du er logget af."))
    return redirect("accounts:login")


@require_http_methods(["GET", "POST"])
def password_change(request: HttpRequest) -> HttpResponse:
    """Change one's own password (old password, new twice). Every other session and API token ends."""
    user = request.user
    form = PasswordChangeForm(bound_data(request), user=user)
    if request.method == "POST" and form.is_valid():
        # Through authenticate(), so wrong guesses count towards the lockout like at login.
        checked = authenticate(request, username=user.username, password=form.cleaned_data["old_password"])
        if getattr(request, "axes_locked_out", False):
            logout(request)
            return lockout_response(request)
        if checked is None or checked.pk != user.pk:
            form.add_error("old_password", _("Adgangskoden er forkert."))
        else:
            old_key = request.session.session_key
            user_change_password(user=user, password=form.cleaned_data["new_password"], keep_session_key=old_key)
            update_session_auth_hash(request, user)  # keeps this session (with a new id)
            session_track(user=user, session_key=request.session.session_key, replaces=old_key)
            messages.success(request, _("Din adgangskode er skiftet. Du er logget af alle andre steder."))
            return redirect("accounts:account")
    return render(request, "accounts/password_change.html", {"form": form}, status=400 if form.errors else 200)


@require_GET
def account(request: HttpRequest) -> HttpResponse:
    devices = TOTPDevice.objects.filter(user=request.user, confirmed=True)
    return render(
        request, "accounts/account.html", {"devices": devices, "memberships": request.user.memberships_cached}
    )
