"""Versions and editing: drafts, publishing, overrides, review dates, and who may edit what."""

import datetime

import pytest
from django.contrib.auth.models import Permission
from django.core.exceptions import ValidationError
from django.urls import reverse

from tryg.core.testing import assert_flat_queries
from tryg.knowledge.models import Entry
from tryg.knowledge.selectors import search_entries, visible_entries
from tryg.knowledge.services import (
    entry_create_draft,
    entry_create_published,
    entry_publish,
    entry_start_revision,
    entry_update_draft,
)


def _contact(municipality, slug="kontakt", **extra):
    fields = {"kind": Entry.Kind.CONTACT, "title": "Rådgivningen", "audience": "Alle", "phone": "12 34 56 78", **extra}
    return entry_create_published(actor=None, municipality=municipality, slug=slug, **fields)


def _form_data(**extra):
    data = {
        "title": "Rådgivningen",
        "summary": "Kort om tilbuddet",
        "body": "",
        "review_date": "2030-01-01",
        "audience": "Fagpersoner",
        "phone": "",
        "hours": "",
        "url": "",
        "address": "",
        "links": "",
    }
    data.update(extra)
    return data


@pytest.mark.django_db
def test_publishing_makes_a_new_version_and_keeps_the_old_one_unchanged(cast, aalborg):
    tovholder = cast["tovholder"]
    v1 = _contact(aalborg)
    before = Entry.objects.values().get(pk=v1.pk)

    draft = entry_start_revision(actor=tovholder, entry=v1)
    entry_update_draft(actor=tovholder, entry=draft, title="Rådgivningen – ny åbningstid", hours="9-15")
    v2 = entry_publish(actor=tovholder, entry=draft)

    after = Entry.objects.values().get(pk=v1.pk)
    assert v2.version == 2 and v2.is_current and v2.pk != v1.pk
    assert after["valid_to"] == v2.valid_from
    # Content is unchanged; only valid_to is set and (on PostgreSQL) the retired version leaves the search index.
    derived = {"valid_to", "search_vector"}
    assert {k: v for k, v in after.items() if k not in derived} == {k: v for k, v in before.items() if k not in derived}
    assert after["title"] == "Rådgivningen"
    assert list(visible_entries(aalborg).filter(slug="kontakt")) == [v2]


@pytest.mark.django_db
def test_a_published_version_cannot_be_edited_in_place(cast, aalborg):
    v1 = _contact(aalborg)
    with pytest.raises(ValidationError):
        entry_update_draft(actor=cast["tovholder"], entry=v1, title="Ændret")
    with pytest.raises(ValidationError):
        entry_publish(actor=cast["tovholder"], entry=v1)
    assert Entry.objects.get(pk=v1.pk).title == "Rådgivningen"


@pytest.mark.django_db
def test_history_and_old_versions_are_shown(cast, clients, aalborg):
    tovholder = cast["tovholder"]
    v1 = _contact(aalborg)
    draft = entry_start_revision(actor=tovholder, entry=v1)
    entry_update_draft(actor=tovholder, entry=draft, title="Version to")
    entry_publish(actor=tovholder, entry=draft)
    client = clients["fagperson"]

    history = client.get(reverse("knowledge:entry-history", args=["kontakt"])).content.decode()
    old = client.get(reverse("knowledge:entry-version", args=["kontakt", 1])).content.decode()

    assert "Version to" in history and "Rådgivningen" in history
    assert "Tidligere version (1)" in old and "Rådgivningen" in old


@pytest.mark.django_db
def test_the_tovholder_creates_edits_and_publishes_an_entry_on_the_pages(clients, cast, aalborg):
    client = clients["tovholder"]

    response = client.post(
        reverse("knowledge:entry-create"), _form_data(kind="contact", slug="ny-kontakt", title="Ny kontakt")
    )
    draft = Entry.objects.get(slug="ny-kontakt")
    assert response.status_code == 302 and draft.is_draft and draft.municipality == aalborg
    assert not search_entries(aalborg, "Ny kontakt").hits  # drafts are not visible

    response = client.post(
        reverse("knowledge:entry-edit", args=[draft.pk]),
        _form_data(title="Ny kontakt i Aalborg", owner=cast["tovholder"].pk),
    )
    assert response.status_code == 302
    response = client.post(reverse("knowledge:entry-publish", args=[draft.pk]))
    assert response.status_code == 302

    published = visible_entries(aalborg).get(slug="ny-kontakt")
    assert published.version == 1 and published.title == "Ny kontakt i Aalborg"
    assert [h.slug for h in search_entries(aalborg, "kontakt Aalborg").hits] == ["ny-kontakt"]


