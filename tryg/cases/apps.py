from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasesConfig(AppConfig):
    name = "tryg.cases"
    label = "cases"
    verbose_name = _("Underretninger og sager")

    def ready(self):
        from tryg.accounts.models import Role
        from tryg.core.selectors import NavItem, Section, register_nav, register_section

        from . import citations  # noqa: F401 - registers the clocks' citations of law with the knowledge base

        notifiers = (Role.FAGPERSON, Role.SAGSBEHANDLER, Role.TOVHOLDER, Role.PARTNER, Role.SIKKERHEDSKONSULENT)
        case_roles = (Role.SAGSBEHANDLER, Role.SIKKERHEDSKONSULENT)
        register_nav(NavItem("cases:queue", _("Underretninger"), (Role.SAGSBEHANDLER,), "cases"))
        register_nav(NavItem("cases:case-list", _("Sager"), case_roles, "cases"))
        register_nav(NavItem("cases:my-tasks", _("Mine opgaver"), case_roles, "cases"))
        register_nav(NavItem("cases:my-concerns", _("Mine underretninger"), (Role.FAGPERSON, Role.PARTNER), "cases"))
        register_section(
            Section(
                _("Modtagne underretninger"),
                _("Se din enheds kø med de lovbestemte frister, kvittér for modtagelse og visitér til sag."),
                "cases:queue",
                (Role.SAGSBEHANDLER,),
            ),
            position=0,
        )
        register_section(
            Section(
                _("Sager"),
                _("Find sager, du har adgang til, på sagsnummer, navn eller CPR-nummer."),
                "cases:case-list",
                case_roles,
            )
        )
        register_section(
            Section(
                _("Mine opgaver og frister"),
                _("Dine opgaver i sagerne og fristerne for underretninger i din enhed."),
                "cases:my-tasks",
                case_roles,
            )
        )
        register_section(
            Section(
                _("Send en underretning"),
                _("Meld en bekymring for et barn, en ung eller en voksen til kommunen."),
                "cases:concern-create",
                notifiers,
            )
        )
        register_section(
            Section(
                _("Mine underretninger"),
                _("Følg status på de underretninger, du har sendt."),
                "cases:my-concerns",
                notifiers,
            )
        )
        register_section(
            Section(
                _("Beskeder"),
                _("Besked om akutte underretninger, kvitteringer, opgaver og nødadgang."),
                "cases:notifications",
                notifiers + (Role.ADMINISTRATOR,),
            )
        )
        register_section(
            Section(
                _("Indsigt i adgangshistorik"),
                _("Udlevér en persons adgangshistorik (tidspunkt, enhed og formål) efter anmodning."),
                "cases:person-access-export",
                (Role.TOVHOLDER,),
            )
        )
        register_section(
            Section(
                _("Modtagelse af underretninger"),
                _("Vælg de enheder, der modtager underretninger om børn og voksne, og opbevaringstiden for sager."),
                "cases:intake-settings",
                (Role.ADMINISTRATOR,),
            )
        )
