"""The Django admin (superusers only, at /django-admin/): for setting up regions, municipalities and
the first administrator of a new municipality. Day-to-day user administration uses /app/admin/."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from .models import Membership, Municipality, Region, Unit, User


class SuperuserOnlyMixin:
    def has_module_permission(self, request):
        return request.user.is_active and request.user.is_superuser

    def has_view_permission(self, request, obj=None):
        return request.user.is_active and request.user.is_superuser

    def has_add_permission(self, request, *args):
        return request.user.is_active and request.user.is_superuser

    def has_change_permission(self, request, obj=None):
        return request.user.is_active and request.user.is_superuser

    def has_delete_permission(self, request, obj=None):
        return request.user.is_active and request.user.is_superuser


@admin.register(Region)
class RegionAdmin(SuperuserOnlyMixin, admin.ModelAdmin):
    list_display = ["name", "code"]


@admin.register(Municipality)
class MunicipalityAdmin(SuperuserOnlyMixin, admin.ModelAdmin):
    list_display = ["name", "code", "region"]
    list_filter = ["region"]


@admin.register(Unit)
class UnitAdmin(SuperuserOnlyMixin, admin.ModelAdmin):
    list_display = ["name", "municipality", "kind", "is_active"]
    list_filter = ["municipality", "kind", "is_active"]
    search_fields = ["name"]


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 1
    autocomplete_fields = ["unit"]


@admin.register(User)
class TrygUserAdmin(SuperuserOnlyMixin, UserAdmin):
    list_display = ["username", "first_name", "last_name", "municipality", "is_active", "is_demo"]
    list_filter = ["municipality", "is_active", "is_demo", "is_superuser"]
    fieldsets = [
        *UserAdmin.fieldsets,
        ("Tryg", {"fields": ["municipality", "must_change_password"]}),
    ]
    add_fieldsets = [
        (None, {"classes": ["wide"], "fields": ["username", "municipality", "password1", "password2"]}),
    ]
    inlines = [MembershipInline]
