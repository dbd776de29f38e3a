"""The tovholder's pages: import, edit a draft, publish a new version (old walks stay), export."""

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tryg.actioncards.graph import load_card
from tryg.actioncards.models import ActionCard, CardVersion, Walk

from .helpers import SMALL_CARD, aalborg, change_title, make_card


def _upload(text, name="kort.yaml"):
    return SimpleUploadedFile(name, text.encode() if isinstance(text, str) else text, content_type="application/x-yaml")


def test_it_imports_an_uploaded_card_as_a_draft_for_the_tovholders_municipality(cast, clients):
    client = clients["tovholder"]
    assert client.get(reverse("actioncards:card-import")).status_code == 200
    response = client.post(reverse("actioncards:card-import"), {"file": _upload(SMALL_CARD), "scope": "municipality"})
    assert response.status_code == 302
    version = CardVersion.objects.get()
    assert version.is_draft and version.number == 1 and version.card.municipality == aalborg()
    assert response["Location"] == reverse("actioncards:version-detail", args=["lille-kort", 1])
    # A draft is not walkable by others.
    assert clients["fagperson"].get(reverse("actioncards:card-detail", args=["lille-kort"])).status_code == 404


def test_it_rejects_an_invalid_yaml_upload_with_the_error_summary_and_changes_nothing(cast, clients):
    client = clients["tovholder"]
    bad = SMALL_CARD.replace("next: i1", "next: ingen-steder")
    response = client.post(reverse("actioncards:card-import"), {"file": _upload(bad), "scope": "municipality"})
    html = response.content.decode()
    assert response.status_code == 400
    assert 'id="error-summary"' in html
    assert "Svarmuligheden &quot;nej&quot; i spørgsmålet &quot;q1&quot; fører til &quot;ingen-steder&quot;" in html
    response = client.post(
        reverse("actioncards:card-import"), {"file": _upload("title: [ikke lukket\n"), "scope": "municipality"}
    )
    assert response.status_code == 400 and "Teksten er ikke gyldig YAML (linje" in response.content.decode()
    response = client.post(
        reverse("actioncards:card-import"), {"file": _upload(b"\x00\x01binary"), "scope": "municipality"}
    )
    assert response.status_code == 400 and "Filen er ikke en tekstfil." in response.content.decode()
    response = client.post(reverse("actioncards:card-import"), {"file": _upload(SMALL_CARD), "scope": "national"})
    assert response.status_code == 400  # the tovholder may not make national cards
    assert ActionCard.objects.count() == 0


def test_it_edits_a_published_card_into_a_new_draft_and_publishes_it_keeping_old_walks(cast, clients):
    v1 = make_card()
    walker = clients["fagperson"]
    walker.post(reverse("actioncards:walk-start", args=["lille-kort"]), {"version": 1})
    old_walk = Walk.objects.get()
    tovholder = clients["tovholder"]
    page = tovholder.get(reverse("actioncards:card-edit", args=["lille-kort"]))
    assert page.status_code == 200 and "slug: lille-kort" in page.content.decode()
    response = tovholder.post(
        reverse("actioncards:card-edit", args=["lille-kort"]), {"yaml": change_title(SMALL_CARD, "Et nyt navn")}
    )
    assert response.status_code == 302
    v2 = CardVersion.objects.get(number=2)
    assert v2.is_draft and v2.title == "Et nyt navn"
    v1.refresh_from_db()
    assert v1.status == "published" and v1.title == "Et lille kort"
    # Saving again replaces the draft rather than piling up versions.
    tovholder.post(
        reverse("actioncards:card-edit", args=["lille-kort"]), {"yaml": change_title(SMALL_CARD, "Endnu et navn")}
    )
    assert CardVersion.objects.count() == 2
    response = tovholder.post(reverse("actioncards:card-publish", args=["lille-kort"]), {"version": 2})
    assert response.status_code == 302
    v1.refresh_from_db()
    v2.refresh_from_db()
    assert (
        v1.status == "retired" and v1.retired_at and v2.status == "published" and v2.published_by == cast["tovholder"]
    )
    old_walk.refresh_from_db()
    assert old_walk.card_version == v1
    html = walker.get(reverse("actioncards:walk-step", args=[old_walk.pk])).content.decode()
    assert "Et lille kort" in html and "Version 1" in html
    walker.post(reverse("actioncards:walk-start", args=["lille-kort"]), {"version": 2})
    assert Walk.objects.order_by("-started_at").first().card_version == v2
    # A start form from the old card page does not silently start another version.
    response = walker.post(reverse("actioncards:walk-start", args=["lille-kort"]), {"version": 1})
    assert response.status_code == 400 and "ny version" in response.content.decode()


