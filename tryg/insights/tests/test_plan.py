"""The preparedness plan: versions adopted by the council, the revision clock, affected sections, the diff, the
public page without login or cookies, and the annual report."""

from datetime import date, timedelta
from io import BytesIO

from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from tryg.accounts.tests.helpers import confirm_password
from tryg.audit.models import Action, AuditEvent
from tryg.core.selectors import start_page_sections
from tryg.insights.demo import demo_seed
from tryg.insights.models import PlanSection, PlanVersion, SectionKind


def _form(adopted_on: date, due: str = "", title="Beredskabsplan 2026") -> dict:
    data = {
        "title": title,
        "adopted_by": "Byrådet",
        "adopted_on": adopted_on.isoformat(),
        "next_revision_due": due,
        "change_note": "Nye kontakter",
    }
    for kind in SectionKind.values:
        data[f"{kind}-title"] = f"Afsnit {kind}"
        data[f"{kind}-body"] = f"Tekst om {kind}."
        data[f"{kind}-card_slugs"] = "akut-fare" if kind == "handling" else ""
        data[f"{kind}-entry_slugs"] = "barnets-lov-133" if kind == "detection" else ""
        data[f"{kind}-contact_slugs"] = "politiet-112" if kind == "contacts" else ""
    return data


def test_the_coordinator_records_a_version_and_the_public_page_shows_it(clients, cast, client):
    today = timezone.localdate()
    response = clients["tovholder"].post(reverse("insights:version-create"), _form(today - timedelta(days=3)))
    assert response.status_code == 302
    version = PlanVersion.objects.get(municipality=cast["tovholder"].municipality)
    assert version.number == 1 and version.next_revision_due == version.adopted_on.replace(
        year=version.adopted_on.year + 4
    )
    assert AuditEvent.objects.filter(action=Action.CREATE, object_type="insights.planversion").exists()
    public = client.get(reverse("beredskab:plan", args=[cast["tovholder"].municipality.code]))
    assert public.status_code == 200 and "Beredskabsplan 2026" in public.content.decode()
    assert "Byrådet" in public.content.decode() and not public.cookies
    assert "Set-Cookie" not in public.headers
    second = clients["tovholder"].post(
        reverse("insights:version-create"),
        _form(today, due=(today + timedelta(days=400)).isoformat(), title="Beredskabsplan 2026, revideret"),
    )
    assert second.status_code == 302
    diff = clients["tovholder"].get(reverse("insights:version-diff", args=[2])).content.decode()
    assert "tilføjet:" in diff and "revideret" in diff
    assert "revideret" in client.get(reverse("beredskab:plan", args=["851"])).content.decode()


def test_the_next_revision_is_at_most_four_years_after_adoption_and_bad_input_changes_nothing(clients, cast):
    adopted = date(2025, 3, 1)
    response = clients["tovholder"].post(reverse("insights:version-create"), _form(adopted, due="2029-03-02"))
    assert response.status_code == 400 and "senest 4 år efter" in response.content.decode()
    data = _form(adopted)
    data["handling-card_slugs"] = "Ikke et slug!"
    response = clients["tovholder"].post(reverse("insights:version-create"), data)
    assert response.status_code == 400 and "Ugyldige korte navne" in response.content.decode()
    data = _form(adopted)
    data["prevention-title"] = ""
    data["adopted_on"] = "i går"
    response = clients["tovholder"].post(reverse("insights:version-create"), data)
    assert response.status_code == 400 and "Der er fejl i formularen" in response.content.decode()
    assert not PlanVersion.objects.exists()


def test_the_start_page_warns_six_months_before_the_revision(cast):
    user = cast["tovholder"]
    demo_seed(users={"tovholder": user})
    version = PlanVersion.objects.get(municipality=user.municipality)
    PlanVersion.objects.filter(pk=version.pk).update(
        adopted_on=timezone.localdate() - timedelta(days=4 * 365 - 100),
        next_revision_due=timezone.localdate() + timedelta(days=100),
    )
    section = next(s for s in start_page_sections(user.roles, user=user) if s["title"] == "Beredskabsplan")
    assert any("skal revideres senest" in item.text for item in section["due"])
    PlanVersion.objects.filter(pk=version.pk).update(next_revision_due=timezone.localdate() + timedelta(days=400))
    section = next(s for s in start_page_sections(user.roles, user=user) if s["title"] == "Beredskabsplan")
    assert not any("revideres" in item.text for item in section["due"])


def test_a_section_is_affected_by_a_changed_provision_until_the_coordinator_reviews_it(clients, cast):
    demo_seed(users={"tovholder": cast["tovholder"]})
    page = clients["tovholder"].get(reverse("insights:plan")).content.decode()
    assert "Berørt af ændringer" in page and "ændret siden sidste gennemsyn" in page
    handling = PlanSection.objects.get(kind=SectionKind.HANDLING, version__municipality=cast["tovholder"].municipality)
    response = clients["tovholder"].post(reverse("insights:section-review", args=[handling.pk]))
    assert response.status_code == 302
    assert "Berørt af ændringer" not in clients["tovholder"].get(reverse("insights:plan")).content.decode()
    # Another municipality's section is a 404 and a refused row.
    refused = AuditEvent.objects.filter(action=Action.REFUSED).count()
    assert clients["outsider"].post(reverse("insights:section-review", args=[handling.pk])).status_code == 404
    assert AuditEvent.objects.filter(action=Action.REFUSED).count() == refused + 1


def test_the_annual_report_prints_the_indicators_the_plan_status_and_the_commentary(clients, cast):
    demo_seed(users={"tovholder": cast["tovholder"]})
    year = timezone.localdate().year
    url = reverse("insights:annual-report", args=[year])
    saved = clients["tovholder"].post(
        url, {"summary": "Flere underretninger via handlekortet.", "next_steps": "Temadag"}
    )
    assert saved.status_code == 302
    page = clients["tovholder"].get(url).content.decode()
    assert "Flere underretninger via handlekortet." in page and "Revision inden for 6 måneder" in page
    assert "data-print" in page and '<svg class="ins-chart"' in page
    xlsx = confirm_password(clients["tovholder"]).get(reverse("insights:annual-report-xlsx", args=[year]))
    about = {r[0]: r[1] for r in load_workbook(BytesIO(xlsx.content))["Om tallene"].iter_rows(values_only=True)}
    assert about["Sammenfatning"] == "Flere underretninger via handlekortet."
    assert clients["tovholder"].get(reverse("insights:annual-report", args=[1900])).status_code == 404


def test_an_unknown_municipality_has_no_public_plan(client, db):
    assert client.get(reverse("beredskab:plan", args=["999"])).status_code == 404


def test_the_public_plan_is_danish_and_other_language_prefixes_lead_there(client, db):
    """The council's plan is published in Danish: Danish text under lang="ar" or "en" would be marked wrongly."""
    for prefix in ("en", "ar", "so"):
        response = client.get(f"/{prefix}/beredskab/851/")
        assert response.status_code == 302 and response["Location"] == "/beredskab/851/", prefix
        assert not response.cookies
    assert '<html lang="da"' in client.get("/beredskab/999/").content.decode()
