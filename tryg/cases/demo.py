"""Demo data for the cases app (fictional people only). Idempotent: a second run changes nothing."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from tryg.accounts.models import Municipality, Unit

from . import services
from .models import Case, CaseMember, Channel, Concern, IntakeRouting, TimelineEntry

ROUTING = {
    "851": ("Børne- og Familieafdelingen", "Socialafdelingen, voksne"),
    "860": ("Familieafdelingen Hjørring", "Voksenafdelingen Hjørring"),
}


def ensure_routing() -> dict[str, IntakeRouting]:
    """Which unit receives concerns about children and adults, for Aalborg and Hjørring."""
    out = {}
    for code, (child, adult) in ROUTING.items():
        municipality = Municipality.objects.filter(code=code).first()
        if municipality is None:
            continue
        out[code], _ = IntakeRouting.objects.get_or_create(
            municipality=municipality,
            defaults={
                "child_unit": Unit.objects.get(municipality=municipality, name=child),
                "adult_unit": Unit.objects.get(municipality=municipality, name=adult),
            },
        )
    return out


def _person(name, **kw):
    return services.PersonData(name=name, **kw)


@transaction.atomic
def demo_seed(*, users) -> None:
    ensure_routing()
    if Concern.objects.filter(notifier=users["fagperson"]).exists():
        return  # already seeded (or the demo users are in use): leave everything as it is
    fagperson, worker, consultant = users["fagperson"], users["sagsbehandler"], users["konsulent"]
    school = fagperson.memberships_cached[0].unit
    now = timezone.now()

    services.concern_create(
        actor=fagperson,
        person=_person("Yasmin Demo", age_group="13-17"),
        target_group="child",
        urgency=Concern.Urgency.ACUTE,
        notifier_unit=school,
        description="Eleven fortalte i dag, at hun skal rejse til udlandet i næste uge og ikke ved, om hun "
        "kommer tilbage. Hun var bange og bad mig om ikke at sige noget til familien. (Fiktivt eksempel.)",
        received_at=now - timedelta(hours=2),
    )
    services.concern_create(
        actor=fagperson,
        person=_person("Omar Demo", age_group="6-12"),
        target_group="child",
        notifier_unit=school,
        description="Drengen har flere gange haft mærker på armene og siger, at hans storebror holder øje med "
        "ham efter skole. (Fiktivt eksempel.)",
        received_at=now - timedelta(hours=30),
    )
    adult = services.concern_create(
        actor=users["partner"],
        person=_person("Leila Demo", age_group="18-24"),
        target_group="adult",
        description="En ung kvinde fortæller i foreningen, at familien kontrollerer hendes telefon og penge, "
        "og at hun skal giftes mod sin vilje. (Fiktivt eksempel.)",
        received_at=now - timedelta(days=2),
    )
    closed = services.concern_create(
        actor=fagperson,
        person=_person("Noah Demo", age_group="13-17"),
        target_group="child",
        notifier_unit=school,
        description="Bekymring om fravær; det viste sig at skyldes sygdom. (Fiktivt eksempel.)",
        received_at=now - timedelta(days=5),
    )
    services.concern_confirm_receipt(actor=worker, concern=closed)
    services.concern_close(actor=worker, concern=closed, reason="Fraværet skyldes dokumenteret sygdom.")

    first = services.concern_create(
        actor=fagperson,
        person=_person("Sara Demo", birth_date=(now - timedelta(days=15 * 365)).date()),
        target_group="child",
        notifier_unit=school,
        description="Pigen må ikke deltage i lejrskole og fortæller, at hendes telefon bliver tjekket hver "
        "aften. Hun frygter at blive sendt ud af landet. (Fiktivt eksempel.)",
        received_at=now - timedelta(days=3),
    )
    services.concern_confirm_receipt(actor=worker, concern=first)
    case = services.concern_triage(actor=worker, concern=first)
    services.case_set_status(actor=worker, case=case, status=Case.Status.IN_ASSESSMENT)
    services.contact_rules_set(
        actor=worker,
        case=case,
        allowed=[Channel.VIA_SCHOOL, Channel.IN_PERSON],
        forbidden=[Channel.LETTER_HOME, Channel.SMS, Channel.DIGITAL_POST],
        never_contact="Faderen og farbroderen.",
        note="Aftal møder gennem klasselæreren.",
    )
    services.entry_add(
        actor=worker,
        case=case,
        kind=TimelineEntry.Kind.CONVERSATION,
        text="Samtale med pigen alene på skolen. Hun ønsker hjælp, men er bange for konsekvenserne.",
    )
    services.task_add(
        actor=worker,
        case=case,
        title="Aftal møde med sikkerhedskonsulent",
        owner=worker,
        due_date=timezone.localdate() + timedelta(days=2),
    )
    services.member_add(actor=worker, case=case, user=consultant, role=CaseMember.Role.SECURITY_CONSULTANT)

    services.concern_confirm_receipt(actor=worker, concern=adult)
    adult_case = services.concern_triage(actor=worker, concern=adult)
    services.entry_add(
        actor=worker,
        case=adult_case,
        kind=TimelineEntry.Kind.MEETING,
        text="Møde med kvinden og en medarbejder fra foreningen. Rådgivning efter serviceloven § 12 a.",
    )
    services.task_add(
        actor=worker,
        case=adult_case,
        title="Undersøg plads på krisecenter",
        owner=worker,
        due_date=timezone.localdate() + timedelta(days=1),
    )
