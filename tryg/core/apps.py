from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "tryg.core"
    label = "core"
    verbose_name = "Tryg core"

    def ready(self) -> None:
        from . import checks  # noqa: F401  (registers system checks)
