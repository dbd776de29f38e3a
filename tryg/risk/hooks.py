"""What risk work shows inside lower apps, through their registries (from RiskConfig.ready): the family-action
guard (barnets lov § 18, stk. 3), the case page's panels, the start page's "needs reassessment" section, the
demo seeder, and the consultants' queue panel of cases that need reassessment (coordination's registry)."""

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from tryg.accounts.registry import register_demo_seeder
from tryg.cases.registry import CasePanel, panel_memo, register_case_panel, register_family_action_guard
from tryg.coordination.registry import QueuePanel, register_queue_panel
from tryg.core.selectors import DueItem, Section, register_section

from . import access, selectors
from .demo import demo_seed


def family_guard(case) -> str | None:
    """In a case flagged as honour-related, nothing involving the parents or the network happens before a signed
    risk assessment exists."""
    if selectors.is_honour_related(case) and not selectors.has_signed_assessment(case):
        return gettext(
            "Sagen er markeret som æresrelateret. Forældre og netværk må ikke kontaktes, inviteres eller have brev, "
            "før der er en underskrevet risikovurdering (barnets lov § 18, stk. 3)."
        )
    return None


def meeting_url(case) -> str | None:
    """The multi-agency meeting form with this case on the agenda, when coordination provides it."""
    try:
        return reverse("coordination:meeting-create") + f"?case={case.pk}"
    except NoReverseMatch:
        return None


def _facts(case) -> dict:
    """What the three risk panels show, read once per page (cases.registry.panel_memo)."""

    def compute():
        assessments = selectors.case_assessments(case)
        signed = [a for a in assessments if a.is_signed]
        current = max(signed, key=lambda a: a.signed_at) if signed else None
        profile, travel = selectors.profile_and_travel(case)
        return {
            "assessments": assessments,
            "signed": signed,
            "current": current,
            "profile": profile,
            "honour": bool(profile and profile.honour_related),
            "travel": travel,
        }

    return panel_memo(case, "risk", compute)


def _header(user, case, readonly):
    facts = _facts(case)
    current, checklist = facts["current"], facts["travel"]
    return {
        "case": case,
        "current": current,
        "reassess": selectors.reassessment_reason(case, current),
        "profile": facts["profile"],
        "countdown": selectors.countdown(checklist),
        "travel": checklist,
    }


def _main(user, case, readonly):
    facts = _facts(case)
    assessments, signed = facts["assessments"], facts["signed"]
    if not assessments and not facts["honour"]:
        return {"case": case, "empty": True, "readonly": readonly}
    return {
        "case": case,
        "assessments": assessments[:5],
        "trend": selectors.trend(signed),
        "readonly": readonly,
    }


def _side(user, case, readonly):
    plan = selectors.current_plan(case)
    sibs = selectors.siblings(case)
    return {
        "case": case,
        "plan": plan,
        "siblings_open": sum(1 for s in sibs if s.consideration is None),
        "siblings": len(sibs),
        "travel_sign": selectors.has_travel_sign(case),
        "travel": _facts(case)["travel"],
        "readonly": readonly,
    }


def _queue_panel(user):
    """The consultants' queue: the cases they work on whose risk assessment is due again."""
    if not access.is_consultant(user):
        return None
    return {"cases": selectors.reassessment_cases(user), "limit": selectors.QUEUE_LIMIT}


def _due(user) -> list:
    return [
        DueItem(
            gettext("Sag %(n)s: risikovurderingen skal gentages") % {"n": case.number},
            reverse("risk:case", args=[case.pk]),
            overdue=True,
        )
        for case in selectors.reassessment_cases(user)
    ]


def _seed_instruments(sender, **kwargs) -> None:
    """After migrate (and a test database's flush): the shipped instruments exist."""
    from .services import ensure_seed_instruments

    ensure_seed_instruments()


def register() -> None:
    from django.apps import apps
    from django.db.models.signals import post_migrate

    post_migrate.connect(_seed_instruments, sender=apps.get_app_config("risk"), dispatch_uid="risk-seed-instruments")
    register_family_action_guard(family_guard)
    register_case_panel(CasePanel("risk-level", "risk/panels/header.html", _header, place="header", order=10))
    register_case_panel(CasePanel("risk-assessments", "risk/panels/main.html", _main, place="main", order=10))
    register_case_panel(CasePanel("risk-safety", "risk/panels/side.html", _side, place="side", order=10))
    register_section(
        Section(
            _("Risikovurderinger"),
            _("Sager, hvor risikovurderingen skal gentages efter en ny episode, eller fordi den er for gammel."),
            "risk:reassessment",
            access.RISK_ROLES,
            due=_due,
            only_when_due=True,
        )
    )
    register_queue_panel(QueuePanel("risk-reassessment", "risk/panels/queue.html", _queue_panel, order=10))
    register_demo_seeder("risk", demo_seed, order=70)
