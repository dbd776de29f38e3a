"""Small builders for the cases tests (through the services, like the pages do)."""

from datetime import timedelta

from django.utils import timezone

from tryg.cases import services
from tryg.cases.models import Concern


def make_concern(
    cast,
    *,
    name="Test Person",
    target_group="child",
    urgency="normal",
    actor="fagperson",
    received_at=None,
    cpr="",
    description="Beskrivelse af bekymringen.",
    notifier_label="",
    **kw,
) -> Concern:
    user = cast[actor]
    return services.concern_create(
        actor=user,
        person=services.PersonData(name=name, cpr=cpr, **kw),
        target_group=target_group,
        description=description,
        urgency=urgency,
        notifier_unit=user.memberships_cached[0].unit,
        received_at=received_at,
        notifier_label=notifier_label,
    )


def make_case(cast, **kw):
    concern = make_concern(cast, **kw)
    return services.concern_triage(actor=cast["sagsbehandler"], concern=concern)


def hours_ago(n: int):
    return timezone.now() - timedelta(hours=n)
