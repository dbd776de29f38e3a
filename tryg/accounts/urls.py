from django.urls import path

from . import views, views_admin

app_name = "accounts"

urlpatterns = [
    path("login/", views.login_view, name="login"),
    path("logout/", views.logout_view, name="logout"),
    path("2fa/verify/", views.otp_verify, name="otp-verify"),
    path("2fa/setup/", views.otp_setup, name="otp-setup"),
    path("account/", views.account, name="account"),
    path("account/password/", views.password_change, name="password-change"),
    path("account/confirm-password/", views.reauth, name="reauth"),
    # Administration (role administrator, own municipality only).
    path("admin/users/", views_admin.user_list, name="admin-users"),
    path("admin/users/new/", views_admin.user_create, name="admin-user-create"),
    path("admin/users/<int:pk>/", views_admin.user_detail, name="admin-user-detail"),
    path("admin/users/<int:pk>/edit/", views_admin.user_edit, name="admin-user-edit"),
    path("admin/users/<int:pk>/deactivate/", views_admin.user_deactivate, name="admin-user-deactivate"),
    path("admin/users/<int:pk>/reactivate/", views_admin.user_reactivate, name="admin-user-reactivate"),
    path("admin/users/<int:pk>/reset-password/", views_admin.user_reset_password, name="admin-user-reset-password"),
    path("admin/users/<int:pk>/reset-2fa/", views_admin.user_reset_otp, name="admin-user-reset-otp"),
    path("admin/users/<int:pk>/memberships/", views_admin.membership_add, name="admin-membership-add"),
    path(
        "admin/users/<int:pk>/memberships/<int:membership_pk>/remove/",
        views_admin.membership_remove,
        name="admin-membership-remove",
    ),
    path(
        "admin/users/<int:pk>/memberships/<int:membership_pk>/duty/",
        views_admin.membership_duty,
        name="admin-membership-duty",
    ),
    path("admin/units/", views_admin.unit_list, name="admin-units"),
    path("admin/units/new/", views_admin.unit_create, name="admin-unit-create"),
    path("admin/units/<int:pk>/edit/", views_admin.unit_edit, name="admin-unit-edit"),
]
