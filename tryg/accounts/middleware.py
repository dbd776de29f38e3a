"""A user who was given a one-time password must choose their own before using the staff pages."""

from django.shortcuts import redirect

# Reachable while the password change is pending (besides the pages open before login).
ALLOWED_PATHS = ("/app/account/password/", "/app/logout/", "/app/login/", "/app/2fa/", "/i18n/")


class PasswordChangeRequiredMiddleware:
    """Place after tryg.core.middleware.StaffAreaMiddleware (the staff-area gate)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and getattr(user, "must_change_password", False)
            and request.path_info.startswith("/app/")
            and not request.path_info.startswith(ALLOWED_PATHS)
        ):
            return redirect("accounts:password-change")
        return self.get_response(request)
