"""The demo organisation and the fixed cast of users (used by `seed_demo` and by the tests).

Everything here is idempotent: running it twice changes nothing.
"""

import base64
import binascii

from django.db import transaction
from django_otp.plugins.otp_totp.models import TOTPDevice

from tryg.demo_otp import DEMO_TOTP_SECRET  # base32; python -m tryg.demo_otp prints the code

from .models import Membership, Municipality, Region, Role, Unit, User

DEMO_PASSWORD = "Tryg-demo-adgang-2026"


def totp_hex_key(secret_b32: str) -> str:
    return binascii.hexlify(base64.b32decode(secret_b32)).decode()


# username -> (first name, last name, municipality code, unit name, role, on duty)
CAST = {
    "fagperson": ("Freja", "Lærer", "851", "Sønderbro Skole", Role.FAGPERSON, False),
    "sagsbehandler": ("Sara", "Sagsbehandler", "851", "Børne- og Familieafdelingen", Role.SAGSBEHANDLER, True),
    "konsulent": ("Karim", "Konsulent", "851", "Sikkerhedskonsulenterne Nordjylland", Role.SIKKERHEDSKONSULENT, False),
    "tovholder": ("Tove", "Tovholder", "851", "Tryg Aalborg – koordinering", Role.TOVHOLDER, False),
    "partner": ("Pia", "Partner", "851", "Sawa", Role.PARTNER, False),
    "admin": ("Anders", "Administrator", "851", "Digitalisering og IT", Role.ADMINISTRATOR, False),
    "sagsbehandler2": ("Sune", "Sagsbehandler", "860", "Familieafdelingen Hjørring", Role.SAGSBEHANDLER, True),
}

MUNICIPALITIES = {
    "851": {
        "name": "Aalborg Kommune",
        "phone": "99 82 34 20",
        "address": "Hjulmagervej 22, 9000 Aalborg",
        "cvr": "29189420",
    },
    "860": {"name": "Hjørring Kommune", "phone": "", "address": "", "cvr": ""},
    "101": {"name": "Københavns Kommune", "phone": "", "address": "", "cvr": ""},
}
MUNICIPALITY_REGION = {"851": "nordjylland", "860": "nordjylland", "101": "hovedstaden"}

UNITS = [
    ("851", "Børne- og Familieafdelingen", Unit.Kind.CHILDREN_AUTHORITY),
    ("851", "Socialafdelingen, voksne", Unit.Kind.ADULT_AUTHORITY),
    ("851", "Tryg Aalborg – koordinering", Unit.Kind.COORDINATION),
    ("851", "Sønderbro Skole", Unit.Kind.SCHOOL),
    ("851", "SSP Aalborg", Unit.Kind.SSP),
    ("851", "Sikkerhedskonsulenterne Nordjylland", Unit.Kind.SECURITY_TEAM),
    ("851", "Sawa", Unit.Kind.PARTNER),
    ("851", "Digitalisering og IT", Unit.Kind.ADMINISTRATION),
    ("860", "Familieafdelingen Hjørring", Unit.Kind.CHILDREN_AUTHORITY),
    ("860", "Voksenafdelingen Hjørring", Unit.Kind.ADULT_AUTHORITY),
]


@transaction.atomic
def ensure_demo_org(*, password: str = DEMO_PASSWORD, secret: str = DEMO_TOTP_SECRET, hash_password: bool = True):
    """Create regions, municipalities, units and the cast. Returns {username: User}."""
    regions = {
        "nordjylland": Region.objects.get_or_create(code="nordjylland", defaults={"name": "Region Nordjylland"})[0],
        "hovedstaden": Region.objects.get_or_create(code="hovedstaden", defaults={"name": "Region Hovedstaden"})[0],
    }
    municipalities = {}
    for code, data in MUNICIPALITIES.items():
        municipalities[code], _ = Municipality.objects.get_or_create(
            code=code, defaults={**data, "region": regions[MUNICIPALITY_REGION[code]]}
        )
    units = {}
    for code, name, kind in UNITS:
        units[(code, name)], _ = Unit.objects.get_or_create(
            municipality=municipalities[code], name=name, defaults={"kind": kind}
        )
    users = {}
    key = totp_hex_key(secret)
    for username, (first, last, code, unit_name, role, on_duty) in CAST.items():
        user = User.objects.filter(username=username).first()
        if user is None:
            user = User(username=username, first_name=first, last_name=last, is_demo=True)
            user.municipality = municipalities[code]
            user.email = f"{username}@demo.invalid"
            if hash_password:
                user.set_password(password)
            user.save()
        Membership.objects.get_or_create(
            user=user, unit=units[(code, unit_name)], role=role, defaults={"on_duty": on_duty}
        )
        TOTPDevice.objects.get_or_create(user=user, name="demo", defaults={"key": key, "confirmed": True})
        users[username] = user
    return users
