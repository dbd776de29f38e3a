"""Builders for the risk tests: an honour-related child case with the konsulent on its team and a sibling."""

from tryg.cases import services as case_services
from tryg.cases.models import CaseMember, RelatedPerson
from tryg.risk import services
from tryg.risk.models import Instrument

ALL_NO = {f"s{n:02d}": {"present": "nej"} for n in range(1, 25)}


def checklist_ratings(yes: int) -> dict:
    """Screening answers with the first `yes` items answered "ja"."""
    return {f"s{n:02d}": {"present": "ja" if n <= yes else "nej"} for n in range(1, 25)}


def make_case(cast, *, name="Risiko Barn", flag=True, sibling=True):
    from tryg.cases.demo import ensure_routing

    ensure_routing()
    related = [case_services.RelatedPersonData(name="Søster Barn", relation=RelatedPerson.Relation.SIBLING)]
    concern = case_services.concern_create(
        actor=cast["fagperson"],
        person=case_services.PersonData(name=name, address="Skolevej 1, 9000 Aalborg", address_is_safe=True),
        target_group="child",
        description="Bekymring.",
        related=related if sibling else (),
    )
    worker = cast["sagsbehandler"]
    case = case_services.concern_triage(actor=worker, concern=concern)
    case_services.member_add(actor=worker, case=case, user=cast["konsulent"], role=CaseMember.Role.SECURITY_CONSULTANT)
    if flag:
        services.flag_set(actor=worker, case=case, honour_related=True, reason="Trusler fra familien.")
    return case


def instrument(slug: str) -> Instrument:
    services.ensure_seed_instruments()
    return Instrument.objects.get(slug=slug)


def signed_checklist(cast, case, *, yes=9, actor="konsulent", level=""):
    user = cast[actor]
    a = services.assessment_start(actor=user, case=case, instrument=instrument("tryg-screening"))
    services.assessment_save(
        actor=user,
        assessment=a,
        ratings=checklist_ratings(yes),
        level=level,
        level_reason="Begrundet." if level else "",
    )
    return services.assessment_sign(actor=user, assessment=a)


def named_consultation(cast, *, anonymous=False):
    from tryg.coordination import services as coordination_services

    if anonymous:
        return coordination_services.consultation_create(
            actor=cast["fagperson"], topic="Anonym rådgivning", text="En elev er bange."
        )
    return coordination_services.consultation_create(
        actor=cast["sagsbehandler"],
        topic="Navngiven rådgivning",
        text="Pigen frygter at blive sendt ud af landet.",
        is_anonymous=False,
        target_group="child",
        basis="child_172c",
        person_name="Rådgivning Barn",
    )