def test_it_rerenders_the_editor_with_errors_for_an_invalid_card(cast, clients):
    make_card()
    tovholder = clients["tovholder"]
    bad = SMALL_CARD.replace("kind: instruction", "kind: besked")
    response = tovholder.post(reverse("actioncards:card-edit", args=["lille-kort"]), {"yaml": bad})
    html = response.content.decode()
    assert response.status_code == 400
    assert html.index('id="error-summary"') < html.index("<h1")
    assert "Punktet &quot;i1&quot; har en ukendt type &quot;besked&quot;" in html
    response = tovholder.post(
        reverse("actioncards:card-edit", args=["lille-kort"]), {"yaml": SMALL_CARD.replace("lille-kort", "andet")}
    )
    assert response.status_code == 400 and "Slug kan ikke ændres her" in response.content.decode()
    assert CardVersion.objects.count() == 1


def test_it_never_changes_a_published_version_in_place(cast):
    version = make_card()
    version.graph = {**version.graph, "start": "q2"}
    with pytest.raises(ValueError):
        version.save()
    fresh = CardVersion.objects.get(pk=version.pk)
    fresh.status = CardVersion.Status.RETIRED
    fresh.save(update_fields=["status"])  # moving on in its lifecycle is allowed


def test_it_refuses_to_publish_without_a_draft(cast, clients):
    make_card()
    response = clients["tovholder"].post(reverse("actioncards:card-publish", args=["lille-kort"]), {"version": 1})
    assert response.status_code == 400
    assert CardVersion.objects.get().status == "published"


def test_it_exports_a_version_as_a_yaml_download_that_imports_again(cast, clients):
    make_card()
    response = clients["tovholder"].get(reverse("actioncards:version-export", args=["lille-kort", 1]))
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="lille-kort-v1.yaml"'
    assert response["Content-Type"].startswith("application/yaml")
    stored = CardVersion.objects.get().graph
    again = load_card(response.content.decode())
    assert again.slug == "lille-kort" and again.target_group == "child"
    assert again.graph == {"start": stored["start"], "nodes": stored["nodes"]}


def test_it_lets_only_national_editors_edit_national_cards(cast, clients):
    make_card(municipality=None)
    tovholder = clients["tovholder"]
    assert tovholder.get(reverse("actioncards:card-edit", args=["lille-kort"])).status_code == 404
    assert clients["fagperson"].get(reverse("actioncards:card-detail", args=["lille-kort"])).status_code == 200
    assert clients["outsider"].get(reverse("actioncards:card-detail", args=["lille-kort"])).status_code == 200
    user = cast["tovholder"]
    user.user_permissions.add(Permission.objects.get(codename="edit_national", content_type__app_label="actioncards"))
    from django.test import Client

    from tryg.core.testing import login_verified

    client = login_verified(Client(), type(user).objects.get(pk=user.pk))
    assert client.get(reverse("actioncards:card-edit", args=["lille-kort"])).status_code == 200
    manage = client.get(reverse("actioncards:card-manage")).content.decode()
    assert "Alle kommuner" in manage


def test_it_lists_the_cards_a_tovholder_may_manage_with_a_flat_query_count(cast, clients):
    from tryg.core.testing import assert_flat_queries

    counter = iter(range(1000))

    def make(n):
        for _ in range(n):
            make_card(SMALL_CARD.replace("lille-kort", f"kort-{next(counter)}"))

    client = clients["tovholder"]
    assert_flat_queries(make, lambda: client.get(reverse("actioncards:card-manage")))
    assert_flat_queries(make, lambda: clients["fagperson"].get(reverse("actioncards:card-list")))
