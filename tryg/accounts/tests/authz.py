"""This app's rows of the authorization matrix (see tryg/core/testing.py).

POST rules send data that is refused or changes nothing: the administrator acts on themselves
(deactivating, resetting or removing their own administrator role is refused) or sends an empty form.
"""

from tryg.core.testing import Rule, expect


def setup(cast) -> dict:
    admin = cast["admin"]
    return {
        "admin_pk": admin.pk,
        "admin_membership_pk": admin.memberships.get(role="administrator").pk,
        "fagperson_pk": cast["fagperson"].pk,
        "aalborg_unit_pk": cast["fagperson"].memberships.get().unit_id,
    }


ADMIN_ONLY = expect(404, admin=200)


def _admin_post(status: int) -> dict:
    return expect(404, admin=status)


RULES = [
    # Login and second factor: reachable before login; signed-in users are sent on.
    Rule("accounts:login", expect(302, anonymous=200)),
    Rule("accounts:logout", expect(405, anonymous=405)),  # POST only
    Rule("accounts:otp-verify", expect(302)),  # verified already -> start page; anonymous -> login
    Rule("accounts:otp-setup", expect(302)),  # has a device -> confirm password first
    Rule("accounts:account", expect(200)),
    Rule("accounts:password-change", expect(400), method="post", data={}),
    Rule("accounts:reauth", expect(200)),
    # Administration: administrators of the municipality only; everybody else 404.
    Rule("accounts:admin-users", ADMIN_ONLY),
    Rule("accounts:admin-user-create", _admin_post(400), method="post", data={}),
    Rule("accounts:admin-user-detail", ADMIN_ONLY, kwargs=lambda w: {"pk": w["fagperson_pk"]}),
    Rule("accounts:admin-user-edit", ADMIN_ONLY, kwargs=lambda w: {"pk": w["fagperson_pk"]}),
    Rule("accounts:admin-user-deactivate", _admin_post(302), kwargs=lambda w: {"pk": w["admin_pk"]}, method="post"),
    Rule("accounts:admin-user-reactivate", _admin_post(302), kwargs=lambda w: {"pk": w["admin_pk"]}, method="post"),
    Rule("accounts:admin-user-reset-password", _admin_post(302), kwargs=lambda w: {"pk": w["admin_pk"]}, method="post"),
    Rule("accounts:admin-user-reset-otp", _admin_post(302), kwargs=lambda w: {"pk": w["admin_pk"]}, method="post"),
    Rule(
        "accounts:admin-membership-add",
        _admin_post(400),
        kwargs=lambda w: {"pk": w["fagperson_pk"]},
        method="post",
        data={},
    ),
    Rule(
        "accounts:admin-membership-remove",
        _admin_post(302),
        kwargs=lambda w: {"pk": w["admin_pk"], "membership_pk": w["admin_membership_pk"]},
        method="post",
    ),
    Rule(
        "accounts:admin-membership-duty",
        _admin_post(400),
        kwargs=lambda w: {"pk": w["admin_pk"], "membership_pk": w["admin_membership_pk"]},
        method="post",
        data={},
    ),
    Rule("accounts:admin-units", ADMIN_ONLY),
    Rule("accounts:admin-unit-create", _admin_post(400), method="post", data={}),
    Rule("accounts:admin-unit-edit", ADMIN_ONLY, kwargs=lambda w: {"pk": w["aalborg_unit_pk"]}),
    # API
    Rule("accounts-api:token", expect(400, anonymous=400), method="post", data={}, json=True),
    Rule("accounts-api:me", expect(200, anonymous=401)),
]
