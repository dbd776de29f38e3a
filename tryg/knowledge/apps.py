from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KnowledgeConfig(AppConfig):
    name = "tryg.knowledge"
    label = "knowledge"
    verbose_name = _("Hjælperedskab")

    def ready(self):
        from tryg.core.selectors import ALL_ROLES, NavItem, Section, register_nav, register_section

        from .citations import knowledge_citations, register_citation_source

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
                ("tovholder",),
            )
        )
