from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActioncardsConfig(AppConfig):
    name = "tryg.actioncards"
    label = "actioncards"
    verbose_name = _("Handlekort")

    def ready(self):
        from tryg.accounts.models import ALL_ROLES
        from tryg.accounts.registry import register_demo_seeder
        from tryg.core.selectors import NavItem, Section, register_nav, register_section
        from tryg.knowledge.citations import register_citation_source

        from .citations import card_citations
        from .demo import demo_seed

        register_citation_source("actioncards", card_citations)

        register_nav(NavItem("actioncards:card-list", _("Handlekort"), ALL_ROLES, "actioncards"))
        register_section(
            Section(
                _("Handlekort"),
                _(
                    "Gå trin for trin gennem, hvad du skal gøre, når du er bekymret "
                    "for et barn, en ung eller en voksen."
                ),
                "actioncards:card-list",
                ALL_ROLES,
            )
        )
        register_demo_seeder("actioncards", demo_seed, order=20)
