"""The catalogues: every language has one, each records its native review like the registry, nothing empty."""

from pathlib import Path

from django.conf import settings

from tryg.public.languages import LANGUAGES

LOCALE = Path(__file__).resolve().parents[1] / "locale"


def _entries(po: Path):
    import re

    text = po.read_text(encoding="utf-8")
    return re.findall(r'^msgid "(.+)"\nmsgstr "(.*)"$', text, flags=re.M), text


def test_every_language_has_a_catalogue_that_records_its_native_review_like_the_registry():
    assert [code for code, _ in settings.LANGUAGES] == [lang.code for lang in LANGUAGES]
    for language in LANGUAGES[1:]:
        po = LOCALE / language.code / "LC_MESSAGES" / "django.po"
        entries, text = _entries(po)
        assert f'"X-Native-Review: {"yes" if language.reviewed else "no"}\\n"' in text, language.code
        assert (po.with_suffix(".mo")).exists()
        assert entries and all(msgstr for _, msgstr in entries), language.code


def test_placeholders_survive_translation():
    import re

    for language in LANGUAGES[1:]:
        entries, _ = _entries(LOCALE / language.code / "LC_MESSAGES" / "django.po")
        for msgid, msgstr in entries:
            assert set(re.findall(r"%\(\w+\)s", msgid)) == set(re.findall(r"%\(\w+\)s", msgstr)), (language.code, msgid)


def test_the_unreviewed_notice_shows_in_the_language_itself(client, db):
    html = client.get("/ar/").content.decode()
    assert "لم يراجع هذا النص" in html
    assert "pub-review-notice" not in client.get("/").content.decode()


def test_a_string_without_translation_falls_back_to_danish_not_empty(db):
    from django.utils import translation

    with translation.override("so"):
        assert translation.gettext("Gå til sidens indhold") == "U gudub waxa bogga ku jira"
        assert translation.gettext("En tekst uden oversættelse") == "En tekst uden oversættelse"
