"""manage.py actioncards_import / actioncards_export."""

import io

import pytest
from django.core.management import CommandError, call_command

from tryg.actioncards.models import ActionCard, CardVersion

from .helpers import SMALL_CARD


def test_it_imports_publishes_and_exports_a_card(cast, tmp_path):
    path = tmp_path / "kort.yaml"
    path.write_text(SMALL_CARD, encoding="utf-8")
    out = io.StringIO()
    call_command("actioncards_import", str(path), "--municipality", "851", "--publish", stdout=out)
    assert "lille-kort: version 1 imported (published)" in out.getvalue()
    card = ActionCard.objects.get()
    assert card.municipality.code == "851" and CardVersion.objects.get().status == "published"
    out = io.StringIO()
    call_command("actioncards_export", "lille-kort", "--municipality", "851", stdout=out)
    assert out.getvalue().startswith("slug: lille-kort\n")
    target = tmp_path / "ud.yaml"
    call_command("actioncards_export", "lille-kort", "--municipality", "851", "-o", str(target), stdout=io.StringIO())
    call_command("actioncards_import", str(target), stdout=io.StringIO())  # the same card, now national
    assert ActionCard.objects.filter(municipality=None, slug="lille-kort").exists()


def test_it_fails_with_the_danish_messages_for_an_invalid_file(cast, tmp_path):
    path = tmp_path / "kort.yaml"
    path.write_text(SMALL_CARD.replace("start: q1", "start: q9"), encoding="utf-8")
    with pytest.raises(CommandError) as info:
        call_command("actioncards_import", str(path))
    assert 'Startpunktet "q9" findes ikke.' in str(info.value)
    with pytest.raises(CommandError):
        call_command("actioncards_export", "findes-ikke")
    assert ActionCard.objects.count() == 0
