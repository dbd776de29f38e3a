from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActioncardsConfig(AppConfig):
    name = "tryg.actioncards"
    label = "actioncards"
    verbose_name = _("Handlekort")

    def ready(self):
        from tryg.core.selectors import ALL_ROLES, NavItem, Section, register_nav, register_section
        from tryg.knowledge.citations import register_citation_source

        from .citations import card_citations

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
