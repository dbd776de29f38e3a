"""The optional case a consultation or a meeting starts from is resolved by one gate (optional_case_for_writer)."""

import pytest
from django.urls import reverse

from tryg.audit.models import AuditEvent
from tryg.coordination import access
from tryg.coordination.models import Consultation, Meeting

from .helpers import make_case

pytestmark = pytest.mark.django_db


def test_the_optional_case_is_none_without_one_and_404_for_a_case_the_user_may_not_change(cast, routing):
    from tryg.core.errors import Refused

    case = make_case(cast)
    assert access.optional_case_for_writer(cast["sagsbehandler"], None) is None
    assert access.optional_case_for_writer(cast["sagsbehandler"], case.pk) == case
    with pytest.raises(Refused):
        access.optional_case_for_writer(cast["outsider"], case.pk)


def test_the_api_refuses_a_case_the_user_may_not_change_for_a_question_or_a_meeting(clients, cast, routing):
    case = make_case(cast)
    client = clients["outsider"]
    consultation = {"topic": "Om sagen", "text": "Råd?", "target_group": "child", "case": str(case.pk)}
    url = reverse("coordination-api:consultation-list")
    assert client.post(url, consultation, content_type="application/json").status_code == 404
    meeting = {"title": "Møde", "starts_at": "2030-01-01T10:00:00Z", "case": str(case.pk)}
    url = reverse("coordination-api:meeting-list")
    assert client.post(url, meeting, content_type="application/json").status_code == 404
    assert not Consultation.objects.exists() and not Meeting.objects.exists()
    assert AuditEvent.objects.filter(action="refused", actor=cast["outsider"], object_id=str(case.pk)).count() == 2
