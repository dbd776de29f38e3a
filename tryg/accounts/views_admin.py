"""Administration of users, memberships and units for the `administrator` role (own municipality only)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Prefetch, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_otp.plugins.otp_totp.models import TOTPDevice

from tryg.audit.services import audit_read, audit_search
from tryg.core.forms import form_errors_from

from . import services
from .access import managed_users, membership_for_admin, require_administrator, unit_for_admin, user_for_admin
from .forms import MembershipForm, UnitForm, UserCreateForm, UserEditForm
from .models import Membership, Unit
from .views import bound_data


def _render(request, template, context, form=None) -> HttpResponse:
    return render(request, template, context, status=400 if form is not None and form.errors else 200)


# --- users ------------------------------------------------------------------------------------


@require_GET
def user_list(request: HttpRequest) -> HttpResponse:
    require_administrator(request)
    query = request.GET.get("q", "").strip()[:100]
    users = managed_users(request.user).prefetch_related(
        Prefetch("memberships", queryset=Membership.objects.select_related("unit").order_by("unit__name", "role"))
    )
    if query:
        users = users.filter(
            Q(username__icontains=query)
            | Q(first_name__icontains=query)
            | Q(last_name__icontains=query)
            | Q(email__icontains=query)
        )
    users = users.order_by("-is_active", "last_name", "first_name", "username")
    if query:
        audit_search(request, object_type="accounts.user", criterion=f"q={query}", purpose=_("Brugeradministration"))
    return render(request, "accounts/admin/user_list.html", {"users": users, "query": query})


@require_http_methods(["GET", "POST"])
def user_create(request: HttpRequest) -> HttpResponse:
    require_administrator(request)
    admin = request.user
    form = UserCreateForm(bound_data(request), municipality=admin.municipality)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        generated = data["password_mode"] == UserCreateForm.GENERATE
        password = services.generate_password() if generated else data["password"]
        try:
            with transaction.atomic():
                user = services.user_create(
                    actor=admin,
                    municipality=admin.municipality,
                    username=data["username"],
                    first_name=data["first_name"],
                    last_name=data["last_name"],
                    email=data["email"],
                    password=password,
                    must_change_password=True,
                )
                if data["unit"] and data["role"]:
                    services.membership_create(actor=admin, user=user, unit=data["unit"], role=data["role"])
        except ValidationError as exc:
            form_errors_from(form, exc)
        else:
            if generated:
                # Shown once, in this response only: never stored, never redirected through a message.
                return render(
                    request, "accounts/admin/user_created.html", {"new_user": user, "password": password}, status=201
                )
            messages.success(request, _("Brugeren %(name)s er oprettet.") % {"name": user.display_name})
            return redirect("accounts:admin-user-detail", pk=user.pk)
    return _render(request, "accounts/admin/user_form.html", {"form": form, "creating": True}, form)


@require_GET
def user_detail(request: HttpRequest, pk: int) -> HttpResponse:
    require_administrator(request)
    user = user_for_admin(request.user, pk)
    memberships = Membership.objects.filter(user=user).select_related("unit").order_by("unit__name", "role")
    has_device = TOTPDevice.objects.filter(user=user, confirmed=True).exists()
    form = MembershipForm(municipality=request.user.municipality)
    audit_read(request, user, subject=user, purpose=_("Brugeradministration"))
    return render(
        request,
        "accounts/admin/user_detail.html",
        {"managed": user, "memberships": memberships, "has_device": has_device, "form": form},
    )


@require_http_methods(["GET", "POST"])
def user_edit(request: HttpRequest, pk: int) -> HttpResponse:
    require_administrator(request)
    user = user_for_admin(request.user, pk)
    initial = {"first_name": user.first_name, "last_name": user.last_name, "email": user.email}
    form = UserEditForm(bound_data(request), initial=initial)
    if request.method == "GET":
        audit_read(request, user, subject=user, purpose=_("Brugeradministration"))
    if request.method == "POST" and form.is_valid():
        try:
            services.user_update(actor=request.user, user=user, **form.cleaned_data)
        except ValidationError as exc:
            form_errors_from(form, exc)
        else:
            messages.success(request, _("Oplysningerne er gemt."))
            return redirect("accounts:admin-user-detail", pk=user.pk)
    return _render(request, "accounts/admin/user_form.html", {"form": form, "managed": user}, form)


def _post_action(request: HttpRequest, pk: int, action, done: str) -> HttpResponse:
    require_administrator(request)
    user = user_for_admin(request.user, pk)
    try:
        action(actor=request.user, user=user)
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
        return redirect("accounts:admin-user-detail", pk=user.pk)
    messages.success(request, done % {"name": user.display_name})
    return redirect("accounts:admin-user-detail", pk=user.pk)


@require_POST
def user_deactivate(request: HttpRequest, pk: int) -> HttpResponse:
    return _post_action(
        request, pk, services.user_deactivate, _("%(name)s er deaktiveret, og alle sessioner er afsluttet.")
    )


@require_POST
def user_reactivate(request: HttpRequest, pk: int) -> HttpResponse:
    return _post_action(request, pk, services.user_reactivate, _("%(name)s er aktiv igen."))


@require_POST
def user_reset_otp(request: HttpRequest, pk: int) -> HttpResponse:
    return _post_action(
        request,
        pk,
        services.user_reset_otp,
        _("Totrinsbekræftelsen for %(name)s er nulstillet. Brugeren opsætter en ny ved næste login."),
    )


@require_POST
def user_reset_password(request: HttpRequest, pk: int) -> HttpResponse:
    """Give the user a new one-time password, shown once in this response."""
    require_administrator(request)
    user = user_for_admin(request.user, pk)
    if user.pk == request.user.pk:
        messages.error(request, _("Skift din egen adgangskode under Din konto."))
        return redirect("accounts:admin-user-detail", pk=user.pk)
    password = services.generate_password()
    services.user_set_password(actor=request.user, user=user, password=password, must_change_password=True)
    return render(request, "accounts/admin/user_created.html", {"new_user": user, "password": password, "reset": True})


# --- memberships ------------------------------------------------------------------------------


@require_POST
def membership_add(request: HttpRequest, pk: int) -> HttpResponse:
    require_administrator(request)
    user = user_for_admin(request.user, pk)
    form = MembershipForm(request.POST, municipality=request.user.municipality)
    if form.is_valid():
        try:
            services.membership_create(actor=request.user, user=user, **form.cleaned_data)
        except ValidationError as exc:
            form_errors_from(form, exc, field_map={"__all__": None})
        else:
            messages.success(request, _("Rollen er tilføjet."))
            return redirect("accounts:admin-user-detail", pk=user.pk)
    memberships = Membership.objects.filter(user=user).select_related("unit").order_by("unit__name", "role")
    has_device = TOTPDevice.objects.filter(user=user, confirmed=True).exists()
    return render(
        request,
        "accounts/admin/user_detail.html",
        {"managed": user, "memberships": memberships, "has_device": has_device, "form": form},
        status=400,
    )


@require_POST
def membership_remove(request: HttpRequest, pk: int, membership_pk: int) -> HttpResponse:
    require_administrator(request)
    user = user_for_admin(request.user, pk)
    membership = membership_for_admin(request.user, user, membership_pk)
    try:
        services.membership_delete(actor=request.user, membership=membership)
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("Rollen er fjernet."))
    return redirect("accounts:admin-user-detail", pk=user.pk)


@require_POST
def membership_duty(request: HttpRequest, pk: int, membership_pk: int) -> HttpResponse:
    """Set whether the member is on duty (receives urgent concerns): POST on_duty=1 or 0."""
    require_administrator(request)
    user = user_for_admin(request.user, pk)
    membership = membership_for_admin(request.user, user, membership_pk)
    value = request.POST.get("on_duty")
    if value not in {"0", "1"}:
        return render(request, "core/400.html", status=400)
    services.membership_update(actor=request.user, membership=membership, on_duty=value == "1")
    messages.success(request, _("Vagtstatus er ændret."))
    return redirect("accounts:admin-user-detail", pk=user.pk)


# --- units ------------------------------------------------------------------------------------


@require_GET
def unit_list(request: HttpRequest) -> HttpResponse:
    require_administrator(request)
    units = Unit.objects.filter(municipality_id=request.user.municipality_id).order_by("-is_active", "name")
    return render(request, "accounts/admin/unit_list.html", {"units": units})


@require_http_methods(["GET", "POST"])
def unit_create(request: HttpRequest) -> HttpResponse:
    require_administrator(request)
    form = UnitForm(bound_data(request))
    del form.fields["is_active"]
    if request.method == "POST" and form.is_valid():
        try:
            services.unit_create(actor=request.user, municipality=request.user.municipality, **form.cleaned_data)
        except ValidationError as exc:
            form_errors_from(form, exc, field_map={"__all__": "name"})
        else:
            messages.success(request, _("Enheden er oprettet."))
            return redirect("accounts:admin-units")
    return _render(request, "accounts/admin/unit_form.html", {"form": form, "creating": True}, form)


@require_http_methods(["GET", "POST"])
def unit_edit(request: HttpRequest, pk: int) -> HttpResponse:
    require_administrator(request)
    unit = unit_for_admin(request.user, pk)
    initial = {"name": unit.name, "kind": unit.kind, "email": unit.email, "phone": unit.phone}
    initial["is_active"] = unit.is_active
    form = UnitForm(bound_data(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.unit_update(actor=request.user, unit=unit, **form.cleaned_data)
        except ValidationError as exc:
            form_errors_from(form, exc, field_map={"__all__": "name"})
        else:
            messages.success(request, _("Enheden er gemt."))
            return redirect("accounts:admin-units")
    return _render(request, "accounts/admin/unit_form.html", {"form": form, "unit": unit}, form)