@pytest.mark.django_db
def test_bad_input_re_renders_the_form_with_an_error_summary_and_changes_nothing(clients, aalborg):
    client = clients["tovholder"]

    response = client.post(reverse("knowledge:entry-create"), _form_data(kind="warning_sign", slug="Ugyldig slug!"))

    html = response.content.decode()
    assert response.status_code == 400
    assert 'id="error-summary"' in html
    assert not Entry.objects.exists()


@pytest.mark.django_db
def test_a_warning_sign_needs_a_group_and_a_target_group(clients):
    response = clients["tovholder"].post(
        reverse("knowledge:entry-create"), _form_data(kind="warning_sign", slug="tegn")
    )

    assert response.status_code == 400
    assert "Vælg den gruppe" in response.content.decode()
    assert not Entry.objects.exists()


@pytest.mark.django_db
def test_a_municipal_entry_cannot_take_a_national_slug_without_overriding(clients):
    _contact(None, slug="national-kontakt")

    response = clients["tovholder"].post(
        reverse("knowledge:entry-create"), _form_data(kind="contact", slug="national-kontakt")
    )

    assert response.status_code == 400
    assert Entry.objects.count() == 1


@pytest.mark.django_db
def test_the_tovholder_overrides_a_national_entry_for_their_municipality(clients, cast, aalborg, hjoerring):
    national = _contact(None, slug="national-kontakt", title="National rådgivning")
    client = clients["tovholder"]

    response = client.post(reverse("knowledge:entry-override", args=["national-kontakt"]))
    draft = Entry.objects.get(municipality=aalborg, slug="national-kontakt")
    assert response.status_code == 302 and draft.is_draft
    assert visible_entries(aalborg).get(slug="national-kontakt") == national  # until published

    owner = cast["tovholder"].pk
    client.post(reverse("knowledge:entry-edit", args=[draft.pk]), _form_data(title="Aalborgs rådgivning", owner=owner))
    client.post(reverse("knowledge:entry-publish", args=[draft.pk]))

    assert visible_entries(aalborg).get(slug="national-kontakt").title == "Aalborgs rådgivning"
    assert visible_entries(hjoerring).get(slug="national-kontakt") == national
    detail = clients["outsider"].get(reverse("knowledge:entry", args=["national-kontakt"])).content.decode()
    assert "National rådgivning" in detail and "Aalborgs rådgivning" not in detail


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["fagperson", "sagsbehandler", "konsulent", "partner", "admin", "outsider"])
def test_editing_pages_are_not_found_for_other_roles(clients, aalborg, role):
    draft = entry_create_draft(actor=None, municipality=aalborg, slug="kladde", **_contact_fields())
    client = clients[role]

    assert client.get(reverse("knowledge:manage")).status_code == 404
    assert client.get(reverse("knowledge:entry-edit", args=[draft.pk])).status_code == 404
    assert client.post(reverse("knowledge:entry-edit", args=[draft.pk]), _form_data(title="X")).status_code == 404
    assert client.post(reverse("knowledge:entry-publish", args=[draft.pk])).status_code == 404
    assert Entry.objects.get(pk=draft.pk).is_draft


def _contact_fields():
    return {"kind": Entry.Kind.CONTACT, "title": "Kladde", "audience": "Alle"}


