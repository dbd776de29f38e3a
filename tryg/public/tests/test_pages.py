"""The information pages: every page in every language, lang and dir right, no cookies, the quick exit."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from tryg.public.languages import LANGUAGES

pytestmark = pytest.mark.django_db

PAGES = [
    "public:home",
    "public:young",
    "public:adult",
    "public:friend",
    "public:rights",
    "public:help",
    "public:online",
    "public:contact",
    "public:notify",
    "public:code",
]


def url_in(name: str, language: str, **kwargs) -> str:
    with translation.override(language):
        return reverse(name, kwargs=kwargs or None)


@pytest.mark.parametrize("language", [lang.code for lang in LANGUAGES])
def test_every_page_answers_in_every_language_with_lang_and_dir_and_no_cookie(cast, language):
    client = Client()
    rtl = next(lang.rtl for lang in LANGUAGES if lang.code == language)
    for name in [*PAGES, "public:municipality"]:
        url = url_in(name, language, **({"code": "851"} if name == "public:municipality" else {}))
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert f'<html lang="{language}" dir="{"rtl" if rtl else "ltr"}"' in html, url
        assert "data-quick-exit" in html and "https://www.dmi.dk/" in html
        assert not response.cookies, (url, response.cookies)
        assert response["Cache-Control"].startswith("max-age=0") or "no-store" in response["Cache-Control"]


def test_the_root_is_the_public_site_with_a_discreet_staff_login_link(client):
    html = client.get("/").content.decode()
    assert "Når andre bestemmer over dit liv" in html
    assert reverse("accounts:login") in html


def test_an_unknown_municipality_code_is_404(client):
    assert client.get("/999/").status_code == 404


def test_the_municipality_page_shows_its_own_contacts_from_the_knowledge_base(cast):
    html = Client().get("/851/").content.decode()
    assert "Tryg Aalborg" in html and "99 82 34 20" in html
    assert "Sikkerhedskonsulenterne Nordjylland" in html
    assert "116 111" in html and "1888" in html


def test_staff_pages_stay_danish_or_english_whatever_the_cookie_says(clients):
    client = clients["sagsbehandler"]
    client.cookies["django_language"] = "ar"
    html = client.get(reverse("core:start")).content.decode()
    assert '<html lang="da"' in html
    assert "العربية" not in html
