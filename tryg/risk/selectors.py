"""Every read of risk work: the case's assessments and trend, the current level, whether the case needs a
reassessment, siblings to consider, the travel checklist, the safety plan. No writes, no audit rows (the
view that shows the data logs the read)."""

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db.models import Exists, OuterRef, Q, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _

from tryg.cases.access import visible_cases
from tryg.cases.models import Case, RelatedPerson, TimelineEntry
from tryg.knowledge.models import Entry

from .models import Assessment, CaseRiskProfile, Instrument, Level, SafetyPlan, SiblingConsideration, level_rank
from .services.casework import TRAVEL_STEPS

TRAVEL_SIGN = "tegn-lang-rejse"
QUEUE_LIMIT = 20


def reassess_days() -> int:
    return int(getattr(settings, "TRYG_RISK_REASSESS_DAYS", 90))


def instruments() -> list[Instrument]:
    """Every instrument with its newest version as `latest`."""
    out = list(Instrument.objects.prefetch_related("versions").order_by("kind", "slug"))
    for instrument in out:
        versions = sorted(instrument.versions.all(), key=lambda v: -v.number)
        instrument.latest = versions[0] if versions else None
    return [i for i in out if i.latest is not None]


def case_assessments(case: Case) -> list[Assessment]:
    return list(
        Assessment.objects.filter(case=case)
        .select_related("version__instrument", "created_by", "signed_by")
        .order_by("-created_at")
    )


def consultation_assessments(consultation) -> list[Assessment]:
    return list(
        Assessment.objects.filter(consultation=consultation)
        .select_related("version__instrument", "created_by", "signed_by")
        .order_by("-created_at")
    )


def current_assessment(case: Case) -> Assessment | None:
    return (
        Assessment.objects.filter(case=case, status=Assessment.Status.SIGNED)
        .select_related("version", "signed_by")
        .order_by("-signed_at")
        .first()
    )


def profile(case: Case) -> CaseRiskProfile | None:
    return CaseRiskProfile.objects.filter(case=case).select_related("set_by").first()


def is_honour_related(case: Case) -> bool:
    return CaseRiskProfile.objects.filter(case=case, honour_related=True).exists()


def has_signed_assessment(case: Case) -> bool:
    return Assessment.objects.filter(case=case, status=Assessment.Status.SIGNED).exists()


def reassessment_reason(case: Case, current: Assessment | None) -> str | None:
    """Why the case needs a new assessment: an incident after the current one, or the current one is older than
    the configured age. None when it is up to date (or there is none yet)."""
    if current is None:
        return None
    if TimelineEntry.objects.filter(
        case=case, kind=TimelineEntry.Kind.INCIDENT, created_at__gt=current.signed_at
    ).exists():
        return _("Der er registreret en ny episode efter den seneste vurdering.")
    if current.signed_at < timezone.now() - timedelta(days=reassess_days()):
        return _("Den seneste vurdering er mere end %(n)s dage gammel.") % {"n": reassess_days()}
    return None


@dataclass
class ChartPoint:
    x: float
    y: float
    level: str
    label: str
    date: object
    instrument: str


CHART = {"width": 560, "height": 180, "left": 70, "right": 40, "top": 20, "bottom": 40}


def trend(signed: list[Assessment]) -> dict:
    """The signed assessments oldest first, placed on a small chart (level against order), for the inline SVG and
    its table alternative."""
    signed = sorted(signed, key=lambda a: a.signed_at)
    w, h = CHART["width"], CHART["height"]
    inner_w = w - CHART["left"] - CHART["right"]
    inner_h = h - CHART["top"] - CHART["bottom"]
    step = inner_w / max(len(signed) - 1, 1)
    points = []
    for i, a in enumerate(signed):
        x = CHART["left"] + (step * i if len(signed) > 1 else inner_w / 2)
        y = CHART["top"] + inner_h - inner_h * level_rank(a.level) / 2
        points.append(ChartPoint(round(x, 1), round(y, 1), a.level, Level(a.level).label, a.signed_at, a.version.title))
    levels = [
        {"label": Level(v).label, "y": round(CHART["top"] + inner_h - inner_h * level_rank(v) / 2, 1)}
        for v in Level.values
    ]
    return {
        "points": points,
        "path": " ".join(f"{p.x},{p.y}" for p in points),
        "levels": levels,
        "width": w,
        "height": h,
        "left": CHART["left"],
        "right_edge": w - CHART["right"],
        "axis_y": h - CHART["bottom"],
        "label_y": h - CHART["bottom"] + 18,
    }


