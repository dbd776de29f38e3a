"""`make run` prints the address it serves: the port comes from PORT (8000 unless set)."""

import io

from django.core.management import call_command


def test_the_demo_banner_names_the_port_make_run_serves(monkeypatch, settings):
    settings.DEMO = True
    monkeypatch.setenv("PORT", "9123")
    out = io.StringIO()
    call_command("seed_demo", "--print-only", stdout=out)
    assert "http://127.0.0.1:9123/app/" in out.getvalue()
    monkeypatch.delenv("PORT")
    out = io.StringIO()
    call_command("seed_demo", "--print-only", stdout=out)
    assert "http://127.0.0.1:8000/app/" in out.getvalue()
