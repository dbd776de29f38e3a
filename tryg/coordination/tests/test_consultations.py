"""Consultations through the pages: anonymous and named asking, the thread, the queue across the region, closing,
linking to a case with the consultant joining the team, notifying the municipality, and the citizen services."""

import pytest
from django.urls import reverse
from django.utils import timezone

from tryg.audit.models import AuditEvent
from tryg.cases.models import CaseMember, Concern
from tryg.coordination import selectors, services
from tryg.coordination.models import Consultation

from .helpers import ask_about_case, ask_anonymous, make_case

pytestmark = pytest.mark.django_db

ANON = {"kind": "anonymous", "target_group": "child", "urgency": "normal", "topic": "Elev i 7. klasse"}


def test_it_refuses_a_cpr_number_in_an_anonymous_question_and_says_why(clients):
    response = clients["fagperson"].post(reverse("coordination:ask"), {**ANON, "text": "Hun har cpr 010203-1234"})
    assert response.status_code == 400
    assert "CPR-nummer" in response.content.decode()
    assert not Consultation.objects.exists()


def test_it_refuses_a_full_name_in_any_field_of_an_anonymous_question(clients):
    data = {**ANON, "topic": "Om Aisha Hassan", "text": "Hvad gør jeg?"}
    response = clients["fagperson"].post(reverse("coordination:ask"), data)
    assert response.status_code == 400
    assert "fuldt navn" in response.content.decode()


def test_it_takes_cpr_numbers_in_other_digits_as_cpr_numbers(cast):
    with pytest.raises(Exception, match="CPR"):
        ask_anonymous(cast, text="nummer ٠١٠٢٠٣١٢٣٤")


def test_an_institution_name_is_not_a_full_name(cast):
    assert ask_anonymous(cast, text="Hun går på Sønderbro Skole i Aalborg Kommune.").is_anonymous


def test_a_professional_asks_anonymously_and_gets_an_answer_in_the_thread(clients, cast):
    response = clients["fagperson"].post(reverse("coordination:ask"), {**ANON, "text": "Hvordan taler jeg med hende?"})
    consultation = Consultation.objects.get()
    assert response.status_code == 302
    assert consultation.asker_type == Consultation.AskerType.PROFESSIONAL
    assert consultation.region_id == cast["fagperson"].municipality.region_id
    url = reverse("coordination:consultation-message", args=[consultation.pk])
    assert clients["konsulent"].post(url, {"text": "Tal med hende alene."}).status_code == 302
    consultation.refresh_from_db()
    assert consultation.status == Consultation.Status.AWAITING_ANSWER
    assert consultation.holder == cast["konsulent"]
    page = clients["fagperson"].get(reverse("coordination:consultation-detail", args=[consultation.pk]))
    assert "Tal med hende alene." in page.content.decode()
    refused = clients["konsulent"].post(url, {"text": "Ring på 010203-1234"})
    assert refused.status_code == 400 and consultation.messages.count() == 2


def test_a_named_question_needs_the_legal_basis_before_personal_data(clients):
    data = {**ANON, "kind": "named", "text": "Hvad gør vi?", "person_name": "Aisha Hassan"}
    response = clients["fagperson"].post(reverse("coordination:ask"), data)
    assert response.status_code == 400
    assert "hjemlen" in response.content.decode()
    consent = {
        "basis": "consent_guardian",
        "consent_by": "Moren",
        "consent_on": timezone.localdate().isoformat(),
        "consent_scope": "Rådgivning om skolens muligheder",
        "consent_form": "written",
    }
    assert clients["fagperson"].post(reverse("coordination:ask"), {**data, **consent}).status_code == 302
    consultation = Consultation.objects.get()
    assert not consultation.is_anonymous and consultation.person_name == "Aisha Hassan"
    assert consultation.consent_by == "Moren" and consultation.basis_recorded_at is not None


def test_the_172c_basis_is_for_children_only(clients):
    data = {
        **ANON,
        "kind": "named",
        "target_group": "adult",
        "text": "?",
        "person_name": "Ali Demo",
        "basis": "child_172c",
    }
    response = clients["fagperson"].post(reverse("coordination:ask"), data)
    assert response.status_code == 400 and "172 c" in response.content.decode()


