"""The indicators of the apps merged in later: consultations (coordination), risk assessments (risk) and citizen
contacts (public) — counted, grouped and suppressed like the others."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from tryg.coordination.models import Consultation, Message

from .helpers import at


def _consultations(cast, n, *, asker_type, anonymous=True, answered_after=None, municipality=None):
    muni = municipality or cast["tovholder"].municipality
    when = at(timezone.localdate().year, 1, 15)
    rows = Consultation.objects.bulk_create(
        [
            Consultation(
                region_id=muni.region_id,
                municipality=muni,
                asker_type=asker_type,
                is_anonymous=anonymous,
                basis="" if anonymous else Consultation.Basis.CONSENT_ADULT,
                created_at=when,
                updated_at=when,
            )
            for _ in range(n)
        ]
    )
    if answered_after is not None:
        Message.objects.bulk_create(
            [Message(consultation=c, from_asker=False, text="Svar", created_at=when + answered_after) for c in rows]
        )
    return rows


def _table(content: str, key: str) -> str:
    start = content.index(f'data-table="{key}"')
    return content[start : content.index("</table>", start)]


def test_the_region_shows_consultations_by_asker_and_the_time_to_the_first_answer(clients, cast):
    _consultations(cast, 8, asker_type=Consultation.AskerType.PROFESSIONAL, answered_after=timedelta(hours=3))
    _consultations(cast, 2, asker_type=Consultation.AskerType.CITIZEN, anonymous=False)
    _consultations(cast, 6, asker_type=Consultation.AskerType.PARTNER)
    content = clients["konsulent"].get(reverse("insights:region")).content.decode()
    asker = _table(content, "consultations-asker")
    assert ">8<" in asker and "&lt; 5" in asker
    assert "Aalborg Kommune" in _table(content, "consultations-municipality")
    assert "3,0 timer" in _table(content, "consultations-answer")
    coordinator = clients["tovholder"].get(reverse("insights:overview")).content.decode()
    assert ">8<" in _table(coordinator, "consultations-asker")
    assert 'data-table="risk-cases"' in coordinator and 'data-table="citizen-threads"' in coordinator
