"""The demo data holds the facts of the 2019 announcement, and the demo figures add up."""

from decimal import Decimal

from django.db.models import Sum

from tryg.partnerships.demo import demo_seed
from tryg.partnerships.models import Application, Grant, Partner


def test_the_2019_pool_holds_the_facts_of_the_announcement(cast, demo):
    pool = demo["pool"]
    assert pool.total == Decimal("8500000") and pool.applications_received == 5
    assert sorted(m.name for m in pool.eligible_municipalities.all()) == [
        "Aalborg Kommune",
        "Horsens Kommune",
        "Høje-Taastrup Kommune",
        "Københavns Kommune",
        "Sønderborg Kommune",
    ]
    assert Application.objects.filter(pool=pool).count() == 5
    aalborg = set(Partner.objects.filter(municipality__code="851").values_list("name", flat=True))
    assert aalborg == {"Sawa", "Foreningen for Kvinders Vækst", "Elsk Aalborg International", "Integrationsrådet"}
    for code in ("101", "540", "169"):
        names = set(Partner.objects.filter(municipality__code=code).values_list("name", flat=True))
        assert names == {"Bydelsmødre", "Baba – fordi far er vigtig"}
    assert "Sundparken" in Partner.objects.get(municipality__code="615").target_groups
    assert Grant.objects.filter(pool=pool).aggregate(t=Sum("amount"))["t"] == pool.total
    assert not Grant.objects.filter(is_demo=False).exists()  # every figure beyond the facts is marked demo
    assert demo["sawa"].unit == cast["partner"].memberships_cached[0].unit


def test_seeding_twice_changes_nothing(cast, demo):
    before = (Partner.objects.count(), Grant.objects.count())
    demo_seed(users=cast)
    assert (Partner.objects.count(), Grant.objects.count()) == before
