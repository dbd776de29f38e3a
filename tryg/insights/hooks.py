"""What insights shows inside lower apps, through their registries (registered from InsightsConfig.ready): the
navigation, the start-page sections with the plan's revision clock and affected sections, the demo seeder."""

from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tryg.accounts.registry import register_demo_seeder
from tryg.core.selectors import DueItem, NavItem, Section, register_nav, register_section

from .access import CONSULTANT_ROLES, COORDINATOR_ROLES
from .demo import demo_seed


def plan_due(user) -> list[DueItem]:
    """The revision clock: a warning from 6 months before the next revision, and sections marked affected."""
    from .selectors import affected_count, revision_status

    status = revision_status(user.municipality_id)
    url = reverse("insights:plan")
    items = []
    if status.state == "missing":
        items.append(DueItem(_("Ingen beredskabsplan er registreret endnu (barnets lov § 15, stk. 3)."), url, True))
    elif status.state in ("soon", "overdue"):
        text = _("Beredskabsplanen skal revideres senest %(date)s (%(days)s dage)") % {
            "date": date_format(status.due, "j. F Y"),
            "days": status.days_left,
        }
        if status.state == "overdue":
            text = _("Beredskabsplanen skulle have været revideret senest %(date)s") % {
                "date": date_format(status.due, "j. F Y")
            }
        items.append(DueItem(text, url, status.state == "overdue"))
    affected = affected_count(user.municipality_id) if status.version else 0
    if affected:
        items.append(
            DueItem(
                _("%(n)s afsnit i planen er berørt af ændrede handlekort eller lovbestemmelser") % {"n": affected},
                url,
            )
        )
    return items


def register() -> None:
    register_demo_seeder("insights", demo_seed, order=70)
    register_nav(NavItem("insights:overview", gettext_lazy("Nøgletal"), COORDINATOR_ROLES, "insights"))
    register_nav(NavItem("insights:plan", gettext_lazy("Beredskabsplan"), COORDINATOR_ROLES, "insights"))
    register_nav(NavItem("insights:region", gettext_lazy("Nøgletal for regionen"), CONSULTANT_ROLES, "insights"))
    register_section(
        Section(
            gettext_lazy("Beredskabsplan"),
            gettext_lazy(
                "Planen, byrådet har vedtaget: afsnit med handlekort, opslag og kontakter, versioner og næste revision."
            ),
            "insights:plan",
            COORDINATOR_ROLES,
            due=plan_due,
        )
    )
    register_section(
        Section(
            gettext_lazy("Nøgletal"),
            gettext_lazy("Følg indsatsen: i år mod sidste år, med diagrammer, tabeller og årsrapport til byrådet."),
            "insights:overview",
            COORDINATOR_ROLES,
        )
    )
    register_section(
        Section(
            gettext_lazy("Nøgletal for regionen"),
            gettext_lazy("Samlede tal for regionens kommuner, uden personoplysninger."),
            "insights:region",
            CONSULTANT_ROLES,
        )
    )
