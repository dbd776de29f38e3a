"""No cookies, posts only from this site, nothing about the visitor in the access log, bad input as text."""

import logging
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tryg.coordination.models import Consultation, Message
from tryg.core.gunicorn_logging import PrivacyLogger
from tryg.public.models import Notification, Thread

from .helpers import code_from, send_message, send_notification

pytestmark = pytest.mark.django_db


def test_form_pages_set_no_csrf_cookie_and_need_none(cast, routing):
    client = Client(enforce_csrf_checks=True)
    for name in ("public:contact", "public:notify", "public:code"):
        response = client.get(reverse(name))
        assert not response.cookies and "csrfmiddlewaretoken" not in response.content.decode()
    response = send_message(client)
    assert response.status_code == 200 and not response.cookies and not client.cookies


def test_a_post_from_another_site_is_refused(cast):
    response = send_message(Client(HTTP_ORIGIN="https://evil.example"))
    assert response.status_code == 403
    assert not Consultation.objects.exists()
    response = send_message(Client(HTTP_SEC_FETCH_SITE="cross-site"))
    assert response.status_code == 403
    assert send_message(Client(HTTP_ORIGIN="http://testserver")).status_code == 200


def test_html_script_and_control_characters_are_kept_as_text_and_shown_escaped(cast):
    client = Client()
    text = "<script>alert(1)</script> hjælp\x07 mig\u202e nu"
    code = code_from(send_message(client, text=text, involved="<img src=x onerror=alert(1)>"))
    message = Message.objects.get()
    assert message.text == "<script>alert(1)</script> hjælp mig nu"
    html = client.post(reverse("public:code"), {"code": code}).content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "<script>alert(1)" not in html


def test_an_oversized_message_is_refused_with_the_error_summary(cast):
    response = send_message(Client(), text="x" * 5001)
    assert response.status_code == 400
    html = response.content.decode()
    assert 'id="error-summary"' in html and "højst 5000 tegn" in html
    assert not Consultation.objects.exists()


def test_a_nul_byte_is_a_plain_400(cast):
    assert send_message(Client(), text="a\x00b").status_code == 400


def test_a_flood_from_one_address_is_slowed_not_a_500(cast, routing):
    client = Client()
    statuses = [send_message(client, text=f"Besked nummer {i}").status_code for i in range(12)]
    assert statuses[:10] == [200] * 10 and statuses[10:] == [429, 429]
    assert Consultation.objects.count() == 10
    assert send_notification(client).status_code == 429


def test_the_daily_job_deletes_threads_and_codes_after_the_period_without_activity(cast, routing, settings):
    send_message(Client())
    send_notification(Client(REMOTE_ADDR="10.9.9.9"))
    send_message(Client(REMOTE_ADDR="10.9.9.8"), text="Den nye besked")
    old = timezone.now() - timedelta(days=settings.TRYG_PUBLIC_THREAD_DAYS + 1)
    first = Thread.objects.order_by("created_at").first()
    Thread.objects.filter(pk=first.pk).update(last_activity_at=old)
    Consultation.objects.filter(pk=first.consultation_id).update(updated_at=old)
    Notification.objects.update(last_activity_at=old)
    call_command("public_daily")
    assert Thread.objects.count() == 1 and not Notification.objects.exists()
    assert Consultation.objects.count() == 1
    assert Message.objects.get().text == "Den nye besked"
    from tryg.cases.models import Concern

    assert Concern.objects.count() == 1  # the municipality keeps the notification itself


def test_the_access_log_names_no_visitor_on_public_pages():
    class Resp:
        status = "200 OK"
        sent = 10
        headers = []

    class Req:
        headers = [("USER-AGENT", "Secret/1.0"), ("X-FORWARDED-FOR", "192.0.2.7")]

    class Cfg:
        access_log_format = '%(h)s "%(r)s" %(s)s "%(f)s" "%(a)s" %({x-forwarded-for}i)s'
        errorlog = "-"
        accesslog = None
        loglevel = "info"
        syslog = False
        capture_output = False
        logconfig = None
        logconfig_dict = {}
        logconfig_json = None
        disable_redirect_access_to_syslog = False
        user = 0
        group = 0
        umask = 0
        env = {}

    logger = PrivacyLogger.__new__(PrivacyLogger)
    logger.cfg = Cfg
    environ = {
        "REMOTE_ADDR": "192.0.2.7",
        "REQUEST_METHOD": "POST",
        "RAW_URI": "/kode/?x=1",
        "PATH_INFO": "/kode/",
        "QUERY_STRING": "x=1",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_USER_AGENT": "Secret/1.0",
        "HTTP_REFERER": "https://elsewhere.example/",
    }
    delta = timedelta(milliseconds=5)
    line = Cfg.access_log_format % logger.atoms(Resp, Req, environ, delta)
    assert "192.0.2.7" not in line and "Secret" not in line and "elsewhere" not in line and "x=1" not in line
    staff = dict(environ, PATH_INFO="/app/login/", RAW_URI="/app/login/")
    assert "192.0.2.7" in Cfg.access_log_format % logger.atoms(Resp, Req, staff, delta)


def test_no_public_view_logs_the_address_or_user_agent(cast, routing, caplog):
    caplog.set_level(logging.DEBUG)
    client = Client(REMOTE_ADDR="198.51.100.23", HTTP_USER_AGENT="Spion/9")
    send_message(client)
    send_notification(client)
    client.get("/999/")
    assert "198.51.100.23" not in caplog.text and "Spion" not in caplog.text
