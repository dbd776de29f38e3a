"""API: bearer tokens (password + TOTP, with the same lockout as the login page) and who am I."""

from axes.utils import reset as axes_reset
from django.conf import settings
from django.contrib.auth import authenticate
from django.contrib.auth.signals import user_login_failed
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from django_otp.plugins.otp_totp.models import TOTPDevice
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.utils import extend_schema
from rest_framework import permissions, serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from tryg.core.api import ApiError, ErrorSerializer

from .api_auth import BearerTokenAuthentication
from .models import ApiToken
from .services import api_token_issue, api_token_revoke
from .views import LOCKED_MESSAGE


class BearerTokenScheme(OpenApiAuthenticationExtension):
    target_class = "tryg.accounts.api_auth.BearerTokenAuthentication"
    name = "bearerAuth"

    def get_security_definition(self, auto_schema):
        return {"type": "http", "scheme": "bearer", "description": "Token from POST /api/v1/auth/token/"}


class VerifiedSessionScheme(OpenApiAuthenticationExtension):
    target_class = "tryg.accounts.api_auth.VerifiedSessionAuthentication"
    name = "verifiedSession"

    def get_security_definition(self, auto_schema):
        return {
            "type": "apiKey",
            "in": "cookie",
            "name": settings.SESSION_COOKIE_NAME,
            "description": "The staff pages' session, after password and TOTP.",
        }


class TokenRequestSerializer(serializers.Serializer):
    username = serializers.CharField(max_length=150)
    password = serializers.CharField(max_length=128, trim_whitespace=False, style={"input_type": "password"})
    otp = serializers.RegexField(r"^\d{6}$", help_text="The 6 digits from the authenticator app.")


class TokenResponseSerializer(serializers.Serializer):
    token = serializers.CharField()
    expires_at = serializers.DateTimeField()


class MunicipalitySerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    code = serializers.CharField()


class UnitSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    kind = serializers.CharField()


class MeSerializer(serializers.Serializer):
    username = serializers.CharField()
    name = serializers.CharField()
    municipality = MunicipalitySerializer(allow_null=True)
    units = UnitSerializer(many=True)
    roles = serializers.ListField(child=serializers.CharField())


WRONG_CREDENTIALS = gettext_noop("Brugernavn, adgangskode eller engangskode er forkert.")


class TokenView(APIView):
    """POST: exchange username, password and a one-time code for a bearer token. DELETE: revoke it."""

    def get_authenticators(self):
        if getattr(self.request, "method", "DELETE") == "DELETE":  # no request while the schema is built
            return [BearerTokenAuthentication()]
        return []  # POST takes credentials in the body; no session, so no CSRF either

    def get_permissions(self):
        if getattr(self.request, "method", "DELETE") == "DELETE":
            return [permissions.IsAuthenticated()]
        return [permissions.AllowAny()]

    @extend_schema(
        operation_id="auth_token_create",
        request=TokenRequestSerializer,
        responses={201: TokenResponseSerializer, 400: ErrorSerializer, 401: ErrorSerializer, 429: ErrorSerializer},
        auth=[],
        summary="Issue a bearer token (password + TOTP)",
    )
    def post(self, request):
        serializer = TokenRequestSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        django_request = request._request
        # authenticate() runs django-axes first, so the login page's lockout applies here too.
        user = authenticate(request=django_request, username=data["username"], password=data["password"])
        if getattr(django_request, "axes_locked_out", False):
            raise ApiError("locked", _(LOCKED_MESSAGE), status_code=429)
        if user is None or not user.is_active:
            raise ApiError("invalid_credentials", _(WRONG_CREDENTIALS), status_code=401)
        device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
        if device is None or not device.verify_token(data["otp"]):  # verify_token: each code works once
            # A wrong code counts towards the lockout like a wrong password (and is logged the same way).
            user_login_failed.send(sender=__name__, credentials={"username": data["username"]}, request=django_request)
            if getattr(django_request, "axes_locked_out", False):
                raise ApiError("locked", _(LOCKED_MESSAGE), status_code=429)
            raise ApiError("invalid_credentials", _(WRONG_CREDENTIALS), status_code=401)
        if user.must_change_password:
            raise ApiError(
                "password_change_required",
                _("Skift din engangsadgangskode ved at logge ind i Tryg, før du bruger API’et."),
                status_code=403,
            )
        axes_reset(username=user.username, ip=getattr(django_request, "axes_ip_address", None))  # this pair only
        raw, token = api_token_issue(user=user)
        body = TokenResponseSerializer({"token": raw, "expires_at": token.expires_at}).data
        return Response(body, status=status.HTTP_201_CREATED)

    @extend_schema(
        operation_id="auth_token_destroy",
        request=None,
        responses={204: None, 401: ErrorSerializer},
        summary="Revoke the presented bearer token",
    )
    def delete(self, request):
        token = request.auth
        if not isinstance(token, ApiToken):
            raise ApiError("not_authenticated", _("Send det token, der skal tilbagekaldes."), status_code=401)
        api_token_revoke(token=token)
        return Response(status=status.HTTP_204_NO_CONTENT)


class MeView(APIView):
    """The signed-in user: name, municipality, units and roles."""

    @extend_schema(operation_id="me_retrieve", responses={200: MeSerializer, 401: ErrorSerializer})
    def get(self, request):
        user = request.user
        units = {}
        for membership in user.memberships_cached:
            units.setdefault(membership.unit_id, membership.unit)
        municipality = user.municipality
        body = {
            "username": user.username,
            "name": user.display_name,
            "municipality": (
                {"id": municipality.id, "name": municipality.name, "code": municipality.code} if municipality else None
            ),
            "units": [{"id": u.id, "name": u.name, "kind": u.kind} for u in units.values()],
            "roles": sorted(user.roles),
        }
        return Response(MeSerializer(body).data)
