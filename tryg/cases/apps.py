from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasesConfig(AppConfig):
    name = "tryg.cases"
    label = "cases"
    verbose_name = _("Underretninger og sager")

    def ready(self):
        from . import hooks

        hooks.register()
        from . import citations  # noqa: F401 - registers the clocks' citations of law with the knowledge base
