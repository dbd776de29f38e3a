from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    name = "tryg.audit"
    label = "audit"
    verbose_name = "Adgangslog"

    def ready(self) -> None:
        from tryg.core.refusals import register_refusal_handler
        from tryg.core.selectors import NavItem, Section, register_nav, register_section

        from .access import LOG_READERS
        from .alerts import refusal_watch
        from .services import audit_refused

        register_refusal_handler(audit_refused)
        register_refusal_handler(refusal_watch)  # after the row is written: counts it

        # First on the start page (before the accounts sections), as before the registries.
        register_section(
            Section(
                _("Adgangslog"),
                _("Søg i kommunens log over, hvem der har set og ændret personoplysninger, og hvorfor."),
                "audit:search",
                LOG_READERS,
            ),
            position=0,
        )
        register_nav(NavItem("audit:search", _("Adgangslog"), LOG_READERS, "audit"))