def siblings(case: Case) -> list[RelatedPerson]:
    """The siblings named on the case's concerns, each with `consideration` (or None)."""
    people = list(
        RelatedPerson.objects.filter(concern__case=case, relation=RelatedPerson.Relation.SIBLING).order_by("id")
    )
    done = {
        c.related_person_id: c
        for c in SiblingConsideration.objects.filter(case=case).select_related("decided_by", "task", "concern")
    }
    for person in people:
        person.consideration = done.get(person.pk)
    return people


def has_travel_sign(case: Case) -> bool:
    """Whether a concern of the case ticked the warning sign of a long journey abroad. Free on the case page, which
    has loaded the concerns with their signs (prefetched onto the case); one query otherwise."""
    if "concerns" in getattr(case, "_prefetched_objects_cache", {}):
        return any(sign.slug == TRAVEL_SIGN for concern in case.concerns.all() for sign in concern.warning_signs.all())
    return case.concerns.filter(warning_signs__slug=TRAVEL_SIGN).exists()


def profile_and_travel(case: Case):
    """(the honour-related flag's profile or None, the travel checklist or None), both in one query."""
    row = Case.objects.filter(pk=case.pk).select_related("risk_profile__set_by", "travel_checklist").first()
    if row is None:
        return None, None
    return getattr(row, "risk_profile", None), getattr(row, "travel_checklist", None)


def travel(case: Case):
    from .models import TravelChecklist

    return TravelChecklist.objects.filter(case=case).first()


def travel_steps(checklist) -> list[dict]:
    """The checklist's steps with whether each is done and links to the knowledge entries they rest on."""
    slugs = {s for step in TRAVEL_STEPS for s in step.slugs}
    titles = dict(Entry.objects.current().filter(slug__in=slugs, municipality=None).values_list("slug", "title"))
    done = set(checklist.steps_done) if checklist else set()
    return [
        {
            "key": step.key,
            "label": step.label,
            "done": step.key in done,
            "links": [(slug, titles[slug]) for slug in step.slugs if slug in titles],
        }
        for step in TRAVEL_STEPS
    ]


def countdown(checklist) -> int | None:
    if checklist is None or checklist.departure_date is None:
        return None
    return (checklist.departure_date - timezone.localdate()).days


def current_plan(case: Case) -> SafetyPlan | None:
    return SafetyPlan.objects.filter(case=case).select_related("created_by").order_by("-number").first()


def plan_actions(plan: SafetyPlan) -> list:
    return list(plan.actions.select_related("owner", "task"))


def reassessment_cases(user) -> list[Case]:
    """The open cases the user may change whose current assessment is due again (an incident since, or older
    than the configured age), newest signing first; a fixed number of queries."""
    latest = Assessment.objects.filter(case=OuterRef("pk"), status=Assessment.Status.SIGNED).order_by("-signed_at")
    # Driven by the signed assessments (a semi-join on their case ids), not by every case the user may see: the
    # access rule is then asked of the few cases that have one (measured at 100,000 cases: 870 ms -> see README).
    signed = Assessment.objects.filter(status=Assessment.Status.SIGNED, case_id__isnull=False).values("case_id")
    cases = (
        visible_cases(user, write=True)
        .open()
        .filter(pk__in=signed)
        .annotate(
            risk_signed_at=Subquery(latest.values("signed_at")[:1]), risk_level=Subquery(latest.values("level")[:1])
        )
        .filter(risk_signed_at__isnull=False)
    )
    incident = TimelineEntry.objects.filter(
        case=OuterRef("pk"), kind=TimelineEntry.Kind.INCIDENT, created_at__gt=OuterRef("risk_signed_at")
    )
    old = timezone.now() - timedelta(days=reassess_days())
    return list(
        cases.annotate(risk_incident=Exists(incident))
        .filter(Q(risk_incident=True) | Q(risk_signed_at__lt=old))
        .select_related("person")
        .order_by("risk_signed_at")[:QUEUE_LIMIT]
    )
