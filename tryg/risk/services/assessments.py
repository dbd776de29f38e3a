"""Assessments: drafts, the checklist's level and the floor it sets, signing (never edited afterwards)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tryg.audit.models import Action
from tryg.cases.models import Case, TimelineEntry
from tryg.core.errors import DomainError

from ..models import Assessment, Instrument, InstrumentVersion, Level, level_rank
from .common import audit_assessment

MAX_SCENARIOS = 10
MAX_TEXT = 5000


def checklist_level(version: InstrumentVersion, ratings: dict) -> str:
    """The checklist's own result: how many items are answered "ja" against its thresholds."""
    yes = sum(1 for item in version.items() if (ratings.get(item["id"]) or {}).get("present") == "ja")
    threshold = version.definition.get("threshold", {})
    if yes >= threshold.get("high", 10**6):
        return Level.HIGH
    if yes >= threshold.get("medium", 10**6):
        return Level.MEDIUM
    return Level.LOW


def _latest_signed_checklist(assessment: Assessment) -> Assessment | None:
    return (
        Assessment.objects.filter(
            assessment.siblings_q(),
            status=Assessment.Status.SIGNED,
            version__instrument__kind=Instrument.Kind.CHECKLIST,
        )
        .order_by("-signed_at")
        .first()
    )


def floor_level(assessment: Assessment) -> str:
    """The lowest level the assessor may choose: a checklist's own result; for a structured judgement, the
    result of the case's latest signed checklist ("" when there is none)."""
    if assessment.version.is_checklist:
        return checklist_level(assessment.version, assessment.ratings)
    checklist = _latest_signed_checklist(assessment)
    return checklist.computed_level if checklist else ""


@transaction.atomic
def assessment_start(*, actor, instrument: Instrument, case: Case | None = None, consultation=None) -> Assessment:
    """A new draft with the instrument's newest version, on a case or on a named consultation."""
    if (case is None) == (consultation is None):
        raise ValueError("an assessment belongs to a case or to a consultation")
    if case is not None and case.is_closed:
        raise DomainError(_("Sagen er lukket."), code="case_closed")
    if consultation is not None and consultation.is_anonymous:
        raise DomainError(
            _("En anonym rådgivning har ingen navngiven person at vurdere. Registrér hjemlen og personen først."),
            code="consultation_anonymous",
        )
    version = instrument.versions.order_by("-number").first()
    if version is None:
        raise ValidationError({"instrument": _("Redskabet har ingen version.")})
    assessment = Assessment.objects.create(case=case, consultation=consultation, version=version, created_by=actor)
    audit_assessment(actor=actor, action=Action.CREATE, assessment=assessment, purpose=_("Risikovurdering"))
    return assessment


def _clean_ratings(version: InstrumentVersion, ratings) -> dict:
    if not isinstance(ratings, dict):
        raise ValidationError({"ratings": _("Vurderingerne skal være en ordbog af punkter.")})
    items = {item["id"] for item in version.items()}
    values = {option["value"] for option in version.definition["scale"]}
    periods = version.definition["periods"]
    errors, out = {}, {}
    for key, rating in ratings.items():
        if key not in items:
            errors[f"ratings.{str(key)[:60]}"] = _("Ukendt punkt.")
            continue
        if not isinstance(rating, dict) or any(p not in periods for p in rating):
            errors[f"ratings.{key}"] = _("Angiv svar for %(p)s.") % {"p": ", ".join(periods)}
            continue
        clean = {}
        for period, value in rating.items():
            if value in ("", None):
                continue
            if value not in values:
                errors[f"ratings.{key}.{period}"] = _("Ukendt svar.")
            else:
                clean[period] = value
        if clean:
            out[key] = clean
    if errors:
        raise ValidationError(errors)
    return out


def _text(value, field: str) -> str:
    if value is None:
        return ""
    if not isinstance(value, str) or len(value) > MAX_TEXT:
        raise ValidationError({field: _("Højst %(n)s tegn tekst.") % {"n": MAX_TEXT}})
    return value.strip()


def _clean_judgements(version: InstrumentVersion, judgements) -> dict:
    if not version.definition.get("judgements"):
        return {}
    if not isinstance(judgements, dict):
        raise ValidationError({"judgements": _("De sammenfattende vurderinger skal være en ordbog.")})
    spec = {j["id"]: j for j in version.definition["judgements"]}
    out, errors = {}, {}
    for key, value in judgements.items():
        if key not in spec:
            errors[f"judgements.{str(key)[:60]}"] = _("Ukendt vurdering.")
        elif spec[key]["answer"] == "level":
            if value not in ("", None, *Level.values):
                errors[f"judgements.{key}"] = _("Vælg lav, middel eller høj.")
            elif value:
                out[key] = value
        else:
            text = _text(value, f"judgements.{key}")
            if text:
                out[key] = text
    if errors:
        raise ValidationError(errors)
    return out