@pytest.mark.django_db
def test_another_municipalitys_tovholder_cannot_edit_aalborgs_draft(clients, cast, hjoerring, aalborg):
    draft = entry_create_draft(actor=None, municipality=aalborg, slug="kladde", **_contact_fields())
    hjoerring_entry = entry_create_draft(actor=None, municipality=hjoerring, slug="kladde", **_contact_fields())

    client = clients["tovholder"]
    assert client.get(reverse("knowledge:entry-edit", args=[draft.pk])).status_code == 200
    assert client.get(reverse("knowledge:entry-edit", args=[hjoerring_entry.pk])).status_code == 404


@pytest.mark.django_db
def test_national_entries_need_the_national_editor_permission(clients, cast):
    national = _contact(None, slug="national-kontakt")
    draft = entry_start_revision(actor=None, entry=national)
    client = clients["tovholder"]

    assert client.get(reverse("knowledge:entry-edit", args=[draft.pk])).status_code == 404
    assert client.post(reverse("knowledge:entry-publish", args=[draft.pk])).status_code == 404
    assert client.post(reverse("knowledge:entry-revise", args=[national.pk])).status_code == 404

    cast["tovholder"].user_permissions.add(
        Permission.objects.get(codename="edit_national", content_type__app_label="knowledge")
    )
    assert client.get(reverse("knowledge:entry-edit", args=[draft.pk])).status_code == 200
    response = client.post(reverse("knowledge:entry-publish", args=[draft.pk]))
    assert response.status_code == 302
    assert Entry.objects.current().get(municipality=None, slug="national-kontakt").version == 2


@pytest.mark.django_db
def test_a_national_editor_creates_a_national_entry(clients, cast, hjoerring):
    cast["tovholder"].user_permissions.add(
        Permission.objects.get(codename="edit_national", content_type__app_label="knowledge")
    )

    response = clients["tovholder"].post(
        reverse("knowledge:entry-create"), _form_data(kind="contact", slug="fælles", national="on")
    )
    assert response.status_code == 400  # slug must be ASCII
    response = clients["tovholder"].post(
        reverse("knowledge:entry-create"), _form_data(kind="contact", slug="faelles", national="on")
    )
    draft = Entry.objects.get(slug="faelles")
    assert response.status_code == 302 and draft.municipality is None


@pytest.mark.django_db
def test_the_review_list_shows_entries_past_their_review_date(content, clients):
    html = clients["tovholder"].get(reverse("knowledge:review-due")).content.decode()

    assert "Tryg Aalborg" in html  # the seed leaves this one past its review date
    assert "Etnisk Ung" not in html  # national: only with the national-editor permission


@pytest.mark.django_db
def test_the_review_list_is_only_the_municipalitys_own(cast, clients, aalborg, hjoerring):
    past = datetime.date(2020, 1, 1)
    _contact(aalborg, slug="gammel", title="Forfalden Aalborg", review_date=past)
    _contact(aalborg, slug="ny", title="Frisk Aalborg", review_date=datetime.date(2099, 1, 1))
    _contact(hjoerring, slug="gammel", title="Forfalden Hjørring", review_date=past)

    html = clients["tovholder"].get(reverse("knowledge:review-due")).content.decode()

    assert "Forfalden Aalborg" in html
    assert "Frisk Aalborg" not in html and "Forfalden Hjørring" not in html


@pytest.mark.django_db
def test_the_manage_page_query_count_does_not_grow(clients, aalborg):
    counter = {"n": 0}

    def make(n):
        for _ in range(n):
            counter["n"] += 1
            _contact(aalborg, slug=f"k-{counter['n']}")

    assert_flat_queries(make, lambda: clients["tovholder"].get(reverse("knowledge:manage")), small=2, large=12)


@pytest.mark.django_db
def test_the_entry_page_query_count_does_not_grow_with_links(clients, aalborg):
    targets = []
    _contact(None, slug="replacement")

    def make(n):
        for _ in range(n):
            targets.append(_contact(None, slug=f"t-{len(targets)}", successors=["replacement"]))
        Entry.objects.filter(slug="hub").delete()
        entry_create_published(
            actor=None,
            municipality=None,
            slug="hub",
            kind=Entry.Kind.TOOL,
            tool_type="checklist",
            title="Hub",
            links=[t.slug for t in targets],
        )

    url = reverse("knowledge:entry", args=["hub"])
    assert_flat_queries(make, lambda: clients["fagperson"].get(url), small=2, large=12)


