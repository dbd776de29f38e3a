"""Every write of the insights app: a new plan version (adopted by the council), reviewing an affected section, the
annual report's commentary. Keyword-only with `actor`, atomic, an access-log row in the same transaction; refusals
raise ValidationError with field names."""

import re

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tryg.audit.models import Action
from tryg.audit.services import audit_record

from .models import AnnualCommentary, PlanSection, PlanVersion, SectionKind, add_years
from .selectors import fingerprints, link_states

SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{0,119}$")
PURPOSE = "Beredskabsplan"


def _slugs(value, field: str, errors: dict) -> list[str]:
    slugs = list(dict.fromkeys(value or []))
    bad = [s for s in slugs if not isinstance(s, str) or not SLUG.match(s)]
    if bad:
        errors[field] = _("Ugyldige korte navne: %(s)s") % {"s": ", ".join(map(str, bad))[:200]}
    if len(slugs) > 40:
        errors[field] = _("Højst 40 henvisninger pr. afsnit.")
    return slugs


@transaction.atomic
def plan_version_create(
    *,
    actor,
    municipality,
    title: str,
    adopted_by: str,
    adopted_on,
    next_revision_due=None,
    summary: str = "",
    change_note: str = "",
    sections: list[dict],
    is_demo: bool = False,
) -> PlanVersion:
    """Record a version of the plan as the council adopted it. The next revision is due 4 years after adoption at
    the latest (the law's rule), earlier when the coordinator sets it. Sections are the five kinds, each linking to
    cards, entries and contacts by slug; each starts as reviewed against the links as they are now."""
    errors = {}
    latest = add_years(adopted_on, 4) if adopted_on else None
    due = next_revision_due or latest
    if adopted_on and adopted_on > timezone.localdate():
        errors["adopted_on"] = _("Vedtagelsesdatoen kan ikke ligge i fremtiden.")
    if due and adopted_on and not adopted_on < due <= latest:
        errors["next_revision_due"] = _(
            "Næste revision skal ligge efter vedtagelsen og senest 4 år efter (%(latest)s)."
        ) % {"latest": latest.strftime("%d.%m.%Y")}
    kinds = [s.get("kind") for s in sections]
    if sorted(kinds) != sorted(SectionKind.values):
        errors["sections"] = _("Planen skal have præcis ét afsnit af hver slags.")
    cleaned = []
    for i, data in enumerate(sections):
        prefix = data.get("kind") or str(i)
        row = {
            "kind": data.get("kind"),
            "title": (data.get("title") or "").strip(),
            "body": data.get("body") or "",
            "card_slugs": _slugs(data.get("card_slugs"), f"{prefix}-card_slugs", errors),
            "entry_slugs": _slugs(data.get("entry_slugs"), f"{prefix}-entry_slugs", errors),
            "contact_slugs": _slugs(data.get("contact_slugs"), f"{prefix}-contact_slugs", errors),
        }
        if not row["title"]:
            errors[f"{prefix}-title"] = _("Skriv afsnittets overskrift.")
        cleaned.append(row)
    if errors:
        raise ValidationError(errors)
    last = PlanVersion.objects.select_for_update().filter(municipality=municipality).order_by("-number").first()
    version = PlanVersion(
        municipality=municipality,
        number=(last.number if last else 0) + 1,
        title=title.strip(),
        summary=summary,
        adopted_by=adopted_by.strip(),
        adopted_on=adopted_on,
        next_revision_due=due,
        change_note=change_note,
        created_by=actor,
        is_demo=is_demo,
    )
    version.full_clean()
    version.save()
    order = {kind: n for n, kind in enumerate(SectionKind.values)}
    rows = [PlanSection(version=version, position=order[row["kind"]], **row) for row in cleaned]
    states = link_states(municipality.pk, rows)
    now = timezone.now()
    for section in rows:
        section.seen = fingerprints(section, states)
        section.reviewed_at = now
        section.reviewed_by = actor
        section.full_clean(exclude=["version"])
    PlanSection.objects.bulk_create(rows)
    audit_record(
        actor=actor,
        action=Action.CREATE,
        obj=version,
        purpose=PURPOSE,
        detail=f"v{version.number}",
        municipality_id=municipality.pk,
    )
    return version


@transaction.atomic
def section_review(*, actor, section: PlanSection) -> PlanSection:
    """The coordinator has read what changed in the linked cards and provisions: the section is no longer affected."""
    section = PlanSection.objects.select_for_update().select_related("version").get(pk=section.pk)
    states = link_states(section.version.municipality_id, [section])
    section.seen = fingerprints(section, states)
    section.reviewed_at = timezone.now()
    section.reviewed_by = actor
    section.save(update_fields=["seen", "reviewed_at", "reviewed_by"])
    audit_record(
        actor=actor,
        action=Action.UPDATE,
        obj=section.version,
        purpose=PURPOSE,
        detail=f"gennemset: {section.kind}",
        municipality_id=section.version.municipality_id,
    )
    return section


@transaction.atomic
def commentary_save(
    *, actor, municipality, year: int, summary: str = "", developments: str = "", next_steps: str = ""
) -> AnnualCommentary:
    if not 2000 < year < 2100:
        raise ValidationError({"year": _("Vælg et år mellem 2001 og 2099.")})
    commentary, _created = AnnualCommentary.objects.select_for_update().get_or_create(
        municipality=municipality,
        year=year,
        defaults={"updated_by": actor},
    )
    commentary.summary, commentary.developments, commentary.next_steps = summary, developments, next_steps
    commentary.updated_by, commentary.updated_at = actor, timezone.now()
    commentary.full_clean()
    commentary.save()
    audit_record(
        actor=actor,
        action=Action.UPDATE,
        obj=commentary,
        purpose=PURPOSE,
        detail=f"årsrapport {year}",
        municipality_id=municipality.pk,
    )
    return commentary
