from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "tryg.accounts"
    label = "accounts"
    verbose_name = "Konti"

    def ready(self) -> None:
        from tryg.core.selectors import NavItem, Section, register_nav, register_section

        from . import checks, signals  # noqa: F401  (system checks, signal handlers)
        from .models import ALL_ROLES, Role
        from .registry import AdminLink, register_admin_link

        register_section(
            Section(
                _("Brugere og enheder"),
                _("Opret brugere, enheder og roller, og deaktivér brugere, der ikke længere skal have adgang."),
                "accounts:admin-users",
                (Role.ADMINISTRATOR,),
            )
        )
        register_section(
            Section(_("Din konto"), _("Skift adgangskode og se din totrinsbekræftelse."), "accounts:account", ALL_ROLES)
        )
        register_nav(NavItem("accounts:admin-users", _("Brugere og enheder"), (Role.ADMINISTRATOR,), "accounts"))
        register_admin_link(AdminLink("users", _("Brugere"), "accounts:admin-users", order=10))
        register_admin_link(AdminLink("units", _("Enheder"), "accounts:admin-units", order=20))
