"""The law register keeps itself honest: corrected facts, content_check, "Lovændringer", version diffs."""

import datetime
from html import unescape

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from tryg.actioncards.tests.helpers import SMALL_CARD, make_card
from tryg.knowledge.models import Entry
from tryg.knowledge.services import entry_create_published, entry_publish, entry_start_revision, entry_update_draft

LAW_CHANGES = reverse("knowledge:law-changes")


@pytest.fixture
def seeded(content, cast):
    """Knowledge content plus Aalborg's four published action cards, as in the demo."""
    from tryg.actioncards.demo import demo_seed

    demo_seed(users={"tovholder": cast["tovholder"]})
    return cast


def _repeal(slug, *, successors=(), actor=None, text=""):
    """Publish a new national version of `slug` that is marked repealed today."""
    current = Entry.objects.current().national().get(slug=slug)
    draft = entry_start_revision(actor=actor, entry=current)
    entry_update_draft(
        actor=actor,
        entry=draft,
        repealed_on=datetime.date.today(),
        successors=list(successors),
        superseded_by_text=text,
    )
    return entry_publish(actor=actor, entry=draft)


def _card_citing(slug, provisions):
    return SMALL_CARD.replace("lille-kort", slug).replace(
        "    actions: [Ring 112]\n", f"    actions: [Ring 112]\n    provisions: [{', '.join(provisions)}]\n"
    )


@pytest.mark.django_db
def test_the_api_returns_the_corrected_provisions_and_the_new_contacts(content, clients):
    client = clients["fagperson"]
    detail = lambda slug: client.get(reverse("knowledge-api:entry-detail", args=[slug]))  # noqa: E731

    psykisk_vold = detail("straffeloven-243").json()
    assert psykisk_vold["in_force_from"] == "2019-04-01"
    assert "bøde eller fængsel indtil 3 år" in psykisk_vold["summary"]
    assert "groft nedværdigende, forulempende eller krænkende adfærd" in psykisk_vold["summary"]
    assert "»" in psykisk_vold["body"] and "negativ social kontrol" in psykisk_vold["body"]
    assert detail("straffeloven-215-a").json()["in_force_from"] == "2019-01-01"
    receipt = detail("barnets-lov-138").json()
    assert receipt["paragraph"] == "§ 138" and "6 hverdage" in receipt["summary"]
    assert "24 timer" in detail("barnets-lov-136").json()["summary"]
    assert "hverdage" not in detail("barnets-lov-136").json()["summary"]
    old = detail("serviceloven-153").json()
    assert old["repealed_on"] == "2024-01-01" and [s["slug"] for s in old["successors"]] == ["barnets-lov-133"]
    assert "eli/lta/2023/1089" in old["source_url"]
    assert detail("forvaltningsloven-27").json()["verified"] is True
    assert detail("serviceloven-12a").json()["in_force_from"] == "2014-01-01"

    phones = {e.slug: e.phone for e in Entry.objects.current().filter(kind="contact")}
    assert phones["boernetelefonen"] == "116 111" and phones["lev-uden-vold-1888"] == "1888"
    assert {"viso", "maerk", "ankestyrelsen", "politiet-kontaktpersoner"} <= set(phones)


@pytest.mark.django_db
def test_the_succession_from_serviceloven_to_barnets_lov_is_in_the_register(content):
    successors = dict(Entry.objects.current().filter(law="Serviceloven").values_list("paragraph", "successors"))
    assert successors["§ 50"][0] == "barnets-lov-20"
    assert successors["§ 153"] == ["barnets-lov-133"]
    assert successors["§ 154"] == ["barnets-lov-135"]
    assert successors["§ 155"] == ["barnets-lov-136"]
    assert successors["§ 155 a"] == ["barnets-lov-137"]
    assert successors["§ 155 b"] == ["barnets-lov-138"]
    assert successors["§ 12 a"] == []


@pytest.mark.django_db
def test_content_check_passes_on_the_seeded_content(seeded, capsys):
    call_command("content_check")

    out = capsys.readouterr().out
    assert "ingen fejl" in out
    assert "ADVARSEL" in out and "Tryg Aalborg" in out  # past its review date: a warning, not a failure


@pytest.mark.django_db
def test_content_check_fails_naming_a_card_that_cites_a_repealed_provision(seeded, capsys):
    make_card(_card_citing("gammelt-kort", ["serviceloven-153"]))
    make_card(_card_citing("rettet-kort", ["serviceloven-153", "barnets-lov-133"]))

    with pytest.raises(CommandError):
        call_command("content_check")

    err = capsys.readouterr().err
    assert 'Handlekort "Et lille kort" (Aalborg Kommune, version 1), resultatet "slut-akut"' in err
    assert "Serviceloven § 153, som er ophævet" in err and "Barnets lov § 133" in err
    assert err.count("FEJL") == 1  # the card that also cites the successor passes


