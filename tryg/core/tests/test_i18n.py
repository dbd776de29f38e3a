"""Staff pages follow the language switch; the public site keeps its language in the URL."""

from django.utils import translation


def test_it_has_an_english_catalogue_for_the_base_layout():
    with translation.override("en"):
        assert translation.gettext("Gå til sidens indhold") == "Skip to content"
        assert translation.gettext("Log af") == "Log out"
        assert translation.gettext("Velkommen, %(name)s") == "Welcome, %(name)s"


def test_it_switches_staff_pages_to_english_and_back(clients):
    client = clients["sagsbehandler"]
    assert 'lang="da"' in client.get("/app/").content.decode()
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/app/"})
    assert response.status_code == 302 and response["Location"] == "/app/"
    html = client.get("/app/").content.decode()
    assert '<html lang="en"' in html, "the staff pages ignore the language chosen with the switch"
    assert "Skip to content" in html and "Log out" in html
    client.post("/i18n/setlang/", {"language": "da", "next": "/app/"})
    assert '<html lang="da"' in client.get("/app/").content.decode()


def test_it_keeps_the_public_language_in_the_url(db):
    from django.test import Client

    client = Client()
    assert '<html lang="da"' in client.get("/").content.decode()
    assert '<html lang="en"' in client.get("/en/").content.decode()
