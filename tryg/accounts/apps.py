from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "tryg.accounts"
    label = "accounts"
    verbose_name = "Konti"

    def ready(self) -> None:
        from tryg.core.selectors import NavItem, Section, register_nav, register_section

        from . import signals  # noqa: F401
        from .models import Role

        register_section(
            Section(
                _("Brugere og enheder"),
                _("Opret brugere, enheder og roller, og deaktivér brugere, der ikke længere skal have adgang."),
                "accounts:admin-users",
                (Role.ADMINISTRATOR,),
            )
        )
        register_nav(NavItem("accounts:admin-users", _("Brugere og enheder"), (Role.ADMINISTRATOR,), "accounts"))
