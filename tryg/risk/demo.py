"""Demo data for risk work (fictional): the shipped instruments; Sara Demo's case flagged as honour-related,
with a signed screening, a draft structured assessment and a safety plan. Idempotent."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from tryg.cases.models import Case

from . import services
from .models import Assessment, Instrument


@transaction.atomic
def demo_seed(*, users) -> None:
    services.ensure_seed_instruments()
    worker, consultant = users.get("sagsbehandler"), users.get("konsulent")
    if worker is None or consultant is None:
        return
    case = (
        Case.objects.filter(municipality_id=worker.municipality_id, members__user=consultant)
        .order_by("opened_at")
        .first()
    )
    if case is None or Assessment.objects.filter(case=case).exists():
        return
    services.flag_set(
        actor=worker,
        case=case,
        honour_related=True,
        reason="Pigen frygter at blive sendt ud af landet; faderen og farbroderen kontrollerer hende. (Fiktivt.)",
    )
    screening = services.assessment_start(
        actor=consultant, case=case, instrument=Instrument.objects.get(slug="tryg-screening")
    )
    yes = {"s02", "s03", "s09", "s10", "s11", "s13", "s17", "s20", "s21"}
    ratings = {f"s{n:02d}": {"present": "ja" if f"s{n:02d}" in yes else "nej"} for n in range(1, 25)}
    services.assessment_save(actor=consultant, assessment=screening, ratings=ratings)
    services.assessment_sign(actor=consultant, assessment=screening)
    judgement = services.assessment_start(
        actor=consultant, case=case, instrument=Instrument.objects.get(slug="tryg-vurdering")
    )
    services.assessment_save(
        actor=consultant,
        assessment=judgement,
        ratings={"trusler-liv": {"present": "delvist", "past": "nej"}, "kontrol": {"present": "ja", "past": "ja"}},
        judgements={"ofre": "Pigen selv; muligvis en yngre søster."},
        notes="Kladde: mangler samtale med skolen. (Fiktivt.)",
    )
    services.safety_plan_save(
        actor=worker,
        case=case,
        data=services.PlanData(
            escalation="Gå til skolens kontor eller ring 112. Tag telefonen med.",
            contacts="Klasselærer Mette (skoletid). Døgn: Politiet 114, akut 112. Sikkerhedskonsulenterne.",
            code_words="«Har du set min blå taske?» betyder: jeg er i fare, ring 112.",
            safe_places="Skolens kontor. Biblioteket på Vesterbro.",
            no_return="Kommer hun ikke i skole om morgenen, ringer klasselæreren til sagsbehandleren før kl. 9.",
            review_date=timezone.localdate() + timedelta(days=30),
            actions=[
                services.ActionData(
                    text="Aftal kodeord med klasselæreren",
                    owner=worker,
                    due_date=timezone.localdate() + timedelta(days=3),
                )
            ],
        ),
    )
