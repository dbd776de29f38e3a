"""Demo data for partnerships. Facts from the 2019 announcement (shared/seeds/003_…): the pool of 8.5 million DKK,
the five municipalities, the five applications and the partners of each. Everything else — the split of the pool,
budget lines, payments, agreements, deadlines, activities, contact persons — is made up for the demo and marked
as such (`is_demo`, "(demo)"). Idempotent: a second run changes nothing."""

from datetime import date, timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from tryg.accounts.models import Municipality, Region

from . import services
from .models import Application, GrantPool, Partner

POOL_NAME = "Partnerskaber mod negativ social kontrol 2019"
POOL_TOTAL = Decimal("8500000")  # fact: 8.5 million DKK in total
POOL_ANNOUNCED = date(2019, 4, 15)  # fact: the date of the announcement
APPLICATIONS_RECEIVED = 5  # fact

# Municipality code -> (name, region code, region name). Created when the demo organisation lacks them.
MUNICIPALITIES = {
    "851": ("Aalborg Kommune", "nordjylland", "Region Nordjylland"),
    "101": ("Københavns Kommune", "hovedstaden", "Region Hovedstaden"),
    "540": ("Sønderborg Kommune", "syddanmark", "Region Syddanmark"),
    "169": ("Høje-Taastrup Kommune", "hovedstaden", "Region Hovedstaden"),
    "615": ("Horsens Kommune", "midtjylland", "Region Midtjylland"),
}

ASSOCIATION, COOPERATION = Partner.Kind.ASSOCIATION, Partner.Kind.COOPERATION
BYDELSMOEDRE = (
    "Bydelsmødre",
    ASSOCIATION,
    "Kvinder, mænd og børn i isolation",
    "Frivillige bydelsmødre, der hjælper familier ud af isolation. Foreningen er finansieret af Fonden for "
    "Socialt Ansvar.",
)
BABA = (
    "Baba – fordi far er vigtig",
    ASSOCIATION,
    "Fædre og deres familier",
    "Arbejder med fædrenes rolle i familien og i lokalsamfundet. Finansieret af Fonden for Socialt Ansvar.",
)
# Municipality code -> partners (name, kind, target groups, description; in our own words), as the seed names them.
PARTNERS = {
    "851": [
        ("Sawa", ASSOCIATION, "Kvinder med arabisk baggrund", "En forening, hvor kvinder med arabisk baggrund mødes."),
        (
            "Foreningen for Kvinders Vækst",
            ASSOCIATION,
            "Kvinder på tværs af etnisk herkomst, kultur og religion",
            "Kvinder med forskellig baggrund bygger netværk med hinanden.",
        ),
        (
            "Elsk Aalborg International",
            ASSOCIATION,
            "Alle, der vil være en del af et fællesskab",
            "Byder alle velkommen i et fællesskab i byen.",
        ),
        ("Integrationsrådet", COOPERATION, "", "Samarbejde med kommunens integrationsråd om indsatsen."),
    ],
    "101": [BYDELSMOEDRE, BABA],
    "540": [BYDELSMOEDRE, BABA],
    "169": [BYDELSMOEDRE, BABA],
    "615": [
        (
            "Bo Trivsel",
            ASSOCIATION,
            "Beboere i Sundparken og Sønderbro",
            "Et lokalt frivillighedscenter, der sammen med en række civilsamfundsaktører laver aktiviteter i de to "
            "boligsociale områder Sundparken og Sønderbro.",
        )
    ],
}
# DEMO: the split of the pool over the partners (made up; the seed gives only the total). Sums to 8.5 million.
DEMO_AMOUNTS = {
    ("851", "Sawa"): 600_000,
    ("851", "Foreningen for Kvinders Vækst"): 500_000,
    ("851", "Elsk Aalborg International"): 500_000,
    ("851", "Integrationsrådet"): 400_000,
    ("101", "Bydelsmødre"): 1_000_000,
    ("101", "Baba – fordi far er vigtig"): 900_000,
    ("540", "Bydelsmødre"): 750_000,
    ("540", "Baba – fordi far er vigtig"): 650_000,
    ("169", "Bydelsmødre"): 850_000,
    ("169", "Baba – fordi far er vigtig"): 750_000,
    ("615", "Bo Trivsel"): 1_600_000,
}
# DEMO: budget lines as shares of each grant.
DEMO_BUDGET = [
    ("Aktiviteter og arrangementer", Decimal("0.5")),
    ("Frivilligkoordinering", Decimal("0.3")),
    ("Lokaler og materialer", Decimal("0.2")),
]
# DEMO: activities (title, days ago, participants, volunteers, budget line index, cost, description).
DEMO_ACTIVITIES = {
    "Sawa": [
        ("Netværkscafé for kvinder", 40, 18, 3, 0, "4500", "Kaffe, sprog og en samtale om frihed i hverdagen."),
        ("Temaaften om rettigheder i familien", 12, 25, 4, 0, "6200", "Oplæg og spørgsmål med en rådgiver."),
        ("Leje af lokale, første halvår", 60, 0, 0, 2, "9000", "Foreningens faste mødelokale."),
    ],
    "Foreningen for Kvinders Vækst": [
        ("Netværksmøde på tværs af kulturer", 20, 32, 5, 0, "7800", "Indberettet af tovholderen for foreningen."),
    ],
}
DEMO_CONTACTS = {
    "Sawa": ("Mona Demo (demo)", "Formand", "kontakt@sawa.demo.invalid"),
    "Foreningen for Kvinders Vækst": ("Lise Demo (demo)", "Koordinator", "kontakt@fkv.demo.invalid"),
    "Elsk Aalborg International": ("Ahmad Demo (demo)", "Næstformand", "kontakt@eai.demo.invalid"),
}


