"""The anonymous evaluation outside /app/: no login, no cookies, one answer per slip, rate-limited, no IP stored."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from tryg.prevention import ratelimit, services
from tryg.prevention.models import Evaluation

from .helpers import make_session

pytestmark = pytest.mark.django_db

ANSWER = {"score_voice": "5", "score_learned": "4", "score_relevant": "3", "reflection": "At jeg må sige nej."}


@pytest.fixture
def slip(cast):
    session = make_session(cast)
    return services.slips_create(actor=cast["tovholder"], session=session, count=2)[0]


def _assert_no_cookies(response):
    assert not response.cookies, f"cookies set: {list(response.cookies)}"
    assert "Set-Cookie" not in response


def test_a_participant_answers_once_without_login_or_cookies(slip):
    client = Client(enforce_csrf_checks=True)  # no CSRF cookie is needed either
    start = client.get("/evaluering/")
    assert start.status_code == 200
    _assert_no_cookies(start)
    found = client.get("/evaluering/", {"code": slip.display_code.lower()})
    assert found.status_code == 302 and found["Location"] == f"/evaluering/{slip.code}/"
    form = client.get(found["Location"])
    assert form.status_code == 200 and 'name="viewport"' in form.content.decode()
    _assert_no_cookies(form)
    done = client.post(found["Location"], ANSWER, REMOTE_ADDR="10.1.2.3")
    assert done.status_code == 200 and "Tak for dit svar" in done.content.decode()
    _assert_no_cookies(done)
    evaluation = Evaluation.objects.get()
    assert (evaluation.score_voice, evaluation.score_learned, evaluation.score_relevant) == (5, 4, 3)
    assert evaluation.reflection == "At jeg må sige nej."
    # A second answer on the same slip is refused and nothing changes.
    again = client.post(found["Location"], ANSWER)
    assert "allerede brugt" in again.content.decode()
    assert Evaluation.objects.count() == 1


def test_it_stores_no_ip_address_and_encrypts_the_reflection(slip):
    from django.db import connection

    Client().post(f"/evaluering/{slip.code}/", ANSWER, REMOTE_ADDR="203.0.113.77")
    with connection.cursor() as cursor:
        for table in ("prevention_evaluation", "prevention_evaluationslip"):
            cursor.execute(f"SELECT * FROM {table}")  # noqa: S608 - fixed table names
            text = repr(cursor.fetchall())
            assert "203.0.113.77" not in text
            assert "sige nej" not in text  # encrypted at rest
    from tryg.audit.models import AuditEvent

    assert "203.0.113.77" not in repr(list(AuditEvent.objects.values()))


def test_it_sends_the_security_headers(slip):
    response = Client().get(f"/evaluering/{slip.code}/")
    csp = response["Content-Security-Policy"]
    assert "object-src 'none'" in csp and "frame-ancestors 'none'" in csp and "'nonce-" in csp
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert "no-store" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]
    assert response["X-Frame-Options"] == "DENY"


def test_it_answers_in_english_under_the_language_prefix(slip):
    html = Client().get(f"/en/evaluering/{slip.code}/").content.decode()
    assert '<html lang="en"' in html and "What did you think of the dialogue session?" in html


def test_under_a_language_it_has_no_text_in_it_sends_the_visitor_to_the_danish_page(slip):
    """The form exists in Danish and English only: under /ar/ it would be Danish text marked as Arabic."""
    client = Client()
    start = client.get("/ar/evaluering/", {"code": slip.display_code})
    assert start.status_code == 302 and start["Location"] == f"/evaluering/?code={slip.display_code}"
    form = client.get(f"/so/evaluering/{slip.code}/")
    assert form.status_code == 302 and form["Location"] == f"/evaluering/{slip.code}/"
    posted = client.post(f"/tr/evaluering/{slip.code}/", ANSWER)
    assert posted.status_code == 307 and posted["Location"] == f"/evaluering/{slip.code}/"
    assert not Evaluation.objects.exists()
    _assert_no_cookies(posted)
    assert client.get(posted["Location"]).status_code == 200


def test_it_answers_bad_input_with_the_form_and_changes_nothing(slip):
    response = Client().post(f"/evaluering/{slip.code}/", {"score_voice": "9"})
    assert response.status_code == 400
    assert "Der er fejl i formularen" in response.content.decode()
    assert not Evaluation.objects.exists()
    slip.refresh_from_db()
    assert slip.used_on is None


def test_it_limits_wrong_codes_per_address(slip):
    client = Client()
    for _ in range(ratelimit.WRONG_CODES.limit):
        assert client.get("/evaluering/AAAA-AAAA/", REMOTE_ADDR="198.51.100.1").status_code == 404
    blocked = client.get(f"/evaluering/{slip.code}/", REMOTE_ADDR="198.51.100.1")
    assert blocked.status_code == 429 and blocked["Retry-After"]
    # Another address (another school) is not affected, and a whole class may answer from one address.
    assert client.get(f"/evaluering/{slip.code}/", REMOTE_ADDR="198.51.100.2").status_code == 200


def test_a_wrong_code_on_the_start_page_is_named_and_counted(slip):
    response = Client().get("/evaluering/", {"code": "ZZZZ-ZZZ"})
    assert response.status_code == 400 and "Koden findes ikke" in response.content.decode()


def test_it_is_closed_for_cancelled_and_old_sessions(cast):
    old = make_session(cast, starts_at=timezone.now() - timedelta(days=40))
    old_slip = services.slips_create(actor=cast["tovholder"], session=old, count=1)[0]
    assert Client().get(f"/evaluering/{old_slip.code}/").status_code == 410
    future = make_session(cast, starts_at=timezone.now() + timedelta(days=3))
    future_slip = services.slips_create(actor=cast["tovholder"], session=future, count=1)[0]
    assert Client().post(f"/evaluering/{future_slip.code}/", ANSWER).status_code == 410
    assert not Evaluation.objects.exists()


def test_the_coordinator_prints_slips_with_codes_and_qr_codes(cast, clients, slip):
    response = clients["tovholder"].get(f"/app/prevention/sessions/{slip.session_id}/slips/")
    html = response.content.decode()
    assert response.status_code == 200
    assert slip.display_code in html and html.count("<svg") == 2
    made = clients["tovholder"].post(f"/app/prevention/sessions/{slip.session_id}/slips/", {"count": "3"})
    assert made.status_code == 302
    assert slip.session.slips.count() == 5
    assert (
        clients["tovholder"].post(f"/app/prevention/sessions/{slip.session_id}/slips/", {"count": "0"}).status_code
        == 400
    )


def test_the_evaluation_shows_on_the_session_page_and_in_the_reach_statistics(cast, clients, slip):
    services.session_record_participants(
        actor=cast["tovholder"], session=slip.session, counts={("13-15", "girls"): 8, ("13-15", "boys"): 7}
    )
    Client().post(f"/evaluering/{slip.code}/", ANSWER)
    page = clients["tovholder"].get(f"/app/prevention/sessions/{slip.session_id}/").content.decode()
    assert "1 svar" in page and "At jeg må sige nej." in page
    stats = clients["tovholder"].get("/api/v1/prevention/statistics/").json()
    total = stats["total"]
    assert (total["sessions"], total["participants"], total["schools"], total["evaluations"]) == (1, 15, 1, 1)
    assert total["voice"] == 5.0
    month = stats["months"][timezone.localtime(slip.session.starts_at).month - 1]
    assert month["participants"] == 15
