"""Need-to-know: who sees a case, who gets 404; break-the-glass."""

import pytest
from django.urls import reverse

from tryg.audit.models import AuditEvent
from tryg.cases import services
from tryg.cases.access import case_for_user, visible_cases
from tryg.cases.models import BreakGlassAccess, CaseMember, Notification

from .helpers import make_case

pytestmark = pytest.mark.django_db

ROLES = ["fagperson", "sagsbehandler", "konsulent", "tovholder", "partner", "admin", "outsider"]


def test_only_the_team_and_the_receiving_unit_see_a_case(clients, cast, routing):
    case = make_case(cast)
    url = reverse("cases:case-detail", args=[case.pk])
    api = reverse("cases-api:case-detail", args=[case.pk])
    expected = {role: 404 for role in ROLES} | {"sagsbehandler": 200}
    assert {role: clients[role].get(url).status_code for role in ROLES} == expected
    assert {role: clients[role].get(api).status_code for role in ROLES} == expected


def test_the_consultant_sees_the_case_only_after_being_added(clients, cast, routing):
    case = make_case(cast)
    url = reverse("cases:case-detail", args=[case.pk])
    assert clients["konsulent"].get(url).status_code == 404
    services.member_add(
        actor=cast["sagsbehandler"], case=case, user=cast["konsulent"], role=CaseMember.Role.SECURITY_CONSULTANT
    )
    assert clients["konsulent"].get(url).status_code == 200
    assert (
        clients["konsulent"]
        .post(reverse("cases:entry-add", args=[case.pk]), {"kind": "note", "text": "Råd"})
        .status_code
        == 302
    )


def test_a_consultant_outside_the_region_cannot_be_added(cast, routing):
    from django.core.exceptions import ValidationError

    from tryg.accounts.models import Membership, Municipality, Role, Unit, User

    copenhagen = Municipality.objects.get(code="101")
    unit = Unit.objects.create(municipality=copenhagen, name="Konsulenter Hovedstaden", kind="security_team")
    far = User.objects.create(username="fjern", municipality=copenhagen)
    Membership.objects.create(user=far, unit=unit, role=Role.SIKKERHEDSKONSULENT)
    case = make_case(cast)
    with pytest.raises(ValidationError):
        services.member_add(actor=cast["sagsbehandler"], case=case, user=far, role="security_consultant")


def test_team_membership_does_not_leak_to_roles_without_case_access(cast, routing):
    from django.http import Http404

    case = make_case(cast)
    CaseMember.objects.create(case=case, user=cast["tovholder"], role="participant")
    with pytest.raises(Http404):
        case_for_user(cast["tovholder"], case.pk)


def test_an_outsider_on_the_team_of_another_municipality_gets_nothing(cast, routing):
    case = make_case(cast)
    CaseMember.objects.create(case=case, user=cast["outsider"], role="participant")
    assert not visible_cases(cast["outsider"]).exists()


def test_break_the_glass_needs_a_reason_is_logged_and_tells_the_coordinator(clients, cast, routing):
    from tryg.accounts.models import Membership, Role, Unit, User

    case = make_case(cast)
    # A second case worker of Aalborg in another unit: not on the team, not the receiving unit.
    adult_unit = Unit.objects.get(name="Socialafdelingen, voksne")
    other = User.objects.create(username="voksen", municipality=cast["sagsbehandler"].municipality)
    Membership.objects.create(user=other, unit=adult_unit, role=Role.SAGSBEHANDLER)
    from django.test import Client
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from tryg.core.testing import login_verified

    TOTPDevice.objects.create(user=other, name="t", confirmed=True)
    client = login_verified(Client(), other)
    url = reverse("cases:case-detail", args=[case.pk])
    assert client.get(url).status_code == 404

    response = client.post(reverse("cases:break-glass"), {"number": case.number, "reason": ""})
    assert response.status_code == 400 and not BreakGlassAccess.objects.exists()
    response = client.post(
        reverse("cases:break-glass"), {"number": case.number, "reason": "Akut henvendelse fra politiet i nat"}
    )
    assert response.status_code == 302
    body = client.get(url).content.decode()
    assert "nødadgang" in body
    assert client.post(reverse("cases:entry-add", args=[case.pk]), {"kind": "note", "text": "x"}).status_code == 404
    event = AuditEvent.objects.get(action="break_glass")
    assert event.actor_username == "voksen" and event.subject_id == str(case.person_id)
    assert (
        AuditEvent.objects.filter(
            action="view", object_id=str(case.pk), actor_username="voksen", purpose="Nødadgang"
        ).count()
        == 1
    )
    assert Notification.objects.filter(user=cast["tovholder"], text__contains=case.number).exists()


