"""What cases shows inside lower apps, through their registries (registered from CasesConfig.ready)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from tryg.accounts.registry import AdminLink, register_admin_link, register_demo_seeder
from tryg.actioncards.registry import WalkAction, register_walk_action

from .demo import demo_seed
from .views import NOTIFIER_ROLES  # moves to .access with the lead's restructuring


def _concern_from_walk_url(walk) -> str:
    return reverse("cases:concern-create") + f"?walk={walk.pk}"


def register() -> None:
    register_demo_seeder("cases", demo_seed, order=30)
    register_admin_link(AdminLink("intake", _("Modtagelse af underretninger"), "cases:intake-settings", order=30))
    register_walk_action(
        WalkAction(
            key="create-concern",
            label=_("Opret bekymring"),
            text=_("Opret bekymringen nu. Dine svar fra handlekortet bliver udfyldt på forhånd."),
            url=_concern_from_walk_url,
            roles=NOTIFIER_ROLES,
            applies=lambda walk, node: bool(node.get("create_concern")),
        )
    )
