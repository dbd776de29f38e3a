"""The actors directory: a municipality's own entries, kept by its coordinator (the national ones are seeded)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from tryg.accounts.models import Unit
from tryg.audit.models import Action
from tryg.audit.services import audit_record

from ..models import Actor

FIELDS = ("name", "kind", "offers", "phone", "email", "url", "address", "hours")


@transaction.atomic
def actor_save(*, actor, entry: Actor | None = None, unit_id=None, **data) -> Actor:
    """Create (entry=None) or change one of the coordinator's municipality's own entries. The unit, if any, must
    be a unit in Tryg (another municipality's or a partner's), so its users can answer referrals."""
    entry = entry or Actor(municipality_id=actor.municipality_id)
    for name in FIELDS:
        if name in data:
            setattr(entry, name, (data[name] or "").strip() if isinstance(data[name], str) else data[name])
    if unit_id not in (None, ""):
        unit = Unit.objects.filter(pk=unit_id, is_active=True).first()
        if unit is None:
            raise ValidationError({"unit": _("Ukendt enhed.")})
        entry.unit = unit
    else:
        entry.unit = None
    entry.full_clean()
    entry.save()
    audit_record(actor=actor, action=Action.UPDATE, obj=entry, purpose=_("Aktørkatalog"), detail=entry.name)
    return entry
