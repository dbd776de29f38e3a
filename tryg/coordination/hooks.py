"""What coordination shows inside lower apps, through their registries (registered from CoordinationConfig.ready):
navigation and start-page sections (the consultants' queue first), case-page panels and header actions, the demo
seeder, and the law register's citation of barnets lov § 172 c."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tryg.accounts.models import Role
from tryg.accounts.registry import register_demo_seeder
from tryg.cases.registry import CaseAction, CasePanel, register_case_action, register_case_panel
from tryg.core.selectors import DueItem, NavItem, Section, register_nav, register_section
from tryg.knowledge.citations import Citation, Place, register_citation_source

from .access import ASKER_ROLES, CONSULTANT_ROLES, MEETING_ROLES, REFERRAL_ROLES

# The legal basis a consultation on a named child may rest on without the parents' consent: the law register's
# entry (tryg/knowledge/content/provisions.py, marked verified=False there: not checked against the law's text).
BASIS_172C_SLUG = "barnets-lov-172-c"


def basis_citations():
    place = Place(source="coordination", label=str(_("Rådgivning: hjemmel for et navngivent barn")), key="consult:172c")
    yield Citation(place, BASIS_172C_SLUG, False)


def queue_due(user) -> list[DueItem]:
    """New consultations of the consultant's region, for the start page (one query)."""
    from .models import Consultation

    n = Consultation.objects.filter(region_id=user.municipality.region_id, status=Consultation.Status.NEW).count()
    if not n:
        return []
    text = _("%(n)s nye forespørgsler venter") % {"n": n} if n != 1 else _("1 ny forespørgsel venter")
    return [DueItem(text=text, url=reverse("coordination:queue"))]


def _case_panel(user, case, readonly):
    from . import selectors

    return {
        "case": case,
        "consultations": selectors.case_consultations(user, case),
        "referrals": selectors.case_actor_referrals(case),
        "readonly": readonly,
    }


def _repeat_panel(user, case, readonly):
    from .selectors import case_repeat_flag

    item = case_repeat_flag(case)
    return {"item": item} if item is not None else None


def register() -> None:
    register_citation_source("coordination", basis_citations)
    register_demo_seeder("coordination", _demo_seed, order=70)
    # The consultants' work comes first in their menu and on their start page.
    register_nav(
        NavItem("coordination:queue", gettext_lazy("Forespørgsler"), CONSULTANT_ROLES, "coordination"), position=1
    )
    register_nav(NavItem("coordination:meeting-list", gettext_lazy("Netværksmøder"), MEETING_ROLES, "coordination"))
    register_nav(NavItem("coordination:ask", gettext_lazy("Spørg sikkerhedskonsulenterne"), ASKER_ROLES, "consult"))
    register_nav(NavItem("coordination:mine", gettext_lazy("Mine forespørgsler"), ASKER_ROLES, "consult"))
    register_nav(NavItem("coordination:inbox", gettext_lazy("Henvisninger til os"), (Role.PARTNER,), "coordination"))
    register_section(
        Section(
            gettext_lazy("Forespørgsler til sikkerhedskonsulenterne"),
            gettext_lazy("Regionens forespørgsler: hastegrad, status, alder og hvem der har dem."),
            "coordination:queue",
            CONSULTANT_ROLES,
            links=(("coordination:meeting-list", gettext_lazy("Netværksmøder")),),
            due=queue_due,
        ),
        position=0,
    )
    register_section(
        Section(
            gettext_lazy("Spørg sikkerhedskonsulenterne"),
            gettext_lazy("Få gratis råd om æresrelaterede konflikter og negativ social kontrol – også anonymt."),
            "coordination:ask",
            ASKER_ROLES,
            links=(("coordination:mine", gettext_lazy("Mine forespørgsler")),),
        )
    )
    register_section(
        Section(
            gettext_lazy("Aktørkatalog"),
            gettext_lazy("Myndigheder, krisecentre, rådgivninger og partnere, som sager kan henvises til."),
            "coordination:actor-list",
            (Role.TOVHOLDER,),
        )
    )
    register_case_panel(
        CasePanel("coordination-repeat", "coordination/panels/repeat.html", _repeat_panel, place="header", order=50)
    )
    register_case_panel(CasePanel("coordination", "coordination/panels/case.html", _case_panel, place="side", order=50))
    register_case_action(
        CaseAction(
            "coordination-ask",
            gettext_lazy("Spørg sikkerhedskonsulenterne"),
            lambda case: reverse("coordination:ask") + f"?case={case.pk}",
            roles=(Role.SAGSBEHANDLER,),
            order=50,
        )
    )
    register_case_action(
        CaseAction(
            "coordination-refer",
            gettext_lazy("Henvis til aktør fra kataloget"),
            lambda case: reverse("coordination:case-refer", args=[case.pk]),
            roles=REFERRAL_ROLES,
            order=51,
        )
    )
    register_case_action(
        CaseAction(
            "coordination-meeting",
            gettext_lazy("Sæt på netværksmøde"),
            lambda case: reverse("coordination:meeting-create") + f"?case={case.pk}",
            roles=MEETING_ROLES,
            order=52,
        )
    )


def _demo_seed(*, users) -> None:
    from .demo import demo_seed

    demo_seed(users=users)