@pytest.mark.django_db
def test_the_owner_is_chosen_among_the_municipalitys_coordinators(clients, cast, aalborg):
    from tryg.accounts.models import Membership, Role, User

    tovholder = cast["tovholder"]
    colleague = User.objects.create(username="tove2", first_name="Tine", last_name="Tovholder", municipality=aalborg)
    Membership.objects.create(user=colleague, unit=tovholder.memberships.get().unit, role=Role.TOVHOLDER)
    draft = entry_create_draft(
        actor=tovholder, municipality=aalborg, slug="ejer", kind=Entry.Kind.TOOL, title="Skabelon", tool_type="template"
    )
    client = clients["tovholder"]
    form_page = client.get(reverse("knowledge:entry-edit", args=[draft.pk])).content.decode()
    assert "Tine Tovholder" in form_page and "Freja Lærer" not in form_page  # a teacher cannot own entries

    data = _form_data(title="Skabelon", tool_type="template", owner=cast["fagperson"].pk)
    assert client.post(reverse("knowledge:entry-edit", args=[draft.pk]), data).status_code == 400
    draft.refresh_from_db()
    assert draft.owner == tovholder

    data["owner"] = colleague.pk
    assert client.post(reverse("knowledge:entry-edit", args=[draft.pk]), data).status_code == 302
    client.post(reverse("knowledge:entry-publish", args=[draft.pk]))
    assert "Tine Tovholder" in client.get(reverse("knowledge:entry", args=["ejer"])).content.decode()


@pytest.mark.django_db
def test_links_must_name_entries_that_exist(clients, cast, aalborg, hjoerring):
    _contact(None, slug="national-kontakt")
    _contact(hjoerring, slug="hjoerrings-kontakt")
    client = clients["tovholder"]
    data = _form_data(kind="contact", slug="med-links", links="national-kontakt, findes-ikke, hjoerrings-kontakt")

    response = client.post(reverse("knowledge:entry-create"), data)
    html = response.content.decode()
    assert response.status_code == 400 and 'id="error-summary"' in html
    assert "findes-ikke, hjoerrings-kontakt" in html  # another municipality's entry is not reachable
    assert not Entry.objects.filter(slug="med-links").exists()

    data["links"] = "national-kontakt"
    assert client.post(reverse("knowledge:entry-create"), data).status_code == 302
    assert [link.target_slug for link in Entry.objects.get(slug="med-links").links.all()] == ["national-kontakt"]


@pytest.mark.django_db
def test_the_tovholder_retires_an_override_and_the_national_entry_shows_again(clients, cast, aalborg):
    national = _contact(None, slug="national-kontakt", title="National rådgivning")
    own = _contact(aalborg, slug="national-kontakt", title="Aalborgs rådgivning")
    client = clients["tovholder"]
    url = reverse("knowledge:entry-retire", args=[own.pk])

    confirm = client.get(url).content.decode()
    assert "National rådgivning" in confirm and "Træk tilbage" in confirm
    assert Entry.objects.get(pk=own.pk).is_current  # the confirmation page changes nothing

    assert client.post(url).status_code == 302
    own.refresh_from_db()
    assert own.status == Entry.Status.RETIRED and own.valid_to is not None
    assert visible_entries(aalborg).get(slug="national-kontakt") == national
    assert client.post(url).status_code == 400  # no longer the current version
    assert clients["sagsbehandler"].get(url).status_code == 404


@pytest.mark.django_db
def test_a_retired_own_entry_leaves_search_and_its_page(clients, cast, aalborg):
    own = _contact(aalborg, slug="lokal-kontakt", title="Lokal natåben rådgivning")
    assert [h.slug for h in search_entries(aalborg, "natåben").hits] == ["lokal-kontakt"]

    clients["tovholder"].post(reverse("knowledge:entry-retire", args=[own.pk]))

    assert not search_entries(aalborg, "natåben").hits
    assert clients["fagperson"].get(reverse("knowledge:entry", args=["lokal-kontakt"])).status_code == 404