def test_a_caseworker_asks_about_a_named_child_from_the_case(clients, cast, routing):
    case = make_case(cast, name="Sara Test")
    url = reverse("coordination:ask") + f"?case={case.pk}"
    data = {"target_group": "child", "urgency": "urgent", "topic": "Udrejse", "text": "Råd?", "basis": "child_172c"}
    assert clients["sagsbehandler"].post(url, data).status_code == 302
    consultation = Consultation.objects.get()
    assert consultation.case == case and consultation.basis == "child_172c"
    assert consultation.asker_type == Consultation.AskerType.CASEWORKER
    assert clients["outsider"].get(url).status_code == 404


def test_the_consultant_sees_the_whole_region_and_the_outsider_not_aalborg(clients, cast):
    aalborg = ask_anonymous(cast)
    hjorring = ask_anonymous(cast, role="outsider", topic="Ung i Hjørring")
    page = clients["konsulent"].get(reverse("coordination:queue")).content.decode()
    assert "Pige på 15" in page and "Ung i Hjørring" in page and "Hjørring Kommune" in page
    filtered = clients["konsulent"].get(reverse("coordination:queue") + f"?municipality={hjorring.municipality_id}")
    assert "Pige på 15" not in filtered.content.decode()
    detail = reverse("coordination:consultation-detail", args=[aalborg.pk])
    assert clients["outsider"].get(detail).status_code == 404
    row = AuditEvent.objects.filter(action="refused", actor=cast["outsider"]).first()
    assert row.object_id == str(aalborg.pk) and row.municipality_id == aalborg.municipality_id


def test_a_consultant_of_another_region_sees_nothing(cast, clients):
    from tryg.accounts.models import Membership, Municipality, Role, Unit, User

    kbh = Municipality.objects.get(code="101")
    unit = Unit.objects.create(municipality=kbh, name="Sikkerhedskonsulenterne Hovedstaden", kind="security_team")
    other = User.objects.create(username="konsulent-kbh", municipality=kbh)
    Membership.objects.create(user=other, unit=unit, role=Role.SIKKERHEDSKONSULENT)
    assert not selectors.queue_page(other, number=1)[0] or all(
        c.region_id == kbh.region_id for c in selectors.queue_page(other, number=1)[0]
    )
    consultation = ask_anonymous(cast)
    from tryg.coordination.access import visible_consultations

    assert not visible_consultations(other).filter(pk=consultation.pk).exists()


def test_every_read_of_a_consultation_is_logged(clients, cast):
    consultation = ask_anonymous(cast)
    clients["konsulent"].get(reverse("coordination:consultation-detail", args=[consultation.pk]))
    assert AuditEvent.objects.filter(
        action="view", actor=cast["konsulent"], object_type="coordination.consultation", object_id=str(consultation.pk)
    ).exists()
    clients["konsulent"].get(reverse("coordination:queue"))
    assert AuditEvent.objects.filter(action="view", actor=cast["konsulent"], object_type="coordination.queue").exists()


def test_the_consultant_closes_with_the_advice_and_the_counts_show_it(clients, cast):
    consultation = ask_anonymous(cast, role="partner")
    url = reverse("coordination:consultation-close", args=[consultation.pk])
    assert clients["konsulent"].post(url, {"advice": ""}).status_code == 400
    assert (
        clients["konsulent"].post(url, {"advice": "Kontakt kommunen.", "follow_up": "Ring fredag."}).status_code == 302
    )
    consultation.refresh_from_db()
    assert consultation.is_closed and consultation.advice == "Kontakt kommunen."
    counts = selectors.region_counts(cast["konsulent"])
    assert counts["anonymous"] == 1 and counts["per_asker"][0]["asker_type"] == "partner"
    assert clients["konsulent"].get(reverse("coordination:stats")).status_code == 200


def test_the_caseworker_links_a_case_and_adds_the_consultant_after_confirming(clients, cast, routing):
    case = make_case(cast, name="Link Test")
    consultation = services.consultation_create(
        actor=cast["sagsbehandler"],
        topic="Om en ung",
        text="?",
        is_anonymous=False,
        target_group="child",
        basis="child_172c",
        person_name="Link Test",
    )
    link = reverse("coordination:consultation-link-case", args=[consultation.pk])
    assert clients["sagsbehandler"].post(link, {"number": "X-1"}).status_code == 400
    assert clients["sagsbehandler"].post(link, {"number": case.number}).status_code == 302
    services.consultation_assign(actor=cast["konsulent"], consultation=consultation)
    join = reverse("coordination:consultation-join-case", args=[consultation.pk])
    confirm = clients["sagsbehandler"].post(join)
    assert "vil kunne se hele sagen" in confirm.content.decode()
    assert not CaseMember.objects.filter(case=case, user=cast["konsulent"]).exists()
    assert clients["sagsbehandler"].post(join, {"confirm": "1"}).status_code == 302
    assert CaseMember.objects.filter(case=case, user=cast["konsulent"], role="security_consultant").exists()


