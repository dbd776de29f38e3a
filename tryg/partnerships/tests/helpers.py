"""Small builders for the partnerships tests (through the services, like the pages do)."""

from decimal import Decimal

from tryg.partnerships.demo import POOL_NAME, demo_seed
from tryg.partnerships.models import Grant, GrantPool, Partner

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def demo_world(cast) -> dict:
    demo_seed(users=cast)
    sawa = Partner.objects.get(name="Sawa", municipality__code="851")
    fkv = Partner.objects.get(name="Foreningen for Kvinders Vækst")
    kbh = Partner.objects.get(name="Bydelsmødre", municipality__code="101")
    return {
        "pool": GrantPool.objects.get(name=POOL_NAME),
        "sawa": sawa,
        "fkv": fkv,
        "sawa_grant": Grant.objects.get(partner=sawa),
        "fkv_grant": Grant.objects.get(partner=fkv),
        "kbh_grant": Grant.objects.get(partner=kbh),
    }


def money(text: str) -> Decimal:
    """'8.500.000,00 kr.' (Danish) -> Decimal('8500000.00')."""
    return Decimal(text.replace("kr.", "").replace(".", "").replace(",", ".").replace("\xa0", "").strip())
