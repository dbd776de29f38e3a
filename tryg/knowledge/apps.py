from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KnowledgeConfig(AppConfig):
    name = "tryg.knowledge"
    label = "knowledge"
    verbose_name = _("Hjælperedskab")

    def ready(self):
        from tryg.accounts.models import ALL_ROLES
        from tryg.accounts.registry import register_demo_seeder
        from tryg.core.selectors import NavItem, Section, register_nav, register_section

        from .access import EDITOR_ROLES
        from .citations import knowledge_citations, register_citation_source
        from .demo import demo_seed

        register_citation_source("knowledge", knowledge_citations)

        register_nav(NavItem("knowledge:search", _("Hjælperedskab"), ALL_ROLES, "knowledge"))
        register_nav(NavItem("knowledge:law-changes", _("Lovændringer"), ("tovholder",), "knowledge-law-changes"))
        register_section(
            Section(
                _("Hjælperedskab"),
                _("Find bekymringstegn, lovgivning, redskaber og kontakter, når du er bekymret for nogen."),
                "knowledge:search",
                ALL_ROLES,
            )
        )
        register_section(
            Section(
                _("Lovændringer"),
                _("Se ophævede bestemmelser og de handlekort, opslag og forløb, der stadig henviser til dem."),
                "knowledge:law-changes",
                ("tovholder",),
            )
        )
        register_section(
            Section(
                _("Redigér hjælperedskabet"),
                _("Opret og opdatér kommunens egne opslag, og se hvilke opslag der skal revideres."),
                "knowledge:manage",
                EDITOR_ROLES,
            )
        )
        register_demo_seeder("knowledge", demo_seed, order=10)
