"""The municipality's intake settings: receiving units and the retention time of closed cases."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from tryg.accounts.models import Unit
from tryg.audit.models import Action
from tryg.audit.services import audit_record

from ..models import IntakeRouting


@transaction.atomic
def intake_settings_save(*, actor, municipality, child_unit: Unit, adult_unit: Unit, retention_years: int):
    """Which units receive concerns about children and adults, and how long closed cases are kept."""
    errors = {}
    for name, unit in (("child_unit", child_unit), ("adult_unit", adult_unit)):
        if unit.municipality_id != municipality.pk:
            errors[name] = _("Vælg en enhed i kommunen.")
    if not 1 <= retention_years <= 30:
        errors["retention_years"] = _("Opbevaringstiden skal være mellem 1 og 30 år.")
    if errors:
        raise ValidationError(errors)
    routing, _created = IntakeRouting.objects.update_or_create(
        municipality=municipality,
        defaults={"child_unit": child_unit, "adult_unit": adult_unit, "retention_years": retention_years},
    )
    audit_record(
        actor=actor,
        action=Action.UPDATE,
        obj=routing,
        purpose=_("Modtagelse af underretninger"),
        detail=f"child={child_unit.pk}; adult={adult_unit.pk}; retention={retention_years}",
        municipality_id=municipality.pk,
    )
    return routing