def test_break_the_glass_is_only_for_caseworkers_of_the_same_municipality(clients, cast, routing):
    case = make_case(cast)
    response = clients["outsider"].post(
        reverse("cases:break-glass"), {"number": case.number, "reason": "Jeg vil gerne se den"}
    )
    assert response.status_code == 400
    assert not BreakGlassAccess.objects.exists()
    assert clients["tovholder"].get(reverse("cases:break-glass")).status_code == 404


def test_every_read_writes_one_audit_row(clients, cast, routing):
    case = make_case(cast)
    worker = clients["sagsbehandler"]
    before = AuditEvent.objects.count()
    worker.get(reverse("cases:case-detail", args=[case.pk]))
    worker.get(reverse("cases-api:case-detail", args=[case.pk]))
    worker.get(reverse("cases:case-list"))
    worker.get(reverse("cases-api:case-list"))
    concern = case.concerns.get()
    worker.get(reverse("cases:concern-detail", args=[concern.pk]))
    worker.get(reverse("cases-api:concern-detail", args=[concern.pk]))
    assert AuditEvent.objects.count() - before == 6


def test_a_consultant_on_the_team_reads_the_concerns_of_the_case_only(clients, cast, routing):
    case = make_case(cast)
    concern = case.concerns.get()
    url = reverse("cases:concern-detail", args=[concern.pk])
    assert clients["konsulent"].get(url).status_code == 404
    services.member_add(actor=cast["sagsbehandler"], case=case, user=cast["konsulent"], role="security_consultant")
    assert clients["konsulent"].get(url).status_code == 200
    assert clients["konsulent"].get(reverse("cases:queue")).status_code == 404
    response = clients["konsulent"].post(
        reverse("cases:concern-triage", args=[concern.pk]), {"decision": "close", "reason": "x"}
    )
    assert response.status_code == 404


def test_the_case_list_reads_the_rule_branch_by_branch_with_the_same_result(clients, cast, routing):
    """The case list without a search merges the access rule's branches (each off its own index); the result is
    the single rule's, newest first, for every role: responsible unit, team, a concern's unit, an emergency grant,
    a consultant on the team, and nothing for the roles without case access."""
    from datetime import timedelta

    from django.utils import timezone

    from tryg.accounts.models import Membership, Role, Unit, User
    from tryg.cases.access import recent_visible_case_ids
    from tryg.cases.models import Case, Concern

    cases = [make_case(cast, name=f"Gren Person{i}") for i in range(6)]
    now = timezone.now()
    for i, case in enumerate(cases):
        Case.objects.filter(pk=case.pk).update(opened_at=now - timedelta(days=i))
    adult_unit = Unit.objects.get(name="Socialafdelingen, voksne")
    Case.objects.filter(pk__in=[cases[1].pk, cases[2].pk, cases[3].pk]).update(responsible_unit=adult_unit)
    other = User.objects.create(username="gren", municipality=cast["sagsbehandler"].municipality)
    Membership.objects.create(user=other, unit=adult_unit, role=Role.SAGSBEHANDLER)
    CaseMember.objects.create(case=cases[4], user=other, role="participant")  # team
    Concern.objects.filter(case=cases[5]).update(receiving_unit=adult_unit)  # a concern received by their unit
    BreakGlassAccess.objects.create(case=cases[0], user=other, reason="Akut", expires_at=now + timedelta(hours=1))
    CaseMember.objects.create(case=cases[2], user=cast["konsulent"], role="security_consultant")

    def rule(user, status=""):
        qs = visible_cases(user).filter(**({"status": status} if status else {}))
        return list(qs.order_by("-opened_at", "-pk").values_list("pk", flat=True))

    users = [other, *(cast[role] for role in ROLES)]
    for user in users:
        assert recent_visible_case_ids(user, 50) == rule(user), user.username
        assert recent_visible_case_ids(user, 3) == rule(user)[:3], user.username
        assert recent_visible_case_ids(user, 50, status="closed") == rule(user, "closed") == []
    assert set(recent_visible_case_ids(other, 50)) == {cases[i].pk for i in (0, 1, 2, 3, 4, 5)}
    assert recent_visible_case_ids(cast["konsulent"], 50) == [cases[2].pk]
    page = clients["sagsbehandler"].get(reverse("cases:case-list")).content.decode()
    assert page.index(cases[0].number) < page.index(cases[5].number)