def _clean_scenarios(version: InstrumentVersion, scenarios) -> list:
    if not version.definition.get("scenarios"):
        return []
    if not isinstance(scenarios, list) or len(scenarios) > MAX_SCENARIOS:
        raise ValidationError({"scenarios": _("Højst %(n)s scenarier.") % {"n": MAX_SCENARIOS}})
    out, errors = [], {}
    for n, scenario in enumerate(scenarios):
        if not isinstance(scenario, dict):
            errors[f"scenarios.{n}"] = _("Et scenarie har en beskrivelse, et niveau og beskyttende tiltag.")
            continue
        title = _text(scenario.get("title"), f"scenarios.{n}.title")
        level = scenario.get("level") or ""
        measures = _text(scenario.get("measures"), f"scenarios.{n}.measures")
        if not (title or measures or level):
            continue
        if not title:
            errors[f"scenarios.{n}.title"] = _("Beskriv scenariet.")
        if level not in Level.values:
            errors[f"scenarios.{n}.level"] = _("Vælg lav, middel eller høj.")
        if not measures:
            errors[f"scenarios.{n}.measures"] = _("Angiv de beskyttende tiltag.")
        out.append({"title": title, "level": level, "measures": measures})
    if errors:
        raise ValidationError(errors)
    return out


def _check_level(assessment: Assessment) -> None:
    """The professional judgement may raise the level but never lower it below the checklist's result; a level
    other than that result needs its reason."""
    floor = assessment.floor_level
    if assessment.level and floor and level_rank(assessment.level) < level_rank(floor):
        raise DomainError(
            _(
                "Den faglige vurdering kan ikke sænke niveauet under screeningens resultat (%(f)s). Vælg %(f)s "
                "eller højere."
            )
            % {"f": Level(floor).label.lower()},
            code="level_below_checklist",
            field="level",
        )
    if assessment.level and floor and assessment.level != floor and not assessment.level_reason:
        raise ValidationError({"level_reason": _("Begrund, hvorfor niveauet er højere end screeningens resultat.")})


@transaction.atomic
def assessment_save(
    *,
    actor,
    assessment: Assessment,
    ratings: dict,
    judgements: dict | None = None,
    scenarios: list | None = None,
    level: str = "",
    level_reason: str = "",
    notes: str = "",
) -> Assessment:
    """Save a draft's answers. A signed assessment is never changed (start a new one)."""
    assessment = (
        Assessment.objects.select_for_update(of=("self",))
        .select_related("version", "case", "consultation")
        .get(pk=assessment.pk)
    )
    if assessment.is_signed:
        raise DomainError(_("En underskrevet vurdering kan ikke ændres. Start en ny."), code="assessment_signed")
    version = assessment.version
    if level not in ("", *Level.values):
        raise ValidationError({"level": _("Vælg lav, middel eller høj.")})
    assessment.ratings = _clean_ratings(version, ratings)
    assessment.judgements = _clean_judgements(version, judgements or {})
    assessment.scenarios = _clean_scenarios(version, scenarios or [])
    assessment.level_reason = _text(level_reason, "level_reason")
    assessment.notes = _text(notes, "notes")
    assessment.computed_level = checklist_level(version, assessment.ratings) if version.is_checklist else ""
    assessment.floor_level = floor_level(assessment)
    assessment.level = level or (assessment.computed_level if version.is_checklist else "")
    _check_level(assessment)
    assessment.updated_at = timezone.now()
    assessment.save()
    audit_assessment(actor=actor, action=Action.UPDATE, assessment=assessment, purpose=_("Risikovurdering"))
    return assessment


@transaction.atomic
def assessment_sign(*, actor, assessment: Assessment) -> Assessment:
    """Sign a complete draft: every item answered for every period, the level (and for a judgement every
    level-judgement) chosen. It then supersedes the case's previous signed assessment."""
    assessment = (
        Assessment.objects.select_for_update(of=("self",))
        .select_related("version", "case", "consultation")
        .get(pk=assessment.pk)
    )
    if assessment.is_signed:
        raise DomainError(_("Vurderingen er allerede underskrevet."), code="assessment_signed")
    version = assessment.version
    periods = version.definition["periods"]
    missing = [
        item["text"]
        for item in version.items()
        if any(p not in (assessment.ratings.get(item["id"]) or {}) for p in periods)
    ]
    if missing:
        raise DomainError(
            _("%(n)s punkter mangler svar, fx: %(first)s") % {"n": len(missing), "first": missing[0]},
            code="assessment_incomplete",
            field="ratings",
        )
    for j in version.definition.get("judgements", []):
        if j["answer"] == "level" and not assessment.judgements.get(j["id"]):
            raise DomainError(
                _("Vælg et niveau for «%(j)s».") % {"j": j["text"]}, code="assessment_incomplete", field="judgements"
            )
    if not assessment.level:
        raise DomainError(_("Vælg det samlede risikoniveau."), code="assessment_incomplete", field="level")
    assessment.floor_level = floor_level(assessment)
    _check_level(assessment)
    previous = (
        Assessment.objects.filter(assessment.siblings_q(), status=Assessment.Status.SIGNED)
        .order_by("-signed_at")
        .first()
    )
    now = timezone.now()
    assessment.status = Assessment.Status.SIGNED
    assessment.signed_by = actor
    assessment.signed_at = now
    assessment.updated_at = now
    assessment.supersedes = previous
    assessment.save()
    if assessment.case_id:
        TimelineEntry.objects.create(
            case=assessment.case,
            kind=TimelineEntry.Kind.EVENT,
            author=actor,
            text=_("Risikovurdering underskrevet (%(title)s): %(level)s risiko.")
            % {"title": version.title, "level": Level(assessment.level).label.lower()},
        )
    audit_assessment(
        actor=actor,
        action=Action.UPDATE,
        assessment=assessment,
        purpose=_("Risikovurdering underskrevet"),
        detail=assessment.level,
    )
    return assessment
