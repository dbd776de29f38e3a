from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    name = "tryg.audit"
    label = "audit"
    verbose_name = "Adgangslog"

    def ready(self) -> None:
        from tryg.accounts.models import Role
        from tryg.core.selectors import NavItem, Section, register_nav, register_section

        roles = (Role.TOVHOLDER, Role.ADMINISTRATOR)
        # The core start page already lists the log; register_section ignores a duplicate url_name.
        register_section(
            Section(
                _("Adgangslog"),
                _("Søg i kommunens log over, hvem der har set og ændret personoplysninger, og hvorfor."),
                "audit:search",
                roles,
            )
        )
        register_nav(NavItem("audit:search", _("Adgangslog"), roles, "audit"))
