"""What partnerships shows inside lower apps, through their registries (registered from PartnershipsConfig.ready)."""

from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tryg.accounts.registry import register_demo_seeder
from tryg.core.selectors import DueItem, NavItem, Section, register_nav, register_section

from .access import COORDINATOR_ROLES, PARTNER_ROLES
from .demo import demo_seed


def due_items(user) -> list[DueItem]:
    """Reports not yet submitted, overdue or due within 30 days, for the start page."""
    from .selectors import due_reports

    items = []
    for deadline in due_reports(user)[:5]:
        text = _("%(report)s for %(partner)s – frist %(date)s") % {
            "report": deadline.title,
            "partner": deadline.grant.partner.name,
            "date": date_format(deadline.due_on, "j. F Y"),
        }
        url = reverse("partnerships:grant-detail", args=[deadline.grant_id])
        items.append(DueItem(text=text, url=url, overdue=deadline.is_overdue))
    return items


def register() -> None:
    register_demo_seeder("partnerships", demo_seed, order=60)
    register_nav(NavItem("partnerships:overview", gettext_lazy("Partnerskaber"), COORDINATOR_ROLES, "partnerships"))
    register_nav(NavItem("partnerships:mine", gettext_lazy("Mit partnerskab"), PARTNER_ROLES, "partnerships"))
    register_section(
        Section(
            gettext_lazy("Mit partnerskab"),
            gettext_lazy(
                "Indberet aktiviteter og deltagere, vedhæft bilag og se, hvilke rapporter kommunen venter på."
            ),
            "partnerships:mine",
            PARTNER_ROLES,
            due=due_items,
        )
    )
    register_section(
        Section(
            gettext_lazy("Partnerskaber og tilskud"),
            gettext_lazy("Følg forbruget mod budgettet for hver bevilling, og lav rapporten til tilskudsgiveren."),
            "partnerships:overview",
            COORDINATOR_ROLES,
            due=due_items,
        )
    )
