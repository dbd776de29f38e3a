"""Demo data for the plan: Aalborg's preparedness plan as adopted by the council (made-up dates and wording, marked
as demo data), with one section affected by the law change (serviceloven § 50 → barnets lov). Idempotent."""

from datetime import date

from django.db import transaction

from . import services
from .models import PlanSection, PlanVersion, SectionKind

SECTIONS = {
    SectionKind.PREVENTION: (
        "Forebyggelse",
        "Ung-til-ung dialogmøder på skoler og i klubber, partnerskaber med civilsamfundet og temadage for "
        "fagpersoner, så flere kender tegnene og ved, hvad de skal gøre.",
        [],
        ["redskab-samtale-barn-alene"],
        [],
    ),
    SectionKind.DETECTION: (
        "Tidlig opsporing",
        "Fagpersoner bruger handlekortet, når de er bekymrede, og underretter kommunen. Bekymringstegnene står i "
        "hjælperedskabet.",
        ["bekymring-barn", "bekymring-voksen"],
        ["barnets-lov-133", "redskab-tjekliste-underretning"],
        [],
    ),
    SectionKind.HANDLING: (
        "Håndtering",
        "Kommunen vurderer inden for 24 timer, taler med barnet eller den unge alene, laver en risikovurdering og "
        "en sikkerhedsplan. I akut fare ringes 112.",
        ["akut-fare", "efter-underretning"],
        ["barnets-lov-18", "serviceloven-50", "redskab-sikkerhedsplan"],
        [],
    ),
    SectionKind.ROLES: (
        "Hvem gør hvad",
        "Tovholderen koordinerer indsatsen. Børne- og Familieafdelingen og Socialafdelingen har myndigheden. "
        "Sikkerhedskonsulenterne rådgiver og laver risikovurderinger på kommunens anmodning.",
        [],
        ["serviceloven-12c"],
        [],
    ),
    SectionKind.CONTACTS: (
        "Kontakter",
        "Hvem man kan ringe til, døgnet rundt og i dagtiden.",
        [],
        [],
        [
            "kontakt-tryg-aalborg",
            "kontakt-boerne-familieafdelingen",
            "sikkerhedskonsulenterne-nordjylland",
            "politiet-112",
        ],
    ),
}


@transaction.atomic
def demo_seed(users: dict) -> None:
    coordinator = users.get("tovholder")
    if coordinator is None or PlanVersion.objects.filter(municipality_id=coordinator.municipality_id).exists():
        return
    sections = [
        {"kind": kind, "title": t, "body": b, "card_slugs": c, "entry_slugs": e, "contact_slugs": k}
        for kind, (t, b, c, e, k) in SECTIONS.items()
    ]
    services.plan_version_create(
        actor=coordinator,
        municipality=coordinator.municipality,
        title="Beredskab mod negativ social kontrol og æresrelaterede konflikter",
        summary="Demodata: et opdigtet eksempel på en beredskabsplan for Aalborg Kommune.",
        adopted_by="Byrådet",
        adopted_on=date(2022, 12, 12),
        sections=sections,
        is_demo=True,
    )
    # The demo shows a section as the law change register affects it: seen before serviceloven § 50 was repealed.
    handling = PlanSection.objects.get(version__municipality_id=coordinator.municipality_id, kind=SectionKind.HANDLING)
    handling.seen = {**handling.seen, "entry:serviceloven-50": "v1||"}
    handling.save(update_fields=["seen"])
