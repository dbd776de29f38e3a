"""What cases shows inside lower apps, through their registries (registered from CasesConfig.ready)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from tryg.accounts.lockout import register_lockout_listener
from tryg.accounts.registry import AdminLink, register_admin_link, register_demo_seeder
from tryg.actioncards.registry import WalkAction, register_walk_action
from tryg.audit.registry import register_refusal_alert, register_row_describer, register_subject_resolver
from tryg.core.selectors import NavItem, Section, register_nav, register_section

from . import auditlog
from .access import (
    ADMINISTRATOR_ROLES,
    CASE_ROLES,
    CASEWORKER_ROLES,
    COORDINATOR_ROLES,
    NOTIFICATION_ROLES,
    NOTIFIER_ROLES,
    OUTSIDE_NOTIFIER_ROLES,
)
from .demo import demo_seed
from .notifications import municipality_coordinators, notify


def _concern_from_walk_url(walk) -> str:
    return reverse("cases:concern-create") + f"?walk={walk.pk}"


def _notify_coordinators_of_lockout(*, user, scope: str) -> None:
    """The municipality's coordinators hear of a locked staff account (accounts/lockout.py)."""
    if user.municipality_id is None:
        return
    if scope == "username":
        text = _("Kontoen %(username)s er spærret efter mange mislykkede login fra flere adresser.")
    else:
        text = _("Kontoen %(username)s er spærret fra én adresse efter gentagne mislykkede login.")
    notify(municipality_coordinators(user.municipality_id), text=str(text) % {"username": user.username})


def register() -> None:
    register_demo_seeder("cases", demo_seed, order=30)
    # The access log: search by case number and person, rows named, repeated refusals told to coordinators.
    register_subject_resolver("case", auditlog.resolve_case)
    register_subject_resolver("person", auditlog.resolve_person)
    for type_label in auditlog.DESCRIBED_TYPES:
        register_row_describer(type_label, auditlog.describe_rows)
    register_refusal_alert(auditlog.refusal_burst_notify)
    register_lockout_listener(_notify_coordinators_of_lockout)
    register_admin_link(AdminLink("intake", _("Modtagelse af underretninger"), "cases:intake-settings", order=30))
    register_walk_action(
        WalkAction(
            key="create-concern",
            label=_("Opret underretning"),
            text=_("Send underretningen nu. Dine svar fra handlekortet følger med, så du ikke skal skrive dem igen."),
            url=_concern_from_walk_url,
            roles=NOTIFIER_ROLES,
            applies=lambda walk, node: bool(node.get("create_concern")),
        )
    )
    register_nav(NavItem("cases:queue", _("Underretninger"), CASEWORKER_ROLES, "cases"))
    register_nav(NavItem("cases:case-list", _("Sager"), CASE_ROLES, "cases"))
    register_nav(NavItem("cases:my-tasks", _("Mine opgaver"), CASE_ROLES, "cases"))
    register_nav(NavItem("cases:my-concerns", _("Mine underretninger"), OUTSIDE_NOTIFIER_ROLES, "cases"))
    register_section(
        Section(
            _("Modtagne underretninger"),
            _("Se din enheds kø med de lovbestemte frister, kvittér for modtagelse og visitér til sag."),
            "cases:queue",
            CASEWORKER_ROLES,
        ),
        position=0,
    )
    register_section(
        Section(
            _("Sager"),
            _("Find sager, du har adgang til, på sagsnummer, navn eller CPR-nummer."),
            "cases:case-list",
            CASE_ROLES,
        )
    )
    register_section(
        Section(
            _("Mine opgaver og frister"),
            _("Dine opgaver i sagerne og fristerne for underretninger i din enhed."),
            "cases:my-tasks",
            CASE_ROLES,
        )
    )
    register_section(
        Section(
            _("Send en underretning"),
            _("Meld en bekymring for et barn, en ung eller en voksen til kommunen."),
            "cases:concern-create",
            NOTIFIER_ROLES,
        )
    )
    register_section(
        Section(
            _("Mine underretninger"),
            _("Følg status på de underretninger, du har sendt."),
            "cases:my-concerns",
            NOTIFIER_ROLES,
        )
    )
    register_section(
        Section(
            _("Beskeder"),
            _("Besked om akutte underretninger, kvitteringer, opgaver og nødadgang."),
            "cases:notifications",
            NOTIFICATION_ROLES,
        )
    )
    register_section(
        Section(
            _("Indsigt i adgangshistorik"),
            _("Udlevér en persons adgangshistorik (tidspunkt, enhed og formål) efter anmodning."),
            "cases:person-access-export",
            COORDINATOR_ROLES,
        )
    )
    register_section(
        Section(
            _("Modtagelse af underretninger"),
            _("Vælg de enheder, der modtager underretninger om børn og voksne, og opbevaringstiden for sager."),
            "cases:intake-settings",
            ADMINISTRATOR_ROLES,
        )
    )