def ensure_municipalities() -> dict[str, Municipality]:
    """The five municipalities of the pool (with their regions), created where the demo organisation lacks them."""
    out = {}
    for code, (name, region_code, region_name) in MUNICIPALITIES.items():
        region, _ = Region.objects.get_or_create(code=region_code, defaults={"name": region_name})
        out[code], _ = Municipality.objects.get_or_create(code=code, defaults={"name": name, "region": region})
    return out


def _demo_period() -> tuple[date, date]:
    """DEMO: grants run for two years from the first of the month ten months ago, so the demo is current."""
    start = (timezone.localdate() - timedelta(days=300)).replace(day=1)
    return start, start.replace(year=start.year + 2) - timedelta(days=1)


@transaction.atomic
def demo_seed(*, users) -> None:
    if GrantPool.objects.filter(name=POOL_NAME).exists():
        return  # already seeded: leave everything as it is
    actor = users["tovholder"]
    municipalities = ensure_municipalities()
    pool = services.pool_create(
        actor=actor,
        name=POOL_NAME,
        grantor="Staten (national pulje)",
        total=POOL_TOTAL,
        period_start=POOL_ANNOUNCED,
        municipalities=municipalities.values(),
        applications_received=APPLICATIONS_RECEIVED,
        description="Statsstøtte til fem kommuner, der sammen med lokale foreninger og andre aktører uden for "
        "kommunen vil forebygge negativ social kontrol. Foreningerne har ofte en tættere kontakt til de borgere, "
        "det drejer sig om.",
    )
    start, end = _demo_period()
    today = timezone.localdate()
    for code, partners in PARTNERS.items():
        municipality = municipalities[code]
        application = services.application_add(
            actor=actor,
            pool=pool,
            municipality=municipality,
            title=f"Ansøgning fra {municipality.name}",
            status=Application.Status.GRANTED,
        )
        for name, kind, target_groups, description in partners:
            partner = services.partner_create(
                actor=actor,
                municipality=municipality,
                name=name,
                kind=kind,
                target_groups=target_groups,
                description=description,
            )
            if name in DEMO_CONTACTS and code == "851":
                contact, title, email = DEMO_CONTACTS[name]
                services.contact_add(actor=actor, partner=partner, name=contact, title=title, email=email)
            amount = Decimal(DEMO_AMOUNTS[(code, name)])
            grant = services.grant_create(
                actor=actor,
                pool=pool,
                partner=partner,
                application=application,
                title=f"Partnerskab med {name}",
                amount=amount,
                starts_on=start,
                ends_on=end,
                is_demo=True,
            )
            lines = [
                services.budget_line_add(actor=actor, grant=grant, label=label, amount=(amount * part).quantize(1))
                for label, part in DEMO_BUDGET
            ]
            services.payment_add(actor=actor, grant=grant, paid_on=start, amount=amount / 2, note="1. rate (demo)")
            services.agreement_add(
                actor=actor,
                grant=grant,
                title="Partnerskabsaftale (demo)",
                signed_on=start - timedelta(days=14),
                valid_from=start,
                valid_to=end,
            )
            services.deadline_add(actor=actor, grant=grant, title="Statusrapport", due_on=today + timedelta(days=14))
            services.deadline_add(actor=actor, grant=grant, title="Slutrapport", due_on=end + timedelta(days=60))
            reporter = users["partner"] if name == "Sawa" and code == "851" else actor
            for title, days_ago, participants, volunteers, line, cost, text in DEMO_ACTIVITIES.get(name, []):
                if code != "851":
                    continue
                services.activity_report(
                    actor=reporter,
                    grant=grant,
                    title=title,
                    held_on=today - timedelta(days=days_ago),
                    participants=participants,
                    volunteers=volunteers,
                    budget_line=lines[line],
                    cost=Decimal(cost),
                    description=text,
                    is_demo=True,
                )