def test_an_anonymous_consultation_cannot_be_linked_to_a_case(cast, routing):
    case = make_case(cast)
    consultation = ask_anonymous(cast, role="sagsbehandler")
    with pytest.raises(Exception, match="anonym"):
        services.consultation_link_case(actor=cast["sagsbehandler"], consultation=consultation, case=case)


def test_the_consultant_turns_a_consultation_into_a_concern_with_the_24_hour_clock(clients, cast, routing):
    consultation = ask_anonymous(cast, role="outsider")
    url = reverse("coordination:consultation-concern", args=[consultation.pk])
    data = {"person_name": "Ukendt pige, 15 år", "description": "Konsulentens underretning.", "urgency": "normal"}
    assert clients["konsulent"].post(url, data).status_code == 302
    consultation.refresh_from_db()
    concern = Concern.objects.get(pk=consultation.concern_id)
    assert concern.municipality_id == consultation.municipality_id
    assert concern.assessment_due_at is not None and concern.notifier == cast["konsulent"]


def test_the_citizen_services_for_the_public_site(cast):
    region = cast["outsider"].municipality.region
    consultation = services.consultation_from_citizen(region=region, text="Min søster må ikke gå ud.", age_band="15-17")
    assert consultation.asker_type == "citizen" and consultation.is_anonymous and consultation.municipality is None
    services.message_add(actor=cast["konsulent"], consultation=consultation, text="Vi er her.")
    services.citizen_message_add(consultation=consultation, text="Tak <b>skal</b> I have")
    consultation.refresh_from_db()
    assert consultation.status == Consultation.Status.IN_PROGRESS
    assert [m.from_asker for m in selectors.thread(consultation)] == [True, False, True]
    with pytest.raises(Exception, match="fuldt navn"):
        services.citizen_message_add(consultation=consultation, text="Hun hedder Fatima Khan")
    pk = consultation.pk
    services.consultation_delete(consultation=consultation)
    assert not Consultation.objects.filter(pk=pk).exists()
    assert AuditEvent.objects.filter(action="delete", object_id=str(pk)).exists()


def test_citizen_text_is_shown_escaped(clients, cast):
    region = cast["konsulent"].municipality.region
    consultation = services.consultation_from_citizen(region=region, text="<script>alert(1)</script>")
    page = clients["konsulent"].get(reverse("coordination:consultation-detail", args=[consultation.pk]))
    assert "<script>alert(1)" not in page.content.decode() and "&lt;script&gt;" in page.content.decode()


def test_a_case_worker_sees_the_consultations_of_their_cases_on_the_case(clients, cast, routing):
    case = make_case(cast)
    consultation = ask_about_case(cast, case)
    page = clients["sagsbehandler"].get(reverse("cases:case-detail", args=[case.pk])).content.decode()
    assert "Rådgivning og henvisninger" in page and consultation.topic in page
    assert "Spørg sikkerhedskonsulenterne" in page and "Sæt på netværksmøde" in page


def test_the_consultants_nav_and_start_page_put_the_queue_first(clients):
    page = clients["konsulent"].get(reverse("core:start")).content.decode()
    queue = reverse("coordination:queue")
    nav_links = [part.split('"')[0] for part in page.split('href="')[1:]]
    app_links = [link for link in nav_links if link.startswith("/app/") and link not in ("/app/",)]
    assert app_links.index(queue) <= 1
    main = page.split("<main", 1)[1]
    first_heading = main.split("<h2", 1)[1].split("</h2>", 1)[0]
    assert "Forespørgsler til sikkerhedskonsulenterne" in first_heading


def test_professionals_find_ask_and_my_threads(clients):
    page = clients["fagperson"].get(reverse("core:start")).content.decode()
    assert "Spørg sikkerhedskonsulenterne" in page and "Mine forespørgsler" in page
