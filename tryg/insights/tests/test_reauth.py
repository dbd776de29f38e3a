"""Exports ask for the password again (SECURITY.md, ASVS 7.5.1) through accounts' one mechanism
(`require_recent_auth`): without a recent confirmation the request is sent to the password page and back, no file
is made and no export row is written; after it the export works and is logged."""

from urllib.parse import quote

import pytest
from django.urls import reverse
from django.utils import timezone

from tryg.accounts.tests.helpers import confirm_password
from tryg.audit.models import Action, AuditEvent

from .helpers import CAST_PASSWORD, at, make_concerns


def _exports(year):
    return [
        ("tovholder", reverse("insights:export-csv")),
        ("tovholder", reverse("insights:export-xlsx") + "?kind=quarter&period=2026-1"),
        ("tovholder", reverse("insights:annual-report-xlsx", args=[year])),
        ("konsulent", reverse("insights:region-export-csv")),
        ("konsulent", reverse("insights:region-export-xlsx")),
    ]


def _export_rows():
    return AuditEvent.objects.filter(action=Action.EXPORT).count()


def test_an_export_without_a_recent_password_goes_to_the_password_page_and_makes_no_file(clients, cast):
    year = timezone.localdate().year
    make_concerns(cast, 8, when=at(year, 2))
    before = _export_rows()
    for role, url in _exports(year):
        response = clients[role].get(url)
        assert response.status_code == 302, url
        assert response["Location"] == reverse("accounts:reauth") + "?next=" + url
        assert "Content-Disposition" not in response
    assert _export_rows() == before  # nothing was exported, so nothing is logged as an export


def test_after_the_password_the_export_works_and_is_logged(clients, cast):
    year = timezone.localdate().year
    make_concerns(cast, 8, when=at(year, 2))
    client = clients["tovholder"]
    url = reverse("insights:export-csv")
    sent = client.get(url)
    # The real password page, then back to the export.
    back = client.post(sent["Location"], {"password": CAST_PASSWORD})
    assert back.status_code == 302 and back["Location"] == url
    before = _export_rows()
    response = client.get(url)
    assert response.status_code == 200 and "attachment" in response["Content-Disposition"]
    assert _export_rows() == before + 1
    for role, other in _exports(year):
        response = confirm_password(clients[role]).get(other)
        assert response.status_code == 200 and "attachment" in response["Content-Disposition"], other
    assert _export_rows() == before + 1 + len(_exports(year))


def test_a_wrong_password_gives_no_export(clients, cast):
    client = clients["tovholder"]
    url = reverse("insights:export-xlsx")
    response = client.post(reverse("accounts:reauth") + "?next=" + quote(url), {"password": "forkert"})
    assert response.status_code == 400
    assert client.get(url).status_code == 302


@pytest.mark.parametrize("role", ["fagperson", "sagsbehandler", "partner", "admin"])
def test_others_get_404_before_any_password_question(clients, cast, role):
    year = timezone.localdate().year
    for _owner, url in _exports(year):
        assert clients[role].get(url).status_code == 404, url


def test_a_bad_period_is_a_clear_error_before_the_password(clients, cast):
    response = clients["tovholder"].get(reverse("insights:export-csv") + "?kind=quarter&period=2026-9")
    assert response.status_code == 400
