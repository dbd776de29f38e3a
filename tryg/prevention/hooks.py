"""What youth-to-youth dialogue shows inside lower apps, through their registries (from PreventionConfig.ready)."""

from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from tryg.accounts.registry import register_demo_seeder
from tryg.core.selectors import NavItem, Section, register_nav, register_section

from . import selectors
from .access import COORDINATOR_ROLES, is_facilitator
from .demo import demo_seed


def _coordinator_due(user) -> list[str]:
    if user.municipality_id is None:
        return []
    week = selectors.sessions_this_week(user.municipality_id)
    lines = [
        ngettext("%(n)s dialogmøde i denne uge", "%(n)s dialogmøder i denne uge", week) % {"n": week}
        if week
        else gettext("Ingen dialogmøder i denne uge")
    ]
    missing = selectors.sessions_awaiting_counts(user.municipality_id)
    if missing:
        lines.append(
            ngettext("%(n)s møde mangler deltagertal", "%(n)s møder mangler deltagertal", missing) % {"n": missing}
        )
    return lines


def _facilitator_due(user) -> list[str]:
    if not is_facilitator(user):
        return []
    week = selectors.facilitator_sessions_this_week(user)
    if not week:
        return [gettext("Ingen møder i denne uge")]
    return [ngettext("%(n)s møde i denne uge", "%(n)s møder i denne uge", week) % {"n": week}]


def register() -> None:
    register_demo_seeder("prevention", demo_seed, order=50)
    register_nav(NavItem("prevention:session-list", _("Dialogmøder"), COORDINATOR_ROLES, "prevention"))
    register_section(
        Section(
            _("Ung-til-ung dialog"),
            _("Planlæg dialogmøder med dialogskaberne, lav evalueringssedler, og følg rækkevidden."),
            "prevention:session-list",
            COORDINATOR_ROLES,
            due=_coordinator_due,
        )
    )
    register_section(
        Section(
            _("Mine dialogmøder"),
            _("De dialogmøder, du skal lede som dialogskaber."),
            "prevention:my-sessions",
            None,
            due=_facilitator_due,
            only_when_due=True,
        )
    )