@pytest.mark.django_db
def test_content_check_fails_on_an_unknown_slug_and_a_provision_without_source(seeded, capsys):
    entry_create_published(
        actor=None,
        municipality=None,
        slug="uden-kilde",
        kind=Entry.Kind.LEGAL_PROVISION,
        title="Uden kilde",
        law="Testloven",
        paragraph="§ 1",
        links=[],
    )
    Entry.objects.filter(slug="redskab-sikker-kontakt").first().links.create(target_slug="findes-ikke", position=9)

    with pytest.raises(CommandError):
        call_command("content_check")

    err = capsys.readouterr().err
    assert 'henviser til "findes-ikke", som ikke findes' in err
    assert "Testloven § 1" in err and "mangler en kilde" in err and "mangler en ikrafttrædelsesdato" in err


@pytest.mark.django_db
def test_content_check_names_the_clocks_when_their_provision_is_repealed(seeded, capsys):
    _repeal("barnets-lov-138")

    with pytest.raises(CommandError):
        call_command("content_check")

    assert 'Sagsforløbets frist "Kvittering inden 6 hverdage"' in capsys.readouterr().err


@pytest.mark.django_db
def test_law_changes_lists_every_card_and_entry_citing_a_repealed_provision(seeded, clients):
    _repeal("barnets-lov-133", successors=["barnets-lov-135"])

    html = unescape(clients["tovholder"].get(LAW_CHANGES).content.decode())

    assert "Barnets lov § 133 – Skærpet underretningspligt" in html
    for card in ("Akut fare", "Bekymring for et barn eller en ung under 18"):
        assert f'Handlekort "{card}" (Aalborg Kommune' in html
    assert reverse("actioncards:card-edit", args=["akut-fare"]) in html
    assert 'Opslag "Børne- og Familieafdelingen" (Kontakt, Aalborg Kommune' in html
    assert "Sagsforløbets frist" not in html.split("Barnets lov § 133 – ")[1].split("<section")[0]


@pytest.mark.django_db
def test_law_changes_shows_which_municipal_overrides_still_cite_the_old_paragraph(content, clients, cast):
    # Aalborg keeps its own version of the national checklist; both cite barnets lov § 133.
    _repeal("barnets-lov-133", successors=["barnets-lov-135"])

    html = unescape(clients["tovholder"].get(LAW_CHANGES).content.decode())

    section = html.split('id="lov-barnets-lov-133"')[1].split("</section>")[0]
    national_row = section.split('Opslag "Tjekliste: før du underretter" (Redskab, nationalt')[1].split("</tr>")[0]
    assert "Kommunale udgaver, der stadig henviser til den gamle paragraf" in national_row
    assert 'Opslag "Tjekliste: før du underretter i Aalborg Kommune" (Redskab, Aalborg Kommune' in national_row


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["fagperson", "sagsbehandler", "konsulent", "partner", "admin", "outsider"])
def test_law_changes_is_a_404_for_everyone_but_the_coordinator(content, clients, role):
    assert clients[role].get(LAW_CHANGES).status_code == 404
    assert clients["anonymous"].get(LAW_CHANGES).status_code == 302


@pytest.mark.django_db
def test_the_entry_diff_shows_who_changed_what_and_when(content, clients, cast):
    tovholder = cast["tovholder"]
    current = Entry.objects.current().get(slug="aalborg-beredskab")
    draft = entry_start_revision(actor=tovholder, entry=current)
    entry_update_draft(actor=tovholder, entry=draft, title="Aalborgs beredskab 2027", body="Ny tekst om beredskabet.")
    entry_publish(actor=tovholder, entry=draft)

    response = clients["tovholder"].get(reverse("knowledge:entry-diff", args=["aalborg-beredskab", 2]))

    html = response.content.decode()
    assert response.status_code == 200
    assert "<del>" in html and "<ins>" in html and "2027" in html
    assert tovholder.display_name in html
    assert reverse("knowledge:entry-version", args=["aalborg-beredskab", 1]) in html
    history = clients["fagperson"].get(reverse("knowledge:entry-history", args=["aalborg-beredskab"])).content
    assert reverse("knowledge:entry-diff", args=["aalborg-beredskab", 2]).encode() in history
    first = clients["fagperson"].get(reverse("knowledge:entry-diff", args=["aalborg-beredskab", 1])).content.decode()
    assert "første version" in first


@pytest.mark.django_db
def test_the_entry_diff_of_another_municipalitys_entry_is_a_404(content, clients):
    url = reverse("knowledge:entry-diff", args=["aalborg-beredskab", 1])
    assert clients["outsider"].get(url).status_code == 404
    assert clients["anonymous"].get(url).status_code == 302
